"""Akoma Ntoso ``passiveModifications``: one ``textualMod`` per instruction, operation and unit, from the parsed decision and its number map."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import NamedTuple

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
    table_cells,
)
from lawdiff.corpus.reader import Corpus
from lawdiff.export.akn_body import write_body
from lawdiff.export.akn_names import (
    Ids,
    article_eid,
    decision_uri,
    expression_uri,
    instruction_eid,
    nows,
    rev_date,
    work_uri,
)
from lawdiff.structure.model import (
    Article,
    Law,
    LawText,
    Revision,
)


class TextualMod(NamedTuple):
    """One ``textualMod``: what kind of change, which instruction, where."""

    type: str  # substitution | insertion | repeal | renumbering | split | join
    source: str  # eId of the instruction's TLCReference
    destination: str  # "#art_12", or a full URI into the predecessor for vanished units
    previous: str | None = None  # renumbering: the unit's address in the predecessor


class InstructionRef(NamedTuple):
    eid: str
    href: str
    show_as: str


class _ModCtx(NamedTuple):
    new_of_old: dict[int, int]
    articles: dict[int, Article]  # new number -> article (sub 0)
    prev_main: str  # "<predecessor expression>/!main"
    ids: Ids


def modifications(
    corpus: Corpus, law: Law, rev: Revision, text: LawText, ids: Ids | None = None
) -> tuple[list[InstructionRef], list[TextualMod]]:
    """The decision's instructions and the textual modifications they made to ``text``."""
    from lawdiff.amend.apply import renumbers
    from lawdiff.amend.consistency import number_map
    from lawdiff.amend.load import decision_for
    from lawdiff.corpus.timeline import predecessor

    if not rev.decision or rev.kind != "amended":
        return [], []
    if ids is None:
        ids = Ids()
        write_body(ET.Element("x"), text, ids)
    _, decision = decision_for(corpus, rev)
    part = decision.part_for(law.title if len(decision.parts) > 1 else None)
    arts = text.articles
    nmap = number_map(part, len(arts), renumbered=renumbers(part, decision))
    prev = predecessor(law, rev)
    prev_main = f"{expression_uri(law, prev) if prev else work_uri(law)}/!main"
    ctx = _ModCtx(nmap.new_of_old, {a.number: a for a in arts if a.sub == 0}, prev_main, ids)
    refs = _instruction_refs(rev, part)
    mods = _instruction_mods(part, rev.decision, ctx, set(nmap.added))
    if decision.renumber:  # 对章条款顺序作相应调整: the clause that moved the survivors
        clause = _renumber_ref(rev.decision, rev_date(rev))
        renumbered = _renumbering(ctx, clause.eid)
        mods += renumbered
        refs += [clause] if renumbered else []
    return refs, list(dict.fromkeys(mods))


def _decision_main(decision_id: str, when: str) -> str:
    """The decision's original expression (``zho@`` with no date: as adopted)."""
    return f"{decision_uri(decision_id, when)}/zho@/!main"


def _renumber_ref(decision_id: str, when: str) -> InstructionRef:
    eid = nows(f"dec-{decision_id}-renumber")
    return InstructionRef(eid, _decision_main(decision_id, when), "对章条款顺序作相应调整")


def _instruction_refs(rev: Revision, part: Part) -> list[InstructionRef]:
    assert rev.decision is not None
    main = _decision_main(rev.decision, rev_date(rev))
    return [
        InstructionRef(
            instruction_eid(rev.decision, ins.ordinal), f"{main}#ins_{ins.ordinal}", ins.text
        )
        for ins in part.instructions
    ]


def _art_href(ctx: _ModCtx, ref: Ref | None, *, new: bool = False) -> str | None:
    """Where an article named by the decision is: in this text, else in the predecessor."""
    if ref is None or ref.article is None:
        return None
    number = ref.article if new else ctx.new_of_old.get(ref.article)
    if number is not None and article_eid(number, ref.sub) in ctx.ids.used:
        return f"#{article_eid(number, ref.sub)}"
    return f"{ctx.prev_main}#{article_eid(ref.article, ref.sub)}"


def _mods(kind: str, source: str, hrefs: list[str | None]) -> list[TextualMod]:
    return [TextualMod(kind, source, h) for h in hrefs if h is not None]


def _op_mods(op: Op, src: str, ctx: _ModCtx) -> list[TextualMod]:
    """The textual modifications of one operation (global term changes are done apart)."""
    if isinstance(op, ReplaceUnit):
        return _mods("substitution", src, [_art_href(ctx, op.target)])
    if isinstance(op, DeleteUnits):
        return _mods("repeal", src, [_deleted_href(ctx, t) for t in op.targets])
    if isinstance(op, DeletePhrases):
        return _mods("repeal", src, [_art_href(ctx, op.scope)])
    if isinstance(op, ReplaceTerms | InsertPhrase) and op.scope is not None:
        kind = "substitution" if isinstance(op, ReplaceTerms) else "insertion"
        return _mods(kind, src, [_art_href(ctx, op.scope)])
    if isinstance(op, Merge):
        return _mods("join", src, [_art_href(ctx, op.targets[0])])
    if isinstance(op, AddArticles):
        return _mods("insertion", src, [_art_href(ctx, p, new=True) for p in op.positions])
    if isinstance(op, AddParagraphs | AddItems):
        target = op.article if isinstance(op, AddParagraphs) else op.paragraph
        return _mods("insertion", src, [_art_href(ctx, target)])
    if isinstance(op, Move):
        return _move_mods(op, src, ctx)
    if isinstance(op, HeadingOp):
        return _heading_mods(op, src, ctx)
    cells = table_cells([op])
    return _mods("substitution", src, [_cell_href(ctx, c.row, c.column) for c in cells])


def _deleted_href(ctx: _ModCtx, target: Ref) -> str | None:
    if target.paragraph is None and target.item is None and target.article is not None:
        return f"{ctx.prev_main}#{article_eid(target.article, target.sub)}"  # gone from this text
    return _art_href(ctx, target)


def _move_mods(op: Move, src: str, ctx: _ModCtx) -> list[TextualMod]:
    """第X条第Y款改为第Z条 is a split; every other move renumbers a unit."""
    source = op.source
    dest = Ref(op.destination.article or source.article, op.destination.sub)
    if op.destination.article is not None and op.destination.paragraph is None:
        href = _art_href(ctx, dest, new=True)
        kind = "split" if source.paragraph is not None else "renumbering"
        previous = f"{ctx.prev_main}#{article_eid(source.article or 0, source.sub)}"
        return [TextualMod(kind, src, href, previous)] if href else []
    return _mods("renumbering", src, [_art_href(ctx, source)])


def _heading_mods(op: HeadingOp, src: str, ctx: _ModCtx) -> list[TextualMod]:
    chapter = f"chp_{op.chapter}__" if op.chapter else ""
    eid = f"chp_{op.number}" if op.level == "章" else f"{chapter}sec_{op.number}"
    kind = {"rename": "substitution", "add": "insertion", "delete": "repeal"}[op.action]
    here = eid in ctx.ids.used and op.action != "delete"
    return [TextualMod(kind, src, f"#{eid}" if here else f"{ctx.prev_main}#{eid}")]


def _cell_href(ctx: _ModCtx, row: str, column: str) -> str | None:
    eid = ctx.ids.cells.get((row, column))
    return f"#{eid}" if eid else None


def _instruction_mods(
    part: Part, decision_id: str, ctx: _ModCtx, added: set[int]
) -> list[TextualMod]:
    """The modifications of every instruction, in the decision's order."""
    excluded = added | _rewritten(part, ctx)
    out: list[TextualMod] = []
    for ins in part.instructions:
        src = instruction_eid(decision_id, ins.ordinal)
        for op in ins.ops:
            if isinstance(op, ReplaceTerms | InsertPhrase) and op.scope is None:
                out += _global_mods(op, src, ctx, excluded)
            else:
                out += _op_mods(op, src, ctx)
    return out


def _global_mods(
    op: ReplaceTerms | InsertPhrase, src: str, ctx: _ModCtx, excluded: set[int]
) -> list[TextualMod]:
    """Changes 'in the relevant articles': every article that now holds a new term.

    As in ``lawdiff blame``: articles the decision added or rewrote whole are left out,
    their text is the decision's own.
    """
    if isinstance(op, ReplaceTerms):
        words, kind = [new for _, new in op.pairs], "substitution"
    else:
        words, kind = [op.text], "insertion"
    return [
        TextualMod(kind, src, f"#{article_eid(number)}")
        for number, art in ctx.articles.items()
        if number not in excluded and any(w in art.text for w in words)
    ]


def _rewritten(part: Part, ctx: _ModCtx) -> set[int]:
    """New numbers of the articles the decision replaced whole or merged into."""
    targets: list[Ref] = []
    for ins in part.instructions:
        for op in ins.ops:
            if (
                isinstance(op, ReplaceUnit)
                and op.target.paragraph is None
                and op.target.item is None
            ):
                targets.append(op.target)
            elif isinstance(op, Merge):
                targets.append(op.targets[0])
    return {ctx.new_of_old[t.article] for t in targets if t.article in ctx.new_of_old}


def _renumbering(ctx: _ModCtx, source: str) -> list[TextualMod]:
    return [
        TextualMod("renumbering", source, f"#{article_eid(new)}", f"{ctx.prev_main}#art_{old}")
        for old, new in sorted(ctx.new_of_old.items(), key=lambda kv: kv[1])
        if old != new and new in ctx.articles
    ]


# ---------------------------------------------------------------- export: meta
