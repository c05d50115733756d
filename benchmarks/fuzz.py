"""The long fuzzing run: hostile generated inputs through the whole `discrepancy check`.

    python benchmarks/fuzz.py --examples 100000 [--jobs 2] [--start 0]

Each example is one folder made from a seed by ``tests/fuzz_harness.py`` (articles in mixed
encodings with hostile characters and runs, broken front matter, sidecars, rule and config
files) and run through the CLI in-process. A crash is a traceback, an exit code outside 0/1/2,
or an extractor that failed. Prints the number of examples, crashes (with their seeds, so each
can be replayed with ``--start SEED --examples 1`` and turned into a regression test), the
slowest example and the time taken. Exit code 1 when anything crashed.
"""
from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _chunk(bounds: tuple[int, int]) -> tuple[int, list[tuple[int, str]], tuple[float, int]]:
    from tests.fuzz_harness import make_case, run_case

    start, stop = bounds
    crashes: list[tuple[int, str]] = []
    slowest = (0.0, start)
    for seed in range(start, stop):
        began = time.perf_counter()
        with tempfile.TemporaryDirectory() as folder:
            outcome = run_case(make_case(seed), Path(folder))
        took = time.perf_counter() - began
        slowest = max(slowest, (took, seed))
        if outcome.crash:
            crashes.append((seed, outcome.crash.strip().splitlines()[-1][:300]))
    return stop - start, crashes, slowest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=multiprocessing.cpu_count())
    parser.add_argument("--start", type=int, default=0, help="first seed")
    parser.add_argument("--chunk", type=int, default=200, help="examples per task")
    args = parser.parse_args()
    bounds = [(s, min(s + args.chunk, args.start + args.examples))
              for s in range(args.start, args.start + args.examples, args.chunk)]
    began = time.perf_counter()
    done, crashes, slowest = 0, [], (0.0, args.start)
    with multiprocessing.Pool(args.jobs) as pool:
        for n, found, slow in pool.imap_unordered(_chunk, bounds):
            done += n
            crashes += found
            slowest = max(slowest, slow)
            for seed, last in found:
                print(f"crash: seed {seed}: {last}", flush=True)
            print(f"progress: {done} examples, {len(crashes)} crashes, {time.perf_counter() - began:.0f} s",
                  file=sys.stderr, flush=True)
    took = time.perf_counter() - began
    print(f"examples: {done}")
    print(f"crashes: {len(crashes)}")
    print(f"slowest example: seed {slowest[1]}, {slowest[0]:.2f} s")
    print(f"time: {took:.0f} s ({done / took:.1f} examples/s, {args.jobs} jobs)")
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
