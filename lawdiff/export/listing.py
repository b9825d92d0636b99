"""Rows and rich tables for ``list``, ``history`` and the ingest summary.

Every text column folds instead of truncating: rich's default ellipsis would
silently cut Chinese titles.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from lawdiff.corpus.reader import Corpus
from lawdiff.corpus.timeline import latest, status_today
from lawdiff.structure.model import Law, Revision


def list_rows(corpus: Corpus, today: date) -> list[dict[str, Any]]:
    rows = []
    for entry in corpus.index():
        law = corpus.load_law(entry.id)
        last = latest(law)
        with_text = [r.id for r in law.revisions if r.text_file]
        rows.append(
            {
                "id": law.id,
                "title": law.title,
                "kind": law.kind,
                "status": status_today(law, today),
                "latest": f"{last.id} {last.kind}",
                "text": ", ".join(with_text) if with_text else "—",
            }
        )
    return rows


def history_rows(law: Law, corpus: Corpus | None = None) -> list[dict[str, Any]]:
    rows = []
    for r in law.revisions:
        changes = ""
        if corpus is not None and r.decision and r.kind == "amended":
            from lawdiff.amend.provenance import change_summary

            changes = change_summary(corpus, law, r)
        event = r.decision or r.decision_title or ""
        if r.kind == "enacted" and not event:
            event = f"通过（{r.session}）" if r.session else "通过"
        if r.approved:
            event = (event + "; " if event else "") + f"批准 {r.approved.isoformat()}"
        eff = r.effective.isoformat() if r.effective else "—"
        if r.effective is None and r.effective_basis:
            eff = f"— ({r.effective_basis})"
        rows.append(
            {
                "id": r.id,
                "kind": r.kind + (f" ({r.label})" if r.label and r.label not in ("修正",) else ""),
                "adopted": r.adopted.isoformat() if r.adopted else "—",
                "promulgated": r.promulgated.isoformat() if r.promulgated else "—",
                "effective": eff,
                "decision": event,
                "changes": changes,
                "text": _availability(r),
            }
        )
    if law.repealed:
        rows.append(
            {
                "id": law.repealed.isoformat(),
                "kind": "repealed",
                "adopted": law.repeal_adopted.isoformat() if law.repeal_adopted else "—",
                "promulgated": "—",
                "effective": law.repealed.isoformat(),
                "decision": law.repeal_decision or "",
                "text": "—",
                "changes": "",
            }
        )
    return rows


def _availability(r: Revision) -> str:
    if r.text_file:
        return "yes (derived)" if r.derived else "yes"
    if r.derived:
        return "table derived from the decision"
    return "partial table only" if r.tables else "not in corpus"


def print_table(
    rows: list[dict[str, Any]], keys: list[str], headers: list[str], title: str = ""
) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title or None, show_lines=False)
    for h in headers:
        table.add_column(h, overflow="fold")
    for row in rows:
        table.add_row(*(Text(str(row.get(k, ""))) for k in keys))
    Console(width=_width()).print(table)


def console_width() -> int:
    """The terminal's width, else $COLUMNS, else 160 (pipes and files)."""
    import shutil

    return _width() or shutil.get_terminal_size((160, 40)).columns


def _width() -> int | None:
    import os
    import sys

    if sys.stdout.isatty():
        return None
    return int(os.environ.get("COLUMNS", "160"))


def print_ingest(report: Any, *, dry_run: bool) -> None:
    rows = []
    for a in report.documents:
        d = a.doc
        dates = " ".join(
            f"{k[0]}:{getattr(d, k).isoformat()}"
            for k in ("adopted", "promulgated", "effective")
            if getattr(d, k)
        )
        rows.append(
            {
                "no": d.index,
                "lines": f"{d.first}-{d.last}",
                "kind": d.kind,
                "title": d.title
                + (f"（第{_cn(d.number)}号）" if d.kind == "announcement" and d.number else ""),
                "dates": dates,
                "stored": ", ".join(a.stored) or a.note,
            }
        )
    print_table(
        rows,
        ["no", "lines", "kind", "title", "dates", "stored"],
        ["#", "lines", "kind", "title", "dates (a=adopted p=promulgated e=effective)", "in corpus"],
        title=f"公报{report.issue}: {len(rows)} documents",
    )
    changed = report.changed
    verb = "would change" if dry_run else "changed"
    import sys

    if not changed:
        print("corpus unchanged (nothing new in this gazette)", file=sys.stderr)
    else:
        counts: dict[str, int] = {}
        for w in changed:
            counts[w.status] = counts.get(w.status, 0) + 1
        summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
        print(f"{verb}: {len(changed)} files ({summary})", file=sys.stderr)
        for w in changed:
            print(f"  {w.status:9} {w.path}", file=sys.stderr)


def _cn(n: int) -> str:
    from lawdiff.structure.numerals import int_to_cn

    return int_to_cn(n)
