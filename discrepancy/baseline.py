"""Baselines: accept the findings that exist today, report only new ones.

A finding's identity (its fingerprint) is the rule, the category, the subject and the set of
(article file name, claimed value) pairs. It leaves out lines, offsets, quotes, folders and the
message, so editing an article elsewhere, moving the files or rewording a rule's message does
not bring an accepted finding back; a changed value does.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from discrepancy.models import Finding

BASELINE_VERSION = 1
"""The baseline file format version this module writes and reads."""


class BaselineError(Exception):
    """A baseline file that cannot be used; the message is one line naming the file."""


def _file_name(source: str) -> str:
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def _values(finding: Finding) -> list[tuple[str, str]]:
    # A set: an article stating the same value twice or once is the same disagreement.
    return sorted({(_file_name(c.source), c.value) for c in finding.claims})


def fingerprint(finding: Finding) -> str:
    """The finding's identity: 16 hex digits of a SHA-256 over its canonical JSON."""
    identity = [finding.rule, finding.category, finding.subject,
                [list(pair) for pair in _values(finding)]]
    canonical = json.dumps(identity, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def write_baseline(findings: Iterable[Finding]) -> str:
    """The JSON text of a baseline accepting ``findings``: sorted, deterministic, no timestamp."""
    entries = {}
    for finding in findings:
        fp = fingerprint(finding)
        entries[fp] = {"fingerprint": fp, "rule": finding.rule, "category": finding.category,
                       "subject": finding.subject,
                       "values": [{"source": s, "value": v} for s, v in _values(finding)]}
    ordered = sorted(entries.values(),
                     key=lambda e: (e["rule"], e["category"], e["subject"], e["fingerprint"]))
    document = {"version": BASELINE_VERSION, "findings": ordered}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: Path) -> frozenset[str]:
    """The fingerprints a baseline file accepts; ``BaselineError`` when it cannot be used."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BaselineError(f"{path}: not a baseline file: not UTF-8 text") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: not a baseline file: invalid JSON at line {exc.lineno}: "
                            f"{exc.msg}") from None
    except RecursionError:
        raise BaselineError(f"{path}:1: not a baseline file: nested too deeply") from None
    if not isinstance(data, dict) or "findings" not in data:
        raise BaselineError(f"{path}: not a baseline file: expected an object with "
                            "'version' and 'findings'")
    if data.get("version") != BASELINE_VERSION:
        raise BaselineError(f"{path}: unsupported baseline version {data.get('version')!r} "
                            f"(expected {BASELINE_VERSION})")
    entries = data["findings"]
    if not isinstance(entries, list):
        raise BaselineError(f"{path}: 'findings' must be a list")
    out = set()
    for index, entry in enumerate(entries):
        fp = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(fp, str) or not fp:
            raise BaselineError(f"{path}: findings[{index}] has no 'fingerprint' string")
        out.add(fp)
    return frozenset(out)


def apply_baseline(findings: Iterable[Finding], fingerprints: frozenset[str] | set[str]
                   ) -> tuple[tuple[Finding, ...], int]:
    """The findings the baseline does not accept (order kept), and how many it suppressed."""
    kept = []
    suppressed = 0
    for finding in findings:
        if fingerprint(finding) in fingerprints:
            suppressed += 1
        else:
            kept.append(finding)
    return tuple(kept), suppressed
