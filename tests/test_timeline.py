"""Which text is in force when: effective dates, not-yet-in-force, repeal, missing texts."""

from __future__ import annotations

from datetime import date

import pytest

from lawdiff.corpus.reader import Corpus
from lawdiff.corpus.timeline import in_force, revision_by_id, status_on
from lawdiff.errors import InputError
from lawdiff.query.show import show

from .conftest import LAWS

C = Corpus(LAWS)


def test_land_measures_by_effective_date() -> None:
    before = show(C, "土地管理法实施办法", on=date(2024, 4, 15))  # adopted 03-28, effective 05-01
    assert before.revision.id == "2020-11-27" and len(before.text.articles) == 37
    assert "2024-03-28" in before.reason and "takes effect 2024-05-01" in before.reason
    after = show(C, "土地管理法实施办法", on=date(2024, 5, 1))
    assert after.revision.id == "2024-03-28" and len(after.text.articles) == 48
    early = show(C, "土地管理法实施办法", on=date(1990, 1, 1))
    assert early.status == "not-yet-in-force" and early.text is None


def test_revision_without_text_names_the_nearest_with_text() -> None:
    shown = show(C, "土地管理法实施办法", on=date(2010, 1, 1))
    assert shown.revision.id == "2008-05-16" and shown.text is None
    assert (
        "not in the corpus" in shown.reason
        and "nearest revision with text: 2020-11-27" in shown.reason
    )
    assert "adoption date used" in shown.reason


def test_repealed() -> None:
    shown = show(C, "农村初级卫生保健条例", on=date(2021, 6, 1))
    assert shown.status == "repealed" and "repealed on 2021-01-01" in shown.reason
    still = in_force(C.load_law("农村初级卫生保健条例"), date(2020, 12, 31))
    assert (
        still.status == "in-force"
    )  # the repeal was adopted 2020-11-27 but applies from 2021-01-01


def test_amendment_cannot_apply_before_the_regulation_does() -> None:
    law = C.load_law("机关运行保障条例")
    assert in_force(law, date(2020, 12, 1)).status == "not-yet-in-force"
    jan = in_force(law, date(2021, 1, 1))
    assert jan.status == "in-force" and jan.revision.id == "2020-11-27"


def test_new_regulations_take_effect_on_their_date() -> None:
    law = C.load_law("城乡居民补充养老保险条例")
    assert in_force(law, date(2020, 12, 31)).status == "not-yet-in-force"
    assert in_force(law, date(2021, 1, 1)).revision.id == "2020-11-27"


def test_status_on_a_day() -> None:
    st = status_on(C.load_law("农村初级卫生保健条例"), date(2026, 1, 1))
    assert (st.status, st.repealed) == ("repealed", date(2021, 1, 1))
    st = status_on(C.load_law("土地管理法实施办法"), date(2024, 4, 1))
    assert st.status == "in-force" and st.effective_known
    assert (st.pending.id, st.pending_effective) == ("2024-03-28", date(2024, 5, 1))
    st = status_on(C.load_law("阳泉市物业管理条例"), date(2026, 1, 1))
    assert st.status == "in-force" and not st.effective_known and st.pending is None


def test_revision_lookup() -> None:
    law = C.load_law("土地管理法实施办法")
    assert revision_by_id(law, "2024").id == "2024-03-28"
    assert revision_by_id(law, "latest").id == "2024-03-28"
    with pytest.raises(InputError, match="no revision"):
        revision_by_id(law, "1987")


def test_article_selection_and_errors() -> None:
    art = show(C, "土地管理法实施办法", rev="2020-11-27", article=21).articles
    assert (
        art is not None
        and art[0].text
        == "第二十一条　新申请宅基地条件、宅基地面积标准和人均面积限额标准由省人民政府规定。"
    )
    with pytest.raises(InputError, match="no article 第九十九条"):
        show(C, "土地管理法实施办法", rev="2020-11-27", article=99)
    with pytest.raises(InputError, match="not both"):
        show(C, "土地管理法实施办法", rev="2020-11-27", on=date(2021, 1, 1))
