"""Rule validation: every error message, fed its bad input, names PATH:LINE and the fix."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import jsonschema
import pytest
import yaml

from monitor.errors import ConfigError
from monitor.rules import load_rules
from monitor.rules.schema import SCHEMA_PATH

ROOT = Path(__file__).parent.parent


def problems(tmp_path: Path, text: str, aliases: str | None = None, targets: tuple[str, ...] = ()) -> list[str]:
    (tmp_path / "rule.yaml").write_text(text, encoding="utf-8")
    if aliases is not None:
        (tmp_path / "aliases.yaml").write_text(aliases, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_rules([tmp_path], targets)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("name: x\nmatch:\n  al: [a]\n", 3, "unknown key 'al' (did you mean 'all'?)"),
        ("name: x\nmatch:\n  any: []\n", 3, '"any" is empty: give it at least one term'),
        ("name: x\nmatch:\n  any: 5\n", 3, '"any" must be a list of terms or groups'),
        ("name: x\nmatch: {}\n", 2, "empty group: list at least one of all/any/none"),
        ("match:\n  any: [a]\n", 1, 'every rule needs a "name:" string'),
        ("name: x\n", 1, 'rule has no "match:" section'),
        (
            "name: x\nmatch: {any: [abc]}\nnotify: [oncal]\n",
            3,
            "unknown notify target 'oncal' (did you mean 'oncall'?)",
        ),
        ("name: x\nmatch: {any: [abc]}\nsevrity: urgent\n", 3, "unknown key 'sevrity' (did you mean 'severity'?)"),
        ("name: x\nmatch: {any: [abc]}\nseverity: high\n", 3, '"severity" must be "info" or "normal" or "urgent"'),
        ("name: x\nmatch:\n  any: [re*cog]\n", 3, "* is a suffix wildcard"),
        ("name: x\nmatch:\n  any: [a*]\n", 3, "give at least 3 letters before *"),
        ("name: x\nmatch:\n  any: ['   ']\n", 3, "is empty once folded"),
        ("name: x\nmatch:\n  any: ['@talban']\n", 3, "unknown alias @talban (did you mean '@taliban'?)"),
        ("name: x\nmatch:\n  any: [{regex: '(a'}]\n", 3, "invalid regex '(a': missing )"),
        ("name: x\nmatch:\n  any: [{regex: 'a{1000}{1000}'}]\n", 3, "invalid regex"),
        ("name: x\nmatch:\n  any: [{term: 'recogni*', fuzzy: 80}]\n", 3, "fuzzy cannot be combined with a * wildcard"),
        ("name: x\nmatch:\n  any: [{trem: abc}]\n", 3, "unknown key 'trem' (did you mean 'term'?)"),
        ("name: x\nfuzzy: 120\nmatch: {any: [abc]}\n", 2, '"fuzzy" must be a whole number from 0 (exact) to 100'),
        ("name: x\nmatch:\n  all: [abc, def]\n  near: 0\n", 4, '"near" must be a number of words'),
        ("name: x\nmatch:\n  any: [abc, def]\n  near: 3\n", 4, '"near" applies to the groups of an "all:" list'),
        ("name: x\nfields: [title, body]\nmatch: {any: [abc]}\n", 2, "unknown field 'body'"),
        ("name: x\nlang: english\nmatch: {any: [abc]}\n", 2, "language 'english': use a two- or three-letter code"),
        ("name: x\nmax_age: soon\nmatch: {any: [abc]}\n", 2, "\"max_age\": 'soon' is not a duration"),
        ("name: x\nfeeds: {inclde: [A]}\nmatch: {any: [abc]}\n", 2, "unknown key 'inclde' (did you mean 'include'?)"),
        ("name: x\nmatch: {any: [abc]}\nexamples: [abc]\n", 3, '"examples" must be a mapping'),
        (
            "name: x\nmatch: {any: [Taliban]}\nexamples:\n  match:\n    - Nothing here\n",
            5,
            "golden example should match but does not: 'Nothing here': nothing of any: [Taliban] found",
        ),
        (
            "name: x\nmatch: {any: [Taliban]}\nexamples:\n  no_match:\n    - The Taliban said\n",
            5,
            "golden example should not match but does (Taliban)",
        ),
        ("- name: x\n  match: {any: [abc]}\n- name: x\n  match: {any: [def]}\n", 3, "rule name 'x' is already used"),
        ("- just a string\n", 1, "a rule must be a mapping with name: and match:"),
        ("name: x\nmatch: {any: [abc]}\nescalate_at: 1\n", 3, '"escalate_at" must be a whole number'),
        ("name: x\nmatch: {any: [abc]}\nburst: 5\n", 3, '"burst" must be COUNT/DURATION text, e.g. "5/1h"'),
        (
            "name: x\nmatch: {any: [abc]}\nburst: 5 an hour\n",
            3,
            "\"burst\": '5 an hour' is not a cap: write COUNT/DURATION",
        ),
        ("name: x\nmatch: {any: [abc]}\nburst: 5/soon\n", 3, "\"burst\": 'soon' is not a duration"),
    ],
)
def test_each_problem_names_file_line_and_fix(tmp_path, text, line, message):
    found = problems(tmp_path, text, aliases="aliases:\n  taliban: [Taliban]\n", targets=("oncall",))
    prefix = f"{tmp_path / 'rule.yaml'}:{line}: "
    assert any(p.startswith(prefix) and message in p for p in found), found


def test_every_problem_is_reported_at_once_in_line_order(tmp_path):
    found = problems(tmp_path, "name: x\nfuzzy: 120\nmatch:\n  al: [a]\nlang: english\n")
    lines = [int(p.split(":")[1]) for p in found]
    assert len(found) >= 3 and lines == sorted(lines)


def test_alias_problems_are_reported_in_the_aliases_file(tmp_path):
    rule = "name: x\nmatch: {any: ['@a']}\n"
    found = problems(tmp_path, rule, aliases="aliases:\n  a: ['@b']\n  b: ['@a']\n  c: []\n  bad name: [x]\n")
    aliases = tmp_path / "aliases.yaml"
    assert any("aliases refer to each other in a cycle: @a → @b → @a" in p for p in found), found
    assert any(p.startswith(f"{aliases}:4: alias 'c' must be a non-empty list of terms") for p in found), found
    assert any(p.startswith(f"{aliases}:5: alias name 'bad name'") for p in found), found


def test_alias_defined_twice(tmp_path):
    (tmp_path / "more.yaml").write_text("aliases:\n  a: [x y]\n")
    found = problems(tmp_path, "name: x\nmatch: {any: ['@a']}\n", aliases="aliases:\n  a: [abc]\n")
    assert any("alias 'a' is already defined at" in p for p in found), found


def test_aliases_reach_rules_given_apart_from_the_rule_paths(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "aliases.yaml").write_text("aliases:\n  a: [copper]\n")
    rule = tmp_path / "one.yaml"
    rule.write_text("name: x\nmatch: {any: ['@a']}\n")
    rules = load_rules([rule], aliases_from=[folder])
    assert [r.name for r in rules] == ["x"]


def test_schema_is_shipped_twice_identically_and_valid():
    shipped = json.loads(SCHEMA_PATH.read_text())
    assert json.loads((ROOT / "rules" / "schema.json").read_text()) == shipped
    jsonschema.Draft202012Validator.check_schema(shipped)


def test_schema_accepts_the_example_rules_and_aliases():
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text()))
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        errors = [e.message for e in validator.iter_errors(yaml.safe_load(path.read_text()))]
        assert errors == [], (path, errors)


@pytest.mark.parametrize(
    "text",
    [
        "name: x\nmatch:\n  al: [a]\n",
        "name: x\nmatch:\n  any: []\n",
        "name: x\nmatch: {any: [abc]}\nseverity: high\n",
        "name: x\nfuzzy: 120\nmatch: {any: [abc]}\n",
        "name: x\nmatch:\n  any: [abc, def]\n  near: 3\n",
        "name: x\nfields: [body]\nmatch: {any: [abc]}\n",
        "name: x\nmatch: {any: [{trem: abc}]}\n",
        "name: x\nmatch: {any: [abc]}\nexamples: {match: []}\n",
        "name: x\nmatch: {any: [abc]}\nburst: 5\n",
        "name: x\nmatch: {any: [abc]}\nburst: five per hour\n",
    ],
)
def test_loader_and_schema_reject_the_same_inputs(tmp_path, text):
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text()))
    assert list(validator.iter_errors(yaml.safe_load(text)))
    assert problems(tmp_path, text)


def test_schema_backstop_reports_with_a_line(tmp_path):
    # Empty example lists pass the loader's own checks; the schema still refuses them.
    found = problems(tmp_path, "name: x\nmatch: {any: [abc]}\nexamples:\n  match: []\n")
    assert any(p.startswith(f"{tmp_path / 'rule.yaml'}:4: examples/match:") and "schema.json" in p for p in found), (
        found
    )


@pytest.mark.filterwarnings("ignore:'imghdr' is deprecated:DeprecationWarning")  # apprise's import, in-process
def test_reload_keeps_the_old_rules_when_the_new_set_fails(tmp_path, caplog):
    from monitor import runtime
    from monitor.config import load_config
    from monitor.daemon.service import Daemon

    rules_dir = tmp_path / "rules"
    rules_dir.mkdir()
    (rules_dir / "a.yaml").write_text("name: Copper\nmatch: {any: [copper]}\n")
    config_path = tmp_path / "config.toml"
    config_path.write_text(f'[storage]\npath = "state.db"\n[rules]\npaths = ["{rules_dir}"]\n[notify]\nurls = []\n')
    pipeline = runtime.build(load_config(config_path), lock=False)
    daemon = Daemon(pipeline)
    try:
        (rules_dir / "b.yaml").write_text("name: Lithium\nmatch: {any: [lithium]}\n")
        daemon.reload()
        assert [r.name for r in pipeline.runtime.rules.rules] == ["Copper", "Lithium"]

        (rules_dir / "c.yaml").write_text("name: Broken\nmatch: {any: []}\n")
        with caplog.at_level(logging.ERROR):
            daemon.reload()
        assert [r.name for r in pipeline.runtime.rules.rules] == ["Copper", "Lithium"]
        assert "reload refused" in caplog.text and "c.yaml:2" in caplog.text
    finally:
        pipeline.store.close()
