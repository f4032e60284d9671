"""de58 (tuning v45): a message sent in parts, and a cut whose few facts are all missing from the story.

An SMS gateway or a pager sends a brief in parts of its own length, each opening with its number of the whole
("1/3: ", "2/3: ", "3/3: "): the numbers are the carrier's, not the story's figures, and a sentence cut across two
parts is one sentence. A cut so short that it prints fewer names and numbers than decide anything, each of them
missing from the story, and none of its sentences word for word, is not the story's copy: it is the desk's other
brief in the same frame. Texts are our own, in Hindi and Georgian."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from dedup_support import decided

from monitor.dedup.clean import clean
from monitor.models import Entry

START = datetime(2027, 10, 2, 6, tzinfo=UTC)

HI_TITLE = "भोपाल से सीहोर तक नई रात्रि बस सेवा शुरू"
HI_BRIEF = (
    "भोपाल से सीहोर तक नई रात्रि बस सेवा बुधवार से शुरू हुई।\n\n"
    "परिवहन अधिकारी सुरेश तिवारी ने कहा कि हर रात 6 बसें चलेंगी।\n\n"
    "किराया 45 रुपये रखा गया है।"
)
HI_PARTS = (  # the first two sentences, sent in three parts cut where the gateway's length ran out
    "1/3: भोपाल से सीहोर तक नई रात्रि बस सेवा बुधवार से\n\n"
    "2/3: शुरू हुई। परिवहन अधिकारी सुरेश तिवारी ने कहा कि\n\n"
    "3/3: हर रात 6 बसें चलेंगी।"
)
KA_TITLE = "ქუთაისში ახალი ბიბლიოთეკა გაიხსნა"
KA_BRIEF = (
    "ქუთაისში ახალი საბავშვო ბიბლიოთეკა გაიხსნა, რომელშიც ორი ათასი წიგნია.\n\n"
    "ბიბლიოთეკა ყოველდღე ათიდან ექვსამდე იმუშავებს.\n\n"
    "დირექტორი ნინო ბერიძე ამბობს, რომ შესვლა უფასოა."
)
KA_PARTS = "1/2: ქუთაისში ახალი საბავშვო ბიბლიოთეკა გაიხსნა, რომელშიც\n\n2/2: ორი ათასი წიგნია."


def _entry(key: str, outlet: str, title: str, body: str, hours: float) -> Entry:
    when = START + timedelta(hours=hours)
    return Entry("f", outlet, key, f"https://{key}.example/{key}", title, "", body, published=when)


def test_the_parts_numbers_go_and_a_sentence_cut_across_parts_is_one() -> None:
    assert clean(HI_PARTS).text == (
        "भोपाल से सीहोर तक नई रात्रि बस सेवा बुधवार से शुरू हुई। परिवहन अधिकारी सुरेश तिवारी ने कहा कि हर रात 6 बसें चलेंगी।"
    )
    assert clean(KA_PARTS).text == "ქუთაისში ახალი საბავშვო ბიბლიოთეკა გაიხსნა, რომელშიც ორი ათასი წიგნია."


@pytest.mark.parametrize(
    "text",
    [
        "1/3: the first part\n\n3/3: the last part, the second lost",  # not every part: not read as parts
        "2/2: a part alone",
        "1/2: the first part\n\nA line of its own.",
        "Turnout was 1/3 of the roll.\n\nThe count ends at 20:00.",  # a fraction inside a sentence
    ],
)
def test_text_that_is_not_a_message_in_parts_stays(text: str) -> None:
    assert re.findall(r"\d/\d", clean(text).text) == re.findall(r"\d/\d", text)  # rv34: each number stays


@pytest.mark.parametrize(("title", "brief", "parts"), [(HI_TITLE, HI_BRIEF, HI_PARTS), (KA_TITLE, KA_BRIEF, KA_PARTS)])
def test_a_brief_sent_in_parts_copies_it(title: str, brief: str, parts: str) -> None:
    *_, sms = decided([_entry("a", "Nagar Samachar", title, brief, 0), _entry("b", "Text Gateway", title, parts, 1)])
    assert sms.story_id == 1, sms.reason


def test_a_cut_of_the_desks_other_brief_in_the_frame_stays_apart() -> None:
    """One sentence in the first brief's frame with its own figure, the carrier's numbers gone: its one fact is
    missing from the first brief (too few facts to decide let it pass before), and its copy still joins."""
    other = "1/2: परिवहन अधिकारी सुरेश तिवारी ने कहा कि हर रात\n\n2/2: 9 बसें चलेंगी।"
    copy = other.replace("9", "6")
    *_, kept, cut = decided(
        [
            _entry("a", "Nagar Samachar", HI_TITLE, HI_BRIEF, 0),
            _entry("b", "Text Gateway", HI_TITLE, copy, 1),
            _entry("c", "Text Gateway", "भोपाल से सीहोर तक और रात्रि बसें", other, 7),
        ]
    )
    assert kept.story_id == 1, kept.reason
    assert cut.story_id is None, cut.reason


def _pager(village: str, metres: str) -> str:
    return (
        f"⟨1/2⟩ Sabah the new road to the village of {village} in Wexmoor opened, and the villagers can now reach the"
        f" town in winter too. The road is {metres} metres …"
    )


def _report(village: str, metres: str) -> str:
    return (
        f"Sabah the new road to the village of {village} in Wexmoor opened, and the villagers can now reach the town"
        f" in winter too.\n\nThe road is {metres} metres long and the Harlow Road Cooperative paid {metres}00 lira."
        f'\n\n"We waited years," said {village} Ostrand, head of the village.'
    )


def test_a_bracketed_first_part_alone_loses_its_mark() -> None:
    """v54 (de64): a feed's summary holds the first part alone, the others cut; its bracketed mark goes too."""
    assert clean("[1/3] The first part, the rest cut.").text == "The first part, the rest cut."
    assert clean("⟨1/2⟩ The first part.\n\n⟨2/2⟩ The second.").text == "The first part.\nThe second."
    assert clean("(3/2) No part of a whole of two.").text.startswith("(3/2)")


def test_the_first_part_of_a_brief_joins_its_report_not_its_sister_brief() -> None:
    """v54 (de64): the marks "1/2" and "2" (and the word after them, read as a name) were facts two pager briefs
    of one template shared: each brief split from its report, and the second village's joined the first's."""
    decisions = decided(
        [
            _entry("a", "Wexmoor Courier", "Road to Calder opens", _report("Calder", "7,800"), 0),
            _entry("b", "Pager Gateway", "Road to Calder opens", _pager("Calder", "7.8k"), 1),
            _entry("c", "Wexmoor Courier", "Road to Dunley opens", _report("Dunley", "5,200"), 5),
            _entry("d", "Pager Gateway", "Road to Dunley opens", _pager("Dunley", "5.2k"), 6),
        ]
    )
    assert [decision.story_id for decision in decisions] == [None, 1, None, 3], [d.reason for d in decisions]
