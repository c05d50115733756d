"""SARIF 2.1.0 report, for code-scanning tools (GitHub code scanning, IDE SARIF viewers).

One run. ``tool.driver`` names discrepancy and lists the rules that ran (``result.rules``,
sorted by id; a finding's rule missing from them gets a bare descriptor appended). Each finding
becomes one result:

* ``ruleId``, ``ruleIndex`` (into ``tool.driver.rules``), ``level`` (error -> ``error``,
  warning -> ``warning``, info -> ``note``), ``message.text`` (the finding's message);
* ``locations[0]``: the first claim's article (``artifactLocation.uri``: the path as given,
  relative with forward slashes; absolute paths as ``file://`` URIs), ``region.startLine`` (the
  line where the quote begins) and ``region.snippet.text`` (the quote);
* ``relatedLocations``: the other claims, each with ``id`` (1, 2, ...), the same kind of
  physical location, and ``message.text`` "b.txt says 2025-05-19";
* ``partialFingerprints["discrepancyFingerprint/v1"]``: SHA-256 of rule, category, subject and
  the sorted (source file name, value) pairs (no lines or offsets, so edits elsewhere in an
  article keep it; see ``_common.fingerprint``);
* ``properties``: ``category``, ``subject``, ``event``, ``note``, ``severity`` and ``claims``
  (a list of {source, line, value, derivation, role, kind} in claim order).

``invocations[0]`` records ``executionSuccessful`` true, ``endTimeUtc`` (the run's timestamp,
only when there is one; the only timestamp in the output) and one ``toolExecutionNotifications``
entry (level ``warning``) per skipped input. The text is ``json.dumps(sort_keys=True, indent=2,
ensure_ascii=False)`` plus a newline.
"""
from __future__ import annotations

import json as _json

from discrepancy import __version__
from discrepancy.models import Claim, Finding, Rule, RunResult
from discrepancy.report._common import fingerprint, source_name, uri_for

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://example.invalid/discrepancy"
FINGERPRINT_KEY = "discrepancyFingerprint/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
"""SARIF level for each severity (anything else -> ``warning``)."""


def render(result: RunResult) -> str:
    """The run as SARIF 2.1.0 JSON text, ending in a newline."""
    return _json.dumps(to_dict(result), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def to_dict(result: RunResult) -> dict:
    """The SARIF log as a plain object."""
    rules: dict[str, dict] = {}
    for rule in sorted(result.rules, key=lambda r: r.id):
        rules.setdefault(rule.id, rule_descriptor(rule))
    for finding in result.findings:
        if finding.rule not in rules:
            rules[finding.rule] = {"id": finding.rule,
                                   "shortDescription": {"text": finding.rule}}
    index = {rule_id: i for i, rule_id in enumerate(rules)}
    invocation: dict = {"executionSuccessful": True}
    if result.generated_at:
        invocation["endTimeUtc"] = result.generated_at
    if result.skipped:
        invocation["toolExecutionNotifications"] = [_notification(s) for s in result.skipped]
    run = {
        "tool": {"driver": {"name": "discrepancy", "version": __version__,
                            "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI,
                            "rules": list(rules.values())}},
        "invocations": [invocation],
        "results": [result_object(f, index[f.rule]) for f in result.findings],
    }
    return {"version": "2.1.0", "$schema": SCHEMA_URI, "runs": [run]}


def rule_descriptor(rule: Rule) -> dict:
    """A ``reportingDescriptor`` for one rule."""
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.name},
        "fullDescription": {"text": rule.description or rule.name},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"tags": list(dict.fromkeys(rule.groups)), "category": rule.category},
    }


def physical_location(claim: Claim) -> dict:
    """Where a claim's quote is: the article's URI, the quote's first line and the quote."""
    region: dict = {"snippet": {"text": claim.quote}}
    if claim.line >= 1:
        region["startLine"] = claim.line
    return {"artifactLocation": {"uri": uri_for(claim.source)}, "region": region}


def says(claim: Claim) -> str:
    """``b.txt says 2025-05-19``."""
    return f"{source_name(claim.source)} says {claim.value}"


def result_object(finding: Finding, rule_index: int) -> dict:
    """The SARIF ``result`` for one finding."""
    out: dict = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": finding.message or finding.subject or finding.rule},
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding)},
        "properties": {
            "category": finding.category,
            "subject": finding.subject,
            "event": finding.event,
            "note": finding.note,
            "severity": finding.severity,
            "claims": [{"source": c.source, "line": c.line, "value": c.value,
                        "derivation": c.derivation, "role": c.role, "kind": c.kind}
                       for c in finding.claims],
        },
    }
    if finding.claims:
        first, *others = finding.claims
        out["locations"] = [{"physicalLocation": physical_location(first),
                             "message": {"text": says(first)}}]
        if others:
            out["relatedLocations"] = [
                {"id": i, "physicalLocation": physical_location(c), "message": {"text": says(c)}}
                for i, c in enumerate(others, 1)
            ]
    return out


def _notification(skipped) -> dict:
    """A skipped input as a tool execution notification: ``error`` for input that could not be
    used, ``note`` for a file passed over; with the file (and line) as its location."""
    region = {"startLine": skipped.line} if skipped.line else None
    location: dict = {"physicalLocation": {"artifactLocation": {"uri": uri_for(skipped.source)}}}
    if region:
        location["physicalLocation"]["region"] = region
    where = f"{skipped.source}:{skipped.line}" if skipped.line else skipped.source
    return {"level": "error" if skipped.error else "note",
            "message": {"text": f"{where}: skipped: {skipped.reason}"},
            "locations": [location]}
