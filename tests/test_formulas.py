"""The grammar table walked row by row: every example is read by its own row, into these operations.

The rows and their examples live in ``lawdiff/amend/formulas.py`` (one row per formula of the
drafting norms, see notes/phrasings.md); this file says what each example must become, written as
``kind(field=value, …)`` with references as labels and the regulation a clause names first.
"""

from __future__ import annotations

import pytest

from lawdiff.amend.clauses import parse_instruction
from lawdiff.amend.formulas import FORMULAS, match_clause
from lawdiff.amend.ops import Instruction, Op, Ref
from lawdiff.amend.prepare import _LEAD, Env, prepare, split_clauses


def _r(x: object) -> object:
    if isinstance(x, Ref):
        return x.label()
    if isinstance(x, tuple):
        return tuple(_r(y) for y in x)
    return x


def sig(law: str | None, op: Op) -> str:
    fields = ", ".join(
        f"{k}={_r(v)!r}" for k, v in op.__dict__.items() if v not in (None, (), "", False, 0)
    )
    return (f"{law}: " if law else "") + f"{op.kind}({fields})"


EXPECTED: dict[str, list[list[str]]] = {
    'renumber-statement': [
        ['Renumber()'],
        ['Renumber()'],
        ['Renumber()', "Unstated(text='对条文顺序和个别文字作相应调整和修改')"],
        ["Unstated(text='对个别条文的文字作了修改')"],
        ['Renumber()', "Move(source='第八条', destination='第七条')", "Move(source='第九条', destination='第八条')"],
    ],
    'purpose': [
        [],
    ],
    'heading-rename': [
        ["HeadingOp(action='rename', level='章', number=2, title='国土空间规划')"],
        ["HeadingOp(action='rename', level='章', number=4, title='国旗、国歌、国徽、首都')"],
        ["HeadingOp(action='rename', level='节', number=1, title='一般规定', chapter=2)"],
    ],
    'heading-delete': [
        ["HeadingOp(action='delete', level='章', number=2)"],
        ["HeadingOp(action='delete-heading', level='节', number=2, chapter=3)"],
    ],
    'heading-add': [
        ["HeadingOp(action='add', level='章', number=3, title='监督管理', articles=('第十条\\u3000甲。',), positions=('第十条',))"],
        ["HeadingOp(action='add', level='节', number=7, title='监察委员会', chapter=3)"],
    ],
    'heading-add-after': [
        ["HeadingOp(action='add', level='章', number=3, title='监督管理', articles=('第十条\\u3000甲。',), positions=('第十条',), after='第二章')"],
        ["HeadingOp(action='add', level='章', number=3, title='监督管理', articles=('第十条\\u3000甲。',), positions=('第十条',), after='第九条')"],
    ],
    'heading-renumber': [
        ["HeadingOp(action='renumber', level='节', number=7, renumbered_to=8)"],
    ],
    'part-heading': [
        ["ReplaceLine(old='一、买卖合同的成立及效力', new='一、买卖合同的成立')"],
        ["ReplaceUnit(target='部分标题第一段', text='一、一般规定')"],
    ],
    'table-cells': [
        ["TableCells(cells=(TableCell(table=None, row='煤', column='原矿', old='8％', new='10％'), TableCell(table=None, row='煤', column='选矿', old='6.5％', new='9％')))"],
    ],
    'table-replace': [
        ["ReplaceTable(table='个人所得税税率表一（工资、薪金所得适用）', rows=('级数\\u3000税率',))"],
    ],
    'paragraph-add-rewrite': [
        ["刑法: ReplaceUnit(target='第一百六十五条', text='甲。\\n乙。')"],
    ],
    'article-split': [
        ["Split(source='第三条', positions=('第三条', '第四条'), texts=('第三条\\u3000甲。', '第四条\\u3000乙。'))"],
        ["Split(source='第二十一条', positions=('第二十一条', '第二十二条'), texts=('第二十一条\\u3000甲。', '第二十二条\\u3000乙。'))"],
    ],
    'merge': [
        ["Merge(targets=('第三十八条', '第三十九条'), text='甲。')"],
        ["Merge(targets=('第六条', '第七条'), text='甲。')"],
        ["Merge(targets=('第二十三条', '第四十五条'), text='甲。', position='第二十四条')"],
        ["ReplaceUnit(target='第十五条第一款', text='甲。')", "DeleteUnits(targets=('第十五条第二款',))"],
        ["ReplaceUnit(target='第十五条第一款', text='甲。')", "DeleteUnits(targets=('第十五条第二款',))"],
    ],
    'move-rewrite': [
        ["Move(source='第二条', destination='第六条')", "ReplaceUnit(target='第二条', text='甲。')"],
        ["Move(source='第五条', destination='第十条')"],
    ],
    'move': [
        ["Move(source='第二十条', destination='第十八条')"],
        ["Move(source='第四条', destination='第五条')"],
        ["Move(source='第十条第二款', destination='第十一条')"],
        ["Move(source='第五十一条', destination='第五十九条')", "ReplaceUnit(target='第五十一条', text='甲。')"],
        ["Move(source='第一款', destination='第二款')", "ReplaceUnit(target='第一款', text='甲。')", "Move(source='第二款', destination='第三款')", "ReplaceUnit(target='第二款', text='乙。')"],
        ["Move(source='第八条第三款', destination='第四十九条', text='甲。')"],
        ["Move(source='第七项', destination='第八项')", "Move(source='第八项', destination='第九项')", "Move(source='第九项', destination='第十项')", "Move(source='第十项', destination='第十一项')", "Move(source='第十一项', destination='第十二项')", "Move(source='第十二项', destination='第十三项')", "Move(source='第十三项', destination='第十四项')", "Move(source='第十四项', destination='第十五项')", "Move(source='第十五项', destination='第十六项')"],
        ["解释: Move(source='第七条', destination='第十二条')"],
        ["Move(source='第二十六条', destination='第二十四条')", "Move(source='第二十七条', destination='第二十五条')", "Move(source='第二十八条', destination='第二十六条')", "Move(source='第二十九条', destination='第二十七条')", "Move(source='第三十条', destination='第二十八条')"],
    ],
    'swap': [
        ["Move(source='第十条第二款', destination='第十条第三款', swap=True)"],
        ["Move(source='第五条第一款第二项', destination='第五条第一款第三项', swap=True)"],
    ],
    'relocate': [
        ["Move(source='第三条', destination='第五条', after='第五条')"],
        ["Move(source='第十条', destination='(whole text)', after='第二十条')"],
        ["Move(source='第七条', destination='第三条', after='第三条', before=True)"],
    ],
    'restate': [
        ["宪法: ReplaceTerms(pairs=(('甲', '乙'),), scope='引言第七段')", "宪法: ReplaceUnit(target='引言第七段', text='乙丙。')"],
    ],
    'words-replace': [
        ["ReplaceTerms(pairs=(('土地行政主管部门', '自然资源主管部门'), ('基本农田', '永久基本农田')))"],
        ["ReplaceTerms(pairs=(('行政处分', '处分'),))"],
        ["ReplaceTerms(pairs=(('甲', '乙'),), scope='第五条第二款')"],
        ["ReplaceTerms(pairs=(('侵犯', '侵害'),), scope='名称')", "ReplaceTerms(pairs=(('侵犯', '侵害'),), scope='第一条')", "ReplaceTerms(pairs=(('侵犯', '侵害'),), scope='第三条')", "ReplaceTerms(pairs=(('侵犯', '侵害'),), scope='第八条')"],
        ["ReplaceTerms(pairs=(('七日内', '十五日内'),), scope='第九条')"],
        ["宪法: ReplaceParagraphs(scope='第七条', old=('甲。', '乙。'), new=('丙。', '丁。'))"],
        ["ReplaceTerms(pairs=(('甲', '乙'),), scope='第九条第一款')"],
        ["甲条例: ReplaceTerms(pairs=(('丙', '丁'),), scope='第十条')", "乙条例: ReplaceTerms(pairs=(('丙', '丁'),), scope='第二十七条')"],
        ["甲市A条例: ReplaceTerms(pairs=(('行政处分', '处分'),))", "甲市B条例: ReplaceTerms(pairs=(('行政处分', '处分'),))"],
        ["ReplaceTerms(pairs=(('甲', '乙'),))"],
        ["ReplaceTerms(pairs=(('甲', '乙'),), scope='第三章')"],
        ["ReplaceTerms(pairs=(('甲', '乙'),), scope='第三章第二节')"],
        ["ReplaceTerms(pairs=(('甲', '乙'),), scope='第十条至第十二条')"],
    ],
    'words-delete': [
        ["DeletePhrases(scope='第十六条第三款', phrases=('按照该耕地被占用前三年平均年产值的八至十二倍',))"],
        ["DeletePhrases(scope='第八条第一款', phrases=('甲',))", "DeletePhrases(scope='第八条第二款', phrases=('乙',))"],
        ["DeletePhrases(scope='第十六条第二款', phrases=('甲',))"],
        ["甲条例: DeleteUnits(targets=('第九条第四项',))", "乙条例: DeletePhrases(scope='第三条', phrases=('丙',))"],
        ["DeletePhrases(scope='第十二条', phrases=('、市场监督管理',))"],
        ["DeletePhrases(scope='第三章', phrases=('甲',))"],
        ["DeletePhrases(scope='第三章第二节', phrases=('甲',))"],
    ],
    'delete': [
        ["DeleteUnits(targets=('第七条', '第八条', '第十四条第五款'))"],
        ["DeleteUnits(targets=('第十一条', '第十三条', '第十五条'))"],
        ["DeleteUnits(targets=('第三款',))"],
        ["DeleteUnits(targets=('第十条第二款但书',))"],
        ["DeleteUnits(targets=('第五条第一款第二句',))"],
        ["DeleteUnits(targets=('第三条第二款',))"],
        ["DeleteUnits(targets=('第三条第二款',))"],
    ],
    'replace': [
        ["ReplaceUnit(target='第三条', text='甲。')"],
        ["ReplaceUnit(target='第十二条第二款第二项', text='（二）乙；')"],
        ["ReplaceUnit(target='第三款', text='甲。')"],
        ["ReplaceUnit(target='引言', text='甲：')"],
        ["ReplaceUnit(target='名称', text='甲规定')"],
        ["刑法: ReplaceUnit(target='第一百八十六条第一款', text='甲。')", "刑法: ReplaceUnit(target='第一百八十六条第二款', text='乙。')"],
        ["ReplaceUnit(target='第五条条首部分', text='甲')"],
        ["ReplaceUnit(target='第十条第一款前段', text='甲；')"],
        ["ReplaceUnit(target='第十条但书', text='但是乙')"],
        ["ReplaceUnit(target='第二条第一款第二句', text='乙。')"],
        ["ReplaceUnit(target='第三条第一款第二项第一目', text='1．甲；')"],
        ["ReplaceUnit(target='第五条', text='甲。\\n乙。')"],
        ["ReplaceUnit(target='名称', text='甲市价格监督规定')"],
        ["甲市甲条例: ReplaceUnit(target='名称', text='甲市乙条例')"],
        ["ReplaceUnit(target='第三条', text='甲。')"],
        ["ReplaceUnit(target='第三条', text='甲。')"],
        ["ReplaceUnit(target='第三条第二款', text='乙。')"],
    ],
    'words-insert': [
        ["InsertPhrase(scope='第三条第一款', anchor='开放协作', text='、品牌引领')"],
        ["宪法: ReplaceTerms(pairs=(('甲', '乙'),), scope='引言第七段')", "宪法: InsertPhrase(scope='引言第七段', anchor='自力更生', text='贯彻新发展理念，', before=True)"],
        ["宪法: InsertPhrase(scope='第一条第二款', anchor='社会主义制度是中华人民共和国的根本制度。', text='甲。')"],
    ],
    'insert-at-edge': [
        ["InsertPhrase(scope='第一条第二款', text='甲，', before=True)"],
        ["宪法: InsertPhrase(scope='引言第十段', text='甲。')"],
    ],
    'article-add': [
        ["AddArticles(after='第十条', positions=('第十一条',), texts=('甲。',))"],
        ["刑法: AddArticles(after='第三十七条', positions=('第三十七条之一',), texts=('甲。',))"],
        ["AddArticles(after='第十三条', positions=('第十四条',), texts=('甲。',))"],
        ["刑法: AddArticles(after='第一百二十条之一', positions=('第一百二十条之二', '第一百二十条之三'), texts=('第一百二十条之二\\u3000甲。', '第一百二十条之三\\u3000乙。'))"],
    ],
    'article-add-unnumbered': [
        ["AddArticles(after='第十条', texts=('甲。',))"],
        ["AddArticles(after='第十条', texts=('甲。', '乙。'))"],
        ["AddArticles(after='第十条', texts=('甲。',), before=True)"],
        ["AddArticles(after='第十条', positions=('第十一条', '第十二条'), texts=('第十一条\\u3000甲。', '第十二条\\u3000乙。'))"],
    ],
    'article-add-at': [
        ["AddArticles(positions=('第五条',), texts=('甲。',))"],
        ["AddArticles(positions=('第四条',), texts=('甲。',))"],
        ["AddArticles(positions=('第五条', '第六条'), texts=('甲。', '乙。'))"],
        ["AddArticles(positions=('第七条',), texts=('甲。',))"],
        ["AddArticles(positions=('第二十条',), texts=('甲。',), chapter=3)"],
        ["AddArticles(positions=('第五条',), texts=('甲。',))"],
        ["AddArticles(positions=('第五条', '第六条'), texts=('甲。', '乙。'))"],
    ],
    'unit-add-next-to': [
        ["AddParagraphs(article='第五条', positions=(2,), texts=('甲。',))"],
        ["AddParagraphs(article='第十条', positions=(3, 4), texts=('甲。', '乙。'))"],
        ["AddItems(paragraph='第九条第一款', positions=(4,), texts=('（四）丁；',))"],
    ],
    'paragraph-add': [
        ["AddParagraphs(article='第四十二条', positions=(2,), texts=('甲。',))"],
        ["刑法: AddParagraphs(article='第六十九条', positions=(2,), texts=('甲。',))"],
        ["AddParagraphs(article='第五条', positions=(3, 4), texts=('甲。', '乙。'))"],
        ["AddParagraphs(article='第十三条', positions=(2,), texts=('甲。',))"],
        ["宪法: AddParagraphs(article='第五条', positions=(1,), texts=('甲。',))"],
    ],
    'paragraph-add-end': [
        ["宪法: AddParagraphs(article='第十一条', positions=(None,), texts=('甲。',))"],
        ["AddParagraphs(article='第三条', positions=(None,), texts=('甲。',))"],
        ["AddParagraphs(article='第三条', positions=(None, None), texts=('甲。', '乙。'))"],
    ],
    'item-add': [
        ["AddItems(paragraph='第九条第一款', positions=(3,), texts=('（三）丙；',))"],
        ["AddItems(paragraph='第七条', positions=(6,), texts=('负责农村节能减排工作；',))"],
        ["ReplaceUnit(target='第五条条首部分', text='甲')", "AddItems(paragraph='第五条', positions=(3,), texts=('乙的。',))"],
        ["AddItems(paragraph='第二条第一款第三项', positions=(2,), texts=('2．乙；',))"],
    ],
    'sentence-add': [
        ["AddSentence(target='第十条第一款', text='乙。', position=2)"],
        ["AddSentence(target='第十条第二款', text='丙。')"],
        ["AddSentence(target='第十条第一款', text='丙。')"],
        ["AddSentence(target='第十条第一款', text='丙。')"],
    ],
}  # fmt: skip


def _first_row(clause: str) -> str | None:
    return next((row.name for row in FORMULAS if row.pattern.fullmatch(clause)), None)


CASES = [(row.name, k, ex) for row in FORMULAS for k, ex in enumerate(row.examples)]


def test_every_row_has_examples_and_expectations() -> None:
    assert [row.name for row in FORMULAS] == list(EXPECTED)
    for row in FORMULAS:
        assert row.examples, row.name
        assert len(EXPECTED[row.name]) == len(row.examples), row.name
    assert len({row.name for row in FORMULAS}) == len(FORMULAS)


@pytest.mark.parametrize("name,k,example", CASES, ids=[f"{n}-{k}" for n, k, _ in CASES])
def test_each_example_is_read_by_its_row(name: str, k: int, example: str) -> None:
    quotes: list[str] = []
    laws: list[str] = []
    clauses = [_LEAD.sub("", c) for c in split_clauses(prepare(example, quotes, laws))]
    # the row is the first that reads the example's last clause (earlier clauses give context)
    assert _first_row(clauses[-1]) == name, clauses
    got = [sig(law, op) for law, op in parse_instruction(Instruction("1", example, (0, 0)))]
    assert got == EXPECTED[name][k]


def test_a_clause_no_row_reads_is_not_matched() -> None:
    env = Env([], [])
    assert not match_clause("对第三条作文字修改", env)
    assert env.out == []


def test_the_hints_never_hide_a_row() -> None:
    """Each example contains one of its row's hint words (the filter before the pattern)."""
    for row in FORMULAS:
        assert row.hints, row.name
        for ex in row.examples:
            quotes: list[str] = []
            clause = split_clauses(prepare(ex, quotes, []))[-1]
            assert any(h in clause for h in row.hints), (row.name, ex)
