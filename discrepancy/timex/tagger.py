"""tag(): find, settle and anchor the time expressions of a text."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache
from typing import Optional

from discrepancy.timex.expression import TimeExpression
from discrepancy.timex.grammar import Candidate, grammar, trap_regex
from discrepancy.timex.resolve import Context, Resolver

# Between a clock time and the day it falls on ("3 p.m. on Tuesday, 18 March", "9 a.m. EST Tuesday").
_TIME_THEN_DAY = re.compile(r"\s*(?:on\s+)?(?:the\s+)?\Z", re.IGNORECASE)
# Between a day and its clock time ("Tuesday at 3 p.m.", "18 March, 15:00").
_DAY_THEN_TIME = re.compile(r"\s*,?\s*(?:at\s+)?\Z", re.IGNORECASE)
_DAYLIKE = {"date", "weekday", "deictic", "holiday"}


def _candidates(text: str) -> list[Candidate]:
    """Every rule's matches, each rule run only near the words it needs (one RE2 pass finds them)."""
    g = grammar()
    found = g.triggers_in(text)
    n = len(text)
    out: list[Candidate] = []
    stretches: dict[tuple, list[tuple[int, int]]] = {}  # rules that share triggers and reach share windows
    for rule in g.rules:
        spans = found.get(rule.triggers[0], []) if len(rule.triggers) == 1 else \
            sorted(s for kind in rule.triggers for s in found.get(kind, ()))
        if not spans:
            continue
        needs = rule.needs
        reach = (rule.triggers, rule.before, rule.after)
        if reach not in stretches:
            stretches[reach] = g.windows(spans, rule.before, rule.after, n)
        for a, b in stretches[reach]:  # disjoint, so no match is found twice
            if needs is not None and needs.search(text, a, b) is None:
                continue
            for m in rule.regex.finditer(text, a, b):
                c = rule.parse(m, text, g.lex)
                if c is not None and c.end > c.start:
                    out.append(c)
    return out


def _drop_traps(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Drop candidates that overlap a trap (grammar.yaml traps), scanning only around the candidates."""
    regex = trap_regex()
    if regex is None or not cands:
        return cands
    traps: list[tuple[int, int]] = []
    around = grammar().windows(sorted((c.start, c.end) for c in cands), 40, 40, len(text))
    for a, b in around:
        traps.extend((s, e) for s, e in regex.finditer(text, a, b) if e > s)
    if not traps:
        return cands
    starts = [s for s, _ in traps]
    kept = []
    for c in cands:
        hit = None
        for j in range(bisect.bisect_left(starts, c.end) - 1, -1, -1):
            s, e = traps[j]
            if e > c.start:
                hit = (s, e)
                break
            if c.start - s > 200:
                break
        if hit is None:
            kept.append(c)
        elif c.short_end is not None and hit[0] >= c.short_end:
            # only the trailing year is caught ("7 October, 1500 troops"): keep the day and month
            f = dict(c.f)
            f["y"] = None
            f["explicit"] = False
            kept.append(Candidate(c.start, c.short_end, c.kind, f, c.rank))
    return kept


def _settle(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: the longest first, then the lower rank, then the earlier."""
    # which characters the chosen candidates cover: a candidate (never empty: _candidates drops
    # those) is taken when none of its characters is covered yet; inserting each into a sorted
    # list instead would move the whole list each time
    taken = bytearray(max((c.end for c in cands), default=0) + 1)
    chosen: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.rank, c.start)):
        if taken.find(1, c.start, c.end) != -1:
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _merge_times(text: str, cands: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in cands:
        if out:
            p = out[-1]
            gap = text[p.end:c.start]
            if p.kind == "time" and c.kind in _DAYLIKE and _TIME_THEN_DAY.match(gap) and "\n" not in gap:
                out[-1] = Candidate(p.start, c.end, "datetime", {"time": p, "date": c}, 2)
                continue
            if p.kind in _DAYLIKE and c.kind == "time" and _DAY_THEN_TIME.match(gap) and "\n" not in gap \
                    and not p.f.get("part") and not p.f.get("time"):
                out[-1] = Candidate(p.start, c.end, "datetime", {"time": c, "date": p}, 2)
                continue
        out.append(c)
    return out


@lru_cache(maxsize=4)
def _settled(text: str, g: object) -> tuple[Candidate, ...]:
    """The candidates of a text, settled: they do not depend on the anchor, so an article tagged
    once to find its anchor and again against it is searched once. ``g`` is the grammar they
    come from (a lexicon reloaded makes another)."""
    return tuple(_merge_times(text, _settle(_drop_traps(text, _candidates(text)))))


def tag(text: str, anchor: Optional[dt.date] = None, anchor_how: Optional[str] = None) -> list[TimeExpression]:
    """All time expressions in text, sorted by start, non-overlapping. Relative ones are resolved
    against `anchor` (the document creation time or another reference date; `anchor_how` says in words
    where it comes from, e.g. "publication date 2025-09-15" or "caption date May 18, 2025") and never guessed
    when anchor is None."""
    if not isinstance(text, str) or not text:
        return []
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    how = f"the {anchor_how}" if anchor_how else (f"the anchor date {anchor.isoformat()}" if anchor else "no anchor")
    if anchor_how and anchor_how.lower().startswith("the "):
        how = anchor_how
    g = grammar()
    ctx = Context(text=text, anchor=anchor, how=how, lex=g.lex)
    resolver = Resolver(ctx)
    settled = _settled(text, g)
    out = []
    for c in settled:
        r = resolver.run(c)
        out.append(TimeExpression(
            start=c.start, end=c.end, text=text[c.start:c.end], type=r.type, value=r.value, mod=r.mod,
            relative=r.relative, resolved=r.resolved, calendar=r.calendar if r.resolved else None,
            duration=r.duration, weekday=r.weekday, tense=r.tense, derivation=r.derivation))
    return out
