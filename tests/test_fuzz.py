"""Fuzzing (issue 11): mutated seed gazettes, random decisions built from phrase fragments, random
corpus YAML. Whatever the input: never a traceback, an exit code in {0, 2, 3}, and a refusal
leaves the corpus exactly as it was.

Example counts are tuned to keep this file near a minute on a 2-core machine; the crash-consistency
test (kills at every stage of a commit) is in test_transactions.py.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from lawdiff.cli.registry import build_app
from lawdiff.corpus.files import HEADER
from lawdiff.intake.ingest import ingest
from lawdiff.structure.numerals import int_to_cn

from .conftest import F20, F24, LAWS, seed_lines

runner = CliRunner()
LAND = "土地管理法实施办法"
def fuzz(n: int) -> settings:
    return settings(
        max_examples=n,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        derandomize=True,  # the same examples on every run: CI does not flake
        database=None,
        phases=[Phase.explicit, Phase.generate],  # report the example as found: no long shrinking
    )


def snap(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def cli(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(build_app(), list(args))


def no_traceback(r) -> None:  # type: ignore[no-untyped-def]
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert r.exit_code in (0, 2, 3), (r.exit_code, r.stderr[-500:])
    assert "Traceback" not in r.stderr
    if r.exit_code:
        assert r.stderr.strip() and r.stderr.strip().splitlines()[-1].startswith("error: ")


# ---------------------------------------------------------------- mutated gazettes


@pytest.fixture(scope="module")
def f24_without_corrections(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus of the 2024 gazette with no corrections file: nothing pins the 2020 gazette's text,
    so mutations of it reach every stage instead of stopping at the sha256 pin."""
    root = tmp_path_factory.mktemp("fz") / "laws"
    ingest(F24, root)
    return root


JUNK = st.lists(
    st.sampled_from(
        ["\x00", "\x1b[1m", "\x07", "\ufffd", "\u200b", "\u3000", " ", "第", "条", "章", "（", "）",
         "《", "》", "。", "，", "年", "月", "日", "一", "十", "百", "之", "款", "项", "\n", "0", "9",
         "修改为", "删去", "山西省人民代表大会常务委员会公报２０２０·６"]
    ),
    max_size=30,
).map("".join)


@st.composite
def mutated_lines(draw):  # type: ignore[no-untyped-def]
    lines = list(seed_lines(F20))
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["drop", "duplicate", "swap", "insert"]))
        a = draw(st.integers(0, len(lines) - 1))
        b = min(len(lines), a + draw(st.integers(1, 600)))
        if op == "drop":
            del lines[a:b]
        elif op == "duplicate":
            lines[b:b] = lines[a:b]
        elif op == "swap":
            chunk = lines[a:b]
            del lines[a:b]
            c = draw(st.integers(0, len(lines)))
            lines[c:c] = chunk
        else:
            k = draw(st.integers(0, len(lines[a])))
            lines[a] = lines[a][:k] + draw(JUNK) + lines[a][k:]
    raw = "\n".join(lines).encode("utf-8")
    if draw(st.booleans()):
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(max_size=8)) + raw[at:]
    return raw


@fuzz(24)
@given(raw=mutated_lines())
def test_mutated_gazettes(f24_without_corrections: Path, raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "laws"
        shutil.copytree(f24_without_corrections, root)
        src = Path(tmp) / "mutated.txt"
        src.write_bytes(raw)
        before = snap(root)
        r = cli("ingest", str(src), "--corpus", str(root))
        no_traceback(r)
        if r.exit_code:
            assert snap(root) == before  # refused: not a byte changed
        assert not (root / ".lawdiff").exists()


# ---------------------------------------------------------------- random decisions


def numbers() -> st.SearchStrategy[str]:
    return st.integers(0, 10_000).flatmap(
        lambda n: st.sampled_from([_cn(n), str(n), f"{n}之一"])
    )


def _cn(n: int) -> str:
    return {0: "零", 10_000: "一万"}.get(n) or int_to_cn(n)


UNIT = st.sampled_from(["条", "款", "项", "目", "章", "节", "编", "条之一", "条之二"])
VERB = st.sampled_from(
    ["将", "删去", "删除", "在", "增加", "修改为", "合并", "作为", "中的", "后", "前", "移作",
     "替换为", "改为", "增加一款", "增加一条", "增加一项", "并对条款顺序作相应调整", "的", "之后"]
)
QUOTE = st.sampled_from(["“", "”", "\"", "「", "」", "‘", "’", ""])
PUNCT = st.sampled_from(["：", ":", "，", ",", "。", ".", "；", ";", "、", "(", ")", "（", "）"])
PHRASE = st.sampled_from(["本条例", "机关运行保障", "县级以上人民政府", "行政活动", "经费", ""])


@st.composite
def decisions(draw):  # type: ignore[no-untyped-def]
    parts = []
    for k in range(draw(st.integers(1, 5))):
        frag = ""
        for _ in range(draw(st.integers(2, 10))):
            frag += draw(
                st.one_of(
                    VERB, QUOTE, PUNCT, PHRASE,
                    st.builds(lambda n, u: f"第{n}{u}", numbers(), UNIT),
                )
            )
        parts.append(f"{k + 1}．{frag}" if draw(st.booleans()) else frag)
    title = draw(
        st.sampled_from(
            ["关于修改《山西省机关运行保障条例》的决定", "山西省机关运行保障条例修正案", "关于修改《", ""]
        )
    )
    return "\n".join([title, *parts, draw(PHRASE)])


@pytest.fixture(scope="module")
def base_text(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fz") / "base.txt"
    shutil.copy(LAWS / "机关运行保障条例" / "2020-11-27.txt", path)
    return path


@fuzz(300)
@given(decision=decisions())
def test_random_decisions(base_text: Path, decision: str) -> None:
    src = base_text.parent / "decision.txt"
    src.write_text(decision, encoding="utf-8")
    for fmt in ("text", "json"):
        no_traceback(cli("amend", "--base", str(base_text), "--decision", str(src), "--format", fmt))


# ---------------------------------------------------------------- random corpus YAML

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 100_000),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(["2024-02-30", "2024-13-01", "1900-01-01", "2999-12-31", "2020-11-27",
                     "../../etc/passwd", "/etc/hostname", "x\x1b[31m", "土地管理法实施办法"]),
    st.lists(st.one_of(st.integers(), st.text(max_size=5)), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
FILES = [
    "土地管理法实施办法/law.yaml",
    "机关运行保障条例/law.yaml",
    "index.yaml",
    "decisions/2020-11-27-修改-土地管理法实施办法等.yaml",
]


def _paths(data: object, prefix: tuple = ()) -> list[tuple]:  # type: ignore[type-arg]
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data[:4]):
            out += _paths(v, (*prefix, i))
    return out


@st.composite
def yaml_edits(draw):  # type: ignore[no-untyped-def]
    rel = draw(st.sampled_from(FILES))
    text = (LAWS / rel).read_text(encoding="utf-8")
    data = yaml.safe_load(text.split("\n", 1)[1] if text.startswith(HEADER) else text)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)[1:]))
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        if draw(st.booleans()) and isinstance(parent, dict):
            parent.pop(path[-1], None)
        else:
            parent[path[-1]] = draw(VALUES)
    out = yaml.safe_dump(data, allow_unicode=True)
    if draw(st.integers(0, 9)) == 0:  # now and then a broken file
        out = out[: draw(st.integers(0, len(out)))] + draw(st.sampled_from(["[", ":", "\t", "- -"]))
    return rel, out


@pytest.fixture(scope="module")
def shared_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fz") / "laws"
    shutil.copytree(LAWS, root)
    return root


@fuzz(120)
@given(edit=yaml_edits())
def test_random_corpus_yaml(shared_copy: Path, edit: tuple[str, str]) -> None:
    rel, content = edit
    path = shared_copy / rel
    original = path.read_bytes()
    path.write_text(content, encoding="utf-8")
    try:
        before = snap(shared_copy)
        for args in (
            ["show", LAND, "--rev", "2020"],
            ["show", "机关运行保障条例", "--format", "json"],
            ["list"],
            ["history", LAND],
            ["blame", LAND, "--rev", "2020"],
            ["diff", LAND, "2020", "2024", "--stat"],
        ):
            no_traceback(cli(*args, "--corpus", str(shared_copy)))
        assert snap(shared_copy) == before  # readers never write
    finally:
        path.write_bytes(original)


# ---------------------------------------------------------------- random arguments

ARGS = st.one_of(
    st.sampled_from([LAND, "机关运行保障条例", "土地管理法", "2020", "2024", "2008", "latest", "first", "3", "第十二条",
                     "133之一", "json", "text", "md", "table", "tsv", "html", "2024-02-30", "9999-12-31", "0000-01-01",
                     "10000", "99999999999999999999", "133之99999999999", "\udcff刑法", "\x1b]0;x\x07"]),
    st.integers(-(10**25), 10**25).map(str),
    st.text(max_size=12),  # any code point, lone surrogates (bytes that are not UTF-8) included
)  # fmt: skip
SHAPES = {
    "show": [None, "--date", "--rev", "--article", "--format"],
    "diff": [None, None, None, "--article", "--format"],
    "log": [None, "--article", "-S", "--rev", "--format"],
    "blame": [None, "--rev", "--article", "--format"],
    "history": [None, "--format"],
    "list": ["--date", "--format"],
    "search": [None, "--law", "--date", "--kind", "--format"],
}


@fuzz(80)
@given(
    cmd=st.sampled_from(sorted(SHAPES)),
    values=st.lists(ARGS, min_size=5, max_size=5),
    used=st.lists(st.booleans(), min_size=5, max_size=5),
)
@example(cmd="log", values=[LAND, "99999999999999999999", "", "", ""], used=[True, True, False, False, False])
@example(cmd="show", values=["\udcff刑法", "", "", "", ""], used=[False] * 5)
def test_random_arguments(cmd: str, values: list[str], used: list[bool]) -> None:
    """Whatever a user types after a command (huge article numbers, impossible dates, control
    characters, bytes that are not UTF-8): one line and exit 2, or an answer; never a traceback.
    (The two examples were tracebacks: NumeralError, and UnicodeEncodeError from SQLite.)"""
    args = [cmd]
    for opt, value, use in zip(SHAPES[cmd], values, used, strict=False):
        if opt is None:
            args.append(value)
        elif use:
            args += [opt, value]
    r = cli(*args, "--corpus", str(LAWS))
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert r.exit_code in (0, 2), (args, r.exit_code, r.stderr[-300:])
    assert "Traceback" not in r.stderr and "\x1b" not in r.stderr
    if r.exit_code and not r.stderr.startswith("Usage:"):  # click's own usage box (-5 read as an option)
        assert r.stderr.startswith("error: ") and len(r.stderr.strip().splitlines()) == 1, r.stderr
