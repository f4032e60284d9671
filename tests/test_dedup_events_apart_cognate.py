"""Reports of one happening in two languages may share a word or two (a loan word, a cognate); each shared word
asks one more rare name or figure of ``events._apart``: a name and a figure beside a shared word are too few."""

from __future__ import annotations

from test_dedup_events_siblings import events_of, item

# Invented: a dairy's recall, told by a wire in English and by a local desk in Icelandic ("skyr" in both).
ENGLISH = (
    "Dairy recalls skyr over listeria",
    "A dairy cooperative in northern Iceland recalled 9,400 tubs of skyr on Thursday after traces of listeria "
    "were found in one batch at its Brekkuvik plant, health officials said. Ragnar Thorsteinsson of the food "
    "agency MAST said no one had fallen ill. Retailers Bonus and Kronan cleared their shelves in Akureyri, "
    "Husavik and Dalvik, and the Hvammur cooperative's chairman Einar Jokull Halldorsson apologised.",
)
ICELANDIC = (
    "Hvammur innkallar skyr",
    "Mjólkurbúið Hvammur í Brekkuvík hefur innkallað 9.400 dósir af skyr eftir að baktería greindist í "
    "einni lotu, sagði Guðrún Ósk Pálsdóttir mjólkurbússtjóri við Vikublaðið. Enginn hefur veikst.",
)
# Invented: the desk's report of another happening of the dairy: its name, the loan word and one figure alike.
LAUNCH = (
    "Hvammur setur á markað nýtt skyr",
    "Mjólkurbúið Hvammur setur á markað nýtt skyr með bláberjum og sendir fyrstu 9.400 dósirnar í verslanir "
    "í næstu viku, sagði Guðrún Ósk Pálsdóttir markaðsstjóri við Vikublaðið.",
)


def test_a_report_in_another_language_sharing_a_loan_word_joins_on_rare_names_and_figures():
    events = events_of(item("North Wire", *ENGLISH, 0), item("Brekkuvik Desk", *ICELANDIC, 1))

    assert events[0] == events[1]


def test_a_loan_word_a_name_and_a_figure_alike_are_too_few():
    """The shared word asks one more rare key: with it, a name and a figure, another happening stays apart."""
    events = events_of(item("North Wire", *ENGLISH, 0), item("Brekkuvik Desk", *LAUNCH, 1))

    assert events[0] != events[1]
