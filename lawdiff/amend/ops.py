"""What a decision is parsed into: references, typed operations, instructions, parts.

An operation's ``kind`` (its class name: ``ReplaceUnit``, ``DeleteUnits`` …) is the stable
English identifier used in data (JSON, provenance, summaries); words for people come from the
interface layer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from lawdiff.amend.titles import same_title, title_key
from lawdiff.errors import AmendmentError, UnreadInstruction
from lawdiff.i18n import _

# ---------------------------------------------------------------- references

SEGMENTS = {
    "head": "条首部分",
    "front": "前段",
    "back": "后段",
    "proviso": "但书",
    "start": "开始部分",
    "end": "末尾",
}


@dataclass(frozen=True)
class Ref:
    """第X条(之Y)第Z款第W项第V目(第U句 | 前段 | 后段 | 但书 | 条首部分); any part may be absent.

    ``unit`` names the units outside the articles: ``title`` (名称), ``preamble`` (引言 /
    序言, ``paragraph`` = its 自然段 / 段), ``part`` (an interpretation's ``一、…`` part heading,
    ``paragraph`` = which one), ``chapter`` (the scope of 将第三章(第二节)中的“A”修改为“B”:
    ``paragraph`` = the 章, ``item`` = the 节, old numbering), ``range`` (将第十条至第十五条中的…:
    ``article`` to ``paragraph``, the words replaced wherever they occur in those articles).
    """

    article: int | None = None
    sub: int = 0
    paragraph: int | None = None
    item: int | None = None
    subitem: int | None = None
    sentence: int | None = None
    segment: str | None = None  # a key of SEGMENTS
    unit: str | None = None  # title | preamble | part

    def label(self) -> str:
        from lawdiff.structure.numerals import int_to_cn

        if self.unit == "title":
            return "名称"
        if self.unit == "range":
            return f"第{int_to_cn(self.article or 0)}条至第{int_to_cn(self.paragraph or 0)}条"
        if self.unit == "chapter":
            return f"第{int_to_cn(self.paragraph or 0)}章" + (f"第{int_to_cn(self.item)}节" if self.item else "")
        if self.unit in ("preamble", "part"):
            what = "引言" if self.unit == "preamble" else "部分标题"
            return what + (f"第{int_to_cn(self.paragraph)}段" if self.paragraph else "")
        out = ""
        if self.article is not None:
            out += f"第{int_to_cn(self.article)}条" + (
                f"之{int_to_cn(self.sub)}" if self.sub else ""
            )
        for value, unit in (
            (self.paragraph, "款"),
            (self.item, "项"),
            (self.subitem, "目"),
            (self.sentence, "句"),
        ):
            if value is not None:
                out += f"第{int_to_cn(value)}{unit}"
        if self.segment:
            out += SEGMENTS[self.segment]
        return out or "(whole text)"

    @property
    def is_article(self) -> bool:
        """The whole article (no finer unit named)."""
        return (
            self.unit is None
            and self.paragraph is None
            and self.item is None
            and self.subitem is None
            and self.sentence is None
            and self.segment is None
        )

    def inherit(self, ctx: Ref | None) -> Ref:
        """Fill the missing outer levels from the context of the previous clause."""
        if ctx is None or self.article is not None or self.unit is not None:
            return self
        if ctx.unit is not None:
            if self.paragraph is None and self.item is None:
                return Ref(unit=ctx.unit, paragraph=ctx.paragraph, sentence=self.sentence,
                           segment=self.segment)  # fmt: skip
            return self
        if self.paragraph is not None:
            return Ref(ctx.article, ctx.sub, self.paragraph, self.item, self.subitem,
                       self.sentence, self.segment)  # fmt: skip
        if self.item is not None:
            return Ref(ctx.article, ctx.sub, ctx.paragraph, self.item, self.subitem,
                       self.sentence, self.segment)  # fmt: skip
        if self.subitem is not None:
            return Ref(ctx.article, ctx.sub, ctx.paragraph, ctx.item, self.subitem,
                       self.sentence, self.segment)  # fmt: skip
        if self.sentence is not None or self.segment is not None:
            return Ref(ctx.article, ctx.sub, ctx.paragraph, ctx.item, ctx.subitem,
                       self.sentence, self.segment)  # fmt: skip
        return self

    def container(self) -> Ref:
        """The unit that holds the sentence / segment named (the same ref without them)."""
        return Ref(self.article, self.sub, self.paragraph, self.item, self.subitem,
                   unit=self.unit)  # fmt: skip


# ---------------------------------------------------------------- operations


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
    """将第X条(第Y款(第Z项))修改为：“…” — also a sentence, a segment, 名称, 引言."""

    target: Ref
    text: str


@dataclass(frozen=True)
class ReplaceParagraphs(Op):
    """宪法第七条：“A”“B”修改为：“C”“D”“E” — consecutive paragraphs quoted in full."""

    scope: Ref
    old: tuple[str, ...]
    new: tuple[str, ...]


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
    """在第X条(第Y款)中的“A”后(前)增加“B”; anchor "" = at the start (前) or end (后)."""

    scope: Ref | None
    anchor: str
    text: str
    before: bool = False


@dataclass(frozen=True)
class Merge(Op):
    """将第X条、第Y条合并(，作为第Z条，)修改为：“…”."""

    targets: tuple[Ref, ...]
    text: str
    position: Ref | None = None


@dataclass(frozen=True)
class Split(Op):
    """将第X条改为两条，作为第X条、第Y条，修改为：“第X条　…”“第Y条　…”."""

    source: Ref
    positions: tuple[Ref, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True)
class AddArticles(Op):
    """(在第X条后)增加一条，作为第Y条：“…” (several with 分别作为)."""

    after: Ref | None
    positions: tuple[Ref, ...]
    texts: tuple[str, ...]
    before: bool = False
    chapter: int | None = None  # 在第三章中增加一条: the (old) chapter it joins


@dataclass(frozen=True)
class AddParagraphs(Op):
    """第X条增加一款，作为第Y款：“…” (position None: at the end — 宪法 增加规定)."""

    article: Ref
    positions: tuple[int | None, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True)
class AddItems(Op):
    """第X条(第Y款)增加一项，作为第Z项：“…” (``paragraph.item`` set: 目 under that 项)."""

    paragraph: Ref
    positions: tuple[int, ...]
    texts: tuple[str, ...]
    lead: str | None = None  # 宪法第六十二条“全国人民代表大会行使下列职权”中增加一项


@dataclass(frozen=True)
class AddSentence(Op):
    """第X条第Y款增加一句(，作为第Z句)：“…” (position None: at the end)."""

    target: Ref
    text: str
    position: int | None = None


@dataclass(frozen=True)
class Move(Op):
    """将第X条第Y款改为第Z条 / 将第X条调整为第Y条 / 原第五项作为第四项 (text: 修改为：“…”)."""

    source: Ref
    destination: Ref  # Ref(): no number stated (将第三条移至第五条之后)
    text: str | None = None
    after: Ref | None = None  # 将第X条移至第Y条之后 (before: 之前): the article it now follows
    before: bool = False
    swap: bool = False  # 将第X条第二款与第三款互换位置: source and destination exchange places


@dataclass(frozen=True)
class ReplaceLine(Op):
    """将“一、买卖合同的成立及效力”修改为：“…” — a heading line quoted in full."""

    old: str
    new: str


@dataclass(frozen=True)
class HeadingOp(Op):
    """章/节 operations: rename, delete, add (with the articles quoted)."""

    action: str  # rename | delete | delete-heading | add | renumber
    level: str  # 章 | 节
    number: int  # old number (rename/delete) or new number (add)
    title: str = ""
    chapter: int | None = None  # the chapter of a 节
    articles: tuple[str, ...] = ()  # for add: the quoted article texts
    positions: tuple[Ref, ...] = ()  # for add: the stated numbers of those articles
    renumbered_to: int | None = None  # for renumber (第七节相应改为第八节): the new number
    after: Ref | None = None  # for add: 在第X条后 / 在第X章后 (Ref(unit="chapter"))增加一章; number 0: unsaid


@dataclass(frozen=True)
class TableCell(Op):
    """“煤”税目原矿税率由8％调整为10％ (old None when not stated)."""

    table: str | None
    row: str
    column: str
    old: str | None
    new: str


@dataclass(frozen=True)
class TableCells(Op):
    """Several cells changed by one clause."""

    cells: tuple[TableCell, ...]


@dataclass(frozen=True)
class ReplaceTable(Op):
    """个人所得税税率表一（…）修改为： + rows: a schedule printed anew."""

    table: str
    rows: tuple[str, ...]


@dataclass(frozen=True)
class Renumber(Op):
    """条文顺序作相应调整 said as an instruction (SPC, 修正案): the text is renumbered."""


@dataclass(frozen=True)
class Unstated(Op):
    """此外，对个别文字作相应修改: wording changes the decision does not spell out."""

    text: str


def table_cells(ops: Iterable[Op]) -> list[TableCell]:
    """Every cell change among ``ops`` (a clause may change several at once)."""
    out: list[TableCell] = []
    for op in ops:
        if isinstance(op, TableCells):
            out.extend(op.cells)
        elif isinstance(op, TableCell):
            out.append(op)
    return out


# ---------------------------------------------------------------- instructions, parts, decisions


@dataclass
class Instruction:
    """One numbered (or unnumbered) instruction with its operations and source span."""

    ordinal: str  # "1", "一", "二.1" …
    text: str
    span: tuple[int, int]  # character offsets in the decision text
    ops: list[Op] = field(default_factory=list)
    law: str | None = None  # the regulation the instruction names first (omnibus routing)


@dataclass
class Part:
    """The instructions for one regulation (一、对《…》作出修改 …) or the whole decision."""

    target: str | None
    instructions: list[Instruction] = field(default_factory=list)
    renumber: bool | None = None  # 条文顺序作相应调整 said of this regulation (None: see decision)
    aliases: list[str] = field(default_factory=list)  # other titles: a renaming, an abbreviation
    unread: list[UnreadInstruction] = field(default_factory=list)  # instructions for it lawdiff cannot read

    def titles(self) -> list[str]:
        return [t for t in (self.target, *self.aliases) if t]


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
    unstated: list[str] = field(default_factory=list)  # 此外，对个别文字作相应修改: not spelled out
    failures: list[tuple[str, str]] = field(default_factory=list)  # (instruction, reason), lenient parse
    instructions_seen: int = 0  # instructions found, parsed or not

    def renumbers(self, part: Part) -> bool:
        return self.renumber if part.renumber is None else part.renumber

    def part_for(self, title: str | None) -> Part:
        """The part amending ``title`` (one-part decisions need no title)."""
        if title is None:
            if len(self.parts) == 1:
                return self.parts[0]
            names = "; ".join(p.target or "?" for p in self.parts)
            raise AmendmentError(
                _("the decision amends {n} regulations ({names}): choose one with --law").format(n=len(self.parts), names=names)
            )
        hits = [p for p in self.parts if any(same_title(t, title, exact=True) for t in p.titles())]
        if not hits:
            hits = [p for p in self.parts if any(same_title(t, title) for t in p.titles())]
        if len(hits) == 1:
            return hits[0]
        if not hits and len(self.parts) == 1 and self.parts[0].target is None:
            return self.parts[0]
        names = "; ".join(p.target or "?" for p in self.parts)
        what = _("matches several parts") if hits else _("is not amended by this decision")
        if not hits and all(p.target is None for p in self.parts):
            what = _("cannot be matched: no heading or name marks which instructions amend which regulation")
        raise AmendmentError(_("{title} {what} (parts: {names})").format(title=title, what=what, names=names))

    @property
    def instruction_count(self) -> int:
        return sum(len(p.instructions) for p in self.parts)


__all__ = ["title_key"]
