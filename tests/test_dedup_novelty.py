"""The news test (``novelty``): an entry that shares much of a story's text but tells what it does not
is another story; a copy that adds only wrapping stays a copy. Written for this test, in five scripts
(Latin, Cyrillic, Han, Arabic, Devanagari), every entry read by the real parser; none of it comes from
a labelled set.

Sequels that must not merge: a next-day ruling that leads with the sentence and repeats the first
day's background word for word, a second ruling in one case, a full write-up after its flash, a toll
update, an inquiry's findings, a desk's own rewrite of its story under a new headline. Copies that
must merge: a paragraph of context, a correction note, an editor's note, an "updated" line, a
live-blog wrapper, a wire update with one new figure on top, an original read after its summary copy,
a desk re-running its story below a new lead, a desk re-issuing its story under the same headline.
"""

from __future__ import annotations

from test_dedup_classes import _decide, _parsed, decided_stories

from monitor.dedup import StoryIndex


def _stories(*pieces: tuple[str, str, str, float]) -> list[int]:
    return decided_stories(pieces, "n")


def _reason(pieces: list[tuple[str, str, str, float]]) -> str:
    """The reason given for the last of ``pieces``, decided after the others."""
    index, story_of = StoryIndex(), {}
    for i, (outlet, title, body, hours) in enumerate(pieces[:-1], start=1):
        _decide(index, i, _parsed(f"n{i}", title, body, outlet, hours), story_of)
    outlet, title, body, hours = pieces[-1]
    entry = _parsed("last", title, body, outlet, hours)
    assert entry.published is not None
    return index.find(entry, entry.published).reason


# English: a conviction, then the sentencing two days later, the background repeated word for word.
EN_BACKGROUND = (
    "<p>Marcus Delmore, 58, was found guilty on six counts of fraud after a trial that lasted seven weeks at "
    "Southwark Crown Court.</p>"
    "<p>The jury found that Delmore had diverted the money through three shell companies registered in "
    "Gibraltar between 2019 and 2022. Investigators traced the payments after a whistleblower at the port "
    "authority contacted the Serious Fraud Office.</p>"
    "<p>Delmore, who denied all charges, told the court he had acted on the advice of his accountants. "
    "His lawyers said they were studying the verdict.</p>"
)
EN_STORY = (
    "<p>LONDON (Harbour Wire) - A former director of the Tilbury port authority was convicted on Monday of "
    "defrauding the authority of 4.2 million pounds.</p>" + EN_BACKGROUND
)
EN_SEQUEL = (
    "<p>The former Tilbury port director convicted on Monday of defrauding the authority of 4.2 million "
    "pounds was jailed for nine years on Wednesday by Judge Alison Pereira. She ordered him to repay "
    "3.1 million pounds within 28 days or serve another four years.</p>"
    "<p>Pereira said Delmore had shown no remorse and had betrayed the trust of the authority's 1,400 "
    "employees. Prosecutors had asked for eleven years.</p>" + EN_BACKGROUND
)


def test_a_sentencing_that_repeats_the_verdict_s_background_is_another_story():
    stories = _stories(
        ("Harbour Wire", "Former port director convicted of fraud", EN_STORY, 0),
        ("Thames Daily", "Ex-port chief guilty of 4.2m fraud", EN_STORY.replace("Harbour Wire", "TD"), 2),
        ("Kent Courier", "Former port director jailed for nine years", EN_SEQUEL, 50),
    )
    assert stories[1] == stories[0] and stories[2] == 3, stories


def test_the_sequel_is_told_apart_in_words():
    reason = _reason(
        [
            ("Harbour Wire", "Former port director convicted of fraud", EN_STORY, 0),
            ("Kent Courier", "Former port director jailed for nine years", EN_SEQUEL, 50),
        ]
    )
    assert reason.startswith("new story: 89 % of the text of entry 1, but it adds 3 of its 8 sentences"), reason
    assert "with 7 names and numbers it does not print, and opens with them" in reason, reason


# Russian: an arrest, then the court's second ruling on the same case, background repeated.
RU_BACKGROUND = (
    "<p>По данным следствия, Громов в 2021–2023 годах подписал с подрядчиком «СтройМост» договоры на "
    "ремонт трёх мостов, работы по которым так и не были выполнены. Ущерб бюджету области оценивается "
    "в 86 миллионов рублей.</p>"
    "<p>Защита Громова настаивает на его невиновности и считает, что документы подписывались его "
    "заместителями без его ведома.</p>"
)
RU_STORY = (
    "<p>КОСТРОМА, 3 марта. Ленинский районный суд Костромы арестовал бывшего вице-губернатора области "
    "Олега Громова по делу о растрате. Мера пресечения избрана на два месяца, сообщила пресс-служба суда.</p>"
    + RU_BACKGROUND
)
RU_SEQUEL = (
    "<p>Костромской областной суд отклонил жалобу адвокатов бывшего вице-губернатора Олега Громова, "
    "арестованного по делу о растрате, и оставил его под стражей. Судья Наталья Белова указала, что "
    "Громов может оказать давление на свидетелей, в том числе на бывшего директора «Облдортранса» Ирину Седову.</p>"
    "<p>Адвокат Павел Крылов предлагал залог в 15 миллионов рублей и поручительство депутата Игоря "
    "Лаптева. Защита намерена обжаловать решение в Первом кассационном суде.</p>" + RU_BACKGROUND
)


def test_a_second_ruling_in_one_case_is_another_story():
    stories = _stories(
        ("Северный вестник", "Бывшего вице-губернатора арестовали по делу о растрате", RU_STORY, 0),
        ("Волга-Инфо", "Суд арестовал Олега Громова", RU_STORY.replace("КОСТРОМА, 3 марта. ", ""), 3),
        ("Костромские ведомости", "Громов останется под стражей", RU_SEQUEL, 60),
    )
    assert stories[1] == stories[0] and stories[2] == 3, stories


# Chinese: a flash of two sentences, then another desk's full write-up holding it whole.
ZH_FLASH = "<p>福建省宁德市东侨工业区一家锂电池厂房17日凌晨发生火灾。当地消防部门已调派多支救援力量赶赴现场处置。</p>"
ZH_WRITE_UP = ZH_FLASH + (
    "<p>据宁德市应急管理局通报，火灾造成3人死亡、11人受伤，伤者已送往宁德市医院救治。</p>"
    "<p>起火厂房面积约4200平方米，共有员工260人，事发时正值夜班。消防部门出动42辆消防车、186名指战员，"
    "经过约5个小时扑救，明火于上午7时被扑灭。</p>"
    "<p>福建省政府已成立事故调查组，由副省长林志远带队赶赴宁德。该企业负责人已被警方控制，起火原因正在调查中。</p>"
)


def test_a_full_write_up_after_its_flash_is_another_story_of_its_event():
    index, story_of = StoryIndex(), {}
    _decide(index, 1, _parsed("z1", "宁德一锂电池厂房发生火灾", ZH_FLASH, "新华快讯", 0), story_of)
    entry = _parsed("z2", "宁德锂电池厂火灾致3死11伤", ZH_WRITE_UP, "闽东日报", 4)
    assert entry.published is not None
    decision = index.find(entry, entry.published)
    assert decision.story_id is None and decision.event_id == 1, decision
    assert decision.event_reason == "same event as story 1: it tells that story's news further", decision


# Arabic: a flood, then the next day's toll, the first day's account repeated after it.
AR_BACKGROUND = (
    "<p>وكانت السيول قد اجتاحت الأودية المحيطة بالمدينة بعد هطول أمطار غزيرة استمرت ست ساعات، وجرفت "
    "عشرات السيارات وأغلقت الطريق الساحلي. وقالت الأرصاد الجوية إن كمية الأمطار بلغت أعلى مستوى لها منذ "
    "سنوات طويلة.</p>"
    "<p>وأعلنت وزارة التربية تعليق الدراسة في المدارس الحكومية والخاصة حتى إشعار آخر.</p>"
)
AR_STORY = (
    "<p>صلالة - قالت هيئة الدفاع المدني إن فرق الإنقاذ انتشلت جثتين وأنقذت عشرات العالقين في السيول التي "
    "ضربت محافظة ظفار مساء الاثنين، فيما لا يزال البحث جارياً عن مفقودين.</p>" + AR_BACKGROUND
)
AR_SEQUEL = (
    "<p>ارتفعت حصيلة ضحايا السيول في محافظة ظفار إلى 14 قتيلاً و37 مصاباً، بحسب بيان هيئة الدفاع المدني "
    "صباح الأربعاء، بعد العثور على 12 جثة في وادي دربات.</p>"
    "<p>وأوضح البيان أن 2300 شخص نقلوا إلى 18 مركز إيواء، وأن 640 منزلاً تضررت بشكل كامل أو جزئي.</p>" + AR_BACKGROUND
)


def test_the_next_day_s_toll_after_the_flood_is_another_story():
    stories = _stories(
        ("وكالة الأنباء", "سيول ظفار: انتشال جثتين وإنقاذ العشرات", AR_STORY, 0),
        ("جريدة الساحل", "سيول تضرب ظفار", AR_STORY.replace("صلالة - ", ""), 2),
        ("جريدة الساحل", "ارتفاع حصيلة سيول ظفار إلى 14 قتيلاً", AR_SEQUEL, 36),
    )
    assert stories[1] == stories[0] and stories[2] == 3, stories


# Hindi: a bridge collapse, then the inquiry's findings, the first account repeated after them.
HI_BACKGROUND = (
    "<p>यह पुल गंगा नदी पर बन रहा था और इसका निर्माण एक निजी कंपनी कर रही थी। हादसे के समय पुल पर कोई "
    "वाहन नहीं था, लेकिन नीचे काम कर रहे मज़दूर मलबे में दब गए।</p>"
    "<p>स्थानीय लोगों ने बताया कि तेज़ आवाज़ के बाद पुल का एक हिस्सा नदी में गिर गया और राहत दल "
    "देर रात तक मलबा हटाते रहे।</p>"
)
HI_STORY = (
    "<p>भागलपुर में निर्माणाधीन पुल का एक हिस्सा रविवार शाम ढह गया। ज़िला प्रशासन के अनुसार हादसे में "
    "कई मज़दूर घायल हुए हैं।</p>" + HI_BACKGROUND
)
HI_SEQUEL = (
    "<p>भागलपुर पुल हादसे की जाँच समिति ने मंगलवार को अपनी रिपोर्ट में बताया कि पुल के 3 खंभों में घटिया "
    "सामग्री लगाई गई थी। हादसे में मरने वालों की संख्या बढ़कर 7 हो गई है और 19 मज़दूर अस्पताल में भर्ती हैं।</p>"
    "<p>राज्य सरकार ने कंपनी पर 25 करोड़ रुपये का जुर्माना लगाया है और 4 इंजीनियरों को निलंबित कर दिया है।</p>" + HI_BACKGROUND
)


def test_an_inquiry_s_findings_after_the_collapse_are_another_story():
    stories = _stories(
        ("समाचार सेवा", "भागलपुर में निर्माणाधीन पुल ढहा", HI_STORY, 0),
        ("पूर्वांचल दैनिक", "भागलपुर में पुल का हिस्सा गिरा", HI_STORY, 2),
        ("गंगा टाइम्स", "पुल हादसा: जाँच में घटिया सामग्री की पुष्टि", HI_SEQUEL, 40),
    )
    assert stories[1] == stories[0] and stories[2] == 3, stories


# Copies: each adds only wrapping to a story of its script, hours later, and must join it.
def test_a_copy_adding_a_paragraph_of_context_stays_a_copy():
    context = (
        "<p>The Tilbury authority, founded in 1909, employs about 1,400 people. It handled 16 million tonnes "
        "of cargo last year, according to its annual report.</p>"
    )
    stories = _stories(
        ("Harbour Wire", "Former port director convicted of fraud", EN_STORY, 0),
        ("Essex Echo", "Former port director convicted of fraud", EN_STORY + context, 3),
    )
    assert stories == [1, 1], stories


def test_a_copy_with_a_correction_note_stays_a_copy():
    note = (
        "<p>Поправка: в первоначальной версии материала ущерб был указан как 68 миллионов рублей. "
        "Редакция приносит извинения.</p>"
    )
    stories = _stories(
        ("Северный вестник", "Бывшего вице-губернатора арестовали", RU_STORY, 0),
        ("Волга-Инфо", "Бывшего вице-губернатора арестовали", RU_STORY + note, 5),
    )
    assert stories == [1, 1], stories


def test_a_copy_with_an_editor_s_note_on_top_stays_a_copy():
    note = "<p>Editor's note: this story was updated at 16:40 to add the lawyers' comment.</p>"
    stories = _stories(
        ("Harbour Wire", "Former port director convicted of fraud", EN_STORY, 0),
        ("Medway Messenger", "Port director guilty", note + EN_STORY, 4),
    )
    assert stories == [1, 1], stories


def test_a_copy_with_an_updated_line_stays_a_copy():
    stories = _stories(
        ("समाचार सेवा", "भागलपुर में निर्माणाधीन पुल ढहा", HI_STORY, 0),
        ("पूर्वांचल दैनिक", "भागलपुर में पुल ढहा", HI_STORY + "<p>यह ख़बर अपडेट की जा रही है।</p>", 2),
    )
    assert stories == [1, 1], stories


def test_a_copy_in_a_live_blog_wrapper_stays_a_copy():
    top, end = (
        "<p>实时更新：本网将持续关注宁德火灾最新进展，请刷新页面查看。</p>",
        "<p>（完）更多消息请关注本网客户端。</p>",
    )
    live = top + ZH_WRITE_UP + end
    stories = _stories(
        ("闽东日报", "宁德锂电池厂火灾致3死11伤", ZH_WRITE_UP, 0),
        ("海峡网", "直播：宁德锂电池厂火灾", live, 2),
    )
    assert stories == [1, 1], stories


def test_a_wire_update_with_one_new_figure_on_top_stays_a_copy():
    update = "<p>تحديث: ارتفع عدد الجثث المنتشلة إلى 3 بحسب الدفاع المدني.</p>"
    stories = _stories(
        ("وكالة الأنباء", "سيول ظفار: انتشال جثتين وإنقاذ العشرات", AR_STORY, 0),
        ("جريدة الساحل", "سيول ظفار", update + AR_STORY, 3),
    )
    assert stories == [1, 1], stories


def test_an_original_read_after_its_summary_copy_of_the_same_hour_joins_it():
    # An aggregator's first paragraph may be read before the desk's full text it was cut from: the
    # full text then "adds" the rest of its own story, and is no write-up of a flash.
    stories = _stories(
        ("海峡网", "宁德一锂电池厂房发生火灾", ZH_FLASH, 0),
        ("闽东日报", "宁德锂电池厂火灾致3死11伤", ZH_WRITE_UP, 0.25),
    )
    assert stories == [1, 1], stories


# Ukrainian: a desk carries the wire's story, then rewrites it under its own headline hours later.
UK_STORY = (
    "<p>ВІННИЦЯ (Подільська агенція) – У Вінниці відкрили новий пологовий будинок на 120 ліжок, який "
    "будували чотири роки. На будівництво витратили 310 мільйонів гривень з обласного бюджету.</p>"
    "<p>Головний лікар Оксана Мельничук сказала, що в закладі працюватимуть 85 лікарів і 140 медичних "
    "сестер. Перших пацієнток приймуть уже з понеділка.</p>"
    "<p>У пологовому будинку є окреме відділення для недоношених дітей на 24 місця.</p>"
)
UK_OWN_REWRITE = (
    "<p>У Вінниці відкрили новий пологовий будинок на 120 ліжок, який будували понад чотири роки. На "
    "будівництво витратили 310 мільйонів гривень з бюджету області.</p>"
    "<p>Головний лікар Оксана Мельничук розповіла, що в закладі працюватимуть 85 лікарів і 140 медичних "
    "сестер.</p>"
    "<p>Мешканці сусідніх районів сподіваються, що тепер їм не доведеться їздити до Києва.</p>"
    "<p>У пологовому будинку є також окреме відділення для недоношених дітей на 24 місця.</p>"
)


def test_a_desk_s_own_rewrite_of_its_story_is_another_story():
    stories = _stories(
        ("Подільська агенція", "У Вінниці відкрили пологовий будинок", UK_STORY, 0),
        ("Дніпровський кур'єр", "У Вінниці відкрили пологовий будинок", UK_STORY, 1),
        ("Дніпровський кур'єр", "Пологовий на 120 ліжок: що змінить для області", UK_OWN_REWRITE, 5),
    )
    assert stories == [1, 1, 3], stories


def test_a_desk_re_running_its_own_story_with_a_new_lead_and_a_line_keeps_it():
    # It keeps the story's sentences word for word below its new lead: a re-run, not a rewrite.
    rerun = UK_STORY.replace(
        "У Вінниці відкрили новий пологовий будинок на 120 ліжок, який будували чотири роки.",
        "Новий пологовий будинок на 120 ліжок запрацював у Вінниці після чотирьох років будівництва.",
    )
    rerun += "<p>Мешканці сусідніх районів сподіваються, що тепер їм не доведеться їздити до Києва.</p>"
    stories = _stories(
        ("Подільська агенція", "У Вінниці відкрили пологовий будинок", UK_STORY, 0),
        ("Дніпровський кур'єр", "У Вінниці відкрили пологовий будинок", UK_STORY, 1),
        ("Дніпровський кур'єр", "Пологовий будинок на 120 ліжок відкрили", rerun, 5),
    )
    assert stories == [1, 1, 1], stories


def test_a_desk_re_issuing_its_story_under_the_same_headline_keeps_it():
    # The same headline on an edited text: the desk's update of its entry, not a story of its own.
    stories = _stories(
        ("Подільська агенція", "У Вінниці відкрили пологовий будинок", UK_STORY, 0),
        ("Дніпровський кур'єр", "У Вінниці відкрили пологовий будинок", UK_STORY, 1),
        ("Дніпровський кур'єр", "У Вінниці відкрили пологовий будинок", UK_OWN_REWRITE, 5),
    )
    assert stories == [1, 1, 1], stories


def test_the_desk_s_rewrite_is_told_apart_in_words():
    reason = _reason(
        [
            ("Подільська агенція", "У Вінниці відкрили пологовий будинок", UK_STORY, 0),
            ("Дніпровський кур'єр", "У Вінниці відкрили пологовий будинок", UK_STORY, 1),
            ("Дніпровський кур'єр", "Пологовий на 120 ліжок: що змінить для області", UK_OWN_REWRITE, 5),
        ]
    )
    assert "but it is Дніпровський кур'єр's rewrite of its own story: none of its 5 sentences" in reason, reason
