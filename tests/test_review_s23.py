"""Review of session 23's changes (rv1): the speed paths' equivalences worth pinning, and the defects found,
each as a test that fails on main (``xfail(strict=True)``: the fix turns it into an XPASS, then drop the mark).
"""

from __future__ import annotations

import gc
import importlib
import random
import re
import tracemalloc

import pytest
from test_dedup_reshaped import FERRY, MINA, STORIES, _decide, _entry

from monitor import text as text_module
from monitor.dedup import StoryIndex
from monitor.dedup import clean as clean_module
from monitor.dedup.events import EventIndex
from monitor.dedup.index import _most_weight, _most_weight_bulk
from monitor.errors import ConfigError
from monitor.rules.sounds import SOUND_WORD
from monitor.text import NO_SPACE_RUN, beyond_ascii, fold, fold_is_local
from tests.test_rules_operators import entry, ruleset


def _sounds_rule(tmp_path, term: str):
    return ruleset(tmp_path, f"name: r\nmatch:\n  any:\n    - {{term: {term}, sounds: true}}\n")


# --- rr28: sounds ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("term", "title"), [("Al-Shabaab", "Al-Shabaab fighters attack a base"),
                                             ("O'Brien", "O'Brien resigns")])  # fmt: skip
def test_a_hyphenated_sounds_term_finds_its_own_spelling(tmp_path, term, title):
    """``check`` accepts the term (one word, key "arsb"), the text splits it at the hyphen ("ar", "sb"):
    the rule never fires, not even on the name as written, and nothing says so."""
    assert _sounds_rule(tmp_path, f'"{term}"').match(entry(title))


@pytest.mark.parametrize(
    ("term", "title"),
    [
        ("Taliban", "Wind turbines for the north sea"),  # trbn: turbine, turban, Trabant
        ("Taliban", "A Sikh turban exhibition opens"),
        ("Putin", "Putting the economy first"),  # ptn + g: the last word goes on
        ("Musk", "A music festival in Leeds"),  # msk
        ("Kabul", "Cable car reopens"),  # kbr
        ("Rosneft", "Rosenfeld wins the prize"),  # rsnb
        ("Iran", "Ireland beat Wales"),  # irn: the module's docstring says Iran is refused; it is not
        ("Iran", "Iron ore prices fall"),
    ],
)
def test_a_sounds_term_does_not_fire_on_an_unrelated_word_of_its_own_script(tmp_path, term, title):
    assert not _sounds_rule(tmp_path, term).match(entry(title))


@pytest.mark.parametrize(("term", "title"), [("Taliban", "Taliban"), ("Putin", "Putin's visit")])
def test_a_sounds_term_finds_the_name_as_written(tmp_path, term, title):
    assert _sounds_rule(tmp_path, term).match(entry(title))


def test_a_sounds_term_scans_100_kb_of_hostile_words(tmp_path):
    """Every word a distinct key (each one of name_key's cache): still one pass, no error."""
    rules = _sounds_rule(tmp_path, "Taliban")
    hostile = " ".join(f"{chr(0x915 + i % 30)}\u094d{chr(0x930 + i % 20)}{i}" for i in range(12_000))
    assert len(hostile) > 80_000
    assert not rules.match(entry("x", hostile + " ा" * 5_000))


def _problems(tmp_path, term: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        ruleset(tmp_path, f"name: r\nmatch:\n  any:\n    - {term}\n")
    return [str(p) for p in caught.value.problems]


def test_a_sounds_flag_that_is_no_boolean_is_named_at_path_line(tmp_path):
    found = _problems(tmp_path, "{term: Taliban, sounds: 1}")
    assert any(p.startswith(f"{tmp_path / 'rule.yaml'}:4:") and '"sounds" must be true or false' in p for p in found)


def test_sounds_without_a_term_says_a_term_is_missing(tmp_path):
    """Main says "unknown key 'sounds' (did you mean 'sounds'?)" and "empty group" (``{fuzzy: 80}`` alike,
    older): the fix it proposes is the key as written. It should say the term is missing."""
    found = _problems(tmp_path, "{sounds: true}")
    assert not any("did you mean 'sounds'" in p for p in found), found
    assert any(p.startswith(f"{tmp_path / 'rule.yaml'}:4:") and "term:" in p for p in found), found


def test_a_sounds_word_keeps_its_vowel_signs_in_every_script():
    """``text.marks`` is the project's one definition of a combining mark; ``sounds._MARKS`` lists a few blocks by
    hand, so a Javanese name splits at its vowel sign (ꦠꦭ | ꦧꦤ꧀) and never sounds like Taliban."""
    assert len(SOUND_WORD.findall("ꦠꦭꦶꦧꦤ꧀")) == 1


def test_sounds_false_on_an_alias_is_the_alias(tmp_path):
    """``sounds: false`` asks for nothing: an alias with it is the alias, as a name with it is the name."""
    (tmp_path / "aliases.yaml").write_text("aliases:\n  arctic: [Yamal]\n")
    rules = ruleset(tmp_path, "name: r\nmatch:\n  any:\n    - {term: '@arctic', sounds: false}\n")
    assert rules.match(entry("Yamal tanker"))


# --- dd40: compare.excerpt in novelty.news -------------------------------------------------------------------

SUSPENDED = [
    "The master of the Morwen, Captain Ivo Brannock, was suspended on Wednesday pending the inquiry.",
    "Greyfen Lines chief executive Sunniva Hale said a chartered vessel, the Elsdon, would resume two of "
    "the four daily crossings from Friday at a cost of 18,000 euros a day.",
    "Passenger groups in Port Ennis asked for 40 euros in compensation per cancelled ticket.",
]


def test_a_follow_up_quoting_a_short_story_whole_below_its_own_lead_is_news():
    """A brief of three sentences; a day later another desk's follow-up opens with three sentences of its own
    (11 names and numbers) and then quotes the brief whole as background. Main: "copy" of the brief (no alert);
    223f59e: a new story. Its lead is its own: the brief is its background, not its cut."""
    index = StoryIndex()
    _decide(index, 1, _entry("o", "Ferry Morwen aground off Skellan Point", FERRY[:3], "Coast Wire", 0))
    decision = _decide(index, 2, _entry("f", "Morwen master suspended", [*SUSPENDED, *FERRY[:3]], "Isles Daily", 30))
    assert decision.story_id is None, decision.reason


def test_a_later_update_under_an_agency_headline_with_deaths_is_news():
    """A two-sentence flash; 20 hours later another outlet, under the same (agency) headline, repeats it and adds
    two deaths and a manslaughter inquiry. Main: a copy of the flash; 223f59e: a new story. A teaser comes
    with or just before its whole text, not the next day with new facts."""
    title = STORIES["ferry"][0]
    index = StoryIndex()
    _decide(index, 1, _entry("o", title, FERRY[:2], "Coast Wire", 0))
    later = [
        *FERRY[:2],
        "Two passengers died in hospital in Port Ennis on Tuesday, the health board said.",
        "Prosecutor Mette Aune opened a manslaughter inquiry against Greyfen Lines.",
    ]
    decision = _decide(index, 2, _entry("u", title, later, "Isles Daily", 20))
    assert decision.story_id is None, decision.reason


def test_a_round_up_quoting_three_short_stories_whole_is_none_of_them():
    """Each story of three sentences quoted whole: every one is an "excerpt", the round-up rule still wins."""
    index = StoryIndex()
    third = [
        "The regional rail operator named Oona Vell its new chief executive on Monday, after 8 months.",
        "Vell ran the freight arm of Nordhavn Rail for 6 years and starts on 1 July.",
        "She replaces Arne Tollef, who retired in March after 14 years.",
    ]
    _decide(index, 1, _entry("a", "Ferry Morwen aground", FERRY[:3], "Coast Wire", 0))
    _decide(index, 2, _entry("b", STORIES["mina"][0], MINA[:3], "Diario del Tajo", 0.5))
    _decide(index, 3, _entry("c", "Rail operator names new chief", third, "Rail Gazette", 1))
    round_up = ["Here is what happened this week.", *FERRY[:3], *MINA[:3], *third]
    decision = _decide(index, 4, _entry("r", "The week in review", round_up, "Harbour Letter", 6))
    assert decision.story_id is None, decision.reason


# --- sp35: _most_weight_bulk and the event DF bound ------------------------------------------------------------


@pytest.mark.parametrize("spread", [5, 1_000, 10**6, 2**40])
@pytest.mark.parametrize("base", [1, 2**31 - 50, 2**33])
def test_most_weight_bulk_ranks_as_the_dict_does(spread, base):
    """Dense bins and the sorted path against ``_most_weight``: ids close, far apart, past 32 bits, one id in
    many keys (ties to the first read)."""
    rng = random.Random(spread ^ base)
    for _ in range(40):
        pool = [base + rng.randrange(spread) for _ in range(rng.randint(1, 60))]
        ids: list[int] = []
        sizes: list[int] = []
        for _ in range(rng.randint(130, 300)):
            held = rng.sample(pool, min(rng.choice([1, 1, 2, 3, 7]), len(pool)))
            ids += held
            sizes.append(len(held))
        assert _most_weight_bulk(ids, sizes) == _most_weight(ids, sizes)


def _keywords(rng: random.Random) -> tuple[str, ...]:
    return tuple(rng.sample([f"Name{i}" for i in range(40)] + [f"{i}" for i in range(20)], rng.randint(1, 12)))


def _most_df_holds(index: EventIndex) -> bool:
    return index._most_df >= max(index._df.values(), default=0)


def test_the_event_df_bound_is_never_below_a_keywords_df_after_adds_prunes_and_a_restart():
    """``find`` skips a candidate by ``_Weights.least(_most_df)``: a DF above ``_most_df`` would weigh a key
    below the bound and could skip a story that scores best. Checked after each add (new stories, a copy's
    keywords into a known story), each prune, and a ``load`` of the rows (the restart)."""
    rng = random.Random(23)
    index, rows = EventIndex(), []
    for step in range(400):
        story = rng.randint(1, step + 1)
        row = (story, story, _keywords(rng), float(step * 1800), 0, "o")
        index.add(*row)
        rows.append(row)
        assert _most_df_holds(index)
        if step % 37 == 36:
            index.prune(float(step * 1800))
            assert _most_df_holds(index)
            assert index._most_df == max(index._df.values(), default=0)
    restarted = EventIndex()
    restarted.load(rows)
    assert _most_df_holds(restarted) and restarted._most_df == max(restarted._df.values(), default=0)


# --- sp34: the searches asked of a text's characters beyond ASCII ----------------------------------------------

HOSTILE = [
    "",
    "plain ASCII only",
    "e\u0301te\u0301 Ã© â€™ naïve",  # combining marks, mojibake
    "𝐀𝐁𝐂 😀🇫🇷 𠀀 text \U000e0041",  # astral: mathematical letters, emoji, a flag, CJK Ext. B, a tag
    "Қазақ Srbija Србија ђ ћ Ελλάδα",  # mixed scripts
    "line\x85next\u2028sep\u2029par\x0bvt\x1cfs\r\nend",  # every line break splitlines knows
    "\ud800 lone \udfff surrogates, a pair of them \ud83d\ude00 apart",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_beyond_ascii_is_the_characters_beyond_ascii_in_order(text):
    assert beyond_ascii(text) == "".join(char for char in text if ord(char) > 0x7F)
    assert beyond_ascii(text * 5_000) == beyond_ascii(text) * 5_000


def _gated() -> dict[str, re.Pattern[str]]:
    """Every class sp34 asks of ``beyond_ascii``: sound only while none holds an ASCII character."""
    alphabets, shingles, signature = (
        importlib.import_module(f"monitor.dedup.{name}") for name in ("alphabets", "shingles", "signature")
    )
    every, bmp = clean_module._formats()
    return {
        "mojibake": clean_module._MOJIBAKE, "formats": every, "formats_bmp": bmp,
        "lower_folds": text_module._local_folds()[0], "local_folds": text_module._local_folds()[1],
        "marks": text_module.marks(0x1FFFF), "marks_bmp": text_module.marks(0xFFFF),
        "word": text_module._WORD_BEYOND_ASCII, "in_words_bmp": text_module._in_words_bmp(),
        "no_space": text_module._NO_SPACE, "no_space_run": NO_SPACE_RUN,
        "romanised": alphabets._ROMANISED, "greek_cyrillic": alphabets._GREEK_OR_CYRILLIC,
        "sibling": alphabets._SIBLING, "digraphic": alphabets.DIGRAPHIC, "cyrillic": shingles._CYRILLIC,
        "tatar": shingles._TATAR, "kazakh_own": shingles._KAZAKH_OWN, "kazakh_i": shingles._KAZAKH_I,
        "turkic": shingles._TURKIC, "caseless": signature._CASELESS_LETTERS,
    }  # fmt: skip


def test_no_class_searched_beyond_ascii_holds_an_ascii_character():
    """A class gaining one (a sibling letter "l" for "ӏ") would be missed where it is the text's only one."""
    ascii_chars = [chr(code) for code in range(0x80)]
    found = {name: [c for c in ascii_chars if p.search(c)] for name, p in _gated().items()}
    assert {name: chars for name, chars in found.items() if chars} == {}


@pytest.mark.parametrize("text", HOSTILE)
def test_a_local_fold_keeps_the_lines_of_the_text(text):
    """``clean`` reads line ``i``'s fold as line ``i`` of the whole text's fold when ``fold_is_local``."""
    if fold_is_local(text):
        raw = text.splitlines()
        folds = fold(text).splitlines()
        assert [line.strip() for line in folds] == [fold(line.strip()) for line in raw]


def test_matching_by_sound_keeps_no_hostile_word_alive(tmp_path):
    """``names.name_key`` is an ``lru_cache`` of 65,536 words, sized for dedup's names; rr28 feeds it every word
    of every field, so a feed's long unique "words" (a hex blob, a token) stay alive: 100 entries of one
    100 kB word retain 10 MB on main (up to 65,536 x the field size). A word longer than a name has no key."""
    rules = _sounds_rule(tmp_path, "Taliban")
    rules.match(entry("Taliban"))  # the rule compiled, the dedup modules imported
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(100):
            rules.match(entry("x", f"{i:05d}" + "ab" * 50_000))
        gc.collect()
        retained = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert retained < 2_000_000
