"""``lawdiff log``: a law's revisions with what changed, and one article traced through them.

Between two revisions with text the change is the ``diff`` alignment. A revision whose text is
not in the corpus but whose amending decision is still tells something: the decision fixes the
old→new article numbers (``amend.consistency.number_map``) and which instructions touched the article, so an
article can be followed back through it. Where neither text nor decision is at hand the trace
says so and stops.
"""

from __future__ import annotations

from typing import Any

from lawdiff.compare.diffing import compare_texts
from lawdiff.corpus.reader import Corpus
from lawdiff.corpus.timeline import effective_of, revision_by_id
from lawdiff.errors import InputError
from lawdiff.structure.model import Law, LawText, Revision


def _effective(law: Law, r: Revision) -> str:
    when, approx = effective_of(r, law)
    if when is None:
        return "—"
    return when.isoformat() + (" (adoption date)" if approx else "")


def revision_log(corpus: Corpus, law: Law) -> list[dict[str, Any]]:
    rows = []
    prev_text: tuple[Revision, Any] | None = None
    for r in law.chronological():
        text = corpus.load_text(law, r) if r.text_file else None
        changes = ""
        if text is not None and prev_text is not None:
            cmp = compare_texts(law, prev_text[0], r, prev_text[1], text, corpus=corpus)
            st = cmp.stats()
            counts = ", ".join(f"{n} {k}" for k, n in st.counts.items() if n)
            changes = (
                f"vs {prev_text[0].id} ({cmp.method}): {counts}; "
                f"-{st.chars_removed}/+{st.chars_added} characters"
            )
        elif r.decision and r.kind == "amended":
            from lawdiff.amend.provenance import change_summary

            changes = change_summary(corpus, law, r)
        elif r.kind == "enacted":
            changes = "enacted"
        if text is None and r.kind != "enacted":
            changes = (changes + "; " if changes else "") + "text not in corpus"
        rows.append(
            {
                "revision": r.id,
                "kind": r.kind + (f" ({r.label})" if r.label and r.label != "修正" else ""),
                "effective": _effective(law, r),
                "decision": r.decision or "",
                "articles": len(text.articles) if text is not None else "—",
                "changes": changes,
            }
        )
        if text is not None:
            prev_text = (r, text)
    return rows


def article_trace(
    corpus: Corpus, law: Law, number: int, rev: str | None = None
) -> list[dict[str, Any]]:
    """Article ``number`` of revision ``rev`` (default: the latest with text), back to its origin."""
    ordered = law.chronological()
    with_text = [r for r in ordered if r.text_file]
    if not with_text:
        raise InputError(f"{law.id}: no revision has text in the corpus")
    start = revision_by_id(law, rev) if rev else with_text[-1]
    if not start.text_file:
        raise InputError(f"{law.id}: revision {start.id} has no text in the corpus")
    text = corpus.load_text(law, start)
    arts = [a for a in text.articles if a.number == number and not a.sub]
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
            cmp = compare_texts(law, prev, cur_rev, prev_text, cur_text, corpus=corpus)
            pair = next((p for p in cmp.pairs if set(current) & set(p.new_labels)), None)
            assert pair is not None
            old = pair.old_labels
            row["change"] = pair.relation + (
                f" from {prev.id} {'、'.join(old)}" if old else f" (nothing in {prev.id} it continues)"
            )
            row["by"] = (
                f"{pair.decision} instruction {'、'.join(pair.instructions)}"
                if pair.instructions
                else ("aligned by content" if cmp.method == "similarity" else "")
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
                    "change": "text not in corpus: earlier history unknown"
                    if olds and k - 1 > 0
                    else ("enacted" if prev.kind == "enacted" else "text not in corpus"),
                    "by": "",
                }
            )
            return rows
        else:
            row["change"] = f"{cur_rev.kind}; the text of {prev.id} is not in the corpus"
            row["by"] = cur_rev.decision or ""
            rows.append(row)
            return rows
        k -= 1
    rows.append(
        {
            "revision": cur_rev.id,
            "kind": cur_rev.kind,
            "article": "、".join(current) or "—",
            "change": "enacted" if current and cur_rev.kind == "enacted" else
            ("first text in the corpus" if current else "—"),
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
        what = b.what if b.revision == rev.id else "not changed"
        changes.append(what + (f" (was {b.old_label})" if b.old_label and b.old_label != label else ""))
        ins.extend(b.instructions)
    by = f"{rev.decision} instruction {'、'.join(dict.fromkeys(ins))}" if ins else rev.decision or ""
    return olds, "; ".join(changes), by
