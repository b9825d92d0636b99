"""Curated corrections of a gazette's extracted text (laws/corrections/<issue>.yaml), validated."""

from __future__ import annotations

from pathlib import Path

from lawdiff.corpus.records import check_corrections
from lawdiff.corpus.yamlio import load
from lawdiff.errors import GazetteError
from lawdiff.i18n import _
from lawdiff.sources.clean import Correction, Corrections


def load_corrections(root: Path, issue: str, sha: str) -> Corrections | None:
    path = root / "corrections" / f"{issue}.yaml"
    if not path.exists():
        return None
    where = str(path)
    data = check_corrections(load(path), where)
    recorded = data.get("sha256")
    if recorded and recorded != sha:
        raise GazetteError(
            _("{where}: written for a gazette text with sha256 {recorded}…, this file is {actual}…; the line numbers would not fit").format(
                where=where, recorded=recorded[:12], actual=sha[:12]
            )
        )
    items = [
        Correction(
            line=c["line"],
            reason=str(c["reason"]),
            replace=(c["replace"][0], c["replace"][1]) if c.get("replace") is not None else None,
            break_after=c.get("break_after"),
        )
        for c in data["corrections"]
    ]
    return Corrections(items, source=where)
