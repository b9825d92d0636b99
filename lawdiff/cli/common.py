"""What every command shares: error handling, the corpus option, dates, formats, stdout."""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from lawdiff.errors import LawdiffError
from lawdiff.i18n import _

F = TypeVar("F", bound=Callable[..., Any])

CorpusOpt = Annotated[
    Path | None,
    typer.Option(
        "--corpus", help="Corpus directory (default: $LAWDIFF_CORPUS, else the shipped corpus)."
    ),
]


def _lang(value: str | None) -> str | None:
    """``--lang`` on a command: the language for everything it prints (eager: before the rest)."""
    if value is not None:
        from lawdiff.i18n import set_language

        try:
            set_language(value)
        except ValueError:
            raise bad_language(value) from None
    return value


def bad_language(value: str | None) -> typer.BadParameter:
    from lawdiff.i18n import LANGUAGES

    return typer.BadParameter(
        _("unknown language {value!r} (choose from {choices})").format(
            value=value, choices=", ".join(LANGUAGES)
        )
    )


LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        callback=_lang,
        is_eager=True,
        metavar="zh|en",
        help="Language of headers, status words and messages "
        "(default: $LAWDIFF_LANG, else the locale, e.g. LANG=zh_CN.UTF-8).",
    ),
]


def complete_law(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of a law argument from the corpus that ``--corpus`` names (or the
    default one): the ids that start with what was typed, else the full titles that do (a
    title names a law as well as its id; shells keep only candidates with the typed prefix)."""
    from lawdiff.corpus.reader import Corpus

    try:
        entries = Corpus(ctx.params.get("corpus")).index()
    except Exception:  # completion never prints a traceback into the shell
        return []
    ids = [(e.id, e.title) for e in entries if e.id.startswith(incomplete)]
    return ids or [(e.title, e.id) for e in entries if e.title.startswith(incomplete)]


def handles_errors(func: F) -> F:
    """Expected errors become one stderr line and an exit code, in tests and real runs alike."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            _check_text_arguments([*args, *kwargs.values()])
            return _with_index_fallback(func, args, kwargs)
        except LawdiffError as exc:
            message = " ⏎ ".join(str(exc).splitlines())  # one line, whatever the input held
            typer.echo(sanitize(_("error: {message}").format(message=message)), err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo(_("interrupted"), err=True)
            raise typer.Exit(130) from None
        finally:  # a command's shared corpus locks end with it (in tests too: same process)
            import sys

            txn = sys.modules.get("lawdiff.corpus.txn")
            if txn is not None:
                txn.release_reader()

    return wrapper  # type: ignore[return-value]


OUTPUT_STARTED: list[bool] = []  # set once a command has written to stdout


def _check_text_arguments(values: list[Any]) -> None:
    """A law name, phrase, date … in bytes that are not UTF-8 (Python keeps them as lone
    surrogates) names nothing in a corpus and cannot even be looked up (SQLite refuses to encode
    it): one line, exit 2. File paths (``Path``) may hold such bytes and are left alone."""
    from lawdiff.errors import InputError

    for value in values:
        if isinstance(value, str) and _SURROGATE.search(value):
            raise InputError(_("an argument is not UTF-8 text: {arg}").format(arg=sanitize(value)))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _with_index_fallback(func: Callable[..., Any], args: Any, kwargs: Any) -> Any:
    """Run the command; if the derived index (``corpus/cache.py``) turns out damaged while in use
    (SQLite finds a malformed page, a row does not decode, the cache's disk fails), remove it and
    run the command once more with the index in memory: the files are the truth, the index only
    spares reading them. If output had already begun, a second run would print it twice: then
    the damage is one line and exit 2 (the index is gone; the next command rebuilds it)."""
    cache = sys.modules.get("lawdiff.corpus.cache")
    if cache is not None:  # in-process callers (tests) run many commands: each starts afresh
        cache._OPENED.clear()
        cache._MEMORY_ONLY.clear()
    OUTPUT_STARTED.clear()
    try:
        return func(*args, **kwargs)
    except Exception as exc:
        cache = sys.modules.get("lawdiff.corpus.cache")
        if cache is None or not cache.is_index_failure(exc):
            raise
        first = exc
    from lawdiff.errors import InputError

    removed = cache.discard_damaged(first)
    where = ", ".join(str(p) for p in removed) or str(cache.cache_dir())
    failed = _("the derived index ({where}) failed: {reason}; it was removed, run the command again")
    if OUTPUT_STARTED:
        raise InputError(failed.format(where=where, reason=first))
    if removed:
        note = _("note: the derived index ({where}) failed ({reason}): removed; this command reads the files")
    else:  # a full disk, an I/O error: the file is sound, it just cannot be written now
        note = _("note: the derived index ({where}) cannot be written ({reason}); this command reads the files")
    typer.echo(sanitize(note.format(where=where, reason=first)), err=True)
    txn = sys.modules.get("lawdiff.corpus.txn")
    if txn is not None:
        txn.release_reader()
    try:
        return func(*args, **kwargs)
    except Exception as exc:
        if not cache.is_index_failure(exc):
            raise
        raise InputError(failed.format(where=where, reason=exc)) from None
    finally:
        cache._MEMORY_ONLY.clear()


def corpus_of(path: Path | None) -> Any:
    from lawdiff.corpus.reader import Corpus

    return Corpus(path)


def date_opt(value: str | None) -> date | None:
    if value is None:
        return None
    from lawdiff.structure.dates import parse_iso

    return parse_iso(value)


# C0 controls but tab and newline, DEL, C1 controls: never sent to a terminal as they are
_CONTROL = {c: f"\\u{c:04x}" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))}


# and lone surrogates: the bytes of an argument or a file name that are not UTF-8 (Python's
# surrogateescape), which no terminal or pipe in UTF-8 can be sent
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def sanitize(text: str) -> str:
    """Control characters as visible ``\\u001b`` escapes (also valid inside JSON strings).

    Found by a regular expression first: ``str.translate`` looks every character up, 0.16 s for
    the 2.4 MB of ``list --format json`` at 10,000 laws; the search is 2 ms.
    """
    if not _CONTROL_RE.search(text):
        return text
    return _CONTROL_RE.sub(lambda m: _CONTROL.get(ord(m[0])) or f"\\x{ord(m[0]) - 0xDC00:02x}", text)


def out(text: str) -> None:
    if text:
        OUTPUT_STARTED.append(True)
    sys.stdout.write(sanitize(text))


def check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        from lawdiff.errors import InputError

        raise InputError(
            _("unknown format {fmt!r} (choose from {choices})").format(
                fmt=fmt, choices=", ".join(allowed)
            )
        )
