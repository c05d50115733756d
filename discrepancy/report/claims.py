"""The analysts' claims export: every extracted claim as one row, in CSV or JSON.

Columns, in this order: ``source`` (article path as given), ``role``, ``kind``, ``subject``,
``key``, ``value``, ``quote``, ``line`` (1-based), ``start`` and ``end`` (offsets in the
article's raw text), ``derivation``, ``attrs`` (the claim's extra facts as a JSON object encoded
in a string, keys sorted). Rows are sorted by ``Claim.sort_key`` (source, then position).

``csv``: a header row then one row per claim, as ``pandas.DataFrame.to_csv`` writes it (``\\n``
line ends, fields with commas, quotes or newlines quoted; a text cell a spreadsheet would read as
a formula gets a leading ``'``). ``json``: a list of objects, one per
claim, with the keys in the column order above (``line``, ``start``, ``end`` are numbers,
``attrs`` is a string), indented by 2.
"""
from __future__ import annotations

import json
from typing import Sequence

import pandas as pd

from discrepancy.models import Claim
from discrepancy.report._common import spreadsheet_safe
from discrepancy.table import COLUMNS, claims_frame

def frame(claims: Sequence[Claim]) -> pd.DataFrame:
    """The claims as a DataFrame with ``COLUMNS``, sorted by ``Claim.sort_key``."""
    return claims_frame(claims)[list(COLUMNS)]


def render(claims: Sequence[Claim], fmt: str) -> str:
    """The claims as ``csv`` or ``json`` text; ``ValueError`` for another format."""
    df = frame(claims)
    if fmt == "csv":
        return df.map(spreadsheet_safe).to_csv(index=False, lineterminator="\n")
    if fmt == "json":
        records = [{column: _native(row[column]) for column in COLUMNS}
                   for row in df.to_dict(orient="records")]
        return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    raise ValueError(f"unknown claims format {fmt!r}: expected json or csv")


def _native(value: object) -> object:
    """Plain Python values for json.dumps (numpy integers become int)."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    return value
