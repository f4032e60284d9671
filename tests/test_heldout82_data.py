"""Held-out v82's own structure: one wire's day through outlets with fixed house habits (issue 13).

Every carrier applies all its habits to every copy it prints; template twins, two stories of one press
release, the wire's next-day follow-ups and a weekly round-up quoting three stories are other events.
Structure only: nothing here imports or runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

import pytest
import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout82.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout82_source.yaml").read_text(encoding="utf-8"))
STORIES = {s["id"]: s for s in SOURCE["stories"]}
CARRIERS = {c["feed"]: c for c in SOURCE["carriers"]}
WIRE = "kapuloan-wire"
MANILA = timezone(timedelta(hours=8))
FIRST: dict[str, dict] = {}
for _row in ROWS:
    FIRST.setdefault(_row["story"], _row)
COPIES = [r for r in ROWS if FIRST[r["story"]] is not r]


def manila_day(row: dict) -> str:
    return datetime.fromisoformat(row["published"]).astimezone(MANILA).date().isoformat()


def test_the_wire_files_about_25_stories_on_its_day_each_carried_by_one_to_four_outlets() -> None:
    wire_day = [s for s in STORIES if FIRST[s]["feed"] == WIRE and manila_day(FIRST[s]) == SOURCE["day"]]
    assert len(wire_day) >= 25
    per_story = Counter(r["story"] for r in ROWS)
    assert set(per_story.values()) <= {2, 3, 4, 5}
    for r in COPIES:  # a copy is a carrier's, of a story in a language that carrier prints, once per story
        assert r["lang"] in CARRIERS[r["feed"]]["langs"], r["id"]
    assert len({(r["story"], r["feed"]) for r in COPIES}) == len(COPIES)


def last_paragraph(row: dict) -> str:
    return re.sub("<[^>]+>", "", re.split(r"</p>\s*<p>|\n\n", row["content"])[-1])


def visible(habit: str, value: object, row: dict, origin: dict) -> bool:
    """Whether a copy shows one house habit of its carrier (summary-only carriers show it in the summary)."""
    text = row["content"] or row["summary"]
    if habit == "title":
        return row["title"] != origin["title"]
    if habit == "dateline":
        has_wire_dateline = re.search(r"\(Kapuloan Wire\) – |=カプロアン通信】", text) is not None
        return not has_wire_dateline and (value == "strip" or re.search(r"\(KW\) – |＝KW】", text) is not None)
    if habit in ("byline", "header", "top"):
        return str(value) in text
    if habit == "glue":
        return "</p><p>" in text if value == "tight" else "\n" not in text
    if habit == "marker":
        return text.removesuffix("</p>").endswith(str(value).format(title=row["title"]).rstrip())
    if habit == "track":
        return urlsplit(row["link"]).hostname == value and "utm_source=" in row["link"]
    if habit == "spelling":
        uk = "|".join(SOURCE["spelling"])
        return re.search(rf"\b({uk})\b", row["title"] + text) is None
    if habit == "related":
        return str(value) in text
    if habit == "droptail":
        return last_paragraph(origin) not in text
    return True  # keep, cut and newlede show as a shorter or reworded text: checked below as a change


@pytest.mark.parametrize("feed", sorted(CARRIERS))
def test_every_copy_of_a_carrier_shows_every_house_habit_of_that_carrier(feed: str) -> None:
    carrier = CARRIERS[feed]
    mine = [r for r in COPIES if r["feed"] == feed]
    assert len(mine) >= 3
    for r in mine:
        assert (r["content"] == "") == (carrier["body"] == "none"), r["id"]
        for habit, value in carrier["habits"].items():
            assert visible(habit, value, r, FIRST[r["story"]]), (r["id"], habit)
        assert (r["title"], r["content"]) != (FIRST[r["story"]]["title"], FIRST[r["story"]]["content"])


def kind(name: str) -> list[dict]:
    return [s for s in STORIES.values() if s["kind"] == name]


def test_template_twins_share_the_wire_desks_form_and_are_other_events() -> None:
    twins = kind("formsibling")
    assert len({s["form"] for s in twins}) == len(twins) >= 4
    for s in twins:
        base = STORIES[s["against"]]
        assert base["form"] == s["form"] and base["desk"] == s["desk"] == WIRE, s["id"]
        assert base["event"] != s["event"] and base["vars"] != s["vars"], s["id"]


def test_two_stories_of_one_press_release_come_from_one_desk_within_the_hour_as_two_events() -> None:
    pairs = kind("handoutpair")
    assert len(pairs) >= 2
    for s in pairs:
        base = FIRST[s["against"]]
        gap = datetime.fromisoformat(FIRST[s["id"]]["published"]) - datetime.fromisoformat(base["published"])
        assert base["feed"] == FIRST[s["id"]]["feed"] and abs(gap) <= timedelta(hours=1), s["id"]
        assert base["event"] != s["event"], s["id"]


def test_the_weekly_roundup_quotes_three_earlier_stories_of_three_events_and_stands_alone() -> None:
    (roundup,) = kind("satweekthree")
    quoted = [FIRST[q] for q in roundup["quotes"]]
    assert len({r["event"] for r in quoted}) == 3
    assert all(r["published"] < FIRST[roundup["id"]]["published"] for r in quoted)
    assert {r["story"] for r in ROWS if r["event"] == roundup["event"]} == {roundup["id"]}


def test_every_event_with_several_stories_is_reported_in_two_languages_or_more() -> None:
    stories: dict[str, set[str]] = defaultdict(set)
    langs: dict[str, set[str]] = defaultdict(set)
    for r in ROWS:
        stories[r["event"]].add(r["story"])
        langs[r["event"]].add(r["lang"])
    several = [e for e, s in stories.items() if len(s) > 1]
    assert len(several) >= 7
    assert all(len(langs[e]) >= 2 for e in several)
