"""The entry a consolidated text's 题注 gains from a decision, in the style the 题注 already has.

Official 题注 cite amendments in several styles, and a re-publication continues its own:

* one entry per decision: ``根据2008年…会议《关于修改〈…〉的决定》修正``; the national
  legislature numbers them once a law has been amended twice (``第一次修正　根据…第二次修正``,
  the earlier entry renumbered when the second comes, counting from the last 修订), a province
  may not (Shanxi's 2020 texts add ``修正`` after ``第二次修正``);
* 修正案 grouped in one entry: ``根据1999年…通过的《刑法修正案》、…和2020年…通过的《刑法修正案（十一）》修正``;
* databases that drop 根据 and the verb: ``2023年…会议通过的《中华人民共和国刑法修正案（十二）》``.

``amended_note`` continues the style of the last amendment entry of the note; a note without
one gets ``根据…《…》修正``.
"""

from __future__ import annotations

import regex

from lawdiff.amend.ops import Decision
from lawdiff.amend.titles import _ISSUER
from lawdiff.structure.numerals import cn_to_int, int_to_cn

# the decision's own 题注; a city's decision also names the province's approval:
# （2024年6月27日甲市…会议通过　2024年7月31日乙省…会议批准）
_ADOPTED = regex.compile(
    r"（([0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)(.+?会议)通过"
    r"(?:[\u3000 ]*(?P<approved>[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日.+?会议)批准)?）"
)
_ANNOUNCED = regex.compile(
    r"已由(?P<session>[^，。]+?会议)于(?P<date>[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)通过"
)
_ENTRY = regex.compile(
    r"^(?P<by>根据)?(?P<when>[0-9]{4}年.+?会议)(?P<passed>通过(?:并经.+?会议批准)?的)?(?P<title>《.+》)"
    r"(?P<verb>第(?P<n>[一二三四五六七八九十]+)次修正|修正)?$"
)


def entry_parts(decision: Decision) -> tuple[str, str] | None:
    """(date + session, 《title》) of the decision as a 题注 cites it; an approved decision's
    date + session reads …会议通过并经…会议批准的 (the entry's 通过的 is then part of it)."""
    m = _ADOPTED.search(decision.text)
    title = _ISSUER.sub("", decision.title)
    nested = title.translate(str.maketrans("《》〈〉", "〈〉《》"))
    if not m:  # no 题注, but the 公告 printed before it: 《…的决定》已由…会议于2024年6月27日通过
        g = _ANNOUNCED.search(decision.text)
        if not g or "批准" in decision.text[g.end() : g.end() + 60]:
            return None
        return g.group("date") + g.group("session"), f"《{nested}》"
    when = m.group(1) + m.group(2)
    if m.group("approved"):
        when += f"通过并经{m.group('approved')}批准的"
    return when, f"《{nested}》"


def history_entry(decision: Decision) -> str | None:
    """根据…会议《关于修改…的决定》修正: the entry in its plainest style."""
    parts = entry_parts(decision)
    if parts is None:
        return None
    when, title = parts
    passed = "通过的" if "修正案" in title and not when.endswith("的") else ""
    return f"根据{when}{passed}{title}修正"


def amended_note(note: str, decision: Decision, default: str) -> str:
    """``note`` (a 题注 in full-width brackets) with the decision's entry added in its style."""
    parts = entry_parts(decision)
    inner = note[1:-1] if note.startswith("（") and note.endswith("）") else None
    if parts is None or inner is None:
        return note[:-1] + "\u3000" + default + "）"
    when, title = parts
    entries = inner.split("\u3000")
    last = next((k for k in range(len(entries) - 1, -1, -1) if _ENTRY.match(entries[k])), None)
    if last is None:
        return f"（{inner}\u3000{default}）"
    model = _ENTRY.match(entries[last])
    assert model is not None
    if _ISSUER.match(model["title"][1:]):  # the 题注 cites decisions with their issuer: 《甲市人民代表大会常务委员会关于…》
        title = "《" + decision.title.translate(str.maketrans("《》〈〉", "〈〉《》")) + "》"
    act = "修正案" in title
    grouped = model["by"] and model["verb"] == "修正" and entries[last].count("《") > 1
    if grouped and act:  # 根据A、B和C修正: C becomes B's 、 and the new one comes last
        body = entries[last][2:-2]
        k = body.rfind("》和")  # not the 和 of 共和国
        if k >= 0:
            body = body[: k + 1] + "、" + body[k + 2 :]
        entries[last] = f"根据{body}和{when}通过的{title}修正"
        return f"（{'　'.join(entries)}）"
    passed = "通过的" if (model["passed"] or act) and not when.endswith("的") else ""
    by = model["by"] or ""
    if model["verb"] is None:
        verb = ""
    elif "全国人民代表大会" in when:  # the national legislature numbers them
        verb = f"第{int_to_cn(_ordinal(entries))}次修正"
    elif model["n"] and not any(d in when for d in _UNNUMBERED):
        # a local 题注 that numbers its entries goes on numbering them (第三次修正 → 第四次修正:
        # 185 of 185 local texts in a public collection that print a 第一次修正 go on with 第二次修正)
        verb = f"第{int_to_cn(_ordinal(entries))}次修正"
    else:  # unnumbered entries stay so (北京市: 根据…修正　根据…修正); Shanxi's 2020 texts add 修正
        verb = "修正"
    entries.append(f"{by}{when}{passed}{title}{verb}")
    return f"（{'　'.join(entries)}）"


# legislatures seen adding an unnumbered entry after numbered ones (the Shanxi 2020 gazette texts)
_UNNUMBERED = ("山西省",)


def _ordinal(entries: list[str]) -> int:
    """The new amendment's ordinal since the last 修订; an unnumbered first one becomes 第一次."""
    start = max((k + 1 for k, e in enumerate(entries) if e.endswith("修订")), default=0)
    n = 0
    for k in range(start, len(entries)):
        m = _ENTRY.match(entries[k])
        if m is None or m["verb"] is None:
            continue
        n = cn_to_int(m["n"]) if m["n"] else n + 1
        if m["n"] is None:
            entries[k] = entries[k][: -len("修正")] + f"第{int_to_cn(n)}次修正"
    return n + 1
