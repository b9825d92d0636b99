"""Terminal and Markdown views of a comparison: inline diff, 新旧对照表, statistics.

Deleted text is red and struck through, inserted text green and underlined. Without colour
(``--no-color``, ``NO_COLOR``, or output that is not a terminal when asked for plain text) the
marks are spelled out as ``[-deleted-]{+inserted+}``, as ``git diff --word-diff`` does, so the
meaning survives in a file or a pipe.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from lawdiff.compare.comparison import (
    DELETE,
    EQUAL,
    INSERT,
    Comparison,
    Pair,
    Segment,
    SideLine,
    shown_rows,
)
from lawdiff.export import words
from lawdiff.i18n import _, language, ngettext

_STYLE = {DELETE: "red strike", INSERT: "green underline", EQUAL: ""}


def segments_text(segs: Iterable[Segment], *, color: bool) -> Text:
    out = Text()
    for s in segs:
        if s.op == EQUAL:
            out.append(s.text)
        elif color:
            out.append(s.text, style=_STYLE[s.op])
        elif s.op == DELETE:
            out.append(f"[-{s.text}-]")
        else:
            out.append(f"{{+{s.text}+}}")
    return out


def fold(text: Text, width: int | None) -> Text:
    """Break every line at ``width`` cells, character by character (None: leave it whole).

    rich wraps at whitespace only, so a run of Chinese after the U+3000 behind an article label
    would be pushed whole onto the next line; law text breaks anywhere, as it is printed.
    """
    if width is None:
        return text
    width = max(width, 4)
    out = Text()
    for k, line in enumerate(text.split("\n", allow_blank=True)):
        if k:
            out.append("\n")
        offsets, used = [], 0
        for i, ch in enumerate(line.plain):
            w = cell_len(ch)
            if used + w > width:
                offsets.append(i)
                used = 0
            used += w
        out.append_text(Text("\n").join(line.divide(offsets)))
    return out


def pair_heading(p: Pair) -> Text:
    old = "、".join(p.old_labels) or "—"
    new = "、".join(p.new_labels) or "—"
    head = Text()
    head.append(f"{old} → {new}", style="bold")
    rel = _("{relation} {relation_zh}").format(
        relation=p.relation, relation_zh=words.relation(p.relation, "zh")
    )
    head.append("  " + rel)
    if p.old and p.new:
        head.append("  " + _("similarity {value}").format(value=f"{p.similarity:.2f}"), style="dim")
    if p.instructions:
        by = _("{decision}: instruction {numbers}").format(
            decision=p.decision or _("decision"), numbers="、".join(p.instructions)
        )
        head.append("  " + by, style="cyan")
    elif p.source == "similarity" and p.old and p.new:
        head.append("  " + _("(aligned by content)"), style="dim")
    if p.implied:
        head.append(
            "  " + _("references renumbered with the text (not in the decision): {changes}").format(
                changes="、".join(p.implied)
            ),
            style="magenta",
        )
    return head


def _less(width: int | None, n: int) -> int | None:
    return None if width is None else width - n


def _body(p: Pair, *, color: bool, width: int | None) -> list[Text]:
    out = []
    for lp in p.lines:
        mark = " " if lp.old is not None and lp.new is not None else ("-" if lp.new is None else "+")
        body = fold(segments_text(lp.segments, color=color), _less(width, 2))
        for k, piece in enumerate(body.split("\n")):
            line = Text(f"{mark} " if k == 0 else "  ")
            line.append_text(piece)
            out.append(line)
    return out


def _reasons(p: Pair, width: int | None) -> list[Text]:
    out = []
    for r in p.reasons:
        line = Text("  ↳ ", style="dim")
        line.append(f"{r.kind}: ", style="magenta")
        line.append(r.quote)
        if r.basis:
            basis = r.basis if len(r.basis) <= 24 else r.basis[:22] + "…”"
            line.append(f"  [{basis}]", style="dim")
        for k, piece in enumerate(fold(line, _less(width, 4)).split("\n")):
            out.append(piece if k == 0 else Text("    ") + piece)
    return out


def _collapsed(n: int) -> Text:
    text = ngettext("… {n} unchanged article …", "… {n} unchanged articles …", n)
    return Text(text.format(n=n), style="dim")


def summary(cmp: Comparison) -> Text:
    st = cmp.stats()
    t = Text()
    t.append(f"{cmp.law.title}  {cmp.old_rev.id} → {cmp.new_rev.id}", style="bold")
    t.append(f"  ({words.method(cmp.method)})\n")
    t.append(
        _("{old} → {new} articles: {counts}; {removed} characters removed, {added} added").format(
            old=st.old_articles,
            new=st.new_articles,
            counts=words.relation_counts(st.counts),
            removed=st.chars_removed,
            added=st.chars_added,
        )
    )
    for note in cmp.notes:
        t.append("\n" + note, style="yellow")
    for h in cmp.headings:
        if h.relation != "same":
            old = h.old.text if h.old else "—"
            new = h.new.text if h.new else "—"
            line = _("heading {relation}: {old} → {new}").format(
                relation=words.heading_relation(h.relation), old=old, new=new
            )
            t.append("\n" + line)
    for cc in cmp.count_checks:
        t.append("\n" + cc.describe(), style="" if cc.agrees else "yellow")
    return t


def inline_view(
    cmp: Comparison, *, color: bool, width: int | None, show_all: bool = False
) -> RenderableType:
    items: list[RenderableType] = [summary(cmp), Text("")]
    for p in shown_rows(cmp.pairs, show_all):
        if isinstance(p, int):
            items.append(_collapsed(p))
            continue
        items.append(pair_heading(p))
        items.extend(_body(p, color=color, width=width))
        items.extend(_reasons(p, width))
        items.append(Text(""))
    return Group(*items)


def _side(lines: list[SideLine], *, color: bool, width: int) -> Text:
    out = Text()
    for k, sl in enumerate(lines):
        if k:
            out.append("\n")
        if sl.first:
            out.append(sl.article.label + "\u3000", style="bold")
        out.append_text(segments_text(sl.segments, color=color))
    return fold(out, width)


def side_by_side(
    cmp: Comparison, *, color: bool, width: int, show_all: bool = False
) -> RenderableType:
    with_reasons = any(p.reasons for p in cmp.pairs)
    # relation column 8; 4 rules and 2 cells of padding per column (5 and 3 columns with 说明)
    col = max(10, (width - 8 - 5 - 8) // 3 if with_reasons else (width - 8 - 4 - 6) // 2)
    table = Table(show_lines=True, expand=False)
    table.add_column("修改前 " + cmp.old_rev.id, width=col)
    table.add_column("修改后 " + cmp.new_rev.id, width=col)
    table.add_column("", width=8)
    if with_reasons:
        table.add_column("说明", width=col)
    for p in shown_rows(cmp.pairs, show_all):
        if isinstance(p, int):
            table.add_row(_collapsed(p), _collapsed(p), "", *([""] * with_reasons))
            continue
        cells = [
            _side(p.side("old"), color=color, width=col),
            _side(p.side("new"), color=color, width=col),
            words.relation(p.relation, "zh"),
        ]
        if with_reasons:
            why = Text("\n").join(Text(f"{r.kind}：{r.quote}") for r in p.reasons)
            cells.append(fold(why, col))
        table.add_row(*cells)
    return Group(summary(cmp), table)


def stat_view(cmp: Comparison) -> RenderableType:
    st = cmp.stats()
    title = f"{cmp.law.title}  {cmp.old_rev.id} → {cmp.new_rev.id} ({words.method(cmp.method)})"
    table = Table(title=title)
    # English keeps the Chinese term beside each row; in Chinese one column says it
    both = language() != "zh"
    table.add_column(_("relation"))
    if both:
        table.add_column("", justify="left")
    table.add_column(_("articles"), justify="right")
    rows: list[tuple[str, str, str]] = [
        (k, words.relation(k, "zh"), str(n)) for k, n in st.counts.items()
    ]
    rows += [
        (_("characters removed"), "删除字数", str(st.chars_removed)),
        (_("characters added"), "增加字数", str(st.chars_added)),
        (_("articles before / after"), "条数", f"{st.old_articles} / {st.new_articles}"),
    ]
    for rel in ("renamed", "new", "deleted"):
        n = sum(1 for h in cmp.headings if h.relation == rel)
        if n:
            cn = words.heading_relation(rel, "zh")
            rows.append((_("headings {relation}").format(relation=rel), cn, str(n)))
    for label, cn, n_text in rows:
        table.add_row(label, cn, n_text) if both else table.add_row(cn, n_text)
    return table


# ---------------------------------------------------------------- Markdown


def _md_segments(segs: Iterable[Segment]) -> str:
    out = []
    for s in segs:
        text = _md_escape(s.text)
        if s.op == EQUAL:
            out.append(text)
        elif s.op == DELETE:
            out.append(f"<del>{text}</del>")
        else:
            out.append(f"<ins>{text}</ins>")
    return "".join(out)


def _md_escape(text: str) -> str:
    for ch in "\\|*_`[]<>":
        text = text.replace(ch, "\\" + ch)
    return text


def _md_side(lines: list[SideLine]) -> str:
    parts = []
    for sl in lines:
        label = f"**{sl.article.label}**\u3000" if sl.first else ""
        parts.append(label + _md_segments(sl.segments))
    return "<br>".join(parts)


def markdown(cmp: Comparison, *, show_all: bool = False, reasons: bool = False) -> str:
    st = cmp.stats()
    counts = "，".join(f"{words.relation(k, 'zh')} {n}" for k, n in st.counts.items() if n)
    with_reasons = reasons and any(p.reasons for p in cmp.pairs)
    head = f"| 修改前（{cmp.old_rev.id}） | 修改后（{cmp.new_rev.id}） | 变化 |"
    rule = "|---|---|---|"
    if with_reasons:
        head += " 说明 |"
        rule += "---|"
    out = [
        f"# {cmp.law.title} 新旧对照表",
        "",
        f"{cmp.old_rev.id} → {cmp.new_rev.id}；{st.old_articles} 条 → {st.new_articles} 条；{counts}；"
        f"删除 {st.chars_removed} 字，增加 {st.chars_added} 字（对齐方式：{cmp.method}）。",
        "",
        *(f"{_md_escape(cc.describe())}\n" for cc in cmp.count_checks),
        head,
        rule,
    ]
    for p in shown_rows(cmp.pairs, show_all):
        if isinstance(p, int):
            out.append(f"| （{p} 条未修改） | | |" + (" |" if with_reasons else ""))
            continue
        row = f"| {_md_side(p.side('old'))} | {_md_side(p.side('new'))} | {words.relation(p.relation, 'zh')} |"
        if with_reasons:
            row += " " + "<br>".join(
                f"{_md_escape(r.quote)}（{_md_escape(r.kind)}，{_md_escape(r.basis)}）"
                for r in p.reasons
            ) + " |"
        out.append(row)
    return "\n".join(out) + "\n"
