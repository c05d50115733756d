"""Time-expression tagging and anchoring (TIMEX3 types and values)."""
