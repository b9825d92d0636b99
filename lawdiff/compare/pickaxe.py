"""``lawdiff log LAW -S PHRASE``: the revisions in which the number of occurrences changed (git's
pickaxe, for law), and what did it.

The occurrences are counted in each revision's units from the text index (articles, headings,
annexes, rate-table rows). Where the count differs from the previous revision known to the corpus,
the two are compared as ``diff`` compares them — through the amending decision where one connects
them, by content otherwise — and the rows whose counts differ say what happened: the article
(or table row) before and after, the relation (modified, deleted, new, split …), and the decision
and instructions where the decision is the source. The first text in the corpus that holds the
phrase is a row too (before: unknown when earlier revisions have no text); an amending decision
whose instructions quote the phrase is named there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lawdiff.corpus.timeline import effective_of

if TYPE_CHECKING:
    from lawdiff.corpus.reader import Corpus
    from lawdiff.structure.model import Law, Revision


def pickaxe(corpus: Corpus, law: Law, phrase: str) -> list[dict[str, Any]]:
    """One row per revision where the occurrences of ``phrase`` changed (typed, for JSON)."""
    from lawdiff.errors import InputError
    from lawdiff.i18n import _
    from lawdiff.query.textindex import TextIndex

    phrase = phrase.strip()
    if not phrase:
        raise InputError(_("empty search phrase"))
    ti = TextIndex(corpus)
    ti.refresh(only=[law.id])
    counts: dict[str, dict[tuple[str, str, int], int]] = {}  # rev -> (kind, label, rank) -> count
    for rev, kind, _ord, label, body in sorted(ti.units_of_law(law.id)):
        mine = counts.setdefault(rev, {})
        rank = sum(1 for k in mine if k[:2] == (kind, label))  # the n-th line of 附件一 …
        mine[(kind, label, rank)] = body.count(phrase)
    rows: list[dict[str, Any]] = []
    prev: Revision | None = None
    unknown_before = False
    for r in law.chronological():
        if r.id not in counts:
            unknown_before = unknown_before or prev is None
            continue
        after = sum(counts[r.id].values())
        before = sum(counts[prev.id].values()) if prev is not None else None
        quoted = _quoting(corpus, law, r, phrase)
        if prev is None and (after or quoted):  # the first text: the phrase is there, or was
            rows.append(_row(law, r, None if unknown_before else 0, after, _holding(counts[r.id]),
                             quoted))  # fmt: skip
        elif prev is not None and before != after:
            changes, method = _changes(corpus, law, prev, r, phrase, counts)
            rows.append(_row(law, r, before, after, changes, quoted) | {"method": method})
        prev = r
    return rows


def _row(law: Law, r: Revision, before: int | None, after: int, changes: list[dict[str, Any]],
         quoted: list[str]) -> dict[str, Any]:  # fmt: skip
    when, approx = effective_of(r, law)
    return {
        "revision": r.id,
        "kind": r.kind,
        "effective": when.isoformat() if when else None,
        "effective_approximate": approx if when else False,
        "before": before,
        "after": after,
        "decision": r.decision,
        "quoted_by": quoted,  # instructions of r's decision whose text holds the phrase
        "method": None,  # how the rows were paired: decision | similarity (None: first text)
        "changes": changes,
    }


def _holding(counts: dict[tuple[str, str, int], int]) -> list[dict[str, Any]]:
    """Where the phrase is, in the first text that has it."""
    return [
        {"old": None, "new": key[1], "unit": key[0], "relation": None, "before": None,
         "after": n, "decision": None, "instructions": []}
        for key, n in counts.items()
        if n
    ]


def _changes(
    corpus: Corpus, law: Law, prev: Revision, r: Revision, phrase: str,
    counts: dict[str, dict[tuple[str, str, int], int]],
) -> tuple[list[dict[str, Any]], str | None]:  # fmt: skip
    """The rows (articles by the ``diff`` alignment, other units by label) whose counts differ,
    and how the articles were paired."""
    out: list[dict[str, Any]] = []
    method = None
    if prev.text_file and r.text_file:
        from lawdiff.compare.diffing import compare_revisions

        cmp = compare_revisions(corpus, law, prev, r)
        method = cmp.method
        for p in cmp.pairs:
            a = sum(x.text.count(phrase) for x in p.old)
            b = sum(x.text.count(phrase) for x in p.new)
            if a != b:
                out.append({
                    "old": "、".join(p.old_labels) or None, "new": "、".join(p.new_labels) or None,
                    "unit": "article", "relation": p.relation, "before": a, "after": b,
                    "decision": p.decision, "instructions": list(p.instructions),
                })  # fmt: skip
    old, new = counts[prev.id], counts[r.id]
    for key in dict.fromkeys([*old, *new]):
        if key[0] == "article" and prev.text_file and r.text_file:
            continue
        a, b = old.get(key, 0), new.get(key, 0)
        if a != b:
            out.append({
                "old": key[1] if key in old else None, "new": key[1] if key in new else None,
                "unit": key[0], "relation": None, "before": a, "after": b,
                "decision": r.decision if key[0] == "table" and r.derived else None,
                "instructions": [],
            })  # fmt: skip
    return out, method


def _quoting(corpus: Corpus, law: Law, r: Revision, phrase: str) -> list[str]:
    """Ordinals of the instructions of ``r``'s decision that quote the phrase."""
    if not r.decision:
        return []
    from lawdiff.amend.load import decision_for
    from lawdiff.errors import LawdiffError

    try:
        _data, decision = decision_for(corpus, r)
    except LawdiffError:
        return []
    try:
        part = decision.part_for(law.title)
    except LawdiffError:
        return []
    return [i.ordinal for i in part.instructions if phrase in i.text]
