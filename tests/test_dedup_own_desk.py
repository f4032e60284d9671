"""Held-out v8's Pashto quake follow-up (studied in session 11): a desk's next-day story opens with
the paragraph it ran the day before, word for word, and adds one sentence of news, while its own
story goes on with paragraphs the follow-up lacks. Another desk's copy may trim the tail and add a
local line; a desk does not cut its own story and close it with a sentence of its own, so from the
story's own desk one such sentence is a new story (from another desk two are still needed). Probed
in Welsh, which no labelled set uses, every entry read by the real parser through ``run --once``.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from xml.sax.saxutils import escape

from conftest import run_cli, write_config
from test_dedup_classes import _decide, _parsed

from monitor.dedup import StoryIndex

OPENING = (
    "<p>CAERGYBI (Newyddion Môn) – Cafodd fferi'r Seren Las ei gohirio am naw awr yng Nghaergybi ddydd Llun "
    "ar ôl i nam ar injan gael ei ganfod. Roedd 312 o deithwyr ar fwrdd y llong pan gyhoeddodd y capten "
    "Gwenllian Prys fod y daith i Ddulyn wedi'i chanslo.</p>"
)
STORY = OPENING + (
    "<p>Dywedodd llefarydd ar ran y cwmni, Dafydd Elis, y byddai peirianwyr o Lerpwl yn cyrraedd gyda'r "
    "nos.</p><p>Cafodd y teithwyr brydau bwyd am ddim a lle mewn gwestai yn y dref.</p>"
)
SUMMARY = (
    "CAERGYBI (Newyddion Môn) – Cafodd fferi'r Seren Las ei gohirio am naw awr yng Nghaergybi ddydd Llun ar "
    "ôl i nam ar injan gael ei ganfod. Roedd 312 o deithwyr…"
)
FOLLOW_UP = OPENING + (
    "<p>Roedd y teithwyr wedi cael eu cludo adref ar fysiau erbyn hanner nos, a bydd y llong yn aros yn yr "
    "harbwr tan ddiwedd yr wythnos.</p>"
)
DESK, OTHER = "Newyddion Môn", "Papur Arfon"
ROWS = (  # (outlet, title, body, hours after the story)
    (DESK, "Oedi i fferi'r Seren Las yng Nghaergybi", STORY, 0),
    (OTHER, "Oedi i fferi'r Seren Las yng Nghaergybi", SUMMARY, 1),
    (DESK, "Y Seren Las yn hwylio eto", FOLLOW_UP, 22),
)


def _feed(outlet: str, items: list[tuple[str, str, str, datetime]]) -> str:
    """An RSS feed of ``outlet`` with one item per (title, body, guid, published)."""
    xml = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(outlet)}</title>'
    for title, body, guid, when in items:
        xml += (
            f"<item><title>{escape(title)}</title><link>https://{guid}.example/a</link><guid>{guid}</guid>"
            f"<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
            f"<description>{escape(body)}</description></item>"
        )
    return xml + "</channel></rss>"


def test_through_run_once_the_desk_s_follow_up_alerts_and_the_summary_does_not(tmp_path, feed_server, json_receiver):
    start = datetime.now(UTC) - timedelta(hours=30)
    items = {DESK: [], OTHER: []}  # type: dict[str, list[tuple[str, str, str, datetime]]]
    for i, (outlet, title, body, hours) in enumerate(ROWS):
        items[outlet].append((title, body, f"g{i}", start + timedelta(hours=hours)))
    # The other desk's summary is read first; the desk's feed holds its story and its follow-up.
    for i, outlet in enumerate((OTHER, DESK)):
        feed_server.put(f"/f{i}.xml", _feed(outlet, items[outlet][::-1]))  # newest first, as feeds list them
    urls = [feed_server.url(f"/f{i}.xml") for i in range(2)]
    rules = 'name: Ferry\nmatch:\n  any: ["Seren Las"]\n'
    config = write_config(tmp_path, urls, [json_receiver.url], rules=rules, extra="[polling]\nconcurrency = 1")

    result = run_cli("--config", str(config), "run", "--once")

    assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / "state.db") as conn:
        stories = dict(conn.execute("SELECT link, story_id FROM entries"))
    story, summary, follow_up = (stories[f"https://g{i}.example/a"] for i in range(3))
    assert summary == story and follow_up != story, stories
    titles = sorted(json_receiver.titles())
    assert titles == ["[Ferry] Oedi i fferi'r Seren Las yng Nghaergybi", "[Ferry] Y Seren Las yn hwylio eto"], titles


def test_the_follow_up_is_told_apart_in_words():
    index, story_of = StoryIndex(), {}
    for i, (outlet, title, body, hours) in enumerate(ROWS[:2], start=1):
        _decide(index, i, _parsed(f"w{i}", title, body, outlet, hours), story_of)
    outlet, title, body, hours = ROWS[2]
    entry = _parsed("w3", title, body, outlet, hours)
    assert entry.published is not None
    decision = index.find(entry, entry.published)
    assert decision.story_id is None and decision.event_id == 1, decision
    assert "opens with 2 sentences of entry" in decision.reason and "then 1 of its own" in decision.reason, decision


def test_another_desk_s_trimmed_copy_closing_with_one_sentence_of_its_own_stays_a_copy():
    index, story_of = StoryIndex(), {}
    stories = [
        _decide(index, i, _parsed(f"o{i}", ROWS[0][1], body, outlet, hours), story_of)
        for i, (outlet, body, hours) in enumerate(((DESK, STORY, 0), (OTHER, FOLLOW_UP, 3)), start=1)
    ]
    assert stories == [1, 1]
