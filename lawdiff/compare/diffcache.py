"""Comparisons kept in the derived index: a diff of two revisions is computed once.

A comparison depends on the law's law.yaml, the two texts and the decisions between the two
revisions, and on lawdiff's own code. It is kept (pickled, with its JSON once printed) under
the law and the two revision ids, with the stat of every file it was computed from and a
fingerprint of the code (the version and the stat of every module); it is used only while all
of them are what they were, and never when one of the files had changed less than two seconds
before it was stored (``cache.RACY``). The index lives in the user's own cache folder, which is
why unpickling it is safe: nothing there comes from the corpus.

The most recent ``KEEP`` comparisons are kept.
"""

from __future__ import annotations

import json
import os
import pickle
import time
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lawdiff.compare.comparison import Comparison
    from lawdiff.corpus.cache import Cache, Stat
    from lawdiff.corpus.reader import Corpus
    from lawdiff.structure.model import Law, Revision

KEEP = 20
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS comparisons(key TEXT PRIMARY KEY, code TEXT, deps TEXT, "
    "used INTEGER, cmp BLOB, json TEXT) WITHOUT ROWID"
)


@cache
def code_fingerprint() -> str:
    """lawdiff's version and the stat of every one of its modules (a changed module: new key)."""
    import lawdiff

    root = os.path.dirname(lawdiff.__file__)
    parts = [lawdiff.__version__]
    for folder, _dirs, files in sorted(os.walk(root)):
        for name in sorted(files):
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder, name))
                parts.append(f"{name}:{st.st_mtime_ns}:{st.st_size}")
    import zlib

    data = "\n".join(parts).encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}-{len(parts)}"


def _files(law: Law, old: Revision, new: Revision) -> list[str]:
    """The corpus files a comparison of ``old`` → ``new`` reads."""
    files = [f"{law.id}/law.yaml"]
    files += [f"{law.id}/{r.text_file}" for r in (old, new) if r.text_file]
    for r in law.chronological():
        if old.order < r.order <= new.order and r.decision:
            files += [f"decisions/{r.decision}.yaml", f"decisions/{r.decision}.txt"]
    return files


def _key(law: Law, old: Revision, new: Revision) -> str:
    return f"{law.id}\0{old.id}\0{new.id}"


def _cache(corpus: Corpus) -> Cache | None:
    """The index with its comparisons table (None: it cannot be made here and now)."""
    c = corpus.catalog().cache
    if c.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'comparisons'").fetchone():
        return c
    with c.writing() as ok:
        if ok:
            c.db.execute(SCHEMA)
            return c
    return None


def _stats(corpus: Corpus, files: list[str]) -> list[Stat | None]:
    from lawdiff.corpus.cache import stat_of

    return [stat_of(corpus.root / f) for f in files]


def lookup(corpus: Corpus, law: Law, old: Revision, new: Revision, *, as_json: bool = False) -> Comparison | str | None:
    """The stored comparison (or its JSON), if every file and the code are what they were."""
    c = _cache(corpus)
    if c is None:
        return None
    row = c.db.execute(
        f"SELECT code, deps, {'json' if as_json else 'cmp'} FROM comparisons WHERE key = ?",
        (_key(law, old, new),),
    ).fetchone()
    if row is None or row[2] is None or row[0] != code_fingerprint():
        return None
    files = _files(law, old, new)
    from lawdiff.corpus.cache import decoded

    if decoded(json.loads, row[1]) != [list(s) if s else None for s in _stats(corpus, files)]:
        return None
    with c.writing() as ok:
        if ok:
            c.db.execute("UPDATE comparisons SET used = ? WHERE key = ?", (time.time_ns(), _key(law, old, new)))
    return row[2] if as_json else decoded(pickle.loads, row[2])


def store(corpus: Corpus, cmp: Comparison, stats: list[Stat | None] | None = None) -> None:
    """Keep ``cmp``; ``stats``: of its files as they were before it was computed."""
    from lawdiff.corpus.cache import RACY

    files = _files(cmp.law, cmp.old_rev, cmp.new_rev)
    now = _stats(corpus, files)
    recent = time.time_ns() - int(RACY * 1e9)
    if stats is not None and now != stats:
        return  # a file changed while the comparison was computed
    if any(s is not None and s[0] >= recent for s in now):
        return  # a file written just now could change again without its stat showing it
    c = _cache(corpus)
    if c is None:
        return
    deps = json.dumps([list(s) if s else None for s in now])
    with c.writing() as ok:
        if not ok:
            return
        c.db.execute(
            "INSERT OR REPLACE INTO comparisons VALUES (?, ?, ?, ?, ?, NULL)",
            (_key(cmp.law, cmp.old_rev, cmp.new_rev), code_fingerprint(), deps, time.time_ns(),
             pickle.dumps(cmp, protocol=pickle.HIGHEST_PROTOCOL)),
        )  # fmt: skip
        c.db.execute(
            "DELETE FROM comparisons WHERE key NOT IN "
            "(SELECT key FROM comparisons ORDER BY used DESC LIMIT ?)",
            (KEEP,),
        )


def cached_json(corpus: Corpus, name: str, a: str, b: str) -> str | None:
    """The JSON of ``diff name a b`` as printed before, if still valid (earlier → later only)."""
    from lawdiff.compare.diffing import pick_revision, revisions

    law, old, new = revisions(corpus, name, a, b)
    if old.id != pick_revision(corpus, law, a).id:
        return None
    hit = lookup(corpus, law, old, new, as_json=True)
    return hit if isinstance(hit, str) else None


def store_json(corpus: Corpus, cmp: Comparison, text: str) -> None:
    """The JSON printed for a stored comparison (same key: valid as long as it is)."""
    if cmp.old_rev.order > cmp.new_rev.order:
        return  # an inverted comparison: its forward one is what is kept
    c = _cache(corpus)
    if c is None:
        return
    with c.writing() as ok:
        if ok:
            c.db.execute(
                "UPDATE comparisons SET json = ? WHERE key = ?",
                (text, _key(cmp.law, cmp.old_rev, cmp.new_rev)),
            )


def files_now(corpus: Corpus, law: Law, old: Revision, new: Revision) -> list[Stat | None]:
    return _stats(corpus, _files(law, old, new))
