"""The one normalisation every reader applies before storage (texts written here)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawdiff.sources.normalize import grid_row, is_blank, normalize

CASES = [
    # ASCII marks in Chinese context become full width; numbers, times and Latin stay
    ("第一条 为了(一)规范,测试;1,000元 10:30 ISO 9001 2.5%", "第一条\u3000为了（一）规范，测试；1,000元10:30 ISO 9001 2.5%"),
    ("(一)民族乡办的企业;", "（一）民族乡办的企业；"),
    ("县(市、区）人民政府", "县（市、区）人民政府"),
    ("(1)电网负荷，是指", "（1）电网负荷，是指"),
    ("This is (a) test, ok.", "This is (a) test, ok."),
    # list numbers, decimals, a sentence end
    ("1.幼儿园、学校等；2.住宅", "1．幼儿园、学校等；2．住宅"),
    ("包括：1.捕捞船、养殖船；2.水产运销船", "包括：1．捕捞船、养殖船；2．水产运销船"),
    ("工资总额的１.５％。", "工资总额的1.5％。"),
    ("并报主管部门批准.", "并报主管部门批准。"),
    # quotes, nested book titles, «» of the gazette extraction
    ('打造"天堂硅谷"，建设', "打造“天堂硅谷”，建设"),
    ("《关于修改<中华人民共和国建筑法>等八部法律的决定》", "《关于修改〈中华人民共和国建筑法〉等八部法律的决定》"),
    ("«山西省‹土地管理法›办法»", "《山西省〈土地管理法〉办法》"),
    # invisible and padding code points, label separators, footnote markers
    ("\u3000\u3000第一条\u3000为了\u200b规范", "第一条\u3000为了规范"),
    ("第一章  基本规定", "第一章\u3000基本规定"),
    ("第一章\u2002总\u2002\u2002则", "第一章\u3000总则"),
    ("第一章　总　　则", "第一章\u3000总\u3000\u3000则"),  # printed padding of a title stays
    ("第二十条\u00a0\u00a0本条例自公布之日起施行。", "第二十条\u3000本条例自公布之日起施行。"),
    ("① 刑法、历次刑法修正案", "①\u3000刑法、历次刑法修正案"),
    ("2000年3月15日 第九届全国人民代表大会第三次会议通过", "2000年3月15日第九届全国人民代表大会第三次会议通过"),
]


@pytest.mark.parametrize("raw,stored", CASES)
def test_examples(raw: str, stored: str) -> None:
    assert normalize(raw) == stored


def test_gazette_profile_maps_every_ascii_mark() -> None:
    assert normalize("为实施«土地管理法»(以下简称«土地管理法»),制定本办法.", gazette=True) == (
        "为实施《土地管理法》（以下简称《土地管理法》），制定本办法。"
    )
    # the text profile leaves a Latin full stop alone
    assert normalize("Art. 5 适用", gazette=False) == "Art. 5适用"


def test_blank_lines_and_table_rows() -> None:
    assert is_blank("\u200b") and is_blank(" \u3000\u2002") and not is_blank("附则")
    assert grid_row(["税目", "1.0升(含)以下的", "a|b"]) == "| 税目 | 1.0升（含）以下的 | a\\|b |"


@given(st.text(alphabet=st.sampled_from(list("第一条章节 \u3000\u2002\u200b()（）,.;:，。1２a元《》<>\"附则")), max_size=30))
def test_idempotent(raw: str) -> None:
    once = normalize(raw)
    assert normalize(once) == once
