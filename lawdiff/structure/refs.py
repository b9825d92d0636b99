"""Articles addressed as written: 3, 第三条, 133之一, 第一百三十三条之一 (also 133之1, 第3条)."""

from __future__ import annotations

from typing import NamedTuple

import regex

from lawdiff.errors import InputError
from lawdiff.i18n import _
from lawdiff.structure.numerals import NumeralError, int_to_cn, to_int

_REF = regex.compile(
    r"^第?([0-9０-９]+|[零一二三四五六七八九十百千两〇]+)条?(?:之([0-9０-９]+|[一二三四五六七八九十]+))?$"
)
_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")


class ArticleRef(NamedTuple):
    number: int
    sub: int = 0  # 之一 = 1

    @property
    def label(self) -> str:
        label = f"第{int_to_cn(self.number)}条"
        return f"{label}之{int_to_cn(self.sub)}" if self.sub else label

    def matches(self, article: object) -> bool:
        return (getattr(article, "number", None), getattr(article, "sub", None)) == tuple(self)


def article_ref(value: str | int | ArticleRef) -> ArticleRef:
    """The article a user names; anything else is a one-line input error."""
    if isinstance(value, ArticleRef):
        return value
    if isinstance(value, int):
        return ArticleRef(value)
    m = _REF.match(value.strip().replace(" ", ""))
    if m:
        try:
            ref = ArticleRef(_number(m.group(1)), _number(m.group(2)) if m.group(2) else 0)
        except NumeralError:
            ref = None
        if ref is not None and 0 < ref.number < 10000 and ref.sub < 10000:  # what a label can say
            return ref
    raise InputError(
        _("bad article {value!r}: write 3, 第三条, 133之一 or 第一百三十三条之一").format(value=value)
    )


def _number(text: str) -> int:
    text = text.translate(_WIDE)
    return int(text) if text.isdigit() else to_int(text)
