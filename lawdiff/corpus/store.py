"""Writing the corpus: classify each planned write, refuse to clobber curated files, write atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lawdiff.corpus.files import read_text, sha256, split_header, with_header
from lawdiff.corpus.yamlio import dumps
from lawdiff.errors import CorpusError, CuratedFileError


@dataclass
class PlannedWrite:
    path: Path
    content: str
    status: str = ""  # new | changed | unchanged | curated


def plan_writes(
    writes: Iterable[PlannedWrite], pristine_texts: dict[Path, str]
) -> list[PlannedWrite]:
    """Classify each write; ``pristine_texts``: text path -> sha256 recorded for it on disk."""
    out = []
    for w in writes:
        if not w.path.exists():
            w.status = "new"
        else:
            current = read_text(w.path)
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


def apply_writes(writes: list[PlannedWrite], *, force: bool = False) -> None:
    """All-or-nothing: refuse if any target is curated; then write each atomically."""
    curated = [w for w in writes if w.status == "curated"]
    if curated and not force:
        names = ", ".join(str(w.path) for w in curated[:3])
        raise CuratedFileError(
            f"{len(curated)} file(s) were edited by hand and would be overwritten: {names} "
            "(use --force to overwrite)"
        )
    pending = [w for w in writes if w.status in ("new", "changed", "curated")]
    temps: list[tuple[Path, Path]] = []
    try:
        for w in pending:
            w.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=w.path.parent, prefix=f".{w.path.name}.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(w.content)
                fh.flush()
                os.fsync(fh.fileno())
            temps.append((Path(tmp), w.path))
    except OSError as exc:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
        raise CorpusError(f"cannot write the corpus: {exc}") from None
    for tmp, final in temps:
        os.replace(tmp, final)


def render_yaml(data: Any) -> str:
    return with_header(dumps(data))
