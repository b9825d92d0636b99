"""The ``blame`` table: every article with the revision and instruction that last changed it."""

from __future__ import annotations

from typing import Any

from lawdiff.export import words
from lawdiff.export.tables import print_table
from lawdiff.i18n import _
from lawdiff.i18n.vocabulary import blame_revision
from lawdiff.structure.model import Law, Revision


def print_blame(law: Law, rev: Revision, rows: list[Any]) -> None:
    shown = [
        r._asdict()
        | {
            "instructions": "、".join(r.instructions),
            "decision": r.decision or "",
            "what": words.blame_what(r.what),
            "revision": blame_revision(r.revision, r.revision_upper_bound),
        }
        for r in rows
    ]
    keys = ["article", "old_label", "revision", "decision", "instructions", "what"]
    heads = [
        _("article"),
        _("before"),
        _("last changed"),
        _("decision"),
        _("instruction"),
        _("what"),
    ]
    print_table(shown, keys, heads, title=f"{law.title} {rev.id}", whole=("article", "decision"))
