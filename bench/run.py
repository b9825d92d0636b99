"""Benchmarks, each reported as a ratio against a baseline measured in the same run.

    python bench/run.py [--repeat N]

* ingest of each seed gazette (cold process, into a scratch copy of the corpus)
  vs the import floor of the dependencies;
* in-process ingest of each seed vs reading and splitting its lines;
* ``lawdiff show 土地管理法实施办法`` (cold process) vs
  ``python -c "import typer, rich.console, yaml, regex"``.

Targets (from the issue): ingest of the larger seed under 1 s; show at most
1.2x the import floor.  Medians are quoted; the machine is shared and noisy,
so the minimum is printed too.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
F20 = SEEDS / "002_f9dcfa5168cf5bdd.txt"
F24 = SEEDS / "000_60d6c19b54ac4664.txt"
PY = sys.executable
FLOOR = [PY, "-c", "import typer, rich.console, yaml, regex"]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


# A cold process as a user's: the package compiled to bytecode, as pip installs it. With
# PYTHONDONTWRITEBYTECODE set (some shells do) a source checkout would be recompiled on every
# run, which measures the compiler, not lawdiff (+20 % on ``show``).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(cmd: list[str]) -> Callable[[], object]:
    return lambda: subprocess.run(
        cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV
    )


def pair(
    name: str, a: Callable[[], object], base_name: str, b: Callable[[], object], repeat: int
) -> None:
    a(), b()  # warm-up (page cache, .pyc)
    ta: list[float] = []
    tb: list[float] = []
    for _ in range(repeat):  # interleaved, so drift hits both
        ta += timed(a, 1)
        tb += timed(b, 1)
    ma, mb = statistics.median(ta), statistics.median(tb)
    print(f"{name:58} median {ma * 1000:8.1f} ms  min {min(ta) * 1000:8.1f} ms")
    print(f"  vs {base_name:54} median {mb * 1000:8.1f} ms  min {min(tb) * 1000:8.1f} ms")
    print(f"  ratio (median) {ma / mb:6.2f}x   ratio (min) {min(ta) / min(tb):6.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    n = args.repeat
    sys.path.insert(0, str(ROOT))
    compileall.compile_dir(ROOT / "lawdiff", quiet=1)
    from lawdiff.intake.ingest import ingest

    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "laws"
        shutil.copytree(ROOT / "laws", scratch)
        print(f"python {sys.version.split()[0]}, {n} runs each\n")
        for seed in (F24, F20):
            label = f"{seed.name} ({seed.stat().st_size // 1024} KiB)"
            pair(
                f"ingest {label}, in process",
                lambda s=seed: ingest(s, scratch),  # type: ignore[misc]
                "read + split lines",
                lambda s=seed: s.read_text(encoding="utf-8").split("\n"),  # type: ignore[misc]
                n,
            )
            pair(
                f"lawdiff ingest {seed.name}, cold process",
                run([PY, "-m", "lawdiff", "ingest", str(seed), "--corpus", str(scratch)]),
                "import floor",
                run(FLOOR),
                n,
            )
        pair(
            "lawdiff show 土地管理法实施办法, cold process",
            run([PY, "-m", "lawdiff", "show", "土地管理法实施办法", "--corpus", str(scratch)]),
            'python -c "import typer, rich.console, yaml, regex"',
            run(FLOOR),
            max(n, 25),
        )
        _extra(scratch, n)


def _extra(scratch: Path, n: int) -> None:
    """The amendment engine (bench/amend_bench.py)."""
    sys.path.insert(0, str(ROOT))
    from bench import amend_bench

    amend_bench.run(scratch, n, pair)


if __name__ == "__main__":
    main()
