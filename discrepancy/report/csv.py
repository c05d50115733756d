"""CSV report: one row per (finding, claim), for spreadsheets.

Columns, in this order: ``finding`` (1-based number of the finding in report order, so the rows
of one finding can be grouped), ``rule``, ``category``, ``severity``, ``subject``, ``message``,
``source`` (article path as given), ``line``, ``value``, ``derivation``, ``quote``. A finding
without claims still gets one row, with the claim columns empty. Written by
``pandas.DataFrame.to_csv``: header row, ``\\n`` line ends, fields with commas, quotes or
newlines quoted. Timestamps do not appear. A text cell that a spreadsheet would read as a
formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) gets a leading ``'``.
Skipped input follows the findings, one row each: ``rule`` ``skipped``, ``severity`` ``error``
for unusable input (else ``info``), ``source``, ``line`` and the reason as ``message``.
"""
from __future__ import annotations

import pandas as pd

from discrepancy.models import RunResult
from discrepancy.report._common import spreadsheet_safe

COLUMNS = ("finding", "rule", "category", "severity", "subject", "message", "source", "line",
           "value", "derivation", "quote")
"""The report's columns, in order."""


def render(result: RunResult) -> str:
    """The findings as CSV text."""
    rows = []
    for number, finding in enumerate(result.findings, 1):
        head = [number, finding.rule, finding.category, finding.severity, finding.subject,
                finding.message]
        if not finding.claims:
            rows.append(head + [None] * 5)
        for claim in finding.claims:
            rows.append(head + [claim.source, claim.line, claim.value, claim.derivation,
                                claim.quote])
    for skipped in result.skipped:
        rows.append([None, "skipped", "input", "error" if skipped.error else "info", None, skipped.reason,
                     skipped.source, skipped.line, None, None, None])
    rows = [[spreadsheet_safe(v) for v in row] for row in rows]
    frame = pd.DataFrame(rows, columns=list(COLUMNS), dtype=object)
    return frame.to_csv(index=False, lineterminator="\n")
