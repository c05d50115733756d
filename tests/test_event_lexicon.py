"""The WordNet event lexicon: the committed table, its overrides and schema, and the generator
run on a tiny OEWN-format fixture (the real OEWN is not needed)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from discrepancy.event_lexicon import build_lexicon, event_lexicon
from discrepancy.lexicon_schema import EVENT_TYPES, SCHEMAS, LexiconError, load_checked
from discrepancy.resources import lexicons_dir

GENERATOR = Path(__file__).resolve().parent.parent / "tools" / "build_event_lexicon.py"


def _generator():
    spec = importlib.util.spec_from_file_location("build_event_lexicon", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_event_lexicon", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def lexicon():
    return event_lexicon()


def test_the_generated_file_names_its_source_and_licences():
    head = (lexicons_dir() / "wordnet_events.yaml").read_text(encoding="utf-8")[:3000]
    for words in ("tools/build_event_lexicon.py", "Open English WordNet", "Princeton WordNet",
                  "WordNet License", "CC BY 4.0", "Do not edit by hand"):
        assert words in head


@pytest.mark.parametrize("lemma, event_class, event_type", [
    ("earthquake", "noun.event", "natural"), ("election", "noun.act", "election"),
    ("merger", "noun.act", "economy"), ("verdict", "noun.act", "legal"), ("boycott", "noun.act", "protest"),
    ("outbreak", "noun.event", "natural"), ("hack", "noun.act", "crime"),
    ("resignation", "noun.communication", "office"), ("summit", "noun.group", "meeting"),
    ("treaty", "noun.communication", "agreement"), ("wildfire", "noun.event", "fire"),
])
def test_event_nouns_are_in_with_their_class_and_type(lexicon, lemma, event_class, event_type):
    word = lexicon.lookup(lemma, "noun")
    assert word is not None and event_class in word.classes and event_type in word.types


@pytest.mark.parametrize("lemma, verb_class, event_type", [
    ("sink", "verb.motion", "disaster"), ("collide", "verb.contact", "disaster"),
    ("sign", "verb.social", "agreement"), ("attack", "verb.competition", "conflict"),
    ("vote", "verb.social", "election"),
])
def test_event_verbs_carry_their_class_and_type(lexicon, lemma, verb_class, event_type):
    word = lexicon.lookup(lemma, "verb")
    assert word is not None and verb_class in word.classes and event_type in word.types


@pytest.mark.parametrize("lemma", ["table", "river", "doctor", "blue", "tennis", "energy"])
def test_nouns_that_name_no_event_are_out(lexicon, lemma):
    assert lexicon.lookup(lemma, "noun") is None


@pytest.mark.parametrize("lemma", ["launch", "collapse", "fire", "summit"])
def test_nouns_with_other_readings_have_a_share_below_one(lexicon, lemma):
    word = lexicon.lookup(lemma, "noun")
    assert word.ambiguous and 0 < word.event_share < 1


def test_a_word_with_several_event_readings_lists_each_type_heaviest_first(lexicon):
    assert lexicon.lookup("strike", "noun").types[:2] == ("protest", "conflict")
    assert lexicon.lookup("fire", "noun").types[0] == "fire"


def test_stative_and_mental_verbs_count_against_the_share(lexicon):
    assert lexicon.lookup("know", "verb").event_share < 0.5
    assert lexicon.lookup("explode", "verb").event_share > 0.5


def test_overrides_add_exclude_and_respell(lexicon):
    assert lexicon.lookup("heatwave", "noun").types == lexicon.lookup("heat wave", "noun").types
    assert lexicon.lookup("time", "noun") is None and lexicon.lookup("be", "verb") is None
    assert lexicon.lookup("event", "noun").event_share == 1.0
    assert "crime" in lexicon.lookup("hack", "verb").types


@pytest.mark.parametrize("written, lemma", [("ceasefire", "cease-fire"), ("cave-in", "cave in"),
                                            ("run-off", "runoff"), ("CEASEFIRE", "cease-fire")])
def test_hyphen_variants_find_the_lemma(lexicon, written, lemma):
    assert lexicon.lookup(written, "noun") == lexicon.nouns[lemma]


def test_an_override_naming_a_missing_lemma_is_refused():
    rows = {"nouns": "storm | phenomenon | 1.00 | phenomenon | natural", "verbs": "sink | motion | 1.00 | motion"}
    with pytest.raises(ValueError, match="not in the lexicon"):
        build_lexicon(rows, {"exclude": {"nouns": {"tempest": "why"}}})
    with pytest.raises(ValueError, match="not in the lexicon"):
        build_lexicon(rows, {"same_as": {"nouns": {"rainstorm": "tempest"}}})


def test_the_schema_knows_every_type_the_generator_makes():
    assert set(_generator().TYPE_ANCHORS) == set(EVENT_TYPES)


ROWS_HEADER = "# comment\nnouns: |\n"


@pytest.mark.parametrize("rows, line, words", [
    ("  storm | phenomenon | 1.00 | phenomenon\n  flood | phenomenon | 2 | phenomenon\n", 4, "from 0 to 1"),
    ("  storm | weather | 1.00 | phenomenon\n", 3, "unknown 'weather'"),
    ("  storm | phenomenon | 1.00 | phenomenon | weather\n", 3, "unknown 'weather'"),
    ("  storm | phenomenon | 1.00 | phenomenon\n  storm | event | 1.00 | event\n", 4, "duplicate row 'storm' (first at line 3)"),
    ("  storm | phenomenon\n", 3, "expected 4 to 5 columns"),
    ("  Storm | phenomenon | 1.00 | phenomenon\n", 3, "not a lower-case key"),
])
def test_a_broken_row_is_refused_with_file_and_line(tmp_path, rows, line, words):
    path = tmp_path / "wordnet_events.yaml"
    path.write_text(ROWS_HEADER + rows + "verbs: |\n  sink | motion | 1.00 | motion\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_checked(path, SCHEMAS["wordnet_events.yaml"])
    assert str(err.value).startswith(f"{path}:{line}: ") and words in str(err.value)


def test_rows_must_be_a_literal_block(tmp_path):
    path = tmp_path / "wordnet_events.yaml"
    path.write_text("nouns: storm | phenomenon | 1.00 | phenomenon\nverbs: |\n  sink | motion | 1.00 | motion\n")
    with pytest.raises(LexiconError, match="literal block"):
        load_checked(path, SCHEMAS["wordnet_events.yaml"])


# --- the generator on a tiny OEWN-format fixture ---------------------------------------------

def _synset(members, hypernym=None):
    synset = {"definition": ["a fixture synset"], "members": members, "partOfSpeech": "n"}
    if hypernym:
        synset["hypernym"] = [hypernym]
    return synset


FIXTURE_SYNSETS = {
    # Real OEWN ids where the generator has an anchor, so types and exclusions apply.
    "noun.Tops": {"00029677-n": _synset(["event"]), "00030657-n": _synset(["act"], "00029677-n")},
    "noun.event": {"07443554-n": _synset(["earthquake", "quake"], "00029677-n"),
                   "07317454-n": _synset(["fire"], "00029677-n")},
    "noun.act": {"00524569-n": _synset(["sport", "athletics"], "00030657-n"),
                 "00483309-n": _synset(["tennis"], "00524569-n"),
                 "01232427-n": _synset(["assembly", "gathering"], "00030657-n"),
                 "00974725-n": _synset(["attack"], "00030657-n")},
    "noun.group": {"08324519-n": _synset(["meeting"], "01232427-n"), "08283156-n": _synset(["table"])},
    "noun.artifact": {"03348406-n": _synset(["fire"]), "90000001-n": _synset(["Quake"])},
    "verb.motion": {"01993887-v": {**_synset(["sink", "go down"]), "partOfSpeech": "v"}},
    "verb.stative": {"02604760-v": {**_synset(["be"]), "partOfSpeech": "v"}},
}


def _sense(synset):
    return {"id": f"fixture%{synset}", "synset": synset}


FIXTURE_ENTRIES = {
    "earthquake": {"n": {"sense": [_sense("07443554-n")]}},
    "quake": {"n": {"sense": [_sense("07443554-n")]}},
    "Quake": {"n": {"sense": [_sense("90000001-n")]}},
    "fire": {"n": {"sense": [_sense("07317454-n"), _sense("03348406-n")]}},
    "tennis": {"n": {"sense": [_sense("00483309-n")]}},
    "assembly": {"n": {"sense": [_sense("01232427-n")]}},
    "meeting": {"n": {"sense": [_sense("08324519-n")]}},
    "table": {"n": {"sense": [_sense("08283156-n")]}},
    "attack": {"n": {"sense": [_sense("00974725-n")]}},
    "sink": {"v": {"sense": [_sense("01993887-v")]}},
    "go down": {"v": {"sense": [_sense("01993887-v")]}},
    "be": {"v": {"sense": [_sense("02604760-v")]}},
}


@pytest.fixture
def oewn(tmp_path) -> Path:
    folder = tmp_path / "yaml"
    folder.mkdir()
    for lexfile, synsets in FIXTURE_SYNSETS.items():
        (folder / f"{lexfile}.yaml").write_text(yaml.safe_dump(synsets), encoding="utf-8")
    (folder / "entries-a.yaml").write_text(yaml.safe_dump(FIXTURE_ENTRIES), encoding="utf-8")
    (tmp_path / "README.md").write_text("copied @ " + "ab" * 20 + "\n", encoding="utf-8")
    return folder


def _rows(text: str, section: str) -> dict[str, str]:
    block = yaml.safe_load(text)[section]
    return {row.split(" | ")[0]: row for row in block.splitlines()}


def test_the_generator_gives_the_same_bytes_every_run(oewn, tmp_path):
    generator = _generator()
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    for out in (first, second):
        assert generator.main(["--oewn", str(oewn), "--out", str(out), "--allow-missing-anchors"]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert load_checked(first, SCHEMAS["wordnet_events.yaml"])
    assert "ab" * 20 in first.read_text(encoding="utf-8")


def test_the_generator_classifies_the_fixture(oewn):
    text = _generator().build(oewn, allow_missing_anchors=True)
    nouns, verbs = _rows(text, "nouns"), _rows(text, "verbs")
    assert nouns["earthquake"] == "earthquake | event | 1.00 | event | natural"
    assert nouns["quake"] == "quake | event | 0.67 | event | natural"  # merged with "Quake", an artifact
    assert nouns["fire"] == "fire | event | 0.67 | event | fire"
    assert nouns["meeting"] == "meeting | group | 1.00 | group | meeting"  # a noun.group under an admitting anchor
    assert nouns["attack"] == "attack | act | 1.00 | act | conflict"
    assert "tennis" not in nouns and "table" not in nouns and "sport" not in nouns
    assert verbs["go down"] == "go down | motion | 1.00 | motion | disaster"
    assert verbs["be"] == "be | stative | 0.00 | stative"


def test_the_generator_refuses_an_anchor_that_names_another_synset(oewn):
    path = oewn / "noun.event.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("earthquake", "tremor"), encoding="utf-8")
    with pytest.raises(SystemExit, match="should hold 'earthquake'"):
        _generator().build(oewn, allow_missing_anchors=True)
