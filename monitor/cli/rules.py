"""``monitor rules test`` and ``monitor rules explain``: try rules before they go live.

Both read the state database without taking the daemon's lock (SQLite WAL lets a
reader run beside the writer; ``rules test`` first adds the entries stored since the
daemon's last catch-up to the full-text index, in short transactions SQLite serialises
with the daemon's writes) and send nothing, except ``rules test --send``: the
catch-up a user asks for (monitor/outbox/catchup.py), queued in the outbox and sent as one
digest per target URL, by this command when no daemon runs, else by the daemon.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click

from monitor.cli.base import load, opened
from monitor.config import Config
from monitor.durations import parse_duration, plural
from monitor.errors import StoreError, did_you_mean
from monitor.models import Entry
from monitor.rules import Rule, RuleSet, load_rules
from monitor.rules.backtest import RuleReport, backtest, fts_query
from monitor.rules.explain import Verdict, explain_lines
from monitor.rules.feedback import Marked, score_feedback
from monitor.rules.highlight import snippet as body_snippet
from monitor.rules.highlight import words_pattern
from monitor.rules.load import alias_groups
from monitor.rules.model import in_scope
from monitor.rules.suggest import suggest
from monitor.store import Store

log = logging.getLogger(__name__)
SNIPPET = 160  # characters of body shown around the first matched word


@click.group()
def rules() -> None:
    """Test rules against stored history and explain why they match."""


@rules.command("test")
@click.argument("rule_files", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--since", default="30d", show_default=True, help="How far back to look (a duration: 7d, 12h).")
@click.option("--near-misses", "shown_misses", default=5, show_default=True, help="Near misses shown per rule.")
@click.option("--limit", default=20, show_default=True, help="Matches shown per rule (all are counted).")
@click.option("--scan", is_flag=True, help="Skip the full-text pre-filter and run every rule over every entry.")
@click.option(
    "--send",
    is_flag=True,
    help="Catch up: send the matches to each rule's targets as one digest per target (once: never twice).",
)
@click.pass_context
def test_rules(
    ctx: click.Context, rule_files: tuple[Path, ...], since: str, shown_misses: int, limit: int, scan: bool, send: bool
) -> None:
    """Backtest RULE_FILES (default: the configured rules) against stored entries.

    Prints each matching entry with the matched words highlighted, the count per rule,
    and near misses: entries where all but one required group held. With --send, the
    matches also go to each rule's targets as one catch-up digest per target: each story
    once, none the rule already alerted on, nothing again when run twice.
    """
    config = load(ctx)
    chosen = _rules(config, rule_files)
    cutoff = datetime.now(UTC) - timedelta(seconds=_duration(since))
    ruleset = RuleSet(chosen)
    reports = []
    with opened(ctx, must_exist=True) as store:
        _catch_up(store)
        if any(rule.scope.lang for rule in chosen) and (filled := store.fill_languages(since=cutoff)):
            click.echo(
                f"Detected the language of {plural(filled, 'stored entry', 'stored entries')} (kept for next time)"
            )
        total = store.history_count(cutoff)
        click.echo(
            f"Backtest of {plural(len(chosen), 'rule')} against {plural(total, 'entry', 'entries')} "
            f"since {cutoff:%Y-%m-%d %H:%M} UTC"
        )
        for rule in chosen:
            query = None if scan else fts_query(rule)
            report = backtest(ruleset, rule, store.history(cutoff, query), kept_misses=shown_misses)
            _print_report(report, limit, shown_misses, "index" if query else "scan")
            if marked := marked_entries(store, rule.name):
                click.echo("  " + score_feedback(rule, marked).line())
            reports.append(report)
        if send:
            _queue_catchup(config, store, reports)
    if send:
        _send_catchup(config)


@rules.command("explain")
@click.argument("rule_name")
@click.option("--text", help="Text to test (taken as the entry's title).")
@click.option("--entry", "entry_id", type=int, help="A stored entry's id (see `rules test`).")
@click.pass_context
def explain(ctx: click.Context, rule_name: str, text: str | None, entry_id: int | None) -> None:
    """Explain, group by group, why RULE_NAME matches an entry or not."""
    if (text is None) == (entry_id is None):
        raise click.UsageError("give exactly one of --text or --entry")
    config = load(ctx)
    chosen = _rules(config, ())
    rule = _find(chosen, rule_name)
    if text is not None:
        entry = Entry(feed_url="", outlet="", key="text", link="", title=text, summary="", content="")
    else:
        assert entry_id is not None
        entry = _stored_entry(ctx, entry_id)
        click.echo(f"entry {entry_id}: {entry.title} ({entry.outlet}, {_when(entry)})")
    ruleset = RuleSet(chosen)
    doc, trace = ruleset.trace(rule.name, entry)
    for line in explain_lines(rule, doc, trace, in_scope(rule.scope, entry, datetime.now(UTC))):
        click.echo(line)


@rules.command("suggest")
@click.argument("rule_name")
@click.pass_context
def suggest_change(ctx: click.Context, rule_name: str) -> None:
    """Propose the change to RULE that best stops it matching the entries marked irrelevant
    (monitor alerts feedback ID irrelevant) while keeping those marked relevant, as a diff.

    A change that loses a relevant entry is proposed only when it removes several irrelevant
    ones and more than it costs (rules/README.md, "Feedback"); the line says what it loses."""
    config = load(ctx)
    rule = _find(_rules(config, ()), rule_name)
    with opened(ctx, must_exist=True) as store:
        marked = marked_entries(store, rule.name)
    if not any(not relevant for _, _, relevant in marked):
        raise click.ClickException(
            f"no alert of {rule.name!r} is marked irrelevant: monitor alerts feedback ID irrelevant"
        )
    path, _, line = rule.source.rpartition(":")
    lines = Path(path).read_text(encoding="utf-8").splitlines(keepends=True)
    vetoes = alias_groups(("negation", "hedge"), config.rule_paths)
    found = suggest(rule, vetoes, [(entry, relevant) for _, entry, relevant in marked], lines, int(line) - 1)
    if found is None:
        click.echo(f"{rule.name}: no single change removes more irrelevant entries than it costs relevant ones")
        return
    loses = f"loses {found.lost} relevant" if found.lost else "loses no relevant"
    click.echo(f"{rule.name}: {found.what}: removes {found.removed} irrelevant, {loses} ({path})")
    click.echo(found.diff, nl=False)


def marked_entries(store: Store, rule: str) -> list[Marked]:
    """The entries of the rule's alerts the analyst marked, with their verdicts."""
    given = store.feedback(rule)
    entries = store.entries(f.entry_id for f in given)
    return [(f.entry_id, entries[f.entry_id], f.verdict == "relevant") for f in given if f.entry_id in entries]


def feedback_warnings(config: Config) -> list[str]:
    """For ``check``: each rule that still matches an entry marked irrelevant (as for golden examples)."""
    if not config.storage_path.exists():
        return []
    store = Store(config.storage_path)
    try:
        found = []
        for rule in _rules(config, ()):
            marked = marked_entries(store, rule.name)
            if marked and (score := score_feedback(rule, marked)).wrong:
                found.append(f"{rule.source}: rule {rule.name!r} {score.line().split('; ', 1)[1]}")
        return found
    finally:
        store.close()


def _queue_catchup(config: Config, store: Store, reports: list[RuleReport]) -> None:
    from monitor.outbox.catchup import queue_catchup
    from monitor.runtime import load  # apprise takes a second to import: only --send pays for it

    queued, skipped = queue_catchup(store, load(config).notifier, reports, datetime.now(UTC))
    click.echo("")
    click.echo(
        f"catch-up: {plural(queued, 'alert')} queued as one digest per target URL"
        + (f"; {skipped} skipped (already alerted on or caught up before)" if skipped else "")
    )


def _send_catchup(config: Config) -> None:
    """Deliver now when no daemon holds the database; else the daemon's next pass sends it.

    Only the outbox: the store (with the single-writer lock), the runtime snapshot and a clock;
    no dedup index, HTTP client or parser workers, which sending never uses."""
    from monitor import runtime
    from monitor.daemon.metrics import Metrics
    from monitor.outbox.deliver import Outbox

    store = Store(config.storage_path)
    try:
        store.lock()
    except StoreError as exc:
        store.close()
        # The outbox holds it: whoever delivers next (the daemon within 30 s, or `run --once`) sends it.
        click.echo(f"not sent by this command ({exc}); a running daemon sends it within 30 s, else: monitor run --once")
        return
    try:
        report = Outbox(store, Metrics(), runtime.utc_now).deliver(runtime.load(config))
    finally:
        store.close()
    click.echo(f"sent {plural(report.sent, 'message')}, {report.failed} failed (retried: see monitor alerts list)")


def _rules(config: Config, files: Iterable[Path]) -> list[Rule]:
    files = list(files)
    if not files:
        return load_rules(config.rule_paths, config.targets)
    return load_rules(files, config.targets, aliases_from=config.rule_paths)


def _find(rules: list[Rule], name: str) -> Rule:
    for rule in rules:
        if rule.name.casefold() == name.casefold():
            return rule
    names = [r.name for r in rules]
    hint = did_you_mean(name, names, cutoff=0.4, otherwise=f" (rules: {', '.join(names)})")
    raise click.UsageError(f"no rule named {name!r}{hint}")


def _duration(value: str) -> float:
    try:
        return parse_duration(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from None


def _catch_up(store: Store) -> None:
    """Index what the daemon stored since its last catch-up; a database this command may not
    write is read as it is (the entries the index lacks are scanned)."""
    try:
        store.catch_up_fts()
    except StoreError as exc:
        log.info("full-text index not brought up to date (%s): the entries it lacks are scanned", exc)


def _stored_entry(ctx: click.Context, entry_id: int) -> Entry:
    with opened(ctx, must_exist=True) as store:
        try:
            return store.entry(entry_id)
        except KeyError as exc:  # a missing id
            raise StoreError(f"no entry {entry_id} in {store.path}: pick an id shown by `rules test`") from exc


def _print_report(report: RuleReport, limit: int, shown_misses: int, how: str) -> None:
    rule = report.rule
    click.echo("")
    click.secho(
        f"{rule.name} ({rule.source}): {len(report.matches)} matches, {report.near_miss_count} near misses "
        f"({report.examined} entries examined, {how})",
        bold=True,
    )
    for entry_id, entry, found in report.matches[:limit]:
        _print_entry("✓", entry_id, entry, found)
    if len(report.matches) > limit:
        click.echo(f"  … {len(report.matches) - limit} more matches")
    for entry_id, entry, found in report.near_misses[:shown_misses]:
        _print_entry("~", entry_id, entry, found)
        click.echo(f"      almost: {found.missing}")


def _print_entry(mark: str, entry_id: int, entry: Entry, found: Verdict) -> None:
    click.echo(f"  {mark} #{entry_id} {_when(entry)} {entry.outlet}: {highlight(entry.title, found.words)}")
    body = snippet(entry.body, found.words)
    if body:
        click.echo(f"      {highlight(body, found.words)}")
    click.echo(f"      matched: {', '.join(found.words) or '(no words)'}")


def snippet(text: str, words: Iterable[str]) -> str:
    """About SNIPPET characters of ``text`` around the first matched word found in it."""
    return body_snippet(text, words, SNIPPET)


def highlight(text: str, words: Iterable[str]) -> str:
    """Matched words in bold colour on a terminal, and in [brackets] so they show in any output."""
    pattern = words_pattern(words)
    if pattern is None:
        return text
    return pattern.sub(lambda m: click.style(f"[{m.group(0)}]", fg="yellow", bold=True), text)


def _when(entry: Entry) -> str:
    return entry.published.strftime("%Y-%m-%d") if entry.published else "undated"
