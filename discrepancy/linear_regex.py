"""Regular expressions that come from data (rule files, lexicons), compiled with RE2.

RE2 matches in time linear in the text, so no pattern a user or a lexicon writes can hang a run;
the price is no look-around and no back-references, which it refuses with its reason.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1024)
def compile_linear(pattern: str, ignore_case: bool = False):
    """The RE2 pattern object (``search``, ``finditer``, ``sub``, ``fullmatch`` like ``re``; match
    groups by number). Raises ``ValueError`` with RE2's reason for a pattern it refuses."""
    import re2

    options = re2.Options()
    options.log_errors = False  # RE2 would otherwise print every refused pattern to stderr
    options.case_sensitive = not ignore_case
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else "invalid pattern"
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise ValueError(str(reason)) from None
