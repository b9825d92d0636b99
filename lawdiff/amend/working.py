"""The working copy a decision edits: old numbers kept, deleted units marked, events per article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from lawdiff.amend.ops import Instruction, Ref
from lawdiff.errors import AmendmentError
from lawdiff.structure.model import Heading, LawText

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
    deleted: dict[str, str] = field(
        default_factory=dict
    )  # old label -> instruction (deleted or merged away)

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

    def article(self, ref: Ref, ctx: Ctx) -> WArticle:
        if ref.article is None:
            raise fail(ctx, "no article named", ref)
        art = self.articles.get((ref.article, ref.sub))
        if art is None:
            raise fail(ctx, f"the text has no {Ref(ref.article, ref.sub).label()}", ref)
        if art.deleted_by:
            raise fail(
                ctx, f"{art.old_label} was already deleted by instruction {art.deleted_by}", ref
            )
        return art

    def paragraph(self, ref: Ref, ctx: Ctx) -> WPara:
        art = self.article(ref, ctx)
        if ref.paragraph is None:
            with_items = [p for p in art.paras if p.items and not p.deleted_by]
            if ref.item is not None and len(with_items) == 1:
                return with_items[0]
            live = [p for p in art.paras if not p.deleted_by]
            if len(live) == 1:
                return live[0]
            raise fail(ctx, f"{art.old_label} has {len(live)} paragraphs: say which one", ref)
        para = self.paras.get((ref.article, ref.sub, ref.paragraph))  # type: ignore[arg-type]
        if para is None:
            raise fail(
                ctx,
                f"{art.old_label} has no paragraph {ref.paragraph} (it has {len(art.paras)})",
                ref,
            )
        if para.deleted_by:
            raise fail(
                ctx, f"that paragraph was already deleted by instruction {para.deleted_by}", ref
            )
        return para

    def item(self, ref: Ref, ctx: Ctx) -> tuple[WPara, WItem]:
        para = self.paragraph(ref, ctx)
        assert ref.item is not None
        item = next((it for it in para.items if it.old == ref.item), None)
        if item is None:
            raise fail(
                ctx, f"no item {ref.item} there (the paragraph has {len(para.items)} items)", ref
            )
        if item.deleted_by:
            raise fail(ctx, f"that item was already deleted by instruction {item.deleted_by}", ref)
        return para, item

    def live_articles(self) -> list[WArticle]:
        return [b for b in self.blocks if isinstance(b, WArticle)]


def event(art: WArticle, ctx: Ctx, action: str, detail: str = "") -> None:
    art.events.append(Event(ctx.decision, ctx.ins.ordinal, action, detail))


def parse_lines(text: str) -> list[WPara]:
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
