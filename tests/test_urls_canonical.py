"""Canonical links (``monitor.urls.canonical_link``): tracking parameters and fragments dropped, the rest kept."""

from __future__ import annotations

import pytest

from monitor.urls import canonical_link


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
