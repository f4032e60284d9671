"""Review s24 (dd44): in a script without capitals, a lead naming its people is no outlet's note.

``divergence.note`` reads an outlet's first note above a story it carries (dd42): opening sentences under the
headline of another outlet's entry that share no passage with it and print no name or number. A text without
capitals (Arabic, Devanagari, Han: ``signature.NO_CAPITALS``) prints its names in letters no different from
its other words, so a lead naming a minister and no number read as a note there, and another story sharing
only a background line with the entry joined it. No note is read in such a text: at the signature, a note
and a lead are alike there (the cost: an outlet's first note above a copy in such a script, learnt once its
second story carries it, ``wrapper``). Fiction, in Arabic and Hindi, our own words.
"""

from __future__ import annotations

import pytest
from test_dedup_classes import decided_stories

PAIRS = {
    "ar": (
        "انقطاع الكهرباء في حلب بعد هجوم على محطة توليد",
        "استهدف هجوم بطائرات مسيرة محطة توليد في حلب فجر الثلاثاء، ما قطع الكهرباء عن 40 ألف منزل، بحسب المحافظ.\n"
        "وأعادت فرق الصيانة التيار إلى نصف المنازل بحلول الظهر.\n",
        "التقى وزير الخارجية الأردني نظيره التركي في عمان الثلاثاء وبحثا سبل إعادة اللاجئين إلى مدنهم.\n"
        "وقال الوزير التركي إن بلاده ترحب بأي خطة تضمن عودة آمنة وطوعية.\n",
        "وتشهد البلاد نزاعا مسلحا منذ عام 2011 أدى إلى تدمير جزء كبير من شبكة الكهرباء في معظم المحافظات.",
    ),
    "hi": (
        "पटना में हमले के बाद बिजली घर बंद, हजारों घर अंधेरे में",
        "पटना के एक बिजली घर पर मंगलवार तड़के हमला हुआ, जिससे 40 हजार घरों की बिजली चली गई, जिलाधिकारी ने बताया।\n"
        "मरम्मत दलों ने दोपहर तक आधे घरों में बिजली बहाल कर दी।\n",
        "मुख्यमंत्री ने दिल्ली में केंद्रीय कृषि मंत्री से मुलाकात की और बाढ़ राहत योजना पर चर्चा की।\n"
        "मंत्री ने कहा कि केंद्र सरकार राज्य के किसानों की हर संभव मदद करेगी।\n",
        "राज्य में 2019 से हर सर्दी में बिजली संकट गहराता रहा है और ग्रिड पर दबाव लगातार बढ़ता जा रहा है।",
    ),
}


@pytest.mark.parametrize("lang", sorted(PAIRS))
def test_another_story_sharing_a_background_line_under_one_headline_stays_apart(lang):
    title, lead, other, background = PAIRS[lang]
    pieces = (("Origin Desk", title, lead + background, 0.0), ("Other Paper", title, other + background, 2.0))
    assert decided_stories(pieces, f"bg{lang}") == [1, 2]


@pytest.mark.parametrize("lang", sorted(PAIRS))
def test_a_copy_of_the_story_under_its_headline_still_joins(lang):
    title, lead, _, background = PAIRS[lang]
    pieces = (("Origin Desk", title, lead + background, 0.0), ("Other Paper", title, lead.split("\n")[1] + "\n"
              + background, 2.0))  # fmt: skip
    assert decided_stories(pieces, f"cp{lang}") == [1, 1]


NOTE = (
    "A word from the regional desk: this short report comes from a partner paper and runs in its own language. "
    "The editors add this paragraph above it for readers from other districts."
)


@pytest.mark.parametrize("lang", sorted(PAIRS))
def test_a_note_in_letters_with_capitals_above_a_copy_is_still_read(lang):
    """The note's letters can show who it names: read as before (dd42)."""
    title, lead, _, background = PAIRS[lang]
    pieces = (("Origin Desk", title, lead + background, 0.0), ("Regional Edition", title, f"{NOTE}\n\n{background}",
              2.0))  # fmt: skip
    assert decided_stories(pieces, f"nt{lang}") == [1, 1]
