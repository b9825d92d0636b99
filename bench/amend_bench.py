"""Amendment-engine benchmarks (called by bench/run.py).

* parse + apply the 2020 decision's land-measures part to its 59-article base
  vs parsing that base text;
* parse + apply 100 generated decisions in sequence to a 200-article
  regulation vs parsing the 200-article text once.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

Pair = Callable[[str, Callable[[], object], str, Callable[[], object], int], None]


def _land_case(corpus_root: Path) -> tuple[list[str], str]:
    sys.path.insert(0, str(ROOT))
    from lawdiff.amend.load import decision_for
    from lawdiff.corpus.reader import Corpus
    from tests.reconstruct import reconstruct

    c = Corpus(corpus_root)
    law = c.load_law("土地管理法实施办法")
    rev = law.revision("2020-11-27")
    assert rev is not None
    data, dec = decision_for(c, rev)
    base = reconstruct(c.load_text(law, rev), dec.part_for(law.title))
    return base.lines(), "\n".join(c.decision_text(data))


def _big_case(n_articles: int = 200, n_decisions: int = 100) -> tuple[list[str], list[str]]:
    from lawdiff.structure.numerals import int_to_cn as c

    rng = random.Random(7)
    base = ["山西省基准测试条例"] + [
        f"第{c(k)}条　第{k}号条文，含有甲乙丙丁的规定。" for k in range(1, n_articles + 1)
    ]
    decisions = []
    for d in range(n_decisions):
        r, a, w, p = rng.sample(range(1, n_articles - 2), 4)
        q = rng.randrange(p + 2, n_articles + 1)
        lines = [
            f"1．将第{c(r)}条修改为：“第{d}次修改的条文，含有甲乙丙丁。”",
            f"2．第{c(a)}条增加一款，作为第二款：“第{d}次增加的款，含有甲乙。”",
            f"3．在第{c(w)}条第一款中的“甲”后增加“、新”。",
            f"4．在第{c(p)}条后增加一条，作为第{c(p + 1)}条：“第{d}次增加的条，含有甲乙丙丁。”",
            f"5．删去第{c(q)}条。",
        ]
        decisions.append(
            "关于修改《山西省基准测试条例》的决定\n"
            + "\n".join(lines)
            + "\n《山西省基准测试条例》根据本决定作相应修改并对条款顺序作相应调整，重新公布。"
        )
    return base, decisions


def run(corpus_root: Path, n: int, pair: Pair) -> None:
    from lawdiff.amend.apply import apply_decision
    from lawdiff.amend.decisions import parse_decision
    from lawdiff.structure.parse import parse_text

    base_lines, decision_text = _land_case(corpus_root)

    def land() -> object:
        dec = parse_decision(decision_text, decision_id="2020")
        base = parse_text(base_lines)
        return apply_decision(
            base, dec, law_title="山西省实施《中华人民共和国土地管理法》办法", decision_id="2020"
        )

    pair(
        "parse + apply the 2020 decision (land measures, 59 articles)",
        land,
        "parse the base text",
        lambda: parse_text(base_lines),
        n,
    )

    big_base, decisions = _big_case()

    def hundred() -> object:
        text = parse_text(big_base)
        for i, d in enumerate(decisions):
            text = apply_decision(
                text, parse_decision(d, decision_id=str(i)), decision_id=str(i)
            ).text
        assert len(text.articles) == 200
        return text

    pair(
        "parse + apply 100 decisions in sequence (200 articles)",
        hundred,
        "parse the 200-article base text",
        lambda: parse_text(big_base),
        max(3, n // 3),
    )
