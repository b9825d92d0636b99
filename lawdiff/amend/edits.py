"""Text edits: replace a unit (or a sentence, 前段, 但书 …), delete / insert / replace words."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from lawdiff.amend import segments
from lawdiff.amend.chapters import chapter_units
from lawdiff.amend.ops import (
    AddSentence,
    DeletePhrases,
    InsertPhrase,
    Ref,
    ReplaceLine,
    ReplaceParagraphs,
    ReplaceTerms,
    ReplaceUnit,
)
from lawdiff.amend.working import (
    ITEM_LABEL,
    Ctx,
    WArticle,
    WHeading,
    WItem,
    Working,
    WPara,
    WPoint,
    event,
    fail,
    occurrences,
    parse_lines,
)
from lawdiff.i18n import _
from lawdiff.structure.lines import point_match
from lawdiff.structure.numerals import int_to_cn, to_int

Unit = WPara | WItem | WPoint
_NOT_CONTENT = regex.compile(r"^(?:序\s*言|目\s*录|第[零一二三四五六七八九十百千]+[编章节].*)$")
_PART_HEADING = regex.compile(r"^[一二三四五六七八九十]+、")


# ---------------------------------------------------------------- where an edit applies


def preamble_paragraph(w: Working, ref: Ref, ctx: Ctx) -> WPara:
    """引言 / 序言第N自然段 / 正文第N段: the N-th paragraph of the text before the articles."""
    content = [p for p in w.preamble if not p.deleted_by and not _NOT_CONTENT.match(p.body)]
    if ref.paragraph is None:
        if len(content) != 1:
            raise fail(ctx, _("the text has {n} paragraphs before its articles: say which").format(n=len(content)), ref)
        return content[0]
    if not 0 < ref.paragraph <= len(content):
        raise fail(ctx, _("the text has {n} paragraphs before its articles").format(n=len(content)), ref)
    return content[ref.paragraph - 1]


def scope_units(w: Working, scope: Ref, ctx: Ctx) -> tuple[WArticle | None, list[tuple[Unit, WPara]]]:
    """The texts an in-place edit may touch: paragraph bodies and item bodies."""
    if scope.unit == "title":
        return None, [(w.title_unit, w.title_unit)]
    if scope.unit == "preamble":
        if scope.paragraph is None and scope.sentence is None:
            live = [p for p in w.preamble if not p.deleted_by and not _NOT_CONTENT.match(p.body)]
            return None, [(p, p) for p in live]
        p = preamble_paragraph(w, scope, ctx)
        return None, [(p, p)]
    art = w.article(scope, ctx)
    if scope.subitem is not None:
        para, _x, pt = w.point(scope, ctx)
        return art, [(pt, para)]
    if scope.item is not None:
        para, item = w.item(scope, ctx)
        return art, [(item, para)]
    if scope.paragraph is not None or scope.segment == "head":
        para = w.paragraph(scope, ctx)
        if scope.segment == "head":
            return art, [(para, para)]
        return art, [(para, para), *((it, para) for it in para.items if not it.deleted_by)]
    units: list[tuple[Unit, WPara]] = []
    for p in art.paras:
        if p.deleted_by:
            continue
        units.append((p, p))
        units.extend((it, p) for it in p.items if not it.deleted_by)
    return art, units


def _one_unit(w: Working, ref: Ref, ctx: Ctx) -> tuple[WArticle | None, Unit, WPara]:
    art, units = scope_units(w, ref, ctx)
    if ref.sentence is not None or ref.segment not in (None, "head"):
        units = [(u, p) for u, p in units if u is p]  # sentences and segments live in paragraphs
    if len(units) != 1:
        raise fail(ctx, _("{unit} has {n} paragraphs: say which one").format(unit=ref.container().label(), n=len(units)), ref)
    unit, para = units[0]
    return art, unit, para


def _touch(art: WArticle | None, ctx: Ctx, what: str) -> None:
    if art is not None:
        event(art, ctx, "modified", what)


# ---------------------------------------------------------------- replacing units


def _keep_end(old: str, new: str) -> str:
    """An item quoted without its closing mark keeps the list's (（二）…；): decisions quote the
    words of an item, the consolidated text keeps the punctuation that joins the list."""
    if new and new[-1] not in "；。，：、？！;.,:" and old and old[-1] in "；。;":
        return new + old[-1]
    return new


def _replace_unit(w: Working, op: ReplaceUnit, ctx: Ctx, _r: object) -> None:
    t = op.target
    if t.unit == "title":
        w.title_unit.body, w.title_unit.new_text = op.text.strip(), True
        w.renamed = True
        return
    if t.unit == "part":
        _replace_part_heading(w, t, op.text, ctx)
        return
    if t.sentence is not None or t.segment not in (None, "head") or (
        t.segment == "head" and t.item is None
    ):
        art, unit, para = _one_unit(w, t, ctx)
        try:
            unit.body = segments.replace(unit.body, t.segment, t.sentence, op.text.strip())
        except ValueError as exc:
            raise fail(ctx, str(exc), t) from None
        para.inserted.append(op.text.strip())
        _touch(art, ctx, f"{t.label()} replaced")
        return
    if t.unit == "preamble":
        p = preamble_paragraph(w, t, ctx)
        new = parse_lines(op.text)
        p.body, p.new_text = new[0].body, True
        p.after = new[1:]
        return
    if t.subitem is not None:
        _art, _unit, pt = w.point(t, ctx)
        body = op.text.strip()
        m = point_match(body)
        pt.body, pt.new_text = _keep_end(pt.body, m[3] if m else body), True
        event(w.article(t, ctx), ctx, "modified", f"{t.label()} replaced")
        return
    if t.item is not None:
        para, item = w.item(t, ctx)
        body = op.text.strip()
        m = ITEM_LABEL.match(body)
        if m:
            if to_int(m.group(1)) != t.item and item.expect is None:
                raise fail(
                    ctx, _("the new text is labelled {label}, the item is ({number})").format(label=m.group(0), number=int_to_cn(t.item)), t
                )
            body = body[m.end() :]
        item.body, item.new_text = _keep_end(item.body, body), True
        event(w.article(t, ctx), ctx, "modified", f"item {t.item} replaced")
        return
    if t.paragraph is not None:
        para = w.paragraph(t, ctx)
        new = parse_lines(op.text)
        art = w.article(t, ctx)
        first, rest = new[0], new[1:]
        para.body, para.items, para.new_text = first.body, first.items, True
        para.after = rest
        event(art, ctx, "modified", f"paragraph {t.paragraph} replaced")
        return
    art = w.article(t, ctx)
    for p in art.paras:
        p.deleted_by = p.deleted_by or ctx.ins.ordinal
    art.paras = parse_lines(op.text)
    event(art, ctx, "replaced")


def _group_headings(w: Working) -> list[WHeading]:
    """一、… headings of a judicial interpretation, in order."""
    return [b for b in w.blocks if isinstance(b, WHeading) and b.label and b.label.endswith("、")
            and not b.deleted_by]  # fmt: skip


def _set_heading(h: WHeading, text: str) -> None:
    m = _PART_HEADING.match(text)
    h.label, h.title = (m.group(0), text[m.end() :]) if m else (h.label, text)


def _replace_part_heading(w: Working, ref: Ref, text: str, ctx: Ctx) -> None:
    heads = _group_headings(w)
    if heads:
        if not 0 < (ref.paragraph or 0) <= len(heads):
            raise fail(ctx, _("the text has {n} part headings (一、…)").format(n=len(heads)), ref)
        _set_heading(heads[(ref.paragraph or 1) - 1], text.strip())
        return
    k = 0
    for p in _all_paragraphs(w):
        if _PART_HEADING.match(p.body):
            k += 1
            if k == ref.paragraph:
                p.body, p.new_text = text.strip(), True
                return
    raise fail(ctx, _("the text has {k} part headings (一、…)").format(k=k), ref)


def _all_paragraphs(w: Working) -> Iterable[WPara]:
    yield from (p for p in w.preamble if not p.deleted_by)
    for art in w.live_articles():
        yield from (p for p in art.paras if not p.deleted_by)


def _replace_line(w: Working, op: ReplaceLine, ctx: Ctx, _r: object) -> None:
    heads = [h for h in w.blocks if isinstance(h, WHeading) and not h.deleted_by
             and ((h.label or "") + h.title == op.old or h.title == op.old)]  # fmt: skip
    hits = [p for p in _all_paragraphs(w) if p.body == op.old]
    if len(heads) + len(hits) != 1:
        raise fail(ctx, _("“{op.old}” found {n} times as a line of the text").format(op=op, n=len(heads) + len(hits)))
    if heads:
        _set_heading(heads[0], op.new.strip())
    else:
        hits[0].body, hits[0].new_text = op.new.strip(), True


def _replace_paragraphs(w: Working, op: ReplaceParagraphs, ctx: Ctx, _r: object) -> None:
    """Consecutive paragraphs quoted in full (宪法第X条：“A”“B”修改为：“C”“D”“E”)."""
    if op.scope.unit == "preamble":
        seq, art = [p for p in w.preamble if not p.deleted_by], None
    else:
        art = w.article(op.scope, ctx)
        seq = [p for p in art.paras if not p.deleted_by]
    lines = [p.body for p in seq]
    n = len(op.old)
    starts = [k for k in range(len(lines) - n + 1) if tuple(lines[k : k + n]) == op.old]
    if len(starts) != 1:
        raise fail(ctx, _("the quoted paragraphs are found {n} times").format(n=len(starts)), op.scope)
    first = seq[starts[0]]
    for p in seq[starts[0] + 1 : starts[0] + n]:
        p.deleted_by = ctx.ins.ordinal
    new = parse_lines("\n".join(op.new))
    first.body, first.items, first.new_text, first.after = new[0].body, new[0].items, True, new[1:]
    _touch(art, ctx, "paragraphs replaced")


# ---------------------------------------------------------------- words


def _scoped(w: Working, scope: Ref, ctx: Ctx, phrases: Iterable[str]) -> tuple[list[WArticle], list[tuple[Unit, WPara]]]:
    if scope.unit in ("chapter", "range"):
        per = chapter_units(w, scope, ctx, phrases)
        return [a for a, _x in per], [u for _x, units in per for u in units]
    art, units = scope_units(w, scope, ctx)
    return [art] if art is not None else [], units


def _delete_phrases(w: Working, op: DeletePhrases, ctx: Ctx, _r: object) -> None:
    arts, units = _scoped(w, op.scope, ctx, op.phrases)
    before = [u.body for u, _x in units]
    for phrase in op.phrases:
        count = sum(u.body.count(phrase) for u, _x in units)
        if count == 0:
            raise fail(ctx, _("“{phrase}” not found").format(phrase=phrase), op.scope)
        for u, _para in units:
            u.body = u.body.replace(phrase, "")
    _touch_changed(arts, units, before, ctx, "deleted " + "、".join(f"“{ph}”" for ph in op.phrases))


def _touch_changed(arts: list[WArticle], units: list[tuple[Unit, WPara]], before: list[str], ctx: Ctx, what: str) -> None:
    if len(arts) == 1:
        _touch(arts[0], ctx, what)
        return
    changed = {id(u) for (u, _x), b in zip(units, before, strict=True) if u.body != b}
    for art in arts:
        if any(id(u) in changed for p in art.paras for u in (p, *p.items)):
            _touch(art, ctx, what)


def _local_replace(
    w: Working, op: ReplaceTerms, ctx: Ctx, replacements: dict[str, list[tuple[str, str, int]]]
) -> None:
    assert op.scope is not None
    arts, units = _scoped(w, op.scope, ctx, [a for a, _x in op.pairs])
    before = [u.body for u, _x in units]
    counts = replace_pairs(units, op.pairs, ctx, op.scope)
    replacements.setdefault(ctx.ins.ordinal, []).extend(
        (a, b, n) for (a, b), n in zip(op.pairs, counts, strict=True)
    )
    _touch_changed(arts, units, before, ctx, "；".join(f"“{a}”→“{b}”" for a, b in op.pairs))


def replace_pairs(
    units: Iterable[tuple[Unit, WPara]],
    pairs: tuple[tuple[str, str], ...],
    ctx: Ctx,
    scope: Ref | None,
) -> list[int]:
    """All pairs at once, in one left-to-right pass; occurrences already inside a new term are left alone."""
    olds = sorted({a for a, _x in pairs}, key=len, reverse=True)
    if any(not a for a in olds):
        raise fail(ctx, _('empty phrase “”: nothing to find'), scope)
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
        para.inserted.extend(b for _x, b in pairs)
    for a in olds:
        if counts[a] == 0:
            raise fail(ctx, _("“{a}” not found").format(a=a), scope)
    return [counts[a] for a, _x in pairs]


def _protected_spans(
    text: str, pairs: tuple[tuple[str, str], ...], inserted: list[str]
) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for old, new in pairs:
        if old in new:
            spans.extend(occurrences(text, new))
    for s in inserted:
        if s and s in text:
            spans.extend(occurrences(text, s))
    return spans


def global_replace(
    w: Working, op: ReplaceTerms, ctx: Ctx, replacements: dict[str, list[tuple[str, str, int]]]
) -> None:
    """有关条款中的“A”修改为“B”: every paragraph and item the decision did not write itself."""
    per_article: list[tuple[WArticle, list[tuple[Unit, WPara]]]] = []
    for art in w.live_articles():
        units: list[tuple[Unit, WPara]] = []
        for p in art.paras:
            if p.deleted_by:
                continue
            if not p.new_text:
                units.append((p, p))
            units.extend((it, p) for it in p.items if not it.new_text and not p.new_text)
        per_article.append((art, units))
    before = {id(u): u.body for _x, units in per_article for u, _x in units}
    counts = replace_pairs([u for _x, units in per_article for u in units], op.pairs, ctx, None)
    for art, units in per_article:
        if any(u.body != before[id(u)] for u, _x in units):
            event(art, ctx, "modified", "terms replaced")
    replacements.setdefault(ctx.ins.ordinal, []).extend(
        (a, b, n) for (a, b), n in zip(op.pairs, counts, strict=True)
    )


def _insert_phrase(w: Working, op: InsertPhrase, ctx: Ctx, _r: object) -> None:
    if op.scope is None:
        raise fail(ctx, _('an insertion needs the article it applies to'))
    if not op.anchor:  # 开始部分增加 / 末尾增加
        art, unit, para = _one_unit(w, op.scope, ctx)
        start, _end = segments.span(unit.body, "start" if op.before else "end", None)
        unit.body = unit.body[:start] + op.text + unit.body[start:]
        para.inserted.append(op.text)
        _touch(art, ctx, f"inserted “{op.text}”")
        return
    art, units = scope_units(w, op.scope, ctx)
    hits = [(u, p) for u, p in units if op.anchor in u.body]
    total = sum(u.body.count(op.anchor) for u, _x in hits)
    if total != 1:
        what = (
            _("not found")
            if total == 0
            else _("found {n} times; the insertion point is ambiguous").format(n=total)
        )
        raise fail(ctx, _("“{op.anchor}” {what}").format(op=op, what=what), op.scope)
    unit, para = hits[0]
    i = unit.body.index(op.anchor)
    at = i if op.before else i + len(op.anchor)
    unit.body = unit.body[:at] + op.text + unit.body[at:]
    para.inserted.append(op.text)
    _touch(art, ctx, f"inserted “{op.text}”")


def _add_sentence(w: Working, op: AddSentence, ctx: Ctx, _r: object) -> None:
    art, unit, para = _one_unit(w, op.target, ctx)
    spans = segments.sentences(unit.body)
    if op.position is None or op.position == len(spans) + 1:
        at = len(unit.body)
    elif 0 < op.position <= len(spans):
        at = spans[op.position - 1][0]
    else:
        raise fail(ctx, _("the paragraph has {n} sentences: no place for 第{number}句").format(n=len(spans), number=int_to_cn(op.position)))
    unit.body = unit.body[:at] + op.text + unit.body[at:]
    para.inserted.append(op.text)
    _touch(art, ctx, "sentence added")


TEXT_EDITS = {
    ReplaceUnit: _replace_unit,
    ReplaceParagraphs: _replace_paragraphs,
    ReplaceLine: _replace_line,
    DeletePhrases: _delete_phrases,
    ReplaceTerms: _local_replace,
    InsertPhrase: _insert_phrase,
    AddSentence: _add_sentence,
}
