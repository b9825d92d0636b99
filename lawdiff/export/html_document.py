"""The consolidated text as one self-contained HTML page: revision timeline, articles, which instruction last changed each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lawdiff.corpus.timeline import effective_of
from lawdiff.export import words
from lawdiff.export.html import BASE_CSS, DOC_CSS, esc, page, rev_caption
from lawdiff.i18n.vocabulary import blame_revision
from lawdiff.structure.model import Annex, Article, Grid, Heading, Law, LawText, Revision, Table

# ---------------------------------------------------------------- consolidated text

if TYPE_CHECKING:  # provenance pulls in the amendment engine; only its row type is needed
    from lawdiff.amend.provenance import Blame


def article_id(art: Article) -> str:
    """eId-like anchor: ``art_3``, ``art_3-1`` for 第三条之一."""
    return f"art_{art.number}" if not art.sub else f"art_{art.number}-{art.sub}"


def _what_cn(what: str) -> str:
    return words.blame_what(what, "zh")


def _decision_title(law: Law, decision: str | None) -> str | None:
    if not decision:
        return None
    for r in law.revisions:
        if r.decision == decision and r.decision_title:
            return r.decision_title
    return decision


def _provenance_html(law: Law, row: Blame) -> str:
    bits = [f"最后修改：{blame_revision(row.revision, row.revision_upper_bound)}"]
    title = _decision_title(law, row.decision)
    if title:
        bits.append(f"《{title}》")
    if row.instructions:
        bits.append("第" + "、".join(row.instructions) + "项")
    if row.what:
        bits.append(_what_cn(row.what))
    if row.old_label and row.old_label != row.article:
        bits.append(f"原{row.old_label}")
    return f'<p class="prov" title="{esc(row.what)}">{esc(" · ".join(bits))}</p>'


def _timeline_html(law: Law, rev: Revision, revisions: Sequence[Revision]) -> list[str]:
    out = [
        '<details class="timeline-box" open><summary>沿革</summary>',
        '<table class="timeline"><colgroup><col class="date"><col class="kind"><col class="eff">'
        '<col class="decision"><col class="text"></colgroup>',
        '<thead><tr><th scope="col">通过日期</th><th scope="col">事件</th>'
        '<th scope="col">施行日期</th><th scope="col">决定 / 会议</th><th scope="col">文本</th></tr></thead>',
        "<tbody>",
    ]
    for r in revisions:
        kind = words.revision_kind(r.kind, "zh")
        event = r.label or kind
        when, approx = effective_of(r, law)
        eff = "—" if when is None else when.isoformat() + ("（按通过日期）" if approx else "")
        decision = (
            r.decision_title or r.decision or (r.session if r.kind == "revised" else "") or "—"
        )
        has = ("推算" if r.derived else "有") if r.text_file else "无"
        cls = ' class="current"' if r.id == rev.id else ""
        adopted = r.adopted.isoformat() if r.adopted else r.id
        out.append(
            f'<tr{cls} data-revision="{esc(r.id)}"><td>{esc(adopted)}</td><td>{esc(event)}</td>'
            f"<td>{esc(eff)}</td><td>{esc(decision)}</td><td>{esc(has)}</td></tr>"
        )
    if law.repealed:
        what = f"废止（{law.repeal_decision}）" if law.repeal_decision else "废止"
        adopted = law.repeal_adopted.isoformat() if law.repeal_adopted else "—"
        out.append(
            f'<tr data-revision="repealed"><td>{esc(adopted)}</td><td>{esc(what)}</td>'
            f"<td>{esc(law.repealed.isoformat())}</td><td>—</td><td>—</td></tr>"
        )
    out += ["</tbody></table></details>"]
    return out


def _article_html(art: Article, prov: str | None) -> list[str]:
    aid = article_id(art)
    out = [f'<section class="article" id="{aid}">']
    for pi, para in enumerate(art.paragraphs, 1):
        pid = f"{aid}__para_{pi}"
        label = f'<strong class="label">{esc(art.label)}</strong>\u3000' if pi == 1 else ""
        out.append(f'<p class="para" id="{pid}">{label}{esc(para.body)}</p>')
        for item in para.items:
            iid = f"{pid}__item_{item.number}"
            out.append(f'<p class="item" id="{iid}">{esc(item.text)}</p>')
            for point in item.points:
                out.append(f'<p class="point" id="{iid}__point_{point.number}">{esc(point.text)}</p>')
    if prov:
        out.append(prov)
    out.append("</section>")
    return out


_HID = {"编": "book", "分编": "subbook", "章": "chp", "节": "sec"}


def _blocks_html(text: LawText, prov: dict[str, str]) -> list[str]:
    """Headings at their own depth (编 h2, 分编 h3, 章 h4 … as far as the text has them)."""
    depth = text.depth()
    body: list[str] = []
    chapter = unnumbered = 0
    for block in text.blocks:
        if not isinstance(block, Heading):
            body.extend(_article_html(block, prov.get(block.label)))
            continue
        tag = f"h{min(6, 1 + depth[block.level])}"
        if not block.numbered:
            unnumbered += 1
            hid = f"heading_{unnumbered}"
        elif block.level == "节":
            hid = f"chp_{chapter}__sec_{block.number}" if chapter else f"sec_{block.number}"
        else:
            if block.level == "章":
                chapter = block.number
            hid = f"{_HID[block.level]}_{block.number}"
        body.append(f'<{tag} id="{hid}">{esc(block.text)}</{tag}>')
    return body


def _annex_html(annex: Annex, number: int) -> list[str]:
    out = [f'<section class="annex" id="annex_{number}">', f"<h2>{esc(annex.label)}</h2>"]
    for part in annex.body:
        if isinstance(part, Grid):
            out.append('<table class="schedule"><tbody>')
            out.extend(
                "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in part.rows
            )
            out.append("</tbody></table>")
        else:
            out.append(f"<p>{esc(part)}</p>")
    out.append("</section>")
    return out


def _schedule_html(table: Table) -> list[str]:
    out = [
        f"<h2>附件：{esc(table.title)}</h2>",
        '<table class="schedule"><thead><tr><th scope="col">税目</th>',
    ]
    out.append(
        "".join(f'<th scope="col">{esc(c)}</th>' for c in table.columns) + "</tr></thead><tbody>"
    )
    for row in table.rows:
        cells = "".join(f"<td>{esc(table.get(row, c) or '—')}</td>" for c in table.columns)
        out.append(f'<tr><th scope="row">{esc(row)}</th>{cells}</tr>')
    out.append("</tbody></table>")
    if table.partial:
        out.append(f'<p class="note">{esc(table.note or "其余税目不在语料库中")}</p>')
    return out


def document_html(
    law: Law,
    rev: Revision,
    text: LawText,
    *,
    blame_rows: Sequence[Blame] | None = None,
    timeline: Sequence[Revision] | None = None,
) -> str:
    """A revision's consolidated text as one self-contained page.

    ``timeline``: the revisions to list in the 沿革 table (default: all of ``law.revisions``;
    pass ``[]`` to leave the table out).  ``blame_rows``: ``provenance.blame()`` rows; each
    article then shows which revision, decision and instruction last changed it.
    """
    revisions = list(law.revisions) if timeline is None else list(timeline)
    prov: dict[str, str] = {}
    for row in blame_rows or ():
        prov[row.article] = _provenance_html(law, row)
    title = text.title or law.title
    body = ["<header>", f"<h1>{esc(title)}</h1>"]
    if text.note:
        body.append(f'<p class="note">{esc(text.note)}</p>')
    body.append(f'<p class="subtitle">文本：{esc(rev_caption(rev, law))}</p>')
    body.append("</header>")
    if revisions:
        body.extend(_timeline_html(law, rev, revisions))
    body.append("<main>")
    if text.preamble:
        body.append('<div class="preamble">')
        body.extend(f"<p>{esc(p)}</p>" for p in text.preamble)
        body.append("</div>")
    body.extend(_blocks_html(text, prov))
    if text.notes:
        body.append('<aside class="notes">')
        body.extend(f"<p>{esc(n)}</p>" for n in text.notes)
        body.append("</aside>")
    for i, annex in enumerate(text.annexes, start=1):
        body.extend(_annex_html(annex, i))
    for table in text.tables:
        body.extend(_schedule_html(table))
    body.append("</main>")
    return page(title, BASE_CSS + DOC_CSS, body)
