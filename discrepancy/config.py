"""Settings from a config file and the command line.

Discovery (``find_config``): starting at the folder of the checked path (or the path itself
when it is a folder) and walking up to the filesystem root, the first folder that has either

1. ``discrepancy.toml`` (settings at its top level), or
2. ``pyproject.toml`` with a ``[tool.discrepancy]`` table

wins. In one folder ``discrepancy.toml`` is preferred over ``pyproject.toml``; a
``pyproject.toml`` without the table is passed over and the walk goes on upwards.

Keys: ``select``, ``ignore`` (lists of rule ids, id prefixes or groups), ``fail-on`` (or
``fail_on``; ``error``, ``warning``, ``info`` or ``never``), ``format``, ``rules`` (list of
extra rule folders), ``baseline`` and ``output`` (paths), ``max-article-bytes`` (a positive
integer; larger article files are skipped with a reason). Relative paths are relative to the
folder of the config file. Values given on the command line win over the file.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Mapping

from discrepancy.ingest import DEFAULT_MAX_ARTICLE_BYTES

CONFIG_NAME = "discrepancy.toml"
"""The dedicated config file's name."""

PYPROJECT_NAME = "pyproject.toml"
"""The Python project file, read only when it has a ``[tool.discrepancy]`` table."""

FAIL_ON = ("error", "warning", "info", "never")
"""Values of ``fail-on``: the lowest severity that makes the run fail, or never."""

_KEYS = {"select": "select", "ignore": "ignore", "fail-on": "fail_on", "fail_on": "fail_on",
         "format": "format", "rules": "rules_dirs", "baseline": "baseline", "output": "output",
         "max-article-bytes": "max_article_bytes"}
"""Config file key -> ``Settings`` field."""


class ConfigError(Exception):
    """A config file or setting that cannot be used; the message is one line naming the file."""


@dataclass(frozen=True)
class Settings:
    """Everything a run is configured with, after the config file and the command line."""

    select: tuple[str, ...] | None = None
    """Rule selectors to run (ids, id prefixes, groups); None runs every rule."""
    ignore: tuple[str, ...] = ()
    """Rule selectors not to run; they win over ``select``."""
    fail_on: str = "error"
    """Lowest severity of a reported finding that makes the exit code non-zero, or ``never``."""
    format: str = "terminal"
    """Name of the report format."""
    rules_dirs: tuple[Path, ...] = ()
    """Extra rule folders to load besides the bundled rules (absolute paths)."""
    baseline: Path | None = None
    """Baseline file of findings to suppress, or None."""
    output: Path | None = None
    """File to write the report to, or None for standard output."""
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    """Article files larger than this are not read but reported as skipped (exit code 2); the
    default is far above any news article and keeps a run interactive."""
    config_path: Path | None = None
    """The config file the settings came from, or None when none was found or given."""


def _has_table(pyproject: Path) -> bool:
    tool = _read_toml(pyproject).get("tool")
    return isinstance(tool, dict) and "discrepancy" in tool


def find_config(start: Path) -> Path | None:
    """The config file that applies to ``start`` (a file or folder), or None; see the module doc.

    Raises ``ConfigError`` for a ``pyproject.toml`` on the way that is not valid TOML, since
    whether it configures discrepancy cannot be told.
    """
    start = Path(start).resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        dedicated = candidate / CONFIG_NAME
        if dedicated.is_file():
            return dedicated
        pyproject = candidate / PYPROJECT_NAME
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _table(path: Path) -> tuple[dict[str, Any], str]:
    """The settings table of a config file, and how messages name it."""
    data = _read_toml(path)
    if path.name != PYPROJECT_NAME:
        return data, ""
    tool = data.get("tool")
    table = tool.get("discrepancy") if isinstance(tool, dict) else None
    if table is None:
        raise ConfigError(f"{path}: no [tool.discrepancy] table")
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.discrepancy must be a table")
    return table, " in [tool.discrepancy]"


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v.strip()
                                                       for v in value):
        raise ConfigError(f"{where} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where} must be a non-empty string")
    return value.strip()


def _path(value: Any, where: str, base: Path) -> Path:
    if isinstance(value, Path):
        path = value
    else:
        path = Path(_string(value, where))
    path = path.expanduser()
    return path if path.is_absolute() else base / path


def _check_fail_on(value: str, where: str) -> str:
    if value not in FAIL_ON:
        raise ConfigError(f"{where} must be one of {', '.join(FAIL_ON)}, not {value!r}")
    return value


def _rules_dirs(values: Any, where: str, base: Path) -> tuple[Path, ...]:
    if isinstance(values, (str, Path)) or not isinstance(values, (list, tuple)):
        raise ConfigError(f"{where} must be a list of folders")
    dirs = tuple(_path(v, where, base) for v in values)
    for folder in dirs:
        if not folder.is_dir():
            raise ConfigError(f"{where}: rule folder {str(folder)!r} does not exist")
    return dirs


def _from_file(path: Path) -> dict[str, Any]:
    table, suffix = _table(path)
    base = path.parent
    out: dict[str, Any] = {}
    for key, value in table.items():
        field = _KEYS.get(key)
        if field is None:
            raise ConfigError(f"{path}: unknown key {key!r}{suffix}")
        if field in out:
            raise ConfigError(f"{path}: both 'fail-on' and 'fail_on' given{suffix}; keep one")
        out[field] = _convert(field, value, f"{path}: {key!r}{suffix}", base)
    return out


def _convert(field: str, value: Any, where: str, base: Path) -> Any:
    """One setting's value checked and converted; paths are taken relative to ``base``."""
    if field in ("select", "ignore"):
        return _strings(value, where)
    if field == "fail_on":
        return _check_fail_on(_string(value, where), where)
    if field == "format":
        return _string(value, where)
    if field == "rules_dirs":
        return _rules_dirs(value, where, base)
    if field == "max_article_bytes":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ConfigError(f"{where} must be a positive whole number of bytes")
        return value
    return _path(value, where, base)


_OVERRIDE_FLAGS = {"select": "--select", "ignore": "--ignore", "fail_on": "--fail-on",
                   "format": "--format", "rules_dirs": "--rules", "baseline": "--baseline",
                   "output": "--output", "max_article_bytes": "--max-article-bytes"}


def _from_overrides(overrides: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    cwd = Path.cwd()
    for field, value in overrides.items():
        if field not in _OVERRIDE_FLAGS:
            raise ValueError(f"unknown settings override {field!r}; "
                             f"expected one of {', '.join(_OVERRIDE_FLAGS)}")
        if value is None:
            continue
        if field in ("select", "ignore", "rules_dirs") and isinstance(value, (list, tuple)) \
                and not value:
            continue  # an option that may repeat and was not given at all
        out[field] = _convert(field, value, _OVERRIDE_FLAGS[field], cwd)
    return out


def load_settings(config: Path | None, start: Path,
                  overrides: Mapping[str, Any] | None = None) -> Settings:
    """Settings for a run: defaults, then the config file, then the command line.

    ``config`` is a file given explicitly (``--config``); when None the file is found from
    ``start`` with ``find_config``. ``overrides`` maps ``Settings`` field names (``select``,
    ``ignore``, ``fail_on``, ``format``, ``rules_dirs``, ``baseline``, ``output``) to command
    line values; None, and an empty list for the repeatable ones, mean "not given". Relative
    override paths are relative to the current folder. Raises ``ConfigError``.
    """
    path = Path(config) if config is not None else find_config(start)
    values: dict[str, Any] = {}
    if path is not None:
        path = path.absolute()
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found")
        values.update(_from_file(path))
    values.update(_from_overrides(overrides or {}))
    return replace(Settings(config_path=path), **values)

