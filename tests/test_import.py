"""``lawdiff import``: texts in every format, idempotence, conflicts, decisions, gazettes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawdiff.cli import app
from lawdiff.corpus.reader import Corpus
from lawdiff.intake.importer import Options, import_paths

from .conftest import F20, F24, LAWS
from .import_texts import STORED, write_all

runner = CliRunner()


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_all(tmp_path_factory.mktemp("texts"))


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _import(*args: str | Path) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    result = runner.invoke(app, ["import", *map(str, args), "--format", "json"])
    data = json.loads(result.stdout) if result.stdout.startswith("{") else {}
    return result.exit_code, data, result.stderr


@pytest.mark.parametrize("fmt", ["text", "docx", "plain", "markdown"])
def test_each_format_imports_into_a_new_corpus_and_shows_back(
    files: dict[str, Path], fmt: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "new" / "corpus"  # missing: becomes a new corpus
    code, data, err = _import(files[fmt], "--corpus", corpus)
    assert code == 0, err
    (added,) = data["added"]
    assert (added["law"], added["title"], added["revision"], added["articles"], added["kind"]) == (
        "示范法", "中华人民共和国示范法", "2023-12-29", 7, "law"
    )  # fmt: skip
    assert data["decisions"] == [] and data["skipped"] == []
    shown = runner.invoke(app, ["show", "示范法", "--rev", "2023-12-29", "--corpus", str(corpus)])
    body = shown.stdout.split("\n\n", 1)[1].splitlines()
    if fmt == "markdown":  # headings as the collection prints them, history one event per line
        assert [ln for ln in body if ln.startswith("第") and "条" in ln[:8]] == [
            ln for ln in STORED if ln.startswith("第") and "条" in ln[:8]
        ]
        assert body[-5:] == STORED[-5:]
    else:
        assert body == STORED
    law = Corpus(corpus).load_law("示范法")
    assert [(r.id, r.kind) for r in law.chronological()] == [
        ("2001-03-15", "enacted"), ("2005-06-29", "amended"), ("2012-08-31", "revised"),
        ("2018-10-26", "amended"), ("2023-12-29", "amended"),
    ]  # fmt: skip


def test_same_file_twice_changes_nothing(files: dict[str, Path], tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    _import(files["text"], "--corpus", corpus)
    before = _files(corpus)
    report = import_paths([files["text"]], corpus)
    assert [a.status for a in report.added] == ["unchanged"]
    assert _files(corpus) == before
    report = import_paths([files["docx"]], corpus)  # the same text from another file
    assert [a.status for a in report.added] == ["unchanged"]  # the text file is not touched
    after = _files(corpus)
    assert {k for k in after if after[k] != before[k]} == {"示范法/law.yaml"}  # one more source
    assert "示范法.docx sha256:" in after["示范法/law.yaml"].decode()


def test_a_different_text_for_the_revision_is_refused_unless_forced(
    files: dict[str, Path], tmp_path: Path
) -> None:
    corpus = tmp_path / "c"
    _import(files["text"], "--corpus", corpus)
    before = _files(corpus)
    changed = tmp_path / "changed.txt"
    changed.write_text(
        files["text"].read_text(encoding="utf-8").replace("编制示范设施规划", "编制示范规划"),
        encoding="utf-8",
    )
    code, _, err = _import(changed, "--corpus", corpus)
    assert code == 2 and err.startswith("error: 示范法 2023-12-29: a different text")
    assert "第三条 differs" in err and "--force" in err
    assert _files(corpus) == before  # nothing written
    code, data, err = _import(changed, "--corpus", corpus, "--force")
    assert code == 0, err and data["added"][0]["status"] == "changed"
    text = Corpus(corpus).load_text(Corpus(corpus).load_law("示范法"), Corpus(corpus).load_law("示范法").revision("2023-12-29"))  # type: ignore[arg-type]
    assert "编制示范规划" in text.articles[2].text


def test_rev_effective_and_kind_override(files: dict[str, Path], tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    code, data, err = _import(
        files["plain"], "--corpus", corpus, "--rev", "2024-01-05", "--effective", "2024-03-01",
        "--kind", "行政法规",
    )  # fmt: skip
    assert code == 0, err
    assert data["added"][0]["revision"] == "2024-01-05"
    law = Corpus(corpus).load_law("示范法")
    rev = law.revision("2024-01-05")
    assert rev is not None and rev.effective is not None and rev.effective.isoformat() == "2024-03-01"
    assert law.kind == "administrative-regulation"
    code, _, err = _import(files["plain"], "--corpus", corpus, "--kind", "条例")
    assert code == 2 and "unknown kind" in err


def test_a_folder_with_other_files_and_a_decision(files: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "示范法.txt").write_bytes(files["text"].read_bytes())
    (folder / "README.md").write_text("# 说明\n\n这里放法律文本。\n", encoding="utf-8")
    (folder / "修正案.txt").write_text(
        "中华人民共和国示范法修正案（三）\n"
        "（2024年6月28日第十四届全国人民代表大会常务委员会第十次会议通过）\n"
        "一、将示范法第五条修改为：“服务提供者应当公开服务内容和收费标准。”\n"
        "二、本修正案自公布之日起施行。\n",
        encoding="utf-8",
    )
    corpus = tmp_path / "c"
    code, data, err = _import(folder, "--corpus", corpus)
    assert code == 0, err
    assert [a["law"] for a in data["added"]] == ["示范法"]
    assert data["skipped"] == [{"path": str(folder / "README.md"), "reason": "no articles found (not a law text?)", "refused": False}]
    (dec,) = data["decisions"]
    assert dec["id"] == "2024-06-28-修正案-示范法" and dec["targets"] == ["示范法"]
    c = Corpus(corpus)
    stored = c.load_decision(dec["id"])
    assert stored["kind"] == "amendment" and c.decision_text(stored)[0] == "中华人民共和国示范法修正案（三）"
    rev = c.load_law("示范法").revision("2024-06-28")
    assert rev is not None and rev.decision == dec["id"]
    # the predecessor's text is there: the 修正案 gives the new revision's text, marked derived
    assert rev.derived and rev.text_file == "2024-06-28.txt"
    (d,) = data["derived"]
    assert (d["law"], d["revision"], d["predecessor"], d["status"]) == ("示范法", "2024-06-28", "2023-12-29", "derived")
    law = c.load_law("示范法")
    assert next(a.text for a in c.load_text(law, rev).articles if a.label == "第五条") == (
        "第五条　服务提供者应当公开服务内容和收费标准。"
    )


def test_nothing_to_import_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# 说明\n\n无。\n", encoding="utf-8")
    code, _, err = _import(tmp_path / "a.md", "--corpus", tmp_path / "c")
    assert code == 2 and "nothing imported" in err
    code, _, err = _import(tmp_path / "missing.txt", "--corpus", tmp_path / "c")
    assert code == 2 and err.startswith("error: ") and "no such file" in err


@pytest.mark.parametrize("order", [(F20, F24), (F24, F20)])
def test_gazettes_through_import_give_the_shipped_corpus(corrections_only: Path, order) -> None:  # type: ignore[no-untyped-def]
    code, data, err = _import(*order, "--corpus", corrections_only)
    assert code == 0, err
    assert _files(corrections_only) == _files(LAWS)  # ingest and import are one path
    assert {(a["law"], a["revision"]) for a in data["added"]} >= {
        ("土地管理法实施办法", "2024-03-28"), ("机关运行保障条例", "2020-11-27")
    }  # fmt: skip


def test_import_then_ingest_agree(corpus_copy: Path, files: dict[str, Path]) -> None:
    report = import_paths([F24], corpus_copy, Options())
    assert all(w.status == "unchanged" for g in report.gazettes for w in g.writes)  # type: ignore[attr-defined]


def test_two_sources_of_one_text_diff_as_same(files: dict[str, Path], tmp_path: Path) -> None:
    """The database text and the Markdown collection's copy (ASCII marks, other heading padding,
    history one event per line) differ in nothing a diff should report."""
    corpus = tmp_path / "c"
    assert _import(files["text"], "--corpus", corpus)[0] == 0
    assert _import(files["markdown"], "--corpus", corpus, "--rev", "2024-01-01")[0] == 0
    r = runner.invoke(app, ["diff", "示范法", "2023-12-29", "2024-01-01", "--format", "json", "--corpus", str(corpus)])
    data = json.loads(r.stdout)
    assert {p["relation"] for p in data["pairs"]} == {"same"}
    assert all(h["relation"] == "same" for h in data.get("headings", []))


def test_a_decision_in_numbered_paragraphs_is_a_law_of_kind_decision(tmp_path: Path) -> None:
    (tmp_path / "决定.txt").write_text(
        "示例市人民代表大会常务委员会关于示例税适用税额的决定\n"
        "（2019年7月26日示例市第十五届人民代表大会常务委员会第十四次会议通过）\n"
        "根据有关法律的授权，对示例税适用税额决定如下：\n"
        "一、各区的适用税额为每平方米四十元。\n"
        "二、本决定自2019年9月1日起施行。\n",
        encoding="utf-8",
    )
    code, data, err = _import(tmp_path / "决定.txt", "--corpus", tmp_path / "c")
    assert code == 0, err
    (added,) = data["added"]
    assert (added["kind"], added["articles"], added["revision"]) == ("decision", 0, "2019-07-26")
    shown = runner.invoke(app, ["show", added["law"], "--corpus", str(tmp_path / "c")])
    assert shown.stdout.rstrip().endswith("二、本决定自2019年9月1日起施行。")
