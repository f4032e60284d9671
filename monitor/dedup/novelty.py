"""What a text adds to a story: the news test before two entries are called one story. Pure.

Containment says how much text two entries share; it cannot say whether the newer one tells
something the story did not. A copy adds only wrapping (a byline, a credit, a correction or
editor's note, a line of context, an "updated" line) or trims; a sequel adds sentences that
carry names and numbers of their own: the next day's ruling after the first day's background
repeated word for word, a desk's full write-up after its flash, a rewrite that leads with a new
figure. So the test reads the whole text of the entry being decided, sentence by sentence,
against every verified entry of the candidate story at once (a story's other copies hold what
one trimmed copy lacks), and counts the sentences the story lacks that print a name or number
it lacks. It is news when

- those sentences are ``NEW_SHARE`` or more of the entry's text, ``NEW_SENTENCES`` of them
  printing ``NEW_FACTS`` names and numbers the story lacks (a flash and its write-up); or
- ``NEW_SENTENCES`` of them come before the first sentence it shares with the story, and it holds
  none of the story's first sentences word for word: the shared part is the background, not the
  lead (the next ruling of a case, whose first sentence restates the case).

A wire update that puts one sentence with a new figure on top of the whole story keeps the
story's lead and adds one sentence: a copy. A text with no capitals against one with them is
not judged (a cased reprint prints names its caseless original cannot show).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from monitor.dedup.compare import MIN_OVERLAP, Stored, sample_bound
from monitor.dedup.shingles import FACTS
from monitor.dedup.signature import NO_CAPITALS, Signature

NEW_SHARE = 0.4  # of the entry's text in sentences the story lacks, printing facts it lacks
NEW_SENTENCES = 2  # such sentences: one is a wire update's new top line, or a unit converted
NEW_FACTS = 3  # names and numbers of theirs the story lacks
KNOWN = 1 / 2  # a sentence with more of its judged shingles in the story is the story's, reworded
RESTATED = 1 / 3  # one with more restates the story: news only with two names or numbers of its own
SENTENCE_SHINGLES = 5  # a shorter line is wrapping ("Listen (3 min)", "Author Rein Saar"), not a sentence of news
LATER = 3600  # seconds after the story's first entry: a text of the same hour is its original or its copy


@dataclass(frozen=True, slots=True)
class News:
    """Sentences of the entry the story lacks, printing names and numbers it lacks."""

    sentences: int  # how many
    of: int  # of the entry's sentences judged
    facts: int  # the names and numbers they print that the story lacks
    share: float  # their part (0-1) of the entry's judged text
    lead: bool  # the entry opens with one, holding none of the story's first sentences

    def says(self) -> str:
        where = ", and opens with them where the story's lead is missing" if self.lead else ""
        return (
            f"adds {self.sentences} of its {self.of} sentences ({self.share * 100:.0f} % of its text) the story lacks,"
            f" with {self.facts} names and numbers it does not print{where}"
        )


def news(sig: Signature, story: list[Stored]) -> News | None:
    """The news ``sig`` adds to the story of the entries ``story`` (above), or None: it adds no news."""
    if not story or not sig.lines or any((sig.flags ^ doc.flags) & NO_CAPITALS for doc in story):
        return None
    if sig.when - min(doc.seen for doc in story) < LATER:
        return None  # an original read after its summary copy holds it whole and adds the rest
    bound = min(sample_bound(doc.sample) for doc in story)
    known: set[int] = set()
    verbatim: set[int] = set()
    told: set[int] = set()
    for doc in story:
        known.update(np.frombuffer(doc.sample, dtype="<u4").tolist())
        known.update(np.frombuffer(doc.opening, dtype="<u4").tolist())
        verbatim.update(np.frombuffer(doc.sentences, dtype="<u4").tolist())
        told.update(np.frombuffer(doc.facts, dtype="<u4").tolist())
    facts_bound = min(_facts_bound(doc.facts) for doc in story)
    judged = total = new_text = sentences = 0
    new_facts: set[int] = set()
    opening = 0  # the new sentences before the first of the story's
    leading = True  # no sentence of the story's read yet
    for h, shingles, facts in sig.lines:
        checked = [s for s in shingles if s < bound]
        if len(shingles) < SENTENCE_SHINGLES or len(checked) < MIN_OVERLAP:
            continue  # wrapping, or too few of its shingles can be looked for in the story: not judged
        judged += 1
        total += len(shingles)
        found = sum(1 for s in checked if s in known)
        lacking = {f for f in facts if f <= facts_bound and f not in told}
        theirs = h in verbatim or found > KNOWN * len(checked)
        # The more of a sentence the story holds, the more it must print of its own to be news: a lead
        # restated with the new ruling's judge and day, not a copy's reworded lead naming one day.
        new = not theirs and len(lacking) >= (1 if found <= RESTATED * len(checked) else 2)
        leading = leading and not theirs  # a restated lead without new facts neither ends nor adds to it
        opening += leading and new
        if new:
            sentences += 1
            new_text += len(shingles)
            new_facts |= lacking
    if sentences < NEW_SENTENCES or len(new_facts) < NEW_FACTS or not total:
        return None
    share = new_text / total
    lead = opening >= NEW_SENTENCES and not any(_first(doc) in _hashes(sig) for doc in story)
    return News(sentences, judged, len(new_facts), share, lead) if share >= NEW_SHARE or lead else None


def _facts_bound(facts: bytes) -> int:
    """Every name and number of the text hashed at or below this is in ``facts`` (the ``FACTS`` smallest)."""
    return int.from_bytes(facts[-4:], "little") if len(facts) == FACTS * 4 else (1 << 32) - 1


def _first(doc: Stored) -> int | None:
    return int.from_bytes(doc.sentences[:4], "little") if doc.sentences else None


def _hashes(sig: Signature) -> set[int]:
    return {h for h, _, _ in sig.lines}
