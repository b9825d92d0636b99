"""Progress bars: drawn on a terminal (stderr), silent into pipes and files."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import LAWS

EXE = Path(sys.executable).parent / "lawdiff"


def _run(args: list[str], *, tty: bool) -> tuple[int, str, str]:
    if not EXE.exists():
        pytest.skip("the lawdiff console script is not installed in this environment")
    env = os.environ | {"TERM": "xterm-256color", "COLUMNS": "100"}
    if not tty:
        done = subprocess.run([str(EXE), *args], capture_output=True, text=True, env=env, timeout=120)
        return done.returncode, done.stdout, done.stderr
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [str(EXE), *args], stdout=subprocess.PIPE, stderr=follower, env=env
    ) as proc:
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            seen += chunk
        out = proc.stdout.read().decode("utf-8") if proc.stdout else ""
        code = proc.wait(timeout=120)
    os.close(leader)
    return code, out, seen.decode("utf-8", "replace")


def test_verify_draws_a_bar_on_a_terminal_only() -> None:
    args = ["verify", "--corpus", str(LAWS), "--format", "json"]
    code, out, err = _run(args, tty=True)
    assert code == 0 and out.startswith("[")  # stdout, a pipe here, carries only the JSON
    assert "verifying" in err
    code, out, err = _run(args, tty=False)
    assert code == 0 and err == ""


def test_export_git_is_silent_into_a_pipe_but_for_its_report(tmp_path: Path) -> None:
    code, _out, err = _run(["export-git", "土地管理法实施办法", str(tmp_path / "g"), "--corpus", str(LAWS)], tty=False)
    assert code == 0 and "committing" not in err and "(2 commits)" in err
