"""Where output goes: ``-o`` files as users expect them, the terminal (colour, pager) or a pipe.

``-o PATH``:
* ``-`` is standard output;
* a symlink is followed: its target is written (a dangling one: the target is created);
* a FIFO or a character device is opened and written directly (no temp file, never replaced);
* a directory or a block device is refused;
* an existing regular file with other hard links is rewritten in place (the links keep sharing
  it), once the whole content is ready;
* otherwise the content goes to a temp file beside the target and is renamed over it: the file
  is whole or untouched; a new file gets the mode the umask gives (``0666 & ~umask``), a
  replaced one keeps its mode (and, for root, its owner).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path
from typing import Any

import typer

from lawdiff.cli.common import OUTPUT_STARTED, out, sanitize
from lawdiff.i18n import _


def is_stdout(path: Path | None) -> bool:
    return path is not None and str(path) == "-"


def write_output(path: Path, content: str | bytes) -> None:
    """Write ``content`` to ``-o path`` (see the module notes)."""
    from lawdiff.errors import InputError

    data = content.encode("utf-8") if isinstance(content, str) else content
    if is_stdout(path):
        _to_stdout(data, binary=isinstance(content, bytes))
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise InputError(_cannot(path, exc.strerror)) from None
    try:
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise InputError(_cannot(path, _("it is a directory")))
        if st is not None and stat.S_ISBLK(st.st_mode):
            raise InputError(_cannot(path, _("it is a block device")))
        if st is not None and not stat.S_ISREG(st.st_mode):  # FIFO, character device, socket
            with open(target, "wb", buffering=0) as fh:
                fh.write(data)
        elif st is not None and st.st_nlink > 1:
            with open(target, "r+b") as fh:  # in place: every hard link sees the new content
                fh.truncate(0)
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        else:
            _replace(target, data, st)
    except OSError as exc:
        raise InputError(_cannot(path, exc.strerror)) from None


def _cannot(path: Path, reason: str | None) -> str:
    return _("cannot write {path}: {reason}").format(path=path, reason=reason)


def _replace(target: Path, data: bytes, old: os.stat_result | None) -> None:
    import tempfile

    from lawdiff.errors import InputError

    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(
            _("cannot write {path}: directory {directory} does not exist").format(
                path=target, directory=directory
            )
        )
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    try:
        if old is not None:
            os.fchmod(fd, stat.S_IMODE(old.st_mode))
            if os.geteuid() == 0:
                with contextlib.suppress(OSError):
                    os.fchown(fd, old.st_uid, old.st_gid)
        else:
            mask = os.umask(0o022)
            os.umask(mask)
            os.fchmod(fd, 0o666 & ~mask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _to_stdout(data: bytes, *, binary: bool) -> None:
    from lawdiff.errors import InputError

    if binary and sys.stdout.isatty():
        raise InputError(_('refusing to write a binary document to the terminal: -o FILE or a pipe'))
    sys.stdout.flush()
    OUTPUT_STARTED.append(True)
    if binary:
        sys.stdout.buffer.write(data)
    else:
        sys.stdout.buffer.write(sanitize(data.decode("utf-8")).encode("utf-8"))
    sys.stdout.buffer.flush()


# kept for callers of the old name
write_atomic = write_output


def use_color(no_color: bool) -> bool:
    return not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()


def print_rich(
    renderable: Any, *, color: bool, width: int | None, output: Path | None = None
) -> None:
    """To the terminal through a pager when stdout is one; plain text into pipes and -o files.

    ``width`` None: not a terminal, nothing is wrapped (``lawdiff diff … | grep`` finds phrases).
    """
    from rich.console import Console

    from lawdiff.export.tables import UNWRAPPED

    if output is not None and not is_stdout(output):
        import io

        buf = io.StringIO()
        Console(
            file=buf,
            width=width or UNWRAPPED,
            no_color=True,
            color_system=None,
            highlight=False,
            soft_wrap=False,
        ).print(renderable)
        emit(buf.getvalue(), output)
        return
    console = Console(
        width=width or UNWRAPPED, no_color=not color, highlight=False, soft_wrap=False
    )
    OUTPUT_STARTED.append(True)
    if sys.stdout.isatty():
        from lawdiff.corpus.txn import release_reader

        release_reader()  # everything is read: a writer may commit while the pager is open
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
    elif is_stdout(output):
        write_output(output, content)
    else:
        write_output(output, content)
        typer.echo(sanitize(_("wrote {path}").format(path=output)), err=True)
