#!/usr/bin/env bash
# pytorch_test.sh: the exported PyTorch scripts run in real PyTorch and carry the run on
# (issue 13): with reshuffle=false each script, exported at epoch 50, prints the loss at
# epoch 50 and then every 10 epochs, within 1e-5 relative of `nnplay train` for 100 epochs,
# for every optimiser x schedule, with L1 and L2, and with no input feature.
# Skipped (exit 77, with the reason) when /usr/bin/python3 cannot import torch.
# Usage: tests/pytorch_test.sh path/to/nnplay
set -euo pipefail

BIN=${1:?usage: tests/pytorch_test.sh path/to/nnplay}
PY=${NNPLAY_PYTORCH_PYTHON:-/usr/bin/python3}
if ! "$PY" -c 'import torch' >/dev/null 2>&1; then
    echo "skip: $PY cannot import torch (install python3-torch: scripts/setup.sh test)"
    exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# check NAME STATE [EPOCHS_AFTER]: exports at 50, runs the script and the engine, compares.
check() {
    local name=$1 state=$2 more=${3:-100}
    local total=$((50 + more))
    if ! "$BIN" export --state "$state" --epochs 50 --pytorch "$tmp/s.py" >"$tmp/log" 2>&1; then
        echo "FAIL  $name: export failed: $(head -c 300 "$tmp/log")"; failed=$((failed + 1)); return
    fi
    if ! "$PY" "$tmp/s.py" --epochs "$more" >"$tmp/py" 2>"$tmp/pyerr"; then
        echo "FAIL  $name: the script failed: $(tail -n 3 "$tmp/pyerr")"; failed=$((failed + 1)); return
    fi
    "$BIN" train --state "$state" --epochs "$total" --every 10 --json >"$tmp/engine" 2>/dev/null
    local verdict
    verdict=$("$PY" - "$tmp/engine" "$tmp/py" "$total" <<'PYEOF'
import json, re, sys
engine = {}
for line in open(sys.argv[1]):
    row = json.loads(line)
    if "final" not in row:
        engine[row["epoch"]] = row["train_loss"]
script = {}
for line in open(sys.argv[2]):
    m = re.match(r"epoch (\d+): train loss (\S+)", line)
    if m:
        script[int(m.group(1))] = float(m.group(2))
first = min(script) if script else None
if first != 50:
    print("the script's first loss is at epoch %s, not the export epoch 50" % first)
    sys.exit()
if max(script) != int(sys.argv[3]):
    print("the script's last loss is at epoch %s, not %s" % (max(script), sys.argv[3]))
    sys.exit()
worst = 0.0
for epoch, loss in script.items():
    if epoch not in engine:
        print("epoch %d: no engine row" % epoch)
        sys.exit()
    worst = max(worst, abs(loss - engine[epoch]) / max(abs(engine[epoch]), 1e-12))
print("ok %.2g" % worst if worst <= 1e-5 else "off by %.2g relative" % worst)
PYEOF
)
    if [[ $verdict == ok* ]]; then
        echo "ok    $name (largest relative difference ${verdict#ok })"; passed=$((passed + 1))
    else
        echo "FAIL  $name: $verdict"; failed=$((failed + 1))
    fi
}

base='dataset=circle&noise=10&networkShape=4,2&activation=tanh&reshuffle=false&seed=f'
# Defect 1's reproducer: the exp schedule at rate 0.3 (the script restarted it at 0.3).
check "defect 1: exp schedule carried" "$base&schedule=exp&decayRate=0.97&learningRate=0.3"
for opt in sgd momentum nesterov rmsprop adam; do
    # Rates where the loss goes smoothly down: at momentum 0.9 and rate 0.1 the circle's loss
    # oscillates and float32 rounding differences (3e-7 after one epoch) grow chaotically to
    # 1e-2 within ten epochs; that regime is the named exception.
    case $opt in rmsprop | adam) lr=0.003 ;; momentum | nesterov) lr=0.01 ;; *) lr=0.1 ;; esac
    for sched in constant 'step&stepEvery=20&scheduleFactor=0.5' 'exp&decayRate=0.99' \
        'plateau&plateauPatience=3&scheduleFactor=0.5&plateauThreshold=0.001&plateauCooldown=2'; do
        check "$opt / ${sched%%&*}" "$base&optimizer=$opt&learningRate=$lr&schedule=$sched"
    done
done
check "L1 as a proximal step (momentum)" "$base&optimizer=momentum&learningRate=0.01&regularization=L1&regularizationRate=0.003"
check "L2 as weight decay (adam)" "$base&optimizer=adam&learningRate=0.003&regularization=L2&regularizationRate=0.01"
# Noisy blobs: on separable ones the loss falls to 1e-9, where float32 rounding is all there is.
check "softmax, 3 classes (rmsprop)" "dataset=blobs&classes=3&noise=50&networkShape=5&reshuffle=false&optimizer=rmsprop&learningRate=0.003&seed=f"
check "regression (nesterov, step)" "problem=regression&regDataset=reg-plane&networkShape=3&reshuffle=false&optimizer=nesterov&schedule=step&stepEvery=25&seed=f"
# Defect 4: no input feature selected (the script crashed in torch.stack).
check "no input feature" "$base&x=false&y=false&optimizer=adam&learningRate=0.003"

echo "pytorch_test: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
