"""Ordinal claims: which occurrence of its kind an article says an event is ("the tenth eruption
of the volcano", "the country's 3rd general strike this year")."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from discrepancy.extract.context import Context, clause_index, function_word_class, lexicon
from discrepancy.extract.event_words import event_words, label, word_ending_at
from discrepancy.models import Claim

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_DIGIT_ORDINAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th)", re.I)


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    lex = lexicon("history.yaml")
    words = {w.casefold(): int(n) for w, n in lex["ordinals"].items()}
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return {
        "words": words,
        # an ordinal standing alone as a word: "second-largest" and "2nd-half" rank other things
        "ordinal": re.compile(rf"(?<![\w-])(?:{alternatives}|\d{{1,3}}(?:st|nd|rd|th))(?![\w-])", re.I),
        "reach": int(lex["ordinal_phrase_words"]),
        "definite": {w.casefold() for w in lex["ordinal_after"]},
    }


def _number(word: str, words: dict[str, int]) -> int | None:
    m = _DIGIT_ORDINAL.fullmatch(word)
    return int(m.group(1)) if m else words.get(word.casefold())


def _definite_before(text: str, start: int, definite: set[str]) -> bool:
    """Does a definite determiner or a possessive stand right before ``start`` ("the tenth",
    "the city's third")? "A second attack" is another occurrence, not a count of this one."""
    word = (word_ending_at(text, start, "_-'’") or "").casefold()
    return word in definite or word.endswith(("'s", "’s", "s'", "s’"))


# no modifier is longer than this many characters a word (and a gap this long is no phrase)
_WORD_CHARS = 64


def _words_between(text: str, start: int, end: int, reach: int) -> list[str] | None:
    """The words between two offsets, or None when anything else (punctuation, a figure)
    stands there or more than ``reach`` words do."""
    if end - start > (reach + 1) * _WORD_CHARS:
        return None
    gap = text[start:end]
    words = _WORD.findall(gap)
    if len(words) > reach or _WORD.sub("", gap).strip():
        return None
    return words


def extract(ctx: Context) -> list[Claim]:
    """One claim per ordinal that numbers an event word: the event word must follow within a
    few words (determiners and modifiers only between them), and a definite determiner or a
    possessive must stand before the ordinal. A time expression right after the event word
    ("this year", "since 2019") is the scope of the count and part of what is compared."""
    lex = _lexicon()
    text = ctx.article.text
    claims: list[Claim] = []
    for sentence in ctx.sentences:
        found = list(lex["ordinal"].finditer(sentence.text))
        if not found:
            continue
        timexes = ctx.timexes_in(sentence.start, sentence.end)
        timex_starts = [t.start for t in timexes]  # sorted, disjoint (as the tagger gives them)
        words = event_words(ctx, sentence, tuple((t.start, t.end) for t in timexes))
        word_starts = [w.start for w in words]
        clauses = ctx.clauses(sentence)
        for m in found:
            start, end = sentence.start + m.start(), sentence.start + m.end()
            i = bisect.bisect_right(timex_starts, start) - 1
            if i >= 0 and start < timexes[i].end:
                continue  # "the 3rd March walkout": part of a date
            n = _number(m.group(0), lex["words"])
            if n is None or n < 2 or not _definite_before(text, start, lex["definite"]):
                continue
            j = bisect.bisect_left(word_starts, end)
            if j == len(words):
                continue
            trig = words[j]
            between = _words_between(text, end, trig.start, lex["reach"])
            if between is None or any(function_word_class(w) not in (None, "determiners") for w in between):
                continue
            k = bisect.bisect_left(timex_starts, trig.end)
            scope = _scope(ctx, clauses, trig.end, timexes[k] if k < len(timexes) else None, lex["reach"])
            what = label(trig.cls)
            scoped = f" {scope[1]}" if scope else ""
            claims.append(ctx.claim(
                kind="ordinal", subject=f"which {what} it is{scoped}", key=trig.cls, value=str(n),
                start=start, end=max(trig.end, scope[2] if scope else trig.end), sentence=sentence,
                derivation=f"{m.group(0)!r} numbers {trig.word!r}: the {what} is number {n} of its kind{scoped}",
                attrs={"trigger": trig.word, "scope": scope[0] if scope else None, "label": what}))
    return claims


def _scope(ctx: Context, clauses, after: int, t, reach: int) -> tuple[str, str, int] | None:
    """The time expression ``t`` (the first after the event word) when it bounds a count ("this
    year", "since 2019"): in the event word's clause, at most ``reach`` words after it. Returns
    the words before it and its value, as compared; the same words and its text, as shown; its end."""
    if t is None:
        return None
    index = clause_index(clauses, after - 1)
    if index is None or t.start >= clauses[index].end:
        return None
    between = _words_between(ctx.article.text, after, t.start, reach)
    if between is None:
        return None
    lead = " ".join(w.casefold() for w in between)
    return f"{lead} {t.value}".strip(), f"{lead} {t.text}".strip(), t.end
