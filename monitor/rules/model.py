"""The rule vocabulary: a rule is a name, a tree of groups and terms, scopes and routing.

Values only, and ``in_scope`` (which entries a rule looks at: no matcher needed, so a process
that only filters earlier matches by scope imports none). ``load`` builds them from YAML,
``match`` compiles them. Every field has
a default so a rule can be written in a test as ``Rule("x", Group("any", (Term("y"),)))``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from monitor.models import Burst, Entry
from monitor.rules.spike import Spike
from monitor.text import fold

GroupKind = Literal["all", "any", "none"]
Novelty = Literal["story", "event"]
OnUpdate = Literal["ignore", "alert"]
DeliveryMode = Literal["immediate", "digest"]
Severity = Literal["info", "normal", "urgent"]

# "lead" is derived: the title and the opening under it (the summary's first paragraph, then the
# content's when it is not the summary again; at most LEAD_WORDS words), one paragraph (rules/units.py).
# "article" is the linked page's text when it was fetched (issue 16), else empty.
FIELDS = ("title", "summary", "content", "author", "tags", "feed", "link", "lead", "article")
DEFAULT_FIELDS = ("title", "summary", "content", "article")
DEFAULT_NEAR = 20  # words: "near: true" means about a sentence
LEAD_WORDS = 60  # words of the opening the "lead" field keeps (unspaced scripts: twice as many characters)


@dataclass(frozen=True, slots=True)
class Term:
    """A phrase matched as whole words after folding; a trailing ``*`` matches any word ending.

    ``fuzzy`` (0–100) also accepts words this similar (rapidfuzz ratio); 0 means exact.
    ``regex`` makes ``text`` a google-re2 pattern run over the folded text.
    ``case``: a hit counts only where the text has the term's letter case (``may``, not the month).
    ``langs``: a hit counts only in an entry of one of these languages (the feed's, else detected),
    or whose language cannot be told: a word that is a negation in one language and a
    preposition in another (Spanish *no* "not", Portuguese *no* "in the").
    ``langs_except``: ``langs`` are the languages where it does not count (``lang: {except: […]}``).
    ``sounds``: a name matched by its sound in any script (rules/sounds.py): "Taliban" finds तालिबान.
    """

    text: str
    fuzzy: int = 0
    regex: bool = False
    case: bool = False
    langs: tuple[str, ...] = ()
    langs_except: bool = False
    sounds: bool = False

    @property
    def wildcard(self) -> bool:
        return not self.regex and self.text.endswith("*")

    @property
    def word_wildcards(self) -> bool:
        """A ``*`` ends some word before the last: ``Исламск* Эмират*`` (each word a prefix)."""
        return not self.regex and any(word.endswith("*") for word in self.text.split()[:-1])

    def __str__(self) -> str:
        if self.regex:
            return f"/{self.text}/"
        if self.sounds:
            return f"~{self.text}~"
        return f"{self.text}~{self.fuzzy}" if self.fuzzy else self.text


@dataclass(frozen=True, slots=True)
class Group:
    """``all``: every child holds; ``any``: at least one; ``none``: no child holds.

    ``near``: the children of an ``all`` must occur within this many words of each other.
    ``fields``: only hits in these entry fields count inside this group (None: inherit).
    ``label``: where the group came from, e.g. ``@taliban`` for an alias.
    ``ordered``: with ``near``, the children occur in the order written.
    ``sentence`` / ``paragraph`` / ``clause``: the children of an ``all`` occur in one sentence /
    paragraph / clause (a sentence cut at ``;``, at ``:`` outside a headline, and before "though", "хотя", "が、"…).
    ``comparison``: with ``sentence`` or ``clause``, hits inside a comparison phrase ("like Russia, …",
    "unlike India, …") do not count: the compared one is not the clause's subject.
    ``min_mentions``: the group holds only with at least this many hits (salience).
    ``unless``: hits standing close to a term of ``unless.group`` do not count (negation, hedging).
    ``langs`` / ``langs_except``: the group holds only in an entry of these languages (or, with
    ``langs_except``, of any other), or whose language cannot be told: a fallback for the languages
    a rule has no words in ("the project's name in the headline of a Maori story").
    """

    kind: GroupKind
    children: tuple[Group | Term, ...]
    near: int | None = None
    fields: tuple[str, ...] | None = None
    label: str = ""
    ordered: bool = False
    sentence: bool = False
    paragraph: bool = False
    clause: bool = False
    comparison: bool = True
    min_mentions: int = 1
    unless: Unless | None = None
    langs: tuple[str, ...] = ()
    langs_except: bool = False


@dataclass(frozen=True, slots=True)
class Unless:
    """``unless_near``: a hit within ``within`` words of a hit of ``group`` (or, with
    ``sentence`` / ``clause``, in the same sentence / clause as one) does not count for the
    group it belongs to. A hit of ``group`` inside a hit of ``exceptions`` (``except:``, a litotes
    or a negated negation such as "not only", "как никогда") vetoes nothing."""

    group: Group
    within: int | None = None
    sentence: bool = False
    clause: bool = False
    exceptions: Group | None = None


@dataclass(frozen=True, slots=True)
class Example:
    """A golden example: an entry's fields (``title`` alone for a plain string) and its line."""

    fields: tuple[tuple[str, str], ...]
    line: int = 0

    @property
    def text(self) -> str:
        return " / ".join(value for _, value in self.fields)


@dataclass(frozen=True, slots=True)
class Scope:
    """Which entries a rule looks at, before any term is sought."""

    feeds: tuple[str, ...] = ()  # folded feed names; empty: every feed
    exclude_feeds: tuple[str, ...] = ()
    lang: tuple[str, ...] = ()  # language codes; an entry without a language is kept
    max_age: float | None = None  # seconds; an entry without a date is kept


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    match: Group  # an implicit "all" of the groups written under ``match:``
    notify: tuple[str, ...] = ()  # named targets; empty means the default [notify].urls
    source: str = ""  # "path:line", for messages
    novelty: Novelty = "story"  # one alert per story, or one per event (several write-ups)
    on_update: OnUpdate = "ignore"  # alert again when an entry's text changes materially
    escalate_at: int | None = None  # one follow-up when a story reaches this many outlets
    delivery: DeliveryMode = "immediate"
    severity: Severity = "normal"  # "urgent" goes through quiet hours
    burst: Burst | None = None  # single alerts of this rule per target URL and window; replaces [notify].rule_burst
    fields: tuple[str, ...] = DEFAULT_FIELDS  # where terms are sought unless a group narrows it
    scope: Scope = field(default_factory=Scope)
    examples_match: tuple[Example, ...] = ()
    examples_no_match: tuple[Example, ...] = ()
    description: str = ""
    spike: Spike | None = None  # alert on a spike in this rule's stories (rules/spike.py)
    cooldown: float | None = None  # seconds: at most one message of this rule per target URL per period


def in_scope(scope: Scope, entry: Entry, now: datetime | None, lang: str | None = None) -> bool:
    """Scopes filter before any term is sought; missing language or date never excludes.

    ``lang``: the entry's language when known better than ``entry.lang`` (detected).
    """
    if scope.feeds or scope.exclude_feeds:
        outlet = fold(entry.outlet)
        if scope.feeds and outlet not in scope.feeds:
            return False
        if outlet in scope.exclude_feeds:
            return False
    code = lang if lang is not None else entry.lang.split("-")[0].lower()
    if scope.lang and code and code not in scope.lang:
        return False
    return not (
        scope.max_age is not None
        and now is not None
        and entry.published is not None
        and entry.published < now - timedelta(seconds=scope.max_age)
    )
