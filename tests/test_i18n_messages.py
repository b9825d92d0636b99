"""Messages speak the interface language (issue 13): one test per family, Chinese under
LAWDIFF_LANG=zh or LANG=zh_CN.UTF-8, the English unchanged under --lang en.

Families: one-line CLI errors (unknown law, not a corpus, -o errors, lock waiting/timeout),
corpus validation, import refusals and warnings, engine refusals (the frame translated, the
quoted law text kept), verify results, diff's fallback notes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from lawdiff.cli.registry import build_app
from lawdiff.corpus.lock import DirLock

from .conftest import LAWS

LAND = "土地管理法实施办法"
ZH_ENV = {"LAWDIFF_LANG": "zh"}
ZH_LOCALE = {"LANG": "zh_CN.UTF-8"}


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(build_app(), list(args), env=env)


def both(*args: str, zh_env: dict[str, str] = ZH_ENV):  # type: ignore[no-untyped-def]
    """The command in Chinese (environment) and in English (--lang en, same environment)."""
    return run(*args, env=zh_env), run(*args, "--lang", "en", env=zh_env)


def one_line(r, code: int = 2) -> str:  # type: ignore[no-untyped-def]
    assert r.exit_code == code, (r.exit_code, r.stdout, r.stderr)
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr
    return r.stderr.strip()


def test_unknown_law_and_not_a_corpus(tmp_path: Path) -> None:
    zh, en = both("show", "没有这部法规", "--corpus", str(LAWS), zh_env=ZH_LOCALE)
    assert one_line(zh).startswith("错误：未知法规 '没有这部法规'")
    assert one_line(en) == "error: unknown law '没有这部法规' (try 'lawdiff list')"
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    zh, en = both("list", "--corpus", str(tmp_path))
    assert one_line(zh) == f"错误：{tmp_path} 不是 lawdiff 语料库（没有 index.yaml）"
    assert one_line(en) == f"error: {tmp_path} is not a lawdiff corpus (no index.yaml)"
    zh, en = both("list", "--corpus", str(tmp_path / "nowhere"))
    assert one_line(zh) == f"错误：语料库目录 {tmp_path / 'nowhere'} 不存在"
    assert one_line(en) == f"error: corpus directory {tmp_path / 'nowhere'} does not exist"


def test_output_file_errors(tmp_path: Path) -> None:
    zh, en = both("show", LAND, "--corpus", str(LAWS), "-o", str(tmp_path))
    assert one_line(zh) == f"错误：无法写入 {tmp_path}：这是目录"
    assert one_line(en) == f"error: cannot write {tmp_path}: it is a directory"
    missing = tmp_path / "no" / "x.txt"
    zh, en = both("show", LAND, "--corpus", str(LAWS), "-o", str(missing))
    assert "错误：无法写入" in one_line(zh) and "不存在" in zh.stderr
    assert one_line(en) == f"error: cannot write {missing}: directory {missing.parent} does not exist"


def test_lock_waiting_and_timeout(corpus_copy: Path) -> None:
    held = DirLock(corpus_copy)
    held.exclusive()
    try:
        env = {**ZH_ENV, "LAWDIFF_LOCK_TIMEOUT": "0.2"}
        zh = run("list", "--corpus", str(corpus_copy), env=env)
        en = run("list", "--corpus", str(corpus_copy), "--lang", "en", env=env)
    finally:
        held.release()
    assert zh.exit_code == en.exit_code == 2
    assert f"正在等待另一个写入 {corpus_copy} 的 lawdiff 进程" in zh.stderr
    assert zh.stderr.strip().splitlines()[-1] == (
        f"错误：另一个 lawdiff 进程一直在写入 {corpus_copy}"
        "（已等待 0.2 秒；设置 LAWDIFF_LOCK_TIMEOUT 可等待更久）"
    )
    assert f"waiting for another lawdiff writing to {corpus_copy}…" in en.stderr
    assert en.stderr.strip().splitlines()[-1] == (
        f"error: another lawdiff kept writing to {corpus_copy} "
        "(waited 0.2 s; set LAWDIFF_LOCK_TIMEOUT to wait longer)"
    )


def test_corpus_validation_names_file_and_field(corpus_copy: Path) -> None:
    path = corpus_copy / LAND / "law.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["bogus"] = 1
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    zh, en = both("show", LAND, "--corpus", str(corpus_copy))
    assert one_line(zh).endswith("law.yaml: 未知字段 'bogus'") and one_line(zh).startswith("错误：")
    assert one_line(en).endswith("law.yaml: unknown field 'bogus'")
    data.pop("bogus")
    data["revisions"][0]["adopted"] = 1999
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    zh, en = both("show", LAND, "--corpus", str(corpus_copy))
    assert "字段 'adopted' 应为文本，而不是 1999" in one_line(zh)
    assert "field 'adopted' should be text, not 1999" in one_line(en)


def test_import_refusals_and_the_control_character_warning(tmp_path: Path) -> None:
    pdf = tmp_path / "law.txt"
    pdf.write_bytes(b"%PDF-1.7\n...")
    c = ["--corpus", str(tmp_path / "laws")]
    zh, en = both("import", str(pdf), *c, zh_env=ZH_LOCALE)
    assert "这是 PDF：请先提取文本（pdftotext -layout）" in one_line(zh)
    assert "a PDF: extract its text first (pdftotext -layout)" in one_line(en)
    cut = tmp_path / "cut.txt"
    cut.write_text(
        "某某条例\n（2020年1月1日某某省人民代表大会常务委员会通过）\n第一条　为了规范甲，制定本条例。\n"
        "第二条　本条例自2020年3月1日起施行。\n第三条　乙应当\x1b[31m遵守", encoding="utf-8"
    )  # fmt: skip
    zh, en = both("import", str(cut), *c)
    assert "警告：" in zh.stderr and "删除了 1 个控制字符或转义序列，第一个在第 5 行" in zh.stderr
    assert "错误：某某条例 2020-01-01：文本在句中中断（第三条：……" in zh.stderr
    assert "；未存入任何内容（--force 可强制存入）" in zh.stderr
    assert "warning: " in en.stderr and "removed 1 control character(s)" in en.stderr
    assert "error: 某某条例 2020-01-01: the text ends mid-sentence (第三条: …" in en.stderr
    assert "; nothing was stored (--force stores it anyway)" in en.stderr
    assert "\x1b" not in zh.stderr + en.stderr


BASE = "某某条例\n第一条　本条例所称劳动，是指甲。\n第二条　乙。\n第三条　本条例自公布之日起施行。"


@pytest.mark.parametrize(
    ("instruction", "chinese", "english"),
    [
        ("删去第九十九条。", "文本中没有第九十九条", "the text has no 第九十九条"),
        ("将第一条中的“丙”修改为“丁”。", "找不到“丙”", "“丙” not found"),
        ("将第三条、第三条合并修改为：“甲。”", "一条与自身合并", "an article is merged with itself"),
    ],
)
def test_engine_refusals_translate_the_frame_and_keep_the_law_text(
    tmp_path: Path, instruction: str, chinese: str, english: str
) -> None:
    (tmp_path / "base.txt").write_text(BASE, encoding="utf-8")
    (tmp_path / "d.txt").write_text(f"关于修改《某某条例》的决定\n一、{instruction}", encoding="utf-8")
    args = ("amend", "--base", str(tmp_path / "base.txt"), "--decision", str(tmp_path / "d.txt"))
    zh, en = both(*args)
    said, told = one_line(zh, 3), one_line(en, 3)
    assert said.startswith("错误：决定 d，第一项") and chinese in said, said
    assert told.startswith("error: decision d, instruction 一") and english in told, told
    assert f"[{instruction}]" in said and f"[{instruction}]" in told  # the instruction as written


def test_verify_results() -> None:
    zh, en = both("verify", LAND, "-v", "--corpus", str(LAWS))
    assert zh.exit_code == en.exit_code == 0
    assert "与公布的文本一致" in zh.stdout and "“基本农田”剩余 0 次，“永久基本农田”出现 8 次" in zh.stdout
    assert "text as published" not in zh.stdout
    assert "text as published" in en.stdout and "“基本农田” left 0x, “永久基本农田” present 8x" in en.stdout


def test_diff_says_why_it_fell_back_to_content(corpus_copy: Path) -> None:
    from .test_diff_decision import with_unparsable_decision

    law_id, old, new = with_unparsable_decision(corpus_copy)
    zh, en = both("diff", law_id, old, new, "--corpus", str(corpus_copy))
    assert zh.exit_code == en.exit_code == 0, zh.stderr
    assert "按内容对齐：无法解析决定 2020-11-27-" in zh.stdout + zh.stderr
    assert "aligned by content: decision 2020-11-27-" in en.stdout + en.stderr
    assert "cannot be parsed" in en.stdout + en.stderr
