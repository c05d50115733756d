"""Report formatters: each format renders a hand-built run deterministically, with the evidence."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import re
from pathlib import Path

import pytest

from discrepancy import __version__
from discrepancy.models import Anchor, Article, Claim, Finding, Rule, RunResult, Skipped
from discrepancy.report import FORMATS, render, render_claims
from discrepancy.report import github as github_report
from discrepancy.report import sarif as sarif_report
from discrepancy.report._common import excerpt, fingerprint, uri_for

STAMP = "2031-02-03T04:05:06Z"
"""A timestamp that cannot occur anywhere else in the fixtures."""

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"

TEXTS = {
    "seeds/alpha.txt": (
        "Drill begins\n"
        "\n"
        "Iran and Azerbaijan began a joint exercise on Sunday, officials said.\n"
        "The drill | called Aras: 2025 will run through May 21.\n"
    ),
    "seeds/beta.txt": (
        "Exercise opens\n"
        "\n"
        "The joint exercise began on May 19, 2025, in the region.\n"
        "It was the first since December 2023 when forces met in Ardabil.\n"
    ),
    "drafts/gamma.md": (
        "---\ntitle: Draft\n---\n"
        "The exercise *started* on May 17, 2025,\n"
        "according to our # notes; 50% sure.\n"
    ),
}


def make_article(path: str, **meta) -> Article:
    """An Article whose text is its raw text (offsets map one to one)."""
    raw = TEXTS[path]
    line_starts = (0,) + tuple(i + 1 for i, ch in enumerate(raw) if ch == "\n")
    return Article(path=path, raw=raw, text=raw, raw_offsets=tuple(range(len(raw) + 1)),
                   line_starts=line_starts, **meta)


def make_claim(article: Article, words: str, quote: str, value: str, derivation: str, *,
               kind: str = "event_date", subject: str = "start of the exercise",
               attrs: tuple = (("precision", "day"),)) -> Claim:
    start = article.raw.index(words)
    quote_start = article.raw.index(quote.split("\n")[0])
    return Claim(source=article.path, role=article.role, kind=kind, subject=subject,
                 key=f"exercise|{kind}", value=value, quote=quote,
                 line=article.line_of(quote_start), start=start, end=start + len(words),
                 derivation=derivation, attrs=attrs)


def build(shuffle_articles: bool = False, generated_at: str = STAMP) -> RunResult:
    alpha = make_article("seeds/alpha.txt", title="Drill begins", outlet="Wire",
                         published="2025-05-18",
                         anchor=Anchor(dt.date(2025, 5, 18), "publication date 2025-05-18"))
    beta = make_article("seeds/beta.txt", title="Exercise opens")
    gamma = make_article("drafts/gamma.md", role="draft",
                         anchor=Anchor(dt.date(2025, 5, 20), "front matter date 2025-05-20"))
    a1 = make_claim(alpha, "on Sunday",
                    "Iran and Azerbaijan began a joint exercise on Sunday, officials said.",
                    "2025-05-18", "Sunday, anchored to the publication date 2025-05-18")
    b1 = make_claim(beta, "on May 19, 2025",
                    "The joint exercise began on May 19, 2025, in the region.",
                    "2025-05-19", "explicit date May 19, 2025")
    g1 = make_claim(gamma, "on May 17, 2025",
                    "The exercise *started* on May 17, 2025,\naccording to our # notes; 50% sure.",
                    "2025-05-17", "explicit date May 17, 2025")
    a2 = make_claim(alpha, "Aras: 2025", "The drill | called Aras: 2025 will run through May 21.",
                    "Aras|2025", "name as written", kind="name", subject="name of the drill",
                    attrs=())
    b2 = make_claim(beta, "December 2023",
                    "It was the first since December 2023 when forces met in Ardabil.",
                    "2023-12", "explicit month December 2023", kind="history",
                    subject="previous exercise", attrs=(("precision", "month"),))
    findings = (
        Finding(rule="DATE101", category="date", severity="error",
                subject="start of the exercise",
                message="Sources disagree on the start of the exercise: 2025-05-18, 2025-05-19",
                claims=(a1, b1), event="exercise-2025",
                note="alpha.txt counts from its publication date"),
        Finding(rule="DATE102", category="date", severity="warning",
                subject="start of the exercise",
                message="The draft says 2025-05-17, 100% of sources say otherwise,\nsee below",
                claims=(g1, a1, b1), event="exercise-2025"),
        Finding(rule="NAME201", category="name", severity="info", subject="name | drill",
                message="Name only in one source: Aras: 2025", claims=(a2,)),
        Finding(rule="HIST301", category="history", severity="warning",
                subject="previous exercise", message="Only one source dates it",
                claims=(b2,), event="exercise-2025"),
    )
    articles = [alpha, beta, gamma]
    if shuffle_articles:
        random.Random(7).shuffle(articles)
        articles.reverse()
    rules = (
        Rule(id="DATE102", name="date.draft-conflict", check="conflict", params=None,
             severity="error", message="{subject}", description="A draft contradicts sources.",
             groups=("all", "dates"), examples_pass=(), examples_fail=(), path="rules/d2.yaml"),
        Rule(id="DATE101", name="date.part-conflict", check="conflict", params=None,
             severity="error", message="{subject}", description="Sources disagree on a date.",
             groups=("all", "dates"), examples_pass=(), examples_fail=(), path="rules/d1.yaml"),
    )
    skipped = (Skipped(source="seeds/broken.pdf", line=None, reason="no text layer"),
               Skipped(source="seeds/beta.txt", line=4, reason="unreadable date | 31 Feb"))
    return RunResult(articles=tuple(articles), findings=findings, skipped=skipped, rules=rules,
                     generated_at=generated_at, suppressed=2)


@pytest.fixture(scope="module")
def result() -> RunResult:
    return build()


def all_claims(result: RunResult):
    return [claim for finding in result.findings for claim in finding.claims]


# ---------------------------------------------------------------- all formats


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_deterministic_and_ignores_article_order(fmt):
    first = render(build(), fmt, color=False)
    assert first == render(build(), fmt, color=False)
    assert first == render(build(shuffle_articles=True), fmt, color=False)
    assert first.endswith("\n") and not first.endswith("\n\n")


@pytest.mark.parametrize("fmt", FORMATS)
def test_timestamp_only_in_header(fmt):
    text = render(build(), fmt, color=False)
    count = text.count(STAMP)
    if fmt in ("github", "csv"):
        assert count == 0
        return
    assert count == 1
    if fmt in ("terminal", "markdown"):
        assert STAMP in "\n".join(text.splitlines()[:4])  # the header (after the report marker), before any finding
        assert text.index(STAMP) < text.index("DATE101")
    if fmt == "json":
        assert json.loads(text)["generated_at"] == STAMP
    if fmt == "sarif":
        assert json.loads(text)["runs"][0]["invocations"][0]["endTimeUtc"] == STAMP
        assert STAMP not in json.dumps(json.loads(text)["runs"][0]["results"])
    # A different timestamp changes nothing but the header line.
    other = render(build(generated_at="2031-02-03T09:09:09Z"), fmt, color=False)
    diff = [(a, b) for a, b in zip(text.splitlines(), other.splitlines()) if a != b]
    assert len(diff) == 1 and "2031-02-03T09:09:09Z" in diff[0][1]


def test_unknown_format_is_refused(result):
    with pytest.raises(ValueError, match="unknown report format"):
        render(result, "xml")


# ---------------------------------------------------------------- json


def test_json_schema(result):
    data = json.loads(render(result, "json"))
    assert set(data) == {"tool", "version", "generated_at", "summary", "articles", "findings",
                         "notices", "skipped"}
    assert data["tool"] == "discrepancy" and data["version"] == __version__
    assert data["summary"] == {"findings": 4, "by_severity": {"error": 1, "warning": 2, "info": 1},
                               "by_category": {"date": 2, "history": 1, "name": 1},
                               "articles": 3, "skipped": 2, "suppressed": 2, "notices": 0}
    assert [a["path"] for a in data["articles"]] == ["drafts/gamma.md", "seeds/alpha.txt",
                                                     "seeds/beta.txt"]
    alpha = data["articles"][1]
    assert alpha == {"path": "seeds/alpha.txt", "title": "Drill begins", "outlet": "Wire",
                     "published": "2025-05-18", "role": "source",
                     "anchor": {"date": "2025-05-18", "how": "publication date 2025-05-18"},
                     "encoding": "utf-8"}
    assert data["articles"][2]["anchor"] is None
    assert [f["rule"] for f in data["findings"]] == [f.rule for f in result.findings]
    finding = data["findings"][0]
    assert set(finding) == {"rule", "category", "severity", "subject", "message", "event",
                            "note", "claims"}
    claim = finding["claims"][0]
    assert set(claim) == {"source", "value", "quote", "line", "derivation", "role", "kind",
                          "subject", "attrs"}
    assert claim["source"] == "seeds/alpha.txt" and claim["line"] == 3
    assert claim["attrs"] == {"precision": "day"}
    assert data["skipped"][0] == {"source": "seeds/broken.pdf", "line": None,
                                  "reason": "no text layer", "error": False}


def test_json_keys_sorted_and_unicode_kept():
    text = render(build(), "json")
    data = json.loads(text)
    assert text == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert "\\u" not in text


# ---------------------------------------------------------------- terminal


def test_terminal_plain_text_shows_evidence(result):
    text = render(result, "terminal", color=False, width=200)
    assert "\x1b[" not in text
    for claim in all_claims(result):
        assert f"{claim.source}:{claim.line}" in text
        assert claim.value in text
        assert claim.derivation in text
    assert "exercise-2025" in text and "Other" in text
    assert "anchor 2025-05-18 (publication date 2025-05-18)" in text
    assert "seeds/beta.txt  no anchor" in text
    assert "no text layer" in text
    assert text.rstrip().splitlines()[-1].startswith("1 error, 2 warnings, 1 info")
    assert "2 suppressed by baseline" in text
    # Events in report order: the exercise's findings come before "Other".
    assert text.index("DATE101") < text.index("NAME201")


def test_terminal_color_has_ansi(monkeypatch, result):
    monkeypatch.delenv("NO_COLOR", raising=False)
    text = render(result, "terminal", color=True)
    assert "\x1b[" in text and "\x1b[1;31m" in text  # bold red for the error


def test_terminal_does_not_read_markup():
    base = build()
    claim = base.findings[0].claims[0]
    odd = Claim(**{**claim.__dict__, "quote": "[bold]not markup[/bold] [link=x]y[/link]"})
    finding = Finding(**{**base.findings[0].__dict__, "claims": (odd,)})
    text = render(RunResult(articles=base.articles, findings=(finding,)), "terminal",
                  color=False, width=200)
    assert "[bold]not markup[/bold]" in text


def test_excerpt_centres_on_the_claim():
    quote = "word " * 100 + "the drill began on Sunday the 18th " + "more " * 100
    short = excerpt(quote, "on  Sunday")
    assert "began on Sunday" in short
    assert short.startswith("…") and short.endswith("…")
    assert len(short) <= 240
    assert excerpt("short quote", "absent") == "short quote"
    assert excerpt("x " * 300, "absent").startswith("x x")


# ---------------------------------------------------------------- markdown


def parse_markdown(text):
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").parse(text)


def test_markdown_structure(result):
    text = render(result, "markdown")
    tokens = parse_markdown(text)
    assert text.count("- [ ] reviewed") == len(result.findings)
    # One blockquote per claim, each line of a multi-line quote prefixed.
    assert sum(t.type == "blockquote_open" for t in tokens) == len(all_claims(result))
    assert "> The exercise \\*started\\* on May 17, 2025,\n> according to our \\# notes" in text
    for claim in all_claims(result):
        assert f"**{claim.source}:{claim.line}**".replace("_", "\\_") in text
    # The summary table: header + one row per finding, six cells each, pipes escaped.
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == 1 + len(result.findings)
    cells = [t for t in tokens if t.type == "td_open"]
    assert len(cells) == 6 * len(result.findings)
    assert "| name \\| drill |" in text
    inline = [t.content for t in tokens if t.type == "inline"]
    assert "name \\| drill" in inline or "name | drill" in inline
    # The mermaid timeline for the event: a section per source with dated claims.
    fences = [t for t in tokens if t.type == "fence"]
    assert [f.info for f in fences] == ["mermaid"]
    body = fences[0].content
    assert body.startswith("timeline\n")
    assert "section alpha.txt" in body and "section beta.txt" in body
    assert "section gamma.md" in body
    assert "2025-05-17 : start of the exercise" in body
    assert "2023-12 : previous exercise" in body
    assert "Aras" not in body  # name claims are not dated
    assert "## Skipped input" in text and "unreadable date \\| 31 Feb" in text


def test_markdown_escapes_render_as_written(result):
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("table").render(render(result, "markdown"))
    assert "The exercise *started* on May 17" in html
    assert "<em>started</em>" not in html
    assert "according to our # notes; 50% sure." in html
    assert "<h1>according" not in html


def test_mermaid_text_removes_what_mermaid_misreads():
    from discrepancy.report.markdown import mermaid_text

    cleaned = mermaid_text("10:30 #1; `x` %%{init}%%")
    for bad in (":", "#", ";", "`", "%%"):
        assert bad not in cleaned


def test_markdown_code_span_with_backticks():
    from discrepancy.report.markdown import code

    assert code("a`b") == "``a`b``"
    assert code("`x") == "`` `x ``"


# ---------------------------------------------------------------- sarif


def test_sarif_structure(result):
    data = json.loads(render(result, "sarif"))
    assert data["version"] == "2.1.0"
    assert data["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert len(data["runs"]) == 1
    run = data["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "discrepancy" and driver["version"] == __version__
    rule_ids = [r["id"] for r in driver["rules"]]
    assert rule_ids[:2] == ["DATE101", "DATE102"]  # result.rules, sorted by id
    assert set(rule_ids) == {"DATE101", "DATE102", "NAME201", "HIST301"}
    date101 = driver["rules"][0]
    assert date101["name"] == "date.part-conflict"
    assert date101["shortDescription"]["text"] and date101["fullDescription"]["text"]
    assert date101["defaultConfiguration"]["level"] == "error"
    assert date101["properties"]["tags"] == ["all", "dates"]
    results = run["results"]
    assert len(results) == len(result.findings)
    for res, finding in zip(results, result.findings):
        assert res["ruleId"] == finding.rule
        assert driver["rules"][res["ruleIndex"]]["id"] == finding.rule
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note"}[
            finding.severity]
        assert isinstance(res["message"]["text"], str) and res["message"]["text"]
        loc = res["locations"][0]["physicalLocation"]
        first = finding.claims[0]
        assert loc["artifactLocation"]["uri"] == first.source
        assert loc["region"]["startLine"] == first.line
        assert loc["region"]["snippet"]["text"] == first.quote
        related = res.get("relatedLocations", [])
        assert len(related) == len(finding.claims) - 1
        for rel, claim in zip(related, finding.claims[1:]):
            assert isinstance(rel["id"], int)
            assert rel["message"]["text"] == f"{claim.source.rsplit('/', 1)[-1]} says {claim.value}"
            assert rel["physicalLocation"]["region"]["startLine"] == claim.line
        assert list(res["partialFingerprints"].values()) == [fingerprint(finding)]
        assert res["properties"]["category"] == finding.category
        values = [c["value"] for c in res["properties"]["claims"]]
        assert values == [c.value for c in finding.claims]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == 2 and "no text layer" in notes[0]["message"]["text"]


def test_sarif_validates_against_official_schema(result):
    if not SCHEMA.is_file():
        pytest.skip(f"{SCHEMA} not present (needs the shared workspace)")
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(json.loads(render(result, "sarif"))), key=str)
    assert not errors, errors[0]


def test_fingerprint_ignores_lines_and_folders(result):
    finding = result.findings[0]
    moved = Finding(**{**finding.__dict__, "claims": tuple(
        Claim(**{**c.__dict__, "line": c.line + 40, "start": c.start + 999,
                 "source": "elsewhere/" + c.source.rsplit("/", 1)[-1], "quote": "reworded"})
        for c in finding.claims)})
    assert fingerprint(moved) == fingerprint(finding)
    changed = Finding(**{**finding.__dict__, "claims": (
        Claim(**{**finding.claims[0].__dict__, "value": "2025-05-20"}),) + finding.claims[1:]})
    assert fingerprint(changed) != fingerprint(finding)
    assert len({fingerprint(f) for f in result.findings}) == len(result.findings)


def test_sarif_uris():
    assert uri_for("./seeds/a b.txt") == "seeds/a%20b.txt"
    assert uri_for("seeds\\win.txt") == "seeds/win.txt"
    assert uri_for("/abs/x.txt") == "file:///abs/x.txt"
    assert uri_for("C:\\news\\x.txt") == "file:///C:/news/x.txt"


def test_sarif_without_claims_or_rules():
    finding = Finding(rule="INT001", category="internal", severity="error",
                      subject="rule crashed", message="DATE101 crashed", claims=())
    data = json.loads(sarif_report.render(RunResult(articles=(), findings=(finding,))))
    run = data["runs"][0]
    assert run["tool"]["driver"]["rules"] == [{"id": "INT001",
                                                "shortDescription": {"text": "INT001"}}]
    assert "locations" not in run["results"][0]
    assert "endTimeUtc" not in run["invocations"][0]


# ---------------------------------------------------------------- github


def test_github_commands(result):
    lines = render(result, "github").splitlines()
    assert len(lines) == len(result.findings) + len(result.notices) + len(result.skipped)
    assert lines[-2:] == ["::notice file=seeds/broken.pdf,title=skipped input::skipped: no text layer",
                          "::notice file=seeds/beta.txt,line=4,title=skipped input::skipped: "
                          "unreadable date | 31 Feb"]
    assert lines[0].startswith("::error file=seeds/alpha.txt,line=3,title=DATE101 date::")
    assert lines[1].startswith("::warning file=drafts/gamma.md,line=4,title=DATE102 date::")
    assert lines[2].startswith("::notice file=seeds/alpha.txt,line=4,title=NAME201 name::")
    assert "— seeds/beta.txt".replace("seeds/", "") in lines[0]
    assert "beta.txt:3 says 2025-05-19" in lines[0]
    assert "alpha.txt:3 says 2025-05-18; beta.txt:3 says 2025-05-19" in lines[1]
    # Message escaping: % and newlines encoded, nothing left that would end the command.
    assert "100%25 of sources say otherwise,%0Asee below" in lines[1]
    assert "(alpha.txt counts from its publication date)" in lines[0]


def test_github_escaping_rules():
    assert github_report.escape_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert github_report.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    finding = Finding(rule="X1", category="date", severity="info", subject="s",
                      message="m", claims=(Claim(source="dir,x/a:b.txt", role="source",
                                                 kind="name", subject="s", key="k", value="v",
                                                 quote="q", line=0, start=0, end=1,
                                                 derivation="d"),))
    line = github_report.command(finding)
    assert line == "::notice file=dir%2Cx/a%3Ab.txt,title=X1 date::m"


# ---------------------------------------------------------------- csv


def test_csv_rows(result):
    text = render(result, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    skipped_rows = [r for r in rows if r["rule"] == "skipped"]
    rows = [r for r in rows if r["rule"] != "skipped"]
    assert [(r["source"], r["line"], r["message"], r["severity"]) for r in skipped_rows] == [
        (s.source, str(s.line or ""), s.reason, "info") for s in result.skipped]
    assert len(rows) == len(all_claims(result))
    assert list(rows[0]) == ["finding", "rule", "category", "severity", "subject", "message",
                             "source", "line", "value", "derivation", "quote"]
    assert rows[0]["line"] == "3" and rows[0]["value"] == "2025-05-18"
    assert [r["finding"] for r in rows] == ["1", "1", "2", "2", "2", "3", "4"]
    multi = [r for r in rows if r["source"] == "drafts/gamma.md"][0]
    assert multi["quote"] == all_claims(result)[2].quote  # newline survives quoting


def test_csv_finding_without_claims():
    finding = Finding(rule="INT001", category="internal", severity="error", subject="s",
                      message="m", claims=())
    rows = list(csv.DictReader(io.StringIO(render(RunResult((), (finding,)), "csv"))))
    assert len(rows) == 1 and rows[0]["rule"] == "INT001" and rows[0]["source"] == ""


# ---------------------------------------------------------------- claims export


def test_render_claims_csv_and_json(result):
    claims = all_claims(result)
    shuffled = list(reversed(claims))
    as_json = render_claims(shuffled, "json")
    assert as_json == render_claims(claims, "json")
    records = json.loads(as_json)
    assert len(records) == len(claims)
    assert list(records[0]) == ["source", "role", "kind", "subject", "key", "value", "quote",
                                "line", "start", "end", "derivation", "attrs"]
    assert [r["source"] for r in records] == sorted(r["source"] for r in records)
    assert isinstance(records[0]["line"], int) and isinstance(records[0]["attrs"], str)
    assert json.loads(records[0]["attrs"]) == {"precision": "day"}
    rows = list(csv.DictReader(io.StringIO(render_claims(claims, "csv"))))
    assert len(rows) == len(claims)
    assert re.fullmatch(r"\d+", rows[0]["start"])
    assert render_claims([], "json") == "[]\n"
    assert render_claims([], "csv").strip() == ",".join(
        ["source", "role", "kind", "subject", "key", "value", "quote", "line", "start", "end",
         "derivation", "attrs"])
    with pytest.raises(ValueError):
        render_claims(claims, "xml")


def test_fingerprint_recipe_is_pinned(result):
    """Baselines store fingerprints: the recipe must not drift (or must get a new key)."""
    import hashlib

    payload = json.dumps(["DATE101", "date", "start of the exercise",
                          [["alpha.txt", "2025-05-18"], ["beta.txt", "2025-05-19"]]],
                         ensure_ascii=False, separators=(",", ":"))
    assert fingerprint(result.findings[0]) == hashlib.sha256(payload.encode()).hexdigest()[:16]
    reordered = Finding(**{**result.findings[0].__dict__,
                           "claims": tuple(reversed(result.findings[0].claims))})
    assert fingerprint(reordered) == fingerprint(result.findings[0])


# ---------------------------------------------------------------- properties

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_markdown_escape_renders_as_written(text):
    import html as html_module

    from markdown_it import MarkdownIt

    from discrepancy.report.markdown import escape

    text = " ".join(text.split())
    rendered = MarkdownIt("commonmark").enable("table").render("x " + escape(text) + " y")
    assert rendered.startswith("<p>") and rendered.rstrip().endswith("</p>")
    inner = rendered.strip()[3:-4]
    assert "<" not in inner.replace("&lt;", "")  # no tags: nothing was read as markup
    assert html_module.unescape(inner) == f"x {text} y"


@settings(max_examples=200, deadline=None)
@given(_TEXT, _TEXT)
def test_markdown_table_keeps_six_cells(subject, rule):
    from markdown_it import MarkdownIt

    base = build()
    finding = Finding(**{**base.findings[0].__dict__, "subject": subject, "rule": rule})
    text = render(RunResult(articles=base.articles, findings=(finding,)), "markdown")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert sum(t.type == "td_open" for t in tokens) == 6
    assert text.count("- [ ] reviewed") == 1


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.text(max_size=20))
def test_github_command_is_one_line(message, path):
    claim = Claim(source=path, role="source", kind="name", subject="s", key="k", value=message,
                  quote="q", line=2, start=0, end=1, derivation="d")
    finding = Finding(rule="X1", category="name", severity="warning", subject="s",
                      message=message, claims=(claim, claim))
    line = github_report.command(finding)
    assert "\n" not in line and "\r" not in line
    props = line[len("::warning "):].split("::", 1)[0]
    assert props.count(",") == 2 and ":" not in props


def test_markdown_quote_lines_that_look_like_blocks_stay_text():
    from markdown_it import MarkdownIt

    from discrepancy.report.markdown import blockquote

    quote = "- not a list\n1. not a list either\n# not a heading\n=\n+ plus"
    tokens = MarkdownIt("commonmark").parse(blockquote(quote))
    types = {t.type for t in tokens}
    assert "bullet_list_open" not in types and "ordered_list_open" not in types
    assert "heading_open" not in types
    assert all(line.startswith(">") for line in blockquote(quote).split("\n"))
