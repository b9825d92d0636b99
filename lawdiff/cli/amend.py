"""Amendment commands: apply a decision to a text on disk, blame."""

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
    date_opt,
    handles_errors,
    out,
)
from lawdiff.i18n import _


@handles_errors
def amend_cmd(
    base: Annotated[
        Path, typer.Option("--base", help="The consolidated text before the decision.")
    ],
    decision: Annotated[Path, typer.Option("--decision", help="The 修改决定 or 修正案 text.")],
    law: Annotated[
        str | None, typer.Option("--law", help="Which regulation of an omnibus decision.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="text | json")] = "text",
    lang: LangOpt = None,
) -> None:
    """Apply a decision to a text on disk and print the amended consolidated text.

    Example: lawdiff amend --base old.txt --decision decision.txt --format json
    """
    from lawdiff.amend.files import amend_files

    check_format(fmt, ("text", "json"))
    result, decision_title = amend_files(base, decision, law)
    if fmt == "json":
        from lawdiff.export.jsonout import document

        doc = document("", result.text.title, None, "amended", result.text)
        doc["decision"] = decision_title
        doc["provenance"] = [
            {"label": p.label, "old_label": p.old_label, "events": [e._asdict() for e in p.events]}
            for p in result.provenance
        ]
        doc["replacements"] = {
            k: [{"old": a, "new": b, "count": n} for a, b, n in v]
            for k, v in result.replacements.items()
        }
        # references renumbered because the decision renumbered (implied, not said by it);
        # "new": null marks a reference to a deleted provision, reported and left as printed
        doc["citations"] = [
            {"article": c.article, "old": c.old, "new": c.new, **({"note": c.note} if c.note else {})}
            for c in result.citations
        ]
        doc["notes"] = list(result.notes)
        out(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    from lawdiff.export.document import as_text

    out(as_text(result.text))
    for note in result.notes:
        typer.echo(note, err=True)


@handles_errors
def parse_rate_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Decision files or folders (.txt, .md, .docx).")],
    fmt: Annotated[str, typer.Option("--format", help="text | json")] = "text",
    lang: LangOpt = None,
) -> None:
    """How many instructions of each decision lawdiff reads, and which phrasings it does not.

    Exit status 1 when an instruction cannot be read.  Example: lawdiff parse-rate decisions/
    """
    from lawdiff.amend.report import failing_phrasings, parse_rates
    from lawdiff.intake.importer import expand

    check_format(fmt, ("text", "json"))
    rates = parse_rates(expand(paths))
    total = sum(r.instructions for r in rates)
    parsed = sum(r.parsed for r in rates)
    failing = failing_phrasings(rates)
    if fmt == "json":
        doc = {
            "decisions": [
                {
                    "file": r.file,
                    "title": r.title,
                    "instructions": r.instructions,
                    "parsed": r.parsed,
                    "parts": r.parts,
                    "failures": [{"instruction": i, "reason": why} for i, why in r.failures],
                    "error": r.error,
                }
                for r in rates
            ],
            "instructions": total,
            "parsed": parsed,
            "failing": [{"phrasing": s, "count": n} for s, n in failing],
        }
        out(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        lines = []
        for r in rates:
            why = r.error or (r.failures[0][1] if r.failures else "")
            lines.append(f"{r.parsed:>4}/{r.instructions:<4} {r.file}" + (f"  {why}" if why else ""))
        share = f"{100 * parsed / total:.1f}%" if total else "-"
        lines.append(_("{parsed} of {total} instructions read ({share})").format(
            parsed=parsed, total=total, share=share))  # fmt: skip
        lines.extend(f"  {n} x {s}" for s, n in failing)
        out("\n".join(lines) + "\n")
    if parsed < total or any(r.error for r in rates):
        raise typer.Exit(1)


@handles_errors
def blame_cmd(
    law: Annotated[str, typer.Argument(help="Law id, title or unique part of the title.", autocompletion=complete_law)],
    on: Annotated[str | None, typer.Option("--date", help="The text in force on this day.")] = None,
    rev: Annotated[str | None, typer.Option("--rev", help="A revision id.")] = None,
    article: Annotated[
        str | None,
        typer.Option("--article", help="Only this article: 3, 第三条, 133之一, 第一百三十三条之一."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table | json")] = "table",
    corpus: CorpusOpt = None,
    lang: LangOpt = None,
) -> None:
    """Every article with the revision and instruction that last changed it.

    Example: lawdiff blame 土地管理法实施办法 --rev 2020-11-27
    """
    from lawdiff.amend.provenance import blame
    from lawdiff.errors import InputError
    from lawdiff.query.show import show

    check_format(fmt, ("table", "json"))
    c = corpus_of(corpus)
    shown = show(c, law, on=date_opt(on), rev=rev, article=article)
    if shown.text is None or shown.revision is None:
        raise InputError(
            _("{law}: no text to blame: {reason}").format(law=shown.law.id, reason=shown.reason)
        )
    rows = blame(c, shown.law, shown.revision, shown.text)
    if shown.articles is not None:
        wanted = {a.label for a in shown.articles}
        rows = [r for r in rows if r.article in wanted]
    if fmt == "json":
        out(json.dumps([r._asdict() for r in rows], ensure_ascii=False, indent=2) + "\n")
        return
    from lawdiff.export.blameout import print_blame

    print_blame(shown.law, shown.revision, rows)
