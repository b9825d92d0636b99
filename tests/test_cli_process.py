"""The installed program as a process: broken pipes, signals and exit codes (issue 11).

These run ``python -m lawdiff`` for real: typer's test runner cannot close a pipe or send a signal.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import LAWS

LAND = "土地管理法实施办法"
C = ["--corpus", str(LAWS)]


def closed_pipe(*args: str) -> tuple[int, bytes]:
    """Run with stdout into a pipe whose reader is already gone (as ``| true`` or ``| head``)."""
    r, w = os.pipe()
    os.close(r)
    p = subprocess.Popen(
        [sys.executable, "-m", "lawdiff", *args],
        stdout=w,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
    )
    os.close(w)
    _, err = p.communicate(timeout=120)
    return p.returncode, err


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["show", "--help"],
        ["show", LAND, "--rev", "2024", *C],
        ["show", LAND, "--rev", "2024", "--format", "json", *C],
        ["list", *C],
        ["history", LAND, *C],
        ["diff", LAND, "2020", "2024", *C],
        ["diff", LAND, "2020", "2024", "--side-by-side", *C],
        ["log", LAND, *C],
        ["verify", *C],
        ["export", LAND, "--rev", "2024", "-o", "-", *C],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_a_closed_pipe_ends_quietly_with_0(args: list[str]) -> None:
    code, err = closed_pipe(*args)
    assert (code, err) == (0, b"")


def assert_interrupted_cleanly(returncode: int, err: bytes) -> None:
    """Exit 130 (or 0: done before the signal) without a traceback; or the signal came while the
    interpreter itself was starting (site, os, finding the package) or reading the two package
    files that lead to main(): Python's own KeyboardInterrupt, before lawdiff could set a handler.
    """
    if returncode in (130, 0):
        assert b"Traceback" not in err and b"Exception ignored" not in err, err
        return
    assert returncode in (1, -signal.SIGINT), err
    assert b"KeyboardInterrupt" in err or returncode == -signal.SIGINT, err
    ours = [ln for ln in err.decode().splitlines() if "/lawdiff/" in ln]
    assert all("__init__.py" in ln and "in <module>" in ln for ln in ours), err


def test_sigint_while_reading_exits_130_without_a_traceback() -> None:
    p = subprocess.Popen(
        [sys.executable, "-m", "lawdiff", "verify", *C],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    time.sleep(0.6)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    assert_interrupted_cleanly(p.returncode, err)


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.15])
def test_sigint_during_start_up_exits_130(delay: float) -> None:
    p = subprocess.Popen(
        [sys.executable, "-c", "from lawdiff.cli import main; main()", "list", *C],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    time.sleep(delay)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    assert_interrupted_cleanly(p.returncode, err)


def code(*args: str) -> int:
    return subprocess.run(
        [sys.executable, "-m", "lawdiff", *args], capture_output=True, timeout=120
    ).returncode


def test_exit_codes_are_documented_and_given(tmp_path: Path) -> None:
    readme = (LAWS.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Exit codes", 1)[1].split("###", 1)[0]
    assert [int(c) for c in re.findall(r"^\| (\d+) \|", table, re.M)] == [0, 1, 2, 3, 130]
    assert code("show", LAND, "--rev", "2024", *C) == 0
    # 1: verify finds the consolidated text differing from the replayed decision
    root = tmp_path / "laws"
    shutil.copytree(LAWS, root)
    text = root / "机关运行保障条例" / "2020-11-27.txt"
    edited = text.read_text(encoding="utf-8").replace("行政活动", "后勤服务保障活动", 1)
    text.write_text(edited, encoding="utf-8")
    law = root / "机关运行保障条例" / "law.yaml"
    digest = hashlib.sha256(edited.encode()).hexdigest()
    law.write_text(
        re.sub(r"(text: 2020-11-27\.txt\n\s+sha256: )\w+", rf"\g<1>{digest}", law.read_text()),
        encoding="utf-8",
    )
    assert code("verify", "机关运行保障条例", "--corpus", str(root)) == 1
    # 2: unknown law, usage, not a corpus
    assert code("show", "刑法", *C) == 2
    assert code("show", LAND, "--bogus") == 2
    assert code("verify", "--corpus", "/etc") == 2
    # 3: an instruction that cannot be applied
    base = LAWS / "机关运行保障条例" / "2020-11-27.txt"
    decision = tmp_path / "d.txt"
    decision.write_text("关于修改《山西省机关运行保障条例》的决定\n删去第九十九条。\n", encoding="utf-8")
    assert code("amend", "--base", str(base), "--decision", str(decision)) == 3
    # 130: tests/test_transactions.py interrupts a write at fixed points


@pytest.mark.parametrize(
    "args",
    [["list", *C], ["search", "耕地开垦费", "--all", *C], ["show", LAND, *C], ["--help"],
     ["diff", LAND, "2020", "2024", "--format", "json", *C], ["export", LAND, "-o", "-", *C]],
    ids=lambda a: " ".join(a[:2]),
)
def test_stdout_on_a_full_device_is_one_line_and_exit_2(args: list[str]) -> None:
    """`lawdiff list > /dev/full`: ENOSPC on stdout was an OSError traceback, exit 1."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "wb") as full:
        p = subprocess.run([sys.executable, "-m", "lawdiff", *args], stdout=full, stderr=subprocess.PIPE,
                           env={**os.environ, "NO_COLOR": "1"}, timeout=120)  # fmt: skip
    err = p.stderr.decode()
    assert p.returncode == 2 and "Traceback" not in err and "Exception ignored" not in err, err
    assert err.strip() == "error: cannot write the output: No space left on device"


@pytest.mark.parametrize("args", [["list", *C], ["show", LAND, *C], ["history", LAND, *C]])
def test_a_closed_stdout_is_devnull(args: list[str]) -> None:
    """`lawdiff list >&-`: Python starts with sys.stdout None, and the first isatty() or write
    raised AttributeError (a traceback, exit 1). The command now runs, unheard."""
    p = subprocess.run([sys.executable, "-m", "lawdiff", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       env={**os.environ, "NO_COLOR": "1"}, timeout=120,
                       preexec_fn=lambda: os.close(1))  # fmt: skip
    assert p.returncode == 0 and p.stderr == b"", p.stderr.decode()
