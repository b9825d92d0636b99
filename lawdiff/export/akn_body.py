"""The ``<body>`` of an Akoma Ntoso act: 编/分编/章/节 nesting (part, subpart, chapter, section;
an unnumbered 附则 has no ``<num>``), articles, paragraphs, points (项, and their 目 nested),
notes and annexes (``hcontainer`` named ``note`` / ``annex``), schedules."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from lawdiff.export.akn_names import (
    LEVEL_EID,
    LEVEL_TAG,
    Ids,
    article_eid,
    el,
)
from lawdiff.structure.model import (
    LEVELS,
    Annex,
    Article,
    Grid,
    Heading,
    Item,
    LawText,
    Table,
)


def write_body(parent: ET.Element, text: LawText, ids: Ids) -> None:
    body = el(parent, "body")
    open_: dict[str, tuple[ET.Element, str]] = {}  # level -> (element, eId)
    for block in text.blocks:
        if isinstance(block, Heading):
            _open_heading(body, block, open_, ids)
        else:
            container = next((open_[lv][0] for lv in reversed(LEVELS) if lv in open_), body)
            _article(container, block, ids)
    for n_no, note in enumerate(text.notes, start=1):
        box = el(body, "hcontainer", {"eId": ids.take(f"hcontainer_note_{n_no}"), "name": "note"})
        el(el(box, "content"), "p", text=note)
    for a_no, annex in enumerate(text.annexes, start=1):
        _annex(body, annex, a_no, ids)
    for i, table in enumerate(text.tables, start=1):
        _schedule(body, table, i, ids)
    if len(body) == 0:  # AKN requires some content in a body
        box = el(body, "hcontainer", {"eId": "hcontainer_0", "name": "noText"})
        el(el(box, "content"), "p")


def _open_heading(
    body: ET.Element, h: Heading, open_: dict[str, tuple[ET.Element, str]], ids: Ids
) -> None:
    """Close the levels a heading ends (as the parser does) and open its element."""
    index = LEVELS.index(h.level)
    for lv in LEVELS[index:]:
        open_.pop(lv, None)
    parent = next((open_[lv] for lv in reversed(LEVELS[:index]) if lv in open_), None)
    prefix = f"{parent[1]}__" if parent else ""
    eid = ids.take(f"{prefix}{LEVEL_EID[h.level]}_{h.number}")
    elem = el(parent[0] if parent else body, LEVEL_TAG[h.level], {"eId": eid})
    if h.label:
        el(elem, "num", text=h.label)
    if h.title:
        el(elem, "heading", text=h.title)
    open_[h.level] = (elem, eid)


def _article(parent: ET.Element, art: Article, ids: Ids) -> None:
    eid = ids.take(article_eid(art.number, art.sub))
    elem = el(parent, "article", {"eId": eid})
    el(elem, "num", text=art.label)
    for p_no, para in enumerate(art.paragraphs, start=1):
        p_eid = f"{eid}__para_{p_no}"
        ids.used.add(p_eid)
        p_elem = el(elem, "paragraph", {"eId": p_eid})
        if not para.items:
            el(el(p_elem, "content"), "p", text=para.body)
            continue
        el(el(p_elem, "intro"), "p", text=para.body)
        for i_no, item in enumerate(para.items, start=1):
            _point(p_elem, item, f"{p_eid}__point_{i_no}", ids)


def _point(parent: ET.Element, item: Item, eid: str, ids: Ids) -> None:
    """A 项 as ``point``; its 目 as points inside it, after an ``intro``."""
    ids.used.add(eid)
    point = el(parent, "point", {"eId": eid})
    el(point, "num", text=item.label)
    if not item.points:
        el(el(point, "content"), "p", text=item.body)
        return
    el(el(point, "intro"), "p", text=item.body)
    for n, sub in enumerate(item.points, start=1):
        s_eid = f"{eid}__point_{n}"
        ids.used.add(s_eid)
        box = el(point, "point", {"eId": s_eid})
        el(box, "num", text=sub.label)
        el(el(box, "content"), "p", text=sub.body)


def _annex(body: ET.Element, annex: Annex, number: int, ids: Ids) -> None:
    eid = ids.take(f"hcontainer_annex_{number}")
    box = el(body, "hcontainer", {"eId": eid, "name": "annex"})
    el(box, "heading", text=annex.label)
    content = el(box, "content")
    for part in annex.body:
        if isinstance(part, Grid):
            table = el(content, "table", {"eId": ids.take(f"{eid}__table_1")})
            for row in part.rows:
                tr = el(table, "tr")
                for cell in row:
                    el(el(tr, "td"), "p", text=cell)
        else:
            el(content, "p", text=part)
    if len(content) == 0:
        el(content, "p")


def _schedule(body: ET.Element, table: Table, number: int, ids: Ids) -> None:
    """A table as ``hcontainer name="schedule"`` (see the module docstring for why)."""
    eid = ids.take(f"hcontainer_{number}")
    attrs = {"eId": eid, "name": "schedule"}
    if table.partial:
        attrs["class"] = "partial"
    box = el(body, "hcontainer", attrs)
    el(box, "heading", text=table.title)
    content = el(box, "content")
    t_eid = ids.take(f"{eid}__table_1")
    elem = el(content, "table", {"eId": t_eid})
    head = el(elem, "tr")
    el(head, "th")
    for column in table.columns:
        el(el(head, "th"), "p", text=column)
    for r_no, row in enumerate(table.rows, start=1):
        tr = el(elem, "tr")
        el(el(tr, "th"), "p", text=row)
        for c_no, column in enumerate(table.columns, start=1):
            _cell(tr, table, row, column, ids.take(f"{t_eid}__cell_{r_no}_{c_no}"), ids)
    if table.note:
        el(content, "p", {"class": "note"}, table.note)


def _cell(tr: ET.Element, table: Table, row: str, column: str, eid: str, ids: Ids) -> None:
    value = table.get(row, column)
    if value is None:
        el(tr, "td", {"eId": eid, "class": "unknown"})
        return
    el(el(tr, "td", {"eId": eid}), "p", text=value)
    ids.cells.setdefault((row, column), eid)
