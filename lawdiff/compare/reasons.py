"""Why each change was made: link rows of a comparison to sentences of the legislative reports.

The reports printed with a revision (说明 of the drafters, 研究意见 / 审议意见 of the committees,
审议结果的报告 of the 法制委员会; stored by ingest) discuss provisions of the *draft*. Their
article numbers are mostly useless for the final text: the 说明 and first-reading opinions cite
the first-reading draft (初审稿), whose numbering differs (the land measures' 初审稿 had 52
articles, the final text 48). So a sentence is linked to an article in two ways:

* **stated**: a reference to the second-reading draft (二次审议稿第十五条, 二次审议稿第四章第二节)
  in a report delivered at the session that adopted the text: that draft is the final text;
* **content**: the sentence's distinctive wording is found in the article (TF-IDF weighted bigram
  containment, the IDF taken over the articles of both texts so boilerplate weighs little), with
  a margin over the next best article. A sentence citing k draft articles may name up to k;
* **draft number**: where wording settles a sentence that cites one draft article, that fixes the
  draft's number there (初审稿第七条 = 第九条); a draft number between two such points that moved
  by the same offset moved by it too, if the article it lands on still shares some wording.

Each link carries its evidence: the draft reference, or the longest phrase the sentence and the
article share. The counts a 说明 or 审议结果 states (新增…条、删除…条、修改…条) are read and set
against the computed alignment.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import NamedTuple

import regex

from lawdiff.compare.align import Vectors, _grams
from lawdiff.compare.comparison import Comparison, CountCheck, Reason, body_lines
from lawdiff.corpus.reader import Corpus
from lawdiff.structure.model import Article, Heading, Law, ReportRef, Revision
from lawdiff.structure.numerals import int_to_cn, to_int

LINK = 0.45  # share of the sentence's weight found in the article
MARGIN = 2.0  # … and twice the next best article's share
MIN_CHARS = 12  # shorter sentences (headings, salutations) say nothing linkable
_CN = "零一二三四五六七八九十百"
_FINAL_REF = regex.compile(
    rf"二次审议稿((?:第[{_CN}]+[章节条款项](?:、)?)+)"
)
_DRAFT_REFS = regex.compile(rf"（((?:第[{_CN}]+[条款项](?:、)?)+)）")
# quoted titles (the law's own name matches its 第一条) and dates say nothing about a provision
_NOISE = regex.compile(r"《(?:[^《》]|《[^《》]*》)*》|[0-9]{4}年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?|[0-9]{1,2}月[0-9]{1,2}日")
ANCHOR_SHARED = 6  # a sentence fixes a draft number only on a long shared phrase
CONFIRM = 0.3  # a draft number's predicted article must still share this much of the wording
_WEAK = "“”，。、；：的和与及了等在上对"  # punctuation and particles do not make evidence
MIN_SHARED = 5  # the evidence shown must be a phrase, not a word or two
_SKIP = regex.compile(r"^(?:—|主任、|以上|现就|现将|此外，法制委员会还建议)")


class Sentence(NamedTuple):
    report: ReportRef
    text: str


class Linked(NamedTuple):
    comparison: Comparison
    counts: list[CountCheck]
    sentences: int  # sentences read
    linked: int  # sentences linked to at least one row


def reports_between(law: Law, old: Revision, new: Revision) -> list[ReportRef]:
    """The reports of every revision after the older one up to the newer one."""
    lo, hi = sorted((old, new), key=lambda r: r.order)
    return [x for r in law.chronological() if lo.order < r.order <= hi.order for x in r.reports]


def sentences(corpus: Corpus, law: Law, refs: Iterable[ReportRef]) -> list[Sentence]:
    out = []
    for ref in refs:
        lines = corpus.load_report(law, ref)
        for para in lines[1:]:
            if _SKIP.match(para):
                continue
            for s in regex.findall(r"[^。！？]+[。！？]?", para):
                s = s.strip()
                if len(s) >= MIN_CHARS:
                    out.append(Sentence(ref, s))
    return out


def attach_reasons(corpus: Corpus, cmp: Comparison) -> Comparison:
    return link(corpus, cmp).comparison


def link(corpus: Corpus, cmp: Comparison) -> Linked:
    """The comparison with ``reasons`` on its rows, and the stated counts checked."""
    later = cmp.new_rev if cmp.new_rev.order >= cmp.old_rev.order else cmp.old_rev
    later_text = cmp.new_text if later is cmp.new_rev else cmp.old_text
    refs = reports_between(cmp.law, cmp.old_rev, cmp.new_rev)
    sents = sentences(corpus, cmp.law, refs)
    arts = later_text.articles
    bodies = ["".join(body_lines(a)) for a in arts]
    vec = Vectors(bodies, [])  # IDF over the articles; vec.old[i] weighs arts[i]
    reasons: dict[str, list[Reason]] = {}
    found = [_stated(s, later_text.blocks) or _by_content(s, arts, vec) for s in sents]
    anchors = _draft_anchors(sents, found)
    by_number = {a.number: k for k, a in enumerate(arts) if not a.sub}
    linked = 0
    for s, hits in zip(sents, found, strict=True):
        if not hits:
            hits = _by_draft_number(s, anchors, arts, by_number, vec)
        for art, basis in hits:
            reasons.setdefault(art.label, []).append(
                Reason(s.report.title, s.report.kind, s.text, basis)
            )
        linked += bool(hits)
    pairs = []
    side = "new" if later is cmp.new_rev else "old"
    for p in cmp.pairs:
        arts_of_row = p.new if side == "new" else p.old
        found: list[Reason] = []
        for a in arts_of_row:
            found.extend(r for r in reasons.get(a.label, []) if r not in found)
        pairs.append(p._replace(reasons=tuple(found)))
    out = cmp._replace(pairs=tuple(pairs))
    counts = stated_counts(sents, out)
    return Linked(out._replace(count_checks=tuple(counts)), counts, len(sents), linked)


def _stated(s: Sentence, blocks: tuple[Heading | Article, ...]) -> list[tuple[Article, str]]:
    """二次审议稿 references in a report delivered at the adopting session: final numbers."""
    if s.report.kind != "审议结果":
        return []
    out: list[tuple[Article, str]] = []
    for m in _FINAL_REF.finditer(s.text):
        ref = m.group(0)
        parts = regex.findall(rf"第([{_CN}]+)([章节条款项])", m.group(1))
        chapter = section = None
        for num, unit in parts:
            n = to_int(num)
            if unit == "章":
                chapter = n
            elif unit == "节":
                section = n
            elif unit == "条":
                out.extend((a, ref) for a in _articles(blocks, article=n))
        if chapter and not any(u == "条" for _, u in parts):
            out.extend((a, ref) for a in _articles(blocks, chapter=chapter, section=section))
    return list(dict.fromkeys(out))


def _articles(
    blocks: tuple[Heading | Article, ...],
    *,
    article: int | None = None,
    chapter: int | None = None,
    section: int | None = None,
) -> list[Article]:
    out = []
    ch = sec = 0
    for b in blocks:
        if isinstance(b, Heading):
            if b.level == "章":
                ch, sec = b.number, 0
            elif b.level == "节":
                sec = b.number
            continue
        if (article is not None and b.number == article and not b.sub) or (article is None and ch == chapter and (section is None or sec == section)):
            out.append(b)
    return out


def _by_content(s: Sentence, arts: list[Article], vec: Vectors) -> list[tuple[Article, str]]:
    clean = _NOISE.sub("", s.text)
    w = _sentence_weights(clean, vec)
    if not w or not arts:
        return []
    scores = sorted(((_share(w, a), i) for i, a in enumerate(vec.old)), reverse=True)
    cited = _DRAFT_REFS.search(s.text)
    k = min(4, len(regex.findall("第", cited.group(1)))) if cited else 1
    out = []
    for rank in range(min(k, len(scores))):
        score, i = scores[rank]
        nxt = scores[k][0] if k < len(scores) else 0.0
        if score < LINK or score < MARGIN * nxt:
            break
        shared = _shared(clean, "".join(body_lines(arts[i])))
        if len(shared.strip(_WEAK)) < MIN_SHARED:
            break
        out.append((arts[i], shared))
    return out


def _draft_numbers(text: str) -> list[int]:
    """Articles of the draft a sentence cites in parentheses: （第十六条、第十九条第二款）."""
    out = []
    for m in _DRAFT_REFS.finditer(text):
        out.extend(to_int(n) for n in regex.findall(rf"第([{_CN}]+)条", m.group(1)))
    return out


def _draft_anchors(
    sents: list[Sentence], found: list[list[tuple[Article, str]]]
) -> dict[int, int]:
    """Draft → final numbers where a sentence cites one draft article and names one article.

    The first-reading draft's numbering is not printed anywhere, but the sentences whose content
    settles their article tell it at those points (初审稿第七条 is 第九条).
    """
    pairs: dict[int, set[int]] = {}
    for s, hits in zip(sents, found, strict=True):
        cited = _draft_numbers(s.text)
        if (
            s.report.kind != "审议结果"
            and len(cited) == 1
            and len(hits) == 1
            and len(hits[0][1].strip(_WEAK)) >= ANCHOR_SHARED
        ):
            pairs.setdefault(cited[0], set()).add(hits[0][0].number)
    return {d: next(iter(f)) for d, f in pairs.items() if len(f) == 1}


def _by_draft_number(
    s: Sentence,
    anchors: dict[int, int],
    arts: list[Article],
    by_number: dict[int, int],
    vec: Vectors,
) -> list[tuple[Article, str]]:
    """A draft number between two anchors that moved by the same offset moved by it too."""
    if s.report.kind == "审议结果" or not anchors:
        return []
    out = []
    keys = sorted(anchors)
    for d in _draft_numbers(s.text):
        below = [k for k in keys if k <= d]
        above = [k for k in keys if k >= d]
        if not below or not above:
            continue
        lo, hi = below[-1], above[0]
        shift = anchors[lo] - lo
        if anchors[hi] - hi != shift or (d + shift) not in by_number:
            continue
        k = by_number[d + shift]
        art = arts[k]
        if _share(_sentence_weights(_NOISE.sub("", s.text), vec), vec.old[k]) < CONFIRM:
            continue  # the draft article may be one the final text dropped
        out.append((art, f"初审稿第{int_to_cn(d)}条 = 第{int_to_cn(d + shift)}条"))
    return list(dict.fromkeys(out))


def _sentence_weights(text: str, vec: Vectors) -> dict[str, float]:
    """The sentence's bigrams by IDF (unknown to the law: 0); empty if none weighs anything."""
    w = {k: vec.idf.get(k, 0.0) for k in _grams(text)}
    return w if sum(w.values()) else {}


def _share(w: dict[str, float], article: dict[str, float]) -> float:
    """How much of the sentence's weight the article holds."""
    return sum(x for k, x in w.items() if k in article) / sum(w.values()) if w else 0.0


def _shared(sentence: str, article: str) -> str:
    """The longest phrase the sentence and the article share: the evidence shown to the reader."""
    sm = difflib.SequenceMatcher(None, sentence, article, autojunk=False)
    m = sm.find_longest_match(0, len(sentence), 0, len(article))
    return f"“{sentence[m.a : m.a + m.size]}”"


# ---------------------------------------------------------------- stated counts

_COUNT = regex.compile(r"(新增|增加|删除|删去|修改|保留[^，。0-9]*?)(\d+)条")
_KEYS = {"新增": "新增", "增加": "新增", "删除": "删除", "删去": "删除", "修改": "修改"}


def stated_counts(sents: list[Sentence], cmp: Comparison) -> list[CountCheck]:
    st = cmp.stats()
    c = st.counts
    computed = {
        "新增": c["new"],
        "删除": c["deleted"],
        "修改": sum(len(p.old) for p in cmp.pairs if p.relation in ("modified", "moved", "split", "merged", "renumbered")),
        "保留": c["same"],
    }
    out = []
    for k, s in enumerate(sents):
        found = _COUNT.findall(s.text)
        if len(found) < 2:
            continue
        numbers: dict[str, int] = {}
        for word, n in found:
            key = _KEYS.get(word, "保留" if word.startswith("保留") else word)
            numbers[key] = int(n)
        agrees = all(computed.get(k) == v for k, v in numbers.items())
        context = " ".join(x.text for x in sents[max(0, k - 1) : k + 2] if x.report == s.report)
        remark = _remark(context, numbers, st.old_articles, st.new_articles)
        out.append(CountCheck(s.report.kind, s.text, numbers, computed, agrees, remark))
    return out


def _remark(context: str, numbers: dict[str, int], old_n: int, new_n: int) -> str:
    drafts = regex.findall(r"共\d+章(\d+)条", context)
    draft = drafts[0] if drafts else None
    parts = []
    if "新增" in numbers and "删除" in numbers and "保留" not in numbers and "修改" not in numbers:
        parts.append("所述为两稿之间的增删，不是两个文本之间的")
    if len(drafts) >= 2 and {"新增", "删除"} <= numbers.keys():
        a, b = int(drafts[0]), int(drafts[-1])
        if a + numbers["新增"] - numbers["删除"] == b:
            same = "即通过的文本的条数" if b == new_n else f"通过的文本为{new_n}条"
            parts.append(f"{a}+{numbers['新增']}-{numbers['删除']}={b}条，{same}")
    elif draft and int(draft) != new_n:
        parts.append(f"所述草案为{draft}条，通过的文本为{new_n}条")
    old_sum = sum(numbers.get(k, 0) for k in ("删除", "修改", "保留"))
    if {"删除", "修改", "保留"} <= numbers.keys() and old_sum == old_n:
        parts.append(f"删除+修改+保留={old_sum}条，即修改前文本的条数")
    return "；".join(parts)
