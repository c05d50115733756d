#!/usr/bin/env python3
"""Throughput of discrepancy.names.compare() and the work that blocking_keys() saves.

    python benchmarks/names_throughput.py [PAIRS_TSV] [--mentions 20000] [--seed 7]

1. compare() speed, in pairs per second, from cold caches: on the pairs of PAIRS_TSV (a file with
   "a" and "b" columns such as the name-pairs corpus) when given, else on synthetic pairs.
2. Blocking: synthetic mentions as found in about 1,000 articles (20,000 by default, drawn from a
   few thousand people and places with transliteration variants and titles). Prints the number of
   pairs compared through blocking_keys() against all pairs, the time taken, and the blocking
   recall: of the pairs that compare() calls the same, the share that shares a key.
Runs without network and without any corpus: the synthetic names are generated here.
"""
from __future__ import annotations

import argparse
import csv
import itertools
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from discrepancy.names import blocking_keys, compare  # noqa: E402

GIVEN = ["Ali", "Mohammad", "Hossein", "Reza", "Mojtaba", "Vali", "Habib", "Jamshid", "Kerem",
         "Ilham", "Zakir", "Heydar", "Rovshan", "Nodar", "Giorgi", "Amina", "Aziz", "Amir", "Kamal",
         "Yusuf", "Ibrahim", "Mustafa", "Hassan", "Khalid", "Omar", "Sergei", "Aleksandr",
         "Vladimir", "Dmitry", "Yevgeny", "Nikolai", "Olga", "Maria", "Tatiana", "Irina", "Leila",
         "Fatima", "Zainab", "Nasser", "Jalal", "Farid", "Rashid", "Tariq", "Samir", "Karim",
         "Anvar", "Rustam", "Timur", "Bakhtiyar", "Shavkat", "Nursultan", "Kassym", "Askar",
         "Ahmad", "Mahmoud", "Saeed", "Hamid", "Majid", "Behrouz", "Kourosh", "Dariush", "Arash"]
SURNAME_STEMS = ["Madan", "Mustaf", "Khamen", "Aliy", "Hasan", "Gul", "Sharif", "Nasir", "Kharraz",
                 "Khorram", "Kapanad", "Wekes", "Rahmon", "Karim", "Ghasem", "Qalib", "Mammad",
                 "Huseyn", "Abbas", "Jafar", "Bagir", "Rasul", "Ismayil", "Valiyev", "Tokay",
                 "Nazarbay", "Tokayev", "Mirziyoy", "Berdymukham", "Lukashenk", "Pashin", "Kocharyan",
                 "Sargsyan", "Aliyev", "Shoig", "Lavr", "Peskov", "Zakharov", "Medved", "Naryshk",
                 "Sobyanin", "Kadyr", "Salehi", "Zarif", "Larijani", "Rouhani", "Raisi", "Bagheri",
                 "Soleimani", "Hajizadeh", "Salami", "Araghchi", "Velayati", "Shamkhani", "Jalili"]
SUFFIXES = ["", "ov", "ev", "yev", "i", "zadeh", "ian", "adze", "enko", "ovich", "eddin", "pour"]
PLACES = ["Aras", "Nakhchivan", "Aslanduz", "Halkidiki", "Tabriz", "Ardabil", "Ganja", "Sumgait",
          "Lankaran", "Shusha", "Khojaly", "Agdam", "Fuzuli", "Julfa", "Ordubad", "Batumi", "Kutaisi",
          "Rustavi", "Gori", "Zugdidi", "Yerevan", "Gyumri", "Vanadzor", "Khujand", "Kulob",
          "Bokhtar", "Istaravshan", "Mashhad", "Isfahan", "Shiraz", "Kermanshah", "Urmia"]
TITLES = ["", "", "", "President", "Minister", "General", "Dr", "Mr", "Sheikh", "Governor",
          "Brigadier General", "Deputy Foreign Minister", "CBK chief"]

# Transliteration changes the generator applies to make variants (each a real pattern).
VARIANTS = [("kh", "h"), ("kh", "x"), ("gh", "q"), ("a", "e"), ("e", "a"), ("ou", "u"), ("yev", "iev"),
            ("yev", "ev"), ("ov", "off"), ("zadeh", "zoda"), ("j", "dzh"), ("y", "i"), ("i", "y"),
            ("s", "ss"), ("ch", "tch"), ("q", "g")]


def variant(name: str, rng: random.Random) -> str:
    for _ in range(rng.choice([0, 1, 1, 2])):
        old, new = rng.choice(VARIANTS)
        spots = [i for i in range(len(name)) if name.lower().startswith(old, i)]
        if spots:
            i = rng.choice(spots)
            piece = new if name[i].islower() else new.capitalize()
            name = name[:i] + piece + name[i + len(old):]
    return name


SYLLABLES = ["ba", "ka", "ra", "ma", "na", "sa", "ta", "da", "za", "la", "ha", "fa", "ja", "va",
             "kha", "gha", "sha", "zo", "ri", "mi", "ni", "li", "di", "bo", "go", "ko", "ru", "mu",
             "tu", "yu", "el", "ar", "an", "om", "ul", "ib", "ad", "ez", "ish", "ov"]


def invented(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def make_entities(rng: random.Random, people: int, places: int) -> list[str]:
    """Names of people: a given name from a list of common ones (a third of them) or invented, and
    a surname from a stem list or invented, with a common ending; plus a list of places."""
    given = GIVEN + [invented(rng, rng.choice([2, 3])) for _ in range(300)]
    stems = SURNAME_STEMS + [invented(rng, rng.choice([2, 3])) for _ in range(2000)]
    out = set()
    while len(out) < people:
        out.add(f"{rng.choice(given)} {rng.choice(stems)}{rng.choice(SUFFIXES)}")
    out = sorted(out) + rng.sample(PLACES, min(places, len(PLACES)))
    return out


def make_mentions(rng: random.Random, entities: list[str], count: int) -> list[tuple[int, str]]:
    """(entity index, mention) pairs; popular entities come up more often (Zipf-like)."""
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(entities))]
    out = []
    for e in rng.choices(range(len(entities)), weights=weights, k=count):
        name = variant(entities[e], rng)
        words = name.split()
        form = rng.random()
        if len(words) > 1 and form < 0.25:
            name = words[-1]  # surname only
        elif len(words) > 1 and form < 0.3:
            name = f"{words[0][0]}. {words[-1]}"  # initial
        title = rng.choice(TITLES)
        out.append((e, f"{title} {name}".strip()))
    return out


def clear_caches() -> None:
    from discrepancy.names import match, normalize, spelling
    for cache in (spelling._match_sorted, spelling.edit_path, spelling.spell, match._align,
                  match._words_of, match.blocking_keys, normalize.name_words, normalize.fold,
                  normalize.split_title if hasattr(normalize.split_title, "cache_clear") else None):
        if cache is not None:
            cache.cache_clear()


def throughput(pairs: list[tuple[str, str]], label: str) -> None:
    clear_caches()
    start = time.perf_counter()
    for a, b in pairs:
        compare(a, b)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    for a, b in pairs:
        compare(a, b)
    warm = time.perf_counter() - start
    print(f"compare() on {len(pairs):,} {label}: {len(pairs) / cold:,.0f} pairs/s from cold caches "
          f"({cold:.2f} s); {len(pairs) / warm:,.0f} pairs/s repeated")


def blocking(rng: random.Random, mentions_count: int, sample_limit: int) -> None:
    entities = make_entities(rng, people=3000, places=len(PLACES))
    mentions = make_mentions(rng, entities, mentions_count)
    distinct = sorted({m for _, m in mentions})
    print(f"\nblocking: {len(mentions):,} mentions (about {mentions_count // 20:,} articles of 20), "
          f"{len(distinct):,} distinct strings, from {len(entities):,} entities")
    clear_caches()
    start = time.perf_counter()
    blocks: dict[str, list[int]] = defaultdict(list)
    keys = {}
    for i, name in enumerate(distinct):
        keys[name] = blocking_keys(name)
        for key in keys[name]:
            blocks[key].append(i)
    keyed = time.perf_counter() - start
    candidates = set()
    for members in blocks.values():
        candidates.update(itertools.combinations(members, 2))
    # compare() the candidate pairs: all of them, or a random sample of `timed` to time and extrapolate
    timed = sorted(candidates) if len(candidates) <= sample_limit else rng.sample(sorted(candidates), sample_limit)
    start = time.perf_counter()
    same = sum(compare(distinct[i], distinct[j]).same for i, j in timed)
    compared = time.perf_counter() - start
    rate = len(timed) / compared
    total = len(distinct) * (len(distinct) - 1) // 2
    print(f"  keys for all strings: {keyed:.2f} s; {len(blocks):,} blocks, largest {max(map(len, blocks.values())):,}")
    print(f"  pairs compared through blocking_keys: {len(candidates):,} of {total:,} distinct-string "
          f"pairs ({100 * len(candidates) / total:.2f}%)")
    how = "all compared" if len(timed) == len(candidates) else f"timed on a random {len(timed):,}"
    print(f"  compare() on the candidates ({how}): {rate:,.0f} pairs/s, so {len(candidates) / rate:,.1f} s "
          f"for all candidates against {total / rate / 60:,.1f} min for all pairs; "
          f"{100 * same / len(timed):.2f}% of compared pairs judged the same")

    # Blocking recall: pairs compare() calls the same, among pairs of mentions of one entity and
    # among random pairs, that share no key would be lost.
    by_entity = defaultdict(set)
    for e, m in mentions:
        by_entity[e].add(m)
    sample = [(a, b) for ms in by_entity.values() for a, b in itertools.combinations(sorted(ms), 2)]
    sample = rng.sample(sample, min(20000, len(sample)))
    found = [(a, b) for a, b in sample if compare(a, b).same]
    kept = sum(1 for a, b in found if blocking_keys(a) & blocking_keys(b))
    print(f"  mention pairs of one entity: compare() says same for {len(found):,} of {len(sample):,} "
          f"({100 * len(found) / max(len(sample), 1):.1f}%); blocking keeps {kept:,} of those "
          f"({100 * kept / max(len(found), 1):.2f}%)")


def corpus_pairs(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return [(r["a"], r["b"]) for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pairs", nargs="?", type=Path, help="optional TSV with a and b columns")
    ap.add_argument("--mentions", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--sample", type=int, default=100000,
                    help="compare at most this many blocked pairs (timed, then extrapolated)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    if args.pairs:
        pairs = corpus_pairs(args.pairs)
        throughput(pairs, f"pairs of {args.pairs.name}")
        same = [(a, b) for a, b in pairs if compare(a, b).same]
        kept = sum(1 for a, b in same if blocking_keys(a) & blocking_keys(b))
        print(f"blocking recall on {args.pairs.name}: {kept:,} of the {len(same):,} pairs compare() "
              f"calls the same share a key ({100 * kept / max(len(same), 1):.2f}%)")
    else:
        entities = make_entities(rng, people=2000, places=len(PLACES))
        mentions = [m for _, m in make_mentions(rng, entities, 6000)]
        pairs = [(rng.choice(mentions), rng.choice(mentions)) for _ in range(5000)]
        throughput(pairs, "synthetic pairs")
    blocking(rng, args.mentions, args.sample)
    return 0


if __name__ == "__main__":
    sys.exit(main())
