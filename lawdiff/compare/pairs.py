"""Links between article indices → the rows of a comparison (``Pair``), in reading order.

A connected group of links is one ``Pair`` (1:1, split 1:n, merged n:1); an article without links
is new or deleted. Inside a pair the lines are aligned and diffed (``textdiff``); a pair of
identical articles is all-equal lines at once, which is most of a large amended law.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from lawdiff.compare.align import Vectors, cosine
from lawdiff.compare.comparison import EQUAL, LinePair, Pair, Segment, body_lines
from lawdiff.compare.textdiff import align_lines
from lawdiff.structure.model import Article


class Lineage(NamedTuple):
    """Links between old and new article indices, with what the decision said about them."""

    links: list[tuple[int, int]]
    moved: set[tuple[int, int]]
    instructions: dict[int, list[str]]  # new index -> instructions that touched it
    deleted_by: dict[int, str]  # old index -> instruction that deleted it
    method: str
    decision: str | None
    vectors: Vectors | None = None  # the alignment's TF-IDF vectors, reused for the scores
    implied: dict[int, list[str]] | None = None  # new index -> citations renumbered (第十六条→第十五条)


def build_pairs(old: Sequence[Article], new: Sequence[Article], lin: Lineage) -> list[Pair]:
    groups = _components(len(old), len(new), lin.links)
    lines_old = [body_lines(a) for a in old]
    lines_new = [body_lines(a) for a in new]
    bodies_old = ["\n".join(ls) for ls in lines_old]
    bodies_new = ["\n".join(ls) for ls in lines_new]
    vec = lin.vectors or Vectors(bodies_old, bodies_new)
    order = Order(lin.links, len(new))
    pairs: list[tuple[tuple[float, float], Pair]] = []
    for olds, news in groups:
        o = tuple(old[i] for i in olds)
        n = tuple(new[j] for j in news)
        if len(olds) == len(news) == 1 and bodies_old[olds[0]] == bodies_new[news[0]]:
            # the same words: every line equal, nothing to align or score
            lines = tuple(
                LinePair(k, k, (Segment(EQUAL, ln),) if ln else ())
                for k, ln in enumerate(lines_old[olds[0]])
            )
            sim = 1.0
        else:
            lines = align_lines(
                [ln for i in olds for ln in lines_old[i]], [ln for j in news for ln in lines_new[j]]
            )
            sim = _similarity(olds, news, bodies_old, bodies_new, vec)
        moved = any((i, j) in lin.moved for i in olds for j in news)
        relation = _relation(o, n, lines, moved)
        ins = tuple(dict.fromkeys(x for j in news for x in lin.instructions.get(j, [])))
        if not news:
            ins = tuple(dict.fromkeys(lin.deleted_by[i] for i in olds if i in lin.deleted_by))
        source = lin.method
        implied = tuple(dict.fromkeys(x for j in news for x in (lin.implied or {}).get(j, [])))
        pair = Pair(o, n, relation, round(sim, 3), source, lines, lin.decision if ins else None, ins,
                    implied=implied)  # fmt: skip
        pairs.append((order.position(olds, news), pair))
    pairs.sort(key=lambda t: t[0])
    return [p for _, p in pairs]


def _similarity(
    olds: list[int], news: list[int], bodies_old: list[str], bodies_new: list[str], vec: Vectors
) -> float:
    if len(olds) == len(news) == 1:
        return cosine(vec.old[olds[0]], vec.new[news[0]])
    if olds and news:
        if all(bodies_old[i] == bodies_new[j] for i in olds for j in news):
            return 1.0
        return cosine(
            vec.weigh_text("".join(bodies_old[i] for i in olds)),
            vec.weigh_text("".join(bodies_new[j] for j in news)),
        )
    return 0.0


def _components(
    n_old: int, n_new: int, links: Iterable[tuple[int, int]]
) -> list[tuple[list[int], list[int]]]:
    parent = list(range(n_old + n_new))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in links:
        parent[find(i)] = find(n_old + j)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for x in range(n_old + n_new):
        g = groups.setdefault(find(x), ([], []))
        if x < n_old:
            g[0].append(x)
        else:
            g[1].append(x - n_old)
    return list(groups.values())


def _relation(
    old: tuple[Article, ...], new: tuple[Article, ...], lines: tuple[LinePair, ...], moved: bool
) -> str:
    if not old:
        return "new"
    if not new:
        return "deleted"
    if len(old) > 1:
        return "merged"
    if len(new) > 1:
        return "split"
    if moved:
        return "moved"
    if any(lp.changed for lp in lines):
        return "modified"
    return "same" if old[0].label == new[0].label else "renumbered"


class Order:
    """Reading order: by the new text; a deleted article right after its old predecessor's row."""

    def __init__(self, links: Iterable[tuple[int, int]], n_new: int) -> None:
        ordered = sorted(links)
        self.olds = [o for o, _ in ordered]
        self.n_new = n_new
        self.before: list[int] = []  # before[k]: the last new index linked from olds[: k + 1]
        for _, j in ordered:
            self.before.append(max(j, self.before[-1]) if self.before else j)
        self.after: list[int] = [0] * len(ordered)  # after[k]: the first from olds[k:]
        low = n_new
        for k in range(len(ordered) - 1, -1, -1):
            low = min(low, ordered[k][1])
            self.after[k] = low

    def position(self, olds: list[int], news: list[int]) -> tuple[float, float]:
        if news:
            return (float(min(news)), float(min(olds)) if olds else -1.0)
        i = min(olds)
        k = bisect_left(self.olds, i)
        if k > 0:
            return (self.before[k - 1] + 0.5, float(i))
        k = bisect_right(self.olds, i)
        if k < len(self.olds):
            return (self.after[k] - 0.5, float(i))
        return (self.n_new + 0.5, float(i))
