"""Event mentions and their dates against MEANTIME's gold annotation.

    python benchmarks/meantime_events.py [--corpus ../shared/corpora/meantime-en] [--errors N]

MEANTIME (CC BY 4.0, FBK / VU Amsterdam / UPV-EHU; Wikinews texts) marks every EVENT_MENTION in
120 news articles and links mentions to cross-document event instances, many of which carry a
gold time anchor. For each article this script rebuilds the text from its tokens (the title as the
first line, one paragraph per sentence, the creation time as the publication date), runs the
checker's own reading of it, and prints:

- event mentions: precision and recall of the event words the checker finds against the gold
  EVENT_MENTIONs (a found word counts when it overlaps a gold mention), overall and by the gold
  mention's part of speech;
- dates: of the gold mentions whose instance has a day, month or year as its time anchor, how many
  the checker dates at all (an event-date claim whose event word overlaps the mention), and how
  many of those dates equal the anchor at the anchor's precision.

The corpus stays where it is; nothing is copied into the project. Figures are the "before" and
"after" of the reading layer's changes.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", "%", ")", "]", "'s", "n't", "'", "’s", "''"}
_NO_SPACE_AFTER = {"(", "[", "$", "``", "£", "€"}
_ANCHOR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    words: str
    pos: str
    anchor: str | None


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    published: str | None
    mentions: tuple[GoldMention, ...]


def _instances(corpus: Path) -> dict[str, str]:
    """Cross-document instance id -> time anchor (when it is a plain date)."""
    out = {}
    with (corpus / "list_instances.csv").open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if not row or row[0].startswith("#") or len(row) < 8:
                continue
            time = row[7].strip()
            if _ANCHOR.match(time):
                out[row[0]] = time
    return out


def read_document(path: Path, anchors: dict[str, str]) -> Document:
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    sentence = None
    pos = 0
    previous = ""
    for token in root.iter("token"):
        word = token.text or ""
        if token.get("sentence") != sentence:
            if sentence is not None:
                sep = "\n" if sentence == "0" else "\n\n"
                pieces.append(sep)
                pos += len(sep)
            sentence = token.get("sentence")
        elif word not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER:
            pieces.append(" ")
            pos += 1
        spans[token.get("t_id")] = (pos, pos + len(word))
        pieces.append(word)
        pos += len(word)
        previous = word
    text = "".join(pieces) + "\n"
    markables = root.find("Markables")
    published = None
    for timex in markables.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME" and _ANCHOR.match(timex.get("value", "")[:10]):
            published = timex.get("value")[:10]
    # REFERS_TO links a mention (source) to a document-level EVENT markable (target), which
    # names the cross-document instance
    instance_of = {e.get("m_id"): e.get("instance_id") for e in markables.iter("EVENT") if e.get("instance_id")}
    refers: dict[str, str] = {}
    relations = root.find("Relations")
    if relations is not None:
        for rel in relations.iter("REFERS_TO"):
            target = rel.find("target")
            instance = instance_of.get(target.get("m_id")) if target is not None else None
            for source in rel.iter("source"):
                if instance:
                    refers[source.get("m_id")] = instance
    mentions = []
    for event in markables.iter("EVENT_MENTION"):
        ids = [a.get("t_id") for a in event.iter("token_anchor")]
        if not ids:
            continue
        start, end = min(spans[i][0] for i in ids), max(spans[i][1] for i in ids)
        instance = refers.get(event.get("m_id"))
        mentions.append(GoldMention(start, end, text[start:end], event.get("pos", ""),
                                    anchors.get(instance) if instance else None))
    return Document(path.stem, text, published, tuple(sorted(mentions, key=lambda m: m.start)))


def checker_reading(doc: Document):
    """The checker's event words (spans in the text: the listed ones, else the open vocabulary's,
    as the event extractor reads them) and its event-date claims (event word span -> value),
    through the pipeline's current reading layer."""
    from discrepancy.extract import extract_all
    from discrepancy.extract.context import build_context
    from discrepancy.extract.event_words import event_words
    from discrepancy.ingest import parse_article

    front = f"---\npublished: {doc.published}\n---\n" if doc.published else "---\n---\n"
    raw = front + doc.text
    article = parse_article(f"{doc.name}.md", raw)
    shift = len(front)
    anchored, ctx = build_context(article)
    words = []
    for sentence in ctx.sentences:
        busy = tuple((t.start, t.end) for t in ctx.timexes_in(sentence.start, sentence.end))
        for trig in event_words(ctx, sentence, busy):
            a, b = article.raw_span(trig.start, trig.end)
            words.append((a - shift, b - shift))
    _, claims, _ = extract_all([article])
    dated = []
    for claim in claims:
        if claim.kind != "event_date":
            continue
        attrs = dict(claim.attrs)
        if "trigger_at" in attrs:
            at = int(attrs["trigger_at"]) - shift
            dated.append((at, at + len(attrs.get("trigger", "x")), attrs.get("first", claim.value)))
    return words, dated


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "meantime-en")
    parser.add_argument("--errors", type=int, default=0, help="print this many missed and spurious words")
    args = parser.parse_args()
    folder = args.corpus / "intra_cross-doc_annotation"
    if not folder.is_dir():
        print(f"meantime_events: no MEANTIME corpus at {args.corpus}", file=sys.stderr)
        return 2
    anchors = _instances(args.corpus)
    found = gold_hit = spurious = 0
    gold_total = 0
    by_pos: Counter = Counter()
    by_pos_hit: Counter = Counter()
    with_anchor = dated = dated_right = 0
    missed_words: Counter = Counter()
    spurious_words: Counter = Counter()
    for path in sorted(folder.glob("*/*.xml")):
        doc = read_document(path, anchors)
        words, dates = checker_reading(doc)
        gold_spans = [(m.start, m.end) for m in doc.mentions]
        for w in words:
            found += 1
            if not any(_overlaps(w, g) for g in gold_spans):
                spurious += 1
                spurious_words[doc.text[w[0]:w[1]].lower()] += 1
        for m in doc.mentions:
            gold_total += 1
            by_pos[m.pos] += 1
            if any(_overlaps((m.start, m.end), w) for w in words):
                gold_hit += 1
                by_pos_hit[m.pos] += 1
            else:
                missed_words[m.words.lower()] += 1
            if m.anchor:
                with_anchor += 1
                values = [v for s, e, v in dates if _overlaps((s, e), (m.start, m.end))]
                if values:
                    dated += 1
                    if values[0][:len(m.anchor)] == m.anchor and len(values[0]) >= len(m.anchor):
                        dated_right += 1
    precision = (found - spurious) / found if found else 0.0
    recall = gold_hit / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"event mentions: gold {gold_total}, found {found}: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}")
    for pos in sorted(by_pos):
        print(f"  gold {pos or '?':<6} {by_pos[pos]:>5}  recall {by_pos_hit[pos] / by_pos[pos]:.3f}")
    share = dated / with_anchor if with_anchor else 0.0
    right = dated_right / dated if dated else 0.0
    print(f"dates: {with_anchor} gold mentions with a time anchor; the checker dates {dated} ({share:.3f}); "
          f"{dated_right} equal the anchor ({right:.3f} of those dated, {dated_right / max(with_anchor, 1):.3f} of all)")
    if args.errors:
        print("most often missed:", json.dumps(missed_words.most_common(args.errors)))
        print("most often spurious:", json.dumps(spurious_words.most_common(args.errors)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
