"""The corpus is transactional: kill -9 anywhere leaves it before or after, the next command
recovers, two writers never interleave, SIGINT rolls back (issue 11).

Writers run as real processes (``python -m lawdiff ingest``); ``LAWDIFF_FAILPOINT`` makes one
kill itself at a named point of the transaction (see lawdiff/corpus/txn.py), and a few runs are
killed at timed moments as well.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lawdiff.corpus import txn
from lawdiff.corpus.lock import DirLock
from lawdiff.intake.ingest import ingest

from .conftest import F20, F24, LAWS


def snap(root: Path) -> dict[str, str]:
    """Every file under root (hidden ones too) and its sha256."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def corpus_files(root: Path) -> dict[str, str]:
    return {k: v for k, v in snap(root).items() if not k.startswith(".lawdiff/")}


@pytest.fixture(scope="module")
def f24_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """corrections + the 2024 gazette: ingesting F20 into it gives the shipped corpus."""
    root = tmp_path_factory.mktemp("f24") / "laws"
    shutil.copytree(LAWS / "corrections", root / "corrections")
    ingest(F24, root)
    return root


BEFORE: dict[str, str] = {}
AFTER = snap(LAWS)


@pytest.fixture
def start(f24_corpus: Path, tmp_path: Path) -> Path:
    root = tmp_path / "laws"
    shutil.copytree(f24_corpus, root)
    BEFORE.update(snap(root))
    return root


def lawdiff(*args: str, env: dict[str, str] | None = None, **kw) -> subprocess.Popen:  # type: ignore[no-untyped-def, type-arg]
    return subprocess.Popen(
        [sys.executable, "-m", "lawdiff", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        **kw,
    )


def run_ingest(root: Path, failpoint: str = "", seed: Path = F20) -> tuple[int, str]:
    p = lawdiff("ingest", str(seed), "--corpus", str(root), env={"LAWDIFF_FAILPOINT": failpoint})
    _, err = p.communicate(timeout=120)
    return p.returncode, err.decode("utf-8", "replace")


def recover_by_reading(root: Path) -> None:
    """What any next command does first (here in-process: the reader's guard)."""
    txn.ensure_readable(root)
    txn.release_reader(root)


@pytest.mark.parametrize(
    "point,state",
    [
        ("stage:1", "before"),
        ("stage:60", "before"),
        ("journal-written", "before"),
        ("committed", "after"),
        ("apply:1", "after"),
        ("apply:30", "after"),  # the half state: 29 of 79 files replaced
        ("apply:79", "after"),
        ("cleanup", "after"),
    ],
)
def test_kill_at_every_stage_of_a_commit(start: Path, point: str, state: str) -> None:
    code, _ = run_ingest(start, point)
    assert code == -signal.SIGKILL
    raw = corpus_files(start)
    if state == "before":
        assert raw == BEFORE  # nothing outside .lawdiff/ was touched
    recover_by_reading(start)
    assert snap(start) == (BEFORE if state == "before" else AFTER)  # exactly; no .lawdiff left


def test_until_staging_the_corpus_folder_holds_nothing_new(start: Path) -> None:
    """Reading and planning (most of a run) add no file to the corpus, not even a lock file."""
    assert run_ingest(start, "staging")[0] == -signal.SIGKILL
    assert snap(start) == BEFORE


def test_a_kill_during_recovery_is_recovered_too(start: Path) -> None:
    assert run_ingest(start, "apply:10")[0] == -signal.SIGKILL
    p = lawdiff("list", "--corpus", str(start), env={"LAWDIFF_FAILPOINT": "recover:20"})
    p.communicate(timeout=60)
    assert p.returncode == -signal.SIGKILL
    p = lawdiff("list", "--corpus", str(start))
    _, err = p.communicate(timeout=60)
    assert p.returncode == 0
    assert b"note: finished an interrupted write" in err
    assert snap(start) == AFTER


def test_kills_at_timed_moments(start: Path, tmp_path: Path) -> None:
    for i, delay in enumerate((0.15, 0.35, 0.5, 0.6, 0.7, 0.9)):
        root = tmp_path / f"c{i}"
        shutil.copytree(start, root)
        p = lawdiff("ingest", str(F20), "--corpus", str(root))
        time.sleep(delay)
        p.kill()
        p.communicate()
        recover_by_reading(root)
        assert snap(root) in (BEFORE, AFTER), delay


def test_sigint_before_the_commit_rolls_back_and_exits_130(start: Path) -> None:
    code, err = run_ingest(start, "stage:20:INT")
    assert code == 130
    assert "interrupted" in err and "Traceback" not in err and "Exception ignored" not in err
    assert snap(start) == BEFORE


def test_sigint_after_the_commit_point_completes_the_write(start: Path) -> None:
    """Too late to undo: the write completes and the command ends normally (130 means nothing
    was written)."""
    code, err = run_ingest(start, "apply:5:INT")
    assert code == 0 and "the write is complete" in err and "Traceback" not in err
    assert snap(start) == AFTER


def test_sigint_while_the_journal_is_written_rolls_back(start: Path) -> None:
    code, err = run_ingest(start, "journal-written:1:INT")
    assert code == 130 and "Traceback" not in err
    assert snap(start) == BEFORE


def test_two_writers_at_once_both_land(corrections_only: Path) -> None:
    procs = [lawdiff("ingest", str(s), "--corpus", str(corrections_only)) for s in (F20, F24)]
    errs = [p.communicate(timeout=120)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errs
    assert snap(corrections_only) == AFTER  # no lost update, in whichever order they ran


def test_a_second_writer_waits_with_a_message_then_refuses(start: Path) -> None:
    held = DirLock(start)
    held.exclusive()
    try:
        p = lawdiff(
            "ingest", str(F20), "--corpus", str(start), env={"LAWDIFF_LOCK_TIMEOUT": "1"}
        )
        _, err = p.communicate(timeout=60)
    finally:
        held.release()
    text = err.decode()
    assert p.returncode == 2
    assert f"waiting for another lawdiff using {start}" in text
    assert text.strip().splitlines()[-1].startswith(f"error: another lawdiff kept using {start}")
    assert snap(start) == BEFORE


def test_readers_recover_and_see_no_half_state(start: Path) -> None:
    """A reader that finds a crashed commit finishes it before it reads anything."""
    assert run_ingest(start, "apply:30")[0] == -signal.SIGKILL
    p = lawdiff("show", "政务数据管理与应用办法", "--corpus", str(start))  # only in F20
    out, err = p.communicate(timeout=60)
    assert p.returncode == 0, err
    assert "政务数据管理与应用办法" in out.decode()
    assert snap(start) == AFTER


def test_a_failed_write_leaves_no_new_folder(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("这是一行没有标题的文字。\n\n另一行文字。\n", encoding="utf-8")
    code, _ = run_ingest(tmp_path / "new", seed=bad)
    assert code == 2 and not (tmp_path / "new").exists()


def test_writes_outside_the_corpus_are_refused(tmp_path: Path) -> None:
    from lawdiff.corpus.store import PlannedWrite, apply_writes
    from lawdiff.errors import CorpusError

    root = tmp_path / "laws"
    root.mkdir()
    (root / "index.yaml").write_text("laws: []\n", encoding="utf-8")
    w = PlannedWrite(root / ".." / "escaped.txt", "x\n", status="new")
    with pytest.raises(CorpusError, match="outside the corpus"):
        apply_writes([w], root=root)
    assert not (tmp_path / "escaped.txt").exists()
    assert sorted(os.listdir(root)) == ["index.yaml"]


def test_a_command_run_in_process_releases_its_read_lock(start: Path) -> None:
    """Tests (and embedders) run commands in their own process: the shared lock ends with the
    command, so a writer started afterwards does not wait for the test process."""
    from typer.testing import CliRunner

    from lawdiff.cli.registry import build_app

    assert CliRunner().invoke(build_app(), ["list", "--corpus", str(start)]).exit_code == 0
    p = lawdiff("ingest", str(F20), "--corpus", str(start), env={"LAWDIFF_LOCK_TIMEOUT": "2"})
    _, err = p.communicate(timeout=60)
    assert p.returncode == 0, err
    assert snap(start) == AFTER


def test_a_writer_waiting_on_a_new_corpus_that_is_rolled_back_makes_it_again(tmp_path: Path) -> None:
    """Two imports into one missing folder: the first makes it and holds the lock, the second
    waits on that folder; the first fails and removes the folder it made. The second used to hold
    a lock on a removed folder (and wrote nowhere, or failed); it now makes the corpus afresh."""
    from lawdiff.errors import InputError

    root = tmp_path / "new"
    src = tmp_path / "law.txt"
    src.write_text((LAWS / "机关运行保障条例" / "2020-11-27.txt").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError), txn.transaction(root, create=True):
        assert root.is_dir()
        p = lawdiff("import", str(src), "--corpus", str(root))
        deadline = time.monotonic() + 30
        err = b""
        while b"waiting" not in err and time.monotonic() < deadline:
            err += p.stderr.read1(4096) if p.stderr else b""  # type: ignore[attr-defined]
        assert b"waiting for another lawdiff" in err
        raise InputError("the first writer fails")  # rolls back: the folder it made is removed
    _, rest = p.communicate(timeout=60)
    assert p.returncode == 0, rest.decode()
    assert (root / "index.yaml").is_file() and (root / "机关运行保障条例" / "2020-11-27.txt").is_file()
    assert not (root / ".lawdiff").exists()


@pytest.fixture(scope="module")
def f24_whole(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A new corpus of the 2024 gazette, written by one ingest nothing interrupted."""
    whole = tmp_path_factory.mktemp("whole") / "laws"
    assert run_ingest(whole, seed=F24)[0] == 0
    return snap(whole)


@pytest.mark.parametrize("next_command", ["ingest", "list", "dry-run"])
def test_a_new_corpus_half_committed_by_a_killed_writer_is_finished_by_the_next_command(
    tmp_path: Path, next_command: str, f24_whole: dict[str, str]
) -> None:
    """kill -9 after the commit point of the first write into a new folder: decisions/ renamed
    in, index.yaml not yet (the renames go in path order). Every command then refused the folder
    as 'not a lawdiff corpus' before it recovered anything, so nothing ever finished the write."""
    root = tmp_path / "new"
    code, _ = run_ingest(root, "apply:3", seed=F24)
    assert code == -signal.SIGKILL and (root / ".lawdiff" / "journal").is_file()
    assert (root / "decisions").is_dir() and not (root / "index.yaml").exists()
    args = {"ingest": ["ingest", str(F24)], "list": ["list"], "dry-run": ["ingest", str(F24), "--dry-run"]}[next_command]
    q = lawdiff(*args, "--corpus", str(root))
    _, err = q.communicate(timeout=120)
    assert q.returncode == 0, err.decode()
    assert "finished an interrupted write" in err.decode()
    assert (root / "index.yaml").is_file() and not (root / ".lawdiff").exists()
    assert snap(root) == f24_whole  # exactly the state the killed ingest was writing
