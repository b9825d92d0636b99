"""A hand-written text amended by a hand-written decision, as the grammar tests read it."""

from __future__ import annotations

from lawdiff.amend.apply import apply_decision
from lawdiff.amend.decisions import parse_decision
from lawdiff.structure.parse import parse_text


def amended_blocks(text: str, decision: str) -> list[str]:
    """The blocks of ``text`` after ``decision``: an article's text, a heading as ``[label　title]``."""
    result = apply_decision(parse_text(text.splitlines()), parse_decision(decision)).text
    return [b.text if hasattr(b, "paragraphs") else f"[{b.label}　{b.title}]" for b in result.blocks]
