"""Articles -> claims. One module per claim family; this module runs them (the claims table
built from them is ``discrepancy.table``)."""
from __future__ import annotations

import dataclasses
from typing import Iterable


from discrepancy.extract import event_words, events, names, numbers, ordinals, places, terms
from discrepancy.extract.context import Context, build_context
from discrepancy.models import Article, Claim, Skipped

EXTRACTORS = (("events", events.extract), ("names", names.extract), ("numbers", numbers.extract),
              ("ordinals", ordinals.extract), ("places", places.extract), ("terms", terms.extract))
"""Every extractor, in the order they run."""



def extract_article(article: Article, names: dict[str, str] | None = None
                    ) -> tuple[Article, list[Claim], list[Skipped]]:
    """The anchored article, its claims, and a skipped record for any extractor that failed on it.
    ``names`` are the named events known across the set (see ``event_words.event_names``)."""
    article, ctx = build_context(article)
    return article, *_claims(ctx, names or {})


def _claims(ctx: Context, names: dict[str, str]) -> tuple[list[Claim], list[Skipped]]:
    if names:
        ctx = dataclasses.replace(ctx, event_names=tuple(sorted(names.items())))
    claims: list[Claim] = []
    skipped: list[Skipped] = []
    for name, extractor in EXTRACTORS:
        try:
            claims.extend(extractor(ctx))
        except Exception as exc:  # one bad article must not stop the run; say so instead
            skipped.append(Skipped(ctx.article.path, None,
                                   f"{name} extraction failed: {type(exc).__name__}: {exc}", error=True))
    return sorted(claims, key=lambda c: c.sort_key), skipped


def extract_all(articles: Iterable[Article]) -> tuple[list[Article], list[Claim], list[Skipped]]:
    """Claims of every article, sorted; articles come back anchored. Each article is anchored
    and tagged once; a first pass over all of them learns which names stand for which kind of
    event, so that every article can use what the others say."""
    out_articles, out_claims, skipped = [], [], []
    contexts = [build_context(article) for article in articles]
    names: dict[str, str] = {}
    for article, ctx in contexts:
        try:
            for name, cls in event_words.event_names(ctx).items():
                names.setdefault(name, cls)
        except Exception as exc:
            skipped.append(Skipped(article.path, None, f"event-name scan failed: {type(exc).__name__}: {exc}",
                                   error=True))
    for article, ctx in contexts:
        claims, problems = _claims(ctx, names)
        out_articles.append(article)
        out_claims.extend(claims)
        skipped.extend(problems)
    return out_articles, sorted(out_claims, key=lambda c: c.sort_key), skipped
