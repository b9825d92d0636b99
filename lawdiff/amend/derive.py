"""Revisions computed from their predecessor and a decision instead of stored text."""

from __future__ import annotations

from lawdiff.corpus.reader import Corpus
from lawdiff.errors import CorpusError
from lawdiff.i18n import _
from lawdiff.structure.model import Law, LawText, Revision, Table


def derived_tables(corpus: Corpus, law: Law, rev: Revision) -> list[Table]:
    """The tables of ``rev``: its predecessor's tables with the decision's cell changes applied."""
    from lawdiff.amend.apply import apply_part
    from lawdiff.amend.load import decision_for
    from lawdiff.corpus.timeline import predecessor

    prev = predecessor(law, rev)
    if prev is None or not prev.tables:
        raise CorpusError(_("{law.id} {rev.id}: no earlier table to derive from").format(law=law, rev=rev))
    _file, decision = decision_for(corpus, rev)
    base = LawText(title=law.title, tables=tuple(prev.tables))
    assert rev.decision is not None
    result = apply_part(base, decision.parts[0], decision, decision_id=rev.decision, renumber=False)
    return list(result.text.tables)
