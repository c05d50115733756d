"""Build ``rules/lexicons/wordnet_events.yaml``, an open-vocabulary event lexicon, from Open
English WordNet (OEWN) in its YAML source form.

A build step, never run by the checker: it reads the OEWN YAML where it lies (``--oewn``, the
folder holding ``entries-*.yaml`` and the ``noun.*``/``verb.*`` synset files) and writes a
compact table that is committed. Run it again after changing the tables below or moving to a
newer OEWN; the same input gives the same bytes.

What counts as an event sense
  Nouns: a sense whose synset lies in one of ``EVENT_NOUN_CLASSES`` (the lexicographer files of
  acts, events, phenomena and processes), unless its nearest marked hypernym is one of
  ``NON_EVENT_SUBTREES`` (kinds of job, sport, game, physical quantity...: acts and phenomena
  that name no occurrence). A sense in another file (``noun.group``, ``noun.communication``,
  ``noun.state``) counts when its nearest marked hypernym is an anchor with ``admits=True``
  (a meeting is a ``noun.group``, a treaty a ``noun.communication``).
  Verbs: every sense; ``CAUTIOUS_VERB_CLASSES`` (states and mental events) count as non-event
  in the share, so a consumer can prefer dynamic verbs.

How dominant the event reading is
  Senses are in frequency order in OEWN's entries, so sense ``i`` (0-based) weighs
  ``1 / (i + 1)``; ``event_share`` is the weighted share of event senses, rounded to 0.01.

Types
  Coarse event types come from ``TYPE_ANCHORS``: a sense has a type when the anchor is among its
  hypernyms (all paths) or is its synset. A lemma's types are ordered by the summed weight of
  the senses that carry them, heaviest first.
"""
from __future__ import annotations

import argparse
import functools
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

EVENT_NOUN_CLASSES = ("noun.event", "noun.act", "noun.phenomenon", "noun.process")
"""Noun lexicographer files whose senses name events by default."""

CAUTIOUS_VERB_CLASSES = ("verb.stative", "verb.perception", "verb.cognition", "verb.emotion")
"""Verb classes that mostly denote states or mental events; not counted in a verb's share."""


@dataclass(frozen=True)
class Anchor:
    """A synset that marks a subtree of the hypernym graph."""

    synset: str
    member: str
    """A lemma the synset must hold: a renumbered OEWN fails loudly instead of drifting."""
    admits: bool = False
    """Whether hyponyms outside ``EVENT_NOUN_CLASSES`` also count as event senses."""


def _a(synset: str, member: str, admits: bool = False) -> Anchor:
    return Anchor(synset, member, admits)


TYPE_ANCHORS: dict[str, tuple[Anchor, ...]] = {
    "conflict": (_a("00974725-n", "attack"), _a("00775311-n", "attack"), _a("00955074-n", "military action"),
                 _a("00961007-n", "conflict"), _a("00975181-n", "war"), _a("00967515-n", "violence"),
                 _a("00989024-n", "firing"), _a("01147528-n", "coup d'etat"), _a("00761047-n", "terrorism"),
                 _a("14004888-n", "state of war", admits=True),
                 _a("01121587-v", "attack"), _a("01122487-v", "assault"), _a("01120867-v", "attack"),
                 _a("01095583-v", "war"), _a("01094777-v", "battle"), _a("01092746-v", "fight"),
                 _a("01126313-v", "strike"), _a("01136251-v", "fire"), _a("01134328-v", "bomb"),
                 _a("01128786-v", "invade"), _a("01137207-v", "shoot")),
    "disaster": (_a("07329438-n", "disaster"), _a("07315954-n", "accident"), _a("07329027-n", "mishap"),
                 _a("11454130-n", "catastrophe"), _a("07375728-n", "collapse"), _a("07349843-n", "ruin"),
                 _a("01563925-v", "collide"), _a("01565514-v", "collide"), _a("01976584-v", "crash"),
                 _a("01564843-v", "crash"), _a("01993887-v", "sink"), _a("01897306-v", "capsize"),
                 _a("02015717-v", "derail")),
    "meeting": (_a("01232427-n", "assembly", admits=True), _a("08327319-n", "get together", admits=True),
                _a("07429522-n", "meeting"), _a("07157274-n", "conference", admits=True),
                _a("07162900-n", "negotiation", admits=True), _a("07160216-n", "session", admits=True),
                _a("01268857-n", "negotiation"),
                _a("02492581-v", "meet"), _a("02026953-v", "meet"), _a("02433771-v", "assemble"),
                _a("02028354-v", "convene")),
    "social": (_a("07461861-n", "affair", admits=True), _a("07465442-n", "ceremony"),
               _a("01028839-n", "ceremony"), _a("00428985-n", "celebration")),
    "travel": (_a("00296527-n", "travel"), _a("01235721-n", "visit"), _a("01235407-n", "visit"),
               _a("01235249-n", "visit"), _a("01057284-n", "visit"), _a("00055641-n", "evacuation"),
               _a("01847631-v", "visit"), _a("02493222-v", "visit"), _a("02498679-v", "visit"),
               _a("01849662-v", "journey"), _a("01846997-v", "travel"), _a("01860436-v", "evacuate"),
               _a("02017876-v", "evacuate"), _a("02079709-v", "flee")),
    "transport": (_a("00103960-n", "launch"), _a("00302018-n", "flight"), _a("00303220-n", "flight"),
                  _a("00313379-n", "voyage"), _a("00313610-n", "voyage"), _a("00316812-n", "transport"),
                  _a("01517287-v", "launch"), _a("01518047-v", "launch"), _a("01944262-v", "fly"),
                  _a("01843346-v", "fly"), _a("01850262-v", "voyage"), _a("01454453-v", "fly")),
    "election": (_a("00183062-n", "vote"), _a("00184354-n", "vote"), _a("00182630-n", "election"),
                 _a("07488069-n", "political campaign"),
                 _a("02466737-v", "vote"), _a("02467624-v", "vote"), _a("02467809-v", "vote"),
                 _a("02468003-v", "vote"), _a("02405902-v", "elect")),
    "legal": (_a("01187304-n", "legal proceeding"), _a("01183965-n", "due process"),
              _a("00089545-n", "arrest"), _a("07252069-n", "indictment", admits=True),
              _a("02588127-v", "sue"), _a("00908320-v", "convict"), _a("00908688-v", "sentence"),
              _a("01217701-v", "apprehend"), _a("02506927-v", "try"), _a("02506551-v", "try"),
              _a("02526950-v", "indict"), _a("00905999-v", "acquit")),
    "agreement": (_a("06783066-n", "agreement", admits=True), _a("07189892-n", "agreement", admits=True),
                  _a("13994359-n", "armistice", admits=True), _a("01112179-n", "deal"),
                  _a("02415071-v", "sign"), _a("02470289-v", "sign"), _a("00890307-v", "contract")),
    "death": (_a("07370091-n", "death"), _a("11464213-n", "death"), _a("00219879-n", "killing"),
              _a("07376176-n", "killing"), _a("00220442-n", "death"), _a("07376317-n", "fatal accident"),
              _a("00359085-v", "die"), _a("01326622-v", "kill"), _a("01328218-v", "kill"),
              _a("01328456-v", "kill"), _a("02488014-v", "murder"), _a("02488856-v", "execute"),
              _a("02488589-v", "assassinate"), _a("02490159-v", "shoot")),
    "injury": (_a("07328236-n", "injury"), _a("07354849-n", "injury"), _a("00745741-n", "injury"),
               _a("00404604-n", "wounding"), _a("00069650-v", "injure")),
    "crime": (_a("00767761-n", "crime"), _a("00768966-n", "crime"),
              _a("02326737-v", "steal"), _a("02326371-v", "rob"), _a("01473673-v", "kidnap"),
              _a("01474455-v", "hijack")),
    "protest": (_a("01179523-n", "protest"), _a("01180193-n", "demonstration"), _a("01172992-n", "riot"),
                _a("07225213-n", "protest", admits=True), _a("07224885-n", "protest", admits=True),
                _a("02527076-v", "protest"), _a("02417777-v", "strike"), _a("02527482-v", "demonstrate"),
                _a("02470917-v", "boycott"), _a("02590746-v", "riot")),
    "sport": (_a("07470961-n", "contest"), _a("00457223-n", "game"), _a("01171451-n", "contest"),
              _a("01074673-v", "compete"), _a("01088514-v", "race")),
    "economy": (_a("01108713-n", "transaction"), _a("01240989-n", "merger"), _a("00078239-n", "acquisition"),
                _a("00079838-n", "purchase"), _a("01188887-n", "bankruptcy"), _a("00230681-n", "layoff"),
                _a("02211988-v", "buy"), _a("02247246-v", "sell"), _a("02249738-v", "sell"),
                _a("02279144-v", "buy out")),
    "office": (_a("00164600-n", "appointment"), _a("00217041-n", "dismissal"), _a("00240777-n", "inauguration"),
               _a("07268935-n", "resignation", admits=True),
               _a("02387509-v", "step down"), _a("02372031-v", "resign"), _a("02407967-v", "fire")),
    "announcement": (_a("06759293-n", "announcement", admits=True), _a("06738907-n", "announcement", admits=True),
                     _a("07217786-n", "statement", admits=True), _a("07253354-n", "address", admits=True),
                     _a("07210735-n", "interview", admits=True),
                     _a("00976399-v", "announce"), _a("00967903-v", "announce"), _a("00976205-v", "announce")),
    "natural": (_a("11445694-n", "atmospheric phenomenon"), _a("11437786-n", "geological phenomenon"),
                _a("07443554-n", "earthquake"), _a("07451075-n", "eruption"), _a("07449873-n", "outbreak"),
                _a("07419544-n", "slide"), _a("14560656-n", "drought", admits=True),
                _a("01892777-v", "quake"), _a("02766580-v", "erupt"), _a("00217578-v", "flood")),
    "fire": (_a("07317454-n", "fire"), _a("13502051-n", "fire"), _a("00379287-n", "ignition"),
             _a("00379335-v", "burn"), _a("00377673-v", "burn"), _a("00589500-v", "fire")),
    "explosion": (_a("07323181-n", "explosion"), _a("00378172-n", "explosion"),
                  _a("00307505-v", "explode"), _a("00306798-v", "explode")),
}
"""Coarse event type -> synsets whose hyponyms (and themselves) carry the type."""

NON_EVENT_SUBTREES: tuple[Anchor, ...] = (
    # noun.act: standing activities, not occurrences
    _a("00583425-n", "occupation"),       # kinds of job and profession (280 synsets)
    _a("00587299-n", "position"),         # posts and offices
    _a("00723312-n", "role"), _a("00723730-n", "position"),
    _a("00524569-n", "sport"),            # kinds of sport: football, tennis
    _a("00434156-n", "sport"),
    _a("00456623-n", "game"),             # kinds of game: poker, chess (a single game is re-admitted)
    _a("00431591-n", "game"),
    _a("00433629-n", "avocation"),        # hobbies
    _a("00432833-n", "child's play"),     # kinds of children's play: doctor, house
    _a("01096649-n", "commercial enterprise"),  # industries: tourism, banking, agriculture
    _a("00886144-n", "course of study"),
    _a("00827104-n", "martial art"),
    _a("00759083-n", "deadly sin"),       # vices: pride, envy
    _a("00039000-n", "course of action"), _a("00942956-n", "approach"),
    _a("01088869-n", "welfare"), _a("01089102-n", "social insurance"),
    # noun.phenomenon: physical quantities and forces
    _a("11472635-n", "energy"), _a("11472496-n", "energy"), _a("11479041-n", "force"), _a("11515441-n", "pressure"),
    _a("11477177-n", "field"), _a("11470244-n", "electricity"), _a("11473433-n", "power"),
    _a("11533251-n", "conduction"), _a("11510458-n", "opacity"), _a("11440945-n", "spectrum"),
    _a("11538432-n", "surface tension"), _a("11459786-n", "cloud"),
    _a("11430739-n", "consequence"),      # effects and results, named after the event
    _a("11438252-n", "luck"), _a("11438574-n", "luck"),
    # noun.event / noun.process
    _a("07342405-n", "factor"), _a("13482365-n", "demand"),
)
"""Subtrees of the event noun classes that name kinds of activity or quantities, not occurrences
(chosen by reading the largest subtrees of noun.act, noun.phenomenon and noun.process)."""


def sense_weight(rank: int) -> float:
    """Weight of the sense at 0-based ``rank`` in OEWN's frequency order."""
    return 1.0 / (rank + 1)


class Wordnet:
    """The synsets and entries of OEWN that the lexicon needs."""

    def __init__(self, synsets: dict[str, dict], entries: dict[str, dict]) -> None:
        self.synsets = synsets
        self.entries = entries

    @classmethod
    def read(cls, folder: Path) -> "Wordnet":
        """Read ``entries-*.yaml`` and the noun and verb synset files from ``folder``."""
        synsets: dict[str, dict] = {}
        for path in sorted(folder.glob("noun.*.yaml")) + sorted(folder.glob("verb.*.yaml")):
            lexfile = path.name[: -len(".yaml")]
            for synset_id, synset in (_load(path) or {}).items():
                synsets[synset_id] = {"lexfile": lexfile, "hypernym": tuple(synset.get("hypernym") or ()),
                                      "members": tuple(synset.get("members") or ())}
        entries: dict[str, dict] = {}
        for path in sorted(folder.glob("entries-*.yaml")):
            entries.update(_load(path) or {})
        if not synsets or not entries:
            raise SystemExit(f"{folder}: no OEWN entries-*.yaml or noun.*/verb.* files found")
        return cls(synsets, entries)

    def lexfile(self, synset_id: str) -> str:
        return self.synsets[synset_id]["lexfile"]

    @functools.cache
    def ancestors(self, synset_id: str) -> frozenset[str]:
        """The synset and all its hypernyms, along every path."""
        found = {synset_id}
        stack = [synset_id]
        while stack:
            for parent in self.synsets.get(stack.pop(), {}).get("hypernym", ()):
                if parent not in found and parent in self.synsets:
                    found.add(parent)
                    stack.append(parent)
        return frozenset(found)

    def nearest(self, synset_id: str, marked: Mapping[str, bool]) -> bool | None:
        """The mark of the nearest marked synset, breadth first from ``synset_id`` itself;
        ``None`` when none is marked. At equal distance ``True`` wins (an admitting anchor is
        the more specific statement)."""
        level, seen = [synset_id], {synset_id}
        while level:
            marks = [marked[s] for s in level if s in marked]
            if marks:
                return any(marks)
            following = []
            for s in level:
                for parent in self.synsets.get(s, {}).get("hypernym", ()):
                    if parent not in seen and parent in self.synsets:
                        seen.add(parent)
                        following.append(parent)
            level = sorted(following)
        return None


def _load(path: Path):
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LOADER)


def check_anchors(wordnet: Wordnet, anchors: Iterable[Anchor], allow_missing: bool) -> list[Anchor]:
    """The anchors present in ``wordnet``; a missing one is an error unless ``allow_missing``
    (a small test fixture), a renumbered one (its member gone) always is."""
    present, problems = [], []
    for anchor in anchors:
        synset = wordnet.synsets.get(anchor.synset)
        if synset is None:
            if not allow_missing:
                problems.append(f"anchor {anchor.synset} ({anchor.member}) is not in this OEWN")
            continue
        if anchor.member not in synset["members"]:
            problems.append(f"anchor {anchor.synset} should hold {anchor.member!r}, holds {list(synset['members'])}")
            continue
        present.append(anchor)
    if problems:
        raise SystemExit("anchors do not fit this OEWN:\n  " + "\n  ".join(problems))
    return present


@dataclass(eq=False)
class Classifier:
    """Decides, per synset, whether it names an event and which types it carries."""

    wordnet: Wordnet
    type_of_anchor: dict[str, list[str]]
    marks: dict[str, bool]

    @classmethod
    def build(cls, wordnet: Wordnet, allow_missing_anchors: bool = False) -> "Classifier":
        type_of_anchor: dict[str, list[str]] = defaultdict(list)
        marks: dict[str, bool] = {}
        for anchor in check_anchors(wordnet, NON_EVENT_SUBTREES, allow_missing_anchors):
            marks[anchor.synset] = False
        for event_type, anchors in sorted(TYPE_ANCHORS.items()):
            for anchor in check_anchors(wordnet, anchors, allow_missing_anchors):
                type_of_anchor[anchor.synset].append(event_type)
                if anchor.admits:
                    marks[anchor.synset] = True
        return cls(wordnet, dict(type_of_anchor), marks)

    @functools.cache
    def noun_is_event(self, synset_id: str) -> bool:
        mark = self.wordnet.nearest(synset_id, self.marks)
        if mark is not None:
            return mark
        return self.wordnet.lexfile(synset_id) in EVENT_NOUN_CLASSES

    @functools.cache
    def types(self, synset_id: str) -> tuple[str, ...]:
        found = {t for s in self.wordnet.ancestors(synset_id) for t in self.type_of_anchor.get(s, ())}
        return tuple(sorted(found))


def merged_senses(entries: Mapping[str, dict], pos: str) -> dict[str, list[str]]:
    """Lower-cased lemma -> its synsets of part of speech ``pos`` in frequency order. Case
    variants merge (text is matched case-insensitively): the lower-case entry's senses first,
    then the others' by their spelling."""
    spellings: dict[str, list[str]] = defaultdict(list)
    for lemma, by_pos in entries.items():
        if isinstance(by_pos, dict) and pos in by_pos:
            spellings[str(lemma).lower()].append(str(lemma))
    merged: dict[str, list[str]] = {}
    for lower, variants in spellings.items():
        synsets: list[str] = []
        for spelling in sorted(variants, key=lambda v: (v != lower, v)):
            for sense in entries[spelling][pos].get("sense") or ():
                if sense["synset"] not in synsets:
                    synsets.append(sense["synset"])
        merged[lower] = synsets
    return merged


def _ordered_types(weighted: Mapping[str, float]) -> list[str]:
    return [t for t, _ in sorted(weighted.items(), key=lambda item: (-item[1], item[0]))]


def _distinct(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _entries(wordnet: Wordnet, classifier: Classifier, pos: str, counts, only_counted: bool) -> dict[str, dict]:
    """Lemma -> record for the lemmas of one part of speech. ``counts(synset)`` says whether a
    sense counts towards ``event_share``; with ``only_counted`` the classes and types come from
    those senses alone and a lemma with none is left out, else from every sense."""
    table: dict[str, dict] = {}
    for lemma, synsets in merged_senses(wordnet.entries, pos).items():
        synsets = [s for s in synsets if s in wordnet.synsets]
        if not synsets:
            continue
        total = counted = 0.0
        classes: list[str] = []
        type_weight: dict[str, float] = defaultdict(float)
        for rank, synset in enumerate(synsets):
            weight = sense_weight(rank)
            total += weight
            event = counts(synset)
            if event:
                counted += weight
            if event or not only_counted:
                classes.append(wordnet.lexfile(synset))
                for event_type in classifier.types(synset):
                    type_weight[event_type] += weight
        if not classes:
            continue
        record = {"classes": _distinct(classes), "event_share": round(counted / total, 2),
                  "first_sense": wordnet.lexfile(synsets[0])}
        if type_weight:
            record["types"] = _ordered_types(type_weight)
        table[lemma] = record
    return table


def noun_entries(wordnet: Wordnet, classifier: Classifier) -> dict[str, dict]:
    """Lemma -> record, for the nouns with at least one event sense."""
    return _entries(wordnet, classifier, "n", classifier.noun_is_event, only_counted=True)


def verb_entries(wordnet: Wordnet, classifier: Classifier) -> dict[str, dict]:
    """Lemma -> record, for every verb (all verb senses are events or states; the states and
    mental events of ``CAUTIOUS_VERB_CLASSES`` do not count towards the share)."""
    return _entries(wordnet, classifier, "v", lambda synset: wordnet.lexfile(synset) not in CAUTIOUS_VERB_CLASSES,
                    only_counted=False)


COLUMN_SEPARATOR = " | "


def short_class(lexfile: str) -> str:
    """``noun.act`` -> ``act``: the section already says noun or verb."""
    return lexfile.split(".", 1)[1]


def render_row(lemma: str, record: Mapping) -> str:
    """One lemma as one line: ``lemma | classes | event_share | first_sense | types``."""
    if "|" in lemma or not lemma.isprintable() or lemma != lemma.strip():
        raise ValueError(f"lemma {lemma!r} cannot be written as a row")
    columns = [lemma, " ".join(short_class(c) for c in record["classes"]), f"{record['event_share']:.2f}",
               short_class(record["first_sense"])]
    if record.get("types"):
        columns.append(" ".join(record["types"]))
    return COLUMN_SEPARATOR.join(columns)


def oewn_version(folder: Path) -> str:
    """The OEWN commit named in the README beside the YAML folder, or ``unknown``."""
    for readme in (folder / "README.md", folder.parent / "README.md"):
        if readme.is_file():
            found = re.search(r"\b[0-9a-f]{40}\b", readme.read_text(encoding="utf-8"))
            if found:
                return found.group(0)
    return "unknown"


def header(version: str, nouns: int, verbs: int) -> str:
    """The comment block that opens the file: origin, attribution and layout."""
    return f"""\
# Event lexicon generated by tools/build_event_lexicon.py from Open English WordNet (OEWN),
# commit {version}.
# Do not edit by hand: change the tables in the generator (or, for a word WordNet gets wrong
# for news, rules/lexicons/event_overrides.yaml) and run
#   python tools/build_event_lexicon.py --oewn ../shared/corpora/oewn/yaml
# Attribution: derived from Princeton WordNet (WordNet License, Princeton University) and from
# Open English WordNet by the Open English WordNet team (CC BY 4.0,
# https://creativecommons.org/licenses/by/4.0/). Changes: reduced to the table below.
#
# Layout: one line per lemma (a literal block per part of speech, so loading parses two YAML
# scalars rather than a node per cell), columns separated by " | ":
#   lemma | classes | event_share | first_sense | types
# lemma: lower case, multiword lemmas with spaces; lines sorted.
# nouns ({nouns}): lemmas with at least one event sense. verbs ({verbs}): every verb lemma.
# classes: lexicographer classes (noun.act is written act, verb.motion motion) of the event
#   senses, for verbs of all senses, in order of the lemma's most frequent sense. Noun event
#   senses: noun.event, noun.act, noun.phenomenon, noun.process, less subtrees that name no
#   occurrence (kinds of job, sport, game, industry; physical quantities and forces), plus
#   meetings, agreements, announcements, truces and the like filed under noun.group,
#   noun.communication or noun.state.
# event_share: weighted share of event senses, sense i (0-based, frequency order) weighing
#   1/(i+1); for verbs, of senses outside stative, perception, cognition and emotion. Below 1:
#   the lemma has other readings too, so decide by context.
# first_sense: class of the most frequent sense, event or not.
# types: coarse event types from hypernym anchors, heaviest first, space-separated; the column
#   is left out when there is none. Types: {", ".join(sorted(TYPE_ANCHORS))}.
"""


def render(nouns: Mapping[str, dict], verbs: Mapping[str, dict], version: str) -> str:
    """The whole lexicon file, deterministic: lemmas sorted, fixed layout."""
    lines = [header(version, len(nouns), len(verbs)).rstrip("\n"), "nouns: |"]
    lines += ["  " + render_row(lemma, nouns[lemma]) for lemma in sorted(nouns)]
    lines.append("verbs: |")
    lines += ["  " + render_row(lemma, verbs[lemma]) for lemma in sorted(verbs)]
    return "\n".join(lines) + "\n"


def build(oewn: Path, allow_missing_anchors: bool = False) -> str:
    """The lexicon text for the OEWN YAML folder ``oewn``."""
    wordnet = Wordnet.read(oewn)
    classifier = Classifier.build(wordnet, allow_missing_anchors)
    return render(noun_entries(wordnet, classifier), verb_entries(wordnet, classifier), oewn_version(oewn))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--oewn", type=Path, required=True, help="OEWN YAML folder (entries-*.yaml, noun.*.yaml, ...)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent
                        / "rules" / "lexicons" / "wordnet_events.yaml")
    parser.add_argument("--allow-missing-anchors", action="store_true",
                        help="skip anchors absent from the input (for small test fixtures)")
    args = parser.parse_args(argv)
    text = build(args.oewn, args.allow_missing_anchors)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(text.encode("utf-8"))
    print(f"wrote {args.out} ({len(text.encode('utf-8'))} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
