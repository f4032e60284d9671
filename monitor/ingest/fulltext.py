"""Whether an entry's article is worth fetching for its full text (issue 16). Pure: values in, a verdict out.

Per feed ``full_text`` (``models.FullText.mode``; the default is ``[polling].full_text``):

- ``never``: the feed's text is all the monitor reads.
- ``always``: every new entry with a link (feeds the analyst knows to be teasers).
- ``auto``: an entry whose text is *short* (fewer than ``min_words`` words in title,
  summary and content; unspaced scripts count two characters as a word) or visibly
  *truncated* (ends in "…", "[…]", "Read more", "Continue reading" and the like), AND
  that passes the rules' *prefilter*.

The prefilter is deliberately loose and cheap: some rule has a *required group* (a child
of its top-level ``all`` other than a ``none``; the whole match when it is a single
``any``) with any of its positive terms in the entry's title or summary, within the
rule's feed and language scopes. An article is fetched only when the feed's own text
gives a rule a foothold: a teaser about mining fetches "…signed a contract with the Uzbek
company…", a teaser about football does not. Fetching costs the outlet a page view; the
prefilter keeps that to the entries a rule could care about.
"""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from monitor.models import Entry, FullText
from monitor.text import NO_SPACE_RANGES

if TYPE_CHECKING:  # the config reads this module's settings: it need not compile rules (~0.1 CPU-s of imports)
    from monitor.rules import Group, RuleSet, Term

MODES = ("auto", "always", "never")
MIN_WORDS = 60  # an entry shorter than this is a teaser (the default of [polling].full_text_min_words)
# How teasers end: an ellipsis (maybe bracketed), or a link-text invitation to the page.
_TRUNCATED = re.compile(
    r"(?:…|\.\.\.|\[(?:…|\.\.\.)\]|\b(?:read more|continue reading|read the full (?:story|article)|more\s*»"
    r"|weiterlesen|lire la suite|leer más|seguir leyendo|читать далее|подробнее|続きを読む|阅读全文))\W*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Politeness:
    """[polling] full_text_* keys: how much the monitor may ask of an outlet's web server."""

    budget: int = 30  # article fetches per host per hour
    timeout: float = 10.0  # seconds for all the article fetches of one poll
    extract_timeout: float = 5.0  # seconds of extraction per page, in a parser worker
    max_bytes: int = 3 * 1024 * 1024
    min_words: int = MIN_WORDS


_UNSPACED = re.compile(f"[{NO_SPACE_RANGES}]")  # a character of a script written without spaces


def words(text: str) -> int:
    """Words in ``text``; in unspaced scripts (CJK) two characters count as one word."""
    spaced = len(text.split())
    # Counted in one scan, not a call per character (that was ~0.3 ms an entry, every entry of a cold run).
    unspaced = 0 if text.isascii() else len(_UNSPACED.findall(text))
    return spaced + unspaced // 2


def truncated(entry: Entry) -> bool:
    """The feed's text visibly stops short of the article."""
    text = (entry.content or entry.summary).strip()
    return bool(text) and _TRUNCATED.search(text[-80:]) is not None


def short(entry: Entry, min_words: int = MIN_WORDS) -> bool:
    """Fewer than ``min_words`` words in title, summary and content (``words``)."""
    text = f"{entry.title} {entry.summary} {entry.content}"
    # Most entries have many more spaced words: the first ``min_words`` settle it, and neither the rest
    # of the text nor its unspaced scripts (which only add words) are counted (~20 us an entry of 3 kB).
    if len(text.split(maxsplit=min_words)) >= min_words:
        return False
    return words(text) < min_words


def wanted(entry: Entry, setting: FullText, rules: RuleSet, min_words: int = MIN_WORDS) -> bool:
    """Whether to fetch ``entry``'s article under ``setting`` (see the module docstring)."""
    if not entry.link or entry.article or setting.mode == "never":
        return False
    if setting.mode == "always":
        return True
    return (short(entry, min_words) or truncated(entry)) and prefilter(rules).holds(entry)


class Prefilter:
    """Holds for an entry when any term of a required group of some rule is in its title or summary."""

    def __init__(self, rules: RuleSet):
        from monitor.rules import Group, Rule, RuleSet

        derived = [
            Rule(f"{rule.name}#{i}", Group("any", terms), fields=("title", "summary"), scope=rule.scope)
            for rule in rules.rules
            for i, terms in enumerate(required_terms(rule.match))
            if terms
        ]
        self.rules = RuleSet(derived)

    def holds(self, entry: Entry) -> bool:
        # The first rule that holds settles it: ``match`` went on through every rule and gathered each one's
        # matched words (the 1,137 entries a cold newsroom run asks about: 298 -> 114 us each, same answers).
        matcher = self.rules.matcher
        return next(matcher.holding(matcher.document(entry)), None) is not None


_compiling = threading.Lock()


def prefilter(rules: RuleSet) -> Prefilter:
    """The prefilter of ``rules``, compiled once per rule set (a reload brings a new one). Polls run in
    threads: without the lock the first few each compiled their own (5 of 14 in a cycle, ~0.05 CPU-s)."""
    with _compiling:
        return _prefilter(rules)


@functools.lru_cache(maxsize=4)
def _prefilter(rules: RuleSet) -> Prefilter:
    return Prefilter(rules)


def required_terms(match: Group) -> list[tuple[Term, ...]]:
    """The positive terms of each required group of a rule's match (see the module docstring)."""
    from monitor.rules import Group

    groups = match.children if match.kind == "all" else (match,) if match.kind == "any" else ()
    return [tuple(_positive(g)) for g in groups if not (isinstance(g, Group) and g.kind == "none")]


def _positive(node: Group | Term) -> list[Term]:
    from monitor.rules import Term

    if isinstance(node, Term):
        return [node]
    if node.kind == "none":
        return []
    return [t for child in node.children for t in _positive(child)]
