"""amend, verify and blame from the command line; verify in replay mode on a corpus with a base text."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from lawdiff.amend.load import decision_for
from lawdiff.cli import app
from lawdiff.corpus.files import sha256
from lawdiff.corpus.reader import Corpus
from lawdiff.corpus.schema import law_to_dict
from lawdiff.corpus.store import render_yaml
from lawdiff.structure.model import Revision

from .conftest import F20, LAWS
from .reconstruct import reconstruct

runner = CliRunner()


def _base_and_decision(tmp_path: Path) -> tuple[Path, Path]:
    c = Corpus(LAWS)
    law = c.load_law("机关运行保障条例")
    rev = law.revision("2020-11-27")
    official = c.load_text(law, rev)  # type: ignore[arg-type]
    _, dec = decision_for(c, rev)  # type: ignore[arg-type]
    base = reconstruct(official, dec.part_for(law.title))
    base_path = tmp_path / "base.txt"
    base_path.write_text("\n".join(base.lines()) + "\n", encoding="utf-8")
    return base_path, F20


def test_amend_picks_the_part_of_an_omnibus_decision_in_raw_gazette_text(tmp_path: Path) -> None:
    base, gazette = _base_and_decision(tmp_path)
    # the decision is given as the raw 2020 gazette (the whole file): lawdiff cleans it and
    # finds the one amendment decision in it
    r = runner.invoke(
        app, ["amend", "--base", str(base), "--decision", str(gazette), "--law", "机关运行保障条例"]
    )
    assert r.exit_code == 0, r.stderr
    official = (LAWS / "机关运行保障条例" / "2020-11-27.txt").read_text(encoding="utf-8")
    assert r.stdout == official
    r = runner.invoke(
        app,
        [
            "amend",
            "--base",
            str(base),
            "--decision",
            str(gazette),
            "--law",
            "机关运行保障条例",
            "--format",
            "json",
        ],
    )
    doc = json.loads(r.stdout)
    assert len(doc["articles"]) == 45 and doc["articles"][2]["text"].endswith("等行政活动。")
    assert doc["provenance"][2]["events"][0]["instruction"] == "二.1"


def test_amend_refusals_are_one_line_exit_3(tmp_path: Path) -> None:
    base, gazette = _base_and_decision(tmp_path)
    # without --law the part is chosen by the base text's title; a wrong --law is refused
    r = runner.invoke(app, ["amend", "--base", str(base), "--decision", str(gazette)])
    assert r.exit_code == 0
    r = runner.invoke(
        app, ["amend", "--base", str(base), "--decision", str(gazette), "--law", "选举实施细则"]
    )
    assert r.exit_code == 3 and r.stderr.count("\n") == 1
    assert (
        "the decision amends 山西省各级人民代表大会选举实施细则, the base text is 山西省机关运行保障条例"
        in r.stderr
    )
    bad = tmp_path / "d.txt"
    bad.write_text(
        "关于修改《山西省机关运行保障条例》的决定\n1．删去第三条中的“后勤服务保障活动”。\n",
        encoding="utf-8",
    )
    r = runner.invoke(app, ["amend", "--base", str(base), "--decision", str(bad)])
    assert r.exit_code == 3
    assert r.stderr.startswith(
        "error: decision d, instruction 1, 第三条: “后勤服务保障活动” not found"
    )
    r = runner.invoke(app, ["amend", "--base", str(tmp_path / "none.txt"), "--decision", str(bad)])
    assert r.exit_code == 2 and "no such file" in r.stderr


def test_verify_table_and_exit_code() -> None:
    r = runner.invoke(app, ["verify", "--corpus", str(LAWS), "--format", "json"])
    assert r.exit_code == 0
    reports = json.loads(r.stdout)
    assert len(reports) == 4 and all(x["ok"] for x in reports)
    r = runner.invoke(app, ["verify", "土地管理法实施办法", "--corpus", str(LAWS), "-v"])
    assert r.exit_code == 0 and "consistency" in r.stdout and "一.10" in r.stdout


def _add_base_revision(root: Path, law_id: str, base_rev: str) -> None:
    """Give ``law_id`` a text for ``base_rev`` (reconstructed from 2020-11-27) so verify can replay."""
    c = Corpus(root)
    law = c.load_law(law_id)
    rev = law.revision("2020-11-27")
    _, dec = decision_for(c, rev)  # type: ignore[arg-type]
    base = reconstruct(c.load_text(law, rev), dec.part_for(law.title))  # type: ignore[arg-type]
    content = "\n".join(base.lines()) + "\n"
    (root / law.id / f"{base_rev}.txt").write_text(content, encoding="utf-8")
    prev: Revision = law.revision(base_rev)  # type: ignore[assignment]
    prev.text_file, prev.text_sha256 = f"{base_rev}.txt", sha256(content)
    (root / law.id / "law.yaml").write_text(render_yaml(law_to_dict(law)), encoding="utf-8")


def test_verify_replays_when_the_base_text_exists(corpus_copy: Path) -> None:
    _add_base_revision(corpus_copy, "机关运行保障条例", "2020-09-30")
    r = runner.invoke(
        app, ["verify", "机关运行保障条例", "--corpus", str(corpus_copy), "--format", "json"]
    )
    assert r.exit_code == 0, r.stdout
    (report,) = json.loads(r.stdout)
    assert report["mode"] == "replay" and report["equal"] == 45 and report["different"] == 0
    # a changed official text is reported with its first differing article, exit 1
    text = corpus_copy / "机关运行保障条例" / "2020-11-27.txt"
    changed = text.read_text(encoding="utf-8").replace("第十条　", "第十条　（改）", 1)
    text.write_text(changed, encoding="utf-8")
    law_yaml = corpus_copy / "机关运行保障条例" / "law.yaml"
    c = Corpus(corpus_copy)
    law = c.load_law("机关运行保障条例")
    law.revision("2020-11-27").text_sha256 = sha256(changed)  # type: ignore[union-attr]
    law_yaml.write_text(render_yaml(law_to_dict(law)), encoding="utf-8")
    r = runner.invoke(app, ["verify", "机关运行保障条例", "--corpus", str(corpus_copy)])
    assert r.exit_code == 1
    assert "first difference: 第十条" in r.stdout


def test_blame_command() -> None:
    r = runner.invoke(
        app,
        [
            "blame",
            "土地管理法实施办法",
            "--rev",
            "2020-11-27",
            "--corpus",
            str(LAWS),
            "--format",
            "json",
        ],
    )
    rows = json.loads(r.stdout)
    assert (
        len(rows) == 37
        and rows[20]["instructions"] == ["一.4"]
        and rows[20]["old_label"] == "第三十八条"
    )
    r = runner.invoke(
        app,
        [
            "blame",
            "土地管理法实施办法",
            "--date",
            "2024-06-01",
            "--corpus",
            str(LAWS),
            "--format",
            "json",
        ],
    )
    assert {x["what"] for x in json.loads(r.stdout)} == {"revised (whole text)"}
    r = runner.invoke(
        app, ["blame", "土地管理法实施办法", "--date", "2010-01-01", "--corpus", str(LAWS)]
    )
    assert r.exit_code == 2 and "no text to blame" in r.stderr


def test_replay_reports_a_history_note_that_differs_from_the_rebuilt_one(corpus_copy: Path) -> None:
    """The official 选举实施细则 note carries a print error (办法〉〉〈); replay flags it."""
    from lawdiff.amend.verify import verify_law

    _add_base_revision(corpus_copy, "各级人民代表大会选举实施细则", "2015-11-26")
    corpus = Corpus(corpus_copy)
    (report,) = verify_law(corpus, corpus.load_law("各级人民代表大会选举实施细则"))
    assert report.mode == "replay" and report.equal == 65 and report.different == 0
    assert [c.op for c in report.checks] == ["history note"] and not report.ok
    assert "办法〉〉〈" in report.checks[0].detail


def test_amend_reads_the_base_and_the_decision_in_every_format(tmp_path: Path) -> None:
    """The hidden check gives the texts in the database's plain text, Markdown or .docx: the same
    replay from each (编/分编, 之一 articles, 目 and annexes included)."""
    import pytest

    from .import_texts import write_all

    files = write_all(tmp_path / "texts")
    decision = tmp_path / "决定.md"
    decision.write_text(
        "# 全国人民代表大会常务委员会关于修改《中华人民共和国示范法》的决定\n\n"
        "（2024年6月28日第十四届全国人民代表大会常务委员会第十次会议通过）\n\n"
        "一、将第三条之一修改为：“示范服务的收费标准不得超过每平方米3元。”\n\n"
        "二、删去第二条第一项第二目。\n\n"
        "三、第五条增加一款，作为第二款：“收费标准应当公示。”\n",
        encoding="utf-8",
    )
    seen = []
    for fmt in ("text", "docx", "plain", "markdown"):
        if fmt not in files:
            pytest.fail(f"no {fmt} file")
        r = runner.invoke(
            app,
            ["amend", "--base", str(files[fmt]), "--decision", str(decision), "--law", "示范法",
             "--format", "json"],
        )  # fmt: skip
        assert r.exit_code == 0, (fmt, r.output)
        arts = {a["label"]: a["text"] for a in json.loads(r.stdout)["articles"]}
        assert arts["第三条之一"] == "第三条之一　示范服务的收费标准不得超过每平方米3元。"
        assert "2．医院" not in arts["第二条"] and "1．学校" in arts["第二条"]
        assert arts["第五条"] == "第五条　服务提供者应当公开服务内容。\n收费标准应当公示。"
        seen.append(arts)
    assert all(s == seen[0] for s in seen)
