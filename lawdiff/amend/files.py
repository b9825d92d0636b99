"""``lawdiff amend``: texts from anywhere on disk, read by the source readers.

A consolidated text or a decision may be the 国家法律法规数据库 plain text or .docx, a
LawRefBook Markdown file, a plain copy, or a gazette extracted from PDF (the decision is then
cut out of the gazette).  Every reader applies the one normalisation (``sources.normalize``).
"""

from __future__ import annotations

from pathlib import Path

from lawdiff.amend.apply import apply_decision
from lawdiff.amend.decisions import parse_decision
from lawdiff.amend.ops import Decision
from lawdiff.amend.working import Result
from lawdiff.errors import GazetteError, InputError
from lawdiff.i18n import _
from lawdiff.sources.readers import decode, detect, read_bytes, read_source
from lawdiff.structure.model import LawText
from lawdiff.structure.parse import build_text, parse_text


def _gazette_lines(path: Path, raw: bytes, *, want: str) -> list[str]:
    """The one regulation / decision document of a gazette extraction."""
    from lawdiff.sources.clean import clean
    from lawdiff.sources.gazette import split

    result = clean(decode(path, raw))
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
        raise InputError(_("{path}: the gazette holds {n} {want} documents: cut out the one you mean").format(
            path=path, n=len(hits), want=_("regulation") if want == "regulation" else _("amendment")
        ))
    return [p.text for p in result.paras]


def load_base(path: Path) -> LawText:
    """A consolidated text from disk (plain text, .docx, Markdown or a gazette extraction)."""
    raw = read_bytes(path)
    if detect(path, raw) == "gazette":
        lines = _gazette_lines(path, raw, want="regulation")
        if not lines:
            raise InputError(_("{path}: empty text").format(path=path))
        text = parse_text(lines, source=str(path))
    else:
        src = read_source(path, raw)
        if not src.title:
            raise InputError(_("{path}: empty text").format(path=path))
        text = build_text(src.title, src.note, src.body, source=str(path))
    if not text.articles:
        raise InputError(_("{path}: no articles (第…条) found: is this a consolidated text?").format(path=path))
    return text


def decision_text(path: Path) -> str:
    """A decision's lines (title, 题注, body) from any of the formats a text comes in."""
    raw = read_bytes(path)
    if detect(path, raw) == "gazette":
        lines = _gazette_lines(path, raw, want="decision")
    else:
        src = read_source(path, raw)
        lines = [src.title, *([src.note] if src.note else []), *src.body]
    lines = [ln for ln in lines if ln]
    if not lines:
        raise InputError(_("{path}: empty text").format(path=path))
    return "\n".join(lines)


def load_decision(path: Path) -> Decision:
    return parse_decision(decision_text(path), decision_id=path.stem)


def amend_files(base: Path, decision: Path, law: str | None) -> tuple[Result, str]:
    base_text = load_base(base)
    parsed = load_decision(decision)
    return apply_decision(base_text, parsed, law_title=law, decision_id=decision.stem), parsed.title
