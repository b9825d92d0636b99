"""Each kind of formula applied to a hand-written text: exact results, and refusals where the
text has no such part."""

from __future__ import annotations

import pytest

from lawdiff.amend.apply import apply_decision
from lawdiff.amend.decisions import parse_decision
from lawdiff.errors import AmendmentError
from lawdiff.structure.model import LawText
from lawdiff.structure.parse import parse_text

BASE = """某某规定
（2001年1月1日某某会议通过）
为了规范某某活动，制定本规定。
第一条　为了测试，制定本规定。
第二条　甲应当乙；丙应当丁。
第三条　有下列情形之一的，处以罚款：
（一）甲；
（二）乙，包括：
1．子；
2．丑；
（三）丙。
第四条　当事人应当履行义务，但是法律另有规定的除外。
第五条　第一句。第二句。第三句。
第六条　依照本规定第三条第二项处理。
第七条　本规定自公布之日起施行。"""


def apply(*instructions: str, title: str = "某某规定", tail: str = "") -> LawText:
    body = "\n".join(f"{i}．{t}" for i, t in enumerate(instructions, start=1))
    dec = parse_decision(
        f"关于修改《{title}》的决定\n（2020年1月1日某某会议通过）\n某某会议决定对《{title}》作如下修改：\n{body}\n{tail}",
        decision_id="d",
    )
    return apply_decision(parse_text(BASE.splitlines()), dec, decision_id="d").text


def art(text: LawText, label: str) -> str:
    return next(a.text for a in text.articles if a.label == label)


def test_sentence_front_back_proviso_head() -> None:
    assert (
        art(apply("将第五条第二句修改为：“新二句。”"), "第五条")
        == "第五条　第一句。新二句。第三句。"
    )
    assert art(apply("删去第五条第一句。"), "第五条") == "第五条　第二句。第三句。"
    assert (
        art(apply("第五条增加一句，作为第二句：“插句。”"), "第五条")
        == "第五条　第一句。插句。第二句。第三句。"
    )
    assert (
        art(apply("第五条增加一句：“末句。”"), "第五条") == "第五条　第一句。第二句。第三句。末句。"
    )
    assert (
        art(apply("将第二条前段修改为：“戊应当己；”"), "第二条") == "第二条　戊应当己；丙应当丁。"
    )
    assert art(apply("将第二条后段修改为：“庚。”"), "第二条") == "第二条　甲应当乙；庚。"
    assert art(apply("删去第四条的但书。"), "第四条") == "第四条　当事人应当履行义务。"
    assert art(apply("将第四条的但书修改为：“但是本规定另有规定的除外”"), "第四条") == (
        "第四条　当事人应当履行义务，但是本规定另有规定的除外。"
    )
    # 条首部分 quoted without the colon that leads into the items: the colon stays
    out = apply("第三条条首部分修改为：“有下列情形之一的，处以警告或者罚款”")
    assert art(out, "第三条").split("\n")[0] == "第三条　有下列情形之一的，处以警告或者罚款："


def test_parts_a_paragraph_does_not_have_are_refused() -> None:
    with pytest.raises(AmendmentError, match="has 3 sentences, not 5"):
        apply("将第五条第五句修改为：“甲。”")
    with pytest.raises(AmendmentError, match="no 但书"):
        apply("删去第二条的但书。")


def test_subitems() -> None:
    out = apply("将第三条第二项第2目修改为：“2．寅；”")
    assert "2．寅；" in art(out, "第三条")
    out = apply("第三条第二项增加一目，作为第二目：“2．卯；”")
    assert art(out, "第三条").split("\n")[3:6] == ["1．子；", "2．卯；", "3．丑；"]
    out = apply("删去第三条第二项第1目。")
    assert art(out, "第三条").split("\n")[3] == "1．丑；"
    with pytest.raises(AmendmentError, match="no 第五目"):
        apply("删去第三条第二项第五目。")


def test_preamble_title_and_inline_items() -> None:
    out = apply("将引言修改为：“为了规范某某活动，保护当事人合法权益，制定本规定。”")
    assert out.preamble == ("为了规范某某活动，保护当事人合法权益，制定本规定。",)
    out = apply("将名称修改为：“某某管理规定”")
    assert out.title == "某某管理规定"
    # the new text prints its items on one line: split as the text prints items
    out = apply("将第七条修改为：“下列日期放假：（一）元旦；（二）春节。”")
    assert art(out, "第七条") == "第七条　下列日期放假：\n（一）元旦；\n（二）春节。"


def test_split_merge_with_position_and_moves() -> None:
    out = apply(
        "将第一条改为两条，作为第一条、第二条，修改为：“第一条　为了测试，制定本规定。\n“第二条　本规定适用于测试。”",
        tail="《某某规定》根据本决定作相应修改并对条文顺序作相应调整，重新公布。",
    )
    assert [a.label for a in out.articles][:3] == ["第一条", "第二条", "第三条"]
    assert art(out, "第二条") == "第二条　本规定适用于测试。"
    assert art(out, "第三条") == "第三条　甲应当乙；丙应当丁。"
    out = apply("将第二条、第五条合并，作为第二条，修改为：“合并。”", "删去第四条。",
                tail="《某某规定》根据本决定作相应修改并对条文顺序作相应调整，重新公布。")  # fmt: skip
    assert [a.text.split("\u3000")[1][:2] for a in out.articles] == [
        "为了",
        "合并",
        "有下",
        "依照",
        "本规",
    ]
    # an explicit renumbering table that moves an article forward (SPC style)
    out = apply("将第七条修改为第二条。", "原第二条作为第三条。")
    assert out.articles[1].text == "第二条　本规定自公布之日起施行。"
    assert out.articles[2].text == "第三条　甲应当乙；丙应当丁。"


def test_part_headings_of_an_interpretation() -> None:
    base = "某某解释\n一、一般规定\n第一条　甲。\n二、特别规定\n第二条　乙。"
    dec = parse_decision(
        "关于修改《某某解释》的决定\n1.将“二、特别规定”修改为：“二、其他规定”\n2.将第一部分标题修改为：“一、总的规定”"
    )
    out = apply_decision(parse_text(base.splitlines()), dec).text
    assert [h.text for h in out.headings] == ["一、总的规定", "二、其他规定"]


def test_constitution_layout_restated_paragraph_and_items() -> None:
    base = "中华人民共和国宪法\n序　言\n第一段。\n中国人民坚持甲。\n第一章　总纲\n第一条　国家机构行使下列职权：\n（一）甲；\n（二）乙。\n第二条　丙。"
    dec = parse_decision(
        "中华人民共和国宪法修正案\n第三十二条　宪法序言第二自然段中“甲”修改为“乙”。这一自然段相应修改为：“中国人民坚持乙。”\n"
        "第三十三条　宪法第一条“国家机构行使下列职权”中增加一项，作为第二项“（二）丁；”，第二项相应改为第三项。"
    )
    out = apply_decision(parse_text(base.splitlines()), dec).text
    assert out.preamble == ("序　言", "第一段。", "中国人民坚持乙。")
    assert (
        art(out, "第一条") == "第一条　国家机构行使下列职权：\n（一）甲；\n（二）丁；\n（三）乙。"
    )


def test_an_item_quoted_without_its_closing_mark_keeps_the_lists() -> None:
    # 国务院 2024: 将第二条第二项修改为“（二）春节，放假4天（…）” — the published item ends in ；
    out = apply("将第三条第一项修改为“（一）甲或者乙”，第三项修改为“（三）丙或者丁”。")
    assert art(out, "第三条").split("\n")[1] == "（一）甲或者乙；"
    assert art(out, "第三条").split("\n")[-1] == "（三）丙或者丁。"
    # a mark the decision writes is kept as written
    assert (
        art(apply("将第三条第一项修改为：“（一）甲或者乙。”"), "第三条").split("\n")[1]
        == "（一）甲或者乙。"
    )
    assert art(apply("将第三条第二项第一目修改为：“1．寅”"), "第三条").split("\n")[3] == "1．寅；"


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        (
            "将第三条第（二）项中的“乙”修改为“戊”。",
            "将第三条第二项中的“乙”修改为“戊”。",
        ),  # 第（二）项
        ("删去第3条第1项。", "删去第三条第一项。"),  # Arabic numbers in a citation
        (
            '将第一条修改为:"为了检验，制定本规定。"',
            "将第一条修改为：“为了检验，制定本规定。”",
        ),  # straight quotes
        ("将第二条中的“甲”替换为“庚”.", "将第二条中的“甲”修改为“庚”。"),  # 替换为, ASCII full stop
        ("删去第四条中的“是”字。", "删去第四条中的“是”。"),  # “…”字
        ("将规定全文中的“甲”修改为“庚”。", "将本规定中的“甲”修改为“庚”。"),  # 全文
        (
            "将第五条修改为两款，作为第一款、第二款：“一句。\n二句。”",
            "将第五条修改为：“一句。\n二句。”",
        ),
    ],
)
def test_typing_variants_read_as_the_canonical_phrasing(variant: str, canonical: str) -> None:
    assert apply(variant).lines() == apply(canonical).lines()
    assert apply(variant).lines() != parse_text(BASE.splitlines()).lines()


def test_a_paragraph_or_item_added_after_the_one_named() -> None:
    out = apply("在第四条第一款后增加一款：“新的一款。”")
    assert art(out, "第四条") == "第四条　当事人应当履行义务，但是法律另有规定的除外。\n新的一款。"
    out = apply("在第三条第一项后增加一项：“（二）丁；”", tail="对条款顺序作相应调整。")
    assert art(out, "第三条").split("\n")[1:4] == ["（一）甲；", "（二）丁；", "（三）乙，包括："]
    with pytest.raises(AmendmentError, match="name the paragraph"):
        apply("在第四条后增加一款：“新的一款。”")
