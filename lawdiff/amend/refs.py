"""References in an instruction: 第X条(之Y)第Z款第W项第V目第U句, 前段/后段/但书, 引言, 名称.

The clause text reaching this module is *prepared* (see ``clauses.prepare``): quotes are
placeholders ``\\ue000n\\ue001``, regulation names ``\\ue002n\\ue003``, punctuation full width.
Numbers are checked here: 第零条 (and 第零款 …) is refused, never read as 0.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from lawdiff.amend.ops import Ref
from lawdiff.i18n import _
from lawdiff.structure.numerals import NumeralError, to_int

CN = "零一二三四五六七八九十百千两〇"
NUM = rf"[{CN}]+"
QMARK, QEND = "\ue000", "\ue001"
LMARK, LEND = "\ue002", "\ue003"
Q = rf"{QMARK}(?:\d+){QEND}"
L = rf"{LMARK}(?:\d+){LEND}"

_SEGMENT = {
    "条首部分": "head",
    "前段": "front",
    "后段": "back",
    "但书": "proviso",
    "开始部分": "start",
    "末尾": "end",
}

# one reference; every part optional, the whole not empty (checked by the caller)
ONE = (
    rf"(?:(?P<law>{L})的?)?(?:原|修改后)?(?:{L})?(?:"
    r"(?:(?:法规|规章|条例|办法|规定|细则|法律)的?)?(?P<title>名称|标题|题目)"
    rf"|(?:(?P<pre>引言|序言|正文)(?:第(?P<pp>{NUM})(?:自然段|段))?|第(?P<pp2>{NUM})(?:自然段|段))"
    rf"(?:第(?P<psn>{NUM})句)?"
    rf"|(?:第(?P<a>{NUM})条(?:之(?P<s>{NUM}))?)?(?:第(?P<p>{NUM})款)?(?:第(?P<i>{NUM})项)?"
    rf"(?:第(?P<m>{NUM}|[0-9]+)目)?(?:第(?P<sn>{NUM})句)?"
    r")(?:的?(?P<seg>条首部分|前段|后段|但书|开始部分|末尾))?"
)
ONE_RE = regex.compile(ONE)
SEP = r"(?:、|，|和|及|与|以及|或者|至)"
# a list of references (names optional), e.g. 第七条，第八条，第十四条第五款 / 第四项、第五项
REFS = rf"(?:{ONE})(?:{SEP}(?:{ONE}))*"
SEP_RE = regex.compile(SEP)
RANGE_RE = regex.compile(rf"第({NUM})(条|款|项)至第({NUM})\2")


def num(text: str) -> int:
    """A numeral of a reference; 第零… and malformed numerals are refused."""
    try:
        if text.isdigit():
            value = int(text)
        else:
            value = 2 if text == "两" else to_int(text.replace("〇", "零"))
    except NumeralError as exc:
        raise ValueError(_("“{text}” is not a number").format(text=text)) from exc
    if value < 1:
        raise ValueError(_("第{text}: numbering starts at 一 (there is no 第零)").format(text=text))
    return value


def count(word: str) -> int:
    """一/二/两/三… in 增加两条."""
    return num(word)


def ref_of(m: regex.Match[str]) -> Ref | None:
    """The reference matched by ``ONE`` (None when the match is empty)."""
    seg = m.group("seg")
    if m.group("title"):
        return Ref(unit="title", segment=_SEGMENT[seg] if seg else None)
    if m.group("pre") or m.group("pp2"):
        pp = m.group("pp") or m.group("pp2")
        return Ref(
            paragraph=num(pp) if pp else None,
            sentence=num(m.group("psn")) if m.group("psn") else None,
            segment=_SEGMENT[seg] if seg else None,
            unit="preamble",
        )
    g = {k: m.group(k) for k in ("a", "s", "p", "i", "m", "sn")}
    if not any(g.values()) and not seg:
        return None
    return Ref(
        num(g["a"]) if g["a"] else None,
        num(g["s"]) if g["s"] else 0,
        num(g["p"]) if g["p"] else None,
        num(g["i"]) if g["i"] else None,
        num(g["m"]) if g["m"] else None,
        num(g["sn"]) if g["sn"] else None,
        _SEGMENT[seg] if seg else None,
    )


def law_of(m: regex.Match[str]) -> int | None:
    law = m.group("law")
    return int(law[1:-1]) if law else None


@lru_cache(maxsize=4096)
def _expand(text: str) -> str:
    """第七项至第十五项 -> 第七项、第八项 … 第十五项 (a range in a list of references)."""
    from lawdiff.structure.numerals import int_to_cn

    def repl(m: regex.Match[str]) -> str:
        a, unit, b = num(m.group(1)), m.group(2), num(m.group(3))
        if b < a or b - a > 500:
            raise ValueError(_("range 第{first}{unit}至第{last}{unit} runs backwards").format(first=m.group(1), unit=unit, last=m.group(3)))
        return "、".join(f"第{int_to_cn(k)}{unit}" for k in range(a, b + 1))

    return RANGE_RE.sub(repl, text)


def parse_refs(text: str, ctx: Ref | None) -> list[tuple[int | None, Ref]]:
    """A list such as 第七条，第八条，第十四条第五款，第三十四条第一款、第二款 / 第四项至第六项.

    Each reference inherits the levels it leaves out from the one before it (or ``ctx``);
    the regulation named before a reference applies to the following ones until another.
    """
    text = _expand(text)
    out: list[tuple[int | None, Ref]] = []
    last, law = ctx, None
    pos = 0
    while pos < len(text):
        sep = SEP_RE.match(text, pos)
        if sep and out:
            pos = sep.end()
            continue
        m = ONE_RE.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError(_("unexpected “{text}” in a list of references").format(text=text[pos:pos + 12]))
        r = ref_of(m)
        law = law_of(m) if law_of(m) is not None else law
        if r is None:
            raise ValueError(_("unexpected “{text}” in a list of references").format(text=m.group(0)))
        r = r.inherit(last)
        out.append((law, r))
        last = r
        pos = m.end()
    return out


def positions(text: str, unit: str) -> list[Ref]:
    """作为第三条、第四条 / 分别作为第一百二十三条至第一百二十七条 / 作为第二款 (new numbering)."""
    refs = [r for _x, r in parse_refs(text, None)]
    if unit == "条" and any(r.article is None for r in refs):
        raise ValueError(_("“{text}” does not name the new articles").format(text=text))
    if unit == "款" and any(r.paragraph is None for r in refs):
        raise ValueError(_("“{text}” does not name the new paragraphs").format(text=text))
    if unit == "项" and any(r.item is None for r in refs):
        raise ValueError(_("“{text}” does not name the new items").format(text=text))
    if unit == "目" and any(r.subitem is None for r in refs):
        raise ValueError(_("“{text}” does not name the new sub-items").format(text=text))
    return refs
