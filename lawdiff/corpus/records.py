"""Schemas of the corpus's other YAML files: decisions, the index, gazette manifests, corrections.

Each check takes the loaded data and ``where`` (the file), raises ``CorpusError`` naming the file
and the field, and returns the data. ``check_file`` picks the check by path (the store runs it on
every YAML it is about to write; ``check_corpus`` on every file of a corpus, for ``verify``).
law.yaml is checked by ``schema.law_from_dict``.

No validation library: msgspec, the smallest candidate, costs ~26 ms of import (+12 % on
``show``, against a budget of 1.2 times the import floor), and these checks are a few tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import regex

from lawdiff.corpus.schema import (
    date_field,
    inside,
    law_from_dict,
    need,
    not_before,
    optional,
    strings,
)
from lawdiff.corpus.yamlio import load, loads
from lawdiff.errors import CorpusError
from lawdiff.i18n import _

DECISION_KINDS = ("amendment", "repeal", "approval")
_DECISION_KEYS = {
    "id", "title", "kind", "adopted", "session", "promulgated", "effective", "effective_basis",
    "announcement", "targets", "text", "sha256", "sources", "repeal_effective", "approved_title",
}  # fmt: skip
_SHA = regex.compile(r"[0-9a-f]{64}")
# folder names of the corpus that a law id must not take
RESERVED = {"decisions", "gazettes", "corrections", "index.yaml"}


def _mapping(data: Any, where: str, keys: set[str] | None = None) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise CorpusError(_("{where}: expected a mapping at the top level").format(where=where))
    if keys is not None:
        unknown = sorted(set(data) - keys)
        if unknown:
            raise CorpusError(_("{where}: unknown field '{unknown[0]}'").format(where=where, unknown=unknown))
    return data


def sha_field(data: dict[str, Any], key: str, where: str, *, required: bool = False) -> None:
    value = need(data, key, str, where) if required else optional(data, key, str, where)
    if value is not None and not _SHA.fullmatch(value):
        raise CorpusError(_("{where}: field '{key}' should be a sha256 (64 hex digits), not {value!r}").format(where=where, key=key, value=value))


def check_decision(data: Any, where: str, stem: str | None = None) -> dict[str, Any]:
    d = _mapping(data, where, _DECISION_KEYS)
    did = need(d, "id", str, where)
    if stem is not None and did != stem:
        raise CorpusError(_("{where}: field 'id' is {did!r} but the file is named {stem!r}").format(where=where, did=did, stem=stem))
    need(d, "title", str, where)
    kind = need(d, "kind", str, where)
    if kind not in DECISION_KINDS:
        raise CorpusError(_("{where}: kind '{kind}' is not one of {kinds}").format(where=where, kind=kind, kinds=list(DECISION_KINDS)))
    adopted = date_field(d, "adopted", where, required=True)
    for key in ("promulgated", "effective", "repeal_effective"):
        not_before(date_field(d, key, where), key, adopted, "adopted", where)
    for key in ("session", "announcement", "effective_basis", "approved_title"):
        optional(d, key, str, where)
    targets = strings(d, "targets", where)
    if not targets or not all(targets):
        raise CorpusError(_("{where}: field 'targets' should name at least one law").format(where=where))
    inside(need(d, "text", str, where), "text", where, flat=True)
    sha_field(d, "sha256", where)
    strings(d, "sources", where)
    return d


def check_index(data: Any, where: str) -> list[dict[str, Any]]:
    d = _mapping(data, where, {"laws"})
    laws = need(d, "laws", list, where)
    seen: set[str] = set()
    for i, e in enumerate(laws):
        w = f"{where}: laws[{i}]"
        _mapping(e, w, {"id", "title", "short_title", "aliases", "kind"})
        law_id = need(e, "id", str, w)
        law_folder(law_id, w)
        if law_id in seen:
            raise CorpusError(_("{w}: duplicate id {law_id!r}").format(w=w, law_id=law_id))
        seen.add(law_id)
        need(e, "title", str, w)
        need(e, "short_title", str, w)
        need(e, "kind", str, w)
        strings(e, "aliases", w)
    return laws


def law_folder(law_id: str, where: str) -> None:
    """A law id names a folder directly under the corpus."""
    if law_id in RESERVED or law_id.startswith(".") or "/" in law_id or "\\" in law_id:
        raise CorpusError(_("{where}: id {law_id!r} cannot name a law's folder in the corpus").format(where=where, law_id=law_id))
    if not law_id.strip():
        raise CorpusError(_("{where}: empty id").format(where=where))


_MANIFEST_KEYS = {
    "issue", "sha256", "paragraphs", "debris_lines_dropped", "ambiguous_breaks_left", "documents",
}  # fmt: skip
_DOC_KEYS = {
    "no", "lines", "kind", "title", "adopted", "promulgated", "effective", "announcement",
    "stored", "note",
}  # fmt: skip


def check_manifest(data: Any, where: str) -> dict[str, Any]:
    d = _mapping(data, where, _MANIFEST_KEYS)
    need(d, "issue", str, where)
    sha_field(d, "sha256", where, required=True)
    for key in ("paragraphs", "debris_lines_dropped"):
        value = need(d, key, int, where)
        if isinstance(value, bool) or value < 0:
            raise CorpusError(_("{where}: field '{key}' should be a count, not {value!r}").format(where=where, key=key, value=value))
    for n in optional(d, "ambiguous_breaks_left", list, where) or []:
        if not isinstance(n, int) or isinstance(n, bool):
            raise CorpusError(_("{where}: ambiguous_breaks_left holds {n!r}, not a line number").format(where=where, n=n))
    for i, doc in enumerate(need(d, "documents", list, where)):
        w = f"{where}: documents[{i}]"
        _mapping(doc, w, _DOC_KEYS)
        need(doc, "no", int, w)
        if not regex.fullmatch(r"[0-9]+-[0-9]+", need(doc, "lines", str, w)):
            raise CorpusError(_("{w}: field 'lines' should be FIRST-LAST, not {doc[lines]!r}").format(w=w, doc=doc))
        need(doc, "kind", str, w)
        need(doc, "title", str, w)
        for key in ("adopted", "promulgated", "effective"):
            date_field(doc, key, w)
        optional(doc, "announcement", str, w)
        optional(doc, "note", str, w)
        strings(doc, "stored", w)
    return d


def check_corrections(data: Any, where: str) -> dict[str, Any]:
    d = _mapping(data, where, {"issue", "sha256", "corrections"})
    optional(d, "issue", str, where)
    sha_field(d, "sha256", where)
    for i, c in enumerate(need(d, "corrections", list, where)):
        w = f"{where}: corrections[{i}]"
        if not isinstance(c, dict) or not isinstance(c.get("line"), int) or not c.get("reason"):
            raise CorpusError(_("{w}: needs an integer 'line' and a 'reason'").format(w=w))
        _mapping(c, w, {"line", "reason", "replace", "break_after"})
        need(c, "reason", str, w)
        rep, brk = c.get("replace"), c.get("break_after")
        if (rep is None) == (brk is None):
            raise CorpusError(_("{w}: give exactly one of 'replace' or 'break_after'").format(w=w))
        if rep is not None and not (
            isinstance(rep, list) and len(rep) == 2 and all(isinstance(x, str) for x in rep)
        ):
            raise CorpusError(_("{w}: 'replace' must be [old, new]").format(w=w))
        if brk is not None and not isinstance(brk, bool):
            raise CorpusError(_("{w}: 'break_after' must be true or false").format(w=w))
    return d


def check_file(root: Path, path: Path, content: str) -> None:
    """Check a YAML file of the corpus (by where it lives) before it is written."""
    rel = path.relative_to(root).parts if path.is_relative_to(root) else ()
    if not rel or path.suffix != ".yaml":
        return
    data = loads(content, str(path))
    _check(rel, data, str(path), path.stem)


def _check(rel: tuple[str, ...], data: Any, where: str, stem: str) -> None:
    if rel == ("index.yaml",):
        check_index(data, where)
    elif len(rel) == 2 and rel[1] == "law.yaml":
        law = law_from_dict(data, where)
        if law.id != rel[0]:
            raise CorpusError(_("{where}: field 'id' is {law.id!r} but the folder is {rel[0]!r}").format(where=where, law=law, rel=rel))
    elif len(rel) == 2 and rel[0] == "decisions":
        check_decision(data, where, stem)
    elif len(rel) == 2 and rel[0] == "gazettes":
        check_manifest(data, where)
    elif len(rel) == 2 and rel[0] == "corrections":
        check_corrections(data, where)


def check_corpus(root: Path) -> int:
    """Every YAML file of the corpus against its schema; the index against the law folders."""
    n = 0
    for path in sorted(root.rglob("*.yaml")):
        rel = path.relative_to(root).parts
        if rel[0].startswith("."):
            continue
        _check(rel, load(path), str(path), path.stem)
        n += 1
    for e in check_index(load(root / "index.yaml"), str(root / "index.yaml")):
        if not (root / e["id"] / "law.yaml").is_file():
            raise CorpusError(_("{index}: law {law!r} has no {law}/law.yaml").format(index=root / "index.yaml", law=e["id"]))
    return n
