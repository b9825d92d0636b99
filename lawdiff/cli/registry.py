"""The typer app: commands are imported only when asked for, so start-up stays cheap."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated

import typer

from lawdiff import __version__


def _new_app() -> typer.Typer:
    return typer.Typer(
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
    """``lawdiff --lang zh CMD``; every invocation starts from the environment's language."""
    from lawdiff.i18n import set_language

    try:
        set_language(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
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
    "blame": ("lawdiff.cli.amend", "blame_cmd"),
    "diff": ("lawdiff.cli.compare", "diff_cmd"),
    "log": ("lawdiff.cli.compare", "log_cmd"),
    "export-git": ("lawdiff.cli.gitexport", "export_git_cmd"),
}


def build_app(only: str | None = None) -> typer.Typer:
    """The typer app with every command, or with just ``only`` (faster start-up)."""
    new = _new_app()
    new.callback()(_main)
    for name, (module, attr) in COMMANDS.items():
        if only is None or name == only:
            new.command(name)(getattr(importlib.import_module(module), attr))
    return new


def command_name(argv: list[str]) -> str | None:
    """The command word of ``lawdiff [--lang X] CMD …`` (None: no command, or options only)."""
    args = iter(argv)
    for arg in args:
        if arg == "--lang":
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


def main() -> None:
    """Console entry point: builds only the command asked for, so start-up stays cheap."""
    name = command_name(sys.argv[1:])
    try:
        build_app(name if name in COMMANDS else None)()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
