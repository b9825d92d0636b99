"""The HTML 新旧对照表 and consolidated text, on the land measures 2020 → 2024.

Structural checks on the markup, then a real headless Chromium (Debian's ``chromium`` and
``chromium-driver``) that loads the page from a file: rows, ``<del>``/``<ins>``, CJK glyphs with
width, and no text overflowing its cell.  A full-page screenshot goes to ``/tmp/duizhao.png``.
"""

from __future__ import annotations

import re
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lawdiff.amend.provenance import blame
from lawdiff.compare.comparison import Comparison, Segment
from lawdiff.corpus.reader import Corpus
from lawdiff.export.html import comparison_html
from lawdiff.export.html_document import document_html
from lawdiff.export.words import relation
from lawdiff.structure.model import Paragraph

from .browser import LAND, LAWS, chromium, chromium_missing, full_page_png, land_comparison
from .conftest import missing_tool


def _rows(html: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []

    class P(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            d = {k: v or "" for k, v in attrs}
            if tag == "tr" and "data-relation" in d:
                rows.append(d)

    P().feed(html)
    return rows


@pytest.fixture(scope="module")
def cmp() -> Comparison:
    return land_comparison()


@pytest.fixture(scope="module")
def page(cmp: Comparison) -> str:
    return comparison_html(cmp)


def test_one_row_per_pair(cmp: Comparison, page: str) -> None:
    rows = _rows(page)
    assert len(rows) == len(cmp.pairs)
    for row, pair in zip(rows, cmp.pairs, strict=True):
        assert row["data-relation"] == pair.relation
        assert row["data-old"] == "、".join(pair.old_labels)
        assert row["data-new"] == "、".join(pair.new_labels)
        assert "unchanged" in row["class"].split() or pair.changed
    assert page.count('class="badge"') == len(cmp.pairs)
    st = cmp.stats()
    for rel, n in st.counts.items():
        if n:
            assert f"{relation(rel, 'zh')} {n}" in page


def test_page_is_self_contained(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in page and '<meta charset="utf-8">' in page
    assert "<script" not in page.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"""(?:src|href)\s*=\s*["'][^"']*http""", page, re.I)
    assert "@import" not in page and "url(" not in page
    assert "table-layout: fixed" in page and "overflow-wrap: anywhere" in page
    assert '"Noto Serif CJK SC"' in page


def test_changes_marked_with_del_and_ins(cmp: Comparison, page: str) -> None:
    table = page[page.index('<table class="duizhao') :]
    assert "<del>" in table and "<ins>" in table
    # the words of 2024 第六条 that 2020 第二条 lacked are inside <ins>, the lost ones in <del>
    pair = next(p for p in cmp.pairs if p.relation != "same" and p.old and p.new)
    for seg in (s for lp in pair.lines for s in lp.segments if s.op != "equal"):
        tag = "del" if seg.op == "delete" else "ins"
        assert f"<{tag}>{seg.text}</{tag}>" in table
    # every label is printed, bold
    for p in cmp.pairs:
        for label in p.old_labels + p.new_labels:
            assert f'<strong class="label">{label}</strong>' in table


def test_unchanged_rows_and_empty_sides(cmp: Comparison, page: str) -> None:
    same = re.findall(r'<tr class="([^"]*)" data-relation="same"', page)
    assert same and all("unchanged" in c for c in same)
    new_row = re.search(r'<tr [^>]*data-relation="new"[^>]*><td class="old">(.*?)</td>', page)
    assert new_row and new_row.group(1) == ""
    gone = re.search(
        r'<tr [^>]*data-relation="deleted"[^>]*><td class="old">.*?</td><td class="new">(.*?)</td>',
        page,
    )
    assert gone and gone.group(1) == ""


def test_law_text_is_escaped(cmp: Comparison) -> None:
    pair = next(p for p in cmp.pairs if p.relation == "modified")
    art = pair.new[0]
    evil = '<script>alert("x")</script> & 1<2'
    para = art.paragraphs[0]
    hacked = art._replace(paragraphs=(Paragraph(para.body + evil, para.items), *art.paragraphs[1:]))
    bad = pair._replace(new=(hacked,), lines=())
    html = comparison_html(cmp._replace(pairs=(bad,)))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "1&lt;2" in html and "&amp;" in html
    # also inside a diff segment
    seg = Segment("insert", "<b>条</b>")
    lp = next(lp for lp in pair.lines if lp.new is not None)._replace(segments=(seg,))
    html = comparison_html(cmp._replace(pairs=(pair._replace(lines=(lp,)),)))
    assert "<ins>&lt;b&gt;条&lt;/b&gt;</ins>" in html


def test_reasons_column_only_when_there_are_reasons(cmp: Comparison) -> None:
    from lawdiff.compare.comparison import Reason

    bare = cmp._replace(pairs=tuple(p._replace(reasons=()) for p in cmp.pairs))
    assert "说明</th>" not in comparison_html(bare, reasons=True)
    i = next(i for i, p in enumerate(bare.pairs) if p.relation == "modified")
    r = Reason(
        "关于《山西省实施〈中华人民共和国土地管理法〉办法（修订草案）》的说明",
        "说明",
        "<引文>",
        "草案第六条",
    )
    pairs = list(bare.pairs)
    pairs[i] = pairs[i]._replace(reasons=(r,))
    linked = bare._replace(pairs=tuple(pairs))
    html = comparison_html(linked, reasons=True)
    assert '<th scope="col">说明</th>' in html and "草案第六条" in html
    assert "&lt;引文&gt;" in html
    assert html.count('<td class="reasons">') == len(pairs)
    assert "说明</th>" not in comparison_html(linked)


def test_document_page_with_timeline_and_provenance() -> None:
    corpus = Corpus(LAWS)
    law = corpus.load_law(LAND)
    rev = law.revision("2020-11-27")
    assert rev is not None
    text = corpus.load_text(law, rev)
    rows = blame(corpus, law, rev, text)
    html = document_html(law, rev, text, blame_rows=rows)
    assert '<html lang="zh-CN">' in html and "<script" not in html
    # every revision of the law in the timeline, the shown one marked
    found = re.findall(r'<tr( class="current")? data-revision="([^"]+)"', html)
    assert [r for _, r in found] == [r.id for r in law.revisions]
    assert [r for c, r in found if c] == ["2020-11-27"]
    assert "2024-05-01" in html  # 2024 revision's effective date
    # articles addressable, chapters as headings
    for art in text.articles:
        assert f'id="art_{art.number}"' in html
    assert '<h2 id="chp_2">第二章\u3000土地利用总体规划</h2>' in html
    assert html.count('class="prov"') == len(text.articles)
    assert "最后修改：2020-11-27" in html
    plain = document_html(law, rev, text, timeline=[])
    assert 'class="timeline"' not in plain and 'class="prov"' not in plain


def test_split_pair_shows_every_article(cmp: Comparison) -> None:
    i = next(i for i, p in enumerate(cmp.pairs) if p.relation == "modified")
    pair = cmp.pairs[i]
    after = cmp.new_text.articles[cmp.new_text.articles.index(pair.new[0]) + 1]
    split = pair._replace(new=(pair.new[0], after), relation="split", lines=())
    html = comparison_html(cmp._replace(pairs=(split,)))
    (row,) = _rows(html)
    assert row["data-relation"] == "split"
    assert row["data-new"] == f"{pair.new[0].label}、{after.label}"
    for art in split.new:
        assert f'<strong class="label">{art.label}</strong>' in html
    assert ">拆分</span>" in html


# ---------------------------------------------------------------- real browser

_DOM_CHECKS = """
const rows = document.querySelectorAll('table.duizhao tr[data-relation]');
const table = document.querySelector('table.duizhao');
const over = [];
for (const el of table.querySelectorAll('td, th, td p')) {
  if (el.scrollWidth > el.clientWidth + 1) {
    over.push([el.tagName, el.scrollWidth, el.clientWidth, el.textContent.slice(0, 30)]);
  }
}
const tableBox = table.getBoundingClientRect();
const probe = document.createElement('span');
probe.style.whiteSpace = 'pre';
document.querySelector('td.new p').appendChild(probe);
probe.textContent = '耕地保护责任目标考核';
const cjk = probe.getBoundingClientRect().width;
probe.textContent = ' ';
const space = probe.getBoundingClientRect().width;
probe.remove();
return {
  rows: rows.length,
  del: table.querySelectorAll('del').length,
  ins: table.querySelectorAll('ins').length,
  over: over,
  cjk: cjk,
  space: space,
  tableRight: tableBox.right,
  viewport: document.documentElement.clientWidth,
  docWidth: document.documentElement.scrollWidth,
  height: document.documentElement.scrollHeight,
  font: getComputedStyle(document.querySelector('td p')).fontFamily,
};
"""


def test_renders_in_headless_chromium(cmp: Comparison, page: str, tmp_path: Path) -> None:
    why = chromium_missing()
    if why:
        missing_tool(why)
    started = time.monotonic()
    html_file = tmp_path / "duizhao.html"
    html_file.write_text(page, encoding="utf-8")
    width = 1280
    with chromium(tmp_path / "profile", width=width) as driver:
        driver.get(html_file.as_uri())
        assert driver.title.endswith("新旧对照表")
        got = driver.execute_script(_DOM_CHECKS)
        assert got["rows"] == len(cmp.pairs)
        assert got["del"] > 0 and got["ins"] > 0
        assert got["space"] > 0 and got["cjk"] > 5 * got["space"], got
        assert got["over"] == [], got["over"][:5]
        assert got["docWidth"] <= got["viewport"], "the page scrolls sideways"
        assert got["tableRight"] <= got["viewport"] + 1
        # narrow window: the fixed layout still wraps every line
        driver.set_window_size(480, 900)
        narrow = driver.execute_script(_DOM_CHECKS)
        assert narrow["over"] == [], narrow["over"][:5]
        driver.set_window_size(width, 900)
        png = full_page_png(driver, width)
    assert png.startswith(b"\x89PNG") and len(png) > 50_000
    shot = tmp_path / "duizhao.png"
    shot.write_bytes(png)
    shutil.copyfile(shot, "/tmp/duizhao.png")
    assert time.monotonic() - started < 120
