"""The catalogue of a corpus's laws in the derived index (``cache.py``): names, laws, list rows.

* ``index.yaml`` (which laws, their titles and aliases) → ``entries`` and ``names``: a name is
  resolved by one indexed lookup, or one scan of the titles for a part of one — not by parsing
  the whole index as YAML (690 ms at 10,000 laws) and normalising every title in Python.
* each ``law.yaml`` → ``laws`` (its data as JSON: a command naming one law decodes it in
  microseconds instead of parsing YAML) and ``listing`` (what ``list`` prints for the law, at each
  date where that changes: a law's status is constant between its own dates — effective, adopted,
  repealed — so ``list --date D`` is one indexed query, no law file read).

A command touches what it names: resolving a name stats ``index.yaml``; loading a law stats its
``law.yaml``; only ``list`` stats every ``law.yaml``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from lawdiff.corpus.cache import Cache, IndexDamaged, decoded
from lawdiff.errors import InputError
from lawdiff.i18n import _

INDEX = "index.yaml"
_NORM = str.maketrans("", "", "《》〈〉«»‹› \u3000\"'“”")


class IndexEntry(NamedTuple):
    id: str
    title: str
    short_title: str
    aliases: tuple[str, ...]
    kind: str


def norm(text: str) -> str:
    """A name as compared: without book-title marks, quotes and spaces."""
    return text.translate(_NORM)


def law_file(law_id: str) -> str:
    return f"{law_id}/law.yaml"


class Catalog:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.cache = Cache(root)
        self._entries_checked: int | None = None  # the cache generation the names were checked in

    # ------------------------------------------------------------ index.yaml

    def refresh_names(self) -> None:
        """Bring the names and the order of the laws up to date with index.yaml."""
        if self._entries_checked == self.cache.generation:
            return
        self._entries_checked = self.cache.generation
        if not self.cache.stale([INDEX]):
            return
        from lawdiff.corpus.records import check_index
        from lawdiff.corpus.yamlio import loads

        got = self.cache.read(INDEX)
        entries = [] if got is None else check_index(loads(got[0], str(self.root / INDEX)), str(self.root / INDEX))
        with self.cache.writing() as ok:
            if not ok:
                self.cache.to_memory()
                self._entries_checked = self.cache.generation
            self._store_entries(entries, got)

    def _store_entries(self, entries: list[dict[str, Any]], got: tuple[str, Any] | None) -> None:
        db = self.cache.db
        db.execute("DELETE FROM entries")
        db.execute("DELETE FROM names")
        gone = {r[0] for r in db.execute("SELECT id FROM laws")} - {e["id"] for e in entries}
        for law_id in gone:
            self._forget(law_id)
        for pos, e in enumerate(entries):
            aliases = list(e.get("aliases") or ())
            db.execute(
                "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?)",
                (e["id"], pos, e["title"], e["short_title"], json.dumps(aliases, ensure_ascii=False), e["kind"]),
            )
            keys = {(norm(e["id"]), 0)} | {(norm(x), 1) for x in (e["title"], e["short_title"], *aliases)}
            db.executemany(
                "INSERT INTO names VALUES (?, ?, ?, ?)", [(k, e["id"], pos, part) for k, part in keys]
            )
        db.execute("UPDATE listing SET pos = (SELECT pos FROM entries WHERE id = listing.law)")
        self.cache.remember(INDEX, None if got is None else got[1], None if got is None else got[0])

    def _forget(self, law_id: str) -> None:
        db = self.cache.db
        db.execute("DELETE FROM laws WHERE id = ?", (law_id,))
        db.execute("DELETE FROM listing WHERE law = ?", (law_id,))
        db.execute("DELETE FROM files WHERE path = ?", (law_file(law_id),))

    def entries(self) -> list[IndexEntry]:
        self.refresh_names()
        rows = self.cache.db.execute(
            "SELECT id, title, short_title, aliases, kind FROM entries ORDER BY pos"
        )
        return [IndexEntry(i, t, s, tuple(decoded(json.loads, a)), k) for i, t, s, a, k in rows]

    def ids(self) -> list[str]:
        """The law ids, in the order of index.yaml."""
        self.refresh_names()
        return [r[0] for r in self.cache.db.execute("SELECT id FROM entries ORDER BY pos")]

    def entries_of(self, law_ids: list[str]) -> dict[str, IndexEntry]:
        self.refresh_names()
        out = {}
        for k in range(0, len(law_ids), 500):
            chunk = law_ids[k : k + 500]
            rows = self.cache.db.execute(
                "SELECT id, title, short_title, aliases, kind FROM entries WHERE id IN "
                f"({','.join('?' * len(chunk))})",
                chunk,
            )
            out.update({i: IndexEntry(i, t, s, tuple(decoded(json.loads, a)), k) for i, t, s, a, k in rows})
        return out

    def kinds(self) -> list[str]:
        self.refresh_names()
        return [r[0] for r in self.cache.db.execute("SELECT DISTINCT kind FROM entries ORDER BY kind")]

    def resolve(self, name: str) -> str:
        """Law id for an id, full title, short title, alias or unique part of a title."""
        key = norm(name)
        if not key:
            raise InputError(_("empty law name"))
        self.refresh_names()
        db = self.cache.db
        row = db.execute("SELECT law FROM names WHERE key = ? ORDER BY pos LIMIT 1", (key,)).fetchone()
        if row:
            return str(row[0])
        hits = [
            r[0]
            for r in db.execute(
                "SELECT law FROM names WHERE part = 1 AND instr(key, ?) > 0 GROUP BY law ORDER BY min(pos)",
                (key,),
            )
        ]
        if len(hits) == 1:
            return str(hits[0])
        if not hits:
            raise InputError(_("unknown law {name!r} (try 'lawdiff list')").format(name=name))
        names = ", ".join(hits[:8]) + (" …" if len(hits) > 8 else "")
        raise InputError(
            _("ambiguous law name {name!r}: {n} matches: {names}").format(
                name=name, n=len(hits), names=names
            )
        )

    # ------------------------------------------------------------ law.yaml

    def law_data(self, law_id: str) -> dict[str, Any] | None:
        """The validated data of ``law_id``'s law.yaml (None: there is none)."""
        rel = law_file(law_id)
        if not self.cache.stale([rel]):
            row = self.cache.db.execute("SELECT data FROM laws WHERE id = ?", (law_id,)).fetchone()
            if row is not None:
                return dict(decoded(json.loads, row[0]))
        return self._refresh_laws([law_id]).get(law_id)

    def _refresh_laws(self, law_ids: list[str]) -> dict[str, dict[str, Any]]:
        """Read these law.yaml files again, store their data and list rows; return the data."""
        from lawdiff.corpus.schema import law_from_dict
        from lawdiff.corpus.timeline import listing_points
        from lawdiff.corpus.yamlio import loads

        read = {}
        for law_id in law_ids:
            got = self.cache.read(law_file(law_id))
            if got is None:
                read[law_id] = None
                continue
            where = str(self.root / law_file(law_id))
            data = loads(got[0], where)
            law = law_from_dict(data, where)  # invalid: the error, as without the index
            read[law_id] = (data, law, got)
        with self.cache.writing() as ok:
            if not ok:  # busy: carry on in memory, the names first
                self.cache.to_memory()
                self.refresh_names()
            db = self.cache.db
            for law_id, value in read.items():
                self._forget(law_id)
                if value is None:
                    continue
                data, law, (text, st) = value
                db.execute(
                    "INSERT INTO laws VALUES (?, ?, NULL)",
                    (law_id, json.dumps(data, ensure_ascii=False)),
                )
                points = listing_points(law)
                ends = [since for since, _x in points[1:]] + ["9999-12-31"]
                pos = db.execute("SELECT pos FROM entries WHERE id = ?", (law_id,)).fetchone()
                db.executemany(
                    "INSERT INTO listing VALUES (?, ?, ?, ?, ?)",
                    [(law_id, pos[0] if pos else None, since, until, row)
                     for (since, row), until in zip(points, ends, strict=True)],
                )  # fmt: skip
                self.cache.remember(law_file(law_id), st, text)
        return {k: v[0] for k, v in read.items() if v is not None}

    # ------------------------------------------------------------ list

    def _stale_laws(self) -> list[str]:
        """The laws whose law.yaml is not the file their rows came from (one stat each)."""
        import os

        rows = self.cache.db.execute(
            "SELECT e.id, f.mtime, f.size, f.ino, f.racy, l.id IS NULL FROM entries e "
            "LEFT JOIN files f ON f.path = e.id || '/law.yaml' LEFT JOIN laws l ON l.id = e.id "
            "ORDER BY e.pos"
        )
        base = os.fspath(self.root) + os.sep
        stat = os.stat
        out, racy = [], []
        for law_id, mtime, size, ino, is_racy, missing in rows:
            try:
                st = stat(base + law_id + "/law.yaml")
            except OSError:
                out.append(law_id)
                continue
            if missing or mtime is None or (st.st_mtime_ns, st.st_size, st.st_ino) != (mtime, size, ino):
                out.append(law_id)
            elif is_racy:
                racy.append(law_file(law_id))
        return out + [p.partition("/")[0] for p in self.cache.stale(racy)] if racy else out

    def list_rows(self, day: date) -> Iterator[str]:
        """Every law's ``list`` row on ``day``, as compact JSON, in the order of index.yaml."""
        self.refresh_names()
        for _attempt in range(2):
            generation = self.cache.generation
            stale = self._stale_laws()
            for k in range(0, len(stale), 500):  # a long first build commits as it goes
                batch = stale[k : k + 500]
                found = self._refresh_laws(batch)
                missing = [i for i in batch if i not in found]
                if missing:
                    path = self.root / law_file(missing[0])
                    raise InputError(
                        _("unknown law {name!r}: {path} does not exist").format(name=missing[0], path=path)
                    )
            if self.cache.generation == generation:
                break
            # the index moved to memory (busy, read-only) while refreshing: it holds only the
            # laws refreshed since; the others are read into it now
        db = self.cache.db
        rows = db.execute(
            "SELECT law, row FROM listing WHERE since <= ?1 AND ?1 < until ORDER BY pos",
            (day.isoformat(),),
        ).fetchall()  # all read before the first is printed: a damaged index fails before output
        for _law, row in rows:
            if not (isinstance(row, str) and row.startswith("{") and row.endswith("}")):
                raise IndexDamaged("a row of the list does not decode")
        for law_id, row in rows:
            if row.startswith('{"error"'):  # the error, said as the files say it
                from lawdiff.corpus.schema import law_from_dict
                from lawdiff.corpus.timeline import list_record

                data = self.law_data(law_id) or {}
                list_record(law_from_dict(data, str(self.root / law_file(law_id))), day)
            yield row
