"""Safe YAML loading that remembers where each value came from.

Mappings load as ``LineDict`` (a dict that knows its own line and each key's
line) and sequences as ``LineList``, so validation errors can say ``PATH:LINE``.
Only YAML's safe subset is understood: no tags that build Python objects.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from monitor.errors import ConfigError, Problem


class LineDict(dict[Any, Any]):
    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    line: int = 0
    item_lines: list[int]

    def line_at(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _Loader(yaml.SafeLoader):
    """SafeLoader that records 1-based line numbers on containers."""


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            ) from None
        if key in result:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def load_yaml(path: Path, text: str | None = None) -> Any:
    """Load one YAML document; a syntax error becomes a ConfigError naming the line."""
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(Problem(str(path), None, f"cannot read rule file: {exc}")) from exc
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise ConfigError(_problem(path, exc)) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(Problem(str(path), None, f"invalid YAML: {exc}")) from exc
    except RecursionError as exc:  # PyYAML recurses once per nesting level: "[[[[…" exhausts the stack
        raise ConfigError(Problem(str(path), None, "invalid YAML: nested too deeply")) from exc


# PyYAML's words for the slips people make, as sentences: (context, start of problem) -> what to do.
# The first match wins; an unlisted error keeps the parser's words.
_PLAIN = (
    ("while scanning a quoted", "", "a quoted text starts on this line and is not closed: add the missing quote"),
    ("", "found character '\\t'", "a tab indents this line: YAML indents with spaces only"),
    ("", "mapping values are not allowed", "a second ': ' on this line: quote a value that contains ': '"),
    (
        "",
        "expected <block end>, but found '-'",
        "this list item ('-') does not line up with the lines above: indent it like the items before it, under its key",
    ),
    (
        "",
        "expected <block end>, but found '<block sequence start>'",
        "this list item ('-') does not line up with the lines above: indent it like the items before it, under its key",
    ),
    (
        "",
        "expected <block end>, but found '<block mapping start>'",
        "this line is indented less than the lines above it: keys of one mapping line up, nested keys go deeper",
    ),
    (
        "",
        "expected <block end>, but found '?'",
        "a list ('- ...') and keys ('key: value') are mixed at this indentation: a rule is one or the other",
    ),
    ("while parsing a flow sequence", "", "a [list] is not closed, or misses a comma: write [a, b]"),
    ("while parsing a flow mapping", "", "a {mapping} is not closed, or misses a comma: write {a: 1, b: 2}"),
)


def _problem(path: Path, exc: yaml.MarkedYAMLError) -> Problem:
    """PATH:LINE and a plain sentence for a YAML syntax error (the parser's words when it is unusual)."""
    for context, start, sentence in _PLAIN:
        if (exc.context or "").startswith(context) and (exc.problem or "").startswith(start):
            # An unclosed quote is found at the end of the file; the line to fix is where it opened.
            mark = exc.context_mark if context == "while scanning a quoted" else exc.problem_mark
            mark = mark or exc.problem_mark or exc.context_mark
            return Problem(str(path), mark.line + 1 if mark else None, f"invalid YAML: {sentence}")
    mark = exc.problem_mark or exc.context_mark
    what = " ".join(filter(None, [exc.context, exc.problem]))
    return Problem(str(path), mark.line + 1 if mark else None, f"invalid YAML: {what}")
