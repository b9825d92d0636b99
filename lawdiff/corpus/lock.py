"""The lock of a corpus: ``flock`` on the corpus directory itself, so nothing is created for it.

* A **writer** holds it exclusively for its whole read–plan–write: a second writer waits (one
  message on stderr) and refuses after ``$LAWDIFF_LOCK_TIMEOUT`` seconds (default 60);
* a **reader** holds it shared while it reads, so it sees the corpus before or after a write,
  never during one (it waits for a write in progress to finish).

flock dies with its process: a killed writer leaves no stale lock. A corpus killed in the middle of
a commit is recovered by the next command that takes the lock (txn.py).
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lawdiff.errors import CorpusBusyError
from lawdiff.i18n import _

CONTROL = ".lawdiff"  # exists only while a write is staged or committed (or after a crash)
_POLL = 0.05


def timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("LAWDIFF_LOCK_TIMEOUT", "60")))
    except ValueError:
        return 60.0


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _wait(attempt: Callable[[], bool], refusal: str, message: str) -> None:
    """Call ``attempt`` until it succeeds; one message after the first failure; refuse at the limit."""
    limit = timeout()
    deadline = time.monotonic() + limit
    told = False
    while not attempt():
        if time.monotonic() >= deadline:
            raise CorpusBusyError(
                _("{refusal} (waited {limit:g} s; set LAWDIFF_LOCK_TIMEOUT to wait longer)").format(refusal=refusal, limit=limit)
            )
        if not told:
            say(message)
            told = True
        time.sleep(_POLL)


class DirLock:
    """flock on the corpus directory: shared for readers, exclusive for a writer."""

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

    def try_exclusive(self) -> bool:
        return self._try(fcntl.LOCK_EX)

    def shared(self) -> None:
        _wait(
            lambda: self._try(fcntl.LOCK_SH),
            _("another lawdiff kept writing to {root}").format(root=self.root),
            _("waiting for another lawdiff writing to {root}…").format(root=self.root),
        )

    def exclusive(self) -> None:
        _wait(
            lambda: self._try(fcntl.LOCK_EX),
            _("another lawdiff kept using {root}").format(root=self.root),
            _("waiting for another lawdiff using {root} (writing or reading it)…").format(
                root=self.root
            ),
        )

    def still_there(self) -> bool:
        """Is the directory we lock still the one at ``root`` (not removed, nor replaced)?"""
        try:
            a, b = os.fstat(self._open()), os.stat(self.root)
        except OSError:
            return False
        return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the descriptor releases the flock
            self.fd = None
