"""Arrange the edited working copy into the new text: order, numbers, checks — in one pass.

* **Order.** The old blocks in their order, each with what was attached before and after it;
  new articles placed by their stated number (作为第N条) are merged in as the count reaches
  N (renumbered text) or by number order (text that keeps its numbers).  An article the
  decision says is renumbered to a place the natural order does not give it (将第二条修改为
  第六条) is taken out and placed by that number, in a second pass.
* **Numbers.** Renumbered: articles, chapters, sections, paragraphs and items counted anew.
  Not renumbered: old numbers kept; a new article must bring a number no other article has
  (``增加一条，作为第三条`` without 对条文顺序作相应调整 is refused when 第三条 exists).
* **Checks.** Every position the decision states about the new text must hold.

The old → new numbering is returned with the text, for the citations (``citations.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lawdiff.amend.working import (
    Block,
    Event,
    Provenance,
    WArticle,
    WHeading,
    WItem,
    Working,
    WPara,
    WPoint,
)
from lawdiff.errors import AmendmentError
from lawdiff.i18n import _
from lawdiff.structure.model import LEVELS, Article, Heading, Item, LawText, Paragraph, Point
from lawdiff.structure.numerals import int_to_cn

Key = tuple[int, int]


@dataclass
class Numbering:
    """Old number -> new number of every article, paragraph and item the decision kept."""

    articles: dict[Key, Key] = field(default_factory=dict)
    paragraphs: dict[tuple[int, int, int], int] = field(default_factory=dict)  # (art, sub, p) -> p
    items: dict[tuple[int, int, int, int], int] = field(default_factory=dict)  # (…, p, i) -> i
    deleted: dict[Key, str] = field(default_factory=dict)  # old key -> instruction
    merged: dict[Key, Key] = field(default_factory=dict)  # old key -> new key of the merged article
    old_paragraphs: dict[Key, int] = field(default_factory=dict)  # old key -> paragraphs it had
    old_items: set[tuple[int, int, int, int]] = field(default_factory=set)  # every item of the old text
    renumbered: bool = False


def label(key: Key) -> str:
    number, sub = key
    return f"第{int_to_cn(number)}条" + (f"之{int_to_cn(sub)}" if sub else "")


def _sequence(w: Working, relocated: set[int]) -> list[Block]:
    out: list[Block] = []

    def visit(b: Block, anchored: bool = False) -> None:
        for x in b.before:
            visit(x, True)
        if not b.deleted_by and id(b) not in relocated and (anchored or not getattr(b, "moved", False)):
            out.append(b)
        for x in b.after:
            visit(x, True)

    for b in w.blocks:
        visit(b)
    for b in w.tail:
        visit(b)
    return out


def _merge(seq: list[Block], pending: list[WArticle], renumber: bool) -> list[Block]:
    """Place ``pending`` (articles with a stated number) into ``seq``."""
    if not pending:
        return seq
    waiting = sorted(pending, key=lambda a: a.expect or (0, 0))
    out: list[Block] = []
    count, k = 0, 0
    boundary, chapter = 0, None  # after the last article placed; the chapter being walked

    def place(art: WArticle) -> None:
        nonlocal boundary
        if art.chapter is not None and chapter is not art.chapter:
            out.insert(boundary, art)  # 在第三章中增加…: before the next chapter's heading
            boundary += 1
        else:
            out.append(art)

    for b in seq:
        if isinstance(b, WHeading):
            chapter = b if b.level == "章" else chapter
        if isinstance(b, WArticle):
            key = b.old if b.old is not None and b.expect is None else b.expect
            if renumber:
                while k < len(waiting) and waiting[k].expect[0] <= count + 1:  # type: ignore[index]
                    place(waiting[k])
                    k, count = k + 1, count + 1
            else:
                while k < len(waiting) and key is not None and waiting[k].expect < key:  # type: ignore[operator]
                    place(waiting[k])
                    k += 1
            count += 1
        out.append(b)
        if isinstance(b, WArticle):
            boundary = len(out)
    for art in waiting[k:]:
        place(art)
    return out


def _numbers(seq: list[Block], renumber: bool) -> dict[int, Key]:
    numbers: dict[int, Key] = {}
    count = 0
    for b in seq:
        if isinstance(b, WArticle):
            count += 1
            if renumber:
                numbers[id(b)] = (count, 0)
            else:
                key = b.expect if b.old is None or (b.expect is not None and b.stated_move) else b.old
                numbers[id(b)] = key or (count, 0)
    return numbers


def arrange(w: Working, *, renumber: bool, decision_id: str) -> list[Block]:
    """The blocks of the new text in order (articles placed, relocations done), or a refusal."""
    pending = [a for a in w.pending if not a.deleted_by]
    seq = _merge(_sequence(w, set()), pending, renumber)
    if renumber:
        numbers = _numbers(seq, renumber)
        moved = {
            id(b)
            for b in seq
            if isinstance(b, WArticle)
            and (b.stated_move or b.old is None)
            and not b.in_heading
            and b.expect
            and numbers[id(b)] != b.expect
        }
        if moved:
            extra = [b for b in seq if id(b) in moved]
            seq = _merge(_sequence(w, moved), pending + extra, renumber)  # type: ignore[arg-type]
            _check_anchors(w, seq, extra, decision_id)  # type: ignore[arg-type]
    return seq


def _check_anchors(w: Working, seq: list[Block], placed: list[WArticle], decision_id: str) -> None:
    """An article added after 第X条 and placed by its stated number must still follow 第X条,
    with only other new articles between them (在第一条后增加一条，作为第五条 is refused)."""
    index = {id(b): k for k, b in enumerate(seq)}
    for art in placed:
        if art.anchor is None:
            continue
        k = w.position.get(id(art.anchor), -1)
        while k >= 0 and not (isinstance(w.blocks[k], WArticle) and id(w.blocks[k]) in index):
            k -= 1  # a deleted anchor: the nearest article kept before it
        start = index[id(w.blocks[k])] if k >= 0 else -1
        me = index[id(art)]
        between = seq[start + 1 : me]
        if start > me or any(isinstance(b, WArticle) and b.old is not None for b in between):
            raise AmendmentError(
                _("positions do not add up: an article added after {art.anchor.old_label} cannot become {label}").format(art=art, label=label(art.expect or (0, 0))),
                decision=decision_id,
            )


@dataclass
class Placed:
    """An article of the new text: its working copy, number, label and arranged paragraphs."""

    block: WArticle
    key: Key
    label: str
    paras: list[tuple[WPara, list[WItem]]]
    ctx: dict[str, str | None]  # 编 / 分编 / 章 / 节 heading texts


def layout(w: Working, *, renumber: bool, decision_id: str) -> tuple[list[Heading | Placed], Numbering]:
    """The new text's blocks in order with their numbers, and the old → new numbering; or a refusal."""
    seq = arrange(w, renumber=renumber, decision_id=decision_id)
    numbers = _numbers(seq, renumber)
    nb = Numbering(renumbered=renumber)
    problems: list[str] = []
    out: list[Heading | Placed] = []
    counters = dict.fromkeys(LEVELS, 0)
    ctx: dict[str, str | None] = dict.fromkeys(LEVELS)
    seen: set[Key] = set()
    last: Key = (0, 0)
    for b in seq:
        if isinstance(b, WHeading):
            head = _heading(b, counters, renumber)
            if b.expect is not None and head.number != b.expect:
                problems.append(
                    _("the new {level} is {label}, the decision says 第{number}{level}").format(
                        level=b.level, label=head.label, number=int_to_cn(b.expect)
                    )
                )
            ctx[head.level] = head.text
            for lower in LEVELS[LEVELS.index(head.level) + 1 :]:
                ctx[lower] = None
            out.append(head)
            continue
        key = numbers[id(b)]
        art_label = label(key)
        if not renumber:
            if key in seen:
                problems.append(
                    f"{art_label} is added, but the text already has a {art_label} and the decision "
                    "does not say the articles are renumbered (对条文顺序作相应调整)"
                )
            elif key < last:
                problems.append(f"{art_label} would stand after {label(last)}")
            seen.add(key)
            last = max(last, key)
        if b.expect is not None and key != b.expect:
            problems.append(f"{label(b.expect)} was asked for, but after the other changes it is {art_label}")
        paras = _paragraphs(b, art_label, problems, nb)
        out.append(Placed(b, key, art_label, paras, dict(ctx)))
        if b.old is not None:
            nb.articles[b.old] = key
    nb.old_paragraphs = w.old_paragraphs
    nb.old_items = set(w.items)
    for blk in w.blocks:
        if isinstance(blk, WArticle) and blk.deleted_by and blk.old is not None:
            nb.deleted[blk.old] = blk.deleted_by
            if blk.merged_into is not None and blk.merged_into.old is not None:
                nb.merged[blk.old] = nb.articles.get(blk.merged_into.old, blk.merged_into.old)
    if problems:
        raise AmendmentError(_("positions do not add up: {problems[0]}").format(problems=problems), decision=decision_id)
    return out, nb


def emit(
    w: Working, placed: list[Heading | Placed], *, decision_id: str
) -> tuple[LawText, list[Provenance]]:
    """The LawText and provenance of an arranged (and citation-checked) working copy."""
    blocks: list[Heading | Article] = []
    provenance: list[Provenance] = []
    for x in placed:
        if isinstance(x, Heading):
            blocks.append(x)
            continue
        paragraphs = tuple(
            Paragraph(
                p.body,
                tuple(Item(i, f"（{int_to_cn(i)}）", it.body, _points(it)) for i, it in enumerate(items, 1)),
            )
            for p, items in x.paras
        )
        c = x.ctx
        art = Article(x.key[0], x.label, paragraphs, c["章"], c["节"], x.key[1], c["编"], c["分编"])
        for line in art.lines():
            if not line.strip("\u3000 ") or line.endswith("\u3000"):
                raise AmendmentError(_("{art.label} would be left with an empty paragraph").format(art=art), decision=decision_id)
        blocks.append(art)
        b = x.block
        events = list(b.events)
        if b.old_label and b.old_label != x.label:
            events.append(Event(decision_id, "", "renumbered", f"{b.old_label}→{x.label}"))
        provenance.append(Provenance(x.label, b.old_label, tuple(events)))
    preamble = tuple(p.body for q in w.preamble if not q.deleted_by for p in (q, *q.after))
    text = LawText(
        w.title_unit.body, w.note, preamble, tuple(blocks), tuple(w.tables), w.notes, w.annexes
    )
    return text, provenance


def _points(item: WItem) -> tuple[Point, ...]:
    points: list[WPoint] = _arrange_units(item.points, "目", "", [])
    return tuple(Point(n, p.label(n), p.body) for n, p in enumerate(points, start=1))


def _heading(b: WHeading, counters: dict[str, int], renumber: bool) -> Heading:
    """编 / 分编 / 章 / 节 numbered in order (a level restarts under the one above it); an
    unnumbered heading (附　则, 一、…) keeps its label."""
    if b.label is not None:
        return Heading(b.level, b.old or 0, b.label, b.title)
    counters[b.level] += 1
    for lower in LEVELS[LEVELS.index(b.level) + 1 :]:
        counters[lower] = 0
    number = counters[b.level] if renumber or b.old is None else b.old
    return Heading(b.level, number, f"第{int_to_cn(number)}{b.level}", b.title)


def _arrange_units(units: list, what: str, where: str, problems: list[str]) -> list:
    """Old and anchored units in order, pending ones (作为第N款/项) merged in by their number."""
    fixed: list = []
    waiting: list = []
    for u in units:
        if u.pending:
            waiting.append(u)
        elif not u.deleted_by:
            fixed.append(u)
            fixed.extend(x for x in getattr(u, "after", ()) if not x.deleted_by)
    if not waiting:
        out = fixed
    else:
        waiting.sort(key=lambda u: (u.expect is None, u.expect or 0))
        out, k = [], 0
        for u in fixed:
            while k < len(waiting) and waiting[k].expect is not None and waiting[k].expect <= len(out) + 1:
                out.append(waiting[k])
                k += 1
            out.append(u)
        out.extend(waiting[k:])
    for n, u in enumerate(out, start=1):
        if u.expect is not None and u.expect != n:
            problems.append(
                f"{where}: {what} stated as 第{int_to_cn(u.expect)}{what} ends up as 第{int_to_cn(n)}{what}"
            )
    return out


def _paragraphs(
    b: WArticle, art_label: str, problems: list[str], nb: Numbering
) -> list[tuple[WPara, list[WItem]]]:
    out = []
    paras: list[WPara] = _arrange_units(b.paras, "款", art_label, problems)
    for p_no, p in enumerate(paras, start=1):
        items: list[WItem] = _arrange_units(p.items, "项", f"{art_label}第{int_to_cn(p_no)}款", problems)
        if b.old is not None and p.old is not None:
            nb.paragraphs[(*b.old, p.old)] = p_no
            for i_no, it in enumerate(items, start=1):
                if it.old is not None:
                    nb.items[(*b.old, p.old, it.old)] = i_no
        out.append((p, items))
    return out
