"""The ``ingest`` report: the gazette's documents as a table (stdout), what changed (stderr)."""

from __future__ import annotations

import sys
from typing import Any

from lawdiff.export.tables import print_table
from lawdiff.i18n import _, ngettext, pgettext


def document_kind(kind: str) -> str:
    words = {
        "announcement": pgettext("document kind", "announcement"),
        "approval": pgettext("document kind", "approval"),
        "amendment": pgettext("document kind", "amendment"),
        "repeal": pgettext("document kind", "repeal"),
        "draft": pgettext("document kind", "draft"),
        "explanation": pgettext("document kind", "explanation"),
        "review": pgettext("document kind", "review"),
        "minutes": pgettext("document kind", "minutes"),
        "agenda": pgettext("document kind", "agenda"),
        "regulation": pgettext("document kind", "regulation"),
        "decision": pgettext("document kind", "decision"),
        "other": pgettext("document kind", "other"),
    }
    return words.get(kind, kind)


def write_status(status: str) -> str:
    words = {
        "new": pgettext("file", "new"),
        "changed": pgettext("file", "changed"),
        "unchanged": pgettext("file", "unchanged"),
        "curated": pgettext("file", "curated"),
    }
    return words.get(status, status)


def _dates(d: Any) -> str:
    marks = {
        "adopted": pgettext("date mark", "a"),
        "promulgated": pgettext("date mark", "p"),
        "effective": pgettext("date mark", "e"),
    }
    return " ".join(
        f"{marks[k]}:{getattr(d, k).isoformat()}"
        for k in ("adopted", "promulgated", "effective")
        if getattr(d, k)
    )


def print_ingest(report: Any, *, dry_run: bool) -> None:
    from lawdiff.structure.numerals import int_to_cn

    rows = []
    for a in report.documents:
        d = a.doc
        number = f"（第{int_to_cn(d.number)}号）" if d.kind == "announcement" and d.number else ""
        rows.append(
            {
                "no": d.index,
                "lines": f"{d.first}-{d.last}",
                "kind": document_kind(d.kind),
                "title": d.title + number,
                "dates": _dates(d),
                "stored": ", ".join(a.stored) or a.note,
            }
        )
    heads = [
        "#",
        _("lines"),
        _("kind"),
        _("title"),
        _("dates (a=adopted p=promulgated e=effective)"),
        _("in corpus"),
    ]
    title = ngettext("公报{issue}: {n} document", "公报{issue}: {n} documents", len(rows)).format(
        issue=report.issue, n=len(rows)
    )
    keys = ["no", "lines", "kind", "title", "dates", "stored"]
    print_table(rows, keys, heads, title=title, whole=("title",), right=("no",))
    changed = report.changed
    if not changed:
        print(_("corpus unchanged (nothing new in this gazette)"), file=sys.stderr)
        return
    counts: dict[str, int] = {}
    for w in changed:
        counts[w.status] = counts.get(w.status, 0) + 1
    summary = pgettext("list separator", ", ").join(
        f"{n} {write_status(s)}" for s, n in sorted(counts.items())
    )
    line = (
        ngettext("would change: {n} file ({summary})", "would change: {n} files ({summary})", len(changed))
        if dry_run
        else ngettext("changed: {n} file ({summary})", "changed: {n} files ({summary})", len(changed))
    )
    print(line.format(n=len(changed), summary=summary), file=sys.stderr)
    width = max(len(write_status(w.status)) for w in changed)
    for w in changed:
        print(f"  {write_status(w.status):{max(width, 9)}} {w.path}", file=sys.stderr)
