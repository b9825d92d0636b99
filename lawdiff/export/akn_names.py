"""Akoma Ntoso names: the namespace, element helpers, URIs of works, expressions and decisions, eIds."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import regex

from lawdiff.errors import InputError
from lawdiff.i18n import _
from lawdiff.structure.model import (
    Law,
    Revision,
)

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LD_NS = "urn:lawdiff:akn"  # lawdiff's own timeline fields inside <proprietary>
ET.register_namespace("lawdiff", LD_NS)

LEVEL_TAG = {"编": "part", "分编": "subpart", "章": "chapter", "节": "section"}
TAG_LEVEL = {v: k for k, v in LEVEL_TAG.items()}
LEVEL_EID = {"编": "part", "分编": "subpart", "章": "chp", "节": "sec"}
EVENT_TYPE = {"enacted": "generation"}  # everything else is an amendment of the work
SOURCE_NAME = {"enacted": "enactment", "revised": "revision", "approved": "approval"}

_INVALID_XML = regex.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
ARTICLE_NUM = regex.compile(r"^第(.+?)条(?:之(.+))?$")
HEADING_NUM = regex.compile(r"^第(.+?)(?:分编|编|章|节)$|^(.+)、$|^（(.+)）$")
ITEM_NUM = regex.compile(r"^（(.+)）$|^([0-9]+)．$")


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def el(
    parent: ET.Element, tag: str, attrs: dict[str, str] | None = None, text: str | None = None
) -> ET.Element:
    """A child element in the AKN namespace; text is checked for characters XML cannot hold."""
    elem = ET.SubElement(parent, tag, attrs or {})
    if text is not None:
        elem.text = checked_(text)
    return elem


def checked_(text: str) -> str:
    bad = _INVALID_XML.search(text)
    if bad:
        raise InputError(_("text contains U+{code:04X}, which XML 1.0 cannot hold").format(code=ord(bad.group())))
    return text


# ---------------------------------------------------------------- identifiers


def article_eid(number: int, sub: int = 0) -> str:
    """``art_3``, or ``art_3-1`` for 第三条之一."""
    return f"art_{number}-{sub}" if sub else f"art_{number}"


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def rev_date(rev: Revision) -> str:
    """The date an event of the revision is dated by: adoption, else whatever is known."""
    known = rev.adopted or rev.effective or rev.approved or rev.promulgated
    return known.isoformat() if known else rev.id


def work_date(law: Law) -> str:
    enacted = [r for r in law.revisions if r.kind == "enacted"]
    return rev_date(enacted[0] if enacted else law.chronological()[0])


def work_uri(law: Law) -> str:
    return f"/akn/cn/act/{law.kind}/{work_date(law)}/{law.id}"


def expression_uri(law: Law, rev: Revision) -> str:
    return f"{work_uri(law)}/zho@{rev.id}"


def decision_uri(decision_id: str, when: str) -> str:
    return f"/akn/cn/act/decision/{when}/{decision_id}"


def nows(text: str) -> str:
    """eIds may not contain whitespace."""
    return regex.sub(r"\s+", "_", text)


def source_eid(rev: Revision) -> str:
    """The reference an event of ``rev`` points to: its decision, or the revision itself."""
    return nows(f"dec-{rev.decision}" if rev.decision else f"src-{rev.id}")


def instruction_eid(decision_id: str, ordinal: str) -> str:
    return nows(f"dec-{decision_id}-ins-{ordinal}")


# ---------------------------------------------------------------- export: body


class Ids:
    """eIds handed out in the body, and where each table cell went."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.cells: dict[tuple[str, str], str] = {}

    def take(self, eid: str) -> str:
        out, n = eid, 1
        while out in self.used:  # a malformed text repeating a number still gets unique eIds
            n += 1
            out = f"{eid}_{n}"
        self.used.add(out)
        return out
