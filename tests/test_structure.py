"""The structure model of Chinese legislation, read from the canonical text (texts written here)."""

from __future__ import annotations

from lawdiff.structure.model import Grid, Heading
from lawdiff.structure.parse import numbering_problems, parse_text

CODE = """中华人民共和国示范法典
（2020年5月28日第十三届全国人民代表大会第三次会议通过）①
第一编　总　　则
第一章　基本规定
第一条　为了示范，制定本法。
第二条　本法所称示范，包括：
（一）甲；
（二）乙。
第二编　物　　权
第一分编　通　　则
第一章　一般规定
第三条　物权受法律保护。
第三条之一　示范物权的种类由法律规定。
第二章　物权的设立
第一节　不动产登记
第四条　不动产物权的设立，应当依照法律规定登记。
第二分编　所有权
第三章　所有权
第五条　所有权人依法享有权利。
附　　则
第六条　本法自2021年1月1日起施行。
①　本法的施行日期依照第六条确定。
附件一
下列法律同时废止：
1．示范通则
2．示范条例
"""


def test_parts_subparts_chapters_sections() -> None:
    text = parse_text(CODE.splitlines())
    heads = [(h.level, h.label, h.title) for h in text.headings]
    assert heads[:3] == [("编", "第一编", "总　　则"), ("章", "第一章", "基本规定"), ("编", "第二编", "物　　权")]
    assert ("分编", "第一分编", "通　　则") in heads
    assert heads[-1] == ("编", "", "附　　则")  # unnumbered, after the articles: top level
    arts = {a.label: a for a in text.articles}
    a4 = arts["第四条"]
    assert (a4.part, a4.subpart, a4.chapter, a4.section) == (
        "第二编　物　　权", "第一分编　通　　则", "第二章　物权的设立", "第一节　不动产登记"
    )  # fmt: skip
    a5 = arts["第五条"]
    assert (a5.subpart, a5.chapter, a5.section) == ("第二分编　所有权", "第三章　所有权", None)
    a6 = arts["第六条"]
    assert (a6.part, a6.subpart, a6.chapter) == ("附　　则", None, None)
    assert arts["第三条之一"].key == (3, 1)
    assert numbering_problems(text) == []  # 章 restart in each 编, continue across 分编


def test_notes_and_annexes_are_kept_apart() -> None:
    text = parse_text(CODE.splitlines())
    assert text.notes == ("①　本法的施行日期依照第六条确定。",)
    last = text.articles[-1]
    assert last.lines() == ["第六条　本法自2021年1月1日起施行。"]
    (annex,) = text.annexes
    assert annex.label == "附件一"
    assert annex.body == ("下列法律同时废止：", "1．示范通则", "2．示范条例")
    assert text.lines() == [ln for ln in CODE.splitlines() if ln]  # round trip


REGULATION = """某市示范条例
（2019年1月1日某市第一届人民代表大会常务委员会第一次会议通过　2019年3月1日某省第一届人民代表大会常务委员会第二次会议批准）
第一章　总则
第一条　本条例所称设施，包括：
（一）限额以上工程，包括：
1．学校；
2．医院；
（二）限额以下工程。
前款第二项规定的工程，由县级人民政府管理。
第二条　下列情形：
1．甲；
2．乙，包括：
（1）丙；
（2）丁。
附　　则
第三条　本条例自2019年5月1日起施行。
附：
示范收费标准表
| 项目 | 标准 |
| 学校 | 每平方米10元 |
| 医院 | 每平方米20元 |
"""


def test_items_points_and_paragraph_count() -> None:
    text = parse_text(REGULATION.splitlines())
    a1 = text.articles[0]
    assert len(a1.paragraphs) == 2  # the 目 are not 款: 第一条第二款 is 前款第二项…
    items = a1.paragraphs[0].items
    assert [i.label for i in items] == ["（一）", "（二）"]
    assert [p.text for p in items[0].points] == ["1．学校；", "2．医院；"]
    assert a1.paragraphs[1].body.startswith("前款第二项")
    a2 = text.articles[1]
    (para,) = a2.paragraphs
    assert [i.label for i in para.items] == ["1．", "2．"]  # Arabic items where no （一） stands
    assert [p.label for p in para.items[1].points] == ["（1）", "（2）"]


def test_unnumbered_heading_in_a_regulation_and_a_table_annex() -> None:
    text = parse_text(REGULATION.splitlines())
    assert text.headings[-1] == Heading("章", 0, "", "附　　则")
    assert text.articles[-1].chapter == "附　　则"
    (annex,) = text.annexes
    assert annex.label == "附：" and annex.title == "示范收费标准表"
    grid = annex.body[1]
    assert isinstance(grid, Grid) and grid.rows[2] == ("医院", "每平方米20元")
    assert text.lines() == [ln for ln in REGULATION.splitlines() if ln]


INTERPRETATION = """最高人民法院关于审理示范案件适用法律若干问题的解释
（2020年12月23日最高人民法院审判委员会第1823次会议通过）
为正确审理示范案件，制定本解释。
一、一般规定
第一条　示范合同，是指示范的合同。
二、其他
第二条　本解释自2021年1月1日起施行。
示范税率表一（综合所得适用）
| 级数 | 税率 |
| 1 | 3 |
（注：本表示范。）
示范税率表二（经营所得适用）
| 级数 | 税率 |
"""


def test_preamble_group_headings_and_title_annexes() -> None:
    text = parse_text(INTERPRETATION.splitlines())
    assert text.preamble == ("为正确审理示范案件，制定本解释。",)
    assert [(h.label, h.title, h.number) for h in text.headings] == [("一、", "一般规定", 1), ("二、", "其他", 2)]
    assert text.articles[1].chapter == "二、其他"
    assert [a.label for a in text.annexes] == ["示范税率表一（综合所得适用）", "示范税率表二（经营所得适用）"]
    assert text.articles[1].lines() == ["第二条　本解释自2021年1月1日起施行。"]
    assert text.lines() == [ln for ln in INTERPRETATION.splitlines() if ln]


CONSTITUTION = """中华人民共和国示范宪法
序　　言
中国是示范的国家。
国家的根本任务是示范。
第一章　总　　纲
第一条　示范。
"""


def test_preamble_under_its_heading() -> None:
    text = parse_text(CONSTITUTION.splitlines())
    assert text.preamble == ("序　　言", "中国是示范的国家。", "国家的根本任务是示范。")
    assert [b.label for b in text.blocks] == ["第一章", "第一条"]


def test_numbering_problems_still_found() -> None:
    broken = ["标题", "第一章　总则", "第一条　甲。", "第三条　乙。", "第三章　附则", "第四条　丙。"]
    problems = numbering_problems(parse_text(broken))
    assert problems == ["第三条 where 第二条 was expected", "第三章 where 第二章 was expected"]


def test_two_level_groups_of_an_interpretation_and_odd_headings() -> None:
    lines = [
        "最高人民法院关于示范担保制度的解释",
        "为正确适用示范法，制定本解释。",
        "一、关于一般规定",
        "第一条　担保合同无效的，依法处理。",
        "三、关于担保物权",
        "（一）担保合同与担保物权的效力",
        "第二条　抵押权自登记时设立。",
        "（二）不动产抵押",
        "第三条　不动产抵押，依照民法典办理。",
        "附件一辅助指挥的符号和信号（略）",
    ]
    text = parse_text(lines)
    heads = [(h.level, h.label, h.title) for h in text.headings]
    assert heads[:4] == [
        ("章", "一、", "关于一般规定"),
        ("章", "三、", "关于担保物权"),
        ("节", "（一）", "担保合同与担保物权的效力"),
        ("节", "（二）", "不动产抵押"),
    ]
    assert text.articles[2].section == "（二）不动产抵押"
    assert text.articles[2].lines() == ["第三条　不动产抵押，依照民法典办理。"]
    assert [a.label for a in text.annexes] == ["附件一辅助指挥的符号和信号（略）"]
    assert text.lines() == lines

    prison = ["示范监狱法", "第四章　狱政管理", "第五节　生活、卫生。", "第一条　罪犯收受物品，应当经批准。"]
    assert parse_text(prison).headings[1].title == "生活、卫生。"  # a stray full stop: still a heading
