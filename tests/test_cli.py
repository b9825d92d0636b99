"""The command line: stdout, stderr and exit codes, separately."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from lawdiff.cli import app

from .conftest import LAWS

runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(
        app, [*args, "--corpus", str(LAWS)] if args and args[0] != "ingest" else list(args)
    )


def test_show_text_with_header() -> None:
    r = run("show", "土地管理法实施办法", "--date", "2024-04-15")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith(
        "[土地管理法实施办法] revision 2020-11-27 (amended) in force since 2020-11-27"
    )
    assert lines[2] == "山西省实施《中华人民共和国土地管理法》办法"
    assert sum(1 for ln in lines if ln.startswith("第") and "条　" in ln[:8]) == 37


def test_show_json_contract() -> None:
    r = run("show", "土地管理法实施办法", "--date", "2024-05-01", "--format", "json")
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert doc["law"] == "土地管理法实施办法"
    assert doc["title"] == "山西省实施《中华人民共和国土地管理法》办法"
    reports = doc["revision"].pop("reports")
    assert doc["revision"] == {
        "id": "2024-03-28", "kind": "revised", "adopted": "2024-03-28", "promulgated": "2024-03-28",
        "effective": "2024-05-01", "decision": None, "text_available": True,
    }  # fmt: skip
    assert [r["kind"] for r in reports] == ["说明", "研究意见", "审议结果"]
    assert doc["status"] == "in-force"
    arts = doc["articles"]
    assert len(arts) == 48 and arts[0]["number"] == 1 and arts[0]["label"] == "第一条"
    assert arts[0]["chapter"] == "第一章　总　则" and arts[0]["section"] is None
    assert arts[24]["section"] == "第二节　土地征收"
    assert all(a["text"].startswith(a["label"]) for a in arts)
    assert arts[14]["paragraphs"][2]["text"].startswith("禁止通过擅自调整国土空间规划")


def test_show_markdown_and_article() -> None:
    r = run("show", "机关运行保障条例", "--rev", "2020-11-27", "--article", "3", "--format", "md")
    assert r.exit_code == 0
    assert r.stdout.startswith("**第三条**　本条例所称机关运行保障")


def test_not_yet_in_force_and_repealed() -> None:
    r = run("show", "土地管理法实施办法", "--date", "1990-01-01")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.strip().endswith(
        "not yet in force on 1990-01-01: first revision 1999-09-26 adopted 1999-09-26"
    )
    r = run("show", "农村初级卫生保健条例", "--date", "2021-06-01")
    assert r.exit_code == 0 and "repealed on 2021-01-01" in r.stdout


def test_bad_input_is_one_line_and_exit_2() -> None:
    for args, message in [
        (("show", "刑法"), "error: unknown law '刑法'"),
        (("show", "条例"), "error: ambiguous law name '条例'"),
        (("show", "土地管理法实施办法", "--date", "2024-02-30"), "error: bad date '2024-02-30'"),
        (("show", "土地管理法实施办法", "--date", "yesterday"), "error: bad date 'yesterday'"),
        (("show", "土地管理法实施办法", "--format", "pdf"), "error: unknown format 'pdf'"),
        (("history", "刑法"), "error: unknown law"),
    ]:
        r = run(*args)
        assert r.exit_code == 2, args
        assert r.stdout == ""
        assert r.stderr.startswith(message) and r.stderr.count("\n") == 1, r.stderr
        assert "Traceback" not in r.stderr


def test_corrupt_corpus_is_one_line(corpus_copy: Path) -> None:
    (corpus_copy / "index.yaml").write_text("laws: [\n", encoding="utf-8")
    r = runner.invoke(app, ["show", "土地管理法实施办法", "--corpus", str(corpus_copy)])
    assert r.exit_code == 2 and r.stderr.startswith("error: ") and "index.yaml:" in r.stderr
    r = runner.invoke(app, ["list", "--corpus", str(corpus_copy / "nowhere")])
    assert r.exit_code == 2 and "does not exist" in r.stderr


def test_export_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "jg.md"
    r = run("export", "机关运行保障条例", "--format", "md", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 山西省机关运行保障条例\n\n> （2020年9月30日")
    assert text.count("**第") == 45
    r = run(
        "export",
        "土地管理法实施办法",
        "--date",
        "2010-01-01",
        "--format",
        "txt",
        "-o",
        str(tmp_path / "x.txt"),
    )
    assert r.exit_code == 2 and not (tmp_path / "x.txt").exists()


def test_list_and_history() -> None:
    r = run("list", "--format", "json", "--date", "2026-11-23")
    rows = {row["id"]: row for row in json.loads(r.stdout)}
    assert rows["农村初级卫生保健条例"]["status"] == "repealed"
    assert rows["农村初级卫生保健条例"]["repealed"] == "2021-01-01"
    land = rows["土地管理法实施办法"]
    assert land["latest"] == {"id": "2024-03-28", "kind": "revised"}
    assert land["texts"] == ["2020-11-27", "2024-03-28"] and land["pending"] is None
    assert rows["阳泉市物业管理条例"]["effective_known"] is False
    r = run("history", "土地管理法实施办法", "--format", "json")
    revs = json.loads(r.stdout)["revisions"]
    assert [x["id"] for x in revs] == ["1999-09-26", "2008-05-16", "2020-11-27", "2024-03-28"]
    assert revs[1]["text"] is False and revs[1]["promulgated"] is None
    assert revs[2]["decision"] == "2020-11-27-修改-土地管理法实施办法等" and revs[2]["text"] is True
    assert revs[2]["changes"]["counts"]["articles_deleted"] == 21
    r = run("history", "土地管理法实施办法")
    assert r.exit_code == 0 and "2008-05-16" in r.stdout


def test_ingest_bad_gazettes(tmp_path: Path) -> None:
    nodocs = tmp_path / "n.txt"
    nodocs.write_text("这是一行没有标题的文字。\n\n另一行文字。\n", encoding="utf-8")
    for path, message in [
        (tmp_path / "missing.txt", "no such file"),
        (nodocs, "no documents found"),
    ]:
        r = runner.invoke(app, ["ingest", str(path), "--corpus", str(tmp_path / "laws")])
        assert r.exit_code == 2 and message in r.stderr and r.stderr.count("\n") == 1
    assert not (tmp_path / "laws").exists()


def test_version() -> None:
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout.startswith("lawdiff ")
