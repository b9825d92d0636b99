"""The 题注 of a derived text gains the decision's entry in the style the 题注 already has."""

from __future__ import annotations

import pytest

from lawdiff.amend.decisions import parse_decision
from lawdiff.amend.history import amended_note, history_entry

NPC = "全国人民代表大会常务委员会"
DECISION = parse_decision(
    f"{NPC}关于修改《中华人民共和国对外贸易法》的决定\n"
    f"（2022年12月30日第十三届{NPC}第三十八次会议通过）\n"
    "删去第九条。\n"
)
ACT = parse_decision(
    "中华人民共和国刑法修正案（十二）\n"
    f"（2023年12月29日第十四届{NPC}第七次会议通过）\n"
    "一、删去刑法第九条。\n"
)
LOCAL = parse_decision(
    "某省人民代表大会常务委员会关于修改《某省甲条例》的决定\n"
    "（2020年11月27日某省第十三届人民代表大会常务委员会第二十一次会议通过）\n"
    "删去第九条。\n"
)
D2022 = f"2022年12月30日第十三届{NPC}第三十八次会议"
D2023 = f"2023年12月29日第十四届{NPC}第七次会议"
D2016 = f"2016年11月7日第十二届{NPC}第二十四次会议"
TITLE = "《关于修改〈中华人民共和国对外贸易法〉的决定》"
X11 = f"2020年12月26日第十三届{NPC}第二十四次会议通过的《中华人民共和国刑法修正案（十一）》"
X12 = f"{D2023}通过的《中华人民共和国刑法修正案（十二）》"
LOCAL_ENTRY = "根据2020年11月27日某省第十三届人民代表大会常务委员会第二十一次会议《关于修改〈某省甲条例〉的决定》修正"


@pytest.mark.parametrize(
    ("decision", "note", "after"),
    [
        # no amendment yet: 根据…修正
        (DECISION, "（1994年5月12日通过）", f"（1994年5月12日通过　根据{D2022}{TITLE}修正）"),
        # national, second amendment: the first becomes 第一次, the new one 第二次
        (
            DECISION,
            f"（2004年4月6日修订　根据{D2016}《关于修改〈中华人民共和国对外贸易法〉等十二部法律的决定》修正）",
            f"（2004年4月6日修订　根据{D2016}《关于修改〈中华人民共和国对外贸易法〉等十二部法律的决定》第一次修正"
            f"　根据{D2022}{TITLE}第二次修正）",
        ),
        # a database that drops 根据: so does the new entry
        (
            DECISION,
            f"（2004年4月6日修订　{D2016}《关于修改〈中华人民共和国对外贸易法〉等十二部法律的决定》修正）",
            f"（2004年4月6日修订　{D2016}《关于修改〈中华人民共和国对外贸易法〉等十二部法律的决定》第一次修正"
            f"　{D2022}{TITLE}第二次修正）",
        ),
        # 修正案 listed one by one without a verb
        (ACT, f"（1997年3月14日修订　{X11}）", f"（1997年3月14日修订　{X11}　{X12}）"),
        # 修正案 grouped: 根据A和B修正 → 根据A、B和C修正
        (
            ACT,
            f"（1997年3月14日修订　根据1999年12月25日第九届{NPC}第十三次会议通过的《中华人民共和国刑法修正案》和{X11}修正）",
            f"（1997年3月14日修订　根据1999年12月25日第九届{NPC}第十三次会议通过的《中华人民共和国刑法修正案》、"
            f"{X11}和{X12}修正）",
        ),
        # a province adds 修正 after numbered entries (Shanxi 2020)
        (
            LOCAL,
            "（1989年9月22日通过　根据1995年5月18日某省第八届人民代表大会常务委员会第十五次会议《关于修改〈某省甲条例〉的决定》第一次修正）",
            "（1989年9月22日通过　根据1995年5月18日某省第八届人民代表大会常务委员会第十五次会议《关于修改〈某省甲条例〉的决定》第一次修正"
            f"　{LOCAL_ENTRY}）",
        ),
    ],
)
def test_the_new_entry_follows_the_style_of_the_note(decision, note, after) -> None:  # type: ignore[no-untyped-def]
    entry = history_entry(decision)
    assert entry is not None
    assert amended_note(note, decision, entry) == after
