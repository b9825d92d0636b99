"""Self-contained HTML pages: the 新旧对照表 of a comparison and a consolidated text.

Both pages are one file each: inline CSS, no script, no font or image from outside, so they open
offline and print as they show.  Law text is always escaped.  Changes are marked up with ``<del>``
and ``<ins>`` (so they survive without colour: strike-through and underline), and each row of the
对照表 carries its relation as a word (修改, 新增 …) as well as a class.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape as html_escape

from lawdiff.compare.comparison import (
    DELETE,
    INSERT,
    RELATIONS,
    Comparison,
    Pair,
    Reason,
    SideLine,
)
from lawdiff.corpus.timeline import effective_of
from lawdiff.export import words
from lawdiff.structure.model import Article, Law, Revision

FONT_STACK = '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif'

BASE_CSS = f"""
*, *::before, *::after {{ box-sizing: border-box; }}
html {{ -webkit-text-size-adjust: 100%; }}
body {{
  font-family: {FONT_STACK};
  font-size: 16px; line-height: 1.75; color: #1a1a1a; background: #fff;
  max-width: 1200px; margin: 0 auto; padding: 1.5em 1.25em 3em;
}}
h1 {{ font-size: 1.6em; line-height: 1.4; text-align: center; margin: .4em 0 .2em; }}
.subtitle {{ text-align: center; font-size: 1.1em; margin: 0 0 .4em; }}
.note {{ color: #444; margin: .2em 0 1em; }}
.summary {{ color: #333; font-size: .95em; margin: .2em 0 1em; }}
.legend del, .legend ins {{ padding: 0 .2em; }}
del {{ color: #b3261e; background: #fdecea; text-decoration: line-through;
  text-decoration-thickness: .08em; }}
ins {{ color: #0b5a2a; background: #e3f3e8; text-decoration: underline;
  text-underline-offset: .18em; }}
p, li, td, th, h1, h2, h3, blockquote {{ word-break: break-all; overflow-wrap: anywhere; }}
"""

_TABLE_CSS = """
table.duizhao { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.duizhao col.side { width: 50%; }
table.duizhao.with-reasons col.side { width: 38%; }
table.duizhao.with-reasons col.reasons { width: 24%; }
table.duizhao th, table.duizhao td {
  border: 1px solid #9a9a9a; padding: .45em .6em; vertical-align: top; text-align: left;
  word-break: break-all; overflow-wrap: anywhere; min-width: 0;
}
table.duizhao thead th { background: #f0f0f0; text-align: center; font-size: 1.05em; }
table.duizhao td p { margin: 0 0 .35em; text-indent: 2em; }
table.duizhao td p:last-child { margin-bottom: 0; }
table.duizhao .label { font-weight: bold; }
tr.pair.unchanged td { color: #777; }
tr.pair.unchanged td .label { color: #555; }
tr.rel-new td.new, tr.rel-deleted td.old { background: #fafafa; }
tr.rel-new ins, tr.rel-deleted del { background: none; }
tr.chapter td { background: #f6f6f6; font-weight: bold; text-align: center; }
.badge {
  float: right; margin: 0 0 .2em .6em; padding: 0 .35em; font-size: .75em; line-height: 1.6;
  border: 1px solid currentColor; border-radius: .25em; color: #555; text-indent: 0;
  font-weight: normal; white-space: nowrap;
}
.rel-modified .badge, .rel-merged .badge, .rel-split .badge { color: #8a5a00; }
.rel-new .badge { color: #0b5a2a; }
.rel-deleted .badge { color: #b3261e; }
.rel-moved .badge, .rel-renumbered .badge { color: #1f4e99; }
.instr { display: block; font-size: .75em; color: #666; text-indent: 0; text-align: right; }
blockquote.reason { margin: 0 0 .6em; padding: 0 0 0 .6em; border-left: 3px solid #ccc; }
blockquote.reason p { text-indent: 0 !important; margin: 0; }
blockquote.reason footer { font-size: .8em; color: #666; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  table.duizhao thead { display: table-header-group; }
  table.duizhao tr { break-inside: avoid-page; }
  del, ins, tr.rel-new td.new, tr.rel-deleted td.old, table.duizhao thead th { background: none; }
  tr.pair.unchanged td { color: #555; }
}
"""

DOC_CSS = """
body { max-width: 50em; }
h2 { font-size: 1.25em; text-align: center; margin: 1.6em 0 .6em; }
h3 { font-size: 1.1em; text-align: center; margin: 1.2em 0 .5em; }
.preamble p, section.article p { margin: 0 0 .3em; text-indent: 2em; }
section.article { margin: 0 0 .6em; }
section.article .label { font-weight: bold; }
section.article p.item { text-indent: 2em; }
p.prov { text-indent: 0 !important; font-size: .8em; color: #666; margin: .1em 0 .4em 2em; }
table.timeline, table.schedule { border-collapse: collapse; width: 100%; table-layout: fixed;
  margin: .5em 0 1.5em; font-size: .9em; }
table.timeline th, table.timeline td, table.schedule th, table.schedule td {
  border: 1px solid #aaa; padding: .25em .45em; vertical-align: top; text-align: left; }
table.timeline thead th, table.schedule thead th { background: #f0f0f0; }
table.timeline col.date { width: 7.5em; } table.timeline col.kind { width: 6.5em; }
table.timeline col.eff { width: 9em; } table.timeline col.text { width: 6em; }
table.timeline tr.current td { font-weight: bold; background: #fff8e0; }
details.timeline-box summary { cursor: pointer; font-weight: bold; }
@media print { body { max-width: none; padding: 0; font-size: 10.5pt; }
  table.timeline tr.current td { background: none; } }
"""


def esc(text: str) -> str:
    return html_escape(text, quote=True)


def page(title: str, css: str, body: list[str]) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="zh-CN">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="lawdiff">',
            f"<title>{esc(title)}</title>",
            f"<style>{css}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


# ---------------------------------------------------------------- 新旧对照表


def rev_caption(rev: Revision, law: Law | None = None) -> str:
    """``2024-03-28（修订，2024-05-01起施行）``: the revision id with its kind and start."""
    bits = [rev.label or words.revision_kind(rev.kind, "zh")]
    when, approx = effective_of(rev, law)
    if when is not None and not approx:
        bits.append(f"{when.isoformat()}起施行")
    return f"{rev.id}（{'，'.join(bits)}）"


def summary_text(cmp: Comparison) -> str:
    """One line: pairs per relation, articles before/after, characters removed/added, method."""
    st = cmp.stats()
    counts = " · ".join(f"{words.relation(r, 'zh')} {st.counts[r]}" for r in RELATIONS if st.counts.get(r))
    return (
        f"{counts}。修改前 {st.old_articles} 条，修改后 {st.new_articles} 条；"
        f"删去 {st.chars_removed} 字，增加 {st.chars_added} 字。"
        f"{words.method(cmp.method, 'zh')}。"
    )


def labels(arts: Iterable[Article]) -> str:
    return "、".join(a.label for a in arts)


def instructions_text(pair: Pair) -> str:
    """``修改决定第三、五项`` for a pair the decision accounts for, else empty."""
    said = "修改决定第" + "、".join(pair.instructions) + "项" if pair.instructions else ""
    if pair.implied:  # implied by the renumbering, marked apart from what the decision said
        said += ("；" if said else "") + "引用条号随条文顺序调整（" + "、".join(pair.implied) + "）"
    return said


def _segments_html(line: SideLine) -> str:
    out = []
    for seg in line.segments:
        if seg.op == DELETE:
            out.append(f"<del>{esc(seg.text)}</del>")
        elif seg.op == INSERT:
            out.append(f"<ins>{esc(seg.text)}</ins>")
        else:
            out.append(esc(seg.text))
    return "".join(out)


def _side_html(lines: list[SideLine]) -> list[str]:
    out = []
    for line in lines:
        label = (
            f'<strong class="label">{esc(line.article.label)}</strong>\u3000' if line.first else ""
        )
        out.append(f"<p>{label}{_segments_html(line)}</p>")
    return out


def _badge(pair: Pair) -> str:
    word = words.relation(pair.relation, "zh")
    title = f"相似度 {pair.similarity:.0%}" if pair.old and pair.new else word
    return f'<span class="badge" title="{esc(title)}">{esc(word)}</span>'


def _reasons_html(reasons: Sequence[Reason]) -> list[str]:
    out = []
    for r in reasons:
        src = f"《{r.document}》{r.kind}" if r.document else r.kind
        if r.basis:
            src += f"（{r.basis}）"
        out.append(
            f'<blockquote class="reason"><p>{esc(r.quote)}</p><footer>{esc(src)}</footer></blockquote>'
        )
    return out


def _chapter(arts: Sequence[Article]) -> str | None:
    if not arts:
        return None
    a = arts[0]
    return " ".join(x for x in (a.chapter, a.section) if x) or None


def comparison_html(cmp: Comparison, *, reasons: bool = False) -> str:
    """The 新旧对照表 as one self-contained HTML page (one ``<tr>`` per pair)."""
    law = cmp.law
    show_reasons = reasons and any(p.reasons for p in cmp.pairs)
    title = cmp.new_text.title or law.title
    body = [
        "<header>",
        f"<h1>{esc(title)}</h1>",
        f'<p class="subtitle">新旧对照表　修改前 {esc(rev_caption(cmp.old_rev, law))}'
        f" / 修改后 {esc(rev_caption(cmp.new_rev, law))}</p>",
    ]
    if cmp.old_text.title and cmp.old_text.title != title:
        body.append(f'<p class="note">修改前名称：{esc(cmp.old_text.title)}</p>')
    body += [
        f'<p class="summary">{esc(summary_text(cmp))}</p>',
        *(f'<p class="summary counts">{esc(cc.describe())}</p>' for cc in cmp.count_checks),
        '<p class="summary legend">图例：<del>删去的文字</del>　<ins>增加的文字</ins>'
        "　未改动的条文以浅色显示。</p>",
        "</header>",
    ]
    cls = "duizhao with-reasons" if show_reasons else "duizhao"
    body.append(f'<table class="{cls}">')
    body.append('<colgroup><col class="side"><col class="side">')
    if show_reasons:
        body.append('<col class="reasons">')
    body.append("</colgroup>")
    head = '<thead><tr><th scope="col">修改前</th><th scope="col">修改后</th>'
    if show_reasons:
        head += '<th scope="col">说明</th>'
    body.append(head + "</tr></thead>")
    body.append("<tbody>")
    last_old: str | None = None
    last_new: str | None = None
    for pair in cmp.pairs:
        ch_old, ch_new = _chapter(pair.old), _chapter(pair.new)
        if (ch_old and ch_old != last_old) or (ch_new and ch_new != last_new):
            cells = [
                esc(ch_old) if ch_old and ch_old != last_old else "",
                esc(ch_new) if ch_new and ch_new != last_new else "",
            ]
            if show_reasons:
                cells.append("")
            body.append('<tr class="chapter">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        last_old, last_new = ch_old or last_old, ch_new or last_new
        body.append(_pair_row(pair, show_reasons))
    body.append("</tbody></table>")
    return page(f"{title} 新旧对照表", BASE_CSS + _TABLE_CSS, body)


def _pair_row(pair: Pair, show_reasons: bool) -> str:
    classes = ["pair", f"rel-{pair.relation}"]
    if not pair.changed:
        classes.append("unchanged")
    out = [
        f'<tr class="{" ".join(classes)}" data-relation="{esc(pair.relation)}"'
        f' data-old="{esc(labels(pair.old))}" data-new="{esc(labels(pair.new))}">'
    ]
    badge = _badge(pair)
    instr = instructions_text(pair)
    extra = f'<span class="instr">{esc(instr)}</span>' if instr else ""
    old_cell = _side_html(pair.side("old")) if pair.old else []
    new_cell = _side_html(pair.side("new")) if pair.new else []
    if pair.new:
        new_cell = [badge, *new_cell, extra]
    else:
        old_cell = [badge, *old_cell, extra]
    out.append('<td class="old">' + "".join(old_cell) + "</td>")
    out.append('<td class="new">' + "".join(new_cell) + "</td>")
    if show_reasons:
        out.append('<td class="reasons">' + "".join(_reasons_html(pair.reasons)) + "</td>")
    out.append("</tr>")
    return "".join(out)
