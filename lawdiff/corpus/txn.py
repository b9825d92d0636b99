"""Transactions on a corpus: every write is staged, journalled and committed at one point.

::

    laws/.lawdiff/stage/     new contents, fsynced          (exists only while a write is staged
    laws/.lawdiff/journal    the commit record               or committed, or after a crash)

A writer holds the corpus lock (lock.py: flock on the corpus folder) exclusively for its whole
read–plan–write; readers hold it shared while they read. The commit writes the journal (renaming
``journal.tmp`` into place is the commit point), renames each staged file over its target and
removes the journal and ``.lawdiff/``. A kill before the commit point leaves the corpus files
untouched; after it, the journal lets the next command (reader or writer) finish the renames,
before it reads anything. SIGINT or SIGTERM before the commit point rolls back (exit 130: nothing
was written); once the journal is in place the commit completes and the command ends normally,
saying so.
Design notes: /work/notes/transactions.md.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
from pathlib import Path
from types import TracebackType

from lawdiff.corpus.lock import CONTROL, DirLock, say
from lawdiff.errors import CorpusError, InputError, NotACorpusError
from lawdiff.i18n import _, ngettext

_ACTIVE: dict[str, Transaction] = {}  # realpath of a root -> this process's transaction on it
_READERS: dict[str, DirLock] = {}  # realpath of a root -> this process's shared lock on it
_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# entries a folder may hold and still become a corpus (corrections are curated input)
_SEED_ENTRIES = {"corrections"}


def _key(root: Path) -> str:
    return os.path.realpath(root)


# ---------------------------------------------------------------- fail points (tests)

_FAIL = os.environ.get("LAWDIFF_FAILPOINT", "")
_HITS: dict[str, int] = {}


def failpoint(name: str) -> None:
    """``LAWDIFF_FAILPOINT=name[:n[:INT]]``: SIGKILL (or SIGINT) this process at the n-th hit.

    A test hook for the crash-consistency tests; without the variable it costs one comparison.
    """
    if not _FAIL:
        return
    point, _x, rest = _FAIL.partition(":")
    if point != name:
        return
    count, _x, sig = rest.partition(":")
    _HITS[name] = _HITS.get(name, 0) + 1
    if _HITS[name] == int(count or 1):
        os.kill(os.getpid(), signal.SIGINT if sig == "INT" else signal.SIGKILL)


# ---------------------------------------------------------------- what is a corpus


def is_corpus(root: Path) -> bool:
    return (root / "index.yaml").is_file()


def check_target(root: Path) -> None:
    """A writer may create a corpus in a missing folder or one holding only curated input (or a
    killed first write to it, which the writer's transaction finishes before it checks again)."""
    if not root.exists() or is_corpus(root) or os.path.lexists(root / CONTROL / "journal"):
        return
    if not root.is_dir():
        raise NotACorpusError(_("{root} is not a directory").format(root=root))
    foreign = sorted(
        e.name
        for e in os.scandir(root)
        if not e.name.startswith(".") and e.name not in _SEED_ENTRIES
    )
    if foreign:
        raise NotACorpusError(
            _("{root} is not a lawdiff corpus (no index.yaml) and not empty (holds {first!r}{more})").format(
                root=root, first=foreign[0], more=" …" if len(foreign) > 1 else ""
            )
        )


def ensure_readable(root: Path) -> None:
    """Before a command reads ``root``: it is a corpus, recovered, and share-locked until exit."""
    key = _key(root)
    if key in _ACTIVE or key in _READERS:
        return
    if not root.is_dir():
        raise InputError(_("corpus directory {root} does not exist").format(root=root))
    if not is_corpus(root) and os.path.lexists(root / CONTROL):
        _recover_exclusively(root)  # the first write of a new corpus, killed: index.yaml may come last
    if not is_corpus(root):
        raise NotACorpusError(_("{root} is not a lawdiff corpus (no index.yaml)").format(root=root))
    while True:
        lock = DirLock(root)
        lock.shared()
        if not os.path.lexists(root / CONTROL):
            _READERS[key] = lock
            return
        # no writer runs (we hold the lock shared): what is there is left by a crash
        lock.release()
        _recover_exclusively(root)


def _recover_exclusively(root: Path) -> None:
    lock = DirLock(root)
    lock.exclusive()
    try:
        recover(root)
    except OSError as exc:
        raise CorpusError(
            _("{root}: an interrupted write needs recovery, but the corpus is not writable ({error}); run lawdiff once with write access to it").format(root=root, error=exc.strerror)
        ) from None
    finally:
        lock.release()


def release_reader(root: Path | None = None) -> None:
    """Drop this process's shared lock(s): before paging output, or before writing."""
    for key in [_key(root)] if root is not None else list(_READERS):
        lock = _READERS.pop(key, None)
        if lock is not None:
            lock.release()


def recover(root: Path) -> str | None:
    """With the lock held exclusively: finish (journal present) or roll back (no journal) a
    crashed transaction, and remove ``.lawdiff/``."""
    control = root / CONTROL
    journal = control / "journal"
    note = None
    if journal.exists():
        ops = _read_journal(journal)
        _apply(root, control / "stage", ops, "recover")
        journal.unlink()
        _fsync_dir(control)
        note = ngettext("finished an interrupted write to {root} ({n} file)",
                        "finished an interrupted write to {root} ({n} files)", len(ops))  # fmt: skip
        note = note.format(root=root, n=len(ops))
    elif (control / "stage").exists() or (control / "journal.tmp").exists():
        note = _("rolled back an interrupted write to {root} (nothing of it had been applied)")
        note = note.format(root=root)
    _clean(control)
    if note:
        say(_("note: {note}").format(note=note))
    return note


def _read_journal(path: Path) -> list[tuple[str, str | None, str | None]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        ops = [(o["path"], o["stage"], o["sha256"]) for o in data["ops"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CorpusError(_("{path}: unreadable journal of an interrupted write ({exc})").format(path=path, exc=exc)) from None
    for rel, _x, _x in ops:
        if rel.startswith("/") or ".." in rel.split("/") or not rel:
            raise CorpusError(_("{path}: journal names a path outside the corpus: {rel!r}").format(path=path, rel=rel))
    return ops


def _apply(
    root: Path, stage: Path, ops: list[tuple[str, str | None, str | None]], point: str
) -> None:
    from lawdiff.corpus.files import file_sha256

    dirs: set[Path] = set()
    for rel, staged, sha in ops:
        target = root / rel
        dirs.add(target.parent)
        if staged is None:
            target.unlink(missing_ok=True)
        elif (stage / staged).exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            os.rename(stage / staged, target)
        elif file_sha256(target) != sha:
            raise CorpusError(
                _("{target}: cannot finish the interrupted write: the file was changed since").format(target=target)
            )
        failpoint(point)
    for d in dirs:
        _fsync_dir(d)


def _clean(control: Path) -> None:
    shutil.rmtree(control / "stage", ignore_errors=True)
    for name in ("journal.tmp", "journal", "lock"):  # "lock": left by lawdiff before 2026-12
        (control / name).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        control.rmdir()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# ---------------------------------------------------------------- the transaction


def active(path: Path) -> Transaction | None:
    """This process's transaction whose corpus holds ``path``."""
    real = os.path.realpath(path)
    for key, txn in _ACTIVE.items():
        if real == key or real.startswith(key + os.sep):
            return txn
    return None


class Transaction:
    """``with Transaction(root):`` — W held throughout; staged writes committed at the end."""

    def __init__(self, root: Path, *, create: bool = False) -> None:
        self.root = Path(root)
        self.create = create
        self.created = False
        self.ops: dict[str, tuple[str | None, str | None]] = {}  # rel -> (stage name, sha)
        self._lock = DirLock(self.root)
        self._n = 0
        self.stage = self.root / CONTROL / "stage"

    # -- entering and leaving

    def __enter__(self) -> Transaction:
        for _attempt in range(5):
            if self._enter():
                _ACTIVE[_key(self.root)] = self
                return self
        raise CorpusError(_("{root} keeps being removed and made again by other writers").format(root=self.root))

    def _enter(self) -> bool:
        """Lock the corpus (made if missing and ``create``); False: the folder we locked was
        removed meanwhile (another writer's new corpus, rolled back), try again."""
        if not self.root.exists():
            if not self.create:
                raise InputError(_("corpus directory {root} does not exist").format(root=self.root))
            try:
                self.root.mkdir(parents=True)
                self.created = True
            except FileExistsError:  # another writer made it this instant: its lock says who goes first
                pass
            except OSError as exc:
                raise InputError(_("cannot create {root}: {error}").format(root=self.root, error=exc.strerror)) from None
        elif self.create and not self.root.is_dir():
            raise NotACorpusError(_("{root} is not a directory").format(root=self.root))
        elif not self.create and not is_corpus(self.root) and not os.path.lexists(self.root / CONTROL):
            raise NotACorpusError(_("{root} is not a lawdiff corpus (no index.yaml)").format(root=self.root))
        release_reader(self.root)  # our own shared lock would block our exclusive one
        try:
            self._lock.exclusive()
        except OSError as exc:
            self._drop_created()
            raise CorpusError(_("cannot lock {root}: {error}").format(root=self.root, error=exc.strerror)) from None
        except BaseException:
            self._drop_created()
            raise
        try:
            if not self._lock.still_there():
                self._lock.release()
                return False
            recover(self.root)  # first: a killed first write of a corpus may lack index.yaml yet
            if self.create:  # checked under the lock: a writer making this corpus has finished
                check_target(self.root)
            elif not is_corpus(self.root):
                raise NotACorpusError(_("{root} is not a lawdiff corpus (no index.yaml)").format(root=self.root))
        except BaseException:
            self._lock.release()
            self._drop_created()
            raise
        return True

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        _ACTIVE.pop(_key(self.root), None)
        try:
            if kind is None:
                self.commit()
        finally:
            with _Deferred():
                _clean(self.root / CONTROL)
                self._lock.release()
                self._drop_created()

    def _drop_created(self) -> None:
        if self.created:
            with contextlib.suppress(OSError):
                self.root.rmdir()  # only if nothing was committed into it

    # -- staging

    def write(self, path: Path, content: str | bytes) -> None:
        rel = self._rel(path)
        data = content.encode("utf-8") if isinstance(content, str) else content
        self._n += 1
        name = f"{self._n:06d}"
        if self._n == 1:
            self.stage.mkdir(parents=True, exist_ok=True)
        try:
            old = os.stat(path)
            mode = old.st_mode & 0o7777
        except OSError:
            mode = 0o666 & ~_umask()
        fd = os.open(self.stage / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        try:
            os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        previous = self.ops.get(rel)
        if previous and previous[0]:
            (self.stage / previous[0]).unlink(missing_ok=True)
        import hashlib

        self.ops[rel] = (name, hashlib.sha256(data).hexdigest())
        failpoint("stage")

    def delete(self, path: Path) -> None:
        self.ops[self._rel(path)] = (None, None)

    def _rel(self, path: Path) -> str:
        root = _key(self.root)
        real = os.path.realpath(path)
        if not real.startswith(root + os.sep):
            raise CorpusError(_("{path}: outside the corpus {root}; nothing was written").format(path=path, root=self.root))
        rel = os.path.relpath(real, root)
        if rel.split(os.sep)[0] == CONTROL:
            raise CorpusError(_("{path}: inside the corpus's control folder; nothing was written").format(path=path))
        return rel.replace(os.sep, "/")

    # -- committing

    def commit(self) -> None:
        if not self.ops:
            return
        control = self.root / CONTROL
        ops = [(rel, st, sha) for rel, (st, sha) in sorted(self.ops.items())]
        with _Deferred() as deferred:
            _fsync_dir(self.stage)
            tmp = control / "journal.tmp"
            body = {
                "version": 1,
                "ops": [{"path": r, "stage": st, "sha256": h} for r, st, h in ops],
            }
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(body, fh, ensure_ascii=False)
                fh.flush()
                os.fsync(fh.fileno())
            failpoint("journal-written")
            if deferred.signals:  # interrupted before the commit point: roll back
                raise KeyboardInterrupt
            os.rename(tmp, control / "journal")  # the commit point
            _fsync_dir(control)
            failpoint("committed")
            _apply(self.root, self.stage, ops, "apply")
            (control / "journal").unlink()
            _fsync_dir(control)
            deferred.done = True  # so: exit 130 always means "nothing was written"
            failpoint("cleanup")
        self.ops = {}


class _Deferred:
    """SIGINT/SIGTERM are recorded instead of acted on; re-raised on a clean exit.

    Swapping the Python-level handlers (not only masking the signals) also covers a signal whose
    C handler has already run but whose Python handler has not yet.
    """

    def __enter__(self) -> _Deferred:
        self.signals: list[int] = []
        self.done = False  # the write is complete: a signal now comes too late to undo it
        self._old: dict[int, object] = {}
        try:
            for sig in _SIGNALS:
                self._old[sig] = signal.signal(sig, lambda s, _f: self.signals.append(s))
        except ValueError:  # not the main thread: nothing to defer
            self._old = {}
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)  # type: ignore[arg-type]
        if kind is None and self.signals and self.done:
            say("note: the interrupt came after the commit point: the write is complete")
        elif kind is None and self.signals:
            signal.raise_signal(self.signals[0])


def transaction(root: Path, *, create: bool = False) -> Transaction:
    return Transaction(root, create=create)
