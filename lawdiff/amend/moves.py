"""Structural edits: merges, new articles, paragraphs and items, moves, 章/节 headings, table cells."""

from __future__ import annotations

from lawdiff.amend.ops import (
    AddArticles,
    AddItems,
    AddParagraphs,
    HeadingOp,
    Merge,
    Move,
    TableCell,
    TableCells,
)
from lawdiff.amend.working import (
    ITEM_LABEL,
    Ctx,
    WArticle,
    WHeading,
    WItem,
    Working,
    WPara,
    event,
    fail,
    parse_lines,
)
from lawdiff.structure.model import TableCell as Cell
from lawdiff.structure.numerals import int_to_cn


def _merge(w: Working, op: Merge, ctx: Ctx, _r: object) -> None:
    arts = [w.article(t, ctx) for t in op.targets]
    first = arts[0]
    for p in first.paras:
        p.deleted_by = ctx.ins.ordinal
    first.paras = parse_lines(op.text)
    labels = "、".join(a.old_label or "?" for a in arts)
    event(first, ctx, "merged", f"from {labels}")
    for a in arts[1:]:
        a.deleted_by = ctx.ins.ordinal
        w.blocks.remove(a)


def _add_articles(w: Working, op: AddArticles, ctx: Ctx, _r: object) -> None:
    new_arts = []
    for pos, text in zip(op.positions, op.texts, strict=True):
        art = WArticle(None, None, parse_lines(text), expect=(pos.article or 0, pos.sub))
        event(art, ctx, "created")
        new_arts.append(art)
    if op.after is not None:
        anchor = w.article(op.after, ctx)
        idx = w.blocks.index(anchor) + (0 if op.before else 1)
        # several articles added after the same one: their stated numbers give the order
        while not op.before and idx < len(w.blocks):
            nxt = w.blocks[idx]
            if not (
                isinstance(nxt, WArticle)
                and nxt.old is None
                and nxt.expect
                and nxt.expect < new_arts[0].expect
            ):  # type: ignore[operator]
                break
            idx += 1
    else:
        idx = _index_for_new_number(w, new_arts[0].expect)  # type: ignore[arg-type]
    w.blocks[idx:idx] = new_arts


def _index_for_new_number(w: Working, expect: tuple[int, int]) -> int:
    """Where an article must go to be numbered ``expect`` once the text is renumbered."""
    number, sub = expect
    arts = w.live_articles()
    if sub:
        base = next((a for a in arts if a.old == (number, 0)), None)
        if base is not None:
            idx = w.blocks.index(base) + 1
            while (
                idx < len(w.blocks)
                and isinstance(w.blocks[idx], WArticle)
                and w.blocks[idx].old
                and w.blocks[idx].old[0] == number
            ):  # type: ignore[union-attr]
                idx += 1
            return idx
    if number - 1 < len(arts):
        target = arts[number - 1]
        return w.blocks.index(target)
    return len(w.blocks)


def _add_paragraphs(w: Working, op: AddParagraphs, ctx: Ctx, _r: object) -> None:
    art = w.article(op.article, ctx)
    for pos, text in zip(op.positions, op.texts, strict=True):
        if pos - 1 > len(art.paras):
            raise fail(
                ctx,
                f"{art.old_label} has {len(art.paras)} paragraphs; cannot add one as 第{int_to_cn(pos)}款",
                op.article,
            )
        new = parse_lines(text)
        for p in new:
            p.expect = pos
        art.paras[pos - 1 : pos - 1] = new
        event(art, ctx, "modified", f"paragraph added as {pos}")


def _add_items(w: Working, op: AddItems, ctx: Ctx, _r: object) -> None:
    para = w.paragraph(op.paragraph, ctx)
    art = w.article(op.paragraph, ctx)
    for pos, text in zip(op.positions, op.texts, strict=True):
        if pos - 1 > len(para.items):
            raise fail(
                ctx,
                f"the paragraph has {len(para.items)} items; cannot add one as 第{int_to_cn(pos)}项",
                op.paragraph,
            )
        body = text.strip()
        m = ITEM_LABEL.match(body)
        if m:
            body = body[m.end() :]
        para.items.insert(pos - 1, WItem(body, None, new_text=True, expect=pos))
        event(art, ctx, "modified", f"item added as {pos}")


def _move(w: Working, op: Move, ctx: Ctx, _r: object) -> None:
    src, dst = op.source, op.destination
    if src.item is not None and dst.item is not None and dst.article is None:
        _, item = w.item(src, ctx)
        item.expect = dst.item
        return
    if src.paragraph is not None and dst.paragraph is not None and dst.article is None:
        para = w.paragraph(src, ctx)
        para.expect = dst.paragraph
        return
    if dst.article is not None and src.paragraph is None and src.item is None:
        art = w.article(src, ctx)
        w.blocks.remove(art)
        art.expect = (dst.article, dst.sub)
        w.blocks.insert(_index_for_new_number(w, art.expect), art)
        event(art, ctx, "moved", f"to {dst.label()}")
        return
    if dst.article is not None and src.paragraph is not None:
        owner = w.article(src, ctx)
        para = w.paragraph(src, ctx)
        owner.paras.remove(para)
        para.deleted_by = None
        art = WArticle(
            None, None, [WPara(para.body, para.items, None)], expect=(dst.article, dst.sub)
        )
        event(art, ctx, "created", f"from {owner.old_label}第{int_to_cn(src.paragraph)}款")
        event(owner, ctx, "modified", f"paragraph {src.paragraph} moved to {dst.label()}")
        w.blocks.insert(_index_for_new_number(w, art.expect), art)
        return
    raise fail(ctx, f"cannot move {src.label()} to {dst.label()}", src)


def _heading(w: Working, op: HeadingOp, ctx: Ctx, _r: object) -> None:
    if op.action == "add":
        _add_heading(w, op, ctx)
        return
    table = w.chapters if op.level == "章" else w.sections
    key = op.number if op.level == "章" else (op.chapter or 0, op.number)
    h = table.get(key)  # type: ignore[call-overload]
    label = f"第{int_to_cn(op.number)}{op.level}"
    if h is None or h.deleted_by:
        raise fail(ctx, f"the text has no {label}" if h is None else f"{label} was already deleted")
    if op.action == "rename":
        h.title = op.title
        return
    idx = w.blocks.index(h)
    h.deleted_by = ctx.ins.ordinal
    w.blocks.remove(h)
    if op.action == "delete":
        while idx < len(w.blocks):
            b = w.blocks[idx]
            if isinstance(b, WHeading) and (b.level == "章" or b.level == op.level):
                break
            if isinstance(b, WArticle):
                b.deleted_by = ctx.ins.ordinal
            w.blocks.pop(idx)


def _add_heading(w: Working, op: HeadingOp, ctx: Ctx) -> None:
    h = WHeading(op.level, None, op.title, expect=op.number)
    arts = []
    for text in op.articles:
        art = WArticle(None, None, parse_lines(text))
        event(art, ctx, "created", f"in new 第{int_to_cn(op.number)}{op.level}")
        arts.append(art)
    same = [
        b for b in w.blocks if isinstance(b, WHeading) and b.level == op.level and not b.deleted_by
    ]
    if op.level == "节" and op.chapter is not None:
        ch = w.chapters.get(op.chapter)
        if ch is None:
            raise fail(ctx, f"the text has no 第{int_to_cn(op.chapter)}章")
        same = [b for b in same if b.chapter is ch]
    if op.number - 1 < len(same):
        idx = w.blocks.index(same[op.number - 1])
    else:
        idx = len(w.blocks)
        if op.level == "节" and op.chapter is not None:
            ch = w.chapters[op.chapter]
            j = w.blocks.index(ch) + 1
            while j < len(w.blocks) and not (
                isinstance(w.blocks[j], WHeading) and w.blocks[j].level == "章"
            ):  # type: ignore[union-attr]
                j += 1
            idx = j
    w.blocks[idx:idx] = [h, *arts]


def _tables(w: Working, op: TableCell | TableCells, ctx: Ctx, _r: object) -> None:
    cells = op.cells if isinstance(op, TableCells) else (op,)
    for cell in cells:
        _table_cell(w, cell, ctx)


def _table_cell(w: Working, cell: TableCell, ctx: Ctx) -> None:
    if not w.tables:
        raise fail(ctx, "the text has no table to change")
    tables = [t for t in w.tables if cell.table is None or cell.table in t.title]
    if len(tables) != 1:
        raise fail(
            ctx, f"table {cell.table or ''} not found" if not tables else "several tables: name one"
        )
    table = tables[0]
    if cell.column not in table.columns:
        raise fail(
            ctx,
            f"table {table.title} has no column {cell.column} (columns: {'、'.join(table.columns)})",
        )
    current = table.get(cell.row, cell.column)
    if current is None and not table.partial:
        raise fail(ctx, f"table {table.title} has no row “{cell.row}”")
    if cell.old is not None and current is not None and _value_key(current) != _value_key(cell.old):
        raise fail(
            ctx,
            f"“{cell.row}” {cell.column}: the table says {current}, the decision says it was {cell.old}",
        )
    new_cells = [c for c in table.cells if not (c.row == cell.row and c.column == cell.column)]
    new_cells.append(Cell(cell.row, cell.column, cell.new))
    order = {(c.row, c.column): i for i, c in enumerate(table.cells)}
    new_cells.sort(key=lambda c: order.get((c.row, c.column), len(order)))
    w.tables[w.tables.index(table)] = table._replace(cells=tuple(new_cells))


def _value_key(value: str) -> str:
    return value.replace("%", "％").replace(" ", "")


STRUCTURE_EDITS = {
    Merge: _merge,
    AddArticles: _add_articles,
    AddParagraphs: _add_paragraphs,
    AddItems: _add_items,
    Move: _move,
    HeadingOp: _heading,
    TableCell: _tables,
    TableCells: _tables,
}
