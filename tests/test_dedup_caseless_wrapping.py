"""A story in a script without capitals keeps that reading when its copy adds a line in Latin letters.

v13 (studied by dd18): a Marathi story's second part, its last paragraph alone, ended in a credit
line naming the source outlet in Latin letters. Read as a capitalised text, it was asked for all
the caseless original's numbers (``compare.Evidence.facts``), which its one paragraph lacks, and
alerted again. A text mostly in a caseless script is caseless whatever Latin words it carries
(``signature._caseless``). Our own stories (Hindi, Thai, Amharic), none of v13's; both directions:
the copy joins, another bulletin of the same frame with other numbers does not.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from dedup_support import assert_one_alert
from test_dedup_classes import _parsed
from test_dedup_scripts import _copies

from monitor.dedup import StoryIndex
from monitor.dedup.signature import NO_CAPITALS, signature
from monitor.models import Entry

# (headline, three paragraphs with numbers, then a quote paragraph without any): our own stories.
STORIES = {
    "hi": (
        "इंदौर में नया सौर संयंत्र शुरू",
        (
            "इंदौर नगर निगम ने मंगलवार को शहर के बाहर 14 मेगावाट का सौर संयंत्र शुरू किया।",
            "संयंत्र पर 62 करोड़ रुपये खर्च हुए और इससे हर साल 21 हज़ार टन कार्बन कम होगा।",
            "निगम के अनुसार 3 साल में संयंत्र की लागत वसूल हो जाएगी और 180 लोगों को काम मिला है।",
            "“अब शहर की स्ट्रीट लाइटें पूरी तरह धूप से जलेंगी,” महापौर सुनीता वर्मा ने संवाददाताओं से कहा।",
        ),
    ),
    "th": (
        "เชียงรายเปิดโรงงานแปรรูปชาแห่งใหม่",
        (
            "สหกรณ์ชาดอยแม่สลองเปิดโรงงานแปรรูปชาแห่งใหม่เมื่อวันจันทร์ มีกำลังผลิต 40 ตันต่อเดือน",
            "โรงงานใช้งบประมาณ 85 ล้านบาท และจ้างแรงงานในพื้นที่ 260 คน",
            "สหกรณ์คาดว่าจะส่งออกชาได้ 12 ประเทศภายใน 2 ปีข้างหน้า",
            "“ชาวบ้านไม่ต้องขายใบชาสดราคาถูกอีกต่อไป” ประธานสหกรณ์กล่าวกับผู้สื่อข่าว",
        ),
    ),
    "am": (
        "በባህር ዳር አዲስ የውሃ ማጣሪያ ተመረቀ",
        (
            "የባህር ዳር ከተማ አስተዳደር ሰኞ ዕለት በቀን 30 ሺህ ሜትር ኩብ ውሃ የሚያጣራ አዲስ ጣቢያ አስመረቀ።",
            "ጣቢያው 410 ሚሊዮን ብር ወጪ የተደረገበት ሲሆን 95 ሺህ ነዋሪዎችን ያገለግላል።",
            "ግንባታው 26 ወራት የፈጀ ሲሆን 340 ሰራተኞች ተሳትፈውበታል።",
            "“ከዛሬ ጀምሮ ነዋሪዎች ንጹህ ውሃ ያለማቋረጥ ያገኛሉ” ሲሉ የከተማው ከንቲባ ለጋዜጠኞች ተናግረዋል።",
        ),
    ),
}
# The credit line in each language's own label, naming the source outlet in Latin letters.
CREDITS = {
    label: f"{word}: Riverside Morning Herald" for label, word in (("hi", "साभार"), ("th", "ที่มา"), ("am", "ምንጭ"))
}


def _html(paragraphs: tuple[str, ...]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _decided(*entries: Entry) -> list[int]:
    """The story of each entry, fed in order through a real index as the pipeline does."""
    index, stories = StoryIndex(), []
    for entry_id, entry in enumerate(entries, start=1):
        assert entry.published is not None
        decision = index.find(entry, entry.published)
        assert decision.signature is not None
        story = decision.story_id or entry_id
        index.add(entry_id, story, story, decision.signature, entry.published)
        stories.append(story)
    return stories


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_the_last_paragraph_with_a_latin_credit_joins_its_story(lang):
    title, paragraphs = STORIES[lang]
    original = _parsed("o", title, _html(paragraphs), outlet="Desk One")
    part = _parsed("p", f"{title} (2/2)", _html((paragraphs[-1], CREDITS[lang])), outlet="Desk Two", hours=1)
    assert _decided(original, part) == [1, 1]


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_the_same_frame_with_other_numbers_and_a_latin_credit_is_another_story(lang):
    title, paragraphs = STORIES[lang]
    original = _parsed("o", title, _html(paragraphs), outlet="Desk One")
    numbers = {"14": "9", "62": "47", "21": "16", "3": "5", "180": "75", "40": "25", "85": "58", "260": "190"}
    numbers |= {"12": "7", "2": "4", "30": "18", "410": "275", "95": "61", "26": "19", "340": "220"}
    other = tuple(" ".join(numbers.get(w, w) for w in p.split(" ")) for p in paragraphs[:-1])
    assert other != paragraphs[:-1]
    bulletin = _parsed("b", title, _html((*other, CREDITS[lang])), outlet="Desk Two", hours=1)
    assert _decided(original, bulletin) == [1, 2]


def test_a_caseless_text_with_a_latin_line_is_caseless_and_a_latin_text_is_not():
    when = datetime(2027, 3, 1)
    title, paragraphs = STORIES["hi"]
    wrapped = signature(_parsed("w", title, _html((*paragraphs, CREDITS["hi"]))), when)
    latin = "<p>Indore Nagar Nigam ne Mangalvar ko shahar ke bahar 14 megawatt ka saur sanyantra shuru kiya (इंदौर).</p>"
    reprint = signature(_parsed("l", "Indore mein naya saur sanyantra", latin), when)
    assert wrapped.flags & NO_CAPITALS and not reprint.flags & NO_CAPITALS


def test_the_part_with_a_latin_credit_alerts_once(tmp_path, feed_server, json_receiver):
    title, paragraphs = STORIES["hi"]
    rows = _copies((title, _html(paragraphs)), (f"{title} (2/2)", _html((paragraphs[-1], CREDITS["hi"]))))
    assert_one_alert(tmp_path, feed_server, json_receiver, rows, "इंदौर")
