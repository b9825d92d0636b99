"""The interface language: how it is chosen, the catalogue kept in step with the code, laziness."""

from __future__ import annotations

import ast
import re
from gettext import GNUTranslations
from io import BytesIO
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawdiff import i18n
from lawdiff.cli import build_app
from lawdiff.cli.registry import COMMANDS, command_name
from lawdiff.i18n import catalogue

from .conftest import LAWS

polib = pytest.importorskip("polib")  # a test extra; CI installs it


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_SG.gbk"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LANGUAGE": "zh_CN", "LC_ALL": "C"}, "en"),  # GNU: the C locale ignores LANGUAGE
        ({"LANGUAGE": "fr:zh", "LANG": "de_DE.UTF-8"}, "zh"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LAWDIFF_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LAWDIFF_LANG": "zh", "LC_ALL": "C"}, "zh"),
        ({"LAWDIFF_LANG": "klingon", "LANG": "zh_CN.UTF-8"}, "zh"),
    ],
)
def test_language_from_the_environment(env: dict[str, str], lang: str) -> None:
    assert i18n.from_environment(env) == lang


def test_set_language_overrides_and_resets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    try:
        i18n.set_language("en")
        assert i18n._("error: {message}") == "error: {message}"
        i18n.set_language(None)
        assert i18n._("error: {message}") == "错误：{message}"
        with pytest.raises(ValueError, match="choose from en, zh"):
            i18n.set_language("fr")
    finally:
        i18n.set_language(None)


def test_command_word_skips_the_language_option() -> None:
    assert command_name(["--lang", "zh", "list", "--format", "json"]) == "list"
    assert command_name(["--lang=zh", "history", "x"]) == "history"
    assert command_name(["--version"]) is None


# ---------------------------------------------------------------- the catalogue


def _entries() -> list:  # type: ignore[type-arg]
    return list(polib.pofile(str(catalogue.PO)))


def test_every_message_in_the_code_is_in_the_catalogue_and_nothing_else() -> None:
    wanted = set(catalogue.messages())
    have = {(e.msgctxt, e.msgid) for e in _entries()}
    assert sorted(wanted - have, key=str) == [], "run: python -m lawdiff.i18n.catalogue"
    assert sorted(have - wanted, key=str) == [], "stale entries: python -m lawdiff.i18n.catalogue"


def test_every_entry_has_chinese_with_known_placeholders() -> None:
    field = re.compile(r"\{[^{}]*\}")
    for e in _entries():
        assert e.translated() and "fuzzy" not in e.flags, e.msgid
        for msgstr in [e.msgstr] if not e.msgid_plural else list(e.msgstr_plural.values()):
            # a translation may leave a placeholder out ("{relation} {relation_zh}" → "{relation_zh}")
            # but never invent one: str.format would raise KeyError at run time
            allowed = set(field.findall(e.msgid_plural or e.msgid))
            assert set(field.findall(msgstr)) <= allowed, (e.msgid, msgstr)
            assert msgstr.count("{") == msgstr.count("}"), msgstr


def test_the_shipped_mo_is_compiled_from_the_po() -> None:
    shipped = GNUTranslations(BytesIO(catalogue.MO.read_bytes()))
    fresh = GNUTranslations(BytesIO(catalogue.compiled()))
    assert shipped._catalog == fresh._catalog, "run: python -m lawdiff.i18n.catalogue"  # type: ignore[attr-defined]


def test_translation_calls_take_literals_only(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "m.py").write_text('from x import _\nname = "a"\nprint(_(f"hello {name}"))\n')
    with pytest.raises(catalogue.SourceError, match=r"m.py:3"):
        catalogue.messages(pkg)


def test_modules_that_translate_never_rebind_the_underscore() -> None:
    """``_, x = pair`` inside a function that also calls ``_()`` would raise UnboundLocalError."""
    bad = []
    for path in sorted(catalogue.PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports_it = any(
            isinstance(n, ast.ImportFrom) and any(a.name == "_" for a in n.names)
            for n in ast.walk(tree)
        )
        if not imports_it:
            continue
        for node in ast.walk(tree):
            targets: list[ast.expr] = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, ast.For | ast.With):
                targets = [node.target] if isinstance(node, ast.For) else []
            for t in targets:
                names = [n for n in ast.walk(t) if isinstance(n, ast.Name) and n.id == "_"]
                bad += [f"{path.name}:{n.lineno}" for n in names]
    assert bad == []


# ---------------------------------------------------------------- the command line


def _run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(build_app(), list(args), env=env)


def test_every_command_takes_the_language_option() -> None:
    app = build_app()
    import typer.main

    group = typer.main.get_command(app)
    for name in COMMANDS:
        params = {p.name for p in group.commands[name].params}  # type: ignore[attr-defined]
        assert "lang" in params, name


def test_messages_follow_the_chosen_language() -> None:
    args = ("show", "刑法", "--corpus", str(LAWS))
    r = _run(*args, "--lang", "zh")
    assert r.exit_code == 2 and r.stderr.startswith("错误："), r.stderr
    r = _run(*args, env={"LANG": "zh_CN.UTF-8"})
    assert r.stderr.startswith("错误：")
    r = _run(*args, "--lang", "en", env={"LANG": "zh_CN.UTF-8"})
    assert r.stderr.startswith("error: unknown law '刑法'")
    r = _run("--lang", "zh", *args)
    assert r.stderr.startswith("错误：")
    r = _run(*args)  # the language chosen by the last run does not stick
    assert r.stderr.startswith("error: ")
    r = _run(*args, "--lang", "fr")
    assert r.exit_code == 2 and "choose from en, zh" in r.stderr


def test_english_never_opens_the_catalogue() -> None:
    i18n._loaded.clear()
    r = _run("show", "土地管理法实施办法", "--corpus", str(LAWS), "--lang", "en")
    assert r.exit_code == 0 and "zh" not in i18n._loaded
