"""A revision's consolidated text as a Word document (the helpers and fonts are ``docx.py``'s).

Headings at their own level (编 Heading 1, 分编 Heading 2, 章 … as far as the text has them),
articles with their items and 目, the notes, the annexes with their tables, the derived schedules.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Emu

from lawdiff.export.docx import (
    HEADING_FONT,
    NOTE,
    _bytes,
    _fixed_table,
    _header_cell,
    _indent_two_chars,
    _new_document,
    _repeat_header,
    _run,
    _save,
    _size_row,
)
from lawdiff.export.html import rev_caption
from lawdiff.structure.model import Annex, Article, Grid, Heading, Law, LawText, Revision, Table


def _article(doc: Any, art: Article) -> None:
    for i, para in enumerate(art.paragraphs):
        p = doc.add_paragraph()
        _indent_two_chars(p)
        if i == 0:
            _run(p, art.label, bold=True, east_asia=HEADING_FONT)
            _run(p, "\u3000")
        _run(p, para.body)
        for item in para.items:
            for line in item.lines():  # the item, then its 目
                q = doc.add_paragraph()
                _indent_two_chars(q)
                _run(q, line)


def _annex(doc: Any, annex: Annex) -> None:
    doc.add_paragraph(annex.label, style="Heading 1")
    for part in annex.body:
        if not isinstance(part, Grid):
            _run(doc.add_paragraph(), part)
            continue
        width = max(len(r) for r in part.rows)
        section = doc.sections[0]
        usable = section.page_width - section.left_margin - section.right_margin
        widths = [Emu(usable // width)] * width
        t = _fixed_table(doc, widths)
        for i, row in enumerate(part.rows):
            cells = t.rows[0].cells if i == 0 else t.add_row().cells
            if i:
                _size_row(t.rows[-1], widths)
            for cell, text in zip(cells, (*row, *("",) * (width - len(row))), strict=True):
                if i == 0:
                    _header_cell(cell, text)
                else:
                    cell.paragraphs[0].add_run(text)


def _schedule(doc: Any, table: Table) -> None:
    doc.add_paragraph(f"附件：{table.title}", style="Heading 1")
    section = doc.sections[0]
    usable = section.page_width - section.left_margin - section.right_margin
    n = len(table.columns) + 1
    widths = [Emu(usable // n)] * (n - 1) + [Emu(usable - (n - 1) * (usable // n))]
    t = _fixed_table(doc, widths)
    _repeat_header(t.rows[0])
    for cell, text in zip(t.rows[0].cells, ["税目", *table.columns], strict=True):
        _header_cell(cell, text)
    for name in table.rows:
        row = t.add_row()
        _size_row(row, widths)
        for cell, text in zip(
            row.cells, [name, *((table.get(name, c) or "—") for c in table.columns)], strict=True
        ):
            cell.paragraphs[0].add_run(text)
    if table.partial:
        _run(doc.add_paragraph(), table.note or "其余税目不在语料库中", size=9, color=NOTE)


def _document(law: Law, rev: Revision, text: LawText) -> Any:
    title = text.title or law.title
    doc = _new_document(title)
    doc.add_paragraph(title, style="Title")
    if text.note:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        _run(p, text.note, size=9.5)
    sub = doc.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(sub, f"文本：{rev_caption(rev, law)}", size=9, color=NOTE)
    for line in text.preamble:
        p = doc.add_paragraph()
        _indent_two_chars(p)
        _run(p, line)
    depth = text.depth()  # 编 Heading 1, 分编 Heading 2, 章 … as far as the text has them
    for block in text.blocks:
        if isinstance(block, Heading):
            doc.add_paragraph(block.text, style=f"Heading {min(4, depth[block.level])}")
        else:
            _article(doc, block)
    for note in text.notes:
        _run(doc.add_paragraph(), note, size=9, color=NOTE)
    for annex in text.annexes:
        _annex(doc, annex)
    for table in text.tables:
        _schedule(doc, table)
    return doc


def document_docx(law: Law, rev: Revision, text: LawText, path: str | os.PathLike[str]) -> Path:
    """Write a revision's consolidated text as a Word document (atomically); returns the path."""
    return _save(_document(law, rev, text), path)


def document_docx_bytes(law: Law, rev: Revision, text: LawText) -> bytes:
    return _bytes(_document(law, rev, text))
