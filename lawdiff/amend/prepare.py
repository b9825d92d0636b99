"""An instruction prepared for the formulas: quotes and names taken out, clauses split.

Every quoted text “…” (one or several paragraphs; a continuation paragraph opens with “ or
not) becomes a placeholder, every regulation name 《…》 (and 刑法, 宪法) a name marker, 本法 /
本条例 … before a reference disappear (they name the text itself), ASCII punctuation outside
quotes becomes full width.  The text is then split into clauses at ``；``/``。`` and at a
``，`` that opens a new verb.  ``Env`` is what the formulas of one instruction share.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from lawdiff.amend.ops import Op, Ref
from lawdiff.amend.refs import LEND, LMARK, NUM, QEND, QMARK, parse_refs
from lawdiff.amend.titles import unnest
from lawdiff.i18n import _
from lawdiff.structure.numerals import int_to_cn

_QNUM = regex.compile(rf"{QMARK}(\d+){QEND}")
_LNUM = regex.compile(rf"{LMARK}(\d+){LEND}")
_SPACES = regex.compile(r"[ \u3000\t]+")
_INDENT = regex.compile(r"\n[ \u3000]+")
_VERBS = regex.compile(r"修改为|删去|增加|改为")
_NAME = regex.compile(r"《((?:[^《》]|《[^《》]*》)*)》")
# bare names before a reference: 刑法第…, 宪法序言…; 本法 / 本条例 … mean the text itself
_BARE = regex.compile(
    r"(?P<self>本(?:法|条例|办法|规定|细则|解释|决定|规则|章程)|该(?:法|条例|办法|规定|解释))(?=原?第|序言)"
    r"|(?P<law>刑法|宪法)(?=原?第|序言|中的|的)"
    # a 修正案 names its law short: 将某某法第一条 (after the verb, before the number)
    r"|(?<=^|将|在|删去|删除)(?!将|在|删|对|第)(?P<law2>[\p{Han}]{1,12}?(?:法典|法|条例))(?=原?第[零一二三四五六七八九十百千])"
)
# 把第三条修改为 / 把第五条删去: the spoken 把 for 将 (only before what an instruction names)
_BA = regex.compile(r"(?<=^|[，；。：\n、．.])把(?=第|《|本|该|原|有关|相关|名称|标题|题目|引言|序言|正文|全文|刑法|宪法)")
_STRAIGHT = regex.compile(r'"([^"]*)"', regex.S)
_DOT = regex.compile(rf"(?<={QEND})\.|\.(?=\s*$)")  # an ASCII full stop ending a clause
_ASCII = str.maketrans({":": "：", ",": "，", ";": "；", "(": "（", ")": "）", "!": "！"})
_LEAD = regex.compile(r"^(?:此外|同时|并且|并|另外|另|相应地|相应|其中|以及)[，、]?")
_VERB = (
    rf"将|删去|删除|在(?:第|{LMARK}|{QMARK}|序言)|增加|同时|并(?:增加|将|删去)|相应地|此外|其中"
    rf"|(?:{LMARK}\d+{LEND})?(?:原)?第{NUM}[条款项目](?:第{NUM}[款项目])*(?:[、和]第{NUM}[条款项])*"
    rf"(?:中的|的|中)?"
    rf"(?:至第{NUM}[条款项])?(?:{QMARK}\d+{QEND}、?)*(?:相应(?:地)?|依次)?(?:修改为|增加|改为|调整为|作为|删去)"
    rf"|{QMARK}\d+{QEND}(?:之)?(?:后|前)(?:增加|增写)"
)
_REFS_ONLY = regex.compile(rf"将(?:(?:{LMARK}\d+{LEND})?(?:原)?第{NUM}[条款项](?:之{NUM})?(?:第{NUM}[款项])*[、，和]?)+")
_SPLIT = regex.compile(rf"[；。\n]|，(?!将该条)(?=(?:{_VERB}))")


@dataclass
class Env:
    """What the formulas of one instruction share: quotes, names, context, the output."""

    quotes: list[str]
    laws: list[str]
    ctx: Ref | None = None
    law: str | None = None  # the regulation of the clause before (inherited)
    out: list[tuple[str | None, Op]] = field(default_factory=list)

    def q(self, marker: str) -> str:
        return self.quotes[int(marker.strip(QMARK + QEND))]

    def qs(self, text: str | None) -> list[str]:
        """Every quote in ``text`` (a group of the match), in order."""
        return [self.quotes[int(x)] for x in _QNUM.findall(text or "")]

    def refs(self, text: str) -> list[tuple[str | None, Ref]]:
        out = []
        for law, r in parse_refs(text, self.ctx):
            name = self.laws[law] if law is not None else None
            if name is not None:
                self.law = name
            out.append((name or self.law, r))
        return out

    def one(self, text: str | None) -> Ref:
        """The single reference in ``text`` (the context when ``text`` is empty)."""
        if not text:
            return required(None, self.ctx)
        refs = self.refs(text)
        if len(refs) != 1:
            raise ValueError(_("one provision expected, {n} named").format(n=len(refs)))
        return refs[0][1]

    def emit(self, op: Op, law: str | None = None) -> None:
        self.out.append((law or self.law, op))


def required(ref: Ref | None, ctx: Ref | None) -> Ref:
    if ref is None:
        if ctx is None:
            raise ValueError(_('no article named and none to inherit'))
        return ctx
    return ref.inherit(ctx)


def prepare(text: str, quotes: list[str], laws: list[str]) -> str:
    """Quotes -> placeholders, names -> markers, punctuation full width (outside quotes)."""

    if '"' in text and "“" not in text and text.count('"') % 2 == 0:
        text = _STRAIGHT.sub(lambda m: f"“{m.group(1)}”", text)  # "…" typed with straight quotes
    text = _take_quotes(text, quotes)
    text = _BA.sub("将", text)
    text = text.translate(_ASCII)
    text = _DOT.sub("。", text)
    text = _SPACES.sub("", text)

    def name(m: regex.Match[str]) -> str:
        laws.append(unnest(m.group(1)))
        return f"{LMARK}{len(laws) - 1}{LEND}"

    text = _NAME.sub(name, text)

    def bare(m: regex.Match[str]) -> str:
        if m.group("self"):
            return ""
        laws.append(m.group("law") or m.group("law2"))
        return f"{LMARK}{len(laws) - 1}{LEND}"

    text = _BARE.sub(bare, text)
    return _tidy(text)


_Q1 = rf"{QMARK}\d+{QEND}"
_TIDY = (
    # 第10条 (Arabic numbers in a citation): read as 第十条
    (regex.compile(r"第([0-9]{1,4})(?=[条款项章节])"), lambda m: f"第{int_to_cn(int(m[1])) if int(m[1]) else '零'}"),
    # 宪法: 第六十七条全国人民代表大会常务委员会职权第二十项 — the description goes
    (regex.compile(r"(?<=条)[\p{Han}]{2,24}?职权(?=第)"), ""),
    # 宪法第六十二条“全国人民代表大会行使下列职权”中增加一项 — the quoted lead-in goes
    (regex.compile(rf"(?<=条(?:第{NUM}款)?){_Q1}(?=中(?:增加|第))"), ""),
    # 宪法序言第七自然段后两句：“…”修改为 — the old sentences are quoted in full anyway
    (regex.compile(r"(?<=自然段)(?:前|后)[一二两三]句"), ""),
    (regex.compile(r"。(?=内容如下)"), "，"),
    # 第（三）项 (some legislatures bracket the item number when citing it)
    (regex.compile(rf"第（({NUM})）(?=[项目])"), r"第\1"),
    # 删去“的”字 / “甲”一词: the word after the quote names what the quote is
    (regex.compile(rf"(?<={QEND})(?:等?字|一词|等词)(?=[，。；、]|$)"), ""),
    (regex.compile(r"(?:替换|更改|修订)为|(?:修改|更改)成|修改如下"), "修改为"),
    # spoken variants of the drafting norms' verbs: 改成, 新增 / 增设 一条, 删掉
    (regex.compile(r"(?<!修)改成"), "改为"),
    (regex.compile(r"(?:新增|增设)(?=[一二两三四五六七八九十]+[条款项目句章节])"), "增加"),
    (regex.compile(r"删掉"), "删去"),
    # 将第七条中的“一万元”调整为“二万元”: words, as 修改为 (a renumbering table has no 中的)
    (regex.compile(rf"(?<=中的(?:{_Q1}、?)+)调整为(?={_Q1})"), "修改为"),
    (regex.compile(rf"(?<=条)中(?=第{NUM}[款项])"), ""),
    # the quoted text on the next line(s) belongs to the clause that announced it
    (regex.compile(rf"(?<=[：，])\n+(?={QMARK})"), ""),
    (regex.compile(rf"(?<={QEND})\n+(?={QMARK})"), ""),
    (regex.compile(rf"(?<={QEND})(?=(?:原)?第{NUM}[条款项][^，。]*?(?:改为|作为))"), "；"),
    # a copy that lost the full stop between two clauses: 修改为：“甲。”增加一款作为第三款：“乙。”
    (regex.compile(rf"(?<={QEND})(?=增加[一二两三四五六七八九十]+[条款项目]|删去第|删除第|将第|在第)"), "；"),
)


_LISTED = regex.compile(r"^将下列[^：\n]*?中的(?P<pairs>[^：\n]+)：\n(?P<list>.+)$", regex.S)
_ENTRY_NO = regex.compile(r"^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|[0-9]+[．.、])")


def _listed(m: regex.Match[str]) -> str:
    """将下列法规中的“A”修改为“B”：⏎（一）《甲》第五条；⏎（二）《乙》 -> 将《甲》第五条，《乙》中的“A”修改为“B”."""
    places = [_ENTRY_NO.sub("", ln).strip("；。，、 ") for ln in m.group("list").split("\n")]
    return "将" + "，".join(p for p in places if p) + "中的" + m.group("pairs")


def _tidy(text: str) -> str:
    for pattern, repl in _TIDY:
        text = pattern.sub(repl, text)
    return _LISTED.sub(_listed, text)


def _take_quotes(text: str, quotes: list[str]) -> str:
    """Each “…” -> a placeholder.  A quote may run over lines; a continuation line opens with “
    (the printed convention) or not; a “ inside an open quote elsewhere is left for the caller
    to report (an unclosed quote)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch != "“":
            out.append(ch)
            i += 1
            continue
        j, body, opened = i + 1, [], 0
        while j < n and text[j] != "”":
            if text[j] == "“":
                if body and body[-1] == "\n":
                    j += 1  # “ opening a continuation paragraph
                    opened += 1
                    continue
                break
            body.append(text[j])
            j += 1
        if j >= n and _closes_at_end("".join(body), opened):
            text = text + "”"  # the last quote of the instruction lost its closing mark
            n += 1
        if j >= n or text[j] != "”":
            out.append(ch)  # unclosed: kept, reported by the clause parser
            i += 1
            continue
        quotes.append(_INDENT.sub("\n", "".join(body)))
        out.append(f"{QMARK}{len(quotes) - 1}{QEND}")
        i = j + 1
    return "".join(out)


def _closes_at_end(body: str, opened: int) -> bool:
    """An unclosed last quote may be closed at the end of its instruction when nothing in it could
    be another clause: every later line opened a quoted paragraph, or it is one plain line."""
    lines = body.rstrip("\n").split("\n")
    if len(lines) > 1:
        return opened == len(lines) - 1
    return bool(body) and not _VERBS.search(body)


def split_clauses(text: str) -> list[str]:
    out: list[str] = []
    for chunk in _SPLIT.split(text):
        chunk = chunk.strip("，、 ")
        if not chunk:
            continue
        if out and _REFS_ONLY.fullmatch(out[-1]):  # 将《A》第十条，《B》第二十七条中的…: one clause
            out[-1] += "，" + chunk
        else:
            out.append(chunk)
    return out


def restore(clause: str, quotes: list[str], laws: list[str]) -> str:
    clause = _QNUM.sub(lambda m: "“" + quotes[int(m.group(1))] + "”", clause)
    return _LNUM.sub(lambda m: "《" + laws[int(m.group(1))] + "》", clause)


