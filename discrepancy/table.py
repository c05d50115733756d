"""The claims table: claims as a pandas DataFrame, one row per claim.

Alignment groups on it and the analysts' export writes it; both use this one definition.
"""
from __future__ import annotations

import json
from typing import Sequence

import pandas as pd

from discrepancy.models import Claim

COLUMNS = ("source", "role", "kind", "subject", "key", "value", "quote", "line", "start", "end",
           "derivation", "attrs")
"""The table's columns, in order (``claims_frame`` adds ``claim``, the Claim itself)."""


def claims_frame(claims: Sequence[Claim]) -> pd.DataFrame:
    """The claims sorted by ``Claim.sort_key``; ``attrs`` as a JSON object in a string, and a
    last column ``claim`` holding each Claim for the stages that need the object."""
    rows = [{"source": c.source, "role": c.role, "kind": c.kind, "subject": c.subject, "key": c.key,
             "value": c.value, "quote": c.quote, "line": c.line, "start": c.start, "end": c.end,
             "derivation": c.derivation,
             "attrs": json.dumps(dict(c.attrs), sort_keys=True, ensure_ascii=False), "claim": c}
            for c in sorted(claims, key=lambda c: c.sort_key)]
    return pd.DataFrame(rows, columns=[*COLUMNS, "claim"], dtype=object)
