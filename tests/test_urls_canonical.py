"""Canonical links (``monitor.urls.canonical_link``): tracking parameters and fragments dropped, the rest kept."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from monitor.urls import _absolute, canonical_link


@pytest.mark.parametrize(
    ("link", "base", "expected"),
    [
        ("https://Example.COM/a/b", "", "https://example.com/a/b"),
        ("HTTPS://example.com", "", "https://example.com/"),
        ("https://example.com/a?", "", "https://example.com/a"),  # an empty query is none
        ("https://example.com/a?#top", "", "https://example.com/a"),
        ("https://example.com/a?utm_source=rss&utm_medium=feed", "", "https://example.com/a"),
        ("https://example.com/a?id=7&fbclid=x#c", "", "https://example.com/a?id=7"),
        ("https://example.com/a?q=a b&flag", "", "https://example.com/a?q=a+b&flag="),  # kept, re-encoded
        ("/story?utm_campaign=z&page=2", "https://news.example/dir/", "https://news.example/story?page=2"),
        ("story", "https://news.example/dir/index.html?x=1", "https://news.example/dir/story"),
        ("https://user:secret@example.com/a", "", "https://example.com/a"),
        ("javascript:alert(1)", "https://news.example/", ""),
        ("https://example.com:99999/", "", ""),
        ("", "https://news.example/", ""),
    ],
)
def test_canonical_link(link: str, base: str, expected: str) -> None:
    assert canonical_link(link, base) == expected


LINKS = [
    "https://example.com/a/b-1",
    "http://example.com",
    "https://example.com/",
    "https://example.com:8080/x/../y/./z",
    "https://user:pw@example.com/a",
    "https:///no-host",
    "https://",
    "https://example.com/a;params",
    "https://example.com/a?",
    "https://example.com/a#",
    "https://[::1]/a",
    "https://example.com/a\tb",
    "https://exämple.com/a",
    "https://example.com/é",
    "HTTPS://example.com/a",
    "ftp://example.com/a",
    "https://example.com/a b",
    "https://example.com//double//slash",
    "https://example.com\\back",
]
BASES = [
    "https://news.example/dir/page",
    "http://news.example/",
    "HTTPS://NEWS.example",
    "feed://x/",
    "https://[bad/",
    "https://bäd.example/",
]


@pytest.mark.parametrize("base", BASES[:4])
def test_absolute_links_skip_only_joins_that_change_nothing(base: str) -> None:
    """``_absolute`` claims the join would return the link itself: where it does, ``urljoin`` agrees."""
    skipped = [link for link in LINKS if _absolute(link, base)]
    assert len(skipped) >= 5  # the fast path is taken for plain links
    assert [urljoin(base, link) for link in skipped] == skipped


@pytest.mark.parametrize("base", BASES[4:])
def test_a_base_the_join_may_refuse_is_always_joined(base: str) -> None:
    assert not any(_absolute(link, base) for link in LINKS)


@pytest.mark.parametrize("link", LINKS)
@pytest.mark.parametrize("base", BASES)
def test_canonical_link_as_with_the_join(link: str, base: str) -> None:
    """The fast path changes no canonical link: each is what resolving by ``urljoin`` first gives."""
    assert canonical_link(link, base) == _joined_first(link, base)


def _joined_first(link: str, base: str) -> str:
    """``canonical_link`` with every link joined to its base, as before the fast path."""
    try:
        joined = urljoin(base, link)
    except ValueError:
        return ""
    return canonical_link(joined)
