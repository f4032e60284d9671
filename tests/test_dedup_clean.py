"""Text as the copy carries it: wrapping recognised by shape, spellings folded, and the stored
signature format (older blobs are recomputed, never misread)."""

from __future__ import annotations

import pytest

from monitor.dedup.clean import BYLINE, DATELINE, TRUNCATED, clean, spelling
from monitor.text import script_tokens, without_spaces


@pytest.mark.parametrize(
    ("body", "text", "flags"),
    [
        ("ASHGABAT, Dec 2 (Global Wire) - Talks went on.", "Talks went on.", DATELINE),
        ("Kabul, Dec. 2 (Reuters) - Talks went on.", "Talks went on.", DATELINE),
        ("NEW YORK — Stocks fell.", "Stocks fell.", DATELINE),
        ("BERLIN (dpa) – Stocks fell.", "Stocks fell.", DATELINE),
        ("МОСКВА, 3 марта. /ТАСС/. Россия признала.", "Россия признала.", DATELINE),
        ("【ワシントン共同】米国は", "米国は", DATELINE),
        ("By Ann Lee | World Desk\nKABUL — Talks.", "Talks.", BYLINE | DATELINE),
        ("By Ann Lee, Global Wire\nTalks.", "Talks.", BYLINE),
        ("By Steppe Courier staff\nTalks.", "Talks.", BYLINE),
        ("By Ann Lee KABUL, Dec 2 (Reuters) - Talks.", "Talks.", BYLINE | DATELINE),
        ("Talks went on in Kabul.The next day, more.", "Talks went on in Kabul.\nThe next day, more.", 0),
        ("Talks went on. … Read More", "Talks went on", TRUNCATED),
        ("Talks went on. [&#8230;]", "Talks went on", TRUNCATED),
        ("Talks went on.\nContinue reading", "Talks went on", TRUNCATED),
        ("Talks went on. The post Talks appeared first on Daily.", "Talks went on", TRUNCATED),
        ("Talks went on and the minister pres…", "Talks went on and the minister", TRUNCATED),
        ("Talks went on.\nSource link\nCopyright 2026 X. All rights reserved.", "Talks went on.", 0),
        ("Talks went on.\nWed, 05/29/2024 - 04:27", "Talks went on.", 0),
        ("Afghanistan&#8217;s &ldquo;talks&rdquo;.", 'Afghanistan\'s "talks".', 0),  # escaped twice on the way
    ],
)
def test_wrapping_is_recognised_by_its_shape(body, text, flags):
    assert clean(body) == (clean(body).__class__(text, flags))


@pytest.mark.parametrize(
    "body",
    [
        "By the end of the year, prices rose.",  # "By" opening a sentence is no byline
        "Kabul is calm: residents said so.",  # a colon after words is no dateline
        "The United States said on Monday.",
    ],
)
def test_sentences_that_look_like_wrapping_are_kept(body):
    assert clean(body).text == body and clean(body).flags == 0


def test_us_and_uk_spellings_fold_to_one_form():
    pairs = [
        ("recognised", "recognized"),
        ("analyse", "analyze"),
        ("labour", "labor"),
        ("defence", "defense"),
        ("catalogue", "catalog"),
        ("travelled", "traveled"),
        ("centre", "center"),
    ]
    for uk, us in pairs:
        assert spelling(uk) == spelling(us), (uk, us)
    assert spelling("hour") == "hour" and spelling("four") != spelling("for")


def test_one_script_table_serves_tokens_and_rules():
    """Thai is written without spaces for dedup exactly as for rules (issue 12)."""
    assert without_spaces("ไ") and without_spaces("タ") and not without_spaces("a")
    assert script_tokens("ไทย abc") == ["ไ", "ท", "ย", "abc"]
