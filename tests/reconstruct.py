"""Rebuild a stand-in for a base text the seeds do not contain, by inverting a decision.

Test fixture only: the official consolidated text minus what the decision
added, plus placeholders for what it deleted or replaced, with replaced words
turned back.  Applying the real decision to it must give the official text
character for character, which exercises every operation of the seed
decisions on the real published output.  (The placeholders stand for old
text nobody can know; what the decision does not touch is real text.)
"""

from __future__ import annotations

import regex

from lawdiff.amend.consistency import number_map
from lawdiff.amend.ops import (
    AddParagraphs,
    DeletePhrases,
    DeleteUnits,
    Merge,
    Part,
    ReplaceTerms,
    ReplaceUnit,
)
from lawdiff.structure.model import Article, Heading, Item, LawText, Paragraph
from lawdiff.structure.numerals import int_to_cn


def _invert(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    back = {new: old for old, new in pairs}
    pattern = regex.compile("|".join(regex.escape(n) for n in sorted(back, key=len, reverse=True)))
    return pattern.sub(lambda m: back[m.group(0)], text)


def reconstruct(official: LawText, part: Part) -> LawText:
    nmap = number_map(part, len(official.articles))
    ops = [op for ins in part.instructions for op in ins.ops]
    global_pairs = [op.pairs for op in ops if isinstance(op, ReplaceTerms) and op.scope is None]
    old_of_new = {new: old for old, new in nmap.new_of_old.items()}
    blocks: list[Heading | Article] = []
    for block in official.blocks:
        if isinstance(block, Heading):
            blocks.append(block)
            continue
        old = old_of_new[block.number]
        # deleted old articles go where they stood: just before the next surviving one
        for k in sorted(set(range(1, old)) - set(nmap.new_of_old) - _placed(blocks)):
            blocks.append(_placeholder(k, "删去"))
        blocks.append(_old_article(block, old, ops, global_pairs))
    last_old = max(nmap.new_of_old)
    for k in range(last_old + 1, nmap.old_count + 1):
        blocks.append(_placeholder(k, "删去"))
    note = official.note
    if note:
        note = regex.sub(r"\u3000根据[^\u3000]*修正）$", "）", note)
    return LawText(official.title, note, official.preamble, tuple(blocks), official.tables)


def _placed(blocks: list[Heading | Article]) -> set[int]:
    return {b.number for b in blocks if isinstance(b, Article)}


def _placeholder(k: int, what: str) -> Article:
    label = f"第{int_to_cn(k)}条"
    return Article(k, label, (Paragraph(f"原{label}（本决定{what}）。"),))


def _old_article(
    new: Article, old: int, ops: list[object], global_pairs: list[tuple[tuple[str, str], ...]]
) -> Article:
    label = f"第{int_to_cn(old)}条"
    paras = [
        [p.body, [it.body for it in p.items], False] for p in new.paragraphs
    ]  # body, items, written?
    whole = None
    for op in ops:
        if isinstance(op, ReplaceUnit) and op.target.article == old:
            t = op.target
            if t.paragraph is None and t.item is None:
                whole = "替换"
            elif t.item is None:
                paras[t.paragraph - 1] = [f"原第{int_to_cn(t.paragraph)}款。", [], True]
            else:
                p = paras[(t.paragraph or 1) - 1]
                p[1][t.item - 1] = f"原第{int_to_cn(t.item)}项；"
        elif isinstance(op, Merge) and op.targets[0].article == old:
            whole = "合并"
    if whole:
        return Article(
            old, label, (Paragraph(f"原{label}（本决定{whole}）。"),), new.chapter, new.section
        )
    for op in ops:
        if isinstance(op, AddParagraphs) and op.article.article == old:
            for pos in sorted(op.positions, reverse=True):
                del paras[pos - 1]
    for op in ops:
        if isinstance(op, DeleteUnits):
            for t in op.targets:
                if t.article != old:
                    continue
                if t.paragraph is not None and t.item is None:
                    paras.insert(
                        t.paragraph - 1,
                        [f"原第{int_to_cn(t.paragraph)}款（本决定删去）。", [], True],
                    )
                elif t.item is not None:
                    p = paras[(t.paragraph or _items_para(paras)) - 1]
                    p[1].insert(t.item - 1, f"原第{int_to_cn(t.item)}项（本决定删去）；")
    for op in ops:
        if isinstance(op, ReplaceTerms) and op.scope is not None and op.scope.article == old:
            for p in paras:
                p[0] = _invert(p[0], op.pairs)
                p[1] = [_invert(it, op.pairs) for it in p[1]]
        elif isinstance(op, DeletePhrases) and op.scope.article == old:
            p = paras[(op.scope.paragraph or 1) - 1]
            p[0] = "".join(op.phrases) + p[0]
    for pairs in global_pairs:
        for p in paras:
            if not p[2]:
                p[0] = _invert(p[0], pairs)
                p[1] = [_invert(it, pairs) for it in p[1]]
    paragraphs = tuple(
        Paragraph(
            body, tuple(Item(i, f"（{int_to_cn(i)}）", it) for i, it in enumerate(items, start=1))
        )
        for body, items, _ in paras
    )
    return Article(old, label, paragraphs, new.chapter, new.section)


def _items_para(paras: list[list[object]]) -> int:
    with_items = [i for i, p in enumerate(paras, start=1) if p[1]]
    assert len(with_items) == 1
    return with_items[0]
