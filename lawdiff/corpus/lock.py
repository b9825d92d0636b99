"""The two locks of a corpus (see the design in ``txn.py``).

* **W**, one writer at a time: ``flock(LOCK_EX)`` on ``<root>/.lawdiff/lock``, held for the whole
  read–plan–write of a writer. A second writer waits with one message on stderr and refuses after
  ``$LAWDIFF_LOCK_TIMEOUT`` seconds (default 60). The file exists only while a writer runs: it is
  unlinked before it is released, and a waiter that then holds an unlinked inode tries again.
* **R**, readers against a commit: ``flock`` on the corpus directory itself (nothing is created):
  shared while a command reads, exclusive while a writer commits or a command recovers.

flock dies with its process, so a killed writer leaves no stale lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from lawdiff.errors import CorpusBusyError

CONTROL = ".lawdiff"  # exists only during a transaction (or after a crash, until recovery)
_POLL = 0.05


def timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("LAWDIFF_LOCK_TIMEOUT", "60")))
    except ValueError:
        return 60.0


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _wait(
    attempt: Callable[[], bool], what: str, message: Callable[[], str], limit: float | None
) -> None:
    """Call ``attempt`` until it succeeds; one message after the first failure; refuse at the limit."""
    deadline = time.monotonic() + (timeout() if limit is None else limit)
    told = False
    while not attempt():
        if time.monotonic() >= deadline:
            raise CorpusBusyError(
                f"{what} (waited {timeout() if limit is None else limit:g} s; "
                "set LAWDIFF_LOCK_TIMEOUT to wait longer)"
            )
        if not told:
            say(message())
            told = True
        time.sleep(_POLL)


class WriterLock:
    """W: exclusive for one writer process, for the whole transaction."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.control = root / CONTROL
        self.path = self.control / "lock"
        self.fd: int | None = None

    def try_acquire(self) -> bool:
        while True:
            with contextlib.suppress(FileExistsError):
                os.mkdir(self.control)
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            except FileNotFoundError:  # the holder removed the directory meanwhile
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                return False
            try:
                same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if not same:  # we locked a file its holder had already unlinked: start again
                os.close(fd)
                continue
            import socket

            os.ftruncate(fd, 0)
            stamp = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
            os.write(fd, f"{os.getpid()} {socket.gethostname()} {stamp}\n".encode())
            self.fd = fd
            return True

    def acquire(self, limit: float | None = None) -> None:
        _wait(
            self.try_acquire,
            f"another lawdiff is writing to {self.root}",
            lambda: f"waiting for another lawdiff writing to {self.root} ({self._holder()})…",
            limit,
        )

    def _holder(self) -> str:
        try:
            pid, host, *when = self.path.read_text(encoding="utf-8").split()
        except (OSError, ValueError):
            return "holder unknown"
        return f"pid {pid} on {host}, since {' '.join(when)}"

    def release(self) -> None:
        if self.fd is None:
            return
        # unlinked while still held: a waiter that gets this inode sees it and retries
        with contextlib.suppress(OSError):
            self.path.unlink()
        # fails when a new writer's lock file (or a crash's leftovers) is already there
        with contextlib.suppress(OSError):
            os.rmdir(self.control)
        os.close(self.fd)
        self.fd = None


class DirLock:
    """R: flock on the corpus directory; shared for readers, exclusive for a commit."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.fd: int | None = None

    def _open(self) -> int:
        if self.fd is None:
            self.fd = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        return self.fd

    def _try(self, mode: int) -> bool:
        try:
            fcntl.flock(self._open(), mode | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def shared(self, limit: float | None = None) -> None:
        _wait(
            lambda: self._try(fcntl.LOCK_SH),
            f"a write to {self.root} did not finish",
            lambda: f"waiting for a write to {self.root} to finish…",
            limit,
        )

    def exclusive(self, limit: float | None = None) -> None:
        _wait(
            lambda: self._try(fcntl.LOCK_EX),
            f"other lawdiff commands kept reading {self.root}",
            lambda: f"waiting for other lawdiff commands reading {self.root}…",
            limit,
        )

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the last descriptor releases the flock
            self.fd = None
