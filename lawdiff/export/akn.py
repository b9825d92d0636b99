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
  old→new article map the decision implies (``verify.number_map``, the data behind
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
from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

import regex

from lawdiff.amend.ops import (
    AddArticles,
    AddItems,
    AddParagraphs,
    DeletePhrases,
    DeleteUnits,
    HeadingOp,
    InsertPhrase,
    Merge,
    Move,
    Op,
    Part,
    Ref,
    ReplaceTerms,
    ReplaceUnit,
    table_cells,
)
from lawdiff.corpus.reader import Corpus
from lawdiff.errors import InputError
from lawdiff.structure.model import (
    Article,
    Block,
    Heading,
    Item,
    Law,
    LawText,
    Paragraph,
    Revision,
    Table,
    TableCell,
)
from lawdiff.structure.numerals import NumeralError, to_int

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LD_NS = "urn:lawdiff:akn"  # lawdiff's own timeline fields inside <proprietary>
ET.register_namespace("lawdiff", LD_NS)

LEVEL_TAG = {"编": "part", "章": "chapter", "节": "section"}
TAG_LEVEL = {v: k for k, v in LEVEL_TAG.items()}
LEVEL_EID = {"编": "part", "章": "chp", "节": "sec"}
EVENT_TYPE = {"enacted": "generation"}  # everything else is an amendment of the work
SOURCE_NAME = {"enacted": "enactment", "revised": "revision", "approved": "approval"}
KIND_CN = {"enacted": "通过", "amended": "修正", "revised": "修订", "approved": "批准"}

_INVALID_XML = regex.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ARTICLE_NUM = regex.compile(r"^第(.+?)条(?:之(.+))?$")
_HEADING_NUM = regex.compile(r"^第(.+)[编章节]$")
_ITEM_NUM = regex.compile(r"^（(.+)）$")


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _el(
    parent: ET.Element, tag: str, attrs: dict[str, str] | None = None, text: str | None = None
) -> ET.Element:
    """A child element in the AKN namespace; text is checked for characters XML cannot hold."""
    elem = ET.SubElement(parent, tag, attrs or {})
    if text is not None:
        elem.text = _checked(text)
    return elem


def _checked(text: str) -> str:
    bad = _INVALID_XML.search(text)
    if bad:
        raise InputError(f"text contains U+{ord(bad.group()):04X}, which XML 1.0 cannot hold")
    return text


# ---------------------------------------------------------------- identifiers


def article_eid(number: int, sub: int = 0) -> str:
    """``art_3``, or ``art_3-1`` for 第三条之一."""
    return f"art_{number}-{sub}" if sub else f"art_{number}"


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _rev_date(rev: Revision) -> str:
    """The date an event of the revision is dated by: adoption, else whatever is known."""
    known = rev.adopted or rev.effective or rev.approved or rev.promulgated
    return known.isoformat() if known else rev.id


def _work_date(law: Law) -> str:
    enacted = [r for r in law.revisions if r.kind == "enacted"]
    return _rev_date(enacted[0] if enacted else law.chronological()[0])


def work_uri(law: Law) -> str:
    return f"/akn/cn/act/{law.kind}/{_work_date(law)}/{law.id}"


def expression_uri(law: Law, rev: Revision) -> str:
    return f"{work_uri(law)}/zho@{rev.id}"


def _decision_uri(decision_id: str, when: str) -> str:
    return f"/akn/cn/act/decision/{when}/{decision_id}"


def _nows(text: str) -> str:
    """eIds may not contain whitespace."""
    return regex.sub(r"\s+", "_", text)


def source_eid(rev: Revision) -> str:
    """The reference an event of ``rev`` points to: its decision, or the revision itself."""
    return _nows(f"dec-{rev.decision}" if rev.decision else f"src-{rev.id}")


def instruction_eid(decision_id: str, ordinal: str) -> str:
    return _nows(f"dec-{decision_id}-ins-{ordinal}")


# ---------------------------------------------------------------- export: body


class _Ids:
    """eIds handed out in the body, and where each table cell went."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.cells: dict[tuple[str, str], str] = {}

    def take(self, eid: str) -> str:
        out, n = eid, 1
        while out in self.used:  # a malformed text repeating a number still gets unique eIds
            n += 1
            out = f"{eid}_{n}"
        self.used.add(out)
        return out


def _body(parent: ET.Element, text: LawText, ids: _Ids) -> None:
    body = _el(parent, "body")
    open_: dict[str, tuple[ET.Element, str]] = {}  # level -> (element, eId)
    for block in text.blocks:
        if isinstance(block, Heading):
            _open_heading(body, block, open_, ids)
        else:
            container = next((open_[lv][0] for lv in ("节", "章", "编") if lv in open_), body)
            _article(container, block, ids)
    for i, table in enumerate(text.tables, start=1):
        _schedule(body, table, i, ids)
    if len(body) == 0:  # AKN requires some content in a body
        box = _el(body, "hcontainer", {"eId": "hcontainer_0", "name": "noText"})
        _el(_el(box, "content"), "p")


def _open_heading(
    body: ET.Element, h: Heading, open_: dict[str, tuple[ET.Element, str]], ids: _Ids
) -> None:
    """Close the levels a heading ends (as parse_body does) and open its element."""
    for lv in {"编": ("编", "章", "节"), "章": ("章", "节"), "节": ("节",)}[h.level]:
        open_.pop(lv, None)
    parent = next((open_[lv] for lv in ("章", "编") if lv in open_), None)
    prefix = f"{parent[1]}__" if parent else ""
    eid = ids.take(f"{prefix}{LEVEL_EID[h.level]}_{h.number}")
    elem = _el(parent[0] if parent else body, LEVEL_TAG[h.level], {"eId": eid})
    _el(elem, "num", text=h.label)
    if h.title:
        _el(elem, "heading", text=h.title)
    open_[h.level] = (elem, eid)


def _article(parent: ET.Element, art: Article, ids: _Ids) -> None:
    eid = ids.take(article_eid(art.number, art.sub))
    elem = _el(parent, "article", {"eId": eid})
    _el(elem, "num", text=art.label)
    for p_no, para in enumerate(art.paragraphs, start=1):
        p_eid = f"{eid}__para_{p_no}"
        ids.used.add(p_eid)
        p_elem = _el(elem, "paragraph", {"eId": p_eid})
        if not para.items:
            _el(_el(p_elem, "content"), "p", text=para.body)
            continue
        _el(_el(p_elem, "intro"), "p", text=para.body)
        for i_no, item in enumerate(para.items, start=1):
            i_eid = f"{p_eid}__point_{i_no}"
            ids.used.add(i_eid)
            point = _el(p_elem, "point", {"eId": i_eid})
            _el(point, "num", text=item.label)
            _el(_el(point, "content"), "p", text=item.body)


def _schedule(body: ET.Element, table: Table, number: int, ids: _Ids) -> None:
    """A table as ``hcontainer name="schedule"`` (see the module docstring for why)."""
    eid = ids.take(f"hcontainer_{number}")
    attrs = {"eId": eid, "name": "schedule"}
    if table.partial:
        attrs["class"] = "partial"
    box = _el(body, "hcontainer", attrs)
    _el(box, "heading", text=table.title)
    content = _el(box, "content")
    t_eid = ids.take(f"{eid}__table_1")
    elem = _el(content, "table", {"eId": t_eid})
    head = _el(elem, "tr")
    _el(head, "th")
    for column in table.columns:
        _el(_el(head, "th"), "p", text=column)
    for r_no, row in enumerate(table.rows, start=1):
        tr = _el(elem, "tr")
        _el(_el(tr, "th"), "p", text=row)
        for c_no, column in enumerate(table.columns, start=1):
            _cell(tr, table, row, column, ids.take(f"{t_eid}__cell_{r_no}_{c_no}"), ids)
    if table.note:
        _el(content, "p", {"class": "note"}, table.note)


def _cell(tr: ET.Element, table: Table, row: str, column: str, eid: str, ids: _Ids) -> None:
    value = table.get(row, column)
    if value is None:
        _el(tr, "td", {"eId": eid, "class": "unknown"})
        return
    _el(_el(tr, "td", {"eId": eid}), "p", text=value)
    ids.cells.setdefault((row, column), eid)


# ---------------------------------------------------------------- export: modifications


class TextualMod(NamedTuple):
    """One ``textualMod``: what kind of change, which instruction, where."""

    type: str  # substitution | insertion | repeal | renumbering | split | join
    source: str  # eId of the instruction's TLCReference
    destination: str  # "#art_12", or a full URI into the predecessor for vanished units
    previous: str | None = None  # renumbering: the unit's address in the predecessor


class InstructionRef(NamedTuple):
    eid: str
    href: str
    show_as: str


class _ModCtx(NamedTuple):
    new_of_old: dict[int, int]
    articles: dict[int, Article]  # new number -> article (sub 0)
    prev_main: str  # "<predecessor expression>/!main"
    ids: _Ids


def modifications(
    corpus: Corpus, law: Law, rev: Revision, text: LawText, ids: _Ids | None = None
) -> tuple[list[InstructionRef], list[TextualMod]]:
    """The decision's instructions and the textual modifications they made to ``text``."""
    from lawdiff.amend.consistency import number_map
    from lawdiff.amend.load import decision_for
    from lawdiff.corpus.timeline import predecessor

    if not rev.decision or rev.kind != "amended":
        return [], []
    if ids is None:
        ids = _Ids()
        _body(ET.Element("x"), text, ids)
    _, decision = decision_for(corpus, rev)
    part = decision.part_for(law.title if len(decision.parts) > 1 else None)
    arts = text.articles
    nmap = number_map(part, len(arts))
    prev = predecessor(law, rev)
    prev_main = f"{expression_uri(law, prev) if prev else work_uri(law)}/!main"
    ctx = _ModCtx(nmap.new_of_old, {a.number: a for a in arts if a.sub == 0}, prev_main, ids)
    refs = _instruction_refs(rev, part)
    mods = _instruction_mods(part, rev.decision, ctx, set(nmap.added))
    if decision.renumber:  # 对章条款顺序作相应调整: the clause that moved the survivors
        clause = _renumber_ref(rev.decision, _rev_date(rev))
        renumbered = _renumbering(ctx, clause.eid)
        mods += renumbered
        refs += [clause] if renumbered else []
    return refs, list(dict.fromkeys(mods))


def _decision_main(decision_id: str, when: str) -> str:
    """The decision's original expression (``zho@`` with no date: as adopted)."""
    return f"{_decision_uri(decision_id, when)}/zho@/!main"


def _renumber_ref(decision_id: str, when: str) -> InstructionRef:
    eid = _nows(f"dec-{decision_id}-renumber")
    return InstructionRef(eid, _decision_main(decision_id, when), "对章条款顺序作相应调整")


def _instruction_refs(rev: Revision, part: Part) -> list[InstructionRef]:
    assert rev.decision is not None
    main = _decision_main(rev.decision, _rev_date(rev))
    return [
        InstructionRef(
            instruction_eid(rev.decision, ins.ordinal), f"{main}#ins_{ins.ordinal}", ins.text
        )
        for ins in part.instructions
    ]


def _art_href(ctx: _ModCtx, ref: Ref | None, *, new: bool = False) -> str | None:
    """Where an article named by the decision is: in this text, else in the predecessor."""
    if ref is None or ref.article is None:
        return None
    number = ref.article if new else ctx.new_of_old.get(ref.article)
    if number is not None and article_eid(number, ref.sub) in ctx.ids.used:
        return f"#{article_eid(number, ref.sub)}"
    return f"{ctx.prev_main}#{article_eid(ref.article, ref.sub)}"


def _mods(kind: str, source: str, hrefs: list[str | None]) -> list[TextualMod]:
    return [TextualMod(kind, source, h) for h in hrefs if h is not None]


def _op_mods(op: Op, src: str, ctx: _ModCtx) -> list[TextualMod]:
    """The textual modifications of one operation (global term changes are done apart)."""
    if isinstance(op, ReplaceUnit):
        return _mods("substitution", src, [_art_href(ctx, op.target)])
    if isinstance(op, DeleteUnits):
        return _mods("repeal", src, [_deleted_href(ctx, t) for t in op.targets])
    if isinstance(op, DeletePhrases):
        return _mods("repeal", src, [_art_href(ctx, op.scope)])
    if isinstance(op, ReplaceTerms | InsertPhrase) and op.scope is not None:
        kind = "substitution" if isinstance(op, ReplaceTerms) else "insertion"
        return _mods(kind, src, [_art_href(ctx, op.scope)])
    if isinstance(op, Merge):
        return _mods("join", src, [_art_href(ctx, op.targets[0])])
    if isinstance(op, AddArticles):
        return _mods("insertion", src, [_art_href(ctx, p, new=True) for p in op.positions])
    if isinstance(op, AddParagraphs | AddItems):
        target = op.article if isinstance(op, AddParagraphs) else op.paragraph
        return _mods("insertion", src, [_art_href(ctx, target)])
    if isinstance(op, Move):
        return _move_mods(op, src, ctx)
    if isinstance(op, HeadingOp):
        return _heading_mods(op, src, ctx)
    cells = table_cells([op])
    return _mods("substitution", src, [_cell_href(ctx, c.row, c.column) for c in cells])


def _deleted_href(ctx: _ModCtx, target: Ref) -> str | None:
    if target.paragraph is None and target.item is None and target.article is not None:
        return f"{ctx.prev_main}#{article_eid(target.article, target.sub)}"  # gone from this text
    return _art_href(ctx, target)


def _move_mods(op: Move, src: str, ctx: _ModCtx) -> list[TextualMod]:
    """第X条第Y款改为第Z条 is a split; every other move renumbers a unit."""
    source = op.source
    dest = Ref(op.destination.article or source.article, op.destination.sub)
    if op.destination.article is not None and op.destination.paragraph is None:
        href = _art_href(ctx, dest, new=True)
        kind = "split" if source.paragraph is not None else "renumbering"
        previous = f"{ctx.prev_main}#{article_eid(source.article or 0, source.sub)}"
        return [TextualMod(kind, src, href, previous)] if href else []
    return _mods("renumbering", src, [_art_href(ctx, source)])


def _heading_mods(op: HeadingOp, src: str, ctx: _ModCtx) -> list[TextualMod]:
    chapter = f"chp_{op.chapter}__" if op.chapter else ""
    eid = f"chp_{op.number}" if op.level == "章" else f"{chapter}sec_{op.number}"
    kind = {"rename": "substitution", "add": "insertion", "delete": "repeal"}[op.action]
    here = eid in ctx.ids.used and op.action != "delete"
    return [TextualMod(kind, src, f"#{eid}" if here else f"{ctx.prev_main}#{eid}")]


def _cell_href(ctx: _ModCtx, row: str, column: str) -> str | None:
    eid = ctx.ids.cells.get((row, column))
    return f"#{eid}" if eid else None


def _instruction_mods(
    part: Part, decision_id: str, ctx: _ModCtx, added: set[int]
) -> list[TextualMod]:
    """The modifications of every instruction, in the decision's order."""
    excluded = added | _rewritten(part, ctx)
    out: list[TextualMod] = []
    for ins in part.instructions:
        src = instruction_eid(decision_id, ins.ordinal)
        for op in ins.ops:
            if isinstance(op, ReplaceTerms | InsertPhrase) and op.scope is None:
                out += _global_mods(op, src, ctx, excluded)
            else:
                out += _op_mods(op, src, ctx)
    return out


def _global_mods(
    op: ReplaceTerms | InsertPhrase, src: str, ctx: _ModCtx, excluded: set[int]
) -> list[TextualMod]:
    """Changes 'in the relevant articles': every article that now holds a new term.

    As in ``lawdiff blame``: articles the decision added or rewrote whole are left out,
    their text is the decision's own.
    """
    if isinstance(op, ReplaceTerms):
        words, kind = [new for _, new in op.pairs], "substitution"
    else:
        words, kind = [op.text], "insertion"
    return [
        TextualMod(kind, src, f"#{article_eid(number)}")
        for number, art in ctx.articles.items()
        if number not in excluded and any(w in art.text for w in words)
    ]


def _rewritten(part: Part, ctx: _ModCtx) -> set[int]:
    """New numbers of the articles the decision replaced whole or merged into."""
    targets: list[Ref] = []
    for ins in part.instructions:
        for op in ins.ops:
            if (
                isinstance(op, ReplaceUnit)
                and op.target.paragraph is None
                and op.target.item is None
            ):
                targets.append(op.target)
            elif isinstance(op, Merge):
                targets.append(op.targets[0])
    return {ctx.new_of_old[t.article] for t in targets if t.article in ctx.new_of_old}


def _renumbering(ctx: _ModCtx, source: str) -> list[TextualMod]:
    return [
        TextualMod("renumbering", source, f"#{article_eid(new)}", f"{ctx.prev_main}#art_{old}")
        for old, new in sorted(ctx.new_of_old.items(), key=lambda kv: kv[1])
        if old != new and new in ctx.articles
    ]


# ---------------------------------------------------------------- export: meta


def _identification(meta: ET.Element, law: Law, rev: Revision) -> None:
    ident = _el(meta, "identification", {"source": "#lawdiff"})
    work, expr = work_uri(law), expression_uri(law, rev)
    w = _el(ident, "FRBRWork")
    _frbr(w, f"{work}/!main", work, _work_date(law), "enactment", "#issuer")
    _el(w, "FRBRcountry", {"value": "cn"})
    _el(w, "FRBRsubtype", {"value": law.kind})
    _el(w, "FRBRname", {"value": law.title})
    e = _el(ident, "FRBRExpression")
    when, name = _expression_date(rev)
    _frbr(e, f"{expr}/!main", expr, when, name, "#issuer")
    _el(e, "FRBRlanguage", {"language": "zho"})
    m = _el(ident, "FRBRManifestation")
    _frbr(m, f"{expr}/!main.xml", f"{expr}.akn", when, "transformation", "#lawdiff")


def _frbr(parent: ET.Element, this: str, uri: str, when: str, name: str, author: str) -> None:
    _el(parent, "FRBRthis", {"value": this})
    _el(parent, "FRBRuri", {"value": uri})
    _el(parent, "FRBRdate", {"date": when, "name": name})
    _el(parent, "FRBRauthor", {"href": author})


def _expression_date(rev: Revision) -> tuple[str, str]:
    if rev.adopted:
        return rev.adopted.isoformat(), "adopted"
    if rev.effective:
        return rev.effective.isoformat(), "effective"
    return _rev_date(rev), "version"


def _lifecycle(meta: ET.Element, law: Law) -> None:
    life = _el(meta, "lifecycle", {"source": "#lawdiff"})
    for rev in law.chronological():
        kind = EVENT_TYPE.get(rev.kind, "amendment")
        _event(life, _nows(f"evt_{rev.id}"), _rev_date(rev), source_eid(rev), kind)
    if law.repealed:  # dated by adoption like the other events; <proprietary> has the effect
        when = law.repeal_adopted or law.repealed
        _event(life, "evt_repeal", when.isoformat(), "src-repeal", "repeal")


def _event(life: ET.Element, eid: str, when: str, source: str, kind: str) -> None:
    _el(life, "eventRef", {"eId": eid, "date": when, "source": f"#{source}", "type": kind})


def _analysis(meta: ET.Element, mods: list[TextualMod]) -> None:
    if not mods:
        return
    passive = _el(_el(meta, "analysis", {"source": "#lawdiff"}), "passiveModifications")
    for n, mod in enumerate(mods, start=1):
        elem = _el(passive, "textualMod", {"eId": f"pmod_{n}", "type": mod.type})
        _el(elem, "source", {"href": f"#{mod.source}"})
        _el(elem, "destination", {"href": mod.destination})
        if mod.previous:
            _el(elem, "previous", {"href": mod.previous})


def _references(meta: ET.Element, corpus: Corpus, law: Law, refs: list[InstructionRef]) -> None:
    out = _el(meta, "references", {"source": "#lawdiff"})
    seen: set[str] = set()
    for rev in law.chronological():
        eid = source_eid(rev)
        if eid not in seen:
            seen.add(eid)
            _tlc_reference(out, eid, *_source_of(law, rev))
    if law.repealed:
        name = law.repeal_decision or "repeal"
        when = law.repeal_adopted or law.repealed
        href = _decision_uri(name, when.isoformat())
        _tlc_reference(out, "src-repeal", "repeal", href, _decision_title(corpus, name))
    for ref in refs:
        _tlc_reference(out, ref.eid, "instruction", ref.href, ref.show_as)
    issuer = law.issuer or "unknown"
    _organization(out, "issuer", f"/ontology/organization/cn/{_nows(issuer)}", issuer)
    _organization(out, "lawdiff", "/ontology/organization/lawdiff", "lawdiff")


def _decision_title(corpus: Corpus, decision_id: str) -> str:
    try:
        return str(corpus.load_decision(decision_id).get("title") or decision_id)
    except InputError:  # named in law.yaml but not in laws/decisions
        return decision_id


def _organization(parent: ET.Element, eid: str, href: str, show_as: str) -> None:
    _el(parent, "TLCOrganization", {"eId": eid, "href": href, "showAs": show_as})


def _source_of(law: Law, rev: Revision) -> tuple[str, str, str]:
    """(name, href, showAs) of the reference for a revision's event."""
    if rev.decision:
        return (
            "decision",
            _decision_uri(rev.decision, _rev_date(rev)),
            rev.decision_title or rev.decision,
        )
    label = rev.decision_title or f"{rev.session}{rev.label or KIND_CN.get(rev.kind, rev.kind)}"
    return SOURCE_NAME.get(rev.kind, "decision"), expression_uri(law, rev), label


def _tlc_reference(parent: ET.Element, eid: str, name: str, href: str, show_as: str) -> None:
    _el(
        parent,
        "TLCReference",
        {"eId": eid, "name": name, "href": href, "showAs": _checked(show_as)},
    )


def _proprietary(meta: ET.Element, law: Law, rev: Revision) -> None:
    """lawdiff's timeline fields for the revision (the effective date above all)."""
    prop = _el(meta, "proprietary", {"source": "#lawdiff"})
    fields = {
        "law": law.id,
        "id": rev.id,
        "kind": rev.kind,
        "adopted": _iso(rev.adopted),
        "promulgated": _iso(rev.promulgated),
        "effective": _iso(rev.effective),
        "approved": _iso(rev.approved),
        "derived": "true" if rev.derived else None,
        "repealed": _iso(law.repealed),
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
    act = _el(root, "act", {"name": law.kind})
    meta = _el(act, "meta")
    ids = _Ids()
    body_holder = ET.Element("holder")
    _body(body_holder, text, ids)
    refs, mods = modifications(corpus, law, rev, text, ids)
    _identification(meta, law, rev)
    _lifecycle(meta, law)
    _analysis(meta, mods)
    _references(meta, corpus, law, refs)
    _proprietary(meta, law, rev)
    _preface(act, text)
    if text.preamble:
        preamble = _el(act, "preamble")
        for line in text.preamble:
            _el(preamble, "p", text=line)
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
        raise InputError(f"{law.id} {rev.id}: nothing to export: the text is not in the corpus")
    return LawText(title=law.title, tables=tuple(tables))


def _preface(act: ET.Element, text: LawText) -> None:
    preface = _el(act, "preface")
    _el(_el(_el(preface, "longTitle"), "p"), "docTitle", text=text.title)
    if text.note:
        _el(preface, "p", {"class": "history"}, text.note)


# ---------------------------------------------------------------- import


def from_akn(xml: str) -> LawText:
    """Read back a document written by ``to_akn`` (title, note, preamble, blocks, tables)."""
    try:
        root = ET.fromstring(xml.encode("utf-8"))
    except ET.ParseError as exc:
        raise InputError(f"not well-formed XML: {exc}") from None
    if root.tag != _q("akomaNtoso") or len(root) == 0:
        raise InputError(f"not an Akoma Ntoso 3.0 document (root {root.tag})")
    doc = root[0]
    title = _text(doc.find(f"{_q('preface')}//{_q('docTitle')}"))
    note_el = doc.find(f"{_q('preface')}/{_q('p')}[@class='history']")
    preamble = tuple(_text(p) for p in doc.findall(f"{_q('preamble')}/{_q('p')}"))
    body = doc.find(_q("body"))
    if body is None:
        raise InputError("the Akoma Ntoso document has no <body>")
    blocks = tuple(_blocks(body, None, None))
    tables = tuple(_table(h) for h in body.iter(_q("hcontainer")) if h.get("name") == "schedule")
    note = None if note_el is None else _text(note_el)
    return LawText(title, note, preamble, blocks, tables)


def _text(elem: ET.Element | None) -> str:
    return "" if elem is None or elem.text is None else elem.text


def _blocks(parent: ET.Element, chapter: str | None, section: str | None) -> Iterator[Block]:
    """Headings and articles in document order, with the context parse_body would give."""
    for child in parent:
        tag = child.tag.removeprefix(f"{{{NS}}}")
        if tag in TAG_LEVEL:
            heading = _heading(child, TAG_LEVEL[tag])
            yield heading
            if tag == "part":
                yield from _blocks(child, None, None)
            elif tag == "chapter":
                yield from _blocks(child, heading.text, None)
            else:
                yield from _blocks(child, chapter, heading.text)
        elif tag == "article":
            yield _read_article(child, chapter, section)


def _number(pattern: regex.Pattern[str], label: str, what: str) -> list[int]:
    m = pattern.match(label)
    try:
        if m is None:
            raise NumeralError(label)
        return [to_int(g) for g in m.groups() if g]
    except NumeralError:
        raise InputError(f"cannot read the {what} number in <num>{label}</num>") from None


def _heading(elem: ET.Element, level: str) -> Heading:
    label = _text(elem.find(_q("num")))
    (number,) = _number(_HEADING_NUM, label, "heading")
    return Heading(level, number, label, _text(elem.find(_q("heading"))))


def _read_article(elem: ET.Element, chapter: str | None, section: str | None) -> Article:
    label = _text(elem.find(_q("num")))
    number, *sub = _number(_ARTICLE_NUM, label, "article")
    paragraphs = tuple(_paragraph(p) for p in elem.findall(_q("paragraph")))
    return Article(number, label, paragraphs, chapter, section, sub[0] if sub else 0)


def _paragraph(elem: ET.Element) -> Paragraph:
    content = elem.find(_q("content"))
    if content is not None:
        return Paragraph(_text(content.find(_q("p"))))
    body = _text(elem.find(f"{_q('intro')}/{_q('p')}"))
    items = tuple(_item(p) for p in elem.findall(_q("point")))
    return Paragraph(body, items)


def _item(elem: ET.Element) -> Item:
    label = _text(elem.find(_q("num")))
    (number,) = _number(_ITEM_NUM, label, "item")
    return Item(number, label, _text(elem.find(f"{_q('content')}/{_q('p')}")))


def _table(box: ET.Element) -> Table:
    rows = box.findall(f"{_q('content')}/{_q('table')}/{_q('tr')}")
    columns = tuple(_text(th.find(_q("p"))) for th in rows[0].findall(_q("th"))[1:]) if rows else ()
    cells: list[TableCell] = []
    for tr in rows[1:]:
        row = _text(tr.find(f"{_q('th')}/{_q('p')}"))
        for column, td in zip(columns, tr.findall(_q("td")), strict=False):
            if td.get("class") != "unknown":
                cells.append(TableCell(row, column, _text(td.find(_q("p")))))
    note = box.find(f"{_q('content')}/{_q('p')}[@class='note']")
    partial = "partial" in (box.get("class") or "").split()
    return Table(_text(box.find(_q("heading"))), columns, tuple(cells), partial, _text(note))
