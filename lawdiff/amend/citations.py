"""Cross-references renumbered with the text they point into (implied, never said by a decision).

When a decision renumbers articles, paragraphs or items, legislatures also rewrite the
references inside the unchanged text (依照本条例第二十四条 -> 第二十三条).  This module does
the same, and only for references into this text:

* 本法 / 本条例 / 本办法 / 本规定 / 本解释 … 第X条(之Y)(第Z款)(第W项), with the lists and
  ranges that follow (第十六条和第十七条, 第六十一条至第六十三条), bare 第X条 after 依照 /
  违反 … , 本条第Z款 and a bare 第Z款 (the same article), 前款;
* a reference after another law's name (刑法第一百九十六条, 《诉讼费用交纳办法》第十四条,
  民法典第五百二十七条, 该法…) is never touched;
* text the decision wrote itself already uses the new numbers and is left alone;
* a reference to a deleted (or merged-away) provision is reported, never guessed.
"""

from __future__ import annotations

import regex

from lawdiff.amend.build import Key, Numbering, Placed, label
from lawdiff.amend.working import Citation, Event, WItem, WPara, occurrences
from lawdiff.i18n import _
from lawdiff.structure.model import Heading
from lawdiff.structure.numerals import NumeralError, int_to_cn, to_int

N = r"[零一二三四五六七八九十百千]+"
IN = rf"[（(]?{N}[）)]?"  # an item cited with its brackets, as local texts print it: 第（三）项
ATOM = regex.compile(
    rf"第(?P<a>{N})条(?:之(?P<s>{N}))?(?:第(?P<p>{N})款)?(?:第(?P<i>{IN})项)?"
    rf"|(?P<rel>前款|本款)(?:第(?P<ri>{IN})项)?|(?P<own>本条)?第(?P<p2>{N})款(?:第(?P<i2>{IN})项)?"
    rf"|前(?P<several>[两二三四五六七八九])款|(?P<prev_art>前条)"
)
# what follows a bare reference (no 本法 before it): 第二款规定 / 第三条所列 / 第五条的 …
CITING = regex.compile(r"(?:规定|所|的|中|和|、|或者|及|以及|至|第|以外|外|之|，|。|；|或)")
# what precedes a bare reference: 依照第七条处理 / 违反第六条 / 有第四条所列情形
CITED_AFTER = regex.compile(r"(?:依照|按照|根据|违反|适用|参照|依据|比照|除|依|按|有|对|经|即|同|与|照|见)$")
SEP = regex.compile(r"^(?:、|，|和|或者|及|以及|至|或)$")
OWN = regex.compile(r"本(?:法|条例|办法|规定|细则|解释|决定|规则|章程|编|章|节|办法)$")
OTHER = regex.compile(
    r"(?:》|[\p{Han}]{1,20}(?:法|条例|办法|规定|细则|解释|决定|规则|章程|典|公约|协定|通则|规程)|该法|该条例|该办法|该规定)$"
)


def _n(text: str | None) -> int | None:
    if not text:
        return None
    try:
        return to_int(text.strip("（）()"))
    except NumeralError:
        return None


class _Rewriter:
    def __init__(self, nb: Numbering, decision_id: str) -> None:
        self.nb = nb
        self.id = decision_id
        self.found: list[Citation] = []
        self.changes: list[tuple[str, str]] = []  # (old, new) of the unit last rewritten

    # ------------------------------------------------------------ one unit

    def unit(self, x: Placed, body: str, para_old: int | None, protected: list[str]) -> str:
        self.changes = []
        spans = [span for s in protected if s and s in body for span in occurrences(body, s)]
        atoms = [m for m in ATOM.finditer(body) if not any(a <= m.start() < b for a, b in spans)]
        if not atoms:
            return body
        out: list[str] = []
        pos = 0
        chain_internal = False
        ctx_article: Key | None = None
        ctx_para: int | None = None
        prev_end = -1
        for m in atoms:
            gap = body[prev_end:m.start()] if prev_end >= 0 else None
            in_chain = gap is not None and bool(SEP.match(gap))
            if not in_chain:
                before = body[: m.start()]
                own = bool(OWN.search(before))
                bare = bool(CITING.match(body, m.end())) or bool(CITED_AFTER.search(before))
                chain_internal = own or (not OTHER.search(before) and bare)
                ctx_article, ctx_para = x.block.old, para_old
            prev_end = m.end()
            if not chain_internal or x.block.old is None:
                continue
            new, ctx_article, ctx_para = self._atom(x, m, ctx_article, ctx_para, para_old)
            if new is not None and new != m.group(0):
                self.changes.append((m.group(0), new))
                out.append(body[pos:m.start()])
                out.append(new)
                pos = m.end()
        out.append(body[pos:])
        return "".join(out)

    def _atom(
        self, x: Placed, m: regex.Match[str], art: Key | None, para: int | None, para_old: int | None
    ) -> tuple[str | None, Key | None, int | None]:
        nb = self.nb
        if m.group("a"):
            key = (_n(m.group("a")) or 0, _n(m.group("s")) or 0)
            p, i = _n(m.group("p")), _n(m.group("i"))
            if key in nb.deleted:
                said = (
                    _("{label} was merged into another article by instruction {instruction}")
                    if key in nb.merged
                    else _("{label} was deleted by instruction {instruction}")
                )
                self._report(x, m.group(0), said.format(label=label(key), instruction=nb.deleted[key]))
                return None, key, p
            new_key = nb.articles.get(key)
            if new_key is None:
                return None, key, p  # not an article of the old text: left as printed
            text = label(new_key)
            if p is not None:
                text += self._para(x, key, p, m.group(0))
            if i is not None:
                text += self._item(x, key, p, m.group("i"), m.group(0))
            return text, key, p
        if m.group("rel") == "前款":
            if para_old is None or art is None:
                return None, art, para
            text = self._previous(x, art, para_old, m.group(0))
            if m.group("ri") and text is not None:
                text += self._item(x, art, para_old - 1, m.group("ri"), m.group(0))
            return text, art, para_old - 1
        if m.group("rel") == "本款":
            return None, art, para_old
        if m.group("several"):
            if para_old is None or art is None:
                return None, art, para
            return self._previous_several(x, art, para_old, _n(m.group("several")) or 2, m.group(0)), art, para
        if m.group("prev_art"):
            self._previous_article(x, m.group(0))
            return None, art, para
        p = _n(m.group("p2"))
        if art is None or p is None:
            return None, art, para
        text = (m.group("own") or "") + self._para(x, art, p, m.group(0))
        if m.group("i2"):
            text += self._item(x, art, p, m.group("i2"), m.group(0))
        return text, art, p

    # ------------------------------------------------------------ numbers

    def _para(self, x: Placed, art: Key, p: int, whole: str) -> str:
        new = self.nb.paragraphs.get((*art, p))
        if new is None:
            if p <= self.nb.old_paragraphs.get(art, 0):
                self._report(x, whole, _("{article}第{number}款 was deleted").format(article=label(art), number=int_to_cn(p)))
            return f"第{int_to_cn(p)}款"
        return f"第{int_to_cn(new)}款"

    def _item(self, x: Placed, art: Key, p: int | None, raw: str, whole: str) -> str:
        """第Z项 (or 第（Z）项, the brackets kept) with the item's new number."""
        i = _n(raw) or 0
        opening, closing = raw[: len(raw) - len(raw.lstrip("（("))], raw[len(raw.rstrip("）)")) :]
        hits = [v for (a, s, pp, ii), v in self._items_of(art) if ii == i and (p is None or pp == p)]
        if len(hits) == 1:
            return f"第{opening}{int_to_cn(hits[0])}{closing}项"
        if not hits and any(
            (k[0], k[1]) == art and k[3] == i and (p is None or k[2] == p) for k in self.nb.old_items
        ):
            where = f"第{int_to_cn(p)}款" if p is not None else ""
            self._report(x, whole, _("{article}{where}第{number}项 was deleted").format(article=label(art), where=where, number=raw))
        return f"第{raw}项"

    def _items_of(self, art: Key) -> list[tuple[tuple[int, int, int, int], int]]:
        cache = self.__dict__.setdefault("_item_cache", {})
        if art not in cache:
            cache[art] = [(k, v) for k, v in self.nb.items.items() if (k[0], k[1]) == art]
        return cache[art]

    def _previous(self, x: Placed, art: Key, p_old: int, whole: str) -> str | None:
        """前款 in old paragraph p: still the paragraph before it, or now 第N款, or gone."""
        if p_old < 2:
            return None
        here = self.nb.paragraphs.get((*art, p_old))
        prev = self.nb.paragraphs.get((*art, p_old - 1))
        if prev is None:
            self._report(x, whole, _("the paragraph before it ({article}第{number}款) was deleted").format(
                article=label(art), number=int_to_cn(p_old - 1)
            ))
            return None
        if here is not None and prev == here - 1:
            return None
        return f"第{int_to_cn(prev)}款"

    def _previous_several(self, x: Placed, art: Key, p_old: int, n: int, whole: str) -> str | None:
        """前两款 / 前三款 in old paragraph p: the n paragraphs before it.  Still just before it: left;
        all kept and still in a row, elsewhere: 第X款、第Y款 / 第X款至第Z款 (as 前款 becomes 第N款);
        one deleted, or a new paragraph among them: reported (whether 前三款 is now meant is the
        legislature's choice, not lawdiff's)."""
        olds = range(p_old - n, p_old)
        if olds.start < 1:
            return None
        here = self.nb.paragraphs.get((*art, p_old))
        news = [self.nb.paragraphs.get((*art, o)) for o in olds]
        if any(v is None for v in news):
            gone = "、".join(f"第{int_to_cn(o)}款" for o, v in zip(olds, news, strict=True) if v is None)
            self._report(x, whole, f"{label(art)}{gone}, which it covers, was deleted")
            return None
        got = [v for v in news if v is not None]
        if got != list(range(got[0], got[0] + n)):
            covered = "、".join(f"第{int_to_cn(o)}款" for o in olds)
            self._report(x, whole, f"a new paragraph now stands among the {n} paragraphs it covers "
                                   f"({label(art)}{covered})")
            return None
        if here is not None and got[-1] == here - 1:
            return None
        if n == 2:
            return f"第{int_to_cn(got[0])}款、第{int_to_cn(got[1])}款"
        return f"第{int_to_cn(got[0])}款至第{int_to_cn(got[-1])}款"

    def _previous_article(self, x: Placed, whole: str) -> None:
        """前条 (the article before this one): reported when that is no longer the same article."""
        old_key = x.block.old
        if old_key is None or old_key[1] or old_key[0] < 2:
            return
        prev_old = (old_key[0] - 1, 0)
        here, prev = self.nb.articles.get(old_key), self.nb.articles.get(prev_old)
        if prev is None or prev_old in self.nb.deleted:
            self._report(x, whole, f"{label(prev_old)}, the article before it, was deleted")
        elif here is not None and prev != (here[0] - 1, 0):
            self._report(x, whole, f"{label(prev_old)} (now {label(prev)}) is no longer the article before it")

    def _report(self, x: Placed, old: str, note: str) -> None:
        self.found.append(Citation(x.label, old, None, note))


def renumber_citations(placed: list[Heading | Placed], nb: Numbering, *, decision_id: str) -> list[Citation]:
    """Rewrite, in place, the references of the kept text to provisions the decision renumbered."""
    if not _anything_moved(nb):
        return []
    rw = _Rewriter(nb, decision_id)
    for x in placed:
        if isinstance(x, Heading) or x.block.old is None:
            continue
        for para, items in x.paras:
            units: list[tuple[WPara | WItem, int | None, list[str]]] = []
            if not para.new_text:
                units.append((para, para.old, para.inserted))
                units.extend((it, para.old, para.inserted) for it in items if not it.new_text)
            for unit, p_old, protected in units:
                before = unit.body
                start = len(rw.found)
                after = rw.unit(x, before, p_old, protected)
                if after != before:
                    for old, new in rw.changes:
                        rw.found.insert(start, Citation(x.label, old, new))
                        start += 1
                        x.block.events.append(Event(decision_id, "", "citation", f"{old}→{new}"))
                    unit.body = after
    return rw.found


def _anything_moved(nb: Numbering) -> bool:
    return (
        any(k != v for k, v in nb.articles.items())
        or bool(nb.deleted)
        or any(k[2] != v for k, v in nb.paragraphs.items())
        or any(k[3] != v for k, v in nb.items.items())
    )


__all__ = ["renumber_citations"]
