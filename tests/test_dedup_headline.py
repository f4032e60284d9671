"""The headline step (``monitor/dedup/headline.py``): a copy's headline or lede, the same as an entry's headline
or lede, says whose copy it is when its text cannot, within the step's limits (window, ``HEADLINE_HOURS``,
``TITLE_WORDS``, ``HEADLINE_FACTS``, another outlet for the headline-to-lede matches), and never against the
text's own verdict. Each path with a positive and a negative; the designed negatives of v44–v47 in our own words
(a desk's second brief of one template, its next-day brief opening with its first brief's headline). Texts are
our own, in Portuguese and Japanese."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from dedup_support import decided

from monitor.dedup import StoryIndex, signature
from monitor.dedup.headline import HEADLINE_HOURS, Headlines, Match, first_sentence
from monitor.dedup.packed import Outlets, StoredSignature, stored_record
from monitor.models import Entry

START = datetime(2027, 9, 14, 8, tzinfo=UTC)

PT_TITLE = "Ponte pedonal nova abre em Viseu"
PT_LEDE = "A câmara de Viseu abriu hoje uma ponte pedonal de 120 metros sobre o rio Pavia"
PT_BRIEF = (
    f"{PT_LEDE}.\n\nO presidente Rui Tomé disse que a obra custou 2,4 milhões de euros.\n\n"
    "A ponte liga o bairro de Santa Eulália ao parque da cidade."
)
# The desk's second brief of the day, in the first one's frame: another town, river, length and cost.
PT_SECOND_TITLE = "Ponte pedonal nova abre em Lamego"
PT_SECOND_LEDE = "A câmara de Lamego abriu hoje uma ponte pedonal de 80 metros sobre o rio Balsemão"
PT_SECOND = (
    f"{PT_SECOND_LEDE}.\n\nO presidente Rui Tomé disse que a obra custou 1,1 milhões de euros.\n\n"
    "A ponte liga o bairro da Ortigosa ao parque da cidade."
)

JA_TITLE = "松本で歩道橋が開通"
JA_LEDE = "松本市で女鳥羽川に架かる新しい歩道橋が十二日に開通した"
JA_BRIEF = f"{JA_LEDE}。\n\n市長の田中健一さんは、工事費は二億四千万円だったと話した。\n\n橋は駅と城公園を結ぶ。"


def _entry(key: str, outlet: str, title: str, body: str, hours: float) -> Entry:
    when = START + timedelta(hours=hours)
    return Entry("f", outlet, key, f"https://{key}.example/{key}", title, "", body, published=when)


# The map itself: the latest entry holds each hash; removing an entry never drops a later one's.


def test_the_map_names_each_way_a_headline_or_lede_matches_and_the_latest_holder() -> None:
    brief = signature(_entry("a", "Diário", PT_TITLE, PT_BRIEF, 0), START)
    lede = first_sentence(brief.sentences)
    assert lede is not None
    headlines = Headlines()
    headlines.add(1, brief.title, lede)
    headlines.add(2, brief.title, lede)  # a later entry with both
    titled = signature(_entry("b", "Agregador", PT_LEDE, "", 1), START)  # titled by the brief's lede
    opened = signature(_entry("c", "Alerta", "Última hora", f"{PT_TITLE}.", 1), START)  # opening with its headline
    assert list(headlines.named(brief)) == [(Match.HEADLINE, 2)]
    assert list(headlines.named(titled)) == [(Match.HEADLINE_IS_LEDE, 2)]
    assert (Match.LEDE_IS_HEADLINE, 2) in list(headlines.named(opened))
    headlines.remove(1, brief.title)  # not the holder now: nothing dropped
    assert list(headlines.named(brief)) == [(Match.HEADLINE, 2)]
    headlines.remove(2, brief.title)
    assert not headlines.titles and headlines.ledes == {lede: 2}  # a lede waits for the pruning
    headlines.prune({1})
    assert not headlines.ledes


def test_a_stored_signature_gives_the_lede_its_signature_has() -> None:
    for title, body in ((PT_TITLE, PT_BRIEF), (JA_TITLE, JA_BRIEF), ("Só título aqui", "")):
        sig = signature(_entry("a", "Diário", title, body, 0), START)
        found = stored_record(1, START.timestamp(), sig.pack(), Outlets().code(sig.outlet))
        assert found is not None and first_sentence(found[4]) == first_sentence(sig.sentences)
    assert stored_record(1, START.timestamp(), b"T0 an earlier design", 0) is None


# A headline that is another entry's lede: an aggregator titling its item by the first line.


@pytest.mark.parametrize(
    ("title", "lede", "brief", "alert"),
    [
        (PT_TITLE, PT_LEDE, PT_BRIEF, "Viseu — toque para ler"),
        (PT_TITLE, PT_LEDE, PT_BRIEF, ""),  # no text at all: the headline stands in
        (JA_TITLE, JA_LEDE, JA_BRIEF, "松本市で — 続きを読む"),
    ],
)
def test_an_item_titled_by_the_lede_of_another_outlets_brief_is_its_copy(
    title: str, lede: str, brief: str, alert: str
) -> None:
    *_, copy = decided([_entry("a", "Diário", title, brief, 0), _entry("b", "Agregador", lede, alert, 1)])
    assert copy.story_id == 1, copy.reason
    assert "is the first sentence of entry 1 (Diário)" in copy.reason


def test_a_lede_as_headline_too_late_too_short_or_by_the_desk_itself_is_no_copy() -> None:
    brief = _entry("a", "Diário", PT_TITLE, PT_BRIEF, 0)
    late = _entry("b", "Agregador", PT_LEDE, "Viseu — toque para ler", HEADLINE_HOURS + 2)
    own = _entry("c", "Diário", PT_LEDE, "Viseu — toque para ler", 1)  # a desk never titles its story so
    assert [d.story_id for d in decided([brief, late])] == [None, None]
    assert [d.story_id for d in decided([brief, own])] == [None, None]
    weather = _entry("w", "Diário", "Tempo em Viseu", "Sol e calor.\n\nMáximas de 31 graus à tarde, ventos fracos.", 0)
    terse = _entry("t", "Agregador", "Sol e calor", "Viseu — toque para ler", 1)  # three words say nothing
    assert [d.story_id for d in decided([weather, terse])] == [None, None]


def test_a_desks_second_brief_of_one_template_keeps_its_own_titled_copies() -> None:
    decisions = decided(
        [
            _entry("a", "Diário", PT_TITLE, PT_BRIEF, 0),
            _entry("b", "Diário", PT_SECOND_TITLE, PT_SECOND, 6),
            _entry("c", "Agregador", PT_LEDE, "Viseu — toque para ler", 7),
            _entry("d", "Agregador", PT_SECOND_LEDE, "Lamego — toque para ler", 7.5),
        ]
    )
    assert [d.story_id for d in decisions[2:]] == [1, 2], [d.reason for d in decisions]


def test_a_long_text_under_another_entrys_lede_keeps_its_own_verdict() -> None:
    """The text's verdict wins: a full report (more than a summary) sharing nothing is a new story whatever
    its headline."""
    report = (
        "Os bombeiros de Tondela combateram durante a noite um incêndio numa fábrica de mobiliário.\n\n"
        "O comandante Luís Pais disse que as chamas destruíram dois armazéns e um camião de entregas.\n\n"
        "Não houve feridos, e a fábrica deve reabrir na próxima semana com metade dos trabalhadores."
    )
    *_, other = decided([_entry("a", "Diário", PT_TITLE, PT_BRIEF, 0), _entry("b", "Agregador", PT_LEDE, report, 1)])
    assert other.story_id is None, other.reason


# A lede that is another entry's headline: a push printing the headline as its text.


def test_a_push_whose_text_is_another_outlets_headline_is_its_copy() -> None:
    title = "Viseu inaugura travessia para peões junto ao Pavia com dinheiro municipal"
    *_, push = decided(
        [_entry("a", "Diário", title, PT_BRIEF, 0), _entry("b", "Alerta", "Última hora", f"{title}.", 1)]
    )
    assert push.story_id == 1, push.reason
    assert "is the headline of entry 1 (Diário)" in push.reason


def test_a_stock_line_as_headline_and_first_sentence_says_nothing() -> None:
    """Newsletters open with the same few words and briefings are headlined with them: under
    ``MIN_LEDE_TOKENS`` words, a headline that is another entry's first sentence joins nothing."""
    stock = "Eis o que precisa de saber hoje"
    letter = f"{stock}.\n\nA câmara de Viseu abriu a ponte pedonal.\n\nO museu Grão Vasco reabre na sexta-feira."
    decisions = decided(
        [
            _entry("a", "Carta da Manhã", "Carta da manhã de terça", letter, 0),
            _entry("b", "Rádio Centro", stock, "Chuva forte no Porto.", 2),
            _entry("c", "Alerta", "Última hora", f"{stock}.", 3),
        ]
    )
    assert [d.story_id for d in decisions] == [None, None, None], [d.reason for d in decisions]


def test_the_desks_next_day_brief_opening_with_its_first_headline_is_no_copy() -> None:
    """A desk names its first brief by its headline in its next day's lede: its next bulletin, not its copy."""
    follow = (
        f"{PT_TITLE}.\n\nHoje a câmara fechou a ponte por uma fissura num dos pilares.\n\n"
        "O presidente Rui Tomé disse que a reparação demora duas semanas."
    )
    *_, nextday = decided(
        [_entry("a", "Diário", PT_TITLE, PT_BRIEF, 0), _entry("b", "Diário", "Ponte de Viseu fecha", follow, 26)]
    )
    assert nextday.story_id is None, nextday.reason


def test_a_quote_of_the_headline_inside_a_sentence_is_no_match() -> None:
    quoted = f"O jornal noticiou ontem «{PT_TITLE}», e hoje a obra parou."
    *_, other = decided([_entry("a", "Diário", PT_TITLE, PT_BRIEF, 0), _entry("b", "Rádio", "Obra parada", quoted, 20)])
    assert other.story_id is None, other.reason


# The same headline: the paths folded into the step keep their verdicts.


def test_the_same_headline_over_too_little_text_joins_and_a_short_one_needs_the_lede() -> None:
    *_, same = decided([_entry("a", "Diário", PT_TITLE, PT_BRIEF, 0), _entry("b", "Relé", PT_TITLE, "Viseu.", 1)])
    assert same.story_id == 1 and "the same headline" in same.reason, same.reason
    short = "Ponte em Viseu"  # three words: only over the brief's own sentence
    pushed = decided(
        [
            _entry("a", "Diário", short, PT_BRIEF, 0),
            _entry("b", "Relé", short, f"{PT_LEDE}.", 1),
            _entry("c", "Relé", short, "Trânsito cortado.", 2),
        ]
    )
    assert pushed[1].story_id == 1 and "word for word" in pushed[1].reason, pushed[1].reason
    assert pushed[2].story_id is None, pushed[2].reason


def test_a_headline_in_capitals_or_sentence_case_is_the_same_headline_and_the_same_lede() -> None:
    """A carrier's house style: the headline in capitals, or the lede as a title in sentence case."""
    decisions = decided(
        [
            _entry("a", "Diário", PT_TITLE, PT_BRIEF, 0),
            _entry("b", "Relé", PT_TITLE.upper(), "Viseu.", 1),
            _entry("c", "Agregador", PT_LEDE.upper(), "Viseu — toque para ler", 2),
            _entry("d", "Faixa", PT_TITLE.capitalize(), "Viseu — toque para ler", 3),
        ]
    )
    assert [d.story_id for d in decisions[1:]] == [1, 1, 1], [d.reason for d in decisions]


def test_a_summary_under_the_same_headline_joins_when_its_facts_agree() -> None:
    ours = "Obra de Rui Tomé custou 2,4 milhões, diz a autarquia de Viseu."
    # One template's headline over another town's figures (a desk reuses its headline for the next bridge)
    theirs = "Obra de Ana Silva custou 9,9 milhões, diz a autarquia de Braga, com 310 metros."
    joined = decided([_entry("a", "Diário", PT_TITLE, PT_BRIEF, 0), _entry("b", "Resumos", PT_TITLE, ours, 2)])
    assert joined[1].story_id == 1 and "a summary under the same headline" in joined[1].reason, joined[1].reason
    apart = decided([_entry("a", "Diário", PT_TITLE, PT_BRIEF, 0), _entry("c", "Resumos", PT_TITLE, theirs, 3)])
    assert apart[1].story_id is None, apart[1].reason


# Kept with the index: removed, pruned and loaded like the headlines.


def test_a_removed_or_loaded_entry_is_found_by_its_lede_as_an_added_one() -> None:
    brief = _entry("a", "Diário", PT_TITLE, PT_BRIEF, 0)
    titled = _entry("b", "Agregador", PT_LEDE, "Viseu — toque para ler", 1)
    assert brief.published is not None and titled.published is not None
    sig = signature(brief, brief.published)
    loaded = StoryIndex()
    loaded.load([(1, 1, 1, brief.published, StoredSignature(sig.pack(), " ".join(sig.keywords), sig.when, "Diário"))])
    assert loaded.find(titled, titled.published).story_id == 1
    added = StoryIndex()
    added.add(1, 1, 1, sig, brief.published)
    assert added.find(titled, titled.published).story_id == 1
    added.remove(1)
    assert added.find(titled, titled.published).story_id is None
    assert not added._headlines.titles


def test_an_entry_updated_or_pruned_is_no_longer_found_by_its_old_lede() -> None:
    brief = _entry("a", "Diário", PT_TITLE, PT_BRIEF, 0)
    rewritten = _entry("a", "Diário", PT_TITLE, PT_SECOND.replace("Lamego", "Viseu"), 0.5)  # the desk's update
    titled = _entry("b", "Agregador", PT_LEDE, "Viseu — toque para ler", 1)
    assert brief.published is not None and rewritten.published is not None and titled.published is not None
    index = StoryIndex(prune_every=3)
    index.add(1, 1, 1, signature(brief, brief.published), brief.published)
    index.add(1, 1, 1, signature(rewritten, rewritten.published), rewritten.published)  # re-added: its new lede
    assert index.find(titled, titled.published).story_id is None
    index.add(2, 2, 2, signature(titled, titled.published), brief.published + index.window * 2)  # prunes entry 1
    assert len(index) == 1 and set(index._headlines.ledes.values()) == {2}


def test_an_outlets_own_entry_under_the_headline_claims_its_text_that_said_nothing() -> None:
    """The desk's own earlier entry is weighed against a text only when that text joined another story (its sister
    brief under a headline cut to one width): a text too short to compare, a name its entry lacks in it, under the
    same headline of its own outlet's entry, is that entry's story, as under another outlet's."""
    said = "Obras em Ortigosa."  # too little text; a name the brief does not print
    *_, update = decided([_entry("a", "Diário", PT_TITLE, PT_BRIEF, 0), _entry("b", "Diário", PT_TITLE, said, 1)])
    assert update.story_id == 1 and "the same headline" in update.reason, update.reason
