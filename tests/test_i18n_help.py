"""--help and click's usage errors speak the interface language (issue 13).

Help texts are msgids (help= literals and command docstrings, read by the catalogue tool);
typer's panel titles and click's usage errors are said by lawdiff.cli.localized. English is
exactly what typer prints.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from lawdiff.cli.registry import COMMANDS, build_app

from .conftest import ROOT


def helped(*args: str, env: dict[str, str] | None = None) -> str:
    r = CliRunner().invoke(build_app(), [*args, "--help"], env=env)
    assert r.exit_code == 0, r.stderr
    return r.stdout


def test_command_help_in_chinese_and_english() -> None:
    zh = helped("show", env={"LAWDIFF_LANG": "zh"})
    for said in ("用法：", "显示某日有效的文本（按施行日期）。", "示例：lawdiff show 土地管理法实施办法",
                 "参数", "选项", "[默认：text]", "[必填]", "该日（YYYY-MM-DD）有效的文本。", "显示此帮助并退出。"):  # fmt: skip
        assert said in zh, said
    assert "Options" not in zh and "Show this message" not in zh and "[default" not in zh
    # Chinese folds at characters instead of cutting the line short with "…"
    assert "…" not in zh.replace("……", "")
    en = helped("show", "--lang", "en", env={"LAWDIFF_LANG": "zh"})
    for said in ("Usage: ", "Show the text in force on a date (by effective date).", "Arguments",
                 "Options", "[default: text]", "[required]", "Show this message and exit."):  # fmt: skip
        assert said in en, said
    assert "用法" not in en and "选项" not in en


def test_the_command_list_in_chinese() -> None:
    zh = CliRunner().invoke(build_app(), ["--help"], env={"LANG": "zh_CN.UTF-8"}).stdout
    assert "命令" in zh and "追踪法规的变化" in zh
    assert "显示某日有效的文本（按施行日期）。" in zh and "列出所有法规" in zh
    assert "为当前 shell 安装补全。" in zh


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_has_its_help_in_chinese(command: str) -> None:
    zh = helped(command, env={"LAWDIFF_LANG": "zh"})
    en = helped(command, "--lang", "en")
    assert "用法：" in zh and "选项" in zh
    english_help = [line for line in en.splitlines() if "--corpus" in line or "--lang" in line]
    assert english_help and not any(line in zh for line in english_help)


def lawdiff(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("LAWDIFF_LANG", "LANG", "LC_ALL", "LANGUAGE", "LC_MESSAGES")}
    return subprocess.run([sys.executable, "-m", "lawdiff", *args], capture_output=True, text=True,
                          env={**clean, "COLUMNS": "100", **env}, cwd=ROOT, timeout=60)  # fmt: skip


@pytest.mark.parametrize(
    ("args", "chinese", "english"),
    [
        (("show",), "缺少参数 'law'。", "Missing argument 'law'."),
        (("show", "x", "--bogus"), "没有此选项：--bogus", "No such option: --bogus"),
        (("bogus",), "没有命令 'bogus'。", "No such command 'bogus'."),
        (("show", "a", "b"), "多余的参数（b）", "Got unexpected extra argument(s) (b)"),
    ],
)
def test_usage_errors(args: tuple[str, ...], chinese: str, english: str) -> None:
    zh = lawdiff(*args, env={"LANG": "zh_CN.UTF-8"})
    assert zh.returncode == 2 and chinese in zh.stderr and "用法：" in zh.stderr, zh.stderr
    assert "查看帮助" in zh.stderr and "错误" in zh.stderr and "Error" not in zh.stderr
    en = lawdiff(*args, "--lang", "en", env={"LAWDIFF_LANG": "zh"}) if args != ("bogus",) else lawdiff(
        "--lang", "en", *args, env={"LAWDIFF_LANG": "zh"}
    )
    assert en.returncode == 2 and english in en.stderr and "Usage: " in en.stderr, en.stderr
    assert "for help." in en.stderr and "Error" in en.stderr


def test_lang_after_help_still_counts() -> None:
    r = lawdiff("show", "--help", "--lang", "zh", env={})
    assert r.returncode == 0 and "显示某日有效的文本" in r.stdout and "选项" in r.stdout
