"""The name rules, read once from rules/lexicons/names/*.yaml into one immutable object."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

from discrepancy.lexicon_schema import compile_data_regex, load_checked, schema_for
from discrepancy.resources import lexicons_dir


@dataclass(frozen=True)
class Rewrite:
    """One spelling rewrite: every match of `pattern` in a folded word becomes `to`."""

    pattern: Any
    """Compiled regular expression (RE2), applied to a folded lower-case word."""
    to: str
    """Replacement; upper-case letters are internal symbols for digraph sounds (S = sh, X = kh...)."""
    label: str | None
    """How a reason names the rule ("-zadeh/-zoda ..."), or None for a rule that only renames a sound."""


@dataclass(frozen=True)
class Substitution:
    """A cheap substitution between two symbols that romanisations disagree on."""

    cost: float
    """Edit cost, on the scale where any other consonant substitution costs 1.0."""
    label: str
    """How a reason names it ("g/k")."""


@dataclass(frozen=True)
class Lexicon:
    """Every table the name matcher uses, loaded from YAML and indexed for lookups."""

    titles: frozenset[str]
    """Titles, honorifics and ranks, lower case, multi-word entries with single spaces."""
    max_title_words: int
    """Number of words in the longest title entry."""
    title_connectors: frozenset[str]
    """Words that continue a title ("of" in "Minister of Energy")."""
    first_word_only: frozenset[str]
    """Titles that are also name parts (Khan, Shah): titles only as the first word of a mention."""
    title_modifiers: frozenset[str]
    """Words allowed before a title word inside the title ("Defence" in "Defence Minister")."""
    modifier_suffixes: tuple[str, ...]
    """Endings of capitalised words taken as demonyms before a title ("Georgian")."""
    particles: frozenset[str]
    """Words dropped from names when comparing (al, bin, de, van, of ...)."""
    sun_articles: frozenset[str]
    """Assimilated forms of the Arabic article (ash, ar, ad ...)."""
    ezafe: frozenset[str]
    """Persian ezafe suffixes written after a hyphen (-e, -ye)."""
    abd_head: Any
    """A whole word that is the first half of an Arabic "Abd al-X" name."""
    abd_prefix: Any
    """The "Abd al-" part at the start of a one-word "Abdulaziz"-style name."""
    abbreviations: Mapping[str, str]
    """Abbreviated words and their expansions (st -> saint)."""
    feminine_endings: tuple[tuple[str, str], ...]
    """(masculine ending, feminine ending) pairs of surnames."""
    masculine_stems: tuple[str, ...]
    """Endings a masculine surname stem must have for the feminine rule to apply."""
    generic_words: frozenset[str]
    """Words naming a kind of place (oblast, island, city): never a conflict, never enough to match."""
    distinguishing_words: frozenset[str]
    """Words singling out one of several places or people (New, North, Jr): in one name only, a conflict."""
    letters: Mapping[str, str]
    """Letters with diacritics spelt out before ASCII folding (š -> sh)."""
    rewrites: tuple[Rewrite, ...]
    """Ordered spelling rewrites."""
    vowels: frozenset[str]
    """Letters that count as vowels in the edit step."""
    substitutions: Mapping[tuple[str, str], Substitution]
    """Cheap substitutions, keyed by both orders of the symbol pair."""
    costs: Mapping[str, float]
    """Edit costs by kind (vowel_substitution, vowel_indel, glide_indel, h_indel, transposition, other)."""
    threshold: Mapping[str, float]
    """How much edit cost two spellings of one word may differ by (base, per_letter, max_cost ...)."""
    name_groups: Mapping[str, frozenset[int]]
    """Folded given-name form -> ids of the equivalence groups it belongs to."""
    short_forms: Mapping[str, frozenset[str]]
    """Short form -> its full forms (folded)."""


def _words(entries) -> frozenset[str]:
    return frozenset(" ".join(str(e).lower().split()) for e in entries or ())


def _merged_tables() -> dict:
    """Every rules/lexicons/names/*.yaml file, in name order, merged key by key.

    A user extends the rules by adding a file: its lists are appended to the lists of the same key
    (so extra rewrites run after the bundled ones) and its mappings update the mappings.
    """
    merged: dict = {}
    for path in sorted((lexicons_dir() / "names").glob("*.yaml")):
        data = load_checked(path, schema_for(f"names/{path.name}"))
        for key, value in data.items():
            old = merged.get(key)
            if isinstance(old, list) and isinstance(value, list):
                merged[key] = old + value
            elif isinstance(old, dict) and isinstance(value, dict):
                merged[key] = {**old, **value}
            else:
                merged[key] = value
    return merged


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The name rules, parsed once per process."""
    t = _merged_tables()

    title_words = _words(t["titles"])
    subs: dict[tuple[str, str], Substitution] = {}
    for entry in t["substitutions"]:
        a, b = (str(x) for x in entry["pair"])
        sub = Substitution(float(entry["cost"]), str(entry["label"]))
        subs[(a, b)] = subs[(b, a)] = sub

    groups: dict[str, set[int]] = {}
    for number, group in enumerate(t["equivalents"]):
        for form in group:
            groups.setdefault(str(form).lower(), set()).add(number)
    short = {str(k).lower(): frozenset(str(v).lower() for v in (vals or ()))
             for k, vals in (t.get("short_forms") or {}).items()}
    abd = t["abd_compound"]
    return Lexicon(
        titles=title_words,
        max_title_words=max(len(t.split()) for t in title_words),
        title_connectors=_words(t.get("title_connectors")),
        first_word_only=_words(t.get("first_word_only")),
        title_modifiers=_words(t.get("title_modifiers")),
        modifier_suffixes=tuple(str(s) for s in t.get("modifier_suffixes") or ()),
        particles=_words(t["particles"]),
        sun_articles=_words(t["sun_articles"]),
        ezafe=_words(t["ezafe"]),
        abd_head=compile_data_regex(f"(?:{abd['head']})"),
        abd_prefix=compile_data_regex(f"(?:{abd['prefix']})"),
        abbreviations={str(k).lower(): str(v).lower() for k, v in t["abbreviations"].items()},
        feminine_endings=tuple((str(e["masculine"]), str(e["feminine"])) for e in t["feminine_endings"]),
        masculine_stems=tuple(str(s) for s in t["masculine_stems"]),
        generic_words=_words(t.get("generic_words")),
        distinguishing_words=_words(t.get("distinguishing_words")),
        letters={str(k): str(v) for k, v in t["letters"].items()},
        rewrites=tuple(Rewrite(compile_data_regex(r["pattern"]), str(r["to"]), r.get("label"))
                       for r in t["rewrite"]),
        vowels=frozenset(str(t["vowels"])),
        substitutions=subs,
        costs={str(k): float(v) for k, v in t["costs"].items()},
        threshold={str(k): float(v) for k, v in t["threshold"].items()},
        name_groups={k: frozenset(v) for k, v in groups.items()},
        short_forms=short,
    )
