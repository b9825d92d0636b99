"""Spoken variants of the drafting norms' verbs, seen in local decisions, read as the standard ones:
修改如下 / 修改成 = 修改为, 改成 = 改为, 新增 / 增设一条 = 增加一条, 删掉 = 删去, 把 = 将, and
第三条增加一款：“…” (no 作为: the new paragraph closes the article, as 宪法's 增加规定)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from lawdiff.amend.apply import apply_decision
from lawdiff.amend.decisions import parse_decision
from lawdiff.cli import app
from lawdiff.structure.parse import parse_text

TEXT = """甲市辛条例
第一条　为了辛，制定本条例。
第二条　辛二。
第三条　辛三。
辛三之二。
第四条　辛四。依照第五条办理。
第五条　辛五。"""

HEAD = "甲市人民代表大会常务委员会关于修改《甲市辛条例》的决定\n"
TAIL = "\n《甲市辛条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。"
BODY = """一、将第二条修改如下：“辛二新。”
二、第三条第二款修改成：“辛三乙。”
三、第三条增加一款：“辛三丙。”
四、把第四条中的“辛四”改成“辛肆”。
五、新增一条，作为第五条：“辛新。”
六、删掉第五条。"""
WANT = ["第一条　为了辛，制定本条例。", "第二条　辛二新。", "第三条　辛三。\n辛三乙。\n辛三丙。",
        "第四条　辛肆。依照第五条办理。", "第五条　辛新。"]  # fmt: skip


def test_the_variants_apply_as_the_standard_verbs() -> None:
    text = apply_decision(parse_text(TEXT.splitlines()), parse_decision(HEAD + BODY + TAIL)).text
    assert [b.text for b in text.blocks] == WANT


def test_lawdiff_amend_end_to_end(tmp_path: Path) -> None:
    base, dec = tmp_path / "base.txt", tmp_path / "dec.txt"
    base.write_text(TEXT + "\n", encoding="utf-8")
    dec.write_text(HEAD + BODY + TAIL, encoding="utf-8")
    r = CliRunner().invoke(app, ["amend", "--base", str(base), "--decision", str(dec)])
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "甲市辛条例\n" + "\n".join(WANT) + "\n"
    dec.write_text(HEAD + "一、第三条增加两款：“辛三丙。”" + TAIL, encoding="utf-8")  # two announced, one given
    r = CliRunner().invoke(app, ["amend", "--base", str(base), "--decision", str(dec)])
    assert r.exit_code == 3
