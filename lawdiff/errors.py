"""One exception family; the CLI turns each into one stderr line and an exit code.

| code | meaning |
|------|---------|
| 0    | success |
| 1    | ``verify`` found a difference (or ``diff --exit-code`` found changes) |
| 2    | bad input: unknown law, bad date, malformed YAML, broken gazette text |
| 3    | an amendment instruction cannot be applied exactly |
| 130  | interrupted (SIGINT); a write in progress was rolled back |
"""

from __future__ import annotations

from collections.abc import Callable

# long work reports (done, total, what it is on) through an optional callback of this type;
# the CLI draws it as a progress bar on a terminal (``lawdiff.cli.progress``)
Progress = Callable[[int, int, str], None]


class LawdiffError(Exception):
    """Base class: a message fit for one line on stderr."""

    exit_code = 2


class InputError(LawdiffError):
    """Bad input from the user or from a file (unknown law, bad date, unreadable file)."""


class CorpusError(LawdiffError):
    """The corpus on disk is malformed or inconsistent."""


class CorpusBusyError(CorpusError):
    """Another lawdiff kept the corpus locked longer than the lock timeout."""


class NotACorpusError(CorpusError):
    """The folder given as a corpus is not one (no index.yaml), and this command needs one."""


class SuspiciousInputError(LawdiffError):
    """An input looks damaged (truncated, repeated, …): refused unless --force says otherwise."""


class GazetteError(LawdiffError):
    """A gazette text cannot be cleaned, split or parsed."""


class CuratedFileError(LawdiffError):
    """Ingest would overwrite a file that was edited by hand (use --force)."""


class AmendmentError(LawdiffError):
    """An amendment instruction cannot be parsed or applied exactly."""

    exit_code = 3

    def __init__(
        self,
        message: str,
        *,
        decision: str | None = None,
        instruction: int | str | None = None,
        instruction_text: str | None = None,
        article: str | None = None,
    ) -> None:
        from lawdiff.i18n import _, pgettext

        parts = []
        if decision:
            parts.append(_("decision {decision}").format(decision=decision))
        if instruction is not None:
            parts.append(_("instruction {instruction}").format(instruction=instruction))
        if article:
            parts.append(article)
        where = pgettext("place separator", ", ").join(parts)
        text = _("{where}: {message}").format(where=where, message=message) if where else message
        if instruction_text:
            snippet = (
                instruction_text if len(instruction_text) <= 60 else instruction_text[:57] + "…"
            )
            text += f" [{snippet}]"
        super().__init__(text)
        self.decision = decision
        self.instruction = instruction
        self.article = article


class UnreadInstruction(AmendmentError):
    """An instruction of an omnibus decision that cannot be read, kept for its regulation: that
    regulation is refused, the others are amended."""

    def __init__(self, cause: AmendmentError) -> None:
        super().__init__(str(cause))
        self.decision = cause.decision
        self.instruction = cause.instruction
        self.article = cause.article


def warn(message: str) -> None:
    """One line on stderr that does not stop the command (control characters shown escaped)."""
    import sys

    from lawdiff.i18n import _

    clean = "".join(ch if ch in "\t" or ord(ch) >= 0xA0 or 0x20 <= ord(ch) < 0x7F
                    else f"\\u{ord(ch):04x}" for ch in message)
    print(_("warning: {message}").format(message=clean), file=sys.stderr, flush=True)
