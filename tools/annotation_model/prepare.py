#!/usr/bin/env python3
"""Split the UD English corpora and convert them to spaCy DocBin files.

Usage:  python prepare.py CORPUS_DIR WORK_DIR [--all]

CORPUS_DIR holds en_ewt-ud-dev.conllu, en_ewt-ud-test.conllu, en_pud-ud-test.conllu
(read-only; nothing is copied into the project). WORK_DIR receives conllu/ (the splits)
and spacy/ (DocBin files for `spacy train`).

Splits (deterministic, by sentence index i within each file):
  train   = EWT dev (i % 10 != 0)  + PUD (i % 5 != 0 and i % 10 != 3)   ~2,500 sentences
  dev     = EWT dev (i % 10 == 0)  + PUD (i % 10 == 3)                     300 sentences
            (early stopping / model selection only)
  pudtest = PUD (i % 5 == 0)                                               200 sentences
            (never trained on: a news-domain held-out figure)
  test    = EWT test (all 2,077)                                           never trained on
With --all: trainall = EWT dev + PUD (all 3,001), for a final model trained with a fixed
number of steps found on the split above.
"""
import subprocess
import sys
from pathlib import Path


def sentences(path):
    block = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            block.append(line)
        elif block:
            yield "\n".join(block) + "\n"
            block = []
    if block:
        yield "\n".join(block) + "\n"


def write(path, sents):
    path.write_text("\n".join(sents) + "\n", encoding="utf-8")
    return len(sents)


def main():
    corpus, work = Path(sys.argv[1]), Path(sys.argv[2])
    conll, spacy_dir = work / "conllu", work / "spacy"
    conll.mkdir(parents=True, exist_ok=True)
    spacy_dir.mkdir(parents=True, exist_ok=True)
    ewt_dev = list(sentences(corpus / "en_ewt-ud-dev.conllu"))
    ewt_test = list(sentences(corpus / "en_ewt-ud-test.conllu"))
    pud = list(sentences(corpus / "en_pud-ud-test.conllu"))
    splits = {
        "train": [s for i, s in enumerate(ewt_dev) if i % 10 != 0]
        + [s for i, s in enumerate(pud) if i % 5 != 0 and i % 10 != 3],
        "dev": [s for i, s in enumerate(ewt_dev) if i % 10 == 0]
        + [s for i, s in enumerate(pud) if i % 10 == 3],
        "pudtest": [s for i, s in enumerate(pud) if i % 5 == 0],
        "test": ewt_test,
    }
    if "--all" in sys.argv:
        splits["trainall"] = ewt_dev + pud
    for name, sents in splits.items():
        n = write(conll / f"{name}.conllu", sents)
        print(f"{name}: {n} sentences")
        # 10 sentences per Doc so the parser also learns sentence boundaries
        subprocess.run(
            [sys.executable, "-m", "spacy", "convert", str(conll / f"{name}.conllu"),
             str(spacy_dir), "--converter", "conllu", "--n-sents", "10"],
            check=True,
        )


if __name__ == "__main__":
    main()
