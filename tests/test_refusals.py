"""Named refusals (exit 3, one line, never a traceback, never a wrong text) for the inputs that
used to give a wrong text or a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawdiff.amend.apply import apply_decision
from lawdiff.amend.decisions import parse_decision
from lawdiff.cli import build_app
from lawdiff.errors import AmendmentError
from lawdiff.structure.parse import parse_text

BASE = """某某条例
第一章　总则
第一条　本条例所称劳动，是指甲。
第二条　乙。
第三条　丙应当丁。
第二章　附则
第四条　本条例自公布之日起施行。"""


def decision(instruction: str, *, renumber: bool = False) -> str:
    tail = "\n《某某条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。" if renumber else ""
    return f"关于修改《某某条例》的决定\n一、{instruction}{tail}"


def refuse(instruction: str, *, renumber: bool = False) -> str:
    base = parse_text(BASE.splitlines())
    with pytest.raises(AmendmentError) as err:
        apply_decision(base, parse_decision(decision(instruction, renumber=renumber), decision_id="d"), decision_id="d")
    return str(err.value)


REFUSALS = [
    ("将第一条中的“”修改为“劳务”。", "empty phrase"),
    ("删去第一条中的“”。", "empty phrase"),
    ("在第一条中的“”后增加“甲”。", "empty phrase"),
    ("将第三条、第三条合并修改为：“甲。”", "merged with itself"),
    ("将第三条、第二条合并修改为：“甲。”", "named out of order"),
    ("将第三条修改为：“”", "empty replacement text"),
    ("将第三条修改为：", "unknown phrasing"),  # nothing quoted, nothing follows
    ("删去第九十九条。", "the text has no 第九十九条"),
    ("删去第三条第二款。", "第三条 has no 第二款"),
    ("删去第三条第二项。", "no 第二项 there"),
    ("删去第九章。", "the text has no 第九章"),
    ("将第三条第五句修改为：“甲。”", "has 1 sentences, not 5"),
]


@pytest.mark.parametrize("instruction,message", REFUSALS)
def test_refusals_are_named(instruction: str, message: str) -> None:
    text = refuse(instruction)
    assert message in text and "decision d" in text


def test_an_insertion_at_a_taken_number_needs_the_renumbering_sentence() -> None:
    text = refuse("增加一条，作为第三条：“新条。”")
    assert "already has a 第三条" in text and "对条文顺序作相应调整" in text
    ok = apply_decision(
        parse_text(BASE.splitlines()),
        parse_decision(decision("增加一条，作为第三条：“新条。”", renumber=True)),
    ).text
    assert [a.text for a in ok.articles][2:4] == ["第三条　新条。", "第四条　丙应当丁。"]
    # a free number (a 修正案 adds 第三条之一) is fine without renumbering
    sub = apply_decision(parse_text(BASE.splitlines()), parse_decision(decision("在第三条后增加一条，作为第三条之一：“新条。”"))).text
    assert [a.label for a in sub.articles] == ["第一条", "第二条", "第三条", "第三条之一", "第四条"]


ZERO = [
    "删去第零条。",
    "将第零条修改为：“甲。”",
    "删去第一条第零款。",
    "删去第一条第一款第零项。",
    "将第零章的章名修改为“甲”",
    "删去第一章第零节。",
    "增加一条，作为第零条：“甲。”",
    "第一条增加一款，作为第零款：“甲。”",
    "删去第一条第零句。",
    "在第零条后增加一条，作为第一条之一：“甲。”",
]


@pytest.mark.parametrize("instruction", ZERO)
def test_zero_is_not_a_number(instruction: str) -> None:
    assert "numbering starts at 一" in refuse(instruction)


def test_a_decision_without_text_changes_is_said_so() -> None:
    with pytest.raises(AmendmentError, match="changes no text"):
        parse_decision(
            "最高人民法院关于修改《某某解释》的决定\n根据审判实践需要，决定对《某某解释》作如下修改：\n"
            "自本决定实施之日起，《某某解释》第一条第一款规定的数额标准不再适用。\n本决定自2021年4月15日起施行。"
        )


@pytest.mark.parametrize("instruction", ["将第一条中的“”修改为“劳务”。", "删去第零条。", "将第三条、第三条合并修改为：“甲。”",
                                         "增加一条，作为第三条：“甲。”"])  # fmt: skip
def test_the_command_exits_3_with_one_line(tmp_path: Path, instruction: str) -> None:
    (tmp_path / "base.txt").write_text(BASE, encoding="utf-8")
    (tmp_path / "d.txt").write_text(decision(instruction), encoding="utf-8")
    r = CliRunner().invoke(build_app(), ["amend", "--base", str(tmp_path / "base.txt"), "--decision", str(tmp_path / "d.txt")])
    assert r.exit_code == 3, (r.stdout, r.stderr)
    assert r.stdout == "" and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
