"""Phrasings of local decisions applied to a text written for this test: a new article placed in
the chapter the decision names (在第三章中增加一条), paragraphs merged (并入 / 合并为一款) with the
references after them renumbered, an article rewritten as two (修改为两条), renumbering stated as
依次改为, and two clauses a web copy printed without the full stop between them."""

from __future__ import annotations

from .amended import amended_blocks

TEXT = """甲市丁条例
第一章　总则
第一条　为了丁，制定本条例。
第二条　丁二。
第二章　管理
第三条　丁三。
第一款所列事项，依照第四条办理。
前款规定以外的事项，由区人民政府决定。
第四条　丁四。
第三章　附则
第五条　本条例自2010年1月1日起施行。"""

HEAD = "甲市人民代表大会常务委员会关于修改《甲市丁条例》的决定\n"
TAIL = "\n《甲市丁条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。"


def _out(body: str) -> list[str]:
    return amended_blocks(TEXT, HEAD + body + TAIL)


def test_an_article_added_in_a_named_chapter_stays_in_it_at_the_boundary() -> None:
    end_of_two = _out("一、在第二章中增加一条，作为第五条：“丁新。”")
    assert end_of_two[-4:] == ["第四条　丁四。", "第五条　丁新。", "[第三章　附则]", "第六条　本条例自2010年1月1日起施行。"]
    start_of_three = _out("一、在第三章中增加一条，作为第五条：“丁新。”")
    assert start_of_three[-4:] == ["第四条　丁四。", "[第三章　附则]", "第五条　丁新。", "第六条　本条例自2010年1月1日起施行。"]


def test_paragraphs_merged_and_the_references_after_them_follow() -> None:
    for body in ("一、将第三条第二款并入第一款，修改为：“丁三，依照第四条办理。”",
                 "一、将第三条第一款、第二款合并为一款，修改为：“丁三，依照第四条办理。”"):  # fmt: skip
        out = _out(body)
        assert out[4] == "第三条　丁三，依照第四条办理。\n前款规定以外的事项，由区人民政府决定。"


def test_an_article_rewritten_as_two_renumbers_the_rest() -> None:
    out = _out("一、将第二条修改为两条，作为第二条、第三条：“第二条　丁二甲。”“第三条　丁二乙。”")
    assert out[2:4] == ["第二条　丁二甲。", "第三条　丁二乙。"]
    assert out[5].startswith("第四条　丁三。\n第一款所列事项，依照第五条办理。")


def test_renumbering_stated_with_依次改为() -> None:
    out = _out("一、删去第二条，第三条至第五条依次改为第二条至第四条。")
    assert [x for x in out if not x.startswith("[")][1].startswith("第二条　丁三。")


def test_two_clauses_printed_without_the_full_stop_between_them() -> None:
    out = _out("一、将第三条第三款修改为：“其他事项，由市人民政府决定。”增加一款作为第四款：“丁三补。”")
    assert out[4].endswith("其他事项，由市人民政府决定。\n丁三补。")
