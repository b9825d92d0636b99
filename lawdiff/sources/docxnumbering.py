"""The numbers Word draws before paragraphs (its list numbering), as the page shows them.

A .docx can number its articles with Word's numbering (``w:numPr`` on the paragraph or its style,
definitions in ``numbering.xml``): the page shows 第一条, （一）, 1．, but the paragraph's text
does not hold them.  Reading the text alone would lose every label, so the numbers are computed
as Word does — a counter per list and level, lower levels restarting after a higher one,
``w:start`` and ``w:startOverride``, the level text ``第%1条`` with each ``%n`` in its level's
format — and put before the text.  Formats: decimal (also full width, zero-padded), Chinese
counting (一, 十一, 一百零一), circled numbers, Latin letters, Roman numerals, 甲乙丙…; a bullet
draws no label.  Any other format is refused, naming the paragraph.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any, NamedTuple

from lawdiff.errors import InputError
from lawdiff.i18n import _
from lawdiff.structure.numerals import NumeralError, int_to_cn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_CHINESE = {"chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
            "japaneseCounting", "ideographDigital"}  # fmt: skip
_DECIMAL = {"decimal", "decimalHalfWidth", "decimalFullWidth", "decimalFullWidth2", "decimalZero"}


class Level(NamedTuple):
    start: int
    fmt: str
    text: str
    suffix: str  # tab | space | nothing


class Numbering:
    def __init__(self, doc: Any, path: Path) -> None:
        self.path = path
        self.doc = doc  # the reader also resolves its embedded parts through it
        self.notes: Any = None  # and draws its footnote references (docxfile._Notes)
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self.styles: dict[str, tuple[str | None, int | None, str | None]] = {}  # id -> numId, ilvl, basedOn
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        self.paragraphs = 0
        try:
            root = doc.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None
        if root is not None:
            self._read_numbering(root)
        with contextlib.suppress(KeyError, AttributeError):
            self._read_styles(doc.styles.element)

    def _read_numbering(self, root: Any) -> None:
        for a in root.iterchildren(W + "abstractNum"):
            levels = {}
            for lvl in a.iterchildren(W + "lvl"):
                levels[_int(lvl.get(W + "ilvl"), 0)] = Level(
                    _int(_val(lvl, "start"), 1), _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "", _val(lvl, "suff") or "tab",
                )  # fmt: skip
            self.abstract[a.get(W + "abstractNumId") or ""] = levels
        for n in root.iterchildren(W + "num"):
            overrides = {}
            for o in n.iterchildren(W + "lvlOverride"):
                start = _val(o, "startOverride")
                if start is not None:
                    overrides[_int(o.get(W + "ilvl"), 0)] = _int(start, 1)
            self.nums[n.get(W + "numId") or ""] = (_val(n, "abstractNumId") or "", overrides)

    def _read_styles(self, root: Any) -> None:
        for s in root.iterchildren(W + "style"):
            ppr = s.find(W + "pPr")
            num = ppr.find(W + "numPr") if ppr is not None else None
            num_id = _val(num, "numId") if num is not None else None
            ilvl = _val(num, "ilvl") if num is not None else None
            self.styles[s.get(W + "styleId") or ""] = (num_id, _int(ilvl, 0) if ilvl else None, _val(s, "basedOn"))

    def _numpr(self, p: Any) -> tuple[str | None, int]:
        ppr = p.find(W + "pPr")
        num_id: str | None = None
        ilvl: int | None = None
        if ppr is not None:
            num = ppr.find(W + "numPr")
            if num is not None:
                num_id = _val(num, "numId")
                lv = _val(num, "ilvl")
                ilvl = _int(lv, 0) if lv is not None else None
            style = _val(ppr, "pStyle")
            seen: set[str] = set()
            while style and style not in seen and (num_id is None or ilvl is None):
                seen.add(style)
                s_num, s_lvl, based = self.styles.get(style, (None, None, None))
                num_id = num_id if num_id is not None else s_num
                ilvl = ilvl if ilvl is not None else s_lvl
                style = based
        return num_id, ilvl or 0

    def label(self, p: Any) -> str | None:
        """The number Word draws before this paragraph ('' or None when it draws none)."""
        self.paragraphs += 1
        num_id, ilvl = self._numpr(p)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id)
        if not levels or ilvl not in levels:
            return None
        counts = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lv, start in overrides.items():
                counts[lv] = start - 1
                for deeper in [k for k in counts if k > lv]:
                    del counts[deeper]
        level = levels[ilvl]
        counts[ilvl] = counts.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if level.fmt == "bullet":
            return None
        text = level.text
        for k in range(ilvl + 1, 0, -1):
            if f"%{k}" in text:
                lv = levels.get(k - 1, level)
                text = text.replace(f"%{k}", self._format(counts.get(k - 1, lv.start), lv.fmt))
        if not text:
            return None
        return text + {"tab": "\t", "space": " "}.get(level.suffix, "")

    def _format(self, n: int, fmt: str) -> str:
        try:
            if fmt in _DECIMAL:
                return f"{n:02d}" if fmt == "decimalZero" else str(n)
            if fmt in _CHINESE:
                return int_to_cn(n)
            if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
                return chr(0x2460 + n - 1)
            if fmt in ("upperLetter", "lowerLetter") and n >= 1:
                ch = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
                return ch if fmt == "upperLetter" else ch.lower()
            if fmt in ("upperRoman", "lowerRoman") and 1 <= n < 4000:
                return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
            if fmt == "ideographTraditional" and 1 <= n <= 10:
                return _HEAVENLY[n - 1]
            if fmt == "none":
                return ""
        except NumeralError:
            pass
        raise InputError(
            _("{path}: paragraph {paragraph} is numbered by Word's list numbering in a format lawdiff cannot render ({fmt}, number {n}); save the document with its numbers as text").format(path=self.path, paragraph=self.paragraphs, fmt=fmt, n=n)
        )


def _val(el: Any, name: str) -> str | None:
    child = el.find(W + name) if el is not None else None
    return child.get(W + "val") if child is not None else None


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _roman(n: int) -> str:
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)
