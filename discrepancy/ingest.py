"""Files and folders -> Articles: front matter, sidecar sources.yaml, PDF-text cleanup, line map."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Iterable, Sequence

import yaml

from discrepancy.models import Article, Skipped
from discrepancy.text import line_starts, prepare

ARTICLE_SUFFIXES = (".txt", ".md")
SIDECAR = "sources.yaml"
META_KEYS = {"title", "outlet", "published", "language", "role"}
ROLES = ("source", "draft")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)


class InputError(Exception):
    """Input that cannot be used at all: the CLI prints it as one line and exits with 2."""


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


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}: not UTF-8 text (byte {exc.start})") from exc


def _published(value: object, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
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
    raise InputError(f"{where}: published must be YYYY-MM-DD, YYYY-MM or null, not {text!r}")


def _metadata(meta: object, where: str) -> dict:
    """Validated article metadata from front matter or a sidecar entry."""
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise InputError(f"{where}: metadata must be a mapping of title, outlet, published, language, role")
    out: dict = {}
    for key, value in meta.items():
        if key not in META_KEYS:
            continue  # other keys (url, author, ...) are allowed and ignored
        if key == "published":
            out[key] = _published(value, where)
        elif key == "role":
            role = str(value or "source").strip().lower()
            if role not in ROLES:
                raise InputError(f"{where}: role must be 'source' or 'draft', not {value!r}")
            out[key] = role
        elif value is not None:
            if not isinstance(value, (str, int, float)):
                raise InputError(f"{where}: {key} must be text")
            out[key] = str(value).strip()
    return out


def _sidecar(folder: Path, cache: dict[Path, dict]) -> dict:
    if folder in cache:
        return cache[folder]
    path = folder / SIDECAR
    entries: dict = {}
    if path.is_file():
        text = _read(path)
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            raise InputError(f"{path}{line}: invalid YAML: {getattr(exc, 'problem', exc)}") from exc
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise InputError(f"{path}:1: expected a mapping of file name -> metadata")
        for name, meta in data.items():
            entries[str(name)] = _metadata(meta, f"{path}: entry {name!r}")
    cache[folder] = entries
    return entries


def read_article(path: Path, shown: str, sidecars: dict[Path, dict] | None = None) -> Article | Skipped:
    """One file -> an Article, or a Skipped record when it holds no text to check."""
    side = _sidecar(path.parent, sidecars if sidecars is not None else {}).get(path.name, {})
    return parse_article(shown, _read(path), side)


def parse_article(shown: str, raw: str, side: dict | None = None) -> Article | Skipped:
    """Text already read -> an Article. ``shown`` is the path reports use; its ending says
    whether YAML front matter is expected (.md); ``side`` is sidecar metadata for the file."""
    meta: dict = {}
    body_start = 0
    title = None
    if shown.lower().endswith(".md"):
        m = _FRONT_MATTER.match(raw)
        if m:
            try:
                front = yaml.safe_load(m.group(1) or "")
            except ValueError as exc:  # a timestamp YAML cannot build, such as 2025-13-40
                raise InputError(f"{shown}:1: front matter: published must be YYYY-MM-DD, YYYY-MM or null "
                                 f"({exc})") from exc
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                line = f":{mark.line + 2}" if mark else ":1"
                raise InputError(f"{shown}{line}: bad front matter: {getattr(exc, 'problem', exc)}") from exc
            meta = _metadata(front, f"{shown}:1: front matter")
            body_start = m.end()
    meta = {**(side or {}), **meta}
    if not raw[body_start:].strip():
        return Skipped(shown, None, "no text to check")
    if shown.lower().endswith(".txt"):
        title = next(line.strip() for line in raw.splitlines() if line.strip())
    text, offsets = prepare(raw, body_start)
    if not text.strip():
        return Skipped(shown, None, "no text left after removing page furniture")
    return Article(path=shown, raw=raw, text=text, raw_offsets=offsets,
                   title=meta.get("title", title), outlet=meta.get("outlet"),
                   published=meta.get("published"), language=meta.get("language", "en"),
                   role=meta.get("role", "source"), line_starts=line_starts(raw))


def read_articles(paths: Iterable[Path]) -> tuple[list[Article], list[Skipped]]:
    """Every article under ``paths``, sorted by path, and what was skipped."""
    files, skipped = collect(list(paths))
    sidecars: dict[Path, dict] = {}
    articles: list[Article] = []
    for file in files:
        result = read_article(file, str(file), sidecars)
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            articles.append(result)
    return articles, skipped
