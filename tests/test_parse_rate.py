"""``lawdiff parse-rate``: instructions read per decision, the phrasings not read, exit 1 then."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawdiff.cli import build_app
from lawdiff.export import schemas

GOOD = "关于修改《甲条例》的决定\n一、将第一条修改为：“甲。”\n二、删去第二条。"
BAD = "关于修改《乙条例》的决定\n一、删去第三条。\n二、对第四条作文字修改，即：“乙。”\n三、对第五条作文字修改，即：“丙。”"


def test_parse_rate_counts_instructions_and_names_what_fails(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.md").write_text("# 关于修改《乙条例》的决定\n\n" + BAD.split("\n", 1)[1].replace("\n", "\n\n"),
                                      encoding="utf-8")  # fmt: skip
    r = CliRunner().invoke(build_app(), ["parse-rate", str(tmp_path), "--format", "json"])
    assert r.exit_code == 1  # an instruction was not read
    doc = json.loads(r.stdout)
    rows = {d["file"]: d for d in doc["decisions"]}
    assert (rows["good"]["parsed"], rows["good"]["instructions"]) == (2, 2)
    assert (rows["bad"]["parsed"], rows["bad"]["instructions"]) == (1, 3)
    assert [f["instruction"] for f in rows["bad"]["failures"]] == ["二", "三"]
    assert (doc["parsed"], doc["instructions"]) == (3, 5)
    assert doc["failing"] == [{"phrasing": "对第X条作文字修改，即：“…”", "count": 2}]
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator(schemas.load("parse-rate")).validate(doc)
    text = CliRunner().invoke(build_app(), ["parse-rate", str(tmp_path / "good.txt")])
    assert text.exit_code == 0 and "2 of 2 instructions read (100.0%)" in text.stdout
