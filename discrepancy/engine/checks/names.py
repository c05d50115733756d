"""Check type about spellings: one entity written differently across sources."""
from __future__ import annotations

import unicodedata
from typing import Iterable

from anyascii import anyascii

from discrepancy.engine.registry import CheckParams, CheckType, Hit, register
from discrepancy.models import Claim, Group
from discrepancy.names import compare, spelling_variant


class SpellingParams(CheckParams):
    """Parameters of ``spelling_consistency``."""

    min_sources: int = 2
    """How many articles must name the entity."""


def _representatives(claims: tuple[Claim, ...]) -> list[Claim]:
    """Per source, its fullest spellings (a surname alone only where the source has no full name)."""
    out: list[Claim] = []
    for source in sorted({c.source for c in claims}):
        own = [c for c in claims if c.source == source]
        longest = max(len(c.value.split()) for c in own)
        seen: set[str] = set()
        for c in own:
            if len(c.value.split()) == longest and c.value not in seen:
                seen.add(c.value)
                out.append(c)
    return out


def _without_marks(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).casefold()


def letter_difference(a: str, b: str) -> str | None:
    """Words written with different letters that fold to the same ASCII ("Þorbjörg" /
    "Thorbjorg": Þ is a letter, not an accent), which a spelling comparison on folded text misses.
    Accents alone ("Tópaga" / "Topaga") are no difference."""
    notes = []
    for wa in a.split():
        for wb in b.split():
            if anyascii(wa).casefold() == anyascii(wb).casefold() and _without_marks(wa) != _without_marks(wb):
                notes.append(f"{wa}/{wb}: letters transliterated differently")
    return "; ".join(notes) or None


def spelling_consistency(group: Group, params: SpellingParams) -> Iterable[Hit]:
    reps = _representatives(group.claims)
    if len({c.source for c in reps}) < params.min_sources:
        return
    reasons: list[str] = []
    for i, a in enumerate(reps):
        for b in reps[i + 1:]:
            if a.source == b.source or a.value == b.value:
                continue
            if not compare(a.value, b.value).same:
                continue  # joined only through a third spelling ("Vontay Jamar" / "Vontay Price")
            why = spelling_variant(a.value, b.value) or letter_difference(a.value, b.value)
            if why and why not in reasons:
                reasons.append(why)
    if reasons:
        spellings = sorted({c.value for c in reps})
        verdict = compare(spellings[0], spellings[-1]).reason
        yield Hit(group.subject, tuple(reps), (("spellings", " / ".join(spellings)), ("reason", "; ".join(reasons))),
                  note=verdict)


register(CheckType(
    name="spelling_consistency", params=SpellingParams, kinds=("name",), fields=("spellings", "reason"),
    run=spelling_consistency,
    summary="One person, place or event is spelled differently across sources."))
