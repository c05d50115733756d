"""Time-expression tagging and anchoring (TIMEX3 types and values).

    from discrepancy.timex import tag, TimeExpression
    tag("The drill began on Sunday.", anchor=date(2025, 5, 18), anchor_how="caption date May 18, 2025")

The grammar lives in grammar.py, its vocabulary in rules/lexicons/timex/*.yaml; resolve.py anchors
relative expressions; tense.py reads the tense of the governing clause.
"""
from discrepancy.timex.expression import TimeExpression
from discrepancy.timex.tagger import tag

__all__ = ["tag", "TimeExpression"]
