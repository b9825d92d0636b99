"""The 说明 and review reports of a draft, stored with the revision they led to."""

from __future__ import annotations

import regex

from lawdiff.corpus.files import sha256
from lawdiff.intake.handlers import source_ref
from lawdiff.intake.state import DocAction, State, merge_revision, top_level_quotes
from lawdiff.sources.gazette import Document
from lawdiff.sources.history import unnest_title
from lawdiff.structure.dates import parse_cn_date
from lawdiff.structure.model import Law, ReportRef, Revision

# ---------------------------------------------------------------- reports

DRAFT = regex.compile(r"《((?:[^《》]|《[^《》]*》)*?)（(?:修订|修正)?草案）》")
_REPORT_KIND = (
    ("的说明", "说明"),
    ("审议结果的报告", "审议结果"),
    ("修改情况的报告", "修改情况"),
    ("研究意见的报告", "研究意见"),
    ("审议意见的报告", "审议意见"),
)
_DELIVERED = regex.compile(r"^—+([0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)在")


def report_kind(title: str) -> str | None:
    return next((kind for end, kind in _REPORT_KIND if title.endswith(end)), None)


def attach_reports(actions: list[DocAction], state: State, issue: str) -> None:
    """Store each 说明 / review report of a draft with the revision it led to.

    A report names its draft (《…（修订草案）》). A draft of an amending decision printed in this
    gazette belongs to the laws that decision amends; otherwise the report belongs to the law text
    or decision printed last before it (the gazette prints a law, then its reports; a draft's name
    may differ from the adopted title: 县域医疗卫生一体化改革促进条例 → …一体化办法).
    """
    from lawdiff.amend.ops import title_key

    decisions = {
        title_key(a.doc.title): a.doc for a in actions if a.doc.kind in ("amendment", "repeal")
    }
    last: Document | None = None
    for a in actions:
        doc = a.doc
        if doc.kind in ("regulation", "amendment", "repeal"):
            last = doc
            continue
        kind = report_kind(doc.title)
        m = DRAFT.search(doc.title)
        if doc.kind not in ("explanation", "review") or kind is None or m is None:
            continue
        owner = decisions.get(title_key(m.group(1))) or last
        if owner is None:
            a.note = "report: no law or decision printed before it"
            continue
        targets = _report_targets(owner, state, issue)
        if not targets:
            a.note = f"report on {owner.title}: no revision of a law to attach it to"
            continue
        delivered = next(
            (parse_cn_date(mm.group(1)) for p in doc.body_text[:4] if (mm := _DELIVERED.match(p))),
            None,
        )
        file = f"reports/{issue}-{doc.index:02d}.txt"
        lines = doc.lines()
        ref = ReportRef(
            kind,
            doc.title,
            file,
            sha256("\n".join(lines) + "\n"),
            delivered,
            source_ref(issue, doc),
        )
        for law, rev in targets:
            merge_revision(law, Revision(id=rev.id, kind=rev.kind, reports=[ref]))
            state.reports[(law.id, file)] = lines
            a.stored.append(f"{law.id}/{file}")


def _report_targets(owner: Document, state: State, issue: str) -> list[tuple[Law, Revision]]:
    """The (law, revision) pairs a report printed after ``owner`` is about."""
    out = []
    if owner.kind == "regulation":
        src = source_ref(issue, owner, "text")
        for law in state.laws.values():
            out.extend((law, r) for r in law.revisions if src in r.sources)
    elif owner.kind == "amendment" and owner.adopted is not None:
        inner = regex.sub(r"^.*?关于修改", "", owner.title)
        for t in top_level_quotes(inner):
            law = state.law(unnest_title(t))
            rev = law.revision(owner.adopted.isoformat())
            if rev is not None:
                out.append((law, rev))
    return out
