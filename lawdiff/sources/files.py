"""Reading an input file as UTF-8 text: a missing or unreadable file is a one-line input error."""

from __future__ import annotations

from pathlib import Path

from lawdiff.errors import GazetteError, InputError


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
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GazetteError(f"{path}: not UTF-8 text (byte {exc.start})") from None
