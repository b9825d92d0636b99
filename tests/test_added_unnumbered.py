"""New articles and chapters whose number the decision does not state: 在第三条后增加一条：“…”
(no 作为第X条), 在第三条后增加两条, 在第二章后增加一章, 在第五条后增加一章.  With 对条文顺序作相应
调整 / 重新公布 they are numbered by their place and the references after them follow; without
it the new article is 第X条之一 only when the decision numbers its other new articles so, and is
refused otherwise (a 修改决定 that neither renumbers nor re-publishes gives the number nowhere)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawdiff.cli import app
from lawdiff.errors import AmendmentError

from .amended import amended_blocks

TEXT = """甲市己条例
第一章　总则
第一条　为了己，制定本条例。
第二条　己二。依照本条例第三条、第四条办理。
第二章　管理
第三条　己三。
第四条　己四，适用第五条的规定。
第五条　己五。
第三章　附则
第六条　本条例自2010年1月1日起施行。"""

HEAD = "甲市人民代表大会常务委员会关于修改《甲市己条例》的决定\n"
RENUMBERED = "\n《甲市己条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。"
PLAIN = "\n本决定自公布之日起施行。"


def _blocks(body: str, tail: str = RENUMBERED) -> list[str]:
    return amended_blocks(TEXT, HEAD + body + tail)


def test_one_article_after_the_third_renumbers_the_rest_and_their_citations() -> None:
    out = _blocks("一、在第三条后增加一条：“己新。”")
    assert out[2] == "第二条　己二。依照本条例第三条、第五条办理。"
    assert out[4:8] == ["第三条　己三。", "第四条　己新。", "第五条　己四，适用第六条的规定。", "第六条　己五。"]
    assert out[-1] == "第七条　本条例自2010年1月1日起施行。"


def test_two_articles_stated_or_not_and_before() -> None:
    want = ["第三条　己三。", "第四条　己新甲。", "第五条　己新乙。", "第六条　己四，适用第七条的规定。"]
    assert _blocks("一、在第三条后增加两条：“己新甲。”“己新乙。”")[4:8] == want
    assert _blocks("一、在第三条后增加两条，分别作为第四条、第五条：“己新甲。”“己新乙。”")[4:8] == want
    assert _blocks("一、在第三条后增加两条：“第四条　己新甲。\n“第五条　己新乙。”")[4:8] == want
    assert _blocks("一、在第四条前增加一条：“己新。”")[5:7] == ["第四条　己新。", "第五条　己四，适用第六条的规定。"]


def test_without_renumbering_the_decision_s_之一_numbering_is_followed() -> None:
    out = _blocks("一、在第三条后增加一条：“己新。”\n二、在第五条后增加一条，作为第五条之一：“己五新。”", PLAIN)
    assert out[4:9] == ["第三条　己三。", "第三条之一　己新。", "第四条　己四，适用第五条的规定。",
                        "第五条　己五。", "第五条之一　己五新。"]  # fmt: skip


@pytest.mark.parametrize(
    "body,tail,why",
    [
        ("一、在第三条后增加一条：“己新。”", PLAIN, "the new number is not said"),
        ("一、在第三条后增加两条：“第四条　己新甲。\n“第六条　己新乙。”", RENUMBERED, "cannot become 第六条"),
        ("一、在第三条后增加两条：“己新甲。”", RENUMBERED, "2 articles announced|texts given"),
        ("一、在第四条后增加一章：“第三章　新章\n第五条　己新。”", RENUMBERED, "第四条 does not end its 章"),
        ("一、在第二章后增加一章：“第三章　新章\n第七条　己新。”", RENUMBERED, "第七条 was asked for"),
        ("一、在第二章后增加一章，作为第三章：“第四章　新章\n第六条　己新。”", RENUMBERED, "第四章"),
        ("一、在第九条后增加一章：“第四章　新章\n第七条　己新。”", RENUMBERED, "第九条"),
    ],
)
def test_refusals(body: str, tail: str, why: str) -> None:
    with pytest.raises(AmendmentError, match=why):
        _blocks(body, tail)


def test_a_chapter_after_a_chapter_or_after_its_last_article() -> None:
    want = ["第五条　己五。", "[第三章　监督]", "第六条　己监。", "[第四章　附则]", "第七条　本条例自2010年1月1日起施行。"]
    assert _blocks("一、在第二章后增加一章：“第三章　监督\n第六条　己监。”")[-5:] == want
    assert _blocks("一、在第五条后增加一章：“第三章　监督\n第六条　己监。”")[-5:] == want
    assert _blocks("一、在第五条后增加一章，作为第三章：“第三章　监督\n第六条　己监。”")[-5:] == want


def test_lawdiff_amend_end_to_end(tmp_path: Path) -> None:
    base, dec = tmp_path / "base.txt", tmp_path / "dec.txt"
    base.write_text(TEXT + "\n", encoding="utf-8")
    dec.write_text(HEAD + "一、在第三条后增加一条：“己新。”\n二、在第五条后增加一章：“第三章　监督\n第七条　己监。”" + RENUMBERED,
                   encoding="utf-8")  # fmt: skip
    r = CliRunner().invoke(app, ["amend", "--base", str(base), "--decision", str(dec), "--format", "json"])
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    cites = {(c["old"], c["new"]) for c in doc["citations"]}
    assert ("第四条", "第五条") in cites and ("第五条", "第六条") in cites
    r = CliRunner().invoke(app, ["amend", "--base", str(base), "--decision", str(dec)])
    assert "第四条　己新。\n第五条　己四，适用第六条的规定。\n第六条　己五。\n第三章　监督\n第七条　己监。\n第四章　附则\n" in r.stdout
    dec.write_text(HEAD + "一、在第三条后增加一条：“己新。”" + PLAIN, encoding="utf-8")
    r = CliRunner().invoke(app, ["amend", "--base", str(base), "--decision", str(dec)])
    assert r.exit_code == 3 and "第三条" in r.stderr
