"""Files and folders -> Articles: front matter, sidecar sources.yaml, PDF-text cleanup, line map."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Iterable, Sequence

import yaml

from discrepancy.decoding import Decoded, UndecodableError, decode
from discrepancy.markdown_text import mask
from discrepancy.models import REPORT_MARKER, Article, Skipped
from discrepancy.text import line_starts, prepare

ARTICLE_SUFFIXES = (".txt", ".md")
SIDECAR = "sources.yaml"
META_KEYS = {"title", "outlet", "published", "language", "role"}
ROLES = ("source", "draft")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML was built with it: the same data, many times faster on
long or deeply nested front matter."""
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)


class InputError(Exception):
    """Input that cannot be used at all: the CLI prints it as one line and exits with 2."""


class ArticleError(InputError):
    """One article or metadata file that cannot be used; the run goes on without it, and the
    error becomes a skipped record with the file, the line where there is one, and the reason."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        super().__init__(f"{path}{f':{line}' if line else ''}: {reason}")
        self.skipped = Skipped(path, line, reason, error=True)
        """The skipped record this error becomes."""


class _BadMetadata(ValueError):
    """Metadata that cannot be used; the caller adds where it came from."""


def collect(paths: Sequence[Path]) -> tuple[list[Path], list[Skipped]]:
    """The article files named by ``paths`` (folders searched recursively), sorted, and the
    files inside folders that are not articles, as skipped records."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if not child.is_file() or any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                if child.suffix.lower() in ARTICLE_SUFFIXES:
                    files.append(child)
                elif child.name != SIDECAR:
                    skipped.append(Skipped(str(child), None, "not an article (.txt or .md); not read"))
        elif path.is_file():
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                raise InputError(f"{path}: not an article: expected a .txt or .md file")
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    unique = sorted(set(files), key=lambda p: str(p))
    return unique, skipped


DEFAULT_MAX_ARTICLE_BYTES = 2_000_000
"""Largest article file read by default (``max-article-bytes``): far above any news article,
and small enough that a run stays interactive. Larger files become skipped records."""


def read_text(path: Path, shown: str | None = None,
              max_bytes: int | None = DEFAULT_MAX_ARTICLE_BYTES) -> Decoded:
    """A text file decoded (see ``discrepancy.decoding``); raises ``ArticleError``."""
    shown = shown or str(path)
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise ArticleError(shown, None, f"{size:,} bytes, over the limit of {max_bytes:,} "
                                              f"(max-article-bytes); not read")
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(shown, None, f"cannot read: {exc.strerror or exc}") from exc
    try:
        return decode(data)
    except UndecodableError as exc:
        raise ArticleError(shown, exc.line, exc.reason) from exc


def _published(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, (str, int, float)):  # never str() a list: aliases can make it huge
        raise _BadMetadata("published must be YYYY-MM-DD, YYYY-MM or null, not a list or mapping")
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}", text):
        year, month = map(int, text.split("-"))
        if 1 <= month <= 12:
            return text
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    elif text.lower() in ("", "null", "none", "unknown"):
        return None
    raise _BadMetadata(f"published must be YYYY-MM-DD, YYYY-MM or null, not {text!r}")


def _metadata(meta: object) -> dict:
    """Validated article metadata from front matter or a sidecar entry; raises ``_BadMetadata``."""
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise _BadMetadata("metadata must be a mapping of title, outlet, published, language, role")
    out: dict = {}
    for key, value in meta.items():
        if key not in META_KEYS:
            continue  # other keys (url, author, ...) are allowed and ignored
        if key == "published":
            out[key] = _published(value)
        elif key == "role":
            role = str(value or "source").strip().lower()
            if role not in ROLES:
                raise _BadMetadata(f"role must be 'source' or 'draft', not {value!r}")
            out[key] = role
        elif value is not None:
            if not isinstance(value, (str, int, float)):
                raise _BadMetadata(f"{key} must be text")
            out[key] = str(value).strip()
    return out


def _sidecar(folder: Path, cache: dict[Path, dict], problems: list[Skipped]) -> dict:
    """The sidecar metadata of a folder's articles, by file name; a sidecar that cannot be used
    is recorded in ``problems`` (once) and its folder's articles are read without it."""
    if folder in cache:
        return cache[folder]
    path = folder / SIDECAR
    entries: dict = {}
    if path.is_file():
        try:
            entries = _sidecar_entries(path)
        except ArticleError as exc:
            problems.append(exc.skipped)
    cache[folder] = entries
    return entries


def _sidecar_entries(path: Path) -> dict:
    text = read_text(path).text
    try:
        data = yaml.load(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ArticleError(str(path), mark.line + 1 if mark else None,
                           f"invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    except (ValueError, RecursionError) as exc:  # a date YAML cannot build; absurd nesting
        raise ArticleError(str(path), None, f"invalid YAML: {type(exc).__name__}") from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ArticleError(str(path), 1, "expected a mapping of file name -> metadata")
    entries = {}
    for name, meta in data.items():
        try:
            entries[str(name)] = _metadata(meta)
        except _BadMetadata as exc:
            raise ArticleError(str(path), None, f"entry {name!r}: {exc}") from exc
    return entries


def read_article(path: Path, shown: str, sidecars: dict[Path, dict] | None = None,
                 max_bytes: int | None = DEFAULT_MAX_ARTICLE_BYTES,
                 problems: list[Skipped] | None = None) -> Article | Skipped:
    """One file -> an Article, or a Skipped record when it holds no text to check or cannot be
    used (then with ``error`` set, the line where there is one, and the reason)."""
    problems = problems if problems is not None else []
    side = _sidecar(path.parent, sidecars if sidecars is not None else {}, problems).get(path.name, {})
    try:
        decoded = read_text(path, shown, max_bytes)
        article = parse_article(shown, decoded.text, side)
    except ArticleError as exc:
        return exc.skipped
    if isinstance(article, Article) and decoded.encoding != "utf-8":
        article = dataclasses.replace(article, encoding=decoded.encoding)
    return article


def parse_article(shown: str, raw: str, side: dict | None = None) -> Article | Skipped:
    """Text already read -> an Article. ``shown`` is the path reports use; its ending says
    whether YAML front matter is expected (.md); ``side`` is sidecar metadata for the file."""
    meta: dict = {}
    body_start = 0
    title = None
    if raw.lstrip("\ufeff").startswith(REPORT_MARKER):
        return Skipped(shown, 1, "a discrepancy report, not an article; not read")
    if shown.lower().endswith(".md"):
        m = _FRONT_MATTER.match(raw)
        if m:
            try:
                front = yaml.load(m.group(1) or "", Loader=_YAML_LOADER)
            except RecursionError as exc:
                raise ArticleError(shown, 1, "bad front matter: nested too deeply") from exc
            except ValueError as exc:  # a timestamp YAML cannot build, such as 2025-13-40
                raise ArticleError(shown, 1, f"front matter: published must be YYYY-MM-DD, YYYY-MM or "
                                             f"null ({exc})") from exc
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                raise ArticleError(shown, mark.line + 2 if mark else 1,
                                   f"bad front matter: {getattr(exc, 'problem', exc)}") from exc
            try:
                meta = _metadata(front)
            except _BadMetadata as exc:
                raise ArticleError(shown, 1, f"front matter: {exc}") from exc
            body_start = m.end()
    meta = {**(side or {}), **meta}
    if not raw[body_start:].strip():
        return Skipped(shown, None, "no text to check")
    if shown.lower().endswith(".txt"):
        title = next(line.strip() for line in raw.splitlines() if line.strip())
        text, offsets = prepare(raw, body_start)
    else:
        text, offsets = prepare(mask(raw, body_start), body_start)
    if not text.strip():
        return Skipped(shown, None, "no text left after removing page furniture")
    return Article(path=shown, raw=raw, text=text, raw_offsets=offsets,
                   title=meta.get("title", title), outlet=meta.get("outlet"),
                   published=meta.get("published"), language=meta.get("language", "en"),
                   role=meta.get("role", "source"), line_starts=line_starts(raw))


def read_articles(paths: Iterable[Path], max_bytes: int | None = DEFAULT_MAX_ARTICLE_BYTES
                  ) -> tuple[list[Article], list[Skipped]]:
    """Every article under ``paths``, sorted by path, and what was skipped. Raises
    ``InputError`` only for a path that does not exist or is not an article; a file that
    cannot be used becomes a skipped record and the others are read."""
    files, skipped = collect(list(paths))
    sidecars: dict[Path, dict] = {}
    articles: list[Article] = []
    for file in files:
        result = read_article(file, str(file), sidecars, max_bytes, skipped)
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            articles.append(result)
    return articles, skipped
