"""Kinds of law (效力级别) and how they are called; the slug is what law.yaml stores.

``regulation`` and ``city-regulation`` are the provincial and the city 地方性法规, the two kinds
the Shanxi gazettes brought; the others came with ``lawdiff import``.
"""

from __future__ import annotations

KINDS: dict[str, str] = {
    "constitution": "宪法",
    "law": "法律",
    "administrative-regulation": "行政法规",
    "supervisory-regulation": "监察法规",
    "judicial-interpretation": "司法解释",
    "regulation": "地方性法规",
    "city-regulation": "设区的市地方性法规",
    "autonomous-regulation": "自治条例和单行条例",
    "departmental-rule": "部门规章",
    "local-government-rule": "地方政府规章",
    "decision": "决定",
}
_BY_NAME = {cn: slug for slug, cn in KINDS.items()} | {
    "地方法规": "regulation",
    "自治条例": "autonomous-regulation",
    "单行条例": "autonomous-regulation",
    "决议": "decision",
    "法律解释": "law",
}


def kind_slug(name: str) -> str | None:
    """``法律`` / ``law`` / ``行政法规`` … -> the slug, or None."""
    name = name.strip()
    if name in KINDS:
        return name
    return _BY_NAME.get(name)
