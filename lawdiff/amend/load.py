"""A revision's decision, read from the corpus and parsed."""

from __future__ import annotations

from lawdiff.amend.decisions import parse_decision
from lawdiff.amend.ops import (
    Decision,
)
from lawdiff.corpus.reader import Corpus
from lawdiff.structure.model import Revision


def decision_for(corpus: Corpus, rev: Revision) -> tuple[dict, Decision]:  # type: ignore[type-arg]
    assert rev.decision is not None
    data = corpus.load_decision(rev.decision)
    return data, parse_decision("\n".join(corpus.decision_text(data)), decision_id=rev.decision)
