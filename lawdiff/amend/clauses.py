"""One instruction -> operations: each clause matched against the rows of ``FORMULAS``.

The instruction is prepared (``prepare.py``: quotes, names, punctuation) and split into
clauses; each clause is matched against the rows of ``lawdiff.amend.formulas.FORMULAS``, in
order, and the first row that matches the whole clause builds its operations.  References a
clause leaves out are inherited from the clause before (``将第四十七条中的…；删去第四项、第五项``);
a clause naming no verb inherits the verb of the one before it (``删去《A》第九条第四项，《B》…``).
Article numbers always refer to the text *before* the decision.

A clause that matches no row is an error naming the instruction: the parser never guesses.
"""

from __future__ import annotations

import regex

from lawdiff.amend.formulas import match_clause
from lawdiff.amend.ops import Instruction, Op, Ref
from lawdiff.amend.prepare import _LEAD, Env, prepare, restore, split_clauses
from lawdiff.errors import AmendmentError
from lawdiff.i18n import _

_VERB_HEAD = regex.compile(r"^(?:将|删去|删除|在)")


def parse_instruction(
    ins: Instruction, *, decision_id: str = "decision", law: str | None = None
) -> list[tuple[str | None, Op]]:
    """The operations of one instruction, each with the regulation it applies to (None: the part's)."""
    return read_instruction(ins, decision_id=decision_id, law=law).out


def read_instruction(
    ins: Instruction, *, decision_id: str = "decision", law: str | None = None, ctx: Ref | None = None
) -> Env:
    """Parse one instruction; the returned ``Env`` holds the operations and the final context."""
    quotes: list[str] = []
    laws: list[str] = []
    text = prepare(ins.text, quotes, laws)
    env = Env(quotes, laws, ctx=ctx, law=law)
    verb = ""
    for clause in split_clauses(text):
        clause = _LEAD.sub("", clause)
        if not clause:
            continue
        try:
            if "“" in clause or "”" in clause:
                raise ValueError(_('a quotation mark is not closed'))
            matched = match_clause(clause, env)
            if not matched and verb and not _VERB_HEAD.match(clause):
                matched = match_clause(verb + clause, env)
        except (ValueError, KeyError, IndexError) as exc:
            raise AmendmentError(
                _("cannot parse clause {clause!r}: {exc}").format(clause=restore(clause, quotes, laws), exc=exc),
                decision=decision_id,
                instruction=ins.ordinal,
                instruction_text=ins.text,
            ) from None
        if not matched:
            raise AmendmentError(
                _("unknown phrasing {clause!r}").format(clause=restore(clause, quotes, laws)),
                decision=decision_id,
                instruction=ins.ordinal,
                instruction_text=ins.text,
            )
        head = _VERB_HEAD.match(clause)
        if head:
            verb = head.group(0)
    return env
