"""Issue 14, round 38: held-out v33 studied (it is tuning now; tests/data/rules_eval/README.md, "Held-out v33 seen →
tuning"). Its errors classified by cause first, then each cause fixed as a mechanism meant to hold on a part not seen,
on sentences of our own beside one where the rule must not act: the Arabic-script languages' letter variants written
one way, an opening alef read as the vowel it carries, a long name opening a compound in its own script, a lead that
ends with its sentence, doubt as a hedge, one sense of 承認 per story, and a refusal told as "turned away"."""

from __future__ import annotations

import pytest
from test_rules_round30 import fires

from monitor.models import Entry
from monitor.rules.sounds import sound_key, sound_runs, term_sounds
from monitor.rules.spelling import plain_hyphens
from monitor.rules.units import lead_text
from tests.test_rules_operators import fires as title_fires
from tests.test_rules_operators import ruleset

ARCTIC, MINING, TALIBAN = "arctic-lng", "afghan-mining", "taliban-recognition"


def test_arabic_script_letter_variants_are_one_letter(tmp_path):
    # Persian and Urdu kaf (ک), Sindhi kaf (ڪ) and Arabic kaf (ك) are one letter; so are the yehs and hehs
    assert plain_hyphens("ڪابل") == plain_hyphens("کابل") == plain_hyphens("كابل")
    assert plain_hyphens("کوئلے") == plain_hyphens("ڪوئلي")
    assert plain_hyphens("معاہدہ") == plain_hyphens("معاهده")
    assert len(plain_hyphens("پاڪستاني ڪمپني")) == len("پاڪستاني ڪمپني")  # one character for one
    rules = ruleset(tmp_path, 'name: probe\nmatch:\n  any: ["کابل", {regex: "(?:^|\\\\W)نیست"}]\n')
    assert title_fires(rules, "ڪابل ۾ معاهدو")  # Sindhi spelling of Kabul
    assert title_fires(rules, "الاتفاق في كابل")  # Arabic kaf
    assert title_fires(rules, "این خبر درست نيست")  # a regex with Persian yeh reads Arabic yeh
    assert not title_fires(rules, "کامل")  # another word


def test_an_opening_alef_is_the_vowel_it_carries():
    # Urdu آرکٹک and Sindhi آرڪٽڪ fold to an opening bare alef; read as "a" they sound as Arctic
    arctic = term_sounds("Arctic")
    assert isinstance(arctic, tuple)
    for word in ("ارکٹک", "اركٽك"):
        assert sound_runs(arctic, [sound_key(word)]) == [0]
    assert sound_runs(arctic, [sound_key("ركٽك")]) == []  # no vowel: another skeleton


def test_the_lead_ends_with_the_sentence_its_word_limit_falls_in():
    opening = " ".join(["word"] * 55) + " and the wagons carried artillery shells bound for Russia. Then more text."
    lead = lead_text(Entry(feed_url="u", outlet="o", key="k", link="", title="T", summary=opening, content=""))
    assert lead.endswith("bound for Russia.")
    runaway = " ".join(["word"] * 120)  # no sentence end in reach: cut at the limit
    lead = lead_text(Entry(feed_url="u", outlet="o", key="k", link="", title="T", summary=runaway, content=""))
    assert len(lead.split()) == 1 + 60


@pytest.mark.parametrize(
    ("title", "summary", "lang", "expected"),
    [
        ("Taliban hope to sign Herat copper deal", "Experts doubt the deal can be signed this year.", "en", False),
        (
            "Министр надеется на сделку",
            "Эксперты сомневаются, что сделку по меди в Герате удастся заключить.",
            "ru",
            False,
        ),
        (
            "Taliban sign Herat copper deal",
            "There is no doubt the copper deal was signed in Herat on Monday.",
            "en",
            True,
        ),
        ("Талибы подписали сделку", "Без сомнения, сделка по меди в Герате подписана в понедельник.", "ru", True),
    ],
)
def test_doubt_is_a_hedge_and_no_doubt_is_none(eval_rules, title, summary, lang, expected):
    assert fires(eval_rules, MINING, title, lang, summary) is expected


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        # the headline's 承認 approves a budget: the body's is that approval too
        (
            "参院、アフガン支援を含む補正予算を承認",
            "国会で承認された。予算の承認はタリバンとの関係とは別の話だと述べた。",
            False,
        ),
        # the headline's act is the recognition: the story fires
        ("ヨルダン、タリバン政権を承認", "ヨルダン政府はアフガニスタンのタリバン政権を正式に承認した。", True),
    ],
)
def test_one_sense_of_the_headlines_act_word_per_story(eval_rules, title, summary, expected):
    assert fires(eval_rules, TALIBAN, title, "ja", summary) is expected


def test_turned_away_is_a_refusal(eval_rules):
    assert not fires(eval_rules, TALIBAN, "Accra turns away Taliban envoy's letter of credence", "en")
    assert fires(eval_rules, TALIBAN, "Accra accepts Taliban envoy's letter of credence", "en")


@pytest.mark.parametrize(
    ("topic", "title", "summary", "lang", "expected"),
    [
        # Sindhi, no word of it in the sets: Afghanistan, coal and the agreement as Urdu writes them
        (MINING, "پاڪستاني ڪمپنيءَ افغانستان ۾ ڪوئلي جي کاڻ جو معاهدو صحيح ڪيو", "", "sd", True),
        # Arctic LNG 2 with LNG spelt by its letters' names: the project's sound and number
        (ARCTIC, "پاڪستان روس جي آرڪٽڪ ايل اين جي 2 مان پهرين کيپ وصول ڪئي", "", "sd", True),
        (ARCTIC, "آرڪٽڪ ۾ سخت سردي", "", "sd", False),  # the Arctic's cold: no number
        # Nynorsk: a compound names the Taliban; other states' refusal to follow is another clause's negation
        (
            TALIBAN,
            "Eritrea anerkjenner talibanregjeringa",
            "Noreg seier dei ikkje kjem til å følgje etter.",
            "nn",
            True,
        ),
        (TALIBAN, "Eritrea anerkjenner ikkje talibanregjeringa", "", "nn", False),  # the act's own negation
    ],
)
def test_languages_without_words(eval_rules, topic, title, summary, lang, expected):
    assert fires(eval_rules, topic, title, lang, summary) is expected
