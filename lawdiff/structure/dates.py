"""Chinese dates: 2024年3月28日 / 二〇二四年三月二十八日 -> datetime.date."""

from __future__ import annotations

import re
from datetime import date

from lawdiff.errors import InputError
from lawdiff.i18n import _

# 日 may be missing in the source (公报2024-2 L3490 "2024年3月28山西省…"): a day
# number followed by a non-digit is still unambiguous.
DATE = re.compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})(?:日|(?![0-9]))")
_CN_DATE = r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def parse_cn_date(text: str) -> date | None:
    """The first date in ``text`` (Arabic or Chinese numerals), or None."""
    m = DATE.search(text)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(_CN_DATE, text)
    if m:
        from lawdiff.structure.numerals import to_int

        year = int(m.group(1).translate(_YEAR_DIGITS))
        return _make(year, to_int(m.group(2)), to_int(m.group(3)))
    return None


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def all_dates(text: str) -> list[date]:
    out = []
    for m in DATE.finditer(text):
        d = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            out.append(d)
    return out


def parse_iso(text: str, what: str = "date") -> date:
    """A user-supplied YYYY-MM-DD; anything else is a one-line input error."""
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", text.strip())
    if not m:
        raise InputError(_("bad {what} {text!r}: expected YYYY-MM-DD").format(what=what, text=text))
    d = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if d is None:
        raise InputError(_("bad {what} {text!r}: no such day").format(what=what, text=text))
    return d
