"""Shared annotation: the event words of a sentence, and what they tie together.

Every extractor reads these and none reaches into another's helpers: the words of the trigger
lists (rules/lexicons/events.yaml), the open vocabulary (Open English WordNet's event senses,
``discrepancy.event_lexicon``), named events ("the Harbour Expo 2030"), which event word a
date or a place belongs to (``TriggerPicker``), and whether a date lies before the article's
anchor. Found once per sentence and kept with the context.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateutil.relativedelta import relativedelta
from lemminflect import getAllLemmas
from wordfreq import zipf_frequency

from discrepancy.event_lexicon import event_lexicon
from discrepancy.extract.context import (CUE_REACH, Clause, Context, clause_index, function_word_class, lexicon,
                                         word_pattern)
from discrepancy.lexicon_schema import compile_data_regex
from discrepancy.text import Sentence
from discrepancy.timex import TimeExpression


@dataclass(frozen=True)
class Trigger:
    """An event word found in the text."""

    start: int
    """Offset in the prepared text."""
    end: int
    """End offset (exclusive)."""
    cls: str
    """The event class it belongs to."""
    word: str
    """The word as written."""
    vocabulary: str = "listed"
    """``listed`` for a word of the trigger lists (a specific class), ``open`` for one the open
    vocabulary classed by its coarse WordNet type (a rough class)."""


@lru_cache(maxsize=1)
def events_yaml():
    """rules/lexicons/events.yaml, read into what the extractors look things up in."""
    lex = lexicon("events.yaml")
    classes = lex["classes"]
    trigger_class: dict[str, str] = {}
    for name, spec in classes.items():
        for word in spec.get("triggers", []):
            trigger_class.setdefault(word.casefold().rstrip("*"), name)
    trigger_re = word_pattern(tuple(w for spec in classes.values() for w in spec.get("triggers", [])))
    # (class, pattern, the number of its "trigger" group): RE2 matches take group numbers only,
    # and RE2 builds its group index anew each time it is asked
    patterns = [(name, regex, regex.groupindex.get("trigger", 0))
                for name, spec in classes.items() for regex in map(compile_data_regex, spec.get("patterns", []))]
    part_res = {part: word_pattern(tuple(words)) for part, words in lex["parts"].items()}
    prepositions = {part: re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words)
                                     + r")\s+(?:on\s+|the\s+)?$", re.I)
                    for part, words in lex.get("part_prepositions", {}).items()}
    return {
        "classes": classes,
        "trigger_class": trigger_class,
        "trigger_re": trigger_re,
        "patterns": patterns,
        "not_before": frozenset(w.casefold() for w in lex.get("not_before", [])),
        "other": frozenset(w.casefold() for w in lex.get("other_occurrence", [])),
        "parts": part_res,
        "prepositions": prepositions,
        "reporting": word_pattern(tuple(lex.get("reporting_verbs", []))),
        "reporting_longest": max((len(w) for w in lex.get("reporting_verbs", [])), default=0),
        "possessed_words": int(lex.get("possessed_phrase_words", 4)),
        "open": lex.get("open_vocabulary"),
        "open_classes": {spec["class"]: spec for spec in ((lex.get("open_vocabulary") or {}).get("types") or {}).values()},
        # a cue ending in * reaches any length: then the whole look-back window
        "parts_longest": max((CUE_REACH if w.endswith("*") else len(w) for words in lex["parts"].values()
                              for w in words), default=0),
    }


@lru_cache(maxsize=65536)
def class_of(word: str) -> str | None:
    lex = events_yaml()
    key = word.casefold()
    if key in lex["trigger_class"]:
        return lex["trigger_class"][key]
    for trig, name in lex["trigger_class"].items():
        if key.startswith(trig) and len(trig) >= 5:  # manoeuvre* and the like
            return name
    return None


def _class_spec(cls: str) -> dict:
    """What events.yaml says of a class: its entry under ``classes``, else the open-vocabulary
    type that names it."""
    lex = events_yaml()
    return lex["classes"].get(cls) or lex["open_classes"].get(cls, {})


PREDICATE = "predicate:"
"""The class prefix of a verb outside the event vocabulary, read as the event its clause reports
("predicate:tow" for "towed")."""


def label(cls: str) -> str:
    """How reports name an event class."""
    if cls.startswith(PREDICATE):
        return f"event reported as '{cls[len(PREDICATE):]}'"
    return _class_spec(cls).get("label", cls)


def is_instant(cls: str) -> bool:
    """Does one event of this class happen on one day?"""
    return bool(_class_spec(cls).get("instant"))


_OPEN_POS = (("NOUN", "noun", "noun_min_share"), ("VERB", "verb", "verb_min_share"))


@lru_cache(maxsize=65536)
def open_class(word: str, noun: bool = True, verb: bool = True) -> str | None:
    """The event class of a word outside the trigger lists, from Open English WordNet: the
    class of the first coarse type of its first lemma (nouns before verbs; ``noun`` and
    ``verb`` say which readings the context allows) whose event readings weigh enough
    ("outbreaks" -> outbreak, a natural event). None for a word with no such reading."""
    spec = events_yaml()["open"]
    if not spec or function_word_class(word):
        return None  # "could", "was": closed-class words name no event
    lexicon_ = event_lexicon()
    lemmas = getAllLemmas(word.casefold())
    for upos, pos, threshold in _OPEN_POS:
        if not (noun if pos == "noun" else verb):
            continue
        for lemma in lemmas.get(upos, ()):
            entry = lexicon_.lookup(lemma, pos)
            if entry is None or entry.event_share < spec[threshold]:
                continue
            if pos == "verb" and lemma == word.casefold():
                continue  # a bare verb form is as often a noun or an imperative: only inflected verbs
            if pos == "verb" and zipf_frequency(lemma, "en") > spec["verb_max_zipf"]:
                continue  # a very common verb (go, fall, turn) names an event only in rare senses
            if pos == "noun" and entry.first_sense not in entry.classes:
                continue  # the noun's everyday sense is a thing, not an event ("a bolt")
            for kind in entry.types:
                if kind in spec["types"] and (pos == "noun" or spec["types"][kind].get("verbs", True)):
                    return spec["types"][kind]["class"]
    return None


_OPEN_WORD = re.compile(r"(?<![\w-])[a-z][a-z'’-]*[a-z](?![\w-])")


def _open_triggers(text: str, offset: int, busy: "SpanIndex") -> list[Trigger]:
    """Event words of the open vocabulary in a sentence. Lower-case words only (a capitalised
    word inside a sentence belongs to a name). Without a tagger the word before decides the
    reading: a noun after a determiner, a preposition, a possessive or a figure ("the outbreak",
    "after talks", "Monday's verdict"), a verb after anything else."""
    not_before = events_yaml()["not_before"]
    found = []
    for m in _OPEN_WORD.finditer(text):
        if busy.overlaps(offset + m.start(), offset + m.end()):
            continue
        prev = word_ending_at(text, m.start(), "_-'’") or ""
        noun = bool(prev) and (function_word_class(prev) in ("determiners", "prepositions")
                               or prev.endswith(("'s", "’s", "s'")) or prev[:1].isdigit())
        verb = not noun and function_word_class(prev) != "determiners"
        cls = open_class(m.group(0), noun, verb)
        if cls is None:
            continue
        after = _WORD_AFTER.match(text, m.end())
        if after and after.group(1).casefold() in not_before:
            continue  # "fire brigade": part of another name
        found.append(Trigger(offset + m.start(), offset + m.end(), cls, m.group(0), "open"))
    return found


# each capitalised word is taken whole (\b), so a long capitalised run cannot be split in
# exponentially many ways while the pattern backtracks
_EVENT_NAME = re.compile(r"(?<![\w-])((?:[A-Z]\w*\b(?:[ -](?=[A-Z]))?)+)\s*[-–—]?\s*((?:19|20)\d\d)(?![\w-])"
                         r"|(?<![\w-])([A-Z]{3,}(?:-\d+)?)(?![\w-])")


_CAPITAL_AFTER_BREAK = re.compile(r"(?<![\w-])[A-Z]")


_YEAR_AFTER_NAME = re.compile(r"\s*[-–—]?\s*(?:19|20)\d\d(?![\w-])")


_ACRONYM = re.compile(r"(?<![\w-])([A-Z]{3,}(?:-\d+)?)(?![\w-])")


class _AcronymMatch:
    """An acronym found by ``event_name_matches``, read as a match of ``_EVENT_NAME`` would be."""

    def __init__(self, m: re.Match) -> None:
        self._m = m

    def group(self, n: int = 0) -> str | None:
        return self._m.group(0) if n in (0, 3) else None

    def start(self) -> int:
        return self._m.start()

    def end(self) -> int:
        return self._m.end()


def event_name_matches(text: str):
    """The matches of ``_EVENT_NAME.finditer(text)``, found in one pass.

    Run as a regex, a capitalised run with no year after it is read again from each of its
    words, which costs the square of its length. Here the run is walked once: a year can only
    follow a run at its end, which is the same for every word of the run, so the run either
    has a name ending in a year from its first word or from none of them."""
    pos, n = 0, len(text)
    run_end, dated = -1, False  # the end of the last run walked and whether a year follows it
    while True:
        c = _CAPITAL_AFTER_BREAK.search(text, pos)
        if c is None:
            return
        p = c.start()
        if p >= run_end:  # a new run: walk its words
            q = p
            while True:
                q += 1
                while q < n and (text[q].isalnum() or text[q] == "_"):
                    q += 1
                if q + 1 < n and text[q] in " -" and "A" <= text[q + 1] <= "Z":
                    q += 1
                    continue
                break
            run_end, dated = q, _YEAR_AFTER_NAME.match(text, q) is not None
        m = _EVENT_NAME.match(text, p) if dated else None
        if m is None:
            acronym = _ACRONYM.match(text, p)
            m = _AcronymMatch(acronym) if acronym else None
        if m is None:
            pos = p + 1
            continue
        yield m
        pos = m.end()


def _fold_event_name(name: str) -> str:
    return re.sub(r"[\s\-–—]+", " ", name).strip().casefold()


_NAME_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+")


def _after_words(text: str, pos: int, count: int) -> int:
    """Where the ``count``-th run of non-space characters after ``pos`` starts (len(text) if none)."""
    n, i = len(text), pos
    for k in range(count):
        while i < n and text[i].isspace():
            i += 1
        if k == count - 1 or i == n:
            return i
        while i < n and not text[i].isspace():
            i += 1
    return i


def event_names(ctx: Context) -> dict[str, str]:
    """Named events an article introduces with an event word beside the name: "the Tidewater
    2026 naval exercise", "exhibition HARBEX-2026", "HARBEX, the harbour trades fair"."""
    found: dict[str, str] = {}
    text = ctx.article.text
    for sentence in ctx.sentences:
        triggers = sentence_triggers(ctx, sentence)
        if not triggers:
            continue
        starts = [tr.start for tr in triggers]
        by_end = sorted((tr.end, i) for i, tr in enumerate(triggers))
        ends = [e for e, _ in by_end]
        for m in event_name_matches(sentence.text):
            name = m.group(1) or m.group(3)
            if not name or name.casefold() in ("the", "a"):
                continue
            start, end = sentence.start + m.start(), sentence.start + m.end()
            has_year = bool(m.group(2))
            # only words right beside the name can qualify: ending in the white space before it
            # (with a year), or starting within two words after it or in a ", the ..." after it
            near: list[int] = []
            if has_year:
                blank = start
                while blank > 0 and text[blank - 1].isspace():
                    blank -= 1
                near += [i for _, i in by_end[bisect.bisect_left(ends, blank):bisect.bisect_right(ends, start)]]
            reach = _after_words(text, end, 3)
            apposition = _NAME_APPOSITION.match(text, end)
            if apposition:
                reach = max(reach, apposition.end() + 60)
            near += range(bisect.bisect_left(starts, end), bisect.bisect_right(starts, reach))
            for i in sorted(set(near)):
                tr = triggers[i]
                gap_before = text[tr.end:start] if tr.end <= start else None
                gap_after = text[end:tr.start] if tr.start >= end else None
                if (gap_before is not None and not gap_before.strip() and has_year) or (
                        gap_after is not None and (len(gap_after.split()) <= 2 and "," not in gap_after and has_year
                                                   or re.fullmatch(r",\s+(?:the|a|an)\s+[^,.;]{0,60}", gap_after))):
                    found.setdefault(_fold_event_name(name), tr.cls)
                    break
    return found


def triggers_in(text: str, offset: int, busy: tuple[tuple[int, int], ...] = (),
                named: tuple[tuple[str, str], ...] = ()) -> list[Trigger]:
    """Event words in a sentence, leaving out words that are part of a proper name or of a
    compound naming something else ("Fire brigade", "Northwind Launch Systems"), and words inside
    the ``busy`` spans (time expressions: "March 20" is no march)."""
    return list(_triggers_in(text, offset, busy, named))


def sentence_triggers(ctx: Context, sentence: Sentence, busy: tuple[tuple[int, int], ...] = (),
                      named: tuple[tuple[str, str], ...] = ()) -> list[Trigger]:
    """``triggers_in`` for a sentence of the context, found once per article however many
    extractors ask (kept with the context, so no article's sentences push out another's)."""
    key = ("triggers", sentence.start, sentence.end, busy, named)
    if key not in ctx.memo:
        ctx.memo[key] = _triggers_in(sentence.text, sentence.start, busy, named)
    return list(ctx.memo[key])


def event_words(ctx: Context, sentence: Sentence, busy: tuple[tuple[int, int], ...] = ()) -> list[Trigger]:
    """The event words the event extractor reads in a sentence: the listed ones (and named
    events), else those of the open vocabulary."""
    return sentence_triggers(ctx, sentence, busy, ctx.event_names) or open_triggers(ctx, sentence, busy)


def open_triggers(ctx: Context, sentence: Sentence, busy: tuple[tuple[int, int], ...] = ()) -> list[Trigger]:
    """The open-vocabulary event words of a sentence (see ``open_class``): what extractors fall
    back on where the trigger lists find nothing. Found once per sentence, like ``sentence_triggers``."""
    key = ("open triggers", sentence.start, sentence.end, busy)
    if key not in ctx.memo:
        ctx.memo[key] = tuple(_open_triggers(sentence.text, sentence.start, SpanIndex(busy)))
    return list(ctx.memo[key])


_WORD_AFTER = re.compile(r"\s*([\w-]+)")


def word_ending_at(text: str, pos: int, joiners: str = "_-") -> str | None:
    """The word (letters and digits, with ``joiners`` inside: [\\w-]+ by default) that ends right
    before ``pos``, white space between allowed; None when something else stands there. Walks
    back over that word only, not the text before it."""
    i = pos
    while i > 0 and text[i - 1].isspace():
        i -= 1
    end = i
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in joiners):  # re's \w is isalnum() or _
        i -= 1
    return text[i:end] if i < end else None


class SpanIndex:
    """Spans sorted by start, for asking in log time whether one overlaps or holds a position."""

    def __init__(self, spans) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.max_end: list[int] = []  # the furthest end among the spans up to each one
        furthest = None
        for _, e in spans:
            furthest = e if furthest is None or e > furthest else furthest
            self.max_end.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """Does a span [s, e) satisfy s < end and start < e?"""
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.max_end[i - 1] > start

    def holds(self, pos: int) -> bool:
        """Does a span [s, e) satisfy s <= pos < e?"""
        i = bisect.bisect_right(self.starts, pos)
        return i > 0 and self.max_end[i - 1] > pos


def _triggers_in(text: str, offset: int, busy: tuple[tuple[int, int], ...],
                 named: tuple[tuple[str, str], ...]) -> tuple[Trigger, ...]:
    lex = events_yaml()
    found: list[Trigger] = []
    busy_index = SpanIndex(busy)
    for m in lex["trigger_re"].finditer(text):
        if busy and busy_index.overlaps(offset + m.start(), offset + m.end()):
            continue
        word = m.group(0)
        after = _WORD_AFTER.match(text, m.end())
        if " " not in word and after and after.group(1).casefold() in lex["not_before"]:
            continue
        before = word_ending_at(text, m.start())
        if word[:1].isupper() and m.start() > 0 and (
                (after and after.group(1)[:1].isupper()) or (before and before[:1].isupper()
                                                             and before.casefold() not in ("the", "a"))):
            continue  # inside a capitalised name
        cls = class_of(word)
        if cls:
            found.append(Trigger(offset + m.start(), offset + m.end(), cls, word))
    for cls, pattern, trigger in lex["patterns"]:
        for m in pattern.finditer(text):
            found.append(Trigger(offset + m.start(trigger), offset + m.end(trigger), cls, m.group(trigger)))
    if named:
        classes = dict(named)
        # a name found here ends before the next one starts, so only the words found above can hold it
        worded = SpanIndex((t.start, t.end) for t in found)
        for m in event_name_matches(text):
            name = m.group(1) or m.group(3)
            cls = classes.get(_fold_event_name(name or ""))
            # a name that opens inside a time expression is a date ("October 2023"), not an event
            if cls and not worded.holds(offset + m.start()) and not busy_index.holds(offset + m.start()):
                found.append(Trigger(offset + m.start(), offset + m.end(), cls, m.group(0)))
    return tuple(sorted(found, key=lambda t: t.start))


_ALREADY_DATED = re.compile(r"\b(?:(?:19|20)\d\d|last year's|last week's|last month's|yesterday's)\s+(?:[\w-]+\s+)?$",
                            re.I)


_REFERENCE_POINT = re.compile(r"\b(?:after|following|before|ahead of|prior to|since|until|despite)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+)?$", re.I)


def _text_before(clauses: tuple[Clause, ...], trig: Trigger) -> str:
    """Up to 40 characters of its clause before an event word."""
    i = clause_index(clauses, trig.start)
    if i is None:
        return ""
    c = clauses[i]
    return c.text[max(0, trig.start - c.start - 40):trig.start - c.start]


def pick_trigger(triggers: list[Trigger], clauses: tuple[Clause, ...], index: int, t: TimeExpression) -> Trigger | None:
    """The event a date belongs to: the nearest event word before it in its clause; else one
    shortly after it in the clause ("on Tuesday signed"); else the nearest in an earlier clause
    of the sentence ("a warehouse that burned down on 2 August")."""
    return TriggerPicker(triggers, clauses).pick(index, t)


class _ClauseTriggers:
    """The event words of one clause, sorted by start, as ``TriggerPicker`` asks about them."""

    def __init__(self, words: list[Trigger], clause: Clause) -> None:
        start_cues = events_yaml()["parts"]["start"]
        self.words = words
        before = {id(tr): clause.text[max(0, tr.start - clause.start - 40):tr.start - clause.start] for tr in words}
        # "the 2014 fatal shooting" already carries its own date and takes no other
        undated = [tr for tr in words if not _ALREADY_DATED.search(before[id(tr)][-25:])]
        # "launched" as a start cue beside "exercise": the noun names the event
        named = [tr for tr in undated if not start_cues.fullmatch(tr.word)]
        self.plain = named or undated
        """What an earlier clause offers: every undated word, the nouns when there are any."""
        self.best = max(self.plain, key=lambda tr: tr.end) if self.plain else None
        # after "following"/"after" a word is the point something else is measured from, which
        # only matters for words after the date: whether the nouns count depends on the date
        reference = {id(tr) for tr in undated if _REFERENCE_POINT.search(before[id(tr)])}
        self.nouns_always = any(id(tr) not in reference for tr in named)
        self.first_noun = min((tr.start for tr in named), default=None)
        self.choices = {True: _Ordered(named, reference), False: _Ordered(undated, reference)}

    def own(self, t: TimeExpression) -> "_Ordered":
        """The words that can be a date's own event: the nouns when one can be, else all."""
        nouns = self.nouns_always or (self.first_noun is not None and self.first_noun <= t.start)
        return self.choices[nouns]


class _Ordered:
    """Event words sorted by start, with what answers "the last before" and "the first after" in
    log time."""

    def __init__(self, words: list[Trigger], reference: set[int]) -> None:
        self.words = words
        self.ends = [tr.end for tr in words]
        self.rising = all(a <= b for a, b in zip(self.ends, self.ends[1:]))
        self.free = [tr for tr in words if id(tr) not in reference]
        self.free_starts = [tr.start for tr in self.free]

    def before(self, pos: int) -> tuple[Trigger, Trigger] | None:
        """Among the words ending at or before ``pos``: the last one, and the first that ends
        furthest; None when there is none."""
        if self.rising:
            k = bisect.bisect_right(self.ends, pos)
            if not k:
                return None
            last = self.words[k - 1]
            return last, self.words[bisect.bisect_left(self.ends, last.end, 0, k)]
        before = [tr for tr in self.words if tr.end <= pos]
        return (before[-1], max(before, key=lambda tr: tr.end)) if before else None

    def first_free_from(self, pos: int) -> Trigger | None:
        """The first word starting at or after ``pos`` that is not a reference point."""
        i = bisect.bisect_left(self.free_starts, pos)
        return self.free[i] if i < len(self.free) else None


class TriggerPicker:
    """Which event a date belongs to, for the event words and clauses of one sentence: the words
    are sorted into their clauses once, so that each date costs a few bisections."""

    def __init__(self, triggers: list[Trigger], clauses: tuple[Clause, ...]) -> None:
        self.clauses = clauses
        self.starts = [tr.start for tr in triggers]
        grouped: dict[int, list[Trigger]] = {}
        for tr in triggers:
            i = clause_index(clauses, tr.start)
            if i is not None:
                grouped.setdefault(i, []).append(tr)
        self.by_clause = {i: _ClauseTriggers(words, clauses[i]) for i, words in grouped.items()}
        self.offering = sorted(i for i, ct in self.by_clause.items() if ct.plain)

    def pick(self, index: int, t: TimeExpression) -> Trigger | None:
        here = self.by_clause.get(index)
        before = after = None
        if here is not None:
            own = here.own(t)
            before = own.before(t.start)
            after = own.first_free_from(t.end)
            if after is not None and after.start - t.end > 60:
                after = None
        if before and t.start - before[0].end <= 120:
            return before[1]
        if after:
            return after
        k = bisect.bisect_left(self.offering, index)
        if k:
            return self.by_clause[self.offering[k - 1]].best
        if before:
            return before[1]
        # "X on Monday became ..., when its rocket lifted off": a when/as clause right after
        if index + 1 < len(self.clauses) and re.match(r"\s*(?:when|as|after)\b", self.clauses[index + 1].text, re.I):
            later = self.by_clause.get(index + 1)
            if later:
                return min(later.words, key=lambda tr: tr.start)
        return None


def bounds(calendar: str) -> tuple[str, str]:
    """First and last ISO value of a calendar value (a range's ends, or the value twice)."""
    if "/" in calendar:
        a, b = calendar.split("/", 1)
        return a, b
    return calendar, calendar


def anchor_date(ctx: Context) -> dt.date | None:
    return ctx.article.anchor.date if ctx.article.anchor else None


def before_anchor(ctx: Context, calendar: str, days: int = 20) -> bool:
    anchor = anchor_date(ctx)
    if anchor is None:
        return True
    last = bounds(calendar)[1]
    end = period_end(last)
    return end < anchor - dt.timedelta(days=days)


def period_end(value: str) -> dt.date:
    parts = value.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return dt.date(year, 12, 31)
    month = int(parts[1])
    if len(parts) == 2:
        return dt.date(year, month, 1) + relativedelta(months=1, days=-1)
    return dt.date.fromisoformat(value)
