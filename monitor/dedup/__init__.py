"""Dedup: one alert per story (syndicated copies) and, for ``novelty: event`` rules, per event.

Design, in the order an entry meets it:

1. **Normalise** (``normalise``): the body loses its wrapping (source links, "Read More",
   bylines, copyright and reporting credits, "Authored by … via Substack,"), is folded
   (NFKC, case, Latin accents) and tokenised by script: words, or one token per character
   for Japanese and Chinese. The *lede* is the first 300 characters of that token stream:
   headlines, markup, tracking parameters, GUIDs and dates never enter it.
2. **Block** (``signature``): MinHash (datasketch's scheme, in numpy) over 3-token shingles of the first 24
   tokens, banded into 10 LSH keys of 3 rows. A copy trimmed to its first paragraph or cut
   mid-sentence still carries the whole opening, so it shares bands with the original.
   Measured against datasketch's own MinHashLSH, a plain dict of band keys holds 100k
   entries in far less memory and rebuilds in about a second (benchmarks/dedup_speed.py).
3. **Verify** (``index``): rapidfuzz ``ratio`` of the two ledes over the shorter one's
   length; a copy at >= 90 (``STORY_THRESHOLD``) joins the candidate's story. The score and a
   one-line reason are stored with the entry (``monitor stories show ID``).
4. **Event** (``events``): a new story joins the event of a recent story (event times
   <= 36 h apart) whose IDF-weighted cosine over names, numbers, named days and lead words
   reaches 0.23 (``EVENT_THRESHOLD``); names are compared by sound across scripts
   (``names``: Лавров = Lavrov = ラブロフ) and a day named in the opening dates the event
   (``dates``). The reason names the shared keys.
5. **Update** (``normalise.content_hash`` / ``material_change``): a known GUID or link with
   new text is an update of its entry, material when a number changed or the text is
   below 95% alike.

The index covers the dedup window (default 7 days); its signatures are stored in SQLite so
a restart rebuilds it without re-reading bodies.
"""

from monitor.dedup.events import EventIndex, EventMatch, keywords
from monitor.dedup.index import EVENT_THRESHOLD, STORY_THRESHOLD, Decision, StoryIndex, similarity
from monitor.dedup.normalise import content_hash, lede, material_change, strip_boilerplate, tokens
from monitor.dedup.signature import Signature, signature, signatures

__all__ = [
    "EVENT_THRESHOLD",
    "STORY_THRESHOLD",
    "Decision",
    "EventIndex",
    "EventMatch",
    "Signature",
    "StoryIndex",
    "content_hash",
    "keywords",
    "lede",
    "material_change",
    "signature",
    "signatures",
    "similarity",
    "strip_boilerplate",
    "tokens",
]
