"""Dedup: one alert per story (syndicated copies) and, for ``novelty: event`` rules, per event.

Design, in the order an entry meets it:

1. **Clean** (``clean``): the text as the copy carries it. A body printed in the form it was stored
   in, a mail archive's quoted-printable ("Asunci=C3=B3n", "=" breaks) or a word processor's RTF
   ("{\\rtf1 … Asunci\\u243?n\\par"), is read as its text (``transfer``). Mojibake (UTF-8 read as Windows-1252 by
   an exporter: "Ð¼Ð¾ÑÑ‚", "Ä‡", "â€“") is decoded again, body and headline (``clean.repaired``):
   in Cyrillic or Greek it spares no word. Markup escaped once more ("&lt;p&gt;") is dropped
   (HTML's own tags, by name), and a text hard-wrapped at one width (a newsletter's 72 columns)
   is joined again: a line filled to near its longest goes on in the next (``clean.unwrapped``),
   so the copy's sentences are the story's; where most filled lines end a sentence, they are a brief's
   one-sentence paragraphs, no wrap. A line of links (three or more short items apart by
   one separator: breadcrumbs "Home › News › Croatia", "Share: Facebook · X") is no story text.
   Block boundaries are word
   boundaries (``</p><p>``, a glued ``Kabul.The``, ``précisé.L'appel``, ``said."We``, ``bifoa.HONIARA, 18 Jun``),
   entities and typographic quotes fold,
   datelines, bylines and time stamps are recognised by shape and removed from the opening
   in any language (a credit word: By, Par, Von, Por, Автор, بقلم, 记者; or "Name | Desk",
   "Name, Outlet" on a line of its own or glued to the story; any short line with no sentence
   end above a line opening with a dateline; a credit word or one-word label
   and a name, or "Name / Desk", glued to the dateline after it), truncation markers end the
   text (``…Read More``, ``[…]``, ``The post … appeared first on …``, and by shape an
   ellipsis then a few words or one short sentence, "… Lire la suite", "… Continue in the
   <Outlet> app.", or a last line ending in an arrow). A line that is a label, an arrow and a web address
   ("<headline> ➜ https://…"), or a label, a dash, a call of a few words and a colon before the address
   ("<headline> — continue: https://…"), is a teaser's link: no text (its headline stands in;
   ``clean._unlinked``). A first paragraph opening with the entry's own outlet name and a mark ("Harbour Letter ·
   the weekday letter, 3 June. Good morning. …": a mailer's masthead over each item) is the outlet's, not the
   story's, when more text follows (``signature._masthead_dropped``). A part's number closing a headline
   ("… [2/2]": an app posting a long report in parts) is a label, so is a digest's item number opening one
   ("#4 · ", "(4/9) ", "4) ": ``clean.bare_headline``), and a word after an
   ellipsis opening a line (an excerpt's "… The") opens a sentence, no name (``shingles.after_bullet``).
   Lines each outlet adds of its own are not story text: a photo caption ending in a
   credit ("Photo: Name/Outlet", "© Outlet", "Архивное фото. /СИБ/") and a labelled line
   that is not a sentence ("Related: <another headline>", "Tags: …", a fact box), and a
   short labelled note on top ("Editor's note: …", "Nota de la redacción: …"), and a row of the outlet's other
   headlines under a label ("See also · <headline> · <headline>", ``clean._related``). A refresh note on top, a
   label and a clock time and one sentence with no figure or name ("UPDATED 10:52: This story has been updated.",
   "【14:53更新】…"), is the page's, glued to a summary's lede too (``refresh``); so are the lines naming the entry's
   own outlet, a credit opening the text ("Na Mwandishi wa <Outlet>", "(<Outlet>編集部)"; an aggregator's naming
   the desk it carries first, "Dépêche <Desk>, édition <Outlet>", with the refresh note and dateline under it) and a
   closing note
   ("※ 이 기사는 <Outlet>가 …"), in any language (``ownlines``). A carrier's filing stamp on a line of its own
   ("Filed by <Desk> at 13:15") is wrapping (``clean._filing_stamp``), and a message sent in parts, each line
   opening "1/3: " to "3/3: ", loses the numbers and joins a sentence cut across parts (``clean._parts_joined``).
   Invisible marks inside words (soft hyphen, zero-width space, word joiner) are dropped where all
   text is read (``monitor.text.squash``): a word with one of them inside is one word; every
   other invisible format character (a right-to-left mark after a number, a byte-order mark)
   is dropped before the story is read (``clean.visible``). Page chrome, a first or last line
   of a few words with no digit, sentence end or name ("Skip to content", "Back to top", a
   counter beside its icon), is no story text, nor is a page's stamp first or last (items apart by a separator,
   a date with its year among them: an e-paper's folio, a print view's footer), nor a digest's item heading
   on top (its number and the headline, "6. <headline>": the story and its dateline follow), and a first line
   "label - name" is a credit. A carrier's format around a brief's lines goes first (``carriers``): a menu
   screen's item numbers and back key ("1> …", "0> Back"), caption cues and their timing lines (on lines of
   their own or run into one summary line), a symbol badge on top or a footer at the end ("▶ Listen · 0:42",
   "▦ Scan: https://…", "[1] <Outlet>, <date>"), a transcript's time codes, a day stamp before the headline or
   the text ("17/01 · "), a forwarding ("RT @desk: "), blocks run into one line by a sign after a full stop
   ("… / …"), or by a run of plus signs after any block (a cue or a page header run in before the lede, "… +++ …"):
   none is the story's, and its numbers would be counted among the copy's facts. A social carrier's post around
   the story is read off too (``social``): an SMS alert's or a channel's headline in capitals over the lede, a page's
   link preview (its comment and the address, the site's host, the card's title: the post's headline), a post's
   link line ("👉 https://…"); and a text pointing at the address of an entry of the story its text joins stays
   there, whatever headline another desk wrote alike (``StoryIndex._points_into``).
2. **Sign** (``signature``): sentences, script-aware tokens (``monitor.text``'s one script
   table; a text most of whose tokens are characters of a script without spaces is shingled by characters,
   whatever paragraph of words opens it: ``shingles.unspaced``), US/UK spellings folded, 3-word (5-character)
   shingles with stable 32-bit hashes;
   a Kazakh Cyrillic text in Kazakh's Latin letters, a Mongolian one in the Latin letters
   Mongolian sites write, a Belarusian one in Łacinka, a Tajik one (ӣ ӯ ҷ) in the Latin letters
   Tajik sites write, a Uyghur one of the Arabic-script alphabet that writes its vowels in the
   Latin letters Uyghur sites write (``alphabets``): a desk's transliterated copy is one story. A
   text with no capitals (``signature.NO_CAPITALS``; or most of whose letters are of a script without them, under
   an app's English line "Open in the <Outlet> app.", or beside a name's Latin gloss "राठौड़ (Rathore)":
   ``signature.mostly_caseless``) has numbers for facts: against a copy with capitals, its numbers are
   looked for in the copy's. Then every word of the Latin or Cyrillic alphabet is hashed in one spelling
   of its sounds (``alphabets.sounded``: Cyrillic letters by one table, and what romanisations write
   apart made one: zh j, kh h, ch ts, y ı i, a doubled letter, the glide in ye/ya), so a transliteration
   by a convention no table lists (Kyrgyz "жаңы" / "jañı", Russian "Ельцин" / "Yeltsin") is the same text; a text with
   Serbian's own letters keeps its Cyrillic words (its desks write both alphabets as their own).
   Kept: a value-chosen sample of the whole body (the 160 smallest hashes: every shingle
   of a text up to 160, so a one-paragraph copy from the middle is measured exactly), the
   opening's other shingles, blocking keys (the opening's first and sampled shingles and
   the smallest of each tenth of the text: a paragraph of a fifth of it holds one), the text's
   skeleton (``skeleton``: each word by its consonants in Latin letters, ``anyascii``; its 48 smallest
   shingle hashes, the four smallest as keys, and its names' and numbers'), a hash per
   sentence, names and numbers ("1 200" is
   one number; a capitalised word opening a sentence, or a line after a bullet such as "🔹" or "•",
   is a name only if the text also capitalises it mid-sentence), and the event keywords. A
   headline signed with the outlet's name ("… | Лента дня") is compared without it, and without a live blog's
   clock time before it or a short label after a middle dot or bar or in square brackets ("06:31 · …",
   "… · Evening edition", "… [Mostar]": ``clean.bare_headline``).
3. **Block** (``index``): a new entry looks up *every* shingle it has among the stored
   keys, so the original is found through whatever passage the two share: the opening,
   the middle of a copy whose opening was rewritten, the opening of a copy with a
   paragraph added on top.
4. **Verify** (``compare``): containment, the share of the shorter text's sampled
   shingles found in the longer, over the whole body; >= 60 % (``STORY_THRESHOLD``, 50 %
   when the headlines are the same) joins the story, if the names and numbers agree where
   the two texts overlap (80 % of those in the entry's sentences that share shingles with
   the other, when the entry is the shorter; else of the shorter's in the longer, or all of
   the entry's in the sentences shared with the shorter, when that one added names of its own:
   a copy under a new headline read first and its story read after are one; numbers
   folded to one form: "24.8万" = "248,000" = "248 000", "3,200萬" = "32 million"; a currency's letters
   glued to one, "Sh92,000", are not read: the amount is the fact). Copies agree
   where they overlap whatever each added; two bulletins of one template overlap in
   sentences of one frame that print other names and numbers (three or more missing
   there, and only those sentences count). The reason says it in words:
   "92 % of this entry's text appears in entry 17 (Wire Desk); 80 % of its sentences
   word for word, in order; opening differs: dateline removed". A longer text holding a
   story beside passages found only in other stories is a round-up: none of them, no event;
   so is a new story that quotes a tenth or more of its text from each of two stories of
   different events (``compare.digest``).
   Where the words share too little, a candidate found by a skeleton key joins when 85 % of the shorter
   text's skeleton is in the longer's, 75 % of this entry's in the other's when it is the longer, and the
   names and numbers agree in skeleton form (``compare.resembles``): a copy whose letters a keyboard or a
   transliteration changed throughout ("Сәләм" typed "Сэлэм", Greek in Latin letters) keeps its consonants.
   A text too short to compare (a summary that is only a dateline, or no text at all)
   joins by the same headline of five words or more, and a summary (40 shingles or fewer)
   under the same headline needs 25 % (``SUMMARY_THRESHOLD``); sharing less (the aggregator's
   own sentence, or only its note "Updated with new figures"), it joins when published within
   36 h of that headline's entry and half its names and numbers are that entry's
   (``HEADLINE_HOURS``). One step reads the headline (``headline``): so does a copy of another outlet titled
   by that entry's lede (an aggregator titling items by their first line), or whose lede is its headline (a
   push printing the headline), of eight words or more, within 36 h; the text's own verdict (a round-up,
   a follow-up, the next bulletin) wins. Ties go to the entry explaining the larger share of the text, then
   to the one under the same headline (a truncated copy of a follow-up holds only the
   paragraph the follow-up repeats). A name or number touching a text's end is no fact (an
   aggregator's cut leaves "21" of "212"), nor is a time of day ("10:40", "16.20") or UTC (a
   copy converts the time); a name counts by its first five letters (a moved attribution inflects it). A
   longer text from a story's own outlet that opens with the story but is less than half of
   it is the outlet's follow-up: a new story in the same event (``compare.follow_up``; an
   outlet does not syndicate itself), unless it opens with the whole of the outlet's entry of the story, word
   for word, within 12 h of it: that entry grown (a flash written through, paragraphs added after it;
   ``versions.grown``), its copy whatever it adds (``novelty`` does not read it); and so is one 12 h or
   more later, no re-run of it, that prints two names or numbers it lacks (one number, in a script without capitals:
   ``compare.later_story``) or, after a sentence of it word for word, another with words of its own (its next
   brief of one template, figures in words: ``compare.reframed``); so is one that, within 36 h, opens with
   its first two sentences word for word, a name or number in them,
   sharing too little for a copy (``compare.repeats``). Two texts of one outlet sharing only their opening
   sentences, each going on with its own (``divergence.wrapper``), are the note that outlet puts above each story
   it carries (an editor's note, a context card in English above a report in another script): neither is the
   other's copy, nor a story a round-up quotes; an opening found on entries of two stories of the outlet is no lead
   its next story repeats (``compare.standing``); and the story under the note is measured alone
   (``divergence.beneath``): a copy when each of its sentences shares a passage with the story. So is an outlet's
   first entry under its note, which no other entry yet shows to be the outlet's, when its first sentences share no
   passage with an entry of another outlet under its headline and print no name or number, and every sentence after
   them shares one (``divergence.note``): a long note over a sentence or two of the story. From any outlet,
   a text that opens
   with two sentences or more of a story word for word and ends with two or more sharing no
   passage with it (one, when the story's fullest entry is its own outlet's), while the story's
   fullest entry goes on with a quarter or more of its text that this one lacks, is another
   story of that event (``divergence``): a follow-up
   holds the story's summary copies whole, yet a copy never ends in news of its own while
   lacking the story's rest; nor does one under a headline an entry of the story already has (an outlet's
   closing lines of its own, an appeal or a rating, under the wire's headline: its copy).
   An outlet's text 12 h or more after its own entry of a story, close in words but printing
   other names and numbers, is its next bulletin of one template, even where a shorter copy
   of the first has too few names and numbers to tell (``SERIES_GAP``); so is one of about
   its length printing a figure the other lacks in place of one it prints
   (``compare.swapped_facts``: in a script without capitals numbers are the only facts), and one whose first
   sentence, words of its own, names that entry's headline ("After «…», the hall announced a delay", or
   first, with words of its own after it: "«…» — the opening is put off": ``compare.citing``), its next-day
   follow-up retelling the first brief with the fact that changed.
   Last, what is new here (``novelty``): a text close enough to be a copy is read sentence by
   sentence against every verified entry of the story at once; a sentence that is not the
   story's and prints a name or number it lacks is news. An hour or more after the story's first
   entry, news making 40 % of the text (two sentences, three names and numbers: a write-up after
   its flash), or two such sentences before the first it shares while holding none of the story's
   first sentences (the background repeated under a new lead: the next ruling of a case), make a
   new story; so does an outlet's text under another headline than its own entry of the story,
   holding none of the story's sentences word for word (its rewrite, each sentence its own or
   reworded), or with one of the story's sentences printing another figure and a line of its own
   (its corrected re-issue). In a text without capitals, where only numbers are facts, a sentence of its own
   with one new number among them is news. But a text holding the story's fullest entry as its cut tells that
   story's rest, no news, whatever its order (``compare.excerpt``: two thirds of that entry's sentences word for
   word, three or more and its first among them; two, wherever its first went, under the same headline; a cut
   entry's last sentence counts when every shingle of the entry is in the text, a summary-only desk's 320
   characters read before its page's copy): a
   teaser, a blog's cut from the middle, one part of a report in parts, read before the whole; the story under a
   mailer's masthead and list of headlines. A flash of one or two sentences under a headline of its own is
   below that floor (a write-up may quote it whole), and a follow-up holds the story's background, not its lead.
   A new story told by such news joins the story's event when it comes within ``SERIES_GAP``; a day later its
   keywords decide (the next happening), and so they do for a desk's own text printing other figures in place of
   its story's, none of its numbers the story's (its next brief in the same frame: ``index._next_brief``). A
   copy adds only wrapping: a note, a credit, an "updated" line, a line of context, one new top line.
   The reason says what it adds: "new story: 89 % of the text of entry 1, but it adds 3 of its 8
   sentences (44 % of its text) the story lacks, with 7 names and numbers it does not print".
   A text sharing too little with any story that points at the address of one entry of another outlet
   (a card's "⇢ https://…" under its note and one sentence of the report, a relay's headline and "➜ https://…")
   is that entry's copy when a sentence of it shares a passage there and those sentences' names and numbers are
   the entry's, all of a headline teaser's (``index._pointed_at``): "copy: it points at the address of entry 3
   (Quayside Wire), 14 % of the text shared, 100 % of the names and numbers there". A cut printing fewer names
   and numbers than decide anything, every one of them missing from the story and none of its sentences there
   word for word, is another brief in the story's frame, no copy (``compare._unconfirmed``).
5. **Event** (``events``): a new story joins the event of a recent story (event times
   <= 36 h apart) whose IDF-weighted cosine over names, numbers, named days and lead words
   reaches 0.23 (``EVENT_THRESHOLD``); names are compared by sound across scripts
   (``names``: Лавров = Lavrov = ラブロフ) and a day named in the opening dates the event
   (``dates``: a month in English or as the Germanic languages write it, "9. Oktober", a mark on it or a word
   before it too, "17 di òktober", or by Russia's month
   names with any language's ending, "12 октябрьдә", or in numbers with its year, "8/3/2027", when one reading alone,
   day or month first, is a day of the week before publication). Two reports that each print three numbers or more and
   share none report different happenings (the next day's market close), and so do two that share a quarter
   of their text or more (without being copies) published 12 h or more apart: the next issue
   of a series written from one template (``SERIES_TEXT``); within 12 h, one outlet's story sharing that much of its
   own earlier story's text but none of its figures is the desk's next brief in that frame (``_briefs``). A new story
   that shares six
   names and numbers found in at most two stories of the window joins at an overlap of 0.15;
   within 12 h, one whose names, numbers and days are 40 % (IDF-weighted) the other's joins
   at 0.05: the cosine is diluted by each outlet's own headline and lead words, and across
   languages the lead words never match; so does one, within 12 h, sharing three numbers and
   three names or numbers each found in at most two stories (``RARE_FIGURES``: two scripts
   write their names apart, not their figures). "Rare" is a key of at most two events (``EventIndex._rare``): a
   name every report of one happening prints stays rare for its next report. A weekday named in any language
   (CLDR's names, ``eventkeys.weekdays``) is keyed as the date of that day nearest publication; it weighs only
   there, beside rare figures both print alike, in two scripts (``_across``). A rival desk's brief in a script
   without spaces (Han, Thai) joins under one rare figure at the cosine over the keys of the scripts both write
   (``_alike``). A capital makes a name only where
   grammar does not put one: not a sentence's first word ("Das", "Les", "The") unless also
   written capitalised mid-sentence, not a title-case headline, and in a text that capitalises
   its nouns (German) only a word that recurs or stands in a run ("Elena Haddadi"). A script
   without capitals (Arabic, Persian, Hangul, Devanagari, Bengali, Ethiopic) cannot say which
   words are names: every word of its headline and lead is keyed by sound (تبریز = Tabriz,
   울산 = Ulsan), and IDF weighs down the words every report of the language uses. Numbers are
   anchors as values, whatever digits and separators write them ("3,412" = "۳٬۴۱۲" = "3412",
   "۸٫۶" = "8.6", "12000亿" = "1.2万亿" = "1.2萬億"); the day of a named date is not also a number, nor is a
   telephone number (a trunk 0 or a "+" code, then groups: "021 807 4500"), which every release of
   one issuer prints, nor anything of a closing "about" block (a last paragraph under a short label
   naming whom the headline names: "About Greyfen Robotics: founded in 2014 …"), nor a label opening
   the headline or the text with the outlet's own name ("Abay Press Daily Digest: …", a digest's or
   newsletter's: it says which outlet and issue). A
   headline naming someone or somewhere an earlier report of its script never names, sharing
   with it neither a name found in at most three stories nor two numbers, reports another
   happening (the county's next flood, named by the same spokespeople); so does one outlet's new story,
   within 12 h, sharing 30 % of the longer text with its own story (``RELEASE_TEXT``: the issuer's
   "About" paragraph and quote around other news, two releases of one press kit; nor through another desk's
   report of it: ``EventIndex._kits``), while its own story
   more than 12 h later joins at an overlap of 0.15 (``OWN_LATER``: a next-day follow-up written
   afresh names the who and where, few of the day's words), when it shares a name or figure of either
   headline. A desk's next issue of its own template joins none of that issue's event (nor a wire's
   rewrite of it). Another outlet's report within 12 h in another script sharing two names or numbers
   rare in the window, a figure among them and half the figures of either, is a rewrite of the same
   event (``EventIndex._across``: a wire's English rewrite of a Han, Thai or Arabic brief); figures in
   Han numerals ("四百五十") are read as values, and an Arabic word is keyed without its article. A name after a
   lower-case prefix glued to it is the name ("eGqeberha", "uThandeka", Irish "nGaillimh"), and a
   figure's "million" is read in Lao, Thai, Khmer, Burmese (glued to the next word), Amharic and
   Sinhala too. The reason
   names the shared people, places, numbers and days as the entry wrote them, and only counts
   the shared headline words and character pairs. Keywords are extracted in ``eventkeys``.
6. **Update** (``normalise.content_hash`` / ``material_change``): a known GUID or link with
   new text is an update of its entry, material when a number changed or the text is
   below 95% alike.

The index covers the dedup window (default 7 days): an entry first seen before it is no story to copy,
even before a pruning drops it (pruning runs every ``prune_every`` adds), and a copy of an entry of the window
comes before it, however much closer it is (a site's entry of the template it filled weeks ago). Its
signatures are stored in SQLite so a restart rebuilds it without re-reading bodies, in bulk
(``StoryIndex.load``, ``bulk``): the blocking keys of the window as one sorted numpy table, the event
keywords counted in one pass.
Each entry is held as one packed bytes record (``packed``: a fixed head and uint32 arrays), unpacked
only for the few candidates a decision reads; keys of entries added since start-up are folded into
the table when the window is pruned (memory per entry: ``benchmarks/index_memory.py``).
Signatures of earlier designs (magic SZ and older: an outlet's row of its other headlines under a story,
"See also · <headline> · <headline>", kept as story text; SY and older: a mailer's masthead paragraph
"<Outlet> · the weekday letter, …" kept as story text, the word after an excerpt's opening "… " read as a name,
a part's number "… [2/2]" hashed with the headline; SX, SW and older: SX's branch read no month name nor
thousand or million word of a script besides Latin and Cyrillic among its event keys (now CLDR's); SW's branch
and SV: a stub's pointer "<headline> — continue: https://…" kept
as text, a headline's tag in square brackets "… [Mostar]" hashed with it;
ST and older: a text opening with a paragraph of words over a story in a script without spaces shingled by
words throughout, a day in numbers, "8/3/2027", naming no day, a teaser's link line
"<headline> ➜ https://…" kept as text, a headline's clock time "06:31 · …" and edition label "… · Evening edition"
hashed with it; SS and older: a live feed's bare clock
time opening the text, "20:37 ▸ …",
kept as story text; SR and older: the Latin capitals of a mostly caseless text, a name's gloss
"राठौड़ (Rathore)", read as names among its facts, and 萬 and 億 no multiplier; SQ and older: a digest's item
heading, "6. <headline>", kept as story text with the dateline under it, and a currency's letters glued to an
amount, "Sh92,000", read as a name and a number; SP and older: an app's one-sentence call after a summary cut
short kept as story text; SO and older: a caseless text under a line of Latin capitals flagged capitalised;
SN and older: a page's stamp kept, a capital palochka inside a word read as a capital, months of Russia's names
with another language's ending and the Germanic forms of English months naming no day, a written-out Cyrillic
"million" no multiplier; SM and older: the skeleton keyed by stretches, an Abkhaz ҷ read as Tajik,
a Latin byline run into another script kept; SL and older: no skeleton, a text wrapped narrower than 50 columns
read line by line; SK and older: a palochka typed as a stroke, "Г1ала", and a
program's escaped string hashed as written; SJ and older: a quoted-printable or RTF body hashed as stored, a closing
link line "=> address Headline" kept as text; SE and older: a caseless text flagged capitalised for any Latin
capital, and no count of the headline's names, which ``events._siblings`` reads of a rebuilt story too;
SD and older: a time of day written with a colon, "10:40", kept as two
numbers among the facts; SC and older: a Uyghur Arabic-script text hashed as written, format characters
and page chrome kept, no flag for a text without capitals; SB and older: a word hashed as written, not in one
spelling of its sounds, and the whole sample's smallest hashes as keys, not each tenth's; SA and older: a Tajik
Cyrillic text hashed in Kazakh's Latin letters, not in those Tajik sites write, and the word after a line's bullet
kept as a name; S9 and older: a Belarusian Cyrillic text hashed in Cyrillic letters, not in Łacinka's; S8 and older:
a Mongolian Cyrillic text hashed in Kazakh's Latin letters, not in those Mongolian sites write, ``alphabets``; S7
and older: a Kazakh text hashed in Cyrillic, a time of day or a whole name as a fact; S6 and older: a number cut at
the text's end kept as a fact; numbers keyed by their digits; a credit glued to the dateline kept as text; half of a
short text sampled; MinHash bands of the opening) are recomputed from the stored bodies on the first start and
written back (``rebuild``); stored decisions are kept as they are.
"""

from monitor.dedup.events import EventIndex, EventMatch, keywords
from monitor.dedup.index import EVENT_THRESHOLD, STORY_THRESHOLD, Decision, StoryIndex
from monitor.dedup.normalise import content_hash, material_change, strip_boilerplate, tokens
from monitor.dedup.signature import Signature, signature, signatures

__all__ = [
    "EVENT_THRESHOLD",
    "STORY_THRESHOLD",
    "Decision",
    "EventIndex",
    "EventMatch",
    "Signature",
    "StoryIndex",
    "content_hash",
    "keywords",
    "material_change",
    "signature",
    "signatures",
    "strip_boilerplate",
    "tokens",
]
