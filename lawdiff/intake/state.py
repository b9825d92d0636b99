"""Laws and decisions as this ingest will leave them: names, records loaded from disk, revisions merged field by field."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from lawdiff.corpus.reader import Corpus
from lawdiff.corpus.records import check_decision
from lawdiff.corpus.yamlio import load
from lawdiff.errors import CorpusError, InputError
from lawdiff.i18n import _
from lawdiff.sources.gazette import QUOTED, Document
from lawdiff.structure.model import Law, LawText, Revision

ISSUER = "山西省人民代表大会常务委员会"


@dataclass
class DocAction:
    doc: Document
    stored: list[str] = field(default_factory=list)
    note: str = ""


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
        self.force = False  # --force: store suspicious or differing texts anyway
        known = (root / "index.yaml").is_file()
        self._known_ids = {e.id for e in self.corpus.index()} if known else set()

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

    def disk_law(self, law_id: str) -> Law:
        """The law as it is on disk (read once per run; never modified)."""
        cache = self.__dict__.setdefault("_disk", {})
        if law_id not in cache:
            cache[law_id] = self.corpus.load_law(law_id)
        return cache[law_id]  # type: ignore[no-any-return]

    def decision(self, decision_id: str) -> dict[str, Any] | None:
        if decision_id in self.decisions:
            return self.decisions[decision_id]
        path = self.root / "decisions" / f"{decision_id}.yaml"
        if path.exists():
            data = check_decision(load(path), str(path), decision_id)
            self.decisions[decision_id] = data
            return data
        return None


class ImportState(State):
    """The corpus as this import will leave it; laws are found by title."""

    def __init__(self, root: Path) -> None:
        super().__init__(root, "import")
        known = (root / "index.yaml").is_file()
        self.by_title = {title_key(e.title): e.id for e in self.corpus.index()} if known else {}

    def law_for(self, title: str, kind: str, issuer: str) -> Law:
        key = title_key(title)
        law_id = self.by_title.get(key)
        if law_id is None:
            law_id = self._new_id(title)
            self.by_title[key] = law_id
            self.laws[law_id] = Law(law_id, title, law_id, kind, [], issuer=issuer)
        elif law_id not in self.laws:
            self.laws[law_id] = self.corpus.load_law(law_id)
        return self.laws[law_id]

    def _new_id(self, title: str) -> str:
        taken = self._known_ids | set(self.laws)
        short = short_title(title) if title.startswith("山西省") else title.removeprefix("中华人民共和国")
        for candidate in (short, title, *(f"{title}-{n}" for n in range(2, 100))):
            candidate = regex.sub(r"[/\\\x00]|^\.+", "_", candidate)
            if candidate and candidate not in taken:
                return candidate
        raise InputError(_("{title}: no free law id").format(title=title))


def title_key(title: str) -> str:
    return regex.sub(r"[《》〈〉\s\u3000“”]", "", title)


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
            raise CorpusError(_("{law.id} {new.id}: conflicting {name}: {a} vs {b}").format(law=law, new=new, name=name, a=a, b=b))
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
        raise CorpusError(_("{law.id} {rev}: conflicting decision titles: {a} vs {b}").format(law=law, rev=rev, a=a, b=b))
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
    """The title without its marks and without the issuing body before 关于 (a 题注 may name the
    decision with or without it)."""
    return regex.sub(r"[《》〈〉、]", "", regex.sub(r"^[^《〈]*?(?=关于)", "", text))
