"""Number claims: counts and amounts, with the thing counted, its unit and how exact it is.

"twelve" = 12, "1.2 million" = 1200000, "EUR 45m" = "45 million euros", "4,200 hectares" =
"42 square kilometres". A figure reported only to be denied is kept out; a figure that a
later report says "rose to" is marked as a revision.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from discrepancy.extract.context import CUE_REACH, Context, clause_index, lexicon, word_pattern
from discrepancy.extract.event_words import SpanIndex, before_anchor, label, open_triggers, sentence_triggers
from discrepancy.models import Claim

_NOUN_STOP = {"and", "or", "of", "in", "on", "at", "to", "from", "by", "for", "with", "were", "was", "are", "is",
              "had", "have", "has", "will", "would", "could", "the", "a", "an", "that", "which", "who", "as",
              "than", "into", "per", "each", "this", "its", "their", "his", "her", "after", "before", "when", "while",
              "took", "take", "said", "says", "according", "more", "less", "be", "been", "being", "later", "earlier",
              "they", "it", "we", "he", "she", "you", "i", "them", "us", "there", "here", "those", "these", "who",
              "what", "not", "no", "out", "up", "down", "off", "about", "over", "under", "between", "through"}


_OVER_AS_MORE_THAN = {"of", "with", "to", "for", "by", "at", "in", "and", "from", "reached", "were", "was", "are",
                      "is", "have", "has", "had", "killed", "injured", "took", "drew", "involved", "employs",
                      "include", "includes", "including", "saw", "attracted", "raised", "cost", "costs", "spent",
                      "paid", "than", "just", "well", "slightly", "some", "that", "while", "when", "where"}
"""Words after which "over N" means "more than N"; after others ("a strike over N39 billion")
"over" means "about" and says nothing of the amount."""


@lru_cache(maxsize=1)
def _lex():
    lex = lexicon("numbers.yaml")
    words = {k.casefold(): float(v) for k, v in lex["words"].items()}
    compound = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)"
    word_alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    scales = {k.casefold(): float(v) for k, v in lex["scales"].items()}
    scale_alt = "|".join(re.escape(s) for s in sorted(scales, key=len, reverse=True))
    currencies = {k.casefold(): v for k, v in lex["currencies"].items()}
    # before a figure a currency in letters is a code or an abbreviation, written with a capital
    # ("USD 40", "Rs 40", "KSh 300"); in lower case it is a word of the sentence ("won 12 seats")
    cur_before = "|".join(re.escape(c) if not c.isalpha() else r"(?-i:(?=[A-Z]))" + re.escape(c)
                          for c in sorted(currencies, key=len, reverse=True) if not c.isalpha() or len(c) <= 3)
    number = (rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{compound}|(?:{word_alt}))")
    pattern = re.compile(
        rf"(?:(?<![\w.,/:-])|(?<=(?-i:N)))(?:(?P<cur>{cur_before}|(?<![\w])(?-i:N)(?=\d))\s?)?{number}"
        rf"(?![a-z])(?:[\s-]?(?P<scale>{scale_alt})\b)?(?P<hyphen>-)?",  # "$143-billion" as "$143 billion"
        re.I)
    units = {k.casefold(): (v[0], float(v[1])) for k, v in lex["units"].items()}
    unit_re = re.compile(r"\s*(?P<unit>" + "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
                         + r")(?![\w])", re.I)
    approx = {kind: word_pattern(tuple(ws)) for kind, ws in lex["approximation"].items()}
    effects = {cls: word_pattern(tuple(ws)) for cls, ws in lex["effects"].items()}
    syn = {}
    for cls, ws in lex["synonyms"].items():
        for w in ws:
            syn[w.casefold()] = cls
    for w in lex["people_nouns"]:
        syn[w.casefold()] = "people"
    attributions = {who: word_pattern(tuple(ws)) for who, ws in lex["attributions"].items()}
    money_nouns = word_pattern(tuple(lex.get("money_nouns", [])))
    money_class = {w.casefold(): cls for cls, ws in (lex.get("money_synonyms") or {}).items() for w in ws}
    cur_after = re.compile(r"\s*(" + "|".join(re.escape(c) for c in sorted(currencies, key=len, reverse=True)
                                               if re.fullmatch(r"[a-z ]+", c)) + r")\b", re.I)
    return {
        "pattern": pattern, "words": words, "scales": scales, "currencies": currencies, "units": units,
        "unit_re": unit_re, "approx": approx, "tolerance": float(lex.get("approximate_tolerance", 0.1)),
        "tally": word_pattern(tuple(lexicon("stance.yaml").get("tally_cues", []))),
        "denial": word_pattern(tuple(lexicon("stance.yaml")["denial_cues"])), "revision": word_pattern(tuple(lexicon("stance.yaml")["revision_cues"])),
        "effects": effects, "synonyms": syn, "attributions": attributions, "money_nouns": money_nouns,
        "cur_after": cur_after, "money_class": money_class,
        "rate": _rate_pattern(lex.get("rate_markers", []), lex.get("rate_periods", []),
                              lex.get("rate_not_before", [])),
    }


def _rate_pattern(markers: list[str], periods: list[str], not_before: list[str]) -> re.Pattern | None:
    """What makes a figure a rate, matched after its counted thing: a marker and a period, not
    followed by a word that makes the period a time distance. The marker may follow an "of"
    phrase ("800 litres of brine a second"). None when numbers.yaml lists no markers or periods."""
    if not markers or not periods:
        return None

    def alt(words: list[str]) -> str:
        return "|".join(map(re.escape, words))
    guard = rf"(?!\s+(?:{alt(not_before)})\b)" if not_before else ""
    return re.compile(rf"\s*(?:of\s+[\w'’-]+\s+)?(?:{alt(markers)})\s+({alt(periods)})\b{guard}", re.I)


_REFERENCE_CUE = re.compile(r"(?:No\.?|number|\[|#|page|p\.)\s*$", re.I)
_OPENING_WORD = re.compile(r"(?:\b(?:The|A|An|In|On|At|Some|About|Nearly|More|Over|Around|Almost)\s)$")
_RANGE_CUE = re.compile(r"(?:\d\s*%?\s*(?:-|–)|\bbetween)\s*$")
_AGE_CUE = re.compile(r"\b(?:aged|age|ages|age of|ages of|in age from)\s*$", re.I)
_TOTAL_CUE = re.compile(r"\b(crowd|turnout|toll|attendance|number|figure|total|count)\b[^.]{0,50}$", re.I)
# what may follow a figure, matched at its end
_FOOTNOTE_CLOSE = re.compile(r"\s*\]")
# "$1 million (1.5 million Australian dollars)", "12 km (7.5 miles)": an amount or a measure in
# brackets right after another figure restates it in other units
_RESTATED_AFTER = re.compile(r"\d(?:[\d,.]*\d)?(?:[\s-]*[^\W\d_]+\.?){0,2}\s*\(\s*$")
_CLOCK_AFTER = re.compile(r"[:.]\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|local time)")
_AGE_AFTER = re.compile(r"-?(?:year|month|week|day)s?-old")
_APPOSITION_END = re.compile(r"\s*[,)]")
_PART_OF_COUNT = re.compile(r"\s+(?:other|others|more|additional|further|of them)\b", re.I)
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
_RANGE_AFTER = re.compile(r"\s*%?\s*(?:-|–|to)\s*[\d$€£]")
_DIGIT = re.compile(r"\d")
_PLURAL_NOUN_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?[a-z]+s\b")
_OR_MORE_AFTER = re.compile(r"\s*(?:-plus|\+|or more)")
_PLUS_AFTER = re.compile(r"-plus")
_NAME_PART_BEFORE = re.compile(r"[A-Z][\w-]*[- ]$")  # "Vayu-1", "Kura Shield 2025"
_NAME_COMMA_BEFORE = re.compile(r"[A-Z][\w'’-]*,\s*$")  # "Jaquise Lewis, 17,"
_SINCE_BEFORE = re.compile(r"\bsince\s*$", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her)\s*$", re.I)
_CUE_TAIL = 40
"""Characters at the end of the text before a figure that a cue of a few fixed words ending
there ("No.", "aged", "between") can span, with the space after it."""


def _ends_with(pattern: re.Pattern, before: str, reach: int = _CUE_TAIL) -> re.Match | None:
    """``pattern`` (anchored with $) matched at the end of ``before``, searching only the last
    ``reach`` characters, which is as far as the pattern can reach."""
    return pattern.search(before, max(0, len(before) - reach))


def _value(match: re.Match) -> float | None:
    lex = _lex()
    raw = match.group("num").casefold()
    if raw in lex["words"]:
        value = lex["words"][raw]
    elif "-" in raw and not raw[0].isdigit():
        tens, ones = raw.split("-")
        value = lex["words"][tens] + lex["words"][ones]
    else:
        value = float(raw.replace(",", ""))
    scale = match.group("scale")
    if scale:
        value *= lex["scales"][scale.casefold()]
    return value


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.6f}".rstrip("0").rstrip(".")


def _noun_after(text: str) -> tuple[str, int]:
    """The counted noun after a number: the last word of the noun phrase that follows."""
    words = []
    consumed = 0
    for m in re.finditer(r"\s*([A-Za-z][\w'’-]*)", text):
        if m.start() != consumed:
            break
        word = m.group(1)
        if word.casefold() in _NOUN_STOP or word[:1].isupper() and words:
            break
        if words and re.search(r"(?:ed|ing)$", word.casefold()) and len(word) > 4:
            break  # a verb after the noun phrase: "12 men died", "41 workers remained"
        words.append(word)
        consumed = m.end()
        if len(words) == 4:
            break
    if not words:
        return "", 0
    # in "fighter jets and" the head noun is the last word before a stop
    return words[-1].casefold(), consumed


def _noun_class(noun: str, phrase: str) -> str:
    lex = _lex()
    for w in (phrase.casefold(), noun):
        if w in lex["synonyms"]:
            return lex["synonyms"][w]
    stem = re.sub(r"(?:ies)$", "y", noun)
    stem = re.sub(r"(?<=[^s])s$", "", stem)
    return lex["synonyms"].get(stem, stem)


@lru_cache(maxsize=4096)
def _attribution(scope: str) -> str:
    """Who a stretch of text attributes its figures to (the first kind of source it names)."""
    for name, pat in _lex()["attributions"].items():
        if pat.search(scope):
            return name
    return ""


@lru_cache(maxsize=4096)
def _is_tally(scope: str) -> bool:
    return bool(_lex()["tally"].search(scope))


def extract(ctx: Context) -> list[Claim]:
    """Every count or amount in the article that says what it counts."""
    lex = _lex()
    text = ctx.article.text
    claims: list[Claim] = []
    timex_spans = SpanIndex((t.start, t.end) for t in ctx.timexes)
    sentences = ctx.sentences
    for si, sentence in enumerate(sentences):
        figures = list(lex["pattern"].finditer(sentence.text))
        if not figures:
            continue  # (its clauses and event words are left unread)
        if lex["denial"].search(sentence.text):
            continue
        nxt = sentences[si + 1] if si + 1 < len(sentences) else None
        if nxt and lex["denial"].search(nxt.text) and re.search(
                r"\b(?:the|this|that|these) (?:figure|figures|claim|claims|report|reports|number|numbers|estimate)\b|\bthis\b",
                nxt.text, re.I):
            continue  # the next sentence denies what this one reports
        in_sentence = ctx.timexes_in(sentence.start, sentence.end)
        # an old date dates the figures near it, except "(the first change) since April", which
        # dates the previous occurrence while the figure is about the current one
        # only a date used as a time adverbial ("In April 2024", "last year") dates a clause;
        # "arrears of a 2024 salary review" names a thing
        old_dates = [(t.start, bool(_SINCE_BEFORE.search(text, max(0, t.start - 8), t.start)))
                     for t in in_sentence
                     if t.type == "DATE" and t.calendar and before_anchor(ctx, t.calendar, days=45)
                     and not _DETERMINER_BEFORE.search(text, max(0, t.start - 6), t.start)]
        old_starts = [s for s, _ in old_dates]
        old_starts_not_since = [s for s, since in old_dates if not since]
        in_starts = [t.start for t in in_sentence]
        in_ends = [t.end for t in in_sentence]
        clauses = ctx.clauses(sentence)
        triggers = sentence_triggers(ctx, sentence, tuple((t.start, t.end) for t in in_sentence), ctx.event_names)
        if not triggers and si > 0:
            # "Police estimated the crowd at about 8,000" after "Thousands rallied ...": same event
            prev = sentences[si - 1]
            triggers = sentence_triggers(ctx, prev, (), ctx.event_names)
        open_only = not triggers
        if open_only:
            # no listed event word here or just before: an event word of the open vocabulary,
            # which anchors only counts of what happened to people (below)
            triggers = open_triggers(ctx, sentence, tuple((t.start, t.end) for t in in_sentence))
        trigger_starts = [t.start for t in triggers]
        anchored_to_event = bool(triggers)
        for m in figures:
            start, end = sentence.start + m.start(), sentence.start + m.end()
            if timex_spans.overlaps(start, end):
                continue
            # the words around a figure that say what it is, up to CUE_REACH characters each way
            before = sentence.text[max(0, m.start() - CUE_REACH):m.start()]
            after = sentence.text[m.end():m.end() + CUE_REACH]
            if not anchored_to_event and not m.group("cur") and not lex["cur_after"].match(after):
                continue  # no event in view and no sum of money (the same test as below, made early)
            if _ends_with(_REFERENCE_CUE, before) or _FOOTNOTE_CLOSE.match(after):
                continue  # references, footnotes
            if _CLOCK_AFTER.match(after):
                continue  # times of day
            if before.endswith(("-", " ", "-\n", " \n")) and _NAME_PART_BEFORE.search(before) and not m.group("cur") and m.group("num")[0].isdigit() \
                    and not _ends_with(_OPENING_WORD, before):
                continue  # part of a name: "Vayu-1", "TA-2", "Kura Shield 2025"
            if _AGE_AFTER.match(after):
                continue  # ages
            if before.rstrip().endswith(",") and _NAME_COMMA_BEFORE.search(before) and _APPOSITION_END.match(after):
                continue  # "Jaquise Lewis, 17, was shot": an age in apposition
            if _PART_OF_COUNT.match(after):
                continue  # "along with two other men": part of a count, not the count
            if not m.group("cur") and not m.group("scale") and _NAME_AFTER.match(after) and \
                    not lex["unit_re"].match(after) and not lex["cur_after"].match(after):
                continue  # "Image 1 of 5 Jacquay Howard": followed by a name, not by what it counts
            if _RANGE_AFTER.match(after) or _ends_with(_RANGE_CUE, before) \
                    or (m.group("hyphen") and _DIGIT.match(after)):
                continue  # a range ("2.5-7.5%", "17-27"): bounds, not a count
            if _ends_with(_AGE_CUE, before):
                continue  # an age
            ci = clause_index(clauses, start)
            clause = clauses[ci] if ci is not None else None
            # a figure in the clause of an old date, or after one ("in June, when ... to 9.50%"), is history
            # (old dates are in text order: each test is a bisection)
            if clause is None or (old_dates and re.match(r"\s*(?:when|which|where)\b", clause.text)):
                history = bool(old_starts) and old_starts[0] < start
            else:
                history = bisect.bisect_left(old_starts, start) > bisect.bisect_left(old_starts, clause.start)
            if not history and clause is not None:
                history = bisect.bisect_left(old_starts_not_since, clause.end) > \
                    bisect.bisect_left(old_starts_not_since, clause.start)
            if m.group("num").isdigit() and len(m.group("num")) == 4 and 1900 <= int(m.group("num")) <= 2100 \
                    and not m.group("scale") and not m.group("cur") \
                    and not _PLURAL_NOUN_AFTER.match(after):
                continue  # a year (but "killed 1901 soldiers" counts soldiers)
            value = _value(m)
            if value is None:
                continue
            word_number = not m.group("num")[0].isdigit()
            unit = ""
            dimension = ""
            factor = 1.0
            um = lex["unit_re"].match(after)
            rest = after
            if um:
                unit = um.group("unit").casefold()
                dimension, factor = lex["units"][unit]
                rest = after[um.end():]
            currency = lex["currencies"].get((m.group("cur") or "").casefold(), "")
            if m.group("cur") == "N":
                currency = "NGN"  # "N39 billion": the naira sign as Nigerian papers type it
            if not currency:
                cm = lex["cur_after"].match(after)
                if cm:
                    currency = lex["currencies"][" ".join(cm.group(1).casefold().split())]
                    rest = after[cm.end():]
            if (dimension or currency) and before.endswith("(") and _ends_with(_RESTATED_AFTER, before):
                continue  # an amount or a measure restated in other units ("12 km (7.5 miles)")
            if not anchored_to_event and not currency:
                continue  # tied to no event in view and no sum of money: background (as tested below)
            noun, used = _noun_after(rest)
            phrase = rest[:used].strip().casefold()
            if word_number and not noun and not unit:
                continue  # "one of the ...", a bare number word
            if m.group("num") in ("one",) and noun in ("", "of"):
                continue
            # what the number counts
            effect = ""
            lo, hi = (clause.start, clause.end) if clause else (sentence.start, sentence.end)
            window = text[max(lo, start - 80):min(hi, end + 60 + used)]
            centre = start - max(lo, start - 80)
            nearest_effect = None
            for cls, pat in lex["effects"].items():
                for em in pat.finditer(window):
                    distance = min(abs(em.start() - centre), abs(em.end() - centre))
                    if nearest_effect is None or distance < nearest_effect[0]:
                        nearest_effect = (distance, cls)
            if nearest_effect:
                effect = nearest_effect[1]
            if open_only and not effect and not currency:
                continue  # a figure near a rough event word only ("40 stores after the merger"): background
            if dimension:
                thing = dimension
                # percentages: what rate? the nearest measure word before
                if dimension == "percent":
                    mw = re.findall(r"\b(rate|inflation|growth|turnout|unemployment|yield|yields|share|tariff|tax|"
                                    r"interest|vote|votes|support|approval)\b", before[-80:], re.I)
                    direction = "level" if re.search(r"\b(?:to|at|of)\s*$", before[-6:], re.I) else (
                        "change" if re.search(r"\bby\s*$", before[-6:], re.I) else "level")
                    thing = f"{(mw[-1].casefold() if mw else 'percent')} {direction}"
            elif currency:
                nouns = list(lex["money_nouns"].finditer(text[max(sentence.start, start - 60):start]))
                after_noun = re.match(r"\s*(?:[\w-]+\s+){0,6}?(" + lex["money_nouns"].pattern + ")",
                                      rest[:60], re.I)
                what = (nouns[-1].group(0).casefold() if nouns else
                        after_noun.group(1).casefold() if after_noun else "amount")
                what = lex["money_class"].get(what, what)
                thing = f"{what} in {currency}"
            elif noun:
                thing = _noun_class(noun, phrase)
            elif effect:
                thing = "people"
            else:
                mb = _ends_with(_TOTAL_CUE, before, 80)
                if not mb:
                    continue
                thing = _noun_class(mb.group(1).casefold(), mb.group(1).casefold())
            if not anchored_to_event and not (currency and not thing.startswith("amount")):
                continue  # a figure tied to no event in view (and no named sum) is background
            if effect and not dimension and not currency and (thing == "people" or thing not in lex["synonyms"].values()):
                thing = effect  # casualties compare by what happened to them: "11 miners" / "12 men" killed
            elif effect and thing not in ("percent",) and not dimension and not currency:
                thing = f"{thing} {effect}"
            rate = lex["rate"].match(rest, used) if lex["rate"] else None
            if rate:
                thing = f"{thing} per {rate.group(1).casefold()}"  # "$2 million a day" is no total
            approx = ""
            for kind, pat in lex["approx"].items():
                hits = list(pat.finditer(before[-25:]))
                if hits and before[-25:][hits[-1].end():].strip() in ("", "$", "€", "£") or (
                        kind == "at_least" and _OR_MORE_AFTER.match(after)):
                    approx = kind
                    break
            if _PLUS_AFTER.match(after):
                approx = "at_least"
            if approx == "at_least" and re.search(r"\bover\s*\S?$", before[-8:], re.I):
                word = re.search(r"([\w'’-]+)\s+over\s*\S?$", before, re.I)
                if word and word.group(1).casefold() not in _OVER_AS_MORE_THAN:
                    approx = ""  # "a strike over N39 billion in arrears": about, not more than
            who = _attribution(clause.text if clause else "") or _attribution(sentence.text)
            # the event a figure belongs to: the nearest event word before it, else after it (the
            # first of equals); event words are in text order
            k = bisect.bisect_left(trigger_starts, start)
            trig = (triggers[bisect.bisect_left(trigger_starts, trigger_starts[k - 1])] if k
                    else triggers[0] if triggers else None)
            if open_only and not effect:
                trig = None  # a sum of money near a rough event word only: named by its noun alone
            revision = bool(lex["revision"].search(before[-30:]))
            tally = _is_tally(clause.text if clause else sentence.text)
            normalized = value * factor if dimension else value
            shown = _fmt(value)
            derivation = f"{m.group(0).strip()!r}"
            if m.group("scale") or word_number or "," in m.group("num"):
                derivation += f" = {shown}"
            if unit:
                derivation += f" {unit}"
            if approx:
                derivation += f" ({approx.replace('_', ' ')})"
            if dimension and factor != 1:
                derivation += f"; {_fmt(normalized)} in base units of {dimension}"
            if history and (currency or dimension) and clause is not None:
                # only dates ending at most 25 characters before the figure or starting at most 25
                # after it can qualify; the dates of a sentence are sorted and disjoint
                near = in_sentence[bisect.bisect_left(in_ends, start - 25):bisect.bisect_right(in_starts, end + used + 25)] \
                    if ctx.timexes_sorted else in_sentence
                years = sorted({t.calendar[:4] for t in near if t.type == "DATE" and t.calendar
                                and clause.start <= t.start < clause.end
                                and (0 <= t.start - (end + used) <= 25 or 0 <= start - t.end <= 25)})
                if years:
                    thing = f"{thing} in {years[-1]}"  # "trade reached $1.9 billion in 2025"
                    history = False
            subject = thing if not trig else f"{thing} ({label(trig.cls)})"
            claims.append(ctx.claim(
                kind="number", subject=subject, key=thing, value=shown, start=start, end=end + used,
                derivation=derivation, sentence=sentence,
                attrs={"base": _fmt(normalized), "dimension": dimension or None, "unit": unit or None,
                       "currency": currency or None, "approx": approx or None, "attribution": who or None,
                       "event": trig.cls if trig else None, "vocabulary": trig.vocabulary if trig else None,
                       "revision": int(revision), "history": int(history),
                       "published": ctx.article.published, "tally": int(tally),
                       "noun": noun or None}))
    return claims
