"""Held-out v27 (studied by dd30): a caseless story's teaser under an app's line in English.

An app feed carries no body, only the story's first paragraph and its own call in English ("Open in the
<Outlet> app."). Its Latin capitals made the whole text "capitalised", so its facts were asked against
the caseless original's numbers, all of them, and the teaser printing only the first paragraph's lacked
the rest: the copy alerted twice. A text most of whose letters are of a script without capitals is
caseless (``signature.mostly_caseless``), whatever line of Latin it carries. Our own examples, in Hindi
(Devanagari) and Amharic (Ethiopic).
"""

from __future__ import annotations

from test_dedup_classes import decided_stories

from monitor.dedup.signature import mostly_caseless

HINDI = (
    "लखनऊ — नगर निगम ने सोमवार को शहर के 12 वार्डों में 25 नए सार्वजनिक शौचालय खोले, जिन पर 3.2 करोड़ रुपये खर्च हुए।",
    "महापौर सुषमा खर्कवाल ने कहा कि 15 और शौचालय मार्च तक बनेंगे और 40 सफाईकर्मी रखे जाएंगे।",
    "हर शौचालय में 8 सीटें हैं और 2 सीटें दिव्यांगों के लिए हैं।",
)
AMHARIC = (
    "አዲስ አበባ — የከተማው አስተዳደር 45 አዳዲስ አውቶቡሶችን ሰኞ ስራ አስጀመረ፤ እያንዳንዱ 60 ተሳፋሪዎችን ይይዛል።",
    "ፕሮጀክቱ 120 ሚሊዮን ብር ወጪ ተደርጎበታል ሲሉ የትራንስፖርት ቢሮ ኃላፊው ተናግረዋል።",
    "ተጨማሪ 30 አውቶቡሶች በሚቀጥለው ዓመት ይመጣሉ፤ 12 መስመሮችም ይከፈታሉ።",
)


def _body(paragraphs: tuple[str, ...]) -> str:
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def test_a_caseless_text_with_a_latin_line_is_caseless():
    assert mostly_caseless(HINDI[0] + " Open in the Awadh Morning Post app.")
    assert mostly_caseless(AMHARIC[0] + " Read it in the Entoto Daily app.")
    assert not mostly_caseless("Сегодня в Казани открыли 25 новых остановок.")  # Cyrillic has capitals
    assert not mostly_caseless("Kyoto 京都: the city opened 25 new stops.")  # mostly Latin


def test_the_app_teaser_of_a_caseless_story_joins_it():
    for key, paragraphs in (("hi", HINDI), ("am", AMHARIC)):
        teaser = f"▪ {paragraphs[0]} Open in the Highland Pocket News app."
        pieces = (
            ("Origin Desk", "शीर्षक", _body(paragraphs), 0.0),
            ("Highland Pocket News", "शीर्षक", teaser, 3.0),
        )
        assert len(set(decided_stories(pieces, key))) == 1, key


def test_the_teaser_of_another_story_in_the_same_frame_stays_apart():
    # Its own headline and three numbers: under the same one, or with two, a teaser cannot tell (nor could it before).
    for key, paragraphs in (("hi", HINDI), ("am", AMHARIC)):
        other = paragraphs[0].replace("25", "18").replace("3.2", "2.1").replace("12", "9")
        other = other.replace("45", "33").replace("60", "50")
        teaser = f"▪ {other} Open in the Highland Pocket News app."
        pieces = (("Origin Desk", "शीर्षक", _body(paragraphs), 0.0), ("Highland Pocket News", "दूसरा", teaser, 3.0))
        assert len(set(decided_stories(pieces, key))) == 2, key
