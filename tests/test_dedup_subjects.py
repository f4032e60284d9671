"""Round 28 (held-out v24 studied): two happenings of one place or body, each headline naming its own subject.

v24's larger event merge: a second boat driven ashore in the storm a trawler's crew was rescued from
joined the rescue's event through the sea and the rescue chief both reports name, though each
headline named its own vessel, they shared no figure and the second report was told in the first
one's words. These probes are of the same family, not v24's texts: a second vessel off Temryuk
(Russian, beside an English wire's report of the first), a museum's second donation (Greek); beside
each, a report that must join: the same subject in another desk's words, and a desk's wider piece
whose headline names no subject of the first but which is not told in its words. Every entry is read
by the real parser.
"""

from __future__ import annotations

from test_dedup_classes import _parsed

from monitor.dedup import StoryIndex
from monitor.dedup.subjects import FRAME_TEXT, other_subject

WIRE = (
    "Rescuers save seven crew of trawler Sever off Temryuk",
    "<p>TEMRYUK, Russia — Rescuers took seven crew members off the trawler Sever, caught by a storm in the Sea "
    "of Azov 24 kilometres from Temryuk, said Igor Belyaev, head of the regional rescue service.</p>"
    "<p>All seven were in good health, he said. The trawler was towed to port on Tuesday evening.</p>",
)
RUSSIAN = (
    "Спасатели сняли экипаж траулера «Север»",
    "<p>ТЕМРЮК — Спасатели сняли семерых членов экипажа траулера «Север», попавшего в шторм в Азовском море "
    "в 24 километрах от Темрюка. По словам начальника спасательной службы края Игоря Беляева, моряки здоровы.</p>"
    "<p>Траулер отбуксировали в порт вечером во вторник.</p>",
)
RUSSIAN_SECOND = (
    "Сейнер «Ладога» выбросило на берег тем же штормом",
    "<p>ТЕМРЮК — Тем же штормом в Азовском море на берег выбросило сейнер «Ладога». По словам начальника "
    "спасательной службы края Игоря Беляева, пятеро членов экипажа выбрались на берег сами.</p>"
    "<p>Сейнер остаётся на мели, его снимут с мели после шторма.</p>",
)
RUSSIAN_SAME = (
    "Экипаж «Севера» спасён: семь моряков доставлены в Темрюк",
    "<p>Семь моряков с траулера «Север» доставлены в Темрюк после шторма. Как сообщил Игорь Беляев, "
    "спасательная операция заняла около трёх часов, медицинская помощь никому не понадобилась.</p>",
)

GREEK = (
    "Ο «Καπετάνιος» δωρίθηκε στο δημοτικό μουσείο",
    "<p>ΒΟΛΟΣ — Ο συλλέκτης Νίκος Μαυρίδης δώρισε στο Δημοτικό Μουσείο Βόλου τον πίνακα «Καπετάνιος» του "
    "Θεόφιλου, είπε η διευθύντρια του μουσείου Ελένη Σταμάτη. Ο πίνακας θα εκτεθεί στη μεγάλη αίθουσα.</p>"
    "<p>Το μουσείο ευχαρίστησε τον δωρητή σε σύντομη τελετή.</p>",
)
GREEK_SECOND = (
    "Και η «Αλωνίστρια» πηγαίνει στο δημοτικό μουσείο",
    "<p>ΒΟΛΟΣ — Η οικογένεια Ραφτοπούλου δώρισε στο Δημοτικό Μουσείο Βόλου και την «Αλωνίστρια» του "
    "Παρθένη, είπε η διευθύντρια του μουσείου Ελένη Σταμάτη. Ο πίνακας θα εκτεθεί στη μεγάλη αίθουσα.</p>"
    "<p>Το μουσείο ευχαρίστησε τους δωρητές σε σύντομη τελετή.</p>",
)
GREEK_SAME = (
    "Νέο απόκτημα για τον Βόλο: ο «Καπετάνιος» του Θεόφιλου",
    "<p>Ένα από τα γνωστότερα έργα του Θεόφιλου, ο «Καπετάνιος», ανήκει πλέον στο Δημοτικό Μουσείο Βόλου "
    "χάρη στον Νίκο Μαυρίδη. Η Ελένη Σταμάτη μίλησε για σημαντική μέρα για την πόλη.</p>",
)
GREEK_WIDER = (
    "Γιατί οι συλλέκτες της Θεσσαλίας εμπιστεύονται τα μικρά μουσεία",
    "<p>Όταν ο Νίκος Μαυρίδης αποφάσισε να χαρίσει τον «Καπετάνιο», δεν σκέφτηκε την Αθήνα. Το Δημοτικό "
    "Μουσείο Βόλου και η Ελένη Σταμάτη είχαν κερδίσει την εμπιστοσύνη του εδώ και χρόνια.</p>",
)


def _events(*pieces: tuple[str, tuple[str, str], float]) -> list[int]:
    """The event of each (outlet, (title, body), hours) decided in turn by one index (an entry opening an
    event numbers it by its place, from 1)."""
    index, events, stories = StoryIndex(), [], {}
    for i, (outlet, (title, body), hours) in enumerate(pieces, start=1):
        entry = _parsed(f"s{i}", title, body, outlet, hours)
        assert entry.published is not None
        decision = index.find(entry, entry.published)
        story = decision.story_id if decision.story_id is not None else i
        event = stories.setdefault(story, decision.event_id if decision.event_id is not None else i)
        assert decision.signature is not None
        index.add(i, story, event, decision.signature, entry.published)
        events.append(event)
    return events


def test_a_second_vessel_told_in_the_first_report_s_words_is_another_happening():
    events = _events(("Azov Wire", WIRE, 0), ("Kuban Vesti", RUSSIAN, 1), ("Priazovye", RUSSIAN_SECOND, 5))
    assert events[:2] == [1, 1]
    assert events[2] == 3


def test_the_same_vessel_in_another_desk_s_words_joins_its_event():
    events = _events(("Azov Wire", WIRE, 0), ("Kuban Vesti", RUSSIAN, 1), ("Priazovye", RUSSIAN_SAME, 5))
    assert events == [1, 1, 1]


def test_a_museum_s_second_donation_told_in_the_first_report_s_words_is_another_happening():
    events = _events(("Thessalia", GREEK, 0), ("Magnisia Press", GREEK_SECOND, 4))
    assert events == [1, 2]


def test_the_same_donation_in_another_desk_s_words_or_a_wider_piece_joins_its_event():
    assert _events(("Thessalia", GREEK, 0), ("Magnisia Press", GREEK_SAME, 4)) == [1, 1]
    assert _events(("Thessalia", GREEK, 0), ("Pelion Review", GREEK_WIDER, 4)) == [1, 1]


def _never() -> float:
    raise AssertionError("the text share is asked last, only of two reports naming two subjects")


def test_two_subjects_need_a_tenth_of_the_text_in_the_event_s_words():
    swap = (("erdn",), ["erdn", "kspn", "mndj"], ("bdm",), {"bdm", "kspn", "mndj"}, ("kspn", "mndj"))
    assert other_subject(*swap, lambda: FRAME_TEXT)
    assert not other_subject(*swap, lambda: FRAME_TEXT - 0.1)


def test_a_shared_figure_or_day_or_a_named_subject_in_any_form_is_one_happening():
    held = {"bdm", "kspn", "mndj", "38", "@10-02"}
    assert not other_subject(("erdn",), ["erdn", "kspn", "38"], ("bdm",), held, ("kspn", "38"), _never)
    assert not other_subject(("erdn",), ["erdn", "kspn", "@10-02"], ("bdm",), held, ("kspn", "@10-02"), _never)
    # "Durrës" and "Durrësit": a name's inflected form keeps its first sounds.
    assert not other_subject(("drs",), ["drs", "kspn"], ("bdm",), {"drst", "bdm", "kspn"}, ("kspn",), _never)
    assert not other_subject(("erdn",), ["erdn", "bdmt", "kspn"], ("bdm",), held, ("kspn",), _never)
    assert not other_subject((), ["kspn"], ("bdm",), held, ("kspn",), _never)  # a headline naming nothing
