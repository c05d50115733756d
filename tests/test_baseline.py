"""Baselines: fingerprints ignore positions, a baseline suppresses exactly what it was made from."""
from __future__ import annotations

import dataclasses
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discrepancy.baseline import (BaselineError, apply_baseline, fingerprint, load_baseline,
                                  write_baseline)
from discrepancy.models import CATEGORIES, Claim, Finding

# Values never contain "#", so "#new" makes a value no generated finding has.
_text = st.text(alphabet=st.characters(blacklist_characters="#", blacklist_categories=("Cs",)),
                min_size=1, max_size=12)
_source = st.builds(lambda folder, name, ext: f"{folder}{name}{ext}",
                    st.sampled_from(["", "news/", "C:\\in\\", "/abs/path/"]),
                    st.sampled_from(["a", "b", "reuters", "ap-2025"]),
                    st.sampled_from([".md", ".txt"]))
_claim = st.builds(
    Claim, source=_source, role=st.sampled_from(["source", "draft"]),
    kind=st.sampled_from(["event_date", "number", "name"]), subject=_text, key=_text,
    value=_text, quote=_text, line=st.integers(1, 500), start=st.integers(0, 10_000),
    end=st.integers(0, 10_000), derivation=_text)
_finding = st.builds(
    Finding, rule=st.sampled_from(["DATE101", "DATE102", "NAME101", "NUM201"]),
    category=st.sampled_from(CATEGORIES), severity=st.sampled_from(["error", "warning", "info"]),
    subject=_text, message=_text, claims=st.lists(_claim, min_size=1, max_size=4).map(tuple),
    event=_text, note=_text)


def _round_trip(findings) -> frozenset[str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "baseline.json"
        path.write_text(write_baseline(findings), encoding="utf-8")
        return load_baseline(path)


@settings(max_examples=100, deadline=None)
@given(st.lists(_finding, max_size=8), st.data())
def test_baseline_suppresses_exactly_what_it_was_written_from(findings, data):
    fingerprints = _round_trip(findings)
    kept, suppressed = apply_baseline(findings, fingerprints)
    assert kept == ()
    assert suppressed == len(findings)

    if findings:
        old = data.draw(st.sampled_from(findings))
        index = data.draw(st.integers(0, len(old.claims) - 1))
        claims = list(old.claims)
        claims[index] = dataclasses.replace(claims[index], value=claims[index].value + "#new")
        new = dataclasses.replace(old, claims=tuple(claims))
        kept, suppressed = apply_baseline([*findings, new], fingerprints)
        assert kept == (new,)
        assert suppressed == len(findings)


@settings(max_examples=100, deadline=None)
@given(_finding, st.integers(1, 900), st.integers(0, 50_000), st.integers(0, 50_000), _text,
       _text, _text)
def test_fingerprint_ignores_positions_quotes_and_wording(finding, line, start, end, quote,
                                                           message, note):
    moved = dataclasses.replace(
        finding, message=message, note=note, severity="info",
        claims=tuple(reversed([dataclasses.replace(c, line=line, start=start, end=end,
                                                   quote=quote) for c in finding.claims])))
    assert fingerprint(moved) == fingerprint(finding)


@given(_finding)
def test_fingerprint_ignores_folders_but_not_file_names(finding):
    claim = finding.claims[0]
    name = claim.source.replace("\\", "/").rsplit("/", 1)[-1]
    moved = dataclasses.replace(finding, claims=(dataclasses.replace(
        claim, source="elsewhere/deeper/" + name), *finding.claims[1:]))
    assert fingerprint(moved) == fingerprint(finding)
    renamed = dataclasses.replace(finding, claims=(dataclasses.replace(
        claim, source="zz-renamed.md"), *finding.claims[1:]))
    others = {(c.source.replace("\\", "/").rsplit("/", 1)[-1], c.value) for c in finding.claims[1:]}
    if (name, claim.value) not in others:
        assert fingerprint(renamed) != fingerprint(finding)


def _claim_at(source: str, value: str, line: int = 3) -> Claim:
    return Claim(source=source, role="source", kind="event_date", subject="start",
                 key="exercise/start", value=value, quote=f"It began {value}.", line=line,
                 start=10 * line, end=10 * line + 5, derivation="explicit date")


def _example() -> list[Finding]:
    return [
        Finding(rule="DATE101", category="date", severity="error", subject="start of the exercise",
                message="m", claims=(_claim_at("news/b.md", "2025-05-05"),
                                     _claim_at("news/a.md", "2025-05-03"))),
        Finding(rule="DATE101", category="date", severity="error", subject="end of the exercise",
                message="m", claims=(_claim_at("a.md", "2025-05-09"),
                                     _claim_at("b.md", "2025-05-10"))),
    ]


def test_fingerprint_is_stable_hex():
    fp = fingerprint(_example()[0])
    assert len(fp) == 16 and int(fp, 16) >= 0
    assert fp == fingerprint(_example()[0])
    assert fp != fingerprint(_example()[1])


def test_write_baseline_is_sorted_and_deterministic():
    findings = _example()
    text = write_baseline(findings)
    assert text == write_baseline(list(reversed(findings)))
    assert text == write_baseline(findings + findings)  # the same identity is listed once
    data = json.loads(text)
    assert data["version"] == 1
    assert [f["subject"] for f in data["findings"]] == ["end of the exercise",
                                                        "start of the exercise"]
    assert data["findings"][1] == {
        "fingerprint": fingerprint(findings[0]), "rule": "DATE101", "category": "date",
        "subject": "start of the exercise",
        "values": [{"source": "a.md", "value": "2025-05-03"},
                   {"source": "b.md", "value": "2025-05-05"}]}
    assert text.endswith("\n")


def test_write_baseline_empty():
    assert json.loads(write_baseline([])) == {"version": 1, "findings": []}


def test_apply_keeps_order_of_new_findings(tmp_path):
    findings = _example()
    path = tmp_path / "baseline.json"
    path.write_text(write_baseline(findings[:1]), encoding="utf-8")
    kept, suppressed = apply_baseline(findings, load_baseline(path))
    assert kept == (findings[1],)
    assert suppressed == 1


@pytest.mark.parametrize("content, problem", [
    (None, "cannot read baseline: No such file or directory"),
    ("{not json", "not a baseline file: invalid JSON at line 1: "),
    ("[]", "not a baseline file: expected an object with 'version' and 'findings'"),
    ('{"version": 2, "findings": []}', "unsupported baseline version 2 (expected 1)"),
    ('{"version": 1, "findings": {}}', "'findings' must be a list"),
    ('{"version": 1, "findings": [{"rule": "DATE101"}]}',
     "findings[0] has no 'fingerprint' string"),
])
def test_load_baseline_errors_are_one_line(tmp_path, content, problem):
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as info:
        load_baseline(path)
    message = str(info.value)
    assert message.startswith(f"{path}: {problem}")
    assert "\n" not in message


def test_load_baseline_not_utf8(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(BaselineError, match="not UTF-8"):
        load_baseline(path)
