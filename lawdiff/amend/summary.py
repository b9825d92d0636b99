"""What a revision changed, counted: by its decision's operations, or (for a 修订) by the diff.

The counts are data, keyed by stable English names (``articles_deleted`` …) that JSON carries as
they are; ``lawdiff.export.words`` says them in words (删除 21 条 / 21 articles deleted).
"""

from __future__ import annotations

from typing import NamedTuple

from lawdiff.amend.load import decision_for
from lawdiff.amend.ops import (
    AddArticles,
    AddItems,
    AddParagraphs,
    AddSentence,
    DeletePhrases,
    DeleteUnits,
    HeadingOp,
    InsertPhrase,
    Merge,
    Move,
    Op,
    Part,
    Renumber,
    ReplaceLine,
    ReplaceParagraphs,
    ReplaceTable,
    ReplaceTerms,
    ReplaceUnit,
    Split,
    TableCell,
    TableCells,
    Unstated,
    table_cells,
)
from lawdiff.corpus.reader import Corpus
from lawdiff.structure.model import Law, Revision

# every key a decision's count can have, in the order a summary lists them when they tie
OP_COUNTS = (
    "terms_replaced",  # 替换用语 N 处 (one per clause)
    "articles_deleted",
    "units_deleted",  # paragraphs or items
    "words_deleted",  # 删去文字 N 处
    "words_added",
    "articles_merged",  # one per merge
    "articles_added",
    "paragraphs_added",
    "items_added",
    "articles_replaced",  # 修改 N 条 (将第X条修改为)
    "units_replaced",
    "units_moved",
    "headings_changed",
    "table_cells_changed",
    "other_changes",  # an operation this table does not know yet (a test keeps it empty)
)


class DecisionCounts(NamedTuple):
    decision: str
    instructions: int
    counts: dict[str, int]  # OP_COUNTS key -> n, in the order first met in the decision


def _whole(ref: object) -> bool:
    return getattr(ref, "paragraph", None) is None and getattr(ref, "item", None) is None


def _op_counts(op: Op) -> list[tuple[str, int]]:
    if isinstance(op, TableCell | TableCells):
        return [("table_cells_changed", len(table_cells([op])))]
    if isinstance(op, ReplaceTable):
        return [("table_cells_changed", len(op.rows or ()))]
    if isinstance(op, Renumber | Unstated):
        return []  # statements about the text, not edits
    if isinstance(op, Split):
        return [("articles_replaced", 1), ("articles_added", max(len(op.texts or ()) - 1, 0))]
    if isinstance(op, DeleteUnits):
        return [("articles_deleted" if _whole(t) else "units_deleted", 1) for t in op.targets]
    if isinstance(op, ReplaceUnit):
        return [("articles_replaced" if _whole(op.target) else "units_replaced", 1)]
    simple: list[tuple[type, str, int]] = [
        (ReplaceTerms, "terms_replaced", 1),
        (DeletePhrases, "words_deleted", 1),
        (InsertPhrase, "words_added", 1),
        (Merge, "articles_merged", 1),
        (Move, "units_moved", 1),
        (HeadingOp, "headings_changed", 1),
        (ReplaceLine, "headings_changed", 1),
        (ReplaceParagraphs, "units_replaced", 1),
        (AddSentence, "words_added", 1),
    ]
    for cls, key, n in simple:
        if isinstance(op, cls):
            return [(key, n)]
    added = {AddArticles: "articles_added", AddParagraphs: "paragraphs_added", AddItems: "items_added"}
    for cls, key in added.items():
        if isinstance(op, cls):
            return [(key, len(op.texts))]  # type: ignore[attr-defined]
    return [("other_changes", 1)]


def part_counts(part: Part) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ins in part.instructions:
        for op in ins.ops:
            for key, n in _op_counts(op):
                counts[key] = counts.get(key, 0) + n
    return counts


def decision_counts(corpus: Corpus, law: Law, rev: Revision) -> DecisionCounts | None:
    """What the decision that made ``rev`` did to ``law`` (None: not an amendment by decision)."""
    if not rev.decision or rev.kind != "amended":
        return None
    _data, decision = decision_for(corpus, rev)
    part = decision.part_for(law.title if len(decision.parts) > 1 else None)
    return DecisionCounts(rev.decision, len(part.instructions), part_counts(part))
