"""Every YAML file of the corpus is schema-checked: types, dates, effective >= adopted, unique ids,
files inside the corpus; errors name the file and the field; a folder that is not a corpus is an
error (issue 11)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawdiff.cli.registry import build_app
from lawdiff.corpus.records import check_corpus

from .conftest import F20, LAWS

LAND = "土地管理法实施办法"
DECISION = "decisions/2020-11-27-修改-土地管理法实施办法等.yaml"
runner = CliRunner()


def lawdiff(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(build_app(), list(args))


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def one_line_error(r, *needles: str) -> None:  # type: ignore[no-untyped-def]
    assert r.exit_code == 2, (r.exit_code, r.stdout, r.stderr)
    assert r.stderr.startswith("error: ") and r.stderr.count("\n") == 1, r.stderr
    for n in needles:
        assert n in r.stderr, (n, r.stderr)
    assert r.exception is None or isinstance(r.exception, SystemExit)


def test_the_shipped_corpus_passes() -> None:
    assert check_corpus(LAWS) > 60


def test_decision_sources_must_be_text(corpus_copy: Path) -> None:
    path = corpus_copy / DECISION
    text = path.read_text(encoding="utf-8")
    block = re.search(r"^sources:\n(?:- .*\n)+", text, re.M)
    assert block
    path.write_text(text.replace(block.group(0), "sources: [12345]\n"), encoding="utf-8")
    before = files(corpus_copy)
    r = lawdiff("ingest", str(F20), "--corpus", str(corpus_copy))
    one_line_error(r, DECISION.split("/")[1], "'sources'", "12345")
    assert files(corpus_copy) == before


@pytest.mark.parametrize(
    "old,new,needle",
    [
        ("adopted: '2020-11-27'", "adopted: 42", "field 'adopted' should be text"),
        ("adopted: '2020-11-27'", "adopted: null", "field 'adopted' is empty"),
        ("kind: amendment", "kind: amend", "kind 'amend'"),
        ("text: 2020-11-27", "text: ../../etc/2020-11-27", "outside its folder"),
        ("id: 2020-11-27-修改", "id: 2021-11-27-修改", "file is named"),
    ],
)
def test_decision_yaml_is_checked(corpus_copy: Path, old: str, new: str, needle: str) -> None:
    edit(corpus_copy / DECISION, old, new)
    for cmd in (["verify"], ["blame", LAND, "--rev", "2020"], ["history", LAND]):
        r = lawdiff(*cmd, "--corpus", str(corpus_copy))
        one_line_error(r, needle, "2020-11-27-修改-土地管理法实施办法等.yaml")


@pytest.mark.parametrize(
    "old,new,needle",
    [
        ("adopted: '2020-11-27'", "adopted: null", "revisions[1]: field 'adopted' is empty (null)"),
        ("effective: '2021-01-01'", "effective: '2019-01-01'", "effective 2019-01-01 is before adopted 2020-09-30"),
        ("adopted: '2020-11-27'", "adopted: 2020", "field 'adopted' should be text, not 2020"),
        ("text: 2020-11-27.txt", "text: ../../../etc/hostname", "field 'text' names a file outside"),
        ("title: 山西省机关运行保障条例", "title: \"山西省\\e[31m机关\"", "control character U+001B"),
    ],
)  # fmt: skip
def test_law_yaml_is_checked(corpus_copy: Path, old: str, new: str, needle: str) -> None:
    edit(corpus_copy / "机关运行保障条例" / "law.yaml", old, new)
    r = lawdiff("show", "机关运行保障条例", "--rev", "2020-11-27", "--corpus", str(corpus_copy))
    one_line_error(r, "机关运行保障条例/law.yaml", needle)


def test_index_ids_are_unique_and_name_folders(corpus_copy: Path) -> None:
    index = corpus_copy / "index.yaml"
    original = index.read_text(encoding="utf-8")
    entry = re.search(r"^- id: .*\n(?:  .*\n)+", original.split("laws:\n", 1)[1], re.M)
    assert entry
    index.write_text(original + entry.group(0), encoding="utf-8")
    one_line_error(lawdiff("list", "--corpus", str(corpus_copy)), "index.yaml", "duplicate id")
    index.write_text(original.replace("- id: 临汾", "- id: ../临汾", 1), encoding="utf-8")
    one_line_error(lawdiff("list", "--corpus", str(corpus_copy)), "cannot name a law's folder")


def test_corrections_and_manifests_are_checked(corpus_copy: Path) -> None:
    edit(corpus_copy / "corrections" / "2020-6.yaml", "line: 3992", "line: '3992'")
    before = files(corpus_copy)
    r = lawdiff("ingest", str(F20), "--corpus", str(corpus_copy))
    one_line_error(r, "corrections/2020-6.yaml", "corrections[0]")
    assert files(corpus_copy) == before
    edit(corpus_copy / "corrections" / "2020-6.yaml", "line: '3992'", "line: 3992")
    edit(corpus_copy / "gazettes" / "2020-6.yaml", "paragraphs: ", "paragraphs: -")
    one_line_error(lawdiff("verify", "--corpus", str(corpus_copy)), "gazettes/2020-6.yaml", "'paragraphs'")


def test_a_folder_that_is_not_a_corpus_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for args in (
        ["verify", "--corpus", "/etc"],
        ["list", "--corpus", "/etc"],
        ["show", LAND, "--corpus", "/etc"],
        ["list", "--corpus", str(empty)],
        ["history", LAND, "--corpus", str(empty)],
        ["ingest", str(F20), "--corpus", "/etc", "--dry-run"],
        ["ingest", str(F20), "--corpus", "/etc"],
    ):
        r = lawdiff(*args)
        one_line_error(r, "not a lawdiff corpus")
    assert not (Path("/etc") / "index.yaml").exists()


def test_ingest_may_create_a_corpus_in_an_empty_or_missing_folder(tmp_path: Path) -> None:
    r = lawdiff("ingest", str(F20), "--corpus", str(tmp_path / "new"), "--dry-run")
    assert r.exit_code == 0 and not (tmp_path / "new").exists()


def test_a_revision_without_text_names_the_ones_with_text() -> None:
    r = lawdiff("show", LAND, "--rev", "2008", "--corpus", str(LAWS))
    assert "no revision of this law has text" not in r.stdout + r.stderr
    assert "nearest revision with text: 2020-11-27" in r.stdout + r.stderr
