"""``lawdiff search``: where a phrase occurs, in which revisions, in which articles, rows, annexes.

``find`` answers from the text index (``textindex.py``): every unit of every revision whose text
holds the phrase exactly, with how many times. Which of those revisions to report (the texts in
force on a day, or all) and how an article's hits across revisions form one lineage is decided by
``compare/lineage.py``, which knows how articles of two revisions correspond.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from lawdiff.errors import InputError
from lawdiff.i18n import _

if TYPE_CHECKING:
    from lawdiff.corpus.reader import Corpus
    from lawdiff.query.textindex import TextIndex

SNIPPET = 24  # characters shown on each side of the first occurrence


class Hit(NamedTuple):
    law: str
    revision: str
    unit: str  # article | heading | preamble | note | annex | table
    ord: int
    label: str
    count: int  # occurrences of the phrase in the unit
    snippet: str


class Found(NamedTuple):
    phrase: str
    hits: list[Hit]
    laws: dict[str, tuple[str, str]]  # law id -> (title, kind), for the laws with hits
    problems: dict[str, str]  # law id -> why some of its texts could not be searched
    index: TextIndex


def find(corpus: Corpus, phrase: str, *, law: str | None = None, kind: str | None = None) -> Found:
    """Every unit of every revision holding ``phrase``; ``law`` a name, ``kind`` a law kind."""
    from lawdiff.query.textindex import TextIndex

    phrase = phrase.strip()
    if not phrase:
        raise InputError(_("empty search phrase"))
    law_id = corpus.resolve(law) if law is not None else None
    ti = TextIndex(corpus)
    ti.refresh(only=[law_id] if law_id else None)
    catalog = corpus.catalog()
    if kind is not None and kind not in catalog.kinds():
        kinds = ", ".join(catalog.kinds())
        raise InputError(_("no law of kind {kind!r} (kinds: {kinds})").format(kind=kind, kinds=kinds))
    bodies = dict(ti.matching_texts(phrase))
    units = [u for u in ti.units_with(list(bodies)) if not law_id or u[0] == law_id]
    if ti.verify(sorted({u[0] for u in units})):  # a text of a law with hits changed: again
        bodies = dict(ti.matching_texts(phrase))
        units = [u for u in ti.units_with(list(bodies)) if not law_id or u[0] == law_id]
    entries = catalog.entries_of(sorted({u[0] for u in units}))
    hits = []
    for law_of, rev, unit, ord_, label, text_id in units:
        entry = entries.get(law_of)
        if entry is None or (kind and entry.kind != kind):
            continue
        body = bodies[text_id]
        hits.append(Hit(law_of, rev, unit, ord_, label, body.count(phrase), snippet(body, phrase)))
    hits.sort(key=lambda h: (h.law, h.revision, h.unit, h.ord))
    laws = {h.law: (entries[h.law].title, entries[h.law].kind) for h in hits}
    problems = {k: v for k, v in ti.problems.items() if not law_id or k == law_id}
    return Found(phrase, hits, laws, problems, ti)


def snippet(body: str, phrase: str, width: int = SNIPPET) -> str:
    """The phrase's first occurrence with ``width`` characters around it, on one line."""
    at = body.find(phrase)
    start, end = max(0, at - width), min(len(body), at + len(phrase) + width)
    text = body[start:end].replace("\n", " ")
    return ("…" if start else "") + text + ("…" if end < len(body) else "")


def occurrences(ti: TextIndex, law_id: str, phrase: str) -> Iterator[tuple[str, str, int, str, int]]:
    """(revision, unit kind, ord, label, count) of every unit of one law, count 0 included."""
    for rev, unit, ord_, label, body in ti.units_of_law(law_id):
        yield rev, unit, ord_, label, body.count(phrase)
