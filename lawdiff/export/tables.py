"""Rich tables on a terminal, and the same tables unwrapped in pipes and files.

* Into a pipe or a file nothing is wrapped: the table takes the width its cells need, so every
  row is one line and ``grep`` finds what it looks for.
* On a terminal the table fits the screen. Columns that hold titles (``whole``) are kept whole
  while the other columns can give way; only a terminal too narrow for the titles themselves folds
  them. Every column folds at character boundaries (CJK has no spaces to wrap at) and never
  truncates: rich's default ellipsis would silently cut law titles.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

UNWRAPPED = 100_000  # "no limit" for rich: wider than any row
_NARROW = 6  # the fewest cells a column that gives way keeps


def is_terminal() -> bool:
    return sys.stdout.isatty()


def terminal_width() -> int | None:
    """The width to lay text out for: the terminal's, or None (a pipe or file: do not wrap)."""
    if not is_terminal():
        return None
    return shutil.get_terminal_size((100, 40)).columns


def page_width() -> int:
    """For layouts that need a width even in a pipe (the 新旧对照表): terminal, $COLUMNS, 160."""
    return terminal_width() or int(os.environ.get("COLUMNS", "160") or 160)


def table(
    rows: Iterable[Mapping[str, Any]],
    keys: Sequence[str],
    headers: Sequence[str],
    *,
    title: str = "",
    whole: Iterable[str] = (),
    width: int | None,
    right: Iterable[str] = (),
) -> Any:
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    cells = [[Text(_cell(row.get(k))) for k in keys] for row in rows]
    need = {
        k: max([cell_len(h)] + [max(map(cell_len, c[i].plain.split("\n"))) for c in cells])
        for i, (k, h) in enumerate(zip(keys, headers, strict=True))
    }
    keep = _kept_whole(need, list(whole), width)
    out = Table(title=title or None, show_lines=False)
    for k, h in zip(keys, headers, strict=True):
        out.add_column(
            h,
            overflow="fold",
            min_width=need[k] if k in keep else None,
            justify="right" if k in set(right) else "left",
        )
    for c in cells:
        out.add_row(*c)
    return out


def _kept_whole(need: dict[str, int], whole: list[str], width: int | None) -> set[str]:
    """The title columns that stay whole, in order of importance, while the screen holds them
    with every other column at its narrowest (a pipe or file holds them all)."""
    if width is None:
        return set(whole)
    budget = width - (3 * len(need) + 1) - sum(min(n, _NARROW) for n in need.values())
    kept = set()
    for k in whole:
        extra = need[k] - min(need[k], _NARROW)
        if extra <= budget:
            kept.add(k)
            budget -= extra
    return kept


def print_table(
    rows: Iterable[Mapping[str, Any]],
    keys: Sequence[str],
    headers: Sequence[str],
    title: str = "",
    *,
    whole: Iterable[str] = (),
    right: Iterable[str] = (),
) -> None:
    from rich.console import Console

    width = terminal_width()
    rendered = table(rows, keys, headers, title=title, whole=whole, width=width, right=right)
    Console(width=width or UNWRAPPED, highlight=False).print(rendered, crop=False)


def _cell(value: Any) -> str:
    return "" if value is None else str(value)
