"""The export commands through the CLI: formats, files written whole, one-line errors."""

from __future__ import annotations

import subprocess
from pathlib import Path

from typer.testing import CliRunner

from lawdiff.cli.registry import build_app
from lawdiff.corpus.reader import Corpus
from lawdiff.export.akn_read import from_akn

from .conftest import LAWS

LAND = "土地管理法实施办法"


def _run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(build_app(), [*args, "--corpus", str(LAWS)])
    return res.exit_code, res.stdout, res.stderr


def test_export_html_docx_akn(tmp_path: Path) -> None:
    html = tmp_path / "land.html"
    assert _run("export", LAND, "--rev", "2020", "--format", "html", "-o", str(html))[0] == 0
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'id="art_37"' in page
    assert "第二次修正" in page and "一.10" in page  # timeline and per-article provenance
    docx = tmp_path / "land.docx"
    assert _run("export", LAND, "--rev", "2024", "--format", "docx", "-o", str(docx))[0] == 0
    assert docx.read_bytes()[:2] == b"PK"
    akn = tmp_path / "land.xml"
    assert _run("export", LAND, "--rev", "2024", "--format", "akn", "-o", str(akn))[0] == 0
    law = Corpus(LAWS).load_law(LAND)
    rev = law.revision("2024-03-28")
    assert rev is not None
    assert from_akn(akn.read_text(encoding="utf-8")).articles == Corpus(LAWS).load_text(law, rev).articles
    # the derived resource-tax revision has no text but a computed table: AKN still exports it
    tax = tmp_path / "tax.xml"
    assert _run("export", "资源税", "--rev", "2024", "--format", "akn", "-o", str(tax))[0] == 0
    assert "<p>10％</p>" in tax.read_text(encoding="utf-8")  # 煤 原矿, 8％ before
    assert list(tmp_path.glob(".*.tmp")) == []  # no temporary file left behind


def test_diff_docx_needs_a_file() -> None:
    code, out, err = _run("diff", LAND, "2020", "2024", "--format", "docx")
    assert code == 2 and out == "" and "-o" in err and err.count("\n") == 1


def test_export_git_of_the_land_measures(tmp_path: Path) -> None:
    dest = tmp_path / "land-history"
    code, _, err = _run("export-git", LAND, str(dest))
    assert code == 0, err
    log = subprocess.run(
        ["git", "-C", str(dest), "log", "--reverse", "--format=%ad %(trailers:key=Revision,valueonly)", "--date=short"],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    # the revisions with text, in effective-date order: 2020 (on promulgation), 2024 (from 05-01)
    assert log == ["2020-11-27", "2020-11-27", "2024-05-01", "2024-03-28"]
    # a second export into the same (now non-empty) directory is refused and changes nothing
    before = sorted(p.name for p in dest.iterdir())
    code, _, err = _run("export-git", LAND, str(dest))
    assert code == 2 and err.count("\n") == 1
    assert sorted(p.name for p in dest.iterdir()) == before


def test_export_git_arguments() -> None:
    assert _run("export-git", "--all")[0] == 2
    code, _, err = _run("export-git", "only-one-arg")
    assert code == 2 and "LAW DIR" in err
