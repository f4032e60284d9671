"""de58 (tuning v35, v38, v40): a teaser pointing at its report's address is that report's copy.

An app's card, a reader view or a newsletter puts its own English paragraph above one reshaped sentence of a
partner's report and closes with "⇢ <the report's address>"; a relay sends a rewritten headline and "➜ <address>".
The text they share is too little to say copy; the address says whose copy it is, when the sentences they share
print that report's names and numbers. An outlet pointing at its own earlier story, a text pointing at two
stories, and a sentence whose figures are not the report's stay apart. Texts are our own, in English and Hindi."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from html import escape

import pytest
from conftest import run_cli, write_config
from dedup_support import decided

from monitor.dedup import StoryIndex, clean
from monitor.dedup.clean import address_hash, addresses
from monitor.models import Entry
from monitor.store.window import stored_rows, window_rows

START = datetime(2027, 11, 3, 6, tzinfo=UTC)
HOME = "https://harbourwire.example/news/5f2c81"
REPORT = (
    "Two electric ferries entered service on the Kestrel Bay crossing on Monday, each carrying up to 90 cars.\n\n"
    "Operations manager Idris Tamang said the ferries cost 42 million rupees and replace three diesel boats.\n\n"
    "Regular passengers said the crossing is already quieter."
)
NOTE = (
    "Before the story, a word from our reading desk: these plain pages drop photos, boxes and adverts, so that "
    "readers on slow links and screen readers get the words alone, unchanged in wording, and nothing else."
)
OTHER_REPORT = (
    "The Kestrel Bay library reopened on Tuesday after a year of repairs to its roof and reading rooms.\n\n"
    "Librarian Meera Joshi said 12,000 books had been moved back onto the shelves by volunteers."
)


def _entry(key: str, outlet: str, title: str, body: str, hours: float, link: str = "") -> Entry:
    when = START + timedelta(hours=hours)
    return Entry("f", outlet, key, link or f"https://{key}.example/{key}", title, "", body, published=when)


def _card(sentence: str, address: str = HOME) -> str:
    return f"{NOTE}\n\n{sentence}\n\n⇢ {address}"


def _after_report(*later: Entry) -> list:
    first = _entry("a", "Harbour Wire", "Electric ferries start on Kestrel Bay crossing", REPORT, 0, HOME)
    other = _entry("o", "Bay Courier", "Kestrel Bay library reopens", OTHER_REPORT, 0.5, "https://o.example/o")
    return decided([first, other, *later])[2:]


def test_addresses_are_read_canonical_and_a_list_of_links_is_none() -> None:
    assert addresses(f"x\n⇢ {HOME}?utm_source=app.", "") == (address_hash(HOME),)
    assert addresses(f"x ⇢ {HOME}", HOME) == ()  # its own link is no pointer
    assert addresses(" ".join(f"https://a.example/{n}" for n in range(5)), "") == ()


def test_a_body_of_many_addresses_makes_few_canonical(monkeypatch) -> None:
    """rv34: a hostile body's 16,000 addresses cost 0.15 CPU-s an entry to make canonical; a list stops early."""
    made: list[str] = []
    real = clean.canonical_link
    monkeypatch.setattr(clean, "canonical_link", lambda link: made.append(link) or real(link))
    assert addresses(" ".join(f"https://a{n}.example/" for n in range(16000)), "") == ()
    assert made == []  # more than ADDRESSES_READ as written: none made canonical
    assert addresses(" ".join(f"https://a{n}.example/" for n in range(clean.ADDRESSES_READ)), "") == ()
    assert len(made) == clean.ADDRESSES + 1  # stopped at the first past ADDRESSES
    made.clear()  # written apart, one page
    tracked = [f"{HOME}?utm_source={n}" for n in range(clean.ADDRESSES_READ + 1)]
    assert addresses(" ".join(tracked), "") == ()
    assert addresses(" ".join(tracked[:-1]), "") == (address_hash(HOME),)


def test_a_card_over_one_sentence_pointing_at_the_report_is_its_copy() -> None:
    (card,) = _after_report(_entry("c", "Plainview Reader", "Quieter ferries", _card(REPORT.split("\n\n")[2]), 3))
    assert card.story_id == 1, card.reason
    assert "points at the address of entry 1 (Harbour Wire)" in card.reason


def test_a_headline_teaser_pointing_at_the_report_is_its_copy() -> None:
    title = "Kestrel Bay gets two electric ferries carrying 90 cars"
    (relay,) = _after_report(_entry("r", "Relay Gateway", title, f"{title} ➜ {HOME}", 2))
    assert relay.story_id == 1, relay.reason


def test_a_sentence_with_other_figures_pointing_at_the_report_stays_apart() -> None:
    sentence = "Operations manager Idris Tamang said the ferries cost 57 million rupees and replace four diesel boats."
    (card,) = _after_report(_entry("c", "Plainview Reader", "Ferry costs", _card(sentence), 3))
    assert card.story_id != 1, card.reason


def test_the_outlets_own_earlier_story_is_no_copy() -> None:
    (own,) = _after_report(_entry("w", "Harbour Wire", "Ferry passengers", _card(REPORT.split("\n\n")[2]), 3))
    assert own.story_id != 1, own.reason


def test_a_text_pointing_at_two_stories_is_no_copy() -> None:
    card = _card(REPORT.split("\n\n")[2], f"{HOME} https://o.example/o")
    (both,) = _after_report(_entry("d", "Plainview Reader", "Two from the bay", card, 4))
    assert both.story_id != 1, both.reason


def test_the_outlets_next_card_pointing_at_another_report_is_that_reports_copy() -> None:
    """Its own card of the first report holds most of its text (the note) with other names and numbers: read
    alone, its next bulletin of one template; the address says whose copy it is."""
    first = _card(REPORT.split("\n\n")[1])
    second = _card(OTHER_REPORT.split("\n\n")[1], "https://o.example/o")
    _, card = _after_report(
        _entry("c", "Plainview Reader", "Ferry costs", first, 3),
        _entry("d", "Plainview Reader", "Books back on the shelves", second, 20),
    )
    assert card.story_id == 2, card.reason


@pytest.mark.parametrize("read", [window_rows, stored_rows])
def test_a_card_decided_after_a_restart_points_at_the_stored_report(read) -> None:
    """rv34: ``load`` decides as ``add``: the report's address is read from the store's link column, as
    ``_WINDOW`` reads a row (the kept index's rows, and the start-up rebuild's)."""
    report = _entry("a", "Harbour Wire", "Electric ferries start on Kestrel Bay crossing", REPORT, 0, HOME)
    card = _entry("c", "Plainview Reader", "Quieter ferries", _card(REPORT.split("\n\n")[2]), 3)
    assert report.published is not None and card.published is not None
    sig = StoryIndex().find(report, report.published).signature
    assert sig is not None
    keywords = " ".join(sig.keywords)
    stored = (1, 1, 1, report.published.isoformat(), sig.pack(), sig.lede, keywords, sig.when, sig.outlet, HOME)
    restarted = StoryIndex()
    restarted.load(read([stored]))  # type: ignore[arg-type]  # every row read has its signature

    decision = restarted.find(card, card.published)
    assert decision.story_id == 1, decision.reason
    assert "points at the address of entry 1 (Harbour Wire)" in decision.reason


def _feed(outlet: str, key: str, title: str, body: str, link: str, hours_ago: float) -> str:
    """A one-item RSS feed of ``outlet`` (its channel title names the outlet)."""
    when = (datetime.now(UTC) - timedelta(hours=hours_ago)).strftime("%a, %d %b %Y %H:%M:%S +0000")
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{outlet}</title><item>'
        f"<title>{escape(title)}</title><link>{escape(link)}</link><guid>{key}</guid><pubDate>{when}</pubDate>"
        f"<description>{escape(body)}</description></item></channel></rss>"
    )


@pytest.mark.parametrize("kept", [True, False], ids=["kept-index", "rebuilt"])
def test_a_card_of_a_report_stored_by_an_earlier_run_alerts_once(tmp_path, feed_server, json_receiver, kept) -> None:
    """rv34, end to end: cron's ``run --once`` stores the report; the next run reads the card pointing at its
    address, with the index kept beside the database or rebuilt from the store (a restart): one alert."""
    feed_server.put("/report.xml", _feed("Harbour Wire", "a", "Electric ferries start on Kestrel Bay crossing",
                                         REPORT, HOME, 3))  # fmt: skip
    feed_server.put("/card.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>Plainview Reader</title>'
                    "</channel></rss>")  # fmt: skip
    urls = [feed_server.url("/report.xml"), feed_server.url("/card.xml")]
    rules = 'name: Crossing\nmatch:\n  any: ["crossing"]\n'
    config = write_config(tmp_path, urls, [json_receiver.url], rules=rules, extra="[polling]\nconcurrency = 1")
    for _ in range(2):
        done = run_cli("--config", str(config), "run", "--once")
        assert done.returncode == 0, done.stderr
        if not kept:
            (tmp_path / "state.db.window").unlink(missing_ok=True)
        feed_server.put("/card.xml", _feed("Plainview Reader", "c", "Quieter ferries",
                                           _card(REPORT.split("\n\n")[2]), "https://c.example/c", 1))  # fmt: skip

    with sqlite3.connect(tmp_path / "state.db") as conn:
        stored = conn.execute("SELECT key, story_id, dedup_reason FROM entries ORDER BY id").fetchall()
    conn.close()
    assert [(key, story) for key, story, _ in stored] == [("guid:a", 1), ("guid:c", 1)], stored
    assert "points at the address" in stored[1][2]
    assert len(json_receiver.titles()) == 1, json_receiver.titles()
