"""What an ingest or import leaves on disk: every file of the laws and decisions it touched, planned.

The writes go through ``store.plan_writes`` / ``store.apply_writes`` (one plan, checked for
hand-edited files, then written), whichever reader the texts came from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lawdiff.corpus import store
from lawdiff.corpus.schema import law_to_dict
from lawdiff.intake.state import State


def state_writes(state: State, extra: list[store.PlannedWrite] | None = None) -> list[store.PlannedWrite]:
    """The texts, law.yaml files, reports, decisions and index of ``state``, classified."""
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
            for r in state.disk_law(law_id).revisions:
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
        old = _on_disk(root / "decisions" / f"{did}.yaml")  # not this run's new record
        if old and old.get("sha256"):
            pristine[root / "decisions" / f"{did}.txt"] = old["sha256"]
    writes.append(store.PlannedWrite(root / "index.yaml", store.render_yaml(index_of(state))))
    writes.extend(extra or [])
    return store.plan_writes(writes, pristine)


def index_of(state: State) -> dict[str, Any]:
    entries: dict[str, dict[str, Any]] = {}
    for e in state.corpus.index() if (state.root / "index.yaml").is_file() else []:
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


def _on_disk(path: Path) -> dict[str, Any] | None:
    """A decision record as stored (its sha256 tells a generated text from a hand-edited one)."""
    if not path.is_file():
        return None
    from lawdiff.corpus.records import check_decision
    from lawdiff.corpus.yamlio import load

    return check_decision(load(path), str(path), path.stem)
