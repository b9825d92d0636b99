"""The derived index (corpus/cache.py, corpus/catalog.py): rebuilt when files change under it,
repaired when missing, damaged or busy, and never different from what the files say."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from lawdiff.corpus import cache
from lawdiff.corpus.reader import Corpus
from lawdiff.corpus.schema import law_from_dict
from lawdiff.corpus.timeline import list_record, listing_points
from lawdiff.corpus.yamlio import load
from lawdiff.errors import CorpusError, InputError
from lawdiff.export.listing import list_rows

from .conftest import LAWS

LAND = "土地管理法实施办法"


def _replace_in_place(path: Path, old: str, new: str, *, keep_mtime: bool = False) -> None:
    """Edit a file where it is (same inode), as an editor saving in place does."""
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    with open(path, "r+", encoding="utf-8") as fh:
        fh.seek(0)
        fh.write(text.replace(old, new))
        fh.truncate()
    if keep_mtime:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_a_law_file_changed_in_place_is_read_again(corpus_copy: Path) -> None:
    c = Corpus(corpus_copy)
    assert c.load_law(LAND).title.startswith("山西省实施")
    # same size (one CJK character for another), same inode, same mtime: only the content differs;
    # the file was indexed right after it was written, so the index compares it by content
    law_yaml = corpus_copy / LAND / "law.yaml"
    c2 = Corpus(corpus_copy)
    _replace_in_place(law_yaml, "title: 山西省实施", "title: 山西省执行", keep_mtime=True)
    os.utime(law_yaml)  # now: a file younger than the racy window when indexed below
    Corpus(corpus_copy).load_law(LAND)
    st = law_yaml.stat()
    _replace_in_place(law_yaml, "title: 山西省执行", "title: 山西省落实")
    os.utime(law_yaml, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert law_yaml.stat().st_size == st.st_size and law_yaml.stat().st_ino == st.st_ino
    assert Corpus(corpus_copy).load_law(LAND).title.startswith("山西省落实")
    assert c2.load_law(LAND).title.startswith("山西省落实")


def test_names_follow_index_yaml(corpus_copy: Path) -> None:
    c = Corpus(corpus_copy)
    with pytest.raises(InputError, match="unknown law"):
        c.resolve("土地办法")
    index = corpus_copy / "index.yaml"
    text = index.read_text(encoding="utf-8").replace(
        f"  short_title: {LAND}\n", f"  short_title: {LAND}\n  aliases:\n  - 土地办法\n", 1
    )
    index.write_text(text, encoding="utf-8")
    assert Corpus(corpus_copy).resolve("土地办法") == LAND
    assert Corpus(corpus_copy).resolve("《山西省实施〈中华人民共和国土地管理法〉办法》") == LAND
    with pytest.raises(InputError, match="ambiguous law name"):
        Corpus(corpus_copy).resolve("条例")


def test_list_follows_a_repeal_written_under_it(corpus_copy: Path) -> None:
    day = date(2025, 1, 1)
    before = {r["id"]: r for r in list_rows(Corpus(corpus_copy), day)}
    assert before[LAND]["status"] == "in-force"
    law_yaml = corpus_copy / LAND / "law.yaml"
    text = law_yaml.read_text(encoding="utf-8")
    law_yaml.write_text(text.replace("\nrevisions:\n", "\nrepealed: '2024-12-31'\nrevisions:\n", 1), encoding="utf-8")
    after = {r["id"]: r for r in list_rows(Corpus(corpus_copy), day)}
    assert after[LAND]["status"] == "repealed" and after[LAND]["repealed"] == "2024-12-31"
    assert {k: v for k, v in after.items() if k != LAND} == {k: v for k, v in before.items() if k != LAND}


@pytest.mark.parametrize("damage", ["deleted", "garbage", "other format", "truncated"])
def test_a_missing_or_damaged_index_is_rebuilt(corpus_copy: Path, damage: str) -> None:
    day = date(2025, 1, 1)
    want = list_rows(Corpus(corpus_copy), day)
    path = cache.index_file(corpus_copy)
    assert path.exists()
    if damage == "deleted":
        path.unlink()
    elif damage == "garbage":
        path.write_bytes(b"this is not a database" * 100)
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:3000])
    else:
        db = sqlite3.connect(path)
        db.execute("PRAGMA user_version = 999")
        db.commit()
        db.close()
    assert list_rows(Corpus(corpus_copy), day) == want
    assert Corpus(corpus_copy).resolve("土地管理法") == LAND
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == cache.FORMAT  # rebuilt in place


def test_a_busy_or_unwritable_index_is_done_without(corpus_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    day = date(2025, 1, 1)
    want = list_rows(Corpus(corpus_copy), day)
    (corpus_copy / LAND / "law.yaml").touch()  # something to refresh
    other = sqlite3.connect(cache.index_file(corpus_copy), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another command writing, for longer than we wait
    monkeypatch.setattr(cache, "BUSY", 0.05)
    try:
        assert list_rows(Corpus(corpus_copy), day) == want
        assert Corpus(corpus_copy).load_law(LAND).id == LAND
    finally:
        other.execute("ROLLBACK")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv(cache.ENV, str(blocker / "cache"))  # no cache folder can be made here
    assert list_rows(Corpus(corpus_copy), day) == want


def test_a_command_naming_a_law_reads_only_that_law(corpus_copy: Path) -> None:
    """A broken law.yaml elsewhere does not stop show/resolve of another law; list names it."""
    broken = corpus_copy / "机关运行保障条例" / "law.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    c = Corpus(corpus_copy)
    assert c.load_law(c.resolve("土地管理法实施办法")).id == LAND
    with pytest.raises(CorpusError, match="机关运行保障条例"):
        list_rows(Corpus(corpus_copy), date(2025, 1, 1))


def test_list_rows_from_the_index_are_the_rows_from_the_files() -> None:
    """For every shipped law, on every day its status changes and the days around it."""
    c = Corpus(LAWS)
    laws = {e.id: law_from_dict(load(LAWS / e.id / "law.yaml"), e.id) for e in c.index()}
    days = {date(1990, 1, 1), date.today()}
    for law in laws.values():
        for since, _ in listing_points(law):
            d = date.fromisoformat(since)
            days |= {d, d - timedelta(days=1), d + timedelta(days=1)} if d > date.min else set()
    assert len(days) > 20
    for day in sorted(days):
        rows = list_rows(c, day)
        assert [r["id"] for r in rows] == [e.id for e in c.index()]
        assert rows == [json.loads(json.dumps(list_record(laws[r["id"]], day))) for r in rows], day


def test_list_formats_stream_the_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from lawdiff.cli import app
    from lawdiff.export import listing

    runner = CliRunner()
    args = ["list", "--corpus", str(LAWS), "--date", "2025-01-01"]
    want = list_rows(Corpus(LAWS), date(2025, 1, 1))
    r = runner.invoke(app, [*args, "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout) == want
    assert len(r.stdout.splitlines()) == len(want) + 2  # one law a line, between [ and ]
    r = runner.invoke(app, [*args, "--format", "tsv"])
    lines = r.stdout.splitlines()
    assert lines[0].split("\t") == list(listing.TSV_COLUMNS) and len(lines) == len(want) + 1
    land = next(line.split("\t") for line in lines if line.startswith(LAND + "\t"))
    assert land[3:8] == ["in-force", "true", "", "", ""] and land[-1] == "2020-11-27,2024-03-28"
    monkeypatch.setattr(listing, "TABLE_ROWS", 10)  # a "large" corpus: plain lines, no table
    r = runner.invoke(app, args)
    assert r.exit_code == 0 and "┃" not in r.stdout and len(r.stdout.splitlines()) == len(want)
    assert any(line.startswith(LAND + " ") and "in force" in line for line in r.stdout.splitlines())


def test_a_build_killed_halfway_leaves_an_index_that_tells_the_truth(corpus_copy: Path) -> None:
    """kill -9 during the first build of the text index: the next search answers as a clean one."""
    import signal
    import subprocess
    import sys
    import time

    from lawdiff.compare.lineage import group
    from lawdiff.query.search import find

    def answers() -> list[list[tuple[str, str, str]]]:
        c = Corpus(corpus_copy)
        return [
            [(s.law, s.label, s.first) for s in group(c, find(c, phrase), on=None, every=True)]
            for phrase in ("耕地开垦费", "土地利用", "煤成（层）气", "选举委员会")
        ]

    build = (
        "from lawdiff.corpus.reader import Corpus\n"
        "from lawdiff.query.textindex import TextIndex\n"
        f"TextIndex(Corpus({str(corpus_copy)!r})).refresh()\n"
    )
    want = answers()  # from a build nothing interrupted
    for delay in (0.2, 0.4, 0.7):
        cache.index_file(corpus_copy).unlink(missing_ok=True)
        proc = subprocess.Popen([sys.executable, "-c", build])
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert answers() == want, delay


def _page_of(path: Path, table: str) -> tuple[int, int]:
    """Offset and size of the root page of ``table`` in the index file."""
    db = sqlite3.connect(path)
    size = db.execute("PRAGMA page_size").fetchone()[0]
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    db.close()
    return (root - 1) * size, size


@pytest.mark.parametrize(
    ("args", "table"),
    [
        (["list", "--format", "json"], "listing"),
        (["list", "--format", "tsv"], "entries"),
        (["show", LAND, "--format", "json"], "laws"),
        (["search", "耕地开垦费", "--all", "--format", "json"], "units"),
        (["log", LAND, "--format", "json"], "comparison_deps"),
        (["diff", LAND, "2020", "2024", "--format", "json"], "comparison_data"),
    ],
)
def test_an_index_damaged_inside_is_removed_and_the_command_answers_from_the_files(
    corpus_copy: Path, args: list[str], table: str
) -> None:
    """SQLite finds a malformed page only when it reads it, long after the file opened: the
    command is run again with the index in memory (same output, a note), the file removed."""
    from typer.testing import CliRunner

    from lawdiff.cli.registry import build_app

    runner = CliRunner()
    cmd = [*args, "--corpus", str(corpus_copy)]
    want = runner.invoke(build_app(), cmd)
    assert want.exit_code == 0, want.stderr
    path = cache.index_file(corpus_copy)
    offset, size = _page_of(path, table)
    with open(path, "r+b") as fh:
        fh.seek(offset)
        fh.write(bytes(range(256)) * (size // 256))
    got = runner.invoke(build_app(), cmd)
    assert got.exit_code == 0 and "Traceback" not in got.stderr, got.stderr
    assert got.stdout == want.stdout
    assert "derived index" in got.stderr and "malformed" in got.stderr
    again = runner.invoke(build_app(), cmd)  # rebuilt: quiet again
    assert again.exit_code == 0 and again.stdout == want.stdout and "derived index" not in again.stderr


def test_an_index_row_that_does_not_decode_is_damage_too(corpus_copy: Path) -> None:
    from typer.testing import CliRunner

    from lawdiff.cli.registry import build_app

    runner = CliRunner()
    cmd = ["show", LAND, "--format", "json", "--corpus", str(corpus_copy)]
    want = runner.invoke(build_app(), cmd)
    listing = ["list", "--format", "tsv", "--corpus", str(corpus_copy)]
    want_list = runner.invoke(build_app(), listing)
    db = sqlite3.connect(cache.index_file(corpus_copy))
    db.execute("UPDATE laws SET data = '{\"id\": [' WHERE id = ?", (LAND,))
    db.execute("UPDATE listing SET row = '{broken}' WHERE law = ?", (LAND,))
    db.commit()
    db.close()
    got = runner.invoke(build_app(), cmd)
    assert got.exit_code == 0 and got.stdout == want.stdout, got.stderr
    got = runner.invoke(build_app(), listing)
    assert got.exit_code == 0 and got.stdout == want_list.stdout, got.stderr


def test_an_index_that_fails_after_output_began_is_one_line(corpus_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run twice, the command would print its first part twice: the failure is an error then."""
    from typer.testing import CliRunner

    from lawdiff.cli import read
    from lawdiff.cli.registry import build_app

    def failing(lines):  # type: ignore[no-untyped-def]
        read.out("[\n")
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(read, "_stream", failing)
    r = CliRunner().invoke(build_app(), ["list", "--format", "json", "--corpus", str(corpus_copy)])
    assert r.exit_code == 2 and r.stdout == "[\n"
    assert r.stderr.strip().startswith("error: the derived index") and len(r.stderr.strip().splitlines()) == 1
    assert not cache.index_file(corpus_copy).exists()  # the next command builds it again


def test_a_busy_index_holding_some_laws_lists_every_law(corpus_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The index knows one law (a `show`); another command holds it for writing while `list`
    needs the other 35. Before: `list` moved to memory half-way and printed the one law of the
    old index (the rows it had read before the move): 1 law of 36, exit 0."""
    want = list_rows(Corpus(LAWS), date(2025, 1, 1))
    c = Corpus(corpus_copy)
    c.load_law(c.resolve("土地管理法实施办法"))  # the index: names and one law
    other = sqlite3.connect(cache.index_file(corpus_copy), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(cache, "BUSY", 0.05)
    try:
        got = list_rows(Corpus(corpus_copy), date(2025, 1, 1))
    finally:
        other.execute("ROLLBACK")
    assert got == want and len(got) == 36


def test_an_index_on_a_full_disk_is_done_without(corpus_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLITE_FULL at COMMIT (the disk fills while the index is built): the rows of the failed
    transaction are gone. Before: the failure was swallowed and `list` printed the empty tables
    ('[]', exit 0), or a traceback came from the ROLLBACK of a transaction SQLite had ended."""
    from typer.testing import CliRunner

    from lawdiff.cli.registry import build_app

    runner = CliRunner()
    cmds = [["list", "--format", "json"], ["search", "耕地开垦费", "--all"], ["log", LAND], ["show", LAND]]
    want = [runner.invoke(build_app(), [*c, "--corpus", str(LAWS)]).stdout for c in cmds]
    real = cache._open

    def small_disk(path: Path, root: Path) -> sqlite3.Connection:
        db = real(path, root)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + 3}")  # SQLITE_FULL past a few more pages
        return db

    monkeypatch.setattr(cache, "_open", small_disk)
    for c, w in zip(cmds, want, strict=True):
        cache.index_file(corpus_copy).unlink(missing_ok=True)
        r = runner.invoke(build_app(), [*c, "--corpus", str(corpus_copy)])
        assert r.exit_code == 0 and "Traceback" not in r.stderr, r.stderr
        assert r.stdout == w.replace(str(LAWS), str(corpus_copy)), c
        assert "cannot be written (" in r.stderr and "database or disk is full)" in r.stderr
