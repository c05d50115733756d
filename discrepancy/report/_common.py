"""Helpers the report formats share: counts, names, URIs, quote excerpts and fingerprints.

Nothing here prints or reads files; every function is a pure function of its arguments.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Iterable, Sequence
from urllib.parse import quote as _percent_encode

from discrepancy.models import Article, Claim, Finding, RunResult

SEVERITY_ORDER = ("error", "warning", "info")
"""Severities from highest to lowest, the order summaries list them in."""

EXCERPT_LIMIT = 200
"""About how many characters of a long quote the terminal shows around the claim's own words."""


def sorted_articles(result: RunResult) -> list[Article]:
    """The run's articles sorted by path, whatever order the result holds them in."""
    return sorted(result.articles, key=lambda a: (a.path, a.role))


def articles_by_path(result: RunResult) -> dict[str, Article]:
    """The run's articles keyed by ``Article.path`` (the key ``Claim.source`` refers to)."""
    return {article.path: article for article in sorted_articles(result)}


def source_name(path: str) -> str:
    """The file name of a claim's source without folders (``Article.name`` for a bare path)."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per severity: always ``error``, ``warning`` and ``info``, plus any other seen."""
    counts = Counter(f.severity for f in findings)
    out = {severity: counts.get(severity, 0) for severity in SEVERITY_ORDER}
    for severity in sorted(set(counts) - set(SEVERITY_ORDER)):
        out[severity] = counts[severity]
    return out


def category_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per category, only the categories that occur, sorted by name."""
    counts = Counter(f.category for f in findings)
    return {category: counts[category] for category in sorted(counts)}


def plural(count: int, word: str, plural_word: str | None = None) -> str:
    """``1 error``, ``2 errors``; ``info`` stays ``info``."""
    if count == 1 or word == "info":
        return f"{count} {word}"
    return f"{count} {plural_word or word + 's'}"


def summary_line(result: RunResult) -> str:
    """One line: ``2 errors, 1 warning, 0 info`` (plus suppressed and skipped counts when any)."""
    counts = severity_counts(result.findings)
    parts = [plural(counts["error"], "error"), plural(counts["warning"], "warning"),
             plural(counts["info"], "info")]
    parts += [plural(n, s) for s, n in counts.items() if s not in SEVERITY_ORDER]
    line = ", ".join(parts)
    extra = []
    if result.notices:
        extra.append(plural(len(result.notices), "notice"))
    if result.suppressed:
        extra.append(f"{result.suppressed} suppressed by baseline")
    if result.skipped:
        extra.append(f"{len(result.skipped)} skipped")
    if extra:
        line += " (" + ", ".join(extra) + ")"
    return line


def claim_sources(finding: Finding) -> list[str]:
    """The distinct sources of a finding's claims, as file names, in claim order."""
    seen: list[str] = []
    for claim in finding.claims:
        name = source_name(claim.source)
        if name not in seen:
            seen.append(name)
    return seen


def others_summary(finding: Finding, first: Claim | None) -> str:
    """What the finding's other claims say: ``b.txt:14 says 2025-05-19; c.txt:3 says 12``."""
    parts = [f"{source_name(c.source)}:{c.line} says {c.value}"
             for c in finding.claims if c is not first]
    return "; ".join(parts)


def fingerprint(finding: Finding) -> str:
    """The finding's stable identity, the same one baselines use (see ``discrepancy.baseline``)."""
    from discrepancy.baseline import fingerprint as identity

    return identity(finding)


_DRIVE = re.compile(r"^[A-Za-z]:/")


def uri_for(path: str) -> str:
    """A URI reference for a source path: relative paths stay relative, with forward slashes;
    absolute ones become ``file://`` URIs. Characters not allowed in a URI are percent-encoded."""
    p = path.replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    if p.startswith("/") or _DRIVE.match(p):
        return "file:///" + _percent_encode(p.lstrip("/"), safe="/:")
    return _percent_encode(p, safe="/")


def claim_words(claim: Claim, article: Article | None) -> str:
    """The claim's own words (``raw[start:end]``), or "" when the article is not at hand."""
    if article is None or not (0 <= claim.start < claim.end <= len(article.raw)):
        return ""
    return article.raw[claim.start:claim.end]


def excerpt(quote: str, words: str = "", limit: int = EXCERPT_LIMIT) -> str:
    """A quote shortened to about ``limit`` characters around ``words`` (whitespace and case
    ignored when looking for them), cut at word boundaries and marked with ``…``."""
    quote = " ".join(quote.split())
    if len(quote) <= limit:
        return quote
    tokens = words.split()
    match = None
    if tokens:
        pattern = r"\s+".join(re.escape(t) for t in tokens)
        match = re.search(pattern, quote, flags=re.IGNORECASE)
    if match is None:
        begin, end = 0, limit
    else:
        centre = (match.start() + match.end()) // 2
        begin = max(0, min(centre - limit // 2, len(quote) - limit))
        end = begin + limit
        # never cut the claim's own words when they fit
        if match.end() - match.start() <= limit:
            begin = min(begin, match.start())
            end = max(end, match.end())
    if begin > 0:
        space = quote.find(" ", begin)
        if space != -1 and (match is None or space < match.start()) and space - begin < 30:
            begin = space + 1
    if end < len(quote):
        space = quote.rfind(" ", begin, end)
        if space != -1 and (match is None or space >= match.end()) and end - space < 30:
            end = space
    text = quote[begin:end].strip()
    return ("…" if begin > 0 else "") + text + ("…" if end < len(quote) else "")


def iso_ish(value: str) -> bool:
    """Whether a value reads as an ISO date, month, year, date-time or range of them."""
    return bool(_ISO.match(value))


_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:[T ][0-9:.]+Z?)?(?:/\d{4}[0-9T:./-]*)?$")


def ordered_events(findings: Sequence[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by ``event`` in order of first appearance, each group keeping its order."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.event, []).append(finding)
    return list(groups.items())


def event_title(event: str) -> str:
    """How a report names an event: the id, or ``Other`` for findings without one."""
    return event if event else "Other"


# Characters that would act on a terminal or a renderer instead of being shown: C0 and C1
# controls (escape sequences start with ESC or CSI), DEL, and the bidirectional embeddings,
# overrides and isolates that reorder what a reader sees.
_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def showable(text: str) -> str:
    """``text`` without control characters and bidi overrides (tab and newline kept)."""
    return _UNSHOWABLE.sub("", text)


def _showable_value(value):
    if isinstance(value, str):
        return showable(value)
    if isinstance(value, tuple):
        return tuple(_showable_value(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _showable_value(getattr(value, f.name)) for f in dataclasses.fields(value)
                   if isinstance(getattr(value, f.name), (str, tuple))}
        return dataclasses.replace(value, **changes)
    return value


def showable_result(result: RunResult) -> RunResult:
    """The run with every text a report shows made ``showable``: findings, notices and their
    claims, skipped records, and article paths, titles, outlets and anchors. Article bodies are
    left alone: offsets point into them, and reports show them only through claims' quotes."""
    articles = tuple(dataclasses.replace(
        a, path=showable(a.path), title=a.title and showable(a.title), outlet=a.outlet and showable(a.outlet),
        anchor=a.anchor and _showable_value(a.anchor)) for a in result.articles)
    return dataclasses.replace(result, articles=articles,
                               findings=_showable_value(result.findings),
                               notices=_showable_value(result.notices),
                               skipped=_showable_value(result.skipped))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet reads a cell starting with one of these as a formula (CSV injection)."""


def spreadsheet_safe(value):
    """A CSV cell a spreadsheet shows as text: a string that would start a formula gets a
    leading apostrophe (OWASP's advice); other values are returned as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
