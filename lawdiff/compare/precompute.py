"""Comparisons prepared when texts are written: the first ``diff`` of a big law is a lookup.

After ``import`` or ``ingest`` has committed, each law that gained a text has the comparison of
every pair of consecutive revisions with text that involves a new text computed and kept in the
index (``diffcache``), with its JSON, when the pair is big enough that computing it would make a
``diff`` slow: ``MIN_CHARS`` characters in the two texts together (two texts of about 140
articles, where computing the comparison costs about half the import floor, and an uncomputed
``diff`` about 1.5 times the floor: bench/scale_bench.py). Smaller pairs — nearly every law —
cost the import nothing (not even a look at the index), and the ``diff`` that asks for one
computes it in a few tens of milliseconds. A new text must itself be half the threshold: a law
that shrank to less than that is left to its ``diff``.

It runs after the commit, as a reader of the corpus (shared lock) and a writer of the index
only, each comparison in a transaction of its own: a kill leaves the corpus as committed and
the index as it was before that comparison or after it. Nothing is prepared when the index
cannot be kept (no writable cache folder), and a comparison that cannot be computed is left to
the ``diff`` that asks for it, which will say why.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lawdiff.compare.comparison import Comparison
    from lawdiff.corpus.store import PlannedWrite

MIN_CHARS = 60_000  # the two texts together
NOT_LAWS = {"decisions", "gazettes", "corrections", "reports"}


def written_texts(root: Path, writes: Iterable[PlannedWrite]) -> dict[str, dict[str, int]]:
    """law id -> {text file: characters} of the law texts a committed write added or changed."""
    out: dict[str, dict[str, int]] = {}
    for w in writes:
        if w.status not in ("new", "changed", "curated") or w.path.suffix != ".txt":
            continue
        try:
            parts = w.path.relative_to(root).parts
        except ValueError:
            continue
        if len(parts) == 2 and parts[0] not in NOT_LAWS:
            out.setdefault(parts[0], {})[parts[1]] = len(w.content)
    return out


def _chars(path: Path) -> int:
    """About the characters of a stored text (UTF-8, mostly CJK: three bytes each)."""
    try:
        return os.stat(path).st_size // 3
    except OSError:
        return 0


def precompute(
    root: Path, writes: Iterable[PlannedWrite], render: Callable[[Comparison], str] | None = None
) -> int:
    """Compute and keep the big comparisons the written texts call for; how many were kept.

    ``render``: the comparison's ``diff --format json`` text, kept with it.
    """
    texts = written_texts(root, writes)
    # a pair involves a new text: it alone must be half the threshold (no law loaded otherwise)
    texts = {law: files for law, files in texts.items() if max(files.values()) * 2 >= MIN_CHARS}
    if not texts:
        return 0
    from lawdiff.compare import diffcache
    from lawdiff.compare.diffing import compare_revisions
    from lawdiff.corpus.reader import Corpus

    corpus = Corpus(root)
    if not diffcache.kept(corpus):
        return 0
    corpus.catalog().refresh_names()  # the names too: the first diff then reads no YAML
    done = 0
    for law_id, files in texts.items():
        law = corpus.load_law(law_id)
        with_text = [r for r in law.chronological() if r.text_file]
        for old, new in pairwise(with_text):
            if old.text_file not in files and new.text_file not in files:
                continue
            size = sum(
                files.get(str(r.text_file)) or _chars(corpus.law_dir(law_id) / str(r.text_file))
                for r in (old, new)
            )
            if size < MIN_CHARS or done >= diffcache.KEEP:
                continue
            cmp = compare_revisions(corpus, law, old, new)
            if render is not None:
                diffcache.store_json(corpus, cmp, render(cmp))
            done += 1
    return done
