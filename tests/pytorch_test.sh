#!/usr/bin/env bash
# pytorch_test.sh: the exported PyTorch scripts run in real PyTorch and carry the run on
# (issue 13): with reshuffle=false each script, exported at epoch 50, prints the loss at
# epoch 50 and then every 10 epochs, within 1e-5 relative of `nnplay train` for 100 epochs,
# for every optimiser x schedule, with L1 and L2, and with no input feature.
# Skipped (exit 77, with the reason) when /usr/bin/python3 cannot import torch.
# Usage: tests/pytorch_test.sh path/to/nnplay
set -euo pipefail

source "$(dirname "$0")/pytorch_setup.sh" "$@"
export_failed=0
count=0

# check NAME STATE [EPOCHS_AFTER]: exports at 50 and trains the engine to the end; the scripts
# all run afterwards in one Python (importing torch takes most of a script's time).
check() {
    local name=$1 state=$2 more=${3:-100}
    local total=$((50 + more)) dir=$tmp/$count
    count=$((count + 1))
    mkdir "$dir"
    if ! "$BIN" export --state "$state" --epochs 50 --pytorch "$dir/s.py" >"$dir/log" 2>&1; then
        echo "FAIL  $name: export failed: $(head -c 300 "$dir/log")"; export_failed=$((export_failed + 1)); return
    fi
    "$BIN" train --state "$state" --epochs "$total" --every 10 --json >"$dir/engine" 2>/dev/null
    printf '%s\t%s\t%s\t%s\n' "$name" "$dir" "$more" "$total" >>"$tmp/checks"
}

# Runs every exported script as `python3 s.py --epochs N` would (runpy, as __main__, in its own
# globals; each script seeds torch itself) and compares its losses with the engine's.
run_scripts() {
    "$PY" - "$tmp/checks" <<'PYEOF'
import contextlib, io, json, re, runpy, sys, traceback

def verdict(engine_file, printed, total):
    engine = {}
    for line in open(engine_file):
        row = json.loads(line)
        if "final" not in row:
            engine[row["epoch"]] = row["train_loss"]
    script = {}
    for line in printed.splitlines():
        m = re.match(r"epoch (\d+): train loss (\S+)", line)
        if m:
            script[int(m.group(1))] = float(m.group(2))
    first = min(script) if script else None
    if first != 50:
        return "the script's first loss is at epoch %s, not the export epoch 50" % first
    if max(script) != total:
        return "the script's last loss is at epoch %s, not %s" % (max(script), total)
    worst = 0.0
    for epoch, loss in script.items():
        if epoch not in engine:
            return "epoch %d: no engine row" % epoch
        worst = max(worst, abs(loss - engine[epoch]) / max(abs(engine[epoch]), 1e-12))
    return "ok %.2g" % worst if worst <= 1e-5 else "off by %.2g relative" % worst

passed = failed = 0
for line in open(sys.argv[1]):
    name, folder, more, total = line.rstrip("\n").split("\t")
    out = io.StringIO()
    sys.argv = [folder + "/s.py", "--epochs", more]
    try:
        with contextlib.redirect_stdout(out):
            runpy.run_path(folder + "/s.py", run_name="__main__")
        result = verdict(folder + "/engine", out.getvalue(), int(total))
    except BaseException:
        result = "the script failed: " + " | ".join(traceback.format_exc().splitlines()[-3:])
    if result.startswith("ok"):
        print("ok    %s (largest relative difference %s)" % (name, result[3:]))
        passed += 1
    else:
        print("FAIL  %s: %s" % (name, result))
        failed += 1
print("scripts: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PYEOF
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

scripts=ok
run_scripts || scripts=failed
echo "pytorch_test: $count checks, $export_failed exports failed, scripts $scripts"
[[ $export_failed -eq 0 && $scripts == ok ]]
