"""Checking a decision against an official text without its base: the old→new number map, then each operation where the map puts it."""

from __future__ import annotations

from typing import NamedTuple

import regex

from lawdiff.amend.ops import (
    AddArticles,
    AddItems,
    AddParagraphs,
    DeletePhrases,
    DeleteUnits,
    HeadingOp,
    InsertPhrase,
    Merge,
    Move,
    Op,
    Part,
    Ref,
    ReplaceTerms,
    ReplaceUnit,
    TableCell,
    TableCells,
)
from lawdiff.amend.working import ITEM_LABEL
from lawdiff.i18n import _
from lawdiff.structure.model import Article, LawText
from lawdiff.structure.numerals import int_to_cn


class Check(NamedTuple):
    instruction: str
    op: str
    status: str  # consistent | inconsistent | unverifiable
    detail: str
    article: str | None = None  # label in the new text


# ---------------------------------------------------------------- the number map


class NumberMap(NamedTuple):
    old_count: int
    new_of_old: dict[int, int]  # old article number -> new number (absent: deleted)
    added: dict[int, str]  # new number -> instruction that created it
    deleted: dict[int, str]  # old number -> instruction that deleted (or merged) it


def number_map(part: Part, new_count: int, *, renumbered: bool = True) -> NumberMap:
    """Old→new article numbers implied by a decision, for a base text that is not at hand.

    ``renumbered``: the text is renumbered (said, re-published, or implied by the decision's own
    moves, ``apply.renumbers``); otherwise every surviving article keeps its number and the
    articles the decision adds are 之一 articles or fill numbers it deleted.  An article added as
    第X条之一 never shifts the others; a whole article moved (将第二十条调整为第十八条) goes where
    it is sent.
    """
    deleted: dict[int, str] = {}
    added: dict[int, str] = {}
    moved: dict[int, int] = {}
    for ins in part.instructions:
        for op in ins.ops:
            if isinstance(op, DeleteUnits):
                for t in op.targets:
                    if t.article and not t.sub and t.paragraph is None and t.item is None:
                        deleted[t.article] = ins.ordinal
            elif isinstance(op, Merge):
                for t in op.targets[1:]:
                    if t.article and not t.sub:
                        deleted[t.article] = ins.ordinal
            elif isinstance(op, AddArticles):
                for pos in op.positions:
                    if pos.article and not pos.sub:
                        added[pos.article] = ins.ordinal
            elif (
                isinstance(op, Move)
                and _whole_article(op.source)
                and _whole_article(op.destination)
                and op.destination.article is not None
            ):
                assert op.source.article is not None and op.destination.article is not None
                moved[op.source.article] = op.destination.article
    if not renumbered:
        old_count = new_count + sum(1 for k in deleted if k > new_count)
        keep = {k: k for k in range(1, old_count + 1) if k not in deleted}
        return NumberMap(
            old_count, keep, {k: v for k, v in added.items() if k not in keep}, deleted
        )
    old_count = new_count + len(deleted) - len(added)
    survivors = [k for k in range(1, old_count + 1) if k not in deleted and k not in moved]
    order: list[int | None] = list(survivors)
    placed = sorted([(pos, None) for pos in added] + [(dst, src) for src, dst in moved.items()])
    for pos, src in placed:
        order.insert(min(pos - 1, len(order)), src)
    new_of_old = {k: i + 1 for i, k in enumerate(order) if k is not None}
    return NumberMap(old_count, new_of_old, added, deleted)


def _whole_article(ref: Ref) -> bool:
    return ref.article is not None and not ref.sub and ref.paragraph is None and ref.item is None


# ---------------------------------------------------------------- consistency checks


def consistency(official: LawText, part: Part, *, renumbered: bool = True) -> list[Check]:
    arts = official.articles
    nmap = number_map(part, len(arts), renumbered=renumbered)
    checks: list[Check] = []
    for ins in part.instructions:
        for op in ins.ops:
            checks.extend(_check_op(op, ins.ordinal, arts, nmap, part))
    # whole-article deletions cannot be seen in the new text; they are confirmed when the
    # old→new map they imply puts every located check on the right article
    located_ok = all(c.status != "inconsistent" for c in checks if c.article)
    return [
        c._replace(status="consistent" if located_ok else "unverifiable")
        if c.status == "implied"
        else c
        for c in checks
    ]


def _article_for(ref: Ref | None, nmap: NumberMap, arts: list[Article]) -> Article | None:
    """The article of the new text that the old reference ``ref`` became (a 之一 article keeps
    its label: the map is of the plain numbers)."""
    if ref is None or ref.article is None or ref.unit == "range":
        return None
    if ref.sub:
        return _labelled(ref.article, ref.sub, arts)
    if ref.article not in nmap.new_of_old:
        return None
    return _labelled(nmap.new_of_old[ref.article], 0, arts)


def _labelled(number: int, sub: int, arts: list[Article]) -> Article | None:
    if (
        not sub
        and 0 < number <= len(arts)
        and arts[number - 1].number == number
        and not arts[number - 1].sub
    ):
        return arts[number - 1]
    return next((a for a in arts if a.number == number and a.sub == sub), None)


def _para_index(old_article: int, old_para: int, part: Part) -> int:
    """The new index of an old paragraph, given the paragraphs the decision deletes and adds there."""
    deleted, added = [], []
    for ins in part.instructions:
        for op in ins.ops:
            if isinstance(op, DeleteUnits):
                deleted += [
                    t.paragraph
                    for t in op.targets
                    if t.article == old_article and t.paragraph and t.item is None
                ]
            elif isinstance(op, AddParagraphs) and op.article.article == old_article:
                added += list(op.positions)
    idx = old_para - sum(1 for q in deleted if q < old_para)
    for n in sorted(added):
        if n <= idx:
            idx += 1
    return idx


def _body_lines(text: str) -> list[str]:
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if lines:
        lines[0] = regex.sub(
            r"^第[零一二三四五六七八九十百千]+条(?:之[零一二三四五六七八九十]+)?[\u3000 ]+",
            "",
            lines[0],
        )
    return lines


def _article_lines(art: Article) -> list[str]:
    lines = art.lines()
    lines[0] = lines[0][len(art.label) + 1 :]
    return lines


def _check_op(
    op: Op, ordinal: str, arts: list[Article], nmap: NumberMap, part: Part
) -> list[Check]:
    kind = op.kind
    ok, bad, unk = "consistent", "inconsistent", "unverifiable"
    if isinstance(op, ReplaceTerms):
        scope_art = _article_for(op.scope, nmap, arts)
        where = [scope_art] if scope_art else arts
        text = "\n".join(a.text for a in where if a)
        results = {b for _x, b in op.pairs}
        out = []
        for old, new in op.pairs:
            present = text.count(new)
            if old in results:  # chained (76→77, 77→78): the old term is another pair's result
                status = ok if present > 0 else bad
                detail = _("“{new}” present {n}x (“{old}” is also the result of another pair)").format(
                    new=new, n=present, old=old
                )
            else:
                left = _unprotected_count(text, old, new)
                status = ok if left == 0 and present > 0 else bad
                detail = _("“{old}” left {left}x, “{new}” present {n}x").format(
                    old=old, left=left, new=new, n=present
                )
            out.append(Check(ordinal, kind, status, detail, scope_art.label if scope_art else None))
        return out
    if isinstance(op, ReplaceUnit):
        art = _article_for(op.target, nmap, arts)
        if art is None:
            return [Check(ordinal, kind, bad, _("{label} has no place in the new text").format(label=op.target.label()))]
        want = _body_lines(op.text)
        if op.target.paragraph is None and op.target.item is None:
            got = _article_lines(art)
        elif op.target.item is None:
            idx = _para_index(op.target.article or 0, op.target.paragraph, part)
            if idx > len(art.paragraphs):
                return [Check(ordinal, kind, bad, _("no paragraph {n}").format(n=idx), art.label)]
            got = art.paragraphs[idx - 1].lines()[: len(want)]
        else:
            idx = _para_index(op.target.article or 0, op.target.paragraph or 1, part)
            items = art.paragraphs[idx - 1].items if idx <= len(art.paragraphs) else ()
            item = next((it for it in items if it.number == op.target.item), None)
            want = [ITEM_LABEL.sub("", want[0])] if want else want
            got = [item.body] if item else []
        status = ok if got == want else bad
        return [
            Check(
                ordinal,
                kind,
                status,
                _("text as published") if status == ok else _("published: {text}").format(text="".join(got)[:40]),
                art.label,
            )
        ]
    if isinstance(op, Merge):
        art = _article_for(op.targets[0], nmap, arts)
        if art is None:
            return [Check(ordinal, kind, bad, _("merged article has no place in the new text"))]
        status = ok if _article_lines(art) == _body_lines(op.text) else bad
        return [
            Check(
                ordinal,
                kind,
                status,
                f"{'、'.join(t.label() for t in op.targets)} → {art.label}",
                art.label,
            )
        ]
    if isinstance(op, DeletePhrases):
        art = _article_for(op.scope, nmap, arts)
        if op.scope.unit in ("chapter", "range"):  # where the part lies in the new text is not kept
            return [Check(ordinal, kind, unk, _("no check for this operation"))]
        if art is None:
            return [Check(ordinal, kind, bad, _("article has no place in the new text"))]
        out = []
        for phrase in op.phrases:
            status = ok if phrase not in art.text else bad
            out.append(
                Check(
                    ordinal,
                    kind,
                    status,
                    (_("“{phrase}” gone") if status == ok else _("“{phrase}” still there")).format(phrase=phrase),
                    art.label,
                )
            )
        return out
    if isinstance(op, AddParagraphs):
        art = _article_for(op.article, nmap, arts)
        out = []
        for pos, text in zip(op.positions, op.texts, strict=True):
            got = art.paragraphs[pos - 1].body if art and pos <= len(art.paragraphs) else None
            status = ok if got == text.strip() else bad
            out.append(
                Check(
                    ordinal,
                    kind,
                    status,
                    (_("第{number}款 as published") if status == ok else _("第{number}款 differs")).format(
                        number=int_to_cn(pos)
                    ),
                    art.label if art else None,
                )
            )
        return out
    if isinstance(op, AddArticles):
        out = []
        for pos, text in zip(op.positions, op.texts, strict=True):
            art = _labelled(pos.article, pos.sub, arts) if pos.article else None
            status = ok if art and _article_lines(art) == _body_lines(text) else bad
            out.append(
                Check(ordinal, kind, status, _("new {label}").format(label=pos.label()), art.label if art else None)
            )
        return out
    if isinstance(op, InsertPhrase):
        art = _article_for(op.scope, nmap, arts)
        joined = op.text + op.anchor if op.before else op.anchor + op.text
        status = ok if art and joined in art.text else bad
        return [Check(ordinal, kind, status, f"“{joined}”", art.label if art else None)]
    if isinstance(op, DeleteUnits):
        out = []
        for t in op.targets:
            if t.paragraph is None and t.item is None:
                detail = _(
                    "{label} deleted; with the others it implies {n} articles before the decision"
                ).format(label=t.label(), n=nmap.old_count)
                out.append(Check(ordinal, kind, "implied", detail))
            else:
                art = _article_for(t, nmap, arts)
                out.append(
                    Check(
                        ordinal,
                        kind,
                        unk,
                        _("{label} deleted: its old text is not in the corpus").format(label=t.label()),
                        art.label if art else None,
                    )
                )
        return out
    if isinstance(op, Move | AddItems | HeadingOp):
        return [Check(ordinal, kind, unk, _("needs the base text"))]
    if isinstance(op, TableCell | TableCells):
        return [Check(ordinal, kind, unk, _("table: see the derived revision"))]
    return [Check(ordinal, kind, unk, _("no check for this operation"))]


def _unprotected_count(text: str, old: str, new: str) -> int:
    if old in new:
        protected = [(m.start(), m.end()) for m in regex.finditer(regex.escape(new), text)]
        return sum(
            1
            for m in regex.finditer(regex.escape(old), text)
            if not any(s <= m.start() and m.end() <= e for s, e in protected)
        )
    return text.count(old)
