"""The command line: one module per command family, each thin over the library.

``lawdiff.cli.main`` is the console entry point; ``lawdiff.cli.app`` the full typer app (built on
first use, for tests and completion).
"""

from __future__ import annotations

from typing import Any

from lawdiff.cli.registry import COMMANDS, build_app, main

__all__ = ["COMMANDS", "app", "build_app", "main"]


def __getattr__(name: str) -> Any:
    if name == "app":
        return build_app()
    raise AttributeError(name)
