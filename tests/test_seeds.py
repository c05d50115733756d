"""The bundled seeds end to end: the three known discrepancies and nothing else."""
from __future__ import annotations

from pathlib import Path

from discrepancy.pipeline import check_paths


def test_seed_findings(seeds, rules):
    result, _ = check_paths([seeds], rules)
    found = {(f.category, tuple(sorted((Path(c.source).name[:3], c.value) for c in f.claims))) for f in result.findings}
    assert ("date", (("000", "2025-05-18"), ("002", "2025-05-19/2025-05-21"))) in found
    assert ("history", (("000", "2023-12"), ("002", "2024-11"))) in found
    names = [f for f in result.findings if f.category == "name"]
    assert len(names) == 1
    assert {c.value for c in names[0].claims} == {"Vali Madani", "Veli Medeni", "Valiollah Madani"}
    assert len(result.findings) == 3


def test_seed_000_is_anchored_to_its_caption_date(seeds, rules):
    result, _ = check_paths([seeds], rules)
    article = next(a for a in result.articles if Path(a.path).name.startswith("000"))
    assert article.anchor.date.isoformat() == "2025-05-18" and "May 18, 2025" in article.anchor.how
    date = next(f for f in result.findings if f.category == "date")
    sunday = next(c for c in date.claims if c.source == article.path)
    assert "Sunday" in sunday.derivation and "May 18, 2025" in sunday.derivation
