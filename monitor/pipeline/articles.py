"""Full text (issue 16) inside a poll: new entries that want their article get it before dedup
and matching; entries whose article came late are matched again when it arrives."""

from __future__ import annotations

import logging
from dataclasses import replace

from monitor.errors import ParseError
from monitor.ingest.parse import ParsedFeed
from monitor.models import Feed, FullText
from monitor.pipeline.parts import Pipeline
from monitor.pipeline.record import Examined, alertable, fresh, queued_for
from monitor.runtime import Runtime
from monitor.store import FeedState, QueuedAlert

log = logging.getLogger(__name__)


def with_articles(
    p: Pipeline, rt: Runtime, feed: Feed, state: FeedState, parsed: ParsedFeed, examined: Examined
) -> tuple[ParsedFeed, Examined]:
    """Full text (issue 16): the new entries that want their article get its text (``Entry.article``)
    and are examined again with it, before dedup and matching. Fetches stop at the deadline
    (``full_text_timeout``): an entry without its article is matched on the feed's text, and
    ``_articles_late`` tries the article again on the next poll that reads the feed."""
    setting = feed.full_text or FullText(rt.config.polling.full_text)
    if setting.mode == "never" or p.articles is None:
        return parsed, examined
    polite, now = rt.config.polling.full_text_policy, examined.seen
    articles_late(p, rt, feed, parsed, setting)
    # A backlog entry (``_alertable``) is recorded silently: its article would cost the outlet for nothing.
    wanted = tuple(e for e in fresh(p.store, feed.url, parsed.entries) if alertable(rt.config, e, state, now))
    texts = p.articles.texts(feed.url, wanted, setting, rt.rules, polite, now)
    if not texts:
        return parsed, examined
    entries = tuple(replace(e, article=texts[e.key]) if e.key in texts else e for e in parsed.entries)
    enriched = tuple(e for e in entries if e.key in texts)
    try:
        found = p.parser.examine(enriched, now, examined.rules)
    except ParseError:
        return parsed, examined
    # The content hash stays the feed's: an update is a change of what the feed carries.
    from monitor.dedup import content_hash  # here: a cycle without new entries never imports the dedup code

    facts = {
        e.key: replace(f, content_hash=content_hash(replace(e, article="")))
        for e, f in zip(enriched, found, strict=True)
    }
    return replace(parsed, entries=entries), Examined(examined.facts | facts, examined.seen, examined.rules)


def articles_late(p: Pipeline, rt: Runtime, feed: Feed, parsed: ParsedFeed, setting: FullText) -> None:
    """Stored entries whose article could not be had on an earlier poll: tried again; a rule that
    holds with the article alerts now (once per story, as usual)."""
    assert p.articles is not None
    pending = p.store.articles_pending(feed.url)
    late = tuple(e for e in parsed.entries if e.link in pending)
    if not late:
        return
    now = p.clock()
    texts = p.articles.texts(feed.url, late, setting, rt.rules, rt.config.polling.full_text_policy, now, retry=True)
    known = p.store.known_versions(feed.url, texts)
    state = p.store.feed_state(feed.url)
    for entry in late:
        if entry.key not in texts or entry.key not in known or not alertable(rt.config, entry, state, now):
            continue
        enriched, entry_id = replace(entry, article=texts[entry.key]), known[entry.key][0]
        queued: list[QueuedAlert] = []
        for match in rt.rules.match(enriched, now):
            queued += queued_for(rt, match, rt.rules.rule(match.rule))
        if queued and p.store.queue_alerts(entry_id, p.store.story_of(entry_id), queued, now):
            log.info("entry %s: its article, fetched late, matched: alert queued", entry.link)
