"""Place claims: where an event (or the site it happened at) is located, resolved against a
gazetteer of countries and first-level subdivisions (pycountry) plus rules/lexicons/gazetteer.yaml."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

import regex

import pycountry
from anyascii import anyascii

from discrepancy.extract.context import Context, clause_index, lexicon, word_pattern
from discrepancy.extract.event_words import TriggerPicker, before_anchor, label, sentence_triggers
from discrepancy.models import Claim
from discrepancy.resources import lexicons_dir

_PLACE = r"\p{Lu}[\w’'-]*(?:\s+(?:\p{Lu}[\w’'-]*|(?:de|del|la|el|al|of)\b))*"


_NOT_LETTER = re.compile(r"[^a-z]")


def fold_place(name: str) -> str:
    """A place name compared without accents, case, apostrophes or hyphens."""
    return _NOT_LETTER.sub("", (name if name.isascii() else anyascii(name)).casefold())


class GazetteerError(ValueError):
    """A line of the city table that cannot be read; the message names ``file:line``."""


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[tuple[str, str, float, float]]]:
    """folded name -> [(code, country code, latitude, longitude)] for the cities of GeoNames
    (rules/lexicons/cities.tsv, built by tools/build_city_gazetteer.py). The code is
    "<ISO subdivision or country>/<folded name>", so that a city lies inside its state where the
    state is known."""
    path = lexicons_dir() / "cities.tsv"
    index: dict[str, list[tuple[str, str, float, float]]] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            try:
                folded, _, code, country, lat, lon = fields
                index.setdefault(folded, []).append((code, country, float(lat), float(lon)))
            except ValueError:
                raise GazetteerError(f"{path}:{number}: expected 6 tab-separated fields (folded name, name, "
                                     f"code, country, latitude, longitude), got {len(fields)}") from None
    return index


def points(name: str) -> list[tuple[float, float]]:
    """The coordinates of every city the name can be (empty for regions and unknown names)."""
    return [(lat, lon) for _, _, lat, lon in _cities().get(fold_place(name), [])]


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, list[tuple[str, str]]]:
    """folded name -> [(region code, country code)] for countries, ISO subdivisions and the
    places of gazetteer.yaml (cities are in ``_cities``)."""
    index: dict[str, list[tuple[str, str]]] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                index.setdefault(fold_place(value), []).append((country.alpha_2, country.alpha_2))
    for sub in pycountry.subdivisions:
        index.setdefault(fold_place(sub.name), []).append((sub.code, sub.country_code))
    for place, parent in (lexicon("gazetteer.yaml").get("contains") or {}).items():
        for code, country in index.get(fold_place(str(parent)), []):
            index.setdefault(fold_place(str(place)), []).append((f"{code}/{fold_place(str(place))}", country))
    return index


_GENERIC_TAIL = re.compile(r"\s+(?:city|province|region|regional state|state|district|department|oblast|county|"
                           r"governorate|municipality|prefecture)$", re.I)


@lru_cache(maxsize=1)
def _skeletons() -> dict[str, list[tuple[str, str]]]:
    """Consonant skeletons of ISO subdivision names, for spellings that differ in vowels only
    ("Benishangul-Gumuz" / "Benshangul-Gumaz")."""
    out: dict[str, list[tuple[str, str]]] = {}
    for folded, places in _gazetteer().items():
        key = re.sub(r"[aeiouy]", "", folded)
        if len(key) >= 6:
            out.setdefault(key, []).extend(places)
    return out


def resolve(name: str) -> list[tuple[str, str]]:
    """Where a place name is known: (region code, country code) pairs; empty when unknown.
    Tried as written, without a generic tail ("Ho Chi Minh City"), then by consonant skeleton."""
    for candidate in (name, _GENERIC_TAIL.sub("", name)):
        folded = fold_place(candidate)
        found = _gazetteer().get(folded, []) + [(code, country) for code, country, _, _ in _cities().get(folded, [])]
        if found:
            return found
    key = re.sub(r"[aeiouy]", "", fold_place(_GENERIC_TAIL.sub("", name)))
    found = _skeletons().get(key, []) if len(key) >= 6 else []
    return found if len({c for _, c in found}) == 1 else []


@lru_cache(maxsize=1)
def _patterns():
    lex = lexicon("gazetteer.yaml")
    levels = "|".join(sorted((re.escape(w) for w in lex["levels"]["region"]), key=len, reverse=True))
    sites = word_pattern(tuple(lex["sites"]))
    prep = r"(?:in|at|near|off|outside|inside|around|along|on the outskirts of|lies in|located in|situated in)"
    return {
        # "off Matlab Uttar in Chandpur district", "in Kamashi zone of Benishangul-Gumuz region"
        "nested": regex.compile(rf"\b{prep}\s+(?:the\s+)?(?P<place>{_PLACE})(?:\s+(?:{levels}))?\s+(?:in|of)\s+"
                                rf"(?:the\s+)?(?P<region>{_PLACE})(?:\s+(?P<level>{levels}))?"),
        # "in the central Colombian department of Boyacá"
        "level_of": regex.compile(rf"\b{prep}\s+the\s+(?:[\w-]+\s+){{0,3}}?(?P<level>{levels})\s+of\s+(?P<place>{_PLACE})"),
        # "in the rural area of Tópaga municipality", "in Tópaga municipality"
        "place_level": regex.compile(rf"\b{prep}\s+(?:the\s+(?:[\w-]+\s+){{0,3}}?of\s+)?(?P<place>{_PLACE})\s+(?P<level>{levels})\b"),
        # "in Cucunubá, Cundinamarca", "at Sriharikota"
        "plain": regex.compile(rf"\b{prep}\s+(?:the\s+)?(?P<place>{_PLACE})(?:,\s+(?P<region>{_PLACE}))?"),
        "sites": sites,
        "site_kind": {word.casefold(): kind for kind, words in (lex.get("site_kinds") or {}).items() for word in words},
    }


def _bare(name: str) -> str:
    """A place name without a trailing level word ("Buno Bedele Zone" -> "Buno Bedele")."""
    levels = lexicon("gazetteer.yaml")["levels"]["region"]
    pattern = r"\s+(?:" + "|".join(re.escape(w) for w in sorted(levels, key=len, reverse=True)) + r")$"
    bare = re.sub(pattern, "", name, flags=re.I)
    return bare or name


def _placed(value: str, where: list[tuple[float, float]], codes: list[str], level: str | None) -> str:
    """How the gazetteer placed a place (``where``: the cities it can be), in words."""
    if not codes:
        return f"{value!r}, a {level or 'place'} the gazetteer does not know"
    at = "; ".join(f"{lat:.2f}, {lon:.2f}" for lat, lon in where[:3])
    several = " (one of several of that name)" if len(where) > 1 else ""
    cities = f"; a GeoNames city at {at}{several}" if where else ""
    return f"{value!r} placed by the gazetteer in {', '.join(codes)}{cities}"


def extract(ctx: Context) -> list[Claim]:
    """One claim per place an event or its site is said to be in."""
    pats = _patterns()
    text = ctx.article.text
    claims: list[Claim] = []
    for sentence in ctx.sentences:
        in_sentence = ctx.timexes_in(sentence.start, sentence.end)
        if any(t.type == "DATE" and t.calendar and before_anchor(ctx, t.calendar, days=45) for t in in_sentence):
            continue  # about an earlier occurrence
        found = [(kind, m) for kind in ("nested", "level_of", "place_level", "plain")
                 for m in pats[kind].finditer(sentence.text)]
        if not found:
            continue  # (its clauses and event words are left unread)
        clauses = ctx.clauses(sentence)
        triggers = sentence_triggers(ctx, sentence, tuple((t.start, t.end) for t in in_sentence), ctx.event_names)
        seen: list[int] = []  # sorted, so "a place found within 3 characters" is a bisection
        pickers: dict[int, TriggerPicker] = {}  # per clause, over that clause's event words
        for kind, m in found:
            start = sentence.start + m.start("place")
            near = bisect.bisect_right(seen, start - 3)
            if near < len(seen) and seen[near] < start + 3:
                continue
            place = m.group("place").strip()
            region = m.groupdict().get("region")
            if kind == "nested" and not resolve(region or ""):
                continue  # "X in Y" only nests when Y is a known region
            # what is located: a site in the same clause, else the event in the clause
            index = clause_index(clauses, start)
            if index is None:
                continue
            clause = clauses[index]
            site = None
            head = sentence.start + m.start()  # where the locative phrase begins ("in the ...")
            for sm in pats["sites"].finditer(text[max(clause.start, head - 30):head]):
                site = sm.group(0).casefold()
            subject_key = None
            if site:
                subject_key = f"site:{pats['site_kind'].get(site, site)}"
            else:
                dummy = type("T", (), {"start": start, "end": start + len(place)})
                if index not in pickers:
                    pickers[index] = TriggerPicker(
                        [t for t in triggers if clause.start <= t.start < clause.end], clauses)
                trig = pickers[index].pick(index, dummy)
                if trig is not None:
                    subject_key = f"event:{trig.cls}"
            if subject_key is None:
                continue
            known = resolve(place) + (resolve(region) if region else [])
            if not known and kind == "plain":
                continue  # an unknown place needs a level word ("Tópaga municipality") to count
            bisect.insort(seen, start)
            if region:
                bisect.insort(seen, sentence.start + m.start("region"))  # the region is not a place of its own here
            place, region = _bare(place), _bare(region) if region else None
            value = f"{place}, {region}" if region else place
            what = subject_key.split(":", 1)[1]
            subject = f"location of the {what if subject_key.startswith('site') else label(what)}"
            codes = sorted({code for code, _ in known})
            where = sorted(set(points(place)))
            claims.append(ctx.claim(
                kind="place", subject=subject, key=subject_key, value=value, start=start,
                end=start + len(value), derivation=_placed(value, where, codes, m.groupdict().get("level")),
                sentence=sentence,
                attrs={"regions": ",".join(codes), "countries": ",".join(sorted({c for _, c in known})),
                       "points": ";".join(f"{lat:.4f},{lon:.4f}" for lat, lon in where),
                       "level": m.groupdict().get("level")}))
    return claims
