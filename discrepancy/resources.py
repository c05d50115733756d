"""Where the bundled data lives: rules/, lexicons and seeds, in a checkout or an installed wheel."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_root(name: str) -> Path:
    # A wheel carries the folders inside the package (_data/); a checkout keeps them at the top.
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} not found beside the package")


def rules_dir() -> Path:
    """The bundled rules/ folder."""
    return _data_root("rules")


def lexicons_dir() -> Path:
    """The bundled rules/lexicons/ folder."""
    return rules_dir() / "lexicons"


def seeds_dir() -> Path:
    """The bundled seed articles."""
    return _data_root("seeds")


@lru_cache(maxsize=None)
def load_lexicon(relative: str):
    """A YAML lexicon under rules/lexicons/, parsed once and checked against its schema
    (``discrepancy.lexicon_schema``); ``LexiconError`` names ``file:line`` of any problem."""
    from discrepancy.lexicon_schema import load_checked, schema_for

    return load_checked(lexicons_dir() / relative, schema_for(relative))
