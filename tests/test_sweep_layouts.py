"""Layouts found by the adversarial sweep of real collections (written here, modelled on them):
Word files whose whole text is an HTML chunk (``w:altChunk`` + ``afchunk.mht``, as converters make
law .docx files), a Word footnote on the 题注 (the database's 刑法 .docx), page numbers on their
own lines (a regulation converted from print), a label and its 之一 on two lines, MediaWiki links
of Wikisource copies.  Each reads to the reference text of the 示范法, or is refused in one line."""

from __future__ import annotations

import json
import quopri
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from typer.testing import CliRunner

from lawdiff.cli import app
from lawdiff.errors import InputError
from lawdiff.sources.readers import read_source
from lawdiff.structure.parse import build_text

from . import variant_texts as v
from .import_texts import _TOC, ANNEX, BODY, NOTE, NOTE_LINE, TABLE, TITLE
from .test_variants import imported, same_as_reference

W_NS = nsdecls("w", "r")


def _html_body(lines: list[str]) -> str:
    """Paragraphs as html-docx-js writes a law: headings as <h2>–<h4> (one printed without its
    separator), an article's 款/项/目 joined by <br /> in one <p>, 第三条 and 之一 on two lines."""
    out: list[str] = []
    para: list[str] = []
    for line in lines:
        if v._is_article(line) or not para or v._is_heading(line) or line == "附　　则":
            if para:
                out.append("<p>" + "<br />\n".join(para) + "</p>")
                para = []
            if v._is_heading(line) or line == "附　　则":
                level = {"编": 2, "章": 3}.get(line.split("　")[0][-1], 4)
                head = line.replace("第一节　", "第一节") if line.startswith("第一节") else line
                out.append(f"<h{level}>{head}</h{level}>")
                continue
        if line.startswith("第三条之一"):
            para += ["第三条", "之一", line.split("　", 1)[1]]
        else:
            para.append(line.replace("（以下简称示范）", "（以下简称<em>示范</em>）"))
    out.append("<p>" + "<br />\n".join(para) + "</p>")
    return "\n".join(out)


def _html_tail() -> str:
    rows = "".join(
        "<tr>" + "".join(f"<{'th' if r == 0 else 'td'}>{c}</{'th' if r == 0 else 'td'}>" for c in row) + "</tr>"
        for r, row in enumerate(TABLE)
    )
    return f"<p>{NOTE_LINE}</p>\n<p>{ANNEX[0]}</p>\n<p>{ANNEX[1]}</p>\n<table><tbody>{rows}</tbody></table>"


def _page(body: str) -> str:
    note = NOTE.replace("　根据", "<br />\n根据").replace("　2012年", "<br />\n2012年")  # one event a line
    toc = "".join(f"<p>{e}</p>" for e in _TOC)
    return (
        '<html><head><meta charset="utf-8" /><style>table { border-collapse: collapse; }</style></head><body>'
        f"<!-- converted --><h1>{TITLE}</h1>\n<p>{note}</p>\n{toc}\n{body}\n</body></html>"
    )


def _mht(html: str) -> bytes:
    qp = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    return (
        'MIME-Version: 1.0\nContent-Type: multipart/related;\n    type="text/html";\n    boundary="----=mhtDocumentPart"\n\n\n'
        '------=mhtDocumentPart\nContent-Type: text/html;\n    charset="utf-8"\nContent-Transfer-Encoding: quoted-printable\n'
        f"Content-Location: file:///C:/fake/document.html\n\n{qp}\n\n------=mhtDocumentPart--\n"
    ).encode("ascii")


def _alt_chunk_docx(path: Path, chunk: bytes, name: str, ctype: str) -> Path:
    """The package html-docx-js writes: a document.xml holding one w:altChunk, the chunk beside it."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}><w:body>'
        '<w:altChunk r:id="htmlChunk" /><w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>'
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Override PartName="/word/{name}" ContentType="{ctype}"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="/word/document.xml" Id="R09c83fafc067488e"/></Relationships>'
    )
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" '
        f'Target="/word/{name}" Id="htmlChunk" /></Relationships>'
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document)
        z.writestr("word/_rels/document.xml.rels", doc_rels)
        z.writestr(f"word/{name}", chunk)
    return path


def _parse(path: Path):  # type: ignore[no-untyped-def]
    src = read_source(path)
    return build_text(src.title, src.note, src.body, source=str(path))


def test_docx_whose_text_is_an_mht_chunk_reads_to_the_reference(tmp_path: Path) -> None:
    """The whole law in ``word/afchunk.mht`` (quoted-printable HTML): python-docx sees no paragraph
    at all; read where the chunk stands, it gives every article, heading, note and the table."""
    html = _page(_html_body(BODY) + "\n" + _html_tail())
    path = _alt_chunk_docx(tmp_path / "示范法.docx", _mht(html), "afchunk.mht", "message/rfc822")
    assert [p.text for p in Document(str(path)).paragraphs] == []  # what was read before: nothing
    same_as_reference(_parse(path))


def test_html_chunk_between_word_paragraphs_keeps_its_place(tmp_path: Path) -> None:
    """Title and 题注 as Word paragraphs, the body an HTML chunk, the note and the annex table as
    Word paragraphs and a Word table after it: one text, in the order the page shows."""
    doc = Document()
    doc.add_paragraph(TITLE)
    doc.add_paragraph(NOTE)
    toc = "".join(f"<p>{e}</p>" for e in _TOC)
    page = f'<html><head><meta charset="gb18030" /></head><body>{toc}{_html_body(BODY)}</body></html>'
    part = Part(PackURI("/word/chunk1.html"), "text/html", page.encode("gb18030"), doc.part.package)
    rid = doc.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk")
    for line in [NOTE_LINE, *ANNEX]:
        doc.add_paragraph(line)
    table = doc.add_table(rows=len(TABLE), cols=3)
    for r, row in enumerate(TABLE):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    note_p = doc.paragraphs[1]._p
    note_p.addnext(parse_xml(f'<w:altChunk {W_NS} r:id="{rid}"/>'))
    path = tmp_path / "示范法.docx"
    doc.save(str(path))
    text = _parse(path)
    same_as_reference(text, note=NOTE)


def test_a_chunk_that_cannot_be_read_is_refused_in_one_line(tmp_path: Path) -> None:
    path = _alt_chunk_docx(tmp_path / "示范法.docx", rb"{\rtf1\ansi " + TITLE.encode("gbk") + b"}", "chunk.rtf", "application/rtf")
    with pytest.raises(InputError, match=r"embedded part /word/chunk\.rtf is application/rtf"):
        read_source(path)
    result = CliRunner().invoke(app, ["import", str(path), "--corpus", str(tmp_path / "c")])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "chunk.rtf" in result.stderr
    assert not (tmp_path / "c" / "laws").exists() or not any((tmp_path / "c" / "laws").iterdir())


def test_word_footnote_on_the_note_becomes_the_texts_note(tmp_path: Path) -> None:
    """The database's 刑法 .docx: the ① after the 题注 is a Word footnote reference, the note's text
    lives in footnotes.xml.  Read as the page shows it: the mark after the 题注, the note stored."""
    doc = Document()
    doc.add_paragraph(TITLE)
    note = doc.add_paragraph(NOTE.removesuffix("①"))
    ref = note._p.makeelement(qn("w:r"), {})
    ref.append(parse_xml(f'<w:footnoteReference {W_NS} w:id="1"/>'))
    note._p.append(ref)
    for line in [*_TOC, *BODY, *ANNEX]:
        doc.add_paragraph(line)
    table = doc.add_table(rows=len(TABLE), cols=3)
    for r, row in enumerate(TABLE):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    notes = (
        f'<w:footnotes {W_NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'
        f'<w:r><w:t>{NOTE_LINE.split("　", 1)[1]}</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                notes.encode("utf-8"), doc.part.package)  # fmt: skip
    doc.part.relate_to(part, RT.FOOTNOTES)
    path = tmp_path / "示范法.docx"
    doc.save(str(path))
    text = _parse(path)
    assert text.note == NOTE  # the mark where the reference stands
    assert list(text.notes) == [NOTE_LINE]
    assert len(text.articles) == 7 and text.annexes[0].title == "示范设施收费标准表"


def test_page_numbers_split_labels_and_wiki_links_in_markdown(tmp_path: Path) -> None:
    """A regulation converted from print (``- 4 -`` lines mid-text and at the end, which Markdown
    would take for bullets), a label with its 之一 on the next line, Wikisource links."""
    md = v.lawrefbook_with_body_title()
    md = md.replace("根据宪法，", "根据[[中华人民共和国宪法|宪法]]，")
    md = md.replace("第三条之一　示范服务", "第三条\n之一\n示范服务")
    md = md.replace("\n第四条　", "\n- 2 -\n\n第四条　")
    md += "\n- 3 -\n\n— 4 —\n\n[[Category:中华人民共和国法律|SHIFAN FA]]\n"
    assert "\n附　　则\n" in md
    md = md.replace("\n附　　则\n", "\n#\uff03 附　　则\n")  # a full-width number sign among the marks
    _, text = imported(tmp_path, "示范法.md", md)
    same_as_reference(text)


def test_page_numbers_in_the_database_text(tmp_path: Path) -> None:
    """Plain text with 第2页 共3页 and - 3 - lines between paragraphs: no line of the law."""
    lines = [TITLE, NOTE, *_TOC]
    for i, line in enumerate(BODY):
        lines.append(line)
        if i == 8:
            lines.append("第2页 共3页")
    lines += [NOTE_LINE, *ANNEX, *("\t".join(r) for r in TABLE), "- 3 -"]
    _, text = imported(tmp_path, "示范法.txt", "\n".join(lines) + "\n")
    same_as_reference(text)


def test_html_lines_as_a_browser_breaks_them() -> None:
    """htmltext on its own: <br> breaks, blocks end lines, whitespace collapses, tables are rows."""
    from lawdiff.sources.htmltext import html_lines

    html = "<html><body><p>第一条 甲\n乙<br/>（一）丙</p><div>第二条 丁</div><table><tr><td colspan=2>表</td></tr><tr><td>a</td><td>b</td></tr></table></body></html>"
    assert html_lines(html, "x") == ["第一条 甲 乙", "（一）丙", "第二条 丁", "| 表 |  |", "| a | b |"]


def _ascii_note_over_two_lines() -> list[str]:
    """The 题注 as a converted .docx gives it: ASCII brackets, one event a line."""
    first, rest = NOTE.split("　", 1)
    return ["(" + first[1:], rest.removesuffix("）①") + ")"]


def test_markdown_title_printed_again_over_three_lines_and_a_quoted_ascii_note(tmp_path: Path) -> None:
    """The database's .docx as Markdown (# title, then the title again as the document prints it,
    over three lines, and the 题注 as a ``>`` quote in ASCII brackets over two lines): the title
    lines are no text, the 题注 is the 题注."""
    first, second = _ascii_note_over_two_lines()
    md = [f"# {TITLE}", "", "中华人民共和国", "", "示范", "", "法", "", f"> {first}", f"> {second}", ""]
    for line in BODY:
        md += [line, ""]
    md += [*ANNEX, "", *("\t".join(r) for r in TABLE)]
    _, text = imported(tmp_path, "示范法.md", "\n".join(md) + "\n")
    assert text.title == TITLE and text.preamble == ()
    assert text.note == NOTE.removesuffix("①")
    assert len(text.articles) == 7


def test_plain_text_with_an_ascii_note_over_two_lines(tmp_path: Path) -> None:
    first, second = _ascii_note_over_two_lines()
    _, text = imported(tmp_path, "示范法.txt", "\n".join([TITLE, first, second, *BODY]) + "\n")
    assert text.note is not None and text.note.startswith("（2001年3月15日") and text.note.endswith("修正）")
    assert text.preamble == () and len(text.articles) == 7


def test_page_number_text_boxes_are_furniture_other_text_boxes_refused(tmp_path: Path) -> None:
    """A regulation converted from print: ``- 4 -`` and ``- 21 -`` in text boxes anchored to its
    last paragraph (what the database's .docx of 三江侗族自治县自治条例 carries): not text; a text
    box holding a sentence is still refused."""

    def box(text: str) -> str:
        return (
            f'<w:r {W_NS} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
            f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )

    def write(texts: list[str]) -> Path:
        doc = Document()
        for line in [TITLE, NOTE, *BODY]:
            doc.add_paragraph(line)
        for t in texts:
            doc.paragraphs[-1]._p.append(parse_xml(box(t)))
        path = tmp_path / f"示范法{len(texts)}.docx"
        doc.save(str(path))
        return path

    text = _parse(write(["- 4 -", "- 21 -", "  "]))
    assert text.articles[-1].text == BODY[-1] and len(text.articles) == 7
    with pytest.raises(InputError, match=r"holds a text box \(本法由国务院解释"):
        read_source(write(["- 4 -", "本法由国务院解释。"]))


def test_ruby_annotation_keeps_its_base_text(tmp_path: Path) -> None:
    """A character with its pronunciation above it (w:ruby): the base is the text, not the 注音."""
    doc = Document()
    for line in [TITLE, NOTE, *BODY]:
        doc.add_paragraph(line)
    p = next(p for p in doc.paragraphs if p.text.startswith("第五条"))
    p.text = "第五条　服务提供者应当公开服务内容"
    p._p.append(parse_xml(
        f'<w:r {W_NS}><w:ruby><w:rubyPr/><w:rt><w:r><w:t>gōng</w:t></w:r></w:rt>'
        "<w:rubyBase><w:r><w:t>。</w:t></w:r></w:rubyBase></w:ruby></w:r>"
    ))  # fmt: skip
    path = tmp_path / "示范法.docx"
    doc.save(str(path))
    text = _parse(path)
    assert next(a.text for a in text.articles if a.text.startswith("第五条")) == "第五条　服务提供者应当公开服务内容。"


def test_a_docx_embedded_as_a_chunk_is_read_in_place(tmp_path: Path) -> None:
    """Word's "insert text from file" keeps another .docx as an alternative-format chunk."""
    import io

    inner = Document()
    for line in [*_TOC, *BODY]:
        inner.add_paragraph(line)
    buf = io.BytesIO()
    inner.save(buf)
    doc = Document()
    doc.add_paragraph(TITLE)
    doc.add_paragraph(NOTE.removesuffix("①"))
    part = Part(PackURI("/word/afchunk.docx"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buf.getvalue(), doc.part.package)  # fmt: skip
    rid = doc.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk")
    doc.paragraphs[1]._p.addnext(parse_xml(f'<w:altChunk {W_NS} r:id="{rid}"/>'))
    path = tmp_path / "示范法.docx"
    doc.save(str(path))
    text = _parse(path)
    assert text.note == NOTE.removesuffix("①") and len(text.articles) == 7
    assert [a.text for a in text.articles][-1] == BODY[-1]


def _pandoc_table(rows: list[list[str]], multiline: bool) -> list[str]:
    """A table as pandoc writes it: columns padded in display width (a Chinese character is two
    wide), a line of dash segments under the header; multiline: dash borders, blank lines
    between rows, the first cell of a row wrapped onto a second line."""
    import unicodedata

    def width(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)

    cols = [max(width(r[c]) for r in rows) + 4 for c in range(len(rows[0]))]

    def line(cells: list[str]) -> str:
        return "  " + "".join(c + " " * (w - width(c)) for c, w in zip(cells, cols, strict=True)).rstrip()

    seg = "  " + " ".join("-" * (w - 1) for w in cols)
    border = "  " + "-" * (sum(cols) - 1)
    if not multiline:
        return [line(rows[0]), seg, *(line(r) for r in rows[1:]), ""]
    out = [border, line(rows[0]), seg]
    for r in rows[1:]:
        first = r[0]
        out += [line([first[:1], *r[1:]]), line([first[1:], *[""] * (len(r) - 1)]), ""]
    return [*out[:-1], border, ""]


@pytest.mark.parametrize("multiline", [True, False])
def test_pandoc_tables_in_markdown_are_tables(tmp_path: Path, multiline: bool) -> None:
    """The database's .docx converted by pandoc: the annex schedule is a pandoc table (印花税税目
    税率表 in the collection read): its rows and cells, not one paragraph per line."""
    md = v.lawrefbook_with_body_title()
    body, _, _ = md.partition("\n| ")  # the pipe table at the end
    md = body + "\n" + "\n".join(_pandoc_table(TABLE, multiline)) + "\n"
    _, text = imported(tmp_path, "示范法.md", md)
    same_as_reference(text)


def test_a_damaged_text_in_a_folder_is_refused_and_the_others_imported(tmp_path: Path) -> None:
    """A folder import where one file's 目录 announces a chapter its body lacks (a hard-wrapped copy
    glued 第三章 into an article): that file is refused and named (JSON ``refused: true``), the
    others are imported, and the exit status is 2, as ``cp -r`` or ``rsync`` say that not everything
    went through. One such file alone: one line, exit 2, nothing stored."""
    folder = tmp_path / "in"
    folder.mkdir()
    good = [TITLE, NOTE, *BODY]
    (folder / "甲.txt").write_text("\n".join(good) + "\n", encoding="utf-8")
    damaged = [TITLE.replace("示范", "样板"), NOTE, *_TOC, *(ln for ln in BODY if ln != "第二章　设施建设")]
    (folder / "乙.txt").write_text("\n".join(damaged) + "\n", encoding="utf-8")
    (folder / "说明.md").write_text("# 说明\n\n这里放法律文本。\n", encoding="utf-8")
    corpus = tmp_path / "c"
    result = CliRunner().invoke(app, ["import", str(folder), "--corpus", str(corpus), "--format", "json"])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and "乙.txt: " in result.stderr and "第二章" in result.stderr
    data = json.loads(result.stdout)
    assert [a["title"] for a in data["added"]] == [TITLE]
    assert [(Path(s["path"]).name, s["refused"]) for s in data["skipped"]] == [("说明.md", False), ("乙.txt", True)]
    assert sorted(p.name for p in corpus.iterdir() if not p.name.startswith(".")) == ["index.yaml", "示范法"]
    alone = CliRunner().invoke(app, ["import", str(folder / "乙.txt"), "--corpus", str(tmp_path / "d")])
    assert alone.exit_code == 2 and alone.stderr.count("\n") == 1 and "乙.txt: " in alone.stderr
    assert not (tmp_path / "d").exists()


def test_a_conflicting_text_in_a_folder_leaves_its_law_as_it_was(tmp_path: Path) -> None:
    """A text that differs from the one stored for its revision is refused in a folder import; the
    plan of its law is put back as it was (its 题注 events not merged), the other files go in."""
    corpus = tmp_path / "c"
    first = tmp_path / "甲.txt"
    first.write_text("\n".join([TITLE, NOTE, *BODY]) + "\n", encoding="utf-8")
    assert CliRunner().invoke(app, ["import", str(first), "--corpus", str(corpus)]).exit_code == 0
    before = {p.relative_to(corpus): p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    folder = tmp_path / "in"
    folder.mkdir()
    changed = [ln.replace("应当公开服务内容", "应当公开全部服务内容") for ln in BODY]
    (folder / "甲.txt").write_text("\n".join([TITLE, NOTE + "　", *changed]) + "\n", encoding="utf-8")
    other = [TITLE.replace("示范", "样板"), NOTE, *BODY]
    (folder / "乙.txt").write_text("\n".join(other) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(folder), "--corpus", str(corpus)])
    assert result.exit_code == 2, result.output
    assert "refused: " in result.stdout and "第五条" in result.stderr
    after = {p.relative_to(corpus): p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    assert {k: v for k, v in after.items() if k.parts[0] == "示范法"} == {
        k: v for k, v in before.items() if k.parts[0] == "示范法"
    }
    assert any(k.parts[0] == "样板法" for k in after)


def test_pandoc_grid_table_borders_are_no_text(tmp_path: Path) -> None:
    """Pandoc's grid tables (``+----+----+`` borders, ``+====+`` under the header): the borders
    are syntax, the ``| a | b |`` lines the rows."""
    md = v.lawrefbook_with_body_title()
    body, _, _ = md.partition("\n| ")
    border = "+" + "+".join("-" * 12 for _ in TABLE[0]) + "+"
    grid = [border, "| " + " | ".join(TABLE[0]) + " |", border.replace("-", "=")]
    for row in TABLE[1:]:
        grid += ["| " + " | ".join(row) + " |", border]
    _, text = imported(tmp_path, "示范法.md", body + "\n" + "\n".join(grid) + "\n")
    same_as_reference(text)
