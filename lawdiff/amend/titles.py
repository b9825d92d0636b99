"""Matching a regulation's title across the ways decisions and texts print it.

《山西省实施〈中华人民共和国土地管理法〉办法》, 山西省实施《中华人民共和国土地管理法》办法 and
山西省实施中华人民共和国土地管理法办法 are one title; so are 刑法 and 中华人民共和国刑法, and
《关于上海金融法院案件管辖的规定》 and 最高人民法院关于上海金融法院案件管辖的规定.
"""

from __future__ import annotations

import regex

_MARKS = regex.compile(r"[《》〈〉<>＜＞\s\u3000\u200b]")
_ISSUER = regex.compile(
    r"^(?:[\p{Han}]{2,14}?人民代表大会(?:常务委员会)?|最高人民法院(?:、?最高人民检察院)?|"
    r"最高人民检察院|国务院|[\p{Han}]{2,10}?人民政府)(?=关于)"
)
_PRC = regex.compile(r"中华人民共和国")  # 刑法 = 中华人民共和国刑法; 实施《水法》办法 = 实施《中华人民共和国水法》办法
_BRACKETS = str.maketrans("()", "（）")


def title_key(text: str) -> str:
    """A title without book-title marks, spaces, issuer or 中华人民共和国 (also inside: 上海市实施
    《义务教育法》办法 is 上海市实施《中华人民共和国义务教育法》办法), for matching."""
    key = _MARKS.sub("", text).translate(_BRACKETS)
    key = _ISSUER.sub("", key)
    return _PRC.sub("", key)


def same_title(a: str, b: str, *, exact: bool = False) -> bool:
    """True when ``a`` and ``b`` name the same regulation (``exact``: no containment)."""
    ka, kb = title_key(a), title_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    return not exact and (ka in kb or kb in ka)


def unnest(quoted: str) -> str:
    """The title inside 《…》 as a text prints it: inner 〈〉 become 《》 (and the reverse)."""
    return quoted.translate(str.maketrans("《》〈〉", "〈〉《》"))
