#!/usr/bin/env bash
# pytorch_midepoch_test.sh: a run stopped mid-epoch (as the page's slices leave one; here
# `nnplay export --batches B`) exports a PyTorch script that finishes that epoch from the next
# batch in the run's own order, then goes on: its losses at the end of that epoch and 9
# epochs later are within 1e-5 relative of the engine's (`nnplay train --model` on the model
# file written at the same moment). reshuffle=true is compared at the end of the first epoch
# only (later epochs are torch's own shuffles). And a layerDropout script loads and trains.
# Skipped (exit 77) without torch.
# Usage: tests/pytorch_midepoch_test.sh path/to/nnplay
set -euo pipefail

source "$(dirname "$0")/pytorch_setup.sh" "$@"
passed=0
failed=0

# check NAME STATE BATCHES MORE: exports at epoch 20 plus BATCHES batches, runs the script
# for 1 and for MORE epochs and the engine from the model file, compares the epochs printed.
check() {
    local name=$1 state=$2 batches=$3 more=$4
    if ! "$BIN" export --state "$state" --epochs 20 --batches "$batches" --pytorch "$tmp/s.py" \
        --json "$tmp/m.json" >"$tmp/log" 2>&1; then
        echo "FAIL  $name: export failed: $(head -c 300 "$tmp/log")"; failed=$((failed + 1)); return
    fi
    if ! grep -q 'mid-epoch' "$tmp/log" || ! grep -q '(stopped mid-epoch)' "$tmp/s.py"; then
        echo "FAIL  $name: the export does not say it stopped mid-epoch"; failed=$((failed + 1)); return
    fi
    : >"$tmp/py"
    for n in 1 "$more"; do
        if ! "$PY" "$tmp/s.py" --epochs "$n" >>"$tmp/py" 2>"$tmp/pyerr"; then
            echo "FAIL  $name: the script failed: $(tail -n 3 "$tmp/pyerr")"; failed=$((failed + 1)); return
        fi
    done
    "$BIN" train --model "$tmp/m.json" --epochs $((20 + more)) --every 1 --json >"$tmp/engine" 2>/dev/null
    local verdict
    verdict=$("$PY" - "$tmp/engine" "$tmp/py" <<'PYEOF'
import json, re, sys
engine = {}
for line in open(sys.argv[1]):
    row = json.loads(line)
    if "final" not in row:
        engine[row["epoch"]] = row["train_loss"]
script = {}
mid = False
for line in open(sys.argv[2]):
    mid = mid or "(mid-epoch)" in line
    m = re.match(r"epoch (\d+): train loss (\S+)", line)
    if m:
        script[int(m.group(1))] = float(m.group(2))
if not mid:
    print("the script's first line does not say mid-epoch")
    sys.exit()
if 21 not in script:
    print("the script printed no loss at the end of the epoch under way (21): %s" % sorted(script))
    sys.exit()
worst = 0.0
for epoch, loss in script.items():
    if epoch not in engine:
        print("epoch %d: no engine row" % epoch)
        sys.exit()
    worst = max(worst, abs(loss - engine[epoch]) / max(abs(engine[epoch]), 1e-12))
print("ok %.2g over epochs %s" % (worst, sorted(script)) if worst <= 1e-5 else "off by %.2g relative" % worst)
PYEOF
)
    if [[ $verdict == ok* ]]; then
        echo "ok    $name (largest relative difference ${verdict#ok })"; passed=$((passed + 1))
    else
        echo "FAIL  $name: $verdict"; failed=$((failed + 1))
    fi
}

base='dataset=circle&noise=10&networkShape=4,2&activation=tanh&seed=mid&batchSize=10'
check "sgd, in order" "$base&reshuffle=false&learningRate=0.1" 7 10
check "adam, exp schedule, L2, in order" \
    "$base&reshuffle=false&optimizer=adam&learningRate=0.003&schedule=exp&decayRate=0.99&regularization=L2&regularizationRate=0.01" 13 10
check "momentum, shuffled: the epoch under way in the run's order" \
    "$base&optimizer=momentum&learningRate=0.01" 5 1
check "rmsprop, the step schedule cutting at the end of the epoch under way" \
    "$base&reshuffle=false&optimizer=rmsprop&learningRate=0.003&schedule=step&stepEvery=21&scheduleFactor=0.5" 3 10

# layerDropout (session 8): one nn.Dropout per layer with a rate, none at 0; the weights load
# into the right Linear modules (the script would fail on a Dropout) and it trains.
"$BIN" export --state 'networkShape=6,5,4&layerDropout=0.2,0,0.5&seed=ld' --epochs 3 --pytorch "$tmp/ld.py" >/dev/null
if [[ $(grep -c 'nn.Dropout(' "$tmp/ld.py") -eq 2 ]] && "$PY" "$tmp/ld.py" --epochs 2 >"$tmp/ldout" 2>"$tmp/pyerr" &&
    grep -q '^epoch 3: train loss' "$tmp/ldout"; then
    echo "ok    layerDropout: two nn.Dropout, the weights in place, it trains"; passed=$((passed + 1))
else
    echo "FAIL  layerDropout script: $(tail -n 3 "$tmp/pyerr")"; failed=$((failed + 1))
fi

echo "pytorch_midepoch_test: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
