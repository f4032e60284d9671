"""Round 27 (held-out v21 studied): lines an outlet adds to a copy are not the story's.

Three mechanisms split v21's copies: a copy trimmed to its first paragraphs and closed with the
outlet's own lines (an appeal, a rating, a funder's credit) read as a follow-up telling news of its
own; a Latin byline run into a story written without capitals read as story text, its names as
facts the original lacks; a byline name with a letter Tajik shares with another alphabet (ҷ) made a
whole text read in Tajik's Latin letters. These probes are of the same families, not v21's texts:
Swahili, Tamil and Kazakh stories, other closing lines and credits, each beside a text that must
stay apart. Every entry is read by the real parser.
"""

from __future__ import annotations

from test_dedup_classes import decided_stories
from test_dedup_divergence import FOLLOW_UP as ICELANDIC_FOLLOW_UP
from test_dedup_divergence import STORY as ICELANDIC

from monitor.dedup.alphabets import in_latin

TITLE = "Daraja jipya la Mto Rufiji lafunguliwa Ikwiriri"
OPENING = (
    "<p>IKWIRIRI — Daraja jipya la mita 420 juu ya Mto Rufiji limefunguliwa rasmi Jumatatu. "
    "Waziri wa Ujenzi, Bw. Hamisi Mwinyimvua, alisema daraja hilo limegharimu shilingi bilioni 38.</p>"
    "<p>Wakazi wa Ikwiriri sasa watavuka mto kwa dakika tano badala ya saa mbili kwa kivuko. "
    "Mkandarasi Kampuni ya Mbegani alimaliza kazi miezi mitatu kabla ya muda.</p>"
)
STORY = OPENING + (
    "<p>Magari 1,200 yanatarajiwa kupita kila siku. Mvua za masika zilisimamisha ujenzi mara mbili mwaka jana, "
    "lakini wahandisi waliongeza zamu za usiku.</p>"
    "<p>Mwenyekiti wa kijiji, Bi. Zuhura Kipanga, alisema wakulima wa Mohoro watauza mazao yao Dar es Salaam "
    "kwa urahisi zaidi.</p>"
)


def _stories(*pieces: tuple[str, str, str, float]) -> list[int]:
    return decided_stories(pieces, "o")


def test_a_trimmed_copy_closed_with_the_outlet_s_own_lines_is_a_copy():
    app = OPENING + "<p>Pakua programu yetu bure. Pata habari kwanza kila asubuhi.</p>"
    social = (
        OPENING.rsplit("<p>", 1)[0] + "<p>Follow us on Telegram for more. Share this story with a friend today.</p>"
    )
    stories = _stories(("Pwani Leo", TITLE, STORY, 0), ("Kilwa Sauti", TITLE, app, 2), ("Delta FM", TITLE, social, 3))
    assert stories == [1, 1, 1]


def test_the_story_s_paragraphs_then_news_under_a_headline_of_its_own_stay_apart():
    news = OPENING + (
        "<p>Siku ya pili lori la tani 40 lilikwama katikati ya daraja kwa saa sita. Polisi wa Utete walifunga "
        "njia na mhandisi Bw. Yusufu Ngalawa alikagua nguzo.</p>"
    )
    stories = _stories(
        ("Pwani Leo", TITLE, STORY, 0), ("Kilwa Sauti", "Lori lakwama kwenye daraja la Rufiji", news, 26)
    )
    assert stories[1] != stories[0]


def test_news_after_the_story_s_paragraph_under_its_own_headline_is_still_another_story():
    headline = "Sædís strandaði við Tjörnes"  # the follow-up keeps it: its news tells it apart (``novelty``)
    stories = _stories(("Norðurvarp", headline, ICELANDIC, 0), ("Eyjafréttir", headline, ICELANDIC_FOLLOW_UP, 26))
    assert stories[1] != stories[0]


TAMIL = (
    "கோவில்பட்டி — கோவில்பட்டியில் 14 கோடி ரூபாய் செலவில் கட்டப்பட்ட புதிய பேருந்து நிலையம் திங்கள்கிழமை திறக்கப்பட்டது. "
    "நிலையத்தில் 36 பேருந்துகள் ஒரே நேரத்தில் நிற்க முடியும். நகராட்சி ஆணையர் கூறுகையில் தினமும் 9,000 பயணிகள் "
    "பயன்படுத்துவார்கள் என்றார். பழைய நிலையம் 1978 இல் கட்டப்பட்டது."
)
TAMIL_TITLE = "கோவில்பட்டியில் புதிய பேருந்து நிலையம் திறப்பு"


def test_a_latin_byline_run_into_a_story_without_capitals_is_no_story_text():
    summary = TAMIL[:230].rsplit(" ", 1)[0] + "…"
    stories = _stories(
        ("Thoothukudi Murasu", TAMIL_TITLE, TAMIL, 0),
        ("Palmyra Wire", TAMIL_TITLE, f"By Priya Nair and Tom Reed {summary}", 1),
        ("Gulf Desk", TAMIL_TITLE, f"From Oskar Lind, South Desk {summary}", 2),
    )
    assert stories == [1, 1, 1]


def test_the_same_credit_on_another_station_s_story_stays_apart():
    other = TAMIL.replace("14 கோடி", "22 கோடி").replace("36 பேருந்துகள்", "48 பேருந்துகள்").replace("9,000", "12,500")
    other = other.replace("கோவில்பட்டி", "சாத்தூர்").replace("1978", "1985")
    stories = _stories(
        ("Thoothukudi Murasu", TAMIL_TITLE, TAMIL, 0),
        ("Palmyra Wire", "சாத்தூரில் புதிய பேருந்து நிலையம் திறப்பு", f"By Priya Nair {other}", 1),
    )
    assert stories[1] != stories[0]


KAZAKH = (
    "<p>Шымкент қаласында 2,6 шақырымдық жаңа трамвай желісі іске қосылды. Құрылысқа 18 миллиард теңге жұмсалды.</p>"
    "<p>Әкім Ғалымжан Ахметов күніне 25 000 жолаушы тасымалданатынын айтты. Вагондар әр 7 минут сайын жүреді.</p>"
)


def test_a_name_with_a_letter_tajik_shares_reads_no_other_language_s_text_as_tajik():
    assert in_latin("Жазған: Ҷамшед Раҳимов\n" + KAZAKH) == "Жазған: Ҷамшед Раҳимов\n" + KAZAKH
    assert in_latin("Ҷамшед дар Хуҷанд") != "Ҷамшед дар Хуҷанд"  # a Tajik text is still read in its Latin letters
    title = "Шымкентте жаңа трамвай желісі ашылды"
    credited = "<p>Жазған: Ҷамшед Раҳимов</p>" + KAZAKH
    other = KAZAKH.replace("Шымкент қаласында 2,6", "Тараз қаласында 4,1").replace("18 миллиард", "27 миллиард")
    other = (
        other.replace("Ғалымжан Ахметов", "Нұрлан Сейітов").replace("25 000", "31 000").replace("7 минут", "9 минут")
    )
    stories = _stories(
        ("Оңтүстік Хабар", title, KAZAKH, 0),
        ("Сырдария Үні", title, credited, 1),
        ("Талас Таңы", "Таразда жаңа трамвай желісі ашылды", "<p>Жазған: Ҷамшед Раҳимов</p>" + other, 2),
    )
    assert stories[:2] == [1, 1] and stories[2] != 1
