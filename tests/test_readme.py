"""Every command line of the README's example blocks runs verbatim, from the root of a checkout."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SHARED

README = ROOT / "README.md"


def example_lines() -> list[str]:
    """The lines of ```sh blocks that run lawdiff (optionally after VAR=value), comments kept."""
    text = README.read_text(encoding="utf-8")
    out = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            if re.match(r"^(?:[A-Z_]+=\S+ )*lawdiff\b", line):
                out.append(line)
    return out


def test_the_readme_has_examples() -> None:
    lines = example_lines()
    assert len(lines) >= 20
    assert any("amend" in ln for ln in lines) and any("| grep" in ln for ln in lines)


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the checkout with ../shared beside it, as a user's clone is laid out."""
    base = tmp_path_factory.mktemp("readme")
    dest = base / "lawdiff"
    ignore = shutil.ignore_patterns(".git", ".venv", "venv", "__pycache__", ".*_cache", ".hypothesis")
    shutil.copytree(ROOT, dest, ignore=ignore)
    (base / "shared").symlink_to(SHARED)
    return dest


@pytest.mark.parametrize("line", example_lines())
def test_example_runs_as_written(line: str, checkout: Path) -> None:
    exe = Path(sys.executable).parent / "lawdiff"
    if not exe.exists():
        pytest.skip("the lawdiff console script is not installed in this environment")
    env = os.environ | {"PATH": f"{exe.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("LAWDIFF_CORPUS", None)
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", line], cwd=checkout, env=env,
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, f"{line}\n{done.stderr[-2000:]}"
    assert "Traceback" not in done.stderr
    if "| grep" in line:
        assert "全面规划，严格管理" in done.stdout
    if line.startswith("LANG=zh_CN.UTF-8 lawdiff list"):
        assert "时效性" in done.stdout and "有效" in done.stdout
    if "--lang zh" in line and "history" in line:
        assert "替换用语 3 处、删除 21 条、删除 6 款（项）" in done.stdout
