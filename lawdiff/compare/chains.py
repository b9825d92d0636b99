"""Order-keeping runs of article pairs, in O(n log n): the backbone of an alignment.

* ``identical`` pairs the articles whose text is the same on both sides the way patience diff
  pairs lines: texts unique on both sides anchor, the longest run of anchors in the same order on
  both sides is the backbone, and the gaps between backbone anchors are searched again (texts
  repeated inside a gap are paired in order). Anchors off the backbone have moved.
* ``heaviest_chain`` is the subset of (1:1) pairs with the greatest total weight that keeps the
  order on both sides; pairs off it have moved.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import pairwise

Pair = tuple[int, int]


def longest_run(pairs: Sequence[Pair]) -> list[Pair]:
    """Longest subsequence increasing in the second coordinate (``pairs`` sorted by the first)."""
    tails: list[int] = []  # tails[p]: smallest last j of a run of length p + 1
    tail_at: list[int] = []
    back = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        p = bisect_left(tails, j)
        if p == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[p] = j
            tail_at[p] = k
        back[k] = tail_at[p - 1] if p else -1
    out: list[Pair] = []
    k = tail_at[-1] if tail_at else -1
    while k != -1:
        out.append(pairs[k])
        k = back[k]
    return out[::-1]


def identical(old: Sequence[str], new: Sequence[str]) -> tuple[list[Pair], set[Pair]]:
    """Pairs of equal texts (``old[i] == new[j]``), and those of them that are off the order."""
    pairs: list[Pair] = []
    moved: set[Pair] = set()
    stack = [(list(range(len(old))), list(range(len(new))))]
    while stack:
        olds, news = stack.pop()
        count_old = Counter(old[i] for i in olds)
        count_new = Counter(new[j] for j in news)
        where_new = {new[j]: j for j in news if count_new[new[j]] == 1}
        anchors = [
            (i, where_new[old[i]]) for i in olds if count_old[old[i]] == 1 and old[i] in where_new
        ]
        if not anchors:
            pairs.extend(_in_order(olds, news, old, new, count_old))
            continue
        backbone = longest_run(anchors)
        pairs.extend(anchors)
        moved.update(set(anchors) - set(backbone))
        used_old = {i for i, _ in anchors}
        used_new = {j for _, j in anchors}
        rest_old = [i for i in olds if i not in used_old]
        rest_new = [j for j in news if j not in used_new]
        for go, gn in gaps(rest_old, rest_new, backbone, len(old), len(new)):
            if {old[i] for i in go} & {new[j] for j in gn}:
                stack.append((go, gn))
    return pairs, moved


def _in_order(
    olds: list[int], news: list[int], old: Sequence[str], new: Sequence[str], in_old: Counter[str]
) -> list[Pair]:
    """Repeated texts inside one gap: the k-th copy on one side with the k-th on the other."""
    positions: dict[str, list[int]] = defaultdict(list)
    for j in news:
        if new[j] in in_old:
            positions[new[j]].append(j)
    out: list[Pair] = []
    last = -1
    for i in olds:
        js = positions.get(old[i])
        if js:
            k = bisect_left(js, last + 1)
            if k < len(js):
                last = js.pop(k)
                out.append((i, last))
    return out


def gaps(
    olds: list[int], news: list[int], backbone: Sequence[Pair], n: int, m: int
) -> list[tuple[list[int], list[int]]]:
    """``olds`` and ``news`` (sorted) cut at the backbone: what lies between two of its pairs."""
    bounds = [(-1, -1), *backbone, (n, m)]
    out = []
    a = b = 0
    for (i0, j0), (i1, j1) in pairwise(bounds):
        go: list[int] = []
        gn: list[int] = []
        while a < len(olds) and olds[a] < i1:
            if olds[a] > i0:
                go.append(olds[a])
            a += 1
        while b < len(news) and news[b] < j1:
            if news[b] > j0:
                gn.append(news[b])
            b += 1
        if go and gn:
            out.append((go, gn))
    return out


def heaviest_chain(weight: dict[Pair, float]) -> set[Pair]:
    """The heaviest set of pairs increasing on both sides, by a Fenwick tree of prefix maxima.

    Each old and each new index appears in at most one pair. Ties go to the chain that ends
    earliest (the earlier pair), as the quadratic version did.
    """
    ps = sorted(weight)
    if not ps:
        return set()
    rank = {j: r for r, j in enumerate(sorted({j for _, j in ps}), start=1)}
    size = len(rank)
    tree_best = [0.0] * (size + 1)
    tree_at = [-1] * (size + 1)
    best = [0.0] * len(ps)
    back = [-1] * len(ps)
    for k, p in enumerate(ps):
        r = rank[p[1]] - 1  # best chain ending at a pair with a smaller new index
        value, at = 0.0, -1
        while r > 0:
            if tree_best[r] > value or (tree_best[r] == value and 0 <= tree_at[r] < at):
                value, at = tree_best[r], tree_at[r]
            r -= r & -r
        best[k] = value + weight[p]
        back[k] = at
        r = rank[p[1]]
        while r <= size:
            if best[k] > tree_best[r]:
                tree_best[r], tree_at[r] = best[k], k
            r += r & -r
    k = max(range(len(ps)), key=lambda x: (best[x], -x))
    out: set[Pair] = set()
    while k != -1:
        out.add(ps[k])
        k = back[k]
    return out
