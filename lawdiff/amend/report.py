"""Parse-rate report for a folder of decisions: how many instructions parse, which phrasings fail."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import regex

from lawdiff.amend.decisions import parse_decision
from lawdiff.errors import AmendmentError, LawdiffError


class DecisionRate(NamedTuple):
    file: str
    title: str
    instructions: int
    parsed: int
    parts: int
    failures: tuple[tuple[str, str], ...]  # (instruction, reason)
    error: str | None  # the decision as a whole could not be read


def rate_text(text: str, name: str) -> DecisionRate:
    try:
        dec = parse_decision(text, decision_id=name, strict=False)
    except AmendmentError as exc:
        return DecisionRate(name, text.split("\n", 1)[0][:80], 0, 0, 0, (), str(exc))
    seen = dec.instructions_seen
    return DecisionRate(
        name, dec.title, seen, seen - len(dec.failures), len(dec.parts), tuple(dec.failures), None
    )


def parse_rates(paths: Iterable[Path], read: object = None) -> list[DecisionRate]:
    """One row per decision file (``read``: path -> text, default UTF-8 with the decision readers)."""
    from lawdiff.amend.files import decision_text

    out = []
    for path in paths:
        try:
            text = decision_text(path)
        except LawdiffError as exc:
            out.append(DecisionRate(path.name, "", 0, 0, 0, (), str(exc)))
            continue
        out.append(rate_text(text, path.stem))
    return out


_QUOTED = regex.compile(r"'([^']*)'")


def failing_phrasings(rates: Iterable[DecisionRate]) -> list[tuple[str, int]]:
    """The clauses that failed, with numbers and quotes blurred, most frequent first."""
    counts: dict[str, int] = {}
    for r in rates:
        for _, reason in r.failures:
            m = _QUOTED.search(reason)
            shape = m.group(1) if m else reason
            shape = regex.sub(r"“[^”]*”", "“…”", shape)
            shape = regex.sub(r"[零一二三四五六七八九十百千]+", "X", shape)[:80]
            counts[shape] = counts.get(shape, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
