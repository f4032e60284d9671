"""Issue 14, twelfth round: the classes of held-out v8's errors. A term's ``lang:`` (a word that
negates in one language and is a preposition in another: Portuguese "no" is "in the"), and the
built-in sets' forecasts, drafts and "without having" in the languages that lacked them. Each
matches and fails to match, in every script it concerns."""

from __future__ import annotations

import pytest

from monitor.errors import ConfigError
from monitor.models import Entry
from monitor.rules import RuleSet
from tests.test_rules_operators import fires, ruleset

LANG_RULE = """
name: r
match:
  any:
    - {term: "no", lang: [en, es]}
    - {term: мир, lang: [ru]}
    - {term: 手紙, lang: [zh]}
    - {regex: "(?:^|\\\\W)نفت(?:\\\\W|$)", lang: [ar]}
"""


def written_in(title: str, lang: str) -> Entry:
    return Entry(feed_url="u", outlet="o", key="k", link="", title=title, summary="", content="", lang=lang)


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("No deal was signed", "en", True),
        ("No local foi hasteada a bandeira", "pt", False),
        ("No habrá reconocimiento", "es-ES", True),  # a region after the code is ignored
        ("Мир подписан", "ru", True),
        ("Мир підписано", "uk", False),
        ("手紙", "zh", True),
        ("手紙が届いた", "ja", False),
        ("نفت الوزارة التقارير", "ar", True),
        ("نفت ایران", "fa", False),
    ],
)
def test_a_term_with_lang_counts_only_in_those_languages(tmp_path, title, lang, expected):
    assert bool(ruleset(tmp_path, LANG_RULE).match(written_in(title, lang))) is expected


def test_a_term_with_lang_counts_where_the_language_is_detected_or_unknown(tmp_path):
    rules = ruleset(tmp_path, LANG_RULE)
    assert fires(rules, "No agreement has been reached on the contract for the mine")  # detected: en
    assert not fires(rules, "No local foi hasteada a bandeira do Emirado, diante do prédio da embaixada")  # pt
    assert fires(rules, "No 42")  # nothing to tell a language by: the term counts


def test_lang_on_a_veto_term_spares_the_other_language(tmp_path):
    rules = ruleset(
        tmp_path,
        "name: r\nmatch:\n  any:\n    - any: [reconhec*, reconoc*, recogni*]\n"
        '      unless_near: {any: [{term: "no", lang: [en, es]}], clause: true}\n',
    )
    assert rules.match(written_in("No local, o governo reconheceu os talibãs", "pt"))
    assert not rules.match(written_in("No se reconoce al gobierno talibán", "es"))
    assert not rules.match(written_in("No state recognises the Taliban", "en"))


def test_the_built_in_negation_takes_no_in_portuguese_as_in_the(tmp_path):
    rules = ruleset(
        tmp_path,
        'name: r\nmatch:\n  any:\n    - any: [reconhec*, reconoc*, recogni*]\n      unless_near: {any: ["@negation"], clause: true}\n',
    )
    assert rules.match(written_in("No local, o governo reconheceu os talibãs", "pt"))
    assert not rules.match(written_in("O governo não reconheceu os talibãs", "pt"))
    assert not rules.match(written_in("No se reconoce al gobierno talibán", "es"))
    assert not rules.match(written_in("No state has recognised the Taliban", "en"))


@pytest.mark.parametrize(
    ("term", "message"),
    [
        ("{term: 'no', lang: en}", '"lang" must be a list of language codes'),
        ("{term: 'no', lang: [EN]}", "use a two- or three-letter lower-case code"),
        ("{term: 'no', lang: [english]}", "use a two- or three-letter lower-case code"),
        ("{term: '@negation', lang: [en]}", '"lang" applies to a word, phrase or regex, not to an alias'),
    ],
)
def test_lang_misuse_is_reported_at_path_line(tmp_path, term, message):
    with pytest.raises(ConfigError) as caught:
        ruleset(tmp_path, f"name: r\nmatch:\n  any:\n    - {term}\n")
    found = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"{tmp_path / 'rule.yaml'}:4:") and message in p for p in found), found


def test_lang_terms_keep_their_place_among_plain_terms(tmp_path):
    # An "any" of many plain terms is looked up at once; a lang: term among them is not.
    many = ", ".join(f"word{i}" for i in range(12))
    rules: RuleSet = ruleset(tmp_path, f"name: r\nmatch:\n  any: [{many}, {{term: mir, lang: [ru]}}]\n")
    assert rules.match(written_in("mir", "ru"))
    assert not rules.match(written_in("mir", "en"))
    assert rules.match(written_in("word7", "en"))


VETO_RULE = """
name: r
match:
  all:
    - any: [recogni*, признал*, визна*, 承認, 承认, reconoc*, reconhec*, riconosc*, reconna*, anerkann*, tanı*,
            compr*, buy*, bought, تعترف*, купил*, 購入, 购买, caricat*, chargé*, loaded, загруж*, يعترف*, اعترف*, kupi*,
            {regex: "(?:^|\\\\W)(?:승인|구매)"}, {regex: "(?:^|\\\\W)[והבלמשכ]{0,3}(?:הכיר|הכרה)"}, "به رسمیت"]
      unless_near: {any: ["@negation", "@hedge"], clause: true, except: ["@litotes"]}
"""


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # forecasts, scenarios, simulations
        ("Tres escenarios: cuánto crudo ruso compra India con un descuento mayor", False),
        ("India compró crudo ruso con un descuento mayor", True),
        ("Сценарий: Индия купила бы больше российской нефти", False),
        ("Индия купила больше российской нефти", True),
        ("シナリオ分析：インド、ロシア産原油を購入", False),
        ("インド、ロシア産原油を購入", True),
        ("模拟显示印度购买俄罗斯原油", False),
        ("印度购买俄罗斯原油", True),
        ("Simulation: India buys more Russian crude at a wider discount", False),
        ("India buys more Russian crude at a wider discount", True),
        ("시나리오: 인도, 러시아산 원유 구매", False),
        ("인도, 러시아산 원유 구매", True),
        ("سيناريو: الهند تعترف بطالبان", False),
        ("الهند تعترف بطالبان", True),
        ("תרחיש: הודו הכירה בטליבאן", False),
        ("הודו הכירה בטליבאן", True),
        # drafts and plans: the Japanese X案 before a particle, not a bill, not a plan passed
        ("内部文書にタリバン承認案、政府は採用を否定", False),
        ("最も踏み込んだ案として年内の正式承認が挙げられた", False),
        ("国会が承認案を賛成多数で可決", True),
        ("タリバン政権を承認する法案が成立", True),
        ("承認手続きの案内を公開", True),  # 案内: a guide
        ("Проект указа о признании талибов", False),
        ("Проект «Арктик СПГ-2»: танкер загружен", True),
        ("Borrador: el gobierno reconoce a los talibanes", False),
        ("El gobierno reconoce a los talibanes", True),
        ("Entwurf: Berlin hat die Taliban anerkannt", False),
        ("Berlin hat die Taliban anerkannt", True),
        ("مسودة: الهند تعترف بطالبان", False),
        ("Taslak: Ankara Taliban'ı tanıdı", False),
        ("Ankara Taliban'ı tanıdı", True),
        # without having done it
        ("Metaniera caricata presso Arctic LNG 2 ferma senza aver scaricato", False),
        ("Metaniera caricata presso Arctic LNG 2 e scaricata in Cina", True),
        ("Méthanier chargé à Sabetta, reparti sans avoir déchargé", False),
        ("Méthanier chargé à Sabetta, déchargé en Chine", True),
        ("Tanker loaded at Sabetta stranded off Malaysia", False),
        ("Газовоз загружен на Сабетте и застрявший у берегов Малайзии", False),
        ("Газовоз загружен на Сабетте", True),
        ("Der Tanker wurde geladen, ohne die Ladung zu löschen", False),
        ("الناقلة تم تحميلها دون أن تفرغ", False),
    ],
)
def test_forecasts_drafts_and_without_having_veto_in_every_script(tmp_path, title, expected):
    assert fires(ruleset(tmp_path, VETO_RULE), title) is expected
