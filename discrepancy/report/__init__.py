"""Report formats: each module ``discrepancy.report.<fmt>`` has ``render(result) -> str``.

Formatters are pure: they return a string (ending in a newline unless empty) and never print,
write files or read articles again; only the CLI writes. Output is deterministic for a given
``RunResult``: findings keep the order of ``result.findings`` (already sorted), articles are
listed by path, and ``result.generated_at`` appears only in headers.

Format modules are imported on first use, so choosing ``github`` does not load pandas or rich.
"""
from __future__ import annotations

import importlib
from typing import Sequence

from discrepancy.models import Claim, RunResult

FORMATS = ("terminal", "markdown", "json", "sarif", "github", "csv")
"""The report formats ``render`` accepts, in the order ``--help`` lists them."""

SHOWN_FORMATS = ("terminal", "markdown", "github")
"""Formats read by people on a screen: control characters and bidi overrides from articles are
removed before rendering (JSON, SARIF and CSV escape them and keep the data exact)."""

CLAIM_FORMATS = ("json", "csv")
"""The formats ``render_claims`` accepts."""


def render(result: RunResult, fmt: str, *, color: bool = True, width: int = 100) -> str:
    """Render a run in one of ``FORMATS``. ``color`` and ``width`` apply to ``terminal`` only.

    Raises ``ValueError`` for an unknown format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}: expected one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"discrepancy.report.{fmt}")
    if fmt in SHOWN_FORMATS:
        from discrepancy.report._common import showable_result

        result = showable_result(result)
    if fmt == "terminal":
        return module.render(result, color=color, width=width)
    return module.render(result)


def render_claims(claims: Sequence[Claim], fmt: str) -> str:
    """Render extracted claims for analysts as ``json`` or ``csv`` (see ``report.claims``).

    Raises ``ValueError`` for an unknown format.
    """
    from discrepancy.report import claims as claims_module

    return claims_module.render(claims, fmt)


__all__ = ["CLAIM_FORMATS", "FORMATS", "render", "render_claims"]
