"""export-git: one commit per revision with text, dated when it took effect, reproducibly."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from lawdiff.corpus.reader import Corpus
from lawdiff.corpus.timeline import effective_of
from lawdiff.errors import InputError
from lawdiff.export import gitexport
from lawdiff.export.document import as_markdown, header_line
from lawdiff.export.gitexport import ExportResult, GitError, export_git
from lawdiff.query.show import show

from .conftest import LAWS

C = Corpus(LAWS)
LAND = "土地管理法实施办法"
LAND_MD = f"{LAND}.md"
ISSUER = "山西省人民代表大会常务委员会"


def git(repo: Path, *args: str, stdin: str | None = None) -> str:
    """Run git in ``repo`` without the machine's or the user's configuration."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, HOME=str(repo))
    done = subprocess.run(
        ["git", "-C", str(repo), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=True,
    )
    return done.stdout


def trailers(repo: Path, commit: str) -> dict[str, list[str]]:
    """The commit's trailers as ``git interpret-trailers --parse`` reads them."""
    message = git(repo, "log", "-1", "--format=%B", commit)
    parsed = git(repo, "interpret-trailers", "--parse", stdin=message)
    out: dict[str, list[str]] = {}
    for line in parsed.splitlines():
        key, _, value = line.partition(": ")
        out.setdefault(key, []).append(value)
    return out


def log(repo: Path) -> list[list[str]]:
    """Oldest first: hash, author date, committer date, author, email, subject."""
    fmt = "%H%x1f%aI%x1f%cI%x1f%an%x1f%ae%x1f%s"
    raw = git(repo, "log", "--reverse", f"--format={fmt}", "main")
    return [line.split("\x1f") for line in raw.splitlines()]


@pytest.fixture(scope="module")
def land(tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    return export_git(C, tmp_path_factory.mktemp("land") / "repo", [LAND])


@pytest.fixture(scope="module")
def everything(tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    return export_git(C, tmp_path_factory.mktemp("all") / "repo")


# ---------------------------------------------------------------- one law


def test_land_commits_in_effective_order_dated_when_effective(land: ExportResult) -> None:
    repo = land.path
    rows = log(repo)
    assert [(c.revision_id, c.effective) for c in land.commits] == [
        ("2020-11-27", date(2020, 11, 27)),  # decision: 自公布之日起施行
        ("2024-03-28", date(2024, 5, 1)),  # adopted 03-28, 自2024年5月1日起施行
    ]
    assert [r[0] for r in rows] == [c.commit for c in land.commits]
    assert [r[1] for r in rows] == ["2020-11-27T00:00:00+08:00", "2024-05-01T00:00:00+08:00"]
    assert [r[2] for r in rows] == [r[1] for r in rows]  # committer date = author date
    assert {(r[3], r[4]) for r in rows} == {(ISSUER, "lawdiff@localhost")}
    assert rows[1][5] == "山西省实施《中华人民共和国土地管理法》办法: 修订 (2024-03-28)"
    assert rows[0][5].startswith("山西省实施《中华人民共和国土地管理法》办法: 关于修改")
    assert rows[0][5].endswith("的决定 (2020-11-27)")
    assert not any(c.approximate for c in land.commits) and land.skipped == []
    assert git(repo, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    assert git(repo, "status", "--porcelain") == ""  # the last revision is checked out
    assert sorted(p.name for p in repo.iterdir()) == [".git", LAND_MD]


def test_land_file_is_the_markdown_export_of_each_revision(land: ExportResult) -> None:
    for c in land.commits:
        shown = show(C, LAND, rev=c.revision_id)
        assert shown.text is not None
        expected = as_markdown(shown.text, subtitle=header_line(LAND, shown.reason))
        assert git(land.path, "show", f"{c.commit}:{LAND_MD}") == expected
    assert (
        (land.path / LAND_MD)
        .read_text(encoding="utf-8")
        .startswith("# 山西省实施《中华人民共和国土地管理法》办法\n")
    )


def test_land_trailers_parse(land: ExportResult) -> None:
    law = C.load_law(LAND)
    first, second = (trailers(land.path, c.commit) for c in land.commits)
    rev20, rev24 = law.revision("2020-11-27"), law.revision("2024-03-28")
    assert rev20 is not None and rev24 is not None
    assert first["Law"] == [LAND] and first["Revision"] == ["2020-11-27"]
    assert first["Decision"] == ["2020-11-27-修改-土地管理法实施办法等"]
    assert (
        first["Gazette"] == rev20.sources and "公报2020-6 L3370-3524 (decision)" in first["Gazette"]
    )
    assert first["Adopted"] == first["Promulgated"] == first["Effective"] == ["2020-11-27"]
    assert second["Gazette"] == rev24.sources
    assert second["Adopted"] == second["Promulgated"] == ["2024-03-28"]
    assert second["Effective"] == ["2024-05-01"]
    assert "Decision" not in second
    assert "Effective-Basis" not in first and "Effective-Basis" not in second  # both recorded
    # git's own formatter reads them too
    eff = git(land.path, "log", "--reverse", "--format=%(trailers:key=Effective,valueonly)")
    assert eff.split() == ["2020-11-27", "2024-05-01"]


def test_land_message_body_names_the_decision(land: ExportResult) -> None:
    body = git(land.path, "log", "-1", "--format=%b", land.commits[0].commit)
    assert "第二次修正 by the decision 山西省人民代表大会常务委员会关于修改" in body
    assert "(corpus id 2020-11-27-修改-土地管理法实施办法等)" in body
    assert "山西省第十三届人民代表大会常务委员会第二十一次会议" in body
    second = git(land.path, "log", "-1", "--format=%b", land.commits[1].commit)
    assert "no separate decision" in second and "Announcement 第二十二号" in second


def test_second_commit_diff_touches_the_markdown_file(land: ExportResult) -> None:
    second = land.commits[1].commit
    assert git(land.path, "show", "--format=", "--name-only", second).split() == [LAND_MD]
    diff = git(land.path, "show", "--format=", second)
    assert f"+*[{LAND}] revision 2024-03-28 (revised)" in diff
    assert f"-*[{LAND}] revision 2020-11-27 (amended)" in diff
    history = git(land.path, "log", "--format=%H", "-p", "--", LAND_MD)
    assert all(c.commit in history for c in land.commits)


# ---------------------------------------------------------------- --all


def test_all_interleaves_every_law_with_text_by_date(everything: ExportResult) -> None:
    laws = C.all_laws()
    with_text = {law.id for law in laws if any(r.text_file for r in law.revisions)}
    assert {c.law_id for c in everything.commits} == with_text
    expected = sorted(
        (effective_of(r, law)[0], law.id, r.id)
        for law in laws
        for r in law.revisions
        if r.text_file
    )
    assert [(c.effective, c.law_id, c.revision_id) for c in everything.commits] == expected
    rows = log(everything.path)
    assert [r[0] for r in rows] == [c.commit for c in everything.commits]
    assert [r[1][:10] for r in rows] == [c.effective.isoformat() for c in everything.commits]
    assert rows == sorted(rows, key=lambda r: r[1])  # dates never go back
    assert {s.law_id for s in everything.skipped} == {law.id for law in laws} - with_text
    assert all(s.reason == "no revision text in the corpus" for s in everything.skipped)
    tree = git(everything.path, "ls-tree", "--name-only", "HEAD").split()
    assert sorted(tree) == sorted(f"{i}.md" for i in with_text)
    # each commit writes only its own law's file
    for c in everything.commits:
        assert git(everything.path, "show", "--format=", "--name-only", c.commit).split() == [
            c.file
        ]
    land_log = git(everything.path, "log", "--reverse", "--format=%H", "--", LAND_MD).split()
    assert land_log == [c.commit for c in everything.commits if c.law_id == LAND]


def test_all_amendment_before_the_law_takes_effect(everything: ExportResult) -> None:
    # 机关运行保障条例: amended 2020-11-27 "自公布之日起施行", but the regulation only
    # takes effect 2021-01-01: the commit is dated then, and the message says why.
    (c,) = [c for c in everything.commits if c.law_id == "机关运行保障条例"]
    assert c.effective == date(2021, 1, 1) and not c.approximate
    t = trailers(everything.path, c.commit)
    assert t["Effective"] == ["2021-01-01"] and t["Adopted"] == ["2020-11-27"]
    assert t["Effective-Basis"] == [
        "the regulation takes effect 2021-01-01; the amendment (effective 2020-11-27) "
        "cannot apply earlier"
    ]


# ---------------------------------------------------------------- reproducibility


def test_same_input_same_hashes(
    land: ExportResult, everything: ExportResult, tmp_path: Path
) -> None:
    again = export_git(C, tmp_path / "land", [LAND])
    assert [c.commit for c in again.commits] == [c.commit for c in land.commits]
    all_again = export_git(C, tmp_path / "all")
    assert [c.commit for c in all_again.commits] == [c.commit for c in everything.commits]


def test_user_git_configuration_does_not_matter(
    land: ExportResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(
        "[user]\n\tname = Someone Else\n\temail = x@example.org\n"
        "[commit]\n\tgpgSign = true\n[init]\n\tdefaultBranch = trunk\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Someone Else")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2001-01-01T00:00:00+0000")
    monkeypatch.setenv("TZ", "America/New_York")
    again = export_git(C, tmp_path / "repo", [LAND])
    assert [c.commit for c in again.commits] == [c.commit for c in land.commits]


# ---------------------------------------------------------------- safety


def test_refuses_a_non_empty_directory_and_leaves_it_untouched(tmp_path: Path) -> None:
    dest = tmp_path / "out"
    dest.mkdir()
    (dest / "notes.txt").write_text("mine\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        export_git(C, dest, [LAND])
    assert "not empty" in str(err.value) and "\n" not in str(err.value)
    assert [p.name for p in dest.iterdir()] == ["notes.txt"]
    assert (dest / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no temp left behind


def test_refuses_a_file_and_a_missing_parent(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="not a directory"):
        export_git(C, f, [LAND])
    assert f.read_text(encoding="utf-8") == "x"
    with pytest.raises(InputError, match="does not exist"):
        export_git(C, tmp_path / "no" / "such", [LAND])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_an_empty_directory_is_filled(tmp_path: Path, land: ExportResult) -> None:
    dest = tmp_path / "empty"
    dest.mkdir()
    result = export_git(C, dest, [LAND])
    assert result.path == dest and [c.commit for c in result.commits] == [
        c.commit for c in land.commits
    ]
    assert (dest / LAND_MD).is_file() and sorted(p.name for p in tmp_path.iterdir()) == ["empty"]


def test_a_failure_half_way_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = gitexport._build

    def fail_after_building(*args: object, **kwargs: object) -> list[str]:
        real(*args, **kwargs)  # type: ignore[arg-type]
        raise GitError("git commit failed: simulated")

    monkeypatch.setattr(gitexport, "_build", fail_after_building)
    with pytest.raises(GitError):
        export_git(C, tmp_path / "repo", [LAND])
    assert list(tmp_path.iterdir()) == []
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(GitError):
        export_git(C, empty, [LAND])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"] and not any(empty.iterdir())


def test_missing_git_is_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gitexport.shutil, "which", lambda _name: None)
    with pytest.raises(GitError, match="git not found"):
        export_git(C, tmp_path / "repo", [LAND])
    assert list(tmp_path.iterdir()) == []


def test_law_without_text_or_unknown_law(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nothing to export.*临汾市地方立法条例"):
        export_git(C, tmp_path / "repo", ["临汾市地方立法条例"])
    with pytest.raises(InputError, match="unknown law"):
        export_git(C, tmp_path / "repo", ["没有这个条例"])
    assert list(tmp_path.iterdir()) == []


def test_names_resolve_and_skipped_laws_are_reported(tmp_path: Path) -> None:
    result = export_git(
        C, tmp_path / "repo", ["机关运行保障条例", "临汾市地方立法条例", "山西省机关运行保障条例"]
    )
    assert [(c.law_id, c.revision_id) for c in result.commits] == [
        ("机关运行保障条例", "2020-11-27")
    ]
    assert [s.law_id for s in result.skipped] == ["临汾市地方立法条例"]


# ---------------------------------------------------------------- inferred dates


def test_unknown_effective_date_uses_adoption_and_says_so(
    corpus_copy: Path, tmp_path: Path
) -> None:
    law_yaml = corpus_copy / "政务数据管理与应用办法" / "law.yaml"
    text = law_yaml.read_text(encoding="utf-8")
    text, n = re.subn(r"(?m)^  effective(_basis)?: .*\n", "", text)
    assert n == 2
    law_yaml.write_text(text, encoding="utf-8")
    result = export_git(Corpus(corpus_copy), tmp_path / "repo", ["政务数据管理与应用办法"])
    (c,) = result.commits
    assert c.effective == date(2020, 11, 27) and c.approximate
    assert log(result.path)[0][1] == "2020-11-27T00:00:00+08:00"
    t = trailers(result.path, c.commit)
    assert t["Effective"] == ["2020-11-27"]
    assert t["Effective-Basis"] == ["adoption date; the effective date is not in the corpus"]
    body = git(result.path, "log", "-1", "--format=%b", c.commit)
    assert (
        "Takes effect 2020-11-27 (adoption date; the effective date is not in the corpus)." in body
    )
