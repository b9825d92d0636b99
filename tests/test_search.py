"""``lawdiff search``: phrases in articles (之一 included), rate tables and annexes, grouped by
lineage across revisions, from an index that follows the files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawdiff.cli import app
from lawdiff.compare.lineage import Segment, group
from lawdiff.corpus.reader import Corpus
from lawdiff.errors import InputError
from lawdiff.intake.importer import import_paths
from lawdiff.query.search import find

from .conftest import LAWS

runner = CliRunner()
LAND = "土地管理法实施办法"
TODAY = date(2026, 1, 1)

PARKING_2019 = """示例市停车场管理条例
（2019年6月1日示例市第一届人民代表大会常务委员会第五次会议通过）
第一条　为了加强停车场管理，制定本条例。
第二条　本条例适用于本市行政区域内停车场的规划、建设和管理。
第三条　市交通运输主管部门负责停车场的监督管理工作。
第三条之一　新建住宅小区应当按照规划配建机动车充电设施，预留夜间错峰共享车位。
第四条　本条例自2019年10月1日起施行。
附件：停车收费标准
| 车型 | 白天 | 夜间 |
| 小型车 | 每小时三元 | 每小时一元 |
| 大型车 | 每小时六元 | 每小时二元 |
超过二十四小时的，按照日最高限价收取停车费。
"""
# the 2023 revision: 第三条之一 becomes 第四条 (reworded), the night rate of large vehicles changes
PARKING_2023 = """示例市停车场管理条例
（2019年6月1日示例市第一届人民代表大会常务委员会第五次会议通过　2023年3月1日示例市第二届人民代表大会常务委员会第三次会议修订）
第一条　为了加强停车场管理，方便群众出行，制定本条例。
第二条　本条例适用于本市行政区域内停车场的规划、建设和管理。
第三条　市交通运输主管部门负责停车场的监督管理工作。
第四条　新建住宅小区应当按照规划配建机动车充电设施，预留夜间错峰共享车位，鼓励共享。
第五条　本条例自2023年5月1日起施行。
附件：停车收费标准
| 车型 | 白天 | 夜间 |
| 小型车 | 每小时三元 | 每小时一元 |
| 大型车 | 每小时六元 | 每小时三元 |
超过二十四小时的，按照日最高限价收取停车费。
"""


@pytest.fixture(scope="module")
def parking(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("parking")
    for name, text in (("2019.txt", PARKING_2019), ("2023.txt", PARKING_2023)):
        (tmp / name).write_text(text, encoding="utf-8")
        import_paths([tmp / name], tmp / "laws")
    return tmp / "laws"


def _search(root: Path, phrase: str, *, every: bool = True, on: date = TODAY, **kw: str) -> list[Segment]:
    c = Corpus(root)
    return group(c, find(c, phrase, **kw), on=None if every else on, every=every)


def _runs(segments: list[Segment]) -> list[list[tuple[str, str, str, str | None]]]:
    out: dict[int, list[tuple[str, str, str, str | None]]] = {}
    for s in segments:
        out.setdefault(s.lineage, []).append(
            (s.unit, s.label, s.first, s.until.isoformat() if s.until else None)
        )
    return list(out.values())


def test_a_phrase_of_an_inserted_article_followed_through_its_renumbering(parking: Path) -> None:
    runs = _runs(_search(parking, "错峰共享"))
    assert runs == [[
        ("article", "第三条之一", "2019-06-01", "2023-05-01"),
        ("article", "第四条", "2023-03-01", None),
    ]]  # fmt: skip


def test_phrases_in_annex_tables_and_paragraphs(parking: Path) -> None:
    assert _runs(_search(parking, "每小时二元")) == [[("annex", "附件：停车收费标准", "2019-06-01", "2023-05-01")]]
    assert _runs(_search(parking, "每小时三元")) == [
        [("annex", "附件：停车收费标准", "2019-06-01", None)],  # the small-vehicle row, both years
        [("annex", "附件：停车收费标准", "2023-03-01", None)],  # the large-vehicle row since 2023
    ]
    assert _runs(_search(parking, "日最高限价")) == [[("annex", "附件：停车收费标准", "2019-06-01", None)]]


def test_rows_of_a_rate_table_derived_from_a_decision() -> None:
    segments = _search(LAWS, "煤成（层）气")
    assert [(s.unit, s.label, s.first, s.revision) for s in segments] == [
        ("table", "山西省资源税税目税率表：煤成（层）气", "2020-07-31", "2024-03-28")
    ]
    assert "2％" in segments[0].snippet  # the 2024 rate, computed from the decision (was 1.5％)
    assert [s.label for s in _search(LAWS, "煤")] == ["山西省资源税税目税率表：煤", "山西省资源税税目税率表：煤成（层）气"]


def test_in_force_today_and_across_every_revision() -> None:
    every = _search(LAWS, "耕地开垦费")
    assert [(s.label, s.first, s.until) for s in every] == [
        ("第十二条", "2020-11-27", date(2024, 5, 1)),
        ("第三十三条", "2020-11-27", date(2024, 5, 1)),
    ]
    assert not any(s.current for s in every)
    assert _search(LAWS, "耕地开垦费", every=False) == []  # gone from the text in force
    assert [s.label for s in _search(LAWS, "耕地开垦费", every=False, on=date(2023, 1, 1))] == ["第十二条", "第三十三条"]
    kept = _search(LAWS, "任何单位和个人不得侵占、买卖", every=False)
    assert [(s.label, s.current) for s in kept] == [("第二条", False), ("第六条", True)]  # one lineage


def test_filters_and_refusals() -> None:
    assert {s.law for s in _search(LAWS, "土地利用", law="机关运行保障条例")} == {"机关运行保障条例"}
    assert {s.law for s in _search(LAWS, "土地利用", kind="city-regulation")} == set()
    with pytest.raises(InputError, match="no law of kind"):
        find(Corpus(LAWS), "土地", kind="statute")
    with pytest.raises(InputError, match="empty search phrase"):
        find(Corpus(LAWS), "  ")


def test_the_json_contract() -> None:
    r = runner.invoke(app, ["search", "任何单位和个人不得侵占、买卖", "--all", "--format", "json", "--corpus", str(LAWS)])
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["query"] == "任何单位和个人不得侵占、买卖" and doc["date"] is None
    first, second = doc["hits"]
    assert set(first) >= {"law", "title", "revision", "label", "snippet", "from", "until"}
    assert (first["label"], first["from"], first["until"]) == ("第二条", "2020-11-27", "2024-05-01")
    assert (second["label"], second["from"], second["until"]) == ("第六条", "2024-05-01", None)
    assert first["lineage"] == second["lineage"] and second["current"] is True
    assert "任何单位和个人不得侵占、买卖" in second["snippet"]
    r = runner.invoke(app, ["search", "任何单位和个人不得侵占、买卖", "--corpus", str(LAWS)])
    assert "第二条, 2020–2024; 第六条, since 2024" in r.stdout and "【任何单位和个人不得侵占、买卖】" in r.stdout
    r = runner.invoke(app, ["search", "土地", "--all", "--date", "2024-01-01", "--corpus", str(LAWS)])
    assert r.exit_code == 2 and "not both" in r.stderr


def test_the_index_follows_a_text_imported_again(parking: Path, tmp_path: Path) -> None:
    assert _search(parking, "鼓励共享")  # the 2023 text
    changed = PARKING_2023.replace("鼓励共享", "鼓励错时开放")
    (tmp_path / "2023.txt").write_text(changed, encoding="utf-8")
    from lawdiff.intake.importer import Options

    import_paths([tmp_path / "2023.txt"], parking, Options(force=True))
    assert _search(parking, "鼓励共享") == []
    assert [s.label for s in _search(parking, "鼓励错时开放")] == ["第四条"]


def test_a_text_edited_under_its_law_yaml_is_reported_not_searched(corpus_copy: Path) -> None:
    assert len(_search(corpus_copy, "耕地开垦费")) == 2
    text = corpus_copy / LAND / "2020-11-27.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("耕地开垦费", "耕地开荒费"), encoding="utf-8")
    c = Corpus(corpus_copy)
    found = find(c, "耕地开垦费")
    assert found.hits == [] and "sha256" in found.problems[LAND]  # the text no longer reads
    r = runner.invoke(app, ["search", "耕地开垦费", "--all", "--corpus", str(corpus_copy)])
    assert "not searched: 土地管理法实施办法" in r.stdout
