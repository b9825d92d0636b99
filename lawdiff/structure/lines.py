"""What one line of a (normalised) law text is: heading, article start, item, 目, note, annex start.

Shared by the canonical-text reader (``parse.py``) and the import readers, which hand it lines
already normalised (full-width brackets, one U+3000 after a label), so the rules are the same
for a stored text and for the text it was imported from.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

import regex

CN = "零一二三四五六七八九十百千"
ARTICLE = regex.compile(rf"^第([{CN}]+)条(?:之([{CN}]+))?[\u3000 ]+(.*)$")
ARTICLE_BARE = regex.compile(rf"^第([{CN}]+)条(?:之([{CN}]+))?$")  # a label alone on its line
HEADING = regex.compile(rf"^第([{CN}]+)(编|分编|章|节)(?:[\u3000 ]+(.*))?$")
UNNUMBERED = regex.compile(r"^(?:总|分|附|通)[\u3000 ]*则$")
PREAMBLE_HEAD = regex.compile(r"^序[\u3000 ]*言$")
GROUP = regex.compile(r"^([一二三四五六七八九十]+)、([^。；，：]{1,30})$")
SUBGROUP = regex.compile(rf"^（([{CN}]+)）([^。；，：]{{1,30}})$")
ITEM = regex.compile(rf"^（([{CN}]+)）(.*)$")
POINT_DOT = regex.compile(r"^([0-9]{1,3})．(.*)$")
POINT_PAREN = regex.compile(r"^（([0-9]{1,3})）(.*)$")
CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474))
NOTE_LINE = regex.compile(rf"^[{CIRCLED}]\u3000")
ANNEX_MARK = regex.compile(
    rf"^(?:附件|附表|附录|附图)[{CN}0-9]*(?:[：:].*)?$|^(?:附件|附表|附图)[{CN}0-9]*\s?.{{1,50}}$"
    rf"|^附[：:]?$|^附[：:].{{1,58}}$"
)
TABLE_TITLE = regex.compile(
    r"^[^。；，：、]{2,40}(?:(?<![代发])表|清单|目录|式样|示意图)[一二三四五六七八九十0-9]*(?:（[^）]{1,20}）)?$"
)
GRID_ROW = regex.compile(r"^\|.*\|$")
_DATE = r"(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})年"
HISTORY_NOTE = regex.compile(
    rf"^（(?:{_DATE}.*|.*{_DATE}.*(?:通过|修正|修订|批准|公布|发布|施行|执行).*)）[{CIRCLED}]?$"
)
TERMINAL = ("。", "；", "：", "，", "！", "？")


def numbered_heading(line: str) -> regex.Match[str] | None:
    """第X编/分编/章/节 (a short line that does not read like a sentence; a stray 。 at the end of
    a short title is tolerated: 第五节　生活、卫生。)."""
    m = HEADING.match(line)
    if not m or len(line) > 80:
        return None
    if len(line) > 40 and regex.search(r"[。；：！？]", line):
        return None  # a long title is a heading only when it is not a sentence
    if line.endswith(TERMINAL):
        title = (m.group(3) or "")[:-1]
        if len(line) > 20 or not title or regex.search(r"[。；，：！？]", title):
            return None
    return m


def is_history_note(line: str) -> bool:
    """The 题注 under a title: （…）, opening with a date or naming an event with its date."""
    return len(line) < 3000 and bool(HISTORY_NOTE.match(line))


def is_group_heading(lines: Sequence[str], i: int) -> bool:
    """一、一般规定 — a heading of a judicial interpretation when an article follows it."""
    if not GROUP.match(lines[i]):
        return False
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    if SUBGROUP.match(nxt):  # 三、关于担保物权 / （一）担保合同与担保物权的效力 / 第…条
        nxt = lines[i + 2] if i + 2 < len(lines) else ""
    return bool(ARTICLE.match(nxt) or ARTICLE_BARE.match(nxt))


def is_subgroup_heading(lines: Sequence[str], i: int, grouped: bool) -> bool:
    """（一）担保合同与担保物权的效力 — the second heading level of a judicial interpretation
    (only in a text that has 一、 groups, and only when an article follows)."""
    if not grouped or not SUBGROUP.match(lines[i]):
        return False
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    return bool(ARTICLE.match(nxt) or ARTICLE_BARE.match(nxt))


def is_annex_start(line: str) -> bool:
    """附件一 / 附： / 附表 / 附件：…清单, or a table title printed without a marker."""
    if len(line) > 60 or line.endswith(("。", "；", "，")):
        return False
    if ANNEX_MARK.match(line):
        return True
    return bool(TABLE_TITLE.match(line)) and not numbered_heading(line)


def is_note(line: str, seen: Container[str]) -> bool:
    """① … : an editorial footnote — separated by U+3000, or its marker appeared before."""
    if not line or line[0] not in CIRCLED:
        return False
    return bool(NOTE_LINE.match(line)) or line[0] in seen


def grid_cells(line: str) -> tuple[str, ...]:
    """``| a | b |`` -> ("a", "b"); ``\\|`` is a literal bar inside a cell."""
    inner = line.strip()[1:-1]
    cells = regex.split(r"(?<!\\)\|", inner)
    return tuple(c.strip().replace("\\|", "|") for c in cells)


def point_match(line: str) -> tuple[str, int, str, str] | None:
    """(style, number, label, body) of a 目 / Arabic-numbered line."""
    m = POINT_DOT.match(line)
    if m:
        return ("dot", int(m.group(1)), f"{m.group(1)}．", m.group(2))
    m = POINT_PAREN.match(line)
    if m:
        return ("paren", int(m.group(1)), f"（{m.group(1)}）", m.group(2))
    return None
