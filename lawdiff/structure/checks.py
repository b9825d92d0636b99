"""Signs that an input is damaged: control characters, repetition, a law text cut short.

Each check returns a one-line reason (or cleans, for control characters); the intake refuses what
they find unless the user says ``--force``. They look at the text only, never guess a fix.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from lawdiff.i18n import _
from lawdiff.structure.model import LawText

# ANSI escape sequences (CSI, OSC, other ESC-initiated ones), then any other C0/C1 control
_ESCAPES = regex.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI … final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC … BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC … ST
    r"|\x1b[@-Z\\-_]?"  # two-byte sequences, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f]"
)


def strip_controls(text: str) -> tuple[str, int, int]:
    """(text without control characters and escape sequences, how many removed, first line)."""
    first = _ESCAPES.search(text)
    if first is None:
        return text, 0, 0
    line = text.count("\n", 0, first.start()) + 1
    cleaned, n = _ESCAPES.subn("", text)
    return cleaned, n, line


def repetition(lines: Sequence[str], window: int = 40) -> str | None:
    """A run of ``window`` consecutive non-blank lines that occurs twice: the file repeats itself.

    Page headers and page numbers repeat by design but never 40 lines in a row; a law quoted in
    a decision and printed again is re-wrapped, not line-identical over 40 lines.
    """
    body = [(i, ln.strip()) for i, ln in enumerate(lines, start=1) if ln.strip()]
    if len(body) < 2 * window:
        return None
    seen: dict[str, int] = {}
    for k, (no, text) in enumerate(body):
        if len(text) < 12:
            continue
        j = seen.setdefault(text, k)
        if j == k:
            continue
        if k - j >= window and _same_run(body, j, k, window):
            return _("the file repeats itself: lines {first}–{last} come again from line {line}").format(
                first=body[j][0], last=body[j + window - 1][0], line=no
            )
    return None


def _same_run(body: list[tuple[int, str]], a: int, b: int, n: int) -> bool:
    if b + n > len(body):
        return False
    return all(body[a + i][1] == body[b + i][1] for i in range(n))


_TERMINAL = ("。", "！", "？")
_CLOSERS = "”’」』）)】"
# 本办法自2024年5月1日起施行 / 自公布之日起施行 / 公布施行 (a 题注, as for the 宪法)
_CLOSING_CLAUSE = regex.compile(
    r"自(?!然)[^。；，]{0,30}?(?:起|之日)(?:施行|实施|生效|执行)|公布施行"
)


# what a database text may end with although it has no final 。 (a clause, an omission mark)
_LENIENT_END = regex.compile(_CLOSING_CLAUSE.pattern + r"|(?:发布|公布|印发|略)[）)]?$")


def truncation(text: LawText, *, strict: bool = True) -> str | None:
    """A law text that ends mid-sentence or before its closing (effective-date) clause.

    ``strict`` (a gazette prints every law whole, closing clause last): both checks. Otherwise
    (consolidated texts from databases, which often leave out the final 。 or the effective-date
    article): only a last line that neither ends a sentence nor states a closing clause.
    """
    arts = text.articles
    if not arts:
        return None
    last = arts[-1]
    line = last.lines()[-1].rstrip()
    tail = line.rstrip(_CLOSERS)
    closing = "".join(ln for a in arts[-3:] for ln in a.lines()) + (text.note or "")
    if not tail.endswith(_TERMINAL) and (strict or not _LENIENT_END.search(line)):
        return _("the text ends mid-sentence ({label}: …{tail})").format(
            label=last.label, tail=tail[-16:]
        )
    if strict and not _CLOSING_CLAUSE.search(closing):
        return _(
            "the text stops before its closing clause: the last article ({label}) does "
            "not say when the law takes effect"
        ).format(label=last.label)
    return None


def missing_from_toc(toc: Sequence[str], headings: Sequence[str]) -> str | None:
    """Chapters or sections the 目录 announces that the body does not have."""
    have = {_key(h) for h in headings}
    missing = [t for t in toc if _key(t) not in have]
    if missing:
        if len(missing) > 1:
            return _(
                "the text has fewer parts than its 目录 announces: {first} and {n} more missing"
            ).format(first=missing[0], n=len(missing) - 1)
        return _("the text has fewer parts than its 目录 announces: {first} missing").format(
            first=missing[0]
        )
    return None


def _key(heading: str) -> str:
    return regex.sub(r"[\s\u3000]", "", heading)
