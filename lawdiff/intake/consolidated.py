"""A consolidated text becomes a revision of its law: the one step gazette ingest and import share.

``store_text`` merges the revisions the 题注 names and the text's own revision into the law and
keeps the text for writing.  A different text for a revision that already has one is refused
(naming the first differing article) unless forced; a gazette re-read supersedes its own earlier
reading instead (``check=False``: the State took that reading out before).
"""

from __future__ import annotations

from lawdiff.corpus.files import sha256
from lawdiff.errors import CorpusError, InputError
from lawdiff.intake.state import State, merge_revision
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
) -> Revision:
    for h in history:
        merge_revision(law, h)
    body = "\n".join(text.lines()) + "\n"
    rev.text_file = f"{rev.id}.txt"
    rev.text_sha256 = sha256(body)
    if check:
        old = _stored_text(state, law, rev.id)
        differs = old is not None and old.lines() != text.lines()
        if differs and not force:
            assert old is not None
            raise TextConflict(
                f"{law.id} {rev.id}: a different text is already stored "
                f"({first_difference(old, text)}); use --force to replace it"
            )
        if differs:
            _drop_text(law, rev.id)
    merged = merge_revision(law, rev)
    state.texts[(law.id, rev.id)] = text
    return merged


def _stored_text(state: State, law: Law, rev_id: str) -> LawText | None:
    if (law.id, rev_id) in state.texts:
        return state.texts[(law.id, rev_id)]
    if law.id not in state._known_ids:
        return None
    disk = state.corpus.load_law(law.id)
    old = disk.revision(rev_id)
    if old is None or old.text_file is None:
        return None
    try:
        return state.corpus.load_text(disk, old)
    except CorpusError:
        return LawText(title="")  # edited by hand: differs from anything imported


def _drop_text(law: Law, rev_id: str) -> None:
    """Forget the text reference (and its sources) of a revision about to get a new text."""
    old = law.revision(rev_id)
    if old is not None:
        old.text_file = old.text_sha256 = None
        old.sources = [s for s in old.sources if not s.endswith("(text)")]


def first_difference(old: LawText, new: LawText) -> str:
    """Where two texts of one revision part: the first article that differs, else the first line."""
    olds: dict[str, Article] = {a.label: a for a in old.articles}
    for art in new.articles:
        before = olds.pop(art.label, None)
        if before is None:
            return f"{art.label} is new"
        if before.lines() != art.lines():
            return f"{art.label} differs"
    if olds:
        return f"{next(iter(olds))} is missing"
    for i, (a, b) in enumerate(zip(old.lines(), new.lines(), strict=False)):
        if a != b:
            return f"line {i + 1} differs: {b[:30]}"
    return "the number of lines differs"
