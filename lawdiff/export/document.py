"""A revision's text as plain text or Markdown, with its header line."""

from __future__ import annotations

from lawdiff.structure.model import Annex, Article, Grid, Heading, LawText, Table


def header_line(law_id: str, reason: str) -> str:
    return f"[{law_id}] {reason}"


def as_text(text: LawText, articles: list[Article] | None = None) -> str:
    """Title, history note, headings and one paragraph per line (the corpus format)."""
    if articles is not None:
        return "\n".join(line for a in articles for line in a.lines()) + "\n"
    lines = text.lines()
    for table in text.tables:
        lines.extend(table_lines(table))
    return "\n".join(lines) + "\n"


def as_markdown(text: LawText, articles: list[Article] | None = None, subtitle: str = "") -> str:
    out: list[str] = []
    if articles is None:
        out.append(f"# {text.title}")
        if text.note:
            out.append(f"> {text.note}")
        if subtitle:
            out.append(f"*{subtitle}*")
        out.extend(text.preamble)
        depth = text.depth()  # 编 ##, 分编 ###, 章 ####, … as far as the text has them
        for block in text.blocks:
            if isinstance(block, Heading):
                out.append(f"{'#' * min(6, 1 + depth[block.level])} {block.text}")
            else:
                out.extend(_md_article(block))
        out.extend(text.notes)
        for annex in text.annexes:
            out.extend(_md_annex(annex))
        for table in text.tables:
            out.extend(_md_table(table))
    else:
        for art in articles:
            out.extend(_md_article(art))
    return "\n\n".join(out) + "\n"


def _md_annex(annex: Annex) -> list[str]:
    out = [f"**{annex.label}**"]
    for part in annex.body:
        out.append(md_grid(part) if isinstance(part, Grid) else part)
    return out


def md_grid(grid: Grid) -> str:
    """A table as Markdown: the first row is the header (as printed)."""
    width = max(len(r) for r in grid.rows)
    rows = [(*r, *("",) * (width - len(r))) for r in grid.rows]
    cells = [[c.replace("|", "\\|") for c in r] for r in rows]
    head = "| " + " | ".join(cells[0]) + " |"
    rule = "|" + "---|" * width
    return "\n".join([head, rule, *("| " + " | ".join(r) + " |" for r in cells[1:])])


def _md_article(art: Article) -> list[str]:
    lines = art.lines()
    first = lines[0][len(art.label) :].lstrip("\u3000")
    return [f"**{art.label}**\u3000{first}", *lines[1:]]


def table_lines(table: Table) -> list[str]:
    out = [f"附件：{table.title}"]
    out.append("\t".join(["税目", *table.columns]))
    for row in table.rows:
        out.append("\t".join([row, *((table.get(row, c) or "—") for c in table.columns)]))
    if table.partial:
        out.append(f"（{table.note or '其余税目不在语料库中'}）")
    return out


def _md_table(table: Table) -> list[str]:
    head = "| 税目 | " + " | ".join(table.columns) + " |"
    rule = "|" + "---|" * (len(table.columns) + 1)
    rows = [
        "| " + " | ".join([row, *((table.get(row, c) or "—") for c in table.columns)]) + " |"
        for row in table.rows
    ]
    out = [f"**附件：{table.title}**", "\n".join([head, rule, *rows])]
    if table.partial:
        out.append(f"*{table.note or '其余税目不在语料库中'}*")
    return out
