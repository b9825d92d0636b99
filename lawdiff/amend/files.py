"""``lawdiff amend``: texts from anywhere on disk (plain consolidated text or gazette extraction)."""

from __future__ import annotations

from pathlib import Path

import regex

from lawdiff.amend.apply import apply_decision
from lawdiff.amend.decisions import parse_decision
from lawdiff.amend.working import Result
from lawdiff.errors import GazetteError, InputError
from lawdiff.sources.files import read_gazette
from lawdiff.structure.model import LawText
from lawdiff.structure.parse import parse_text

_GAZETTE_SIGNS = regex.compile("[\U001001b0\U00100170«»‹›０-９]")
_LABEL = regex.compile(
    r"^(第[零一二三四五六七八九十百千]+条(?:之[零一二三四五六七八九十]+)?)[ \u3000]+"
)


def looks_like_gazette(text: str) -> bool:
    """PDF extraction: private-use dots, « » marks, full-width digits, ASCII sentence punctuation."""
    if _GAZETTE_SIGNS.search(text):
        return True
    return text.count(",") + text.count(".") > text.count("，") + text.count("。")


def text_lines(raw: str, *, want: str) -> list[str]:
    """Canonical lines (title first) from plain or gazette text; ``want``: regulation | decision."""
    if not looks_like_gazette(raw):
        lines = [_LABEL.sub("\\1\u3000", ln.strip(" \u3000\t\r")) for ln in raw.splitlines()]
        return [ln for ln in lines if ln]
    from lawdiff.sources.clean import clean
    from lawdiff.sources.gazette import split

    result = clean(raw)
    try:
        docs = split(result)
    except GazetteError:
        docs = []
    kinds = ("regulation",) if want == "regulation" else ("amendment", "draft")
    hits = []
    for kind in kinds:  # an adopted decision before a draft of it
        hits = [d for d in docs if d.kind == kind]
        if hits:
            break
    if len(hits) == 1:
        return hits[0].lines()
    if len(hits) > 1:
        raise InputError(
            f"the gazette text holds {len(hits)} {want} documents: cut out the one you mean"
        )
    return [p.text for p in result.paras]


def load_base(path: Path) -> LawText:
    lines = text_lines(read_gazette(path), want="regulation")
    if not lines:
        raise InputError(f"{path}: empty text")
    text = parse_text(lines, source=str(path))
    if not text.articles:
        raise InputError(f"{path}: no articles (第…条) found: is this a consolidated text?")
    return text


def amend_files(base: Path, decision: Path, law: str | None) -> tuple[Result, str]:
    base_text = load_base(base)
    lines = text_lines(read_gazette(decision), want="decision")
    parsed = parse_decision("\n".join(lines), decision_id=decision.stem)
    return apply_decision(base_text, parsed, law_title=law, decision_id=decision.stem), parsed.title
