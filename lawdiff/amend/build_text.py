"""Builders of the formulas on words, headings, tables and the decision's own statements."""

from __future__ import annotations

import regex

from lawdiff.amend.build_units import nonempty, paragraphs_of, quoted_labels, split_articles
from lawdiff.amend.ops import (
    AddArticles,
    DeletePhrases,
    DeleteUnits,
    HeadingOp,
    InsertPhrase,
    Move,
    Ref,
    Renumber,
    ReplaceLine,
    ReplaceParagraphs,
    ReplaceTable,
    ReplaceTerms,
    ReplaceUnit,
    TableCell,
    TableCells,
    Unstated,
)
from lawdiff.amend.prepare import Env, required
from lawdiff.amend.refs import LEND, LMARK, NUM, QEND, QMARK, count, num, parse_refs, positions
from lawdiff.i18n import N_, _

Q1 = rf"{QMARK}\d+{QEND}"
_PAIR = regex.compile(
    rf"(?P<olds>(?:{Q1}、?)+?)，?(?:统一|均|一律)?(?:修改为|改为)：?(?P<news>(?:{Q1})+)"
)
GLOBAL = (
    r"有关条款|有关条文|相关条款|相关条文|(?:各|全)[章条]|全文"
    r"|(?:本)?(?:法|条例|办法|规定|细则|解释|决定)(?:有关条款|相关条款|全文)?"
)


GLOBAL_RE = regex.compile(GLOBAL)
# 将第三章(第二节)中的“A”修改为“B”: the articles under a heading (old numbering)
CHAPTER = rf"(?:{LMARK}\d+{LEND})?第{NUM}章(?:第{NUM}节)?"
ARTICLES = rf"(?:{LMARK}\d+{LEND})?第{NUM}条至第{NUM}条"
_CHAPTER_RE = regex.compile(rf"(?:{LMARK}(?P<law>\d+){LEND})?第(?P<c>{NUM})章(?:第(?P<s>{NUM})节)?")
_ARTICLES_RE = regex.compile(rf"(?:{LMARK}(?P<law>\d+){LEND})?第(?P<a>{NUM})条至第(?P<b>{NUM})条")


def chapter_scope(text: str, env: Env) -> tuple[str | None, Ref] | None:
    """第三章 / 第三章第二节 / 第十条至第十五条 as one scope (the words need not be in every article)."""
    m = _CHAPTER_RE.fullmatch(text) or _ARTICLES_RE.fullmatch(text)
    if m is None:
        return None
    if m.group("law"):
        env.law = env.laws[int(m.group("law"))]
    if "a" in m.groupdict():
        first, last = num(m.group("a")), num(m.group("b"))
        if last <= first:
            raise ValueError(_("range 第{first}{unit}至第{last}{unit} runs backwards").format(first=m.group("a"), unit="条", last=m.group("b")))
        return env.law, Ref(first, paragraph=last, unit="range")
    return env.law, Ref(paragraph=num(m.group("c")), item=num(m.group("s")) if m.group("s") else None, unit="chapter")
# 将《A》《B》中的“行政处分”修改为“处分” / 将《A》、《B》和《C》中的…: every text named, throughout
_LAWS_ONLY = regex.compile(rf"(?:{LMARK}(\d+){LEND}(?:、|和|及|与|以及|，)?)+")
_BY_LAW = regex.compile(rf"[，；](?={LMARK})")
_TABLE_ROW = regex.compile(rf"({Q1})调整为({Q1})")
_HEAD_LABEL = regex.compile(rf"^第{NUM}[章节][\u3000 ]*")
_HEAD_NUMBER = regex.compile(rf"^第({NUM})[章节][\u3000 ]*")


def _phrase(text: str) -> str:
    if not text:
        raise ValueError(_('empty phrase “”: nothing to find'))
    return text


def b_words_replace(m: regex.Match[str], env: Env) -> None:
    """将第X条中的“A”修改为“B”(，“C”修改为“D”) / 将有关条款中的… / 宪法第七条：“A”“B”修改为：“C”."""
    target = m.group("t")
    if target is not None and GLOBAL_RE.fullmatch(target):
        scopes: list[tuple[str | None, Ref | None]] = [(env.law, None)]
    elif target is not None and _LAWS_ONLY.fullmatch(target):
        scopes = [(env.laws[int(k)], None) for k in _LAWS_ONLY.fullmatch(target).captures(1)]
        env.law = scopes[-1][0]
    elif target and (chapter := chapter_scope(target, env)) is not None:
        scopes = [chapter]
    elif target:
        scopes = list(env.refs(target))
    else:
        scopes = [(env.law, required(None, env.ctx))]
    pairs: list[tuple[str, str]] = []
    paragraphs: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    for p in _PAIR.finditer(m.group("pairs")):
        olds, news = env.qs(p.group("olds")), env.qs(p.group("news"))
        if "、" not in p.group("olds") and (len(olds) > 1 or len(news) > 1):
            paragraphs = (tuple(olds), tuple(news))  # consecutive paragraphs quoted in full
            continue
        if len(news) != 1:
            raise ValueError(_('several new texts for one replacement'))
        for old in olds:
            new = news[0]
            if not new and not old:
                raise ValueError(_('empty phrase “”: nothing to find'))
            pairs.append((_phrase(old), new))
    for law, scope in scopes:
        if paragraphs is not None:
            if scope is None:
                raise ValueError(_('quoted paragraphs replaced without naming where'))
            env.emit(ReplaceParagraphs(scope, *paragraphs), law)
        if pairs:
            env.emit(ReplaceTerms(tuple(pairs), scope), law)
    if scopes[-1][1] is not None and scopes[-1][1].unit != "chapter":
        env.ctx = scopes[-1][1]


_DEL_SEG = regex.compile(
    rf"(?P<t>(?:(?!{QMARK}).)*?)(?:中的|其中的|末尾的|开始部分的|规定的|的|中)?"
    rf"(?P<ph>(?:{Q1}[、]?)+)(?:和|，|、)?"
)


def b_words_delete(m: regex.Match[str], env: Env) -> None:
    """删去第X条(第Y款)中的“A”、“B” / …末尾的“A”和第二款末尾的“B” / 《A》…，《B》…中的“C”."""
    for piece in _BY_LAW.split(m.group("body")):
        if QMARK not in piece:  # 删去《A》第九条第四项，《B》…中的“…”: a unit of A, words of B
            refs = env.refs(piece)
            for law, ref in refs:
                env.emit(DeleteUnits((ref,)), law)
            env.ctx = refs[-1][1]
            continue
        _delete_words(piece, env)


def _delete_words(body: str, env: Env) -> None:
    pos = 0
    while pos < len(body):
        seg = _DEL_SEG.match(body, pos)
        if not seg or seg.end() == pos:
            raise ValueError(_("unexpected “{text}”").format(text=body[pos:pos + 12]))
        phrases = tuple(_phrase(p) for p in env.qs(seg.group("ph")))
        scope_text = seg.group("t").strip("，、和")
        chapter = chapter_scope(scope_text, env) if scope_text else None
        if chapter is not None:
            env.emit(DeletePhrases(chapter[1], phrases), chapter[0])
            pos = seg.end()
            continue
        scopes = env.refs(scope_text) if scope_text else [(env.law, required(None, env.ctx))]
        for law, scope in scopes:
            env.emit(DeletePhrases(scope, phrases), law)
        env.ctx = scopes[-1][1]
        pos = seg.end()


def b_words_insert(m: regex.Match[str], env: Env) -> None:
    """在第X条中的“A”后增加“B” / “A”前增写“B” / 第X款末尾增加：“B” / 开始部分增加规定：“B”."""
    g = m.groupdict()
    scope = required(env.one(g["t"]) if g.get("t") else None, env.ctx)
    text = nonempty("".join(env.qs(g["new"])), N_("inserted text"))
    if g.get("anchor"):
        anchor, before = _phrase(env.q(g["anchor"])), g.get("where") == "前"
    elif scope.segment in ("start", "end"):
        anchor, before = "", scope.segment == "start"
        scope = scope.container()
    else:
        raise ValueError(_('no words named to insert after'))
    env.emit(InsertPhrase(scope, anchor, text, before))
    env.ctx = scope


def b_add_rewrite(m: regex.Match[str], env: Env) -> None:
    """在刑法第X条中增加一款作为第二款，将该条修改为：“…” (修正案): the article restated."""
    art = required(env.one(m.group("a")) if m.group("a") else None, env.ctx)
    art = Ref(art.article, art.sub)
    text = nonempty("\n".join(env.qs(m.group("q"))), N_("article text"))
    want = max(r.paragraph or 0 for r in positions(m.group("pos"), "款"))
    if len(paragraphs_of(text)) < want:
        raise ValueError(_("a 第{position} is announced, the restated article has fewer paragraphs").format(position=m.group('pos')))
    env.emit(ReplaceUnit(art, text))
    env.ctx = art


def b_renumber(m: regex.Match[str], env: Env) -> None:
    """(此外，)(对)条文顺序作相应调整(：“第八条”调整为“第七条”，…) / 个别文字作相应修改."""
    if m.group("order"):
        env.emit(Renumber())
    for p in _TABLE_ROW.finditer(m.group("table") or ""):
        (_x, src), = parse_refs(env.q(p.group(1)), None)
        (_x, dst), = parse_refs(env.q(p.group(2)), None)
        env.emit(Move(src, dst))
    if m.group("words"):
        env.emit(Unstated(m.group(0)))


def b_nothing(m: regex.Match[str], env: Env) -> None:
    """为了…: the purpose clause of a 修正案; no operation."""


def b_part_heading(m: regex.Match[str], env: Env) -> None:
    """将“一、买卖合同的成立及效力”修改为：“…” / 将第一部分标题修改为：“…”."""
    new = nonempty("".join(env.qs(m.group("new"))), N_("heading"))
    if m.group("old"):
        env.emit(ReplaceLine(_phrase(env.q(m.group("old"))), new))
    else:
        env.emit(ReplaceUnit(Ref(unit="part", paragraph=num(m.group("k"))), new))


def b_heading(m: regex.Match[str], env: Env, *, action: str) -> None:
    """章/节: rename (章名修改为), delete (删去第X章 / 第X章的章名), add (增加一章/节，作为…)."""
    g = m.groupdict()
    chapter = num(g["c"]) if g.get("c") else None
    section = num(g["s"]) if g.get("s") else None
    if action == "rename":
        title = nonempty(env.q(m.group("new")), N_("heading"))
        if section is not None:
            env.emit(HeadingOp("rename", "节", section, title, chapter=chapter))
        else:
            env.emit(HeadingOp("rename", "章", chapter or 0, title))
        return
    if action == "renumber":  # 第七节相应改为第八节: the number it must end up with
        level, old = g["level"], num(g["s"])
        env.emit(HeadingOp("renumber", level, old, chapter=chapter, renumbered_to=num(g["pos"])))
        return
    if action == "delete":
        what = "delete-heading" if g.get("name") else "delete"
        if section is not None:
            env.emit(HeadingOp(what, "节", section, chapter=chapter))
        else:
            env.emit(HeadingOp(what, "章", chapter or 0))
        return
    level = g["level"]
    body = "\n".join(env.qs(g["q"])).split("\n") if g.get("q") else []
    title_q = env.q(g["title"]) if g.get("title") else (body[0] if body else "")
    if g.get("title") is None and body:
        body = body[1:]
    title = _HEAD_LABEL.sub("", title_q)
    label = _HEAD_NUMBER.match(title_q)
    number = num(g["pos"]) if g.get("pos") else num(label.group(1)) if label else 0
    if label and number != num(label.group(1)):
        raise ValueError(_("the new {level} is {label}, the decision says 第{number}{level}").format(
            level=level, label=label.group(0).strip(), number=g["pos"]))
    articles = split_articles(body, len(body)) if body else ()
    after = None
    if g.get("after"):
        after = env.one(g["after"])
    elif g.get("ac"):
        after = Ref(paragraph=num(g["ac"]), unit="chapter")
    env.emit(HeadingOp("add", level, number, nonempty(title, N_("heading")),
                       chapter=chapter if level == "节" else None, articles=articles,
                       positions=tuple(quoted_labels(articles)), after=after))  # fmt: skip


def b_table_cells(m: regex.Match[str], env: Env) -> None:
    """将《表》中“煤”税目原矿税率由8％调整为10％，选矿税率由6.5％调整为9％."""
    cells: list[TableCell] = []
    row: str | None = None
    table: str | None = None
    for piece in m.group(0).split("，"):
        c = _CELL.fullmatch(piece)
        if not c:
            raise ValueError(_("unexpected “{piece}” in a change of rates").format(piece=piece))
        if c.group("table"):
            table = env.laws[int(c.group("table").strip(LMARK + LEND))]
        if c.group("row"):
            row = env.q(c.group("row"))
        if row is None:
            raise ValueError(_('a rate change without a tax item (税目)'))
        old = c.group("old")
        cells.append(TableCell(table, row, c.group("col"), old, c.group("new")))
    env.emit(cells[0] if len(cells) == 1 else TableCells(tuple(cells)))


CELL = (
    rf"将?(?:(?P<table>{LMARK}\d+{LEND})中的?)?(?:(?P<row>{Q1})税目)?(?P<col>[^，；：由{QMARK}]+?)税率"
    r"(?:由(?P<old>[^，；调修]+?))?(?:调整|修改)为(?P<new>[^，；]+)"
)
_CELL = regex.compile(CELL)


def b_table_replace(m: regex.Match[str], env: Env) -> None:
    """个人所得税税率表一（…）修改为： + the rows (printed without quotes)."""
    rows = tuple(ln for ln in "\n".join(env.qs(m.group("q"))).split("\n") if ln.strip())
    env.emit(ReplaceTable(m.group("name"), rows))


def b_section_articles(m: regex.Match[str], env: Env) -> None:
    """增加五条，分别作为第一百二十三条至第一百二十七条。内容如下：… (after 增加一节): into that 节."""
    pos = positions(m.group("pos"), "条")
    n = count(m.group("n"))
    texts = split_articles(env.qs(m.group("q")), n)
    if len(pos) != n or len(texts) != n:
        raise ValueError(_("{n} articles announced, {n} positions and {n2} texts given").format(n=len(pos), n2=len(texts)))
    last = env.out[-1][1] if env.out else None
    if isinstance(last, HeadingOp) and last.action == "add" and not last.articles:
        law = env.out.pop()[0]
        env.emit(HeadingOp("add", last.level, last.number, last.title, last.chapter,
                           texts, tuple(pos)), law)  # fmt: skip
        return
    chapter = num(m.group("c")) if m.groupdict().get("c") else None
    env.emit(AddArticles(None, tuple(pos), texts, chapter=chapter))


__all__ = ["paragraphs_of"]
