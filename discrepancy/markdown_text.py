"""Markdown read as Markdown: which characters of a ``.md`` article are article text.

``mask`` returns the text with everything that is not prose blanked out (each character
replaced by a space, line ends kept), so every offset and line number still points at the
original file. Blanked: HTML comments, fenced and indented code blocks (CommonMark, found by
markdown-it-py), raw HTML tags, link targets and link reference definitions, autolinks and
images. The words of a link stay: ``[the minister said](https://x)`` keeps "the minister said".
"""
from __future__ import annotations

import re
from functools import lru_cache

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>")
_NON_PROSE_OPEN = re.compile(r"<(script|style|pre|textarea)\b[^<>]*>", re.I)
_LONGEST_TARGET = 2048
"""Longest link target looked for: no real URL is longer, and the cap keeps the scan linear on
lines full of unclosed brackets."""


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def mask(raw: str, start: int = 0) -> str:
    """``raw`` with the non-prose parts of ``raw[start:]`` blanked; same length as ``raw``."""
    body = raw[start:]
    lines = body.split("\n")
    line_offsets = [start]
    for line in lines:
        line_offsets.append(line_offsets[-1] + len(line) + 1)
    chars = list(raw)

    covered = [False] * len(lines)
    for token in _parser().parse(body):
        if token.map is None:
            continue
        first, last = token.map
        for i in range(first, min(last, len(lines))):
            covered[i] = True
        if token.type in ("fence", "code_block") or (
                token.type == "html_block" and token.content.lstrip().startswith("<!--")):
            _blank(chars, line_offsets[first], line_offsets[min(last, len(lines))] - 1)
    # Lines no block claims are link reference definitions ("[1]: https://...").
    for i, line in enumerate(lines):
        if not covered[i] and line.strip():
            _blank(chars, line_offsets[i], line_offsets[i] + len(line))

    text = "".join(chars)
    _blank_comments(chars, text, start)
    text = "".join(chars)
    _blank_non_prose_elements(chars, text, start)
    text = "".join(chars)
    for pattern in (_AUTOLINK, _TAG):
        for m in pattern.finditer(text, start):
            _blank(chars, m.start(), m.end())
        text = "".join(chars)
    _blank_links(chars, start)
    return "".join(chars)


def _blank_comments(chars: list[str], text: str, start: int) -> None:
    """``<!-- ... -->`` anywhere, across lines; an unclosed one runs to the end, as in HTML."""
    pos = text.find("<!--", start)
    while pos >= 0:
        end = text.find("-->", pos + 4)
        end = len(text) if end < 0 else end + 3
        _blank(chars, pos, end)
        pos = text.find("<!--", end)


def _blank_non_prose_elements(chars: list[str], text: str, start: int) -> None:
    """``<script>``, ``<style>``, ``<pre>`` and ``<textarea>`` elements with their content; an
    unclosed one runs to the end, as in HTML."""
    lower = text.lower()
    pos = start
    for m in _NON_PROSE_OPEN.finditer(text, start):
        if m.start() < pos:
            continue
        close = lower.find("</" + m.group(1).lower(), m.end())
        end = len(text) if close < 0 else lower.find(">", close) + 1 or len(text)
        _blank(chars, m.start(), end)
        pos = end


def _blank_links(chars: list[str], start: int) -> None:
    """``[words](target)``, ``[words][ref]`` and ``![alt](src)``: the brackets, the target and
    the whole of an image go; the words of a link stay. One pass, each line on its own."""
    n = len(chars)
    i = start
    opened: list[int] = []
    while i < n:
        ch = chars[i]
        if ch == "\n":
            opened.clear()
        elif ch == "\\":
            i += 2
            continue
        elif ch == "[":
            opened.append(i)
        elif ch == "]" and opened:
            left = opened.pop()
            close = _target_end(chars, i + 1)
            if close is not None:
                image = left > 0 and chars[left - 1] == "!"
                if image:
                    _blank(chars, left - 1, close)
                else:
                    _blank(chars, left, left + 1)
                    _blank(chars, i, close)
                opened.clear()
                i = close
                continue
        i += 1


def _target_end(chars: list[str], i: int) -> int | None:
    """End (exclusive) of a link target ``(...)`` or reference ``[...]`` starting at ``i``."""
    if i >= len(chars) or chars[i] not in "([":
        return None
    closing = ")" if chars[i] == "(" else "]"
    depth = 0
    for j in range(i, min(len(chars), i + _LONGEST_TARGET)):
        ch = chars[j]
        if ch == "\n":
            return None
        if ch == chars[i]:
            depth += 1
        elif ch == closing:
            depth -= 1
            if depth == 0:
                return j + 1
    return None
