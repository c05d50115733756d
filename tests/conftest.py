"""Shared helpers: the bundled rules, and checking small article sets given as text."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time (no flaky builds); local runs keep exploring new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

from discrepancy.engine.schema import bundled_rules_dir, load_rules
from discrepancy.pipeline import check_texts
from discrepancy.resources import seeds_dir


@pytest.fixture(scope="session")
def rules():
    return load_rules([bundled_rules_dir()])


@pytest.fixture(scope="session")
def seeds() -> Path:
    return seeds_dir()


@pytest.fixture
def check(rules):
    """check({"a.md": text, ...}) -> RunResult with the bundled rules."""
    def run(texts, only=None):
        chosen = [r for r in rules if only is None or r.id.startswith(only) or r.category == only]
        return check_texts(texts, chosen)
    return run


def md(text: str, published: str | None = None, role: str = "source") -> str:
    """An .md article with front matter."""
    pub = published if published else "null"
    return f"---\ntitle: test\noutlet: Test Wire\npublished: {pub}\nlanguage: en\nrole: {role}\n---\n{text}\n"
