"""Held-out v81's own structure: copies re-posted by social and messaging carriers, and the hard negatives that share
a carrier's frame. Structure only: nothing here imports or runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import yaml
from dedup_set_support import DATA, load_rows
from test_heldout_sets_data import SETS

ROWS = load_rows("heldout81.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout81_source.yaml").read_text(encoding="utf-8"))
STORIES = {s["id"]: s for s in SOURCE["stories"]}
FRAME = {o[0]: o[5] for o in SOURCE["outlets"]}
DESK = {s["id"]: s["outlet"] for s in SOURCE["stories"]}
NUMBERED = re.compile(r"^(\d+)/(\d+) ", re.MULTILINE)
TIFINAGH = re.compile("[\u2d30-\u2d7f]")
LATIN = re.compile("[A-Za-zÀ-ÿ]")


def when(row: dict) -> datetime:
    return datetime.fromisoformat(row["published"])


def copies(frame: str) -> list[dict]:
    return [r for r in ROWS if FRAME[r["feed"]] == frame]


def origin(story: str) -> dict:
    return next(r for r in ROWS if r["story"] == story and r["feed"] == DESK[story])


def test_the_main_languages_are_no_earlier_sets():
    ours = next(s for s in SETS if s.n == 81)
    others = set().union(*(s.main_langs | {s.side_lang} for s in SETS if s.n != 81))
    assert not (ours.main_langs - {"fr"}) & others


def test_every_frame_is_used_and_every_copy_is_a_carriers():
    frames = {FRAME[r["feed"]] for r in ROWS if r["feed"] != DESK[r["story"]]}
    assert frames == set(SOURCE["frames"])
    assert all(FRAME[r["feed"]] is None for r in ROWS if r["feed"] == DESK[r["story"]])
    assert all(len(copies(f)) >= 8 for f in SOURCE["frames"])


def test_channel_reposts_carry_hashtags_and_the_desks_link():
    for r in copies("chanrepost"):
        desk = origin(r["story"])
        link = desk["link"].split("?")[0]
        assert link in r["content"] and "#" in r["content"], r["id"]
        assert "via @" in r["content"] or "Forwarded from" in r["content"], r["id"]


def test_unrolled_threads_number_their_posts_and_cut_each_at_the_carriers_length():
    limits = SOURCE["chrome"]["postcut"]
    for r in copies("threadunroll"):
        posts = NUMBERED.findall(r["content"])
        assert [int(i) for i, _ in posts] == list(range(1, len(posts) + 1)), r["id"]
        assert {int(n) for _, n in posts} == {len(posts)}, r["id"]
        bodies = NUMBERED.split(r["content"])[3::3]
        assert all(len(b.strip()) <= limits[r["feed"]] for b in bodies), r["id"]
    assert any("…" in r["content"] for r in copies("threadunroll"))


def test_page_posts_open_with_the_pages_comment_then_the_preview():
    for r in copies("previewcard"):
        desk = origin(r["story"])
        comment, preview = r["content"].split("\n\n")
        assert r["title"].removesuffix(" 👇") in comment, r["id"]
        assert preview.startswith(urlhost(desk["link"]).upper() + "\n"), r["id"]


def urlhost(link: str) -> str:
    return link.split("/")[2]


def test_forwarded_newsletters_open_with_the_forward_header_and_keep_the_text():
    for r in copies("mailforward"):
        assert r["content"].startswith("---------- "), r["id"]
        assert r["title"].startswith(("Fwd: ", "TR : ")), r["id"]
        first = origin(r["story"])["summary"].removesuffix(" …")
        assert first[:60] in r["content"] or r["lang"] == "tzm", r["id"]


def test_sms_alerts_are_summary_only_short_and_in_capitals():
    sms = copies("smsbrief")
    assert len(sms) >= 10
    for r in sms:
        assert r["content"] == "" and len(r["summary"]) <= 160, r["id"]
        head = r["summary"].split(". ")[0]
        assert head == head.upper(), r["id"]


def test_one_channel_carries_a_desks_two_stories_within_the_hour_in_one_frame():
    pairs = [s for s in STORIES.values() if s["kind"] == "samechanhour"]
    assert len(pairs) >= 3
    for s in pairs:
        other = STORIES[s["against"]]
        assert s["outlet"] == other["outlet"] and s["event"] != other["event"]
        mine = [r for r in copies("chanrepost") if r["story"] == s["id"]]
        theirs = [r for r in copies("chanrepost") if r["story"] == other["id"]]
        shared = {r["feed"] for r in mine} & {r["feed"] for r in theirs}
        assert shared, s["id"]
        feed = shared.pop()
        a, b = (next(r for r in rows if r["feed"] == feed) for rows in (mine, theirs))
        assert abs(when(a) - when(b)) < timedelta(hours=1), s["id"]
        tag = "#" + SOURCE["chrome"]["chantag"][feed]
        assert tag in a["content"] and tag in b["content"], s["id"]


def test_a_template_twin_is_the_desks_own_form_for_another_happening():
    twins = [s for s in STORIES.values() if s["kind"] == "fillformtwin"]
    assert len(twins) >= 3
    for s in twins:
        base = STORIES[s["against"]]
        assert s["template"] == base["template"] and s["outlet"] == base["outlet"]
        assert s["event"] != base["event"] and s["vars"] != base["vars"]


def test_background_threads_are_accounts_numbered_posts_of_another_event():
    roots = [s for s in STORIES.values() if s["kind"] == "rootthread"]
    assert len(roots) >= 2
    for s in roots:
        row = origin(s["id"])
        assert NUMBERED.match(row["content"]), s["id"]
        assert s["event"] != STORIES[s["against"]]["event"]


def test_the_week_letter_quotes_three_events_after_they_ran():
    letter = next(s for s in STORIES.values() if s["kind"] == "sundayletter")
    quoted = [STORIES[q] for q in letter["quotes"]]
    assert len({q["event"] for q in quoted} | {letter["event"]}) == 4
    assert all(when(origin(q["id"])) < when(origin(letter["id"])) for q in quoted)


def test_the_middle_atlas_stories_are_printed_in_tifinagh():
    tzm = [r for r in ROWS if r["lang"] == "tzm"]
    assert len(tzm) >= 15
    for r in tzm:
        if r["feed"] == DESK[r["story"]]:
            assert TIFINAGH.search(r["title"]) and not LATIN.search(r["title"]), r["id"]
