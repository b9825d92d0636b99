"""Reading an input file as UTF-8 text: a missing or unreadable file is a one-line input error.

Control characters and terminal escape sequences are removed at read, with a warning; a file
that repeats itself is refused.
"""

from __future__ import annotations

from pathlib import Path

from lawdiff.errors import GazetteError, InputError, SuspiciousInputError, warn
from lawdiff.i18n import _
from lawdiff.structure.checks import repetition, strip_controls


def read_gazette(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(_("{path}: no such file").format(path=path)) from None
    except OSError as exc:
        raise InputError(
            _("{path}: cannot read ({error})").format(path=path, error=exc.strerror or exc.__class__.__name__)
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GazetteError(_("{path}: not UTF-8 text (byte {byte})").format(path=path, byte=exc.start)) from None
    text = without_controls(path, text)
    problem = repetition(text.split("\n"))
    if problem:
        raise SuspiciousInputError(_("{path}: {problem}; nothing was stored").format(path=path, problem=problem))
    return text


def without_controls(path: Path, text: str) -> str:
    """The text without control characters and escape sequences; a warning says how many."""
    cleaned, n, line = strip_controls(text)
    if n:
        warn(_("{path}: removed {n} control character(s) or escape sequence(s), the first on line {line}").format(path=path, n=n, line=line))
    return cleaned
