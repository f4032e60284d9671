"""Issue 14, round 35: held-out v30 studied (it is tuning now; tests/data/rules_eval/README.md, "Held-out v30 seen →
tuning"). General mechanisms for the languages the rules have no words in, each on sentences of our own beside one
where the rule must not act: every script's own full stop ends a sentence, French "si" vetoes in French only, and
the eval rules' branches for such languages read the opening under the headline, not the headline alone."""

from __future__ import annotations

import pytest
from test_rules_round30 import fires

from monitor.rules.units import SENTENCE, breaks
from monitor.text import fold

ARCTIC, OIL, TALIBAN = ("arctic-lng", "india-russian-oil", "taliban-recognition")


def sentence_count(text: str) -> int:
    """Sentences that hold a character: a stop closing the text starts none (as 。 at a text's end)."""
    folded = fold(text)
    return sum(start < len(folded) for start in breaks(text, folded)[SENTENCE])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Խորհրդարանը որոշում ընդունեց։ Քննարկումը հետաձգվեց։", 2),  # Armenian full stop
        ("भारत ने तेल खरीदा। बातचीत जारी है।", 2),  # Devanagari danda
        ("ሱዳን ውሳነ ኣሕሊፋ። ኣምባሳደር ክትሰድድ እያ።", 2),  # Ethiopic full stop
        ("ཆིངས་ཡིག་ བཀོད་ ཡི། ལས་ཀ་ འགོ་ བཙུགས།", 2),  # Tibetan shad
        ("ក្រុមហ៊ុន បាន ចុះ កិច្ចសន្យា។ ការងារ នឹង ចាប់ផ្តើម។", 2),  # Khmer khan
        ("معاہدہ ہو گیا۔ کام شروع ہوگا۔", 2),  # Urdu full stop
        ("सौदा, जो कल हुआ, बड़ा है", 1),  # a comma is no sentence's end
        ("ሱዳን፣ ኤርትራ ውሳነ ኣሕሊፋ", 1),  # nor is Ethiopic's comma
    ],
)
def test_every_scripts_full_stop_ends_a_sentence(text, expected):
    assert sentence_count(text) == expected


@pytest.mark.parametrize(
    ("title", "lang", "summary", "expected"),
    [
        # French "si" (if) is a hedge in French ...
        ("Arctic LNG 2 livrerait une cargaison à Beihai si la glace le permet", "fr", "", False),
        # ... Igbo "si" is "from": the project's cargo named in the opening still counts (Igbo is no rule language)
        (
            "Ụgbọ mmiri gas rutere Beihai",
            "ig",
            "Ụgbọ mmiri na-ebu gas si n'ọrụ Arctic LNG 2 rutere ọdụ ụgbọ mmiri Beihai na China.",
            True,
        ),
    ],
)
def test_french_si_hedges_in_french_only(eval_rules, title, lang, summary, expected):
    assert fires(eval_rules, ARCTIC, title, lang, summary) is expected


@pytest.mark.parametrize(
    ("title", "summary", "content", "expected"),
    [
        # Swahili: the project named in the opening under a headline that names only the gas
        (
            "Meli ya gesi yafika Zeebrugge",
            "Shehena ya gesi kutoka mradi wa Yamal LNG ilifika Zeebrugge Jumatatu.",
            "",
            True,
        ),
        # ... not when the project is named only further down, out of the lead
        (
            "Meli ya gesi yafika Zeebrugge",
            "Bandari ilipokea meli mpya Jumatatu.",
            "Hali ya hewa ilikuwa nzuri.\n\nBaadaye, wachambuzi walitaja mradi wa Yamal LNG.",
            False,
        ),
    ],
)
def test_arctic_project_in_the_opening_of_a_language_without_words(eval_rules, title, summary, content, expected):
    assert fires(eval_rules, ARCTIC, title, "sw", summary, content) is expected


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        # Norwegian: the Taliban in the headline, the act in the opening's sentence that names them again
        (
            "Taliban-utsending mottatt i Hanoi",
            "Vietnam har anerkjent Taliban-regjeringen som Afghanistans regjering.",
            True,
        ),
        # a headline about another recognition, the Taliban only in the opening: not the topic's story
        ("Parlamentet anerkjente folkemordet", "Samme dag ble det sagt at Taliban-regjeringen må vente.", False),
        # the Taliban in the headline, the act in another sentence than theirs
        (
            "Taliban-utsending mottatt i Hanoi",
            "Taliban-utsendingen kom mandag. Parlamentet anerkjente folkemordet.",
            False,
        ),
    ],
)
def test_taliban_act_in_the_opening_of_a_language_without_words(eval_rules, title, summary, expected):
    assert fires(eval_rules, TALIBAN, title, "nb", summary) is expected


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        # Norwegian: India, Russia and the oil in one sentence of the opening
        ("Raffineriene kjøper igjen", "Indiske raffinerier kjøper igjen russisk olje etter to måneders pause.", True),
        # ... not spread over two sentences (Russia's fertiliser, an oil market elsewhere)
        ("Raffineriene kjøper igjen", "Indiske bønder kjøper russisk gjødsel. Oljeprisen steg i Europa.", False),
    ],
)
def test_india_russia_oil_in_one_sentence_of_the_opening(eval_rules, title, summary, expected):
    assert fires(eval_rules, OIL, title, "nb", summary) is expected
