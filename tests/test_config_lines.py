"""Problem lines count TOML lines, which end only at a newline (found by test_properties)."""

from __future__ import annotations

import pytest

from monitor.config import load_config
from monitor.errors import ConfigError


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029"])
def test_a_line_separator_inside_a_string_does_not_shift_the_problem_line(tmp_path, separator):
    """Mutation tried: ``text.splitlines()`` again; the bad key is then reported one line late."""
    path = tmp_path / "config.toml"
    path.write_text(f'[storage]\npath = "a{separator}b.db"\n\n[polling]\ninterval = "soon"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    lines = [problem.line for problem in caught.value.problems if "interval" in problem.message]
    assert lines == [5]
