"""Split a cleaned gazette into documents, classify them and read their metadata.

A document starts with a *title block* (short centred lines without final
punctuation) followed by an *opener*: an adoption/history note
``（2024年3月28日…通过）``, an announcement number ``（第二十一号）``, a speech
line ``———2024年3月27日在…会议上``, the salutation ``主任、各位副主任…：``, or a
body paragraph carrying the 2-em indent that only first paragraphs have.
Title blocks right after ``附件N`` belong to the enclosing document, and the
法制委 report printed under an approval decision belongs to that decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import regex

from lawdiff.errors import GazetteError
from lawdiff.i18n import _
from lawdiff.sources.clean import CleanResult, Para
from lawdiff.structure.dates import DATE, parse_cn_date

NOTE_OPENER = regex.compile(r"^（[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日?.*(?:通过|修正|修订)）$")
NUMBER_OPENER = regex.compile(r"^（第([零一二三四五六七八九十百]+)号）$")
SPEECH = regex.compile(r"^———")
SALUTATION = regex.compile(r"^主任、各位副主任")
ANNEX = regex.compile(r"^附件[0-9]*$")
TERMINAL_END = ("。", "；", "：", "！", "？", "。”", "；”")
REG_TITLE = regex.compile(r"(?:条例|办法|细则|规定|规则)$")
QUOTED = regex.compile(r"《((?:[^《》]|《[^《》]*》)*)》")
SESSION = regex.compile(
    r"(山西省第[一二三四五六七八九十]+届人民代表大会常务委员会第[一二三四五六七八九十]+次会议)"
)


@dataclass
class Document:
    index: int
    title: str
    kind: str
    first: int  # physical line numbers in the gazette
    last: int
    paras: list[Para]
    body_start: int  # index into paras of the first body paragraph
    note: str | None = None
    number: int | None = None  # announcement number
    adopted: date | None = None
    session: str = ""
    promulgated: date | None = None
    effective: date | None = None
    effective_basis: str = ""
    repeal_effective: date | None = None
    subject: str | None = None  # the title quoted in an announcement / decision
    subjects: list[str] = field(default_factory=list)
    signed: date | None = None

    @property
    def body(self) -> list[Para]:
        return self.paras[self.body_start :]

    @property
    def body_text(self) -> list[str]:
        return [p.text for p in self.body]

    def lines(self) -> list[str]:
        """Title, adoption note and body: the document as canonical lines."""
        return [self.title, *([self.note] if self.note else []), *self.body_text]


def _is_title_like(p: Para) -> bool:
    """Titles carry no sentence punctuation and are not list items or dates."""
    t = p.text
    if not t or DATE.fullmatch(t) or regex.search(r"[。；：，！？]", t):
        return False
    if ANNEX.match(t) or SPEECH.match(t) or t.startswith("（"):
        return False
    return not regex.match(
        r"^(?:第[零一二三四五六七八九十百]+条|[0-9]+[．、]|[一二三四五六七八九十]+、)", t
    )


def _opener(paras: list[Para], i: int) -> bool:
    p = paras[i]
    t = p.text
    return bool(
        NOTE_OPENER.match(t)
        or NUMBER_OPENER.match(t)
        or SPEECH.match(t)
        or SALUTATION.match(t)
        or p.indented
    )


def split(result: CleanResult) -> list[Document]:
    """Cut the paragraph stream into top-level documents."""
    paras = result.paras
    starts: list[tuple[int, int]] = []  # (title start, body start)
    i = 0
    while i < len(paras):
        if _opener(paras, i) and i > 0 and _is_title_like(paras[i - 1]):
            j = i - 1
            while j > 0 and _is_title_like(paras[j - 1]) and i - j < 6:
                j -= 1
            before = paras[j - 1].text if j > 0 else ""
            # a block after 附件N is an annex; after a speech line it is the speaker
            if not (ANNEX.match(before) or SPEECH.match(before)):
                starts.append((j, i))
        else:
            body = _agenda_title(paras, i)
            if body:
                starts.append((i, body))
        i += 1
    starts = _dedupe(starts)
    if not starts:
        raise GazetteError(
            _('no documents found: no title followed by an adoption note, announcement number, speech line or salutation')
        )
    docs: list[Document] = []
    for n, (t0, b0) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(paras)
        chunk = paras[t0:end]
        title = "".join(p.text for p in paras[t0:b0])
        docs.append(
            Document(len(docs) + 1, title, "other", chunk[0].first, chunk[-1].last, chunk, b0 - t0)
        )
    docs = _merge_approval_reports(docs)
    for d in docs:
        classify(d)
    _link_announcements(docs)
    return docs


def _agenda_title(paras: list[Para], i: int) -> int:
    """Agendas and minutes have no opener; their title says what they are.

    Returns the index of the first body paragraph, or 0.
    """
    t = paras[i].text
    if not _is_title_like(paras[i]) or (i > 0 and _is_title_like(paras[i - 1])):
        return 0
    joined = t
    k = i + 1
    while (
        k < len(paras)
        and _is_title_like(paras[k])
        and k - i < 3
        and not joined.endswith(("议程", "纪要"))
    ):
        joined += paras[k].text
        k += 1
    if regex.search(r"会议(?:议程|纪要)$", joined) and k < len(paras) and not _opener(paras, k):
        return k
    return 0


def _dedupe(starts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s in sorted(set(starts)):
        if out and s[0] < out[-1][1]:
            continue
        out.append(s)
    return out


def _merge_approval_reports(docs: list[Document]) -> list[Document]:
    """The 法制委 report printed under an approval decision is part of it."""
    out: list[Document] = []
    for d in docs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and "关于批准" in prev.title
            and d.title.endswith("审议结果的报告")
            and _quoted(d.title)
            and _quoted(d.title)[0] in prev.title
        ):
            prev.paras.extend(d.paras)
            prev.last = d.last
            continue
        out.append(d)
    for n, d in enumerate(out, start=1):
        d.index = n
    return out


def _quoted(text: str) -> list[str]:
    return [m.group(1) for m in QUOTED.finditer(text)]


def classify(doc: Document) -> None:
    """Set ``kind`` and read dates, numbers and subjects."""
    title = doc.title
    body = doc.body
    first = body[0].text if body else ""
    if NOTE_OPENER.match(first):
        doc.note = first
        doc.body_start += 1
        d = parse_cn_date(first)
        doc.adopted = d
        m = SESSION.search(first)
        doc.session = m.group(1) if m else ""
    quoted = _quoted(title)
    doc.subjects = quoted
    if title == "山西省人民代表大会常务委员会公告":
        doc.kind = "announcement"
        _read_announcement(doc)
    elif regex.match(r"^(?:山西省人民代表大会常务委员会)?关于批准《", title) and title.endswith(
        "决定"
    ):
        doc.kind = "approval"
    elif "关于修改" in title and title.endswith("决定"):
        doc.kind = "amendment" if doc.note else "draft"
    elif "关于废止" in title and title.endswith("决定"):
        doc.kind = "repeal" if doc.note else "draft"
    elif title.endswith("的说明"):
        doc.kind = "explanation"
    elif regex.search(r"(?:审议意见|研究意见|修改情况|审议结果|审查结果)的报告$", title):
        doc.kind = "review"
    elif title.endswith("纪要"):
        doc.kind = "minutes"
    elif title.endswith("议程"):
        doc.kind = "agenda"
    elif REG_TITLE.search(title) and doc.note and not title.startswith("关于"):
        doc.kind = "regulation"
    elif title.endswith(("决定", "决议")):
        doc.kind = "decision" if doc.note else "draft"
    else:
        doc.kind = "other"
    if doc.kind in ("regulation", "amendment", "repeal", "decision", "approval"):
        _read_effective(doc)
    if doc.kind == "repeal":
        _read_repeal(doc)


def _read_announcement(doc: Document) -> None:
    paras = doc.body
    m = NUMBER_OPENER.match(paras[0].text) if paras else None
    if m:
        from lawdiff.structure.numerals import to_int

        doc.number = to_int(m.group(1))
    text = "".join(p.text for p in paras)
    quoted = _quoted(text)
    doc.subject = quoted[0] if quoted else None
    m2 = regex.search(r"于([0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)(?:修订)?通过", text)
    if m2:
        doc.adopted = parse_cn_date(m2.group(1))
    signed = [parse_cn_date(p.text) for p in paras if DATE.fullmatch(p.text)]
    doc.signed = signed[-1] if signed else None
    doc.promulgated = doc.signed if "现予公布" in text or "公布" in text else None
    m3 = regex.search(r"自([0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)起(施行|废止)", text)
    if m3:
        when = parse_cn_date(m3.group(1))
        if m3.group(2) == "废止":
            doc.repeal_effective = when
        else:
            doc.effective = when
            doc.effective_basis = f"公告: 自{m3.group(1)}起施行"
    elif "自公布之日起施行" in text:
        doc.effective = doc.promulgated
        doc.effective_basis = "公告: 自公布之日起施行"


EFFECTIVE = regex.compile(
    r"本(?:条例|办法|细则|规定|规则|决定)自(公布之日|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)起(?:施行|实施)"
)


def _read_effective(doc: Document) -> None:
    for p in reversed(doc.body):
        m = EFFECTIVE.search(p.text)
        if m:
            if m.group(1) == "公布之日":
                doc.effective_basis = "自公布之日起施行"
            else:
                doc.effective = parse_cn_date(m.group(1))
                doc.effective_basis = f"自{m.group(1)}起施行"
            return


def _read_repeal(doc: Document) -> None:
    text = "".join(doc.body_text)
    m = regex.search(r"自([0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)起废止", text)
    if m:
        doc.repeal_effective = parse_cn_date(m.group(1))
    q = _quoted(text)
    doc.subject = q[0] if q else (doc.subjects[0] if doc.subjects else None)


def _link_announcements(docs: list[Document]) -> None:
    """An announcement supplies promulgation and effective dates to its document."""
    for ann in (d for d in docs if d.kind == "announcement"):
        if not ann.subject:
            continue
        for d in docs:
            if d is ann or d.kind == "announcement":
                continue
            if _same_title(d.title, ann.subject):
                d.promulgated = d.promulgated or ann.promulgated
                d.number = ann.number
                if d.effective is None and ann.effective is not None:
                    d.effective = ann.effective
                    d.effective_basis = ann.effective_basis
                elif d.effective is None and d.effective_basis == "自公布之日起施行":
                    d.effective = d.promulgated
                if ann.repeal_effective and d.repeal_effective is None:
                    d.repeal_effective = ann.repeal_effective
                break


def _same_title(a: str, b: str) -> bool:
    return _title_key(a) == _title_key(b)


def _title_key(t: str) -> str:
    return regex.sub(r"[《》〈〉\s\u3000]", "", t)
