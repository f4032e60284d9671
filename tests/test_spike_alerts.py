"""Spike alerts end to end, with an injected clock: through the outbox, once, listing the window's stories."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from conftest import write_config
from delivery_support import ZEBRA_RULE, Clock, cycle, story_feed
from webhook_support import SECRET, serve_signed_receiver, webhook_target

SPIKE_RULE = ZEBRA_RULE + "spike: {window: 1h, baseline: 1d, min_stories: 5}\n"


def spikes(receiver) -> list[dict]:
    return [m for m in receiver.received if "Spike" in m.get("title", "")]


def test_a_burst_of_stories_gives_one_spike_alert_and_copies_never_count(tmp_path, feed_server, json_receiver):
    clock = Clock(datetime.now(UTC))
    feeds = [feed_server.url("/zebra.xml"), feed_server.url("/copies.xml")]
    config = write_config(tmp_path, feeds, [json_receiver.url], rules=SPIKE_RULE)
    # Another outlet carries copies of the first story: many write-ups, one story.
    feed_server.put("/copies.xml", story_feed(1, clock.now, outlet="Copy Cat"))
    feed_server.put("/zebra.xml", story_feed(3, clock.now))
    cycle(config, clock)
    assert spikes(json_receiver) == []

    clock.advance(minutes=10)
    feed_server.put("/zebra.xml", story_feed(6, clock.now))
    cycle(config, clock)
    found = spikes(json_receiver)
    assert len(found) == 1, found
    # Warm-up: no history before the window, so min_stories (5) distinct stories make the spike.
    assert "**Spike:** 5 stories in the last 1h, usually 0.0:" in found[0]["message"]
    listed = [line for line in found[0]["message"].splitlines() if line.startswith("- [Zebra sighting")]
    assert len(listed) == 5
    first = next(line for line in listed if "Zebra sighting 0" in line)  # its copy shows as an outlet
    assert first.endswith(("(Zebra, Copies)", "(Copies, Zebra)"))

    for _ in range(5):  # the burst goes on: the cool-down (six windows) keeps it to one alert
        clock.advance(minutes=10)
        feed_server.put("/zebra.xml", story_feed(6 + 3 * (_ + 1), clock.now))
        cycle(config, clock)
    assert len(spikes(json_receiver)) == 1
    assert len(json_receiver.received) == 1 + 6 + 15  # the stories' own alerts, and one spike


def test_copies_of_one_story_from_many_outlets_make_no_spike(tmp_path, feed_server, json_receiver):
    clock = Clock(datetime.now(UTC))
    feeds = [feed_server.url(f"/outlet{n}.xml") for n in range(8)]
    config = write_config(tmp_path, feeds, [json_receiver.url], rules=SPIKE_RULE)
    for n in range(8):
        feed_server.put(f"/outlet{n}.xml", story_feed(1, clock.now - timedelta(minutes=n), outlet=f"Outlet {n}"))
    cycle(config, clock)
    assert spikes(json_receiver) == [] and len(json_receiver.received) == 1


def test_a_spike_reaches_a_signed_webhook_as_alert_spike_with_its_stories(tmp_path, feed_server, monkeypatch):
    monkeypatch.setenv("MONITOR_TEST_HOOK_SECRET", SECRET)
    clock = Clock(datetime.now(UTC))
    with serve_signed_receiver() as receiver:
        rule = SPIKE_RULE + "notify: [siem]\n"
        extra = webhook_target("siem", receiver.url)
        config = write_config(tmp_path, [feed_server.url("/zebra.xml")], [], rules=rule, extra=extra)
        feed_server.put("/zebra.xml", story_feed(5, clock.now))
        cycle(config, clock)
    found = [p for p in receiver.processed.values() if p["type"] == "alert.spike"]
    assert len(found) == 1 and len(receiver.processed) == 6
    detail = found[0]["detail"]
    assert (detail["count"], detail["usual"], detail["window"]) == (5, 0.0, "1h")
    assert sorted(s["title"].split(":")[0] for s in detail["stories"]) == [f"Zebra sighting {n}" for n in range(5)]
    assert all(s["link"].startswith("https://zebra.example/") and s["outlets"] == ["Zebra"] for s in detail["stories"])
