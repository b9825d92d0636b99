"""Amendment-engine benchmarks (called by bench/run.py; ``python bench/amend_bench.py`` for the scale).

* parse + apply the 2020 decision's land-measures part to its 59-article base
  vs parsing that base text;
* parse + apply 100 generated decisions in sequence to a 200-article
  regulation vs parsing the 200-article text once;
* scale: one generated decision of 5,000 instructions on a 9,000-article text (every kind of
  instruction, renumbering and cross-references to follow), vs parsing that text; and the cost
  per instruction as articles and instructions grow together (625/1,125 … 5,000/9,000): flat
  when the engine is linear (no term in articles times instructions).

    python bench/amend_bench.py [--write DIR]   # DIR gets base.txt and decision.txt for a CLI run
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


def scale_case(n_articles: int, n_instructions: int, seed: int = 11) -> tuple[list[str], str]:
    """A text of ``n_articles`` that cite each other and one decision of ``n_instructions``
    (replace, words, insert words, delete, add, add a paragraph; then a global replacement;
    renumbered)."""
    from lawdiff.structure.numerals import int_to_cn as c

    rng = random.Random(seed)
    base = ["某某基准条例"]
    for k in range(1, n_articles + 1):
        cite = rng.randrange(1, n_articles + 1)
        base.append(f"第{c(k)}条　第{k}号条文，含有甲乙丙丁，依照本条例第{c(cite)}条处理。")
        if k % 3 == 0:
            base.append(f"第{k}号条文的第二款，含有戊己。")
    # every instruction touches articles no other instruction touches (a legislature's decision)
    chosen = sorted(rng.sample(range(2, n_articles), n_instructions))
    kinds = ["replace", "words", "insert", "delete", "add", "paragraph"]
    lines = []
    shift = 0  # new number = old number + shift (deletions and additions before it)
    for i, k in enumerate(chosen):
        kind = kinds[i % len(kinds)]
        if kind == "replace":
            lines.append(f"将第{c(k)}条修改为：“第{i}次修改的条文，依照本条例第一条处理。”")
        elif kind == "words":
            lines.append(f"将第{c(k)}条第一款中的“甲乙”修改为“甲、乙”。")
        elif kind == "insert":
            lines.append(f"在第{c(k)}条第一款中的“丙丁”后增加“、庚”。")
        elif kind == "delete":
            lines.append(f"删去第{c(k)}条。")
            shift -= 1
        elif kind == "add":
            lines.append(f"在第{c(k)}条后增加一条，作为第{c(k + shift + 1)}条：“第{i}次增加的条文。”")
            shift += 1
        else:
            lines.append(f"第{c(k)}条增加一款，作为第二款：“第{i}次增加的款。”")
    body = "\n".join(f"{i}．{ln}" for i, ln in enumerate(lines, start=1))
    # renumbered: every stated position is checked, every cross-reference followed
    decision = (
        "关于修改《某某基准条例》的决定\n（2025年1月1日某某会议通过）\n"
        f"某某会议决定对《某某基准条例》作如下修改：\n{body}\n"
        "将有关条款中的“戊己”修改为“戊、己”。\n本决定自公布之日起施行。\n"
        "《某某基准条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。"
    )
    return base, decision


def _scale(pair: Pair | None = None, repeat: int = 3) -> None:
    import time

    from lawdiff.amend.apply import apply_decision
    from lawdiff.amend.decisions import parse_decision
    from lawdiff.structure.parse import parse_text

    sizes = [(1125, 625), (2250, 1250), (4500, 2500), (9000, 5000)]
    print("articles  instructions  parse+apply  parse base  ratio   µs/instruction")
    for n, m in sizes:
        base_lines, decision = scale_case(n, m)

        def amend(base_lines: list[str] = base_lines, decision: str = decision) -> object:
            return apply_decision(parse_text(base_lines), parse_decision(decision), decision_id="bench")

        best_a = best_b = float("inf")
        for _ in range(repeat):
            t = time.perf_counter()
            amend()
            best_a = min(best_a, time.perf_counter() - t)
            t = time.perf_counter()
            parse_text(base_lines)
            best_b = min(best_b, time.perf_counter() - t)
        per = (best_a - best_b) / m * 1e6
        print(f"{n:8}  {m:12}  {best_a * 1000:8.0f} ms  {best_b * 1000:7.0f} ms  {best_a / best_b:5.1f}x  {per:8.0f}")


if __name__ == "__main__":
    import argparse

    sys.path.insert(0, str(ROOT))
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", type=Path, help="write the 9,000/5,000 case here for a CLI run")
    args = ap.parse_args()
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        lines, dec = scale_case(9000, 5000)
        (args.write / "base.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (args.write / "decision.txt").write_text(dec + "\n", encoding="utf-8")
    _scale()
