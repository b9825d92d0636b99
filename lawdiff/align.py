"""Align the articles of two revisions by content, for revisions no decision connects (修订).

Similarity is the cosine of TF-IDF weighted character bigrams (punctuation dropped). Bigrams
stand in for Chinese words without a segmenter, and the IDF weight keeps the boilerplate every
article shares (县级以上人民政府, 应当, 依照) from making unrelated articles look alike; plain
character ratios (LCS/Levenshtein) put unrelated articles of a law at 0.2–0.35 and reworded
successors at 0.3–0.5, which no threshold separates (measured on the land measures 2020→2024,
see ``bench/diff_bench.py``).

The alignment, in four passes:

1. a monotone (order-preserving) alignment that maximises the summed similarity of pairs above
   ``PAIR`` — most revisions keep the order of what they keep;
2. moves: articles left over on both sides that match above ``MOVE`` (stricter, since an
   out-of-order pair is a stronger claim);
3. splits: a new article left over whose content is mostly contained (``CONTAIN``) in an old
   article that is already paired becomes part of that old article's successors, if adding it
   makes the successors cover the old article better;
4. merges: the same the other way round.

What is still unpaired is new or deleted. The result is a list of links (old index, new index,
moved?) that ``lawdiff.diffing`` turns into pairs with relations.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

PAIR = 0.2  # below: not the same provision
MOVE = 0.35  # an out-of-order pair needs more evidence
CONTAIN = 0.5  # share of a leftover article's weight found in its source (split/merge)
GAIN = 0.02  # the source must be covered better with the leftover than without it
_PUNCT = set("，。；：、（）《》〈〉“”‘’？！　 \n—…·．")


class Link(NamedTuple):
    old: int
    new: int
    moved: bool = False


def _grams(text: str) -> Counter[str]:
    chars = [c for c in text if c not in _PUNCT]
    return Counter(chars[i] + chars[i + 1] for i in range(len(chars) - 1))


class Vectors:
    """TF-IDF vectors of both sides, with IDF over the articles of both revisions."""

    def __init__(self, old: Sequence[str], new: Sequence[str]) -> None:
        grams = [_grams(t) for t in (*old, *new)]
        df: Counter[str] = Counter()
        for g in grams:
            df.update(g.keys())
        n = len(grams)
        self.idf = {k: math.log(1 + n / c) for k, c in df.items()}
        self.old = [self._weigh(g) for g in grams[: len(old)]]
        self.new = [self._weigh(g) for g in grams[len(old) :]]

    def _weigh(self, g: Counter[str]) -> dict[str, float]:
        return {k: (1 + math.log(c)) * self.idf[k] for k, c in g.items()}

    def weigh_text(self, text: str) -> dict[str, float]:
        return {
            k: (1 + math.log(c)) * self.idf.get(k, 1.0) for k, c in _grams(text).items()
        }


def cosine(u: dict[str, float], v: dict[str, float]) -> float:
    if len(u) > len(v):
        u, v = v, u
    dot = sum(x * v.get(k, 0.0) for k, x in u.items())
    nu = math.sqrt(sum(x * x for x in u.values()))
    nv = math.sqrt(sum(x * x for x in v.values()))
    return dot / (nu * nv) if nu and nv else 0.0


def containment(part: dict[str, float], whole: dict[str, float]) -> float:
    """How much of ``part``'s weight is found in ``whole`` (1.0: all of it)."""
    total = sum(part.values())
    if not total:
        return 0.0
    return sum(min(x, whole.get(k, 0.0)) for k, x in part.items()) / total


def similarity_matrix(vec: Vectors) -> list[list[float]]:
    """Cosine of every old article with every new one, through an inverted index."""
    norms_new = [math.sqrt(sum(x * x for x in v.values())) or 1.0 for v in vec.new]
    postings: dict[str, list[tuple[int, float]]] = {}
    for j, v in enumerate(vec.new):
        for k, x in v.items():
            postings.setdefault(k, []).append((j, x / norms_new[j]))
    out = []
    for u in vec.old:
        nu = math.sqrt(sum(x * x for x in u.values())) or 1.0
        row = [0.0] * len(vec.new)
        for k, x in u.items():
            for j, y in postings.get(k, ()):
                row[j] += x * y
        out.append([min(1.0, s / nu) for s in row])
    return out


def align(old: Sequence[str], new: Sequence[str]) -> tuple[list[Link], list[list[float]]]:
    """Links between old and new article bodies, and the similarity matrix they came from."""
    vec = Vectors(old, new)
    sim = similarity_matrix(vec)
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            if a == b:
                sim[i][j] = 1.0
    links = _monotone(sim)
    links += _moves(sim, links)
    links += _splits_and_merges(vec, sim, links, old, new)
    return sorted(links), sim


def _monotone(sim: list[list[float]]) -> list[Link]:
    n = len(sim)
    m = len(sim[0]) if n else 0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        srow = sim[i]
        for j in range(m - 1, -1, -1):
            s = srow[j]
            v = below[j] if below[j] > row[j + 1] else row[j + 1]
            if s >= PAIR and below[j + 1] + s > v:
                v = below[j + 1] + s
            row[j] = v
    links = []
    i = j = 0
    while i < n and j < m:
        s = sim[i][j]
        if s >= PAIR and best[i][j] == best[i + 1][j + 1] + s:
            links.append(Link(i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return links


def _moves(sim: list[list[float]], links: list[Link]) -> list[Link]:
    used_old = {lk.old for lk in links}
    used_new = {lk.new for lk in links}
    cands = sorted(

            (-sim[i][j], i, j)
            for i in range(len(sim))
            if i not in used_old
            for j in range(len(sim[i]))
            if j not in used_new and sim[i][j] >= MOVE

    )
    out = []
    for _, i, j in cands:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        out.append(Link(i, j, moved=True))
    return out


def _splits_and_merges(
    vec: Vectors,
    sim: list[list[float]],
    links: list[Link],
    old: Sequence[str],
    new: Sequence[str],
) -> list[Link]:
    """Leftover articles whose content sits inside an already paired article on the other side."""
    partners_of_old: dict[int, list[int]] = {}
    partners_of_new: dict[int, list[int]] = {}
    for lk in links:
        partners_of_old.setdefault(lk.old, []).append(lk.new)
        partners_of_new.setdefault(lk.new, []).append(lk.old)
    out: list[Link] = []
    for j in range(len(new)):  # splits: new j came out of old i
        if j in partners_of_new:
            continue
        found = _source(j, vec.new, vec.old, sim, partners_of_old, transpose=True)
        if found is not None and _covers_better(vec, old[found], [new[k] for k in sorted([*partners_of_old[found], j])], [new[k] for k in partners_of_old[found]], split=True):
            partners_of_old[found].append(j)
            partners_of_new[j] = [found]
            out.append(Link(found, j))
    for i in range(len(old)):  # merges: old i went into new j
        if i in partners_of_old:
            continue
        found = _source(i, vec.old, vec.new, sim, partners_of_new, transpose=False)
        if found is not None and _covers_better(vec, new[found], [old[k] for k in sorted([*partners_of_new[found], i])], [old[k] for k in partners_of_new[found]], split=False):
            partners_of_new[found].append(i)
            partners_of_old[i] = [found]
            out.append(Link(i, found))
    return out


def _source(
    k: int,
    mine: list[dict[str, float]],
    theirs: list[dict[str, float]],
    sim: list[list[float]],
    paired: dict[int, list[int]],
    *,
    transpose: bool,
) -> int | None:
    """The paired article on the other side that contains most of article ``k``, if enough."""
    best, best_c = None, CONTAIN
    for t in paired:
        s = sim[t][k] if transpose else sim[k][t]
        if s < PAIR / 2:
            continue
        c = containment(mine[k], theirs[t])
        if c >= best_c:
            best, best_c = t, c
    return best


def _covers_better(
    vec: Vectors, whole: str, with_part: list[str], without: list[str], *, split: bool
) -> bool:
    w = vec.weigh_text(whole)
    a = cosine(w, vec.weigh_text("".join(with_part)))
    b = cosine(w, vec.weigh_text("".join(without)))
    return a >= b + GAIN
