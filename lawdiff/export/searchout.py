"""``lawdiff search`` output: JSON for scripts, lines for readers.

JSON: ``{"query", "date", "hits": [{"law", "title", "revision", "label", "snippet", "from",
"until", …}], "not_searched"}`` — one hit per segment of a lineage (an article's run of
revisions under one label); ``from``/``until`` ISO dates or null, ``lineage`` a number shared
by the segments of one article, ``first`` the segment's first revision, ``unit`` what was
found (article, table, annex, heading, preamble, note), ``current`` whether the segment holds
the text in force on ``date``, ``count`` the occurrences in ``revision``.

Text: the laws, then for each lineage its segments on one line (「第十二条, 2008–2020;
第十五条 since 2024」) and the latest snippet with the phrase marked.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from lawdiff.i18n import _, ngettext

if TYPE_CHECKING:
    from lawdiff.compare.lineage import Segment


def search_dict(
    phrase: str, segments: list[Segment], on: date | None, problems: dict[str, str]
) -> dict[str, Any]:
    return {
        "query": phrase,
        "date": on.isoformat() if on else None,
        "hits": [
            {
                "law": s.law,
                "title": s.title,
                "revision": s.revision,
                "label": s.label,
                "snippet": s.snippet,
                "from": s.start.isoformat() if s.start else None,
                "until": s.until.isoformat() if s.until else None,
                "lineage": s.lineage,
                "first": s.first,
                "unit": s.unit,
                "current": s.current,
                "count": s.count,
            }
            for s in segments
        ],
        "not_searched": problems,
    }


def search_lines(
    phrase: str, segments: list[Segment], on: date | None, problems: dict[str, str]
) -> Iterator[str]:
    laws = list(dict.fromkeys(s.law for s in segments))
    lineages = list(dict.fromkeys(s.lineage for s in segments))
    scope = (
        _("in the texts in force on {date}").format(date=on.isoformat())
        if on
        else _("in every revision")
    )
    places = ngettext("{n} place", "{n} places", len(lineages)).format(n=len(lineages))
    in_laws = ngettext("{n} law", "{n} laws", len(laws)).format(n=len(laws))
    yield f"“{phrase}”: {places}, {in_laws}, {scope}\n"
    mark = ("【", "】")  # the phrase stays visible in pipes and without colour
    for law in laws:
        mine = [s for s in segments if s.law == law]
        yield f"\n{law}  {mine[0].title}\n"
        for lineage in dict.fromkeys(s.lineage for s in mine):
            run = [s for s in mine if s.lineage == lineage]
            yield "  " + "; ".join(f"{s.label}, {_span(s)}" for s in run) + "\n"
            yield "    " + run[-1].snippet.replace(phrase, mark[0] + phrase + mark[1]) + "\n"
    for law, why in problems.items():
        yield _("not searched: {law}: {reason}").format(law=law, reason=why) + "\n"


def _span(s: Segment) -> str:
    start = str(s.start.year) if s.start else "?"
    if s.until is None:
        return _("since {year}").format(year=start)
    return f"{start}–{s.until.year}"

