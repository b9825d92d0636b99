"""Word files as the 国家法律法规数据库 serves them: paragraphs and tables in document order.

``python-docx`` (a core dependency, imported only here) gives the paragraphs and the tables, but
``Document.paragraphs`` loses where the tables stand, so the body is walked element by element.
A line break inside a paragraph (a title over two lines) splits it; a merged table cell is
printed once (its continuation cells are empty), as the page shows it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from lawdiff.errors import InputError
from lawdiff.sources.normalize import grid_row


def docx_lines(path: Path, raw: bytes) -> list[str]:
    """The document's lines; a table row is a ``| a | b |`` line (cells normalised)."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph


    try:
        doc = Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{path}: not a readable .docx ({exc.__class__.__name__})") from None
    out: list[str] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = Paragraph(child, doc).text
            out.extend(text.replace("\v", "\n").split("\n"))
        elif child.tag == qn("w:tbl"):
            out.extend(grid_row(cells) for cells in _rows(Table(child, doc)))
    return out


def _rows(table: object) -> Iterator[list[str]]:
    above: list[object] = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells = []
        seen: list[object] = []
        tcs = []
        for i, cell in enumerate(row.cells):
            tc = cell._tc
            repeat = tc in seen or (i < len(above) and above[i] is tc)
            seen.append(tc)
            tcs.append(tc)
            cells.append("" if repeat else cell.text.replace("\n", ""))
        above = tcs
        yield cells
