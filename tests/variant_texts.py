"""The 示范法 of ``import_texts`` written as real-world variants of each source format.

Every variant must store the same lines as the reference layout (``STORED``): what changes is
only how the file is written — the layouts seen in Markdown collections, in files converted from
the national database, in web copies and in Word files (``tests/test_variants*.py``).
"""

from __future__ import annotations

from .import_texts import _TOC, ANNEX, BODY, NOTE, NOTE_LINE, TABLE, TITLE

S = "\u3000"
EVENTS = [  # the 题注's five events, one a line (the last one covers two amendments)
    "2001年3月15日第九届全国人民代表大会第四次会议通过",
    "根据2005年6月29日第十届全国人民代表大会常务委员会第十六次会议《关于修改〈中华人民共和国示范法〉的决定》第一次修正",
    "2012年8月31日第十一届全国人民代表大会常务委员会第二十八次会议修订",
    "根据2018年10月26日第十三届全国人民代表大会常务委员会第六次会议通过的《中华人民共和国示范法修正案》和"
    "2023年12月29日第十四届全国人民代表大会常务委员会第七次会议通过的《中华人民共和国示范法修正案（二）》修正",
]
GRID = ["| " + " | ".join(r) + " |" for r in TABLE]
MD_TABLE = [GRID[0], "| --- | --- | --- |", *GRID[1:]]


def _is_article(line: str) -> bool:
    return line.startswith("第") and "条" in line[:8] and "　" in line[:10]


def _is_heading(line: str) -> bool:
    return line == "附　　则" or (line.startswith("第") and line.split("　", 1)[0][-1] in "编章节")


def _md_heading(line: str) -> str:
    label = line.split("　", 1)[0]
    depth = {"编": 2, "章": 3, "节": 4}.get(label[-1], 2) + ("分编" in label)
    return "#" * depth + " " + line


def lawrefbook_with_body_title() -> str:
    """LawRefBook head (# title, a date line), then a body that prints the title again, the 题注,
    a ``## 目录`` of bullet lines, ``#`` headings and U+3000 labels (lead's failure 1)."""
    out = [f"# {TITLE}", "", "2023年12月29日", "", "<!-- INFO END -->", "", f"# {TITLE}", "", NOTE, "", "## 目录", ""]
    out += [f"- {e}" for e in _TOC[1:]] + [""]
    for line in BODY:
        out += [_md_heading(line) if _is_heading(line) and line != "附　　则" else line, ""]
    out += [NOTE_LINE, "", *ANNEX[:1], "", ANNEX[1], "", *MD_TABLE, ""]
    return "\n".join(out)


def database_markdown(note: bool = False) -> str:
    """A Markdown file another tool made from the database: # title, metadata bullets, then the
    database's own text (title again, 目　　录, padded headings, indented 节, a 款 flush left)
    (lead's failure 2)."""
    out = [
        f"# {TITLE}",
        "",
        "- 公布日期：2023-12-29  施行日期：2024-03-01  效力状态：3  制定机关：全国人民代表大会常务委员会",
        "- 来源：国家法律法规数据库 flk.npc.gov.cn (bbbs=ff80818190a1b2c3)",
        "",
        TITLE,
    ]
    out += [NOTE] if note else []
    out += list(_TOC)
    for line in BODY:
        if _is_article(line) or (line.startswith("第") and line.split("　")[0].endswith("节")):
            line = S * 2 + line
        out.append(line)
    out += [NOTE_LINE, *ANNEX, *("\t".join(r) for r in TABLE)]
    return "\n".join(out) + "\n"


def vuepress() -> str:
    """A VuePress site: YAML front matter, a tip box, the history as a ``::: note`` of bullets with
    spaced dates, ``**第一条**`` bold labels."""
    out = [
        "---", f"title: {TITLE}", "author: 全国人民代表大会常务委员会", "date: 2023-12-29",
        "effective_date: 2024-03-01", 'tag: ["2001年通过", "2023年修正"]', "---", "",
        "::: tip", "", "- 本条目为现行版本，[历史版本](./old/)", "", ":::", "", "::: note", "",
    ]  # fmt: skip
    for e in EVENTS:
        spaced = e.replace("年", " 年 ").replace("月", " 月 ").replace("日", " 日 ", 1)
        out += [f"- {spaced}", ""] if not e.startswith("根据") else [f"- {e}", ""]
    out += [":::", ""]
    for line in BODY:
        if _is_article(line):
            label, rest = line.split("　", 1)
            line = f"**{label}**　{rest}"
        elif _is_heading(line) and line != "附　　则":
            line = _md_heading(line)
        out += [line, ""]
    out += [NOTE_LINE, "", *ANNEX[:1], "", ANNEX[1], "", *MD_TABLE, ""]
    return "\n".join(out)


def reading_copy() -> str:
    """A reading copy in Markdown: breadcrumb link, setext title, the 题注 as a quote over five
    lines, an autolink, a tab-indented 目录, setext chapter headings, trailing two-space line
    breaks between 款, ``*\\t`` bullets for 项, ``&emsp;`` indents, a kramdown attribute."""
    out = ["[读本](../index) >> 示范法{:target=\"_top\"}", "", TITLE, "=" * 20, "<https://example.org/law/1>", ""]
    out += ["> （" + EVENTS[0]] + [f"> {e}" for e in EVENTS[1:-1]] + [f"> {EVENTS[-1]}）", ""]
    out += ["目录", "-----"] + ["\t" * (1 + e.count(S * 2) // 1) + e.strip(S) for e in _TOC[1:]] + ["", ""]
    for line in BODY:
        if _is_article(line):
            out.append("&emsp;&emsp;" + line + "  ")
        elif line.startswith("（") or line[0].isdigit():
            out.append("*\t" + line)
        elif not _is_heading(line):
            out.append(line + "  ")  # a 款 after a two-space line break
        elif line == "附　　则" or not line.startswith("第"):
            out += ["", line, "-" * 8, ""]
        else:
            out += ["", line, "=" * 8, ""]
    out += ["", NOTE_LINE, "", *ANNEX[:1], "", ANNEX[1], "", *MD_TABLE, ""]
    return "\n".join(out)


def web_copy() -> str:
    """Plain text from a web page: the 题注 as bare event lines, ``目 录``, ASCII padding, Arabic
    labels (第1条), page furniture after the text (来源, 下载日期, 法宝引证码, 打印, 关闭窗口)."""
    out = [TITLE, *EVENTS, "目 录"] + [e.replace(S, " ") for e in _TOC[1:]]
    n = 0
    for line in BODY:
        if _is_article(line):
            label, rest = line.split("　", 1)
            if "之" not in label:
                n += 1
                label = f"第{n}条"
            line = f"{label} {rest}"
        elif line.startswith("第"):
            line = line.replace(S, " ")
        out.append(line)
    out += [NOTE_LINE, *ANNEX, *("\t".join(r) for r in TABLE)]
    out += ["来源：国家法律法规数据库", "下载日期：2024-05-01", "【法宝引证码】CLI.1.123456", "打印本页", "关闭窗口"]
    return "\r\n".join(out) + "\r\n"


def vuepress_html() -> str:
    """A VuePress theme site: the 题注 in a ``::: tip 修订信息`` box (&lt; &gt; and &emsp; inside),
    a ``::: details 目录`` of tabs and link lists, articles as ``<p id>`` with ``<b>`` labels and
    ``<br>`` between 款, headings with ``{align="center"}``, the source link in a warning box."""
    note = NOTE.replace("〈", "&lt;").replace("〉", "&gt;").replace("　", "&emsp;")
    out = [
        "---", f"title: {TITLE}", "date: 2023-12-29", "author: 全国人民代表大会常务委员会", "---", "",
        "::: tip 修订信息", "", note, "", ":::", "", "::: details 目录", "", "::: tabs", "", "@tab 章节", "",
        "[[toc]]", "", "@tab 条例", "", "- 第1~7条：", "  ", "  [1](#t1)&emsp;[2](#t2)&emsp;[3](#t3)", "", ":::", "",
    ]  # fmt: skip
    para: list[str] = []
    n = 0

    def flush() -> None:
        nonlocal n
        if para:
            n += 1
            label, rest = para[0].split("　", 1)
            first = f'<p id="t{n}">&emsp;&emsp;<b>{label}</b>&emsp;{rest}'
            out.append("<br>\n".join([first, *(f"&emsp;&emsp;{p}" for p in para[1:])]) + "</p>")
            para.clear()

    for line in BODY:
        if _is_article(line):
            flush()
            para.append(line)
        elif _is_heading(line):
            flush()
            out += ["", "#" * (2 + ("节" in line.split("　")[0])) + " " + line.replace("　", "&emsp;") + '{align="center"}', ""]
        else:
            para.append(line)
    flush()
    out += ["", NOTE_LINE, "", *ANNEX[:1], "", ANNEX[1], "", *MD_TABLE, "", "---", "", "::: warning 原文链接", ""]
    out += ["<https://flk.npc.gov.cn/detail2.html?abc>", "", ":::", ""]
    return "\n".join(out)
