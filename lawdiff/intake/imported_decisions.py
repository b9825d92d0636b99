"""An amendment decision (关于修改…的决定) or 修正案 given to ``import``: stored as a decision.

The record is the gazette's (``decisions/<id>.yaml`` + the text), and each law it amends gets a
revision pointing at it: the laws of an omnibus are read from its sections (the engine's parts),
else from the title.  The texts it gives are derived after the import (``derived_texts``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import regex

from lawdiff.corpus.files import sha256
from lawdiff.errors import InputError, LawdiffError
from lawdiff.i18n import _
from lawdiff.intake.state import merge_revision, title_key, top_level_quotes
from lawdiff.sources.events import read_events
from lawdiff.sources.history import unnest_title
from lawdiff.sources.kinds import issuer_of, kind_of
from lawdiff.structure.dates import parse_cn_date
from lawdiff.structure.model import Revision

if TYPE_CHECKING:
    from lawdiff.intake.state import ImportState
    from lawdiff.sources.readers import SourceText

_EFFECTIVE = regex.compile(r"本(?:决定|修正案)自(公布之日|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)起施行")


def targets_of(title: str) -> list[str]:
    """The titles a decision amends: 《…》 after 关于修改, or the law of a 修正案."""
    m = regex.match(r"^(.+?)修正案(?:（[一二三四五六七八九十0-9]+年?）)?$", title)
    if m and "关于修改" not in title:
        return [m.group(1)]
    inner = regex.sub(r"^.*?关于修改", "", title)
    return [unnest_title(t) for t in top_level_quotes(inner)]


def _part_targets(src: SourceText) -> list[str]:
    """The regulations the decision's parts amend (an omnibus names them in its sections, its
    title only the first): empty when the engine cannot read the decision or a part has no title."""
    from lawdiff.amend.decisions import parse_decision

    try:
        decision = parse_decision("\n".join([src.title, *src.body]), strict=False)
    except LawdiffError:
        return []
    targets = [p.target for p in decision.parts]
    if len(targets) < 2 or any(t is None for t in targets):
        return []
    return [unnest_title(t) for t in targets if t]


def _known_title(state: ImportState, title: str) -> str:
    """The spelling of ``title`` the corpus knows (with or without 中华人民共和国)."""
    for t in (title, f"中华人民共和国{title}", title.removeprefix("中华人民共和国")):
        if title_key(t) in state.by_title:
            return t
    return title


def add_decision(state: ImportState, src: SourceText) -> dict[str, Any]:
    events = read_events(src.note or "")
    adopted = next((e.day for e in events if e.kind in ("adopted", "amended")), None)
    if adopted is None:
        raise InputError(_("{src.path}: {src.title}: no adoption date in its 题注").format(src=src))
    titles = _part_targets(src) or targets_of(src.title)
    if not titles:
        raise InputError(_("{src.path}: {src.title}: no amended law named in the title").format(src=src))
    laws = []
    for t in dict.fromkeys(_known_title(state, t) for t in titles):
        law = state.law_for(t, kind_of(t, src.note, src.front), issuer_of(src.note, src.front))
        if law not in laws:
            laws.append(law)
    word = "修正案" if src.title.endswith(("修正案", "）")) and "修正案" in src.title else "修改"
    did = f"{adopted.isoformat()}-{word}-{laws[0].id}{'等' if len(laws) > 1 else ''}"
    lines = [src.title, *([src.note] if src.note else []), *src.body]
    body = "".join(src.body)
    m = _EFFECTIVE.search(body)
    effective = None
    basis = ""
    if m:
        basis = f"自{m.group(1)}起施行"
        effective = parse_cn_date(m.group(1)) if m.group(1) != "公布之日" else None
    tag = f"import {src.path.name} sha256:{src.sha256[:12]}"
    rec: dict[str, Any] = {
        "id": did,
        "title": src.title,
        "kind": "amendment",
        "adopted": adopted.isoformat(),
        "effective": effective.isoformat() if effective else None,
        "effective_basis": basis or None,
        "targets": [law.id for law in laws],
        "text": f"{did}.txt",
        "sha256": sha256("\n".join(lines) + "\n"),
        "sources": [tag],
    }
    rec = {k: v for k, v in rec.items() if v is not None}
    state.decisions[did] = rec
    state.decision_texts[did] = lines
    session = next((e.body for e in events if e.day == adopted), "")
    for law in laws:
        merge_revision(
            law,
            Revision(
                id=adopted.isoformat(),
                kind="amended",
                adopted=adopted,
                session=session,
                effective=effective,
                effective_basis=f"decision: {basis}" if basis else "",
                decision=did,
                decision_title=regex.sub(r"^[^《〈]*?(?=关于)", "", src.title),  # as a 题注 cites it
                sources=[f"{tag} (decision)"],
            ),
        )
    return {"id": did, "title": src.title, "targets": rec["targets"], "path": str(src.path)}
