#!/usr/bin/env bash
# Regenerates every learned model of the memory pipeline from scratch, in order:
#   1. training data from the embedded simulator (TRAINING scene seeds only)   ~25 min on 2 shared cores
#   2. encoder (train_encoder.py, then export_encoder.py --checkpoint)
#   3. compressors 1x/4x/16x/64x + goal encoders (train_compressor.py)
#   4. policies 1x/4x/16x/64x (train_policy.py)
# Each step logs to .memnav/training/logs/<step>.log and skips itself when its output exists
# (delete the output to redo a step). Run from the repository root:
#   inference/training/train_all.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3                         # Debian's python3-torch, not the pyenv python on PATH
export OPENBLAS_NUM_THREADS=1
# still views of many scenes first, recorded episodes last: every script holds back the LAST scenes
# (episodes of shard1), so its held-back metrics are on scenes no stage trained on
DATA=(.memnav/dataset/views0 .memnav/dataset/views1 .memnav/dataset/shard0 .memnav/dataset/shard1)
OUT=.memnav/training
mkdir -p "$OUT/logs"
step() { echo "== $1 ($(date +%H:%M:%S))"; }

step "dataset"
for i in 0 1; do
  if [[ ! -f .memnav/dataset/views$i/export.json ]]; then
    nice -n 10 ./memnav dataset export --scenes 160 --first-seed $((2000 + 200 * i)) --views-per-scene 40 \
      --out .memnav/dataset/views$i --json > "$OUT/logs/views$i.log" 2>&1 &
  fi
done
wait
for i in 0 1; do
  if [[ ! -f .memnav/dataset/shard$i/export.json ]]; then
    nice -n 10 ./memnav dataset export --scenes 16 --first-seed $((1000 + 100 * i)) --subtasks 5 --frame-stride 4 \
      --out .memnav/dataset/shard$i --json > "$OUT/logs/dataset$i.log" 2>&1 &
  fi
done
wait

step "encoder"
# Two stages, as the shipped encoder was trained: 700 steps from scratch, then 4,250 more (fresh heads, warm-up
# and cosine schedule) from those weights; about 60 min in all on 2 cores.
if [[ ! -f $OUT/encoder-stage1.pt ]]; then
  nice -n 10 $PY inference/training/train_encoder.py --data "${DATA[@]}" --out $OUT/encoder-stage1.pt \
    --crop-steps 600 --full-steps 100 2>&1 | tee $OUT/logs/encoder-stage1.log
fi
if [[ ! -f $OUT/encoder.pt ]]; then
  nice -n 10 $PY inference/training/train_encoder.py --data "${DATA[@]}" --init $OUT/encoder-stage1.pt --out $OUT/encoder.pt \
    --crop-steps 4000 --full-steps 250 2>&1 | tee $OUT/logs/encoder.log
fi
$PY inference/training/export_encoder.py --checkpoint $OUT/encoder.pt 2>&1 | tee $OUT/logs/export_encoder.log

step "compressors and goal encoders"
if [[ ! -f $OUT/compressor.pt ]]; then
  nice -n 10 $PY inference/training/train_compressor.py --data "${DATA[@]}" --encoder $OUT/encoder.pt \
    --out $OUT/compressor.pt --steps 1500 --batch 48 2>&1 | tee $OUT/logs/compressor.log
fi

step "policies"
if [[ ! -f $OUT/policy.pt ]]; then
  nice -n 10 $PY inference/training/train_policy.py --data "${DATA[@]}" --encoder $OUT/encoder.pt \
    --compressor $OUT/compressor.pt --out $OUT/policy.pt --steps 300 2>&1 | tee $OUT/logs/policy.log
fi
step "done"
