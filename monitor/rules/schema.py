"""The JSON Schema of rule files (``rules/schema.json``), enforced with PATH:LINE problems.

The loader's own checks come first and give the friendlier messages; the schema is
the backstop that keeps editors and ``monitor check`` agreeing on one grammar.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from monitor.errors import Problem
from monitor.rules.yamlfile import LineDict, LineList

SCHEMA_PATH = Path(__file__).with_name("schema.json")


@functools.cache
def schema() -> dict[str, Any]:
    return dict(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


@functools.cache
def _validator(definition: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"#/$defs/{definition}", "$defs": schema()["$defs"]})


def schema_problems(path: str, data: Any, definition: str, line: int | None = None) -> list[Problem]:
    """One problem per schema violation of ``data`` against ``$defs/definition``."""
    problems = []
    for error in _validator(definition).iter_errors(data):
        if error.context:
            error = best_match(error.context) or error
        where = "/".join(str(p) for p in error.absolute_path) or "(top)"
        problems.append(
            Problem(
                path, _line(data, error, line), f"{where}: {error.message} (see rules/schema.json and rules/README.md)"
            )
        )
    return problems


def _line(data: Any, error: ValidationError, default: int | None) -> int | None:
    """The line of the deepest value on the error's path that knows its line."""
    line = getattr(data, "line", default)
    node = data
    for step in error.absolute_path:
        if isinstance(node, LineDict) and step in node:
            line, node = node.line_of(step), node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and step < len(node):
            line, node = node.line_at(step), node[step]
        else:
            break
    return line
