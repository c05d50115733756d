"""The engine: check types on hand-built groups, crashing rules, draft severities."""
from __future__ import annotations

import dataclasses


from discrepancy.engine.registry import CheckParams, CheckType, check_types
from discrepancy.engine.run import run_rules
from discrepancy.models import Claim, Group


def claim(source, value, kind="event_date", role="source", **attrs):
    return Claim(source=source, role=role, kind=kind, subject="s", key="k", value=value, quote="q", line=1,
                 start=0, end=1, derivation="d", attrs=tuple(sorted((k, str(v)) for k, v in attrs.items())))


def rule_for(rules, check):
    return next(r for r in rules if r.check == check)


def test_date_conflict_is_precision_aware(rules):
    rule = rule_for(rules, "date_conflict")
    agree = Group("event_date", "exercise#1/start", "start", (claim("a.md", "2025-05", part="start"),
                                                             claim("b.md", "2025-05-19", part="start")))
    clash = Group("event_date", "exercise#1/start", "start", (claim("a.md", "2025-05-18", part="start"),
                                                             claim("b.md", "2025-05-19/2025-05-21", part="span",
                                                                   first="2025-05-19", last="2025-05-21")))
    same_source = Group("event_date", "exercise#1/start", "start", (claim("a.md", "2025-05-18", part="start"),
                                                                   claim("a.md", "2025-05-19", part="start")))
    assert run_rules([rule], [agree, same_source]) == []
    [finding] = run_rules([rule], [clash])
    assert finding.category == "date" and finding.severity == "warning"
    assert "a.md: 2025-05-18" in finding.message


def test_end_part_compares_the_end_of_a_range(rules):
    rule = rule_for(rules, "date_conflict")
    group = Group("event_date", "x#1/end", "end", (claim("a.md", "2025-05-21", part="end"),
                                                  claim("b.md", "2025-05-19/2025-05-21", part="span",
                                                        first="2025-05-19", last="2025-05-21")))
    assert run_rules([rule], [group]) == []


def test_number_approximation(rules):
    rule = rule_for(rules, "number_conflict")
    def group(a, b):
        return Group("number", "number/x#1", "x", (a, b))
    about = claim("a.md", "300", kind="number", base=300, approx="about")
    assert run_rules([rule], [group(about, claim("b.md", "312", kind="number", base=312))]) == []
    assert run_rules([rule], [group(about, claim("b.md", "400", kind="number", base=400))])
    more = claim("a.md", "400", kind="number", base=400, approx="at_least")
    assert run_rules([rule], [group(more, claim("b.md", "412", kind="number", base=412))]) == []
    revised = claim("b.md", "41", kind="number", base=41, revision=1)
    assert run_rules([rule], [group(claim("a.md", "38", kind="number", base=38), revised)]) == []


def test_draft_disagreeing_with_sources_is_an_error_naming_them(rules):
    rule = rule_for(rules, "number_conflict")
    group = Group("number", "number/rate#1", "rate", (
        claim("draft.md", "9", kind="number", base=9, role="draft"),
        claim("wire.md", "9.25", kind="number", base=9.25),
        claim("weekly.md", "9.25", kind="number", base=9.25)))
    [finding] = run_rules([rule], [group])
    assert finding.severity == "error"
    assert "the draft draft.md contradicts weekly.md, wire.md" in finding.note


def test_sources_alone_disagreeing_stay_warnings(rules):
    rule = rule_for(rules, "number_conflict")
    group = Group("number", "number/rate#1", "rate", (
        claim("draft.md", "9.25", kind="number", base=9.25, role="draft"),
        claim("wire.md", "9.25", kind="number", base=9.25),
        claim("weekly.md", "9.5", kind="number", base=9.5)))
    [finding] = run_rules([rule], [group])
    assert finding.severity == "error" and "contradicts weekly.md" in finding.note
    group2 = Group("number", "number/rate#1", "rate", (claim("wire.md", "9.25", kind="number", base=9.25),
                                                       claim("weekly.md", "9.5", kind="number", base=9.5)))
    [finding2] = run_rules([rule], [group2])
    assert finding2.severity == "warning" and finding2.note == ""


def test_crashing_rule_becomes_a_finding_and_the_run_goes_on(rules):
    def boom(group, params):
        raise RuntimeError("broken check")

    broken = CheckType("boom", CheckParams, ("event_date",), (), boom)
    registry = {**check_types(), "boom": broken}
    bad_rule = dataclasses.replace(rule_for(rules, "date_conflict"), id="BOOM001", check="boom")
    good_rule = rule_for(rules, "date_conflict")
    group = Group("event_date", "x#1/start", "start", (claim("a.md", "2025-05-18", part="start"),
                                                      claim("b.md", "2025-05-19", part="start")))
    findings = run_rules([bad_rule, good_rule], [group], registry)
    internal = [f for f in findings if f.category == "internal"]
    assert len(internal) == 1 and "BOOM001" in internal[0].message and "broken check" in internal[0].message
    assert any(f.rule == good_rule.id for f in findings)


def test_weekday_and_duration_checks(rules):
    weekday = rule_for(rules, "weekday_against_date")
    pair = (claim("a.md", "Wednesday", kind="weekday", weekday="Wednesday", actual="Tuesday", date="2025-10-07",
                  match=0),
            claim("a.md", "2025-10-07", kind="weekday", weekday="Wednesday", actual="Tuesday", date="2025-10-07",
                  match=0))
    [finding] = run_rules([weekday], [Group("weekday", "weekday/a/2025-10-07", "w", pair)])
    assert finding.message == "2025-10-07 is a Tuesday, not a Wednesday"
    duration = rule_for(rules, "duration_against_span")
    group = Group("duration", "fair#1/length", "length", (claim("a.md", "P3D", kind="duration", days=3),
                                                         claim("b.md", "2025-05-20/2025-05-23", part="span")))
    [d] = run_rules([duration], [group])
    assert "a.md: 3 days" in d.message and "b.md: 4 days" in d.message
    same = Group("duration", "fair#1/length", "length", (claim("a.md", "P4D", kind="duration", days=4),
                                                        claim("b.md", "2025-05-20/2025-05-23", part="span")))
    assert run_rules([duration], [same]) == []
