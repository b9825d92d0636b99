"""Reading commands: show, export, list, history."""

from __future__ import annotations

import json
from collections.abc import Iterator
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
    sanitize,
)
from lawdiff.cli.output import emit, is_stdout, write_output
from lawdiff.export.shown import render_shown, render_with_provenance
from lawdiff.i18n import _


@handles_errors
def show_cmd(
    law: Annotated[
        str, typer.Argument(help="Law id, title, short title or a unique part of the title.", autocompletion=complete_law)
    ],
    on: Annotated[
        str | None, typer.Option("--date", help="Text in force on this day (YYYY-MM-DD).")
    ] = None,
    rev: Annotated[str | None, typer.Option("--rev", help="A revision id (see history).")] = None,
    article: Annotated[
        str | None,
        typer.Option("--article", help="Only this article: 3, 第三条, 133之一, 第一百三十三条之一."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="text | md | json")] = "text",
    provenance: Annotated[
        bool,
        typer.Option(
            "--provenance", help="Say which decision and instruction last changed each article."
        ),
    ] = False,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file ('-': stdout).")
    ] = None,
    corpus: CorpusOpt = None,
    lang: LangOpt = None,
) -> None:
    """Show the text in force on a date (by effective date).

    Example: lawdiff show 土地管理法实施办法 --date 2024-04-15
    """
    from lawdiff.query.show import show

    check_format(fmt, ("text", "md", "json"))
    c = corpus_of(corpus)
    shown = show(c, law, on=date_opt(on), rev=rev, article=article)
    if provenance and shown.text is not None and shown.revision is not None:
        from lawdiff.amend.provenance import blame

        rows = {b.article: b for b in blame(c, shown.law, shown.revision, shown.text)}
        emit(render_with_provenance(shown, rows, fmt), output)
        return
    if shown.status == "not-yet-in-force":
        # a date before the law existed: an answer, but not a text (exit 2)
        if fmt == "json":
            emit(render_shown(shown, fmt), output)
        typer.echo(sanitize(f"{shown.law.id}: {shown.reason}"), err=True)
        raise typer.Exit(2)
    emit(render_shown(shown, fmt), output)


@handles_errors
def export_cmd(
    law: Annotated[str, typer.Argument(help="Law id, title or unique part of the title.", autocompletion=complete_law)],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    on: Annotated[str | None, typer.Option("--date", help="Text in force on this day.")] = None,
    rev: Annotated[str | None, typer.Option("--rev", help="A revision id.")] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="md | txt | json | html | docx | akn")
    ] = "md",
    corpus: CorpusOpt = None,
    lang: LangOpt = None,
) -> None:
    """Export a consolidated text with its revision header to a file.

    html: one self-contained page with the revision timeline and per-article provenance;
    docx: a Word document; akn: Akoma Ntoso 3.0 XML with lifecycle and passive modifications.

    Example: lawdiff export 机关运行保障条例 --format md -o jg.md
    """
    from lawdiff.errors import InputError
    from lawdiff.query.show import show

    check_format(fmt, ("md", "txt", "json", "html", "docx", "akn"))
    c = corpus_of(corpus)
    shown = show(c, law, on=date_opt(on), rev=rev)
    revision = shown.revision
    table_only = shown.text is None and revision is not None and bool(revision.tables)
    if fmt == "akn" and revision is not None and (shown.text is not None or revision.tables):
        from lawdiff.export.akn import to_akn

        _write(output, to_akn(c, shown.law, revision, shown.text), shown.law.id, revision.id)
        return
    if table_only:
        # a revision known only by its rate table (资源税 2024): the title and the table(s)
        from lawdiff.structure.model import LawText

        assert revision is not None
        shown = shown._replace(text=LawText(title=shown.law.title, tables=tuple(revision.tables)))
    if shown.text is None or revision is None:
        raise InputError(
            _("{law}: nothing to export: {reason}").format(law=shown.law.id, reason=shown.reason)
        )
    if fmt == "html":
        from lawdiff.amend.provenance import blame
        from lawdiff.export.html_document import document_html

        rows = [] if table_only else blame(c, shown.law, revision, shown.text)
        content = document_html(shown.law, revision, shown.text, blame_rows=rows)
    elif fmt == "docx":
        from lawdiff.export.docx_document import document_docx_bytes

        content = document_docx_bytes(shown.law, revision, shown.text)
    else:
        content = render_shown(shown, {"txt": "text"}.get(fmt, fmt))
    _write(output, content, shown.law.id, revision.id)


def _write(path: Path, content: str | bytes, law: str, rev: str) -> None:
    write_output(path, content)
    if not is_stdout(path):
        said = _("wrote {path} ({law} {revision})").format(path=path, law=law, revision=rev)
        typer.echo(sanitize(said), err=True)


@handles_errors
def list_cmd(
    fmt: Annotated[str, typer.Option("--format", help="table | json | tsv")] = "table",
    on: Annotated[
        str | None, typer.Option("--date", help="Status as of this day (default today).")
    ] = None,
    corpus: CorpusOpt = None,
    lang: LangOpt = None,
) -> None:
    """List every regulation: title, short name, status, latest revision.

    From the index, streamed: a table for up to 200 laws, plain lines for more (paged on a
    terminal); json is an array with one law per line, tsv a header and one line per law.

    Example: lawdiff list --format tsv
    """
    from lawdiff.export import listing

    check_format(fmt, ("table", "json", "tsv"))
    catalog = corpus_of(corpus).catalog()
    rows = catalog.list_rows(date_opt(on) or date.today())
    if fmt == "json":
        _stream(listing.json_lines(rows))
    elif fmt == "tsv":
        _stream(listing.tsv_lines(rows))
    else:
        ids = catalog.ids()
        if len(ids) <= listing.TABLE_ROWS:
            from lawdiff.corpus.cache import decoded

            listing.print_list([decoded(json.loads, r) for r in rows])
        else:
            width = max(listing._cells(i) for i in ids)
            _page(listing.plain_lines(rows, width))


def _stream(lines: Iterator[str]) -> None:
    """Write as the rows come, a few hundred lines at a time."""
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= 500:
            out("".join(chunk))
            chunk.clear()
    out("".join(chunk))


def _page(lines: Iterator[str]) -> None:
    """Through the pager on a terminal (as git does: less -FRX), streamed into pipes."""
    import sys

    if not sys.stdout.isatty():
        _stream(lines)
        return
    import os
    import pydoc

    from lawdiff.corpus.txn import release_reader

    text = sanitize("".join(lines))
    release_reader()
    os.environ.setdefault("LESS", "FRX")
    pydoc.pager(text)


@handles_errors
def history_cmd(
    law: Annotated[str, typer.Argument(help="Law id, title or unique part of the title.", autocompletion=complete_law)],
    fmt: Annotated[str, typer.Option("--format", help="table | json")] = "table",
    corpus: CorpusOpt = None,
    lang: LangOpt = None,
) -> None:
    """The timeline of a law: every revision with its dates, decision and text availability.

    Example: lawdiff history 土地管理法实施办法
    """
    from lawdiff.export.listing import history_rows, print_history

    check_format(fmt, ("table", "json"))
    c = corpus_of(corpus)
    lawobj = c.load_law(c.resolve(law))
    rows = history_rows(lawobj, c)
    if fmt == "json":
        doc = {"law": lawobj.id, "title": lawobj.title, "revisions": rows}
        out(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    print_history(lawobj, rows)
