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
SHANXI = parse_decision(
    "山西省人民代表大会常务委员会关于修改《山西省甲条例》的决定\n"
    "（2020年11月27日山西省第十三届人民代表大会常务委员会第二十一次会议通过）\n"
    "删去第九条。\n"
)
SHANXI_ENTRY = "根据2020年11月27日山西省第十三届人民代表大会常务委员会第二十一次会议《关于修改〈山西省甲条例〉的决定》修正"
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
        # Shanxi's 2020 texts add 修正 after numbered entries
        (
            SHANXI,
            "（1989年9月22日通过　根据1995年5月18日山西省第八届人民代表大会常务委员会第十五次会议《关于修改〈山西省甲条例〉的决定》第一次修正）",
            "（1989年9月22日通过　根据1995年5月18日山西省第八届人民代表大会常务委员会第十五次会议《关于修改〈山西省甲条例〉的决定》第一次修正"
            f"　{SHANXI_ENTRY}）",
        ),
        # other local 题注 that number their entries go on numbering (上海, 浙江, 山东, 河南, 广东 …)
        (
            LOCAL,
            "（1989年9月22日通过　根据1995年5月18日某省第八届人民代表大会常务委员会第十五次会议《关于修改〈某省甲条例〉的决定》第一次修正）",
            "（1989年9月22日通过　根据1995年5月18日某省第八届人民代表大会常务委员会第十五次会议《关于修改〈某省甲条例〉的决定》第一次修正"
            f"　{LOCAL_ENTRY[:-2]}第二次修正）",
        ),
        # … and unnumbered ones stay unnumbered (北京市)
        (
            LOCAL,
            "（1989年9月22日通过　根据1995年5月18日某省第八届人民代表大会常务委员会第十五次会议《关于修改〈某省甲条例〉的决定》修正）",
            "（1989年9月22日通过　根据1995年5月18日某省第八届人民代表大会常务委员会第十五次会议《关于修改〈某省甲条例〉的决定》修正"
            f"　{LOCAL_ENTRY}）",
        ),
    ],
)
def test_the_new_entry_follows_the_style_of_the_note(decision, note, after) -> None:  # type: ignore[no-untyped-def]
    entry = history_entry(decision)
    assert entry is not None
    assert amended_note(note, decision, entry) == after


CITY = parse_decision(
    "甲市人民代表大会常务委员会关于修改《甲市乙条例》等三件地方性法规的决定\n"
    "（2024年6月27日甲市第十五届人民代表大会常务委员会第二十次会议通过"
    "　2024年7月31日丙省第十四届人民代表大会常务委员会第十一次会议批准）\n"
    "一、对《甲市乙条例》作出修改\n删去第九条。\n"
)
CITY_WHEN = (
    "2024年6月27日甲市第十五届人民代表大会常务委员会第二十次会议通过"
    "并经2024年7月31日丙省第十四届人民代表大会常务委员会第十一次会议批准的"
)


def test_a_city_decision_approved_by_the_province_is_cited_with_the_approval() -> None:
    # the decision's 题注 names the province's approval: the entry reads 通过并经…批准的《…》修正
    entry = history_entry(CITY)
    assert entry == f"根据{CITY_WHEN}《关于修改〈甲市乙条例〉等三件地方性法规的决定》修正"
    adopted = "（2010年1月1日甲市第十二届人民代表大会常务委员会第三次会议通过　2010年3月1日丙省第十一届人民代表大会常务委员会第十七次会议批准）"
    assert amended_note(adopted, CITY, entry) == adopted[:-1] + "\u3000" + entry + "）"
    # a 题注 that cites decisions with their issuer keeps doing so
    earlier = (
        "（2010年1月1日通过　根据2015年1月1日甲市第十三届人民代表大会常务委员会第三次会议通过并经"
        "2015年3月1日丙省第十二届人民代表大会常务委员会第十五次会议批准的"
        "《甲市人民代表大会常务委员会关于修改〈甲市乙条例〉的决定》修正）"
    )
    assert amended_note(earlier, CITY, entry) == earlier[:-1] + (
        f"\u3000根据{CITY_WHEN}《甲市人民代表大会常务委员会关于修改〈甲市乙条例〉等三件地方性法规的决定》修正）"
    )


def test_a_decision_printed_under_its_announcement_without_a_note() -> None:
    announced = parse_decision(
        "甲市人民代表大会常务委员会关于修改《甲市乙条例》的决定\n"
        "《甲市人民代表大会常务委员会关于修改〈甲市乙条例〉的决定》已由甲市第十五届人民代表大会常务委员会"
        "第二十次会议于2024年6月27日通过，现予公布，自公布之日起施行。\n"
        "甲市第十五届人民代表大会常务委员会第二十次会议决定对《甲市乙条例》作如下修改：\n删去第九条。\n"
    )
    assert history_entry(announced) == (
        "根据2024年6月27日甲市第十五届人民代表大会常务委员会第二十次会议《关于修改〈甲市乙条例〉的决定》修正"
    )
