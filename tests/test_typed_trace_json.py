"""blame's revision and log --article's change as data (issue 13: typed JSON), the tables as words.

The JSON says an upper bound with a boolean and a change with an enumeration, in every language;
the table still prints ``≤ 2008-05-16`` and the sentences, in the interface language.
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

from lawdiff.cli import build_app
from lawdiff.compare.lawlog import TRACE_CHANGES
from lawdiff.export import schemas

from .conftest import LAWS

LAND = "土地管理法实施办法"
C = ["--corpus", str(LAWS)]


def _run(*args: str, env: dict[str, str] | None = None) -> str:
    r = CliRunner().invoke(build_app(), [*args, *C], env=env)
    assert r.exit_code == 0, r.stderr
    return r.stdout


def test_blame_revision_is_an_id_with_an_upper_bound_flag() -> None:
    rows = {r["article"]: r for r in json.loads(_run("blame", LAND, "--rev", "2020-11-27", "--format", "json"))}
    # 第一条 untouched by the 2020 decision: last changed in 2008 or earlier (no older text)
    assert rows["第一条"]["revision"] == "2008-05-16" and rows["第一条"]["revision_upper_bound"] is True
    assert rows["第三十六条"]["revision"] == "2020-11-27"
    assert rows["第三十六条"]["revision_upper_bound"] is False
    assert not any("≤" in (r["revision"] or "") for r in rows.values())
    # the same JSON whatever the interface language
    zh = _run("blame", LAND, "--rev", "2020-11-27", "--format", "json", env={"LAWDIFF_LANG": "zh"})
    assert json.loads(zh) == list(rows.values())
    table = _run("blame", LAND, "--rev", "2020-11-27", "--article", "1")
    assert "≤ 2008-05-16" in table


def test_log_article_rows_are_enumerations_and_ids_in_every_language() -> None:
    args = ("log", LAND, "--article", "12", "--rev", "2020", "--format", "json")
    en = json.loads(_run(*args))
    zh = json.loads(_run(*args, env={"LANG": "zh_CN.UTF-8"}))
    assert en == zh  # no display text in the JSON
    first = en["rows"][0]
    assert first["change"] == "changed" and first["source"] == "decision"
    assert first["from_articles"] == ["第十六条"] and first["instructions"] == ["一.3", "一.1"]
    assert first["what"] == ["words deleted", "terms replaced"]
    enum = schemas.load("log")["properties"]["rows"]["items"]["oneOf"][1]["properties"]["change"]
    assert tuple(enum["enum"]) == TRACE_CHANGES


def test_log_article_table_says_the_rows_in_words() -> None:
    en = _run("log", LAND, "--article", "12", "--rev", "2020", "--lang", "en")
    assert "words deleted; terms replaced (was 第十六条)" in en
    assert "text not in corpus: earlier history unknown" in en
    zh = _run("log", LAND, "--article", "12", "--rev", "2020", env={"LAWDIFF_LANG": "zh"})
    assert "（原第十六条）" in zh or "原第十六条" in zh
    assert "text not in corpus" not in zh
