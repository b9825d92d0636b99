"""Word files (.docx) as the 国家法律法规数据库 and others serve them: what the page shows, in order.

``python-docx`` (a core dependency, imported only here) opens the package; the body is walked
element by element (``Document.paragraphs`` loses where the tables stand, and ``Paragraph.text``
skips runs inside tracked insertions and content controls):

* paragraphs and tables in document order, through content controls (``w:sdt``), custom XML and
  tracked insertions; tracked deletions, field codes, hidden runs (``w:vanish``) and drawings are
  not text; headers and footers are not in the body; a text box holding text is refused (its
  place in the reading order is undefined), one holding only a page number (- 4 -) is furniture;
* an alternative-format chunk (``w:altChunk``: the whole law as an ``.mht``/``.html`` part, as
  converters write Word files) is read where it stands (``htmltext``); plain text and an embedded
  .docx likewise; any other chunk (RTF) is refused, never skipped;
* a footnote or endnote reference is drawn as the database prints it, ①② in the order referenced,
  and the notes' texts are ``①　…`` lines after the last article, before any annex, where the
  database's text prints them (the editorial note on 刑法's 题注);
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
from lawdiff.i18n import _
from lawdiff.sources.normalize import grid_row

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
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
        raise InputError(_("{path}: not a readable .docx ({error})").format(path=path, error=exc.__class__.__name__)) from None
    if unpacked > MAX_UNPACKED:
        raise InputError(_("{path}: not a readable .docx (unpacks to {size} MB)").format(path=path, size=unpacked // 2**20))
    try:
        return _docx_lines(path, raw)
    except (InputError, MemoryError):
        raise
    except Exception as exc:
        raise InputError(_("{path}: not a readable .docx ({error})").format(path=path, error=exc.__class__.__name__)) from None


def _docx_lines(path: Path, raw: bytes) -> list[str]:
    from docx import Document

    from lawdiff.sources.docxnumbering import Numbering

    doc = Document(io.BytesIO(raw))
    numbering = Numbering(doc, path)
    numbering.notes = _Notes(doc)
    out = _block_lines(doc.element.body, numbering)
    notes = numbering.notes.lines()
    if notes:  # where the database's text prints them: after the last article, before any annex
        from lawdiff.structure.lines import ARTICLE, is_annex_start

        last = max((i for i, ln in enumerate(out) if ARTICLE.match(ln.strip(" \u3000"))), default=-1)
        at = next((j for j in range(last + 1, len(out)) if is_annex_start(out[j].strip(" \u3000"))), len(out))
        out[at:at] = notes
    return out


def _block_lines(parent: Any, numbering: Any) -> list[str]:
    out: list[str] = []
    for el in _blocks(parent):
        if el.tag == W + "p":
            out.extend(_paragraph(el, numbering))
        elif el.tag == W + "altChunk":
            out.extend(_alt_chunk(el, numbering))
        else:
            out.extend(_table(el, numbering))
    return out


_AF_HTML = ("text/html", "application/xhtml+xml")
_AF_MHT = ("message/rfc822", "multipart/related", "application/x-mimearchive")
_AF_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _alt_chunk(el: Any, numbering: Any) -> list[str]:
    """The lines of an alternative-format chunk, read as Word shows it in place."""
    from lawdiff.sources.htmltext import decode_html, html_lines, mht_html

    where = f"{numbering.path}: embedded part"
    rid = el.get(R + "id") or ""
    try:
        part = numbering.doc.part.rels[rid].target_part
    except (KeyError, AttributeError, ValueError):
        raise InputError(_("{where} {part} is missing: the file is damaged").format(where=where, part=rid or "?")) from None
    ctype, blob, name = part.content_type.split(";")[0].strip().lower(), part.blob, str(part.partname)
    where = f"{numbering.path}: embedded part {name}"
    if ctype in _AF_MHT or name.lower().endswith((".mht", ".mhtml")):
        return html_lines(mht_html(blob, where), where)
    if ctype in _AF_HTML or name.lower().endswith((".htm", ".html")):
        return html_lines(decode_html(blob, None, where), where)
    if ctype == "text/plain" or name.lower().endswith(".txt"):
        return decode_html(blob, None, where).splitlines()
    if ctype.startswith(_AF_DOCX) and not ctype.endswith("main+xml"):
        return docx_lines(numbering.path, blob)
    raise InputError(_("{where} is {kind}, which cannot be read here: open the file in Word and save it again as .docx").format(
        where=where, kind=ctype or _("of an unknown type")
    ))  # fmt: skip


def _blocks(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in order, through content controls and tracked insertions."""
    for child in parent.iterchildren():
        tag = child.tag
        if tag in (W + "p", W + "tbl", W + "altChunk"):
            yield child
        elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
            yield from _blocks(child)


def _paragraph(p: Any, numbering: Any) -> list[str]:
    parts: list[str] = []
    _inline(p, parts, numbering.notes)
    text = "".join(parts)
    label = numbering.label(p)
    box = next((b for b in p.iter(W + "txbxContent") if not _furniture_box(b)), None)
    if box is not None:  # floating text has no place in the reading order: refuse, never drop
        words = _box_text(box).strip()[:20]
        raise InputError(
            _("{path}: paragraph {paragraph} holds a text box ({words}…) whose place in the text is not defined; move its text into the document").format(
                path=numbering.path, paragraph=numbering.paragraphs, words=words
            )
        )
    if label:
        text = label + text
    return text.split("\n")


def _box_text(box: Any) -> str:
    return "".join(t.text or "" for t in box.iter(W + "t"))


def _furniture_box(box: Any) -> bool:
    """An empty text box, or one holding only a page number (- 4 -), as documents converted from
    print anchor them to the last paragraph of a page: furniture, not text."""
    from lawdiff.sources.body import PAGE_LINE

    text = _box_text(box).strip(" \u3000\t\r\n")
    return not text or bool(PAGE_LINE.match(text)) or text.isdigit()


def _inline(el: Any, out: list[str], notes: Any = None) -> None:
    for child in el.iterchildren():
        tag = child.tag
        if tag == W + "r":
            _run(child, out, notes)
        elif tag in _DESCEND:
            _inline(child, out, notes)


def _run(r: Any, out: list[str], notes: Any = None) -> None:
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
        elif tag == W + "ruby":  # 注音: the base text is the text, the pronunciation above it is not
            base = child.find(W + "rubyBase")
            if base is not None:
                _inline(base, out, notes)
        elif tag in (W + "footnoteReference", W + "endnoteReference") and notes is not None:
            out.append(notes.mark(tag == W + "endnoteReference", child.get(W + "id") or ""))
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "sym":
            code = child.get(W + "char") or ""
            ch = chr(int(code, 16)) if code and all(c in "0123456789abcdefABCDEF" for c in code) else ""
            if ch and not ("\uf000" <= ch <= "\uf0ff"):  # symbol-font glyphs have no meaning as text
                out.append(ch)


def _table(tbl: Any, numbering: Any) -> list[str]:
    rows = [tr for tr in tbl.iterchildren(W + "tr")]
    grid = [_row_cells(tr, numbering) for tr in rows]
    if grid and all(len(cells) <= 1 for cells in grid):  # a frame around text: its paragraphs
        out: list[str] = []
        for tr in rows:
            for tc in tr.iterchildren(W + "tc"):
                out.extend(_block_lines(tc, numbering))
        return out
    return [grid_row(cells) for cells in grid]


def _row_cells(tr: Any, numbering: Any = None) -> list[str]:
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
        text = "" if continued else _cell_text(tc, numbering)
        cells.extend([text] + [""] * (span - 1))
    return cells


def _cell_text(tc: Any, numbering: Any) -> str:
    parts: list[str] = []
    for el in _blocks(tc):
        if el.tag == W + "p":
            _inline(el, parts, numbering.notes if numbering is not None else None)
        elif el.tag == W + "altChunk":
            parts.extend(_alt_chunk(el, numbering))
        else:
            for tr in el.iterchildren(W + "tr"):
                parts.extend(_row_cells(tr, numbering))
    return "".join(parts).replace("\n", "").replace("\t", " ")


_CIRCLED = [chr(c) for c in range(0x2460, 0x2474)]  # ① … ⑳
_NOTE_RELS = {
    False: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
    True: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes",
}


class _Notes:
    """Footnotes and endnotes: a reference drawn as the next circled number, the note's text kept
    for the end of the document (a reference to a note that is not there draws nothing)."""

    def __init__(self, doc: Any) -> None:
        self.texts: dict[tuple[bool, str], str] = {}
        self.used: list[tuple[str, str]] = []  # (mark, text) in reference order
        for end, reltype in _NOTE_RELS.items():
            part = next((r.target_part for r in doc.part.rels.values() if r.reltype == reltype and not r.is_external), None)
            if part is None:
                continue
            from lxml import etree

            try:
                root = etree.fromstring(part.blob)
            except etree.XMLSyntaxError:
                continue
            for note in root:
                if note.get(W + "type") not in (None, "normal"):
                    continue  # the separator lines Word draws
                lines: list[str] = []
                for p in note.iter(W + "p"):
                    parts: list[str] = []
                    _inline(p, parts)
                    lines.append("".join(parts).strip(" \u3000"))
                text = "".join(ln for ln in lines if ln)
                if text:
                    self.texts[(end, note.get(W + "id") or "")] = text

    def mark(self, end: bool, note_id: str) -> str:
        text = self.texts.get((end, note_id))
        if text is None:
            return ""
        n = len(self.used)
        mark = _CIRCLED[n] if n < len(_CIRCLED) else f"〔{n + 1}〕"
        self.used.append((mark, text))
        return mark

    def lines(self) -> list[str]:
        return [f"{mark}\u3000{text}" for mark, text in self.used]
