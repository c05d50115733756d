"""The whole flow, once: paths -> articles -> claims -> groups -> findings -> RunResult."""
from __future__ import annotations

import datetime as dt
import gc
from contextlib import contextmanager
from pathlib import Path
from typing import Mapping, Sequence

from discrepancy.align import align
from discrepancy.engine.run import run_rules
from discrepancy.extract import extract_all
from discrepancy.ingest import DEFAULT_MAX_ARTICLE_BYTES, ArticleError, parse_article, read_articles
from discrepancy.models import Article, Claim, Rule, RunResult, Skipped


GC_ALLOCATIONS = 50_000
"""While checking, the cycle collector runs after this many new container objects instead of
Python's 700: extraction makes and drops millions of small objects with no cycles among them,
and each collection also walks every object still alive (a tenth of the time on a long article)."""


@contextmanager
def _fewer_collections():
    before = gc.get_threshold()
    gc.set_threshold(GC_ALLOCATIONS, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def analyse(articles: Sequence[Article], rules: Sequence[Rule]) -> tuple[RunResult, list[Claim]]:
    """Findings for articles already read, and every claim extracted from them."""
    with _fewer_collections():
        return _analyse(articles, rules)


def _analyse(articles: Sequence[Article], rules: Sequence[Rule]) -> tuple[RunResult, list[Claim]]:
    articles = sorted(articles, key=lambda a: a.path)
    anchored, claims, skipped = extract_all(articles)
    groups = align(anchored, claims)
    everything = run_rules(rules, groups)
    result = RunResult(articles=tuple(anchored), findings=tuple(f for f in everything if not f.notice),
                       notices=tuple(f for f in everything if f.notice), skipped=tuple(skipped),
                       rules=tuple(rules), generated_at=_now())
    return result, claims


def check_paths(paths: Sequence[Path], rules: Sequence[Rule],
                max_article_bytes: int | None = DEFAULT_MAX_ARTICLE_BYTES) -> tuple[RunResult, list[Claim]]:
    """Read the articles under ``paths`` and check them. Raises ``InputError`` only for a path
    that does not exist or is not an article; unusable files become skipped records."""
    articles, skipped = read_articles(paths, max_article_bytes)
    result, claims = analyse(articles, rules)
    return _with_skipped(result, skipped), claims


def check_texts(texts: Mapping[str, str], rules: Sequence[Rule]) -> RunResult:
    """Check articles given as text by file name (rule examples, tests)."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for name, text in sorted(texts.items()):
        try:
            parsed = parse_article(name, text)
        except ArticleError as exc:
            parsed = exc.skipped
        (skipped if isinstance(parsed, Skipped) else articles).append(parsed)
    result, _ = analyse(articles, rules)
    return _with_skipped(result, skipped)


def _with_skipped(result: RunResult, skipped: Sequence[Skipped]) -> RunResult:
    import dataclasses

    merged = tuple(sorted([*skipped, *result.skipped], key=lambda s: (s.source, s.line or 0, s.reason)))
    return dataclasses.replace(result, skipped=merged)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
