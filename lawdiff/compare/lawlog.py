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
from lawdiff.corpus.timeline import effective_of, kind_word, revision_by_id
from lawdiff.errors import InputError
from lawdiff.i18n import _, pgettext
from lawdiff.i18n.vocabulary import blame_what, relation
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


def article_trace(
    corpus: Corpus, law: Law, article: str | int, rev: str | None = None
) -> list[dict[str, Any]]:
    """The article (3, 第三条, 133之一 …) of revision ``rev`` (default: the latest with text),
    back to its origin."""
    from lawdiff.structure.refs import article_ref

    ref = article_ref(article)
    number = ref.label
    ordered = law.chronological()
    with_text = [r for r in ordered if r.text_file]
    if not with_text:
        raise InputError(f"{law.id}: no revision has text in the corpus")
    start = revision_by_id(law, rev) if rev else with_text[-1]
    if not start.text_file:
        raise InputError(f"{law.id}: revision {start.id} has no text in the corpus")
    text = corpus.load_text(law, start)
    arts = [a for a in text.articles if ref.matches(a)]
    if not arts:
        raise InputError(f"{law.id} {start.id}: no article {number} ({len(text.articles)} articles)")
    current: list[str] = [arts[0].label]
    rows: list[dict[str, Any]] = []
    k = ordered.index(start)
    cur_rev, cur_text = start, text
    while current and k > 0:
        prev = ordered[k - 1]
        row = {"revision": cur_rev.id, "kind": cur_rev.kind, "article": "、".join(current)}
        if prev.text_file:
            prev_text = corpus.load_text(law, prev)
            cmp = compare_revisions(corpus, law, prev, cur_rev, (prev_text, cur_text))
            pair = next((p for p in cmp.pairs if set(current) & set(p.new_labels)), None)
            assert pair is not None
            old = pair.old_labels
            row["change"] = (
                _("{relation} from {revision} {articles}").format(
                    relation=relation(pair.relation), revision=prev.id, articles="、".join(old)
                )
                if old
                else _("{relation} (nothing in {revision} it continues)").format(
                    relation=relation(pair.relation), revision=prev.id
                )
            )
            row["by"] = (
                f"{pair.decision} instruction {'、'.join(pair.instructions)}"
                if pair.instructions
                else (_("aligned by content") if cmp.method == "similarity" else "")
            )
            rows.append(row)
            if not old:
                return rows  # new in this revision: nothing before it
            current, cur_rev, cur_text = old, prev, prev_text
        elif cur_rev.kind == "amended" and cur_rev.decision:
            olds, row["change"], row["by"] = _through_decision(
                corpus, law, cur_rev, cur_text, current
            )
            rows.append(row)
            rows.append(
                {
                    "revision": prev.id,
                    "kind": prev.kind,
                    "article": "、".join(olds) or "—",
                    "change": _("text not in corpus: earlier history unknown")
                    if olds and k - 1 > 0
                    else (_("enacted") if prev.kind == "enacted" else _("text not in corpus")),
                    "by": "",
                }
            )
            return rows
        else:
            row["change"] = _("{kind}; the text of {revision} is not in the corpus").format(
                kind=kind_word(cur_rev.kind), revision=prev.id
            )
            row["by"] = cur_rev.decision or ""
            rows.append(row)
            return rows
        k -= 1
    rows.append(
        {
            "revision": cur_rev.id,
            "kind": cur_rev.kind,
            "article": "、".join(current) or "—",
            "change": _("enacted") if current and cur_rev.kind == "enacted" else
            (_("first text in the corpus") if current else "—"),
            "by": "",
        }
    )
    return rows


def _through_decision(
    corpus: Corpus, law: Law, rev: Revision, text: LawText, labels: list[str]
) -> tuple[list[str], str, str]:
    """Old labels of ``labels`` by the decision (``blame``), what it did and which instructions."""
    from lawdiff.amend.provenance import blame

    rows = {b.article: b for b in blame(corpus, law, rev, text)}
    olds: list[str] = []
    changes: list[str] = []
    ins: list[str] = []
    for label in labels:
        b = rows[label]
        if b.old_label:
            olds.append(b.old_label)
        what = blame_what(b.what) if b.revision == rev.id else _("not changed")
        if b.old_label and b.old_label != label:
            what += _(" (was {label})").format(label=b.old_label)
        changes.append(what)
        ins.extend(b.instructions)
    by = (
        _("{decision} instruction {numbers}").format(
            decision=rev.decision, numbers="、".join(dict.fromkeys(ins))
        )
        if ins
        else rev.decision or ""
    )
    return olds, pgettext("blame separator", "; ").join(changes), by

