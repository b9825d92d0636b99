"""The JSON contract of every command: one JSON Schema (draft 2020-12) per command, shipped here.

``notation(schema)`` writes a schema compactly (``{id, status: "in-force" | …, pending: {…} |
null}``); the README's "JSON output" section is ``readme_section()``, and a test keeps the two
equal and validates every command's output against its schema.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# command line -> schema file
COMMANDS = {
    "show --format json (also export --format json)": "show",
    "list --format json": "list",
    "history --format json": "history",
    "log --format json (also with --article)": "log",
    "log LAW -S PHRASE --format json": "log-S",
    "search --format json": "search",
    "blame --format json": "blame",
    "verify --format json": "verify",
    "diff --format json": "diff",
    "amend --format json": "amend",
    "parse-rate --format json": "parse-rate",
    "import --format json": "import",
}


def load(name: str) -> dict[str, Any]:
    return json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _types(s: dict[str, Any]) -> list[str]:
    t = s.get("type", [])
    return [t] if isinstance(t, str) else list(t)


def notation(s: dict[str, Any]) -> str:
    if "oneOf" in s:
        return " | ".join(notation(x) for x in s["oneOf"])
    if "const" in s:
        return json.dumps(s["const"], ensure_ascii=False)
    if "enum" in s:
        return " | ".join(json.dumps(v, ensure_ascii=False) for v in s["enum"])
    parts = []
    for t in _types(s) or ["any"]:
        if t == "object":
            parts.append(_object(s))
        elif t == "array":
            parts.append(f"[{notation(s.get('items', {}))}]")
        elif t == "string" and s.get("format") == "date":
            parts.append("date")
        elif t == "integer":
            parts.append("int")
        elif t == "boolean":
            parts.append("bool")
        else:
            parts.append(t)
    return " | ".join(parts)


def _object(s: dict[str, Any]) -> str:
    props = s.get("properties")
    if not props:
        extra = s.get("additionalProperties")
        keys = s.get("propertyNames", {}).get("enum")
        if isinstance(extra, dict):
            key = " | ".join(keys) if keys else "string"
            return f"{{{key}: {notation(extra)}}}"
        return "{…}"
    required = set(s.get("required", ()))
    fields = []
    for k, v in props.items():
        inner = notation(v)
        name = k if k in required else f"{k}?"
        fields.append(name if inner == "string" else f"{name}: {inner}")
    return "{" + ", ".join(fields) + "}"


def readme_section() -> str:
    lines = []
    for command, name in COMMANDS.items():
        lines.append(f"- `lawdiff {command}` ([schema](lawdiff/export/schemas/{name}.json)):")
        lines.append(f"  `{notation(load(name))}`")
    return "\n".join(lines) + "\n"
