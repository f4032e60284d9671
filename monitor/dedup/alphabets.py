"""One story in two alphabets: a Mongolian Cyrillic text read in the Latin letters Mongolian websites
write. Pure.

Mongolian desks reprint Cyrillic stories in Latin letters ("Баянзүрх дүүргийн" / "Bayanzürkh
düürgiin"): the same story, which must share its shingles, sentences and names with the original.
The convention of those sites writes х as kh, ж as j, ө and ү as ö and ü, я/е/ё/ю as ya/ye/yo/yu,
й as i and ы as y. A Cyrillic text with ө or ү and none of the letters of Kazakh or Kyrgyz is read
that way before it is shingled (theirs are romanised in Kazakh's own letters, ``shingles.romanised``);
Russian, Ukrainian and every other text keep the hashes they had.
"""

from __future__ import annotations

import re

_MONGOLIAN = re.compile("[өүӨҮ]")
_KAZAKH_KYRGYZ = re.compile("[әұқғңһіӘҰҚҒҢҺІ]")
_LOWER = dict(zip("абвгдзиклмнопрстуфыэөү", "abvgdziklmnoprstufyeöü", strict=True)) | {
    "е": "ye", "ё": "yo", "ж": "j", "й": "i", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ь": "i", "ю": "yu", "я": "ya",
}  # fmt: skip
_LATIN = str.maketrans(_LOWER | {k.upper(): v.capitalize() for k, v in _LOWER.items()})
_CAPITALS = str.maketrans({k.upper(): v.upper() for k, v in _LOWER.items()})
_WORD = re.compile(r"\w+")


def in_latin(text: str) -> str:
    """``text`` in Latin letters when it is Mongolian Cyrillic (``_MONGOLIAN``, no Kazakh or Kyrgyz
    letter); else ``text`` itself. A word in capitals stays in capitals ("ХОВД" -> "KHOVD"): a
    dateline's place is recognised by them."""
    if not _MONGOLIAN.search(text) or _KAZAKH_KYRGYZ.search(text):
        return text
    return _WORD.sub(lambda m: m[0].translate(_CAPITALS if m[0].isupper() and len(m[0]) > 1 else _LATIN), text)
