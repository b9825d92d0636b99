"""One clause of an instruction -> one operation: quotes taken out, references read, phrasings matched."""

from __future__ import annotations

import regex

from lawdiff.amend.ops import (
    AddArticles,
    AddItems,
    AddParagraphs,
    DeletePhrases,
    DeleteUnits,
    HeadingOp,
    InsertPhrase,
    Instruction,
    Merge,
    Move,
    Op,
    Ref,
    ReplaceTerms,
    ReplaceUnit,
    TableCell,
    TableCells,
)
from lawdiff.errors import AmendmentError
from lawdiff.structure.numerals import to_int

CN = "零一二三四五六七八九十百千两"
NUM = rf"[{CN}]+"
QMARK = "\ue000"  # placeholder for a quoted text: \ue000<n>\ue001
QEND = "\ue001"
Q = rf"{QMARK}(\d+){QEND}"


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
            op, ctx = _parse_clause(strip_law_prefix(clause), quotes, ctx)
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


def strip_law_prefix(text: str) -> str:
    """将刑法第…  -> 将第…; 在本法第… -> 在第…"""
    return regex.sub(
        r"^(将|删去|删除|在)[^第“”，。；：、]{1,12}?(?=第[零一二三四五六七八九十百千]+[条款项章节])",
        r"\1",
        text,
    )
