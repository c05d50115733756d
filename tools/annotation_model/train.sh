#!/bin/sh
# Usage: sh train.sh CONFIG WORK_DIR OUT_DIR [extra spacy train overrides...]
# WORK_DIR is the one given to prepare.py. Runs niced, CPU only, one process.
set -e
CFG=$1; WORK=$2; OUT=$3; shift 3
exec nice -n 19 python -m spacy train "$CFG" --output "$OUT" \
  --paths.train "$WORK/spacy/train.spacy" --paths.dev "$WORK/spacy/dev.spacy" "$@"
