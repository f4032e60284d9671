"""The fast path: what it reads, what it leaves to feedparser, and that it resolves nothing external."""

from __future__ import annotations

from datetime import UTC, datetime

from monitor.ingest import fastparse
from monitor.ingest.parse import parse_feed, read_fast, read_with_feedparser

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://news.example/world/" xml:lang="de">
<title>W</title>
<entry><title>One</title><id>tag:news.example,2026:1</id><link href="story/1?utm_source=x"/>
<updated>2026-03-01T10:00:00+02:00</updated>
<content type="html">&lt;p&gt;Body &amp;amp; more&lt;/p&gt;</content></entry>
</feed>"""


def test_relative_links_resolve_against_xml_base_and_dates_are_aware_utc():
    (entry,) = parse_feed(ATOM, "http://feeds.example/w.xml").entries
    assert entry.link == "http://news.example/world/story/1"
    assert entry.published == datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    assert (entry.content or entry.summary) == "Body & more"
    assert entry.lang == "de"


def test_a_relative_link_without_xml_base_resolves_against_the_feed_url():
    rss = b"""<rss version="2.0"><channel><title>R</title>
    <item><title>T</title><link>/a/1</link><pubDate>Sun, 01 Mar 2026 10:00:00 +0100</pubDate></item></channel></rss>"""
    (entry,) = parse_feed(rss, "http://r.example/feed").entries
    assert entry.link == "http://r.example/a/1"
    assert entry.published == datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def test_what_the_fast_path_is_unsure_of_goes_to_feedparser():
    undeclared = b'<rss version="2.0"><channel><item><title>A&nbsp;B</title></item></channel></rss>'
    itunes = b"""<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
    <item><title>T</title><itunes:summary>S</itunes:summary></item></channel></rss>"""
    odd_date = (
        b'<rss version="2.0"><channel><item><title>T</title><pubDate>next Tuesday</pubDate></item></channel></rss>'
    )
    for body in (undeclared, itunes, odd_date, b'<feed xmlns="http://purl.org/atom/ns#"><entry/></feed>'):
        assert read_fast(body) is None, body
        assert parse_feed(body, "http://x.example/f").entries  # feedparser reads it


def test_entries_the_fast_path_cannot_see_send_the_feed_to_feedparser():
    # Items in RSS 0.90's namespace: the bytes hold an item, the fast path finds none.
    rdf = b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns="http://my.netscape.com/rdf/simple/0.9/"><item><title>T</title><link>http://x.example/1</link></item></rdf:RDF>"""
    assert read_fast(rdf) is None
    assert [e.title for e in parse_feed(rdf, "http://x.example/f").entries] == ["T"]
    assert read_with_feedparser(rdf).entries


def test_the_parser_resolves_no_entity_and_loads_no_dtd(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    # parse.defuse cuts any DOCTYPE first; the fast parser must not resolve one even when handed it.
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>'
    ).encode()
    read = fastparse.read(body)
    assert read is None or "TOP SECRET" not in str(read)
    assert "TOP SECRET" not in str(parse_feed(body, "http://x.example/f"))


RSS = b"""<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>R</title><link>http://r.example/</link>
<item><title>One</title><link>/a/1</link><guid>g1</guid><pubDate>Sun, 01 Mar 2026 10:00:00 +0100</pubDate>
<description>&lt;p&gt;First &amp;amp; only&lt;/p&gt;</description></item>
<item><title>Two</title><link>/a/2</link><guid>g2</guid><dc:date>2026-03-02T10:00:00Z</dc:date></item>
</channel></rss>"""


def _known(body: bytes) -> dict[bytes, str]:
    return {digest: key for key, digest in parse_feed(body, "http://r.example/feed").digests.items()}


def test_an_entry_element_known_unchanged_is_not_read_but_keeps_its_key_and_date(monkeypatch):
    whole = parse_feed(RSS, "http://r.example/feed")
    known = _known(RSS)
    read: list[object] = []
    fields = fastparse.Item.fields
    monkeypatch.setattr(fastparse.Item, "fields", lambda item: read.append(item) or fields(item))
    again = parse_feed(RSS, "http://r.example/feed", known=known)
    assert read == [] and again.entries == ()
    assert again.every_key() == whole.every_key() and again.every_date() == whole.every_date()
    edited = parse_feed(RSS.replace(b"First", b"Second"), "http://r.example/feed", known=known)
    assert [e.key for e in edited.entries] == ["guid:g1"] and len(read) == 1


def test_what_an_element_inherits_is_part_of_its_digest():
    known = _known(RSS)
    for changed in (
        RSS.replace(b"<channel>", b'<channel xml:base="http://elsewhere.example/">'),
        RSS.replace(b"<channel>", b'<channel xml:lang="de">'),
        RSS.replace(b"<link>http://r.example/</link>", b"<link>http://s.example/</link>"),  # the feed's base
    ):
        again = parse_feed(changed, "http://r.example/feed", known=known)
        assert len(again.entries) == 2 and again.unchanged == (), changed  # both read again
        assert again.entries == parse_feed(changed, "http://r.example/feed").entries


def test_a_new_entry_the_fast_path_is_unsure_of_sends_the_feed_to_feedparser_though_the_others_are_known():
    itunes = RSS.replace(b"<rss ", b'<rss xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" ').replace(
        b"</channel>", b"<item><title>Three</title><guid>g3</guid><itunes:summary>S</itunes:summary></item></channel>"
    )
    assert read_fast(itunes.split(b"?>")[-1]) is None
    again = parse_feed(itunes, "http://r.example/feed", known=_known(RSS))
    assert again.entries == parse_feed(itunes, "http://r.example/feed", readers=(read_with_feedparser,)).entries
    assert [e.key for e in again.entries] == ["guid:g1", "guid:g2", "guid:g3"]
