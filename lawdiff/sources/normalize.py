"""The one normalisation of law text, applied by every reader before anything is stored.

Two profiles share the tables and the order of the steps:

* ``gazette``: text extracted from the gazette PDFs, where *every* ASCII mark stands for a
  Chinese one (the extraction turned 。，；：（） into . , ; : ( )), so they are mapped
  unconditionally (``clean.py`` rule 5);
* ``text`` (the default): databases, Markdown collections and copies, where ASCII marks are
  debris only in Chinese context: ``1,000``, ``10:30``, ``2.5``, ``ISO 9001`` and Latin
  ``(a)`` stay as they are.

Both: zero-width and padding code points go, full-width digits become ASCII, the private-use
code points of the gazette fonts and «»‹› become their marks, an article or heading label is
followed by exactly one U+3000, spaces between CJK characters go (a space stays only between two
Latin letters or digits).  NFKC is never used: it would rewrite ，（）：；％ (STYLE.md §3.2).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

PUA_DOT = "\U001001b0"
PUA_MIDDOT = "\U00100170"
CN_NUM = "零一二三四五六七八九十百千"

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_DROP = str.maketrans(dict.fromkeys(INVISIBLE))
_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t\r", " "))
_MARKS = str.maketrans({"«": "《", "»": "》", "‹": "〈", "›": "〉", PUA_MIDDOT: "·"})
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# one pass for the context-free mappings (their keys and values are disjoint, so order is moot)
_CONTEXT_FREE = str.maketrans(
    {**dict.fromkeys(map(ord, INVISIBLE)), **_SPACES, **_MARKS, **FULLWIDTH_DIGITS}
)
_GAZETTE_PUNCT = str.maketrans(
    {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
)
_CJK = r"\p{Han}\u3000-\u303f\uff00-\uffef“”‘’《》〈〉、—…·"

LABEL_SEP = regex.compile(rf"^(第[{CN_NUM}]+条(?:之[{CN_NUM}]+)?)[ \u3000]+")
HEADING_SEP = regex.compile(rf"^(第[{CN_NUM}]+(?:编|分编|章|节))[ \u3000]+(?=\S)")
_SPACE = regex.compile(r"(?<![A-Za-z0-9]) +| +(?![A-Za-z0-9])")
_SPACE_CJK = regex.compile(rf"(?<=[{_CJK}]) +| +(?=[{_CJK}])")
NOTE_MARK = regex.compile(r"^([\u2460-\u2473])[ \u3000]+")
_FULL_STOP = regex.compile(r"(?<![0-9])\.|\.(?![0-9])")
_DECIMAL = regex.compile(rf"(?<=[0-9])[{PUA_DOT}．](?=[0-9])")
_LIST_DOT = regex.compile(rf"[{PUA_DOT}]")


def normalize(raw: str, *, gazette: bool = False) -> str:
    """One logical line (a paragraph, heading or label line) in its stored form.

    Idempotent: a step that makes a mark Chinese can make its neighbour's context Chinese, so the
    text profile repeats the steps until nothing changes (twice for nearly every line).
    """
    text = _once(raw, gazette)
    if gazette:
        return text
    for _ in range(6):
        if not _CONTEXTUAL.search(text):
            break  # no ASCII mark or space left: the context rules have nothing more to do
        again = _once(text, False)
        if again == text:
            break
        text = again
    return text


_CONTEXTUAL = regex.compile(r'[ ,;:!?()"<>.]')


_CONTEXT_FREE_KEYS = regex.compile(
    "[" + "".join(regex.escape(chr(k)) for k in _CONTEXT_FREE) + "]"
)


def _once(raw: str, gazette: bool) -> str:
    text = raw.translate(_CONTEXT_FREE) if _CONTEXT_FREE_KEYS.search(raw) else raw
    text = text.strip(" \u3000")
    if text.startswith("第"):
        if not gazette and "0" <= text[1:2] <= "9":
            text = arabic_label(text)
        text = LABEL_SEP.sub("\\1\u3000", text)
        text = HEADING_SEP.sub("\\1\u3000", text)
    elif text and "\u2460" <= text[0] <= "\u2473":
        text = NOTE_MARK.sub("\\1\u3000", text)
    if gazette:
        text = text.translate(_GAZETTE_PUNCT)
        text = _FULL_STOP.sub("。", text)
    elif _CONTEXTUAL.search(text):
        text = _chinese_marks(text)
    if " " in text:  # before the dots: "１􀆰 ５" is a decimal once the space is gone
        text = (_SPACE if gazette else _SPACE_CJK).sub("", text)
    if PUA_DOT in text or "．" in text:
        text = _DECIMAL.sub(".", text)
        text = _LIST_DOT.sub("．", text)
    return text


_ARABIC_LABEL = regex.compile(r"^第([0-9]{1,4})(条|编|分编|章|节)(?:之([0-9]{1,2}|[一二三四五六七八九十]{1,3}))?(?=[ \u3000])")


def arabic_label(text: str) -> str:
    """第1条 / 第12条之1 / 第3章 followed by a space: the label as statutes print it (第一条, 第十二条之一,
    第三章).  A reference inside a sentence (第5条规定的…) has no space after it and stays."""
    m = _ARABIC_LABEL.match(text)
    if not m or (m.group(3) and m.group(2) != "条"):
        return text
    from lawdiff.structure.numerals import NumeralError, int_to_cn

    try:
        label = f"第{int_to_cn(int(m.group(1)))}{m.group(2)}"
        sub = m.group(3)
        if sub:
            label += "之" + (int_to_cn(int(sub)) if sub.isdigit() else sub)
    except NumeralError:
        return text
    return label + text[m.end() :]


_NOT_A_CELL = regex.compile(r"^第\s*(?:[零一二三四五六七八九十百千]+|[0-9]+)\s*(?:条|编|分编|章|节)|[，；：,;:]$")


def tab_row(line: str) -> list[str] | None:
    """The cells of a tab-separated table row, or None: a tab after an article label (第一条<TAB>为了…)
    or inside a sentence (…报告；<TAB>也可以…) is spacing, not a column."""
    cells = line.strip(" \u3000").split("\t")
    full = [c.strip(" \u3000") for c in cells if c.strip(" \u3000")]
    if len(full) < 2 or _NOT_A_CELL.search(full[0]):
        return None
    return cells


def grid_row(cells: Iterable[str]) -> str:
    """A table row as stored: ``| a | b |``, each cell normalised, a literal bar escaped."""
    return "| " + " | ".join(normalize(c).replace("|", "\\|") for c in cells) + " |"


def is_blank(raw: str) -> bool:
    """Nothing but spaces, U+3000 and invisible code points (a U+200B line is no paragraph)."""
    if not raw.strip(" \u3000\t\r"):
        return True
    return bool(_CONTEXT_FREE_KEYS.search(raw)) and not raw.translate(_CONTEXT_FREE).strip(" \u3000")


# ---------------------------------------------------------------- ASCII marks in Chinese context

_CJK_CHAR = regex.compile(rf"[{_CJK}]")
_PAREN = regex.compile(r"\(([^()]*)\)")
_LIST_NUMBER = regex.compile(r"(^|(?<=[：；，。、\p{Han}]))([0-9]{1,3})\.(?=[\p{Han}“《（(])")
_STOP = regex.compile(r"(?<=[\p{Han}）》”])\.(?=$|[\p{Han}“《（])")
_QUOTE = regex.compile(r'"([^"]*)"')


def _chinese_marks(text: str) -> str:
    if not _CJK_CHAR.search(text):
        return text
    text = _PAREN.sub(_paren, text)
    text = _LIST_NUMBER.sub(lambda m: m.group(1) + m.group(2) + "．", text)
    text = _STOP.sub("。", text)
    text = _marks_by_neighbours(text)
    if "<" in text and "《" in text:
        text = _angles_in_titles(text)
    if text.count('"') and text.count('"') % 2 == 0:
        text = _QUOTE.sub(lambda m: f"“{m.group(1)}”" if _CJK_CHAR.search(m.group(0) + _around(text, m)) else m.group(0), text)
    return text


def _around(text: str, m: regex.Match[str]) -> str:
    return text[max(0, m.start() - 1) : m.start()] + text[m.end() : m.end() + 1]


def _paren(m: regex.Match[str]) -> str:
    inner = m.group(1)
    outer = m.string[max(0, m.start() - 1) : m.start()] + m.string[m.end() : m.end() + 1]
    if _CJK_CHAR.search(inner) or (inner.isdigit() and (m.start() == 0 or _CJK_CHAR.search(outer))):
        return f"（{inner}）"
    if _CJK_CHAR.search(outer) and not regex.fullmatch(r"[A-Za-z]+", inner):
        return f"（{inner}）"
    return m.group(0)


_NEIGHBOUR_MARKS = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}


_NEIGHBOUR = regex.compile(r"[,;:!?()]")


def _marks_by_neighbours(text: str) -> str:
    """A mark left over after the pairs: full width when a neighbour is Chinese (not 1,000 / 10:30)."""
    return _NEIGHBOUR.sub(lambda m: _neighbour(text, m.start()), text)


def _neighbour(text: str, i: int) -> str:
    ch = text[i]
    prev = text[i - 1] if i else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if prev.isdigit() and nxt.isdigit() and ch in ",:":
        return ch
    if _CJK_CHAR.match(prev or " ") or _CJK_CHAR.match(nxt or " ") or (ch in ",;:" and nxt in ("", " ")):
        return _NEIGHBOUR_MARKS[ch]
    return ch


def _angles_in_titles(text: str) -> str:
    out = []
    depth = 0
    last = 0
    for i, ch in enumerate(text):
        if ch == "《":
            depth += 1
        elif ch == "》":
            depth = max(0, depth - 1)
        elif ch == "<" and depth:
            out.append(text[last:i] + "〈")
            last = i + 1
        elif ch == ">" and depth:
            out.append(text[last:i] + "〉")
            last = i + 1
    out.append(text[last:])
    return "".join(out)
