"""Suspicious input is refused with one line and exit 2, not stored (issue 11): a law text that
ends mid-sentence or before its closing clause, fewer parts than its 目录 announces, a file that
repeats itself, a different text for a stored revision; control characters are removed with a
warning and never reach the terminal."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from lawdiff.cli.registry import build_app

from .conftest import F20, F24, LAWS

LAND = "土地管理法实施办法"
runner = CliRunner()


def lawdiff(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(build_app(), list(args))


def files(root: Path) -> dict[str, bytes]:
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def refused(r, *needles: str) -> None:  # type: ignore[no-untyped-def]
    assert r.exit_code == 2, (r.exit_code, r.stderr)
    assert r.stderr.startswith("error: ") and r.stderr.count("\n") == 1, r.stderr
    for n in needles:
        assert n in r.stderr, (n, r.stderr)


def cut_f24(tmp_path: Path, marker: str, *, keep_marker: bool = True) -> Path:
    """F24 cut inside the 2024 land measures (at ``marker``)."""
    text = F24.read_text(encoding="utf-8")
    at = text.index(marker)
    out = tmp_path / "cut.txt"
    out.write_text(text[: at + len(marker)] if keep_marker else text[:at], encoding="utf-8")
    return out


def test_a_gazette_cut_mid_sentence_is_refused(tmp_path: Path) -> None:
    cut = cut_f24(tmp_path, "征收土地预")
    r = lawdiff("ingest", str(cut), "--corpus", str(tmp_path / "laws"))
    refused(r, LAND, "ends mid-sentence", "征收土地预")
    assert not (tmp_path / "laws").exists()


def test_a_cut_gazette_never_replaces_the_full_text(tmp_path: Path) -> None:
    root = tmp_path / "laws"
    assert lawdiff("ingest", str(F24), "--corpus", str(root)).exit_code == 0  # no corrections
    before = files(root)
    r = lawdiff("ingest", str(cut_f24(tmp_path, "征收土地预")), "--corpus", str(root))
    refused(r, "ends mid-sentence")
    assert files(root) == before


def test_a_gazette_cut_between_articles_lacks_its_closing_clause(tmp_path: Path) -> None:
    text = F24.read_text(encoding="utf-8").split("\n")
    # the land measures' last article (第四十八条, the effective-date clause) and all after it
    land = next(i for i, ln in enumerate(text) if "征收土地预" in ln)  # inside the land measures
    last = next(i for i in range(land, len(text)) if text[i].lstrip(" \u3000").startswith("第四十八条"))
    cut = tmp_path / "cut.txt"
    cut.write_text("\n".join(text[:last]), encoding="utf-8")
    r = lawdiff("ingest", str(cut), "--corpus", str(tmp_path / "laws"))
    refused(r, LAND, "stops before its closing clause", "第四十七条")


def test_a_file_that_repeats_itself_is_refused(tmp_path: Path) -> None:
    twice = tmp_path / "twice.txt"
    twice.write_text((F24.read_text(encoding="utf-8") + "\n") * 3, encoding="utf-8")
    r = lawdiff("ingest", str(twice), "--corpus", str(tmp_path / "laws"))
    refused(r, "repeats itself")
    assert not (tmp_path / "laws").exists()


ESC = "\x1b[2J\x1b]0;pwned\x07\x1b[31m"


def test_escape_bytes_are_removed_with_a_warning(tmp_path: Path, corpus_copy: Path) -> None:
    lines = F20.read_text(encoding="utf-8").split("\n")
    assert lines[3564].lstrip().startswith("第三条")  # land measures 2020, art. 3
    lines[3564] = lines[3564][:6] + ESC + lines[3564][6:] + "\x9b1m"
    dirty = tmp_path / "dirty.txt"
    dirty.write_text("\n".join(lines), encoding="utf-8")
    before = files(corpus_copy)
    r = lawdiff("ingest", str(dirty), "--corpus", str(corpus_copy))
    assert r.exit_code == 0, r.stderr
    assert "warning:" in r.stderr and "removed 4 control" in r.stderr and "line 3565" in r.stderr
    assert "\x1b" not in r.stderr and "\x9b" not in r.stderr
    # removed exactly: the text is the seed's again, so the pinned corrections fit and nothing changes
    assert files(corpus_copy) == before
    show = lawdiff("show", LAND, "--rev", "2020", "--corpus", str(corpus_copy))
    assert "\x1b" not in show.stdout


def test_control_characters_never_reach_the_terminal() -> None:
    r = lawdiff("show", "\x1b]0;pwned\x07刑法", "--corpus", str(LAWS))
    assert r.exit_code == 2 and "\x1b" not in r.stderr and "\x07" not in r.stderr


def test_a_different_text_for_a_stored_revision_needs_force(tmp_path: Path) -> None:
    root = tmp_path / "laws"
    assert lawdiff("ingest", str(F20), "--corpus", str(root)).exit_code == 0
    lines = F20.read_text(encoding="utf-8").split("\n")
    assert lines[4062].startswith("关运行所需经费")  # 机关运行保障条例 2020, art. 3
    lines[4062] = lines[4062].replace("经费", "全部经费")
    changed = tmp_path / "changed.txt"
    changed.write_text("\n".join(lines), encoding="utf-8")
    before = files(root)
    r = lawdiff("ingest", str(changed), "--corpus", str(root))
    refused(r, "机关运行保障条例 2020-11-27", "第三条 differs", "运行所需{+全部+}经费、资产", "--force")
    assert files(root) == before
    r = lawdiff("ingest", str(changed), "--corpus", str(root), "--force")
    assert r.exit_code == 0, r.stderr
    assert "全部经费" in (root / "机关运行保障条例" / "2020-11-27.txt").read_text(encoding="utf-8")


TOC_TEXT = """山西省测试管理条例
目　　录
第一章　总　　则
第二章　管　　理
第三章　附　　则
第一章　总　　则
第一条　为了规范测试管理，制定本条例。
第二章　管　　理
第二条　测试应当依法进行。
"""


def test_fewer_parts_than_the_table_of_contents_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "toc.txt"
    src.write_text(TOC_TEXT, encoding="utf-8")
    r = lawdiff("import", str(src), "--corpus", str(tmp_path / "laws"))
    refused(r, "目录", "第三章")
    assert not (tmp_path / "laws").exists()
    src.write_text(TOC_TEXT + "第三章　附　　则\n第三条　本条例自2020年1月1日起施行。\n", encoding="utf-8")
    assert lawdiff("import", str(src), "--corpus", str(tmp_path / "laws")).exit_code == 0


def test_an_imported_text_that_repeats_itself_is_refused(tmp_path: Path) -> None:
    head = "山西省重复测试条例\n（2020年1月1日山西省第十三届人民代表大会常务委员会第十五次会议通过）\n"
    body = "".join(f"第{n}条　第{n}条的内容，依法规定如下事项。\n" for n in "一二三四五六七八九")
    body += "第十条　本条例自2020年3月1日起施行。\n"
    src = tmp_path / "law.txt"
    src.write_text(head + body, encoding="utf-8")
    assert lawdiff("import", str(src), "--corpus", str(tmp_path / "once")).exit_code == 0
    src.write_text(head + body + body, encoding="utf-8")
    r = lawdiff("import", str(src), "--corpus", str(tmp_path / "laws"))
    refused(r, "repeats itself")
    assert not (tmp_path / "laws").exists()


def test_a_stored_text_with_escape_bytes_is_refused_not_printed(corpus_copy: Path) -> None:
    """A text written by an older lawdiff (or by hand, with its sha256 updated) is not shown raw."""
    import hashlib
    import re

    text = corpus_copy / "机关运行保障条例" / "2020-11-27.txt"
    dirty = text.read_text(encoding="utf-8").replace("行政活动", "行政\x1b[31m活动", 1)
    text.write_text(dirty, encoding="utf-8")
    law = corpus_copy / "机关运行保障条例" / "law.yaml"
    digest = hashlib.sha256(dirty.encode()).hexdigest()
    law.write_text(
        re.sub(r"(text: 2020-11-27\.txt\n\s+sha256: )\w+", rf"\g<1>{digest}", law.read_text()),
        encoding="utf-8",
    )
    for args in (["show", "机关运行保障条例", "--rev", "2020-11-27"], ["blame", "机关运行保障条例"]):
        r = lawdiff(*args, "--corpus", str(corpus_copy))
        refused(r, "2020-11-27.txt:", "U+001B")
        assert "\x1b" not in r.stdout + r.stderr
