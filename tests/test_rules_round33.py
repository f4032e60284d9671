"""Issue 14, round 33: held-out v28 studied (it is tuning now; tests/data/rules_eval/README.md, "Held-out v28 seen →
tuning"). Each class on sentences of our own, beside one where the rule must not act: an act dated years ago, a deal
called close, a launch counted between missile and verb, an act dated by the day's meeting or told as just learned,
Russia as the origin a few words from the oil, LNG by its letters' names and India's refinery towns in South Asia's
scripts, and Greek's b, d and g written μπ, ντ and γκ when a name is matched by sound."""

from __future__ import annotations

import pytest
from test_rules_round30 import fires

from monitor.rules.sounds import SOUND_WORD, sound_key, sound_runs, term_sounds
from monitor.text import html_to_text

ARMS, ARCTIC, MINING, OIL, TALIBAN = (
    "north-korea-russia-arms",
    "arctic-lng",
    "afghan-mining",
    "india-russian-oil",
    "taliban-recognition",
)


@pytest.mark.parametrize(
    ("topic", "title", "lang", "summary", "expected"),
    [
        (
            MINING,
            "Is the Afghan copper venture stalled?",
            "en",
            "The copper contract for Logar was signed 15 years ago.",
            False,
        ),
        (
            MINING,
            "Afghan copper venture moves ahead",
            "en",
            "The copper contract for Logar was signed on Monday.",
            True,
        ),
        # a first in many years is news, not a date in the past
        (MINING, "Kabul signs its first copper contract in 15 years", "en", "", True),
        (
            MINING,
            "Афганская медь: что дальше",
            "ru",
            "Контракт на добычу меди в Логаре подписан двенадцать лет назад.",
            False,
        ),
        (MINING, "アフガン銅山の行方", "ja", "ロガール州の銅鉱山の採掘契約が結ばれてから１２年がたつ。", False),
        (MINING, "アフガン銅山の行方", "ja", "ロガール州の銅鉱山の採掘契約が２日に結ばれた。", True),
        (ARCTIC, "Yamal LNG, a veteran", "en", "Yamal LNG shipped its first cargo to China eight years ago.", False),
    ],
)
def test_an_act_dated_years_ago_is_background(eval_rules, topic, title, lang, summary, expected):
    assert fires(eval_rules, topic, title, lang, summary) is expected


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ('Copper deal with Afghan ministry "close", Chinese miner says', "en", False),
        ("Afghan copper deal near, ministry says", "en", False),
        ("Kabul signs copper deal after a close cabinet vote, ministry says", "en", True),  # close as a word inside
        ("Переговоры о медном контракте с Афганистаном на финальной стадии", "ru", False),
        ("アフガン銅山の採掘契約、交渉が最終段階に", "ja", False),
        ("アフガン銅山の採掘契約に署名", "ja", True),
    ],
)
def test_a_deal_called_close_is_not_made(eval_rules, title, lang, expected):
    assert fires(eval_rules, MINING, title, lang) is expected


@pytest.mark.parametrize(
    ("title", "lang", "summary", "expected"),
    [
        # a test at home, Russia named in another clause of the opening as the analysts' guess
        (
            "北朝鮮が弾道ミサイル発射",
            "ja",
            "北朝鮮は弾道ミサイル３発を発射した。ロシアとの協力が背景にあるとの見方もある。",
            False,
        ),
        ("朝鲜发射弹道导弹", "zh", "朝鲜发射了两枚弹道导弹，分析人士认为这与俄罗斯的合作有关。", False),
        ("北朝鮮、ロシアへ弾道ミサイルを追加供与", "ja", "北朝鮮はロシアに弾道ミサイル２０発を供与した。", True),
    ],
)
def test_a_counted_launch_is_a_test(eval_rules, title, lang, summary, expected):
    assert fires(eval_rules, ARMS, title, lang, summary) is expected


@pytest.mark.parametrize(
    ("topic", "title", "lang", "content", "expected"),
    [
        # the act once, in the third paragraph of a story about something else, dated by the meeting it came with
        (
            TALIBAN,
            "Caspian summit ends with water deal",
            "en",
            "<p>Leaders met in Baku.</p><p>They agreed on water quotas.</p>"
            "<p>On the sidelines of the summit, Azerbaijan formally recognised the Taliban government.</p>",
            True,
        ),
        (
            TALIBAN,
            "Caspian summit ends with water deal",
            "en",
            "<p>Leaders met in Baku.</p><p>They agreed on water quotas.</p>"
            "<p>Azerbaijan formally recognised the Taliban government.</p>",
            False,
        ),
        (
            TALIBAN,
            "カスピ海首脳会議が閉幕",
            "ja",
            "<p>水の配分で合意した。</p><p>アゼルバイジャンは首脳会議に合わせ、タリバン暫定政権を正式に承認した。</p>",
            True,
        ),
        # a cargo once, further down, told as just learned
        (
            ARCTIC,
            "Газовозы идут в Азию",
            "ru",
            "<p>Фрахт дорожает.</p><p>Суда идут в обход Европы.</p>"
            "<p>Как стало известно, китайская компания купила груз с Арктик СПГ 2.</p>",
            True,
        ),
        (
            ARCTIC,
            "電力各社、燃料の確保急ぐ",
            "ja",
            "<p>在庫を積み増す。</p><p>寒波に備える。</p>"
            "<p>インドの企業がアークティックLNG2の貨物を購入したことが関係者への取材で分かった。</p>",
            True,
        ),
        (
            ARCTIC,
            "電力各社、燃料の確保急ぐ",
            "ja",
            "<p>在庫を積み増す。</p><p>寒波に備える。</p><p>インドの企業がアークティックLNG2の貨物を購入した。</p>",
            False,
        ),
    ],
)
def test_an_act_dated_by_its_occasion_or_told_as_learned(eval_rules, topic, title, lang, content, expected):
    opening, _, rest = html_to_text(content).partition("\n")  # the first paragraph is the feed's summary
    assert fires(eval_rules, topic, title, lang, opening, rest) is expected


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Доля России в импорте нефти Индией достигла рекорда", "ru", True),
        ("Индия в марте ввезла из России 1,8 млн баррелей нефти в сутки", "ru", True),
        ("Russia's share of India's crude imports hits a record", "en", True),
        # Russia the origin of something else, the oil from elsewhere
        ("Индия нарастила импорт угля из России и нефти из Ирака", "ru", False),
    ],
)
def test_russia_as_origin_a_few_words_from_the_oil(eval_rules, title, lang, expected):
    assert fires(eval_rules, OIL, title, lang) is expected


@pytest.mark.parametrize(
    ("topic", "title", "lang", "expected"),
    [
        # LNG by its letters' names in Bengali and Telugu, and the negation that keeps a headline out
        (ARCTIC, "হলদিয়া বন্দরে রাশিয়ার আর্কটিক এলএনজি ২ কার্গো", "bn", True),
        (ARCTIC, "ఆర్కిటిక్ ఎల్ఎన్జీ 2 నౌక విశాఖకు చేరింది", "te", True),
        (ARCTIC, "আর্কটিক এলএনজি ২ কার্গো আসেনি, বন্দর কর্তৃপক্ষ বলছে নয়", "bn", False),
        # a refinery town instead of India, Russia and the oil in Odia and Assamese
        (OIL, "ପାରାଦୀପରେ ରୁଷିଆରୁ ଆସିଲା ଅଶୋଧିତ ତୈଳ", "or", True),
        (OIL, "নুমলীগড়লৈ ৰাছিয়াৰ পৰা অশোধিত তেল আহিল", "as", True),
        (OIL, "ପାରାଦୀପରେ ରୁଷିଆ ପର୍ଯ୍ୟଟକ", "or", False),  # tourists: no oil
    ],
)
def test_south_asian_spellings_of_lng_refinery_towns_and_oil(eval_rules, topic, title, lang, expected):
    assert fires(eval_rules, topic, title, lang) is expected


def test_lng_spelt_by_its_letters_names_is_a_term_of_its_own():
    def heard(term: str, text: str) -> bool:
        wanted = term_sounds(term)
        assert isinstance(wanted, tuple), wanted
        return bool(sound_runs(wanted, [sound_key(word) for word in SOUND_WORD.findall(text)]))

    assert not heard("Yamal LNG", "यमाल एलएनजी")  # el-en-ji is no sound of the letters L, N, G
    assert heard("यमाल एलएनजी", "ୟମାଲ ଏଲଏନଜି ଜାହାଜ")  # Odia, by sound of the Hindi spelling
    assert heard("आर्कटिक एलएनजी", "আর্কটিক এলএনজি-২")  # Bengali


@pytest.mark.parametrize(
    ("greek", "latin"),
    [("Ταλιμπάν", "Taliban"), ("ΤΑΛΙΜΠΑΝ", "Taliban"), ("Ντόνετσκ", "Donetsk"), ("Γκαζπρόμ", "Gazprom")],
)
def test_greek_stops_sound_as_the_latin_letter(greek, latin):
    # inside a word μπ is read both ways (b, or m-p as in Τραμπ): the Greek word sounds like the Latin by either
    assert sound_runs(term_sounds(latin), [sound_key(greek)]) == [0]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Η Ουζμπεκιστάν αναγνώρισε επίσημα τους Ταλιμπάν", True),
        ("Η κυβέρνηση των Ταλιμπάν αναγνωρίστηκε από το Τουρκμενιστάν", True),  # the name in the genitive's article
        ("Η Ουζμπεκιστάν δεν αναγνώρισε τους Ταλιμπάν", False),
    ],
)
def test_a_greek_headline_names_the_taliban_by_sound(eval_rules, title, expected):
    assert fires(eval_rules, TALIBAN, title, "el") is expected
