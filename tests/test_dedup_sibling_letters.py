"""A keyboard without a language's own letters, typing a neighbouring alphabet's (round 21, dd21).

Held-out v15's copies that alerted twice were typed on such keyboards (Chuvash "ӑ ӗ ҫ" as Latin "ă ĕ ç",
Assamese "ৰ ৱ" as Bengali "র ব") or typed Samoan's glottal-stop letter "ʻ" as an apostrophe: the same
words in other code points, so the copy shared too few passages with its original. Our own stories
here, in other languages and alphabets that no set had: Ukrainian and Belarusian letters typed as
Latin ones, Persian and Urdu kaf, yeh and heh typed in their Arabic forms, Hindi without its nukta,
Uzbek's "oʻ" typed "o'". The copy joins; the same frame with other numbers, typed the same way, stays
apart; a real word of another alphabet and the alphabet that writes its vowels keep their letters.
"""

from __future__ import annotations

import pytest
from test_dedup_caseless_wrapping import _decided, _html
from test_dedup_classes import _parsed

from monitor.dedup.alphabets import sibling_letters
from monitor.dedup.clean import readable

# (headline, paragraphs, the keyboard's letters for the language's own): our own stories.
STORIES = {
    "uk": (
        "У Житомирі відкрили нову їдальню для школярів",
        (
            "Міська рада Житомира відкрила у вівторок їдальню на 420 місць для учнів трьох шкіл.",
            "Будівництво тривало 14 місяців і коштувало 38 мільйонів гривень, повідомила заступниця мера Ірина Коваль.",
            "«Діти їстимуть гаряче двічі на день», — сказала вона.",
        ),
        str.maketrans("іїІЇ", "iïIÏ"),
    ),
    "be": (
        "У Гродне адкрылі новы мост праз Нёман",
        (
            "Гарадскія ўлады Гродна ў аўторак адкрылі мост даўжынёй 640 метраў праз Нёман.",
            "Будаўніцтва каштавала 52 мільёны рублёў і доўжылася 26 месяцаў, паведаміў інжынер Алесь Шыла.",
            "Па мосце штодня будуць ездзіць 18 тысяч аўтамабіляў.",
        ),
        str.maketrans("ўёіЎЁІ", "ŭëiŬËI"),
    ),
    "fa": (
        "افتتاح بیمارستان کودکان در کرمانشاه",
        (
            "بیمارستان کودکان کرمانشاه با ۲۴۰ تخت روز یکشنبه افتتاح شد.",
            "ساخت این بیمارستان ۶ سال طول کشید و ۹۱۰ میلیارد ریال هزینه داشت، رئیس دانشگاه علوم پزشکی گفت.",
            "یک بخش ویژه نوزادان با ۳۶ تخت هم در آن راه‌اندازی شده است.",
        ),
        str.maketrans("کی", "كي"),
    ),
    "ur": (
        "ملتان میں بچوں کا نیا ہسپتال کھل گیا",
        (
            "ملتان میں پیر کے روز 180 بستروں پر مشتمل بچوں کا ایک نیا ہسپتال کھول دیا گیا۔",
            "ہسپتال کی تعمیر پر 4 ارب 20 کروڑ روپے خرچ ہوئے اور اس میں 65 ڈاکٹر کام کریں گے، کمشنر نے بتایا۔",
            "شہریوں نے کہا کہ اب انہیں لاہور جانے کی ضرورت نہیں رہے گی۔",
        ),
        str.maketrans("کیہھ", "كيهه"),
    ),
    "hi": (
        "पटना में नया ज़िला अस्पताल शुरू",
        (
            "पटना में सोमवार को 320 बिस्तरों वाला नया ज़िला अस्पताल शुरू हुआ।",
            "अस्पताल पर 148 करोड़ रुपये ख़र्च हुए और यहाँ 75 डॉक्टर तैनात होंगे, ज़िलाधिकारी ने बताया।",
            "“अब मरीज़ों को बड़े शहर नहीं जाना पड़ेगा,” उन्होंने कहा।",
        ),
        str.maketrans({"\u093c": None, "\u095b": "ज", "\u0959": "ख"}),
    ),
    "uz": (
        "Qoʻqonda yangi koʻprik ochildi",
        (
            "Qoʻqon shahrida seshanba kuni uzunligi 280 metr boʻlgan yangi koʻprik ochildi.",
            "Qurilish 19 oy davom etdi va 64 milliard soʻmga tushdi, dedi hokim oʻrinbosari Gʻayrat Toʻrayev.",
            "Koʻprikdan kuniga 12 ming mashina oʻtadi.",
        ),
        str.maketrans("ʻ", "'"),
    ),
}
OTHER_NUMBERS = str.maketrans("0123456789۰۱۲۳۴۵۶۷۸۹", "3456789012۳۴۵۶۷۸۹۰۱۲")


def _typed(lang: str, text: str) -> str:
    return text.translate(STORIES[lang][2])


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_a_text_typed_with_a_neighbouring_alphabets_letters_reads_as_the_original(lang):
    _, paragraphs, _ = STORIES[lang]
    typed = _typed(lang, paragraphs[1])
    assert typed != paragraphs[1]
    assert readable(typed) == readable(paragraphs[1])


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_a_copy_typed_with_a_neighbouring_alphabets_letters_joins_its_story(lang):
    title, paragraphs, _ = STORIES[lang]
    original = _parsed("o", title, _html(paragraphs), outlet="Desk One")
    # The copy lacks its last paragraph too, as v15's did: fewer passages to share.
    typed = tuple(_typed(lang, p) for p in paragraphs[:-1])
    copy = _parsed("c", _typed(lang, title), _html(typed), outlet="Desk Two", hours=1)
    assert _decided(original, copy) == [1, 1]


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_the_same_frame_with_other_numbers_typed_the_same_way_stays_another_story(lang):
    title, paragraphs, _ = STORIES[lang]
    original = _parsed("o", title, _html(paragraphs), outlet="Desk One")
    other = tuple(_typed(lang, p.translate(OTHER_NUMBERS)) for p in paragraphs)
    # Its own headline (the first word left out): a short text under the very same headline and names is
    # read as a summary of that headline's story (``index._same_headline``), a path these letters do not touch.
    headline = " ".join(_typed(lang, title).split()[1:])
    bulletin = _parsed("b", headline, _html(other), outlet="Desk Two", hours=1)
    assert _decided(original, bulletin) == [1, 2]


def test_a_real_word_of_another_alphabet_keeps_its_letters():
    # "Çelik" has letters without a Cyrillic lookalike (l, k): a Turkish name in a Russian text, not a keyboard's.
    text = "Инженер Çelik и компания Trump Tower открыли мост через реку."
    assert readable(text) == text
    assert readable("Атăл урлă çӗнӗ кӗпер уçăлнă.") == "Атӑл урлӑ ҫӗнӗ кӗпер уҫӑлнӑ."


def test_the_alphabet_that_writes_its_vowels_keeps_alef_maksura_and_its_heh():
    uyghur = "ئۈرۈمچى شەھىرىدە يېڭى كۆۋرۈك ئېچىلدى"  # its table reads ى as i and ھ as h
    assert sibling_letters(uyghur) == uyghur
    assert sibling_letters("کتابخانه‌ای در شیراز") == "كتابخانه‌اي در شيراز"
