"""JSON report: the whole run as one object, for scripts and other tools.

The text is ``json.dumps(obj, sort_keys=True, indent=2, ensure_ascii=False)`` plus a newline,
so keys appear in alphabetical order at every level and the output is byte-for-byte stable for
the same run. Top-level object::

    {
      "tool": "discrepancy",                 constant
      "version": "0.1.0",                    discrepancy.__version__
      "generated_at": "2025-05-20T10:00:00Z",  the run's timestamp (ISO 8601 as the run gave it,
                                             "" when unknown); the only timestamp in the output
      "summary": {
        "findings": 3,                       number of findings reported
        "by_severity": {"error": 1, "info": 0, "warning": 2},
                                             always the keys error, warning, info (zero when none),
                                             plus any other severity that occurs
        "by_category": {"date": 2, "name": 1},
                                             only the categories that occur
        "articles": 3,                       number of articles read
        "skipped": 1,                        number of entries in "skipped"
        "suppressed": 0                      findings a baseline file suppressed (not listed)
      },
      "articles": [                          sorted by path
        {"path": "seeds/a.txt",              the path as given
         "title": "..." | null, "outlet": "..." | null,
         "published": "2025-05-18" | "2025-05" | null,
         "role": "source" | "draft",
         "anchor": {"date": "2025-05-18", "how": "publication date 2025-05-18"} | null,
         "encoding": "utf-8"}                how the file was decoded (utf-8, utf-8-sig,
                                             utf-16, utf-32, or a detected legacy one: cp1252)
      ],
      "findings": [                          in report order (event, category, subject, rule, ...)
        {"rule": "DATE101",                  rule id
         "category": "date",                 date, history, name, number, place, novelty,
                                             duration, weekday, or internal
         "severity": "error" | "warning" | "info",
         "subject": "start of the exercise", what the disagreement is about
         "message": "...",                   the rule's message, filled in
         "event": "..." ,                    event id the finding belongs to ("" for none)
         "note": "...",                      further explanation ("" for none)
         "claims": [                         the claims that disagree, sorted (source, position)
           {"source": "seeds/a.txt",         path of the article, as given
            "role": "source" | "draft",
            "kind": "event_date",            event_date, history, name, number, place,
                                             novelty, duration or weekday
            "subject": "...",
            "value": "2025-05-18",           the normalized value (ISO date or range, decimal,
                                             name as written, ISO duration)
            "quote": "...",                  the sentence stating it, as it reads in the text
            "line": 12,                      1-based line of the file where the quote begins
            "derivation": "...",             how the value was obtained, in words
            "attrs": {"precision": "day"}}   extra facts, name -> string value
         ]}
      ],
      "notices": [...],                      information that is not a discrepancy (a figure a
                                             later article revised), shaped like findings
      "skipped": [                           input that could not be used, in run order
        {"source": "seeds/b.txt", "line": 3 | null, "reason": "...",
         "error": true | false}              true: unusable input (the run exits 2);
                                             false: a file passed over (not an article)
      ]
    }

Findings carry no fingerprint here; ``discrepancy.report._common.fingerprint`` computes the
stable hash the SARIF report uses.
"""
from __future__ import annotations

import json as _json

from discrepancy import __version__
from discrepancy.models import Article, Claim, Finding, RunResult, Skipped
from discrepancy.report._common import category_counts, severity_counts, sorted_articles


def render(result: RunResult) -> str:
    """The run as indented JSON text with sorted keys, ending in a newline."""
    return _json.dumps(to_dict(result), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def to_dict(result: RunResult) -> dict:
    """The run as the plain object described in the module docstring."""
    return {
        "tool": "discrepancy",
        "version": __version__,
        "generated_at": result.generated_at,
        "summary": {
            "findings": len(result.findings),
            "by_severity": severity_counts(result.findings),
            "by_category": category_counts(result.findings),
            "articles": len(result.articles),
            "skipped": len(result.skipped),
            "suppressed": result.suppressed,
            "notices": len(result.notices),
        },
        "articles": [article_dict(a) for a in sorted_articles(result)],
        "findings": [finding_dict(f) for f in result.findings],
        "notices": [finding_dict(f) for f in result.notices],
        "skipped": [skipped_dict(s) for s in result.skipped],
    }


def article_dict(article: Article) -> dict:
    """One article's metadata (no text)."""
    anchor = None
    if article.anchor is not None:
        anchor = {"date": article.anchor.date.isoformat(), "how": article.anchor.how}
    return {"path": article.path, "title": article.title, "outlet": article.outlet,
            "published": article.published, "role": article.role, "anchor": anchor,
            "encoding": article.encoding}


def finding_dict(finding: Finding) -> dict:
    """One finding with its claims."""
    return {"rule": finding.rule, "category": finding.category, "severity": finding.severity,
            "subject": finding.subject, "message": finding.message, "event": finding.event,
            "note": finding.note, "claims": [claim_dict(c) for c in finding.claims]}


def claim_dict(claim: Claim) -> dict:
    """One claim as the evidence a fact-checker needs."""
    return {"source": claim.source, "role": claim.role, "kind": claim.kind,
            "subject": claim.subject, "value": claim.value, "quote": claim.quote,
            "line": claim.line, "derivation": claim.derivation, "attrs": dict(claim.attrs)}


def skipped_dict(skipped: Skipped) -> dict:
    """One piece of skipped input."""
    return {"source": skipped.source, "line": skipped.line, "reason": skipped.reason, "error": skipped.error}
