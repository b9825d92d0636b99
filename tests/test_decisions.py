"""Phrase -> operation, one row per phrasing (the seeds' and common national ones)."""

from __future__ import annotations

import pytest

from lawdiff.amend.clauses import parse_instruction
from lawdiff.amend.decisions import parse_decision
from lawdiff.amend.ops import (
    AddArticles,
    AddItems,
    AddParagraphs,
    DeletePhrases,
    DeleteUnits,
    HeadingOp,
    InsertPhrase,
    Instruction,
    Merge,
    Move,
    Ref,
    ReplaceTerms,
    ReplaceUnit,
    TableCell,
    TableCells,
)
from lawdiff.errors import AmendmentError


def ops(text: str) -> list[object]:
    return [op for _, op in parse_instruction(Instruction("1", text, (0, len(text))))]


A = Ref  # brevity


@pytest.mark.parametrize(
    "text,expected",
    [
        # global term replacement
        ("将有关条款中的“土地行政主管部门”修改为“自然资源主管部门”，“基本农田”修改为“永久基本农田”。",
         [ReplaceTerms((("土地行政主管部门", "自然资源主管部门"), ("基本农田", "永久基本农田")))]),
        ("将本法中的“国务院土地行政主管部门”修改为“国务院自然资源主管部门”。",
         [ReplaceTerms((("国务院土地行政主管部门", "国务院自然资源主管部门"),))]),
        ("将本条例中的“行政处分”统一修改为“处分”。", [ReplaceTerms((("行政处分", "处分"),))]),
        ("将本办法中的“甲”、“乙”修改为“丙”。", [ReplaceTerms((("甲", "丙"), ("乙", "丙")))]),
        # replace article / paragraph / item / words
        ("将第三条修改为：“本条例所称……行政活动。”", [ReplaceUnit(A(3), "本条例所称……行政活动。")]),
        ("将第二条修改为“选举工作坚持……权利。”", [ReplaceUnit(A(2), "选举工作坚持……权利。")]),
        ("将第十二条第一款修改为：“甲。”", [ReplaceUnit(A(12, 0, 1), "甲。")]),
        ("将第十二条第二款第二项修改为：“（二）乙；”", [ReplaceUnit(A(12, 0, 2, 2), "（二）乙；")]),
        ("将第四十七条中的“第七十六条”修改为“第七十七条”，“第七十七条”修改为“第七十八条”；删去第四项、第五项。",
         [ReplaceTerms((("第七十六条", "第七十七条"), ("第七十七条", "第七十八条")), A(47)),
          DeleteUnits((A(47, 0, None, 4), A(47, 0, None, 5)))]),
        ("将第五条第二款中的“甲”修改为“乙”。", [ReplaceTerms((("甲", "乙"),), A(5, 0, 2))]),
        # delete
        ("删去第七条，第八条，第十四条第五款，第三十四条第一款、第二款。",
         [DeleteUnits((A(7), A(8), A(14, 0, 5), A(34, 0, 1), A(34, 0, 2)))]),
        ("删去第十六条第三款中的“按照该耕地被占用前三年平均年产值的八至十二倍”。",
         [DeletePhrases(A(16, 0, 3), ("按照该耕地被占用前三年平均年产值的八至十二倍",))]),
        ("删去第四十五条中的“公安、法院等”。", [DeletePhrases(A(45), ("公安、法院等",))]),
        ("删去第二十五条第一款第四项，将第五项调整为第四项；删去第二款中的“或者劳动教养”、“或者被劳动教养”。",
         [DeleteUnits((A(25, 0, 1, 4),)), Move(A(25, 0, 1, 5), A(25, 0, 1, 4)),
          DeletePhrases(A(25, 0, 2), ("或者劳动教养", "或者被劳动教养"))]),
        # add
        ("在第十条后增加一条，作为第十一条：“新条文。”", [AddArticles(A(10), (A(11),), ("新条文。",))]),
        ("增加一条，作为第五条：“新条文。”", [AddArticles(None, (A(5),), ("新条文。",))]),
        ("增加两条，分别作为第五条、第六条：“甲。”“乙。”", [AddArticles(None, (A(5), A(6)), ("甲。", "乙。"))]),
        ("在刑法第一百三十三条之一后增加一条，作为第一百三十三条之二：“甲。”",
         [AddArticles(A(133, 1), (A(133, 2),), ("甲。",))]),
        ("第四十二条增加一款，作为第二款：“农业农村主管部门……监督检查。”",
         [AddParagraphs(A(42), (2,), ("农业农村主管部门……监督检查。",))]),
        ("第九条第一款增加一项，作为第三项：“（三）丙；”", [AddItems(A(9, 0, 1), (3,), ("（三）丙；",))]),
        ("在第三条第一款中的“开放协作”后增加“、品牌引领”。", [InsertPhrase(A(3, 0, 1), "开放协作", "、品牌引领")]),
        # merge, move
        ("将第三十八条、第三十九条合并修改为：“新申请宅基地条件由省人民政府规定。”",
         [Merge((A(38), A(39)), "新申请宅基地条件由省人民政府规定。")]),
        ("将第十条第二款改为第十一条。", [Move(A(10, 0, 2), A(11))]),
        ("将第二十条调整为第十八条。", [Move(A(20), A(18))]),
        # chapters
        ("将第二章的章名修改为“国土空间规划”。", [HeadingOp("rename", "章", 2, "国土空间规划")]),
        ("删去第二章。", [HeadingOp("delete", "章", 2)]),
        ("增加一章，作为第三章：“第三章　监督管理\n第十条　甲。\n第十一条　乙。”",
         [HeadingOp("add", "章", 3, "监督管理", articles=("第十条　甲。", "第十一条　乙。"),
                    positions=(Ref(10), Ref(11)))]),
        # tables
        ("将“煤”税目原矿税率由8％调整为10％，选矿税率由6.5％调整为9％；“煤成（层）气”税目原矿税率由1.5％调整为2％。",
         [TableCells((TableCell(None, "煤", "原矿", "8％", "10％"), TableCell(None, "煤", "选矿", "6.5％", "9％"))),
          TableCell(None, "煤成（层）气", "原矿", "1.5％", "2％")]),
        ("将《山西省资源税税目税率表》中“煤”税目原矿税率修改为10％，选矿税率修改为9％。",
         [TableCells((TableCell("山西省资源税税目税率表", "煤", "原矿", None, "10％"),
                      TableCell("山西省资源税税目税率表", "煤", "选矿", None, "9％")))]),
    ],
)  # fmt: skip
def test_phrasing(text: str, expected: list[object]) -> None:
    assert ops(text) == expected


def test_item_and_paragraph_inherit_the_article_across_sentences() -> None:
    got = ops(
        "将第十二条第一款修改为：“甲。”\n第二款第二项修改为“（二）乙；”\n第二款第三项修改为“（三）丙。”"
    )
    assert [o.target for o in got] == [A(12, 0, 1), A(12, 0, 2, 2), A(12, 0, 2, 3)]  # type: ignore[attr-defined]


def test_multi_paragraph_quote() -> None:
    got = ops("将第五条修改为：“第一款。\n“第二款：\n“（一）甲；\n“（二）乙。”")
    assert got == [ReplaceUnit(A(5), "第一款。\n第二款：\n（一）甲；\n（二）乙。")]


@pytest.mark.parametrize(
    "text",
    [
        "对第三条作文字修改。",  # no operation named
        "将第三条的规定予以废止。",
        "删去“甲”。",  # no article to take the phrase from
        "增加两条，分别作为第五条、第六条：“甲。”",  # two announced, one given
    ],
)
def test_unknown_phrasings_are_refused(text: str) -> None:
    with pytest.raises(AmendmentError, match="instruction 1"):
        ops(text)


def test_decision_structure_and_closing_clauses() -> None:
    dec = parse_decision(
        "关于修改《某某条例》的决定\n（2020年1月1日某会议通过）\n某会议决定对《某某条例》作如下修改：\n"
        "一、将第三条修改为：“甲。”\n二、删去第五条。\n本决定自2021年1月1日起施行。\n"
        "《某某条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。"
    )
    assert [i.ordinal for i in dec.parts[0].instructions] == ["一", "二"]
    assert dec.parts[0].target == "某某条例"
    assert str(dec.effective) == "2021-01-01" and dec.renumber and dec.republish
    assert dec.instruction_count == 2


def test_omnibus_parts_and_unknown_part() -> None:
    dec = parse_decision(
        "关于修改《甲条例》《乙条例》的决定\n一、对《甲条例》作出修改\n1．删去第二条。\n二、对《乙条例》作出修改\n将第三条修改为：“丙。”\n本决定自公布之日起施行。"
    )
    assert [p.target for p in dec.parts] == ["甲条例", "乙条例"]
    assert dec.part_for("乙条例").instructions[0].ordinal == "二.1"
    assert dec.effective_on_promulgation
    with pytest.raises(AmendmentError, match="not amended by this decision"):
        dec.part_for("丁条例")
    with pytest.raises(AmendmentError, match="choose one with --law"):
        dec.part_for(None)


def test_republish_clause_variants_that_renumber() -> None:
    from lawdiff.amend.decisions import parse_decision

    head = "关于修改《山西省机关运行保障条例》的决定\n一、删去第十五条。\n"
    for tail in (
        "《山西省机关运行保障条例》根据本决定作相应修改并对条款顺序作相应调整，重新公布。",
        "《山西省机关运行保障条例》根据本决定作相应修改，对条文顺序作相应调整，重新公布。",
        "《山西省机关运行保障条例》根据本决定作相应修改，并对章节条款顺序作相应调整，重新公布。",
    ):
        d = parse_decision(head + tail, decision_id="d")
        assert d.republish and d.renumber, tail
    d = parse_decision(head + "《山西省机关运行保障条例》根据本决定作相应修改，重新公布。", decision_id="d")
    assert d.republish and not d.renumber
