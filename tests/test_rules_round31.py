"""Issue 14, round 31: held-out v26 studied (it is tuning now; tests/data/rules_eval/README.md, "Held-out v26 seen →
tuning"). Each class on sentences of our own, beside one where the rule must not act, in Latin, Cyrillic and CJK
where the class has words there: a negation ending at a word's end in the scripts without \\b between a consonant and
its vowel sign, a CLDR name read as the matcher reads it, a river's water that is no mineral basin, recognition as a
prize, an act dated by a meeting's final day, and headlines in Africa's next larger languages."""

from __future__ import annotations

import pytest
from test_rules_round30 import fires, load_cldr_names

from monitor.rules.language import trusted
from monitor.text import fold

ARMS, OIL, MINING, TALIBAN = "north-korea-russia-arms", "india-russian-oil", "afghan-mining", "taliban-recognition"


@pytest.mark.parametrize(
    ("topic", "title", "lang", "expected"),
    [
        # the ending at a word's end is a negation, its quotative form too ("that it did not send")
        (ARMS, "ఉత్తర కొరియా రష్యాకు ఫిరంగి గుండ్లు పంపలేదని దక్షిణ కొరియా", "te", False),
        (OIL, "ಭಾರತ ರಷ್ಯಾದ ತೈಲ ಆಮದು ಮಾಡಿಲ್ಲ", "kn", False),  # after a consonant: the vowel sign's form
        (OIL, "ഇന്ത്യ റഷ്യൻ എണ്ണ ഇറക്കുമതി ചെയ്തില്ലെന്ന് മന്ത്രി", "ml", False),
        (OIL, "ভারত রাশিয়ার তেল আমদানি করে নয়", "bn", False),
        # the same letters followed by a vowel sign or a letter are another word: no negation
        (ARMS, "ఉత్తర కొరియా రష్యాకు లేదా చైనాకు ఫిరంగి గుండ్లు పంపింది", "te", True),  # లేదా "or"
        (OIL, "ಇಲ್ಲಿ ಭಾರತ ರಷ್ಯಾದ ತೈಲ ಆಮದು ಹೆಚ್ಚಿಸಿದೆ", "kn", True),  # ಇಲ್ಲಿ "here"
    ],
)
def test_a_south_asian_negation_ends_its_word(eval_rules, topic, title, lang, expected):
    assert fires(eval_rules, topic, title, lang) is expected


def test_no_cldr_name_folds_to_a_first_name_or_common_word():
    """Frisian Ruslân is the first name Ruslan once the matcher drops its accent: a name is checked folded."""
    cldr_names = load_cldr_names()
    not_names = {fold(word) for word in cldr_names.NOT_NAMES}
    for code in cldr_names.COUNTRIES:
        assert not {fold(term.rstrip("*")) for term in cldr_names.terms(code)} & not_names, code


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Shimoliy Koreya Rossiyaga raketalar yubordi", "uz", True),
        ("Shimoliy Koreya Eronga raketalar yubordi, dedi Ruslan Stefanchuk", "uz", False),  # a man, not Russia
    ],
)
def test_a_first_name_is_not_the_country(eval_rules, title, lang, expected):
    assert fires(eval_rules, ARMS, title, lang) is expected


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Afghanistan signs Amu Darya oil contract with Chinese firm", "en", True),
        ("Afghanistan signs Amu Darya water-sharing agreement with Uzbekistan", "en", False),
        ("Кабул подписал контракт с китайской компанией по Амударье", "ru", True),
        ("Кабул подписал соглашение о квотах на воду из Амударьи", "ru", False),
        ("アフガン政府、中国企業とアムダリア鉱区の契約に署名", "ja", True),
        ("アフガン政府、ウズベクとアムダリア川の水配分で合意", "ja", False),
    ],
)
def test_the_amu_darya_is_a_basin_unless_its_water_is_meant(eval_rules, title, lang, expected):
    assert fires(eval_rules, MINING, title, lang) is expected


@pytest.mark.parametrize(
    ("title", "lang", "summary", "expected"),
    [
        ("Признание года: хирург получил премию за работу в Кабуле", "ru", "Он получил общественное признание.", False),
        ("Казахстан официально признал власть талибов правительством Афганистана", "ru", "", True),
        ("Recognition of the year: Kabul surgeon wins national award", "en", "The Taliban government …", False),
        ("Kazakhstan formally recognises the Taliban government", "en", "", True),
        ("カブールで働いた医師に賞　功績が承認", "ja", "タリバン政権下で働いた医師が表彰された。", False),
        ("カザフスタン、タリバン政権を正式に承認", "ja", "", True),
    ],
)
def test_recognition_as_a_prize_is_no_act(eval_rules, title, lang, summary, expected):
    assert fires(eval_rules, TALIBAN, title, lang, summary) is expected


SUMMIT = {
    "en": ("Summit closes with a power-grid deal", "Most of the summit went on water.\nThe next one meets in Baku.\n"),
    "ru": ("Итоги саммита: энергомост и вода", "Саммит был о воде.\nСледующий пройдёт в Баку.\n"),
    "ja": ("中央アジア首脳会議閉幕　送電網で合意", "会議の大半は水問題に費やされた。\n次回はバクーで開かれる。\n"),
}


@pytest.mark.parametrize(
    ("lang", "last", "expected"),
    [
        ("en", "On the summit's final day Turkmenistan formally recognised the Taliban government.", True),
        ("en", "Turkmenistan has long considered recognising the Taliban government.", False),
        ("ru", "В последний день саммита Туркмения официально признала власть талибов.", True),
        ("ru", "Туркмения давно обсуждает признание власти талибов.", False),
        ("ja", "トルクメニスタンは会議最終日の夜、タリバン暫定政権をアフガニスタンの政府として正式に承認した。", True),
        ("ja", "トルクメニスタンは2021年、タリバン暫定政権をアフガニスタンの政府として承認しなかった。", False),
    ],
)
def test_an_act_dated_by_the_meeting_s_final_day_is_news_told_far_down(eval_rules, lang, last, expected):
    title, body = SUMMIT[lang]
    assert fires(eval_rules, TALIBAN, title, lang, content=body + last) is expected


@pytest.mark.parametrize(
    ("topic", "title", "lang", "expected"),
    [
        (OIL, "India zụtara mmanụ Russia n'ọnwa a", "ig", True),  # Igbo: bought oil
        (OIL, "India azụtaghị mmanụ Russia n'ọnwa a", "ig", False),  # its negation is the verb's -ghị
        (MINING, "Ụlọ ọrụ China bịanyere aka na nkwekọrịta igwu ọla edo na Afghanistan", "ig", True),
        (MINING, "Ụlọ ọrụ China abịanyeghị aka na nkwekọrịta igwu ọla edo na Afghanistan", "ig", False),
        # isiXhosa: the class prefix glued to the country (iRussia, yaseIndiya), negation by a- … -nga, ayinazo
        (ARMS, "INorth Korea ithumele iRussia imijukujelwa", "xh", True),
        (ARMS, "INorth Korea ayithumelanga iRussia imijukujelwa", "xh", False),
        (OIL, "Inkampani yaseIndiya ithenge i-oyile eRussia", "xh", True),
        (OIL, "Inkampani yaseIndiya ayinazo izivumelwano ze-oyile neRussia", "xh", False),
    ],
)
def test_a_headline_in_africa_s_next_larger_languages(eval_rules, topic, title, lang, expected):
    assert fires(eval_rules, topic, title, lang) is expected


@pytest.mark.parametrize(
    ("topic", "title", "summary", "expected"),
    [
        # a noun's か ends the headline's claim: a suspicion; an opening that calls it unconfirmed leaves only that
        (
            ARMS,
            "北朝鮮、ロシアに砲弾追加供与か",
            "北朝鮮がロシアに砲弾を追加で供与した可能性があると一部で報じられた。",
            False,
        ),
        (
            TALIBAN,
            "ウズベク、タリバン承認か",
            "ウズベキスタンがタリバン政権を承認したとの一部報道について、外務省は確認中とした。",
            False,
        ),
        # a named source's claim in the opening is the event
        (
            ARMS,
            "北朝鮮、ロシアに砲弾追加供与か　韓国国防省",
            "韓国国防省は、北朝鮮がロシアに砲弾を追加で供与したと明らかにした。",
            True,
        ),
        (
            TALIBAN,
            "ウズベク、タリバン承認か　外務省が発表",
            "ウズベキスタン外務省は、タリバン政権を正式に承認したと発表した。",
            True,
        ),
    ],
)
def test_a_headline_suspicion_its_opening_calls_unconfirmed_is_no_event(eval_rules, topic, title, summary, expected):
    assert fires(eval_rules, topic, title, "ja", summary) is expected


IGBO = (
    "Minista na-ahụ maka mba ofesi nabatara akwụkwọ onye nnọchi anya Taliban zitere, "
    "si otu a kwenye na Islamic Emirate dị ka gọọmentị ziri ezi. Ọkọlọtọ Emirate na-efegharị ugbu a."
)


@pytest.mark.parametrize(
    ("claim", "text", "kept"),
    [
        ("en", IGBO, ""),  # Latin letters English never writes, in common words: refuted, the model decides
        ("en", "Brazil's Lula meets Türkiye's Erdoğan in São Paulo on trade and Afghan recognition", "en"),  # names
        (  # an English story on Vietnam: dozens of accented letters, all in names (the model would say vi)
            "en",
            "Nguyễn Thị Kim Ngân met Phạm Minh Chính and Võ Văn Thưởng in Hà Nội on Tuesday to discuss "
            "the Đà Nẵng port deal with Russian officials",
            "en",
        ),
        (
            "de",
            "Rußland: Gespräche über Öl für Indien; Käufer prüfen Rabatte, Händler zögern, Märkte ändern sich",
            "de",
        ),
        ("en", "Индия нарастила закупки российской нефти в июне, сообщили источники в отрасли", ""),  # Cyrillic
        ("en", "インド、ロシア産原油の輸入を拡大　６月は過去最高に", ""),  # CJK and kana
    ],
)
def test_a_feed_s_ascii_language_is_refuted_by_letters_it_never_writes(claim, text, kept):
    assert trusted(claim, text) == kept


def test_an_igbo_headline_under_a_feed_that_says_english_reaches_its_branch(eval_rules):
    assert fires(eval_rules, TALIBAN, "Turkmenistan anabatala gọọmentị Taliban n'ụzọ iwu", "en", IGBO)
