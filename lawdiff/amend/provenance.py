"""Which revision and which instruction last touched each article (``lawdiff blame``)."""

from __future__ import annotations

from typing import NamedTuple

from lawdiff.amend.apply import apply_part, renumbers
from lawdiff.amend.consistency import number_map
from lawdiff.amend.load import decision_for
from lawdiff.amend.ops import (
    AddArticles,
    AddParagraphs,
    Decision,
    DeletePhrases,
    DeleteUnits,
    InsertPhrase,
    Merge,
    Part,
    ReplaceTerms,
    ReplaceUnit,
)
from lawdiff.corpus.reader import Corpus
from lawdiff.corpus.timeline import predecessor
from lawdiff.errors import LawdiffError
from lawdiff.structure.model import Law, LawText, Revision
from lawdiff.structure.numerals import int_to_cn


class Blame(NamedTuple):
    article: str
    # the revision that last changed it; with ``revision_upper_bound`` the latest it can be (the
    # texts before it are not in the corpus: "≤ 2008-05-16"); None when nothing is known
    revision: str | None
    revision_upper_bound: bool
    decision: str | None
    instructions: tuple[str, ...]
    what: str
    old_label: str | None  # the label in the predecessor
    citations: tuple[str, ...] = ()  # references renumbered with the text (implied, not said)


def blame(corpus: Corpus, law: Law, rev: Revision, text: LawText) -> list[Blame]:
    arts = text.articles
    if rev.kind in ("enacted", "revised") or not rev.decision:
        word = {"enacted": "enacted", "revised": "revised (whole text)"}.get(rev.kind, rev.kind)
        return [Blame(a.label, rev.id, False, rev.decision, (), word, None) for a in arts]
    _, decision = decision_for(corpus, rev)
    part = decision.part_for(law.title if len(decision.parts) > 1 else None)
    implied = _implied_citations(corpus, law, rev, decision, part)
    rows = _blame_rows(corpus, law, rev, part, arts, renumbers(part, decision))
    out = []
    for row in rows:
        cites = tuple(implied.get(row.article, ()))
        if not cites:
            out.append(row)
        elif row.decision is None:  # touched only by the renumbering of its references
            out.append(Blame(row.article, rev.id, False, rev.decision, (), "citations renumbered (implied)",
                             row.old_label, cites))  # fmt: skip
        else:
            out.append(
                row._replace(what=row.what + "; citations renumbered (implied)", citations=cites)
            )
    return out


def _implied_citations(
    corpus: Corpus, law: Law, rev: Revision, decision: Decision, part: Part
) -> dict[str, list[str]]:
    """Replay the decision on the predecessor's text (when the corpus has it): the references
    each article of the result had renumbered with the text."""
    prev = predecessor(law, rev)
    if prev is None or prev.text_file is None:
        return {}
    try:
        base = corpus.load_text(law, prev)
        result = apply_part(base, part, decision, decision_id=rev.decision or "")
    except LawdiffError:
        return {}
    return {
        p.label: [e.detail for e in p.events if e.action == "citation"]
        for p in result.provenance
        if any(e.action == "citation" for e in p.events)
    }


def _blame_rows(
    corpus: Corpus, law: Law, rev: Revision, part: Part, arts: list, renumbered: bool
) -> list[Blame]:  # type: ignore[type-arg]
    nmap = number_map(part, len(arts), renumbered=renumbered)
    old_of_new = {new: old for old, new in nmap.new_of_old.items()}
    added_sub = {
        (pos.article, pos.sub): ins.ordinal
        for ins in part.instructions
        for op in ins.ops
        if isinstance(op, AddArticles)
        for pos in op.positions
        if pos.sub
    }
    touched = _touches(part)
    prev = predecessor(law, rev)
    earlier = prev.id if prev else None  # an upper bound: the texts before are not in the corpus
    out = []
    for a in arts:
        if a.sub:  # 第X条之一: added by this decision, or an earlier one
            if (a.number, a.sub) in added_sub:
                out.append(
                    Blame(
                        a.label,
                        rev.id,
                        False,
                        rev.decision,
                        (added_sub[(a.number, a.sub)],),
                        "added",
                        None,
                    )
                )
            else:
                out.append(Blame(a.label, earlier, earlier is not None, None, (),
                                 "unchanged by this decision (earlier texts not in corpus)",
                                 a.label))  # fmt: skip
            continue
        if a.number in nmap.added:
            out.append(Blame(a.label, rev.id, False, rev.decision, (nmap.added[a.number],), "added", None))
            continue
        old = old_of_new.get(a.number)
        old_label = f"第{int_to_cn(old)}条" if old else None
        hits = list(touched.get(old, [])) if old else []
        rewritten = any(w == "article replaced" or w.startswith("merged") for _, w in hits)
        for ordinal, terms in _global_terms(part):
            if not rewritten and any(new in a.text for _, new in terms):
                hits.append((ordinal, "terms replaced"))
        if hits:
            ordinals = tuple(dict.fromkeys(o for o, _ in hits))
            what = "; ".join(dict.fromkeys(w for _, w in hits))
            out.append(Blame(a.label, rev.id, False, rev.decision, ordinals, what, old_label))
        else:
            out.append(
                Blame(
                    a.label,
                    earlier,
                    earlier is not None,
                    None,
                    (),
                    "unchanged by this decision (earlier texts not in corpus)",
                    old_label,
                )
            )
    return out


def _touches(part: Part) -> dict[int, list[tuple[str, str]]]:
    out: dict[int, list[tuple[str, str]]] = {}

    def add(article: int | None, ordinal: str, what: str) -> None:
        if article and not (isinstance(op, DeletePhrases | ReplaceTerms) and op.scope is not None and op.scope.unit == "range"):
            out.setdefault(article, []).append((ordinal, what))

    for ins in part.instructions:
        for op in ins.ops:
            if isinstance(op, ReplaceUnit):
                unit = (
                    "article"
                    if op.target.paragraph is None and op.target.item is None
                    else "paragraph/item"
                )
                add(op.target.article, ins.ordinal, f"{unit} replaced")
            elif isinstance(op, DeleteUnits):
                for t in op.targets:
                    if t.paragraph is not None or t.item is not None:
                        add(t.article, ins.ordinal, "paragraph/item deleted")
            elif isinstance(op, DeletePhrases):
                add(op.scope.article, ins.ordinal, "words deleted")
            elif isinstance(op, ReplaceTerms) and op.scope is not None:
                add(op.scope.article, ins.ordinal, "words replaced")
            elif isinstance(op, InsertPhrase) and op.scope is not None:
                add(op.scope.article, ins.ordinal, "words added")
            elif isinstance(op, Merge):
                add(
                    op.targets[0].article,
                    ins.ordinal,
                    "merged from " + "、".join(t.label() for t in op.targets),
                )
            elif isinstance(op, AddParagraphs):
                add(op.article.article, ins.ordinal, "paragraph added")
    return out


def _global_terms(part: Part) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    return [
        (ins.ordinal, op.pairs)
        for ins in part.instructions
        for op in ins.ops
        if isinstance(op, ReplaceTerms) and op.scope is None
    ]
