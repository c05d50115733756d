"""Running rules over aligned groups: hits -> findings, with severities and messages.

A rule that raises becomes a finding of category ``internal`` naming the rule; the run goes on.
"""
from __future__ import annotations

import traceback
from typing import Iterable, Sequence

from discrepancy.engine.registry import CheckType, Hit, check_types
from discrepancy.models import Claim, Finding, Group, Rule


def _name(claim: Claim) -> str:
    return claim.source.replace("\\", "/").rsplit("/", 1)[-1]


def _values(claims: Sequence[Claim]) -> str:
    seen: list[str] = []
    for c in claims:
        item = f"{_name(c)}: {c.value}"
        if item not in seen:
            seen.append(item)
    return "; ".join(seen)


def _draft_note(claims: Sequence[Claim]) -> tuple[bool, str]:
    """Does a draft disagree with a source here, and with which sources?"""
    drafts = [c for c in claims if c.role == "draft"]
    sources = [c for c in claims if c.role != "draft"]
    if not drafts:
        return False, ""
    if not sources:  # a draft disagreeing with itself (weekday against date)
        return True, f"the draft {_name(drafts[0])} contradicts itself"
    draft_values = {c.value for c in drafts}
    against = sorted({_name(c) for c in sources if c.value not in draft_values})
    if not against:
        return False, ""
    return True, f"the draft {', '.join(sorted({_name(c) for c in drafts}))} contradicts {', '.join(against)}"


def _finding(rule: Rule, group: Group, hit: Hit, notice: bool = False) -> Finding:
    claims = tuple(sorted(hit.claims, key=lambda c: c.sort_key))
    fields = {"subject": hit.subject, "values": _values(claims),
              "sources": ", ".join(sorted({_name(c) for c in claims})), "rule": rule.id}
    fields.update(dict(hit.fields))
    message = rule.message.format_map(_Missing(fields))
    severity = rule.severity
    draft, note = _draft_note(claims)
    if draft and severity != "info":
        severity = "error"
    notes = [n for n in (note, hit.note) if n]
    if notice:
        severity = rule.severity
    return Finding(rule=rule.id, category=rule.category, severity=severity, subject=hit.subject,
                   message=message, claims=claims, event=group.event, note="; ".join(notes), notice=notice)


class _Missing(dict):
    """Leaves an unknown template field visible instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def run_rules(rules: Sequence[Rule], groups: Sequence[Group],
              registry: dict[str, CheckType] | None = None) -> list[Finding]:
    """Every finding of every rule on every group it applies to, sorted."""
    registry = registry if registry is not None else check_types()
    findings: list[Finding] = []
    for rule in rules:
        check = registry[rule.check]
        for group in groups:
            if group.kind not in check.kinds:
                continue
            try:
                hits: Iterable[Hit] = list(check.run(group, rule.params))
            except Exception as exc:  # a broken rule is reported, never fatal
                where = traceback.extract_tb(exc.__traceback__)[-1]
                findings.append(Finding(
                    rule=rule.id, category="internal", severity="error", subject=f"rule {rule.id} crashed",
                    message=f"rule {rule.id} ({rule.path}) raised {type(exc).__name__}: {exc} "
                            f"at {where.filename.rsplit('/', 1)[-1]}:{where.lineno} on group {group.key}",
                    claims=tuple(group.claims), event=group.event))
                continue
            findings.extend(_finding(rule, group, hit, check.informational) for hit in hits)
    return sorted(_dedupe(findings), key=lambda f: f.sort_key)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple] = set()
    out = []
    for f in findings:
        key = (f.rule, f.subject, tuple((c.source, c.value, c.start) for c in f.claims))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
