"""Export regulations as a git repository: one commit per revision, dated when it took effect.

``export_git(corpus, dest, names)`` writes ``<law-id>.md`` for every chosen law
and commits each revision whose text is in the corpus, in effective-date
order (across laws, ties by law id then revision id), so ``git log -p --
<law-id>.md`` reads as the law's history and ``git log --until=DATE`` shows
what was in force on a day.  Each file is exactly what ``lawdiff export LAW
--rev REV --format md`` writes.

Commits are reproducible: the author and committer are the law's issuer with a
fixed address, both dated at 00:00 +0800 on the effective date, and git runs
with no system or user configuration, so the same corpus gives the same commit
hashes.  The commit message names what happened, the decision that did it,
and carries trailers (``Gazette:``, ``Adopted:``, ``Promulgated:``,
``Effective:``, ``Effective-Basis:`` when the date is inferred) that ``git
interpret-trailers --parse`` reads.

Plain ``git add`` / ``git commit`` is used rather than ``git fast-import``: the
corpus has a handful of revisions (three subprocesses per commit), and plain
commands leave a checked-out working tree with no extra step, and are easy to
follow.  The repository is built in a temporary directory next to ``dest`` and
renamed into place, so a failure leaves nothing half-written; ``dest`` must
not exist or be an empty directory.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple

from lawdiff.corpus.reader import Corpus
from lawdiff.corpus.timeline import effective_of, law_start
from lawdiff.errors import InputError, LawdiffError, Progress
from lawdiff.export import words
from lawdiff.i18n import _, override
from lawdiff.structure.model import Law, Revision

EMAIL = "lawdiff@localhost"
DEFAULT_AUTHOR = "lawdiff"
BRANCH = "main"
TZ = "+0800"  # China Standard Time, no daylight saving

KIND_EN = {"enacted": "enacted", "amended": "amended", "revised": "revised as a whole"}


class GitError(LawdiffError):
    """git is missing or one of its commands failed."""


class ExportedCommit(NamedTuple):
    law_id: str
    revision_id: str
    effective: date  # the commit date
    approximate: bool  # the effective date is not in the corpus; the adoption date is used
    commit: str  # full hash
    file: str  # the file the commit writes (``<law-id>.md``)


class Skipped(NamedTuple):
    law_id: str
    reason: str


class ExportResult(NamedTuple):
    path: Path
    commits: list[ExportedCommit]
    skipped: list[Skipped]  # laws with nothing to commit, and why


class PlannedCommit(NamedTuple):
    """One commit to make: which file gets which content, with which message and date."""

    law_id: str
    revision_id: str
    effective: date
    approximate: bool
    file: str
    content: str
    message: str
    author: str


# ---------------------------------------------------------------- planning


def plan(corpus: Corpus, law_ids: Iterable[str]) -> tuple[list[PlannedCommit], list[Skipped]]:
    """The commits for these laws in effective-date order, and the laws that give none."""
    from lawdiff.export.document import as_markdown, header_line
    from lawdiff.query.show import show

    planned: list[PlannedCommit] = []
    skipped: list[Skipped] = []
    for law_id in law_ids:
        law = corpus.load_law(law_id)
        with_text = [r for r in law.revisions if r.text_file]
        if not with_text:
            skipped.append(Skipped(law.id, "no revision text in the corpus"))
            continue
        before = len(planned)
        for rev in with_text:
            when, approx = effective_of(rev, law)
            if when is None:
                continue
            with override("en"):  # the files, and so the commit hashes, never depend on the locale
                shown = show(corpus, law.id, rev=rev.id)
            assert shown.text is not None
            content = as_markdown(shown.text, subtitle=header_line(law.id, shown.reason))
            planned.append(
                PlannedCommit(
                    law_id=law.id,
                    revision_id=rev.id,
                    effective=when,
                    approximate=approx,
                    file=f"{law.id}.md",
                    content=content,
                    message=commit_message(corpus, law, rev),
                    author=law.issuer or DEFAULT_AUTHOR,
                )
            )
        if len(planned) == before:
            skipped.append(Skipped(law.id, "no dated revision with text in the corpus"))
    planned.sort(key=lambda p: (p.effective, p.law_id, p.revision_id))
    return planned, skipped


def commit_message(corpus: Corpus, law: Law, rev: Revision) -> str:
    """Subject, body naming the decision and session, and the trailers."""
    when, _basis = effective_of(rev, law)
    event = words.revision_kind(rev.kind, "zh")
    what = rev.decision_title if rev.kind == "amended" and rev.decision_title else event
    adopted = rev.adopted.isoformat() if rev.adopted else "date unknown"
    subject = f"{law.title}: {what} ({adopted})"

    decision_title = rev.decision_title
    if rev.decision:
        with contextlib.suppress(InputError):  # the id is recorded, the decision file absent
            decision_title = str(corpus.load_decision(rev.decision).get("title") or decision_title)
    label = rev.label or event
    if decision_title:
        ref = f"corpus id {rev.decision}" if rev.decision else "not in the corpus"
        body = [f"{label} by the decision {decision_title} ({ref})."]
    else:
        body = [f"{label} ({KIND_EN.get(rev.kind, rev.kind)}); no separate decision."]
    if rev.session:
        body.append(f"Adopted at {rev.session}.")
    if rev.approved_by:
        body.append(f"Approved by {rev.approved_by}.")
    if rev.announcement:
        body.append(f"Announcement {rev.announcement}.")
    basis = effective_basis(law, rev)
    if when is not None:
        why = basis or rev.effective_basis
        body.append(f"Takes effect {when.isoformat()}" + (f" ({why})." if why else "."))
    if rev.derived:
        body.append("The text is derived from the predecessor and the decision.")

    trailers: list[tuple[str, str]] = [("Law", law.id), ("Revision", rev.id)]
    if rev.decision:
        trailers.append(("Decision", rev.decision))
    trailers += [("Gazette", s) for s in rev.sources]
    for key, value in (
        ("Adopted", rev.adopted),
        ("Approved", rev.approved),
        ("Promulgated", rev.promulgated),
        ("Effective", when),
    ):
        if value is not None:
            trailers.append((key, value.isoformat()))
    if basis:
        trailers.append(("Effective-Basis", basis))
    lines = [f"{k}: {_one_line(v)}" for k, v in trailers]
    return "\n\n".join([subject, "\n".join(body), "\n".join(lines)]) + "\n"


def effective_basis(law: Law, rev: Revision) -> str:
    """How the commit date was inferred, or "" when it is the recorded effective date."""
    when, approx = effective_of(rev, law)
    if when is None:
        return ""
    if approx:
        source = "approval" if rev.approved and when == rev.approved else "adoption"
        return f"{source} date; the effective date is not in the corpus"
    if rev.effective is not None and when != rev.effective:
        noun = {"amended": "amendment", "revised": "revision"}.get(rev.kind, rev.kind)
        return (
            f"the regulation takes effect {law_start(law)}; the {noun} "
            f"(effective {rev.effective.isoformat()}) cannot apply earlier"
        )
    return ""


def _one_line(value: str) -> str:
    return " ".join(value.split())


# ---------------------------------------------------------------- writing


def export_git(
    corpus: Corpus,
    dest: Path,
    names: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Build a git repository at ``dest`` from the named laws (``None``: every law).

    Names are resolved like ``lawdiff show`` (id, title, unique part).  Raises
    ``InputError`` when ``dest`` is in the way or nothing has text to commit,
    ``GitError`` when git is missing or fails; ``dest`` is then left as it was.
    """
    dest = Path(dest)
    check_destination(dest)
    if names is None:
        law_ids = [e.id for e in corpus.index()]
    else:
        law_ids = list(dict.fromkeys(corpus.resolve(n) for n in names))
    planned, skipped = plan(corpus, law_ids)
    if not planned:
        which = ", ".join(s.law_id for s in skipped) or "the corpus"
        raise InputError(_("nothing to export: no revision text in the corpus for {which}").format(which=which))
    if planned[0].effective.year < 1970:
        raise InputError(
            _("{law} {revision}: git cannot date a commit {date} (before 1970)").format(
                law=planned[0].law_id, revision=planned[0].revision_id, date=planned[0].effective
            )
        )

    git = shutil.which("git")
    if git is None:
        raise GitError(_('git not found on PATH (export-git needs it)'))
    tmp = dest.parent / f".{dest.name}.lawdiff-{uuid.uuid4().hex[:12]}.tmp"
    try:
        tmp.mkdir()
    except OSError as exc:
        raise InputError(_("cannot create a directory next to {dest}: {error}").format(dest=dest, error=exc.strerror)) from None
    try:
        with tempfile.TemporaryDirectory(prefix="lawdiff-git-home-") as home:
            hashes = _build(git, tmp, planned, Path(home), progress)
        _move_into_place(tmp, dest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    commits = [
        ExportedCommit(p.law_id, p.revision_id, p.effective, p.approximate, h, p.file)
        for p, h in zip(planned, hashes, strict=True)
    ]
    return ExportResult(dest, commits, skipped)


def check_destination(dest: Path) -> None:
    """``dest`` must not exist, or be an empty directory; its parent must exist."""
    if dest.is_symlink():
        raise InputError(_("{dest} is a symbolic link; give a new or empty directory").format(dest=dest))
    if dest.exists():
        if not dest.is_dir():
            raise InputError(_("{dest} exists and is not a directory; give a new or empty directory").format(dest=dest))
        if any(dest.iterdir()):
            raise InputError(_("{dest} is not empty; give a new or empty directory").format(dest=dest))
    parent = dest.parent
    if not parent.is_dir():
        raise InputError(_("cannot create {dest}: directory {parent} does not exist").format(dest=dest, parent=parent))


def _move_into_place(tmp: Path, dest: Path) -> None:
    try:
        os.rename(tmp, dest)  # replaces an empty directory, never a non-empty one
    except OSError as exc:
        raise InputError(_("cannot create {dest}: {error} (nothing written)").format(dest=dest, error=exc.strerror)) from None


def _build(
    git: str, repo: Path, planned: list[PlannedCommit], home: Path, progress: Progress | None
) -> list[str]:
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    base_env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        LC_ALL="C",
    )
    config = [
        "-c", f"init.defaultBranch={BRANCH}",
        "-c", "commit.gpgSign=false",
        "-c", "core.autocrlf=false",
        "-c", "i18n.commitEncoding=UTF-8",
    ]  # fmt: skip

    def run(args: list[str], env: dict[str, str] | None = None, stdin: str | None = None) -> str:
        try:
            done = subprocess.run(
                [git, *config, *args],
                cwd=repo,
                env=env or base_env,
                input=stdin.encode("utf-8") if stdin is not None else None,
                capture_output=True,
                check=False,
            )
        except OSError as exc:
            raise GitError(_("cannot run git: {error}").format(error=exc.strerror)) from None
        if done.returncode != 0:
            err = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise GitError(_("git {command} failed: {error}").format(
                    command=args[0], error=err[-1] if err else done.returncode
                ))
        return done.stdout.decode("utf-8").strip()

    run(["init", "-q"])
    run(["config", "core.quotepath", "false"])  # show the Chinese file names in this repository
    hashes = []
    for k, p in enumerate(planned):
        if progress is not None:
            progress(k, len(planned), f"{p.law_id} {p.revision_id}")
        path = repo / p.file
        try:
            with path.open("w", encoding="utf-8", newline="") as fh:
                fh.write(p.content)
        except OSError as exc:
            raise InputError(_("cannot write {path}: {error}").format(path=path, error=exc.strerror)) from None
        stamp = f"{p.effective.isoformat()}T00:00:00{TZ}"
        env = dict(base_env)
        env.update(
            GIT_AUTHOR_NAME=p.author,
            GIT_AUTHOR_EMAIL=EMAIL,
            GIT_AUTHOR_DATE=stamp,
            GIT_COMMITTER_NAME=p.author,
            GIT_COMMITTER_EMAIL=EMAIL,
            GIT_COMMITTER_DATE=stamp,
        )
        run(["add", "--", p.file], env)
        run(
            ["commit", "-q", "--no-verify", "--allow-empty", "--cleanup=whitespace", "-F", "-"],
            env,
            stdin=p.message,
        )
        hashes.append(run(["rev-parse", "HEAD"], env))
    return hashes
