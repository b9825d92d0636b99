"""Comparison commands: diff two revisions, log a law or one article."""

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
from lawdiff.cli.output import emit, print_rich, use_color
from lawdiff.i18n import _


@handles_errors
def diff_cmd(
    law: Annotated[str, typer.Argument(help="Law id, title or unique part of the title.", autocompletion=complete_law)],
    a: Annotated[str, typer.Argument(help="From: revision id, unique prefix (2020), or a date.")],
    b: Annotated[str, typer.Argument(help="To: revision id, unique prefix (2024), or a date.")],
    side_by_side: Annotated[
        bool, typer.Option("--side-by-side", "-y", help="The 新旧对照表: 修改前 | 修改后.")
    ] = False,
    stat: Annotated[bool, typer.Option("--stat", help="Counts per relation, characters.")] = False,
    article: Annotated[
        str | None,
        typer.Option("--article", help="Only the rows holding this article (3, 第三条, 133之一…)."),
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Show unchanged articles too (default: collapsed).")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", help="text | md | json | html | docx")] = "text",
    reasons: Annotated[
        bool, typer.Option("--reasons", help="Add the 说明 column from the legislative reports.")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file ('-': stdout).")
    ] = None,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="No colour; mark [-del-]{+ins+}.")
    ] = False,
    corpus: CorpusOpt = None,
    lang: LangOpt = None,
) -> None:
    """Article-level diff between two revisions, aligned across renumbering, moves, merges, splits.

    Example: lawdiff diff 土地管理法实施办法 2020 2024 --side-by-side
    """
    from lawdiff.errors import InputError

    check_format(fmt, ("text", "md", "json", "html", "docx"))
    if fmt == "docx" and output is None:
        raise InputError(_("--format docx writes a file: give -o FILE.docx"))
    c = corpus_of(corpus)
    plain_json = fmt == "json" and not reasons and article is None
    if plain_json:
        from lawdiff.compare.diffcache import cached_json

        text = cached_json(c, law, a, b)
        if text is not None:
            emit(text, output)
            return
    from lawdiff.compare.diffing import compare, select_article

    cmp = compare(c, law, a, b)
    if reasons:
        from lawdiff.compare.reasons import attach_reasons

        cmp = attach_reasons(c, cmp)
    if article is not None:
        cmp = select_article(cmp, article)
        show_all = True
    if fmt == "json":
        from lawdiff.export.diffjson import diff_json

        text = diff_json(cmp)
        if plain_json:
            from lawdiff.compare.diffcache import store_json

            store_json(c, cmp, text)
        emit(text, output)
        return
    if fmt == "md":
        from lawdiff.export.diffview import markdown

        emit(markdown(cmp, show_all=show_all, reasons=reasons), output)
        return
    if fmt == "html":
        from lawdiff.export.html import comparison_html

        emit(comparison_html(cmp, reasons=reasons), output)
        return
    if fmt == "docx":
        from lawdiff.export.docx import comparison_docx_bytes

        assert output is not None
        emit(comparison_docx_bytes(cmp, reasons=reasons), output)
        return
    from lawdiff.export import diffview
    from lawdiff.export.tables import page_width, terminal_width

    color = use_color(no_color) and output is None
    width = terminal_width() if output is None else None  # None: lines are not wrapped
    if stat:
        view = diffview.stat_view(cmp)
    elif side_by_side:
        view = diffview.side_by_side(cmp, color=color, width=width or page_width(), show_all=show_all)
    else:
        view = diffview.inline_view(cmp, color=color, width=width, show_all=show_all)
    print_rich(view, color=color, width=width, output=output)


@handles_errors
def log_cmd(
    law: Annotated[str, typer.Argument(help="Law id, title or unique part of the title.", autocompletion=complete_law)],
    article: Annotated[
        str | None,
        typer.Option(
            "--article", help="Trace this article (3, 第三条, 133之一…, numbered as in --rev) through time."
        ),
    ] = None,
    rev: Annotated[
        str | None, typer.Option("--rev", help="Whose numbering --article uses (default: latest).")
    ] = None,
    pickaxe: Annotated[
        str | None,
        typer.Option("-S", help="The revisions where the number of occurrences of PHRASE changed."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table | json")] = "table",
    corpus: CorpusOpt = None,
    lang: LangOpt = None,
) -> None:
    """Revisions with their change statistics, one article traced through every revision, or
    (-S PHRASE) the revisions that changed how often a phrase occurs, and what did it.

    Example: lawdiff log 土地管理法实施办法 -S 耕地开垦费
    """
    from lawdiff.compare.lawlog import article_trace, revision_log
    from lawdiff.export.logout import print_log, print_trace

    check_format(fmt, ("table", "json"))
    c = corpus_of(corpus)
    lawobj = c.load_law(c.resolve(law))
    if pickaxe is not None:
        from lawdiff.compare.pickaxe import pickaxe as occurrences
        from lawdiff.errors import InputError
        from lawdiff.export.logout import print_pickaxe

        if article is not None:
            raise InputError(_("give --article or -S, not both"))
        rows = occurrences(c, lawobj, pickaxe)
        if fmt == "json":
            doc = {"law": lawobj.id, "phrase": pickaxe.strip(), "rows": rows}
            out(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        else:
            print_pickaxe(lawobj, pickaxe.strip(), rows)
        return
    rows = revision_log(c, lawobj) if article is None else article_trace(c, lawobj, article, rev)
    if fmt == "json":
        out(json.dumps({"law": lawobj.id, "rows": rows}, ensure_ascii=False, indent=2) + "\n")
    elif article is None:
        print_log(lawobj, rows)
    else:
        print_trace(lawobj, article, rows)
