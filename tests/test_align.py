"""Content alignment on edits made to real articles: renumbering, moves, splits, merges, rewrites."""

from __future__ import annotations

import random
from functools import cache

import lawdiff.compare.align as align_module
from lawdiff.compare.chains import heaviest_chain, identical
from lawdiff.compare.comparison import Comparison
from lawdiff.compare.diffing import compare_texts
from lawdiff.corpus.reader import Corpus
from lawdiff.structure.model import Article, Item, Law, LawText, Paragraph, Revision
from lawdiff.structure.numerals import int_to_cn

from .conftest import LAWS
from .generate import Body, text_pair


@cache
def _source() -> tuple[Law, Revision, LawText]:
    c = Corpus(LAWS)
    law = c.load_law("各级人民代表大会选举实施细则")  # 65 articles of real text
    rev = law.revision("2020-11-27")
    assert rev is not None
    return law, rev, c.load_text(law, rev)


def _text(arts: list[Article]) -> LawText:
    numbered = [
        a._replace(number=k, label=f"第{int_to_cn(k)}条", sub=0) for k, a in enumerate(arts, start=1)
    ]
    return LawText("选举实施细则", blocks=tuple(numbered))


def _cmp(old: list[Article], new: list[Article]) -> Comparison:
    law, rev, _ = _source()
    return compare_texts(law, rev, rev, _text(old), _text(new))


def _rows(cmp: Comparison) -> list[tuple[list[int], list[int], str]]:
    return [([a.number for a in p.old], [a.number for a in p.new], p.relation) for p in cmp.pairs]


def test_identical_texts_are_all_same() -> None:
    arts = _source()[2].articles
    cmp = _cmp(arts, arts)
    assert {p.relation for p in cmp.pairs} == {"same"} and len(cmp.pairs) == 65


def test_a_deletion_renumbers_without_edits() -> None:
    arts = _source()[2].articles[:30]
    cmp = _cmp(arts, arts[:9] + arts[10:])
    rows = _rows(cmp)
    assert ([10], [], "deleted") in rows
    assert ([11], [10], "renumbered") in rows and ([30], [29], "renumbered") in rows
    assert all(not any(lp.changed for lp in p.lines) for p in cmp.pairs if p.relation == "renumbered")


def test_a_move_and_a_rewrite() -> None:
    arts = list(_source()[2].articles[:30])
    moved = arts.pop(4)  # old 第五条 goes to the end
    arts.append(moved)
    reworded = arts[12]
    first = reworded.paragraphs[0]
    arts[12] = reworded._replace(
        paragraphs=(first._replace(body=first.body.replace("选举委员会", "选举工作领导机构")), *reworded.paragraphs[1:])
    )
    cmp = _cmp(list(_source()[2].articles[:30]), arts)
    rows = _rows(cmp)
    assert ([5], [30], "moved") in rows
    assert ([14], [13], "modified") in rows  # old 第十四条 is now 第十三条, with its words changed
    pair = next(p for p in cmp.pairs if p.old and p.old[0].number == 14)
    changed = {(s.op, s.text) for lp in pair.lines for s in lp.segments if s.op != "equal"}
    assert changed == {("delete", "委员会"), ("insert", "工作领导机构")}  # 选举[-委员会-]{+工作领导机构+}


def test_split_and_merge_of_real_articles() -> None:
    arts = list(_source()[2].articles[:40])
    big = next(a for a in arts if len(a.paragraphs) >= 3)
    k = arts.index(big)
    split = [big._replace(paragraphs=big.paragraphs[:1]), big._replace(paragraphs=big.paragraphs[1:])]
    a, b = arts[k + 3], arts[k + 4]
    merged = a._replace(paragraphs=a.paragraphs + b.paragraphs)
    new = arts[:k] + split + arts[k + 1 : k + 3] + [merged] + arts[k + 5 :]
    cmp = _cmp(arts, new)
    rel = {p.relation: p for p in cmp.pairs if p.relation in ("split", "merged")}
    assert [x.number for x in rel["split"].old] == [k + 1]
    assert [x.number for x in rel["split"].new] == [k + 1, k + 2]
    assert [x.number for x in rel["merged"].old] == [k + 4, k + 5]
    assert [x.number for x in rel["merged"].new] == [k + 5]
    # nothing was lost: the split's two new articles hold exactly the old one's lines
    assert not any(lp.changed for lp in rel["split"].lines)


def test_new_and_deleted_articles_are_not_forced_into_pairs() -> None:
    own = list(_source()[2].articles[:20])
    c = Corpus(LAWS)
    law = c.load_law("政务数据管理与应用办法")
    rev = law.revision("2020-11-27")
    assert rev is not None
    foreign = c.load_text(law, rev).articles[:3]  # unrelated provisions of another law
    cmp = _cmp(own, own[:10] + list(foreign) + own[13:])
    rows = _rows(cmp)
    assert sorted(r[1][0] for r in rows if r[2] == "new") == [11, 12, 13]
    assert sorted(r[0][0] for r in rows if r[2] == "deleted") == [11, 12, 13]


# ---------------------------------------------------------------- generated revisions, at scale


def _law_text(bodies: list[Body]) -> LawText:
    arts = [
        Article(k, f"第{int_to_cn(k)}条", tuple(
            Paragraph(text, tuple(Item(n, f"（{int_to_cn(n)}）", x) for n, x in enumerate(items, 1)))
            for text, items in body
        ))
        for k, body in enumerate(bodies, start=1)
    ]  # fmt: skip
    return LawText("基准条例", blocks=tuple(arts))


def test_a_generated_revision_is_aligned_as_it_was_made() -> None:
    """400 articles: 10 % reworded, 5 % deleted, 5 % new, 1 % moved far, 1 % split (truth known)."""
    old, new, truth = text_pair(400, seed=11)
    law, rev, _ = _source()
    cmp = compare_texts(law, rev, rev, _law_text(old), _law_text(new))
    got = {(o.number, n.number) for p in cmp.pairs for o in p.old for n in p.new}
    right = len(got & truth)
    assert right / len(got) >= 0.97 and right / len(truth) >= 0.97, (sorted(got - truth), sorted(truth - got))
    counts = cmp.stats().counts
    assert counts["split"] >= 3 and counts["moved"] >= 3  # of 4 split and 4 moved
    assert counts["new"] >= 18 and counts["deleted"] >= 18  # of 20 and 20


def test_only_candidate_pairs_are_scored() -> None:
    """Similarity is computed for a few candidates per article, not for every pair (sub-quadratic)."""
    old, new, _ = text_pair(1500, seed=5)
    bodies_old = ["\n".join(line for p in a for line in (p[0], *p[1])) for a in old]
    bodies_new = ["\n".join(line for p in a for line in (p[0], *p[1])) for a in new]
    calls = 0
    real = align_module.cosine

    def counting(u: dict[str, float], v: dict[str, float]) -> float:
        nonlocal calls
        calls += 1
        return real(u, v)

    align_module.cosine = counting  # type: ignore[assignment]
    try:
        links, _ = align_module.align(bodies_old, bodies_new)
    finally:
        align_module.cosine = real  # type: ignore[assignment]
    assert len(links) >= 1400
    assert calls < 10 * len(old), calls  # a dense comparison would be 2.3 million


def test_identical_articles_pair_in_order_even_when_repeated() -> None:
    old = ["甲条", "乙条", "丙条", "乙条", "丁条"]
    new = ["乙条", "甲条", "丙条", "乙条", "丁条", "戊条"]
    pairs, moved = identical(old, new)
    # 甲, 丙, 丁 are unique: the backbone; the second 乙 pairs inside its gap, the first crosses it
    assert sorted(pairs) == [(0, 1), (2, 2), (3, 3), (4, 4)] and not moved
    links, _ = align_module.align(old, new)
    assert {(lk.old, lk.new, lk.moved) for lk in links} == {
        (0, 1, False), (1, 0, True), (2, 2, False), (3, 3, False), (4, 4, False)
    }


def test_heaviest_chain_is_the_heaviest() -> None:
    """The O(n log n) chain against the quadratic one it replaced, on random matchings."""
    rng = random.Random(4)
    for _ in range(200):
        n = rng.randint(1, 12)
        news = rng.sample(range(15), n)
        weight = {(i, j): round(rng.random(), 2) for i, j in enumerate(news)}
        chain = heaviest_chain(weight)
        js = [j for _, j in sorted(chain)]
        assert js == sorted(js)
        best: dict[tuple[int, int], float] = {}
        for p in sorted(weight):
            best[p] = weight[p] + max(
                (best[q] for q in best if q[0] < p[0] and q[1] < p[1]), default=0.0
            )
        assert abs(sum(weight[p] for p in chain) - max(best.values())) < 1e-9
