"""A `monitor` process leaves its heap to the exit: Python's final collections do not walk it."""

from __future__ import annotations

import subprocess
import sys


def _exit_of(argv: list[str]) -> tuple[int, str]:
    """The exit code of ``monitor ARGV`` run through ``monitor.cli.main``, and what an atexit hook saw then."""
    code = (
        "import atexit, gc, sys\n"
        # Registered first, so run last: after logging's own handler, as the interpreter winds down.
        "atexit.register(lambda: print('frozen' if gc.get_freeze_count() else 'walked', flush=True))\n"
        f"sys.argv = ['monitor', *{argv!r}]\n"
        "from monitor.cli import main\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout.splitlines()[-1]


def test_a_command_that_succeeds_leaves_its_objects_to_the_exit():
    assert _exit_of(["--version"]) == (0, "frozen")


def test_a_command_that_fails_still_exits_with_its_code_and_its_objects_left(tmp_path):
    missing = tmp_path / "none.toml"
    assert _exit_of(["--config", str(missing), "check"]) == (2, "frozen")
