"""Markdown report, for editors reviewing in a GitHub or GitLab issue, pull request or wiki.

Layout (CommonMark, plus GitHub-flavoured tables and Mermaid code blocks, which both GitHub and
GitLab render):

* ``# Discrepancy report``, then a line with the run's timestamp, tool version and counts, and a
  list of the articles (path, role when a draft, anchor date and where it comes from);
* ``## Summary``: a table with one row per finding: number, severity, category, subject,
  sources (file names), rule. Pipes in cells are escaped (``\\|``), line breaks flattened;
* ``## Findings``: one ``###`` section per finding, numbered as in the table: a ``- [ ] reviewed``
  task-list item for the reviewer to tick, the message, the note, and for each claim a line
  ``**path:line** — `value` — derivation`` followed by the quote as a blockquote (every line
  prefixed with ``>``);
* ``## Timelines``: per event, a Mermaid ``timeline`` with one section per source listing the
  dated claims (kind ``event_date`` or ``history`` whose value is an ISO date, month, year,
  date-time or range) of that event's findings: ``value : subject``. Colons, ``#``, ``;`` and
  backticks, which Mermaid or the fence would misread, are replaced;
* ``## Skipped input``: one list item per skipped input, when there is any.

Text from articles is escaped so it renders as written (backslash escapes for Markdown
punctuation); values are shown as code spans.
"""
from __future__ import annotations

import re

from discrepancy import __version__
from discrepancy.models import REPORT_MARKER, Claim, Finding, RunResult
from discrepancy.report._common import (
    claim_sources, event_title, iso_ish, ordered_events, plural, sorted_articles, source_name,
    summary_line)

TIMELINE_KINDS = ("event_date", "history")
"""Claim kinds that go into the Mermaid timelines."""

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!&])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(?=\s|$)")


def escape(text: str) -> str:
    """Escape inline text so Markdown shows it as written (also at the start of a line)."""
    out = []
    for line in text.split("\n"):
        line = _MD_SPECIAL.sub(r"\\\1", line)
        match = _LINE_START.match(line)
        if match:
            marker = match.group(2)
            if marker[-1] in ".)":
                marker = marker[:-1] + "\\" + marker[-1]
            else:
                marker = "\\" + marker
            line = match.group(1) + marker + line[match.end():]
        out.append(line)
    return "\n".join(out)


def cell(text: str) -> str:
    """A table cell: escaped, on one line."""
    return escape(" ".join(str(text).split()))


def code(text: str) -> str:
    """An inline code span holding ``text`` as is (fence longer than any backtick run inside)."""
    text = " ".join(text.split("\n"))
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`") or (text.startswith(" ") and text.strip()):
        text = f" {text} "
    if not text:
        return "(empty)"
    return f"{fence}{text}{fence}"


def blockquote(text: str) -> str:
    """A blockquote with every line of ``text`` prefixed."""
    lines = escape(text.strip("\n")).split("\n")
    return "\n".join(f"> {line}" if line.strip() else ">" for line in lines)


def mermaid_text(text: str) -> str:
    """Text Mermaid's timeline accepts as a title, section, period or event."""
    text = " ".join(text.split())
    text = text.replace(":", "∶").replace("#", "♯").replace(";", ",").replace("`", "'")
    text = text.replace("%%", "% %")
    return text or "?"


def render(result: RunResult) -> str:
    """The run as a Markdown document."""
    out: list[str] = [REPORT_MARKER, "# Discrepancy report", ""]
    meta = f"discrepancy {__version__} · {plural(len(result.articles), 'article')} · "
    meta += plural(len(result.findings), "finding") + ": " + summary_line(result)
    if result.generated_at:
        meta = f"Generated {escape(result.generated_at)} · " + meta
    out += [meta, ""]
    for article in sorted_articles(result):
        item = f"- {code(article.path)}"
        if article.role != "source":
            item += f" ({escape(article.role)})"
        if article.title:
            item += f": {escape(' '.join(article.title.split()))}"
        if article.anchor is not None:
            item += (f" — anchor {article.anchor.date.isoformat()}"
                     f" ({escape(' '.join(article.anchor.how.split()))})")
        else:
            item += " — no anchor date"
        if article.encoding != "utf-8":
            item += f" — encoding {code(article.encoding)}"
        out.append(item)
    if result.articles:
        out.append("")

    if not result.findings:
        out += ["No discrepancies found.", ""]
    else:
        out += _summary_table(result.findings)
        out += ["## Findings", ""]
        for number, finding in enumerate(result.findings, 1):
            out += _finding_section(number, finding)
        out += _timelines(result.findings)

    if result.notices:
        out += ["## Information", "", "Not discrepancies: updates and notes for the editor.", ""]
        for number, notice in enumerate(result.notices, 1):
            out += _finding_section(number, notice)
    if result.skipped:
        out += ["## Skipped input", ""]
        for skipped in result.skipped:
            where = f"{skipped.source}:{skipped.line}" if skipped.line else skipped.source
            out.append(f"- {code(where)} — {escape(' '.join(skipped.reason.split()))}")
        out.append("")
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def _summary_table(findings: tuple[Finding, ...]) -> list[str]:
    rows = ["## Summary", "",
            "| # | Severity | Category | Subject | Sources | Rule |",
            "| ---: | --- | --- | --- | --- | --- |"]
    for number, f in enumerate(findings, 1):
        sources = ", ".join(claim_sources(f))
        rows.append(f"| {number} | {cell(f.severity)} | {cell(f.category)} | {cell(f.subject)} "
                    f"| {cell(sources)} | {cell(f.rule)} |")
    return rows + [""]


def _finding_section(number: int, finding: Finding) -> list[str]:
    title = " ".join(f"{finding.rule} · {finding.category} · {finding.subject}".split())
    out = [f"### {number}. {escape(title)} ({escape(finding.severity)})", "",
           "- [ ] reviewed", ""]
    if finding.event:
        out += [f"Event: {code(finding.event)}", ""]
    if finding.message:
        out += [escape(finding.message), ""]
    if finding.note:
        out += [f"*Note:* {escape(finding.note)}", ""]
    for claim in finding.claims:
        out += _claim_lines(claim)
    return out


def _claim_lines(claim: Claim) -> list[str]:
    where = escape(f"{claim.source}:{claim.line}")
    line = f"**{where}**"
    if claim.role != "source":
        line += f" ({escape(claim.role)})"
    line += f" — {code(claim.value)}"
    if claim.derivation:
        line += f" — {escape(' '.join(claim.derivation.split()))}"
    out = [line, ""]
    if claim.quote.strip():
        out += [blockquote(claim.quote), ""]
    return out


def _timelines(findings: tuple[Finding, ...]) -> list[str]:
    blocks: list[str] = []
    for event, group in ordered_events(findings):
        per_source: dict[str, dict[str, list[str]]] = {}
        seen: set[tuple[str, str, str]] = set()
        for finding in group:
            for claim in finding.claims:
                if claim.kind not in TIMELINE_KINDS or not iso_ish(claim.value):
                    continue
                key = (claim.source, claim.value, claim.subject)
                if key in seen:
                    continue
                seen.add(key)
                per_source.setdefault(claim.source, {}).setdefault(claim.value, []).append(
                    claim.subject)
        if not per_source:
            continue
        blocks += [f"### {escape(event_title(event))}", "", "```mermaid", "timeline",
                   f"    title {mermaid_text(event_title(event))}"]
        for source in sorted(per_source):
            blocks.append(f"    section {mermaid_text(source_name(source))}")
            for value in sorted(per_source[source]):
                subjects = " : ".join(mermaid_text(s) for s in per_source[source][value])
                blocks.append(f"        {mermaid_text(value)} : {subjects}")
        blocks += ["```", ""]
    if not blocks:
        return []
    return ["## Timelines", ""] + blocks
