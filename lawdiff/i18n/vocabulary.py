"""Words every stage may need: relations and what ``blame`` says changed an article.

(The rest of the vocabulary, for the renderers, is ``lawdiff.export.words``.)
"""

from __future__ import annotations

from lawdiff.i18n import translations


def relation(rel: str, lang: str | None = None) -> str:
    """same / renumbered / modified / moved / split / merged / new / deleted."""
    t = translations(lang)
    words = {
        "same": t.pgettext("relation", "same"),
        "renumbered": t.pgettext("relation", "renumbered"),
        "modified": t.pgettext("relation", "modified"),
        "moved": t.pgettext("relation", "moved"),
        "split": t.pgettext("relation", "split"),
        "merged": t.pgettext("relation", "merged"),
        "new": t.pgettext("relation", "new"),
        "deleted": t.pgettext("relation", "deleted"),
    }
    return words.get(rel, rel)


def blame_what(what: str, lang: str | None = None) -> str:
    """What ``blame`` says changed an article (``words replaced; merged from 第三条、第四条``)."""
    t = translations(lang)
    words = {
        "added": t.pgettext("blame", "added"),
        "article replaced": t.pgettext("blame", "article replaced"),
        "paragraph/item replaced": t.pgettext("blame", "paragraph/item replaced"),
        "paragraph/item deleted": t.pgettext("blame", "paragraph/item deleted"),
        "words deleted": t.pgettext("blame", "words deleted"),
        "words replaced": t.pgettext("blame", "words replaced"),
        "words added": t.pgettext("blame", "words added"),
        "paragraph added": t.pgettext("blame", "paragraph added"),
        "terms replaced": t.pgettext("blame", "terms replaced"),
        "citations renumbered (implied)": t.pgettext("blame", "citations renumbered (implied)"),
        "enacted": t.pgettext("blame", "enacted"),
        "revised (whole text)": t.pgettext("blame", "revised (whole text)"),
        "not changed": t.pgettext("blame", "not changed"),
        "unchanged by this decision (earlier texts not in corpus)": t.pgettext(
            "blame", "unchanged by this decision (earlier texts not in corpus)"
        ),
    }
    merged = "merged from "
    parts = []
    for w in what.split("; "):
        if w.startswith(merged):
            parts.append(t.pgettext("blame", "merged from {articles}").format(articles=w[len(merged) :]))
        else:
            parts.append(words.get(w, w))
    return t.pgettext("blame separator", "; ").join(parts)


def blame_revision(revision: str | None, upper_bound: bool) -> str:
    """``blame``'s revision as shown: ``2020-11-27``, ``≤ 2008-05-16`` (at the latest), ``?``."""
    if revision is None:
        return "?"
    return f"≤ {revision}" if upper_bound else revision
