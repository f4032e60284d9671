"""The hostile feeds, grouped by the ``run --once`` process they share.

Large bodies are generated while they are sent, never stored. Each case names the
state its feed must end in and the phrase of its one log line.
"""

from __future__ import annotations

import functools
import gzip
import ssl
import struct
import time
import zlib
from contextlib import ExitStack
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from conftest import refused_port
from harness import Case, Handler, Run, item, reply, rss

from monitor.demo.feedserver import FeedServer
from monitor.ingest.parse import MAX_ENTRIES

PASSWD_LINE = Path("/etc/passwd").read_text().splitlines()[0].encode()  # "root:x:0:0:..."
MiB = 1024 * 1024


def stream(status: int, chunks: object, content_type: str = "application/rss+xml", **headers: str) -> Handler:
    """A handler sending ``chunks`` (an iterable of bytes, made lazily) until the client hangs up."""

    def handle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        for name, value in headers.items():
            request.send_header(name.replace("_", "-"), value)
        if "Content_Length" not in headers:
            request.send_header("Connection", "close")  # the body ends when the connection does
            request.close_connection = True
        request.end_headers()
        try:
            for chunk in chunks() if callable(chunks) else chunks:  # type: ignore[operator,attr-defined]
                request.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up: that is the point

    return handle


def zeros(total: int, size: int = 64 * 1024):  # type: ignore[no-untyped-def]
    for _ in range(total // size):
        yield b"\0" * size


@functools.cache
def gzip_bomb(unpacked: int, layers: int = 1) -> bytes:
    """A valid gzip stream of ``unpacked`` zero bytes (multiple of 1 MiB), gzipped ``layers`` times.

    One fully flushed deflate block of 1 MiB of zeros, repeated: 1 GiB takes ~1 MB,
    made in a fraction of a second (compressing 1 GiB takes seconds).
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = packer.compress(bytes(MiB)) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(unpacked // MiB):
        crc = zlib.crc32(bytes(MiB), crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    data = header + block * (unpacked // MiB) + packer.flush() + struct.pack("<II", crc, unpacked & 0xFFFFFFFF)
    for _ in range(layers - 1):
        data = gzip.compress(data, 9)
    return data


def redirect(to: str) -> Handler:
    return reply(302, Location=to)


def chain(server: FeedServer, length: int) -> str:
    """/chain/0 redirects to /chain/1 ... up to a feed at /chain/LENGTH."""
    for hop in range(length):
        server.route(f"/chain/{hop}", redirect(f"/chain/{hop + 1}"))
    server.put(f"/chain/{length}", rss(item("End of the chain", guid="end")))
    return server.url("/chain/0")


def never_answers(request: BaseHTTPRequestHandler) -> None:
    request.release.wait(60)  # type: ignore[attr-defined]


def slow_drip(request: BaseHTTPRequestHandler) -> None:
    def drip():  # type: ignore[no-untyped-def]
        yield b"<?xml version='1.0'?><rss><channel><title>drip</title>"
        while not request.release.is_set():  # type: ignore[attr-defined]
            time.sleep(0.2)
            yield b"<!-- . -->"

    stream(200, drip)(request)


def tls_server(server: FeedServer, stack: ExitStack) -> str:
    """An HTTPS feed with a certificate from a CA nobody trusts: a TLS failure."""
    import trustme

    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    secure = FeedServer()
    secure.put("/feed.xml", rss(item("Canary over TLS", guid="tls")))
    secure.httpd.socket = context.wrap_socket(secure.httpd.socket, server_side=True)
    stack.enter_context(secure)
    return secure.url("/feed.xml").replace("http://", "https://")


# --- checks on runs -------------------------------------------------------------


def no_passwd(run: Run, case: Case) -> None:
    assert PASSWD_LINE not in run.everything(), "contents of /etc/passwd leaked"


def entities_unexpanded(reference: str, expansion: bytes) -> object:
    """The entry's title is the entity reference as written (repeated, clipped), and the text
    the entity would expand to is nowhere in the run's output, log or database.

    ``len(title) <= 2000`` could not fail: parsing clips every title to 2,000 characters.
    Mutation tried: expanding the entity before parsing (in ``parse_feed``,
    ``document.replace(b"&lol9;", b"lol" * 10**5)``): the old check passed, this one fails.
    """

    def check(run: Run, case: Case) -> None:
        [entry] = run.entries(case.name)
        title = entry["title"]
        assert title and title == (reference * (len(title) // len(reference) + 1))[: len(title)], title[:80]
        assert expansion not in run.everything(), f"{expansion[:20]!r} found: the entity was expanded"
        no_passwd(run, case)

    return check


def entry_count(expected: int) -> object:
    def check(run: Run, case: Case) -> None:
        assert len(run.entries(case.name)) == expected

    return check


def no_dtd_fetched(run: Run, case: Case) -> None:
    assert run.server is not None and run.server.hits.get("/evil.dtd", 0) == 0
    entities_unexpanded("&remote;", PASSWD_LINE)(run, case)  # type: ignore[operator]


def many_entries(run: Run, case: Case) -> None:
    assert len(run.entries(case.name)) == MAX_ENTRIES
    [line] = run.log_lines(case.name)
    assert f"only the first {MAX_ENTRIES} entries read, {100_000 - MAX_ENTRIES} more ignored" in line


def bounded_content(run: Run, case: Case) -> None:
    [entry] = run.entries(case.name)
    assert entry["title"] == "One enormous entry"
    assert 100_000 < len(entry["summary"]) <= 200_000


def odd_dates(run: Run, case: Case) -> None:
    published = sorted(str(e["published"]) for e in run.entries(case.name))
    assert published == ["0001-01-01T00:00:00+00:00"] * 2 + ["9999-12-31T23:59:59+00:00"]


def text_is(expected: str) -> object:
    def check(run: Run, case: Case) -> None:
        [entry] = run.entries(case.name)
        assert entry["title"] == expected

    return check


# --- the cases ------------------------------------------------------------------

LAUGHS = (
    "<?xml version='1.0'?>\n<!DOCTYPE rss [\n<!ENTITY lol 'lol'>\n"
    + "".join(f"<!ENTITY lol{i} '{(f'&lol{i - 1};' if i else '&lol;') * 10}'>\n" for i in range(10))
    + "]>\n"
    + rss(item("&lol9;", guid="laughs")).split("\n", 1)[1]
)
# feedparser keeps "safe" entities of a DOCTYPE; a second DOCTYPE used to slip past.
BIG_ENTITY = (
    "<?xml version='1.0'?>\n<!DOCTYPE a>\n<!DOCTYPE rss [\n<!ENTITY big '"
    + "A" * 10_000
    + "'>\n]>\n"
    + rss(item("&big;" * 9_000, guid="big")).split("\n", 1)[1]
)
XXE = (
    "<?xml version='1.0'?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>\n"
    + rss(item("&xxe;", guid="xxe", description="&xxe;")).split("\n", 1)[1]
)
# feedparser's encoding sniffer is cubic on a long first line starting with "<?".
PROLOG_REDOS = "<?" + "encoding='x' " * 20_000 + rss(item("Sniffer survived", guid="redos")).split("\n", 1)[1]


# feedparser looks attributes up by a linear scan: 200,000 on one element took hours.
MANY_ATTRIBUTES = rss("<item><title " + " ".join(f"a{n}='1'" for n in range(200_000)) + ">Crowded</title></item>")


def element_flood() -> object:
    """10 MB of empty elements in one entry: feedparser took 51 s and 450 MB on it."""
    yield b"<?xml version='1.0'?><rss version='2.0'><channel><title>flood</title><item><title>Flood"
    yield b"</title><description>"
    for _ in range(100):
        yield b"<x/>" * 25_000
    yield b"</description></item></channel></rss>"


def remote_dtd(server: FeedServer, stack: ExitStack) -> str:
    body = (
        f"<?xml version='1.0'?>\n<!DOCTYPE rss SYSTEM '{server.url('/evil.dtd')}'>\n"
        + rss(item("&remote;", guid="dtd")).split("\n", 1)[1]
    )
    server.put("/remote-dtd", body)
    return server.url("/remote-dtd")


def hundred_thousand() -> object:
    yield b"<?xml version='1.0'?><rss version='2.0'><channel><title>many</title>"
    for start in range(0, 100_000, 1000):
        yield "".join(item(f"Item {n}", guid=f"n{n}") for n in range(start, start + 1000)).encode()
    yield b"</channel></rss>"


def twenty_mb_entry() -> object:
    yield b"<?xml version='1.0'?><rss version='2.0'><channel><title>huge</title><item><title>One enormous entry"
    yield b"</title><guid>huge</guid><description>"
    paragraph = b"&lt;p&gt;" + b"words of an endless article " * 36 + b"&lt;/p&gt;"
    for _ in range(20 * MiB // len(paragraph)):
        yield paragraph
    yield b"</description></item></channel></rss>"


GROUPS: dict[str, tuple[list[Case], str]] = {
    "http-errors": (
        [
            Case("status-404", reply(404, b"gone fishing", "text/plain"), error="HTTP 404"),
            Case("status-410", reply(410), status="gone", error="HTTP 410 Gone"),
            Case("status-429", reply(429, Retry_After="120"), error="HTTP 429"),
            Case("status-500", reply(500, b"oops", "text/plain"), error="HTTP 500"),
            Case(
                "refused",
                url=lambda s, stack: f"http://127.0.0.1:{stack.enter_context(refused_port())}/feed.xml",
                error="Connection refused",
            ),
            Case("tls-untrusted", url=tls_server, error="CERTIFICATE_VERIFY_FAILED"),
            Case("redirect-loop", redirect("/redirect-loop"), error="more than 5 redirects"),
            Case("redirect-file", redirect("file:///etc/passwd"), error="refusing file URL"),
            Case("redirect-ftp", redirect("ftp://127.0.0.1/feed.xml"), error="refusing ftp URL"),
            Case("redirect-gopher", redirect("gopher://127.0.0.1/1/feed"), error="refusing gopher URL"),
            Case("redirect-chain", url=lambda s, _: chain(s, 8), error="more than 5 redirects"),
            Case("redirect-no-location", reply(301), error="redirect without a Location"),
        ],
        "",
    ),
    "broken-content": (
        [
            Case(
                "html-page", reply(200, b"<!doctype html><html><body>Hi</body></html>", "text/html"), error="not an RSS"
            ),
            Case("empty-200", reply(200, b""), error="empty response body"),
            Case("body-is-path", reply(200, b"/etc/passwd", "text/plain"), error="not an RSS", check=no_passwd),
            Case("body-is-file-url", reply(200, b"file:///etc/passwd"), error="not an RSS", check=no_passwd),
            Case(
                "links-to-files",
                reply(200, rss("<item><title>Local</title><link>file:///etc/passwd</link></item>").encode()),
                status="ok",
                check=no_passwd,
            ),
            Case(
                "invalid-utf8",
                reply(200, rss(item("Caf\udce9 au lait crème", guid="u")).encode("utf-8", "surrogateescape")),
                status="ok",
                check=text_is("Café au lait crÃ¨me"),  # not UTF-8, so all of it is read as windows-1252
            ),
            Case(
                "wrong-encoding",
                reply(200, rss(item("Café au lait crème", guid="w")).encode("cp1252")),
                status="ok",
                check=text_is("Café au lait crème"),
            ),
            Case(
                "bare-entries",
                reply(200, rss("<item></item><item></item><item><description>only text</description></item>").encode()),
                status="ok",
                check=entry_count(2),
            ),
            Case(
                "odd-dates",
                reply(
                    200,
                    rss(
                        item("Far future", guid="f", description="x").replace(
                            "<description>", "<pubDate>Fri, 31 Dec 9999 23:59:59 +0000</pubDate><description>"
                        )
                        + item("Far past", guid="p").replace(
                            "<description>", "<pubDate>Mon, 01 Jan 0001 00:00:00 +0000</pubDate><description>"
                        )
                        + "<item><title>Atom style</title><guid>a</guid><dc:date>0001-01-01T00:00:00Z</dc:date></item>"
                    ).encode(),
                ),
                status="ok",
                check=odd_dates,
            ),
            Case(
                "duplicate-guids",
                reply(200, rss("".join(item(f"Copy {n}", guid="same") for n in range(3))).encode()),
                status="ok",
                check=entry_count(1),
            ),
            Case("xxe-passwd", reply(200, XXE.encode()), status="ok", check=entities_unexpanded("&xxe;", PASSWD_LINE)),
            Case("remote-dtd", url=remote_dtd, status="ok", check=no_dtd_fetched),
            Case("prolog-redos", reply(200, PROLOG_REDOS.encode()), status="ok", check=entry_count(1)),
            Case("many-attributes", reply(200, MANY_ATTRIBUTES.encode()), error="more than 64 attributes"),
            Case("element-flood", stream(200, element_flood), error="more than 250,000 tags"),
        ],
        "",
    ),
    "billion-laughs": (
        [
            Case(
                "billion-laughs",
                reply(200, LAUGHS.encode()),
                status="ok",
                check=entities_unexpanded("&lol9;", b"lollol"),
            )
        ],
        "",
    ),
    "large-entity": (
        [
            Case(
                "large-entity",
                reply(200, BIG_ENTITY.encode()),
                status="ok",
                check=entities_unexpanded("&big;", b"A" * 64),
            )
        ],
        "",
    ),
    "body-200mb": (
        [
            Case("body-200mb", stream(200, lambda: zeros(200 * MiB), Content_Length=str(200 * MiB)), error="exceeds"),
            Case("body-200mb-unannounced", stream(200, lambda: zeros(200 * MiB)), error="exceeds"),
        ],
        "",
    ),
    "gzip-bomb": (
        [
            Case(
                "gzip-bomb",
                stream(200, lambda: [gzip_bomb(1024 * MiB)], Content_Encoding="gzip"),
                error="after decompression",
            ),
            Case(
                "gzip-gzip-bomb",
                stream(200, lambda: [gzip_bomb(1024 * MiB, layers=2)], Content_Encoding="gzip, gzip"),
                error="unsupported Content-Encoding",
            ),
        ],
        "",
    ),
    "slow": (
        [
            Case("slow-drip", slow_drip, error="after 2s"),
            Case("never-answers", never_answers, error="timed out after 2s"),
        ],
        'timeout = "2s"',
    ),
    "entries-100k": ([Case("entries-100k", stream(200, hundred_thousand), status="ok", check=many_entries)], ""),
    "entry-20mb": (
        [Case("entry-20mb", stream(200, twenty_mb_entry), status="ok", check=bounded_content, max_rss_mb=400)],
        'max_bytes = "32MB"',
    ),
}
