"""``-o`` as users expect it: through symlinks, into FIFOs and devices, atomic files with the
umask's mode, hard links kept, ``-o -`` is stdout, every view of diff and show (issue 11)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawdiff.cli.output import write_output
from lawdiff.cli.registry import build_app
from lawdiff.errors import InputError

from .conftest import LAWS

LAND = "土地管理法实施办法"
runner = CliRunner()


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "target.md"
    target.write_text("old\n")
    os.chmod(target, 0o640)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_output(link, "new\n")
    assert link.is_symlink() and target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # a replaced file keeps its mode
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "made.md")
    write_output(dangling, "x\n")
    assert (tmp_path / "made.md").read_text() == "x\n" and dangling.is_symlink()


def test_a_fifo_is_written_directly(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, "第一条　内容。\n")
    reader.join(timeout=10)
    assert got == ["第一条　内容。\n".encode()]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(os.listdir(tmp_path)) == ["pipe"]  # no temp file beside it


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod of a character device needs root")
def test_a_character_device_is_written_not_replaced(tmp_path: Path) -> None:
    dev = tmp_path / "null"
    os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a private /dev/null
    write_output(dev, b"PK\x03\x04 docx bytes")
    assert stat.S_ISCHR(os.lstat(dev).st_mode)


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_a_new_file_gets_the_mode_of_the_umask(tmp_path: Path, mask: int) -> None:
    old = os.umask(mask)
    try:
        write_output(tmp_path / "new.md", "x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o666 & ~mask


def test_hard_links_are_kept(tmp_path: Path) -> None:
    a = tmp_path / "a.md"
    a.write_text("old\n")
    os.link(a, tmp_path / "b.md")
    write_output(a, "new\n")
    assert (tmp_path / "b.md").read_text() == "new\n"
    assert a.stat().st_ino == (tmp_path / "b.md").stat().st_ino


def test_directories_and_missing_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        write_output(tmp_path, "x")
    with pytest.raises(InputError, match="does not exist"):
        write_output(tmp_path / "no" / "such.md", "x")


def test_an_interrupted_write_leaves_the_old_file(tmp_path: Path) -> None:
    """The content is renamed into place: a kill before the rename leaves the old file whole."""
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from lawdiff.cli import output\n"
        "real = os.replace\n"
        "def die(*a): os.kill(os.getpid(), 9)\n"
        "output.os.replace = die\n"
        f"output.write_output(Path({str(tmp_path / 'f.md')!r}), 'new' * 100000)\n"
    )
    (tmp_path / "f.md").write_text("old\n")
    subprocess.run([sys.executable, "-c", code], check=False)
    assert (tmp_path / "f.md").read_text() == "old\n"


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(build_app(), [*args, "--corpus", str(LAWS)])


@pytest.mark.parametrize(
    "view",
    [
        [],
        ["--side-by-side"],
        ["--stat"],
        ["--all"],
        ["--article", "12"],
        ["--format", "md"],
        ["--format", "json"],
        ["--format", "html"],
        ["--format", "docx"],
    ],
    ids=lambda v: " ".join(v) or "inline",
)
def test_every_diff_view_writes_its_file(tmp_path: Path, view: list[str]) -> None:
    out = tmp_path / "diff.out"
    r = invoke("diff", LAND, "2020", "2024", *view, "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "" and out.stat().st_size > 500
    if view[-1:] != ["docx"]:
        stdout = invoke("diff", LAND, "2020", "2024", *view).stdout
        if "--format" not in view:  # the text views: the same text as on stdout
            assert out.read_text(encoding="utf-8") == stdout


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_show_writes_its_file_and_dash_is_stdout(
    tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / f"show.{fmt}"
    r = invoke("show", LAND, "--rev", "2024", "--format", fmt, "-o", str(out))
    assert r.exit_code == 0 and r.stdout == ""
    plain = invoke("show", LAND, "--rev", "2024", "--format", fmt)
    assert out.read_text(encoding="utf-8") == plain.stdout
    dash = invoke("show", LAND, "--rev", "2024", "--format", fmt, "-o", "-")
    assert dash.stdout == plain.stdout and not Path("-").exists()


def test_export_dash_is_stdout(tmp_path: Path) -> None:
    r = runner.invoke(
        build_app(), ["export", LAND, "--rev", "2024", "-o", "-", "--corpus", str(LAWS)]
    )
    assert r.exit_code == 0 and r.stdout.startswith("# 山西省实施") and r.stderr == ""


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_search_writes_its_file_through_a_symlink_and_dash_is_stdout(
    tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """search had no -o (a usage error): it takes it as show and diff do."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "hits.txt"
    link = tmp_path / "link"
    link.symlink_to(target)
    plain = invoke("search", "耕地开垦费", "--all", "--format", fmt)
    assert plain.exit_code == 0 and "耕地开垦费" in plain.stdout
    r = invoke("search", "耕地开垦费", "--all", "--format", fmt, "-o", str(link))
    assert r.exit_code == 0 and r.stdout == "" and link.is_symlink()
    assert target.read_text(encoding="utf-8") == plain.stdout
    dash = invoke("search", "耕地开垦费", "--all", "--format", fmt, "-o", "-")
    assert dash.stdout == plain.stdout and not Path("-").exists()
