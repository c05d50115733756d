"""Check type about where things happened."""
from __future__ import annotations

import math
import re
from typing import Iterable

from discrepancy.engine.registry import CheckParams, CheckType, Hit, register
from discrepancy.models import Claim, Group

_ISO_SUBDIVISION = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
_EARTH_RADIUS_KM = 6371.0


class PlaceParams(CheckParams):
    """Parameters of ``place_conflict``."""

    max_km: float = 40.0
    """Two cities closer than this describe one place (a city and its suburb, two districts of
    one metropolis); further apart, they are two places."""


def _subdivisions(claim: Claim) -> set[str]:
    """The first-level subdivisions a claim's place lies in: its own ISO code, or the state a
    city lies in ("US-GA/atlanta")."""
    out = set()
    for code in (claim.attr("regions") or "").split(","):
        head = code.split("/", 1)[0]
        if _ISO_SUBDIVISION.match(head):
            out.add(head)
    return out


def _points(claim: Claim) -> list[tuple[float, float]]:
    """Where the claim's place can be, when it is a city (one point per city of that name)."""
    out = []
    for pair in (claim.attr("points") or "").split(";"):
        if pair:
            lat, lon = pair.split(",")
            out.append((float(lat), float(lon)))
    return out


def _only_cities(claim: Claim) -> bool:
    """Can the claim's place only be a city? ("Colorado" is a state as well as a town: it is
    compared by what contains what, not by distance.)"""
    return all("/" in code for code in (claim.attr("regions") or "").split(",") if code)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine) between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _apart(a: Claim, b: Claim, max_km: float) -> str | None:
    """Why two places cannot both be right, or None. Two names that can only be cities: every
    city each can be lies more than ``max_km`` from every city the other can be. Otherwise:
    they lie in different first-level subdivisions of one country (a city inside its state
    agrees)."""
    pa, pb = _points(a), _points(b)
    if pa and pb and _only_cities(a) and _only_cities(b):
        nearest = min(distance_km(p, q) for p in pa for q in pb)
        return f"{nearest:.0f} km apart" if nearest > max_km else None
    sa, sb = _subdivisions(a), _subdivisions(b)
    if not sa or not sb or sa & sb:
        return None
    if {c.split("-")[0] for c in sa} & {c.split("-")[0] for c in sb}:
        return "different provinces of one country"
    return None


def place_conflict(group: Group, params: PlaceParams) -> Iterable[Hit]:
    """Two sources put the same event or site in places that cannot both be right: two cities
    further apart than ``max_km``, or different first-level subdivisions of one country
    (departments, provinces, states). Places the gazetteer cannot place never conflict; a place
    inside its province agrees with it."""
    claims = group.claims
    # the test reads a claim's source and places only: one claim of each such kind is enough
    kinds = list({(c.source, c.attr("regions"), c.attr("points")): c for c in claims}.values())
    for i, a in enumerate(kinds):
        for b in kinds[i + 1:]:
            if a.source == b.source:
                continue
            why = _apart(a, b, params.max_km)
            if why:
                yield Hit(group.subject, claims, (("regions", "; ".join(
                    f"{c.source.rsplit('/', 1)[-1]}: {c.value}" for c in claims)), ("why", why)))
                return


register(CheckType(
    name="place_conflict", params=PlaceParams, kinds=("place",), fields=("regions", "why"), run=place_conflict,
    summary="Sources place the same event or site in cities far apart, or in different provinces of one country."))
