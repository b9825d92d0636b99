"""Pandoc's plain-text tables in Markdown, as a .docx converted by pandoc carries an annex schedule
(印花税税目税率表 in the database's 印花税暂行条例, converted):

```
  ----------------------------------------------
  税目          范围                   税率
  ------------- ---------------------- ---------
  1.购销合同    包括供应、预购等合同   万分之三

  2.加工承揽合同
                包括加工、定作等合同   万分之五
  ----------------------------------------------
```

The line of dash segments gives the columns; pandoc aligns them in display columns (a Chinese
character is two wide), so each line is cut at the segments' starts counted that way.  A simple
table is one row a line and ends at a blank line; a multiline table (a full dash line above its
header) has rows separated by blank lines, a row's lines joined per cell, and ends at its closing
dash line.  The rows become ``| a | b |`` lines the shared reader stores as a table; anything that
does not have this shape is left as it was.
"""

from __future__ import annotations

import unicodedata

import regex

from lawdiff.sources.normalize import grid_row

_SEGMENTS = regex.compile(r"^[ \t]*-{2,}(?:[ \t]+-{2,})+[ \t]*$")
_BORDER = regex.compile(r"^[ \t]*-{3,}[ \t]*$")


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _starts(line: str) -> list[int]:
    starts, col, prev = [], 0, " "
    for ch in line:
        if ch == "-" and prev != "-":
            starts.append(col)
        prev = ch
        col += _width(ch)
    return starts


def _cells(line: str, starts: list[int]) -> list[str]:
    cells = [""] * len(starts)
    col = 0
    for ch in line:
        k = max((i for i, s in enumerate(starts) if s <= col), default=0)
        cells[k] += ch
        col += _width(ch)
    return [c.strip(" \t\u3000") for c in cells]


def pandoc_tables(lines: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _SEGMENTS.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        table = _table(lines, i, out)
        if table is None:
            out.append(lines[i])
            i += 1
            continue
        drop, rows, end = table
        del out[len(out) - drop :]
        out.append("")
        out.extend(grid_row(r) for r in rows)
        out.append("")
        i = end
    return out


def _table(lines: list[str], at: int, before: list[str]) -> tuple[int, list[list[str]], int] | None:
    """(lines already emitted that belong to the table, its rows, the index after it)."""
    starts = _starts(lines[at])
    head_at = at
    while head_at > 0 and lines[head_at - 1].strip() and not _BORDER.match(lines[head_at - 1]) and at - head_at < 3:
        head_at -= 1
    multiline = head_at > 0 and bool(_BORDER.match(lines[head_at - 1]))
    first = head_at - 1 if multiline else head_at
    if first < 0 or at - first > len(before):
        return None
    header = [_cells(ln, starts) for ln in lines[head_at:at]]
    rows: list[list[str]] = []
    if header:
        rows.append(_join(header) if multiline else header[0])
    j = at + 1
    group: list[list[str]] = []
    while j < len(lines):
        ln = lines[j]
        if multiline and _BORDER.match(ln):  # the closing dash line
            j += 1
            break
        if not ln.strip():
            if not multiline:
                break
            if group:
                rows.append(_join(group))
                group = []
        elif multiline:
            group.append(_cells(ln, starts))
        else:
            rows.append(_cells(ln, starts))
        j += 1
    if group:
        rows.append(_join(group))
    body = rows[1:] if header else rows
    if not body or any(len(r) != len(starts) for r in rows):
        return None
    return at - first, rows, j


def _join(lines: list[list[str]]) -> list[str]:
    return ["".join(parts) for parts in zip(*lines, strict=True)]
