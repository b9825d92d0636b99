"""The text part of the derived index: every searchable unit of every revision, full-text indexed.

A *unit* is what a reader cites: an article (之一 included), a heading, a preamble paragraph, an
editorial note, a paragraph or table row of an annex, a row of an attached rate table (stored,
or derived from the decision that changed it). Unit bodies are stored once (an article unchanged
across revisions is one row) in ``texts``, indexed by FTS5's ``trigram`` tokenizer — substring
search without a Chinese word segmenter — with ``detail=none`` (a third smaller, and a ``LIKE``
on it still uses the trigrams before checking the text).

The units of a law are rebuilt when its law.yaml or one of its text files is not the file they
came from (the same stat rule as the rest of the index, ``corpus/cache.py``); only commands that
search pay for it, and only for what changed. A text that cannot be read (its sha256 does not
match law.yaml) is not indexed and its law is reported, not guessed at.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from lawdiff.corpus.cache import stat_of
from lawdiff.corpus.catalog import law_file
from lawdiff.errors import CorpusError, LawdiffError
from lawdiff.i18n import _

if TYPE_CHECKING:
    from lawdiff.corpus.cache import Cache, Stat
    from lawdiff.corpus.reader import Corpus
    from lawdiff.structure.model import Law, LawText, Revision

FORMAT = "5"
SCHEMA = """
CREATE TABLE IF NOT EXISTS texts(id INTEGER PRIMARY KEY, sha TEXT UNIQUE, body TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS texts_fts USING fts5(
    body, content='texts', content_rowid='id', tokenize='trigram', detail='none');
CREATE TABLE IF NOT EXISTS units(law TEXT, rev TEXT, kind TEXT, ord INTEGER, label TEXT,
                                 text INTEGER);
CREATE INDEX IF NOT EXISTS units_text ON units(text);
CREATE INDEX IF NOT EXISTS units_law ON units(law, rev);
CREATE TABLE IF NOT EXISTS links(law TEXT, a TEXT, b TEXT, old INTEGER, new INTEGER);
CREATE INDEX IF NOT EXISTS links_law ON links(law, a, b);
CREATE TABLE IF NOT EXISTS textlaws(law TEXT PRIMARY KEY, error TEXT, mtime INTEGER,
                                    size INTEGER, ino INTEGER) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS textfiles(path TEXT, law TEXT, mtime INTEGER, size INTEGER,
                                     ino INTEGER, PRIMARY KEY(law, path)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS textfiles_path ON textfiles(path);
"""


class Unit(NamedTuple):
    kind: str  # article | heading | preamble | note | annex | table
    ord: int  # position among the revision's units of this kind (articles: index in .articles)
    label: str  # 第十二条之一, 第二章, 附件一, 山西省资源税税目税率表：煤 …
    body: str


def units_of(text: LawText | None, tables: list) -> list[Unit]:  # type: ignore[type-arg]
    """The units of one revision: its text's, then its tables' rows."""
    from lawdiff.structure.model import Grid, Heading

    out: list[Unit] = []
    if text is not None:
        for k, art in enumerate(text.articles):
            lines = art.lines()
            lines[0] = lines[0][len(art.label) :].lstrip("\u3000 ")
            out.append(Unit("article", k, art.label, "\n".join(lines)))
        headings = [b for b in text.blocks if isinstance(b, Heading)]
        out += [Unit("heading", k, h.label or h.title, h.text) for k, h in enumerate(headings)]
        out += [Unit("preamble", k, "序言", line) for k, line in enumerate(text.preamble)]
        out += [Unit("note", k, "注", line) for k, line in enumerate(text.notes)]
        k = 0
        for annex in text.annexes:
            for part in annex.body:
                for line in ["　".join(r) for r in part.rows] if isinstance(part, Grid) else [part]:
                    out.append(Unit("annex", k, annex.label, line))
                    k += 1
    k = 0
    for table in [*(text.tables if text is not None else ()), *tables]:
        for row in table.rows:
            cells = "　".join(f"{c} {table.get(row, c)}" for c in table.columns if table.get(row, c))
            out.append(Unit("table", k, f"{table.title}：{row}", f"{row}　{cells}"))
            k += 1
    return out


class TextIndex:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.catalog = corpus.catalog()
        self.cache: Cache = self.catalog.cache
        self.problems: dict[str, str] = {}  # law -> why its texts are not (all) searched
        self._ensure()

    def _ensure(self) -> None:
        db = self.cache.db
        row = db.execute("SELECT value FROM meta WHERE key = 'texts'").fetchone()
        if row is not None and row[0] == FORMAT:
            return
        with self.cache.writing() as ok:
            if not ok:
                self.cache.to_memory()
            for table in ("texts_fts", "texts", "units", "links", "textlaws", "textfiles"):
                self.cache.db.execute(f"DROP TABLE IF EXISTS {table}")
            for statement in filter(str.strip, SCHEMA.split(";")):
                self.cache.db.execute(statement)
            self.cache.db.execute("INSERT OR REPLACE INTO meta VALUES ('texts', ?)", (FORMAT,))

    # ------------------------------------------------------------ freshness

    def refresh(self, only: list[str] | None = None) -> None:
        """Bring every law's units (or only these laws') up to date with their files.

        A law is read again when its law.yaml (which names its texts and records their sha256),
        or a decision a table of it is derived from, is not the file it was: one stat each.
        Its texts are stat'ed too when the law is named (``only``) or holds a hit (``verify``):
        a text changed under an unchanged law.yaml no longer matches the sha256 recorded for it
        and cannot be read; such a text is found the moment it would matter.
        """
        db = self.cache.db
        self.catalog.refresh_names()
        if only is None:
            new_laws = {r[0] for r in db.execute("SELECT id FROM entries WHERE id NOT IN (SELECT law FROM textlaws)")}
            gone = [r[0] for r in db.execute("SELECT law FROM textlaws WHERE law NOT IN (SELECT id FROM entries)")]
            laws = db.execute("SELECT law, error, mtime, size, ino FROM textlaws").fetchall()
            rows = db.execute(  # the decisions tables are derived from
                "SELECT path, law, mtime, size, ino FROM textfiles WHERE path GLOB 'decisions/*'"
            ).fetchall()
        else:
            marks = ",".join("?" * len(only))
            laws = db.execute(
                f"SELECT law, error, mtime, size, ino FROM textlaws WHERE law IN ({marks})", only
            ).fetchall()
            rows = db.execute(
                f"SELECT path, law, mtime, size, ino FROM textfiles WHERE law IN ({marks})", only
            ).fetchall()
            new_laws, gone = set(only) - {law for law, *_x in laws}, []
        changed = new_laws | self._stale(rows) | self._stale_yaml(laws)
        self.problems.update((law, e) for law, e, *_x in laws if e and law not in changed)
        todo = sorted(changed - set(gone))
        if todo or gone:
            for k in range(0, max(len(todo), 1), 200):  # a first build commits as it goes
                self._rebuild(todo[k : k + 200], gone if k == 0 else [])

    def verify(self, laws: list[str]) -> bool:
        """Stat every file of these laws, texts included; read again those that changed."""
        if not laws:
            return False
        marks = ",".join("?" * len(laws))
        db = self.cache.db
        rows = db.execute(f"SELECT path, law, mtime, size, ino FROM textfiles WHERE law IN ({marks})", laws).fetchall()
        rows += [
            (law_file(law), law, m, s, i)
            for law, m, s, i in db.execute(f"SELECT law, mtime, size, ino FROM textlaws WHERE law IN ({marks})", laws)
        ]
        stale = sorted(self._stale(rows))
        if stale:
            self._rebuild(stale, [])
        return bool(stale)

    def _stale_yaml(self, laws: Iterable[tuple[str, str | None, int, int, int]]) -> set[str]:
        """The laws whose law.yaml is not the one their units came from."""
        return self._stale((law + "/law.yaml", law, mtime, size, ino) for law, _error, mtime, size, ino in laws)

    def _stale(self, rows: Iterable[tuple[str, str, int, int, int]]) -> set[str]:
        """The laws of the rows whose file is not the one recorded (or is gone)."""
        base = os.fspath(self.corpus.root) + os.sep
        return {law for path, law, mtime, size, ino in rows if stat_of(base + path) != (mtime, size, ino)}

    def _rebuild(self, law_ids: list[str], gone: list[str]) -> None:
        built = {law_id: self._read(law_id) for law_id in law_ids}
        with self.cache.writing() as ok:
            if not ok:  # busy: answer from a fresh in-memory index, built from every file
                self.cache.to_memory()
                self._ensure()
                self.refresh()
                return
            for law_id in [*law_ids, *gone]:
                self._drop(law_id)
            for law_id, (units, files, error) in built.items():
                self._store(law_id, units, files, error)

    def _read(self, law_id: str) -> tuple[list[tuple[str, Unit]], list[tuple[str, Stat]], str | None]:
        """(units by revision, files read with the stat they had, error) of one law."""
        from lawdiff.corpus.schema import law_from_dict
        from lawdiff.corpus.yamlio import loads

        rel = law_file(law_id)
        got = self.cache.read(rel)
        if got is None:
            return [], [], f"{self.corpus.root / rel}: no such file"
        files: list[tuple[str, Stat]] = [(rel, got[1])]
        try:
            where = str(self.corpus.root / rel)
            law = law_from_dict(loads(got[0], where), where)
        except LawdiffError as exc:
            return [], files, str(exc)
        units: list[tuple[str, Unit]] = []
        errors = []
        for rev in law.revisions:
            try:
                text, tables, read = self._revision(law, rev)
            except LawdiffError as exc:
                errors.append(str(exc))
                continue
            files += read
            units += [(rev.id, u) for u in units_of(text, tables)]
        return units, files, "; ".join(errors) or None

    def _revision(self, law: Law, rev: Revision) -> tuple[LawText | None, list, list[tuple[str, Stat]]]:  # type: ignore[type-arg]
        """A revision's text and tables, and the files they were read from (with their stat)."""
        read: list[tuple[str, Stat]] = []
        text = None
        if rev.text_file:
            rel = f"{law.id}/{rev.text_file}"
            got = self.cache.read(rel)
            if got is None:
                raise CorpusError(_("{path}: no such file").format(path=self.corpus.root / rel))
            read.append((rel, got[1]))
            text = self.corpus.parse_stored(law, rev, got[0])
        tables = list(rev.tables)
        if rev.derived and not rev.text_file:
            from lawdiff.amend.derive import derived_tables

            for suffix in (".yaml", ".txt"):  # the decision the table is computed from
                rel = f"decisions/{rev.decision}{suffix}"
                got = self.cache.read(rel)
                if got is not None:
                    read.append((rel, got[1]))
            tables = derived_tables(self.corpus, law, rev)
        return text, tables, read

    def _drop(self, law_id: str) -> None:
        db = self.cache.db
        old = [r[0] for r in db.execute("SELECT DISTINCT text FROM units WHERE law = ?", (law_id,))]
        db.execute("DELETE FROM units WHERE law = ?", (law_id,))
        db.execute("DELETE FROM textlaws WHERE law = ?", (law_id,))
        db.execute("DELETE FROM textfiles WHERE law = ?", (law_id,))
        db.execute("DELETE FROM links WHERE law = ?", (law_id,))  # lineage over the old units
        for text_id in old:  # texts no other unit uses leave the full-text index
            if db.execute("SELECT 1 FROM units WHERE text = ? LIMIT 1", (text_id,)).fetchone():
                continue
            body = db.execute("SELECT body FROM texts WHERE id = ?", (text_id,)).fetchone()
            db.execute("INSERT INTO texts_fts(texts_fts, rowid, body) VALUES ('delete', ?, ?)", (text_id, body[0]))
            db.execute("DELETE FROM texts WHERE id = ?", (text_id,))

    def _store(self, law_id: str, units: list[tuple[str, Unit]], files: list[tuple[str, Stat]],
               error: str | None) -> None:  # fmt: skip
        import hashlib

        from lawdiff.corpus.cache import RACY

        db = self.cache.db
        for rev, u in units:
            sha = hashlib.sha1(u.body.encode("utf-8", "surrogateescape")).hexdigest()
            row = db.execute("SELECT id FROM texts WHERE sha = ?", (sha,)).fetchone()
            if row is None:
                text_id = db.execute("INSERT INTO texts(sha, body) VALUES (?, ?)", (sha, u.body)).lastrowid
                db.execute("INSERT INTO texts_fts(rowid, body) VALUES (?, ?)", (text_id, u.body))
            else:
                text_id = row[0]
            db.execute(
                "INSERT INTO units VALUES (?, ?, ?, ?, ?, ?)", (law_id, rev, u.kind, u.ord, u.label, text_id)
            )
        recent = time.time_ns() - int(RACY * 1e9)  # a file changed just now may change again
        young = [(rel, (-1 if m >= recent else m, size, ino)) for rel, (m, size, ino) in files]
        db.executemany(  # unseen: mtime -1 has it read again
            "INSERT OR REPLACE INTO textfiles VALUES (?, ?, ?, ?, ?)",
            [(rel, law_id, *st) for rel, st in young if rel != law_file(law_id)],
        )
        yaml_stat = next((st for rel, st in young if rel == law_file(law_id)), (-1, -1, -1))
        db.execute("INSERT OR REPLACE INTO textlaws VALUES (?, ?, ?, ?, ?)", (law_id, error, *yaml_stat))
        if error:
            self.problems[law_id] = error

    # ------------------------------------------------------------ lookup

    def matching_texts(self, phrase: str) -> Iterator[tuple[int, str]]:
        """(text id, body) of every unit body containing ``phrase`` exactly."""
        db = self.cache.db
        if len(phrase) >= 3 and not {"%", "_"} & set(phrase):
            # the trigrams find candidates, LIKE checks them (FTS5 uses the index for LIKE only
            # without an ESCAPE clause: a phrase with % or _ is looked for by reading every text)
            rows = db.execute(
                "SELECT t.id, t.body FROM texts_fts f JOIN texts t ON t.id = f.rowid "
                "WHERE f.body LIKE ?",
                (f"%{phrase}%",),
            )
        else:  # one or two characters: no trigram to look up, every text is read
            rows = db.execute("SELECT id, body FROM texts WHERE instr(body, ?) > 0", (phrase,))
        for text_id, body in rows:
            if phrase in body:
                yield text_id, body

    def units_with(self, text_ids: list[int]) -> Iterator[tuple[str, str, str, int, str, int]]:
        """(law, revision, kind, ord, label, text id) of the units with these bodies."""
        db = self.cache.db
        for k in range(0, len(text_ids), 500):
            chunk = text_ids[k : k + 500]
            yield from db.execute(
                f"SELECT law, rev, kind, ord, label, text FROM units WHERE text IN ({','.join('?' * len(chunk))})",
                chunk,
            )

    def units_of_law(self, law_id: str) -> list[tuple[str, str, int, str, str]]:
        """(revision, kind, ord, label, body) of every unit of one law."""
        return list(
            self.cache.db.execute(
                "SELECT u.rev, u.kind, u.ord, u.label, t.body FROM units u JOIN texts t "
                "ON t.id = u.text WHERE u.law = ?",
                (law_id,),
            )
        )
