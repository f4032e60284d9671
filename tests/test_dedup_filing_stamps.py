"""dd54 (tuning v44): a carrier's filing stamp and a hard wrap in a script without case.

A live blog or relay that carries a short brief adds a line of its own, "Filed by <Desk> desk at 13:15", in its
own language: in a one-sentence copy it weighs as much as the brief. It is read by its shape (a few words ending in
a clock time, a name among them, no sentence end), not by its words. A wire that hard-wraps a brief in Devanagari
cuts sentences where no lower-case letter can show it: the line ends without the script's full stop. The copy then
joins its story; a desk's second brief of one template and a next-day brief with the same stamp stay apart. Texts
are our own, in Hindi and Russian."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from dedup_support import decided

from monitor.dedup.clean import _filing_stamp, clean
from monitor.models import Entry

START = datetime(2027, 9, 14, 6, tzinfo=UTC)

HI_TITLE = "भोपाल में रात्रि बस"  # a brief's short headline, and a lede too short to compare alone
HI_LEDE = "भोपाल में बुधवार से रात्रि बस चली।"
HI_REST = "परिवहन अधिकारी सुरेश तिवारी ने कहा कि हर रात 6 बसें स्टेशन से बैरागढ़ तक चलेंगी।"
HI_BRIEF = f"{HI_LEDE}\n\n{HI_REST}\n\nकिराया 15 रुपये रखा गया है।"
HI_WRAPPED = (  # the same brief, hard-wrapped by a wire at 30 columns (``textwrap.wrap``'s greedy lines)
    "भोपाल में बुधवार से रात्रि बस\nचली।\n\nपरिवहन अधिकारी सुरेश तिवारी ने\nकहा कि हर रात 6 बसें स्टेशन से\n"
    "बैरागढ़ तक चलेंगी।\n\nकिराया 15 रुपये रखा गया है।"
)
HI_SECOND = (  # the desk's next brief in the same frame: another route, other numbers
    "भोपाल में गुरुवार से कोलार तक रात्रि बस चली।\n\n"
    "परिवहन अधिकारी सुरेश तिवारी ने कहा कि हर रात 4 बसें स्टेशन से कोलार तक चलेंगी।\n\nकिराया 20 रुपये रखा गया है।"
)

RU_TITLE = "Новый паром в Вологде"
RU_LEDE = "Вологда получила новый речной паром."
RU_BRIEF = (
    f"{RU_LEDE}\n\nДиректор переправы Ольга Шилова сказала, что рейсы будут каждые 20 минут.\n\nБилет стоит 90 рублей."
)
RU_WRAPPED = (
    "Вологда получила новый речной паром.\n\n"
    "Директор переправы Ольга Шилова сказала, что рейсы будут\nкаждые 20 минут.\n\nБилет стоит 90 рублей."
)


def _entry(key: str, outlet: str, title: str, body: str, hours: float) -> Entry:
    when = START + timedelta(hours=hours)
    return Entry("f", outlet, key, f"https://{key}.example/{key}", title, "", body, published=when)


def _stamped(text: str, desk: str = "Pulse Live", at: str = "13:15") -> str:
    return f"{text}\n\nFiled by {desk} desk at {at}"


@pytest.mark.parametrize(
    "line",
    ["Filed by Pulse Live desk at 13:15", "Posted by the Night Desk 07:45 GMT", "Sent from Harbour Relay at 9:05 pm"],
)
def test_a_filing_stamp_is_read_by_its_shape(line: str) -> None:
    assert _filing_stamp(line)
    for text in (f"{HI_LEDE}\n\n{line}", f"{line}\n\n{RU_LEDE}", f"{HI_LEDE}\n\n{line}\n\n{HI_REST}"):
        assert not any(word in clean(text).text for word in line.split()[:3]), text


@pytest.mark.parametrize(
    "line",
    [
        "Polls close at 20:00",  # a fact row names no one
        "Doors open 19:30",
        "The ferry leaves Vologda at 06:20.",  # a sentence of the story
        "Score at half time 2:1",  # no clock (the hour would be 2, the minutes one digit)
        "Filed by Pulse Live desk at 13:15, after the vote",
    ],
)
def test_a_line_of_the_story_is_no_stamp(line: str) -> None:
    assert not _filing_stamp(line)


def test_a_caseless_hard_wrap_joins_its_sentences_and_thai_paragraphs_stay() -> None:
    assert clean(HI_WRAPPED).text == clean(HI_BRIEF).text
    thai = "เทศบาลเปิดตลาดใหม่ทุกวันเสาร์ เริ่มเดือนหน้า\nผู้ค้าบอกว่า จะมีร้าน 60 ร้าน\nนักเรียนจะมาสาธิตการทอผ้า"
    assert clean(thai).text == thai  # no full stop in the script: each line is its paragraph


@pytest.mark.parametrize(
    ("title", "lede", "brief", "wrapped"),
    [(HI_TITLE, HI_LEDE, HI_BRIEF, HI_WRAPPED), (RU_TITLE, RU_LEDE, RU_BRIEF, RU_WRAPPED)],
)
def test_a_stamped_lede_copies_its_brief(title: str, lede: str, brief: str, wrapped: str) -> None:
    *_, live = decided(
        [
            _entry("a", "Nagar Samachar", title, brief, 0),
            _entry("b", "Wire Translations", title, wrapped, 0.5),  # the latest entry under the headline
            _entry("c", "Pulse Live", title, _stamped(lede), 1),
        ]
    )
    assert live.story_id == 1, live.reason


@pytest.mark.parametrize("stamp", [False, True])
def test_the_desks_second_brief_stays_apart(stamp: bool) -> None:
    """Its next route in the same frame of words, other numbers, seven hours later: with or without its stamp."""
    first, second = (_stamped(HI_BRIEF, "Nagar Samachar"), _stamped(HI_SECOND, "Nagar Samachar", "20:40"))
    if not stamp:
        first, second = HI_BRIEF, HI_SECOND
    *_, later = decided(
        [
            _entry("a", "Nagar Samachar", HI_TITLE, first, 0),
            _entry("c", "Nagar Samachar", "कोलार तक भी रात्रि बस", second, 7),
        ]
    )
    assert later.story_id is None, later.reason


HI_NEXT_DAY = (  # the next day's brief: its own news first, the route as background
    "भोपाल की नई रात्रि बस में पहले दिन 912 यात्रियों ने सफर किया।\n\n"
    "परिवहन अधिकारी सुरेश तिवारी ने कहा कि शनिवार से दो बसें और जोड़ी जाएंगी।\n\n"
    "बस रेलवे स्टेशन से बैरागढ़ तक चलती है।"
)
RU_NEXT_DAY = (
    "За первые сутки новый паром в Вологде перевёз 1340 пассажиров.\n\n"
    "Директор переправы Ольга Шилова сказала, что с понедельника добавят ночной рейс.\n\n"
    "Паром ходит через реку с пятницы."
)


@pytest.mark.parametrize(
    ("title", "brief", "follow_up"), [(HI_TITLE, HI_BRIEF, HI_NEXT_DAY), (RU_TITLE, RU_BRIEF, RU_NEXT_DAY)]
)
def test_a_stamped_next_day_follow_up_stays_apart(title: str, brief: str, follow_up: str) -> None:
    *_, later = decided(
        [
            _entry("a", "Nagar Samachar", title, brief, 0),
            _entry(
                "c",
                "Pulse Live",
                title + ": पहला दिन" if title == HI_TITLE else title + ": первые сутки",
                _stamped(follow_up),
                26,
            ),
        ]
    )
    assert later.story_id is None, later.reason
