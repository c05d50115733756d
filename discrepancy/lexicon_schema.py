"""One loader for every lexicon file under ``rules/lexicons/``, each checked against its schema.

A lexicon is parsed into YAML nodes first, so every problem is reported as ``file:line``: an
unknown key, a missing key, a duplicate key, a value of the wrong type, a bare ``on``/``no``/
``yes`` that YAML reads as a boolean where a word is expected, a number where a word is
expected, and a regular expression that RE2 cannot compile (RE2 runs in linear time; patterns
that need look-around or back-references are refused with RE2's reason). The schemas are at the
bottom of this module, one per file; a lexicon file without a schema is refused.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from discrepancy.linear_regex import compile_linear

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML has it: the same nodes and line marks, tens of times faster."""


class LexiconError(ValueError):
    """A lexicon file that breaks its schema; the message is one line, ``file:line: problem``."""


def _where(path: Path, node: yaml.Node) -> str:
    return f"{path}:{node.start_mark.line + 1}"


def _fail(path: Path, node: yaml.Node, problem: str) -> LexiconError:
    return LexiconError(f"{_where(path, node)}: {problem}")


class Type:
    """A schema type: ``check`` raises ``LexiconError`` for a node that does not fit."""

    def check(self, node: yaml.Node, path: Path) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class Scalar(Type):
    """A word (``str``), a whole number (``int``), a number (``number``), ``bool``, or a
    regular expression (``regex``, a string RE2 compiles)."""

    kind: str
    nullable: bool = False
    empty: bool = False
    """Whether an empty string is allowed (a rewrite that deletes letters)."""

    def check(self, node: yaml.Node, path: Path) -> None:
        if not isinstance(node, yaml.ScalarNode):
            raise _fail(path, node, f"expected {self._name()}, not a {'list' if isinstance(node, yaml.SequenceNode) else 'mapping'}")
        tag = node.tag
        if tag == _NULL and self.nullable:
            return
        if self.kind in ("str", "regex"):
            if tag == _BOOL:
                raise _fail(path, node, f"{node.value!r} is read by YAML as a boolean, not a word; quote it")
            if tag != _STR:
                raise _fail(path, node, f"expected {self._name()}, not {node.value!r}; quote it if it is a word")
            if not node.value.strip() and not self.empty:
                raise _fail(path, node, f"expected {self._name()}, not an empty string")
            if self.kind == "regex":
                _check_regex(node, path)
        elif self.kind == "int" and tag != _INT:
            raise _fail(path, node, f"expected a whole number, not {node.value!r}")
        elif self.kind == "number" and tag not in (_INT, _FLOAT):
            raise _fail(path, node, f"expected a number, not {node.value!r}")
        elif self.kind == "bool" and tag != _BOOL:
            raise _fail(path, node, f"expected true or false, not {node.value!r}")

    def _name(self) -> str:
        return {"str": "a word", "regex": "a regular expression", "int": "a whole number",
                "number": "a number", "bool": "true or false"}[self.kind]


def compile_data_regex(pattern: str, ignore_case: bool = False):
    """A regular expression that comes from data, compiled with RE2 (linear time whatever the
    text); raises ``ValueError`` with RE2's reason for one it cannot compile."""
    try:
        return compile_linear(pattern, ignore_case)
    except ValueError as exc:
        raise ValueError(f"regular expression {pattern!r} is not RE2 syntax ({exc}); look-around and "
                         f"back-references are not allowed, so matching stays linear") from None


def _check_regex(node: yaml.ScalarNode, path: Path) -> None:
    try:
        compile_data_regex(node.value)
    except ValueError as exc:
        raise _fail(path, node, str(exc)) from None


@dataclass(frozen=True)
class ListOf(Type):
    """A list whose items all have type ``item``; ``unique`` refuses an item given twice."""

    item: Type
    unique: bool = True

    def check(self, node: yaml.Node, path: Path) -> None:
        if not isinstance(node, yaml.SequenceNode):
            raise _fail(path, node, "expected a list")
        seen: dict[Any, yaml.Node] = {}
        for child in node.value:
            self.item.check(child, path)
            if self.unique and isinstance(child, yaml.ScalarNode):
                key = child.value
                if key in seen:
                    raise _fail(path, child, f"duplicate entry {key!r} (first at line "
                                             f"{seen[key].start_mark.line + 1})")
                seen[key] = child


def _pairs(node: yaml.Node, path: Path):
    if not isinstance(node, yaml.MappingNode):
        raise _fail(path, node, "expected a mapping")
    seen: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise _fail(path, key, "a key must be a plain word")
        if key.value in seen:
            raise _fail(path, key, f"duplicate key {key.value!r} (first at line {seen[key.value].start_mark.line + 1})")
        seen[key.value] = key
        yield key, value


@dataclass(frozen=True)
class MapOf(Type):
    """A mapping from keys of type ``key`` (words by default) to values of type ``value``."""

    value: Type
    key: Type = Scalar("str")

    def check(self, node: yaml.Node, path: Path) -> None:
        for key, value in _pairs(node, path):
            self.key.check(key, path)
            self.value.check(value, path)


@dataclass(frozen=True)
class Record(Type):
    """A mapping with known keys: ``required`` must be there, ``optional`` may be."""

    required: dict[str, Type]
    optional: dict[str, Type] = field(default_factory=dict)

    def check(self, node: yaml.Node, path: Path) -> None:
        given = set()
        for key, value in _pairs(node, path):
            spec = self.required.get(key.value) or self.optional.get(key.value)
            if spec is None:
                known = ", ".join(sorted({*self.required, *self.optional}))
                raise _fail(path, key, f"unknown key {key.value!r}; expected one of: {known}")
            spec.check(value, path)
            given.add(key.value)
        missing = [k for k in self.required if k not in given]
        if missing:
            raise _fail(path, node, f"missing key {missing[0]!r}")


@dataclass(frozen=True)
class AnyOf(Type):
    """The first of ``options`` that fits (for values that are, say, a word or a list)."""

    options: tuple[Type, ...]

    def check(self, node: yaml.Node, path: Path) -> None:
        problems = []
        for option in self.options:
            try:
                option.check(node, path)
                return
            except LexiconError as exc:
                problems.append(str(exc).split(": ", 1)[1])
        raise _fail(path, node, " or ".join(problems))


@dataclass(frozen=True)
class Column:
    """One column of a ``Rows`` table: ``word`` (any text without the separator), ``words``
    (space-separated, each from ``choices`` when given) or ``fraction`` (a number 0 to 1)."""

    kind: str
    choices: frozenset[str] = frozenset()
    optional: bool = False
    """Whether the column (and every one after it) may be left out of a row."""


@dataclass(frozen=True)
class Rows(Type):
    """A literal block (``|``) of one row per line, columns separated by ``separator``: the
    compact layout of a large generated table, which YAML parses as one scalar instead of a
    node per cell. The first column is the row's key and must be unique and lower case."""

    columns: tuple[Column, ...]
    separator: str = " | "

    def check(self, node: yaml.Node, path: Path) -> None:
        if not isinstance(node, yaml.ScalarNode) or node.style != "|":
            raise _fail(path, node, "expected a literal block ('|') of rows")
        required = next((i for i, c in enumerate(self.columns) if c.optional), len(self.columns))
        first_line = node.start_mark.line + 2  # the block's text starts on the line after '|'
        seen: dict[str, int] = {}
        for offset, row in enumerate(node.value.splitlines()):
            line = first_line + offset
            cells = row.split(self.separator)
            if not required <= len(cells) <= len(self.columns):
                raise LexiconError(f"{path}:{line}: expected {required} to {len(self.columns)} columns "
                                   f"separated by {self.separator!r}, not {len(cells)}")
            key = cells[0]
            if not key or key != key.strip() or key != key.lower():
                raise LexiconError(f"{path}:{line}: {key!r} is not a lower-case key")
            if key in seen:
                raise LexiconError(f"{path}:{line}: duplicate row {key!r} (first at line {seen[key]})")
            seen[key] = line
            for column, cell in zip(self.columns, cells):
                problem = column_problem(column, cell)
                if problem:
                    raise LexiconError(f"{path}:{line}: {problem}")


def column_problem(column: Column, cell: str) -> str | None:
    """Why ``cell`` does not fit ``column``, or ``None``."""
    if not cell.strip() or cell != cell.strip():
        return f"empty or padded cell {cell!r}"
    if column.kind == "fraction":
        try:
            value = float(cell)
        except ValueError:
            return f"expected a number from 0 to 1, not {cell!r}"
        return None if 0 <= value <= 1 else f"expected a number from 0 to 1, not {cell!r}"
    if column.kind == "words" and column.choices:
        unknown = [w for w in cell.split(" ") if w not in column.choices]
        if unknown:
            return f"unknown {unknown[0]!r}; expected some of: {', '.join(sorted(column.choices))}"
    return None


@dataclass(frozen=True)
class Choice(Type):
    """A word from a fixed set (a class or type name that code interprets)."""

    choices: frozenset[str]

    def check(self, node: yaml.Node, path: Path) -> None:
        Scalar("str").check(node, path)
        if node.value not in self.choices:
            raise _fail(path, node, f"unknown {node.value!r}; expected one of: {', '.join(sorted(self.choices))}")


def load_checked(path: Path, schema: Type) -> Any:
    """Parse ``path`` and check it against ``schema``; the plain Python data, or ``LexiconError``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read: {exc}") from None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise LexiconError(f"{path}:{mark.line + 1 if mark else 1}: invalid YAML: "
                           f"{getattr(exc, 'problem', exc)}") from None
    if node is None:
        raise LexiconError(f"{path}:1: empty lexicon")
    schema.check(node, path)
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


# --- the schemas, one per file -------------------------------------------------------------

WORD = Scalar("str")
WORDS = ListOf(WORD)
INT = Scalar("int")
NUMBER = Scalar("number")
BOOL = Scalar("bool")
REGEX = Scalar("regex")

NAMES = Record({}, {
    # Every names/*.yaml file is merged key by key into one table, so a file may hold any of these.
    "equivalents": ListOf(WORDS, unique=False), "short_forms": MapOf(WORDS),
    "particles": WORDS, "sun_articles": WORDS, "ezafe": WORDS,
    "abd_compound": Record({"head": REGEX, "prefix": REGEX}), "abbreviations": MapOf(WORD),
    "feminine_endings": ListOf(Record({"masculine": Scalar("str", empty=True), "feminine": WORD})),
    "masculine_stems": WORDS, "generic_words": WORDS, "distinguishing_words": WORDS,
    "titles": WORDS, "title_connectors": WORDS, "first_word_only": WORDS,
    "title_modifiers": WORDS, "modifier_suffixes": WORDS,
    "letters": MapOf(WORD), "rewrite": ListOf(Record({"pattern": REGEX, "to": Scalar("str", empty=True)},
                                                     {"label": WORD})),
    "vowels": WORD,
    "substitutions": ListOf(Record({"pair": ListOf(WORD), "cost": NUMBER, "label": WORD})),
    "costs": MapOf(NUMBER), "threshold": MapOf(NUMBER)})
"""Any file under ``names/``."""

NOUN_CLASSES = frozenset({
    "Tops", "act", "animal", "artifact", "attribute", "body", "cognition", "communication", "event", "feeling",
    "food", "group", "location", "motive", "object", "person", "phenomenon", "plant", "possession", "process",
    "quantity", "relation", "shape", "state", "substance", "time"})
"""WordNet's noun lexicographer classes, without the ``noun.`` prefix."""
VERB_CLASSES = frozenset({
    "body", "change", "cognition", "communication", "competition", "consumption", "contact", "creation",
    "emotion", "motion", "perception", "possession", "social", "stative", "weather"})
"""WordNet's verb lexicographer classes, without the ``verb.`` prefix."""
EVENT_TYPES = frozenset({
    "agreement", "announcement", "conflict", "crime", "death", "disaster", "economy", "election", "explosion",
    "fire", "injury", "legal", "meeting", "natural", "office", "protest", "social", "sport", "transport",
    "travel"})
"""The coarse event types of tools/build_event_lexicon.py (a test keeps the two the same)."""


def _event_rows(classes: frozenset[str]) -> Rows:
    return Rows((Column("word"), Column("words", classes), Column("fraction"), Column("words", classes),
                 Column("words", EVENT_TYPES, optional=True)))


def _override_word(classes: frozenset[str]) -> Record:
    return Record({"classes": ListOf(Choice(classes)), "types": ListOf(Choice(EVENT_TYPES)), "why": WORD},
                  {"event_share": NUMBER})


def _by_pos(value: Type, verb_value: Type | None = None) -> Record:
    return Record({}, {"nouns": MapOf(value), "verbs": MapOf(verb_value or value)})


BY_NUMBER = MapOf(WORDS, key=INT)

SCHEMAS: dict[str, Type] = {
    "abbreviations.yaml": Record({"abbreviations": WORDS}),
    "contested_terms.yaml": Record({"terms": ListOf(Record(
        {"id": WORD, "neutral": WORD, "variants": WORDS}, {"note": WORD}))}),
    "entities.yaml": Record({"organisation_words": WORDS, "leading_noise": WORDS, "non_names": WORDS,
                             "single_word_max_zipf": NUMBER, "max_name_words": INT, "max_name_word_chars": INT,
                             "name_particles": WORDS}),
    "events.yaml": Record({
        "classes": MapOf(Record({"label": WORD, "triggers": WORDS},
                                {"instant": BOOL, "patterns": ListOf(REGEX)})),
        "parts": MapOf(WORDS), "part_prepositions": MapOf(WORDS),
    }, {"not_before": WORDS, "other_occurrence": WORDS, "reporting_verbs": WORDS, "possessed_phrase_words": INT,
        "open_vocabulary": Record({"noun_min_share": NUMBER, "verb_min_share": NUMBER, "verb_max_zipf": NUMBER,
                                   "types": MapOf(Record({"class": WORD}, {"label": WORD, "instant": BOOL, "verbs": BOOL}),
                                                  key=Choice(EVENT_TYPES))})}),
    "event_overrides.yaml": Record({
        "add": _by_pos(_override_word(NOUN_CLASSES), _override_word(VERB_CLASSES)),
        "exclude": _by_pos(WORD), "same_as": _by_pos(WORD)}),
    "function_words.yaml": Record({"determiners": WORDS, "prepositions": WORDS, "conjunctions": WORDS,
                                   "auxiliaries": WORDS, "pronouns": WORDS}),
    "gazetteer.yaml": Record({"contains": MapOf(WORD), "levels": MapOf(WORDS), "sites": WORDS},
                             {"site_kinds": MapOf(WORDS)}),
    "history.yaml": Record({"previous_before_trigger": WORDS, "occurrence_words": WORDS, "since_markers": WORDS,
                            "first_words": WORDS, "origin_cues": WORDS, "same_cues": WORDS,
                            "novelty_cues": WORDS, "novelty_negations": WORDS, "ordinals": MapOf(INT),
                            "ordinal_phrase_words": INT, "ordinal_after": WORDS}),
    "numbers.yaml": Record({
        "words": MapOf(INT), "scales": MapOf(INT), "currencies": MapOf(WORD), "money_nouns": WORDS,
        "money_synonyms": MapOf(WORDS), "units": MapOf(ListOf(AnyOf((WORD, NUMBER)), unique=False)),
        "approximation": MapOf(WORDS), "approximate_tolerance": NUMBER, "effects": MapOf(WORDS),
        "people_nouns": WORDS, "synonyms": MapOf(WORDS), "attributions": MapOf(WORDS)},
        {"rate_markers": WORDS, "rate_periods": WORDS, "rate_not_before": WORDS}),
    "places.yaml": Record({"country_aliases": MapOf(WORDS), "ambiguous": WORDS}),
    "stance.yaml": Record({"denial_cues": WORDS, "revision_cues": WORDS, "tally_cues": WORDS}),
    "wordnet_events.yaml": Record({"nouns": _event_rows(NOUN_CLASSES), "verbs": _event_rows(VERB_CLASSES)}),
    "timex/calendar.yaml": Record({
        "months": BY_NUMBER, "ambiguous_months": WORDS, "weekdays": BY_NUMBER,
        "weekday_abbreviations": BY_NUMBER, "seasons": MapOf(WORD), "ambiguous_seasons": WORDS,
        "day_parts": MapOf(WORD), "clock_words": MapOf(WORD), "time_zones": WORDS,
        "holidays": MapOf(AnyOf((Record({"date": WORD}), Record({"month": INT, "weekday": INT, "nth": INT}))))}),
    "timex/relative.yaml": Record({
        "deictic_days": MapOf(INT), "deictic_parts": MapOf(WORD), "this_words": WORDS,
        "determiners": MapOf(Record({"offset": INT}, {"reference": BOOL, "duration": BOOL, "by_tense": BOOL})),
        "within_current": WORDS,
        "direction_words": MapOf(Record({"sign": INT, "from": WORD}, {"final_only": BOOL})),
        "fuzzy": MapOf(WORD),
        "fuzzy_guards": MapOf(Record({}, {"not_after": WORDS, "not_followed_by": WORDS, "only_after": WORDS})),
        "sets": MapOf(WORD), "set_determiners": MapOf(INT)}),
    "timex/grammar.yaml": Record({
        "bare_month_triggers": WORDS, "resolution": MapOf(INT), "prepositions": WORDS,
        "part_modifiers": MapOf(WORD), "quantity_modifiers": MapOf(Scalar("str", nullable=True)),
        "modifiers_outside_span": WORDS, "range_connectors": WORDS, "tense": MapOf(WORDS),
        "traps": ListOf(Record({"pattern": REGEX, "why": WORD}, {"case": BOOL})),
        "year_name_exceptions": WORDS, "weekday_date_cues": WORDS}),
    "timex/numbers.yaml": Record({"cardinals": MapOf(NUMBER), "tens": WORDS, "vague": MapOf(WORD),
                                  "ordinals": MapOf(INT)}),
    "timex/units.yaml": Record({
        "units": MapOf(Record({"forms": WORDS, "letter": WORD, "size": INT}, {"time": BOOL})),
        "vague_plurals": WORDS, "adjectival_suffixes": WORDS, "age_suffixes": WORDS}),
}
"""Schema of each lexicon file, by its path under ``rules/lexicons/``."""


def schema_for(relative: str) -> Type:
    """The schema of the lexicon at ``relative`` (a path under ``rules/lexicons/``)."""
    relative = relative.replace("\\", "/")
    if relative in SCHEMAS:
        return SCHEMAS[relative]
    if relative.startswith("names/"):
        return NAMES
    raise LexiconError(f"{relative}: no schema for this lexicon file; add one to discrepancy/lexicon_schema.py")
