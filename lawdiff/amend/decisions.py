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

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import regex

from lawdiff.errors import AmendmentError
from lawdiff.structure.dates import parse_cn_date
from lawdiff.structure.numerals import to_int

CN = "零一二三四五六七八九十百千两"
NUM = rf"[{CN}]+"
QMARK = "\ue000"  # placeholder for a quoted text: \ue000<n>\ue001
QEND = "\ue001"
Q = rf"{QMARK}(\d+){QEND}"


# ---------------------------------------------------------------- references and operations


@dataclass(frozen=True)
class Ref:
    """第X条(之Y)第Z款第W项; any part may be absent (inherited or whole-unit)."""

    article: int | None = None
    sub: int = 0
    paragraph: int | None = None
    item: int | None = None

    def label(self) -> str:
        from lawdiff.structure.numerals import int_to_cn

        out = ""
        if self.article is not None:
            out += f"第{int_to_cn(self.article)}条" + (
                f"之{int_to_cn(self.sub)}" if self.sub else ""
            )
        if self.paragraph is not None:
            out += f"第{int_to_cn(self.paragraph)}款"
        if self.item is not None:
            out += f"第{int_to_cn(self.item)}项"
        return out or "(whole text)"

    def inherit(self, ctx: Ref | None) -> Ref:
        """Fill the missing outer levels from the context of the previous clause."""
        if ctx is None or self.article is not None:
            return self
        if self.paragraph is not None:
            return Ref(ctx.article, ctx.sub, self.paragraph, self.item)
        if self.item is not None:
            return Ref(ctx.article, ctx.sub, ctx.paragraph, self.item)
        return self


@dataclass(frozen=True)
class Op:
    """Base of all operations; ``kind`` names the operation for reports."""

    @property
    def kind(self) -> str:
        return type(self).__name__


@dataclass(frozen=True)
class ReplaceTerms(Op):
    """将有关条款中的“A”修改为“B”，“C”修改为“D” (scope None = the whole text)."""

    pairs: tuple[tuple[str, str], ...]
    scope: Ref | None = None


@dataclass(frozen=True)
class ReplaceUnit(Op):
    """将第X条(第Y款(第Z项))修改为：“…”."""

    target: Ref
    text: str


@dataclass(frozen=True)
class DeleteUnits(Op):
    """删去第X条，第Y条第Z款，第四项…"""

    targets: tuple[Ref, ...]


@dataclass(frozen=True)
class DeletePhrases(Op):
    """删去第X条(第Y款)中的“A”、“B”."""

    scope: Ref
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class InsertPhrase(Op):
    """在第X条(第Y款)中的“A”后(前)增加“B”."""

    scope: Ref | None
    anchor: str
    text: str
    before: bool = False


@dataclass(frozen=True)
class Merge(Op):
    """将第X条、第Y条合并修改为：“…”."""

    targets: tuple[Ref, ...]
    text: str


@dataclass(frozen=True)
class AddArticles(Op):
    """(在第X条后)增加一条，作为第Y条：“…” (several with 分别作为)."""

    after: Ref | None
    positions: tuple[Ref, ...]
    texts: tuple[str, ...]
    before: bool = False


@dataclass(frozen=True)
class AddParagraphs(Op):
    """第X条增加一款，作为第Y款：“…”."""

    article: Ref
    positions: tuple[int, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True)
class AddItems(Op):
    """第X条(第Y款)增加一项，作为第Z项：“…”."""

    paragraph: Ref
    positions: tuple[int, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Move(Op):
    """将第X条第Y款改为第Z条 / 将第X条调整为第Y条 / 将第五项调整为第四项."""

    source: Ref
    destination: Ref


@dataclass(frozen=True)
class HeadingOp(Op):
    """章/节 operations: rename, delete, add (with the articles quoted)."""

    action: str  # rename | delete | add
    level: str  # 章 | 节
    number: int  # old number (rename/delete) or new number (add)
    title: str = ""
    chapter: int | None = None  # the chapter of a 节
    articles: tuple[str, ...] = ()  # for add: the quoted article texts


@dataclass(frozen=True)
class TableCell(Op):
    """“煤”税目原矿税率由8％调整为10％ (old None when not stated)."""

    table: str | None
    row: str
    column: str
    old: str | None
    new: str


@dataclass
class Instruction:
    """One numbered (or unnumbered) instruction with its operations and source span."""

    ordinal: str  # "1", "一", "二.1" …
    text: str
    span: tuple[int, int]  # character offsets in the decision text
    ops: list[Op] = field(default_factory=list)


@dataclass
class Part:
    """The instructions for one regulation (一、对《…》作出修改 …) or the whole decision."""

    target: str | None
    instructions: list[Instruction] = field(default_factory=list)


@dataclass
class Decision:
    title: str
    text: str
    parts: list[Part]
    effective: date | None = None
    effective_on_promulgation: bool = False
    renumber: bool = False  # 对章条款顺序作相应调整
    republish: bool = False
    transitional: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    table_target: str | None = None  # the attachment named in the preamble

    def part_for(self, title: str | None) -> Part:
        """The part amending ``title`` (one-part decisions need no title)."""
        if title is None:
            if len(self.parts) == 1:
                return self.parts[0]
            names = "; ".join(p.target or "?" for p in self.parts)
            raise AmendmentError(
                f"the decision amends {len(self.parts)} regulations ({names}): choose one with --law"
            )
        key = title_key(title)
        hits = [
            p
            for p in self.parts
            if p.target and (key in title_key(p.target) or title_key(p.target) in key)
        ]
        if len(hits) == 1:
            return hits[0]
        if not hits and len(self.parts) == 1 and self.parts[0].target is None:
            return self.parts[0]
        names = "; ".join(p.target or "?" for p in self.parts)
        what = "matches several parts" if hits else "is not amended by this decision"
        raise AmendmentError(f"{title} {what} (parts: {names})")

    @property
    def instruction_count(self) -> int:
        return sum(len(p.instructions) for p in self.parts)


def title_key(text: str) -> str:
    """A title without book-title marks, spaces and the issuing committee's name, for matching."""
    return regex.sub(r"[《》〈〉\s\u3000]|^山西省人民代表大会常务委员会", "", text)


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
    stripped = _strip_law_prefix(line)
    if regex.match(r"^(?:将|删去|删除|在)", stripped):
        return True
    if regex.match(rf"^第{NUM}[条款项章节]", stripped) and regex.search(
        r"修改为|增加|删去|改为|调整为", stripped
    ):
        return True
    if regex.match(r"^增加(?:一|二|两|三|四|五)?(?:条|款|项|章|节)", stripped):
        return True
    return bool(regex.search(r"税目.*税率", stripped))


def _strip_law_prefix(text: str) -> str:
    """将刑法第…  -> 将第…; 在本法第… -> 在第…"""
    return regex.sub(
        r"^(将|删去|删除|在)[^第“”，。；：、]{1,12}?(?=第[零一二三四五六七八九十百千]+[条款项章节])",
        r"\1",
        text,
    )


# ---------------------------------------------------------------- clauses

_QUOTED = regex.compile(r"“([^“”]*(?:\n“[^“”]*)*)”", regex.S)


def _extract_quotes(text: str) -> tuple[str, list[str]]:
    """Replace each “…” with a placeholder; multi-paragraph quotes keep their line breaks."""
    quotes: list[str] = []

    def repl(m: regex.Match[str]) -> str:
        body = m.group(1).replace("\n“", "\n")
        quotes.append(body)
        return f"{QMARK}{len(quotes) - 1}{QEND}"

    return _QUOTED.sub(repl, text), quotes


def _clauses(text: str) -> list[str]:
    parts = regex.split(r"[；。\n]", text)
    out: list[str] = []
    for part in parts:
        chunks = regex.split(
            r"，(?=(?:将|删去|删除|在第|第[零一二三四五六七八九十百千]+[条款项](?:[^，]*?)(?:修改为|增加)))",
            part,
        )
        out.extend(c.strip() for c in chunks if c.strip(" ，"))
    return out


REF = rf"(?:第({NUM})条(?:之({NUM}))?)?(?:第({NUM})款)?(?:第({NUM})项)?"


def _ref(m: regex.Match[str], start: int = 1) -> Ref | None:
    a, s, p, i = (m.group(start + k) for k in range(4))
    if not any((a, p, i)):
        return None
    return Ref(
        to_int(a) if a else None,
        to_int(s) if s else 0,
        to_int(p) if p else None,
        to_int(i) if i else None,
    )


def _refs(text: str, ctx: Ref | None) -> list[Ref]:
    """A list such as 第七条，第八条，第十四条第五款，第三十四条第一款、第二款 / 第四项、第五项."""
    out: list[Ref] = []
    last: Ref | None = ctx
    for m in regex.finditer(
        rf"(?:第({NUM})条(?:之({NUM}))?)?(?:第({NUM})款)?(?:第({NUM})项)?", text
    ):
        if not m.group(0):
            continue
        r = _ref(m)
        assert r is not None
        if r.article is None and last is not None:
            if r.paragraph is not None:
                r = Ref(last.article, last.sub, r.paragraph, r.item)
            else:
                r = Ref(last.article, last.sub, last.paragraph, r.item)
        out.append(r)
        last = r
    rest = regex.sub(rf"第{NUM}[条款项](?:之{NUM})?|[，、和及以]", "", text)
    if rest.strip():
        raise ValueError(f"unexpected {rest!r} in a list of references")
    return out


def parse_instruction(ins: Instruction, *, decision_id: str = "decision") -> list[Op]:
    text, quotes = _extract_quotes(ins.text)
    ops: list[Op] = []
    ctx: Ref | None = None
    for clause in _clauses(text):
        try:
            op, ctx = _parse_clause(_strip_law_prefix(clause), quotes, ctx)
        except (ValueError, KeyError) as exc:
            raise AmendmentError(
                f"cannot parse clause {_restore(clause, quotes)!r}: {exc}",
                decision=decision_id,
                instruction=ins.ordinal,
                instruction_text=ins.text,
            ) from None
        if op is None:
            raise AmendmentError(
                f"unknown phrasing {_restore(clause, quotes)!r}",
                decision=decision_id,
                instruction=ins.ordinal,
                instruction_text=ins.text,
            )
        ops.append(op)
    if not ops:
        raise AmendmentError(
            "instruction without operation", decision=decision_id, instruction_text=ins.text
        )
    return ops


def _restore(clause: str, quotes: list[str]) -> str:
    return regex.sub(Q, lambda m: "“" + quotes[int(m.group(1))] + "”", clause)


def _q(quotes: list[str], idx: str) -> str:
    return quotes[int(idx)]


_COLON = r"[：:]?"


def _parse_clause(c: str, quotes: list[str], ctx: Ref | None) -> tuple[Op | None, Ref | None]:
    # 将有关条款中的“A”修改为“B”，“C”修改为“D” / 将本法中的“A”统一修改为“B”
    m = regex.fullmatch(
        rf"将(?:有关条款|本(?:法|条例|办法|细则|规定|决定)(?:有关条款)?|(?:各|全)[章条]|全文)中的((?:{Q}、?)+)(?:统一)?修改为{Q}((?:，(?:{Q}、?)+(?:统一)?修改为{Q})*)",
        c,
    )
    if m:
        return ReplaceTerms(_pairs(c, quotes)), ctx
    # 将第X条(第Y款)中的“A”修改为“B”(，“C”修改为“D”)
    m = regex.fullmatch(
        rf"将?{REF}中的((?:{Q}、?)+)(?:统一)?修改为{Q}((?:，(?:{Q}、?)+修改为{Q})*)", c
    )
    if m:
        scope = _required(_ref(m), ctx)
        return ReplaceTerms(_pairs(c, quotes), scope), scope
    # 将第X条、第Y条合并修改为：“…”
    m = regex.fullmatch(
        rf"将((?:第{NUM}[条款](?:之{NUM})?(?:第{NUM}[款项])?[、和与])+第{NUM}[条款](?:之{NUM})?(?:第{NUM}[款项])?)合并(?:为一条，)?修改为{_COLON}{Q}",
        c,
    )
    if m:
        targets = tuple(_refs(m.group(1), ctx))
        return Merge(targets, _q(quotes, m.group(2))), targets[0]
    # 将第X条(第Y款(第Z项))修改为：“…” / 第二款第二项修改为“…”
    m = regex.fullmatch(rf"将?{REF}修改为{_COLON}((?:{Q})+)", c)
    if m and any(m.group(k) for k in (1, 3, 4)):
        target = _required(_ref(m), ctx)
        texts = [quotes[int(x)] for x in regex.findall(Q, m.group(5))]
        return ReplaceUnit(target, "\n".join(texts)), target
    # 删去第X条第Y款中的“A”、“B”
    m = regex.fullmatch(rf"删(?:去|除){REF}中的((?:{Q}[、和及]?)+)", c)
    if m:
        scope = _required(_ref(m), ctx)
        phrases = tuple(quotes[int(x)] for x in regex.findall(Q, m.group(5)))
        return DeletePhrases(scope, phrases), scope
    # 删去第七条，第八条… / 删去第四项、第五项
    m = regex.fullmatch(r"删(?:去|除)((?:第.+?[条款项](?:之[^，、]+)?[，、和]?)+)", c)
    if m:
        targets = tuple(_refs(m.group(1), ctx))
        return DeleteUnits(targets), targets[-1] if targets else ctx
    # 在第X条(第Y款)中的“A”后增加“B” / 在“A”后增加“B”
    m = regex.fullmatch(rf"在?{REF}(?:中的)?{Q}(?:之)?(后|前)(?:增加|加上|插入){_COLON}{Q}", c)
    if m:
        scope = _ref(m)
        scope = scope.inherit(ctx) if scope else ctx
        return InsertPhrase(
            scope, _q(quotes, m.group(5)), _q(quotes, m.group(7)), m.group(6) == "前"
        ), scope
    # (在第X条后)增加一条，作为第Y条：“…” / 增加两条，分别作为第Y条、第Z条：
    m = regex.fullmatch(
        rf"(?:在{REF}(后|前))?增加(一|二|两|三|四|五|六|七|八|九|十)条，(?:分别)?作为((?:第{NUM}条(?:之{NUM})?[、和]?)+){_COLON}((?:{Q})+)",
        c,
    )
    if m:
        after = _ref(m)
        count = _count(m.group(6))
        positions = tuple(_refs(m.group(7), None))
        texts = tuple(quotes[int(x)] for x in regex.findall(Q, m.group(8)))
        texts = _split_articles(texts, count)
        if len(positions) != count or len(texts) != count:
            raise ValueError(
                f"{count} articles announced, {len(positions)} positions and {len(texts)} texts given"
            )
        return AddArticles(after, positions, texts, m.group(5) == "前"), after
    # 第X条增加一款，作为第Y款：“…” / 第X条第Y款增加一项，作为第Z项：“…”
    for unit, label in (("款", "paragraphs"), ("项", "items")):
        m = regex.fullmatch(
            rf"(?:在)?{REF}(?:中)?(?:后)?增加(一|二|两|三|四|五){unit}，?(?:分别)?作为((?:第{NUM}{unit}[、和]?)+){_COLON}((?:{Q})+)",
            c,
        )
        if m:
            owner = _required(_ref(m), ctx)
            count = _count(m.group(5))
            refs = _refs(m.group(6), None)
            positions = tuple(r.paragraph if unit == "款" else r.item for r in refs)
            texts = tuple(
                t for x in regex.findall(Q, m.group(7)) for t in quotes[int(x)].split("\n")
            )
            if len(positions) != count or len(texts) != count or None in positions:
                raise ValueError(
                    f"{count} {label} announced, {len(positions)} positions and {len(texts)} texts given"
                )
            if unit == "款":
                return AddParagraphs(Ref(owner.article, owner.sub), positions, texts), owner  # type: ignore[arg-type]
            return AddItems(owner, positions, texts), owner  # type: ignore[arg-type]
    # 将第X条第Y款改为第Z条 / 将第X条调整为第Y条 / 将第五项调整为第四项
    m = regex.fullmatch(rf"将{REF}(?:改为|调整为|移作|作为)({REF_NEW})", c)
    if m:
        source = _required(_ref(m), ctx)
        dm = regex.fullmatch(REF, m.group(5))
        dest = _ref(dm) if dm else None
        if dest is None:
            raise ValueError(f"no destination in {m.group(5)!r}")
        return Move(source, dest), source
    # chapters and sections
    op = _heading_clause(c, quotes)
    if op is not None:
        return op, ctx
    # tables: (将《表》中)“煤”税目原矿税率由8％调整为10％，选矿税率由6.5％调整为9％
    ops = _table_clause(c, quotes)
    if ops is not None:
        return ops, ctx
    return None, ctx


REF_NEW = rf"第{NUM}[条款项](?:之{NUM})?"


def _split_articles(texts: tuple[str, ...], count: int) -> tuple[str, ...]:
    """One quote holding several articles (第X条　…\\n第Y条　…) is split at the labels."""
    if len(texts) == count:
        return texts
    joined = "\n".join(texts)
    pieces = regex.split(rf"\n(?=第{NUM}条(?:之{NUM})?[\u3000 ])", joined)
    return tuple(pieces)


def _count(word: str) -> int:
    """一/二/两/三… in 增加两条."""
    return 2 if word == "两" else to_int(word)


def _required(ref: Ref | None, ctx: Ref | None) -> Ref:
    if ref is None:
        if ctx is None:
            raise ValueError("no article named and none to inherit")
        return ctx
    return ref.inherit(ctx)


def _pairs(clause: str, quotes: list[str]) -> tuple[tuple[str, str], ...]:
    pairs: list[tuple[str, str]] = []
    for m in regex.finditer(rf"((?:{Q}、?)+)(?:统一)?修改为{Q}", clause):
        new = _q(quotes, m.group(3))
        for old in regex.findall(Q, m.group(1)):
            pairs.append((_q(quotes, old), new))
    return tuple(pairs)


HEADING_RENAME = regex.compile(
    rf"将?第({NUM})章(?:第({NUM})节)?的?(?:章名|节名|标题|名称)修改为{_COLON}{Q}"
)
HEADING_DELETE = regex.compile(rf"删(?:去|除)第({NUM})章(?:第({NUM})节)?(?:的?(?:章名|节名))?")
HEADING_ADD = regex.compile(
    rf"(?:在第({NUM})章(?:第({NUM})节)?后)?增加一(章|节)，作为第({NUM})(?:章|节){_COLON}((?:{Q})+)"
)


def _heading_clause(c: str, quotes: list[str]) -> Op | None:
    m = HEADING_RENAME.fullmatch(c)
    if m:
        if m.group(2):
            return HeadingOp(
                "rename",
                "节",
                to_int(m.group(2)),
                _q(quotes, m.group(3)),
                chapter=to_int(m.group(1)),
            )
        return HeadingOp("rename", "章", to_int(m.group(1)), _q(quotes, m.group(3)))
    m = HEADING_DELETE.fullmatch(c)
    if m:
        name_only = "章名" in c or "节名" in c
        action = "delete-heading" if name_only else "delete"
        if m.group(2):
            return HeadingOp(action, "节", to_int(m.group(2)), chapter=to_int(m.group(1)))
        return HeadingOp(action, "章", to_int(m.group(1)))
    m = HEADING_ADD.fullmatch(c)
    if m:
        body = "\n".join(quotes[int(x)] for x in regex.findall(Q, m.group(5))).split("\n")
        title_line, articles = body[0], tuple(body[1:])
        title = regex.sub(rf"^第{NUM}[章节][\u3000 ]*", "", title_line)
        level = m.group(3)
        return HeadingOp(
            "add",
            level,
            to_int(m.group(4)),
            title,
            chapter=to_int(m.group(1)) if m.group(1) and level == "节" else None,
            articles=articles,
        )
    return None


TABLE_CELL = regex.compile(
    rf"(?:将)?(?:《([^》]+)》中(?:的)?)?(?:{Q}税目)?([^，；：“”由]+?)税率(?:由([^，；调修]+?)(?:调整|修改)为|(?:调整|修改)为)([^，；]+)"
)


def _table_clause(c: str, quotes: list[str]) -> Op | None:
    """Possibly several cells in one clause (the row carries over)."""
    cells: list[TableCell] = []
    row: str | None = None
    table: str | None = None
    for piece in c.split("，"):
        m = TABLE_CELL.fullmatch(piece.strip())
        if not m:
            return None
        table = m.group(1) or table
        if m.group(2) is not None:
            row = _q(quotes, m.group(2))
        if row is None:
            raise ValueError("a rate change without a tax item (税目)")
        cells.append(
            TableCell(
                table,
                row,
                m.group(3).strip(),
                m.group(4).strip() if m.group(4) else None,
                m.group(5).strip(),
            )
        )
    if not cells:
        return None
    return cells[0] if len(cells) == 1 else TableCells(tuple(cells))


@dataclass(frozen=True)
class TableCells(Op):
    """Several cells changed by one clause."""

    cells: tuple[TableCell, ...]


def table_cells(ops: Iterable[Op]) -> list[TableCell]:
    """Every cell change among ``ops`` (a clause may change several at once)."""
    out: list[TableCell] = []
    for op in ops:
        if isinstance(op, TableCells):
            out.extend(op.cells)
        elif isinstance(op, TableCell):
            out.append(op)
    return out
