from __future__ import annotations

import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawdiff.structure.numerals import (
    NumeralError,
    cn_to_int,
    int_to_cn,
    parse_label_number,
    to_int,
)


def test_legal_forms() -> None:
    assert int_to_cn(10) == "十"
    assert int_to_cn(15) == "十五"
    assert int_to_cn(102) == "一百零二"
    assert int_to_cn(110) == "一百一十"
    assert int_to_cn(1010) == "一千零一十"
    assert int_to_cn(2004) == "二千零四"


def test_fast_parser_agrees_with_cn2an_everywhere() -> None:
    for n in range(1, 10000):
        label = int_to_cn(n)
        assert parse_label_number(label) == n
        assert cn2an.cn2an(label, "strict") == n


@given(st.integers(min_value=1, max_value=9999))
def test_round_trip(n: int) -> None:
    assert to_int(int_to_cn(n)) == n


@pytest.mark.parametrize(
    "bad", ["一百十", "两百", "〇", "十十", "百", "零一", "一九九九", "abc", ""]
)
def test_malformed_numerals_are_refused(bad: str) -> None:
    with pytest.raises(NumeralError):
        to_int(bad)


def test_cn2an_path_accepts_non_canonical_but_valid() -> None:
    assert cn_to_int("一十一") == 11
