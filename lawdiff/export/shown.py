"""A ``query.show`` answer rendered as text, Markdown or JSON, optionally with provenance notes."""

from __future__ import annotations

import json
from typing import Any


def render_with_provenance(shown: Any, rows: dict[str, Any], fmt: str) -> str:
    """The text with a note under each article: which revision and instruction last changed it."""
    if fmt == "json":
        doc = json.loads(render_shown(shown, fmt))
        for a in doc["articles"]:
            b = rows.get(a["label"])
            a["last_changed"] = b._asdict() if b else None
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    from lawdiff.export.document import header_line
    from lawdiff.export.words import blame_what
    from lawdiff.i18n import _
    from lawdiff.i18n.vocabulary import blame_revision
    from lawdiff.structure.model import Heading

    def note(label: str) -> list[str]:
        b = rows.get(label)
        if b is None:
            return []
        by = (
            _("{decision} instruction {numbers}").format(
                decision=b.decision, numbers="、".join(b.instructions)
            )
            if b.decision
            else "—"
        )
        before = (
            _("; formerly {label}").format(label=b.old_label)
            if b.old_label and b.old_label != label
            else ""
        )
        said = _("last changed {revision}: {what}; {by}{before}").format(
            revision=blame_revision(b.revision, b.revision_upper_bound),
            what=blame_what(b.what),
            by=by,
            before=before,
        )
        return [f"　〔{said}〕"]

    out = [header_line(shown.law.id, shown.reason), ""]
    if shown.articles is None:
        text = shown.text
        out += [text.title, *([text.note] if text.note else []), *text.preamble]
        for block in text.blocks:
            out += [block.text] if isinstance(block, Heading) else block.lines() + note(block.label)
    else:
        for art in shown.articles:
            out += art.lines() + note(art.label)
    return "\n".join(out) + "\n"


def render_shown(shown: Any, fmt: str) -> str:
    from lawdiff.export.document import as_markdown, as_text, header_line, table_lines

    if fmt == "json":
        from lawdiff.export.jsonout import document

        doc = document(
            shown.law.id,
            shown.law.title,
            shown.revision,
            shown.status,
            shown.text,
            shown.articles,
            reason=shown.reason,
        )
        if shown.text is None and shown.revision is not None and shown.revision.tables:
            from lawdiff.export.jsonout import table_dict

            doc["tables"] = [table_dict(t) for t in shown.revision.tables]
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    head = header_line(shown.law.id, shown.reason)
    if shown.text is None:
        body = ""
        if shown.revision is not None and shown.revision.tables:
            body = (
                "\n"
                + "\n".join(line for t in shown.revision.tables for line in table_lines(t))
                + "\n"
            )
        return f"{head}\n{body}"
    if fmt == "md":
        return as_markdown(shown.text, shown.articles, subtitle=head)
    return f"{head}\n\n{as_text(shown.text, shown.articles)}"
