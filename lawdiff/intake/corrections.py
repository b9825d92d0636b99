"""Curated corrections of a gazette's extracted text (laws/corrections/<issue>.yaml), validated."""

from __future__ import annotations

from pathlib import Path

from lawdiff.corpus.yamlio import load
from lawdiff.errors import CorpusError, GazetteError
from lawdiff.sources.clean import Correction, Corrections


def load_corrections(root: Path, issue: str, sha: str) -> Corrections | None:
    path = root / "corrections" / f"{issue}.yaml"
    if not path.exists():
        return None
    data = load(path)
    where = str(path)
    if not isinstance(data, dict) or not isinstance(data.get("corrections"), list):
        raise CorpusError(f"{where}: expected a mapping with a 'corrections' list")
    recorded = data.get("sha256")
    if recorded and recorded != sha:
        raise GazetteError(
            f"{where}: written for a gazette text with sha256 {recorded[:12]}…, "
            f"this file is {sha[:12]}…; the line numbers would not fit"
        )
    items = []
    for i, c in enumerate(data["corrections"]):
        w = f"{where}: corrections[{i}]"
        if not isinstance(c, dict) or not isinstance(c.get("line"), int) or not c.get("reason"):
            raise CorpusError(f"{w}: needs an integer 'line' and a 'reason'")
        unknown = set(c) - {"line", "reason", "replace", "break_after"}
        if unknown:
            raise CorpusError(f"{w}: unknown field '{sorted(unknown)[0]}'")
        rep = c.get("replace")
        brk = c.get("break_after")
        if (rep is None) == (brk is None):
            raise CorpusError(f"{w}: give exactly one of 'replace' or 'break_after'")
        if rep is not None and not (
            isinstance(rep, list) and len(rep) == 2 and all(isinstance(x, str) for x in rep)
        ):
            raise CorpusError(f"{w}: 'replace' must be [old, new]")
        if brk is not None and not isinstance(brk, bool):
            raise CorpusError(f"{w}: 'break_after' must be true or false")
        items.append(
            Correction(
                line=c["line"],
                reason=str(c["reason"]),
                replace=(rep[0], rep[1]) if rep is not None else None,
                break_after=brk,
            )
        )
    return Corrections(items, source=where)
