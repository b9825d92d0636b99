"""``lawdiff search``: where a phrase occurs, and since when."""

from __future__ import annotations

import json
from datetime import date
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


@handles_errors
def search_cmd(
    phrase: Annotated[str, typer.Argument(help="The words to find, exactly as written.")],
    law: Annotated[
        str | None, typer.Option("--law", help="Only this law.", autocompletion=complete_law)
    ] = None,
    on: Annotated[
        str | None, typer.Option("--date", help="In the texts in force on this day (default today).")
    ] = None,
    every: Annotated[bool, typer.Option("--all", help="In every revision, not only those in force.")] = False,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only laws of this kind (regulation, city-regulation, …).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="text | json")] = "text",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file ('-': stdout).")
    ] = None,
    corpus: CorpusOpt = None,
    lang: LangOpt = None,
) -> None:
    """Find a phrase in article texts, tables and annexes, grouped by article across revisions.

    Example: lawdiff search 耕地开垦费 --all
    """
    from lawdiff.compare.lineage import group
    from lawdiff.errors import InputError
    from lawdiff.export.searchout import search_dict, search_lines
    from lawdiff.i18n import _
    from lawdiff.query.search import find

    check_format(fmt, ("text", "json"))
    if every and on is not None:
        raise InputError(_("give --date or --all, not both"))
    day = None if every else (date_opt(on) or date.today())
    c = corpus_of(corpus)
    found = find(c, phrase, law=law, kind=kind)
    segments = group(c, found, on=day, every=every)
    if fmt == "json":
        doc = search_dict(found.phrase, segments, day, found.problems)
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(search_lines(found.phrase, segments, day, found.problems))
    if output is None:
        out(text)
    else:
        from lawdiff.cli.output import emit

        emit(text, output)  # -o as every command takes it: symlinks, FIFOs, the umask, '-'

