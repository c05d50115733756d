"""The fixed set of check types that rule files can name.

A check type is Python: a pure function from one aligned group and the rule's validated
parameters to hits. Rule files choose a check type and set its parameters; they never add code.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from pydantic import BaseModel, ConfigDict

from discrepancy.models import Claim, Group


class CheckParams(BaseModel):
    """Parameters every check type accepts; each check type extends this."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    category: str
    """The finding category the rule reports under."""


@dataclass(frozen=True)
class Hit:
    """What a check found in one group, before the engine turns it into a finding."""

    subject: str
    """What the disagreement is about, in words."""
    claims: tuple[Claim, ...]
    """The claims that take part."""
    fields: tuple[tuple[str, str], ...] = ()
    """Named values for the rule's message template, besides ``subject`` and ``values``."""
    note: str = ""
    """Further explanation for the report."""


@dataclass(frozen=True)
class CheckType:
    """One kind of check that rules can run."""

    name: str
    """The name rule files use in ``check:``."""
    params: type[CheckParams]
    """The parameter model a rule's ``params`` must validate against."""
    kinds: tuple[str, ...]
    """The claim kinds of the groups the check looks at."""
    fields: tuple[str, ...]
    """Message template fields the check provides (besides ``subject`` and ``values``)."""
    run: Callable[[Group, CheckParams], Iterable[Hit]]
    """The check itself: pure, (group, params) -> hits."""
    summary: str = ""
    """One line on what it does."""
    informational: bool = False
    """Its hits are information for the editor (notices), not discrepancies."""


CHECK_TYPES: dict[str, CheckType] = {}
"""Every check type, by name; filled by the modules of ``engine.checks`` as they are imported."""

COMMON_FIELDS = ("subject", "values", "sources", "rule")
"""Template fields every check provides."""


def register(check: CheckType) -> CheckType:
    """Add a check type to the fixed set (called once per module of ``engine.checks``)."""
    if check.name in CHECK_TYPES:
        raise ValueError(f"check type {check.name!r} registered twice")
    CHECK_TYPES[check.name] = check
    return check


def check_types() -> dict[str, CheckType]:
    """All check types, importing their modules first."""
    import discrepancy.engine.checks  # noqa: F401  (registers the check types)

    return CHECK_TYPES
