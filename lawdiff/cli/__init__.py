"""The command line: one module per command family, each thin over the library.

``lawdiff.cli.main`` is the console entry point; ``lawdiff.cli.app`` the full typer app (built on
first use, for tests and completion). Importing ``main`` is cheap: a SIGINT while the rest of the
program is still being imported exits 130 at once (nothing has been done yet).
"""

from __future__ import annotations

from typing import Any

__all__ = ["COMMANDS", "app", "build_app", "main"]


def main() -> None:
    import contextlib
    import os
    import signal

    with contextlib.suppress(ValueError):  # ValueError: not the main thread
        signal.signal(signal.SIGINT, lambda *_: os._exit(130))
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
