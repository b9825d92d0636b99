"""One line of a decision: what it is (a part heading, a group of repealed rules, a numbered
instruction, the effective date, the republication sentence, a 题注) — the patterns the segmenter
in ``decisions.py`` reads lines with, and what a decision's title says it amends.

Headings seen in real decisions: ``一、对《A》作出修改`` / ``的修改`` / ``作如下修改：`` /
``一、《A》作如下修改：`` / ``将《A》修改如下：`` / ``修改《A》`` / ``关于《A》`` / ``《A》`` /
``关于《A》的修改`` / ``对《A》部分条款作出修改`` / ``对《A》进行修改`` / ``第一部分　对《A》的修改`` /
``（一）A`` (a bare title), optionally followed by the decree that issued the rule
(``（一）《厦门市…暂行规定》（市政府令第6号公布，第69号修正）``); groups ``一、对下列地方性法规作出修改`` /
``二、废止下列地方性法规`` / ``对下列规章宣布失效：`` / a single ``二、废止《丁》。``.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from lawdiff.amend.refs import NUM
from lawdiff.amend.titles import unnest

CNUM = "一二三四五六七八九十百"
_TITLE = r"《(?P<t>(?:[^《》]|《[^《》]*》)+)》"
_NUMBER = rf"(?:[{CNUM}]+、|（[{CNUM}]+）|[0-9]+[．.、])?"
_SOURCE = r"(?:（[^（）]*(?:公布|发布|修正|修订|通过|批准|令)[^（）]*）)?"  # 《A》（市政府令第6号公布，第69号修正）
PART_HEADER = regex.compile(
    rf"^{_NUMBER}(?:第[{CNUM}]+部分[\u3000 ]*)?"
    rf"(?:(?:关于|对|将)?对?{_TITLE}{_SOURCE}(?:的)?(?:部分条款|部分条文|有关条款)?"
    rf"(?:作出|作如下|作以下|作|进行|予以)?(?:的)?(?:如下|以下)?(?:修改|修正)(?:如下)?"
    rf"|(?:关于)?修改{_TITLE}|关于{_TITLE}|{_TITLE}){_SOURCE}[：:。]?$"
)
BARE_HEADER = regex.compile(
    rf"^(?:（[{CNUM}]+）|[{CNUM}]+、)(?P<t>[\p{{Han}}（）〈〉《》0-9]{{4,60}}?"
    rf"(?:条例|办法|规定|细则|法|决定|解释|规则|章程|标准)){_SOURCE}[：:]?$"
)
# 一、对下列地方性法规作出修改 / 二、废止下列地方性法规 / 对下列规章予以废止：
GROUP = regex.compile(rf"^{_NUMBER}(?:对下列|(?:决定)?(?:予以)?废止下列|下列).*[：:]?$")
SOURCE_RE = regex.compile(_SOURCE[3:-2])
REPEAL = regex.compile(rf"^{_NUMBER}(?:决定)?(?:予以)?废止《")  # 二、废止《甲省丁条例》。
NUMBERED = regex.compile(r"^([0-9]+)[．.、]\s*")
CN_NUMBERED = regex.compile(rf"^([{CNUM}]+)、")
PAREN_NUMBERED = regex.compile(rf"^（([{CNUM}]+)）")
AMENDMENT_ARTICLE = regex.compile(rf"^第({NUM})条[\u3000 ]+")  # 宪法修正案: 第三十二条　宪法…
NOTE = regex.compile(
    r"^[（(](?![一二三四五六七八九十]+[）)]).*(?:通过|施行|公布|发布|会议)[^（）()]*[）)]$|^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日.*(?:通过|施行|会议)$"
)
_WHEN = r"本(?:决定|修正案|修改决定)自(公布之日|发布之日|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)起(?:施行|实施)"
EFFECTIVE = regex.compile(rf"^{_WHEN}。?$")
# a closing line that says both: 本决定自2012年4月1日起施行。《A》根据本决定作相应修改后公布。
EFFECTIVE_IN = regex.compile(rf"(?:^|。){_WHEN}(?:。|$)")
REPUBLISH = regex.compile(r"重新公布|作相应(?:的)?(?:修改|修订)后")
STATEMENT = regex.compile(r"^(?:此外，)?对.*(?:顺序|个别.*文字).*(?:调整|修改)。?$")
PROVISION = regex.compile(rf"“|第{NUM}[条款项目]")
ABBREVIATION = regex.compile(r"以下简称《([^《》]+)》")
_INSTRUCTION = regex.compile(
    rf"(?:将|把|删去|删除|删掉|在)(?:\ue002\d+\ue003)?(?:原)?第{NUM}|(?:将|把|删去|删除|删掉|在)[^。：]*?第{NUM}[条款项]"
    rf"|第{NUM}[条款项目章节][^。]*?(?:修改为|修改如下|修改成|改成|增加|新增|增设|删去|删掉|改为|调整为|作为)"
    rf"|(?:增加|新增|增设)[一二两三四五六七八九十]+[条款项目句章节]|顺序作相应调整|税目|税率表|将(?:引言|名称|序言|正文|\ue000)"
    rf"|(?:序言|引言|名称)[^。]*?(?:修改为|增加)|将[^。]*?中的\ue000\d+\ue001[^。]*?修改为"
)


_QUOTE_SPAN = regex.compile(r"“[^“”]*”?")
_ARABIC_REF = regex.compile(r"第[0-9]{1,4}(?=[条款项章节])")
_NAME_SPAN = regex.compile(r"《(?:[^《》]|《[^《》]*》)*》")
REPUBLISH_LINE = regex.compile(r"根据本决定|重新公布。?$")
ANNEX = regex.compile(r"附件《([^》]+)》")
# after the closing sentences: the re-published texts as annexes (附件：1.《A》), an explanation
AFTERWORD = regex.compile(r"^(?:附件[一二三四五六七八九十0-9]*(?:[：:　 ]|$)|附[：:]|关于.*的说明$)")
# the text follows on the next lines, unquoted: 将第二条修改为： / 增加一条，作为第四条：
ENDS_ASKING = regex.compile(r"(?:修改为|如下|增加|规定|即|内容为|[条款项目章节句])[：:]$")
LISTING = regex.compile(r"下列[^“”：:]*?中的.*[：:]$")  # 将下列法规中的“A”修改为“B”：
# one place such an instruction lists: （一）《甲市A条例》第五条、第七条；
LIST_ENTRY = regex.compile(
    rf"^{_NUMBER}《(?:[^《》]|《[^《》]*》)+》(?:第[{CNUM}零千两]+[条款项目]|之|[、和及与]|第（[{CNUM}]+）项)*[；;。，,]?$"
)
TITLES = regex.compile(r"《((?:[^《》]|《[^《》]*》)+)》")


@lru_cache(maxsize=4096)
def looks_like_instruction(line: str) -> bool:
    """Does the line (quotes and names set aside) read like an amendment instruction?"""
    light = _NAME_SPAN.sub("\ue0020\ue003", _QUOTE_SPAN.sub("\ue0000\ue001", line))
    light = _ARABIC_REF.sub("第十", light)  # 第10条: the number's value does not matter here
    return bool(_INSTRUCTION.search(light.replace(":", "：")))


def next_ordinal(current: str, ordinal: str) -> bool:
    """``ordinal`` follows ``current`` (二十三 -> 二十四, 9 -> 10)."""
    from lawdiff.structure.numerals import NumeralError, to_int

    try:
        a = int(current) if current.isdigit() else to_int(current)
        b = int(ordinal) if ordinal.isdigit() else to_int(ordinal)
    except (NumeralError, ValueError):
        return False
    return b == a + 1


def cn(n: int) -> str:
    from lawdiff.structure.numerals import int_to_cn

    return int_to_cn(n)


_SEVERAL = regex.compile(r"等[一二三四五六七八九十百两0-9]+[件项部个]|部分|[》][、和及]?《")


def amends_several(title: str) -> bool:
    """Does the decision's title say it amends several regulations (等N件, 部分, 《A》《B》)?
    (The database prints titles without book-title marks: …修改辽宁省A条例等12件地方性法规的决定.)"""
    return bool(_SEVERAL.search(regex.sub(r"^.*?关于修改", "", title)))


def single_target(title: str) -> str | None:
    """The one regulation a decision's title names, if it names one."""
    inner = regex.sub(r"^.*?关于修改", "", title)
    quoted = [m.group(1) for m in regex.finditer(r"《((?:[^《》]|《[^《》]*》)*)》", inner)]
    if len(quoted) == 1 and not regex.search(r"》等", inner):
        return unnest(quoted[0])
    # the database prints titles without book-title marks: 关于修改辽宁省城镇房地产交易管理条例的决定
    bare = regex.match(r"^(?P<t>[^《》]{4,60}?)的决定$", inner)
    one = bare is not None and len(regex.findall(r"条例|办法|规定|细则|规则", bare.group("t"))) == 1
    if not quoted and bare and one and not _SEVERAL.search(inner):  # (not A条例B条例 run together)
        return bare.group("t")
    m = regex.match(r"^(?:中华人民共和国)?(.+?)修正案", title)
    if m:
        return "中华人民共和国" + m.group(1)
    return None


def open_quote(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch == "“":
            depth = 1
        elif ch == "”":
            depth = 0
    return depth > 0
