"""Claims -> aligned groups: claims about the same fact from different articles, side by side.

Events are grouped by class, participants and time (two occurrences of one kind of event stay
apart); names are clustered across spellings with the name matcher, comparing only names that
share a blocking key; numbers by the thing they count.
"""
from __future__ import annotations

import calendar
import datetime as dt
import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Sequence


from discrepancy.models import Article, Claim, Group
from discrepancy.names import blocking_keys, compare

SAME_OCCURRENCE_GAP_DAYS = 5
"""Two day-precise dates of one kind of event further apart than this are different occurrences."""
SAME_OCCURRENCE_GAP_DAYS_INSTANT = 2
"""The same for one-day events (a blast, a vote, a meeting): reports of one rarely differ by more."""


# --- small helpers -----------------------------------------------------------------------

@lru_cache(maxsize=65536)  # a few values, asked about again and again while grouping
def interval(value: str) -> tuple[dt.date, dt.date]:
    """The days an ISO value (or range START/END) can stand for, at its precision."""
    first, _, last = value.partition("/")
    last = last or first
    return _start_of(first), _end_of(last)


def _start_of(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _end_of(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return dt.date(parts[0], 12, 31)


def precision(value: str) -> str:
    """day, month or year: how precise an ISO value's least precise end is."""
    ends = value.split("/")
    n = min(len(e.split("-")) for e in ends)
    return {3: "day", 2: "month", 1: "year"}[n]


def participants(claim: Claim) -> frozenset[str]:
    """The countries a claim names as taking part (empty when unknown)."""
    value = claim.attr("participants") or ""
    return frozenset(p for p in value.split(",") if p)


def participants_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Unknown fits anything; otherwise one set contains the other or they share two members."""
    if not a or not b:
        return True
    return a <= b or b <= a or len(a & b) >= 2


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return sorted(out.values(), key=lambda g: g[0])


def _unite_alike(uf: _UnionFind, keys: Sequence, related) -> None:
    """Union every pair i < j with ``related(i, j)``, where whether two items relate depends only
    on their keys and items with equal keys always do: equal keys are united directly, and only
    one item of each key is compared with the others (claims repeat a few facts many times)."""
    first: dict = {}
    for i, key in enumerate(keys):
        if key in first:
            uf.union(first[key], i)
        else:
            first[key] = i
    kinds = list(first.values())
    for n, i in enumerate(kinds):
        for j in kinds[n + 1:]:
            if related(i, j):
                uf.union(i, j)


# claims about when an event happened, whose key is the event class
_KEYED_BY_EVENT_CLASS = ("event_date", "event_weekday", "event_day")


def _main_participants(claims: Sequence[Claim]) -> dict[tuple[str, str], frozenset[str]]:
    """Per (source, event class) and per (source, ""), the participant set its claims name most
    often: the default for a claim of that article that names none."""
    counts: dict[tuple[str, str], dict[frozenset[str], int]] = defaultdict(lambda: defaultdict(int))
    for c in claims:
        who = participants(c)
        if not who:
            continue
        cls = c.key if c.kind in _KEYED_BY_EVENT_CLASS else (c.attr("class") or c.attr("event") or "")
        counts[(c.source, cls)][who] += 1
        counts[(c.source, "")][who] += 1
    out = {}
    for key, per in counts.items():
        ranked = sorted(per.items(), key=lambda kv: (-kv[1], sorted(kv[0])))
        out[key] = ranked[0][0]
    return out


def _with_default_participants(claim: Claim, defaults: dict[tuple[str, str], frozenset[str]]) -> frozenset[str]:
    own = participants(claim)
    if own:
        return own
    cls = claim.key if claim.kind in (*_KEYED_BY_EVENT_CLASS, "duration", "novelty") else (
        claim.attr("class") or claim.attr("event") or "")
    return defaults.get((claim.source, cls)) or defaults.get((claim.source, ""), frozenset())


# --- events --------------------------------------------------------------------------------

@dataclass
class _Occurrence:
    cls: str
    claims: list[Claim] = field(default_factory=list)


def _occurrences(claims: list[Claim], defaults) -> list[_Occurrence]:
    """Event-date claims of one class split into occurrences by participants and time."""
    fine = [c for c in claims if precision(c.value) == "day" and c.attr("period") != "1"]
    in_fine = set(fine)  # a set: asking a list would compare with every fine claim
    coarse = [c for c in claims if c not in in_fine and precision(c.value) != "year"]
    uf = _UnionFind(len(fine))
    spans = [interval(c.value) for c in fine]
    parts = [_with_default_participants(c, defaults) for c in fine]
    limit = SAME_OCCURRENCE_GAP_DAYS_INSTANT if any(c.attr("instant") == "1" for c in claims) \
        else SAME_OCCURRENCE_GAP_DAYS
    # claims alike in everything the test below reads go together (their gap is 0); one of each
    # kind is compared with the others, and only with those that start at most ``limit`` days
    # after it ends: a sweep in order of start, forgetting what ended too long ago
    first: dict = {}
    for i, c in enumerate(fine):
        key = (spans[i], parts[i], c.attr("tense"), c.attr("anchor"), c.attr("first") or c.value)
        if key in first:
            uf.union(first[key], i)
        else:
            first[key] = i
    open_: list[tuple[dt.date, int]] = []  # (end, index) of kinds that may still be close enough
    for j in sorted(first.values(), key=lambda i: (spans[i][0], i)):
        while open_ and (spans[j][0] - open_[0][0]).days > limit:
            heapq.heappop(open_)
        for _, i in open_:
            gap = max((spans[j][0] - spans[i][1]).days, (spans[i][0] - spans[j][1]).days, 0)
            if gap <= limit and not _past_and_future_apart(fine[i], fine[j]) \
                    and participants_compatible(parts[i], parts[j]):
                uf.union(i, j)
        heapq.heappush(open_, (spans[j][1], j))
    occurrences = [_Occurrence(claims[0].key, [fine[i] for i in group]) for group in uf.groups()]
    # what the placing of coarse claims reads of each occurrence, worked out once (the claims
    # of an occurrence change only below, and only by a coarse claim joining the one it fits)
    who = {id(x): _with_default_participants(x, defaults) for o in occurrences for x in o.claims}
    for c in coarse:
        lo, hi = interval(c.value)
        mine = who[id(c)] = _with_default_participants(c, defaults)
        home = [o for o in occurrences
                if any(interval(x.value)[0] <= hi and lo <= interval(x.value)[1] for x in o.claims)
                and all(participants_compatible(mine, who[id(x)]) for x in o.claims)]
        if len(home) == 1:
            home[0].claims.append(c)
        elif not home:
            # "resigned in March" beside "stepped down on 17 February": a month just off the only
            # nearby occurrence of this kind is a report of that occurrence, at month precision
            near = [o for o in occurrences
                    if min(abs((interval(x.value)[0] - hi).days) for x in o.claims) <= 20
                    or min(abs((lo - interval(x.value)[1]).days) for x in o.claims) <= 20]
            near = [o for o in near if all(participants_compatible(mine, who[id(x)]) for x in o.claims)]
            if len(near) == 1 and not any(_past_and_future_apart(c, x) for x in near[0].claims):
                near[0].claims.append(c)
    return [o for o in occurrences if len({c.source for c in o.claims}) >= 1]


def occurrence_title(occ: "_Occurrence", defaults) -> str:
    """How reports name one occurrence of an event: "the exercise (Azerbaijan, Iran), May 2025"."""
    when = min(c.value.split("/")[0] for c in occ.claims)
    month = dt.date.fromisoformat(when[:7] + "-01").strftime("%B %Y") if len(when) >= 7 else when[:4]
    who: set[str] = set()
    for c in occ.claims:
        who |= _with_default_participants(c, defaults)
    parties = f" ({', '.join(sorted(who))})" if who else ""
    label = next((c.attr("label") for c in occ.claims if c.attr("label")), occ.cls)
    return f"the {label}{parties}, {month}"


def _past_and_future_apart(a: Claim, b: Claim) -> bool:
    """An event one article reports as past and another, written by then, still expects cannot
    be one occurrence ("held talks yesterday" in an article of 12 May; "will meet on Wednesday
    13 May" in another of 12 May). An announcement written before the event is no such case."""
    if {a.attr("tense"), b.attr("tense")} != {"past", "future"}:
        return False
    past, future = (a, b) if a.attr("tense") == "past" else (b, a)
    written = past.attr("anchor")
    return bool(written) and (future.attr("first") or future.value) > written


class _ClaimIndex:
    """The claims of a run, sorted, split by kind and grouped by key: what alignment reads. (A
    plain index: pandas' group-by cost more than all alignment for an article of a few pages.)"""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self._by_kind: dict[str, list[Claim]] = defaultdict(list)
        for c in claims:
            self._by_kind[c.kind].append(c)

    def of(self, kind: str) -> list[Claim]:
        """The claims of one kind, in claim order."""
        return list(self._by_kind.get(kind, ()))

    def grouped(self, kind: str, key=lambda c: c.key) -> list[tuple]:
        """(key, claims) for the claims of one kind, by sorted key, each in claim order."""
        groups: dict = {}
        for c in self._by_kind.get(kind, ()):
            groups.setdefault(key(c), []).append(c)
        return sorted(groups.items(), key=lambda kv: kv[0])


def _event_groups(frame: _ClaimIndex, defaults) -> tuple[list[Group], list[tuple[str, _Occurrence]]]:
    groups: list[Group] = []
    named: list[tuple[str, _Occurrence]] = []
    for cls, rows in frame.grouped("event_date"):
        for n, occ in enumerate(_occurrences(rows, defaults), 1):
            event_id = occurrence_title(occ, defaults)
            named.append((event_id, occ))
            if len({c.source for c in occ.claims}) < 2:
                continue
            instant = any(c.attr("instant") == "1" for c in occ.claims)
            title = occurrence_title(occ, defaults)
            if instant:
                groups.append(Group("event_date", f"{event_id}/date", f"date of {title}", tuple(occ.claims), event_id))
                continue
            for part, takes in (("start", ("start", "span")), ("end", ("end", "span"))):
                members = tuple(c for c in occ.claims if c.attr("part") in takes)
                if len({c.source for c in members}) >= 2:
                    groups.append(Group("event_date", f"{event_id}/{part}", f"{part} of {title}", members, event_id))
    return groups, named


def _duration_groups(frame: _ClaimIndex, occurrences: list[tuple[str, _Occurrence]], defaults) -> list[Group]:
    """Stated lengths of one kind of event, split by participants, beside the dates each source
    gives for a compatible occurrence of it."""
    groups = []
    for cls, claims in frame.grouped("duration"):
        who = [_with_default_participants(c, defaults) for c in claims]
        uf = _UnionFind(len(claims))
        _unite_alike(uf, who, lambda i, j: participants_compatible(who[i], who[j]))
        for n, idx in enumerate(uf.groups(), 1):
            members = [claims[i] for i in idx]
            # compatibility depends on the participant sets alone: each distinct one is tried once
            ours = {who[i] for i in idx}
            fits = [(eid, o) for eid, o in occurrences if o.cls == cls and all(
                participants_compatible(mine, theirs) for mine in ours
                for theirs in {_with_default_participants(x, defaults) for x in o.claims})]
            eid, occ = max(fits, key=lambda f: len({x.source for x in f[1].claims})) if fits else (f"{cls}#{n}", None)
            spans = _spans(occ.claims) if occ else []
            all_claims = tuple(sorted(members + spans, key=lambda c: c.sort_key))
            if len({c.source for c in all_claims}) >= 2:
                groups.append(Group("duration", f"{eid}/length#{n}", members[0].subject, all_claims, eid))
    return groups


def _spans(claims: Sequence[Claim]) -> list[Claim]:
    """Each source's dates of an event: a stated range, or its stated start and end put together
    ("began on 16 September" ... "was extinguished on 19 September")."""
    import dataclasses

    out = [c for c in claims if c.attr("part") == "span"]
    stated = {c.source for c in out}
    by_source: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if c.attr("part") in ("start", "end") and precision(c.value) == "day" and "/" not in c.value:
            by_source[c.source][c.attr("part")].append(c)
    for source, parts in sorted(by_source.items()):
        starts, ends = {c.value for c in parts["start"]}, {c.value for c in parts["end"]}
        if source in stated or len(starts) != 1 or len(ends) != 1:
            continue
        start, end = parts["start"][0], parts["end"][0]
        if end.value < start.value:
            continue
        value = f"{start.value}/{end.value}"
        out.append(dataclasses.replace(
            start, value=value, subject=start.subject.replace("start of", "dates of"),
            derivation=f"start {start.value} (line {start.line}: {start.derivation}) and end {end.value} "
                       f"(line {end.line}: {end.derivation})",
            attrs=tuple(sorted({**dict(start.attrs), "part": "span", "first": start.value,
                                "last": end.value}.items()))))
    return out


def _history_groups(frame: _ClaimIndex, defaults, headlines: dict[str, str]) -> list[Group]:
    groups = []
    for key, claims in frame.grouped("history"):
        uf = _UnionFind(len(claims))
        kinds = [(c.attr("class") or "", c.attr("vocabulary"), _with_default_participants(c, defaults))
                 for c in claims]

        def related(i: int, j: int) -> bool:
            # a listed class and a rough open-vocabulary one ("death" for "died") can name one
            # occurrence: only two classes of one vocabulary keep claims apart
            (ca, va, pa), (cb, vb, pb) = kinds[i], kinds[j]
            return not (ca and cb and ca != cb and va == vb) and participants_compatible(pa, pb)
        _unite_alike(uf, kinds, related)
        for n, idx in enumerate(uf.groups(), 1):
            members = tuple(claims[i] for i in idx)
            if len({c.source for c in members}) >= 2:
                cls = next((c.attr("class") for c in members if c.attr("class")), "")
                subject = members[0].subject if cls else (
                    "earlier occurrence" if key == "previous" else "start of the series")
                groups.append(Group("history", f"history/{key}/{cls or 'any'}#{n}", subject, members,
                                    _headline(cls, headlines)))
    return groups


def _earlier_occurrences(frame: _ClaimIndex, articles: Sequence[Article]) -> list[Claim]:
    """Event dates well before their own article's date ("her predecessor visited Hanoi in March
    2019"): earlier occurrences of that kind of event, as history claims."""
    import dataclasses

    out = []
    for c in frame.of("event_date"):
        written = c.attr("anchor")
        if not written or c.attr("tense") == "future":
            continue
        if interval(c.value)[1] < dt.date.fromisoformat(written) - dt.timedelta(days=60):
            out.append(dataclasses.replace(
                c, kind="history", key="earlier", subject=f"earlier occurrence of the {c.subject.split(' of the ')[-1]}",
                derivation=f"{c.derivation}; well before the article's own date {written}, so an earlier occurrence",
                attrs=tuple(sorted({**dict(c.attrs), "class": c.key}.items()))))
    return out


def _novelty_groups(frame: _ClaimIndex, articles: Sequence[Article], defaults, headlines: dict[str, str]) -> list[Group]:
    groups = []
    history = frame.of("history")
    anchors = {a.path: a.anchor.date for a in articles if a.anchor}
    latest = max(anchors.values()) if anchors else None
    for cls, rows in frame.grouped("novelty"):
        found: dict[tuple, list[Claim]] = {}  # the earlier occurrences for claims alike in what the test reads
        for claim in rows:
            reference = anchors.get(claim.source, latest)
            if reference is None:
                continue
            alike = (claim.source, _with_default_participants(claim, defaults), claim.attr("since"))
            if alike in found:
                earlier = found[alike]
            else:
                earlier = found[alike] = [h for h in history
                       if h.source != claim.source and (not h.attr("class") or h.attr("class") == cls)
                       and participants_compatible(_with_default_participants(h, defaults),
                                                   _with_default_participants(claim, defaults))
                       and interval(h.value)[1] < reference - dt.timedelta(days=20)
                       and (not claim.attr("since") or interval(h.value)[0] > interval(claim.attr("since"))[1])]
            if earlier:
                members = tuple(sorted([claim, *earlier], key=lambda c: c.sort_key))
                groups.append(Group("novelty", f"novelty/{cls}/{claim.source}", claim.subject, members,
                                    _headline(cls, headlines)))
    return groups


def _undated_event_groups(frame: _ClaimIndex, kind: str, defaults, headlines: dict[str, str]) -> list[Group]:
    """The claims of a kind that an article without a date of its own makes about when an event
    happened (a weekday: ``event_weekday``; a day of the month without a year: ``event_day``),
    per kind of event, by the part they name (start, end, the day itself) and split by
    participants. They join no dated occurrence: without a calendar date, nothing says which
    occurrence such a day belongs to (on real news clusters, comparing them with dated
    occurrences joined events years apart)."""
    groups = []
    for cls, claims in frame.grouped(kind):
        # a claim that carries the names of its clause (an event known only by its verb) joins
        # only claims whose clauses share one of them
        kinds = [(c.attr("part") or "date", _with_default_participants(c, defaults),
                  frozenset(c.attr("names").split(",")) if c.attr("names") else None) for c in claims]
        uf = _UnionFind(len(claims))
        _unite_alike(uf, kinds, lambda i, j: kinds[i][0] == kinds[j][0]
                     and participants_compatible(kinds[i][1], kinds[j][1])
                     and (kinds[i][2] is None or kinds[j][2] is None or bool(kinds[i][2] & kinds[j][2])))
        for n, idx in enumerate(uf.groups(), 1):
            members = tuple(claims[i] for i in idx)
            if len({c.source for c in members}) >= 2:
                part = kinds[idx[0]][0]
                what = kind.removeprefix("event_")  # "weekday", "day"
                groups.append(Group(kind, f"{cls}/{what}/{part}#{n}", members[0].subject, members,
                                    _headline(cls, headlines)))
    return groups


def _ordinal_groups(frame: _ClaimIndex, headlines: dict[str, str]) -> list[Group]:
    """Ordinals of one kind of event over one scope ("the tenth eruption this year"): a count
    with another scope, or none, is another fact."""
    groups = []
    for (cls, scope), claims in frame.grouped("ordinal", lambda c: (c.key, c.attr("scope") or "")):
        if len({c.source for c in claims}) >= 2:
            groups.append(Group("ordinal", f"{cls}/ordinal/{scope}", claims[0].subject, tuple(claims),
                                _headline(cls, headlines)))
    return groups


def _weekday_groups(frame: _ClaimIndex) -> list[Group]:
    groups = []
    for (source, key), rows in frame.grouped("weekday", lambda c: (c.source, c.key)):
        groups.append(Group("weekday", f"weekday/{source}/{key}", rows[0].subject, tuple(rows), "weekdays and dates"))
    return groups


# --- names ---------------------------------------------------------------------------------

def _bridge_within_one_article(uf: _UnionFind, pairs: list[tuple[str, str]], index: dict[str, int],
                               spellings: list[str], sources_of: dict[str, frozenset[str]]) -> None:
    """Compare the pairs of spellings of one article whose group already reaches another article,
    until no pair is left that could join such a group."""
    pending = list(pairs)
    changed = True
    while pending and changed:
        changed = False
        reach: dict[int, set[str]] = defaultdict(set)  # group root -> articles its spellings come from
        for i, spelling in enumerate(spellings):
            reach[uf.find(i)] |= sources_of[spelling]
        left = []
        for a, b in pending:
            if len(reach[uf.find(index[a])]) < 2 and len(reach[uf.find(index[b])]) < 2:
                left.append((a, b))
            elif compare(a, b).same:
                uf.union(index[a], index[b])
                changed = True
        pending = left


def _name_groups(frame: _ClaimIndex) -> list[Group]:
    claims = frame.of("name")
    if not claims:
        return []
    spellings = sorted({c.value for c in claims})
    index = {s: i for i, s in enumerate(spellings)}
    uf = _UnionFind(len(spellings))
    # candidates through blocking keys only: never every name against every other
    buckets: dict[str, list[str]] = defaultdict(list)
    for s in spellings:
        for key in blocking_keys(s):
            buckets[key].append(s)
    sources_of: dict[str, frozenset[str]] = defaultdict(frozenset)
    for c in claims:
        sources_of[c.value] = sources_of[c.value] | {c.source}
    # A group is reported only when it spans two articles. Two spellings used only by one and the
    # same article matter only as a bridge into such a group, so they are compared later, and only
    # once one of them has joined a spelling of another article: the groups come out the same as
    # comparing every pair, and an article's own names are not compared among themselves.
    compared: set[tuple[str, str]] = set()
    within_one: list[tuple[str, str]] = []
    for bucket in buckets.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                pair = (a, b) if a < b else (b, a)
                if pair in compared:
                    continue
                compared.add(pair)
                # a lone word joins a full name only through the article that uses both
                if (len(a.split()) == 1) != (len(b.split()) == 1):
                    continue
                if len(sources_of[a]) == 1 and sources_of[a] == sources_of[b]:
                    within_one.append(pair)
                elif compare(a, b).same:
                    uf.union(index[a], index[b])
    # "Madani" joins "Vali Madani" where one article uses both
    by_source: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        by_source[c.source].add(c.value)
    for names in by_source.values():
        by_last: dict[str, list[str]] = defaultdict(list)  # full names by their last word
        for f in names:
            if len(f.split()) > 1:
                by_last[f.split()[-1].casefold()].append(f)
        for short in (n for n in names if len(n.split()) == 1):
            fulls = by_last.get(short.casefold(), [])
            if len(fulls) == 1:
                uf.union(index[short], index[fulls[0]])
    _bridge_within_one_article(uf, within_one, index, spellings, sources_of)
    positions: dict[str, list[int]] = defaultdict(list)  # where each spelling's claims are
    for k, c in enumerate(claims):
        positions[c.value].append(k)
    groups = []
    for n, idx in enumerate(uf.groups(), 1):
        names = {spellings[i] for i in idx}
        if len(names) < 2:
            continue
        members = tuple(claims[k] for k in sorted(k for name in names for k in positions[name]))
        if len({c.source for c in members}) >= 2 and len(names) >= 2:
            full = max(names, key=lambda s: (len(s.split()), len(s), s))
            groups.append(Group("name", f"name/{full}", f"the name {full}", members, "names"))
    return groups


# --- numbers -------------------------------------------------------------------------------

def _number_groups(frame: _ClaimIndex, headlines: dict[str, str]) -> list[Group]:
    groups = []
    for key, rows in frame.grouped("number"):
        claims = [c for c in rows if c.attr("history") != "1"]
        if len({c.source for c in claims}) < 2:
            continue
        # split by who gives the figure and which event it belongs to
        uf = _UnionFind(len(claims))

        def related(i: int, j: int) -> bool:
            a, b = claims[i], claims[j]
            wa, wb = a.attr("attribution"), b.attr("attribution")
            if wa and wb and wa != wb:
                return False
            ea, eb = a.attr("event"), b.attr("event")
            if ea and eb and ea != eb and a.attr("vocabulary") == b.attr("vocabulary") \
                    and not (a.attr("currency") or a.attr("dimension")):
                # counts belong to their event (but a listed class and a rough open-vocabulary one
                # can name the same event); an amount of money is named by its noun
                return False
            return a.attr("dimension") == b.attr("dimension") and a.attr("currency") == b.attr("currency")
        _unite_alike(uf, [tuple(c.attr(k) for k in ("attribution", "event", "vocabulary", "dimension", "currency"))
                          for c in claims], related)
        for n, idx in enumerate(uf.groups(), 1):
            members = _in_common_unit(tuple(claims[i] for i in idx))
            if len({c.source for c in members}) >= 2:
                event = next((c.attr("event") for c in members if c.attr("event")), "")
                groups.append(Group("number", f"number/{key}#{n}", members[0].subject, members,
                                    _headline(event, headlines)))
    return groups


def _place_groups(frame: _ClaimIndex, headlines: dict[str, str]) -> list[Group]:
    groups = []
    for key, rows in frame.grouped("place"):
        members = tuple(rows)
        if len({c.source for c in members}) >= 2:
            groups.append(Group("place", f"place/{key}", members[0].subject, members,
                                _headline(key.split(":", 1)[1] if key.startswith("event:") else "", headlines)))
    return groups


def _term_groups(frame: _ClaimIndex) -> list[Group]:
    groups = []
    for key, rows in frame.grouped("term"):
        members = tuple(rows)
        if len({c.source for c in members}) >= 2 and len({c.value for c in members}) >= 2:
            groups.append(Group("term", f"term/{key}", members[0].subject, members, "terminology"))
    return groups


def _in_common_unit(claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """Figures of one dimension shown in the unit most of them use ("42 square kilometres" shown
    as 4200 beside "4,200 hectares"), so the values compare like with like."""
    import dataclasses

    units = [c.attr("unit") for c in claims if c.attr("unit")]
    if len(set(units)) < 2:
        return claims
    common = max(sorted(set(units)), key=units.count)
    factor = next(float(c.attr("base")) / float(c.value) for c in claims
                  if c.attr("unit") == common and float(c.value))
    out = []
    for c in claims:
        if c.attr("unit") and c.attr("unit") != common and factor:
            value = float(c.attr("base")) / factor
            shown = str(int(value)) if value.is_integer() else f"{value:.6g}"
            out.append(dataclasses.replace(c, value=shown,
                                           derivation=f"{c.derivation}; = {shown} {common}"))
        else:
            out.append(c)
    return tuple(out)


def _headline(cls: str, headlines: dict[str, str]) -> str:
    """The report heading for groups about an event class: its main occurrence, if dated."""
    if not cls:
        return "other facts"
    return headlines.get(cls, f"the {cls}")


def _headlines(occurrences: list[tuple[str, "_Occurrence"]]) -> dict[str, str]:
    """Per event class, the title of its occurrence that most sources date."""
    best: dict[str, tuple[int, str]] = {}
    for title, occ in occurrences:
        n = len({c.source for c in occ.claims})
        if occ.cls not in best or n > best[occ.cls][0]:
            best[occ.cls] = (n, title)
    return {cls: title for cls, (_, title) in best.items()}


def align(articles: Sequence[Article], claims: Iterable[Claim]) -> list[Group]:
    """Every group of claims that could disagree, in a deterministic order."""
    claims = sorted(claims, key=lambda c: c.sort_key)
    if not claims:
        return []
    frame = _ClaimIndex(claims)
    defaults = _main_participants(claims)
    event_groups, occurrences = _event_groups(frame, defaults)
    headlines = _headlines(occurrences)
    groups = [
        *event_groups,
        *_duration_groups(frame, occurrences, defaults),
        *_history_groups(frame, defaults, headlines),
        *_novelty_groups(frame, articles, defaults, headlines),
        *_weekday_groups(frame),
        *_undated_event_groups(frame, "event_weekday", defaults, headlines),
        *_undated_event_groups(frame, "event_day", defaults, headlines),
        *_ordinal_groups(frame, headlines),
        *_name_groups(frame),
        *_number_groups(frame, headlines),
        *_place_groups(frame, headlines),
        *_term_groups(frame),
    ]
    return sorted(groups, key=lambda g: (g.kind, g.key))
