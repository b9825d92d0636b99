"""--article as written: 3, 第三条, 133之一, 第一百三十三条之一 in show, diff, log and blame."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawdiff.cli import app
from lawdiff.errors import InputError
from lawdiff.structure.refs import ArticleRef, article_ref

from .import_texts import write_all

runner = CliRunner()


@pytest.mark.parametrize(
    "value,ref",
    [
        ("3", (3, 0)), (3, (3, 0)), ("第三条", (3, 0)), ("３", (3, 0)), ("第3条", (3, 0)),
        ("133之一", (133, 1)), ("133之1", (133, 1)), ("第一百三十三条之一", (133, 1)),
        ("第一百三十三条之二", (133, 2)), (" 第一千二百六十条 ", (1260, 0)),
    ],
)  # fmt: skip
def test_references(value: str | int, ref: tuple[int, int]) -> None:
    assert article_ref(value) == ArticleRef(*ref)


# numbers no label can carry (第一万条 and beyond) were a NumeralError traceback from show, diff,
# log and blame --article
@pytest.mark.parametrize(
    "value", ["", "0", "第条", "三章", "第一百十百条", "x3", "10000", "99999999999999999999", "133之99999999999", "第99999999999条"]
)
def test_bad_references(value: str) -> None:
    with pytest.raises(InputError, match="bad article"):
        article_ref(value)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """示范法 twice: 2023-12-29 as written, 2024-06-28 with 第三条之一 changed."""
    folder = tmp_path_factory.mktemp("refs")
    files = write_all(folder / "in")
    corpus = folder / "corpus"
    assert runner.invoke(app, ["import", str(files["text"]), "--corpus", str(corpus)]).exit_code == 0
    later = folder / "later.txt"
    later.write_text(
        files["text"].read_text(encoding="utf-8").replace("每平方米2.5元", "每平方米3元"),
        encoding="utf-8",
    )
    r = runner.invoke(app, ["import", str(later), "--corpus", str(corpus), "--rev", "2024-06-28"])
    assert r.exit_code == 0, r.stderr
    return corpus


@pytest.mark.parametrize("value", ["3之一", "第三条之一", "3之1"])
def test_show_diff_log_blame_take_the_label(corpus: Path, value: str) -> None:
    c = ["--corpus", str(corpus)]
    shown = runner.invoke(app, ["show", "示范法", "--rev", "2023-12-29", "--article", value, *c])
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout.splitlines()[-1] == "第三条之一　示范服务的收费标准不得超过每平方米2.5元。"
    diff = runner.invoke(app, ["diff", "示范法", "2023-12-29", "2024-06-28", "--article", value, "--format", "json", *c])
    assert diff.exit_code == 0, diff.stderr
    rows = json.loads(diff.stdout)["pairs"]
    assert [(r["old_labels"], r["new_labels"], r["relation"]) for r in rows] == [
        (["第三条之一"], ["第三条之一"], "modified")
    ]
    log = runner.invoke(app, ["log", "示范法", "--article", value, "--format", "json", *c])
    assert log.exit_code == 0, log.stderr
    assert json.loads(log.stdout)["rows"][0]["articles"] == ["第三条之一"]
    blame = runner.invoke(app, ["blame", "示范法", "--rev", "2024-06-28", "--article", value, "--format", "json", *c])
    assert blame.exit_code == 0, blame.stderr
    assert [r["article"] for r in json.loads(blame.stdout)] == ["第三条之一"]


def test_plain_numbers_still_work_and_bad_ones_are_one_line(corpus: Path) -> None:
    c = ["--corpus", str(corpus)]
    r = runner.invoke(app, ["show", "示范法", "--rev", "2023", "--article", "3", *c])
    assert r.stdout.splitlines()[-1].startswith("第三条　县级以上人民政府")
    bad = runner.invoke(app, ["show", "示范法", "--article", "第三章", *c])
    assert bad.exit_code == 2 and bad.stderr.startswith("error: bad article '第三章'")
    missing = runner.invoke(app, ["show", "示范法", "--rev", "2023", "--article", "第三条之二", *c])
    assert missing.exit_code == 2 and "第三条之二" in missing.stderr
