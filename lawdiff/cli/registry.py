"""The typer app: commands are imported only when asked for, so start-up stays cheap."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated, Any

import typer

from lawdiff import __version__


def _new_app() -> typer.Typer:
    from lawdiff.cli.localized import Group

    return typer.Typer(
        cls=Group,  # --help in the interface language
        add_completion=True,  # --install-completion / --show-completion; law names complete
        no_args_is_help=True,
        context_settings={"help_option_names": ["-h", "--help"]},
        help="Track how regulations change: point-in-time texts, histories and diffs from gazettes.",
        pretty_exceptions_enable=False,
    )


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lawdiff {__version__}")
        raise typer.Exit()


def _root_lang(value: str | None) -> str | None:
    """``lawdiff --lang zh CMD``; every invocation starts from the environment's language (or
    from the ``--lang`` that ``main`` found on the command line before parsing)."""
    from lawdiff.cli.common import bad_language
    from lawdiff.cli.localized import EARLY
    from lawdiff.i18n import set_language

    try:
        set_language(value if value is not None else (EARLY[0] if EARLY else None))
    except ValueError:
        raise bad_language(value) from None
    return value


def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            callback=_root_lang,
            is_eager=True,
            metavar="zh|en",
            help="Language of headers, status words and messages (default: $LAWDIFF_LANG, "
            "else the locale).",
        ),
    ] = None,
) -> None:
    """lawdiff: regulations as ordered articles per revision."""


# command -> (module, function); a module is imported only when its command is built
COMMANDS: dict[str, tuple[str, str]] = {
    "show": ("lawdiff.cli.read", "show_cmd"),
    "history": ("lawdiff.cli.read", "history_cmd"),
    "list": ("lawdiff.cli.read", "list_cmd"),
    "export": ("lawdiff.cli.read", "export_cmd"),
    "ingest": ("lawdiff.cli.intake", "ingest_cmd"),
    "import": ("lawdiff.cli.intake", "import_cmd"),
    "verify": ("lawdiff.cli.intake", "verify_cmd"),
    "amend": ("lawdiff.cli.amend", "amend_cmd"),
    "parse-rate": ("lawdiff.cli.amend", "parse_rate_cmd"),
    "blame": ("lawdiff.cli.amend", "blame_cmd"),
    "diff": ("lawdiff.cli.compare", "diff_cmd"),
    "log": ("lawdiff.cli.compare", "log_cmd"),
    "search": ("lawdiff.cli.search", "search_cmd"),
    "export-git": ("lawdiff.cli.gitexport", "export_git_cmd"),
}


def build_app(only: str | None = None) -> typer.Typer:
    """The typer app with every command, or with just ``only`` (faster start-up)."""
    from lawdiff.cli.localized import Command

    new = _new_app()
    new.callback()(_main)
    for name, (module, attr) in COMMANDS.items():
        if only is None or name == only:
            new.command(name, cls=Command)(getattr(importlib.import_module(module), attr))
    return new


def lang_option(argv: list[str]) -> str | None:
    """The value of ``--lang X`` / ``--lang=X`` anywhere before ``--`` (None: not given)."""
    for k, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and k + 1 < len(argv):
            return argv[k + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def command_name(argv: list[str]) -> str | None:
    """The command word of ``lawdiff [--lang X] CMD …`` (None: no command, or options only)."""
    args = iter(argv)
    for arg in args:
        if arg == "--lang":
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


_TERMINATED: list[int] = []


def _on_sigterm(signum: int, frame: object) -> None:
    """SIGTERM ends the program as SIGINT does (a write in progress rolls back), exit 143."""
    _TERMINATED.append(signum)
    raise KeyboardInterrupt


def main() -> None:
    """Console entry point: builds only the command asked for, so start-up stays cheap.

    Exit codes: 0 ok, 1 verify found a difference, 2 usage or input error, 3 amendment refused,
    130 interrupted (143 terminated). A reader that closes the pipe early (``| head``) ends the
    program quietly with 0, as git does.
    """
    import signal

    from typer._click.exceptions import ClickException  # typer 0.28 vendors click
    from typer.exceptions import Abort

    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _on_sigterm)
    _closed_streams_to_devnull()
    name = command_name(sys.argv[1:])
    _early_language(sys.argv[1:])
    _STDOUT.append(_fd_identity())
    code: int | Any = 0
    try:
        code = build_app(name if name in COMMANDS else None)(standalone_mode=False)
        sys.stdout.flush()
    except ClickException as exc:
        _show_usage_error(exc)
        code = exc.exit_code
    except Abort:
        code = 130
    except KeyboardInterrupt:
        from lawdiff.i18n import _

        print(_("interrupted"), file=sys.stderr)
        code = 130
    except BrokenPipeError:
        code = _pipe_closed()
    except SystemExit as exc:  # typer's and rich's own handling of EPIPE end in sys.exit(1)
        code = _pipe_closed() if exc.code == 1 and _pacified() else exc.code
    except OSError as exc:  # stdout on a full disk (> /dev/full), an I/O error
        if exc.errno not in _WRITE_ERRORS:
            raise
        code = _output_lost(exc)
    if not isinstance(code, int):
        code = 0
    if code == 130 and _TERMINATED:
        code = 143
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # no "Exception ignored" while shutting down
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        _pipe_closed()
    except OSError as exc:
        if exc.errno not in _WRITE_ERRORS:
            raise
        code = code or _output_lost(exc)
    sys.exit(code)


_WRITE_ERRORS = {28, 122, 27, 5, 9}  # ENOSPC, EDQUOT, EFBIG, EIO, EBADF (Linux numbers)


def _output_lost(exc: OSError) -> int:
    """Standard output cannot take what was written: one line, exit 2 (what is still buffered
    is dropped, so that Python's own flush at exit cannot fail again with a traceback)."""
    import contextlib

    _pipe_closed()
    with contextlib.suppress(OSError, ValueError):
        from lawdiff.i18n import _

        said = _("cannot write the output: {error}").format(error=exc.strerror or exc)
        print(_("error: {message}").format(message=said), file=sys.stderr)
    return 2


def _closed_streams_to_devnull() -> None:
    """``lawdiff list >&-``: Python starts with ``sys.stdout = None`` and the first write or isatty
    fails with AttributeError. A closed stream is /dev/null: the command runs, unheard."""
    for fd, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is not None:
            continue
        try:
            os.fstat(fd)
        except OSError:
            nul = os.open(os.devnull, os.O_WRONLY)
            if nul != fd:
                os.dup2(nul, fd)
                os.close(nul)
        setattr(sys, name, open(fd, "w", encoding="utf-8", closefd=False))  # noqa: SIM115


def _early_language(argv: list[str]) -> None:
    """``--lang`` before anything is parsed: ``--help --lang zh`` and usage errors speak it too
    (the option's own callback still checks the value and reports a bad one)."""
    value = lang_option(argv)
    if value is not None:
        from lawdiff.cli.localized import EARLY
        from lawdiff.i18n import set_language

        try:
            set_language(value)
            EARLY.append(value)
        except ValueError:
            pass


def _show_usage_error(exc: Any) -> None:
    from lawdiff.cli.localized import show_usage_error

    show_usage_error(exc)


_STDOUT: list[tuple[int, int] | None] = []


def _fd_identity(fd: int = 1) -> tuple[int, int] | None:
    try:
        st = os.fstat(fd)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _pacified() -> bool:
    """Did typer (PacifyFlushWrapper) or rich (stdout re-pointed to /dev/null) see EPIPE?"""
    from typer._click.utils import PacifyFlushWrapper

    if isinstance(sys.stdout, PacifyFlushWrapper):
        return True
    now = _fd_identity()
    return bool(_STDOUT) and now != _STDOUT[0] and now == _fd_identity_of(os.devnull)


def _fd_identity_of(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _pipe_closed() -> int:
    """The reader went away: discard what is still buffered, exit 0 without a word."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 0
