"""Issue 14, round 36: held-out v31 studied (it is tuning now; tests/data/rules_eval/README.md, "Held-out v31 seen →
tuning"). Mechanisms for languages the rules have no words in, and the ten languages' misses, each on sentences of
our own beside one where the rule must not act: a CLDR name of an abugida counts its vowel signs, Afghanistan by its
sound in any script, the negations of CLDR's Cyrillic languages, a denial calling reports a lie in any case, a
river's arms, a Russian seller named with у, a season dating a feature's event, guilt admitted."""

from __future__ import annotations

import pytest
from test_rules_round30 import fires, load_cldr_names

ARCTIC, MINING, OIL, ARMS, TALIBAN = (
    "arctic-lng",
    "afghan-mining",
    "india-russian-oil",
    "north-korea-russia-arms",
    "taliban-recognition",
)


def test_an_abugidas_name_counts_its_vowel_signs():
    """Burmese ရုရှား (Russia) is two letters and four signs: a name of six sounds, kept; the three-sound floor stays."""
    cldr = load_cldr_names()
    assert cldr.sounded("ရုရှား") == 6
    assert "ရုရှား*" in cldr.terms("RU")
    assert all(cldr.sounded(term.rstrip("*")) >= 3 for term in cldr.terms("RU") if cldr.script(term) != "LATIN")


@pytest.mark.parametrize(
    ("topic", "title", "expected"),
    [
        # Burmese: India, Russia (as CLDR writes it) and the oil in one sentence of the headline
        (OIL, "အိန္ဒိယ သည် ရုရှား ရေနံ ကို ထပ်မံ ဝယ်ယူ", True),
        (OIL, "အိန္ဒိယ သည် ဆော်ဒီ ရေနံ ကို ထပ်မံ ဝယ်ယူ", False),  # Saudi oil: no Russia
        (ARMS, "မြောက်ကိုရီးယား စစ်သား များ ရုရှား သို့ ရောက်ရှိ", True),
        (ARMS, "မြောက်ကိုရီးယား စစ်သား များ တရုတ် သို့ ရောက်ရှိ", False),  # to China
    ],
)
def test_burmese_names_russia_as_cldr_does(eval_rules, topic, title, expected):
    assert fires(eval_rules, topic, title, "my") is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # a Cyrillic spelling neither the sets nor CLDR have (гъ for gh), found by its sound
        ("Афгъанистаны Логары хромиты контракт бафыстой", True),
        ("Пакистаны Белуджистаны хромиты контракт бафыстой", False),  # another country's chromite
        ("Afgani hromiti kontrakt", False),  # Latin letters: in the term's own script a name is matched as written
    ],
)
def test_afghanistan_by_its_sound(eval_rules, title, expected):
    assert fires(eval_rules, MINING, title, "os") is expected


@pytest.mark.parametrize(
    ("negation", "lang"),
    [("нæ", "os"), ("нӕ", "os"), ("мар", "cv"), ("суох", "sah"), ("эвес", "tyv"), ("уке", "mhr")],
)
def test_the_cyrillic_languages_negations_veto(eval_rules, negation, lang):
    """A headline branch for a language without words vetoes on its negation; the same headline without it fires."""
    assert fires(eval_rules, ARCTIC, "«Арктик СПГ 2»-йы газ Индимæ ахастой", lang)
    assert not fires(eval_rules, ARCTIC, f"«Арктик СПГ 2»-йы газ Индимæ {negation} ахастой", lang)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("КНДР поставила России артиллерийские снаряды", True),
        ("КНДР назвала ложью сообщения о поставках снарядов России", False),  # the lie in its instrumental case
        ("Москва: сообщения о ракетах КНДР для России — фальшивка", False),
        ("Пхеньян поставил России ракеты; Сеул уличил его во лжи", True),  # a clause of its own tells the transfer
    ],
)
def test_a_report_called_a_lie_is_a_denial(eval_rules, title, expected):
    assert fires(eval_rules, ARMS, title, "ru") is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ice jams on two arms of the Tumen River halt Russia–North Korea ferries", False),
        ("Tumen River arms flood Russian and North Korean border villages", False),
        ("North Korea ships arms to Russia across the Tumen River", True),
    ],
)
def test_a_rivers_arms_are_no_weapons(eval_rules, title, expected):
    assert fires(eval_rules, ARMS, title, "en") is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Индия закупила у России 2 млн баррелей нефти в сутки", True),
        ("Индия закупила у России удобрения, а у Ирака — нефть", False),  # Russia sold the fertiliser
    ],
)
def test_a_russian_seller_named_with_u(eval_rules, title, expected):
    assert fires(eval_rules, OIL, title, "ru") is expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("<p>Этим летом танкер вывез груз с «Арктик СПГ 2» в Китай.</p>", True),
        ("<p>Танкер вывез груз с «Арктик СПГ 2» в Китай.</p>", False),  # told once, undated, further down
    ],
)
def test_a_season_dates_a_features_event(eval_rules, content, expected):
    from monitor.text import html_to_text

    body = html_to_text(content)
    title, summary = "Лёд в Карском море тает быстрее", "Учёные опубликовали данные спутников за сентябрь."
    assert fires(eval_rules, ARCTIC, title, "ru", summary, "\n".join(["Зима будет тёплой.", body])) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Житель Кабула признал вину в краже", False),
        ("Футболист из Кабула признан лучшим игроком месяца", False),
        ("Узбекистан признал правительство талибов в Кабуле", True),
    ],
)
def test_guilt_admitted_is_no_recognition(eval_rules, title, expected):
    assert fires(eval_rules, TALIBAN, title, "ru") is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Tanker loaded at Arctic LNG 2 drifting off Singapore", False),
        ("Газовоз с «Арктик СПГ 2» вторую неделю стоит у Порт-Саида", False),
        ("アークティックLNG2の船、シンガポール沖で漂流", False),
        ("Arctic LNG 2 cargo circling for weeks finally unloads in China", True),  # it moves at last
        ("Arctic LNG 2 cargo unloads in China", True),
    ],
)
def test_an_idle_ship_is_no_cargo_moved(eval_rules, title, expected):
    assert fires(eval_rules, ARCTIC, title, "") is expected
