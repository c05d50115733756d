"""Check type about counts and amounts."""
from __future__ import annotations

from typing import Iterable

from discrepancy.engine.checks.dates import disputing
from discrepancy.engine.registry import CheckParams, CheckType, Hit, register
from discrepancy.models import Claim, Group


class NumberParams(CheckParams):
    """Parameters of ``number_conflict``."""

    approximate_tolerance: float = 0.1
    """How far an approximate figure ("about 300") may be from an exact one, relative (0.1 = 10%)."""


def _range(claim: Claim, tolerance: float) -> tuple[float, float]:
    """The values a figure allows: exact, about (+/- tolerance), at least, at most."""
    value = float(claim.attr("base") or claim.value)
    approx = claim.attr("approx")
    if approx == "about":
        return value * (1 - tolerance), value * (1 + tolerance)
    if approx == "at_least":
        return value, float("inf")
    if approx == "at_most":
        return 0.0, value
    return value, value


def number_conflict(group: Group, params: NumberParams) -> Iterable[Hit]:

    def clash(a: Claim, b: Claim) -> bool:
        if "1" in (a.attr("tally"), b.attr("tally")) and a.attr("published") != b.attr("published"):
            return False  # a running tally ("15 remain missing as of Tuesday") moves between reports
        lo_a, hi_a = _range(a, params.approximate_tolerance)
        lo_b, hi_b = _range(b, params.approximate_tolerance)
        return hi_a < lo_b - 1e-9 or hi_b < lo_a - 1e-9

    def reads(c: Claim) -> tuple:
        return c.attr("tally"), c.attr("published"), _range(c, params.approximate_tolerance)

    party = disputing(tuple(c for c in group.claims if c.attr("revision") != "1"), clash, reads)
    if party:
        yield Hit(group.subject, party)


register(CheckType(
    name="number_conflict", params=NumberParams, kinds=("number",), fields=(), run=number_conflict,
    summary="Sources give different counts or amounts of the same thing, beyond stated approximation."))


class RevisionParams(CheckParams):
    """Parameters of ``number_revision`` (none beyond the category)."""


def number_revision(group: Group, params: RevisionParams) -> Iterable[Hit]:
    """A later article updates a figure ("the toll rose to 41"): information, not a conflict."""
    revised = [c for c in group.claims if c.attr("revision") == "1"]
    for r in revised:
        earlier = [c for c in group.claims if c.source != r.source and c.attr("revision") != "1"
                   and (c.attr("published") or "") <= (r.attr("published") or "9999") and c.value != r.value]
        if earlier:
            yield Hit(group.subject, tuple([*earlier, r]),
                      (("update", f"{r.source.rsplit('/', 1)[-1]} updates it to {r.value}"),))
            return


register(CheckType(
    name="number_revision", params=RevisionParams, kinds=("number",), fields=("update",), run=number_revision,
    summary="A later article revises a figure another gave (\"the toll rose to 41\").", informational=True))


class OrdinalParams(CheckParams):
    """Parameters of ``ordinal_conflict`` (none beyond the category)."""


def ordinal_conflict(group: Group, params: OrdinalParams) -> Iterable[Hit]:
    """"The tenth eruption" against "the ninth": one of them miscounts the earlier ones."""
    party = disputing(group.claims, lambda a, b: a.value != b.value, lambda c: c.value)
    if party:
        yield Hit(group.subject, party)


register(CheckType(
    name="ordinal_conflict", params=OrdinalParams, kinds=("ordinal",), fields=(), run=ordinal_conflict,
    summary="Sources number the same event differently among the occurrences of its kind."))
