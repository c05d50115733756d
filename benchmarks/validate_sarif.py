"""Validate discrepancy's SARIF output against the official SARIF 2.1.0 JSON Schema.

    python benchmarks/validate_sarif.py                      # check the bundled seeds/
    python benchmarks/validate_sarif.py some/articles ...    # check these paths
    python benchmarks/validate_sarif.py --file report.sarif  # validate an existing SARIF file
    python benchmarks/validate_sarif.py --schema path/to/sarif-schema-2.1.0.json

Without ``--file`` it runs ``python -m discrepancy check --format sarif PATHS`` from the
repository root (exit codes 0 and 1 both mean a report was written). The schema defaults to
``../shared/schemas/sarif-schema-2.1.0.json`` next to the repository. The official schema
declares JSON Schema draft-04; the validator class is chosen from the schema's own ``$schema``
(``jsonschema.validators.validator_for``), with format checking where jsonschema can check.

Prints ``valid``, or one line per error (``at /runs/0/results/3/level: ...``), and exits 0 when
valid, 1 when not, 2 when the report could not be produced or read.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
DEFAULT_PATHS = ("seeds",)


def produce(paths: list[str]) -> str:
    """Run discrepancy on the paths and return its SARIF output."""
    command = [sys.executable, "-m", "discrepancy", "check", "--format", "sarif", *paths]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, encoding="utf-8")
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: "
                           f"{done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


def errors(document: object, schema: dict) -> list[str]:
    """The schema violations in a SARIF document, one line each, in a stable order."""
    import jsonschema

    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    found = sorted(validator.iter_errors(document),
                   key=lambda e: (list(map(str, e.absolute_path)), e.message))
    return [f"at /{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="articles or folders (default: seeds/)")
    parser.add_argument("--file", type=Path, help="validate this SARIF file instead of running")
    parser.add_argument("--schema", type=Path, default=DEFAULT_SCHEMA,
                        help=f"SARIF 2.1.0 schema (default: {DEFAULT_SCHEMA})")
    args = parser.parse_args(argv)
    if args.file and args.paths:
        parser.error("give either --file or paths, not both")
    try:
        schema = json.loads(args.schema.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"cannot read schema {args.schema}: {exc}", file=sys.stderr)
        return 2
    try:
        text = (args.file.read_text(encoding="utf-8") if args.file
                else produce(args.paths or list(DEFAULT_PATHS)))
        document = json.loads(text)
    except (OSError, ValueError, RuntimeError) as exc:
        print(f"cannot get a SARIF report: {exc}", file=sys.stderr)
        return 2
    problems = errors(document, schema)
    if not problems:
        print("valid")
        return 0
    for line in problems:
        print(line)
    print(f"{len(problems)} error(s)", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
