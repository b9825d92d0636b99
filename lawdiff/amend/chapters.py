"""A chapter, a section or a range of articles as the scope of a word edit: 将第三章(第二节)中的“A”
修改为“B” / 删去第三章中的“A” / 将第十条至第十五条中的“A”修改为“B”.  The words must occur
somewhere in the scope, not in every article of it."""

from __future__ import annotations

from collections.abc import Iterable

from lawdiff.amend.ops import Ref
from lawdiff.amend.working import Ctx, WArticle, WHeading, WItem, Working, WPara, WPoint, fail
from lawdiff.i18n import _

Unit = WPara | WItem | WPoint


def chapter_units(w: Working, scope: Ref, ctx: Ctx, phrases: Iterable[str]) -> list[tuple[WArticle, list[tuple[Unit, WPara]]]]:
    """将第三章(第二节)中的“A”…: the paragraphs and items of the articles under that heading the
    decision did not write itself.  A phrase also in a heading of that part is refused: whether
    the heading is meant too, the words do not say."""
    out: list[tuple[WArticle, list[tuple[Unit, WPara]]]] = []
    for b in w.chapter_blocks(scope, ctx) if scope.unit == "chapter" else _articles(w, scope, ctx):
        if isinstance(b, WHeading):
            hit = next((ph for ph in phrases if ph and ph in b.title), None)
            if hit is not None:
                raise fail(ctx, _("“{phrase}” is also in the heading {heading}: whether the heading is changed too is not said").format(phrase=hit, heading=b.title), scope)
        elif not b.deleted_by:
            live = [p for p in b.paras if not p.deleted_by and not p.new_text]
            out.append((b, [u for p in live for u in [(p, p), *((it, p) for it in p.items if not it.deleted_by)]]))
    return out


def _articles(w: Working, scope: Ref, ctx: Ctx) -> list[WArticle]:
    """第十条至第十五条 (old numbers): both ends must exist; the 之一 articles between are in."""
    first, last = (scope.article or 0, 0), (scope.paragraph or 0, 0)
    for end in (first, last):
        w.article(Ref(end[0]), ctx)
    return [b for b in w.blocks if isinstance(b, WArticle) and b.old is not None and first <= b.old and b.old[0] <= last[0]]
