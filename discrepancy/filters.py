"""Choosing which rules run: ``--select`` and ``--ignore`` (and their config-file keys).

A selector matches a rule by its exact id (``DATE101``), a prefix of its id (``DATE``,
``DATE1``) or one of its groups (``dates``, ``all``). Matching is case-sensitive: ids are
upper case and group names lower case (the rule loader enforces both), so the two never clash.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from discrepancy.models import Rule


def matches(rule: Rule, selector: str) -> bool:
    """Whether one selector picks out the rule (an empty selector matches nothing)."""
    return bool(selector) and (rule.id.startswith(selector) or selector in rule.groups)


def select_rules(rules: Iterable[Rule], select: Sequence[str] | None,
                 ignore: Sequence[str] | None) -> tuple[Rule, ...]:
    """The rules that ``select`` picks and ``ignore`` does not, in their given order.

    ``select`` None means every rule; an empty ``select`` means none. ``ignore`` wins over
    ``select``: a rule matched by both does not run.
    """
    chosen = []
    for rule in rules:
        if select is not None and not any(matches(rule, s) for s in select):
            continue
        if ignore and any(matches(rule, s) for s in ignore):
            continue
        chosen.append(rule)
    return tuple(chosen)


def unknown_selectors(rules: Iterable[Rule], selectors: Sequence[str] | None) -> tuple[str, ...]:
    """The selectors that match no rule at all (likely typos), in their given order."""
    rules = tuple(rules)
    return tuple(s for s in (selectors or ()) if not any(matches(r, s) for r in rules))
