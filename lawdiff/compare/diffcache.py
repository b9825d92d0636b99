"""Comparisons kept in the derived index: a diff of two revisions is computed once.

A comparison depends on the law (its law.yaml as loaded), the two texts and the decisions
between the two revisions, and on lawdiff's own code. It is kept (pickled, with its JSON once
printed) under the law and the two revision ids, with what it was computed from, by content:
the sha256 of the law's data and of the bytes of every file it parsed (as the corpus read them,
``Corpus.read_digests``, not as the files are when it is stored), and a fingerprint of the code
(the version and the stat of every module). It is used only while the law and every one of
those files hash the same: a file changed while the comparison was computed, or a second later
with the same size and mtime, does not match. So a comparison computed right after the files
were written (``import`` prepares big ones: ``precompute.py``) is kept and trusted. The index
lives in the user's own cache folder, which is why unpickling it is safe: nothing there comes
from the corpus.

The most recent ``KEEP`` comparisons are kept.
"""

from __future__ import annotations

import json
import os
import pickle
import time
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lawdiff.compare.comparison import Comparison
    from lawdiff.corpus.cache import Cache
    from lawdiff.corpus.reader import Corpus
    from lawdiff.structure.model import Law, Revision

KEEP = 20
RECENT = 600 * 10**9  # ns: a lookup marks a comparison used only if it was not within this time
# One small row per comparison (what it depends on) and its data apart, so that a lookup or an
# update of ``used`` never reads or rewrites megabytes of pickle.
SCHEMA = (
    "DROP TABLE IF EXISTS comparisons",  # the first layout: data and deps in one row
    "CREATE TABLE IF NOT EXISTS comparison_deps(key TEXT PRIMARY KEY, code TEXT, deps TEXT, "
    "used INTEGER) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS comparison_data(key TEXT, kind TEXT, data BLOB, "
    "PRIMARY KEY(key, kind))",
)
_KEPT: dict[str, tuple[object, str]] = {}  # key -> (the comparison, its deps) stored or found here


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


def _key(law: Law, old: Revision, new: Revision) -> str:
    """Per interface language too (its notes are sentences in it); English keys as they were."""
    from lawdiff.i18n import language

    lang = language()
    return f"{law.id}\0{old.id}\0{new.id}" + ("" if lang == "en" else f"\0{lang}")


def law_digest(law: Law) -> str:
    """The law's data as the comparison used it (every field of the dataclass, in order)."""
    import hashlib

    return hashlib.sha256(repr(law).encode("utf-8", "surrogateescape")).hexdigest()


def file_digest(path: Path) -> str | None:
    """sha256 of a file's bytes (None: no file; ``UNSURE``: it cannot be read)."""
    import hashlib

    from lawdiff.corpus.reader import UNSURE

    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except FileNotFoundError:
        return None
    except OSError:
        return UNSURE


def _cache(corpus: Corpus) -> Cache | None:
    """The index with its comparison tables (None: they cannot be made here and now)."""
    c = corpus.catalog().cache
    if c.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'comparison_data'").fetchone():
        return c
    with c.writing() as ok:
        if ok:
            for statement in SCHEMA:
                c.db.execute(statement)
            return c
    return None


def kept(corpus: Corpus) -> bool:
    """Whether a comparison stored now would outlive this command (the index is a file)."""
    c = corpus.catalog().cache
    return c.writable and any(row[2] for row in c.db.execute("PRAGMA database_list"))


def lookup(corpus: Corpus, law: Law, old: Revision, new: Revision, *, as_json: bool = False) -> Comparison | str | None:
    """The stored comparison (or its JSON), if the law, every file it read and the code are
    what they were: the law's data by its digest, each file by the digest of its bytes."""
    c = _cache(corpus)
    if c is None:
        return None
    key = _key(law, old, new)
    row = c.db.execute(  # one statement: the deps and the data of one and the same store
        "SELECT d.code, d.deps, d.used, x.data FROM comparison_deps d JOIN comparison_data x "
        "ON x.key = d.key AND x.kind = ? WHERE d.key = ?",
        ("json" if as_json else "cmp", key),
    ).fetchone()
    if row is None or row[0] != code_fingerprint():
        return None
    _code, deps_text, used, data = row
    from lawdiff.corpus.cache import decoded

    deps = decoded(json.loads, deps_text)
    if not isinstance(deps, dict) or deps.get("law") != law_digest(law):
        return None
    files = decoded(lambda d: [(str(rel), digest) for rel, digest in d["files"]], deps)
    root = corpus.root
    if any(file_digest(root / rel) != digest for rel, digest in files):
        return None
    now = time.time_ns()
    if used < now - RECENT:  # most lookups write nothing
        with c.writing() as ok:
            if ok:
                c.db.execute("UPDATE comparison_deps SET used = ? WHERE key = ?", (now, key))
    if as_json:
        return str(data)
    cmp = decoded(pickle.loads, data)
    _KEPT[key] = (cmp, deps_text)
    return cmp  # type: ignore[no-any-return]


def store(corpus: Corpus, cmp: Comparison, files: list[str]) -> None:
    """Keep ``cmp``, computed from ``cmp.law`` and the corpus files ``files`` as ``corpus`` read
    them (``Corpus.read_digests``): what was parsed, not what the files hold by now. Not kept if a
    file was not read through ``corpus``, could not be read, or two reads of it differed."""
    from lawdiff.corpus.reader import UNSURE
    from lawdiff.corpus.txn import failpoint

    read = corpus.read_digests
    deps_files = []
    for rel in dict.fromkeys(files):
        if rel not in read or read[rel] == UNSURE:
            return
        deps_files.append([rel, read[rel]])
    c = _cache(corpus)
    if c is None:
        return
    key = _key(cmp.law, cmp.old_rev, cmp.new_rev)
    deps = json.dumps({"law": law_digest(cmp.law), "files": deps_files}, ensure_ascii=False)
    blob = pickle.dumps(cmp, protocol=pickle.HIGHEST_PROTOCOL)
    with c.writing() as ok:
        if not ok:
            return
        db = c.db
        db.execute(
            "INSERT OR REPLACE INTO comparison_deps VALUES (?, ?, ?, ?)",
            (key, code_fingerprint(), deps, time.time_ns()),
        )
        db.execute("DELETE FROM comparison_data WHERE key = ?", (key,))
        db.execute("INSERT INTO comparison_data VALUES (?, 'cmp', ?)", (key, blob))
        failpoint("comparison-stored")  # tests: a kill before the index commits
        old = "SELECT key FROM comparison_deps ORDER BY used DESC LIMIT -1 OFFSET ?"
        db.execute(f"DELETE FROM comparison_data WHERE key IN ({old})", (KEEP,))
        db.execute(f"DELETE FROM comparison_deps WHERE key IN ({old})", (KEEP,))
    _KEPT[key] = (cmp, deps)


def cached_json(corpus: Corpus, name: str, a: str, b: str) -> str | None:
    """The JSON of ``diff name a b`` as printed before, if still valid (earlier → later only)."""
    from lawdiff.compare.picking import pick_revision, revisions

    law, old, new = revisions(corpus, name, a, b)
    if old.id != pick_revision(corpus, law, a).id:
        return None
    hit = lookup(corpus, law, old, new, as_json=True)
    return hit if isinstance(hit, str) else None


def store_json(corpus: Corpus, cmp: Comparison, text: str) -> None:
    """The JSON printed for a comparison this process stored or found (valid as long as it is)."""
    key = _key(cmp.law, cmp.old_rev, cmp.new_rev)
    if key not in _KEPT or _KEPT[key][0] is not cmp:
        return  # not a kept comparison (an inverted one, one computed but not kept)
    deps = _KEPT[key][1]
    c = _cache(corpus)
    if c is None:
        return
    with c.writing() as ok:
        if not ok:
            return
        row = c.db.execute("SELECT deps, code FROM comparison_deps WHERE key = ?", (key,)).fetchone()
        if row == (deps, code_fingerprint()):  # only onto the row it was: another command may
            c.db.execute(  # have replaced it since
                "INSERT OR REPLACE INTO comparison_data VALUES (?, 'json', ?)", (key, text)
            )
