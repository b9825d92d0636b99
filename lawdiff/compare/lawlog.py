"""``lawdiff log``: a law's revisions with what changed, and one article traced through them.

Between two revisions with text the change is the ``diff`` alignment. A revision whose text is
not in the corpus but whose amending decision is still tells something: the decision fixes the
old→new article numbers (``amend.consistency.number_map``) and which instructions touched the article, so an
article can be followed back through it. Where neither text nor decision is at hand the trace
says so and stops.
"""

from __future__ import annotations

from typing import Any

from lawdiff.compare.diffing import compare_revisions
from lawdiff.corpus.reader import Corpus
from lawdiff.corpus.timeline import effective_of, revision_by_id
from lawdiff.errors import InputError
from lawdiff.i18n import _
from lawdiff.structure.model import Law, LawText, Revision


def revision_changes(
    corpus: Corpus, law: Law, *, compare_amendments: bool = True
) -> dict[str, dict[str, Any] | None]:
    """What each revision changed, as data: revision id -> ``changes`` (None: nothing known).

    ``{"source": "comparison", "against", "method", "counts": {relation: n}, "chars_removed",
    "chars_added"}`` where this revision's text and an earlier one are in the corpus (a 修订 always;
    an amendment only with ``compare_amendments``), else ``{"source": "decision", "decision",
    "instructions", "counts": {operation count: n}}`` for an amendment whose decision is stored.
    """
    from lawdiff.amend.summary import decision_counts

    out: dict[str, dict[str, Any] | None] = {}
    prev: tuple[Revision, LawText] | None = None
    for r in law.chronological():
        text = corpus.load_text(law, r) if r.text_file else None
        by_decision = decision_counts(corpus, law, r)
        changes: dict[str, Any] | None = None
        if text is not None and prev is not None and (compare_amendments or by_decision is None):
            cmp = compare_revisions(corpus, law, prev[0], r, (prev[1], text))
            st = cmp.stats()
            changes = {
                "source": "comparison",
                "against": prev[0].id,
                "method": cmp.method,
                "counts": {k: n for k, n in st.counts.items() if n},
                "chars_removed": st.chars_removed,
                "chars_added": st.chars_added,
            }
        elif by_decision is not None:
            changes = {
                "source": "decision",
                "decision": by_decision.decision,
                "instructions": by_decision.instructions,
                "counts": by_decision.counts,
            }
        out[r.id] = changes
        if text is not None:
            prev = (r, text)
    return out


def revision_log(corpus: Corpus, law: Law) -> list[dict[str, Any]]:
    """The revisions in order, with their effective date and what changed (``log`` rows)."""
    changes = revision_changes(corpus, law)
    rows = []
    for r in law.chronological():
        when, approx = effective_of(r, law)
        n_articles = len(corpus.load_text(law, r).articles) if r.text_file else None
        rows.append(
            {
                "revision": r.id,
                "kind": r.kind,
                "label": r.label,
                "effective": when.isoformat() if when else None,
                "effective_approximate": approx if when else False,
                "decision": r.decision,
                "articles": n_articles,
                "text": r.text_file is not None,
                "changes": changes[r.id],
            }
        )
    return rows


# what ``log --article`` says happened to the article in a revision (JSON ``change``):
# the diff relations (``source: comparison``), changed/unchanged by the amending decision when
# the earlier text is not in the corpus (``source: decision``), and where the trace stops
TRACE_CHANGES = (
    "same", "renumbered", "modified", "moved", "split", "merged", "new", "deleted",
    "changed", "unchanged",
    "enacted", "first-text", "no-text", "history-unknown", "previous-text-missing",
)  # fmt: skip


def _trace_row(rev: Revision, articles: list[str], change: str, **rest: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "revision": rev.id,
        "kind": rev.kind,
        "articles": articles,
        "change": change,
        "source": None,
        "from_revision": None,
        "from_articles": [],
        "decision": None,
        "instructions": [],
        "method": None,
        "what": [],
    }
    row.update(rest)
    return row


def article_trace(
    corpus: Corpus, law: Law, article: str | int, rev: str | None = None
) -> list[dict[str, Any]]:
    """The article (3, 第三条, 133之一 …) of revision ``rev`` (default: the latest with text),
    back to its origin: one typed row per revision (``change`` one of ``TRACE_CHANGES``)."""
    from lawdiff.structure.refs import article_ref

    ref = article_ref(article)
    number = ref.label
    ordered = law.chronological()
    with_text = [r for r in ordered if r.text_file]
    if not with_text:
        raise InputError(_("{law}: no revision has text in the corpus").format(law=law.id))
    start = revision_by_id(law, rev) if rev else with_text[-1]
    if not start.text_file:
        raise InputError(
            _("{law}: revision {revision} has no text in the corpus").format(
                law=law.id, revision=start.id
            )
        )
    text = corpus.load_text(law, start)
    arts = [a for a in text.articles if ref.matches(a)]
    if not arts:
        raise InputError(
            _("{law} {revision}: no article {article} ({n} articles)").format(
                law=law.id, revision=start.id, article=number, n=len(text.articles)
            )
        )
    current: list[str] = [arts[0].label]
    rows: list[dict[str, Any]] = []
    k = ordered.index(start)
    cur_rev, cur_text = start, text
    while current and k > 0:
        prev = ordered[k - 1]
        if prev.text_file:
            prev_text = corpus.load_text(law, prev)
            cmp = compare_revisions(corpus, law, prev, cur_rev, (prev_text, cur_text))
            pair = next((p for p in cmp.pairs if set(current) & set(p.new_labels)), None)
            assert pair is not None
            old = list(pair.old_labels)
            row = _trace_row(cur_rev, current, pair.relation, source="comparison",
                             from_revision=prev.id, from_articles=old, decision=pair.decision,
                             instructions=list(pair.instructions), method=cmp.method)  # fmt: skip
            rows.append(row)
            if not old:
                return rows  # new in this revision: nothing before it
            current, cur_rev, cur_text = old, prev, prev_text
        elif cur_rev.kind == "amended" and cur_rev.decision:
            rows.append(_through_decision(corpus, law, cur_rev, prev, cur_text, current))
            olds = rows[-1]["from_articles"]
            if olds and k - 1 > 0:
                change = "history-unknown"
            else:
                change = "enacted" if prev.kind == "enacted" else "no-text"
            rows.append(_trace_row(prev, olds, change))
            return rows
        else:
            row = _trace_row(cur_rev, current, "previous-text-missing", from_revision=prev.id,
                             decision=cur_rev.decision)  # fmt: skip
            rows.append(row)
            return rows
        k -= 1
    last = "enacted" if current and cur_rev.kind == "enacted" else "first-text"
    rows.append(_trace_row(cur_rev, current, last))
    return rows


def _through_decision(
    corpus: Corpus, law: Law, rev: Revision, prev: Revision, text: LawText, labels: list[str]
) -> dict[str, Any]:
    """The row of ``rev`` when only its decision is at hand (``blame``): the old labels, whether
    the decision changed the article, how (blame's words) and by which instructions."""
    from lawdiff.amend.provenance import blame

    rows = {b.article: b for b in blame(corpus, law, rev, text)}
    olds: list[str] = []
    what: list[str] = []
    ins: list[str] = []
    for label in labels:
        b = rows[label]
        if b.old_label:
            olds.append(b.old_label)
        if b.revision == rev.id and not b.revision_upper_bound:
            what.extend(w for w in b.what.split("; ") if w not in what)
        ins.extend(i for i in b.instructions if i not in ins)
    row = _trace_row(rev, labels, "changed" if what else "unchanged", source="decision",
                     from_revision=prev.id, from_articles=olds, decision=rev.decision,
                     instructions=ins, what=what)  # fmt: skip
    return row
