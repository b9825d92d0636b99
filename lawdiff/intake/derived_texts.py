"""Texts derived at import: a decision applied to its predecessor's text, in any import order.

After every import, each law the import touched is walked in adoption order.  An amended
revision whose decision is known and which has no official text gets the text the amendment
engine derives from its predecessor's (official or itself derived), stored with
``derived: true``.  A derived text is re-derived whenever its law is imported again (a newer
predecessor, a better engine) and gives way to an official text of the same revision imported
later (``consolidated.store_text``); ``verify`` then replays the decision against that official
text.  A decision the engine cannot parse or apply derives nothing and says why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from lawdiff.corpus.files import sha256
from lawdiff.errors import LawdiffError
from lawdiff.i18n import _

if TYPE_CHECKING:
    from lawdiff.amend.ops import Decision
    from lawdiff.intake.state import State
    from lawdiff.structure.model import Law, LawText, Revision

SOURCE = "derived from {prev} and decision {decision}"


class Derivation(NamedTuple):
    law: str
    revision: str
    decision: str
    predecessor: str
    status: str  # derived | not derived
    reason: str = ""
    articles: int = 0

    def as_dict(self) -> dict[str, object]:
        return self._asdict()


def derive_texts(state: State) -> list[Derivation]:
    """Derive the texts the laws of this import can have; one entry per revision tried."""
    out: list[Derivation] = []
    parsed: dict[str, Decision | str] = {}
    for law_id in sorted(state.laws):
        law = state.laws[law_id]
        texts: dict[str, LawText] = {}
        ordered = law.chronological()
        for k, rev in enumerate(ordered):
            if k == 0 or not rev.decision or rev.kind != "amended":
                continue
            if rev.text_file is not None and not rev.derived:
                continue  # an official text: verify compares it with the replay
            prev = ordered[k - 1]
            base = _text(state, law, prev, texts)
            if base is None:
                if rev.derived:  # its predecessor lost its text: the derived one cannot stay
                    _forget(state, law, rev)
                continue
            entry = _derive(state, law, rev, prev, base, parsed)
            out.append(entry)
            if entry.status != "derived" and rev.derived:
                _forget(state, law, rev)
    return out


def _derive(
    state: State,
    law: Law,
    rev: Revision,
    prev: Revision,
    base: LawText,
    parsed: dict[str, Decision | str],
) -> Derivation:
    from lawdiff.amend.apply import apply_decision

    did = rev.decision or ""
    decision = _decision(state, did, parsed)
    if isinstance(decision, str):
        return Derivation(law.id, rev.id, did, prev.id, "not derived", decision)
    try:
        result = apply_decision(base, decision, law_title=law.title, decision_id=did)
    except LawdiffError as exc:
        return Derivation(law.id, rev.id, did, prev.id, "not derived", str(exc))
    text = result.text
    rev.text_file = f"{rev.id}.txt"
    rev.text_sha256 = sha256("\n".join(text.lines()) + "\n")
    rev.derived = True
    rev.sources = sorted({*(s for s in rev.sources if not s.startswith("derived from ")),
                          SOURCE.format(prev=prev.id, decision=did)})  # fmt: skip
    state.texts[(law.id, rev.id)] = text
    return Derivation(
        law.id, rev.id, did, prev.id, "derived", "; ".join(result.notes), len(text.articles)
    )


def _decision(state: State, did: str, parsed: dict[str, Decision | str]) -> Decision | str:
    """The decision parsed (or why it cannot be): this run's text or the stored one."""
    if did not in parsed:
        from lawdiff.amend.decisions import parse_decision

        try:
            lines = state.decision_texts.get(did)
            if lines is None:
                rec = state.decision(did)
                if rec is None:
                    raise LawdiffError(_("decision {did} is not in the corpus").format(did=did))
                lines = state.corpus.decision_text(rec)
            parsed[did] = parse_decision("\n".join(lines), decision_id=did)
        except LawdiffError as exc:
            parsed[did] = str(exc)
    return parsed[did]


def _text(state: State, law: Law, rev: Revision, texts: dict[str, LawText]) -> LawText | None:
    """The text of ``rev`` as this import leaves it: this run's, derived just now, or on disk."""
    if rev.id in texts:
        return texts[rev.id]
    text = state.texts.get((law.id, rev.id))
    if text is None and rev.text_file is not None and law.id in state._known_ids:
        disk = state.disk_law(law.id).revision(rev.id)
        if disk is not None and disk.text_file == rev.text_file:
            try:
                text = state.corpus.load_text(state.disk_law(law.id), disk)
            except LawdiffError:
                text = None
    if text is not None:
        texts[rev.id] = text
    return text


def _forget(state: State, law: Law, rev: Revision) -> None:
    rev.text_file = rev.text_sha256 = None
    rev.derived = False
    rev.sources = [s for s in rev.sources if not s.startswith("derived from ")]
    state.texts.pop((law.id, rev.id), None)
