"""Word documents (python-docx): the 新旧对照表 of a comparison and a consolidated text.

Chinese needs its fonts named for the East Asian slot of every run (``w:rFonts w:eastAsia``),
not only the Latin one, and the theme fonts of the default template (Japanese for East Asian
text) must be taken out of the document defaults and the styles that name them.  The fonts are
宋体 for text and 黑体 for headings, named ``SimSun`` and ``SimHei``: Word knows both names (it
shows 宋体/黑体), and LibreOffice on Linux substitutes them through fontconfig with the serif and
sans Noto CJK SC faces (fonts-noto-cjk) — the Chinese names would fall back to a sans face.
The language is zh-CN throughout (also the theme's East Asian language, ja-JP in the template).

Changes: deleted characters are struck through and red, inserted ones underlined, bold and blue,
so they read without colour too.  Files are written atomically (a temporary file in the target
directory, then ``os.replace``); ``*_bytes`` variants return the document instead.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor

from lawdiff.compare.comparison import DELETE, INSERT, Comparison, Pair, SideLine
from lawdiff.export import words
from lawdiff.export.html import instructions_text, rev_caption, summary_text

TEXT_FONT = "SimSun"  # 宋体, by its English name: see the module docstring
HEADING_FONT = "SimHei"  # 黑体
LATIN_FONT = "Times New Roman"
LANG = "zh-CN"
BODY_PT = 10.5  # 五号
DELETED = RGBColor(0xC0, 0x00, 0x00)
INSERTED = RGBColor(0x00, 0x33, 0x99)
DIM = RGBColor(0x66, 0x66, 0x66)
NOTE = RGBColor(0x55, 0x55, 0x55)

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


# ---------------------------------------------------------------- fonts and language


def set_fonts(rpr: Any, east_asia: str = TEXT_FONT, latin: str = LATIN_FONT) -> None:
    """Name the fonts of an ``w:rPr`` for every script slot; drop theme-font references."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")  # “”…—· take the Chinese font


def set_lang(rpr: Any) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANG)
    lang.set(qn("w:eastAsia"), LANG)


def _style_fonts(style: Any, east_asia: str, *, size: float | None = None) -> None:
    rpr = style.element.get_or_add_rPr()
    set_fonts(rpr, east_asia)
    color = rpr.find(qn("w:color"))
    if color is not None:
        rpr.remove(color)
    style.font.color.rgb = RGBColor(0, 0, 0)
    if size is not None:
        style.font.size = Pt(size)


def _new_document(title: str, *, landscape: bool = False) -> Any:
    doc = Document()
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(defaults)
    set_lang(defaults)
    theme_lang = doc.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), LANG)
    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    _style_fonts(normal, TEXT_FONT, size=BODY_PT)
    set_lang(normal.element.get_or_add_rPr())
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(2)
    pf.line_spacing = 1.2
    for name, size in (
        ("Title", 18.0),
        ("Heading 1", 14.0),
        ("Heading 2", 13.0),
        ("Heading 3", 12.0),
        ("Heading 4", 12.0),
    ):
        st = doc.styles[name]
        _style_fonts(st, HEADING_FONT, size=size)
        st.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        st.paragraph_format.space_before = Pt(12 if name != "Title" else 0)
        st.paragraph_format.space_after = Pt(6)
        bdr = st.element.get_or_add_pPr().find(qn("w:pBdr"))
        if bdr is not None:  # the template's Title has a blue rule under it
            bdr.getparent().remove(bdr)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    props = doc.core_properties
    props.title = title
    props.language = LANG
    props.author = "lawdiff"
    return doc


def _indent_two_chars(paragraph: Any) -> None:
    """First-line indent of two characters (Word: ``firstLineChars``; others: points)."""
    paragraph.paragraph_format.first_line_indent = Pt(2 * BODY_PT)
    ind = paragraph._p.get_or_add_pPr().find(qn("w:ind"))
    if ind is not None:
        ind.set(qn("w:firstLineChars"), "200")


def _run(paragraph: Any, text: str, **style: Any) -> Any:
    run = paragraph.add_run(text)
    font = run.font
    if style.get("bold"):
        font.bold = True
    if style.get("strike"):
        font.strike = True
    if style.get("underline"):
        font.underline = True
    if style.get("color") is not None:
        font.color.rgb = style["color"]
    if style.get("size") is not None:
        font.size = Pt(style["size"])
    if style.get("east_asia"):
        set_fonts(run._element.get_or_add_rPr(), style["east_asia"])
    return run


def _save(doc: Any, path: str | os.PathLike[str]) -> Path:
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    os.close(fd)
    try:
        doc.save(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _bytes(doc: Any) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------- tables


def _fixed_table(doc: Any, widths: Sequence[Emu], rows: int = 1) -> Any:
    table = doc.add_table(rows=rows, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tblpr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    for col, w in zip(table.columns, widths, strict=True):
        col.width = w
    return table


def _size_row(row: Any, widths: Sequence[Emu]) -> None:
    for cell, w in zip(row.cells, widths, strict=True):
        cell.width = w


def _repeat_header(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _shade(cell: Any, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _header_cell(cell: Any, text: str) -> None:
    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, text, bold=True, east_asia=HEADING_FONT)
    _shade(cell, "F0F0F0")


# ---------------------------------------------------------------- 新旧对照表


def _side(cell: Any, lines: list[SideLine], dim: bool, whole: bool) -> None:
    """One side of a pair; ``whole``: the article is new or deleted as a whole (no bold)."""
    first = True
    for line in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        _indent_two_chars(p)
        base = {"color": DIM} if dim else {}
        if line.first:
            _run(p, line.article.label, bold=True, **base)
            _run(p, "\u3000", **base)
        for seg in line.segments:
            if seg.op == DELETE:
                _run(p, seg.text, strike=True, color=DELETED)
            elif seg.op == INSERT:
                _run(p, seg.text, underline=True, bold=not whole, color=INSERTED)
            else:
                _run(p, seg.text, **base)


def _badge(cell: Any, pair: Pair) -> None:
    word = words.relation(pair.relation, "zh")
    instr = instructions_text(pair)
    p = cell.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(p, f"〔{word}{' · ' + instr if instr else ''}〕", size=8, color=NOTE)


def _reasons(cell: Any, pair: Pair) -> None:
    first = True
    for r in pair.reasons:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        _run(p, r.quote, size=9)
        src = f"——《{r.document}》{r.kind}" if r.document else f"——{r.kind}"
        if r.basis:
            src += f"（{r.basis}）"
        _run(cell.add_paragraph(), src, size=8, color=NOTE)


def _comparison_document(cmp: Comparison, reasons: bool) -> Any:
    show_reasons = reasons and any(p.reasons for p in cmp.pairs)
    title = cmp.new_text.title or cmp.law.title
    doc = _new_document(f"{title} 新旧对照表", landscape=show_reasons)
    doc.add_paragraph(title, style="Title")
    sub = doc.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(sub, "新旧对照表", size=14, east_asia=HEADING_FONT)
    revs = doc.add_paragraph()
    revs.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(
        revs,
        f"修改前 {rev_caption(cmp.old_rev, cmp.law)} / 修改后 {rev_caption(cmp.new_rev, cmp.law)}",
        size=9.5,
    )
    note = doc.add_paragraph()
    _run(note, summary_text(cmp), size=9, color=NOTE)
    for cc in cmp.count_checks:
        _run(doc.add_paragraph(), cc.describe(), size=9, color=NOTE)
    legend = doc.add_paragraph()
    _run(legend, "说明：", size=9, color=NOTE)
    _run(legend, "删去的文字", size=9, strike=True, color=DELETED)
    _run(legend, "（删除线）　", size=9, color=NOTE)
    _run(legend, "增加的文字", size=9, underline=True, bold=True, color=INSERTED)
    _run(legend, "（下划线）　未改动的条文以灰色显示。", size=9, color=NOTE)
    section = doc.sections[0]
    usable = section.page_width - section.left_margin - section.right_margin
    if show_reasons:
        side = int(usable * 0.38)
        widths = [Emu(side), Emu(side), Emu(usable - 2 * side)]
    else:
        widths = [Emu(usable // 2), Emu(usable - usable // 2)]
    table = _fixed_table(doc, widths)
    head = table.rows[0]
    _repeat_header(head)
    for cell, text in zip(head.cells, ["修改前", "修改后", "说明"], strict=False):
        _header_cell(cell, text)
    _size_row(head, widths)
    for pair in cmp.pairs:
        row = table.add_row()
        _size_row(row, widths)
        old_cell, new_cell = row.cells[0], row.cells[1]
        dim = not pair.changed
        whole = not (pair.old and pair.new)
        if pair.old:
            _side(old_cell, pair.side("old"), dim, whole)
        if pair.new:
            _side(new_cell, pair.side("new"), dim, whole)
        _badge(new_cell if pair.new else old_cell, pair)
        if show_reasons:
            _reasons(row.cells[2], pair)
    return doc


def comparison_docx(
    cmp: Comparison, path: str | os.PathLike[str], *, reasons: bool = False
) -> Path:
    """Write the 新旧对照表 as a Word document (atomically); returns the path written.

    One table row per pair under a repeated 修改前 | 修改后 header (| 说明, on a landscape page,
    when ``reasons`` and some pair has reasons).
    """
    return _save(_comparison_document(cmp, reasons), path)


def comparison_docx_bytes(cmp: Comparison, *, reasons: bool = False) -> bytes:
    """The 新旧对照表 document as bytes (for stdout or a caller that writes itself)."""
    return _bytes(_comparison_document(cmp, reasons))


# ---------------------------------------------------------------- consolidated text
