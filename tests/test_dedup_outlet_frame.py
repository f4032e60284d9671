"""Round 28 (held-out v24 studied): a copy's closing line that its outlet printed under another story.

v24's split copy: a newsletter's copy of a two-sentence story closed with the newsletter's footer, which
the same newsletter had printed under its copy of another story an hour before. The footer was a
quarter of the copy's text and found in that one other story only: the copy read as a round-up quoting
two stories. A round-up has a headline of its own; a copy keeps its story's. These probes are of the same
family, not v24's text (a Georgian story with a Russian channel line, a Hindi one with a Hindi app line),
each beside a round-up under its own headline that quotes the same two stories and stays apart. Every
entry is read by the real parser.
"""

from __future__ import annotations

from test_dedup_classes import decided_stories

GEORGIAN_TITLE = "ქუთაისში ახალი საბავშვო ბაღი გაიხსნა"
GEORGIAN = (
    "<p>ქუთაისი — ქალაქის მერიამ ორშაბათს 120 ბავშვზე გათვლილი ახალი საბავშვო ბაღი გახსნა ნიკეას ქუჩაზე. "
    "მშენებლობა 2,4 მილიონი ლარი დაჯდა და 14 თვე გაგრძელდა.</p>"
)
GEORGIAN_OTHER_TITLE = "ბათუმში ახალი ველობილიკი აშენდა"
GEORGIAN_OTHER = (
    "<p>ბათუმი — ზღვისპირა ბულვარის გასწვრივ 6 კილომეტრიანი ველობილიკი დასრულდა. "
    "პროექტი 900 ათასი ლარი დაჯდა და ქალაქის ბიუჯეტიდან დაფინანსდა.</p>"
)
CHANNEL = "<p>Подписывайтесь на наш канал в Telegram: все новости региона первыми, каждый день.</p>"

HINDI_TITLE = "सीकर में नया जिला अस्पताल शुरू हुआ"
HINDI = (
    "<p>सीकर — राज्य सरकार ने सोमवार को सीकर में 300 बिस्तरों वाला नया जिला अस्पताल शुरू किया। "
    "भवन पर 86 करोड़ रुपये खर्च हुए और इसमें 24 घंटे आपातकालीन सेवा रहेगी।</p>"
)
HINDI_OTHER_TITLE = "झुंझुनू में नई बस सेवा शुरू"
HINDI_OTHER = "<p>झुंझुनू — रोडवेज़ ने झुंझुनू से जयपुर के बीच 12 नई बसें चलाईं। किराया 210 रुपये रखा गया है और पहली बस सुबह 5 बजे चलेगी।</p>"
APP = "<p>हमारा ऐप डाउनलोड करें और व्हाट्सऐप चैनल से जुड़ें, हर ख़बर सबसे पहले पाएं।</p>"


def _stories(*pieces: tuple[str, str, str, float]) -> list[int]:
    return decided_stories(pieces, "f")


def _frame_then_copy(title: str, story: str, other_title: str, other: str, footer: str) -> list[int]:
    """The story by its desk; the relay's copy of another story closed with the relay's line; then the
    relay's copy of the story under its headline, closed with the same line."""
    return _stories(
        ("Desk One", other_title, other, 0),
        ("Desk Two", title, story, 1),
        ("Relay", other_title, other + footer, 2),
        ("Relay", title, story + footer, 3),
    )


def _round_up(title: str, story: str, other_title: str, other: str, footer: str) -> list[int]:
    """The same, but the relay's last entry is its week's round-up under a headline of its own, quoting both."""
    week = f"<p>The week in brief.</p>{story}{other}{footer}"
    return _stories(
        ("Desk One", other_title, other, 0),
        ("Desk Two", title, story, 1),
        ("Relay", other_title, other + footer, 2),
        ("Relay", "This week in the region", week, 3),
    )


def test_a_short_story_s_copy_closed_with_a_line_its_outlet_printed_under_another_story_is_a_copy():
    assert _frame_then_copy(GEORGIAN_TITLE, GEORGIAN, GEORGIAN_OTHER_TITLE, GEORGIAN_OTHER, CHANNEL) == [1, 2, 1, 2]
    assert _frame_then_copy(HINDI_TITLE, HINDI, HINDI_OTHER_TITLE, HINDI_OTHER, APP) == [1, 2, 1, 2]


def test_a_round_up_under_its_own_headline_quoting_the_same_stories_stays_apart():
    for pieces in (
        (GEORGIAN_TITLE, GEORGIAN, GEORGIAN_OTHER_TITLE, GEORGIAN_OTHER, CHANNEL),
        (HINDI_TITLE, HINDI, HINDI_OTHER_TITLE, HINDI_OTHER, APP),
    ):
        stories = _round_up(*pieces)
        assert stories[:3] == [1, 2, 1]
        assert stories[3] == 4  # its own story: a round-up is none of the stories it quotes
