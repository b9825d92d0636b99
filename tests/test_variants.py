"""Real-world variants of the Markdown and plain-text layouts: each imports to the reference text.

The reference is the 示范法 of ``import_texts`` (``STORED``); each variant (``variant_texts``)
writes it the way some collection, converter or web page does.  Articles must come out line for
line; headings equal up to their spacing; the 题注 and the dates as the file states them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lawdiff.corpus.reader import Corpus
from lawdiff.intake.importer import Options, import_paths
from lawdiff.structure.model import Law, LawText

from . import variant_texts as v
from .import_texts import NOTE, STORED, TITLE


def imported(tmp_path: Path, name: str, content: str | bytes, **opts: object) -> tuple[Law, LawText]:
    src = tmp_path / name
    if isinstance(content, str):
        src.write_text(content, encoding="utf-8")
    else:
        src.write_bytes(content)
    root = tmp_path / "corpus"
    report = import_paths([src], root, Options(**opts))  # type: ignore[arg-type]
    assert not report.skipped, report.skipped
    (added,) = report.added
    corpus = Corpus(root)
    law = corpus.load_law(added.law)
    rev = law.revision(added.revision)
    assert rev is not None
    return law, corpus.load_text(law, rev)


def articles(lines: list[str] | tuple[str, ...]) -> list[str]:
    """The article lines (labels, 款, 项, 目) of a stored text: everything after the first article
    that is not a heading."""
    heads = {ln.replace("\u3000", "") for ln in STORED if ln.startswith("第") and not v._is_article(ln)}
    start = next(i for i, ln in enumerate(lines) if v._is_article(ln))
    return [ln for ln in lines[start:] if ln.replace("\u3000", "") not in heads and ln != "附　　则"]


def same_as_reference(text: LawText, *, note: str | None = NOTE) -> None:
    lines = text.lines()
    assert text.title == TITLE
    assert text.note == note
    assert articles(lines) == articles(STORED)  # every article, 款, 项 and 目, and the annex
    assert [h.text.replace("\u3000", "") for h in text.headings] == [
        ln.replace("\u3000", "") for ln in STORED[2:] if ln.startswith(("第", "附　")) and not v._is_article(ln)
    ]
    assert text.preamble == ()  # no 目录, metadata or title line left over
    assert len(text.articles) == 7 and text.notes and text.annexes[0].title == "示范设施收费标准表"


def test_lawrefbook_head_with_the_title_note_and_toc_again_in_the_body(tmp_path: Path) -> None:
    """Lead's failure 1: the body repeats the title, gives the 题注, a ``## 目录`` of bullets; a
    date line under the # title.  Dated by the 题注 (its last event), not by the date line."""
    law, text = imported(tmp_path, "示范法.md", v.lawrefbook_with_body_title())
    same_as_reference(text)
    assert [(r.id, r.kind) for r in law.chronological()][-1] == ("2023-12-29", "amended")
    assert law.chronological()[0].id == "2001-03-15"


def test_markdown_made_from_the_database_dated_by_its_metadata(tmp_path: Path) -> None:
    """Lead's failure 2: no 题注; 公布日期 and 施行日期 in metadata bullets date the revision (the
    adoption date stays unknown, and the revision says so); the metadata is no part of the text."""
    law, text = imported(tmp_path, "示范法.md", v.database_markdown())
    same_as_reference(text, note=None)
    (rev,) = law.revisions
    assert (rev.id, rev.kind, rev.adopted, rev.promulgated, rev.effective) == (
        "2023-12-29", "enacted", None, date(2023, 12, 29), date(2024, 3, 1)
    )  # fmt: skip
    assert rev.effective_basis == "the source's metadata: 施行日期"
    assert "adoption date is unknown" in rev.notes[0] and "公布日期 2023-12-29" in rev.notes[0]
    assert (law.kind, law.issuer) == ("law", "全国人民代表大会常务委员会")


def test_metadata_completes_a_note_that_has_no_effective_date(tmp_path: Path) -> None:
    law, text = imported(tmp_path, "示范法.md", v.database_markdown(note=True))
    same_as_reference(text)
    last = law.chronological()[-1]
    assert (last.id, last.effective, last.effective_basis) == (
        "2023-12-29", date(2024, 3, 1), "the source's metadata: 施行日期"
    )  # fmt: skip
    assert last.promulgated == date(2023, 12, 29)


def test_a_later_text_without_note_is_not_an_enactment(tmp_path: Path) -> None:
    """Imported after the 2001 enactment is known, a text dated only by metadata is an amendment."""
    imported(tmp_path, "示范法.md", v.lawrefbook_with_body_title())
    law, _ = imported(tmp_path, "示范法-2.md", v.database_markdown().replace("2023-12-29", "2024-06-28"))
    rev = law.revision("2024-06-28")
    assert rev is not None and rev.kind == "amended" and "修正 or 修订" in rev.notes[-1]
    assert law.chronological()[-1] is rev  # ordered by its promulgation date


def test_vuepress_front_matter_note_container_and_bold_labels(tmp_path: Path) -> None:
    law, text = imported(tmp_path, "示范法.md", v.vuepress())
    same_as_reference(text, note="（" + "\u3000".join(v.EVENTS) + "）")
    assert [r.id for r in law.chronological()] == ["2001-03-15", "2005-06-29", "2012-08-31", "2018-10-26", "2023-12-29"]
    assert law.chronological()[-1].effective == date(2024, 3, 1)  # effective_date of the front matter


def test_reading_copy_with_setext_headings_quoted_note_and_breaks(tmp_path: Path) -> None:
    law, text = imported(tmp_path, "示范法.md", v.reading_copy())
    same_as_reference(text, note="（" + "\u3000".join(v.EVENTS) + "）")
    assert law.chronological()[-1].id == "2023-12-29"


def test_web_copy_bare_note_arabic_labels_and_page_furniture(tmp_path: Path) -> None:
    law, text = imported(tmp_path, "示范法.txt", v.web_copy())
    same_as_reference(text, note="（" + "\u3000".join(v.EVENTS) + "）")
    assert text.annexes[-1].body[-1].rows[-1] == ("医院", "每平方米", "2元")  # no 来源/打印 after the table
    assert law.chronological()[-1].id == "2023-12-29"


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    _, text = imported(tmp_path, "示范法.txt", v.web_copy().encode(encoding))
    same_as_reference(text, note="（" + "\u3000".join(v.EVENTS) + "）")


INTERPRETATION = """最高人民法院公告
《最高人民法院关于审理示范纠纷案件适用法律若干问题的解释》已于2020年12月23日由最高人民法院审判委员会第1823次会议通过，现予公布，自2021年1月1日起施行。
最高人民法院
2020年12月29日
法释〔2020〕25号
最高人民法院关于审理示范纠纷案件
适用法律若干问题的解释
（2020年12月23日最高人民法院审判委员会第1823次会议通过，自2021年1月1日起施行）
为正确审理示范纠纷案件，根据《中华人民共和国示范法》等法律的规定，制定本解释。
第一条　当事人请求确认示范合同无效的，人民法院应当依法审查。
第二条　本解释自2021年1月1日起施行。
"""


def test_an_announcement_and_document_number_before_the_title_are_front_matter(tmp_path: Path) -> None:
    law, text = imported(tmp_path, "解释.txt", INTERPRETATION)
    assert text.title == "最高人民法院关于审理示范纠纷案件适用法律若干问题的解释"  # 法释〔2020〕25号 is not in it
    assert law.kind == "judicial-interpretation" and [a.label for a in text.articles] == ["第一条", "第二条"]
    assert text.preamble == ("为正确审理示范纠纷案件，根据《中华人民共和国示范法》等法律的规定，制定本解释。",)
    (rev,) = law.revisions
    assert (rev.id, rev.effective) == ("2020-12-23", date(2021, 1, 1))


SPLIT = """某省示范条例
（2023年修正）
（2019年5月30日某省第十三届人民代表大会常务委员会第十二次会议通过　根据2023年3月30日某省第十四届人民代表大会常务委员会第二次会议《关于修改〈某省示范条例〉的决定》修正）
第一章
总　　则
第一条：为了规范示范活动，制定本条例。
第二条、本条例适用于本省行政区域内的示范活动。
第二章
附　　则
第三条　本条例自2019年7月1日起施行。
"""


def test_headings_over_two_lines_colon_labels_and_a_version_line(tmp_path: Path) -> None:
    law, text = imported(tmp_path, "条例.txt", SPLIT)
    assert text.title == "某省示范条例" and text.note is not None and text.note.startswith("（2019年5月30日")
    assert [h.text for h in text.headings] == ["第一章　总　　则", "第二章　附　　则"]
    assert [a.text for a in text.articles][:2] == [
        "第一条　为了规范示范活动，制定本条例。", "第二条　本条例适用于本省行政区域内的示范活动。"
    ]  # fmt: skip
    assert [r.id for r in law.chronological()] == ["2019-05-30", "2023-03-30"]


def test_a_text_that_begins_with_its_note_has_no_title(tmp_path: Path) -> None:
    src = tmp_path / "无题.txt"
    src.write_text("\n".join(SPLIT.splitlines()[2:]) + "\n", encoding="utf-8")
    report = import_paths([src], tmp_path / "corpus", Options())
    assert report.skipped == [(src, "no title found: the text begins with its 题注")] and not report.added


WIKI = """---
title: 某省示范条例（2018年版）
published: true
date: 2024-06-24T06:05:18.267Z
tags:
---

# 某省示范条例（2018年版）

## 一、一般规定

第一条【立法目的】为了规范示范活动，制定本条例。

第二条\t本条例适用于本省。\t其他地方参照执行。
"""


def test_a_site_date_is_not_the_laws_and_an_edition_suffix_is_not_the_title(tmp_path: Path) -> None:
    """wiki.js front matter: its ``date`` is the page's (no tag says 公布), so nothing dates the
    text; （2018年版） is an edition of 某省示范条例; a tab after a label or inside a sentence is
    spacing, not a table; 【条旨】 right after the label."""
    src = tmp_path / "条例.md"
    src.write_text(WIKI, encoding="utf-8")
    report = import_paths([src], tmp_path / "corpus", Options())
    assert report.skipped == [(src, "no date: the text has no 题注 or effective clause; give --rev DATE")]
    law, text = imported(tmp_path, "条例.md", WIKI, rev=date(2018, 5, 30))
    assert (law.title, text.title) == ("某省示范条例", "某省示范条例")
    assert [a.text for a in text.articles] == [
        "第一条　【立法目的】为了规范示范活动，制定本条例。", "第二条　本条例适用于本省。其他地方参照执行。"
    ]  # fmt: skip
    assert [h.text for h in text.headings] == ["一、一般规定"]  # a group heading, never the title


def test_a_site_date_the_tags_confirm_dates_the_text(tmp_path: Path) -> None:
    dated = WIKI.replace("tags:\n", 'tag: ["2018年5月公布"]\n').replace("（2018年版）", "").replace(
        "2024-06-24T06:05:18.267Z", "2018-05-30"
    )  # fmt: skip
    law, _ = imported(tmp_path, "条例.md", dated)
    (rev,) = law.revisions
    assert (rev.id, rev.promulgated, rev.adopted) == ("2018-05-30", date(2018, 5, 30), None)
    assert "date line 2018-05-30 (publication)" in rev.notes[0]


def test_the_documents_own_heading_is_its_title_over_the_page_title(tmp_path: Path) -> None:
    own = WIKI.replace("title: 某省示范条例（2018年版）", "title: 某省关于修改《某省示范条例》的决定")
    _, text = imported(tmp_path, "条例.md", own, rev=date(2018, 5, 30))
    assert text.title == "某省示范条例" and len(text.articles) == 2


def test_binary_files_are_refused_not_read_as_utf16(tmp_path: Path) -> None:
    blob = b"SQLite format 3\x00" + b"\x00\x00\x0d\x00\x00\x00\x01\x0f\xf6\x00\x1b\x9c" * 400  # NUL-heavy
    src = tmp_path / "db.txt"
    src.write_bytes(blob)
    report = import_paths([src], tmp_path / "corpus", Options())
    assert report.skipped == [(src, "a binary file, not text")]


PKULAW = """中华人民共和国示范法(2023修正)
【法宝引证码】CLI.1.5181412
【发布部门】全国人民代表大会常务委员会
【发文字号】中华人民共和国主席令第11号
【公布日期】2023.12.29
【施行日期】2024.03.01
【时效性】现行有效
【效力级别】法律
中华人民共和国示范法
效力：有效
（2001年3月15日第九届全国人民代表大会第四次会议通过　根据2023年12月29日第十四届全国人民代表大会常务委员会第七次会议《关于修改〈中华人民共和国示范法〉的决定》修正）
第一条　为了规范示范活动，制定本法。
第二条　本法自2001年7月1日起施行。
【法宝联想】
原文链接：https://www.pkulaw.com/chl/abc.html
"""


def test_a_legal_database_export_with_bracketed_metadata(tmp_path: Path) -> None:
    """北大法宝-style: 【key】value lines before the title, a label：value line between title and
    题注, furniture after the text; the metadata completes the 题注's last revision."""
    law, text = imported(tmp_path, "示范法.txt", PKULAW)
    assert text.title == TITLE and [a.label for a in text.articles] == ["第一条", "第二条"]
    assert text.articles[-1].text == "第二条　本法自2001年7月1日起施行。"
    last = law.chronological()[-1]
    assert (last.id, last.effective, last.promulgated) == ("2023-12-29", date(2024, 3, 1), date(2023, 12, 29))
    assert law.kind == "law"


def test_ordered_list_numbers_before_labels_are_markdown(tmp_path: Path) -> None:
    """``1. 第一条　…`` (a converter numbering every paragraph) is a label; ``1. 学校；`` is a 目."""
    md = v.lawrefbook_with_body_title()
    n = iter(range(1, 100))
    md = "\n".join(f"{next(n)}. {ln}" if v._is_article(ln) else ln for ln in md.split("\n"))
    _, text = imported(tmp_path, "示范法.md", md)
    same_as_reference(text)


def test_an_html_table_in_markdown_is_the_annex_table(tmp_path: Path) -> None:
    head = v.lawrefbook_with_body_title().partition("| 项目")[0]
    rows = "".join(f"<tr>{''.join(f'<td>{c}</td>' for c in r)}</tr>\n" for r in v.TABLE)
    _, text = imported(tmp_path, "示范法.md", head + f'<table border="1">\n{rows}</table>\n')
    same_as_reference(text)
    assert text.lines()[-3:] == v.GRID


def test_vuepress_theme_site_with_html_paragraphs_and_boxes(tmp_path: Path) -> None:
    """The 题注 kept from its tip box; the 目录 box (tabs, link lists) and the source box dropped."""
    law, text = imported(tmp_path, "示范法.md", v.vuepress_html())
    same_as_reference(text)
    assert [r.id for r in law.chronological()][-1] == "2023-12-29"
