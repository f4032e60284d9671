"""A month word of another script is read by its sound only when it is a loanword of the month (``dates._first_sound``).

Most scripts write the Gregorian months as loanwords of the European ones (नवंबर, سپتامبر): their sound keys name
the month. A language's own month words are not loanwords, and their keys are other languages' words: Cherokee's
September (ᏚᎵᏍᏗ) sounds as Persian درصد ("percent") does, so "۲۵ درصد" read as 25 September, and a Persian report
no longer shared its figure 25 with the English wire's rewrite of it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from test_dedup_events_siblings import events_of, item

from monitor.dedup.dates import named_days

PUBLISHED = datetime(2028, 3, 11, 12, tzinfo=UTC)


def test_a_percent_is_no_day_and_a_loanword_month_is():
    assert named_days("رانندگان ۲۵ درصد افزایش نرخ می‌خواهند", PUBLISHED) == []
    assert [day.isoformat() for day in named_days("روز ۸ سپتامبر", PUBLISHED)] == ["2027-09-08"]
    assert [day.isoformat() for day in named_days("८ नवंबर को", PUBLISHED)] == ["2027-11-08"]


# Invented: a Persian desk's report of a truckers' strike and an English wire's rewrite of it, three hours later;
# the figures are what the two write alike.
PERSIAN = (
    "اعتصاب رانندگان کامیون در بندر کاوه‌گاه",
    "رانندگان کامیون‌های کانتینری بندر کاوه‌گاه روز شنبه دست از کار کشیدند و حدود ۱۸۰۰ کامیون متوقف شد. "
    "رانندگان ۲۵ درصد افزایش نرخ کرایه می‌خواهند و می‌گویند قیمت لاستیک دو برابر شده است.",
)
ENGLISH = (
    "Truck drivers strike at container port over freight rates",
    "Drivers of container trucks at the country's busiest southern port stopped work on Saturday, leaving about "
    "1,800 lorries parked around the port. The drivers want a 25 percent increase in freight rates, saying tyres "
    "cost twice as much as last year.",
)


def test_a_persian_report_and_its_english_rewrite_share_their_percent():
    events = events_of(item("خلیج امروز", *PERSIAN, 0), item("Quillstone Wire", *ENGLISH, 3))

    assert events[0] == events[1]
