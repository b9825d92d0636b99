"""Apply a parsed decision to a revision: exact edits or an AmendmentError, then renumbering.

Every reference is resolved against the text *before* the decision: the
working copy keeps the old number of each article, paragraph and item, and
the maps built at the start never change, so 第二款 means the old 第二款 even
after a paragraph was inserted in front of it.  Units deleted by one
instruction and named by another are a conflict.  Global term replacements
run last, over the units the decision did not write itself, in one pass for
all pairs (so 第七十六条→第七十七条 and 第七十七条→第七十八条 do not chain and
基本农田→永久基本农田 never yields 永久永久基本农田).

Positions the decision states about the *new* text (作为第二款, 作为第十条,
将第五项调整为第四项) are checked after renumbering.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from lawdiff.amend.edits import TEXT_EDITS, global_replace
from lawdiff.amend.moves import STRUCTURE_EDITS
from lawdiff.amend.ops import Decision, Op, Part, ReplaceTerms
from lawdiff.amend.working import Ctx, Event, Provenance, Result, WHeading, Working, fail
from lawdiff.errors import AmendmentError
from lawdiff.structure.model import Article, Heading, Item, LawText, Paragraph, Table
from lawdiff.structure.model import TableCell as Cell
from lawdiff.structure.numerals import int_to_cn

# ---------------------------------------------------------------- applying


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
    w = Working(base)
    replacements: dict[str, list[tuple[str, str, int]]] = {}
    deferred: list[tuple[Ctx, Op]] = []
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
        assert isinstance(op, ReplaceTerms)
        global_replace(w, op, ctx, replacements)
        applied += 1
    do_renumber = decision.renumber or decision.republish if renumber is None else renumber
    text, provenance = _build(w, renumber=do_renumber, decision_id=decision_id, part=part)
    if history_entry and text.note:
        text = text._replace(note=text.note[:-1] + "\u3000" + history_entry + "）")
    deleted = {
        a.old_label: a.deleted_by for a in w.articles.values() if a.deleted_by and a.old_label
    }
    return Result(text, provenance, replacements, applied, deleted)


def _apply_op(
    w: Working, op: Op, ctx: Ctx, replacements: dict[str, list[tuple[str, str, int]]]
) -> None:
    handler = _HANDLERS.get(type(op))
    if handler is None:
        raise fail(ctx, f"{op.kind} cannot be applied to articles")
    handler(w, op, ctx, replacements)


_HANDLERS = {**TEXT_EDITS, **STRUCTURE_EDITS}


# ---------------------------------------------------------------- renumbering and output


def _build(
    w: Working, *, renumber: bool, decision_id: str, part: Part
) -> tuple[LawText, list[Provenance]]:
    blocks: list[Heading | Article] = []
    provenance: list[Provenance] = []
    chapter_no = section_no = 0
    chapter_text: str | None = None
    section_text: str | None = None
    art_no = 0
    problems: list[str] = []
    for b in w.blocks:
        if isinstance(b, WHeading):
            if b.level == "章":
                chapter_no += 1
                section_no = 0
                number = chapter_no if renumber or b.old is None else b.old
                head = Heading("章", number, f"第{int_to_cn(number)}章", b.title)
                chapter_text, section_text = head.text, None
            else:
                section_no += 1
                number = section_no if renumber or b.old is None else b.old
                head = Heading(b.level, number, f"第{int_to_cn(number)}{b.level}", b.title)
                if b.level == "节":
                    section_text = head.text
            if b.expect is not None and head.number != b.expect:
                problems.append(
                    f"the new {b.level} is {head.label}, the decision says 第{int_to_cn(b.expect)}{b.level}"
                )
            blocks.append(head)
            continue
        if renumber or (b.old is None and b.expect is None):
            art_no += 1
            number, sub = art_no, 0
        elif b.old is None:
            assert b.expect is not None
            number, sub = b.expect
        else:
            number, sub = b.old
        label = f"第{int_to_cn(number)}条" + (f"之{int_to_cn(sub)}" if sub else "")
        if b.expect is not None and (number, sub) != b.expect:
            want = f"第{int_to_cn(b.expect[0])}条" + (
                f"之{int_to_cn(b.expect[1])}" if b.expect[1] else ""
            )
            problems.append(f"{want} was asked for, but after the other changes it is {label}")
        paragraphs = []
        for p_no, p in enumerate(b.paras, start=1):
            if p.expect is not None and p.expect != p_no:
                problems.append(
                    f"{label}: a paragraph added as 第{int_to_cn(p.expect)}款 ends up as 第{int_to_cn(p_no)}款"
                )
            items = []
            for i_no, it in enumerate(p.items, start=1):
                if it.expect is not None and it.expect != i_no:
                    problems.append(
                        f"{label}: item expected as 第{int_to_cn(it.expect)}项 is 第{int_to_cn(i_no)}项"
                    )
                items.append(Item(i_no, f"（{int_to_cn(i_no)}）", it.body))
            paragraphs.append(Paragraph(p.body, tuple(items)))
        art = Article(number, label, tuple(paragraphs), chapter_text, section_text, sub)
        blocks.append(art)
        events = list(b.events)
        if b.old_label and b.old_label != label:
            events.append(Event(decision_id, "", "renumbered", f"{b.old_label}→{label}"))
        provenance.append(Provenance(label, b.old_label, tuple(events)))
    if problems:
        raise AmendmentError(f"positions do not add up: {problems[0]}", decision=decision_id)
    for art in (b for b in blocks if isinstance(b, Article)):
        for line in art.lines():
            if not line.strip("\u3000 ") or line.endswith("\u3000"):
                raise AmendmentError(
                    f"{art.label} would be left with an empty paragraph", decision=decision_id
                )
    return LawText(w.title, w.note, tuple(w.preamble), tuple(blocks), tuple(w.tables)), provenance


def history_entry(decision: Decision) -> str | None:
    """根据…会议《关于修改…的决定》修正: the entry a consolidated text adds to its note."""
    m = regex.search(r"（([0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)(.+?会议)通过）", decision.text)
    if not m:
        return None
    title = regex.sub(r"^山西省人民代表大会常务委员会", "", decision.title)
    nested = title.translate(str.maketrans("《》〈〉", "〈〉《》"))
    return f"根据{m.group(1)}{m.group(2)}《{nested}》修正"


def apply_decision(
    base: LawText,
    decision: Decision,
    *,
    law_title: str | None = None,
    decision_id: str = "decision",
) -> Result:
    """Pick the part for ``law_title`` (or the base's own title) and apply it."""
    if law_title is not None or len(decision.parts) > 1:
        part = decision.part_for(law_title or base.title)
    else:
        part = decision.parts[0]
    if part.target and not _same_law(part.target, base.title):
        raise AmendmentError(
            f"the decision amends {part.target}, the base text is {base.title}",
            decision=decision_id,
        )
    return apply_part(
        base, part, decision, decision_id=decision_id, history_entry=history_entry(decision)
    )


def _same_law(a: str, b: str) -> bool:
    def key(t: str) -> str:
        return regex.sub(r"[《》〈〉\s\u3000]|^山西省人民代表大会常务委员会|^中华人民共和国", "", t)

    ka, kb = key(a), key(b)
    return bool(ka) and bool(kb) and (ka in kb or kb in ka)


def table_from_cells(
    title: str, cells: Iterable[tuple[str, str, str]], *, partial: bool, note: str = ""
) -> Table:
    cols: list[str] = []
    out = []
    for row, col, value in cells:
        if col not in cols:
            cols.append(col)
        out.append(Cell(row, col, value))
    return Table(title, tuple(cols), tuple(out), partial, note)
