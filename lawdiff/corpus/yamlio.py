"""Strict YAML in, deterministic YAML out.

* Loading uses libyaml (``CSafeLoader``) when present, rejects duplicate keys
  (PyYAML silently keeps the last one) and keeps dates as strings: the corpus
  quotes them, and an unquoted ``2024-03-28`` becomes a string too, so every
  date goes through one validated parser.
* Dumping is stable (key order as given, block style, no line folding), so a
  re-run of ingest produces byte-identical files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from lawdiff.errors import CorpusError
from lawdiff.i18n import _

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader without implicit dates and with a duplicate-key check."""


def _mapping(loader: Any, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep)


def _timestamp_as_str(loader: Any, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_str)

_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def loads(text: str, source: str) -> Any:
    try:
        return yaml.load(text, Loader=StrictLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{source}:{mark.line + 1}:{mark.column + 1}" if mark else source
        problem = exc.problem or str(exc)
        raise CorpusError(_("{where}: {problem}").format(where=where, problem=problem)) from None
    except yaml.YAMLError as exc:
        raise CorpusError(_("{source}: {exc}").format(source=source, exc=exc)) from None


def load(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CorpusError(_("{path}: no such file").format(path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(_("{path}: cannot read ({error})").format(path=path, error=exc.__class__.__name__)) from None
    return loads(text, str(path))


def dumps(data: Any) -> str:
    return str(
        yaml.dump(
            data,
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=10_000,
            indent=2,
        )
    )
