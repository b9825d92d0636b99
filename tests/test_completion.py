"""Shell completion: commands, options and law names, as the shell asks for them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import LAWS

EXE = Path(sys.executable).parent / "lawdiff"


def complete(words: str, cword: int, **extra: str) -> list[str]:
    if not EXE.exists():
        pytest.skip("the lawdiff console script is not installed in this environment")
    env = os.environ | {
        "_LAWDIFF_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword),
        "LAWDIFF_CORPUS": str(LAWS), **extra,
    }  # fmt: skip
    done = subprocess.run([str(EXE)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_commands_options_and_law_names() -> None:
    assert complete("lawdiff hi", 1) == ["history"]
    assert {"export", "export-git"} <= set(complete("lawdiff ex", 1))
    assert {"--side-by-side", "--stat", "--lang", "--format"} <= set(complete("lawdiff diff --", 2))
    assert complete("lawdiff show 土地", 2) == ["土地管理法实施办法"]
    assert "资源税具体适用税率等有关事项的决定" in complete("lawdiff history 资源", 2)
    # verify's optional law argument; a full title when no id starts with what was typed
    assert complete("lawdiff verify 机关", 2) == ["机关运行保障条例"]
    assert complete("lawdiff show 山西省机关", 2) == ["山西省机关运行保障条例"]


def test_law_names_come_from_the_corpus_given(tmp_path: Path) -> None:
    empty = tmp_path / "laws"
    empty.mkdir()
    assert complete(f"lawdiff show --corpus {empty} 土地", 4) == []


def test_the_completion_script_is_offered() -> None:
    if not EXE.exists():
        pytest.skip("the lawdiff console script is not installed in this environment")
    done = subprocess.run(
        [str(EXE), "--show-completion", "bash"], capture_output=True, text=True, timeout=60,
        env=os.environ | {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "_LAWDIFF_COMPLETE=complete_bash" in done.stdout
