"""The ``log`` tables: revisions with what changed, and one article through time."""

from __future__ import annotations

from typing import Any

from lawdiff.export.listing import changes_text, kind_text
from lawdiff.export.tables import print_table
from lawdiff.i18n import _
from lawdiff.structure.model import Law


def _changes(row: dict[str, Any]) -> str:
    text = changes_text(row["changes"])
    if row["kind"] == "enacted" and not text:
        text = _("enacted")
    if not row["text"] and row["kind"] != "enacted":
        text = _("{changes}; text not in corpus").format(changes=text) if text else _(
            "text not in corpus"
        )
    return text


def print_log(law: Law, rows: list[dict[str, Any]]) -> None:
    shown = []
    for row in rows:
        eff = row["effective"] or "—"
        if row["effective"] and row["effective_approximate"]:
            eff = _("{date} (adoption date)").format(date=row["effective"])
        shown.append(
            {
                "revision": row["revision"],
                "kind": kind_text(row["kind"], row["label"]),
                "effective": eff,
                "decision": row["decision"] or "",
                "articles": "—" if row["articles"] is None else row["articles"],
                "changes": _changes(row),
            }
        )
    keys = ["revision", "kind", "effective", "decision", "articles", "changes"]
    heads = [
        _("revision"),
        _("kind"),
        _("effective"),
        _("decision"),
        _("articles"),
        _("changes against the previous text"),
    ]
    title = _("{title}: revisions").format(title=law.title)
    print_table(shown, keys, heads, title=title, whole=("revision", "decision"), right=("articles",))


def trace_change(row: dict[str, Any]) -> str:
    """What ``log --article`` says happened, in words (from the row's typed fields)."""
    from lawdiff.corpus.timeline import kind_word
    from lawdiff.i18n import pgettext
    from lawdiff.i18n.vocabulary import blame_what, relation

    change, olds = row["change"], "、".join(row["from_articles"])
    if row["source"] == "comparison":
        if olds:
            return _("{relation} from {revision} {articles}").format(
                relation=relation(change), revision=row["from_revision"], articles=olds
            )
        return _("{relation} (nothing in {revision} it continues)").format(
            relation=relation(change), revision=row["from_revision"]
        )
    if row["source"] == "decision":
        said = pgettext("blame separator", "; ").join(blame_what(w) for w in row["what"])
        said = said or _("not changed")
        if olds and row["from_articles"] != row["articles"]:
            said += _(" (was {label})").format(label=olds)
        return said
    return {
        "history-unknown": _("text not in corpus: earlier history unknown"),
        "enacted": _("enacted"),
        "no-text": _("text not in corpus"),
        "first-text": _("first text in the corpus"),
        "previous-text-missing": _("{kind}; the text of {revision} is not in the corpus").format(
            kind=kind_word(row["kind"]), revision=row["from_revision"]
        ),
    }.get(change, change)


def trace_by(row: dict[str, Any]) -> str:
    """The decision and instructions behind the change (or how the texts were aligned)."""
    if row["instructions"]:
        return _("{decision} instruction {numbers}").format(
            decision=row["decision"], numbers="、".join(row["instructions"])
        )
    if row["method"] == "similarity":
        return _("aligned by content")
    return row["decision"] or "" if row["source"] != "comparison" else ""


def print_trace(law: Law, article: str | int, rows: list[dict[str, Any]]) -> None:
    from lawdiff.export.words import revision_kind
    from lawdiff.structure.refs import article_ref

    shown = [
        {
            "revision": r["revision"],
            "kind": revision_kind(r["kind"]),
            "article": "、".join(r["articles"]) or "—",
            "change": trace_change(r),
            "by": trace_by(r),
        }
        for r in rows
    ]
    keys = ["revision", "kind", "article", "change", "by"]
    heads = [_("revision"), _("kind"), _("article"), _("change"), _("by")]
    title = _("{title}: {article} through time").format(
        title=law.title, article=article_ref(article).label
    )
    print_table(shown, keys, heads, title=title, whole=("revision",))


def print_pickaxe(law: Law, phrase: str, rows: list[dict[str, Any]]) -> None:
    """``log -S``: each revision where the occurrences changed, where, and by what."""
    from lawdiff.i18n.vocabulary import relation

    shown = []
    for row in rows:
        before = "?" if row["before"] is None else str(row["before"])
        places = []
        for ch in row["changes"]:
            where = ch["new"] if ch["old"] in (None, ch["new"]) else (
                f"{ch['old']}→{ch['new']}" if ch["new"] else ch["old"]
            )
            what = f" {relation(ch['relation'])}" if ch["relation"] else ""
            count = f"{ch['after']}" if ch["before"] is None else f"{ch['before']}→{ch['after']}"
            places.append(f"{where}{what} ({count})")
        by = []
        if any(ch["instructions"] for ch in row["changes"]):
            ins = "、".join(dict.fromkeys(i for ch in row["changes"] for i in ch["instructions"]))
            by.append(_("{decision} instruction {instructions}").format(decision=row["decision"], instructions=ins))
        if row.get("method") == "similarity":
            by.append(_("aligned by content"))
        if row["quoted_by"]:
            by.append(_("quoted by instruction {instructions}").format(instructions="、".join(row["quoted_by"])))
        shown.append(
            {
                "revision": row["revision"],
                "effective": row["effective"] or "—",
                "count": f"{before} → {row['after']}",
                "where": "; ".join(places),
                "by": "; ".join(by),
            }
        )
    keys = ["revision", "effective", "count", "where", "by"]
    heads = [_("revision"), _("effective"), _("occurrences"), _("where"), _("by")]
    title = _("{title}: “{phrase}” through time").format(title=law.title, phrase=phrase)
    print_table(shown, keys, heads, title=title, whole=("revision",))
