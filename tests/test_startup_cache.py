"""The start-up cache: what start-up validated is kept by digest, a change is validated again, and the
cache file is never trusted to run code."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
from conftest import write_config

from monitor import runtime
from monitor.config import load_config
from monitor.config.cache import StartupCache, beside
from monitor.errors import ConfigError

RULE = 'name: Zebra watch\nmatch:\n  any: ["zebra"]\n'


def _config(tmp_path: Path, rules: str = RULE, targets: dict[str, list[str]] | None = None, extra: str = ""):  # type: ignore[no-untyped-def]
    return load_config(write_config(tmp_path, [], ["json://127.0.0.1:9/a"], rules=rules, targets=targets, extra=extra))


def _load(config):  # type: ignore[no-untyped-def]
    return runtime.load(config, cache=beside(config.storage_path))


def test_a_second_start_takes_what_the_first_validated(tmp_path):
    config = _config(tmp_path)
    first = _load(config)
    kept = beside(config.storage_path)
    assert kept.path is not None and kept.path.exists() and kept.path.stat().st_mode & 0o077 == 0
    again = _load(config)
    assert again.rules.rules == first.rules.rules and again.rules.rules[0].name == "Zebra watch"
    assert again.notifier.handles() == first.notifier.handles()
    labels = [again.notifier.label(h) for h in again.notifier.handles()]
    assert labels == [first.notifier.label(h) for h in first.notifier.handles()]
    assert labels[0].startswith("json://127.0.0.1:9/a")
    assert again.templates.sources == first.templates.sources
    # What was kept is what is used: a value planted under the current digest comes back.
    key, _ = kept._read()["rules"]
    kept._write("rules", key, [])
    assert _load(config).rules.rules == ()


def test_a_changed_rule_file_is_validated_again_and_a_bad_one_refused(tmp_path):
    config = _config(tmp_path)
    _load(config)
    (tmp_path / "rules" / "test.yaml").write_text('name: Zebra watch\nmatch:\n  anyy: ["zebra"]\n')
    with pytest.raises(ConfigError) as refused:
        _load(config)
    assert "test.yaml:" in str(refused.value)
    (tmp_path / "rules" / "test.yaml").write_text('name: Okapi watch\nmatch:\n  any: ["okapi"]\n')
    assert [r.name for r in _load(config).rules.rules] == ["Okapi watch"]


def test_a_rule_naming_a_target_the_config_no_longer_has_is_refused(tmp_path):
    rules = RULE + "notify: [team]\n"
    _load(_config(tmp_path, rules, targets={"team": ["json://127.0.0.1:9/t"]}))
    with pytest.raises(ConfigError, match="team"):
        _load(_config(tmp_path, rules))


def test_a_broken_template_edit_is_checked_again(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    template = folder / "alert.md"
    template.write_text("{% block title %}{{ rule }}{% endblock %}{% block body %}{{ title }}{% endblock %}")
    config = _config(tmp_path, extra='templates = "templates"')
    _load(config)
    template.write_text("{% block title %}{{ headline }}{% endblock %}{% block body %}{{ title }}{% endblock %}")
    with pytest.raises(ConfigError, match=r"alert\.md:1"):
        _load(config)


class _Planted:
    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.mkdir, (str(Path(os.environ["PLANTED_DIR"]) / "ran"),))


def test_a_cache_file_that_would_run_code_is_a_miss_and_runs_nothing(tmp_path, monkeypatch):
    config = _config(tmp_path)
    monkeypatch.setenv("PLANTED_DIR", str(tmp_path))
    path = beside(config.storage_path).path
    assert path is not None
    path.write_bytes(pickle.dumps({"rules": ("any", _Planted())}))
    assert [r.name for r in _load(config).rules.rules] == ["Zebra watch"]
    assert not (tmp_path / "ran").exists()
    path.write_bytes(b"not a pickle")
    assert [r.name for r in _load(config).rules.rules] == ["Zebra watch"]


def test_an_unwritable_place_keeps_nothing_and_costs_nothing_but_time(tmp_path):
    cache = StartupCache(tmp_path / "no such folder" / "state.db.startup")
    made = []
    assert cache.value("x", "k", lambda: made.append(1) or 5) == 5
    assert cache.value("x", "k", lambda: made.append(1) or 6) == 5  # kept in memory for this process
    assert StartupCache(cache.path).value("x", "k", lambda: 7) == 7
