"""The ``import`` report: JSON (``added`` / ``decisions`` / ``skipped``) or one line per file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lawdiff.export.ingestout import write_status
from lawdiff.i18n import _


def import_dict(report: Any) -> dict[str, Any]:
    """``{"added": [{"law", "title", "revision", "articles", …}], "decisions": [...], "skipped": [...],
    "derived": [{"law", "revision", "decision", "predecessor", "status", "reason", "articles"}]}``."""
    added = [
        {
            "law": a.law,
            "title": a.title,
            "revision": a.revision,
            "articles": a.articles,
            "kind": a.kind,
            "status": a.status,
            "path": str(a.path),
            "warnings": list(a.warnings),
        }
        for a in [*report.added, *gazette_added(report)]
    ]
    return {
        "added": added,
        "decisions": [*report.decisions, *gazette_decisions(report)],
        "skipped": [
            *({"path": str(p), "reason": why, "refused": False} for p, why in report.skipped),
            *({"path": str(p), "reason": why, "refused": True} for p, why in getattr(report, "refused", [])),
        ],
        "derived": [d.as_dict() for d in getattr(report, "derived", [])],
    }


def gazette_added(report: Any) -> list[Any]:
    """The law texts a gazette in the import stored, in the shape of the other added texts."""
    from lawdiff.intake.importer import Added
    from lawdiff.structure.parse import parse_text

    out = []
    for g in report.gazettes:
        writes = {w.path: w for w in g.writes}
        for a in g.documents:
            for stored in a.stored:
                if not stored.endswith(".txt") or stored.startswith("decisions/"):
                    continue
                law, rev = stored.split("/", 1)
                w = next((w for p, w in writes.items() if p.parts[-2:] == (law, rev)), None)
                n = len(parse_text(w.content.splitlines()).articles) if w else 0
                status = w.status if w else "unchanged"
                out.append(Added(law, a.doc.title, Path(rev).stem, n, g.source, "", status))
    return out


def gazette_decisions(report: Any) -> list[dict[str, Any]]:
    return [
        {"id": Path(s).stem, "title": a.doc.title, "path": str(g.source)}
        for g in report.gazettes
        for a in g.documents
        for s in a.stored
        if s.startswith("decisions/")
    ]


def import_lines(report: Any, *, dry_run: bool) -> list[str]:
    data = import_dict(report)
    lines = []
    for a in data["added"]:
        lines.append(
            _("{status}: {law} {revision} ({articles} articles) from {path}").format(
                status=write_status(a["status"]),
                law=a["law"],
                revision=a["revision"],
                articles=a["articles"],
                path=a["path"],
            )
        )
        lines.extend("  " + _("warning: {what}").format(what=w) for w in a["warnings"])
    for d in data["decisions"]:
        lines.append(_("decision: {id} from {path}").format(id=d["id"], path=d["path"]))
    for d in data["derived"]:
        if d["status"] == "derived":
            line = _("derived: {law} {revision} ({articles} articles) from {predecessor} and {decision}")
        else:
            line = _("not derived: {law} {revision} from {predecessor} and {decision}: {reason}")
        lines.append(line.format(**d))
    for s in data["skipped"]:
        line = _("refused: {path}: {reason}") if s["refused"] else _("skipped: {path}: {reason}")
        lines.append(line.format(path=s["path"], reason=s["reason"]))
    if dry_run:
        lines.append(_("dry run: nothing written"))
    return lines
