"""The time-expression tagger: news forms, traps, anchoring by tense, precision, and invariants."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from discrepancy.timex import TimeExpression, tag

SUNDAY = dt.date(2025, 5, 18)          # a Sunday: the Aras caption date
MONDAY = dt.date(2025, 9, 15)          # a Monday
HOW = "caption date May 18, 2025"


def one(text: str, anchor=SUNDAY, how=HOW) -> TimeExpression:
    found = tag(text, anchor, how)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def find(text: str, words: str, anchor=SUNDAY) -> TimeExpression:
    for t in tag(text, anchor, HOW):
        if t.text == words:
            return t
    raise AssertionError(f"{words!r} not tagged in {text!r}: {[(t.text, t.value) for t in tag(text, anchor)]}")


# ------------------------------------------------------------------ the API
def test_time_expression_is_a_frozen_dataclass_with_documented_fields():
    assert dataclasses.is_dataclass(TimeExpression)
    t = one("It began on 3 May 2025.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.value = "x"  # type: ignore[misc]
    names = [f.name for f in dataclasses.fields(TimeExpression)]
    assert names == ["start", "end", "text", "type", "value", "mod", "relative", "resolved", "calendar",
                     "duration", "weekday", "tense", "derivation"]


def test_empty_text():
    assert tag("") == []
    assert tag("No dates here at all.", SUNDAY) == []


# ------------------------------------------------------------------ absolute days
@pytest.mark.parametrize("text, words, calendar", [
    ("They met on May 18, 2025 in Baku.", "May 18, 2025", "2025-05-18"),
    ("They met on 18 May 2025 in Baku.", "18 May 2025", "2025-05-18"),
    ("It opened on Tuesday, 7 October 2025.", "Tuesday, 7 October 2025", "2025-10-07"),
    ("It closed on 3 May 2025.", "3 May 2025", "2025-05-03"),
    ("Filed 2025-05-18 by the wire.", "2025-05-18", "2025-05-18"),
    ("Signed on Sept. 15, 2024.", "Sept. 15, 2024", "2024-09-15"),
])
def test_absolute_days(text, words, calendar):
    t = find(text, words)
    assert (t.type, t.value, t.calendar, t.relative) == ("DATE", calendar, calendar, False)
    assert text[t.start:t.end] == t.text


def test_weekday_named_with_a_date_is_kept_and_checked():
    t = one("It opened on Monday, 7 October 2025.")
    assert t.calendar == "2025-10-07" and t.weekday == "Monday"
    assert "Tuesday" in t.derivation  # 7 October 2025 is a Tuesday: the mismatch is said


@pytest.mark.parametrize("text, words, calendar", [
    ("The talks were held on 7 October.", "7 October", "2024-10-07"),    # past: the most recent 7 October
    ("The talks will be held on 7 October.", "7 October", "2025-10-07"),  # future: the next one
    ("Officials met on Sept 15 to prepare.", "Sept 15", "2024-09-15"),
    ("The meeting took place on the 19th of May.", "the 19th of May", "2025-05-19"),  # a day after the anchor, past: allowed
])
def test_day_month_without_year_takes_the_year_from_the_anchor_and_tense(text, words, calendar):
    t = find(text, words)
    assert t.calendar == calendar and t.relative and t.resolved


def test_day_month_without_year_or_anchor_is_not_guessed():
    t = one("The talks were held on 7 October.", anchor=None, how=None)
    assert t.value == "XXXX-10-07" and t.calendar is None and t.resolved is False and t.relative


# ------------------------------------------------------------------ ranges
@pytest.mark.parametrize("text, words, calendar", [
    ("The drill took place on 19-21 May 2025.", "19-21 May 2025", "2025-05-19/2025-05-21"),
    ("The drill took place on 19–21 May.", "19–21 May", "2025-05-19/2025-05-21"),
    ("It ran from 19 to 21 May.", "19 to 21 May", "2025-05-19/2025-05-21"),
    ("It will run between 15 and 19 September.", "15 and 19 September", "2025-09-15/2025-09-19"),
    ("It will run 15 to 19 September.", "15 to 19 September", "2025-09-15/2025-09-19"),
    ("It ran 9-12 September 2024.", "9-12 September 2024", "2024-09-09/2024-09-12"),
    ("The drill was held May 19-21.", "May 19-21", "2025-05-19/2025-05-21"),
    ("The drill was held 20-23 May.", "20-23 May", "2025-05-20/2025-05-23"),
    ("The fair runs 30 May - 2 June 2025.", "30 May - 2 June 2025", "2025-05-30/2025-06-02"),
])
def test_ranges_are_one_expression_with_a_calendar_range(text, words, calendar):
    t = one(text)
    assert t.text == words and t.calendar == calendar and t.type == "DATE"
    assert t.value == calendar.split("/")[0]


def test_and_is_a_range_only_after_between():
    found = tag("Votes were cast on 15 and 19 September.", SUNDAY)
    assert all("/" not in (t.calendar or "") for t in found)


# ------------------------------------------------------------------ month and year precision
@pytest.mark.parametrize("text, words, value", [
    ("A previous exercise took place in December 2023.", "December 2023", "2023-12"),
    ("Similar drills were held in November 2024.", "November 2024", "2024-11"),
    ("It was founded in October 2023.", "October 2023", "2023-10"),
    ("The law passed in 2021.", "2021", "2021"),
    ("It has grown since 2019.", "2019", "2019"),
])
def test_month_and_year_precision_is_kept(text, words, value):
    t = one(text)
    assert (t.text, t.value, t.calendar, t.relative) == (words, value, value, False)


def test_month_without_year_resolves_by_tense():
    t = find("Only in December, Azerbaijani President Ilham Aliyev had condemned comments.", "December")
    assert t.calendar == "2024-12" and t.tense == "past"
    t = find("Kharrazi told Hajiyev in a January meeting in Tehran.", "January")
    assert t.calendar == "2025-01"
    t = find("The summit will take place in December.", "December")
    assert t.calendar == "2025-12" and t.tense == "future"
    t = find("Tehran has expressed support for the framework agreed in March.", "March")
    assert t.calendar == "2025-03"


@pytest.mark.parametrize("text, words, calendar, mod", [
    ("The drill will be held in early August.", "early August", "2025-08", "START"),
    ("Talks will resume in mid-September.", "mid-September", "2025-09", "MID"),
    ("It opened in late last July.", "late last July", "2024-07", "END"),
])
def test_part_of_month_modifiers(text, words, calendar, mod):
    t = one(text)
    assert (t.text, t.calendar, t.mod) == (words, calendar, mod)


# ------------------------------------------------------------------ weekdays by tense
def test_past_weekday_is_on_or_before_the_anchor():
    t = one("Iran's Revolutionary Guards began a joint exercise on Sunday.")
    assert (t.value, t.calendar, t.weekday, t.tense) == ("2025-05-18", "2025-05-18", "Sunday", "past")
    assert "caption date May 18, 2025" in t.derivation and '"on Sunday"' in t.derivation
    t = one("The exercise began on Sunday.", anchor=MONDAY)
    assert t.calendar == "2025-09-14"


def test_future_weekday_is_on_or_after_the_anchor():
    assert one("The exercise will run until Thursday.", anchor=MONDAY).calendar == "2025-09-18"
    assert one("The exercise ends on Friday.", anchor=MONDAY).calendar == "2025-09-19"
    assert one("The ministers will hold talks on Friday.", anchor=SUNDAY).calendar == "2025-05-23"
    assert one("Officials said they plan to meet on Friday.", anchor=MONDAY).calendar == "2025-09-19"


def test_past_participle_after_will_be_is_future():
    assert one("The summit will be held on Friday, officials said.", anchor=MONDAY).calendar == "2025-09-19"


@pytest.mark.parametrize("text, words, calendar, typ", [
    ("Protesters gathered on Wednesday afternoon.", "Wednesday afternoon", "2025-05-14", "TIME"),
    ("Saturday's rally drew thousands.", "Saturday", "2025-05-17", "DATE"),
    ("Friday's protest was peaceful.", "Friday", "2025-05-16", "DATE"),
    ("He arrived on Tuesday.", "Tuesday", "2025-05-13", "DATE"),
])
def test_weekday_forms(text, words, calendar, typ):
    t = one(text)
    assert (t.text, t.calendar, t.type) == (words, calendar, typ)


def test_weekday_without_anchor_is_not_guessed():
    t = one("The exercise began on Sunday.", anchor=None, how=None)
    assert t.calendar is None and not t.resolved and t.value == "XXXX-WXX-7" and t.weekday == "Sunday"


# ------------------------------------------------------------------ relative expressions
@pytest.mark.parametrize("text, value, calendar", [
    ("It happened yesterday.", "2025-05-17", "2025-05-17"),
    ("It happens today.", "2025-05-18", "2025-05-18"),
    ("It happens tomorrow.", "2025-05-19", "2025-05-19"),
    ("It happened last week.", "2025-W19", "2025-05-05/2025-05-11"),
    ("It happens this week.", "2025-W20", "2025-05-12/2025-05-18"),
    ("It happens next week.", "2025-W21", "2025-05-19/2025-05-25"),
    ("It happened last month.", "2025-04", "2025-04"),
    ("It happened last year.", "2024", "2024"),
    ("It happens this year.", "2025", "2025"),
    ("It happened earlier this year.", "2025", "2025"),
    ("It happened two years ago.", "2023", "2023"),
    ("It happened eight years ago.", "2017", "2017"),
])
def test_relative_to_the_anchor(text, value, calendar):
    t = one(text)
    assert (t.value, t.calendar, t.relative, t.resolved) == (value, calendar, True, True)


def test_last_week_from_a_monday():
    t = one("Prices rose last week.", anchor=dt.date(2025, 3, 24))
    assert t.calendar == "2025-03-17/2025-03-23"


def test_last_years_drill():
    t = find("Unlike last year's drill, this one was larger.", "last year")
    assert t.calendar == "2024"


def test_two_years_ago_says_how():
    t = one("Baku opened an embassy in Tel Aviv two years ago.", how="publication date 2025-05-18")
    assert t.calendar == "2023" and "2 years before the publication date 2025-05-18" in t.derivation


@pytest.mark.parametrize("text, value", [("It changed recently.", "PAST_REF"), ("It is open now.", "PRESENT_REF")])
def test_fuzzy_references_have_no_calendar(text, value):
    t = one(text)
    assert t.value == value and t.calendar is None


def test_relative_without_anchor_is_unresolved():
    for text in ("It happened yesterday.", "It happened last week.", "It happened two years ago.", "It happened in December."):
        t = one(text, anchor=None, how=None)
        assert t.relative and not t.resolved and t.calendar is None and "XXXX" in t.value


def test_next_day_follows_the_reference_time_of_the_text():
    text = "The drill began on 19 May 2025. The next day, troops crossed the river."
    t = find(text, "The next day")
    assert t.calendar == "2025-05-20" and "2025-05-19" in t.derivation


# ------------------------------------------------------------------ durations
@pytest.mark.parametrize("text, words, duration", [
    ("a two-day exercise", "two-day", "P2D"),
    ("a three-day visit", "three-day", "P3D"),
    ("a four-day visit", "four-day", "P4D"),
    ("It will continue for four days.", "four days", "P4D"),
    ("a stay of 90 days", "90 days", "P90D"),
    ("It took a decade.", "a decade", "P10Y"),
    ("It took several months.", "several months", "PXM"),
    ("a five-year agreement", "five-year", "P5Y"),
    ("It will be ready in eight years.", "eight years", "P8Y"),
    ("over the past several months", "the past several months", "PXM"),
])
def test_durations(text, words, duration):
    t = one(text)
    assert (t.text, t.type, t.value, t.duration, t.calendar) == (words, "DURATION", duration, duration, None)


def test_duration_after_an_event_is_only_a_duration():
    t = one("Troops withdrew two days after the visit.")
    assert (t.text, t.type, t.value, t.calendar) == ("two days", "DURATION", "P2D", None)


def test_an_age_is_not_a_duration():
    assert tag("a 12-year-old boy was hurt", SUNDAY) == []


# ------------------------------------------------------------------ times
def test_time_with_its_day_keeps_the_day_calendar():
    t = one("The blast came at around 3 p.m. on Tuesday, 18 March.")
    assert t.type == "TIME" and t.value == "2025-03-18T15:00" and t.calendar == "2025-03-18"
    assert t.mod == "APPROX" and t.weekday == "Tuesday"


def test_time_of_day_alone_has_no_calendar():
    t = one("The blast came at 3 p.m.")
    assert t.type == "TIME" and t.calendar is None and t.value.endswith("T15:00")


# ------------------------------------------------------------------ more forms
def test_a_weekday_that_does_not_fit_the_date_does_not_move_the_year():
    # 22 March 2025 is a Saturday: the article's "Friday" is a finding, not a reason to pick 2024
    t = one("The coalition would hold another rally on Friday, 22 March.", anchor=dt.date(2025, 3, 17))
    assert t.calendar == "2025-03-22" and t.weekday == "Friday" and "Saturday" in t.derivation


def test_possessive_weekday_without_tense_is_read_as_past():
    t = one("Friday's protest in Sukhbaatar Square was the largest.", anchor=dt.date(2025, 3, 19))
    assert t.calendar == "2025-03-14"


def test_previous_weekday_counts_from_the_reference_time():
    t = find("The deal closed on 10 October 2025. The previous Friday, talks had stalled.", "The previous Friday")
    assert t.calendar == "2025-10-03"


@pytest.mark.parametrize("text, words, value, calendar", [
    ("Profit rose in the third quarter.", "the third quarter", "2024-Q3", "2024-07/2024-09"),
    ("Sales fell in the first quarter of last year.", "the first quarter of last year", "2024-Q1", "2024-01/2024-03"),
    ("Output grew in the second half of 2024.", "the second half of 2024", "2024-H2", "2024-07/2024-12"),
    ("Buildings from the 19th century survive.", "the 19th century", "18", "1800/1899"),
    ("Prices peaked in the 1990s.", "the 1990s", "199", "1990/1999"),
    ("The deal should close by year-end.", "year-end", "2025", "2025"),
])
def test_quarters_halves_centuries_decades(text, words, value, calendar):
    t = find(text, words)
    assert (t.value, t.calendar) == (value, calendar)


def test_a_year_earlier_after_a_quarter_keeps_the_quarter():
    t = find("Net income rose in the third quarter; a year earlier it fell.", "a year earlier")
    assert t.value == "2023-Q3"


def test_universal_time_gets_a_z():
    t = one("The rocket lifted off at 16:08 UTC.")
    assert t.value == "2025-05-18T16:08Z"


def test_fractional_durations():
    assert one("It lasted 5 1/2 hours.").value == "PT5H30M"
    assert one("It lasted two and a half years.").value == "P2Y6M"


# ------------------------------------------------------------------ traps
@pytest.mark.parametrize("text", [
    "Iran may seek closer ties.",
    "May Iran seek closer ties?",
    "They sang the March of the Volunteers.",
    "Brigadier General Vali Madani led the drill.",
    "the 31st Ashura Operational Division",
    "AVIM Commentary • No: 2025 / 37",
    "Hassan Ameli, the Friday Prayer leader of Ardabil",
    "The Aras 2025 drill",
    "the Kura Shield 2025 exercise",
    'the exercise "Kura Shield – 2025"',
    "the ETLEX-2025 fair",
    "ETLEX 2025 opened",
    "inflation of 2.5-7.5%",
    "a rate of 9.25%",
    "Decree No. 37",
    "cut by 25 basis points",
    "1,500 personnel took part",
    "a 9-kg charge",
    "Theresa May said so.",
    "business owners told Coast Business Weekly that",
    "a 12-year-old boy",
])
def test_traps_yield_nothing(text):
    assert tag(text, SUNDAY, HOW) == []


def test_year_after_preposition_is_a_date_but_not_after_a_name():
    found = tag("The Aras 2025 exercise was held in 2025.", SUNDAY)
    assert [(t.text, t.value) for t in found] == [("2025", "2025")]
    assert found[0].start == len("The Aras 2025 exercise was held in ")


# ------------------------------------------------------------------ invariants
def test_offsets_slice_the_text_exactly():
    text = ("Iran’s Revolutionary Guards began a drill on Sunday, 18 May 2025; it will continue through May 21. "
            "Two years ago, a previous drill took place in December 2023 and lasted four days.")
    found = tag(text, SUNDAY, HOW)
    assert len(found) >= 5
    for t in found:
        assert text[t.start:t.end] == t.text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_never_crashes_and_results_are_sorted_and_disjoint(text):
    for anchor in (None, SUNDAY):
        found = tag(text, anchor)
        for t in found:
            assert 0 <= t.start < t.end <= len(text) and text[t.start:t.end] == t.text
        for a, b in zip(found, found[1:]):
            assert a.end <= b.start
        if anchor is None:
            assert all(t.calendar is None for t in found if t.relative)


_PIECES = st.sampled_from(["May", "may", "March", "Friday", "2025", "19", "-", "21", "on", "in", "last", "week",
                           "two", "days", "ago", "No:", "/", "%", "Sept.", "the", "of", ",", "3 p.m.", "\n", "’s"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_hostile_date_like_text_is_sorted_and_disjoint(words):
    text = " ".join(words)
    found = tag(text, SUNDAY)
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    for t in found:
        assert text[t.start:t.end] == t.text


MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2099, 12, 31)), st.sampled_from([None, SUNDAY]))
def test_day_month_year_round_trips(day, anchor):
    text = f"It happened on {day.day} {MONTH_NAMES[day.month - 1]} {day.year}, officials said."
    t = one(text, anchor=anchor)
    assert t.calendar == day.isoformat() and t.value == day.isoformat() and not t.relative


# ------------------------------------------------------------------ the vocabulary is data
def _clear_caches():
    from discrepancy.timex import grammar, lexicon, tense
    for fn in (lexicon._raw, lexicon.load, grammar.grammar, grammar.trap_regex, tense._cues):
        fn.cache_clear()


def test_a_month_spelling_added_in_yaml_is_recognised(tmp_path, monkeypatch):
    import shutil

    import yaml

    from discrepancy.timex import lexicon
    src = lexicon.timex_dir()
    for f in src.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    cal = yaml.safe_load((tmp_path / "calendar.yaml").read_text(encoding="utf-8"))
    cal["months"][9].append("settembre")
    (tmp_path / "calendar.yaml").write_text(yaml.safe_dump(cal, allow_unicode=True), encoding="utf-8")
    assert [t.calendar for t in tag("It opened on 5 settembre 2025.", SUNDAY)] == ["2025"]
    monkeypatch.setattr(lexicon, "timex_dir", lambda: tmp_path)
    _clear_caches()
    try:
        assert one("It opened on 5 settembre 2025.").calendar == "2025-09-05"
    finally:
        monkeypatch.undo()
        _clear_caches()


def test_an_unquoted_yaml_boolean_in_a_word_list_is_refused(tmp_path, monkeypatch):
    import shutil

    from discrepancy.timex import lexicon
    for f in lexicon.timex_dir().glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    g = tmp_path / "grammar.yaml"
    g.write_text(g.read_text(encoding="utf-8").replace('prepositions: ["on",', "prepositions: [on,"), encoding="utf-8")
    monkeypatch.setattr(lexicon, "timex_dir", lambda: tmp_path)
    _clear_caches()
    try:
        with pytest.raises(ValueError, match="quote it"):
            lexicon.load()
    finally:
        monkeypatch.undo()
        _clear_caches()


_SCAN_ALPHABET = "abXZ09_'\u2019.-,;:(\"\u201c \t\n\u00a0\u00e9\u0663\u216b\u03a3"


@settings(max_examples=3000, deadline=None)
@given(text=st.text(alphabet=_SCAN_ALPHABET, max_size=90), data=st.data())
def test_backward_word_scans_agree_with_their_regexes(text, data):
    """word_before and two_words_before scan backwards for speed; the regexes say what they mean."""
    from discrepancy.timex import grammar

    pos = data.draw(st.integers(0, len(text)))
    m = grammar._WORD_BEFORE.search(text, max(0, pos - 40), pos)
    assert grammar.word_before(text, pos) == (m.group(1).lower() if m else "")
    assert grammar.raw_word_before(text, pos) == (m.group(1) if m else "")
    m = grammar._WORDS_BEFORE.search(text, max(0, pos - 60), pos)
    assert grammar.two_words_before(text, pos) == (f"{m.group(1)} {m.group(2)}".lower() if m else "")
