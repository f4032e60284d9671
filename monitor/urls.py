"""Canonical links: what makes two URLs for the same article compare equal. Pure."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from w3lib.url import safe_url_string

# Query parameters that identify a campaign or a click, never the article.
_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_", "oly_")
_TRACKING_NAMES = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "mkt_tok",
        "cmpid",
        "ocid",
        "ito",
        "ns_mchannel",
        "ns_source",
        "ns_campaign",
        "ref_src",
        "sr_share",
        "at_medium",
        "at_campaign",
        "rss",
        "feed",
        "from",
        "spm",
        "_ga",
        "__twitter_impression",
    }
)


def is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


def canonical_link(link: str, base: str = "") -> str:
    """Resolve ``link`` against ``base``, drop tracking parameters and the fragment.

    Returns "" for anything that is not an http(s) URL after resolution, so a feed
    cannot smuggle ``javascript:`` or ``file:`` links into an alert. Never carries
    a user or password.
    """
    link = (link or "").strip()
    if not link:
        return ""
    try:
        absolute = urljoin(base, link) if base and not _absolute(link, base) else link
        parts = urlsplit(safe_url_string(absolute))
        parts.port  # noqa: B018 - raises ValueError on a port out of range: refuse now, not later
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return ""
    # No user or password: a link resolved against a feed URL with credentials would
    # otherwise carry them into the database and every alert.
    netloc = parts.netloc.rpartition("@")[2].lower()
    return urlunsplit((scheme, netloc, parts.path or "/", _untracked(parts.query), ""))


def _absolute(link: str, base: str) -> bool:
    """Is ``urljoin(base, link)`` surely ``link`` itself? So for an http(s) link with a host and nothing ``urlparse``
    would rewrite (no ";?#", bracket, tab or line break; ASCII, so no host to check) against a base it cannot refuse
    (ASCII, no bracket): most feeds' links, and the join cost a third of a link's time.
    tests/test_urls_canonical.py checks the two agree."""
    scheme_end = 8 if link.startswith("https://") else 7 if link.startswith("http://") else 0
    return (
        scheme_end > 0
        and link[scheme_end : scheme_end + 1] not in ("", "/")
        and link.isascii()
        and base.isascii()
        and _REWRITTEN.isdisjoint(link)
        and "[" not in base
        and "]" not in base
    )


_REWRITTEN = frozenset(";?#[]\t\r\n")


def _untracked(query: str) -> str:
    """``query`` without tracking parameters, re-encoded. Most article links carry none: an empty query is
    its own answer, without the parse and the encoding (a fifth of a link's cost)."""
    if not query:
        return ""
    return urlencode([(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if not is_tracking(k)])


def has_password(url: str) -> bool:
    """True when ``url`` carries a password (``https://user:pass@host/``)."""
    try:
        return bool(urlsplit(url).password)
    except ValueError:
        return False


def redact(url: str) -> str:
    """``url`` without a user or password, for logs: feed URLs can carry credentials too."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(unparseable URL)"
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
