"""Check decisions against the official consolidated texts.

Two modes:

* **replay** — the predecessor text is in the corpus: apply the decision and
  compare the result with the official re-publication article by article.
* **derived** — the text itself was derived at import (no official text yet): the replay must
  still give it (an official text imported later replaces it and is replayed against).
* **consistency** — the predecessor is missing (every decision in the seeds):
  the article-number map old→new is computed from the decision alone (the
  articles it deletes, merges and adds fix the old count, 37 + 21 deleted + 1
  merged = 59 for the land measures), and each operation is checked where the
  map puts it in the official text: replaced or added text must be there,
  deleted phrases and replaced terms must be gone.

Tables changed by a decision are **derived**: no official table is printed,
so the new cells are computed and the stated old values are checked against
the base table.
"""

from __future__ import annotations

from typing import NamedTuple

from lawdiff.amend.apply import apply_part, history_entry, renumbers
from lawdiff.amend.consistency import Check, consistency
from lawdiff.amend.load import decision_for
from lawdiff.amend.ops import (
    Decision,
    Part,
    table_cells,
)
from lawdiff.corpus.reader import Corpus
from lawdiff.corpus.timeline import predecessor
from lawdiff.errors import AmendmentError, Progress
from lawdiff.i18n import _
from lawdiff.structure.model import Law, LawText, Revision


class Report(NamedTuple):
    law: str
    revision: str
    decision: str
    mode: str  # replay | consistency | derived
    instructions: int
    operations: int
    checks: list[Check]
    equal: int
    different: int
    first_difference: str | None

    @property
    def ok(self) -> bool:
        return self.different == 0 and not any(c.status == "inconsistent" for c in self.checks)


def _report(
    law: Law,
    rev: Revision,
    part: Part,
    mode: str,
    checks: list[Check],
    equal: int,
    different: int,
    first: str | None,
) -> Report:
    n_ops = sum(len(i.ops) for i in part.instructions)
    return Report(
        law.id,
        rev.id,
        rev.decision or "",
        mode,
        len(part.instructions),
        n_ops,
        checks,
        equal,
        different,
        first,
    )


def verify_law(corpus: Corpus, law: Law) -> list[Report]:
    reports = []
    for rev in law.revisions:
        if not rev.decision or rev.kind != "amended":
            continue
        try:
            _x, decision = decision_for(corpus, rev)
            tables = decision.table_target or table_cells(
                op for p in decision.parts for i in p.instructions for op in i.ops
            )
            part = None if tables else decision.part_for(law.title if len(decision.parts) > 1 else None)
        except AmendmentError as exc:  # a decision the engine cannot read: said, not skipped
            if rev.text_file is not None:
                reports.append(Report(law.id, rev.id, rev.decision, "replay", 0, 0, [], 0, 1, str(exc)))
            continue
        if part is None:
            reports.append(_verify_table(corpus, law, rev, decision))
            continue
        if rev.text_file is None:
            continue
        prev = predecessor(law, rev)
        official = corpus.load_text(law, rev)
        if prev is not None and prev.text_file is not None:
            base = corpus.load_text(law, prev)
            reports.append(_replay(law, rev, decision, part, base, official))
        else:
            checks = consistency(official, part, renumbered=renumbers(part, decision))
            touched = {c.article for c in checks if c.article}
            bad = {c.article for c in checks if c.article and c.status == "inconsistent"}
            first = next(
                (
                    f"{c.article or ''} instruction {c.instruction}: {c.detail}"
                    for c in checks
                    if c.status == "inconsistent"
                ),
                None,
            )
            reports.append(
                _report(law, rev, part, "consistency", checks, len(touched - bad), len(bad), first)
            )
    return reports


def _replay(
    law: Law,
    rev: Revision,
    decision: Decision,
    part: Part,
    base: LawText,
    official: LawText,
) -> Report:
    assert rev.decision is not None

    mode = "derived" if rev.derived else "replay"

    def report(checks: list[Check], equal: int, different: int, first: str | None) -> Report:
        return _report(law, rev, part, mode, checks, equal, different, first)

    try:
        result = apply_part(
            base, part, decision, decision_id=rev.decision, history_entry=history_entry(decision)
        )
    except AmendmentError as exc:
        return report([], 0, 1, str(exc))
    checks = []
    if result.text.note != official.note:
        detail = _("rebuilt {rebuilt!r}, official {official!r}").format(
            rebuilt=result.text.note, official=official.note
        )
        checks.append(Check("", "history note", "inconsistent", detail))
    got, want = result.text.articles, official.articles
    equal = sum(1 for a, b in zip(got, want, strict=False) if a.text == b.text)
    first = next(
        (
            _("{label}: rebuilt {rebuilt!r} … official {official!r}").format(
                label=b.label, rebuilt=a.text[:60], official=b.text[:60]
            )
            for a, b in zip(got, want, strict=False)
            if a.text != b.text
        ),
        None,
    )
    if first is None and len(got) != len(want):
        first = _("rebuilt {n} articles, official {n2}").format(n=len(got), n2=len(want))
    return report(checks, equal, max(len(got), len(want)) - equal, first)


def _verify_table(corpus: Corpus, law: Law, rev: Revision, decision: Decision) -> Report:
    from lawdiff.amend.derive import derived_tables

    assert rev.decision is not None
    part = decision.parts[0]
    checks: list[Check] = []
    try:
        tables = derived_tables(corpus, law, rev)
    except AmendmentError as exc:
        return _report(law, rev, part, "derived", [], 0, 1, str(exc))
    for ins in part.instructions:
        for cell in table_cells(ins.ops):
            value = next((t.get(cell.row, cell.column) for t in tables), None)
            status = "consistent" if value == cell.new else "inconsistent"
            detail = f"“{cell.row}” {cell.column}: {cell.old} → {value}"
            checks.append(Check(ins.ordinal, "TableCell", status, detail))
    bad = sum(1 for c in checks if c.status == "inconsistent")
    return _report(law, rev, part, "derived", checks, len(checks) - bad, bad, None)


def verify(
    corpus: Corpus, name: str | None = None, progress: Progress | None = None
) -> list[Report]:
    ids = [corpus.resolve(name)] if name else [e.id for e in corpus.index()]
    out: list[Report] = []
    for k, law_id in enumerate(ids):
        if progress is not None:
            progress(k, len(ids), law_id)
        out.extend(verify_law(corpus, corpus.load_law(law_id)))
    return out
