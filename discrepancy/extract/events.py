"""Event claims: when an event (or a part of it) happened, earlier occurrences (history),
"first-ever" claims (novelty), stated lengths (duration), and weekday/date pairs.

An event is found through a trigger word from rules/lexicons/events.yaml; a date belongs to
the trigger in its own clause, or to the nearest one earlier in the sentence.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from discrepancy.extract.context import Clause, Context, lexicon, word_pattern
from discrepancy.extract.participants import countries_in
from discrepancy.lexicon_schema import compile_data_regex
from discrepancy.models import Claim
from discrepancy.text import Sentence
from discrepancy.timex import TimeExpression

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


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


@lru_cache(maxsize=1)
def _event_lexicon():
    lex = lexicon("events.yaml")
    classes = lex["classes"]
    trigger_class: dict[str, str] = {}
    for name, spec in classes.items():
        for word in spec.get("triggers", []):
            trigger_class.setdefault(word.casefold().rstrip("*"), name)
    trigger_re = word_pattern(tuple(w for spec in classes.values() for w in spec.get("triggers", [])))
    patterns = [(name, compile_data_regex(p)) for name, spec in classes.items() for p in spec.get("patterns", [])]
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
    }


def _class_of(word: str) -> str | None:
    lex = _event_lexicon()
    key = word.casefold()
    if key in lex["trigger_class"]:
        return lex["trigger_class"][key]
    for trig, name in lex["trigger_class"].items():
        if key.startswith(trig) and len(trig) >= 5:  # manoeuvre* and the like
            return name
    return None


def label(cls: str) -> str:
    """How reports name an event class."""
    return _event_lexicon()["classes"].get(cls, {}).get("label", cls)


def is_instant(cls: str) -> bool:
    """Does one event of this class happen on one day?"""
    return bool(_event_lexicon()["classes"].get(cls, {}).get("instant"))


# each capitalised word is taken whole (\b), so a long capitalised run cannot be split in
# exponentially many ways while the pattern backtracks
_EVENT_NAME = re.compile(r"(?<![\w-])((?:[A-Z]\w*\b(?:[ -](?=[A-Z]))?)+)\s*[-–—]?\s*((?:19|20)\d\d)(?![\w-])"
                         r"|(?<![\w-])([A-Z]{3,}(?:-\d+)?)(?![\w-])")


def _fold_event_name(name: str) -> str:
    return re.sub(r"[\s\-–—]+", " ", name).strip().casefold()


def event_names(ctx: Context) -> dict[str, str]:
    """Named events an article introduces with an event word beside the name: "the Aras 2025
    military exercise", "exhibition ETLEX-2025", "ETLEX, the textile and leather fair"."""
    found: dict[str, str] = {}
    text = ctx.article.text
    for sentence in ctx.sentences:
        triggers = triggers_in(sentence.text, sentence.start)
        for m in _EVENT_NAME.finditer(sentence.text):
            name = m.group(1) or m.group(3)
            if not name or name.casefold() in ("the", "a"):
                continue
            start, end = sentence.start + m.start(), sentence.start + m.end()
            for tr in triggers:
                gap_before = text[tr.end:start] if tr.end <= start else None
                gap_after = text[end:tr.start] if tr.start >= end else None
                has_year = bool(m.group(2))
                if (gap_before is not None and not gap_before.strip() and has_year) or (
                        gap_after is not None and (len(gap_after.split()) <= 2 and "," not in gap_after and has_year
                                                   or re.fullmatch(r",\s+(?:the|a|an)\s+[^,.;]{0,60}", gap_after))):
                    found.setdefault(_fold_event_name(name), tr.cls)
                    break
    return found


def triggers_in(text: str, offset: int, busy: tuple[tuple[int, int], ...] = (),
                named: tuple[tuple[str, str], ...] = ()) -> list[Trigger]:
    """Event words in a sentence, leaving out words that are part of a proper name or of a
    compound naming something else ("Fire brigade", "Garuda Launch Systems"), and words inside
    the ``busy`` spans (time expressions: "March 20" is no march)."""
    lex = _event_lexicon()
    found: list[Trigger] = []
    for m in lex["trigger_re"].finditer(text):
        if any(s < offset + m.end() and offset + m.start() < e for s, e in busy):
            continue
        word = m.group(0)
        after = re.match(r"\s*([\w-]+)", text[m.end():])
        if " " not in word and after and after.group(1).casefold() in lex["not_before"]:
            continue
        before = re.search(r"([\w-]+)\s*$", text[:m.start()])
        if word[:1].isupper() and m.start() > 0 and (
                (after and after.group(1)[:1].isupper()) or (before and before.group(1)[:1].isupper()
                                                             and before.group(1).casefold() not in ("the", "a"))):
            continue  # inside a capitalised name
        cls = _class_of(word)
        if cls:
            found.append(Trigger(offset + m.start(), offset + m.end(), cls, word))
    for cls, pattern in lex["patterns"]:
        trigger = pattern.groupindex.get("trigger", 0)  # RE2 matches take group numbers only
        for m in pattern.finditer(text):
            found.append(Trigger(offset + m.start(trigger), offset + m.end(trigger), cls, m.group(trigger)))
    if named:
        classes = dict(named)
        for m in _EVENT_NAME.finditer(text):
            name = m.group(1) or m.group(3)
            cls = classes.get(_fold_event_name(name or ""))
            if cls and not any(t.start <= offset + m.start() < t.end for t in found):
                found.append(Trigger(offset + m.start(), offset + m.end(), cls, m.group(0)))
    return sorted(found, key=lambda t: t.start)


def _is_other_occurrence(ctx: Context, trig: Trigger) -> bool:
    before = ctx.article.text[max(0, trig.start - 40):trig.start].casefold().split()
    return any(w.strip(",'’s") in _event_lexicon()["other"] for w in before[-3:])


def _clause_index(clauses: tuple[Clause, ...], offset: int) -> int:
    for i, c in enumerate(clauses):
        if c.start <= offset < c.end:
            return i
    return max(0, len(clauses) - 1)


def _part_cue(ctx: Context, clause: Clause, t: TimeExpression) -> str | None:
    """start/end when a cue in the clause (before the date, or right after it) says so."""
    text = ctx.article.text
    before = text[clause.start:t.start]
    for part, pattern in _event_lexicon()["prepositions"].items():
        if pattern.search(before[-20:]):
            return part
    for part in ("end", "start"):
        pattern = _event_lexicon()["parts"][part]
        hits = [m for m in pattern.finditer(before)]
        if hits and len(before) - hits[-1].end() <= 60:
            return part
    return None


def _after_reporting_verb(ctx: Context, clause: Clause, t: TimeExpression) -> bool:
    """"said on Friday": the date is when something was said, not when the event happened."""
    before = ctx.article.text[clause.start:t.start]
    m = None
    for m in _event_lexicon()["reporting"].finditer(before):
        pass
    if not m:
        return False
    gap = before[m.end():]
    return len(gap.split()) <= 3 and not any(p.search(gap) for p in _event_lexicon()["parts"].values())


_ALREADY_DATED = re.compile(r"\b(?:(?:19|20)\d\d|last year's|last week's|last month's|yesterday's)\s+(?:[\w-]+\s+)?$",
                            re.I)
_REFERENCE_POINT = re.compile(r"\b(?:after|following|before|ahead of|prior to|since|until|despite)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+)?$", re.I)


def _text_before(clauses: tuple[Clause, ...], trig: Trigger) -> str:
    """Up to 40 characters of its clause before an event word."""
    for c in clauses:
        if c.start <= trig.start < c.end:
            return c.text[max(0, trig.start - c.start - 40):trig.start - c.start]
    return ""


def _pick_trigger(triggers: list[Trigger], clauses: tuple[Clause, ...], index: int, t: TimeExpression) -> Trigger | None:
    """The event a date belongs to: the nearest event word before it in its clause; else one
    shortly after it in the clause ("on Tuesday signed"); else the nearest in an earlier clause
    of the sentence ("a blaze that started on 2 August")."""
    start_cues = _event_lexicon()["parts"]["start"]

    def plain(cands: list[Trigger]) -> list[Trigger]:
        # "launched" as a start cue beside "exercise": the noun names the event; "the 2014 fatal
        # shooting" already carries its own date and takes no other
        cands = [c for c in cands if not _ALREADY_DATED.search(_text_before(clauses, c)[-25:])]
        return [c for c in cands if not start_cues.fullmatch(c.word)] or cands

    clause = clauses[index]
    # "rose on Tuesday following the launch": in the date's own clause, an event word after
    # "following"/"after" is the point something else is measured from, not what is dated
    own = plain([tr for tr in triggers if clause.start <= tr.start < clause.end
                 and not (tr.start > t.start and _REFERENCE_POINT.search(_text_before(clauses, tr)))])
    before = [tr for tr in own if tr.end <= t.start]
    after = [tr for tr in own if tr.start >= t.end and tr.start - t.end <= 60]
    if before and t.start - before[-1].end <= 120:
        return max(before, key=lambda tr: tr.end)
    if after:
        return min(after, key=lambda tr: tr.start)
    for j in range(index - 1, -1, -1):
        earlier = plain([tr for tr in triggers if clauses[j].start <= tr.start < clauses[j].end])
        if earlier:
            return max(earlier, key=lambda tr: tr.end)
    if before:
        return max(before, key=lambda tr: tr.end)
    # "X on Monday became ..., when its rocket lifted off": a when/as clause right after
    if index + 1 < len(clauses) and re.match(r"\s*(?:when|as|after)\b", clauses[index + 1].text, re.I):
        later = [tr for tr in triggers if clauses[index + 1].start <= tr.start < clauses[index + 1].end]
        if later:
            return min(later, key=lambda tr: tr.start)
    return None


_DATELINE = re.compile(r"^[A-ZÀ-Þ][\w .'’-]{1,40},\s*$")


def _is_dateline(ctx: Context, sentence: Sentence, t: TimeExpression) -> bool:
    """"BAKU, Sept 15 (Caspian Wire) –" or a paragraph that is only a date: when the article
    was filed, not when anything in it happened."""
    text = ctx.article.text
    para_start = text.rfind("\n\n", 0, t.start)
    para_start = 0 if para_start < 0 else para_start + 2
    head = text[para_start:t.start]
    if re.search(r"\b(?:posted|updated|published|last updated|first published|modified)\s*(?:on)?\s*:?\s*$",
                 text[max(0, t.start - 25):t.start], re.I):
        return True  # web page furniture: "Posted: Thursday, August 6, 2015"
    if not head.strip() or _DATELINE.match(head):
        after = text[t.end:t.end + 60]
        if re.match(r"\s*(?:\([^)]*\))?\s*(?:[–—-]|\.|$|\n)", after):
            return True
    return False


def _bounds(calendar: str) -> tuple[str, str]:
    """First and last ISO value of a calendar value (a range's ends, or the value twice)."""
    if "/" in calendar:
        a, b = calendar.split("/", 1)
        return a, b
    return calendar, calendar


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


@lru_cache(maxsize=64)
def class_participants(ctx: Context) -> dict[str, frozenset[str]]:
    """Per event class, the countries named most often in the article's sentences about it."""
    counts: dict[str, dict[str, int]] = {}
    for sentence in ctx.sentences:
        found = countries_in(sentence.text)
        if not found:
            continue
        for cls in {t.cls for t in triggers_in(sentence.text, sentence.start, (), ctx.event_names)}:
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


def _anchor_date(ctx: Context) -> dt.date | None:
    return ctx.article.anchor.date if ctx.article.anchor else None


def _before_anchor(ctx: Context, calendar: str, days: int = 20) -> bool:
    anchor = _anchor_date(ctx)
    if anchor is None:
        return True
    last = _bounds(calendar)[1]
    end = _period_end(last)
    return end < anchor - dt.timedelta(days=days)


def _period_end(value: str) -> dt.date:
    parts = value.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return dt.date(year, 12, 31)
    month = int(parts[1])
    if len(parts) == 2:
        return dt.date(year, month, 1) + relativedelta(months=1, days=-1)
    return dt.date.fromisoformat(value)


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


def _history_kind(ctx: Context, sentence: Sentence, clause: Clause, t: TimeExpression,
                  triggers: list[Trigger]) -> str | None:
    """``previous`` or ``origin`` when the date gives an earlier occurrence, else None."""
    hl = _history_lexicon()
    text = ctx.article.text
    before_clause = text[clause.start:t.start]
    before_sentence = text[sentence.start:t.start]
    origin = hl["origin"].search(before_clause[-40:]) or hl["origin"].search(text[clause.start:clause.end]) and \
        re.search(r"\b(?:inaugural|first (?:one|edition))\b", clause.text, re.I)
    if origin:
        # "the series began in 2021", "ETLEX, which was first held in": the thing that began must be
        # an occurrence of an event, not "Construction began in 2017"
        scope = clause.text
        if re.match(r"\s*(?:which|that|who)\b", clause.text, re.I):
            # "the second edition of ETLEX, which was first held in": the antecedent counts
            scope = text[sentence.start:clause.end]
        words = re.findall(r"[\w'’-]+", scope)
        cue_words = set(re.findall(r"[\w'’-]+", origin.group(0).casefold()))
        if any((_class_of(w) and w.casefold() not in cue_words) or hl["occurrence"].fullmatch(w) for w in words) \
                or any(" " in tr.word or tr.word[:1].isupper() for tr in triggers
                       if sentence.start + sentence.text.find(scope) <= tr.start < clause.end
                       and tr.word.casefold() not in cue_words):
            return "origin"
        return None
    if hl["since"].search(before_clause[-12:]) and hl["first"].search(before_sentence):
        return "previous"
    # "the rocket's first launch attempt, in August 2024": the first occurrence, dated
    for m in re.finditer(r"\bfirst\b((?:\s+[\w'’-]+){1,3})", text[clause.start:clause.end], re.I):
        words = re.findall(r"[\w'’-]+", m.group(1))
        between = text[clause.start + m.end():t.start]
        if any(_class_of(w) or hl["occurrence"].fullmatch(w) for w in words) and \
                clause.start + m.start() < t.start and len(between) <= 30 and not hl["since"].search(between) and \
                _before_anchor(ctx, t.calendar, days=20):
            return "origin"
    previous = hl["previous"]
    for m in previous.finditer(text[clause.start:clause.end]):
        follow = text[clause.start + m.end():clause.end]
        words = re.findall(r"[\w'’-]+", follow)[:4]
        if any(_class_of(w) or hl["occurrence"].fullmatch(w) for w in words):
            return "previous"
    if hl["same"].search(sentence.text) and _before_anchor(ctx, t.calendar, days=60):
        return "previous"
    # "the second fire in five years, after a tank fire in 2020": an event long before, named
    # as what came before this one
    after = re.search(r"\b(?:after|following)\s+(?:a|an|the)\s+((?:[\w-]+\s+){0,2}[\w-]+)\s+(?:in|on)\s*$",
                      text[clause.start:t.start], re.I)
    if after and any(_class_of(w) for w in after.group(1).split()) and _before_anchor(ctx, t.calendar, days=90):
        return "previous"
    return None


@lru_cache(maxsize=1)
def _denial_pattern() -> re.Pattern:
    return word_pattern(tuple(lexicon("stance.yaml")["denial_cues"]))


def extract(ctx: Context) -> list[Claim]:
    """Every event, history, novelty, duration and weekday claim of one article."""
    claims: list[Claim] = []
    denial = _denial_pattern()
    for sentence in ctx.sentences:
        clauses = ctx.clauses(sentence)
        if not clauses or denial.search(sentence.text):
            continue  # "officials denied reports that the drill began on Monday": not a claim
        in_sentence = ctx.timexes_in(sentence.start, sentence.end)
        triggers = triggers_in(sentence.text, sentence.start, tuple((t.start, t.end) for t in in_sentence),
                               ctx.event_names)
        pending: list[Claim] = []
        for t in in_sentence:
            index = _clause_index(clauses, t.start)
            clause = clauses[index]
            claims.extend(_weekday_claims(ctx, sentence, t))
            if t.type == "DURATION" or t.duration:
                claims.extend(_duration_or_since(ctx, sentence, clauses, index, t, triggers))
                continue
            if t.type not in ("DATE", "TIME") or not t.calendar:
                continue
            if _after_reporting_verb(ctx, clause, t) or _is_dateline(ctx, sentence, t):
                continue
            if re.search(r"\bby\s+(?:the\s+)?$", ctx.article.text[max(0, t.start - 8):t.start], re.I):
                continue  # "12 million cubic metres had erupted by Thursday": a tally, not when it began
            since = bool(re.search(r"\bsince\s+$", ctx.article.text[max(0, t.start - 8):t.start], re.I))
            trig = _pick_trigger(triggers, clauses, index, t)
            history = _history_kind(ctx, sentence, clause, t, triggers)
            if history and trig is not None and _history_lexicon()["origin"].search(
                    ctx.article.text[trig.start:trig.end + 4]):
                trig = _pick_trigger([tr for tr in triggers if tr != trig], clauses, index, t)
            participants = _participants(ctx, sentence, clause, trig.cls if trig else "")
            if history and _before_anchor(ctx, t.calendar, days=3):
                claims.append(_history_claim(ctx, sentence, t, history, trig, participants))
                continue
            # "Yesterday, the ministers held talks and witnessed the signing": a date that opens
            # the sentence dates every event its clause reports
            governed = _opening_date_events(ctx, sentence, clause, t, triggers)
            if len(governed) > 1 or (trig is None and governed):
                for event in governed:
                    pending.append(_event_claim(ctx, sentence, clause, t, event,
                                                _participants(ctx, sentence, clause, event.cls)))
                continue
            if trig is None:
                continue
            if _is_other_occurrence(ctx, trig) or since:
                continue  # "had run the city since 2014, resigned in March": 2014 dates no resignation
            pending.append(_event_claim(ctx, sentence, clause, t, trig, participants))
        claims.extend(_one_date_per_part(pending))
        claims.extend(_novelty_claims(ctx, sentence, clauses, triggers))
    return claims


def _opening_date_events(ctx: Context, sentence: Sentence, clause: Clause, t: TimeExpression,
                         triggers: list[Trigger]) -> list[Trigger]:
    """The first event word of each kind in the clause a sentence-opening date governs, up to
    any verb of saying (what follows "said" is reported, not dated)."""
    text = ctx.article.text
    if re.sub(r"^(?:on|in|at|late|early|by)\s+", "", text[sentence.start:t.start].strip(), flags=re.I):
        return []
    said = _event_lexicon()["reporting"].search(text, t.end, clause.end)
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
    first, last = _bounds(t.calendar)
    if _is_span(t):
        part = "span"
    else:
        part = _part_cue(ctx, clause, t) or "date"
        if "/" in t.calendar:
            part = "date"  # a period such as "last week": the date lies somewhere inside it
    instant = is_instant(trig.cls)
    what = {"start": "start", "end": "end", "span": "dates", "date": "date"}[part]
    tense = t.tense
    anchor = _anchor_date(ctx)
    if tense is None and anchor is not None:
        # a date wholly before the article's date is in its past, one wholly after in its future
        if _period_end(last) < anchor:
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


def _history_claim(ctx, sentence, t, history, trig, participants) -> Claim:
    first, last = _bounds(t.calendar)
    cls = trig.cls if trig else ""
    what = "earlier occurrence" if history == "previous" else "first occurrence (start of the series)"
    subject = f"{what} of the {label(cls)}" if cls else what
    return ctx.claim(kind="history", subject=subject, key=history, value=t.calendar,
                     start=t.start, end=t.end, derivation=_derivation(t), sentence=sentence,
                     attrs={"class": cls, "first": first, "last": last,
                            "participants": ",".join(sorted(participants))})


def _duration_or_since(ctx, sentence, clauses, index, t, triggers) -> list[Claim]:
    """A stated length of an event ("a two-day visit"), or "the first ... in eight years"."""
    text = ctx.article.text
    clause = clauses[index]
    hl = _history_lexicon()
    before = text[sentence.start:t.start]
    out: list[Claim] = []
    m = re.fullmatch(r"P(\d+)Y", t.duration or t.value or "")
    anchor = _anchor_date(ctx)
    if m and re.search(r"\bin\s*$", text[max(sentence.start, t.start - 6):t.start]) and hl["first"].search(before):
        if anchor is not None:
            year = anchor.year - int(m.group(1))
            trig = _pick_trigger(triggers, clauses, index, t)
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
    if any(x.type == "DATE" and x.calendar and clause.start <= x.start < clause.end and abs(x.start - t.start) <= 60
           and _before_anchor(ctx, x.calendar, days=60) for x in ctx.timexes_in(sentence.start, sentence.end)):
        return out  # "In 2019, he received a two-year ban": the length of an earlier one
    amount, unit = length
    days = amount * {"D": 1, "W": 7}.get(unit, 0)
    # the length must describe the event: "a two-day visit", "will continue for four days"
    after = text[t.end:clause.end]
    follow = re.match(r"\s*(?:[\w-]+\s+){0,2}?([\w-]+)", after)
    trig = None
    if follow:
        for tr in triggers:
            if t.end <= tr.start <= t.end + len(follow.group(0)) + 1:
                trig = tr
                break
    if trig is None and re.search(r"\b(?:for|lasting|lasted|last|lasts|run|runs|ran|continue|continues|"
                                  r"continued|will continue for)\s*$", text[clause.start:t.start]):
        trig = _pick_trigger(triggers, clauses, index, t)
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
