"""What a diff between two revisions is made of: aligned article pairs, line pairs, segments.

These are the types every view (terminal, 新旧对照表 in md/html/docx, json) renders; the
alignment itself is computed in ``lawdiff.align`` and the character diff in ``lawdiff.textdiff``.

* A ``Pair`` joins old articles to new articles (1:1, 1:n split, n:1 merge, 0:1 new, 1:0 deleted)
  with a relation, a similarity and where the pairing came from (``decision`` provenance or
  ``similarity`` of content).
* Inside a pair, the article bodies (label removed, one line per 款 and per 项) are aligned line by
  line (``LinePair``); each line pair carries character-level ``Segment``s.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from lawdiff.structure.model import Article, Heading, Law, LawText, Revision

RELATIONS = ("same", "renumbered", "modified", "moved", "split", "merged", "new", "deleted")
EQUAL, DELETE, INSERT = "equal", "delete", "insert"



class Segment(NamedTuple):
    op: str  # equal | delete | insert
    text: str


class LinePair(NamedTuple):
    """One aligned pair of body lines; ``old``/``new`` index the pair's flattened lines."""

    old: int | None
    new: int | None
    segments: tuple[Segment, ...]

    @property
    def changed(self) -> bool:
        return any(s.op != EQUAL for s in self.segments)


class Reason(NamedTuple):
    """A sentence of a legislative report (说明, 审议结果的报告 …) that discusses a pair."""

    document: str  # the report's title
    kind: str  # 说明 | 研究意见 | 审议意见 | 审议结果 | 修改情况
    quote: str
    basis: str = ""  # why it was linked: "草案第十二条", "“永久基本农田”" …


class SideLine(NamedTuple):
    """One line of one side of a pair, for rendering: which article, and its segments."""

    article: Article
    first: bool  # the article's first line (print its label before it)
    segments: tuple[Segment, ...]  # equal + delete (old side) or equal + insert (new side)


class Pair(NamedTuple):
    old: tuple[Article, ...]
    new: tuple[Article, ...]
    relation: str
    similarity: float  # 0..1
    source: str  # decision | similarity
    lines: tuple[LinePair, ...] = ()
    decision: str | None = None
    instructions: tuple[str, ...] = ()  # ordinals of the decision's instructions (一, 二 …)
    reasons: tuple[Reason, ...] = ()
    implied: tuple[str, ...] = ()  # citations renumbered with the text, not said by the decision

    @property
    def old_labels(self) -> list[str]:
        return [a.label for a in self.old]

    @property
    def new_labels(self) -> list[str]:
        return [a.label for a in self.new]

    @property
    def changed(self) -> bool:
        return self.relation != "same"

    def side(self, which: str) -> list[SideLine]:
        """The old (``"old"``) or new (``"new"``) side, line by line, with its segments."""
        arts = self.old if which == "old" else self.new
        keep = DELETE if which == "old" else INSERT
        index = [(a, i) for a in arts for i in range(len(body_lines(a)))]
        by_line: dict[int, tuple[Segment, ...]] = {}
        for lp in self.lines:
            n = lp.old if which == "old" else lp.new
            if n is not None:
                by_line[n] = tuple(s for s in lp.segments if s.op in (EQUAL, keep))
        out = []
        for n, (art, i) in enumerate(index):
            segs = by_line.get(n) or (Segment(EQUAL, body_lines(art)[i]),)
            out.append(SideLine(art, i == 0, segs))
        return out


class CountCheck(NamedTuple):
    """What a report says a revision did (新增…条、删除…条), against the computed alignment."""

    source: str  # the report kind (说明 …)
    stated: str  # the sentence
    numbers: dict[str, int]  # 新增 / 删除 / 修改 / 保留 -> n
    computed: dict[str, int]  # same keys, from the comparison
    agrees: bool
    remark: str

    def describe(self) -> str:
        said = "、".join(f"{k}{n}条" for k, n in self.numbers.items())
        got = "、".join(f"{k}{self.computed[k]}条" for k in self.numbers if k in self.computed)
        verdict = "一致" if self.agrees else "不一致"
        tail = f"（{self.remark}）" if self.remark else ""
        return f"{self.source}称：{said}；按对齐结果：{got}。{verdict}{tail}"


class HeadingChange(NamedTuple):
    """A 章/节 heading: same, renumbered, renamed (same place, new title), new or deleted."""

    old: Heading | None
    new: Heading | None
    relation: str  # same | renumbered | renamed | new | deleted


class Stats(NamedTuple):
    counts: dict[str, int]  # relation -> number of pairs
    chars_added: int
    chars_removed: int
    old_articles: int
    new_articles: int


class Comparison(NamedTuple):
    law: Law
    old_rev: Revision
    new_rev: Revision
    old_text: LawText
    new_text: LawText
    pairs: tuple[Pair, ...]
    method: str  # decision | similarity
    count_checks: tuple[CountCheck, ...] = ()  # counts the reports state, against the alignment
    headings: tuple[HeadingChange, ...] = ()  # 章/节 headings, aligned by title
    notes: tuple[str, ...] = ()  # e.g. why a decision chain could not be used

    def stats(self) -> Stats:
        counts = dict.fromkeys(RELATIONS, 0)
        added = removed = 0
        for p in self.pairs:
            counts[p.relation] += 1
            for lp in p.lines:
                for s in lp.segments:
                    if s.op == INSERT:
                        added += len(s.text)
                    elif s.op == DELETE:
                        removed += len(s.text)
        return Stats(
            counts, added, removed, len(self.old_text.articles), len(self.new_text.articles)
        )


def shown_rows(pairs: Iterable[Pair], show_all: bool) -> Iterator[Pair | int]:
    """The rows a view prints: changed pairs, and runs of unchanged ones as their count."""
    unchanged = 0
    for p in pairs:
        if not p.changed and not show_all:
            unchanged += 1
            continue
        if unchanged:
            yield unchanged
            unchanged = 0
        yield p
    if unchanged:
        yield unchanged


def merge_runs(segs: Iterable[Segment]) -> list[Segment]:
    """Adjacent segments of the same kind joined into one."""
    out: list[Segment] = []
    run: list[str] = []  # the texts of the current run, joined once (not one copy per segment)
    op = ""
    for s in segs:
        if run and s.op == op:
            run.append(s.text)
            continue
        if run:
            out.append(Segment(op, "".join(run)))
        op, run = s.op, [s.text]
    if run:
        out.append(Segment(op, "".join(run)))
    return out


def body_lines(art: Article) -> list[str]:
    """An article's lines without its label: one per 款, one per 项."""
    lines = art.lines()
    lines[0] = lines[0][len(art.label) :].lstrip("\u3000 ")
    return lines


def article_key(art: Article) -> int | str:
    """The number used in JSON: 12, or "12之一" for an inserted 之一 article."""
    return art.number if not art.sub else f"{art.number}之{art.sub}"
