"""Preparing an article body for extraction, and splitting it into sentences.

Text extracted from PDFs has hard line breaks inside sentences and names, page numbers and
running footers in mid-sentence. ``prepare`` removes that furniture and joins wrapped lines,
keeping for every character of the result its offset in the raw file, so quotes and lines
still point at the original.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from discrepancy.resources import load_lexicon

_BLANK_SPLIT = re.compile(r"\n[ \t\f\v\r]*\n")
_TERMINAL = ".!?:;\"'”’)]…"
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?[-–—(]?\s*\d{1,4}\s*[-–—)]?\s*$", re.I)
_WS = re.compile(r"\s+")
_NON_SPACE = re.compile(r"\S+")


@dataclass(frozen=True)
class Block:
    """A paragraph of the raw text: its lines as (start, end) offsets into the raw text."""

    lines: tuple[tuple[int, int], ...]
    """Each line of the block as (start, end) offsets, trailing newline excluded."""

    def text(self, raw: str) -> str:
        """The block's text with its lines joined by spaces."""
        return " ".join(raw[s:e].strip() for s, e in self.lines)


def _blocks(raw: str, start: int) -> list[Block]:
    """Paragraphs of raw[start:], separated by blank lines."""
    blocks: list[Block] = []
    current: list[tuple[int, int]] = []
    pos = start
    for line in raw[start:].splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            current.append((pos, pos + len(body)))
        elif current:
            blocks.append(Block(tuple(current)))
            current = []
        pos += len(line)
    if current:
        blocks.append(Block(tuple(current)))
    return blocks


def _is_furniture(block: Block, raw: str, repeated: set[str]) -> bool:
    text = block.text(raw).strip()
    if _PAGE_NUMBER.match(text):
        return True
    short = len(text) <= 90 and len(block.lines) <= 2 and not text.endswith(tuple(".!?\"”"))
    return short and _WS.sub(" ", text).casefold() in repeated


def _continues(previous: str, following: str) -> bool:
    """Does ``following`` continue a sentence that ``previous`` left open (a page break)?"""
    return bool(previous) and not previous.rstrip().endswith(tuple(_TERMINAL)) and following[:1].islower()


def _para_text(para: list[Block], raw: str) -> str:
    return para[-1].text(raw)


def _looks_like_furniture(para: list[Block], raw: str) -> bool:
    """A short block with a number or a bullet in it: a page number, footer or running head."""
    if len(para) != 1:
        return False
    text = para[0].text(raw).strip()
    return len(text) <= 90 and len(para[0].lines) <= 2 and bool(re.search(r"[\d•·|]", text))


def prepare(raw: str, body_start: int = 0) -> tuple[str, tuple[int, ...]]:
    """The body of ``raw`` from ``body_start``, cleaned for extraction, and its offset map.

    Paragraphs are joined by a blank line; lines inside a paragraph by one space; runs of
    white space fold to one space. Page numbers, lines repeated as running headers or
    footers, and short fragments that interrupt a sentence across a page break are removed.
    """
    blocks = _blocks(raw, body_start)
    counts: dict[str, int] = {}
    for block in blocks:
        key = _WS.sub(" ", block.text(raw).strip()).casefold()
        counts[key] = counts.get(key, 0) + 1
    repeated = {key for key, n in counts.items() if n > 1}
    kept = [b for b in blocks if not _is_furniture(b, raw, repeated)]

    # A paragraph that starts in lower case continues a sentence left open before a page
    # break; short blocks in between that look like page furniture (numbers, bullets, running
    # heads) are dropped and the two halves joined.
    merged: list[list[Block]] = []
    for block in kept:
        body = block.text(raw).strip()
        if body[:1].islower() and merged:
            back = len(merged) - 1
            while back >= 0 and len(merged) - back <= 3 and _looks_like_furniture(merged[back], raw):
                back -= 1
            if back >= 0 and _continues(_para_text(merged[back], raw), body):
                del merged[back + 1:]
                merged[back].append(block)
                continue
        merged.append([block])

    # copied a run of non-space characters at a time (a loop over characters in Python was a
    # tenth of the time of checking an article)
    chars: list[str] = []
    offsets: list[int] = []
    for para in merged:
        if chars:
            chars.append("\n\n")
            offsets.extend((offsets[-1] + 1, offsets[-1] + 1))
        pending_space = False  # a space is owed before the next character (none after a break)
        for block in para:
            for s, e in block.lines:
                done = s
                for m in _NON_SPACE.finditer(raw, s, e):
                    a, b = m.span()
                    if a > done:
                        pending_space = bool(chars) and chars[-1] != "\n\n"
                    if pending_space:
                        chars.append(" ")
                        offsets.append(a - 1)
                        pending_space = False
                    chars.append(raw[a:b])
                    offsets.extend(range(a, b))
                    done = b
                pending_space = bool(chars) and chars[-1] != "\n\n"
        # trailing white space of the paragraph is dropped by not flushing pending_space
    end = offsets[-1] + 1 if offsets else body_start
    offsets.append(end)
    return "".join(chars), tuple(offsets)


def line_starts(raw: str) -> tuple[int, ...]:
    """Offsets where each line of ``raw`` begins."""
    starts = [0]
    for m in re.finditer(r"\n", raw):
        starts.append(m.end())
    return tuple(starts)


# --- sentences ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Sentence:
    """One sentence of the prepared text."""

    start: int
    """Offset in the prepared text where the sentence begins."""
    end: int
    """Offset where it ends (exclusive)."""
    text: str
    """The sentence itself."""
    paragraph: int
    """Index of its paragraph, from 0."""


def _abbreviations() -> frozenset[str]:
    return frozenset(a.casefold() for a in load_lexicon("abbreviations.yaml")["abbreviations"])


# A boundary starts where a run of sentence punctuation starts (the look-behind): a match can
# only begin there anyway, and trying every later mark of a long run ("!!!!...") would cost the
# square of its length.
_BOUNDARY = re.compile(r"(?<![.!?…])([.!?…]+[\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9])")
_INITIALS = re.compile(r"(?:[a-z]\.)+|[a-z]\.?")
_NUMBERING = re.compile(r"\(?(?:no|nos|p|pp|vol|art)\.")

MAX_SENTENCE_CHARS = 10_000
"""A sentence longer than this is cut into pieces of at most this length, at a space where there
is one. Every claim quotes its sentence, so without a bound a text with no sentence punctuation
(a list of figures, a transcript in capitals) would copy itself into each of its claims. Real
sentences are far shorter: the longest in the evaluation sets and news corpora is about 8,000
characters, run-together caption text."""


def _token_before(text: str, lo: int, hi: int) -> str:
    """The run of non-space characters that ends at ``hi``, not reaching back before ``lo``."""
    i = hi
    while i > lo and not text[i - 1].isspace():
        i -= 1
    return text[i:hi]


def _bounded(start: int, end: int, text: str) -> list[tuple[int, int]]:
    """[start, end) cut into pieces of at most MAX_SENTENCE_CHARS, each ending after a space when
    its stretch has one."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        space = limit
        while space > start and not text[space - 1].isspace():
            space -= 1
        cut = space if space > start else limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def sentences(text: str) -> list[Sentence]:
    """Split prepared text into sentences: paragraphs first, then at sentence punctuation
    followed by a capital or digit, unless the word before is a known abbreviation or an initial.
    A sentence longer than MAX_SENTENCE_CHARS is cut into pieces."""
    abbreviations = _abbreviations()
    out: list[Sentence] = []
    pos = 0

    def add(a: int, b: int, number: int) -> None:
        for s, e in _bounded(a, b, text):
            out.append(Sentence(s, e, text[s:e], number))

    for number, para in enumerate(text.split("\n\n")):
        start = pos
        cursor = start
        for m in _BOUNDARY.finditer(para):
            cut = start + m.end(1)
            # the word the punctuation ends (back to the last space, never before the sentence)
            token = _token_before(text, cursor, start + m.start(1) + 1).casefold()
            if token in abbreviations or _INITIALS.fullmatch(token) or _NUMBERING.fullmatch(token):
                continue
            add(cursor, cut, number)
            cursor = start + m.end()
        if cursor < start + len(para):
            add(cursor, start + len(para), number)
        pos = start + len(para) + 2
    return [s for s in out if s.text.strip()]
