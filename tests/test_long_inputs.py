"""Long and repetitive articles: the indexed, one-pass ways of reading them give what reading
everything again for each date, figure or name gave (those plain ways are kept here as the
reference). Speed itself is shown by benchmarks/input_scaling.py, not asserted here."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from discrepancy.align import _UnionFind, _unite_alike
from discrepancy.extract import event_words, events
from discrepancy.extract.context import build_context
from discrepancy.extract.event_words import (_ALREADY_DATED, _EVENT_NAME, _REFERENCE_POINT, SpanIndex,
                                             TriggerPicker, _text_before, event_name_matches, events_yaml,
                                             triggers_in)
from discrepancy.extract.events import _clause_index
from discrepancy.ingest import parse_article
from discrepancy.pipeline import check_texts
from discrepancy.text import MAX_SENTENCE_CHARS, _abbreviations, sentences


# --- the plain ways, as they were -----------------------------------------------------------

def plain_sentences(text: str) -> list[tuple[int, int, int]]:
    """The splitter reading back from each full stop over the whole sentence so far."""
    abbreviations = _abbreviations()
    out = []
    pos = 0
    for number, para in enumerate(text.split("\n\n")):
        start = pos
        cursor = start
        for m in re.finditer(r"([.!?…]+[\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9])", para):
            cut = start + m.end(1)
            word = re.search(r"(\S+)$", text[cursor:start + m.start(1) + 1])
            token = word.group(1).casefold() if word else ""
            if token in abbreviations or re.fullmatch(r"(?:[a-z]\.)+|[a-z]\.?", token) \
                    or re.fullmatch(r"\(?(?:no|nos|p|pp|vol|art)\.", token):
                continue
            out.append((cursor, cut, number))
            cursor = start + m.end()
        if cursor < start + len(para):
            out.append((cursor, start + len(para), number))
        pos = start + len(para) + 2
    return [s for s in out if text[s[0]:s[1]].strip()]


def plain_pick_trigger(triggers, clauses, index, t):
    """Which event a date belongs to, every event word of the sentence looked at for each date."""
    start_cues = events_yaml()["parts"]["start"]

    def plain(cands):
        cands = [c for c in cands if not _ALREADY_DATED.search(_text_before(clauses, c)[-25:])]
        return [c for c in cands if not start_cues.fullmatch(c.word)] or cands

    clause = clauses[index]
    own = plain([tr for tr in triggers if clause.start <= tr.start < clause.end
                 and not (tr.start > t.start and _REFERENCE_POINT.search(_text_before(clauses, tr)))])
    before = [tr for tr in own if tr.end <= t.start]
    after = [tr for tr in own if tr.start >= t.end and tr.start - t.end <= 60]
    if before and t.start - before[-1].end <= 120:
        return max(before, key=lambda tr: tr.end)
    if after:
        return min(after, key=lambda tr: tr.start)
    for j in range(index - 1, -1, -1):
        earlier = plain([tr for tr in triggers if clauses[j].start <= tr.start < clauses[j].end])
        if earlier:
            return max(earlier, key=lambda tr: tr.end)
    if before:
        return max(before, key=lambda tr: tr.end)
    if index + 1 < len(clauses) and re.match(r"\s*(?:when|as|after)\b", clauses[index + 1].text, re.I):
        later = [tr for tr in triggers if clauses[index + 1].start <= tr.start < clauses[index + 1].end]
        if later:
            return min(later, key=lambda tr: tr.start)
    return None


# --- texts written for these tests ------------------------------------------------------------

PIECES = ["The", "strike", "began", "on", "Monday", "3 March 2026", "in", "Northfield", "Mr.", "Dr.", "U.S.",
          "No. 4", "after", "the", "flood", ",", ".", "!!!", "...", "?", "\"", "(", ")", "—", "and", "14",
          "people", "were", "hurt", "Port Alder", "NATO", "Summit", "2025", "first-ever", "fire", "which",
          "said", "ended", "by", "Friday", "\n\n", "it", "lasted", "three days", "a.m.", "e.g.", "launch"]


def texts(max_pieces: int = 80):
    return st.lists(st.sampled_from(PIECES), max_size=max_pieces).map(
        lambda words: " ".join(words).replace(" \n\n ", "\n\n"))


# --- sentences ----------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(texts())
def test_sentence_splitter_gives_the_sentences_the_plain_splitter_gave(text):
    assert [(s.start, s.end, s.paragraph) for s in sentences(text)] == plain_sentences(text)


def test_a_run_of_punctuation_still_ends_a_sentence_where_it_did():
    text = "The vote was close" + "!" * 5000 + " The count ended. Then?!?!?!?! " * 3 + "Mr. Berg left."
    assert [(s.start, s.end, s.paragraph) for s in sentences(text)] == plain_sentences(text)


def test_a_sentence_longer_than_the_limit_is_cut_at_spaces_into_pieces_that_cover_it():
    words = "the ferry service between the two islands was suspended again on Monday and "
    text = words * (3 * MAX_SENTENCE_CHARS // len(words))
    found = sentences(text)
    assert len(found) >= 3
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in found)
    assert "".join(s.text for s in found) == text
    assert all(text[s.end - 1] == " " for s in found[:-1])  # cut after a space, not inside a word


def test_a_sentence_with_no_space_is_cut_at_the_limit():
    text = "x" * (2 * MAX_SENTENCE_CHARS + 5)
    assert [len(s.text) for s in sentences(text)] == [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 5]


# --- event names ------------------------------------------------------------------------------

NAME_PIECES = ["A", "Aras", "NATO", "ETLEX", "ABC-12", "x", "2025", "1999", " ", " ", "-", " - ", "–", "Bb",
               "CC", "DDD", "_", "Q9", "'", ",", "\n", "20255", "Ée"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=14).map("".join))
def test_event_name_scan_finds_what_the_pattern_finds(text):
    def spans(ms):
        return [(m.start(), m.end(), m.group(0), m.group(1), m.group(2), m.group(3)) for m in ms]
    assert spans(event_name_matches(text)) == spans(_EVENT_NAME.finditer(text))


def test_a_long_capitalised_run_is_walked_once_not_matched_from_each_word(monkeypatch):
    calls = []
    real = _EVENT_NAME

    class Counting:
        def match(self, text, pos=0):
            calls.append(pos)
            return real.match(text, pos)
    monkeypatch.setattr(event_words, "_EVENT_NAME", Counting())
    run = " ".join(["Northfield", "Harbour", "Council", "Ferry", "Board"] * 400)
    assert list(event_name_matches(run)) == []
    assert calls == []  # no year after the run: the full pattern is never tried
    dated = run + " 2025"
    found = list(event_name_matches(dated))
    assert len(found) == 1 and found[0].group(2) == "2025" and calls == [0]


# --- lookups by bisection -------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=12),
       st.integers(-2, 75), st.integers(0, 12))
def test_span_index_answers_as_a_look_at_every_span_does(raw, start, width):
    spans = [(s, s + w) for s, w in raw]
    index = SpanIndex(spans)
    end = start + width
    assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans)
    assert index.holds(start) == any(s <= start < e for s, e in spans)


ARTICLE = ("On Monday, 2 March 2026, the port authority closed the harbour after a fire that started on "
           "Sunday. The strike, which began on 3 March and ended on Friday, was the first since 2019. "
           "Officials said on Tuesday that 14 people were hurt in the blaze, which broke out near Pier 4. "
           "Police in Northfield arrested 12 men after the protest on 5 March, and the trial will begin "
           "on 9 April. It was the first-ever strike at the port, according to Anna Berg.\n\n") * 6


def _context(text: str, published: str = "2026-03-10"):
    article = parse_article("a.md", f"---\npublished: {published}\n---\n{text}")
    return build_context(article)[1]


def test_sentence_and_date_lookups_give_what_a_scan_gives():
    ctx = _context(ARTICLE)
    for offset in range(0, len(ctx.article.text), 7):
        assert ctx.sentence_at(offset) == next((s for s in ctx.sentences if s.start <= offset < s.end), None)
    for s in ctx.sentences:
        assert ctx.timexes_in(s.start, s.end) == [t for t in ctx.timexes if t.start >= s.start and t.end <= s.end]


def test_each_date_gets_the_event_the_plain_way_picked():
    ctx = _context(ARTICLE)
    picked = 0
    for sentence in ctx.sentences:
        clauses = ctx.clauses(sentence)
        dates = ctx.timexes_in(sentence.start, sentence.end)
        triggers = triggers_in(sentence.text, sentence.start, tuple((t.start, t.end) for t in dates))
        picker = TriggerPicker(triggers, clauses)
        for t in dates:
            index = _clause_index(clauses, t.start)
            assert picker.pick(index, t) == plain_pick_trigger(triggers, clauses, index, t)
            picked += picker.pick(index, t) is not None
    assert picked > 10


# --- alignment --------------------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 6), max_size=25), st.sets(st.tuples(st.integers(0, 6), st.integers(0, 6))))
def test_uniting_one_item_of_each_kind_groups_as_comparing_every_pair_does(keys, related_keys):
    def related(i, j):
        a, b = keys[i], keys[j]
        return a == b or (a, b) in related_keys or (b, a) in related_keys
    fast, slow = _UnionFind(len(keys)), _UnionFind(len(keys))
    _unite_alike(fast, keys, related)
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            if related(i, j):
                slow.union(i, j)
    assert fast.groups() == slow.groups()


# --- whole articles of pathological shapes -------------------------------------------------------------

SHAPES = {
    "dates": "2026 4 June 2026 " * 300,
    "numbers": " ".join(str((i * 7919) % 100000) for i in range(1500)),
    "capitals": " ".join(["Anna", "Berg", "Northfield", "Council", "March", "Monday", "Port", "Alder"] * 250),
    "punctuation": ("?!.;—(\"" * 40 + " Then 7. ") * 40,
    "no stops": " and ".join(["the council voted on Tuesday 3 March 2026 to close 14 schools in Northfield"] * 60),
    "short sentences": "Fire. Rain fell. Mr. Berg won. It was Monday. " * 200,
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_pathological_articles_are_checked_and_keep_their_quotes_within_a_sentence(rules, shape):
    result = check_texts({"a.txt": SHAPES[shape]}, rules)
    assert result.articles and not result.skipped
    for finding in result.findings:
        for claim in finding.claims:
            assert len(claim.quote) <= MAX_SENTENCE_CHARS


def test_a_run_of_dates_is_tagged_date_by_date():
    ctx = _context(SHAPES["dates"])
    # each "2026 4 June 2026" is a year and a day-precise date
    days = [t for t in ctx.timexes if t.calendar == "2026-06-04"]
    assert len(days) == 300


# --- rules ----------------------------------------------------------------------------------------

def plain_disputing(claims, clash):
    """The claims in a disagreement between articles, every pair of claims compared."""
    confused = {a.source for i, a in enumerate(claims) for b in claims[i + 1:]
                if a.source == b.source and clash(a, b)}
    usable = [c for c in claims if c.source not in confused]
    return tuple(a for a in usable if any(b.source != a.source and clash(a, b) for b in usable))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a.md", "b.md", "c.md"]),
                          st.sampled_from(["2026-03", "2026-03-02", "2026-03-03", "2026-03-02/2026-03-04", "2026-04"])),
                max_size=14))
def test_rules_comparing_one_claim_of_each_kind_find_the_same_dispute(items):
    from discrepancy.engine.checks.dates import _compatible, disputing
    from discrepancy.models import Claim

    claims = tuple(Claim(source=s, role="source", kind="event_date", subject="start of the strike", key="strike",
                         value=v, quote="", line=1, start=n, end=n + 1, derivation="")
                   for n, (s, v) in enumerate(items))

    def clash(a, b):
        return not _compatible(a.value, b.value)
    assert disputing(claims, clash, key=lambda c: c.value) == plain_disputing(claims, clash)
    assert disputing(claims, clash) == plain_disputing(claims, clash)


def test_a_run_of_capitals_longer_than_a_name_is_not_a_name():
    from tests.test_extract import claims_of
    found, _ = claims_of("Anna Berg Omar Haddad " * 30 + "met in Northfield.", name="a.txt", kind="name")
    assert [c.value for c in found] == ["Northfield"]  # the run of 120 capitalised words is no name
    found, _ = claims_of("Talks in Northfield with " + "Ab-" * 40 + "Cd ended.", name="a.txt", kind="name")
    assert all(len(c.value) <= 60 for c in found)
    found, _ = claims_of("Anna Berg met Omar Haddad in Northfield.", name="a.txt", kind="name")
    assert {c.value for c in found} == {"Anna Berg", "Omar Haddad", "Northfield"}


def plain_origin_of_event(ctx, sentence, clause, cue_words, triggers):
    """Whether what began is an occurrence of an event, the scope read again for each clause."""
    text = ctx.article.text
    scope = clause.text
    if re.match(r"\s*(?:which|that|who)\b", clause.text, re.I):
        scope = text[sentence.start:clause.end]
    words = re.findall(r"[\w'’-]+", scope)
    if any((event_words.class_of(w) and w.casefold() not in cue_words)
           or events._history_lexicon()["occurrence"].fullmatch(w) for w in words):
        return True
    scope_start = sentence.start + sentence.text.find(scope)
    return any(" " in tr.word or tr.word[:1].isupper() for tr in triggers
               if scope_start <= tr.start < clause.end and tr.word.casefold() not in cue_words)


ORIGINS = ("The fourth Corvale Boat Show, first staged in 2011, opened on Monday. "
           "Construction started in 2017, which started in 2016 too; the Harbour Fair started in 2015. "
           "The regatta, which started in 2013 and which was first staged at Kelmar, returns; "
           "it started in 2020, which was launched in 2018. ") * 3


def test_origin_of_an_event_is_found_as_reading_each_clause_found_it():
    ctx = _context(ORIGINS)
    checked = 0
    for sentence in ctx.sentences:
        triggers = triggers_in(sentence.text, sentence.start)
        for clause in ctx.clauses(sentence):
            for cues in (frozenset({"started", "in"}), frozenset({"first", "staged", "in"}), frozenset()):
                assert events._origin_of_event(ctx, sentence, clause, cues, triggers) == \
                    plain_origin_of_event(ctx, sentence, clause, cues, triggers)
                checked += 1
    assert checked > 30


# --- names: an article's own spellings are compared only as bridges ----------------------

def _name_claim(source: str, value: str, n: int):
    from discrepancy.models import Claim

    return Claim(source=source, role="source", kind="name", subject=f"the name {value}", key=value, value=value,
                 quote=value, line=1, start=n, end=n + len(value), derivation="test")


def plain_name_groups(claims):
    """Every pair of spellings in a blocking bucket compared, as before."""
    from collections import defaultdict

    from discrepancy.names import blocking_keys, compare

    spellings = sorted({c.value for c in claims})
    index = {s: i for i, s in enumerate(spellings)}
    uf = _UnionFind(len(spellings))
    buckets = defaultdict(list)
    for s in spellings:
        for key in blocking_keys(s):
            buckets[key].append(s)
    for bucket in buckets.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                if (len(a.split()) == 1) == (len(b.split()) == 1) and compare(a, b).same:
                    uf.union(index[a], index[b])
    by_source = defaultdict(set)
    for c in claims:
        by_source[c.source].add(c.value)
    for names in by_source.values():
        for short in (n for n in names if len(n.split()) == 1):
            fulls = [f for f in names if len(f.split()) > 1 and f.split()[-1].casefold() == short.casefold()]
            if len(fulls) == 1:
                uf.union(index[short], index[fulls[0]])
    out = set()
    for idx in uf.groups():
        names = frozenset(spellings[i] for i in idx)
        sources = {c.source for c in claims if c.value in names}
        if len(names) >= 2 and len(sources) >= 2:
            out.add(names)
    return out


SPELLINGS = ["Anna Berg", "Ana Berg", "Anna Bergh", "Berg", "Omar Haddad", "Umar Hadad", "Omar Hadad",
             "Haddad", "Jaan Tamm", "Jan Tam", "Vali Madani", "Veli Medeni", "Valiollah Madani", "Madani"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a.txt", "b.txt", "c.txt"]), st.sampled_from(SPELLINGS)),
                min_size=1, max_size=25))
def test_name_groups_are_those_of_comparing_every_pair(mentions):
    from discrepancy.align import _ClaimIndex, _name_groups

    claims = [_name_claim(source, value, n) for n, (source, value) in enumerate(mentions)]
    groups = {frozenset(c.value for c in g.claims) for g in _name_groups(_ClaimIndex(claims))}
    assert groups == plain_name_groups(claims)


def test_one_article_names_are_not_compared_among_themselves(monkeypatch):
    from discrepancy import align

    calls = []
    monkeypatch.setattr(align, "compare", lambda a, b: calls.append((a, b)) or pytest.fail("compared"))
    claims = [_name_claim("a.txt", v, n) for n, v in enumerate(SPELLINGS)]
    assert align._name_groups(align._ClaimIndex(claims)) == [] and not calls


def test_the_words_of_a_clause_are_read_once_however_many_weekdays_it_holds(monkeypatch):
    # an undated article: every weekday is claimed as written, and each one looks for the verb
    # it modifies and for words that would take it; the clause's words are read once for all
    seen: list[str] = []
    real = events._past_verb_lemma.__wrapped__

    def counting(word):
        seen.append(word)
        return real(word)
    monkeypatch.setattr(events, "_past_verb_lemma", counting)
    days = " and ".join(["Monday", "Tuesday", "Friday"] * 60)
    text = f"A tug towed Ray Dunne's yacht to Kelmar on {days}."
    article = parse_article("a.txt", text)
    claims = events.extract(build_context(article)[1])
    assert any(c.kind == "event_weekday" for c in claims)
    assert len(seen) <= len(text.split())
