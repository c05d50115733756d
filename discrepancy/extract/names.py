"""Name claims: people, places and named events as each article spells them.

A name is a run of capitalised words; titles and offices before it are split off with
``names.split_title``; runs that name an organisation, a month or a country are left out.
"""
from __future__ import annotations

import re
from functools import lru_cache

import regex

from lemminflect import getAllLemmas
from wordfreq import zipf_frequency

from discrepancy.extract.context import CUE_REACH, Context, lexicon
from discrepancy.extract.participants import countries_in
from discrepancy.models import Claim
from discrepancy.names import split_title


@lru_cache(maxsize=1)
def _run_pattern() -> regex.Pattern:
    """A run of capitalised words, with the name particles of entities.yaml between them, alone
    or hyphenated to the next word ("al-Amin"); a year may close it ("Expo 2030")."""
    particles = "|".join(sorted((regex.escape(p) for p in _lex()["particles"]), key=len, reverse=True))
    word = rf"(?:\p{{Lu}}[\w'’.-]*|(?:{particles})-\p{{Lu}}[\w'’.-]*|(?:{particles})(?=[ \t]))"
    return regex.compile(rf"{word}(?:[ \t]+{word})*(?:[ \t]*-[ \t]*\d{{4}}|[ \t]+\d{{4}}\b)?")

# a run right after "Minister of", "Fisheries, Forests and": the words before it end a title
_CONTINUES_OFFICE = re.compile(r"[A-Z][\w-]*,?\s+(?:of|and|for|&)\s+(?:the\s+)?$|[A-Z][\w-]*,\s*$")
_OFFICE_TAILS = (",", "of", "and", "for", "&", "the")


@lru_cache(maxsize=1)
def _lex():
    lex = lexicon("entities.yaml")
    return {
        "org": frozenset(lex["organisation_words"]),
        "noise": frozenset(lex["leading_noise"]),
        "non": frozenset(lex["non_names"]),
        "zipf": float(lex.get("single_word_max_zipf", 3.3)),
        "max_words": int(lex.get("max_name_words", 20)),
        "max_word_chars": int(lex.get("max_name_word_chars", 60)),
        "particles": frozenset(w.casefold() for w in lex.get("name_particles", [])),
    }


_TOKEN = re.compile(r"\S+")
_TRAILING_MARK = re.compile(r"(?:'s|’s|['’.])$")


def _clean_token(token: str) -> str:
    return _TRAILING_MARK.sub("", token)


@lru_cache(maxsize=16384)
def _only_verb_adverb_or_adjective(word: str) -> bool:
    """Does the dictionary know ``word`` (folded) only as something other than a noun?"""
    lemmas = getAllLemmas(word)
    return bool(lemmas) and not {"NOUN", "PROPN"} & set(lemmas)


def _first_word_at(text: str) -> int:
    """Where the first word of a sentence starts, after any opening quote or bracket."""
    return len(text) - len(text.lstrip(" \t\n\"'“‘("))


def _mentions(text: str):
    """(start, end, words) for each capitalised run, with leading noise words dropped."""
    lex = _lex()
    particles = lex["particles"]
    opening = _first_word_at(text)
    for m in _run_pattern().finditer(text):
        tokens = list(_TOKEN.finditer(m.group(0)))
        first = 0  # words dropped from the front are skipped, not popped (popping moves the rest)
        # drop particles and noise at the start
        while first < len(tokens) and (tokens[first].group(0).casefold() in particles
                                       or _clean_token(tokens[first].group(0)).casefold() in lex["noise"]):
            first += 1
        # a sentence's first word is capitalised whatever it is: one the dictionary knows only as
        # a verb, adverb or adjective ("Considering", "Asked") is no part of the name after it
        if first < len(tokens) - 1 and m.start() + tokens[first].start() == opening:
            if _only_verb_adverb_or_adjective(_clean_token(tokens[first].group(0)).casefold()):
                first += 1
        while len(tokens) > first and tokens[-1].group(0).casefold() in particles:
            tokens.pop()
        # "Minister of Fisheries, Forests and Lakes Ilse ...": the run continues an office's
        # name, so its common words ("Trade") belong to the title, not to the person
        before = text[max(0, m.start() - CUE_REACH):m.start()]
        # (what the pattern needs at the end, tested first: the pattern is tried at every start)
        if before.rstrip().endswith(_OFFICE_TAILS) and _CONTINUES_OFFICE.search(before):
            while len(tokens) - first > 1 and zipf_frequency(_clean_token(tokens[first].group(0)), "en") >= 4.0:
                first += 1
        tokens = tokens[first:]
        # a possessive ends a name: "the club's Ana Ruiz" names the club and Ana Ruiz, not one
        # name, and so does "Ana Ruiz's Lisbon Trio"
        while tokens:
            owner = next((i for i, t in enumerate(tokens[:-1]) if t.group(0).endswith(("'s", "’s"))), len(tokens) - 1)
            part, tokens = tokens[:owner + 1], tokens[owner + 1:]
            while tokens and (tokens[0].group(0).casefold() in particles
                              or _clean_token(tokens[0].group(0)).casefold() in lex["noise"]):
                tokens = tokens[1:]
            start = m.start() + part[0].start()
            end = m.start() + part[-1].end()
            words = text[start:end].rstrip(".")
            if words.endswith(("'s", "’s")):
                words = words[:-2]
            words = words.rstrip(".'’")  # "'Dargaville Nights'" in quotes; the plural possessive "the Joneses'"
            yield start, start + len(words), words


@lru_cache(maxsize=65536)  # articles name the same people again and again
def _is_name(bare: str, opens_sentence: bool = False) -> bool:
    lex = _lex()
    tokens = [t for t in re.split(r"[\s]+", bare) if t]
    if not tokens or any(re.fullmatch(r"\d{4}", t) for t in tokens[:1]):
        return False
    if len(tokens) > lex["max_words"] or any(len(t) > lex["max_word_chars"] for t in tokens):
        return False  # a heading, a list or run-together text, not one name
    folded = [_clean_token(t).casefold() for t in tokens]
    if any(t in lex["org"] for t in folded):
        return False
    words = [t for t in folded if t not in lex["particles"] and not re.fullmatch(r"\d+", t)]
    if not words or any(t in lex["non"] for t in words):
        return False
    if countries_in(bare):
        return False
    if not any(re.search(r"[a-z\u00E0-\u024F]", t) for t in tokens):
        return False  # acronyms (IRGC, ANM) are not spelled variably
    if len(words) == 1:
        # a rare word the English dictionary knows is capitalised at the start of a sentence
        # ("Defensively, ..."); elsewhere its capital says it is a name ("Mr Hawking")
        return zipf_frequency(words[0], "en") <= lex["zipf"] and len(words[0]) >= 3 \
            and not (opens_sentence and getAllLemmas(words[0]))
    return True


def extract(ctx: Context) -> list[Claim]:
    """One claim per name mention (the bare name as written, title split off)."""
    claims: list[Claim] = []
    text = ctx.article.text
    for sentence in ctx.sentences:
        first = _first_word_at(sentence.text)
        for start, end, words in _mentions(sentence.text):
            title, bare = split_title(words)
            bare = bare.strip(" ,")
            if not bare or not _is_name(bare, start == first and words.startswith(bare)):
                continue
            offset = sentence.start + start + words.rfind(bare) if bare in words else sentence.start + start
            tokens = bare.split()
            derivation = f"name as written{f', title {title!r} set aside' if title else ''}"
            claims.append(ctx.claim(kind="name", subject="name", key="name", value=bare,
                                    start=offset, end=offset + len(bare), derivation=derivation,
                                    sentence=sentence,
                                    attrs={"title": title or None, "tokens": len(tokens),
                                           "written": text[sentence.start + start:sentence.start + end]}))
    return claims
