"""The diff views and the JSON contract, on the land measures 2020 → 2024 (a 修订)."""

from __future__ import annotations

import json
from functools import cache

import pytest
from typer.testing import CliRunner

from lawdiff.cli.registry import build_app
from lawdiff.compare.comparison import DELETE, EQUAL, INSERT, Comparison, body_lines
from lawdiff.compare.diffing import compare, inverse
from lawdiff.compare.textdiff import char_diff
from lawdiff.corpus.reader import Corpus
from lawdiff.export.diffjson import comparison_dict, pair_edits

from .conftest import LAWS

LAND = "土地管理法实施办法"


@cache
def land() -> Comparison:
    return compare(Corpus(LAWS), LAND, "2020", "2024")


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    res = CliRunner().invoke(build_app(), [*args, "--corpus", str(LAWS)], env=env)
    return res.exit_code, res.stdout, res.stderr


def test_every_article_is_in_exactly_one_row() -> None:
    cmp = land()
    assert [a.label for p in cmp.pairs for a in p.new] == [a.label for a in cmp.new_text.articles]
    assert sorted(a.number for p in cmp.pairs for a in p.old) == list(range(1, 38))
    assert len(cmp.new_text.articles) == 48


def test_edits_spell_both_texts() -> None:
    """Joining equal+delete gives the old bodies, equal+insert the new ones, for every row."""
    for p in land().pairs:
        edits = pair_edits(p)
        old = "".join(s.text for s in edits if s.op in (EQUAL, DELETE))
        new = "".join(s.text for s in edits if s.op in (EQUAL, INSERT))
        assert old == "".join(ln + "\n" for a in p.old for ln in body_lines(a))
        assert new == "".join(ln + "\n" for a in p.new for ln in body_lines(a))


def test_json_is_stable_and_backwards_is_the_inverse() -> None:
    c = Corpus(LAWS)
    a = json.dumps(comparison_dict(compare(c, LAND, "2020", "2024")), ensure_ascii=False)
    b = json.dumps(comparison_dict(compare(c, LAND, "2020-11-27", "2024-03-28")), ensure_ascii=False)
    assert a == b
    fwd = comparison_dict(compare(c, LAND, "2020", "2024"))
    back = comparison_dict(compare(c, LAND, "2024", "2020"))
    assert (back["from"], back["to"]) == (fwd["to"], fwd["from"])
    flip = {"new": "deleted", "deleted": "new", "split": "merged", "merged": "split"}
    swap = {"insert": "delete", "delete": "insert", "equal": "equal"}

    def key(p: dict, inverted: bool) -> tuple:  # type: ignore[type-arg]
        old, new = (p["new"], p["old"]) if inverted else (p["old"], p["new"])
        rel = flip.get(p["relation"], p["relation"]) if inverted else p["relation"]
        text_old = "".join(
            e["text"] for e in p["edits"] if (swap[e["op"]] if inverted else e["op"]) != "insert"
        )
        return (tuple(old), tuple(new), rel, p["similarity"], text_old)

    assert sorted(key(p, False) for p in fwd["pairs"]) == sorted(key(p, True) for p in back["pairs"])
    assert fwd["stats"]["chars_added"] == back["stats"]["chars_removed"]
    # and inverting twice gives the same comparison back
    cmp = land()
    assert inverse(inverse(cmp)).pairs == cmp.pairs


def test_json_contract() -> None:
    code, out, _ = _run("diff", LAND, "2020", "2024", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {"law", "from", "to", "pairs"} <= data.keys()
    assert (data["law"], data["from"], data["to"]) == (LAND, "2020-11-27", "2024-03-28")
    rels = {"same", "modified", "renumbered", "moved", "split", "merged", "new", "deleted"}
    for p in data["pairs"]:
        assert p["relation"] in rels
        assert 0 <= p["similarity"] <= 1
        assert p["source"] in ("decision", "similarity")
        assert (p["old"] == []) == (p["relation"] == "new")
        assert (p["new"] == []) == (p["relation"] == "deleted")
        assert all(e["op"] in ("equal", "delete", "insert") for e in p["edits"])
    first = data["pairs"][0]
    assert first["old"] == first["new"] == [1] and first["relation"] == "same"


def test_semantic_cleanup_keeps_phrases_whole() -> None:
    segs = char_diff(
        "由县级以上人民政府土地行政主管部门责令限期改正",
        "由县级以上人民政府自然资源主管部门责令限期改正",
    )
    assert [s for s in segs if s.op != EQUAL] == [(DELETE, "土地行政"), (INSERT, "自然资源")]


def test_text_view_without_colour_marks_changes() -> None:
    code, out, _ = _run("diff", LAND, "2020", "2024", "--no-color")
    assert code == 0
    assert "[-" in out and "{+" in out and "\x1b[" not in out
    assert "unchanged article" in out  # 第一条 is collapsed
    code, out2, _ = _run("diff", LAND, "2020", "2024", env={"NO_COLOR": "1"})
    assert "\x1b[" not in out2


def test_side_by_side_has_both_columns() -> None:
    code, out, _ = _run("diff", LAND, "2020", "2024", "--side-by-side", "--no-color")
    assert code == 0
    assert "修改前 2020-11-27" in out and "修改后 2024-03-28" in out
    assert "新增" in out and "删除" in out


def test_stat_counts_match_the_comparison() -> None:
    code, out, _ = _run("diff", LAND, "2020", "2024", "--stat")
    st = land().stats()
    assert code == 0
    assert f"{st.old_articles} / {st.new_articles}" in out
    assert str(st.chars_added) in out and str(st.chars_removed) in out


def test_article_option_selects_rows_on_either_side() -> None:
    code, out, _ = _run("diff", LAND, "2020", "2024", "--article", "37", "--format", "json")
    assert code == 0
    pairs = json.loads(out)["pairs"]
    assert pairs and all(37 in p["old"] or 37 in p["new"] for p in pairs)
    code, _, err = _run("diff", LAND, "2020", "2024", "--article", "99")
    assert code == 2 and err.count("\n") == 1 and "article 第九十九条" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("diff", LAND, "2020", "1999"), "no text in the corpus"),
        (("diff", LAND, "2020", "2030"), "no revision"),
        (("diff", "no-such-law", "2020", "2024"), "no-such-law"),
        (("diff", LAND, "2020", "2024", "--format", "pdf"), "pdf"),
        (("diff", LAND, "2020", "2019-02-30"), "2019-02-30"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    code, out, err = _run(*args)
    assert code == 2
    assert out == "" and err.count("\n") == 1 and message in err
    assert "Traceback" not in err


def test_a_date_picks_the_text_in_force() -> None:
    # on 2024-04-15 the 2020 text was still in force: the 2024 revision applies from 05-01
    cmp = compare(Corpus(LAWS), LAND, "2021-01-01", "2024-04-15")
    assert cmp.old_rev.id == cmp.new_rev.id == "2020-11-27"
    assert all(p.relation == "same" for p in cmp.pairs)


def test_md_is_a_table_with_del_and_ins(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "d.md"
    code, _, err = _run("diff", LAND, "2020", "2024", "--format", "md", "-o", str(out))
    assert code == 0 and "wrote" in err
    text = out.read_text(encoding="utf-8")
    assert "| 修改前（2020-11-27） | 修改后（2024-03-28） | 变化 |" in text
    assert "<del>" in text and "<ins>" in text
    rows = [ln for ln in text.splitlines() if ln.startswith("| ") and "修改前" not in ln]
    assert len(rows) == sum(1 for p in land().pairs if p.changed) + 1  # + the collapsed row


def test_log_lists_revisions_and_traces_an_article() -> None:
    code, out, _ = _run("log", LAND, "--format", "json")
    assert code == 0
    rows = json.loads(out)["rows"]
    assert [r["revision"] for r in rows] == ["1999-09-26", "2008-05-16", "2020-11-27", "2024-03-28"]
    assert rows[3]["articles"] == 48 and rows[3]["changes"] == {
        "source": "comparison", "against": "2020-11-27", "method": "similarity",
        "counts": {"same": 1, "modified": 9, "moved": 3, "new": 35, "deleted": 24},
        "chars_removed": 3949, "chars_added": 6023,
    }  # fmt: skip
    assert rows[0]["articles"] is None and rows[1]["text"] is False
    assert rows[1]["effective"] == "2008-05-16" and rows[1]["effective_approximate"] is True
    assert rows[2]["changes"]["source"] == "comparison" or rows[2]["changes"]["instructions"] == 10
    code, out, _ = _run("log", LAND, "--article", "12", "--rev", "2020", "--format", "json")
    trace = json.loads(out)["rows"]
    # 2020 第十二条 was 第十六条 before the 2020 decision, which changed it (一.3 deleted words)
    assert trace[0]["articles"] == ["第十二条"] and trace[0]["from_articles"] == ["第十六条"]
    assert trace[0]["change"] == "changed" and trace[0]["source"] == "decision"
    assert "一.3" in trace[0]["instructions"] and "words deleted" in trace[0]["what"]
    assert trace[1]["revision"] == "2008-05-16" and trace[1]["articles"] == ["第十六条"]
    assert trace[1]["change"] == "history-unknown"  # the 2008 text is not in the corpus


def test_headings_the_explanation_describes() -> None:
    """说明: 将第三章“土地利用总体规划”修改为第二章“国土空间规划” (in the 2020 text it is 第二章)."""
    changed = [(h.old.text if h.old else None, h.new.text if h.new else None, h.relation)
               for h in land().headings if h.relation != "same"]
    assert changed == [
        ("第二章\u3000土地利用总体规划", "第二章\u3000国土空间规划", "renamed"),
        (None, "第一节\u3000一般规定", "new"),
        (None, "第二节\u3000土地征收", "new"),
        (None, "第三节\u3000宅基地管理", "new"),
    ]
    back = [h.relation for h in inverse(land()).headings if h.relation != "same"]
    assert back == ["renamed", "deleted", "deleted", "deleted"]


def test_log_of_an_article_new_in_the_revision_stops_there() -> None:
    code, out, _ = _run("log", LAND, "--article", "2", "--format", "json")
    rows = json.loads(out)["rows"]
    assert code == 0 and len(rows) == 1
    assert rows[0]["change"] == "new" and rows[0]["from_revision"] == "2020-11-27"
    assert rows[0]["from_articles"] == [] and rows[0]["source"] == "comparison"
    # 2024 第四十六条 ← 2020 第三十六条 (content) ← 2008 第五十八条 (the 2020 decision, 一.10)
    code, out, _ = _run("log", LAND, "--article", "46", "--format", "json")
    rows = json.loads(out)["rows"]
    assert [r["articles"] for r in rows] == [["第四十六条"], ["第三十六条"], ["第五十八条"]]
    assert rows[0]["method"] == "similarity" and rows[0]["change"] == "modified"
    assert rows[1]["instructions"] == ["一.10"] and rows[1]["what"] == ["article replaced"]
