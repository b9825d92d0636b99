"""Markdown as law collections write it, down to plain lines: one line a paragraph, no syntax.

The collections seen (formats.md §3, and others): LawRefBook (``# 标题`` + history lines +
``<!-- INFO END -->``), VuePress/Hugo sites (YAML front matter with title and dates, ``::: note``
containers with ``- 1990 年 6 月 28 日 …通过`` bullets, ``**第一条**　`` bold labels, the 题注
as a ``>`` quote over several lines), files converted from the database (``# 标题`` + metadata
bullets + the database's own text, ``## 目录`` with ``- 第一编　总　　则`` bullets), reading
copies with setext headings (``====`` / ``----`` underlines), kramdown attributes, breadcrumb
links, trailing two-space line breaks, ``<br>`` and ``&emsp;`` padding, pipe tables, MediaWiki
links of Wikisource copies (``《[[中华人民共和国水法]]》``, ``[[Category:…]]``), pandoc's plain-text
tables (``pandoc_tables``).

What is removed is syntax only: heading marks, quote marks, bullets, emphasis, links (their
text stays), HTML tags and comments, escapes, fences and container lines.  An ordered-list
number (``1.``) is kept: in a law it is the number of a 目.  Every other character reaches the
shared layout rules as it was written.
"""

from __future__ import annotations

import html
from typing import Any, NamedTuple

import regex

from lawdiff.sources.body import PAGE_LINE  # - 4 - is a page number, not a bullet
from lawdiff.sources.normalize import grid_row, tab_row
from lawdiff.sources.pandoc_tables import pandoc_tables

INFO_END = "<!-- INFO END -->"


class MarkdownDoc(NamedTuple):
    front: dict[str, Any]  # YAML front matter
    head_titles: tuple[str, ...]  # LawRefBook: the # lines before <!-- INFO END -->
    head: tuple[str, ...]  # LawRefBook: its other lines there (one history event a line)
    lines: tuple[str, ...]  # the body, one paragraph a line (raw: not normalised)
    headings: tuple[int, ...]  # indices into ``lines`` of the lines written as headings
    top: tuple[int, ...] = ()  # those written as level-1 headings (# or a ==== underline)


_COMMENT = regex.compile(r"<!--.*?-->", regex.DOTALL)
_FENCE = regex.compile(r"^\s{0,3}(?:`{3,}|~{3,})")
_CONTAINER = regex.compile(r"^\s{0,3}(:{3,})\s*(.*?)\s*$")
_ASIDE = regex.compile(r"^(?:tip|warning|danger|caution|info|details|important|note-box)\b", regex.IGNORECASE)
_TAB_MARK = regex.compile(r"^\s*@tab\b")
_NOTE_LIKE = regex.compile(r"^\s*(?:[-*+>]\s*)*[（(]?\s*(?:根据)?[0-9]{4}\s*年")
_SETEXT = regex.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_RULE = regex.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_TABLE_RULE = regex.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$|^\s*\+(?:[-=:]+\+)+\s*$")  # pipe / grid
_TABLE_ROW = regex.compile(r"^\s*\|.*\|\s*$")
# (a full-width number sign typed among the marks, ``#\uff03 附则``, is a mark too when a space follows)
_ATX = regex.compile(r"^\s{0,3}([#\uff03]{1,6}(?=[ \t\u3000])|#{1,6})(?:[ \t\u3000]+|(?=[^\s#]))(.*?)(?:[ \t]+#+)?\s*$")
_QUOTE = regex.compile(r"^\s*(?:>[ \t]?)+")
_BULLET = regex.compile(r"^[ \t]*[-*+](?:[ \t\u3000]+)")
# an ordered-list number before an article or heading label (1. 第一条　…) is syntax; before
# anything else it is the number of a 目 and stays
_ORDERED_LABEL = regex.compile(r"^[ \t]*[0-9]{1,4}[.)][ \t\u3000]+(?=(?:\*\*|__)?第[^\s]{1,10}?(?:条|章|节|编)(?:之[^\s]{1,3})?(?:\*\*|__)?[\s\u3000])")
_BR = regex.compile(r"<br\s*/?>", regex.IGNORECASE)
_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ENTITY = regex.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_EMSP = regex.compile(r"&emsp;|&#8195;|&#x2003;", regex.IGNORECASE)
_IMAGE = regex.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = regex.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_WIKI_META = regex.compile(r"\[\[\s*(?:Category|分类|分類|File|文件|Image|图像|圖像)\s*:[^\[\]]*\]\]", regex.IGNORECASE)
_WIKI_LINK = regex.compile(r"\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]")
_LINK_DEF = regex.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_AUTOLINK = regex.compile(r"<(?:https?|ftp)://[^>\s]*>|<[^>\s@]+@[^>\s]+>")
_ATTR = r"(?:[.#][A-Za-z][\w-]*|[A-Za-z][\w-]*=(?:\"[^\"]*\"|'[^']*'|[^\s}]+))"
_ATTRS = regex.compile(rf"\{{:[^}}]*\}}|\s*\{{{_ATTR}(?:\s+{_ATTR})*\}}\s*$")
_STRONG = regex.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPH = regex.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])")
_STRIKE = regex.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_ESCAPE = regex.compile(r"\\([!-/:-@\[-`{-~])")
GLUED_HEADING = regex.compile(r"^(第[零一二三四五六七八九十百千]+(?:编|分编|章|节))(?=[^\s\u3000])")
_TOC_MARK = regex.compile(r"^\s*\[{1,2}toc\]{1,2}\s*$|^\s*>\s*\[!\w+\]\s*$", regex.IGNORECASE)


def read_markdown(text: str) -> MarkdownDoc:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front, text = _front_matter(text)
    head: list[str] = []
    head_titles: list[str] = []
    before, marker, after = text.partition(INFO_END)
    if marker:
        found, marks, _ = _plain_lines(before)
        head_titles = [ln for i, ln in enumerate(found) if i in marks]
        head = [ln for i, ln in enumerate(found) if i not in marks]
        text = after
    lines, headings, top = _plain_lines(text)
    return MarkdownDoc(front, tuple(head_titles), tuple(head), tuple(lines), tuple(headings), tuple(top))


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    """``---`` YAML ``---`` (or ``+++`` TOML-like ``+++``) at the top: its keys, and the rest."""
    lines = text.split("\n")
    if not lines or lines[0].strip() not in ("---", "+++"):
        return {}, text
    fence = lines[0].strip()
    end = next((i for i in range(1, min(len(lines), 200)) if lines[i].strip() in (fence, "...")), None)
    if end is None:
        return {}, text
    block = "\n".join(lines[1:end])
    data: Any = None
    if fence == "---":
        import yaml

        try:
            data = yaml.safe_load(block)
        except yaml.YAMLError:
            data = None
    if not isinstance(data, dict):  # TOML, or YAML that does not parse: key: value / key = value
        data = {}
        for ln in lines[1:end]:
            m = regex.match(r"^\s*([A-Za-z_\p{Han}][\w\p{Han}-]*)\s*[:=：]\s*(.*?)\s*$", ln)
            if m:
                data[m.group(1)] = m.group(2).strip("'\"")
    return {str(k): v for k, v in data.items()}, "\n".join(lines[end + 1 :])


def _containers(lines: list[str]) -> list[str]:
    """``::: name`` … ``:::`` containers (VuePress, markdown-it): their fence lines are syntax; a
    tip / warning / details box is the site's commentary (a 目录 of links, a source link) and is
    dropped, except the 题注 some sites put in one (``::: tip 修订信息``). A bare ``:::`` closes the
    outermost open container it can close (and what is nested in it), as markdown-it does."""
    out: list[str] = []
    stack: list[tuple[int, bool]] = []  # (colons, aside)
    for raw in lines:
        m = _CONTAINER.match(raw)
        if m:
            colons, name = len(m.group(1)), m.group(2)
            if name:
                stack.append((colons, bool(_ASIDE.match(name))))
            else:
                k = next((i for i, (c, _) in enumerate(stack) if c <= colons), None)
                if k is not None:
                    del stack[k:]
            continue
        if _TAB_MARK.match(raw):
            continue
        if any(aside for _, aside in stack) and not _NOTE_LIKE.match(raw):
            continue
        out.append(raw)
    return out


def _plain_lines(text: str) -> tuple[list[str], list[int], list[int]]:
    """The paragraphs of a Markdown text without its syntax, and which of them were headings."""
    text = _COMMENT.sub("", text)
    if "<table" in text.lower():
        text = _HTML_TABLE.sub(_html_table, text)
    out: list[str] = []
    headings: list[int] = []
    top: list[int] = []  # level-1 headings
    fenced = False
    prev_blank = True
    for raw in pandoc_tables(_containers(text.split("\n"))):
        if _FENCE.match(raw):
            fenced = not fenced
            continue
        if not raw.strip():
            prev_blank = True
            continue
        if not fenced:
            if _SETEXT.match(raw) and not prev_blank and out and (not headings or headings[-1] != len(out) - 1):
                headings.append(len(out) - 1)  # the line above was a setext heading
                if raw.strip().startswith("="):
                    top.append(len(out) - 1)
                continue
            if _RULE.match(raw) or _TABLE_RULE.match(raw) or _LINK_DEF.match(raw) or _TOC_MARK.match(raw) or PAGE_LINE.match(raw.strip()):
                prev_blank = True
                continue
        prev_blank = False
        line = _QUOTE.sub("", raw) if not fenced else raw
        if _TABLE_ROW.match(line) and not fenced:
            out.append(_table_row(line))
            continue
        heading = False
        m = _ATX.match(line) if not fenced else None
        if m:  # (a stray quote mark inside a heading, '### >第三节', is debris)
            line, heading = m.group(2).lstrip(">").lstrip(), True
            level1 = len(m.group(1)) == 1
        else:
            line = _ORDERED_LABEL.sub("", _BULLET.sub("", line))
            cells = tab_row(line) if "\t" in line.strip() else None
            if cells:  # tab-separated: a table row
                out.append(grid_row(inline(c).strip() for c in cells))
                continue
        for part in _BR.split(line):
            part = inline(part)
            if part.strip(" \t\u3000"):
                if heading:
                    headings.append(len(out))
                    if level1:
                        top.append(len(out))
                    part = GLUED_HEADING.sub("\\1\u3000", part.strip())
                out.append(part)
    return out, headings, top


def inline(text: str) -> str:
    """Inline syntax off: links to their text, tags and emphasis marks gone, entities decoded."""
    if "<" in text:
        text = _AUTOLINK.sub("", text)
        text = _TAG.sub("", text)
    if "[[" in text:  # MediaWiki (Wikisource copies): [[目标|文字]] is 文字, a category link nothing
        text = _WIKI_META.sub("", text)
        text = _WIKI_LINK.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(1), text)
    if "](" in text or "][" in text:
        text = _IMAGE.sub("", text)
        text = _LINK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    if "{" in text:
        text = _ATTRS.sub("", text)
    if "*" in text or "__" in text:
        text = _STRONG.sub(lambda m: m.group(2), text)
        text = _EMPH.sub(lambda m: m.group(1), text)
    if "~~" in text:
        text = _STRIKE.sub(lambda m: m.group(1), text)
    if "\\" in text:
        text = _ESCAPE.sub(lambda m: m.group(1), text).rstrip("\\")
    if "&" in text and _ENTITY.search(text):  # &emsp; is how pages write the ideographic space
        text = html.unescape(_EMSP.sub("\u3000", text))
    return text.rstrip(" \t")


_HTML_TABLE = regex.compile(r"<table\b.*?</table>", regex.IGNORECASE | regex.DOTALL)
_HTML_ROW = regex.compile(r"<tr\b.*?</tr>", regex.IGNORECASE | regex.DOTALL)
_HTML_CELL = regex.compile(r"<t([dh])\b([^>]*)>(.*?)</t\1>", regex.IGNORECASE | regex.DOTALL)
_COLSPAN = regex.compile(r"colspan\s*=\s*[\"']?([0-9]+)", regex.IGNORECASE)


def _html_table(m: regex.Match[str]) -> str:
    """An HTML table (as converters write annex schedules) as pipe rows; a spanned cell once."""
    rows = []
    for tr in _HTML_ROW.findall(m.group(0)):
        cells: list[str] = []
        for cell in _HTML_CELL.finditer(tr):
            text = inline(_BR.sub("", cell.group(3)).replace("\n", "")).strip()
            span = _COLSPAN.search(cell.group(2))
            cells += [text] + [""] * (int(span.group(1)) - 1 if span else 0)
        if cells:
            rows.append(grid_row(cells))
    return "\n" + "\n".join(rows) + "\n"


def _table_row(line: str) -> str:
    inner = line.strip()[1:-1]
    cells = regex.split(r"(?<!\\)\|", inner)
    return grid_row(inline(_BR.sub("", c)).strip() for c in cells)
