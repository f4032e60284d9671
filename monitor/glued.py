"""Where a name glued to a prefix of small letters starts ("yeTaliban", "kuRussia", "eGqeberha", "hInis"). Pure.

The Bantu languages (Shona, Zulu, Xhosa …) write a noun-class or locative prefix onto a name, as Irish writes its
mutations; the name keeps its capital inside the word. Event clustering reads the name's sound key from there
(``dedup.eventkeys``) and the rules' matcher lets a term match there as at a word's start (``rules.spelling``): one
definition for both, outside either package. "PetroChina" and "McDonald" open with a capital and stay whole.

Kept apart from ``monitor.text`` on purpose: that module is part of the design the dedup speed digests fingerprint
(tests/test_dedup_speed_identity.py), and moving this here changes no output of either reader.
"""

from __future__ import annotations


def glued_name_start(word: str, longest: int) -> int:
    """Where the name starts in ``word``: after one to ``longest`` characters in small letters (``str.islower``, so an
    apostrophe may stand among them: "l'Afghanistan"), at a capital followed by a small letter; 0 when there is none."""
    for at in range(1, min(longest, len(word) - 2) + 1):
        if word[at].isupper() and word[at + 1].islower() and word[:at].islower():
            return at
    return 0
