"""Corpus commands: ingest a gazette, verify amended revisions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from lawdiff.cli.common import (
    CorpusOpt,
    LangOpt,
    check_format,
    complete_law,
    corpus_of,
    handles_errors,
    out,
)


@handles_errors
def ingest_cmd(
    gazette: Annotated[Path, typer.Argument(help="Gazette text extracted from PDF.")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would change; write nothing.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite files edited by hand.")] = False,
    corpus: CorpusOpt = None,
    lang: LangOpt = None,
) -> None:
    """Split a gazette into documents, classify them and add what it holds to the corpus.

    Example: lawdiff ingest ../shared/seeds/002_f9dcfa5168cf5bdd.txt --corpus laws
    """
    from lawdiff.corpus.reader import default_root
    from lawdiff.export.ingestout import print_ingest
    from lawdiff.intake.ingest import ingest

    root = corpus if corpus is not None else default_root()
    report = ingest(gazette, root, dry_run=dry_run, force=force)
    print_ingest(report, dry_run=dry_run)


@handles_errors
def verify_cmd(
    law: Annotated[str | None, typer.Argument(help="Only this law (default: every law).", autocompletion=complete_law)] = None,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="List every check.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table | json")] = "table",
    corpus: CorpusOpt = None,
    lang: LangOpt = None,
) -> None:
    """Rebuild or check every amended revision against the official consolidated text.

    Example: lawdiff verify 土地管理法实施办法 -v
    """
    from lawdiff.amend.verify import verify
    from lawdiff.export.verifyout import print_reports, reports_json

    check_format(fmt, ("table", "json"))
    reports = verify(corpus_of(corpus), law)
    if fmt == "json":
        out(json.dumps(reports_json(reports), ensure_ascii=False, indent=2) + "\n")
    else:
        print_reports(reports, verbose=verbose)
    if not all(r.ok for r in reports):
        raise typer.Exit(1)
