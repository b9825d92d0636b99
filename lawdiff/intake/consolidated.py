"""A consolidated text becomes a revision of its law: the one step gazette ingest and import share.

``store_text`` merges the revisions the 题注 names and the text's own revision into the law and
keeps the text for writing.  A different text for a revision that already has one is refused
(naming the first differing article) unless forced; a gazette re-read supersedes its own earlier
reading instead (``check=False``: the State took that reading out before).
"""

from __future__ import annotations

from lawdiff.corpus.files import sha256
from lawdiff.errors import CorpusError, InputError, SuspiciousInputError
from lawdiff.i18n import _
from lawdiff.intake.state import State, merge_revision
from lawdiff.structure.checks import repetition, truncation
from lawdiff.structure.model import Article, Law, LawText, Revision


class TextConflict(InputError):
    """Another text is already stored for this revision (``--force`` replaces it)."""


def store_text(
    state: State,
    law: Law,
    history: list[Revision],
    rev: Revision,
    text: LawText,
    *,
    check: bool = True,
    force: bool = False,
    strict: bool = False,
) -> Revision:
    """``strict``: the text comes from a gazette, which prints every law whole (see checks.py)."""
    problem = truncation(text, strict=strict) or _repeated_articles(text)
    if problem and not force:
        raise SuspiciousInputError(
            _("{law.id} {rev.id}: {problem}; nothing was stored (--force stores it anyway)").format(law=law, rev=rev, problem=problem)
        )
    for h in history:
        merge_revision(law, h)
    body = "\n".join(text.lines()) + "\n"
    rev.text_file = f"{rev.id}.txt"
    rev.text_sha256 = sha256(body)
    stored = law.revision(rev.id)
    if stored is not None and stored.derived:  # an official text replaces the derived one
        _drop_text(law, rev.id)
        stored.derived = False
        stored.sources = [s for s in stored.sources if not s.startswith("derived from ")]
        state.texts.pop((law.id, rev.id), None)
    elif check:
        old = None if _same_on_disk(state, law, rev) else _stored_text(state, law, rev.id)
        differs = old is not None and old.lines() != text.lines()
        if differs and not force:
            assert old is not None
            raise TextConflict(
                _("{law.id} {rev.id}: a different text is already stored ({difference}); use --force to replace it").format(
                    law=law, rev=rev, difference=first_difference(old, text)
                )
            )
        if differs:
            _drop_text(law, rev.id)
    merged = merge_revision(law, rev)
    state.texts[(law.id, rev.id)] = text
    return merged


def _same_on_disk(state: State, law: Law, rev: Revision) -> bool:
    """The text on disk has the sha256 of the new one (no need to read and parse it)."""
    if (law.id, rev.id) in state.texts or law.id not in state._known_ids:
        return False
    old = state.disk_law(law.id).revision(rev.id)
    return old is not None and old.text_file is not None and old.text_sha256 == rev.text_sha256


def _stored_text(state: State, law: Law, rev_id: str) -> LawText | None:
    """The text already stored for the revision (by this run or on disk)."""
    if (law.id, rev_id) in state.texts:
        return state.texts[(law.id, rev_id)]
    if law.id not in state._known_ids:
        return None
    disk = state.disk_law(law.id)
    old = disk.revision(rev_id)
    if old is None or old.text_file is None:
        return None
    try:
        return state.corpus.load_text(disk, old)
    except CorpusError:
        return None  # edited by hand: the store refuses to overwrite it without --force


def _drop_text(law: Law, rev_id: str) -> None:
    """Forget the text reference (and its sources) of a revision about to get a new text."""
    old = law.revision(rev_id)
    if old is not None:
        old.text_file = old.text_sha256 = None
        old.sources = [s for s in old.sources if not s.endswith("(text)")]


def first_difference(old: LawText, new: LawText) -> str:
    """Where two texts of one revision part: the first article that differs (with the change
    itself, ``…context[-old-]{+new+}…``), else the first line."""
    olds: dict[str, Article] = {a.label: a for a in old.articles}
    for art in new.articles:
        before = olds.pop(art.label, None)
        if before is None:
            return _("{label} is new").format(label=art.label)
        if before.lines() != art.lines():
            change = _change("　".join(before.lines()), "　".join(art.lines()))
            return _("{label} differs: {change}").format(label=art.label, change=change)
    if olds:
        last = new.articles[-1].label if new.articles else _("none")
        return _("{label} is missing (the new text ends at {last})").format(
            label=next(iter(olds)), last=last
        )
    for i, (a, b) in enumerate(zip(old.lines(), new.lines(), strict=False)):
        if a != b:
            return _("line {n} differs: {change}").format(n=i + 1, change=_change(a, b))
    return _("the number of lines differs")


def _change(a: str, b: str, context: int = 10, width: int = 24) -> str:
    """The first difference of two strings in one line: …context[-deleted-]{+inserted+}…"""
    start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    end = 0
    while end < min(len(a), len(b)) - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    old, new = a[start : len(a) - end], b[start : len(b) - end]

    def cut(s: str) -> str:
        return s if len(s) <= width else s[:width] + "…"

    lead = ("…" if start > context else "") + a[max(0, start - context) : start]
    after = a[len(a) - end :]
    trail = after[:context] + ("…" if len(after) > context else "")
    deleted = f"[-{cut(old)}-]" if old else ""
    inserted = f"{{+{cut(new)}+}}" if new else ""
    return f"{lead}{deleted}{inserted}{trail}"


def _repeated_articles(text: LawText) -> str | None:
    """The same article printed twice in one text (a file that repeats itself)."""
    seen: dict[str, Article] = {}
    for art in text.articles:
        if art.label in seen and seen[art.label].lines() == art.lines():
            return _("the text repeats itself: {label} occurs twice").format(label=art.label)
        seen.setdefault(art.label, art)
    return repetition(text.lines())
