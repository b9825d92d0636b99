"""From the normalised lines of one consolidated text to its parts: front matter, title, 题注, body.

Every reader (database plain text, .docx, Markdown, plain copies) ends here, so the rules are one:

* the **题注** is the first line that opens with （ and a date and names an event (通过, 公布,
  修正, 修订, 批准, 发布, 施行); when it is wrapped, the lines up to its closing bracket;
* the **title** is the run of short title-like lines right before the 题注 (a title broken over
  up to four lines is joined); without a 题注, the first title-like line;
* what precedes the title is **front matter** (a promulgation order, a database's metadata
  block) and is not part of the text;
* the **目录** block (目　　录 and the heading lines under it) is dropped: the headings come again
  in the body;
* an article label printed without a separator (第一条为了…) gets its U+3000 when its number
  is the one expected next.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import regex

from lawdiff.structure.lines import (
    ARTICLE,
    ARTICLE_BARE,
    GROUP,
    PREAMBLE_HEAD,
    UNNUMBERED,
    is_history_note,
    numbered_heading,
)
from lawdiff.structure.numerals import NumeralError, to_int

CN = "零一二三四五六七八九十百千"
_DATE = r"(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})年"
NOTE_OPEN = regex.compile(rf"^（{_DATE}")
TOC = regex.compile(r"^目[\u3000 ]*录$")
_GLUED = regex.compile(rf"^(第([{CN}]+)条(?:之[{CN}]+)?)(?=[\p{{Han}}“《（])")
_NOT_TEXT_START = "规的和及或至、第款项中之"


class Parts(NamedTuple):
    front: tuple[str, ...]
    title: str
    title_lines: tuple[str, ...]
    note: str | None
    body: tuple[str, ...]


def split_parts(lines: Sequence[str], *, history: Sequence[str] = ()) -> Parts:
    """``history``: event lines given apart (Markdown), joined into one 题注 if no note is found."""
    lines = list(lines)
    note_at, note_end = _find_note(lines)
    if note_at is not None:
        start = _title_start(lines, note_at)
        title_lines = lines[start:note_at]
        note = "".join(lines[note_at : note_end + 1])
        body_from = note_end + 1
    else:
        start = next((i for i, ln in enumerate(lines) if _title_like(ln)), 0)
        title_lines = lines[start : start + 1]
        note = None
        body_from = start + 1
    if note is None and history:
        note = "（" + "\u3000".join(history) + "）"
    if note is None and body_from < len(lines) and is_history_note(lines[body_from]):
        note = lines[body_from]  # a 题注 that does not open with its date
        body_from += 1
    body = finish_body(lines[body_from:])
    return Parts(
        tuple(lines[:start]), "".join(title_lines), tuple(title_lines), note, tuple(body)
    )


def finish_body(lines: Sequence[str]) -> list[str]:
    """Drop the 目录 block and the back matter, give glued article labels their U+3000.

    A body without a 编/章/节 its 目录 announces is a text cut short: refused.
    """
    body = _repair_labels(_drop_back_matter(_drop_toc(list(lines))))
    toc = _toc_headings(list(lines))
    if toc:
        from lawdiff.errors import SuspiciousInputError
        from lawdiff.structure.checks import missing_from_toc

        problem = missing_from_toc(toc, [_toc_key(ln) for ln in body if _is_heading_like(ln)])
        if problem:
            raise SuspiciousInputError(f"{problem}; nothing was stored")
    return body


def _toc_headings(lines: list[str]) -> list[str]:
    """The numbered 编/章/节 headings listed under 目录 (page numbers and leaders dropped)."""
    removed = len(lines) - len(_drop_toc(lines))
    if not removed:
        return []
    at = next(i for i, ln in enumerate(lines) if TOC.match(ln))
    block = lines[at : at + removed]
    return [_toc_key(ln) for ln in block if numbered_heading(_toc_key(ln))]


def _toc_key(line: str) -> str:
    return regex.sub(r"[.…·．\s\u3000]*[0-9]+$|[（(][^）)]*[）)]$", "", line.strip())


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


def _find_note(lines: list[str]) -> tuple[int | None, int]:
    for i, ln in enumerate(lines[:40]):
        if ARTICLE.match(ln) or numbered_heading(ln):
            break
        if not NOTE_OPEN.match(ln):
            continue
        end = i
        joined = ln
        while joined.count("（") > joined.count("）") and end + 1 < len(lines) and end - i < 12:
            end += 1
            joined += lines[end]
        if is_history_note(joined):
            return i, end
    return None, -1


def _title_like(line: str) -> bool:
    if not line or len(line) > 60 or line.endswith(("。", "；", "：", "，", "）")):
        return False
    if ARTICLE.match(line) or numbered_heading(line) or TOC.match(line):
        return False
    return not regex.match(rf"^(?:{_DATE}|第[0-9]+号|[（(]|.*：)", line)


def _title_start(lines: list[str], note_at: int) -> int:
    start = note_at
    while start > 0 and note_at - start < 4 and _title_like(lines[start - 1]):
        start -= 1
    return start if start < note_at else max(0, note_at - 1)


def _is_heading_like(line: str) -> bool:
    return bool(
        numbered_heading(line) or UNNUMBERED.match(line) or PREAMBLE_HEAD.match(line) or GROUP.match(line)
    )


def _key(line: str) -> str:
    return regex.sub(r"[\s\u3000]", "", line)


def _drop_toc(lines: list[str]) -> list[str]:
    for i, ln in enumerate(lines[:5]):
        if not TOC.match(ln):
            continue
        j = i + 1
        first = _key(lines[j]) if j < len(lines) else ""
        j += 1
        while (
            j + 1 < len(lines)
            and _is_heading_like(lines[j])
            and _key(lines[j]) != first
            and _is_heading_like(lines[j + 1])
        ):
            j += 1
        return lines[:i] + lines[j:]
    return lines


def _repair_labels(lines: list[str]) -> list[str]:
    """第一条为了… (no separator) and a label alone on its line (第一条 / 为了…) become 第一条　为了…
    when the number is the one expected next."""
    out: list[str] = []
    expected = None
    lines = list(lines)
    for i, ln in enumerate(lines):
        bare = ARTICLE_BARE.match(ln)
        if bare and i + 1 < len(lines) and not ARTICLE.match(lines[i + 1]) and lines[i + 1]:
            lines[i + 1] = ln + "\u3000" + lines[i + 1]
            continue
        ln = lines[i]
        m = ARTICLE.match(ln)
        if m:
            if not m.group(2):
                expected = _safe_int(m.group(1), None)
        else:
            g = _GLUED.match(ln)
            if g and ln[g.end()] not in _NOT_TEXT_START:
                n = _safe_int(g.group(2), None)
                if n is not None and ((expected is None and n == 1) or (expected is not None and n == expected + 1)):
                    ln = g.group(1) + "\u3000" + ln[g.end() :]
                    expected = n
        out.append(ln)
    return out


def _safe_int(text: str, sub: str | None) -> int | None:
    if sub:
        return None
    try:
        return to_int(text)
    except NumeralError:
        return None
