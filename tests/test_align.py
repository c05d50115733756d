"""Alignment: occurrences, participants, names and numbers grouped as a fact-checker would."""
from __future__ import annotations

from discrepancy.align import align, interval, participants_compatible, precision
from discrepancy.extract import extract_all
from discrepancy.ingest import parse_article
from tests.conftest import md


def groups_of(texts):
    articles = [parse_article(name, text) for name, text in texts.items()]
    anchored, claims, _ = extract_all(articles)
    return align(anchored, claims)


def test_interval_and_precision():
    assert precision("2025-05") == "month" and precision("2025-05-19/2025-05-21") == "day"
    assert interval("2024-02")[1].day == 29
    assert interval("2025")[0].isoformat() == "2025-01-01"


def test_participants_compatibility():
    iran_az, iran_arm = frozenset({"Iran", "Azerbaijan"}), frozenset({"Iran", "Armenia"})
    assert not participants_compatible(iran_az, iran_arm)
    assert participants_compatible(iran_az, frozenset({"Iran"}))
    assert participants_compatible(iran_az, frozenset())


def test_this_years_and_last_years_events_stay_apart():
    groups = groups_of({
        "a.md": md("Azerbaijan and Georgia began the joint exercise on 14 September 2025.", "2025-09-15"),
        "b.md": md("Azerbaijan and Georgia held the joint exercise on 9 September 2024.", "2025-09-16"),
    })
    assert not [g for g in groups if g.kind == "event_date"]


def test_different_participants_stay_apart():
    groups = groups_of({
        "a.md": md("Iran and Azerbaijan began a joint exercise on 18 May 2025.", "2025-05-19"),
        "b.md": md("Iran and Armenia began a joint exercise on 19 May 2025.", "2025-05-20"),
    })
    assert not [g for g in groups if g.kind == "event_date"]


def test_same_event_different_days_is_one_group():
    groups = groups_of({
        "a.md": md("Iran and Azerbaijan began a joint exercise on 18 May 2025.", "2025-05-19"),
        "b.md": md("Iran and Azerbaijan began a joint exercise on 19 May 2025.", "2025-05-20"),
    })
    [group] = [g for g in groups if g.kind == "event_date"]
    assert {c.value for c in group.claims} == {"2025-05-18", "2025-05-19"}


def test_name_spellings_cluster_but_different_people_do_not():
    groups = groups_of({
        "a.md": md("General Vali Madani met President Ilham Aliyev.", "2025-05-19"),
        "b.md": md("General Veli Medeni met Defence Minister Zakir Hasanov.", "2025-05-19"),
    })
    names = [g for g in groups if g.kind == "name"]
    assert len(names) == 1 and {c.value for c in names[0].claims} == {"Vali Madani", "Veli Medeni"}


def test_numbers_from_different_sides_are_not_compared():
    groups = groups_of({
        "a.md": md("Thousands rallied on Saturday. Police estimated the crowd at about 8,000.", "2025-03-16"),
        "b.md": md("The rally drew 25,000 people, the organisers said.", "2025-03-17"),
    })
    assert not [g for g in groups if g.kind == "number"]


def test_units_are_shown_in_the_unit_most_figures_use():
    groups = groups_of({
        "a.md": md("The wildfire burned 4,200 hectares.", "2025-08-08"),
        "b.md": md("The fire burned 42 square kilometres of forest.", "2025-08-12"),
        "c.md": md("The blaze burned 2,400 hectares.", "2025-08-09"),
    })
    [group] = [g for g in groups if g.kind == "number"]
    assert sorted(c.value for c in group.claims) == ["2400", "4200", "4200"]
