"""What every extractor works on: an article's sentences, clauses, time expressions and anchor.

Built once per article, so the extractors (events, names, numbers) never re-read or re-tag.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from discrepancy.models import Anchor, Article, Claim
from discrepancy.resources import load_lexicon
from discrepancy.text import Sentence, sentences
from discrepancy.timex import TimeExpression, tag

# Clause boundaries: a comma or dash before a subordinator, or the subordinator itself.
_CLAUSE = re.compile(
    r"\s*[;–—]\s*|\s*\(\s*|\s*\)\s*"
    r"|,\s+(?=(?:which|who|whom|whose|where|when|while|after|before|as|but|and|or|since|because|although|though|"
    r"according|including|then|so|if|unless|until)\b)"
    r"|\s+(?=(?:which|who|that|where|when|while|after|before|because|although|whereas|unless)\b)"
    r"|\s+(?=and (?:was|were|is|are|will|had|has|have)\b)",
    re.I)


CUE_REACH = 200
"""How many characters around a date or a figure, within its clause or sentence, the extractors
read for the cues that qualify it ("said on", "after a ... in", "No.", "aged", the noun a figure
counts). Those cues stand within a few words of it (the longest fixed pattern spans about 60
characters), so in text with words of ordinary length the window finds what reading the whole
sentence found; a cue with a word of more than about 150 characters can be missed. Without a
bound each date or figure would read its sentence again: the square of the sentence's length."""


@dataclass(frozen=True)
class Clause:
    """A stretch of a sentence between clause boundaries."""

    start: int
    """Offset in the prepared text."""
    end: int
    """End offset (exclusive)."""
    text: str
    """The clause's words."""


@dataclass(frozen=True)
class Context:
    """One article ready for extraction."""

    article: Article
    """The article."""
    sentences: tuple[Sentence, ...]
    """Its sentences, in order."""
    timexes: tuple[TimeExpression, ...]
    """Time expressions in the prepared text, resolved against the anchor."""
    event_names: tuple[tuple[str, str], ...] = ()
    """Named events known across the article set, as (folded name, event class) pairs
    ("harbex" -> fair), so "HARBEX 2026, which runs 4-7 June" is dated as a fair."""

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a text offset."""
        # sentences are sorted and disjoint: the only candidate is the last one starting at or before
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def timexes_in(self, start: int, end: int, starting_from: int | None = None,
                   starting_by: int | None = None) -> list[TimeExpression]:
        """Time expressions inside [start, end); of those, only the ones starting at or after
        ``starting_from`` and at or before ``starting_by`` when given."""
        lowest = start if starting_from is None else max(start, starting_from)
        starts, ends = self._timex_bounds
        if ends is None:  # not sorted and disjoint (never from ``tag``): look at every one
            return [t for t in self.timexes if t.start >= lowest and t.end <= end
                    and (starting_by is None or t.start <= starting_by)]
        lo = bisect.bisect_left(starts, lowest)
        hi = bisect.bisect_right(ends, end)
        if starting_by is not None:
            hi = min(hi, bisect.bisect_right(starts, starting_by))
        return list(self.timexes[lo:hi]) if lo < hi else []

    @cached_property
    def memo(self) -> dict:
        """What extractors work out once per article (keyed by their own names)."""
        return {}

    @cached_property
    def paragraph_breaks(self) -> list[int]:
        """Offsets of every blank line ("\\n\\n") in the text, in order."""
        text = self.article.text
        out, i = [], text.find("\n\n")
        while i >= 0:
            out.append(i)
            i = text.find("\n\n", i + 1)
        return out

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @property
    def timexes_sorted(self) -> bool:
        """Are the time expressions sorted and disjoint (as ``tag`` gives them)?"""
        return self._timex_bounds[1] is not None

    @cached_property
    def _timex_bounds(self) -> tuple[list[int], list[int] | None]:
        """Starts and ends of the time expressions, for bisecting; ends is None unless both
        rise together (sorted, non-overlapping), which is what makes a range of them a slice."""
        starts = [t.start for t in self.timexes]
        ends = [t.end for t in self.timexes]
        monotonic = all(starts[i] <= starts[i + 1] and ends[i] <= ends[i + 1] for i in range(len(starts) - 1))
        return starts, ends if monotonic else None

    def clauses(self, sentence: Sentence) -> tuple[Clause, ...]:
        """The sentence cut into clauses (once per article: kept with the context)."""
        key = ("clauses", sentence.start, sentence.end)
        if key not in self.memo:
            self.memo[key] = _clauses(sentence.text, sentence.start)
        return self.memo[key]

    def claim(self, *, kind: str, subject: str, key: str, value: str, start: int, end: int,
              derivation: str, sentence: Sentence | None = None, attrs: dict | None = None) -> Claim:
        """A claim with its evidence: the quote is the sentence, the line where it starts."""
        article = self.article
        sentence = sentence or self.sentence_at(start)
        quote_start, quote_end = (sentence.start, sentence.end) if sentence else (start, end)
        raw_start, raw_end = article.raw_span(start, end)
        quote_raw_start = article.raw_span(quote_start, quote_end)[0]
        # the claims of a sentence share one copy of its quote (a sentence can be long and give
        # many claims)
        quotes = self.memo.setdefault("quotes", {})
        quote = quotes.get((quote_start, quote_end))
        if quote is None:
            quote = quotes[(quote_start, quote_end)] = article.text[quote_start:quote_end].strip()
        return Claim(source=article.path, role=article.role, kind=kind, subject=subject, key=key,
                     value=value, quote=quote,
                     line=article.line_of(quote_raw_start), start=raw_start, end=raw_end,
                     derivation=derivation,
                     attrs=tuple(sorted((k, str(v)) for k, v in (attrs or {}).items() if v is not None)))


class ClauseList(tuple):
    """A sentence's clauses, in order and disjoint, with their starts for bisecting."""

    @cached_property
    def starts(self) -> list[int]:
        return [c.start for c in self]


def clause_index(clauses: tuple[Clause, ...], offset: int) -> int | None:
    """Index of the clause holding a text offset, or None."""
    starts = clauses.starts if isinstance(clauses, ClauseList) else [c.start for c in clauses]
    i = bisect.bisect_right(starts, offset) - 1
    return i if i >= 0 and offset < clauses[i].end else None


@lru_cache(maxsize=4096)
def _clauses(text: str, offset: int) -> ClauseList:
    out: list[Clause] = []
    pos = 0
    for m in _CLAUSE.finditer(text):
        if m.start() > pos:
            out.append(Clause(offset + pos, offset + m.start(), text[pos:m.start()]))
        pos = m.end()
    if pos < len(text):
        out.append(Clause(offset + pos, offset + len(text), text[pos:]))
    return ClauseList(c for c in out if c.text.strip())


def _is_explicit_day(t: TimeExpression) -> bool:
    return (t.type == "DATE" and not t.relative and t.calendar is not None
            and bool(re.fullmatch(r"\d{4}-\d\d-\d\d(?:/\d{4}-\d\d-\d\d)?", t.calendar)))


def find_anchor(article: Article, untagged: list[TimeExpression] | None = None) -> Anchor | None:
    """The date relative expressions are resolved against.

    The publication date when the article has one at day precision; otherwise the latest
    explicit calendar date the article itself gives (a caption or dateline date), which is the
    earliest the article can have been written. None when neither exists: nothing is guessed.
    """
    if article.published and len(article.published) == 10:
        return Anchor(dt.date.fromisoformat(article.published), f"publication date {article.published}")
    found = untagged if untagged is not None else tag(article.text)
    best: tuple[dt.date, TimeExpression] | None = None
    for t in found:
        if not _is_explicit_day(t):
            continue
        day = dt.date.fromisoformat(t.calendar.split("/")[-1])
        if article.published and day.isoformat()[:7] > article.published:
            continue  # a month-precision publication date bounds the anchor
        if best is None or day > best[0]:
            best = (day, t)
    if best is None:
        return None
    day, t = best
    raw_start = article.raw_span(t.start, t.end)[0]
    why = "publication date unknown" if not article.published else f"published only as {article.published}"
    return Anchor(day, f"the article's own date {t.text!r} (line {article.line_of(raw_start)}; {why})", from_text=True)


def build_context(article: Article) -> tuple[Article, Context]:
    """Anchor the article and tag its time expressions; returns the anchored article too."""
    import dataclasses

    anchor = article.anchor
    untagged = None
    if anchor is None:
        untagged = None if article.published and len(article.published) == 10 else tag(article.text)
        anchor = find_anchor(article, untagged)
        article = dataclasses.replace(article, anchor=anchor)
    if anchor is None and untagged is not None:
        timexes = untagged  # tagged without an anchor already: the same result
    else:
        timexes = tag(article.text, anchor=anchor.date if anchor else None, anchor_how=anchor.how if anchor else None)
    return article, Context(article, tuple(sentences(article.text)), tuple(timexes))


def alternation(words: list[str], body=re.escape) -> str:
    """A case-insensitive regex alternation of ``words`` (in this order of preference), each
    written by ``body``, with the words grouped by their first letter: "(?:i(?:ran|raq)|o(?:man))"
    rather than "(?:iran|iraq|oman)". Where a word can start the engine then tries only the
    words of that letter instead of every word, and it still prefers the same word, since words
    of other letters cannot match there. Should two first letters match one character regardless
    of case (a Kelvin sign beside a k), the plain alternation is kept."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[:1].lower(), []).append(w)
    firsts = list(groups)
    if any(a != b and re.fullmatch(re.escape(a), b, re.I) for a in firsts for b in firsts) or "" in groups:
        return "(?:" + "|".join(body(w) for w in words) + ")"
    return "(?:" + "|".join(re.escape(first) + "(?:" + "|".join(body(w)[len(re.escape(w[:1])):] for w in ws) + ")"
                            for first, ws in groups.items()) + ")"


@lru_cache(maxsize=None)
def word_pattern(words: tuple[str, ...]) -> re.Pattern:
    """A case-insensitive pattern matching any of the words or phrases as whole words;
    a trailing * matches any word ending."""
    def body(w: str) -> str:
        return re.escape(w[:-1]) + r"[\w-]*" if w.endswith("*") else re.escape(w)
    return re.compile(r"(?<![\w-])" + alternation(sorted(words, key=len, reverse=True), body) + r"(?![\w-])", re.I)


def lexicon(name: str) -> dict:
    """A lexicon file under rules/lexicons/."""
    return load_lexicon(name)


@lru_cache(maxsize=1)
def _function_word_classes() -> dict[str, str]:
    return {w.casefold(): cls for cls, words in lexicon("function_words.yaml").items() for w in words}


def function_word_class(word: str) -> str | None:
    """``determiners``, ``prepositions``, ``conjunctions``, ``auxiliaries`` or ``pronouns`` for a
    closed-class word, else None."""
    return _function_word_classes().get(word.casefold())


_POSSESSIVE = re.compile(r"['’]s(?![\w'’])")
_NEXT_WORD = re.compile(r"[ \t]+([\w][\w'’-]*)")


def possessed_phrase(text: str, end: int, max_words: int) -> tuple[int, int] | None:
    """The noun phrase a possessive opens right at ``end``: after "Sunday" in "Sunday's league
    match at the stadium", the span of "league match" (up to ``max_words`` words; a closed-class
    word or punctuation ends it). None when no possessive stands at ``end``."""
    m = _POSSESSIVE.match(text, end)
    if m is None:
        return None
    start = pos = m.end()
    stop = None
    closed = _function_word_classes()
    for _ in range(max_words):
        w = _NEXT_WORD.match(text, pos)
        if w is None or w.group(1).casefold() in closed:
            break
        stop = pos = w.end()
    return (start, stop) if stop is not None else None
