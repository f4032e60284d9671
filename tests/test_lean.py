"""A daemon at rest holds only what it uses: apprise comes at the first send, feedparser never."""

from __future__ import annotations

import subprocess
import sys

from monitor.models import Target
from monitor.outbox.targets import Notifier

TARGETS = {
    "default": Target("default", ("json://127.0.0.1:9/a", "nosuchservice://x")),
    "team": Target("team", ("json://127.0.0.1:9/a", "mailto://127.0.0.1:9?to=a@example.com&from=b@example.com")),
}


def test_a_lean_notifier_checks_and_names_urls_as_the_plain_one_does():
    plain, lean = Notifier(TARGETS), Notifier(TARGETS, lean=True)
    assert lean.problems("monitor.toml") == plain.problems("monitor.toml") != []
    assert lean.handles() == plain.handles() and len(lean.handles()) == 2
    assert [lean.label(h) for h in lean.handles()] == [plain.label(h) for h in plain.handles()]
    assert [lean.style(h) for h in lean.handles()] == ["chat", "email"]
    assert lean.deliveries("r", ["team"]) == plain.deliveries("r", ["team"])


def test_a_lean_process_imports_apprise_at_its_first_send_and_never_parses():
    code = (
        "import sys\n"
        "from monitor import runtime, daemon, pipeline\n"
        "from monitor.models import Message, Target\n"
        "from monitor.outbox.targets import Notifier\n"
        "n = Notifier({'default': Target('default', ('console://',))}, lean=True)\n"
        "held = sorted(m for m in ('apprise', 'feedparser', 'selectolax') if m in sys.modules)\n"
        "print('before', held, flush=True)\n"
        "n.send(n.handles()[0], Message('Hello', 'from a lean daemon'))\n"
        "print('after', 'apprise' in sys.modules, flush=True)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "before []" in done.stdout
    assert "=== Hello\nfrom a lean daemon" in done.stdout
    assert "after True" in done.stdout
