"""Reading the groups and terms of a rule (``match:`` and aliases) into Group and Term
values, with PATH:LINE problems: the half of loading below the rule's own keys."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from monitor.errors import Problem, did_you_mean
from monitor.rules.aliases import AliasBook, AliasDef
from monitor.rules.compile import compile_regex, term_key
from monitor.rules.model import DEFAULT_FIELDS, DEFAULT_NEAR, FIELDS, Group, Term, Unless
from monitor.rules.sounds import term_sounds
from monitor.rules.spelling import uses_ascii_boundary
from monitor.rules.yamlfile import LineDict, LineList
from monitor.text import fold, without_spaces

GROUP_KEYS = (
    *("all", "any", "none", "near", "fields", "ordered", "sentence", "paragraph", "clause", "comparison"),
    *("min_mentions", "unless_near", "lang"),
)
TERM_KEYS = ("term", "fuzzy", "regex", "min_mentions", "case", "lang", "sounds")
UNLESS_KEYS = ("any", "within", "sentence", "clause", "except")
DEFAULT_UNLESS_WITHIN = 6  # words: "unless_near" without within: or sentence:
MIN_PREFIX = 3  # letters before a "*": shorter prefixes match most of the language


class GroupReader:
    """Reads groups and terms of one file, appending every problem it finds."""

    def __init__(self, path: Path, book: AliasBook, targets: set[str], problems: list[Problem]):
        self.path = path
        self.where = str(path)
        self.book = book
        self.targets = targets
        self.problems = problems
        self.fuzzy = 0  # the rule being read's default for plain terms

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.where, line, message))

    def group_or_list(self, kind: str, value: Any, line: int) -> Group | None:
        """``match:`` and nested mappings are an implicit all of their keys' groups; a list is ``kind``."""
        if isinstance(value, LineDict):
            return self.group(value, line)
        return self.items(kind, value, line)

    def group(self, value: LineDict, line: int) -> Group | None:
        term_only = [str(key) for key in value if key in TERM_KEYS and key not in GROUP_KEYS]
        known = all(key in TERM_KEYS or key in GROUP_KEYS for key in value)
        if term_only and known and not any(key in value for key in ("all", "any", "none")):
            # {sounds: true} or {fuzzy: 80} is a term whose term: was left out; with a key of neither kind it
            # may be a misspelt term: ({tern: X, sounds: true}), which unknown_keys below names
            example = f"{{term: Taliban, {term_only[0]}: …}}"
            self.problem(line, f"{', '.join(term_only)} without term: write the term it is for, e.g. {example}")
            return None
        self.unknown_keys(value, GROUP_KEYS, TERM_KEYS)
        kinds = [key for key in ("all", "any", "none") if key in value]
        if not kinds:
            self.problem(line, "empty group: list at least one of all/any/none")
            return None
        near = self.near(value) if "near" in value else None
        fields = self.fields(value, "fields") if "fields" in value else None
        scope = self.proximity(value)
        whole = self.salience(value)
        langs = self.languages(value) if "lang" in value else ((), False)
        parts = [self.items(key, value[key], value.line_of(key)) for key in kinds]
        groups = [p for p in parts if p is not None]
        if len(groups) != len(parts) or scope is None or whole is None or langs is None:
            return None
        whole.update(langs=langs[0], langs_except=langs[1])
        if near is not None or scope:
            groups = [replace(g, near=near, **scope) if g.kind == "all" else g for g in groups]
        if len(groups) == 1:
            return replace(groups[0], fields=fields, **whole)
        return Group("all", tuple(groups), fields=fields, **whole)

    def proximity(self, value: LineDict) -> dict[str, Any] | None:
        """``ordered``, ``sentence``, ``paragraph``, ``clause``, ``comparison``: how the parts of the ``all:``
        stand to each other."""
        found: dict[str, Any] = {}
        for key in ("ordered", "sentence", "paragraph", "clause", "comparison"):
            if key not in value:
                continue
            if not isinstance(value[key], bool):
                self.problem(value.line_of(key), f'"{key}" must be true or false, not {value[key]!r}')
                return None
            if "all" not in value:
                self.problem(value.line_of(key), f'"{key}" applies to the parts of an "all:" list: add one')
                return None
            found[key] = value[key]
        if found.get("clause") and (found.get("sentence") or found.get("paragraph")):
            self.problem(value.line_of("clause"), '"clause" is part of a sentence: give clause: true alone')
            return None
        if (
            found.get("ordered")
            and "near" not in value
            and not any(found.get(k) for k in ("sentence", "paragraph", "clause"))
        ):
            self.problem(value.line_of("ordered"), '"ordered" needs a window: add near: N (words), or sentence: true')
            return None
        return found

    def salience(self, value: LineDict) -> dict[str, Any] | None:
        """``min_mentions`` and ``unless_near`` of a group (a term mapping takes min_mentions too)."""
        found: dict[str, Any] = {}
        if "min_mentions" in value:
            count = value["min_mentions"]
            if isinstance(count, bool) or not isinstance(count, int) or count < 1:
                self.problem(value.line_of("min_mentions"), f'"min_mentions" must be a whole number ≥ 1, not {count!r}')
                return None
            found["min_mentions"] = count
        if "unless_near" in value:
            unless = self.unless(value["unless_near"], value.line_of("unless_near"))
            if unless is None:
                return None
            found["unless"] = unless
        return found

    def unless(self, value: Any, line: int) -> Unless | None:
        if not isinstance(value, LineDict) or "any" not in value:
            self.problem(line, '"unless_near" must be a mapping such as {any: ["@negation"], within: 6}')
            return None
        self.unknown_keys(value, UNLESS_KEYS)
        within = value.get("within")
        if within is not None and (isinstance(within, bool) or not isinstance(within, int) or within < 1):
            self.problem(value.line_of("within"), f'"within" must be a number of words (at least 1), not {within!r}')
            return None
        units = {key: value.get(key, False) for key in ("sentence", "clause")}
        for key, flag in units.items():
            if not isinstance(flag, bool):
                self.problem(value.line_of(key), f'"{key}" must be true or false, not {flag!r}')
                return None
        if units["sentence"] and units["clause"]:
            self.problem(value.line_of("clause"), '"clause" is part of a sentence: keep sentence: true or clause: true')
            return None
        group = self.items("any", value["any"], value.line_of("any"))
        spared = self.items("except", value["except"], value.line_of("except")) if "except" in value else None
        if group is None or ("except" in value and spared is None):
            return None
        if spared is not None:  # a list of phrases: a veto inside any one of them is spared (not all:)
            spared = replace(spared, kind="any")
        if within is None and not any(units.values()):
            within = DEFAULT_UNLESS_WITHIN
        return Unless(group, within, units["sentence"], units["clause"], spared)

    def near(self, value: LineDict) -> int | None:
        near = value["near"]
        line = value.line_of("near")
        if "all" not in value:
            self.problem(line, '"near" applies to the groups of an "all:" list: add one, or move near: beside it')
        if near is True:
            return DEFAULT_NEAR
        if isinstance(near, bool) or not isinstance(near, int) or near < 1:
            self.problem(line, f'"near" must be a number of words (at least 1) or true ({DEFAULT_NEAR}), not {near!r}')
            return None
        return near

    def items(self, kind: str, value: Any, line: int) -> Group | None:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.problem(line, f'"{kind}" must be a list of terms or groups')
            return None
        if not value:
            self.problem(line, f'"{kind}" is empty: give it at least one term')
            return None
        children = [self.item(kind, item, _line_at(value, index, line)) for index, item in enumerate(value)]
        if any(c is None for c in children):
            return None
        return Group(kind, tuple(c for c in children if c is not None))  # type: ignore[arg-type]

    def item(self, kind: str, item: Any, line: int) -> Group | Term | None:
        if isinstance(item, str):
            return self.term(item, line, self.fuzzy)
        if isinstance(item, LineDict) and any(k in item for k in ("term", "regex")):
            return self.term_mapping(item, line)
        if isinstance(item, LineDict):
            return self.group(item, line)
        self.problem(line, f'"{kind}" items must be non-empty terms or groups')
        return None

    def term(self, text: str, line: int, fuzzy: int, explicit: bool = False) -> Group | Term | None:
        text = " ".join(text.split())
        if text.startswith("@"):
            return self.alias(text[1:], line)
        if any("*" in word.rstrip("*") or word.endswith("**") or word == "*" for word in text.split()):
            self.problem(
                line, f"term {text!r}: * is a suffix wildcard, allowed once at the end of a word (Исламск* Эмират*)"
            )
            return None
        term = Term(text)
        key = term_key(term)
        if not key.strip("*"):
            self.problem(line, f"term {text!r} is empty once folded: give it letters or digits")
            return None
        # A phrase with * inside needs every starred word long enough; a trailing * the whole phrase.
        stems = [fold(w.rstrip("*")) for w in text.split() if w.endswith("*")] if term.word_wildcards else [key]
        if (term.wildcard or term.word_wildcards) and any(
            len(stem) < MIN_PREFIX and not without_spaces(stem[:1] or "a") for stem in stems
        ):
            self.problem(line, f"term {text!r}: give at least {MIN_PREFIX} letters before *, or it matches most words")
            return None
        if term.word_wildcards and explicit and fuzzy:
            self.problem(line, f"term {text!r}: fuzzy cannot be combined with a * wildcard")
            return None
        if term.wildcard and explicit and fuzzy:
            self.problem(line, f"term {text!r}: fuzzy cannot be combined with a * wildcard")
            return None
        # A rule-wide fuzzy leaves wildcards and unspaced scripts exact: similarity
        # of a prefix or of one Han character is not a useful notion.
        if fuzzy and not term.wildcard and not term.word_wildcards and not any(without_spaces(c) for c in key):
            return Term(text, fuzzy=fuzzy)
        return term

    def term_mapping(self, item: LineDict, line: int) -> Term | Group | None:
        self.unknown_keys(item, TERM_KEYS)
        if "regex" in item:
            if "term" in item or "fuzzy" in item or "case" in item or "sounds" in item:
                self.problem(line, "a regex term takes no term:, fuzzy:, case: or sounds: (it sees folded text)")
                return None
            source = item["regex"]
            if not isinstance(source, str) or not source:
                self.problem(item.line_of("regex"), '"regex" must be a pattern string')
                return None
            try:
                compile_regex(source)
            except ValueError as exc:
                self.problem(item.line_of("regex"), f"{exc}: regexes use google-re2 syntax and see folded text")
                return None
            if uses_ascii_boundary(source):
                self.problem(
                    item.line_of("regex"),
                    "\\b sees only ASCII letters in re2: write (?:^|\\W) before and (?:\\W|$) after instead",
                )
                return None
            return self._counted(item, self._in_languages(item, Term(source, regex=True)))
        text = item["term"]
        if not isinstance(text, str) or not text.strip():
            self.problem(item.line_of("term"), '"term" must be a non-empty word or phrase')
            return None
        fuzzy = self.percent(item, "fuzzy") if "fuzzy" in item else self.fuzzy
        node = self.term(text, line, fuzzy, explicit="fuzzy" in item)
        if "case" in item and not isinstance(item["case"], bool):
            self.problem(item.line_of("case"), f'"case" must be true or false, not {item["case"]!r}')
            return None
        if item.get("case") and isinstance(node, Term):
            if node.fuzzy:
                self.problem(item.line_of("case"), f"term {text!r}: case: true and fuzzy: cannot be combined")
                return None
            node = replace(node, case=True)
        if "sounds" in item:
            node = self._sounding(item, node)
        return self._counted(item, self._in_languages(item, node))

    def _sounding(self, item: LineDict, node: Term | Group | None) -> Term | Group | None:
        """``sounds: true``: a name matched by its sound in any script (rules/sounds.py)."""
        line, text = item.line_of("sounds"), item["term"]
        if not isinstance(item["sounds"], bool):
            self.problem(line, f'"sounds" must be true or false, not {item["sounds"]!r}')
            return None
        if not item["sounds"] or node is None:  # sounds: false asks for nothing, of a name or an alias
            return node
        if not isinstance(node, Term):
            self.problem(line, f"term {text!r}: sounds: applies to a name, not to an alias: write the names")
            return None
        if node.fuzzy or node.case or node.wildcard or node.word_wildcards:
            self.problem(
                line, f"term {text!r}: sounds: true takes no fuzzy:, case: or * (the sound already folds them)"
            )
            return None
        keys = term_sounds(node.text)
        if isinstance(keys, str):
            self.problem(line, f"term {text!r}: {keys}; give the longer name, or drop sounds:")
            return None
        return replace(node, sounds=True)

    def _in_languages(self, item: LineDict, node: Term | Group | None) -> Term | Group | None:
        """A term with ``lang:``: it counts only in entries of those languages (or of none known)."""
        if "lang" not in item or node is None:
            return node
        langs = self.languages(item)
        if langs is None:
            return None
        if not isinstance(node, Term):
            self.problem(
                item.line_of("lang"),
                '"lang" applies to a word, phrase or regex, not to an alias: give it to its terms, '
                "or put the alias in a group with lang: beside its any:",
            )
            return None
        return replace(node, langs=langs[0], langs_except=langs[1])

    def languages(self, item: LineDict) -> tuple[tuple[str, ...], bool] | None:
        """``lang: [en, es]`` (these languages) or ``lang: {except: [en, es]}`` (any other): the codes,
        and whether they are the excepted ones."""
        value, line = item["lang"], item.line_of("lang")
        excepted = isinstance(value, LineDict)
        if excepted:
            if list(value) != ["except"]:
                self.problem(line, '"lang" as a mapping takes one key, except: a list of codes ({except: [en, ru]})')
                return None
            value, line = value["except"], value.line_of("except")
        if not isinstance(value, list) or not value or not all(isinstance(c, str) for c in value):
            self.problem(line, '"lang" must be a list of language codes such as [en, es], or {except: [en, es]}')
            return None
        if bad := [c for c in value if not (2 <= len(c) <= 3 and c.isalpha() and c.islower())]:
            self.problem(line, f"language {bad[0]!r}: use a two- or three-letter lower-case code such as en, ru, ja")
            return None
        return tuple(value), excepted

    def _counted(self, item: LineDict, node: Term | Group | None) -> Term | Group | None:
        """A term with ``min_mentions``: an ``any`` of it that needs that many hits."""
        whole = self.salience(item) if "min_mentions" in item else {}
        if node is None or whole is None:
            return None
        return Group("any", (node,), **whole) if whole else node

    def alias(self, name: str, line: int) -> Group | None:
        if name not in self.book.defs:
            hint = did_you_mean(name, self.book.defs)
            hint = hint.replace("'", "'@", 1) if hint else ""
            self.problem(line, f"unknown alias @{name}{hint}: define it in an aliases.yaml among the rule paths")
            return None
        return self.book.resolve(name, self._build_alias, lambda message: self.problem(line, message))

    def _build_alias(self, alias: AliasDef) -> Group | None:
        # An alias's terms are reported in its own file, whichever rule first uses it.
        reader = GroupReader(Path(alias.path), self.book, self.targets, self.problems)
        group = reader.items("alias", alias.items, alias.line)
        return replace(group, kind="any", label=f"@{alias.name}") if group else None

    def percent(self, data: LineDict, key: str) -> int:
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
            self.problem(data.line_of(key), f'"{key}" must be a whole number from 0 (exact) to 100, not {value!r}')
            return 0
        return value

    def fields(self, data: LineDict, key: str) -> tuple[str, ...]:
        value = data[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            self.problem(data.line_of(key), f'"{key}" must be a list of fields: {", ".join(FIELDS)}')
            return DEFAULT_FIELDS
        for item in value:
            if item not in FIELDS:
                hint = did_you_mean(str(item), FIELDS) or f" (fields: {', '.join(FIELDS)})"
                self.problem(data.line_of(key), f"unknown field {item!r}{hint}")
        return tuple(dict.fromkeys(str(v) for v in value))

    def unknown_keys(self, data: LineDict, allowed: tuple[str, ...], also: tuple[str, ...] = ()) -> None:
        for key in data:
            if key not in allowed:
                hint = did_you_mean(str(key), allowed + also) or f" (allowed: {', '.join(allowed)})"
                self.problem(data.line_of(key), f"unknown key {key!r}{hint}")


def _line_at(value: list[Any], index: int, default: int) -> int:
    return value.line_at(index) if isinstance(value, LineList) else default
