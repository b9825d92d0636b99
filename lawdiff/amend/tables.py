"""Edits of attached schedules (税目税率表): one cell, several cells, a schedule printed anew."""

from __future__ import annotations

from collections.abc import Iterable

from lawdiff.amend.ops import ReplaceTable, TableCell, TableCells
from lawdiff.amend.working import Ctx, Working, fail
from lawdiff.i18n import _
from lawdiff.structure.model import Table
from lawdiff.structure.model import TableCell as Cell


def _tables(w: Working, op: TableCell | TableCells, ctx: Ctx, _r: object) -> None:
    cells = op.cells if isinstance(op, TableCells) else (op,)
    for cell in cells:
        _table_cell(w, cell, ctx)


def _table_cell(w: Working, cell: TableCell, ctx: Ctx) -> None:
    if not w.tables:
        raise fail(ctx, _('the text has no table to change'))
    tables = [t for t in w.tables if cell.table is None or cell.table in t.title]
    if len(tables) != 1:
        said = _("table {table} not found") if not tables else _("several tables: name one")
        raise fail(ctx, said.format(table=cell.table or ""))
    table = tables[0]
    if cell.column not in table.columns:
        raise fail(
            ctx, _("table {table.title} has no column {cell.column} (columns: {columns})").format(table=table, cell=cell, columns='、'.join(table.columns))
        )
    current = table.get(cell.row, cell.column)
    if current is None and not table.partial:
        raise fail(ctx, _("table {table.title} has no row “{cell.row}”").format(table=table, cell=cell))
    if cell.old is not None and current is not None and _value_key(current) != _value_key(cell.old):
        raise fail(
            ctx, _("“{cell.row}” {cell.column}: the table says {current}, the decision says it was {cell.old}").format(cell=cell, current=current)
        )
    new_cells = [c for c in table.cells if not (c.row == cell.row and c.column == cell.column)]
    new_cells.append(Cell(cell.row, cell.column, cell.new))
    order = {(c.row, c.column): i for i, c in enumerate(table.cells)}
    new_cells.sort(key=lambda c: order.get((c.row, c.column), len(order)))
    w.tables[w.tables.index(table)] = table._replace(cells=tuple(new_cells))


def _value_key(value: str) -> str:
    return value.replace("%", "％").replace(" ", "")


def _replace_table(w: Working, op: ReplaceTable, ctx: Ctx, _r: object) -> None:
    raise fail(
        ctx,
        _("{op.table} is printed anew by the decision; schedules are held as known cells only, so a whole new schedule is not applied").format(op=op),
    )


def table_from_cells(
    title: str, cells: Iterable[tuple[str, str, str]], *, partial: bool, note: str = ""
) -> Table:
    cols: list[str] = []
    out = []
    for row, col, value in cells:
        if col not in cols:
            cols.append(col)
        out.append(Cell(row, col, value))
    return Table(title, tuple(cols), tuple(out), partial, note)


TABLE_EDITS = {TableCell: _tables, TableCells: _tables, ReplaceTable: _replace_table}
