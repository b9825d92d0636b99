"""Which kind of law a text is, read from its issuing body (题注, promulgation order) and title."""

from __future__ import annotations

import regex

PROVINCE_LEVEL = regex.compile(r"^(?:北京市|天津市|上海市|重庆市|.{2,7}?省|.{2,8}?自治区)")
CITY = regex.compile(r"^.{2,8}?(?:市|自治州|州|盟|地区)")
_ISSUER = regex.compile(
    r"^(.*?)(?:第[一二三四五六七八九十百零0-9]+届)?(人民代表大会常务委员会|人民代表大会|"
    r"审判委员会|检察委员会|常务会议|国务院令|人民政府令|令)"
)


def kind_of(title: str, note: str | None, front: tuple[str, ...] = ()) -> str:
    """The kind slug (``structure.kinds.KINDS``) from the issuer named in the 题注 and the title."""
    said = (note or "") + "".join(front)
    if title == "中华人民共和国宪法":
        return "constitution"
    if regex.search(r"最高人民(?:法院|检察院)", said) or title.startswith(("最高人民法院", "最高人民检察院")):
        return "judicial-interpretation"
    if "国家监察委员会" in said:
        return "supervisory-regulation"
    if regex.search(r"自治条例|单行条例", title) or regex.match(r"^.{2,12}自治(?:州|县|旗)", title):
        return "autonomous-regulation"
    if regex.search(r"国务院令|国务院第[0-9一二三四五六七八九十百]+次常务会议|国务院批准", said) or title.startswith("国务院"):
        return "administrative-regulation"
    if regex.search(r"人民政府令|人民政府常务会议|政府第[0-9]+次常务会议", said):
        return "local-government-rule"
    if regex.search(r"部令|委员会令|总局令|署令|行令|部务会议|委务会议|局务会议", said):
        return "departmental-rule"
    if title.endswith(("决定", "决议")):
        return "decision"
    if "全国人民代表大会" in said or (not said and _national_title(title) and title.endswith("法")):
        return "decision" if title.endswith(("决定", "决议")) else "law"
    local = _local_kind(title, said)
    if local:
        return local
    if _national_title(title):
        return "law" if title.endswith("法") else "administrative-regulation"
    return "regulation"


_LEVELS = (
    ("宪法", "constitution"),
    ("监察法规", "supervisory-regulation"),
    ("行政法规", "administrative-regulation"),
    ("司法解释", "judicial-interpretation"),
    ("自治条例", "autonomous-regulation"),
    ("单行条例", "autonomous-regulation"),
    ("地方政府规章", "local-government-rule"),
    ("部门规章", "departmental-rule"),
    ("决定", "decision"),
    ("法律", "law"),
)


def kind_from_meta(title: str, level: str, issuer: str) -> str | None:
    """The kind a source's metadata states (效力级别：行政法规 / 制定机关：国务院), if it states one."""
    for word, kind in _LEVELS:
        if word in level:
            return "decision" if kind == "law" and title.endswith(("决定", "决议")) else kind
    if "地方性法规" in level or "经济特区法规" in level:
        return _local_kind(title, "") or "regulation"
    if issuer in ("国务院", "中华人民共和国国务院"):
        return "administrative-regulation"
    if issuer.startswith("全国人民代表大会"):
        return "decision" if title.endswith(("决定", "决议")) else "law"
    return None


def _national_title(title: str) -> bool:
    return title.startswith("中华人民共和国") or not (PROVINCE_LEVEL.match(title) or CITY.match(title))


def _local_kind(title: str, said: str) -> str | None:
    first = regex.search(r"[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日(.{2,12}?)第", said)
    body = first.group(1) if first else ""
    if body and not PROVINCE_LEVEL.match(body) and CITY.match(body):
        return "city-regulation"
    if body and PROVINCE_LEVEL.match(body):
        return "regulation"
    if PROVINCE_LEVEL.match(title):
        return "regulation"
    if CITY.match(title):
        return "city-regulation"
    return None


def issuer_of(note: str | None, front: tuple[str, ...] = ()) -> str:
    """全国人民代表大会常务委员会 / 国务院 / 郑州市人民代表大会常务委员会 … from the first event."""
    m = regex.search(r"[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日(.+?)(?:通过|公布|发布|批准|修订|　|$)", note or "")
    if not m:
        return ""
    body = regex.sub(r"第[一二三四五六七八九十百零]+届", "", m.group(1))
    if "国务院" in body:
        return "国务院"
    s = _ISSUER.match(body)
    if not s:
        return ""
    who, organ = s.group(1).removeprefix("中华人民共和国"), s.group(2)
    if organ in ("审判委员会", "检察委员会"):
        return who
    if organ.endswith("令"):
        return who.removesuffix("人民政府") + ("人民政府" if organ == "人民政府令" else "")
    if organ == "常务会议":
        return who
    return who + organ
