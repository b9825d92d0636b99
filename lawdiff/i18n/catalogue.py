"""Keep the Chinese catalogue in step with the code (a developer's tool; polib is a test extra).

    python -m lawdiff.i18n.catalogue            # add new msgids to zh_CN.po, drop stale ones, write the .mo
    python -m lawdiff.i18n.catalogue --check    # exit 1 if the .po or the .mo is out of date

Messages are found by reading the source (``ast``), not by running it: every call of ``_``,
``N_``, ``zh`` with a string literal, ``pgettext`` / ``zh(…, context)`` with two, ``ngettext``
with a singular and a plural (also as methods of a translations object: ``t.pgettext(…)``).
In ``lawdiff/cli`` also what ``--help`` shows: the ``help=`` literals of options, arguments and
the app, and the docstrings of the command functions (``*_cmd``, and the app's ``_main``), as
typer reads them (``inspect.cleandoc``). An entry without Chinese is reported, never shipped
silently: the tests require every entry translated, with the same ``{placeholders}`` as its msgid.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import Any, NamedTuple

PACKAGE = Path(__file__).resolve().parents[1]
PO = Path(__file__).resolve().parent / "zh_CN.po"
MO = Path(__file__).resolve().parent / "locale" / "zh_CN" / "LC_MESSAGES" / "lawdiff.mo"
HEADER = {
    "Project-Id-Version": "lawdiff",
    "Language": "zh_CN",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}


GETTEXT_METHODS = ("gettext", "ngettext", "pgettext")


class Message(NamedTuple):
    context: str | None
    msgid: str
    plural: str | None
    where: str  # path:line of the first use


class SourceError(ValueError):
    """A translation call whose message is not a literal (the catalogue cannot know it)."""


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _call(node: ast.Call, where: str) -> Message | None:
    if isinstance(node.func, ast.Name):
        name = node.func.id
    elif isinstance(node.func, ast.Attribute) and node.func.attr in GETTEXT_METHODS:
        name = node.func.attr  # translations(lang).pgettext(...)
    else:
        return None
    if name == "gettext":
        name = "_"
    if name not in ("_", "N_", "zh", "ngettext", "pgettext"):
        return None
    need = 2 if name in ("ngettext", "pgettext") else 1
    args = [_literal(a) for a in node.args[:need]]
    if name == "zh" and len(node.args) > 1:
        args.append(_literal(node.args[1]))
    if len(args) < need or None in args:
        raise SourceError(f"{where}: {name}() needs string literals, not expressions")
    if name == "ngettext":
        return Message(None, args[0], args[1], where)  # type: ignore[arg-type]
    if name == "pgettext":
        return Message(args[0], args[1], None, where)  # type: ignore[arg-type]
    context = args[1] if name == "zh" and len(args) > 1 else None
    return Message(context, args[0], None, where)  # type: ignore[arg-type]


def _help_texts(tree: ast.AST, where: str) -> list[Message]:
    """What ``--help`` shows of a CLI module: ``help="…"`` literals, command docstrings."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for kw in node.keywords:
                text = _literal(kw.value) if kw.arg == "help" else None
                if text:
                    out.append(Message(None, text, None, f"{where}:{node.lineno}"))
        elif isinstance(node, ast.FunctionDef) and (
            node.name.endswith("_cmd") or node.name == "_main"
        ):
            doc = ast.get_docstring(node, clean=True)
            if doc:
                out.append(Message(None, doc, None, f"{where}:{node.lineno}"))
    return out


def messages(root: Path = PACKAGE) -> dict[tuple[str | None, str], Message]:
    """Every message the package's source asks to translate, keyed by (context, msgid)."""
    out: dict[tuple[str | None, str], Message] = {}
    for path in sorted(root.rglob("*.py")):
        if path.parent.name == "i18n" and path.name in ("__init__.py", "catalogue.py"):
            continue  # the machinery itself (its docstring examples are not messages)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        where = str(path.relative_to(root.parent))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                msg = _call(node, f"{where}:{node.lineno}")
                if msg is not None:
                    out.setdefault((msg.context, msg.msgid), msg)
        if path.parent.name == "cli":
            for msg in _help_texts(tree, where):
                out.setdefault((msg.context, msg.msgid), msg)
    return out


def _polib() -> Any:
    try:
        import polib
    except ImportError:  # pragma: no cover - a dev tool
        sys.exit("the catalogue tool needs polib: pip install -e '.[test]'")
    return polib


def update(po_path: Path = PO) -> tuple[list[str], list[str]]:
    """Add the code's new msgids to the .po, drop the ones the code no longer uses.

    Returns (added, removed) msgids; the file is rewritten only when it changes.
    """
    polib = _polib()
    po = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
    po.metadata = HEADER | {k: v for k, v in po.metadata.items() if k not in HEADER}
    wanted = messages()
    have = {(e.msgctxt, e.msgid): e for e in po}
    added = []
    for key, msg in wanted.items():
        if key not in have:
            entry = polib.POEntry(msgctxt=msg.context, msgid=msg.msgid, msgstr="", occurrences=[])
            if msg.plural is not None:
                entry.msgid_plural = msg.plural
                entry.msgstr_plural = {0: ""}
                entry.msgstr = ""
            po.append(entry)
            added.append(msg.msgid)
    removed = [e.msgid for k, e in have.items() if k not in wanted]
    for k, e in have.items():
        if k not in wanted:
            po.remove(e)
    po.sort(key=lambda e: (e.msgctxt or "", e.msgid))
    text = po.__unicode__()
    if not po_path.exists() or po_path.read_text(encoding="utf-8") != text:
        po_path.write_text(text, encoding="utf-8")
    return added, removed


def compiled(po_path: Path = PO) -> bytes:
    """The .mo for the .po, as bytes (polib's writer: the same input gives the same bytes)."""
    import tempfile

    polib = _polib()
    po = polib.pofile(str(po_path))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.mo"
        po.save_as_mofile(str(out))
        return out.read_bytes()


def untranslated(po_path: Path = PO) -> list[str]:
    polib = _polib()
    po = polib.pofile(str(po_path))
    return [e.msgid for e in po if not e.translated() or "fuzzy" in e.flags]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--check" in args:
        wanted = set(messages())
        polib = _polib()
        have = {(e.msgctxt, e.msgid) for e in polib.pofile(str(PO))}
        problems = [f"not in zh_CN.po: {m!r}" for _c, m in sorted(wanted - have, key=str)]
        problems += [f"stale in zh_CN.po: {m!r}" for _c, m in sorted(have - wanted, key=str)]
        problems += [f"no Chinese for: {m!r}" for m in untranslated()]
        if not MO.exists() or MO.read_bytes() != compiled():
            problems.append(f"{MO.name} is not compiled from zh_CN.po")
        print("\n".join(problems) or "catalogue up to date")
        return 1 if problems else 0
    added, removed = update()
    MO.parent.mkdir(parents=True, exist_ok=True)
    MO.write_bytes(compiled())
    for m in added:
        print(f"new, needs Chinese: {m!r}")
    for m in removed:
        print(f"removed: {m!r}")
    missing = untranslated()
    print(f"{len(missing)} untranslated" if missing else "catalogue up to date")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
