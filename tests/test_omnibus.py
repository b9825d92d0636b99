"""Omnibus decisions in every layout seen in real decisions: the right instructions for each
regulation, titles matched through 《》/〈〉 nesting, 中华人民共和国 prefixes and a renaming."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawdiff.amend.apply import apply_decision
from lawdiff.amend.decisions import parse_decision
from lawdiff.cli import build_app
from lawdiff.errors import AmendmentError
from lawdiff.structure.model import LawText
from lawdiff.structure.parse import parse_text

A = "甲市物业管理条例\n第一条　甲一。\n第二条　甲二。\n第三条　甲三。"
B = "甲市实施《中华人民共和国水法》办法\n第一条　乙一。\n第二条　乙二，依照本办法第三条处理。\n第三条　乙三。"
A_NAME, B_NAME = "甲市物业管理条例", "甲市实施《中华人民共和国水法》办法"

LAYOUTS = {
    "对《》作出修改, 1．": """甲市人民代表大会常务委员会关于修改《甲市物业管理条例》《甲市实施〈中华人民共和国水法〉办法》的决定
甲市人民代表大会常务委员会决定：
一、对《甲市物业管理条例》作出修改
1．将第一条修改为：“甲一新。”
2．删去第二条。
二、对《甲市实施〈中华人民共和国水法〉办法》作出修改
1．删去第一条。
以上法规根据本决定作相应修改并对条文顺序作相应调整，重新公布。""",
    "对《》的修改, （一）（二）": """深圳市人民代表大会常务委员会关于修改《甲市物业管理条例》等二项法规的决定
一、对《甲市物业管理条例》的修改
（一）将第一条修改为：“甲一新。”
（二）删去第二条。
二、对《甲市实施〈中华人民共和国水法〉办法》的修改
删去第一条。
本决定自公布之日起施行。
以上法规根据本决定作相应修改并对条文顺序作相应调整，重新公布。""",
    "修改《》, quote on the next line": """最高人民法院关于修改《甲市物业管理条例》等二件规定的决定
根据审判实践需要，决定对下列规定作如下修改：
一、修改《甲市物业管理条例》
1.将第一条修改为：
“甲一新。”
2.删除第二条。
3.条文顺序作相应调整。
二、修改《甲市实施〈中华人民共和国水法〉办法》
1.删除第一条。
2.条文顺序作相应调整。""",
    "关于《》 headings": """甲市人民代表大会常务委员会关于修改部分地方性法规的决定
关于《甲市物业管理条例》
将第一条修改为：“甲一新。”
删去第二条。
关于《甲市实施〈中华人民共和国水法〉办法》
删去第一条。
上述法规根据本决定作相应修改并对条文顺序作相应调整，重新公布。""",
    "（一）title, unquoted text": """甲市人民政府关于修改部分规章的决定
经研究，市政府决定，对下列规章予以修改：
一、对下列规章的部分条款予以修改
（一）甲市物业管理条例
将第一条修改为：
甲一新。
删去第二条。
（二）甲市实施《中华人民共和国水法》办法
删去第一条。
二、对下列规章予以废止
（一）甲市某某办法
本决定自公布之日起施行。
根据本决定对上述规章作相应修改并对条文顺序作相应调整，重新公布。""",
    "numbered across regulations": """甲市人民代表大会常务委员会关于修改部分地方性法规的决定
甲市人民代表大会常务委员会决定，修改下列地方性法规：
1.将《甲市物业管理条例》第一条修改为：“甲一新。”
删去第二条。
2.删去《甲市实施〈中华人民共和国水法〉办法》第一条。
以上法规根据本决定作相应修改并对条文顺序作相应调整，重新公布。""",
    "《》 headings": """甲市人民代表大会常务委员会关于修改部分地方性法规的决定
《甲市物业管理条例》
1.将第一条修改为：“甲一新。”
2.删去第二条。
《甲市实施〈中华人民共和国水法〉办法》
删去第一条。
以上法规根据本决定作相应修改并对条文顺序作相应调整，重新公布。""",
}


def _texts(decision: str) -> tuple[LawText, LawText]:
    dec = parse_decision(decision, decision_id="d")
    a = apply_decision(parse_text(A.splitlines()), dec, law_title=A_NAME, decision_id="d").text
    b = apply_decision(parse_text(B.splitlines()), dec, law_title=B_NAME, decision_id="d").text
    return a, b


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_each_layout_gives_each_regulation_its_own_instructions(layout: str) -> None:
    a, b = _texts(LAYOUTS[layout])
    assert [x.text for x in a.articles] == ["第一条　甲一新。", "第二条　甲三。"]
    # B's 第二条 cites 本办法第三条, renumbered with the text
    assert [x.text for x in b.articles] == [
        "第一条　乙二，依照本办法第二条处理。",
        "第二条　乙三。",
    ]


def test_one_instruction_naming_two_regulations() -> None:
    dec = parse_decision(
        "甲市人民代表大会常务委员会关于修改部分地方性法规的决定\n"
        "1.将《甲市物业管理条例》第一条，《甲市实施〈中华人民共和国水法〉办法》第一条中的“一”修改为“壹”。\n"
        "2.删去《甲市物业管理条例》第三条，《甲市实施〈中华人民共和国水法〉办法》第一条中的“乙”。"
    )
    assert [p.target for p in dec.parts] == [A_NAME, B_NAME]
    a = apply_decision(parse_text(A.splitlines()), dec, law_title=A_NAME).text
    b = apply_decision(parse_text(B.splitlines()), dec, law_title=B_NAME).text
    assert [x.text for x in a.articles] == ["第一条　甲壹。", "第二条　甲二。"]
    assert [x.text for x in b.articles] == [
        "第一条　壹。",
        "第二条　乙二，依照本办法第三条处理。",
        "第三条　乙三。",
    ]


def test_without_law_the_part_is_chosen_by_the_base_title_and_law_picks_exactly_one() -> None:
    dec = parse_decision(LAYOUTS["对《》作出修改, 1．"])
    b = apply_decision(parse_text(B.splitlines()), dec).text  # no --law: B's own title
    assert len(b.articles) == 2
    with pytest.raises(AmendmentError, match="is not amended by this decision"):
        apply_decision(parse_text(A.splitlines()), dec, law_title="乙市物业管理条例")
    with pytest.raises(AmendmentError, match="the base text is 甲市物业管理条例"):
        apply_decision(parse_text(A.splitlines()), dec, law_title=B_NAME)


def test_closing_sentence_renumbers_only_the_regulations_it_names() -> None:
    dec = parse_decision(
        LAYOUTS["对《》作出修改, 1．"].replace(
            "以上法规根据本决定作相应修改并对条文顺序作相应调整，重新公布。",
            "《甲市物业管理条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。",
        )
    )
    assert [p.renumber for p in dec.parts] == [True, None]
    assert not dec.renumber


def test_titles_match_through_nesting_prefixes_and_a_renaming() -> None:
    law = "中华人民共和国某某法\n第一条　甲。\n第二条　乙。"
    dec = parse_decision("中华人民共和国某某法修正案\n一、将某某法第一条修改为：“甲新。”")
    for title in ("某某法", "中华人民共和国某某法", "《中华人民共和国某某法》"):
        assert (
            apply_decision(parse_text(law.splitlines()), dec, law_title=title).text.articles[0].text
            == "第一条　甲新。"
        )
    renaming = parse_decision(
        "关于修改《甲市物业管理条例》的决定\n一、将名称修改为：“甲市物业服务条例”\n二、删去第三条。"
    )
    # the new title names the part too (the hidden check gives --law the title in force)
    out = apply_decision(parse_text(A.splitlines()), renaming, law_title="甲市物业服务条例").text
    assert out.title == "甲市物业服务条例" and len(out.articles) == 2


def test_amend_command_picks_the_part_with_law(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "d.txt").write_text(LAYOUTS["关于《》 headings"], encoding="utf-8")
    r = CliRunner().invoke(build_app(), ["amend", "--base", str(tmp_path / "a.txt"), "--decision",
                                         str(tmp_path / "d.txt"), "--law", A_NAME])  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[1:] == ["第一条　甲一新。", "第二条　甲三。"]


HEADINGS = {
    "对《A》作如下修改：": "{n}、对《{t}》作如下修改：",
    "对《A》作出如下修改：": "{n}、对《{t}》作出如下修改：",
    "对《A》作出修改": "{n}、对《{t}》作出修改",
    "对《A》的修改": "{n}、对《{t}》的修改",
    "《A》作如下修改：": "{n}、《{t}》作如下修改：",
    "将《A》修改如下：": "{n}、将《{t}》修改如下：",
    "《A》修改：": "{n}、《{t}》修改：",
    "修改《A》": "{n}、修改《{t}》",
    "关于《A》": "{n}、关于《{t}》",
    "《A》": "{n}、《{t}》",
    "（一）A": "（{n}）{t}",
}
NUMBERS = [("（一）", "（二）"), ("1．", "2．"), ("1.", "2."), ("1、", "2、"), ("", "")]


@pytest.mark.parametrize("heading", list(HEADINGS))
@pytest.mark.parametrize("numbers", NUMBERS, ids=["paren", "dot", "ascii-dot", "comma", "none"])
def test_every_heading_with_every_numbering(heading: str, numbers: tuple[str, str]) -> None:
    """A special-economic-zone omnibus (深圳经济特区…) in each heading style the legislatures use,
    its instructions numbered in each way (or not at all)."""
    titles = ["深圳经济特区甲条例", "深圳经济特区乙条例", "深圳市丙规定"]
    h = [HEADINGS[heading].format(n=n, t=t) for n, t in zip("一二三", titles, strict=True)]
    text = "\n".join([
        "深圳市人民代表大会常务委员会关于修改《深圳经济特区甲条例》等三项法规的决定",
        "（2017年4月27日深圳市第六届人民代表大会常务委员会第十六次会议通过）",
        "深圳市第六届人民代表大会常务委员会第十六次会议决定：",
        h[0], f"{numbers[0]}删去第二条。", f"{numbers[1]}将第三条中的“甲”修改为“乙”。",
        h[1], "将第五条修改为：“第五条　乙。”",
        h[2], "将第一条中的“甲”修改为“乙”。",
        "本决定自2017年5月16日起施行。",
        "《深圳经济特区甲条例》等三项法规根据本决定作相应修改，重新公布。",
    ])  # fmt: skip
    d = parse_decision(text)
    got = [
        (p.target, len(p.instructions), sum(len(i.ops) for i in p.instructions)) for p in d.parts
    ]
    assert got == [(titles[0], 2, 2), (titles[1], 1, 1), (titles[2], 1, 1)]
    assert d.republish
