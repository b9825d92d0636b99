"""The body of a consolidated text, after its title and 题注: the rules every reader shares.

* the **目录** block (目　　录 / 目录 and its entries, headings, annexes, page numbers) is dropped:
  it ends where its first entry comes again in the body;
* a **heading broken over two lines** (第二节　向中华人民共和国请求没收、 / 返还违法所得及其他涉案财物,
  as the database prints long headings) is joined when the 目录 has it whole, or when the first
  line cannot end a heading (、 和 及 与 或);
* **page numbers** on their own lines (- 4 -, 第4页 共21页) are print furniture, not text;
* the **back matter** of a circulated document (送：…, …办公厅2019年8月20日印) and **page
  furniture** (打印, 关闭窗口, 来源：…, bare URLs) after the text are not part of it;
* an article label printed without a separator (第一条为了…) gets its U+3000 when its number
  is the one expected next; a label alone on its line joins the paragraph that follows it (and a 之一 alone on the
  line after the label joins the label first).

A body without a 编/章/节 its 目录 announces is a text cut short: refused.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from lawdiff.i18n import _
from lawdiff.sources.metadata import is_furniture
from lawdiff.structure.lines import (
    ARTICLE,
    ARTICLE_BARE,
    GROUP,
    ITEM,
    PREAMBLE_HEAD,
    UNNUMBERED,
    is_annex_start,
    numbered_heading,
)
from lawdiff.structure.numerals import NumeralError, int_to_cn, to_int

CN = "零一二三四五六七八九十百千"
TOC = regex.compile(r"^目[\u3000 ]*录[：:]?$")
_GLUED = regex.compile(rf"^(第([{CN}]+|[0-9]{{1,4}})条(?:之[{CN}]+)?)(?:[：:、.．]|(?=[\p{{Han}}“《（【]))")
_NOT_TEXT_START = "规的和及或至、第款项中之"
_OPEN_END = ("、", "和", "及", "与", "或", "的", "，")
_PAGE_NO = regex.compile(r"[.…·．\s\u3000]*[0-9]+$")
# a page number printed on its own line (- 4 -, —4—, 第4页, 第4页 共21页), as documents converted
# from print carry them between paragraphs and at the end
PAGE_LINE = regex.compile(r"^[-—－–―]\s*[0-9]{1,4}\s*[-—－–―]$|^第\s*[0-9]{1,4}\s*页(?:\s*[，,/]?\s*共\s*[0-9]{1,4}\s*页)?$")


def finish_body(lines: Sequence[str]) -> list[str]:
    lines = _drop_furniture([ln for ln in lines if not PAGE_LINE.match(ln)])
    body, toc = drop_toc(lines)
    body = _repair_labels(_drop_back_matter(_join_wrapped_headings(body, toc)))
    toc_heads = [e for e in (_entry(ln) for ln in toc) if numbered_heading(e)]
    if toc_heads:
        from lawdiff.errors import SuspiciousInputError
        from lawdiff.structure.checks import missing_from_toc

        problem = missing_from_toc(toc_heads, [_entry(ln) for ln in body if is_heading_like(ln)])
        if problem:
            raise SuspiciousInputError(_("{problem}; nothing was stored").format(problem=problem))
    return body


def toc_key(line: str) -> str:
    """A 目录 entry or heading as compared: no spaces, no page number, no trailing （…）."""
    return regex.sub(r"[\s\u3000]", "", _entry(line))


def _entry(line: str) -> str:
    """A 目录 entry without its page number and trailing （…）."""
    return regex.sub(r"[（(][^）)]*[）)]$", "", _PAGE_NO.sub("", line.strip()))


def is_heading_like(line: str) -> bool:
    return bool(
        numbered_heading(line) or UNNUMBERED.match(line) or PREAMBLE_HEAD.match(line) or GROUP.match(line)
    )


def _toc_entry_like(line: str) -> bool:
    if is_heading_like(line) or is_heading_like(_PAGE_NO.sub("", line)) or is_annex_start(line):
        return True
    return len(line) <= 40 and not ARTICLE.match(line) and not line.endswith(("。", "；", "："))


def drop_toc(lines: list[str]) -> tuple[list[str], list[str]]:
    """(the lines without the 目录 block, the block's entries)."""
    at = next((i for i, ln in enumerate(lines[:8]) if TOC.match(ln)), None)
    if at is None or at + 1 >= len(lines):
        return lines, []
    first = toc_key(lines[at + 1])
    stop = next((i for i in range(at + 1, len(lines)) if ARTICLE.match(lines[i])), len(lines))
    end = next((j for j in range(at + 2, stop) if toc_key(lines[j]) == first), None)
    if end is not None and all(_toc_entry_like(ln) for ln in lines[at + 1 : end]):
        return lines[:at] + lines[end:], lines[at + 1 : end]
    head = numbered_heading(lines[at + 1])
    if head:  # the entries are worded otherwise than the headings: the first one's label again
        same = (head.group(1), head.group(2))
        end = next((j for j in range(at + 2, stop) if (m := numbered_heading(lines[j])) and (m.group(1), m.group(2)) == same), None)
        if end is not None and all(_toc_entry_like(ln) for ln in lines[at + 1 : end]):
            return lines[:at] + lines[end:], lines[at + 1 : end]
        return lines[:at] + lines[at + 1 :], []  # a 目录 title over no entries (a site's [[TOC]])
    j = at + 2  # the entries are headings, and the last one is followed by the body's first
    while j + 1 < len(lines) and is_heading_like(lines[j]) and toc_key(lines[j]) != first and is_heading_like(lines[j + 1]):
        j += 1
    return lines[:at] + lines[j:], lines[at + 1 : j]


def _join_wrapped_headings(lines: list[str], toc: list[str]) -> list[str]:
    whole = {toc_key(t) for t in toc}
    out: list[str] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        head = numbered_heading(ln)
        if head and nxt and not head.group(3) and _titles(nxt):  # 第一章 / 总　　则 on two lines
            out.append(ln + "\u3000" + nxt)
            i += 2
            continue
        if head and nxt and _continues(ln, nxt, whole):
            out.append(ln + nxt)
            i += 2
            continue
        out.append(ln)
        i += 1
    return out


def _titles(nxt: str) -> bool:
    """The line after a bare 第一章 that is its title (not an article, item or other heading)."""
    if len(nxt) > 40 or ARTICLE.match(nxt) or ARTICLE_BARE.match(nxt) or numbered_heading(nxt) or ITEM.match(nxt):
        return False
    return not nxt.endswith(("。", "；", "：", "，")) and not TOC.match(nxt)


def _continues(heading: str, nxt: str, whole: set[str]) -> bool:
    if len(nxt) > 30 or ARTICLE.match(nxt) or ARTICLE_BARE.match(nxt) or is_heading_like(nxt) or ITEM.match(nxt):
        return False
    if nxt.endswith(("。", "；", "：", "，")):
        return False
    key = toc_key(heading)
    if whole and key not in whole:
        return toc_key(heading + nxt) in whole
    return not whole and heading.endswith(_OPEN_END)


_BACK = regex.compile(
    r"^(?:抄送|送|主送)[：:]|(?:办公厅|办公室|秘书处|秘书局)[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日印(?:发)?$"
)


def _drop_back_matter(lines: list[str]) -> list[str]:
    """A distribution list (送：…) and the printing line (…办公厅2019年8月20日印) after the last
    article belong to the circulated document, not to the law."""
    last_article = max((i for i, ln in enumerate(lines) if ARTICLE.match(ln)), default=-1)
    for i in range(last_article + 1, len(lines)):
        if _BACK.search(lines[i]) and all(len(ln) <= 60 for ln in lines[i:]):
            return lines[:i]
    return lines


def _drop_furniture(lines: list[str]) -> list[str]:
    """Web-page and database furniture at the end (来源：…, 打印, 关闭窗口, a bare URL)."""
    end = len(lines)
    while end and is_furniture(lines[end - 1]):
        end -= 1
    return lines[:end]


def _repair_labels(lines: list[str]) -> list[str]:
    """第一条为了… (no separator) and a label alone on its line (第一条 / 为了…) become 第一条　为了…
    when the number is the one expected next."""
    out: list[str] = []
    expected = None
    lines = list(lines)
    for i, ln in enumerate(lines):
        bare = ARTICLE_BARE.match(ln)
        if bare and not bare.group(2) and i + 1 < len(lines) and _SUB_ALONE.match(lines[i + 1]):
            lines[i + 1] = ln + lines[i + 1]  # 第十七条 / 之一 / 【…】已满七十五周岁的人…
            continue
        if (
            bare
            and i + 1 < len(lines)
            and lines[i + 1]
            and not (ARTICLE.match(lines[i + 1]) or numbered_heading(lines[i + 1]) or is_annex_start(lines[i + 1]))
        ):
            lines[i + 1] = ln + "\u3000" + lines[i + 1]
            continue
        ln = lines[i]
        m = ARTICLE.match(ln)
        if m:
            if not m.group(2):
                expected = _safe_int(m.group(1))
        else:
            g = _GLUED.match(ln)  # 第一条为了… / 第一条：为了… (a colon or 、 for the separator)
            if g and g.end() < len(ln) and not _reference(ln[g.end() :]):
                n = int(g.group(2)) if g.group(2).isdigit() else _safe_int(g.group(2))
                if n is not None and ((expected is None and n == 1) or (expected is not None and n == expected + 1)):
                    label = g.group(1).replace(g.group(2), int_to_cn(n), 1) if g.group(2).isdigit() else g.group(1)
                    ln = label + "\u3000" + ln[g.end() :]
                    expected = n
        out.append(ln)
    return out


_SUB_ALONE = regex.compile(rf"^之[{CN}]+$")
_CITED = regex.compile(rf"^第[{CN}]+[款项目条编章节]|^之[{CN}]+")


def _reference(rest: str) -> bool:
    """What follows 第X条 continues a citation (第三条第二款规定的…, 第三条的规定…), not a text."""
    return rest[0] in _NOT_TEXT_START and (rest[0] != "第" or bool(_CITED.match(rest)))


def _safe_int(text: str) -> int | None:
    try:
        return to_int(text)
    except NumeralError:
        return None
