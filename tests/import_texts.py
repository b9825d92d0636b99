"""One law written for the tests, in every source format a user brings (formats.md).

The 示范法 has everything the import has to get right: a title over three lines, a 题注 with
five events, a 目录, 编/分编/章/节, 之一 articles, 目 inside 项, 附则 without number, an
annex with a table, a footnote, U+200B and U+2002 debris and ASCII punctuation.  ``STORED`` is
what every reader must store (and ``show`` print back).
"""

from __future__ import annotations

from pathlib import Path

NOTE = (
    "（2001年3月15日第九届全国人民代表大会第四次会议通过　"
    "根据2005年6月29日第十届全国人民代表大会常务委员会第十六次会议"
    "《关于修改〈中华人民共和国示范法〉的决定》第一次修正　"
    "2012年8月31日第十一届全国人民代表大会常务委员会第二十八次会议修订　"
    "根据2018年10月26日第十三届全国人民代表大会常务委员会第六次会议通过的《中华人民共和国示范法修正案》和"
    "2023年12月29日第十四届全国人民代表大会常务委员会第七次会议通过的《中华人民共和国示范法修正案（二）》修正）①"
)

BODY = [
    "第一编　总　　则",
    "第一章　一般规定",
    "第一条　为了规范示范活动（以下简称示范），根据宪法，制定本法。",
    "第二条　本法所称示范，包括下列活动：",
    "（一）示范设施的建设，包括：",
    "1．学校；",
    "2．医院；",
    "（二）示范服务的提供。",
    "前款第二项规定的服务，适用本法第三条之一的规定。",
    "第二编　分　　则",
    "第一分编　设　　施",
    "第二章　设施建设",
    "第一节　规　　划",
    "第三条　县级以上人民政府应当编制示范设施规划，费用标准按照本法附件的规定执行。",
    "第三条之一　示范服务的收费标准不得超过每平方米2.5元。",
    "第二节　建　　设",
    "第四条　建设单位应当遵守ISO 9001等标准。",
    "第二分编　服　　务",
    "第三章　服务提供",
    "第五条　服务提供者应当公开服务内容。",
    "附　　则",
    "第六条　本法自2024年3月1日起施行。",
]
NOTE_LINE = "①　本法历次修正的施行日期，依照各修正案的规定确定。"
ANNEX = ["附件：", "示范设施收费标准表"]
TABLE = [["项目", "计费单位", "标准"], ["学校", "每平方米", "1元"], ["医院", "每平方米", "2元"]]

TITLE = "中华人民共和国示范法"
STORED = [TITLE, NOTE, *BODY, NOTE_LINE, *ANNEX, *("| " + " | ".join(r) + " |" for r in TABLE)]

_TOC = [
    "目\u3000\u3000录",
    "第一编　总　　则",
    "\u3000第一章　一般规定",
    "第二编　分　　则",
    "\u3000第一分编　设　　施",
    "\u3000\u3000第二章　设施建设",
    "\u3000\u3000\u3000第一节　规　　划",
    "\u3000\u3000\u3000第二节　建　　设",
    "\u3000第二分编　服　　务",
    "\u3000\u3000第三章　服务提供",
    "附　　则",
]


def database_text() -> str:
    """The 国家法律法规数据库 plain text: title over three lines, 目录, U+3000 indents, U+200B and
    U+2002 debris, a tab-separated table."""
    body = []
    for line in BODY:
        if line.startswith("第") and "条" in line[:8]:
            line = "\u3000\u3000" + line
        body.append(line)
    body[3] = body[3].replace("本法所称", "本法\u200b所称")
    body[19] = body[19].replace("第五条　服务提供者", "第五条\u2002\u2002服务\u2002提供者")
    lines = ["中华人民共和国", "示范", "法", NOTE, *_TOC, *body, NOTE_LINE, *ANNEX]
    lines += ["\t".join(r) for r in TABLE]
    return "\r\n".join(lines) + "\r\n"


def markdown() -> str:
    """LawRefBook: # title, one history line per event, INFO END, ## headings, ASCII spaces and
    punctuation, blank lines, U+200B lines, a Markdown table."""
    history = [
        "2001年3月15日 第九届全国人民代表大会第四次会议通过",
        "2005年6月29日 第十届全国人民代表大会常务委员会第十六次会议《关于修改<中华人民共和国示范法>的决定》第一次修正",
        "2012年8月31日 第十一届全国人民代表大会常务委员会第二十八次会议修订",
        "2018年10月26日 第十三届全国人民代表大会常务委员会第六次会议通过的《中华人民共和国示范法修正案》",
        "2023年12月29日 第十四届全国人民代表大会常务委员会第七次会议通过的《中华人民共和国示范法修正案（二）》",
    ]
    out = [f"# {TITLE}", "", *(h for line in history for h in (line, "")), "<!-- INFO END -->", "", "\u200b", ""]
    for line in BODY:
        label, _, rest = line.partition("　")
        if line == "附　　则":
            out.append("## 附则")
        elif label.endswith(("编", "章", "节")):
            out.append(f"{'#' * (2 + len(label) % 3)} {label}  {rest.replace(chr(0x3000), '')}")
        else:
            ascii_marks = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":", "．": "."})
            out.append(f"{label} {rest}".translate(ascii_marks) if rest else line.translate(ascii_marks))
        out.append("")
    out += ["① 本法历次修正的施行日期,依照各修正案的规定确定。", "", "附件:", "", "示范设施收费标准表", ""]
    out += ["| " + " | ".join(TABLE[0]) + " |", "| --- | --- | --- |"]
    out += ["| " + " | ".join(r) + " |" for r in TABLE[1:]]
    return "\n".join(out) + "\n"


def plain_copy() -> str:
    """Copied from a legal database: a metadata block, ASCII spaces after labels and headings."""
    meta = ["中华人民共和国示范法(2023修正)", "发文机关：全国人民代表大会常务委员会", "时效性：现行有效", ""]
    body = [line.replace("　", " ", 1) if line.startswith("第") else line for line in BODY]
    lines = [*meta, TITLE, NOTE, *body, NOTE_LINE, *ANNEX, *("\t".join(r) for r in TABLE)]
    return "\n".join(lines) + "\n"


def write_docx(path: Path) -> Path:
    """The database's .docx: the title over three lines in one paragraph, the table a Word table."""
    from docx import Document

    doc = Document()
    title = doc.add_paragraph()
    for i, part in enumerate(["中华人民共和国", "示范", "法"]):
        run = title.add_run(part)
        if i < 2:
            run.add_break()
    for line in [NOTE, *_TOC, *BODY, NOTE_LINE, *ANNEX]:
        doc.add_paragraph(line)
    table = doc.add_table(rows=len(TABLE), cols=3)
    for r, row in enumerate(TABLE):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    doc.save(str(path))
    return path


def write_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "text": folder / "示范法.txt",
        "markdown": folder / "示范法.md",
        "plain": folder / "示范法-copy.txt",
    }
    files["text"].write_bytes(database_text().encode("utf-8"))
    files["markdown"].write_text(markdown(), encoding="utf-8")
    files["plain"].write_text(plain_copy(), encoding="utf-8")
    files["docx"] = write_docx(folder / "示范法.docx")
    return files
