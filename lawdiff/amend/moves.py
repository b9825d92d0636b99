"""Structural edits: delete, add, merge, split and move articles, paragraphs and items; 章/节.

Positions the decision states (作为第N条 / 第N款 / 第N项, 改为第N条) are stored on the unit
(``expect``) and honoured when the text is arranged (``lawdiff.amend.build``); nothing is
spliced into a list here, so each edit costs a look-up and the size of one article.
"""

from __future__ import annotations

from lawdiff.amend import segments
from lawdiff.amend.ops import (
    AddArticles,
    AddItems,
    AddParagraphs,
    DeleteUnits,
    HeadingOp,
    Merge,
    Move,
    Part,
    Renumber,
    Split,
    Unstated,
)
from lawdiff.amend.working import (
    ITEM_LABEL,
    Ctx,
    WArticle,
    WHeading,
    WItem,
    Working,
    WPara,
    WPoint,
    event,
    fail,
    parse_lines,
)
from lawdiff.errors import AmendmentError
from lawdiff.i18n import _
from lawdiff.structure.lines import point_match
from lawdiff.structure.numerals import int_to_cn


def _delete_units(w: Working, op: DeleteUnits, ctx: Ctx, _r: object) -> None:
    from lawdiff.amend.edits import preamble_paragraph, scope_units

    for t in op.targets:
        if t.sentence is not None or t.segment is not None:
            art, units = scope_units(w, t.container(), ctx)
            paras = [u for u, p in units if u is p]
            if len(paras) != 1:
                raise fail(ctx, _("{unit} has {n} paragraphs: say which").format(unit=t.container().label(), n=len(paras)), t)
            try:
                paras[0].body = segments.delete(paras[0].body, t.segment, t.sentence)
            except ValueError as exc:
                raise fail(ctx, str(exc), t) from None
            if art is not None:
                event(art, ctx, "modified", f"{t.label()} deleted")
        elif t.unit == "preamble":
            preamble_paragraph(w, t, ctx).deleted_by = ctx.ins.ordinal
        elif t.subitem is not None:
            _art, _unit, pt = w.point(t, ctx)
            pt.deleted_by = ctx.ins.ordinal
            event(w.article(t, ctx), ctx, "modified", f"{t.label()} deleted")
        elif t.item is not None:
            _para, item = w.item(t, ctx)
            item.deleted_by = ctx.ins.ordinal
            event(w.article(t, ctx), ctx, "modified", f"item {t.item} deleted")
        elif t.paragraph is not None:
            art = w.article(t, ctx)
            w.paragraph(t, ctx).deleted_by = ctx.ins.ordinal
            if all(p.deleted_by for p in art.paras):
                raise fail(ctx, _("deleting this leaves {art.old_label} empty: delete the article instead").format(art=art), t)
            event(art, ctx, "modified", f"paragraph {t.paragraph} deleted")
        elif t.unit is not None:
            raise fail(ctx, _("{unit} cannot be deleted").format(unit=t.label()), t)
        else:
            w.article(t, ctx).deleted_by = ctx.ins.ordinal


def _merge(w: Working, op: Merge, ctx: Ctx, _r: object) -> None:
    arts = [w.article(t, ctx) for t in op.targets]
    if len({id(a) for a in arts}) != len(arts):
        raise fail(ctx, _('an article is merged with itself'), op.targets[0])
    first = arts[0]
    for p in first.paras:
        p.deleted_by = p.deleted_by or ctx.ins.ordinal
    first.paras = parse_lines(op.text)
    labels = "、".join(a.old_label or "?" for a in arts)
    event(first, ctx, "merged", f"from {labels}")
    for a in arts[1:]:
        a.deleted_by = ctx.ins.ordinal
        a.merged_into = first
    if op.position is not None:
        first.expect = (op.position.article or 0, op.position.sub)
        first.stated_move = True


def _split(w: Working, op: Split, ctx: Ctx, _r: object) -> None:
    src = w.article(op.source, ctx)
    for p in src.paras:
        p.deleted_by = p.deleted_by or ctx.ins.ordinal
    src.paras = parse_lines(op.texts[0])
    src.expect = (op.positions[0].article or 0, op.positions[0].sub)
    event(src, ctx, "replaced", f"split into {len(op.texts)} articles")
    for pos, text in zip(op.positions[1:], op.texts[1:], strict=True):
        art = WArticle(None, None, parse_lines(text), expect=(pos.article or 0, pos.sub))
        event(art, ctx, "created", f"from {src.old_label}")
        src.after.append(art)


def _add_articles(w: Working, op: AddArticles, ctx: Ctx, _r: object) -> None:
    new_arts = []
    for pos, text in zip(op.positions or (None,) * len(op.texts), op.texts, strict=True):
        art = WArticle(None, None, parse_lines(text), expect=(pos.article or 0, pos.sub) if pos else None)
        event(art, ctx, "created")
        new_arts.append(art)
    if op.after is not None:
        anchor = w.article(op.after, ctx)
        if op.before:
            anchor.before.extend(new_arts)
        else:
            # several additions after the same article: their stated numbers give the order
            for art in new_arts:
                art.anchor = anchor
            anchor.after.extend(new_arts)
            anchor.after.sort(key=lambda b: b.expect if isinstance(b, WArticle) and b.expect else (0, 0))
        return
    chapter = None
    if op.chapter is not None:
        chapter = w.chapters.get(op.chapter)
        if chapter is None or chapter.deleted_by:
            raise fail(ctx, _("the text has no 第{number}章").format(number=int_to_cn(op.chapter)))
    for art in new_arts:
        art.chapter = chapter
        number, sub = art.expect  # type: ignore[misc]
        base = w.articles.get((number, 0)) if sub else None
        if base is not None and not base.deleted_by:
            base.after.append(art)  # 作为第X条之一: after 第X条
            base.after.sort(key=lambda b: b.expect if isinstance(b, WArticle) and b.expect else (0, 0))
        else:
            w.pending.append(art)


def number_unstated(w: Working, part: Part, decision_id: str) -> None:
    """在第十条后增加一条：“…” in a decision that does not renumber: the new article is 第十条之一
    when the decision numbers its other new articles so (作为第X条之一); otherwise its number is
    not said, and a 修改决定 that neither renumbers nor re-publishes gives none — refused."""
    new = [(a, x) for x in w.blocks for a in (*x.before, *x.after)
           if isinstance(a, WArticle) and a.old is None and a.expect is None]  # fmt: skip
    if not new:
        return
    subs = any(isinstance(op, AddArticles) and any(p.sub for p in op.positions)
               for ins in part.instructions for op in ins.ops)  # fmt: skip
    for art, anchor in new:
        if not subs or not isinstance(anchor, WArticle) or anchor.old is None or art in anchor.before:
            where = anchor.old_label if isinstance(anchor, WArticle) else ""
            raise AmendmentError(_(
                "an article added next to {article} without its number (no 作为第…条), and the decision "
                "neither renumbers the text (对条文顺序作相应调整 / 重新公布) nor numbers its new articles "
                "第…条之一: the new number is not said").format(article=where), decision=decision_id)
        number = anchor.old[0]
        taken = [k[1] for k in w.articles if k[0] == number]
        taken += [a.expect[1] for x in w.blocks for a in (*x.before, *x.after, *w.pending)
                  if isinstance(a, WArticle) and a.expect and a.expect[0] == number]  # fmt: skip
        art.expect = (number, max(taken, default=0) + 1)


def _add_paragraphs(w: Working, op: AddParagraphs, ctx: Ctx, _r: object) -> None:
    art = w.article(op.article, ctx)
    for pos, text in zip(op.positions, op.texts, strict=True):
        live = sum(1 for p in art.paras if not p.deleted_by) + sum(len(p.after) for p in art.paras)
        if pos is not None and pos - 1 > live:
            raise fail(ctx, _("{art.old_label} has {live} paragraphs; cannot add one as 第{number}款").format(art=art, live=live, number=int_to_cn(pos)), op.article)
        for p in parse_lines(text):
            p.expect, p.pending = pos, pos is not None
            art.paras.append(p)
        where = f"as 第{int_to_cn(pos)}款" if pos else "at the end"
        event(art, ctx, "modified", f"paragraph added {where}")


def _add_items(w: Working, op: AddItems, ctx: Ctx, _r: object) -> None:
    if op.paragraph.item is not None:
        _add_points(w, op, ctx)
        return
    para = w.paragraph(op.paragraph, ctx)
    art = w.article(op.paragraph, ctx)
    for pos, text in zip(op.positions, op.texts, strict=True):
        live = sum(1 for it in para.items if not it.deleted_by)
        if pos - 1 > live:
            raise fail(ctx, _("the paragraph has {live} items; cannot add one as 第{number}项").format(live=live, number=int_to_cn(pos)), op.paragraph)
        body = text.strip()
        m = ITEM_LABEL.match(body)
        if m:
            body = body[m.end() :]
        if not body:
            raise fail(ctx, _('empty item text'), op.paragraph)
        para.items.append(WItem(body, None, new_text=True, expect=pos, pending=True))
        event(art, ctx, "modified", f"item added as {pos}")


def _add_points(w: Working, op: AddItems, ctx: Ctx) -> None:
    _para, item = w.item(op.paragraph, ctx)
    style = next((p.style for p in item.points), "dot")
    for pos, text in zip(op.positions, op.texts, strict=True):
        body = text.strip()
        m = point_match(body)
        if m:
            style, body = m[0], m[3]
        if not body:
            raise fail(ctx, _('empty 目 text'), op.paragraph)
        live = sum(1 for p in item.points if not p.deleted_by)
        if pos - 1 > live:
            raise fail(ctx, _("the item has {live} 目; cannot add one as 第{number}目").format(live=live, number=int_to_cn(pos)), op.paragraph)
        item.points.append(WPoint(body, None, style, new_text=True, expect=pos, pending=True))
    event(w.article(op.paragraph, ctx), ctx, "modified", "目 added")


def _move(w: Working, op: Move, ctx: Ctx, _r: object) -> None:
    src, dst = op.source, op.destination
    if op.swap or op.after is not None:
        (_swap if op.swap else _relocate)(w, op, ctx)
        return
    if src.item is not None and dst.item is not None and dst.is_article is False and dst.paragraph in (
        None,
        src.paragraph,
    ):
        _para, item = w.item(src, ctx)
        item.expect = dst.item
        return
    if src.item is None and src.paragraph is not None and dst.paragraph is not None and dst.item is None and (
        dst.article is None or dst.article == src.article
    ):
        w.paragraph(src, ctx).expect = dst.paragraph
        return
    if src.is_article and dst.article is not None and dst.paragraph in (None, 1) and dst.item is None:
        art = w.article(src, ctx)
        art.expect, art.stated_move = (dst.article, dst.sub), True
        if op.text is not None:
            for p in art.paras:
                p.deleted_by = p.deleted_by or ctx.ins.ordinal
            art.paras = parse_lines(op.text)
        event(art, ctx, "moved", f"to {dst.label()}")
        return
    if src.paragraph is not None and src.item is None and dst.is_article:
        owner = w.article(src, ctx)
        para = w.paragraph(src, ctx)
        para.deleted_by = ctx.ins.ordinal
        content = parse_lines(op.text) if op.text is not None else [
            WPara(para.body, [WItem(it.body, None) for it in para.items if not it.deleted_by], None)
        ]
        art = WArticle(None, None, content, expect=(dst.article or 0, dst.sub))
        event(art, ctx, "created", f"from {owner.old_label}第{int_to_cn(src.paragraph)}款")
        event(owner, ctx, "modified", f"paragraph {src.paragraph} moved to {dst.label()}")
        w.pending.append(art)
        return
    raise fail(ctx, _("cannot move {source} to {target}").format(source=src.label(), target=dst.label()), src)


def _swap(w: Working, op: Move, ctx: Ctx) -> None:
    """第二款与第三款互换位置 / 第二项与第三项…: each takes the other's place (positions checked)."""
    a, b = op.source, op.destination
    if a.item is None and b.item is None and a.paragraph and b.paragraph and a.article == b.article and a.sub == b.sub:
        units: tuple[WPara | WItem, WPara | WItem] = (w.paragraph(a, ctx), w.paragraph(b, ctx))
        where = (a.paragraph, b.paragraph)
    elif a.item and b.item and (a.article, a.sub, a.paragraph) == (b.article, b.sub, b.paragraph) and a.subitem is None:
        units, where = (w.item(a, ctx)[1], w.item(b, ctx)[1]), (a.item, b.item)
    elif a.is_article and b.is_article:
        raise fail(ctx, _("articles are not swapped in place: the decision must say where each goes (将第X条移至第Y条之后)"), a)
    else:
        raise fail(ctx, _("cannot move {source} to {target}").format(source=a.label(), target=b.label()), a)
    if where[0] == where[1]:
        raise fail(ctx, _("cannot move {source} to {target}").format(source=a.label(), target=b.label()), a)
    for unit, pos in zip(units, reversed(where), strict=True):
        unit.expect, unit.pending = pos, True
    event(w.article(a, ctx), ctx, "modified", f"{a.label()} and {b.label()} swapped")


def _relocate(w: Working, op: Move, ctx: Ctx) -> None:
    """将第三条移至第五条之后(，作为第五条): printed right after (之前: before) the anchor, in its
    chapter; a stated number is checked against where that puts it."""
    assert op.after is not None
    if not op.source.is_article or not op.after.is_article:
        raise fail(ctx, _("cannot move {source} to {target}").format(source=op.source.label(), target=op.after.label()), op.source)
    art, anchor = w.article(op.source, ctx), w.article(op.after, ctx)
    if art is anchor or art.before or art.after:  # what was added next to it: does it travel along?
        raise fail(ctx, _("cannot move {source} to {target}").format(source=op.source.label(), target=op.after.label()), op.source)
    k = w.position[id(art)]
    def here(b: WArticle | WHeading) -> bool:
        return not (isinstance(b, WArticle) and (b.deleted_by or b.moved))

    prev = next((w.blocks[j] for j in range(k - 1, -1, -1) if here(w.blocks[j])), None)
    nxt = next((w.blocks[j] for j in range(k + 1, len(w.blocks)) if here(w.blocks[j])), None)
    rank = ("编", "分编", "章", "节").index
    if isinstance(prev, WHeading) and (nxt is None or (isinstance(nxt, WHeading) and rank(nxt.level) <= rank(prev.level))):
        heading = f"第{int_to_cn(prev.old)}{prev.level}" if prev.old else prev.title
        raise fail(ctx, _("moving {source} leaves {heading} without articles").format(source=art.old_label, heading=heading), op.source)
    art.moved, art.anchor = True, anchor
    (anchor.before if op.before else anchor.after).append(art)
    if op.destination.article is not None:
        art.expect, art.stated_move = (op.destination.article, op.destination.sub), True
    event(art, ctx, "moved", f"{'before' if op.before else 'after'} {anchor.old_label}")


def _heading(w: Working, op: HeadingOp, ctx: Ctx, _r: object) -> None:
    if op.action == "add":
        _add_heading(w, op, ctx)
        return
    table = w.chapters if op.level == "章" else w.sections
    key = op.number if op.level == "章" else (op.chapter or 0, op.number)
    if op.level == "节" and op.chapter is None:
        hits = [h for (c, n), h in w.sections.items() if n == op.number]
        h = hits[0] if len(hits) == 1 else None
    else:
        h = table.get(key)  # type: ignore[call-overload]
    label = f"第{int_to_cn(op.number)}{op.level}"
    if h is None or h.deleted_by:
        said = _("the text has no {label}") if h is None else _("{label} was already deleted")
        raise fail(ctx, said.format(label=label))
    if op.action == "rename":
        h.title = op.title
        return
    if op.action == "renumber":
        h.expect = op.renumbered_to
        return
    h.deleted_by = ctx.ins.ordinal
    if op.action == "delete":
        idx = w.position[id(h)] + 1
        while idx < len(w.blocks):
            b = w.blocks[idx]
            if isinstance(b, WHeading) and (b.level == "章" or b.level == op.level):
                break
            b.deleted_by = b.deleted_by or ctx.ins.ordinal
            idx += 1


def _add_heading(w: Working, op: HeadingOp, ctx: Ctx) -> None:
    h = WHeading(op.level, None, op.title, expect=op.number or None)
    for k, text in enumerate(op.articles):
        pos = op.positions[k] if k < len(op.positions) else None
        art = WArticle(None, None, parse_lines(text), expect=(pos.article or 0, pos.sub) if pos else None)
        art.in_heading = True
        event(art, ctx, "created", f"in new 第{int_to_cn(op.number)}{op.level}")
        h.after.append(art)
    if op.after is not None:
        _after_block(w, op, ctx).after.append(h)
        return
    chapter = w.chapters.get(op.chapter) if op.chapter is not None else None
    if op.level == "节" and op.chapter is not None and chapter is None:
        raise fail(ctx, _("the text has no 第{number}章").format(number=int_to_cn(op.chapter)))
    same = [
        b
        for b in w.blocks
        if isinstance(b, WHeading) and b.level == op.level and not b.deleted_by
        and (chapter is None or b.chapter is chapter)
    ]
    if op.number - 1 < len(same):
        same[op.number - 1].before.append(h)
        return
    if chapter is not None:  # after the last block of that chapter
        j = w.position[id(chapter)] + 1
        while j < len(w.blocks) and not (isinstance(w.blocks[j], WHeading) and w.blocks[j].level == "章"):
            j += 1
        last = w.blocks[j - 1]
        last.after.append(h)
        return
    w.tail.append(h)


def _after_block(w: Working, op: HeadingOp, ctx: Ctx) -> WArticle | WHeading:
    """在第二章后增加一章: after the last block of 第二章; 在第九条后增加一章: after 第九条, which must
    end its chapter (节: its section) — else the articles after it would change chapter unsaid."""
    assert op.after is not None
    stop = ("编", "章") if op.level == "章" else ("编", "章", "节")
    if op.after.unit == "chapter":
        blocks = w.chapter_blocks(op.after, ctx)
        return blocks[-1]
    art = w.article(op.after, ctx)
    for b in w.blocks[w.position[id(art)] + 1:]:
        if isinstance(b, WHeading) and b.level in stop:
            break
        if isinstance(b, WArticle) and not b.deleted_by:
            raise fail(ctx, _("{article} does not end its {level}: {next} after it would fall into the new {level}").format(
                article=art.old_label, level="章" if op.level == "章" else "节", next=b.old_label), op.after)
    return art


def _statement(w: Working, op: Renumber | Unstated, ctx: Ctx, _r: object) -> None:
    """条文顺序作相应调整 / 个别文字作相应修改: read by the driver, nothing to edit."""


STRUCTURE_EDITS = {
    DeleteUnits: _delete_units,
    Merge: _merge,
    Split: _split,
    AddArticles: _add_articles,
    AddParagraphs: _add_paragraphs,
    AddItems: _add_items,
    Move: _move,
    HeadingOp: _heading,
    Renumber: _statement,
    Unstated: _statement,
}

__all__ = ["STRUCTURE_EDITS", "WHeading"]
