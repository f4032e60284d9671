"""A polite, bounded HTTP client for feeds.

Conditional GET with the stored validators (304 ends a poll), gzip, a size cap
counted on the *decoded* body (a gzip bomb stops at the cap: the body is inflated
here, never more than the cap at a time), a total deadline shared by every
redirect hop (a slow drip cannot hold a worker), only http/https on every
redirect hop, optionally only public addresses (``addresses``), and an honest
User-Agent.
"""

from __future__ import annotations

import functools
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from monitor import __version__
from monitor.errors import FeedGone, FetchError
from monitor.ingest.addresses import guarded_transport
from monitor.ingest.tls import deferred

USER_AGENT = f"monitor/{__version__} (news alerting daemon; +https://github.com/monitor-news/monitor)"
_REDIRECTS = {301, 302, 303, 307, 308}
_PERMANENT = {301, 308}


@dataclass(frozen=True, slots=True)
class Limits:
    timeout: float = 30.0  # seconds for the whole request, body included
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What a fetch brought back. ``body`` is None on 304 Not Modified."""

    status: int
    body: bytes | None
    etag: str | None
    last_modified: str | None
    moved_to: str | None = None  # set when a permanent redirect says the feed has a new URL
    max_age: float | None = None  # seconds the server says the body stays fresh


def make_client(
    limits: Limits = Limits(), transport: httpx.BaseTransport | None = None, *, allow_private: bool = True
) -> httpx.Client:
    """The shared client: one connection pool for every feed.

    ``allow_private=False`` refuses, at connect time, hosts resolving to private or
    loopback addresses. Proxies from the environment are then not used: a proxy
    would resolve the name itself, out of reach of the check.

    Its TLS context reads the trusted certificates at the first https request (``tls``).
    """
    verify = deferred()
    ours = transport is None
    if ours and not allow_private:
        transport = guarded_transport(verify=verify)
    # transport=None lets httpx build its own and mount the environment's proxies (HTTP(S)_PROXY).
    client = httpx.Client(
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        },
        timeout=_timeout(limits.timeout),
        follow_redirects=False,
        transport=transport,
        verify=verify,
    )
    if ours:  # the direct pool (a proxy's pool is another class, left as it is)
        client._transport._pool.__class__ = _KeepAssignedPool  # type: ignore[attr-defined]  # private seam, as guarded_transport's
    return client


def fetch(
    client: httpx.Client, url: str, etag: str | None = None, last_modified: str | None = None, limits: Limits = Limits()
) -> FetchResult:
    """GET ``url`` conditionally. Raises FetchError (FeedGone on 410); never returns a 4xx/5xx."""
    deadline = time.monotonic() + limits.timeout
    headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
    permanent = True  # a feed has moved only if every hop was a permanent redirect
    current = _checked(url)
    for _hop in range(limits.max_redirects + 1):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"timed out after {limits.timeout:g}s (redirects)")
        try:
            with _send(client, current, headers, deadline) as response:
                if response.status_code in _REDIRECTS:
                    permanent = permanent and response.status_code in _PERMANENT
                    location = response.headers.get("location", "").strip()
                    if not location:
                        raise FetchError(f"HTTP {response.status_code} redirect without a Location header")
                    current = _checked(urljoin(current, location))
                    continue
                _raise_for_status(response)
                # A 304 is read to its (empty) end too: a response closed unread closes its
                # connection, and the next poll of the host would open a new one.
                body = _read_capped(response, limits, deadline)
                return FetchResult(
                    status=response.status_code,
                    body=None if response.status_code == 304 else body,
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                    moved_to=current if permanent and current != url else None,
                    max_age=_max_age(response.headers),
                )
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out after {limits.timeout:g}s ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {_clean(str(exc))}") from exc
    raise FetchError(f"more than {limits.max_redirects} redirects")


@contextmanager
def _send(client: httpx.Client, url: str, headers: dict[str, str], deadline: float) -> Iterator[httpx.Response]:
    """One GET through the client's transport (or its proxy for ``url``), response streamed.

    ``client.stream`` costs about twice as much CPU per request as the transport itself
    (measured: ~430 vs ~250 us for a 304 on one core) in layers a feed fetch does not
    use: merging base URL, parameters and cookies, auth, redirect hooks, and a cookie jar
    that every response is fed to. Redirects are followed by ``fetch`` itself, and a
    feed poller has no business keeping cookies across feeds (a tracker's or a
    consent wall's) in one shared jar: none are sent or kept.
    """
    request = httpx.Request("GET", _url(url), headers={**client.headers, **headers})
    response = _handle(client, request, deadline)
    try:
        yield response
    finally:
        response.close()


# A GET sent on a kept-alive connection the server (or another thread's pool pass) had closed fails
# so, at once. httpx retries only connects; a GET is safe to send once more. A server that took the GET
# and dropped it later, or answered garbage, is not asked twice: only a failure within _STALE_WITHIN.
_STALE = (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)
_STALE_WITHIN = 1.0  # seconds


def _handle(client: httpx.Client, request: httpx.Request, deadline: float) -> httpx.Response:
    """Send ``request`` (a GET, response streamed) within ``deadline``; once more if it failed at once."""
    # httpx's own choice of transport or proxy, by URL. Private: pyproject pins httpx below the next
    # minor version and tests/test_fetch_client.py fails on an httpx without it.
    route = getattr(client, "_transport_for_url", None)
    for attempt in (1, 2):
        sent = time.monotonic()
        request.extensions["timeout"] = _timeout(max(deadline - sent, 0.001)).as_dict()
        try:
            if route is None:  # not in this httpx: the public path, slower
                return client.send(request, stream=True)
            response = route(request.url).handle_request(request)
            response.request = request
            return response
        except _STALE:
            failed = time.monotonic()
            if attempt == 2 or failed - sent > _STALE_WITHIN or failed >= deadline:
                raise
    raise AssertionError("unreachable")


class _KeepAssignedPool(httpcore.ConnectionPool):
    """httpcore's pool, except that it never closes a connection it has handed to a request.

    httpcore 1.0.9 (encode/httpcore#1110) hands an idle connection to a waiting request,
    which stays idle until that request's thread runs; meanwhile another thread's pass can
    close it as expired (keep-alive 5 s) or surplus, *after* the request started on it:
    the read then fails with "Bad file descriptor" or hangs to its timeout. Seen under
    load (threads descheduled for seconds): 8 such errors in ~28,000 fetches of 40 threads
    sharing one client (load ~12 on 2 cores), none with this pool.
    """

    def _assign_requests_to_connections(self) -> list[httpcore.ConnectionInterface]:
        closing = super()._assign_requests_to_connections()
        assigned = {id(r.connection) for r in self._requests if r.connection is not None}
        kept = [c for c in closing if id(c) in assigned]
        self._connections.extend(kept)  # its request uses (or, if closed meanwhile, re-queues) it
        return [c for c in closing if id(c) not in assigned]


@functools.lru_cache(maxsize=2048)
def _url(url: str) -> httpx.URL:
    """httpx.URL(url), parsed once per feed URL (immutable): parsing was a tenth of a fetch's CPU."""
    return httpx.URL(url)


def _timeout(seconds: float) -> httpx.Timeout:
    return httpx.Timeout(seconds, connect=min(10.0, seconds))


def _checked(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"refusing {parts.scheme or 'scheme-less'} URL: only http and https are fetched")
    return url


def _raise_for_status(response: httpx.Response) -> None:
    status = response.status_code
    if status < 400:
        return
    if status == 410:
        raise FeedGone("HTTP 410 Gone: the feed was removed", status=status)
    retry_after = _retry_after(response.headers.get("retry-after"))
    raise FetchError(f"HTTP {status} {response.reason_phrase}".strip(), status=status, retry_after=retry_after)


def _read_capped(response: httpx.Response, limits: Limits, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes and "content-encoding" not in response.headers:
        raise FetchError(f"body of {int(declared):,} bytes exceeds the {limits.max_bytes:,}-byte cap")
    inflate = _inflater(response.headers)
    chunks: list[bytes] = []
    size = 0
    try:
        # Raw bytes, inflated here: httpx inflates without an output bound, so one
        # 64 kB read of a gzip bomb would become 64 MB, and "gzip, gzip" 64 GB.
        for raw in response.iter_raw():
            for chunk in inflate(raw, limits.max_bytes - size + 1):
                size += len(chunk)
                if size > limits.max_bytes:
                    raise FetchError(f"body exceeds the {limits.max_bytes:,}-byte cap (after decompression)")
                chunks.append(chunk)
            if time.monotonic() > deadline:
                raise FetchError(f"body still arriving after {limits.timeout:g}s: gave up")
        chunks.append(inflate.flush())
    except zlib.error as exc:
        raise FetchError(f"corrupt compressed body ({exc})") from exc
    return b"".join(chunks)


class _Inflater:
    """Inflates gzip or deflate data ("" passes data through), at most ``room`` bytes per call."""

    def __init__(self, coding: str = ""):
        self.coding = coding
        # wbits 32+: zlib or gzip header, detected; raw deflate is tried on a first error.
        self.inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)
        self.started = False

    def __call__(self, data: bytes, room: int) -> list[bytes]:
        if not self.coding:
            return [data]
        try:
            out = [self.inflater.decompress(data, room)]
        except zlib.error:
            if self.started or self.coding != "deflate":
                raise
            self.inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # servers that send raw deflate
            out = [self.inflater.decompress(data, room)]
        self.started = True
        while self.inflater.unconsumed_tail and (left := room - sum(map(len, out))) > 0:
            out.append(self.inflater.decompress(self.inflater.unconsumed_tail, left))
        return out

    def flush(self) -> bytes:
        return self.inflater.flush() if self.coding and not self.inflater.unconsumed_tail else b""


def _inflater(headers: httpx.Headers) -> _Inflater:
    codings = [c.strip().lower() for c in headers.get_list("content-encoding", split_commas=True)]
    codings = [c for c in codings if c and c != "identity"]
    if not codings:
        return _Inflater()
    if len(codings) > 1 or codings[0] not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(f"unsupported Content-Encoding {', '.join(codings)!r}: only gzip or deflate, once")
    return _Inflater(codings[0])


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _max_age(headers: httpx.Headers) -> float | None:
    """Seconds the body stays fresh: Cache-Control max-age, else Expires minus Date (RFC 9111 4.2.1)."""
    for part in headers.get("cache-control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name.lower() == "max-age" and value.strip().isdigit():
            return float(value)
    try:
        expires = parsedate_to_datetime(headers.get("expires", ""))
        date = parsedate_to_datetime(headers["date"]).timestamp() if "date" in headers else time.time()
    except (TypeError, ValueError, IndexError):
        return None  # RFC 9111: an invalid Expires (often "0" or "-1") means already stale
    return max(0.0, expires.timestamp() - date)


class HostSlots:
    """At most ``per_host`` fetches under way against one host, whatever the global limit."""

    def __init__(self, per_host: int = 2):
        self.per_host = per_host
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}

    @contextmanager
    def slot(self, url: str) -> Iterator[None]:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            semaphore = self._slots.setdefault(host, threading.BoundedSemaphore(self.per_host))
        with semaphore:
            yield


def _clean(message: str) -> str:
    """httpx messages can be long and multi-line; keep one readable line."""
    return " ".join(message.split())[:300]
