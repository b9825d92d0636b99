"""``lawdiff diff``: compare two revisions of a law article by article.

Which articles correspond is decided in one of two ways:

* **decision** — every step between the two revisions is an amendment whose decision is in the
  corpus and whose base text is known: the decision is replayed and the amendment engine's
  provenance says, per article, where it came from and which instruction changed it. Exact, and
  nothing that a renumbering shifted shows up as a change.
* **similarity** — otherwise (a 修订 rewrite, or a step with no text): ``lawdiff.align``.

Either way the result is a set of links between old and new articles; a connected group of links
is one ``Pair`` (1:1, split 1:n, merged n:1), and articles without links are new or deleted.

The comparison is always computed from the earlier revision to the later one; asking for the
reverse inverts that result, so ``diff B A`` is exactly the inverse of ``diff A B``.
"""

from __future__ import annotations

from collections.abc import Sequence

from lawdiff.compare.align import align
from lawdiff.compare.comparison import Comparison, HeadingChange, LinePair, body_lines
from lawdiff.compare.pairs import Lineage, Order, build_pairs
from lawdiff.compare.picking import pick_revision, revisions
from lawdiff.compare.textdiff import invert
from lawdiff.corpus.reader import Corpus
from lawdiff.errors import InputError
from lawdiff.i18n import _
from lawdiff.structure.model import Article, Heading, Law, LawText, Revision


def _text(corpus: Corpus, law: Law, rev: Revision) -> LawText:
    if not rev.text_file:
        with_text = ", ".join(r.id for r in law.revisions if r.text_file) or "none"
        raise InputError(
            _("{law.id}: revision {rev.id} has no text in the corpus (revisions with text: {with_text})").format(law=law, rev=rev, with_text=with_text)
        )
    return corpus.load_text(law, rev)


# ---------------------------------------------------------------- the comparison


def compare(corpus: Corpus, name: str, a: str, b: str) -> Comparison:
    """Diff revision ``a`` → ``b`` of law ``name`` (ids, prefixes such as years, or dates).

    Computed from the earlier revision to the later one, and kept in the derived index
    (``diffcache``) while the files it came from stay as they are.
    """
    law, old, new = revisions(corpus, name, a, b)
    cmp = compare_revisions(corpus, law, old, new)
    return cmp if old.id == pick_revision(corpus, law, a).id else inverse(cmp)


def compare_revisions(
    corpus: Corpus, law: Law, old: Revision, new: Revision,
    texts: tuple[LawText, LawText] | None = None,
) -> Comparison:  # fmt: skip
    """``old`` → ``new`` (the earlier first) from the index if kept there, else computed and kept."""
    from lawdiff.compare import diffcache

    cmp = diffcache.lookup(corpus, law, old, new)
    if cmp is None:
        mark = len(corpus.read_log)
        a, b = texts or (_text(corpus, law, old), _text(corpus, law, new))
        cmp = compare_texts(law, old, new, a, b, corpus=corpus)
        read = [f"{law.id}/{r.text_file}" for r in (old, new)] + corpus.read_log[mark:]
        diffcache.store(corpus, cmp, read)  # what was read, by the digests of what was parsed
    return cmp


def compare_texts(
    law: Law,
    old_rev: Revision,
    new_rev: Revision,
    old: LawText,
    new: LawText,
    *,
    corpus: Corpus | None = None,
) -> Comparison:
    """Compare two texts (``old`` the earlier); decision provenance when a chain allows it."""
    lineage: Lineage | str | None = None
    if corpus is not None:
        lineage = decision_lineage(corpus, law, old_rev, new_rev, old, new)
    notes = (_("aligned by content: {reason}").format(reason=lineage),) if isinstance(lineage, str) else ()
    if lineage is None or isinstance(lineage, str):
        lineage = similarity_lineage(old.articles, new.articles)
    pairs = build_pairs(old.articles, new.articles, lineage)
    return Comparison(
        law, old_rev, new_rev, old, new, tuple(pairs), lineage.method,
        headings=tuple(heading_changes(old, new)), notes=notes,
    )  # fmt: skip


def heading_changes(old: LawText, new: LawText) -> list[HeadingChange]:
    """章/节 headings aligned by title; a different title in the same place is a renaming."""
    import difflib

    a = [b for b in old.blocks if isinstance(b, Heading)]
    b = [h for h in new.blocks if isinstance(h, Heading)]

    def key(h: Heading) -> str:
        return h.level + h.title.replace("\u3000", "").replace(" ", "")

    sm = difflib.SequenceMatcher(None, [key(h) for h in a], [key(h) for h in b], autojunk=False)
    out: list[HeadingChange] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out.extend(
                HeadingChange(x, y, "same" if x.label == y.label else "renumbered")
                for x, y in zip(a[i1:i2], b[j1:j2], strict=True)
            )
            continue
        olds, news = list(a[i1:i2]), list(b[j1:j2])
        while olds and news and olds[0].level == news[0].level:
            out.append(HeadingChange(olds.pop(0), news.pop(0), "renamed"))
        out.extend(HeadingChange(x, None, "deleted") for x in olds)
        out.extend(HeadingChange(None, y, "new") for y in news)
    return out


def similarity_lineage(old: Sequence[Article], new: Sequence[Article]) -> Lineage:
    links, vec = align(
        ["\n".join(body_lines(x)) for x in old], ["\n".join(body_lines(x)) for x in new]
    )
    return Lineage(
        [(lk.old, lk.new) for lk in links],
        {(lk.old, lk.new) for lk in links if lk.moved},
        {},
        {},
        "similarity",
        None,
        vec,
    )


def decision_lineage(
    corpus: Corpus, law: Law, old_rev: Revision, new_rev: Revision, old: LawText, new: LawText
) -> Lineage | str | None:
    """Replay the decisions between the two revisions.

    None when no chain of decisions connects them (a 修订, or a step without a decision); a
    one-line reason when a chain exists but cannot be used (replay refused, or the replay does
    not give the official text's articles), so the caller can say why it fell back.
    """
    chain = [r for r in law.chronological() if old_rev.order < r.order <= new_rev.order]
    if not chain or any(r.kind != "amended" or not r.decision for r in chain):
        return None
    from lawdiff.amend.apply import apply_decision
    from lawdiff.amend.load import decision_for
    from lawdiff.errors import AmendmentError, LawdiffError, UnreadInstruction

    text = old
    # ancestry[k] = set of old indices the k-th article of the current text descends from
    ancestry: list[set[int]] = [{i} for i in range(len(old.articles))]
    moved: set[int] = set()  # current indices moved by some decision
    touched: list[list[str]] = [[] for _x in old.articles]
    implied: list[list[str]] = [[] for _x in old.articles]  # citations renumbered, per article
    deleted_by: dict[int, str] = {}
    for rev in chain:
        try:
            _x, decision = decision_for(corpus, rev)
        except AmendmentError as exc:  # a decision in the chain that cannot be parsed
            return _("decision {decision} cannot be parsed ({error})").format(decision=rev.decision, error=exc)
        except LawdiffError as exc:  # its text is missing or unreadable
            return _("decision {decision} cannot be read ({error})").format(decision=rev.decision, error=exc)
        try:
            result = apply_decision(text, decision, law_title=law.title, decision_id=rev.decision or "")
        except UnreadInstruction as exc:  # its instructions for this law cannot be read
            return _("decision {decision} cannot be parsed ({error})").format(decision=rev.decision, error=exc)
        except AmendmentError as exc:
            return _("replaying {decision} failed ({error})").format(decision=rev.decision, error=exc)
        tag = (lambda o: o) if len(chain) == 1 else (lambda o, d=rev.decision: f"{d} {o}")
        index_of = {a.label: k for k, a in enumerate(text.articles)}
        merged_away: set[str] = set()
        new_anc: list[set[int]] = []
        new_touched: list[list[str]] = []
        new_implied: list[list[str]] = []
        new_moved: set[int] = set()
        for k, prov in enumerate(result.provenance):
            anc: set[int] = set()
            if prov.old_label in index_of:
                anc |= ancestry[index_of[prov.old_label]]
            ins = list(touched[index_of[prov.old_label]]) if prov.old_label in index_of else []
            cites = list(implied[index_of[prov.old_label]]) if prov.old_label in index_of else []
            for ev in prov.events:
                if ev.action == "citation":
                    cites.append(ev.detail)
                if ev.instruction:
                    ins.append(tag(ev.instruction))
                if ev.action == "merged":
                    for label in _labels(ev.detail):
                        if label in index_of:
                            anc |= ancestry[index_of[label]]
                            merged_away.add(label)
                if ev.action == "created" and ev.detail.startswith("from "):
                    src = _labels(ev.detail)[:1]
                    if src and src[0] in index_of:
                        anc |= ancestry[index_of[src[0]]]
                if ev.action == "moved":
                    new_moved.add(k)
            if prov.old_label in index_of and index_of[prov.old_label] in moved:
                new_moved.add(k)
            new_anc.append(anc)
            new_touched.append(list(dict.fromkeys(ins)))
            new_implied.append(cites)
        for label, ordinal in result.deleted.items():
            if label in index_of and label not in merged_away:
                for i in ancestry[index_of[label]]:
                    deleted_by.setdefault(i, tag(ordinal))
        text = result.text
        ancestry, touched, moved, implied = new_anc, new_touched, new_moved, new_implied
    if [a.label for a in text.articles] != [a.label for a in new.articles]:
        return _("replaying the decisions gives {n} articles, the text of {revision} has {n2}").format(
            n=len(text.articles), revision=new_rev.id, n2=len(new.articles)
        )
    links = sorted((i, k) for k, anc in enumerate(ancestry) for i in anc)
    moved_links = {(i, k) for i, k in links if k in moved}
    instructions = {k: ins for k, ins in enumerate(touched) if ins}
    return Lineage(
        links,
        moved_links,
        instructions,
        deleted_by,
        "decision",
        chain[-1].decision if len(chain) == 1 else " + ".join(r.decision or "" for r in chain),
        implied={k: c for k, c in enumerate(implied) if c},
    )


def _labels(detail: str) -> list[str]:
    import regex

    return regex.findall(r"第[零一二三四五六七八九十百千]+条(?:之[零一二三四五六七八九十]+)?", detail)


# ---------------------------------------------------------------- inversion


_FLIP = {"split": "merged", "merged": "split", "new": "deleted", "deleted": "new"}


def inverse(cmp: Comparison) -> Comparison:
    """The comparison read the other way: old and new swapped, insertions become deletions."""
    was_new = {a.label: k for k, a in enumerate(cmp.new_text.articles)}  # the inverse's old
    was_old = {a.label: k for k, a in enumerate(cmp.old_text.articles)}  # the inverse's new
    links = [(was_new[n.label], was_old[o.label]) for p in cmp.pairs for o in p.old for n in p.new]
    order = Order(links, len(was_old))
    keyed = []
    for p in cmp.pairs:
        lines = tuple(LinePair(lp.new, lp.old, invert(lp.segments)) for lp in p.lines)
        q = p._replace(
            old=p.new, new=p.old, relation=_FLIP.get(p.relation, p.relation), lines=lines
        )
        olds = [was_new[a.label] for a in q.old]
        news = [was_old[a.label] for a in q.new]
        keyed.append((order.position(olds, news), q))
    keyed.sort(key=lambda t: t[0])
    headings = tuple(
        HeadingChange(h.new, h.old, _FLIP.get(h.relation, h.relation)) for h in cmp.headings
    )
    return Comparison(
        cmp.law, cmp.new_rev, cmp.old_rev, cmp.new_text, cmp.old_text,
        tuple(q for _x, q in keyed), cmp.method, headings=headings, notes=cmp.notes,
    )  # fmt: skip


def select_article(cmp: Comparison, article: str | int) -> Comparison:
    """Only the rows holding the article (3, 第三条, 133之一 …) on either side."""
    from lawdiff.structure.refs import article_ref

    ref = article_ref(article)
    number = ref.label
    pairs = tuple(p for p in cmp.pairs if any(ref.matches(a) for a in (*p.old, *p.new)))
    if not pairs:
        raise InputError(
            _("{law}: neither {old} ({n} articles) nor {new} ({n2} articles) has article {number}").format(
                law=cmp.law.id, old=cmp.old_rev.id, new=cmp.new_rev.id, n=len(cmp.old_text.articles),
                n2=len(cmp.new_text.articles), number=number,
            )
        )
    return cmp._replace(pairs=pairs)
