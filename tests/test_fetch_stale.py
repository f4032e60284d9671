"""Kept-alive connections that go away under a poll: a stale one is retried, an assigned one is never closed."""

from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler

import httpcore
import pytest

from monitor.errors import FetchError
from monitor.ingest.fetch import fetch, make_client

FEED = b"<rss version='2.0'><channel><title>A</title></channel></rss>"


def _one_per_connection(request: BaseHTTPRequestHandler) -> None:
    """Answers a connection's first request; drops the connection on its second, unanswered
    (a server closing an idle keep-alive connection just as the next GET arrives)."""
    served = getattr(request, "served", 0)
    request.served = served + 1  # type: ignore[attr-defined]  # one handler per connection
    if served:
        request.close_connection = True
        return
    request.send_response(200)
    request.send_header("Content-Length", str(len(FEED)))
    request.end_headers()
    request.wfile.write(FEED)


def test_a_get_on_a_connection_the_server_dropped_is_sent_again(feed_server):
    feed_server.route("/a.xml", _one_per_connection)
    with make_client() as client:
        bodies = [fetch(client, feed_server.url("/a.xml")).body for _ in range(3)]
    assert bodies == [FEED, FEED, FEED]
    assert feed_server.hits["/a.xml"] == 5  # 1, then (dropped + fresh) twice


def test_a_server_that_never_answers_a_second_time_still_fails(feed_server):
    def drop(request: BaseHTTPRequestHandler) -> None:
        request.close_connection = True

    feed_server.route("/a.xml", drop)
    with make_client() as client, pytest.raises(FetchError, match="RemoteProtocolError"):
        fetch(client, feed_server.url("/a.xml"))
    assert feed_server.hits["/a.xml"] == 2  # one retry, not a loop


def test_the_pool_keeps_an_expired_connection_it_handed_to_a_request(feed_server):
    """httpcore#1110: another thread's pass must not close a connection a waiting request holds."""
    feed_server.put("/a.xml", FEED)
    with make_client() as client:
        fetch(client, feed_server.url("/a.xml"))
        pool = client._transport._pool
        url = feed_server.url("/a.xml")
        request = httpcore.Request("GET", url, headers={"Host": url.split("/")[2]})
        waiting = httpcore._sync.connection_pool.PoolRequest(request)
        pool._requests.append(waiting)
        assert pool._assign_requests_to_connections() == []
        held = waiting.connection
        assert held is not None and held.is_idle()  # handed over, its thread not yet running
        held._connection._expire_at = 0.0  # its keep-alive ran out meanwhile (a loaded machine)
        assert pool._assign_requests_to_connections() == []  # the other thread's pass
        response = held.handle_request(request)
        assert b"".join(response.iter_stream()) == FEED
        response.close()
        pool._requests.remove(waiting)


def test_a_server_that_took_the_get_and_dropped_it_later_is_not_asked_twice(feed_server):
    def slow_drop(request: BaseHTTPRequestHandler) -> None:
        time.sleep(1.5)  # longer than a stale connection takes to fail (_STALE_WITHIN)
        request.close_connection = True

    feed_server.route("/a.xml", slow_drop)
    with make_client() as client, pytest.raises(FetchError, match="RemoteProtocolError"):
        fetch(client, feed_server.url("/a.xml"))
    assert feed_server.hits["/a.xml"] == 1


def test_the_environments_proxy_is_still_used(monkeypatch):
    """The pool seam keeps HTTP(S)_PROXY: httpx mounts it only when it builds its own transport."""
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    with make_client() as client:
        assert any(mount is not None for mount in client._mounts.values())
        assert type(client._transport._pool).__name__ == "_KeepAssignedPool"
    with make_client(allow_private=False) as client:  # a proxy would resolve names out of the guard's reach
        assert all(mount is None for mount in client._mounts.values())
