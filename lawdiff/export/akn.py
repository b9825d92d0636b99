"""Akoma Ntoso 3.0 export (``to_akn``) and import (``from_akn``) of one revision.

Mapping choices:

* One revision is one FRBR *expression* of the law (the *work*).  URIs follow the AKN
  naming convention with the corpus ids: work ``/akn/cn/act/<kind>/<enactment date>/<law id>``,
  expression ``<work>/zho@<revision id>``, manifestation ``<expression>.akn``.  The
  expression date is the adoption date (revision ids are adoption dates); the effective
  date, which lawdiff answers by, goes into ``<proprietary>`` with the other timeline fields.
  The manifestation date is the expression date too, so an export is deterministic and
  two exports of the same revision are byte-identical.
* ``<lifecycle>`` has one ``eventRef`` per revision of the law, in adoption order
  (enacted → ``generation``, amended / revised / approved → ``amendment``), plus a
  ``repeal`` event when the law is repealed.  Each points to a ``TLCReference`` in
  ``<references>`` for its decision (or, without a decision, for the revision itself).
* A revision made by a decision gets ``<passiveModifications>``: one ``textualMod`` per
  (instruction, operation, unit), derived from the decision's parsed operations and the
  old→new article map the decision implies (``amend.consistency.number_map``, the data behind
  ``lawdiff blame``).  ``<source>`` points to a ``TLCReference`` for the instruction
  (``dec-<decision id>-ins-<ordinal>``), ``<destination>`` to the article of this text
  (``#art_12``; paragraph positions inside it cannot be derived from the decision alone).
  Units that no longer exist (deleted articles) are addressed in the predecessor
  expression by full URI, and renumbered articles carry ``<previous>`` the same way; their
  ``<source>`` is the decision's 对章条款顺序作相应调整 clause.  "有关条款中的 A 修改为 B"
  has no article numbers: like ``blame`` it is attributed to every article holding B
  (not added or rewritten whole by the decision), which can over-attribute a common B.
* ``<body>`` nests 编/章/节 as ``part``/``chapter``/``section`` (``<num>`` is the printed
  label, ``<heading>`` the title as printed) and every 条 as an ``article`` with one
  ``paragraph`` per 款 and one ``point`` per 项 (``intro`` holds the words before the
  items).  Paragraphs have no ``<num>``: 款 are not numbered in print.  eIds follow the
  convention: ``chp_1``, ``chp_1__sec_2``, ``art_3`` (articles are unique in a document,
  so not prefixed), ``art_3-1`` for 第三条之一, ``art_3__para_2__point_1``.
* Tables (税目税率表) go into the body as ``hcontainer name="schedule"`` after the
  articles, not into ``<attachments>``: an AKN attachment is a document of its own with
  its own FRBR identification, while the corpus keeps the table as part of the revision
  (often only partly known, ``class="partial"``) and has no separate expression for it.
  A cell whose value is not known is ``<td class="unknown"/>``; every cell has an eId so a
  ``textualMod`` can point at the cell a decision changed.

``from_akn`` reads back what ``to_akn`` writes: title, history note, preamble, headings,
articles (with their chapter/section context taken from the nesting) and tables, so that
``from_akn(to_akn(...))`` equals the text exported (table cells come back in row order;
a revision whose text has no tables but whose timeline entry has some exports those).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from lawdiff.corpus.reader import Corpus
from lawdiff.errors import InputError
from lawdiff.export import words
from lawdiff.export.akn_body import write_body
from lawdiff.export.akn_mods import InstructionRef, TextualMod, modifications
from lawdiff.export.akn_names import (
    EVENT_TYPE,
    LD_NS,
    NS,
    SOURCE_NAME,
    Ids,
    checked_,
    decision_uri,
    el,
    expression_uri,
    iso,
    nows,
    rev_date,
    source_eid,
    work_date,
    work_uri,
)
from lawdiff.i18n import _
from lawdiff.structure.model import (
    Law,
    LawText,
    Revision,
)


def _identification(meta: ET.Element, law: Law, rev: Revision) -> None:
    ident = el(meta, "identification", {"source": "#lawdiff"})
    work, expr = work_uri(law), expression_uri(law, rev)
    w = el(ident, "FRBRWork")
    _frbr(w, f"{work}/!main", work, work_date(law), "enactment", "#issuer")
    el(w, "FRBRcountry", {"value": "cn"})
    el(w, "FRBRsubtype", {"value": law.kind})
    el(w, "FRBRname", {"value": law.title})
    e = el(ident, "FRBRExpression")
    when, name = _expression_date(rev)
    _frbr(e, f"{expr}/!main", expr, when, name, "#issuer")
    el(e, "FRBRlanguage", {"language": "zho"})
    m = el(ident, "FRBRManifestation")
    _frbr(m, f"{expr}/!main.xml", f"{expr}.akn", when, "transformation", "#lawdiff")


def _frbr(parent: ET.Element, this: str, uri: str, when: str, name: str, author: str) -> None:
    el(parent, "FRBRthis", {"value": this})
    el(parent, "FRBRuri", {"value": uri})
    el(parent, "FRBRdate", {"date": when, "name": name})
    el(parent, "FRBRauthor", {"href": author})


def _expression_date(rev: Revision) -> tuple[str, str]:
    if rev.adopted:
        return rev.adopted.isoformat(), "adopted"
    if rev.effective:
        return rev.effective.isoformat(), "effective"
    return rev_date(rev), "version"


def _lifecycle(meta: ET.Element, law: Law) -> None:
    life = el(meta, "lifecycle", {"source": "#lawdiff"})
    for rev in law.chronological():
        kind = EVENT_TYPE.get(rev.kind, "amendment")
        _event(life, nows(f"evt_{rev.id}"), rev_date(rev), source_eid(rev), kind)
    if law.repealed:  # dated by adoption like the other events; <proprietary> has the effect
        when = law.repeal_adopted or law.repealed
        _event(life, "evt_repeal", when.isoformat(), "src-repeal", "repeal")


def _event(life: ET.Element, eid: str, when: str, source: str, kind: str) -> None:
    el(life, "eventRef", {"eId": eid, "date": when, "source": f"#{source}", "type": kind})


def _analysis(meta: ET.Element, mods: list[TextualMod]) -> None:
    if not mods:
        return
    passive = el(el(meta, "analysis", {"source": "#lawdiff"}), "passiveModifications")
    for n, mod in enumerate(mods, start=1):
        elem = el(passive, "textualMod", {"eId": f"pmod_{n}", "type": mod.type})
        el(elem, "source", {"href": f"#{mod.source}"})
        el(elem, "destination", {"href": mod.destination})
        if mod.previous:
            el(elem, "previous", {"href": mod.previous})


def _references(meta: ET.Element, corpus: Corpus, law: Law, refs: list[InstructionRef]) -> None:
    out = el(meta, "references", {"source": "#lawdiff"})
    seen: set[str] = set()
    for rev in law.chronological():
        eid = source_eid(rev)
        if eid not in seen:
            seen.add(eid)
            _tlc_reference(out, eid, *_source_of(law, rev))
    if law.repealed:
        name = law.repeal_decision or "repeal"
        when = law.repeal_adopted or law.repealed
        href = decision_uri(name, when.isoformat())
        _tlc_reference(out, "src-repeal", "repeal", href, _decision_title(corpus, name))
    for ref in refs:
        _tlc_reference(out, ref.eid, "instruction", ref.href, ref.show_as)
    issuer = law.issuer or "unknown"
    _organization(out, "issuer", f"/ontology/organization/cn/{nows(issuer)}", issuer)
    _organization(out, "lawdiff", "/ontology/organization/lawdiff", "lawdiff")


def _decision_title(corpus: Corpus, decision_id: str) -> str:
    try:
        return str(corpus.load_decision(decision_id).get("title") or decision_id)
    except InputError:  # named in law.yaml but not in laws/decisions
        return decision_id


def _organization(parent: ET.Element, eid: str, href: str, show_as: str) -> None:
    el(parent, "TLCOrganization", {"eId": eid, "href": href, "showAs": show_as})


def _source_of(law: Law, rev: Revision) -> tuple[str, str, str]:
    """(name, href, showAs) of the reference for a revision's event."""
    if rev.decision:
        return (
            "decision",
            decision_uri(rev.decision, rev_date(rev)),
            rev.decision_title or rev.decision,
        )
    label = rev.decision_title or f"{rev.session}{rev.label or words.revision_kind(rev.kind, 'zh')}"
    return SOURCE_NAME.get(rev.kind, "decision"), expression_uri(law, rev), label


def _tlc_reference(parent: ET.Element, eid: str, name: str, href: str, show_as: str) -> None:
    el(
        parent,
        "TLCReference",
        {"eId": eid, "name": name, "href": href, "showAs": checked_(show_as)},
    )


def _proprietary(meta: ET.Element, law: Law, rev: Revision) -> None:
    """lawdiff's timeline fields for the revision (the effective date above all)."""
    prop = el(meta, "proprietary", {"source": "#lawdiff"})
    fields = {
        "law": law.id,
        "id": rev.id,
        "kind": rev.kind,
        "adopted": iso(rev.adopted),
        "promulgated": iso(rev.promulgated),
        "effective": iso(rev.effective),
        "approved": iso(rev.approved),
        "derived": "true" if rev.derived else None,
        "repealed": iso(law.repealed),
    }
    ET.SubElement(prop, f"{{{LD_NS}}}revision", {k: v for k, v in fields.items() if v})


# ---------------------------------------------------------------- export


def to_akn(corpus: Corpus, law: Law, rev: Revision, text: LawText | None) -> str:
    """One revision as an Akoma Ntoso 3.0 document (UTF-8 XML text).

    ``text`` None exports a revision known only by its attached tables (the resource-tax
    decision): the stored tables, or those computed from the decision for a derived one.
    """
    text = _with_tables(corpus, law, rev, text)
    # elements are built unqualified under a literal xmlns: ElementTree's default_namespace
    # option refuses unqualified attributes, and register_namespace("") would be global
    root = ET.Element("akomaNtoso", {"xmlns": NS})
    act = el(root, "act", {"name": law.kind})
    meta = el(act, "meta")
    ids = Ids()
    body_holder = ET.Element("holder")
    write_body(body_holder, text, ids)
    refs, mods = modifications(corpus, law, rev, text, ids)
    _identification(meta, law, rev)
    _lifecycle(meta, law)
    _analysis(meta, mods)
    _references(meta, corpus, law, refs)
    _proprietary(meta, law, rev)
    _preface(act, text)
    if text.preamble:
        preamble = el(act, "preamble")
        for line in text.preamble:
            el(preamble, "p", text=line)
    act.extend(body_holder)
    ET.indent(root, space="  ")
    for p in root.iter("p"):  # keep inline content free of indentation
        if len(p):
            p.text = None
            for child in p:
                child.tail = None
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _with_tables(corpus: Corpus, law: Law, rev: Revision, text: LawText | None) -> LawText:
    if text is not None:
        return text if text.tables or not rev.tables else text._replace(tables=tuple(rev.tables))
    tables = list(rev.tables)
    if not tables and rev.derived:
        from lawdiff.amend.derive import derived_tables

        tables = derived_tables(corpus, law, rev)
    if not tables:
        raise InputError(_("{law.id} {rev.id}: nothing to export: the text is not in the corpus").format(law=law, rev=rev))
    return LawText(title=law.title, tables=tuple(tables))


def _preface(act: ET.Element, text: LawText) -> None:
    preface = el(act, "preface")
    el(el(el(preface, "longTitle"), "p"), "docTitle", text=text.title)
    if text.note:
        el(preface, "p", {"class": "history"}, text.note)
