"""修改决定 / 修正案 text -> parts (one per regulation) of instructions with their operations.

Layouts (all seen in real decisions, see ``notes/phrasings.md`` §4): a single-regulation
decision; ``一、对《A》作出修改`` / ``一、对《A》的修改`` / ``一、《A》作如下修改`` /
``一、将《A》修改如下`` / ``一、修改《A》`` / ``关于《A》`` /
``《A》`` / ``（一）A`` headings, their instructions numbered ``1．`` ``（一）`` or not at all;
numbered instructions that run across regulations, each naming its regulation the first time
(``1.在《A》第七条中…`` ⏎ ``第九条修改为…`` ⏎ ``2.将《B》…``); one instruction naming several.
Instructions carry the regulation they name; an operation is filed under the part of its
regulation.  Closing sentences set the effective date and which texts are renumbered.  What a
single line is (heading, group, numbering, closing sentence) is read with ``lines.py``.
"""

from __future__ import annotations

import regex

from lawdiff.amend.lines import (
    ABBREVIATION,
    AFTERWORD,
    AMENDMENT_ARTICLE,
    ANNEX,
    BARE_HEADER,
    CN_NUMBERED,
    EFFECTIVE,
    EFFECTIVE_IN,
    ENDS_ASKING,
    GROUP,
    LIST_ENTRY,
    LISTING,
    NOTE,
    NUMBERED,
    PAREN_NUMBERED,
    PART_HEADER,
    PROVISION,
    REPEAL,
    REPUBLISH,
    REPUBLISH_LINE,
    SOURCE_RE,
    STATEMENT,
    TITLES,
    cn,
    looks_like_instruction,
    next_ordinal,
    open_quote,
    single_target,
)
from lawdiff.amend.ops import Decision, Instruction, Part, Ref, Renumber, ReplaceUnit, Unstated
from lawdiff.amend.titles import same_title, unnest
from lawdiff.errors import AmendmentError, UnreadInstruction
from lawdiff.i18n import _
from lawdiff.structure.dates import parse_cn_date


def parse_decision(text: str, *, decision_id: str = "decision", strict: bool = True) -> Decision:
    """Parse a decision given as lines (title, optional 题注, body).

    ``strict`` (the default): an instruction that cannot be read is an AmendmentError.
    Otherwise it is recorded in ``Decision.failures`` and left out (for parse-rate reports).
    """
    lines = [ln.strip("\u3000 \t\ufeff") for ln in text.splitlines()]
    lines = _join_broken_names([ln for ln in lines if ln])
    if not lines:
        raise AmendmentError(_('empty decision text'), decision=decision_id)
    head = 1
    title = lines[0]
    while head < len(lines) and not regex.search(r"决定|修正案|修改", title) and len(lines[head]) < 60:
        title += lines[head]  # a title broken over lines
        head += 1
    if (
        head < len(lines)
        and not regex.search(r"(?:决定|修正案)$", title)
        and len(title) < 40
        and regex.search(r"(?:的决定|修正案(?:（[^）]+）)?)$", lines[head])
        and len(lines[head]) < 60
    ):
        title += lines[head]
        head += 1
    while head < len(lines) and NOTE.match(lines[head]):
        head += 1
    dec = Decision(title=title, text="\n".join(lines), parts=[])
    _Segmenter(dec, decision_id, strict).run(lines, head)
    return dec


def _join_broken_names(lines: list[str]) -> list[str]:
    """A regulation's name broken over two lines (一、对《深圳经济特区 ⏎ 人体器官捐献移植条例》作出修改)
    is one line again; a quotation is never joined this way (its “ is counted out)."""
    out: list[str] = []
    for ln in lines:
        prev = out[-1] if out else ""
        light = prev.split("“")[0]
        if light.count("《") > light.count("》") and "》" in ln and len(prev) < 80:
            out[-1] = prev + ln
        else:
            out.append(ln)
    return out


class _Segmenter:
    def __init__(self, dec: Decision, decision_id: str, strict: bool = True) -> None:
        self.strict = strict
        self.dec = dec
        self.id = decision_id
        self.default = single_target(dec.title)
        self.constitution = "宪法修正案" in dec.title
        self.part: Part | None = None
        self.current: Instruction | None = None
        self.unquoted = False  # the current instruction takes the following lines as its text
        self.listing = False  # 将下列法规中的“A”修改为“B”： the following lines name where
        self.headed = False  # the decision has part headings
        self.numbered = False
        self.repealing = False
        self.aliases: list[str] = []
        self.raw: list[tuple[Part, Instruction]] = []
        self.closing: list[str] = []
        self.closed = False  # the effective date or the republication sentence was read
        self.ended = False  # what follows the closing sentences is not the decision's body

    # ------------------------------------------------------------ lines

    def run(self, lines: list[str], start: int) -> None:
        offset = sum(len(ln) + 1 for ln in lines[:start])
        for line in lines[start:]:
            self.line(line, (offset, offset + len(line)))
            offset += len(line) + 1
        self.finish()

    def line(self, line: str, span: tuple[int, int]) -> None:
        dec = self.dec
        if self.ended or (self.closed and self.current is None and AFTERWORD.match(line)):
            self.ended = True  # 附件：1.《A》 (the texts as re-published) / 关于…的说明
            return
        for abbr in ABBREVIATION.findall(line):
            self.aliases.append(abbr)
        numbered = NUMBERED.match(line) or CN_NUMBERED.match(line) or PAREN_NUMBERED.match(line)
        quoting = self.current is not None and (open_quote(self.current.text) or line.startswith("“"))
        next_one = (
            numbered is not None
            and self.current is not None
            and next_ordinal(self.current.ordinal, numbered.group(1))
            and looks_like_instruction(line[numbered.end() :])
        )  # the next instruction: the quote before it lost its closing mark
        if quoting and not next_one:
            self._append(line, span)
            return
        if self.current is not None and self.listing and LIST_ENTRY.match(line):
            self._append(line, span)  # （一）《A》第五条； — one of the places the instruction lists
            return
        body = line[numbered.end() :] if numbered else line
        if self._effective(EFFECTIVE.match(body)):
            return
        if REPUBLISH.search(line) and REPUBLISH_LINE.search(line):
            self._effective(EFFECTIVE_IN.search(line))
            self.closing.append(line)
            dec.republish = True
            self.closed = True
            self.current = None
            return
        if STATEMENT.match(line) and not numbered:
            self.closing.append(line)
            self.current = None
            return
        if self._header(line):
            return
        if self.current is not None and self.unquoted and not looks_like_instruction(line):
            self._append(line, span, quoted=True)
            return
        m_art = AMENDMENT_ARTICLE.match(line) if self.constitution else None
        if m_art:
            self._start(m_art.group(1), line[m_art.end() :], span)
            return
        if numbered and (looks_like_instruction(body) or self.numbered or self.headed):
            self._start(numbered.group(1), body, span)
            return
        if self.part is None and self.current is None and not looks_like_instruction(line):
            dec.preamble.append(line)
            m_tab = ANNEX.search(line)
            if m_tab:
                dec.table_target = m_tab.group(1)
            return
        if self.current is not None and looks_like_instruction(line) and self.numbered:
            self._append(line, span)  # another paragraph of the same numbered instruction
            return
        if looks_like_instruction(line):
            count = sum(1 for p, _x in self.raw if p is self.part)
            self._start(str(count + 1), line, span, numbered=False)
            return
        if self.repealing:
            dec.transitional.append(line)
            return
        if self.part is not None and PROVISION.search(line):
            # it quotes a text or names a provision: an instruction lawdiff must read, not skip
            count = sum(1 for p, _x in self.raw if p is self.part)
            self._start(str(count + 1), line, span, numbered=False)
            return
        dec.transitional.append(line)  # e.g. 代表名额根据本决定重新确定: no text edit
        self.current = None

    def _effective(self, m: regex.Match[str] | None) -> bool:
        """本决定自…起施行: the decision's effective date (or: in force when promulgated)."""
        if m is None:
            return False
        if m.group(1) in ("公布之日", "发布之日"):
            self.dec.effective_on_promulgation = True
        else:
            self.dec.effective = parse_cn_date(m.group(1))
        self.current = None
        self.closed = True
        return True

    def _header(self, line: str) -> bool:
        if looks_like_instruction(line):
            return False
        m = PART_HEADER.match(line) or BARE_HEADER.match(line)
        if m:
            target = unnest(m.group("t")) if "《" in line else m.group("t")
            if self.repealing and not regex.search("修改|修正", SOURCE_RE.sub("", line)):
                self.dec.transitional.append(line)  # （一）《甲省丁条例》 under 二、废止下列…
                return True
            self.repealing = False
            self.part = self._part(target)
            self.headed = True
            self.current = None
            self.numbered = False
            return True
        if REPEAL.match(line):
            self.dec.transitional.append(line)
            self.repealing = True
            self.current = None
            return True
        g = GROUP.match(line)
        if g and "《" not in line:
            self.repealing = bool(regex.search("废止|失效", line))
            self.current = None
            return True
        return False

    def _part(self, target: str | None) -> Part:
        for p in self.dec.parts:
            if target is not None and any(same_title(t, target, exact=True) for t in p.titles()):
                return p
            if target is None and p.target is None:
                return p
        part = Part(target=target)
        self.dec.parts.append(part)
        return part

    def _start(self, ordinal: str, text: str, span: tuple[int, int], *, numbered: bool = True) -> None:
        if self.part is None:
            self.part = self._part(self.default)
        self.numbered = self.numbered or numbered
        self.current = Instruction(ordinal, text, span)
        if not self.headed and self.part.target is None and self.raw:
            self.part = Part(target=None)  # across regulations: each instruction routed by its names
        self.raw.append((self.part, self.current))
        self.unquoted = bool(ENDS_ASKING.search(text)) and not open_quote(text)
        self.listing = bool(LISTING.search(text))

    def _append(self, line: str, span: tuple[int, int], *, quoted: bool = False) -> None:
        assert self.current is not None
        if quoted:  # unquoted text on the following lines: wrapped as a quotation
            text = self.current.text
            if text.endswith("”"):
                self.current.text = text[:-1] + "\n“" + line + "”"
            else:
                self.current.text = text + "“" + line + "”"
        else:
            self.current.text += "\n" + line
        self.current.span = (self.current.span[0], span[1])

    # ------------------------------------------------------------ operations and parts

    def finish(self) -> None:
        from lawdiff.amend.clauses import read_instruction

        dec = self.dec
        dec.parts = []
        law: str | None = None
        ctx: dict[int, Ref | None] = {}  # per part: the provision the instruction before ended on
        for part, ins in self.raw:
            given = part.target if self.headed else (law or part.target)
            dec.instructions_seen += 1
            try:
                env = read_instruction(ins, decision_id=self.id, law=given, ctx=ctx.get(id(part)))
            except AmendmentError as exc:
                owner = self._owner(part, ins, law) if self.strict else None
                if owner is None:
                    if self.strict:
                        raise
                    dec.failures.append((ins.ordinal, str(exc)))
                    continue
                owner.unread.append(UnreadInstruction(exc))  # refused when that regulation is amended
                if not any(owner is p for p in dec.parts):
                    dec.parts.append(owner)
                continue
            ctx[id(part)] = env.ctx
            routed = env.out
            groups: dict[int, tuple[Part, list]] = {}
            for name, op in routed:
                target = self._same(self._route(part, name))
                groups.setdefault(id(target), (target, []))[1].append(op)
                if name is not None and not self.headed:
                    law = name
            for target, ops in groups.values():
                if not any(target is p for p in dec.parts):
                    dec.parts.append(target)
                target.instructions.append(Instruction(ins.ordinal, ins.text, ins.span, ops, law=target.target))
        self._closing()
        for p in dec.parts:  # 将名称修改为：“…”: the part answers to its new title too
            for ins in p.instructions:
                for op in ins.ops:
                    if isinstance(op, ReplaceUnit) and op.target.unit == "title" and op.text not in p.aliases:
                        p.aliases.append(op.text)
        multi = len(dec.parts) > 1
        for p_no, p in enumerate(dec.parts, start=1):
            for ins in p.instructions:
                if multi and self.headed:
                    ins.ordinal = f"{cn(p_no)}.{ins.ordinal}"
            if any(isinstance(op, Renumber) for i in p.instructions for op in i.ops):
                p.renumber = True
            if any(isinstance(op, Unstated) for i in p.instructions for op in i.ops):
                dec.unstated.append(p.target or "")
        if not dec.parts:
            if dec.transitional or dec.failures:
                return  # a decision without text edits (e.g. a standard no longer applied)
            raise AmendmentError(_('no amendment instruction found: the decision changes no text'), decision=self.id)

    def _owner(self, part: Part, ins: Instruction, law: str | None) -> Part | None:
        """The regulation an instruction lawdiff cannot read belongs to, when the layout says so
        without reading it: its part heading (一、对《A》作出修改), or, across regulations, the one
        regulation it names (将《B》第十条…) or the one the instruction before named.  Only that
        regulation is refused; an omnibus still amends the others.  None: the decision is refused."""
        if self.headed:
            return part if part.target else None
        if self.default is not None:
            return None  # the decision amends one regulation: it is refused
        names = {unnest(t) for t in TITLES.findall(ins.text.split("“")[0])}
        if len(names) > 1:
            return None
        name = names.pop() if names else law
        return self._same(self._route(part, name)) if name else None

    def _route(self, part: Part, name: str | None) -> Part:
        """The part an operation naming regulation ``name`` belongs to."""
        if name is None:
            return part
        if any(same_title(t, name, exact=True) for t in part.titles()):
            return part
        for p in self.dec.parts:
            if any(same_title(t, name, exact=True) for t in p.titles()):
                return p
        if part.target is None and not self.headed:
            part.target = name  # numbered instructions across regulations: the first it names
            if not any(part is p for p in self.dec.parts):
                self.dec.parts.append(part)
            return part
        if name in self.aliases or any(same_title(t, name) for t in part.titles()):
            if name not in part.aliases and not same_title(part.target or "", name, exact=True):
                part.aliases.append(name)
            return part
        new = Part(target=name)
        self.dec.parts.append(new)  # the next operation naming it finds it
        return new

    def _same(self, part: Part) -> Part:
        """The part already filed for the same regulation (an instruction naming it came before
        its heading: 一、将下列法规中的… then 二、对《A》作出修改)."""
        for p in self.dec.parts:
            if p is not part and p.target and part.target and same_title(p.target, part.target, exact=True):
                return p
        return part

    def _closing(self) -> None:
        """Which regulations the closing sentences renumber (条文顺序作相应调整)."""
        dec = self.dec
        for line in self.closing:
            if "文字" in line and ("个别" in line or "部分" in line):
                dec.unstated.append(line)
            if "顺序" not in line:
                continue
            names = [unnest(t) for t in TITLES.findall(line)]
            named = [p for p in dec.parts if any(same_title(t, n) for t in p.titles() for n in names)]
            if named and len(dec.parts) > 1:
                for p in named:
                    p.renumber = True
            else:
                dec.renumber = True


