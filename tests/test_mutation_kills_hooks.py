"""monitor's own HTTP targets (``outbox/hooks.py``) request by request, against a real receiver
on 127.0.0.1: the method, path, headers and body each service documents (docs/delivery.md,
"Chat services"), what a refusal or an unreachable target raises, and what a label may show.
Written to kill mutants that survived ``python -m benchmarks.mutation outbox --paths
monitor/outbox/hooks.py …``: tests/test_chat.py's stand-in services check shapes, not that a
Matrix retry reuses its transaction id or that a room with a slash stays one path segment.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from conftest import refused_port, reserved_port
from webhook_support import SECRET, serve_http, verify

from monitor.errors import DeliveryError
from monitor.models import Chat, Message, Target, Webhook
from monitor.outbox.hooks import HttpTargets, handle_of, label_of, read_secret

TOKEN = "424242:token-for-tests-only"


@dataclass
class Recorder:
    """Answers every request with ``status`` and keeps (method, path, headers, body) of each."""

    port: int
    status: int = 200
    seen: list[tuple[str, str, dict[str, str], bytes]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def answer(self, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, bytes]:
        with self.lock:
            self.seen.append((method, path, headers, body))
        return self.status, b"{}"


@contextmanager
def recorder() -> Iterator[Recorder]:
    with reserved_port() as port:
        found = Recorder(port)
        with serve_http(port, found.answer):
            yield found


def targets_of(*specs: Chat | Webhook) -> tuple[HttpTargets, list[str]]:
    named = {
        f"t{n}": Target(
            f"t{n}",
            (),
            webhook=spec if isinstance(spec, Webhook) else None,
            chat=spec if isinstance(spec, Chat) else None,
        )
        for n, spec in enumerate(specs)
    }
    found = HttpTargets(named)
    assert found.problems("c.toml") == []
    return found, [handle_of(spec) for spec in specs]


@pytest.fixture(autouse=True)
def secrets(monkeypatch):
    monkeypatch.setenv("MONITOR_TEST_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("MONITOR_TEST_HOOK_SECRET", SECRET)


def test_telegram_posts_send_message_with_the_bot_token_and_the_chat(tmp_path):
    with recorder() as got:
        spec = Chat("telegram", got.base + "/", chat_id="-1007", token_env="MONITOR_TEST_BOT_TOKEN")
        hooks, [handle] = targets_of(spec)
        hooks.send(handle, Message("Feed down", "Wire Desk answered 503\nwill retry in 40 min"))
    [(method, path, headers, body)] = got.seen
    assert (method, path) == ("POST", f"/bot{TOKEN}/sendMessage")  # the base's trailing slash is not doubled
    assert headers["Content-Type"] == "application/json"
    sent = json.loads(body)
    assert sent["chat_id"] == "-1007" and "Wire Desk answered 503" in sent["text"]


def test_matrix_puts_into_the_quoted_room_and_a_retry_reuses_its_transaction(tmp_path):
    """docs/delivery.md: the transaction id is a hash of the content, so a retry is not posted twice
    and two different messages are two events. Mutation tried: the hash taken of nothing."""
    with recorder() as got:
        spec = Chat("matrix", got.base + "/", room="!ops/desk:example.org", token_env="MONITOR_TEST_BOT_TOKEN")
        hooks, [handle] = targets_of(spec)
        first, second = Message("Feed down", "Wire Desk is failing"), Message("Feed back", "Wire Desk recovered")
        for message in (first, first, second):
            hooks.send(handle, message)
    paths = [path for _, path, _, _ in got.seen]
    room = "/_matrix/client/v3/rooms/%21ops%2Fdesk%3Aexample.org/send/m.room.message/"
    assert all(path.startswith(room) and path.count("/") == room.count("/") for path in paths), paths
    txns = [path.rsplit("/", 1)[1] for path in paths]
    assert txns[0] == txns[1] != txns[2] and all(len(txn) >= 16 for txn in txns)
    assert all(method == "PUT" for method, _, _, _ in got.seen)
    assert all(headers["Authorization"] == f"Bearer {TOKEN}" for _, _, headers, _ in got.seen)
    assert "Wire Desk recovered" in json.loads(got.seen[2][3])["body"]


def test_slack_posts_to_its_webhook_url_as_given(tmp_path):
    with recorder() as got:
        hooks, [handle] = targets_of(Chat("slack", got.base + "/services/T0/B0/x"))
        hooks.send(handle, Message("Feed down", "Wire Desk is failing"))
    [(method, path, headers, body)] = got.seen
    assert (method, path, headers["Content-Type"]) == ("POST", "/services/T0/B0/x", "application/json")
    assert "Authorization" not in headers and "Wire Desk is failing" in body.decode()


def test_a_plain_message_to_a_webhook_is_a_signed_operator_notice(tmp_path):
    """The send contract: a plain message (a notice) is put in the target's shape."""
    with recorder() as got:
        hooks, [handle] = targets_of(Webhook(got.base + "/hooks/in", secret_env="MONITOR_TEST_HOOK_SECRET"))
        hooks.send(handle, Message("Feed down", "Wire Desk is failing"))
        hooks.send(handle, Message("Feed down", "Wire Desk is failing again"))
    payloads = []
    for method, path, headers, body in got.seen:
        assert (method, path) == ("POST", "/hooks/in")
        assert verify(SECRET.encode(), headers["X-Monitor-Timestamp"], headers["X-Monitor-Signature"], body)
        payload = json.loads(body)
        assert headers["X-Monitor-Delivery"] == payload["idempotency_key"] == payload["id"]
        payloads.append(payload)
    assert [(p["type"], p["title"], p["text"]) for p in payloads] == [
        ("notice.operator", "Feed down", "Wire Desk is failing"),
        ("notice.operator", "Feed down", "Wire Desk is failing again"),
    ]
    assert payloads[0]["idempotency_key"] != payloads[1]["idempotency_key"]
    assert payloads[0]["created"].endswith(("Z", "+00:00"))


@pytest.mark.parametrize("status", [200, 202, 204, 299])
def test_any_2xx_answer_is_acceptance(status):
    with recorder() as got:
        got.status = status
        hooks, [handle] = targets_of(Chat("discord", got.base + "/api/webhooks/1/x"))
        hooks.send(handle, Message("t", "b"))
    assert len(got.seen) == 1


@pytest.mark.parametrize("status", [300, 400, 429, 503])
def test_any_other_answer_is_a_delivery_error_naming_the_target_and_status(status):
    with recorder() as got:
        got.status = status
        hooks, [handle] = targets_of(Chat("discord", got.base + "/api/webhooks/1/secret-part"))
        with pytest.raises(DeliveryError) as caught:
            hooks.send(handle, Message("t", "b"))
    assert str(caught.value) == f"discord {got.base}/… answered HTTP {status}"


def test_an_unreachable_target_is_a_delivery_error_naming_the_failure_not_the_url():
    with refused_port() as port:
        hooks, [handle] = targets_of(Chat("slack", f"http://127.0.0.1:{port}/services/T0/B0/token-part"))
        with pytest.raises(DeliveryError) as caught:
            hooks.send(handle, Message("t", "b"))
    assert str(caught.value) == f"slack http://127.0.0.1:{port}/…: ConnectError"


def test_labels_hide_the_path_and_user_and_name_the_chat_or_room():
    assert label_of(Webhook("https://user:pw@hooks.example/h/tok?x=1")) == "webhook https://hooks.example/…"
    assert label_of(Webhook("https://hooks.example/")) == "webhook https://hooks.example"
    assert label_of(Chat("telegram", "https://api.telegram.org", chat_id="-1")) == (
        "telegram https://api.telegram.org chat -1"
    )
    assert label_of(Chat("matrix", "https://m.example", room="!r:m")) == "matrix https://m.example room !r:m"
    assert label_of(Chat("slack", "https://hooks.slack.example/services/x")) == "slack https://hooks.slack.example/…"


def test_handles_tell_apart_every_chat_room_and_kind():
    base = "https://m.example"
    handles = {
        handle_of(Chat("matrix", base, room="!a:m")),
        handle_of(Chat("matrix", base, room="!b:m")),
        handle_of(Chat("telegram", base, chat_id="1")),
        handle_of(Chat("telegram", base, chat_id="2")),
        handle_of(Chat("slack", base)),
        handle_of(Webhook(base)),
    }
    assert len(handles) == 6
    assert handle_of(Chat("matrix", base, room="!a:m", token_env="X")) == handle_of(Chat("matrix", base, room="!a:m"))


def test_secrets_are_read_stripped_and_their_absence_says_where(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_TEST_SPACED", "  s3 \n")
    assert read_secret("MONITOR_TEST_SPACED", None) == b"s3"
    (tmp_path / "tok").write_text("\n file-secret \n")
    assert read_secret(None, str(tmp_path / "tok")) == b"file-secret"
    monkeypatch.setenv("MONITOR_TEST_BLANK", "  ")
    for env, file, message in [
        ("MONITOR_TEST_BLANK", None, "environment variable MONITOR_TEST_BLANK is not set or empty"),
        ("MONITOR_TEST_UNSET_NOWHERE", None, "environment variable MONITOR_TEST_UNSET_NOWHERE is not set"),
        (None, str(tmp_path / "missing"), f"cannot read {tmp_path / 'missing'}: FileNotFoundError"),
    ]:
        with pytest.raises(ValueError, match=message):
            read_secret(env, file)
    (tmp_path / "empty").write_text(" \n")
    with pytest.raises(ValueError, match="empty: write the secret in it"):
        read_secret(None, str(tmp_path / "empty"))


def test_a_target_whose_secret_is_missing_is_a_problem_at_its_line_and_is_not_sent_to(tmp_path):
    spec = Chat("telegram", "https://api.telegram.org", chat_id="1", token_file=str(tmp_path / "none"), line=7)
    hooks = HttpTargets({"ops": Target("ops", (), chat=spec)})
    [problem] = hooks.problems("config.toml")
    assert (problem.path, problem.line) == ("config.toml", 7)
    assert problem.message.startswith("[notify.targets.ops] chat: cannot read ")
    assert not hooks.knows(handle_of(spec))
