"""Align the articles of two revisions by content, for revisions no decision connects (修订).

Similarity is the cosine of TF-IDF weighted character bigrams (punctuation dropped). Bigrams
stand in for Chinese words without a segmenter, and the IDF weight keeps the boilerplate every
article shares (县级以上人民政府, 应当, 依照) from making unrelated articles look alike; plain
character ratios (LCS/Levenshtein) put unrelated articles of a law at 0.2–0.35 and reworded
successors at 0.3–0.5, which no threshold separates (measured on the land measures 2020→2024,
see ``bench/diff_bench.py``).

The alignment, in four passes:

1. anchors: pairs of articles that are each other's most similar article, above ``ANCHOR``;
2. leftovers on both sides that still match above ``PAIR`` (stricter: not mutually best), best
   first;
3. order: the heaviest subset of pairs that keeps the order on both sides is the backbone; pairs
   crossing it have **moved**;
4. splits and merges: a leftover article whose best match on the other side is already paired
   joins that pair, if the pair then covers the article better (``GAIN``).

What is still unpaired is new or deleted. On the land measures 2020 → 2024, against a reading of
both texts (``tests/data/land_2020_2024_alignment.yaml``): precision 0.92, recall 0.71, 6 of the
7 pairs marked certain (see ``bench/diff_bench.py`` for the numbers against a line diff).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

ANCHOR = 0.15  # two articles that are each other's best match, at least this similar
PAIR = 0.2  # a pair that is not mutually best needs more
SECOND = 0.15  # a leftover joining a pair as split/merge part: similarity to that pair's article
GAIN = 0.02  # … and the pair must cover the article better with the leftover than without it
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
        """Log-scaled counts times IDF (a bigram neither side has weighs as if rare: 1.0)."""
        return {k: (1 + math.log(c)) * self.idf.get(k, 1.0) for k, c in g.items()}

    def weigh_text(self, text: str) -> dict[str, float]:
        return self._weigh(_grams(text))


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


def align(
    old: Sequence[str], new: Sequence[str], *, scorer: str = "tfidf"
) -> tuple[list[Link], Vectors]:
    """Links between old and new article bodies, and the vectors they were scored with.

    ``scorer="indel"`` scores pairs by rapidfuzz's normalised Indel (LCS) similarity instead,
    for the comparison in ``bench/diff_bench.py``.
    """
    vec = Vectors(old, new)
    if scorer == "indel":
        from rapidfuzz.distance import Indel

        sim = [[Indel.normalized_similarity(a, b) for b in new] for a in old]
    else:
        sim = similarity_matrix(vec)
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            if a == b:
                sim[i][j] = 1.0
    pairs = _mutual_best(sim)
    pairs += _next_best(sim, pairs)
    in_order = _ordered_chain(pairs, sim)
    links = [Link(i, j, moved=(i, j) not in in_order) for i, j in pairs]
    links += _splits_and_merges(vec, sim, links, old, new)
    return sorted(links), vec


def _mutual_best(sim: list[list[float]]) -> list[tuple[int, int]]:
    """Pairs where each is the other's most similar article, above ``ANCHOR``."""
    if not sim or not sim[0]:
        return []
    n, m = len(sim), len(sim[0])
    best_new = [max(range(m), key=lambda j, r=row: (r[j], -j)) for row in sim]
    best_old = [max(range(n), key=lambda i, j=j: (sim[i][j], -i)) for j in range(m)]
    return [
        (i, j)
        for i, j in enumerate(best_new)
        if best_old[j] == i and sim[i][j] >= ANCHOR
    ]


def _next_best(sim: list[list[float]], pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Leftovers on both sides that still match above ``PAIR``, best first."""
    used_old = {i for i, _ in pairs}
    used_new = {j for _, j in pairs}
    cands = sorted(
        (-sim[i][j], i, j)
        for i in range(len(sim))
        if i not in used_old
        for j in range(len(sim[i]))
        if j not in used_new and sim[i][j] >= PAIR
    )
    out = []
    for _, i, j in cands:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        out.append((i, j))
    return out


def _ordered_chain(pairs: list[tuple[int, int]], sim: list[list[float]]) -> set[tuple[int, int]]:
    """The heaviest subset of pairs in the same order on both sides; the others have moved."""
    ps = sorted(pairs)
    best = [sim[i][j] for i, j in ps]
    back = [-1] * len(ps)
    for k, (_, j) in enumerate(ps):
        for t in range(k):
            if ps[t][1] < j and best[t] + sim[ps[k][0]][j] > best[k]:
                best[k] = best[t] + sim[ps[k][0]][j]
                back[k] = t
    if not ps:
        return set()
    k = max(range(len(ps)), key=lambda x: (best[x], -x))
    chain = set()
    while k != -1:
        chain.add(ps[k])
        k = back[k]
    return chain


def _splits_and_merges(
    vec: Vectors,
    sim: list[list[float]],
    links: list[Link],
    old: Sequence[str],
    new: Sequence[str],
) -> list[Link]:
    """Leftovers whose best match on the other side is already paired: split or merge parts."""
    partners_of_old: dict[int, list[int]] = {}
    partners_of_new: dict[int, list[int]] = {}
    for lk in links:
        partners_of_old.setdefault(lk.old, []).append(lk.new)
        partners_of_new.setdefault(lk.new, []).append(lk.old)
    out: list[Link] = []
    for j in range(len(new)):  # splits: new j came out of old i
        if j in partners_of_new or not old:
            continue
        i = max(range(len(old)), key=lambda i: (sim[i][j], -i))
        if i in partners_of_old and sim[i][j] >= SECOND:
            now = [new[k] for k in partners_of_old[i]]
            more = [new[k] for k in sorted([*partners_of_old[i], j])]
            if _covers_better(vec, old[i], more, now):
                partners_of_old[i].append(j)
                out.append(Link(i, j))
    for i in range(len(old)):  # merges: old i went into new j
        if i in partners_of_old or not new:
            continue
        j = max(range(len(new)), key=lambda j: (sim[i][j], -j))
        if j in partners_of_new and sim[i][j] >= SECOND:
            now = [old[k] for k in partners_of_new[j]]
            more = [old[k] for k in sorted([*partners_of_new[j], i])]
            if _covers_better(vec, new[j], more, now):
                partners_of_new[j].append(i)
                out.append(Link(i, j))
    return out


def _covers_better(vec: Vectors, whole: str, with_part: list[str], without: list[str]) -> bool:
    w = vec.weigh_text(whole)
    a = cosine(w, vec.weigh_text("".join(with_part)))
    b = cosine(w, vec.weigh_text("".join(without)))
    return a >= b + GAIN
