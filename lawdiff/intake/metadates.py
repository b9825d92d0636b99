"""Dates a source states in its metadata (公布日期, 施行日期), and how they date a revision.

A 题注 is the text's own history and always wins.  Where it leaves a date open (a law's 施行日期
is rarely in its 题注), the metadata fills it when it agrees with the 题注 (not before the
revision's adoption).  Where a text has no 题注 at all, the metadata is all that is known:

* the revision is identified by the **promulgation date** (公布日期; a LawRefBook date line is its
  publication date), else by the effective date;
* its **adoption date stays unknown** (a law is usually adopted on the day it is promulgated,
  a local regulation weeks before: the day is not invented);
* its **kind** is ``enacted`` — the text names no earlier revision — unless its title says
  修正/修订 (中华人民共和国民事诉讼法（2023修正）), or the law already has earlier revisions in
  the corpus (then ``amended``: which of 修正 and 修订 the source does not say);
* notes on the revision say all of this, so ``history`` and ``law.yaml`` show how it was dated.
"""

from __future__ import annotations

from lawdiff.sources.metadata import Meta
from lawdiff.structure.model import Law, Revision


def complete_from_meta(rev: Revision, meta: Meta) -> Revision:
    """The 题注's last revision, with the dates the metadata adds where the 题注 is silent."""
    floor = rev.adopted
    if meta.effective and rev.effective is None:
        if floor is None or meta.effective >= floor:
            rev.effective, rev.effective_basis = meta.effective, "the source's metadata: 施行日期"
        else:
            rev.notes = sorted({*rev.notes, f"the source's metadata gives 施行日期 {meta.effective}, before the adoption: not used"})
    if meta.promulgated and rev.promulgated is None:
        last = rev.effective
        if (floor is None or meta.promulgated >= floor) and (last is None or meta.promulgated <= last):
            rev.promulgated = meta.promulgated
            rev.notes = sorted({*rev.notes, "promulgation date from the source's metadata: 公布日期"})
        else:
            rev.notes = sorted({*rev.notes, f"the source's metadata gives 公布日期 {meta.promulgated}, outside the 题注's dates: not used"})
    return rev


def revision_from_meta(meta: Meta, version: str = "") -> Revision:
    """The revision a text without 题注 is, from its source's metadata."""
    promulgated = meta.promulgated or meta.dated
    when = promulgated or meta.effective
    assert when is not None
    kind = {"修订": "revised", "修正": "amended", "修改": "amended"}.get(version, "enacted")
    said = []
    if meta.promulgated:
        said.append(f"公布日期 {meta.promulgated}")
    elif meta.dated:
        said.append(f"date line {meta.dated} (publication)")
    if meta.effective:
        said.append(f"施行日期 {meta.effective}")
    notes = [
        f"no 题注: dated by the source's metadata ({', '.join(said)}); the adoption date is unknown",
        f"kind {kind}: " + (f"the title says {version}" if version else "the text names no earlier revision"),
    ]
    rev = Revision(id=when.isoformat(), kind=kind, promulgated=promulgated, notes=notes)
    if meta.effective and (promulgated is None or meta.effective >= promulgated):
        rev.effective, rev.effective_basis = meta.effective, "the source's metadata: 施行日期"
    return rev


def later_than_known(law: Law, rev: Revision) -> None:
    """A text without 题注 that comes after revisions already known is no enactment."""
    if rev.kind != "enacted" or not rev.notes or not rev.notes[0].startswith("no 题注"):
        return
    when = rev.order[0]
    if any(r.id != rev.id and r.order[0] < when for r in law.revisions):
        rev.kind = "amended"
        rev.notes = [rev.notes[0], "kind amended: the law has earlier revisions; whether 修正 or 修订 the source does not say"]
