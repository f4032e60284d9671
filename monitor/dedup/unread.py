"""Names a carrier's spell-checker wrote as words of its dictionary: unread names, not other names. Pure.

A spell-checker meets a rare name ("Detora Agigo", "Eigigu Loading Company") as words it does not know and writes
the nearest ones it does ("Dinner About", "Eager Letter Castle"), capitalised where the name was. The copy has lost
the original's names, not printed others: read as names, those words are contrary evidence it never had, and the
names-and-numbers guard (``compare.Evidence.facts``) parts a copy from its own original.

A word is one the checker wrote when a dictionary lists it in lower case only (a common word, "dinner"), never
capitalised ("Grace", "Mark", "Paris" are names too). Such a name of the copy is set aside only where the other
text prints as many names the copy lacks (the names it stands in place of), and the names and numbers left must
still decide: a template's next notice printing another common word in a name's slot keeps its other figures.
The dictionary is read only when the guard would otherwise part two texts: a decision rarely asks.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np

from monitor.dedup.shingles import fact_spans

_WORD = re.compile(r"[^\W\d_]+")
# The checker's dictionary: a public-domain word list (Webster's Second, as ``english_words`` ships it) in which
# proper nouns are capitalised. A checker corrects into its language's words whatever the copy's language.
_DICTIONARY_SOURCE = "web2"


@cache
def _common_words() -> np.ndarray:
    """The ``hash`` of each word the dictionary lists in lower case only, sorted: 1.9 MB where the word set it is
    read from holds 24 MB (the daemon's main process keeps it for good once a decision asks). ``hash`` is per
    process, and so is this table."""
    from english_words import get_english_words_set  # loaded on first ask: most processes never read it

    listed = get_english_words_set([_DICTIONARY_SOURCE], lower=False, alpha=True)
    # Hashed into the array one word at a time: a list of the 209k hashes first held ~8 MB more at once beside
    # the set, and left the process's heap ~5 MB larger once both were freed (a cold run's main process asks).
    words = (word for word in listed if word.islower() and word.capitalize() not in listed)
    common = np.fromiter(map(hash, words), dtype=np.int64)
    del listed
    return np.unique(common)


def common_word(word: str) -> bool:
    """Does the dictionary list ``word`` in lower case only ("dinner"), never capitalised ("Grace", "Mark")?"""
    table = _common_words()
    key = hash(word.lower())
    at = int(np.searchsorted(table, key))
    return at < len(table) and int(table[at]) == key


def worded_names(text: str) -> frozenset[int]:
    """The fact hashes (``shingles.fact_spans``) of ``text``'s names written as a common word with a capital
    ("Dinner", not "MV" nor "Aiwo"): names a checker may have written in place of ones it did not know."""
    found = set()
    for at, fact in fact_spans(text):
        word = _WORD.match(text, at)
        if word and word[0].istitle() and common_word(word[0]):
            found.add(fact)
    return frozenset(found)
