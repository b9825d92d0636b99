"""The grammar: one row per formula of the drafting norms (phrasing → operation), tried in order.

Each row has a name, the pattern a whole (prepared) clause must match, the builder that turns
the match into operations, and examples — real phrasings (see ``notes/phrasings.md``) — which
``tests/test_formulas.py`` walks: every example must be read by *its* row.  Patterns are
compiled once, at import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import regex

from lawdiff.amend import build_text as T
from lawdiff.amend import build_units as U
from lawdiff.amend.prepare import Env
from lawdiff.amend.refs import LEND, LMARK, NUM, QEND, QMARK, REFS


def _groupless(pattern: str) -> str:
    return regex.sub(r"\(\?P<\w+>", "(?:", pattern)


N = NUM
R = _groupless(REFS)  # a list of references
Q1 = rf"{QMARK}\d+{QEND}"
QS = rf"(?:{Q1})+"
L1 = rf"{LMARK}\d+{LEND}"
ART = rf"(?:{L1})?(?:原)?第{N}条(?:之{N})?"
INTRO = r"(?:，?(?:即|内容为|内容如下|规定|如下))?：?"
CNT = r"(?P<n>[一二两三四五六七八九十]+)"
STARTS_WITH_REF = rf"(?=(?:将|原)?(?:{L1})?(?:原|修改后)?(?:{L1})?第)"


_WORDS = rf"(?:(?!{QMARK}).)*?(?:{Q1}[、]?)+(?:(?:和|，|、)(?:(?!{QMARK}).)*?(?:{Q1}[、]?)+)*"


@dataclass(frozen=True)
class Formula:
    name: str
    pattern: regex.Pattern[str]
    build: Callable[[regex.Match[str], Env], None]
    examples: tuple[str, ...]
    hints: tuple[str, ...] = ()  # words a clause must contain for the row to be tried at all


# the literal words each row's pattern cannot match without (a cheap filter before the regex)
HINTS = {
    "renumber-statement": ("顺序", "文字"),
    "purpose": ("为了",),
    "heading-rename": ("章",),
    "heading-delete": ("章",),
    "heading-add": ("章", "节"),
    "heading-renumber": ("相应",),
    "heading-add-after": ("后增加",),
    "part-heading": ("修改为",),
    "table-cells": ("税率",),
    "table-replace": ("表",),
    "paragraph-add-rewrite": ("将该条",),
    "article-split": ("改为",),
    "merge": ("合并", "并入"),
    "move-rewrite": ("修改为",),
    "move": ("改为", "调整为", "移作", "作为", "单列"),
    "restate": ("相应",),
    "swap": ("互换", "对调", "调换"),
    "relocate": ("移",),
    "words-replace": ("修改为", "改为"),
    "words-delete": ("删",),
    "delete": ("删",),
    "replace": ("修改为",),
    "words-insert": ("增加", "加上", "插入", "增写"),
    "insert-at-edge": ("增加",),
    "article-add": ("增加",),
    "article-add-at": ("增加",),
    "article-add-unnumbered": ("增加",),
    "unit-add-next-to": ("后增加", "前增加"),
    "paragraph-add": ("增加",),
    "paragraph-add-end": ("增加",),
    "item-add": ("增加",),
    "sentence-add": ("增加",),
}


def _f(name: str, pattern: str, build: Callable[..., None], *examples: str) -> Formula:
    return Formula(name, regex.compile(pattern), build, examples, HINTS[name])


FORMULAS: tuple[Formula, ...] = (
    # ---- statements of the decision itself
    _f("renumber-statement",
       rf"(?=.*(?:顺序|文字))(?:将(?:{L1})?的)?对?(?:(?P<order>(?:章节|章|节)?(?:条文|条款|条|款项|款|项)?顺序)"
       r"(?:和|、)?)?(?P<words>(?:个别|部分)?(?:条文的|条款的)?文字)?作?(?:了|相应|相应的)?"
       rf"(?:调整和修改|调整|修改)(?:：(?P<table>(?:{Q1}调整为{Q1}[，、]?)+))?",
       T.b_renumber,
       "条文顺序作相应调整", "对条文顺序作相应调整", "对条文顺序和个别文字作相应调整和修改",
       "对个别条文的文字作了修改",
       "将《解释》的条文顺序作相应调整：“第八条”调整为“第七条”，“第九条”调整为“第八条”"),
    _f("purpose", rf"为了(?:(?!{QMARK}).)+", T.b_nothing, "为了惩治毁林开垦和乱占滥用林地的犯罪"),
    # ---- 章, 节, part headings, tables
    _f("heading-rename",
       rf"将?(?:{L1})?第(?P<c>{N})章(?:第(?P<s>{N})节)?的?(?:章名|节名|标题|名称)(?P<old>{Q1})?"
       rf"修改为：?(?P<new>{Q1})",
       partial(T.b_heading, action="rename"),
       "将第二章的章名修改为“国土空间规划”", "宪法第四章章名“国旗、国徽、首都”修改为“国旗、国歌、国徽、首都”",
       "将第二章第一节的节名修改为“一般规定”"),
    _f("heading-delete",
       rf"删(?:去|除)第(?P<c>{N})章(?:第(?P<s>{N})节)?(?P<name>的?(?:章名|节名))?",
       partial(T.b_heading, action="delete"), "删去第二章", "删去第三章第二节的节名"),
    _f("heading-add",
       rf"(?:在第(?P<c>{N})章(?:第{N}节)?(?:后|前))?(?:(?:{L1})?第(?P<c>{N})章(?:{Q1})?中)?"
       rf"增加一(?P<level>章|节)，?作为第(?P<pos>{N})(?:章|节)(?P<title>{Q1})?(?:{INTRO}(?P<q>{QS}))?",
       partial(T.b_heading, action="add"),
       "增加一章，作为第三章：“第三章　监督管理\n第十条　甲。”",
       "宪法第三章“国家机构”中增加一节，作为第七节“监察委员会”"),
    _f("heading-add-after",
       rf"在(?:(?P<after>{ART})|第(?P<ac>{N})章)后增加一(?P<level>章|节)(?:，?作为第(?P<pos>{N})(?:章|节))?{INTRO}(?P<q>{QS})",
       partial(T.b_heading, action="add"),
       "在第二章后增加一章：“第三章　监督管理\n第十条　甲。”", "在第九条后增加一章：“第三章　监督管理\n第十条　甲。”"),
    _f("heading-renumber",
       rf"(?:第(?P<c>{N})章)?第(?P<s>{N})(?P<level>节|章)相应(?:地)?改为第(?P<pos>{N})(?:节|章)",
       partial(T.b_heading, action="renumber"), "第七节相应改为第八节"),
    _f("part-heading",
       rf"将(?:(?P<old>{Q1})|第(?P<k>{N})部分(?:的)?标题)修改为{INTRO}(?P<new>{QS})",
       T.b_part_heading, "将“一、买卖合同的成立及效力”修改为：“一、买卖合同的成立”",
       "将第一部分标题修改为：“一、一般规定”"),
    _f("table-cells",
       rf"{_groupless(T.CELL)}(?:，{_groupless(T.CELL)})*",
       T.b_table_cells,
       "将“煤”税目原矿税率由8％调整为10％，选矿税率由6.5％调整为9％"),
    _f("table-replace",
       rf"(?P<name>[^，。：{QMARK}]*?表[一二三四五六七八九十]*(?:（[^）]*）)?)修改为{INTRO}(?P<q>{QS})",
       T.b_table_replace, "个人所得税税率表一（工资、薪金所得适用）修改为：“级数　税率”"),
    # ---- whole units: restated, split, merged, moved
    _f("paragraph-add-rewrite",
       rf"在?(?P<a>{ART})?中?增加{CNT}款，?作为(?P<pos>{R})，将该条修改为{INTRO}(?P<q>{QS})",
       T.b_add_rewrite,
       "在刑法第一百六十五条中增加一款作为第二款，将该条修改为：“甲。\n“乙。”"),
    _f("article-split",
       rf"将(?P<a>{ART})(?:修改为|改为){CNT}条，?(?:分别)?作为(?P<pos>{R})(?:，修改为)?{INTRO}(?P<q>{QS})",
       U.b_split,
       "将第三条改为两条，作为第三条、第四条，修改为：“第三条　甲。\n“第四条　乙。”",
       "将第二十一条修改为两条，作为第二十一条、第二十二条：“第二十一条　甲。”“第二十二条　乙。”"),
    _f("merge",
       rf"将(?:(?P<t>{R})合并(?:为一(?:条|款|项))?|(?P<into>{R})并入(?P<host>{R}))，?(?:作为(?P<pos>{ART})，?)?"
       rf"修改为{INTRO}(?P<q>{QS})",
       U.b_merge,
       "将第三十八条、第三十九条合并修改为：“甲。”", "将第六条和第七条合并修改为：“甲。”",
       "将第二十三条、第四十五条合并，作为第二十四条，修改为：“甲。”",
       "将第十五条第一款、第二款合并为一款，修改为：“甲。”", "将第十五条第二款并入第一款，修改为：“甲。”"),
    _f("move-rewrite",
       rf"将(?P<src>{ART})修改为(?:修改后)?(?P<dst>(?:{L1})?第{N}条(?:之{N})?){INTRO}(?P<q>{QS})?",
       U.b_move, "将第二条修改为第六条：“甲。”", "将第五条修改为第十条"),
    _f("move",
       rf"{STARTS_WITH_REF}(?:将)?(?P<src>{R})(?:相应(?:地)?|依次)?"
       rf"(?:改为|调整为|移作|作为|单列一条，作为|单列为一条，作为)(?:修改后)?(?P<dst>{R})"
       rf"(?:，修改为{INTRO}(?P<q>{QS}))?",
       U.b_move,
       "将第二十条调整为第十八条", "原第四条作为第五条", "将第十条第二款改为第十一条",
       "将第五十一条改为第五十九条，修改为：“甲。”", "第一款、第二款改为第二款、第三款，修改为：“甲。\n“乙。”",
       "将第八条第三款单列一条，作为第四十九条，修改为：“甲。”",
       "第七项至第十五项相应改为第八项至第十六项", "将《解释》原第七条改为修改后《解释》第十二条",
       "第二十六条至第三十条依次改为第二十四条至第二十八条"),
    _f("swap",
       rf"将?(?P<t>{R})(?:的位置)?(?:互换|对调|调换)(?:位置)?",
       U.b_swap, "将第十条第二款与第三款互换位置", "将第五条第一款第二项、第三项互换位置"),
    _f("relocate",
       rf"将(?P<src>{ART})移(?:至|到|在)(?P<after>{ART})(?P<where>之后|后|之前|前)(?:，?(?:作为|改为)(?P<dst>{ART}))?",
       U.b_relocate, "将第三条移至第五条之后，作为第五条", "将第十条移至第二十条后", "将第七条移至第三条之前，作为第三条"),
    _f("restate",
       rf"(?:这一|该)(?P<u>自然段|款|条|项)相应(?:地)?修改为{INTRO}(?P<q>{QS})",
       U.b_restate, "宪法序言第七自然段中“甲”修改为“乙”。这一自然段相应修改为：“乙丙。”"),
    # ---- words
    _f("words-replace",
       rf"将?(?P<t>{T.GLOBAL}|{T.CHAPTER}|{T.ARTICLES}|{R})?(?:中的|其中的|规定的|的|中|：)?"
       rf"(?P<pairs>(?:{Q1}、?)+?，?(?:统一|均|一律)?(?:修改为|改为)：?(?:{Q1})+"
       rf"(?:[，；](?:{Q1}、?)+?，?(?:统一|均|一律)?(?:修改为|改为)：?(?:{Q1})+)*)",
       T.b_words_replace,
       "将有关条款中的“土地行政主管部门”修改为“自然资源主管部门”，“基本农田”修改为“永久基本农田”",
       "将本条例中的“行政处分”统一修改为“处分”", "将第五条第二款中的“甲”修改为“乙”",
       "将名称、第一条、第三条、第八条中的“侵犯”修改为“侵害”", "第九条中的“七日内”修改为“十五日内”",
       "宪法第七条：“甲。”“乙。”修改为：“丙。”“丁。”", "将第九条第一款中的“甲”，修改为“乙”",
       "将《甲条例》第十条，《乙条例》第二十七条中的“丙”修改为“丁”",
       "将《甲市A条例》《甲市B条例》中的“行政处分”修改为“处分”", "将相关条款中的“甲”均修改为“乙”",
       "将第三章中的“甲”修改为“乙”", "将第三章第二节中的“甲”修改为“乙”", "将第十条至第十二条中的“甲”修改为“乙”"),
    _f("words-delete",
       rf"(?:删(?:去|除)(?P<body>{_WORDS})|将(?P<body>(?:(?!{QMARK}).)*?中的(?:{Q1}[、和]?)+)(?:删去|删除))",
       T.b_words_delete,
       "删去第十六条第三款中的“按照该耕地被占用前三年平均年产值的八至十二倍”",
       "删去第八条第一款末尾的“甲”和第二款末尾的“乙”", "删去第十六条第二款规定的“甲”",
       "删去《甲条例》第九条第四项，《乙条例》第三条中的“丙”", "将第十二条中的“、市场监督管理”删去",
       "删去第三章中的“甲”", "将第三章第二节中的“甲”删去"),
    _f("delete", rf"删(?:去|除)(?P<t>{R})|将(?P<t>{R})删(?:去|除)", U.b_delete,
       "删去第七条，第八条，第十四条第五款", "删除第十一条、第十三条、第十五条", "删去第三款",
       "删去第十条第二款的但书", "删去第五条第一款第二句", "将第三条第二款删去", "删掉第三条第二款"),
    _f("replace", rf"将?(?P<t>{R})修改为(?:{CNT}(?:款|项)，?(?:分别)?(?:作为{R}，?)?)?{INTRO}(?P<q>{QS})", U.b_replace,
       "将第三条修改为：“甲。”", "将第十二条第二款第二项修改为：“（二）乙；”", "第三款修改为：“甲。”",
       "将引言修改为：“甲：”", "将名称修改为：“甲规定”", "将刑法第一百八十六条第一款、第二款修改为：“甲。\n“乙。”",
       "第五条条首部分修改为：“甲”", "将第十条第一款前段修改为：“甲；”", "将第十条的但书修改为：“但是乙”",
       "将第二条第一款第二句修改为：“乙。”", "将第三条第一款第二项第1目修改为：“1．甲；”",
       "将第五条修改为两款，作为第一款、第二款：“甲。\n“乙。”",
       "规章名称修改为：“《甲市价格监督规定》”", "将《甲市甲条例》的名称修改为：“甲市乙条例”",
       "把第三条修改为：“甲。”", "将第三条修改如下：“甲。”", "第三条第二款修改成：“乙。”"),
    _f("words-insert",
       rf"在?(?P<t>{R})?(?:中的|中|的)?(?P<anchor>{Q1})(?:之)?(?P<where>后|前)(?:增加|加上|插入|增写)"
       rf"(?:{CNT}句)?{INTRO}(?P<new>{QS})",
       T.b_words_insert,
       "在第三条第一款中的“开放协作”后增加“、品牌引领”", "宪法序言第七自然段中“甲”修改为“乙”；在“自力更生”前增写“贯彻新发展理念，”",
       "宪法第一条第二款“社会主义制度是中华人民共和国的根本制度。”后增写一句，内容为：“甲。”"),
    _f("insert-at-edge",
       rf"在?(?P<t>{R})(?<=开始部分|末尾)增加(?:规定)?{INTRO}(?P<new>{QS})", T.b_words_insert,
       "第一条第二款开始部分增加规定：“甲，”", "宪法序言第十自然段末尾增加：“甲。”"),
    # ---- new units
    _f("article-add",
       rf"(?:在(?P<after>{ART})(?P<where>后|前)|(?P<after2>{ART})后)增加{CNT}条，?(?:分别)?"
       rf"作为(?P<pos>{R})(?:，内容如下)?{INTRO}(?P<q>{QS})",
       U.b_add_articles,
       "在第十条后增加一条，作为第十一条：“甲。”", "在刑法第三十七条后增加一条，作为第三十七条之一:“甲。”",
       "第十三条后增加一条作为第十四条，即：“甲。”",
       "在刑法第一百二十条之一后增加两条，作为第一百二十条之二、第一百二十条之三:“第一百二十条之二　甲。\n“第一百二十条之三　乙。”"),
    _f("article-add-unnumbered",
       rf"(?:在(?P<after>{ART})(?P<where>后|前)|(?P<after2>{ART})后)增加{CNT}条{INTRO}(?P<q>{QS})",
       U.b_add_articles,
       "在第十条后增加一条：“甲。”", "在第十条后增加两条：“甲。”“乙。”", "在第十条前增加一条：“甲。”",
       "在第十条后增加两条：“第十一条　甲。\n“第十二条　乙。”"),
    _f("article-add-at",
       rf"(?:在第(?P<c>{N})章中，?)?增加{CNT}条，?(?:分别)?作为(?P<pos>{R})(?:，内容如下)?{INTRO}(?P<q>{QS})",
       T.b_section_articles,
       "增加一条，作为第五条：“甲。”", "增加一条作为第四条：“甲。”", "增加两条，分别作为第五条、第六条：“甲。”“乙。”",
       "增加一条，作为《解释》第七条：“甲。”", "在第三章中增加一条，作为第二十条：“甲。”",
       "新增一条，作为第五条：“甲。”", "增设两条，分别作为第五条、第六条：“甲。”“乙。”"),
    _f("unit-add-next-to",
       rf"在?(?P<t>{R})(?P<where>后|前)增加{CNT}(?P<unit>款|项)(?:规定)?{INTRO}(?P<q>{QS})",
       U.b_add_next_to,
       "在第五条第一款后增加一款：“甲。”", "第十条第二款后增加两款：“甲。\n“乙。”",
       "在第九条第一款第三项后增加一项：“（四）丁；”"),
    _f("paragraph-add",
       rf"(?:在)?(?P<t>{R})?(?:中)?(?:后)?增加{CNT}款，?(?:分别)?作为(?:该条)?(?P<pos>{R}){INTRO}(?P<q>{QS})",
       U.b_add_paragraphs,
       "第四十二条增加一款，作为第二款：“甲。”", "在刑法第六十九条中增加一款作为第二款:“甲。”",
       "第五条增加二款，作为第三款、第四款：“甲。\n“乙。”", "第十三条增加一款作为该条第二款，即：“甲。”",
       "宪法第五条增加一款，作为第一款，规定：“甲。”"),
    _f("paragraph-add-end", rf"在?(?P<t>{R})中?增加(?:规定|{CNT}款(?:规定)?){INTRO}(?P<q>{QS})", U.b_add_paragraphs,
       "宪法第十一条增加规定：“甲。”", "第三条增加一款：“甲。”", "在第三条中增加两款：“甲。\n“乙。”"),
    _f("item-add",
       rf"(?:在)?(?P<t>{R})?(?:中)?(?:后)?增加{CNT}(?P<unit>项|目)，?(?:分别)?作为(?P<pos>{R}){INTRO}(?P<q>{QS})",
       U.b_add_items,
       "第九条第一款增加一项，作为第三项：“（三）丙；”", "在第七条中增加一项作为第六项，即：“负责农村节能减排工作；”",
       "第五条条首部分修改为：“甲”；并增加一项作为第三项规定：“乙的。”", "第二条第一款第三项增加一目，作为第二目：“2．乙；”"),
    _f("sentence-add",
       rf"(?:在)?(?P<t>{R})?(?:中|末尾|最后)?增加{CNT}句(?:，作为第(?P<sn>{N})句)?{INTRO}(?P<q>{QS})",
       U.b_add_sentence, "第十条第一款增加一句，作为第二句：“乙。”", "第十条第二款增加一句：“丙。”",
       "在第十条第一款最后增加一句：“丙。”", "在第十条第一款末尾增加一句：“丙。”"),
)


def match_clause(clause: str, env: Env) -> bool:
    """Build the operations of the first row whose pattern matches the whole clause."""
    for row in FORMULAS:
        if not any(h in clause for h in row.hints):
            continue
        m = row.pattern.fullmatch(clause)
        if m:
            row.build(m, env)
            return True
    return False
