"""Inside an aligned pair: lines (款/项) aligned in order, then a character diff per line.

The character diff is diff-match-patch with semantic clean-up, so a change reads as the phrase
that changed (“国土资源”→“自然资源”), not as scattered characters. ``Diff_Timeout`` is 0:
with a time limit the result would depend on the machine's speed, and the same input must give the
same diff everywhere (JSON output is compared across runs).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

from lawdiff.compare.comparison import DELETE, EQUAL, INSERT, LinePair, Segment

LINE_MATCH = 0.4  # below this, two lines are not the same 款 reworded but one gone, one new
_OPS = {0: EQUAL, -1: DELETE, 1: INSERT}


@cache
def _dmp() -> diff_match_patch:
    d = diff_match_patch()
    d.Diff_Timeout = 0
    return d


def char_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Segments turning ``old`` into ``new``; equal, deleted and inserted runs in reading order."""
    if old == new:
        return (Segment(EQUAL, old),) if old else ()
    d = _dmp()
    diffs = d.diff_main(old, new, False)
    d.diff_cleanupSemantic(diffs)
    groups = _groups([Segment(_OPS[op], text) for op, text in diffs])
    return _segments(_absorb_short_equalities(groups))


Group = str | tuple[str, str]  # an unchanged run, or a change: (deleted, inserted)


def _groups(segs: Iterable[Segment]) -> list[Group]:
    """Unchanged runs and the changes between them, each change's deletions and insertions joined."""
    groups: list[Group] = []
    for seg in segs:
        if not seg.text:
            continue
        last = groups[-1] if groups else None
        if seg.op == EQUAL:
            if isinstance(last, str):
                groups[-1] = last + seg.text
            else:
                groups.append(seg.text)
        elif isinstance(last, tuple):
            d, i = last
            groups[-1] = (d + seg.text, i) if seg.op == DELETE else (d, i + seg.text)
        else:
            groups.append((seg.text, "") if seg.op == DELETE else ("", seg.text))
    return groups


def _segments(groups: Iterable[Group]) -> tuple[Segment, ...]:
    """Back to segments: in a change, the deletion before the insertion."""
    out: list[Segment] = []
    for g in groups:
        if isinstance(g, str):
            out.append(Segment(EQUAL, g))
        else:
            out.extend(Segment(op, t) for op, t in ((DELETE, g[0]), (INSERT, g[1])) if t)
    return tuple(out)


def _absorb_short_equalities(groups: list[Group]) -> list[Group]:
    """Fold an unchanged run into the changes around it when it is no longer than either.

    diff-match-patch's semantic clean-up leaves 机关事务{+主+}管[-理-]部门; the rule it states
    (an equality no longer than the edits on both sides goes) makes it 机关事务[-管理-]{+主管+}部门,
    the word that changed. Applied until nothing changes.
    """
    groups = list(groups)
    changed = True
    while changed:
        changed = False
        for k in range(1, len(groups) - 1):
            a, e, b = groups[k - 1], groups[k], groups[k + 1]
            if (
                isinstance(e, str)
                and isinstance(a, tuple)
                and isinstance(b, tuple)
                and len(e) <= max(map(len, a))
                and len(e) <= max(map(len, b))
            ):
                groups[k - 1 : k + 2] = [(a[0] + e + b[0], a[1] + e + b[1])]
                changed = True
                break
    return groups


def line_similarity(a: str, b: str) -> float:
    return Indel.normalized_similarity(a, b)


def align_lines(old: Sequence[str], new: Sequence[str]) -> tuple[LinePair, ...]:
    """Monotone alignment of two lists of lines, maximising the summed similarity of pairs.

    Lines that find no partner above ``LINE_MATCH`` come out as whole deletions or insertions,
    in reading order (a deleted line before an inserted one at the same place).
    """
    n, m = len(old), len(new)
    sim = [[line_similarity(a, b) for b in new] for a in old]
    # best[i][j]: best score aligning old[i:] with new[j:]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = best[i + 1][j + 1] + sim[i][j] if sim[i][j] >= LINE_MATCH else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    out: list[LinePair] = []
    i = j = 0
    while i < n or j < m:
        if i < n and j < m and sim[i][j] >= LINE_MATCH and best[i][j] == best[i + 1][j + 1] + sim[i][j]:
            out.append(LinePair(i, j, char_diff(old[i], new[j])))
            i, j = i + 1, j + 1
        elif i < n and (j == m or best[i][j] == best[i + 1][j]):
            out.append(LinePair(i, None, (Segment(DELETE, old[i]),)))
            i += 1
        else:
            out.append(LinePair(None, j, (Segment(INSERT, new[j]),)))
            j += 1
    return tuple(out)


def invert(segments: Sequence[Segment]) -> tuple[Segment, ...]:
    """The segments of the reverse diff (new → old)."""
    flip = {EQUAL: EQUAL, DELETE: INSERT, INSERT: DELETE}
    return _segments(_groups(Segment(flip[s.op], s.text) for s in segments))
