"""Applying each kind of operation to a small hand-made text, and every refusal."""

from __future__ import annotations

import pytest

from lawdiff.amend.apply import apply_decision
from lawdiff.amend.decisions import parse_decision
from lawdiff.errors import AmendmentError
from lawdiff.structure.model import LawText
from lawdiff.structure.parse import parse_text

BASE = """山西省测试条例
（2000年1月1日山西省第九届人民代表大会常务委员会第十二次会议通过）
第一章　总　则
第一条　为了测试，制定本条例。
第二条　土地行政主管部门负责基本农田保护。永久基本农田不得占用。
第三条　违反本条例的，依照第七十六条、第七十七条处罚。
第二章　管　理
第一节　一般规定
第四条　有下列情形之一的，给予行政处分：
（一）甲；
（二）乙；
（三）丙；
（四）丁。
第五条　第一款内容。
第二款内容，包括公安、法院等部门。
第三款内容。
第二节　特别规定
第六条　特别规定一。
第七条　特别规定二。
第三章　附　则
第八条　本条例自公布之日起施行。"""


def amend(*instructions: str, renumber: bool = True) -> LawText:
    return apply(*instructions, renumber=renumber).text


def apply(*instructions: str, renumber: bool = True):  # type: ignore[no-untyped-def]
    body = "\n".join(f"{i}．{t}" for i, t in enumerate(instructions, start=1))
    tail = (
        "\n《山西省测试条例》根据本决定作相应修改并对章条款顺序作相应调整，重新公布。"
        if renumber
        else ""
    )
    decision = parse_decision(
        "山西省人民代表大会常务委员会关于修改《山西省测试条例》的决定\n"
        "（2020年11月27日山西省第十三届人民代表大会常务委员会第二十一次会议通过）\n"
        "山西省第十三届人民代表大会常务委员会第二十一次会议决定对《山西省测试条例》作如下修改：\n"
        f"{body}\n本决定自公布之日起施行。{tail}",
        decision_id="test",
    )
    return apply_decision(parse_text(BASE.splitlines()), decision, decision_id="test")


def art(text: LawText, n: int) -> str:
    return text.articles[n - 1].text


def test_nothing_changed_but_the_history_note() -> None:
    out = amend("将第八条修改为：“本条例自公布之日起施行。”")
    assert out.lines()[2:] == parse_text(BASE.splitlines()).lines()[2:]
    assert out.note.endswith(
        "　根据2020年11月27日山西省第十三届人民代表大会常务委员会第二十一次会议《关于修改〈山西省测试条例〉的决定》修正）"
    )


def test_global_replacement_single_pass_and_no_double_prefix() -> None:
    r = apply(
        "将有关条款中的“土地行政主管部门”修改为“自然资源主管部门”，“基本农田”修改为“永久基本农田”，“行政处分”修改为“处分”。"
    )
    assert art(r.text, 2) == "第二条　自然资源主管部门负责永久基本农田保护。永久基本农田不得占用。"
    assert "给予处分" in art(r.text, 4)
    assert r.replacements["1"] == [
        ("土地行政主管部门", "自然资源主管部门", 1),
        ("基本农田", "永久基本农田", 1),
        ("行政处分", "处分", 1),
    ]


def test_chained_local_replacements_are_simultaneous() -> None:
    out = amend("将第三条中的“第七十六条”修改为“第七十七条”，“第七十七条”修改为“第七十八条”。")
    assert art(out, 3) == "第三条　违反本条例的，依照第七十七条、第七十八条处罚。"


def test_global_replacement_spares_text_the_decision_wrote() -> None:
    out = amend(
        "将第一条修改为：“土地行政主管部门一词在此保留。”",
        "将有关条款中的“土地行政主管部门”修改为“自然资源主管部门”。",
    )
    assert art(out, 1) == "第一条　土地行政主管部门一词在此保留。"
    assert art(out, 2).startswith("第二条　自然资源主管部门")


def test_replace_article_paragraph_item_with_own_labels() -> None:
    out = amend(
        "将第一条修改为：“第一条　新的第一条。”",
        "将第五条第二款修改为：“新的第二款。”",
        "将第四条第二项修改为“（二）新乙；”",
    )
    assert art(out, 1) == "第一条　新的第一条。"
    assert art(out, 5) == "第五条　第一款内容。\n新的第二款。\n第三款内容。"
    assert "（二）新乙；" in art(out, 4)


def test_delete_articles_paragraphs_items_and_renumber() -> None:
    out = amend("删去第三条，第五条第二款，第四条第二项、第三项。")
    assert [a.label for a in out.articles] == [f"第{n}条" for n in "一二三四五六七"]
    assert art(out, 3) == "第三条　有下列情形之一的，给予行政处分：\n（一）甲；\n（二）丁。"
    assert art(out, 4) == "第四条　第一款内容。\n第三款内容。"


def test_delete_items_named_after_the_article_in_the_previous_clause() -> None:
    out = amend("将第四条中的“行政处分”修改为“处分”；删去第二项、第三项。")
    assert art(out, 4) == "第四条　有下列情形之一的，给予处分：\n（一）甲；\n（二）丁。"


def test_delete_phrase_and_insert_phrase() -> None:
    out = amend("删去第五条第二款中的“公安、”。", "在第一条中的“测试”后增加“和验证”。")
    assert art(out, 5).splitlines()[1] == "第二款内容，包括法院等部门。"
    assert art(out, 1) == "第一条　为了测试和验证，制定本条例。"


def test_references_mean_the_old_numbering() -> None:
    # the paragraph added as 第二款 does not shift what 第五条第三款 means
    out = amend("第五条增加一款，作为第二款：“新增第二款。”", "删去第五条第三款。")
    assert art(out, 5) == "第五条　第一款内容。\n新增第二款。\n第二款内容，包括公安、法院等部门。"


def test_merge_and_add_articles() -> None:
    out = amend(
        "将第六条、第七条合并修改为：“合并后的特别规定。”",
        "在第一条后增加一条，作为第二条：“新增的第二条。”",
    )
    assert [a.text.split("　")[1] for a in out.articles][:3] == [
        "为了测试，制定本条例。",
        "新增的第二条。",
        "土地行政主管部门负责基本农田保护。永久基本农田不得占用。",
    ]
    assert art(out, 7) == "第七条　合并后的特别规定。"
    assert len(out.articles) == 8


def test_add_item_and_explicit_item_renumbering() -> None:
    out = amend(
        "删去第四条第二项，将第三项调整为第二项。", "第四条增加一项，作为第四项：“（四）戊。”"
    )
    assert art(out, 4).splitlines()[1:] == ["（一）甲；", "（二）丙；", "（三）丁。", "（四）戊。"]


def test_chapter_operations() -> None:
    out = amend("将第二章的章名修改为“监督管理”。", "删去第二章第二节。")
    heads = [b.text for b in out.blocks if not hasattr(b, "paragraphs")]
    assert heads == ["第一章　总　则", "第二章　监督管理", "第一节　一般规定", "第三章　附　则"]
    assert len(out.articles) == 6


def test_add_chapter_with_articles() -> None:
    out = amend("增加一章，作为第三章：“第三章　监督检查\n第八条　检查一。\n第九条　检查二。”")
    heads = [b.text for b in out.blocks if not hasattr(b, "paragraphs")]
    assert heads[-2:] == ["第三章　监督检查", "第四章　附　则"]
    assert art(out, 8) == "第八条　检查一。" and art(out, 10) == "第十条　本条例自公布之日起施行。"


def test_provenance_records_instruction_and_old_number() -> None:
    r = apply("删去第三条。", "将第五条第二款修改为：“新。”")
    prov = {p.label: p for p in r.provenance}
    assert prov["第四条"].old_label == "第五条"
    assert prov["第四条"].events[0][1:3] == ("2", "modified")
    assert r.old_to_new()["第八条"] == "第七条"


@pytest.mark.parametrize(
    "instruction,message",
    [
        ("删去第九条。", "the text has no 第九条"),
        ("删去第五条第四款。", "第五条 has no 第四款"),
        ("删去第四条第九项。", "no 第九项 there"),
        ("删去第二条中的“不存在的话”。", "“不存在的话” not found"),
        ("将第三条中的“第七十五条”修改为“第七十六条”。", "“第七十五条” not found"),
        (
            "在第二条中的“基本农田”后增加“（耕地）”。",
            "found 2 times; the insertion point is ambiguous",
        ),
        (
            "删去第五条中的“内容”。",
            None,
        ),  # found in three paragraphs: deleting every occurrence is fine
        (
            "将第五条中的“公安”修改为“公安机关”；将第九十九条修改为：“甲。”",
            "the text has no 第九十九条",
        ),
        ("第五条增加一款，作为第六款：“甲。”", "cannot add one as 第六款"),
        ("删去第八条第一款。", "leaves 第八条 empty"),
        ("删去第十章。", "the text has no 第十章"),
    ],
)
def test_refusals_name_decision_instruction_and_target(
    instruction: str, message: str | None
) -> None:
    if message is None:
        apply(instruction)
        return
    with pytest.raises(AmendmentError) as err:
        apply("将第一条修改为：“不变。”", instruction)
    text = str(err.value)
    assert text.startswith("decision test, instruction 2")
    assert message in text


def test_conflicting_instructions() -> None:
    with pytest.raises(AmendmentError, match="already deleted by instruction 1"):
        apply("删去第三条。", "将第三条修改为：“甲。”")
    with pytest.raises(AmendmentError, match="positions do not add up"):
        apply("在第一条后增加一条，作为第五条：“甲。”")


def test_no_partial_result_on_refusal() -> None:
    base = parse_text(BASE.splitlines())
    before = base.lines()
    with pytest.raises(AmendmentError):
        apply("删去第三条。", "删去第三条。")
    assert base.lines() == before  # the input text object is never modified


def test_wrong_base_law_is_refused() -> None:
    decision = parse_decision("关于修改《别的条例》的决定\n1．删去第三条。")
    with pytest.raises(AmendmentError, match="the decision amends 别的条例"):
        apply_decision(parse_text(BASE.splitlines()), decision)


def test_amendment_act_keeps_numbers_and_inserts_zhi_yi() -> None:
    decision = parse_decision(
        "中华人民共和国测试法修正案\n一、在第三条后增加一条，作为第三条之一：“新增。”\n二、删去第七条。\n本修正案自公布之日起施行。"
    )
    base = parse_text(BASE.replace("山西省测试条例", "中华人民共和国测试法").splitlines())
    out = apply_decision(base, decision).text
    assert [a.label for a in out.articles] == [
        "第一条",
        "第二条",
        "第三条",
        "第三条之一",
        "第四条",
        "第五条",
        "第六条",
        "第八条",
    ]


def test_table_cells() -> None:
    from lawdiff.amend.apply import apply_part, table_from_cells

    table = table_from_cells(
        "税率表", [("煤", "原矿", "8％"), ("煤", "选矿", "6.5％")], partial=False
    )
    base = LawText("决定", tables=(table,))
    ok = parse_decision(
        "关于修改《决定》的决定\n将“煤”税目原矿税率由8％调整为10％，选矿税率由6.5％调整为9％。"
    )
    out = apply_part(base, ok.parts[0], ok, decision_id="t", renumber=False).text.tables[0]
    assert (out.get("煤", "原矿"), out.get("煤", "选矿")) == ("10％", "9％")
    wrong = parse_decision("关于修改《决定》的决定\n将“煤”税目原矿税率由7％调整为10％。")
    with pytest.raises(AmendmentError, match="the table says 8％, the decision says it was 7％"):
        apply_part(base, wrong.parts[0], wrong, decision_id="t", renumber=False)
    missing = parse_decision("关于修改《决定》的决定\n将“铁”税目原矿税率由1％调整为2％。")
    with pytest.raises(AmendmentError, match="has no row “铁”"):
        apply_part(base, missing.parts[0], missing, decision_id="t", renumber=False)
