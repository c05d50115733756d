#!/usr/bin/env python3
"""Throughput of the time-expression tagger, in MB of text per second, against dateparser.

    python benchmarks/timex_throughput.py [TBAQ_DIR] [--seconds S] [--dateparser-seconds S]

TBAQ_DIR holds TimeML .tml files (default: ../shared/corpora/tempeval3/tbaq-cleaned beside the
repository). The plain text of each <TEXT> element is tagged with its document creation time as
the anchor: first by discrepancy.timex.tag, repeated until --seconds have passed, then by
dateparser's search.search_dates on the same texts in the same order for at most
--dateparser-seconds (it is much slower, so it usually covers only part of the corpus; its rate is
measured on the part it covered). Both are timed in CPU seconds of this process (time.process_time),
so other programs running on the machine disturb the ratio less than they would wall-clock time.
dateparser is not a dependency of the project: when it is not installed the script says so and prints
the tagger's figure alone.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from discrepancy.timex import tag  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "tempeval3" / "tbaq-cleaned"
_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", re.S)


def read_docs(folder: Path) -> list[tuple[str, dt.date | None]]:
    """(plain text of <TEXT>, creation date) for every .tml file under folder."""
    docs = []
    for path in sorted(folder.rglob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        start, end = raw.find("<TEXT>"), raw.find("</TEXT>")
        if start < 0 or end < 0:
            continue
        text = html.unescape(_TAG.sub("", raw[start + len("<TEXT>"):end]))
        m = _DCT.search(raw)
        docs.append((text, dt.date.fromisoformat(m.group(1)) if m else None))
    return docs


def run_tagger(docs, seconds: float) -> tuple[float, int, int]:
    """(MB per second, expressions found in one pass, passes made)."""
    size = sum(len(t.encode("utf-8")) for t, _ in docs)
    found = sum(len(tag(t, a)) for t, a in docs)  # warm-up pass: compiles the grammar, reads the YAML
    passes, started = 0, time.process_time()
    while True:
        for text, anchor in docs:
            tag(text, anchor)
        passes += 1
        elapsed = time.process_time() - started
        if elapsed >= seconds:
            return size * passes / elapsed / 1e6, found, passes


def run_dateparser(docs, seconds: float) -> tuple[float, int, int] | None:
    """(MB per second, dates found, documents covered), or None when dateparser is missing."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    search_dates("warm up on 3 May 2025", languages=["en"])
    done_bytes, found, covered, started = 0, 0, 0, time.process_time()
    for text, anchor in docs:
        settings = {"RELATIVE_BASE": dt.datetime.combine(anchor, dt.time())} if anchor else {}
        found += len(search_dates(text, languages=["en"], settings=settings) or [])
        done_bytes += len(text.encode("utf-8"))
        covered += 1
        if time.process_time() - started >= seconds:
            break
    return done_bytes / (time.process_time() - started) / 1e6, found, covered


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--seconds", type=float, default=5.0, help="CPU seconds to time the tagger (default 5)")
    ap.add_argument("--dateparser-seconds", type=float, default=20.0, help="CPU-second budget for dateparser (default 20)")
    args = ap.parse_args()
    docs = read_docs(args.corpus)
    if not docs:
        print(f"no .tml files with a <TEXT> element under {args.corpus}", file=sys.stderr)
        return 2
    size = sum(len(t.encode("utf-8")) for t, _ in docs)
    print(f"corpus: {args.corpus} ({len(docs)} documents, {size / 1e6:.2f} MB of text)")
    rate, found, passes = run_tagger(docs, args.seconds)
    print(f"discrepancy.timex.tag:        {rate:8.3f} MB per CPU second  ({found} expressions per pass, {passes} passes)")
    dp = run_dateparser(docs, args.dateparser_seconds)
    if dp is None:
        print("dateparser is not installed (pip install dateparser): no comparison made.")
        return 0
    dp_rate, dp_found, covered = dp
    print(f"dateparser search_dates:      {dp_rate:8.3f} MB per CPU second  ({dp_found} dates in the {covered} documents it covered "
          f"in {args.dateparser_seconds:g} s)")
    print(f"ratio: the tagger is {rate / dp_rate:.1f}x dateparser's throughput")
    return 0


if __name__ == "__main__":
    sys.exit(main())
