"""Every command's JSON validates against its schema; the README documents exactly those schemas."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawdiff.cli import build_app
from lawdiff.export import schemas

from .conftest import LAWS, ROOT

jsonschema = pytest.importorskip("jsonschema")
LAND = "土地管理法实施办法"
EXAMPLES = ROOT / "examples"


def _json(*args: str, corpus: Path | None = LAWS) -> object:
    extra = ["--corpus", str(corpus)] if corpus is not None else []
    r = CliRunner().invoke(build_app(), [*args, "--format", "json", *extra])
    assert r.stdout, (args, r.stderr)
    return json.loads(r.stdout)


def _check(name: str, doc: object) -> None:
    schema = schemas.load(name)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def _law_ids() -> list[str]:
    return [row["id"] for row in _json("list")]  # type: ignore[index, union-attr]


def test_list_and_history_and_log_of_every_law() -> None:
    _check("list", _json("list"))
    _check("list", _json("list", "--date", "2020-12-31"))
    for law in _law_ids():
        _check("history", _json("history", law))
        _check("log", _json("log", law))
        _check("verify", _json("verify", law))
        _check("show", _json("show", law))
    _check("log", _json("log", LAND, "--article", "12", "--rev", "2020"))
    _check("verify", _json("verify"))


def test_show_in_every_state() -> None:
    for args in (
        ("--date", "1990-01-01"),  # not yet in force (exit 2, the JSON still printed)
        ("--rev", "2020-11-27", "--provenance"),
        ("--rev", "2008-05-16"),  # no text
        ("--date", "2024-04-15", "--article", "3"),
    ):
        _check("show", _json("show", LAND, *args))
    _check("show", _json("show", "农村初级卫生保健条例", "--date", "2022-01-01"))  # repealed
    _check("show", _json("show", "资源税", "--rev", "2024"))  # a derived table, no text


def test_blame_diff_amend_import(tmp_path: Path) -> None:
    _check("blame", _json("blame", LAND, "--rev", "2020-11-27"))
    _check("blame", _json("blame", LAND, "--rev", "2024"))
    _check("diff", _json("diff", LAND, "2020", "2024", "--reasons"))
    _check("diff", _json("diff", LAND, "2024", "2020"))
    amended = _json(
        "amend", "--base", str(EXAMPLES / "示例条例.txt"),
        "--decision", str(EXAMPLES / "示例条例修改决定.txt"), corpus=None,
    )  # fmt: skip
    _check("amend", amended)
    mine = tmp_path / "mylaws"
    _check("import", _json("import", str(EXAMPLES / "示例条例.txt"), "--rev", "2019-06-01", corpus=mine))
    _check("import", _json("import", str(EXAMPLES / "示例条例修改决定.txt"), corpus=mine))


def test_export_json_is_the_show_schema(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    r = CliRunner().invoke(build_app(), ["export", LAND, "--format", "json", "-o", str(out), "--corpus", str(LAWS)])
    assert r.exit_code == 0, r.stderr
    _check("show", json.loads(out.read_text(encoding="utf-8")))


def test_every_schema_is_valid_and_documented_in_the_readme() -> None:
    for name in set(schemas.COMMANDS.values()):
        jsonschema.Draft202012Validator.check_schema(schemas.load(name))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- json-schemas:.*?-->\n(.*?)<!-- /json-schemas -->", readme, re.S)
    assert block is not None
    assert block.group(1) == schemas.readme_section(), (
        "README out of date: paste lawdiff.export.schemas.readme_section()"
    )
    shipped = {p.stem for p in schemas.HERE.glob("*.json")}
    assert shipped == set(schemas.COMMANDS.values())


def test_search_and_pickaxe() -> None:
    for args in (("耕地开垦费", "--all"), ("土地利用",), ("煤成（层）气", "--date", "2021-01-01"), ("无此词语",)):
        _check("search", _json("search", *args))
    for law, phrase in ((LAND, "耕地开垦费"), (LAND, "自然资源主管部门"), ("资源税", "2％"), ("选举实施细则", "劳动教养")):
        _check("log-S", _json("log", law, "-S", phrase))
