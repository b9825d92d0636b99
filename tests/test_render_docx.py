"""The Word 新旧对照表 and consolidated text, on the land measures 2020 → 2024.

Read back with python-docx (table shape, strike-through and underline runs, East Asian fonts and
language), then converted by LibreOffice (``soffice --headless``, a fresh profile per test) to
PDF, whose text (``pdftotext``) must hold every article label and whole sentences of the law.
Page 1 is rendered to ``/tmp/duizhao_docx.png`` (``pdftoppm``) for a human look.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from lawdiff.compare.comparison import Comparison
from lawdiff.corpus.reader import Corpus
from lawdiff.export.docx import (
    HEADING_FONT,
    TEXT_FONT,
    comparison_docx,
    comparison_docx_bytes,
)
from lawdiff.export.docx_document import document_docx
from lawdiff.structure.model import Heading

from .browser import LAND, LAWS, NEW, land_comparison, soffice, to_pdf
from .conftest import missing_tool


@pytest.fixture(scope="module")
def cmp() -> Comparison:
    return land_comparison()


@pytest.fixture(scope="module")
def docx_file(cmp: Comparison, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return comparison_docx(cmp, tmp_path_factory.mktemp("docx") / "duizhao.docx")


def _flat(text: str) -> str:
    """Text without any whitespace (PDF line breaks fall anywhere in Chinese)."""
    return re.sub(r"\s+", "", text)


def _cell_text(cell) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(p.text for p in cell.paragraphs)


def test_table_has_one_row_per_pair(cmp: Comparison, docx_file: Path) -> None:
    doc = Document(str(docx_file))
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert len(table.columns) == 2
    assert len(table.rows) == len(cmp.pairs) + 1
    assert [c.text for c in table.rows[0].cells] == ["修改前", "修改后"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on each page
    for row, pair in zip(table.rows[1:], cmp.pairs, strict=True):
        old, new = _cell_text(row.cells[0]), _cell_text(row.cells[1])
        for label in pair.old_labels:
            assert label in old
        for label in pair.new_labels:
            assert label in new
        if not pair.old:
            assert old == ""
        if not pair.new:
            assert new == ""


def test_changes_are_struck_and_underlined(cmp: Comparison, docx_file: Path) -> None:
    doc = Document(str(docx_file))
    runs = [
        r
        for row in doc.tables[0].rows[1:]
        for cell in row.cells
        for p in cell.paragraphs
        for r in p.runs
    ]
    struck = "".join(r.text for r in runs if r.font.strike)
    underlined = "".join(r.text for r in runs if r.font.underline)
    removed = sum(
        len(s.text) for p in cmp.pairs for lp in p.lines for s in lp.segments if s.op == "delete"
    )
    added = sum(
        len(s.text) for p in cmp.pairs for lp in p.lines for s in lp.segments if s.op == "insert"
    )
    assert struck and underlined
    assert len(struck) == removed and len(underlined) == added
    labels = [r.text for r in runs if r.font.bold and re.fullmatch(r"第.+条", r.text)]
    assert len(labels) == sum(len(p.old) + len(p.new) for p in cmp.pairs)


def test_east_asian_fonts_and_language(docx_file: Path) -> None:
    doc = Document(str(docx_file))
    normal = doc.styles["Normal"].element.rPr
    fonts = normal.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == TEXT_FONT
    assert fonts.get(qn("w:eastAsiaTheme")) is None
    assert normal.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(".//" + qn("w:rFonts")).get(qn("w:eastAsia")) == TEXT_FONT
    title = doc.styles["Title"].element.rPr.find(qn("w:rFonts"))
    assert title.get(qn("w:eastAsia")) == HEADING_FONT
    assert doc.core_properties.language == "zh-CN"


def test_bytes_and_atomic_write(cmp: Comparison, tmp_path: Path) -> None:
    data = comparison_docx_bytes(cmp)
    assert data.startswith(b"PK")
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    comparison_docx(cmp, target)
    assert target.read_bytes().startswith(b"PK")
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]  # no temporary file left


def test_reasons_column(cmp: Comparison, tmp_path: Path) -> None:
    from lawdiff.compare.comparison import Reason

    i = next(i for i, p in enumerate(cmp.pairs) if p.relation == "modified")
    pairs = [p._replace(reasons=()) for p in cmp.pairs]
    pairs[i] = pairs[i]._replace(reasons=(Reason("修订草案的说明", "说明", "引文", "草案第六条"),))
    linked = cmp._replace(pairs=tuple(pairs))
    table = Document(str(comparison_docx(linked, tmp_path / "r.docx", reasons=True))).tables[0]
    assert len(table.columns) == 3 and table.rows[0].cells[2].text == "说明"
    assert "草案第六条" in _cell_text(table.rows[i + 1].cells[2])
    plain = Document(str(comparison_docx(linked, tmp_path / "p.docx"))).tables[0]
    assert len(plain.columns) == 2


def test_consolidated_text_docx(tmp_path: Path) -> None:
    corpus = Corpus(LAWS)
    law = corpus.load_law(LAND)
    rev = law.revision(NEW)
    assert rev is not None
    text = corpus.load_text(law, rev)
    doc = Document(str(document_docx(law, rev, text, tmp_path / "land.docx")))
    paras = [p.text for p in doc.paragraphs]
    assert paras[0] == text.title
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Head")]
    expected = [
        ("Heading 2" if b.level == "节" else "Heading 1", b.text)
        for b in text.blocks
        if isinstance(b, Heading)
    ]
    assert expected and headings == expected
    assert any(level == "Heading 2" for level, _ in expected)  # the land text has 节
    body = "\n".join(paras)
    for art in text.articles:
        for line in art.lines():
            assert line in body


# ---------------------------------------------------------------- LibreOffice → PDF


def _need_soffice() -> None:
    if soffice() is None:
        missing_tool("LibreOffice (soffice) not installed: apt-get install libreoffice-writer-nogui")
    for tool in ("pdftotext", "pdftoppm"):
        if shutil.which(tool) is None:
            missing_tool(f"{tool} not installed: apt-get install poppler-utils")


def test_libreoffice_pdf_keeps_the_text(cmp: Comparison, docx_file: Path, tmp_path: Path) -> None:
    _need_soffice()
    started = time.monotonic()
    pdf = to_pdf(docx_file, tmp_path, tmp_path / "lo-profile")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    flat = _flat(text)
    for p in cmp.pairs:
        for label in p.old_labels + p.new_labels:
            assert label in flat, label
    # whole sentences of 2024 第十二条 and of a changed article survive layout and fonts
    twelve = next(a for a in cmp.new_text.articles if a.label == "第十二条")
    for line in twelve.lines():
        assert _flat(line) in flat, line
    assert (
        "各级人民政府对本行政区域耕地保护负总责，其主要负责人是本行政区域耕地保护的第一责任人。"
        in flat
    )
    assert _flat(cmp.new_text.title) in flat
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=False
    ).stdout
    if fonts:  # pdffonts ships with pdftotext (poppler-utils)
        assert re.search(r"CJK", fonts), fonts
    prefix = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(prefix)],
        check=True,
        timeout=120,
    )
    (png,) = tmp_path.glob("page*.png")
    assert png.read_bytes().startswith(b"\x89PNG")
    shutil.copyfile(png, "/tmp/duizhao_docx.png")
    assert time.monotonic() - started < 240
