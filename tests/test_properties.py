"""Invariants, checked with generated input (hypothesis)."""
from __future__ import annotations

import random
import re

from hypothesis import HealthCheck, given, settings, strategies as st

from discrepancy.align import align
from discrepancy.engine.schema import bundled_rules_dir, load_rules
from discrepancy.extract import extract_all
from discrepancy.ingest import parse_article, read_articles
from discrepancy.pipeline import analyse, check_texts
from discrepancy.resources import seeds_dir
from tests.conftest import md

RULES = load_rules([bundled_rules_dir()])
SEEDS = read_articles([seeds_dir()])[0]

SENTENCES = [
    "Iran and Azerbaijan began a joint military exercise on {day}.",
    "The joint exercise between Iran and Azerbaijan took place on {a}-{b} May 2025.",
    "A previous joint exercise took place in {month} 2024.",
    "The explosion killed {n} miners, officials said.",
    "Brigadier General {given} Madani said the drill went well.",
    "The three-day fair opens on {a} May.",
    "On {day}, {a} May 2025, the bank cut its policy rate to {n}%.",
    "Police denied reports that {n} people were detained.",
    "It was the first visit by a minister since {month} 2023.",
]
WORDS = dict(day=["Sunday", "Monday", "Tuesday", "Friday"], month=["March", "June", "November", "December"],
             given=["Vali", "Veli", "Valiollah"])


@st.composite
def article_text(draw):
    picks = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6))
    out = []
    for template in picks:
        a = draw(st.integers(1, 26))
        out.append(template.format(day=draw(st.sampled_from(WORDS["day"])), month=draw(st.sampled_from(WORDS["month"])),
                                   given=draw(st.sampled_from(WORDS["given"])), a=a, b=a + draw(st.integers(0, 3)),
                                   n=draw(st.integers(1, 500))))
    return " ".join(out)


@st.composite
def cluster(draw):
    n = draw(st.integers(2, 4))
    texts = {}
    for i in range(n):
        published = draw(st.sampled_from([None, "2025-05-19", "2025-05-22", "2025-06"]))
        texts[f"art{i}.md"] = md(draw(article_text()), published)
    return texts


def fingerprint(result):
    return [(f.rule, f.subject, f.severity, tuple((c.source, c.value, c.line) for c in f.claims))
            for f in result.findings]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cluster(), st.randoms(use_true_random=False))
def test_input_order_does_not_change_findings(texts, rnd):
    articles = [parse_article(name, text) for name, text in texts.items()]
    first, _ = analyse(articles, RULES)
    rnd.shuffle(articles)
    second, _ = analyse(articles, RULES)
    assert fingerprint(first) == fingerprint(second)


def test_claim_order_does_not_change_groups():
    anchored, claims, _ = extract_all(SEEDS)
    shuffled = list(claims)
    random.Random(7).shuffle(shuffled)
    assert align(anchored, claims) == align(anchored, shuffled)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _assert_quotes_in_sources(result, articles):
    raw = {a.path: a.raw for a in articles}
    for finding in result.findings:
        for claim in finding.claims:
            source = raw[claim.source]
            assert _squash(claim.quote) in _squash(source), (claim.source, claim.quote)
            # the line points at where the quoted sentence begins
            first_words = _squash(claim.quote)[:20]
            line_text = _squash(" ".join(source.splitlines()[claim.line - 1:claim.line + 1]))
            assert first_words[:10] in line_text


def test_every_quote_occurs_in_its_source_seeds():
    result, _ = analyse(SEEDS, RULES)
    assert result.findings
    _assert_quotes_in_sources(result, result.articles)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cluster())
def test_every_quote_occurs_in_its_source_generated(texts):
    result = check_texts(texts, RULES)
    _assert_quotes_in_sources(result, result.articles)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_hostile_text_never_crashes(a, b):
    result = check_texts({"a.txt": a + "\n", "b.md": "---\npublished: 2025-05-19\n---\n" + b}, RULES)
    assert not [f for f in result.findings if f.category == "internal"]
    assert not [s for s in result.skipped if "failed" in s.reason]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["May", "may", "2025", "19-21", "-", "–", "Sunday", "first-ever", "Mr.", "\n\n",
                                 "12", "twelve", "%", "$", "about", "since", "last", "week", "(", ")", "\u00a0",
                                 "Aras 2025", "No: 37", "•", "drill", "killed", "denied"]), max_size=40))
def test_hostile_token_soup_never_crashes(tokens):
    text = " ".join(tokens)
    result = check_texts({"a.md": md(text, "2025-05-19"), "b.md": md(text[::-1], None)}, RULES)
    assert not [s for s in result.skipped if "failed" in s.reason]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=cluster())
def test_baseline_from_a_run_suppresses_exactly_that_runs_findings(texts, tmp_path_factory):
    from discrepancy.baseline import apply_baseline, load_baseline, write_baseline

    result = check_texts(texts, RULES)
    path = tmp_path_factory.mktemp("baseline") / "baseline.json"
    path.write_text(write_baseline(result.findings), encoding="utf-8")
    kept, suppressed = apply_baseline(result.findings, load_baseline(path))
    assert list(kept) == [] and suppressed == len(result.findings)
