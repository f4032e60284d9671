"""A copy is read as a reader reads it (issue 13, round 19): a decomposed "é", full-width letters, a
lookalike letter of another alphabet, a joiner inside a Latin word change no word a reader sees, so
the copy joins its original, read after it or before it; another story written the same way does not."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest
from test_dedup_classes import START, _decide, _parsed

from monitor.dedup import StoryIndex
from monitor.dedup.alphabets import lookalikes
from monitor.dedup.clean import readable, unmarked
from monitor.dedup.signature import signature

STORIES = {
    "fr": (
        (
            "Grève à la société Électricité de Lyon",
            "Les employés de la société Électricité de Lyon ont cessé le travail mardi à Vénissieux. Le"
            " syndicat réclame une hausse de 240 euros par mois pour les 1 800 techniciens. La direction"
            " a proposé une prime unique, refusée par l'assemblée générale réunie à l'usine du quai Perrache.",
        ),
        (
            "Inondations dans la vallée de la Drôme",
            "La crue de la Drôme a inondé 35 maisons à Crest et Saillans dans la nuit de dimanche. Les pompiers"
            " ont évacué 120 habitants vers le gymnase municipal. Le préfet Jérôme Bécart a déclenché le plan"
            " ORSEC et demandé la fermeture de la route départementale jusqu'à vendredi.",
        ),
    ),
    "ru": (
        (
            "Забастовка на заводе Уралмаш",
            "Рабочие завода Уралмаш в Екатеринбурге прекратили работу во вторник утром. Профсоюз требует"
            " повысить зарплату 4 300 сотрудникам на 15 процентов. Директор Сергей Орлов предложил разовую"
            " премию, но собрание коллектива отвергло это предложение в цехе номер семь.",
        ),
        (
            "Паводок в Оренбургской области",
            "Вода в реке Урал поднялась до 930 сантиметров и затопила 260 домов в Орске. Спасатели МЧС"
            " эвакуировали 1 450 жителей в пункты временного размещения. Губернатор Денис Паслер ввёл режим"
            " чрезвычайной ситуации и попросил помощи у соседних регионов до конца недели.",
        ),
    ),
    "el": (
        (
            "Απεργία στο λιμάνι του Πειραιά",
            "Οι λιμενεργάτες του Πειραιά σταμάτησαν τη δουλειά την Τρίτη το πρωί. Το σωματείο ζητά αύξηση"
            " 180 ευρώ για 950 εργαζόμενους της προβλήτας. Η διοίκηση πρότεινε εφάπαξ επίδομα, που απορρίφθηκε"
            " από τη γενική συνέλευση στην αίθουσα του σωματείου.",
        ),
        (
            "Πυρκαγιά στην Εύβοια",
            "Η φωτιά στη βόρεια Εύβοια έκαψε 2 300 στρέμματα δάσους κοντά στη Λίμνη. Οι πυροσβέστες απομάκρυναν"
            " 85 κατοίκους από τα χωριά Ροβιές και Κεχριές. Ο δήμαρχος Γιώργος Τσαπουρνιώτης ζήτησε ενισχύσεις"
            " από την Αθήνα και κήρυξε την περιοχή σε κατάσταση έκτακτης ανάγκης.",
        ),
    ),
}


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) - 0x21 + 0xFF01) if c.isascii() and c.isalnum() else c for c in text)


_LATIN_CYRILLIC = dict(zip("aeopcxyiAEOPCXHKMTB", "аеорсхуіАЕОРСХНКМТВ", strict=True))
_LOOKALIKE = _LATIN_CYRILLIC | {v: k for k, v in _LATIN_CYRILLIC.items()} | dict(zip("αορ", "aop", strict=True))


def _lookalikes(text: str) -> str:
    """Every third word written with lookalike letters of another alphabet where they exist."""
    words = text.split(" ")
    return " ".join("".join(_LOOKALIKE.get(c, c) for c in w) if i % 3 == 1 else w for i, w in enumerate(words))


def _joiners(text: str) -> str:
    """A zero-width joiner or non-joiner inside every fourth long word."""
    words = text.split(" ")
    marks = ("\u200d", "\u200c")
    return " ".join(w[:2] + marks[i % 2] + w[2:] if len(w) > 4 and i % 4 == 0 else w for i, w in enumerate(words))


def _markdown(text: str) -> str:
    """A Markdown export shown raw: the lede in bold, three words of the next sentence a link."""
    lede, _, rest = text.partition(". ")
    words = rest.split(" ")
    linked = f"[{' '.join(words[1:4])}](https://example.org/a)"
    return f"**{lede}.** " + " ".join([words[0], linked, *words[4:]])


def _footnotes(text: str) -> str:
    """A footnote marker after each sentence, and the list of sources."""
    marked = text.replace(". ", ".[1] ").replace("。", "。[2]")
    return f"{marked}[3]\n1. https://source.example/a.pdf, retrieved 2024\n2. https://source.example/b.pdf"


EDITS: dict[str, Callable[[str], str]] = {
    "markdown": _markdown,
    "footnotes": _footnotes,
    "nfd": _nfd,
    "fullwidth": _fullwidth,
    "lookalikes": _lookalikes,
    "joiners": _joiners,
}
CASES = [(language, edit) for language in STORIES for edit in EDITS if not (edit == "fullwidth" and language == "el")]
# Markup is edited in the body only: a headline carries none.
BODY_ONLY = ("markdown", "footnotes")


def _stories(*items: tuple[str, str, str]) -> list[int]:
    index = StoryIndex()
    story_of: dict[int, int] = {}
    return [
        _decide(index, i, _parsed(f"e{i}", title, body, outlet, float(i)), story_of)
        for i, (outlet, title, body) in enumerate(items, start=1)
    ]


@pytest.mark.parametrize(("language", "edit"), CASES)
def test_a_copy_written_another_way_joins_its_original_read_after_it_or_before_it(language: str, edit: str):
    (title, body), _ = STORIES[language]
    change = EDITS[edit]
    assert change(body) != body  # the edit changed the text
    copy_title = title if edit in BODY_ONLY else change(title)
    original, copy = ("Desk A", title, body), ("Desk B", copy_title, change(body))
    assert _stories(original, copy) == [1, 1]
    assert _stories(copy, original) == [1, 1]


@pytest.mark.parametrize(("language", "edit"), CASES)
def test_another_story_written_the_same_way_stays_apart(language: str, edit: str):
    (title, body), (other_title, other_body) = STORIES[language]
    change = EDITS[edit]
    other_title = other_title if edit in BODY_ONLY else change(other_title)
    assert _stories(("Desk A", title, body), ("Desk B", other_title, change(other_body))) == [1, 2]


@pytest.mark.parametrize(("language", "edit"), CASES)
def test_a_copy_written_another_way_is_read_as_the_same_words_names_and_numbers(language: str, edit: str):
    (title, body), _ = STORIES[language]
    original, copy = (_parsed(key, title, text, "Desk") for key, text in (("a", body), ("b", EDITS[edit](body))))
    mine, theirs = (signature(entry, START) for entry in (original, copy))
    assert (theirs.sample, theirs.sentences, theirs.facts) == (mine.sample, mine.sentences, mine.facts)


def test_a_word_of_lookalike_letters_is_read_in_the_texts_alphabet():
    assert lookalikes("The Mоscow office") == "The Moscow office"  # Cyrillic о in a Latin text
    assert lookalikes("Завод Уpaлмаш") == "Завод Уралмаш"  # Latin p and a in a Cyrillic text
    assert lookalikes("στην Aθήνα") == "στην Αθήνα"  # a Latin capital A in a Greek text
    assert lookalikes("расе in a Latin text") == "pace in a Latin text"  # a whole word of lookalikes


def test_a_real_word_of_another_alphabet_keeps_its_letters():
    assert lookalikes("Встреча Trump и Путина") == "Встреча Trump и Путина"  # r, u, m: no Cyrillic lookalike
    assert lookalikes("Moscow and Москва") == "Moscow and Москва"  # л, в: Russian's own
    assert lookalikes("Москва, Kremlin") == "Москва, Kremlin"


def test_readable_folds_compatibility_forms_and_stray_joiners_but_keeps_persian_and_indic_joiners():
    assert readable("ＫＡＢＵＬ ﬁnal") == "KABUL final"
    assert readable(_nfd("Élysée")) == "Élysée"
    assert readable("Kab\u200dul") == "Kabul"
    # Persian's ZWNJ separates a prefix: spelling (its yeh in the one form of round 21, ``sibling_letters``)
    assert readable("می\u200cخواهم") == "مي\u200cخواهم"
    assert readable("क्\u200dष") == "क्\u200dष"  # a Devanagari half form


def test_unmarked_drops_markdown_and_footnote_signs_and_a_list_of_sources_only():
    text = "# Head\n**Lede.** Words [of a link](https://x.example/1) here.[12]\n1. https://x.example/a.pdf, 2024"
    assert unmarked(text) == "Head\nLede. Words of a link here."
    kept = "#hashtag and a[i] index, [1] alone, 5 ** 2\nSource: https://x.example/story"
    assert unmarked(kept) == kept  # no heading, no footnote glued to a word, no emphasis, no listed source
