"""The news test (``novelty``) where names cannot be seen, and a desk's corrected re-issue.

Written for this test (Devanagari and Georgian, scripts without capitals; Spanish and Greek for the
re-issue), every entry read by the real parser; none of it comes from a labelled set.

In a script without capitals only numbers are facts: a sequel's new lead and quote print names the
detector cannot see. Its own sentences stand for them, with one new number: the next day's report
that repeats the first day's background is another story; a copy with one new figure on top, or two
lines of wrapping without a number, stays a copy. A desk re-issuing its story under another headline
with a figure changed and a correction line is another story; one converting a unit inside a
sentence, or updating its figures under the same headline, stays a copy.
"""

from __future__ import annotations

from test_dedup_novelty import _reason as reason_of
from test_dedup_novelty import _stories as stories_of

# Hindi: a metro line opens; the next day, the first working day's crowds, the background repeated.
HI_BACKGROUND = (
    "<p>पुणे मेट्रो की नई हरित लाइन का उद्घाटन 12 मार्च को किया गया जिस पर कुल 1450 करोड़ रुपये खर्च हुए। "
    "इस लाइन पर चौदह स्टेशन हैं और हर सात मिनट में एक गाड़ी चलती है।</p>"
    "<p>मेट्रो निगम के अनुसार यह लाइन शहर के पूर्वी इलाकों को रेलवे स्टेशन से सीधे जोड़ती है और "
    "रोज़ाना लगभग 90000 यात्रियों के सफ़र करने की उम्मीद है।</p>"
)
HI_STORY = (
    "<p>पुणे मेट्रो की हरित लाइन पर बुधवार सुबह से यात्री सेवा शुरू हो गई और पहली गाड़ी में सैकड़ों लोग सवार हुए। "
    "निगम के प्रवक्ता ने कहा कि सुरक्षा जांच पूरी होने के बाद सेवा समय पर शुरू हुई।</p>" + HI_BACKGROUND
)
HI_SEQUEL = (
    "<p>पुणे मेट्रो की हरित लाइन पर पहले पूरे कामकाजी दिन 61200 यात्रियों ने सफ़र किया और टिकट खिड़कियों पर लंबी "
    "कतारें लगीं। "
    "परिचालन प्रबंधक सुनीता देशपांडे ने बताया कि कल से स्टेशनों पर स्वचालित टिकट मशीनें भी लगाई जाएंगी।</p>" + HI_BACKGROUND
)


def test_a_next_day_report_in_a_caseless_script_is_another_story():
    stories = stories_of(
        ("Pune Samachar", "पुणे मेट्रो की हरित लाइन शुरू", HI_STORY, 0),
        ("Deccan Khabar", "हरित लाइन पर यात्री सेवा शुरू", HI_STORY, 1),
        ("Pune Samachar", "हरित लाइन पर पहले दिन लंबी कतारें", HI_SEQUEL, 25),
    )
    assert stories == [1, 1, 3], stories


def test_the_caseless_sequel_is_told_apart_in_words():
    reason = reason_of(
        [
            ("Pune Samachar", "पुणे मेट्रो की हरित लाइन शुरू", HI_STORY, 0),
            ("Pune Samachar", "हरित लाइन पर पहले दिन लंबी कतारें", HI_SEQUEL, 25),
        ]
    )
    # Read by whole words (vowel signs kept), it is told apart by its new number before its new sentences.
    assert reason.startswith("new story:") and "names and numbers" in reason, reason


# Georgian: a bridge reopens. Copies made hours later that add only what a copy adds.
KA_STORY = (
    "<p>ქუთაისში რიონზე გადებული თეთრი ხიდი რეკონსტრუქციის შემდეგ ფეხით მოსიარულეებისთვის ხელახლა გაიხსნა. "
    "სამუშაოები რვა თვე გაგრძელდა და მუნიციპალიტეტს 2,3 მილიონი ლარი დაუჯდა.</p>"
    "<p>მერიის ცნობით, ხიდს ახალი მოაჯირები და ღამის განათება დაემატა, ხოლო მის ორივე ბოლოში "
    "სკამები და ველოსიპედების სადგომი მოეწყო.</p>"
    "<p>ადგილობრივი მცხოვრებლების თქმით, ხიდი ქალაქის ისტორიული ცენტრის ერთ-ერთი ყველაზე "
    "საყვარელი ადგილია და მისი გახსნა დიდი ხანია ელოდნენ.</p>"
)
KA_NEW_FIGURE_ON_TOP = (
    "<p>გახსნის პირველ საათებში ხიდზე 4800 ადამიანმა გაიარა, განაცხადეს მერიაში დღეს საღამოს.</p>" + KA_STORY
)
KA_WRAPPED = (
    "<p>ეს სტატია ჩვენმა პარტნიორმა გამოცემამ მოგვაწოდა და ის უცვლელად იბეჭდება ჩვენს გვერდზე.</p>"
    + KA_STORY
    + "<p>გამოიწერეთ ჩვენი ყოველდღიური მიმოხილვა და მიიღეთ ქალაქის ახალი ამბები პირდაპირ თქვენს ფოსტაზე.</p>"
)


def test_a_caseless_copy_with_one_new_figure_on_top_stays_a_copy():
    stories = stories_of(
        ("Kutaisi Post", "ქუთაისში თეთრი ხიდი გაიხსნა", KA_STORY, 0),
        ("Imereti Today", "თეთრი ხიდი კვლავ ღიაა", KA_NEW_FIGURE_ON_TOP, 3),
    )
    assert stories == [1, 1], stories


def test_a_caseless_copy_with_two_lines_of_wrapping_and_no_number_stays_a_copy():
    stories = stories_of(
        ("Kutaisi Post", "ქუთაისში თეთრი ხიდი გაიხსნა", KA_STORY, 0),
        ("Rioni Digest", "ქუთაისის თეთრი ხიდი", KA_WRAPPED, 5),
    )
    assert stories == [1, 1], stories


# Spanish: a desk's story, then its corrected re-issue (another headline, a figure changed, a correction line).
ES_STORY = (
    "<p>ZARAGOZA.- El nuevo puente peatonal sobre el Ebro abrirá el lunes tras catorce meses de obras. "
    "La estructura mide 212 metros y ha costado 9,4 millones de euros al Ayuntamiento.</p>"
    "<p>«Es el primer puente de la ciudad pensado solo para peatones y bicicletas», dijo la concejala "
    "de Movilidad, Pilar Ansó, durante la visita a la obra.</p>"
    "<p>El puente unirá el barrio del Actur con el parque de Macanaz y tendrá iluminación nocturna.</p>"
)
ES_REISSUE = (
    "<p>ZARAGOZA.- El nuevo puente peatonal sobre el Ebro abrirá el lunes tras catorce meses de obras. "
    "La estructura mide 212 metros y ha costado 11,7 millones de euros al Ayuntamiento.</p>"
    "<p>«Es el primer puente de la ciudad pensado solo para peatones y bicicletas», dijo la concejala "
    "de Movilidad, Pilar Ansó, durante la visita a la obra.</p>"
    "<p>El puente unirá el barrio del Actur con el parque de Macanaz y tendrá iluminación nocturna.</p>"
    "<p>Corrección: una versión anterior de esta información atribuía al puente un coste distinto, "
    "según datos provisionales del consistorio.</p>"
)
ES_CONVERTED = ES_STORY.replace("mide 212 metros", "mide 212 metros (696 pies)")
ES_NOTE = "<p>Nota del editor: la noticia se ha actualizado con las cifras finales del consistorio.</p>"
ES_UPDATED = ES_STORY.replace("9,4 millones", "11,7 millones").replace("<p>El puente", ES_NOTE + "<p>El puente")


def test_a_desk_s_corrected_re_issue_under_another_headline_is_another_story():
    stories = stories_of(
        ("Heraldo del Ebro", "El puente peatonal del Ebro abre el lunes", ES_STORY, 0),
        ("Diario Cierzo", "Zaragoza estrena puente peatonal", ES_STORY.replace("ZARAGOZA.- ", ""), 1),
        ("Heraldo del Ebro", "El puente peatonal del Ebro abre el lunes (corregida)", ES_REISSUE, 4),
    )
    assert stories == [1, 1, 3], stories


def test_the_re_issue_is_told_apart_in_words():
    reason = reason_of(
        [
            ("Heraldo del Ebro", "El puente peatonal del Ebro abre el lunes", ES_STORY, 0),
            ("Heraldo del Ebro", "El puente peatonal del Ebro abre el lunes (corregida)", ES_REISSUE, 4),
        ]
    )
    assert "Heraldo del Ebro's corrected re-issue of its own story" in reason, reason


def test_a_desk_s_copy_converting_a_unit_under_another_headline_stays_a_copy():
    stories = stories_of(
        ("Heraldo del Ebro", "El puente peatonal del Ebro abre el lunes", ES_STORY, 0),
        ("Heraldo del Ebro", "Un puente solo para peatones sobre el Ebro", ES_CONVERTED, 4),
    )
    assert stories == [1, 1], stories


def test_a_desk_updating_its_figures_under_the_same_headline_stays_a_copy():
    stories = stories_of(
        ("Heraldo del Ebro", "El puente peatonal del Ebro abre el lunes", ES_STORY, 0),
        ("Heraldo del Ebro", "El puente peatonal del Ebro abre el lunes", ES_UPDATED, 4),
    )
    assert stories == [1, 1], stories


# Greek: another outlet copying the story with its own note is no re-issue: only the desk re-issues its story.
EL_STORY = (
    "<p>ΘΕΣΣΑΛΟΝΙΚΗ – Η νέα γραμμή του μετρό προς την Καλαμαριά θα λειτουργήσει από την Πέμπτη, "
    "με 5 σταθμούς και συρμούς κάθε 4 λεπτά.</p>"
    "<p>«Η πόλη περίμενε αυτή τη μέρα πολλά χρόνια», δήλωσε ο διευθυντής του έργου Νίκος Παπαδάκης "
    "κατά την επίσκεψη στον σταθμό Μίκρα.</p>"
    "<p>Η επέκταση έχει μήκος 4,8 χιλιομέτρων και αναμένεται να εξυπηρετεί 60.000 επιβάτες την ημέρα.</p>"
)
EL_OTHER_DESK = EL_STORY.replace("κάθε 4 λεπτά", "κάθε 5 λεπτά") + (
    "<p>Σημείωση: το κείμενο αναδημοσιεύεται από συνεργαζόμενο μέσο με την άδειά του και χωρίς αλλαγές.</p>"
)


def test_another_outlet_s_copy_with_a_note_is_no_re_issue():
    stories = stories_of(
        ("Makedonia Typos", "Από την Πέμπτη το μετρό στην Καλαμαριά", EL_STORY, 0),
        ("Voreia Nea", "Ανοίγει η γραμμή μετρό της Καλαμαριάς", EL_OTHER_DESK, 4),
    )
    assert stories == [1, 1], stories
