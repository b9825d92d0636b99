"""Generated law texts for the scale tests and benchmarks, made from the shipped corpus only.

* ``TextGen``: articles whose sentences are two to four clauses of different real sentences of
  ``laws/`` (1,600 clauses), with the actors, departments, time limits and amounts varied — legal
  prose, and distinct: no two generated articles share a sentence by accident.
* ``text_pair``: two revisions of one law with a known article correspondence (10 % modified,
  5 % deleted, 1 % moved far away, 1 % split in two, 5 % new; the rest unchanged).
* ``import_folder``: consolidated texts of many distinct laws (one to three revisions each, with
  题注), as ``lawdiff import`` reads them from a database download.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from lawdiff.structure.numerals import int_to_cn

LAWS = Path(__file__).resolve().parents[1] / "laws"
GOVS = ["县级以上人民政府", "设区的市人民政府", "省人民政府", "县（市、区）人民政府",
        "乡（镇）人民政府", "街道办事处"]  # fmt: skip
DEPTS = ["自然资源主管部门", "生态环境主管部门", "住房和城乡建设主管部门", "交通运输主管部门",
         "文化和旅游主管部门", "卫生健康主管部门", "市场监督管理部门", "应急管理部门",
         "水行政主管部门", "林业主管部门", "农业农村主管部门", "教育行政部门", "公安机关",
         "民政部门", "财政部门", "发展和改革部门", "商务主管部门", "体育主管部门"]  # fmt: skip
DAYS = ["五日", "七日", "十日", "十五日", "二十日", "三十日", "六十日", "九十日"]
AMOUNTS = ["五百元以上二千元以下", "一千元以上五千元以下", "二千元以上一万元以下",
           "五千元以上三万元以下", "一万元以上五万元以下", "三万元以上十万元以下"]  # fmt: skip
OBJECTS = ["电动自行车", "生活垃圾", "城市供水", "森林资源", "古镇", "博物馆", "物业", "养老服务",
           "文明行为", "道路交通安全", "地下空间", "全域旅游", "乡村绿化", "文物建筑", "体育设施",
           "医疗急救", "传统村落", "湿地", "大气污染防治", "水土保持", "历史文化名城", "农村供水",
           "燃气", "城市供热", "城市绿化", "市容环境卫生", "城市公园", "机动车停车", "户外广告",
           "河道", "泉域水资源", "汾河流域", "长城", "非物质文化遗产", "红色文化遗址", "学前教育",
           "职业教育", "科技创新", "知识产权", "公共数据", "人才发展", "优化营商环境", "民营经济",
           "中医药", "食品小作坊", "药品安全", "无偿献血", "爱国卫生", "禁毒", "消防", "安全生产",
           "煤矿安全", "地质灾害防治", "气象灾害防御", "防震减灾", "人民防空", "电力设施",
           "铁路安全", "公路路政", "农村公路", "会展业", "粮食安全", "农作物种子", "农产品质量安全",
           "耕地质量", "土地整治", "矿产资源", "节约能源", "新能源", "绿色建筑", "建筑市场",
           "城市更新", "社区治理", "志愿服务", "慈善事业", "残疾人保障", "未成年人保护",
           "法律援助", "人民调解", "档案", "地方志", "统计", "审计监督", "国有资产管理",
           "政府投资", "招标投标", "价格监督", "标准化", "计量", "电子商务", "快递", "旅游景区",
           "温泉资源", "古树名木", "黄河文化", "城乡规划", "住房租赁", "房屋安全"]  # fmt: skip
ISSUERS = ["山西省", "太原市", "大同市", "朔州市", "忻州市", "阳泉市", "吕梁市", "晋中市",
           "长治市", "晋城市", "临汾市", "运城市"]  # fmt: skip
ACTIONS = ["管理", "保护", "促进", "发展", "安全管理", "保护和利用", "监督管理", "促进和保障"]
FORMS = ["条例", "办法", "规定", "实施办法"]
CHAPTERS = ["总　则", "规划与建设", "保护措施", "管理与服务", "促进与保障", "监督检查",
            "法律责任", "附　则"]  # fmt: skip
_SWAPS = [
    (re.compile("|".join(sorted(GOVS, key=len, reverse=True))), GOVS),
    (re.compile("|".join(sorted(DEPTS, key=len, reverse=True))), DEPTS),
    (re.compile("(?<=[内后起前])(?:" + "|".join(DAYS) + ")"), DAYS),
    (re.compile("|".join(AMOUNTS)), AMOUNTS),
]
_ARTICLE = re.compile(r"^第[零一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?[\u3000 ]+")
_ITEM = re.compile(r"^（[一二三四五六七八九十]+）")

Body = tuple[tuple[str, tuple[str, ...]], ...]  # an article: paragraphs (text, items)


@cache
def pools(laws: Path = LAWS) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(clauses, item texts) of every article of the texts in ``laws``."""
    clauses: list[str] = []
    items: list[str] = []
    for f in sorted(laws.glob("*/*.txt")):
        if f.parent.name in ("decisions", "reports") or f.parent.parent.name != laws.name:
            continue
        in_body = False
        for line in f.read_text(encoding="utf-8").splitlines()[1:]:
            if _ARTICLE.match(line):
                in_body, line = True, _ARTICLE.sub("", line)
            elif not in_body or re.match(r"^第[一二三四五六七八九十]+[章节编]", line):
                continue
            if _ITEM.match(line):
                items.append(_ITEM.sub("", line))
                continue
            for sentence in re.split("[。；：]", line):
                clauses.extend(c for c in sentence.split("，") if len(c) >= 4)
    return tuple(dict.fromkeys(clauses)), tuple(dict.fromkeys(items))


class TextGen:
    def __init__(self, seed: int = 1, laws: Path = LAWS) -> None:
        self.clauses, self.items = pools(laws)
        self.rng = random.Random(seed)

    def vary(self, text: str) -> str:
        """Swap actors, departments, time limits and amounts for others."""
        rng = self.rng
        for pattern, choices in _SWAPS:
            text = pattern.sub(lambda m, c=choices: rng.choice(c) if rng.random() < 0.7 else m[0], text)
        return text

    def sentence(self) -> str:
        return self.vary("，".join(self.rng.sample(self.clauses, self.rng.choice((2, 3, 3, 4)))) + "。")

    def paragraph(self, topic: str = "") -> str:
        body = "".join(self.sentence() for _ in range(self.rng.choice((1, 1, 2, 2, 3))))
        return f"{topic}工作中，{body}" if topic and self.rng.random() < 0.3 else body

    def article(self, topic: str = "") -> Body:
        rng = self.rng
        paras = []
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            body, items = self.paragraph(topic), ()
            if rng.random() < 0.12:
                body = body.rstrip("。") + "，应当符合下列规定："
                items = tuple(self.vary(x) for x in rng.sample(self.items, rng.randint(2, 5)))
                items = (*items[:-1], items[-1].rstrip("；，。：") + "。")  # a list ends a sentence
            paras.append((body, items))
        return tuple(paras)

    def title(self, used: set[str]) -> tuple[str, str]:
        """(title, short title) not in ``used`` (the short title drops 山西省)."""
        rng = self.rng
        while True:
            issuer = rng.choice(ISSUERS)
            title = f"{issuer}{rng.choice(OBJECTS)}{rng.choice(ACTIONS)}{rng.choice(FORMS)}"
            short = title[3:] if issuer == "山西省" else title
            if short not in used:
                used.add(short)
                return title, short

    def modify(self, art: Body) -> Body:
        """One or two edits as amendments make them; the article stays recognisable."""
        rng = self.rng
        paras = list(art)
        for _ in range(rng.choice((1, 1, 2))):
            k = rng.randrange(len(paras))
            text, items = paras[k]
            sentences = re.findall(r"[^。]+。?", text)
            r = rng.random()
            if r < 0.3:
                new = self.vary(text)
                text = new if new != text else text.rstrip("。") + "，并依照国家有关规定执行。"
            elif r < 0.5:
                cut = text.find("，", len(text) // 3)
                ins = rng.choice(("，并向社会公布", "，依法予以保障", "，接受社会监督"))
                text = text[:cut] + ins + text[cut:] if cut > 0 else text.rstrip("。") + ins + "。"
            elif r < 0.7 and len(sentences) >= 2:
                sentences[rng.randrange(len(sentences))] = self.sentence()
                text = "".join(sentences)
            elif r < 0.85:
                paras.insert(k + 1, (self.paragraph(), ()))
            elif len(paras) >= 2:
                del paras[k]
                continue
            else:
                text = text.rstrip("。") + "。" + self.sentence()
            paras[k] = (text, items)
        return tuple(paras)


def text_pair(n: int, seed: int = 3) -> tuple[list[Body], list[Body], set[tuple[int, int]]]:
    """N old articles and their revision; truth: links (old number, new number), from 1."""
    gen = TextGen(seed)
    rng = gen.rng
    old: list[Body] = []
    while len(old) < n:
        old.append(gen.article(rng.choice(OBJECTS)))
    order = list(range(n))
    rng.shuffle(order)
    share = [max(1, round(n * f)) for f in (0.10, 0.05, 0.01, 0.01, 0.05)]
    n_mod, n_del, n_mov, n_split, n_new = share
    split = set([i for i in order if len(old[i]) >= 2][:n_split])
    rest = [i for i in order if i not in split]
    deleted = set(rest[:n_del])
    moved = set(rest[n_del : n_del + n_mov])
    modified = set(rest[n_del + n_mov : n_del + n_mov + n_mod])
    new: list[tuple[list[int], Body]] = []
    for i in range(n):
        if i in deleted or i in moved:
            continue
        art = gen.modify(old[i]) if i in modified else old[i]
        new.extend([([i], art[:1]), ([i], art[1:])] if i in split else [([i], art)])
    for i in sorted(moved):
        pos = rng.randrange(len(new))
        while abs(pos - i) < n // 4:
            pos = rng.randrange(len(new))
        new.insert(pos, ([i], old[i]))
    for _ in range(n_new):
        new.insert(rng.randrange(len(new) + 1), ([], gen.article(rng.choice(OBJECTS))))
    truth = {(i + 1, j + 1) for j, (src, _) in enumerate(new) for i in src}
    return old, [art for _, art in new], truth


def render(title: str, note: str, chapters: list[tuple[str, list[Body]]]) -> str:
    """The text as a database download prints it: title, 题注, 章 headings, articles."""
    lines = [title, note]
    k = 0
    for c, (name, arts) in enumerate(chapters, start=1):
        if name:
            lines.append(f"第{int_to_cn(c)}章　{name}")
        for art in arts:
            k += 1
            for p, (body, items) in enumerate(art):
                lines.append(f"第{int_to_cn(k)}条　{body}" if p == 0 else body)
                lines.extend(f"（{int_to_cn(i)}）{x}" for i, x in enumerate(items, start=1))
    return "\n".join(lines) + "\n"


def chapters(arts: list[Body], rng: random.Random) -> list[tuple[str, list[Body]]]:
    if len(arts) < 15:
        return [("", arts)]
    n = min(len(CHAPTERS), max(3, len(arts) // 10))
    names = [CHAPTERS[0], *rng.sample(CHAPTERS[1:-1], n - 2), CHAPTERS[-1]]
    bounds = [0, *sorted(rng.sample(range(2, len(arts) - 1), n - 1)), len(arts)]
    return [(names[i], arts[bounds[i] : bounds[i + 1]]) for i in range(n)]


def _session(d: date, issuer: str = "山西省") -> str:
    term = min(14, max(7, (d.year - 1988) // 5 + 7))
    return f"{issuer}第{int_to_cn(term)}届人民代表大会常务委员会第{int_to_cn(d.month + 3)}次会议"


def law_versions(gen: TextGen, used: set[str]) -> tuple[str, list[tuple[date, str]]]:
    """A generated law: its short title and (adoption date, text) of each revision."""
    rng = gen.rng
    title, short = gen.title(used)
    topic = next(o for o in OBJECTS if o in title)
    when = date(1990, 1, 1) + timedelta(days=rng.randrange(0, 11_000))
    arts = [gen.article(topic) for _ in range(rng.choice((8, 12, 18, 25, 30, 36, 45, 60)))]
    form = next(f for f in ("实施办法", "条例", "办法", "规定") if title.endswith(f))
    arts.append(_commencement(form, when))
    steps = [("通过", when, arts)]
    for verb, p, share in (("修正", 0.5, 0.08), ("修订", 0.25, 0.35)):
        if rng.random() < p:
            when = when + timedelta(days=rng.randrange(400, 3000))
            if when > date(2025, 6, 30):
                break
            arts = [gen.modify(a) if rng.random() < share else a for a in arts[:-1]]
            if len(arts) > 6 and rng.random() < 0.5:
                del arts[rng.randrange(1, len(arts) - 1)]
            if rng.random() < 0.5:
                arts.insert(rng.randrange(1, len(arts)), gen.article(topic))
            arts.append(_commencement(form, when) if verb == "修订" else steps[-1][2][-1])
            steps.append((verb, when, arts))
    texts = []
    events: list[str] = []
    for verb, d, version in steps:
        events.append(f"{d.year}年{d.month}月{d.day}日{_session(d, title[:3])}{verb}")
        note = "（" + "　".join(events) + "）"
        texts.append((d, render(title, note, chapters(version, rng))))
    return short, texts


def _commencement(form: str, when: date) -> Body:
    start = when + timedelta(days=92)
    return ((f"本{form[-2:] if form != '实施办法' else '办法'}自{start.year}年{start.month}月{start.day}日起施行。", ()),)


def import_folder(dest: Path, n: int, seed: int = 1) -> Iterator[tuple[str, Path]]:
    """Write the revisions of ``n`` generated laws under ``dest`` (one folder per law)."""
    gen = TextGen(seed)
    used: set[str] = set()
    for _ in range(n):
        short, texts = law_versions(gen, used)
        folder = dest / short
        folder.mkdir(parents=True, exist_ok=True)
        for d, text in texts:
            path = folder / f"{d.isoformat()}.txt"
            path.write_text(text, encoding="utf-8")
        yield short, folder
