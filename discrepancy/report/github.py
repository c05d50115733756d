"""GitHub Actions report: one workflow command per finding, which GitHub shows as an annotation.

Each line reads::

    ::error file=seeds/a.txt,line=12,title=DATE101 date::MESSAGE — b.txt:14 says 2025-05-19

``error``, ``warning`` or ``notice`` (for ``info``); ``file`` and ``line`` are those of the
finding's first claim (``line`` is left out when unknown, ``file`` when there is no claim); the
text after ``::`` is the finding's message, its note in parentheses when there is one, then what
each other claim says. Values are escaped as the Actions runner expects: in the message ``%``,
``\\r``, ``\\n`` become ``%25``, ``%0D``, ``%0A``; in properties ``:`` and ``,`` also become
``%3A`` and ``%2C``. Input that could not be used gets an ``error`` command naming its file
and line; files deliberately passed over get a ``notice``.
"""
from __future__ import annotations

from discrepancy.models import Finding, RunResult
from discrepancy.report._common import others_summary

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
"""Workflow command for each severity."""


def escape_data(text: str) -> str:
    """Escape a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property's value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding) -> str:
    """The workflow command line for one finding."""
    first = finding.claims[0] if finding.claims else None
    props = []
    if first is not None:
        props.append("file=" + escape_property(first.source.replace("\\", "/")))
        if first.line >= 1:
            props.append(f"line={first.line}")
    props.append("title=" + escape_property(f"{finding.rule} {finding.category}"))
    message = finding.message
    if finding.note:
        message += f" ({finding.note})"
    others = others_summary(finding, first)
    if others:
        message += " — " + others
    name = COMMANDS.get(finding.severity, "warning")
    return f"::{name} {','.join(props)}::{escape_data(message)}"


def render(result: RunResult) -> str:
    """One command line per finding, in report order ("" when there are none)."""
    lines = [command(f) for f in result.findings]
    lines += [command(n).replace("::warning ", "::notice ", 1).replace("::error ", "::notice ", 1)
              for n in result.notices]
    for skipped in result.skipped:
        props = ["file=" + escape_property(skipped.source.replace("\\", "/"))]
        if skipped.line:
            props.append(f"line={skipped.line}")
        props.append("title=" + escape_property("skipped input"))
        name = "error" if skipped.error else "notice"
        lines.append(f"::{name} {','.join(props)}::{escape_data('skipped: ' + skipped.reason)}")
    return "".join(line + "\n" for line in lines)
