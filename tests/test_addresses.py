"""``[polling].allow_private = false``: checked where sockets open, every hop, no rebinding."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import run_cli, serve_outlets, write_config
from delivery_support import ZEBRA_RULE

from monitor.errors import FetchError
from monitor.ingest.addresses import GuardedBackend, guarded_transport, is_public
from monitor.ingest.fetch import fetch, make_client


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:4700::6810:84e5", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("::1", False),
        ("fe80::1%eth0", False),
        ("fd00::1", False),
        ("::ffff:127.0.0.1", False),  # IPv4-mapped loopback
        ("224.0.0.1", False),
    ],
)
def test_is_public(address, public):
    assert is_public(address) is public


def test_loopback_feed_is_refused_at_connect(feed_server):
    [url] = serve_outlets(feed_server, ("outlet-a",))
    with make_client(allow_private=False) as client, pytest.raises(FetchError, match=r"refusing 127\.0\.0\.1"):
        fetch(client, url)
    assert feed_server.hits == {}  # refused before any byte left


def test_every_redirect_hop_is_checked(feed_server):
    """A permitted first hop redirecting to a forbidden address is refused at the second hop."""
    port = feed_server.httpd.server_address[1]
    feed_server.route(
        "/hop",
        lambda h: (
            h.send_response(302),
            h.send_header("Location", f"http://127.0.0.2:{port}/x"),
            h.send_header("Content-Length", "0"),
            h.end_headers(),
        ),
    )
    backend = GuardedBackend(allowed=lambda ip: ip == "127.0.0.1")
    with (
        make_client(transport=guarded_transport(backend)) as client,
        pytest.raises(FetchError, match=r"refusing 127\.0\.0\.2"),
    ):
        fetch(client, feed_server.url("/hop"))
    assert feed_server.hits == {"/hop": 1}


def test_connects_to_the_checked_address_never_resolving_again(feed_server):
    """DNS rebinding: the name is resolved once; the socket goes to that checked address."""
    [url] = serve_outlets(feed_server, ("outlet-a",))
    answers = iter([["127.0.0.1"]])  # a second lookup would raise StopIteration
    backend = GuardedBackend(allowed=lambda ip: ip == "127.0.0.1", resolver=lambda host, port: next(answers))
    name_only = url.replace("127.0.0.1", "feeds.rebind.invalid")  # unresolvable by real DNS
    with make_client(transport=guarded_transport(backend)) as client:
        assert fetch(client, name_only).status == 200


def test_a_name_with_any_private_answer_is_refused(feed_server):
    backend = GuardedBackend(resolver=lambda host, port: ["93.184.215.14", "127.0.0.1"])
    with (
        make_client(transport=guarded_transport(backend)) as client,
        pytest.raises(FetchError, match=r"refusing twofaced\.invalid \(127\.0\.0\.1\)"),
    ):
        fetch(client, "http://twofaced.invalid/feed")


def test_config_key_reaches_the_fetcher(tmp_path, feed_server, json_receiver):
    urls = serve_outlets(feed_server, ("outlet-a",))
    config = write_config(
        tmp_path, urls, [json_receiver.url], extra="[polling]\nallow_private = false", rules=ZEBRA_RULE
    )

    result = run_cli("--config", str(config), "run", "--once")

    assert result.returncode == 0
    assert "refusing 127.0.0.1" in result.stderr and "allow_private is false" in result.stderr
    with sqlite3.connect(tmp_path / "state.db") as conn:
        assert conn.execute("SELECT status FROM feeds").fetchone()[0] == "failing"
    assert feed_server.hits == {}


def test_allow_private_must_be_a_boolean(tmp_path):
    config = write_config(
        tmp_path, ["https://a.example/rss"], ["console://"], extra='[polling]\nallow_private = "no"', rules=ZEBRA_RULE
    )
    result = run_cli("--config", str(config), "check")
    assert result.returncode == 2
    assert f"{config}:8: [polling].allow_private: expected true or false" in result.stderr


def test_check_warns_when_others_can_read_credentials(tmp_path):
    config = write_config(
        tmp_path, ["https://a.example/rss"], ["json://user:hunter2@example.com/hook"], rules=ZEBRA_RULE
    )
    assert "warning" not in run_cli("--config", str(config), "check").stderr  # 0600

    config.chmod(0o644)
    result = run_cli("--config", str(config), "check")

    assert result.returncode == 0
    assert f"{config}: warning: other users can read this file (mode 0644)" in result.stderr
    assert f"chmod 600 {config}" in result.stderr
    assert "hunter2" not in result.stdout + result.stderr


def test_check_does_not_warn_without_credentials(tmp_path):
    config = write_config(tmp_path, ["https://a.example/rss"], ["console://"], rules=ZEBRA_RULE)
    config.chmod(0o644)
    assert "warning" not in run_cli("--config", str(config), "check").stderr


def test_check_counts_only_target_urls_that_carry_a_secret(tmp_path):
    """Issue 18 item 4: three URLs without a user, password or token used to count as three "with credentials"."""
    plain = ["json://127.0.0.1:18082/", "json://127.0.0.1:18083/hook", "mailto://127.0.0.1:25?from=m@example.com"]
    config = write_config(tmp_path, ["https://a.example/rss"], plain, rules=ZEBRA_RULE)
    config.chmod(0o644)
    result = run_cli("--config", str(config), "check")
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr

    secret = [*plain, "tgram://123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/12345"]  # a bot token apprise masks
    config = write_config(tmp_path, ["https://a.example/rss"], secret, rules=ZEBRA_RULE)
    config.chmod(0o644)
    result = run_cli("--config", str(config), "check")
    assert "holds 1 URL with credentials" in result.stderr, result.stderr
    assert "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw" not in result.stdout + result.stderr
