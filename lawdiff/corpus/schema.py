"""The YAML of a law (law.yaml): validated loading into the model, deterministic dumping."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from lawdiff.errors import CorpusError, InputError
from lawdiff.i18n import _
from lawdiff.structure.dates import parse_iso
from lawdiff.structure.kinds import KINDS
from lawdiff.structure.model import Law, ReportRef, Revision, Table, TableCell

REVISION_KINDS = {"enacted", "amended", "revised", "approved"}
LAW_KINDS = set(KINDS)  # 法律, 行政法规 … (structure/kinds.py)


# ---------------------------------------------------------------- validation


def need(data: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in data:
        raise CorpusError(_("{where}: missing field '{key}'").format(where=where, key=key))
    value = data[key]
    if not isinstance(value, kind):
        raise CorpusError(_("{where}: field '{key}' should be {type}, not {value!r}").format(where=where, key=key, type=type_name(kind), value=value))
    return _plain(value, key, where)


def optional(data: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, kind):
        raise CorpusError(_("{where}: field '{key}' should be {type}, not {value!r}").format(where=where, key=key, type=type_name(kind), value=value))
    return _plain(value, key, where)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _plain(value: Any, key: str, where: str) -> Any:
    """Text fields carry no control characters (they would reach a terminal)."""
    if isinstance(value, str) and (m := _CONTROL.search(value)):
        raise CorpusError(
            _("{where}: field '{key}' holds the control character U+{code:04X}").format(where=where, key=key, code=ord(m.group()))
        )
    return value


def inside(value: str, key: str, where: str, *, flat: bool = False) -> str:
    """A file named in the corpus stays inside its folder (``flat``: a plain file name)."""
    parts = value.replace("\\", "/").split("/")
    if (
        not value
        or value.startswith("/")
        or "\\" in value
        or any(p in ("", ".", "..") for p in parts)
        or (flat and len(parts) > 1)
    ):
        raise CorpusError(_("{where}: field '{key}' names a file outside its folder: {value!r}").format(where=where, key=key, value=value))
    return value


def not_before(value: date | None, key: str, ref: date | None, ref_key: str, where: str) -> None:
    if value is not None and ref is not None and value < ref:
        raise CorpusError(_("{where}: {key} {value} is before {ref_key} {ref}").format(where=where, key=key, value=value, ref_key=ref_key, ref=ref))


def type_name(kind: type | tuple[type, ...]) -> str:
    names = {str: _("text"), int: _("a number"), list: _("a list"), dict: _("a mapping"),
             bool: _("true/false")}  # fmt: skip
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return _(" or ").join(names.get(k, k.__name__) for k in kinds)


def date_field(
    data: dict[str, Any], key: str, where: str, *, required: bool = False
) -> date | None:
    if key in data and data[key] is None:
        raise CorpusError(_("{where}: field '{key}' is empty (null): give a date YYYY-MM-DD").format(where=where, key=key))
    if required and key not in data:
        raise CorpusError(_("{where}: missing field '{key}'").format(where=where, key=key))
    value = optional(data, key, str, where)
    if value is None:
        return None
    try:
        return parse_iso(value, key)
    except InputError as exc:
        raise CorpusError(_("{where}: {exc}").format(where=where, exc=exc)) from None


def strings(data: dict[str, Any], key: str, where: str) -> list[str]:
    value = optional(data, key, list, where) or []
    for v in value:
        if not isinstance(v, str):
            raise CorpusError(_("{where}: every entry of '{key}' should be text, not {v!r}").format(where=where, key=key, v=v))
        _plain(v, key, where)
    return list(value)


_REV_KEYS = {
    "id", "kind", "label", "adopted", "session", "promulgated", "effective", "effective_basis",
    "decision", "decision_title", "announcement", "approved", "approved_by", "text", "sha256",
    "derived", "sources", "notes", "tables", "reports",
}  # fmt: skip
_LAW_KEYS = {
    "id", "title", "short_title", "aliases", "kind", "issuer", "repealed", "repeal_decision",
    "repeal_adopted", "notes", "revisions",
}  # fmt: skip


def law_from_dict(data: Any, where: str) -> Law:
    if not isinstance(data, dict):
        raise CorpusError(_("{where}: expected a mapping at the top level").format(where=where))
    unknown = sorted(set(data) - _LAW_KEYS)
    if unknown:
        raise CorpusError(_("{where}: unknown field '{unknown[0]}'").format(where=where, unknown=unknown))
    kind = need(data, "kind", str, where)
    if kind not in LAW_KINDS:
        raise CorpusError(_("{where}: kind '{kind}' is not one of {kinds}").format(where=where, kind=kind, kinds=sorted(LAW_KINDS)))
    revs = need(data, "revisions", list, where)
    law = Law(
        id=need(data, "id", str, where),
        title=need(data, "title", str, where),
        short_title=need(data, "short_title", str, where),
        kind=kind,
        revisions=[_revision(r, f"{where}: revisions[{i}]") for i, r in enumerate(revs)],
        aliases=strings(data, "aliases", where),
        repealed=date_field(data, "repealed", where),
        repeal_decision=optional(data, "repeal_decision", str, where),
        repeal_adopted=date_field(data, "repeal_adopted", where),
        issuer=optional(data, "issuer", str, where) or "",
        notes=strings(data, "notes", where),
    )
    ids = [r.id for r in law.revisions]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise CorpusError(_("{where}: duplicate revision id {dup!r}").format(where=where, dup=dup))
    not_before(law.repealed, "repealed", law.repeal_adopted, "repeal_adopted", where)
    return law


def _revision(data: Any, where: str) -> Revision:
    if not isinstance(data, dict):
        raise CorpusError(_("{where}: expected a mapping").format(where=where))
    unknown = sorted(set(data) - _REV_KEYS)
    if unknown:
        raise CorpusError(_("{where}: unknown field '{unknown[0]}'").format(where=where, unknown=unknown))
    kind = need(data, "kind", str, where)
    if kind not in REVISION_KINDS:
        raise CorpusError(_("{where}: kind '{kind}' is not one of {kinds}").format(where=where, kind=kind, kinds=sorted(REVISION_KINDS)))
    rev = Revision(
        id=need(data, "id", str, where),
        kind=kind,
        label=optional(data, "label", str, where) or "",
        adopted=date_field(data, "adopted", where),
        session=optional(data, "session", str, where) or "",
        promulgated=date_field(data, "promulgated", where),
        effective=date_field(data, "effective", where),
        effective_basis=optional(data, "effective_basis", str, where) or "",
        decision=optional(data, "decision", str, where),
        decision_title=optional(data, "decision_title", str, where),
        announcement=optional(data, "announcement", str, where),
        approved=date_field(data, "approved", where),
        approved_by=optional(data, "approved_by", str, where) or "",
        text_file=optional(data, "text", str, where),
        text_sha256=optional(data, "sha256", str, where),
        derived=bool(optional(data, "derived", bool, where)),
        sources=strings(data, "sources", where),
        notes=strings(data, "notes", where),
        tables=[
            _table(t, f"{where}: tables[{i}]")
            for i, t in enumerate(optional(data, "tables", list, where) or [])
        ],
        reports=[
            _report(t, f"{where}: reports[{i}]")
            for i, t in enumerate(optional(data, "reports", list, where) or [])
        ],
    )
    for key in ("promulgated", "effective", "approved"):
        not_before(getattr(rev, key), key, rev.adopted, "adopted", where)
    if rev.text_file is not None:
        inside(rev.text_file, "text", where, flat=True)
    if rev.text_sha256 is not None and not re.fullmatch(r"[0-9a-f]{64}", rev.text_sha256):
        raise CorpusError(_("{where}: field 'sha256' should be 64 hex digits").format(where=where))
    files = [r.file for r in rev.reports]
    if len(set(files)) != len(files):
        raise CorpusError(_("{where}: a report file is listed twice").format(where=where))
    return rev


REPORT_KINDS = ("说明", "审议意见", "研究意见", "修改情况", "审议结果")


def _report(data: Any, where: str) -> ReportRef:
    if not isinstance(data, dict):
        raise CorpusError(_("{where}: expected a mapping").format(where=where))
    unknown = sorted(set(data) - {"kind", "title", "file", "sha256", "delivered", "source"})
    if unknown:
        raise CorpusError(_("{where}: unknown field '{unknown[0]}'").format(where=where, unknown=unknown))
    kind = need(data, "kind", str, where)
    if kind not in REPORT_KINDS:
        raise CorpusError(_("{where}: kind '{kind}' is not one of {kinds}").format(where=where, kind=kind, kinds=list(REPORT_KINDS)))
    return ReportRef(
        kind,
        need(data, "title", str, where),
        inside(need(data, "file", str, where), "file", where),
        need(data, "sha256", str, where),
        date_field(data, "delivered", where),
        need(data, "source", str, where),
    )


def report_to_dict(r: ReportRef) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": r.kind, "title": r.title, "file": r.file, "sha256": r.sha256}
    if r.delivered:
        out["delivered"] = r.delivered.isoformat()
    out["source"] = r.source
    return out


def _table(data: Any, where: str) -> Table:
    if not isinstance(data, dict):
        raise CorpusError(_("{where}: expected a mapping").format(where=where))
    unknown = sorted(set(data) - {"title", "columns", "cells", "partial", "note"})
    if unknown:
        raise CorpusError(_("{where}: unknown field '{unknown[0]}'").format(where=where, unknown=unknown))
    columns = strings(data, "columns", where)
    cells = []
    for i, c in enumerate(need(data, "cells", list, where)):
        w = f"{where}: cells[{i}]"
        if not isinstance(c, dict) or set(c) != {"row", "column", "value"}:
            raise CorpusError(_("{w}: expected row, column and value").format(w=w))
        row, col, value = (need(c, k, str, w) for k in ("row", "column", "value"))
        if col not in columns:
            raise CorpusError(_("{w}: column {col!r} is not one of {columns}").format(w=w, col=col, columns=columns))
        cells.append(TableCell(row, col, value))
    return Table(
        title=need(data, "title", str, where),
        columns=tuple(columns),
        cells=tuple(cells),
        partial=bool(optional(data, "partial", bool, where)),
        note=optional(data, "note", str, where) or "",
    )


def table_to_dict(t: Table) -> dict[str, Any]:
    out: dict[str, Any] = {"title": t.title, "columns": list(t.columns)}
    out["cells"] = [{"row": c.row, "column": c.column, "value": c.value} for c in t.cells]
    if t.partial:
        out["partial"] = True
    if t.note:
        out["note"] = t.note
    return out


def law_to_dict(law: Law) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": law.id,
        "title": law.title,
        "short_title": law.short_title,
        "kind": law.kind,
    }
    if law.aliases:
        out["aliases"] = list(law.aliases)
    if law.issuer:
        out["issuer"] = law.issuer
    if law.repealed:
        out["repealed"] = law.repealed.isoformat()
    if law.repeal_adopted:
        out["repeal_adopted"] = law.repeal_adopted.isoformat()
    if law.repeal_decision:
        out["repeal_decision"] = law.repeal_decision
    if law.notes:
        out["notes"] = list(law.notes)
    out["revisions"] = [_revision_to_dict(r) for r in law.revisions]
    return out


def _revision_to_dict(r: Revision) -> dict[str, Any]:
    out: dict[str, Any] = {"id": r.id, "kind": r.kind}
    if r.label:
        out["label"] = r.label
    for key in ("adopted", "promulgated", "effective", "approved"):
        value = getattr(r, key)
        if value is not None:
            out[key] = value.isoformat()
    for key in ("effective_basis", "session", "approved_by", "decision", "decision_title",
                "announcement"):  # fmt: skip
        value = getattr(r, key)
        if value:
            out[key] = value
    out["text"] = r.text_file
    if r.text_sha256:
        out["sha256"] = r.text_sha256
    if r.derived:
        out["derived"] = True
    if r.tables:
        out["tables"] = [table_to_dict(t) for t in r.tables]
    if r.reports:
        out["reports"] = [report_to_dict(x) for x in r.reports]
    if r.sources:
        out["sources"] = list(r.sources)
    if r.notes:
        out["notes"] = list(r.notes)
    return out
