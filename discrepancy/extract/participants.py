"""Who takes part in an event: the countries a clause names (by name, demonym or capital)."""
from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from discrepancy.extract.context import alternation, lexicon


@lru_cache(maxsize=1)
def _country_pattern() -> tuple[re.Pattern, dict[str, str]]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names[value.casefold()] = getattr(country, "common_name", None) or country.name
    for canonical, aliases in (lexicon("places.yaml").get("country_aliases") or {}).items():
        names[canonical.casefold()] = canonical
        for alias in aliases:
            names[str(alias).casefold()] = canonical
    # pycountry spells some names officially ("Iran, Islamic Republic of"); prefer the aliases' canonical.
    longest_first = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])" + alternation(longest_first) + r"(?:'s|’s)?(?![\w-])", re.I), names


_LIST_START = re.compile(r"\b(?:from|including|such as|like|among them|notably)\b[^;.()]*", re.I)


@lru_cache(maxsize=4096)
def countries_in(text: str) -> frozenset[str]:
    """The countries a stretch of text names as actors, canonicalised ("Iranian" -> "Iran").
    Countries in a list after "from", "including" or "such as" say where others come from
    ("exhibitors from Turkey, China and India"), not who acts, and are left out."""
    pattern, names = _country_pattern()
    found = set()
    # list stretches, disjoint and in order: one pointer walks them beside the matches
    lists = [m.span() for m in _LIST_START.finditer(text)]
    li = 0
    for m in pattern.finditer(text):
        while li < len(lists) and lists[li][1] <= m.start():
            li += 1
        if li < len(lists) and lists[li][0] <= m.start():
            continue
        word = re.sub(r"(?:'s|’s)$", "", m.group(0))
        if not word[:1].isupper():
            continue  # "turkey", "chad" in lower case are not countries
        found.add(names[word.casefold()])
    return frozenset(found)


def compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Can two participant sets describe the same event? Unknown (empty) fits anything; else one
    must contain the other, or they must share at least two members."""
    if not a or not b:
        return True
    return a <= b or b <= a or len(a & b) >= 2
