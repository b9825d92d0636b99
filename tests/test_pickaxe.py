"""``lawdiff log LAW -S PHRASE``: the revisions where the number of occurrences changed, and what
did it (git's pickaxe, for law)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from lawdiff.cli import app
from lawdiff.compare.pickaxe import pickaxe
from lawdiff.corpus.reader import Corpus

from .conftest import LAWS

runner = CliRunner()


def _rows(law: str, phrase: str) -> list[dict]:  # type: ignore[type-arg]
    c = Corpus(LAWS)
    return pickaxe(c, c.load_law(law), phrase)


def test_the_land_measures_name_the_revisions_where_the_fee_changed() -> None:
    rows = _rows("土地管理法实施办法", "耕地开垦费")
    assert [(r["revision"], r["before"], r["after"]) for r in rows] == [
        ("2020-11-27", None, 2),  # the first text in the corpus (1999 and 2008 are not): 2
        ("2024-03-28", 2, 0),  # the 修订 dropped both articles
    ]
    first, second = rows
    assert [(c["new"], c["after"]) for c in first["changes"]] == [("第十二条", 1), ("第三十三条", 1)]
    assert [(c["old"], c["new"], c["relation"], c["before"], c["after"]) for c in second["changes"]] == [
        ("第十二条", None, "deleted", 1, 0),
        ("第三十三条", None, "deleted", 1, 0),
    ]
    assert second["method"] == "similarity" and second["effective"] == "2024-05-01"
    # a phrase the 修订 kept, in an article it moved: the count does not change, no row
    assert [r["revision"] for r in _rows("土地管理法实施办法", "任何单位和个人不得侵占")] == ["2020-11-27"]


def test_a_decision_that_quotes_the_phrase_is_named() -> None:
    """The 2020 decision deleted 或者劳动教养 from a base text the corpus lacks: its instruction says so."""
    (row,) = _rows("各级人民代表大会选举实施细则", "劳动教养")
    assert (row["before"], row["after"], row["quoted_by"]) == (None, 0, ["三.3"])


def test_a_rate_table_row_changed_by_a_decision() -> None:
    (row,) = _rows("资源税具体适用税率等有关事项的决定", "2％")
    assert (row["revision"], row["before"], row["after"], row["quoted_by"]) == ("2024-03-28", 0, 1, ["1"])
    (change,) = row["changes"]
    assert change["unit"] == "table" and change["new"] == "山西省资源税税目税率表：煤成（层）气"
    assert change["decision"] == "2024-03-28-修改-资源税具体适用税率等有关事项的决定"


def test_the_command() -> None:
    args = ["log", "土地管理法实施办法", "-S", "耕地开垦费", "--corpus", str(LAWS)]
    r = runner.invoke(app, [*args, "--format", "json"])
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["phrase"] == "耕地开垦费" and [x["revision"] for x in doc["rows"]] == ["2020-11-27", "2024-03-28"]
    r = runner.invoke(app, args)
    assert "2 → 0" in r.stdout and "第十二条 deleted (1→0)" in r.stdout
    r = runner.invoke(app, [*args, "--article", "3"])
    assert r.exit_code == 2 and "not both" in r.stderr
