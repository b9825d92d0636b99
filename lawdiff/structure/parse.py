"""Canonical text lines -> structure: title, history note, 编/章/节, 条, 款, 项.

The corpus stores one paragraph per line; this module is the only reader of
that format, and ``LawText.lines()`` is its only writer, so the two round-trip.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from lawdiff.errors import CorpusError
from lawdiff.structure.model import Article, Block, Heading, Item, LawText, Paragraph
from lawdiff.structure.numerals import NumeralError, int_to_cn, to_int

CN = "零一二三四五六七八九十百千"
ARTICLE = regex.compile(rf"^第([{CN}]+)条(?:之([{CN}]+))?[\u3000 ]+(.*)$")
HEADING = regex.compile(rf"^第([{CN}]+)([编章节])(?:[\u3000 ]+(.*))?$")
ITEM = regex.compile(rf"^（([{CN}]+)）(.*)$")
NOTE = regex.compile(r"^（.*(?:通过|修正|修订|批准|公布)[^（）]*）$")


def article_label(number: int, sub: int = 0) -> str:
    label = f"第{int_to_cn(number)}条"
    return f"{label}之{int_to_cn(sub)}" if sub else label


def item_label(number: int) -> str:
    return f"（{int_to_cn(number)}）"


def parse_text(lines: Sequence[str], *, source: str = "text") -> LawText:
    """Parse stored lines (title first, optional history note, then the body)."""
    lines = [ln for ln in lines if ln.strip()]
    if not lines:
        raise CorpusError(f"{source}: empty text")
    title = lines[0]
    rest = list(lines[1:])
    note = None
    if rest and NOTE.match(rest[0]):
        note = rest.pop(0)
    preamble, blocks = parse_body(rest, source=source)
    return LawText(title=title, note=note, preamble=tuple(preamble), blocks=tuple(blocks))


def parse_body(lines: Iterable[str], *, source: str = "text") -> tuple[list[str], list[Block]]:
    """Body lines -> (preamble lines, headings and articles)."""
    preamble: list[str] = []
    blocks: list[Block] = []
    chapter: str | None = None
    section: str | None = None
    current: _ArticleBuilder | None = None
    for lineno, line in enumerate(lines, start=1):
        heading = _heading(line)
        if heading is not None:
            if current:
                blocks.append(current.build())
                current = None
            if heading.level in ("编", "章"):
                chapter = heading.text if heading.level == "章" else chapter
                section = None
                if heading.level == "编":
                    chapter = None
            else:
                section = heading.text
            blocks.append(heading)
            continue
        m = ARTICLE.match(line)
        if m:
            if current:
                blocks.append(current.build())
            number = _num(m.group(1), source, lineno)
            sub = _num(m.group(2), source, lineno) if m.group(2) else 0
            label = line[: line.index("条") + 1] + (f"之{m.group(2)}" if m.group(2) else "")
            current = _ArticleBuilder(number, sub, label, chapter, section)
            current.add(m.group(3), source, lineno)
            continue
        if current is None:
            preamble.append(line)
        else:
            current.add(line, source, lineno)
    if current:
        blocks.append(current.build())
    return preamble, blocks


def _num(text: str, source: str, lineno: int) -> int:
    try:
        return to_int(text)
    except NumeralError as exc:
        raise CorpusError(f"{source}: line {lineno}: {exc}") from None


def _heading(line: str) -> Heading | None:
    m = HEADING.match(line)
    if not m or len(line) > 40 or line.endswith(("。", "；", "：", "，")):
        return None
    title = m.group(3) or ""
    return Heading(m.group(2), to_int(m.group(1)), f"第{m.group(1)}{m.group(2)}", title)


class _ArticleBuilder:
    def __init__(
        self, number: int, sub: int, label: str, chapter: str | None, section: str | None
    ) -> None:
        self.number = number
        self.sub = sub
        self.label = label
        self.chapter = chapter
        self.section = section
        self.paras: list[tuple[str, list[Item]]] = []

    def add(self, line: str, source: str, lineno: int) -> None:
        m = ITEM.match(line)
        if m and self.paras:
            number = _num(m.group(1), source, lineno)
            self.paras[-1][1].append(Item(number, f"（{m.group(1)}）", m.group(2)))
        else:
            self.paras.append((line, []))

    def build(self) -> Article:
        paragraphs = tuple(Paragraph(body, tuple(items)) for body, items in self.paras)
        return Article(self.number, self.label, paragraphs, self.chapter, self.section, self.sub)


def numbering_problems(text: LawText) -> list[str]:
    """Gaps or disorder in article, chapter and item numbering."""
    problems: list[str] = []
    expected = 1
    for art in text.articles:
        if art.sub:
            if art.number != expected - 1:
                problems.append(f"{art.label} does not follow 第{int_to_cn(art.number)}条")
            continue
        if art.number != expected:
            problems.append(f"{art.label} where 第{int_to_cn(expected)}条 was expected")
            expected = art.number
        expected += 1
        for p_no, para in enumerate(art.paragraphs, start=1):
            for i, item in enumerate(para.items, start=1):
                if item.number != i:
                    problems.append(
                        f"{art.label}第{int_to_cn(p_no)}款: item {item.label} out of order"
                    )
                    break
    for level in ("章",):
        heads = [b for b in text.blocks if isinstance(b, Heading) and b.level == level]
        for i, h in enumerate(heads, start=1):
            if h.number != i:
                problems.append(f"{h.label} where 第{int_to_cn(i)}{level} was expected")
                break
    return problems
