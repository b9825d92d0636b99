"""``lawdiff import`` throughput (MB/s, laws/s) against reading the same files, in one run.

    python bench/import_bench.py [--laws N] [--repeat R]

A directory of N generated consolidated texts (default 300) in the formats users bring — the
database's plain text (title over lines, 题注, 目录, U+3000 indents), LawRefBook Markdown (ASCII
marks, ``##`` headings, blank lines) and plain copies, a tenth as .docx — each law 20–120 articles
long with 编/章/节, 项 and 目, built from the real articles of the shipped corpus. Then, medians of
interleaved runs:

* whole process: ``lawdiff import DIR --corpus NEW`` (a fresh corpus each run) against a Python
  process that reads and decodes every file of DIR (``reading``: the import floor of the
  interpreter plus the bytes);
* in process: ``import_paths`` against the same reading loop.

Throughput is the bytes of DIR (and the laws in it) over the median import time.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lawdiff.corpus.reader import Corpus  # noqa: E402
from lawdiff.structure.numerals import int_to_cn  # noqa: E402

PY = sys.executable
READ = (
    "import sys, pathlib\n"
    "n = 0\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*')):\n"
    "    if p.is_file(): n += len(p.read_bytes().decode('utf-8', 'replace'))\n"
)


def real_paragraphs() -> list[str]:
    """Every 款 of the shipped texts, without its label: the words of the generated laws."""
    c = Corpus(ROOT / "laws")
    out = []
    for e in c.index():
        law = c.load_law(e.id)
        for r in law.revisions:
            if r.text_file:
                for art in c.load_text(law, r).articles:
                    out.extend(p.body for p in art.paragraphs)
    return out


def law_lines(i: int, rng: random.Random, paras: list[str]) -> tuple[str, str, list[str]]:
    """(title, 题注, body lines in the canonical form) of generated law ``i``."""
    title = f"示例市第{int_to_cn(i % 9999 + 1)}号公共事务管理条例"
    note = (
        f"（2015年{i % 12 + 1}月{i % 27 + 1}日示例市第十四届人民代表大会常务委员会第{int_to_cn(i % 30 + 1)}次会议通过　"
        f"根据2020年6月{i % 27 + 1}日示例市第十五届人民代表大会常务委员会第三次会议"
        f"《关于修改〈{title}〉的决定》修正）"
    )
    body: list[str] = []
    n_articles = rng.randint(20, 120)
    chapters = max(1, n_articles // 15)
    art = 0
    for ch in range(1, chapters + 1):
        body.append(f"第{int_to_cn(ch)}章\u3000规定{int_to_cn(ch)}")
        for _ in range(n_articles // chapters):
            art += 1
            body.append(f"第{int_to_cn(art)}条\u3000{rng.choice(paras)}")
            if rng.random() < 0.3:
                body.append(rng.choice(paras))
            if rng.random() < 0.2:
                body.append("（一）" + rng.choice(paras))
                body.append("（二）" + rng.choice(paras))
                if rng.random() < 0.5:
                    body += ["1．" + rng.choice(paras), "2．" + rng.choice(paras)]
    body.append(f"第{int_to_cn(art + 1)}条\u3000本条例自2016年1月1日起施行。")
    return title, note, body


def write_dir(folder: Path, n: int, seed: int = 9) -> tuple[int, int]:
    """N laws in mixed formats; (bytes, laws)."""
    rng = random.Random(seed)
    paras = real_paragraphs()
    folder.mkdir(parents=True)
    for i in range(n):
        title, note, body = law_lines(i, rng, paras)
        fmt = ("text", "markdown", "plain")[i % 3] if i % 10 else "docx"
        if fmt == "text":
            lines = [title[:3], title[3:], note, *("\u3000\u3000" + b if b.startswith("第") and "条" in b[:8] else b for b in body)]
            (folder / f"{i:05d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        elif fmt == "markdown":
            md = [f"# {title}", "", "2015年1月1日 示例市第十四届人民代表大会常务委员会第一次会议通过", "", "<!-- INFO END -->", ""]
            for b in body:
                md += [("## " + b) if "章\u3000" in b[:6] else b.replace("\u3000", " ", 1).replace("，", ","), ""]
            (folder / f"{i:05d}.md").write_text("\n".join(md), encoding="utf-8")
        elif fmt == "plain":
            lines = [title, note, *(b.replace("\u3000", " ", 1) for b in body)]
            (folder / f"{i:05d}-copy.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            from docx import Document

            doc = Document()
            for line in [title, note, *body]:
                doc.add_paragraph(line)
            doc.save(str(folder / f"{i:05d}.docx"))
    size = sum(p.stat().st_size for p in folder.iterdir())
    return size, n


def timed_pair(a: Callable[[], object], b: Callable[[], object], repeat: int) -> tuple[list[float], list[float]]:
    a(), b()  # warm-up
    ta: list[float] = []
    tb: list[float] = []
    for _ in range(repeat):  # interleaved, so drift hits both
        for fn, out in ((a, ta), (b, tb)):
            t = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t)
    return ta, tb


def report(name: str, base: str, ta: list[float], tb: list[float], size: int, laws: int) -> None:
    ma, mb = statistics.median(ta), statistics.median(tb)
    print(f"{name:44} median {ma:7.3f} s  min {min(ta):7.3f} s   {size / ma / 1e6:6.2f} MB/s  {laws / ma:7.1f} laws/s")
    print(f"  vs {base:40} median {mb:7.3f} s  min {min(tb):7.3f} s   {size / mb / 1e6:6.2f} MB/s")
    print(f"  ratio (median) {ma / mb:6.1f}x")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--laws", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    lawdiff = shutil.which("lawdiff") or str(Path(PY).parent / "lawdiff")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "texts"
        size, laws = write_dir(src, args.laws)
        print(f"python {sys.version.split()[0]}, {laws} generated laws, {size / 1e6:.2f} MB, {args.repeat} runs each\n")
        runs = iter(range(10_000))

        def whole() -> object:
            dest = Path(tmp) / f"c{next(runs)}"
            done = subprocess.run([lawdiff, "import", str(src), "--corpus", str(dest)], capture_output=True)
            assert done.returncode == 0, done.stderr.decode()[-500:]
            shutil.rmtree(dest)
            return done

        def reading() -> object:
            return subprocess.run([PY, "-c", READ, str(src)], check=True, capture_output=True)

        report("lawdiff import DIR (whole process)", "reading the files (whole process)", *timed_pair(whole, reading, args.repeat), size, laws)

        from lawdiff.intake.importer import import_paths

        def in_process() -> object:
            dest = Path(tmp) / f"c{next(runs)}"
            rep = import_paths([src], dest)
            assert len(rep.added) == laws, (len(rep.added), rep.skipped[:3])
            shutil.rmtree(dest)
            return rep

        def read_loop() -> object:
            return sum(len(p.read_bytes().decode("utf-8", "replace")) for p in sorted(src.rglob("*")))

        report("import_paths (in process)", "reading the files (in process)", *timed_pair(in_process, read_loop, args.repeat), size, laws)


if __name__ == "__main__":
    main()
