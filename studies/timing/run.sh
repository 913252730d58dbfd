#!/usr/bin/env bash
# The timing study of RESULTS.md: when to widen (after epoch 1..5, loss threshold, plateau),
# Net2Net vs continuous resampling, 3 paired seeds each. Usage: studies/timing/run.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-runs/timing}"
# --workers 1: as RESULTS.md's numbers were made, one process on all cores (2 PyTorch threads
# there). The default (--workers auto) is faster but trains each seed on one thread, which changes
# float reductions and so the last digits of every number.
for c in epoch1 epoch2 epoch3 epoch4 epoch5 threshold plateau; do
  java -jar target/csr-lab.jar run --config "studies/timing/$c.json" --quiet --workers 1 \
    --out "$out"
done
