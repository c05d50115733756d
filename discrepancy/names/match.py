"""Name-level matching: align the words of two names, decide, explain; blocking keys."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from discrepancy.names.normalize import Word, name_words, split_title
from discrepancy.names.spelling import (ARTICLE, EQUIVALENT, EXACT, FEMININE, INITIAL, SHORT,
                                        SPELLING, WordMatch, match_words, name_groups, spell)
from discrepancy.names.lexicon import lexicon


@dataclass(frozen=True)
class NameVerdict:
    """Whether two mentions name the same person, place, organisation or event, and why."""

    same: bool
    """True when every difference between the names is explained by a spelling rule, a title,
    an omitted name part or word order; False when a name part conflicts."""
    score: float
    """How close the names are, 0..1: above 0.5 when same, at most 0.5 when different."""
    reason: str
    """The verdict in words, e.g. "Madani/Medeni: vowel variant a/e; Vali is a short form of
    Valiollah" or "different surnames: Aliyev / Hasanov"."""


@dataclass(frozen=True)
class _Pair:
    left: Word
    right: Word
    match: WordMatch


@dataclass(frozen=True)
class _Alignment:
    left: tuple[Word, ...]
    right: tuple[Word, ...]
    pairs: tuple[_Pair, ...]
    left_only: tuple[Word, ...]
    right_only: tuple[Word, ...]
    reordered: bool

    def flipped(self) -> "_Alignment":
        return _Alignment(self.right, self.left,
                          tuple(_Pair(p.right, p.left, p.match.flipped()) for p in self.pairs),
                          self.right_only, self.left_only, self.reordered)


def _match(a: Word, b: Word) -> WordMatch | None:
    if a.folded != b.folded and a.plain == b.plain:
        return WordMatch(EXACT, 1.0)  # differ only in how a diacritic was folded (š: sh / s)
    return match_words(a.folded, b.folded)


def _joined(a: Word, b: Word) -> Word:
    return Word(f"{a.text} {b.text}", a.folded + b.folded, a.plain + b.plain)


def _merge_split_words(side: list[Word], other: list[Word]) -> bool:
    """Join two neighbouring words of `side` when together they match a word of `other` better than
    either alone ("Ali Reza" / "Alireza", "Aslan Duz" / "Aslanduz"). Returns whether it joined."""
    for k in range(len(side) - 1):
        joined = _joined(side[k], side[k + 1])
        for o in other:
            m = _match(joined, o)
            if m is None or m.kind == INITIAL:
                continue
            alone = [x for x in (_match(side[k], o), _match(side[k + 1], o)) if x]
            if all(m.score > x.score and x.kind != EXACT for x in alone):
                side[k:k + 2] = [joined]
                return True
    return False


@lru_cache(maxsize=65536)
def _words_of(mention: str) -> tuple[Word, ...]:
    title, name = split_title(mention)
    return name_words(name) or name_words(mention)


@lru_cache(maxsize=65536)
def _align(a: str, b: str) -> _Alignment:
    left, right = list(_words_of(a)), list(_words_of(b))
    for _ in range(len(left) + len(right)):
        if not (_merge_split_words(left, right) or _merge_split_words(right, left)):
            break
    candidates = []
    for i, x in enumerate(left):
        for j, y in enumerate(right):
            m = _match(x, y)
            if m is not None:
                drift = abs(i / max(len(left), 1) - j / max(len(right), 1))
                candidates.append((-m.score, drift, i, j, m))
    candidates.sort(key=lambda c: c[:4])
    used_l, used_r, pairs = set(), set(), []
    for _, _, i, j, m in candidates:
        if i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            pairs.append((i, j, m))
    pairs.sort()
    order = [j for _, j, _ in pairs]
    return _Alignment(
        tuple(left), tuple(right),
        tuple(_Pair(left[i], right[j], m) for i, j, m in pairs),
        tuple(w for i, w in enumerate(left) if i not in used_l),
        tuple(w for j, w in enumerate(right) if j not in used_r),
        order != sorted(order))


def _aligned(a: str, b: str) -> _Alignment:
    """The alignment of two mentions, computed in one canonical order so that it is symmetric."""
    return _align(a, b) if a <= b else _align(b, a).flipped()


def _pair_note(p: _Pair) -> str | None:
    """A pair's spelling difference in words, or None when the pair is spelt alike."""
    m, lt, rt = p.match, p.left.text, p.right.text
    split = len(lt.split()) != len(rt.split())
    how = None
    if m.kind == SPELLING:
        seen: list[str] = []
        for e in m.edits:
            d = e.describe()
            if d not in seen:
                seen.append(d)
        how = ", ".join(seen) or "spelling variant"
    elif m.kind == EQUIVALENT:
        how = "forms of one name"
    elif m.kind == SHORT:
        short, full = (rt, lt) if m.first_is_longer else (lt, rt)
        return f"{short} is a short form of {full}" + ("" if not split else ", written as separate words")
    if split:
        how = f"{how}, " if how else ""
        how += "written as one word in one name and as separate words in the other"
    return f"{lt}/{rt}: {how}" if how else None


def _describe_same(al: _Alignment, a: str, b: str) -> str:
    notes = [n for n in (_pair_note(p) for p in al.pairs) if n]
    for p in al.pairs:
        if p.match.kind == INITIAL:
            ini, full = (p.right.text, p.left.text) if p.match.first_is_longer else (p.left.text, p.right.text)
            notes.append(f"{ini} is the initial of {full}")
        elif p.match.kind == ARTICLE:
            notes.append(f"{p.left.text}/{p.right.text}: the article al- written joined")
    for only, name in ((al.left_only, a), (al.right_only, b)):
        if only:
            notes.append(f"{' '.join(w.text for w in only)} only in {name.strip()}")
    if al.reordered:
        notes.append("word order differs")
    if notes:
        return "; ".join(notes)
    return "same name" if a == b else "same name apart from case, diacritics, punctuation or titles"


def _conflicts(al: _Alignment) -> list[str]:
    """What keeps two aligned names apart, in words; empty when nothing does."""
    lex = lexicon()
    out = []
    for p in al.pairs:
        if p.match.kind == FEMININE:
            fem, masc = (p.left.text, p.right.text) if p.match.first_is_longer else (p.right.text, p.left.text)
            out.append(f"{fem} is the female form of {masc}: another person of the same family")
    lo = [w for w in al.left_only if w.folded not in lex.generic_words]
    ro = [w for w in al.right_only if w.folded not in lex.generic_words]
    marked = [w.text for w in lo + ro if w.folded in lex.distinguishing_words]
    if marked and not (lo and ro):
        out.append(f"{', '.join(marked)} in one name only marks a different one")
    if lo and ro:
        lt, rt = " ".join(w.text for w in lo), " ".join(w.text for w in ro)
        shared = ", ".join(p.left.text for p in al.pairs)
        if not al.pairs:
            kind = "names" if len(al.left) == 1 and len(al.right) == 1 else "names, no part in common"
            out.append(f"different {kind}: {lt} / {rt}")
        elif len(al.left) > 1 and len(al.right) > 1 and lo[-1] == al.left[-1] and ro[-1] == al.right[-1]:
            out.append(f"different surnames: {lt} / {rt} (both have {shared})")
        elif len(al.left) > 1 and len(al.right) > 1 and lo[0] == al.left[0] and ro[0] == al.right[0]:
            out.append(f"different given names: {lt} / {rt} (both have {shared})")
        else:
            out.append(f"different name parts: {lt} / {rt} (both have {shared})")
    return out


def _has_evidence(al: _Alignment) -> bool:
    """Whether some aligned word, beyond initials and generic words, ties the names together."""
    lex = lexicon()
    everything_generic = all(w.folded in lex.generic_words for w in al.left + al.right)
    return any(p.match.kind != INITIAL and (everything_generic or p.left.folded not in lex.generic_words)
               for p in al.pairs)


def compare(a: str, b: str) -> NameVerdict:
    """Whether mentions `a` and `b` name the same entity, allowing for transliteration.

    Titles are ignored; words are folded to ASCII and compared word by word under the rules of
    rules/lexicons/names/. The names are the same when the words of one can all be paired with
    words of the other (the longer may have extra words: middle names, patronymics, a given name
    the shorter omits, a generic word such as "Oblast") and no word of either is left that
    conflicts with the other; a word like "New" or "North" in one name only is a conflict.
    """
    al = _aligned(a, b)
    if not al.left or not al.right:
        return NameVerdict(False, 0.0, "no name to compare")
    conflicts = _conflicts(al)
    if not conflicts and _has_evidence(al):
        score = sum(p.match.score for p in al.pairs) / len(al.pairs)
        score *= 0.98 ** (len(al.left_only) + len(al.right_only))
        return NameVerdict(True, round(max(0.51, score), 3), _describe_same(al, a, b))
    if not conflicts:
        conflicts = ["only initials or generic words agree"]
    score = 0.5 * sum(p.match.score for p in al.pairs) / max(len(al.left), len(al.right))
    return NameVerdict(False, round(score, 3), "; ".join(conflicts))


_MARKS = re.compile(r"[^\w\s]|_")


def _typed(name: str) -> str:
    """A name as its letters and word breaks spell it: no case, no punctuation (a space between
    words stays: "Abdul Rahman" and "Abdulrahman" are spelled differently)."""
    return " ".join(_MARKS.sub("", name).casefold().split())


def spelling_variant(a: str, b: str) -> str | None:
    """How the spelling of two mentions of one entity differs, or None when it does not.

    None when they differ only by titles, case, diacritics, punctuation, word order, initials, the
    Arabic article, or one omitting a name part the other spells identically ("Ilham Aliyev" /
    "Aliyev"). Otherwise e.g. "Vali is a short form of Valiollah; Madani/Medeni: vowel variant a/e".
    For names that do not compare as the same, the reason they differ.
    """
    verdict = compare(a, b)
    if not verdict.same:
        return verdict.reason
    if _typed(a) == _typed(b):
        return None  # "K.T."/"KT", "BlueHarbour"/"Blueharbour", "Mid-Vale"/"Midvale": typing, not spelling
    notes = [n for n in (_pair_note(p) for p in _aligned(a, b).pairs) if n]
    return "; ".join(notes) or None


# Consonant classes for blocking keys: letters that spelling rules let stand for each other share
# a class; vowels, y, h and j (often a glide) are left out.
_CLASS = str.maketrans({**{c: "K" for c in "gkqGXCxc"}, **{c: "S" for c in "szSZ"},
                        **{c: "T" for c in "tdTD"}, **{c: "P" for c in "pbfvw"},
                        **{c: None for c in "aeiouyhJ"}})


_KEY = 3  # consonant classes per key


def _skeleton(spelled: str) -> str:
    return re.sub(r"(.)\1+", r"\1", spelled.translate(_CLASS))


def _word_keys(word: str) -> set[str]:
    if word.isdigit():
        return {f"n:{word}"}
    spelled = spell(word)
    stems = [spelled]
    if spelled.endswith("ulah") and len(spelled) > 6:
        stems.append(spelled[:-4])  # Valiollah -> Vali
    if spelled[:2] in ("al", "el") and len(spelled) > 6:
        stems.append(spelled[2:])  # Alqahtani -> Qahtani
    stems += [spell(short) for short, fulls in lexicon().short_forms.items() if word in fulls]
    keys = {f"g:{g}" for g in name_groups(word)}
    for stem in stems:
        sk = _skeleton(stem)
        keys.add(f"p:{sk[:_KEY]}")
        keys.add(f"s:{sk[-_KEY:]}")
        if len(sk) > 2:
            keys.add(f"p:{sk[1:_KEY + 1]}")  # the first consonant written or not, or quite differently
    return keys


@lru_cache(maxsize=65536)
def blocking_keys(name: str) -> frozenset[str]:
    """Cheap keys such that two names compare() finds the same almost always share one.

    Per word (initials excepted): the first three consonant classes of the spelled word, the three
    after the first and the last three (so a difference at either end still leaves a key shared),
    the given-name groups it belongs to, and the keys of its short forms and of its stem without
    -ollah or al-. Cluster by key, then compare within a block.
    """
    words = _words_of(name)
    keys: set[str] = set()
    for w in words:
        if len(w.folded) > 1:
            keys |= _word_keys(w.folded)
    if not keys:
        keys = {f"i:{w.folded[:1]}" for w in words}
    return frozenset(keys)
