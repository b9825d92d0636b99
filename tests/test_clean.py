"""Cleaning rules, on the seeds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lawdiff.sources.clean import PUA_DOT, PUA_MIDDOT, canonical, clean, physical_lines, width

from .conftest import F20, F24, cleaned, seed_lines


def test_character_rules() -> None:
    assert (
        canonical("第十七条 以划拨,(一)«A‹B›»:;!?")
        == "第十七条\u3000以划拨，（一）《A〈B〉》：；！？"
    )
    assert canonical(f"由６{PUA_DOT}５％调整为９％.") == "由6.5％调整为9％。"
    assert canonical(f"１{PUA_DOT}将有关条款") == "1．将有关条款"
    assert canonical("１．５％") == "1.5％"
    assert canonical(f"PM２{PUA_DOT}５") == "PM2.5"
    assert canonical(f"“５{PUA_MIDDOT}１８国际博物馆日”") == "“5·18国际博物馆日”"
    assert canonical("本条例自２０２１年 １ 月 １ 日起") == "本条例自2021年1月1日起"
    assert (
        canonical("NB－IoT A级 5G") == "NB－IoT A级5G"
    )  # spaces survive only between Latin/digits
    assert canonical("open source") == "open source"


@given(st.text(alphabet=",.;:()!?«»‹› 　１２３４５ab一二三条" + PUA_DOT + PUA_MIDDOT, max_size=40))
def test_canonical_is_idempotent(raw: str) -> None:
    once = canonical(raw)
    assert canonical(once) == once


def test_no_ascii_sentence_punctuation_or_fullwidth_digits_left() -> None:
    for path in (F20, F24):
        for p in cleaned(path).paras:
            assert not any(ch in p.text for ch in ",;:()!?«»‹›"), (p.first, p.text)
            assert not any("０" <= ch <= "９" for ch in p.text), (p.first, p.text)
            assert PUA_DOT not in p.text and PUA_MIDDOT not in p.text


def test_debris_is_dropped() -> None:
    lines, debris = physical_lines("\n".join(seed_lines(F24)))
    assert debris == 26  # 10 running headers + 16 page numbers (SEEDS.md §5.3, §5.4)
    assert not any(
        "常务委员会公报2" in ln.text or (ln.text.startswith("—") and ln.text.endswith("—"))
        for ln in lines
    )
    _, debris20 = physical_lines("\n".join(seed_lines(F20)))
    assert debris20 == 9 + 28


def test_page_header_inside_an_article_is_bridged() -> None:
    """F20 L4998 → (page number, header) → L5006: one sentence of 细则 art.29."""
    para = next(p for p in cleaned(F20).paras if p.first <= 4998 <= p.last)
    assert "应当再次核对选民名单，发现错登、漏登" in para.text


def test_width_counts_halves() -> None:
    assert width("第一条") == 3
    assert width(",.２a") == 2.0  # raw extraction: ASCII punctuation, full-width digits


def _para_at(path, line):  # type: ignore[no-untyped-def]
    return next(p for p in cleaned(path).paras if p.first <= line <= p.last)


def test_known_paragraph_truths() -> None:
    # 法制委 report: 二次审议稿第十一条第一款 is "国土空间规划依法实行分级审批。" (F24 L1607 ends it)
    assert _para_at(F24, 1607).text.endswith("国土空间规划依法实行分级审批。")
    assert _para_at(F24, 1609).text.startswith("经依法批准的国土空间规划")
    # 2024 land art.15: three sentences, three 款
    assert _para_at(F24, 1647).text.endswith("擅自占用或者改变其用途。")
    assert _para_at(F24, 1658).text.startswith("禁止通过擅自调整国土空间规划等方式")
    # election law: "书面提出罢免要求。罢免要求应当写明罢免理由。" is one 款
    assert "书面提出罢免要求。罢免要求应当写明罢免理由" in _para_at(F20, 5425).text
    # a 款 never ends in a semicolon
    assert "过半数通过；罢免由县级以上" in _para_at(F20, 5487).text


def test_history_note_is_one_paragraph_with_separated_entries() -> None:
    note = _para_at(F24, 1480).text
    assert note.startswith("（1999年9月26日") and note.endswith("会议修订）")
    assert note.count("\u3000根据") == 2
    assert "第二次修正\u30002024年3月28日" in note


def test_no_undecided_breaks_remain_in_the_seeds() -> None:
    assert cleaned(F20).ambiguous == []
    assert cleaned(F24).ambiguous == []


def test_without_corrections_the_undecidable_breaks_are_reported() -> None:
    result = clean("\n".join(seed_lines(F20)))
    assert 2785 in result.ambiguous  # 政务数据 art.17, decided in laws/corrections/2020-6.yaml
