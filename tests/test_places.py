"""Places: cities from GeoNames, and when two places of one event cannot both be right."""
from __future__ import annotations

import pytest

from discrepancy.engine.checks.places import PlaceParams, _apart, distance_km
from discrepancy.extract.places import points, resolve
from discrepancy.models import Claim


def _place(value: str, source: str = "a.md") -> Claim:
    known = resolve(value)
    return Claim(source=source, role="source", kind="place", subject="location of the fire", key="event:fire",
                 value=value, quote=f"The fire in {value}.", line=1, start=0, end=len(value), derivation="",
                 attrs=(("points", ";".join(f"{la},{lo}" for la, lo in points(value))),
                        ("regions", ",".join(sorted({code for code, _ in known})))))


def test_distance_between_two_known_points():
    # Paris to London is about 344 km along the great circle
    assert distance_km((48.8566, 2.3522), (51.5074, -0.1278)) == pytest.approx(344, abs=5)
    assert distance_km((10.0, 20.0), (10.0, 20.0)) == 0


def test_cities_are_known_with_their_state_where_the_codes_agree():
    assert any(code.startswith("US-CO/") for code, _ in resolve("Denver"))
    assert points("Denver")
    assert resolve("Reading") == [] or all("/" not in code for code, _ in resolve("Reading"))  # a word first
    assert points("March") == []


@pytest.mark.parametrize("a, b, conflict", [
    ("Lyon", "Marseille", True),        # two cities far apart
    ("Lyon", "Villeurbanne", False),    # a city and its suburb
    ("Denver", "Colorado", False),      # a city inside its state
    ("Denver", "Boston", True),
    ("Portland", "Maine", False),       # one of the cities of that name lies there
    ("Denver", "Texas", True),          # another state of the same country
])
def test_two_places_conflict_only_when_they_cannot_both_be_right(a, b, conflict):
    why = _apart(_place(a), _place(b, "b.md"), PlaceParams(category="place").max_km)
    assert bool(why) is conflict, why


def test_a_broken_city_table_line_is_named_with_its_file_and_line(tmp_path, monkeypatch):
    from discrepancy.extract import places

    (tmp_path / "cities.tsv").write_text("# header\nlyon\tLyon\tFR/lyon\tFR\t45.76\t4.83\nbroken line\n",
                                         encoding="utf-8")
    monkeypatch.setattr(places, "lexicons_dir", lambda: tmp_path)
    places._cities.cache_clear()
    try:
        with pytest.raises(places.GazetteerError, match=r"cities\.tsv:3: expected 6"):
            places._cities()
    finally:
        places._cities.cache_clear()


# (sentence, the subject key of its place claim): sites named by several words are one kind
SITE_WORDS = [
    ("A fire started at the plant in Denver on Monday.", "site:factory"),
    ("A fire started at the factory in Denver on Monday.", "site:factory"),
    ("A fire started at the warehouse in Denver on Monday.", "site:warehouse"),
]


@pytest.mark.parametrize("text,key", SITE_WORDS)
def test_a_site_is_keyed_by_its_kind(text, key):
    from tests.test_extract import claims_of

    found, _ = claims_of(text, "2026-03-10", "place")
    assert [c.key for c in found] == [key]
