"""The working copy a decision edits: old numbers kept, deleted units flagged, events per article.

Nothing is removed from or inserted into the list of blocks while a decision is applied:
a deletion sets a flag, an insertion is attached to its anchor (``before`` / ``after`` a
block) or waits for its stated position (``pending``), so every operation costs a dictionary
look-up plus the size of one article, and the whole text is arranged once, at the end
(``lawdiff.amend.build``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from lawdiff.amend.ops import Instruction, Ref
from lawdiff.errors import AmendmentError
from lawdiff.i18n import _
from lawdiff.structure.lines import point_match
from lawdiff.structure.model import Heading, LawText

ITEM_LABEL = regex.compile(r"^（([零一二三四五六七八九十百]+)）")
ARTICLE_LABEL = regex.compile(
    r"^第[零一二三四五六七八九十百千]+条(?:之[零一二三四五六七八九十]+)?[\u3000 ]+"
)
# inline items printed on one line: “…：（一）…；（二）…。” — split as the texts print them
INLINE_ITEM = regex.compile(r"(?<=[：；;:])(?=（[一二三四五六七八九十]+）)")


class Event(NamedTuple):
    """What one instruction did to one article (action: created | replaced | modified | merged |
    moved | renumbered | citation — the last implied by renumbering, not said by the decision)."""

    decision: str
    instruction: str
    action: str
    detail: str = ""


@dataclass(eq=False)
class WPoint:
    """目: 1．… (style dot) or （1）… (style paren) inside an item."""

    body: str
    old: int | None
    style: str = "dot"
    new_text: bool = False
    deleted_by: str | None = None
    expect: int | None = None
    pending: bool = False

    def label(self, number: int) -> str:
        return f"{number}．" if self.style == "dot" else f"（{number}）"


@dataclass(eq=False)
class WItem:
    body: str
    old: int | None
    new_text: bool = False
    points: list[WPoint] = field(default_factory=list)  # 目
    deleted_by: str | None = None
    expect: int | None = None  # 调整为第N项 / 作为第N项
    pending: bool = False  # placed by its stated number when the text is arranged


@dataclass(eq=False)
class WPara:
    body: str
    items: list[WItem]
    old: int | None
    new_text: bool = False
    deleted_by: str | None = None
    expect: int | None = None  # 作为第N款
    inserted: list[str] = field(default_factory=list)  # strings written by phrase-level edits
    after: list[WPara] = field(default_factory=list)  # paragraphs a replacement added after it
    pending: bool = False


@dataclass(eq=False)
class WArticle:
    old: tuple[int, int] | None
    old_label: str | None
    paras: list[WPara]
    events: list[Event] = field(default_factory=list)
    deleted_by: str | None = None
    merged_into: WArticle | None = None
    expect: tuple[int, int] | None = None  # 作为第N条(之M) / 改为第N条
    stated_move: bool = False  # the decision itself said 改为第N条: may be relocated to get there
    anchor: WArticle | None = None  # 在第X条后增加: the article it was added after
    chapter: WHeading | None = None  # 在第三章中增加一条: stays in that chapter at its boundary
    moved: bool = False  # 移至第Y条之后: printed where its anchor puts it, not where it stood
    in_heading: bool = False  # quoted under a new 章/节: its stated number is checked, never moves it
    before: list[WArticle | WHeading] = field(default_factory=list)
    after: list[WArticle | WHeading] = field(default_factory=list)


@dataclass(eq=False)
class WHeading:
    level: str
    old: int | None
    title: str
    chapter: WHeading | None = None  # the chapter of a section
    label: str | None = None  # as printed when unnumbered ("" / "一、"); None: 第N…
    deleted_by: str | None = None
    expect: int | None = None
    before: list[WArticle | WHeading] = field(default_factory=list)
    after: list[WArticle | WHeading] = field(default_factory=list)


Block = WArticle | WHeading


class Provenance(NamedTuple):
    """Per article of the result: its label, its label before, and what touched it."""

    label: str
    old_label: str | None
    events: tuple[Event, ...]


class Citation(NamedTuple):
    """A cross-reference renumbered because the decision renumbered (not said by the decision)."""

    article: str  # the article of the new text that holds it
    old: str
    new: str | None  # None: it points at a deleted provision (reported, left as printed)
    note: str = ""


@dataclass
class Result:
    text: LawText
    provenance: list[Provenance]
    replacements: dict[str, list[tuple[str, str, int]]]  # instruction -> (old, new, count)
    applied: int  # operations applied
    deleted: dict[str, str] = field(default_factory=dict)  # old label -> instruction (deleted or merged away)
    citations: list[Citation] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def old_to_new(self) -> dict[str, str]:
        return {p.old_label: p.label for p in self.provenance if p.old_label}


class Ctx(NamedTuple):
    decision: str
    ins: Instruction


def fail(ctx: Ctx, message: str, ref: Ref | None = None) -> AmendmentError:
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
        self.title_unit = WPara(text.title, [], 0)
        self.note = text.note
        self.preamble = [WPara(line, [], k) for k, line in enumerate(text.preamble, start=1)]
        self.blocks: list[Block] = []
        self.articles: dict[tuple[int, int], WArticle] = {}
        self.paras: dict[tuple[int, int, int], WPara] = {}
        self.items: dict[tuple[int, int, int, int], WItem] = {}
        self.old_paragraphs: dict[tuple[int, int], int] = {}
        self.chapters: dict[int, WHeading] = {}
        self.sections: dict[tuple[int, int], WHeading] = {}
        self.position: dict[int, int] = {}  # id(block) -> index in blocks
        self.pending: list[Block] = []  # new articles placed by their stated number
        self.tail: list[Block] = []  # new chapters after the last block
        self.tables = list(text.tables)
        self.renamed = False
        chapter: WHeading | None = None
        self.notes = text.notes
        self.annexes = text.annexes
        for block in text.blocks:
            if isinstance(block, Heading):
                h = WHeading(block.level, block.number, block.title, label=None if block.numbered else block.label)
                if block.level == "章" and block.numbered:
                    chapter = h
                    self.chapters[block.number] = h
                elif block.level == "节" and block.numbered:
                    h.chapter = chapter
                    self.sections[(chapter.old if chapter and chapter.old else 0, block.number)] = h
                self.position[id(h)] = len(self.blocks)
                self.blocks.append(h)
                continue
            key = (block.number, block.sub)
            art = WArticle(key, block.label, [])
            self.old_paragraphs[key] = len(block.paragraphs)
            for p_no, para in enumerate(block.paragraphs, start=1):
                items = [
                    WItem(it.body, it.number, points=[
                        WPoint(pt.body, pt.number, "paren" if pt.label.startswith("（") else "dot")
                        for pt in it.points
                    ])
                    for it in para.items
                ]  # fmt: skip
                wp = WPara(para.body, items, p_no)
                art.paras.append(wp)
                self.paras[(*key, p_no)] = wp
                for it in wp.items:
                    assert it.old is not None
                    self.items[(*key, p_no, it.old)] = it
            self.articles[key] = art
            self.position[id(art)] = len(self.blocks)
            self.blocks.append(art)

    # ------------------------------------------------------------ resolution

    def article(self, ref: Ref, ctx: Ctx) -> WArticle:
        if ref.article is None:
            raise fail(ctx, _('no article named'), ref)
        art = self.articles.get((ref.article, ref.sub))
        if art is None:
            raise fail(ctx, _("the text has no {article}").format(article=Ref(ref.article, ref.sub).label()), ref)
        if art.deleted_by:
            raise fail(
                ctx, _("{art.old_label} was already deleted by instruction {art.deleted_by}").format(art=art), ref
            )
        return art

    def paragraph(self, ref: Ref, ctx: Ctx) -> WPara:
        art = self.article(ref, ctx)
        live = [p for p in art.paras if not p.deleted_by]
        if ref.paragraph is None:
            with_items = [p for p in live if p.items]
            if ref.item is not None and len(with_items) == 1:
                return with_items[0]
            if ref.segment == "head" and len(with_items) == 1:
                return with_items[0]
            if len(live) == 1:
                return live[0]
            raise fail(ctx, _("{art.old_label} has {n} paragraphs: say which one").format(art=art, n=len(live)), ref)
        para = self.paras.get((ref.article, ref.sub, ref.paragraph))  # type: ignore[arg-type]
        if para is None:
            count = sum(1 for p in art.paras if p.old is not None)
            raise fail(ctx, _("{art.old_label} has no 第{number}款 (it has {count})").format(art=art, number=_cn(ref.paragraph), count=count), ref)
        if para.deleted_by:
            raise fail(
                ctx, _("that paragraph was already deleted by instruction {para.deleted_by}").format(para=para), ref
            )
        return para

    def item(self, ref: Ref, ctx: Ctx) -> tuple[WPara, WItem]:
        para = self.paragraph(ref, ctx)
        assert ref.item is not None
        item = next((it for it in para.items if it.old == ref.item), None)
        if item is None:
            count = sum(1 for it in para.items if it.old is not None)
            raise fail(ctx, _("no 第{number}项 there (the paragraph has {count} items)").format(number=_cn(ref.item), count=count), ref)
        if item.deleted_by:
            raise fail(ctx, _("that item was already deleted by instruction {item.deleted_by}").format(item=item), ref)
        return para, item

    def point(self, ref: Ref, ctx: Ctx) -> tuple[WPara, WItem, WPoint]:
        para, item = self.item(ref, ctx)
        pt = next((p for p in item.points if p.old == ref.subitem), None)
        if pt is None:
            count = sum(1 for p in item.points if p.old is not None)
            raise fail(ctx, _("no 第{number}目 there (the item has {count})").format(number=_cn(ref.subitem or 0), count=count), ref)
        if pt.deleted_by:
            raise fail(ctx, _("that 目 was already deleted by instruction {pt.deleted_by}").format(pt=pt), ref)
        return para, item, pt

    def chapter_blocks(self, ref: Ref, ctx: Ctx) -> list[Block]:
        """第三章 / 第三章第二节 (``Ref(unit="chapter")``, old numbers): its heading(s) and the
        articles of the text under it, up to the next heading of the same or a higher level."""
        head = self.chapters.get(ref.paragraph or 0)
        if head is not None and ref.item is not None:
            head = self.sections.get((ref.paragraph or 0, ref.item))
        if head is None or head.deleted_by:
            raise fail(ctx, _("the text has no {label}").format(label=ref.label()), ref)
        stop = ("编", "章") if head.level == "章" else ("编", "章", "节")
        out: list[Block] = [head]
        for b in self.blocks[self.position[id(head)] + 1:]:
            if isinstance(b, WHeading) and b.level in stop:
                break
            out.append(b)
        return out

    def live_articles(self) -> list[WArticle]:
        return [b for b in self.blocks if isinstance(b, WArticle) and not b.deleted_by]


def _cn(n: int) -> str:
    from lawdiff.structure.numerals import int_to_cn

    return int_to_cn(n)


def occurrences(text: str, s: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of ``s`` in ``text`` (plain search, no pattern)."""
    out: list[tuple[int, int]] = []
    if not s:
        return out
    i = text.find(s)
    while i >= 0:
        out.append((i, i + len(s)))
        i = text.find(s, i + len(s))
    return out


def event(art: WArticle, ctx: Ctx, action: str, detail: str = "") -> None:
    art.events.append(Event(ctx.decision, ctx.ins.ordinal, action, detail))


def parse_lines(text: str) -> list[WPara]:
    """Replacement text -> paragraphs with items (its own article label is dropped)."""
    lines = [ln.strip("\u3000 ") for ln in text.split("\n") if ln.strip()]
    if lines:
        lines[0] = ARTICLE_LABEL.sub("", lines[0])
    lines = [
        piece
        for ln in lines
        for piece in (INLINE_ITEM.split(ln) if len(INLINE_ITEM.findall(ln)) >= 2 else [ln])
        if piece
    ]
    paras: list[WPara] = []
    for line in lines:
        m = ITEM_LABEL.match(line)
        point = point_match(line)
        if point and paras and paras[-1].items:
            paras[-1].items[-1].points.append(WPoint(point[3], None, point[0], new_text=True))
        elif m and paras:
            paras[-1].items.append(WItem(line[m.end() :], None, new_text=True))
        else:
            paras.append(WPara(line, [], None, new_text=True))
    return paras
