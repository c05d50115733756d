"""Term claims: which name of a contested place or thing an article uses
(rules/lexicons/contested_terms.yaml)."""
from __future__ import annotations

import re
from functools import lru_cache

from discrepancy.extract.context import Context, lexicon
from discrepancy.models import Claim


@lru_cache(maxsize=1)
def _terms() -> list[tuple[dict, re.Pattern]]:
    out = []
    for entry in lexicon("contested_terms.yaml").get("terms") or []:
        variants = sorted(entry["variants"], key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(v) for v in variants) + r")(?![\w-])", re.I)
        out.append((entry, pattern))
    return out


def _canonical(entry: dict, written: str) -> str:
    for variant in entry["variants"]:
        if variant.casefold() == written.casefold():
            return variant
    return written


def extract(ctx: Context) -> list[Claim]:
    """One claim per use of a contested term, with the variant as the value."""
    claims: list[Claim] = []
    for sentence in ctx.sentences:
        for entry, pattern in _terms():
            for m in pattern.finditer(sentence.text):
                value = _canonical(entry, m.group(0))
                start = sentence.start + m.start()
                claims.append(ctx.claim(
                    kind="term", subject=f"the name for {entry['neutral']}", key=entry["id"], value=value,
                    start=start, end=start + len(m.group(0)), sentence=sentence,
                    derivation=f"{m.group(0)!r}, one of the names in the contested-terms list",
                    attrs={"neutral": entry["neutral"], "why": entry.get("note", "")}))
    return claims
