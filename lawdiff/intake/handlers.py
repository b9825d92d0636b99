"""What each kind of gazette document adds to the corpus: law texts, amendments, repeals, approvals, enactments named in a 说明."""

from __future__ import annotations

from datetime import date
from typing import Any

import regex

from lawdiff.corpus.files import sha256
from lawdiff.errors import CorpusError, GazetteError
from lawdiff.i18n import _
from lawdiff.intake.consolidated import store_text
from lawdiff.intake.state import DocAction, State, merge_revision, short_title, top_level_quotes
from lawdiff.sources.gazette import Document
from lawdiff.sources.history import parse_history, unnest_title
from lawdiff.structure.dates import parse_cn_date
from lawdiff.structure.model import LawText, Revision
from lawdiff.structure.parse import numbering_problems, parse_body

# ---------------------------------------------------------------- handlers


def source_ref(issue: str, doc: Document, what: str = "") -> str:
    tail = f" ({what})" if what else ""
    return f"公报{issue} L{doc.first}-{doc.last}{tail}"


def _handle_regulation(doc: Document, state: State, issue: str, action: DocAction) -> None:
    preamble, blocks = parse_body(doc.body_text, source=f"{doc.title} (公报{issue} L{doc.first})")
    text = LawText(title=doc.title, note=doc.note, preamble=tuple(preamble), blocks=tuple(blocks))
    problems = numbering_problems(text)
    if problems or not text.articles:
        what = problems[0] if problems else _("no articles found")
        raise GazetteError(_("公报{issue} L{doc.first}: {doc.title}: {what}").format(issue=issue, doc=doc, what=what))
    events = parse_history(doc.note or "")
    if not events:
        raise GazetteError(_("公报{issue} L{doc.first}: {doc.title}: cannot read the history note").format(issue=issue, doc=doc))
    law = state.law(doc.title)
    history = [
        Revision(
            id=ev.adopted.isoformat(),
            kind=ev.kind,
            adopted=ev.adopted,
            session=ev.session,
            decision_title=ev.decision,
            label=ev.label if ev.kind == "amended" else "",
            sources=[source_ref(issue, doc, "history note")],
        )
        for ev in events
    ]
    last = events[-1]
    rev_id = last.adopted.isoformat()
    own = last.kind in ("enacted", "revised")
    rev = Revision(
        id=rev_id,
        kind=last.kind,
        adopted=last.adopted,
        promulgated=doc.promulgated if own else None,
        effective=doc.effective if own else None,
        effective_basis=doc.effective_basis if own else "",
        announcement=f"第{cn_number(doc.number)}号" if own and doc.number else None,
        sources=[source_ref(issue, doc, "text")],
    )
    # the same step as import: a different text for a stored revision is refused unless --force
    store_text(state, law, history, rev, text, force=state.force, strict=True)
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
    action.stored.append(f"{law.id}/{rev_id}.txt")


def cn_number(n: int | None) -> str:
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
        "announcement": f"第{cn_number(doc.number)}号" if doc.number else None,
        "targets": targets,
        "text": f"{did}.txt",
        "sources": [source_ref(issue, doc)],
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
                raise CorpusError(_("decision {decision}: conflicting {key}: {old} vs {new}").format(
                    decision=rec["id"], key=k, old=old.get(k), new=v
                ))
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
        raise GazetteError(_("公报{issue} L{doc.first}: {doc.title}: no amended title found").format(issue=issue, doc=doc))
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
                sources=[source_ref(issue, doc, "decision")],
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
        raise GazetteError(_("公报{issue} L{doc.first}: {doc.title}: cannot read what is repealed").format(issue=issue, doc=doc))
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
            sources=[source_ref(issue, doc, "repeal decision")],
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
        raise GazetteError(_("公报{issue} L{doc.first}: {doc.title}: cannot read what is approved").format(issue=issue, doc=doc))
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
            sources=[source_ref(issue, doc, "approval")],
            notes=notes,
        ),
    )
    action.stored.append(f"decisions/{did}.yaml")


ENACTED_IN = regex.compile(
    r"([0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)，([^，。]*?会议)(?:表决)?通过了《([^》]+)》"
)


def enactments_from_explanations(docs: list[Document], state: State, issue: str) -> None:
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
                        sources=[source_ref(issue, doc, "explanation")],
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
