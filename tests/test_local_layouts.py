"""Layouts of local decisions (provincial, municipal, special economic zone, local government
rules) that the national ones do not have, each on a text written for this test in the printed
layout: unquoted new text after 增加一条，作为第四条：, headings carrying the source of the rule
（市政府令第6号公布，第69号修正）, groups of repealed or expired rules between the amended ones,
规章名称修改为：“《…》”, titles quoted with 《中华人民共和国…》 inside and cited without it, and an
omnibus whose instructions cannot be told apart (refused, never applied to the wrong text)."""

from __future__ import annotations

import pytest

from lawdiff.amend.apply import apply_decision
from lawdiff.amend.decisions import parse_decision
from lawdiff.amend.lines import amends_several
from lawdiff.errors import AmendmentError
from lawdiff.structure.parse import parse_text

ROAD = """甲市公路管理条例
（2000年1月1日甲市第十一届人民代表大会常务委员会第二次会议通过）
第一条　为了加强公路管理，制定本条例。
第二条　本条例所称公路，是指本市的国道和省道。
第三条　市交通部门负责本市公路管理。
第四条　违反本条例第三条规定的，依照本条例第五条处理。
第五条　处一千元罚款。"""

# Shanghai prints the new text of an article unquoted, one paragraph a line, after the instruction
SHANGHAI = """甲市人民代表大会常务委员会关于修改《甲市公路管理条例》的决定
（2020年9月25日甲市第十五届人民代表大会常务委员会第二十五次会议通过）
甲市第十五届人民代表大会常务委员会第二十五次会议决定对《甲市公路管理条例》作如下修改：
一、将第二条修改为：
本条例所称公路，是指本市的国道、省道、县道和乡道。
县道和乡道统称农村公路。
二、增加一条，作为第三条：
本市加强公路管理工作。
各级人民政府应当把农村公路建好、管好。
三、将原第三条改为第四条，修改为：
市交通部门履行下列职责：
（一）编制公路规划；
（二）监督检查。
本决定自2020年10月1日起施行。
《甲市公路管理条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。"""


def _apply(base: str, decision: str, law: str | None = None) -> list[str]:
    out = apply_decision(parse_text(base.splitlines()), parse_decision(decision), law_title=law)
    return [a.text for a in out.text.articles]


def test_unquoted_text_after_an_added_article_and_a_moved_one() -> None:
    assert _apply(ROAD, SHANGHAI) == [
        "第一条　为了加强公路管理，制定本条例。",
        "第二条　本条例所称公路，是指本市的国道、省道、县道和乡道。\n县道和乡道统称农村公路。",
        "第三条　本市加强公路管理工作。\n各级人民政府应当把农村公路建好、管好。",
        "第四条　市交通部门履行下列职责：\n（一）编制公路规划；\n（二）监督检查。",
        "第五条　违反本条例第四条规定的，依照本条例第六条处理。",
        "第六条　处一千元罚款。",
    ]


RULES = """甲市价格监督规定
第一条　为了维护价格秩序，制定本规定。
第二条　物价部门负责实施。"""

# a city government's rules omnibus: repealed, expired and amended rules in groups, each amended
# rule headed by its name and the decree that issued it
CITY_RULES = """甲市人民政府关于废止、宣布失效、修改部分市政府规章的决定
经清理，决定对下列市政府规章分别予以废止、宣布失效、修改：
一、对下列甲市政府规章予以废止：
1、《甲市粮油市场管理规定》（市政府令第27号公布，第69号修正）
2、《甲市农业环境保护办法》（市政府令第84号公布）
二、对下列甲市政府规章宣布失效：
《甲市并机管理规定》（市政府令第38号公布）
三、对下列甲市政府规章进行修改：
（一）《甲市价格监督暂行规定》（市政府令第6号公布，第69号修正）
1、规章名称修改为：“《甲市价格监督规定》”。
2、第二条修改为：“价格主管部门负责实施。”
（二）《甲市农药管理规定》（市政府令第10号公布）
1、删去第二条。
本决定自发布之日起施行。"""


def test_rules_grouped_by_fate_and_headed_with_their_decree() -> None:
    d = parse_decision(CITY_RULES)
    assert [p.target for p in d.parts] == ["甲市价格监督暂行规定", "甲市农药管理规定"]
    assert len(d.transitional) == 3  # the repealed and expired rules: no text edits
    assert d.effective_on_promulgation  # 本决定自发布之日起施行
    base = RULES.replace("甲市价格监督规定", "甲市价格监督暂行规定", 1)
    for law in ("甲市价格监督暂行规定", "甲市价格监督规定"):  # the old name or the new one
        out = apply_decision(parse_text(base.splitlines()), d, law_title=law).text
        assert out.title == "甲市价格监督规定"
        assert [a.text for a in out.articles][1] == "第二条　价格主管部门负责实施。"


B = "甲省乙条例\n第一条　乙一。\n第二条　乙二。\n第三条　乙三，依照本条例第二条办理。"
AMEND_AND_REPEAL = """甲省人民代表大会常务委员会关于修改和废止部分地方性法规的决定
（2022年3月31日甲省第十三届人民代表大会常务委员会第三十二次会议通过）
甲省第十三届人民代表大会常务委员会第三十二次会议决定：
一、对下列地方性法规作出修改
（一）对《甲省丙条例》作出修改
1．删去第二条。
（二）对《甲省乙条例》作出修改
1．删去第三条。
2．将第二条中的“乙二”修改为“乙贰”。
二、废止下列地方性法规
（一）《甲省丁条例》
（二）《甲省戊办法》
本决定自公布之日起施行。《甲省丙条例》《甲省乙条例》根据本决定作相应修改，重新公布。"""

REPEAL_FIRST = """甲省人民代表大会常务委员会关于废止和修改部分地方性法规的决定
一、废止《甲省丁条例》。
二、对《甲省乙条例》作出修改
1．删去第三条。
2．将第二条中的“乙二”修改为“乙贰”。"""


@pytest.mark.parametrize("decision", [AMEND_AND_REPEAL, REPEAL_FIRST], ids=["repeal-after", "repeal-first"])
def test_repeal_sections_do_not_swallow_or_take_instructions(decision: str) -> None:
    d = parse_decision(decision)
    assert "甲省丁条例" not in [p.target for p in d.parts]
    assert _apply(B, decision, "甲省乙条例") == ["第一条　乙一。", "第二条　乙贰。"]


def test_a_title_cited_without_the_prc_prefix_inside_it() -> None:
    base = "甲市实施《中华人民共和国义务教育法》办法\n第一条　甲。\n第二条　乙。"
    d = """甲市人民代表大会常务委员会关于修改《甲市妇女权益保障条例》等2件地方性法规的决定
一、对《甲市妇女权益保障条例》作出修改
删去第九条。
二、对《甲市实施〈中华人民共和国义务教育法〉办法》作出修改
删去第二条。"""
    assert _apply(base, d, "甲市实施《义务教育法》办法") == ["第一条　甲。"]


def test_an_omnibus_whose_instructions_name_no_regulation_is_refused() -> None:
    """Headings in a form lawdiff does not read: the instructions of every regulation would land in
    one part; applying them to any one text would be a guess."""
    d = """甲市人民代表大会常务委员会关于修改《甲市公路管理条例》等二件地方性法规的决定
第一部分　甲市公路管理条例的修改
1．删去第二条。
第二部分　甲市乙条例的修改
1．删去第一条。"""
    assert amends_several(parse_decision(d).title)
    with pytest.raises(AmendmentError, match="no heading or name marks"):
        _apply(ROAD, d, "甲市公路管理条例")
    one = d.splitlines()[0] + "\n删去第二条。"  # one instruction, one part, no regulation named
    with pytest.raises(AmendmentError, match="cannot tell which of its instructions"):
        _apply(ROAD, one, "甲市公路管理条例")


@pytest.mark.parametrize(
    "closing",
    [
        "本决定自2012年4月1日起施行。《甲市公路管理条例》根据本决定作相应修改后公布。",
        "《甲市公路管理条例》根据本决定作相应修改，重新公布。本决定自2012年4月1日起施行。",
    ],
)
def test_effective_date_and_republication_on_one_line(closing: str) -> None:
    """珠海 prints both closing sentences as one paragraph (either order seen in print)."""
    d = parse_decision(
        "甲市人民代表大会常务委员会关于修改《甲市公路管理条例》的决定\n"
        "决定对《甲市公路管理条例》作如下修改：\n一、删除第二条；\n二、删除第五条。\n" + closing
    )
    assert str(d.effective) == "2012-04-01" and d.republish
    assert _apply(ROAD, "\n".join(d.text.splitlines())) == [
        "第一条　为了加强公路管理，制定本条例。",
        "第二条　市交通部门负责本市公路管理。",
        "第三条　违反本条例第二条规定的，依照本条例第五条处理。",
    ]


DUTIES = """甲市丙条例
第一条　为了丙，制定本条例。
第二条　市丙部门履行下列职责：
（一）规划；
（二）审批；
（三）监督。
第三条　本条例第二条第（三）项规定的监督，依照《中华人民共和国行政处罚法》第十条第（三）项执行。
第四条　违反本条例第二条第（二）项、第五条规定的，依照本条例第六条处理。
第五条　丁。
第六条　处一千元罚款。"""


def test_items_cited_with_brackets_follow_their_item() -> None:
    """Local texts cite items as 第（三）项; the brackets stay, the number follows the item, an item
    of another law stays, and a citation of the deleted item is reported, never guessed."""
    d = parse_decision(
        "甲市人民代表大会常务委员会关于修改《甲市丙条例》的决定\n"
        "一、删去第二条第二项。\n二、删去第五条。\n"
        "《甲市丙条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。"
    )
    out = apply_decision(parse_text(DUTIES.splitlines()), d)
    arts = [a.text for a in out.text.articles]
    assert arts[2] == (
        "第三条　本条例第二条第（二）项规定的监督，依照《中华人民共和国行政处罚法》第十条第（三）项执行。"
    )
    assert arts[3] == "第四条　违反本条例第二条第（二）项、第五条规定的，依照本条例第五条处理。"
    assert [(c.old, c.new) for c in out.citations if c.new] == [
        ("第二条第（三）项", "第二条第（二）项"),
        ("第六条", "第五条"),
    ]
    assert {c.note for c in out.citations if c.new is None} == {
        "第二条第（二）项 was deleted",
        "第五条 was deleted by instruction 二",
    }


A2 = "甲市A条例\n第一条　甲一。\n第二条　受到行政处分。\n第三条　给予行政处分。"
B2 = "甲市B条例\n第一条　乙一，依法给予行政处分。\n第二条　乙二。\n第三条　行政处分。"
SEVERAL = {
    "names in a row": "一、将《甲市A条例》《甲市B条例》中的“行政处分”修改为“处分”。",
    "names listed": "一、将《甲市A条例》、《甲市B条例》中的“行政处分”统一修改为“处分”。",
    "listed below": "一、将下列地方性法规中的“行政处分”修改为“处分”：\n（一）《甲市A条例》；\n（二）《甲市B条例》。",
    "listed below, with articles": (
        "一、将下列地方性法规中的“行政处分”修改为“处分”：\n"
        "1.《甲市A条例》第二条、第三条；\n2.《甲市B条例》第一条、第三条。"
    ),
}


@pytest.mark.parametrize("layout", list(SEVERAL))
def test_one_replacement_for_several_regulations(layout: str) -> None:
    """A word changed in several regulations by one instruction, naming them in a row or listing
    them on the following lines; a heading for one of them may follow."""
    text = (
        "甲市人民代表大会常务委员会关于修改《甲市A条例》等二件地方性法规的决定\n"
        + SEVERAL[layout]
        + "\n二、对《甲市A条例》作出修改\n删去第一条。\n本决定自公布之日起施行。"
        + "\n以上法规根据本决定作相应修改并对条文顺序作相应调整，重新公布。"
    )
    d = parse_decision(text)
    assert [p.target for p in d.parts] == ["甲市A条例", "甲市B条例"]
    assert _apply(A2, text, "甲市A条例") == ["第一条　受到处分。", "第二条　给予处分。"]
    assert _apply(B2, text, "甲市B条例") == ["第一条　乙一，依法给予处分。", "第二条　乙二。", "第三条　处分。"]


def test_titles_printed_without_book_title_marks() -> None:
    """The national database prints a decision's title without 《》: what it amends is still read."""
    assert amends_several("甲省人民代表大会常务委员会关于修改甲省乙条例等2件地方性法规的决定")
    single = "甲省人民代表大会常务委员会关于修改甲省乙条例的决定\n一、删去第三条。"
    assert parse_decision(single).parts[0].target == "甲省乙条例"
    assert _apply(B, single) == ["第一条　乙一。", "第二条　乙二。"]
    with pytest.raises(AmendmentError, match="the decision amends 甲省乙条例, the base text is 甲市公路管理条例"):
        _apply(ROAD, single)
    # three titles run together: no single target is made up from them
    three = "甲省人民代表大会常务委员会关于修改甲省乙条例甲省丙条例甲省丁条例的决定\n一、删去第三条。"
    assert parse_decision(three).parts[0].target is None


def test_a_heading_whose_name_is_broken_over_two_lines() -> None:
    d = (
        "深圳市人民代表大会常务委员会关于修改《深圳经济特区甲条例》等二项法规的决定\n"
        "一、对《深圳经济特区\n乙条例》作出修改\n删去第一条。\n"
        "二、对《甲市公路\n管理条例》作出修改\n删去第二条。"
    )
    assert [p.target for p in parse_decision(d).parts] == ["深圳经济特区乙条例", "甲市公路管理条例"]
    assert len(_apply(ROAD, d, "甲市公路管理条例")) == 4


def test_annexes_and_an_explanation_after_the_closing_sentences_are_not_instructions() -> None:
    # a gazette prints the re-published texts (附件：1.…) and the 说明 after the decision: their
    # lines (numbered, citing articles) are not instructions of the decision
    d = (
        "甲市人民代表大会常务委员会关于修改《甲市公路管理条例》等二件地方性法规的决定\n"
        "一、对《甲市公路管理条例》作出修改\n（一）删去第一条。\n"
        "二、对《甲市乙条例》作出修改\n（一）删去第二条。\n"
        "本决定自公布之日起施行。\n"
        "《甲市公路管理条例》《甲市乙条例》根据本决定作相应修改，重新公布。\n"
        "附件：1.甲市公路管理条例\n2.甲市乙条例\n第二条　本条例所称公路，是指本市的国道。\n"
        "关于《甲市公路管理条例修正案（草案）》的说明\n一、删去第三条，因为…"
    )
    dec = parse_decision(d)
    assert [len(p.instructions) for p in dec.parts] == [1, 1]
    assert len(_apply(ROAD, d, "甲市公路管理条例")) == 4
    # before the closing sentences an 附件 line is the decision's own (not skipped)
    early = "关于修改《甲市公路管理条例》的决定\n附件：1.甲市公路管理条例\n删去第一条。"
    assert len(_apply(ROAD, early)) == 4


def test_an_unreadable_instruction_refuses_only_its_own_regulation() -> None:
    # an omnibus amends ten regulations; one instruction for another one is not read: the
    # regulation asked for is still amended, the other one is refused by name
    d = (
        "甲市人民代表大会常务委员会关于修改《甲市公路管理条例》等二件地方性法规的决定\n"
        "一、对《甲市公路管理条例》作出修改\n（一）删去第一条。\n"
        "二、对《甲市乙条例》作出修改\n（一）将第十条改写为下列内容：“乙。”\n"
        "本决定自公布之日起施行。"
    )
    assert len(_apply(ROAD, d, "甲市公路管理条例")) == 4
    other = ROAD.replace("甲市公路管理条例", "甲市乙条例", 1)
    with pytest.raises(AmendmentError, match=r"unknown phrasing.*改写为下列内容"):
        _apply(other, d, "甲市乙条例")
    # numbered across regulations: the unread one names its regulation, or inherits it
    across = (
        "甲市人民代表大会常务委员会关于修改部分地方性法规的决定\n"
        "1.删去《甲市公路管理条例》第一条。\n"
        "2.将《甲市乙条例》第十条改写为下列内容：“乙。”\n"
        "3.删去《甲市丙条例》第二条。\n第三条改写为下列内容：“丙。”"
    )
    assert len(_apply(ROAD, across, "甲市公路管理条例")) == 4
    third = ROAD.replace("甲市公路管理条例", "甲市丙条例", 1)
    for law, text in (("甲市乙条例", other), ("甲市丙条例", third)):
        with pytest.raises(AmendmentError, match="unknown phrasing"):
            _apply(text, across, law)
    # a single-regulation decision: refused as before
    with pytest.raises(AmendmentError, match="unknown phrasing"):
        parse_decision("关于修改《甲市公路管理条例》的决定\n一、删去第一条。\n二、将第二条改写为：“乙。”")


@pytest.mark.parametrize(
    "heading",
    [
        "一、关于《甲市公路管理条例》的修改",
        "一、关于修改《甲市公路管理条例》",
        "一、对《甲市公路管理条例》部分条款作出修改",
        "一、对《甲市公路管理条例》的部分条款作如下修改：",
        "一、对《甲市公路管理条例》进行修改",
        "一、对《甲市公路管理条例》予以修改",
        "一、将《甲市公路管理条例》作如下修改：",
        "一、《甲市公路管理条例》修改如下：",
        "第一部分　对《甲市公路管理条例》的修改",
        "一、对《甲市公路管理条例》（2000年1月1日甲市第十一届人民代表大会常务委员会第二次会议通过）作出修改",
        # right after the title: a heading carrying its source is not the decision's 题注
        "（一）《甲市公路管理条例》（市人大常委会公告第3号公布）",
    ],
)
def test_more_part_headings_of_local_omnibus_decisions(heading: str) -> None:
    d = (
        "甲市人民代表大会常务委员会关于修改《甲市公路管理条例》等二件地方性法规的决定\n"
        f"{heading}\n（一）删去第一条。\n"
        "二、对《甲市乙条例》作出修改\n（一）删去第二条。\n本决定自公布之日起施行。\n"
        "《甲市公路管理条例》《甲市乙条例》根据本决定作相应修改，重新公布。"
    )
    assert [p.target for p in parse_decision(d).parts] == ["甲市公路管理条例", "甲市乙条例"]
    assert _apply(ROAD, d, "甲市公路管理条例")[0].startswith("第一条　本条例所称公路")


def test_a_deletion_without_renumbering_said_leaves_the_number_vacant_and_says_so() -> None:
    d = "甲市人民代表大会常务委员会关于修改《甲市公路管理条例》的决定\n一、删去第二条。\n本决定自公布之日起施行。"
    out = apply_decision(parse_text(ROAD.splitlines()), parse_decision(d))
    assert [a.label for a in out.text.articles] == ["第一条", "第三条", "第四条", "第五条"]
    assert any("第二条 deleted and the decision does not say the text is renumbered" in n for n in out.notes)
    said = d + "\n《甲市公路管理条例》根据本决定作相应修改，重新公布。"
    out = apply_decision(parse_text(ROAD.splitlines()), parse_decision(said))
    assert [a.label for a in out.text.articles] == ["第一条", "第二条", "第三条", "第四条"]
    assert not out.notes


def test_words_adjusted_are_words_replaced() -> None:
    # 调整为 between two quotes after 中的 is a replacement of words (an explicit renumbering
    # table, “第八条”调整为“第七条”, has no 中的)
    d = "甲市人民代表大会常务委员会关于修改《甲市公路管理条例》的决定\n一、将第五条中的“一千元”调整为“二千元”。"
    assert _apply(ROAD, d)[-1] == "第五条　处二千元罚款。"
