"""The data that flows between stages: articles -> claims -> groups -> findings.

Every model is a frozen dataclass; a stage never mutates what an earlier stage made.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field


REPORT_MARKER = "<!-- discrepancy report: not an article -->"
"""First line of every Markdown report (invisible when rendered): ingest passes over a file that
starts with it, so a report saved among the articles is never read as one."""


@dataclass(frozen=True)
class Anchor:
    """The reference date that relative time expressions in one article are resolved against."""

    date: dt.date
    """The calendar day used as "today" for the article."""
    how: str
    """In words, where the date comes from ("publication date 2025-05-18", "caption date May 18, 2025")."""
    from_text: bool = False
    """True when no publication date was known and the date is one the article's text gives:
    a day found from it ("on Friday" -> the Friday before it) is only as sure as that choice."""


@dataclass(frozen=True)
class Article:
    """One input file, read and cleaned, with everything needed to point back into it."""

    path: str
    """The file's path as the user gave it (or as found inside a folder they gave)."""
    raw: str
    """The file's whole text as read, front matter included; quotes and lines point into it."""
    text: str
    """The body prepared for extraction: front matter, page numbers and running footers removed,
    hard line breaks inside paragraphs joined. Offsets into it map back through ``raw_offsets``."""
    raw_offsets: tuple[int, ...]
    """For each character of ``text``, its offset in ``raw`` (one extra entry for the end)."""
    title: str | None = None
    """The title from front matter, sidecar metadata, or the first non-empty line of a .txt file."""
    outlet: str | None = None
    """Who published the article, when known."""
    published: str | None = None
    """Publication date as ISO ``YYYY-MM-DD`` or ``YYYY-MM``; None when unknown."""
    language: str = "en"
    """Language code of the text."""
    role: str = "source"
    """``source`` (a reported article) or ``draft`` (the text being checked against the sources)."""
    anchor: Anchor | None = None
    """The date relative expressions are resolved against; None when none can be found."""
    line_starts: tuple[int, ...] = field(default=(), repr=False)
    """Offsets in ``raw`` where each line begins (computed once, for line lookups)."""
    encoding: str = "utf-8"
    """How the file's bytes were decoded: ``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-32`` (by
    their byte-order marks) or a legacy single-byte encoding found by detection (``cp1252``)."""

    @property
    def name(self) -> str:
        """The file name without folders, as answer keys and summaries name articles."""
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` to the span of ``raw`` it came from."""
        end = max(end, start + 1)
        return self.raw_offsets[start], self.raw_offsets[end - 1] + 1

    def line_of(self, raw_offset: int) -> int:
        """1-based line number of an offset in ``raw``."""
        return bisect.bisect_right(self.line_starts, raw_offset)


@dataclass(frozen=True)
class Skipped:
    """Input that could not be used, kept with the reason instead of being dropped silently."""

    source: str
    """The file (or file and rule) the skipped input came from."""
    line: int | None
    """Line in that file, where there is one."""
    reason: str
    """Why it was not used."""
    error: bool = False
    """True when input given to be checked could not be used (unreadable, undecodable, over
    the size limit, bad metadata, an extractor that failed): the run exits 2 after reporting.
    False for files deliberately passed over (not an article, nothing to check)."""


@dataclass(frozen=True)
class Claim:
    """One statement an article makes, with the evidence to verify it."""

    source: str
    """Path of the article that makes the claim."""
    role: str
    """The article's role: ``source`` or ``draft``."""
    kind: str
    """What sort of claim: ``event_date``, ``history``, ``name``, ``number``, ``place``,
    ``novelty``, ``duration`` or ``weekday``."""
    subject: str
    """What the claim is about in words ("start of the exercise", "killed", "person")."""
    key: str
    """A machine key that alignment groups on (event type and part, counted noun, entity kind)."""
    value: str
    """The normalized value (ISO date or range, plain decimal, name as written, ISO duration)."""
    quote: str
    """The sentence (or clause) of the article that states the claim, as it reads in the text."""
    line: int
    """1-based line of the file where the quoted statement begins."""
    start: int
    """Offset in the article's raw text where the claim's own words begin."""
    end: int
    """Offset in the article's raw text where the claim's own words end."""
    derivation: str
    """How the value was obtained, in words ("Sunday, anchored to the caption date May 18, 2025")."""
    attrs: tuple[tuple[str, str], ...] = ()
    """Extra facts a check may need, as sorted (name, value) pairs: precision, approximation,
    the event's type, the participants, a second value, a weekday, and the like."""

    def attr(self, name: str, default: str | None = None) -> str | None:
        """The value of one extra fact, or ``default``."""
        for key, value in self.attrs:
            if key == name:
                return value
        return default

    @property
    def sort_key(self) -> tuple:
        """Deterministic order: by source, then position, then kind and value."""
        return (self.source, self.start, self.end, self.kind, self.key, self.value)


@dataclass(frozen=True)
class Group:
    """Claims from one or more articles about the same fact, lined up for the checks."""

    kind: str
    """The kind of claims in the group (as ``Claim.kind``)."""
    key: str
    """The alignment key shared by the claims (event and part, counted thing, entity)."""
    subject: str
    """What the group is about, in words, for the report."""
    claims: tuple[Claim, ...]
    """The aligned claims, sorted by ``Claim.sort_key``."""
    event: str = ""
    """Identifier of the event the group belongs to, for grouping findings in reports."""


@dataclass(frozen=True)
class Finding:
    """A discrepancy a rule found, with every source's claim on it."""

    rule: str
    """Id of the rule that found it (``DATE101``)."""
    category: str
    """One of ``date``, ``history``, ``name``, ``number``, ``place``, ``novelty``, ``duration``,
    ``weekday``, or ``internal`` for a rule that crashed."""
    severity: str
    """``error``, ``warning`` or ``info``."""
    subject: str
    """What the disagreement is about, in words."""
    message: str
    """The rule's message, filled in."""
    claims: tuple[Claim, ...]
    """The claims that disagree (and those that side with them), sorted."""
    event: str = ""
    """The event the finding belongs to, for grouping in reports."""
    note: str = ""
    """Further explanation: which sources a draft contradicts, why values conflict."""
    notice: bool = False
    """Information for the editor rather than a discrepancy (a figure a later report revised,
    a contested place name): reported apart from findings and never failing a run."""

    @property
    def sort_key(self) -> tuple:
        """Deterministic order: by event, category, subject, then the first claim."""
        first = self.claims[0].sort_key if self.claims else ()
        return (self.event, self.category, self.subject, self.rule, first)


SEVERITIES = ("info", "warning", "error")
"""Severities from lowest to highest."""

CATEGORIES = ("date", "history", "name", "number", "place", "novelty", "duration", "weekday")
"""The categories a finding can have (besides ``internal``)."""


@dataclass(frozen=True)
class Rule:
    """One rule file, validated: which check it runs, with what parameters, and how it reports."""

    id: str
    """Stable unique id, grouped by range (``DATE101``)."""
    name: str
    """Short dotted name (``date.part-conflict``)."""
    check: str
    """The check type it runs, one of the fixed set in ``engine.registry``."""
    params: object
    """The check's parameters, validated by the check type's parameter model."""
    severity: str
    """``error``, ``warning`` or ``info``: the severity of its findings among sources alone."""
    message: str
    """Message template with named fields (``{subject}``, ``{values}`` and the check's own)."""
    description: str
    """What the rule finds and why, for ``discrepancy explain``."""
    groups: tuple[str, ...]
    """Groups it belongs to, for ``--select``/``--ignore`` (``all``, ``dates``)."""
    examples_pass: tuple[tuple[tuple[str, str], ...], ...]
    """Example clusters it must not flag: each a tuple of (file name, article text) pairs."""
    examples_fail: tuple[tuple[tuple[str, str], ...], ...]
    """Example clusters it must flag, in the same form."""
    path: str
    """The rule file it was loaded from."""
    line: int = 1
    """Line of the rule file where the rule begins."""

    @property
    def category(self) -> str:
        """The finding category the rule reports under (its params' ``category``)."""
        return getattr(self.params, "category", "internal")


@dataclass(frozen=True)
class RunResult:
    """Everything one run produced: what the reports render."""

    articles: tuple[Article, ...]
    """The articles read, sorted by path."""
    findings: tuple[Finding, ...]
    """The findings to report, sorted by ``Finding.sort_key`` (after baseline and filters)."""
    skipped: tuple[Skipped, ...] = ()
    """Input that could not be used, with reasons."""
    rules: tuple[Rule, ...] = ()
    """The rules that ran."""
    generated_at: str = ""
    """When the run happened (ISO timestamp); only report headers show it."""
    suppressed: int = 0
    """How many findings a baseline file suppressed."""
    notices: tuple[Finding, ...] = ()
    """Information for the editor that is not a discrepancy (see ``Finding.notice``), sorted."""
