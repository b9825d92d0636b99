"""Units that change place: 将第三条第二款与第三款互换位置 (paragraphs or items of one unit swap,
the references to them follow), 将第三条移至第五条之后(，作为第五条) (the article follows the one
named, in its chapter; a stated number is checked).  Articles swapped in place, a move that would
leave a section empty, and a stated number the move contradicts are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawdiff.cli import app
from lawdiff.errors import AmendmentError

from .amended import amended_blocks

TEXT = """甲市庚条例
第一章　总则
第一条　为了庚，制定本条例。
第二条　庚二。依照本条例第三条第二款、第四条办理。
第二章　管理
第一节　一般规定
第三条　庚三。
第一款所列事项，依照第四条办理。
其他事项，由区人民政府决定。
第四条　庚四：
（一）甲；
（二）乙；
（三）丙。
第二节　特别规定
第五条　庚五。
第六条　庚六。
第三章　附则
第七条　本条例自2010年1月1日起施行。"""

HEAD = "甲市人民代表大会常务委员会关于修改《甲市庚条例》的决定\n"
RENUMBERED = "\n《甲市庚条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。"
PLAIN = "\n本决定自公布之日起施行。"


def _blocks(body: str, tail: str = RENUMBERED) -> list[str]:
    return amended_blocks(TEXT, HEAD + body + tail)


def test_two_paragraphs_swap_and_the_references_to_them_follow() -> None:
    out = _blocks("一、将第三条第二款与第三款互换位置。", PLAIN)
    assert out[5] == "第三条　庚三。\n其他事项，由区人民政府决定。\n第一款所列事项，依照第四条办理。"
    assert out[2] == "第二条　庚二。依照本条例第三条第三款、第四条办理。"


def test_two_items_swap() -> None:
    out = _blocks("一、将第四条第二项与第三项互换位置。", PLAIN)
    assert out[6] == "第四条　庚四：\n（一）甲；\n（二）丙。\n（三）乙；"


def test_an_article_moved_after_another_takes_its_place_and_number() -> None:
    want = ["第三条　庚四：", "[第二节　特别规定]", "第四条　庚五。", "第五条　庚三。"]
    for body in ("一、将第三条移至第五条之后，作为第五条。", "一、将第三条移至第五条之后。"):
        out = _blocks(body)
        assert [x.split("\n")[0] for x in out[5:9]] == want
        assert out[8].endswith("第一款所列事项，依照第三条办理。\n其他事项，由区人民政府决定。")
        assert out[2] == "第二条　庚二。依照本条例第五条第二款、第三条办理。"
    out = _blocks("一、将第六条移至第五条之前，作为第五条。", PLAIN)  # a stated move renumbers
    assert [x.split("\n")[0] for x in out[-5:]] == ["[第二节　特别规定]", "第五条　庚六。", "第六条　庚五。",
                                                    "[第三章　附则]", "第七条　本条例自2010年1月1日起施行。"]  # fmt: skip


@pytest.mark.parametrize(
    "body,tail,why",
    [
        ("一、将第三条与第五条互换位置。", RENUMBERED, "not swapped in place"),
        ("一、将第三条第二款与第二款互换位置。", RENUMBERED, "cannot move"),
        ("一、将第三条第二款与第四条第一款互换位置。", RENUMBERED, "cannot move"),
        ("一、将第三条移至第五条之后，作为第四条。", RENUMBERED, "cannot become 第四条"),
        ("一、将第三条移至第五条之后。", PLAIN, "would stand after"),
        ("一、将第五条移至第二条之后，作为第三条。\n二、将第六条移至第二条之后，作为第四条。", RENUMBERED,
         "leaves 第二节 without articles"),
        ("一、将第三条移至第三条之后。", RENUMBERED, "cannot move"),
    ],
)
def test_refusals(body: str, tail: str, why: str) -> None:
    with pytest.raises(AmendmentError, match=why):
        _blocks(body, tail)


def test_lawdiff_amend_end_to_end(tmp_path: Path) -> None:
    base, dec = tmp_path / "base.txt", tmp_path / "dec.txt"
    base.write_text(TEXT + "\n", encoding="utf-8")
    dec.write_text(HEAD + "一、将第三条移至第五条之后，作为第五条。\n二、将第四条第一项与第二项互换位置。" + RENUMBERED, encoding="utf-8")
    r = CliRunner().invoke(app, ["amend", "--base", str(base), "--decision", str(dec), "--format", "json"])
    assert r.exit_code == 0, r.stderr
    cites = {(c["old"], c["new"]) for c in json.loads(r.stdout)["citations"]}
    assert ("第三条第二款", "第五条第二款") in cites and ("第四条", "第三条") in cites
    r = CliRunner().invoke(app, ["amend", "--base", str(base), "--decision", str(dec)])
    assert "第三条　庚四：\n（一）乙；\n（二）甲；\n（三）丙。\n第二节　特别规定\n第四条　庚五。\n第五条　庚三。\n" in r.stdout
    dec.write_text(HEAD + "一、将第三条与第五条互换位置。" + RENUMBERED, encoding="utf-8")
    r = CliRunner().invoke(app, ["amend", "--base", str(base), "--decision", str(dec)])
    assert r.exit_code == 3 and "第三条" in r.stderr
