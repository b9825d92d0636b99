"""A phrase's hits grouped by lineage: the same article across revisions, whatever its number.

「第十二条, 2008–2020; 第十五条 since 2024」: the articles of two consecutive texts are
linked by the content alignment (``align.py``) of their bodies as the text index holds them
(cached in the index per pair of revisions, dropped with the law's units); table rows, annex
lines, headings and notes are linked by their label. A lineage's revisions where the unit holds
the phrase form runs; a run is cut where the label changes. Each piece is a ``Segment``: its
label, the revisions it spans, the day it began to apply and the day it stopped (``None``: it
still applies).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from lawdiff.compare.align import align
from lawdiff.corpus.timeline import effective_of, in_force

if TYPE_CHECKING:
    from lawdiff.corpus.reader import Corpus
    from lawdiff.query.search import Found
    from lawdiff.query.textindex import TextIndex
    from lawdiff.structure.model import Law, Revision

Node = tuple[int, str, int]  # (revision position, unit kind, ord)


class Segment(NamedTuple):
    law: str
    title: str
    lineage: int  # shared by the segments of one article (or row, or line) across revisions
    unit: str
    label: str
    first: str  # the first revision of the segment
    revision: str  # the last revision of the segment
    start: date | None  # the day ``first`` applies from
    until: date | None  # the day the revision after the segment applies from (None: still)
    count: int  # occurrences in ``revision``
    snippet: str
    current: bool  # the segment holds the text in force on the day asked


def group(corpus: Corpus, found: Found, *, on: date | None, every: bool) -> list[Segment]:
    """The segments of every lineage with a hit: in force on ``on``, or all (``every``)."""
    by_law: dict[str, list] = {}  # type: ignore[type-arg]
    for h in found.hits:
        by_law.setdefault(h.law, []).append(h)
    out: list[Segment] = []
    lineage = 0
    for law_id, hits in by_law.items():
        law = corpus.load_law(law_id)
        segments = _law_segments(found.index, law, hits, on or date.today())
        for run in segments:
            if every or any(s.current for s in run):
                lineage += 1
                out.extend(s._replace(lineage=lineage) for s in run)
    return out


_KINDS = {"preamble": 0, "heading": 1, "article": 2, "note": 3, "annex": 4, "table": 5}


def _law_segments(ti: TextIndex, law: Law, hits: list, on: date) -> list[list[Segment]]:  # type: ignore[type-arg]
    labels: dict[str, dict[tuple[str, int], str]] = {}  # rev -> (kind, ord) -> label
    bodies: dict[str, list[tuple[int, str]]] = {}  # rev -> (ord, body) of its articles
    for rev, kind, ord_, label, body in ti.units_of_law(law.id):
        labels.setdefault(rev, {})[(kind, ord_)] = label
        if kind == "article":
            bodies.setdefault(rev, []).append((ord_, body))
    revs = [r for r in law.chronological() if r.id in labels]  # the revisions the index has
    at = {r.id: k for k, r in enumerate(revs)}
    parent: dict[Node, Node] = {}

    def find(x: Node) -> Node:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for k in range(len(revs) - 1):
        a, b = revs[k].id, revs[k + 1].id
        for i, j in _article_links(ti, law.id, a, b, bodies):
            parent[find((k, "article", i))] = find((k + 1, "article", j))
        later = _by_label(labels[b])
        for key, o in _by_label(labels[a]).items():
            if key in later:
                parent[find((k, key[0], o))] = find((k + 1, key[0], later[key]))
    standing = in_force(law, on)
    current = standing.revision.id if standing.status == "in-force" and standing.revision else None
    present = {(at[h.revision], h.unit, h.ord): h for h in hits if h.revision in at}
    lineages: dict[Node, list[Node]] = {}
    for node in sorted(present):
        lineages.setdefault(find(node), []).append(node)
    runs = []
    for nodes in lineages.values():
        run: list[Segment] = []
        for node in nodes:  # by revision; a split gives two nodes of one revision
            k, h = node[0], present[node]
            last = run[-1] if run else None
            if last is not None and at[last.revision] == k - 1 and last.label == h.label:
                run[-1] = last._replace(
                    revision=h.revision, count=h.count, snippet=h.snippet,
                    until=_until(law, revs, k), current=last.current or h.revision == current,
                )  # fmt: skip
            else:
                run.append(Segment(
                    law.id, law.title, 0, h.unit, h.label, h.revision, h.revision,
                    effective_of(revs[k], law)[0], _until(law, revs, k), h.count, h.snippet,
                    h.revision == current,
                ))  # fmt: skip
        runs.append((nodes[-1][0], _KINDS.get(nodes[-1][1], 9), nodes[-1][2], run))
    runs.sort(key=lambda r: (-r[0], r[1], r[2]))  # the latest texts first, in reading order
    return [r[3] for r in runs]


def _by_label(units: dict[tuple[str, int], str]) -> dict[tuple[str, str, int], int]:
    """Units other than articles keyed by kind, label and rank among those of that label (the
    third line of 附件一 in one revision continues as the third line of 附件一 in the next)."""
    out: dict[tuple[str, str, int], int] = {}
    seen: dict[tuple[str, str], int] = {}
    for (kind, o), label in sorted(units.items()):
        if kind != "article":
            rank = seen.get((kind, label), 0)
            seen[(kind, label)] = rank + 1
            out[(kind, label, rank)] = o
    return out


def _until(law: Law, revs: list[Revision], k: int) -> date | None:
    """The day the revision after ``revs[k]`` applies from; else the repeal; else None."""
    if k + 1 < len(revs):
        return effective_of(revs[k + 1], law)[0]
    return law.repealed


def _article_links(
    ti: TextIndex, law_id: str, a: str, b: str, bodies: dict[str, list[tuple[int, str]]]
) -> list[tuple[int, int]]:
    """Which article of revision ``a`` continues in which of ``b`` (cached in the index)."""
    db = ti.cache.db
    rows = db.execute("SELECT old, new FROM links WHERE law = ? AND a = ? AND b = ?", (law_id, a, b)).fetchall()
    if rows:
        return [(o, n) for o, n in rows if o >= 0]
    old = [body for _, body in sorted(bodies.get(a, []))]
    new = [body for _, body in sorted(bodies.get(b, []))]
    links = [(lk.old, lk.new) for lk in align(old, new)[0]] if old and new else []
    with ti.cache.writing() as ok:
        if ok:
            db.executemany(
                "INSERT INTO links VALUES (?, ?, ?, ?, ?)",
                [(law_id, a, b, o, n) for o, n in links or [(-1, -1)]],
            )
    return links
