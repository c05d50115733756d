"""Every bundled rule's examples: failing ones must be flagged by that rule, passing ones not."""
from __future__ import annotations

import pytest

from discrepancy.engine.schema import bundled_rules_dir, load_rules
from discrepancy.pipeline import check_texts

RULES = load_rules([bundled_rules_dir()])
CASES = [(rule, "fail", i, example) for rule in RULES for i, example in enumerate(rule.examples_fail)] + \
        [(rule, "pass", i, example) for rule in RULES for i, example in enumerate(rule.examples_pass)]


def test_every_rule_has_failing_and_passing_examples():
    assert RULES
    for rule in RULES:
        assert rule.examples_fail, f"{rule.id} has no failing example"
        assert rule.examples_pass, f"{rule.id} has no passing example"


@pytest.mark.parametrize("rule, expect, index, example", CASES,
                         ids=[f"{r.id}-{e}-{i}" for r, e, i, _ in CASES])
def test_rule_example(rule, expect, index, example):
    result = check_texts(dict(example), [rule])
    assert not [f for f in result.findings if f.category == "internal"]
    flagged = [f for f in (*result.findings, *result.notices) if f.rule == rule.id]
    if expect == "fail":
        assert flagged, f"{rule.id} example {index} should be flagged"
    else:
        assert not flagged, f"{rule.id} example {index} should not be flagged: {flagged[0].message}"
