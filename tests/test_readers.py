"""Readers of consolidated texts: one law written in every format reads to one structure."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawdiff.sources.events import read_events, revisions_from_events
from lawdiff.sources.kinds import issuer_of, kind_of
from lawdiff.sources.readers import detect, read_source
from lawdiff.structure.model import Grid
from lawdiff.structure.parse import build_text, parse_text

from .conftest import F24
from .import_texts import NOTE, STORED, TABLE, write_all


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_all(tmp_path_factory.mktemp("texts"))


def _read(path: Path):  # type: ignore[no-untyped-def]
    src = read_source(path)
    return src, build_text(src.title, src.note, src.body, source=str(path))


@pytest.mark.parametrize("fmt", ["text", "docx", "plain"])
def test_database_formats_store_the_same_lines(files: dict[str, Path], fmt: str) -> None:
    src, text = _read(files[fmt])
    assert src.title == "中华人民共和国示范法"  # over three lines in the text and the .docx
    assert text.lines() == STORED  # 目录 gone, U+200B/U+2002 gone, U+3000 indents gone
    assert parse_text(text.lines()) == text  # what is stored reads back the same
    if fmt == "plain":
        assert src.front[1] == "发文机关：全国人民代表大会常务委员会"  # metadata before the title


def test_structure_of_the_sample(files: dict[str, Path]) -> None:
    _, text = _read(files["text"])
    arts = {a.label: a for a in text.articles}
    assert list(arts)[3:5] == ["第三条之一", "第四条"]
    a2 = arts["第二条"]
    assert len(a2.paragraphs) == 2 and a2.paragraphs[1].body.startswith("前款第二项")
    (first, second) = a2.paragraphs[0].items
    assert [p.text for p in first.points] == ["1．学校；", "2．医院；"] and second.points == ()
    a4 = arts["第四条"]
    assert (a4.part, a4.subpart, a4.chapter, a4.section) == (
        "第二编　分　　则", "第一分编　设　　施", "第二章　设施建设", "第二节　建　　设"
    )  # fmt: skip
    assert arts["第六条"].part == "附　　则" and arts["第六条"].chapter is None
    assert text.notes == ("①　本法历次修正的施行日期，依照各修正案的规定确定。",)
    (annex,) = text.annexes
    assert annex.title == "示范设施收费标准表"
    assert annex.body[1] == Grid(tuple(tuple(r) for r in TABLE))


def test_markdown_reads_to_the_same_articles(files: dict[str, Path]) -> None:
    _, md = _read(files["markdown"])
    _, db = _read(files["text"])
    assert [a.lines() for a in md.articles] == [a.lines() for a in db.articles]  # ASCII marks mapped
    assert [h.text.replace("\u3000", "") for h in md.headings] == [
        h.text.replace("\u3000", "") for h in db.headings
    ]
    assert md.notes == db.notes and md.annexes == db.annexes
    assert md.note is not None and md.note.count("\u3000") == 4  # one event per history line


def test_five_events_make_the_timeline() -> None:
    revs = revisions_from_events(read_events(NOTE))
    assert [(r.id, r.kind, r.label) for r in revs] == [
        ("2001-03-15", "enacted", ""),
        ("2005-06-29", "amended", "第一次修正"),
        ("2012-08-31", "revised", ""),
        ("2018-10-26", "amended", "修正"),
        ("2023-12-29", "amended", "修正"),
    ]
    assert revs[1].decision_title == "关于修改《中华人民共和国示范法》的决定"
    assert revs[4].decision_title == "中华人民共和国示范法修正案（二）"
    assert revs[4].session == "第十四届全国人民代表大会常务委员会第七次会议"


def test_city_regulation_pairs_and_state_council_notes() -> None:
    city = (
        "（2000年4月28日郑州市第十一届人民代表大会常务委员会第十一次会议通过　"
        "2000年7月29日河南省第九届人民代表大会常务委员会第十七次会议批准　"
        "根据2002年4月25日郑州市第十一届人民代表大会常务委员会第二十八次会议通过　"
        "2002年7月27日河南省第九届人民代表大会常务委员会第二十九次会议批准的"
        "《郑州市人民代表大会常务委员会关于修改〈郑州市燃气管理条例〉的决定》第一次修正）"
    )
    revs = revisions_from_events(read_events(city))
    assert [(r.id, r.kind, r.approved.isoformat() if r.approved else None) for r in revs] == [
        ("2000-04-28", "enacted", "2000-07-29"),
        ("2002-04-25", "amended", "2002-07-27"),
    ]
    assert kind_of("郑州市燃气管理条例", city) == "city-regulation"
    assert issuer_of(city) == "郑州市人民代表大会常务委员会"
    council = "（2023年12月4日中华人民共和国国务院令第767号公布　自2024年5月1日起施行）"
    (rev,) = revisions_from_events(read_events(council))
    assert (rev.kind, rev.promulgated, rev.effective) == ("enacted", rev.adopted, rev.effective)
    assert rev.effective is not None and rev.effective.isoformat() == "2024-05-01"
    assert kind_of("人体器官捐献和移植条例", council) == "administrative-regulation"
    assert issuer_of(council) == "国务院"


@pytest.mark.parametrize(
    "title,note,kind",
    [
        ("中华人民共和国宪法", None, "constitution"),
        ("中华人民共和国刑法", "（1979年7月1日第五届全国人民代表大会第二次会议通过）", "law"),
        ("最高人民法院关于审理示范案件适用法律若干问题的解释", "（2020年12月23日最高人民法院审判委员会第1823次会议通过）", "judicial-interpretation"),
        ("北京市物业管理条例", "（2020年3月27日北京市第十五届人民代表大会常务委员会第二十次会议通过）", "regulation"),
        ("杭州市法律援助条例", None, "city-regulation"),
        ("某某自治州自治条例", None, "autonomous-regulation"),
        ("示范登记办法", "（2019年1月1日示范部令第1号公布）", "departmental-rule"),
        ("某省示范办法", "（2019年1月1日某省人民政府令第3号公布）", "local-government-rule"),
        ("全国人民代表大会常务委员会关于示范的决定", "（2019年1月1日第十三届全国人民代表大会常务委员会第八次会议通过）", "decision"),
    ],
)
def test_kinds(title: str, note: str | None, kind: str) -> None:
    assert kind_of(title, note) == kind


def test_gazettes_are_told_apart(files: dict[str, Path]) -> None:
    assert detect(F24, F24.read_bytes()) == "gazette"
    assert {detect(p, p.read_bytes()) for p in files.values()} == {"text", "markdown", "docx"}


def test_the_gazette_reader_behind_the_same_interface() -> None:
    """A gazette gives its regulations as SourceTexts, parsed to the texts ingest stored."""
    from lawdiff.corpus.files import sha256
    from lawdiff.corpus.reader import Corpus
    from lawdiff.intake.corrections import load_corrections
    from lawdiff.sources.readers import read_sources

    from .conftest import LAWS

    raw = F24.read_bytes()
    texts = read_sources(F24, raw, load_corrections(LAWS, "2024-2", sha256(raw.decode("utf-8"))))
    land = next(t for t in texts if t.title.endswith("土地管理法》办法"))
    assert land.format == "gazette"
    c = Corpus(LAWS)
    law = c.load_law("土地管理法实施办法")
    stored = c.load_text(law, law.revision("2024-03-28"))  # type: ignore[arg-type]
    assert build_text(land.title, land.note, land.body) == stored


def test_labels_printed_apart_or_glued(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(
        "示例条例\n（2019年1月1日示例市第一届人民代表大会常务委员会第一次会议通过）\n"
        "第一条\n为了示例，制定本条例。\n第二条本条例自公布之日起施行。\n",
        encoding="utf-8",
    )
    _, text = _read(f)
    assert [a.lines() for a in text.articles] == [
        ["第一条　为了示例，制定本条例。"], ["第二条　本条例自公布之日起施行。"]
    ]
