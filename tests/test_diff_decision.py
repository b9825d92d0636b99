"""``diff`` across an amendment decision: alignment from the engine's provenance.

The seeds hold no base text of the 2020 decision, so the predecessor revision gets the stand-in
base that ``reconstruct`` builds by inverting the decision (real text wherever the decision does
not touch it); the diff predecessor → 2020 must then show every instruction of the decision in
the right row, and nothing else.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lawdiff.amend.load import decision_for
from lawdiff.amend.ops import AddArticles, DeleteUnits, Merge
from lawdiff.compare.diffing import compare
from lawdiff.corpus.reader import Corpus
from lawdiff.corpus.timeline import predecessor

from .reconstruct import reconstruct

LAWS3 = ["土地管理法实施办法", "机关运行保障条例", "各级人民代表大会选举实施细则"]


def _with_base(root: Path, law_id: str) -> tuple[Corpus, str, str]:
    """Give the 2020 revision's predecessor the reconstructed base text; return its id."""
    c = Corpus(root)
    law = c.load_law(law_id)
    rev = law.revision("2020-11-27")
    assert rev is not None
    official = c.load_text(law, rev)
    _, dec = decision_for(c, rev)
    base = reconstruct(official, dec.part_for(law.title))
    prev = predecessor(law, rev)
    assert prev is not None
    (root / law_id / f"{prev.id}.txt").write_text("\n".join(base.lines()) + "\n", encoding="utf-8")
    path = root / law_id / "law.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for r in data["revisions"]:
        if r["id"] == prev.id:
            r["text"] = f"{prev.id}.txt"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return Corpus(root), prev.id, rev.id


def _ordinals(c: Corpus, law_id: str) -> list[str]:
    law = c.load_law(law_id)
    rev = law.revision("2020-11-27")
    assert rev is not None
    _, dec = decision_for(c, rev)
    return [ins.ordinal for ins in dec.part_for(law.title).instructions]


@pytest.mark.parametrize("law_id", LAWS3)
def test_every_instruction_shows_in_a_row_and_nothing_else_changes(
    corpus_copy: Path, law_id: str
) -> None:
    c, old, new = _with_base(corpus_copy, law_id)
    cmp = compare(c, law_id, old, new)
    assert cmp.method == "decision"
    # every old and every new article is in exactly one row
    assert sorted(a.label for p in cmp.pairs for a in p.old) == sorted(
        a.label for a in cmp.old_text.articles
    )
    assert [a.label for p in cmp.pairs for a in p.new] == [a.label for a in cmp.new_text.articles]
    shown = {o for p in cmp.pairs for o in p.instructions}
    assert shown == set(_ordinals(c, law_id))
    for p in cmp.pairs:
        changed = any(lp.changed for lp in p.lines)
        # no phantom changes: text differs exactly where an instruction is named …
        assert changed == bool(p.instructions), (p.old_labels, p.new_labels, p.instructions)
        # … and an article that only moved up is "renumbered", with no edits
        if p.relation in ("same", "renumbered"):
            assert not changed
        assert p.source == "decision"


def test_land_measures_2008_to_2020_rows(corpus_copy: Path) -> None:
    c, old, new = _with_base(corpus_copy, "土地管理法实施办法")
    cmp = compare(c, "土地管理法实施办法", old, new)
    st = cmp.stats()
    law = c.load_law("土地管理法实施办法")
    rev = law.revision(new)
    assert rev is not None
    _, dec = decision_for(c, rev)
    part = dec.part_for(law.title)
    deleted = sum(
        1
        for ins in part.instructions
        for op in ins.ops
        if isinstance(op, DeleteUnits)
        for t in op.targets
        if t.paragraph is None and t.item is None
    )
    merges = [op for ins in part.instructions for op in ins.ops if isinstance(op, Merge)]
    added = [op for ins in part.instructions for op in ins.ops if isinstance(op, AddArticles)]
    assert (st.old_articles, st.new_articles) == (59, 37)  # SEEDS.md: 37 + 21 deleted + 1 merged
    assert st.counts["deleted"] == deleted == 21
    assert st.counts["merged"] == len(merges) == 1
    assert st.counts["new"] == len(added) == 0
    merged = next(p for p in cmp.pairs if p.relation == "merged")
    assert len(merged.old) == 2 and len(merged.new) == 1
    # the first articles keep their numbers; everything after the first deletion is renumbered
    assert cmp.pairs[0].old_labels == cmp.pairs[0].new_labels == ["第一条"]
    assert st.counts["renumbered"] > 0


def test_diff_backwards_is_the_inverse(corpus_copy: Path) -> None:
    c, old, new = _with_base(corpus_copy, "机关运行保障条例")
    fwd = compare(c, "机关运行保障条例", old, new)
    back = compare(c, "机关运行保障条例", new, old)
    assert back.old_rev.id == new and back.new_rev.id == old
    assert {(tuple(p.old_labels), tuple(p.new_labels)) for p in fwd.pairs} == {
        (tuple(p.new_labels), tuple(p.old_labels)) for p in back.pairs
    }


def test_a_base_the_decision_cannot_be_applied_to_falls_back_and_says_why(
    corpus_copy: Path,
) -> None:
    law_id = "各级人民代表大会选举实施细则"
    c, old, new = _with_base(corpus_copy, law_id)
    path = corpus_copy / law_id / f"{old}.txt"
    # instruction 三.3 deletes “或者劳动教养” from 第二十五条第二款: a base without it cannot be amended
    text = path.read_text(encoding="utf-8")
    assert "或者劳动教养" in text
    path.write_text(text.replace("或者劳动教养", ""), encoding="utf-8")
    cmp = compare(c, law_id, old, new)
    assert cmp.method == "similarity"
    assert len(cmp.notes) == 1 and "replaying" in cmp.notes[0] and "劳动教养" in cmp.notes[0]


def test_a_chain_of_two_decisions_composes(corpus_copy: Path) -> None:
    """predecessor → 2020 (the real decision) → a second amendment made with ``lawdiff amend``."""
    from lawdiff.amend.apply import apply_decision
    from lawdiff.amend.decisions import parse_decision
    from lawdiff.corpus.files import sha256

    law_id = "机关运行保障条例"
    c, old, mid = _with_base(corpus_copy, law_id)
    law = c.load_law(law_id)
    mid_rev = law.revision(mid)
    assert mid_rev is not None
    text_2020 = c.load_text(law, mid_rev)
    second = (
        "山西省人民代表大会常务委员会关于修改《山西省机关运行保障条例》的决定\n"
        "（2025年1月1日山西省第十四届人民代表大会常务委员会第十五次会议通过）\n"
        "山西省第十四届人民代表大会常务委员会第十五次会议决定对《山西省机关运行保障条例》作如下修改：\n"
        "一、删去第十五条。\n"
        "二、将第六条中的“机关事务管理部门”修改为“机关事务主管部门”。\n"
        "本决定自公布之日起施行。\n"
        "《山西省机关运行保障条例》根据本决定作相应修改，对条款顺序作相应调整，重新公布。"
    )
    decision = parse_decision(second, decision_id="2025-01-01-修改-机关运行保障条例")
    result = apply_decision(text_2020, decision, decision_id="2025-01-01-修改-机关运行保障条例")
    body = "\n".join(result.text.lines()) + "\n"
    (corpus_copy / law_id / "2025-01-01.txt").write_text(body, encoding="utf-8")
    dec_dir = corpus_copy / "decisions"
    (dec_dir / "2025-01-01-修改-机关运行保障条例.txt").write_text(second + "\n", encoding="utf-8")
    (dec_dir / "2025-01-01-修改-机关运行保障条例.yaml").write_text(
        yaml.safe_dump(
            {
                "id": "2025-01-01-修改-机关运行保障条例",
                "title": "山西省人民代表大会常务委员会关于修改《山西省机关运行保障条例》的决定",
                "kind": "amendment",
                "adopted": "2025-01-01",
                "targets": [law_id],
                "text": "2025-01-01-修改-机关运行保障条例.txt",
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    path = corpus_copy / law_id / "law.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["revisions"].append(
        {
            "id": "2025-01-01",
            "kind": "amended",
            "adopted": "2025-01-01",
            "decision": "2025-01-01-修改-机关运行保障条例",
            "text": "2025-01-01.txt",
            "sha256": sha256(body),
        }
    )
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    c = Corpus(corpus_copy)
    cmp = compare(c, law_id, old, "2025-01-01")
    assert cmp.method == "decision"
    rows = {(tuple(p.old_labels), tuple(p.new_labels)): p for p in cmp.pairs}
    # 第三条 was replaced by the 2020 decision (二.1), 第十五条 deleted by the 2025 one (一) …
    assert rows[(("第三条",), ("第三条",))].instructions == ("2020-11-27-修改-土地管理法实施办法等 二.1",)
    gone = rows[(("第十五条",), ())]
    assert gone.relation == "deleted" and gone.instructions == ("2025-01-01-修改-机关运行保障条例 一",)
    # … so 第十六条 became 第十五条 untouched, and 第六条 had its words replaced in 2025
    assert rows[(("第十六条",), ("第十五条",))].relation == "renumbered"
    sixth = rows[(("第六条",), ("第六条",))]
    assert sixth.relation == "modified"
    assert sixth.instructions == ("2025-01-01-修改-机关运行保障条例 二",)
    changed = {(s.op, s.text) for lp in sixth.lines for s in lp.segments if s.op != "equal"}
    assert changed == {("delete", "管理"), ("insert", "主管")}
    assert sixth.decision == "2020-11-27-修改-土地管理法实施办法等 + 2025-01-01-修改-机关运行保障条例"


def with_unparsable_decision(corpus_copy: Path) -> tuple[str, str, str]:
    """机关运行保障条例 over a reconstructed base, its 2020 decision's instruction 将第三条修改为
    rewritten into a phrasing no formula reads (the decision's sha256 kept right): law, old, new."""
    from lawdiff.corpus.files import sha256

    law_id = "机关运行保障条例"
    c, old, new = _with_base(corpus_copy, law_id)
    rev = c.load_law(law_id).revision(new)
    assert rev is not None and rev.decision is not None
    yml = corpus_copy / "decisions" / f"{rev.decision}.yaml"
    data = yaml.safe_load(yml.read_text(encoding="utf-8"))
    txt = corpus_copy / "decisions" / data["text"]
    text = txt.read_text(encoding="utf-8").replace("将第三条修改为", "对第三条作文字修改，即")
    txt.write_text(text, encoding="utf-8")
    data["sha256"] = sha256(text)
    yml.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return law_id, old, new


def test_a_decision_that_cannot_be_parsed_falls_back_and_says_why(corpus_copy: Path) -> None:
    law_id, old, new = with_unparsable_decision(corpus_copy)
    cmp = compare(Corpus(corpus_copy), law_id, old, new)
    assert cmp.method == "similarity"
    assert len(cmp.notes) == 1 and "cannot be parsed" in cmp.notes[0] and "第三条" in cmp.notes[0]
