"""Cross-references renumbered with the text: only references into this text, never guessed."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from lawdiff.amend.apply import apply_decision
from lawdiff.amend.decisions import parse_decision
from lawdiff.amend.working import Result
from lawdiff.cli import build_app
from lawdiff.structure.parse import parse_text

BASE = """某某条例
第一条　为了测试，根据《中华人民共和国某某法》第三条，制定本条例。
第二条　本条例所称甲，是指乙。
第三条　违反本条例第五条规定的，依照本条例第六条第二款处罚。
第四条　有下列情形之一的，依照第七条处理：
（一）甲；
（二）乙。
第五条　丙应当丁。
第六条　依照刑法第五条追究刑事责任。
对前款所列行为，依照第三条至第五条的规定处理。
第七条　违反本条第二款的，依照第四条第二项处理。
有第四条所列情形的，适用前款规定。
第八条　本条例自公布之日起施行。"""


def amend(*instructions: str) -> Result:
    body = "\n".join(f"{i}．{t}" for i, t in enumerate(instructions, start=1))
    dec = parse_decision(
        f"关于修改《某某条例》的决定\n{body}\n《某某条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。",
        decision_id="d",
    )
    return apply_decision(parse_text(BASE.splitlines()), dec, decision_id="d")


def art(r: Result, label: str) -> str:
    return next(a.text for a in r.text.articles if a.label == label)


def test_references_follow_the_renumbered_articles_and_only_those() -> None:
    r = amend("删去第二条。")
    # 本条例第五条 / 第六条第二款 follow; 《中华人民共和国某某法》第三条 and 刑法第五条 stay
    assert art(r, "第一条") == "第一条　为了测试，根据《中华人民共和国某某法》第三条，制定本条例。"
    assert art(r, "第二条") == "第二条　违反本条例第四条规定的，依照本条例第五条第二款处罚。"
    assert art(r, "第三条").startswith("第三条　有下列情形之一的，依照第六条处理：")
    assert art(r, "第五条") == (
        "第五条　依照刑法第五条追究刑事责任。\n对前款所列行为，依照第二条至第四条的规定处理。"
    )
    assert art(r, "第六条") == "第六条　违反本条第二款的，依照第三条第二项处理。\n有第三条所列情形的，适用前款规定。"
    assert {(c.article, c.old, c.new) for c in r.citations} >= {
        ("第二条", "第五条", "第四条"),
        ("第二条", "第六条第二款", "第五条第二款"),
        ("第五条", "第三条", "第二条"),
    }
    # the citations are recorded as implied changes of the articles that hold them
    prov = {p.label: p for p in r.provenance}
    assert any(e.action == "citation" and e.detail == "第五条→第四条" for e in prov["第二条"].events)


def test_a_reference_to_a_deleted_article_is_reported_never_guessed() -> None:
    r = amend("删去第五条。")
    assert art(r, "第三条") == "第三条　违反本条例第五条规定的，依照本条例第五条第二款处罚。"
    dangling = [c for c in r.citations if c.new is None]
    assert [(c.article, c.old) for c in dangling] == [("第三条", "第五条"), ("第五条", "第五条")]
    assert all("was deleted by instruction 1" in c.note for c in dangling)
    assert any("第三条 cites 第五条" in n for n in r.notes)


def test_paragraph_numbers_and_the_paragraph_before() -> None:
    r = amend("第六条增加一款，作为第二款：“新增一款。”", "第七条增加一款，作为第二款：“又一款。”")
    # 第六条第二款 (old) is now its third paragraph; 前款 there no longer means the old first one
    assert art(r, "第三条") == "第三条　违反本条例第五条规定的，依照本条例第六条第三款处罚。"
    assert art(r, "第六条").split("\n")[2] == "对第一款所列行为，依照第三条至第五条的规定处理。"
    assert art(r, "第七条").split("\n")[0] == "第七条　违反本条第三款的，依照第四条第二项处理。"


def test_text_the_decision_wrote_keeps_its_numbers() -> None:
    r = amend("删去第二条。", "将第三条修改为：“违反本条例第四条规定的，依照本条例第五条第二款处罚。”")
    assert art(r, "第二条") == "第二条　违反本条例第四条规定的，依照本条例第五条第二款处罚。"
    assert not [c for c in r.citations if c.article == "第二条"]


def test_amend_json_lists_the_citations(tmp_path: Path) -> None:
    (tmp_path / "base.txt").write_text(BASE, encoding="utf-8")
    (tmp_path / "d.txt").write_text(
        "关于修改《某某条例》的决定\n一、删去第五条。\n《某某条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。",
        encoding="utf-8",
    )
    r = CliRunner().invoke(build_app(), ["amend", "--base", str(tmp_path / "base.txt"), "--decision",
                                         str(tmp_path / "d.txt"), "--format", "json"])  # fmt: skip
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert {"article": "第五条", "old": "第六条", "new": "第五条"} not in doc["citations"]
    assert {"article": "第四条", "old": "第七条", "new": "第六条"} in doc["citations"]
    assert any(c["new"] is None and c["old"] == "第五条" for c in doc["citations"])


SEVERAL = """某某条例
第一条　经营者应当登记。
经营者应当公示。
违反前两款规定的，处一千元罚款。
第二条　甲。
第三条　乙。
第四条　违反前条规定的，加倍处罚。"""


def amend_several(*instructions: str) -> Result:
    body = "\n".join(f"{i}．{t}" for i, t in enumerate(instructions, start=1))
    dec = parse_decision(
        f"关于修改《某某条例》的决定\n{body}\n《某某条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。",
        decision_id="d",
    )
    return apply_decision(parse_text(SEVERAL.splitlines()), dec, decision_id="d")


def test_the_two_paragraphs_before_follow_them_or_are_reported() -> None:
    # a paragraph inserted after them: 前两款 no longer reads right, the two keep their numbers
    r = amend_several("第一条增加一款，作为第三款：“经营者应当备案。”")
    assert r.text.articles[0].text.split("\n")[3] == "违反第一款、第二款规定的，处一千元罚款。"
    assert ("第一条", "前两款", "第一款、第二款") in {(c.article, c.old, c.new) for c in r.citations}
    # a paragraph inserted among them: whether 前三款 is meant now is not lawdiff's to say
    r = amend_several("第一条增加一款，作为第二款：“经营者应当备案。”")
    assert r.text.articles[0].text.split("\n")[3] == "违反前两款规定的，处一千元罚款。"
    assert [(c.old, c.new) for c in r.citations] == [("前两款", None)]
    assert "among the 2 paragraphs" in (r.citations[0].note or "")
    # one of them deleted: reported
    r = amend_several("删去第一条第二款。")
    assert r.text.articles[0].text.split("\n")[1] == "违反前两款规定的，处一千元罚款。"
    assert "第二款, which it covers, was deleted" in (r.citations[0].note or "")
    # nothing moved around them: nothing said
    assert all(c.old != "前两款" for c in amend_several("删去第二条。").citations)


def test_the_article_before_is_reported_when_it_is_another_one_now() -> None:
    r = amend_several("删去第三条。")
    assert r.text.articles[-1].text == "第三条　违反前条规定的，加倍处罚。"
    assert [(c.article, c.old, c.new) for c in r.citations] == [("第三条", "前条", None)]
    assert "第三条, the article before it, was deleted" in (r.citations[0].note or "")
    r = amend_several("在第三条后增加一条，作为第四条：“丙。”")
    assert [(c.old, c.new) for c in r.citations] == [("前条", None)]
    assert "第三条 (now 第三条) is no longer the article before it" in (r.citations[0].note or "")
    assert not amend_several("删去第二条。").citations  # 第三条 and 第四条 both move up: still before it
