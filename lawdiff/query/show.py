"""Reading questions the CLI asks: which text, of which revision, and why."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from lawdiff.corpus.reader import Corpus
from lawdiff.corpus.timeline import (
    Standing,
    effective_of,
    in_force,
    kind_word,
    nearest_text,
    revision_by_id,
)
from lawdiff.errors import InputError
from lawdiff.i18n import _
from lawdiff.structure.model import Article, Law, LawText, Revision


class Shown(NamedTuple):
    law: Law
    revision: Revision | None  # the revision asked for / in force
    text_revision: Revision | None  # the revision whose text is shown
    text: LawText | None
    articles: list[Article] | None  # the selection (None = whole text)
    status: str
    reason: str


def show(
    corpus: Corpus,
    name: str,
    *,
    on: date | None = None,
    rev: str | None = None,
    article: str | int | None = None,
    today: date | None = None,
) -> Shown:
    """The text in force on ``on`` (default: today), or of revision ``rev``."""
    if on is not None and rev is not None:
        raise InputError(_("give --date or --rev, not both"))
    law = corpus.load_law(corpus.resolve(name))
    if rev is not None:
        revision = revision_by_id(law, rev)
        when, approx = effective_of(revision, law)
        status = "revision"
        reason = _("revision {revision} ({kind}), adopted {date}").format(
            revision=revision.id, kind=kind_word(revision.kind), date=revision.adopted or "—"
        )
        if when is not None:
            reason += (
                _(", effective {date} (approximate: adoption date)")
                if approx
                else _(", effective {date}")
            ).format(date=when)
        standing_text: Revision | None = nearest_text(law, revision)
    else:
        st: Standing = in_force(law, on or today or date.today())
        revision, status, reason = st.revision, st.status, st.reason
        standing_text = st.text_revision if st.status != "not-yet-in-force" else None
        if st.status == "repealed":
            standing_text = None
    text = None
    if revision is not None and revision.text_file:
        text = corpus.load_text(law, revision)
    elif revision is not None and revision.derived and status != "repealed":
        from lawdiff.amend.derive import derived_tables

        tables = derived_tables(corpus, law, revision)
        revision.tables = tables
        reason += _(
            "; the attached table is computed from the decision {decision} (only the known cells)"
        ).format(decision=revision.decision)
    elif revision is not None and status != "repealed" and revision.tables:
        reason += _("; only part of the attached table is known (no text in the corpus)")
    elif revision is not None and status != "repealed":
        near = standing_text
        reason += _("; the text of revision {revision} is not in the corpus").format(
            revision=revision.id
        )
        reason += (
            _(" (nearest revision with text: {revision})").format(revision=near.id)
            if near
            else _(" (no revision of this law has text in the corpus)")
        )
    articles = None
    if article is not None:
        from lawdiff.structure.refs import article_ref  # only when an article is asked for

        ref = article_ref(article)
        article = ref.label
        if text is None:
            raise InputError(
                _("{law}: no text to take article {article} from ({reason})").format(
                    law=law.id, article=article, reason=reason
                )
            )
        articles = [a for a in text.articles if ref.matches(a)]
        if not articles:
            raise InputError(
                _("{law} {revision}: no article {article} (the text has {n} articles)").format(
                    law=law.id,
                    revision=revision.id if revision else "",
                    article=article,
                    n=len(text.articles),
                )
            )
    return Shown(law, revision, revision if text else None, text, articles, status, reason)
