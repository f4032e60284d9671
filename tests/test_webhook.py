"""The signed webhook target: payload, signature, retries with one idempotency key, the secret kept out of sight."""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import UTC, datetime, timedelta

import pytest
from conftest import ROOT, run_cli, write_config
from delivery_support import ZEBRA_RULE, Clock, cycle, story_feed
from webhook_support import SECRET, config_error, serve_signed_receiver, verify, webhook_target

from monitor.config import load_config
from monitor.errors import ConfigError
from monitor.models import Entry
from monitor.outbox import webhook
from monitor.outbox.refusals import IN_A_ROW
from monitor.runtime import check

SIEM_RULE = ZEBRA_RULE + "notify: [siem]\nseverity: urgent\n"


@pytest.fixture
def signed_receiver(monkeypatch):
    monkeypatch.setenv("MONITOR_TEST_HOOK_SECRET", SECRET)
    with serve_signed_receiver() as receiver:
        yield receiver


def siem_config(folder, feed_server, receiver, clock: Clock, stories: int):
    """A config whose rule alerts the signed webhook ``receiver``, and a feed of ``stories`` stories."""
    feed_server.put("/zebra.xml", story_feed(stories, clock.now - timedelta(minutes=30)))
    extra = webhook_target("siem", receiver.url)
    return write_config(folder, [feed_server.url("/zebra.xml")], [], rules=SIEM_RULE, extra=extra)


def test_each_alert_arrives_signed_with_the_documented_payload(tmp_path, feed_server, signed_receiver):
    clock = Clock(datetime.now(UTC))
    config = siem_config(tmp_path, feed_server, signed_receiver, clock, 3)
    report = cycle(config, clock)
    assert report.sent == 3 and signed_receiver.rejected == 0
    payloads = sorted(signed_receiver.processed.values(), key=lambda p: p["id"])
    first = payloads[0]
    assert first["schema_version"] == webhook.SCHEMA_VERSION and first["type"] == "alert.story"
    assert first["rule"] == {"name": "Zebra watch", "severity": "urgent"} and first["severity"] == "urgent"
    assert (
        first["story"]["title"].startswith("Zebra sighting 2") and first["story"]["link"] == "https://zebra.example/2"
    )
    assert first["story"]["outlets"] == [
        {
            "outlet": "Zebra",
            "title": first["story"]["title"],
            "link": "https://zebra.example/2",
            "published": first["story"]["published"],
            "first_seen": clock.now.replace(microsecond=0).isoformat(),
        }
    ]
    assert first["matched"][0]["term"].lower() == "zebra" and "zebra" in first["matched"][0]["context"].lower()
    assert isinstance(first["event_id"], int) and isinstance(first["id"], int)
    assert len({p["idempotency_key"] for p in payloads}) == 3


def test_a_target_outage_retries_with_the_same_idempotency_key(tmp_path, feed_server, signed_receiver):
    clock = Clock(datetime.now(UTC))
    config = siem_config(tmp_path, feed_server, signed_receiver, clock, 4)
    signed_receiver.fail = True
    assert cycle(config, clock).failed == 4
    assert cycle(config, clock, force=True).failed == 4
    signed_receiver.fail = False
    clock.advance(minutes=10)
    assert cycle(config, clock).sent == 4
    assert cycle(config, clock, force=True).sent == 0
    # Each pass tried the URL IN_A_ROW times (outbox/refusals.py): the same two alerts, with the same keys
    # in both passes and when they were processed; the other alerts were marked failed without a request.
    refused = signed_receiver.refused
    assert len(refused) == 2 * IN_A_ROW and refused[:IN_A_ROW] == refused[IN_A_ROW:]
    assert set(refused) < set(signed_receiver.processed)
    assert len(signed_receiver.deliveries) == 4


def test_a_wrong_secret_or_a_stale_timestamp_fails_verification():
    body = webhook.encode({"type": "alert.story", "idempotency_key": "k"})
    now = 1_800_000_000
    signature = webhook.sign(b"right", now, body)
    assert verify(b"right", str(now), signature, body) is False  # stale against the real clock
    assert webhook.verify(b"right", str(now), signature, body, now + 299)
    assert not webhook.verify(b"right", str(now), signature, body, now + webhook.REPLAY_WINDOW + 1)
    assert not webhook.verify(b"wrong", str(now), signature, body, now)
    assert not webhook.verify(b"right", str(now), signature, body + b" ", now)


def test_matched_terms_are_shown_in_their_context():
    text = "word " * 40 + "the zebra crossed the road " + "word " * 40
    entry = Entry("f", "O", "k", "", "A title", text, "")
    context = webhook.in_context(entry, "Zebra")
    assert "the zebra crossed" in context and context.startswith("…") and context.endswith("…")
    assert len(context) <= len("zebra") + 2 * webhook.CONTEXT_CHARS + 2


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('webhook = { url = "https://x.example/h" }', "give exactly one of secret_env"),
        ('webhook = { url = "https://x.example/h", secret = "abc" }', "unknown key 'secret'"),
        ('webhook = { url = "ftp://x.example/h", secret_env = "S" }', 'url must be "https://'),
        ('webhook = "https://x.example/h"', "expected a table"),
    ],
)
def test_bad_webhook_settings_are_config_errors_with_path_and_line(tmp_path, line, message):
    assert f"config.toml:4: [notify.targets.room].webhook: {message}" in config_error(tmp_path, line)


def test_a_missing_secret_is_a_check_problem_naming_the_line(tmp_path, monkeypatch):
    monkeypatch.delenv("NO_SUCH_SECRET_VAR", raising=False)
    path = write_config(
        tmp_path, [], [], rules=SIEM_RULE, extra=webhook_target("siem", "https://x.example/h", "NO_SUCH_SECRET_VAR")
    )
    config = load_config(path)
    line = path.read_text().splitlines().index(next(s for s in path.read_text().splitlines() if "webhook" in s)) + 1
    with pytest.raises(ConfigError) as caught:
        check(config)
    assert f"{path}:{line}: [notify.targets.siem] webhook: environment variable NO_SUCH_SECRET_VAR is not set" in str(
        caught.value
    )


def test_the_secret_comes_from_a_file_and_never_reaches_the_database_or_the_log(tmp_path, feed_server):
    secret_file = tmp_path / "siem.secret"
    secret_file.write_text(SECRET + "\n")
    with serve_signed_receiver() as receiver:
        feed_server.put("/zebra.xml", story_feed(2, datetime.now(UTC) - timedelta(minutes=30)))
        extra = f'[notify.targets.siem]\nwebhook = {{ url = "{receiver.url}", secret_file = "siem.secret" }}\n'
        config = write_config(tmp_path, [feed_server.url("/zebra.xml")], [], rules=SIEM_RULE, extra=extra)
        done = run_cli("--config", str(config), "--log-level", "debug", "run", "--once")
        assert done.returncode == 0, done.stderr
        assert len(receiver.processed) == 2 and receiver.rejected == 0
    assert SECRET not in done.stderr + done.stdout
    assert SECRET.encode() not in (tmp_path / "state.db").read_bytes()
    with sqlite3.connect(tmp_path / "state.db") as conn:
        labels = {row[0] for row in conn.execute("SELECT url_label FROM alerts")}
    assert labels == {f"webhook http://127.0.0.1:{receiver.port}/…"}
    assert json.dumps(sorted(labels))


def test_the_documented_receiver_code_verifies_a_real_request():
    doc = (ROOT / "docs" / "delivery.md").read_text()
    code = doc.split("Verifying a request, in a receiver")[1].split("```python\n")[1].split("```")[0]
    assert len(code.strip().splitlines()) <= 12  # ten lines of logic, the import and the def
    namespace: dict = {}
    exec(code, namespace)
    body = webhook.encode({"type": "alert.story", "idempotency_key": "k1"})
    now = int(time.time())
    sent = webhook.headers(b"secret", now, body, {"type": "alert.story", "idempotency_key": "k1"})
    seen: set = set()
    assert namespace["accept"](b"secret", sent, body, seen) and seen == {"k1"}
    assert namespace["accept"](b"secret", sent, body, seen) and seen == {"k1"}  # a retry: accepted, not again
    assert not namespace["accept"](b"other", sent, body, set())
    assert not namespace["accept"](b"secret", sent, body.replace(b"k1", b"k2"), set())
    stale = webhook.headers(b"secret", now - 301, body, {})
    assert not namespace["accept"](b"secret", stale, body, set())


def test_a_feed_health_notice_reaches_a_webhook_operator_with_one_key_across_retries(
    tmp_path, feed_server, signed_receiver
):
    clock = Clock(datetime.now(UTC))
    extra = webhook_target("siem", signed_receiver.url) + "[polling]\nhealth_errors = 1\n"
    config = write_config(tmp_path, [feed_server.url("/missing.xml")], ["console://"], rules=ZEBRA_RULE, extra=extra)
    config.write_text(config.read_text().replace("[notify]\n", '[notify]\noperator = "siem"\n', 1))
    signed_receiver.fail = True
    cycle(config, clock)  # the feed fails: the notice is queued, and the operator's webhook is down
    signed_receiver.fail = False
    clock.advance(minutes=5)
    cycle(config, clock)
    (notice,) = signed_receiver.processed.values()
    assert notice["type"] == "notice.feed_health" and notice["title"] == "[monitor] feed failing: Missing"
    assert signed_receiver.refused == [notice["idempotency_key"]] and notice["schema_version"] == 1
