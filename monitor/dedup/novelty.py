"""What a text adds to a story: the news test before two entries are called one story. Pure.

Containment says how much text two entries share; it cannot say whether the newer one tells
something the story did not. A copy adds only wrapping (a byline, a credit, a correction or
editor's note, a line of context, an "updated" line) or trims; a sequel adds sentences that
carry names and numbers of their own: the next day's ruling after the first day's background
repeated word for word, a full write-up after its flash, a rewrite that leads with new figures.
So the test reads the whole text of the entry being decided, sentence by sentence, against every
verified entry of the candidate story at once (a story's other copies hold what one trimmed copy
lacks), and counts its *new* sentences: not the story's (neither word for word nor mostly its
shingles) and printing a name or number the story lacks (two, when a third of it is the story's:
a lead restated with the new ruling's judge and day, not a copy's reworded lead naming one day).
It is news when, an hour or more after the story's first entry (``LATER``),

- new sentences are ``NEW_SHARE`` or more of its text, ``NEW_SENTENCES`` of them printing
  ``NEW_FACTS`` names and numbers the story lacks (a flash, then another desk's write-up); or
- ``NEW_SENTENCES`` of them, printing as many, come before the first sentence it shares with the
  story, and it holds none of the story's first sentences word for word: the shared part is the
  background, not the lead (the next ruling of a case, whose first sentence restates the case); or
- it comes from the outlet of an entry of the story under another headline and holds none of the
  story's sentences word for word: that desk's rewrite of its own story (an outlet does not
  syndicate itself; re-running its entry, it keeps its sentences), whether a sentence is its own or
  each keeps a phrase of the story's (its figures, the name and verb of whom it quotes); or
- it comes from the outlet of an entry of the story under another headline, one of the story's
  sentences (more than a third of it, not word for word) prints a name or number the story
  lacks, and one sentence is its own: the desk's corrected re-issue ("16 trams", and the line
  saying the first version printed 18). Its readers were told a figure wrong: that is worth an
  alert. A desk's copy converting a unit inside a sentence ("19 km (11.8 miles)") adds no line of
  its own; one updating its figures under the same headline ("updated with police figures") is
  the same page, re-read: a copy.

In a script without capitals (Sinhala, Malayalam, Arabic, Thai...) names cannot be seen: only
numbers are facts. There a sentence of its own (sharing at most a third with the story) stands
for the names it prints, and one number the story lacks (``CASELESS_FACTS``) is enough: a
sequel's new lead and quote, not one new figure on top of a copy.

A wire update that puts one sentence with a new figure on top of the whole story keeps the
story's lead and adds one sentence: a copy. A text with capitals against a story with an entry
without them is not judged (a cased reprint prints names its caseless original cannot show); the
other way round it is: a caseless text's facts are its numbers, which a cased entry shows too.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from monitor.dedup.compare import MIN_OVERLAP, Stored, excerpt, sample_bound
from monitor.dedup.shingles import FACTS
from monitor.dedup.signature import NO_CAPITALS, Signature

NEW_SHARE = 0.4  # of the entry's text in new sentences
NEW_SENTENCES = 2  # new sentences: one is a wire update's new top line, or a unit converted
NEW_FACTS = 3  # names and numbers of theirs the story lacks
KNOWN = 1 / 2  # a sentence with more of its judged shingles in the story is the story's, reworded
RESTATED = 1 / 3  # one with more restates the story: new only with two names or numbers of its own
SENTENCE_SHINGLES = 5  # a shorter line is wrapping ("Listen (3 min)", "Author Rein Saar"), not a sentence of news
CASELESS_FACTS = 1  # in a text without capitals: its numbers are all the facts it shows
LATER = 3600  # seconds after the story's first entry: a text of the same hour is its original or its copy


@dataclass(frozen=True, slots=True)
class News:
    """What the entry adds to the story, in figures."""

    sentences: int  # its new sentences (own rewrite: its sentences none of the story's)
    of: int  # its sentences judged
    facts: int  # the names and numbers they print that the story lacks
    share: float  # their part (0-1) of its judged text
    lead: bool  # they come before the first sentence it shares with the story
    rewrite: str = ""  # the outlet whose own story it rewrites
    corrected: str = ""  # the outlet whose own story it re-issues with a changed figure

    def says(self) -> str:
        if self.corrected:
            return (
                f"is {self.corrected}'s corrected re-issue of its own story: {self.sentences} of its sentences"
                f" the story's but for {self.facts} names and numbers it does not print"
            )
        if self.rewrite:
            return (
                f"is {self.rewrite}'s rewrite of its own story: none of its {self.of} sentences is the story's"
                f" word for word" + (f", {self.sentences} of them its own" if self.sentences else "")
            )
        where = ", and opens with them where the story's lead is missing" if self.lead else ""
        return (
            f"adds {self.sentences} of its {self.of} sentences ({self.share * 100:.0f} % of its text) the story lacks,"
            f" with {self.facts} names and numbers it does not print{where}"
        )


@dataclass(slots=True)
class _Tally:
    """The entry's sentences read against the story."""

    judged: int = 0
    text: int = 0  # shingles of the judged sentences
    new: int = 0
    new_text: int = 0
    leading: int = 0  # new sentences before the first of the story's
    held: int = 0  # sentences the story has word for word
    own: int = 0  # sentences sharing at most a third with the story, whatever they print
    changed: int = 0  # the story's sentences (not word for word) printing a name or number it lacks
    changed_facts: frozenset[int] = frozenset()
    facts: frozenset[int] = frozenset()


def news(sig: Signature, story: list[Stored]) -> News | None:
    """The news ``sig`` adds to the story of the entries ``story`` (above), or None: it adds none."""
    caseless = bool(sig.flags & NO_CAPITALS)
    if not story or not sig.lines or (not caseless and any(doc.flags & NO_CAPITALS for doc in story)):
        return None  # its capitalised words are names a caseless entry of the story cannot show
    if sig.when - min(doc.seen for doc in story) < LATER:
        return None  # an original read after its summary copy holds it whole and adds the rest
    tally = _read(sig, story, caseless)
    # The desk itself, under another headline: its correction or its own rewrite.
    desk = sig.outlet if any(doc.outlet == sig.outlet and doc.title != sig.title for doc in story) else ""
    if desk and tally.changed and tally.own:  # its own line: the correction, saying what was wrong
        return News(tally.changed, tally.judged, len(tally.changed_facts), 0.0, False, corrected=desk)
    if desk and not tally.held and tally.judged >= NEW_SENTENCES:
        return News(tally.own, tally.judged, len(tally.facts), 0.0, False, desk)
    if tally.new < NEW_SENTENCES or len(tally.facts) < (CASELESS_FACTS if caseless else NEW_FACTS):
        return None
    # The story is a cut of this text: no news of its own (unless a later follow-up under its own lead, ``excerpt``).
    if excerpt(sig, max(story, key=lambda doc: doc.length), tally.leading >= NEW_SENTENCES):
        return None
    share = tally.new_text / tally.text
    first = {int.from_bytes(doc.sentences[:4], "little") for doc in story if doc.sentences}
    lead = tally.leading >= NEW_SENTENCES and not first.intersection(h for h, _, _ in sig.lines)
    return News(tally.new, tally.judged, len(tally.facts), share, lead) if share >= NEW_SHARE or lead else None


def _read(sig: Signature, story: list[Stored], caseless: bool) -> _Tally:
    """Each sentence of ``sig`` long enough to judge, against what the story's entries keep (``caseless``:
    a sentence of its own is new whatever it prints, above)."""
    bound = min(sample_bound(doc.sample) for doc in story)  # below it, every entry's sample is whole
    facts_bound = min(_facts_bound(doc.facts) for doc in story)
    known: set[int] = set()
    verbatim: set[int] = set()
    told: set[int] = set()
    for doc in story:
        known.update(np.frombuffer(doc.sample, dtype="<u4").tolist())
        known.update(np.frombuffer(doc.opening, dtype="<u4").tolist())
        verbatim.update(np.frombuffer(doc.sentences, dtype="<u4").tolist())
        told.update(np.frombuffer(doc.facts, dtype="<u4").tolist())
    tally, leading, facts, changed = _Tally(), True, set(), set()
    for h, shingles, printed in sig.lines:
        checked = [s for s in shingles if s < bound]
        if len(shingles) < SENTENCE_SHINGLES or len(checked) < MIN_OVERLAP:
            continue  # wrapping, or too few of its shingles can be looked for in the story
        found = sum(1 for s in checked if s in known)
        lacking = {f for f in printed if f <= facts_bound and f not in told}
        theirs = h in verbatim or found > KNOWN * len(checked)
        own = not theirs and found <= RESTATED * len(checked)
        new = not theirs and (len(lacking) >= (1 if own else 2) or (caseless and own))
        # The story's sentence (more than a third of it) not word for word, printing another figure.
        reworded = h not in verbatim and found > RESTATED * len(checked) and bool(lacking)
        leading = leading and not theirs  # a restated lead printing too little neither ends nor adds to it
        tally.judged += 1
        tally.text += len(shingles)
        tally.held += h in verbatim
        tally.own += own
        if reworded:
            tally.changed += 1
            changed |= lacking
        tally.leading += leading and new
        if new:
            tally.new += 1
            tally.new_text += len(shingles)
            facts |= lacking
    tally.facts, tally.changed_facts = frozenset(facts), frozenset(changed)
    return tally


def _facts_bound(facts: bytes) -> int:
    """Every name and number of the text hashed at or below this is in ``facts`` (the ``FACTS`` smallest)."""
    return int.from_bytes(facts[-4:], "little") if len(facts) == FACTS * 4 else (1 << 32) - 1
