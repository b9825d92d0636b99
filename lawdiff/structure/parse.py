"""Canonical text lines -> structure: title, 题注, preamble, 编/分编/章/节, 条, 款, 项, 目, notes, annexes.

The corpus stores one paragraph per line; this module is the only reader of that format, and
``LawText.lines()`` is its only writer, so the two round-trip.  The import readers hand it their
normalised lines too, so a text is read by the same rules when it comes in and when it is read
back.  Line kinds are decided in ``lines.py``; here they are put together:

* a numbered heading opens its level and closes the lower ones; an unnumbered one (附　　则,
  总则, 一、一般规定) right after a numbered heading sits one level below it, otherwise at the
  top level of the text (刑法's 附则 is an 编; a regulation's 附则 a 章);
* lines before the first heading or article are the preamble (序　　言 and its paragraphs);
* inside an article a line is a 款 unless it is an item: the first enumeration style met in a
  款 （一）/ 1．/（1） makes its 项, another style under a 项 makes that 项's 目;
* ① lines are notes, kept apart; from the first annex start (附件…, 附：, 附表, a table title)
  after an article, everything belongs to the annexes; ``| a | b |`` rows are tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lawdiff.errors import CorpusError
from lawdiff.i18n import _
from lawdiff.structure.lines import (
    ARTICLE,
    CIRCLED,
    GRID_ROW,
    HISTORY_NOTE,
    ITEM,
    PREAMBLE_HEAD,
    SUBGROUP,
    UNNUMBERED,
    grid_cells,
    is_annex_start,
    is_group_heading,
    is_history_note,
    is_note,
    is_subgroup_heading,
    numbered_heading,
    point_match,
)
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
)
from lawdiff.structure.numerals import NumeralError, int_to_cn, to_int

NOTE = HISTORY_NOTE  # the parenthesised history header under the title (kept for importers)

_CIRCLED = frozenset(CIRCLED)
_HAS_CIRCLED = re.compile("[" + re.escape("".join(sorted(CIRCLED))) + "]").search  # in C, no
# str per character: intersecting every line with the set cost 20 ms per 1,000 articles
# the first characters of every line that is not a plain paragraph: 第 (article, heading), 总分附通
# (总则 …), 序 (序言), （ (item, 目, sub-group), 一…十 (group), digits (目), ① (note)
_MARKS = frozenset("第总分附通序（一二三四五六七八九十0123456789" + CIRCLED)


def article_label(number: int, sub: int = 0) -> str:
    label = f"第{int_to_cn(number)}条"
    return f"{label}之{int_to_cn(sub)}" if sub else label


def item_label(number: int) -> str:
    return f"（{int_to_cn(number)}）"


def parse_text(lines: Sequence[str], *, source: str = "text") -> LawText:
    """Parse stored lines (title first, optional history note, then the body)."""
    lines = [ln for ln in lines if ln.strip()]
    if not lines:
        raise CorpusError(_("{source}: empty text").format(source=source))
    title = lines[0]
    rest = list(lines[1:])
    note = None
    if rest and is_history_note(rest[0]):
        note = rest.pop(0)
    return build_text(title, note, rest, source=source)


def build_text(title: str, note: str | None, body: Sequence[str], *, source: str = "text") -> LawText:
    reader = _Reader(list(body), source, seen=title + (note or ""))
    reader.run()
    return LawText(
        title=title,
        note=note,
        preamble=tuple(reader.preamble),
        blocks=tuple(reader.blocks),
        notes=tuple(reader.notes),
        annexes=tuple(reader.annex_list()),
    )


def parse_body(lines: Iterable[str], *, source: str = "text") -> tuple[list[str], list[Block]]:
    """Body lines -> (preamble lines, headings and articles); notes and annexes are dropped."""
    reader = _Reader(list(lines), source, seen="")
    reader.run()
    return reader.preamble, reader.blocks


def _num(text: str, source: str, lineno: int) -> int:
    try:
        return to_int(text)
    except NumeralError as exc:
        raise CorpusError(_("{source}: line {lineno}: {exc}").format(source=source, lineno=lineno, exc=exc)) from None


class _Reader:
    def __init__(self, lines: list[str], source: str, seen: str) -> None:
        self.lines = lines
        self.source = source
        # the note markers (①…) met so far: a marker seen before makes a later ① line a note
        # (a set, not the text so far: appending every line to a string was quadratic)
        self.seen = _CIRCLED.intersection(seen)
        self.preamble: list[str] = []
        self.blocks: list[Block] = []
        self.notes: list[str] = []
        self.annexes: list[tuple[str, list[str | Grid]]] = []
        self.ctx: dict[str, str | None] = dict.fromkeys(LEVELS)
        self.current: _ArticleBuilder | None = None
        self.levels = self._levels_present()
        self.grouped = False  # a 一、 heading was met: （一） lines before articles are headings

    def _levels_present(self) -> list[str]:
        found = set()
        for line in self.lines:
            m = numbered_heading(line)
            if m:
                found.add(m.group(2))
        return [lv for lv in LEVELS if lv in found]

    def run(self) -> None:
        for i, line in enumerate(self.lines):
            if self.annexes:
                self._annex_line(line)
            elif self.current is not None and line[:1] not in _MARKS and not is_annex_start(line):
                # a paragraph of the article: no heading, article, item, 目 or note starts so
                # (the regular expressions below would all fail; most lines are such)
                self.current.paras.append((line, [], []))
            elif self.current is not None and is_annex_start(line):
                self._close()
                self.annexes.append((line, []))
            elif is_note(line, self.seen):
                self.notes.append(line)
            elif (heading := self._heading(i, line)) is not None:
                self._close()
                self._open(heading)
            elif PREAMBLE_HEAD.match(line) and not self.blocks:
                self.preamble.append(line)
            elif m := ARTICLE.match(line):
                self._close()
                self._start(m, i + 1)
            elif self.current is not None:
                self.current.add(line, self.source, i + 1)
            else:
                self.preamble.append(line)
            if _HAS_CIRCLED(line):
                self.seen |= _CIRCLED.intersection(line)
        self._close()

    def _heading(self, i: int, line: str) -> Heading | None:
        m = numbered_heading(line)
        if m:
            number = _num(m.group(1), self.source, i + 1)
            return Heading(m.group(2), number, f"第{m.group(1)}{m.group(2)}", m.group(3) or "")
        if UNNUMBERED.match(line):
            return Heading(self._unnumbered_level(), 0, "", line)
        if is_group_heading(self.lines, i):
            label, title = line.split("、", 1)
            self.grouped = True
            return Heading(self._unnumbered_level(), _num(label, self.source, i + 1), label + "、", title)
        if is_subgroup_heading(self.lines, i, self.grouped):
            m = SUBGROUP.match(line)
            assert m is not None
            number = _num(m.group(1), self.source, i + 1)
            return Heading(self._below_group(), number, f"（{m.group(1)}）", m.group(2))
        return None

    def _below_group(self) -> str:
        group = next(b for b in reversed(self.blocks) if isinstance(b, Heading) and b.label.endswith("、"))
        return LEVELS[min(LEVELS.index(group.level) + 1, len(LEVELS) - 1)]

    def _unnumbered_level(self) -> str:
        last = self.blocks[-1] if self.blocks else None
        if isinstance(last, Heading) and last.numbered and self.current is None:
            below = LEVELS[LEVELS.index(last.level) + 1 :]
            usable = [lv for lv in below if lv in self.levels or lv in ("章", "节")]
            if last.level == "编" and "分编" not in self.levels:
                usable = [lv for lv in usable if lv != "分编"]
            return usable[0] if usable else last.level
        return self.levels[0] if self.levels else "章"

    def _open(self, heading: Heading) -> None:
        level = heading.level
        self.ctx[level] = heading.text
        for lower in LEVELS[LEVELS.index(level) + 1 :]:
            self.ctx[lower] = None
        self.blocks.append(heading)

    def _start(self, m: object, lineno: int) -> None:
        number = _num(m.group(1), self.source, lineno)  # type: ignore[attr-defined]
        sub = _num(m.group(2), self.source, lineno) if m.group(2) else 0  # type: ignore[attr-defined]
        label = f"第{m.group(1)}条" + (f"之{m.group(2)}" if m.group(2) else "")  # type: ignore[attr-defined]
        self.current = _ArticleBuilder(number, sub, label, dict(self.ctx))
        self.current.add(m.group(3), self.source, lineno)  # type: ignore[attr-defined]

    def _close(self) -> None:
        if self.current is not None:
            self.blocks.append(self.current.build())
            self.current = None

    def _annex_line(self, line: str) -> None:
        label, body = self.annexes[-1]
        if GRID_ROW.match(line):
            row = grid_cells(line)
            if body and isinstance(body[-1], Grid):
                body[-1] = Grid((*body[-1].rows, row))
            else:
                body.append(Grid((row,)))
        elif is_annex_start(line) and body and (
            _is_marker(line) or not _is_marker(label) or _has_grid(body)
        ):
            self.annexes.append((line, []))
        else:
            body.append(line)

    def annex_list(self) -> list[Annex]:
        return [Annex(label, tuple(body)) for label, body in self.annexes]


def _is_marker(line: str) -> bool:
    return line.startswith("附")


def _has_grid(body: list[str | Grid]) -> bool:
    return any(isinstance(b, Grid) for b in body)


class _ArticleBuilder:
    def __init__(self, number: int, sub: int, label: str, ctx: dict[str, str | None]) -> None:
        self.number = number
        self.sub = sub
        self.label = label
        self.ctx = ctx
        # paragraph body, its items, the enumeration style of its items
        self.paras: list[tuple[str, list[tuple[Item, list[Point]]], list[str]]] = []

    def add(self, line: str, source: str, lineno: int) -> None:
        style = number = label = body = None
        m = ITEM.match(line)
        if m:
            style, number, label, body = "cn", _num(m.group(1), source, lineno), f"（{m.group(1)}）", m.group(2)
        elif pm := point_match(line):
            style, number, label, body = pm
        if style is None or not self.paras:
            self.paras.append((line, [], []))
            return
        _body, items, styles = self.paras[-1]
        if not items or style == styles[0]:
            styles[:] = [style]
            items.append((Item(number, label, body), []))  # type: ignore[arg-type]
        else:
            items[-1][1].append(Point(number, label, body))  # type: ignore[arg-type]

    def build(self) -> Article:
        paragraphs = tuple(
            Paragraph(body, tuple(it._replace(points=tuple(pts)) for it, pts in items))
            for body, items, _x in self.paras
        )
        c = self.ctx
        return Article(
            self.number, self.label, paragraphs, c["章"], c["节"], self.sub, c["编"], c["分编"]
        )


def numbering_problems(text: LawText) -> list[str]:
    """Gaps or disorder in article, chapter and item numbering (a text may start after 第一条
    when it is one 编 of a code: only the first number is taken as given)."""
    problems: list[str] = []
    arts = text.articles
    expected = arts[0].number if arts and arts[0].sub == 0 else 1
    for art in arts:
        if art.sub:
            if art.number != expected - 1:
                problems.append(
                    _("{label} does not follow 第{number}条").format(
                        label=art.label, number=int_to_cn(art.number)
                    )
                )
            continue
        if art.number != expected:
            problems.append(
                _("{label} where 第{number}条 was expected").format(
                    label=art.label, number=int_to_cn(expected)
                )
            )
            expected = art.number
        expected += 1
        for p_no, para in enumerate(art.paragraphs, start=1):
            for i, item in enumerate(para.items, start=1):
                if item.number != i:
                    problems.append(
                        _("{label}第{paragraph}款: item {item} out of order").format(
                            label=art.label, paragraph=int_to_cn(p_no), item=item.label
                        )
                    )
                    break
    count = dict.fromkeys(LEVELS, 0)
    restart = dict.fromkeys(LEVELS, False)  # a higher heading came since the last of this level
    for h in text.headings:
        if not h.numbered:
            continue
        expected = count[h.level] + 1
        if h.number != expected and not (h.number == 1 and restart[h.level]):
            problems.append(
                _("{label} where 第{number}{level} was expected").format(
                    label=h.label, number=int_to_cn(expected), level=h.level
                )
            )
        count[h.level] = h.number
        restart[h.level] = False
        for lower in LEVELS[LEVELS.index(h.level) + 1 :]:
            restart[lower] = True
    return problems
