"""The value the tagger hands to the rest of the pipeline: one time expression in a text."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TimeExpression:
    """One time expression found in a text, with its TIMEX3 reading and its calendar meaning."""

    start: int
    """Character offset in the text where the expression begins."""
    end: int
    """Character offset just after the expression (exclusive): ``text[start:end] == self.text``."""
    text: str
    """The matched words, as they appear in the text (a leading preposition such as "on" is not included)."""
    type: str
    """TIMEX3 type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``."""
    value: str
    """TIMEX3 value as TempEval-3 annotates it: ``2025-05-18``, ``2025-05``, ``2025``, ``2013-W11``,
    ``2012-SU``, ``P3D``, ``PXM``, ``PRESENT_REF``, ``2025-05-18T15:00``; ``XXXX`` placeholders
    where a relative expression had no anchor."""
    mod: str | None = None
    """TIMEX3 mod (``START``, ``MID``, ``END``, ``APPROX``, ``LESS_THAN``, ``MORE_THAN``,
    ``EQUAL_OR_MORE``, ``EQUAL_OR_LESS``), or None."""
    relative: bool = False
    """True when the value needed an anchor ("on Sunday", "yesterday", "two years ago", "in December")."""
    resolved: bool = True
    """False when the expression was relative and no anchor was available; ``calendar`` is then None."""
    calendar: str | None = None
    """Calendar meaning at the precision the text gives: ``2025-05-18``, ``2025-05``, ``2025``, or an
    inclusive range ``2025-05-19/2025-05-21``; None for durations, sets, times of day alone and
    fuzzy references. A day the text does not give is never filled in."""
    duration: str | None = None
    """ISO 8601 duration for lengths of time ("two-day", "for four days" -> ``P2D``/``P4D``), else None."""
    weekday: str | None = None
    """The weekday named in the expression ("Sunday"), else None."""
    tense: str | None = None
    """``past``, ``future`` or ``present``, as read from the governing clause, when the tense decided the
    value; else None."""
    derivation: str = ""
    """In words, how the value was reached (which anchor, which rule, what arithmetic)."""
