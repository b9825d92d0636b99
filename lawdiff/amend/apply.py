"""Apply a parsed decision to a revision: exact edits or an AmendmentError, then renumbering.

Every reference is resolved against the text *before* the decision: the working copy keeps
the old number of each article, paragraph and item, and the maps built at the start never
change, so 第二款 means the old 第二款 even after a paragraph was inserted in front of it.
Units deleted by one instruction and named by another are a conflict.  Global term
replacements run last, over the units the decision did not write itself, in one pass for all
pairs (so 第七十六条→第七十七条 and 第七十七条→第七十八条 do not chain and 基本农田→永久基本农田
never yields 永久永久基本农田).

The text is renumbered when the decision says so (对条文顺序作相应调整, in the closing sentence
or as an instruction), when it is re-published as a whole, or when it renumbers articles
itself (原第四条作为第五条, 将第二条修改为第六条); positions the decision states about the new
text are checked.  References inside the kept text to renumbered provisions follow
(``citations.py``).
"""

from __future__ import annotations

from lawdiff.amend.build import emit, layout
from lawdiff.amend.citations import renumber_citations
from lawdiff.amend.edits import TEXT_EDITS, global_replace
from lawdiff.amend.history import amended_note, history_entry
from lawdiff.amend.lines import amends_several
from lawdiff.amend.moves import STRUCTURE_EDITS, number_unstated
from lawdiff.amend.ops import (
    Decision,
    Merge,
    Move,
    Op,
    Part,
    Renumber,
    ReplaceTerms,
    ReplaceUnit,
    Split,
)
from lawdiff.amend.tables import TABLE_EDITS, table_from_cells
from lawdiff.amend.titles import same_title
from lawdiff.amend.working import Ctx, Result, Working, fail
from lawdiff.errors import AmendmentError
from lawdiff.i18n import _
from lawdiff.structure.model import LawText

_HANDLERS = {**TEXT_EDITS, **STRUCTURE_EDITS, **TABLE_EDITS}


def renumbers(part: Part, decision: Decision) -> bool:
    """Is the text renumbered: said so, re-published, or articles renumbered by the decision itself."""
    if decision.renumbers(part) or decision.republish:
        return True
    for ins in part.instructions:
        for op in ins.ops:
            if isinstance(op, Renumber | Split):
                return True
            if isinstance(op, Move) and op.destination.article is not None:
                return True
            if isinstance(op, Merge) and op.position is not None:
                return True
    return False


def apply_part(
    base: LawText,
    part: Part,
    decision: Decision,
    *,
    decision_id: str,
    renumber: bool | None = None,
    history_entry: str | None = None,
) -> Result:
    """Apply one part of a decision to ``base``; the result is renumbered and checked."""
    if part.unread:  # an instruction for this regulation was not read: nothing is applied
        raise part.unread[0]
    w = Working(base)
    replacements: dict[str, list[tuple[str, str, int]]] = {}
    deferred: list[tuple[Ctx, ReplaceTerms]] = []
    applied = 0
    for ins in part.instructions:
        ctx = Ctx(decision_id, ins)
        for op in ins.ops:
            if isinstance(op, ReplaceTerms) and op.scope is None:
                deferred.append((ctx, op))
                continue
            _apply_op(w, op, ctx, replacements)
            applied += 1
    for ctx, op in deferred:
        global_replace(w, op, ctx, replacements)
        applied += 1
    do_renumber = renumbers(part, decision) if renumber is None else renumber
    if not do_renumber:
        number_unstated(w, part, decision_id)
    placed, numbering = layout(w, renumber=do_renumber, decision_id=decision_id)
    citations = renumber_citations(placed, numbering, decision_id=decision_id)
    text, provenance = emit(w, placed, decision_id=decision_id)
    if history_entry and text.note:
        text = text._replace(note=amended_note(text.note, decision, history_entry))
    deleted = {
        a.old_label: a.deleted_by for a in w.articles.values() if a.deleted_by and a.old_label
    }
    notes = [
        _("{article} cites {old}: {note}").format(article=c.article, old=c.old, note=c.note)
        for c in citations
        if c.new is None
    ]
    if deleted and not do_renumber and "修正案" not in decision.title:
        notes.append(  # a 修改决定 is re-published renumbered; this one does not say so
            _(
                "{articles} deleted and the decision does not say the text is renumbered "
                "(对条文顺序作相应调整 / 重新公布): the numbers are left vacant"
            ).format(articles="、".join(deleted))
        )
    if decision.unstated:
        notes.append(
            _(
                "the decision also makes wording changes it does not spell out (个别文字…): "
                "the result may differ from the official text there"
            )
        )
    return Result(text, provenance, replacements, applied, deleted, citations, notes)


def _apply_op(
    w: Working, op: Op, ctx: Ctx, replacements: dict[str, list[tuple[str, str, int]]]
) -> None:
    handler = _HANDLERS.get(type(op))
    if handler is None:
        raise fail(ctx, _("{op.kind} cannot be applied to articles").format(op=op))
    handler(w, op, ctx, replacements)


def apply_decision(
    base: LawText,
    decision: Decision,
    *,
    law_title: str | None = None,
    decision_id: str = "decision",
) -> Result:
    """Pick the part for ``law_title`` (or the base's own title) and apply it."""
    if not decision.parts:
        raise AmendmentError(_('the decision changes no text (no amendment instruction)'), decision=decision_id)
    if law_title is not None or len(decision.parts) > 1:
        part = decision.part_for(law_title or base.title)
    else:
        part = decision.parts[0]
    names = part.titles() + _renamed(part)
    if part.target is None and amends_several(decision.title):
        raise AmendmentError(
            _("the decision amends several regulations and lawdiff cannot tell which of its instructions amend {title}: no heading or name marks them").format(title=law_title or base.title),
            decision=decision_id,
        )
    if part.target and not any(same_title(t, base.title) for t in names):
        raise AmendmentError(
            _("the decision amends {part.target}, the base text is {base.title}").format(part=part, base=base),
            decision=decision_id,
        )
    return apply_part(
        base, part, decision, decision_id=decision_id, history_entry=history_entry(decision)
    )


def _renamed(part: Part) -> list[str]:
    """Titles the part gives its regulation (将名称修改为：“…”)."""
    return [
        op.text
        for ins in part.instructions
        for op in ins.ops
        if isinstance(op, ReplaceUnit) and op.target.unit == "title"
    ]


__all__ = ["apply_decision", "apply_part", "history_entry", "table_from_cells"]
