"""``diff --format json``: the alignment and the edit operations, for tools.

``{"law", "title", "from", "to", "method", "revisions": {"from": {...}, "to": {...}},
"stats": {...}, "pairs": [{"old": [numbers], "new": [numbers], "old_labels", "new_labels",
"relation", "similarity", "source", "decision", "instructions", "edits": [{"op", "text"}],
"lines": [{"old", "new", "edits"}]}]}``

``edits`` spell the whole pair: joining the ``equal`` and ``delete`` texts gives the old
article bodies (labels removed, one line per 款/项, each ending in a newline), joining ``equal``
and ``insert`` gives the new ones. ``lines`` index those lines (0-based) on each side.
"""

from __future__ import annotations

from typing import Any

from lawdiff.compare.comparison import (
    DELETE,
    EQUAL,
    INSERT,
    Comparison,
    LinePair,
    Pair,
    Segment,
    article_key,
    merge_runs,
)
from lawdiff.export.jsonout import revision_dict


def comparison_dict(cmp: Comparison) -> dict[str, Any]:
    st = cmp.stats()
    return {
        "law": cmp.law.id,
        "title": cmp.law.title,
        "from": cmp.old_rev.id,
        "to": cmp.new_rev.id,
        "method": cmp.method,
        "notes": list(cmp.notes),
        "revisions": {"from": revision_dict(cmp.old_rev), "to": revision_dict(cmp.new_rev)},
        "stats": {
            **st.counts,
            "chars_added": st.chars_added,
            "chars_removed": st.chars_removed,
            "old_articles": st.old_articles,
            "new_articles": st.new_articles,
        },
        "headings": [
            {
                "old": h.old.text if h.old else None,
                "new": h.new.text if h.new else None,
                "relation": h.relation,
            }
            for h in cmp.headings
            if h.relation != "same"
        ],
        "pairs": [pair_dict(p) for p in cmp.pairs],
        **(
            {"count_checks": [cc._asdict() for cc in cmp.count_checks]}
            if cmp.count_checks
            else {}
        ),
    }


def diff_json(cmp: Comparison) -> str:
    """What ``diff --format json`` prints: the comparison, one pair a line."""
    from lawdiff.export.jsonout import dumps_rows

    return dumps_rows(comparison_dict(cmp), "pairs")


def pair_dict(p: Pair) -> dict[str, Any]:
    out: dict[str, Any] = {
        "old": [article_key(a) for a in p.old],
        "new": [article_key(a) for a in p.new],
        "old_labels": p.old_labels,
        "new_labels": p.new_labels,
        "relation": p.relation,
        "similarity": p.similarity,
        "source": p.source,
        "decision": p.decision,
        "instructions": list(p.instructions),
        "implied": list(p.implied),
        "edits": [{"op": s.op, "text": s.text} for s in pair_edits(p)],
        "lines": [
            {"old": lp.old, "new": lp.new, "edits": [{"op": s.op, "text": s.text} for s in lp.segments]}
            for lp in p.lines
        ],
    }
    if p.reasons:
        out["reasons"] = [r._asdict() for r in p.reasons]
    return out


def pair_edits(p: Pair) -> list[Segment]:
    """The line segments run together, each line closed by a newline on the side(s) it is on."""
    out: list[Segment] = []
    for lp in p.lines:
        out.extend(lp.segments)
        out.append(Segment(_newline_op(lp), "\n"))
    return merge_runs(out)


def _newline_op(lp: LinePair) -> str:
    if lp.old is not None and lp.new is not None:
        return EQUAL
    return DELETE if lp.new is None else INSERT
