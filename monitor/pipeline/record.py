"""One new entry, recorded: its dedup decision, the rules it matches, the alerts it queues, in one row.

Called under the pipeline's process lock, one entry at a time (the dedup index must see
entries in order), inside the feed's transaction.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from monitor.config import Config
from monitor.daemon.metrics import Metrics
from monitor.ingest.pool import examine
from monitor.models import Entry, Match
from monitor.outbox import spikes
from monitor.pipeline.parts import Pipeline
from monitor.rules import Rule, RuleSet
from monitor.rules.model import in_scope
from monitor.runtime import Runtime
from monitor.store import FeedState, QueuedAlert, Store

if TYPE_CHECKING:
    from monitor.dedup import Signature
    from monitor.ingest.examine import Facts

log = logging.getLogger(__name__)


def fresh(
    store: Store, feed_url: str, entries: tuple[Entry, ...], known: dict[str, tuple[int, str | None]] | None = None
) -> tuple[Entry, ...]:
    """The entries whose key the feed never had: neither stored nor pruned (pruned entries
    left tombstones: still known, so they never alert again)."""
    if known is None:
        known = store.known_versions(feed_url, (e.key for e in entries))
    pruned = store.tombstoned(feed_url, (e.key for e in entries if e.key not in known))
    return tuple(e for e in entries if e.key not in known and e.key not in pruned)


@dataclass(frozen=True, slots=True)
class Examined:
    """What the parser processes found on a feed's new entries, as of ``seen``, for ``rules``."""

    facts: dict[str, Facts]  # by entry key
    seen: datetime
    rules: RuleSet


def _facts(rules: RuleSet, entry: Entry, examined: Examined, now: datetime) -> tuple[Facts, Examined]:
    """The entry's facts as found beforehand; examined here if it became new since (rare)."""
    facts = examined.facts.get(entry.key)
    if facts is None:
        return examine((entry,), now, rules)[0], Examined({}, now, rules)
    return facts, examined


def _signature(entry: Entry, facts: Facts, examined: Examined, now: datetime) -> Signature:
    """``signature(entry, now)``. ``seen`` stands in for a missing publication date: only then does it matter."""
    if entry.published is not None or examined.seen == now:
        return facts.signature
    from monitor.dedup import signature  # imported here, when needed: an import statement an entry cost ~3 us

    return signature(entry, now)


def _matches(rules: RuleSet, entry: Entry, facts: Facts, examined: Examined, now: datetime) -> list[Match]:
    """``rules.match(entry, now)``, from the matches found beforehand when they were found with ``rules``."""
    if examined.rules is not rules:  # the rules were reloaded since
        return rules.match(entry, now)
    # Matched without a clock: the max_age scopes apply now (``in_scope`` repeats the rest, which held).
    return [m for m in facts.matches if in_scope(rules.rule(m.rule).scope, entry, now)]


def record(
    p: Pipeline,
    rt: Runtime,
    entry: Entry,
    state: FeedState,
    examined: Examined,
    tally: Tally,
    raw_digest: bytes | None = None,
) -> int:
    """Decide story and event, queue the alerts, store both in one transaction, index the entry.
    ``raw_digest`` (``parse.raw_digest``) is stored with it: the next read of the same entry skips it."""
    now = p.clock()
    rules = rt.rules
    facts, examined = _facts(rules, entry, examined, now)
    sig = _signature(entry, facts, examined, now)
    index = p.index  # once: each read takes the index's lock
    decision = index.decide(sig)
    matched: list[tuple[Match, Rule]] = []
    if alertable(rt.config, entry, state, now):
        matched = [(match, rules.rule(match.rule)) for match in _matches(rules, entry, facts, examined, now)]
    queued = _alerts(p, rt, entry, decision.story_id, matched)
    entry_id, story_id, added = p.store.add_entry(
        entry,
        now,
        decision.story_id,
        score=decision.score,
        reason=decision.reason,
        duplicate_of=decision.matched_entry,
        alerts=queued,
        event_id=decision.event_id,
        event_score=decision.event_score,
        event_reason=decision.event_reason,
        signature=sig,
        content_hash=facts.content_hash,
        raw_digest=raw_digest,
    )
    # A new story was stored in decision.event_id, else in an event of its own (numbered like the story);
    # a copy's decision names its story's event when the index still holds the story.
    if decision.story_id is None:
        event_id = decision.event_id if decision.event_id is not None else story_id
    else:
        event_id = decision.event_id if decision.event_id is not None else p.store.story_event(story_id)
    index.add(entry_id, story_id, event_id, sig, now)
    if any(rule.spike for _, rule in matched):
        added += spikes.note(p.store, rt.notifier, matched, entry_id, story_id, now)
    if log.isEnabledFor(logging.DEBUG):  # its arguments cost ~5 us an entry, a cold run's 10,000 of them
        _told(entry, decision.story_id is not None, story_id, decision.reason, decision.event_reason)
    _count(tally, entry, state, joined=decision.story_id is not None, alerts=queued, now=now)
    return added  # not len(queued): a copy of a story already alerted on queues nothing


def _told(entry: Entry, joined: bool, story_id: int, reason: str, event_reason: str) -> None:
    log.debug(
        "entry %s %s story %d: %s",
        entry.link or entry.key,
        "joins" if joined else "starts",
        story_id,
        reason if joined else f"{reason}; {event_reason}",
    )


def queued_for(rt: Runtime, match: Match, rule: Rule, kind: str | None = None) -> list[QueuedAlert]:
    """The pending alerts of one match: one per delivery of the rule's targets. ``kind`` defaults to the
    rule's novelty (``story`` or ``event``)."""
    kind = kind or ("event" if rule.novelty == "event" else "story")
    return [(match, d, kind) for d in rt.notifier.deliveries(rule.name, rule.notify)]


def _alerts(
    p: Pipeline, rt: Runtime, entry: Entry, story_id: int | None, matched: list[tuple[Match, Rule]]
) -> list[QueuedAlert]:
    """The alerts a new entry queues: one per match, and a follow-up where a rule escalates."""
    # The story's outlets are read only when a matched rule escalates (a query per copy otherwise).
    escalating = story_id is not None and any(rule.escalate_at is not None for _, rule in matched)
    outlets = _outlets_with(p, story_id, entry.outlet) if escalating else 0
    queued: list[QueuedAlert] = []
    for match, rule in matched:
        queued += queued_for(rt, match, rule)
        if _escalates(p, rule, story_id, outlets):
            queued += queued_for(rt, match, rule, "escalation")
    return queued


def _outlets_with(p: Pipeline, story_id: int | None, outlet: str) -> int:
    if story_id is None:
        return 1
    outlets = p.store.story_outlets(story_id)
    return len(outlets) + (outlet not in outlets)


def _escalates(p: Pipeline, rule: Rule, story_id: int | None, outlets: int) -> bool:
    """A follow-up is due when the story reaches ``escalate_at`` outlets and the rule alerted on it before."""
    return (
        rule.escalate_at is not None
        and story_id is not None
        and outlets >= rule.escalate_at
        and p.store.alerted(rule.name, story_id)
    )


def update(p: Pipeline, rt: Runtime, entry: Entry, entry_id: int, stored_hash: str | None, state: FeedState) -> int:
    """A known key with changed text is an update of its entry: rewrite the row, re-index, maybe re-alert."""
    from monitor.dedup import content_hash, material_change, signature  # imported with the first new entry

    new_hash = content_hash(entry)
    old = p.store.entry(entry_id) if stored_hash != new_hash else None
    old = replace(old, article="") if old is not None else None  # an update is a change of what the feed carries
    if old is None or (stored_hash is None and content_hash(old) == new_hash):
        return 0
    now = p.clock()
    material, reason = material_change(old, entry)
    story_id = p.store.story_of(entry_id)
    queued: list[QueuedAlert] = []
    rules = rt.rules
    if material and alertable(rt.config, entry, state, now):
        for match in rules.match(entry, now):
            rule = rules.rule(match.rule)
            if rule.on_update == "alert" and p.store.alerted(rule.name, story_id):
                queued += queued_for(rt, match, rule, f"update:{new_hash}")
    sig = signature(entry, now)
    # The row is rewritten below: the alert keeps what its message must say about the change.
    detail = {"previous_title": old.title, "change": reason}
    added = p.store.update_entry(
        entry_id, entry, now, content_hash=new_hash, reason=reason, signature=sig, alerts=queued, detail=detail
    )
    p.index.add(entry_id, story_id, p.store.story_event(story_id), sig, now)
    if p.kept is not None:
        p.kept.spoil()  # a rebuild would read the entry in its place, re-signed: the kept index is not that
    log.info("entry %s updated (%s)%s", entry.link or entry.key, reason, ", re-alerting" if added else "")
    return added


@dataclass
class Tally:
    """A poll's metrics, counted per entry under the lock and recorded once (``record``) after it."""

    entries: Counter[str] = field(default_factory=Counter)  # by outlet
    joined: int = 0
    hits: Counter[str] = field(default_factory=Counter)  # by rule
    delays: list[float] = field(default_factory=list)

    def record(self, metrics: Metrics) -> None:
        for outlet, n in self.entries.items():
            metrics.new_entries.labels(outlet).inc(n)
        if self.joined:
            metrics.dedup_suppressed.inc(self.joined)
        for rule, n in self.hits.items():
            metrics.rule_hits.labels(rule).inc(n)
        for seconds in self.delays:
            metrics.publish_to_detect.observe(seconds)


def _count(
    tally: Tally, entry: Entry, state: FeedState, *, joined: bool, alerts: list[QueuedAlert], now: datetime
) -> None:
    tally.entries[entry.outlet] += 1
    tally.joined += joined
    if alerts:  # most entries queue none: no set and Counter update for them
        tally.hits.update({alert[0].rule for alert in alerts})
    # A first poll's backlog would swamp the figure: only entries found by a later poll count.
    if state.polled and entry.published is not None and entry.published <= now:
        tally.delays.append((now - entry.published).total_seconds())


def alertable(config: Config, entry: Entry, state: FeedState, now: datetime) -> bool:
    """The backlog rule: old entries of a first poll, and stale ones later, are recorded silently."""
    if entry.published is None:
        return True
    window = config.alerts.max_age if state.polled else config.alerts.backlog
    return entry.published >= now - timedelta(seconds=window)
