"""Writing the corpus: classify each planned write, refuse to clobber curated files, commit as one
transaction (txn.py). This is the one write path: ingest, import, decisions, corrections.

Callers that read the corpus to plan their writes hold the writers' lock for the whole of it::

    with store.transaction(root, create=True):
        writes = store.plan_writes([...], pristine)   # reads under the lock
        store.apply_writes(writes, force=force)       # staged; committed when the block ends

``apply_writes`` outside such a block opens its own transaction and first checks that no target
changed since ``plan_writes`` read it (another writer in between): then nothing is written.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lawdiff.corpus.files import file_sha256, read_text, sha256, split_header, with_header
from lawdiff.corpus.txn import Transaction, active, failpoint, transaction
from lawdiff.corpus.yamlio import dumps
from lawdiff.errors import CorpusError, CuratedFileError
from lawdiff.i18n import _

__all__ = ["PlannedWrite", "apply_writes", "plan_writes", "render_yaml", "transaction"]


@dataclass
class PlannedWrite:
    path: Path
    content: str
    status: str = ""  # new | changed | unchanged | curated
    seen: str | None = None  # sha256 of the file plan_writes found (None: no file)


def plan_writes(
    writes: Iterable[PlannedWrite], pristine_texts: dict[Path, str]
) -> list[PlannedWrite]:
    """Classify each write; ``pristine_texts``: text path -> sha256 recorded for it on disk."""
    out = []
    for w in writes:
        if not w.path.exists():
            w.status = "new"
            w.seen = None
        else:
            current = read_text(w.path)
            w.seen = file_sha256(w.path)
            if current == w.content:
                w.status = "unchanged"
            elif _pristine(w.path, current, pristine_texts):
                w.status = "changed"
            else:
                w.status = "curated"
        out.append(w)
    return out


def _pristine(path: Path, current: str, pristine_texts: dict[Path, str]) -> bool:
    if path.suffix == ".yaml":
        recorded, body = split_header(current)
        return recorded is not None and recorded == sha256(body)
    recorded_hash = pristine_texts.get(path)
    return recorded_hash is not None and recorded_hash == sha256(current)


def apply_writes(
    writes: list[PlannedWrite], *, force: bool = False, root: Path | None = None
) -> None:
    """All-or-nothing: refuse if any target is curated; then stage every write and commit once."""
    curated = [w for w in writes if w.status == "curated"]
    if curated and not force:
        names = ", ".join(str(w.path) for w in curated[:3])
        raise CuratedFileError(
            _("{n} file(s) were edited by hand and would be overwritten: {names} (use --force to overwrite)").format(n=len(curated), names=names)
        )
    pending = [w for w in writes if w.status in ("new", "changed", "curated")]
    if not pending:
        return
    txn = active(pending[0].path)
    if txn is not None:
        _stage(txn, pending)
        return
    with transaction(root or _root_of(writes), create=True) as txn:
        for w in writes:  # optimistic check: nobody wrote in between plan and apply
            if file_sha256(w.path) != w.seen:
                raise CorpusError(
                    _("{path} changed while this command ran (another writer?); nothing was written: run the command again").format(path=w.path)
                )
        _stage(txn, pending)


def _stage(txn: Transaction, pending: list[PlannedWrite]) -> None:
    from lawdiff.corpus.records import check_file

    for w in pending:  # every YAML against its schema before anything is staged
        check_file(txn.root, w.path, w.content)
    failpoint("staging")
    try:
        for w in pending:
            txn.write(w.path, w.content)
    except OSError as exc:
        raise CorpusError(_("cannot write the corpus: {exc}").format(exc=exc)) from None


def _root_of(writes: list[PlannedWrite]) -> Path:
    """The corpus folder: where index.yaml is written, else the common folder of the writes."""
    for w in writes:
        if w.path.name == "index.yaml":
            return w.path.parent
    return Path(os.path.commonpath([str(w.path.parent) for w in writes]))


def render_yaml(data: Any) -> str:
    return with_header(dumps(data))


def recover_pending(root: Path) -> None:
    """A dry run reads the corpus without writing it: a write killed there is finished (or rolled
    back) first, as before any read, so what it plans is against the state before or after."""
    from lawdiff.corpus.lock import CONTROL
    from lawdiff.corpus.txn import _recover_exclusively

    if root.is_dir() and os.path.lexists(root / CONTROL):
        _recover_exclusively(root)
