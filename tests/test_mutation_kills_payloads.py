"""What leaves the outbox, byte for byte: the signed webhook's payload, headers and signature,
Written to kill mutants that survived
``python -m benchmarks.mutation outbox-core``: tests/webhook_support.py's receiver checks the
signature and the shape; these pin the fields a receiver relies on, the key that must stay
the same on every retry, and the signature's time window. Chat messages: test_mutation_kills_chat.py.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from monitor.models import Entry, Match, Webhook
from monitor.outbox import webhook
from monitor.outbox.payloads import payload_message
from monitor.rules import load_rules
from monitor.store import PendingAlert, Store
from monitor.store.records import Delivery

SECRET = b"a shared secret"
WHEN = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)

# --- signature ---------------------------------------------------------------------------------


def test_the_signature_is_the_documented_hmac_of_timestamp_dot_body():
    body = b'{"type":"alert.story"}'
    expected = hmac.new(SECRET, b"1800000000." + body, hashlib.sha256).hexdigest()
    assert webhook.sign(SECRET, 1_800_000_000, body) == "sha256=" + expected


@pytest.mark.parametrize(("skew", "fresh"), [(-300, True), (300, True), (-301, False), (301, False), (0, True)])
def test_a_signature_is_accepted_within_five_minutes_either_side(skew, fresh):
    body, sent = b"{}", 1_800_000_000
    assert webhook.verify(SECRET, str(sent), webhook.sign(SECRET, sent, body), body, sent + skew) is fresh


@pytest.mark.parametrize("timestamp", ["", "-5", "1.8e9", " 1800000000", "abc"])
def test_a_timestamp_that_is_not_plain_seconds_is_rejected(timestamp):
    body = b"{}"
    assert not webhook.verify(SECRET, timestamp, webhook.sign(SECRET, 1_800_000_000, body), body, 1_800_000_000)


def test_the_headers_carry_timestamp_signature_type_and_key():
    body = b"{}"
    sent = webhook.headers(SECRET, 1_800_000_000, body, {"type": "alert.batch", "idempotency_key": "k1"})
    assert sent == {
        "Content-Type": "application/json",
        "X-Monitor-Timestamp": "1800000000",
        "X-Monitor-Signature": webhook.sign(SECRET, 1_800_000_000, body),
        "X-Monitor-Event": "alert.batch",
        "X-Monitor-Delivery": "k1",
    }
    bare = webhook.headers(SECRET, 1, body, {})
    assert bare["X-Monitor-Event"] == bare["X-Monitor-Delivery"] == ""


def test_the_body_is_compact_utf8_json():
    assert webhook.encode({"title": "Zürich", "n": [1, 2]}) == '{"title":"Zürich","n":[1,2]}'.encode()


# --- idempotency key ---------------------------------------------------------------------------


def test_the_idempotency_key_survives_an_upgrade():
    """A message retried by a newer version must keep its key, or the receiver acts twice: the
    key of a known alert is pinned (blake2b-128 of url id, alert id and creation time)."""
    assert (
        webhook.idempotency_key("u1", 7, WHEN)
        == hashlib.blake2b(b"u1\x007\x002026-03-02T09:30:00+00:00", digest_size=16).hexdigest()
    )
    assert webhook.idempotency_key("u1", 7, None) == hashlib.blake2b(b"u1\x007\x00", digest_size=16).hexdigest()


# --- payloads ----------------------------------------------------------------------------------

ENTRY = Entry(
    "f", "Daily", "k", "https://zebra.example/1", "Zebra escapes", "A zebra left the zoo.", "", published=WHEN
)


def facts(kind: str = "story", detail: dict | None = None) -> webhook.AlertFacts:
    copy = webhook.Copy("Weekly", "Zebra out", "https://weekly.example/z", None, WHEN)
    return webhook.AlertFacts(
        3, "key3", kind, "Zebra", "urgent", WHEN, 11, 12, ENTRY, ("zebra",), (copy,), detail or {}
    )


def test_an_alert_payload_carries_every_documented_field():
    assert webhook.alert_payload(facts()) == {
        "schema_version": 1,
        "type": "alert.story",
        "kind": "story",
        "id": 3,
        "idempotency_key": "key3",
        "created": "2026-03-02T09:30:00+00:00",
        "rule": {"name": "Zebra", "severity": "urgent"},
        "severity": "urgent",
        "event_id": 12,
        "story": {
            "id": 11,
            "title": "Zebra escapes",
            "link": "https://zebra.example/1",
            "outlet": "Daily",
            "published": "2026-03-02T09:30:00+00:00",
            "outlets": [
                {
                    "outlet": "Weekly",
                    "title": "Zebra out",
                    "link": "https://weekly.example/z",
                    "published": None,
                    "first_seen": "2026-03-02T09:30:00+00:00",
                }
            ],
        },
        "matched": [{"term": "zebra", "context": "Zebra escapes"}],
    }


@pytest.mark.parametrize(
    ("kind", "type_"),
    [
        ("story", "alert.story"),
        ("event", "alert.event"),
        ("update", "alert.update"),
        ("escalation", "alert.update"),
        ("spike", "alert.spike"),
        ("unheard-of", "alert.story"),
    ],
)
def test_each_alert_kind_has_its_payload_type(kind, type_):
    assert webhook.alert_payload(facts(kind))["type"] == type_


def test_detail_is_carried_only_when_there_is_some():
    assert "detail" not in webhook.alert_payload(facts())
    assert webhook.alert_payload(facts("update", {"change": "numbers"}))["detail"] == {"change": "numbers"}


def test_a_batch_carries_each_alert_whole_under_the_first_ones_id():
    items = [webhook.alert_payload(facts()), {**webhook.alert_payload(facts()), "id": 4}]
    assert webhook.batch_payload(items, "quiet", "bk") == {
        "schema_version": 1,
        "type": "alert.batch",
        "reason": "quiet",
        "id": 3,
        "idempotency_key": "bk",
        "alerts": items,
    }


def test_a_notice_payload_is_keyed_and_typed_by_its_topic():
    assert webhook.notice_type("feed health") == "notice.feed_health"
    assert webhook.notice_type("target failing") == "notice.delivery"
    assert webhook.notice_type("reload refused") == "notice.config"
    assert webhook.notice_type("  Disk Full  ") == "notice.disk_full"
    notice = webhook.notice_payload("T", "B", "notice.x", WHEN, "nk")
    assert notice == {
        "schema_version": 1,
        "type": "notice.x",
        "id": "nk",
        "idempotency_key": "nk",
        "created": "2026-03-02T09:30:00+00:00",
        "title": "T",
        "text": "B",
    }
    assert webhook.notice_payload("T", "B", "notice.x", None, "nk", id=9)["id"] == 9
    assert webhook.notice_payload("T", "B", "notice.x", None, "nk")["created"] is None


def test_a_terms_context_is_a_whole_word_with_eighty_characters_either_side():
    body = "a" * 79 + " zebra " + "b" * 79  # 80 characters either side, the space included
    exact = Entry("f", "O", "k", "", "Title", body, "")
    assert webhook.in_context(exact, "zebra") == body  # nothing cut: no ellipsis
    longer = Entry("f", "O", "k", "", "Title", "x" + body + "y", "")
    assert webhook.in_context(longer, "ZEBRA") == "…" + body + "…"
    assert webhook.in_context(Entry("f", "O", "k", "", "Zebras", "zebra\n\n  here", ""), "zebra") == "zebra here"
    assert webhook.in_context(Entry("f", "O", "k", "", "Zebras", "zebrafish", ""), "zebra") == ""


# --- settings ----------------------------------------------------------------------------------


def test_webhook_settings_read_the_secret_from_one_place(tmp_path):
    url = "https://hooks.example/h"
    assert webhook.parse_spec({"url": url, "secret_env": "S"}, tmp_path, 4) == Webhook(url, "S", None, 4)
    assert webhook.parse_spec({"url": "http://10.0.0.2/h", "secret_file": "s.txt"}, tmp_path) == Webhook(
        "http://10.0.0.2/h", None, str(tmp_path / "s.txt"), None
    )
    for bad, message in [
        ({"url": url, "secret_env": " "}, "secret_env must be a non-empty string"),
        ({"url": url, "secret_file": 5}, "secret_file must be a non-empty string"),
        ({"url": url, "secret_env": "S", "secret_file": "f"}, "give exactly one of secret_env"),
        ({"url": "https:///h", "secret_env": "S"}, 'url must be "https://'),
        ({"url": 5, "secret_env": "S"}, 'url must be "https://'),
        (url, r'expected a table: webhook = \{ url = "https://…", secret_env = "NAME" \}'),
        (
            {"url": url, "secret_env": "S", "zeta": 1, "alpha": 2},
            r"unknown key 'alpha' \(allowed: url, secret_env, secret_file\)",
        ),
    ]:
        with pytest.raises(ValueError, match=message):
            webhook.parse_spec(bad, tmp_path)


# --- an outbox unit's payload, read from a real store --------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store(tmp_path / "state.db")
    yield store
    store.close()


def queue_story(store: Store) -> PendingAlert:
    """A story carried by two outlets (the second undated) and its alert for target URL "u1"."""
    to = Delivery("Zebra", "default", "u1", "hook")
    first = store.add_entry(ENTRY, WHEN, None, alerts=[(Match("Zebra", ("zebra",)), to)])
    store.add_entry(Entry("g", "Weekly", "k2", "https://weekly.example/z", "Zebra out", "", ""), WHEN, first.story_id)
    (pending,) = store.pending_alerts()
    return pending


def test_a_single_alert_and_a_batch_carry_the_story_read_at_sending_time(store, tmp_path):
    pending = queue_story(store)
    single = payload_message(store, [pending], {}, None)
    sent = json.loads(single.body)
    assert (single.title, single.body_format, sent["type"], sent["severity"]) == (
        "alert.story",
        "json",
        "alert.story",
        "normal",
    )
    assert sent["idempotency_key"] == webhook.idempotency_key("u1", pending.id, pending.created)
    assert [(c["outlet"], c["title"], c["first_seen"]) for c in sent["story"]["outlets"]] == [
        ("Daily", "Zebra escapes", WHEN.isoformat()),
        ("Weekly", "Zebra out", WHEN.isoformat()),
    ]
    assert sent["story"]["outlets"][1]["published"] is None and sent["event_id"] == pending.story_id
    assert (sent["created"], sent["story"]["id"]) == (pending.created.isoformat(), pending.story_id)
    update = replace(pending, kind="update", detail={"change": "numbers changed: 3, 4"})
    assert json.loads(payload_message(store, [update], {}, None).body)["detail"] == {"change": "numbers changed: 3, 4"}

    (path := tmp_path / "zebra.yaml").write_text("name: Zebra\nseverity: urgent\nmatch:\n  any: [zebra]\n")
    urgent = json.loads(payload_message(store, [pending], {"Zebra": load_rules([path])[0]}, None).body)
    assert urgent["severity"] == urgent["rule"]["severity"] == "urgent"

    batch = json.loads(payload_message(store, [pending, pending], {}, "digest").body)
    assert (batch["type"], batch["reason"], len(batch["alerts"])) == ("alert.batch", "digest", 2)
    assert batch["idempotency_key"] == sent["idempotency_key"] + "-2"  # another message than the single one
    later = replace(pending, id=pending.id + 1, url_id="u2", created=datetime(2026, 3, 3, tzinfo=UTC))
    keyed = json.loads(payload_message(store, [pending, later], {}, "quiet").body)["idempotency_key"]
    assert keyed == sent["idempotency_key"] + "-2"  # the first alert's key, whatever follows it


def test_a_spike_payload_writes_out_each_of_its_stories(store):
    pending = queue_story(store)
    spike = replace(pending, kind="spike", detail={"stories": [pending.story_id, 999], "count": 2})
    sent = json.loads(payload_message(store, [spike], {}, None).body)
    assert sent["type"] == "alert.spike"
    assert sent["detail"] == {
        "count": 2,
        "stories": [
            {"id": pending.story_id, "title": "Zebra escapes", "link": ENTRY.link, "outlets": ["Daily", "Weekly"]},
            {"id": 999, "title": None, "link": None, "outlets": []},  # pruned since: said, not dropped
        ],
    }


def test_a_spike_without_stories_lists_none(store):
    spike = replace(queue_story(store), kind="spike", detail={"count": 0})
    assert json.loads(payload_message(store, [spike], {}, None).body)["detail"] == {"count": 0, "stories": []}


def test_a_notice_payload_is_keyed_like_an_alert_so_a_retry_repeats_the_key(store):
    notice = PendingAlert(
        5,
        "feed health",
        None,
        None,
        "ops",
        "u9",
        (),
        2,
        WHEN,
        kind="notice",
        detail={"title": "Feed down", "body": "404"},
    )
    message = payload_message(store, [notice], {}, None)
    sent = json.loads(message.body)
    assert message.title == sent["type"] == "notice.feed_health"
    assert (sent["id"], sent["title"], sent["text"]) == (5, "Feed down", "404")
    assert sent["idempotency_key"] == webhook.idempotency_key("u9", 5, WHEN)
    assert sent["created"] == WHEN.isoformat()
    bare = json.loads(payload_message(store, [replace(notice, detail={})], {}, None).body)
    assert (bare["title"], bare["text"]) == ("", "")
