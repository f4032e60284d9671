"""Tests written to kill mutants that survived `python -m benchmarks.mutation` (see README,
"Mutation testing"): golden examples given field by field, and the reasons a failing
example prints. Each pins behaviour the rest of the suite reached but never checked."""

from __future__ import annotations

import pytest
import yaml

from monitor.errors import ConfigError
from monitor.rules import load_rules

FIELDS = ["title", "summary", "content", "author", "tags", "feed", "link"]


def load(tmp_path, rule: dict):  # type: ignore[no-untyped-def]
    path = tmp_path / "rule.yaml"
    path.write_text(yaml.safe_dump(rule, sort_keys=False))
    return load_rules([path])


def text_of(field: str) -> object:
    if field == "tags":
        return ["zebra", "stripes"]
    if field == "link":
        return "https://news.example/zebra"
    return "A zebra crossing"


@pytest.mark.parametrize("field", FIELDS)
def test_a_golden_example_sets_exactly_the_field_it_names(tmp_path, field):
    """An example ``{field: …}`` puts its text in that field and no other: a rule narrowed to
    the field matches it, and the same text in every other field does not match."""
    others = [{other: text_of(other)} for other in FIELDS if other != field]
    rule = {
        "name": "Zebra",
        "fields": [field],
        "match": {"any": ["zebra"]},
        "examples": {"match": [{field: text_of(field)}], "no_match": others},
    }
    [loaded] = load(tmp_path, rule)
    assert [dict(e.fields) for e in loaded.examples_no_match] == [
        {k: " ".join(v) if isinstance(v, list) else v for k, v in o.items()} for o in others
    ]

    rule["examples"] = {"match": others[:1]}
    with pytest.raises(ConfigError, match="golden example should match but does not"):
        load(tmp_path, rule)


@pytest.mark.parametrize(
    ("match", "example", "why"),
    [
        ({"any": ["zebra", "okapi"]}, "A horse", "nothing of any: [zebra, okapi] found"),
        ({"all": ["zebra", "okapi"]}, "A zebra", "okapi not found"),
        (
            {"all": ["zebra"], "none": ["horse", "pony"]},
            "A zebra and a pony",
            "none: [horse, pony] excludes it (pony found)",
        ),
    ],
)
def test_a_failing_example_says_what_stopped_it(tmp_path, match, example, why):
    rule = {"name": "Zebra", "match": match, "examples": {"match": [example]}}
    with pytest.raises(ConfigError) as failed:
        load(tmp_path, rule)
    message = str(failed.value)
    assert message.endswith(f": golden example should match but does not: '{example}': {why}"), message


def test_a_wrong_no_match_example_names_the_words_found(tmp_path):
    rule = {"name": "Zebra", "match": {"any": ["zebra*"]}, "examples": {"no_match": ["Zebras and okapis"]}}
    with pytest.raises(ConfigError) as failed:
        load(tmp_path, rule)
    assert (
        "golden example should not match but does (Zebras): 'Zebras and okapis': narrow the rule or fix the example"
        in str(failed.value)
    )
