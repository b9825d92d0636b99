"""``lawdiff diff``: compute time against git's word diff, and alignment quality against difflib.

    python bench/diff_bench.py [--repeat N]

1. Time, on the same two plain texts, in one run (medians, interleaved runs):
   * the land measures 2020 → 2024 (37 → 48 articles, a 修订);
   * a 200-article full rewrite built from the corpus's real articles (every article of the
     shipped texts, repeated with its numbers changed until there are 200): a third reworded,
     20 deleted, 20 added, 10 moved far away, 5 split and 5 merged, then renumbered.
   ``lawdiff`` compute (alignment + line alignment + character diff, in process) against
   ``git diff --no-index --word-diff=porcelain`` on the same files (a whole process, which is
   how it is used; its start-up is about 2 ms). Target from the issue: the 200-article rewrite
   under 0.2 s of compute.
2. Quality of the alignment of the land measures against the reading in
   ``tests/data/land_2020_2024_alignment.yaml``, for lawdiff and for a line-based baseline:
   difflib's SequenceMatcher over the article lines (a line diff of the two texts, with the
   lines of a ``replace`` block paired in order, as a side-by-side line diff shows them); and
   the choice of scorer: TF-IDF weighted bigrams against rapidfuzz's character Indel ratio in
   the same alignment passes, each with the thresholds that suit it best.
"""

from __future__ import annotations

import argparse
import difflib
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lawdiff.compare.comparison import body_lines  # noqa: E402
from lawdiff.compare.diffing import compare_texts  # noqa: E402
from lawdiff.corpus.reader import Corpus  # noqa: E402
from lawdiff.structure.model import Article, LawText, Paragraph  # noqa: E402
from lawdiff.structure.numerals import int_to_cn  # noqa: E402


def _renumber(arts: list[Article]) -> list[Article]:
    return [
        a._replace(number=k, label=f"第{int_to_cn(k)}条", sub=0) for k, a in enumerate(arts, start=1)
    ]


def corpus_articles(c: Corpus) -> list[Article]:
    out = []
    for law in c.all_laws():
        for rev in law.revisions:
            if rev.text_file:
                out.extend(c.load_text(law, rev).articles)
    return out


def rewrite_200(c: Corpus, seed: int = 7) -> tuple[LawText, LawText, dict[int, list[int]]]:
    """A 200-article text and a full rewrite of it; truth: old number -> new numbers."""
    rng = random.Random(seed)
    pool = corpus_articles(c)
    old = _renumber([pool[k % len(pool)] for k in range(220)])[:200]
    ident = list(range(200))  # which old article each entry of ``new`` came from (-1: added)
    new_bodies: list[tuple[list[int], tuple[Paragraph, ...]]] = [
        ([i], a.paragraphs) for i, a in enumerate(old)
    ]
    # reword a third: drop a sentence, insert a clause, swap words
    for i in rng.sample(ident, 66):
        paras = list(new_bodies[i][1])
        p = paras[0]
        body = p.body
        cut = body.find("，", len(body) // 3)
        body = (body[:cut] + "，并依照国家有关规定执行" + body[cut:]) if cut > 0 else body + "有关部门应当予以配合。"
        paras[0] = p._replace(body=body.replace("应当", "必须", 1))
        if len(paras) > 1 and rng.random() < 0.5:
            paras.pop()
        new_bodies[i] = (new_bodies[i][0], tuple(paras))
    # merge 5 pairs of neighbours, split 5 articles with several paragraphs
    for i in rng.sample(range(0, 198, 2), 5):
        a, b = new_bodies[i], new_bodies[i + 1]
        if a[0] and b[0]:
            new_bodies[i] = (a[0] + b[0], a[1] + b[1])
            new_bodies[i + 1] = ([], ())
    splittable = [k for k, (src, ps) in enumerate(new_bodies) if len(src) == 1 and len(ps) >= 2]
    for k in sorted(rng.sample(splittable, 5), reverse=True):
        src, ps = new_bodies[k]
        new_bodies[k] = (src, ps[:1])
        new_bodies.insert(k + 1, (list(src), ps[1:]))
    new_bodies = [nb for nb in new_bodies if nb[0]]
    # delete 20, add 20 articles from the pool not used in the old text, move 10 far away
    for k in sorted(rng.sample(range(len(new_bodies)), 20), reverse=True):
        del new_bodies[k]
    extra = pool[200 % len(pool) :][:20] if len(pool) > 220 else pool[:20]
    for a in extra:
        new_bodies.insert(rng.randrange(len(new_bodies)), ([], a.paragraphs))
    for _ in range(10):
        k = rng.randrange(len(new_bodies))
        item = new_bodies.pop(k)
        new_bodies.insert((k + len(new_bodies) // 2) % len(new_bodies), item)
    new_arts = _renumber([Article(0, "", ps) for _, ps in new_bodies])
    truth: dict[int, list[int]] = {}
    for j, (src, _) in enumerate(new_bodies):
        for i in src:
            truth.setdefault(i + 1, []).append(j + 1)
    return LawText("旧", blocks=tuple(old)), LawText("新", blocks=tuple(new_arts)), truth


def plain(text: LawText) -> str:
    return "\n".join(text.lines()) + "\n"


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def time_pair(name: str, old: LawText, new: LawText, law, rev_a, rev_b, n: int) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        fa, fb = Path(tmp) / "a.txt", Path(tmp) / "b.txt"
        fa.write_text(plain(old), encoding="utf-8")
        fb.write_text(plain(new), encoding="utf-8")
        git = ["git", "diff", "--no-index", "--word-diff=porcelain", str(fa), str(fb)]
        ours: list[float] = []
        theirs: list[float] = []
        compare_texts(law, rev_a, rev_b, old, new)  # warm-up
        for _ in range(n):
            t = time.perf_counter()
            compare_texts(law, rev_a, rev_b, old, new)
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            subprocess.run(git, stdout=subprocess.DEVNULL, check=False)
            theirs.append(time.perf_counter() - t)
    print(f"{name}: {len(old.articles)} → {len(new.articles)} articles")
    print(f"  lawdiff compare (in process)     median {med(ours) * 1000:7.1f} ms  min {min(ours) * 1000:7.1f} ms")
    print(f"  git diff --no-index --word-diff  median {med(theirs) * 1000:7.1f} ms  min {min(theirs) * 1000:7.1f} ms")
    print(f"  ratio lawdiff / git (median) {med(ours) / med(theirs):5.2f}x")


def difflib_links(old: LawText, new: LawText) -> set[tuple[int, int]]:
    """A line diff's pairing: equal lines, and the lines of a replace block side by side."""
    a = [(x.number, ln) for x in old.articles for ln in body_lines(x)]
    b = [(x.number, ln) for x in new.articles for ln in body_lines(x)]
    sm = difflib.SequenceMatcher(None, [t for _, t in a], [t for _, t in b], autojunk=False)
    links = set()
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op in ("equal", "replace"):
            for i, j in zip(range(i1, i2), range(j1, j2), strict=False):
                links.add((a[i][0], b[j][0]))
    return links


def score(got: set[tuple[int, int]], want: set[tuple[int, int]]) -> str:
    tp = len(got & want)
    p = tp / len(got) if got else 0.0
    r = tp / len(want) if want else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"precision {p:.2f}  recall {r:.2f}  F1 {f:.2f}  ({len(got)} links, {tp} right)"


def _grid(old: LawText, new: LawText, want: set[tuple[int, int]], scorer: str) -> list[tuple]:  # type: ignore[type-arg]
    import lawdiff.compare.align as al

    saved = (al.ANCHOR, al.PAIR, al.SECOND)
    a = ["\n".join(body_lines(x)) for x in old.articles]
    b = ["\n".join(body_lines(x)) for x in new.articles]
    out = []
    try:
        for anchor in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
            for pair in (anchor, anchor + 0.05, anchor + 0.1):
                al.ANCHOR, al.PAIR, al.SECOND = anchor, pair, anchor
                links, _ = al.align(a, b, scorer=scorer)
                got = {(lk.old + 1, lk.new + 1) for lk in links}
                tp = len(got & want)
                p = tp / len(got) if got else 0.0
                r = tp / len(want)
                f = 2 * p * r / (p + r) if p + r else 0.0
                out.append((round(f, 3), anchor, pair, score(got, want)))
    finally:
        al.ANCHOR, al.PAIR, al.SECOND = saved
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=15)
    n = ap.parse_args().repeat
    c = Corpus(ROOT / "laws")
    law = c.load_law("土地管理法实施办法")
    r20, r24 = law.revision("2020-11-27"), law.revision("2024-03-28")
    t20, t24 = c.load_text(law, r20), c.load_text(law, r24)  # type: ignore[arg-type]
    print(f"python {sys.version.split()[0]}, {n} runs each\n")
    time_pair("land measures 2020 → 2024", t20, t24, law, r20, r24, n)
    old, new, truth = rewrite_200(c)
    time_pair("200-article full rewrite", old, new, law, r20, r24, n)

    print("\nalignment quality, land measures 2020 → 2024, against the reading:")
    gt = yaml.safe_load((ROOT / "tests/data/land_2020_2024_alignment.yaml").read_text("utf-8"))
    want = {(o, m) for p in gt["pairs"] for o in p["old"] for m in p["new"]}
    cmp = compare_texts(law, r20, r24, t20, t24)  # type: ignore[arg-type]
    ours = {(o.number, m.number) for p in cmp.pairs for o in p.old for m in p.new}
    print(f"  lawdiff       {score(ours, want)}")
    print(f"  difflib lines {score(difflib_links(t20, t24), want)}")
    print("  scorer for the same passes, thresholds tuned for each (best F1 over a grid):")
    for scorer in ("tfidf", "indel"):
        best = max(_grid(t20, t24, want, scorer), key=lambda r: r[0])
        print(f"    {scorer:6} ANCHOR {best[1]:.2f} PAIR {best[2]:.2f}: {best[3]}")
    print("alignment quality, 200-article rewrite, against its construction:")
    want2 = {(o, m) for o, ms in truth.items() for m in ms}
    cmp2 = compare_texts(law, r20, r24, old, new)  # type: ignore[arg-type]
    ours2 = {(o.number, m.number) for p in cmp2.pairs for o in p.old for m in p.new}
    print(f"  lawdiff       {score(ours2, want2)}")
    print(f"  difflib lines {score(difflib_links(old, new), want2)}")


if __name__ == "__main__":
    main()
