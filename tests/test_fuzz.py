"""Hostile input never crashes the pipeline: a short fuzzing run, a hypothesis property over raw
text and bytes, and a regression test for every crash the long run (benchmarks/fuzz.py) found."""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from discrepancy.cli import app
from discrepancy.decoding import UndecodableError, decode
from discrepancy.ingest import ArticleError, parse_article
from discrepancy.models import Article
from discrepancy.pipeline import analyse
from discrepancy.timex import tag
from tests.fuzz_harness import BIDI, HOMOGLYPHS, ZERO_WIDTH, make_case, run_case

SHORT_RUN = int(os.environ.get("FUZZ_EXAMPLES", "40"))
"""Seeds of the generated-folder harness run by the test suite (the long run is the benchmark)."""


@pytest.mark.parametrize("seed", range(SHORT_RUN))
def test_generated_hostile_folders_never_crash(tmp_path, seed):
    outcome = run_case(make_case(seed), tmp_path)
    assert outcome.crash is None, outcome.crash


hostile_chars = st.sampled_from([*ZERO_WIDTH, *BIDI, *HOMOGLYPHS.values(), "\x00", "\x1b", "\u0301", "\n",
                                 " ", ".", "—", "2026", "May", "Tuesday", "Al-", "first", "ago"])
hostile_text = st.lists(st.one_of(st.text(max_size=40), hostile_chars), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=hostile_text, b=hostile_text, name=st.sampled_from(["a.txt", "a.md"]))
def test_hostile_text_never_crashes_extraction(a, b, name):
    articles = []
    for i, text in enumerate((a, b)):
        try:
            parsed = parse_article(f"{i}{name}", text)
        except ArticleError:
            continue
        if isinstance(parsed, Article):
            articles.append(parsed)
    result, claims = analyse(articles, ())
    assert not [s for s in result.skipped if s.error], result.skipped
    for claim in claims:  # quotes still come from the text (white space folded, as quotes fold it)
        raw = next(x.raw for x in articles if x.path == claim.source)
        assert " ".join(claim.quote.split()) in " ".join(raw.split())


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=400))
def test_any_bytes_decode_or_are_refused_with_a_line(data):
    try:
        decoded = decode(data)
    except UndecodableError as exc:
        assert exc.line >= 1 and exc.reason
    else:
        assert "\r" not in decoded.text


# --- crashes the long run found, each kept as a regression ----------------------------------

def test_a_date_beyond_the_calendar_stays_unresolved():
    import datetime as dt

    [far] = [t for t in tag("It was settled 3000 years ago.", anchor=dt.date(2026, 3, 1)) if "3000" in t.text]
    assert not far.resolved and "left unresolved" in far.derivation


def test_a_rule_file_with_a_control_character_is_a_one_line_error(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "X101.yaml").write_text("id: X101\nname: x\x1e\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Title\n\nThe vote was on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path / "a.txt"), "--rules", str(tmp_path / "rules")])
    assert isinstance(result.exception, SystemExit)  # no traceback
    assert result.exit_code == 2 and "X101.yaml:1" in result.stderr


def test_aliased_front_matter_is_refused_without_expanding_it(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 14)]
    raw = "---\n" + "\n".join(lines) + "\npublished: *a13\n---\nThe vote was on Monday.\n"
    with pytest.raises(ArticleError, match="published must be"):
        parse_article("a.md", raw)


def test_a_baseline_nested_too_deeply_is_a_one_line_error(tmp_path):
    (tmp_path / "base.json").write_text("[" * 100000, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Title\n\nThe vote was on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path / "a.txt"), "--baseline", str(tmp_path / "base.json")])
    assert isinstance(result.exception, SystemExit)
    assert result.exit_code == 2 and "base.json:1: not a baseline file" in result.stderr
