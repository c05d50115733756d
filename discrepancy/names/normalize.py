"""From a mention to comparable words: title split, ASCII folding, particles, compound names."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from discrepancy.names.lexicon import Lexicon, lexicon

# Marks for Arabic ayn and hamza, apostrophes and quotes: written or not, they separate no words.
_MARKS = re.compile(r"['`´ʻʼʽʾʿ‘’‛′\"“”^]")
# Everything that separates words inside a name; a hyphen is remembered for the Persian ezafe.
_PIECE = re.compile(r"[^\s\-‐‑‒–—,./()\[\]{}:;_|+*!?<>=~#@$%]+")
# "RamiMakhlouf", "PolPot": a lower-case run of two or more letters followed by a capitalised word.
_CAMEL = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")


@dataclass(frozen=True)
class Word:
    """One word of a name as compared: what the text said and its folded form."""

    text: str
    """The word as written in the mention (joined words keep their space: "Abd al-Aziz")."""
    folded: str
    """Lower-case ASCII letters and digits, digraph letters spelt out (š -> sh), marks removed."""
    plain: str
    """Lower-case ASCII with diacritics simply dropped (š -> s): equal plain forms differ only in diacritics."""


def _plain(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", _MARKS.sub("", anyascii(unicodedata.normalize("NFKC", text)).lower()))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII form of `text`: NFKC, digraph letters spelt out, other diacritics dropped,
    apostrophes and ayn/hamza marks removed; anything else but letters and digits becomes a space."""
    lex = lexicon()
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(lex.letters.get(ch, ch) for ch in text)
    text = _MARKS.sub("", anyascii(text).lower())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _title_key(word: str) -> str:
    return fold(word.rstrip(".,:;").removesuffix("'s").removesuffix("’s"))


def _is_modifier(word: str, lex: Lexicon, acronyms: bool = True) -> bool:
    """A word that may stand before a title word inside the title ("Georgian", "CBK", "Iran's").

    `acronyms` is False for a mention written wholly in capitals, where every word looks like one.
    """
    bare = word.strip(".,:;()")
    key = fold(bare)
    if not key or key in lex.title_modifiers or key in lex.title_connectors or key in lex.titles:
        return True
    if bare[:1].islower():
        return True
    if bare.endswith(("'s", "’s")):
        return True
    letters = re.sub(r"[^A-Za-z]", "", bare)
    if acronyms and letters.isupper() and 2 <= len(letters) <= 6:
        return True  # an acronym: "CBK chief", "IRGC commander"
    return bare[:1].isupper() and any(key.endswith(s) and len(key) > len(s) + 2 for s in lex.modifier_suffixes)


def _title_span(words: list[str], start: int, lex: Lexicon) -> int:
    """Number of words of the longest title entry starting at words[start] (0 when none)."""
    for size in range(min(lex.max_title_words, len(words) - start), 0, -1):
        key = " ".join(_title_key(w) for w in words[start:start + size])
        if key in lex.titles and (start == 0 or key not in lex.first_word_only):
            return size
    return 0


def _split_words(words: list[str], lex: Lexicon) -> int:
    """How many leading words of `words` form the title."""
    acronyms = not all(re.sub(r"[^A-Za-z]", "", w).isupper() for w in words if re.search(r"[A-Za-z]", w))
    end = 0
    i = 0
    while i < len(words):
        size = _title_span(words, i, lex)
        if size and i + size < len(words):
            end = i + size
            i += size
            continue
        if not _is_modifier(words[i], lex, acronyms):
            break
        i += 1
    if not end:
        return 0
    # "Minister of Energy and Water Resources Jamshed Sharifzoda": without a comma the end of such a
    # title is a guess, so a connector may extend it only while two words remain for the name.
    while end < len(words) - 2 and _title_key(words[end]) in lex.title_connectors:
        end += 2
    return end


@lru_cache(maxsize=65536)
def split_title(mention: str) -> tuple[str, str]:
    """Split a mention into (title, name): ("Brigadier General", "Vali Madani"), ("", "Amina Wekesa").

    The title runs to the last title word that is preceded only by title-like words (ranks, offices,
    honorifics, nationalities, acronyms: "Georgian Defence Minister", "CBK chief"). A comma ends the
    title ("Minister of Energy and Water Resources, Jamshed Sharifzoda"); a title after a comma is
    recognised too ("Jamshed Sharifzoda, Minister of Energy"). A mention made only of title words
    is all title: ("President", "").
    """
    lex = lexicon()
    text = " ".join(mention.split())
    if "," in text:
        head, _, tail = text.rpartition(",")
        head, tail = head.strip(), tail.strip()
        head_words, tail_words = head.split(), tail.split()
        if head_words and tail_words:
            if _title_span(tail_words, 0, lex):
                # "Jamshed Sharifzoda, Minister of Energy"
                title, name = split_title(head)
                return (f"{title} {tail}".strip() if title else tail), name
            if _title_span(head_words, 0, lex) or _split_words(head_words + ["x"], lex) == len(head_words):
                # "Minister of Energy and Water Resources, Jamshed Sharifzoda"
                title, name = split_title(tail)
                return f"{head}, {title}".strip(", ") if title else head, name
    words = text.split()
    if words and _split_words(words + ["x"], lex) == len(words) and all(
            _title_key(w) in lex.titles or _is_modifier(w, lex) for w in words):
        if any(_title_span(words, i, lex) for i in range(len(words))):
            return text, ""
    end = _split_words(words, lex)
    return " ".join(words[:end]), " ".join(words[end:])


def _pieces(name: str) -> list[tuple[str, bool]]:
    """Word pieces of a name, each with whether a hyphen joined it to the previous piece."""
    name = _CAMEL.sub(" ", name)
    out = []
    for m in _PIECE.finditer(name):
        before = name[m.start() - 1] if m.start() else ""
        out.append((m.group(), before in "-‐‑‒–—"))
    return out


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[Word, ...]:
    """The comparable words of a name (title already removed): folded, particles dropped,
    abbreviations expanded, Arabic "Abd al-X" names joined into one word."""
    lex = lexicon()
    raw: list[Word] = []
    for piece, hyphenated in _pieces(name):
        folded = fold(piece)
        if not folded:
            continue
        if hyphenated and folded in lex.ezafe and raw:
            continue  # Persian ezafe: "Gonbad-e Kabud"
        for part in folded.split():
            part = lex.abbreviations.get(part, part)
            raw.append(Word(piece, part, _plain(piece)))
    if not raw:
        return ()
    words: list[Word] = []
    i = 0
    while i < len(raw):
        w = raw[i]
        if lex.abd_head.fullmatch(w.folded) and i + 1 < len(raw):
            # "Abd al-Aziz", "Abdul Aziz", "Abd ar-Rahman" -> one word "abdal" + the second half
            j = i + 1
            if raw[j].folded in lex.particles | lex.sun_articles and j + 1 < len(raw):
                j += 1
            nxt = raw[j]
            text = " ".join(r.text for r in raw[i:j + 1])
            words.append(Word(text, "abdal" + nxt.folded, "".join(r.plain for r in raw[i:j + 1])))
            i = j + 1
            continue
        m = lex.abd_prefix.match(w.folded)
        if m and m.end() < len(w.folded) - 1 and w.folded.startswith("abd"):
            w = Word(w.text, "abdal" + w.folded[m.end():], w.plain)
        words.append(w)
        i += 1
    kept = [w for k, w in enumerate(words) if not _is_particle(words, k, lex)]
    return tuple(kept) if kept else tuple(words)


def _is_particle(words: list[Word], k: int, lex: Lexicon) -> bool:
    word = words[k].folded
    if word in lex.particles:
        return True
    if word in lex.sun_articles and k + 1 < len(words):
        return words[k + 1].folded.startswith(word[1:])  # ash-Shaybi, ar-Rass, ad-Din
    return False
