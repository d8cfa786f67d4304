#!/usr/bin/env bash
# wasm_same_as_native.sh NATIVE_NNPLAY WASM_NNPLAY_JS: trains the same states with
# the native CLI and with the WebAssembly build under Node, and requires every
# printed number to be identical: the engine's determinism promise. Then the WebAssembly
# build must reproduce the golden runs (tests/data/golden/, scripts/golden.sh) byte for byte.
set -euo pipefail
native=$1
wasm=$2
states=(
    ""
    "dataset=spiral&networkShape=8,8,8&sinX=true&optimizer=adam&ensemble=2&noise=20"
    "problem=regression&regDataset=reg-gauss&activation=relu&regularization=L2&regularizationRate=0.001"
    "dataset=blobs&classes=4&activation=swish&batchSize=3&schedule=plateau"
    "dataset=moons&activation=softplus&init=he-normal&optimizer=rmsprop&networkShape=64,64"
    "dataset=rings&classes=3&activation=elu&optimizer=nesterov&regularization=L1&regularizationRate=0.001&loss=square"
    "dataset=checkerboard&activation=leakyrelu&layerActivations=sigmoid,tanh&percValData=20&earlyStopping=true"
    "model=perceptron&dataset=gauss"
    "dataset=xor&activation=sigmoid&optimizer=momentum&schedule=exp&initZero=true&cosX=true&xTimesY=true"
    "dataset=gauss&noise=25&activation=sigmoid&sinX=true&regularization=L1&regularizationRate=0.001&networkShape=8,8,8&seed=0.80725&compat=tf"
    # The training diagnosis: collapse and dead ReLUs; vanishing gradients (their norms printed).
    "dataset=spiral&networkShape=8,8&activation=relu&learningRate=10&seed=a"
    "dataset=circle&networkShape=8,8,8,8,8,8&activation=sigmoid"
    # Formulas: activations differentiated automatically (every layer, and per layer), and
    # data sets made by a formula, for classification and regression.
    "activation=x*sigmoid(x)&networkShape=4,3&layerActivations=tanh,sin(x)%2Bx"
    "dataset=formula&formula=x2-sin(x1)&networkShape=5&noise=10&seed=f"
    "problem=regression&regDataset=formula&formula=x1*x2/6&activation=abs(x)-0.5"
    # Dropout (issue 14, item 7): the masks' draws are the same in both.
    "dataset=spiral&classes=3&networkShape=8,6&optimizer=adam&ensemble=2&dropout=0.3"
    # layerDropout (session 8): one rate per layer, 0 for the middle one (no mask there).
    "dataset=circle&networkShape=6,5,4&optimizer=rmsprop&layerDropout=0.2,0,0.5&seed=ld"
)
# Seed sweeps (nnplay sweep, which the page's Runs panel runs too): each seed's figures.
sweeps=(
    "dataset=circle&seed=a&networkShape=3&numSamples=100"
    "dataset=formula&formula=x1*x2&activation=x*sigmoid(x)&seed=s&networkShape=4&numSamples=100"
)
passed=0 failed=0
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for state in "${states[@]}"; do
    "$native" train --state "$state" --epochs 40 --every 1 --json >"$out/native" 2>"$out/warnings"
    node --no-experimental-fetch "$wasm" train --state "$state" --epochs 40 --every 1 --json \
        >"$out/wasm" 2>/dev/null
    # Every state must read without a warning: a key ignored would test the defaults instead.
    if [[ -s $out/warnings ]]; then
        failed=$((failed + 1))
        echo "FAIL: the state '$state' reads with warnings:"
        head -3 "$out/warnings"
    elif [[ -s $out/native ]] && cmp -s "$out/native" "$out/wasm"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: native and wasm differ for state '$state':"
        diff "$out/native" "$out/wasm" | head -6 || true
    fi
done
for state in "${sweeps[@]}"; do
    "$native" sweep --state "$state" --seeds 3 --epochs 30 --json >"$out/native" 2>"$out/warnings"
    node --no-experimental-fetch "$wasm" sweep --state "$state" --seeds 3 --epochs 30 --json \
        >"$out/wasm" 2>/dev/null
    if [[ ! -s $out/warnings && $(wc -l <"$out/native") -eq 4 ]] && cmp -s "$out/native" "$out/wasm"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: native and wasm sweeps differ (or warn) for state '$state':"
        head -3 "$out/warnings"
        diff "$out/native" "$out/wasm" | head -6 || true
    fi
done
echo "wasm_same_as_native: $passed passed, $failed failed"
golden=0
bash "$(dirname "$0")/../scripts/golden.sh" --check node --no-experimental-fetch "$wasm" || golden=$?
[[ $failed -eq 0 && $golden -eq 0 ]]
