"""Apply a parsed decision to a revision: exact edits or an AmendmentError, then renumbering.

Every reference is resolved against the text *before* the decision: the
working copy keeps the old number of each article, paragraph and item, and
the maps built at the start never change, so 第二款 means the old 第二款 even
after a paragraph was inserted in front of it.  Units deleted by one
instruction and named by another are a conflict.  Global term replacements
run last, over the units the decision did not write itself, in one pass for
all pairs (so 第七十六条→第七十七条 and 第七十七条→第七十八条 do not chain and
基本农田→永久基本农田 never yields 永久永久基本农田).

Positions the decision states about the *new* text (作为第二款, 作为第十条,
将第五项调整为第四项) are checked after renumbering.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from lawdiff.amend.decisions import (
    AddArticles,
    AddItems,
    AddParagraphs,
    Decision,
    DeletePhrases,
    DeleteUnits,
    HeadingOp,
    InsertPhrase,
    Instruction,
    Merge,
    Move,
    Op,
    Part,
    Ref,
    ReplaceTerms,
    ReplaceUnit,
    TableCell,
    TableCells,
)
from lawdiff.errors import AmendmentError
from lawdiff.structure.model import Article, Heading, Item, LawText, Paragraph, Table
from lawdiff.structure.model import TableCell as Cell
from lawdiff.structure.numerals import int_to_cn, to_int

ITEM_LABEL = regex.compile(r"^（([零一二三四五六七八九十百]+)）")
ARTICLE_LABEL = regex.compile(
    r"^第[零一二三四五六七八九十百千]+条(?:之[零一二三四五六七八九十]+)?[\u3000 ]+"
)


class Event(NamedTuple):
    """What one instruction did to one article."""

    decision: str
    instruction: str
    action: str  # created | replaced | modified | merged | moved | renumbered
    detail: str = ""


# ---------------------------------------------------------------- working copy


@dataclass(eq=False)
class WItem:
    body: str
    old: int | None
    new_text: bool = False
    deleted_by: str | None = None
    expect: int | None = None  # 调整为第N项


@dataclass(eq=False)
class WPara:
    body: str
    items: list[WItem]
    old: int | None
    new_text: bool = False
    deleted_by: str | None = None
    expect: int | None = None  # 作为第N款
    inserted: list[str] = field(default_factory=list)  # strings written by phrase-level edits


@dataclass(eq=False)
class WArticle:
    old: tuple[int, int] | None
    old_label: str | None
    paras: list[WPara]
    events: list[Event] = field(default_factory=list)
    deleted_by: str | None = None
    expect: tuple[int, int] | None = None  # 作为第N条(之M)


@dataclass(eq=False)
class WHeading:
    level: str
    old: int | None
    title: str
    chapter: WHeading | None = None  # the chapter of a section
    deleted_by: str | None = None
    expect: int | None = None


class Provenance(NamedTuple):
    """Per article of the result: its label, its label before, and what touched it."""

    label: str
    old_label: str | None
    events: tuple[Event, ...]


@dataclass
class Result:
    text: LawText
    provenance: list[Provenance]
    replacements: dict[str, list[tuple[str, str, int]]]  # instruction -> (old, new, count)
    applied: int  # operations applied
    deleted: dict[str, str] = field(default_factory=dict)  # old label -> instruction (deleted or merged away)

    def old_to_new(self) -> dict[str, str]:
        return {p.old_label: p.label for p in self.provenance if p.old_label}


class _Ctx(NamedTuple):
    decision: str
    ins: Instruction


def _fail(ctx: _Ctx, message: str, ref: Ref | None = None) -> AmendmentError:
    return AmendmentError(
        message,
        decision=ctx.decision,
        instruction=ctx.ins.ordinal,
        instruction_text=ctx.ins.text,
        article=ref.label() if ref is not None else None,
    )


class Working:
    """The mutable copy of a revision the operations edit."""

    def __init__(self, text: LawText) -> None:
        self.title = text.title
        self.note = text.note
        self.preamble = list(text.preamble)
        self.blocks: list[WArticle | WHeading] = []
        self.articles: dict[tuple[int, int], WArticle] = {}
        self.paras: dict[tuple[int, int, int], WPara] = {}
        self.items: dict[tuple[int, int, int, int], WItem] = {}
        self.chapters: dict[int, WHeading] = {}
        self.sections: dict[tuple[int, int], WHeading] = {}
        self.tables = list(text.tables)
        chapter: WHeading | None = None
        for block in text.blocks:
            if isinstance(block, Heading):
                h = WHeading(block.level, block.number, block.title)
                if block.level == "章":
                    chapter = h
                    self.chapters[block.number] = h
                elif block.level == "节":
                    h.chapter = chapter
                    self.sections[(chapter.old if chapter and chapter.old else 0, block.number)] = h
                self.blocks.append(h)
                continue
            key = (block.number, block.sub)
            art = WArticle(key, block.label, [])
            for p_no, para in enumerate(block.paragraphs, start=1):
                wp = WPara(para.body, [WItem(it.body, it.number) for it in para.items], p_no)
                art.paras.append(wp)
                self.paras[(*key, p_no)] = wp
                for it in wp.items:
                    assert it.old is not None
                    self.items[(*key, p_no, it.old)] = it
            self.articles[key] = art
            self.blocks.append(art)

    # ------------------------------------------------------------ resolution

    def article(self, ref: Ref, ctx: _Ctx) -> WArticle:
        if ref.article is None:
            raise _fail(ctx, "no article named", ref)
        art = self.articles.get((ref.article, ref.sub))
        if art is None:
            raise _fail(ctx, f"the text has no {Ref(ref.article, ref.sub).label()}", ref)
        if art.deleted_by:
            raise _fail(
                ctx, f"{art.old_label} was already deleted by instruction {art.deleted_by}", ref
            )
        return art

    def paragraph(self, ref: Ref, ctx: _Ctx) -> WPara:
        art = self.article(ref, ctx)
        if ref.paragraph is None:
            with_items = [p for p in art.paras if p.items and not p.deleted_by]
            if ref.item is not None and len(with_items) == 1:
                return with_items[0]
            live = [p for p in art.paras if not p.deleted_by]
            if len(live) == 1:
                return live[0]
            raise _fail(ctx, f"{art.old_label} has {len(live)} paragraphs: say which one", ref)
        para = self.paras.get((ref.article, ref.sub, ref.paragraph))  # type: ignore[arg-type]
        if para is None:
            raise _fail(
                ctx,
                f"{art.old_label} has no paragraph {ref.paragraph} (it has {len(art.paras)})",
                ref,
            )
        if para.deleted_by:
            raise _fail(
                ctx, f"that paragraph was already deleted by instruction {para.deleted_by}", ref
            )
        return para

    def item(self, ref: Ref, ctx: _Ctx) -> tuple[WPara, WItem]:
        para = self.paragraph(ref, ctx)
        assert ref.item is not None
        item = next((it for it in para.items if it.old == ref.item), None)
        if item is None:
            raise _fail(
                ctx, f"no item {ref.item} there (the paragraph has {len(para.items)} items)", ref
            )
        if item.deleted_by:
            raise _fail(ctx, f"that item was already deleted by instruction {item.deleted_by}", ref)
        return para, item

    def live_articles(self) -> list[WArticle]:
        return [b for b in self.blocks if isinstance(b, WArticle)]


# ---------------------------------------------------------------- applying


def apply_part(
    base: LawText,
    part: Part,
    decision: Decision,
    *,
    decision_id: str,
    renumber: bool | None = None,
    history_entry: str | None = None,
) -> Result:
    """Apply one part of a decision to ``base``; the result is renumbered and checked."""
    w = Working(base)
    replacements: dict[str, list[tuple[str, str, int]]] = {}
    deferred: list[tuple[_Ctx, Op]] = []
    applied = 0
    for ins in part.instructions:
        ctx = _Ctx(decision_id, ins)
        for op in ins.ops:
            if isinstance(op, ReplaceTerms) and op.scope is None:
                deferred.append((ctx, op))
                continue
            _apply_op(w, op, ctx, replacements)
            applied += 1
    for ctx, op in deferred:
        assert isinstance(op, ReplaceTerms)
        _global_replace(w, op, ctx, replacements)
        applied += 1
    do_renumber = decision.renumber or decision.republish if renumber is None else renumber
    text, provenance = _build(w, renumber=do_renumber, decision_id=decision_id, part=part)
    if history_entry and text.note:
        text = text._replace(note=text.note[:-1] + "\u3000" + history_entry + "）")
    deleted = {
        a.old_label: a.deleted_by for a in w.articles.values() if a.deleted_by and a.old_label
    }
    return Result(text, provenance, replacements, applied, deleted)


def _apply_op(
    w: Working, op: Op, ctx: _Ctx, replacements: dict[str, list[tuple[str, str, int]]]
) -> None:
    handler = _HANDLERS.get(type(op))
    if handler is None:
        raise _fail(ctx, f"{op.kind} cannot be applied to articles")
    handler(w, op, ctx, replacements)


def _event(art: WArticle, ctx: _Ctx, action: str, detail: str = "") -> None:
    art.events.append(Event(ctx.decision, ctx.ins.ordinal, action, detail))


def _parse_lines(text: str) -> list[WPara]:
    """Replacement text -> paragraphs with items (its own article label is dropped)."""
    lines = [ln.strip("\u3000 ") for ln in text.split("\n") if ln.strip()]
    if lines:
        lines[0] = ARTICLE_LABEL.sub("", lines[0])
    paras: list[WPara] = []
    for line in lines:
        m = ITEM_LABEL.match(line)
        if m and paras:
            paras[-1].items.append(WItem(line[m.end() :], None, new_text=True))
        else:
            paras.append(WPara(line, [], None, new_text=True))
    return paras


def _replace_unit(w: Working, op: ReplaceUnit, ctx: _Ctx, _r: object) -> None:
    t = op.target
    if t.item is not None:
        para, item = w.item(t, ctx)
        body = op.text.strip()
        m = ITEM_LABEL.match(body)
        if m:
            if to_int(m.group(1)) != t.item:
                raise _fail(
                    ctx,
                    f"the new text is labelled {m.group(0)}, the item is ({int_to_cn(t.item)})",
                    t,
                )
            body = body[m.end() :]
        item.body, item.new_text = body, True
        _event(w.article(t, ctx), ctx, "modified", f"item {t.item} replaced")
        return
    if t.paragraph is not None:
        para = w.paragraph(t, ctx)
        new = _parse_lines(op.text)
        art = w.article(t, ctx)
        first, rest = new[0], new[1:]
        para.body, para.items, para.new_text = first.body, first.items, True
        idx = art.paras.index(para)
        art.paras[idx + 1 : idx + 1] = rest
        _event(art, ctx, "modified", f"paragraph {t.paragraph} replaced")
        return
    art = w.article(t, ctx)
    for p in art.paras:
        p.deleted_by = ctx.ins.ordinal
    art.paras = _parse_lines(op.text)
    _event(art, ctx, "replaced")


def _delete_units(w: Working, op: DeleteUnits, ctx: _Ctx, _r: object) -> None:
    for t in op.targets:
        if t.item is not None:
            para, item = w.item(t, ctx)
            item.deleted_by = ctx.ins.ordinal
            para.items.remove(item)
            _event(w.article(t, ctx), ctx, "modified", f"item {t.item} deleted")
        elif t.paragraph is not None:
            art = w.article(t, ctx)
            para = w.paragraph(t, ctx)
            para.deleted_by = ctx.ins.ordinal
            art.paras.remove(para)
            if not art.paras:
                raise _fail(
                    ctx,
                    f"deleting this leaves {art.old_label} empty: delete the article instead",
                    t,
                )
            _event(art, ctx, "modified", f"paragraph {t.paragraph} deleted")
        else:
            art = w.article(t, ctx)
            art.deleted_by = ctx.ins.ordinal
            w.blocks.remove(art)


def _scope_units(
    w: Working, scope: Ref, ctx: _Ctx
) -> tuple[WArticle, list[tuple[WPara | WItem, WPara]]]:
    """The texts an in-place edit may touch: paragraph bodies and item bodies."""
    art = w.article(scope, ctx)
    if scope.item is not None:
        para, item = w.item(scope, ctx)
        return art, [(item, para)]
    paras = [w.paragraph(scope, ctx)] if scope.paragraph is not None else list(art.paras)
    units: list[tuple[WPara | WItem, WPara]] = []
    for p in paras:
        units.append((p, p))
        units.extend((it, p) for it in p.items)
    return art, units


def _delete_phrases(w: Working, op: DeletePhrases, ctx: _Ctx, _r: object) -> None:
    art, units = _scope_units(w, op.scope, ctx)
    for phrase in op.phrases:
        count = sum(u.body.count(phrase) for u, _ in units)
        if count == 0:
            raise _fail(ctx, f"“{phrase}” not found", op.scope)
        for u, _ in units:
            u.body = u.body.replace(phrase, "")
        _event(art, ctx, "modified", f"deleted “{phrase}” x{count}")


def _local_replace(
    w: Working, op: ReplaceTerms, ctx: _Ctx, replacements: dict[str, list[tuple[str, str, int]]]
) -> None:
    assert op.scope is not None
    art, units = _scope_units(w, op.scope, ctx)
    counts = _replace_pairs([(u, p) for u, p in units], op.pairs, ctx, op.scope)
    replacements.setdefault(ctx.ins.ordinal, []).extend(
        (a, b, n) for (a, b), n in zip(op.pairs, counts, strict=True)
    )
    _event(art, ctx, "modified", "；".join(f"“{a}”→“{b}”" for a, b in op.pairs))


def _replace_pairs(
    units: Iterable[tuple[WPara | WItem, WPara]],
    pairs: tuple[tuple[str, str], ...],
    ctx: _Ctx,
    scope: Ref | None,
    *,
    require_each: bool = True,
) -> list[int]:
    """All pairs at once, in one left-to-right pass; occurrences already inside a new term are left alone."""
    olds = sorted({a for a, _ in pairs}, key=len, reverse=True)
    mapping = dict(pairs)
    pattern = regex.compile("|".join(regex.escape(a) for a in olds))
    counts = {a: 0 for a in olds}
    for unit, para in units:
        protected = _protected_spans(unit.body, pairs, para.inserted)

        def repl(m: regex.Match[str], protected: list[tuple[int, int]] = protected) -> str:
            if any(s <= m.start() and m.end() <= e for s, e in protected):
                return m.group(0)
            counts[m.group(0)] += 1
            return mapping[m.group(0)]

        unit.body = pattern.sub(repl, unit.body)
        para.inserted.extend(b for _, b in pairs)
    if require_each:
        for a in olds:
            if counts[a] == 0:
                raise _fail(ctx, f"“{a}” not found", scope)
    return [counts[a] for a, _ in pairs]


def _protected_spans(
    text: str, pairs: tuple[tuple[str, str], ...], inserted: list[str]
) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for old, new in pairs:
        if old in new:
            spans.extend((m.start(), m.end()) for m in regex.finditer(regex.escape(new), text))
    for s in inserted:
        if s:
            spans.extend((m.start(), m.end()) for m in regex.finditer(regex.escape(s), text))
    return spans


def _global_replace(
    w: Working, op: ReplaceTerms, ctx: _Ctx, replacements: dict[str, list[tuple[str, str, int]]]
) -> None:
    per_article: list[tuple[WArticle, list[tuple[WPara | WItem, WPara]]]] = []
    for art in w.live_articles():
        units: list[tuple[WPara | WItem, WPara]] = []
        for p in art.paras:
            if not p.new_text:
                units.append((p, p))
            units.extend((it, p) for it in p.items if not it.new_text and not p.new_text)
        per_article.append((art, units))
    before = {id(u): u.body for _, units in per_article for u, _ in units}
    counts = _replace_pairs([u for _, units in per_article for u in units], op.pairs, ctx, None)
    for art, units in per_article:
        changed = sum(1 for u, _ in units if u.body != before[id(u)])
        if changed:
            _event(art, ctx, "modified", "terms replaced")
    replacements.setdefault(ctx.ins.ordinal, []).extend(
        (a, b, n) for (a, b), n in zip(op.pairs, counts, strict=True)
    )


def _insert_phrase(w: Working, op: InsertPhrase, ctx: _Ctx, _r: object) -> None:
    if op.scope is None:
        raise _fail(ctx, "an insertion needs the article it applies to")
    art, units = _scope_units(w, op.scope, ctx)
    hits = [(u, p) for u, p in units if op.anchor in u.body]
    total = sum(u.body.count(op.anchor) for u, _ in hits)
    if total != 1:
        what = (
            "not found" if total == 0 else f"found {total} times; the insertion point is ambiguous"
        )
        raise _fail(ctx, f"“{op.anchor}” {what}", op.scope)
    unit, para = hits[0]
    i = unit.body.index(op.anchor)
    at = i if op.before else i + len(op.anchor)
    unit.body = unit.body[:at] + op.text + unit.body[at:]
    para.inserted.append(op.text)
    _event(art, ctx, "modified", f"inserted “{op.text}”")


def _merge(w: Working, op: Merge, ctx: _Ctx, _r: object) -> None:
    arts = [w.article(t, ctx) for t in op.targets]
    first = arts[0]
    for p in first.paras:
        p.deleted_by = ctx.ins.ordinal
    first.paras = _parse_lines(op.text)
    labels = "、".join(a.old_label or "?" for a in arts)
    _event(first, ctx, "merged", f"from {labels}")
    for a in arts[1:]:
        a.deleted_by = ctx.ins.ordinal
        w.blocks.remove(a)


def _add_articles(w: Working, op: AddArticles, ctx: _Ctx, _r: object) -> None:
    new_arts = []
    for pos, text in zip(op.positions, op.texts, strict=True):
        art = WArticle(None, None, _parse_lines(text), expect=(pos.article or 0, pos.sub))
        _event(art, ctx, "created")
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


def _add_paragraphs(w: Working, op: AddParagraphs, ctx: _Ctx, _r: object) -> None:
    art = w.article(op.article, ctx)
    for pos, text in zip(op.positions, op.texts, strict=True):
        if pos - 1 > len(art.paras):
            raise _fail(
                ctx,
                f"{art.old_label} has {len(art.paras)} paragraphs; cannot add one as 第{int_to_cn(pos)}款",
                op.article,
            )
        new = _parse_lines(text)
        for p in new:
            p.expect = pos
        art.paras[pos - 1 : pos - 1] = new
        _event(art, ctx, "modified", f"paragraph added as {pos}")


def _add_items(w: Working, op: AddItems, ctx: _Ctx, _r: object) -> None:
    para = w.paragraph(op.paragraph, ctx)
    art = w.article(op.paragraph, ctx)
    for pos, text in zip(op.positions, op.texts, strict=True):
        if pos - 1 > len(para.items):
            raise _fail(
                ctx,
                f"the paragraph has {len(para.items)} items; cannot add one as 第{int_to_cn(pos)}项",
                op.paragraph,
            )
        body = text.strip()
        m = ITEM_LABEL.match(body)
        if m:
            body = body[m.end() :]
        para.items.insert(pos - 1, WItem(body, None, new_text=True, expect=pos))
        _event(art, ctx, "modified", f"item added as {pos}")


def _move(w: Working, op: Move, ctx: _Ctx, _r: object) -> None:
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
        _event(art, ctx, "moved", f"to {dst.label()}")
        return
    if dst.article is not None and src.paragraph is not None:
        owner = w.article(src, ctx)
        para = w.paragraph(src, ctx)
        owner.paras.remove(para)
        para.deleted_by = None
        art = WArticle(
            None, None, [WPara(para.body, para.items, None)], expect=(dst.article, dst.sub)
        )
        _event(art, ctx, "created", f"from {owner.old_label}第{int_to_cn(src.paragraph)}款")
        _event(owner, ctx, "modified", f"paragraph {src.paragraph} moved to {dst.label()}")
        w.blocks.insert(_index_for_new_number(w, art.expect), art)
        return
    raise _fail(ctx, f"cannot move {src.label()} to {dst.label()}", src)


def _heading(w: Working, op: HeadingOp, ctx: _Ctx, _r: object) -> None:
    if op.action == "add":
        _add_heading(w, op, ctx)
        return
    table = w.chapters if op.level == "章" else w.sections
    key = op.number if op.level == "章" else (op.chapter or 0, op.number)
    h = table.get(key)  # type: ignore[call-overload]
    label = f"第{int_to_cn(op.number)}{op.level}"
    if h is None or h.deleted_by:
        raise _fail(
            ctx, f"the text has no {label}" if h is None else f"{label} was already deleted"
        )
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


def _add_heading(w: Working, op: HeadingOp, ctx: _Ctx) -> None:
    h = WHeading(op.level, None, op.title, expect=op.number)
    arts = []
    for text in op.articles:
        art = WArticle(None, None, _parse_lines(text))
        _event(art, ctx, "created", f"in new 第{int_to_cn(op.number)}{op.level}")
        arts.append(art)
    same = [
        b for b in w.blocks if isinstance(b, WHeading) and b.level == op.level and not b.deleted_by
    ]
    if op.level == "节" and op.chapter is not None:
        ch = w.chapters.get(op.chapter)
        if ch is None:
            raise _fail(ctx, f"the text has no 第{int_to_cn(op.chapter)}章")
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


def _tables(w: Working, op: TableCell | TableCells, ctx: _Ctx, _r: object) -> None:
    cells = op.cells if isinstance(op, TableCells) else (op,)
    for cell in cells:
        _table_cell(w, cell, ctx)


def _table_cell(w: Working, cell: TableCell, ctx: _Ctx) -> None:
    if not w.tables:
        raise _fail(ctx, "the text has no table to change")
    tables = [t for t in w.tables if cell.table is None or cell.table in t.title]
    if len(tables) != 1:
        raise _fail(
            ctx, f"table {cell.table or ''} not found" if not tables else "several tables: name one"
        )
    table = tables[0]
    if cell.column not in table.columns:
        raise _fail(
            ctx,
            f"table {table.title} has no column {cell.column} (columns: {'、'.join(table.columns)})",
        )
    current = table.get(cell.row, cell.column)
    if current is None and not table.partial:
        raise _fail(ctx, f"table {table.title} has no row “{cell.row}”")
    if cell.old is not None and current is not None and _value_key(current) != _value_key(cell.old):
        raise _fail(
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


_HANDLERS = {
    ReplaceUnit: _replace_unit,
    DeleteUnits: _delete_units,
    DeletePhrases: _delete_phrases,
    ReplaceTerms: _local_replace,
    InsertPhrase: _insert_phrase,
    Merge: _merge,
    AddArticles: _add_articles,
    AddParagraphs: _add_paragraphs,
    AddItems: _add_items,
    Move: _move,
    HeadingOp: _heading,
    TableCell: _tables,
    TableCells: _tables,
}


# ---------------------------------------------------------------- renumbering and output


def _build(
    w: Working, *, renumber: bool, decision_id: str, part: Part
) -> tuple[LawText, list[Provenance]]:
    blocks: list[Heading | Article] = []
    provenance: list[Provenance] = []
    chapter_no = section_no = 0
    chapter_text: str | None = None
    section_text: str | None = None
    art_no = 0
    problems: list[str] = []
    for b in w.blocks:
        if isinstance(b, WHeading):
            if b.level == "章":
                chapter_no += 1
                section_no = 0
                number = chapter_no if renumber or b.old is None else b.old
                head = Heading("章", number, f"第{int_to_cn(number)}章", b.title)
                chapter_text, section_text = head.text, None
            else:
                section_no += 1
                number = section_no if renumber or b.old is None else b.old
                head = Heading(b.level, number, f"第{int_to_cn(number)}{b.level}", b.title)
                if b.level == "节":
                    section_text = head.text
            if b.expect is not None and head.number != b.expect:
                problems.append(
                    f"the new {b.level} is {head.label}, the decision says 第{int_to_cn(b.expect)}{b.level}"
                )
            blocks.append(head)
            continue
        if renumber or (b.old is None and b.expect is None):
            art_no += 1
            number, sub = art_no, 0
        elif b.old is None:
            assert b.expect is not None
            number, sub = b.expect
        else:
            number, sub = b.old
        label = f"第{int_to_cn(number)}条" + (f"之{int_to_cn(sub)}" if sub else "")
        if b.expect is not None and (number, sub) != b.expect:
            want = f"第{int_to_cn(b.expect[0])}条" + (
                f"之{int_to_cn(b.expect[1])}" if b.expect[1] else ""
            )
            problems.append(f"{want} was asked for, but after the other changes it is {label}")
        paragraphs = []
        for p_no, p in enumerate(b.paras, start=1):
            if p.expect is not None and p.expect != p_no:
                problems.append(
                    f"{label}: a paragraph added as 第{int_to_cn(p.expect)}款 ends up as 第{int_to_cn(p_no)}款"
                )
            items = []
            for i_no, it in enumerate(p.items, start=1):
                if it.expect is not None and it.expect != i_no:
                    problems.append(
                        f"{label}: item expected as 第{int_to_cn(it.expect)}项 is 第{int_to_cn(i_no)}项"
                    )
                items.append(Item(i_no, f"（{int_to_cn(i_no)}）", it.body))
            paragraphs.append(Paragraph(p.body, tuple(items)))
        art = Article(number, label, tuple(paragraphs), chapter_text, section_text, sub)
        blocks.append(art)
        events = list(b.events)
        if b.old_label and b.old_label != label:
            events.append(Event(decision_id, "", "renumbered", f"{b.old_label}→{label}"))
        provenance.append(Provenance(label, b.old_label, tuple(events)))
    if problems:
        raise AmendmentError(f"positions do not add up: {problems[0]}", decision=decision_id)
    for art in (b for b in blocks if isinstance(b, Article)):
        for line in art.lines():
            if not line.strip("\u3000 ") or line.endswith("\u3000"):
                raise AmendmentError(
                    f"{art.label} would be left with an empty paragraph", decision=decision_id
                )
    return LawText(w.title, w.note, tuple(w.preamble), tuple(blocks), tuple(w.tables)), provenance


def history_entry(decision: Decision) -> str | None:
    """根据…会议《关于修改…的决定》修正: the entry a consolidated text adds to its note."""
    m = regex.search(r"（([0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)(.+?会议)通过）", decision.text)
    if not m:
        return None
    title = regex.sub(r"^山西省人民代表大会常务委员会", "", decision.title)
    nested = title.translate(str.maketrans("《》〈〉", "〈〉《》"))
    return f"根据{m.group(1)}{m.group(2)}《{nested}》修正"


def apply_decision(
    base: LawText,
    decision: Decision,
    *,
    law_title: str | None = None,
    decision_id: str = "decision",
) -> Result:
    """Pick the part for ``law_title`` (or the base's own title) and apply it."""
    if law_title is not None or len(decision.parts) > 1:
        part = decision.part_for(law_title or base.title)
    else:
        part = decision.parts[0]
    if part.target and not _same_law(part.target, base.title):
        raise AmendmentError(
            f"the decision amends {part.target}, the base text is {base.title}",
            decision=decision_id,
        )
    return apply_part(
        base, part, decision, decision_id=decision_id, history_entry=history_entry(decision)
    )


def _same_law(a: str, b: str) -> bool:
    def key(t: str) -> str:
        return regex.sub(r"[《》〈〉\s\u3000]|^山西省人民代表大会常务委员会|^中华人民共和国", "", t)

    ka, kb = key(a), key(b)
    return bool(ka) and bool(kb) and (ka in kb or kb in ka)


def table_from_cells(
    title: str, cells: Iterable[tuple[str, str, str]], *, partial: bool, note: str = ""
) -> Table:
    cols: list[str] = []
    out = []
    for row, col, value in cells:
        if col not in cols:
            cols.append(col)
        out.append(Cell(row, col, value))
    return Table(title, tuple(cols), tuple(out), partial, note)
