"""From the normalised lines of one consolidated text to its parts: front matter, title, 题注, body.

Every reader (database plain text, .docx, Markdown, plain copies) ends here, so the rules are one:

* the **title** is the one the reader was told (a Markdown ``#`` heading, front matter), else
  the run of short title-like lines right before the 题注 (a title broken over up to four lines
  is joined), else the first title-like line; a version suffix such as ``（2023修正）`` is no
  part of a law's title;
* what precedes the title is **front matter** (a promulgation order, a database's metadata
  block, a breadcrumb) and is not part of the text; so are **metadata lines** between the title
  and the body (公布日期：…, 【发布部门】…) and the title printed again;
* the **题注** is the first line after the title that opens with （ and a date and names an event
  (通过, 公布, 修正, 修订, 批准, 发布, 施行) — when it is wrapped, the lines up to its closing
  bracket, each event joined by U+3000 —, or, without brackets, the run of lines that each
  start with a date (or 根据 and a date) and name an event (one event a line, as Markdown
  collections and web copies print it);
* the body's own rules (目录, broken headings, back matter, glued labels) are in ``body.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import regex

from lawdiff.sources.body import TOC, finish_body
from lawdiff.sources.metadata import is_meta_line
from lawdiff.structure.lines import ARTICLE, is_history_note, numbered_heading

_DATE = r"(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})年"
_FULL_DATE = r"(?:[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)"
NOTE_OPEN = regex.compile(rf"^（{_DATE}")
EVENT_LINE = regex.compile(
    rf"^（?(?:根据|经)?{_FULL_DATE}.{{0,400}}?(?:通过|修正|修订|公布|发布|施行|实施|批准|执行)"
)
_EVENT_START = regex.compile(rf"^(?:根据|经)?{_FULL_DATE}|^自{_FULL_DATE}起")
VERSION_SUFFIX = regex.compile(
    r"（(?:[0-9]{4}年?|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)(?:第[一二三四五六七八九十]+次)?(修正|修订|修改|版)(?:文本|本)?）$"
)


# a document number (法释〔2020〕25号, 国务院令第767号, 第十一号) or an order's heading: front matter
DOC_NUMBER = regex.compile(r"[〔\uff3b\[（(][0-9]{4}[〕\uff3d\]）)]\s*第?[0-9]+号$|^第[0-9零一二三四五六七八九十百千]+号$|令第?[0-9零一二三四五六七八九十百千]+号$")
ORDER = regex.compile(
    r"^(?:中华人民共和国主席令|中华人民共和国国务院令|.{2,20}(?:人民政府令|委员会令|部令|局令|署令)|"
    r"(?:最高人民(?:法院|检察院)|.{2,16}(?:人民政府|委员会|人民代表大会))公告(?:[（(]?第[0-9零一二三四五六七八九十百]+号[）)]?)?)$"
)
VERSION_LINE = regex.compile(r"^（[0-9]{4}年?(?:第[一二三四五六七八九十]+次)?(?:修正|修订|修改)(?:文本|本)?）$")


KEY_VALUE = regex.compile(r"^[\p{Han}]{2,6}[：:][^。；，]{1,40}$")  # 效力：有效 — a label and a value, no sentence


class Parts(NamedTuple):
    front: tuple[str, ...]
    title: str
    title_lines: tuple[str, ...]
    note: str | None
    body: tuple[str, ...]
    meta: tuple[str, ...] = ()  # metadata lines found between the title and the body
    version: str = ""  # 修正 / 修订 when the title carried a version suffix


def split_parts(lines: Sequence[str], *, history: Sequence[str] = (), title: str | None = None) -> Parts:
    """``history``: event lines given apart (Markdown), joined into one 题注 if no note is found;
    ``title``: the title as the reader found it (a Markdown heading, front matter)."""
    lines = list(lines)
    meta: list[str] = []
    if title:
        found = _find_title(lines, title)
        front = lines[: found[0]] if found is not None else []
        title_lines: list[str] = [title]
        i = found[1] if found is not None else 0
    else:
        front, title_lines, i = _title_and_front(lines, meta)
        title = "".join(title_lines)
    i = _skip_meta(lines, i, title, meta)
    note, i = read_note(lines, i)
    if note is None and history:
        note = "（" + "\u3000".join(history) + "）"
    i = _skip_meta(lines, i, title, meta)
    clean, version = strip_version(title)
    body = finish_body(lines[i:])
    return Parts(tuple(front), clean, tuple(title_lines), note, tuple(body), tuple(meta), version)


def strip_version(title: str) -> tuple[str, str]:
    """中华人民共和国民事诉讼法（2023修正） -> (中华人民共和国民事诉讼法, 修正)."""
    m = VERSION_SUFFIX.search(title)
    if not m or m.start() == 0:
        return title, ""
    return title[: m.start()], "" if m.group(1) == "版" else m.group(1)  # （2018年版）: an edition


def _key(line: str) -> str:
    return regex.sub(r"[\s\u3000]", "", strip_version(line)[0])


def _find_title(lines: list[str], title: str) -> tuple[int, int] | None:
    """Where the body prints the title the reader was given (before any article or heading), on
    one line or broken over up to four (宁夏…常务委员会 / 关于实施《…》 / 行政罚款限额的规定):
    (its first line, the line after it)."""
    key = _key(title)
    for i, ln in enumerate(lines[:60]):
        if ARTICLE.match(ln) or numbered_heading(ln):
            return None
        k = _title_at(lines, i, key)
        if k:
            return i, i + k
    return None


def _title_at(lines: list[str], i: int, key: str) -> int:
    """How many lines from ``i`` print the title (one, or up to four it is broken over), or 0."""
    joined = ""
    for k in range(4):
        if i + k >= len(lines):
            return 0
        joined += _key(lines[i + k])
        if joined == key:
            return k + 1
        if not joined or not key.startswith(joined):
            return 0
    return 0


def _skip_meta(lines: list[str], i: int, title: str, meta: list[str]) -> int:
    """Past metadata lines and the title printed again."""
    key = _key(title) if title else None
    while i < len(lines):
        if is_meta_line(lines[i]) or VERSION_LINE.match(lines[i]) or (KEY_VALUE.match(lines[i]) and _before_note(lines, i)):
            meta.append(lines[i])
        elif key is None or not (repeated := _title_at(lines, i, key)):
            break
        else:
            i += repeated - 1
        i += 1
    return i


def _before_note(lines: list[str], i: int) -> bool:
    """A label-and-value line is metadata when only such lines stand between it and the 题注."""
    j = i
    while j < len(lines) and j - i < 12 and (KEY_VALUE.match(lines[j]) or is_meta_line(lines[j])):
        j += 1
    return j < len(lines) and read_note(lines, j)[0] is not None


def read_note(lines: list[str], i: int) -> tuple[str | None, int]:
    """The 题注 starting at line ``i`` (bracketed, possibly wrapped; or bare event lines), and
    the index after it."""
    if i >= len(lines):
        return None, i
    first = lines[i]
    if first.startswith("(") and NOTE_OPEN.match("（" + first[1:]):  # (1996年…通过 / …修正) over lines
        first = "（" + first[1:]
    if first.startswith("（") and (NOTE_OPEN.match(first) or is_history_note(first) or EVENT_LINE.match(first)):
        end, joined = i, first
        while joined.count("（") > joined.count("）") and end + 1 < len(lines) and end - i < 12:
            end += 1
            nxt = lines[end]
            if nxt.endswith(")") and joined.count("（") == joined.count("）") + nxt.count("（") - nxt.count("）") + 1:
                nxt = nxt[:-1] + "）"
            joined += ("\u3000" if _EVENT_START.match(nxt) else "") + nxt
        if is_history_note(joined):
            return joined, end + 1
    if not first.startswith("（") and EVENT_LINE.match(first):
        events: list[str] = []
        while i < len(lines) and EVENT_LINE.match(lines[i]) and not lines[i].endswith("。"):
            events.append(lines[i].rstrip("）"))
            i += 1
        note = "（" + "\u3000".join(events) + "）"
        if is_history_note(note):
            return note, i
    return None, i


def _title_and_front(lines: list[str], meta: list[str]) -> tuple[list[str], list[str], int]:
    """(front matter, title lines, index after the title) of a text whose title is not known."""
    if lines and read_note(lines, 0)[0] is not None:
        return [], [], 0  # the text begins with its 题注: it has no title
    note_at = _find_note(lines)
    if note_at is not None:
        end = note_at
        while end > 0 and (is_meta_line(lines[end - 1]) or VERSION_LINE.match(lines[end - 1]) or KEY_VALUE.match(lines[end - 1])):
            end -= 1  # metadata (or a version line （2018年修正）) between title and 题注
        start = end
        while start > 0 and end - start < 4 and _title_like(lines[start - 1]):
            start -= 1
        if start == end:
            start = max(0, end - 1)
        return lines[:start], lines[start:end] or lines[start : start + 1], end
    start = next((i for i, ln in enumerate(lines) if _title_like(ln)), 0)
    return lines[:start], lines[start : start + 1], start + 1


def _find_note(lines: list[str]) -> int | None:
    """The first line that starts a 题注, when a title-like line comes before it."""
    for i, ln in enumerate(lines[:40]):
        if ARTICLE.match(ln) or numbered_heading(ln) or TOC.match(ln):
            break
        opens = NOTE_OPEN.match(ln) or (ln.startswith("(") and NOTE_OPEN.match("（" + ln[1:]))
        if i and (opens or EVENT_LINE.match(ln)) and read_note(lines, i)[0] is not None:
            return i
    return None


def _title_like(line: str) -> bool:
    if not line or len(line) > 60 or line.endswith(("。", "；", "：", "，")):
        return False
    if line.endswith("）") and not VERSION_SUFFIX.search(line) and not regex.search(r"（[^）]{1,12}）$", line):
        return False
    if ARTICLE.match(line) or numbered_heading(line) or TOC.match(line) or is_meta_line(line):
        return False
    if DOC_NUMBER.search(line) or ORDER.search(line):
        return False
    return not regex.match(rf"^(?:{_DATE}|[（(]|.*：)", line)
