"""Property tests: decisions rendered as Chinese text, parsed and applied, equal a direct model."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lawdiff.amend.apply import apply_decision
from lawdiff.amend.decisions import parse_decision
from lawdiff.structure.model import LawText
from lawdiff.structure.numerals import int_to_cn
from lawdiff.structure.parse import parse_text

WORDS = st.text(alphabet="甲乙丙丁戊己庚辛壬癸天地人和安平", min_size=1, max_size=12).map(
    lambda s: s + "。"
)


@st.composite
def scenarios(draw):  # type: ignore[no-untyped-def]
    n = draw(st.integers(min_value=2, max_value=25))
    texts = [draw(WORDS) for _ in range(n)]
    free = list(range(1, n + 1))  # old articles no operation has touched yet
    ops: list[tuple] = []  # type: ignore[type-arg]
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        kind = draw(st.sampled_from(["delete", "replace", "merge", "add"]))
        if kind == "merge" and len(free) >= 2:
            a, b = sorted(
                draw(st.lists(st.sampled_from(free), min_size=2, max_size=2, unique=True))
            )
            free = [k for k in free if k not in (a, b)]
            ops.append(("merge", a, b, draw(WORDS)))
        elif kind in ("delete", "replace") and len(free) >= 2:
            k = draw(st.sampled_from(free))
            free.remove(k)
            ops.append((kind, k, draw(WORDS)))
        elif kind == "add":
            ops.append(("add", draw(st.sampled_from(range(1, n + 1))), draw(WORDS)))
    return texts, ops


def model(texts: list[str], ops: list[tuple]) -> tuple[list[str], dict[int, int]]:  # type: ignore[type-arg]
    """Apply the operations directly to a list of (identity, text); also say where each addition lands."""
    items: list[list[object]] = [[("old", k), t] for k, t in enumerate(texts, start=1)]
    for i, op in enumerate(ops):
        pos = {tuple(x[0]) if isinstance(x[0], tuple) else x[0]: j for j, x in enumerate(items)}  # type: ignore[misc]
        if op[0] == "delete":
            del items[pos[("old", op[1])]]
        elif op[0] == "replace":
            items[pos[("old", op[1])]][1] = op[2]
        elif op[0] == "merge":
            items[pos[("old", op[1])]][1] = op[3]
            del items[pos[("old", op[2])]]
        else:
            anchor = pos.get(("old", op[1]))
            if anchor is None:  # the anchor was deleted or merged away: the scenario drops this one
                continue
            j = anchor + 1
            while j < len(items) and items[j][0][0] == "new":  # type: ignore[index]
                j += 1
            items.insert(j, [("new", i), op[2]])
    where = {ident[1]: j + 1 for j, (ident, _) in enumerate(items) if ident[0] == "new"}  # type: ignore[misc,index]
    return [t for _, t in items], where  # type: ignore[misc]


def render(texts: list[str], ops: list[tuple], where: dict[int, int]) -> tuple[LawText, str]:  # type: ignore[type-arg]
    base = ["山西省性质测试条例"] + [
        f"第{int_to_cn(k)}条　{t}" for k, t in enumerate(texts, start=1)
    ]
    lines = []
    for i, op in enumerate(ops):
        c = int_to_cn
        if op[0] == "delete":
            lines.append(f"删去第{c(op[1])}条。")
        elif op[0] == "replace":
            lines.append(f"将第{c(op[1])}条修改为：“{op[2]}”")
        elif op[0] == "merge":
            lines.append(f"将第{c(op[1])}条、第{c(op[2])}条合并修改为：“{op[3]}”")
        elif i in where:
            lines.append(f"在第{c(op[1])}条后增加一条，作为第{c(where[i])}条：“{op[2]}”")
    body = "\n".join(f"{k}．{ln}" for k, ln in enumerate(lines, start=1))
    decision = (
        "关于修改《山西省性质测试条例》的决定\n"
        f"{body}\n《山西省性质测试条例》根据本决定作相应修改并对条款顺序作相应调整，重新公布。"
    )
    return parse_text(base), decision


def _valid(ops: list[tuple], where: dict[int, int]) -> list[tuple]:  # type: ignore[type-arg]
    return [op for i, op in enumerate(ops) if op[0] != "add" or i in where]


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_parse_then_apply_equals_the_direct_model(scenario) -> None:  # type: ignore[no-untyped-def]
    texts, ops = scenario
    expected, where = model(texts, ops)
    ops = _valid(ops, where)
    expected, where = model(texts, ops)
    if not ops:
        return
    base, decision_text = render(texts, ops, where)
    result = apply_decision(base, parse_decision(decision_text, decision_id="p"), decision_id="p")
    arts = result.text.articles
    assert [a.paragraphs[0].body for a in arts] == expected
    assert [a.number for a in arts] == list(range(1, len(arts) + 1))  # renumbered without gaps
    assert [a.label for a in arts] == [f"第{int_to_cn(n)}条" for n in range(1, len(arts) + 1)]


@st.composite
def cited(draw):  # type: ignore[no-untyped-def]
    """A text whose articles cite each other, and deletions / additions that renumber it."""
    n = draw(st.integers(min_value=3, max_value=20))
    refs = {k: draw(st.one_of(st.none(), st.integers(1, n).filter(lambda t, k=k: t != k))) for k in range(1, n + 1)}
    deleted = set(draw(st.lists(st.integers(1, n), max_size=n // 3, unique=True)))
    adds = draw(st.lists(st.integers(1, n), max_size=4))
    return n, refs, deleted, adds


@settings(max_examples=150, deadline=None)
@given(cited())
def test_every_reference_points_at_the_same_provision_after_renumbering(scenario) -> None:  # type: ignore[no-untyped-def]
    n, refs, deleted, adds = scenario
    c = int_to_cn
    # the model: old articles in order, new ones after their anchors (after earlier new ones)
    order: list[tuple[str, int]] = [("old", k) for k in range(1, n + 1)]
    where: dict[int, int] = {}
    for i, anchor in enumerate(adds):
        j = order.index(("old", anchor)) + 1
        while j < len(order) and order[j][0] == "new":
            j += 1
        order.insert(j, ("new", i))
    order = [x for x in order if not (x[0] == "old" and x[1] in deleted)]
    new_no = {x: k for k, x in enumerate(order, start=1)}
    for i in range(len(adds)):
        where[i] = new_no[("new", i)]
    lines = [f"删去第{c(k)}条。" for k in sorted(deleted)]
    lines += [f"在第{c(a)}条后增加一条，作为第{c(where[i])}条：“新{i}。”" for i, a in enumerate(adds) if a not in deleted]
    if any(a in deleted for a in adds) or not lines:
        return  # an addition after a deleted article is refused; nothing to renumber
    body = [f"第{c(k)}条　条{k}" + (f"，依照本条例第{c(refs[k])}条处理。" if refs[k] else "。") for k in range(1, n + 1)]
    base = parse_text(["某某条例", *body])
    text = "\n".join(f"{i}．{ln}" for i, ln in enumerate(lines, start=1))
    dec = parse_decision(f"关于修改《某某条例》的决定\n{text}\n《某某条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。")
    result = apply_decision(base, dec)
    arts = {a.label: a.text for a in result.text.articles}
    for k in range(1, n + 1):
        if k in deleted:
            continue
        got = arts[f"第{c(new_no[('old', k)])}条"]
        t = refs[k]
        if t is None:
            assert got.endswith(f"条{k}。")
        elif t in deleted:  # left as printed, and reported
            assert got.endswith(f"依照本条例第{c(t)}条处理。")
            assert any(cit.new is None and cit.old == f"第{c(t)}条" for cit in result.citations)
        else:
            assert got.endswith(f"条{k}，依照本条例第{c(new_no[('old', t)])}条处理。")
