#!/usr/bin/env python3
"""Evaluate a spaCy pipeline on GOLD tokens and gold sentence boundaries of a CoNLL-U file,
and answer the checker's structural questions (NUM heads, date attachments, verb arguments).

Usage: python goldtok_eval.py MODEL_DIR GOLD.conllu [--json out.json]
"""
import json
import re
import sys
import time
from collections import Counter

import conllu
import spacy
from spacy.tokens import Doc

MONTHS = {m.lower() for m in ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
          "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]}
WEEKDAYS = {d.lower() for d in ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"]}
TIME_NOUNS = {"today", "yesterday", "tomorrow", "tonight", "day", "days", "week", "weekend", "month",
              "year", "decade", "century", "morning", "afternoon", "evening", "night", "hour", "minute",
              "spring", "summer", "autumn", "fall", "winter", "season", "time", "date", "period",
              "noon", "midnight", "semester", "quarter", "era", "moment", "ago", "now", "then"}
YEAR_RE = re.compile(r"^(1[5-9]\d\d|20\d\d|'\d\d|\d\d?/\d\d?(/\d\d(\d\d)?)?|\d{4}s)$")


def date_like(tok):
    low = tok["form"].lower()
    lem = (tok["lemma"] or "").lower()
    return (low in MONTHS or lem in MONTHS or low in WEEKDAYS or lem in WEEKDAYS
            or lem in TIME_NOUNS or bool(YEAR_RE.match(tok["form"])))


def base(rel):
    return rel.split(":")[0]


def main():
    model, gold_path = sys.argv[1], sys.argv[2]
    t0 = time.perf_counter()
    nlp = spacy.load(model)
    load_s = time.perf_counter() - t0
    sents = conllu.parse(open(gold_path, encoding="utf-8").read())
    gold, docs = [], []
    for s in sents:
        toks = [t for t in s if isinstance(t["id"], int)]
        words = [t["form"] for t in toks]
        spaces = [not (t["misc"] and t["misc"].get("SpaceAfter") == "No") for t in toks]
        sent_starts = [True] + [False] * (len(words) - 1)
        docs.append(Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=sent_starts))
        gold.append(toks)
    t0 = time.perf_counter()
    docs = list(nlp.pipe(docs, batch_size=256))
    parse_s = time.perf_counter() - t0
    c = Counter()
    per_rel = Counter()
    for toks, doc in zip(gold, docs):
        assert len(toks) == len(doc)
        for g, p in zip(toks, doc):
            c["tok"] += 1
            c["upos"] += g["upos"] == p.pos_
            c["xpos"] += g["xpos"] == p.tag_
            c["lemma"] += g["lemma"] == p.lemma_
            ghead = g["head"] - 1  # -1 for root
            phead = -1 if p.dep_ == "ROOT" else p.head.i
            grel = "root" if g["deprel"] == "root" else g["deprel"]
            prel = "root" if p.dep_ == "ROOT" else p.dep_
            head_ok = ghead == phead
            las_ok = head_ok and grel == prel
            if grel != "punct":
                c["dep"] += 1
                c["uas"] += head_ok
                c["las"] += las_ok
                c["las_base"] += head_ok and base(grel) == base(prel)
            # (a) NUM tokens
            if g["upos"] == "NUM":
                c["num"] += 1
                c["num_head"] += head_ok
                c["num_las"] += las_ok
                if grel == "nummod":
                    c["nummod"] += 1
                    c["nummod_head"] += head_ok
                    c["nummod_las"] += las_ok
            # (b) temporal / date phrases
            if grel.endswith((":tmod", ":unmarked")):
                c["unm"] += 1
                c["unm_head"] += head_ok
            if base(grel) in ("obl", "nmod") and date_like(g):
                c["tmp"] += 1
                c["tmp_head"] += head_ok
                c["tmp_las"] += las_ok
                c["tmp_las_base"] += head_ok and base(grel) == base(prel)
                gh = toks[ghead] if ghead >= 0 else None
                if gh is not None and gh["upos"] == "VERB":
                    c["tmp_v"] += 1
                    c["tmp_v_head"] += head_ok
            # (c) arguments of verbs
            if ghead >= 0 and toks[ghead]["upos"] == "VERB" and base(grel) in ("nsubj", "obj", "iobj", "obl"):
                key = base(grel)
                c["arg"] += 1
                c["arg_head"] += head_ok
                c["arg_las"] += las_ok
                per_rel[key + "_n"] += 1
                per_rel[key + "_head"] += head_ok
                per_rel[key + "_las"] += las_ok
    pct = lambda a, b: round(100.0 * c[a] / c[b], 2) if c[b] else None
    res = {
        "model": model, "gold": gold_path, "sentences": len(gold), "tokens": c["tok"],
        "load_s": round(load_s, 2), "parse_s_goldtok": round(parse_s, 2),
        "words_per_s_goldtok": round(c["tok"] / parse_s),
        "UPOS": pct("upos", "tok"), "XPOS": pct("xpos", "tok"), "lemma": pct("lemma", "tok"),
        "UAS_nopunct": pct("uas", "dep"), "LAS_nopunct": pct("las", "dep"),
        "LAS_nopunct_baserel": pct("las_base", "dep"),
        "a_NUM_n": c["num"], "a_NUM_head": pct("num_head", "num"), "a_NUM_las": pct("num_las", "num"),
        "a_nummod_n": c["nummod"], "a_nummod_head": pct("nummod_head", "nummod"),
        "a_nummod_las": pct("nummod_las", "nummod"),
        "b_temporal_n": c["tmp"], "b_temporal_head": pct("tmp_head", "tmp"),
        "b_temporal_las": pct("tmp_las", "tmp"), "b_temporal_las_baserel": pct("tmp_las_base", "tmp"),
        "b_unmarked_all_n": c["unm"], "b_unmarked_all_head": pct("unm_head", "unm"),
        "b_temporal_on_verb_n": c["tmp_v"], "b_temporal_on_verb_head": pct("tmp_v_head", "tmp_v"),
        "c_verbargs_n": c["arg"], "c_verbargs_head": pct("arg_head", "arg"), "c_verbargs_las": pct("arg_las", "arg"),
    }
    for k in ("nsubj", "obj", "iobj", "obl"):
        n = per_rel[k + "_n"]
        if n:
            res[f"c_{k}_n"] = n
            res[f"c_{k}_head"] = round(100 * per_rel[k + "_head"] / n, 2)
            res[f"c_{k}_las"] = round(100 * per_rel[k + "_las"] / n, 2)
    print(json.dumps(res, indent=1))
    if "--json" in sys.argv:
        json.dump(res, open(sys.argv[sys.argv.index("--json") + 1], "w"), indent=1)


if __name__ == "__main__":
    main()
