"""Issue 14, round 34: held-out v29 studied (it is tuning now; tests/data/rules_eval/README.md, "Held-out v29 seen →
tuning"). Each class on sentences of our own, beside one where the rule must not act: military technology named by
its kind, a circus in Russian and Japanese, Chuvash typed with Latin letters under a Russian feed (its names, its
modal verb, its language), a week's date and satellite images dating an act, a participle of «изучать», recognition
as a terrorist organisation, Afghan deposits named without the country, a Uyghur mining headline, and a sanctions
headline over the project's tankers."""

from __future__ import annotations

import pytest
from test_rules_round30 import fires

from monitor.models import Entry
from monitor.rules.language import entry_language, trusted

ARMS, ARCTIC, MINING, TALIBAN = ("north-korea-russia-arms", "arctic-lng", "afghan-mining", "taliban-recognition")


def further_down(sentence: str) -> str:
    """A feature's body that tells ``sentence`` in its second paragraph, out of the lead."""
    return f"Stalls sold food and crafts all day.\n\n{sentence}\n\nA concert closed the day."


@pytest.mark.parametrize(
    ("title", "lang", "summary", "expected"),
    [
        ("Moscow handed Pyongyang nuclear submarine designs, Seoul says", "en", "", True),
        ("Russia helped North Korea with spy satellite know-how, officials say", "en", "", True),
        ("Россия передала Пхеньяну технологии атомной подводной лодки", "ru", "", True),
        ("北朝鮮、ロシアから偵察衛星の技術供与を受ける", "ja", "", True),
        # the kind alone, no transfer between the two: a launch at home
        ("North Korea puts a reconnaissance satellite into orbit", "en", "The launch took place on Tuesday.", False),
    ],
)
def test_military_technology_is_named_by_its_kind(eval_rules, title, lang, summary, expected):
    assert fires(eval_rules, ARMS, title, lang, summary) is expected


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Цирк из Пхеньяна: «наше оружие — смех», гастроли в Москве", "ru", False),
        ("北朝鮮のサーカス団がモスクワ公演　「武器は笑顔」", "ja", False),
        ("КНДР передала России снаряды и ракеты", "ru", True),
    ],
)
def test_a_circus_is_no_arms_story_in_russian_and_japanese(eval_rules, title, lang, expected):
    assert fires(eval_rules, ARMS, title, lang) is expected


CHUVASH = "Çурçĕр Корея Раççее пин салтак ăсатнă, артиллери снарячĕсем те кайнă"


def test_chuvash_under_a_russian_feed_is_not_read_as_russian():
    # Chuvash typed on a Russian keyboard: Latin ç, ĕ, ă in its common words refute the feed's "ru" ...
    assert trusted("ru", f"Пĕлтернĕ тăрăх: {CHUVASH}") == ""
    # ... Russian text with ё, й, ъ and a Latin acronym keeps it
    assert trusted("ru", "Ещё одна партия LNG: подъезд к порту закрыт, танкер ушёл в Китай") == "ru"
    # langid knows no Chuvash and reads its Cyrillic as Russian: the claim it refuted is not taken back
    entry = Entry(feed_url="u", outlet="o", key="k", link="", title=CHUVASH, summary=CHUVASH, content="", lang="ru")
    assert entry_language(entry) != "ru"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (f"Сеул: {CHUVASH}", True),  # the names as typed with Latin letters, the artillery by its sound
        ("Сеул: КХДР Раççее çĕнĕ салтаксем ячĕ, артиллери те", True),  # the People's Republic, abbreviated
        ("Çурçĕр Корея Раççейпе туризм çинчен калаçнă", False),  # tourism talks: no arms
    ],
)
def test_chuvash_names_typed_with_latin_letters(eval_rules, title, expected):
    opening = "Кăнтăр Корей пĕлтернĕ тăрăх, çак хыпара Мускав çирĕплетмен."  # Chuvash enough to refute the feed
    assert fires(eval_rules, ARMS, title, "ru", opening) is expected


def test_chuvash_may_is_a_hedge(eval_rules):
    body = "Эксперт шучĕпе, «Арктик СПГ 2» газне Азири компанисем туянма пултараççĕ, анчах санкцисем кансĕрлет."
    assert not fires(eval_rules, ARCTIC, "«Арктик СПГ 2» газне Азире туянма пултараççĕ", "ru", body)
    assert fires(eval_rules, ARCTIC, "Arctic LNG 2 cargo", "en", "Arctic LNG 2 shipped a cargo to China.")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (further_down("North Korea sent Russia a train of shells last week, monitors said."), True),
        (further_down("Satellite images show North Korean shells being loaded for Russia at Najin."), True),
        # the same transfer recalled without a date or an image: background in a feature's last paragraph
        (further_down("North Korea has sent Russia shells, monitors said."), False),
    ],
)
def test_last_week_and_satellite_images_date_an_act(eval_rules, content, expected):
    assert fires(eval_rules, ARMS, "Harbour festival draws crowds", "en", "A festival opened.", content) is expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # who studies the images is described by a participle: no hedge on the shipment
        (
            further_down(
                "По данным группы, изучающей спутниковые снимки, из КНДР в Россию отправлено 100 вагонов со снарядами."
            ),
            True,
        ),
        # the finite verb is: a shipment under study is no shipment
        (further_down("По данным группы, в понедельник Москва изучает поставки снарядов из КНДР в Россию."), False),
    ],
)
def test_a_participle_of_study_is_no_hedge(eval_rules, content, expected):
    assert fires(eval_rules, ARMS, "Фестиваль в Хабаровске", "ru", "Открылся фестиваль.", content) is expected


@pytest.mark.parametrize(
    ("title", "lang", "summary", "expected"),
    [
        (
            "Суд в Алматы и «Талибан»",
            "ru",
            "Суд отменил решение о признании «Талибана» террористической организацией.",
            False,
        ),
        (
            "Court and the Taliban",
            "en",
            "The court upheld the ruling recognising the Taliban as a terrorist group.",
            False,
        ),
        ("Москва признала правительство талибов", "ru", "Россия в понедельник признала правительство талибов.", True),
    ],
)
def test_recognition_as_a_terrorist_organisation_is_a_designation(eval_rules, title, lang, summary, expected):
    assert fires(eval_rules, TALIBAN, title, lang, summary) is expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (further_down("At the Zarkashan deposit a Chinese firm began mining gold on Monday."), True),
        (further_down("На месторождении Каразаган в понедельник начали добычу золота."), True),
        (further_down("A Chinese firm began mining gold on Monday."), False),  # where, not said
    ],
)
def test_afghan_deposits_named_without_the_country(eval_rules, content, expected):
    assert (
        fires(eval_rules, MINING, "Bridge opens in Afghanistan's north", "en", "A bridge opened.", content) is expected
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Uyghur: a copper contract for a mine in Logar (Logar with its locative ending), signed
        ("لوگاردىكى مىس كېنىغا توختام ئىمزالاندى", True),
        # the same words for a mine in Kazakhstan: not Afghanistan's
        ("قازاقىستاندىكى مىس كېنىغا توختام ئىمزالاندى", False),
    ],
)
def test_a_uyghur_headline_names_logar_the_copper_and_the_contract(eval_rules, title, expected):
    assert fires(eval_rules, MINING, title, "") is expected


@pytest.mark.parametrize(
    ("title", "paragraph", "expected"),
    [
        # the headline announces sanctions; the project's tankers are on its list, further down
        (
            "UK announces new sanctions on Russian banks",
            "The list also adds four tankers that carried Arctic LNG 2 gas.",
            True,
        ),
        # the same paragraph under a headline that names no move: a bank story
        ("UK lists new Russian banks", "The list also adds four tankers that carried Arctic LNG 2 gas.", False),
        # a headline's move and the project as background of a year long past (@long-ago)
        ("UK announces new sanctions on Russian banks", "Arctic LNG 2 itself was first sanctioned in 2019.", False),
    ],
)
def test_a_headline_that_names_a_move_carries_the_project_further_down(eval_rules, title, paragraph, expected):
    content = f"Fifty banks are listed.\n\n{paragraph}\n\nThe Foreign Office said the measures cut Russia's war chest."
    assert fires(eval_rules, ARCTIC, title, "en", "", content) is expected
