"""Words, not class names: summaries in English and Chinese; Chinese tables; --lang en unchanged."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from lawdiff.amend import ops
from lawdiff.amend.summary import OP_COUNTS, _op_counts
from lawdiff.cli import build_app
from lawdiff.export import words

from .conftest import LAWS

LAND = "土地管理法实施办法"
ZH = {"LANG": "zh_CN.UTF-8"}


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(build_app(), [*args, "--corpus", str(LAWS)], env=env)


def test_the_2020_decision_in_words() -> None:
    rows = json.loads(run("history", LAND, "--format", "json").stdout)["revisions"]
    changes = rows[2]["changes"]
    assert changes == {
        "source": "decision", "decision": "2020-11-27-修改-土地管理法实施办法等", "instructions": 10,
        "counts": {"terms_replaced": 3, "articles_deleted": 21, "units_deleted": 6,
                   "words_deleted": 3, "articles_merged": 1, "paragraphs_added": 1,
                   "articles_replaced": 1},
    }  # fmt: skip
    counts = changes["counts"]
    assert words.decision_summary(10, counts, "zh") == (
        "10 项修改：替换用语 3 处、删除 21 条、删除 6 款（项）、删去文字 3 处、合并 1 条、增加 1 款、修改 1 条"
    )
    assert words.decision_summary(10, counts, "en") == (
        "10 instructions: terms replaced in 3 places, 21 articles deleted, 6 paragraphs/items "
        "deleted, words deleted in 3 places, 1 merge of articles, 1 paragraph added, "
        "1 article rewritten"
    )


def test_history_says_it_in_chinese_and_the_revision_by_its_diff() -> None:
    r = run("history", LAND, env=ZH)
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    for word in ("版本", "通过日期", "施行日期", "修改内容", "第二次修正", "修订", "未收录"):
        assert word in out, word
    assert "替换用语 3 处、删除 21 条、删除 6 款（项）、删去文字 3 处" in out
    # the 2024 修订: the counts of the content diff against 2020
    assert "修改 9 条、移动 3 条、新增 35 条、删除 24 条" in out
    for english in ("ReplaceTerms", "AddParagraphs", "not in corpus", "revision", "amended"):
        assert english not in out, english


def test_list_in_chinese_and_english() -> None:
    zh = run("list", "--date", "2026-11-23", env=ZH).stdout
    for word in ("简称", "标题", "时效性", "最新版本", "有效", "已废止（2021-01-01）", "地方性法规"):
        assert word in zh, word
    assert "in force" not in zh and "repealed" not in zh
    en = run("list", "--date", "2026-11-23", "--lang", "en", env=ZH).stdout
    assert "short name" in en and "repealed 2021-01-01" in en and "有效" not in en
    assert "in force (effective date not in corpus)" in en


def test_piped_tables_keep_every_title_on_one_line() -> None:
    out = run("list").stdout  # CliRunner's stdout is not a terminal
    assert "临汾市农村自建房屋质量管理办法" in out
    assert "山西省实施《中华人民共和国土地管理法》办法" in out
    hist = run("history", LAND).stdout
    assert "关于修改《山西省实施〈中华人民共和国土地管理法〉办法》的决定" in hist


def test_every_operation_has_a_count_and_words() -> None:
    classes = [c for c in vars(ops).values() if isinstance(c, type) and issubclass(c, ops.Op)]
    said = words._op_words("zh")
    for cls in classes:
        if cls is ops.Op:
            continue
        fields = {f: None for f in cls.__dataclass_fields__}
        op = cls.__new__(cls)
        for k in fields:
            object.__setattr__(op, k, () if k in ("targets", "texts", "cells", "pairs", "positions", "phrases") else None)
        keys = [k for k, _n in _op_counts(op)] if cls not in (ops.DeleteUnits,) else ["articles_deleted"]
        assert "other_changes" not in keys, cls.__name__
        assert words.op_word(cls.__name__, "zh") != cls.__name__, cls.__name__
    assert set(said) == set(OP_COUNTS)


def test_log_and_verify_in_words() -> None:
    log = run("log", LAND, env=ZH).stdout
    assert "与 2020-11-27 相比（按内容相似度对齐）：未改 1 条、修改 9 条" in log
    assert "删除 3949 字，增加 6023 字" in log
    en = run("log", LAND).stdout
    assert "vs 2020-11-27 (similarity): 1 same, 9 modified, 3 moved, 35 new, 24 deleted" in en
    v = run("verify", LAND, "-v", env=ZH).stdout
    assert "一致性核对" in v and "替换用语" in v and "ReplaceTerms" not in v


def test_show_speaks_the_language_and_export_git_does_not(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    zh = run("show", LAND, "--date", "2024-04-15", env=ZH).stdout.splitlines()[0]
    assert zh == (
        "[土地管理法实施办法] 2020-11-27 版本（修正）自 2020-11-27 起施行；"
        "2024-03-28 版本已于 2024-03-28 通过，自 2024-05-01 起施行"
    )
    heads = []
    for n, env in enumerate((None, ZH)):
        dest = tmp_path / f"g{n}"
        assert run("export-git", LAND, str(dest), env=env).exit_code == 0
        heads.append(subprocess.run(["git", "-C", str(dest), "rev-parse", "HEAD"],
                                    capture_output=True, text=True, check=True).stdout)
    assert heads[0] == heads[1]  # the same corpus gives the same hashes in any locale


def test_a_table_only_revision_exports_in_every_format(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import zipfile

    for fmt in ("md", "txt", "json", "html", "docx", "akn"):
        out = tmp_path / f"tax.{fmt}"
        r = run("export", "资源税", "--format", fmt, "-o", str(out))
        assert r.exit_code == 0, (fmt, r.stderr)
        if fmt == "docx":
            body = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
        else:
            body = out.read_text(encoding="utf-8")
        assert "10％" in body and "煤成（层）气" in body, fmt  # 煤 原矿 8％ → 10％ by the decision
    doc = json.loads((tmp_path / "tax.json").read_text(encoding="utf-8"))
    assert doc["articles"] == [] and doc["tables"][0]["cells"][0]["value"] == "10％"
