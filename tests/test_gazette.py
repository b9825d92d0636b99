"""Splitting and classifying both seed gazettes, checked against SEEDS.md's document map."""

from __future__ import annotations

from datetime import date

import pytest

from lawdiff.errors import GazetteError
from lawdiff.sources.clean import canonical, clean
from lawdiff.sources.gazette import split

from .conftest import F20, F24, documents, seeds_table

KIND_OF = {
    "公告": "announcement",
    "NEW regulation": "regulation",
    "REVISED": "regulation",
    "CONSOLIDATED": "regulation",
    "AMENDMENT DECISION": "amendment",
    "REPEAL": "repeal",
    "approval": "approval",
    "说明": "explanation",
    "minutes": "minutes",
    "agenda": "agenda",
}


@pytest.mark.parametrize("key,path,count", [("24", F24, 53), ("20", F20, 75)])
def test_every_document_found_with_its_title(key: str, path, count: int) -> None:  # type: ignore[no-untyped-def]
    expected = [(first, canonical(title)) for k, first, _, title, _ in seeds_table() if k == key]
    docs = documents(path)
    assert len(docs) == count == len(expected)
    got = [
        (d.first, d.title + (f"（第{_cn(d.number)}号）" if d.kind == "announcement" else ""))
        for d in docs
    ]
    assert got == expected


@pytest.mark.parametrize("key,path", [("24", F24), ("20", F20)])
def test_kinds_agree_with_the_map(key: str, path) -> None:  # type: ignore[no-untyped-def]
    docs = {d.first: d for d in documents(path)}
    for k, first, _, _, kind in seeds_table():
        if k != key:
            continue
        for label, ours in KIND_OF.items():
            if kind.startswith(label) or kind.startswith(f"{label} "):
                if label == "approval" and "AMENDMENT" in kind:
                    continue
                assert docs[first].kind == ours, (first, kind, docs[first].kind)
                break


def test_metadata_of_the_regulations_and_decisions() -> None:
    d24 = {d.first: d for d in documents(F24)}
    mfg = d24[342]
    assert (mfg.adopted, mfg.promulgated, mfg.effective, mfg.number) == (
        date(2024, 3, 28),
        date(2024, 3, 28),
        date(2024, 5, 1),
        21,
    )
    tax = d24[2971]
    assert tax.kind == "amendment" and tax.effective == date(2024, 4, 1) and tax.number == 23
    assert d24[3006].kind == "draft"  # the 修正草案 printed without "(修正草案)" in its title
    assert d24[3485].adopted == date(2024, 3, 28)  # "2024年3月28山西省…": 日 missing in the source
    d20 = {d.first: d for d in documents(F20)}
    decision = d20[3370]
    assert decision.effective == decision.promulgated == date(2020, 11, 27)
    assert decision.effective_basis.endswith("自公布之日起施行")
    repeal = d20[5909]
    assert repeal.kind == "repeal" and repeal.repeal_effective == date(2021, 1, 1)
    jg = d20[4029]
    assert jg.effective == date(2021, 1, 1)  # its own last article


def test_approval_absorbs_its_report() -> None:
    doc = next(d for d in documents(F24) if d.first == 3377)
    assert doc.kind == "approval" and doc.last == 3403


def test_no_documents_is_an_error() -> None:
    with pytest.raises(GazetteError, match="no documents"):
        split(clean("这是一行没有标题的文字。\n\n另一行文字。\n"))


def _cn(n: int | None) -> str:
    from lawdiff.structure.numerals import int_to_cn

    return int_to_cn(n) if n else ""
