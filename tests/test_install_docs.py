"""Issue 18, point 6: the systemd README's install steps, run as written (paths moved under a temporary
root, the venv's `monitor` for /opt/monitor's), give a config whose rules `check` finds and names, both
when the service reads /etc/monitor/config.toml and when the file comes as a LoadCredential= copy."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "systemd" / "README.md"
SYSTEM_STEPS = ("python3 -m venv", "/pip install", "systemctl", "cp systemd/")  # need root and systemd


def install_block() -> str:
    blocks = re.findall(r"^```sh\n(.*?)^```", README.read_text(), flags=re.S | re.M)
    (block,) = [b for b in blocks if "install -d" in b]
    return block


def run_steps(root: Path) -> str:
    """The block with /etc, /opt and /var under ``root``; returns what `check` printed."""
    lines = [line for line in install_block().splitlines() if not any(step in line for step in SYSTEM_STEPS)]
    script = "\n".join(lines)
    script = script.replace("/opt/monitor/.venv/bin/monitor", f"{sys.executable} -m monitor")
    for folder in ("/etc/monitor", "/var/lib/monitor"):
        script = script.replace(folder, f"{root}{folder}")
    (root / "var/lib/monitor").mkdir(parents=True)
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The steps run once for both tests (their `check` loads the project's rules, ~10 CPU-s): the root, the output."""
    root = tmp_path_factory.mktemp("install")
    return root, run_steps(root)


def test_the_plain_install_finds_and_names_its_rules(installed: tuple[Path, str]):
    root, out = installed
    rules = root / "etc/monitor/rules"
    # Before: only config.toml was copied and `paths = ["rules"]` meant an /etc/monitor/rules nobody made.
    assert f"{root}/etc/monitor/config.toml: OK: 1 feeds, 5 rules (from {rules})" in out, out
    assert "warning" not in out  # 0644 is right here: console:// holds no secret


def test_the_credential_install_finds_the_same_rules(installed: tuple[Path, str]):
    root, _ = installed
    credentials = root / "run/credentials/monitor.service"  # what LoadCredential= hands over: a copy
    credentials.mkdir(parents=True)
    shutil.copy(root / "etc/monitor/config.toml", credentials / "config.toml")
    (credentials / "config.toml").chmod(0o600)
    result = subprocess.run(
        [sys.executable, "-m", "monitor", "--config", str(credentials / "config.toml"), "check"],
        capture_output=True,
        text=True,
        cwd="/",
    )
    assert result.returncode == 0, result.stderr
    assert f"5 rules (from {root}/etc/monitor/rules)" in result.stdout, result.stdout
