"""The command line: argument parsing, output format choice, errors -> one line + exit code.

Everything else is library code (``lawdiff.query``, ``lawdiff.ingest`` …).
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from . import __version__
from .errors import LawdiffError


def _new_app() -> typer.Typer:
    return typer.Typer(
        add_completion=False,
        no_args_is_help=True,
        context_settings={"help_option_names": ["-h", "--help"]},
        help="Track how regulations change: point-in-time texts, histories and diffs from gazettes.",
        pretty_exceptions_enable=False,
    )


F = TypeVar("F", bound=Callable[..., Any])

CorpusOpt = Annotated[
    Path | None,
    typer.Option(
        "--corpus", help="Corpus directory (default: $LAWDIFF_CORPUS, else the shipped corpus)."
    ),
]


def handles_errors(func: F) -> F:
    """Expected errors become one stderr line and an exit code, in tests and real runs alike."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except LawdiffError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def _corpus(path: Path | None) -> Any:
    from .corpus import Corpus

    return Corpus(path)


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    from .dates import parse_iso

    return parse_iso(value)


def _out(text: str) -> None:
    sys.stdout.write(text)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lawdiff {__version__}")
        raise typer.Exit()


def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """lawdiff: regulations as ordered articles per revision."""


@handles_errors
def show_cmd(
    law: Annotated[
        str, typer.Argument(help="Law id, title, short title or a unique part of the title.")
    ],
    on: Annotated[
        str | None, typer.Option("--date", help="Text in force on this day (YYYY-MM-DD).")
    ] = None,
    rev: Annotated[str | None, typer.Option("--rev", help="A revision id (see history).")] = None,
    article: Annotated[int | None, typer.Option("--article", help="Only this article.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="text | md | json")] = "text",
    provenance: Annotated[
        bool,
        typer.Option(
            "--provenance", help="Say which decision and instruction last changed each article."
        ),
    ] = False,
    corpus: CorpusOpt = None,
) -> None:
    """Show the text in force on a date (by effective date).

    Example: lawdiff show 土地管理法实施办法 --date 2024-04-15
    """
    from .query import show

    _check_format(fmt, ("text", "md", "json"))
    c = _corpus(corpus)
    shown = show(c, law, on=_date(on), rev=rev, article=article)
    if provenance and shown.text is not None and shown.revision is not None:
        from .provenance import blame

        rows = {b.article: b for b in blame(c, shown.law, shown.revision, shown.text)}
        _out(_render_with_provenance(shown, rows, fmt))
        return
    if shown.status == "not-yet-in-force":
        # a date before the law existed: an answer, but not a text (exit 2)
        if fmt == "json":
            _out(_render_shown(shown, fmt))
        typer.echo(f"{shown.law.id}: {shown.reason}", err=True)
        raise typer.Exit(2)
    _out(_render_shown(shown, fmt))


def _render_with_provenance(shown: Any, rows: dict[str, Any], fmt: str) -> str:
    """The text with a note under each article: which revision and instruction last changed it."""
    if fmt == "json":
        doc = json.loads(_render_shown(shown, fmt))
        for a in doc["articles"]:
            b = rows.get(a["label"])
            a["last_changed"] = b._asdict() if b else None
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    from .model import Heading
    from .render.document import header_line

    def note(label: str) -> list[str]:
        b = rows.get(label)
        if b is None:
            return []
        by = f"{b.decision} instruction {'、'.join(b.instructions)}" if b.decision else "—"
        before = f"; formerly {b.old_label}" if b.old_label and b.old_label != label else ""
        return [f"　〔last changed {b.revision}: {b.what}; {by}{before}〕"]

    out = [header_line(shown.law.id, shown.reason), ""]
    if shown.articles is None:
        text = shown.text
        out += [text.title, *([text.note] if text.note else []), *text.preamble]
        for block in text.blocks:
            out += [block.text] if isinstance(block, Heading) else block.lines() + note(block.label)
    else:
        for art in shown.articles:
            out += art.lines() + note(art.label)
    return "\n".join(out) + "\n"


def _check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        from .errors import InputError

        raise InputError(f"unknown format {fmt!r} (choose from {', '.join(allowed)})")


def _render_shown(shown: Any, fmt: str) -> str:
    from .render.document import as_markdown, as_text, header_line, table_lines

    if fmt == "json":
        from .render.jsonout import document

        doc = document(
            shown.law.id,
            shown.law.title,
            shown.revision,
            shown.status,
            shown.text,
            shown.articles,
            reason=shown.reason,
        )
        if shown.text is None and shown.revision is not None and shown.revision.tables:
            from .render.jsonout import table_dict

            doc["tables"] = [table_dict(t) for t in shown.revision.tables]
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    head = header_line(shown.law.id, shown.reason)
    if shown.text is None:
        body = ""
        if shown.revision is not None and shown.revision.tables:
            body = (
                "\n"
                + "\n".join(line for t in shown.revision.tables for line in table_lines(t))
                + "\n"
            )
        return f"{head}\n{body}"
    if fmt == "md":
        return as_markdown(shown.text, shown.articles, subtitle=head)
    return f"{head}\n\n{as_text(shown.text, shown.articles)}"


@handles_errors
def export_cmd(
    law: Annotated[str, typer.Argument(help="Law id, title or unique part of the title.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    on: Annotated[str | None, typer.Option("--date", help="Text in force on this day.")] = None,
    rev: Annotated[str | None, typer.Option("--rev", help="A revision id.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="md | txt | json | html | docx | akn")] = "md",
    corpus: CorpusOpt = None,
) -> None:
    """Export a consolidated text with its revision header to a file.

    html: one self-contained page with the revision timeline and per-article provenance;
    docx: a Word document; akn: Akoma Ntoso 3.0 XML with lifecycle and passive modifications.

    Example: lawdiff export 机关运行保障条例 --format md -o jg.md
    """
    from .errors import InputError
    from .query import show

    _check_format(fmt, ("md", "txt", "json", "html", "docx", "akn"))
    c = _corpus(corpus)
    shown = show(c, law, on=_date(on), rev=rev)
    revision = shown.revision
    if fmt == "akn" and revision is not None and (shown.text is not None or revision.tables):
        from .akn import to_akn

        content = to_akn(c, shown.law, revision, shown.text)
    elif shown.text is None or revision is None:
        raise InputError(f"{shown.law.id}: nothing to export: {shown.reason}")
    elif fmt == "html":
        from .provenance import blame
        from .render.html import document_html

        content = document_html(
            shown.law, revision, shown.text, blame_rows=blame(c, shown.law, revision, shown.text)
        )
    elif fmt == "docx":
        from .render.docx import document_docx_bytes

        content = document_docx_bytes(shown.law, revision, shown.text)
    else:
        content = _render_shown(shown, {"txt": "text"}.get(fmt, fmt))
    _write_atomic(output, content)
    typer.echo(f"wrote {output} ({shown.law.id} {revision.id if revision else ''})", err=True)


def _write_atomic(path: Path, content: str | bytes) -> None:
    """Write beside ``path`` and move into place: the file is whole or untouched."""
    import tempfile

    from .errors import InputError

    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(f"cannot write {path}: directory {directory} does not exist")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
        if isinstance(content, bytes):
            with os.fdopen(fd, "wb") as fh:
                fh.write(content)
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(content)
        os.replace(tmp, path)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


@handles_errors
def list_cmd(
    fmt: Annotated[str, typer.Option("--format", help="table | json")] = "table",
    on: Annotated[
        str | None, typer.Option("--date", help="Status as of this day (default today).")
    ] = None,
    corpus: CorpusOpt = None,
) -> None:
    """List every regulation: title, short name, status, latest revision.

    Example: lawdiff list
    """
    from .render.listing import list_rows, print_table

    _check_format(fmt, ("table", "json"))
    rows = list_rows(_corpus(corpus), _date(on) or date.today())
    if fmt == "json":
        _out(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    print_table(
        rows,
        ["id", "title", "kind", "status", "latest", "text"],
        ["short name", "title", "kind", "status", "latest revision", "texts"],
        title=f"{len(rows)} laws",
    )


@handles_errors
def history_cmd(
    law: Annotated[str, typer.Argument(help="Law id, title or unique part of the title.")],
    fmt: Annotated[str, typer.Option("--format", help="table | json")] = "table",
    corpus: CorpusOpt = None,
) -> None:
    """The timeline of a law: every revision with its dates, decision and text availability.

    Example: lawdiff history 土地管理法实施办法
    """
    from .render.listing import history_rows, print_table

    _check_format(fmt, ("table", "json"))
    c = _corpus(corpus)
    lawobj = c.load_law(c.resolve(law))
    rows = history_rows(lawobj, c)
    if fmt == "json":
        _out(
            json.dumps(
                {"law": lawobj.id, "title": lawobj.title, "revisions": rows},
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
        return
    print_table(
        rows,
        ["id", "kind", "adopted", "promulgated", "effective", "decision", "changes", "text"],
        [
            "revision",
            "kind",
            "adopted",
            "promulgated",
            "effective",
            "decision / event",
            "changes",
            "text",
        ],
        title=f"{lawobj.title} ({lawobj.id})",
    )


@handles_errors
def ingest_cmd(
    gazette: Annotated[Path, typer.Argument(help="Gazette text extracted from PDF.")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would change; write nothing.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite files edited by hand.")] = False,
    corpus: CorpusOpt = None,
) -> None:
    """Split a gazette into documents, classify them and add what it holds to the corpus.

    Example: lawdiff ingest ../shared/seeds/002_f9dcfa5168cf5bdd.txt --corpus laws
    """
    from .corpus import default_root
    from .ingest import ingest
    from .render.listing import print_ingest

    root = corpus if corpus is not None else default_root()
    report = ingest(gazette, root, dry_run=dry_run, force=force)
    print_ingest(report, dry_run=dry_run)


@handles_errors
def verify_cmd(
    law: Annotated[str | None, typer.Argument(help="Only this law (default: every law).")] = None,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="List every check.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table | json")] = "table",
    corpus: CorpusOpt = None,
) -> None:
    """Rebuild or check every amended revision against the official consolidated text.

    Example: lawdiff verify 土地管理法实施办法 -v
    """
    from .render.verifyout import print_reports, reports_json
    from .verify import verify

    _check_format(fmt, ("table", "json"))
    reports = verify(_corpus(corpus), law)
    if fmt == "json":
        _out(json.dumps(reports_json(reports), ensure_ascii=False, indent=2) + "\n")
    else:
        print_reports(reports, verbose=verbose)
    if not all(r.ok for r in reports):
        raise typer.Exit(1)


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
) -> None:
    """Apply a decision to a text on disk and print the amended consolidated text.

    Example: lawdiff amend --base old.txt --decision decision.txt --format json
    """
    from .amend import amend_files

    _check_format(fmt, ("text", "json"))
    result, decision_title = amend_files(base, decision, law)
    if fmt == "json":
        from .render.jsonout import document

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
        _out(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    from .render.document import as_text

    _out(as_text(result.text))


@handles_errors
def blame_cmd(
    law: Annotated[str, typer.Argument(help="Law id, title or unique part of the title.")],
    on: Annotated[str | None, typer.Option("--date", help="The text in force on this day.")] = None,
    rev: Annotated[str | None, typer.Option("--rev", help="A revision id.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table | json")] = "table",
    corpus: CorpusOpt = None,
) -> None:
    """Every article with the revision and instruction that last changed it.

    Example: lawdiff blame 土地管理法实施办法 --rev 2020-11-27
    """
    from .errors import InputError
    from .provenance import blame
    from .query import show

    _check_format(fmt, ("table", "json"))
    c = _corpus(corpus)
    shown = show(c, law, on=_date(on), rev=rev)
    if shown.text is None or shown.revision is None:
        raise InputError(f"{shown.law.id}: no text to blame: {shown.reason}")
    rows = blame(c, shown.law, shown.revision, shown.text)
    if fmt == "json":
        _out(json.dumps([r._asdict() for r in rows], ensure_ascii=False, indent=2) + "\n")
        return
    from .render.listing import print_table

    print_table(
        [
            r._asdict() | {"instructions": "、".join(r.instructions), "decision": r.decision or ""}
            for r in rows
        ],
        ["article", "old_label", "revision", "decision", "instructions", "what"],
        ["article", "before", "last changed", "decision", "instruction", "what"],
        title=f"{shown.law.title} {shown.revision.id}",
    )


def _use_color(no_color: bool) -> bool:
    return not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()


def _print_rich(renderable: Any, *, color: bool, width: int) -> None:
    """To the terminal through a pager when stdout is one; plain text into pipes and files."""
    from rich.console import Console

    console = Console(width=width, no_color=not color, highlight=False, soft_wrap=False)
    if sys.stdout.isatty():
        # as git does: colours through (R), no pager for one screen (F), screen kept (X)
        os.environ.setdefault("LESS", "FRX")
        with console.pager(styles=color):
            console.print(renderable)
    else:
        console.print(renderable)


@handles_errors
def diff_cmd(
    law: Annotated[str, typer.Argument(help="Law id, title or unique part of the title.")],
    a: Annotated[str, typer.Argument(help="From: revision id, unique prefix (2020), or a date.")],
    b: Annotated[str, typer.Argument(help="To: revision id, unique prefix (2024), or a date.")],
    side_by_side: Annotated[
        bool, typer.Option("--side-by-side", "-y", help="The 新旧对照表: 修改前 | 修改后.")
    ] = False,
    stat: Annotated[bool, typer.Option("--stat", help="Counts per relation, characters.")] = False,
    article: Annotated[
        int | None, typer.Option("--article", help="Only the rows holding this article number.")
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Show unchanged articles too (default: collapsed).")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", help="text | md | json | html | docx")] = "text",
    reasons: Annotated[
        bool, typer.Option("--reasons", help="Add the 说明 column from the legislative reports.")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file (md/json/html).")
    ] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour; mark [-del-]{+ins+}.")] = False,
    corpus: CorpusOpt = None,
) -> None:
    """Article-level diff between two revisions, aligned across renumbering, moves, merges, splits.

    Example: lawdiff diff 土地管理法实施办法 2020 2024 --side-by-side
    """
    from .diffing import compare, select_article
    from .errors import InputError

    _check_format(fmt, ("text", "md", "json", "html", "docx"))
    if fmt == "docx" and output is None:
        raise InputError("--format docx writes a file: give -o FILE.docx")
    c = _corpus(corpus)
    cmp = compare(c, law, a, b)
    if reasons:
        from .reasons import attach_reasons

        cmp = attach_reasons(c, cmp)
    if article is not None:
        cmp = select_article(cmp, article)
        show_all = True
    if fmt == "json":
        from .render.diffjson import comparison_dict

        _emit(json.dumps(comparison_dict(cmp), ensure_ascii=False, indent=2) + "\n", output)
        return
    if fmt == "md":
        from .render.diffview import markdown

        _emit(markdown(cmp, show_all=show_all, reasons=reasons), output)
        return
    if fmt == "html":
        from .render.html import comparison_html

        _emit(comparison_html(cmp, reasons=reasons), output)
        return
    if fmt == "docx":
        from .render.docx import comparison_docx_bytes

        assert output is not None
        _emit(comparison_docx_bytes(cmp, reasons=reasons), output)
        return
    from .render import diffview
    from .render.listing import console_width

    color = _use_color(no_color)
    width = console_width()
    if stat:
        view = diffview.stat_view(cmp)
    elif side_by_side:
        view = diffview.side_by_side(cmp, color=color, width=width, show_all=show_all)
    else:
        view = diffview.inline_view(cmp, color=color, width=width, show_all=show_all)
    _print_rich(view, color=color, width=width)


def _emit(content: str | bytes, output: Path | None) -> None:
    if output is None:
        assert isinstance(content, str)  # binary formats (docx) require -o
        _out(content)
    else:
        _write_atomic(output, content)
        typer.echo(f"wrote {output}", err=True)


@handles_errors
def log_cmd(
    law: Annotated[str, typer.Argument(help="Law id, title or unique part of the title.")],
    article: Annotated[
        int | None,
        typer.Option("--article", help="Trace this article (numbered as in --rev) through time."),
    ] = None,
    rev: Annotated[
        str | None, typer.Option("--rev", help="Whose numbering --article uses (default: latest).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table | json")] = "table",
    corpus: CorpusOpt = None,
) -> None:
    """Revisions with their change statistics, or one article traced through every revision.

    Example: lawdiff log 土地管理法实施办法 --article 4
    """
    from .lawlog import article_trace, revision_log
    from .render.listing import print_table

    _check_format(fmt, ("table", "json"))
    c = _corpus(corpus)
    lawobj = c.load_law(c.resolve(law))
    if article is None:
        rows = revision_log(c, lawobj)
        keys = ["revision", "kind", "effective", "decision", "articles", "changes"]
        heads = ["revision", "kind", "effective", "decision", "articles", "changes against the previous text"]
        title = f"{lawobj.title}: revisions"
    else:
        rows = article_trace(c, lawobj, article, rev)
        keys = ["revision", "kind", "article", "change", "by"]
        heads = ["revision", "kind", "article", "change", "by"]
        title = f"{lawobj.title}: 第{article}条 through time"
    if fmt == "json":
        _out(json.dumps({"law": lawobj.id, "rows": rows}, ensure_ascii=False, indent=2) + "\n")
        return
    print_table(rows, keys, heads, title=title)


@handles_errors
def export_git_cmd(
    args: Annotated[list[str], typer.Argument(help="LAW DIR, or DIR with --all.")],
    all_laws: Annotated[bool, typer.Option("--all", help="Every law with text, in one repository.")] = False,
    corpus: CorpusOpt = None,
) -> None:
    """Build a git repository: one commit per revision with text, at its effective date.

    Example: lawdiff export-git 土地管理法实施办法 land-history
    """
    from .errors import InputError
    from .gitexport import export_git

    if all_laws and len(args) != 1:
        raise InputError("with --all give only the directory: lawdiff export-git --all DIR")
    if not all_laws and len(args) != 2:
        raise InputError("give the law and the directory: lawdiff export-git LAW DIR")
    dest = Path(args[-1])
    result = export_git(_corpus(corpus), dest, None if all_laws else [args[0]])
    for cm in result.commits:
        typer.echo(f"{cm.commit[:10]} {cm.effective} {cm.law_id} {cm.revision_id}", err=True)
    for sk in result.skipped:
        typer.echo(f"skipped {sk.law_id}: {sk.reason}", err=True)
    typer.echo(f"wrote {result.path} ({len(result.commits)} commits)", err=True)

COMMANDS: dict[str, Callable[..., Any]] = {
    "show": show_cmd,
    "history": history_cmd,
    "list": list_cmd,
    "export": export_cmd,
    "ingest": ingest_cmd,
    "verify": verify_cmd,
    "amend": amend_cmd,
    "blame": blame_cmd,
    "diff": diff_cmd,
    "log": log_cmd,
    "export-git": export_git_cmd,
}


def build_app(only: str | None = None) -> typer.Typer:
    """The typer app with every command, or with just ``only`` (faster start-up)."""
    new = _new_app()
    new.callback()(_main)
    for name, func in COMMANDS.items():
        if only is None or name == only:
            new.command(name)(func)
    return new


app = build_app()


def main() -> None:
    """Console entry point: builds only the command asked for, so start-up stays cheap."""
    name = sys.argv[1] if len(sys.argv) > 1 else None
    try:
        build_app(name if name in COMMANDS else None)()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
