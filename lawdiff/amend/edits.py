"""Text edits: replace or delete units, delete or insert phrases, replace terms (local and global)."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from lawdiff.amend.ops import (
    DeletePhrases,
    DeleteUnits,
    InsertPhrase,
    Ref,
    ReplaceTerms,
    ReplaceUnit,
)
from lawdiff.amend.working import (
    ITEM_LABEL,
    Ctx,
    WArticle,
    WItem,
    Working,
    WPara,
    event,
    fail,
    parse_lines,
)
from lawdiff.structure.numerals import int_to_cn, to_int


def _replace_unit(w: Working, op: ReplaceUnit, ctx: Ctx, _r: object) -> None:
    t = op.target
    if t.item is not None:
        para, item = w.item(t, ctx)
        body = op.text.strip()
        m = ITEM_LABEL.match(body)
        if m:
            if to_int(m.group(1)) != t.item:
                raise fail(
                    ctx,
                    f"the new text is labelled {m.group(0)}, the item is ({int_to_cn(t.item)})",
                    t,
                )
            body = body[m.end() :]
        item.body, item.new_text = body, True
        event(w.article(t, ctx), ctx, "modified", f"item {t.item} replaced")
        return
    if t.paragraph is not None:
        para = w.paragraph(t, ctx)
        new = parse_lines(op.text)
        art = w.article(t, ctx)
        first, rest = new[0], new[1:]
        para.body, para.items, para.new_text = first.body, first.items, True
        idx = art.paras.index(para)
        art.paras[idx + 1 : idx + 1] = rest
        event(art, ctx, "modified", f"paragraph {t.paragraph} replaced")
        return
    art = w.article(t, ctx)
    for p in art.paras:
        p.deleted_by = ctx.ins.ordinal
    art.paras = parse_lines(op.text)
    event(art, ctx, "replaced")


def _delete_units(w: Working, op: DeleteUnits, ctx: Ctx, _r: object) -> None:
    for t in op.targets:
        if t.item is not None:
            para, item = w.item(t, ctx)
            item.deleted_by = ctx.ins.ordinal
            para.items.remove(item)
            event(w.article(t, ctx), ctx, "modified", f"item {t.item} deleted")
        elif t.paragraph is not None:
            art = w.article(t, ctx)
            para = w.paragraph(t, ctx)
            para.deleted_by = ctx.ins.ordinal
            art.paras.remove(para)
            if not art.paras:
                raise fail(
                    ctx,
                    f"deleting this leaves {art.old_label} empty: delete the article instead",
                    t,
                )
            event(art, ctx, "modified", f"paragraph {t.paragraph} deleted")
        else:
            art = w.article(t, ctx)
            art.deleted_by = ctx.ins.ordinal
            w.blocks.remove(art)


def _scope_units(
    w: Working, scope: Ref, ctx: Ctx
) -> tuple[WArticle, list[tuple[WPara | WItem, WPara]]]:
    """The texts an in-place edit may touch: paragraph bodies and item bodies."""
    art = w.article(scope, ctx)
    if scope.item is not None:
        para, item = w.item(scope, ctx)
        return art, [(item, para)]
    paras = [w.paragraph(scope, ctx)] if scope.paragraph is not None else list(art.paras)
    units: list[tuple[WPara | WItem, WPara]] = []
    for p in paras:
        units.append((p, p))
        units.extend((it, p) for it in p.items)
    return art, units


def _delete_phrases(w: Working, op: DeletePhrases, ctx: Ctx, _r: object) -> None:
    art, units = _scope_units(w, op.scope, ctx)
    for phrase in op.phrases:
        count = sum(u.body.count(phrase) for u, _ in units)
        if count == 0:
            raise fail(ctx, f"“{phrase}” not found", op.scope)
        for u, _ in units:
            u.body = u.body.replace(phrase, "")
        event(art, ctx, "modified", f"deleted “{phrase}” x{count}")


def _local_replace(
    w: Working, op: ReplaceTerms, ctx: Ctx, replacements: dict[str, list[tuple[str, str, int]]]
) -> None:
    assert op.scope is not None
    art, units = _scope_units(w, op.scope, ctx)
    counts = _replace_pairs([(u, p) for u, p in units], op.pairs, ctx, op.scope)
    replacements.setdefault(ctx.ins.ordinal, []).extend(
        (a, b, n) for (a, b), n in zip(op.pairs, counts, strict=True)
    )
    event(art, ctx, "modified", "；".join(f"“{a}”→“{b}”" for a, b in op.pairs))


def _replace_pairs(
    units: Iterable[tuple[WPara | WItem, WPara]],
    pairs: tuple[tuple[str, str], ...],
    ctx: Ctx,
    scope: Ref | None,
    *,
    require_each: bool = True,
) -> list[int]:
    """All pairs at once, in one left-to-right pass; occurrences already inside a new term are left alone."""
    olds = sorted({a for a, _ in pairs}, key=len, reverse=True)
    mapping = dict(pairs)
    pattern = regex.compile("|".join(regex.escape(a) for a in olds))
    counts = {a: 0 for a in olds}
    for unit, para in units:
        protected = _protected_spans(unit.body, pairs, para.inserted)

        def repl(m: regex.Match[str], protected: list[tuple[int, int]] = protected) -> str:
            if any(s <= m.start() and m.end() <= e for s, e in protected):
                return m.group(0)
            counts[m.group(0)] += 1
            return mapping[m.group(0)]

        unit.body = pattern.sub(repl, unit.body)
        para.inserted.extend(b for _, b in pairs)
    if require_each:
        for a in olds:
            if counts[a] == 0:
                raise fail(ctx, f"“{a}” not found", scope)
    return [counts[a] for a, _ in pairs]


def _protected_spans(
    text: str, pairs: tuple[tuple[str, str], ...], inserted: list[str]
) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for old, new in pairs:
        if old in new:
            spans.extend((m.start(), m.end()) for m in regex.finditer(regex.escape(new), text))
    for s in inserted:
        if s:
            spans.extend((m.start(), m.end()) for m in regex.finditer(regex.escape(s), text))
    return spans


def global_replace(
    w: Working, op: ReplaceTerms, ctx: Ctx, replacements: dict[str, list[tuple[str, str, int]]]
) -> None:
    per_article: list[tuple[WArticle, list[tuple[WPara | WItem, WPara]]]] = []
    for art in w.live_articles():
        units: list[tuple[WPara | WItem, WPara]] = []
        for p in art.paras:
            if not p.new_text:
                units.append((p, p))
            units.extend((it, p) for it in p.items if not it.new_text and not p.new_text)
        per_article.append((art, units))
    before = {id(u): u.body for _, units in per_article for u, _ in units}
    counts = _replace_pairs([u for _, units in per_article for u in units], op.pairs, ctx, None)
    for art, units in per_article:
        changed = sum(1 for u, _ in units if u.body != before[id(u)])
        if changed:
            event(art, ctx, "modified", "terms replaced")
    replacements.setdefault(ctx.ins.ordinal, []).extend(
        (a, b, n) for (a, b), n in zip(op.pairs, counts, strict=True)
    )


def _insert_phrase(w: Working, op: InsertPhrase, ctx: Ctx, _r: object) -> None:
    if op.scope is None:
        raise fail(ctx, "an insertion needs the article it applies to")
    art, units = _scope_units(w, op.scope, ctx)
    hits = [(u, p) for u, p in units if op.anchor in u.body]
    total = sum(u.body.count(op.anchor) for u, _ in hits)
    if total != 1:
        what = (
            "not found" if total == 0 else f"found {total} times; the insertion point is ambiguous"
        )
        raise fail(ctx, f"“{op.anchor}” {what}", op.scope)
    unit, para = hits[0]
    i = unit.body.index(op.anchor)
    at = i if op.before else i + len(op.anchor)
    unit.body = unit.body[:at] + op.text + unit.body[at:]
    para.inserted.append(op.text)
    event(art, ctx, "modified", f"inserted “{op.text}”")


TEXT_EDITS = {
    ReplaceUnit: _replace_unit,
    DeleteUnits: _delete_units,
    DeletePhrases: _delete_phrases,
    ReplaceTerms: _local_replace,
    InsertPhrase: _insert_phrase,
}
