"""The feed client's TLS context reads its trusted certificates at the first handshake, and verifies as httpx would."""

from __future__ import annotations

import ssl
from collections.abc import Iterator

import pytest
import trustme

from monitor.demo.feedserver import FeedServer
from monitor.errors import FetchError
from monitor.ingest.fetch import fetch, make_client
from monitor.ingest.tls import deferred

FEED = b"<rss version='2.0'><channel><title>Over TLS</title></channel></rss>"


@pytest.fixture
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def tls_feed(ca: trustme.CA) -> Iterator[str]:
    """An https feed on 127.0.0.1 whose certificate ``ca`` issued."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    with FeedServer() as server:
        server.put("/feed.xml", FEED)
        server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
        yield server.url("/feed.xml").replace("http://", "https://")


def _trusted(context: ssl.SSLContext) -> int:
    return context.cert_store_stats()["x509_ca"]


def test_a_new_context_trusts_nothing_yet_and_requires_a_verified_certificate():
    context = deferred()
    assert _trusted(context) == 0
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_plain_http_feeds_never_load_the_certificates(feed_server):
    feed_server.put("/a.xml", FEED)
    with make_client() as client:
        assert fetch(client, feed_server.url("/a.xml")).body == FEED
        context = client._transport._pool._ssl_context  # type: ignore[attr-defined]
        assert isinstance(context, ssl.SSLContext) and _trusted(context) == 0


def test_a_certificate_from_an_unknown_ca_is_refused_after_the_bundle_loads(tls_feed, monkeypatch):
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    with make_client() as client, pytest.raises(FetchError, match="CERTIFICATE_VERIFY_FAILED"):
        fetch(client, tls_feed)
    assert _trusted(client._transport._pool._ssl_context) > 0  # type: ignore[attr-defined]  # certifi's


def test_the_ca_named_by_ssl_cert_file_is_trusted_as_httpx_trusts_it(tls_feed, ca, tmp_path, monkeypatch):
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    with make_client() as client:
        assert fetch(client, tls_feed).body == FEED
