"""Issue 14, round 43: held-out v38 studied (it is tuning now; tests/data/rules_eval/README.md, "Held-out v38 seen →
tuning"). Its misses in languages no set has words for were items whose feed said ``en``: typed in ASCII, their
letters could not refute the claim, so the rules read them as English and their anchors-only branches never ran. A
Latin-language claim is now refuted by its words too: a dozen words in small letters, hardly one of them among the
claimed language's commonest. Tested on sentences of our own, beside ones where the claim or the rule must hold."""

from __future__ import annotations

import pytest
from test_rules_round30 import fires

from monitor.models import Entry
from monitor.rules import RuleSet
from monitor.rules.language import entry_language, trusted

ARCTIC, OIL, TALIBAN = "arctic-lng", "india-russian-oil", "taliban-recognition"

SWAHILI = (
    "Meli kubwa imebeba gesi asilia kutoka mradi wa Arctic LNG 2 kwenda bandari ya China mwezi huu kwa mara ya pili"
)
WOLOF = "Kompani bi xaatim na kontra bu bees ak nguuru gi ngir gas bi ci dëkk bi ak ay liggéeykat yu bari ci réew"


@pytest.mark.parametrize(
    ("claim", "text", "kept"),
    [
        # a dozen small-letter words, none of English's commonest: another language under an English feed
        ("en", SWAHILI, ""),
        ("en-GB", SWAHILI, ""),
        ("fr", WOLOF, ""),
        ("de", "The cabinet said on Tuesday that it would sign the contract with the company in the spring", ""),
        # the claimed language's own text keeps its claim, however terse: one common word in twelve is enough
        (
            "en",
            "Ship file: Iris. Vessel: Iris (ice-class carrier). Loaded: Sabetta. Cargo bound for Asia, buyer "
            "undisclosed, discharge expected late March, draft full",
            "en",
        ),
        ("en", "North Korea sends more troops to Russia, Seoul says, as fighting in Kursk continues", "en"),
        ("fr", "Le gouvernement a signé un contrat minier avec une entreprise chinoise pour vingt ans", "fr"),
        ("de", "Die Regierung hat den Vertrag mit dem Unternehmen im Frühjahr unterzeichnet", "de"),
        # fewer than a dozen words cannot refute a claim: a headline of names
        ("en", "Meli ya Arctic LNG 2 yafika China", "en"),
        # a language with no list keeps its claim; other scripts are refuted by their letters as before
        ("sw", "Meli ya gesi imefika China kutoka mradi wa Arctic LNG 2 wa Urusi mwezi huu kwa mara ya pili", "sw"),
        ("en", "Северная Корея отправила в Россию ещё несколько тысяч солдат, сообщает разведка", ""),
        ("en", "北朝鮮がロシアに兵士数千人を追加派遣したと韓国の情報機関が明らかにした", ""),
    ],
)
def test_a_latin_claim_is_refuted_by_the_absence_of_its_commonest_words(claim, text, kept):
    assert trusted(claim, text) == kept


def test_a_refuted_english_claim_is_read_as_the_language_detected():
    item = Entry(feed_url="u", outlet="o", key="k", link="", title="Meli", summary=SWAHILI, content="", lang="en")
    assert entry_language(item) == "sw"


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        ("Meli ya Arctic LNG 2 yafika China", SWAHILI, True),
        # the language's negation the sets know (Swahili hakuna) vetoes the anchors-only branch
        ("Hakuna meli ya Arctic LNG 2 iliyofika China", "Hakuna " + SWAHILI.lower(), False),
    ],
)
def test_an_entry_under_an_english_feed_in_a_language_without_words_is_read_by_its_anchors(
    eval_rules: RuleSet, title, summary, expected
):
    assert fires(eval_rules, ARCTIC, title, "en", summary) is expected


@pytest.mark.parametrize(
    ("title", "lang", "summary", "expected"),
    [
        (
            "Kabul startup's speech-recognition app learns Dari",
            "en",
            "The Taliban gave the app a licence; recognition of regional accents is the next goal.",
            False,
        ),
        ("Kazakhstan formally recognises the Taliban government", "en", "The cabinet's decree took effect.", True),
        ("カブールの新興企業、画像認識アプリを公開", "ja", "タリバン暫定政権が承認したアプリ。", False),
        ("カザフスタン、タリバン政権を正式に承認", "ja", "", True),
        ("Стартап из Кабула выпустил приложение для распознавания речи", "ru", "Талибы его одобрили.", False),
        ("Казахстан официально признал правительство талибов", "ru", "", True),
    ],
)
def test_a_technology_s_recognition_is_no_act(eval_rules: RuleSet, title, lang, summary, expected):
    assert fires(eval_rules, TALIBAN, title, lang, summary) is expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("積み荷はロシア極東で積んだソーコル原油で、インドの製油会社が購入した。", True),
        ("積み荷はロシア極東で積んだソコル原油で、インドの製油会社が購入した。", True),
        ("積み荷はソーコル原油で、中国の製油会社が購入した。", False),  # another buyer
    ],
)
def test_the_sokol_grade_with_or_without_its_long_vowel(eval_rules: RuleSet, content, expected):
    assert fires(eval_rules, OIL, "ムンバイ沖にタンカー到着", "ja", "大型タンカーが到着した。", content) is expected


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Namibia e amogela puso ya Taliban", "tn", True),
        ("Namibia ga e amogele puso ya Taliban", "tn", False),  # Tswana: ga before the concord
        ("Namibia e amohela mmuso wa Taliban", "st", True),
        ("Namibia ha e amohele mmuso wa Taliban", "st", False),  # Sesotho: ha before the concord
    ],
)
def test_sotho_tswana_negates_the_act_the_sets_read_in_it(eval_rules: RuleSet, title, lang, expected):
    assert fires(eval_rules, TALIBAN, title, lang) is expected


def test_a_gas_word_is_no_sotho_tswana_negation(eval_rules: RuleSet):
    """A phrase takes its words run together, so the negation is a regex: "ga se" would find gase (gas)."""
    assert fires(eval_rules, ARCTIC, "Khampani ya India e rekile gase ya Arctic LNG 2", "tn")


def test_v38_is_a_seen_part():
    from benchmarks.rules_quality import HELDOUT_V38, SEEN

    assert SEEN["held-out v38 (seen → tuning)"] == HELDOUT_V38
