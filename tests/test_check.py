"""`monitor check`: valid configs pass; every problem is reported as PATH:LINE with exit 2."""

from __future__ import annotations

from conftest import ROOT, run_cli, write_config


def test_example_config_is_valid():
    result = run_cli("--config", str(ROOT / "config.example.toml"), "check")
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout


def test_config_errors_name_file_line_and_fix(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text(
        '[storage]\npath = "x.db"\n[polling]\ninterval = "soon"\n'
        '[[feeds]]\nurl = "ftp://example.com/feed"\n'
        '[[feeds]]\nurl = "https://a.example/rss"\nnmae = "A"\n'
    )

    result = run_cli("--config", str(config), "check")

    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert any(line.startswith(f"{config}:4: [polling].interval: 'soon' is not a duration") for line in lines)
    assert any(line.startswith(f"{config}:6: every [[feeds]] needs url") for line in lines)
    assert any(line.startswith(f"{config}:9: unknown key 'nmae' in [feeds] (did you mean 'name'?)") for line in lines)
    assert "Traceback" not in result.stderr


def test_invalid_toml_names_the_line(tmp_path):
    config = tmp_path / "broken.toml"
    config.write_text('[storage]\npath = "x.db"\n[rules\n')
    result = run_cli("--config", str(config), "check")
    assert result.returncode == 2
    assert result.stderr.startswith(f"{config}:3: invalid TOML")


def test_missing_config_is_one_line(tmp_path):
    result = run_cli("--config", str(tmp_path / "nope.toml"), "check")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "cannot read config" in result.stderr


def test_rule_errors_name_file_line_and_fix(tmp_path):
    config = write_config(
        tmp_path,
        ["https://a.example/rss"],
        ["console://"],
        rules=("name: Broken rule\nmatch:\n  al:\n    - any: [Taliban]\n  any: []\nnotify: [oncal]\n"),
        targets={"oncall": ["console://"]},
    )

    result = run_cli("--config", str(config), "check")

    assert result.returncode == 2
    rule_file = tmp_path / "rules" / "test.yaml"
    out = result.stderr
    assert f"{rule_file}:3: unknown key 'al' (did you mean 'all'?)" in out
    assert f'{rule_file}:5: "any" is empty: give it at least one term' in out
    assert f"{rule_file}:6: unknown notify target 'oncal' (did you mean 'oncall'?)" in out


def test_yaml_syntax_error_names_the_line(tmp_path):
    config = write_config(
        tmp_path, ["https://a.example/rss"], ["console://"], rules="name: x\nmatch:\n  any: [Taliban\n"
    )
    result = run_cli("--config", str(config), "check")
    assert result.returncode == 2
    assert f"{tmp_path / 'rules' / 'test.yaml'}:" in result.stderr
    assert "invalid YAML" in result.stderr


def test_unknown_apprise_scheme_is_a_check_error(tmp_path):
    config = write_config(tmp_path, ["https://a.example/rss"], ["nosuchservice://token@host"])
    result = run_cli("--config", str(config), "check")
    assert result.returncode == 2
    assert "apprise has no service" in result.stderr
    assert "token@host" not in result.stderr


def test_run_with_bad_config_exits_2(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text("[nonsense]\n")
    result = run_cli("--config", str(config), "run", "--once")
    assert result.returncode == 2
    assert f"{config}:1: unknown section [nonsense]" in result.stderr


def test_syntax_errors_are_told_in_plain_words(tmp_path):
    """Issue 18, point 10: the line and a sentence, not the parser's "while parsing a block mapping"."""
    config = write_config(tmp_path, ["https://a.example/rss"], ["console://"], rules="name: ok\nmatch: {any: [x]}\n")
    rules = tmp_path / "rules"
    slips = {
        "indent.yaml": "name: a\nmatch:\n  any:\n    - x\n  - y\n",
        "tab.yaml": "name: b\nmatch:\n\tany: [x]\n",
        "quote.yaml": 'name: "c\nmatch:\n  any: [x]\n',
        "colon.yaml": "name: d: e\nmatch:\n  any: [x]\n",
    }
    for name, text in slips.items():
        (rules / name).write_text(text)
    out = run_cli("--config", str(config), "check").stderr
    assert f"{rules / 'indent.yaml'}:5: invalid YAML: this list item ('-') does not line up" in out, out
    assert f"{rules / 'tab.yaml'}:3: invalid YAML: a tab indents this line" in out
    assert f"{rules / 'quote.yaml'}:1: invalid YAML: a quoted text starts on this line and is not closed" in out
    assert f"{rules / 'colon.yaml'}:1: invalid YAML: a second ': ' on this line" in out
    assert "while parsing" not in out and "while scanning" not in out

    config.write_text(config.read_text() + '[[feeds]]\nurl = "https://b.example/rss\nname = "B"\n')
    line = config.read_text().splitlines().index('url = "https://b.example/rss') + 1
    err = run_cli("--config", str(config), "check").stderr
    assert err.strip() == f"{config}:{line}: invalid TOML: a string is not closed on this line: add the missing quote"
