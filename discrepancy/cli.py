"""Command-line interface: options -> pipeline -> formatter -> exit code. The only module that writes."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from discrepancy.models import SEVERITIES

app = typer.Typer(add_completion=False, no_args_is_help=False, pretty_exceptions_enable=False,
                  help="Find where news articles about the same events disagree, with the quotes that prove it.")

FAIL_ON = ("error", "warning", "info", "never")


def _fail(message: str) -> None:
    """Bad input or usage: one line on standard error, exit code 2."""
    typer.echo(f"discrepancy: {message}", err=True)
    raise typer.Exit(2)


def _emit(text: str, output: Optional[Path]) -> None:
    from discrepancy.output import write_atomically

    if output is None:
        typer.echo(text, nl=not text.endswith("\n"))
        return
    try:
        write_atomically(output, text)
    except OSError as exc:
        _fail(f"{output}: cannot write report: {exc.strerror or exc}")


def _refuse_overwriting_inputs(output: Optional[Path], paths: List[Path], settings,
                               baseline_is_input: bool = True) -> None:
    """Exit 2 before any work when ``output`` is one of the files the run reads: an article, a
    sidecar, a rule or lexicon file, the config file or (for ``check``) the baseline."""
    if output is None:
        return
    from discrepancy.ingest import SIDECAR, InputError, collect
    from discrepancy.output import protected_target

    try:
        files, _ = collect(paths)
    except InputError as exc:
        _fail(str(exc))
    protected: list[Path] = [*files, *{f.parent / SIDECAR for f in files}]
    from discrepancy.engine.schema import bundled_rules_dir

    protected += [p for folder in settings.rules_dirs for p in Path(folder).glob("*.y*ml")]
    protected += list(bundled_rules_dir().rglob("*.y*ml"))  # the rules and lexicons this run loads
    if settings.config_path is not None:
        protected.append(settings.config_path)
    if baseline_is_input and settings.baseline is not None:
        protected.append(settings.baseline)
    hit = protected_target(output, protected)
    if hit is not None:
        _fail(f"--output {output}: refusing to overwrite {hit}, which this run reads; "
              f"choose another output file")


def _settings(paths: List[Path], config: Optional[Path], **overrides):
    from discrepancy.config import ConfigError, load_settings

    start = paths[0] if paths else Path.cwd()
    try:
        return load_settings(config, start, overrides)
    except ConfigError as exc:
        _fail(str(exc))


def _rules(settings):
    from discrepancy.engine.schema import RuleFileError, bundled_rules_dir, load_rules
    from discrepancy.filters import select_rules, unknown_selectors

    try:
        rules = load_rules([bundled_rules_dir(), *settings.rules_dirs])
    except RuleFileError as exc:
        _fail(str(exc))
    for selector in (*unknown_selectors(rules, settings.select), *unknown_selectors(rules, settings.ignore)):
        _fail(f"--select/--ignore {selector!r} matches no rule id, id prefix or group")
    return select_rules(rules, settings.select, settings.ignore)


def _default_paths(paths: Optional[List[Path]]) -> List[Path]:
    if paths:
        return list(paths)
    from discrepancy.resources import seeds_dir

    seeds = seeds_dir()
    relative = os.path.relpath(seeds)
    return [Path(relative) if not relative.startswith("..") else seeds]


def _run(paths: List[Path], rules, settings):
    from discrepancy.ingest import InputError
    from discrepancy.pipeline import check_paths

    try:
        return check_paths(paths, rules, settings.max_article_bytes)
    except InputError as exc:
        _fail(str(exc))


def _split(values: Optional[List[str]]) -> Optional[tuple]:
    if not values:
        return None
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


PathsArg = typer.Argument(None, help="Article files (.txt, .md) and folders (searched recursively). "
                                     "Default: the bundled seed articles.")


@app.command()
def check(paths: Optional[List[Path]] = PathsArg,
          format: Optional[str] = typer.Option(None, "--format", "-f",
                                               help="terminal, markdown, json, sarif, github or csv."),
          output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file."),
          fail_on: Optional[str] = typer.Option(None, "--fail-on",
                                                help="Exit 1 when a finding is at or above: error (default), "
                                                     "warning, info, or never."),
          select: Optional[List[str]] = typer.Option(None, "--select", help="Run only these rule ids, id "
                                                     "prefixes or groups (repeat or comma-separate)."),
          ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Do not run these rules."),
          rules_dir: Optional[List[Path]] = typer.Option(None, "--rules", help="Also load rules from this folder."),
          config: Optional[Path] = typer.Option(None, "--config", help="Configuration file (discrepancy.toml "
                                                "or pyproject.toml); default: found from the checked path up."),
          baseline: Optional[Path] = typer.Option(None, "--baseline", help="Report only findings not in this "
                                                  "baseline file."),
          color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour in the terminal report."),
          max_article_bytes: Optional[int] = typer.Option(None, "--max-article-bytes", min=1,
                                                          help="Skip (with a reason) article files larger "
                                                               "than this; default 2000000."),
          ) -> None:
    """Check articles for discrepancies between sources and print a report."""
    from discrepancy.baseline import BaselineError, apply_baseline, load_baseline
    from discrepancy.report import FORMATS, render

    paths = _default_paths(paths)
    settings = _settings(paths, config, select=_split(select), ignore=_split(ignore), fail_on=fail_on,
                         format=format, rules_dirs=rules_dir or None, baseline=baseline, output=output,
                         max_article_bytes=max_article_bytes)
    if settings.format not in FORMATS:
        _fail(f"--format {settings.format!r}: expected one of {', '.join(FORMATS)}")
    if settings.fail_on not in FAIL_ON:
        _fail(f"--fail-on {settings.fail_on!r}: expected one of {', '.join(FAIL_ON)}")
    _refuse_overwriting_inputs(settings.output, paths, settings)
    rules = _rules(settings)
    result, _ = _run(paths, rules, settings)
    if settings.baseline is not None:
        try:
            known = load_baseline(settings.baseline)
        except BaselineError as exc:
            _fail(str(exc))
        kept, suppressed = apply_baseline(result.findings, known)
        result = dataclasses.replace(result, findings=tuple(kept), suppressed=suppressed)
    use_color = color if color is not None else (settings.output is None and sys.stdout.isatty())
    width = 100 if settings.output is not None or not sys.stdout.isatty() else None
    _emit(render(result, settings.format, color=use_color, width=width or 100), settings.output)
    _exit_for_skipped(result.skipped)
    raise typer.Exit(exit_code(result.findings, settings.fail_on))


@app.command("rules")
def list_rules(rules_dir: Optional[List[Path]] = typer.Option(None, "--rules", help="Also load rules from this folder."),
               config: Optional[Path] = typer.Option(None, "--config", help="Configuration file."),
               format: str = typer.Option("text", "--format", help="text or json.")) -> None:
    """List the rules: id, name, severity, groups and a one-line description."""
    settings = _settings([Path.cwd()], config, rules_dirs=rules_dir or None)
    rules = _rules(dataclasses.replace(settings, select=None, ignore=()))
    if format == "json":
        typer.echo(json.dumps([{"id": r.id, "name": r.name, "check": r.check, "category": r.category,
                                "severity": r.severity, "groups": list(r.groups),
                                "description": " ".join(r.description.split())} for r in rules], indent=2))
        return
    if format != "text":
        _fail(f"--format {format!r}: expected text or json")
    for r in rules:
        first = " ".join(r.description.split()).split(". ")[0].rstrip(".")
        first = first if len(first) <= 90 else first[:89].rsplit(" ", 1)[0] + "…"
        typer.echo(f"{r.id:<9} {r.name:<32} {r.severity:<8} {','.join(r.groups):<22} {first}")


@app.command()
def explain(rule_id: str = typer.Argument(..., help="A rule id, e.g. DATE101."),
            rules_dir: Optional[List[Path]] = typer.Option(None, "--rules", help="Also load rules from this folder."),
            config: Optional[Path] = typer.Option(None, "--config", help="Configuration file.")) -> None:
    """Print a rule's description, parameters and examples."""
    settings = _settings([Path.cwd()], config, rules_dirs=rules_dir or None)
    rules = {r.id: r for r in _rules(dataclasses.replace(settings, select=None, ignore=()))}
    rule = rules.get(rule_id.upper())
    if rule is None:
        _fail(f"no rule {rule_id!r}; `discrepancy rules` lists them")
    params = rule.params.model_dump() if hasattr(rule.params, "model_dump") else rule.params
    lines = [f"{rule.id} {rule.name} ({rule.severity}; check {rule.check}; groups {', '.join(rule.groups)})",
             f"defined in {rule.path}:{rule.line}", "", " ".join(rule.description.split()), "",
             f"message: {rule.message}", f"params: {json.dumps(params, default=str, sort_keys=True)}"]
    for label, examples in (("flags", rule.examples_fail), ("does not flag", rule.examples_pass)):
        for n, example in enumerate(examples, 1):
            lines += ["", f"example {n} it {label}:"]
            for name, text in example:
                lines.append(f"  {name}:")
                lines += [f"    {line}" for line in text.rstrip().splitlines()]
    typer.echo("\n".join(lines))


@app.command()
def baseline(paths: Optional[List[Path]] = PathsArg,
             output: Path = typer.Option(Path(".discrepancy-baseline.json"), "--output", "-o",
                                         help="Where to write the baseline."),
             select: Optional[List[str]] = typer.Option(None, "--select"),
             ignore: Optional[List[str]] = typer.Option(None, "--ignore"),
             rules_dir: Optional[List[Path]] = typer.Option(None, "--rules"),
             config: Optional[Path] = typer.Option(None, "--config")) -> None:
    """Record the current findings as accepted, so `check --baseline FILE` reports only new ones."""
    from discrepancy.baseline import write_baseline

    paths = _default_paths(paths)
    settings = _settings(paths, config, select=_split(select), ignore=_split(ignore), rules_dirs=rules_dir or None)
    _refuse_overwriting_inputs(output, paths, settings, baseline_is_input=False)
    result, _ = _run(paths, _rules(settings), settings)
    _emit(write_baseline(result.findings), output)
    typer.echo(f"discrepancy: recorded {len(result.findings)} finding(s) in {output}", err=True)
    _exit_for_skipped(result.skipped)


@app.command()
def claims(paths: Optional[List[Path]] = PathsArg,
           format: str = typer.Option("json", "--format", "-f", help="json or csv."),
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file.")) -> None:
    """Export every extracted claim (the claims table) for analysts."""
    from discrepancy.report import render_claims

    if format not in ("json", "csv"):
        _fail(f"--format {format!r}: expected json or csv")
    paths = _default_paths(paths)
    settings = _settings(paths, None)
    _refuse_overwriting_inputs(output, paths, settings)
    result, found = _run(paths, (), settings)
    _emit(render_claims(found, format), output)
    _exit_for_skipped(result.skipped)


def _exit_for_skipped(skipped) -> None:
    """After the output is written: one line per unusable input on standard error, and exit 2."""
    errors = [s for s in skipped if s.error]
    for s in errors:
        typer.echo(f"discrepancy: {s.source}{f':{s.line}' if s.line else ''}: {s.reason}", err=True)
    if errors:
        raise typer.Exit(2)


def exit_code(findings, fail_on: str) -> int:
    """1 when a finding is at or above ``fail_on``, else 0 (unusable input has already exited
    with 2 through ``_exit_for_skipped``)."""
    if fail_on == "never":
        return 0
    threshold = SEVERITIES.index(fail_on)
    return int(any(SEVERITIES.index(f.severity) >= threshold for f in findings if f.severity in SEVERITIES))


@app.command()
def timex(file: Path = typer.Argument(..., help="A text file."),
          dct: Optional[str] = typer.Option(None, help="Document creation time, YYYY-MM-DD."),
          format: str = typer.Option("json", "--format", help="json or text.")) -> None:
    """Print the time expressions the tagger finds in FILE, with TIMEX3 types and values."""
    from discrepancy.ingest import ArticleError, read_text
    from discrepancy.timex import tag

    try:
        text = read_text(file).text
    except ArticleError as exc:
        _fail(str(exc))
    anchor = None
    if dct:
        try:
            anchor = dt.date.fromisoformat(dct[:10])
        except ValueError:
            _fail(f"--dct {dct!r}: expected YYYY-MM-DD")
    found = tag(text, anchor=anchor, anchor_how=f"document creation time {dct}" if dct else None)
    if format == "json":
        typer.echo(json.dumps([{"start": t.start, "end": t.end, "type": t.type, "value": t.value,
                                "text": t.text} for t in found], ensure_ascii=False))
    elif format == "text":
        from discrepancy.report._common import showable  # the text comes from the file

        for t in found:
            typer.echo(showable(f"{t.start}-{t.end}\t{t.type}\t{t.value}\t{t.text}\t{t.derivation}"))
    else:
        _fail(f"--format {format!r}: expected json or text")


@app.command("same-name")
def same_name(a: Optional[str] = typer.Argument(None), b: Optional[str] = typer.Argument(None),
              batch: bool = typer.Option(False, "--batch", help="Read A<TAB>B lines on standard input.")) -> None:
    """Say whether two names are spellings of one name, and why."""
    from discrepancy.names import compare

    if batch:
        out = []
        for number, line in enumerate(sys.stdin, 1):
            line = line.rstrip("\n")
            if "\t" not in line:
                out.append("0\tno tab on this line")
                continue
            left, right = line.split("\t", 1)
            verdict = compare(left, right)
            out.append(f"{int(verdict.same)}\t{verdict.reason}")
        typer.echo("\n".join(out))
        return
    if a is None or b is None:
        _fail("same-name needs two names, or --batch")
    verdict = compare(a, b)
    typer.echo(f"{'same' if verdict.same else 'different'}: {verdict.reason}")


def main() -> None:
    app()
