"""Content alignment on edits made to real articles: renumbering, moves, splits, merges, rewrites."""

from __future__ import annotations

from functools import cache

from lawdiff.compare.comparison import Comparison
from lawdiff.compare.diffing import compare_texts
from lawdiff.corpus.reader import Corpus
from lawdiff.structure.model import Article, Law, LawText, Revision
from lawdiff.structure.numerals import int_to_cn

from .conftest import LAWS


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
