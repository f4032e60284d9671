"""Issue 18, point 5: a real, non-editable install (`pip install /path/to/monitor`, the systemd README's
step) into a fresh virtualenv runs `monitor demo`: the demo's rules and samples ship as package data."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLEAN = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the suite's PYTHONPATH points at the checkout
# .hypothesis: another xdist worker may be writing Hypothesis's cache there while the tree is copied.
SKIP = shutil.ignore_patterns(".git", "build", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "*.db", ".venv")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with monitor installed from a copy of the source tree, not editable.

    The dependencies come from the running interpreter's site-packages through a .pth line (a plain
    path, so that venv's own editable install of monitor is not picked up): no network, under a minute.
    """
    folder = tmp_path_factory.mktemp("install")
    source = folder / "source"
    shutil.copytree(ROOT, source, symlinks=True, ignore=SKIP)
    env = folder / "venv"
    venv.create(env, with_pip=False)
    (purelib,) = (env / "lib").glob("python3*/site-packages")
    (purelib / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(env / "bin" / "python"),
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
        env=CLEAN,
    )
    shutil.rmtree(source)  # nothing may be read from the source tree any more
    return env


@pytest.mark.slow
def test_the_demo_runs_from_a_non_editable_install(installed: Path, tmp_path: Path):
    python = installed / "bin" / "python"
    where = subprocess.run(
        [str(python), "-c", "import monitor; print(monitor.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=CLEAN,
    )
    assert where.stdout.startswith(str(installed)), where  # the installed copy, not the checkout
    result = subprocess.run(
        [str(installed / "bin" / "monitor"), "demo"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env=CLEAN,
    )
    # Before: "…/site-packages/rules: rule path does not exist".
    assert result.returncode == 0, result.stderr
    assert "Demo: 6 feeds" in result.stdout and "alerts sent" in result.stdout
