"""Decisions into the corpus: ``import DECISION`` derives the texts it gives, in any import order.

A hand-written 测试法 (2010, with a cross-reference that follows the renumbering), the 2020
decision amending it and the official 2020 consolidated text.  Whatever order the three files are
imported in (one run or three), the corpus ends the same: the 2020 revision has the official
text, and ``verify`` replays the decision on the 2010 text and finds it equal.  Before the
official text arrives, the 2020 text is derived (``derived: true``) and replaced when it comes.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawdiff.amend.verify import verify
from lawdiff.cli import app
from lawdiff.corpus.reader import Corpus

runner = CliRunner()

NPC = "全国人民代表大会常务委员会"
ENACTED = f"2010年1月1日第十一届{NPC}第十二次会议通过"
AMENDED = f"2020年6月1日第十三届{NPC}第十九次会议"
TITLE = "中华人民共和国测试法"

BEFORE = [
    TITLE,
    f"（{ENACTED}）",
    "第一条　为了测试，制定本法。",
    "第二条　本法所称测试，是指对样品的检验。",
    "第三条　测试机构应当取得资质。",
    "第四条　违反本法第三条规定的，由主管部门责令改正。",
    "第五条　本法自2010年3月1日起施行。",
]
DECISION = [
    f"{NPC}关于修改《{TITLE}》的决定",
    f"（{AMENDED}通过）",
    f"第十三届{NPC}第十九次会议决定对《{TITLE}》作如下修改：",
    "一、删去第二条。",
    "二、将第三条修改为：“测试机构应当依法取得资质，并公开测试规则。”",
    "本决定自公布之日起施行。",
    f"《{TITLE}》根据本决定作相应修改并对条文顺序作相应调整，重新公布。",
]
AFTER = [
    TITLE,
    f"（{ENACTED}　根据{AMENDED}《关于修改〈{TITLE}〉的决定》修正）",
    "第一条　为了测试，制定本法。",
    "第二条　测试机构应当依法取得资质，并公开测试规则。",
    "第三条　违反本法第二条规定的，由主管部门责令改正。",
    "第四条　本法自2010年3月1日起施行。",
]
FILES = {"before": BEFORE, "decision": DECISION, "after": AFTER}


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, lines in FILES.items():
        path = tmp_path / "in" / f"{name}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out[name] = path
    return out


def _import(*paths: Path, corpus: Path) -> dict:  # type: ignore[type-arg]
    r = runner.invoke(
        app, ["import", *map(str, paths), "--corpus", str(corpus), "--format", "json"]
    )
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)  # type: ignore[no-any-return]


def _state(corpus: Path) -> tuple[object, ...]:
    """What the corpus says about the law: each revision, its decision, text and whether derived."""
    c = Corpus(corpus)
    law = c.load_law(c.resolve("测试法"))
    return tuple(
        (
            r.id,
            r.kind,
            r.decision,
            r.derived,
            "\n".join(c.load_text(law, r).lines()) if r.text_file else None,
        )
        for r in law.chronological()
    )


def _texts(corpus: Path) -> list[list[str]]:
    c = Corpus(corpus)
    law = c.load_law(c.resolve("测试法"))
    return [c.load_text(law, r).lines() if r.text_file else [] for r in law.chronological()]


def test_a_decision_after_its_base_derives_the_text(
    inputs: dict[str, Path], tmp_path: Path
) -> None:
    corpus = tmp_path / "c"
    _import(inputs["before"], corpus=corpus)
    data = _import(inputs["decision"], corpus=corpus)
    (d,) = data["derived"]
    assert (d["revision"], d["predecessor"], d["status"], d["articles"]) == (
        "2020-06-01",
        "2010-01-01",
        "derived",
        4,
    )
    c = Corpus(corpus)
    law = c.load_law("测试法")
    rev = law.revision("2020-06-01")
    assert rev is not None and rev.derived and rev.decision == data["decisions"][0]["id"]
    # the derived text is the official one, citation renumbered and history note included
    assert c.load_text(law, rev).lines() == AFTER
    (rep,) = verify(c, "测试法")
    assert (rep.mode, rep.ok, rep.equal) == ("derived", True, 4)
    # the text line of import says so
    r = runner.invoke(app, ["import", str(inputs["decision"]), "--corpus", str(corpus)])
    assert (
        r.exit_code == 0 and "derived: 测试法 2020-06-01 (4 articles) from 2010-01-01" in r.stdout
    )


def test_the_official_text_replaces_the_derived_one(
    inputs: dict[str, Path], tmp_path: Path
) -> None:
    corpus = tmp_path / "c"
    _import(inputs["before"], inputs["decision"], corpus=corpus)
    after = (
        inputs["after"]
        .read_text(encoding="utf-8")
        .replace("并公开测试规则", "并公开测试规则和结果")
    )
    inputs["after"].write_text(after, encoding="utf-8")
    data = _import(inputs["after"], corpus=corpus)  # no conflict: the derived text gives way
    assert data["derived"] == [] and data["added"][0]["revision"] == "2020-06-01"
    c = Corpus(corpus)
    law = c.load_law("测试法")
    rev = law.revision("2020-06-01")
    assert (
        rev is not None
        and not rev.derived
        and not any(s.startswith("derived") for s in rev.sources)
    )
    (rep,) = verify(c, "测试法")
    # verify now replays the decision against the official text and finds where they part
    assert rep.mode == "replay" and not rep.ok and rep.first_difference.startswith("第二条")  # type: ignore[union-attr]
    r = runner.invoke(app, ["verify", "测试法", "--corpus", str(corpus)])
    assert r.exit_code == 1


ORDERS = list(itertools.permutations(["before", "decision", "after"]))


@pytest.mark.parametrize("order", ORDERS, ids=["-".join(o) for o in ORDERS])
def test_import_order_does_not_matter(
    inputs: dict[str, Path], tmp_path: Path, order: tuple[str, ...]
) -> None:
    one_by_one, together = tmp_path / "a", tmp_path / "b"
    for name in order:
        _import(inputs[name], corpus=one_by_one)
    _import(*(inputs[n] for n in order), corpus=together)
    for corpus in (one_by_one, together):
        assert _texts(corpus) == [BEFORE, AFTER]
        c = Corpus(corpus)
        law = c.load_law("测试法")
        assert [(r.id, r.derived, r.decision is not None) for r in law.chronological()] == [
            ("2010-01-01", False, False),
            ("2020-06-01", False, True),
        ]
        (rep,) = verify(c, "测试法")
        assert (rep.mode, rep.ok, rep.equal, rep.different) == ("replay", True, 4, 0), rep
    assert _state(one_by_one) == _state(together)


def test_a_decision_before_its_base_derives_when_the_base_comes(
    inputs: dict[str, Path], tmp_path: Path
) -> None:
    corpus = tmp_path / "c"
    data = _import(inputs["decision"], corpus=corpus)
    assert data["derived"] == []  # nothing to derive from yet
    assert _texts(corpus) == [[]]
    data = _import(inputs["before"], corpus=corpus)
    assert [(d["revision"], d["status"]) for d in data["derived"]] == [("2020-06-01", "derived")]
    assert _texts(corpus) == [BEFORE, AFTER]


def test_a_chain_of_decisions_derives_each_text_in_turn(
    inputs: dict[str, Path], tmp_path: Path
) -> None:
    second = tmp_path / "in" / "second.txt"
    second.write_text(
        "\n".join([
            f"{NPC}关于修改《{TITLE}》的决定",
            f"（2023年2月1日第十四届{NPC}第一次会议通过）",
            "将第一条修改为：“为了规范测试活动，制定本法。”",
        ]) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    corpus = tmp_path / "c"
    _import(second, inputs["decision"], corpus=corpus)
    data = _import(inputs["before"], corpus=corpus)
    assert [(d["revision"], d["predecessor"]) for d in data["derived"]] == [
        ("2020-06-01", "2010-01-01"),
        ("2023-02-01", "2020-06-01"),
    ]
    last = _texts(corpus)[-1]
    assert (
        last[2] == "第一条　为了规范测试活动，制定本法。"
        and last[4] == "第三条　违反本法第二条规定的，由主管部门责令改正。"
    )
    # the official 2020 text arrives: the 2023 text is derived again, from it
    after = (
        inputs["after"]
        .read_text(encoding="utf-8")
        .replace("由主管部门责令改正", "由主管部门责令限期改正")
    )
    inputs["after"].write_text(after, encoding="utf-8")
    data = _import(inputs["after"], corpus=corpus)
    assert [(d["revision"], d["predecessor"]) for d in data["derived"]] == [
        ("2023-02-01", "2020-06-01")
    ]
    assert _texts(corpus)[-1][4] == "第三条　违反本法第二条规定的，由主管部门责令限期改正。"


def test_an_omnibus_decision_derives_each_regulation_it_amends(tmp_path: Path) -> None:
    issuer = "某省人民代表大会常务委员会"
    laws = {
        "某省甲条例": ["第一条　为了甲，制定本条例。", "第二条　甲事务由省人民政府管理。"],
        "某省乙办法": ["第一条　为了乙，制定本办法。", "第二条　乙事务由县级人民政府管理。"],
    }
    folder = tmp_path / "in"
    folder.mkdir()
    for title, body in laws.items():
        (folder / f"{title}.txt").write_text(
            "\n".join([title, f"（2015年5月1日{issuer}第十次会议通过）", *body]) + "\n",
            encoding="utf-8",
        )
    (folder / "决定.txt").write_text(
        "\n".join([
            f"{issuer}关于修改《某省甲条例》等两部地方性法规的决定",
            f"（2021年3月1日{issuer}第二十次会议通过）",
            "一、对《某省甲条例》作如下修改：",
            "将第二条中的“省人民政府”修改为“省人民政府及其有关部门”。",
            "二、对《某省乙办法》作如下修改：",
            "将第二条中的“县级人民政府”修改为“县级以上人民政府”。",
            "本决定自公布之日起施行。",
        ]) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    corpus = tmp_path / "c"
    data = _import(folder, corpus=corpus)
    (dec,) = data["decisions"]
    assert sorted(dec["targets"]) == [
        "某省乙办法",
        "某省甲条例",
    ]  # from the sections, not the title
    assert sorted((d["law"], d["status"]) for d in data["derived"]) == [
        ("某省乙办法", "derived"),
        ("某省甲条例", "derived"),
    ]
    c = Corpus(corpus)
    for law_id, want in (
        ("某省甲条例", "省人民政府及其有关部门管理"),
        ("某省乙办法", "县级以上人民政府管理"),
    ):
        law = c.load_law(law_id)
        rev = law.revision("2021-03-01")
        assert rev is not None and rev.derived
        assert want in c.load_text(law, rev).articles[1].text


def test_a_decision_the_engine_cannot_apply_derives_nothing_and_says_why(
    inputs: dict[str, Path], tmp_path: Path
) -> None:
    bad = tmp_path / "in" / "bad.txt"
    bad.write_text(
        "\n".join([*DECISION[:3], "一、删去第九条。"]) + "\n", encoding="utf-8"
    )  # the text has five articles
    corpus = tmp_path / "c"
    data = _import(inputs["before"], bad, corpus=corpus)
    (d,) = data["derived"]
    assert d["status"] == "not derived" and "第九条" in d["reason"]
    assert _texts(corpus) == [BEFORE, []]
    r = runner.invoke(app, ["import", str(bad), "--corpus", str(corpus)])
    assert r.exit_code == 0 and "not derived: 测试法 2020-06-01" in r.stdout
