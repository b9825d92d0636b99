"""Which revision is in force on a date, by *effective* date.

States (the 国家法律法规数据库 vocabulary): 尚未生效 not yet in force, 有效 in
force, 已修改 superseded, 已废止 repealed.  When the corpus lacks a revision's
effective date, its adoption date stands in and the answer says so.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, NamedTuple

from lawdiff.errors import InputError
from lawdiff.i18n import _, pgettext
from lawdiff.structure.model import Law, Revision


class Standing(NamedTuple):
    """The answer to "what is in force on this date"."""

    law: Law
    on: date | None
    status: str  # in-force | not-yet-in-force | repealed
    revision: Revision | None  # the revision in force (or last in force, if repealed)
    approximate: bool  # the effective date used is the adoption date
    pending: Revision | None  # adopted on or before ``on`` but not yet effective
    text_revision: Revision | None  # nearest revision whose text is in the corpus
    reason: str


def effective_of(rev: Revision, law: Law | None = None) -> tuple[date | None, bool]:
    """(date from which the revision applies, approximate?).

    The adoption date stands in when the effective date is unknown.  An
    amendment cannot apply before the regulation it amends takes effect (机关运行
    保障条例: amended 2020-11-27 with immediate effect, in force 2021-01-01).
    """
    if rev.effective is not None:
        when, approx = rev.effective, False
    else:  # a city regulation cannot apply before the province approves it
        when, approx = max((d for d in (rev.adopted, rev.approved) if d), default=None), True
        if when is None:  # only the date that names it (import: the date in a file's name)
            when = _id_date(rev.id)
    if law is not None and when is not None:
        first = law_start(law)
        if first is not None and first > when and rev.kind != "enacted":
            return first, False
    return when, approx


def _id_date(rev_id: str) -> date | None:
    try:
        return date.fromisoformat(rev_id) if len(rev_id) == 10 else None
    except ValueError:
        return None


def law_start(law: Law) -> date | None:
    """The enactment's effective date, when the corpus knows it."""
    enacted = [r for r in law.revisions if r.kind == "enacted" and r.effective is not None]
    return min(r.effective for r in enacted) if enacted else None  # type: ignore[type-var]


def in_force(law: Law, on: date) -> Standing:
    eff = {r.id: effective_of(r, law) for r in law.revisions}
    revs = [r for r in law.revisions if eff[r.id][0] is not None]
    if not revs:
        raise InputError(_("{law}: no dated revision in the corpus").format(law=law.id))

    def _order(r: Revision) -> tuple[date, date]:
        when = eff[r.id][0]
        assert when is not None
        return (when, r.adopted or when)

    started = [r for r in revs if eff[r.id][0] <= on]  # type: ignore[operator]
    pending = next(
        (r for r in revs if r.adopted and r.adopted <= on < eff[r.id][0]),  # type: ignore[operator]
        None,
    )
    if law.repealed is not None and on >= law.repealed:
        last = max(started, key=_order) if started else None
        reason = _("repealed on {date}").format(date=law.repealed.isoformat())
        if law.repeal_decision:
            reason += _(" by {decision}").format(decision=law.repeal_decision)
        return Standing(law, on, "repealed", last, False, None, _nearest_text(law, last), reason)
    if not started:
        first = min(revs, key=_order)
        when, approx = eff[first.id]
        assert when is not None
        reason = (
            _("not yet in force on {day}: first revision {revision} adopted {date}")
            if approx
            else _("not yet in force on {day}: first revision {revision} takes effect {date}")
        ).format(day=on.isoformat(), revision=first.id, date=when.isoformat())
        return Standing(law, on, "not-yet-in-force", None, approx, pending, None, reason)
    current = max(started, key=_order)
    when, approx = eff[current.id]
    assert when is not None
    reason = _("revision {revision} ({kind}) in force since {date}").format(
        revision=current.id, kind=kind_word(current.kind), date=when.isoformat()
    )
    if approx and current.adopted is None and current.approved is None:
        reason += _(" (no date of it in the corpus: the date that names the revision is used)")
    elif approx:
        reason += _(" (effective date not in corpus; adoption date used)")
    if pending is not None and pending is not current:
        p_when = eff[pending.id][0]
        assert p_when is not None
        reason += _("; revision {revision} adopted {adopted} takes effect {date}").format(
            revision=pending.id, adopted=pending.adopted, date=p_when.isoformat()
        )
    return Standing(
        law, on, "in-force", current, approx, pending, _nearest_text(law, current), reason
    )


def kind_word(kind: str) -> str:
    """The revision kind inside a sentence: ``amended`` / 修正."""
    words = {
        "enacted": pgettext("revision kind", "enacted"),
        "amended": pgettext("revision kind", "amended"),
        "revised": pgettext("revision kind", "revised"),
        "approved": pgettext("revision kind", "approved"),
    }
    return words.get(kind, kind)


def nearest_text(law: Law, rev: Revision | None) -> Revision | None:
    """``rev`` if its text is in the corpus, else the revision nearest to it that has one."""
    return _nearest_text(law, rev)


def _nearest_text(law: Law, rev: Revision | None) -> Revision | None:
    if rev is None:
        return None
    if rev.text_file:
        return rev
    ordered = sorted(law.revisions, key=lambda r: r.adopted or date.min)
    i = ordered.index(rev)
    candidates = [r for r in ordered if r.text_file]
    if not candidates:
        return None
    return min(candidates, key=lambda r: (abs(ordered.index(r) - i), ordered.index(r) < i))


def predecessor(law: Law, rev: Revision) -> Revision | None:
    """The revision adopted just before ``rev``."""
    ordered = law.chronological()
    i = ordered.index(rev)
    return ordered[i - 1] if i > 0 else None


def latest(law: Law) -> Revision:
    return max(law.revisions, key=lambda r: r.order)


class LawStatus(NamedTuple):
    """A law's standing on a day, for ``list`` (JSON carries it as it is)."""

    status: str  # in-force | not-yet-in-force | repealed
    effective_known: bool  # False: the revision in force has no effective date in the corpus
    pending: Revision | None  # adopted, takes effect later
    pending_effective: date | None
    repealed: date | None  # the repeal's effective date (past or scheduled)


def status_on(law: Law, day: date) -> LawStatus:
    """The status ``list`` shows: in force, not yet in force or repealed, and what is pending."""
    if law.repealed is not None and day >= law.repealed:
        return LawStatus("repealed", True, None, None, law.repealed)
    st = in_force(law, day)
    pending_when = effective_of(st.pending, law)[0] if st.pending is not None else None
    return LawStatus(st.status, not st.approximate, st.pending, pending_when, law.repealed)


def revision_by_id(law: Law, rev_id: str) -> Revision:
    """Exact id, or a unique prefix (``2024``), or ``latest`` / ``first``."""
    if rev_id == "latest":
        return latest(law)
    if rev_id == "first":
        return min(law.revisions, key=lambda r: r.order)
    exact = law.revision(rev_id)
    if exact:
        return exact
    hits = [r for r in law.revisions if r.id.startswith(rev_id)]
    if len(hits) == 1:
        return hits[0]
    ids = ", ".join(r.id for r in law.revisions)
    if not hits:
        raise InputError(
            _("{law}: no revision {rev!r} (revisions: {ids})").format(law=law.id, rev=rev_id, ids=ids)
        )
    raise InputError(
        _("{law}: revision {rev!r} is ambiguous (revisions: {ids})").format(
            law=law.id, rev=rev_id, ids=ids
        )
    )


# ---------------------------------------------------------------- list rows


def list_record(law: Law, day: date) -> dict[str, Any]:
    """What ``list`` says of a law on ``day``: typed (ISO dates or null, booleans, enumerations)."""
    last = latest(law)
    st = status_on(law, day)
    return {
        "id": law.id,
        "title": law.title,
        "kind": law.kind,
        "status": st.status,
        "effective_known": st.effective_known,
        "pending": {"revision": st.pending.id, "effective": _iso(st.pending_effective)}
        if st.pending is not None
        else None,
        "repealed": _iso(st.repealed),
        "latest": {"id": last.id, "kind": last.kind},
        "texts": [r.id for r in law.revisions if r.text_file],
    }


def listing_points(law: Law) -> list[tuple[str, str]]:
    """(from day, the ``list`` row as JSON) at each day the row changes.

    ``status_on`` compares the day only with the law's own dates (when each revision applies,
    when it was adopted, the repeal), so the row is constant from one of those dates to the
    next: evaluated at each, it is known for every day. A law whose status cannot be told
    carries the error ``list`` would raise.
    """
    days = {date.min, *(d for r in law.revisions for d in (r.adopted, effective_of(r, law)[0]) if d)}
    if law.repealed is not None:
        days.add(law.repealed)
    out: list[tuple[str, str]] = []
    for day in sorted(days):
        try:
            row = json.dumps(list_record(law, day), ensure_ascii=False)
        except InputError as exc:
            row = json.dumps({"error": str(exc)}, ensure_ascii=False)
        if not out or out[-1][1] != row:
            out.append((day.isoformat(), row))
    return out


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None
