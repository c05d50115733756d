"""Rule files: a valid file loads; every kind of broken file names its file, line and problem."""
from __future__ import annotations

from pathlib import Path

import pytest

from discrepancy.engine.registry import CheckParams, CheckType
from discrepancy.engine.schema import (RuleFileError, compile_user_pattern, load_rule_file,
                                       load_rules)
from discrepancy.filters import select_rules, unknown_selectors
from discrepancy.models import Rule


class ConflictParams(CheckParams):
    attribute: str = "start"
    tolerance_days: int = 0
    pattern: str | None = None
    skip_patterns: tuple[str, ...] = ()


FAKE = CheckType(name="value_conflict", params=ConflictParams, kinds=("event_date",),
                 fields=("first", "second"), run=lambda group, params: [])
REGISTRY = {FAKE.name: FAKE}

VALID = """\
id: DATE101
name: date.part-conflict
check: value_conflict
params:
  category: date
  attribute: start
  tolerance_days: 1
severity: error
message: "Sources disagree on {subject}: {first} vs {second} ({values})"
description: Two sources give different start dates for the same event.
groups: [dates]
examples:
  fail:
    - a.md: "The exercise began on May 3."
      b.txt: "The exercise began on May 5."
  pass:
    - a.md: "The exercise began on May 3."
      b.md: "The exercise began on May 3."
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def load_error(folder: Path, text: str, name: str = "rule.yaml") -> RuleFileError:
    path = write(folder, name, text)
    with pytest.raises(RuleFileError) as info:
        load_rules([folder], registry=REGISTRY)
    assert info.value.path == str(path)
    assert str(info.value) == f"{path}:{info.value.line}: {info.value.message}"
    return info.value


def variant(old: str, new: str, text: str = VALID) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


# --- a valid file --------------------------------------------------------------------------


def test_valid_rule_loads_with_all_fields(tmp_path):
    path = write(tmp_path, "DATE101.yaml", "# a comment first\n" + VALID)
    (rule,) = load_rules([tmp_path], registry=REGISTRY)
    assert isinstance(rule, Rule)
    assert rule.id == "DATE101"
    assert rule.name == "date.part-conflict"
    assert rule.check == "value_conflict"
    assert isinstance(rule.params, ConflictParams)
    assert rule.params == ConflictParams(category="date", attribute="start", tolerance_days=1)
    assert rule.category == "date"
    assert rule.severity == "error"
    assert rule.message == "Sources disagree on {subject}: {first} vs {second} ({values})"
    assert rule.description == "Two sources give different start dates for the same event."
    assert rule.groups == ("dates", "all")
    assert rule.examples_fail == ((("a.md", "The exercise began on May 3."),
                                   ("b.txt", "The exercise began on May 5.")),)
    assert rule.examples_pass == ((("a.md", "The exercise began on May 3."),
                                   ("b.md", "The exercise began on May 3.")),)
    assert rule.path == str(path)
    assert rule.line == 2


def test_rules_sorted_by_id_yml_too_and_subfolders_skipped(tmp_path):
    write(tmp_path, "b.yaml", variant("id: DATE101", "id: DATE102"))
    write(tmp_path, "a.yml", variant("id: DATE101", "id: NAME101"))
    write(tmp_path, "c.yaml", VALID)
    write(tmp_path, "notes.txt", "not a rule")
    (tmp_path / "lexicons").mkdir()
    write(tmp_path / "lexicons", "words.yaml", "- just\n- a list\n")
    rules = load_rules([tmp_path], registry=REGISTRY)
    assert [r.id for r in rules] == ["DATE101", "DATE102", "NAME101"]


def test_groups_keep_all_once_and_defaults_fill_params(tmp_path):
    text = variant("groups: [dates]", "groups: [all, dates, dates]")
    text = variant("  attribute: start\n  tolerance_days: 1\n", "", text)
    write(tmp_path, "r.yaml", text)
    (rule,) = load_rules([tmp_path], registry=REGISTRY)
    assert rule.groups == ("all", "dates")
    assert rule.params.tolerance_days == 0


def test_block_scalars_aliases_and_two_examples(tmp_path):
    text = variant("""\
  fail:
    - a.md: "The exercise began on May 3."
      b.txt: "The exercise began on May 5."
""", """\
  fail:
    - a.md: &may3 |
        The exercise began on May 3.
      b.txt: The exercise began on May 5.
    - c.md: The exercise began on May 7.
      d.md: *may3
""")
    write(tmp_path, "r.yaml", text)
    (rule,) = load_rules([tmp_path], registry=REGISTRY)
    assert rule.examples_fail == (
        (("a.md", "The exercise began on May 3.\n"), ("b.txt", "The exercise began on May 5.")),
        (("c.md", "The exercise began on May 7."), ("d.md", "The exercise began on May 3.\n")),
    )


def test_load_rule_file_single(tmp_path):
    rule = load_rule_file(write(tmp_path, "r.yaml", VALID), registry=REGISTRY)
    assert rule.id == "DATE101"


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(RuleFileError, match="does not exist"):
        load_rules([tmp_path / "nope"], registry=REGISTRY)


def test_same_folder_twice_is_read_once(tmp_path):
    write(tmp_path, "r.yaml", VALID)
    assert len(load_rules([tmp_path, tmp_path / "."], registry=REGISTRY)) == 1


# --- broken files: message and exact line ----------------------------------------------------


def test_unknown_key(tmp_path):
    err = load_error(tmp_path, variant("severity: error\n", "severity: error\nlevel: 3\n"))
    assert err.line == 9
    assert err.message.startswith("unknown key 'level'; a rule file has the keys id, name,")


def test_missing_key(tmp_path):
    err = load_error(tmp_path, "# header\n" + variant(
        "description: Two sources give different start dates for the same event.\n", ""))
    assert err.line == 2  # where the rule's mapping begins
    assert err.message == "missing key 'description'"


def test_missing_keys_are_all_named(tmp_path):
    err = load_error(tmp_path, "id: DATE101\nname: x.y\n")
    assert err.line == 1
    assert err.message == ("missing keys 'check', 'params', 'severity', 'message', "
                           "'description', 'groups', 'examples'")


def test_duplicate_id_across_two_files(tmp_path):
    first_dir, second_dir = tmp_path / "one", tmp_path / "two"
    first_dir.mkdir()
    second_dir.mkdir()
    first = write(first_dir, "a.yaml", VALID)
    second = write(second_dir, "b.yaml", "\n\n" + VALID)
    with pytest.raises(RuleFileError) as info:
        load_rules([first_dir, second_dir], registry=REGISTRY)
    assert str(info.value) == (f"{second}:3: duplicate rule id 'DATE101': "
                               f"already defined in {first}:1")


def test_unknown_check_type_lists_known(tmp_path):
    other = CheckType(name="name_variant", params=CheckParams, kinds=("name",), fields=(),
                      run=lambda g, p: [])
    path = write(tmp_path, "r.yaml", variant("check: value_conflict", "check: value_conflit"))
    with pytest.raises(RuleFileError) as info:
        load_rules([tmp_path], registry={**REGISTRY, other.name: other})
    assert str(info.value) == (f"{path}:3: unknown check type 'value_conflit'; "
                               "known check types: name_variant, value_conflict")


def test_bad_params_unknown_parameter(tmp_path):
    err = load_error(tmp_path, variant("  tolerance_days: 1\n",
                                       "  tolerance_days: 1\n  tolerence: 2\n"))
    assert err.line == 8
    assert err.message == ("params: unknown parameter 'tolerence' for check 'value_conflict'; "
                           "known parameters: attribute, category, pattern, skip_patterns, "
                           "tolerance_days")


def test_bad_params_wrong_type(tmp_path):
    err = load_error(tmp_path, variant("tolerance_days: 1", "tolerance_days: 'one'"))
    assert err.line == 7
    assert err.message == "params.tolerance_days: Input should be a valid integer, got 'one'"


def test_bad_params_no_coercion_of_strings_or_booleans(tmp_path):
    err = load_error(tmp_path, variant("tolerance_days: 1", "tolerance_days: '1'"))
    assert (err.line, err.message) == (7, "params.tolerance_days: Input should be a valid "
                                          "integer, got '1'")
    err = load_error(tmp_path, variant("tolerance_days: 1", "tolerance_days: yes"))
    assert (err.line, err.message) == (7, "params.tolerance_days: Input should be a valid "
                                          "integer, got True")


def test_bad_params_missing_required_and_first_of_several(tmp_path):
    err = load_error(tmp_path, variant("  category: date\n", ""))
    assert err.line == 4
    assert err.message == ("params: missing required parameter 'category' "
                           "for check 'value_conflict'")
    err = load_error(tmp_path, variant("  attribute: start\n",
                                       "  attribute: [start]\n  bogus: 1\n"))
    assert err.line == 6
    assert err.message == ("params.attribute: Input should be a valid string, got ['start'] "
                           "(and 1 more problem in params)")


def test_params_not_a_mapping(tmp_path):
    text = variant("  category: date\n  attribute: start\n  tolerance_days: 1\n", "")
    err = load_error(tmp_path, variant("params:\n", "params: [date]\n", text))
    assert (err.line, err.message) == (4, "'params' must be a mapping, not a list")


def test_bad_severity(tmp_path):
    err = load_error(tmp_path, variant("severity: error", "severity: fatal"))
    assert err.line == 8
    assert err.message == "severity 'fatal' must be one of error, warning, info"


def test_bad_id_pattern(tmp_path):
    err = load_error(tmp_path, variant("id: DATE101", "id: date-101"))
    assert err.line == 1
    assert err.message == "id 'date-101' must be 2 to 8 capital letters and 3 digits, like DATE101"


def test_id_not_a_string(tmp_path):
    err = load_error(tmp_path, variant("id: DATE101", "id: 101"))
    assert (err.line, err.message) == (1, "'id' must be a string, not a number")


def test_bad_name(tmp_path):
    err = load_error(tmp_path, variant("name: date.part-conflict", "name: Date Conflict"))
    assert err.line == 2
    assert err.message.startswith("name 'Date Conflict' must be lowercase words")


def test_yaml_syntax_error(tmp_path):
    err = load_error(tmp_path, variant("severity: error\n", "severity: [error\n"))
    assert err.line == 9  # where the parser gave up
    assert err.message.startswith("YAML syntax error: ")
    err = load_error(tmp_path, variant('description: Two', 'description: "Two', VALID))
    assert err.message.startswith("YAML syntax error: ")
    # the quoted string runs on to the next double quote, on line 14, where parsing fails
    assert err.line == 14


def test_tab_indentation_is_a_syntax_error(tmp_path):
    err = load_error(tmp_path, variant("  category: date", "\tcategory: date"))
    assert err.line == 5
    assert err.message.startswith("YAML syntax error: ")


def test_duplicate_key_in_file(tmp_path):
    err = load_error(tmp_path, variant("severity: error\n", "severity: error\nseverity: info\n"))
    assert err.line == 9
    assert err.message == "duplicate key 'severity' (first at line 8)"


def test_duplicate_key_nested_in_params_and_examples(tmp_path):
    err = load_error(tmp_path, variant("  attribute: start\n",
                                       "  attribute: start\n  attribute: end\n"))
    assert (err.line, err.message) == (7, "duplicate key 'attribute' (first at line 6)")
    err = load_error(tmp_path, variant('      b.txt: "The exercise began on May 5."\n',
                                       '      a.md: "The exercise began on May 5."\n'))
    assert (err.line, err.message) == (15, "duplicate key 'a.md' (first at line 14)")


def test_not_a_mapping(tmp_path):
    err = load_error(tmp_path, "# rules\n- id: DATE101\n- name: x\n")
    assert err.line == 2
    assert err.message == ("a rule file must be a mapping of keys (id, name, check, params, "
                           "severity, message, description, groups, examples), not a list")


def test_empty_file(tmp_path):
    for text in ("", "# only a comment\n", "---\n"):
        err = load_error(tmp_path, text)
        assert err.line == 1
        assert err.message.startswith("empty rule file")


def test_two_documents(tmp_path):
    err = load_error(tmp_path, VALID + "---\n" + VALID)
    assert err.line == 19
    assert "expected a single document" in err.message


def test_bad_template_field(tmp_path):
    err = load_error(tmp_path, variant("({values})", "({value})"))
    assert err.line == 9
    assert err.message == ("message: unknown field {value} for check 'value_conflict'; "
                           "fields: subject, values, sources, rule, first, second")


@pytest.mark.parametrize("template, problem", [
    ("{subject.__class__}", "must be a plain name"),
    ("{subject[0]}", "must be a plain name"),
    ("{0}", "must be a plain name"),
    ("{}", "must be a plain name"),
    ("{subject!r}", "must be a plain {subject} (no conversions or format specs)"),
    ("{subject:>{values}}", "must be a plain {subject} (no conversions or format specs)"),
    ("{subject", "bad template"),
    ("}", "bad template"),
])
def test_template_attribute_index_spec_and_syntax(tmp_path, template, problem):
    text = variant('message: "Sources disagree on {subject}: {first} vs {second} ({values})"',
                   f"message: '{template}'")
    err = load_error(tmp_path, text)
    assert err.line == 9
    assert err.message.startswith("message: ")
    assert problem in err.message


def test_literal_braces_allowed(tmp_path):
    write(tmp_path, "r.yaml", variant("({values})", "({{literal}} {values})"))
    (rule,) = load_rules([tmp_path], registry=REGISTRY)
    assert "{{literal}}" in rule.message


def test_missing_fail_example(tmp_path):
    text = variant("""\
  fail:
    - a.md: "The exercise began on May 3."
      b.txt: "The exercise began on May 5."
""", "")
    err = load_error(tmp_path, text)
    assert err.line == 12
    assert err.message == "examples: missing 'fail': a rule needs at least one fail example"


def test_empty_pass_example_list(tmp_path):
    text = variant("""\
  pass:
    - a.md: "The exercise began on May 3."
      b.md: "The exercise began on May 3."
""", "  pass: []\n")
    err = load_error(tmp_path, text)
    assert err.line == 16
    assert err.message == "examples.pass is empty: a rule needs at least one pass example"


def test_re2_rejected_pattern(tmp_path):
    err = load_error(tmp_path, variant("  tolerance_days: 1\n",
                                       "  tolerance_days: 1\n  pattern: '(\\w+) \\1'\n"))
    assert err.line == 8
    assert err.message.startswith("params.pattern: regular expression '(\\\\w+) \\\\1' is not "
                                  "supported by re2 (invalid escape sequence: \\1)")


def test_re2_rejected_pattern_in_list(tmp_path):
    err = load_error(tmp_path, variant("  tolerance_days: 1\n", "  tolerance_days: 1\n"
                                       "  skip_patterns:\n    - 'fine'\n    - '(?=ahead)'\n"))
    assert err.line == 10
    assert err.message.startswith("params.skip_patterns[1]: regular expression '(?=ahead)' "
                                  "is not supported by re2")


def test_valid_pattern_loads_and_compiles(tmp_path):
    write(tmp_path, "r.yaml", variant("  tolerance_days: 1\n",
                                      "  tolerance_days: 1\n  pattern: '(?i)began on (\\w+)'\n"))
    (rule,) = load_rules([tmp_path], registry=REGISTRY)
    match = compile_user_pattern(rule.params.pattern).search("It BEGAN on May 3")
    assert match.group(1) == "May"


def test_compile_user_pattern_rejects_backtracking_constructs():
    with pytest.raises(ValueError, match="invalid perl operator"):
        compile_user_pattern("(?<!x)y")


PASS_BLOCK = ('  pass:\n    - a.md: "The exercise began on May 3."\n'
              '      b.md: "The exercise began on May 3."\n')
NAME_RULE = "must be a file name (no folders) ending in .md or .txt"


@pytest.mark.parametrize("old, new, line, message", [
    ('    - a.md: "The exercise began on May 3."\n      b.txt',
     '    - a.doc: "The exercise began on May 3."\n      b.txt', 14,
     f"examples.fail[0]: article name 'a.doc' {NAME_RULE}"),
    ('    - a.md: "The exercise began on May 3."\n      b.txt',
     '    - dir/a.md: "The exercise began on May 3."\n      b.txt', 14,
     f"examples.fail[0]: article name 'dir/a.md' {NAME_RULE}"),
    ('      b.txt: "The exercise began on May 5."', "      b.txt: [May 5]", 15,
     "examples.fail[0]: the text of 'b.txt' must be a string, not a list"),
    (PASS_BLOCK, '  pass:\n    - "a.md"\n', 17,
     "examples.pass[0] must be a mapping of article file name to article text, not a string"),
    (PASS_BLOCK, '  pass:\n    a.md: "The exercise began on May 3."\n', 17,
     "examples.pass must be a list of examples, not a mapping"),
    ('  pass:\n', '  passes:\n', 16, "examples: unknown key 'passes'; expected 'fail' and 'pass'"),
    (PASS_BLOCK, '  pass:\n    - {}\n', 17,
     "examples.pass[0] is empty: an example needs at least one article"),
])
def test_bad_example_shape(tmp_path, old, new, line, message):
    err = load_error(tmp_path, variant(old, new))
    assert (err.line, err.message) == (line, message)


def test_examples_not_a_mapping(tmp_path):
    text = VALID[:VALID.index("examples:")] + "examples: [a.md]\n"
    err = load_error(tmp_path, text)
    assert (err.line, err.message) == (
        12, "'examples' must be a mapping with 'fail' and 'pass' lists, not a list")


def test_bad_groups(tmp_path):
    err = load_error(tmp_path, variant("groups: [dates]", "groups: dates"))
    assert (err.line, err.message) == (11, "'groups' must be a list of strings, not a string")
    err = load_error(tmp_path, variant("groups: [dates]", "groups:\n  - dates\n  - Dates"))
    assert (err.line, err.message) == (
        13, "group 'Dates' must be lowercase (letters, digits, dots, dashes, underscores)")


def test_empty_description(tmp_path):
    err = load_error(tmp_path, variant(
        "description: Two sources give different start dates for the same event.",
        "description: '  '"))
    assert (err.line, err.message) == (10, "'description' must not be empty")


def test_unsafe_tag_is_refused_not_run(tmp_path):
    err = load_error(tmp_path, variant("severity: error",
                                       "severity: !!python/object/apply:os.system ['true']"))
    assert err.line == 8
    assert err.message == "unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'"


def test_merge_keys_and_collection_aliases_refused(tmp_path):
    err = load_error(tmp_path, variant("params:\n", "params:\n  <<: {x: 1}\n"))
    assert (err.line, err.message) == (5, "YAML merge keys (<<) are not supported")
    err = load_error(tmp_path, variant("groups: [dates]", "groups: &g [dates]\nextra: *g"))
    assert (err.line, err.message) == (12, "YAML aliases to lists or mappings are not supported "
                                           "(aliases to plain values are)")
    # (a "billion laughs" file would nest such aliases; one is enough to be refused)
    shared = variant("groups: [dates]", "groups: *g")
    shared = variant("  tolerance_days: 1\n", "  tolerance_days: 1\n  skip_patterns: &g [dates]\n",
                     shared)
    err = load_error(tmp_path, shared)
    assert err.line == 12
    assert err.message.startswith("YAML aliases to lists or mappings are not supported")


def test_impossible_date_value(tmp_path):
    err = load_error(tmp_path, variant("  attribute: start", "  attribute: 2025-13-45"))
    assert (err.line, err.message) == (6, "bad YAML value '2025-13-45': month must be in 1..12")


def test_not_utf8(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_bytes(b"id: \xff\xfe\n")
    with pytest.raises(RuleFileError) as info:
        load_rules([tmp_path], registry=REGISTRY)
    assert str(info.value).startswith(f"{path}:1: cannot read: not UTF-8")


# --- select / ignore -------------------------------------------------------------------------


def _rules(tmp_path):
    specs = [("DATE101", "dates"), ("DATE102", "dates"), ("DATE201", "history"),
             ("NAME101", "names")]
    for rule_id, group in specs:
        write(tmp_path, f"{rule_id}.yaml", variant("groups: [dates]", f"groups: [{group}]",
                                                   variant("id: DATE101", f"id: {rule_id}")))
    return load_rules([tmp_path], registry=REGISTRY)


def ids(rules):
    return [r.id for r in rules]


def test_select_none_means_all(tmp_path):
    rules = _rules(tmp_path)
    assert ids(select_rules(rules, None, None)) == ["DATE101", "DATE102", "DATE201", "NAME101"]
    assert ids(select_rules(rules, [], None)) == []


def test_select_by_exact_id_prefix_and_group(tmp_path):
    rules = _rules(tmp_path)
    assert ids(select_rules(rules, ["DATE102"], None)) == ["DATE102"]
    assert ids(select_rules(rules, ["DATE"], None)) == ["DATE101", "DATE102", "DATE201"]
    assert ids(select_rules(rules, ["DATE1"], None)) == ["DATE101", "DATE102"]
    assert ids(select_rules(rules, ["names", "history"], None)) == ["DATE201", "NAME101"]
    assert ids(select_rules(rules, ["all"], None)) == ids(rules)
    assert ids(select_rules(rules, ["date"], None)) == []  # case-sensitive: not a prefix of DATE


def test_ignore_wins_over_select(tmp_path):
    rules = _rules(tmp_path)
    assert ids(select_rules(rules, ["DATE"], ["DATE102"])) == ["DATE101", "DATE201"]
    assert ids(select_rules(rules, ["DATE101"], ["dates"])) == []
    assert ids(select_rules(rules, None, ["DATE1", "NAME"])) == ["DATE201"]
    assert ids(select_rules(rules, None, [""])) == ids(rules)  # empty selector matches nothing


def test_unknown_selectors(tmp_path):
    rules = _rules(tmp_path)
    assert unknown_selectors(rules, ["DATE", "dates", "DATA", "nmes", ""]) == ("DATA", "nmes", "")
    assert unknown_selectors(rules, None) == ()
