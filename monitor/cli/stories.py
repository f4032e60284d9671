"""``monitor stories show ID`` (or ``--entry ID``): why entries were joined into a story, and the story's event.

Reads the decisions stored with each entry (decision, score, reason); never
re-runs dedup, so the explanation is what happened at the time.
"""

from __future__ import annotations

import click

from monitor.cli.base import opened
from monitor.errors import MonitorError
from monitor.store import Store


@click.group()
def stories() -> None:
    """Inspect stories: which entries were joined and why."""


@stories.command("show")
@click.argument("story_id", type=int, required=False)
@click.option("--entry", "entry_id", type=int, help="The story of this entry (an id `rules test` shows).")
@click.pass_context
def show(ctx: click.Context, story_id: int | None, entry_id: int | None) -> None:
    """Every entry of story STORY_ID (an id from `alerts list`) with its dedup decision, score and reason,
    and the story's event. An id that is no story but an entry shows that entry's story."""
    if (story_id is None) == (entry_id is None):
        raise click.UsageError("give a STORY_ID or --entry ENTRY_ID")
    with opened(ctx) as store:
        if entry_id is None and story_id is not None and store.story(story_id) is None:
            entry_id = story_id  # `rules test` and `rules explain` show entry ids
        if entry_id is not None:
            story_id = _story_of(store, entry_id)
            click.echo(f"entry {entry_id} is in story {story_id}")
        assert story_id is not None
        for line in explain(store, story_id):
            click.echo(line)


def _story_of(store: Store, entry_id: int) -> int:
    try:
        return store.story_of(entry_id)
    except IndexError:
        raise MonitorError(
            f"no story {entry_id} (nor entry {entry_id}) in {store.path}: story ids are in `monitor alerts list`, "
            "entry ids in `monitor rules test`"
        ) from None


def _language(found: tuple[str, str] | None) -> str:
    """ "lang ru", "lang ru (detected)", or "lang ?" when neither the feed nor the text said."""
    language, source = found or ("", "detected")
    return f"lang {language or '?'}" + (" (detected)" if language and source == "detected" else "")


def explain(store: Store, story_id: int) -> list[str]:
    """The lines ``stories show`` prints; raises MonitorError for an unknown story."""
    story = store.story(story_id)
    if story is None:
        raise MonitorError(f"no story {story_id} in {store.path}: `monitor stories show` takes an id from the alerts")
    event_id = story["event_id"] or story_id
    lines = [f"story {story_id}: {story['title']}", f"first seen {story['first_seen']}"]
    if event_id == story_id:
        lines.append(f"event {event_id}: starts it ({story['event_reason'] or 'new event'})")
    else:
        lines.append(f"event {event_id}: joined, score {story['event_score'] or 0:.2f} ({story['event_reason']})")
    others = [s["id"] for s in store.event_stories(event_id) if s["id"] != story_id]
    if others:
        lines.append(f"other stories of the event: {', '.join(map(str, others))}")
    lines.append("entries:")
    rows = store.story_entries(story_id)
    languages = store.entry_languages(row["id"] for row in rows)  # detected once, then stored
    for row in rows:
        decision = "copy" if row["duplicate_of"] else "first" if row["id"] == story["first_entry_id"] else "new"
        lines.append(
            f"  {row['id']} {row['outlet']} · {row['published'] or 'no date'} · {_language(languages.get(row['id']))}"
            f" · {decision} "
            f"score {row['dedup_score'] or 0:.0f}: {row['dedup_reason'] or '-'}"
        )
        lines.append(f"     {row['title']} <{row['link']}>")
        if row["updated"]:
            lines.append(f"     updated {row['updated']}: {row['update_reason']}")
    return lines
