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
