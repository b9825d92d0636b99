"""Rate tables (税目税率表) at ingest: what a decision tells about the table it changes.

The seeds print no table, only the decision that changes three cells with
from→to values ("由8％调整为10％").  The from-values are the earlier
revision's cells, so ingest records them there as a *partial* table; the
later revision's table is not stored but computed from the decision
(``derive.py``), so the data stays single-sourced.
"""

from __future__ import annotations

from typing import Any

from lawdiff.amend.apply import table_from_cells
from lawdiff.amend.decisions import parse_decision
from lawdiff.amend.ops import table_cells
from lawdiff.corpus.timeline import predecessor


def tables_from_decisions(docs: list[Any], state: Any, issue: str) -> None:
    for doc in docs:
        if doc.kind != "amendment" or not doc.adopted:
            continue
        decision = parse_decision("\n".join(doc.lines()), decision_id=doc.title)
        cells = table_cells(op for p in decision.parts for ins in p.instructions for op in ins.ops)
        if not cells:
            continue
        target = decision.parts[0].target
        law = state.law(target) if target else None
        if law is None:
            continue
        amended = law.revision(doc.adopted.isoformat())
        assert amended is not None
        title = decision.table_target or cells[0].table or "附表"
        amended.derived = True
        before = predecessor(law, amended)
        if before is None:
            continue
        known = [(c.row, c.column, c.old) for c in cells if c.old is not None]
        note = (
            f"only the cells whose old values the decision of {doc.adopted.isoformat()} states are known; "
            "the rest of the table is not in the corpus"
        )
        before.tables = [table_from_cells(title, known, partial=True, note=note)]
        src = f"公报{issue} L{doc.first}-{doc.last} (old values in the decision)"
        before.sources = sorted(set(before.sources) | {src})
