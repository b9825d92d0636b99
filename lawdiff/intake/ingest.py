"""Gazette -> corpus: clean, split, classify, and merge what was found into ``laws/``.

Ingest is idempotent (a second run writes nothing), order-independent (the
gazettes can be ingested in any order and give the same files), refuses to
overwrite files edited by hand unless forced, and writes atomically after
every check has passed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import regex

from lawdiff.corpus import store
from lawdiff.corpus.files import sha256
from lawdiff.corpus.reader import Corpus
from lawdiff.corpus.schema import law_to_dict
from lawdiff.corpus.yamlio import load
from lawdiff.errors import CorpusError, GazetteError, InputError
from lawdiff.sources.clean import CleanResult, Correction, Corrections, clean, gazette_issue
from lawdiff.sources.gazette import QUOTED, Document, split
from lawdiff.sources.history import parse_history, unnest_title
from lawdiff.structure.dates import parse_cn_date
from lawdiff.structure.model import Law, LawText, ReportRef, Revision
from lawdiff.structure.parse import numbering_problems, parse_body

ISSUER = "山西省人民代表大会常务委员会"


@dataclass
class DocAction:
    doc: Document
    stored: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class IngestReport:
    source: Path
    issue: str
    sha256: str
    documents: list[DocAction]
    writes: list[store.PlannedWrite]
    ambiguous: list[int]
    corrections_applied: int

    @property
    def changed(self) -> list[store.PlannedWrite]:
        return [w for w in self.writes if w.status in ("new", "changed", "curated")]


# ---------------------------------------------------------------- input


def read_gazette(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(
            f"{path}: cannot read ({exc.strerror or exc.__class__.__name__})"
        ) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GazetteError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def load_corrections(root: Path, issue: str, sha: str) -> Corrections | None:
    path = root / "corrections" / f"{issue}.yaml"
    if not path.exists():
        return None
    data = load(path)
    where = str(path)
    if not isinstance(data, dict) or not isinstance(data.get("corrections"), list):
        raise CorpusError(f"{where}: expected a mapping with a 'corrections' list")
    recorded = data.get("sha256")
    if recorded and recorded != sha:
        raise GazetteError(
            f"{where}: written for a gazette text with sha256 {recorded[:12]}…, "
            f"this file is {sha[:12]}…; the line numbers would not fit"
        )
    items = []
    for i, c in enumerate(data["corrections"]):
        w = f"{where}: corrections[{i}]"
        if not isinstance(c, dict) or not isinstance(c.get("line"), int) or not c.get("reason"):
            raise CorpusError(f"{w}: needs an integer 'line' and a 'reason'")
        unknown = set(c) - {"line", "reason", "replace", "break_after"}
        if unknown:
            raise CorpusError(f"{w}: unknown field '{sorted(unknown)[0]}'")
        rep = c.get("replace")
        brk = c.get("break_after")
        if (rep is None) == (brk is None):
            raise CorpusError(f"{w}: give exactly one of 'replace' or 'break_after'")
        if rep is not None and not (
            isinstance(rep, list) and len(rep) == 2 and all(isinstance(x, str) for x in rep)
        ):
            raise CorpusError(f"{w}: 'replace' must be [old, new]")
        if brk is not None and not isinstance(brk, bool):
            raise CorpusError(f"{w}: 'break_after' must be true or false")
        items.append(
            Correction(
                line=c["line"],
                reason=str(c["reason"]),
                replace=(rep[0], rep[1]) if rep is not None else None,
                break_after=brk,
            )
        )
    return Corrections(items, source=where)


# ---------------------------------------------------------------- names


def short_title(title: str) -> str:
    """土地管理法实施办法 for 山西省实施《中华人民共和国土地管理法》办法; drop the 山西省 prefix."""
    m = regex.fullmatch(r"山西省实施《(?:中华人民共和国)?(.+?)》(办法|细则)", title)
    if m:
        return f"{m.group(1)}实施{m.group(2)}"
    m = regex.fullmatch(r"山西省人民代表大会常务委员会关于(.+)", title)
    if m:
        return m.group(1)
    if title.startswith("山西省"):
        return title[len("山西省") :]
    return title


def law_kind(title: str) -> str:
    if regex.match(r"^[^省]{2,4}市", title):
        return "city-regulation"
    return "decision" if title.endswith(("决定", "决议")) else "regulation"


def top_level_quotes(text: str) -> list[str]:
    return [m.group(1) for m in QUOTED.finditer(text)]


# ---------------------------------------------------------------- state


class State:
    """Laws and decisions as they will be after this ingest (disk + this gazette).

    Re-reading a gazette supersedes what the same gazette said before: when a
    record is loaded from disk, the contributions whose source is this issue
    are taken out first, so an improved reading replaces the old one instead
    of conflicting with it.  Contributions from other gazettes stay and must
    agree.
    """

    def __init__(self, root: Path, issue: str) -> None:
        self.root = root
        self.tag = f"公报{issue} "
        self.corpus = Corpus(root)
        self.laws: dict[str, Law] = {}
        self.texts: dict[tuple[str, str], LawText] = {}
        self.decisions: dict[str, dict[str, Any]] = {}
        self.decision_texts: dict[str, list[str]] = {}
        self.reports: dict[tuple[str, str], list[str]] = {}  # (law id, file) -> lines
        self._known_ids = {e.id for e in self.corpus.index()} if root.is_dir() else set()

    def law(self, title: str) -> Law:
        law_id = short_title(title)
        if law_id not in self.laws:
            if law_id in self._known_ids:
                self.laws[law_id] = self._without_this_issue(self.corpus.load_law(law_id))
            else:
                self.laws[law_id] = Law(
                    law_id, title, law_id, law_kind(title), [], issuer=_issuer(title)
                )
        return self.laws[law_id]

    def _without_this_issue(self, law: Law) -> Law:
        kept = []
        for r in law.revisions:
            others = [s for s in r.sources if not s.startswith(self.tag)]
            if not others:
                continue
            if not any(s.endswith("(text)") for s in others):
                r.text_file = r.text_sha256 = None
            r.sources = others
            r.reports = [x for x in r.reports if not x.source.startswith(self.tag)]
            kept.append(r)
        law.revisions = kept
        if law.repeal_decision and self._decision_only_from_here(law.repeal_decision):
            law.repealed = law.repeal_adopted = law.repeal_decision = None
        return law

    def _decision_only_from_here(self, decision_id: str) -> bool:
        old = self.decision(decision_id)
        return old is not None and all(s.startswith(self.tag) for s in old.get("sources", []))

    def decision(self, decision_id: str) -> dict[str, Any] | None:
        if decision_id in self.decisions:
            return self.decisions[decision_id]
        path = self.root / "decisions" / f"{decision_id}.yaml"
        if path.exists():
            data = load(path)
            if isinstance(data, dict):
                self.decisions[decision_id] = data
                return data
        return None


def _issuer(title: str) -> str:
    m = regex.match(r"^([^省]{2,4}市)", title)
    return f"{m.group(1)}人民代表大会常务委员会" if m else ISSUER


def merge_revision(law: Law, new: Revision) -> Revision:
    """Merge ``new`` into the revision with the same id (or add it), field by field."""
    old = law.revision(new.id)
    if old is None:
        law.revisions.append(new)
        law.revisions.sort(key=lambda r: r.order)
        return new
    for name in ("adopted", "promulgated", "effective", "decision", "announcement",
                 "approved", "text_file", "text_sha256"):  # fmt: skip
        a, b = getattr(old, name), getattr(new, name)
        if a is None:
            setattr(old, name, b)
        elif b is not None and a != b:
            raise CorpusError(f"{law.id} {new.id}: conflicting {name}: {a} vs {b}")
    old.decision_title = _same_decision_title(law, new.id, old.decision_title, new.decision_title)
    for name in ("session", "effective_basis", "label", "approved_by"):
        a, b = getattr(old, name), getattr(new, name)
        if len(b) > len(a):
            setattr(old, name, b)
    if new.kind != old.kind and {new.kind, old.kind} == {"enacted", "approved"}:
        old.kind = "enacted"
    old.derived = old.derived or new.derived
    old.sources = sorted(set(old.sources) | set(new.sources))
    old.notes = sorted(set(old.notes) | set(new.notes))
    known = {x.file for x in old.reports}
    old.reports = sorted(
        [*old.reports, *(x for x in new.reports if x.file not in known)], key=lambda x: x.file
    )
    return old


def _same_decision_title(law: Law, rev: str, a: str | None, b: str | None) -> str | None:
    """The decision's own spelling wins over a history note's (one nesting level deeper)."""
    if a is None or b is None:
        return a or b
    if _marks_off(a) != _marks_off(b):
        raise CorpusError(f"{law.id} {rev}: conflicting decision titles: {a} vs {b}")
    return min(a, b, key=lambda t: (not _balanced(t), t))


def _balanced(text: str) -> bool:
    stack: list[str] = []
    pairs = {"》": "《", "〉": "〈"}
    for ch in text:
        if ch in "《〈":
            stack.append(ch)
        elif ch in pairs and (not stack or stack.pop() != pairs[ch]):
            return False
    return not stack


def _marks_off(text: str) -> str:
    return regex.sub(r"[《》〈〉、]", "", text)


# ---------------------------------------------------------------- handlers


def _src(issue: str, doc: Document, what: str = "") -> str:
    tail = f" ({what})" if what else ""
    return f"公报{issue} L{doc.first}-{doc.last}{tail}"


def _handle_regulation(doc: Document, state: State, issue: str, action: DocAction) -> None:
    preamble, blocks = parse_body(doc.body_text, source=f"{doc.title} (公报{issue} L{doc.first})")
    text = LawText(title=doc.title, note=doc.note, preamble=tuple(preamble), blocks=tuple(blocks))
    problems = numbering_problems(text)
    if problems or not text.articles:
        what = problems[0] if problems else "no articles found"
        raise GazetteError(f"公报{issue} L{doc.first}: {doc.title}: {what}")
    events = parse_history(doc.note or "")
    if not events:
        raise GazetteError(f"公报{issue} L{doc.first}: {doc.title}: cannot read the history note")
    law = state.law(doc.title)
    for ev in events:
        merge_revision(
            law,
            Revision(
                id=ev.adopted.isoformat(),
                kind=ev.kind,
                adopted=ev.adopted,
                session=ev.session,
                decision_title=ev.decision,
                label=ev.label if ev.kind == "amended" else "",
                sources=[_src(issue, doc, "history note")],
            ),
        )
    last = events[-1]
    rev_id = last.adopted.isoformat()
    body = "\n".join(text.lines()) + "\n"
    own = last.kind in ("enacted", "revised")
    rev = Revision(
        id=rev_id,
        kind=last.kind,
        adopted=last.adopted,
        promulgated=doc.promulgated if own else None,
        effective=doc.effective if own else None,
        effective_basis=doc.effective_basis if own else "",
        announcement=f"第{_cn(doc.number)}号" if own and doc.number else None,
        text_file=f"{rev_id}.txt",
        text_sha256=sha256(body),
        sources=[_src(issue, doc, "text")],
    )
    merge_revision(law, rev)
    if not own and doc.effective_basis:
        # the effective clause of a consolidated text is the original enactment's
        first = law.revision(events[0].adopted.isoformat())
        assert first is not None
        if first.effective is None and doc.effective is not None:
            first.effective = doc.effective
        if not first.effective_basis:
            basis = doc.effective_basis
            first.effective_basis = f"consolidated text, last article: {basis}"
            if doc.effective is None:
                first.notes = sorted(set(first.notes) | {"promulgation date not in corpus"})
    state.texts[(law.id, rev_id)] = text
    action.stored.append(f"{law.id}/{rev_id}.txt")


def _cn(n: int | None) -> str:
    from lawdiff.structure.numerals import int_to_cn

    return int_to_cn(n) if n else ""


def decision_id(adopted: date, kind_word: str, target: str) -> str:
    return f"{adopted.isoformat()}-{kind_word}-{target}"


def _decision_record(
    doc: Document, issue: str, kind: str, did: str, targets: list[str]
) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": did,
        "title": doc.title,
        "kind": kind,
        "adopted": doc.adopted.isoformat() if doc.adopted else None,
        "session": doc.session or None,
        "promulgated": doc.promulgated.isoformat() if doc.promulgated else None,
        "effective": doc.effective.isoformat() if doc.effective else None,
        "effective_basis": doc.effective_basis or None,
        "announcement": f"第{_cn(doc.number)}号" if doc.number else None,
        "targets": targets,
        "text": f"{did}.txt",
        "sources": [_src(issue, doc)],
    }
    return {k: v for k, v in rec.items() if v is not None}


def _store_decision(state: State, rec: dict[str, Any], lines: list[str]) -> None:
    content = "\n".join(lines) + "\n"
    rec["sha256"] = sha256(content)
    old = state.decision(rec["id"])
    if old is not None and all(s.startswith(state.tag) for s in old.get("sources", [])):
        old = None  # written from this very gazette: the new reading replaces it
    if old is not None:
        merged = dict(old)
        for k, v in rec.items():
            if k == "sources":
                merged[k] = sorted(set(old.get(k, [])) | set(v))
            elif old.get(k) not in (None, v):
                raise CorpusError(f"decision {rec['id']}: conflicting {k}: {old.get(k)} vs {v}")
            else:
                merged[k] = v
        rec = merged
    state.decisions[rec["id"]] = rec
    state.decision_texts[rec["id"]] = lines


def _handle_amendment(doc: Document, state: State, issue: str, action: DocAction) -> None:
    assert doc.adopted is not None
    inner = regex.sub(r"^.*?关于修改", "", doc.title)
    titles = [unnest_title(t) for t in top_level_quotes(inner)]
    if not titles:
        raise GazetteError(f"公报{issue} L{doc.first}: {doc.title}: no amended title found")
    laws = [state.law(t) for t in titles]
    if doc.effective is None and doc.effective_basis.startswith("自公布之日起施行"):
        doc.effective = doc.promulgated
    did = decision_id(doc.adopted, "修改", laws[0].id + ("等" if len(laws) > 1 else ""))
    rec = _decision_record(doc, issue, "amendment", did, [law.id for law in laws])
    _store_decision(state, rec, doc.lines())
    for law in laws:
        merge_revision(
            law,
            Revision(
                id=doc.adopted.isoformat(),
                kind="amended",
                adopted=doc.adopted,
                session=doc.session,
                promulgated=doc.promulgated,
                effective=doc.effective,
                effective_basis=f"decision: {doc.effective_basis}" if doc.effective_basis else "",
                decision=did,
                decision_title=regex.sub(r"^山西省人民代表大会常务委员会", "", doc.title),
                announcement=rec.get("announcement"),
                sources=[_src(issue, doc, "decision")],
            ),
        )
    action.stored.append(f"decisions/{did}.yaml")


REPEALED = regex.compile(
    r"([0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)(山西省第[一二三四五六七八九十]+届人民代表大会常务委员会第[一二三四五六七八九十]+次会议)通过的《([^》]+)》自([0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)起废止"
)


def _handle_repeal(doc: Document, state: State, issue: str, action: DocAction) -> None:
    assert doc.adopted is not None
    text = "".join(doc.body_text)
    m = REPEALED.search(text)
    if not m:
        raise GazetteError(f"公报{issue} L{doc.first}: {doc.title}: cannot read what is repealed")
    enacted, session, title, when = (
        parse_cn_date(m.group(1)),
        m.group(2),
        m.group(3),
        parse_cn_date(m.group(4)),
    )
    assert enacted and when
    law = state.law(title)
    did = decision_id(doc.adopted, "废止", law.id)
    rec = _decision_record(doc, issue, "repeal", did, [law.id])
    rec["repeal_effective"] = when.isoformat()
    _store_decision(state, rec, doc.lines())
    merge_revision(
        law,
        Revision(
            id=enacted.isoformat(),
            kind="enacted",
            adopted=enacted,
            session=session,
            sources=[_src(issue, doc, "repeal decision")],
        ),
    )
    law.repealed = when
    law.repeal_adopted = doc.adopted
    law.repeal_decision = did
    action.stored.append(f"decisions/{did}.yaml")


APPROVED = regex.compile(
    r"审议了(.+?)于([0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)通过的(?:关于)?《((?:[^《》]|《[^《》]*》)+)》"
)


def _handle_approval(doc: Document, state: State, issue: str, action: DocAction) -> None:
    assert doc.adopted is not None
    text = "".join(doc.body_text)
    m = APPROVED.search(text)
    if not m:
        raise GazetteError(f"公报{issue} L{doc.first}: {doc.title}: cannot read what is approved")
    city_session, city_date, approved_title = m.group(1), parse_cn_date(m.group(2)), m.group(3)
    assert city_date
    amended = regex.search(r"关于修改〈([^〉]+)〉(等[^的]*)?的决定", approved_title)
    target_title = unnest_title(amended.group(1)) if amended else approved_title
    approved_title = unnest_title(approved_title) if amended else approved_title
    law = state.law(target_title)
    slug = law.id + ("修改决定" if amended else "")
    did = decision_id(doc.adopted, "批准", slug)
    rec = _decision_record(doc, issue, "approval", did, [law.id])
    rec["approved_title"] = approved_title
    _store_decision(state, rec, doc.lines())
    notes = []
    if amended and amended.group(2):
        notes.append(
            f"the approved decision amends {amended.group(1)}{amended.group(2)}; the others are not named"
        )
    merge_revision(
        law,
        Revision(
            id=city_date.isoformat(),
            kind="amended" if amended else "enacted",
            adopted=city_date,
            session=city_session,
            decision_title=approved_title if amended else None,
            approved=doc.adopted,
            approved_by=f"{doc.session}（{did}）" if doc.session else did,
            sources=[_src(issue, doc, "approval")],
            notes=notes,
        ),
    )
    action.stored.append(f"decisions/{did}.yaml")


ENACTED_IN = regex.compile(
    r"([0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)，([^，。]*?会议)(?:表决)?通过了《([^》]+)》"
)


def _enactments_from_explanations(docs: list[Document], state: State, issue: str) -> None:
    """A law known only as a decision target may have its adoption stated in a 说明."""
    for law in state.laws.values():
        if any(r.kind == "enacted" for r in law.revisions):
            continue
        for doc in docs:
            if doc.kind != "explanation":
                continue
            for m in ENACTED_IN.finditer("".join(doc.body_text)):
                named = m.group(3)
                if named not in (
                    law.title,
                    law.short_title,
                    short_title(law.title),
                ) and not law.title.endswith(named):
                    continue
                when = parse_cn_date(m.group(1))
                assert when
                merge_revision(
                    law,
                    Revision(
                        id=when.isoformat(),
                        kind="enacted",
                        adopted=when,
                        session=_session_name(m.group(2)),
                        sources=[_src(issue, doc, "explanation")],
                    ),
                )


def _session_name(text: str) -> str:
    m = regex.search(r"省十([一二三四五])届人大常委会第([一二三四五六七八九十]+)次会议", text)
    if m:
        return f"山西省第十{m.group(1)}届人民代表大会常务委员会第{m.group(2)}次会议"
    return text


HANDLERS = {
    "regulation": _handle_regulation,
    "amendment": _handle_amendment,
    "repeal": _handle_repeal,
    "approval": _handle_approval,
}


# ---------------------------------------------------------------- rendering


def _render(
    state: State, issue: str, result: CleanResult, docs: list[DocAction], src: Path
) -> list[store.PlannedWrite]:
    root = state.root
    writes: list[store.PlannedWrite] = []
    pristine: dict[Path, str] = {}
    for (law_id, rev_id), text in sorted(state.texts.items()):
        path = root / law_id / f"{rev_id}.txt"
        writes.append(store.PlannedWrite(path, "\n".join(text.lines()) + "\n"))
    for law_id, law in sorted(state.laws.items()):
        writes.append(
            store.PlannedWrite(root / law_id / "law.yaml", store.render_yaml(law_to_dict(law)))
        )
        if law_id in state._known_ids:
            for r in state.corpus.load_law(law_id).revisions:
                if r.text_file and r.text_sha256:
                    pristine[root / law_id / r.text_file] = r.text_sha256
    for (law_id, file), lines in sorted(state.reports.items()):
        writes.append(store.PlannedWrite(root / law_id / file, "\n".join(lines) + "\n"))
    for did, rec in sorted(state.decisions.items()):
        writes.append(
            store.PlannedWrite(root / "decisions" / f"{did}.yaml", store.render_yaml(rec))
        )
        if did in state.decision_texts:
            writes.append(
                store.PlannedWrite(
                    root / "decisions" / f"{did}.txt", "\n".join(state.decision_texts[did]) + "\n"
                )
            )
        old = state.decision(did)
        if old and old.get("sha256"):
            pristine[root / "decisions" / f"{did}.txt"] = old["sha256"]
    writes.append(store.PlannedWrite(root / "index.yaml", store.render_yaml(_index(state))))
    writes.append(
        store.PlannedWrite(
            root / "gazettes" / f"{issue}.yaml",
            store.render_yaml(_manifest(issue, result, docs, src)),
        )
    )
    return store.plan_writes(writes, pristine)


def _index(state: State) -> dict[str, Any]:
    entries: dict[str, dict[str, Any]] = {}
    for e in state.corpus.index() if state.root.is_dir() else []:
        entries[e.id] = {"id": e.id, "title": e.title, "short_title": e.short_title, "kind": e.kind}
        if e.aliases:
            entries[e.id]["aliases"] = list(e.aliases)
    for law in state.laws.values():
        entries[law.id] = {
            "id": law.id,
            "title": law.title,
            "short_title": law.short_title,
            "kind": law.kind,
        }
        if law.aliases:
            entries[law.id]["aliases"] = list(law.aliases)
    return {"laws": [entries[k] for k in sorted(entries)]}


def _manifest(issue: str, result: CleanResult, docs: list[DocAction], src: Path) -> dict[str, Any]:
    out: dict[str, Any] = {
        "issue": issue,
        "sha256": result.sha256,
        "paragraphs": len(result.paras),
        "debris_lines_dropped": result.debris,
        "ambiguous_breaks_left": result.ambiguous,
        "documents": [],
    }
    for a in docs:
        d = a.doc
        row: dict[str, Any] = {
            "no": d.index,
            "lines": f"{d.first}-{d.last}",
            "kind": d.kind,
            "title": d.title,
        }
        for key in ("adopted", "promulgated", "effective"):
            value = getattr(d, key)
            if value:
                row[key] = value.isoformat()
        if d.number:
            row["announcement"] = f"第{_cn(d.number)}号"
        if a.stored:
            row["stored"] = a.stored
        if a.note:
            row["note"] = a.note
        out["documents"].append(row)
    return out


# ---------------------------------------------------------------- entry point


def ingest(path: Path, root: Path, *, dry_run: bool = False, force: bool = False) -> IngestReport:
    text = read_gazette(path)
    if not text.strip():
        raise GazetteError(f"{path}: empty file")
    sha = sha256(text)
    issue = gazette_issue(text) or f"sha-{sha[:12]}"
    corrections = load_corrections(root, issue, sha)
    result = clean(text, corrections)
    docs = split(result)
    state = State(root, issue)
    actions = [DocAction(d) for d in docs]
    for a in actions:
        handler = HANDLERS.get(a.doc.kind)
        if handler:
            handler(a.doc, state, issue, a)
        elif a.doc.kind == "draft":
            a.note = "draft printed with its explanation; not a law text"
    _enactments_from_explanations(docs, state, issue)
    _attach_tables(docs, state, issue)
    _attach_reports(actions, state, issue)
    writes = _render(state, issue, result, actions, path)
    report = IngestReport(
        path,
        issue,
        sha,
        actions,
        writes,
        result.ambiguous,
        len(corrections.items) if corrections else 0,
    )
    if not dry_run:
        store.apply_writes(writes, force=force)
    return report


def _attach_tables(docs: list[Document], state: State, issue: str) -> None:
    """Rate tables changed by a decision: the cells known before it (see tables.py)."""
    from lawdiff.intake.tables import tables_from_decisions

    tables_from_decisions(docs, state, issue)


# ---------------------------------------------------------------- reports

DRAFT = regex.compile(r"《((?:[^《》]|《[^《》]*》)*?)（(?:修订|修正)?草案）》")
_REPORT_KIND = (
    ("的说明", "说明"),
    ("审议结果的报告", "审议结果"),
    ("修改情况的报告", "修改情况"),
    ("研究意见的报告", "研究意见"),
    ("审议意见的报告", "审议意见"),
)
_DELIVERED = regex.compile(r"^—+([0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)在")


def report_kind(title: str) -> str | None:
    return next((kind for end, kind in _REPORT_KIND if title.endswith(end)), None)


def _attach_reports(actions: list[DocAction], state: State, issue: str) -> None:
    """Store each 说明 / review report of a draft with the revision it led to.

    A report names its draft (《…（修订草案）》). A draft of an amending decision printed in this
    gazette belongs to the laws that decision amends; otherwise the report belongs to the law text
    or decision printed last before it (the gazette prints a law, then its reports; a draft's name
    may differ from the adopted title: 县域医疗卫生一体化改革促进条例 → …一体化办法).
    """
    from lawdiff.amend.ops import title_key

    decisions = {
        title_key(a.doc.title): a.doc for a in actions if a.doc.kind in ("amendment", "repeal")
    }
    last: Document | None = None
    for a in actions:
        doc = a.doc
        if doc.kind in ("regulation", "amendment", "repeal"):
            last = doc
            continue
        kind = report_kind(doc.title)
        m = DRAFT.search(doc.title)
        if doc.kind not in ("explanation", "review") or kind is None or m is None:
            continue
        owner = decisions.get(title_key(m.group(1))) or last
        if owner is None:
            a.note = "report: no law or decision printed before it"
            continue
        targets = _report_targets(owner, state, issue)
        if not targets:
            a.note = f"report on {owner.title}: no revision of a law to attach it to"
            continue
        delivered = next(
            (parse_cn_date(mm.group(1)) for p in doc.body_text[:4] if (mm := _DELIVERED.match(p))),
            None,
        )
        file = f"reports/{issue}-{doc.index:02d}.txt"
        lines = doc.lines()
        ref = ReportRef(
            kind, doc.title, file, sha256("\n".join(lines) + "\n"), delivered, _src(issue, doc)
        )
        for law, rev in targets:
            merge_revision(law, Revision(id=rev.id, kind=rev.kind, reports=[ref]))
            state.reports[(law.id, file)] = lines
            a.stored.append(f"{law.id}/{file}")


def _report_targets(owner: Document, state: State, issue: str) -> list[tuple[Law, Revision]]:
    """The (law, revision) pairs a report printed after ``owner`` is about."""
    out = []
    if owner.kind == "regulation":
        src = _src(issue, owner, "text")
        for law in state.laws.values():
            out.extend((law, r) for r in law.revisions if src in r.sources)
    elif owner.kind == "amendment" and owner.adopted is not None:
        inner = regex.sub(r"^.*?关于修改", "", owner.title)
        for t in top_level_quotes(inner):
            law = state.law(unnest_title(t))
            rev = law.revision(owner.adopted.isoformat())
            if rev is not None:
                out.append((law, rev))
    return out

