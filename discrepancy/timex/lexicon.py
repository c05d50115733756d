"""The vocabulary of the tagger, read once from rules/lexicons/timex/*.yaml.

Python holds the grammar; every word list (months, weekdays, numbers, units, relative phrases,
modifiers, tense cues, traps) is data, so a newsroom can add a spelling without touching code.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from discrepancy.lexicon_schema import load_checked, schema_for
from discrepancy.resources import lexicons_dir

FILES = ("calendar", "numbers", "units", "relative", "grammar")


def timex_dir() -> Path:
    """The folder holding the tagger's YAML lexicons."""
    return lexicons_dir() / "timex"


@lru_cache(maxsize=None)
def _raw(name: str) -> dict[str, Any]:
    return load_checked(timex_dir() / f"{name}.yaml", schema_for(f"timex/{name}.yaml"))


def _word(w: Any, where: str) -> str:
    # YAML 1.1 reads a bare on/off/yes/no as a boolean: a word list must say "on" in quotes.
    if isinstance(w, bool) or w is None:
        raise ValueError(f"timex lexicon {where}: {w!r} is not a word; quote it (\"on\", \"no\")")
    return str(w)


def _lower_keys(mapping: dict | None, where: str = "") -> dict:
    return {_word(k, where).lower(): v for k, v in (mapping or {}).items()}


def _words(items, where: str) -> frozenset[str]:
    return frozenset(_word(w, where).lower() for w in items or ())


@dataclass(frozen=True)
class Lexicon:
    """Lookup tables built from the YAML files (all keys lowercase)."""

    month_names: dict[str, int]
    ambiguous_months: frozenset[str]
    weekday_names: dict[str, int]
    weekday_abbreviations: dict[str, int]
    seasons: dict[str, str]
    ambiguous_seasons: frozenset[str]
    day_parts: dict[str, str]
    clock_words: dict[str, str]
    time_zones: tuple[str, ...]
    holidays: dict[str, dict]
    cardinals: dict[str, float]
    tens: tuple[str, ...]
    vague_numbers: dict[str, str]
    ordinals: dict[str, int]
    units: dict[str, dict]            # spelling -> {name, letter, size, time}
    vague_plurals: frozenset[str]
    adjectival_suffixes: tuple[str, ...]
    age_suffixes: tuple[str, ...]
    deictic_days: dict[str, int]
    deictic_parts: dict[str, str]
    determiners: dict[str, dict]
    within_current: frozenset[str]
    direction_words: dict[str, dict]
    fuzzy: dict[str, str]
    fuzzy_guards: dict[str, dict]
    sets: dict[str, str]
    set_determiners: dict[str, int]
    bare_month_triggers: frozenset[str]
    prepositions: frozenset[str]
    part_modifiers: dict[str, str]
    quantity_modifiers: dict[str, str | None]
    range_connectors: tuple[str, ...]
    tense_cues: dict[str, tuple[str, ...]]
    not_past: frozenset[str]
    traps: tuple[dict, ...]
    year_name_exceptions: frozenset[str]
    weekday_date_cues: frozenset[str]
    past_grace_days: int
    modifiers_outside_span: frozenset[str]
    past_grace_months: int


def _names(mapping: dict) -> dict[str, int]:
    out: dict[str, int] = {}
    for number, names in (mapping or {}).items():
        for name in names or ():
            out[_word(name, "names").lower()] = int(number)
    return out


@lru_cache(maxsize=None)
def load() -> Lexicon:
    """Read and check the YAML lexicons (cached: read once per process)."""
    cal, num, uni, rel, gra = (_raw(n) for n in FILES)
    units: dict[str, dict] = {}
    for name, spec in (uni.get("units") or {}).items():
        info = {"name": name, "letter": spec["letter"], "size": spec.get("size", 1), "time": bool(spec.get("time"))}
        for form in spec["forms"]:
            units[str(form).lower()] = info
    traps = []
    for entry in gra.get("traps") or ():
        traps.append({"pattern": entry["pattern"], "case": bool(entry.get("case")), "why": entry.get("why", "")})
    tense = gra.get("tense") or {}
    return Lexicon(
        month_names=_names(cal["months"]),
        ambiguous_months=_words(cal.get("ambiguous_months"), "ambiguous_months"),
        weekday_names=_names(cal["weekdays"]),
        weekday_abbreviations=_names(cal.get("weekday_abbreviations")),
        seasons=_lower_keys(cal.get("seasons")),
        ambiguous_seasons=_words(cal.get("ambiguous_seasons"), "ambiguous_seasons"),
        day_parts=_lower_keys(cal.get("day_parts")),
        clock_words=_lower_keys(cal.get("clock_words")),
        time_zones=tuple(str(z).lower() for z in cal.get("time_zones") or ()),
        holidays=_lower_keys(cal.get("holidays")),
        cardinals={k: float(v) for k, v in _lower_keys(num.get("cardinals")).items()},
        tens=tuple(num.get("tens") or ()),
        vague_numbers={k: str(v) for k, v in _lower_keys(num.get("vague")).items()},
        ordinals={k: int(v) for k, v in _lower_keys(num.get("ordinals")).items()},
        units=units,
        vague_plurals=frozenset(uni.get("vague_plurals") or ()),
        adjectival_suffixes=tuple(uni.get("adjectival_suffixes") or ()),
        age_suffixes=tuple(uni.get("age_suffixes") or ()),
        deictic_days={k: int(v) for k, v in _lower_keys(rel.get("deictic_days")).items()},
        deictic_parts=_lower_keys(rel.get("deictic_parts")),
        determiners=_lower_keys(rel.get("determiners")),
        within_current=_words(rel.get("within_current"), "within_current"),
        direction_words=_lower_keys(rel.get("direction_words")),
        fuzzy=_lower_keys(rel.get("fuzzy")),
        fuzzy_guards=_lower_keys(rel.get("fuzzy_guards")),
        sets=_lower_keys(rel.get("sets")),
        set_determiners={k: int(v) for k, v in _lower_keys(rel.get("set_determiners")).items()},
        bare_month_triggers=_words(gra.get("bare_month_triggers"), "bare_month_triggers"),
        prepositions=_words(gra.get("prepositions"), "prepositions"),
        part_modifiers=_lower_keys(gra.get("part_modifiers")),
        quantity_modifiers=_lower_keys(gra.get("quantity_modifiers")),
        range_connectors=tuple(str(c) for c in gra.get("range_connectors") or ()),
        tense_cues={k: tuple(sorted(_words(tense.get(k), "tense")))  for k in ("future", "present", "past")},
        not_past=_words(tense.get("not_past"), "not_past"),
        traps=tuple(traps),
        year_name_exceptions=frozenset(_word(w, "year_name_exceptions") for w in gra.get("year_name_exceptions") or ()),
        weekday_date_cues=_words(gra.get("weekday_date_cues"), "weekday_date_cues"),
        modifiers_outside_span=_words(gra.get("modifiers_outside_span"), "modifiers_outside_span"),
        past_grace_days=int((gra.get("resolution") or {}).get("past_grace_days", 7)),
        past_grace_months=int((gra.get("resolution") or {}).get("past_grace_months", 0)),
    )
