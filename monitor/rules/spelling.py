"""Spelling freedom for terms: joints spelt with a space, a hyphen or nothing; ``*`` at
the end of any word of a phrase; regexes whose ``\\w`` and ``\\d`` know every script; Arabic
words found behind their proclitics; names glued to a lower-case prefix. Pure.
"""

from __future__ import annotations

import itertools
import re

from monitor.glued import glued_name_start
from monitor.text import is_word_char, without_spaces

JOINTS = (" ", "-", "")  # "Sakhalin 2" = "Sakhalin-2" = "Sakhalin2"
# Typeset text writes a joint with other dashes than the keyboard's "-": the non-breaking hyphen
# (U+2011, which NFKC makes U+2010: "Арктик СПГ‑2"), the figure and en dashes, the minus sign.
# Each becomes "-", one character for one, so positions in the folded text do not move.
_DASH_CHARS = "\u2010\u2011\u2012\u2013\u2043\u2212\ufe63\uff0d"
_DASH = re.compile(f"[{_DASH_CHARS}]")
MAX_JOINT_VARIANTS = 27  # three joints spelt every way; longer phrases get all-space, all-hyphen, all-joined
WORD = r"\pL\pN\pM_"  # a word character in any script (re2 syntax, for inside a class)
_SHORTHAND = {"w": f"[{WORD}]", "W": f"[^{WORD}]", "d": r"\p{Nd}", "D": r"\P{Nd}"}
_IN_CLASS = {"w": WORD, "d": r"\p{Nd}"}
# Arabic writes the conjunctions wa-/fa-, the prepositions bi-/li-/ka-, the future sa- and the
# article al- (after fold: no hamza) as one word with what follows: بالاعتراف is bi- + al- + اعتراف.
PROCLITICS = frozenset(
    a + b + c
    for a in ("", "و", "ف")
    for b in ("", "ب", "ل", "ك", "س")
    for c in ("", "ال")
    if a + b + c and not (c and b in ("ل", "س"))  # li- + al- is written لل; sa- goes before verbs only
) | {"لل", "ولل", "فلل"}
_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3]")


# Round 38: the languages written in Arabic letters spell one letter several ways: kaf is Arabic ك, Persian and
# Urdu ک, Sindhi ڪ; yeh is ي, ی, Urdu's final ے, Pashto's ې ۍ, and ى; heh is ه, Urdu's ہ and ھ, ۀ, and the
# ta marbuta ة that Persian and Urdu write ه or ہ (Arabic معاهدة, Urdu معاہدہ, Sindhi معاهدو). Text and terms
# both write each letter one way, so a word the sets have in one of these languages, or a name, is found in a
# neighbour's spelling (Urdu کوئلے in Sindhi ڪوئلي, Persian کابل in Sindhi ڪابل). One character for one.
_ARABIC_VARIANTS = {"ك": "کڪ", "ي": "یےېۍى", "ه": "ہھۀة"}
_ARABIC_VARIANT = re.compile(f"[{''.join(_ARABIC_VARIANTS.values())}]")
_ARABIC_BASE = str.maketrans({v: base for base, variants in _ARABIC_VARIANTS.items() for v in variants})


def plain_hyphens(folded: str) -> str:
    """``folded`` with every dash that can join two words written ``-``, and each letter the languages
    written in Arabic letters spell several ways written one way (same length)."""
    # a substitution in C: str.translate looked every character of a long text up in a dict
    if folded.isascii():
        return folded
    if _ARABIC_VARIANT.search(folded) is not None:  # only text in those languages pays for the translation
        folded = folded.translate(_ARABIC_BASE)
    return _DASH.sub("-", folded)


# Round 41: a name glued to a prefix of small letters ("hurumende yeTaliban muAfghanistan", "kuRussia", Irish
# "hAfganastáine"; ``monitor.glued``) is found as a word of its own, as an Arabic word behind its proclitics; the
# prefix stays part of the word, so it is never taken for a short word of another language (the French "ne", the
# Turkish "mu"). Brand names of the kind ("iPhone", "eBay") lose nothing a rule asks for.
GLUED_PREFIX = 6  # small letters before the name at most (event clustering reads up to four: PREFIX_LETTERS)
# The words that may hold one, for glued_name_start to decide: a capital and a small letter within their first seven
# characters. A regex finds them at C speed: a call per word of the field cost a quarter of benchmarks/rules_speed.py.
_MAY_BE_GLUED = re.compile(rf"(?<!\S)\S{{1,{GLUED_PREFIX}}}(?=[A-Z][a-z])")
_SMALL_THEN_CAPITAL = re.compile(r"[a-z][A-Z]")  # a cheaper first look: most text has none


def glued_names(raw: str, folded: str) -> frozenset[int]:
    """Where in ``folded`` (``raw`` folded) a name glued to a small-letter prefix starts ("yeTaliban": at "t").
    Folding keeps the words apart as they were and an ASCII prefix as it was, so the name stands in the folded
    word of the same rank, as many characters in."""
    found = list(_MAY_BE_GLUED.finditer(raw)) if _SMALL_THEN_CAPITAL.search(raw) else []
    if not found:
        return frozenset()
    starts = [m.start() for m in re.finditer(r"\S+", folded)]
    points = set()
    for m in found:
        rank = len(raw[: m.start()].split())
        word = raw[m.start() : m.end() + 2].split(None, 1)[0]  # as far as a name's capital and small letter
        at = glued_name_start(word, GLUED_PREFIX) if rank < len(starts) else 0
        if at and folded.startswith(word[:at], starts[rank]):
            points.add(starts[rank] + at)
    return frozenset(points)


def joint_variants(key: str) -> list[str]:
    """Every spelling of a folded phrase's joints between word characters, the phrase itself first."""
    parts = key.split(" ")
    if len(parts) == 1:
        return [key]
    joints = [is_word_char(a[-1]) and is_word_char(b[0]) for a, b in itertools.pairwise(parts)]
    choices = [JOINTS if joint else (" ",) for joint in joints]
    if 3 ** sum(joints) > MAX_JOINT_VARIANTS:
        return [key, *(_join(parts, [sep if j else " " for j in joints]) for sep in ("-", "") if any(joints))]
    return [_join(parts, list(seps)) for seps in itertools.product(*choices)]


def _join(parts: list[str], seps: list[str]) -> str:
    return parts[0] + "".join(sep + part for sep, part in zip(seps, parts[1:], strict=True))


def words_regex(key: str) -> str:
    """The re2 pattern of a folded phrase whose words may end in ``*`` (any ending of that word).

    Joints may be a space, a hyphen or nothing; the match is group 1, bounded by non-word
    characters where the phrase starts or ends with a letter of a spaced script.
    """
    pieces = []
    for word in key.split(" "):
        stem = word.rstrip("*")
        pieces.append(re.escape(stem) + (f"[{WORD}]*" if word.endswith("*") else ""))
    body = "[ -]?".join(pieces)
    first, last = key[0], key.rstrip("*")[-1]
    before = f"(?:^|[^{WORD}])" if is_word_char(first) and not without_spaces(first) else ""
    after = f"(?:$|[^{WORD}])" if not key.endswith("*") and is_word_char(last) and not without_spaces(last) else ""
    return f"{before}({body}){after}"


def unicode_regex(source: str) -> str:
    """``source`` with ``\\w``, ``\\W``, ``\\d``, ``\\D`` meaning every script (re2 makes them ASCII).

    ``\\b`` stays ASCII in re2 (it has no look-around to rewrite it with): ``uses_ascii_boundary``
    lets ``check`` say so where it matters.
    """
    if _ARABIC_VARIANT.search(source) is not None:  # its Arabic letters written as the text's (plain_hyphens)
        source = source.translate(_ARABIC_BASE)
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\" and i + 1 < len(source):
            code = source[i + 1]
            if in_class and code in _IN_CLASS:
                out.append(_IN_CLASS[code])
            elif not in_class and code in _SHORTHAND:
                out.append(_SHORTHAND[code])
            else:
                out.append(source[i : i + 2])
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
            out.append(char)
            if source[i + 1 : i + 2] == "^":
                out.append("^")
                i += 1
            if source[i + 1 : i + 2] == "]":  # a "]" first in a class is literal
                out.append("]")
                i += 1
        elif char == "]" and in_class:
            in_class = False
            out.append(char)
        else:
            out.append(char)
        i += 1
    return "".join(out)


def uses_ascii_boundary(source: str) -> bool:
    """A ``\\b`` in a pattern that also holds non-ASCII letters: re2's ``\\b`` sees only ASCII words."""
    return "\\b" in source.replace("\\\\", "") and not source.isascii()


def after_proclitic(text: str, start: int) -> bool:
    """Whether an Arabic word starts at ``start`` behind nothing but proclitics (``text`` folded)."""
    if not "\u0620" <= text[start] <= "\u06d3" or not _ARABIC_LETTER.match(text, start):
        return False  # the first test is the cheap one: most words a matcher looks into are not Arabic
    begin = start
    while begin and is_word_char(text[begin - 1]) and start - begin < 4:
        begin -= 1
    return (begin == 0 or not is_word_char(text[begin - 1])) and text[begin:start] in PROCLITICS
