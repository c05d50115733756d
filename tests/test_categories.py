"""Each category of discrepancy on its own: what must be found, and the look-alikes that must
not be flagged (precision-compatible dates, other notations, approximations, places inside
places, title variants, two events of one kind, denied claims, revised figures)."""
from __future__ import annotations

from tests.conftest import md


def found(result, category):
    return [f for f in result.findings if f.category == category]


def values(finding):
    return {c.value for c in finding.claims}


# --- date ---------------------------------------------------------------------------------

def test_date_weekday_anchored_against_explicit_day(check):
    result = check({"a.md": md("The wildfire broke out on Sunday near the village.", "2025-08-08"),
                    "b.md": md("The wildfire broke out on the afternoon of 2 August near the village.", "2025-08-09")})
    [f] = found(result, "date")
    assert values(f) == {"2025-08-03", "2025-08-02"}


def test_date_month_precision_is_compatible(check):
    result = check({"a.md": md("The fire that tore through the peninsula in early August was the worst.", "2025-08-12"),
                    "b.md": md("The wildfire broke out on 3 August near the village.", "2025-08-08")})
    assert not found(result, "date")


def test_date_sentence_opening_date_governs_its_clause(check):
    result = check({"a.md": md("Yesterday, the two ministers held talks and witnessed the signing of five agreements.",
                               "2026-05-12"),
                    "b.md": md("Chile and Vietnam signed five agreements on Tuesday.", "2026-05-13")})
    [f] = found(result, "date")
    assert values(f) == {"2026-05-11", "2026-05-12"}


def test_date_two_events_of_one_kind_stay_apart(check):
    result = check({"a.md": md("The bank cut its policy rate on 7 October. It was the first change since 6 August, "
                               "when the committee lowered the rate.", "2025-10-08"),
                    "b.md": md("The committee met on 7 October and cut its key rate.", "2025-10-10")})
    assert not found(result, "date")


def test_date_denied_report_is_not_a_claim(check):
    result = check({"a.md": md("Officials denied reports that the drill began on Monday.", "2025-05-22"),
                    "b.md": md("The drill began on Tuesday, officials said.", "2025-05-22")})
    assert not found(result, "date")


# --- history --------------------------------------------------------------------------------

def test_history_previous_occurrence(check):
    result = check({"a.md": md("The previous adjustment came in June, when the committee lowered the rate.", "2025-10-10"),
                    "b.md": md("It was the bank's first rate change since 6 August.", "2025-10-08")})
    [f] = found(result, "history")
    assert values(f) == {"2025-06", "2025-08-06"}


def test_history_series_start(check):
    result = check({"a.md": md("It is the fourth edition of the exercise since the series began in 2021.", "2025-09-15"),
                    "b.md": md("Launched in 2022, the exercise series has reached only its third iteration.", "2025-10-02")})
    [f] = found(result, "history")
    assert values(f) == {"2021", "2022"}


def test_history_unrelated_beginnings_are_not_history(check):
    result = check({"a.md": md("The dam cost $1.4 billion. Construction began in 2017.", "2026-03-14"),
                    "b.md": md("The dam is a quarter of the capacity of a larger dam, which was inaugurated in "
                               "September 2025.", "2026-03-20")})
    assert not found(result, "history")


# --- name -------------------------------------------------------------------------------------

def test_name_transliteration_variant(check):
    result = check({"a.md": md("Fire brigade spokesman Yiannis Makris said crews remained.", "2025-08-08"),
                    "b.md": md("Fire brigade spokesman Giannis Makris said on Friday that crews remained.", "2025-08-09")})
    [f] = found(result, "name")
    assert values(f) == {"Yiannis Makris", "Giannis Makris"}


def test_name_title_variants_and_short_forms_are_not_flagged(check):
    result = check({"a.md": md("Governor Amina Wekesa told a news conference that rates would fall.", "2025-10-08"),
                    "b.md": md("CBK chief Amina Wekesa has urged lenders to cut rates. Dr Wekesa chairs the "
                               "committee.", "2025-10-10")})
    assert not found(result, "name")


def test_name_different_people_are_not_variants(check):
    result = check({"a.md": md("President Ilham Aliyev met the delegation.", "2025-05-19"),
                    "b.md": md("Defence Minister Zakir Hasanov met the delegation.", "2025-05-19")})
    assert not found(result, "name")


# --- number ------------------------------------------------------------------------------------

def test_number_casualties(check):
    result = check({"a.md": md("A methane explosion at the mine killed 11 miners, authorities said.", "2025-03-20"),
                    "b.md": md("The explosion at the mine killed twelve miners and injured six.", "2025-03-21")})
    [f] = found(result, "number")
    assert values(f) == {"11", "12"}


def test_number_other_notations_and_approximations_agree(check):
    result = check({"a.md": md("The fair brings together 412 companies from 27 countries. The exhibition is worth "
                               "$1.2 million to the city.", "2025-05-21"),
                    "b.md": md("More than 400 exhibitors from twenty-seven countries take part in the exhibition, "
                               "worth 1,200,000 dollars to the city.", "2025-05-19")})
    assert not found(result, "number")


def test_number_money_in_other_words(check):
    result = check({"a.md": md("The dam cost $1.4 billion, officials said.", "2026-03-14"),
                    "b.md": md("The plant was completed at a total cost of 1.2 billion US dollars.", "2026-03-15")})
    [f] = found(result, "number")
    assert values(f) == {"1400000000", "1200000000"}


def test_number_running_tally_moves_between_reports(check):
    result = check({"a.md": md("After the capsizing, 15 people remain missing as of Tuesday.", "2026-08-04"),
                    "b.md": md("After the capsizing, eleven people were still missing.", "2026-08-05")})
    assert not found(result, "number")


# --- place -----------------------------------------------------------------------------------

def test_place_different_provinces(check):
    result = check({"a.md": md("The launch capsized off Matlab Uttar in Chandpur district on Sunday.", "2026-08-03"),
                    "b.md": md("The launch capsized near Gazaria in Munshiganj district on Sunday.", "2026-08-05")})
    [f] = found(result, "place")
    assert values(f) == {"Matlab Uttar, Chandpur", "Gazaria, Munshiganj"}


def test_place_inside_its_province_agrees(check):
    result = check({"a.md": md("The exercise took place in Nagorno-Karabakh.", "2025-05-19"),
                    "b.md": md("The exercise took place in the liberated Khojavend district.", "2025-05-22")})
    assert not found(result, "place")


# --- novelty ------------------------------------------------------------------------------

def test_novelty_first_since_against_a_later_occurrence(check):
    result = check({"a.md": md("It was the first runoff in Opole since Poland introduced direct elections in 2002.",
                               "2026-06-15"),
                    "b.md": md("Opole last needed a runoff to choose its mayor in 2014.", "2026-06-16")})
    [f] = found(result, "novelty")
    assert {"first", "2014"} <= values(f)


def test_novelty_about_something_else_is_not_flagged(check):
    result = check({"a.md": md("The fair was first held in October 2023.", "2025-05-12"),
                    "b.md": md("Several German firms were at the fair for the first time.", "2025-05-25")})
    assert not found(result, "novelty")


# --- duration and weekday --------------------------------------------------------------------

def test_duration_stated_length_against_another(check):
    result = check({"a.md": md("The minister arrived in Dushanbe on Monday for a two-day visit.", "2025-06-10"),
                    "b.md": md("The minister is in Dushanbe on a three-day visit.", "2025-06-11")})
    [f] = found(result, "duration")
    assert values(f) == {"P2D", "P3D"}


def test_weekday_within_one_article(check):
    result = check({"a.md": md("The coalition will hold another rally on Friday, 22 March.", "2025-03-17")})
    [f] = found(result, "weekday")
    assert values(f) == {"Friday", "2025-03-22"}


def test_name_joined_only_through_a_third_spelling_is_not_a_variant(check):
    result = check({"a.md": md("Vontay Jamar Price, 22, was gunned down at the car wash.", "2016-01-20"),
                    "b.md": md("Vontay Price was also killed at the car wash.", "2016-01-21"),
                    "c.md": md("The victims were identified as Vontay Jamar and another man.", "2016-01-22")})
    assert not found(result, "name")
