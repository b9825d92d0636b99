"""The old→new article map a decision implies when the base text is not at hand (verify's
consistency mode, blame, Akoma Ntoso): renumbered or not, 之一 articles, articles moved."""

from __future__ import annotations

from lawdiff.amend.apply import renumbers
from lawdiff.amend.consistency import number_map
from lawdiff.amend.decisions import parse_decision


def _map(*instructions: str, tail: str = "") -> tuple[dict[int, int], dict[int, str], bool]:
    body = "\n".join(f"{i}．{t}" for i, t in enumerate(instructions, start=1))
    dec = parse_decision(f"关于修改《某某条例》的决定\n{body}\n{tail}")
    part = dec.parts[0]
    flag = renumbers(part, dec)
    nmap = number_map(part, 8, renumbered=flag)
    return nmap.new_of_old, nmap.added, flag


def test_renumbered_deletions_and_additions_shift_the_survivors() -> None:
    new_of_old, added, flag = _map(
        "删去第二条。", "增加一条，作为第五条：“新。”", tail="对条文顺序作相应调整。"
    )
    assert flag and added == {5: "2"}
    assert new_of_old == {1: 1, 3: 2, 4: 3, 5: 4, 6: 6, 7: 7, 8: 8}


def test_without_renumbering_every_survivor_keeps_its_number() -> None:
    # 刑法修正案: 删去第三条 leaves a gap, 增加一条作为第四条之一 shifts nothing
    new_of_old, added, flag = _map("删去第三条。", "在第四条后增加一条，作为第四条之一：“新。”")
    assert not flag and added == {}
    assert new_of_old == {k: k for k in range(1, 9) if k != 3}


def test_an_article_added_as_zhiyi_never_shifts_the_others() -> None:
    new_of_old, _, _ = _map(
        "在第四条后增加一条，作为第四条之一：“新。”", tail="对条文顺序作相应调整。"
    )
    assert new_of_old == {k: k for k in range(1, 9)}


def test_an_article_moved_goes_where_it_is_sent() -> None:
    new_of_old, _, flag = _map("将第七条调整为第二条。")
    assert flag
    assert new_of_old == {1: 1, 7: 2, 2: 3, 3: 4, 4: 5, 5: 6, 6: 7, 8: 8}


def test_consistency_finds_zhiyi_articles_by_label() -> None:
    """verify without the base text (刑法修正案: 之一 articles, nothing renumbered): each check
    looks at the article the label names, not at the n-th article."""
    from lawdiff.amend.consistency import consistency
    from lawdiff.structure.parse import parse_text

    official = parse_text(
        [
            "中华人民共和国刑法",
            "第一条　甲。",
            "第一条之一　新增。",
            "第二条　乙。",
            "第二条之一　丙二。",
            "第三条　丁。",
        ]
    )
    dec = parse_decision(
        "中华人民共和国刑法修正案\n"
        "一、在刑法第一条后增加一条，作为第一条之一：“新增。”\n"
        "二、将刑法第二条之一修改为：“丙二。”\n"
        "三、将刑法第三条中的“戊”修改为“丁”。\n"
    )
    part = dec.parts[0]
    checks = consistency(official, part, renumbered=renumbers(part, dec))
    assert [(c.op, c.article, c.status) for c in checks] == [
        ("AddArticles", "第一条之一", "consistent"),
        ("ReplaceUnit", "第二条之一", "consistent"),
        ("ReplaceTerms", "第三条", "consistent"),
    ]
