"""HTML down to the lines a browser shows, for the HTML that Word files carry as an alternative
format chunk (``w:altChunk``: a whole law as an ``.mht`` or ``.html`` part, as converters and
some database exports write it).

Block elements (``p``, ``div``, ``h1``–``h6``, ``li``, ``blockquote``…) end a line and ``<br>`` breaks
one; whitespace inside text collapses to one space, as a browser renders it; ``head``, ``style`` and
``script`` are not shown; a table is ``| a | b |`` rows (a spanned cell once, then empty cells),
a table of one column a frame around paragraphs.  ``lxml`` (already there through python-docx)
parses; the MIME envelope of an ``.mht`` is the standard library's ``email``.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from typing import Any

import regex

from lawdiff.errors import InputError
from lawdiff.i18n import _
from lawdiff.sources.markdown import GLUED_HEADING
from lawdiff.sources.normalize import grid_row

_BLOCK = frozenset(
    ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "ul", "ol", "dl", "blockquote", "pre", "section", "article", "header", "footer", "center", "address", "caption", "figcaption", "figure", "main", "nav", "aside", "hr", "body", "html", "form", "fieldset", "legend"]
)
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_HIDDEN = frozenset(["head", "style", "script", "title", "template", "noscript", "object", "iframe"])
_WS = regex.compile(r"[ \t\r\n\f]+")
_CHARSET = regex.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", regex.IGNORECASE)


def mht_html(blob: bytes, where: str) -> str:
    """The HTML document inside an MHT (MIME ``multipart/related``) archive."""
    msg = email.message_from_bytes(blob, policy=email.policy.compat32)
    for part in msg.walk():
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return decode_html(payload, part.get_content_charset(), where)
    raise InputError(_("{where}: an embedded web archive (.mht) without an HTML page").format(where=where))


def decode_html(blob: bytes, charset: str | None, where: str) -> str:
    declared = charset or (m.group(1).decode("ascii") if (m := _CHARSET.search(blob[:4000])) else None)
    for enc in ([declared] if declared else []) + ["utf-8-sig", "gb18030"]:
        try:
            return blob.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(_("{where}: embedded HTML not readable as {encoding}").format(where=where, encoding=declared or "UTF-8 or GB18030"))


def html_lines(markup: str, where: str) -> list[str]:
    """The page's lines; a table row is a ``| a | b |`` line."""
    from lxml import etree, html

    if not markup.strip():
        return []
    try:
        root = html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(_("{where}: embedded HTML not readable ({error})").format(where=where, error=exc.__class__.__name__)) from None
    return list(_Lines().run(root))


class _Lines:
    def __init__(self) -> None:
        self.buf: list[str] = []
        self.out: list[str] = []

    def run(self, root: Any) -> Iterator[str]:
        self._walk(root)
        self._flush()
        yield from self.out

    def _flush(self) -> None:
        text = "".join(self.buf)
        self.buf.clear()
        self.out.extend(part for part in text.split("\n") if part.strip(" \u3000\u00a0"))

    def _walk(self, el: Any) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if tag is None or tag in _HIDDEN:  # a comment, a processing instruction, the head
            pass
        elif tag == "br":
            self.buf.append("\n")
        elif tag == "table":
            self._flush()
            self._table(el)
        elif tag == "pre":
            self._flush()
            self.buf.append(el.text_content())
            self._flush()
        else:
            block = tag in _BLOCK
            if block:
                self._flush()
            start = len(self.out)
            if el.text:
                self.buf.append(_WS.sub(" ", el.text))
            for child in el:
                self._walk(child)
            if block:
                self._flush()
            if tag in _HEADINGS:  # <h4>第二节妨害公共安全的行为和处罚</h4>: the label's separator
                self.out[start:] = [GLUED_HEADING.sub("\\1\u3000", ln.strip()) for ln in self.out[start:]]
        if el.tail:
            self.buf.append(_WS.sub(" ", el.tail))

    def _table(self, table: Any) -> None:
        rows = [tr for tr in table.iter("tr") if _owner(tr) is table]
        grid = []
        for tr in rows:
            cells: list[str] = []
            for cell in tr:
                if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                    continue
                text = _WS.sub(" ", cell.text_content()).strip()
                span = cell.get("colspan") or "1"
                cells += [text] + [""] * (int(span) - 1 if span.isdigit() and int(span) > 1 else 0)
            grid.append(cells)
        if grid and all(len(cells) <= 1 for cells in grid):  # one column: a frame around text
            for tr in rows:
                for cell in tr:
                    if isinstance(cell.tag, str):
                        self._walk_children(cell)
                        self._flush()
            return
        self.out.extend(grid_row(cells) for cells in grid if cells)

    def _walk_children(self, el: Any) -> None:
        if el.text:
            self.buf.append(_WS.sub(" ", el.text))
        for child in el:
            self._walk(child)


def _owner(tr: Any) -> Any:
    """The table a row belongs to (not a table nested in one of its cells)."""
    p = tr.getparent()
    while p is not None and (not isinstance(p.tag, str) or p.tag.lower() != "table"):
        p = p.getparent()
    return p
