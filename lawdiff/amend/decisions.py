"""修改决定 / 修正案 text -> typed operations, each with the source span it came from.

The grammar is clause-based.  An instruction (``1．…``, ``一、…`` or an
unnumbered paragraph) is split into clauses at ``；``/``。`` and at a ``，``
that starts a new verb; quoted texts are taken out first so their punctuation
cannot confuse the split.  Each clause is matched against the phrasings in
``PATTERNS``; article / paragraph / item references that a clause leaves out
are inherited from the previous clause (``将第四十七条中的…；删去第四项、第五项``).
Article numbers always refer to the text *before* the decision.

A clause that matches nothing is an error naming the instruction: the parser
never guesses.
"""

from __future__ import annotations

import regex

from lawdiff.amend.clauses import CN, NUM, Q, parse_instruction, strip_law_prefix
from lawdiff.amend.ops import Decision, Instruction, Part
from lawdiff.errors import AmendmentError
from lawdiff.structure.dates import parse_cn_date

# ---------------------------------------------------------------- segmentation

PART_HEADER = regex.compile(r"^([一二三四五六七八九十]+)、对《(.+)》作出(?:如下)?修改[：:]?$")
NUMBERED = regex.compile(r"^([0-9]+)[．.、]\s*")
CN_NUMBERED = regex.compile(rf"^([{CN}]+)、")
EFFECTIVE = regex.compile(
    r"^本(?:决定|修正案)自(公布之日|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)起(?:施行|实施)。?$"
)
REPUBLISH = regex.compile(
    r"根据本决定作相应(?:的)?修改(?:，?并?对(.+?)顺序作相应(?:的)?调整)?(?:后)?，重新公布"
)
VERB_START = regex.compile(
    rf"^(?:将|删去|删除|在|增加|(?:本法|本条例|本办法|本细则|本规定|本决定)?第{NUM}[条款项章节]"
    rf"(?:之{NUM})?(?:第{NUM}[款项])*(?:中的{Q})?(?:修改为|增加|后增加|前增加|改为|调整为))"
)
PREAMBLE_HINT = regex.compile(r"决定[：:]$|如下[：:]$|修改如下|作如下修改")


def parse_decision(text: str, *, decision_id: str = "decision") -> Decision:
    """Parse a decision given as canonical lines (title, optional note, body)."""
    lines = [ln.strip("\u3000 ") for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    if not lines:
        raise AmendmentError("empty decision text", decision=decision_id)
    title = lines[0]
    body = lines[1:]
    if body and regex.match(r"^（.*(?:通过|修正|修订)）$", body[0]):
        body = body[1:]
    joined = "\n".join(lines)
    offsets = _line_offsets(lines)
    dec = Decision(title=title, text=joined, parts=[])
    default_target = _single_target(title)
    part: Part | None = None
    current: Instruction | None = None
    numbered_part = False
    base = len(lines) - len(body)
    for k, line in enumerate(body):
        start = offsets[base + k]
        span = (start, start + len(line))
        m_part = PART_HEADER.match(line)
        if m_part:
            part = Part(target=_unnest(m_part.group(2)))
            dec.parts.append(part)
            current = None
            numbered_part = False
            continue
        numbered = NUMBERED.match(line) or CN_NUMBERED.match(line)
        body_text = line[numbered.end() :] if numbered else line
        m_eff = EFFECTIVE.match(body_text)  # also "二、本决定自…起施行" in a draft
        if m_eff:
            if m_eff.group(1) == "公布之日":
                dec.effective_on_promulgation = True
            else:
                dec.effective = parse_cn_date(m_eff.group(1))
            current = None
            continue
        m_rep = REPUBLISH.search(line)
        if m_rep:
            dec.republish = True
            dec.renumber = dec.renumber or bool(m_rep.group(1))
            current = None
            continue
        numbered = NUMBERED.match(line) or CN_NUMBERED.match(line)
        body_text = line[numbered.end() :] if numbered else line
        if (
            part is None
            and not dec.parts
            and (PREAMBLE_HINT.search(line) or not _looks_like_instruction(body_text))
        ):
            dec.preamble.append(line)
            m_tab = regex.search(r"附件《([^》]+)》", line)
            if m_tab:
                dec.table_target = m_tab.group(1)
            continue
        if part is None:
            part = Part(target=default_target)
            dec.parts.append(part)
        m_num = NUMBERED.match(line)
        m_cn = None if m_num else CN_NUMBERED.match(line)
        if m_num or (m_cn and _looks_like_instruction(line[m_cn.end() :])):
            ordinal = m_num.group(1) if m_num else m_cn.group(1)  # type: ignore[union-attr]
            numbered_part = True
            current = Instruction(ordinal, line[(m_num or m_cn).end() :], span)  # type: ignore[union-attr]
            part.instructions.append(current)
            continue
        if current is not None and (_open_quote(current.text) or _looks_like_instruction(line)):
            current.text += "\n" + line
            current.span = (current.span[0], span[1])
            continue
        if not numbered_part and _looks_like_instruction(line):
            current = Instruction(str(len(part.instructions) + 1), line, span)
            part.instructions.append(current)
            continue
        dec.transitional.append(line)  # e.g. 代表名额根据本决定重新确定: no text edit
        current = None
    multi = len(dec.parts) > 1
    for p_no, p in enumerate(dec.parts, start=1):
        for ins in p.instructions:
            if multi:
                ins.ordinal = f"{_cn(p_no)}.{ins.ordinal}"
            ins.ops = parse_instruction(ins, decision_id=decision_id)
    if not any(p.instructions for p in dec.parts):
        raise AmendmentError("no amendment instructions found", decision=decision_id)
    return dec


def _cn(n: int) -> str:
    from lawdiff.structure.numerals import int_to_cn

    return int_to_cn(n)


def _line_offsets(lines: list[str]) -> list[int]:
    out, pos = [], 0
    for ln in lines:
        out.append(pos)
        pos += len(ln) + 1
    return out


def _single_target(title: str) -> str | None:
    inner = regex.sub(r"^.*?关于修改", "", title)
    quoted = [m.group(1) for m in regex.finditer(r"《((?:[^《》]|《[^《》]*》)*)》", inner)]
    if len(quoted) == 1:
        return _unnest(quoted[0])
    m = regex.match(r"^(?:中华人民共和国)?(.+?)修正案", title)
    if m:
        return m.group(1)
    return None


def _unnest(quoted: str) -> str:
    return quoted.translate(str.maketrans("《》〈〉", "〈〉《》"))


def _open_quote(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch == "“":
            depth = 1
        elif ch == "”":
            depth = 0
    return depth > 0


def _looks_like_instruction(line: str) -> bool:
    stripped = strip_law_prefix(line)
    if regex.match(r"^(?:将|删去|删除|在)", stripped):
        return True
    if regex.match(rf"^第{NUM}[条款项章节]", stripped) and regex.search(
        r"修改为|增加|删去|改为|调整为", stripped
    ):
        return True
    if regex.match(r"^增加(?:一|二|两|三|四|五)?(?:条|款|项|章|节)", stripped):
        return True
    return bool(regex.search(r"税目.*税率", stripped))
