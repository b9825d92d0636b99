"""History notes: the parenthesised list of adoption / amendment / revision events under a title.

Tolerates the gazette's glitches: a missing ordinal (修正 for 第二次修正), a
根据 glued to the previous entry, a decision named without book-title marks,
stray closing marks.
"""

from __future__ import annotations

import regex

from lawdiff.structure.dates import parse_cn_date
from lawdiff.structure.model import HistoryEvent

ENTRY = regex.compile(
    r"(?:根据)?\s*([0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)"
    r"(.*?会议)"
    r"(.*?)"
    r"(第[一二三四五六七八九十]+次修正|修正|修订|通过|批准)"
)


def parse_history(note: str) -> list[HistoryEvent]:
    """The events of a history note, oldest first; tolerant of the gazette's glitches."""
    inner = note.strip("（）()")
    events: list[HistoryEvent] = []
    for m in ENTRY.finditer(inner):
        adopted = parse_cn_date(m.group(1))
        if adopted is None:
            continue
        action = m.group(4)
        kind = {"通过": "enacted", "修订": "revised", "批准": "approved"}.get(action, "amended")
        decision = _decision_title(m.group(3))
        events.append(
            HistoryEvent(
                kind=kind,
                adopted=adopted,
                session=m.group(2).strip(),
                decision=decision,
                label=action,
                raw=m.group(0).strip("\u3000 "),
            )
        )
    return events


_SWAP = str.maketrans("《》〈〉", "〈〉《》")


def unnest_title(quoted: str) -> str:
    """A title quoted one level down (〈〉 outside, 《》 inside) in its own top-level form."""
    return quoted.translate(_SWAP)


def _decision_title(text: str) -> str | None:
    text = text.strip("\u3000 ")
    if not text:
        return None
    if text.startswith("《") and text.endswith("》"):
        text = unnest_title(text[1:-1])
    return text or None
