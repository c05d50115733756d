"""The command line end to end: commands, formats, options and exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from discrepancy.cli import app
from tests.conftest import md

runner = CliRunner()


def run(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, **kw)


@pytest.fixture
def cluster(tmp_path):
    (tmp_path / "a.md").write_text(md("Iran and Azerbaijan began a joint military exercise on Sunday. "
                                      "Brigadier General Vali Madani led the drill.", "2025-05-19"), encoding="utf-8")
    (tmp_path / "b.md").write_text(md("The joint military exercise between Iran and Azerbaijan took place on "
                                      "19-21 May 2025. Brigadier General Veli Medeni commanded it.", "2025-05-22"),
                                   encoding="utf-8")
    return tmp_path


def test_check_without_arguments_checks_the_bundled_seeds():
    result = run("check", "--format", "json")
    assert result.exit_code == 0  # the seeds' findings are warnings; the default gate is error
    report = json.loads(result.stdout)
    assert {f["category"] for f in report["findings"]} == {"date", "history", "name"}
    assert len(report["articles"]) == 3


def test_python_dash_m_works_the_same(cluster):
    proc = subprocess.run([sys.executable, "-m", "discrepancy", "check", str(cluster), "--format", "json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["findings"]


def test_fail_on_sets_the_exit_code(cluster):
    assert run("check", cluster, "--format", "json").exit_code == 0
    assert run("check", cluster, "--format", "json", "--fail-on", "warning").exit_code == 1
    assert run("check", cluster, "--format", "json", "--fail-on", "info").exit_code == 1
    assert run("check", cluster, "--format", "json", "--fail-on", "never").exit_code == 0
    bad = run("check", cluster, "--fail-on", "sometimes")
    assert bad.exit_code == 2 and "--fail-on" in bad.stderr


def test_draft_contradicting_sources_fails_the_default_gate(tmp_path):
    (tmp_path / "wire.md").write_text(md("The explosion at the mine killed 11 miners on Wednesday.",
                                         "2025-03-20"), encoding="utf-8")
    (tmp_path / "draft.md").write_text(md("The explosion at the mine killed twelve miners.", None, "draft"),
                                       encoding="utf-8")
    result = run("check", tmp_path, "--format", "json")
    assert result.exit_code == 1
    [finding] = [f for f in json.loads(result.stdout)["findings"] if f["category"] == "number"]
    assert finding["severity"] == "error" and "contradicts wire.md" in finding["note"]


def test_json_schema_of_a_finding(cluster):
    report = json.loads(run("check", cluster, "--format", "json").stdout)
    finding = next(f for f in report["findings"] if f["category"] == "date")
    assert {"rule", "category", "severity", "subject", "message", "claims"} <= set(finding)
    claim = finding["claims"][0]
    assert {"source", "value", "quote", "line", "derivation"} <= set(claim)
    assert Path(claim["source"]).name in ("a.md", "b.md")


@pytest.mark.parametrize("fmt, marker", [("terminal", "DATE101"), ("markdown", "- [ ]"), ("sarif", '"2.1.0"'),
                                         ("github", "::warning file="), ("csv", "rule,")])
def test_every_format(cluster, fmt, marker):
    result = run("check", cluster, "--format", fmt, "--no-color")
    assert result.exit_code == 0 and marker in result.stdout


def test_output_file_is_written_atomically_and_inputs_untouched(cluster, tmp_path):
    before = {p: p.read_bytes() for p in cluster.glob("*.md")}
    out = tmp_path / "reports" / "seeds.md"
    result = run("check", cluster, "--format", "markdown", "--output", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").splitlines()[1] == "# Discrepancy report"
    assert not list(out.parent.glob(".*.tmp"))
    assert {p: p.read_bytes() for p in cluster.glob("*.md")} == before


def test_bad_input_is_one_line_exit_2(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: 2025-02-31\n---\nText.\n", encoding="utf-8")
    result = run("check", tmp_path / "a.md")
    assert result.exit_code == 2
    assert str(tmp_path / "a.md") in result.stderr and len(result.stderr.strip().splitlines()) == 1
    missing = run("check", tmp_path / "missing.md")
    assert missing.exit_code == 2 and "missing.md" in missing.stderr


def test_invalid_rule_folder_is_exit_2_with_file_and_line(cluster, tmp_path):
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "X.yaml").write_text("id: MY001\nname: my.rule\ncheck: no_such_check\n", encoding="utf-8")
    result = run("check", cluster, "--rules", rules)
    assert result.exit_code == 2 and "X.yaml:" in result.stderr


def test_select_and_ignore(cluster):
    only_names = json.loads(run("check", cluster, "--format", "json", "--select", "names").stdout)
    assert {f["rule"] for f in only_names["findings"]} == {"NAME101"}
    no_dates = json.loads(run("check", cluster, "--format", "json", "--ignore", "DATE").stdout)
    assert "DATE101" not in {f["rule"] for f in no_dates["findings"]}
    unknown = run("check", cluster, "--select", "NOPE")
    assert unknown.exit_code == 2


def test_config_file_found_upwards_and_flags_win(cluster):
    (cluster / "discrepancy.toml").write_text('fail-on = "warning"\nformat = "json"\n', encoding="utf-8")
    result = run("check", cluster)
    assert result.exit_code == 1 and json.loads(result.stdout)["findings"]
    assert run("check", cluster, "--fail-on", "never").exit_code == 0


def test_baseline_reports_only_new_findings(cluster, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert run("baseline", cluster, "-o", baseline).exit_code == 0
    quiet = json.loads(run("check", cluster, "--format", "json", "--baseline", baseline).stdout)
    assert quiet["findings"] == [] and quiet["summary"]["suppressed"] >= 2
    (cluster / "c.md").write_text(md("The exercise between Iran and Azerbaijan began on 17 May 2025.",
                                     "2025-05-20"), encoding="utf-8")
    new = json.loads(run("check", cluster, "--format", "json", "--baseline", baseline).stdout)
    assert any(f["category"] == "date" for f in new["findings"])


def test_rules_explain_claims_timex_and_same_name(cluster, tmp_path):
    listing = run("rules")
    assert listing.exit_code == 0 and "DATE101" in listing.stdout and "NAME101" in listing.stdout
    explained = run("explain", "date101")
    assert "example 1 it flags" in explained.stdout and "date_conflict" in explained.stdout
    assert run("explain", "NOPE999").exit_code == 2
    csv_out = run("claims", cluster, "--format", "csv")
    assert csv_out.stdout.startswith("source,") and "Veli Medeni" in csv_out.stdout
    text = tmp_path / "t.txt"
    text.write_text("The drill began on Sunday, 18 May 2025.", encoding="utf-8")
    tagged = json.loads(run("timex", text, "--dct", "2025-05-20", "--format", "json").stdout)
    assert tagged and all({"start", "end", "type", "value"} <= set(t) for t in tagged)
    assert text.read_text(encoding="utf-8")[tagged[0]["start"]:tagged[0]["end"]] == tagged[0]["text"]
    same = run("same-name", "Vali Madani", "Veli Medeni")
    assert same.stdout.startswith("same")
    batch = run("same-name", "--batch", input="Ilham Aliyev\tZakir Hasanov\nAras\tAraz\n")
    assert [line[0] for line in batch.stdout.splitlines()] == ["0", "1"]


def test_revised_figure_is_a_notice_not_a_finding(tmp_path):
    (tmp_path / "a.md").write_text(md("The explosion at the mine killed 38 miners, officials said.", "2025-03-19"),
                                   encoding="utf-8")
    (tmp_path / "b.md").write_text(md("The death toll from the explosion at the mine rose to 41 on Thursday.",
                                      "2025-03-21"), encoding="utf-8")
    result = run("check", tmp_path, "--format", "json", "--fail-on", "info")
    report = json.loads(result.stdout)
    assert not [f for f in report["findings"] if f["category"] == "number"]
    [notice] = report["notices"]
    assert notice["rule"] == "NUM102" and "updates it to 41" in notice["message"]
    assert result.exit_code == 0  # information never fails a run
