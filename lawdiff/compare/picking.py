"""Which revisions a comparison is of: ids, unique prefixes (``2024``) or dates in force.

Apart from ``diffing`` so that a ``diff`` answered from the index (``diffcache.cached_json``)
imports none of the comparison machinery.
"""

from __future__ import annotations

from lawdiff.corpus.reader import Corpus
from lawdiff.corpus.timeline import in_force, revision_by_id
from lawdiff.errors import InputError
from lawdiff.i18n import _
from lawdiff.structure.model import Law, Revision


def pick_revision(corpus: Corpus, law: Law, spec: str) -> Revision:
    """A revision id (or unique prefix such as ``2024``), else a date: the text in force then."""
    try:
        return revision_by_id(law, spec)
    except InputError as exc:
        if len(spec) != 10:
            raise
        from lawdiff.structure.dates import parse_iso

        try:
            on = parse_iso(spec)
        except InputError:
            raise exc from None
        st = in_force(law, on)
        if st.revision is None or st.status != "in-force":
            raise InputError(_("{law.id}: nothing in force on {on} ({reason})").format(law=law, on=on, reason=st.reason)) from None
        if st.text_revision is None or st.text_revision is not st.revision:
            raise InputError(
                _("{law.id}: the text in force on {on} (revision {revision}) is not in the corpus").format(law=law, on=on, revision=st.revision.id)
            ) from None
        return st.revision


def revisions(corpus: Corpus, name: str, a: str, b: str) -> tuple[Law, Revision, Revision]:
    """The law and the two revisions, the earlier first."""
    law = corpus.load_law(corpus.resolve(name))
    ra, rb = pick_revision(corpus, law, a), pick_revision(corpus, law, b)
    return (law, ra, rb) if ra.order <= rb.order else (law, rb, ra)
