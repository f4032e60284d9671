"""The [notify] section and its [notify.targets.NAME] tables: targets, the operator, delivery policy."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from monitor.config.model import POLICY_KEYS, NotifySettings
from monitor.config.values import Reader, cron, integer, positive, string, urls
from monitor.durations import parse_duration
from monitor.errors import did_you_mean as _hint  # the one "did you mean"
from monitor.models import Burst, Chat, Target, Webhook
from monitor.outbox.policy import QuietHours, TargetPolicy, zone


def parse_operator(reader: Reader, notify: dict[str, Any], targets: dict[str, Target]) -> str:
    name = reader.get(notify, "notify", "operator", string, "default")
    if name not in targets:
        reader.problem(
            f"[notify].operator names unknown target {name!r}{_hint(name, targets)}: "
            "add [notify.targets.NAME] or use one of " + ", ".join(sorted(targets)),
            "notify",
            "operator",
        )
        return "default"
    return str(name)


def parse_targets(reader: Reader, notify: dict[str, Any]) -> dict[str, Target]:
    targets = {"default": Target("default", tuple(reader.get(notify, "notify", "urls", urls, [])))}
    named = notify.get("targets", {})
    if not isinstance(named, dict):
        reader.problem("[notify].targets must be tables: write [notify.targets.NAME]", "notify", "targets")
        return targets
    for name, table in named.items():
        section = f"notify.targets.{name}"
        if not isinstance(table, dict):
            reader.problem(f'[{section}] must be a table with urls = ["scheme://…"]', section)
            continue
        for key in set(table) - {"urls", "webhook", "chat", *POLICY_KEYS}:
            allowed = ", ".join(("urls", "webhook", "chat", *POLICY_KEYS))
            reader.problem(
                f"unknown key {key!r} in [{section}]{_hint(key, POLICY_KEYS) or f' (allowed: {allowed})'}", section, key
            )
        if name == "default":
            reader.problem('"default" is reserved for [notify].urls: pick another target name', section)
            continue
        hook, chat = _webhook(reader, table, section), _chat(reader, table, section)
        targets[name] = Target(name, tuple(reader.get(table, section, "urls", urls, [])), hook, chat)
    return targets


def _webhook(reader: Reader, table: dict[str, Any], section: str) -> Webhook | None:
    """``webhook = { url = …, secret_env = … }``: a signed webhook target (outbox/webhook.py)."""
    from monitor.outbox.webhook import parse_spec

    line = reader.line_of(section, "webhook")
    base = reader.path.resolve().parent
    return reader.get(table, section, "webhook", lambda v: parse_spec(v, base, line), None)


def _chat(reader: Reader, table: dict[str, Any], section: str) -> Chat | None:
    """``chat = { service = "slack", url = … }``: a chat service in its own format (outbox/chat.py)."""
    from monitor.outbox.chat import parse_spec

    line = reader.line_of(section, "chat")
    base = reader.path.resolve().parent
    return reader.get(table, section, "chat", lambda v: parse_spec(v, base, line), None)


def parse_settings(reader: Reader, notify: dict[str, Any], base: Path) -> NotifySettings:
    """[notify]'s delivery keys: the defaults, then each named target's own policy over them."""
    default = _policy(reader, notify, "notify", TargetPolicy())
    policies = {"default": default}
    named = notify.get("targets", {})
    for name, table in named.items() if isinstance(named, dict) else ():
        if isinstance(table, dict):
            policies[name] = _policy(reader, table, f"notify.targets.{name}", default)
    templates = reader.get(notify, "notify", "templates", string, None)
    if templates is not None and not (base / templates).is_dir():
        reader.problem(f"[notify].templates: folder {base / templates} does not exist", "notify", "templates")
        templates = None
    return NotifySettings(
        policies=policies,
        throttle=reader.get(notify, "notify", "throttle", parse_duration, 0.0),
        templates=base / templates if templates else None,
        rule_burst=reader.get(notify, "notify", "rule_burst", Burst.parse, None),
    )


def _policy(reader: Reader, table: dict[str, Any], section: str, inherited: TargetPolicy) -> TargetPolicy:
    def get(key: str, convert: Callable[[Any], Any]) -> Any:
        return reader.get(table, section, key, convert, getattr(inherited, key))

    timezone = get("timezone", lambda v: zone(string(v)).key)
    tz = zone(timezone)
    digest = get("digest", lambda v: cron(string(v), tz))
    quiet = inherited.quiet
    if "quiet" in table:
        quiet = reader.get(table, section, "quiet", lambda v: QuietHours.parse(string(v), tz), None)
    elif quiet is not None and "timezone" in table:
        quiet = QuietHours(quiet.start, quiet.end, tz)  # the inherited window, in this target's zone
    return TargetPolicy(
        digest=digest,
        timezone=timezone,
        quiet=quiet,
        burst=get("burst", Burst.parse),
        max_attempts=get("max_attempts", positive(integer)),
        max_age=get("max_age", positive(parse_duration)),
    )
