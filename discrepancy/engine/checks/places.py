"""Check type about where things happened."""
from __future__ import annotations

import re
from typing import Iterable

from discrepancy.engine.registry import CheckParams, CheckType, Hit, register
from discrepancy.models import Claim, Group

_ISO_SUBDIVISION = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")


class PlaceParams(CheckParams):
    """Parameters of ``place_conflict``."""


def _subdivisions(claim: Claim) -> set[str]:
    return {code for code in (claim.attr("regions") or "").split(",") if _ISO_SUBDIVISION.match(code)}


def place_conflict(group: Group, params: PlaceParams) -> Iterable[Hit]:
    """Two sources put the same event or site in different first-level subdivisions of one
    country (departments, provinces, states). Places the gazetteer cannot place never conflict;
    a place inside its province agrees with it."""
    claims = group.claims
    # the test reads a claim's source and subdivisions only: one claim of each such kind is enough
    kinds = list({(c.source, frozenset(_subdivisions(c))): c for c in claims}.values())
    for i, a in enumerate(kinds):
        for b in kinds[i + 1:]:
            if a.source == b.source:
                continue
            sa, sb = _subdivisions(a), _subdivisions(b)
            if not sa or not sb or sa & sb:
                continue
            if {c.split("-")[0] for c in sa} & {c.split("-")[0] for c in sb}:
                yield Hit(group.subject, claims, (("regions", "; ".join(
                    f"{c.source.rsplit('/', 1)[-1]}: {c.value}" for c in claims)),))
                return


register(CheckType(
    name="place_conflict", params=PlaceParams, kinds=("place",), fields=("regions",), run=place_conflict,
    summary="Sources place the same event or site in different provinces or departments of one country."))
