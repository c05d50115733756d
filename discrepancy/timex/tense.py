"""The tense of the clause that governs a time expression: the nearest tense cue in the same clause.

"began on Sunday" -> past; "will run until Thursday" -> future; "is being held" -> present.
The cues are words and phrases from grammar.yaml (``tense``), plus any lowercase word ending in
-ed that is not listed in ``not_past``. A participle after "be" takes the tense of its auxiliary
("will be held Friday" is future, "was held Friday" past).
"""
from __future__ import annotations

import re
from functools import lru_cache

from discrepancy.timex.grammar import _alt
from discrepancy.timex.lexicon import load

_LEFT_LIMIT = 220
_RIGHT_LIMIT = 160
# A clause ends at a sentence stop, a semicolon or a line break.
_BOUNDARY = re.compile(r"[.!?;]['\"”’)]*\s+(?=['\"“‘(]?[A-Z0-9])|\n")
_AUX = re.compile(r"\b(will|would|shall|'ll|’ll|to|be|been|being|is|are|am|was|were|has|have|had)\s+(?:(?:not|also|then|now|already|still|later|soon)\s+)?$",
                  re.IGNORECASE)


@lru_cache(maxsize=None)
def _cues() -> re.Pattern:
    lex = load()
    tc = lex.tense_cues
    return re.compile(
        r"(?<![\w'’])(?:(?P<future>" + _alt(tc["future"])[3:-1] + r")|(?P<present>" + _alt(tc["present"])[3:-1]
        + r")|(?P<past>" + _alt(tc["past"])[3:-1] + r")|(?P<ed>[a-z][a-z-]{2,}ed))(?![\w'’])")


def _aux_tense(text: str, pos: int) -> str | None:
    """For a participle at pos, the tense its auxiliary gives, or None when it has none."""
    m = _AUX.search(text, max(0, pos - 30), pos)
    if not m:
        return None
    aux = m.group(1).lower()
    if aux in ("be",):
        before = text[max(0, m.start() - 25):m.start()].lower()
        if re.search(r"(?:\bwill|\bshall|'ll|’ll|\bto)\s+(?:\w+\s+)?$", before):
            return "future"
        return None
    if aux in ("will", "would", "shall", "'ll", "’ll", "to"):
        return "future"
    if aux in ("is", "are", "am", "being"):
        return "present"
    return "past"


def clause_tense(text: str, start: int, end: int) -> str | None:
    """``past``, ``future``, ``present`` or None: the tense of the nearest cue in the clause around [start, end)."""
    lex = load()
    lo = max(0, start - _LEFT_LIMIT)
    left_cut = lo
    for m in _BOUNDARY.finditer(text, lo, start):
        left_cut = m.end()
    hi = min(len(text), end + _RIGHT_LIMIT)
    m = _BOUNDARY.search(text, end, hi)
    right_cut = m.start() if m else hi
    best: tuple[float, str] | None = None
    regex = _cues()
    for span_lo, span_hi, left in ((left_cut, start, True), (end, right_cut, False)):
        for c in regex.finditer(text, span_lo, span_hi):
            kind = c.lastgroup
            word = c.group(0).lower()
            if kind == "ed":
                if word in lex.not_past or c.group(0)[0].isupper():
                    continue
                kind = "past"
            if kind == "past" and (word.endswith("ed") or word in ("held", "made", "told", "sent", "paid", "built", "won", "lost", "taken", "given", "seen")):
                aux = _aux_tense(text, c.start())
                if aux:
                    kind = aux
            distance = (start - c.end()) if left else (c.start() - end) * 2 + 1
            if best is None or distance < best[0]:
                best = (distance, kind)
    return best[1] if best else None
