"""``list`` and ``history``: typed rows (what ``--format json`` prints) and their tables.

The rows carry data: ISO dates or null, booleans, English enumerations, counts. The tables say
them in words in the interface language (有效 / in force; 修正 / amended; 删除 21 条 / 21 articles
deleted); ``--lang en`` gives the words lawdiff always printed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from lawdiff.export import words
from lawdiff.export.tables import print_table
from lawdiff.i18n import _, ngettext

if TYPE_CHECKING:
    from lawdiff.corpus.reader import Corpus
    from lawdiff.structure.model import Law, Revision


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


# ---------------------------------------------------------------- list


def list_row(law: Law, today: date) -> dict[str, Any]:
    from lawdiff.corpus.timeline import list_record

    return list_record(law, today)


def list_rows(corpus: Corpus, today: date) -> list[dict[str, Any]]:
    """Every law's row, from the index (``corpus.catalog``): no law file is read unless changed."""
    from lawdiff.corpus.cache import decoded

    return [decoded(json.loads, row) for row in corpus.catalog().list_rows(today)]


def status_text(row: dict[str, Any]) -> str:
    """The status column: 有效 / in force, and what qualifies it."""
    status, repealed, pending = row["status"], row.get("repealed"), row.get("pending")
    if status == "repealed":
        return _("repealed {date}").format(date=repealed)
    if status == "not-yet-in-force":
        return _("not yet in force")
    if not row.get("effective_known", True):
        return _("in force (effective date not in corpus)")
    if pending is not None:
        return _("in force; {revision} takes effect {date}").format(
            revision=pending["revision"], date=pending["effective"]
        )
    if repealed is not None:
        return _("in force; repeal takes effect {date}").format(date=repealed)
    return _("in force")


def print_list(rows: list[dict[str, Any]]) -> None:
    shown = [
        {
            "id": r["id"],
            "title": r["title"],
            "kind": words.law_kind(r["kind"]),
            "status": status_text(r),
            "latest": f"{r['latest']['id']} {words.revision_kind(r['latest']['kind'])}",
            "texts": ", ".join(r["texts"]) or "—",
        }
        for r in rows
    ]
    keys = ["id", "title", "kind", "status", "latest", "texts"]
    heads = [_("short name"), _("title"), _("kind"), _("status"), _("latest revision"), _("texts")]
    title = ngettext("{n} law", "{n} laws", len(rows)).format(n=len(rows))
    print_table(shown, keys, heads, title=title, whole=("title", "id"))


TABLE_ROWS = 200  # more laws than this: plain lines instead of a table (streamed, paged)
TSV_COLUMNS = ("id", "title", "kind", "status", "effective_known", "pending", "pending_effective",
               "repealed", "latest", "latest_kind", "texts")  # fmt: skip


def json_lines(rows: Iterable[str]) -> Iterator[str]:
    """A JSON array of the rows (compact JSON, as the index holds them), one law per line."""
    first = True
    for row in rows:
        yield ("[\n  " if first else ",\n  ") + row
        first = False
    yield "[]\n" if first else "\n]\n"


def tsv_lines(rows: Iterable[str]) -> Iterator[str]:
    """Tab-separated: a header, then one line per law; null is empty, lists are comma-joined."""
    from lawdiff.corpus.cache import decoded

    yield "\t".join(TSV_COLUMNS) + "\n"
    for row in rows:
        r = decoded(json.loads, row)
        pending = r["pending"] or {}
        values = [
            r["id"], r["title"], r["kind"], r["status"], r["effective_known"],
            pending.get("revision"), pending.get("effective"), r["repealed"],
            r["latest"]["id"], r["latest"]["kind"], ",".join(r["texts"]),
        ]  # fmt: skip
        yield "\t".join(_cell(v) for v in values) + "\n"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).replace("\t", " ").replace("\n", " ")


def plain_lines(rows: Iterable[str], id_width: int) -> Iterator[str]:
    """For many laws: one line each — id, status, latest revision, title — without a table."""
    said: dict[str, str] = {}  # the words of a status or a kind, looked up once each
    from lawdiff.corpus.cache import decoded

    for row in rows:
        r = decoded(json.loads, row)
        st = json.dumps([r["status"], r["effective_known"], r["pending"], r["repealed"]])
        status = said.get(st) or said.setdefault(st, status_text(r))
        kind = said.get(r["latest"]["kind"]) or said.setdefault(r["latest"]["kind"], words.revision_kind(r["latest"]["kind"]))
        pad = " " * max(0, id_width - _cells(r["id"]))
        yield f"{r['id']}{pad}  {status}  {r['latest']['id']} {kind}  {r['title']}\n"


def _cells(text: str) -> int:
    """Terminal cells of ``text``: a CJK character (three bytes in UTF-8) takes two, ASCII one."""
    return (len(text) + len(text.encode("utf-8"))) // 2


# ---------------------------------------------------------------- history


def _availability(r: Revision) -> dict[str, Any]:
    table = None
    if not r.text_file and (r.derived or r.tables):
        table = "derived" if r.derived else "partial"
    return {"text": r.text_file is not None, "derived": r.derived, "table": table}


def history_rows(law: Law, corpus: Corpus | None = None) -> list[dict[str, Any]]:
    """Every revision with its dates, decision, text availability and what it changed."""
    changes: dict[str, dict[str, Any] | None] = {}
    if corpus is not None:
        from lawdiff.compare.lawlog import revision_changes

        changes = revision_changes(corpus, law, compare_amendments=False)
    rows = []
    for r in law.revisions:
        rows.append(
            {
                "id": r.id,
                "kind": r.kind,
                "label": r.label,
                "adopted": _iso(r.adopted),
                "promulgated": _iso(r.promulgated),
                "effective": _iso(r.effective),
                "effective_basis": r.effective_basis,
                "approved": _iso(r.approved),
                "session": r.session,
                "decision": r.decision,
                "decision_title": r.decision_title,
                **_availability(r),
                "changes": changes.get(r.id),
            }
        )
    if law.repealed:
        rows.append(
            {
                "id": law.repealed.isoformat(),
                "kind": "repealed",
                "label": None,
                "adopted": _iso(law.repeal_adopted),
                "promulgated": None,
                "effective": law.repealed.isoformat(),
                "effective_basis": None,
                "approved": None,
                "session": None,
                "decision": law.repeal_decision,
                "decision_title": None,
                "text": False,
                "derived": False,
                "table": None,
                "changes": None,
            }
        )
    return rows


def changes_text(changes: dict[str, Any] | None) -> str:
    """What a revision changed, in words (a decision's operations, or a comparison's counts)."""
    if not changes:
        return ""
    if changes["source"] == "decision":
        return words.decision_summary(changes["instructions"], changes["counts"])
    return _("vs {revision} ({method}): {counts}; -{removed}/+{added} characters").format(
        revision=changes["against"],
        method=words.method(changes["method"]),
        counts=words.relation_counts(changes["counts"]),
        removed=changes["chars_removed"],
        added=changes["chars_added"],
    )


def kind_text(kind: str, label: str | None) -> str:
    """``amended (第一次修正)`` / 第一次修正; ``enacted`` / 通过."""
    if label and label != "修正":
        return _("{kind} ({label})").format(kind=words.revision_kind(kind), label=label)
    return words.revision_kind(kind)


def _text_word(row: dict[str, Any]) -> str:
    if row["kind"] == "repealed":
        return "—"
    if row["text"]:
        return _("yes (derived)") if row["derived"] else _("yes")
    if row["table"] == "derived":
        return _("table derived from the decision")
    return _("partial table only") if row["table"] == "partial" else _("not in corpus")


def _event(row: dict[str, Any]) -> str:
    event = row["decision"] or row["decision_title"] or ""
    if row["kind"] == "enacted" and not event:
        event = f"通过（{row['session']}）" if row["session"] else "通过"
    if row["approved"]:
        event = (event + "; " if event else "") + f"批准 {row['approved']}"
    return event


def print_history(law: Law, rows: list[dict[str, Any]]) -> None:
    shown = []
    for row in rows:
        eff = row["effective"] or "—"
        if row["effective"] is None and row["effective_basis"]:
            eff = f"— ({row['effective_basis']})"
        shown.append(
            {
                "id": row["id"],
                "kind": kind_text(row["kind"], row["label"]),
                "adopted": row["adopted"] or "—",
                "promulgated": row["promulgated"] or "—",
                "effective": eff,
                "decision": _event(row),
                "changes": changes_text(row["changes"]),
                "text": _text_word(row),
            }
        )
    keys = ["id", "kind", "adopted", "promulgated", "effective", "decision", "changes", "text"]
    heads = [
        _("revision"),
        _("kind"),
        _("adopted"),
        _("promulgated"),
        _("effective"),
        _("decision / event"),
        _("changes"),
        _("text"),
    ]
    print_table(shown, keys, heads, title=f"{law.title} ({law.id})", whole=("id", "decision"))
