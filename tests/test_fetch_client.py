"""What fetch asks of the network: one connection per host kept open across polls, no cookies."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler

from monitor.ingest.fetch import fetch, make_client

FEED = b"<rss version='2.0'><channel><title>A</title></channel></rss>"


def _count_connections(feed_server) -> list[object]:  # type: ignore[no-untyped-def]
    accepted: list[object] = []
    process = feed_server.httpd.process_request

    def counting(request, address):  # type: ignore[no-untyped-def]
        accepted.append(address)
        process(request, address)

    feed_server.httpd.process_request = counting
    return accepted


def test_polls_that_answer_304_reuse_one_connection(feed_server):
    accepted = _count_connections(feed_server)
    feed_server.put("/a.xml", FEED)
    with make_client() as client:
        first = fetch(client, feed_server.url("/a.xml"))
        later = [fetch(client, feed_server.url("/a.xml"), first.etag, first.last_modified) for _ in range(3)]
    assert first.body == FEED and [r.status for r in later] == [304, 304, 304]
    assert [r.body for r in later] == [None, None, None]
    assert len(accepted) == 1


def test_cookies_are_neither_kept_nor_sent(feed_server):
    seen: list[str | None] = []

    def with_cookie(request: BaseHTTPRequestHandler) -> None:
        seen.append(request.headers.get("Cookie"))
        request.send_response(200)
        request.send_header("Set-Cookie", "session=abc; Path=/")
        request.send_header("Content-Length", str(len(FEED)))
        request.end_headers()
        request.wfile.write(FEED)

    feed_server.route("/c.xml", with_cookie)
    with make_client() as client:
        assert fetch(client, feed_server.url("/c.xml")).body == FEED
        assert fetch(client, feed_server.url("/c.xml")).body == FEED
        assert not client.cookies
    assert seen == [None, None]


def test_the_private_httpx_route_fetch_relies_on_is_there():
    # fetch._send calls httpx.Client._transport_for_url (half the CPU of client.send per request).
    # An httpx without it would silently take the slow path: pyproject pins httpx below 0.30;
    # raising that pin needs this check to pass, or fetch._send to change.
    import inspect

    import httpx

    client = make_client()
    try:
        route = getattr(client, "_transport_for_url", None)
        assert route is not None, f"httpx {httpx.__version__} has no Client._transport_for_url: see fetch._send"
        assert list(inspect.signature(route).parameters) == ["url"]
        assert isinstance(route(httpx.URL("http://127.0.0.1/feed")), httpx.BaseTransport)
    finally:
        client.close()
