#!/usr/bin/env python3
# ruff: noqa: E501  (sentence banks and labelled rows read best one to a line)
"""The transformation catalogue: a TUNING set for story and event dedup, generated, seeded.

Originals (>= 200, English, Russian, Japanese and German) are composed from sentence banks
written for this project (fictional places, people and firms: no text from outside). Each
original gets copies by every transformation of issue 13, one or two per original, cycling:

- ``dateline_removed``, ``byline``, ``glued_html`` (``</p><p>``), ``glued_plain`` (``Kabul.The``),
  ``entities`` (double-escaped entities, straight/typographic quotes), ``truncation_marker``
  (``…Read More``, ``[…]``, ``Continue reading``, ``The post … appeared first on …``),
  ``spelling`` (US/UK), ``trimmed_tail`` (10-40 %), ``new_headline`` (2-3 words kept),
  ``word_edits`` (~2 %), ``summary_only``, ``new_first_sentence``;
- combinations: ``aggregator`` (byline + glued + spelling + truncation), ``regional_rewrite``
  (new first sentence + trimmed tail), ``wire_update`` (a paragraph added on top),
  ``syndicated`` (new headline + byline + trim + edits + boilerplate);

and hard negatives: ``independent_report`` (same event, another outlet, its own text),
``follow_up`` (same outlet, next day: its next development, another event), ``round_up`` (a weekly round-up quoting three
stories) and ``press_release_pair`` (two stories from one release). Rows have the keys of
``eval.jsonl`` plus ``transform`` and ``against`` (the row a copy or negative derives from).

    python tests/data/dedup/catalogue.py > /tmp/catalogue.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from html import escape

SEED = 1302

PLACES = [
    "Varenbrook",
    "Tallow",
    "Creek",
    "Ostrava",
    "Vale",
    "Merrow",
    "Harbour",
    "Kestin",
    "Dunmore",
    "Falls",
    "Castellan",
    "Brisk",
    "Point",
    "Holloway",
    "Ardent",
    "Bay",
    "Linmouth",
    "Ebberston",
    "Port",
    "Calder",
    "Sorrel",
    "Heath",
    "Quillon",
    "Tamsworth",
    "Redmarsh",
    "Coldwater",
    "Pellan",
    "Ironbridge",
    "Marlow",
    "Cross",
    "Estrel",
    "Fennick",
    "Oldbury",
    "Ravensholt",
]
PEOPLE = [
    "Mara Oduya", "Tomas Brandl", "Ilse Varga", "Desmond Achterberg", "Priya Lanke", "Oskar Feld", "Halima Serrat",
    "Ruben Castaldi", "Agnes Moravec", "Kwame Ansel", "Lidia Ferreira", "Jonas Ekdahl", "Noor Haddadi",
    "Samuel Okonkwo", "Wen Tao", "Elena Rusk", "Farid Qasemi", "Beatrix Holm", "Callum Reid", "Yusuf Demir",
]  # fmt: skip
ORGS = [
    "Northline Rail", "Calder Mining", "Brisk Energy", "Holloway Bank", "Sorrel Foods", "Estrel Telecom",
    "Pellan Steel", "Quillon Pharma", "Marlow Water", "Ardent Air",
]  # fmt: skip
TOPICS = {
    "flood": [
        "Floodwater rose above the embankments at {place} on {day}, forcing {n} families from their homes.",
        "The river crested at {m} metres overnight, the highest level recorded at the {place} gauge.",
        "Emergency crews used boats to reach villages cut off by the water, {person} of the regional authority said.",
        "Schools across the district will stay closed until at least {weekday}.",
        "Farmers said {n2} hectares of wheat and barley had been lost to the flooding.",
        "The meteorological office warned that more rain was expected later in the week.",
        "Residents criticised the slow organisation of shelters and the lack of sandbags.",
        "The regional government set aside {money} million for emergency repairs to roads and bridges.",
        "It was the second major flood in the area in {k} years.",
        "Power was cut to about {n3} homes as substations were shut down as a precaution.",
    ],
    "mine": [
        "Rescuers reached {n} miners trapped underground at the {org} pit near {place} on {day}.",
        "The workers had been cut off by a collapse in a ventilation shaft about {m}00 metres below the surface.",
        "{person}, a spokesperson for {org}, said all of the men were conscious and in contact with the surface.",
        "The company suspended operations at the site pending an inspection by the labour ministry.",
        "Union leaders said they had warned about the condition of the shaft several times this year.",
        "Families waited through the night outside the gates of the mine.",
        "The pit employs about {n3} people and produces copper concentrate for export.",
        "Investigators will examine whether recent blasting weakened the rock around the shaft.",
        "Shares in {org} fell {k} per cent in early trading.",
        "It was the worst accident at the mine since it reopened in {year}.",
    ],
    "rates": [
        "The central bank raised its main interest rate by {k} quarter points to {m}.{k} per cent on {day}.",
        "Governor {person} said inflation remained too high and that further increases could not be ruled out.",
        "Consumer prices rose {m}.{n4} per cent in the year to last month, driven by food and energy.",
        "The decision was expected by most economists surveyed before the meeting.",
        "Mortgage lenders said they would pass the increase on to borrowers within weeks.",
        "The currency strengthened against the dollar after the announcement.",
        "Two members of the rate-setting committee voted to leave the rate unchanged.",
        "Business groups warned that higher borrowing costs would hit investment in {place}.",
        "The bank will publish new growth forecasts at its next meeting in {month}.",
        "Government bond yields rose to their highest level in {k} years.",
    ],
    "strike": [
        "Workers at {org} walked out on {day} in a dispute over pay and shift patterns.",
        "The union said about {n3} members had joined the strike at sites around {place}.",
        "{person}, who leads the union, said the company's offer of {k} per cent fell far short of inflation.",
        "Management said contingency plans would keep essential services running.",
        "Talks at the arbitration service broke down late on {weekday} after eleven hours.",
        "Passengers and customers were advised to check for disruption before travelling.",
        "The strike is due to last {k} days, with further action planned for {month}.",
        "The transport minister urged both sides to return to the negotiating table.",
        "It is the first walkout at the company in more than a decade.",
        "Picket lines formed outside the main depot before dawn.",
    ],
    "court": [
        "The supreme court in {place} ruled on {day} that the {org} merger could go ahead with conditions.",
        "Judges said the companies must sell {k} regional units before the deal is completed.",
        "The competition authority had argued that the merger would raise prices for {n3} customers.",
        "{person}, a lawyer for the companies, welcomed the decision and said the conditions were workable.",
        "Consumer groups said they were disappointed and would study the ruling closely.",
        "The case has taken almost {k} years to reach a final decision.",
        "Under the ruling, an independent monitor will oversee pricing for {n4} years.",
        "The combined company will employ about {n2} people.",
        "Shares in both firms rose sharply after the judgment was published.",
        "Opposition lawmakers called for a review of the country's merger rules.",
    ],
    "wildfire": [
        "A wildfire near {place} had burned more than {n2} hectares of forest by {day}, officials said.",
        "About {n3} residents were told to leave their homes as strong winds pushed the flames east.",
        "{person}, the regional fire chief, said crews were fighting the blaze on three fronts.",
        "Water-bombing aircraft from neighbouring regions joined the effort.",
        "The main highway through the valley was closed in both directions.",
        "Temperatures above {m}0 degrees and months without rain had left the forest tinder-dry.",
        "No deaths have been reported, but {k} firefighters were treated for smoke inhalation.",
        "Police are investigating whether the fire was started deliberately.",
        "Smoke from the fire reached the regional capital, where air quality warnings were issued.",
        "The government declared a state of emergency in {k} districts.",
    ],
    "rail": [
        "A passenger train operated by {org} derailed near {place} on {day}, injuring {n} people.",
        "Four carriages left the track on a curve shortly after the train left the station.",
        "{person}, the regional health director, said {k} of the injured were in a serious condition.",
        "The line between {place} and {place2} will stay closed while investigators examine the site.",
        "The accident investigation board said it would look at the track, the signalling and the train's speed.",
        "Passengers described being thrown from their seats as the carriages tipped over.",
        "Replacement buses are running between the affected stations.",
        "The section of track had been renewed {k} years ago as part of a modernisation programme.",
        "The transport ministry offered condolences and promised a full inquiry.",
        "It was the most serious rail accident in the country since {year}.",
    ],
    "results": [
        "{org} reported a {k}{n4} per cent rise in quarterly profit on {day}, beating analysts' forecasts.",
        "Revenue grew to {money} million, helped by strong demand in {place}.",
        "Chief executive {person} said the company would raise its dividend for the first time in {k} years.",
        "The firm also announced plans to cut {n3} jobs as it closes older sites.",
        "Investors welcomed the results and the shares rose {k} per cent in morning trading.",
        "The company kept its forecast for the full year unchanged.",
        "Costs for energy and raw materials eased during the quarter.",
        "Analysts said the outlook for the second half of the year remained uncertain.",
        "The company will present a new strategy to investors in {month}.",
        "Debt fell to its lowest level since {year}.",
    ],
}
GENERIC = [
    "Officials said more details would be released in the coming days.",
    "The opposition accused the government of failing to prepare.",
    "Local newspapers described scenes of confusion in the town centre.",
    "A statement from the mayor's office said the situation was under control.",
    "Experts said the events raised questions about long-term investment.",
    "Neighbouring municipalities offered help and equipment.",
]
RU = [
    "В {place_ru} в {weekday_ru} {verb_ru} {n} человек, сообщили местные власти.",
    "По словам {person_ru}, ситуация остаётся сложной, но под контролем.",
    "Спасатели работали всю ночь, чтобы добраться до пострадавших районов.",
    "Региональное правительство выделило {money} млн рублей на восстановительные работы.",
    "Жители жалуются на медленную реакцию коммунальных служб.",
    "Движение на трассе между городами было временно перекрыто.",
    "Прокуратура начала проверку по факту происшествия.",
    "Это уже {k}-й подобный случай в регионе за последние годы.",
    "Метеорологи предупредили о новых осадках в ближайшие дни.",
    "Компания {org_ru} заявила, что окажет помощь пострадавшим семьям.",
    "Школы района будут закрыты как минимум до конца недели.",
    "Эксперты связывают произошедшее с изношенностью инфраструктуры.",
    "Губернатор пообещал лично контролировать ход работ.",
    "Около {n3} домов остались без электричества.",
]
JA = [
    "{place_ja}で{day_ja}、{event_ja}があり、{n}人がけがをした。",
    "地元当局によると、現場では夜を徹して救助活動が続けられた。",
    "{person_ja}氏は記者会見で「状況は依然として厳しい」と述べた。",
    "県は復旧作業のため{money}億円の予算を計上する方針だ。",
    "周辺の道路は一時通行止めとなり、交通に大きな影響が出た。",
    "警察は事故の原因について詳しく調べている。",
    "住民からは対応の遅れを指摘する声が上がっている。",
    "気象台は今後も警戒を続けるよう呼びかけている。",
    "約{n3}世帯で停電が続いている。",
    "同様の事態は過去{k}年で初めてだという。",
    "{org_ja}は被害を受けた家族を支援すると発表した。",
    "専門家は設備の老朽化が背景にあると指摘している。",
]
DE = [
    "In {place} sind am {weekday_de} {n} Menschen bei einem {event_de} verletzt worden, teilten die Behörden mit.",
    "Nach Angaben von {person} war die Lage am Abend weiterhin angespannt.",
    "Rettungskräfte arbeiteten die ganze Nacht, um die betroffenen Gebiete zu erreichen.",
    "Die Landesregierung stellte {money} Millionen Euro für Soforthilfen bereit.",
    "Anwohner kritisierten die langsame Reaktion der Behörden.",
    "Die Bundesstraße zwischen den beiden Orten blieb gesperrt.",
    "Die Staatsanwaltschaft hat Ermittlungen aufgenommen.",
    "Es ist bereits der {k}. Vorfall dieser Art in der Region in diesem Jahr.",
    "Meteorologen warnten vor weiteren Unwettern in den kommenden Tagen.",
    "Das Unternehmen {org} kündigte Hilfen für die betroffenen Familien an.",
    "Die Schulen im Landkreis bleiben mindestens bis Ende der Woche geschlossen.",
    "Experten sehen die Ursache in der veralteten Infrastruktur.",
    "Rund {n3} Haushalte waren ohne Strom.",
]
RU_PLACES = ["Твери", "Костроме", "Вологде", "Рязани", "Пскове", "Калуге", "Иванове", "Орле"]
RU_PEOPLE = ["главы МЧС Ивана Сорокина", "мэра Анны Беловой", "губернатора Олега Тихонова", "врача Марии Зуевой"]
RU_VERBS = ["пострадали", "были эвакуированы", "остались без крова", "получили помощь"]
RU_ORGS = ["«Северный путь»", "«Волга-Энерго»", "«Русская медь»"]
JA_PLACES = ["青森市", "松江市", "高知市", "長野市", "福井市", "秋田市", "宮崎市", "鳥取市"]
JA_PEOPLE = ["田中一郎", "佐藤花子", "鈴木健", "高橋美咲", "中村誠"]
JA_EVENTS = ["大雨による土砂崩れ", "列車の脱線事故", "工場の火災", "橋の崩落", "ガス爆発"]
JA_ORGS = ["北日本電力", "東邦鉄道", "大和化学"]
DE_EVENTS = ["Zugunglück", "Hochwasser", "Brand in einer Fabrik", "Brückeneinsturz", "Sturm"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
OUTLETS = [
    "Global Wire", "Harbour Herald", "Midland Courier", "Evening Ledger", "Coastline News", "Daily Aggregate",
    "Northern Post", "Valley Times", "Metro Digest", "Continental Review", "Newsroll", "Hub Reader",
]  # fmt: skip
SPELLING_UK_US = [
    ("organisation", "organization"), ("criticised", "criticized"), ("neighbouring", "neighboring"),
    ("labour", "labor"), ("centre", "center"), ("recognised", "recognized"), ("programme", "program"),
    ("travelled", "traveled"), ("defence", "defense"), ("analysed", "analyzed"), ("catalogue", "catalog"),
    ("metres", "meters"), ("favour", "favor"), ("modernisation", "modernization"),
]  # fmt: skip
EDITS = [("said", "stated"), ("about", "around"), ("more than", "over"), ("began", "started"), ("help", "aid")]


def _fill(template: str, facts: dict[str, str]) -> str:
    return template.format(**facts)


# Names are drawn from combinations, as a country's many towns and people are.
_STEMS = [
    "Var",
    "Tal",
    "Ost",
    "Mer",
    "Kes",
    "Dun",
    "Cas",
    "Hol",
    "Ard",
    "Lin",
    "Ebb",
    "Cal",
    "Sor",
    "Quil",
    "Tam",
    "Red",
    "Cold",
    "Pel",
    "Iron",
    "Mar",
    "Est",
    "Fen",
    "Old",
    "Rav",
]
_ENDS = [
    "enbrook",
    "ford",
    "mouth",
    "wick",
    "holt",
    "bury",
    "stead",
    "ton",
    "by",
    "field",
    "haven",
    "moor",
    "gate",
    "ley",
]
_FIRST = [
    "Mara",
    "Tomas",
    "Ilse",
    "Desmond",
    "Priya",
    "Oskar",
    "Halima",
    "Ruben",
    "Agnes",
    "Kwame",
    "Lidia",
    "Jonas",
    "Noor",
    "Samuel",
    "Wen",
    "Elena",
    "Farid",
    "Beatrix",
    "Callum",
    "Yusuf",
    "Ines",
    "Marek",
    "Solveig",
    "Tariq",
    "Anouk",
    "Bruno",
    "Greta",
    "Idris",
    "Lena",
    "Matteo",
    "Nadia",
    "Pavel",
    "Rosa",
    "Sven",
    "Talia",
    "Viktor",
]
_LAST = [
    "Oduya",
    "Brandl",
    "Varga",
    "Achterberg",
    "Lanke",
    "Feld",
    "Serrat",
    "Castaldi",
    "Moravec",
    "Ansel",
    "Ferreira",
    "Ekdahl",
    "Haddadi",
    "Okonkwo",
    "Reid",
    "Demir",
    "Holm",
    "Rusk",
    "Qasemi",
    "Tao",
    "Lindqvist",
    "Marchetti",
    "Novak",
    "Osei",
    "Petrov",
    "Quintero",
    "Saarinen",
    "Tanaka",
    "Ulloa",
    "Weber",
]
_SECTORS = ["Rail", "Mining", "Energy", "Bank", "Foods", "Telecom", "Steel", "Pharma", "Water", "Air"]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _facts(rng: random.Random, day: datetime) -> dict[str, str]:
    place, place2 = (rng.choice(_STEMS) + rng.choice(_ENDS) for _ in range(2))
    return {
        "place": place, "place2": place2, "person": _name(rng),
        "org": f"{rng.choice(_STEMS)}{rng.choice(_ENDS)} {rng.choice(_SECTORS)}",
        "n": str(rng.randint(3, 90)), "n2": f"{rng.randint(2, 40)},{rng.randint(100, 999)}",
        "n3": f"{rng.randint(1, 30)},{rng.randint(100, 999)}", "n4": str(rng.randint(1, 9)),
        "m": str(rng.randint(2, 9)), "k": str(rng.randint(2, 9)), "money": str(rng.randint(12, 950)),
        "day": WEEKDAYS[day.weekday() % 5], "weekday": rng.choice(WEEKDAYS), "month": rng.choice(["March", "June", "October"]),
        "year": str(rng.randint(1990, 2019)),
        "place_ru": rng.choice(RU_PLACES), "person_ru": rng.choice(RU_PEOPLE), "verb_ru": rng.choice(RU_VERBS),
        "org_ru": rng.choice(RU_ORGS), "weekday_ru": rng.choice(["понедельник", "среду", "пятницу"]),
        "place_ja": rng.choice(JA_PLACES), "person_ja": rng.choice(JA_PEOPLE), "event_ja": rng.choice(JA_EVENTS),
        "org_ja": rng.choice(JA_ORGS), "day_ja": f"{day.month}月{day.day}日",
        "weekday_de": rng.choice(["Montag", "Mittwoch", "Freitag"]), "event_de": rng.choice(DE_EVENTS),
    }  # fmt: skip


class Article:
    """An original: language, headline, paragraphs (lists of sentences), facts, dateline."""

    def __init__(self, aid: str, lang: str, title: str, paragraphs: list[list[str]], facts: dict[str, str]):
        self.aid, self.lang, self.title, self.paragraphs, self.facts = aid, lang, title, paragraphs, facts


# Each article words the shared sentence frames its own way (its own choices, kept for the
# whole article): different stories built from one bank then share little of their wording,
# as different stories do, while a copy keeps the article's wording.
VARIANTS = {
    "en": {
        "said": ["said", "stated", "told reporters", "announced", "confirmed"], "officials": ["officials", "authorities",
        "local officials", "regional officials"], "residents": ["residents", "locals", "inhabitants", "people living nearby"],
        "about": ["about", "roughly", "some", "nearly"], "company": ["company", "firm", "group", "operator"],
        "expected": ["expected", "forecast", "predicted", "anticipated"], "warned": ["warned", "cautioned", "said"],
        "the night": ["the night", "the dark hours", "the early morning"], "more than": ["more than", "over", "upwards of"],
        "district": ["district", "area", "province", "county"], "government": ["government", "administration", "cabinet"],
        "early": ["early", "morning", "opening"], "would": ["would", "will", "could"], "highest": ["highest", "greatest", "top"],
        "closed": ["closed", "shut", "blocked"], "first": ["first", "initial", "earliest"], "main": ["main", "principal", "key"],
        "workers": ["workers", "employees", "staff"], "week": ["week", "few days", "coming days"], "began": ["began", "started"],
        "people": ["people", "persons", "individuals"], "months": ["months", "weeks", "a long spell"],
        "investigators": ["investigators", "inspectors", "experts"], "sharply": ["sharply", "strongly", "steeply"],
    },
    "ru": {"сообщили": ["сообщили", "рассказали", "заявили"], "власти": ["власти", "чиновники", "администрация"],
           "ситуация": ["ситуация", "обстановка", "положение"], "всю ночь": ["всю ночь", "до утра", "без перерыва"],
           "Жители": ["Жители", "Горожане", "Местные жители"], "района": ["района", "округа", "города"],
           "проверку": ["проверку", "расследование"], "новых": ["новых", "сильных", "продолжительных"]},
    "de": {"teilten": ["teilten", "erklärten"], "Behörden": ["Behörden", "Beamten", "Verantwortlichen"],
           "Anwohner": ["Anwohner", "Bewohner", "Bürger"], "ganze Nacht": ["ganze Nacht", "bis zum Morgen"],
           "kritisierten": ["kritisierten", "bemängelten", "beklagten"], "warnten": ["warnten", "rieten"],
           "Landkreis": ["Landkreis", "Bezirk", "Kreis"], "weiteren": ["weiteren", "neuen", "schweren"]},
    "ja": {"地元当局": ["地元当局", "市当局", "関係者"], "救助活動": ["救助活動", "捜索活動", "復旧作業"],
           "住民": ["住民", "市民", "地域住民"], "警察": ["警察", "県警", "捜査当局"], "詳しく": ["詳しく", "慎重に"],
           "専門家": ["専門家", "有識者", "関係者"], "停電": ["停電", "断水"], "発表": ["発表", "明らかに"]},
}  # fmt: skip
OPENERS = {
    "en": ["On {weekday}, ", "In {place}, ", "According to {person}, ", "By {weekday} evening, ", "Locally, ", ""],
    "ru": ["В {weekday_ru} ", "По данным {person_ru}, ", "Как сообщается, ", ""],
    "de": ["Am {weekday_de} ", "Laut {person}", "In {place} ", ""],
    "ja": ["{day_ja}、", "{place_ja}では、", ""],
}


def _reword(rng: random.Random, lang: str, facts: dict[str, str], sentences: list[str]) -> list[str]:
    """The article's own wording of the bank's frames (see ``VARIANTS``), some with an opener."""
    choice = {word: rng.choice(options) for word, options in VARIANTS[lang].items()}
    out = []
    for i, sentence in enumerate(sentences):
        for word, chosen in choice.items():
            sentence = sentence.replace(word, chosen)
        opener = rng.choice(OPENERS[lang]).format(**facts) if i and lang in ("en", "ja") else ""
        if opener and lang == "en":
            lowered = (
                sentence[0].lower() + sentence[1:] if sentence.split()[0] in ("The", "It", "A", "Four") else sentence
            )
            sentence = opener + lowered
        elif opener:
            sentence = opener + sentence
        out.append(sentence)
    return out


# Sentences of fresh facts, several choices each: what makes one story's text its own.
GRAMMAR = {
    "en": "{who} {said} that {n} {noun} {had} {verb} {where} {when}.",
    "ru": "{who} {said}, что {n} {noun} {verb} {where}.",
    "de": "{who} {said}, {n} {noun} seien {where} {verb} worden.",
    "ja": "{who}氏によると、{where}では{n}{noun}が{verb}。",
}
CHOICES = {
    "en": {"said": ["said", "told reporters", "confirmed", "estimated", "insisted"],
           "noun": ["homes", "vehicles", "shops", "schools", "farms", "bridges", "warehouses", "clinics", "boats"],
           "had": ["had been", "were"], "verb": ["damaged", "inspected", "evacuated", "repaired", "closed", "cleared"],
           "where": ["in {place}", "near {place2}", "across the {place} valley", "along the {place2} road"],
           "when": ["by {weekday}", "since {weekday}", "within hours", "overnight", "before noon", "so far"]},
    "ru": {"said": ["сообщил", "уточнил", "заявил", "подтвердил"],
           "noun": ["домов", "машин", "магазинов", "школ", "ферм", "мостов", "складов"],
           "verb": ["были повреждены", "были осмотрены", "были эвакуированы", "отремонтированы", "закрыты"],
           "where": ["в {place_ru}", "недалеко от города", "в окрестностях {place_ru}", "на окраине"]},
    "de": {"said": ["sagte", "erklärte", "bestätigte", "schätzte"],
           "noun": ["Häuser", "Fahrzeuge", "Geschäfte", "Schulen", "Höfe", "Brücken", "Lager"],
           "verb": ["beschädigt", "geräumt", "überprüft", "repariert", "gesperrt"],
           "where": ["in {place}", "bei {place2}", "rund um {place}", "im Umland"]},
    "ja": {"noun": ["棟の住宅", "台の車両", "軒の店舗", "校の学校", "か所の農場", "本の橋", "棟の倉庫"],
           "verb": ["被害を受けた", "点検された", "閉鎖された", "修理された", "避難対象となった"],
           "where": ["{place_ja}", "{place_ja}周辺", "市内", "沿岸部"]},
}  # fmt: skip
WHO = {"en": PEOPLE, "de": PEOPLE, "ru": ["Иван Сорокин", "Анна Белова", "Олег Тихонов", "Мария Зуева", "Пётр Громов"],
       "ja": JA_PEOPLE}  # fmt: skip


def _fresh(rng: random.Random, lang: str, facts: dict[str, str]) -> str:
    """A sentence of fresh facts (``GRAMMAR``)."""
    parts = {k: rng.choice(v).format(**facts) for k, v in CHOICES[lang].items()}
    who = _name(rng) if lang in ("en", "de") else rng.choice(WHO[lang])
    return GRAMMAR[lang].format(who=who, n=rng.randint(3, 400), **parts)


def _compose(rng: random.Random, lang: str, facts: dict[str, str], topic: str) -> list[list[str]]:
    bank = TOPICS[topic] if lang == "en" else {"ru": RU, "ja": JA, "de": DE}[lang]
    picked = [_fill(t, facts) for t in [bank[0], *rng.sample(bank[1:], rng.randint(2, 4))]]
    fresh = [_fresh(rng, lang, facts) for _ in range(rng.randint(3, 5))]
    body = picked[1:] + fresh
    rng.shuffle(body)
    sentences = _reword(rng, lang, facts, [picked[0], *body])
    cut = sorted(rng.sample(range(1, len(sentences)), 2))
    return [sentences[: cut[0]], sentences[cut[0] : cut[1]], sentences[cut[1] :]]


def originals(rng: random.Random) -> list[Article]:
    out = []
    langs = ["en"] * 130 + ["ru"] * 30 + ["ja"] * 30 + ["de"] * 30
    for i, lang in enumerate(langs):
        day = datetime(2026, 3, 2, tzinfo=UTC) + timedelta(hours=7 * i)
        facts = _facts(rng, day)
        topic = list(TOPICS)[i % len(TOPICS)]
        paragraphs = _compose(rng, lang, facts, topic)
        title = {
            "en": f"{facts['place']}: {topic_title(topic, facts)}",
            "ru": f"В {facts['place_ru']} {facts['verb_ru']} {facts['n']} человек",
            "ja": f"{facts['place_ja']}で{facts['event_ja']}　{facts['n']}人けが",
            "de": f"{facts['event_de']} in {facts['place']}: {facts['n']} Verletzte",
        }[lang]
        out.append(Article(f"a{i:03d}", lang, title, paragraphs, facts | {"topic": topic, "when": day.isoformat()}))
    return out


def topic_title(topic: str, f: dict[str, str]) -> str:
    return {
        "flood": f"{f['n']} families leave homes as river bursts banks",
        "mine": f"rescuers reach {f['n']} trapped miners at {f['org']} pit",
        "rates": "central bank raises rates again as inflation stays high",
        "strike": f"{f['org']} workers strike over pay",
        "court": f"court clears {f['org']} merger with conditions",
        "wildfire": f"wildfire forces {f['n3']} residents to flee",
        "rail": f"{f['n']} hurt as {f['org']} train derails",
        "results": f"{f['org']} profit beats forecasts",
    }[topic]


DATELINES = [
    "{PLACE}, {mon} {d} (Global Wire) - ",
    "{PLACE} — ",
    "{PLACE} (Global Wire) – ",
    "{Place}, {mon}. {d} (GW) - ",
]
BYLINES = [
    "By {person} | World Desk",
    "By {person}, Global Wire",
    "Authored by {person} via Newsletter,",
    "By {person}",
]
MARKERS = ["… Read More", " […]", " Continue reading", " The post {title} appeared first on Daily Aggregate."]


def _dateline(article: Article, n: int) -> str:
    if article.lang != "en":
        return {"ru": "МОСКВА, 3 марта. /ГВ/. ", "ja": "【東京共同】", "de": "BERLIN (dpa) - "}[article.lang]
    day = datetime.fromisoformat(article.facts["when"])
    place = article.facts["place"]
    return DATELINES[n % 4].format(PLACE=place.upper(), Place=place, mon=day.strftime("%b"), d=day.day)


def html(paragraphs: list[list[str]], glue: str = "\n") -> str:
    return glue.join(f"<p>{escape(' '.join(p), quote=False)}</p>" for p in paragraphs)


def row(
    article: Article, rid: str, outlet: str, title: str, body: str, when: datetime, **labels: str
) -> dict[str, str]:
    slug = outlet.lower().replace(" ", "-")
    return {
        "id": rid, "outlet": outlet, "feed": slug, "title": title,
        "link": f"https://{slug}.example/{when:%Y/%m/%d}/{rid}?utm_source=feed", "guid": f"{slug}-{rid}",
        "published": when.isoformat(), "summary": body if len(body) < 400 else body[:300], "content": body,
        "lang": article.lang,
    } | labels  # fmt: skip


TRANSFORMS = [
    "dateline_removed", "byline", "glued_html", "glued_plain", "entities", "truncation_marker", "spelling",
    "trimmed_tail", "new_headline", "word_edits", "summary_only", "new_first_sentence", "aggregator",
    "regional_rewrite", "wire_update", "syndicated",
]  # fmt: skip


def transform(rng: random.Random, a: Article, name: str, n: int) -> tuple[str, str]:
    """(title, body) of a copy of ``a`` by ``name``; the original carries its dateline."""
    paras = [list(p) for p in a.paragraphs]
    title, dateline = a.title, _dateline(a, n)
    byline = ""
    glue, plain, marker = "\n", False, ""
    if name in ("trimmed_tail", "regional_rewrite", "syndicated"):
        flat = [(i, s) for i, p in enumerate(paras) for s in p]
        keep = max(2, round(len(flat) * (1 - rng.uniform(0.1, 0.4))))
        paras = [[s for i2, s in flat[:keep] if i2 == i] for i in range(3)]
        paras = [p for p in paras if p]
    if name in ("new_first_sentence", "regional_rewrite"):
        f = a.facts
        paras[0][0] = {
            "en": f"Authorities in {f['place']} were dealing with the aftermath on {f['weekday']}, local media reported.",
            "ru": f"Власти {f['place_ru']} продолжают ликвидировать последствия, пишут местные СМИ.",
            "ja": f"{f['place_ja']}では{f['day_ja']}、関係機関が対応に追われた。",
            "de": f"Die Behörden in {f['place']} waren am {f['weekday_de']} mit den Folgen beschäftigt.",
        }[a.lang]
        dateline = ""
    if name in ("dateline_removed", "aggregator"):
        dateline = ""
    if name in ("byline", "aggregator", "syndicated"):
        byline = BYLINES[n % 4].format(person=_name(rng))
    if name in ("spelling", "aggregator") and a.lang == "en":
        paras = [[_spell(s) for s in p] for p in paras]
    if name in ("word_edits", "syndicated"):
        paras = [[_edit(rng, s) for s in p] for p in paras]
    if name in ("glued_html", "aggregator"):
        glue = ""
    if name == "glued_plain":
        plain = True
    if name in ("truncation_marker", "aggregator"):
        marker = MARKERS[n % 4].format(title=a.title)
    if name == "summary_only":
        paras = paras[:1]
    if name == "wire_update":
        f = a.facts
        update = {
            "en": f"UPDATE: Officials in {f['place']} raised the number of people affected to {int(f['n']) + 7}.",
            "ru": f"ОБНОВЛЕНО: число пострадавших выросло до {int(f['n']) + 7}.",
            "ja": f"【更新】けが人は{int(f['n']) + 7}人に増えた。",
            "de": f"AKTUALISIERT: Die Zahl der Verletzten stieg auf {int(f['n']) + 7}.",
        }[a.lang]
        paras = [[update], *paras]
    if name in ("new_headline", "syndicated", "regional_rewrite", "aggregator"):
        words = a.title.replace(":", "").split()
        kept = " ".join(words[1:3]) if a.lang != "ja" else a.title[:4]
        title = f"{rng.choice(['Latest:', 'Watch:', 'Breaking', 'Region'])} {kept} {rng.choice(['update', 'news', 'today'])}"
    if name == "entities":
        paras = [[s.replace("'", "’") for s in p] for p in paras]
        body = html([[dateline + paras[0][0], *paras[0][1:]], *paras[1:]]).replace("’", "&amp;#8217;")
        return title, body.replace(",", "&#44;", 2)
    first = [dateline + paras[0][0], *paras[0][1:]]
    paras = [first, *paras[1:]]
    if plain:
        return title, "".join(" ".join(p) for p in paras)  # "…the river.The next…": paragraphs glued
    body = html(paras, glue) + (escape(marker) if marker else "")
    if byline:
        body = f"<p>{escape(byline)}</p>{glue}" + body
    if name == "syndicated":
        body += "\n<p>Copyright 2026 Global Wire. All rights reserved.</p>"
    return title, body


def _spell(sentence: str) -> str:
    for uk, us in SPELLING_UK_US:
        sentence = sentence.replace(uk, us)
    return sentence


def _edit(rng: random.Random, sentence: str) -> str:
    words = sentence.split()
    for i in range(len(words)):
        if rng.random() < 0.02 and words[i].isalpha() and len(words[i]) > 3:
            w = words[i]
            words[i] = w[0] + w[2] + w[1] + w[3:]  # a transposed-letter typo
    out = " ".join(words)
    for old, new in EDITS:
        if rng.random() < 0.3 and f" {old} " in out:
            return out.replace(f" {old} ", f" {new} ", 1)
    return out


def rows(seed: int = SEED) -> Iterator[dict[str, str]]:
    """Every row of the catalogue, in publication order (ids in that order)."""
    rng = random.Random(seed)
    arts = originals(rng)
    out: list[tuple[datetime, dict[str, str]]] = []
    n = 0
    for i, a in enumerate(arts):
        when = datetime.fromisoformat(a.facts["when"])
        story, event = f"s-{a.aid}", f"e-{a.aid}"
        out.append(
            (
                when,
                row(
                    a,
                    a.aid,
                    "Global Wire",
                    a.title,
                    html([[_dateline(a, i) + a.paragraphs[0][0], *a.paragraphs[0][1:]], *a.paragraphs[1:]]),
                    when,
                    story=story,
                    event=event,
                    transform="original",
                    against="",
                ),
            )
        )
        for k in range(1 + (i % 2)):
            name = TRANSFORMS[n % len(TRANSFORMS)]
            title, body = transform(rng, a, name, n)
            outlet = OUTLETS[1 + n % (len(OUTLETS) - 1)]
            later = when + timedelta(minutes=20 + 37 * k + rng.randint(0, 240))
            out.append(
                (
                    later,
                    row(
                        a,
                        f"{a.aid}-c{k}",
                        outlet,
                        title,
                        body,
                        later,
                        story=story,
                        event=event,
                        transform=name,
                        against=a.aid,
                    ),
                )
            )
            n += 1
        out.extend(_negatives(rng, a, arts, i, when))
    out.sort(key=lambda pair: pair[0])
    for _, r in out:
        yield r


def _negatives(
    rng: random.Random, a: Article, arts: list[Article], i: int, when: datetime
) -> list[tuple[datetime, dict[str, str]]]:
    """Hard negatives around original ``i``: every fourth original gets one kind, in turn."""
    if i % 4:
        return []
    kind = ["independent_report", "follow_up", "round_up", "press_release_pair"][(i // 4) % 4]
    at = when + timedelta(hours=2 + rng.randint(0, 5))
    labels = {"transform": kind, "against": a.aid}
    if kind == "independent_report":  # same facts, the outlet's own sentences
        paras = _compose(rng, a.lang, a.facts, a.facts["topic"])
        paras[0][0] = _opening("independent", a)
        title = a.title.split(":")[0] + (" – reports" if a.lang != "ja" else "　続報")
        return [
            (
                at,
                row(
                    a,
                    f"{a.aid}-ind",
                    "Valley Times",
                    title,
                    html(paras),
                    at,
                    story=f"s-{a.aid}-ind",
                    event=f"e-{a.aid}",
                    **labels,
                ),
            )
        ]
    if kind == "follow_up":  # next day, same outlet, the same people and place, new facts
        at = when + timedelta(hours=26)
        paras = _compose(rng, a.lang, a.facts | {"n": str(int(a.facts["n"]) + 11), "money": "77"}, a.facts["topic"])
        paras[0][0] = _opening("follow", a)
        return [
            (
                at,
                row(
                    a,
                    f"{a.aid}-fup",
                    "Global Wire",
                    a.title + " (day two)",
                    html(paras),
                    at,
                    story=f"s-{a.aid}-fup",
                    event=f"e-{a.aid}-next",  # the desk's next development: another event (README round 67)
                    **labels,
                ),
            )
        ]
    if kind == "round_up":  # a round-up quoting one sentence of three stories
        quoted = [arts[j] for j in (i, (i + 1) % len(arts), (i + 2) % len(arts)) if arts[j].lang == a.lang][:3]
        intro = {
            "en": "Here is what happened this week.",
            "ru": "Главное за неделю.",
            "ja": "今週の主なニュース。",
            "de": "Das Wichtigste der Woche.",
        }[a.lang]
        paras = [[intro]] + [[q.paragraphs[1][0]] for q in quoted]
        at = when + timedelta(hours=30)
        return [
            (
                at,
                row(
                    a,
                    f"{a.aid}-rnd",
                    "Metro Digest",
                    "The week in review",
                    html(paras),
                    at,
                    story=f"s-{a.aid}-rnd",
                    event=f"e-{a.aid}-rnd",
                    **labels,
                ),
            )
        ]
    # Two stories from one release: both quote the same two sentences, the rest their own.
    facts = _facts(rng, at)  # the release's own facts: another happening than the original's
    bank = GENERIC if a.lang == "en" else {"ru": RU, "ja": JA, "de": DE}[a.lang][1:]
    release = [_fill(t, facts) for t in rng.sample(bank, 2)]
    pair = []
    for k, outlet in enumerate(("Evening Ledger", "Northern Post")):
        paras = _compose(rng, a.lang, facts | {"person": _name(rng)}, list(TOPICS)[(i + 3 + k) % len(TOPICS)])
        paras[1] = release + paras[1]
        t = at + timedelta(minutes=30 * k)
        pair.append(
            (
                t,
                row(
                    a,
                    f"{a.aid}-pr{k}",
                    outlet,
                    f"Release {k}: {a.title}",
                    html(paras),
                    t,
                    story=f"s-{a.aid}-pr{k}",
                    event=f"e-{a.aid}-pr",
                    **labels,
                ),
            )
        )
    return pair


# First sentences of the hard negatives: another outlet's own report, the next day's follow-up.
OPENINGS = {
    "independent": {
        "en": "Our correspondent in {place} describes a tense day as {n} people were affected.",
        "ru": "Наш корреспондент в {place_ru} сообщает о {n} пострадавших.",
        "ja": "{place_ja}の現場から、{n}人が被害を受けたと伝えられた。",
        "de": "Unser Korrespondent in {place} berichtet von {n} Betroffenen.",
    },
    "follow": {
        "en": "A day after the events in {place}, officials began counting the cost.",
        "ru": "На следующий день после событий в {place_ru} власти подсчитывают ущерб.",
        "ja": "{place_ja}での出来事から一夜明け、被害の全容が明らかになりつつある。",
        "de": "Einen Tag nach den Ereignissen in {place} ziehen die Behörden Bilanz.",
    },
}


def _opening(kind: str, a: Article) -> str:
    return OPENINGS[kind][a.lang].format(**a.facts)


if __name__ == "__main__":
    for r in rows():
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
