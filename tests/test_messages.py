"""Messages and delivery settings: templates per style, apprise's limits, config validation."""

from __future__ import annotations

import socket
import threading
from datetime import UTC, datetime, timedelta

import pytest
from conftest import run_cli, write_config
from delivery_support import ZEBRA_RULE, Clock, cycle, story_feed

from monitor.config import load_config
from monitor.errors import DeliveryError
from monitor.models import Entry, Message, Target
from monitor.outbox.render import BODY_LIMIT, TITLE_LIMIT, AlertView, Templates
from monitor.outbox.targets import Notifier

NOON = datetime(2025, 7, 3, 12, 0, tzinfo=UTC)


def parts(message) -> dict[str, str]:
    return {
        part.get_content_type(): part.get_payload(decode=True).decode()
        for part in message.walk()
        if not part.is_multipart()
    }


def test_email_alerts_are_html_with_a_plain_text_part(tmp_path, feed_server, smtp_server):
    clock = Clock(NOON)
    feed_server.put("/zebra.xml", story_feed(1, clock.now - timedelta(hours=1)))
    config = write_config(tmp_path, [feed_server.url("/zebra.xml")], [smtp_server.url], rules=ZEBRA_RULE)

    assert cycle(config, clock).sent == 1

    message = smtp_server.messages[0]
    assert message["Subject"].startswith("[Zebra watch] Zebra sighting 0:")
    body = parts(message)
    assert set(body) == {"text/plain", "text/html"}
    html, text = body["text/html"], body["text/plain"]
    assert '<a href="https://zebra.example/0">Zebra sighting 0:' in html
    assert "<mark>zebra</mark>" in html  # the matched word, highlighted in the snippet
    assert "Outlet: Zebra" in html and "Also carried by: no other outlet yet" in html
    assert "https://zebra.example/0" in text and "Matched: Zebra" in text


def test_chat_alerts_are_short_markdown_with_the_stable_content(tmp_path, feed_server, json_receiver):
    clock = Clock(NOON)
    feed_server.put("/zebra.xml", story_feed(1, clock.now - timedelta(hours=1)))
    config = write_config(tmp_path, [feed_server.url("/zebra.xml")], [json_receiver.url], rules=ZEBRA_RULE)

    cycle(config, clock)

    (post,) = json_receiver.received
    assert post["title"].startswith("[Zebra watch] Zebra sighting 0:")
    lines = post["message"].splitlines()
    assert lines[0].startswith("**[Zebra sighting 0:") and lines[0].endswith("](https://zebra.example/0)**")
    assert lines[1] == "https://zebra.example/0"
    assert lines[2].startswith("Outlet: Zebra · 2025-07-03 11:00 UTC")
    assert lines[3] == "Matched: Zebra" and lines[4] == "Also carried by: no other outlet yet"
    assert "**zebra**" in lines[-1] and len(post["message"]) < 700


def test_custom_templates_replace_the_bundled_ones_file_by_file(tmp_path, feed_server, json_receiver):
    clock = Clock(NOON)
    feed_server.put("/zebra.xml", story_feed(1, clock.now - timedelta(hours=1)))
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "alert.md").write_text(
        "{% block title %}{{ rule }} ({{ severity }}){% endblock %}\n"
        "{% block body %}{{ title }} {{ link }} {{ outlets|join('+') }}{% endblock %}\n"
    )
    config = write_config(
        tmp_path,
        [feed_server.url("/zebra.xml")],
        [json_receiver.url],
        rules=ZEBRA_RULE,
        extra='templates = "templates"',
    )

    cycle(config, clock)

    (post,) = json_receiver.received
    assert post["title"] == "Zebra watch (normal)"
    assert post["message"].endswith("https://zebra.example/0 Zebra")


def test_a_broken_template_is_a_check_error_with_path_and_line(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "alert.txt").write_text(
        "{% block title %}{{ rule }}{% endblock %}\n{% block body %}\n{{ headline }}\n{% endblock %}\n"
    )
    config = write_config(tmp_path, [], ["console://"], extra='templates = "templates"')

    result = run_cli("--config", str(config), "check")

    assert result.returncode == 2
    assert f"{tmp_path / 'templates' / 'alert.txt'}:3: template alert.txt: 'headline' is undefined" in result.stderr


def test_messages_never_exceed_apprise_limits():
    entry = Entry("https://x.example/f", "X", "k", "https://x.example/1", "word " * 400, "", "zebra " * 50_000)
    views = [AlertView("Rule " * 100, "normal", entry, ("zebra",) * 3000, ("X",) * 10)] * 3
    templates = Templates()
    for style in ("email", "chat", "text"):
        alert = templates.alert(views[0], style)  # type: ignore[arg-type]
        digest = templates.digest(views * 100, style, "digest", "default")  # type: ignore[arg-type]
        assert len(alert.title) <= TITLE_LIMIT and len(alert.body) <= BODY_LIMIT
        assert len(digest.title) <= TITLE_LIMIT and len(digest.body) <= BODY_LIMIT
        assert alert.title.endswith("…") and "more not shown" in digest.body


def test_apprise_throttle_is_zero_by_default_and_configurable(tmp_path):
    assert _rates(Notifier({"default": Target("default", ("json://127.0.0.1:9/a",))})) == [0.0]
    config = write_config(tmp_path, [], ["json://127.0.0.1:9/a"], extra='throttle = "2s"')
    settings = load_config(config).notify
    assert _rates(Notifier(load_config(config).targets, throttle=settings.throttle)) == [2.0]


def _rates(notifier: Notifier) -> list[float]:
    return [server.request_rate_per_sec for box in notifier._servers.values() for server in box]


def test_delivery_settings_are_validated_with_path_and_line(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text(
        "[notify]\n"
        'urls = ["console://"]\n'
        'quiet = "22-7"\n'
        'timezone = "Mars/Olympus"\n'
        'digest = "0 25 * * *"\n'
        'burst = "lots"\n'
        "[notify.targets.pager]\n"
        'urls = ["console://"]\n'
        "max_attempts = 0\n"
        'quite = "22:00-07:00"\n'
    )

    result = run_cli("--config", str(config), "check")

    assert result.returncode == 2
    expected = [
        f"{config}:3: [notify].quiet: '22-7' is not a window",
        f"{config}:4: [notify].timezone: unknown time zone 'Mars/Olympus'",
        f"{config}:5: [notify].digest: '0 25 * * *' is not a cron schedule",
        f"{config}:6: [notify].burst: 'lots' is not a cap: write COUNT/DURATION",
        f"{config}:9: [notify.targets.pager].max_attempts: must be greater than zero",
        f"{config}:10: unknown key 'quite' in [notify.targets.pager] (did you mean 'quiet'?)",
    ]
    for line in expected:
        assert line in result.stderr, result.stderr


def test_targets_inherit_notify_settings_and_override_them(tmp_path):
    config = write_config(
        tmp_path,
        [],
        ["console://"],
        extra='quiet = "22:00-07:00"\ntimezone = "Europe/Berlin"\nmax_attempts = 5\n'
        '[notify.targets.pager]\nurls = ["console://"]\ntimezone = "America/New_York"\nmax_attempts = 3\n',
    )
    policies = load_config(config).notify.policies
    assert policies["default"].max_attempts == 5 and policies["pager"].max_attempts == 3
    assert policies["pager"].quiet is not None and policies["pager"].quiet.tz.key == "America/New_York"
    assert policies["pager"].quiet_at(datetime(2025, 7, 4, 3, 0, tzinfo=UTC))  # 23:00 in New York
    assert not policies["default"].quiet_at(datetime(2025, 7, 4, 6, 0, tzinfo=UTC))  # 08:00 in Berlin
    assert policies["default"].burst is None  # burst control is off unless configured


def test_apprise_retries_are_off_so_the_outbox_decides(json_receiver):
    """One send is one request: a refusal goes back to the outbox, which retries with backoff.

    Checked at a real receiver, not through apprise's attributes (the old test read apprise's
    own defaults with ``getattr(..., 0)``, which any apprise version would pass).
    Mutation tried: ``server.retry = 2`` in ``services.instantiate``: 3 requests, this fails.
    """
    json_receiver.fail = True
    notifier = Notifier({"default": Target("default", (json_receiver.url,))})
    [delivery] = notifier.deliveries("r", [])

    with pytest.raises(DeliveryError, match="did not accept the alert"):
        notifier.send(delivery.url_id, Message("title", "body"))

    assert json_receiver.attempts == 1


def test_a_target_that_never_answers_fails_the_send_instead_of_hanging():
    """apprise's read timeout (4 s for HTTP services, kept: docs/delivery.md) ends a send to a
    server that accepts the connection and never answers; the outbox then retries later.

    Mutation tried: ``server.socket_read_timeout = None`` in ``services.instantiate``: the
    send hangs and this fails at the 60 s join.
    """
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # the kernel completes the handshake; no one ever reads or answers
        port = silent.getsockname()[1]
        notifier = Notifier({"default": Target("default", (f"json://127.0.0.1:{port}/hook",))})
        [delivery] = notifier.deliveries("r", [])
        errors: list[Exception] = []

        def send() -> None:
            try:
                notifier.send(delivery.url_id, Message("title", "body"))
            except DeliveryError as exc:
                errors.append(exc)

        sender = threading.Thread(target=send, daemon=True)
        sender.start()
        sender.join(timeout=60)
        assert not sender.is_alive(), "the send to a silent server did not time out"
    assert len(errors) == 1 and "did not accept the alert" in str(errors[0])
