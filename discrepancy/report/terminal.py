"""Terminal report, drawn with rich: what a person reads after ``discrepancy check``.

Layout, top to bottom:

* a header: tool and version, number of articles, the run's timestamp, then one line per
  article (by path) with its role when it is a draft and the anchor date relative expressions
  were resolved against, with where that date comes from (or "no anchor");
* the findings, grouped by ``Finding.event`` under a horizontal rule per event (``Other`` for
  findings without one), in report order. Each finding: severity (error red, warning yellow,
  info blue), rule id, category and subject on one line; the message; the note. Then per claim:
  ``path:line`` of the quote, the normalized value in bold, the derivation dimmed, and the
  quote on the next line, shortened to about 200 characters around the claim's own words;
* skipped input, one line each (``path:line  reason``);
* a one-line summary: ``N errors, N warnings, N info``, with suppressed and skipped counts.

``render(result, color=False)`` gives plain text (no ANSI codes); with ``color=True`` the text
carries ANSI styles (standard 8-colour palette, so it does not depend on the terminal).
Text from articles is never read as rich markup.
"""
from __future__ import annotations

import io
import re

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from discrepancy import __version__
from discrepancy.models import Claim, Finding, RunResult
from discrepancy.report._common import (
    articles_by_path, claim_words, event_title, excerpt, ordered_events, plural, sorted_articles,
    summary_line)

SEVERITY_STYLES = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
"""Style of each severity's label."""


def render(result: RunResult, *, color: bool = True, width: int = 100) -> str:
    """The run as terminal text: ANSI-styled when ``color``, plain otherwise."""
    console = Console(record=True, file=io.StringIO(), width=width, force_terminal=color,
                      color_system="standard" if color else None, highlight=False, markup=False,
                      emoji=False, legacy_windows=False)
    _header(console, result)
    articles = articles_by_path(result)
    if not result.findings:
        console.print()
        console.print(Text("No discrepancies found.", style="green"))
    sections = [(event_title(event), findings) for event, findings in ordered_events(result.findings)]
    if result.notices:
        sections.append(("Information (not discrepancies)", list(result.notices)))
    for title, findings in sections:
        console.print()
        console.rule(Text(title, style="bold"))
        for finding in findings:
            console.print()
            _finding(console, finding, articles)
    if result.skipped:
        console.print()
        console.rule(Text("Skipped input", style="bold"))
        for skipped in result.skipped:
            where = f"{skipped.source}:{skipped.line}" if skipped.line else skipped.source
            console.print(Text.assemble((where, "cyan"), "  ", skipped.reason))
    console.print()
    console.rule()
    counts = Text(summary_line(result), style="bold")
    console.print(counts)
    text = console.export_text(styles=color)
    return "".join(_rstrip(line) + "\n" for line in text.splitlines())


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_TAIL = re.compile(r"(?: |\x1b\[[0-9;]*m)+$")


def _rstrip(line: str) -> str:
    """A line without the spaces wrapping and padding leave at its end (ANSI codes kept)."""
    tail = _TAIL.search(line)
    if tail is None:
        return line
    return line[:tail.start()] + "".join(_ANSI.findall(tail.group()))


def _header(console: Console, result: RunResult) -> None:
    head = Text.assemble(("discrepancy", "bold"), f" {__version__}",
                         f" — {plural(len(result.articles), 'article')}")
    if result.generated_at:
        head.append(f" — {result.generated_at}", style="dim")
    console.print(head)
    for article in sorted_articles(result):
        line = Text(article.path, style="cyan")
        if article.role != "source":
            line.append(f" ({article.role})", style="magenta")
        if article.anchor is not None:
            line.append(f"  anchor {article.anchor.date.isoformat()}")
            line.append(f" ({article.anchor.how})", style="dim")
        else:
            line.append("  no anchor: relative dates left unresolved", style="dim")
        if article.encoding != "utf-8":
            line.append(f"  encoding {article.encoding}", style="dim")
        console.print(Padding(line, (0, 0, 0, 2), expand=False))


def _finding(console: Console, finding: Finding, articles: dict) -> None:
    style = SEVERITY_STYLES.get(finding.severity, "bold")
    console.print(Text.assemble((finding.severity.upper(), style), "  ",
                                (finding.rule, "bold"), "  ", finding.category, "  ",
                                (finding.subject, "bold")))
    console.print(Padding(Text(finding.message), (0, 0, 0, 2), expand=False))
    if finding.note:
        note = Text.assemble(("note: ", "dim"), finding.note)
        console.print(Padding(note, (0, 0, 0, 2), expand=False))
    for claim in finding.claims:
        _claim(console, claim, articles.get(claim.source))


def _claim(console: Console, claim: Claim, article) -> None:
    line = Text.assemble((f"{claim.source}:{claim.line}", "cyan"))
    if claim.role != "source":
        line.append(f" ({claim.role})", style="magenta")
    line.append("  ")
    line.append(claim.value, style="bold")
    if claim.derivation:
        line.append("  ")
        line.append(claim.derivation, style="dim")
    console.print(Padding(line, (0, 0, 0, 4), expand=False))
    quote = excerpt(claim.quote, claim_words(claim, article))
    if quote:
        console.print(Padding(Text(f"“{quote}”", style="italic"), (0, 0, 0, 6), expand=False))
