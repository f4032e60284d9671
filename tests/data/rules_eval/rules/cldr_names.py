"""The countries as every CLDR language outside the eval rules' 18 names them, as alias terms (round 30).

    PYTHONPATH=. python tests/data/rules_eval/rules/cldr_names.py   # prints the cldr-* lines of aliases.yaml

CLDR (the Unicode locale data babel ships, a project dependency) names each country in some 200 languages: రష్యా
(Telugu), റഷ്യ (Malayalam), Ресей (Kazakh), አፍጋኒስታን (Amharic). A headline in a language the rules have no words in
names the countries so. Written once into aliases.yaml (tests/test_rules_round30.py compares them), never built at
run time: babel's locale objects cost every process tens of MB (the lead's note on dedup/script_words.py).
"""

from __future__ import annotations

import json
import unicodedata

from monitor.text import fold

RULE_LANGUAGES = {"en", "ru", "ja", "de", "fr", "es", "uk", "zh", "ar", "tr"} | {
    *("pt", "pl", "it", "ko", "nl", "id", "fa", "he")
}
SKIP_LANGUAGES = {"tok", "la", "vo", "cu", "cop", "sa", "ia", "ie"}  # constructed, liturgical and dead languages
# names that are common words or first names (Hindi, Vietnamese nga, Larisi: Larissa, Betawi Ruslan), and two that
# CLDR gives North Korea but say "south" (Ge'ez ደቡብ, Yoruba guusu). Compared as the matcher reads them, folded
# (round 31): Frisian Ruslân is the first name Ruslan once its accent is dropped, and a man is not his country
NOT_NAMES = {"hindii", "larisi", "hindi", "nga", "lasa", "hind", "end", "lenn", "inde", "risi", "rusi", "rusia"} | {
    *("ruslan", "ደቡብ፡ኮሪያ", "guusu kọria")
}
UNSPACED = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")  # the rule languages' own scripts
VOWELS = set("aeiouyáéíóúäöüåæøàèìòùâêîôûãõąęėįųūāēīōəıаеёиоуыэюяіїєґαάεέηήιίοόυύωώიაეოუաեէըիոօ")
COUNTRIES = {
    "AF": "afghanistan",
    "IN": "india",
    "RU": "russia",
    "KP": "north-korea",
    "UA": "ukraine",
}  # round 41: Ukraine


def script(word: str) -> str:
    for char in word:
        if char.isalpha():
            return unicodedata.name(char, "?").split(" ", 1)[0]
    return ""


def sounded(name: str) -> int:
    """Letters and the vowel signs and viramas on them (Unicode M*): what the name is made of."""
    return sum(c.isalpha() or unicodedata.category(c).startswith("M") for c in name)


def stem(name: str) -> str:
    """The name less a final vowel, which many languages change in their cases (Россия/России, რუსეთი/რუსეთს,
    Venäjä/Venäjältä), when five letters stay: a vowel sign of an Indic or Ethiopic script stays (రష్యా/రష్యాకు)."""
    last = name.split(" ")[-1]
    if last[-1:].lower() in VOWELS and sum(c.isalpha() for c in last) >= 5:
        return name[:-1]
    return name


def names(code: str) -> list[tuple[str, str]]:
    """(name, language) of every CLDR language outside the rules' that names the country, one per spelling."""
    from babel import Locale, localedata

    found: dict[str, tuple[str, str]] = {}
    for ident in localedata.locale_identifiers():
        if "_" in ident or ident in RULE_LANGUAGES | SKIP_LANGUAGES or ident == "root":
            continue
        name = Locale.parse(ident).territories.get(code)
        if name and script(name) not in UNSPACED:
            found.setdefault(name.casefold(), (name, ident))
    return sorted(found.values(), key=lambda pair: pair[1])


# Lao writes its consonant clusters with l two ways: the letters ຫລ (CLDR's ເກົາຫລີ) or the subscript ຫຼ of the
# current spelling (ເກົາຫຼີ, as Lao news writes Korea); ໜ and ໝ are NFKC's ຫນ, ຫມ already (round 32)
LAO_SPELLINGS = (("ຫລ", "ຫຼ"),)


def spellings(name: str) -> list[str]:
    """The name and its other current spellings."""
    out = [name]
    for old, new in LAO_SPELLINGS:
        out += [spelled.replace(old, new) for spelled in out if old in spelled]
    return out


def terms(code: str) -> list[str]:
    """A name outside Latin letters takes endings; a Latin one of six letters or more too, shorter ones as written."""
    out = set()
    for spelled in (form for found, _ in names(code) for form in spellings(found)):
        name = spelled.rstrip("։።.:")
        if "," in name or fold(name) in {fold(word) for word in NOT_NAMES}:
            continue
        letters = sum(c.isalpha() for c in name)
        if script(name) != "LATIN":
            # round 36: an abugida writes a vowel as a sign on its consonant, not a letter: Burmese ရုရှား (Russia)
            # has two letters and four signs. Its signs count, as a Latin name's vowels do
            if sounded(name) >= 3:
                out.add(stem(name) + "*")
        elif letters >= 6 and " " not in name:
            out.add(stem(name) + "*")
        elif letters >= 5:
            out.add(name)
    return sorted(out)


def alias_lines() -> list[str]:
    return [f"  cldr-{name}: {json.dumps(terms(code), ensure_ascii=False)}" for code, name in COUNTRIES.items()]


if __name__ == "__main__":
    print("\n".join(alias_lines()))
