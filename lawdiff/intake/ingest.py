"""Gazette -> corpus: clean, split, classify, and merge what was found into ``laws/``.

Ingest is idempotent (a second run writes nothing), order-independent (the
gazettes can be ingested in any order and give the same files), refuses to
overwrite files edited by hand unless forced, and writes atomically after
every check has passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lawdiff.corpus import store
from lawdiff.corpus.files import sha256
from lawdiff.corpus.txn import check_target
from lawdiff.errors import GazetteError
from lawdiff.i18n import _
from lawdiff.intake.corrections import load_corrections
from lawdiff.intake.handlers import HANDLERS, cn_number, enactments_from_explanations
from lawdiff.intake.render import state_writes
from lawdiff.intake.reports import attach_reports
from lawdiff.intake.state import DocAction, State
from lawdiff.sources.clean import CleanResult, clean, gazette_issue
from lawdiff.sources.files import read_gazette
from lawdiff.sources.gazette import Document, split


@dataclass
class IngestReport:
    source: Path
    issue: str
    sha256: str
    documents: list[DocAction]
    writes: list[store.PlannedWrite]
    ambiguous: list[int]
    corrections_applied: int

    @property
    def changed(self) -> list[store.PlannedWrite]:
        return [w for w in self.writes if w.status in ("new", "changed", "curated")]


# ---------------------------------------------------------------- rendering


def _render(
    state: State, issue: str, result: CleanResult, docs: list[DocAction], src: Path
) -> list[store.PlannedWrite]:
    manifest = store.PlannedWrite(
        state.root / "gazettes" / f"{issue}.yaml",
        store.render_yaml(_manifest(issue, result, docs, src)),
    )
    return state_writes(state, [manifest])


def _manifest(issue: str, result: CleanResult, docs: list[DocAction], src: Path) -> dict[str, Any]:
    out: dict[str, Any] = {
        "issue": issue,
        "sha256": result.sha256,
        "paragraphs": len(result.paras),
        "debris_lines_dropped": result.debris,
        "ambiguous_breaks_left": result.ambiguous,
        "documents": [],
    }
    for a in docs:
        d = a.doc
        row: dict[str, Any] = {
            "no": d.index,
            "lines": f"{d.first}-{d.last}",
            "kind": d.kind,
            "title": d.title,
        }
        for key in ("adopted", "promulgated", "effective"):
            value = getattr(d, key)
            if value:
                row[key] = value.isoformat()
        if d.number:
            row["announcement"] = f"第{cn_number(d.number)}号"
        if a.stored:
            row["stored"] = a.stored
        if a.note:
            row["note"] = a.note
        out["documents"].append(row)
    return out


# ---------------------------------------------------------------- entry point


def ingest(path: Path, root: Path, *, dry_run: bool = False, force: bool = False) -> IngestReport:
    """Read, check and merge a gazette; write it as one transaction (nothing on any refusal)."""
    text = read_gazette(path)
    if not text.strip():
        raise GazetteError(_("{path}: empty file").format(path=path))
    if dry_run:
        store.recover_pending(root)
    check_target(root)
    if dry_run:
        return _ingest(path, text, root, force)
    with store.transaction(root, create=True):  # the writers' lock over read, plan and write
        report = _ingest(path, text, root, force)
        store.apply_writes(report.writes, force=force)
    return report


def _ingest(path: Path, text: str, root: Path, force: bool = False) -> IngestReport:
    sha = sha256(text)
    issue = gazette_issue(text) or f"sha-{sha[:12]}"
    corrections = load_corrections(root, issue, sha)
    result = clean(text, corrections)
    docs = split(result)
    state = State(root, issue)
    state.force = force
    actions = [DocAction(d) for d in docs]
    for a in actions:
        handler = HANDLERS.get(a.doc.kind)
        if handler:
            handler(a.doc, state, issue, a)
        elif a.doc.kind == "draft":
            a.note = "draft printed with its explanation; not a law text"
    enactments_from_explanations(docs, state, issue)
    _attach_tables(docs, state, issue)
    attach_reports(actions, state, issue)
    writes = _render(state, issue, result, actions, path)
    return IngestReport(
        path,
        issue,
        sha,
        actions,
        writes,
        result.ambiguous,
        len(corrections.items) if corrections else 0,
    )


def _attach_tables(docs: list[Document], state: State, issue: str) -> None:
    """Rate tables changed by a decision: the cells known before it (see tables.py)."""
    from lawdiff.intake.tables import tables_from_decisions

    tables_from_decisions(docs, state, issue)
