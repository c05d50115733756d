"""One loader for every lexicon file: each file has a schema, and breaking it names file:line."""
from __future__ import annotations

from pathlib import Path

import pytest

from discrepancy.lexicon_schema import SCHEMAS, LexiconError, load_checked, schema_for
from discrepancy.resources import lexicons_dir


def _bundled() -> list[str]:
    root = lexicons_dir()
    return sorted(str(p.relative_to(root)).replace("\\", "/") for p in root.rglob("*.yaml"))


@pytest.mark.parametrize("relative", _bundled())
def test_every_bundled_lexicon_has_a_schema_and_fits_it(relative):
    assert load_checked(lexicons_dir() / relative, schema_for(relative))


def test_every_schema_names_a_bundled_file():
    assert set(SCHEMAS) <= set(_bundled())


# Each case: a small stand-in for a real lexicon, and the line and words of the expected error.
BROKEN = [
    ("stance.yaml", "denial_cues: [denied, no]\nrevision_cues: [x]\ntally_cues: [y]\n", 1, "boolean"),
    ("stance.yaml", "denial_cues: [denied, 12]\nrevision_cues: [x]\ntally_cues: [y]\n", 1, "quote it if it is a word"),
    ("stance.yaml", "denial_cues: [denied]\nrevision_cues: [x]\ntally_cues: [y]\nextra: [z]\n", 4, "unknown key 'extra'"),
    ("stance.yaml", "denial_cues: [denied]\nrevision_cues: [x]\n", 1, "missing key 'tally_cues'"),
    ("stance.yaml", "denial_cues: [denied]\nrevision_cues: [x]\ntally_cues: [y]\ndenial_cues: [z]\n", 4,
     "duplicate key 'denial_cues'"),
    ("stance.yaml", "denial_cues: [denied,\n  refuted, denied]\nrevision_cues: [x]\ntally_cues: [y]\n", 2,
     "duplicate entry 'denied' (first at line 1)"),
    ("stance.yaml", "denial_cues: denied\nrevision_cues: [x]\ntally_cues: [y]\n", 1, "expected a list"),
    ("stance.yaml", "denial_cues: [denied\nrevision_cues: [x]\n", 2, "invalid YAML"),
    ("events.yaml", "classes:\n  strike:\n    label: strike\n    triggers: [strike]\n"
                    "    patterns: ['(?<!air )strike']\nparts: {start: [began]}\npart_prepositions: {start: [from]}\n",
     5, "not RE2 syntax"),
]


@pytest.mark.parametrize("relative, text, line, words", BROKEN)
def test_a_broken_lexicon_is_refused_with_file_and_line(tmp_path, relative, text, line, words):
    path = tmp_path / Path(relative).name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_checked(path, schema_for(relative))
    message = str(err.value)
    assert message.startswith(f"{path}:{line}: ") and words in message and "\n" not in message


def test_a_lexicon_without_a_schema_is_refused():
    with pytest.raises(LexiconError, match="no schema"):
        schema_for("made_up.yaml")


def test_quoted_words_that_yaml_would_read_as_booleans_are_words():
    words = load_checked(lexicons_dir() / "entities.yaml", schema_for("entities.yaml"))["leading_noise"]
    assert "on" in words and "no" in words and not any(isinstance(w, bool) for w in words)


def test_a_sentence_starting_with_no_does_not_make_it_part_of_a_name():
    from discrepancy.ingest import parse_article
    from discrepancy.pipeline import analyse

    articles = [parse_article("a.txt", "Talks\n\nNo Dalia Ferreira statement came after the vote.\n"),
                parse_article("b.txt", "Talks\n\nDalia Ferreira spoke after the vote on Monday.\n")]
    _, claims = analyse(articles, ())
    names = {c.value for c in claims if c.kind == "name"}
    assert "Dalia Ferreira" in names and not any(n.startswith("No ") for n in names)


def test_data_regexes_are_compiled_with_re2():
    from discrepancy.names.lexicon import lexicon
    from discrepancy.timex.grammar import trap_regex

    assert all(type(r.pattern).__module__.startswith("re2") for r in lexicon().rewrites)
    assert type(trap_regex().regex).__module__.startswith("re2")
