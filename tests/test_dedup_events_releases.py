"""One outlet's two releases from one press kit, hours apart, are two events (``events.RELEASE_TEXT``).

dd18 sorted the event errors of every tuning set: one outlet's two new stories on one issuer within
hours, each repeating the issuer's "About" paragraph and its chief's quote around other news, joined
one event by the names the kit repeats (v8, v10, v11, v12: a firm's new chief and its data centre, a
ministry's licences and its training, one road template filled for two villages, a council's roads and
its schools). Headlines naming no one new, so ``events._siblings`` cannot tell them apart. Our own
stories (English, Russian, Hindi), both directions: a flash and its write-up by one outlet, and the two
releases carried by two outlets, stay one event.
"""

from __future__ import annotations

import pytest
from test_dedup_events_siblings import events_of, item

# (first release, second release, the kit's paragraphs both repeat), our own.
KITS = {
    "en": (
        (
            "Halvorsen Dairy raises its milk price for farmers",
            "Halvorsen Dairy will pay farmers 41 cents a litre from March, chief executive Maren Tolle said on "
            "Monday in Brackwater. The rise follows a year of high feed costs. Farmers' groups had asked for 45 cents "
            "at talks in January, and the dairy says the price will be reviewed again in the autumn.",
        ),
        (
            "Halvorsen Dairy to cut 60 jobs at its cheese plant",
            "Halvorsen Dairy will cut 60 jobs at its cheese plant by the summer, chief executive Maren Tolle said "
            "on Monday in Brackwater. Demand for hard cheese fell by a fifth last year. Staff will be offered places "
            "at the butter line first, and unions will meet the managers next week to discuss redundancy terms.",
        ),
        "“We owe our farmers a fair price and our customers a fair shelf,” Tolle said. Halvorsen Dairy, "
        "founded in Brackwater in 1952, collects milk from 830 farms and employs 2,400 people.",
    ),
    "ru": (
        (
            "«Северная молочная компания» повысит закупочную цену на молоко",
            "«Северная молочная компания» с марта будет платить фермерам 38 рублей за литр, сообщила в "
            "понедельник в Вологде генеральный директор Марина Тальцева. Корма за год подорожали. Союз фермеров "
            "просил 42 рубля на переговорах в январе, а компания обещает пересмотреть цену осенью.",
        ),
        (
            "«Северная молочная компания» сократит 70 рабочих мест на сырном заводе",
            "«Северная молочная компания» к лету сократит 70 рабочих мест на сырном заводе, сообщила в "
            "понедельник в Вологде генеральный директор Марина Тальцева. Спрос на твёрдый сыр упал на пятую часть. "
            "Работникам сначала предложат места на линии сливочного масла, профсоюз встретится с руководством.",
        ),
        "«Мы должны платить фермерам честную цену», — сказала Тальцева. Компания основана в Вологде в "
        "1957 году, закупает молоко у 640 хозяйств и в ней работают 2100 человек.",
    ),
    "hi": (
        (
            "सरस्वती डेयरी किसानों को दूध का ज्यादा दाम देगी",
            "सरस्वती डेयरी मार्च से किसानों को 46 रुपये प्रति लीटर देगी, कंपनी की प्रबंध निदेशक ने सोमवार को "
            "करनाल में बताया। पिछले साल चारे की कीमतें बढ़ी थीं।",
        ),
        (
            "सरस्वती डेयरी पनीर संयंत्र में 80 नौकरियां घटाएगी",
            "सरस्वती डेयरी गर्मियों तक अपने पनीर संयंत्र में 80 नौकरियां घटाएगी, कंपनी की प्रबंध निदेशक ने "
            "सोमवार को करनाल में बताया। पिछले साल पनीर की मांग घटी।",
        ),
        "“किसानों को सही दाम देना हमारी पहली जिम्मेदारी है,” प्रबंध निदेशक ने कहा। सरस्वती डेयरी की "
        "स्थापना 1968 में करनाल में हुई थी, यह 920 गांवों से दूध खरीदती है और इसमें 3100 लोग काम करते हैं।",
    ),
}


def _release(body: str, kit: str) -> str:
    return f"<p>{body}</p><p>{kit}</p>"


@pytest.mark.parametrize("language", sorted(KITS))
@pytest.mark.parametrize("first", [0, 1])
def test_one_outlets_two_releases_of_one_kit_hours_apart_are_two_events(language: str, first: int):
    *releases, kit = KITS[language]
    (title_a, body_a), (title_b, body_b) = releases[first], releases[1 - first]

    events = events_of(item("Desk", title_a, _release(body_a, kit), 0), item("Desk", title_b, _release(body_b, kit), 2))

    assert events[0] != events[1]


@pytest.mark.parametrize("language", sorted(KITS))
def test_the_two_releases_from_two_outlets_are_one_event_by_their_keywords(language: str):
    """The rule, not the keywords, tells the releases apart: from two outlets they still join."""
    (title_a, body_a), (title_b, body_b), kit = KITS[language]

    events = events_of(
        item("Desk", title_a, _release(body_a, kit), 0), item("Other", title_b, _release(body_b, kit), 2)
    )

    assert events[0] == events[1]


@pytest.mark.parametrize("language", sorted(KITS))
def test_the_outlets_flash_and_its_write_up_are_one_event(language: str):
    """A flash's one sentence is in the write-up, a small share of the longer text: no release."""
    (title, body), _, kit = KITS[language]
    flash = body.split(". ")[0].split("। ")[0] + "."
    short = " ".join(title.split()[:3])  # the flash's own headline: the write-up's is another

    events = events_of(item("Desk", short, f"<p>{flash}</p>", 0), item("Desk", title, _release(body, kit), 2))

    assert events[0] == events[1]


@pytest.mark.parametrize("language", sorted(KITS))
def test_the_outlets_update_under_the_same_headline_with_new_figures_is_one_event(language: str):
    """An update re-runs the story under its headline with other figures: no second release of a kit."""
    (title, body), _, kit = KITS[language]
    figures = {"41": "43", "60": "65", "38": "39", "70": "75", "46": "48", "80": "85", "1952": "1952"}
    updated = " ".join(figures.get(word, word) for word in body.split(" "))
    assert updated != body

    events = events_of(item("Desk", title, _release(body, kit), 0), item("Desk", title, _release(updated, kit), 2))

    assert events[0] == events[1]


def test_a_flash_the_write_up_holds_in_its_middle_is_a_small_share_of_it():
    """The flash's sentence is the write-up's second: the write-up is no follow-up opening with it, and the
    event is the keywords' to decide. Half the flash is in the write-up, a twelfth of the write-up in it."""
    (title, body), _, kit = KITS["hi"]
    flash = body.split("। ")[1] + "। विस्तृत जानकारी जल्द दी जाएगी।"  # "details soon"

    short = " ".join(title.split()[:3])

    events = events_of(item("Desk", short, f"<p>{flash}</p>", 0), item("Desk", title, _release(body, kit), 2))

    assert events[0] == events[1]
