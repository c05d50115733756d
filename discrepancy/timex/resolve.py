"""Anchoring: from a candidate (what the words say) to a TIMEX3 value and a calendar meaning.

Relative expressions are resolved against the anchor (the document date) by the tense of the
governing clause; "the next day", "that year", "two days later" against the reference time the
text has moved to (the last absolute date before them), or the anchor when there is none.
Nothing is guessed without an anchor: the value keeps ``XXXX`` placeholders and ``calendar`` is None.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from dateutil.relativedelta import relativedelta

from discrepancy.timex.grammar import Candidate, word_before
from discrepancy.timex.lexicon import Lexicon
from discrepancy.timex.tense import clause_tense

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
NO_TENSE_MAX_DAYS_BACK = 5
"""With no tense to go by, a weekday is read as past (news reports what happened) unless that would put it
more than this many days back: from a Wednesday, "Friday's protest" is the Friday before, "Tuesday" the
day before; only "Thursday" (tomorrow) is read forward."""
QUARTER_CONTEXT_CHARS = 250
"""How far after a named quarter "a year earlier"/"a year ago" is read as that quarter a year before."""


@dataclass
class Context:
    """What resolution needs to know about the document, and the reference time it has moved to."""

    text: str
    anchor: Optional[dt.date]
    how: str
    lex: Lexicon
    ref_day: Optional[dt.date] = None
    ref_month: Optional[tuple[int, int]] = None
    ref_year: Optional[int] = None
    ref_quarter: Optional[tuple[int, int, int]] = None
    """The last quarter the text named: (year, quarter, offset where it was named)."""
    _tense: dict = field(default_factory=dict)

    def tense(self, c: Candidate) -> Optional[str]:
        key = (c.start, c.end)
        if key not in self._tense:
            self._tense[key] = clause_tense(self.text, c.start, c.end)
        return self._tense[key]

    def quote(self, c: Candidate) -> str:
        if c.quote is None:
            c.quote = self._quote(c)
        return c.quote

    def _quote(self, c: Candidate) -> str:
        words = self.text[c.start:c.end]
        prep = word_before(self.text, c.start)
        if prep in self.lex.prepositions and self.text[max(0, c.start - len(prep) - 1):c.start].strip().lower() == prep:
            words = f"{self.text[c.start - len(prep) - 1:c.start - 1]} {words}"
        return f'"{" ".join(words.split())}"'

    def note_day(self, day: dt.date) -> None:
        self.ref_day, self.ref_month, self.ref_year = day, (day.year, day.month), day.year

    def note_month(self, y: int, m: int) -> None:
        self.ref_day, self.ref_month, self.ref_year = None, (y, m), y

    def note_year(self, y: int) -> None:
        self.ref_day, self.ref_month, self.ref_year = None, None, y


@dataclass
class Reading:
    """The fields of a TimeExpression other than its span."""

    type: str
    value: str
    mod: Optional[str] = None
    relative: bool = False
    resolved: bool = True
    calendar: Optional[str] = None
    duration: Optional[str] = None
    weekday: Optional[str] = None
    tense: Optional[str] = None
    derivation: str = ""


# ---------------------------------------------------------------- calendar helpers
def ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def week_range(d: dt.date) -> str:
    mon = d - dt.timedelta(days=d.weekday())
    return f"{mon.isoformat()}/{(mon + dt.timedelta(days=6)).isoformat()}"


def quarter_range(y: int, q: int, half: bool = False) -> str:
    if half:
        a, b = (1, 6) if q == 1 else (7, 12)
    else:
        a, b = 3 * q - 2, 3 * q
    return f"{ym(y, a)}/{ym(y, b)}"


def safe_date(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def pick_year_for_day(anchor: dt.date, m: int, d: int, tense: Optional[str],
                      grace_days: int = 0, rel: Optional[str] = None) -> tuple[Optional[dt.date], str]:
    """The year of a day-month without one: by "last"/"next", else by tense, else the nearest.
    In a past-tense clause the day may lie up to grace_days after the anchor. A weekday named with the
    date ("Friday, 22 March") does not choose the year: a weekday that does not fit is a finding."""
    options = [x for x in (safe_date(anchor.year + k, m, d) for k in (-1, 0, 1)) if x]
    if not options:
        return None, "no such day"
    if rel in ("last", "past", "previous"):
        before = [x for x in options if x < anchor]
        if before:
            return max(before), "the most recent such day before"
    if rel in ("next", "coming"):
        after = [x for x in options if x > anchor]
        if after:
            return min(after), "the next such day after"
    if tense == "past":
        limit = anchor + dt.timedelta(days=grace_days)
        before = [x for x in options if x <= limit]
        if before:
            return max(before), (f"past tense, the latest such day up to {grace_days} days after" if grace_days
                                 else "past tense, the most recent such day on or before")
    if tense == "future":
        after = [x for x in options if x >= anchor]
        if after:
            return min(after), "future tense, the next such day"
    best = min(options, key=lambda x: (abs((x - anchor).days), x > anchor))
    return best, "the nearest such day"


def pick_year_for_month(anchor: dt.date, m: int, tense: Optional[str], grace_months: int = 0) -> tuple[int, str]:
    a = anchor.year * 12 + anchor.month - 1
    options = [(anchor.year + k) * 12 + m - 1 for k in (-1, 0, 1)]
    if tense == "past":
        return max(o for o in options if o <= a + grace_months) // 12, (
            f"past tense, the latest such month up to {grace_months} months after" if grace_months
            else "past tense, the most recent such month")
    if tense == "future":
        return min(o for o in options if o >= a) // 12, "future tense, the next such month"
    best = min(options, key=lambda o: (abs(o - a), o > a))
    return best // 12, "the nearest such month"


def weekday_date(anchor: dt.date, wd: int, tense: Optional[str], rel: Optional[str]) -> tuple[dt.date, str]:
    back = (anchor.isoweekday() - wd) % 7        # days back to the same weekday, 0..6
    fwd = (wd - anchor.isoweekday()) % 7          # days forward, 0..6
    name = WEEKDAYS[wd - 1]
    if rel in ("last", "past"):
        return anchor - dt.timedelta(days=back or 7), f"the {name} before"
    if rel in ("next", "coming"):
        return anchor + dt.timedelta(days=fwd or 7), f"the {name} after"
    if rel == "this":
        if tense == "past":
            return anchor - dt.timedelta(days=back), f"past tense, the {name} on or before"
        return anchor + dt.timedelta(days=fwd), f"the {name} on or after"
    if tense == "past":
        return anchor - dt.timedelta(days=back), f"past tense, the {name} on or before"
    if tense == "future":
        return anchor + dt.timedelta(days=fwd), f"future tense, the {name} on or after"
    label = "present tense" if tense == "present" else "no tense"
    if back <= NO_TENSE_MAX_DAYS_BACK:
        return anchor - dt.timedelta(days=back), f"{label}, the nearest {name}, on or before"
    return anchor + dt.timedelta(days=fwd), f"{label}, the nearest {name}, after"


def shift(anchor: dt.date, unit: str, k: float) -> dt.date:
    if unit == "year":
        return anchor + relativedelta(years=int(k)) if k == int(k) else anchor + relativedelta(months=int(round(k * 12)))
    if unit == "decade":
        return anchor + relativedelta(years=int(round(k * 10)))
    if unit == "century":
        return anchor + relativedelta(years=int(round(k * 100)))
    if unit == "month":
        return anchor + relativedelta(months=int(k)) if k == int(k) else anchor + relativedelta(days=int(round(k * 30)))
    if unit == "quarter":
        return anchor + relativedelta(months=int(round(k * 3)))
    if unit in ("week",):
        return anchor + relativedelta(days=int(round(k * 7)))
    if unit == "fortnight":
        return anchor + relativedelta(days=int(round(k * 14)))
    if unit == "weekend":
        return anchor + relativedelta(days=int(round(k * 7)))
    return anchor + relativedelta(days=int(round(k)))


def at_unit(d: dt.date, unit: str) -> tuple[str, str]:
    """(TIMEX3 value, calendar) of the unit-sized period containing d."""
    if unit in ("year",):
        return f"{d.year:04d}", f"{d.year:04d}"
    if unit == "decade":
        return f"{d.year // 10:03d}", f"{d.year // 10 * 10}/{d.year // 10 * 10 + 9}"
    if unit == "century":
        return f"{d.year // 100:02d}", f"{d.year // 100 * 100}/{d.year // 100 * 100 + 99}"
    if unit == "month":
        return ym(d.year, d.month), ym(d.year, d.month)
    if unit == "quarter":
        q = (d.month - 1) // 3 + 1
        return f"{d.year:04d}-Q{q}", quarter_range(d.year, q)
    if unit in ("week", "fortnight"):
        return iso_week(d), week_range(d)
    if unit == "weekend":
        sat = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5)
        return iso_week(d) + "-WE", f"{sat.isoformat()}/{(sat + dt.timedelta(days=1)).isoformat()}"
    return d.isoformat(), d.isoformat()


def placeholder(unit: str) -> str:
    return {"year": "XXXX", "decade": "XXX", "century": "XX", "month": "XXXX-XX", "quarter": "XXXX-QX",
            "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "fortnight": "XXXX-WXX"}.get(unit, "XXXX-XX-XX")


_LOWER = {"Y": (12, "M", False), "M": (30, "D", False), "W": (7, "D", False), "D": (24, "H", True),
          "H": (60, "M", True), "Q": (3, "M", False)}


def iso_duration(n, unit: dict) -> str:
    """ISO 8601 duration of n units: P2D, PT5H, P2Y6M for 2.5 years, PT5H30M for 5 1/2 hours, PXM."""
    letter, size, is_time = unit["letter"], unit["size"], unit["time"]
    if n == "X":
        return ("PT" if is_time else "P") + "X" + letter
    total = float(n) * size
    whole = int(total)
    rest = total - whole
    if not rest:
        return ("PT" if is_time else "P") + f"{whole}{letter}"
    if letter in _LOWER and not (is_time and letter == "M"):
        k, low, low_is_time = _LOWER[letter]
        low_n = rest * k
        if low_n == int(low_n):
            head = f"{whole}{letter}" if whole else ""
            if is_time:
                return f"PT{head}{int(low_n)}{low}"
            if low_is_time:
                return f"P{head}T{int(low_n)}{low}"
            return f"P{head}{int(low_n)}{low}"
    return ("PT" if is_time else "P") + f"{total:g}{letter}"


# ---------------------------------------------------------------- resolution per kind
class Resolver:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    @property
    def anchor_phrase(self) -> str:
        return self.ctx.how

    def run(self, c: Candidate) -> Reading:
        try:
            return getattr(self, "r_" + c.kind)(c)
        except (ValueError, OverflowError):
            # "3000 years ago", "in 9000 years": outside the calendar dates can be computed in
            return Reading("DATE", "XXXX", relative=True, resolved=False,
                           derivation=f"{self.ctx.quote(c)}: outside the years a date can be computed for; "
                                      f"left unresolved")

    # -- absolute or partly absolute days
    def _day(self, c: Candidate, y, m, d, wd) -> tuple[Optional[dt.date], str, bool, Optional[str]]:
        """(date or None, how, relative?, tense used)."""
        ctx = self.ctx
        if y is not None:
            day = safe_date(y, m, d)
            return day, "explicit date", False, None
        if ctx.anchor is None:
            return None, "day and month without a year, and no anchor", True, None
        rel = c.f.get("rel")
        tense = None if rel else ctx.tense(c)
        day, how = pick_year_for_day(ctx.anchor, m, d, tense, ctx.lex.past_grace_days, rel)
        return day, f"{how} relative to {self.anchor_phrase}", True, tense

    def r_date(self, c: Candidate) -> Reading:
        f = c.f
        day, how, relative, tense = self._day(c, f.get("y"), f["m"], f["d"], f.get("wd"))
        wd = f.get("wd")
        weekday = WEEKDAYS[wd - 1] if wd else None
        time = f.get("time")
        typ = "TIME" if time else "DATE"
        if day is None:
            if relative:
                v = f"XXXX-{f['m']:02d}-{f['d']:02d}"
                return Reading(typ, v + (f"T{time}" if time else ""), relative=True, resolved=False, weekday=weekday,
                               derivation=f"{self.ctx.quote(c)}: {how}; year left open -> {v}")
            return Reading(typ, f"{f['y']:04d}-{f['m']:02d}-XX", derivation=f"{self.ctx.quote(c)}: not a calendar day")
        note = ""
        if wd and day.isoweekday() != wd:
            note = f" (the text says {weekday}, but {day.isoformat()} is a {WEEKDAYS[day.isoweekday() - 1]})"
        self.ctx.note_day(day)
        v = day.isoformat()
        return Reading(typ, v + (f"T{time}" if time else ""), relative=relative, calendar=v, weekday=weekday, tense=tense,
                       derivation=f"{self.ctx.quote(c)}: {how} -> {v}{note}")

    def r_range(self, c: Candidate) -> Reading:
        f, ctx = c.f, self.ctx
        m1, d1, m2, d2 = f["m1"], f["d1"], f["m2"], f["d2"]
        y2 = f.get("y")
        y1 = f.get("y1")
        relative = False
        tense = None
        how = "explicit range"
        if y2 is not None:
            if y1 is None:
                y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
        else:
            if ctx.anchor is None:
                v = f"XXXX-{m1:02d}-{d1:02d}"
                return Reading("DATE", v, relative=True, resolved=False,
                               derivation=f"{ctx.quote(c)}: day range without a year, and no anchor -> {v}")
            tense = ctx.tense(c)
            first, how0 = pick_year_for_day(ctx.anchor, m1, d1, tense, ctx.lex.past_grace_days)
            if first is None:
                return Reading("DATE", f"XXXX-{m1:02d}-{d1:02d}", relative=True, resolved=False,
                               derivation=f"{ctx.quote(c)}: no such day")
            y1 = first.year
            y2 = y1 if (m2, d2) >= (m1, d1) else y1 + 1
            relative = True
            how = f"day range without a year; {how0} relative to {self.anchor_phrase}"
        a, b = safe_date(y1, m1, d1), safe_date(y2, m2, d2)
        if a is None or b is None or b < a:
            return Reading("DATE", f"{y1:04d}-{m1:02d}-{d1:02d}", derivation=f"{ctx.quote(c)}: not a valid range")
        ctx.note_day(a)
        cal = f"{a.isoformat()}/{b.isoformat()}"
        return Reading("DATE", a.isoformat(), relative=relative, calendar=cal, tense=tense,
                       weekday=WEEKDAYS[f["wd"] - 1] if f.get("wd") else None,
                       derivation=f"{ctx.quote(c)}: {how} -> {cal}")

    def r_month(self, c: Candidate) -> Reading:
        f, ctx = c.f, self.ctx
        m, y, rel, mod = f["m"], f.get("y"), f.get("rel"), f.get("mod")
        if y is not None:
            ctx.note_month(y, m)
            v = ym(y, m)
            return Reading("DATE", v, mod=mod, calendar=v, derivation=f"{ctx.quote(c)}: explicit month and year -> {v}")
        if f.get("year_rel"):
            yr = f["year_rel"]
            k = {"last": -1, "this": 0, "next": 1, "the previous": -1, "the following": 1}[yr]
            base_year = ctx.ref_year if yr.startswith("the ") and ctx.ref_year else (ctx.anchor.year if ctx.anchor else None)
            if base_year is None:
                v = f"XXXX-{m:02d}"
                return Reading("DATE", v, mod=mod, relative=True, resolved=False,
                               derivation=f"{ctx.quote(c)}: month of a year relative to an anchor that is missing -> {v}")
            v = ym(base_year + k, m)
            ctx.note_month(base_year + k, m)
            return Reading("DATE", v, mod=mod, relative=True, calendar=v,
                           derivation=f"{ctx.quote(c)}: {yr} year relative to {self.anchor_phrase if not yr.startswith('the ') else 'the last year in the text'} -> {v}")
        if rel == "that" and ctx.ref_year:
            v = ym(ctx.ref_year, m)
            return Reading("DATE", v, mod=mod, relative=True, calendar=v,
                           derivation=f"{ctx.quote(c)}: the year the text last named, {ctx.ref_year} -> {v}")
        if ctx.anchor is None:
            v = f"XXXX-{m:02d}"
            return Reading("DATE", v, mod=mod, relative=True, resolved=False,
                           derivation=f"{ctx.quote(c)}: month without a year, and no anchor -> {v}")
        a = ctx.anchor
        tense = None
        if rel in ("last", "past", "previous"):
            y = a.year if m < a.month else a.year - 1
            how = f"the {MONTHS[m - 1]} before {self.anchor_phrase}"
        elif rel in ("next", "coming"):
            y = a.year if m > a.month else a.year + 1
            how = f"the {MONTHS[m - 1]} after {self.anchor_phrase}"
        elif rel == "this":
            y = a.year
            how = f"the year of {self.anchor_phrase}"
        else:
            tense = ctx.tense(c)
            y, how0 = pick_year_for_month(a, m, tense, ctx.lex.past_grace_months)
            how = f"{how0} relative to {self.anchor_phrase}"
        v = ym(y, m)
        ctx.note_month(y, m)
        return Reading("DATE", v, mod=mod, relative=True, calendar=v, tense=tense,
                       derivation=f"{ctx.quote(c)}: {how} -> {v}")

    def r_year(self, c: Candidate) -> Reading:
        y = c.f["y"]
        self.ctx.note_year(y)
        return Reading("DATE", f"{y:04d}", mod=c.f.get("mod"), calendar=f"{y:04d}",
                       derivation=f"{self.ctx.quote(c)}: explicit year -> {y:04d}")

    def r_decade(self, c: Candidate) -> Reading:
        dec = c.f["dec"]
        cal = f"{dec}0/{dec}9"
        return Reading("DATE", dec, mod=c.f.get("mod"), calendar=cal,
                       derivation=f"{self.ctx.quote(c)}: the decade {dec}0-{dec}9")

    def r_century(self, c: Candidate) -> Reading:
        n = c.f["n"]
        v = f"{n - 1:02d}"
        cal = f"{(n - 1) * 100:04d}/{(n - 1) * 100 + 99:04d}"
        return Reading("DATE", v, calendar=cal, derivation=f"{self.ctx.quote(c)}: the years {cal.replace('/', '-')} -> {v}")

    def r_weekday(self, c: Candidate) -> Reading:
        f, ctx = c.f, self.ctx
        wd, rel, part, mod = f["wd"], f.get("rel"), f.get("part"), f.get("mod")
        name = WEEKDAYS[wd - 1]
        typ = "TIME" if part else "DATE"
        if rel in ("the previous", "the following", "the next") and ctx.ref_day:
            base = ctx.ref_day
            if rel == "the previous":
                day = base - dt.timedelta(days=((base.isoweekday() - wd) % 7) or 7)
            else:
                day = base + dt.timedelta(days=((wd - base.isoweekday()) % 7) or 7)
            v = day.isoformat()
            ctx.note_day(day)
            return Reading(typ, v + (f"T{part}" if part else ""), mod=mod, relative=True, calendar=v, weekday=name,
                           derivation=f"{ctx.quote(c)}: {rel} {name} from the last date in the text, {base.isoformat()} -> {v}")
        if rel in ("the previous", "the following", "the next"):
            rel = {"the previous": "last", "the following": "next", "the next": "next"}[rel]
        if rel == "that" and ctx.ref_day:
            base = ctx.ref_day
            day = base + dt.timedelta(days=(wd - base.isoweekday()) % 7)
            v = day.isoformat()
            return Reading(typ, v + (f"T{part}" if part else ""), mod=mod, relative=True, calendar=v, weekday=name,
                           derivation=f"{ctx.quote(c)}: the {name} on or after the last date in the text, {base.isoformat()} -> {v}")
        if ctx.anchor is None:
            v = f"XXXX-WXX-{wd}"
            return Reading(typ, v + (f"T{part}" if part else ""), mod=mod, relative=True, resolved=False, weekday=name,
                           derivation=f"{ctx.quote(c)}: a weekday with no anchor -> {v}")
        tense = ctx.tense(c) if rel in (None, "this") and not f.get("poss") else None
        day, how = weekday_date(ctx.anchor, wd, tense, rel)
        v = day.isoformat()
        return Reading(typ, v + (f"T{part}" if part else ""), mod=mod, relative=True, calendar=v, weekday=name, tense=tense,
                       derivation=f"{ctx.quote(c)}: {how} {self.anchor_phrase} -> {v}")

    def r_deictic(self, c: Candidate) -> Reading:
        f, ctx = c.f, self.ctx
        part, mod, k = f.get("part"), f.get("mod"), f["offset"]
        typ = "TIME" if part else "DATE"
        if ctx.anchor is None:
            v = "XXXX-XX-XX"
            return Reading(typ, v + (f"T{part}" if part else ""), mod=mod, relative=True, resolved=False,
                           derivation=f"{ctx.quote(c)}: relative to an anchor that is missing -> {v}")
        day = ctx.anchor + dt.timedelta(days=k)
        v = day.isoformat()
        how = "the anchor day" if k == 0 else f"{abs(k)} day{'s' if abs(k) > 1 else ''} {'before' if k < 0 else 'after'}"
        return Reading(typ, v + (f"T{part}" if part else ""), mod=mod, relative=True, calendar=v,
                       derivation=f"{ctx.quote(c)}: {how} {self.anchor_phrase} -> {v}")

    def r_relunit(self, c: Candidate) -> Reading:
        f, ctx = c.f, self.ctx
        unit, det, k, mod = f["unit"], f["det"], f["offset"], f.get("mod")
        u = ctx.lex.units.get(unit) or {"name": unit, "letter": "D", "size": 1, "time": False}
        if f["duration"] and not (unit == "day" and det in ("the next", "the previous", "the last")):
            v = iso_duration(1, u)
            return Reading("DURATION", v, mod=mod, duration=v, derivation=f"{ctx.quote(c)}: a length of one {unit} -> {v}")
        if unit == "fortnight":
            v = iso_duration(1, u)
            return Reading("DURATION", v, mod=mod, duration=v, derivation=f"{ctx.quote(c)}: a length -> {v}")
        reference = f["reference"] or unit == "day"
        base, base_how = None, ""
        if reference:
            if unit == "day" and ctx.ref_day:
                base, base_how = ctx.ref_day, f"the last date in the text, {ctx.ref_day.isoformat()}"
            elif unit in ("month", "quarter", "week", "weekend") and ctx.ref_day:
                base, base_how = ctx.ref_day, f"the last date in the text, {ctx.ref_day.isoformat()}"
            elif unit in ("month", "quarter") and ctx.ref_month:
                base = dt.date(ctx.ref_month[0], ctx.ref_month[1], 1)
                base_how = f"the last month in the text, {ym(*ctx.ref_month)}"
            elif unit in ("year", "decade", "century") and ctx.ref_year:
                base, base_how = dt.date(ctx.ref_year, 1, 1), f"the last year in the text, {ctx.ref_year}"
        if base is None:
            if ctx.anchor is None:
                v = placeholder(unit)
                return Reading("DATE", v, mod=mod, relative=True, resolved=False,
                               derivation=f"{ctx.quote(c)}: relative, and no anchor -> {v}")
            base, base_how = ctx.anchor, self.anchor_phrase
        if f.get("by_tense") and unit == "weekend" and base is ctx.anchor:
            tense = ctx.tense(c)
            sat_back = (base.isoweekday() - 6) % 7
            if tense == "future":
                target = base + dt.timedelta(days=(6 - base.isoweekday()) % 7)
            else:
                target = base - dt.timedelta(days=sat_back if base.isoweekday() in (6, 7) else sat_back)
            v, cal = at_unit(target, unit)
            return Reading("DATE", v, mod=mod, relative=True, calendar=cal, tense=tense,
                           derivation=f"{ctx.quote(c)}: {tense or 'no'} tense, the {'next' if tense == 'future' else 'last'} weekend "
                                      f"relative to {base_how} -> {cal}")
        target = shift(base, unit, k)
        v, cal = at_unit(target, unit)
        if unit == "day":
            ctx.note_day(target)
        what = {0: "the same", -1: "the previous", 1: "the next"}.get(k, f"{k:+d}")
        within = f" ({f['within']} in it)" if f.get("within") else ""
        return Reading("DATE", v, mod=mod, relative=True, calendar=cal,
                       derivation=f"{ctx.quote(c)}: {what} {unit} relative to {base_how}{within} -> {cal}")

    def r_ago(self, c: Candidate) -> Reading:
        f, ctx = c.f, self.ctx
        n, unit, sign, origin, mod = f["n"], f["unit"], f["sign"], f["origin"], f.get("mod")
        name = unit["name"]
        if n == "X":
            v = "PAST_REF" if sign < 0 else "FUTURE_REF"
            return Reading("DATE", v, mod=mod, relative=True, derivation=f"{ctx.quote(c)}: an unspecified time {'before' if sign < 0 else 'after'} -> {v}")
        base, base_how = None, ""
        if origin == "reference" and ctx.ref_day:
            base, base_how = ctx.ref_day, f"the last date in the text, {ctx.ref_day.isoformat()}"
        if base is None and origin == "reference" and ctx.ref_year and name in ("year", "decade") and ctx.anchor is None:
            base, base_how = dt.date(ctx.ref_year, 1, 1), f"the last year in the text, {ctx.ref_year}"
        if base is None:
            if ctx.anchor is None:
                v = placeholder(name)
                return Reading("DATE", v, mod=mod, relative=True, resolved=False,
                               derivation=f"{ctx.quote(c)}: counted from an anchor that is missing -> {v}")
            base, base_how = ctx.anchor, self.anchor_phrase
        if unit["time"]:
            v = base.isoformat()
            return Reading("TIME", v, mod=mod, relative=True, calendar=None,
                           derivation=f"{ctx.quote(c)}: hours or minutes from {base_how}; the day only -> {v}")
        rq = ctx.ref_quarter
        if name == "year" and float(n) == int(float(n)) and rq and 0 <= c.start - rq[2] < QUARTER_CONTEXT_CHARS:
            # "a year earlier" right after "the third quarter": the same quarter, n years before
            y = rq[0] + sign * int(float(n))
            v = f"{y:04d}-Q{rq[1]}"
            return Reading("DATE", v, mod=mod, relative=True, calendar=quarter_range(y, rq[1]),
                           derivation=f"{ctx.quote(c)}: {float(n):g} year{'s' if float(n) != 1 else ''} {'before' if sign < 0 else 'after'} "
                                      f"the quarter just named ({rq[0]}-Q{rq[1]}) -> {v}")
        target = shift(base, name, sign * float(n))
        v, cal = at_unit(target, name if name != "weekend" else "week")
        nn = f"{float(n):g}"
        return Reading("DATE", v, mod=mod, relative=True, calendar=cal,
                       derivation=f"{ctx.quote(c)}: {nn} {name}{'s' if float(n) != 1 else ''} {'before' if sign < 0 else 'after'} {base_how} -> {cal}")

    def r_duration(self, c: Candidate) -> Reading:
        f = c.f
        v = iso_duration(f["n"], f["unit"])
        how = "an unspecified number of " + f["unit"]["name"] + "s" if f["n"] == "X" else "a length"
        return Reading("DURATION", v, mod=f.get("mod"), duration=v, derivation=f"{self.ctx.quote(c)}: {how} -> {v}")

    def r_quarter(self, c: Candidate) -> Reading:
        f, ctx = c.f, self.ctx
        part, n, y, det = f["part"], f["n"], f.get("y"), f.get("det")
        half = part == "H"
        label = f"{'H' if half else 'Q'}{n}"
        if y is not None:
            v = f"{y:04d}-{label}"
            ctx.note_year(y)
            if not half:
                ctx.ref_quarter = (y, n, c.end)
            return Reading("DATE", v, calendar=quarter_range(y, n, half), derivation=f"{ctx.quote(c)}: explicit -> {v}")
        if f.get("year_rel") and ctx.anchor is not None:
            y = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[f["year_rel"]]
            v = f"{y:04d}-{label}"
            if not half:
                ctx.ref_quarter = (y, n, c.end)
            return Reading("DATE", v, relative=True, calendar=quarter_range(y, n, half),
                           derivation=f"{ctx.quote(c)}: {f['year_rel']} year relative to {self.anchor_phrase} -> {v}")
        if ctx.anchor is None:
            v = f"XXXX-{label}"
            return Reading("DATE", v, relative=True, resolved=False, derivation=f"{ctx.quote(c)}: no year and no anchor -> {v}")
        a = ctx.anchor
        tense = None
        rq = ctx.ref_quarter
        if n is None and det == "year-earlier" and rq and 0 <= c.start - rq[2] < QUARTER_CONTEXT_CHARS:
            # the comparison quarter does not move the discourse: ref_quarter stays the quarter reported on
            v = f"{rq[0] - 1:04d}-Q{rq[1]}"
            return Reading("DATE", v, relative=True, calendar=quarter_range(rq[0] - 1, rq[1]),
                           derivation=f"{ctx.quote(c)}: the quarter just named ({rq[0]}-Q{rq[1]}), a year before -> {v}")
        if n is None and f.get("adjective"):
            v = f"{a.year - 1:04d}"
            return Reading("DATE", v, relative=True, calendar=v, derivation=f"{ctx.quote(c)}: the year before {self.anchor_phrase} -> {v}")
        if n is None:
            # "the quarter", "the latest quarter": the last complete quarter, as earnings reports mean it
            q_now = (a.month - 1) // 3 + 1
            y, n = (a.year, q_now - 1) if q_now > 1 else (a.year - 1, 4)
            if det == "year-earlier":
                y, how = y - 1, "the same quarter a year before the last complete one before " + self.anchor_phrase
            else:
                how = "the last complete quarter before " + self.anchor_phrase
            label = f"Q{n}"
        elif det == "year-earlier":
            y, how = a.year - 1, "the year before " + self.anchor_phrase
            v = f"{y:04d}-{label}"
            return Reading("DATE", v, relative=True, calendar=quarter_range(y, n, half), derivation=f"{ctx.quote(c)}: {how} -> {v}")
        else:
            first_month = (n - 1) * (6 if half else 3) + 1
            y = a.year if first_month <= a.month else a.year - 1
            how = f"the most recent such {'half' if half else 'quarter'} begun by {self.anchor_phrase}"
        v = f"{y:04d}-{label}"
        if not half:
            ctx.ref_quarter = (y, n, c.end)
        return Reading("DATE", v, relative=True, calendar=quarter_range(y, n, half), tense=tense,
                       derivation=f"{ctx.quote(c)}: {how} -> {v}")

    def r_season(self, c: Candidate) -> Reading:
        f, ctx = c.f, self.ctx
        s, y, det, mod = f["season"], f.get("y"), f.get("det"), f.get("mod")
        if y is not None:
            return Reading("DATE", f"{y:04d}-{s}", mod=mod, derivation=f"{ctx.quote(c)}: explicit season and year -> {y:04d}-{s}")
        if det == "that" and ctx.ref_year:
            return Reading("DATE", f"{ctx.ref_year:04d}-{s}", mod=mod, relative=True,
                           derivation=f"{ctx.quote(c)}: the year the text last named -> {ctx.ref_year:04d}-{s}")
        if ctx.anchor is None:
            return Reading("DATE", f"XXXX-{s}", mod=mod, relative=True, resolved=False,
                           derivation=f"{ctx.quote(c)}: season without a year, and no anchor -> XXXX-{s}")
        a = ctx.anchor
        start = SEASON_START[s]
        am = a.year * 12 + a.month - 1

        def occ(yy):  # month index of the start of the season called yy-s
            return yy * 12 + start - 1
        tense = None
        if det in ("last", "past", "previous"):
            y = max(yy for yy in (a.year - 2, a.year - 1, a.year) if occ(yy) + 2 < am)
            how = "the most recent such season that has ended"
        elif det in ("next", "coming"):
            y = min(yy for yy in (a.year, a.year + 1, a.year + 2) if occ(yy) > am)
            how = "the next such season"
        elif det == "this":
            y, how = (a.year - 1 if s == "WI" and a.month <= 2 else a.year), "the season of the anchor year"
        else:
            tense = ctx.tense(c)
            if tense == "past":
                y = max(yy for yy in (a.year - 1, a.year) if occ(yy) <= am)
                how = "past tense, the most recent such season"
            elif tense == "future":
                y = min(yy for yy in (a.year - 1, a.year, a.year + 1) if occ(yy) + 2 >= am)
                how = "future tense, the next such season"
            else:
                y, how = (a.year - 1 if s == "WI" and a.month <= 2 else a.year), "the season of the anchor year"
        v = f"{y:04d}-{s}"
        return Reading("DATE", v, mod=mod, relative=True, tense=tense, derivation=f"{ctx.quote(c)}: {how}, relative to {self.anchor_phrase} -> {v}")

    def r_time(self, c: Candidate) -> Reading:
        f, ctx = c.f, self.ctx
        t = f"{f['h']:02d}:{f['mi']:02d}" + ("Z" if f.get("utc") else "")
        if ctx.anchor is None:
            return Reading("TIME", f"XXXX-XX-XXT{t}", mod=f.get("mod"), relative=True, resolved=False,
                           derivation=f"{ctx.quote(c)}: a time of day without a date or an anchor")
        day = ctx.ref_day or ctx.anchor
        src = f"the last date in the text, {day.isoformat()}" if ctx.ref_day else self.anchor_phrase
        v = f"{day.isoformat()}T{t}"
        return Reading("TIME", v, mod=f.get("mod"), relative=True, derivation=f"{ctx.quote(c)}: a time of day on {src} -> {v}")

    def r_datetime(self, c: Candidate) -> Reading:
        time_c, date_c = c.f["time"], c.f["date"]
        d = self.run(date_c)
        t = f"{time_c.f['h']:02d}:{time_c.f['mi']:02d}" + ("Z" if time_c.f.get("utc") else "")
        base = d.value.split("T")[0]
        return Reading("TIME", f"{base}T{t}", mod=time_c.f.get("mod") or d.mod, relative=d.relative, resolved=d.resolved,
                       calendar=d.calendar, weekday=d.weekday, tense=d.tense,
                       derivation=f"{self.ctx.quote(c)}: {t} on {d.derivation}")

    def r_holiday(self, c: Candidate) -> Reading:
        f, ctx = c.f, self.ctx
        spec, name = f["spec"], f["name"]

        def on(y):
            if "date" in spec:
                mm, dd = (int(x) for x in spec["date"].split("-"))
                return dt.date(y, mm, dd)
            first = dt.date(y, spec["month"], 1)
            if spec["nth"] > 0:
                off = (spec["weekday"] - first.isoweekday()) % 7
                return first + dt.timedelta(days=off + 7 * (spec["nth"] - 1))
            last = (first + relativedelta(months=1)) - dt.timedelta(days=1)
            return last - dt.timedelta(days=(last.isoweekday() - spec["weekday"]) % 7)
        if f.get("y"):
            day = on(f["y"])
            ctx.note_day(day)
            return Reading("DATE", day.isoformat(), calendar=day.isoformat(), derivation=f"{ctx.quote(c)}: {name} of {f['y']} -> {day}")
        if ctx.anchor is None:
            return Reading("DATE", "XXXX-XX-XX", relative=True, resolved=False, derivation=f"{ctx.quote(c)}: {name}, year unknown")
        tense = ctx.tense(c)
        a = ctx.anchor
        opts = [on(a.year + k) for k in (-1, 0, 1)]
        if tense == "future":
            day = min(x for x in opts if x >= a)
        elif tense == "past":
            day = max(x for x in opts if x <= a + dt.timedelta(days=ctx.lex.past_grace_days))
        else:
            day = min(opts, key=lambda x: (abs((x - a).days), x > a))
        ctx.note_day(day)
        return Reading("DATE", day.isoformat(), relative=True, calendar=day.isoformat(), tense=tense,
                       derivation=f"{ctx.quote(c)}: {name} nearest {self.anchor_phrase} by tense -> {day}")

    def r_fuzzy(self, c: Candidate) -> Reading:
        v = c.f["value"]
        return Reading("DATE", v, derivation=f"{self.ctx.quote(c)}: a vague reference -> {v}")

    def r_set(self, c: Candidate) -> Reading:
        v = c.f["value"]
        return Reading("SET", v, weekday=c.f.get("weekday"), derivation=f"{self.ctx.quote(c)}: a repeating time -> {v}")
