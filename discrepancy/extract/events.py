"""Event claims: when an event (or a part of it) happened, earlier occurrences (history),
"first-ever" claims (novelty), stated lengths (duration), and weekday/date pairs.

An event is found through its event words (``event_words``: the trigger lists of
rules/lexicons/events.yaml, else the open vocabulary); a date belongs to the event word in its
own clause, or to the nearest one earlier in the sentence.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache

from lemminflect import getAllLemmas, getInflection

from discrepancy.extract.context import (CUE_REACH, Clause, Context, clause_index, function_word_class, lexicon,
                                         possessed_phrase, word_pattern)
from discrepancy.extract.event_words import (PREDICATE, SpanIndex, Trigger, TriggerPicker, anchor_date, before_anchor,
                                             bounds, class_of, event_words, events_yaml, is_instant, label,
                                             period_end, pick_trigger, sentence_triggers, word_ending_at)
from discrepancy.extract.participants import countries_in
from discrepancy.models import Claim
from discrepancy.text import Sentence
from discrepancy.timex import TimeExpression
from discrepancy.timex.tense import clause_tense

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _start_of_last_words(text: str, lo: int, hi: int, count: int) -> int:
    """Where the ``count``-th last run of non-space characters of text[lo:hi] starts (lo if fewer)."""
    i = hi
    for _ in range(count):
        while i > lo and text[i - 1].isspace():
            i -= 1
        if i == lo:
            return lo
        while i > lo and not text[i - 1].isspace():
            i -= 1
    return i


def _is_other_occurrence(ctx: Context, trig: Trigger) -> bool:
    before = ctx.article.text[max(0, trig.start - 40):trig.start].casefold().split()
    return any(w.strip(",'’s") in events_yaml()["other"] for w in before[-3:])


def _clause_index(clauses: tuple[Clause, ...], offset: int) -> int:
    i = clause_index(clauses, offset)
    return max(0, len(clauses) - 1) if i is None else i


def _part_cue(ctx: Context, clause: Clause, t: TimeExpression) -> str | None:
    """start/end when a cue in the clause (before the date, or right after it) says so."""
    text = ctx.article.text
    before = text[max(clause.start, t.start - CUE_REACH):t.start]
    for part, pattern in events_yaml()["prepositions"].items():
        if pattern.search(before[-20:]):
            return part
    # a cue counts when it ends at most 60 characters before the date: read no further back
    # than that and the longest cue
    near = before[-(60 + events_yaml()["parts_longest"] + 1):]
    for part in ("end", "start"):
        pattern = events_yaml()["parts"][part]
        hits = [m for m in pattern.finditer(near)]
        if hits and len(near) - hits[-1].end() <= 60:
            return part
    return None


def _after_reporting_verb(ctx: Context, clause: Clause, t: TimeExpression) -> bool:
    """"said on Friday": the date is when something was said, not when the event happened."""
    # only a verb among the last three words before the date counts: read from the fourth-last
    # word, and the length of the longest verb before it (a verb cut there is four words off)
    text = ctx.article.text
    lo = _start_of_last_words(text, clause.start, t.start, 4) - events_yaml()["reporting_longest"]
    before = text[max(clause.start, lo):t.start]
    m = None
    for m in events_yaml()["reporting"].finditer(before):
        pass
    if not m:
        return False
    gap = before[m.end():]
    return len(gap.split()) <= 3 and not any(p.search(gap) for p in events_yaml()["parts"].values())


_DATELINE = re.compile(r"^[A-ZÀ-Þ][\w .'’-]{1,40},\s*$")
_DATELINE_CHARS = 42  # the most _DATELINE can hold before its trailing white space


def _is_dateline(ctx: Context, sentence: Sentence, t: TimeExpression) -> bool:
    """"BAKU, Sept 15 (Caspian Wire) –" or a paragraph that is only a date: when the article
    was filed, not when anything in it happened."""
    text = ctx.article.text
    breaks = ctx.paragraph_breaks
    k = bisect.bisect_right(breaks, t.start - 2) - 1  # the last blank line ending before the date
    para_start = 0 if k < 0 else breaks[k] + 2
    if re.search(r"\b(?:posted|updated|published|last updated|first published|modified)\s*(?:on)?\s*:?\s*$",
                 text[max(0, t.start - 25):t.start], re.I):
        return True  # web page furniture: "Posted: Thursday, August 6, 2015"
    # the head of the paragraph counts only when blank or a short dateline: look no further
    # back than a dateline reaches
    bare_end = t.start
    while bare_end > para_start and text[bare_end - 1].isspace():
        bare_end -= 1
    if bare_end - para_start > _DATELINE_CHARS:
        return False
    head = text[para_start:t.start]
    if not head.strip() or _DATELINE.match(head):
        after = text[t.end:t.end + 60]
        if re.match(r"\s*(?:\([^)]*\))?\s*(?:[–—-]|\.|$|\n)", after):
            return True
    return False


def _is_span(t: TimeExpression) -> bool:
    """An explicit range ("19-21 May") gives the event's span; "last week" only bounds a date."""
    return t.calendar is not None and "/" in t.calendar and bool(re.search(r"\d\s*(?:-|–|to|and|until|till)\s*\d|\d\s*(?:-|–|to|and|until|till)\s*[A-Z]\w+\s+\d", t.text))


def _participants(ctx: Context, sentence: Sentence, clause: Clause, cls: str = "") -> frozenset[str]:
    """Who takes part: the countries the clause names, else the sentence, else those the
    article names most often beside words for this kind of event."""
    own = countries_in(clause.text) or countries_in(sentence.text)
    if own or not cls:
        return own
    return class_participants(ctx).get(cls, frozenset())


def class_participants(ctx: Context) -> dict[str, frozenset[str]]:
    """Per event class, the countries named most often in the article's sentences about it."""
    # kept with the context: hashing a whole context for a cache would read the article each time
    if "class_participants" not in ctx.memo:
        ctx.memo["class_participants"] = _class_participants(ctx)
    return ctx.memo["class_participants"]


def _class_participants(ctx: Context) -> dict[str, frozenset[str]]:
    counts: dict[str, dict[str, int]] = {}
    for sentence in ctx.sentences:
        found = countries_in(sentence.text)
        if not found:
            continue
        for cls in {t.cls for t in sentence_triggers(ctx, sentence, (), ctx.event_names)}:
            per = counts.setdefault(cls, {})
            for country in found:
                per[country] = per.get(country, 0) + 1
    out = {}
    for cls, per in counts.items():
        top = max(per.values())
        out[cls] = frozenset(sorted(c for c, n in per.items() if n * 2 >= top and n >= 1)[:3])
    return out


def _derivation(t: TimeExpression) -> str:
    return t.derivation or f"{t.text!r}"


@lru_cache(maxsize=1)
def _history_lexicon():
    lex = lexicon("history.yaml")
    return {
        "previous": word_pattern(tuple(lex["previous_before_trigger"])),
        "occurrence": word_pattern(tuple(lex["occurrence_words"])),
        "since": word_pattern(tuple(lex["since_markers"])),
        "first": word_pattern(tuple(lex["first_words"])),
        "origin": word_pattern(tuple(lex["origin_cues"])),
        "same": word_pattern(tuple(lex["same_cues"])),
        "novelty": word_pattern(tuple(lex["novelty_cues"])),
        "negation": word_pattern(tuple(lex["novelty_negations"])),
        "ordinals": {k.casefold(): int(v) for k, v in (lex.get("ordinals") or {}).items()},
    }


_WORD = re.compile(r"[\w'’-]+")
_FIRST_WORDS = re.compile(r"\bfirst\b((?:\s+[\w'’-]+){1,3})", re.I)
_INAUGURAL = re.compile(r"\b(?:inaugural|first (?:one|edition))\b", re.I)
_AFTER_OR_FOLLOWING = re.compile(r"\b(?:after|following)\b", re.I)
_AFTER_EARLIER_EVENT = re.compile(
    r"\b(?:after|following)\s+(?:a|an|the)\s+((?:[\w-]+\s+){0,2}[\w-]+)\s+(?:in|on)\s*$", re.I)


def _occurs_before(pattern: re.Pattern, text: str, end: int, memo: dict, key) -> bool:
    """Does ``pattern`` match in text[:end]? The first match in the whole of ``text`` is found
    once (kept in ``memo`` under ``key``); a match cut short by ``end`` is looked for near it."""
    if key not in memo:
        memo[key] = pattern.search(text)
    first = memo[key]
    if first is None:
        return False
    return first.end() <= end or pattern.search(text, max(0, end - CUE_REACH), end) is not None


def _is_event_word(w: str) -> bool:
    return bool(class_of(w) or _history_lexicon()["occurrence"].fullmatch(w))


def _clause_history(ctx: Context, clause: Clause) -> dict:
    """What ``_history_kind`` reads from a clause whatever the date: worked out once per clause."""
    key = ("history", clause.start, clause.end)
    if key not in ctx.memo:
        hl = _history_lexicon()
        # "the first launch attempt": a "first" before event words, by where it ends
        firsts = [(m.start(), m.end(), m.group(1)) for m in _FIRST_WORDS.finditer(clause.text)]
        previous = False
        for m in hl["previous"].finditer(clause.text):
            words = [w.group(0) for _, w in zip(range(4), _WORD.finditer(clause.text, m.end()))]
            if any(_is_event_word(w) for w in words):
                previous = True
                break
        ctx.memo[key] = {
            # does the clause hold any cue that _history_kind looks for before a date? (the
            # looks are within the clause, and a date starts at a word boundary, so a cue
            # found before a date is found in the clause too)
            "cued": bool(firsts or hl["origin"].search(clause.text) or hl["since"].search(clause.text)
                         or hl["previous"].search(clause.text) or _AFTER_OR_FOLLOWING.search(clause.text)),
            "origin": hl["origin"].search(clause.text) and _INAUGURAL.search(clause.text),
            "firsts": firsts, "first_ends": [e for _, e, _ in firsts],
            "previous": previous,
        }
    return ctx.memo[key]


def _says_same(ctx: Context, sentence: Sentence) -> bool:
    """Does the sentence say the event happened before ("the same", "again")? Once per sentence."""
    key = ("same", sentence.start)
    if key not in ctx.memo:
        ctx.memo[key] = bool(_history_lexicon()["same"].search(sentence.text))
    return ctx.memo[key]


def _history_kind(ctx: Context, sentence: Sentence, clause: Clause, t: TimeExpression,
                  triggers: list[Trigger]) -> str | None:
    """``previous`` or ``origin`` when the date gives an earlier occurrence, else None."""
    hl = _history_lexicon()
    text = ctx.article.text
    facts = _clause_history(ctx, clause)
    if not facts["cued"]:
        return "previous" if _says_same(ctx, sentence) and before_anchor(ctx, t.calendar, days=60) else None
    origin = hl["origin"].search(text[max(clause.start, t.start - 40):t.start]) or facts["origin"]
    if origin:
        cue_words = frozenset(re.findall(r"[\w'’-]+", origin.group(0).casefold()))
        key = ("origin", clause.start, clause.end, cue_words)
        if key not in ctx.memo:
            ctx.memo[key] = _origin_of_event(ctx, sentence, clause, cue_words, triggers)
        return "origin" if ctx.memo[key] else None
    if hl["since"].search(text[max(clause.start, t.start - 12):t.start]) and _occurs_before(
            hl["first"], sentence.text, t.start - sentence.start, ctx.memo, ("first", sentence.start)):
        return "previous"
    # "the ferry line's first crossing, in June 2019": the first occurrence, dated; only a
    # "first" ending at most 30 characters before the date counts
    at = t.start - clause.start
    firsts = facts["firsts"]
    for i in range(bisect.bisect_left(facts["first_ends"], at - 30), len(firsts)):
        start, end, following = firsts[i]
        if start >= at:
            break
        words = re.findall(r"[\w'’-]+", following)
        between = text[clause.start + end:t.start]
        if any(_is_event_word(w) for w in words) and not hl["since"].search(between) and \
                before_anchor(ctx, t.calendar, days=20):
            return "origin"
    if facts["previous"]:
        return "previous"
    if _says_same(ctx, sentence) and before_anchor(ctx, t.calendar, days=60):
        return "previous"
    # "the second fire in five years, after a tank fire in 2020": an event long before, named
    # as what came before this one
    after = _AFTER_EARLIER_EVENT.search(text[max(clause.start, t.start - CUE_REACH):t.start])
    if after and any(class_of(w) for w in after.group(1).split()) and before_anchor(ctx, t.calendar, days=90):
        return "previous"
    return None


def _is_occurrence_word(w: str, cue_words: frozenset[str]) -> bool:
    return bool((class_of(w) and w.casefold() not in cue_words) or _history_lexicon()["occurrence"].fullmatch(w))


def _is_named_event_word(tr: Trigger, cue_words: frozenset[str]) -> bool:
    return (" " in tr.word or tr.word[:1].isupper()) and tr.word.casefold() not in cue_words


def _origin_of_event(ctx: Context, sentence: Sentence, clause: Clause, cue_words: frozenset[str],
                     triggers: list[Trigger]) -> bool:
    """"the regatta started in 2013", "the boat show, first staged in": the thing that began must be
    an occurrence of an event, not "Construction began in 2017"."""
    if re.match(r"\s*(?:which|that|who)\b", clause.text, re.I):
        # "the third Corvale Book Fair, which was first staged in": the antecedent counts, so the
        # sentence up to the end of this clause is read. Where the first word (and event word)
        # that qualifies stands is found once per sentence; each clause then only compares.
        key = ("origin words", sentence.start, sentence.end, cue_words)
        if key not in ctx.memo:
            first_word = next((sentence.start + m.end() for m in _WORD.finditer(sentence.text)
                               if _is_occurrence_word(m.group(0), cue_words)), None)
            first_named = min((tr.start for tr in triggers if tr.start >= sentence.start
                               and _is_named_event_word(tr, cue_words)), default=None)
            ctx.memo[key] = first_word, first_named
        first_word, first_named = ctx.memo[key]
        return (first_word is not None and first_word <= clause.end) or (
            first_named is not None and first_named < clause.end)
    if any(_is_occurrence_word(w, cue_words) for w in _WORD.findall(clause.text)):
        return True
    scope_start = sentence.start + sentence.text.find(clause.text)
    return any(_is_named_event_word(tr, cue_words) for tr in triggers if scope_start <= tr.start < clause.end)


@lru_cache(maxsize=1)
def _denial_pattern() -> re.Pattern:
    return word_pattern(tuple(lexicon("stance.yaml")["denial_cues"]))


_CLOCK_OR_ZONE = re.compile(r"\d{1,2}[:.]\d\d|\b\d{4}\s*(?:GMT|UTC|Z)\b|\b(?:GMT|UTC|[ECMP][SD]?T)\b")


def _restated_in_other_zone(text: str, floor: int, t: TimeExpression) -> bool:
    """Does ``t`` stand in brackets after a clock time or a time zone ("(0315 GMT Tuesday)",
    "(2:15 a.m. UTC Sunday)")? Such a bracket gives the moment just reported in another zone."""
    opened = text.rfind("(", max(floor, t.start - 40), t.start + 1)
    if opened < 0 or ")" in text[opened:t.start]:
        return False
    day = t.text.casefold().find((t.weekday or "").casefold()) if t.weekday else -1
    return bool(_CLOCK_OR_ZONE.search(text, opened, t.start + day if day > 0 else t.start))


_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)


def extract(ctx: Context) -> list[Claim]:
    """Every event, history, novelty, duration and weekday claim of one article."""
    claims: list[Claim] = []
    denial = _denial_pattern()
    history_lexicon = _history_lexicon()
    for sentence in ctx.sentences:
        in_sentence = ctx.timexes_in(sentence.start, sentence.end)
        if not in_sentence and not _FIRST_SINCE.search(sentence.text) \
                and not history_lexicon["novelty"].search(sentence.text):
            continue  # nothing dated and no "first ...": no claim here (its clauses and event words are left unread)
        clauses = ctx.clauses(sentence)
        if not clauses or denial.search(sentence.text):
            continue  # "officials denied reports that the drill began on Monday": not a claim
        busy = tuple((t.start, t.end) for t in in_sentence)
        triggers = event_words(ctx, sentence, busy)
        picker = TriggerPicker(triggers, clauses) if in_sentence else None
        pending: list[Claim] = []
        weekdays: list[Claim] = []
        for t in in_sentence:
            index = _clause_index(clauses, t.start)
            clause = clauses[index]
            claims.extend(_weekday_claims(ctx, sentence, t))
            if t.type == "DURATION" or t.duration:
                claims.extend(_duration_or_since(ctx, sentence, clauses, index, t, triggers, picker))
                continue
            # an article without a date of its own cannot place "on Friday" or "on 14 March"
            # in the calendar, but the weekday or the day of the month it names is still what it
            # says about when the event happened
            yearless = not t.calendar and t.type == "DATE" and bool(_YEARLESS_DAY.fullmatch(t.value or ""))
            weekday_only = not t.calendar and t.weekday is not None and not yearless
            # with no publication date, "on Friday" was placed in the calendar against a date the
            # text gives, which may be an old one: the weekday as written is the surer claim, and
            # it is made beside the calendar date
            weekday_as_written = weekday_only or (t.weekday is not None and t.relative and t.calendar is not None
                                                  and ctx.article.anchor is not None and ctx.article.anchor.from_text)
            if t.type not in ("DATE", "TIME") or not (t.calendar or weekday_only or yearless):
                continue
            if not triggers and not weekday_as_written and not _clause_history(ctx, clause)["cued"] \
                    and not _says_same(ctx, sentence):
                continue  # no event word to date and no cue of an earlier occurrence: nothing to claim
            if _after_reporting_verb(ctx, clause, t) or _is_dateline(ctx, sentence, t):
                continue
            if _restated_in_other_zone(ctx.article.text, sentence.start, t):
                continue  # "at 10:15 p.m. Monday (0315 GMT Tuesday)": the same moment, restated
            just_before = ctx.article.text[max(0, t.start - 8):t.start]
            if _BY_BEFORE.search(just_before):
                continue  # "12 million cubic metres had erupted by Thursday": a tally, not when it began
            since = bool(_SINCE_BEFORE.search(just_before))
            trig = picker.pick(index, t)
            # "Sunday's match": a date in the possessive dates the phrase it qualifies and nothing
            # else, so only an event word inside that phrase can take it
            owned = possessed_phrase(ctx.article.text, t.end, events_yaml()["possessed_words"])
            if owned is not None:
                trig = next((tr for tr in triggers if owned[0] <= tr.start < owned[1]), None)
                if trig is None:
                    continue
            # where no event word takes a weekday as written, the verb it modifies does
            dated_word = trig if trig is not None or not weekday_as_written or owned is not None \
                else _predicate_of(ctx, clause, t)
            if (weekday_as_written or yearless) and not (
                    # an earlier occurrence needs a calendar date to say how much earlier
                    dated_word is None or since or _is_other_occurrence(ctx, dated_word)
                    or _clause_history(ctx, clause)["cued"] or _says_same(ctx, sentence)):
                who = _participants(ctx, sentence, clause, dated_word.cls)
                if yearless:
                    pending.append(_undated_event_claim(ctx, sentence, clause, t, dated_word, who, "event_day"))
                # a plan or a state may fall on any weekday of a story: only what happened is claimed
                elif clause_tense(ctx.article.text, t.start, t.end) in ("past", None) \
                        and (owned is not None or _weekday_bound_to(ctx, sentence, t, dated_word)):
                    weekdays.append(_undated_event_claim(ctx, sentence, clause, t, dated_word, who, "event_weekday"))
            if weekday_only or yearless:
                continue
            history = _history_kind(ctx, sentence, clause, t, triggers)
            if history and trig is not None and _history_lexicon()["origin"].search(
                    ctx.article.text[trig.start:trig.end + 4]):
                trig = pick_trigger([tr for tr in triggers if tr != trig], clauses, index, t)
            if history and before_anchor(ctx, t.calendar, days=3):
                participants = _participants(ctx, sentence, clause, trig.cls if trig else "")
                claims.append(_history_claim(ctx, sentence, t, history, trig, participants))
                continue
            # "Yesterday, the ministers held talks and witnessed the signing": a date that opens
            # the sentence dates every event its clause reports
            governed = [] if owned is not None else _opening_date_events(ctx, sentence, clause, t, triggers)
            if len(governed) > 1 or (trig is None and governed):
                for event in governed:
                    pending.append(_event_claim(ctx, sentence, clause, t, event,
                                                _participants(ctx, sentence, clause, event.cls)))
                continue
            if trig is None:
                continue
            if _is_other_occurrence(ctx, trig) or since:
                continue  # "had run the city since 2014, resigned in March": 2014 dates no resignation
            pending.append(_event_claim(ctx, sentence, clause, t, trig,
                                        _participants(ctx, sentence, clause, trig.cls)))
        claims.extend(_one_date_per_part(pending))
        claims.extend(_one_date_per_part(weekdays))
        claims.extend(_novelty_claims(ctx, sentence, clauses, triggers))
    return claims


def _opening_date_events(ctx: Context, sentence: Sentence, clause: Clause, t: TimeExpression,
                         triggers: list[Trigger]) -> list[Trigger]:
    """The first event word of each kind in the clause a sentence-opening date governs, up to
    any verb of saying (what follows "said" is reported, not dated)."""
    text = ctx.article.text
    # Only white space may stand before the date. (A leading "on"/"in" was meant to be allowed too,
    # but the text is stripped first, so that a preposition never has a space after it to match.)
    first = t.start
    while first > sentence.start and text[first - 1].isspace():
        first -= 1
    if first > sentence.start:
        return []
    said = events_yaml()["reporting"].search(text, t.end, clause.end)
    limit = said.start() if said else clause.end
    seen: set[str] = set()
    out = []
    for tr in triggers:
        if t.end <= tr.start < limit and tr.cls not in seen and not _is_other_occurrence(ctx, tr):
            seen.add(tr.cls)
            out.append(tr)
    return out


def _one_date_per_part(pending: list[Claim]) -> list[Claim]:
    """Within a sentence, one event word dates one part once: "won Sunday's runoff, results
    showed on Monday" keeps Sunday, the date nearest the event word."""
    best: dict[tuple, Claim] = {}
    for c in pending:
        key = (c.attr("trigger_at"), c.attr("part"))
        distance = int(c.attr("distance") or 0)
        if key not in best or distance < int(best[key].attr("distance") or 0):
            best[key] = c
    return [c for c in pending if best[(c.attr("trigger_at"), c.attr("part"))] is c]


def _event_claim(ctx, sentence, clause, t, trig, participants) -> Claim:
    first, last = bounds(t.calendar)
    if _is_span(t):
        part = "span"
    else:
        part = _part_cue(ctx, clause, t) or "date"
        if "/" in t.calendar:
            part = "date"  # a period such as "last week": the date lies somewhere inside it
    instant = is_instant(trig.cls)
    what = {"start": "start", "end": "end", "span": "dates", "date": "date"}[part]
    tense = t.tense
    anchor = anchor_date(ctx)
    if tense is None and anchor is not None:
        # a date wholly before the article's date is in its past, one wholly after in its future
        if period_end(last) < anchor:
            tense = "past"
        elif first > anchor.isoformat():
            tense = "future"
    subject = f"{what} of the {label(trig.cls)}"
    derivation = _derivation(t)
    return ctx.claim(kind="event_date", subject=subject, key=trig.cls, value=t.calendar,
                     start=min(t.start, trig.start), end=max(t.end, trig.end), derivation=derivation,
                     sentence=sentence,
                     attrs={"part": part, "first": first, "last": last, "instant": int(instant),
                            "trigger": trig.word, "trigger_at": trig.start, "label": label(trig.cls),
                            "distance": min(abs(t.start - trig.end), abs(trig.start - t.end)), "participants": ",".join(sorted(participants)),
                            "period": int("/" in t.calendar and part != "span"), "tense": tense,
                            "anchor": anchor.isoformat() if anchor else None})


_BETWEEN_WORD = re.compile(r"[A-Za-z][\w'’-]*")


@lru_cache(maxsize=65536)
def _only_a_verb(word: str) -> bool:
    """Can the word only be an inflected verb ("said", "released", "surrendered")?"""
    lemmas = getAllLemmas(word.casefold())
    return bool(lemmas.get("VERB")) and "NOUN" not in lemmas and word.casefold() not in lemmas["VERB"]


@lru_cache(maxsize=65536)
def _past_verb_lemma(word: str) -> str | None:
    """The lemma of a past-tense or past-participle verb form ("towed" -> tow), else None."""
    folded = word.casefold()
    if function_word_class(folded):
        return None  # "was", "had": auxiliaries report no event
    for lemma in getAllLemmas(folded).get("VERB", ()):
        if lemma != folded and folded in getInflection(lemma, "VBD") + getInflection(lemma, "VBN"):
            return lemma
    return None


def _predicate_of(ctx: Context, clause: Clause, t: TimeExpression) -> Trigger | None:
    """The verb a weekday modifies when no event word takes it: the nearest past-tense verb of
    its clause that reports no speech ("a tug towed Ray Dunne's yacht on Saturday" -> tow). Its
    class is ``predicate:<lemma>``, and the names of its clause go with it: two articles' weekdays for
    one verb are compared only when their clauses share a name (see ``align``)."""
    if not _clause_names(ctx, clause):
        return None  # nothing to tell its event from another reported by the same verb
    verbs = _past_verbs(ctx, clause)
    starts = [v.start for v in verbs]
    i = bisect.bisect_left(starts, t.start)  # verbs before the weekday end before it starts
    near = [v for v in (verbs[i - 1] if i else None, verbs[i] if i < len(verbs) else None) if v is not None]
    if not near:
        return None
    return min(near, key=lambda v: t.start - v.end if v.end <= t.start else v.start - t.end)


def _past_verbs(ctx: Context, clause: Clause) -> list[Trigger]:
    """The past-tense verbs of a clause that report no speech, in text order, each as a trigger
    of class ``predicate:<lemma>`` (found once per clause: several weekdays may ask)."""
    key = ("past verbs", clause.start, clause.end)
    if key not in ctx.memo:
        text = ctx.article.text
        busy = SpanIndex((x.start, x.end) for x in ctx.timexes_in(clause.start, clause.end))
        found = []
        for m in _BETWEEN_WORD.finditer(text, clause.start, clause.end):
            if m.group(0)[:1].isupper() or busy.overlaps(m.start(), m.end()):
                continue
            lemma = _past_verb_lemma(m.group(0))
            if lemma is None or events_yaml()["reporting"].fullmatch(m.group(0)):
                continue
            if _after_determiner(text, m.start()):
                continue  # "the damaged yacht": a participle used as an adjective
            found.append(Trigger(m.start(), m.end(), f"{PREDICATE}{lemma}", m.group(0), "predicate"))
        ctx.memo[key] = found
    return ctx.memo[key]


def _weekday_bound_to(ctx: Context, sentence: Sentence, t: TimeExpression, trig: Trigger) -> bool:
    """Without a calendar date, a weekday is read as the day of an event word only when nothing
    stands between them that would take it: another verb ("figures published Monday showed the
    collision ..."), or, for an event word after the weekday, a preposition that makes the event
    word a circumstance ("the ferries sailed again on Monday after the collision")."""
    after = trig.start >= t.end
    lo, hi = (t.end, trig.start) if after else (trig.end, t.start)
    verbs, prepositions = _weekday_takers(ctx, sentence)
    if bisect.bisect_left(verbs, hi) > bisect.bisect_left(verbs, lo):
        return False
    return not (after and bisect.bisect_left(prepositions, hi) > bisect.bisect_left(prepositions, lo))


def _weekday_takers(ctx: Context, sentence: Sentence) -> tuple[list[int], list[int]]:
    """Where the words of a sentence start that can take a weekday from an event word beyond
    them: verbs (a participle after a determiner is an adjective) and prepositions. Found once
    per sentence, so that each weekday costs two bisections whatever the distance."""
    key = ("weekday takers", sentence.start, sentence.end)
    if key not in ctx.memo:
        text = ctx.article.text
        verbs, prepositions = [], []
        for m in _BETWEEN_WORD.finditer(text, sentence.start, sentence.end):
            word = m.group(0)
            if function_word_class(word) == "prepositions":
                prepositions.append(m.start())
            if _only_a_verb(word) and not _after_determiner(text, m.start()):
                verbs.append(m.start())
        ctx.memo[key] = (verbs, prepositions)
    return ctx.memo[key]


def _after_determiner(text: str, pos: int) -> bool:
    """Does a determiner end right before ``pos``? A participle there is an adjective ("the
    damaged yacht", "a flooded road"), not a verb."""
    return function_word_class((word_ending_at(text, pos) or "").casefold()) == "determiners"


# a day of a month with no year: TIMEX3's "XXXX-03-14"
_YEARLESS_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)")


def _undated_event_claim(ctx, sentence, clause, t, trig, participants, kind: str) -> Claim:
    """What an article with no publication date says about when an event happened, as written:
    the weekday ("the plant closed on Friday": ``event_weekday``, also where a date the text
    gives placed it in the calendar) or the day of the month without its year ("on 14 March":
    ``event_day``, written as ISO 8601 writes a day of every year, "--03-14")."""
    if kind == "event_weekday":
        value, noun = t.weekday, "weekday"
        how = "the weekday as written (the article has no publication date to place it by)" if t.calendar \
            else "a weekday the article gives no calendar date for"
    else:
        month, day = _YEARLESS_DAY.fullmatch(t.value).groups()
        value, noun, how = f"--{month}-{day}", "day", "a day of the month in a year the article does not give"
    part = _part_cue(ctx, clause, t) or "date"
    subject = {"start": "{} the {} began", "end": "{} the {} ended", "date": "{} of the {}"}[part]
    # a verb alone says little of which event it reports: the names around it say more
    names = {"names": ",".join(_clause_names(ctx, clause))} if trig.cls.startswith(PREDICATE) else {}
    if names:
        how += f"; the event is what {trig.word!r} reports, told apart by the names {names['names']!r}"
    return ctx.claim(kind=kind, subject=subject.format(noun, label(trig.cls)),
                     key=trig.cls, value=value, start=min(t.start, trig.start), end=max(t.end, trig.end),
                     derivation=f"{t.text!r}, {how}", sentence=sentence,
                     attrs={"part": part, "instant": int(is_instant(trig.cls)), "trigger": trig.word,
                            "trigger_at": trig.start, "label": label(trig.cls),
                            "distance": min(abs(t.start - trig.end), abs(trig.start - t.end)),
                            "participants": ",".join(sorted(participants)), "tense": t.tense, **names})


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*[\w]")


def _clause_names(ctx: Context, clause: Clause) -> list[str]:
    """The capitalised words of a clause outside its time expressions, folded and without a
    possessive ending, leaving out function words ("The", "On"). Found once per clause."""
    key = ("clause names", clause.start, clause.end)
    if key not in ctx.memo:
        busy = SpanIndex((x.start, x.end) for x in ctx.timexes_in(clause.start, clause.end))
        found = set()
        for m in _CAPITALISED.finditer(ctx.article.text, clause.start, clause.end):
            if busy.holds(m.start()) or function_word_class(m.group(0).casefold()):
                continue
            found.add(re.sub(r"['’]s$", "", m.group(0)).casefold())
        ctx.memo[key] = sorted(found)
    return ctx.memo[key]


def _history_claim(ctx, sentence, t, history, trig, participants) -> Claim:
    first, last = bounds(t.calendar)
    cls = trig.cls if trig else ""
    what = "earlier occurrence" if history == "previous" else "first occurrence (start of the series)"
    subject = f"{what} of the {label(cls)}" if cls else what
    return ctx.claim(kind="history", subject=subject, key=history, value=t.calendar,
                     start=t.start, end=t.end, derivation=_derivation(t), sentence=sentence,
                     attrs={"class": cls, "first": first, "last": last,
                            "vocabulary": trig.vocabulary if trig else None,
                            "participants": ",".join(sorted(participants))})


def _duration_or_since(ctx, sentence, clauses, index, t, triggers, picker=None) -> list[Claim]:
    """A stated length of an event ("a two-day visit"), or "the first ... in eight years"."""
    text = ctx.article.text
    clause = clauses[index]
    hl = _history_lexicon()
    picker = picker or TriggerPicker(triggers, clauses)
    out: list[Claim] = []
    m = re.fullmatch(r"P(\d+)Y", t.duration or t.value or "")
    anchor = anchor_date(ctx)
    if m and re.search(r"\bin\s*$", text[max(sentence.start, t.start - 6):t.start]) and _occurs_before(
            hl["first"], sentence.text, t.start - sentence.start, ctx.memo, ("first", sentence.start)):
        if anchor is not None:
            year = anchor.year - int(m.group(1))
            trig = picker.pick(index, t)
            cls = trig.cls if trig else ""
            participants = _participants(ctx, sentence, clause, cls)
            derivation = (f"{t.text!r}: {m.group(1)} years before {ctx.article.anchor.how} "
                          f"({anchor.isoformat()}) -> {year}")
            out.append(ctx.claim(kind="history", subject=f"earlier occurrence of the {label(cls)}" if cls else
                                 "earlier occurrence", key="previous", value=str(year), start=t.start, end=t.end,
                                 derivation=derivation, sentence=sentence,
                                 attrs={"class": cls, "first": str(year), "last": str(year),
                                        "participants": ",".join(sorted(participants))}))
        return out
    length = _duration_length(t.duration or t.value)
    if length is None:
        return out
    # only dates within 60 characters of the length count: look at those alone
    nearby = ctx.timexes_in(sentence.start, sentence.end, starting_from=t.start - 60, starting_by=t.start + 60)
    if any(x.type == "DATE" and x.calendar and clause.start <= x.start < clause.end and abs(x.start - t.start) <= 60
           and before_anchor(ctx, x.calendar, days=60) for x in nearby):
        return out  # "In 2019, he received a two-year ban": the length of an earlier one
    amount, unit = length
    days = amount * {"D": 1, "W": 7}.get(unit, 0)
    # the length must describe the event: "a two-day visit", "will continue for four days"
    follow = _FOLLOWING_WORDS.match(text, t.end, max(t.end, clause.end))
    trig = None
    if follow:
        # the first event word (in sentence order) starting within the words that follow
        i = bisect.bisect_left(picker.starts, t.end)
        if i < len(triggers) and triggers[i].start <= t.end + len(follow.group(0)) + 1:
            trig = triggers[i]
    if trig is None and _LENGTH_CUE.search(text[max(clause.start, t.start - CUE_REACH):t.start]):
        trig = picker.pick(index, t)
    if trig is None:
        return out
    participants = _participants(ctx, sentence, clause, trig.cls)
    value = f"P{days}D" if days else f"P{amount}{unit}"
    words = {"D": "day", "W": "week", "M": "month", "Y": "year"}[unit] if not days else "day"
    shown = days or amount
    out.append(ctx.claim(kind="duration", subject=f"length of the {label(trig.cls)}", key=trig.cls,
                         value=value, start=min(t.start, trig.start), end=max(t.end, trig.end),
                         derivation=f"{t.text!r}: {shown} {words}{'s' if shown != 1 else ''}", sentence=sentence,
                         attrs={"days": days or None, "amount": amount, "unit": unit if not days else "D",
                                "participants": ",".join(sorted(participants)), "trigger": trig.word}))
    return out


_FOLLOWING_WORDS = re.compile(r"\s*(?:[\w-]+\s+){0,2}?([\w-]+)")
_LENGTH_CUE = re.compile(r"\b(?:for|lasting|lasted|last|lasts|run|runs|ran|continue|continues|"
                         r"continued|will continue for)\s*$")


def _duration_length(value: str | None) -> tuple[int, str] | None:
    """A stated length as (amount, unit): P3D -> (3, "D"), P4Y -> (4, "Y")."""
    m = re.fullmatch(r"P(\d+)([DWMY])", value or "")
    return (int(m.group(1)), m.group(2)) if m else None


def _weekday_claims(ctx: Context, sentence: Sentence, t: TimeExpression) -> list[Claim]:
    """"Wednesday, 7 October 2025": a weekday and a calendar day given together."""
    if not t.weekday or not t.calendar or not re.fullmatch(r"\d{4}-\d\d-\d\d", t.calendar):
        return []
    if not re.search(r"\d", t.text):
        return []  # the day was worked out from the weekday itself
    day = dt.date.fromisoformat(t.calendar)
    actual = WEEKDAYS[day.weekday()]
    said = t.weekday.capitalize()
    attrs = {"weekday": said, "actual": actual, "date": t.calendar, "match": int(actual == said)}
    derivation = _derivation(t)
    common = dict(kind="weekday", subject=f"weekday of {t.calendar}", key=t.calendar, start=t.start, end=t.end,
                  sentence=sentence, attrs=attrs)
    return [ctx.claim(value=said, derivation=f"weekday named in {t.text!r}", **common),
            ctx.claim(value=t.calendar, derivation=f"{derivation}; {t.calendar} is a {actual}", **common)]


_FIRST_SINCE = re.compile(r"\bthe first\b(?P<what>(?:\s+[\w'’-]+){1,6}?)\s+(?:to\s+[\w-]+\s+)?(?:[\w\s,'’-]{0,80}?)\bsince\b",
                          re.I)


def _novelty_claims(ctx: Context, sentence: Sentence, clauses, triggers: list[Trigger]) -> list[Claim]:
    hl = _history_lexicon()
    out: list[Claim] = []
    # "the first runoff in Opole since Poland introduced direct elections in 2002": first since a date
    for m in _FIRST_SINCE.finditer(sentence.text):
        start = sentence.start + m.start()
        after_since = ctx.timexes_in(sentence.start + m.end(), sentence.end)
        if not after_since or not after_since[0].calendar or hl["since"].search(
                ctx.article.text[sentence.start + m.end() - 6:after_since[0].start]) and \
                after_since[0].start - (sentence.start + m.end()) <= 6:
            continue  # "the first change since 6 August" is a previous occurrence, handled as history
        own = [tr for tr in triggers if start <= tr.start < sentence.start + m.end()]
        if not own:
            continue
        trig = own[0]
        bound = after_since[0]
        clause = clauses[_clause_index(clauses, start)]
        participants = _participants(ctx, sentence, clause, trig.cls)
        out.append(ctx.claim(kind="novelty", subject=f"whether the {label(trig.cls)} is the first",
                             key=trig.cls, value="first", start=start, end=sentence.start + m.end(),
                             derivation=f"'the first {trig.word} ... since' {bound.text!r} ({bound.calendar})",
                             sentence=sentence,
                             attrs={"participants": ",".join(sorted(participants)), "trigger": trig.word,
                                    "since": bound.calendar.split("/")[0]}))
    for m in hl["novelty"].finditer(sentence.text):
        start = sentence.start + m.start()
        index = _clause_index(clauses, start)
        clause = clauses[index]
        if hl["negation"].search(clause.text):
            continue
        own = [tr for tr in triggers if clause.start <= tr.start < clause.end]
        if not own:
            continue
        trig = min(own, key=lambda tr: abs(tr.start - start))
        cue = m.group(0).casefold()
        if "time" in cue:
            # "being held for the first time" says the event is new; "for the first time, lava
            # flowed across the road" says something else about it is new
            if not re.search(r"\b(?:held|hosted|staged|organi[sz]ed|taking place|takes place|took place|"
                             r"being held|convened)\s+(?:here\s+)?$", sentence.text[:m.start()], re.I):
                continue
        elif not (start <= trig.start <= start + len(m.group(0)) + 40):
            continue  # "first-ever joint exercise", "maiden flight": the event word follows the cue
        participants = _participants(ctx, sentence, clause, trig.cls)
        out.append(ctx.claim(kind="novelty", subject=f"whether the {label(trig.cls)} is the first",
                             key=trig.cls, value="first", start=min(start, trig.start),
                             end=max(start + len(m.group(0)), trig.end),
                             derivation=f"{m.group(0)!r} said of the {trig.word}", sentence=sentence,
                             attrs={"participants": ",".join(sorted(participants)), "trigger": trig.word}))
    # "the second edition": an earlier edition exists
    return out
