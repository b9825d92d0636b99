"""Readers of consolidated law texts behind one interface: a path in, a ``SourceText`` out.

| format | files | what the reader does before the shared layout rules (``layout.py``) |
|---|---|---|
| ``text`` | .txt | the 国家法律法规数据库 plain text and plain copies from any database: one paragraph per line, tab-separated rows are table rows |
| ``docx`` | .docx | the database's Word downloads: paragraphs and tables in document order, line breaks inside a paragraph split it |
| ``markdown`` | .md | the LawRefBook layout: ``# 标题`` (a second ``#`` line is a subtitle), one history line per event, ``<!-- INFO END -->``, ``#`` headings, blank lines between paragraphs |
| ``gazette`` | .txt | a gazette extracted from PDF (running headers ``…公报２０２４•２``): read by ``clean``/``gazette`` and stored by ingest |

Every line goes through ``normalize.normalize`` (the one normalisation) before the layout rules.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import regex

from lawdiff.errors import InputError
from lawdiff.sources.layout import finish_body, split_parts
from lawdiff.sources.normalize import grid_row, is_blank, normalize
from lawdiff.structure.lines import is_history_note

SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".docx": "docx"}
GAZETTE_HEADER = regex.compile(r"常务委员会公报[０-９0-9]{4}.[０-９0-9]+", regex.MULTILINE)


class SourceText(NamedTuple):
    """One consolidated text as read from a file, before it is parsed into structure."""

    path: Path
    format: str  # text | docx | markdown
    title: str
    note: str | None  # the 题注, one line
    body: tuple[str, ...]  # normalised lines: headings, articles, paragraphs, annex lines, | rows |
    front: tuple[str, ...]  # lines before the title (a promulgation order, metadata)
    sha256: str  # of the file's bytes
    size: int


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc.__class__.__name__})") from None


def decode(path: Path, raw: bytes) -> str:
    """UTF-8 (with or without BOM); GB18030 as older Chinese exports are; anything else refused."""
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "gb18030" and not regex.search(r"\p{Han}", text):
            break
        from lawdiff.sources.files import without_controls

        return without_controls(path, text)
    raise InputError(f"{path}: not text in UTF-8 or GB18030")


def detect(path: Path, raw: bytes) -> str:
    """text | markdown | docx | gazette (an unknown suffix is read as text)."""
    fmt = SUFFIXES.get(path.suffix.lower(), "text")
    if fmt == "text" and GAZETTE_HEADER.search(raw[:200_000].decode("utf-8", "ignore")):
        return "gazette"
    return fmt


def read_source(path: Path, raw: bytes | None = None) -> SourceText:
    raw = read_bytes(path) if raw is None else raw
    fmt = detect(path, raw)
    if fmt == "docx":
        from lawdiff.sources.docxfile import docx_lines

        lines = normalised(docx_lines(path, raw))
        parts = split_parts(lines)
    elif fmt == "markdown":
        return _markdown(path, raw)
    elif fmt == "text":
        parts = split_parts(normalised(text_lines(decode(path, raw))))
    else:
        raise InputError(f"{path}: a gazette is read by ingest, not as one text")
    return SourceText(path, fmt, parts.title, parts.note, parts.body, parts.front,
                      hashlib.sha256(raw).hexdigest(), len(raw))  # fmt: skip


def read_sources(path: Path, raw: bytes | None = None, corrections: object = None) -> list[SourceText]:
    """Every consolidated text a file holds: one for a text file, the regulations printed in a
    gazette (cleaned and split by ``clean``/``gazette``, with the curated ``corrections``).
    Import stores a gazette through ingest, which also reads its decisions, announcements and
    reports; this is the same reading of its law texts, for whoever wants just those."""
    raw = read_bytes(path) if raw is None else raw
    if detect(path, raw) != "gazette":
        return [read_source(path, raw)]
    from lawdiff.sources.clean import clean
    from lawdiff.sources.gazette import split

    sha = hashlib.sha256(raw).hexdigest()
    docs = split(clean(decode(path, raw), corrections))  # type: ignore[arg-type]
    return [
        SourceText(path, "gazette", d.title, d.note, tuple(d.body_text), (), sha, len(raw))
        for d in docs
        if d.kind == "regulation"
    ]


def text_lines(text: str) -> list[str]:
    """Physical lines; a line of tab-separated cells becomes a ``| a | b |`` table row."""
    out = []
    for line in text.splitlines():
        cells = line.split("\t")
        if len(cells) > 1 and sum(1 for c in cells if c.strip()) >= 2:
            out.append(grid_row(cells))
        else:
            out.append(line)
    return out


def normalised(lines: Iterable[str]) -> list[str]:
    out = []
    for line in lines:
        if is_blank(line):
            continue
        out.append(line if line.startswith("| ") and line.endswith(" |") else normalize(line))
    return [ln for ln in out if ln]


# ---------------------------------------------------------------- Markdown (LawRefBook)

_HISTORY_LINE = regex.compile(r"^\s*(?:[0-9]{4}年|[0-9]{4}[-.][0-9]{1,2})")
_TABLE_RULE = regex.compile(r"^\|?\s*:?-{2,}")
_GLUED_HEADING = regex.compile(r"^(第[零一二三四五六七八九十百千]+(?:编|分编|章|节))(?=[^\s\u3000])")


def _markdown(path: Path, raw: bytes) -> SourceText:
    text = decode(path, raw)
    head, marker, body = text.partition("<!-- INFO END -->")
    if not marker:
        head, body = "", text
    titles: list[str] = []
    history: list[str] = []
    for line in head.splitlines():
        s = line.strip()
        if s.startswith("# "):
            titles.append(s[2:].strip())
        elif _HISTORY_LINE.match(s):
            history.append(normalize(s.rstrip("）)")))
    lines: list[str] = []
    for line in body.splitlines():
        s = line.strip()
        if s.startswith("<!--") or _TABLE_RULE.match(s):
            continue
        if s.startswith("#"):
            s = _GLUED_HEADING.sub("\\1\u3000", s.lstrip("#").strip())
            if not titles and line.startswith("# "):
                titles.append(s)
                continue
        lines.append(s)
    lines = normalised(lines)
    if not titles:
        parts = split_parts(lines)
        title, note, body_lines, front = parts.title, parts.note, parts.body, parts.front
    else:
        title = normalize(titles[0])
        note = "（" + "\u3000".join(history) + "）" if history else None
        if note is None and lines and is_history_note(lines[0]):
            note, lines = lines[0], lines[1:]
        sub = [normalize(t) for t in titles[1:2]]
        body_lines, front = tuple(finish_body([*sub, *lines])), ()
    return SourceText(path, "markdown", title, note, tuple(body_lines), tuple(front),
                      hashlib.sha256(raw).hexdigest(), len(raw))  # fmt: skip
