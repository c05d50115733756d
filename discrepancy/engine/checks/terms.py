"""Check type about wording: the same thing called by different (contested) names."""
from __future__ import annotations

from typing import Iterable

from discrepancy.engine.registry import CheckParams, CheckType, Hit, register
from discrepancy.models import Group


class TermParams(CheckParams):
    """Parameters of ``term_substitution``."""

    min_variants: int = 2
    """How many different names must be in use across the sources."""


def term_substitution(group: Group, params: TermParams) -> Iterable[Hit]:
    """Sources call one place or thing by different contested names; say which neutral form a
    style guide would use."""
    by_source: dict[str, set[str]] = {}
    for c in group.claims:
        by_source.setdefault(c.source, set()).add(c.value)
    used = sorted({v for values in by_source.values() for v in values})
    if len(by_source) < 2 or len(used) < params.min_variants:
        return
    if len({frozenset(v) for v in by_source.values()}) < 2:
        return  # every source uses the same names
    first = group.claims[0]
    yield Hit(group.subject, group.claims,
              (("names", " / ".join(used)), ("neutral", first.attr("neutral") or ""),
               ("why", first.attr("why") or "")))


register(CheckType(
    name="term_substitution", params=TermParams, kinds=("term",), fields=("names", "neutral", "why"),
    run=term_substitution, informational=True,
    summary="Sources call the same place by different contested names; suggests the neutral form."))
