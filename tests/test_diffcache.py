"""Comparisons kept in the index (compare/diffcache.py): trusted right after the files were
written, never used once the law or a file they were computed from hashes differently — however
the change hides from stat (same size, same inode, same mtime) and whenever it happens (during the
computation too)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

import lawdiff.compare.diffing as diffing
from lawdiff.compare import diffcache
from lawdiff.corpus.reader import Corpus
from lawdiff.errors import CorpusError

from .test_index import _replace_in_place

LAND = "土地管理法实施办法"
OLD_WORDS = "全面规划，严格管理"  # in 第三条 of the 2024 text
NEW_WORDS = "统一规划，从严管理"  # as many characters and bytes


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many comparisons were computed (not taken from the index)."""
    calls = [0]
    real = diffing.compare_texts

    def counting(*args, **kw):  # type: ignore[no-untyped-def]
        calls[0] += 1
        return real(*args, **kw)

    monkeypatch.setattr(diffing, "compare_texts", counting)
    return calls


def _third(corpus: Path) -> str:
    """第三条 of 2024 as the comparison 2020 → 2024 has it."""
    cmp = diffing.compare(Corpus(corpus), LAND, "2020", "2024")
    return next(a.text for p in cmp.pairs for a in p.new if a.label == "第三条")


def _same_stat_edit(path: Path, old: str, new: str) -> None:
    """Edit in place (same inode, same size) and put the mtime back: stat cannot tell."""
    st = path.stat()
    _replace_in_place(path, old, new)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_ino, after.st_mtime_ns) == (st.st_size, st.st_ino, st.st_mtime_ns)


def test_kept_right_after_the_files_were_written(corpus_copy: Path, counted: list[int]) -> None:
    for f in (corpus_copy / LAND).iterdir():
        if f.is_file():
            os.utime(f)  # every file written just now
    first = diffing.compare(Corpus(corpus_copy), LAND, "2020", "2024")
    again = diffing.compare(Corpus(corpus_copy), LAND, "2020", "2024")
    back = diffing.compare(Corpus(corpus_copy), LAND, "2024", "2020")  # the inverse of the kept one
    assert counted[0] == 1 and again == first and back.old_rev.id == "2024-03-28"
    law_yaml = corpus_copy / LAND / "law.yaml"
    _replace_in_place(law_yaml, "title: 山西省实施", "title: 山西省执行")
    assert diffing.compare(Corpus(corpus_copy), LAND, "2020", "2024").law.title.startswith("山西省执行")
    assert diffing.compare(Corpus(corpus_copy), LAND, "2020", "2024").law.title.startswith("山西省执行")
    assert counted[0] == 2  # the new law.yaml once, then kept


def test_a_text_changed_unseen_by_stat_is_compared_again(corpus_copy: Path, counted: list[int]) -> None:
    """Without a sha256 in law.yaml only the text's own digest can tell."""
    law_yaml = corpus_copy / LAND / "law.yaml"
    digest = hashlib.sha256((corpus_copy / LAND / "2024-03-28.txt").read_bytes()).hexdigest()
    text = law_yaml.read_text(encoding="utf-8").replace(f"  sha256: {digest}\n", "")
    law_yaml.write_text(text, encoding="utf-8")
    assert OLD_WORDS in _third(corpus_copy) and OLD_WORDS in _third(corpus_copy)
    assert counted[0] == 1
    _same_stat_edit(corpus_copy / LAND / "2024-03-28.txt", OLD_WORDS, NEW_WORDS)
    assert NEW_WORDS in _third(corpus_copy) and NEW_WORDS in _third(corpus_copy)
    assert counted[0] == 2


def test_a_text_and_its_recorded_hash_changed_unseen_by_stat(corpus_copy: Path, counted: list[int]) -> None:
    """The text and the sha256 law.yaml records for it, both edited within the same second."""
    text_file = corpus_copy / LAND / "2024-03-28.txt"
    law_yaml = corpus_copy / LAND / "law.yaml"
    os.utime(law_yaml)  # written just now (an older law.yaml edited unseen by stat: git's limit too)
    assert OLD_WORDS in _third(corpus_copy)
    old_sha = hashlib.sha256(text_file.read_bytes()).hexdigest()
    _same_stat_edit(text_file, OLD_WORDS, NEW_WORDS)
    new_sha = hashlib.sha256(text_file.read_bytes()).hexdigest()
    _same_stat_edit(law_yaml, old_sha, new_sha)
    assert NEW_WORDS in _third(corpus_copy) and counted[0] == 2
    # the text alone put back (law.yaml still records the new hash): an error, not the kept diff
    _same_stat_edit(text_file, NEW_WORDS, OLD_WORDS)
    with pytest.raises(CorpusError, match="does not match the sha256"):
        _third(corpus_copy)


def test_a_file_changed_while_compared_is_not_trusted(
    corpus_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The comparison is kept under the digest of what it parsed, not of the file as it is after."""
    law_yaml = corpus_copy / LAND / "law.yaml"
    text_file = corpus_copy / LAND / "2024-03-28.txt"
    digest = hashlib.sha256(text_file.read_bytes()).hexdigest()
    law_yaml.write_text(
        law_yaml.read_text(encoding="utf-8").replace(f"  sha256: {digest}\n", ""), encoding="utf-8"
    )
    real = diffing.compare_texts
    calls = [0]

    def edit_meanwhile(*args, **kw):  # type: ignore[no-untyped-def]
        calls[0] += 1
        cmp = real(*args, **kw)
        if calls[0] == 1:  # the texts are parsed: now the file changes, stat and all the same
            _same_stat_edit(text_file, OLD_WORDS, NEW_WORDS)
        return cmp

    monkeypatch.setattr(diffing, "compare_texts", edit_meanwhile)
    assert OLD_WORDS in _third(corpus_copy)  # what was read when it was computed
    assert NEW_WORDS in _third(corpus_copy) and calls[0] == 2  # not the kept one: computed again
    assert NEW_WORDS in _third(corpus_copy) and calls[0] == 2


def test_two_reads_that_differ_keep_nothing(corpus_copy: Path, counted: list[int]) -> None:
    """A text given by the caller from an earlier read that the file no longer matches."""
    c = Corpus(corpus_copy)
    law = c.load_law(LAND)
    old, new = law.chronological()[-2:]
    texts = (c.load_text(law, old), c.load_text(law, new))
    law_yaml = corpus_copy / LAND / "law.yaml"
    text_file = corpus_copy / LAND / "2024-03-28.txt"
    digest = hashlib.sha256(text_file.read_bytes()).hexdigest()
    assert f"sha256: {digest}" in law_yaml.read_text(encoding="utf-8")
    c.read_digests[f"{LAND}/2024-03-28.txt"] = "0" * 64  # as if another read had seen other bytes
    c._note(f"{LAND}/2024-03-28.txt", digest)
    diffing.compare_revisions(c, law, old, new, texts)
    diffing.compare_revisions(Corpus(corpus_copy), law, old, new)
    assert counted[0] == 2


def test_the_kept_json_belongs_to_the_kept_comparison(corpus_copy: Path) -> None:
    from lawdiff.export.diffjson import diff_json

    os.utime(corpus_copy / LAND / "law.yaml")  # written just now: the index reads it by content
    c = Corpus(corpus_copy)
    cmp = diffing.compare(c, LAND, "2020", "2024")
    diffcache.store_json(c, cmp, diff_json(cmp))
    assert diffcache.cached_json(Corpus(corpus_copy), LAND, "2020", "2024") == diff_json(cmp)
    assert diffcache.cached_json(Corpus(corpus_copy), LAND, "2024", "2020") is None  # inverse: computed
    _same_stat_edit(corpus_copy / LAND / "law.yaml", "title: 山西省实施", "title: 山西省执行")
    assert diffcache.cached_json(Corpus(corpus_copy), LAND, "2020", "2024") is None
    # a JSON rendered from a comparison another command has since replaced is not stored onto it
    stale = cmp
    fresh = diffing.compare(Corpus(corpus_copy), LAND, "2020", "2024")
    diffcache.store_json(c, stale, "{}")
    assert diffcache.cached_json(Corpus(corpus_copy), LAND, "2020", "2024") is None
    diffcache.store_json(Corpus(corpus_copy), fresh, diff_json(fresh))
    assert diffcache.cached_json(Corpus(corpus_copy), LAND, "2020", "2024") == diff_json(fresh)


def test_a_text_saved_with_crlf_reads_and_is_compared_again(corpus_copy: Path, counted: list[int]) -> None:
    """CRLF line ends: the same text (its recorded sha256 holds), other bytes: computed again."""
    text_file = corpus_copy / LAND / "2024-03-28.txt"
    first = _third(corpus_copy)
    text_file.write_bytes(text_file.read_bytes().replace(b"\n", b"\r\n"))
    assert _third(corpus_copy) == first and _third(corpus_copy) == first
    assert counted[0] == 2
