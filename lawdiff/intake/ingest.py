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
from lawdiff.corpus.schema import law_to_dict
from lawdiff.errors import GazetteError
from lawdiff.intake.corrections import load_corrections
from lawdiff.intake.handlers import HANDLERS, cn_number, enactments_from_explanations
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
    root = state.root
    writes: list[store.PlannedWrite] = []
    pristine: dict[Path, str] = {}
    for (law_id, rev_id), text in sorted(state.texts.items()):
        path = root / law_id / f"{rev_id}.txt"
        writes.append(store.PlannedWrite(path, "\n".join(text.lines()) + "\n"))
    for law_id, law in sorted(state.laws.items()):
        writes.append(
            store.PlannedWrite(root / law_id / "law.yaml", store.render_yaml(law_to_dict(law)))
        )
        if law_id in state._known_ids:
            for r in state.corpus.load_law(law_id).revisions:
                if r.text_file and r.text_sha256:
                    pristine[root / law_id / r.text_file] = r.text_sha256
    for (law_id, file), lines in sorted(state.reports.items()):
        writes.append(store.PlannedWrite(root / law_id / file, "\n".join(lines) + "\n"))
    for did, rec in sorted(state.decisions.items()):
        writes.append(
            store.PlannedWrite(root / "decisions" / f"{did}.yaml", store.render_yaml(rec))
        )
        if did in state.decision_texts:
            writes.append(
                store.PlannedWrite(
                    root / "decisions" / f"{did}.txt", "\n".join(state.decision_texts[did]) + "\n"
                )
            )
        old = state.decision(did)
        if old and old.get("sha256"):
            pristine[root / "decisions" / f"{did}.txt"] = old["sha256"]
    writes.append(store.PlannedWrite(root / "index.yaml", store.render_yaml(_index(state))))
    writes.append(
        store.PlannedWrite(
            root / "gazettes" / f"{issue}.yaml",
            store.render_yaml(_manifest(issue, result, docs, src)),
        )
    )
    return store.plan_writes(writes, pristine)


def _index(state: State) -> dict[str, Any]:
    entries: dict[str, dict[str, Any]] = {}
    for e in state.corpus.index() if state.root.is_dir() else []:
        entries[e.id] = {"id": e.id, "title": e.title, "short_title": e.short_title, "kind": e.kind}
        if e.aliases:
            entries[e.id]["aliases"] = list(e.aliases)
    for law in state.laws.values():
        entries[law.id] = {
            "id": law.id,
            "title": law.title,
            "short_title": law.short_title,
            "kind": law.kind,
        }
        if law.aliases:
            entries[law.id]["aliases"] = list(law.aliases)
    return {"laws": [entries[k] for k in sorted(entries)]}


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
    text = read_gazette(path)
    if not text.strip():
        raise GazetteError(f"{path}: empty file")
    sha = sha256(text)
    issue = gazette_issue(text) or f"sha-{sha[:12]}"
    corrections = load_corrections(root, issue, sha)
    result = clean(text, corrections)
    docs = split(result)
    state = State(root, issue)
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
    report = IngestReport(
        path,
        issue,
        sha,
        actions,
        writes,
        result.ambiguous,
        len(corrections.items) if corrections else 0,
    )
    if not dry_run:
        store.apply_writes(writes, force=force)
    return report


def _attach_tables(docs: list[Document], state: State, issue: str) -> None:
    """Rate tables changed by a decision: the cells known before it (see tables.py)."""
    from lawdiff.intake.tables import tables_from_decisions

    tables_from_decisions(docs, state, issue)
