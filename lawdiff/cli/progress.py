"""Progress bars for long work: on a terminal (stderr), never into a pipe or a file."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from lawdiff.errors import Progress


def wanted() -> bool:
    """A bar only where a person watches: stderr is a terminal that can redraw a line."""
    return sys.stderr.isatty() and os.environ.get("TERM") != "dumb"


@contextmanager
def progress_bar(description: str) -> Iterator[Progress | None]:
    """A ``Progress`` callback drawing a transient rich bar, or None when not wanted."""
    if not wanted():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[item]}"),
    )
    with Bar(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=None, item="")

        def step(done: int, total: int, item: str) -> None:
            bar.update(task, completed=done, total=total, item=item)

        yield step
