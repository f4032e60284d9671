"""Property tests (hypothesis): the pure core never raises on arbitrary input.

Rules are exercised only through their public API (``load_rules``, ``RuleSet.match``).
Derandomized, so every run checks the same examples and a failure reproduces.
"""

from __future__ import annotations

import contextlib
import json
import string
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.config import load_config
from monitor.errors import ConfigError
from monitor.ingest.parse import identity, parse_feed
from monitor.models import Entry
from monitor.rules import RuleSet, load_rules
from monitor.text import fold, html_to_text, squash
from monitor.urls import canonical_link

# Examples, deadline and derandomization come from the profile (tests/conftest.py): the same
# examples on every CI run, new ones locally.
SETTINGS = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
texts = st.text(max_size=300)
words = st.text(alphabet=string.ascii_letters + "éüßİıﬁＴ*", min_size=1, max_size=12)
urlish = st.one_of(
    texts,
    st.builds(
        "{}://{}{}/{}?{}#{}".format,
        st.sampled_from(["http", "https", "HTTP", "ftp", "javascript", "file", ""]),
        st.sampled_from(["", "user:pw@"]),
        st.text(alphabet=string.ascii_letters + string.digits + ".-[]:%", max_size=30),
        texts,
        st.text(alphabet=string.ascii_letters + "=&_%", max_size=40),
        texts,
    ),
)


@SETTINGS
@given(texts)
def test_text_functions_never_raise_and_are_idempotent(text):
    assert squash(squash(text)) == squash(text)
    assert fold(fold(text)) == fold(text)
    cleaned = html_to_text(text)
    assert isinstance(cleaned, str) and "\n\n" not in cleaned


@SETTINGS
@given(urlish, st.sampled_from(["", "https://example.com/feed/", "http://u:p@h.example/a/b"]))
def test_canonical_link_is_safe_and_idempotent(link, base):
    canonical = canonical_link(link, base)
    if canonical:
        assert canonical.split(":", 1)[0] in ("http", "https")
        assert "@" not in canonical.split("/")[2]  # never a user or password
        assert canonical_link(canonical) == canonical


@SETTINGS
@given(texts, texts, texts, texts)
def test_identity_is_stable(guid, link, title, summary):
    key = identity(guid, link, title, summary)
    assert key == identity(guid, link, title, summary)
    assert key.split(":", 1)[0] in ("guid", "link", "hash") and len(key) <= 5 + 512 + 2048


def test_identity_hash_is_the_same_across_runs():
    """A pinned value: a change would make every stored entry look new again."""
    assert identity("", "", "Title", "Summary") == "hash:b416a5a04123b64c247715bc41c97452"
    assert identity(" g-1 ", "https://a.example/x", "T", "S") == "guid:g-1"


@SETTINGS
@given(st.binary(max_size=2000))
def test_parse_feed_raises_only_parse_error(body):
    from monitor.errors import ParseError

    with contextlib.suppress(ParseError):
        parse_feed(body, "https://example.com/feed")


@SETTINGS
@given(st.binary(max_size=1500))
def test_parse_feed_on_mangled_real_feed(noise):
    from monitor.errors import ParseError

    real = (Path(__file__).parent / "data" / "feeds" / "outlet-a.xml").read_bytes()
    cut = len(noise) % max(1, len(real))
    with contextlib.suppress(ParseError):
        parse_feed(real[:cut] + noise + real[cut:], "https://example.com/feed")


def groups(depth: int) -> st.SearchStrategy[object]:
    terms = st.lists(words.map(lambda w: w if not w.startswith("*") else "x" + w), min_size=1, max_size=4)
    if depth == 0:
        return terms
    child = st.one_of(terms, st.dictionaries(st.sampled_from(["all", "any", "none"]), groups(depth - 1), min_size=1))
    return st.lists(child, min_size=1, max_size=3)


rule_trees = st.dictionaries(st.sampled_from(["all", "any", "none"]), groups(3), min_size=1)


@SETTINGS
@given(rule_trees, texts, texts)
def test_rules_on_arbitrary_trees_and_texts(tmp_path, tree, title, summary):
    path = tmp_path / "rule.yaml"
    path.write_text(yaml.safe_dump({"name": "r", "match": tree}, allow_unicode=True))
    try:
        rules = load_rules([path])
    except ConfigError as exc:
        assert all(p.path == str(path) for p in exc.problems)
        return
    entry = Entry("f", "o", "k", "", title, summary, "")
    matches = RuleSet(rules).match(entry)
    assert matches == RuleSet(rules).match(entry)
    assert all(m.rule == "r" for m in matches)


def test_rules_stay_fast_on_adversarial_text(tmp_path):
    """Many wildcard terms against long runs of word characters: no backtracking blow-up."""
    path = tmp_path / "rule.yaml"
    terms = [f"{'a' * n}*" for n in range(3, 40)] + ["a a a a a a a a", "aaa aaa aaa*"]
    path.write_text(json.dumps({"name": "r", "match": {"any": terms}}))
    ruleset = RuleSet(load_rules([path]))
    text = ("a" * 5000 + " ") * 20 + "a " * 20000
    started = time.perf_counter()
    ruleset.match(Entry("f", "o", "k", "", text, text, text))
    elapsed = time.perf_counter() - started
    print(f"adversarial match: {elapsed:.3f}s")  # a figure, not an assertion: CI speeds vary
    assert elapsed < 30  # only catches a catastrophic (exponential) pattern


toml_values = st.recursive(
    st.one_of(st.integers(), st.booleans(), texts, st.floats(allow_nan=False)),
    lambda inner: st.lists(inner, max_size=3),
    max_leaves=5,
)


def _line(key: str, value: object) -> str:
    return f"{key} = {json.dumps(value, ensure_ascii=False)}"


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["storage", "rules", "notify", "polling", "alerts", "dedup", "log", "[feeds]", "bogus"]),
            st.sampled_from(["path", "paths", "urls", "interval", "timeout", "max_bytes", "allow_private", "url", "x"]),
            toml_values,
        ),
        max_size=8,
    ),
    st.integers(min_value=0, max_value=400),
)
def test_config_loader_gives_clean_errors(tmp_path, sections, cut):
    text = "\n".join(f"[{section}]\n{_line(key, value)}" for section, key, value in sections)
    for candidate in (text, text[:cut]):
        path = tmp_path / "config.toml"
        path.write_text(candidate)
        try:
            load_config(path)
        except ConfigError as exc:
            assert exc.problems and all(p.path == str(path) for p in exc.problems)
            for problem in exc.problems:
                assert problem.line is None or 1 <= problem.line <= candidate.count("\n") + 1


@SETTINGS
@given(st.text(max_size=400), st.integers(min_value=0, max_value=400))
def test_rule_loader_on_arbitrary_and_truncated_yaml(tmp_path, text, cut):
    real = (Path(__file__).parent.parent / "rules").glob("*.yaml")
    sample = next(iter(sorted(real))).read_text()
    for candidate in (text, sample[:cut], sample[:cut] + text):
        path = tmp_path / "rule.yaml"
        path.write_text(candidate)
        try:
            load_rules([path])
        except ConfigError as exc:
            assert exc.problems and all(p.path == str(path) for p in exc.problems)


@pytest.mark.parametrize("text", ["a: &a [*a]\n", "!!python/object/apply:os.system ['true']\n", "[" * 5000])
def test_rule_loader_refuses_unsafe_or_deep_yaml(tmp_path, text):
    path = tmp_path / "rule.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as exc:
        load_rules([path])
    assert str(path) in str(exc.value)


@pytest.mark.parametrize("text", ["a = " + "[" * 5000, "a = " + "{b=" * 5000])
def test_config_loader_refuses_deep_toml(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match="nested too deeply"):
        load_config(path)
