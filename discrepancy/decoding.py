"""Bytes of an article file -> text, and the name of the encoding that was used.

Order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; then strict UTF-8; then a detector
(charset-normalizer) restricted to legacy single-byte encodings, which is what old newsroom
exports and Windows editors write. Multi-byte guesses are not taken: on Western text they are
wrong more often than right. Anything else (binary files, text too mangled for any encoding) is
refused with the line of the first byte that is not UTF-8.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

LEGACY_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r",
                    "cp1253", "iso8859_7", "cp1254", "iso8859_9", "cp1257", "mac_roman")
"""Single-byte encodings the detector may choose from."""

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# UTF-32 LE's mark starts with UTF-16 LE's, so it is tried first.

_CONTROL_SHARE = 0.10
"""More than this share of control characters (other than tab, newline, carriage return, form
feed) in the decoded text means the file is not text."""


_CHAOS_TIE = 0.01
"""Detector candidates whose garble measure is within this of the cleanest count as equally clean."""


class UndecodableError(ValueError):
    """Bytes that are not text in any supported encoding."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        """1-based line of the first offending byte."""
        self.reason = reason
        """Why the bytes were refused."""


@dataclass(frozen=True)
class Decoded:
    """Text decoded from a file."""

    text: str
    """The text, with line ends normalized to ``\\n``."""
    encoding: str
    """The encoding used (``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-32`` or a legacy one)."""


def _normalize(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _controls(text: str) -> int:
    return len(_CONTROL.findall(text))


def decode(data: bytes) -> Decoded:
    """Decode an article file's bytes; raises ``UndecodableError`` for binary or mangled data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(_normalize(data.decode(encoding)), encoding)
            except UnicodeDecodeError as exc:
                raise UndecodableError(_line_of(data, exc.start),
                                       f"starts with a {encoding} byte-order mark but is not {encoding} "
                                       f"(byte {exc.start})") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise UndecodableError(_line_of(data, nul), f"binary file, not text (NUL byte at byte {nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        if _controls(text) > _CONTROL_SHARE * max(len(text), 1):
            raise UndecodableError(1, "binary file, not text (control characters)")
        return Decoded(_normalize(text), "utf-8")
    from charset_normalizer import from_bytes  # imported here: only legacy files need it

    best = _cleanest(from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)))
    if best is not None:
        text = str(best)
        if _controls(text) <= _CONTROL_SHARE * max(len(text), 1):
            return Decoded(_normalize(text), _first_equivalent(data, text, best.encoding))
    raise UndecodableError(_line_of(data, first_bad),
                           f"not text in UTF-8 or a legacy single-byte encoding (byte {first_bad})")


def _cleanest(matches):
    """Of the detector's candidates, the least garbled; among equally clean ones the one
    earliest in ``LEGACY_ENCODINGS`` (the commoner encoding). On short texts the detector's own
    ranking can prefer a rare code page whose reading is as clean by its measure
    (mac_roman reading cp1252 quotes as accented letters)."""
    candidates = list(matches)
    if not candidates:
        return None
    least = min(m.chaos for m in candidates)

    def rank(m) -> int:
        name = m.encoding.replace("-", "_")
        return LEGACY_ENCODINGS.index(name) if name in LEGACY_ENCODINGS else len(LEGACY_ENCODINGS)
    return min((m for m in candidates if m.chaos <= least + _CHAOS_TIE), key=rank)


def _first_equivalent(data: bytes, text: str, found: str) -> str:
    """The first encoding of ``LEGACY_ENCODINGS`` that gives the same text as the detector's
    choice: where several fit, the report names the commonest (cp1252 rather than cp1250)."""
    for encoding in LEGACY_ENCODINGS:
        try:
            if data.decode(encoding) == text:
                return codecs.lookup(encoding).name
        except UnicodeDecodeError:
            continue
    return codecs.lookup(found).name
