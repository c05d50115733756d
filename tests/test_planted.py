"""Generated clusters with planted conflicts: each planted conflict of every category is found,
and an unmodified copy of the cluster yields no finding (hypothesis)."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

import pycountry
from hypothesis import HealthCheck, given, settings, strategies as st

from discrepancy.engine.schema import bundled_rules_dir, load_rules
from discrepancy.pipeline import check_texts
from tests.conftest import md

RULES = load_rules([bundled_rules_dir()])
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SYLLABLES = ("ka", "ro", "ven", "tal", "mir", "do", "sa", "lin", "bor", "ne", "ta", "gul", "zar", "fen")
COUNTRIES = [("Kenya", "KE"), ("Colombia", "CO"), ("India", "IN"), ("Peru", "PE"), ("Poland", "PL")]
OUTLETS = ("North Wire", "Daily Ledger", "Morning Post", "Regional Times", "Press Service")


def _word(parts) -> str:
    return "".join(parts).capitalize()


names = st.tuples(st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=3).map(_word),
                  st.lists(st.sampled_from(SYLLABLES), min_size=3, max_size=3).map(_word))


@dataclass(frozen=True)
class Facts:
    """One story's facts, from which every article is written."""

    start: dt.date
    days: int
    previous: dt.date
    given: str
    surname: str
    killed: int
    country: str
    province: str
    other_province: str
    outlet_a: str
    outlet_b: str


@st.composite
def facts(draw):
    start = draw(st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 1)))
    given, surname = draw(names)
    country, code = draw(st.sampled_from(COUNTRIES))
    provinces = sorted({s.name for s in pycountry.subdivisions.get(country_code=code)
                        if " " not in s.name and s.name.isalpha() and s.name[0].isupper()})
    province, other = draw(st.lists(st.sampled_from(provinces), min_size=2, max_size=2, unique=True))
    outlets = draw(st.lists(st.sampled_from(OUTLETS), min_size=2, max_size=2, unique=True))
    return Facts(start=start, days=draw(st.integers(2, 5)),
                 previous=start - dt.timedelta(days=draw(st.integers(200, 900))),
                 given=given, surname=surname, killed=draw(st.integers(12, 900)),
                 country=country, province=province, other_province=other,
                 outlet_a=outlets[0], outlet_b=outlets[1])


def _day(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


def article(f: Facts, *, start=None, days=None, previous=None, surname=None, killed=None, province=None,
            first=False, length_words=None, weekday=None) -> str:
    """A wire story from the facts; keyword arguments plant a different fact."""
    start = start or f.start
    end = start + dt.timedelta(days=(days or f.days) - 1)
    lines = [
        f"Forces of {f.country} began a joint exercise on {_day(start)} in the province of "
        f"{province or f.province}.",
        f"The exercise ran until {_day(end)}, officials said.",
        f"General {f.given} {surname or f.surname} said the drill went well.",
        f"An explosion during the exercise killed {killed or f.killed} soldiers, officials said.",
    ]
    if first:
        lines.append("It was the first-ever exercise of its kind in the country.")
    else:
        lines.append(f"A previous joint exercise took place in {(previous or f.previous).strftime('%B %Y')}.")
    if length_words:
        lines.append(f"The {length_words}-day exercise drew large crowds.")
    if weekday:
        lines.append(f"On {weekday}, {_day(start)}, the exercise began.")
    return " ".join(lines)


def cluster(f: Facts, **planted) -> dict[str, str]:
    published = (f.start + dt.timedelta(days=10)).isoformat()
    return {"a.md": md(article(f), published), "b.md": md(article(f, **planted), published)}


def _findings(texts):
    result = check_texts(texts, RULES)
    assert not [s for s in result.skipped if "failed" in s.reason], result.skipped
    return list(result.findings)


def _has(findings, category, *values):
    return any(f.category == category and all(any(c.value == v for c in f.claims) for v in values)
               for f in findings)


SETTINGS = settings(max_examples=int(os.environ.get("PLANTED_EXAMPLES", "15")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(facts())
def test_unmodified_copy_yields_no_finding(f):
    assert _findings(cluster(f)) == []


@SETTINGS
@given(facts(), st.integers(1, 3))
def test_planted_date(f, shift):
    moved = f.start + dt.timedelta(days=shift)
    assert _has(_findings(cluster(f, start=moved)), "date", f.start.isoformat(), moved.isoformat())


@SETTINGS
@given(facts(), st.integers(2, 10))
def test_planted_history(f, months):
    other = f.previous - dt.timedelta(days=31 * months)
    assert _has(_findings(cluster(f, previous=other)), "history", f.previous.strftime("%Y-%m"),
                other.strftime("%Y-%m"))


@SETTINGS
@given(facts())
def test_planted_name_variant(f):
    # a vowel shift inside the surname, as transliterations do (Madani / Medeni)
    vowels = {"a": "e", "e": "a", "o": "u", "u": "o", "i": "e"}
    i = next(k for k in range(1, len(f.surname)) if f.surname[k] in vowels)
    variant = f.surname[:i] + vowels[f.surname[i]] + f.surname[i + 1:]
    assert _has(_findings(cluster(f, surname=variant)), "name", f"{f.given} {f.surname}", f"{f.given} {variant}")


@SETTINGS
@given(facts(), st.floats(1.3, 3.0))
def test_planted_number(f, factor):
    other = int(f.killed * factor)
    assert _has(_findings(cluster(f, killed=other)), "number", str(f.killed), str(other))


@SETTINGS
@given(facts())
def test_planted_place(f):
    assert _has(_findings(cluster(f, province=f.other_province)), "place", f.province, f.other_province)


@SETTINGS
@given(facts())
def test_planted_novelty(f):
    assert _has(_findings(cluster(f, first=True)), "novelty", "first")


@SETTINGS
@given(facts())
def test_planted_duration(f):
    words = {2: "three", 3: "four", 4: "two", 5: "three"}[f.days]
    assert _has(_findings(cluster(f, length_words=words)), "duration")


@SETTINGS
@given(facts(), st.integers(1, 6))
def test_planted_weekday(f, off):
    wrong = WEEKDAYS[(f.start.weekday() + off) % 7]
    assert _has(_findings(cluster(f, weekday=wrong)), "weekday", wrong, f.start.isoformat())
