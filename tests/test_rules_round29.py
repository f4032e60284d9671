"""Issue 14, round 29: held-out v24 studied (it is tuning now). The class it and every blind part before it lost
recall on: items in a language the eval rules have no words in (tests/data/rules_eval/README.md, "Held-out v24
seen → tuning"). Each topic's headline fallback on sentences of our own, beside one where it must not act."""

from __future__ import annotations

import pytest

from monitor.models import Entry
from monitor.rules import RuleSet


def written_in(title: str, lang: str, content: str = "") -> Entry:
    return Entry(feed_url="u", outlet="o", key="k", link="", title=title, summary="", content=content, lang=lang)


def fired(rules: RuleSet, title: str, lang: str, content: str = "") -> set[str]:
    return {m.rule for m in rules.match(written_in(title, lang, content))}


@pytest.mark.parametrize(
    ("title", "lang", "fires"),
    [
        # Latin: the names as most languages write them, the arms by their international names. fx1 kept sounds
        # exact within a script (a Latin word is no sound of a Latin term: Iron is not Iran); round 30 writes the
        # Latin spellings out as terms (rakete*, soldad*, @arms-more), which on all seen parts gives what Latin
        # sounds would (+4 true alerts, z174, c149, o115, i024) without loosening sounds
        ("Severna Koreja poslala Rusiji nove rakete", "hr", True),
        ("Corea del Norte suyu Rusiaman soldadokunata kachan", "qu", True),
        ("Severna Koreja in Rusija podpisali sporazum o turizmu", "sl", False),  # no arms: diplomacy
        # Cyrillic: a language the sets have no words in (Bashkir, Kazakh)
        ("Төньяҡ Корея Рәсәйгә ракеталар ебәрҙе", "ba", True),
        ("Төньяҡ Корея Рәсәй менән туризм тураһында килеште", "ba", False),
        # a language the rule has words in is left to its own rule (Japanese: a missile test at home)
        ("北朝鮮、ロシア製ではないミサイルを試射", "ja", False),
    ],
)
def test_north_korea_russia_arms_in_a_language_without_rule_words(eval_rules, title, lang, fires):
    assert ("north-korea-russia-arms" in fired(eval_rules, title, lang)) is fires


@pytest.mark.parametrize(
    ("title", "lang", "fires"),
    [
        # "officially" by its Arabic root, shared by Persian, Tajik, Pashto, the Turkic languages
        ("Тоҷикистон ҳукумати Толибонро ба расмият шинохт", "tg", True),
        ("Кыргызстан Талибан өкмөтүн расмий тааныды", "ky", True),
        # Latin: the verb of recognition of languages the sets have no words in
        ("Kirgizistan rekonèt gouvènman Taliban yo", "ht", True),
        ("Norge anerkjenner Taliban-regjeringen", "nb", True),
        # an intention, not the act: the Turkic verb only in its past forms
        ("Монголия Талибан хөкүмәтен танырға уйламай", "ba", False),
        # the Taliban without any act
        ("Talibanët mbyllin shkollat për vajzat", "sq", False),
        # Devanagari: the Taliban by sound, the act in Marathi
        ("नेपाळकडून तालिबान सरकारला मान्यता", "mr", True),
        ("तालिबान नेत्यांची बैठक", "mr", False),
    ],
)
def test_taliban_recognition_in_a_language_without_rule_words(eval_rules, title, lang, fires):
    assert ("taliban-recognition" in fired(eval_rules, title, lang)) is fires


@pytest.mark.parametrize(
    ("title", "lang", "fires"),
    [
        ("Һиндстан Россия нефтен күбрәк ала", "tt", True),  # Cyrillic: Hindustan by sound, neft
        ("Энэтхэг Оросын нефтийн импорт өслөө", "mn", True),
        ("India yanunua mafuta zaidi ya Urusi", "sw", True),  # Latin
        ("भारत ने रूसी तेल का आयात बढ़ाया", "hi", True),  # Devanagari
        ("India yanunua mafuta zaidi ya Saudi Arabia", "sw", False),  # another source
        ("भारत ने सऊदी तेल का आयात बढ़ाया", "hi", False),
        ("India na Urusi zatia saini mkataba wa utalii", "sw", False),  # no oil
    ],
)
def test_india_russian_oil_in_a_language_without_rule_words(eval_rules, title, lang, fires):
    assert ("india-russian-oil" in fired(eval_rules, title, lang)) is fires
