"""Held-out v18 (studied by dd24): a body printed in the form it was stored in, and a closing link line.

v18's copies from a mail archive (quoted-printable: "Asunci=C3=B3n", "=" breaks at 76 columns) and from a
word processor's RTF export ("{\\rtf1 … Asunci\\u243?n\\par …}") were read as written: every word with a
letter outside ASCII was another word, the breaks cut names and numbers, and 6 copies of 5 stories alerted
again (shared text under the threshold, names that did not agree, sentences read as news). A small-web
mirror's closing "=> address headline" line was read as a sentence printing new figures (the address's).
Our own stories here, in other languages, scripts and code pages than v18's; beside each copy that must
join, a report of another event in the same form that must not.
"""

from __future__ import annotations

import quopri

import pytest
from test_dedup_classes import _decide, _parsed

from monitor.dedup import StoryIndex, transfer
from monitor.dedup.clean import clean
from monitor.dedup.transfer import decoded, rtf_text
from monitor.text import html_to_text

# A Russian regional story and the next week's bulletin of the same template (other figures: another event).
RUSSIAN = [
    "ТОМСК — Областная дума утвердила в четверг бюджет на 2027 год: доходы составят 94,2 млрд рублей, "
    "расходы — 101,7 млрд рублей.",
    "«Дефицит покроем за счёт кредитов», — заявил председатель комитета по бюджету Аркадий Белоусов.",
    "Больше всего средств получат здравоохранение и дороги: 23,8 млрд и 17,1 млрд рублей.",
]
RUSSIAN_NEXT = [
    "ТОМСК — Областная дума утвердила в четверг поправки к бюджету на 2027 год: доходы составят 96,5 млрд "
    "рублей, расходы — 103,9 млрд рублей.",
    "«Дефицит покроем за счёт кредитов», — заявил председатель комитета по бюджету Аркадий Белоусов.",
    "Больше всего средств получат школы и больницы: 12,4 млрд и 9,6 млрд рублей.",
]
# A Spanish story (letters of Windows-1252) and the same agency's next count at another port.
SPANISH = [
    "VALPARAÍSO — La Armada rescató el miércoles a 14 pescadores cuyo barco, el Doña Inés, se hundió a 38 "
    "millas de la costa.",
    "«Todos están estables y fueron trasladados al hospital Carlos Van Buren», informó el capitán Álvaro Núñez.",
    "La embarcación había zarpado de Quintero el lunes con una carga de 6 toneladas de jurel.",
]
SPANISH_NEXT = [
    "TALCAHUANO — La Armada rescató el sábado a 9 pescadores cuyo barco, el Santa Rosalía, se hundió a 22 "
    "millas de la costa.",
    "«Todos están estables y fueron trasladados al hospital Higueras», informó el capitán Álvaro Núñez.",
    "La embarcación había zarpado de Tomé el jueves con una carga de 4 toneladas de merluza.",
]
JAPANESE = [
    "札幌市は12日、市営地下鉄東西線の新駅を2029年に開業すると発表した。",
    "総事業費は約184億円で、1日あたり1万2000人の利用を見込む。",
]
POLISH = [
    "Rada Miasta Gdańska przyjęła we wtorek plan budowy trzech nowych linii tramwajowych o łącznej długości 14 km.",
    "Koszt inwestycji oszacowano na 1,3 mld zł, a prace mają ruszyć w 2028 roku.",
    "Prezydent miasta Aleksandra Dulkiewicz powiedziała, że pierwsza linia połączy Oruńię z centrum.",
]
POLISH_NEXT = [
    "Gdańsk — Tydzień po przyjęciu planu trzech linii tramwajowych miasto ogłosiło przetarg na pierwszą z nich.",
    "Oferty można składać do 30 czerwca, a wartość zamówienia to 412 mln zł.",
    "Prezydent miasta Aleksandra Dulkiewicz powiedziała, że pierwsza linia połączy Oruńię z centrum.",
]


def _quoted_printable(paragraphs: list[str], charset: str = "utf-8") -> str:
    return quopri.encodestring("\n\n".join(paragraphs).encode(charset)).decode("ascii")


def _rtf(paragraphs: list[str], codepage: int) -> str:
    """An RTF export as a word processor writes it: tables, "\\'hh" in ``codepage``, "\\uN?" beyond it."""

    def letter(char: str) -> str:
        try:
            raw = char.encode(f"cp{codepage}")
        except UnicodeEncodeError:
            return f"\\u{ord(char) - 0x10000 if ord(char) > 0x7FFF else ord(char)}?"
        return char if char.isascii() else "".join(f"\\'{b:02x}" for b in raw)

    head = f"{{\\rtf1\\ansi\\ansicpg{codepage}\\deff0{{\\fonttbl{{\\f0\\fswiss Arial;}}}}{{\\*\\generator Wr 1.0;}}\n"
    return head + "".join("\\pard\\f0 " + "".join(map(letter, p)) + "\\par\n" for p in paragraphs) + "}"


def _html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def test_quoted_printable_is_read_as_its_text_in_any_script_and_code_page():
    assert decoded(html_to_text(_quoted_printable(RUSSIAN))) == "\n".join(RUSSIAN)
    assert decoded(html_to_text(_quoted_printable(JAPANESE))) == "\n".join(JAPANESE)
    # A Latin mail archive of Windows-1252: one byte a letter, shown by its soft breaks.
    assert decoded(html_to_text(_quoted_printable(SPANISH, "cp1252"))) == "\n".join(SPANISH)
    # A text merely holding "=" and hex digits is no archive: a formula, an address's query.
    for text in ("Set x=20 and y=3D4 in the form.", "See https://a.example/?id=AB&c=DE for the list."):
        assert decoded(text) == text


def test_rtf_is_read_as_its_text_whatever_writes_its_letters():
    assert rtf_text(_rtf(SPANISH, 1252)) == "\n".join(SPANISH) + "\n"
    assert rtf_text(_rtf(RUSSIAN, 1251)) == "\n".join(RUSSIAN) + "\n"  # a Cyrillic code page's bytes
    assert rtf_text(_rtf(JAPANESE, 1252)) == "\n".join(JAPANESE) + "\n"  # "\u-26446?": signed 16 bits
    # "\\uN" then \\ucN stand-ins (a "\\'hh" counts one) for readers without Unicode; escaped braces are text.
    assert rtf_text("{\\rtf1 caf\\u233\\'e9 \\uc0 d\\u233 j\\'e0 \\{x\\}\\line y\\~z}") == "café déjà {x}\ny\u00a0z"
    assert clean("{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}{\\*\\generator Wr;}Texte\\par}").text == "Texte"
    above = "Por Lucía Ferrer\n"  # the outlet's own line above the document
    assert decoded(above + _rtf(SPANISH, 1252)) == above + "\n".join(SPANISH) + "\n"
    late = "x" * transfer.RTF_AFTER + _rtf(SPANISH, 1252)  # no document opens so deep in a text
    assert decoded(late) == late
    assert rtf_text("{\\rtf1 \\u-10179?\\u-8704?}") == "\U0001f600"  # a character beyond the BMP: two halves


def test_a_stored_copy_joins_its_story_and_the_next_event_in_that_form_does_not():
    for story, following, stored in (
        (RUSSIAN, RUSSIAN_NEXT, _quoted_printable),
        (SPANISH, SPANISH_NEXT, lambda p: _quoted_printable(p, "cp1252")),
        (RUSSIAN, RUSSIAN_NEXT, lambda p: _rtf(p, 1251)),
        (SPANISH, SPANISH_NEXT, lambda p: _rtf(p, 1252)),
    ):
        index, story_of = StoryIndex(), {}
        first = _decide(index, 1, _parsed("a", "Бюджет / Presupuesto", _html(story), outlet="Desk"), story_of)
        copy = _parsed("b", "Бюджет / Presupuesto", stored(story), outlet="Archive", hours=2)
        assert _decide(index, 2, copy, story_of) == first, index.find(copy, copy.published).reason  # type: ignore[arg-type]
        other = _parsed("c", "Бюджет / Presupuesto", stored(following), outlet="Archive", hours=50)
        assert _decide(index, 3, other, story_of) != first  # another event: a new alert


def test_a_closing_link_line_is_no_story_text():
    link = "https://trojmiasto.example/2026/05/rada-tramwaje-14-km-1-3-mld-98231"
    for sign in ("→", "🔗", "=>"):
        body = "\n".join([*POLISH, f"{sign} {link} Gdańsk: trzy nowe linie tramwajowe za 1,3 mld zł w planie miasta"])
        assert clean(body).text == "\n".join(POLISH)
    kept = "Wnioski można składać na stronie https://gdansk.example/wnioski do 30 czerwca."
    assert clean(kept).text == kept  # a sentence naming an address is the story's


def test_a_copy_with_a_link_line_joins_and_a_follow_up_linking_the_story_does_not():
    index, story_of = StoryIndex(), {}
    first = _decide(index, 1, _parsed("a", "Trzy nowe linie tramwajowe", _html(POLISH), outlet="Dziennik"), story_of)
    line = "→ https://dziennik.example/2026/05/trzy-linie-98231 Trzy nowe linie tramwajowe w Gdańsku za 1,3 mld zł"
    copy = _parsed("b", "Trzy nowe linie tramwajowe", _html([*POLISH, line]), outlet="Agregator", hours=3)
    assert _decide(index, 2, copy, story_of) == first, index.find(copy, copy.published).reason  # type: ignore[arg-type]
    follow = _parsed("c", "Przetarg na pierwszą linię", _html([*POLISH_NEXT, line]), outlet="Agregator", hours=30)
    assert _decide(index, 3, follow, story_of) != first  # its own news, whatever it links to


def test_soft_breaks_alone_show_an_archive_only_from_their_bound():
    line = "Koszt oszacowano na 1,3 mld zł, a prace ruszą w 2028 roku i potrwają="
    fewer = "\n".join([line] * (transfer.SOFT_BREAKS - 1) + ["do 2031."])
    assert decoded(fewer) == fewer  # a line of the text's own may end in "="
    enough = "\n".join([line] * transfer.SOFT_BREAKS + ["do 2031."])
    assert decoded(enough) == line[:-1] * transfer.SOFT_BREAKS + "do 2031."


def test_an_rtf_code_page_python_does_not_know_reads_as_windows_1252():
    assert rtf_text("{\\rtf1\\ansi\\ansicpg9999 caf\\'e9}") == "café"
    assert rtf_text("{\\rtf1\\ansi\\ansicpg1251 \\'cc\\'ee\\'f1\\'ea\\'e2\\'e0}") == "Москва"


@pytest.mark.parametrize(
    "document",
    [
        "{\\rtf1 \\u99999999?}",
        "{\\rtf1 \\u-99999999?}",
        "{\\rtf1 \\u1114112?}",
        "{\\rtf1 \\u" + "9" * 5000 + "?}",
        "{\\rtf1 }}}{{{ x",
        "{\\rtf1 " + "{" * 5000 + "x" + "}" * 5000 + "}",
        "{\\rtf1\\ansicpg" + "7" * 40 + " \\'e9}",
        "{\\rtf1 \\'",
    ],
)
def test_a_hostile_rtf_document_reads_as_some_text_never_an_error(document: str) -> None:
    assert isinstance(rtf_text(document), str)
    assert isinstance(clean(document).text, str)


def test_a_unit_beyond_16_bits_reads_as_the_replacement_character() -> None:
    assert rtf_text("{\\rtf1 a\\u99999999?b}") == "a\ufffdb"
    assert rtf_text("{\\rtf1 a\\u-10179?\\u-8704?b}") == "a\U0001f600b"  # signed halves still join
