"""The law model: a revision is a title, a history note and ordered articles.

Text structures are immutable ``NamedTuple``s (edits build new objects):
defining a NamedTuple costs ~0.1 ms against ~0.9 ms for a frozen dataclass,
and ``show`` has to start within the import floor of its dependencies.
The timeline records (``Revision``, ``Law``) are merged field by field during
ingest, so they are ordinary dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple


class Point(NamedTuple):
    """目: 1．2． (or （1）) inside an item."""

    number: int
    label: str  # "1．"
    body: str

    @property
    def text(self) -> str:
        return self.label + self.body


class Item(NamedTuple):
    """项: （一）… inside a paragraph, with its 目."""

    number: int
    label: str  # "（一）"
    body: str  # the text after the label
    points: tuple[Point, ...] = ()

    @property
    def text(self) -> str:
        """The item's own line (its 目 follow it in ``lines()``)."""
        return self.label + self.body

    def lines(self) -> list[str]:
        return [self.text, *(p.text for p in self.points)]


class Paragraph(NamedTuple):
    """款: an unnumbered paragraph of an article, with the items that follow it."""

    body: str
    items: tuple[Item, ...] = ()

    def lines(self) -> list[str]:
        return [self.body, *(line for it in self.items for line in it.lines())]


class Article(NamedTuple):
    """条: number and label (第一百零二条, 第三条之一), 编/分编/章/节 context, paragraphs."""

    number: int
    label: str
    paragraphs: tuple[Paragraph, ...]
    chapter: str | None = None
    section: str | None = None
    sub: int = 0  # 之一 = 1, 之二 = 2 …
    part: str | None = None  # 编 heading text
    subpart: str | None = None  # 分编 heading text

    def lines(self) -> list[str]:
        """One line per paragraph, item and 目; the first starts with the label."""
        out: list[str] = []
        for i, para in enumerate(self.paragraphs):
            lines = para.lines()
            out.append(f"{self.label}\u3000{lines[0]}" if i == 0 else lines[0])
            out.extend(lines[1:])
        return out

    @property
    def text(self) -> str:
        return "\n".join(self.lines())

    @property
    def key(self) -> tuple[int, int]:
        return (self.number, self.sub)


class Heading(NamedTuple):
    """编/分编/章/节 heading: ``第二章　国土空间规划``; unnumbered ones (附　　则, 一、一般规定)
    have number 0 (or the number of their 一、 label) and take their level from the context."""

    level: str  # "编" | "分编" | "章" | "节"
    number: int
    label: str  # 第二章; "" when unnumbered; "一、" for a numbered group of a judicial interpretation
    title: str  # 国土空间规划 (as printed, e.g. 总　则)

    @property
    def text(self) -> str:
        if not self.label or self.label.endswith(("、", "）")):
            return self.label + self.title
        return f"{self.label}\u3000{self.title}" if self.title else self.label

    @property
    def numbered(self) -> bool:
        return self.label.startswith("第")


LEVELS = ("编", "分编", "章", "节")


class Grid(NamedTuple):
    """A table in an annex, row by row as printed (merged cells repeat nothing: empty cells)."""

    rows: tuple[tuple[str, ...], ...]

    def lines(self) -> list[str]:
        return ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in self.rows]


class Annex(NamedTuple):
    """附件 / 附表 / 附： after the articles: the line that opens it, then paragraphs and tables."""

    label: str  # 附件一 / 附： / 附件：… / a table title printed without marker
    body: tuple[str | Grid, ...] = ()

    @property
    def title(self) -> str:
        """附件：X → X; otherwise the first short line after the marker, or the label itself."""
        _, sep, rest = self.label.partition("：")
        if sep and rest:
            return rest
        first = next((b for b in self.body if isinstance(b, str)), "")
        if first and len(first) <= 40 and not first.endswith(("。", "；", "：")):
            return first
        return self.label

    def lines(self) -> list[str]:
        out = [self.label]
        for part in self.body:
            out.extend(part.lines() if isinstance(part, Grid) else [part])
        return out


class TableCell(NamedTuple):
    row: str
    column: str
    value: str


class Table(NamedTuple):
    """An attached schedule (税目税率表). ``partial``: only the listed cells are known."""

    title: str
    columns: tuple[str, ...]
    cells: tuple[TableCell, ...]
    partial: bool = False
    note: str = ""

    def get(self, row: str, column: str) -> str | None:
        for c in self.cells:
            if c.row == row and c.column == column:
                return c.value
        return None

    @property
    def rows(self) -> list[str]:
        seen: list[str] = []
        for c in self.cells:
            if c.row not in seen:
                seen.append(c.row)
        return seen


Block = Heading | Article


class LawText(NamedTuple):
    """The text of one revision: title, history note, preamble, blocks, notes, annexes, tables.

    ``preamble`` holds what precedes the first heading or article (序　　言 and its paragraphs,
    an enacting formula); ``notes`` the editorial notes (① …) kept apart from the articles;
    ``annexes`` what follows the articles.  ``tables`` are decision-derived schedules (tables.py),
    not part of the stored text.
    """

    title: str
    note: str | None = None  # the parenthesised history header, as printed
    preamble: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()
    tables: tuple[Table, ...] = ()
    notes: tuple[str, ...] = ()
    annexes: tuple[Annex, ...] = ()

    @property
    def articles(self) -> list[Article]:
        return [b for b in self.blocks if isinstance(b, Article)]

    def lines(self) -> list[str]:
        out = [self.title]
        if self.note:
            out.append(self.note)
        out.extend(self.preamble)
        for block in self.blocks:
            out.extend([block.text] if isinstance(block, Heading) else block.lines())
        out.extend(self.notes)
        for annex in self.annexes:
            out.extend(annex.lines())
        return out

    @property
    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

    def depth(self) -> dict[str, int]:
        """编/分编/章/节 present in this text -> 1, 2, …: each level printed at its own depth."""
        present = {h.level for h in self.headings}
        return {lv: i for i, lv in enumerate((lv for lv in LEVELS if lv in present), start=1)}


class HistoryEvent(NamedTuple):
    """One entry of a history header: 通过 / 修正 / 修订, with its date and session."""

    kind: str  # enacted | amended | revised
    adopted: date
    session: str
    decision: str | None = None  # title of the amending decision, if named
    label: str = ""  # 第一次修正 …
    raw: str = ""


class ReportRef(NamedTuple):
    """A legislative report printed with a revision: 说明, 审议意见 / 研究意见 / 修改情况 / 审议结果."""

    kind: str  # 说明 | 审议意见 | 研究意见 | 修改情况 | 审议结果
    title: str
    file: str  # relative to the law's directory
    sha256: str
    delivered: date | None  # the day it was delivered to the committee
    source: str  # 公报2024-2 L2221-2606


@dataclass
class Revision:
    """A point in a law's timeline; ``text`` is None when the corpus lacks it."""

    id: str
    kind: str  # enacted | amended | revised | repealed | approved
    adopted: date | None = None
    promulgated: date | None = None
    effective: date | None = None
    effective_basis: str = ""  # how the effective date was established
    session: str = ""
    decision: str | None = None  # decision id in the corpus
    decision_title: str | None = None
    announcement: str | None = None
    label: str = ""
    text_file: str | None = None
    text_sha256: str | None = None
    derived: bool = False  # text computed from the predecessor + decision
    sources: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    approved: date | None = None  # provincial approval of a city regulation
    approved_by: str = ""
    tables: list[Table] = field(default_factory=list)  # attached schedules (known cells)
    reports: list[ReportRef] = field(default_factory=list)  # 说明 and review reports

    @property
    def order(self) -> tuple[date, str]:
        """Sort key of a law's timeline: adoption date (unknown: the promulgation, then the
        effective date — a text known only by its source's metadata; none known: first), then id."""
        return (self.adopted or self.promulgated or self.effective or date.min, self.id)


@dataclass
class Law:
    id: str
    title: str
    short_title: str
    kind: str  # regulation | decision | city-regulation
    revisions: list[Revision]
    aliases: list[str] = field(default_factory=list)
    repealed: date | None = None
    repeal_decision: str | None = None
    repeal_adopted: date | None = None
    issuer: str = ""
    notes: list[str] = field(default_factory=list)

    def chronological(self) -> list[Revision]:
        """The revisions in adoption order."""
        return sorted(self.revisions, key=lambda r: r.order)

    def revision(self, rev_id: str) -> Revision | None:
        for r in self.revisions:
            if r.id == rev_id:
                return r
        return None
