"""A second, independent workload: a newsroom's day of feeds, with the truth about its copies.

``benchmarks/workload.py`` writes text from random syllables; the dedup and rule code was
tuned on its output. This generator shares no code, vocabulary or seed stream with it, so
code tuned on one is measured honestly on the other. It writes news-like text from its
own word lists and sentence shapes: named people, places and organisations, numbers,
dates, quotes; a few feeds in Spanish and German.

At full size (``Spec()``): 200 feeds × 50 entries, about 25 MB, RSS 2.0 and Atom. Half the
feeds are summary-only (a 70–110-word plain or HTML summary), half carry a 30–45-word
teaser and the whole article, ~3 kB of HTML, in ``content:encoded`` or Atom
``<content type="html">``. A few feeds are wire services, carrying wire stories as
written. 20 % of all entries are *copies* of a wire story in another outlet: a new
headline keeping 2–3 of the original's words, a byline (``By NAME | Desk`` or
``By NAME, AGENCY``) and/or a dateline (``CITY, Mon D (Agency) -``, kept, reshaped or
stripped), 10–40 % of the tail trimmed, ~2 % of the words edited (spelling, synonyms,
dropped words), boilerplate (``Subscribe to our newsletter``, ``Read more``), a new
GUID and a link with ``utm_*`` parameters on the outlet's host.

Ground truth: every item knows its story (``wire:N`` for a wire story and its copies,
``own:F:S`` for an outlet's own story). ``expected_pairs`` gives the (rule, story) pairs
the monitor should alert on exactly once each, see its docstring.

Cycles: as in workload.py, cycle 0 is the cold state; in each later cycle a share of the
feeds (``changed``) gains ``new_per_change`` entries. A feed's bytes depend only on how
many entries it has gained, so a feed that did not change serves the same bytes as in
the cycle before (``bodies``, ``unchanged``): what a server that ignores conditional GET
resends.

Rules: ``rule_files`` / ``write_rules`` write ``count`` (50) rules in the project's YAML
syntax (any/all/none, phrases, wildcards, near, fields, aliases, fuzzy, regex), each
matching a few percent of the stories.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from functools import cache
from html import escape
from pathlib import Path

# --- the world the news is about ------------------------------------------------------------------------
# fmt: off

# (city, country, Spanish name, German name)
CITIES = (
    ("Lisbon", "Portugal", "Lisboa", "Lissabon"),
    ("Porto", "Portugal", "Oporto", "Porto"),
    ("Rotterdam", "the Netherlands", "Róterdam", "Rotterdam"),
    ("Utrecht", "the Netherlands", "Utrecht", "Utrecht"),
    ("Antwerp", "Belgium", "Amberes", "Antwerpen"),
    ("Ghent", "Belgium", "Gante", "Gent"),
    ("Gdansk", "Poland", "Gdansk", "Danzig"),
    ("Krakow", "Poland", "Cracovia", "Krakau"),
    ("Valencia", "Spain", "Valencia", "Valencia"),
    ("Seville", "Spain", "Sevilla", "Sevilla"),
    ("Bilbao", "Spain", "Bilbao", "Bilbao"),
    ("Marseille", "France", "Marsella", "Marseille"),
    ("Lyon", "France", "Lyon", "Lyon"),
    ("Hamburg", "Germany", "Hamburgo", "Hamburg"),
    ("Leipzig", "Germany", "Leipzig", "Leipzig"),
    ("Bergen", "Norway", "Bergen", "Bergen"),
    ("Tallinn", "Estonia", "Tallin", "Tallinn"),
    ("Riga", "Latvia", "Riga", "Riga"),
    ("Vilnius", "Lithuania", "Vilna", "Vilnius"),
    ("Graz", "Austria", "Graz", "Graz"),
    ("Brno", "the Czech Republic", "Brno", "Brünn"),
    ("Cluj", "Romania", "Cluj", "Klausenburg"),
    ("Thessaloniki", "Greece", "Tesalónica", "Thessaloniki"),
    ("Izmir", "Turkey", "Esmirna", "Izmir"),
    ("Casablanca", "Morocco", "Casablanca", "Casablanca"),
    ("Accra", "Ghana", "Acra", "Accra"),
    ("Dakar", "Senegal", "Dakar", "Dakar"),
    ("Mombasa", "Kenya", "Mombasa", "Mombasa"),
    ("Durban", "South Africa", "Durban", "Durban"),
    ("Montevideo", "Uruguay", "Montevideo", "Montevideo"),
    ("Valparaiso", "Chile", "Valparaíso", "Valparaíso"),
    ("Cordoba", "Argentina", "Córdoba", "Córdoba"),
    ("Medellin", "Colombia", "Medellín", "Medellín"),
    ("Busan", "South Korea", "Busan", "Busan"),
    ("Cebu", "the Philippines", "Cebú", "Cebu"),
    ("Da Nang", "Vietnam", "Da Nang", "Da Nang"),
    ("Penang", "Malaysia", "Penang", "Penang"),
    ("Perth", "Australia", "Perth", "Perth"),
    ("Auckland", "New Zealand", "Auckland", "Auckland"),
    ("Halifax", "Canada", "Halifax", "Halifax"),
    ("Winnipeg", "Canada", "Winnipeg", "Winnipeg"),
    ("Tucson", "the United States", "Tucson", "Tucson"),
    ("Reykjavik", "Iceland", "Reikiavik", "Reykjavík"),
    ("Aarhus", "Denmark", "Aarhus", "Aarhus"),
    ("Turku", "Finland", "Turku", "Turku"),
)
FIRST = (  # noqa: SIM905 - a word list
    "Ana Tomas Ingrid Kwame Mei Rafael Sofia Lars Amara Leila Joao Hanne Pieter Nadia Emeka Carmen Olga Mateo "
    "Priya Henrik Fatima Lucas Zofia Tariq Elena Bruno Ayesha Jonas Marta Kofi Isabel Anders Chiara Viktor Noor "
    "Diego Astrid Samuel Helena Oskar Ines Malik Greta Ruben Yara Felix Lina Teodor"
).split()
LAST = (  # noqa: SIM905 - a word list
    "Varga Okafor Lindqvist Moreau Costa Novak Haddad Jensen Mensah Kowalski Ferreira Brandt Osei Alvarez Dubois "
    "Eriksen Pereira Nowak Castillo Hoffmann Adeyemi Rasmussen Santos Vidal Kruger Aksoy Lopes Wojcik Bianchi "
    "Halvorsen Mwangi Delgado Sorensen Petrescu Fischer Ibarra Nkemelu Tamm Ozols Kazlauskas Marchetti Quintero "
    "Sandoval Holm Achterberg Vasquez Boateng Lehmann Duarte Okonkwo Strand Ramos Virtanen Nielsen Papadakis "
    "Abara Berglund Carvalho Dimitrov Esposito Fonseca Gallo Horvath Ivanova Jovanovic Kaya Laine Mazur Nyberg "
    "Ortega Pinto Quaye Rossi Sepp Toth Urbano Valente Wolff Yilmaz Zeller Appiah Bakker Correia Danso Engel "
    "Farkas Gomes Hakala Iversen Janssen Kamara Lund Molina Nardi Owusu Peeters Rinaldi Salo Teixeira Vogel"
).split()
AGENCIES = (
    ("Meridian Press", "Meridian"),
    ("Northstar Wire", "Northstar"),
    ("Continental News Service", "CNS"),
    ("Atlas Newswire", "Atlas"),
    ("Harbourline Press", "Harbourline"),
)
OUTLET_NOUNS = (  # noqa: SIM905 - a word list
    "Courier Herald Ledger Post Gazette Observer Tribune Dispatch Chronicle Record Journal Times Review Standard "
    "Bulletin Sentinel Examiner Mercury Register Daily"
).split()
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip

# A desk: what its stories are about. Subjects are things, metrics are measured, actions are done to subjects.
DESKS: dict[str, dict[str, tuple[str, ...]]] = {
    "transport": {
        "subjects": ("the harbour tunnel", "the new tram line", "night trains", "the airport expansion",
                     "the coastal motorway", "ferry services", "bus fares", "the high-speed rail link",
                     "the cargo terminal", "cycle lanes"),
        "metrics": ("passenger numbers", "ticket prices", "freight volumes", "journey times", "delays"),
        "orgs": ("Ferro Rail", "Kestrel Airlines", "the port authority", "the transport ministry",
                 "Bluewater Ferries", "the rail workers' union"),
        "roles": ("transport minister", "head of the port authority", "rail union leader", "city transport chief"),
        "actions": ("approved", "delayed", "scrapped", "expanded", "suspended", "reopened", "redesigned"),
    },
    "energy": {
        "subjects": ("the offshore wind farm", "the solar park", "the gas-fired power station", "battery storage",
                     "the grid upgrade", "household power bills", "the hydrogen plant", "heat pumps",
                     "the subsea cable", "the coal phase-out"),
        "metrics": ("wholesale power prices", "electricity demand", "output", "emissions", "capacity"),
        "orgs": ("Northgate Energy", "Lumen Grid", "Brightwater Utilities", "the energy regulator",
                 "Solvik Renewables", "the climate agency"),
        "roles": ("energy minister", "chief executive of Northgate Energy", "head of the energy regulator",
                  "climate envoy"),
        "actions": ("approved", "connected", "halted", "commissioned", "blocked", "auctioned", "mothballed"),
    },
    "courts": {
        "subjects": ("the bribery case", "the extradition request", "the data-protection fine", "the appeal",
                     "the class action", "the fraud trial", "the antitrust complaint", "the defamation suit",
                     "the land dispute", "the whistleblower case"),
        "metrics": ("damages", "legal costs", "the fine", "the backlog of cases", "sentences"),
        "orgs": ("the supreme court", "the public prosecutor's office", "the competition authority",
                 "the bar association", "the appeals court", "the data-protection office"),
        "roles": ("chief prosecutor", "presiding judge", "defence lawyer", "justice minister"),
        "actions": ("upheld", "overturned", "dismissed", "adjourned", "referred", "settled", "reopened"),
    },
    "economy": {
        "subjects": ("the merger", "consumer prices", "the pension reform", "the housing market", "mortgage rates",
                     "the minimum wage", "the export figures", "the bank levy", "the takeover bid",
                     "the sovereign wealth fund"),
        "metrics": ("inflation", "unemployment", "growth", "house prices", "retail sales", "the trade deficit"),
        "orgs": ("the central bank", "Orla Bank", "Tessaro Motors", "Stenmark Steel", "the statistics office",
                 "Pinecrest Insurance", "Halvorsen Shipping"),
        "roles": ("finance minister", "central bank governor", "chief economist at Orla Bank",
                  "chief executive of Tessaro Motors"),
        "actions": ("announced", "revised", "approved", "rejected", "postponed", "cut", "raised"),
    },
    "health": {
        "subjects": ("the measles outbreak", "hospital waiting lists", "the nurses' pay deal", "the new cancer drug",
                     "the vaccination campaign", "the maternity ward closures", "drug shortages",
                     "the mental-health service", "the air-quality warning", "the tobacco ban"),
        "metrics": ("waiting times", "admissions", "case numbers", "staff shortages", "prescription costs"),
        "orgs": ("the health ministry", "Aldana Pharma", "the nurses' union", "the medicines agency",
                 "St Brendan's Hospital", "the public health institute"),
        "roles": ("health minister", "chief medical officer", "head of the nurses' union",
                  "epidemiologist at the public health institute"),
        "actions": ("approved", "extended", "suspended", "expanded", "recalled", "funded", "delayed"),
    },
    "technology": {
        "subjects": ("the data breach", "the ransomware attack", "the chip factory", "the satellite launch",
                     "the age-verification law", "the 5G auction", "the AI chatbot", "the fibre roll-out",
                     "the payment outage", "the app store rules"),
        "metrics": ("subscribers", "downloads", "revenue", "outages", "data requests"),
        "orgs": ("Corvid Systems", "Vireo Telecom", "Quill Media", "the cyber-security agency",
                 "the telecoms regulator", "Parallax Semiconductors"),
        "roles": ("digital minister", "chief executive of Corvid Systems", "head of the cyber-security agency",
                  "security researcher"),
        "actions": ("disclosed", "launched", "fined", "patched", "blocked", "delayed", "acquired"),
    },
    "weather": {
        "subjects": ("the heatwave", "the storm", "the wildfire", "the flash floods", "the landslide",
                     "the cold snap", "the dry spell", "the hailstorm", "the coastal erosion", "the snowfall"),
        "metrics": ("rainfall", "temperatures", "river levels", "wind speeds", "insured losses"),
        "orgs": ("the national weather service", "the civil protection agency", "the fire brigade",
                 "the coastguard", "the red cross", "the environment ministry"),
        "roles": ("head of civil protection", "chief meteorologist", "regional governor", "fire chief"),
        "actions": ("hit", "battered", "swept through", "flooded", "damaged", "cut off", "threatened"),
    },
    "politics": {
        "subjects": ("the coalition talks", "the no-confidence vote", "the spending plan", "the electoral reform",
                     "the regional ballot", "the asylum bill", "the defence review", "the lobbying scandal",
                     "the constitutional amendment", "the snap poll"),
        "metrics": ("turnout", "approval ratings", "the polls", "voter registration", "the deficit"),
        "orgs": ("the governing coalition", "the opposition", "the senate", "the regional assembly",
                 "the electoral commission", "the Green Alliance"),
        "roles": ("prime minister", "opposition leader", "speaker of the assembly", "interior minister"),
        "actions": ("backed", "blocked", "passed", "withdrew", "delayed", "amended", "rejected"),
    },
    "labour": {
        "subjects": ("the dockers' walkout", "the teachers' pay claim", "the four-day week trial",
                     "the pension age", "the factory closure", "the collective agreement", "the gig-worker law",
                     "the hiring freeze", "the overtime ban", "the job cuts"),
        "metrics": ("wages", "job vacancies", "working hours", "union membership", "redundancies"),
        "orgs": ("the dockworkers' union", "the teachers' federation", "the employers' association",
                 "Stenmark Steel", "Tessaro Motors", "the labour inspectorate"),
        "roles": ("labour minister", "union general secretary", "head of the employers' association",
                  "shop steward"),
        "actions": ("called off", "announced", "extended", "rejected", "accepted", "suspended", "escalated"),
    },
    "agriculture": {
        "subjects": ("the olive harvest", "the fishing quota", "the fertiliser subsidy", "the dairy prices",
                     "the bird flu cull", "the irrigation plan", "the cocoa crop", "the grape harvest",
                     "the farm protests", "the water rationing"),
        "metrics": ("yields", "farm incomes", "export volumes", "feed costs", "catches"),
        "orgs": ("the farmers' union", "Bellamy Foods", "the agriculture ministry", "the fisheries council",
                 "the water board", "Verdant Cooperative"),
        "roles": ("agriculture minister", "head of the farmers' union", "fisheries commissioner", "winemaker"),
        "actions": ("cut", "raised", "approved", "suspended", "extended", "ruined", "rescued"),
    },
}
GOOD_WORDS = ("rose", "climbed", "jumped", "increased", "edged up")
BAD_WORDS = ("fell", "dropped", "slipped", "declined", "slumped")
SOURCES = ("officials", "the ministry", "local media", "two people familiar with the matter", "the company",
           "police", "a government spokesperson", "the regulator", "court documents", "the union")
AUDIENCES = ("reporters", "lawmakers", "a news conference", "local radio", "a parliamentary committee",
             "shareholders", "a crowd of supporters", "the public broadcaster")
PROCESSES = ("negotiations", "public hearings", "legal wrangling", "consultations", "protests", "delays",
             "political deadlock", "technical studies")
EXCHANGES = ("Hamburg", "Lisbon", "Tallinn", "Auckland", "Busan")
QUOTES = (
    "This is not the end of the matter",
    "We were never consulted, and we will not accept it",
    "The numbers speak for themselves",
    "We have to act now, before it is too late",
    "Nobody expected it to happen this quickly",
    "It is a good day for the people of {place}",
    "We are studying the decision carefully",
    "The costs keep going up and families are paying the price",
    "There is no plan B",
    "We asked for dialogue and got silence",
    "This will take years, not months",
    "Our priority is the safety of residents",
)

# Copy edits: spelling pairs both ways, synonyms, and words an editor drops.
SPELLING = {
    "harbour": "harbor", "labour": "labor", "defence": "defense", "programme": "program", "centre": "center",
    "fertiliser": "fertilizer", "organisation": "organization", "criticised": "criticized", "favour": "favor",
    "cancelled": "canceled", "travelling": "traveling", "licence": "license", "recognised": "recognized",
}  # fmt: skip
SPELLING |= {us: uk for uk, us in SPELLING.items()}
SYNONYMS = {
    "said": "says", "says": "said", "told": "informed", "about": "around", "announced": "unveiled",
    "expected": "likely", "rose": "increased", "fell": "declined", "big": "large", "plan": "proposal",
    "people": "residents", "officials": "authorities", "cut": "reduced", "government": "administration",
    "week": "weekend", "company": "firm", "began": "started", "also": "additionally", "warned": "cautioned",
}  # fmt: skip
DROPPABLE = {"the", "also", "now", "still", "about", "already", "further"}

BOILERPLATE_END = (
    "Subscribe to our newsletter for the day's top stories.",
    "Read more",
    "Read more: {other}",
    "Continue reading on {outlet}.",
    "This story was first published by {agency}.",
    "Sign up for breaking news alerts.",
    "© {year} {agency}. All rights reserved.",
    "Follow us for updates on this story.",
)
BOILERPLATE_START = ("Advertisement", "Listen to this article", "Updated {time}")


# fmt: on

# --- text -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: str
    desk: str

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@cache
def cast(seed: int) -> tuple[Person, ...]:
    """The people the news is about, each with a role on one desk (about 12 per desk)."""
    rng = random.Random(f"newsroom:cast:{seed}")
    names = [f"{f} {s}" for f in FIRST for s in LAST]
    rng.shuffle(names)
    surnames: set[str] = set()
    people = []
    for name in names:
        if name.split()[-1] in surnames:
            continue  # one person per surname: "Varga said" names one person
        surnames.add(name.split()[-1])
        desk = list(DESKS)[len(people) % len(DESKS)]
        people.append(Person(name, rng.choice(DESKS[desk]["roles"]), desk))
        if len(people) == 100:
            break
    return tuple(people)


@cache
def reporters(seed: int) -> tuple[str, ...]:
    rng = random.Random(f"newsroom:reporters:{seed}")
    return tuple(f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(120))


@dataclass(frozen=True, slots=True)
class Article:
    """A story as its first outlet wrote it: plain text in blocks (``p``, ``h2``, ``quote``)."""

    title: str
    blocks: tuple[tuple[str, str], ...]
    desk: str
    city: str
    lang: str
    key_phrases: tuple[str, ...]  # names and subjects as the headline has them, in its order

    @property
    def text(self) -> str:
        return "\n\n".join(text for _, text in self.blocks)


_STOP = frozenset(("a", "an", "the", "of", "in", "on", "at", "to", "for", "as", "and", "or", "but", "by", "with",
                   "after", "over", "from", "is", "are", "be", "its", "it", "this", "that", "what", "why", "how",
                   "new"))  # fmt: skip


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _money(rng: random.Random) -> str:
    unit = rng.choice(("€", "$", "£"))
    if rng.random() < 0.5:
        return f"{unit}{rng.randint(2, 950)} million"
    return f"{unit}{rng.randint(1, 40)}.{rng.randint(1, 9)} billion"


def _percent(rng: random.Random) -> str:
    value = f"{rng.randint(1, 38)}.{rng.randint(0, 9)}" if rng.random() < 0.6 else str(rng.randint(2, 60))
    return f"{value}%" if rng.random() < 0.5 else f"{value} per cent"


@cache
def _parts(template: str) -> tuple[str, ...]:
    """A template split into literal text and slot names, alternately."""
    return tuple(re.split(r"\{(\w+)\}", template))


_KEY_SLOTS = frozenset(("place", "country", "surname", "org", "org2", "subject", "subject2", "metric", "company"))


class _Writer:
    """Writes one English story; every sentence draws on the story's own facts, so it reads as one piece."""

    def __init__(self, rng: random.Random, seed: int, desk: str, when: datetime):
        self.rng = rng
        self.desk = desk
        self.d = DESKS[desk]
        self.city, self.country, *_ = rng.choice(CITIES)
        self.city2, self.country2, *_ = rng.choice(CITIES)
        people = [p for p in cast(seed) if p.desk == desk]
        others = [p for p in cast(seed) if p.desk != desk]
        self.people = rng.sample(people, 2) + rng.sample(others, 1)
        self.named: set[str] = set()
        self.subject = rng.choice(self.d["subjects"])
        self.org, self.org2 = rng.sample(self.d["orgs"], 2)
        self.when = when
        self.year = when.year
        self.deck: list[str] = []
        self.recorded: list[str] | None = None
        self.headline_phrases: tuple[str, ...] = ()

    def fill(self, template: str, cap: bool = True) -> str:
        parts = _parts(template)
        text = "".join(self.slot(p) if i % 2 else p for i, p in enumerate(parts))
        return _cap(text) if cap else text

    def person(self, index: int = 0) -> str:
        p = self.people[index]
        if p.name in self.named:
            return p.surname
        self.named.add(p.name)
        return f"{p.name}, {'the ' if not p.role.startswith(('chief ', 'head ')) else ''}{p.role},"

    def slot(self, name: str) -> str:
        text = self._slot(name)
        if self.recorded is not None and name in _KEY_SLOTS:
            self.recorded.append(text)
        return text

    def _slot(self, name: str) -> str:
        r, d = self.rng, self.d
        match name:
            case "person":
                return self.person(0)
            case "person2":
                return self.person(r.choice((1, 2)))
            case "surname":
                first = self.people[0]
                if first.name in self.named:
                    return first.surname
                self.named.add(first.name)
                return first.name if self.recorded is None else first.surname
            case "place":
                return self.city
            case "place2":
                return self.city2
            case "country":
                return self.country
            case "subject":
                return self.subject
            case "subject2":
                return r.choice(d["subjects"])
            case "metric":
                return r.choice(d["metrics"])
            case "org":
                return self.org
            case "org2":
                return self.org2
            case "action":
                return r.choice(d["actions"])
            case "trend":
                return r.choice(GOOD_WORDS + BAD_WORDS)
            case "percent":
                return _percent(r)
            case "money":
                return _money(r)
            case "count":
                return f"{r.randint(12, 9800):,}"
            case "small":
                return r.choice(("two", "three", "four", "five", "six", "seven", "nine", "11", "14", "23"))
            case "year":
                return str(self.year + r.randint(1, 9))
            case "pastyear":
                return str(self.year - r.randint(1, 15))
            case "weekday":
                return WEEKDAYS[(self.when.weekday() - r.randint(0, 2)) % 7]
            case "date":
                day = self.when + timedelta(days=r.randint(2, 60))
                return f"{MONTHS[day.month - 1]} {day.day}"
            case "source":
                return r.choice(SOURCES)
            case "audience":
                return r.choice(AUDIENCES)
            case "process":
                return r.choice(PROCESSES)
            case "exchange":
                return r.choice(EXCHANGES)
            case "quote":
                return r.choice(QUOTES).replace("{place}", self.city)
            case "period":
                return r.choice(("the first quarter", "the past year", "October", "the summer", "the last month",
                                 "the three months to June", "the week"))  # fmt: skip
            case "company":
                return r.choice([o for o in d["orgs"] if o[:1].isupper()] or ["Orla Bank"])
            case "bank":
                return r.choice(("Orla Bank", "Harrow & Finch", "Castell Capital", "Northmoor Securities"))
            case "verdict":
                return r.choice(("premature", "a betrayal", "long overdue", "reckless", "a step in the right direction",
                                 "unacceptable", "a relief", "a disgrace", "sensible"))  # fmt: skip
            case "ordinal":
                return r.choice(("second", "third", "fourth", "fifth"))
            case "month":
                return r.choice(MONTHS)
            case "moved":
                return r.choice(("risen", "fallen", "doubled", "halved", "stalled"))
            case "clause":
                return self.fill(r.choice(CLAUSES), cap=False)
            case _:
                raise KeyError(name)

    def lede(self) -> str:
        return self.fill(self.rng.choice(LEDES))

    def sentence(self) -> str:
        """The next sentence shape from the story's own shuffled deck: no shape twice before all were used."""
        if not self.deck:
            self.deck = list(SENTENCES)
            self.rng.shuffle(self.deck)
        return self.fill(self.deck.pop())

    def headline(self) -> str:
        self.recorded = []
        title = self.fill(self.rng.choice(HEADLINES))
        self.recorded, self.headline_phrases = None, tuple(self.recorded)
        return title

    def key_phrases(self, title: str) -> tuple[str, ...]:
        """The names, subjects and measures the headline was made of, in its order."""
        return tuple(p.removeprefix("the ") for p in self.headline_phrases if p.lower() in title.lower())


LEDES = (
    "{org} {action} {subject} in {place} on {weekday}, a move {source} said would affect {count} people.",
    "{person} said on {weekday} that {clause}.",
    "{subject} will cost {money} more than planned, {org} said on {weekday}, the latest setback for {place}.",
    "{metric} in {country} {trend} {percent} in {period}, {org} said on {weekday}, as {subject} weighed on {place}.",
    "Hundreds of people gathered in {place} on {weekday} over {subject}, after {org} {action} the plans.",
    "A {place} court on {weekday} {action} a challenge to {subject} brought by {org}.",
    "{org} and {org2} reached a deal on {subject} late on {weekday}, ending {small} months of {process}.",
    "The future of {subject} in {place} was in doubt on {weekday} after {org2} said it would not pay its share.",
    "{org} has {action} {subject} in {place}, ending {process} that began in {pastyear}.",
    "Plans for {subject} in {place} suffered a blow on {weekday} when {org2} withdrew its support.",
    "{person} resigned on {weekday} over {subject}, the latest twist in a row that has gripped {country}.",
)
SENTENCES = (
    "{person} said on {weekday} that {clause}.",
    "“{quote},” {person2} told {audience} in {place}.",
    "{org} said {metric} {trend} {percent} in {period}.",
    "The decision follows {small} months of {process} over {subject}.",
    "It was not immediately clear whether {clause}.",
    "About {count} people were affected, according to {source}.",
    "Under the plan, {subject} would be {action} by {year}, at a cost of {money}.",
    "Critics, including {org2}, argue that {clause}.",
    "{place} has debated {subject} since {pastyear}.",
    "{person2} is expected to meet officials in {place2} on {date}.",
    "Shares in {company} {trend} {percent} in {exchange} trading.",
    "{org2} is due to decide on {subject2} on {date}.",
    "According to {source}, {clause}.",
    "A spokesperson for {org2} declined to comment.",
    "About {percent} of the total is down to {metric}, {source} figures show.",
    "Talks between {org} and {org2} resumed on {weekday}.",
    "No injuries were reported.",
    "The vote passed by {small} votes.",
    "{surname}, who took office in {pastyear}, has made {subject2} a priority.",
    "What happens next depends on {org2}, analysts say.",
    "{money} has already been spent on {subject}, {source} said.",
    "In {place2}, {subject2} was {action} last year after similar complaints.",
    "“{quote},” said {person2}.",
    "The figures compare with a year earlier, when {metric} had {moved}.",
    "Residents of {place} have until {date} to respond.",
    "{org} said it had {action} {subject2} and would publish details by {date}.",
    "The plan, first floated in {pastyear}, drew {count} objections during the consultation.",
    "{person2} called the move “{verdict}”.",
    "Opposition parties demanded an inquiry into {subject}.",
    "{org} has set aside {money} to cover the costs.",
    "Several hundred people marched through central {place} on {weekday} evening.",
    "Officials in {place2} are watching closely, as they face a similar decision over {subject2}.",
    "The announcement caught many in {place} by surprise.",
    "{metric} {trend} for a {ordinal} straight month.",
    "Police said {small} people were detained.",
    "{org2} did not respond to a request for comment.",
    "The ruling can be challenged within {small} weeks.",
    "{person2} said the figures showed that {clause}.",
    "Last year, {org2} paid {money} to settle a similar dispute.",
    "A report by {org2} published in {month} found that {clause}.",
    "{company} employs about {count} people in {country}.",
    "Asked whether {clause}, {surname} said: “{quote}.”",
    "The {ordinal} phase is scheduled to begin in {month} {year}.",
    "Environmental groups have threatened legal action over {subject}.",
    "{surname} is due to travel to {place2} next week.",
    "The measure still needs the approval of {org2}.",
    "Local businesses say {metric} have already {moved}.",
    "{count} people have signed a petition against {subject}.",
    "Engineers warned in {pastyear} that {subject2} would need repairs costing {money}.",
    "The dispute has strained relations between {place} and {place2}.",
    "It is the {ordinal} time this year that {org} has {action} such a plan.",
    "“{quote},” {surname} wrote on social media.",
    "Analysts at {bank} expect {metric} to stabilise by {year}.",
)
CLAUSES = (
    "{subject} would be {action} before {year}",
    "{org} had underestimated the cost of {subject}",
    "{metric} would keep falling until {year}",
    "{count} jobs in {place} were at risk",
    "the government would cover {money} of the bill",
    "{org2} had been warned about {subject2} as early as {pastyear}",
    "the plan for {subject} in {place} was never properly costed",
    "{metric} in {country} had {trend} {percent} since {pastyear}",
)
HEADLINES = (
    "{place} {action} {subject} as {metric} {trend}",
    "{org} {action} {subject} in {place}",
    "{surname} defends {subject} after {org2} criticism",
    "{country} {metric} {trend} {percent} amid {subject2} row",
    "{subject} in {place} to cost {money}, says {org}",
    "{count} affected as {subject} is {action} in {place}",
    "{place} braces for {subject} as {org2} digs in",
    "{surname} quits over {subject}",
)

# Copy headlines: new words around 2-3 words kept from the original.
COPY_HEADLINES = (
    "{a} and {b}: what we know so far",
    "What {b} means for {a}",
    "{a}: fresh row over {b}",
    "Officials weigh next step on {a} and {b}",
    "{a} in focus after {b} news",
    "Explainer: {a}, {b}",
    "Latest: {a} and {b}",
    "{b} prompts questions in {a}",
    "{a}, {b} — the key points",
    "Inside the {a} {b} saga",
)


# Spanish and German outlets write their own stories; a few shapes each.
FOREIGN = {
    "es": {
        "headlines": ("{org} aprueba {subject} en {place}", "{place}: {count} afectados por {subject}",
                      "{surname} defiende {subject} tras las críticas"),
        "sentences": ("{person} dijo el {weekday} que {subject} costará {money}.",
                      "Según {source}, unas {count} personas se verán afectadas en {place}.",
                      "«{quote}», declaró {surname} ante la prensa.",
                      "{org} anunció que {subject} estará listo en {year}.",
                      "La decisión llega tras {small} meses de negociaciones en {place}.",
                      "Los precios subieron un {percent} en {period}, según {source}.",
                      "La oposición criticó el plan y pidió una investigación."),
        "subjects": ("el nuevo tranvía", "la ampliación del puerto", "la reforma de las pensiones",
                     "el parque eólico", "la subida del alquiler", "la huelga de estibadores"),
        "orgs": ("el ayuntamiento", "el Gobierno regional", "el sindicato de estibadores", "Ferro Rail"),
        "sources": ("fuentes oficiales", "la prensa local", "el ministerio"),
        "quotes": ("No vamos a aceptarlo", "Es una buena noticia para la ciudad", "Hay que actuar ya"),
        "weekdays": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
        "periods": ("el primer trimestre", "el último año", "octubre"),
        "numbers": ("dos", "tres", "cuatro", "seis", "once"),
    },
    "de": {
        "headlines": ("{org} genehmigt {subject} in {place}", "{place}: {count} Menschen von {subject} betroffen",
                      "{surname} verteidigt {subject} nach Kritik"),
        "sentences": ("{person} sagte am {weekday}, {subject} werde {money} kosten.",
                      "Nach offiziellen Angaben sind in {place} rund {count} Menschen betroffen.",
                      "„{quote}“, sagte {surname} vor Journalisten.",
                      "{org} kündigte an, {subject} solle bis {year} fertig sein.",
                      "Die Entscheidung folgt auf {small} Monate Verhandlungen in {place}.",
                      "Die Preise stiegen im {period} um {percent}, teilte {source} mit.",
                      "Die Opposition kritisierte den Plan und forderte eine Untersuchung."),
        "subjects": ("die neue Straßenbahn", "der Hafenausbau", "die Rentenreform", "der Windpark",
                     "die Mieterhöhung", "der Streik der Hafenarbeiter"),
        "orgs": ("die Stadtverwaltung", "die Landesregierung", "die Gewerkschaft", "Ferro Rail"),
        "sources": ("das Ministerium", "die Polizei", "die Stadtverwaltung"),
        "quotes": ("Das werden wir nicht hinnehmen", "Das ist eine gute Nachricht für die Stadt",
                   "Wir müssen jetzt handeln"),
        "weekdays": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
        "periods": ("ersten Quartal", "vergangenen Jahr", "Oktober"),
        "numbers": ("zwei", "drei", "vier", "sechs", "elf"),
    },
}  # fmt: skip


def _foreign(rng: random.Random, seed: int, lang: str, when: datetime, words: int) -> Article:
    v = FOREIGN[lang]
    city = rng.choice(CITIES)
    place = city[2] if lang == "es" else city[3]
    person = rng.choice(cast(seed))
    subject, org = rng.choice(v["subjects"]), rng.choice(v["orgs"])
    named = [False]

    def slot(m: re.Match[str]) -> str:
        match m.group(1):
            case "person":
                first, named[0] = not named[0], True
                return person.name if first else person.surname
            case "surname":
                return person.surname
            case "place":
                return place
            case "subject":
                return subject
            case "org":
                return org
            case "money":
                return _money(rng).replace("million", "millones" if lang == "es" else "Millionen")
            case "count":
                return f"{rng.randint(12, 9800):,}".replace(",", ".")
            case "year":
                return str(when.year + rng.randint(1, 6))
            case "weekday":
                return rng.choice(v["weekdays"])
            case "source":
                return rng.choice(v["sources"])
            case "quote":
                return rng.choice(v["quotes"])
            case "small":
                return rng.choice(v["numbers"])
            case "period":
                return rng.choice(v["periods"])
            case "percent":
                return f"{rng.randint(1, 30)},{rng.randint(0, 9)} %"
        raise KeyError(m.group(1))

    def fill(template: str) -> str:
        return _cap(re.sub(r"\{(\w+)\}", slot, template))

    title = fill(rng.choice(v["headlines"]))
    blocks, total = [], 0
    while total < words:
        text = " ".join(fill(rng.choice(v["sentences"])) for _ in range(rng.randint(1, 3)))
        blocks.append(("p", text))
        total += len(text.split())
    return Article(title, tuple(blocks), "foreign", city[0], lang, ())


def write_story(seed: int, story_id: str, desk: str, when: datetime, words: int, lang: str = "en") -> Article:
    """One story, ``words`` words long or a little more: the same text for the same arguments."""
    rng = random.Random(f"newsroom:story:{seed}:{story_id}")
    if lang != "en":
        return _foreign(rng, seed, lang, when, words)
    w = _Writer(rng, seed, desk, when)
    title = w.headline()
    blocks: list[tuple[str, str]] = [("p", w.lede())]
    total = len(blocks[0][1].split())
    while total < words:
        roll = rng.random()
        if roll < 0.06 and len(blocks) > 3:
            text, kind = _cap(rng.choice(("what happens next", "background", "reaction", "the cost", "timeline"))), "h2"
        elif roll < 0.12:
            text, kind = f"“{w.slot('quote')},” {w.person(rng.choice((0, 1, 2)))} said.", "quote"
        else:
            text, kind = " ".join(w.sentence() for _ in range(rng.choice((1, 1, 2, 2, 3)))), "p"
        text = text.replace(",, ", ", ").replace(",.", ".").replace(", said.", " said.")
        blocks.append((kind, text))
        total += len(text.split())
    blocks = [(k, t.replace(",, ", ", ").replace(",.", ".").replace(",,", ",")) for k, t in blocks]
    return Article(title, tuple(blocks), desk, w.city, "en", w.key_phrases(title))


# --- feeds, items and copies ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Spec:
    """What to generate. ``now`` (epoch seconds) anchors every date: the same value gives the same bytes."""

    seed: int = 8
    feeds: int = 200
    entries: int = 50
    now: int = 1_750_000_000
    copies: float = 0.20  # share of all entries that are copies of a wire story in another outlet
    full_share: float = 0.5  # feeds with teaser + full article (the others: summary only)
    atom_share: float = 0.45
    wire_share: float = 0.02  # feeds that are wire services (at least one)
    foreign_share: float = 0.08  # feeds in Spanish or German (their own stories only)
    changed: float = 0.10  # share of feeds with new entries in each later cycle
    new_per_change: int = 3
    article_words: int = 470  # about 3 kB of HTML


@dataclass(frozen=True, slots=True)
class Outlet:
    number: int
    name: str
    host: str
    kind: str  # "wire", "en", "es", "de"
    atom: bool
    full: bool
    html_summary: bool
    glued: bool  # writes </p><p> with nothing between blocks
    entities: bool  # writes typographic quotes as named entities
    minutes: int  # between two entries
    offset: int  # the time zone of its dates, in hours
    guid_style: int
    agency: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Item:
    """One entry as published, with the plain text the monitor should read from it and the truth about it."""

    guid: str
    link: str
    title: str
    summary: str  # as published: plain text or HTML
    summary_html: bool
    content_html: str  # "" for summary-only outlets
    author: str
    tags: tuple[str, ...]
    published: datetime
    lang: str
    story: str  # "wire:N" (a wire story, its original and its copies) or "own:F:S"
    copy: bool
    text_title: str
    text_summary: str
    text_content: str


def _slug(text: str, words: int = 7) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())[:words])


class Newsroom:
    """The feeds, same interface as ``workload.Workload``: paths, names, content types, documents per cycle."""

    STORY_MINUTES = 4  # a wire story every 4 minutes

    def __init__(self, spec: Spec):
        self.spec = spec
        rng = random.Random(f"newsroom:outlets:{spec.seed}")
        n = spec.feeds
        wires = max(1, round(n * spec.wire_share))
        foreign = round(n * spec.foreign_share) if n > wires + 2 else 0
        order = list(range(n))
        rng.shuffle(order)
        kinds = ["en"] * n
        for i in order[:wires]:
            kinds[i] = "wire"
        for j, i in enumerate(order[wires : wires + foreign]):
            kinds[i] = ("es", "de")[j % 2]
        full = set(random.Random(f"newsroom:full:{spec.seed}").sample(range(n), n // 2 if n > 1 else 0))
        self.outlets: list[Outlet] = []
        used: set[str] = set()
        for i in range(n):
            city = rng.choice(CITIES)
            if kinds[i] == "wire":
                agency = AGENCIES[order.index(i) % len(AGENCIES)]
                name = agency[0] if order.index(i) < len(AGENCIES) else f"{agency[0]} {city[0]}"
            else:
                agency = None
                name = f"The {city[0]} {rng.choice(OUTLET_NOUNS)}"
            while name in used:
                name = f"{name} {rng.choice(('Online', 'Weekly', 'Today', 'Express', 'Extra', '24'))}"
            used.add(name)
            self.outlets.append(
                Outlet(
                    number=i,
                    name=name,
                    host=f"{_slug(name, 5).replace('-', '')}-{i}.example",
                    kind=kinds[i],
                    atom=rng.random() < spec.atom_share,
                    full=i in full,
                    html_summary=rng.random() < 0.6,
                    glued=rng.random() < 0.4,
                    entities=rng.random() < 0.3,
                    minutes=rng.randint(12, 30) if kinds[i] != "wire" else 0,
                    offset=rng.choice((0, 0, 0, 1, 2, -5, 9)),
                    guid_style=rng.randrange(4),
                    agency=agency,
                )
            )
        self.wires = [o.number for o in self.outlets if o.kind == "wire"]
        english = sum(o.kind == "en" for o in self.outlets) * spec.entries
        self.copy_chance = min(0.9, spec.copies * n * spec.entries / english) if english else 0.0
        self._items: dict[tuple[int, int], Item] = {}

    # -- the workload.Workload interface (serve.py, harness.py) --

    def path(self, feed: int) -> str:
        return f"/news/{feed:04d}.{'atom' if self.outlets[feed].atom else 'rss'}"

    def paths(self) -> list[str]:
        return [self.path(i) for i in range(self.spec.feeds)]

    def name(self, feed: int) -> str:
        return self.outlets[feed].name

    def content_type(self, feed: int) -> str:
        return "application/atom+xml" if self.outlets[feed].atom else "application/rss+xml"

    def new_entries(self, feed: int, cycle: int) -> int:
        """How many entries ``feed`` has gained by ``cycle`` (0 on the cold cycle)."""
        rng = random.Random(f"newsroom:cycles:{self.spec.seed}:{feed}")
        return sum(self.spec.new_per_change for _ in range(cycle) if rng.random() < self.spec.changed)

    def changed(self, feed: int, cycle: int) -> bool:
        return cycle > 0 and self.new_entries(feed, cycle) != self.new_entries(feed, cycle - 1)

    def document(self, feed: int, cycle: int = 0) -> bytes:
        """The feed's bytes in ``cycle``: a function of how many entries it has gained, nothing else."""
        render = _atom if self.outlets[feed].atom else _rss
        return render(self.outlets[feed], self.items(feed, cycle)).encode()

    # -- cycles --

    def bodies(self, cycle: int) -> dict[str, bytes]:
        """Every feed's bytes in ``cycle``. A feed that did not change serves the bytes of cycle - 1, unchanged:
        what a server ignoring conditional GET resends."""
        return {self.path(f): self.document(f, cycle) for f in range(self.spec.feeds)}

    def unchanged(self, cycle: int) -> list[int]:
        """The feeds whose bytes in ``cycle`` are those of ``cycle - 1``."""
        return [f for f in range(self.spec.feeds) if not self.changed(f, cycle)]

    def slots(self, feed: int, cycle: int = 0) -> range:
        """The slots a feed's document holds in ``cycle``, oldest first."""
        top = self.spec.entries + self.new_entries(feed, cycle)
        return range(top - self.spec.entries, top)

    def items(self, feed: int, cycle: int = 0) -> list[Item]:
        """The items of a feed's document in ``cycle``, newest first."""
        return [self.item(feed, slot) for slot in reversed(self.slots(feed, cycle))]

    def new_items(self, cycle: int) -> Iterator[Item]:
        """The items first served in ``cycle`` (all of them for cycle 0)."""
        for feed in range(self.spec.feeds):
            before = set(self.slots(feed, cycle - 1)) if cycle > 0 else set()
            for slot in self.slots(feed, cycle):
                if slot not in before:
                    yield self.item(feed, slot)

    # -- items --

    def _time(self, feed: int, slot: int) -> datetime:
        """Slot times: the cold document spans the last ~36 hours (inside the monitor's 2-day backlog window)."""
        outlet = self.outlets[feed]
        if outlet.kind == "wire":
            return self._story_time(self._wire_story_of(feed, slot))
        back = (self.spec.entries + 20 - slot) * outlet.minutes * 60 + outlet.number * 7
        return datetime.fromtimestamp(self.spec.now - back, UTC)

    def _story_time(self, story: int) -> datetime:
        return datetime.fromtimestamp(self.spec.now - 26 * 3600 + story * self.STORY_MINUTES * 60, UTC)

    def _wire_story_of(self, feed: int, slot: int) -> int:
        """Wire feed w of W carries the stories numbered w mod W; its cold newest entry is ~4 hours old
        (later cycles add entries towards now)."""
        newest = (22 * 60) // self.STORY_MINUTES
        step = len(self.wires)
        return newest - (self.spec.entries - 1 - slot) * step + self.wires.index(feed) - step + 1

    def wire_story(self, number: int) -> Article:
        """A wire story as the agency wrote it (full text)."""
        return _wire_article(self.spec.seed, number, self._story_time(number), self.spec.article_words)

    def item(self, feed: int, slot: int) -> Item:
        if (feed, slot) not in self._items:
            self._items[feed, slot] = self._make(feed, slot)
        return self._items[feed, slot]

    def _make(self, feed: int, slot: int) -> Item:
        spec, outlet = self.spec, self.outlets[feed]
        rng = random.Random(f"newsroom:item:{spec.seed}:{feed}:{slot}")
        when = self._time(feed, slot)
        tags: tuple[str, ...]
        if outlet.kind == "wire":
            number = self._wire_story_of(feed, slot)
            article = self.wire_story(number)
            story, copy = f"wire:{number}", False
            title, blocks = article.title, list(article.blocks)
            author = f"{outlet.agency[0] if outlet.agency else outlet.name} staff"
            tags = (article.desk,)
        elif outlet.kind == "en" and rng.random() < self.copy_chance:
            # A wire story from the last 5-12 hours, carried by this outlet
            newest = int((when.timestamp() - 5 * 60 - (spec.now - 26 * 3600)) // (self.STORY_MINUTES * 60))
            number = newest - rng.randrange(0, 12 * 60 // self.STORY_MINUTES)
            article = self.wire_story(number)
            story, copy = f"wire:{number}", True
            other = self.wire_story(number - 1 - rng.randrange(30)).title
            title, blocks, author = _copy(rng, article, outlet, when, self.spec.seed, other)
            tags = (rng.choice((article.desk, "world", "wire", "news")),)
        else:
            desk = rng.choice(list(DESKS))
            words = spec.article_words if outlet.full else 120
            lang = outlet.kind if outlet.kind in FOREIGN else "en"
            article = write_story(spec.seed, f"own:{feed}:{slot}", desk, when, words, lang)
            story, copy = f"own:{feed}:{slot}", False
            title, blocks = article.title, list(article.blocks)
            author = rng.choice(reporters(spec.seed))
            tags = (article.desk,) if lang == "en" else ()
        return self._render_item(rng, outlet, slot, when, story, copy, title, blocks, author, tags, article.lang)

    def _render_item(
        self,
        rng: random.Random,
        outlet: Outlet,
        slot: int,
        when: datetime,
        story: str,
        copy: bool,
        title: str,
        blocks: list[tuple[str, str]],
        author: str,
        tags: tuple[str, ...],
        lang: str,
    ) -> Item:
        words = " ".join(t for k, t in blocks if k != "h2").split()
        if outlet.full:
            teaser = _cut(words, 30, rng.randint(30, 45))
            summary_text, content_text = teaser, "\n\n".join(t for _, t in blocks)
            content_html = _html(blocks, outlet, rng)
        else:
            summary_text, content_text = _cut(words, 70, rng.randint(70, 110)), ""
            if copy and rng.random() < 0.4:
                summary_text += " Read more"
            content_html = ""
        summary = (
            f"<p>{_inline(escape(summary_text, quote=False), outlet)}</p>" if outlet.html_summary else summary_text
        )
        section = tags[0] if tags else "news"
        link = f"https://{outlet.host}/{section}/{when:%Y/%m/%d}/{_slug(title)}-{slot}"
        if copy:
            link += f"?utm_source={rng.choice(('rss', 'feed', 'syndication'))}&utm_medium=referral" + (
                f"&utm_campaign=wire-{when:%m%d}" if rng.random() < 0.5 else ""
            )
        return Item(
            guid=_guid(outlet, slot, link, rng),
            link=link,
            title=title,
            summary=summary,
            summary_html=outlet.html_summary,
            content_html=content_html,
            author=author,
            tags=tags,
            published=when,
            lang=lang,
            story=story,
            copy=copy,
            text_title=title,
            text_summary=summary_text,
            text_content=content_text,
        )

    # -- truth --

    def truth(self, cycle: int = 0) -> dict[str, str]:
        """Entry key as the monitor stores it ("guid:" + GUID) -> story id, for every item served in ``cycle``."""
        return {"guid:" + item.guid: item.story for feed in range(self.spec.feeds) for item in self.items(feed, cycle)}


@cache
def _wire_article(seed: int, number: int, when: datetime, words: int) -> Article:
    rng = random.Random(f"newsroom:wire:{seed}:{number}")
    desk = rng.choice(list(DESKS))
    article = write_story(seed, f"wire:{number}", desk, when, words + 40)
    agency = AGENCIES[number % len(AGENCIES)][0]
    first_kind, first = article.blocks[0]
    dateline = f"{article.city.upper()}, {MONTHS[when.month - 1][:3]} {when.day} ({agency}) - "
    return Article(
        article.title, ((first_kind, dateline + first), *article.blocks[1:]), desk, article.city, "en",
        article.key_phrases,
    )  # fmt: skip


_DATELINE = re.compile(r"^([A-Z][A-Z .'-]+), (\w{3}) (\d+) \(([^)]+)\) - ")


def _copy(
    rng: random.Random, article: Article, outlet: Outlet, when: datetime, seed: int, other: str
) -> tuple[str, list[tuple[str, str]], str]:
    """An outlet's copy of a wire story: new headline, byline/dateline, trimmed, edited, boilerplate."""
    agency = _DATELINE.match(article.blocks[0][1])
    assert agency is not None
    city, agency_name = agency.group(1), agency.group(4)
    # Headline: 2-3 of the original's words in new surroundings.
    a, b = _kept(rng, article)
    original = {w.lower() for w in re.findall(r"[\w'’-]+", article.title)}
    for _ in range(20):
        frame = rng.choice(COPY_HEADLINES)
        extra = {w.lower() for w in re.findall(r"[\w'’-]+", frame.replace("{a}", "").replace("{b}", ""))}
        if not (extra & original):
            break
    title = _cap(frame.format(a=a, b=b))

    # Body: trim 10-40 % of the tail at a sentence end, then edit ~2 % of the words.
    blocks = [list(b) for b in article.blocks]
    total = sum(len(t.split()) for _, t in blocks)
    keep = total * (1 - rng.uniform(0.10, 0.40))
    kept_blocks, count = [], 0
    for kind, text in blocks:
        n = len(text.split())
        if count + n <= keep:
            kept_blocks.append([kind, text])
            count += n
            continue
        sentences = re.split(r"(?<=[.”])\s+(?=[“A-Z0-9€$£])", text)
        part = []
        for s in sentences:
            if count + len(s.split()) > keep:
                break
            part.append(s)
            count += len(s.split())
        if part and kind == "p":
            kept_blocks.append([kind, " ".join(part)])
        break
    blocks = kept_blocks
    for block in blocks:
        block[1] = _edit(rng, block[1])

    # Opening: the dateline kept, reshaped or stripped; a byline; at least one of the two.
    first = blocks[0][1]
    match_ = _DATELINE.match(first)
    lede = first[match_.end() :] if match_ else first
    roll = rng.random()
    byline = rng.random() < 0.6
    if roll < 0.5:
        opening = first
    elif roll < 0.75:
        opening = f"{city} — {lede}" if rng.random() < 0.5 else f"{city.title()} ({agency_name}) – {lede}"
    else:
        opening, byline = lede, True
    blocks[0][1] = opening
    writer = rng.choice(reporters(seed))
    if byline:
        desk = _cap(article.desk)
        line = f"By {writer} | {desk} Desk" if rng.random() < 0.5 else f"By {writer}, {agency_name}"
        if rng.random() < 0.5:
            blocks.insert(0, ["p", line])
        else:
            blocks[0][1] = f"{line} {blocks[0][1]}"
    # Boilerplate: one or two lines at the end, sometimes one at the start.
    ends = rng.sample(BOILERPLATE_END, rng.choice((1, 1, 2)))
    for line in ends:
        blocks.append(["p", line.format(other=other, outlet=outlet.name, agency=agency_name, year=when.year)])
    if rng.random() < 0.25:
        blocks.insert(0, ["p", rng.choice(BOILERPLATE_START).format(time=f"{when:%H:%M} GMT")])
    author = writer if byline else agency_name
    return title, [(k, t) for k, t in blocks], author


def _kept(rng: random.Random, article: Article) -> tuple[str, str]:
    """Two phrases of the original headline, 2-3 words in all (a phrase may be cut to its last words)."""
    variants = [[" ".join(p.split()[-n:]) for n in range(len(p.split()), 0, -1)] for p in article.key_phrases]
    options = [
        (x, y)
        for i, first in enumerate(variants)
        for second in variants[i + 1 :]
        for x in first
        for y in second
        if 2 <= len(x.split()) + len(y.split()) <= 3 and x.lower() not in y.lower() and y.lower() not in x.lower()
    ]
    if options:
        return rng.choice(options)
    words = [w for w in article.title.split() if w.lower() not in _STOP and w[:1].isalpha()]
    return words[0], words[-1]


def _edit(rng: random.Random, text: str) -> str:
    """About 2 % of the words edited: spelling flipped, a synonym, a word dropped."""
    out = []
    for word in text.split(" "):
        if rng.random() >= 0.02:
            out.append(word)
            continue
        bare = word.strip(".,;:“”\"'")
        lower = bare.lower()
        if lower in SPELLING:
            out.append(word.replace(bare, _same_case(bare, SPELLING[lower])))
        elif lower in SYNONYMS:
            out.append(word.replace(bare, _same_case(bare, SYNONYMS[lower])))
        elif lower in DROPPABLE and word == bare:
            continue
        elif word == bare and bare.isalpha() and bare.islower() and len(bare) > 3:
            out.append(rng.choice(("also", "now", "reportedly")) + " " + word)  # an inserted word
        else:
            out.append(word)
    return " ".join(out)


def _same_case(model: str, word: str) -> str:
    return word.capitalize() if model[:1].isupper() else word


def _cut(words: list[str], low: int, n: int) -> str:
    """The first ``n`` words, ended at a sentence end after ``low`` words when there is one, else with '…'."""
    if len(words) <= n:
        return " ".join(words)
    for end in range(n, low - 1, -1):
        if words[end - 1].endswith((".", "”")):
            return " ".join(words[:end])
    return " ".join(words[:n]) + "…"


def _inline(html: str, outlet: Outlet) -> str:
    if outlet.entities:
        html = html.replace("“", "&ldquo;").replace("”", "&rdquo;").replace("’", "&rsquo;")
    return html


def _html(blocks: list[tuple[str, str]], outlet: Outlet, rng: random.Random) -> str:
    """A full article's HTML: paragraphs, subheads, a blockquote, a link and bold names here and there."""
    parts = []
    for kind, text in blocks:
        body = _inline(escape(text, quote=False), outlet)
        if kind == "p" and rng.random() < 0.15:
            words = body.split(" ")
            i = rng.randrange(len(words))
            if words[i][:1].isupper() and words[i].isalpha():
                tag = rng.choice(("strong", "a", "em"))
                attr = f' href="https://{outlet.host}/topic/{words[i].lower()}"' if tag == "a" else ""
                words[i] = f"<{tag}{attr}>{words[i]}</{tag}>"
            body = " ".join(words)
        if kind == "h2":
            parts.append(f"<h2>{body}</h2>")
        elif kind == "quote":
            parts.append(f"<blockquote><p>{body}</p></blockquote>")
        else:
            parts.append(f"<p>{body}</p>")
    return ("" if outlet.glued else "\n").join(parts)


def _guid(outlet: Outlet, slot: int, link: str, rng: random.Random) -> str:
    token = f"{rng.getrandbits(48):012x}"
    return (
        f"https://{outlet.host}/?p={100000 + outlet.number * 1000 + slot}",
        f"tag:{outlet.host},2025:{token}",
        f"{outlet.host}-{token}",
        f"urn:uuid:{token[:8]}-{token[8:12]}-4{slot % 1000:03d}-8{outlet.number % 1000:03d}-{token}",
    )[outlet.guid_style]


def _date(when: datetime, outlet: Outlet) -> datetime:
    return when.astimezone(timezone(timedelta(hours=outlet.offset)))


def _rss(outlet: Outlet, items: list[Item]) -> str:
    newest = format_datetime(_date(items[0].published, outlet)) if items else ""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
        f"<channel><title>{escape(outlet.name)}</title><link>https://{outlet.host}/</link>",
        f"<description>News from {escape(outlet.name)}</description><language>{_lang(outlet)}</language>",
        f"<lastBuildDate>{newest}</lastBuildDate><generator>newsroom 1.0</generator>",
    ]
    for it in items:
        permalink = "true" if it.guid == it.link else "false"
        parts.append(
            f"<item><title>{escape(it.title)}</title><link>{escape(it.link)}</link>"
            f'<guid isPermaLink="{permalink}">{escape(it.guid)}</guid>'
            f"<pubDate>{format_datetime(_date(it.published, outlet))}</pubDate>"
            f"<dc:creator>{escape(it.author)}</dc:creator>"
            + "".join(f"<category>{escape(t)}</category>" for t in it.tags)
            + f"<description>{escape(it.summary)}</description>"
            + (f"<content:encoded><![CDATA[{it.content_html}]]></content:encoded>" if it.content_html else "")
            + "</item>"
        )
    parts.append("</channel></rss>\n")
    return "\n".join(parts)


def _atom(outlet: Outlet, items: list[Item]) -> str:
    newest = _date(items[0].published, outlet).isoformat() if items else "2025-01-01T00:00:00+00:00"
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{_lang(outlet)}">',
        f'<title>{escape(outlet.name)}</title><id>https://{outlet.host}/</id><link href="https://{outlet.host}/"/>'
        f'<link rel="self" href="https://{outlet.host}/feed.atom"/><updated>{newest}</updated>',
    ]
    for it in items:
        stamp = _date(it.published, outlet).isoformat()
        kind = "html" if it.summary_html else "text"
        parts.append(
            f'<entry><title type="text">{escape(it.title)}</title><link rel="alternate" href="{escape(it.link)}"/>'
            f"<id>{escape(it.guid)}</id><published>{stamp}</published><updated>{stamp}</updated>"
            f"<author><name>{escape(it.author)}</name></author>"
            + "".join(f'<category term="{escape(t)}"/>' for t in it.tags)
            + f'<summary type="{kind}">{escape(it.summary)}</summary>'
            + (f'<content type="html">{escape(it.content_html)}</content>' if it.content_html else "")
            + "</entry>"
        )
    parts.append("</feed>\n")
    return "\n".join(parts)


def _lang(outlet: Outlet) -> str:
    return outlet.kind if outlet.kind in FOREIGN else "en"


# --- rules and the expected alerts -------------------------------------------------------------------------

ALIASES = {
    "iberia": ["Lisbon", "Lisboa", "Lissabon", "Porto", "Oporto", "Valencia", "Seville", "Sevilla", "Bilbao",
               "Portugal", "Spain"],
    "low-countries": ["Rotterdam", "Róterdam", "Utrecht", "Antwerp", "Amberes", "Antwerpen", "Ghent", "Gent",
                      "Netherlands", "Belgium"],
    "baltics": ["Tallinn", "Riga", "Vilnius", "Estonia", "Latvia", "Lithuania", "Gdansk", "Danzig"],
    "latam": ["Montevideo", "Valparaiso", "Valparaíso", "Cordoba", "Córdoba", "Medellin", "Medellín",
              "Uruguay", "Chile", "Argentina", "Colombia"],
    "africa": ["Casablanca", "Accra", "Dakar", "Mombasa", "Durban", "Morocco", "Ghana", "Senegal", "Kenya",
               "South Africa"],
    "asia-pacific": ["Busan", "Cebu", "Da Nang", "Penang", "Perth", "Auckland", "South Korea", "Philippines",
                     "Vietnam", "Malaysia", "Australia", "New Zealand"],
    "nordics": ["Bergen", "Reykjavik", "Reykjavík", "Aarhus", "Turku", "Norway", "Iceland", "Denmark", "Finland"],
    "walkout": ["walkout", "strike*", "huelga", "Streik*", "overtime ban", "industrial action"],
}  # fmt: skip
DESK_TERMS = {
    "transport": ["tram", "ferry", "ferries", "rail*", "motorway", "airport", "cargo terminal", "Ferro Rail"],
    "energy": ["wind farm", "solar park", "power station", "grid", "hydrogen", "Northgate Energy", "Lumen Grid",
               "power prices", "Windpark", "parque eólico"],
    "courts": ["prosecutor*", "extradit*", "bribery", "fraud trial", "class action", "defamation", "antitrust",
               "whistleblower"],
    "economy": ["merger", "takeover", "central bank", "inflation", "mortgage*", "house prices", "bank levy"],
    "health": ["hospital*", "measles", "vaccin*", "nurses", "drug shortages", "Aldana Pharma", "medicines agency"],
    "technology": ["data breach", "ransomware", "chip factory", "satellite", "5G", "Corvid Systems",
                   "Vireo Telecom", "chatbot"],
    "weather": ["heatwave", "storm", "wildfire", "floods", "landslide", "civil protection", "hailstorm"],
    "politics": ["coalition", "no-confidence", "electoral", "ballot", "asylum", "senate", "snap poll"],
    "labour": ["@walkout", "dockers", "redundancies", "collective agreement", "four-day week", "pension age",
               "gig-worker"],
    "agriculture": ["harvest", "fishing quota", "fertiliser", "fertilizer", "dairy", "bird flu", "farmers"],
}  # fmt: skip


def _yaml_list(items: list[str]) -> str:
    return "[" + ", ".join(_yaml_str(i) for i in items) + "]"


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def rules_yaml(count: int = 50, seed: int = 8) -> str:
    """``count`` rules in the project's YAML syntax, each matching a few percent of the stories.

    Shapes, in turn: region + desk terms; people watched by name (one with a fuzzy term);
    an organisation near an action (``near``); a desk's phrases in the title (``fields``);
    nested any-of-all with an exclusion; a number pattern (``regex``).
    """
    rng = random.Random(f"newsroom:rules:{seed}")
    desks, regions = list(DESKS), list(ALIASES)[:-1]
    people = list(cast(seed))
    rng.shuffle(people)
    rules: list[str] = []
    for number in range(count):
        shape = number % 6
        desk = desks[(number // 6 + number) % len(desks)]
        head = f"- name: News {number:02d} ({desk})\n  match:\n"
        if shape == 0:
            region = regions[(number // 6) % len(regions)]
            terms = rng.sample(DESK_TERMS[desk], 4)
            other = rng.choice([d for d in desks if d != desk])
            body = (
                f'    all:\n      - any: ["@{region}"]\n      - any: {_yaml_list(terms)}\n'
                f"    none: {_yaml_list(rng.sample(DESK_TERMS[other], 1))}\n"
            )
        elif shape == 1:
            watched = people.pop()
            surname = _yaml_str(watched.surname)
            if number % 24 == 1:  # two rules with a fuzzy term: the matcher's costliest kind
                surname = f"{{term: {surname}, fuzzy: 85}}"
            body = f"    any: [{_yaml_str(watched.name)}, {surname}]\n"
        elif shape == 2:
            org = rng.choice([o for o in DESKS[desk]["orgs"] if o[:1].isupper()] or [DESKS[desk]["orgs"][0]])
            org = org.removeprefix("the ")
            actions = rng.sample(DESKS[desk]["actions"], 3)
            body = f"    all: [{_yaml_str(org)}, {{any: {_yaml_list(actions)}}}]\n    near: 12\n"
        elif shape == 3:
            terms = rng.sample(DESK_TERMS[desk], 3)
            body = f"    any: {_yaml_list(terms)}\n"
            head = head.replace("  match:\n", "  fields: [title]\n  match:\n")
        elif shape == 4:
            a, b = rng.sample(DESK_TERMS[desk], 2), rng.sample(DESKS[desk]["metrics"], 2)
            place = rng.choice(CITIES)
            body = (
                f"    any:\n      - all: [{{any: {_yaml_list(a)}}}, {{any: {_yaml_list(b)}}}]\n"
                f"      - all: [{_yaml_str(place[0])}, {{any: {_yaml_list(rng.sample(DESK_TERMS[desk], 3))}}}]\n"
                f"    none: [opinion, obituary]\n"
            )
        else:
            terms = rng.sample(DESK_TERMS[desk], 2)
            body = (
                f"    all:\n      - any: {_yaml_list(terms)}\n"
                f'      - any: [{{regex: "\\\\b[0-9]{{1,3}}(,[0-9]{{3}})+ (people|jobs)\\\\b"}}, '
                f'{{regex: "[€$£][0-9]+(\\\\.[0-9])? billion"}}]\n'
            )
        rules.append(head + body + "  severity: normal\n")
    return "# Generated by benchmarks/newsroom.py: watch rules of the newsroom workload.\n" + "".join(rules)


def aliases_yaml() -> str:
    lines = ["# Generated by benchmarks/newsroom.py: place and topic aliases of its rules.", "aliases:"]
    lines += [f"  {name}: {_yaml_list(terms)}" for name, terms in ALIASES.items()]
    return "\n".join(lines) + "\n"


def rule_files(count: int = 50, seed: int = 8) -> dict[str, str]:
    """File name -> text: the rules and their aliases."""
    return {"newsroom.yaml": rules_yaml(count, seed), "aliases.yaml": aliases_yaml()}


def write_rules(folder: Path, count: int = 50, seed: int = 8) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in rule_files(count, seed).items():
        (folder / name).write_text(text)
    return folder


@dataclass
class Expected:
    """What one alert per (rule, story) means on a cycle's entries."""

    pairs: set[tuple[str, str]] = field(default_factory=set)  # (rule, story) matched by an entry the monitor sees
    original_pairs: set[tuple[str, str]] = field(default_factory=set)  # matched by the wire story's full text
    entries: int = 0
    copies: int = 0
    stories: int = 0
    matched_entries: int = 0  # (entry, rule) matches, every copy counted
    by_rule: dict[str, int] = field(default_factory=dict)  # stories per rule

    @property
    def copy_pairs(self) -> int:
        """(entry, rule) matches beyond the first of each (rule, story): what a monitor without dedup adds."""
        return self.matched_entries - len(self.pairs)


def expected_pairs(workload: Newsroom, rules_folder: Path, cycle: int = 0, items: list[Item] | None = None) -> Expected:
    """The (rule, story) pairs the monitor should alert on exactly once each, over the items served in ``cycle``.

    Computed with the project's own matcher (``monitor.rules``), not by construction: which
    rules hold for a text (folding, word boundaries, wildcards, ``near`` windows, regexes)
    is the matcher's to say, and this benchmark measures deduplication, not matching. The
    texts matched are the generator's plain texts (title, summary, content), not the
    monitor's parse of the bytes, so a parser that loses text shows as missing alerts.

    A pair is expected when *at least one entry the monitor sees* of the story matches the
    rule: the wire's own entry when a subscribed wire feed carries it, and every copy. A
    copy can lose the matched words (a trimmed tail, a summary-only outlet, a new
    headline), so the original's full text alone would expect alerts no entry can raise;
    a copy can also gain words (a byline, boilerplate). ``original_pairs`` (the wire
    story's full text, whether or not it is served) is reported beside it for reference.
    """
    from monitor.models import Entry
    from monitor.rules import RuleSet, load_rules

    rules = RuleSet(load_rules([rules_folder]))
    out = Expected()
    stories: set[str] = set()
    seen_wire: set[int] = set()
    for item in items if items is not None else workload.new_items(cycle):
        out.entries += 1
        out.copies += item.copy
        stories.add(item.story)
        entry = Entry(
            feed_url="", outlet="", key=item.guid, link=item.link, title=item.text_title,
            summary=item.text_summary, content=item.text_content, author=item.author, tags=item.tags,
            published=item.published, lang=item.lang,
        )  # fmt: skip
        for match in rules.match(entry, None):
            out.matched_entries += 1
            out.pairs.add((match.rule, item.story))
        if item.story.startswith("wire:"):
            seen_wire.add(int(item.story.split(":")[1]))
    for number in sorted(seen_wire):
        article = workload.wire_story(number)
        entry = Entry(
            feed_url="", outlet="", key=f"wire:{number}", link="", title=article.title,
            summary="", content=article.text, published=None, lang="en",
        )  # fmt: skip
        out.original_pairs |= {(m.rule, f"wire:{number}") for m in rules.match(entry, None)}
    out.stories = len(stories)
    for rule, _ in out.pairs:
        out.by_rule[rule] = out.by_rule.get(rule, 0) + 1
    return out


def main() -> None:  # pragma: no cover - a look at the workload from the command line
    import argparse
    import time

    parser = argparse.ArgumentParser(description="Write the newsroom workload's feeds and rules to a folder.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--now", type=int, default=1_750_000_000)
    args = parser.parse_args()
    started = time.perf_counter()
    w = Newsroom(Spec(seed=args.seed, feeds=args.feeds, entries=args.entries, now=args.now))
    (args.folder / "news").mkdir(parents=True, exist_ok=True)
    size = 0
    for feed in range(args.feeds):
        body = w.document(feed)
        size += len(body)
        (args.folder / w.path(feed).lstrip("/")).write_bytes(body)
    write_rules(args.folder / "rules", seed=args.seed)
    expected = expected_pairs(w, args.folder / "rules")
    print(
        f"{args.feeds} feeds, {expected.entries} entries ({expected.copies} copies), {size / 1e6:.1f} MB, "
        f"{expected.stories} stories; expected (rule, story) pairs {len(expected.pairs)} "
        f"(by the originals' full text {len(expected.original_pairs)}); every matching entry alerting would send "
        f"{expected.matched_entries}; {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
