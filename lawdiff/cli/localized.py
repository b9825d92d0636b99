"""``--help`` and usage errors in the interface language.

typer 0.28 vendors click without its gettext calls, and typer's own fixed strings (panel titles,
``[default: …]``, ``Try '…' for help.``) are module constants of ``typer.rich_utils``, read when the
help or an error is drawn. So lawdiff's catalogue speaks for all of them:

* command and option help: the English texts are the msgids (the catalogue tool reads the
  ``help=`` literals and the ``*_cmd`` docstrings of ``lawdiff/cli``), translated when the help is
  drawn (``Command`` / ``Group``, the classes every command is built with);
* typer's constants: set to the interface language while help or an error is drawn, then restored
  (``typer_speaks``);
* click's usage errors (Missing argument, No such option, No such command …): said again from the
  exception's fields (``usage_message``).

English draws exactly what typer draws; nothing here is imported for a command that runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from typer.core import TyperCommand, TyperGroup

from lawdiff.i18n import N_, _, language, translate

# typer.rich_utils constant -> its English text (the msgid)
TYPER_WORDS = {
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "ERRORS_PANEL_TITLE": N_("Error"),
    "DEFAULT_STRING": N_("[default: {}]"),
    "ENVVAR_STRING": N_("[env var: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
    "DEPRECATED_STRING": N_("(deprecated) "),
    "ABORTED_TEXT": N_("Aborted."),
    "RICH_HELP": N_("Try [blue]'{command_path} {help_option}'[/] for help."),
}
# help texts typer and click give their own options
N_("Show this message and exit.")
N_("Install completion for the current shell.")
N_("Show completion for the current shell, to copy it or customize the installation.")


def _english() -> bool:
    return language() == "en"


@contextmanager
def typer_speaks() -> Iterator[None]:
    """typer's fixed strings in the interface language for the time of the block."""
    if _english():
        yield
        return
    from typer import rich_utils

    saved = {k: getattr(rich_utils, k) for k in TYPER_WORDS if hasattr(rich_utils, k)}
    for k in saved:
        setattr(rich_utils, k, translate(TYPER_WORDS[k]))
    make = getattr(rich_utils, "_make_rich_text", None)
    if make is not None:  # Chinese has no spaces to wrap at: fold at characters, never cut "…"
        saved["_make_rich_text"] = make
        rich_utils._make_rich_text = lambda **kw: _folding(make(**kw))
    try:
        yield
    finally:
        for k, v in saved.items():
            setattr(rich_utils, k, v)


def _folding(text: Any) -> Any:
    if hasattr(text, "overflow"):
        text.overflow = "fold"
    return text


def _localize(command: Any, ctx: Any) -> None:
    """The command's help and its parameters' help in the interface language (in place: the
    command objects are built anew for every invocation)."""
    if command.help:
        command.help = translate(command.help)
    if command.short_help:
        command.short_help = translate(command.short_help)
    for param in [*command.params, command.get_help_option(ctx)]:
        if param is not None and getattr(param, "help", None):
            param.help = translate(param.help)


def _usage(command: Any, ctx: Any, formatter: Any) -> None:
    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage: "))


class Command(TyperCommand):
    """A lawdiff command: its help in the interface language."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _usage(self, ctx, formatter)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        if not _english():
            _localize(self, ctx)
        with typer_speaks():
            super().format_help(ctx, formatter)


EARLY: list[str] = []  # the --lang value main() found on the command line before parsing


class Group(TyperGroup):
    """The ``lawdiff`` group: its help, and its list of commands, in the interface language.

    Every invocation starts from the environment's language (or the ``--lang`` main() found):
    a test process runs many."""

    def make_context(self, info_name: Any, args: Any, parent: Any = None, **extra: Any) -> Any:
        from lawdiff.i18n import set_language

        set_language(EARLY[0] if EARLY else None)
        return super().make_context(info_name, args, parent, **extra)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _usage(self, ctx, formatter)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        if not _english():
            _localize(self, ctx)
            for name in self.list_commands(ctx):
                sub = self.get_command(ctx, name)
                if sub is not None and sub.help:
                    sub.help = translate(sub.help)
        with typer_speaks():
            super().format_help(ctx, formatter)


def _hint(exc: Any) -> str:
    hint = exc.param_hint
    if hint is None and exc.param is not None:
        hint = exc.param.get_error_hint(exc.ctx)
    if hint is not None and not isinstance(hint, str):
        hint = " / ".join(repr(x) for x in hint)
    return hint or ""


_EXTRA = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)$")
_NO_COMMAND = re.compile(r"No such command '(.*)'\.$")
_NEEDS_VALUE = re.compile(r"Option '(.*)' requires (an argument|\d+ arguments)\.$")
_NO_VALUE = re.compile(r"Option '(.*)' does not take a value\.$")


def usage_message(exc: Any) -> str:
    """A click usage error in the interface language (its English text when English)."""
    from typer._click import exceptions as click

    english = exc.format_message()
    if _english():
        return english  # type: ignore[no-any-return]
    if isinstance(exc, click.MissingParameter):
        kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else None)
        said = {"argument": _("Missing argument {name}."), "option": _("Missing option {name}.")}
        return said.get(kind, _("Missing parameter {name}.")).format(name=_hint(exc))
    if isinstance(exc, click.BadParameter):
        return _("Invalid value for {name}: {message}").format(name=_hint(exc), message=exc.message)
    if isinstance(exc, click.NoSuchOption):
        said = _("No such option: {option}").format(option=exc.option_name)
        if exc.possibilities:
            said += _(" (Possible options: {options})").format(
                options=", ".join(sorted(exc.possibilities))
            )
        return said
    for pattern, message in (
        (_EXTRA, _("Got unexpected extra arguments ({arguments})")),
        (_NO_COMMAND, _("No such command '{arguments}'.")),
        (_NEEDS_VALUE, _("Option '{arguments}' requires a value.")),
        (_NO_VALUE, _("Option '{arguments}' does not take a value.")),
    ):
        m = pattern.match(english)
        if m:
            return message.format(arguments=m.group(1))
    if english == "Missing command.":
        return _("Missing command.")
    return english  # type: ignore[no-any-return]


def show_usage_error(exc: Any) -> None:
    """The usage line, the hint and the error, as typer draws them, in the interface language."""
    said = usage_message(exc)
    exc.format_message = lambda: said  # this exception only
    try:
        from typer import rich_utils

        with typer_speaks():
            rich_utils.rich_format_error(exc)
    except (ImportError, AttributeError):  # pragma: no cover - typer without rich
        exc.show()
