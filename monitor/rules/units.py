"""Where sentences, clauses and paragraphs of a field start, and the derived ``lead`` field. Pure.

Positions are those of ``match_text``: folding keeps one character for every run of
white space, so a run that held a line break marks a paragraph at the same position.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from monitor.models import Entry
from monitor.rules.model import LEAD_WORDS
from monitor.text import NO_SPACE_RANGES, fold, without_spaces

_WHITE = re.compile(r"\s+")
# A sentence ends at . ! ? … and the Arabic ؟ (then white space; not after a lone letter such as "u.s.")
# or at 。！？, or at the full stop of a script that has its own (round 35): Armenian ։, the danda । ॥ of
# Devanagari, Bengali and their neighbours, Ethiopic ። ፧, Tibetan ། ༎, Myanmar ။, Khmer ។ ៕ and Urdu's ۔. A
# language the rules have no words in still has sentences: a veto or a pairing told apart by them holds there too.
_OTHER_STOPS = "։।॥።፧།༎။។៕۔"
_SENTENCE_END = re.compile(rf"(?<![\s.][^\W\d_])[.!?؟…][\"'»”)]*(?=\s)|[。！？{_OTHER_STOPS}]|\n")
# A clause also ends at a semicolon, at a space between two Japanese or Chinese characters (a
# headline's two halves: NFKC made the ideographic space a plain one), and before a contrastive
# connective after a comma ("…, though", "…, хотя", "…، لكن", "…だが、", "…，但": NFKC makes "，"
# ","): a negation in the other half of "X happened, though Y did not" says nothing about X.
# Japanese が、 contrasts after a predicate ("発表したが、", "いるが、"); after a noun it marks the
# subject ("運搬船が、引き取り手が見つからないまま…") and the clause goes on.
# A colon ends one in running text ("reports of a collapse are false: the deal was signed"), not
# in a headline, where what follows it is said of what precedes ("Taliban recognition: not yet").
_CONTRAST = (
    "though|although|but|while|whereas|yet|however|even as|even though|"  # en
    "хотя|но|однако|а|зато|тогда как|при этом|"  # ru
    "хоча|але|проте|однак|"  # uk
    "obwohl|aber|doch|jedoch|während|wobei|"  # de
    "mais|bien que|quoique|cependant|tandis que|même si|"  # fr
    "pero|aunque|sin embargo|mientras|"  # es
    "ama|fakat|ancak|lakin|"  # tr
    "لكن|ولكن|غير أن|إلا أن|بينما"  # ar
)
# "not only X, but also Y" is one statement: its "but" adds, it does not contrast ("не только не
# сократила, но и нарастила": the second half is what the first half's negation leads to).
_CORRELATIVE = (  # folded, as the text is
    "but also|but even|но и|а и|але и|але і|aber auch|mais aussi|mais encore|pero tambien|sino tambien"
)
# Japanese puts a negation after the verb it negates, so it ends that verb's clause: before a
# comma ("閉鎖せず、…", "買い手もなく、…": "without …, …") and before the noun a negated relative clause
# describes ("一度も閉じなかったアゼルバイジャンは…承認した": the negation is the embassy's, not the
# recognition's). "…に加え、" (in addition to) joins two subjects, each with its own predicate.
# 少ない, 危ない, 切ない are adjectives, not a verb's negation ("少ない割引でも購入"). "Xではなく、Y…"
# (not X but Y) is two clauses too: what follows is said of Y alone.
# A second reported statement joined by "and that" is a clause of its own: "announced that the president had
# signed the decree, and that the envoy would be accredited" reports a done act and then a future one, and the
# second's "would" says nothing about the first (round 19).
_COMPLEMENT = "and that|и что|і що|та що|und dass|et que|y que|e que|e che|i że|en dat|dan bahwa"
# A done act joined to a future one by English "and would" / "and will" is two clauses, the comma left out:
# "Ashgabat had that morning recognised the Emirate and would accept its ambassador next week" (round 27). The
# future's modal is its own: a hedge of the first act stands in the first clause ("could recognise Kabul and would
# then …"). Russian «и будет» was tried: it also joins a relative clause's condition ("Индии, которая … и будет
# покупать, если …") and was left out.
_FUTURE_JOINED = "and would|and will|and is to|and plans to"
# Round 40: a headline's second predicate after a comma, its "but" left out, is a clause of its own when it refuses
# or denies: "GAIL signs for Yamal LNG cargoes, rules out Arctic LNG 2 volumes", «Индия купила партию Urals,
# отказалась от второй»: the refusal's object follows it, the first act stands. Folded text, third-person forms
# (a participle after a comma, "denying the reports", "refused by buyers", describes what precedes it and stays in
# its clause).
_REFUSED_AFTER = (
    "rules out|denies|rejects|refuses|declines|turns down|"
    "отказал\\w*|отказыва\\w*|отверг\\w*|опроверг\\w*|відмовил\\w*|спростува\\w*|"
    "lehnt|dementiert|refuse|dement|rejette|exclut|rechaza|niega|descarta|rejeita|nega|respinge|smentisce|odrzuca"
)
# Japanese joins two clauses by a verb's continuative form and a comma; when a new subject (a noun and が or は)
# opens the second, its modality is its own: "…承認する法律も含まれ、大統領が近く署名する見通し" tells the law passed,
# the president's signature expected. Without a new subject the last predicate's modality governs both
# ("承認し、大使館を開設する見通し": both expected), and the clause goes on.
_JA_HEAD = "\u4e00-\u9fff\u30a0-\u30ff"  # a Han or katakana noun; hiragana goes on ("ないまま")
# Running text only: a headline's "買い増し、インドは「検討の余地」" ends on a verb's noun, not its continuative form.
_JA_NEW_SUBJECT = re.compile(f"(?<=[しれりきちみびぎいえけせめ])、(?=[{_JA_HEAD}]{{1,6}}[がは])")
# A headline's halves may open or close with a quotation ("派兵を公表 「ほかの派遣はない」"):
# the space beside 「」『』 parts them as a space between two characters does (round 23)
_JA_QUOTES = "\u300c-\u300f"
# Round 45: a gapped conjunct is not a clause of its own. Russian and Ukrainian write a dash where the second
# half leaves out the predicate it shares with the first (тире в неполном предложении): "тендер может быть
# объявлен осенью, а контракт — подписан до конца года" is "the contract may be signed", the first half's modal
# governing both, so its "а" contrasts nothing: one to three words, then the dash, after it.
_GAPPED = "а [^\\W\\d_]+(?: [^\\W\\d_]+){0,2} ?[—–] "
_CLAUSE_END = re.compile(
    f";(?=\\s|[{NO_SPACE_RANGES}])|(?<=[{NO_SPACE_RANGES}{_JA_QUOTES}]) (?=[{NO_SPACE_RANGES}{_JA_QUOTES}])"
    f"|[,،] ?(?=(?:{_CONTRAST})(?:\\W|$))(?!(?:{_CORRELATIVE})(?:\\W|$))(?!{_GAPPED})"
    f"|, ?(?=(?:{_COMPLEMENT})\\W)"
    f"|, ?(?=(?:{_REFUSED_AFTER})(?:\\W|$))"
    f"| (?=(?:{_FUTURE_JOINED})\\W)"
    "|(?<=[ただるいすうくつぬんよ])が、|(?:ものの|けれど|けど)、|,(?=但|不过|然而|却)"
    f"|(?:ず|なく|に加え|に加えて|のほか)、|(?:(?<=ない)(?<![少危切]ない)|(?<=なかった))(?=[{_JA_HEAD}])"
)
_COLON = re.compile(f":(?=\\s|[{NO_SPACE_RANGES}])")
# An interview's question answered "yes" is a statement: "Q: Is Pyongyang still supplying Moscow? A: Yes.
# Since summer we count 28,000 containers of munitions" says the munitions are the supplies asked about, so
# the question, the yes and the answer's next sentence are one sentence (and clause). Folded text, as
# ``lined`` is; the answer may open a new line, behind a dash, a quote or an "A:" label. Only a yes: a
# question answered "no", or not at all, stays a question; and the question's mark ("?", Japanese のか。)
# vetoes nothing there (``answered_spans``, read by the ``unless_near`` vetoes).
# A briefing's or an earnings call's transcript names who answers in the label ("A (Joint Secretary, Ministry of
# Petroleum): Yes.", «Ответ (финансовый директор): Да.»): the speaker in brackets is still the answer's label
# (round 22).
AFFIRMATIVES = (
    "yes|yeah|indeed|correct|that's right|да|так точно|верно|именно|так|ええ|はい|そうです|その通り|是的|对|没错|"
    "ja|jawohl|genau|oui|si|sim|tak|evet|نعم|بله|آری|כן|네|예|ya|benar"
)
_QUESTION_START = re.compile(r"(?s:.*)[.!?؟…。！？\n]\s*")  # the end of the sentence before (greedy: the last)
# A question headline answered by whom it asked: "Did Russia send Pyongyang jets? Seoul now says yes", «Сеул
# теперь говорит: да», "俄向朝提供战机？首尔说：是的" (round 27). One to three words name the speaker, then a verb
# of saying; the yes may close the line (a headline ends in no full stop). Each word is letters then a space, a
# class the next word cannot start in, so the pattern backtracks over no more than three words.
_REPORTED_YES = (
    "(?:[^\\W\\d_][\\w'’-]*\\s){1,3}(?:now\\s|finally\\s|теперь\\s|наконец\\s|тепер\\s)?"
    "(?:says|say|said|answers|answered|confirms|говорит|говорят|ответил\\w*|отвечает|отвечают|каже|відповів\\w*)"
    "\\s?[:,]?\\s*[\"'«“]?"
    '|[\u4e00-\u9fff]{1,6}(?:说|称|表示|回答|回应)[:,]?\\s*["“「]?'
)
_ANSWERED = re.compile(
    "(?:[?؟]|[のんだ]か。)[\"'»”」)\\s]*[-—–\"'«“「\\s]*"
    "(?:(?:a|r|о|в|answer|ответ|відповідь|antwort|réponse|reponse|respuesta|resposta|risposta|cevap|جواب|答)"
    f"(?:\\s?[(（][^()（）\\n]{{1,80}}[)）])?\\s?[:.：]\\s*|{_REPORTED_YES})?"
    f"(?:{AFFIRMATIVES})(?:[.,!、。\"'»”」]|(?=\\n)|$)"
)


def answered_spans(folded: str) -> list[tuple[int, int]]:
    """Where a question answered yes runs, from its first word to the yes (folded text, line breaks or
    not): its question words (whether, ли, 是否, mu, هل) and mark ask nothing once it is answered."""
    if "?" not in folded and "؟" not in folded and "か。" not in folded:
        return []
    spans = []
    for match in _ANSWERED.finditer(folded):
        before = _QUESTION_START.search(folded, 0, match.start())
        spans.append((before.end() if before else 0, match.end()))
    return spans


def _joined(starts: list[int], answered: list[tuple[int, int]]) -> list[int]:
    """``starts`` less those inside a question answered yes ("A:" too) and right after its yes."""
    return [s for s in starts if not any(start < s <= end + 1 for start, end in answered)]


def field_text(entry: Entry, name: str) -> str:
    """An entry's field, ``lead`` included."""
    return lead_text(entry) if name == "lead" else entry.text(name)


def lead_text(entry: Entry) -> str:
    """The title and the opening under it, at most LEAD_WORDS words (twice as many characters
    in unspaced scripts): where a story says what it is about. The opening is the summary's
    first paragraph (the teaser or standfirst an outlet writes to say what the story is), then
    the content's when it does not repeat the summary. The title stays a sentence of its own;
    the whole lead is one paragraph (``breaks(..., lead=True)``)."""
    openings: list[str] = []
    for body in (entry.summary, entry.content):
        first = " ".join(next((line for line in body.splitlines() if line.strip()), "").split())
        if first and not any(_same_start(first, known) for known in openings):
            openings.append(first)
    opening = _cut(" ".join(openings))
    return f"{entry.title}\n{opening}" if opening else entry.title


# Round 38: the lead ends with the sentence its word limit falls in, up to this many words (characters, twice
# as many, in unspaced scripts) further: a cut inside a sentence keeps its subject and drops its object ("…
# assessed as artillery ammunition being delivered to | Russia"). A sentence running on past them is cut there.
LEAD_SENTENCE_TAIL = 30


def _cut(text: str) -> str:
    words = text.split()
    if len(words) > LEAD_WORDS:
        tail = " " + " ".join(words[LEAD_WORDS : LEAD_WORDS + LEAD_SENTENCE_TAIL])
        return _to_sentence_end(" ".join(words[:LEAD_WORDS]), tail)
    limit = 2 * LEAD_WORDS * 2
    if len(text) > limit and sum(map(without_spaces, text[:40])) > 20:
        return _to_sentence_end(text[:limit], text[limit : limit + 2 * LEAD_SENTENCE_TAIL * 2])
    return text


def _to_sentence_end(head: str, tail: str) -> str:
    """``head``, and ``tail`` up to the end of the sentence ``head`` stops in, when ``tail`` holds that end."""
    if _SENTENCE_END.search(head[-2:] + " ") is not None:  # head ends a sentence already
        return head
    end = _SENTENCE_END.search(tail + " ")
    return head + tail[: end.end()] if end is not None else head


def _same_start(one: str, other: str) -> bool:
    """A feed's summary is often the content's opening, cut: the lead keeps it once."""
    shorter = min(len(one), len(other), 200)
    return one[: shorter - 1] == other[: shorter - 1]


# A negation inside an adverbial clause of time or cause is that clause's: "terminated the contract after the
# company failed to pay", "nachdem die Firma nicht zahlte", "支払いがなかったため、契約を解除した" say the act
# happened. Only "after" and "because" and their kin: a condition ("if", "unless", "until", "when") governs the
# main clause. Folded text; mid-clause (after a word) the clause runs to the clause's end, at the start of a
# sentence or clause to its first comma; the Japanese one ends at its ため、/ので、/後、.
_SUBORDINATOR = (
    "after|because|nachdem|weil|parce que|puisque|apres que|porque|ya que|despues de que|"
    "после того как|потому что|так как|поскольку|из-за того что|оскільки|тому що|"
    "cunku|nadat|omdat|perche|poiche|dopo che|poniewaz|karena|setelah|"
    # round 39: a reason cited after the act is a cause clause too: "terminated the contract, citing 'no drilling in
    # three years'" (the act happened; the negation is the reason's)
    "citing|ссылаясь на|посилаючись на|unter verweis auf|invoquant|alegando|citando|gerekcesiyle"
)
# A concessive phrase or clause ("despite", "несмотря на", "trotz", "にもかかわらず、", "尽管") states what holds
# whatever the main clause says: its negation stays in it, and the main clause's negation or hedge does not reach
# into it either ("traders remain cautious despite the new mining deal": the deal was signed). Round 14.
_CONCESSIVE = (
    "despite|in spite of|notwithstanding|несмотря на|невзирая на|незважаючи на|попри|trotz|malgre|"
    "a pesar del|a pesar de|pese al|pese a|apesar de|nonostante|mimo|ondanks|meskipun|尽管"
)
_TRAILING = re.compile(f"(?:(?<=\\w )|(?<=\\w, ))(?:{_SUBORDINATOR})(?=\\s)")
_PREPOSED = re.compile(f"(?:^|(?<=[.!?;:\n] ))(?:{_SUBORDINATOR})(?=\\s)")
_JA_CAUSE = re.compile("(?:ため|ので|後|のち)、")
_CONCESSIVE_TRAILING = re.compile(f"(?:(?<=\\w )|(?<=\\w, ))(?:{_CONCESSIVE})(?=\\s)")
_CONCESSIVE_PREPOSED = re.compile(f"(?:^|(?<=[.!?;:\n] )|(?<=[。！？]))(?:{_CONCESSIVE})(?=\\s|(?<=尽管))")
_JA_CONCESSIVE = re.compile("に(?:も|は)(?:かかわらず|関わらず|拘らず)、")
_SENTENCE_MARKS = frozenset(f" \n?!.;…؟。？！\"'»”){_OTHER_STOPS}")


def subordinate_spans(folded: str, clauses: list[int]) -> list[tuple[int, int]]:
    """Where adverbial clauses of time or cause run (``_SUBORDINATOR``), as positions of ``folded``;
    ``clauses``: the clause starts ``breaks`` gives for it."""
    return _spans(folded, clauses, _TRAILING, _PREPOSED, _JA_CAUSE)


def concessive_spans(folded: str, clauses: list[int]) -> list[tuple[int, int]]:
    """Where concessive phrases or clauses run (``_CONCESSIVE``), as ``subordinate_spans`` gives its own."""
    return _spans(folded, clauses, _CONCESSIVE_TRAILING, _CONCESSIVE_PREPOSED, _JA_CONCESSIVE)


def _spans(
    folded: str, clauses: list[int], trailing: re.Pattern[str], preposed: re.Pattern[str], japanese: re.Pattern[str]
) -> list[tuple[int, int]]:
    """Mid-clause a subordinate runs to the clause's end, at a sentence's start to its first comma; a Japanese
    one (its marker last) from its clause's start to the marker."""
    spans = []
    for match in trailing.finditer(folded):
        spans.append((match.start(), _clause_end(clauses, match.start(), len(folded), folded)))
    for match in preposed.finditer(folded):
        end = _clause_end(clauses, match.start(), len(folded), folded)
        comma = folded.find(",", match.end(), end)
        spans.append((match.start(), comma if comma >= 0 else end))
    for match in japanese.finditer(folded):
        start = clauses[bisect_right(clauses, match.start()) - 1] if clauses else 0
        spans.append((start, match.end()))
    return spans


def _clause_end(clauses: list[int], at: int, size: int, folded: str) -> int:
    """Where the clause holding ``at`` ends, before the mark that ends its sentence: a question mark is
    the whole sentence's ("Which country recognised X after 2021?" asks about the recognition too)."""
    index = bisect_right(clauses, at)
    end = clauses[index] if index < len(clauses) else size
    while end > at and folded[end - 1] in _SENTENCE_MARKS:
        end -= 1
    return end


SENTENCE, PARAGRAPH, CLAUSE = 0, 1, 2  # the units ``breaks`` gives, in its order
Units = tuple[list[int], list[int], list[int]]


def breaks(raw: str, folded: str, *, lead: bool = False, headline: bool = False) -> Units:
    """(sentence starts, paragraph starts, clause starts) as positions of ``folded`` (= ``match_text(raw)``).
    ``lead``: ``raw`` is a ``lead_text``, one paragraph (its title line is a sentence, not a paragraph).
    ``headline``: ``raw`` is a title. Every sentence start is a clause start."""
    lined = _WHITE.sub(lambda m: "\n" if "\n" in m.group() else " ", fold(raw))
    if len(lined) != len(folded):  # cannot happen while folding keeps white space runs; one unit then
        return [0], [0], [0]
    paragraphs = [0] if lead else [0, *(i + 1 for i, char in enumerate(lined) if char == "\n")]
    sentences = sorted({0, *(m.end() for m in _SENTENCE_END.finditer(lined))})
    clauses = {*sentences, *(m.end() for m in _CLAUSE_END.finditer(lined))}
    # Round 42: a concessive phrase inside a clause is a clause of its own: what it concedes is not what the clause
    # says ("cargo discharged at Dunkirk despite dockers' refusal" is a discharge, not a refusal to discharge).
    # The clause vetoes read it so already (``Document.confined``); now a group's ``clause: true`` does too
    clauses.update(m.start() for m in _CONCESSIVE_TRAILING.finditer(lined))
    line = lined.find("\n")  # a lead's headline is its first line; a lead without one is all headline
    body = len(lined) if headline or (lead and line < 0) else line + 1 if lead else 0
    clauses.update(m.end() for m in _COLON.finditer(lined, body))
    if "、" in lined:  # a scan for the Japanese comma only where there is one
        clauses.update(m.end() for m in _JA_NEW_SUBJECT.finditer(lined, body))
    if joined := answered_spans(lined):
        sentences, clauses = _joined(sentences, joined), set(_joined(sorted(clauses), joined))
    return sentences, paragraphs, sorted(clauses)


# A comparison names another party as a yardstick or an example: "like Russia, Uzbekistan …", "unlike
# India, China …", «по примеру России …», "ロシアと同様、…". What its phrase names is not the clause's subject,
# so a sentence or clause group does not count the hits inside it (rules/README.md, "Comparisons").
# Folded text; a marker that comes first runs to the next comma in its clause (else over one word), a Japanese or
# Turkish one (last) from the comma or clause start before it.
# An exception names the one the clause is not about either: "North Korean rockets reach buyers other than
# Russia", «за исключением России», "ロシア以外の国" (round 23). Only the markers that exclude: "besides",
# «кроме», «помимо» and "apart from" also add ("besides Russia, Iran buys them": Russia buys too).
_COMPARISON = (
    "(?<!would )(?<!'d )(?<!to )like|unlike|as with|as did|just as|much as|similar to|similarly to|"
    "in contrast to|in contrast with|"
    "compared with|compared to|the example of|following the example of|other than|"  # en
    "по примеру|в отличие от|как и|подобно|наподобие|вслед за|аналогично|за исключением|"  # ru
    "на відміну від|за прикладом|як і|подібно до|слідом за|за винятком|"  # uk
    "anders als|im gegensatz zu|nach dem vorbild|nach dem beispiel|ähnlich wie|ahnlich wie|wie schon|"
    "mit ausnahme von|"  # de
    "contrairement à|contrairement a|à l'instar de|a l'instar de|à l'exemple de|a l'exemple de|à l'exception de|"
    "a l'exception de|"  # fr
    "a diferencia de|al igual que|a ejemplo de|siguiendo el ejemplo de|a semejanza de|"
    "a excepción de|a excepcion de|"  # es
    "ao contrário de|ao contrario de|a exemplo de|assim como|"  # pt
    "a differenza di|sull'esempio di|"  # it
    "w przeciwieństwie do|w przeciwienstwie do|wzorem|podobnie jak"  # pl
)
_COMPARISON_FIRST = re.compile(f"(?:^|(?<=\\W))(?:{_COMPARISON})(?=\\s)")
_NEXT_WORD = re.compile(r"\s*\S+")
_COMPARISON_LAST = re.compile(
    "(?:と同様|と同じく|とは異なり|と異なり|とは違い|と違い|に倣い|にならい|に続き|以外)|(?<=\\w) gibi(?=\\W)"
)


def comparison_spans(folded: str, clauses: list[int]) -> list[tuple[int, int]]:
    """Where comparison phrases run (``_COMPARISON``), as ``subordinate_spans`` gives its own."""
    spans = []
    for match in _COMPARISON_FIRST.finditer(folded):
        end = _clause_end(clauses, match.start(), len(folded), folded)
        comma = folded.find(",", match.end(), end)
        if comma < 0:  # without a comma the phrase's end is unknown ("anders als China kaufte Indien"): one word
            word = _NEXT_WORD.match(folded, match.end())
            comma = min(word.end(), end) if word else end
        spans.append((match.start(), comma))
    for match in _COMPARISON_LAST.finditer(folded):
        start = clauses[bisect_right(clauses, match.start()) - 1] if clauses else 0
        comma = max(folded.rfind(",", start, match.start()), folded.rfind("、", start, match.start()))
        spans.append((comma + 1 if comma >= 0 else start, match.end()))
    return spans
