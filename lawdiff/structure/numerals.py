"""Chinese legal numerals: 第一百零二条 <-> 102.

Two paths, on purpose:

* ``cn_to_int`` / ``int_to_cn`` use cn2an in strict mode, the library that
  gets the legal forms right (一百一十, 一千零一十) and rejects malformed ones.
  cn2an costs ~150 ms to import, so it is imported lazily and only on paths
  that parse new text (ingest, decisions, amend).
* ``parse_label_number`` is the read path used by ``show``: it accepts only the
  canonical forms that ``int_to_cn`` produces (checked against cn2an for
  1..9999 in the tests), so reading the corpus never pays cn2an's import.
"""

from __future__ import annotations

from functools import lru_cache

from lawdiff.i18n import _

DIGITS = "零一二三四五六七八九"
_DIGIT = {c: i for i, c in enumerate(DIGITS)}
_UNIT = {"十": 10, "百": 100, "千": 1000}
NUMERAL_CHARS = DIGITS + "十百千两〇"


class NumeralError(ValueError):
    """A string is not a canonical Chinese legal numeral."""


@lru_cache(maxsize=4096)
def cn_to_int(text: str) -> int:
    """Strictly convert a Chinese numeral (一百零二) to an int, via cn2an."""
    import cn2an  # lazy: ~150 ms import

    try:
        value = cn2an.cn2an(text, "strict")
    except (ValueError, KeyError) as exc:
        raise NumeralError(_("not a Chinese numeral: {text!r}").format(text=text)) from exc
    if not isinstance(value, int) and not (isinstance(value, float) and value.is_integer()):
        raise NumeralError(_("not a whole number: {text!r}").format(text=text))
    return int(value)


@lru_cache(maxsize=4096)
def int_to_cn(number: int) -> str:
    """Format 1..9999 the way Chinese statutes write numbers (十, 一百一十, 一千零一十)."""
    if not 0 < number < 10000:
        raise NumeralError(_("number out of range for a legal label: {number}").format(number=number))
    out: list[str] = []
    zero_pending = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // unit_value % 10
        if digit == 0:
            if out:
                zero_pending = True
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        if not (unit == "十" and digit == 1 and not out):
            out.append(DIGITS[digit])
        out.append(unit)
    return "".join(out)


def parse_label_number(text: str) -> int:
    """Fast strict parser for canonical numerals (the inverse of ``int_to_cn``)."""
    if not text:
        raise NumeralError(_('empty numeral'))
    total = 0
    current = -1  # digit seen but not yet multiplied by a unit
    last_unit = 10000
    for ch in text:
        if ch == "零":
            if current != -1 or last_unit == 10000:
                raise NumeralError(_("not a canonical numeral: {text!r}").format(text=text))
            continue
        if ch in _DIGIT:
            if current != -1:
                raise NumeralError(_("not a canonical numeral: {text!r}").format(text=text))
            current = _DIGIT[ch]
        elif ch in _UNIT:
            unit = _UNIT[ch]
            if unit >= last_unit:
                raise NumeralError(_("not a canonical numeral: {text!r}").format(text=text))
            if current == -1:
                if ch != "十" or total:
                    raise NumeralError(_("not a canonical numeral: {text!r}").format(text=text))
                current = 1
            total += current * unit
            current = -1
            last_unit = unit
        else:
            raise NumeralError(_("not a Chinese numeral: {text!r}").format(text=text))
    if current != -1:
        total += current
    if total == 0 or int_to_cn(total) != text:
        raise NumeralError(_("not a canonical numeral: {text!r}").format(text=text))
    return total


def to_int(text: str) -> int:
    """Canonical numerals fast, anything else through cn2an (strict)."""
    try:
        return parse_label_number(text)
    except NumeralError:
        return cn_to_int(text)
