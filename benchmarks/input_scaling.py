#!/usr/bin/env python3
"""How the time to check one article grows with its length, for ordinary prose and for
pathological shapes of text.

    python benchmarks/input_scaling.py [--sizes 10,100,1000] [--shapes prose,dates,...]
                                       [--cap 60] [--repeat 3] [--stages] [--memory] [--list]

For every shape an article of each size (in KB of text) is built from a fixed seed and checked
the way the CLI checks it: ``discrepancy.pipeline.check_texts({"a.txt": text}, rules)`` with the
bundled rules, at least --repeat times and for at least two seconds (the fastest run counts).
Prints, per shape, the seconds per 100 KB at each size and the ratio of that figure at the
largest size to the smallest: a linear pipeline keeps the ratio near 1. Sizes run small to
large; each run happens in a child process, and once one takes longer than --cap seconds the shape
is given up ("> CAP s") so that the script always finishes. --stages also prints where the time
of each run went (ingest, sentence splitting, time tagging, each extractor, alignment, rules).
--memory also prints the peak memory Python allocated for each run (tracemalloc, in a child).
The last line times a fixed pure-Python loop before and after the runs: on a shared machine
every figure drifts with the load, and that line says how fast the machine was meanwhile.

Every text is generated here; nothing is read from disk except the bundled rules.
"""
from __future__ import annotations

import argparse
import gc
import multiprocessing
import random
import sys
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from discrepancy import pipeline  # noqa: E402
from discrepancy.align import align  # noqa: E402
from discrepancy.engine.run import run_rules  # noqa: E402
from discrepancy.engine.schema import bundled_rules_dir, load_rules  # noqa: E402
from discrepancy.extract import EXTRACTORS, event_words  # noqa: E402
from discrepancy.extract.context import Context, find_anchor  # noqa: E402
from discrepancy.ingest import parse_article  # noqa: E402
from discrepancy.text import sentences  # noqa: E402
from discrepancy.timex import tag  # noqa: E402

KB = 1024
SEED = 20260303

# --- generated text ----------------------------------------------------------------------

GIVEN = ["Anna", "Omar", "Li", "Maria", "Tomasz", "Aisha", "Pedro", "Ingrid", "Kofi", "Yuki", "Elena",
         "Rahul", "Fatima", "Jonas", "Chloe", "Dmitri", "Nadia", "Samuel", "Leila", "Hugo"]
SURNAMES = ["Berg", "Haddad", "Wei", "Santos", "Nowak", "Bello", "Alvarez", "Lund", "Mensah", "Sato",
            "Petrova", "Mehta", "Karimi", "Weber", "Dubois", "Volkov", "Rahman", "Okafor", "Farah", "Moreau"]
PLACES = ["Northfield", "Eastbrook", "Port Alder", "Kelmar", "Sandvik", "Riverton", "Ostrava Nova",
          "Lake Mirren", "Cape Dunmore", "Haverly", "Westmoor", "Tallinmere", "San Colmo", "Brightwater"]
ORGS = ["the city council", "the health ministry", "the fire service", "the port authority",
        "the teachers' union", "the national weather office", "the mining company", "the court"]
ROLES = ["mayor", "spokesperson", "chief of police", "health minister", "director", "judge", "governor"]
EVENTS = ["strike", "fire", "flood", "election", "protest", "earthquake", "trial", "summit", "launch"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
PLAIN_WORDS = ["the", "council", "said", "residents", "were", "moved", "after", "water", "rose", "in",
               "several", "streets", "and", "officials", "warned", "that", "more", "rain", "could",
               "follow", "during", "week", "while", "schools", "stayed", "closed", "for", "people"]


class Words:
    """Random pieces of news text from one seeded generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def pick(self, items: list[str]) -> str:
        return self.rng.choice(items)

    def person(self) -> str:
        return f"{self.pick(GIVEN)} {self.pick(SURNAMES)}"

    def number(self) -> str:
        kind = self.rng.randrange(4)
        if kind == 0:
            return str(self.rng.randint(2, 60))
        if kind == 1:
            return f"{self.rng.randint(1, 99)},{self.rng.randint(0, 999):03d}"
        if kind == 2:
            return f"{self.rng.randint(1, 20)}.{self.rng.randint(1, 9)}"
        return str(self.rng.randint(100, 900))

    def date(self) -> str:
        day, month, year = self.rng.randint(1, 28), self.pick(MONTHS), self.rng.randint(2019, 2026)
        kind = self.rng.randrange(4)
        if kind == 0:
            return f"{day} {month} {year}"
        if kind == 1:
            return f"{month} {day}, {year}"
        if kind == 2:
            return f"{self.pick(WEEKDAYS)}, {day} {month}"
        return f"{year}-{self.rng.randint(1, 12):02d}-{day:02d}"

    def sentence(self) -> str:
        r = self
        templates: list[Callable[[], str]] = [
            lambda: f"The council voted on {r.pick(WEEKDAYS)}, {r.date()}, to close {r.number()} schools in {r.pick(PLACES)}.",
            lambda: f"{r.person()}, the {r.pick(ROLES)} of {r.pick(PLACES)}, said on {r.pick(WEEKDAYS)} that "
                    f"{r.number()} people had been injured in the {r.pick(EVENTS)}.",
            lambda: f"Police in {r.pick(PLACES)} arrested {r.rng.randint(2, 30)} men after the {r.pick(EVENTS)} on {r.date()}.",
            lambda: f"The {r.pick(EVENTS)} began on {r.date()} and lasted {r.rng.randint(2, 12)} days, "
                    f"according to {r.pick(ORGS)}.",
            lambda: f"About {r.number()} residents were evacuated from the {r.pick(PLACES)} district, officials said.",
            lambda: f"It was the first {r.pick(EVENTS)} in {r.pick(PLACES)} since {r.rng.randint(1950, 2020)}.",
            lambda: f"{r.person()} resigned as {r.pick(ROLES)} in {r.pick(MONTHS)} {r.rng.randint(2010, 2025)}.",
            lambda: f"Mr. {r.pick(SURNAMES)} told reporters the figure was {r.number()} per cent higher than in "
                    f"{r.rng.randint(2000, 2024)}.",
            lambda: f"\"We will rebuild what was lost,\" said {r.person()}, who arrived in {r.pick(PLACES)} last {r.pick(WEEKDAYS)}.",
            lambda: f"Dr. {r.person()} of {r.pick(ORGS)} said {r.rng.randint(3, 80)} patients were treated at "
                    f"St. Mary's hospital by {r.pick(WEEKDAYS)} evening.",
            lambda: f"The ban on fishing near {r.pick(PLACES)} will last {r.rng.randint(2, 9)} months, the ministry said on {r.date()}.",
            lambda: f"Turnout in the {r.pick(EVENTS)} was {r.rng.randint(30, 90)}%, down from {r.rng.randint(30, 90)}% in "
                    f"{r.rng.randint(2000, 2024)}, the U.S. observers reported.",
            lambda: f"Earlier this week {r.pick(ORGS)} had said the work would finish by {r.pick(WEEKDAYS)}.",
        ]
        return self.pick(templates)()


def until(size: int, piece: Callable[[], str], sep: str = " ") -> str:
    """Pieces joined by ``sep`` until the text holds ``size`` characters, cut at a space."""
    parts: list[str] = []
    total = 0
    while total < size:
        part = piece()
        parts.append(part)
        total += len(part) + len(sep)
    text = sep.join(parts)[:size]
    cut = text.rfind(" ")
    return text[:cut] if cut > size // 2 else text


def prose(size: int, w: Words) -> str:
    """News-like paragraphs of three to six sentences."""
    return until(size, lambda: " ".join(w.sentence() for _ in range(w.rng.randint(3, 6))), "\n\n")


def long_line(size: int, w: Words) -> str:
    """Ordinary sentences, all on one line (no paragraph breaks)."""
    return until(size, w.sentence)


def wrapped_lines(size: int, w: Words) -> str:
    """Prose hard-wrapped at 70 columns like PDF text, with a running header and a page number
    between pages."""
    words = prose(size, w).replace("\n\n", " \n\n ").split(" ")
    lines, line, page = [], "", 1
    for word in words:
        if word == "\n\n":
            lines.extend([line, ""])
            line = ""
            continue
        if len(line) + len(word) > 70:
            lines.append(line)
            line = ""
            if len(lines) % 50 == 0:
                page += 1
                lines.extend(["", "The Northfield Courier", "", f"Page {page}", ""])
        line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)[:size]


def paragraphs(size: int, w: Words) -> str:
    """Every sentence a paragraph of its own; every third starts in lower case as if it went on
    from the paragraph before."""
    count = [0]

    def one() -> str:
        count[0] += 1
        s = w.sentence()
        return s[0].lower() + s[1:] if count[0] % 3 == 0 else s
    return until(size, one, "\n\n")


def numbers(size: int, w: Words) -> str:
    """Only numbers, one line."""
    return until(size, w.number)


def dates(size: int, w: Words) -> str:
    """One date pattern over and over: a year, a day and month, the year again."""
    return until(size, lambda: "2025 19 May 2025")


def date_list(size: int, w: Words) -> str:
    """Dates in varied formats, separated by commas and 'and'."""
    return until(size, lambda: w.date() + w.pick([",", " and", ";", ""]))


def capitals(size: int, w: Words) -> str:
    """Capitalised words (names, places, months, weekdays) with no punctuation."""
    pool = GIVEN + SURNAMES + PLACES + MONTHS + WEEKDAYS + ["Council", "Ministry", "Police", "River"]
    return until(size, lambda: w.pick(pool))


def name_run(size: int, w: Words) -> str:
    """Given names and surnames only, capitalised, with no punctuation: one endless "name"."""
    return until(size, lambda: w.pick(GIVEN + SURNAMES))


def punctuation(size: int, w: Words) -> str:
    """Runs of punctuation with the odd word, number or space."""
    marks = ".,;:!?-–—()[]\"'“”‘’…/"
    return until(size, lambda: "".join(w.pick(list(marks)) for _ in range(w.rng.randint(1, 30)))
                 + w.pick(["", "", "A", "7", " ", "Mr.", "May"]), "")


def short_sentences(size: int, w: Words) -> str:
    """Very many very short sentences."""
    pool = ["Fire.", "Rain fell.", "It ended.", "Mr. Berg won.", "Police came.", "Two died.", "On May 3.",
            "Then 14.", "Nobody spoke.", "It was Monday.", "Ms. Lund left.", "Why?", "No!"]
    return until(size, lambda: w.pick(pool))


def no_punctuation(size: int, w: Words) -> str:
    """One enormous sentence: ordinary sentences stripped of their punctuation, joined by 'and'."""
    strip = str.maketrans("", "", ".,;:!?\"'")
    return until(size, lambda: w.sentence().translate(strip) + " and")


def repeated_names(size: int, w: Words) -> str:
    """The same few people, places and events over and over, with changing dates and figures."""
    return until(size, lambda: f"{w.pick(['Anna Berg', 'Omar Haddad'])} said the {w.pick(['strike', 'fire'])} in "
                               f"{w.pick(['Northfield', 'Kelmar'])} began on {w.date()} and {w.number()} people were "
                               f"hurt.")


def markdown(size: int, w: Words) -> str:
    """Markdown with everything its reader blanks out: front matter, links, images, comments,
    code spans and blocks, raw HTML, and unclosed brackets."""
    extras = ["[{}](https://example.org/{})", "![{}](img/{}.png)", "<!-- {} {} -->", "`{} {}`",
              "<b>{}</b> {}", "[{} [{}", "\n\n```\n{} {}\n```\n\n", "<https://example.org/{}{}>"]
    body = until(size, lambda: w.sentence() + " " + w.pick(extras).format(w.pick(GIVEN), w.number()))
    return "---\ntitle: A report\npublished: 2026-03-09\n---\n" + body


SHAPES: dict[str, Callable[[int, Words], str]] = {
    "prose": prose, "long_line": long_line, "wrapped_lines": wrapped_lines, "paragraphs": paragraphs,
    "numbers": numbers, "dates": dates, "date_list": date_list, "capitals": capitals, "name_run": name_run,
    "punctuation": punctuation, "short_sentences": short_sentences, "no_punctuation": no_punctuation,
    "repeated_names": repeated_names, "markdown": markdown,
}


def article(shape: str, size: int) -> str:
    """The article of ``shape`` with ``size`` characters, the same on every run."""
    return SHAPES[shape](size, Words(SEED))


# --- running -----------------------------------------------------------------------------

def file_name(text: str) -> str:
    """A text that opens with front matter is checked as Markdown (its comments, code and link
    targets blanked), any other as plain text."""
    return "a.md" if text.startswith("---\n") else "a.txt"


def check(text: str, rules) -> None:
    """The whole pipeline, as the CLI runs it."""
    pipeline.check_texts({file_name(text): text}, rules)


def staged(text: str, rules) -> dict[str, float]:
    """The same flow as ``pipeline.analyse`` for one article, timed stage by stage."""
    times: dict[str, float] = {}

    def timed(name, fn, *args):
        t0 = time.perf_counter()
        out = fn(*args)
        times[name] = times.get(name, 0.0) + time.perf_counter() - t0
        return out

    import dataclasses
    article = timed("ingest", parse_article, file_name(text), text)
    untagged = None if article.published and len(article.published) == 10 else timed("timex", tag, article.text)
    anchor = timed("anchor", find_anchor, article, untagged)
    article = dataclasses.replace(article, anchor=anchor)
    timexes = timed("timex", tag, article.text, anchor.date if anchor else None, anchor.how if anchor else None)
    split = timed("sentences", sentences, article.text)
    ctx = Context(article, tuple(split), tuple(timexes))
    names = timed("events", event_words.event_names, ctx)
    if names:
        ctx = dataclasses.replace(ctx, event_names=tuple(sorted(names.items())))
    claims = []
    for name, extractor in EXTRACTORS:
        claims.extend(timed(name, extractor, ctx))
    claims.sort(key=lambda c: c.sort_key)
    groups = timed("align", align, [article], claims)
    timed("rules", run_rules, rules, groups)
    return times


def _child(conn, text: str, rules, stages: bool) -> None:
    # A forked child copies each memory page of the parent it writes to, reference counts
    # included, the first time it touches it: a few small articles checked first pay that here,
    # as every article but the first of a run has it paid (other text than the runs time).
    for shape in SHAPES.values():
        check(shape(2 * KB, Words(SEED + 2)), rules)
    t0 = time.perf_counter()
    breakdown = staged(text, rules) if stages else (check(text, rules) or {})
    conn.send((time.perf_counter() - t0, breakdown))
    conn.close()


def _memory_child(conn, text: str, rules) -> None:
    import tracemalloc

    tracemalloc.start()
    check(text, rules)
    conn.send(tracemalloc.get_traced_memory()[1])
    conn.close()


def peak_memory(text: str, rules) -> float | None:
    """Peak memory (MB) that Python allocated to check ``text``, in a forked child (tracemalloc:
    what the pipeline holds at its fullest, not the interpreter and libraries already loaded)."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_memory_child, args=(child, text, rules))
    proc.start()
    child.close()
    try:
        return parent.recv() / 1e6
    except EOFError:
        return None
    finally:
        proc.join()


def measure(text: str, rules, cap: float, stages: bool) -> tuple[float, dict] | None:
    """(seconds, stage seconds) of one check of ``text`` in a child process forked from this
    one, so that every run starts with the same caches; None when it takes longer than ``cap``."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, text, rules, stages))
    proc.start()
    child.close()
    try:
        return parent.recv() if parent.poll(cap) else None
    except EOFError:  # the child died (out of memory, an exception)
        return None
    finally:
        if proc.is_alive():
            proc.terminate()
        proc.join()


def best_of(text: str, rules, cap: float, stages: bool, runs: int) -> tuple[float, dict] | None:
    """The fastest of at least ``runs`` runs, and of as many more as fill two seconds (at most
    20), like timeit's autorange: what the machine takes, less what other work on it took (a
    shared virtual machine's speed varies by a third from one minute to the next)."""
    best, spent, done = None, 0.0, 0
    while done < runs or (spent < 2.0 and done < 20):
        result = measure(text, rules, cap, stages)
        if result is None:
            return None
        if best is None or result[0] < best[0]:
            best = result
        spent += result[0]
        done += 1
    return best


def reference_seconds() -> float:
    """How long this machine takes for a fixed pure-Python loop (the fastest of three): the
    figures of a shared machine drift with its load, and this says how fast it was meanwhile."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        sum(i * i for i in range(2_000_000))
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,100,1000", help="article sizes in KB, comma-separated")
    ap.add_argument("--shapes", default=",".join(SHAPES), help="shapes to run, comma-separated")
    ap.add_argument("--cap", type=float, default=60.0, help="give up on a shape once one run takes longer")
    ap.add_argument("--stages", action="store_true", help="print where the time of each run went")
    ap.add_argument("--list", action="store_true", help="list the shapes with a sample of each and stop")
    ap.add_argument("--memory", action="store_true", help="also print the peak memory of each run (slower)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per size and shape at least; the fastest counts")
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    shapes = [s for s in args.shapes.split(",") if s]
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        ap.error(f"unknown shapes: {', '.join(unknown)}; known: {', '.join(SHAPES)}")
    if args.list:
        for shape in shapes:
            print(f"{shape:<16} {article(shape, 160)!r}")
        return 0

    rules = load_rules([bundled_rules_dir()])
    # load lexicons and compile patterns before timing, on text that none of the runs repeats
    for shape in SHAPES.values():
        check(shape(2 * KB, Words(SEED + 1)), rules)
    # Each run happens in a forked child. Without this, the child's first full garbage
    # collection walks every object the warm-up left in this process and so copies their
    # memory pages (copy-on-write): time the pipeline would not spend in a process of its own.
    gc.freeze()

    before = reference_seconds()
    header = "".join(f"{f'{s} KB':>12}" for s in sizes)
    print(f"seconds per 100 KB{'':<0}\n{'shape':<16}{header}{'ratio':>10}", flush=True)
    for shape in shapes:
        per100: dict[int, float] = {}
        cells, notes = [], []
        gave_up = False
        for size in sizes:
            if gave_up:
                cells.append(f"{'-':>12}")
                continue
            text = article(shape, size * KB)
            result = best_of(text, rules, args.cap, args.stages, runs=args.repeat)
            if result is None:
                cells.append(f"{f'> {args.cap:g} s':>12}")
                gave_up = True
                continue
            took, breakdown = result
            per100[size] = took / (len(text) / (100 * KB))
            cells.append(f"{per100[size]:>12.3f}")
            if args.memory:
                peak = peak_memory(text, rules)
                notes.append(f"    {size} KB: peak {peak:.1f} MB ({peak / (len(text) / (100 * KB)):.1f} MB per 100 KB)"
                             if peak is not None else f"    {size} KB: peak memory not measured (child died)")
            if breakdown:
                parts = ", ".join(f"{k} {v:.3f}" for k, v in sorted(breakdown.items(), key=lambda kv: -kv[1]) if v >= 0.0005)
                notes.append(f"    {size} KB ({took:.2f} s): {parts}")
        ratio = f"{per100[sizes[-1]] / per100[sizes[0]]:>10.2f}" if len(per100) == len(sizes) > 1 else f"{'-':>10}"
        print(f"{shape:<16}{''.join(cells)}{ratio}", flush=True)
        for note in notes:
            print(note, flush=True)
    print(f"machine reference: a fixed pure-Python loop took {before:.3f} s before the runs and "
          f"{reference_seconds():.3f} s after (the times above grow with it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
