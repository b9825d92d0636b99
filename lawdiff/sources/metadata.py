"""What a source says *about* a text, apart from the text: dates, issuing body, status, level.

Databases and the tools that copy from them print it as labelled lines — before the title
(北大法宝: ``发文机关：…`` / ``【发布日期】…``), right after it (``- 公布日期：2026-01-01  施行日期：
2026-06-01  效力状态：3  制定机关：…``), in YAML front matter (``publish_date: 2020-10-17``) or as
page furniture after the last article (``来源：…``, ``下载日期``, ``【法宝引证码】…``).  None of it
is law text: the layout rules take these lines out of the body, and ``read_meta`` reads them.

Only labelled facts are read: 公布日期 is the promulgation date, 施行日期 the date in force.  An
unlabelled value is never guessed at; a status code (效力状态：3) is kept as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, NamedTuple

import regex

PROMULGATED = ("公布日期", "发布日期", "颁布日期", "公布时间", "发布时间", "颁布时间", "印发日期")
EFFECTIVE = ("施行日期", "实施日期", "生效日期", "施行时间", "实施时间", "生效时间")
ISSUER = ("制定机关", "发布机关", "发文机关", "发布部门", "颁布机关", "公布机关", "制定部门", "批准机关", "批准部门")
STATUS = ("效力状态", "时效性", "时效状态", "效力")
LEVEL = ("效力级别", "效力位阶", "法律效力位阶", "法律性质", "法规性质")
NUMBER = ("发文字号", "文号")
OTHER = (
    "来源", "原文链接", "链接", "网址", "下载日期", "下载时间", "法宝引证码", "法宝联想", "唯一标志", "专题分类",
    "法规类别", "类别", "类型", "分类", "标签", "关键词", "责任编辑", "编辑", "浏览次数",
    "发布人", "信息来源", "所属类别", "有效性", "签发日期", "批准日期",
)  # fmt: skip
KEYS = PROMULGATED + EFFECTIVE + ISSUER + STATUS + LEVEL + NUMBER + OTHER
_KEY = "|".join(sorted(map(regex.escape, KEYS), key=len, reverse=True))
# 公布日期：2026-01-01 / 【发布部门】全国人大常委会 / URL: https://…
META_LINE = regex.compile(rf"^(?:【(?:{_KEY})】|(?:{_KEY})[ \u3000]*[：:]|(?:URL|url|Url)[ ]*[：:])")
_PAIR = regex.compile(rf"(?:【({_KEY})】|({_KEY})[ \u3000]*[：:])[ \u3000]*(.*?)[ \u3000]*(?=(?:【(?:{_KEY})】|(?:{_KEY})[ \u3000]*[：:])|$)")
FURNITURE = regex.compile(
    r"^(?:打印(?:本页|此文|本文)?|关闭(?:窗口|本页)?|返回顶部|收藏|分享到.*|扫一扫.*|【?字体[：:].*|"
    r"[（(]?责任编辑[：:].*|(?:©|Copyright|版权所有).*|(?:https?|ftp)://\S+|www\.\S+|"
    r"复制全文|复制链接|下载(?:PDF|WORD|Word|pdf|word)|全文下载.*)$"
)  # fmt: skip
_DATE = regex.compile(
    r"([0-9]{4})\s*(?:年|[-./])\s*([0-9]{1,2})\s*(?:月|[-./])\s*([0-9]{1,2})\s*日?|(?<![0-9])([0-9]{4})([0-9]{2})([0-9]{2})(?![0-9])"
)
# keys of front matter (YAML) and of database exports (flk's own field names)
YAML_KEYS = {
    "promulgated": ("publish_date", "publish", "published", "promulgated", "promulgation_date", "gbrq", "公布日期", "发布日期"),
    "effective": ("effective_date", "effective", "valid_from", "implement_date", "sxrq", "施行日期", "实施日期"),
    "issuer": ("office", "issuer", "zdjg", "zdjgName", "zdjg_name", "制定机关", "author"),
    "status": ("status", "sxx", "效力状态", "时效性"),
    "level": ("level", "flxz", "效力级别", "效力位阶"),
    "title": ("title", "标题"),
}


class Meta(NamedTuple):
    promulgated: date | None = None
    effective: date | None = None
    issuer: str = ""
    status: str = ""  # as written: 有效 / 已修改 / 3 …
    level: str = ""  # 法律 / 行政法规 / 地方性法规 …
    number: str = ""  # 发文字号
    title: str = ""  # from front matter
    dated: date | None = None  # an unlabelled date line under a Markdown title (LawRefBook: publish)
    lines: tuple[str, ...] = ()  # what was read, as written

    def said(self) -> str:
        """Issuer, level and number as one string, for the kind and issuer rules."""
        return " ".join(x for x in (self.issuer, self.level, self.number) if x)


def is_meta_line(line: str) -> bool:
    return bool(META_LINE.match(line))


def is_furniture(line: str) -> bool:
    """Page furniture of a database or web page (print/close links, copyright, bare URLs)."""
    return bool(META_LINE.match(line) or FURNITURE.match(line))


def read_meta(lines: Iterable[str], front: Mapping[str, Any] | None = None, dated: date | None = None) -> Meta:
    fields: dict[str, Any] = {}
    kept: list[str] = []
    for key, value in (front or {}).items():
        for name, aliases in YAML_KEYS.items():
            if key in aliases and value not in (None, "") and name not in fields:
                fields[name] = _date(value) if name in ("promulgated", "effective") else str(value).strip()
    for line in lines:
        pairs = list(_PAIR.finditer(line))
        if not pairs:
            continue
        kept.append(line)
        for m in pairs:
            key, value = m.group(1) or m.group(2), m.group(3).strip()
            name = _field(key)
            if name and value and not fields.get(name):
                fields[name] = _date(value) if name in ("promulgated", "effective") else value
    if dated is None and front and "date" in front:
        dated = _corroborated(front)
    for name in ("promulgated", "effective"):
        if name in fields and not isinstance(fields[name], date):
            fields.pop(name)
    title = fields.pop("title", "")
    return Meta(title=title if isinstance(title, str) else "", dated=dated, lines=tuple(kept), **fields)


def _corroborated(front: Mapping[str, Any]) -> date | None:
    """A front matter's bare ``date`` is the page's date in most sites; it is the law's only where
    the page's tags say the law was promulgated (or adopted) in that month (1982年12月公布)."""
    when = _date(front["date"])
    if when is None:
        return None
    words = " ".join(map(str, front.get("tag") or front.get("tags") or [])) if not isinstance(
        front.get("tag") or front.get("tags"), str) else str(front.get("tag") or front.get("tags"))  # fmt: skip
    month = f"{when.year}年{when.month}月"
    return when if regex.search(rf"{month}(?:[0-9]{{1,2}}日)?(?:公布|通过|发布)", words) else None


def _field(key: str) -> str | None:
    for name, keys in (("promulgated", PROMULGATED), ("effective", EFFECTIVE), ("issuer", ISSUER),
                       ("status", STATUS), ("level", LEVEL), ("number", NUMBER)):  # fmt: skip
        if key in keys:
            return name
    return None


def _date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date_in(str(value))


def date_in(text: str) -> date | None:
    """The first date written 2026-01-01, 2026.1.1, 2026/01/01, 2026年1月1日 or 20260101."""
    m = _DATE.search(text)
    if not m:
        return None
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        return None
