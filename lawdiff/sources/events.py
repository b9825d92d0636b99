"""The 题注 of a consolidated text as events, and the events as timeline revisions.

The gazette's own notes are read by ``history.parse_history``; this reader covers the forms of
every other publisher (formats.md §1, §3):

* ``X会议通过`` / ``X会议修订`` / ``根据X会议《关于修改〈…〉的决定》第N次修正``;
* 刑法's run ``根据A通过的《…》、B通过的《…》和C通过的《…》修正`` — one amendment per date;
* city regulations in pairs: ``X市…会议通过　Y省…会议批准`` and ``根据X市…通过　Y省…批准的《…》第N次修正``
  (one revision: adopted by the city, approved by the province);
* ``中华人民共和国国务院令第512号公布``, ``…发布``, ``自2024年5月1日起施行``, ``…公告公布施行``.

Each event starts at a date and runs to the next date.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import regex

from lawdiff.sources.history import unnest_title
from lawdiff.structure.dates import parse_cn_date
from lawdiff.structure.model import Revision

DATE = regex.compile(
    r"[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日"
)
_TRAIL = "\u3000 、，,；;和根据自及"
_ACTION = regex.compile(r"(审议通过|通过|公布施行|公布|发布|修订|第[一二三四五六七八九十]+次修正|修正|批准)")


class Event(NamedTuple):
    kind: str  # adopted | amended | revised | approved | promulgated | effective
    day: date
    body: str  # the session or the order: 第十三届全国人民代表大会常务委员会第二十九次会议
    decision: str | None
    label: str  # 第一次修正 / 修订 / 通过 …
    raw: str
    approval: bool = False  # 批准的《…》修正: the province approving a city's amendment


def read_events(note: str) -> list[Event]:
    inner = note.strip().rstrip("①②③④⑤⑥⑦⑧⑨⑩").strip()
    if inner.startswith(("（", "(")):
        inner = inner[1:]
    if inner.endswith(("）", ")")):
        inner = inner[:-1]
    spots = list(DATE.finditer(inner))
    events: list[Event] = []
    for i, m in enumerate(spots):
        end = spots[i + 1].start() if i + 1 < len(spots) else len(inner)
        seg = inner[m.start() : end].rstrip(_TRAIL)
        if i + 1 < len(spots) and inner[spots[i + 1].start() - 1 : spots[i + 1].start()] == "自":
            seg = seg.rstrip("自")
        ev = _event(seg, m.group(0))
        if ev is not None:
            events.append(ev)
    return events


def _event(seg: str, when: str) -> Event | None:
    day = parse_cn_date(when)
    if day is None:
        return None
    rest = seg[len(when) :]
    if regex.search(r"起?施行$", rest) and not rest.endswith("公布施行"):
        return Event("effective", day, "", None, "施行", seg)
    quoted = _top_quote(rest)
    decision = unnest_title(quoted.group(1)) if quoted else None
    act = None
    for a in _ACTION.finditer(rest):
        if quoted is None or a.start() < quoted.start() or a.start() >= quoted.end():
            act = a
    head = rest[: min(x for x in (act.start() if act else len(rest), quoted.start() if quoted else len(rest)))]
    body = regex.sub(r"(?:审议)?通过$", "", head.removesuffix("的")).strip()
    if act is None:
        return Event("amended", day, body, decision, "修正", seg) if decision else None
    word = act.group(1)
    tail_after = rest[act.end() :]
    if word in ("通过", "审议通过"):
        if decision and quoted and quoted.start() > act.start():  # 通过的《…修正案》: an amendment
            return Event("amended", day, body, decision, "修正", seg)
        return Event("adopted", day, body, None, "通过", seg)
    if word in ("公布", "发布", "公布施行"):
        return Event("promulgated", day, body, decision, word, seg)
    if word == "批准":
        if decision and not tail_after:
            return Event("approved", day, body, decision, "批准", seg)
        return Event("approved", day, body, None, "批准", seg)
    kind = "revised" if word == "修订" else "amended"
    approval = "批准的" in rest
    return Event(kind, day, body, decision, word, seg, approval)


class _Quote(NamedTuple):
    """The outermost 《…》 of a segment (nested titles included, at any depth)."""

    start_at: int
    end_at: int
    inner: str

    def start(self) -> int:
        return self.start_at

    def end(self) -> int:
        return self.end_at

    def group(self, _: int) -> str:
        return self.inner


def _top_quote(text: str) -> _Quote | None:
    begin = text.find("《")
    if begin < 0:
        return None
    depth = 0
    for i in range(begin, len(text)):
        if text[i] in "《〈":
            depth += 1
        elif text[i] in "》〉":
            depth -= 1
            if depth == 0:
                return _Quote(begin, i + 1, text[begin + 1 : i])
    return None


def revisions_from_events(events: list[Event]) -> list[Revision]:
    """One revision per adoption / amendment / revision; approvals, promulgations and effective
    dates complete the revision they follow."""
    revs: list[Revision] = []
    open_adoption = False  # the last revision came from a bare 通过 still waiting for its 批准…修正
    for ev in events:
        iso = ev.day.isoformat()
        if ev.kind == "adopted":
            kind = "enacted" if not revs else "amended"
            revs.append(Revision(id=iso, kind=kind, adopted=ev.day, session=ev.body))
            open_adoption = bool(revs[:-1])
        elif ev.kind in ("amended", "revised") and ev.approval and open_adoption:
            last = revs[-1]
            last.kind, last.approved, last.approved_by = ev.kind, ev.day, ev.body
            last.decision_title, last.label = ev.decision, _label(ev)
            open_adoption = False
        elif ev.kind in ("amended", "revised"):
            revs.append(Revision(id=iso, kind=ev.kind, adopted=ev.day, session=ev.body,
                                 decision_title=ev.decision, label=_label(ev)))  # fmt: skip
            open_adoption = False
        elif ev.kind == "approved" and revs:
            revs[-1].approved, revs[-1].approved_by = ev.day, ev.body
            open_adoption = False
        elif ev.kind == "promulgated":
            if not revs or (ev.decision and revs[-1].adopted != ev.day):
                kind = "enacted" if not revs else "revised"
                revs.append(Revision(id=iso, kind=kind, adopted=ev.day, session=ev.body,
                                     decision_title=ev.decision))  # fmt: skip
            last = revs[-1]
            last.promulgated = last.promulgated or ev.day
            if ev.label == "公布施行":
                last.effective, last.effective_basis = ev.day, "题注: 公布施行"
        elif ev.kind == "effective" and revs and revs[-1].effective is None:
            revs[-1].effective = ev.day
            revs[-1].effective_basis = f"题注: 自{ev.raw.removesuffix('起施行').removesuffix('施行')}起施行"
    return [drop_impossible_dates(r) for r in _dedupe(revs)]


def drop_impossible_dates(rev: Revision) -> Revision:
    """A promulgation, effective or approval date before the adoption is a slip of the source
    (洛阳市龙门石窟保护管理条例: 批准 1995 after 通过 1999): kept as a note, not as a date."""
    for key in ("promulgated", "effective", "approved"):
        value = getattr(rev, key)
        if value is not None and rev.adopted is not None and value < rev.adopted:
            setattr(rev, key, None)
            if key == "effective":
                rev.effective_basis = ""
            rev.notes = sorted({*rev.notes, f"the source gives {key} {value}, before the adoption: not used"})
    return rev


def _label(ev: Event) -> str:
    if ev.kind == "revised":
        return ""
    return ev.label if ev.label.startswith("第") else "修正"


def _dedupe(revs: list[Revision]) -> list[Revision]:
    """Two events on one day (通过 and 公布 of a law) are one revision."""
    out: dict[str, Revision] = {}
    for r in revs:
        old = out.get(r.id)
        if old is None:
            out[r.id] = r
            continue
        for name in ("promulgated", "effective", "approved", "decision_title"):
            if getattr(old, name) is None:
                setattr(old, name, getattr(r, name))
    return list(out.values())
