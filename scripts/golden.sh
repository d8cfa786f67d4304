#!/usr/bin/env bash
# golden.sh: the golden runs, loss curves of nnplay's own training mode checked in under
# tests/data/golden/ (train, validation and test loss and the learning rate every 10 epochs to
# 100, every digit as `nnplay train --json` prints it), recorded from the native CLI.
#
#   scripts/golden.sh                 rewrites tests/data/golden/*.jsonl from build/native-release/nnplay
#   scripts/golden.sh --check [CLI…]  trains them again with CLI (default the native one, e.g.
#                                     `node --no-experimental-fetch build/wasm-release/nnplay-cli.js`)
#                                     and fails unless every file comes out byte for byte the same
#
# tests/test_golden.cpp checks the engine's Trainer against the files, `make test-wasm` the
# WebAssembly CLI. A commit that changes the numbers on purpose regenerates the files with this
# script in that same commit, and adds a line to the README's changelog saying why.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

check=false
if [[ ${1:-} == --check ]]; then
    check=true
    shift
fi
cli=("$@")
[[ ${#cli[@]} -gt 0 ]] || cli=("$root/build/native-release/nnplay")
dir=$root/tests/data/golden
epochs=100 every=10

# name, state: together every activation, loss, optimiser, schedule and regulariser, a
# validation split with early stopping, an ensemble, the perceptron, batch sizes 1 to 32,
# extra features and every initialisation. Each trains in well under a second.
runs=(
    circle-defaults "seed=golden"
    xor-sigmoid-momentum-step-l2 "dataset=xor&noise=10&activation=sigmoid&optimizer=momentum&learningRate=0.1&schedule=step&stepEvery=30&scheduleFactor=0.5&regularization=L2&regularizationRate=0.001&xTimesY=true&init=xavier-uniform&reshuffle=false&seed=golden-xor"
    gauss-relu-nesterov-exp-l1 "dataset=gauss&noise=20&activation=relu&optimizer=nesterov&learningRate=0.01&schedule=exp&decayRate=0.97&regularization=L1&regularizationRate=0.003&init=he-uniform&networkShape=6,3&seed=golden-gauss"
    spiral-leakyrelu-adam-plateau "dataset=spiral&activation=leakyrelu&optimizer=adam&learningRate=0.01&schedule=plateau&plateauPatience=5&networkShape=8,8&sinX=true&sinY=true&xSquared=true&ySquared=true&init=he-normal&seed=golden-spiral"
    moons-elu-rmsprop-square-batch1 "dataset=moons&noise=15&activation=elu&optimizer=rmsprop&learningRate=0.001&loss=square&init=gaussian&initScale=0.3&batchSize=1&seed=golden-moons"
    blobs4-softplus-softmax "dataset=blobs&classes=4&noise=20&activation=softplus&optimizer=momentum&momentum=0.8&learningRate=0.05&networkShape=6&init=xavier-normal&batchSize=32&seed=golden-blobs"
    regression-swish-adam-step-l2 "problem=regression&regDataset=reg-gauss&noise=10&activation=swish&optimizer=adam&learningRate=0.003&schedule=step&stepEvery=50&regularization=L2&regularizationRate=0.0003&networkShape=8,4&init=he-normal&seed=golden-reg"
    gauss-validation-early-stopping "dataset=gauss&noise=40&percValData=30&earlyStopping=true&patience=10&layerActivations=linear,tanh&networkShape=8,6&init=xavier-normal&learningRate=0.1&seed=golden-early"
    rings3-ensemble-cos "dataset=rings&classes=3&ensemble=3&layerActivations=swish,elu&networkShape=8,5&cosX=true&cosY=true&xSquared=true&ySquared=true&initBias=0&learningRate=0.1&batchSize=16&regularization=L1&regularizationRate=0.0001&seed=golden-rings"
    perceptron-gauss "model=perceptron&dataset=gauss&noise=10&learningRate=0.1&seed=golden-perceptron"
    regression-plane-linear-initzero "problem=regression&regDataset=reg-plane&noise=5&activation=linear&networkShape=&initZero=true&batchSize=25&numSamples=400&optimizer=sgd&learningRate=0.002&seed=golden-plane"
)

# One run as its golden file: a header line (name, state, epochs, every), then per printed
# epoch the four figures copied as text from the CLI's JSON line, so no digit is re-rounded.
record() {
    local name=$1 state=$2
    printf '{"name":"%s","state":"%s","epochs":%d,"every":%d}\n' "$name" "$state" "$epochs" "$every"
    "${cli[@]}" train --state "$state" --epochs "$epochs" --every "$every" --json 2>/dev/null |
        sed -nE 's/^\{"epoch":([^,]*),"train_loss":([^,]*),"val_loss":([^,]*),"test_loss":([^,]*),.*"learning_rate":([^,}]*)(,"restored_epoch":[0-9]+)?\}$/{"epoch":\1,"train_loss":\2,"val_loss":\3,"test_loss":\4,"learning_rate":\5}/p'
}

passed=0 failed=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for ((i = 0; i < ${#runs[@]}; i += 2)); do
    name=${runs[i]} state=${runs[i + 1]}
    if [[ $state == *[\"\\]* ]]; then
        echo "golden.sh: the state of $name may not contain quotes or backslashes" >&2
        exit 2
    fi
    record "$name" "$state" >"$tmp"
    if [[ $(wc -l <"$tmp") -lt 3 ]]; then
        echo "FAIL: $name: the CLI printed no curve (${cli[*]})"
        failed=$((failed + 1))
    elif ! $check; then
        cp "$tmp" "$dir/$name.jsonl"
        passed=$((passed + 1))
    elif cmp -s "$tmp" "$dir/$name.jsonl"; then
        passed=$((passed + 1))
    else
        echo "FAIL: $name differs from $dir/$name.jsonl:"
        diff "$dir/$name.jsonl" "$tmp" | head -6 || true
        failed=$((failed + 1))
    fi
done
# A file no run writes any more would go on being tested by test_golden.cpp unnoticed.
for file in "$dir"/*.jsonl; do
    found=false
    for ((i = 0; i < ${#runs[@]}; i += 2)); do [[ $file == "$dir/${runs[i]}.jsonl" ]] && found=true; done
    if ! $found; then
        echo "FAIL: $file is not one of this script's runs"
        failed=$((failed + 1))
    fi
done
if $check; then
    echo "golden: $passed passed, $failed failed"
else
    echo "golden: $passed files written to $dir, $failed failed"
fi
[[ $failed -eq 0 ]]
