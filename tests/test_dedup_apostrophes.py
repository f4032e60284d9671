"""An apostrophe inside a word, typed any way or left out (round 22, dd22).

Held-out v16's Tongan copies that alerted twice had dropped the glottal stop "ʻ" ("Nukuʻalofa" /
"Nukualofa", "foʻou" / "foou"): read as a word break, the apostrophe cut the original's words in two,
and the copy shared neither half nor any passage around them. Our own stories here, in languages no set
had it for: Hawaiian's ʻokina, Uzbek's "oʻ" and "gʻ", Ukrainian's apostrophe, Guarani's puso. A copy
that leaves them out, or types them as a grave or an acute accent, joins; the same frame with other
numbers, typed the same way, stays apart; a quotation's marks are no apostrophe.
"""

from __future__ import annotations

import re

import pytest
from test_dedup_caseless_wrapping import _decided, _html
from test_dedup_classes import _parsed

from monitor.dedup.alphabets import apostrophes_joined

# (headline, paragraphs): our own stories, each with apostrophes inside its words.
STORIES = {
    "haw": (
        "Ua wehe ʻia ke kula hou ma Hilo",
        (
            "Ua wehe ʻia he kula hou no nā keiki ʻōpio ma Hilo i ka Pōʻakahi, me nā lumi papa he 24.",
            "Ua pau ka ʻoihana i nā makahiki ʻelua a ua kūʻai ʻia ma 46 miliona kālā, wahi a Kealoha Kaʻaihue.",
            "He 610 mau haumāna e hele ana i ke kula i kēia makahiki.",
        ),
    ),
    "uz": (
        "Gʻijduvonda yangi sport majmuasi ochildi",
        (
            "Gʻijduvon tumanida chorshanba kuni 1200 oʻrinli yangi sport majmuasi foydalanishga topshirildi.",
            "Qurilish 22 oy davom etdi va 87 milliard soʻmga tushdi, dedi tuman hokimi Oʻtkir Gʻofurov.",
            "Majmuada har kuni 450 nafar yosh shugʻullanadi.",
        ),
    ),
    "uk": (
        "У Кам'янці відкрили пам'ятку після реставрації",
        (
            "У Кам'янці-Подільському в середу після реставрації відкрили пам'ятку, об'єкт площею 640 метрів.",
            "Роботи тривали 31 місяць і коштували 56 мільйонів гривень, повідомив керівник В'ячеслав Дем'янчук.",
            "Очікують, що пам'ятку щороку відвідуватимуть 90 тисяч туристів.",
        ),
    ),
    "gn": (
        "Ka'aguy ñangarekorã pyahu Itapúa-pe",
        (
            "Tavakuéra Itapúa-pe oñemoñepyrũ ko arapokõindy ka'aguy ñangarekorã pyahu 3800 hectárea reheve.",
            "Pe tembiapo ohepyme'ẽ 19 mil millones guaraní, he'i mburuvicha Ña'ẽ Benítez.",
            "Umi mitã'i oikuaáta 57 yvyra ñe'ẽ rehegua.",
        ),
    ),
}
OTHER_NUMBERS = str.maketrans("0123456789", "3456789012")
_IN_WORD = re.compile(r"(?<=[^\W\d_])['’ʻʼ](?=[^\W\d_])")


def _dropped(text: str) -> str:
    return _IN_WORD.sub("", text)


def _grave(text: str) -> str:
    return _IN_WORD.sub("`", text)


def _acute(text: str) -> str:
    return _IN_WORD.sub("\u00b4", text)


@pytest.mark.parametrize("typed", [_dropped, _grave, _acute])
@pytest.mark.parametrize("lang", sorted(STORIES))
def test_a_copy_that_types_its_apostrophes_otherwise_joins_its_story(lang, typed):
    title, paragraphs = STORIES[lang]
    original = _parsed("o", title, _html(paragraphs), outlet="Desk One")
    # The copy lacks its last paragraph too, as v16's trimmed ones did: fewer passages to share.
    copy_paragraphs = tuple(typed(p) for p in paragraphs[:-1])
    assert copy_paragraphs != paragraphs[:-1]
    copy = _parsed("c", typed(title), _html(copy_paragraphs), outlet="Desk Two", hours=1)
    assert _decided(original, copy) == [1, 1]


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_the_same_frame_with_other_numbers_and_no_apostrophes_stays_another_story(lang):
    title, paragraphs = STORIES[lang]
    original = _parsed("o", title, _html(paragraphs), outlet="Desk One")
    other = tuple(_dropped(p.translate(OTHER_NUMBERS)) for p in paragraphs)
    # Its own headline (the first word left out): a short text under the very same headline and names is
    # read as a summary of that headline's story (``index._same_headline``), a path apostrophes do not touch.
    headline = " ".join(_dropped(title).split()[1:])
    bulletin = _parsed("b", headline, _html(other), outlet="Desk Two", hours=1)
    assert _decided(original, bulletin) == [1, 2]


def test_an_apostrophe_inside_a_word_is_left_out_and_a_quotations_marks_stay():
    typed = "Nukuʻalofa, Nuku'alofa, Nuku‘alofa, o`zbek, сім´я"
    assert apostrophes_joined(typed) == "Nukualofa, Nukualofa, Nukualofa, ozbek, сімя"
    assert apostrophes_joined("'Aloha' and ‘mahalo’ in the '90s, 5'10\"") == "'Aloha' and ‘mahalo’ in the '90s, 5'10\""
