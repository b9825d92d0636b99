"""The corpus on disk (``laws/``): lookup, validated loading, atomic writes.

Layout::

    laws/index.yaml                 every law: id, title, short title, aliases
    laws/<law-id>/law.yaml          metadata and timeline
    laws/<law-id>/<rev-id>.txt      a revision's text, one paragraph per line
    laws/decisions/<id>.yaml|.txt   amendment, repeal and approval decisions
    laws/gazettes/<issue>.yaml      what ingest found in each gazette issue
    laws/corrections/<issue>.yaml   curated fixes to the extracted gazette text

Generated YAML starts with a header line carrying the sha256 of the rest of the
file; a file whose hash no longer matches was edited by hand (it is
*curated*) and ingest will not overwrite it without ``--force``.  Texts are
covered by the hash recorded in the YAML that points to them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lawdiff.corpus.catalog import Catalog, IndexEntry
from lawdiff.corpus.files import read_text, read_text_hashed, sha256
from lawdiff.corpus.txn import ensure_readable
from lawdiff.errors import CorpusError, InputError
from lawdiff.i18n import _

if TYPE_CHECKING:  # the model, the schema and YAML are imported when a law is loaded, not before
    from lawdiff.structure.model import Law, LawText, ReportRef, Revision

ENV_VAR = "LAWDIFF_CORPUS"
UNSURE = "?"  # a read_digests value no file has


def default_root() -> Path:
    """--corpus > $LAWDIFF_CORPUS > the corpus shipped in the wheel > ./laws of a checkout."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    here = Path(__file__).resolve().parents[1]  # the lawdiff package
    packaged = here / "_corpus"  # where the wheel puts laws/ (pyproject force-include)
    if packaged.is_dir():
        return packaged
    return here.parent / "laws"


# ---------------------------------------------------------------- reading


class Corpus:
    """Read access to a corpus directory (lazy: only what is asked for is loaded).

    Names, laws and the list come through the derived index (``catalog.py``), which reads a
    file again whenever it changed; texts, decisions and reports are read from their files.

    ``read_digests`` holds the sha256 of the bytes of every text and decision file read (relative
    path -> digest; None: there was no file; ``UNSURE``: two reads differed, or it could not be
    read): what a result computed from them depends on (``compare/diffcache.py``).
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else default_root()
        self._index: list[IndexEntry] | None = None
        self._catalog: Catalog | None = None
        self.read_digests: dict[str, str | None] = {}
        self.read_log: list[str] = []  # relative paths in the order read

    def check_root(self) -> None:
        """A corpus, with no interrupted write pending; share-locked against commits until exit."""
        ensure_readable(self.root)

    def catalog(self) -> Catalog:
        self.check_root()
        if self._catalog is None:
            self._catalog = Catalog(self.root)
        return self._catalog

    def index(self) -> list[IndexEntry]:
        if self._index is None:
            self._index = self.catalog().entries()
        return self._index

    def resolve(self, name: str) -> str:
        """Law id for an id, full title, short title, alias or unique part of a title."""
        return self.catalog().resolve(name)

    def law_dir(self, law_id: str) -> Path:
        return self.root / law_id

    def load_law(self, law_id: str) -> Law:
        self.check_root()
        from lawdiff.corpus.schema import law_from_dict

        path = self.law_dir(law_id) / "law.yaml"
        data = self.catalog().law_data(law_id)
        if data is None:
            raise InputError(
                _("unknown law {name!r}: {path} does not exist").format(name=law_id, path=path)
            )
        return law_from_dict(data, str(path))

    def load_text(self, law: Law, rev: Revision) -> LawText:
        self.check_root()
        if rev.text_file is None:
            raise CorpusError(_("{law.id} {rev.id}: text not in corpus").format(law=law, rev=rev))
        rel = f"{law.id}/{rev.text_file}"
        content, digest, exact = self._read_hashed(rel)
        # the digest of the bytes is the text's own when no newline was translated
        return self.parse_stored(law, rev, content, digest if exact else None)

    def parse_stored(
        self, law: Law, rev: Revision, content: str, digest: str | None = None
    ) -> LawText:
        """The text of ``rev`` from the content of its file, checked as ``load_text`` checks it
        (``digest``: the sha256 of ``content``, when known)."""
        from lawdiff.structure.parse import parse_text

        path = self.law_dir(law.id) / str(rev.text_file)
        content = _clean_text(path, content)
        if rev.text_sha256 and (digest or sha256(content)) != rev.text_sha256:
            raise CorpusError(
                _("{path}: content does not match the sha256 recorded in law.yaml (edited by hand? re-run ingest, or fix it through laws/corrections)").format(path=path)
            )
        return parse_text(content.splitlines(), source=str(path))

    def load_decision(self, decision_id: str) -> dict[str, Any]:
        self.check_root()
        rel = f"decisions/{decision_id}.yaml"
        path = self.root / rel
        if not path.exists():
            self._note(rel, None)
            raise InputError(_("unknown decision {decision_id!r}").format(decision_id=decision_id))
        from lawdiff.corpus.records import check_decision
        from lawdiff.corpus.yamlio import loads

        return check_decision(loads(self._read(rel), str(path)), str(path), decision_id)

    def decision_text(self, data: dict[str, Any]) -> list[str]:
        self.check_root()
        from lawdiff.corpus.schema import inside

        where = str(self.root / "decisions" / f"{data.get('id')}.yaml")
        rel = "decisions/" + inside(str(data.get("text")), "text", where, flat=True)
        path = self.root / rel
        content = _clean_text(path, self._read(rel))
        recorded = data.get("sha256")
        if recorded and sha256(content) != recorded:
            raise CorpusError(_("{path}: content does not match the sha256 recorded for it").format(path=path))
        return content.splitlines()

    def load_report(self, law: Law, ref: ReportRef) -> list[str]:
        """A report's lines (title first), checked against the recorded sha256."""
        self.check_root()
        path = self.law_dir(law.id) / ref.file
        content = _clean_text(path, read_text(path))
        if sha256(content) != ref.sha256:
            raise CorpusError(_("{path}: content does not match the sha256 recorded in law.yaml").format(path=path))
        return content.splitlines()

    def _read(self, rel: str) -> str:
        """A corpus file's text; the digest of its bytes noted in ``read_digests``."""
        return self._read_hashed(rel)[0]

    def _read_hashed(self, rel: str) -> tuple[str, str, bool]:
        """``read_text_hashed`` of a corpus file, its digest noted in ``read_digests``."""
        try:
            text, digest, exact = read_text_hashed(self.root / rel)
        except CorpusError:
            self._note(rel, None if not os.path.lexists(self.root / rel) else UNSURE)
            raise
        self._note(rel, digest)
        return text, digest, exact

    def _note(self, rel: str, digest: str | None) -> None:
        if rel in self.read_digests and self.read_digests[rel] != digest:
            digest = UNSURE  # changed between two reads: which one a result came from is unknown
        self.read_digests[rel] = digest
        self.read_log.append(rel)

    def all_laws(self) -> list[Law]:
        return [self.load_law(e.id) for e in self.index()]


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _clean_text(path: Path, content: str) -> str:
    """A stored text never carries control characters (they would reach a terminal)."""
    m = _CONTROL.search(content)
    if m:
        line = content.count("\n", 0, m.start()) + 1
        raise CorpusError(
            _("{path}:{line}: control character U+{code:04X} in a stored text (ingest or import its source again: they are removed when read)").format(path=path, line=line, code=ord(m.group()))
        )
    return content
