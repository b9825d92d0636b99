"""Reading an input file as UTF-8 text: a missing or unreadable file is a one-line input error.

Control characters and terminal escape sequences are removed at read, with a warning; a file
that repeats itself is refused.
"""

from __future__ import annotations

from pathlib import Path

from lawdiff.errors import GazetteError, InputError, SuspiciousInputError, warn
from lawdiff.structure.checks import repetition, strip_controls


def read_gazette(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(
            f"{path}: cannot read ({exc.strerror or exc.__class__.__name__})"
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GazetteError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    text = without_controls(path, text)
    problem = repetition(text.split("\n"))
    if problem:
        raise SuspiciousInputError(f"{path}: {problem}; nothing was stored")
    return text


def without_controls(path: Path, text: str) -> str:
    """The text without control characters and escape sequences; a warning says how many."""
    cleaned, n, line = strip_controls(text)
    if n:
        warn(f"{path}: removed {n} control character(s) or escape sequence(s), the first on line {line}")
    return cleaned
