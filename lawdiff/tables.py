"""Rate tables (税目税率表) changed by decisions. (Filled in with the decision parser.)"""

from __future__ import annotations

from typing import Any


def tables_from_decisions(docs: list[Any], state: Any, issue: str) -> None:
    return None
