"""Words replaced or deleted in a chapter, a section or a range of articles (将第二章中的“甲”修改为
“乙”, 将第二章第一节中的…, 将第三条至第五条中的…, 删去第二章中的…), and the spoken 把 for 将:
applied to a text written for this test, by the library and by ``lawdiff amend``."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawdiff.amend.apply import apply_decision
from lawdiff.amend.decisions import parse_decision
from lawdiff.cli import app
from lawdiff.errors import AmendmentError
from lawdiff.structure.parse import parse_text

TEXT = """甲市戊条例
第一章　总则
第一条　为了戊，制定本条例。
第二条　甲二。依照第三条办理。
第二章　甲的管理
第一节　一般规定
第三条　戊三甲。
前款规定以外的甲，由区人民政府决定。
第四条　戊四。
第二节　特别规定
第五条　戊五甲。
第三章　附则
第六条　本条例自2010年1月1日起施行。甲。"""

HEAD = "甲市人民代表大会常务委员会关于修改《甲市戊条例》的决定\n"
TAIL = "\n本决定自公布之日起施行。"


def _articles(body: str) -> list[str]:
    d = parse_decision(HEAD + body + TAIL)
    text = apply_decision(parse_text(TEXT.splitlines()), d).text
    return [b.text for b in text.blocks if hasattr(b, "paragraphs")]


def test_a_section_only_its_own_articles() -> None:
    out = _articles("一、将第二章第二节中的“甲”修改为“乙”。")
    assert out[2:] == ["第三条　戊三甲。\n前款规定以外的甲，由区人民政府决定。", "第四条　戊四。",
                       "第五条　戊五乙。", "第六条　本条例自2010年1月1日起施行。甲。"]  # fmt: skip
    assert out[1] == "第二条　甲二。依照第三条办理。"


def test_a_range_need_not_have_the_words_in_every_article() -> None:
    out = _articles("一、将第三条至第五条中的“甲”修改为“乙”。")  # 第四条 has no 甲
    assert out[2:5] == ["第三条　戊三乙。\n前款规定以外的乙，由区人民政府决定。", "第四条　戊四。", "第五条　戊五乙。"]
    assert out[1].startswith("第二条　甲二") and out[5].endswith("甲。")


def test_words_deleted_in_a_section() -> None:
    out = _articles("一、删去第二章第一节中的“甲”。")
    assert out[2] == "第三条　戊三。\n前款规定以外的，由区人民政府决定。"
    assert out[4] == "第五条　戊五甲。"


@pytest.mark.parametrize(
    "body,why",
    [
        ("一、将第二章中的“甲”修改为“乙”。", "heading"),  # 第二章　甲的管理: is the heading meant too?
        ("一、将第四章中的“甲”修改为“乙”。", "第四章"),
        ("一、将第二章第三节中的“甲”修改为“乙”。", "第二章第三节"),
        ("一、将第四条至第五条中的“丙”修改为“乙”。", "丙"),
        ("一、将第五条至第九条中的“甲”修改为“乙”。", "第九条"),
    ],
)
def test_refusals(body: str, why: str) -> None:
    with pytest.raises(AmendmentError, match=why):
        _articles(body)


def test_把_reads_as_将() -> None:
    out = _articles("一、把第四条修改为：“戊四新。”\n二、把第五条中的“甲”修改为“乙”。\n三、把第六条删去。")
    assert out[3:] == ["第四条　戊四新。", "第五条　戊五乙。"]


def test_lawdiff_amend_applies_a_chapter_scope(tmp_path: Path) -> None:
    base, dec = tmp_path / "base.txt", tmp_path / "dec.txt"
    base.write_text(TEXT.replace("甲的管理", "管理") + "\n", encoding="utf-8")
    dec.write_text(HEAD + "一、将第二章中的“甲”修改为“乙”。\n二、把第二条删去。" + TAIL, encoding="utf-8")
    r = CliRunner().invoke(app, ["amend", "--base", str(base), "--decision", str(dec)])
    assert r.exit_code == 0, r.stderr
    assert "第三条　戊三乙。\n前款规定以外的乙，由区人民政府决定。\n" in r.stdout
    assert "第五条　戊五乙。" in r.stdout and "施行。甲。" in r.stdout and "第二条" not in r.stdout
    dec.write_text(HEAD + "一、将第二章中的“丙”修改为“乙”。" + TAIL, encoding="utf-8")
    r = CliRunner().invoke(app, ["amend", "--base", str(base), "--decision", str(dec)])
    assert r.exit_code == 3 and "丙" in r.stderr
