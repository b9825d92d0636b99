"""Comparisons prepared by ``import`` (compare/precompute.py): a big pair's first ``diff`` is a
lookup, small imports prepare nothing, and a kill or an interrupt while preparing leaves the
corpus as committed and the index consistent."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import lawdiff.compare.diffing as diffing
from lawdiff.cli import app
from lawdiff.compare import precompute
from lawdiff.corpus import cache
from lawdiff.corpus.reader import Corpus

from .generate import render, text_pair

runner = CliRunner()
LAW = "山西省基准对照条例"
NAME = "基准对照条例"
ENACTED = "2000年1月1日山西省第九届人民代表大会常务委员会第十四次会议通过"
REVISED = "2020年1月1日山西省第十三届人民代表大会常务委员会第十五次会议修订"


def write_pair(folder: Path, n: int) -> Path:
    """The two revisions of a generated law of ``n`` articles (as bench/scale_bench.py)."""
    old, new, _ = text_pair(n, seed=3)
    folder.mkdir(parents=True)
    (folder / "2000.txt").write_text(render(LAW, f"（{ENACTED}）", [("", old)]), encoding="utf-8")
    (folder / "2020.txt").write_text(render(LAW, f"（{ENACTED}　{REVISED}）", [("", new)]), encoding="utf-8")
    return folder


def kept_rows(corpus: Path) -> list[tuple[str, str]]:
    """(key, kind) of every comparison datum in the corpus's index."""
    db = sqlite3.connect(cache.index_file(corpus))
    try:
        return sorted(db.execute("SELECT key, kind FROM comparison_data"))
    except sqlite3.OperationalError:  # no comparison table: nothing was ever kept
        return []
    finally:
        db.close()


def snap(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pair just over the threshold, and what its diff says computed from scratch."""
    n = 1
    while True:  # the smallest generated pair the threshold calls big (about 270 articles)
        old, new, _ = text_pair(n, seed=3)
        chars = sum(len(render(LAW, "", [("", x)])) for x in (old, new))
        if chars >= precompute.MIN_CHARS:
            break
        n += 40
    return write_pair(tmp_path_factory.mktemp("big") / "texts", n)


def fresh_json(corpus: Path) -> str:
    """The diff computed with no index at all (another cache folder)."""
    from lawdiff.export.diffjson import diff_json

    env_cache = os.environ["LAWDIFF_CACHE"]
    os.environ["LAWDIFF_CACHE"] = env_cache + "-fresh"
    try:
        c = Corpus(corpus)
        law = c.load_law(c.resolve(NAME))
        a, b = law.chronological()
        return diff_json(diffing.compare_texts(law, a, b, c.load_text(law, a), c.load_text(law, b), corpus=c))
    finally:
        os.environ["LAWDIFF_CACHE"] = env_cache


def test_import_of_a_big_pair_prepares_its_diff(
    big: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "laws"
    r = runner.invoke(app, ["import", str(big), "--corpus", str(corpus), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert len(json.loads(r.stdout)["added"]) == 2
    key = f"{NAME}\x002000-01-01\x002020-01-01"
    assert kept_rows(corpus) == [(key, "cmp"), (key, "json")]
    db = sqlite3.connect(cache.index_file(corpus))
    indexed = {path for (path,) in db.execute("SELECT path FROM files")}
    db.close()
    assert indexed == {"index.yaml", f"{NAME}/law.yaml"}  # the diff resolves the name from the index
    want = fresh_json(corpus)

    def refuse(*args, **kw):  # type: ignore[no-untyped-def]
        raise AssertionError("computed again: the prepared comparison was not used")

    monkeypatch.setattr(diffing, "compare_texts", refuse)
    args = ["diff", NAME, "2000", "2020", "--corpus", str(corpus)]
    r = runner.invoke(app, [*args, "--format", "json"])
    assert r.exit_code == 0 and r.stdout == want
    r = runner.invoke(app, [*args, "--stat"])  # the other views take the kept comparison too
    assert r.exit_code == 0 and "modified" in r.stdout
    # importing the same texts again writes nothing and prepares nothing new
    r = runner.invoke(app, ["import", str(big), "--corpus", str(corpus)])
    assert r.exit_code == 0 and kept_rows(corpus) == [(key, "cmp"), (key, "json")]


def test_a_new_revision_imported_later_is_prepared_against_the_stored_one(big: Path, tmp_path: Path) -> None:
    """Two imports, one text each: the second pairs its new text with the one already stored."""
    corpus = tmp_path / "laws"
    for name in ("2000.txt", "2020.txt"):
        r = runner.invoke(app, ["import", str(big / name), "--corpus", str(corpus)])
        assert r.exit_code == 0, r.output
    key = f"{NAME}\x002000-01-01\x002020-01-01"
    assert kept_rows(corpus) == [(key, "cmp"), (key, "json")]
    r = runner.invoke(app, ["diff", NAME, "2000", "2020", "--format", "json", "--corpus", str(corpus)])
    assert r.exit_code == 0 and r.stdout == fresh_json(corpus)


def test_small_imports_prepare_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lawdiff.compare import diffcache

    seen: list[object] = []
    real = precompute.written_texts
    monkeypatch.setattr(precompute, "written_texts", lambda *a: seen.append(real(*a)) or seen[-1])
    monkeypatch.setattr(diffcache, "kept", lambda *a: seen.append("index opened") or True)
    corpus = tmp_path / "laws"
    r = runner.invoke(app, ["import", str(write_pair(tmp_path / "small", 60)), "--corpus", str(corpus)])
    assert r.exit_code == 0, r.output
    assert len(seen) == 1 and list(seen[0]) == [NAME]  # type: ignore[arg-type]
    assert kept_rows(corpus) == []


def run(*args: str, failpoint: str = "", cache_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LAWDIFF_FAILPOINT": failpoint}
    if cache_dir is not None:
        env["LAWDIFF_CACHE"] = str(cache_dir)
    return subprocess.run(
        [sys.executable, "-m", "lawdiff", *args], capture_output=True, text=True, env=env, timeout=300
    )


@pytest.mark.parametrize("point", ["comparison-stored:1", "comparison-stored:1:INT"])
def test_a_kill_while_preparing_leaves_the_corpus_as_committed(
    big: Path, tmp_path: Path, point: str
) -> None:
    """kill -9 (or SIGINT) inside the index transaction that keeps the comparison: the import
    is complete, the corpus is what a clean import writes, the index answers as a clean one."""
    clean, crashed = tmp_path / "clean", tmp_path / "crashed"
    r = run("import", str(big), "--corpus", str(clean), "--format", "json")
    assert r.returncode == 0, r.stderr
    r = run("import", str(big), "--corpus", str(crashed), "--format", "json", failpoint=point)
    if point.endswith("INT"):
        assert r.returncode == 0 and "interrupted after the write was complete" in r.stderr
    else:
        assert r.returncode == -9
    assert "Traceback" not in r.stderr
    assert len(json.loads(r.stdout)["added"]) == 2  # printed before the comparisons were prepared
    assert snap(crashed) == snap(clean) and not (crashed / ".lawdiff").exists()
    assert kept_rows(crashed) == []  # the index transaction rolled back
    r = run("diff", NAME, "2000", "2020", "--format", "json", "--corpus", str(crashed))
    assert r.returncode == 0 and r.stdout == fresh_json(crashed)
    assert len(kept_rows(crashed)) == 2  # kept by that diff


def test_without_a_writable_cache_nothing_is_prepared_and_nothing_said(big: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    r = run("import", str(big), "--corpus", str(tmp_path / "laws"), cache_dir=blocked)
    assert r.returncode == 0 and r.stderr == ""
    r = run("diff", NAME, "2000", "2020", "--format", "json", "--corpus", str(tmp_path / "laws"), cache_dir=blocked)
    assert r.returncode == 0 and r.stdout == fresh_json(tmp_path / "laws")
