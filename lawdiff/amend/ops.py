"""What a decision is parsed into: references, typed operations, instructions, parts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import regex

from lawdiff.errors import AmendmentError

# ---------------------------------------------------------------- references and operations


@dataclass(frozen=True)
class Ref:
    """第X条(之Y)第Z款第W项; any part may be absent (inherited or whole-unit)."""

    article: int | None = None
    sub: int = 0
    paragraph: int | None = None
    item: int | None = None

    def label(self) -> str:
        from lawdiff.structure.numerals import int_to_cn

        out = ""
        if self.article is not None:
            out += f"第{int_to_cn(self.article)}条" + (
                f"之{int_to_cn(self.sub)}" if self.sub else ""
            )
        if self.paragraph is not None:
            out += f"第{int_to_cn(self.paragraph)}款"
        if self.item is not None:
            out += f"第{int_to_cn(self.item)}项"
        return out or "(whole text)"

    def inherit(self, ctx: Ref | None) -> Ref:
        """Fill the missing outer levels from the context of the previous clause."""
        if ctx is None or self.article is not None:
            return self
        if self.paragraph is not None:
            return Ref(ctx.article, ctx.sub, self.paragraph, self.item)
        if self.item is not None:
            return Ref(ctx.article, ctx.sub, ctx.paragraph, self.item)
        return self


@dataclass(frozen=True)
class Op:
    """Base of all operations; ``kind`` names the operation for reports."""

    @property
    def kind(self) -> str:
        return type(self).__name__


@dataclass(frozen=True)
class ReplaceTerms(Op):
    """将有关条款中的“A”修改为“B”，“C”修改为“D” (scope None = the whole text)."""

    pairs: tuple[tuple[str, str], ...]
    scope: Ref | None = None


@dataclass(frozen=True)
class ReplaceUnit(Op):
    """将第X条(第Y款(第Z项))修改为：“…”."""

    target: Ref
    text: str


@dataclass(frozen=True)
class DeleteUnits(Op):
    """删去第X条，第Y条第Z款，第四项…"""

    targets: tuple[Ref, ...]


@dataclass(frozen=True)
class DeletePhrases(Op):
    """删去第X条(第Y款)中的“A”、“B”."""

    scope: Ref
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class InsertPhrase(Op):
    """在第X条(第Y款)中的“A”后(前)增加“B”."""

    scope: Ref | None
    anchor: str
    text: str
    before: bool = False


@dataclass(frozen=True)
class Merge(Op):
    """将第X条、第Y条合并修改为：“…”."""

    targets: tuple[Ref, ...]
    text: str


@dataclass(frozen=True)
class AddArticles(Op):
    """(在第X条后)增加一条，作为第Y条：“…” (several with 分别作为)."""

    after: Ref | None
    positions: tuple[Ref, ...]
    texts: tuple[str, ...]
    before: bool = False


@dataclass(frozen=True)
class AddParagraphs(Op):
    """第X条增加一款，作为第Y款：“…”."""

    article: Ref
    positions: tuple[int, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True)
class AddItems(Op):
    """第X条(第Y款)增加一项，作为第Z项：“…”."""

    paragraph: Ref
    positions: tuple[int, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Move(Op):
    """将第X条第Y款改为第Z条 / 将第X条调整为第Y条 / 将第五项调整为第四项."""

    source: Ref
    destination: Ref


@dataclass(frozen=True)
class HeadingOp(Op):
    """章/节 operations: rename, delete, add (with the articles quoted)."""

    action: str  # rename | delete | add
    level: str  # 章 | 节
    number: int  # old number (rename/delete) or new number (add)
    title: str = ""
    chapter: int | None = None  # the chapter of a 节
    articles: tuple[str, ...] = ()  # for add: the quoted article texts


@dataclass(frozen=True)
class TableCell(Op):
    """“煤”税目原矿税率由8％调整为10％ (old None when not stated)."""

    table: str | None
    row: str
    column: str
    old: str | None
    new: str


@dataclass
class Instruction:
    """One numbered (or unnumbered) instruction with its operations and source span."""

    ordinal: str  # "1", "一", "二.1" …
    text: str
    span: tuple[int, int]  # character offsets in the decision text
    ops: list[Op] = field(default_factory=list)


@dataclass
class Part:
    """The instructions for one regulation (一、对《…》作出修改 …) or the whole decision."""

    target: str | None
    instructions: list[Instruction] = field(default_factory=list)


@dataclass
class Decision:
    title: str
    text: str
    parts: list[Part]
    effective: date | None = None
    effective_on_promulgation: bool = False
    renumber: bool = False  # 对章条款顺序作相应调整
    republish: bool = False
    transitional: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    table_target: str | None = None  # the attachment named in the preamble

    def part_for(self, title: str | None) -> Part:
        """The part amending ``title`` (one-part decisions need no title)."""
        if title is None:
            if len(self.parts) == 1:
                return self.parts[0]
            names = "; ".join(p.target or "?" for p in self.parts)
            raise AmendmentError(
                f"the decision amends {len(self.parts)} regulations ({names}): choose one with --law"
            )
        key = title_key(title)
        hits = [
            p
            for p in self.parts
            if p.target and (key in title_key(p.target) or title_key(p.target) in key)
        ]
        if len(hits) == 1:
            return hits[0]
        if not hits and len(self.parts) == 1 and self.parts[0].target is None:
            return self.parts[0]
        names = "; ".join(p.target or "?" for p in self.parts)
        what = "matches several parts" if hits else "is not amended by this decision"
        raise AmendmentError(f"{title} {what} (parts: {names})")

    @property
    def instruction_count(self) -> int:
        return sum(len(p.instructions) for p in self.parts)


def title_key(text: str) -> str:
    """A title without book-title marks, spaces and the issuing committee's name, for matching."""
    return regex.sub(r"[《》〈〉\s\u3000]|^山西省人民代表大会常务委员会", "", text)


@dataclass(frozen=True)
class TableCells(Op):
    """Several cells changed by one clause."""

    cells: tuple[TableCell, ...]


def table_cells(ops: Iterable[Op]) -> list[TableCell]:
    """Every cell change among ``ops`` (a clause may change several at once)."""
    out: list[TableCell] = []
    for op in ops:
        if isinstance(op, TableCells):
            out.extend(op.cells)
        elif isinstance(op, TableCell):
            out.append(op)
    return out
