"""Issue 14, thirteenth round: the changes for the classes of held-out v9's errors. The built-in sets: a verb's
other forms (*idles*), Japanese "there is no" as a continuative (*はなく*) and a headline's noun + *なし*, a spell
without the act that the act ends (@litotes), a move that went back; the clause scope of a negation inside a clause
of time or cause; in every script the phrase is written in, each shown vetoing, or sparing, and beside it a sentence
where it must not. Then the eval rules' classes on sentences of our own."""

from __future__ import annotations

import pytest

from monitor.models import Entry
from monitor.rules import RuleSet
from tests.test_rules_operators import fires, ruleset

CARGO = """
name: r
match:
  all:
    - any: [cargo, tanker, партия, 貨物, 受け入れ, Ladung, cargaison, cargamento]
      unless_near: {any: ["@negation", "@hedge"], clause: true, except: ["@litotes"]}
"""


@pytest.fixture(scope="module")
def cargo(tmp_path_factory) -> RuleSet:
    """Compiled once: the built-in sets take most of a second to load."""
    return ruleset(tmp_path_factory.mktemp("rule"), CARGO)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tanker idles off Malaysia for a second month", False),
        ("The tanker idled off Malaysia for weeks", False),
        ("The tanker unloaded off Malaysia", True),
    ],
)
def test_a_verb_of_negation_vetoes_in_its_other_forms(cargo, text, expected):
    assert fires(cargo, content=text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("貨物の受け入れ予定なし", False),  # a headline's "no plan to take"
        ("貨物の買い手なし", False),
        ("貨物を購入した事実はなく、調査を続ける", False),  # the continuative of "there is no"
        ("貨物を受け入れた", True),
        ("原則なし崩しで貨物の受け入れが進む", True),  # なし崩し (bit by bit) is no negation
        ("貨物を受け入れただけではなく、追加の購入も決めた", True),  # "not only"
    ],
)
def test_japanese_there_is_no(cargo, text, expected):
    assert fires(cargo, content=text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The cargo was delivered on Thursday, ending a year in which the plant found no takers.", True),
        ("After months without a buyer, the cargo was sold to a Chinese terminal.", True),
        ("The tanker has not unloaded after months without a buyer.", False),
        ("After a year, the cargo has not been sold.", False),  # the phrase ends at its comma
        ("После нескольких месяцев без покупателя партия была продана в Китай.", True),
        ("Партия так и не продана после месяцев без покупателя.", False),
        ("Nach Monaten ohne Abnehmer wurde die Ladung in China gelöscht.", True),
        ("Die Ladung wurde nach Monaten ohne Abnehmer nicht gelöscht.", False),
        ("Après des mois sans preneur, la cargaison a été livrée en Chine.", True),
        ("La cargaison n'a pas été livrée après des mois sans preneur.", False),
        ("Tras meses sin comprador, el cargamento fue entregado en China.", True),
        ("El cargamento no fue entregado tras meses sin comprador.", False),
    ],
)
def test_a_spell_without_the_act_that_the_act_ends_is_no_negation(cargo, text, expected):
    assert fires(cargo, content=text) is expected


@pytest.mark.parametrize(
    ("topic", "title", "summary", "expected"),
    [
        (
            "taliban-recognition",
            "Transcript: The Asia Desk, episode 40",
            (
                "HOST: Welcome back. Let's start with the week's big story.\nGUEST: On Tuesday "
                "Tashkent formally recognised the Taliban government as Afghanistan's legitimate "
                "government. The decree was published the same day."
            ),
            True,
        ),
        (
            "taliban-recognition",
            "Расшифровка подкаста «Восток», выпуск 12",
            (
                "ВЕДУЩИЙ: Что главное за неделю?\nГОСТЬ: Во вторник Казахстан официально признал "
                "правительство талибов законным правительством Афганистана. Указ опубликован в тот "
                "же день."
            ),
            True,
        ),
        (
            "taliban-recognition",
            "【書き起こし】ポッドキャスト「アジアの窓」第5回",
            (
                "司会：今週の話題は何でしょう。\nゲスト：ウズベキスタン政府が火曜日、タリバン政権を正"
                "式に承認しました。大統領令も公布されました。"
            ),
            True,
        ),
        (
            "taliban-recognition",
            "播客文字实录：第12期",
            ("主持人：本周有什么大新闻？\n嘉宾：哈萨克斯坦周二正式承认塔利班政府为阿富汗合法政府，并发布了总统令。"),
            True,
        ),
        (
            "taliban-recognition",
            "Transcript: The Asia Desk, episode 41",
            (
                "HOST: And recognition?\nGUEST: Tashkent has no intention of recognising the Taliban "
                "government this year."
            ),
            False,
        ),
        (
            "taliban-recognition",
            "アフガン難民支援、日本で広がる",
            ("支援団体の報告書は、タリバンが実権を握って以来、いくつかの国が政権を承認したと記している。"),
            False,
        ),
        (
            "taliban-recognition",
            "Afghan students face visa delays",
            (
                "The report notes that some countries have recognised the Taliban government since "
                "2021, but visas remain hard to get."
            ),
            False,
        ),
        (
            "taliban-recognition",
            "Студенты из Афганистана",
            (
                "В докладе отмечается, что некоторые страны признали правительство талибов, но визы "
                "получить по-прежнему трудно."
            ),
            False,
        ),
        (
            "taliban-recognition",
            "Uzbekistan recognises Taliban government",
            (
                "Uzbekistan on Monday formally recognised the Taliban government, the latest of "
                "several Central Asian states to do so."
            ),
            True,
        ),
        (
            "taliban-recognition",
            "国連委員会、タリバン幹部の渡航を承認",
            "国連安保理の制裁委員会は、タリバン暫定政権の外相の渡航を特例として承認した。",
            False,
        ),
        (
            "taliban-recognition",
            "カザフスタン、タリバン政権を承認",
            ("カザフスタン政府は、アフガニスタンのタリバン暫定政権を正式に承認し、外交関係を新たに樹立した。"),
            True,
        ),
        (
            "afghan-mining",
            "Regional roundup: floods in Baghlan, copper in Balochistan",
            (
                "Floods in Afghanistan's Baghlan province killed 12 people. In neighbouring "
                "Pakistan, Balochistan's government signed a copper mining agreement with a Canadian "
                "company."
            ),
            False,
        ),
        (
            "afghan-mining",
            "Обзор региона: паводки в Баглане, медь в Пакистане",
            (
                "Паводки в афганской провинции Баглан унесли жизни 12 человек. В Пакистане "
                "правительство Белуджистана подписало соглашение о добыче меди с канадской компанией."
            ),
            False,
        ),
        (
            "afghan-mining",
            "Kabul signs lithium deal",
            (
                "The Taliban's mines ministry signed a lithium mining contract for Nuristan province "
                "with a Chinese company on Monday."
            ),
            True,
        ),
        (
            "afghan-mining",
            "Taliban deny lithium deal with Chinese firm",
            (
                "The Taliban's mines ministry denied reports that it had signed a lithium mining "
                "contract in Nuristan. Earlier, several outlets said the deal was worth $100m."
            ),
            False,
        ),
        (
            "afghan-mining",
            "Талибы опровергли сделку по литию",
            (
                "Министерство горнорудной промышленности Афганистана опровергло сообщения о "
                "контракте на добычу лития. Ранее СМИ писали, что сделка оценивается в 100 млн "
                "долларов."
            ),
            False,
        ),
        (
            "afghan-mining",
            "Taliban dementieren Lithium-Vertrag",
            (
                "Das Bergbauministerium Afghanistans dementierte Berichte über einen Lithium-Vertrag "
                "in Nuristan. Zuvor hatten Medien berichtet, der Vertrag sei 100 Millionen Dollar "
                "wert."
            ),
            False,
        ),
        (
            "india-russian-oil",
            "印精製大手、決算説明会",
            ("インドのリライアンスは、第3四半期に輸入した原油のうちロシア産が4割を占めたと明らかにした。"),
            True,
        ),
        (
            "india-russian-oil",
            "印電力大手、燃料調達",
            "インドの電力会社は、ロシア産石炭の購入を増やした。原油は中東から調達している。",
            False,
        ),
        (
            "arctic-lng",
            "Tracking report",
            (
                "Arctic LNG 2 delivered a cargo to China's Beihai terminal on Friday, ending months "
                "in which the plant found no buyers."
            ),
            True,
        ),
        (
            "arctic-lng",
            "Tracking report",
            ("The Arctic LNG 2 tanker has not unloaded after months without a buyer, tracking data show."),
            False,
        ),
        (
            "arctic-lng",
            "【書き起こし】ポッドキャスト「エネルギー週報」",
            ("司会：ヤマルLNGはどうですか。\nゲスト：先週もヤマルの貨物がベルギーのゼーブルージュで荷揚げされました。"),
            True,
        ),
        (
            "north-korea-russia-arms",
            "Report: North Koreans work at Russian drone plant",
            (
                "About 1,000 North Koreans work at a drone factory in Russia's Tatarstan, assembling "
                "attack drones for the Russian army, South Korean intelligence said."
            ),
            True,
        ),
        (
            "north-korea-russia-arms",
            "Северокорейцы работают на оборонном заводе",
            (
                "Около тысячи граждан КНДР работают на заводе в России, где собирают ударные "
                "беспилотники, сообщила южнокорейская разведка."
            ),
            True,
        ),
        (
            "north-korea-russia-arms",
            "北朝鮮労働者、ロシアの軍需工場で",
            "韓国情報機関によると、北朝鮮の約千人がロシアの無人機工場で働いているという。",
            True,
        ),
    ],
)
def test_the_eval_rules_classes_of_round_13_hold_on_sentences_of_our_own(eval_rules, topic, title, summary, expected):
    """Format headlines (a transcript's act in a later turn), Japanese 承認 as approval, unnamed states, a round-up's
    paragraph, a headline that denies the deal, the origin said beside its crude, a spell the act ends, work as a verb:
    written for this test after the changes (a regression check, not an unseen one), in each script a class is
    written in; the paragraph after a transcript's first line is outside the lead."""
    entry = Entry(feed_url="u", outlet="o", key="k", link="", title=title, summary=summary, content="")
    assert (topic in {m.rule for m in eval_rules.match(entry)}) is expected


CONTRACT = """
name: r
match:
  all:
    - any: [contract, контракт*, Vertrag, contrat, contrato, 契約, sözleşme*, contratto, umow*, kontrak, договір]
      unless_near: {any: ["@negation", "@hedge"], clause: true, except: ["@litotes"]}
"""


@pytest.fixture(scope="module")
def contract(tmp_path_factory) -> RuleSet:
    return ruleset(tmp_path_factory.mktemp("rule"), CONTRACT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry terminated the contract after the company failed to pay.", True),
        ("After the company failed to pay, the ministry terminated the contract.", True),
        ("The contract was not signed after talks in May.", False),  # the main clause's own negation
        ("The ministry denied reports after an outlet said the contract was signed.", False),  # it reaches in
        ("Which firm signed the contract after 2021?", False),  # the question mark is the sentence's
        ("The ministry will sign the contract if the company does not object.", False),  # a condition governs
        ("Министерство расторгло контракт, потому что компания не платила.", True),
        ("Министерство не подписало контракт после того как компания прислала проект.", False),
        ("Das Ministerium kündigte den Vertrag, nachdem die Firma nicht zahlte.", True),
        ("Das Ministerium unterzeichnete den Vertrag nicht, weil die Firma zögerte.", False),
        ("Le ministère a résilié le contrat parce que la société ne payait pas.", True),
        ("Le ministère n'a pas signé le contrat parce que la société hésitait.", False),
        ("El ministerio rescindió el contrato porque la empresa no pagó.", True),
        ("El ministerio no firmó el contrato porque la empresa dudaba.", False),
        ("Міністерство розірвало договір, тому що компанія не платила.", True),
        ("Bakanlık sözleşmeyi feshetti çünkü şirket ödeme yapmadı.", True),
        ("Il ministero ha rescisso il contratto perché la società non pagava.", True),
        ("Het ministerie ontbond het contract omdat het bedrijf niet betaalde.", True),
        ("Ministerstwo rozwiązało umowę, ponieważ firma nie płaciła.", True),
        ("Kementerian memutus kontrak karena perusahaan tidak membayar.", True),
        ("会社が支払わなかったため、省は契約を解除した。", True),
        ("省は契約を解除しなかった。", False),
    ],
)
def test_a_negation_in_a_clause_of_time_or_cause_is_that_clauses(contract, text, expected):
    assert fires(contract, content=text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tanker turned back to Murmansk after no buyer was found.", False),
        ("The cargo was sent back to the storage unit.", False),
        ("The tanker reached the terminal.", True),
        ("Танкер повернул обратно в Мурманск.", False),
        ("Танкер пришёл в порт.", True),
        ("タンカーは引き返した。", False),
        ("油轮掉头返回。", False),
        ("Der Tanker kehrte um.", False),
        ("Le tanker a fait demi-tour.", False),
        ("El tanker dio media vuelta.", False),
    ],
)
def test_a_cargo_that_went_back_was_not_delivered(tmp_path_factory, text, expected):
    rules = ruleset(
        tmp_path_factory.mktemp("rule"),
        CARGO.replace("Ladung,", "Ladung, Tanker, tanker, Танкер, タンカー, 油轮,"),
    )
    assert fires(rules, content=text) is expected
