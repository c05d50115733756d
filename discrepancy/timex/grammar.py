"""The grammar: regular expressions built once from the lexicon, and the parsers that turn a match
into a candidate.

Each rule is one compiled pattern and one parser. A parser reads the match and the words around it,
and returns a ``Candidate`` (what the words say, not yet anchored) or None when the match is a
look-alike (the modal "may", a year inside an event name, an age, ...). Anchoring happens later, in
``resolve.py``, once the overlapping candidates have been settled.

Speed: every match of a rule contains one of its trigger words (a month name, a unit, a digit ...).
One RE2 pass finds all trigger words of the text; each rule then runs only in short windows around
its own triggers (``Rule.before``/``Rule.after`` characters), after a cheap pre-check (``Rule.needs``).
Word alternations are compiled as tries (``_alt``), so the engine tries one branch per letter.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Optional

from discrepancy.linear_regex import compile_linear
from discrepancy.timex.lexicon import Lexicon, load

# What word_before and two_words_before find, as regexes (the tests hold the scans to them)
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.-]*|[,;:(\"“])\s*$")
_WORDS_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)\s+([A-Za-z][\w'’-]*)\s*$")
_DIGITS = re.compile(r"[0-9]+")
_NAME_DASH = re.compile(r"([A-Z][\w'’.]*)\s*[-–—]\s*$")
_WORD_AFTER = re.compile(r"^\s*([A-Za-z][\w'’-]*|[,;:.)\"”])")


@dataclass
class Candidate:
    """What one match says, before anchoring."""

    start: int
    end: int
    kind: str
    f: dict = field(default_factory=dict)
    rank: int = 5
    """Tie-break between candidates of equal length: the lower rank wins."""
    short_end: Optional[int] = None
    """Where the candidate would end without its trailing year, if a trap covers only that year."""
    quote: Optional[str] = None
    """The words a derivation quotes for it, once worked out (they do not depend on the anchor,
    and an article is resolved twice when it has to find its anchor first)."""


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern
    parse: Callable[[re.Match, str, Lexicon], Optional[Candidate]]
    rank: int
    triggers: tuple[str, ...]
    """Kinds of words one of which every match contains (see Grammar.trigger_classes); the rule only
    runs in windows around them."""
    before: int
    """How far before its trigger word a match can begin (characters)."""
    after: int
    """How far after its trigger word a match can end (characters)."""
    needs: Optional[re.Pattern] = None
    """If set, a window is only searched when this finds something in it (a cheap pre-check)."""


def _tokens(word: str, abbrev_dot: bool) -> list[str]:
    """A word as regex pieces: a space matches any run of spaces, a hyphen also a space or nothing."""
    out = []
    for ch in word:
        out.append(r"\s+" if ch == " " else "[-‐ ]?" if ch == "-" else re.escape(ch))
    if abbrev_dot:
        out.append(r"\.?")
    return out


def _alt(words, abbrev_dot: Callable[[str], bool] = lambda w: False) -> str:
    """A regex matching any of the words, built as a trie ("jan(?:uary)?" rather than "january|jan"): the
    engine then tries one branch per letter instead of every word in turn. Longer continuations are tried
    first, as in a longest-first alternation."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for piece in _tokens(w, abbrev_dot(w)):
            node = node.setdefault(piece, {})
        node[""] = {}

    def emit(node: dict) -> str:
        # pieces that can match nothing ("\.?") go last, so that "sept" does not stop short of "september"
        order = sorted((kv for kv in node.items() if kv[0]), key=lambda kv: (kv[0].endswith("?"), kv[0]))
        branches = [piece + emit(child) for piece, child in order]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body if len(branches) == 1 and len(body) <= 4 and not body.endswith("?") else "(?:" + body + ")"

    return "(?:" + emit(trie) + ")"


_LETTER_DASH_END = re.compile(r"[A-Za-z]-$")
_SERIAL_AFTER = re.compile(r"\s*/\s*\d|:\d")
_OPENING_MARKS = frozenset(',;:("\u201c')
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_WORD_RUNS = {extra: re.compile(r"[\w" + re.escape(extra) + r"]*") for extra in ("'\u2019.-", "'\u2019-")}


def _last_word(text: str, lo: int, end: int, extra: str) -> int | None:
    """Where the word that ends at ``end`` starts, or None: the run of word characters (\\w and
    ``extra``) ending at ``end``, from its first ASCII letter, looking no further back than ``lo``.
    (The run is matched at the start of the reversed stretch: one match, where a regex anchored
    at the end would be tried at every start.)"""
    run = _WORD_RUNS[extra].match(text[lo:end][::-1]).end()
    letter = _ASCII_LETTER.search(text, end - run, end)
    return letter.start() if letter else None


def _skip_space_back(text: str, lo: int, pos: int) -> int:
    """Where the white space that ends at ``pos`` starts, looking no further back than ``lo``."""
    return lo + len(text[lo:pos].rstrip())


def _word_before_span(text: str, pos: int) -> tuple[int, int] | None:
    """The span of what ``_WORD_BEFORE`` finds in text[pos - 40:pos], by a scan backwards: a
    regex anchored at the end is tried at every start, and this runs for every candidate."""
    lo = pos - 40 if pos > 40 else 0
    j = _skip_space_back(text, lo, pos)
    if j == lo:
        return None
    if text[j - 1] in _OPENING_MARKS:
        return j - 1, j
    s = _last_word(text, lo, j, "'\u2019.-")
    return None if s is None else (s, j)


def word_before(text: str, pos: int) -> str:
    """The word (or punctuation mark) right before pos, lowercased; "" at the start of the text."""
    span = _word_before_span(text, pos)
    return text[span[0]:span[1]].lower() if span else ""


def raw_word_before(text: str, pos: int) -> str:
    span = _word_before_span(text, pos)
    return text[span[0]:span[1]] if span else ""


def two_words_before(text: str, pos: int) -> str:
    """What ``_WORDS_BEFORE`` finds in text[pos - 60:pos], lowercased, by a scan backwards."""
    lo = pos - 60 if pos > 60 else 0
    end2 = _skip_space_back(text, lo, pos)
    start2 = _last_word(text, lo, end2, "'\u2019-")
    # the second word must be the whole run, with white space right before it
    if start2 is None or start2 == lo or not text[start2 - 1].isspace():
        return ""
    end1 = _skip_space_back(text, lo, start2)
    start1 = _last_word(text, lo, end1, "'\u2019-")
    if start1 is None:
        return ""
    return f"{text[start1:end1]} {text[start2:end2]}".lower()


def word_after(text: str, pos: int) -> str:
    m = _WORD_AFTER.match(text[pos:pos + 40])
    return m.group(1) if m else ""


def sentence_start(text: str, pos: int) -> bool:
    """True when pos begins a sentence, a line or a heading (nothing but punctuation and space before)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0\"“'‘(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:•|—–-"


def number_value(word: str, lex: Lexicon) -> Optional[float | str]:
    """The number a count word stands for: 2.0 for "two", "X" for "several", None if not a number."""
    w = re.sub(r"\s+", " ", word.lower().strip())
    w = w.replace("‐", "-")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", w):
        return float(w.replace(",", ""))
    half = re.fullmatch(r"(\d+)(?:\s+1/2|½)", w)
    if half:
        return float(half.group(1)) + 0.5
    and_half = re.fullmatch(r"(.+?) and a half", w)
    if and_half:
        whole = number_value(and_half.group(1), lex)
        return whole + 0.5 if isinstance(whole, float) else None
    if w in lex.cardinals:
        return lex.cardinals[w]
    if w in lex.vague_numbers:
        return "X"
    m = re.fullmatch(r"([a-z]+)[- ]([a-z]+)", w)
    if m and m.group(1) in lex.tens and m.group(2) in lex.cardinals and lex.cardinals[m.group(2)] < 10:
        return lex.cardinals[m.group(1)] + lex.cardinals[m.group(2)]
    return None


class Grammar:
    """All rules, compiled from one lexicon."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        full_months = {w for w in lex.month_names if len(w) > 4 or w in ("may", "june", "july")}
        self.MONTH = _alt(lex.month_names, lambda w: w not in full_months) + r"(?!\w)"
        weekdays = _alt(lex.weekday_names)
        self.WD = weekdays + r"(?!\w)"
        self.WDX = "(?:" + weekdays + "|" + _alt(lex.weekday_abbreviations, lambda w: True) + r")(?!\w)"
        self.DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w%])"
        self.YEAR = r"(?:1\d\d\d|20\d\d)(?![\w%]|[.,]\d|-\d\d-\d)"
        self.PARTS = _alt(lex.day_parts) + r"(?!\w)"
        self.PMOD = _alt([m for m in lex.part_modifiers if m not in ("mid",)]) + "|mid"
        self.QMOD = _alt(lex.quantity_modifiers)
        nums = list(lex.cardinals) + list(lex.vague_numbers)
        tens = _alt(lex.tens)
        ones = _alt([w for w, v in lex.cardinals.items() if 1 <= v <= 9 and w not in ("a", "an", "single")])
        self.NUM = (r"(?:(?:\d+|" + _alt(w for w, v in lex.cardinals.items() if 1 <= v <= 100 and w not in ("a", "an", "single"))
                    + r")\s+and\s+a\s+half|\d+\s+1/2|\d+½|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + tens + r"[-‐ ]" + ones + "|" + _alt(nums) + r")(?![\w.]\w)")
        self.UNIT = _alt(lex.units) + r"(?!\w)"
        singular = [u for u, info in lex.units.items() if u == info["name"]]
        self.UNIT1 = _alt(singular) + r"(?!\w)"
        self.DET = _alt(lex.determiners)
        conn_sym = [c for c in lex.range_connectors if not c.isalpha()]
        conn_word = [c for c in lex.range_connectors if c.isalpha()] + ["and"]
        self.CONN = (r"(?P<conn>\s*[" + "".join(re.escape(c) for c in conn_sym) + r"]\s*|\s+"
                     + _alt(conn_word) + r"\s+)")
        self.SEASON = _alt(lex.seasons) + r"(?!\w)"
        tz = _alt(lex.time_zones)
        self.TZ = tz + r"(?!\w)"
        self.rules = self._rules()
        self.trigger_classes, self.trigger_regex = self._triggers()

    def _triggers(self):
        """Every word that some rule needs, mapped to its kinds; and one regex (RE2 when available) to find them."""
        lex = self.lex
        classes: dict[str, set[str]] = {}

        def put(words, kind):
            for w in words:
                classes.setdefault(w.lower().split()[-1].rstrip("."), set()).add(kind)
        put(lex.month_names, "month")
        put(list(lex.weekday_names) + list(lex.weekday_abbreviations), "weekday")
        put(list(lex.units) + ["day"], "unit")
        put(list(lex.deictic_days) + list(lex.deictic_parts) + list(lex.day_parts), "deictic")
        put(lex.seasons, "season")
        put(lex.clock_words, "clock")
        put(lex.holidays, "holiday")
        put(lex.fuzzy, "fuzzy")
        put(list(lex.sets) + list(lex.set_determiners), "set")
        put(["quarter", "half", "period", "year-earlier", "year-ago", "q1", "q2", "q3", "q4", "h1", "h2"], "quarter")
        put(lex.direction_words, "direction")
        frozen = {w: frozenset(k) for w, k in classes.items()}
        words = sorted(frozen, key=lambda w: (-len(w), w))
        pattern = r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"
        return frozen, compile_linear(pattern, ignore_case=True)  # one linear pass for all trigger words

    def triggers_in(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """For each kind of trigger word, where it occurs in text: one RE2 pass for the words, one for digits."""
        out: dict[str, list[tuple[int, int]]] = {}
        classes = self.trigger_classes
        for m in self.trigger_regex.finditer(text):
            s, e = m.span()
            for kind in classes.get(text[s:e].lower(), ()):
                out.setdefault(kind, []).append((s, e))
        digits = [m.span() for m in _DIGITS.finditer(text)]
        if digits:
            out["digit"] = digits
        return out

    @staticmethod
    def windows(spans: list[tuple[int, int]], before: int, after: int, n: int) -> list[tuple[int, int]]:
        """Sorted, merged stretches [start - before, end + after) around sorted spans."""
        out: list[list[int]] = []
        for s, e in spans:
            a, b = s - before if s > before else 0, e + after if e + after < n else n
            if out and a <= out[-1][1]:
                if b > out[-1][1]:
                    out[-1][1] = b
            else:
                out.append([a, b])
        return out

    # ------------------------------------------------------------------ patterns
    def _rules(self) -> list[Rule]:
        M, D, Y, WD, WDX = self.MONTH, self.DAY, self.YEAR, self.WD, self.WDX
        lex = self.lex
        nb = r"(?<![\w.,/$€£-])"  # a number that is not the tail of another number or word
        R = []

        triggers = {
            "iso": ("digit",), "numeric": ("digit",), "year": ("digit",), "decade": ("digit",),
            "time": ("digit", "clock"), "quarter": ("quarter",), "quarter_ref": ("quarter",),
            "weekday": ("weekday",), "deictic": ("deictic",), "season": ("season",), "holiday": ("holiday",),
            "fuzzy": ("fuzzy",), "set": ("set",), "relunit": ("unit",), "ago": ("direction",), "duration": ("unit",),
            "vague_plural": ("unit",), "year_end": ("unit",), "century": ("unit",),
        }

        # (before, after): the longest stretch a match can reach before and after its trigger word, with room
        # to spare ("at least two more full [days]", "[Tuesday], 19 - Wednesday, 21 May, 2025")
        reach = {"iso": (2, 24), "numeric": (8, 12), "year": (36, 8), "decade": (16, 6), "time": (20, 24),
                 "quarter": (40, 40), "quarter_ref": (56, 16), "weekday": (32, 24), "deictic": (32, 24),
                 "season": (48, 24), "holiday": (24, 16), "fuzzy": (24, 24), "set": (24, 24), "relunit": (40, 12),
                 "ago": (64, 4), "duration": (44, 12), "vague_plural": (24, 12),
                 "range_dmy": (40, 24), "range_mdy": (2, 28), "range_cross_dmy": (16, 28), "range_cross_mdy": (2, 28),
                 "date_dmy": (32, 16), "date_mdy": (32, 20), "month_year": (28, 12), "month_relyear": (28, 32),
                 "month": (32, 6), "year_end": (8, 8), "century": (24, 2)}

        # a cheap pre-check per window: the rule cannot match where this finds nothing (case matters here)
        conn = r"(?:[-–—]|\b(?:to|through|until|till|thru|and)\b)"
        needs = {"iso": r"\d-[01]\d-", "numeric": r"\d[/.]\d", "decade": "0['’]?s\\b", "month_relyear": "[Yy]ear",
                 # a clock time has a colon, a.m./p.m., o'clock, a clock word, "hours", or a zone ("GMT", "local time")
                 "time": r"[:.][0-5]\d|[aApP]\.?\s?[mM]\b|o.clock|[Nn]oon|[Mm]id(?:night|day)|hours|hrs|[A-Z]{3}|time",
                 "year": r"\b(?:1\d|20)\d\d\b",
                 "ago": r"(?i:\b" + _alt(lex.direction_words) + r"\b)",
                 "range_dmy": r"\d\s*" + conn, "range_mdy": r"\d\s*" + conn, "range_cross_dmy": conn,
                 "range_cross_mdy": conn, "date_dmy": "[0-9]", "date_mdy": "[0-9]", "month_year": "[0-9]"}

        def add(name, pattern, parse, rank):
            # (?<!\w): a match starts at the start of a word (or at a symbol); no rule begins mid-word
            before, after = reach.get(name, (48, 40))
            R.append(Rule(name, re.compile(r"(?<!\w)(?:" + pattern + ")", re.IGNORECASE), parse, rank,
                          triggers.get(name, ("month",)), before, after,
                          re.compile(needs[name]) if name in needs else None))

        add("iso", r"(?<![\w./-])(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
                   r"(?:[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d))?(?![\w-]|:\d)", self.p_iso, 0)
        add("numeric", r"(?<![\w./-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/]|\.\d)",
            self.p_numeric, 1)
        add("range_dmy", rf"(?:(?P<wd>{WDX})\.?,?\s+)?{nb}(?P<d1>{D})(?:\s+(?P<wd2>{WDX})\.?,?)?{self.CONN}(?:(?P<wd3>{WDX})\.?,?\s+)?(?P<d2>{D})\s+(?:of\s+)?(?P<mo>{M})(?:\s?,?\s+(?P<y>{Y}))?",
            self.p_range, 1)
        add("range_mdy", rf"(?P<mo>{M})\s+{nb}(?P<d1>{D}){self.CONN}(?P<d2>{D})(?!\s*(?:[:/]|{M}))(?:\s?,?\s+(?P<y>{Y}))?",
            self.p_range, 1)
        add("range_cross_dmy", rf"{nb}(?P<d1>{D})\s+(?P<mo1>{M})(?:\s?,?\s+(?P<y1>{Y}))?{self.CONN}(?P<d2>{D})\s+(?P<mo>{M})(?:\s?,?\s+(?P<y>{Y}))?",
            self.p_range, 1)
        add("range_cross_mdy", rf"(?P<mo1>{M})\s+{nb}(?P<d1>{D})(?:\s?,?\s+(?P<y1>{Y}))?{self.CONN}(?P<mo>{M})\s+(?P<d2>{D})(?:\s?,?\s+(?P<y>{Y}))?",
            self.p_range, 1)
        add("date_dmy", rf"(?:(?P<wd>{WDX})\.?,?\s+)?(?:(?P<the>the)\s+)?{nb}(?P<d>{D})(?:\s+of)?\s+(?P<mo>{M})(?:\s?,?\s+(?P<y>{Y}))?",
            self.p_date, 2)
        add("date_mdy", rf"(?:(?P<wd>{WDX})\.?,?\s+|(?P<rel>last|next|this|past|coming)\s+)?(?P<mo>{M})\s+(?:the\s+)?{nb}(?P<d>{D})(?!\s*[-–:]\s*\d|\.\d)(?:\s?,?\s+(?P<y>{Y}))?",
            self.p_date, 2)
        add("month_year", rf"(?:(?P<mod>{self.PMOD})[\s-]+)?(?P<mo>{M})(?:\s+of)?\s?,?\s+(?P<y>{Y})", self.p_month, 3)
        add("month_relyear", rf"(?:(?P<mod>{self.PMOD})[\s-]+)?(?P<mo>{M})(?:\s+of)?,?\s+(?P<ry>last|this|next|the\s+previous|the\s+following)\s+year(?!\w)",
            self.p_month, 3)
        add("month", rf"(?:(?P<mod>{self.PMOD})[\s-]+)?(?:(?P<rel>last|next|this|past|coming|previous|that)\s+)?(?P<mo>{M})(?P<poss>['’]s)?",
            self.p_month, 6)
        add("year", rf"(?:(?P<mod>{self.PMOD})[\s-]+)?(?:(?P<pre>(?:the\s+)?(?:fiscal\s+|calendar\s+)?year|fiscal|FY)\s*)?(?<![\w.,/$€£:#])(?P<y>{Y})(?P<poss>['’]s)?",
            self.p_year, 7)
        add("decade", r"(?:(?P<the>the)\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<dec>1\d\d0|20\d0)|['’](?P<dec2>\d0))['’]?s(?!\w)",
            self.p_decade, 6)
        add("weekday", rf"(?:(?P<mod>early|late|early on|late on)\s+)?(?:(?P<rel>last|next|this|coming|past|that|the\s+previous|the\s+following|the\s+next|this\s+coming|this\s+past)\s+)?(?P<wd>{WD})(?P<poss>['’]s)?(?:\s+(?P<part>{self.PARTS}))?",
            self.p_weekday, 5)
        deictic = _alt(lex.deictic_days)
        add("deictic", rf"(?:(?P<mod>early|late|later|earlier)\s+)?(?P<w>{deictic})(?!\w)(?P<poss>['’]s)?(?:\s+(?P<part>{self.PARTS}))?"
                       rf"|(?P<this>this|last)\s+(?P<part2>{self.PARTS})", self.p_deictic, 5)
        add("relunit", rf"(?:(?P<mod>{self.PMOD})[\s-]+|(?P<wc>{_alt(lex.within_current)})\s+)?(?P<det>{self.DET})\s+(?P<unit>{self.UNIT1}|day)(?P<poss>['’]s)?",
            self.p_relunit, 4)
        directions = _alt(lex.direction_words)
        add("ago", rf"(?:(?P<qmod>{self.QMOD})\s+)?(?P<n>{self.NUM})\s+(?P<unit>{self.UNIT})\s+(?P<dir>{directions})(?!\w)",
            self.p_ago, 4)
        suffixes = _alt(list(lex.adjectival_suffixes) + list(lex.age_suffixes))
        add("duration", rf"(?:(?P<qmod>{self.QMOD})\s+)?(?P<n>{self.NUM})(?:[-‐](?P<unit2>{self.UNIT1})(?P<suf>{suffixes})?"
                        rf"|\s+(?:(?:more|full|straight|consecutive|long|additional|further|whole|entire|extra)\s+)?(?P<unit>{self.UNIT}))",
            self.p_duration, 8)
        add("vague_plural", rf"(?:(?P<det>recent|coming|past|the\s+past|the\s+last|the\s+coming|the\s+next|next|last|previous|the\s+previous)\s+)?(?P<vp>{_alt(lex.vague_plurals)})(?!\w)",
            self.p_vague_plural, 9)
        ords = "first|second|third|fourth|1st|2nd|3rd|4th|final|last"
        add("quarter", rf"(?:(?P<the>the|its|a|this)\s+)?(?:(?P<det>latest|current|same|fiscal|previous|last|next|year-earlier|year-ago|comparable|recent)\s+)?"
                       rf"(?:(?P<fy>fiscal)\s+)?(?P<ord>{ords})(?:\s+|-|‐)(?:fiscal\s+)?(?P<unit>quarter|half)(?!\w)(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>{Y})|\s?,\s+(?P<y3>{Y})|\s+of\s+(?P<ry>last|this|next)\s+year(?!\w))?"
                       rf"|(?<![\w.,])(?P<y2>{Y})(?:['’]s)?\s+(?P<ord2>{ords})(?:\s+|-)(?P<unit2>quarter|half)(?!\w)"
                       rf"|\b(?P<qq>Q[1-4]|H[12])(?:\s+|-)?(?P<yq>{Y})?(?!\w)", self.p_quarter, 3)
        add("year_end", r"(?:(?P<det>this|last|next)\s+)?(?:year[-‐\s]?end|year['’]s\s+end)(?!\w)", self.p_year_end, 4)
        ordinal_words = _alt(lex.ordinals)
        add("century", rf"(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ordinal_words})[\s-]+century(?!\w)", self.p_century, 4)
        add("quarter_ref", r"(?:the|its|their|a)\s+(?P<dets>(?:(?:latest|most\s+recent|recent|just[-\s]ended|year[-\s]earlier|year[-\s]ago|comparable|same|previous|fiscal|past|corresponding)\s+)*)(?P<noun>quarter|period)(?!\w|-)"
                            r"|(?<![\w-])(?P<adj>year[-‐](?:earlier|ago))(?![\w-])",
            self.p_quarter_ref, 4)
        add("season", rf"(?:(?P<mod>{self.PMOD})[\s-]+)?(?:(?P<det>this\s+past|this\s+coming|last|this|next|past|coming|previous|the|that|late|early)\s+)?(?P<s>{self.SEASON})(?P<poss>['’]s)?(?:\s+(?:of\s+)?(?P<y>{Y}))?",
            self.p_season, 5)
        clock = _alt(lex.clock_words)
        add("time", rf"(?:(?P<qmod>about|around|approximately|shortly after|shortly before|just after|just before|before|after|until|by)\s+)?"
                    rf"(?:{nb}(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\b\.?|[ap]m\b|o['’]clock)(?:\s+(?P<tz>{self.TZ}))?"
                    rf"|{nb}(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?!\d)(?:\s*(?P<tz2>{self.TZ}|hours|hrs|h\b))?"
                    rf"|(?<![\w.,])(?P<h3>[01]\d|2[0-3])(?P<mi3>[0-5]\d)\s*(?P<tz3>{self.TZ}|hours|hrs)"
                    rf"|(?P<cw>{clock})(?!\w)(?:\s+(?P<tz4>{self.TZ}))?)", self.p_time, 2)
        add("holiday", rf"(?P<hol>{_alt(lex.holidays)})(?!\w)(?:\s+(?P<y>{Y}))?", self.p_holiday, 3)
        add("fuzzy", rf"(?P<fz>{_alt(lex.fuzzy)})(?!\w)", self.p_fuzzy, 9)
        add("set", rf"(?P<sw>{_alt(lex.sets)})(?!\w)|(?P<sd>{_alt(lex.set_determiners)})\s+(?P<su>{self.UNIT1}|{WD}|{self.PARTS})",
            self.p_set, 9)
        return R

    # ------------------------------------------------------------------ helpers
    def month_num(self, word: str) -> int:
        return self.lex.month_names[word.lower().rstrip(".")]

    def weekday_num(self, word: str) -> int:
        w = word.lower().rstrip(".")
        return self.lex.weekday_names.get(w) or self.lex.weekday_abbreviations[w]

    @staticmethod
    def _cand(match, kind, rank, start=None, **f) -> Candidate:
        return Candidate(match.start() if start is None else start, match.end(), kind, f, rank)

    @staticmethod
    def _day(s: str) -> int:
        return int(re.match(r"\d+", s).group(0))

    # ------------------------------------------------------------------ parsers
    def p_iso(self, m, text, lex):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        time = f"{m['H']}:{m['M']}" if m["H"] else None
        return self._cand(m, "date", 0, y=y, m=mo, d=d, time=time, explicit=True)

    def p_numeric(self, m, text, lex):
        a, b, ys = int(m["a"]), int(m["b"]), m["y"]
        if m["sep"] == "." and len(ys) != 4:
            return None
        if m["sep"] == "/":
            mo, d = (a, b) if a <= 12 else (b, a)
        else:
            d, mo = a, b
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        y = int(ys) if len(ys) == 4 else (1900 + int(ys) if int(ys) >= 50 else 2000 + int(ys))
        return self._cand(m, "date", 1, y=y, m=mo, d=d, explicit=True)

    def _month_ok(self, word: str) -> bool:
        """Next to a day or a year a month name counts, unless it is an ambiguous word in lowercase ("may")."""
        return word[0].isupper() or word.lower().rstrip(".") not in self.lex.ambiguous_months

    def p_range(self, m, text, lex):
        conn = m["conn"].strip().lower()
        if conn == "and" and word_before(text, m.start()) != "between":
            return None
        if not self._month_ok(m["mo"]):
            return None
        d1, d2 = self._day(m["d1"]), self._day(m["d2"])
        m2 = self.month_num(m["mo"])
        m1 = self.month_num(m["mo1"]) if m.groupdict().get("mo1") else m2
        if m1 == m2 and d2 <= d1:
            return None
        y = int(m["y"]) if m["y"] else None
        y1 = int(m["y1"]) if m.groupdict().get("y1") else None
        wd = m.groupdict().get("wd")
        c = self._cand(m, "range", 1, y=y, y1=y1, m1=m1, d1=d1, m2=m2, d2=d2,
                       wd=self.weekday_num(wd) if wd else None)
        if m["y"] and y1 is None:
            c.short_end = m.end("mo") if m.groupdict().get("mo") else None
        return c

    def p_date(self, m, text, lex):
        mo_word = m["mo"]
        has_year = bool(m["y"])
        if not self._month_ok(mo_word):
            return None
        d = self._day(m["d"])
        mo = self.month_num(mo_word)
        start = m.start()
        if m.groupdict().get("the") and not m["wd"] and not re.search(r"\bof\b", text[m.start("d"):m.start("mo")], re.I):
            start = m.start("d")  # "the 19th of May" keeps its article; "the 7 May ..." does not
        wd = m["wd"]
        rel = (m.groupdict().get("rel") or "").lower() or None
        c = Candidate(start, m.end(), "date", dict(y=int(m["y"]) if has_year else None, m=mo, d=d, rel=rel,
                                                   wd=self.weekday_num(wd) if wd else None, explicit=has_year), 2)
        if has_year:
            c.short_end = m.end("d") if m.re.groupindex["d"] > m.re.groupindex["mo"] else m.end("mo")
        return c

    def p_month(self, m, text, lex):
        word = m["mo"]
        w = word.lower().rstrip(".")
        gd = m.groupdict()
        mod = lex.part_modifiers.get(re.sub(r"\s+", " ", gd["mod"].lower())) if gd.get("mod") else None
        if gd.get("mod") and gd["mod"].lower() == "mid":
            mod = "MID"
        rel = (gd.get("rel") or "").lower() or None
        y = int(gd["y"]) if gd.get("y") else None
        if gd.get("ry"):
            if not self._month_ok(word):
                return None
            return Candidate(m.start(), m.end(), "month", dict(y=None, m=self.month_num(word), mod=mod, rel=None,
                                                               year_rel=re.sub(r"\s+", " ", gd["ry"].lower())), 3)
        if y is None:
            if not word[0].isupper():
                return None
            before = word_before(text, m.start())
            after = word_after(text, m.end())
            triggered = bool(mod or rel) or before in lex.bare_month_triggers \
                or two_words_before(text, m.start()) in lex.bare_month_triggers
            if before == "the" and after[:1].islower() and after not in ("of", "to"):
                triggered = True  # "the March accession", "the May elections"
            ambiguous = w in lex.ambiguous_months or (len(w) <= 4 and not word.endswith(".")
                                                      and w not in ("may", "june", "july"))
            if ambiguous and not triggered:
                return None  # "Iran may seek", "May I", "Jan" the name
            if ambiguous and after[:1].isupper() and before in ("and", "or", "to", "of", "for", "on"):
                return None  # "... and Jan Kavan"
            raw_before = raw_word_before(text, m.start())
            if not triggered and raw_before[:1].isupper() \
                    and not sentence_start(text, m.start() - len(raw_before)):
                return None  # "Theresa May", "Operation April"
        end = m.end("mo") if gd.get("poss") else m.end()
        c = Candidate(m.start(), end, "month", dict(y=y, m=self.month_num(word), mod=mod, rel=rel), 3 if y else 6)
        if y:
            c.short_end = m.end("mo")
        return c

    def p_year(self, m, text, lex):
        y = int(m["y"])
        gd = m.groupdict()
        mod = None
        if gd.get("mod"):
            mod = "MID" if gd["mod"].lower() == "mid" else lex.part_modifiers.get(re.sub(r"\s+", " ", gd["mod"].lower()))
        start_y = m.start("y")
        prefix = text[max(0, start_y - 2):start_y]
        if not gd.get("mod") and _LETTER_DASH_END.search(prefix):
            return None  # "Araz-2025"
        # (the dash the pattern ends with is looked for first: the pattern is tried at every start)
        dashed = _NAME_DASH.search(text, max(0, start_y - 40), start_y) \
            if text[max(0, start_y - 40):start_y].rstrip().endswith(("-", "–", "—")) else None
        if not gd.get("mod") and dashed and dashed.group(1) not in lex.year_name_exceptions \
                and dashed.group(1).lower() not in lex.month_names:
            return None  # "Kura Shield – 2025"
        pre = gd.get("pre")
        if not pre and not gd.get("mod"):
            raw_before = raw_word_before(text, start_y)
            if raw_before[:1].isupper() and raw_before.rstrip(".") not in lex.year_name_exceptions \
                    and raw_before.rstrip(".").lower() not in lex.month_names:
                return None  # "Aras 2025", "Kura Shield 2025", "ETLEX 2025"
            if y < 1700:
                before = word_before(text, start_y)
                if before not in ("in", "since", "of", "by", "from", "until", "year", "circa", "c.", "around", "before", "after"):
                    return None
        if _SERIAL_AFTER.match(text, m.end("y"), m.end("y") + 6):
            return None  # "2025 / 37" (a serial number), "2025:3" (a reference)
        start = m.start("pre") if pre else (m.start() if gd.get("mod") else start_y)
        return Candidate(start, m.end("y"), "year", dict(y=y, mod=mod), 7)

    def p_decade(self, m, text, lex):
        if m["dec"]:
            dec = m["dec"][:3]
        else:
            two = int(m["dec2"])
            dec = ("19" if two >= 30 else "20") + m["dec2"][0]
        mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["mod"] or "").lower())
        return self._cand(m, "decade", 6, dec=dec, mod=mod)

    def p_quarter_ref(self, m, text, lex):
        if m["adj"]:
            return self._cand(m, "quarter", 4, part="Q", n=None, y=None, det="year-earlier", adjective=True)
        dets = re.sub(r"\s+", " ", (m["dets"] or "").lower()).replace("-", " ").split()
        if m["noun"].lower() == "period" and not ({"latest", "year", "comparable", "corresponding", "recent"} & set(dets)):
            return None
        if word_after(text, m.end()).lower() in ("of", "point", "points", "mile", "miles", "century", "hour", "inch"):
            return None
        if "year" in dets:
            return self._cand(m, "quarter", 3, part="Q", n=None, y=None, det="year-earlier")
        return self._cand(m, "quarter", 3, part="Q", n=None, y=None, det="latest")

    def p_weekday(self, m, text, lex):
        word = m["wd"]
        if not word[0].isupper():
            return None
        rel = re.sub(r"\s+", " ", (m["rel"] or "").lower()) or None
        rel = {"this coming": "next", "this past": "last"}.get(rel, rel)
        nxt = word_after(text, m.end("wd"))
        if nxt and nxt[0].isupper() and not m["part"] and not m["poss"] and nxt.lower() not in lex.month_names:
            before = word_before(text, m.start())
            two = two_words_before(text, m.start())
            if not rel and not m["mod"] and before not in lex.weekday_date_cues and two not in lex.weekday_date_cues:
                return None  # "Friday Prayer leader", "Sunday Times"
        mod = {"early": "START", "late": "END", "early on": "START", "late on": "END"}.get((m["mod"] or "").lower())
        part = lex.day_parts.get(m["part"].lower()) if m["part"] else None
        end = m.end() if part else m.end("wd")
        return Candidate(m.start(), end, "weekday", dict(wd=self.weekday_num(word), rel=rel, part=part, mod=mod,
                                                         poss=bool(m["poss"])), 5)

    def p_deictic(self, m, text, lex):
        if m["this"]:
            part = lex.day_parts[m["part2"].lower()]
            offset = -1 if m["this"].lower() == "last" else 0
            if m["this"].lower() == "last" and part != "NI":
                offset = -1
            return self._cand(m, "deictic", 5, offset=offset, part=part, mod=None, word=m.group(0))
        w = re.sub(r"\s+", " ", m["w"].lower())
        part = lex.day_parts.get(m["part"].lower()) if m["part"] else lex.deictic_parts.get(w)
        mod = {"early": "START", "late": "END"}.get((m["mod"] or "").lower())
        end = m.end() if m["part"] else m.end("w")
        start = m.start() if mod else m.start("w")
        return Candidate(start, end, "deictic", dict(offset=lex.deictic_days[w], part=part, mod=mod, word=m["w"]), 5)

    def p_relunit(self, m, text, lex):
        det = re.sub(r"\s+", " ", m["det"].lower())
        unit = lex.units.get(m["unit"].lower(), {"name": "day", "letter": "D", "size": 1}) if m["unit"].lower() != "day" else \
            {"name": "day", "letter": "D", "size": 1, "time": False}
        spec = lex.determiners[det]
        name = unit["name"]
        # "earlier in the day", "on the day": the day the text is at
        the_day = det == "the" and name == "day" and word_before(text, m.start()) in (
            "in", "on", "during", "for", "end", "ended", "ending", "ends", "finish", "finished", "finishing", "close", "closed")
        if spec.get("by_tense") and not (name == "weekend" or the_day or (m["mod"] and name in ("year", "month", "week"))):
            return None
        if name in ("hour", "minute", "second"):
            return None
        if name == "day" and not spec.get("reference") and not the_day and det not in ("the next", "the previous", "the last"):
            return None
        if name == "quarter" and word_after(text, m.end()).lower() == "of":
            return None
        mod = None
        if m["mod"]:
            mod = "MID" if m["mod"].lower() == "mid" else lex.part_modifiers.get(re.sub(r"\s+", " ", m["mod"].lower()))
        wc = (m["wc"] or "").lower() or None
        end = m.end("unit")
        return Candidate(m.start(), end, "relunit",
                         dict(det=det, unit=name, offset=spec.get("offset", 0), duration=bool(spec.get("duration")),
                              reference=bool(spec.get("reference")) or the_day,
                              by_tense=bool(spec.get("by_tense")) and not the_day, mod=mod, within=wc), 4)

    def p_year_end(self, m, text, lex):
        det = (m["det"] or "this").lower()
        return self._cand(m, "relunit", 4, det=det, unit="year", offset=lex.determiners[det]["offset"], duration=False,
                          reference=False, by_tense=False, mod="END", within=None)

    def p_century(self, m, text, lex):
        word = m["ord"].lower()
        n = int(re.match(r"\d+", word).group(0)) if word[0].isdigit() else lex.ordinals.get(word)
        if not n or n > 21:
            return None
        return self._cand(m, "century", 6, n=n)

    def p_ago(self, m, text, lex):
        n = number_value(m["n"], lex)
        if n is None:
            return None
        unit = lex.units[m["unit"].lower()]
        d = re.sub(r"\s+", " ", m["dir"].lower())
        spec = lex.direction_words[d]
        if spec.get("final_only"):
            nxt = word_after(text, m.end())
            if nxt and nxt not in ",;:.)\"”" and nxt.lower() not in ("and", "but", "when", "as", "that", "in", "on"):
                return None  # "two days after the visit": a duration anchored on an event
        qmod = lex.quantity_modifiers.get(re.sub(r"\s+", " ", m["qmod"].lower())) if m["qmod"] else None
        if qmod is None and m["qmod"] and m["qmod"].lower() in ("the", "the past", "the last", "the next", "the first"):
            return None
        start = m.start("n") if m["qmod"] and re.sub(r"\s+", " ", m["qmod"].lower()) in lex.modifiers_outside_span else m.start()
        return self._cand(m, "ago", 4, start=start, n=n, unit=unit, sign=spec["sign"], origin=spec["from"], mod=qmod,
                          direction=d)

    def p_duration(self, m, text, lex):
        adjectival = m["unit2"] is not None  # "a two-day visit"
        nword = m["n"]
        uword = (m["unit2"] if adjectival else m["unit"]).lower()
        qword = m["qmod"]
        n = number_value(nword, lex)
        if n is None:
            return None
        unit = lex.units[uword]
        suffix = re.sub(r"\s+", " ", (m["suf"] or "").lower())
        if adjectival and suffix in lex.age_suffixes:
            return None  # an age ("a 12-year-old")
        after = text[m.end():m.end() + 6].lower()
        if not adjectival and any(after.startswith(x) and not after[len(x):len(x) + 1].isalpha() for x in lex.age_suffixes):
            return None  # "12 years old"
        full_forms = (unit["name"], unit["name"] + "s", "centuries")
        if uword not in full_forms and not re.match(r"\d", nword):
            return None  # "a min", "two hrs" in prose: only after digits
        nl = nword.lower().strip()
        if unit["name"] == "second" and nl in ("a", "an", "one"):
            return None  # "a second round"
        if unit["name"] == "quarter" and re.match(r"\s+of\b", after):
            return None  # "a quarter of the staff"
        if unit["name"] == "quarter" and nl in ("a", "an", "one") and not qword:
            return None
        if nl in ("a", "an") and m.start() > 0 and word_before(text, m.start()) in ("times", "once", "twice", "per", "than"):
            return None
        if nl in ("some", "many", "various", "numerous", "multiple") and not qword:
            if word_before(text, m.start()) not in ("for", "over", "in", "within", "after", "of", "during", "past", "last", "take", "took", "takes"):
                return None
        if isinstance(n, float) and n > 1000 and unit["name"] != "day":
            return None
        qmod = None
        if qword:
            qmod = lex.quantity_modifiers.get(re.sub(r"\s+", " ", qword.lower()))
        if re.match(r"[-‐][a-z]", text[m.end():m.end() + 2]):
            return None  # "a year-earlier period", "years-old"
        end = m.end("unit2") if adjectival else m.end()
        start = m.start()
        if qword and re.sub(r"\s+", " ", qword.lower()) in lex.modifiers_outside_span:
            start = m.start("n")
        elif qword and qmod is None and (adjectival or not qword.lower().startswith("the")):
            start = m.start("n")  # "the two-day summit", "only two days"
        if adjectival and suffix in lex.adjectival_suffixes:
            end = m.end()  # "a 10-day-long visit"
        return Candidate(start, end, "duration", dict(n=n, unit=unit, mod=qmod, adjectival=adjectival), 8)

    def p_vague_plural(self, m, text, lex):
        det = re.sub(r"\s+", " ", (m["det"] or "").lower())
        before = word_before(text, m.start())
        if not det and before not in ("for", "over", "within", "in", "after", "took", "take", "takes", "taking", "lasted", "last"):
            return None
        if not det and word_after(text, m.end()).lower() in ("of", "old", "ago", "later", "earlier", "before", "after"):
            return None
        unit = lex.units[m["vp"].lower()]
        return self._cand(m, "duration", 9, n="X", unit=unit, mod=None, adjectival=False, vague_det=det)

    def p_quarter(self, m, text, lex):
        gd = m.groupdict()
        if gd.get("qq"):
            q = gd["qq"].upper()
            y = int(gd["yq"]) if gd.get("yq") else None
            kind = "Q" if q[0] == "Q" else "H"
            return self._cand(m, "quarter", 3, part=kind, n=int(q[1]), y=y, det=None)
        ordw = (gd.get("ord") or gd.get("ord2")).lower()
        unit = (gd.get("unit") or gd.get("unit2")).lower()
        if word_after(text, m.end()).lower() in ("of",) and not (gd.get("y") or gd.get("y2")):
            nxt = text[m.end():m.end() + 30].lower()
            if not re.match(r"\s*of\s+(?:the\s+)?(?:this|last|next|that|fiscal|calendar)?\s*year", nxt):
                if unit == "half" or ordw in ("final", "last"):
                    return None
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "final": 0, "last": 0}[ordw]
        if unit == "half":
            if n > 2:
                return None
            if n == 0:
                n = 2
        elif n == 0:
            n = 4
        y = gd.get("y") or gd.get("y2") or gd.get("y3")
        det = (gd.get("det") or "").lower() or None
        if det in ("year-earlier", "year-ago"):
            det = "year-earlier"
        start = m.start()
        hyphenated = bool(re.match(r"\w+[-‐]", text[m.start("ord"):m.end()])) if gd.get("ord") else False
        if gd.get("the") and (gd["the"].lower() in ("its", "a") or (hyphenated and not gd.get("det"))):
            start = m.start("det") if gd.get("det") else (m.start("fy") if gd.get("fy") else m.start("ord"))
        return Candidate(start, m.end(), "quarter", dict(part="Q" if unit == "quarter" else "H", n=n,
                                                         y=int(y) if y else None, det=det,
                                                         year_rel=(gd.get("ry") or "").lower() or None), 3)

    def p_season(self, m, text, lex):
        word = m["s"].lower()
        det = re.sub(r"\s+", " ", (m["det"] or "").lower()) or None
        det = {"this past": "last", "this coming": "next"}.get(det, det)
        y = int(m["y"]) if m["y"] else None
        mod = None
        if m["mod"]:
            mod = "MID" if m["mod"].lower() == "mid" else lex.part_modifiers.get(re.sub(r"\s+", " ", m["mod"].lower()))
        if det in ("late", "early"):
            mod = mod or ("START" if det == "early" else "END")
            det = None
        raw_before = raw_word_before(text, m.start())
        if m["s"][0].isupper() and raw_before[:1].isupper() and raw_before not in lex.year_name_exceptions \
                and not sentence_start(text, m.start() - len(raw_before)):
            return None  # "Arab Spring", "Operation Winter"
        after = text[m.end():m.end() + 20]
        if y is None and re.match(r"\s+of\b", after):
            return None  # "the fall of the Berlin Wall"
        if word in lex.ambiguous_seasons and not (det or y or mod):
            if word_before(text, m.start()) not in ("in", "during", "by", "until", "since", "this", "last", "next", "through", "before", "after", "over"):
                return None
        if word in lex.ambiguous_seasons and det == "the" and not y:
            nxt = word_after(text, m.end()).lower()
            if nxt in ("in", "of", "from", "was", "is", "has", "had", "would", "will", "to"):
                if word_before(text, m.start()) not in ("in", "during", "by", "until", "since", "through", "over"):
                    return None
        start = m.start()
        if det == "the" and not mod:
            start = m.start("det")
        end = m.end("s") if m["poss"] and not y else m.end()
        return Candidate(start, end, "season", dict(season=lex.seasons[word], y=y, det=det, mod=mod), 5)

    def p_time(self, m, text, lex):
        qmod_word = (m["qmod"] or "").lower()
        qmod = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "shortly after": "AFTER",
                "shortly before": "BEFORE", "just after": "AFTER", "just before": "BEFORE", "before": "BEFORE",
                "after": "AFTER", "until": None, "by": None}.get(qmod_word)
        start = m.start() if qmod_word and qmod_word not in ("before", "after", "until", "by") \
            and qmod_word not in lex.modifiers_outside_span else None
        if m["cw"]:
            hh, mm = lex.clock_words[m["cw"].lower()].split(":")
            h, mi = int(hh), int(mm)
            if m["cw"].lower() in ("noon", "midday") and word_before(text, m.start("cw")) not in (
                    "at", "by", "until", "before", "after", "around", "about", "from", "since", "till", "to", "past", "on", "near"):
                if not m["tz4"]:
                    return None
            cstart = m.start("cw")
        elif m["h"] is not None:
            h, mi = int(m["h"]), int(m["mi"] or 0)
            ap = m["ap"].lower()
            if ap.startswith("p") and h < 12:
                h += 12
            elif ap.startswith("a") and h == 12:
                h = 0
            if h > 24 or (ap[0] in "ap" and int(m["h"]) > 12):
                return None
            cstart = m.start("h")
        elif m["h2"] is not None:
            h, mi = int(m["h2"]), int(m["mi2"])
            if not m["tz2"] and word_before(text, m.start("h2")) not in ("at", "by", "until", "before", "after", "around", "about", "from", "till", "to", "since"):
                return None
            cstart = m.start("h2")
        else:
            h, mi = int(m["h3"]), int(m["mi3"])
            cstart = m.start("h3")
        end = m.end()
        if m["ap"] and not m["tz"] and text[end - 1:end] == "." and re.match(r"\s+[A-Z\"“`]|\s*\n|\s*$", text[end:end + 3]):
            end -= 1  # "at 6 a.m. The ...": the dot ends the sentence too
        tz = (m["tz"] or m["tz2"] or m["tz3"] or m["tz4"] or "").lower()
        utc = tz in ("utc", "gmt", "z")  # TIMEX3 marks universal time with a Z
        return Candidate(cstart if start is None else start, end, "time", dict(h=h, mi=mi, mod=qmod, utc=utc), 2)

    def p_holiday(self, m, text, lex):
        name = re.sub(r"\s+", " ", m["hol"].lower()).replace("’", "'")
        if not m["hol"][0].isupper():
            return None
        spec = lex.holidays.get(name)
        if spec is None:
            return None
        c = self._cand(m, "holiday", 3, name=name, spec=spec, y=int(m["y"]) if m["y"] else None)
        return c

    def p_fuzzy(self, m, text, lex):
        w = re.sub(r"\s+", " ", m["fz"].lower())
        guard = lex.fuzzy_guards.get(w)
        if guard:
            nxt = word_after(text, m.end()).lower()
            before = word_before(text, m.start())
            if nxt in guard.get("not_followed_by", ()):
                return None
            if "only_before" in guard and nxt not in guard["only_before"]:
                return None
            if "only_after" in guard and before not in guard["only_after"]:
                return None
            if before in guard.get("not_after", ()):
                return None
        return self._cand(m, "fuzzy", 9, value=lex.fuzzy[w])

    def p_set(self, m, text, lex):
        if m["sw"]:
            raw_before = raw_word_before(text, m.start())
            if m["sw"][0].isupper() and raw_before[:1].isupper() and not sentence_start(text, m.start() - len(raw_before)):
                return None  # "Coast Business Weekly", "Los Angeles Daily News": a name
            return self._cand(m, "set", 9, value=lex.sets[m["sw"].lower()])
        det = re.sub(r"\s+", " ", m["sd"].lower())
        every = lex.set_determiners[det]
        su = m["su"].lower()
        if su in lex.weekday_names:
            return self._cand(m, "set", 9, value=f"XXXX-WXX-{lex.weekday_names[su]}", weekday=m["su"])
        if su in lex.day_parts:
            return self._cand(m, "set", 9, value=f"XXXX-XX-XXT{lex.day_parts[su]}")
        unit = lex.units.get(su)
        if unit is None:
            return None
        size = unit["size"] * every
        letter = unit["letter"]
        return self._cand(m, "set", 9, value=("PT" if unit["time"] else "P") + f"{size}{letter}")


@lru_cache(maxsize=None)
def grammar() -> Grammar:
    """The compiled grammar (built once per process)."""
    return Grammar(load())


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class TrapPattern:
    """All trap patterns from grammar.yaml as one RE2 alternation (one linear pass over the
    text), matched only where a word, number or currency sign starts."""

    def __init__(self, regex) -> None:
        self.regex = regex
        """The compiled RE2 alternation."""

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        """Spans ``(start, end)`` of the matches in ``text[pos:endpos]`` that start a word (RE2 has
        no look-behind, so a match inside a word is dropped and the search resumes one character
        later). The window is searched as a slice: RE2's wrapper converts the whole string it is
        given on every call, so searching a window of a long text in place would cost its length."""
        endpos = len(text) if endpos is None else endpos
        window = text[pos:endpos]
        at = 0
        while at < len(window):
            m = self.regex.search(window, at)
            if m is None:
                return
            start = pos + m.start()
            if (_is_word_char(text[start]) or text[start] in "$€£¥") and \
                    (start == 0 or not _is_word_char(text[start - 1])):
                yield start, pos + m.end()
                at = max(m.end(), m.start() + 1)
            else:
                at = m.start() + 1


@lru_cache(maxsize=None)
def trap_regex() -> Optional[TrapPattern]:
    """The traps of grammar.yaml, or None when there are none."""
    parts = [("(?:" if t["case"] else "(?i:") + t["pattern"] + ")" for t in load().traps]
    return TrapPattern(compile_linear("|".join(parts))) if parts else None
