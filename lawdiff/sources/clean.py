"""Clean gazette text extracted from PDF into canonical paragraphs.

The rules, in order (each is deterministic; see ``tests/test_clean.py``):

1. **Debris.** Blank lines, running page headers
   (``　山西省人民代表大会常务委员会公报２０２４•２　``) and page-number lines
   (``—８—``, digits reversed by the extraction) are dropped.
2. **Line marks.** One leading U+0020 marks the first line of a PDF page, not a
   paragraph: it is removed.  Leading U+3000 indentation and trailing spaces are
   removed.
3. **Curated corrections** (``laws/corrections/<issue>.yaml``) are applied to the
   raw lines: replacements of mis-extracted characters and decisions on
   ambiguous paragraph breaks, each with its reason.
4. **Paragraphs.** The gazette is printed in narrow columns with hard wraps and
   no indentation after the first paragraph, so paragraph ends are decided
   from the printed widths (CJK = 1 em, punctuation, digits and Latin = ½ em)
   against the local column width ``C`` (75th percentile of the neighbouring
   lines):

   * a line that starts a structure (第…条, 第…章, （一）, １．, 一、, a date or
     history header, ———, 附件) starts a new paragraph;
   * a line that does not end in 。；：！？ ends its paragraph only when it is
     clearly short (< C - 3: titles, signatures, dates);
   * a line that ends in 。；：！？ ends its paragraph when it is short
     (< C - 1.5); when it fills the column, the next line decides: a full next
     line (≥ C - 1) continues the paragraph, an indented one (the gazette
     indents the first line of a paragraph by 2 em) starts a new one; if the
     next line is itself a short last line nothing can be read from the widths:
     the break is *ambiguous* and needs a curated decision;
   * a parenthesised block opened by （ at a paragraph start (history headers)
     runs until its bracket closes.
5. **Characters.** , . ; : ( ) ! ? → ，。；：（）！？; « » ‹ › → 《》〈〉;
   U+1001B0 and U+FF0E → ``.`` between digits (6.5％), ``．`` after a list
   number (1．); U+100170 → ``·`` (the 间隔号 of GB/T 15834); full-width digits
   → ASCII; letter-spacing spaces are removed (a space survives only between
   two Latin letters or digits).  NFKC is *not* used: it would rewrite the
   Chinese punctuation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from lawdiff.errors import GazetteError
from lawdiff.i18n import _
from lawdiff.sources.normalize import FULLWIDTH_DIGITS, PUA_DOT, PUA_MIDDOT, normalize

PAGE_HEADER = regex.compile(
    r"^[\u3000 ]*山西省人民代表大会常务委员会公报[０-９0-9]{4}.[０-９0-9]+[\u3000 ]*$"
)
PAGE_NUMBER = regex.compile(r"^[\u3000 ]*—[０-９0-9]+—[\u3000 ]*$")
ISSUE_IN_HEADER = regex.compile(r"常务委员会公报([０-９0-9]{4}).([０-９0-9]+)")

_CN_NUM = "零一二三四五六七八九十百千"
STRUCTURE_START = regex.compile(
    r"^(?:"
    rf"第[{_CN_NUM}]+条(?:之[{_CN_NUM}]+)?[\u3000 ]"  # article
    rf"|第[{_CN_NUM}]+[编章节](?:[\u3000 ]|$)"  # part / chapter / section heading
    rf"|\([{_CN_NUM}]+\)"  # item (一)
    rf"|[０-９0-9]+[{PUA_DOT}．、]"  # list number １．
    rf"|[{_CN_NUM}]+、"  # 一、
    r"|\((?:第[{_CN_NUM}]+号|[０-９0-9]{4}年)"  # (第二十一号) / (２０２４年…通过)
    r"|———"  # speech subtitle
    r"|附件[０-９0-9]*(?::|$)"
    r"|主任、各位副主任"
    r")".replace("{_CN_NUM}", _CN_NUM)
)
_ENUM_HEADING = regex.compile(r"^[一二三四五六七八九十]+、")
# a paragraph that is complete by its form: the part header of an omnibus decision
COMPLETE_PARA = regex.compile(r"^[一二三四五六七八九十]+、对«[^»]+»作出(?:如下)?修改$")
DATE_LINE = regex.compile(r"^[０-９0-9]{4}年[０-９0-9]{1,2}月[０-９0-9]{1,2}日$")
TERMINAL = frozenset(".;:!?")
CLOSERS = frozenset("”’»›)")

_HALF = frozenset(",.;:!?()、“”‘’«»‹›．" + PUA_DOT + PUA_MIDDOT)

def width(text: str) -> float:
    """Printed width in em: CJK 1, punctuation / digits / Latin ½."""
    total = 0.0
    for ch in text:
        if ch in _HALF or ch.isascii() or "０" <= ch <= "９":
            total += 0.5
        else:
            total += 1.0
    return total


def canonical(raw: str) -> str:
    """Map extracted characters to the printed gazette form (rule 5): the shared normalisation
    (``normalize.py``) in its gazette profile, where every ASCII mark stands for a Chinese one.

    An article label is followed by exactly one U+3000, as printed; the
    extraction sometimes gives an ASCII space or ' \u3000 ' instead.
    """
    return normalize(raw, gazette=True)


@dataclass(frozen=True)
class Line:
    """One physical line of text after debris removal."""

    no: int
    text: str
    page_start: bool = False
    indented: bool = False


@dataclass(frozen=True)
class Para:
    """One paragraph in canonical form, with the physical lines it came from."""

    text: str
    first: int
    last: int
    raw: str = field(repr=False, default="")
    indented: bool = False  # the first line carried the 2-em U+3000 indent


@dataclass(frozen=True)
class Correction:
    line: int
    reason: str
    replace: tuple[str, str] | None = None
    break_after: bool | None = None


@dataclass
class Corrections:
    """Curated fixes for one gazette issue, validated against the text they fix."""

    items: list[Correction] = field(default_factory=list)
    source: str = "corrections"

    def replacements(self) -> dict[int, list[Correction]]:
        out: dict[int, list[Correction]] = {}
        for c in self.items:
            if c.replace is not None:
                out.setdefault(c.line, []).append(c)
        return out

    def breaks(self) -> dict[int, Correction]:
        return {c.line: c for c in self.items if c.break_after is not None}


@dataclass
class CleanResult:
    paras: list[Para]
    issue: str | None
    sha256: str
    ambiguous: list[int]  # physical line numbers whose break was not decidable
    debris: int


def gazette_issue(text: str) -> str | None:
    """'2024-2' from the running header ``公报２０２４•２``."""
    m = ISSUE_IN_HEADER.search(text)
    if not m:
        return None
    return f"{m.group(1).translate(FULLWIDTH_DIGITS)}-{m.group(2).translate(FULLWIDTH_DIGITS)}"


def physical_lines(text: str, corrections: Corrections | None = None) -> tuple[list[Line], int]:
    """Rules 1–3: drop debris, strip line marks, apply curated replacements."""
    fixes = corrections.replacements() if corrections else {}
    out: list[Line] = []
    debris = 0
    used: set[int] = set()
    for no, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip(" \u3000\t"):
            continue
        if PAGE_HEADER.match(line) or PAGE_NUMBER.match(line):
            debris += 1
            continue
        page_start = line.startswith(" ") and not line.startswith("  ")
        body = line[1:] if page_start else line
        stripped = body.lstrip("\u3000 ")
        indented = len(stripped) < len(body)
        stripped = stripped.rstrip("\u3000 \t")
        for fix in fixes.get(no, []):
            assert fix.replace is not None
            old, new = fix.replace
            count = stripped.count(old)
            if count != 1:
                src = corrections.source if corrections else "corrections"
                raise GazetteError(
                    _("{src}: line {no}: expected {old!r} once, found it {count} times (the correction does not fit this gazette text)").format(src=src, no=no, old=old, count=count)
                )
            stripped = stripped.replace(old, new)
            used.add(no)
        out.append(Line(no, stripped, page_start, indented))
    missing = sorted(set(fixes) - used)
    if missing:
        src = corrections.source if corrections else "corrections"
        raise GazetteError(_("{src}: line {missing[0]} is blank or debris, nothing to correct").format(src=src, missing=missing))
    return out, debris


def _local_widths(lines: Sequence[Line], widths: Sequence[float], radius: int = 15) -> list[float]:
    """Column width around each line: 75th percentile of the nearby wrapped lines.

    A wrapped line (no final punctuation, followed by a continuation) fills the
    column by construction, so its width is the best estimate of the column.
    """
    in_block = _bracket_blocks(lines)
    wrapped = [
        i
        for i in range(len(lines) - 1)
        if not in_block[i]
        and not _ends_terminal(lines[i].text)
        and not STRUCTURE_START.match(lines[i + 1].text)
        and not lines[i + 1].indented
    ]
    cols: list[float] = []
    lo = 0
    for i in range(len(lines)):
        while lo < len(wrapped) and wrapped[lo] < i - radius:
            lo += 1
        hi = lo
        sample: list[float] = []
        while hi < len(wrapped) and wrapped[hi] <= i + radius:
            sample.append(widths[wrapped[hi]])
            hi += 1
        if not sample:
            sample = list(widths[max(0, i - radius) : i + radius + 1])
        sample.sort()
        cols.append(sample[(len(sample) * 3) // 4])
    return cols


def _bracket_blocks(lines: Sequence[Line]) -> list[bool]:
    """Lines of parenthesised blocks such as history headers (printed in a wider measure)."""
    out = [False] * len(lines)
    depth = 0
    for i, ln in enumerate(lines):
        if depth <= 0 and ln.text.startswith("(") and not ln.text.startswith("(第"):
            depth = 0
            if regex.match(r"^\([０-９0-9]{4}年", ln.text):
                depth = ln.text.count("(") - ln.text.count(")")
                out[i] = True
                continue
        if depth > 0:
            out[i] = True
            depth += ln.text.count("(") - ln.text.count(")")
    return out


def _ends_terminal(text: str) -> bool:
    core = text.rstrip("".join(CLOSERS))
    return bool(core) and core[-1] in TERMINAL


def _decide_breaks(
    lines: Sequence[Line], breaks: dict[int, Correction]
) -> tuple[list[bool], list[int]]:
    """For each line, True when its paragraph ends after it (rule 4)."""
    widths = [width(ln.text) for ln in lines]
    cols = _local_widths(lines, widths)
    ends: list[bool] = []
    ambiguous: list[int] = []
    depth = 0  # open brackets of a parenthesised block that started a paragraph
    para_start = True
    so_far = ""
    for i, ln in enumerate(lines):
        so_far = ln.text if para_start else so_far + ln.text
        if para_start:
            depth = 0
            if ln.text.startswith("("):
                depth = ln.text.count("(") - ln.text.count(")")
        elif depth > 0:
            depth += ln.text.count("(") - ln.text.count(")")
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        decision = _decide(ln, nxt, widths, cols, i, para_start)
        if depth > 0 and nxt is not None and not DATE_LINE.match(nxt.text):
            decision = False
        if COMPLETE_PARA.match(so_far):
            decision = True
        elif so_far.startswith("———") and not so_far.endswith("上") and nxt is not None:
            decision = False  # a speech line runs to …会议上
        if ln.no in breaks:
            decision = bool(breaks[ln.no].break_after)
        elif decision is None:
            ambiguous.append(ln.no)
            decision = True
        ends.append(decision)
        para_start = decision
    return ends, ambiguous


def _decide(
    ln: Line,
    nxt: Line | None,
    widths: Sequence[float],
    cols: Sequence[float],
    i: int,
    first: bool,
) -> bool | None:
    """True = paragraph ends after ``ln``; False = continues; None = undecidable.

    ``first``: ``ln`` is the first line of its paragraph, so it is indented by
    2 em and its full width is ``C - 2``.
    """
    if nxt is None:
        return True
    if STRUCTURE_START.match(nxt.text) or nxt.indented:
        return True
    if DATE_LINE.match(ln.text) or DATE_LINE.match(nxt.text):
        return True
    col = cols[i] - (2 if first else 0)
    w = widths[i]
    if not _ends_terminal(ln.text):
        if _ENUM_HEADING.match(ln.text):
            return w < cols[i] - 3  # a heading such as 二、对《…》作出修改: not indented
        return w < col - 3
    if ln.text.endswith(";"):
        # a 款 never ends in a semicolon; only items do, and items are structural
        return False
    if w < col - 1.5:
        return True
    wn = widths[i + 1]
    if wn >= cols[i] - 1:
        return False
    if not _ends_terminal(nxt.text):
        # the next line wraps, so its width shows its indentation
        return True
    return None


def clean(text: str, corrections: Corrections | None = None) -> CleanResult:
    """Raw gazette text -> canonical paragraphs (rules 1-5)."""
    if not text.strip():
        raise GazetteError(_('the gazette text is empty'))
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines, debris = physical_lines(text, corrections)
    breaks = corrections.breaks() if corrections else {}
    known = {ln.no for ln in lines}
    for no in breaks:
        if no not in known:
            src = corrections.source if corrections else "corrections"
            raise GazetteError(_("{src}: line {no} is blank or debris, no paragraph break to decide").format(src=src, no=no))
    ends, ambiguous = _decide_breaks(lines, breaks)
    paras: list[Para] = []
    buf: list[Line] = []
    for ln, end in zip(lines, ends, strict=True):
        buf.append(ln)
        if end:
            paras.append(_make_para(buf))
            buf = []
    if buf:
        paras.append(_make_para(buf))
    return CleanResult(paras, gazette_issue(text), sha, ambiguous, debris)


def _make_para(buf: Iterable[Line]) -> Para:
    items = list(buf)
    raw = _join_raw(items)
    return Para(canonical(raw), items[0].no, items[-1].no, raw, items[0].indented)


def _join_raw(items: Sequence[Line]) -> str:
    """Join wrapped lines; history-header entries keep a U+3000 between them."""
    out = items[0].text
    for ln in items[1:]:
        if out.startswith("(") and _NEW_ENTRY.match(ln.text) and out.endswith(_ENTRY_ENDS):
            out += "\u3000"
        out += ln.text
    return out


_NEW_ENTRY = regex.compile(r"^(?:根据|[０-９0-9]{4}年)")
_ENTRY_ENDS = ("通过", "修正", "修订", "批准")
