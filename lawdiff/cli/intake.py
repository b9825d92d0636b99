"""Corpus commands: ingest a gazette, verify amended revisions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from lawdiff.cli.common import (
    CorpusOpt,
    LangOpt,
    check_format,
    complete_law,
    corpus_of,
    date_opt,
    handles_errors,
    out,
)
from lawdiff.i18n import _


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
    if not dry_run:
        prepare_diffs(root, report.writes)


@handles_errors
def import_cmd(
    paths: Annotated[
        list[Path], typer.Argument(help="Files (.txt, .md, .docx) or folders to read recursively.")
    ],
    fmt: Annotated[str, typer.Option("--format", help="text | json")] = "text",
    rev: Annotated[
        str | None, typer.Option("--rev", help="The revision date (default: the 题注's last event).")
    ] = None,
    effective: Annotated[
        str | None, typer.Option("--effective", help="The date the revision takes effect.")
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="法律, 行政法规, 司法解释, 地方性法规 … (default: read).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a different text stored for the same revision.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would change; write nothing.")
    ] = False,
    corpus: CorpusOpt = None,
    lang: LangOpt = None,
) -> None:
    """Import consolidated texts, amendment decisions and gazettes; a missing DIR becomes a new corpus.

    Example: lawdiff import 刑法.txt --corpus mylaws --format json
    """
    from lawdiff.corpus.reader import default_root
    from lawdiff.errors import InputError
    from lawdiff.export.importout import import_dict, import_lines
    from lawdiff.intake.importer import Options, import_paths
    from lawdiff.structure.kinds import KINDS, kind_slug

    check_format(fmt, ("text", "json"))
    slug = None
    if kind is not None:
        slug = kind_slug(kind)
        if slug is None:
            raise InputError(
                _("unknown kind {kind!r} (choose from {kinds})").format(
                    kind=kind, kinds=", ".join(KINDS.values())
                )
            )
    opts = Options(date_opt(rev), date_opt(effective), slug, force, dry_run)
    root = corpus if corpus is not None else default_root()
    report = import_paths(list(paths), root, opts)
    if fmt == "json":
        out(json.dumps(import_dict(report), ensure_ascii=False, indent=2) + "\n")
    else:
        out("".join(line + "\n" for line in import_lines(report, dry_run=dry_run)))
    if not report.added and not report.decisions and not report.gazettes:
        left = [*report.refused, *report.skipped]
        if len(left) == 1:  # one file, refused: its reason is the error
            raise InputError(_("nothing imported: {path}: {reason}").format(
                path=left[0][0], reason=left[0][1]
            ))
        if report.refused:
            raise InputError(_("nothing imported: {n} texts refused (listed above)").format(n=len(report.refused)))
        raise InputError(_("nothing imported: no law text or decision in {paths}").format(
            paths=", ".join(str(p) for p in paths)))
    if not dry_run:
        writes = [*report.writes, *(w for g in report.gazettes for w in getattr(g, "writes", []))]
        prepare_diffs(root, writes)
    if report.refused:  # the others are in; the exit status says that not everything was
        path, reason = report.refused[0]
        more = len(report.refused) - 1
        raise InputError(
            _("{path}: {reason}").format(path=path, reason=reason)
            + (_(" (and {n} more texts refused, listed above)").format(n=more) if more else "")
        )


def _diff_json(cmp: Any) -> str:
    from lawdiff.export.diffjson import diff_json

    return diff_json(cmp)


def prepare_diffs(root: Path, writes: list[Any]) -> None:
    """After the commit: the comparisons of big new texts kept for ``diff`` (compare/precompute.py).

    Never an error and never an exit code of its own: the write is complete. An interrupt ends it
    quietly (exit 0: 130 means nothing was written); the index stays consistent (SQLite).
    """
    import sys

    try:
        sys.stdout.flush()  # what the command printed first
        from lawdiff.compare.precompute import precompute

        precompute(root, writes, _diff_json)
    except KeyboardInterrupt:
        from lawdiff.corpus.lock import say

        say("note: interrupted after the write was complete (diffs not prepared)")
    except Exception:  # a diff left to compute later, never a failed import
        pass


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
    from lawdiff.corpus.records import check_corpus
    from lawdiff.export.verifyout import print_reports, reports_json

    check_format(fmt, ("table", "json"))
    from lawdiff.cli.progress import progress_bar

    with progress_bar(_("verifying")) as step:
        c = corpus_of(corpus)
        c.check_root()
        check_corpus(c.root)  # every YAML file against its schema first (exit 2 on the first error)
        reports = verify(c, law, progress=step)
    if fmt == "json":
        out(json.dumps(reports_json(reports), ensure_ascii=False, indent=2) + "\n")
    else:
        print_reports(reports, verbose=verbose)
    if not all(r.ok for r in reports):
        raise typer.Exit(1)
