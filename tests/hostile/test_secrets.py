"""Credentials in the config never reach any output of a full run.

Outputs: stdout and stderr of `check` and of `run --once` at debug level (with the
target failing, then accepting), every database file, and every alert delivered.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import fill_dates, recent, write_config

NOTIFY_SECRET = "hunter2notify"
FEED_SECRET = "feedpass9"
RELATIVE_FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Private outlet</title>
<item><title>Taliban recognition talks resume</title><link>/news/1?utm_source=x</link>
<guid isPermaLink="false">p-1</guid><pubDate>{recent}</pubDate>
<description>Delegations met on the recognition question.</description></item></channel></rss>"""


def cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "monitor", "--log-level", "debug", "--config", str(config), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd="/",
    )


def test_no_credential_in_any_output(tmp_path, feed_server, json_receiver):
    feed_server.put("/private.xml", fill_dates(RELATIVE_FEED, recent()))
    port = feed_server.httpd.server_address[1]
    feeds = [f"http://reader:{FEED_SECRET}@127.0.0.1:{port}/private.xml", f"http://127.0.0.1:{port}/missing.xml"]
    hook = f"json://alice:{NOTIFY_SECRET}@127.0.0.1:{json_receiver.port}/hook"
    config = write_config(tmp_path, feeds, [hook], rules="name: Taliban\nmatch:\n  any: [Taliban]\n")

    json_receiver.fail = True
    outputs = [cli(config, "check"), cli(config, "run", "--once")]
    json_receiver.fail = False
    outputs.append(cli(config, "run", "--once"))

    assert len(json_receiver.received) == 1  # the alert went out, so its body is checked too
    texts = [r.stdout + r.stderr for r in outputs] + [json.dumps(json_receiver.received)]
    assert "HTTP 404" in texts[1] and "will retry" in texts[1]  # errors were logged, redacted
    for text in texts:
        assert NOTIFY_SECRET not in text
        assert FEED_SECRET not in text
    for file in tmp_path.glob("state.db*"):
        # The feed's own URL is its key in the database; the notification secret never is.
        assert NOTIFY_SECRET.encode() not in file.read_bytes(), file
    body = json_receiver.received[0]["message"]
    assert f"http://127.0.0.1:{port}/news/1\n" in body  # resolved against the feed, without its user
