"""de86, v81 studied: a page's post sharing a desk's page, and a channel's link line, are the carrier's frame.

A page shares the desk's page: its comment and the address, then the preview card the network draws, the site's
host alone on a line, the page's title and its description (the first paragraph, cut). Read as text, the comment,
the address and the host outweighed a short description, and a card with no description was a new story titled by
the comment ("Worth a read 👇"), which the page writes over every post: two posts of one page looked like one story.
Read off (``social``), the card's title is the post's headline and its description its text; a post pointing at
the address of an entry of the story its text joins stays with that story whatever other desk wrote its headline
alike (``StoryIndex._points_into``). A channel's link line ("👉 https://…/snow-4816") is where to read the story:
its numbers are no facts of it. Through the real detector; our own reports.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dedup_support import decided, feed_entry

from monitor.dedup.social import unframed
from monitor.models import Entry

START = datetime(2034, 3, 6, 7, 0, tzinfo=UTC)
TITLE = "Storm keeps Agadir sardine fleet in port for third day"
REPORT = (
    "Some 240 fishing boats stayed in port in Agadir for a third day on Monday as strong winds and high seas "
    "swept the Souss coast.\n\n"
    "Sardine prices at the Anza market rose to 26 dirhams a kilo, from 11 dirhams last week, traders said.\n\n"
    "Port director Rachid Amellal said the boats could sail on Thursday if the wind dropped."
)
TWIN_TITLE = "Ferry operator adds third weekly Agadir sailing to Las Palmas"
TWIN = (
    "Ferry operator Ocenara Lines will add a third weekly crossing between Agadir and Las Palmas from April, "
    "sailing on Fridays.\n\n"
    "The overnight ferry will leave Agadir at 22:00 and reach Las Palmas at 08:00, spokesman Said Ouhammou said."
)
COMMENT = "Worth a read before you go 👇"


def _card(key: str, title: str, description: str = "") -> str:
    """A page's post: its comment and the shared address, then the card: host, title, description cut at 160."""
    cut = description.split("\n")[0][:157].rsplit(" ", 1)[0] + "…" if description else ""
    lines = [f"{COMMENT} https://{key}.example/{key}?utm_source=page", f"{key.upper()}.EXAMPLE", title, cut]
    return "\n".join(line for line in lines if line)


def _entry(key: str, outlet: str, body: str, hours: float, title: str) -> Entry:
    return feed_entry(key, outlet, body, START + timedelta(hours=hours), title)


def test_a_pages_link_preview_joins_the_story_it_shares_and_the_pages_comment_joins_nothing() -> None:
    """A card with its description, and one with none (its title alone), join the report they share; the page's
    next post, the same comment over the twin's card, joins the twin, not the report."""
    report, twin, described, titled, next_post = decided(
        [
            _entry("desk", "Souss Wire", REPORT, 0, TITLE),
            _entry("twin", "Souss Wire", TWIN, 0.5, TWIN_TITLE),
            _entry("post1", "Travellers (page)", _card("desk", TITLE, REPORT), 2, COMMENT),
            _entry("post2", "Other Travellers (page)", _card("desk", TITLE), 3, COMMENT),
            _entry("post3", "Travellers (page)", _card("twin", TWIN_TITLE), 4, COMMENT),
        ]
    )
    assert report.story_id is None and twin.story_id is None, twin.reason
    assert described.story_id == 1, described.reason
    assert titled.story_id == 1, titled.reason
    assert next_post.story_id == 2, next_post.reason


def test_a_post_pointing_at_its_story_stays_there_under_another_desks_headline() -> None:
    """Another desk's report of the happening titled as the page's card (a page may retitle its card): the card's
    text and address are the first desk's report, and it stays that story."""
    rival = (
        "Fishermen in Agadir sat out a third day of storms on Monday, their 240 boats tied up along the quays.\n\n"
        "At the Anza auction hall a kilo of sardines fetched 26 dirhams; a week ago it sold for 11.\n\n"
        "Rachid Amellal, who runs the port, expects the fleet to go out again on Thursday."
    )
    card_title = "240 boats kept in Agadir port by storm"
    report, other, card = decided(
        [
            _entry("desk", "Souss Wire", REPORT, 0, TITLE),
            _entry("rival", "Agadir Daily", rival, 1, card_title),
            _entry("post", "Travellers (page)", _card("desk", card_title, REPORT), 2, COMMENT),
        ]
    )
    assert report.story_id is None and other.story_id is None, other.reason
    assert card.story_id == 1, card.reason


def test_a_channels_link_line_is_no_text() -> None:
    body = "Sardine prices rose.\n👉 https://desk.example/2034/03/sardine-4816?utm_source=chan via @desk\nMore."
    assert unframed(body) == ("Sardine prices rose.\nMore.", "")
    text, headline = unframed(_card("desk", TITLE, REPORT))
    assert headline == TITLE and text.startswith("Some 240 fishing boats") and "://" not in text
