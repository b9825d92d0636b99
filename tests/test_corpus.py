"""The corpus is the product of ingesting the seeds; ingest is idempotent, safe and atomic."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawdiff.corpus.files import sha256, split_header
from lawdiff.corpus.reader import Corpus
from lawdiff.errors import CorpusError, CuratedFileError, GazetteError, InputError
from lawdiff.intake.ingest import ingest

from .conftest import F20, F24, LAWS


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize("order", [(F20, F24), (F24, F20)])
def test_shipped_corpus_is_exactly_what_ingest_makes(corrections_only: Path, order) -> None:  # type: ignore[no-untyped-def]
    for seed in order:
        ingest(seed, corrections_only)
    assert _files(corrections_only) == _files(LAWS)


def test_second_ingest_changes_nothing(corpus_copy: Path) -> None:
    for seed in (F20, F24):
        report = ingest(seed, corpus_copy)
        assert report.changed == []
    assert _files(corpus_copy) == _files(LAWS)


def test_dry_run_writes_nothing(corrections_only: Path) -> None:
    before = _files(corrections_only)
    report = ingest(F20, corrections_only, dry_run=True)
    assert len(report.changed) > 60
    assert _files(corrections_only) == before


def test_hand_edited_files_are_not_overwritten_without_force(corpus_copy: Path) -> None:
    law_yaml = corpus_copy / "土地管理法实施办法" / "law.yaml"
    law_yaml.write_text(
        law_yaml.read_text(encoding="utf-8").replace("第二次修正", "第二次修正（已核对）"),
        encoding="utf-8",
    )
    text = corpus_copy / "机关运行保障条例" / "2020-11-27.txt"
    text.write_text(
        text.read_text(encoding="utf-8").replace("行政活动", "后勤服务保障活动"), encoding="utf-8"
    )
    before = _files(corpus_copy)
    with pytest.raises(CuratedFileError, match="edited by hand"):
        ingest(F20, corpus_copy)
    assert _files(corpus_copy) == before  # all or nothing
    ingest(F20, corpus_copy, force=True)
    # the text is read again from the gazette; the YAML is regenerated (a valid header again)
    assert "后勤服务保障活动" not in text.read_text(encoding="utf-8")
    recorded, body = split_header(law_yaml.read_text(encoding="utf-8"))
    assert recorded == sha256(body)
    assert ingest(F20, corpus_copy).changed == []


def test_edited_text_is_detected_when_read(corpus_copy: Path) -> None:
    text = corpus_copy / "机关运行保障条例" / "2020-11-27.txt"
    text.write_text(
        text.read_text(encoding="utf-8") + "第四十六条　多出来的一条。\n", encoding="utf-8"
    )
    corpus = Corpus(corpus_copy)
    law = corpus.load_law("机关运行保障条例")
    with pytest.raises(CorpusError, match="does not match the sha256"):
        corpus.load_text(law, law.revisions[-1])


def test_corrupt_yaml_is_one_clear_error(corpus_copy: Path) -> None:
    path = corpus_copy / "机关运行保障条例" / "law.yaml"
    path.write_text("id: 机关运行保障条例\nrevisions: [\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"law\.yaml:\d+:\d+"):
        Corpus(corpus_copy).load_law("机关运行保障条例")


def test_duplicate_keys_and_unknown_fields_are_refused(corpus_copy: Path) -> None:
    path = corpus_copy / "机关运行保障条例" / "law.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text(
        original.replace("kind: regulation\n", "kind: regulation\nkind: decision\n", 1),
        encoding="utf-8",
    )
    with pytest.raises(CorpusError, match="duplicate key 'kind'"):
        Corpus(corpus_copy).load_law("机关运行保障条例")
    path.write_text(
        original.replace("kind: regulation\n", "kind: regulation\neffectiv: x\n", 1),
        encoding="utf-8",
    )
    with pytest.raises(CorpusError, match="unknown field 'effectiv'"):
        Corpus(corpus_copy).load_law("机关运行保障条例")
    path.write_text(
        original.replace("adopted: '2020-09-30'", "adopted: '2020-09-31'"), encoding="utf-8"
    )
    with pytest.raises(CorpusError, match="no such day"):
        Corpus(corpus_copy).load_law("机关运行保障条例")


def test_corrections_for_another_text_are_refused(tmp_path: Path) -> None:
    root = tmp_path / "laws"
    (root / "corrections").mkdir(parents=True)
    src = (LAWS / "corrections" / "2020-6.yaml").read_text(encoding="utf-8")
    (root / "corrections" / "2020-6.yaml").write_text(
        src.replace("978807e1", "00000000"), encoding="utf-8"
    )
    with pytest.raises(GazetteError, match="line numbers would not fit"):
        ingest(F20, root)


def test_a_correction_that_does_not_fit_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "laws"
    (root / "corrections").mkdir(parents=True)
    src = (LAWS / "corrections" / "2020-6.yaml").read_text(encoding="utf-8")
    (root / "corrections" / "2020-6.yaml").write_text(
        src.replace("line: 3992", "line: 3990"), encoding="utf-8"
    )
    with pytest.raises(GazetteError, match="line 3990"):
        ingest(F20, root)


def test_unreadable_and_non_text_gazettes(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        ingest(tmp_path / "missing.txt", tmp_path / "laws")
    binary = tmp_path / "g.txt"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(GazetteError, match="not UTF-8"):
        ingest(binary, tmp_path / "laws")
    empty = tmp_path / "e.txt"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(GazetteError, match="empty"):
        ingest(empty, tmp_path / "laws")
    assert not (tmp_path / "laws").exists()


def test_lookup_by_id_title_short_name_and_part() -> None:
    corpus = Corpus(LAWS)
    assert corpus.resolve("土地管理法实施办法") == "土地管理法实施办法"
    assert corpus.resolve("山西省实施《中华人民共和国土地管理法》办法") == "土地管理法实施办法"
    assert corpus.resolve("机关运行保障条例") == "机关运行保障条例"
    assert corpus.resolve("资源税") == "资源税具体适用税率等有关事项的决定"
    with pytest.raises(InputError, match="ambiguous law name '条例'"):
        corpus.resolve("条例")
    with pytest.raises(InputError, match="unknown law"):
        corpus.resolve("刑法")


def test_timeline_entries_without_text() -> None:
    corpus = Corpus(LAWS)
    land = corpus.load_law("土地管理法实施办法")
    assert [(r.id, r.kind, r.text_file is not None) for r in land.revisions] == [
        ("1999-09-26", "enacted", False),
        ("2008-05-16", "amended", False),
        ("2020-11-27", "amended", True),
        ("2024-03-28", "revised", True),
    ]
    elections = corpus.load_law("各级人民代表大会选举实施细则")
    assert [r.id for r in elections.revisions] == [
        "1989-09-22",
        "1995-05-18",
        "2011-05-27",
        "2015-11-26",
        "2020-11-27",
    ]
    repealed = corpus.load_law("农村初级卫生保健条例")
    assert str(repealed.repealed) == "2021-01-01" and repealed.revisions[0].id == "2003-11-30"
    tax = corpus.load_law("资源税具体适用税率等有关事项的决定")
    assert [r.id for r in tax.revisions] == ["2020-07-31", "2024-03-28"]
    city = corpus.load_law("阳泉市物业管理条例")
    assert city.kind == "city-regulation" and str(city.revisions[0].approved) == "2024-03-28"


def test_every_regulation_with_full_text_is_in_the_corpus() -> None:
    corpus = Corpus(LAWS)
    with_text = {
        e.id for e in corpus.index() if any(r.text_file for r in corpus.load_law(e.id).revisions)
    }
    assert with_text == {
        "制造业高质量发展促进条例", "土地管理法实施办法", "机关运行保障条例", "各级人民代表大会选举实施细则",
        "城乡居民补充养老保险条例", "保障和促进县域医疗卫生一体化办法", "政务数据管理与应用办法",
    }  # fmt: skip
    decisions = sorted(p.stem for p in (LAWS / "decisions").glob("*.yaml"))
    assert "2020-11-27-修改-土地管理法实施办法等" in decisions
    assert "2020-11-27-废止-农村初级卫生保健条例" in decisions
    assert "2024-03-28-修改-资源税具体适用税率等有关事项的决定" in decisions
    assert sum(1 for d in decisions if "-批准-" in d) == 27


def test_a_hand_edited_report_is_not_overwritten_without_force(corpus_copy: Path) -> None:
    report = corpus_copy / "土地管理法实施办法" / "reports" / "2024-2-18.txt"
    report.write_text(
        report.read_text(encoding="utf-8").replace("姚青林", "姚青林（核）"), encoding="utf-8"
    )
    before = _files(corpus_copy)
    with pytest.raises(CuratedFileError, match="edited by hand"):
        ingest(F24, corpus_copy)
    assert _files(corpus_copy) == before
    ingest(F24, corpus_copy, force=True)
    assert "（核）" not in report.read_text(encoding="utf-8")


def test_default_corpus_is_the_checkouts_laws_without_the_env_var(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An editable install or a checkout reads ./laws; $LAWDIFF_CORPUS wins when set."""
    from lawdiff.corpus.reader import ENV_VAR, default_root

    monkeypatch.delenv(ENV_VAR, raising=False)
    assert default_root() == LAWS.resolve()
    assert (default_root() / "index.yaml").is_file()
    monkeypatch.setenv(ENV_VAR, "/somewhere/else")
    assert default_root() == Path("/somewhere/else")
