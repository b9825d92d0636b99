"""Every article of every revision text in the corpus against the gazette it came from.

The expected text is rebuilt here independently of lawdiff.clean: the raw
lines of the seed (range from SEEDS.md §2), with debris dropped and the
extraction's character substitutions undone by a plain table.  The
comparison ignores U+3000 (separators are normalised) and nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lawdiff.corpus.reader import Corpus
from lawdiff.structure.model import Heading
from lawdiff.structure.parse import numbering_problems

from .conftest import F20, F24, LAWS, seed_lines

# law id, revision, seed, first and last line of the text (title … last line), articles, chapters
TEXTS = [
    ("制造业高质量发展促进条例", "2024-03-28", F24, 342, 856, 43, 0),
    ("土地管理法实施办法", "2024-03-28", F24, 1474, 2220, 48, 7),
    ("土地管理法实施办法", "2020-11-27", F20, 3525, 4027, 37, 7),
    ("机关运行保障条例", "2020-11-27", F20, 4029, 4510, 45, 7),
    ("各级人民代表大会选举实施细则", "2020-11-27", F20, 4511, 5680, 65, 10),
    ("城乡居民补充养老保险条例", "2020-11-27", F20, 13, 265, 25, 0),
    ("保障和促进县域医疗卫生一体化办法", "2020-11-27", F20, 861, 1278, 32, 6),
    ("政务数据管理与应用办法", "2020-11-27", F20, 2539, 2910, 25, 0),
]

# the two extraction errors fixed by laws/corrections/2020-6.yaml
FIXES = {(F20, 3992): ("—倍", "一倍"), (F20, 4018): ("..", ".")}
TABLE = str.maketrans(
    {",": "，", ".": "。", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？",
     "«": "《", "»": "》", "‹": "〈", "›": "〉", " ": None, "\u3000": None}
    | {chr(0xFF10 + i): str(i) for i in range(10)}
)  # fmt: skip


def expected_stream(seed: Path, first: int, last: int) -> str:
    out = []
    for no in range(first, last + 1):
        line = seed_lines(seed)[no - 1]
        if (
            not line.strip(" \u3000")
            or re.fullmatch(r"—[０-９]+—", line)
            or "常务委员会公报" in line
        ):
            continue
        old_new = FIXES.get((seed, no))
        if old_new:
            line = line.replace(*old_new)
        out.append(line.strip(" \u3000"))
    return "".join(out).translate(TABLE)


def corpus_stream(lines: list[str]) -> str:
    return "".join(lines).replace("\u3000", "")


@pytest.mark.parametrize("law_id,rev,seed,first,last,n_articles,n_chapters", TEXTS)
def test_every_article_equals_the_gazette(
    law_id, rev, seed, first, last, n_articles, n_chapters
) -> None:  # type: ignore[no-untyped-def]
    corpus = Corpus(LAWS)
    law = corpus.load_law(law_id)
    text = corpus.load_text(law, law.revision(rev))  # type: ignore[arg-type]
    expected = expected_stream(seed, first, last)
    # title and history note first
    head = corpus_stream([text.title, text.note or ""])
    assert expected.startswith(head)
    pos = len(head)
    for block in text.blocks:
        piece = corpus_stream([block.text] if isinstance(block, Heading) else block.lines())
        got = expected[pos : pos + len(piece)]
        label = block.label
        assert got == piece, (
            f"{law_id} {rev} {label}: gazette has {got[:40]!r}…, corpus {piece[:40]!r}…"
        )
        pos += len(piece)
    assert pos == len(expected), (
        f"{law_id} {rev}: gazette text continues: {expected[pos : pos + 40]!r}"
    )
    assert len(text.articles) == n_articles
    assert [a.number for a in text.articles] == list(range(1, n_articles + 1))
    assert all(a.text.startswith(a.label + "\u3000") for a in text.articles)
    for art in text.articles:  # every 款 and 项 is a whole sentence: no line ends mid-sentence
        for line in art.lines():
            assert line.endswith(("。", "；", "：")), f"{law_id} {rev} {art.label}: {line[-20:]!r}"
    chapters = [b for b in text.blocks if isinstance(b, Heading) and b.level == "章"]
    assert len(chapters) == n_chapters
    assert numbering_problems(text) == []


def _article(law_id: str, rev: str, number: int):  # type: ignore[no-untyped-def]
    corpus = Corpus(LAWS)
    law = corpus.load_law(law_id)
    text = corpus.load_text(law, law.revision(rev))  # type: ignore[arg-type]
    return text.articles[number - 1]


def test_structure_of_articles_quoted_in_seeds_md() -> None:
    """Paragraph and item structure where the 2020 decision names 款 and 项 (SEEDS.md §4)."""
    art28 = _article("土地管理法实施办法", "2020-11-27", 28)  # old art.47, items (四)(五) deleted
    assert len(art28.paragraphs) == 1 and [i.label for i in art28.paragraphs[0].items] == [
        "（一）",
        "（二）",
        "（三）",
        "（四）",
    ]
    assert "第七十七条、第七十八条" in art28.paragraphs[0].body
    art24 = _article("土地管理法实施办法", "2020-11-27", 24)  # 第二款 added by the decision
    assert (
        art24.paragraphs[1].body
        == "农业农村主管部门对违反农村宅基地管理法律、法规的行为，依法进行监督检查。"
    )
    art12 = _article("各级人民代表大会选举实施细则", "2020-11-27", 12)
    assert len(art12.paragraphs) == 2 and len(art12.paragraphs[1].items) == 3
    assert (
        art12.paragraphs[1]
        .items[1]
        .body.startswith("县、不设区的市、市辖区人民代表大会代表名额基数为一百四十名")
    )
    art25 = _article("各级人民代表大会选举实施细则", "2020-11-27", 25)
    assert len(art25.paragraphs) == 2 and len(art25.paragraphs[0].items) == 4
    art63 = _article("各级人民代表大会选举实施细则", "2020-11-27", 63)
    assert [p.body[:9] for p in art63.paragraphs] == [
        "为保障选民和代表自",
        "国家工作人员有前款",
        "以本条第一款所列违",
    ]
    art15 = _article("土地管理法实施办法", "2024-03-28", 15)
    assert len(art15.paragraphs) == 3
    art11 = _article("土地管理法实施办法", "2024-03-28", 11)
    assert art11.paragraphs[0].body == "国土空间规划依法实行分级审批。"


def test_sections_of_the_2024_land_text() -> None:
    corpus = Corpus(LAWS)
    law = corpus.load_law("土地管理法实施办法")
    text = corpus.load_text(law, law.revision("2024-03-28"))  # type: ignore[arg-type]
    sections = [b.text for b in text.blocks if isinstance(b, Heading) and b.level == "节"]
    assert sections == ["第一节　一般规定", "第二节　土地征收", "第三节　宅基地管理"]
    art25 = text.articles[24]
    assert art25.chapter == "第四章　建设用地" and art25.section == "第二节　土地征收"
