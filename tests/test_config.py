"""Config discovery, the config table, and command-line overrides."""
from __future__ import annotations

from pathlib import Path

import pytest

from discrepancy.config import ConfigError, Settings, find_config, load_settings


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path):
    """project/ with articles two folders down; resolved so paths compare exactly."""
    root = tmp_path.resolve() / "project"
    articles = root / "news" / "may"
    articles.mkdir(parents=True)
    write(articles / "a.md", "An article.\n")
    return root, articles


def test_pyproject_found_walking_up_from_a_file(tree):
    root, articles = tree
    config = write(root / "pyproject.toml", "[tool.discrepancy]\nfail-on = 'warning'\n")
    assert find_config(articles / "a.md") == config
    assert find_config(articles) == config
    settings = load_settings(None, articles / "a.md", {})
    assert settings.fail_on == "warning"
    assert settings.config_path == config


def test_nothing_found_gives_defaults(tree):
    _, articles = tree
    # tmp folders have no config above them on test machines; guard against one anyway
    found = find_config(articles)
    if found is None:
        assert load_settings(None, articles, {}) == Settings()
    assert Settings().fail_on == "error" and Settings().format == "terminal"
    assert Settings().select is None and Settings().ignore == ()


def test_pyproject_without_table_is_skipped(tree):
    root, articles = tree
    outer = write(root / "pyproject.toml", "[tool.discrepancy]\nformat = 'json'\n")
    write(root / "news" / "pyproject.toml", "[project]\nname = 'x'\n[tool.other]\na = 1\n")
    assert find_config(articles) == outer
    assert load_settings(None, articles, {}).format == "json"


def test_nearest_config_wins(tree):
    root, articles = tree
    write(root / "pyproject.toml", "[tool.discrepancy]\nformat = 'json'\n")
    inner = write(root / "news" / "discrepancy.toml", "format = 'sarif'\n")
    assert find_config(articles) == inner


def test_discrepancy_toml_preferred_over_pyproject_in_same_folder(tree):
    # Precedence in one folder: discrepancy.toml first, then pyproject.toml's [tool.discrepancy].
    root, articles = tree
    write(root / "pyproject.toml", "[tool.discrepancy]\nformat = 'json'\n")
    dedicated = write(root / "discrepancy.toml", "format = 'sarif'\n")
    assert find_config(articles) == dedicated
    assert load_settings(None, articles, {}).format == "sarif"


def test_all_keys_and_relative_paths(tree):
    root, articles = tree
    (root / "my-rules").mkdir()
    (root / "more").mkdir()
    config = write(root / "pyproject.toml", """\
[tool.discrepancy]
select = ["DATE", "names"]
ignore = ["DATE102"]
fail_on = "info"
format = "json"
rules = ["my-rules", "./more"]
baseline = ".discrepancy-baseline.json"
output = "out/report.json"
""")
    settings = load_settings(None, articles, {})
    assert settings == Settings(select=("DATE", "names"), ignore=("DATE102",), fail_on="info",
                                format="json", rules_dirs=(root / "my-rules", root / "more"),
                                baseline=root / ".discrepancy-baseline.json",
                                output=root / "out" / "report.json", config_path=config)


def test_rules_dirs_relative_to_config_not_cwd(tree, monkeypatch):
    root, articles = tree
    (root / "rules-extra").mkdir()
    write(root / "discrepancy.toml", "rules = ['rules-extra']\n")
    monkeypatch.chdir(articles)
    assert load_settings(None, articles, {}).rules_dirs == (root / "rules-extra",)


def test_missing_rules_dir_is_an_error(tree):
    root, articles = tree
    config = write(root / "discrepancy.toml", "rules = ['nope']\n")
    with pytest.raises(ConfigError) as info:
        load_settings(None, articles, {})
    assert str(info.value) == (f"{config}: 'rules': rule folder {str(root / 'nope')!r} "
                               "does not exist")


def test_command_line_wins(tree, monkeypatch):
    root, articles = tree
    (root / "r").mkdir()
    write(root / "pyproject.toml", """\
[tool.discrepancy]
select = ["DATE"]
ignore = ["NAME"]
fail-on = "warning"
format = "json"
baseline = "b.json"
""")
    monkeypatch.chdir(root)
    settings = load_settings(None, articles, {
        "select": ["NAME101"], "ignore": None, "fail_on": "never", "format": None,
        "baseline": Path("other.json"), "output": None, "rules_dirs": [Path("r")]})
    assert settings.select == ("NAME101",)
    assert settings.ignore == ("NAME",)          # None: not given, the file's value stays
    assert settings.fail_on == "never"
    assert settings.format == "json"
    assert settings.baseline == root / "other.json"  # relative to the current folder
    assert settings.rules_dirs == (root / "r",)


def test_empty_repeatable_override_means_not_given(tree):
    root, articles = tree
    write(root / "discrepancy.toml", "select = ['DATE']\n")
    assert load_settings(None, articles, {"select": []}).select == ("DATE",)


def test_explicit_config_file(tree):
    root, articles = tree
    elsewhere = write(root / "conf" / "strict.toml", "fail-on = 'info'\n")
    write(root / "discrepancy.toml", "fail-on = 'never'\n")
    settings = load_settings(elsewhere, articles, {})
    assert settings.fail_on == "info"
    assert settings.config_path == elsewhere


def test_explicit_pyproject_without_table_is_an_error(tree):
    root, articles = tree
    config = write(root / "pyproject.toml", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"no \[tool\.discrepancy\] table"):
        load_settings(config, articles, {})


def test_explicit_missing_config_file(tree):
    root, articles = tree
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(root / "missing.toml", articles, {})


def test_unknown_key_in_pyproject(tree):
    root, articles = tree
    config = write(root / "pyproject.toml", "[tool.discrepancy]\nfail-on = 'error'\nselct = []\n")
    with pytest.raises(ConfigError) as info:
        load_settings(None, articles, {})
    assert str(info.value) == f"{config}: unknown key 'selct' in [tool.discrepancy]"


def test_unknown_key_in_discrepancy_toml(tree):
    root, articles = tree
    config = write(root / "discrepancy.toml", "[tool.discrepancy]\nformat = 'json'\n")
    with pytest.raises(ConfigError) as info:
        load_settings(None, articles, {})
    assert str(info.value) == f"{config}: unknown key 'tool'"


@pytest.mark.parametrize("body, message", [
    ("select = 'DATE'", "'select' in [tool.discrepancy] must be a list of non-empty strings"),
    ("ignore = [1]", "'ignore' in [tool.discrepancy] must be a list of non-empty strings"),
    ("fail-on = 'warn'", "'fail-on' in [tool.discrepancy] must be one of error, warning, info, "
                         "never, not 'warn'"),
    ("format = 3", "'format' in [tool.discrepancy] must be a non-empty string"),
    ("rules = 'r'", "'rules' in [tool.discrepancy] must be a list of folders"),
    ("baseline = true", "'baseline' in [tool.discrepancy] must be a non-empty string"),
    ("fail-on = 'error'\nfail_on = 'error'",
     "both 'fail-on' and 'fail_on' given in [tool.discrepancy]; keep one"),
])
def test_wrong_values_name_the_file(tree, body, message):
    root, articles = tree
    config = write(root / "pyproject.toml", f"[tool.discrepancy]\n{body}\n")
    with pytest.raises(ConfigError) as info:
        load_settings(None, articles, {})
    assert str(info.value) == f"{config}: {message}"


def test_invalid_toml(tree):
    root, articles = tree
    config = write(root / "discrepancy.toml", "format = \n")
    with pytest.raises(ConfigError) as info:
        load_settings(None, articles, {})
    assert str(info.value).startswith(f"{config}: not valid TOML: ")
    assert "\n" not in str(info.value)


def test_bad_override_value(tree):
    _, articles = tree
    with pytest.raises(ConfigError, match="--fail-on must be one of"):
        load_settings(None, articles, {"fail_on": "sometimes"})
    with pytest.raises(ValueError, match="unknown settings override 'colour'"):
        load_settings(None, articles, {"colour": "red"})
