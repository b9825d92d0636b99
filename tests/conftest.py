"""Fixtures: the two seed gazettes (../shared/seeds) are the test data."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
F20 = SEEDS / "002_f9dcfa5168cf5bdd.txt"
F24 = SEEDS / "000_60d6c19b54ac4664.txt"
LAWS = ROOT / "laws"

# the tests compare English output unless they ask for Chinese: a developer's zh_CN locale (or
# LAWDIFF_LANG) must not change what they see; subprocesses inherit this
for _var in ("LAWDIFF_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_var, None)
if os.environ.get("LANG", "").lower().startswith("zh"):
    os.environ["LANG"] = "C.UTF-8"

# the derived index of every corpus the tests read goes to a folder of this run, not the user's
# cache (subprocesses inherit it)
os.environ["LAWDIFF_CACHE"] = tempfile.mkdtemp(prefix="lawdiff-test-cache-")

if not F20.exists() or not F24.exists():  # pragma: no cover - a broken checkout, not a skip
    raise RuntimeError(f"seed gazettes not found under {SEEDS}: the tests run on real data")


def missing_tool(why: str) -> None:
    """Skip a test whose tool (browser, LibreOffice, schema) is absent; CI sets LAWDIFF_STRICT=1
    so that there a missing tool fails instead of silently skipping the check."""
    if os.environ.get("LAWDIFF_STRICT"):
        pytest.fail(f"required tool missing (LAWDIFF_STRICT): {why}")
    pytest.skip(why)


@cache
def seed_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@cache
def seed_lines(path: Path) -> list[str]:
    return seed_text(path).split("\n")


@cache
def cleaned(path: Path):  # type: ignore[no-untyped-def]
    from lawdiff.corpus.files import sha256
    from lawdiff.intake.corrections import load_corrections
    from lawdiff.sources.clean import clean

    text = seed_text(path)
    issue = "2020-6" if path == F20 else "2024-2"
    return clean(text, load_corrections(LAWS, issue, sha256(text)))


@cache
def documents(path: Path):  # type: ignore[no-untyped-def]
    from lawdiff.sources.gazette import split

    return split(cleaned(path))


def seeds_table() -> list[tuple[str, int, int, str, str]]:
    """(file key, first line, last line, title, kind) from ../shared/SEEDS.md §1."""
    text = (SHARED / "SEEDS.md").read_text(encoding="utf-8")
    rows = []
    for m in re.finditer(r"^\| (2[04])-(\d+) \| L(\d+)–L(\d+) \| (.*?) \| (.*?) \|", text, re.M):
        rows.append((m.group(1), int(m.group(3)), int(m.group(4)), m.group(5), m.group(6)))
    return rows


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped corpus."""
    dest = tmp_path / "laws"
    shutil.copytree(LAWS, dest)
    return dest


@pytest.fixture
def corrections_only(tmp_path: Path) -> Path:
    """An empty corpus holding only the curated corrections."""
    dest = tmp_path / "laws"
    shutil.copytree(LAWS / "corrections", dest / "corrections")
    return dest
