"""Held-out v25 and v26 (studied by dd29): a month of Russia's names with another language's case ending;
a palochka typed as a capital inside a word.

Many Cyrillic alphabets write the months by their Russian names, each with its own endings: Tatar "12
октябрьдә", Chuvash "октябрӗн 12-мӗшӗнче". Read only in the Russian genitive, such a report was dated at its
publication while an English one naming the same day was dated on that day: two days apart, outside each
other's window (``dates``: a stem names the month with any ending). So did a Danish "4. oktober" beside an
English "October 4": the English months as the Germanic languages write them (k or z for c, an ending after
"-ober", "-ember") are read too. And a capital palochka inside a word ("чӀаба") read as a capital letter made
the rest of the word a name after a prefix (``eventkeys._name_of``), a name no other report prints
(``alphabets.strokes``: after a lower-case letter it is lower case). Our own words, in Tatar, Chuvash,
German, Swedish, Dutch and Chechen.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from test_dedup_classes import _parsed

from monitor.dedup.alphabets import strokes
from monitor.dedup.dates import named_days
from monitor.dedup.eventkeys import keywords

PUBLISHED = datetime(2026, 10, 14, 9, 0, tzinfo=UTC)


def test_a_russian_month_name_with_any_ending_names_a_day():
    assert named_days("Казанда 12 октябрьдә яңа күпер ачылды", PUBLISHED) == [date(2026, 10, 12)]
    assert named_days("Шупашкарта октябрӗн 11-мӗшӗнче ҫӗнӗ шкул уҫӑлчӗ", PUBLISHED) == [date(2026, 10, 11)]
    assert named_days("Москвада 3 июля", PUBLISHED) == [date(2026, 7, 3)]  # the genitive, as before
    assert named_days("8 мая", PUBLISHED) == [date(2026, 5, 8)]


def test_english_months_as_germanic_languages_write_them_name_days():
    assert named_days("Die Fähre fährt seit 9. Oktober wieder", PUBLISHED) == [date(2026, 10, 9)]
    assert named_days("Färjan gick den 9 oktober", PUBLISHED) == [date(2026, 10, 9)]
    assert named_days("am 3. Dezember 2025", PUBLISHED) == [date(2025, 12, 3)]
    assert named_days("Feest op 2 juli", PUBLISHED) == [date(2026, 7, 2)]


def test_a_word_that_only_begins_like_may_names_no_day():
    assert named_days("майор 3 ротаны", PUBLISHED) == []
    assert named_days("маяк 12 метр", PUBLISHED) == []


def test_a_report_dated_in_its_own_endings_is_dated_as_its_english_twin():
    tatar = _parsed("tt1", "Казанда яңа күпер", "<p>КАЗАН — 12 октябрьдә Казанда 340 метрлы яңа күпер ачылды.</p>")
    english = _parsed("en1", "New bridge in Kazan", "<p>KAZAN — A 340-metre bridge opened in Kazan on October 12.</p>")
    assert "@10-12" in keywords(tatar, PUBLISHED) and "@10-12" in keywords(english, PUBLISHED)


def test_a_palochka_typed_as_a_capital_inside_a_word_is_lower_case():
    assert strokes("дӀаделла") == strokes("дӏаделла") == "діаделла"
    assert strokes("ГӀала") == "ГІала"  # after a capital, a capital
    assert strokes("дIаделла") == "діаделла"  # a Latin "I" between lower-case letters too


def test_a_text_typing_its_palochka_as_a_capital_has_no_other_names():
    body = "<p>ГРОЗНЫЙ — Школехь керла спортзал дӀаелла, цу чохь 240 бер хьоьху, элира Зарема Исаевас.</p>"
    typed = _parsed("ce1", "Керла спортзал", body.replace("ӏ", "Ӏ"))
    lower = _parsed("ce2", "Керла спортзал", body.replace("Ӏ", "ӏ"))
    assert keywords(typed, PUBLISHED) == keywords(lower, PUBLISHED)
