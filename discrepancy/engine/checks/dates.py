"""Check types about when things happened: date conflicts, history conflicts, weekday/date
mismatches, novelty against history, and stated lengths against stated dates."""
from __future__ import annotations

from typing import Iterable, Literal

from discrepancy.align import interval, precision
from discrepancy.engine.registry import CheckParams, CheckType, Hit, register
from discrepancy.models import Claim, Group


def _compatible(a: str, b: str) -> bool:
    """Do two ISO values (or ranges) agree at the precision both state? Ranges must overlap;
    "2025-05" agrees with "2025-05-19"; "2025-05-18" and "2025-05-19" do not."""
    lo_a, hi_a = interval(a)
    lo_b, hi_b = interval(b)
    return lo_a <= hi_b and lo_b <= hi_a


def _piece(claim: Claim, part: str) -> str:
    """The value a claim gives for one part of an event: a range's first day for a start."""
    if part == "start" and claim.attr("part") == "span":
        return claim.attr("first") or claim.value
    if part == "end" and claim.attr("part") == "span":
        return claim.attr("last") or claim.value
    if part == "date" and claim.attr("part") == "span":
        return claim.attr("first") or claim.value
    return claim.value


def disputing(claims: tuple[Claim, ...], clash, key=None) -> tuple[Claim, ...]:
    """The claims that take part in a disagreement between articles: each clashes with a claim
    of another article. An article that contradicts itself within the group is left out (its
    claims are about different things, or it cannot be pinned to one value), and so is a claim
    that agrees with everyone (it is no party to the dispute).

    ``clash`` must not depend on the order of its two claims. With ``key`` (what of a claim
    ``clash`` reads), claims of one article with equal keys are compared as one: a group that
    repeats a few values many times costs the square of its values, not of its claims."""
    key = key or id
    kinds: dict[tuple, list[Claim]] = {}  # (source, key) -> its claims, in order
    for c in claims:
        kinds.setdefault((c.source, key(c)), []).append(c)
    reps = [(source, found[0], len(found)) for (source, _), found in kinds.items()]
    confused = set()
    for i, (source, a, count) in enumerate(reps):
        if count > 1 and clash(a, a):
            confused.add(source)  # two claims alike in what the test reads
        for other, b, _ in reps[i + 1:]:
            if other == source and clash(a, b):
                confused.add(source)
    usable = [(source, a) for source, a, _ in reps if source not in confused]
    disputed = {id(a) for source, a in usable if any(other != source and clash(a, b) for other, b in usable)}
    return tuple(c for c in claims if c.source not in confused and id(kinds[(c.source, key(c))][0]) in disputed)


def _disagreeing_sources(group: Group, value_of) -> tuple[Claim, ...] | None:
    """The claims of different articles that give incompatible values, else None."""
    party = disputing(group.claims, lambda a, b: not _compatible(value_of(a), value_of(b)), value_of)
    return party or None


def _values(claims: Iterable[Claim]) -> str:
    return "; ".join(f"{c.source.rsplit('/', 1)[-1]} says {c.value}" for c in claims)


class DateConflictParams(CheckParams):
    """Parameters of ``date_conflict``."""

    parts: tuple[Literal["start", "end", "date"], ...] = ("start", "end", "date")
    """Which parts of an event the rule compares."""


def date_conflict(group: Group, params: DateConflictParams) -> Iterable[Hit]:
    part = group.key.rsplit("/", 1)[-1]
    if part not in params.parts:
        return
    claims = _disagreeing_sources(group, lambda c: _piece(c, part))
    if claims:
        yield Hit(group.subject, claims, (("part", part),))


register(CheckType(
    name="date_conflict", params=DateConflictParams, kinds=("event_date",), fields=("part",), run=date_conflict,
    summary="Sources date the same part of the same event differently at a precision both state."))


class HistoryConflictParams(CheckParams):
    """Parameters of ``history_conflict``."""

    kinds: tuple[Literal["previous", "origin"], ...] = ("previous", "origin")
    """Which history statements to compare: the previous occurrence, or when the series began."""


def history_conflict(group: Group, params: HistoryConflictParams) -> Iterable[Hit]:
    kind = group.key.split("/")[1]
    if kind not in params.kinds:
        return
    claims = _disagreeing_sources(group, lambda c: c.value)
    if claims:
        yield Hit(group.subject, claims, (("history", kind),))


register(CheckType(
    name="history_conflict", params=HistoryConflictParams, kinds=("history",), fields=("history",),
    run=history_conflict,
    summary="Sources give different dates for an earlier occurrence (the previous one, or the first)."))


class WeekdayParams(CheckParams):
    """Parameters of ``weekday_against_date`` (none beyond the category)."""


def weekday_against_date(group: Group, params: WeekdayParams) -> Iterable[Hit]:
    first = group.claims[0]
    if first.attr("match") == "0":
        yield Hit(group.subject, group.claims,
                  (("weekday", first.attr("weekday") or ""), ("date", first.attr("date") or ""),
                   ("actual", first.attr("actual") or "")))


register(CheckType(
    name="weekday_against_date", params=WeekdayParams, kinds=("weekday",), fields=("weekday", "date", "actual"),
    run=weekday_against_date, summary="A weekday and a calendar date given together do not fall on the same day."))


class UndatedDayParams(CheckParams):
    """Parameters of ``event_weekday_conflict`` and ``event_day_conflict`` (none beyond the category)."""


def undated_day_conflict(group: Group, params: UndatedDayParams) -> Iterable[Hit]:
    """Articles without dates of their own that name different weekdays, or different days of
    the month, for one part of an event (the group holds one of the two kinds)."""
    claims = disputing(group.claims, lambda a, b: a.value != b.value, lambda c: c.value)
    if claims:
        yield Hit(group.subject, claims, (("part", claims[0].attr("part") or "date"),))


register(CheckType(
    name="event_weekday_conflict", params=UndatedDayParams, kinds=("event_weekday",), fields=("part",),
    run=undated_day_conflict,
    summary="Articles without dates of their own name different weekdays for the same part of an event."))
register(CheckType(
    name="event_day_conflict", params=UndatedDayParams, kinds=("event_day",), fields=("part",),
    run=undated_day_conflict,
    summary="Articles without dates of their own give different days of the month for the same part of an event."))


class NoveltyParams(CheckParams):
    """Parameters of ``novelty_against_history`` (none beyond the category)."""


def novelty_against_history(group: Group, params: NoveltyParams) -> Iterable[Hit]:
    firsts = [c for c in group.claims if c.kind == "novelty"]
    earlier = [c for c in group.claims if c.kind != "novelty"]
    if firsts and earlier:
        yield Hit(group.subject, group.claims, (("earlier", ", ".join(sorted({c.value for c in earlier}))),))


register(CheckType(
    name="novelty_against_history", params=NoveltyParams, kinds=("novelty",), fields=("earlier",),
    run=novelty_against_history,
    summary="A source calls an event the first of its kind while another reports an earlier one."))


class DurationParams(CheckParams):
    """Parameters of ``duration_against_span``."""

    inclusive: bool = True
    """Count both ends of a date range ("20-23 May" is four days)."""


def _days(claim: Claim, inclusive: bool) -> int | str | None:
    """A length to compare: days for day-counted lengths and date ranges; "4Y", "3M" for lengths
    in years or months, which compare only with lengths in the same unit."""
    if claim.kind == "duration":
        if claim.attr("days"):
            return int(claim.attr("days"))
        return f"{claim.attr('amount')}{claim.attr('unit')}" if claim.attr("amount") else None
    if precision(claim.value) != "day" or "/" not in claim.value:
        return None
    lo, hi = interval(claim.value)
    return (hi - lo).days + (1 if inclusive else 0)


def _shown(length: int | str) -> str:
    if isinstance(length, int):
        return f"{length} day{'s' if length != 1 else ''}"
    units = {"Y": "year", "M": "month", "W": "week", "D": "day"}
    n = int(length[:-1])
    return f"{n} {units[length[-1]]}{'s' if n != 1 else ''}"


def duration_against_span(group: Group, params: DurationParams) -> Iterable[Hit]:
    lengths = [(c, _days(c, params.inclusive)) for c in group.claims]
    lengths = [(c, d) for c, d in lengths if d]
    # the test reads a claim's source, kind and length only: one claim of each such kind is enough
    kinds = list({(c.source, c.kind, d): (c, d) for c, d in lengths}.values())
    for i, (a, da) in enumerate(kinds):
        for b, db in kinds[i + 1:]:
            comparable = type(da) is type(db) and (isinstance(da, int) or da[-1] == db[-1])
            if a.source != b.source and comparable and da != db and "duration" in (a.kind, b.kind):
                yield Hit(group.subject, tuple(c for c, _ in lengths),
                          (("lengths", "; ".join(f"{c.source.rsplit('/', 1)[-1]}: {_shown(d)}" for c, d in lengths)),))
                return


register(CheckType(
    name="duration_against_span", params=DurationParams, kinds=("duration",), fields=("lengths",),
    run=duration_against_span,
    summary="A stated length (\"a two-day visit\") contradicts another source's length or dates."))
