"""Damaged and strangely encoded input files (issue 11, on the readers of issue 9): a .docx that is
a zip of something else or lacks its parts, random bytes, a 0-byte file, a directory or a FIFO
where a file is expected, GBK/GB18030 text. Each is read correctly or refused in one line
(``InputError``); a refused import leaves the corpus, or the missing folder, as it was."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from lawdiff.cli.registry import build_app
from lawdiff.errors import InputError
from lawdiff.intake.importer import expand
from lawdiff.sources.readers import read_source

from .conftest import LAWS

runner = CliRunner()
LAW = "机关运行保障条例"
TEXT = (LAWS / LAW / "2020-11-27.txt").read_text(encoding="utf-8")


def snap(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def good_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real .docx of a shipped law, as lawdiff's own export writes it (python-docx)."""
    path = tmp_path_factory.mktemp("docx") / "good.docx"
    r = runner.invoke(build_app(), ["export", LAW, "--format", "docx", "--corpus", str(LAWS), "-o", str(path)])
    assert r.exit_code == 0, r.stderr
    return path.read_bytes()


def _parts(raw: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


DAMAGE = {
    "a zip of something else": lambda p: {"hello.txt": b"hi"},
    "no word/document.xml": lambda p: {k: v for k, v in p.items() if k != "word/document.xml"},
    "no [Content_Types].xml": lambda p: {k: v for k, v in p.items() if k != "[Content_Types].xml"},
    # python-docx raised AttributeError on these two (a traceback from `lawdiff import`)
    "[Content_Types].xml without its namespace": lambda p: {**p, "[Content_Types].xml": b"<Types/>"},
    "only content types and styles": lambda p: {"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<x/>"},
    "document.xml cut short": lambda p: {**p, "word/document.xml": p["word/document.xml"][:5000]},
    "no relationships": lambda p: {k: v for k, v in p.items() if "_rels" not in k},
    "numbering.xml broken": lambda p: {**p, "word/numbering.xml": b"<w:numbering xmlns:w='x'><w:abstractNum/>"},
    "styles.xml binary": lambda p: {**p, "word/styles.xml": b"\x00\x01garbage"},
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_docx_is_one_line(tmp_path: Path, good_docx: bytes, damage: str) -> None:
    path = tmp_path / "law.docx"
    path.write_bytes(_zip(DAMAGE[damage](_parts(good_docx))))
    with pytest.raises(InputError, match=r"law\.docx: not a readable \.docx"):
        read_source(path)


def test_a_docx_that_unpacks_to_gigabytes_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lawdiff.sources import docxfile

    monkeypatch.setattr(docxfile, "MAX_UNPACKED", 2 * 1024 * 1024)  # 512 MB in use: scaled down
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\x00" * (3 * 1024 * 1024))  # compresses to 3 KB
    assert path.stat().st_size < 10_000
    with pytest.raises(InputError, match="unpacks to 3 MB"):
        read_source(path)


def _fuzz(n: int) -> settings:
    return settings(max_examples=n, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow], phases=[Phase.explicit, Phase.generate])  # fmt: skip


@_fuzz(40)
@given(data=st.data())
def test_mutated_docx_parts_read_or_refuse(tmp_path_factory: pytest.TempPathFactory, good_docx: bytes, data: st.DataObject) -> None:
    """Any part dropped, cut or overwritten with random bytes: a text or an InputError, nothing else."""
    parts = _parts(good_docx)
    for _step in range(data.draw(st.integers(1, 3))):
        name = data.draw(st.sampled_from(sorted(parts)))
        how = data.draw(st.sampled_from(["drop", "cut", "bytes"]))
        if how == "drop":
            parts.pop(name)
        elif how == "cut":
            parts[name] = parts[name][: data.draw(st.integers(0, len(parts[name])))]
        else:
            at = data.draw(st.integers(0, max(0, len(parts[name]) - 1)))
            parts[name] = parts[name][:at] + data.draw(st.binary(min_size=1, max_size=64)) + parts[name][at + 64 :]
        if not parts:
            break
    path = tmp_path_factory.mktemp("fz") / "m.docx"
    path.write_bytes(_zip(parts))
    try:
        src = read_source(path)
    except InputError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
    else:
        assert src.format == "docx"


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_and_gb18030_text_reads_as_its_utf8_original(tmp_path: Path, encoding: str) -> None:
    utf8, other = tmp_path / "utf8.txt", tmp_path / f"{encoding}.txt"
    utf8.write_text(TEXT, encoding="utf-8")
    other.write_bytes(TEXT.encode(encoding))
    a, b = read_source(utf8), read_source(other)
    assert (b.title, b.note, b.body) == (a.title, a.note, a.body)
    assert "机关运行保障" in b.title


def test_an_import_of_gbk_stores_the_same_text(corpus_copy: Path, tmp_path: Path) -> None:
    src = tmp_path / "gbk.txt"
    src.write_bytes(TEXT.encode("gbk"))
    r = runner.invoke(build_app(), ["import", str(src), "--corpus", str(corpus_copy)])
    assert r.exit_code == 0, r.stderr
    assert (corpus_copy / LAW / "2020-11-27.txt").read_text(encoding="utf-8") == TEXT  # no mojibake


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(TEXT.encode()[:900] + "第九十九条　错误的编码。".encode("gbk") + TEXT.encode()[900:], id="a GBK line in UTF-8"),
        pytest.param(TEXT.encode()[:3001], id="cut inside a character"),
        pytest.param(bytes(range(256)) * 20, id="binary"),
        pytest.param("Loi sur l'égalité - é à ç".encode("latin-1"), id="latin-1"),
    ],
)
def test_text_in_no_encoding_lawdiff_reads_is_refused(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(raw)
    with pytest.raises(InputError, match="not text in UTF-8 or GB18030"):
        read_source(path)


@pytest.mark.parametrize(
    ("name", "content"),
    [("random.md", os.urandom(4000)), ("empty.txt", b""), ("random.docx", os.urandom(4000)), ("x.html", b"<html></html>")],
)
def test_a_refused_import_leaves_no_new_corpus_behind(tmp_path: Path, name: str, content: bytes) -> None:
    """Before: `import` of a refused file into a missing folder exited 2 but made the folder, with
    an empty index.yaml in it (a corpus nobody asked for). Now the folder stays missing, and an
    existing empty folder stays empty."""
    src = tmp_path / name
    src.write_bytes(content)
    missing, empty = tmp_path / "new", tmp_path / "empty"
    empty.mkdir()
    for root in (missing, empty):
        r = runner.invoke(build_app(), ["import", str(src), "--corpus", str(root)])
        assert r.exit_code == 2 and r.stderr.startswith("error: nothing imported") and "Traceback" not in r.stderr
    assert not missing.exists() and list(empty.iterdir()) == []


def test_a_refused_import_leaves_a_corpus_as_it_was(corpus_copy: Path, tmp_path: Path, good_docx: bytes) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.docx").write_bytes(_zip(DAMAGE["[Content_Types].xml without its namespace"](_parts(good_docx))))
    (src / "b.md").write_bytes(b"")
    (src / "dir.docx").mkdir()  # a folder with a .docx name is walked, not read
    os.mkfifo(src / "pipe.md")  # nobody writes it: read, it would hang the import
    os.symlink(src / "nowhere.md", src / "dangling.md")
    before = snap(corpus_copy)
    r = runner.invoke(build_app(), ["import", str(src), "--corpus", str(corpus_copy)])
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    assert snap(corpus_copy) == before
    assert sorted(p.name for p in expand([src])) == ["a.docx", "b.md"]


def test_a_text_dated_only_by_its_file_name_does_not_break_list_and_search(corpus_copy: Path, tmp_path: Path) -> None:
    """import stores a text without 题注 or effective clause under the date in its file name,
    with no adoption or effective date. Before: every `list` and `search` of the corpus then
    failed ('no dated revision in the corpus', exit 2) — one imported file broke the corpus
    for every law (seen importing a real collection of 660 regulations)."""
    body = TEXT.split("\n", 2)[2]  # without the 题注 line
    body = body.replace("本条例自2021年1月1日起施行。", "本条例自公布之日起施行。")
    src = tmp_path / "山西省测试管理条例(1999-05-04).txt"
    src.write_text("山西省测试管理条例\n\n" + body, encoding="utf-8")
    r = runner.invoke(build_app(), ["import", str(src), "--corpus", str(corpus_copy)])
    assert r.exit_code == 0, r.stderr
    r = runner.invoke(build_app(), ["list", "--format", "json", "--corpus", str(corpus_copy)])
    assert r.exit_code == 0, r.stderr
    import json

    row = next(x for x in json.loads(r.stdout) if x["id"] == "测试管理条例")
    assert row["status"] == "in-force" and row["effective_known"] is False
    r = runner.invoke(build_app(), ["show", "测试管理条例", "--corpus", str(corpus_copy)])
    assert r.exit_code == 0 and "the date that names the revision" in r.stdout
    r = runner.invoke(build_app(), ["search", "机关运行保障", "--all", "--corpus", str(corpus_copy)])
    assert r.exit_code == 0, r.stderr


@pytest.mark.parametrize(
    "args",
    [["show", "\udcff刑法"], ["blame", "\udcff"], ["search", "耕地\udcff"], ["log", "土地管理法实施办法", "-S", "\udcfe"],
     ["list", "--date", "2024\udcff"]],
)
def test_an_argument_in_bytes_that_are_not_utf8_is_one_line(args: list[str]) -> None:
    """`lawdiff show $'\\xff刑法'`: Python keeps the byte as a lone surrogate, which SQLite could
    not encode (UnicodeEncodeError traceback from the name lookup) nor a UTF-8 terminal print."""
    r = runner.invoke(build_app(), [*args, "--corpus", str(LAWS)])
    assert r.exit_code == 2 and r.stderr.startswith("error: an argument is not UTF-8 text: "), r.stderr
    assert "\udcff" not in r.stderr and "\\x" in r.stderr
