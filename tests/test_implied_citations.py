"""Citations renumbered with the text are implied changes: ``diff`` and ``blame`` mark them apart.

The 2020 decision deletes 22 articles of 土地管理法实施办法 without a word about the references
that follow them.  A reference 本办法第十五条 / 第四十二条第一款 in old 第四十一条 (new 第二十三条) must
read 第十一条 / 第二十四条第一款 after the decision; diff and blame show it as implied by the
renumbering, not as an instruction of the decision.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from lawdiff.amend.provenance import blame
from lawdiff.cli import app
from lawdiff.compare.diffing import compare
from lawdiff.corpus.files import sha256
from lawdiff.corpus.reader import Corpus

from .test_diff_decision import _with_base

LAW = "土地管理法实施办法"
OLD_LINE = "第四十一条　"
NEW_LINE = "第二十三条　"
OLD_CITE = "依照本办法第十五条和第四十二条第一款的规定处理。"
NEW_CITE = "依照本办法第十一条和第二十四条第一款的规定处理。"


def _with_citation(root: Path) -> tuple[Corpus, str, str]:
    _, old, new = _with_base(root, LAW)
    for rev, line, cite in ((old, OLD_LINE, OLD_CITE), (new, NEW_LINE, NEW_CITE)):
        path = root / LAW / f"{rev}.txt"
        lines = path.read_text(encoding="utf-8").split("\n")
        k = next(i for i, s in enumerate(lines) if s.startswith(line))
        lines.insert(k + 1, cite)  # a paragraph of its own
        content = "\n".join(lines)
        path.write_text(content, encoding="utf-8")
        _record_sha(root, rev, sha256(content))
    return Corpus(root), old, new


def _record_sha(root: Path, rev_id: str, digest: str) -> None:
    path = root / LAW / "law.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for r in data["revisions"]:
        if r["id"] == rev_id and "sha256" in r:
            r["sha256"] = digest
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_diff_marks_the_renumbered_citations_apart(corpus_copy: Path) -> None:
    c, old, new = _with_citation(corpus_copy)
    cmp = compare(c, LAW, old, new)
    assert cmp.method == "decision"
    pair = next(p for p in cmp.pairs if p.new_labels == ["第二十三条"])
    assert pair.old_labels == ["第四十一条"]
    assert pair.implied == ("第十五条→第十一条", "第四十二条第一款→第二十四条第一款")
    assert pair.instructions == ()  # no instruction of the decision touched it
    # only the article that holds the references
    assert [p.new_labels for p in cmp.pairs if p.implied] == [["第二十三条"]]
    r = CliRunner().invoke(
        app, ["diff", LAW, old, new, "--format", "json", "--corpus", str(corpus_copy)]
    )
    assert r.exit_code == 0, r.output
    rows = [p for p in json.loads(r.stdout)["pairs"] if p["implied"]]
    assert [(p["new_labels"], p["implied"]) for p in rows] == [
        (["第二十三条"], ["第十五条→第十一条", "第四十二条第一款→第二十四条第一款"])
    ]


def test_blame_marks_the_renumbered_citations_apart(corpus_copy: Path) -> None:
    c, _, new = _with_citation(corpus_copy)
    law = c.load_law(LAW)
    rev = law.revision(new)
    assert rev is not None
    rows = {b.article: b for b in blame(c, law, rev, c.load_text(law, rev))}
    row = rows["第二十三条"]
    assert row.citations == ("第十五条→第十一条", "第四十二条第一款→第二十四条第一款")
    assert row.what == "citations renumbered (implied)" and row.instructions == ()
    assert [b.article for b in rows.values() if b.citations] == ["第二十三条"]
    r = CliRunner().invoke(
        app, ["blame", LAW, "--date", new, "--format", "json", "--corpus", str(corpus_copy)]
    )
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    rows_json = [a for a in data if a.get("citations")]
    assert [a["article"] for a in rows_json] == ["第二十三条"]


def test_the_text_views_say_implied(corpus_copy: Path) -> None:
    _, old, new = _with_citation(corpus_copy)
    r = CliRunner().invoke(app, ["blame", LAW, "--date", new, "--corpus", str(corpus_copy)])
    assert r.exit_code == 0 and "citations renumbered (implied)" in r.stdout
    r = CliRunner().invoke(app, ["diff", LAW, old, new, "--corpus", str(corpus_copy)])
    assert r.exit_code == 0 and "第十五条→第十一条" in r.stdout
