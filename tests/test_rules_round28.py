"""Issue 14, round 28: held-out v23 studied (it is tuning now); its errors and the recall errors of every seen
part sorted by class (tests/data/rules_eval/README.md, "Held-out v23 seen → tuning"). Each change on sentences
of our own, beside a sentence where it must not act."""

from __future__ import annotations

import pytest

from monitor.errors import ConfigError
from monitor.rules.backtest import fts_query
from monitor.rules.explain import explain_lines
from monitor.rules.sounds import SOUND_WORD, sound_runs
from tests.test_rules_operators import entry, ruleset, topics
from tests.test_rules_round12 import written_in

SOUNDS = """
name: r
match:
  any:
    - {term: Taliban, sounds: true}
    - {term: Arctic LNG, sounds: true}
"""


@pytest.fixture(scope="module")
def by_sound(tmp_path_factory):
    return ruleset(tmp_path_factory.mktemp("rule"), SOUNDS)


@pytest.mark.parametrize(
    ("title", "fires"),
    [
        # Latin, the term's script: the name as written, as a plain term finds it (rv1: the sound "trbn" took
        # turbines; "Talib*" is how a term takes endings in its own script)
        ("Talibanes y diplomacia", False),
        ("Ìjọba Gánà mọ ìjọba Taliban", True),
        ("A tailspin in the markets", False),
        ("Tall buildings in Kabul", False),
        # Cyrillic: Tajik and Kazakh write the name as it sounds
        ("Қирғизистон ҳукумати Толибонро шинохт", True),
        ("Талант и труд", False),
        # CJK: a katakana run is a name's sound; a turban is not the Taliban, Han characters say nothing
        ("タリバン政権を承認", True),
        ("ターバンの職人", False),
        ("塔利班", False),  # Han: a foreign name's characters carry no sound key (the rule's own term, if any)
        # Indic scripts: vowel signs and viramas are part of the word
        ("बेलारूसकडून तालिबान सरकारला अधिकृत मान्यता", True),
        ("આર્કટિક LNG 2 નો કાર્ગો ચીનના બંદરે પહોંચ્યો", True),
        ("આર્કટિક ઠંડી", False),  # "Arctic" alone: both words of the term are wanted
    ],
)
def test_a_sounds_term_finds_a_name_in_any_script(by_sound, title, fires):
    assert bool(by_sound.match(entry(title))) is fires


def test_explain_names_the_words_found_by_sound(by_sound):
    doc, trace = by_sound.trace("r", entry("तालिबान सरकार"))
    lines = explain_lines(by_sound.rule("r"), doc, trace)
    assert any("तालिबान" in line for line in lines), lines


def test_a_sounds_term_is_not_left_to_the_search_index(tmp_path):
    rules = ruleset(tmp_path, SOUNDS)
    assert fts_query(rules.rule("r")) is None  # the index would find "taliban" only as written


@pytest.mark.parametrize(
    ("term", "message"),
    [
        ("{term: US, sounds: true}", "keeps too little sound to compare (at least 3 letters of skeleton)"),
        ("{term: Korea, sounds: true}", "'Korea' keeps too little sound to compare"),
        ("{term: Talib*, sounds: true}", "sounds: true takes no fuzzy:, case: or *"),
        ("{term: Taliban, sounds: true, case: true}", "sounds: true takes no fuzzy:, case: or *"),
        ("{term: Taliban, sounds: true, fuzzy: 80}", "sounds: true takes no fuzzy:, case: or *"),
        ("{term: Taliban, sounds: 'true'}", '"sounds" must be true or false'),
        ("{regex: 'talib', sounds: true}", "case: or sounds: (it sees folded text)"),
        ("{term: '@arctic', sounds: true}", "sounds: applies to a name, not to an alias"),
    ],
)
def test_sounds_misuse_is_reported_at_path_line(tmp_path, term, message):
    (tmp_path / "aliases.yaml").write_text("aliases:\n  arctic: [Yamal]\n")
    with pytest.raises(ConfigError) as caught:
        ruleset(tmp_path, f"name: r\nmatch:\n  any:\n    - {term}\n")
    found = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"{tmp_path / 'rule.yaml'}:4:") and message in p for p in found), found


def test_sound_words_split_linearly_on_hostile_input():
    assert SOUND_WORD.findall("आर्कटिक LNG। タリバン政権") == ["आर्कटिक", "LNG", "タリバン"]
    assert len(SOUND_WORD.findall("\u094d" * 100_000 + "!")) == 1  # marks alone: one run, no backtracking
    assert sound_runs(("trbn",), [None] * 10_000) == []


@pytest.mark.parametrize(
    ("title", "lang", "fires"),
    [
        ("આર્કટિક LNG 2 નો કાર્ગો ચીનના બંદરે પહોંચ્યો", "gu", True),
        ("Санкцыі ЗША супраць танкераў «Арктык СПГ 2»", "be", True),
        # "LNG" spelt out in Devanagari (el-en-ji) is no sound of the letters; since round 33 the rule has the spelt-out
        # form as a term of its own (`आर्कटिक एलएनजी`, `यमाल एलएनजी`, heard in the other scripts of South Asia)
        ("यमाल एलएनजी", "hi", True),
        # the languages the sets have words in keep their rules: a name alone is no cargo
        ("Арктик СПГ 2: год на Гыдане", "ru", False),
        # a negation the sets know still vetoes
        ("આર્કટિક LNG 2 cargo has not unloaded", "gu", False),
    ],
)
def test_the_arctic_rule_reads_the_projects_names_by_sound_in_other_scripts(eval_rules, title, lang, fires):
    assert ("arctic-lng" in {m.rule for m in eval_rules.match(written_in(title, lang))}) is fires


TALIBAN = "taliban-recognition"


@pytest.mark.parametrize(
    ("title", "content", "fires"),
    [
        # the imperfective infinitive is a recognition word as the perfective one is: a headline that negates it denies
        (
            "Бишкек пока не намерен признавать правительство талибов",
            "Министр напомнил, что в марте Бишкек принял верительные грамоты посла талибов как временного поверенного.",
            False,
        ),
        # ... unless the negation is doubled: "cannot not recognise any more" is the decision
        (
            "Бишкек решил, что не признавать Кабул больше нельзя",
            "Правительство Киргизии в среду официально признало правительство талибов и приняло верительные грамоты.",
            True,
        ),
        # a call that the time has come is a demand, not the act (en, ru; the Russian one guards признава*)
        (
            "Column: it is time to recognise the Taliban, says an MP",
            "An MP said it is time to recognise the Islamic Emirate; the government has not responded.",
            False,
        ),
        (
            "Колонка: депутат говорит, что пора признавать талибов",
            "Депутат заявил, что пора признавать Исламский Эмират; правительство не ответило.",
            False,
        ),
        (
            "Kazakhstan recognises the Taliban government",
            "Kazakhstan formally recognised the Taliban government on Tuesday, the foreign ministry said.",
            True,
        ),
    ],
)
def test_recognition_infinitives_double_negation_and_calls(eval_rules, title, content, fires):
    assert (TALIBAN in topics(eval_rules, title, content)) is fires


@pytest.mark.parametrize(
    ("title", "fires"),
    [
        # a buyer's imperfective or future verb, negated in the headline: the cargo did not move
        ("Таиландская компания не будет покупать газ «Арктик СПГ 2»", False),
        ("Японская компания: газа «Ямал СПГ» не покупали", False),
        ("タイ企業、アークティックLNG2のLNGを購入せず", False),
        # the cargo told as bought stays the event
        ("Таиландская компания купила партию газа «Арктик СПГ 2»", True),
    ],
)
def test_an_arctic_headline_saying_a_buyer_will_not_buy_is_no_cargo(eval_rules, title, fires):
    # the body tells another buyer's cargo: only the headline's denial keeps the item out
    content = "Танкер доставил груз «Арктик СПГ 2» в китайский Бэйхай в марте."
    assert ("arctic-lng" in topics(eval_rules, title, content)) is fires


@pytest.mark.parametrize(
    ("title", "content", "fires"),
    [
        # India named to be denied as the buyer: a correction's foil (en, ru, ja)
        (
            "Correction: Urals cargo went to a Turkish, not Indian, refiner",
            "An earlier version said the Urals cargo was bought by an Indian refiner; it went to Tupras.",
            False,
        ),
        (
            "Поправка: партия Urals ушла в Турцию, не в Индию",
            "В прежней версии говорилось, что партию российской нефти купил индийский НПЗ; её купила Tupras.",
            False,
        ),
        (
            "訂正：ウラル原油はインドではなくトルコへ",
            "先の記事でインドの製油所がロシア産原油を購入したとしたのは誤りで、トルコのTuprasが購入した。",
            False,
        ),
        # India as the buyer stays the event
        (
            "Indian refiner buys two Urals cargoes",
            "Indian Oil bought two cargoes of Russian crude for December loading, traders said.",
            True,
        ),
    ],
)
def test_india_named_to_be_denied_as_the_buyer_is_no_purchase(eval_rules, title, content, fires):
    assert ("india-russian-oil" in topics(eval_rules, title, content)) is fires


@pytest.mark.parametrize(
    ("title", "fires"),
    [
        # a province under its other spellings names Afghanistan, as Sar-e Pol did: the Uzbek company is the partner
        ("Sar-e Pul oil blocks: Uzbek company takes over", True),
        ("Sari Pul oil blocks: Uzbek company takes over", True),
        ("Uzbek company takes over oil blocks at home", False),  # no Afghan place: the Uzbek deal is the subject
    ],
)
def test_a_province_under_another_spelling_names_afghanistan(eval_rules, title, fires):
    content = (
        "On Saturday the Taliban's mines ministry awarded two oil blocks to an Uzbek company under a "
        "production-sharing contract, with first oil promised within twelve months."
    )
    assert ("afghan-mining" in topics(eval_rules, title, content)) is fires


@pytest.mark.parametrize(
    ("title", "content", "fires"),
    [
        # another mining country's capital as the headline's subject: its own deposit, Afghanistan a comparison
        (
            "Dushanbe hands antimony deposit to Chinese state miner",
            "Tajikistan awarded the deposit on Monday. In Afghanistan, a Chinese firm signed the Mes Aynak copper "
            "contract in 2008 and the Taliban signed a new lithium deal with it in Kabul this year.",
            False,
        ),
        (
            "Душанбе передал сурьмяное месторождение китайской компании",
            "Таджикистан в понедельник передал месторождение. В Афганистане талибы в этом году подписали с китайской "
            "компанией контракт на добычу лития в Кабуле.",
            False,
        ),
        (
            "ドゥシャンベ、アンチモン鉱床を中国企業に",
            "タジキスタンは月曜日に鉱床を引き渡した。アフガニスタンではタリバンが今年、中国企業とリチウム採掘の契約を結んだ。",
            False,
        ),
        # the capital beside an Afghan site: the Afghan deal is the headline's
        (
            "Tashkent firm signs for Hajigak iron ore",
            "An Uzbek company signed a contract with the Taliban's mines ministry on Monday to develop the Hajigak "
            "iron ore deposit in Bamyan.",
            True,
        ),
    ],
)
def test_another_mining_countrys_capital_heading_the_story_is_its_own_deal(eval_rules, title, content, fires):
    assert ("afghan-mining" in topics(eval_rules, title, content)) is fires
