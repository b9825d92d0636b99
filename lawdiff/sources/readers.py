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
from lawdiff.i18n import N_, _, translate
from lawdiff.sources.body import TOC, is_heading_like
from lawdiff.sources.layout import _title_like, split_parts
from lawdiff.sources.metadata import Meta, date_in, read_meta
from lawdiff.sources.normalize import grid_row, is_blank, normalize, tab_row
from lawdiff.structure.lines import ARTICLE, numbered_heading

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
    meta: Meta = Meta()  # what the source says about the text (dates, issuer, status)
    version: str = ""  # 修正 / 修订 when the title carried a version suffix （2023修正）


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(_("{path}: no such file").format(path=path)) from None
    except OSError as exc:
        raise InputError(_("{path}: cannot read ({error})").format(path=path, error=exc.strerror or exc.__class__.__name__)) from None


def decode(path: Path, raw: bytes) -> str:
    """UTF-8 (with or without BOM); UTF-16 as Windows Notepad saves "Unicode" (with its BOM, or
    recognisable by the zero bytes of its ASCII); GB18030 as older Chinese exports are; anything
    else refused."""
    try:
        utf16 = _utf16(raw)
    except InputError as exc:
        raise InputError(_("{path}: {exc}").format(path=path, exc=exc)) from None
    if utf16:
        try:
            text = raw.decode(utf16)
        except UnicodeDecodeError:
            raise InputError(_("{path}: not readable as {encoding} text").format(path=path, encoding=utf16.upper())) from None
        from lawdiff.sources.files import without_controls

        return without_controls(path, text.lstrip("\ufeff"))
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "gb18030" and not regex.search(r"\p{Han}", text):
            break
        from lawdiff.sources.files import without_controls

        return without_controls(path, text)
    raise InputError(_("{path}: not text in UTF-8 or GB18030").format(path=path))


def _utf16(raw: bytes) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = raw[:4000]
    if len(head) >= 8 and head.count(b"\x00") > len(head) // 4:
        enc = "utf-16-le" if head[1::2].count(b"\x00") > head[::2].count(b"\x00") else "utf-16-be"
        sample = head[: len(head) // 2 * 2].decode(enc, "replace")
        readable = sum(1 for ch in sample if ch.isprintable() or ch in "\r\n\t")
        if readable < 0.95 * len(sample):
            raise InputError(_('a binary file, not text'))
        return enc
    return None


_NOT_TEXT = (
    (b"\xd0\xcf\x11\xe0", N_("a Word 97-2003 (.doc) or WPS file: save it as .docx or text")),
    (b"%PDF", N_("a PDF: extract its text first (pdftotext -layout), or use the .docx or text download")),
    (b"{\\rtf", N_("an RTF file: save it as .docx or text")),
)


def detect(path: Path, raw: bytes) -> str:
    """text | markdown | docx | gazette (an unknown suffix is read as text); a file of another
    kind (Word 97-2003, PDF, RTF, HTML, an archive) is refused with what to do instead."""
    for magic, what in _NOT_TEXT:
        if raw.startswith(magic):
            raise InputError(_("{path}: {what}").format(path=path, what=translate(what)))
    if raw.startswith(b"PK\x03\x04"):
        if b"word/document.xml" in raw[:200_000] or path.suffix.lower() == ".docx":
            return "docx"
        raise InputError(_("{path}: a ZIP archive, not a .docx: unpack it and import its files").format(path=path))
    if path.suffix.lower() in (".html", ".htm") or raw[:2000].lstrip().lower().startswith((b"<!doctype html", b"<html")):
        raise InputError(_("{path}: an HTML page: save its text (or the database's .docx) and import that").format(path=path))
    fmt = SUFFIXES.get(path.suffix.lower(), "text")
    if fmt == "text" and GAZETTE_HEADER.search(raw[:200_000].decode("utf-8", "ignore")):
        return "gazette"
    return fmt


def read_source(path: Path, raw: bytes | None = None) -> SourceText:
    """The text a file holds; a refusal of its content names the file (an import of a folder
    refuses one file of many)."""
    from lawdiff.errors import SuspiciousInputError

    try:
        return _read_source(path, raw)
    except SuspiciousInputError as exc:
        if str(path) in str(exc):
            raise
        raise SuspiciousInputError(f"{path}: {exc}") from None


def _read_source(path: Path, raw: bytes | None = None) -> SourceText:
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
        raise InputError(_("{path}: a gazette is read by ingest, not as one text").format(path=path))
    meta = read_meta([*parts.front, *parts.meta])
    return SourceText(path, fmt, parts.title, parts.note, parts.body, parts.front,
                      hashlib.sha256(raw).hexdigest(), len(raw), meta, parts.version)  # fmt: skip


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
        cells = tab_row(line) if "\t" in line else None
        out.append(grid_row(cells) if cells else line)
    return out


def normalised(lines: Iterable[str]) -> list[str]:
    out = []
    for line in lines:
        if is_blank(line):
            continue
        out.append(line if line.startswith("| ") and line.endswith(" |") else normalize(line))
    return [ln for ln in out if ln]


# ---------------------------------------------------------------- Markdown


def _markdown(path: Path, raw: bytes) -> SourceText:
    from lawdiff.sources.markdown import read_markdown

    doc = read_markdown(decode(path, raw))
    titles = normalised(doc.head_titles)  # LawRefBook: # 标题 (and a subtitle), one event a line
    history: list[str] = []
    dated = None
    for line in normalised(doc.head):
        if _BARE_DATE.match(line):
            dated = date_in(line)  # a date alone: the collection's publication date
        elif _HISTORY_LINE.match(line):
            history.append(line.rstrip("）)"))
    lines = normalised(doc.lines)
    if not titles:  # the document's own # title, else its front matter's, else its first heading
        front_title = normalize(str(doc.front.get("title") or doc.front.get("标题") or ""))
        titles = (
            _heading_titles(doc, doc.top)
            or ([front_title] if _title_like(front_title) else [])
            or _heading_titles(doc, doc.headings)
        )
    title = titles[0] if titles and titles[0] else None
    parts = split_parts(lines, history=history, title=title)
    body = parts.body
    if title and len(titles) > 1 and doc.head_titles:  # 民法典 物权编: the 编 as a subtitle line
        body = (titles[1], *body)
    meta = read_meta([*parts.front, *parts.meta], doc.front, dated)
    return SourceText(path, "markdown", parts.title, parts.note, tuple(body), parts.front,
                      hashlib.sha256(raw).hexdigest(), len(raw), meta, parts.version)  # fmt: skip


_HISTORY_LINE = regex.compile(r"^(?:[0-9]{4}年|[0-9]{4}[-.][0-9]{1,2})")
_BARE_DATE = regex.compile(r"^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日$|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$")


def _heading_titles(doc: object, marked: tuple[int, ...]) -> list[str]:
    """The first line written as a heading (of those ``marked``), before any article, when it
    reads as a title (not a 目录, 一、… group, 附则 or 序言)."""
    for i in marked:
        if i >= len(doc.lines) or i > 60:  # type: ignore[attr-defined]
            break
        line = normalize(doc.lines[i])  # type: ignore[attr-defined]
        if ARTICLE.match(line) or numbered_heading(line):
            break
        if _title_like(line) and not TOC.match(line) and not is_heading_like(line):
            return [line]
    return []
