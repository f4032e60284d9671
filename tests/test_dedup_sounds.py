"""Held-out v10 (studied by dd13): a desk reprints a Cyrillic story in Latin letters by a convention
of its own, and no table per language lists them all. Words are hashed in one spelling of their
sounds (``alphabets.sounded``), so a transliteration by any common convention is the same text.
Our own stories, in Russian (a simplified BGN/PCGN Latin, as Russian news sites print it), not in
any language of v10; Serbian, whose desks write in both alphabets as their own, keeps its letters.
A summary that is a paragraph of a fifth of a story, from anywhere in it, finds it
(``signature._spread``). A desk's next story in a script without capitals prints new numbers only
(``compare.later_story``).
"""

from __future__ import annotations

import numpy as np
from dedup_support import assert_one_alert
from test_dedup_classes import _parsed
from test_dedup_scripts import _copies

from monitor.dedup import StoryIndex
from monitor.dedup.alphabets import sounded
from monitor.dedup.shingles import token_hashes
from monitor.dedup.signature import SPREAD_KEYS, _spread, signature
from monitor.text import fold, script_tokens

CYRILLIC = (
    "<p>ЕКАТЕРИНБУРГ – В Екатеринбурге открылся новый мост через реку Исеть длиной 412 метров.</p>"
    "<p>Строительство обошлось в 3,2 миллиарда рублей, сообщил мэр Алексей Журавлев. "
    "Движение по мосту начнется в четверг, а старая переправа закроется на ремонт.</p>"
)
LATIN = (
    "<p>YEKATERINBURG – V Yekaterinburge otkrylsya novyy most cherez reku Iset dlinoy 412 metrov.</p>"
    "<p>Stroitelstvo oboshlos v 3,2 milliarda rubley, soobshchil mer Aleksey Zhuravlev. "
    "Dvizheniye po mostu nachnetsya v chetverg, a staraya pereprava zakroyetsya na remont.</p>"
)


def test_a_russian_story_reprinted_in_latin_letters_alerts_once(tmp_path, feed_server, json_receiver):
    rows = _copies(("В Екатеринбурге открылся новый мост", CYRILLIC), ("V Yekaterinburge otkrylsya novyy most", LATIN))
    assert_one_alert(tmp_path, feed_server, json_receiver, rows, "412")


def test_the_latin_copy_joins_the_cyrillic_story_in_the_index():
    index = StoryIndex()
    first = _parsed("c", "В Екатеринбурге открылся новый мост", CYRILLIC)
    decision = index.find(first, first.published)  # type: ignore[arg-type]  # the parser dates it
    assert decision.signature is not None and first.published is not None
    index.add(1, 1, 1, decision.signature, first.published)
    copy = _parsed("l", "V Yekaterinburge otkrylsya novyy most", LATIN, outlet="Ural Latin", hours=1)
    assert index.find(copy, copy.published).story_id == 1  # type: ignore[arg-type]


def test_romanisations_of_one_word_sound_alike_and_other_words_stay_apart():
    for spellings in (
        ("Ельцин", "Yeltsin", "Eltsin"),
        ("Хабаровск", "Khabarovsk", "Habarovsk"),
        ("Жуков", "Zhukov"),
        ("Đurđevdan", "Djurdjevdan", "Durdevdan"),  # Serbian Latin, and as ASCII exports write it
        ("Þórður", "Thordur"),
    ):
        assert len({sounded(fold(word)) for word in spellings}) == 1, spellings
    assert sounded("2000") == "2000"  # a number keeps its digits, doubled or not
    assert sounded("تبریز") == "تبریز" and sounded("ສະພານ") == "ສະພານ"  # scripts without these letters: as written
    assert len({sounded(word) for word in ("bat", "bet", "bit", "boat", "moat")}) == 5


def test_a_serbian_text_keeps_its_cyrillic_words_as_written():
    cyrillic = script_tokens(fold("Нови мост у Новом Саду отворен је за саобраћај"))
    latin = script_tokens(fold("Novi most u Novom Sadu otvoren je za saobraćaj"))
    assert not set(token_hashes(cyrillic)) & set(token_hashes(latin))


_WORDS = (
    "conselho",
    "municipal",
    "aprovou",
    "ontem",
    "obra",
    "nova",
    "ponte",
    "rio",
    "escola",
    "bairro",
    "norte",
    "custo",
    "euros",
    "vereadora",
    "explicou",
    "trabalhos",
    "começam",
    "verão",
    "empresa",
    "vencedora",
    "concurso",
    "público",
    "prazo",
    "meses",
    "moradores",
    "pediram",
    "estrada",
    "acesso",
    "hospital",
    "centro",
    "saúde",
    "parque",
    "infantil",
    "biblioteca",
    "mercado",
    "feira",
    "praça",
    "estação",
    "comboio",
    "linha",
    "autocarro",
)


def _paragraph(n: int) -> str:
    """A paragraph of its own word order (no three-word run of another's, but by chance): 60 words, a number."""
    words = [_WORDS[(n * 7 + i * (n + 3)) % len(_WORDS)] for i in range(60)]
    return f"<p>{' '.join(words[:30]).capitalize()} {n * 13}. {' '.join(words[30:]).capitalize()}.</p>"


def test_a_copy_of_any_fifth_of_a_story_finds_it():
    """Each of a story's five paragraphs covers a tenth of its text whole, and so holds a key."""
    for story_no in range(2):
        numbers = range(story_no * 5 + 1, story_no * 5 + 6)
        story = _parsed(
            f"s{story_no}", "Câmara aprova cinco obras", "".join(map(_paragraph, numbers)), "Diário do Norte"
        )
        sig = signature(story, story.published)  # type: ignore[arg-type]  # the parser dates it
        assert len(sig.keys) <= 8 + 6 + SPREAD_KEYS
        for n in numbers:
            index = StoryIndex()
            index.add(1, 1, 1, sig, story.published)  # type: ignore[arg-type]
            part = _parsed(f"p{n}", f"Obra {n} aprovada", _paragraph(n), outlet="Agregador", hours=1)
            assert index.find(part, part.published).story_id == 1, n  # type: ignore[arg-type]


def test_every_fifth_of_a_text_holds_one_of_its_spread_keys():
    for seed in range(8):
        hashes = np.random.default_rng(seed).integers(0, 1 << 32, 300, dtype=np.uint64)
        keys = set(_spread(hashes, SPREAD_KEYS))
        span = 2 * len(hashes) // SPREAD_KEYS
        assert len(keys) == SPREAD_KEYS
        assert all(keys & set(hashes[start : start + span].tolist()) for start in range(len(hashes) - span + 1))


# Kyrgyz shares ө ү ң with Kazakh but writes у as u in Latin letters (Kazakh's Latin writes ý): a text
# without a letter of Kazakh's own (ә ұ қ ғ һ) is not read by Kazakh's table. Our own text.
KYRGYZ = (
    "<p>Ош шаарында жаңы бала бакча ачылды. Курулушуна 85 миллион сом жумшалды, деп билдирди шаардын "
    "мэри Улан Жумабеков. Бакчага күнүнө 240 бала барат, мугалимдер үчүн жаңы үй да курулат.</p>"
    "<p>Бакча Түштүк микрорайонундагы эски мектептин ордуна салынды.</p>"
)
KYRGYZ_LATIN = (
    "<p>Osh shaarında jañı bala bakcha achıldı. Kurulushuna 85 million som jumshaldı, dep bildirdi shaardın "
    "meri Ulan Jumabekov. Bakchaga kününö 240 bala barat, mugalimder üchün jañı üy da kurulat.</p>"
    "<p>Bakcha Tüshtük mikrorayonundagı eski mekteptin orduna salındı.</p>"
)


def test_a_kyrgyz_latin_copy_writing_u_for_u_joins_its_story():
    index = StoryIndex()
    first = _parsed("k", "Ош шаарында жаңы бала бакча ачылды", KYRGYZ)
    decision = index.find(first, first.published)  # type: ignore[arg-type]  # the parser dates it
    assert decision.signature is not None and first.published is not None
    index.add(1, 1, 1, decision.signature, first.published)
    copy = _parsed("kl", "Osh shaarında jañı bala bakcha achıldı", KYRGYZ_LATIN, outlet="Latyn", hours=1)
    assert index.find(copy, copy.published).story_id == 1  # type: ignore[arg-type]


# A desk's next story in a script without capitals (our own, in Hindi): 15 h later it repeats its
# first story's opening sentence, then tells the cause, printing one number of its own. Another
# desk's summary (that sentence alone) is held whole by it; only its numbers can say it is new.
HINDI_FIRST = (
    "<p>पुणे के हडपसर बाजार में सोमवार रात लगी आग में 26 दुकानें जलकर राख हो गईं और व्यापारियों का भारी नुकसान हुआ।</p>"
    "<p>दमकल की 11 गाड़ियों ने चार घंटे की मशक्कत के बाद आग पर काबू पाया। किसी के हताहत होने की खबर नहीं है।</p>"
    "<p>बाजार संघ ने सरकार से मुआवजे की मांग की है।</p>"
)
HINDI_SUMMARY = "<p>पुणे के हडपसर बाजार में सोमवार रात लगी आग में 26 दुकानें जलकर राख हो गईं और व्यापारियों का भारी नुकसान हुआ।</p>"
HINDI_NEXT = (
    "<p>पुणे के हडपसर बाजार में सोमवार रात लगी आग में 26 दुकानें जलकर राख हो गईं और व्यापारियों का भारी नुकसान हुआ।</p>"
    "<p>जांच में गोदाम की पुरानी बिजली तारें कारण निकलीं। नुकसान 7 करोड़ रुपये आंका गया।</p>"
)


def test_a_desks_next_story_in_a_script_without_capitals_is_a_new_story():
    index = StoryIndex()
    pieces = (
        ("h1", "पुणे के बाजार में आग, 26 दुकानें जलीं", HINDI_FIRST, "पुणे समाचार", 0.0),
        ("h2", "पुणे के बाजार में आग, 26 दुकानें जलीं", HINDI_SUMMARY, "मराठवाड़ा खबर", 1.0),
        ("h3", "हडपसर बाजार की आग: पुरानी तारें कारण", HINDI_NEXT, "पुणे समाचार", 15.0),
    )
    stories = []
    for entry_id, (key, title, body, outlet, hours) in enumerate(pieces, start=1):
        entry = _parsed(key, title, body, outlet=outlet, hours=hours)
        decision = index.find(entry, entry.published)  # type: ignore[arg-type]  # the parser dates it
        assert decision.signature is not None and entry.published is not None
        story = decision.story_id if decision.story_id is not None else entry_id
        index.add(entry_id, story, decision.event_id or story, decision.signature, entry.published)
        stories.append(story)
    assert stories == [1, 1, 3]
