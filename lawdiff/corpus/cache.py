"""The derived index of a corpus: one SQLite file in the user's cache, never a source of truth.

The corpus files stay what lawdiff reads as the truth; the index only spares reading them again.
Every row derived from a file is valid while the file's ``stat`` (mtime, size, inode) is what it
was when the file was read — git's index rule — so the index can never claim a state the files do
not have: an edited, replaced, copied or deleted file no longer matches and is read again. A file
changed less than ``RACY`` seconds before it was indexed could change again within the same clock
tick without its stat changing: such a file is compared by content until it has settled.

Where: ``$LAWDIFF_CACHE`` (else ``$XDG_CACHE_HOME/lawdiff``, else ``~/.cache/lawdiff``)
``/index/<hash of the corpus's real path>.sqlite`` — outside the corpus, which stays
byte-identical to what ingest and import write (issue 11's rule: no persistent file is added to
a corpus). A missing, unreadable, corrupt or older-format index is rebuilt; if no cache folder is
writable the index lives in memory for the one command. Damage SQLite finds only later, when it
reads a malformed page (or a row that does not decode, ``IndexDamaged``), surfaces as an
exception: the command layer (``cli.common``) then removes the file and runs the command again
with the index in memory (``discard_damaged``). Nothing here is ever an error.

Writes run in ``BEGIN IMMEDIATE`` transactions: a crash leaves the previous consistent index; two
commands refreshing at once take turns (a busy timeout); one that cannot get the lock answers
from the files without writing.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

FORMAT = 2  # bump when the tables change: an index of another format is rebuilt
BUSY = 5.0  # seconds to wait for another command's write to the index before doing without
RACY = 2.0  # seconds: a file younger than this when indexed is checked by content later
ENV = "LAWDIFF_CACHE"

Stat = tuple[int, int, int]  # mtime_ns, size, inode

SCHEMA = """
CREATE TABLE files(path TEXT PRIMARY KEY, mtime INTEGER, size INTEGER, ino INTEGER,
                   sha TEXT, racy INTEGER) WITHOUT ROWID;
CREATE TABLE entries(id TEXT PRIMARY KEY, pos INTEGER, title TEXT, short_title TEXT,
                     aliases TEXT, kind TEXT) WITHOUT ROWID;
CREATE TABLE names(key TEXT, law TEXT, pos INTEGER, part INTEGER);
CREATE INDEX names_key ON names(key);
CREATE TABLE laws(id TEXT PRIMARY KEY, data TEXT, error TEXT) WITHOUT ROWID;
CREATE TABLE listing(law TEXT, pos INTEGER, since TEXT, until TEXT, row TEXT,
                     PRIMARY KEY(law, since)) WITHOUT ROWID;
"""


def cache_dir() -> Path:
    env = os.environ.get(ENV)
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "lawdiff"


def index_file(root: Path) -> Path:
    """The index of ``root``, named by two checksums of its real path (the path itself is in the
    file: another corpus that happened to get the same name rebuilds it, never reads it)."""
    import zlib

    real = os.path.realpath(root).encode("utf-8", "surrogateescape")
    return cache_dir() / "index" / f"{zlib.crc32(real):08x}{zlib.adler32(real):08x}.sqlite"


def stat_of(path: str | Path) -> Stat | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def content_sha(path: Path) -> str | None:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class IndexDamaged(sqlite3.DatabaseError):
    """A row of the index cannot be decoded: the file is damaged where SQLite cannot see it."""


_OPENED: set[Path] = set()  # the index files this process opened
_MEMORY_ONLY: list[bool] = []  # set after a damaged index: the rest of the process does without


def is_index_failure(exc: BaseException) -> bool:
    """Did ``exc`` come from the index (SQLite, or a row that does not decode)?"""
    return isinstance(exc, sqlite3.Error)


def is_damage(exc: BaseException) -> bool:
    """A damaged file (SQLITE_CORRUPT, SQLITE_NOTADB, a row that does not decode), as opposed to
    one that cannot be written now (a full disk, a read-only file, an I/O error, a lock)."""
    return isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError)


def discard_damaged(exc: BaseException) -> list[Path]:
    """After an index failure: keep every later index of this process in memory; if the file is
    damaged (not merely unwritable), remove the index files this process opened (the next
    command builds them again). Returns what was removed."""
    _MEMORY_ONLY.append(True)
    if not is_damage(exc):
        return []
    removed = []
    for path in sorted(_OPENED):
        for extra in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{path}{extra}").unlink()
                if not extra:
                    removed.append(path)
    _OPENED.clear()
    return removed


def decoded(loads: Callable[[Any], Any], value: Any) -> Any:
    """``loads(value)`` of a value read from the index; a value that does not decode is damage."""
    try:
        return loads(value)
    except Exception as exc:
        raise IndexDamaged(f"a row of the index does not decode ({exc.__class__.__name__})") from None


class Cache:
    """The open index of one corpus root."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._base = os.fspath(root)
        self.writable = True
        self.generation = 0  # counts moves to memory: what was read from the old db is gone
        if _MEMORY_ONLY:
            self.db = _memory(root)
            return
        path = index_file(root)
        self.db = _open(path, root)
        _OPENED.add(path)
        # a read-only index (a read-only mount, a file or folder without write permission) is
        # read as long as it is fresh; what needs writing is done in memory (``writing``)
        file = self.db.execute("PRAGMA database_list").fetchone()[2]
        if file and not (os.access(file, os.W_OK) and os.access(os.path.dirname(file), os.W_OK)):
            self.writable = False

    # ------------------------------------------------------------ file freshness

    def recorded(self, paths: list[str]) -> dict[str, tuple[Stat, str | None, bool]]:
        """What the index knows of these files: stat, sha256, racy."""
        query = "SELECT path, mtime, size, ino, CASE WHEN racy THEN sha END, racy FROM files"
        if len(paths) > 50:  # many: one pass over the table is cheaper than lookups
            rows = self.db.execute(query)
        else:
            rows = self.db.execute(f"{query} WHERE path IN ({','.join('?' * len(paths))})", paths)
        return {p: ((m, s, i), sha, bool(racy)) for p, m, s, i, sha, racy in rows}

    def stale(self, paths: Iterable[str]) -> list[str]:
        """The files whose derived rows cannot be trusted: changed, new, gone, or racy and changed."""
        paths = list(paths)
        known = self.recorded(paths)
        out = []
        settled = []
        base = self._base + os.sep
        stat = os.stat
        for rel in paths:
            rec = known.get(rel)
            try:
                st = stat(base + rel)
            except OSError:
                out.append(rel)
                continue
            if rec is None or rec[0] != (st.st_mtime_ns, st.st_size, st.st_ino):
                out.append(rel)
            elif rec[2]:  # racy: the stat cannot tell, the content can
                if content_sha(self.root / rel) != rec[1]:
                    out.append(rel)
                elif st.st_mtime_ns < time.time_ns() - int(RACY * 1e9):
                    settled.append(rel)
        if settled:
            with self.writing() as ok:
                if ok:
                    self.db.executemany("UPDATE files SET racy = 0 WHERE path = ?", [(r,) for r in settled])
        return out

    def read(self, rel: str) -> tuple[str, Stat] | None:
        """A file's text and the stat it had while it was read (None: no such file).

        Read again if the stat changed while reading: the text returned is the file the stat
        describes.
        """
        path = self.root / rel
        for _ in range(5):
            before = stat_of(path)
            if before is None:
                return None
            try:
                data = path.read_bytes()
            except OSError:
                return None
            if stat_of(path) == before:
                return data.decode("utf-8", "surrogateescape"), before
        raise OSError(f"{path}: keeps changing while being read")

    def remember(self, rel: str, st: Stat | None, text: str | None) -> None:
        """Record the file version that derived rows now come from (inside a write)."""
        if st is None:
            self.db.execute("DELETE FROM files WHERE path = ?", (rel,))
            return
        import hashlib

        sha = hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest() if text else None
        racy = st[0] >= time.time_ns() - int(RACY * 1e9)
        self.db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", (rel, *st, sha, int(racy))
        )

    def to_memory(self) -> None:
        """Carry on in a fresh in-memory index (the file is busy or read-only): correct, not kept."""
        self.db = _memory(self.root)
        self.writable = True
        self.generation += 1

    @contextlib.contextmanager
    def writing(self) -> Iterator[bool]:
        """A write transaction; yields False (and writes nothing) if the index is busy or read-only."""
        if not self.writable:
            yield False
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:  # locked past the timeout, or a read-only file
            if "locked" not in str(exc):
                self.writable = False
            yield False
            return
        try:
            yield True
        except BaseException:
            with contextlib.suppress(sqlite3.Error):  # SQLite ends it itself on SQLITE_FULL
                self.db.execute("ROLLBACK")
            raise
        try:
            self.db.execute("COMMIT")
        except sqlite3.OperationalError:  # full disk, I/O error, busy past the timeout: what the
            with contextlib.suppress(sqlite3.Error):  # block wrote is gone, the caller must know
                self.db.execute("ROLLBACK")
            raise


def _open(path: Path, root: Path) -> sqlite3.Connection:
    """The index at ``path``, made or repaired as needed; in memory if no file can be had."""
    for attempt in range(2):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=BUSY, isolation_level=None, check_same_thread=False)
            if _ready(db, root):
                return db
            db.close()
        except (sqlite3.DatabaseError, OSError):
            pass
        if attempt == 0:  # corrupt or of another format: start afresh
            with contextlib.suppress(OSError):
                path.unlink()
    return _memory(root)


def _memory(root: Path) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    _create(db, root)
    return db


def _ready(db: sqlite3.Connection, root: Path) -> bool:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == FORMAT:
        db.execute("SELECT count(*) FROM files").fetchone()  # a damaged file fails here
        row = db.execute("SELECT value FROM meta WHERE key = 'root'").fetchone()
        return row is not None and row[0] == os.path.realpath(root)
    if version != 0:
        return False
    db.execute("BEGIN IMMEDIATE")
    if db.execute("PRAGMA user_version").fetchone()[0] == 0:  # nobody made it meanwhile
        _create(db, root)
    db.execute("COMMIT")
    return True


def _create(db: sqlite3.Connection, root: Path) -> None:
    """The tables of this format (the text index adds its own, ``query/textindex.py``)."""
    for statement in filter(str.strip, SCHEMA.split(";")):
        db.execute(statement)
    db.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT OR REPLACE INTO meta VALUES ('root', ?)", (os.path.realpath(root),))
    db.execute(f"PRAGMA user_version = {FORMAT}")
