"""Reading back an Akoma Ntoso document written by ``to_akn``."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

import regex

from lawdiff.errors import InputError
from lawdiff.export.akn_names import ARTICLE_NUM, HEADING_NUM, ITEM_NUM, NS, TAG_LEVEL, q
from lawdiff.i18n import N_, _, translate
from lawdiff.structure.model import (
    LEVELS,
    Annex,
    Article,
    Block,
    Grid,
    Heading,
    Item,
    LawText,
    Paragraph,
    Point,
    Table,
    TableCell,
)
from lawdiff.structure.numerals import NumeralError, to_int

POINT_NUM = regex.compile(r"^([0-9]+)．$|^（([0-9]+)）$")

# ---------------------------------------------------------------- import


def from_akn(xml: str) -> LawText:
    """Read back a document written by ``to_akn`` (title, note, preamble, blocks, tables)."""
    try:
        root = ET.fromstring(xml.encode("utf-8"))
    except ET.ParseError as exc:
        raise InputError(_("not well-formed XML: {exc}").format(exc=exc)) from None
    if root.tag != q("akomaNtoso") or len(root) == 0:
        raise InputError(_("not an Akoma Ntoso 3.0 document (root {root.tag})").format(root=root))
    doc = root[0]
    title = _text(doc.find(f"{q('preface')}//{q('docTitle')}"))
    note_el = doc.find(f"{q('preface')}/{q('p')}[@class='history']")
    preamble = tuple(_text(p) for p in doc.findall(f"{q('preamble')}/{q('p')}"))
    body = doc.find(q("body"))
    if body is None:
        raise InputError(_('the Akoma Ntoso document has no <body>'))
    blocks = tuple(_blocks(body, dict.fromkeys(LEVELS)))
    boxes = list(body.iter(q("hcontainer")))
    tables = tuple(_table(h) for h in boxes if h.get("name") == "schedule")
    notes = tuple(_text(h.find(f"{q('content')}/{q('p')}")) for h in boxes if h.get("name") == "note")
    annexes = tuple(_annex(h) for h in boxes if h.get("name") == "annex")
    note = None if note_el is None else _text(note_el)
    return LawText(title, note, preamble, blocks, tables, notes, annexes)


def _text(elem: ET.Element | None) -> str:
    return "" if elem is None or elem.text is None else elem.text


def _blocks(parent: ET.Element, ctx: dict[str, str | None]) -> Iterator[Block]:
    """Headings and articles in document order, with the context the parser would give."""
    for child in parent:
        tag = child.tag.removeprefix(f"{{{NS}}}")
        if tag in TAG_LEVEL:
            heading = _heading(child, TAG_LEVEL[tag])
            yield heading
            inner = dict(ctx)
            index = LEVELS.index(heading.level)
            for lower in LEVELS[index:]:
                inner[lower] = None
            inner[heading.level] = heading.text
            yield from _blocks(child, inner)
        elif tag == "article":
            yield _read_article(child, ctx)


def _number(pattern: regex.Pattern[str], label: str, what: str) -> list[int]:
    m = pattern.match(label)
    try:
        if m is None:
            raise NumeralError(label)
        return [int(g) if g.isdigit() else to_int(g) for g in m.groups() if g]
    except NumeralError:
        raise InputError(_("cannot read the {what} number in <num>{label}</num>").format(what=translate(what), label=label)) from None


def _heading(elem: ET.Element, level: str) -> Heading:
    label = _text(elem.find(q("num")))
    (number,) = _number(HEADING_NUM, label, N_("heading")) if label else (0,)
    return Heading(level, number, label, _text(elem.find(q("heading"))))


def _read_article(elem: ET.Element, ctx: dict[str, str | None]) -> Article:
    label = _text(elem.find(q("num")))
    number, *sub = _number(ARTICLE_NUM, label, N_("article"))
    paragraphs = tuple(_paragraph(p) for p in elem.findall(q("paragraph")))
    return Article(
        number, label, paragraphs, ctx["章"], ctx["节"], sub[0] if sub else 0, ctx["编"], ctx["分编"]
    )


def _paragraph(elem: ET.Element) -> Paragraph:
    content = elem.find(q("content"))
    if content is not None:
        return Paragraph(_text(content.find(q("p"))))
    body = _text(elem.find(f"{q('intro')}/{q('p')}"))
    items = tuple(_item(p) for p in elem.findall(q("point")))
    return Paragraph(body, items)


def _item(elem: ET.Element) -> Item:
    label = _text(elem.find(q("num")))
    (number,) = _number(ITEM_NUM, label, N_("item"))
    intro = elem.find(f"{q('intro')}/{q('p')}")
    if intro is None:
        return Item(number, label, _text(elem.find(f"{q('content')}/{q('p')}")))
    points = tuple(_point(p) for p in elem.findall(q("point")))
    return Item(number, label, _text(intro), points)


def _point(elem: ET.Element) -> Point:
    label = _text(elem.find(q("num")))
    (number,) = _number(POINT_NUM, label, N_("point"))
    return Point(number, label, _text(elem.find(f"{q('content')}/{q('p')}")))


def _annex(box: ET.Element) -> Annex:
    body: list[str | Grid] = []
    for part in box.findall(f"{q('content')}/*"):
        if part.tag == q("table"):
            rows = tuple(
                tuple(_text(td.find(q("p"))) for td in tr.findall(q("td")))
                for tr in part.findall(q("tr"))
            )
            body.append(Grid(rows))
        elif _text(part):
            body.append(_text(part))
    return Annex(_text(box.find(q("heading"))), tuple(body))


def _table(box: ET.Element) -> Table:
    rows = box.findall(f"{q('content')}/{q('table')}/{q('tr')}")
    columns = tuple(_text(th.find(q("p"))) for th in rows[0].findall(q("th"))[1:]) if rows else ()
    cells: list[TableCell] = []
    for tr in rows[1:]:
        row = _text(tr.find(f"{q('th')}/{q('p')}"))
        for column, td in zip(columns, tr.findall(q("td")), strict=False):
            if td.get("class") != "unknown":
                cells.append(TableCell(row, column, _text(td.find(q("p")))))
    note = box.find(f"{q('content')}/{q('p')}[@class='note']")
    partial = "partial" in (box.get("class") or "").split()
    return Table(_text(box.find(q("heading"))), columns, tuple(cells), partial, _text(note))
