"""The reading mechanisms that do not depend on a word list of one story: open-vocabulary event
words, the phrase a possessive date qualifies, times restated in another zone, and the weekday
an undated article gives. Every example is a sentence written for this file."""
from __future__ import annotations

import pytest

from discrepancy.align import align
from discrepancy.extract.context import possessed_phrase
from discrepancy.extract.event_words import SpanIndex, _open_triggers, open_class
from discrepancy.extract.events import _restated_in_other_zone
from discrepancy.timex import tag
from tests.test_extract import claims_of


# (text, the word the possessive follows, the phrase it opens or None)
POSSESSED = [
    ("The club lost Saturday's home match at the old ground.", "Saturday", "home match"),
    ("Critics blamed Tuesday night's outage for the delays.", "Tuesday night", "outage"),
    ("Friday's vote was close.", "Friday", "vote"),
    ("The council met on Friday.", "Friday", None),          # no possessive
    ("The result came on Friday's.", "Friday", None),        # nothing after it
    ("Monday's the day they chose.", "Monday", None),        # a closed-class word ends it at once
]


@pytest.mark.parametrize("text,word,phrase", POSSESSED)
def test_the_phrase_a_possessive_date_opens(text, word, phrase):
    end = text.index(word) + len(word)
    span = possessed_phrase(text, end, 4)
    assert (text[span[0]:span[1]].strip() if span else None) == phrase


# (word, may be a noun here, may be a verb here, the open class or None)
OPEN_WORDS = [
    ("outbreak", True, False, "natural"),
    ("merger", True, False, "economy"),
    ("verdict", True, False, "legal"),
    ("died", False, True, "death"),
    ("sentenced", False, True, "legal"),
    ("verdict", False, True, None),     # no verb reading
    ("die", False, True, None),         # a bare verb form is as often something else
    ("offers", False, True, None),      # a verb whose only typed senses are figurative ones
    ("table", True, False, None),       # no event reading
    ("people", True, True, None),
]


@pytest.mark.parametrize("word,noun,verb,expected", OPEN_WORDS)
def test_open_vocabulary_class_of_a_word(word, noun, verb, expected):
    assert open_class(word, noun, verb) == expected


# (sentence, the open-vocabulary event words found in it)
OPEN_SENTENCES = [
    ("The outbreak spread after a wedding in the valley.", ["outbreak", "wedding"]),
    ("Two climbers died on the ridge.", ["died"]),
    ("The merger of the two dairies was approved.", ["merger"]),
    ("The hacked accounts were closed.", []),                     # after a determiner: not a verb
    ("Volunteers offered blankets and tea.", []),
]


@pytest.mark.parametrize("text,words", OPEN_SENTENCES)
def test_open_vocabulary_words_of_a_sentence(text, words):
    assert [t.word for t in _open_triggers(text, 0, SpanIndex(()))] == words


# (sentence, the time expression, restated in another zone?)
RESTATED = [
    ("The ferry left at 11:50 p.m. Sunday (0450 GMT Monday).", "0450 GMT Monday", True),
    ("The vote closed at 8 p.m. Tuesday (1:00 a.m. UTC Wednesday).", "1:00 a.m. UTC Wednesday", True),
    ("The vote closed late on Tuesday (Wednesday in Tokyo).", "Wednesday", False),
    ("The vote (held on Friday) was close.", "Friday", False),
    ("The market opened (Friday at 10:30) late.", "Friday at 10:30", False),
]


@pytest.mark.parametrize("text,timex,restated", RESTATED)
def test_a_weekday_restated_in_another_zone(text, timex, restated):
    found = [t for t in tag(text) if t.text == timex]
    assert found, [t.text for t in tag(text)]
    assert _restated_in_other_zone(text, 0, found[0]) is restated


def test_an_undated_article_still_says_on_which_weekday():
    found, article = claims_of("The ferry sank on Tuesday off the northern coast.", None, "event_weekday")
    assert article.anchor is None
    assert [(c.key, c.value, c.attr("part")) for c in found] == [("crash", "Tuesday", "date")]
    assert "no calendar date" in found[0].derivation


def test_a_dated_article_gives_a_date_not_a_bare_weekday():
    found, _ = claims_of("The ferry sank on Tuesday off the northern coast.", "2025-03-06")
    assert [c.kind for c in found if c.kind.startswith("event")] == ["event_date"]


def test_a_possessive_weekday_dates_only_its_own_phrase():
    # "Sunday's match" is dated; the arrest in the same sentence is not
    found, _ = claims_of("Despite his arrest on Tuesday, the striker played in Sunday's cup match.",
                         None, "event_weekday")
    assert [(c.value, c.attr("trigger")) for c in found] == [("Tuesday", "arrest")]


def test_earlier_occurrences_of_a_listed_and_an_open_class_compare():
    # "died" is classed by the open vocabulary (death), "explosion" by the trigger list: one earlier
    # accident can be reported either way, so the two dates are lined up
    a, _ = claims_of("A previous explosion at the quarry killed two men in May 2019.", "2025-04-02")
    b, _ = claims_of("It is the same quarry where two men died in 2018.", "2025-04-03", name="b.md")
    history = [c for c in a + b if c.kind == "history"]
    assert {c.attr("vocabulary") for c in history} == {"listed", "open"}
    groups = [g for g in align([], history) if g.kind == "history"]
    assert len(groups) == 1 and {c.source for c in groups[0].claims} == {"a.md", "b.md"}


# (sentence, the figures it claims) where no listed event word stands in the sentence or before it
OPEN_COUNTS = [
    ("Four workers died when the roof of the depot gave way.", ["4"]),       # what happened to people
    ("The coastguard towed 14 boats and later moored 5 barges.", []),        # no rough event word here
    ("After the merger, 40 stores were renamed.", []),                       # figures of no casualty
]


@pytest.mark.parametrize("text,values", OPEN_COUNTS)
def test_a_rough_event_word_anchors_only_counts_of_what_happened_to_people(text, values):
    found, _ = claims_of(text, "2025-06-02", "number")
    assert [c.value for c in found] == values


# (sentence of an undated article, the weekday claims it makes as (weekday, event word))
UNDATED_WEEKDAYS = [
    ("The ferry sank on Tuesday off the coast.", [("Tuesday", "sank")]),
    ("On Tuesday the ferry sank.", [("Tuesday", "sank")]),
    ("Rescuers named the victims of the Tuesday night crash.", [("Tuesday", "crash")]),
    ("Crowds gathered Sunday and mourned the crash victims.", []),                      # another verb takes it
    ("The ferries sailed again on Sunday after the crash.", []),                        # a circumstance
    ("A memorial march is expected on Friday.", []),                                    # not yet happened
    ("Divers will resume the search on Friday after the sinking.", []),
]


@pytest.mark.parametrize("text,expected", UNDATED_WEEKDAYS)
def test_which_weekdays_an_undated_article_claims(text, expected):
    found, _ = claims_of(text, None, "event_weekday")
    assert [(c.value, c.attr("trigger")) for c in found] == expected


# (sentence of an undated article, the days without a year it claims as (day, event word))
YEARLESS_DAYS = [
    ("The ferry sank on 14 March off the coast.", [("--03-14", "sank")]),
    ("The trial opens on March 14 in the capital.", [("--03-14", "trial")]),      # a plan has its day too
    ("The ferry sank on Tuesday, 14 March, off the coast.", [("--03-14", "sank")]),  # the day, not the weekday
    ("A previous ferry sank on 2 June off the same coast.", []),                   # an earlier occurrence
    ("The ferry sank in March off the coast.", []),                                # a month is no day
]


@pytest.mark.parametrize("text,expected", YEARLESS_DAYS)
def test_which_days_without_a_year_an_undated_article_claims(text, expected):
    found, _ = claims_of(text, None, "event_day")
    assert [(c.value, c.attr("trigger")) for c in found] == expected


def test_a_dated_article_gives_the_year_with_the_day():
    found, _ = claims_of("The ferry sank on 14 March off the coast.", "2025-03-20")
    assert [(c.kind, c.value) for c in found if c.kind.startswith("event")] == [("event_date", "2025-03-14")]


def test_days_without_a_year_are_compared_with_each_other_only():
    a, _ = claims_of("The ferry sank on 14 March off the coast.", None)
    b, _ = claims_of("The ferry sank on 16 March off the coast.", None, name="b.md")
    c, _ = claims_of("The ferry sank on 16 March off the coast.", "2025-03-20", name="c.md")
    groups = [g for g in align([], a + b + c) if g.kind == "event_day"]
    assert len(groups) == 1 and {x.source for x in groups[0].claims} == {"a.md", "b.md"}


# (text of an article with no publication date, the weekday claims it makes as (value, class))
WEEKDAYS_AS_WRITTEN = [
    # a date in the text anchors "on Friday", and the weekday as written is claimed beside it
    ("The mill opened on 3 May 1921. The old mill burned on Friday.", [("Friday", "fire")]),
    # no event word: the past-tense verb it modifies, where its clause names someone
    ("A tug towed Ray Dunne's yacht to Kelmar on Saturday.", [("Saturday", "predicate:tow")]),
    ("Dunne's yacht was towed in on Friday morning.", [("Friday", "predicate:tow")]),
    ("A tug towed the yacht ashore on Saturday.", []),                    # no name to tell it by
    ("The harbour office said on Monday that Dunne would stay.", []),     # a reporting verb
    # a participle after a determiner is an adjective: neither the verb nor in the way
    ("A tug towed the damaged yacht of Ray Dunne to Kelmar on Wednesday.", [("Wednesday", "predicate:tow")]),
    ("Dunne's yacht will be towed on Saturday.", []),                     # not yet happened
]


@pytest.mark.parametrize("text,expected", WEEKDAYS_AS_WRITTEN)
def test_which_weekdays_an_article_without_a_publication_date_claims(text, expected):
    found, _ = claims_of(text, None, "event_weekday")
    assert [(c.value, c.key) for c in found] == expected


def test_a_weekday_as_written_comes_with_its_calendar_date_when_the_text_dates_it():
    found, article = claims_of("The mill opened on 3 May 1921. The old mill burned on Friday.", None)
    assert article.anchor.from_text
    kinds = {(c.kind, c.value) for c in found if c.kind in ("event_date", "event_weekday")}
    assert ("event_weekday", "Friday") in kinds and any(k == "event_date" for k, _ in kinds)


def test_a_published_article_claims_the_calendar_date_only():
    found, article = claims_of("The old mill burned on Friday.", "2026-03-09")
    assert not article.anchor.from_text
    assert [c.kind for c in found if c.kind.startswith("event")] == ["event_date"]


def test_weekdays_of_a_verb_are_compared_only_where_the_clauses_share_a_name():
    a, _ = claims_of("A tug towed Ray Dunne's yacht to Kelmar on Saturday.", None)
    b, _ = claims_of("Dunne's yacht was towed in on Friday morning.", None, name="b.md")
    c, _ = claims_of("A tug towed Pia Lunde's yacht to Sandvik on Thursday.", None, name="c.md")
    groups = [g for g in align([], a + b + c) if g.kind == "event_weekday"]
    assert len(groups) == 1 and {x.source for x in groups[0].claims} == {"a.md", "b.md"}


# (sentence, the ordinal claims it makes as (value, event word, scope))
ORDINALS = [
    ("Dock workers began the tenth walkout at the port.", [("10", "walkout", None)]),
    ("It was the port's 3rd walkout.", [("3", "walkout", None)]),                  # after a possessive
    ("Dock workers began their third walkout this year.", [("3", "walkout", "2026")]),
    ("Dock workers began their fourth walkout since 2019.", [("4", "walkout", "since 2019")]),
    ("It was the third such walkout.", [("3", "walkout", None)]),                 # a determiner between
    ("A second walkout followed a week later.", []),                              # another occurrence
    ("The first walkout closed the port.", []),                                   # "first" is novelty's
    ("The second of the walkouts closed the port.", []),                          # a preposition between
    ("The second-largest walkout closed the port.", []),                          # ranks, counts nothing
    ("Dock workers joined the 3rd March walkout.", []),                           # a date
]


@pytest.mark.parametrize("text,expected", ORDINALS)
def test_which_ordinals_count_an_event(text, expected):
    found, _ = claims_of(text, "2026-03-02", "ordinal")
    assert [(c.value, c.attr("trigger"), c.attr("scope")) for c in found] == expected


def test_ordinals_over_different_scopes_are_not_compared():
    a, _ = claims_of("Dock workers began their third walkout this year.", "2026-03-02")
    b, _ = claims_of("Dock workers began their tenth walkout since 2019.", "2026-03-02", name="b.md")
    c, _ = claims_of("Dock workers began their fourth walkout this year.", "2026-03-03", name="c.md")
    groups = [g for g in align([], a + b + c) if g.kind == "ordinal"]
    assert [sorted(x.source for x in g.claims) for g in groups] == [["a.md", "c.md"]]


# (sentence, the names claimed in it)
NAMES = [
    ("Critics praised Ana Ruiz's Lisbon Trio at the festival.", ["Ana Ruiz", "Lisbon Trio"]),  # a possessive ends a name
    ("The band hired Dargaville's Ana Ruiz.", ["Dargaville", "Ana Ruiz"]),
    ("The award went to Ana Ruiz.", ["Ana Ruiz"]),
    ("Defensively, the visitors held firm.", []),            # a rare dictionary word opening a sentence
    ("Spectators cheered as Dargaville won.", ["Dargaville"]),  # a rare word no dictionary knows
    ("Police said Hawking left early.", ["Hawking"]),         # capitalised inside a sentence: a name
    ("Fans queued for 'Dargaville Nights' on Friday.", ["Dargaville Nights"]),   # quotes are not part of it
    ("Considering Dargaville Nights a success, the band stayed.", ["Dargaville Nights"]),  # an opening verb form
    ("Mark Dargaville left early.", ["Mark Dargaville"]),                        # a word that is also a noun stays
    ("The prize went to Dargaville’s.", ["Dargaville"]),                          # a possessive before a full stop
]


@pytest.mark.parametrize("text,expected", NAMES)
def test_which_capitalised_runs_are_names(text, expected):
    found, _ = claims_of(text, "2026-03-02", "name")
    assert [c.value for c in found] == expected


# (sentence, the figures claimed in it)
RESTATED_FIGURES = [
    ("The storm caused damage put at $2 million (1.6 million euros) in the port.", ["2000000"]),
    ("The quake struck 40 km (25 miles) off the coast.", ["40"]),
    ("The strike followed a 110-billion-euro ($143-billion) rescue.", ["110000000000"]),  # scales hyphenated
    ("The blast killed 12 people (3 children) in the market.", ["12", "3"]),   # a part, not a restatement
]


# (sentence, the amounts it claims as (currency, value))
CURRENCIES_BEFORE_A_FIGURE = [
    ("The strike cost USD 40 million.", [("USD", "40000000")]),
    ("The strike cost KSh 300 million.", [("KES", "300000000")]),
    ("The strike cost Rs 40 crore.", [("INR", "400000000")]),            # a South Asian scale
    ("After the strike the union won 40 seats.", [(None, "40")]),          # a verb, not the currency
]


@pytest.mark.parametrize("text,expected", CURRENCIES_BEFORE_A_FIGURE)
def test_a_currency_in_letters_before_a_figure_is_a_code(text, expected):
    found, _ = claims_of(text, "2026-03-02", "number")
    assert [(c.attr("currency"), c.value) for c in found] == expected


# (sentence, the figures it claims): "dozen" and "hundred" scale the number before them
WORD_SCALES = [
    ("The blaze destroyed two dozen homes.", ["24"]),
    ("The blaze destroyed two hundred homes.", ["200"]),
    ("The blaze destroyed a dozen homes.", ["12"]),
    ("The blaze destroyed 3 dozen homes.", ["36"]),
]


@pytest.mark.parametrize("text,values", WORD_SCALES)
def test_a_number_word_scales_the_number_before_it(text, values):
    found, _ = claims_of(text, "2026-03-02", "number")
    assert [c.value for c in found] == values


# (sentence, what its figure counts): a figure per period is a rate, compared only with rates
RATES = [
    ("Pumps drew 800 litres of brine a second from the pit after the flood.", "litre per second (flood)"),
    ("The strike costs the port $2 million a day.", "cost in USD per day (strike)"),
    ("The strike cost the port $2 million.", "cost in USD (strike)"),
    ("The blaze destroyed 40 homes a year after the last one.", "home (fire)"),   # no marker before "year"
]


@pytest.mark.parametrize("text,subject", RATES)
def test_a_figure_per_period_is_a_rate(text, subject):
    found, _ = claims_of(text, "2026-03-02", "number")
    assert [c.subject for c in found] == [subject]


@pytest.mark.parametrize("text,values", RESTATED_FIGURES)
def test_a_figure_restated_in_other_units_is_no_second_claim(text, values):
    found, _ = claims_of(text, "2026-03-02", "number")
    assert [c.value for c in found] == values
