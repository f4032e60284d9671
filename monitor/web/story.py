"""A story: every copy with its dedup decision in words, its event's other stories on a timeline,
and the alerts it caused per rule and target with their delivery record."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from flask import Blueprint, abort

from monitor.web.base import console, render

page = Blueprint("story", __name__)


@page.route("/story/<int:story_id>")
def show(story_id: int) -> str:
    store = console().store
    story = store.story(story_id)
    if story is None:
        abort(404, f"no story {story_id}: pick one from the inbox or search")
    event_id = story["event_id"] or story_id
    copies = [{**row, "decision": decision(row, story)} for row in store.story_entries(story_id)]
    alerts = store.story_alerts(story_id)
    by_key = [(key, list(group)) for key, group in groupby(alerts, key=lambda a: (a["rule"], a["target"]))]
    return render(
        "story.html",
        story=story,
        event_id=event_id,
        event=event_words(story, story_id),
        timeline=sorted(store.event_stories(event_id), key=lambda s: s["first_seen"] or ""),
        copies=copies,
        alerts=by_key,
        feeds=sorted({row["feed_url"] for row in alerts}),
    )


def decision(row: dict[str, Any], story: dict[str, Any]) -> str:
    """What dedup decided for this entry, in words (recorded at the time, never re-run)."""
    reason = row["dedup_reason"] or "no reason recorded"
    score = row["dedup_score"] or 0
    if row["id"] == story["first_entry_id"]:
        return "first: this entry started the story"
    if row["duplicate_of"]:
        return f"a copy of entry {row['duplicate_of']} (score {score:.0f}): {reason}"
    return f"joined the story as a new write-up (score {score:.0f}): {reason}"


def event_words(story: dict[str, Any], story_id: int) -> str:
    event_id = story["event_id"] or story_id
    if event_id == story_id:
        return f"this story starts event {event_id} ({story['event_reason'] or 'a new event'})"
    return f"joined event {event_id} with score {story['event_score'] or 0:.2f}: {story['event_reason']}"
