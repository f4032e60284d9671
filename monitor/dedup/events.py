"""Event clustering: different write-ups of the same happening. Pure.

A story's keywords (``eventkeys``) come from its title and opening, merged over all its copies:

- names (capitalised words, katakana runs) as script-neutral sound keys, so Лавров,
  Lavrov and ラブロフ are one key (``names``);
- numbers of two or more digits, and named days ("July 3", "3 июля", "7月3日" → ``@07-03``);
- the lower-case words of the title and the lead (first ``LEAD_WORDS`` words), which say
  *what* happened ("recognise", "ceasefire", "mining") where names only say who;
- character pairs of Japanese and Chinese text.

Two stories belong to one event when

- their event times are within ``EVENT_HOURS`` (events are short). The event time is the
  publication time, or an earlier day the opening names ("ロシア外務省は7月3日、…"), so a
  translation published days later is still compared with the day's reports;
- the IDF-weighted cosine of their keywords reaches ``threshold``. IDF counts stories in
  the window, so "Russia" weighs little and "Wonsan", "Kursk" or "Zhirnov" a lot. Cosine,
  unlike Jaccard, does not punish a story whose many copies added many headline words.
  Script-bound keys (words, CJK pairs) count only when both stories have keys of that
  script: an English and a Russian report are compared on names, numbers and days.

Candidates come from an inverted index over names, numbers and days, read newest first
and capped per key, so the cost depends on how many recent stories share rare names. A candidate
shares three of them, or both when the window knows only two of the new story's (a correction naming
the place and the figure it fixes): such a pair joins only at the full overlap, and only when its headline
names someone, somewhere or a figure, each the other's too (``LEAST_SHARED``).
Two reports that each print ``MIN_NUMBERS`` numbers or more and share none (nor a named day)
are different happenings, however alike their words (``_numbers_disagree``); so are one outlet's
two stories hours apart whose headlines each name what the other never names (``_siblings``), or
sharing a third of their text around other news (``RELEASE_TEXT``: two releases of one press kit). An
outlet's own story a day later naming someone, somewhere or a figure its first never named is its next
development, another happening (``_develops``: the toll risen, the road reopened, the desk's report of another
town); one naming nothing new (a correction, an editor's note) joins at a lower overlap (``OWN_LATER``), when it
shares a name or figure of either headline. Any report more than ``NEAR_HOURS`` after a story that dates its news
on a later day than that story does, none of its headline's figures again, is what happened next (``_next_day``:
"on Wednesday the levee was closed" after Tuesday's breach). A desk's next issue of its own template joins
none of that issue's event (``_issues``). Another outlet's report within ``NEAR_HOURS`` in another script, sharing only
``ACROSS_SHARED`` rare names and numbers, a figure among them and half the figures of either, is a rewrite of
the same happening (``_across``: a wire's English rewrite of a Han, Thai or Arabic brief).
The decision names the shared keys (rarest first), the score and the time apart.
Measured by benchmarks/dedup_quality.py (eval, catalogue and held-out v1 side by side).
"""

from __future__ import annotations

import math
import sys
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from itertools import chain, filterfalse

import numpy as np

from monitor.dedup.bulk import keyword_tables
from monitor.dedup.eventdays import dated_later, datelike

# Keyword extraction lives in ``keywords``; these names stay importable from here.
from monitor.dedup.eventkeys import (  # noqa: F401
    _NEUTRAL,
    _NUMBER,
    _SCRIPTS,
    _WORD,
    SCRIPT_MEMO,
    WEEKDAY_MARK,
    WORD_MARK,
    _neutral,
    _numbers,
    _script,
    _scripts,
    _words,
    event_time,
    headline_names,
    keywords,
    keywords_and_heads,
    keywords_written,
    script_of,
)
from monitor.dedup.eventscore import (  # noqa: F401 (CANDIDATES, MIN_NUMBERS: part of find's contract)
    CANDIDATES,
    LEAST_SHARED,
    MIN_NUMBERS,
    MIN_SHARED,
    _bound,
    _count_numbers,
    _most_found,
    _named,
    _numbers_disagree,
    _of_scripts,
    _rarest,
    _score,
    _weight,
    _Weights,
)
from monitor.dedup.subjects import framed, other_subject

EVENT_HOURS = 36.0
_AFTER_MARK = chr(ord(WORD_MARK) + 1)  # the keys from WORD_MARK up to this one are the headline words
_AFTER_WEEKDAY = chr(ord(WEEKDAY_MARK) + 1)  # the keys before this one are weekdays (no other key starts below)
POSTINGS_READ = 200  # newest stories read per keyword: events are recent
# Reports of one happening within NEAR_HOURS that name mostly the same people, places, numbers and
# days (NAMED_SHARE of the new story's, IDF-weighted) join at a lower overlap (NAMED_FLOOR): the
# cosine is diluted by each outlet's own headline and lead words and by the copies' headlines.
# So do reports (within EVENT_HOURS) that share RARE_SHARED names and numbers each found in at most
# RARE_DF stories of the window: a person's first and last names, a firm, a ship, a figure; the
# next day's follow-up names them again.
NEAR_HOURS = 12.0
NAMED_SHARE = 0.4
NAMED_FLOOR = 0.05
RARE_SHARED = 6
RARE_DF = 2
RARE_STORIES = 8  # the most stories of RARE_DF events a rare key may be found in (``EventIndex._rare``)
# Or (within NEAR_HOURS) that share RARE_FIGURES numbers and as many rare names and numbers: reports in
# two scripts write their names apart (ក្រចេះ, Kratie), not their figures (184 passengers, 16 km).
RARE_FIGURES = 3
# Or (within NEAR_HOURS, from two outlets writing in two scripts) that share ACROSS_SHARED such rare keys, a
# figure among them: all a wire's English rewrite of a Han, Thai or Arabic brief writes alike (``_across``).
ACROSS_SHARED = 2
STRAY_WORDS = 3  # words of a script a carrier's stamp line may add to a report in another (``_written_apart``)
# Or (within NEAR_HOURS, from two outlets) that share no headline or lead word, as reports in two languages
# do (an English wire and the Somali, Persian or Icelandic original), but RARE_APART rare names and numbers,
# a name and a figure among them (or RARE_FIGURES figures, where the names are written apart: 松江, Matsue): the
# few keys two languages write alike are the event's who and how many.
RARE_APART = 2
DATED_NAMES = 2 * RARE_APART  # names two such reports sharing only a date-like figure name alike (``_apart``)
# Or (within NEAR_HOURS, from one desk) that share RETOLD_SHARED names and figures, RETOLD_FIGURES figures among them
# (one of the new headline's), and hardly a headline or lead word: the desk's report in another language (``_retold``).
RETOLD_SHARED = 5
RETOLD_FIGURES = 2
HEAD_DF = 3
HEAD_NUMBERS = 2
# A story sharing SERIES_TEXT % of its text with one published SERIES_HOURS or more before, without
# being its copy, is the next issue of a series written from one template (the next day's market
# close, river level or weather warning): another happening. A follow-up is new text. Within NEAR_HOURS, the
# desk's own story it shares that much of and whose figures it swaps for others is its next brief in that frame
# (``_briefs``; measured: event precision v49 0.880 -> 1.000, v44 0.950 -> 1.000, no other tuning set moved).
SERIES_HOURS = 12.0
SERIES_TEXT = 25.0
# One outlet's new story within NEAR_HOURS sharing RELEASE_TEXT % of the longer text with its own story,
# without being its copy, follow-up or sequel, is its next release from one press kit: the issuer's "About"
# paragraph and its chief's quote repeated around other news (a firm's new chief and its new plant; a
# council's road works and its schools; one road template filled for two villages). A flash and its
# write-up share the flash's one sentence: a small share of the longer text.
RELEASE_TEXT = 30.0
# One outlet's new story more than NEAR_HOURS after its own story, naming nothing the first did not (``_develops``:
# a correction, an editor's note), joins that story's event at this overlap: it is written afresh and shares the
# who and where, few words. Its next-day stories of other happenings shared more and joined before (a template's
# next issue: ``SERIES_TEXT``, ``_numbers_disagree``) or shared far less (tuning sets: <= 0.13).
OWN_LATER = 0.15
# One outlet's two new stories within NEAR_HOURS whose headlines each name someone or somewhere the other
# report never names are two announcements of one issuer or desk (a firm's new plant in Tanga and its 5G
# launch in Dodoma; a council's hotel refusal and its fuel-station approval), however many of the issuer's
# names (its chief, its founding year, its city) the two share: an outlet does not report one happening
# twice as new stories the same day; its follow-ups and corrections reuse its text (``index._next_story``).
# Stories rebuilt at start-up keep their headline count and outlet (stored with the signature).


@dataclass(frozen=True, slots=True)
class EventMatch:
    event_id: int
    story_id: int
    score: float
    shared: tuple[str, ...]  # rarest first
    hours_apart: float
    words: int = 0  # shared keys ``shared`` leaves out: headline and lead words, character pairs
    named: float = 0.0  # the share of the new story's names, numbers and days (IDF-weighted) shared
    rare: int = 0  # shared names and numbers found in at most RARE_DF stories of the window
    own: bool = False  # the story is by the new story's outlet
    anchors: int = MIN_SHARED  # shared names, numbers and days (script-neutral keys)
    headlined: bool = True  # a name or figure of either report's headline is shared (``OWN_LATER``)
    apart: bool = False  # another outlet's report in another script, sharing rare keys alone (``_across``)

    @property
    def reason(self) -> str:
        names = ", ".join(self.shared[:6])
        others = f"{self.words} word{'s' * (self.words != 1)} of headline and lead"
        shares = f"{names} and {others}" if names and self.words else names or others
        return (
            f"same event as story {self.story_id}: shares {shares}; "
            f"overlap {self.score:.2f}, {self.named * 100:.0f} % of its names, {self.hours_apart:.0f} h apart"
        )

    def as_written(self, written: dict[str, str]) -> EventMatch:
        """This match naming only the shared people, places, numbers and days, as ``written``
        (key -> the word as the entry wrote it), never a sound key (``trbn``); the other shared
        keys (headline words, character pairs) are counted."""
        names = [written[key] for key in self.shared if _script(key) is None and key in written]
        others = sum(_script(key) is not None for key in self.shared)
        return replace(self, shared=tuple(dict.fromkeys(names)), words=others)


@dataclass(slots=True)
class _Story:
    event_id: int
    keywords: tuple[str, ...]  # interned: the window's stories share one string per keyword
    when: float
    scripts: frozenset[str | None]  # of the script-bound keywords, and None (shared, see _scripts)
    heads: int = 0  # its first ``heads`` keywords are its headline's (``keywords_and_heads``); 0: unknown
    outlet: str = ""  # of its first entry; "" unknown


class EventIndex:
    """Stories of the window by keyword; ``find`` proposes the event a new story belongs to."""

    def __init__(self, threshold: float = 0.23):
        self.threshold = threshold
        self._stories: dict[int, _Story] = {}
        # Script-neutral keyword (name, number, day) -> stories, oldest first.
        # Arrays, not lists: millions of small lists make every garbage collection crawl.
        self._postings: dict[str, array[int]] = {}
        # Every keyword -> how many stories have it (for a script-neutral one, its postings' length).
        # Script-bound keywords only weigh in the score, so only their DF is kept.
        self._df: Counter[str] = Counter()
        self._top_story = 0  # the highest story id indexed
        self._most_df = 0  # no keyword is in more stories than this (``find``'s bound; raised by ``add``)
        # Event -> the outlets of its stories (one outlet as a string, the common case; a set when several): which
        # desks reported a happening themselves (``_told``).
        self._desks: dict[int, str | set[str]] = {}

    def __len__(self) -> int:
        return len(self._stories)

    def load(self, rows: Sequence[tuple[int, int, tuple[str, ...], float, int, str]]) -> None:
        """``add`` of each (story, event, keywords, when, heads, outlet) in turn into an empty index (the
        start-up rebuild, keywords interned by the store), with the counting and postings done in bulk."""
        added: list[tuple[str, ...]] = []
        for story_id, event_id, words, when, heads, outlet in rows:
            story = self._stories.get(story_id)
            if story is None:  # keywords are distinct by construction (``keywords_written``)
                self._stories[story_id] = _Story(event_id, words, when, _scripts(words), heads, outlet)
            else:
                known = set(story.keywords)
                words = tuple(w for w in dict.fromkeys(words) if w not in known)
                story.keywords += words
                story.scripts = _scripts(words, story.scripts)
            added.append(words)
        owners = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        self._df, self._postings = keyword_tables(added, owners, _script)
        self._top_story = max(self._stories, default=0)
        self._most_df = max(self._df.values(), default=0)
        self._desks_anew()

    def event_of(self, story_id: int) -> int | None:
        story = self._stories.get(story_id)
        return story.event_id if story else None

    def outlet_of(self, story_id: int) -> str:
        """The outlet of a story of the window (its first entry's), or "": a carrier's copy may be the entry
        closest to a new one, and the desk whose next brief it may be is the story's."""
        story = self._stories.get(story_id)
        return story.outlet if story else ""

    def develops(self, words: Iterable[str], outlet: str, when: float, story_id: int) -> bool:
        """Is a new story of ``outlet`` at ``when`` that desk's next development of its own story ``story_id``:
        more than ``NEAR_HOURS`` later, naming someone, somewhere or a figure the story never names
        (``_develops``)? Then it reports another happening, however much of that story's text it repeats
        (round 67: a desk's day-two story opening with its first paragraph, then the toll risen)."""
        story = self._stories.get(story_id)
        if story is None or not outlet or outlet != story.outlet or abs(when - story.when) <= NEAR_HOURS * 3600:
            return False
        return _develops(words, set(story.keywords))

    def keywords_of(self, story_id: int) -> tuple[str, ...]:
        """The keywords of a story of the window (every entry's), or none."""
        story = self._stories.get(story_id)
        return story.keywords if story else ()

    def add(
        self, story_id: int, event_id: int, words: tuple[str, ...], when: float, heads: int = 0, outlet: str = ""
    ) -> None:
        """Index a story, or add the keywords of another of its entries. A new story's first ``heads``
        ``words`` are its headline's names (``keywords_and_heads``), ``outlet`` its outlet (for ``_siblings``)."""
        story = self._stories.get(story_id)
        if story is not None:  # a copy's own headline adds names: the story's keywords are the union
            known = set(story.keywords)
            words = tuple(dict.fromkeys(sys.intern(w) for w in words if w not in known))
            story.keywords += words
            story.scripts = _scripts(words, story.scripts)
            neutral: Iterable[str] = filterfalse(_script, words)
        else:
            words = tuple(dict.fromkeys(map(sys.intern, words)))  # each story once in a posting list
            scripts = _scripts(words)
            self._stories[story_id] = _Story(event_id, words, when, scripts, heads, sys.intern(outlet))
            self._top_story = max(self._top_story, story_id)
            self._desk(event_id, self._stories[story_id].outlet)
            neutral = _neutral(words, scripts)
        df = self._df
        df.update(words)
        self._most_df = max(self._most_df, max(map(df.__getitem__, words), default=0))
        postings = self._postings
        for word in neutral:
            if (found := postings.get(word)) is not None:
                found.append(story_id)
            else:
                postings[word] = array("q", (story_id,))

    def idf(self, word: str) -> float:
        return math.log(1 + (len(self._stories) + 1) / (self.df(word) + 1))

    def df(self, word: str) -> int:
        """How many stories of the window have ``word``."""
        return self._df.get(word, 0)

    def find(
        self,
        words: tuple[str, ...],
        when: float,
        series: dict[int, float] | None = None,
        heads: tuple[str, ...] = (),
        outlet: str = "",
        releases: dict[int, float] | None = None,
    ) -> EventMatch | None:
        """The closest story within ``EVENT_HOURS`` sharing ``MIN_SHARED`` names, numbers or days (``LEAST_SHARED``:
        all the window knows of a new story's, when fewer); ``joins`` judges it.

        Only script-neutral keys look up candidates (an event has a who, where or when), each
        reading at most the ``POSTINGS_READ`` newest stories, so the cost per entry is bounded
        whatever the window holds; every keyword counts in the score. The candidates are the
        ``CANDIDATES`` stories found under the most keys (ties: the first found, reading the
        keys in sorted order and each one's postings oldest first: the same on every run, whatever
        the hash seed). ``series``: story -> the
        percent of the new story's text it shares (``SERIES_TEXT``). ``heads``: the keys of the names
        the new story's headline writes; ``outlet``: its outlet (``_siblings``); ``releases``: that
        outlet's stories, with the percent of the longer text they share (``RELEASE_TEXT``).
        """
        query = sorted(set(words))
        postings = self._postings
        # Weekdays (``WEEKDAY_MARK``, sorted first) weigh only in ``_across``: many reports of a day name its
        # weekday, so it tells one happening from another only beside a rare figure, in two scripts.
        cut = bisect_left(query, _AFTER_WEEKDAY)
        days, query = query[:cut], query[cut:]
        dated = [found[-POSTINGS_READ:] for found in map(postings.get, days) if found]
        # Headline words (WORD_MARK: script-bound) have no postings: their block of the sorted query is not looked up,
        # each lookup a cache miss in the window's large dict. A slice copies: taken only of the longer postings.
        start, end = bisect_left(query, WORD_MARK), bisect_left(query, _AFTER_MARK)
        read = [
            found if len(found) <= POSTINGS_READ else found[-POSTINGS_READ:]
            for found in map(postings.get, chain(query[:start], query[end:]))
            if found
        ]
        if len(read) < LEAST_SHARED:  # no story can share enough keys for the cosine: the common case counts none
            # but a rewrite in another script (``_across``) or a rival's brief without spaces (``_alike``), read
            # from the rare keys alone
            if not read:
                return None
            return self._across(query, read, when, outlet, days, dated) or self._alike(query, read, when, outlet)
        # A story sharing MIN_SHARED of them, or every one the window knows when it knows fewer (``joins``).
        least = max(LEAST_SHARED, min(MIN_SHARED, len(read)))
        candidates = _most_found(read, self._top_story < 1 << 31, least)
        if not candidates:  # most new stories (sp37): what weighs and judges candidates is not set up
            return self._across(query, read, when, outlet, days, dated) or self._alike(query, read, when, outlet)
        best: EventMatch | None = None
        weighed: dict[str, float] = {}  # the best's query keys, weighed (``_named``)
        weights = _Weights(self._df, len(self._stories))
        floor = weights.least(self._most_df)  # the least weight of a candidate's keyword (``_bound``)
        scripts = _scripts(query)
        # The query's keys by the story's scripts: weighed, their total, and as a set (intersected with each
        # candidate's keys without copying the query's again, as ``a.keys() & b`` does)
        restricted: dict[frozenset[str | None], tuple[dict[str, float], float, set[str]]] = {}
        numbered = _count_numbers(query) >= MIN_NUMBERS  # for _numbers_disagree, asked of each candidate
        kits = self._kits(releases, outlet, when) | self._issues(series, outlet, when)
        kits |= self._briefs(series, outlet, when, query)
        named_heads = headline_names(heads)  # whom and where the headline names (not its figures)
        dates = [*days, *(w for w in query if w[:1] == "@")]  # the days it names (``_next_day``), sought once
        for story_id in candidates:
            story = self._stories[story_id]
            hours = abs(story.when - when) / 3600
            if hours > EVENT_HOURS:
                continue
            if series and hours >= SERIES_HOURS and series.get(story_id, 0.0) >= SERIES_TEXT:
                continue  # the next issue of a template: its shared words are the template's
            if story.event_id in kits:
                continue  # the desk's next issue of its template, or release of a press kit: its words are theirs
            if story.outlet != outlet and self._told(story.event_id, outlet):
                continue  # a rival's report of a happening the desk told itself: joined through its own, if at all
            # A script-bound key counts only when the other report has keys of that script too:
            # a Japanese report's character pairs cannot appear in an English one, and counting
            # them would only dilute the names and days the two do share.
            # Its keywords are distinct: as a tuple they count, weigh and intersect as the set would.
            b: Collection[str] = story.keywords
            if story.scripts is not scripts:
                b = _of_scripts(b, scripts & story.scripts)
            if (restriction := restricted.get(story.scripts)) is None:
                keys = query if story.scripts is scripts else _of_scripts(query, scripts & story.scripts)
                a = dict(zip(keys, weights.of(keys), strict=True))
                restriction = restricted[story.scripts] = a, math.fsum(a.values()), set(a)
            a, total, asked = restriction
            common = asked.intersection(b)
            weight = _weight(a, common)
            if best is not None and _bound(weight, total, len(b) - len(common), floor) < best.score:
                continue  # cannot score above the best: weighing all its keywords would be wasted
            if _numbers_disagree(query, b, common, numbered):
                continue
            score = _score(weight, b, weights, total)
            if best is None or score > best.score:
                shared = _rarest(a, common)
                # Asked only of the best so far (the same outcome, a fraction of the cost): a headline
                # naming someone or somewhere the other report never names reports another happening.
                held = set(b)
                if (
                    named_heads
                    and story.scripts is scripts
                    and held.isdisjoint(named_heads)
                    and not self._rare_name(shared)
                ):
                    continue
                if least < MIN_SHARED and not (named_heads and held.issuperset(named_heads)):
                    continue  # two anchors: a report of whom or where the story is about (its headline names them)
                near_own = outlet and outlet == story.outlet and hours <= NEAR_HOURS
                retold = near_own and _retold(query, heads, held)
                if (
                    near_own
                    and not retold
                    and (_siblings(query, heads, held, story) or _headline_dropped(query, story))
                ):
                    continue
                # The desk's next development of its own story: another happening (``OWN_LATER``), naming someone,
                # somewhere or a figure the story never names; and any desk's report hours on dating its news a day
                # after the story's, none of its headline's figures again (``_next_day``).
                if outlet and outlet == story.outlet and hours > NEAR_HOURS and _develops(query, held):
                    continue
                if hours > NEAR_HOURS and dates and _next_day(dates, query, held, story):
                    continue
                if hours >= SERIES_HOURS and _next_issue(query, heads, held, story):
                    continue
                if series is not None and heads and story.heads:  # another subject in a report's words (``subjects``)
                    share = partial(framed, series, self.event_of, story.event_id)  # asked last
                    if other_subject(heads, query, story.keywords[: story.heads], held, shared, share):
                        continue
                own = bool(outlet) and outlet == story.outlet and not retold
                # whom, where or which figure a headline names, the other report names too (``OWN_LATER``)
                headlined = not held.isdisjoint(heads) or not common.isdisjoint(story.keywords[: story.heads])
                best = EventMatch(story.event_id, story_id, score, shared, hours, 0, 0.0, 0, own, headlined=headlined)
                weighed = a
        # What the match says of its shared keys, counted for the best alone: the loop reads only its score.
        return self._across(query, read, when, outlet, days, dated) if best is None else self._described(best, weighed)

    def _across(
        self,
        query: list[str],
        read: list[array[int]],
        when: float,
        outlet: str,
        days: Sequence[str] = (),
        dated: Sequence[array[int]] = (),
    ) -> EventMatch | None:
        """Another outlet's story within ``NEAR_HOURS`` in another script sharing ``ACROSS_SHARED`` names and
        numbers each found in at most ``RARE_DF`` stories of the window (``read``: the postings of ``query``'s
        names, numbers and days), a figure among them: the match ``joins`` takes as a rewrite in another script.

        A wire desk's English rewrite of a Han, Thai, Arabic or Devanagari brief writes its people and places
        apart (太原, Taiyuan) and shares none of its words: what the two write alike is a figure or two and,
        at best, a name, too few for the cosine or for ``MIN_SHARED``. "Another script": the two have no
        script of words in common, and one of them has words of a script (a caseless script's words are sound
        keys, script-neutral: two Arabic reports are never apart). Asked only when no other story is a match.
        ``days``: the weekdays the new story names, ``dated`` their postings: a rare one counts as a key beside
        the figures, when the two print the same ones (``_same_figures``): the brief and its rewrite name the day
        of the happening ("གཟའ་ཕུར་བུ", "Thursday") and its number ("༢༠༠", "200"), nothing else both write alike."""
        rare = [found for found in chain(read, dated) if self._rare(found)]
        if len(rare) < ACROSS_SHARED:
            return None
        for story_id in _most_found(rare, self._top_story < 1 << 31, ACROSS_SHARED):
            story = self._stories[story_id]
            hours = abs(story.when - when) / 3600
            if hours > NEAR_HOURS or not outlet or story.outlet == outlet or self._told(story.event_id, outlet):
                continue
            if not _written_apart(query, story.keywords):
                continue
            shared = set(query).intersection(story.keywords)  # more is for ``find``'s own candidates
            both = shared | set(days).intersection(story.keywords)  # and the weekdays both name
            rare_only = all(self._rare(self._postings.get(word)) for word in both)
            if len(shared) < ACROSS_SHARED and not _same_figures(query, story.keywords, shared):
                continue
            if len(shared) <= ACROSS_SHARED <= len(both) and rare_only and _figures_agree(query, story.keywords, both):
                return self._across_match([*query, *days], story_id, both, hours)
        return None

    def _alike(self, query: list[str], read: list[array[int]], when: float, outlet: str) -> EventMatch | None:
        """Another outlet's story within ``NEAR_HOURS`` found under a rare name or number of the new story
        (``_rare``) whose text without spaces (Han, Thai: keyed as character pairs) the new story's overlaps at
        ``threshold``, over the keys of the scripts both write: a rival desk's own brief of the happening.

        Text without spaces keys no names (no capitals mark them): two Chinese briefs of one happening share its
        figure and, as character pairs, its place, its people and its what (三坊七巷, 林秀珠, 盲文書房), and no
        second name or number for ``find``'s candidates. They share half the new story's figures or more (its
        story's may hold a carrier's stamp year): one wire's reports of two happenings the same day, written from
        one template, share the day and the template's words, and one figure at most. Asked only when no other
        story is a match."""
        if not outlet or "cjk" not in _scripts(query):
            return None
        weights = _Weights(self._df, len(self._stories))
        best: EventMatch | None = None
        for story_id in sorted({s for found in read if self._rare(found) for s in found}):
            story = self._stories[story_id]
            hours = abs(story.when - when) / 3600
            if hours > NEAR_HOURS or story.outlet == outlet or "cjk" not in story.scripts:
                continue
            if self._told(story.event_id, outlet):  # a rival's report of what the desk told itself (``find``)
                continue
            scripts = _scripts(query) & story.scripts
            a = {w: weight for w, weight in zip(query, weights.of(query), strict=True) if _script(w) in scripts}
            b = _of_scripts(story.keywords, scripts)
            common = a.keys() & b
            score = _score(_weight(a, common), b, weights, math.fsum(a.values()))
            figures = _count_numbers(common)  # a figure, and half the new story's: the brief's own, not a template's
            if not figures or 2 * figures < _count_numbers(query) or score < self.threshold:
                continue
            if best is None or score > best.score:
                best = EventMatch(story.event_id, story_id, score, _rarest(a, common), hours)
        return None if best is None else self._described(best, dict(zip(query, weights.of(query), strict=True)))

    def _across_match(self, query: list[str], story_id: int, shared: set[str], hours: float) -> EventMatch:
        """``_across``'s match: its score and share of names over the names, numbers and days alone."""
        story = self._stories[story_id]
        weights = _Weights(self._df, len(self._stories))
        neutral = [word for word in query if _script(word) is None]
        ours = dict(zip(neutral, weights.of(neutral), strict=True))
        theirs = [word for word in story.keywords if _script(word) is None]
        score = _score(_weight(ours, shared), theirs, weights, math.fsum(ours.values()))
        rarest = _rarest(ours, shared)
        named = _named(ours, rarest)
        count = len(shared)
        return EventMatch(story.event_id, story_id, score, rarest, hours, 0, named, count, anchors=count, apart=True)

    def _kits(self, releases: dict[int, float] | None, outlet: str, when: float) -> set[int]:
        """The events of ``outlet``'s stories within ``NEAR_HOURS`` whose text the new story shares
        ``RELEASE_TEXT`` of (``releases``): its next release of one press kit reports another happening, so
        it joins none of them, nor another desk's report of one (the wire's English rewrite of the first
        release names the same councillor and town, and would carry the kit's next release into its event)."""
        return self._own_events(
            releases, RELEASE_TEXT, outlet, lambda story: abs(story.when - when) <= NEAR_HOURS * 3600
        )

    def _issues(self, series: dict[int, float] | None, outlet: str, when: float) -> set[int]:
        """The events of ``outlet``'s own stories published ``SERIES_HOURS`` or more before ``when`` whose text the
        new story shares ``SERIES_TEXT`` of (``series``): it is the desk's next issue of its template, another
        happening, so it joins none of them, nor another desk's report of one (a wire's English rewrite of the
        first issue prints the figures and names the next issue repeats word for word around its new news).
        Another outlet's story sharing that much text is only skipped itself (``find``): a desk's next-day
        follow-up may quote a rival's account of the first day."""
        return self._own_events(series, SERIES_TEXT, outlet, lambda story: when - story.when >= SERIES_HOURS * 3600)

    def _briefs(self, series: dict[int, float] | None, outlet: str, when: float, query: list[str]) -> set[int]:
        """The events of ``outlet``'s own stories within ``NEAR_HOURS`` whose text the new story shares
        ``SERIES_TEXT`` of (``series``) while printing other figures (``_figures_swapped``): the desk's next brief
        in the frame of its first (the hazelnut store after the tea dryer, the footbridge after the bridge), so it
        joins none of them, nor the wire's rewrite of the first. A desk telling its story further the same day
        repeats its figures (the toll, the length, the opening day) or prints none."""
        return self._own_events(
            series,
            SERIES_TEXT,
            outlet,
            lambda story: abs(when - story.when) <= NEAR_HOURS * 3600 and _figures_swapped(query, story.keywords),
        )

    def _own_events(
        self, shares: dict[int, float] | None, least: float, outlet: str, also: Callable[[_Story], bool]
    ) -> set[int]:
        """The events of ``outlet``'s own stories whose text the new story shares ``least`` percent of (``shares``:
        story -> percent) and that are ``also`` so."""
        events = set()
        for story_id, share in (shares or {}).items():
            story = self._stories.get(story_id)
            if share >= least and story and story.outlet == outlet and also(story):
                events.add(story.event_id)
        return events

    def _described(self, match: EventMatch, query: dict[str, float]) -> EventMatch:
        """``match`` with its shared rare keys, anchors and share of the new story's names (weighed in ``query``)."""
        shared = match.shared
        rare = sum(1 for word in shared if _script(word) is None and self._rare(self._postings.get(word)))
        anchors = sum(1 for word in shared if _script(word) is None)
        return replace(match, named=_named(query, shared), rare=rare, anchors=anchors)

    def _rare(self, found: array[int] | None) -> bool:
        """Are the stories ``found`` (a key's postings) of at most ``RARE_DF`` events? A name every report of
        one happening prints (its original, the wire's rewrite, a rival's) is that happening's: as rare as a
        name one story prints, for the next report of it (a fourth desk's translation). Read up to
        ``RARE_STORIES`` stories: a key more stories print is common."""
        if found is None or len(found) <= RARE_DF:
            return found is not None
        stories = self._stories
        return len(found) <= RARE_STORIES and len({stories[s].event_id for s in found}) <= RARE_DF

    def _rare_name(self, shared: tuple[str, ...]) -> bool:
        """Is one of ``shared`` a name (not a number, day or headline word) found in at most ``HEAD_DF``
        stories, or are ``HEAD_NUMBERS`` of them numbers?"""
        df = self._df
        if _count_numbers(shared) >= HEAD_NUMBERS:
            return True
        return any(w[0].isalpha() and w.isascii() and df.get(w, 0) <= HEAD_DF for w in shared)

    def joins(self, match: EventMatch | None) -> bool:
        if match is None:
            return False
        if match.score >= self.threshold:
            return True
        if match.anchors < MIN_SHARED:
            return match.apart  # two anchors: rare ones across scripts (``_across``), else too few for the floors below
        if match.score < NAMED_FLOOR:
            return False
        near = match.hours_apart <= NEAR_HOURS
        if match.own and not near and match.score >= OWN_LATER and match.headlined:
            return True  # the outlet's next-day follow-up, written afresh: its who and where, few of its words
        figures = near and match.rare >= RARE_FIGURES and _count_numbers(match.shared) >= RARE_FIGURES
        return match.rare >= RARE_SHARED or figures or (near and match.named >= NAMED_SHARE) or _apart(match)

    def prune(self, before: float) -> None:
        """Forget stories published before ``before``: no new story can join their events any more."""
        stale = {sid for sid, story in self._stories.items() if story.when < before - EVENT_HOURS * 3600}
        if not stale:
            return
        keys: set[str] = set()
        df = self._df
        for story_id in stale:
            for word in self._stories.pop(story_id).keywords:
                if word in self._postings:
                    keys.add(word)
                elif df[word] > 1:
                    df[word] -= 1
                else:
                    del df[word]
        for key in keys:
            kept = array("q", (sid for sid in self._postings[key] if sid not in stale))
            if kept:
                self._postings[key] = kept
                df[key] = len(kept)
            else:
                del self._postings[key]
                del df[key]
        self._most_df = max(df.values(), default=0)
        self._desks_anew()

    def _desk(self, event_id: int, outlet: str) -> None:
        """Note that ``outlet`` reported a story of ``event_id`` (``_desks``)."""
        known = self._desks.setdefault(event_id, outlet)
        if isinstance(known, set):
            known.add(outlet)
        elif known != outlet:
            self._desks[event_id] = {known, outlet}

    def _desks_anew(self) -> None:
        """``_desks`` of the stories in the window (after a load or a prune)."""
        self._desks = {}
        for story in self._stories.values():
            self._desk(story.event_id, story.outlet)

    def _told(self, event_id: int, outlet: str) -> bool:
        """Has ``outlet`` reported a story of ``event_id`` itself? A desk tells a happening further from its own
        report: its new story joins that event through its own story (``OWN_LATER``, ``_siblings``, ``_develops``),
        never through a rival's report of it. Closer to a rival's report than to its own, it is the desk's next
        happening (the next day's development, the town's other news of the day) or its digest of several."""
        known = self._desks.get(event_id)
        return bool(outlet) and known is not None and (outlet in known if isinstance(known, set) else known == outlet)


def _siblings(query: list[str], heads: tuple[str, ...], story_keys: set[str], story: _Story) -> bool:
    """Does the new story's headline name someone or somewhere (not a number) that ``story`` never names,
    and ``story``'s headline one the new story never names? Two announcements, not two reports of one. So is a
    headline naming two or more, none of them ``story``'s: the same kind of incident elsewhere (the desk's second
    rockfall of the day, at another mine near another town), whose text may name the first in passing; a desk
    telling its story further names its who or where again."""
    if not story.heads or not any(w[0].isalpha() and w not in story_keys for w in heads):
        return False
    named = [w for w in heads if w[0].isalpha()]
    if len(named) >= 2 and story_keys.isdisjoint(named):
        return True
    asked = set(query)
    return any(w[0].isalpha() and w not in asked for w in story.keywords[: story.heads])


def _retold(query: Iterable[str], heads: tuple[str, ...], story_keys: set[str]) -> bool:
    """Is the new story its desk's own report retold in another language: at most ``STRAY_WORDS`` headline and lead
    words in common (words two languages write alike: "regional"), each of the two writing more, ``RETOLD_SHARED``
    names and figures in common, ``RETOLD_FIGURES`` figures among them, and a figure of its headline? A desk filing
    one report in two languages an hour apart translates its headline's places (Eastern Visayas, Sidlakan nga
    Kabisay-an): its headline names somewhere the other never names, as a sibling's does (``_siblings``). A sibling
    shares the desk's background paragraph (a founding year, a plant's output) and headlines a figure of its own.
    Retold, the match is judged as another desk's rewrite in another language is (``_apart``)."""
    ours = [w for w in query if w[:1] == WORD_MARK]
    theirs = sum(w[:1] == WORD_MARK for w in story_keys)
    if min(len(ours), theirs) <= STRAY_WORDS or sum(w in story_keys for w in ours) > STRAY_WORDS:
        return False
    if not any(w[:1].isdigit() and w in story_keys for w in heads):
        return False
    shared = [w for w in query if w[:1].isalnum() and w in story_keys]  # names and figures, not days
    return len(shared) >= RETOLD_SHARED and sum(w[:1].isdigit() for w in shared) >= RETOLD_FIGURES


def _headline_dropped(query: Iterable[str], story: _Story) -> bool:
    """Does the new story name fewer than half of the people and places its own outlet's earlier story ``story``
    names in its headline? A desk telling its story further the same day names its who and where again; its
    next story of the same town or firm (the dairy's milk price after its fire, the bridge after the dam) shares
    only the background paragraph the desk prints under each (the founding year, the region's grant)."""
    named = [w for w in story.keywords[: story.heads] if w[0].isalpha()]
    asked = set(query)
    return bool(named) and 2 * sum(w in asked for w in named) < len(named)


def _develops(query: Iterable[str], story_keys: set[str]) -> bool:
    """Does the new story name someone, somewhere or a figure (a script-neutral key) that its outlet's own earlier
    story ``story_keys`` never names? A desk's story a day after its own tells the next development (the toll
    risen, the strike settled, the road reopened): another happening, with its new who or how many. Its note on
    that story (a correction, an editor's note) names nothing new: the same happening."""
    return any(_script(word) is None and word not in story_keys for word in query)


def _same_figures(query: Iterable[str], story: Iterable[str], shared: Iterable[str]) -> bool:
    """Do two reports print the same figures, one or more, all of them ``shared``? A brief and its rewrite do;
    another happening of the day shares one figure by chance beside its own ("214 workers" safe from a fire,
    the ferry's "214 aboard" and "196 rescued")."""
    ours, theirs, both = ({w for w in keys if w[:1].isdigit()} for keys in (query, story, shared))
    return bool(both) and ours == theirs == both


def _next_issue(query: list[str], heads: tuple[str, ...], story_keys: set[str], story: _Story) -> bool:
    """Does each headline print figures, none of which the other story prints, a day or so apart
    (``SERIES_HOURS``)? The next issue of a recurring report: a market close or a price bulletin headlines
    each day's own figures ("closes 1.3 % higher at 36,412", then "0.6 % lower at 36,193"), from any outlet,
    around the same names and words. A follow-up of one happening repeats a figure of the first report's
    headline (the quake's magnitude, the month's rate) or headlines none."""
    mine = [w for w in heads if w[0].isdigit()]
    theirs = [w for w in story.keywords[: story.heads] if w[0].isdigit()]
    return bool(mine and theirs) and story_keys.isdisjoint(mine) and set(query).isdisjoint(theirs)


def _next_day(dates: Iterable[str], query: Collection[str], held: set[str], story: _Story) -> bool:
    """Does a new report (keys ``query``, its day keys ``dates``) date its news only on days after ``story``'s
    (``dated_later``; ``held``: the story's keys), printing none of the figures ``story``'s headline prints? Then it
    tells what happened next (the levee closed, the count confirmed, the day's close). One telling the happening again
    a day on (the damage counted after the quake) repeats its headlined figure: the magnitude, the toll."""
    if not dated_later(dates, held, story.when):
        return False
    return all(w not in query for w in story.keywords[: story.heads] if w[:1].isdigit())


def _figures_swapped(query: Collection[str], story: Collection[str]) -> bool:
    """Does ``story`` print a figure (a number or a named day) and ``query`` none of its figures, but its own, or
    none at all where ``story`` prints ``MIN_NUMBERS`` numbers? A brief's small figures ("2 tonnes", "9 staff")
    make no keys: a second brief in the frame of a first printing three figures may show none."""
    ours = {w for w in query if w[:1].isdigit() or w[:1] == "@"}
    theirs = {w for w in story if w[:1].isdigit() or w[:1] == "@"}
    return bool(theirs) and ours.isdisjoint(theirs) and (bool(ours) or _count_numbers(theirs) >= MIN_NUMBERS)


def _written_apart(ours: Iterable[str], theirs: Iterable[str]) -> bool:
    """Are two reports, of keys ``ours`` and ``theirs``, written in two scripts: no script in which both write
    more than ``STRAY_WORDS`` words, and such a script in one of them? A caseless script's words are sound
    keys, of no script (``eventkeys``): two Arabic reports are never apart, an Arabic and an English one are.
    A carrier's stamp line in English ("Filed by … desk at 08:26") gives a Sanskrit brief a word or two of
    Latin, no more: its report is still written apart from the wire's English rewrite."""
    return _main_scripts(ours).isdisjoint(_main_scripts(theirs)) and bool(_main_scripts(ours) | _main_scripts(theirs))


def _main_scripts(keys: Iterable[str]) -> set[str]:
    """The scripts of more than ``STRAY_WORDS`` of ``keys`` (headline and lead words, character pairs)."""
    counts = Counter(filter(None, map(_script, keys)))
    return {script for script, count in counts.items() if count > STRAY_WORDS}


def _figures_agree(query: Collection[str], story: Collection[str], shared: Collection[str]) -> bool:
    """Do two reports sharing ``shared`` share a figure, and half or more of the figures of the one printing
    more? A rewrite carries its original's figures; two markets' closes or two towns' bulletins print many
    figures of their own and share one or two (the oil price, the hour)."""
    figures = _count_numbers(shared)
    if not figures or 2 * figures < max(_count_numbers(query), _count_numbers(story)):
        return False
    # One sum at two scales ("640 million" and "640 billion") is a contradiction, not a figure left out.
    ours, theirs = ({_digits(w) for w in keys if w[:1].isdigit() and w not in shared} for keys in (query, story))
    return ours.isdisjoint(theirs)


def _digits(number: str) -> str:
    """The significant digits of a number key ("6.4e+08" and "640": "64")."""
    return f"{float(number):.6e}".split("e")[0].replace(".", "").rstrip("0")


def _apart(match: EventMatch) -> bool:
    """Is ``match`` another outlet's report within ``NEAR_HOURS`` sharing no headline or lead word, but
    ``RARE_APART`` rare names and numbers, a name and a figure among them, or ``RARE_FIGURES`` figures? A wire's
    English rewrite of a Japanese or Korean report may share no name it writes alike (松江, Matsue), only the
    figures: three of them, two rare, are the happening's how many (a common one, a day or a count, among them).

    Asked of a match named as written (``EventMatch.as_written``): ``words`` counts the shared words,
    and ``shared`` holds names, numbers and days as the entry wrote them."""
    if match.own or match.words > STRAY_WORDS or match.hours_apart > NEAR_HOURS:
        return False
    # Two languages share a word or two (a loan word, a cognate: "fontina", "regional"); each shared word asks one
    # more rare name or figure, so two reports of one language sharing a city and a rate stay apart.
    if match.rare < RARE_APART + match.words:
        return False
    # As written, a name starts with a letter, a number (or a day: "18 November") with a digit.
    figures = _count_numbers(match.shared)
    if figures >= RARE_FIGURES:
        return True
    # A name and a figure. A figure any date prints (``datelike``: "14" of "14 Tiunu", "12" of "12/6") is what two
    # reports of the same days share by chance, with the date's month where no calendar table reads it ("Tiunu")
    # and a passing name (a vendor, an official): beside it, the two must name DATED_NAMES alike.
    names = sum(w[0].isalpha() for w in match.shared)
    specific = any(w[0].isdigit() and not datelike(w) for w in match.shared)
    return figures > 0 and names > 0 and (specific or names >= DATED_NAMES)
