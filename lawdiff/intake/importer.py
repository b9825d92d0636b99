"""``lawdiff import``: consolidated texts, amendment decisions and gazettes from files into the corpus.

Each file is read by its reader (``sources.readers``), parsed by the one structure parser and
becomes a revision of its law — found by title, a new title makes a new law.  The revision and
its dates come from the 题注 (its last event), or ``--rev`` / ``--effective``; every event of the
题注 becomes a timeline entry.  An amendment decision or 修正案 is stored as a decision, and the
texts it gives where the predecessor text is there are derived (``derived_texts``).  A gazette
goes through ingest, the same store.  All writes of one import are planned together and applied
by ``store.apply_writes``: importing the same files twice writes nothing.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import regex

from lawdiff.corpus import store
from lawdiff.corpus.txn import check_target
from lawdiff.errors import InputError, LawdiffError, SuspiciousInputError
from lawdiff.i18n import _
from lawdiff.intake.consolidated import TextConflict, store_text
from lawdiff.intake.metadates import complete_from_meta, later_than_known, revision_from_meta
from lawdiff.intake.render import state_writes
from lawdiff.intake.state import ImportState, title_key
from lawdiff.sources.events import drop_impossible_dates, read_events, revisions_from_events
from lawdiff.sources.kinds import issuer_of, kind_from_meta, kind_of
from lawdiff.sources.readers import SUFFIXES, SourceText, detect, read_bytes, read_source
from lawdiff.structure.dates import parse_cn_date
from lawdiff.structure.model import Law, LawText, Revision
from lawdiff.structure.parse import build_text, numbering_problems

DECISION_TITLE = regex.compile(r"关于修改.+的决定$|修正案(?:（[一二三四五六七八九十0-9]+年?）)?$")
EFFECTIVE = regex.compile(
    r"本(?:法|条例|办法|细则|规定|规则|决定|解释|修正案)自(公布之日|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)起(?:施行|实施)"
)
_FILE_DATE = regex.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})|(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})([01][0-9])([0-3][0-9])(?![0-9])")


@dataclass
class Added:
    law: str
    title: str
    revision: str
    articles: int
    path: Path
    kind: str
    status: str = "new"  # new | changed | unchanged
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    added: list[Added] = field(default_factory=list)
    decisions: list[dict[str, object]] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    refused: list[tuple[Path, str]] = field(default_factory=list)  # texts refused in a folder import
    writes: list[store.PlannedWrite] = field(default_factory=list)
    gazettes: list[object] = field(default_factory=list)  # IngestReport of each gazette
    derived: list[object] = field(default_factory=list)  # Derivation: texts derived from decisions


@dataclass
class Options:
    rev: date | None = None
    effective: date | None = None
    kind: str | None = None
    force: bool = False
    dry_run: bool = False


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; a directory gives its .txt, .md and .docx files (recursively, sorted)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                f for f in sorted(p.rglob("*"))
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith((".", "~$"))
            )  # fmt: skip
        elif p.exists():
            out.append(p)
        else:
            raise InputError(_("{p}: no such file or directory").format(p=p))
    return out


def import_paths(paths: list[Path], root: Path, opts: Options | None = None) -> ImportReport:
    opts = opts or Options()
    report = ImportReport()
    texts: list[tuple[Path, bytes]] = []
    for f in expand(paths):
        raw = read_bytes(f)
        try:
            fmt = detect(f, raw)
        except InputError as exc:  # not a text lawdiff reads (a PDF, a .doc): say so, go on
            report.skipped.append((f, _why(exc, f)))
            continue
        if fmt == "gazette":
            report.gazettes.append(_ingest(f, root, opts))
        else:
            texts.append((f, raw))
    if opts.dry_run:
        store.recover_pending(root)
        check_target(root)
        _import_texts(texts, root, opts, report)
        return report
    with store.transaction(root, create=True):  # the writers' lock over read, plan and write
        _import_texts(texts, root, opts, report)
    return report


def _import_texts(
    texts: list[tuple[Path, bytes]], root: Path, opts: Options, report: ImportReport
) -> None:
    state = ImportState(root)
    many = len(texts) > 1
    for f, raw in texts:
        try:
            src = read_source(f, raw)
        except InputError as exc:
            report.skipped.append((f, _why(exc, f)))
            continue
        except SuspiciousInputError as exc:
            if not many:
                raise
            report.refused.append((f, _why(exc, f)))
            continue
        if DECISION_TITLE.search(src.title):
            from lawdiff.intake.imported_decisions import add_decision

            report.decisions.append(add_decision(state, src))
            continue
        added = _add_text(state, src, opts) if not many else _add_or_refuse(state, src, opts, report)
        if added is None:
            continue
        if isinstance(added, str):
            report.skipped.append((f, added))
        else:
            report.added.append(added)
    from lawdiff.intake.derived_texts import derive_texts

    report.derived = list(derive_texts(state))
    if not report.added and not report.decisions:
        return  # every file refused: nothing to write (a new corpus is not even made)
    report.writes = state_writes(state)
    _statuses(report, root)
    if not opts.dry_run:
        store.apply_writes(report.writes, force=opts.force)


REFUSALS = (SuspiciousInputError, TextConflict, InputError)


def _add_or_refuse(state: ImportState, src: SourceText, opts: Options, report: ImportReport) -> Added | str | None:
    """One text of several: a text refused (suspicious, or differing from the stored one) is
    listed in ``report.refused`` and leaves the plan as it was; the others go on (None: refused)."""
    key = title_key(src.title or "")
    law_id = state.by_title.get(key)
    saved = copy.deepcopy(state.laws[law_id]) if law_id in state.laws else None
    try:
        return _add_text(state, src, opts)
    except REFUSALS as exc:
        if law_id is None:
            new_id = state.by_title.pop(key, None)
            if new_id is not None:
                state.laws.pop(new_id, None)
        elif saved is not None:
            state.laws[law_id] = saved
        else:
            state.laws.pop(law_id, None)  # loaded for this text only: as on disk
        report.refused.append((src.path, _why(exc, src.path)))
        return None


def _why(exc: LawdiffError, path: Path) -> str:
    """The reason without the path the message begins with (the report names the file)."""
    return str(exc).removeprefix(f"{path}: ")


def _ingest(path: Path, root: Path, opts: Options) -> object:
    from lawdiff.intake.ingest import ingest

    return ingest(path, root, dry_run=opts.dry_run, force=opts.force)


def _add_text(state: ImportState, src: SourceText, opts: Options) -> Added | str:
    """Store one consolidated text; a string says why it was skipped."""
    if not src.title:
        return "no title found" + (": the text begins with its 题注" if src.note else "")
    text = build_text(src.title, src.note, src.body, source=str(src.path))
    if not text.articles and not _decision_text(src, text):
        return "no articles found (not a law text?)"
    history = revisions_from_events(read_events(src.note or ""))
    rev = _text_revision(src, text, history, opts)
    if rev is None:
        return "no date: the text has no 题注 or effective clause; give --rev DATE"
    meta = src.meta
    kind = opts.kind or kind_from_meta(src.title, meta.level, meta.issuer) or kind_of(
        src.title, src.note, (*src.front, *meta.lines)
    )
    law = state.law_for(src.title, kind, issuer_of(src.note, src.front) or meta.issuer)
    if opts.kind:
        law.kind = opts.kind
    if not history and opts.rev is None:
        later_than_known(law, rev)
    tag = f"import {src.path.name} sha256:{src.sha256[:12]}"
    for h in history:
        h.sources = [f"{tag} (题注)"]
    rev.sources = [f"{tag} (text)"]
    store_text(state, law, [h for h in history if h.id != rev.id], rev, text, force=opts.force)
    _effective_clause(law, text, history)
    warnings = numbering_problems(text)
    return Added(law.id, law.title, rev.id, len(text.articles), src.path, law.kind, warnings=warnings)


ACT_TITLE = regex.compile(r"(?:决定|决议|规定|解释|批复|意见|通知|办法|安排|命令|解答|方案|条例|细则|规则)(?:（[^）]*）)?$")


def _decision_text(src: SourceText, text: LawText) -> bool:
    """An act written in numbered paragraphs (一、二、…) rather than articles — a 决定, a 批复,
    an early 规定 — named as an act and not empty."""
    return bool(text.preamble) and bool(ACT_TITLE.search(src.title))


def _text_revision(
    src: SourceText, text: LawText, history: list[Revision], opts: Options
) -> Revision | None:
    """The revision the text is: the 题注's last one, or --rev; --effective sets its date in force."""
    if opts.rev is not None:
        iso = opts.rev.isoformat()
        rev = next((h for h in history if h.id == iso), None)
        if rev is None:
            rev = Revision(id=iso, kind="amended" if history else "enacted", adopted=opts.rev)
    elif history:
        rev = complete_from_meta(history[-1], src.meta)
    elif src.meta.promulgated or src.meta.dated or src.meta.effective:
        rev = revision_from_meta(src.meta, src.version)
    else:
        when, named = _clause_date(text), _file_date(src.path)
        if when is not None:
            rev = Revision(id=when.isoformat(), kind="enacted", effective=when,
                           effective_basis="no 题注: dated by its effective clause")  # fmt: skip
        elif named is not None:  # which event the date in the file name is, nobody says
            rev = Revision(id=named.isoformat(), kind="enacted", notes=[
                f"no 题注, no effective clause: identified by the date in its file name ({src.path.name}); "
                "adoption, promulgation and effective dates unknown"])  # fmt: skip
        else:
            return None
    if opts.effective is not None:
        rev.effective, rev.effective_basis = opts.effective, "--effective"
    elif rev.effective is None and rev.kind in ("enacted", "revised"):
        when = _clause_date(text)
        if when is not None and (rev.adopted is None or when >= rev.adopted):
            rev.effective, rev.effective_basis = when, "the text's effective clause"
    return drop_impossible_dates(rev)


def _clause_date(text: LawText) -> date | None:
    """The date of 本法自…起施行 in the last articles (or last paragraphs of an act without any)."""
    tail = [a.text for a in text.articles[-5:]] or list(text.preamble[-5:])
    for part in reversed(tail):
        m = EFFECTIVE.search(part)
        if m and m.group(1) != "公布之日":
            return parse_cn_date(m.group(1))
    return None


def _file_date(path: Path) -> date | None:
    m = _FILE_DATE.search(path.stem)
    if not m:
        return None
    y, mo, d = m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6)
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        return None


def _effective_clause(law: Law, text: LawText, history: list[Revision]) -> None:
    """A consolidated text's effective clause is the enactment's: date the first revision by it."""
    if not history or history[0].kind != "enacted":
        return
    first = law.revision(history[0].id)
    when = _clause_date(text)
    if (
        first is not None
        and first.effective is None
        and when is not None
        and (first.adopted is None or when >= first.adopted)
    ):
        first.effective = when
        first.effective_basis = "consolidated text, last articles: effective clause"


def _statuses(report: ImportReport, root: Path) -> None:
    by_path = {w.path: w.status for w in report.writes}
    for a in report.added:
        status = by_path.get(root / a.law / f"{a.revision}.txt", "unchanged")
        a.status = {"curated": "changed"}.get(status, status)
