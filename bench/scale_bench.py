"""Scale: 10,000 laws, and diffs of thousands of articles, each against the import floor.

    python bench/scale_bench.py [--laws 10000] [--articles 2000] [--big 9890] [--repeat 11]

Everything is generated here from the shipped texts (``tests/generate.py``):

1. ``--laws`` laws (one to three revisions each, 题注 and all) written as a folder of consolidated
   texts, a phrase planted in the middle article of one law's latest text, and the folder read by
   ``lawdiff import`` into a new corpus (timed);
2. the derived index built by the first ``list`` (names, laws, list rows) and the first ``search``
   (the text index): times and the size of the index file;
3. cold processes paired with ``python -c "import typer, rich.console, yaml, regex"`` in the same
   run (interleaved, medians): ``show`` of one law (target ≤ 1.2x), ``list --format json``
   (≤ 2x), ``search`` of the planted phrase (≤ 1.5x, and exactly that hit);
4. a generated ``--articles`` pair (10 % modified, 5 % deleted, 5 % new, 1 % moved, 1 % split)
   imported as two revisions (``import`` prepares the comparison of a pair this big) and compared
   by a cold ``lawdiff diff --format json`` (≤ 2x): the first run right after the import, a run
   that computes it (the index emptied before each run), a repeated one; precision and recall of
   its links against the generator's truth (≥ 0.95);
5. ``--big`` articles compared in a process of its own: compute time (≤ 10 s) and peak memory
   (≤ 1 GB), precision and recall.

Not part of the test suite (minutes, mostly the import and the first text index).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.run import ENV, FLOOR, PY, pair, run, timed  # noqa: E402
from tests.generate import import_folder, render, text_pair  # noqa: E402

PHRASE = "停车泊位错时共享协议应当向社会公开"
PAIR_LAW = "山西省基准对照条例"


def lawdiff(*args: str, env: dict[str, str]) -> list[str]:
    return [PY, "-m", "lawdiff", *args]


def cold(args: list[str], env: dict[str, str]):  # type: ignore[no-untyped-def]
    return lambda: subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def once(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    t = time.perf_counter()
    r = subprocess.run(args, check=True, capture_output=True, text=True, env=env)
    return time.perf_counter() - t, r.stdout


def plant(folder: Path) -> tuple[str, str]:
    """Put PHRASE into the middle article of the latest text of the middle law: (law id, label)."""
    laws = sorted(p for p in folder.iterdir() if p.is_dir())
    law = laws[len(laws) // 2]
    latest = sorted(law.glob("*.txt"))[-1]
    lines = latest.read_text(encoding="utf-8").splitlines()
    arts = [k for k, line in enumerate(lines) if line.startswith("第") and "条\u3000" in line[:12]]
    k = arts[len(arts) // 2]
    lines[k] = lines[k].rstrip("。") + f"，{PHRASE}。"
    latest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return law.name, lines[k].split("\u3000")[0]


def corpus_part(tmp: Path, n_laws: int, repeat: int, env: dict[str, str]) -> None:
    source, laws = tmp / "texts", tmp / "laws"
    t = time.perf_counter()
    named = [short for short, _ in import_folder(source, n_laws)]
    law_id, label = plant(source)
    print(f"generated {len(named)} laws ({sum(1 for _ in source.rglob('*.txt'))} texts) in {time.perf_counter() - t:.1f} s")
    took, _ = once(lawdiff("import", str(source), "--corpus", str(laws), "--format", "json", env=env), env)
    print(f"lawdiff import of the folder: {took:.1f} s")
    took, _ = once(lawdiff("list", "--format", "json", "--corpus", str(laws), env=env), env)
    print(f"index, first list (names, laws, list rows): {took:.1f} s")
    took, _ = once(lawdiff("search", PHRASE, "--all", "--corpus", str(laws), env=env), env)
    index = max((Path(env["LAWDIFF_CACHE"]) / "index").glob("*.sqlite"), key=lambda p: p.stat().st_size)
    print(f"index, first search (text index): {took:.1f} s; index file {index.stat().st_size / 2**20:.0f} MiB\n")
    _, out = once(lawdiff("search", PHRASE, "--format", "json", "--corpus", str(laws), env=env), env)
    hits = json.loads(out)["hits"]
    assert [(h["law"], h["label"]) for h in hits] == [(law_id, label)], hits
    print(f"search finds exactly the planted hit: {law_id} {label}\n")
    floor = run(FLOOR)
    name = named[len(named) // 3]
    for what, args, target in (
        ("show", ["show", name], 1.2),
        ("list --format json", ["list", "--format", "json"], 2.0),
        ("search (planted phrase)", ["search", PHRASE, "--format", "json"], 1.5),
    ):
        pair(f"lawdiff {what}, {n_laws} laws, cold process (target {target}x)",
             cold(lawdiff(*args, "--corpus", str(laws), env=env), env),
             "import floor", floor, repeat)  # fmt: skip


def _pair_folder(tmp: Path, n: int, seed: int) -> tuple[Path, set[tuple[int, int]]]:
    old, new, truth = text_pair(n, seed=seed)
    folder = tmp / f"pair{n}-{seed}"
    folder.mkdir()
    enacted = "2000年1月1日山西省第九届人民代表大会常务委员会第十四次会议通过"
    revised = "2020年1月1日山西省第十三届人民代表大会常务委员会第十五次会议修订"
    (folder / "2000.txt").write_text(render(PAIR_LAW, f"（{enacted}）", [("", old)]), encoding="utf-8")
    (folder / "2020.txt").write_text(render(PAIR_LAW, f"（{enacted}　{revised}）", [("", new)]), encoding="utf-8")
    return folder, truth


def _pair_corpus(tmp: Path, n: int, env: dict[str, str], seed: int) -> tuple[Path, set[tuple[int, int]]]:
    folder, truth = _pair_folder(tmp, n, seed)
    laws = tmp / f"laws{n}-{seed}"
    once(lawdiff("import", str(folder), "--corpus", str(laws), env=env), env)
    return laws, truth


def _score(links: set[tuple[int, int]], truth: set[tuple[int, int]]) -> str:
    right = len(links & truth)
    return f"precision {right / len(links):.4f} recall {right / len(truth):.4f} ({len(links)} links, {len(truth)} true)"


def _ratios(name: str, a: list[float], b: list[float], target: float) -> None:
    ma, mb = statistics.median(a), statistics.median(b)
    per = statistics.median(x / y for x, y in zip(a, b, strict=True))
    print(f"{name} (target {target}x)")
    print(f"  median {ma * 1000:8.1f} ms  min {min(a) * 1000:8.1f} ms;  import floor median {mb * 1000:8.1f} ms")
    print(f"  ratio (median) {ma / mb:6.2f}x   ratio (median of pairs) {per:6.2f}x   ratio (min) {min(a) / min(b):6.2f}x")


def diff_part(tmp: Path, n: int, big: int, repeat: int, env: dict[str, str]) -> None:
    """The 2,000-article diff three ways, each paired run by run with the import floor:
    right after ``lawdiff import`` (a new corpus each round: the comparison import prepared),
    computed (the index emptied before each run: parse, align, char diffs, JSON), and repeated
    (the JSON kept by an earlier diff)."""
    folder, truth = _pair_folder(tmp, n, seed=3)
    floor = run(FLOOR)
    floor()
    after, imports, fa = [], [], []
    for k in range(max(3, repeat // 2)):
        laws = tmp / f"after{k}"
        took, _ = once(lawdiff("import", str(folder), "--corpus", str(laws), env=env), env)
        imports.append(took)
        args = lawdiff("diff", "基准对照条例", "2000", "2020", "--format", "json", "--corpus", str(laws), env=env)
        took, out = once(args, env)
        after.append(took)
        fa.append(timed(floor, 1)[0])
    pairs = json.loads(out)["pairs"]
    links = {(o, m) for p in pairs for o in p["old"] for m in p["new"]}
    print(f"\ndiff of a generated {n}-article pair: {_score(links, truth)}")
    print(f"lawdiff import of the pair (comparison prepared): median {statistics.median(imports):.2f} s")
    _ratios(f"lawdiff diff --format json, {n} articles, first run right after import", after, fa, 2.0)
    cold_env = env | {"LAWDIFF_CACHE": str(tmp / "cache-cold")}
    args = lawdiff("diff", "基准对照条例", "2000", "2020", "--format", "json", "--corpus", str(laws), env=cold_env)
    computed, fc = [], []
    for _ in range(repeat):
        shutil.rmtree(tmp / "cache-cold", ignore_errors=True)
        computed.append(timed(cold(args, cold_env), 1)[0])
        fc.append(timed(floor, 1)[0])
    _ratios(f"lawdiff diff --format json, {n} articles, computed (index emptied)", computed, fc, 2.0)
    pair(f"lawdiff diff --format json, {n} articles, repeated (kept JSON)", cold(args, cold_env),
         "import floor", floor, repeat)  # fmt: skip
    laws, truth = _pair_corpus(tmp, big, env, seed=5)
    probe = (
        "import json, resource, sys, time\n"
        "from lawdiff.compare.diffing import compare_texts\n"
        "from lawdiff.corpus.reader import Corpus\n"
        f"c = Corpus({str(laws)!r}); law = c.load_law('基准对照条例'); a, b = law.chronological()\n"
        "ta, tb = c.load_text(law, a), c.load_text(law, b)\n"
        "t = time.perf_counter(); cmp = compare_texts(law, a, b, ta, tb); t = time.perf_counter() - t\n"
        "links = sorted({(o.number, m.number) for p in cmp.pairs for o in p.old for m in p.new})\n"
        "print(json.dumps({'seconds': t, 'peak_mib': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,"
        " 'articles': [len(ta.articles), len(tb.articles)], 'links': links}))\n"
    )
    r = json.loads(subprocess.run([PY, "-c", probe], check=True, capture_output=True, text=True, env=env).stdout)
    links = {tuple(x) for x in r["links"]}
    print(f"diff of {r['articles'][0]} → {r['articles'][1]} articles, in process: compute {r['seconds']:.2f} s "
          f"(target 10 s), peak memory {r['peak_mib']:.0f} MiB (target 1 GiB); {_score(links, truth)}")  # type: ignore[arg-type]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--laws", type=int, default=10_000)
    ap.add_argument("--articles", type=int, default=2_000)
    ap.add_argument("--big", type=int, default=9_890)
    ap.add_argument("--repeat", type=int, default=11)
    ap.add_argument("--skip-corpus", action="store_true")
    a = ap.parse_args()
    import compileall

    compileall.compile_dir(ROOT / "lawdiff", quiet=1)  # as installed: see bench/run.py
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {a.repeat} runs each\n")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = ENV | {"LAWDIFF_CACHE": str(tmp / "cache")}
        if not a.skip_corpus:
            corpus_part(tmp, a.laws, a.repeat, env)
        diff_part(tmp, a.articles, a.big, a.repeat, env)


if __name__ == "__main__":
    main()
