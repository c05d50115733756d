"""Inputs are never lost, one bad file never stops the run, and nothing in an article can act on
a terminal, a spreadsheet or a Markdown page (issue: input safety and hostile input)."""
from __future__ import annotations

import csv
import io
import json
import os
import stat

import pytest
from typer.testing import CliRunner

from discrepancy.cli import app
from discrepancy.ingest import parse_article
from discrepancy.models import Article
from tests.conftest import md

runner = CliRunner()


def run(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, **kw)


@pytest.fixture
def arts(tmp_path):
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "wire.md").write_text(md("The ferry Karin sank on Monday near the island of Osel. "
                                       "Captain Jaan Tamm was rescued.", "2026-03-10"), encoding="utf-8")
    (folder / "draft.md").write_text(md("The ferry Karin sank on 8 March 2026 near Osel. "
                                        "Captain Jaan Tamm was rescued.", "2026-03-11", role="draft"),
                                     encoding="utf-8")
    return folder


# --- inputs are sacred ---------------------------------------------------------------------

@pytest.mark.parametrize("command", [["check", "-f", "markdown"], ["baseline"], ["claims"]])
def test_output_onto_an_article_is_refused_before_any_work(arts, command):
    before = (arts / "draft.md").read_bytes()
    result = run(*command, arts, "-o", arts / "draft.md")
    assert result.exit_code == 2
    assert "refusing to overwrite" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert (arts / "draft.md").read_bytes() == before


def test_output_reaching_an_article_through_dotdot_or_a_symlink_is_refused(arts, tmp_path):
    before = (arts / "wire.md").read_bytes()
    assert run("check", arts, "-o", arts / ".." / "arts" / "wire.md").exit_code == 2
    link = tmp_path / "report.md"
    link.symlink_to(arts / "wire.md")
    assert run("check", arts, "-o", link, "-f", "markdown").exit_code == 2
    hard = tmp_path / "hard.md"
    os.link(arts / "wire.md", hard)
    assert run("check", arts, "-o", hard).exit_code == 2
    assert (arts / "wire.md").read_bytes() == before


def test_output_onto_the_config_or_the_baseline_is_refused(arts, tmp_path):
    config = arts / "discrepancy.toml"
    config.write_text('fail-on = "never"\n', encoding="utf-8")
    assert run("check", arts, "-o", config).exit_code == 2
    assert config.read_text(encoding="utf-8") == 'fail-on = "never"\n'
    base = tmp_path / "base.json"
    assert run("baseline", arts, "-o", base).exit_code == 0
    saved = base.read_bytes()
    assert run("check", arts, "--baseline", base, "-o", base, "-f", "json").exit_code == 2
    assert base.read_bytes() == saved
    # rewriting the baseline is what `baseline` is for
    assert run("baseline", arts, "-o", base).exit_code == 0


def test_a_report_beside_the_articles_is_allowed(arts, tmp_path):
    result = run("check", arts, "-o", tmp_path / "review.md", "-f", "markdown", "--fail-on", "never")
    assert result.exit_code == 0 and "# Discrepancy report" in (tmp_path / "review.md").read_text(encoding="utf-8")


def test_reports_keep_an_existing_mode_and_new_ones_follow_the_umask(arts, tmp_path):
    old = os.umask(0o022)
    try:
        fresh = tmp_path / "new.json"
        run("check", arts, "-f", "json", "-o", fresh)
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        shared = tmp_path / "shared.json"
        shared.write_text("{}", encoding="utf-8")
        shared.chmod(0o664)
        run("check", arts, "-f", "json", "-o", shared)
        assert stat.S_IMODE(shared.stat().st_mode) == 0o664 and shared.read_text(encoding="utf-8") != "{}"
    finally:
        os.umask(old)


def test_writing_through_a_symlinked_report_keeps_the_link(arts, tmp_path):
    target = tmp_path / "real.json"
    target.write_text("{}", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    run("check", arts, "-f", "json", "-o", link)
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["tool"] == "discrepancy"


# --- one bad file never stops the run -----------------------------------------------------

def test_a_legacy_encoded_file_is_read_and_its_encoding_named(arts):
    (arts / "old.txt").write_bytes("Ferry sinks\n\nThe ferry Karin sank on Monday near S\u00f6rve, "
                                   "\u201cwitnesses\u201d said.\n".encode("cp1252"))
    result = run("check", arts, "-f", "json")
    report = json.loads(result.stdout)
    old = next(a for a in report["articles"] if a["path"].endswith("old.txt"))
    assert old["encoding"] == "cp1252" and not report["skipped"]
    terminal = run("check", arts, "--no-color").stdout
    assert "encoding cp1252" in terminal


LINE_THREE = {"terminal": "broken.txt:3", "markdown": "broken.txt:3", "json": '"line": 3',
              "sarif": '"startLine": 3', "github": "broken.txt,line=3", "csv": "broken.txt,3,"}


@pytest.mark.parametrize("fmt", sorted(LINE_THREE))
def test_an_unreadable_file_is_reported_in_every_format_and_the_others_checked(arts, fmt):
    (arts / "broken.txt").write_bytes(b"Title\nline two\n\x00\x01\x02\xff binary\n")
    result = run("check", arts, "-f", fmt, "--fail-on", "never")
    assert result.exit_code == 2  # after the report
    assert LINE_THREE[fmt] in result.stdout and "binary" in result.stdout
    assert "broken.txt:3: binary" in result.stderr
    assert "wire.md" in result.stdout  # the other articles were checked and reported


def test_timex_reads_files_the_way_check_does(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Sign\u00e9 le mardi 3 mars 2026 \u2014 on Friday, 6 March 2026.\n".encode("cp1252"))
    result = run("timex", path)
    assert result.exit_code == 0 and "2026-03-06" in result.stdout
    (tmp_path / "b.txt").write_bytes(b"\x00\x00binary")
    bad = run("timex", tmp_path / "b.txt")
    assert bad.exit_code == 2 and "b.txt:1: binary" in bad.stderr


def test_over_size_article_is_skipped_and_exit_2(arts):
    result = run("check", arts, "--max-article-bytes", 100, "-f", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 2 and not report["articles"]
    assert all(s["error"] and "over the limit of 100" in s["reason"] for s in report["skipped"])


def test_max_article_bytes_from_config(arts):
    (arts / "discrepancy.toml").write_text("max-article-bytes = 100\n", encoding="utf-8")
    assert run("check", arts, "-f", "json").exit_code == 2
    (arts / "discrepancy.toml").write_text('max-article-bytes = "big"\n', encoding="utf-8")
    bad = run("check", arts)
    assert bad.exit_code == 2 and "max-article-bytes" in bad.stderr


def test_files_passed_over_do_not_fail_the_run(arts):
    (arts / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    result = run("check", arts, "-f", "json", "--fail-on", "never")
    assert result.exit_code == 0
    [skipped] = json.loads(result.stdout)["skipped"]
    assert not skipped["error"]


# --- Markdown is read as Markdown ----------------------------------------------------------

def _article(raw: str) -> Article:
    article = parse_article("a.md", raw)
    assert isinstance(article, Article)
    return article


def test_comments_code_and_link_targets_are_not_article_text():
    raw = md("The bridge reopened on Tuesday.\n\n"
             "<!-- desk: confirm the date, maybe Friday, 1 August 2025 -->\n\n"
             "```\nlog: closed 2019-04-03\n```\n\n"
             "    indented: 3 April 2019\n\n"
             "Officials [said in a statement](https://example.org/2019/04/03) it was safe.\n\n"
             "[ref]: https://example.org/1999 \"1999\"\n", "2025-08-05")
    article = _article(raw)
    for hidden in ("desk", "2025", "2019", "1999", "example.org", "log:", "indented"):
        assert hidden not in article.text, hidden
    assert "Officials said in a statement it was safe." in article.text
    start = article.text.index("said in a statement")
    a, b = article.raw_span(start, start + len("said in a statement"))
    assert raw[a:b] == "said in a statement"  # quotes still point at the original file
    assert article.line_of(a) == raw[:a].count("\n") + 1


def test_an_html_comment_does_not_become_a_claim(tmp_path):
    (tmp_path / "a.md").write_text(md("The museum reopened on Tuesday.\n\n<!-- editor: it reopened on "
                                      "Friday, August 1, 2025 -->\n", "2025-08-06"), encoding="utf-8")
    claims = json.loads(run("claims", tmp_path).stdout)
    assert not any("2025-08-01" in c["value"] or "editor" in c["quote"] for c in claims)


def test_txt_articles_keep_angle_brackets_and_brackets():
    article = parse_article("a.txt", "Title\n\nThe vote [held on Monday] passed <narrowly>.\n")
    assert "[held on Monday]" in article.text and "<narrowly>" in article.text


# --- no injection ------------------------------------------------------------------------

HOSTILE = ("=HYPERLINK(\"http://evil.example\") The ferry Karin sank on Monday. "
           "Captain Jaan Tamm \x1b[31mwas\x1b]0;owned\x07 rescued \u202eyltnecer\u202c.")


@pytest.fixture
def hostile(tmp_path):
    (tmp_path / "a.txt").write_text(f"=cmd|' /C calc'!A0\n\n{HOSTILE}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("+SUM(1)\n\nThe ferry Karin sank on Tuesday. Captain Jan Tam was "
                                    "rescued.\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("a.txt: {published: 2026-03-10}\nb.txt: {published: 2026-03-10}\n",
                                           encoding="utf-8")
    return tmp_path


def test_csv_cells_cannot_start_a_formula(hostile):
    for command in (["claims", hostile, "-f", "csv"], ["check", hostile, "-f", "csv", "--fail-on", "never"]):
        rows = list(csv.reader(io.StringIO(run(*command).stdout)))
        cells = [cell for row in rows[1:] for cell in row]
        assert cells and not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "github"])
def test_screen_formats_carry_no_control_characters_from_articles(hostile, fmt):
    out = run("check", hostile, "-f", fmt, "--no-color", "--fail-on", "never").stdout
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert out.strip()


def test_json_keeps_the_text_exact_and_escaped(hostile):
    out = run("check", hostile, "-f", "json", "--fail-on", "never").stdout
    assert "\x1b" not in out  # json.dumps escapes it
    claims = json.loads(run("claims", hostile).stdout)
    assert any("\x1b" in c["quote"] for c in claims)


def test_a_markdown_report_saved_among_the_articles_is_not_read_as_one(arts):
    first = run("check", arts, "-f", "markdown", "-o", arts / "review.md", "--fail-on", "never")
    assert first.exit_code == 0
    again = json.loads(run("check", arts, "-f", "json", "--fail-on", "never").stdout)
    assert not any(a["path"].endswith("review.md") for a in again["articles"])
    [skipped] = again["skipped"]
    assert skipped["source"].endswith("review.md") and not skipped["error"] and "report" in skipped["reason"]


def test_output_onto_a_bundled_rule_file_is_refused(arts):
    from discrepancy.engine.schema import bundled_rules_dir

    rule = next(bundled_rules_dir().glob("*.yaml"))
    before = rule.read_bytes()
    assert run("check", arts, "-o", rule).exit_code == 2
    assert rule.read_bytes() == before


def test_timex_text_output_carries_no_control_characters(tmp_path):
    path = tmp_path / "a.txt"
    # \x1c is white space to the tagger, so it ends up inside the expression's text
    path.write_text("It opened on Friday, 6\x1cMarch 2026 and closed.\n", encoding="utf-8")
    out = run("timex", path, "--format", "text", "--dct", "2026-03-09").stdout
    assert "2026-03-06" in out and "\x1c" not in out
