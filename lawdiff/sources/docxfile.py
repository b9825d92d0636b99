"""Word files (.docx) as the 国家法律法规数据库 and others serve them: what the page shows, in order.

``python-docx`` (a core dependency, imported only here) opens the package; the body is walked
element by element (``Document.paragraphs`` loses where the tables stand, and ``Paragraph.text``
skips runs inside tracked insertions and content controls):

* paragraphs and tables in document order, through content controls (``w:sdt``), custom XML and
  tracked insertions; tracked deletions, field codes, hidden runs (``w:vanish``), drawings and
  footnote references are not text; headers, footers and footnotes are not in the body; a text
  box holding text is refused (its place in the reading order is undefined);
* a run's text, tabs and line breaks (``w:br``: several 款 in one paragraph, a title over two
  lines) — a break splits the paragraph into lines;
* a number Word draws from its numbering definitions (``w:numPr``: 第一条 / （一） / 1．) is
  rendered (``docxnumbering``) and put before the paragraph's text, as the page shows it; a
  format it cannot render is refused with the paragraph named, never dropped;
* a table is ``| a | b |`` rows (a merged cell printed once); a table of one column is a layout
  frame around text, read as paragraphs.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lawdiff.errors import InputError
from lawdiff.sources.normalize import grid_row

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DESCEND = {W + t for t in ("hyperlink", "smartTag", "ins", "moveTo", "fldSimple", "customXml", "sdt", "sdtContent", "bdo", "dir")}
_SKIP = {W + t for t in ("del", "moveFrom", "pPr", "rPr")}


# the parts a .docx may unpack to (python-docx reads each whole): a zip bomb is refused first
MAX_UNPACKED = 512 * 1024 * 1024


def docx_lines(path: Path, raw: bytes) -> list[str]:
    """The document's lines; a table row is a ``| a | b |`` line (cells normalised).

    A damaged package is one line, whatever python-docx and lxml raise on it: they are parsers of
    untrusted input whose exceptions for a malformed part are not documented (a ``[Content_Types]``
    without its namespace raises ``AttributeError``, a part missing from the relationships
    ``KeyError``), so every exception but ours becomes "not a readable .docx".
    """
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise InputError(f"{path}: not a readable .docx ({exc.__class__.__name__})") from None
    if unpacked > MAX_UNPACKED:
        raise InputError(f"{path}: not a readable .docx (unpacks to {unpacked // 2**20} MB)")
    try:
        return _docx_lines(path, raw)
    except (InputError, MemoryError):
        raise
    except Exception as exc:
        raise InputError(f"{path}: not a readable .docx ({exc.__class__.__name__})") from None


def _docx_lines(path: Path, raw: bytes) -> list[str]:
    from docx import Document

    from lawdiff.sources.docxnumbering import Numbering

    doc = Document(io.BytesIO(raw))
    numbering = Numbering(doc, path)
    out: list[str] = []
    for el in _blocks(doc.element.body):
        if el.tag == W + "p":
            out.extend(_paragraph(el, numbering))
        else:
            out.extend(_table(el, numbering))
    return out


def _blocks(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in order, through content controls and tracked insertions."""
    for child in parent.iterchildren():
        tag = child.tag
        if tag in (W + "p", W + "tbl"):
            yield child
        elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
            yield from _blocks(child)


def _paragraph(p: Any, numbering: Any) -> list[str]:
    parts: list[str] = []
    _inline(p, parts)
    text = "".join(parts)
    label = numbering.label(p)
    box = next((b for b in p.iter(W + "txbxContent") if "".join(b.itertext()).strip()), None)
    if box is not None:  # floating text has no place in the reading order: refuse, never drop
        words = "".join(box.itertext()).strip()[:20]
        raise InputError(
            f"{numbering.path}: paragraph {numbering.paragraphs} holds a text box ({words}…) whose place in "
            "the text is not defined; move its text into the document"
        )
    if label:
        text = label + text
    return text.split("\n")


def _inline(el: Any, out: list[str]) -> None:
    for child in el.iterchildren():
        tag = child.tag
        if tag == W + "r":
            _run(child, out)
        elif tag in _DESCEND:
            _inline(child, out)


def _run(r: Any, out: list[str]) -> None:
    props = r.find(W + "rPr")
    if props is not None and props.find(W + "vanish") is not None:
        return  # hidden text: not on the page
    for child in r.iterchildren():
        tag = child.tag
        if tag == W + "t":
            out.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "sym":
            code = child.get(W + "char") or ""
            ch = chr(int(code, 16)) if code and all(c in "0123456789abcdefABCDEF" for c in code) else ""
            if ch and not ("\uf000" <= ch <= "\uf0ff"):  # symbol-font glyphs have no meaning as text
                out.append(ch)


def _table(tbl: Any, numbering: Any) -> list[str]:
    rows = [tr for tr in tbl.iterchildren(W + "tr")]
    grid = [_row_cells(tr) for tr in rows]
    if grid and all(len(cells) <= 1 for cells in grid):  # a frame around text: its paragraphs
        out: list[str] = []
        for tr in rows:
            for tc in tr.iterchildren(W + "tc"):
                for el in _blocks(tc):
                    out.extend(_paragraph(el, numbering) if el.tag == W + "p" else _table(el, numbering))
        return out
    return [grid_row(cells) for cells in grid]


def _row_cells(tr: Any) -> list[str]:
    cells: list[str] = []
    for tc in tr.iterchildren(W + "tc"):
        props = tc.find(W + "tcPr")
        span, continued = 1, False
        if props is not None:
            gs = props.find(W + "gridSpan")
            if gs is not None and (gs.get(W + "val") or "1").isdigit():
                span = max(1, int(gs.get(W + "val") or "1"))
            vm = props.find(W + "vMerge")
            continued = vm is not None and vm.get(W + "val") in (None, "continue")
        text = "" if continued else _cell_text(tc)
        cells.extend([text] + [""] * (span - 1))
    return cells


def _cell_text(tc: Any) -> str:
    parts: list[str] = []
    for el in _blocks(tc):
        if el.tag == W + "p":
            _inline(el, parts)
        else:
            for tr in el.iterchildren(W + "tr"):
                parts.extend(_row_cells(tr))
    return "".join(parts).replace("\n", "").replace("\t", " ")
