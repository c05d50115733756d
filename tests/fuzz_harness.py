"""Hostile inputs for the whole pipeline, and the one question asked of each: did it crash?

A case is a folder of files made from a seed: articles (random bytes, mixed encodings, zero-width
and bidi characters, homoglyphs, huge and empty lines, runs of numbers, dates, capitals and
punctuation, news-like sentences), front matter (valid, broken, deeply nested, aliased), a
``sources.yaml`` sidecar, a rule file and a config file. ``run_case`` runs ``discrepancy check``
on it in-process, as a user would, and reports a crash: a traceback, an exit code outside 0/1/2,
or an extractor that failed (the run goes on, but that is a bug too).

Used by ``tests/test_fuzz.py`` (a short run) and ``benchmarks/fuzz.py`` (the long run).
"""
from __future__ import annotations

import random
import traceback
from dataclasses import dataclass
from pathlib import Path

FORMATS = ("terminal", "markdown", "json", "sarif", "github", "csv")

# Our own words and sentences; nothing here is taken from an evaluation article.
WORDS = ("the", "council", "voted", "on", "Tuesday", "ferry", "sank", "near", "Osel", "Captain", "Jaan",
         "Tamm", "said", "minister", "visit", "began", "ended", "first", "since", "2019", "killed", "14",
         "people", "March", "May", "2026", "last", "week", "ago", "two", "years", "strike", "denied",
         "reported", "Northfield", "province", "of", "in", "al-Rashid", "van", "der", "Berg", "O'Neill")
SENTENCES = (
    "The council voted on Tuesday, 3 March 2026, to close 14 schools in Northfield.",
    "Captain Jaan Tamm said the ferry sank near Osel on Monday.",
    "It was the first such strike since 2019, officials said.",
    "The visit began on 12 May and ended three days later.",
    "Police denied that 40 people were detained last week.",
    "Two years ago the dam burst in the Lanark district of Westmark.",
    "Minister Abdul Rahman al-Rashid arrived on Friday, May 8, 2026.",
)
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
HOMOGLYPHS = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "A": "\u0391",
              "M": "\u041c", "T": "\u0422", "1": "\u0661", "2": "\u0662"}
CONTROLS = "".join(chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127, 0x85, 0x9b))
PUNCTUATION = ".,;:!?-–—()[]{}\"'“”‘’…/\\|@#$%^&*_=+<>~`"


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(SENTENCES)
    words = [rng.choice(WORDS) for _ in range(rng.randint(1, 25))]
    return " ".join(words).capitalize() + rng.choice(".!?;,")


def _run_of(rng: random.Random) -> str:
    shape = rng.choice(("numbers", "dates", "capitals", "punctuation", "one_long_line", "empty_lines"))
    n = min(400, int(rng.paretovariate(0.8)))  # mostly short runs, now and then a long one
    if shape == "numbers":
        return " ".join(str(rng.randint(0, 10 ** rng.randint(1, 12))) for _ in range(n))
    if shape == "dates":
        return " ".join(rng.choice(("2025", "19 May 2025", "May", "Tuesday", "3/4/2026", "2026-03-09",
                                    "last week", "mid-June", "1990s")) for _ in range(n))
    if shape == "capitals":
        return " ".join(rng.choice(("Northfield", "Jaan", "Tamm", "Al", "Van", "Der", "Osel", "Council",
                                    "Ministry", "The")) for _ in range(n))
    if shape == "punctuation":
        return "".join(rng.choice(PUNCTUATION) for _ in range(n * 3))
    if shape == "one_long_line":
        return " ".join(rng.choice(SENTENCES) for _ in range(n))
    return "\n" * n


def _mangle(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(0, max(1, len(chars) // 10))):
        if not chars:
            break
        i = rng.randrange(len(chars))
        kind = rng.random()
        if kind < 0.25:
            chars.insert(i, rng.choice(ZERO_WIDTH))
        elif kind < 0.45:
            chars.insert(i, rng.choice(BIDI))
        elif kind < 0.65:
            chars[i] = HOMOGLYPHS.get(chars[i], chars[i])
        elif kind < 0.75:
            chars.insert(i, rng.choice(CONTROLS))
        elif kind < 0.85:
            chars.insert(i, "\u0301" * rng.randint(1, 30))  # stacked combining marks
        else:
            code = rng.randint(0x20, 0x2FFFF)
            chars.insert(i, chr(code) if not 0xD800 <= code <= 0xDFFF else "\ufffd")
    return "".join(chars)


def hostile_text(rng: random.Random) -> str:
    """An article body: sentences, runs and hostile characters in random order."""
    parts = []
    for _ in range(rng.choice((0, 1, 1, 2, 2, 3, 4, 6, 12))):
        parts.append(_run_of(rng) if rng.random() < 0.3 else _sentence(rng))
    text = rng.choice(("\n\n", " ", "\n", "")).join(parts)
    return _mangle(rng, text) if rng.random() < 0.6 else text


def _front_matter(rng: random.Random) -> str:
    choice = rng.randrange(9)
    if choice == 0:
        return f"---\ntitle: {rng.choice(WORDS)}\npublished: 2026-03-{rng.randint(1, 40):02d}\nrole: " \
               f"{rng.choice(('source', 'draft', 'editor', ''))}\n---\n"
    if choice == 1:
        return "---\ntitle: [unclosed\n---\n"
    if choice == 2:
        depth = rng.randint(50, 3000)
        return "---\ntitle: " + "[" * depth + "]" * depth + "\n---\n"
    if choice == 3:  # aliases that would expand exponentially if turned into text
        lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 12)]
        return "---\n" + "\n".join(lines) + f"\n{rng.choice(('title', 'published', 'outlet'))}: *a11\n---\n"
    if choice == 4:
        return "---\n" + "".join(rng.choice("-:[]{}&*!|>'\"%@`#,?\n ab") for _ in range(rng.randint(1, 200))) + "\n---\n"
    if choice == 5:
        return "---\npublished: !!python/object/apply:os.system ['echo owned']\n---\n"
    if choice == 6:
        return "---\n---\n"
    if choice == 7:
        return "---\ntitle: x\n"  # never closed
    return ""


def _sidecar(rng: random.Random, names: list[str]) -> str:
    choice = rng.randrange(5)
    if choice == 0:
        return "".join(f"{n}: {{published: 2026-03-{rng.randint(1, 31):02d}}}\n" for n in names)
    if choice == 1:
        return "- not\n- a mapping\n"
    if choice == 2:
        return "a: [" * 200
    if choice == 3:
        return "".join(f"{n}: {rng.choice(('7', '[1, 2]', 'null', '{published: soon}', '{role: spy}'))}\n" for n in names)
    return _mangle(rng, "x.txt: {published: 2026-03-09}\n")


RULE_TEMPLATE = """id: {id}
name: fuzz-rule
check: {check}
severity: {severity}
category: date
description: A rule made by the fuzzer.
message: "{message}"
"""


def _rule_file(rng: random.Random) -> str:
    text = RULE_TEMPLATE.format(id=rng.choice(("FUZZ101", "DATE101", "x", "")),
                                check=rng.choice(("date_conflict", "no_such_check", "")),
                                severity=rng.choice(("error", "warning", "loud")),
                                message=rng.choice(("{subject}", "{nope}", "plain", "{0}")))
    return _mangle(rng, text) if rng.random() < 0.3 else text


def _config(rng: random.Random) -> str:
    return rng.choice(('fail-on = "never"\n', 'format = "xml"\n', "select = [1, 2]\n", "max-article-bytes = -1\n",
                       "[[[\n", 'ignore = ["NOPE"]\n', "max-article-bytes = 300\n", ""))


def _baseline(rng: random.Random) -> str:
    return rng.choice(('{"version": 1, "findings": []}', '{"version": 1, "findings": [{"fingerprint": 5}]}',
                       "[" * rng.randint(1, 100000), '{"version": 2}', "null", '{"version": 1, "findings": "x"}'))


def _encode(rng: random.Random, text: str) -> bytes:
    choice = rng.randrange(8)
    if choice == 0:
        return text.encode("utf-16")
    if choice == 1:
        return text.encode("cp1252", errors="replace")
    if choice == 2:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 3000)))
    if choice == 3:  # valid UTF-8 with a stray legacy byte in the middle
        data = bytearray(text.encode("utf-8", errors="surrogatepass"))
        if data:
            data.insert(rng.randrange(len(data)), rng.choice((0x92, 0xE9, 0xFF, 0x00)))
        return bytes(data)
    if choice == 4:
        return b"\xef\xbb\xbf" + text.encode("utf-8", errors="replace")
    return text.encode("utf-8", errors="replace")


@dataclass(frozen=True)
class Case:
    """One generated folder: file name -> bytes, plus the command-line options to use."""

    files: tuple[tuple[str, bytes], ...]
    """Files to write, by path relative to the case folder."""
    options: tuple[str, ...]
    """Extra command-line options for ``check``."""


def make_case(seed: int) -> Case:
    """The case for ``seed`` (deterministic)."""
    rng = random.Random(seed)
    files: list[tuple[str, bytes]] = []
    names = []
    for i in range(rng.randint(1, 4)):
        suffix = rng.choice((".txt", ".md", ".md"))
        name = f"arts/a{i}{suffix}"
        names.append(f"a{i}{suffix}")
        body = hostile_text(rng)
        if suffix == ".md":
            if rng.random() < 0.3:
                body = rng.choice(("<!-- ", "```\n", "    ", "[x](", "<script>", "![a](")) + body
            body = _front_matter(rng) + body
        elif rng.random() < 0.7:
            body = rng.choice(WORDS).title() + "\n\n" + body
        files.append((name, _encode(rng, body)))
    if rng.random() < 0.3:
        files.append(("arts/sources.yaml", _encode(rng, _sidecar(rng, names))))
    options = ["--format", rng.choice(FORMATS)]
    if rng.random() < 0.15:
        files.append(("rules/FUZZ101.yaml", _rule_file(rng).encode("utf-8", errors="replace")))
        options += ["--rules", "rules"]
    if rng.random() < 0.15:
        files.append(("arts/discrepancy.toml", _config(rng).encode("utf-8")))
    if rng.random() < 0.1:
        files.append(("baseline.json", _encode(rng, _baseline(rng))))
        options += ["--baseline", "baseline.json"]
    return Case(tuple(files), tuple(options))


@dataclass(frozen=True)
class Outcome:
    """What one run did."""

    exit_code: int | None
    """The exit code, or None when the run raised."""
    crash: str | None
    """Why this counts as a crash (traceback, exit code, failed extractor), or None."""


def run_case(case: Case, folder: Path) -> Outcome:
    """Write ``case`` under ``folder`` and run ``discrepancy check`` on it in-process."""
    from typer.testing import CliRunner

    from discrepancy.cli import app

    for name, data in case.files:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    local = {"rules": str(folder / "rules"), "baseline.json": str(folder / "baseline.json")}
    args = ["check", str(folder / "arts"), *[local.get(o, o) for o in case.options]]
    try:
        result = CliRunner().invoke(app, args, catch_exceptions=True)
    except Exception:  # the runner itself should never fail; if it does, that is a crash too
        return Outcome(None, traceback.format_exc())
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        trace = "".join(traceback.format_exception(result.exception))
        return Outcome(None, trace)
    if result.exit_code not in (0, 1, 2):
        return Outcome(result.exit_code, f"exit code {result.exit_code}")
    failed = [line for line in result.stderr.splitlines() if "extraction failed" in line or "scan failed" in line]
    if failed:
        return Outcome(result.exit_code, failed[0])
    return Outcome(result.exit_code, None)
