"""The command line: one module per command family, each thin over the library.

``lawdiff.cli.main`` is the console entry point; ``lawdiff.cli.app`` the full typer app (built on
first use, for tests and completion). Importing ``main`` is cheap: a SIGINT while the rest of the
program is still being imported exits 130 at once (nothing has been done yet).
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: importing typing costs ~10 ms before main() can run
if TYPE_CHECKING:  # nothing is imported before main() has set its SIGINT handler
    from typing import Any

__all__ = ["COMMANDS", "app", "build_app", "main"]


def main() -> None:
    import _signal  # the C module, ready at once (signal.py first builds its enums)
    import os

    try:  # noqa: SIM105 - contextlib would be one more import before the handler is set
        _signal.signal(_signal.SIGINT, lambda *_: os._exit(130))
    except ValueError:  # not the main thread
        pass
    import importlib

    importlib.import_module("lawdiff.cli.registry").main()


def __getattr__(name: str) -> Any:
    import importlib

    registry = importlib.import_module("lawdiff.cli.registry")

    if name == "app":
        return registry.build_app()
    if name in ("COMMANDS", "build_app"):
        return getattr(registry, name)
    raise AttributeError(name)
