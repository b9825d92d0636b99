"""The words for lawdiff's enumerations and counts, in the interface language (or in Chinese).

Data keeps stable English values (``amended``, ``modified``, ``articles_deleted``); these functions
say them: ``revision_kind("amended")`` → ``amended`` / 修正, ``op_counts({"articles_deleted": 21})``
→ ``21 articles deleted`` / 删除 21 条. Every word lives in the gettext catalogue (one vocabulary
for the terminal, the HTML, DOCX and Markdown documents); documents pass ``lang="zh"``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from lawdiff.i18n import translations
from lawdiff.i18n.vocabulary import blame_what, relation

__all__ = ["blame_what", "relation"]  # with the functions below: the whole vocabulary

Say = Callable[[int], str]


def _t(lang: str | None):  # type: ignore[no-untyped-def]
    return translations(lang)


def heading_relation(rel: str, lang: str | None = None) -> str:
    t = _t(lang)
    words = {
        "renumbered": t.pgettext("heading", "renumbered"),
        "renamed": t.pgettext("heading", "renamed"),
        "new": t.pgettext("heading", "new"),
        "deleted": t.pgettext("heading", "deleted"),
    }
    return words.get(rel, rel)


def revision_kind(kind: str, lang: str | None = None) -> str:
    """enacted 通过 / amended 修正 / revised 修订 / approved 批准 / repealed 废止."""
    t = _t(lang)
    words = {
        "enacted": t.pgettext("revision kind", "enacted"),
        "amended": t.pgettext("revision kind", "amended"),
        "revised": t.pgettext("revision kind", "revised"),
        "approved": t.pgettext("revision kind", "approved"),
        "repealed": t.pgettext("revision kind", "repealed"),
    }
    return words.get(kind, kind)


def law_kind(kind: str, lang: str | None = None) -> str:
    t = _t(lang)
    words = {
        "constitution": t.pgettext("law kind", "constitution"),
        "law": t.pgettext("law kind", "law"),
        "administrative-regulation": t.pgettext("law kind", "administrative-regulation"),
        "supervisory-regulation": t.pgettext("law kind", "supervisory-regulation"),
        "judicial-interpretation": t.pgettext("law kind", "judicial-interpretation"),
        "regulation": t.pgettext("law kind", "regulation"),
        "city-regulation": t.pgettext("law kind", "city-regulation"),
        "autonomous-regulation": t.pgettext("law kind", "autonomous-regulation"),
        "departmental-rule": t.pgettext("law kind", "departmental-rule"),
        "local-government-rule": t.pgettext("law kind", "local-government-rule"),
        "decision": t.pgettext("law kind", "decision"),
    }
    return words.get(kind, kind)


def method(name: str, lang: str | None = None) -> str:
    t = _t(lang)
    words = {
        "decision": t.pgettext("alignment", "decision"),
        "similarity": t.pgettext("alignment", "similarity"),
    }
    return words.get(name, name)


def _join(parts: list[str], lang: str | None) -> str:
    return _t(lang).pgettext("list separator", ", ").join(parts)


def _op_words(lang: str | None) -> dict[str, Say]:
    t = _t(lang)
    return {
        "terms_replaced": lambda n: t.ngettext(
            "terms replaced in {n} place", "terms replaced in {n} places", n
        ),
        "articles_deleted": lambda n: t.ngettext("{n} article deleted", "{n} articles deleted", n),
        "units_deleted": lambda n: t.ngettext(
            "{n} paragraph/item deleted", "{n} paragraphs/items deleted", n
        ),
        "words_deleted": lambda n: t.ngettext("words deleted in {n} place", "words deleted in {n} places", n),
        "words_added": lambda n: t.ngettext("words added in {n} place", "words added in {n} places", n),
        "articles_merged": lambda n: t.ngettext("{n} merge of articles", "{n} merges of articles", n),
        "articles_added": lambda n: t.ngettext("{n} article added", "{n} articles added", n),
        "paragraphs_added": lambda n: t.ngettext("{n} paragraph added", "{n} paragraphs added", n),
        "items_added": lambda n: t.ngettext("{n} item added", "{n} items added", n),
        "articles_replaced": lambda n: t.ngettext("{n} article rewritten", "{n} articles rewritten", n),
        "units_replaced": lambda n: t.ngettext(
            "{n} paragraph/item rewritten", "{n} paragraphs/items rewritten", n
        ),
        "units_moved": lambda n: t.ngettext("{n} unit moved", "{n} units moved", n),
        "headings_changed": lambda n: t.ngettext("{n} heading changed", "{n} headings changed", n),
        "table_cells_changed": lambda n: t.ngettext(
            "{n} table cell changed", "{n} table cells changed", n
        ),
        "other_changes": lambda n: t.ngettext("{n} other change", "{n} other changes", n),
    }


def op_counts(counts: Mapping[str, int], lang: str | None = None) -> str:
    """``{"terms_replaced": 3, "articles_deleted": 21}`` → 替换用语 3 处、删除 21 条."""
    say = _op_words(lang)
    return _join([say[k](n).format(n=n) for k, n in counts.items() if n], lang)


def decision_summary(instructions: int, counts: Mapping[str, int], lang: str | None = None) -> str:
    """``10 instructions: …`` / ``10 项修改：…``."""
    t = _t(lang)
    head = t.ngettext("{n} instruction: {changes}", "{n} instructions: {changes}", instructions)
    return head.format(n=instructions, changes=op_counts(counts, lang))


def relation_counts(counts: Mapping[str, int], lang: str | None = None) -> str:
    """``{"modified": 9, "new": 35}`` → ``9 modified, 35 new`` / 修改 9 条、新增 35 条."""
    t = _t(lang)
    words = {
        "same": t.pgettext("relation count", "{n} same"),
        "renumbered": t.pgettext("relation count", "{n} renumbered"),
        "modified": t.pgettext("relation count", "{n} modified"),
        "moved": t.pgettext("relation count", "{n} moved"),
        "split": t.pgettext("relation count", "{n} split"),
        "merged": t.pgettext("relation count", "{n} merged"),
        "new": t.pgettext("relation count", "{n} new"),
        "deleted": t.pgettext("relation count", "{n} deleted"),
    }
    parts = [words.get(k, "{n} " + k).format(n=n) for k, n in counts.items() if n]
    return _join(parts, lang)


def op_word(kind: str, lang: str | None = None) -> str:
    """An operation of a decision (``ReplaceTerms`` …) as the drafting norms name it."""
    t = _t(lang)
    words = {
        "ReplaceTerms": t.pgettext("operation", "replace terms"),
        "ReplaceUnit": t.pgettext("operation", "rewrite"),
        "DeleteUnits": t.pgettext("operation", "delete"),
        "DeletePhrases": t.pgettext("operation", "delete words"),
        "InsertPhrase": t.pgettext("operation", "add words"),
        "Merge": t.pgettext("operation", "merge"),
        "AddArticles": t.pgettext("operation", "add articles"),
        "AddParagraphs": t.pgettext("operation", "add paragraphs"),
        "AddItems": t.pgettext("operation", "add items"),
        "Move": t.pgettext("operation", "move"),
        "HeadingOp": t.pgettext("operation", "heading"),
        "TableCell": t.pgettext("operation", "table cell"),
        "TableCells": t.pgettext("operation", "table cells"),
        "ReplaceParagraphs": t.pgettext("operation", "rewrite paragraphs"),
        "Split": t.pgettext("operation", "split an article"),
        "AddSentence": t.pgettext("operation", "add a sentence"),
        "ReplaceLine": t.pgettext("operation", "rewrite a heading line"),
        "ReplaceTable": t.pgettext("operation", "reprint a schedule"),
        "Renumber": t.pgettext("operation", "renumber"),
        "Unstated": t.pgettext("operation", "unstated wording changes"),
        "history note": t.pgettext("operation", "history note"),
    }
    return words.get(kind, kind)
