"""Word layouts of the 示范法 (written here with python-docx and raw WordprocessingML): each reads to
the reference text, or is refused with a reason — never read with a label or a line lost."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from lawdiff.errors import InputError
from lawdiff.sources.readers import read_source
from lawdiff.structure.parse import build_text

from . import variant_texts as v
from .import_texts import _TOC, ANNEX, BODY, NOTE, NOTE_LINE, STORED, TABLE
from .test_variants import same_as_reference

W_NS = nsdecls("w")


def _read(doc, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "示范法.docx"
    doc.save(str(path))
    src = read_source(path)
    return build_text(src.title, src.note, src.body, source=str(path))


def _table(doc, rows: list[list[str]]) -> None:  # type: ignore[no-untyped-def]
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell


def _title(doc) -> None:  # type: ignore[no-untyped-def]
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, part in enumerate(["中华人民共和国", "示范", "法"]):
        run = p.add_run(part)
        if i < 2:
            run.add_break()


def test_runs_breaks_indents_split_note_and_empty_paragraphs(tmp_path: Path) -> None:
    """Label and text in separate runs (the label bold), several 款 in one paragraph joined by
    line breaks, first-line indents instead of U+3000, centred headings, empty paragraphs, the
    题注 over three paragraphs, a header and a footer, a footnote reference."""
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "中华人民共和国示范法（页眉）"
    doc.sections[0].footer.paragraphs[0].text = "— 1 —"
    _title(doc)
    cut1, cut2 = NOTE.index("根据"), NOTE.index("2012年")
    for part in (NOTE[:cut1], NOTE[cut1:cut2], NOTE[cut2:]):
        doc.add_paragraph(part).alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph()
    for line in _TOC:
        doc.add_paragraph(line)
    pending = None
    for line in BODY:
        if v._is_article(line):
            pending = doc.add_paragraph()
            pending.paragraph_format.first_line_indent = Pt(24)
            label, rest = line.split("　", 1)
            pending.add_run(label).bold = True
            pending.add_run("　" + rest)
        elif pending is not None and not line.startswith(("第", "附　")):
            pending.runs[-1].add_break()  # 款, 项 and 目 in the same paragraph after a line break
            pending.add_run(line)
        else:
            pending = None
            doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
            doc.add_paragraph("")
    ref = doc.paragraphs[-3]._p.makeelement(qn("w:r"), {})
    ref.append(parse_xml(f'<w:footnoteReference {W_NS} w:id="1"/>'))
    doc.paragraphs[-3]._p.append(ref)
    for line in [NOTE_LINE, *ANNEX]:
        doc.add_paragraph(line)
    _table(doc, TABLE)
    same_as_reference(_read(doc, tmp_path))


def _numbering(doc, fmt: str = "chineseCountingThousand") -> str:  # type: ignore[no-untyped-def]
    """An abstract list: level 0 第%1条 (in ``fmt``), level 1 （%2）, level 2 %3．; its numId."""
    numbering = doc.part.numbering_part.element
    levels = [("第%1条", fmt, "space"), ("（%2）", "chineseCountingThousand", "nothing"), ("%3．", "decimal", "nothing")]
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{f}"/><w:lvlText w:val="{t}"/>'
        f'<w:suff w:val="{s}"/></w:lvl>'
        for i, (t, f, s) in enumerate(levels)
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="90">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def _numbered(doc, text: str, level: int) -> None:  # type: ignore[no-untyped-def]
    p = doc.add_paragraph(text)
    p._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
    )


def _list_numbered_document(fmt: str = "chineseCountingThousand"):  # type: ignore[no-untyped-def]
    """Articles, items and points numbered by Word (the labels are not in the text)."""
    doc = Document()
    _numbering(doc, fmt)
    doc.add_paragraph("中华人民共和国示范法")
    doc.add_paragraph(NOTE)
    for line in BODY:
        if v._is_article(line) and "之" not in line:
            _numbered(doc, line.split("　", 1)[1], 0)
        elif line.startswith("（") and not v._is_article(line):
            _numbered(doc, line[3:], 1)
        elif line[0].isdigit():
            _numbered(doc, line[2:], 2)
        else:
            doc.add_paragraph(line)
    for line in [NOTE_LINE, *ANNEX]:
        doc.add_paragraph(line)
    _table(doc, TABLE)
    return doc


def test_word_list_numbering_is_rendered_as_the_page_shows_it(tmp_path: Path) -> None:
    """第%1条 / （%2） / %3． drawn by numbering.xml: rendered, counted across the text (第三条之一
    is typed, so the list goes on with 第四条), items restarting under each article."""
    text = _read(_list_numbered_document(), tmp_path)
    assert text.lines() == STORED[:1] + STORED[1:]


def test_a_numbering_format_lawdiff_cannot_render_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "示范法.docx"
    _list_numbered_document("chineseLegalSimplified").save(str(path))
    with pytest.raises(InputError, match=r"paragraph \d+ is numbered by Word's list numbering .*chineseLegalSimplified"):
        read_source(path)


def test_content_controls_tracked_changes_hidden_text_and_a_layout_frame(tmp_path: Path) -> None:
    """The body inside a content control and a one-column layout table; a tracked insertion is
    text, a tracked deletion and hidden text are not."""
    doc = Document()
    _title(doc)
    doc.add_paragraph(NOTE)
    frame = doc.add_table(rows=1, cols=1)
    cell = frame.cell(0, 0)
    cell.paragraphs[0].text = _TOC[0]
    for line in [*_TOC[1:], *BODY]:
        cell.add_paragraph(line)
    first = next(p for p in cell.paragraphs if p.text.startswith("第一条"))
    ins = parse_xml(f'<w:ins {W_NS} w:id="1" w:author="x"><w:r><w:t>（以下简称示范）</w:t></w:r></w:ins>')
    dele = parse_xml(f'<w:del {W_NS} w:id="2" w:author="x"><w:r><w:delText>删去的字</w:delText></w:r></w:del>')
    hidden = parse_xml(f'<w:r {W_NS}><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>')
    first.text = "第一条　为了规范示范活动"
    first._p.append(ins)
    first._p.append(dele)
    first._p.append(hidden)
    first.add_run("，根据宪法，制定本法。")
    body = doc.element.body
    sdt = parse_xml(f"<w:sdt {W_NS}><w:sdtPr/><w:sdtContent/></w:sdt>")
    content = sdt.find(qn("w:sdtContent"))
    body.insert(list(body).index(frame._tbl), sdt)
    content.append(frame._tbl)
    for line in [NOTE_LINE, *ANNEX]:
        content.append(copy.deepcopy(doc.add_paragraph(line)._p))
        body.remove(body[-2])
    _table(doc, TABLE)
    same_as_reference(_read(doc, tmp_path))


def test_merged_table_cells_are_printed_once(tmp_path: Path) -> None:
    doc = Document()
    _title(doc)
    doc.add_paragraph(NOTE)
    for line in [*BODY, NOTE_LINE, *ANNEX]:
        doc.add_paragraph(line)
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 1).merge(table.cell(2, 1))  # 每平方米 over two rows
    table.cell(1, 1).text = "每平方米"
    text = _read(doc, tmp_path)
    assert text.lines()[-2:] == ["| 学校 | 每平方米 | 1元 |", "| 医院 |  | 2元 |"]


@pytest.mark.parametrize(("magic", "what"), [(b"\xd0\xcf\x11\xe0", "Word 97-2003"), (b"%PDF-1.7", "PDF")])
def test_binary_formats_are_refused_with_what_to_do(tmp_path: Path, magic: bytes, what: str) -> None:
    path = tmp_path / "示范法.docx"
    path.write_bytes(magic + b"\x00" * 64)
    with pytest.raises(InputError, match=what):
        read_source(path)


def test_a_text_box_in_the_body_is_refused_not_dropped(tmp_path: Path) -> None:
    doc = Document()
    _title(doc)
    doc.add_paragraph(NOTE)
    for line in BODY:
        doc.add_paragraph(line)
    box = parse_xml(
        f'<w:r {W_NS} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
        "<w:p><w:r><w:t>第七条　本法由国务院解释。</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    doc.paragraphs[-1]._p.append(box)
    path = tmp_path / "示范法.docx"
    doc.save(str(path))
    with pytest.raises(InputError, match=r"paragraph \d+ holds a text box \(第七条　本法由国务院解释"):
        read_source(path)
