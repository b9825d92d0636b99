"""Where output goes: files written atomically, the terminal (colour, pager) or a pipe."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import typer

from lawdiff.cli.common import out
from lawdiff.i18n import _


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write beside ``path`` and move into place: the file is whole or untouched."""
    import tempfile

    from lawdiff.errors import InputError

    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(
            _("cannot write {path}: directory {directory} does not exist").format(
                path=path, directory=directory
            )
        )
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
        if isinstance(content, bytes):
            with os.fdopen(fd, "wb") as fh:
                fh.write(content)
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(content)
        os.replace(tmp, path)
    except OSError as exc:
        raise InputError(
            _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror)
        ) from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


def use_color(no_color: bool) -> bool:
    return not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()


def print_rich(renderable: Any, *, color: bool, width: int | None) -> None:
    """To the terminal through a pager when stdout is one; plain text into pipes and files.

    ``width`` None: not a terminal, nothing is wrapped (``lawdiff diff … | grep`` finds phrases).
    """
    from rich.console import Console

    from lawdiff.export.tables import UNWRAPPED

    console = Console(
        width=width or UNWRAPPED, no_color=not color, highlight=False, soft_wrap=False
    )
    if sys.stdout.isatty():
        # as git does: colours through (R), no pager for one screen (F), screen kept (X)
        os.environ.setdefault("LESS", "FRX")
        with console.pager(styles=color):
            console.print(renderable)
    else:
        console.print(renderable)


def emit(content: str | bytes, output: Path | None) -> None:
    if output is None:
        assert isinstance(content, str)  # binary formats (docx) require -o
        out(content)
    else:
        write_atomic(output, content)
        typer.echo(_("wrote {path}").format(path=output), err=True)
