"""Builders of the formulas on whole units: 条, 款, 项, 目, 句 — replace, delete, add, move, merge, split.

Each builder gets the formula's match and the instruction's ``Env``; it emits operations and
sets the context the next clause inherits.  Anything that cannot be read exactly raises
ValueError with the reason (the caller names the instruction).
"""

from __future__ import annotations

import regex

from lawdiff.amend.ops import (
    AddArticles,
    AddItems,
    AddParagraphs,
    AddSentence,
    DeleteUnits,
    Merge,
    Move,
    Ref,
    ReplaceUnit,
    Split,
)
from lawdiff.amend.prepare import Env, required
from lawdiff.amend.refs import NUM, count, parse_refs, positions
from lawdiff.amend.titles import unnest
from lawdiff.i18n import N_, _, translate

ITEM_LINE = regex.compile(r"^（[零一二三四五六七八九十百]+）")
SUBITEM_LINE = regex.compile(r"^[0-9０-９]+[．.]|^[一二三四五六七八九十]+、")
ARTICLE_LINE = regex.compile(rf"^第{NUM}条(?:之{NUM})?[\u3000 ]*")
HEADING_LINE = regex.compile(rf"^第{NUM}[编章节](?:[\u3000 ]|$)")


def nonempty(text: str, what: str) -> str:
    if not text.strip("\u3000 \n"):
        raise ValueError(_("empty {what}: the decision quotes nothing (to remove a unit, say 删去)").format(what=translate(what)))
    return text


def paragraphs_of(text: str) -> list[str]:
    """Quoted lines grouped into paragraphs: an item line belongs to the paragraph before it."""
    out: list[str] = []
    for line in (ln for ln in text.split("\n") if ln.strip()):
        if out and (ITEM_LINE.match(line) or SUBITEM_LINE.match(line)):
            out[-1] += "\n" + line
        else:
            out.append(line)
    return out


def items_of(text: str) -> list[str]:
    """Quoted lines grouped into items: a 目 line (1．) belongs to the item before it."""
    out: list[str] = []
    for line in (ln for ln in text.split("\n") if ln.strip()):
        if out and SUBITEM_LINE.match(line):
            out[-1] += "\n" + line
        else:
            out.append(line)
    return out


def split_articles(texts: list[str], n: int) -> tuple[str, ...]:
    """Quotes -> one text per new article; one quote holding several is cut at the labels."""
    if len(texts) == n and not any(HEADING_LINE.match(t) for t in texts):
        return tuple(texts)
    joined = "\n".join(texts)
    lines = [ln for ln in joined.split("\n") if ln.strip() and not HEADING_LINE.match(ln)]
    pieces: list[str] = []
    for line in lines:
        if ARTICLE_LINE.match(line) or not pieces:
            pieces.append(line)
        else:
            pieces[-1] += "\n" + line
    return tuple(pieces)


def b_swap(m: regex.Match[str], env: Env) -> None:
    """将第十条第二款与第三款互换位置: two units of one article (or one paragraph) exchange places."""
    refs = env.refs(m.group("t"))
    if len(refs) != 2:
        raise ValueError(_("two provisions to swap expected, {n} named").format(n=len(refs)))
    (law, a), (_law, b) = refs
    env.emit(Move(a, b, swap=True), law)
    env.ctx = a


def b_relocate(m: regex.Match[str], env: Env) -> None:
    """将第三条移至第五条之后(，作为第五条): the article follows (之前: precedes) the one named."""
    src, after = env.one(m.group("src")), env.one(m.group("after"))
    dst = env.one(m.group("dst")) if m.group("dst") else Ref()
    env.emit(Move(src, dst, after=after, before=m.group("where").endswith("前")))
    env.ctx = src


def quoted_labels(texts: tuple[str, ...]) -> list[Ref]:
    """The article labels the quoted texts open with (第十一条　…), when every one has one."""
    labels = [ARTICLE_LINE.match(t) for t in texts]
    if not labels or not all(labels):
        return []
    return [r for m in labels if m for _x, r in parse_refs(m.group(0).strip("\u3000 "), None)]


def _article_level(ref: Ref) -> Ref:
    return Ref(ref.article, ref.sub)


def b_replace(m: regex.Match[str], env: Env) -> None:
    """将第X条(第Y款…)修改为：“…” — several units: one quoted paragraph each."""
    refs = env.refs(m.group("t")) if m.group("t") else [(env.law, required(None, env.ctx))]
    text = nonempty("\n".join(env.qs(m.group("q"))), N_("replacement text"))
    if len(refs) == 1:
        law, ref = refs[0]
        if ref.unit == "title" and text.startswith("《") and text.endswith("》"):
            text = unnest(text[1:-1])  # 规章名称修改为：“《厦门市…规定》”
        env.emit(ReplaceUnit(ref, text), law)
    else:
        paras = paragraphs_of(text)
        if len(paras) != len(refs):
            raise ValueError(_("{n} provisions named, {n2} paragraphs quoted").format(n=len(refs), n2=len(paras)))
        for (law, ref), para in zip(refs, paras, strict=True):
            env.emit(ReplaceUnit(ref, para), law)
    env.ctx = refs[-1][1]


def b_restate(m: regex.Match[str], env: Env) -> None:
    """这一自然段(款/条)相应修改为：“…” — the unit just edited, restated in full."""
    ctx = required(None, env.ctx)
    unit = m.group("u")
    if unit == "自然段":
        target = Ref(unit="preamble", paragraph=ctx.paragraph)
    elif unit == "条":
        target = _article_level(ctx)
    elif unit == "款":
        target = Ref(ctx.article, ctx.sub, ctx.paragraph)
    else:
        target = Ref(ctx.article, ctx.sub, ctx.paragraph, ctx.item)
    env.emit(ReplaceUnit(target, nonempty("\n".join(env.qs(m.group("q"))), N_("replacement text"))))


def b_delete(m: regex.Match[str], env: Env) -> None:
    """删去第七条，第八条，第十四条第五款 / 删去第四项、第五项 (one operation per regulation)."""
    by_law: dict[str | None, list[Ref]] = {}
    refs = env.refs(m.group("t"))
    for law, ref in refs:
        by_law.setdefault(law, []).append(ref)
    for law, targets in by_law.items():
        env.emit(DeleteUnits(tuple(targets)), law)
    env.ctx = refs[-1][1]


def b_merge(m: regex.Match[str], env: Env) -> None:
    """将第X条、第Y条合并(，作为第Z条，)修改为：“…” — named in order, each once.

    Paragraphs (or items) of one article merged — 将第十五条第一款、第二款合并为一款，修改为 /
    将第十五条第二款并入第一款，修改为 — are the first rewritten and the others deleted.
    """
    if m.group("into"):  # 第二款并入第一款: the host inherits the article named before it
        moved = [r for _x, r in env.refs(m.group("into"))]
        env.ctx = moved[0]
        targets = [env.one(m.group("host")), *moved]
    else:
        targets = [r for _x, r in env.refs(m.group("t"))]
    if targets and all(not r.is_article for r in targets):
        _merge_units(targets, nonempty("\n".join(env.qs(m.group("q"))), N_("merged text")), env)
        return
    keys = [(r.article, r.sub) for r in targets]
    if any(not r.is_article for r in targets):
        raise ValueError(_('only whole articles can be merged'))
    if len(set(keys)) != len(keys):
        raise ValueError(_('an article is merged with itself'))
    if keys != sorted(keys):
        raise ValueError(_('the articles to merge are named out of order'))
    pos = positions(m.group("pos"), "条")[0] if m.group("pos") else None
    text = nonempty("\n".join(env.qs(m.group("q"))), N_("merged text"))
    env.emit(Merge(tuple(targets), text, pos))
    env.ctx = targets[0]


def _merge_units(targets: list[Ref], text: str, env: Env) -> None:
    """Paragraphs or items of one article merged into the first of them."""
    first, rest = min(targets, key=_order), [t for t in targets if t != min(targets, key=_order)]
    if len({(t.article, t.sub) for t in targets}) != 1 or len({t.label() for t in targets}) != len(targets):
        raise ValueError(_('only units of one article, each named once, can be merged'))
    if len({t.item is None for t in targets}) != 1:
        raise ValueError(_('a paragraph cannot be merged with an item'))
    env.emit(ReplaceUnit(first, text))
    env.emit(DeleteUnits(tuple(rest)))
    env.ctx = first


def _order(r: Ref) -> tuple[int, int]:
    return (r.paragraph or 0, r.item or 0)


def b_split(m: regex.Match[str], env: Env) -> None:
    """将第X条改为两条，作为第X条、第Y条，修改为：“第X条　…”“第Y条　…”."""
    src = env.one(m.group("a"))
    pos = positions(m.group("pos"), "条")
    n = count(m.group("n"))
    texts = split_articles(env.qs(m.group("q")), n)
    if len(pos) != n or len(texts) != n:
        raise ValueError(_("{n} articles announced, {n} positions and {n2} texts given").format(n=len(pos), n2=len(texts)))
    env.emit(Split(src, tuple(pos), tuple(nonempty(t, "article text") for t in texts)))
    env.ctx = src


def b_move(m: regex.Match[str], env: Env) -> None:
    """将第X条改为第Y条(，修改为…) / 原第二款作为第三款 / 第一款、第二款改为第二款、第三款."""
    srcs = env.refs(m.group("src"))
    dsts = [r for _x, r in parse_refs(m.group("dst"), None)]
    if len(srcs) != len(dsts):
        raise ValueError(_("{n} provisions renumbered to {n2} places").format(n=len(srcs), n2=len(dsts)))
    q = m.groupdict().get("q")
    texts = paragraphs_of("\n".join(env.qs(q))) if q else []
    if texts and len(texts) != len(srcs):
        texts = ["\n".join(texts)] if len(srcs) == 1 else texts
        if len(texts) != len(srcs):
            raise ValueError(_("{n} provisions named, {n2} paragraphs quoted").format(n=len(srcs), n2=len(texts)))
    for k, ((law, src), dst) in enumerate(zip(srcs, dsts, strict=True)):
        if dst.article is None:  # 第三项改为第四项: the same container, another number
            dst = Ref(src.article, src.sub, dst.paragraph if dst.paragraph else src.paragraph,
                      dst.item, dst.subitem)  # fmt: skip
        text = texts[k] if texts else None
        if text is not None and src.paragraph is not None and dst.is_article:
            env.emit(Move(src, dst, nonempty(text, "article text")), law)  # 款 -> 条, rewritten
            continue
        env.emit(Move(src, dst), law)
        if text is not None:
            env.emit(ReplaceUnit(src, nonempty(text, N_("replacement text"))), law)
    env.ctx = srcs[-1][1]


def b_add_articles(m: regex.Match[str], env: Env) -> None:
    """(在第X条后)增加一条，作为第Y条：“…” / 增加五条，分别作为第…至第…。内容如下：…"""
    g = m.groupdict()
    anchor = g.get("after") or g.get("after2")
    after = env.one(anchor) if anchor else None
    n = count(m.group("n"))
    texts = split_articles(env.qs(m.group("q")), n)
    # 在第十条后增加一条：“…” (no 作为): the number is the one its quote prints, if any, else
    # unstated (numbered by the renumbering, refused without it — see moves.number_unstated)
    pos = positions(g["pos"], "条") if g.get("pos") else quoted_labels(texts)
    if (pos and len(pos) != n) or len(texts) != n:
        raise ValueError(_("{n} articles announced, {n} positions and {n2} texts given").format(n=len(pos), n2=len(texts)))
    for t in texts:
        nonempty(ARTICLE_LINE.sub("", t), "article text")
    env.emit(AddArticles(after, tuple(pos), texts, g.get("where") == "前"))
    env.ctx = after if after is not None else env.ctx


def _owner(m: regex.Match[str], env: Env) -> Ref:
    t = m.groupdict().get("t")
    return required(env.one(t) if t else None, env.ctx)


def b_add_paragraphs(m: regex.Match[str], env: Env) -> None:
    """第X条增加一款，作为第Y款：“…” / 增加二款，作为第三款、第四款 / 宪法第十一条增加规定：“…”."""
    owner = _article_level(_owner(m, env))
    texts = paragraphs_of("\n".join(env.qs(m.group("q"))))
    g = m.groupdict()
    if g.get("pos"):
        where: list[int | None] = [r.paragraph for r in positions(g["pos"], "款")]
        n = count(g["n"])
    else:  # 第三条增加一款：“…” (no 作为) / 宪法 增加规定: at the end of the article
        where, n = [None] * len(texts), count(g["n"]) if g.get("n") else len(texts)
    if len(where) != n or len(texts) != n:
        raise ValueError(_("{n} paragraphs announced, {n} positions and {n2} texts given").format(n=len(where), n2=len(texts)))
    for t in texts:
        nonempty(t, "paragraph text")
    env.emit(AddParagraphs(owner, tuple(where), tuple(texts)))
    env.ctx = owner


def b_add_next_to(m: regex.Match[str], env: Env) -> None:
    """在第X条第Y款后增加一款：“…” / 在第X条第Y项后增加两项：“…” — no 作为: the new units follow
    (or, with 前, precede) the one named."""
    ref = _owner(m, env)
    unit, n = m.group("unit"), count(m.group("n"))
    after = m.group("where") == "后"
    quoted = "\n".join(env.qs(m.group("q")))
    if unit == "款":
        if ref.paragraph is None or ref.item is not None:
            raise ValueError(_('增加一款 after a provision: name the paragraph (第X条第Y款)'))
        texts, start = paragraphs_of(quoted), ref.paragraph + (1 if after else 0)
    else:
        if ref.item is None:
            raise ValueError(_('增加一项 after a provision: name the item (第X条第Y项)'))
        texts, start = items_of(quoted), ref.item + (1 if after else 0)
    if len(texts) != n:
        raise ValueError(_("{n} {unit} announced, {n} texts given").format(n=len(texts), unit=unit))
    for t in texts:
        nonempty(t, _("{unit} text").format(unit=unit))
    where = tuple(range(start, start + n))
    if unit == "款":
        env.emit(AddParagraphs(_article_level(ref), where, tuple(texts)))
        env.ctx = _article_level(ref)
    else:
        owner = Ref(ref.article, ref.sub, ref.paragraph)
        env.emit(AddItems(owner, where, tuple(texts)))
        env.ctx = owner


def b_add_items(m: regex.Match[str], env: Env) -> None:
    """第X条(第Y款)增加一项，作为第Z项：“…” (增加一目 under a 项)."""
    owner = _owner(m, env)
    unit = m.group("unit")
    refs = positions(m.group("pos"), unit)
    where = [r.item if unit == "项" else r.subitem for r in refs]
    texts = items_of("\n".join(env.qs(m.group("q")))) if unit == "项" else [
        ln for ln in "\n".join(env.qs(m.group("q"))).split("\n") if ln.strip()
    ]
    n = count(m.group("n"))
    if len(where) != n or len(texts) != n:
        raise ValueError(_("{n} {unit} announced, {n} positions and {n2} texts given").format(n=len(where), unit=unit, n2=len(texts)))
    if unit == "项":
        owner = Ref(owner.article, owner.sub, owner.paragraph)
    else:
        if owner.item is None:
            raise ValueError(_('增加一目: no item (项) named to hold it'))
        owner = Ref(owner.article, owner.sub, owner.paragraph, owner.item)
    env.emit(AddItems(owner, tuple(w for w in where if w is not None), tuple(texts)))
    env.ctx = owner


def b_add_sentence(m: regex.Match[str], env: Env) -> None:
    """第X条第Y款增加一句(，作为第Z句)：“…”."""
    owner = _owner(m, env)
    sn = m.groupdict().get("sn")
    pos = count(sn) if sn else None
    text = nonempty("".join(env.qs(m.group("q"))), "sentence")
    env.emit(AddSentence(owner.container(), text, pos))
    env.ctx = owner
