"""Parts of a paragraph the norms name: 第N句, 前段 / 后段, 但书, 条首部分; pure string functions.

* a sentence ends at 。！？ (a trailing remainder without one is the last sentence);
* 前段 / 后段: the paragraph divided at its first ``；`` (or, lacking one, its first sentence end);
* 但书: the proviso ``但…`` / ``但是…`` closing the paragraph's last sentence, after ``，`` or ``；``.
"""

from __future__ import annotations

import regex

from lawdiff.i18n import _

_SENTENCE = regex.compile(r"[^。！？]*[。！？]|[^。！？]+$")
_PROVISO = regex.compile(r"[，；](但(?:是)?[^。；]*?)([。]?)$")


def sentences(body: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(body) if m.group(0)]


def span(body: str, segment: str | None, sentence: int | None) -> tuple[int, int]:
    """(start, end) of the part named; ValueError when the paragraph has no such part."""
    if sentence is not None:
        spans = sentences(body)
        if not 0 < sentence <= len(spans):
            raise ValueError(_("the paragraph has {n} sentences, not {sentence}").format(n=len(spans), sentence=sentence))
        return spans[sentence - 1]
    if segment in ("front", "back"):
        cut = body.find("；")
        if cut < 0:
            first = sentences(body)
            if len(first) < 2:
                raise ValueError(_('the paragraph is not divided into 前段 and 后段'))
            cut = first[0][1] - 1
        return (0, cut + 1) if segment == "front" else (cut + 1, len(body))
    if segment == "proviso":
        m = _PROVISO.search(body)
        if not m:
            raise ValueError(_('the paragraph has no 但书 (但 / 但是 …)'))
        return m.start(1), m.end(1)
    if segment in ("head", None):
        return 0, len(body)
    if segment == "start":
        return 0, 0
    if segment == "end":
        end = len(body) - 1 if body.endswith(("。", "；", "：")) else len(body)
        return end, end
    raise ValueError(_("unknown part {segment}").format(segment=segment))


def replace(body: str, segment: str | None, sentence: int | None, text: str) -> str:
    start, end = span(body, segment, sentence)
    if segment == "head" and body.endswith(("：", ":")) and not text.endswith(("：", ":", "。", "；")):
        text += "："  # 条首部分 quoted without the colon that leads into the items
    return body[:start] + text + body[end:]


def delete(body: str, segment: str | None, sentence: int | None) -> str:
    start, end = span(body, segment, sentence)
    if segment == "proviso":
        start -= 1  # the ，/； before 但
    return body[:start] + body[end:]
