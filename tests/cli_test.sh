#!/usr/bin/env bash
# cli_test.sh: end-to-end tests of the nnplay command line (exit statuses, usage,
# `train` output as table and JSON lines, warnings, divergence, determinism,
# `export`, `train --points` and `train --model`, shared links, `bench`, `sweep`, `settings`).
# Usage: tests/cli_test.sh build/native-release/nnplay
set -euo pipefail

BIN=${1:?usage: tests/cli_test.sh path/to/nnplay}
[[ -x $BIN ]] || { echo "cli_test: $BIN is not an executable" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok    $1"; }
fail() {
    failed=$((failed + 1))
    echo "FAIL  $1"
    if [[ -n ${2:-} ]]; then printf '%s\n' "$2" | head -n 20 | sed 's/^/      /'; fi
}

# run ARGS...: runs the binary; leaves $rc, $tmp/out and $tmp/err.
run() {
    rc=0
    "$BIN" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}

# expect NAME COMMAND...: passes when COMMAND succeeds, e.g. expect "x" test "$rc" -eq 0
expect() {
    local name=$1
    shift
    if "$@"; then pass "$name"; else fail "$name" "rc=$rc; stderr: $(head -c 600 "$tmp/err")"; fi
}

has() { grep -q -- "$1" "$2"; }
lines() { wc -l <"$1" | tr -d ' '; }

# ---------------------------------------------------------------------------
# A strict JSON reader (NaN and Infinity are not JSON), if one is installed.
# json_summary FILE prints one line per input line: "epoch N", or
# "final STATUS EPOCH", or "bench WORKLOAD UNITKEY", or "error ..." for a line
# that does not parse or misses a key.

if command -v python3 >/dev/null 2>&1 && python3 -c 'import json' >/dev/null 2>&1; then
    json_tool=python3
elif command -v node >/dev/null 2>&1; then
    json_tool=node
else
    json_tool=
    echo "note: neither python3 nor node found: JSON lines are checked with grep only, not parsed"
fi

epoch_keys='epoch train_loss val_loss test_loss reg_loss train_acc val_acc test_acc train_rmse val_rmse test_rmse learning_rate'
final_keys="final status epoch message state $epoch_keys"

json_summary() {
    case $json_tool in
    python3)
        EPOCH_KEYS=$epoch_keys FINAL_KEYS=$final_keys python3 -c '
import json, os, sys
def no_constant(name):
    raise ValueError("not JSON: " + name)
epoch_keys = os.environ["EPOCH_KEYS"].split()
final_keys = os.environ["FINAL_KEYS"].split()
for line in open(sys.argv[1], encoding="utf-8"):
    try:
        o = json.loads(line, parse_constant=no_constant)
    except ValueError as e:
        print("error parse:", e); continue
    if not isinstance(o, dict):
        print("error not an object"); continue
    if "impl" in o:
        unit = "samples_per_s" if "samples_per_s" in o else "ms_per_grid" if "ms_per_grid" in o else "none"
        ok = unit != "none" and all(isinstance(o.get(k), (int, float)) and o.get(k) > 0 for k in (unit, "min", "max"))
        print("bench", o.get("workload"), unit if ok else "bad-figures"); continue
    keys = final_keys if o.get("final") is True else epoch_keys
    missing = [k for k in keys if k not in o]
    if missing:
        print("error missing", ",".join(missing)); continue
    if o.get("final") is True:
        print("final", o["status"], o["epoch"])
    else:
        print("epoch", o["epoch"])
' "$1"
        ;;
    node)
        EPOCH_KEYS=$epoch_keys FINAL_KEYS=$final_keys node -e '
const fs = require("fs");
const epochKeys = process.env.EPOCH_KEYS.split(" ");
const finalKeys = process.env.FINAL_KEYS.split(" ");
const text = fs.readFileSync(process.argv[1], "utf8");
for (const line of text.split("\n").slice(0, -1)) {
    let o;
    try { o = JSON.parse(line); } catch (e) { console.log("error parse: " + e.message); continue; }
    if (o === null || typeof o !== "object" || Array.isArray(o)) { console.log("error not an object"); continue; }
    if ("impl" in o) {
        const unit = "samples_per_s" in o ? "samples_per_s" : "ms_per_grid" in o ? "ms_per_grid" : "none";
        const ok = unit !== "none" && [unit, "min", "max"].every(k => typeof o[k] === "number" && o[k] > 0);
        console.log("bench " + o.workload + " " + (ok ? unit : "bad-figures")); continue;
    }
    const keys = o.final === true ? finalKeys : epochKeys;
    const missing = keys.filter(k => !(k in o));
    if (missing.length) { console.log("error missing " + missing.join(",")); continue; }
    console.log(o.final === true ? "final " + o.status + " " + o.epoch : "epoch " + o.epoch);
}
' "$1"
        ;;
    *)  # no parser: a line-level approximation
        while IFS= read -r line; do
            if [[ $line == *'"impl":'* ]]; then
                w=$(sed -n 's/.*"workload":"\([^"]*\)".*/\1/p' <<<"$line")
                if [[ $line == *'"samples_per_s":'* ]]; then echo "bench $w samples_per_s"
                else echo "bench $w ms_per_grid"; fi
            elif [[ $line == *'"final":true'* ]]; then
                s=$(sed -n 's/.*"status":"\([^"]*\)".*/\1/p' <<<"$line")
                e=$(sed -n 's/.*"final":true,"status":"[^"]*","epoch":\([0-9]*\).*/\1/p' <<<"$line")
                echo "final $s $e"
            else
                echo "epoch $(sed -n 's/^{"epoch":\([0-9]*\),.*/\1/p' <<<"$line")"
            fi
        done <"$1"
        ;;
    esac
}

# ---------------------------------------------------------------------------
# Usage and exit statuses.

run --help
expect "--help: exit 0, usage on stdout" test "$rc" -eq 0 -a -s "$tmp/out"
expect "--help: usage text names both commands" has "nnplay train" "$tmp/out"

run help
expect "help: exit 0" test "$rc" -eq 0 -a -s "$tmp/out"

run train --help
expect "train --help: exit 0" test "$rc" -eq 0 -a -s "$tmp/out"

run
expect "no command: exit 2" test "$rc" -eq 2
expect "no command: usage on stderr" has "usage" "$tmp/err"

run frobnicate
expect "unknown command: exit 2" test "$rc" -eq 2
expect "unknown command: usage on stderr" has "usage" "$tmp/err"

bad_args=(
    "train --bogus"
    "train --epochs"
    "train --epochs abc"
    "train --epochs 0"
    "train --epochs 1000001"
    "train --epochs 5x"
    "train --epochs -3"
    "train --every 0"
    "train --every"
    "train --state"
    "train --json=yes"
    "train extra"
    "bench --reps 0"
    "bench --bogus"
    "bench --only W6"
    "bench --only W1,"
    "bench --only"
)
for args in "${bad_args[@]}"; do
    # shellcheck disable=SC2086  # split on purpose
    run $args
    if [[ $rc -eq 2 ]] && has usage "$tmp/err" && [[ ! -s $tmp/out ]]; then
        pass "'$args': exit 2, usage on stderr"
    else
        fail "'$args': exit 2, usage on stderr" "rc=$rc; stdout: $(head -c 300 "$tmp/out")"
    fi
done

# ---------------------------------------------------------------------------
# train --json

run train --epochs 5 --every 1 --json
cp "$tmp/out" "$tmp/json5"
expect "train --json: exit 0" test "$rc" -eq 0
expect "train --json: 7 lines (epochs 0..5 and the summary)" test "$(lines "$tmp/json5")" -eq 7
expect "train --json: default state gives no warnings" test ! -s "$tmp/err"
summary=$(json_summary "$tmp/json5")
want=$'epoch 0\nepoch 1\nepoch 2\nepoch 3\nepoch 4\nepoch 5\nfinal ok 5'
if [[ $summary == "$want" ]]; then
    pass "train --json: every line parses (${json_tool:-grep}); epochs 0..5, then final status ok"
else
    fail "train --json: every line parses (${json_tool:-grep}); epochs 0..5, then final status ok" "$summary"
fi
expect "train --json: no validation set gives \"val_loss\":null" has '"val_loss":null' "$tmp/json5"
if grep -qiE '\bnan\b|\binf(inity)?\b' "$tmp/json5"; then
    fail "train --json: no NaN or Infinity tokens" "$(grep -iE 'nan|inf' "$tmp/json5" | head -3)"
else
    pass "train --json: no NaN or Infinity tokens"
fi
expect "train --json: summary carries the state with its seed" has '"state":"[^"]*seed=nnplay' "$tmp/json5"

# Feeding the summary's state back reproduces the run exactly.
state=$(sed -n 's/.*"state":"\([^"]*\)".*/\1/p' "$tmp/json5")
run train --state "$state" --epochs 5 --every 1 --json
if [[ $rc -eq 0 ]] && cmp -s "$tmp/out" "$tmp/json5"; then
    pass "train: the summary's state reproduces the run"
else
    fail "train: the summary's state reproduces the run" "$(diff "$tmp/json5" "$tmp/out" | head -5)"
fi

# Regression: RMSE instead of accuracy.
run train --state 'problem=regression' --epochs 3 --json
if [[ $rc -eq 0 ]] && head -1 "$tmp/out" | grep -q '"train_acc":null' &&
    head -1 "$tmp/out" | grep -qE '"train_rmse":[0-9]'; then
    pass "train regression: accuracy null, RMSE a number"
else
    fail "train regression: accuracy null, RMSE a number" "$(head -c 400 "$tmp/out")"
fi

# ---------------------------------------------------------------------------
# Table output

run train --epochs 25 --every 10
epochs=$(awk '$1 ~ /^[0-9]+$/ { printf "%s ", $1 }' "$tmp/out")
if [[ $rc -eq 0 && $epochs == "0 10 20 25 " ]] && has '^status: ok' "$tmp/out" &&
    has 'train loss' "$tmp/out" && has '^state: ' "$tmp/out"; then
    pass "train table: rows 0, 10, 20 and the last (25), state and status lines"
else
    fail "train table: rows 0, 10, 20 and the last (25), state and status lines" "rc=$rc rows='$epochs'"
fi

# ---------------------------------------------------------------------------
# Warnings, divergence, early stopping

run train --state 'noise=abc&foo=1' --epochs 5 --every 1 --json
if [[ $rc -eq 0 ]] && has "^warning: .*noise" "$tmp/err" && has "^warning: .*foo" "$tmp/err" &&
    [[ $(json_summary "$tmp/out" | tail -1) == "final ok 5" ]]; then
    pass "bad state values: warnings on stderr, still trains to epoch 5"
else
    fail "bad state values: warnings on stderr, still trains to epoch 5" "rc=$rc; stderr: $(cat "$tmp/err")"
fi

run train --state 'earlyStopping=true' --epochs 2 --json
expect "early stopping without a validation set: trainer warning on stderr" has "^warning: " "$tmp/err"

# A linear output with a learning rate of 10 blows up in the first epoch.
diverging='problem=regression&learningRate=10&networkShape=8,8,8&activation=relu'
run train --state "$diverging" --epochs 50 --every 10 --json
final=$(json_summary "$tmp/out" | tail -1)
if [[ $rc -eq 0 && $final == "final diverged "* ]] && has '"message":"[^"]*diverged' "$tmp/out"; then
    pass "huge learning rate: status diverged with a message, exit 0"
else
    fail "huge learning rate: status diverged with a message, exit 0" "rc=$rc; $final"
fi
run train --state "$diverging" --epochs 50
expect "huge learning rate, table: status line says diverged" has '^status: diverged' "$tmp/out"

run train --state 'dataset=spiral&percValData=30&earlyStopping=true&patience=3&learningRate=1' --epochs 200 --every 50 --json
final=$(json_summary "$tmp/out" | tail -1)
if [[ $rc -eq 0 && $final == "final early_stopped "* ]]; then
    pass "early stopping: status early_stopped, exit 0"
else
    fail "early stopping: status early_stopped, exit 0" "rc=$rc; $final"
fi

# ---------------------------------------------------------------------------
# Determinism: the same state gives the same bytes.

det='dataset=spiral&networkShape=8,8&activation=relu&optimizer=adam&learningRate=0.01&noise=20&seed=det'
run train --state "$det" --epochs 30 --every 5 --json
cp "$tmp/out" "$tmp/det1"
run train --state "$det" --epochs 30 --every 5 --json
if [[ $rc -eq 0 ]] && cmp -s "$tmp/out" "$tmp/det1"; then
    pass "determinism: two --json runs of one state print identical output"
else
    fail "determinism: two --json runs of one state print identical output" "$(diff "$tmp/det1" "$tmp/out" | head -5)"
fi
run train --state "$det" --epochs 30 --every 5
cp "$tmp/out" "$tmp/det2"
run train --state "$det" --epochs 30 --every 5
if [[ $rc -eq 0 ]] && cmp -s "$tmp/out" "$tmp/det2"; then
    pass "determinism: two table runs of one state print identical output"
else
    fail "determinism: two table runs of one state print identical output" "$(diff "$tmp/det2" "$tmp/out" | head -5)"
fi

# ---------------------------------------------------------------------------
# export, train --points, train --model

run export --state 'dataset=xor&networkShape=3&seed=e' --epochs 20 --csv "$tmp/p.csv" --json "$tmp/m.json" --pytorch "$tmp/s.py"
expect "export: exit 0" test "$rc" -eq 0
expect "export: CSV starts with the header x,y,label" test "$(head -n 1 "$tmp/p.csv" 2>/dev/null)" = "x,y,label"
expect "export: CSV has every point (500 + header)" test "$(lines "$tmp/p.csv")" -eq 501
expect "export: model JSON names its format" has '"format": "nnplay-model"' "$tmp/m.json"
expect "export: PyTorch script has the network" has 'nn.Linear(2, 3)' "$tmp/s.py"
if command -v python3 >/dev/null 2>&1; then
    if python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read())' "$tmp/s.py" 2>"$tmp/pyerr"; then
        pass "export: the PyTorch script is valid Python"
    else
        fail "export: the PyTorch script is valid Python" "$(cat "$tmp/pyerr")"
    fi
fi

run export --state 'seed=e'
expect "export without --csv/--json/--pytorch: exit 2" test "$rc" -eq 2
expect "export without an output: says so" has "nothing to write" "$tmp/err"
run export --csv "$tmp/no/such/dir/p.csv" --epochs 0
expect "export to an unwritable path: exit 1 with a message" test "$rc" -eq 1 -a -n "$(grep 'cannot write' "$tmp/err")"

run train --points "$tmp/p.csv" --epochs 3 --json
expect "train --points: exit 0" test "$rc" -eq 0
expect "train --points: the state uses dataset=custom with the points" has '"state":"[^"]*dataset=custom[^"]*points=[-0-9]' "$tmp/out"
expect "train --points: a preview line on stderr" has '^points: 500 points, 2 classes' "$tmp/err"

printf 'x,y,label\n1,2,0\n3,4\n5,1,1\n' >"$tmp/bad.csv"
run train --points "$tmp/bad.csv" --epochs 3
expect "train --points, CSV with an error: exit 1" test "$rc" -eq 1
expect "train --points, CSV with an error: the message names line 3" has 'bad.csv: line 3: expected 3 fields, got 2' "$tmp/err"
expect "train --points, CSV with an error: nothing trained" test ! -s "$tmp/out"

printf '1,2,-1\n12,-3,1\n' >"$tmp/far.csv"
run train --points "$tmp/far.csv" --epochs 1
expect "train --points, point outside [-6, 6]: exit 1 naming line 2" test "$rc" -eq 1 -a -n "$(grep 'line 2: x = 12 is outside' "$tmp/err")"
run train --points "$tmp/far.csv" --scale-points --epochs 1 --json
expect "train --points --scale-points: exit 0" test "$rc" -eq 0
expect "train --points --scale-points: points scaled by 0.5, labels -1/+1 mapped" has 'mapped to 0/1; scaled by 0.5' "$tmp/err"
run train --points "$tmp/missing.csv"
expect "train --points, missing file: exit 1" test "$rc" -eq 1 -a -n "$(grep 'cannot open' "$tmp/err")"

run train --model "$tmp/m.json" --epochs 2 --every 1 --json
expect "train --model: exit 0" test "$rc" -eq 0
if command -v python3 >/dev/null 2>&1; then
    same=$(python3 -c '
import json, sys
model = json.load(open(sys.argv[1]))
first = json.loads(open(sys.argv[2]).readline())
print("yes" if first["train_loss"] == model["metrics"]["train_loss"] else "no %r %r" % (first["train_loss"], model["metrics"]["train_loss"]))
' "$tmp/m.json" "$tmp/out" 2>&1)
    expect "train --model: epoch 0 has the exported model's train loss" test "$same" = yes
fi
expect "train --model: the state comes from the file" has '"state":"[^"]*dataset=xor[^"]*networkShape=3' "$tmp/out"

# Exact continuation (issue 13): export at epoch 12, train --model to 30 gives the epochs
# 13..30 of one run of 30, every digit, for every optimiser x schedule; the file carries
# the epoch and schedule (defect 5: the CLI restarted at epoch 0 and the base rate).
cont_base='dataset=circle&noise=10&networkShape=4,2&activation=tanh&learningRate=0.1&numSamples=150&batchSize=9&seed=cont'
cont_bad=
for opt in sgd momentum nesterov rmsprop adam; do
    for sched in constant 'step&stepEvery=5' 'exp&decayRate=0.95' 'plateau&plateauPatience=2&scheduleFactor=0.5'; do
        st="$cont_base&optimizer=$opt&schedule=$sched"
        # The numbers, not the diagnosis: a resumed run's diagnosis has not seen epochs 0..12.
        "$BIN" train --state "$st" --epochs 30 --every 1 --json 2>/dev/null | grep -v '"final"' | tail -n 18 |
            sed 's/,"diagnosis":.*}$/}/' >"$tmp/whole" || true
        "$BIN" export --state "$st" --epochs 12 --json "$tmp/cont.json" >/dev/null 2>&1 || true
        "$BIN" train --model "$tmp/cont.json" --epochs 30 --every 1 --json 2>/dev/null | grep -v '"final"' |
            tail -n 18 | sed 's/,"diagnosis":.*}$/}/' >"$tmp/resumed" || true
        if [[ $(lines "$tmp/whole") -ne 18 ]] || ! cmp -s "$tmp/whole" "$tmp/resumed"; then
            cont_bad+="$opt/$sched: $(diff "$tmp/whole" "$tmp/resumed" | head -n 2 || true) "
        fi
    done
done
expect "train --model after export --epochs 12: epochs 13..30 bit for bit as one run, 5 optimisers x 4 schedules" \
    test -z "$cont_bad"
[[ -z $cont_bad ]] || echo "      $cont_bad"
run train --model "$tmp/cont.json" --epochs 13 --every 1 --json
expect "train --model: starts at the file's epoch 12" has '^{"epoch":12,' "$tmp/out"
expect "train --model: trains on to epoch 13 (12, 13, summary)" test "$(lines "$tmp/out")" -eq 3
expect "export --json: the model file carries the run state" has '"run": {"version": 1, "epoch": 12' "$tmp/cont.json"
# compat=tf goes on bit for bit too: the model file carries its double weights (issue 13, task 5).
tf_st='dataset=spiral&networkShape=6,4&learningRate=0.03&compat=tf&seed=r&batchSize=10'
"$BIN" train --state "$tf_st" --epochs 20 --every 1 --json 2>/dev/null | grep -v '"final"' | tail -n 8 |
    sed 's/,"diagnosis":.*}$/}/' >"$tmp/whole" || true
"$BIN" export --state "$tf_st" --epochs 12 --json "$tmp/tf.json" >/dev/null 2>&1 || true
"$BIN" train --model "$tmp/tf.json" --epochs 20 --every 1 --json 2>/dev/null | grep -v '"final"' | tail -n 8 |
    sed 's/,"diagnosis":.*}$/}/' >"$tmp/resumed" || true
expect "compat=tf: train --model after export --epochs 12 gives epochs 13..20 of one run, every digit" \
    test "$(lines "$tmp/whole")" -eq 8 -a -n "$(cmp -s "$tmp/whole" "$tmp/resumed" && echo same)"
expect "compat=tf: the model file carries the double weights" has '"exact_params": \[' "$tmp/tf.json"
# A link whose run state does not fit its network (tests/data/run_mismatch_link.txt: the weights of
# a 4,2 network, the Adam moments of a 3 one): the weights load, and stderr says what did not fit.
run train --state "$(cat "$(dirname "${BASH_SOURCE[0]}")/data/run_mismatch_link.txt")" --epochs 4 --json
expect "a link's run state that does not fit: a warning naming the moments, the run goes on from epoch 3" \
    test "$rc" -eq 0 -a -n "$(grep "warning: ignored the link's run state (the optimiser's moments do not fit a network of 25 parameters): the run goes on from epoch 3" "$tmp/err")" -a \
         -n "$(grep '^{"epoch":3,' "$tmp/out")"

# Early stopping: the last row names the restored epoch (defect 10).
run train --state 'dataset=circle&percValData=30&earlyStopping=true&patience=3&learningRate=3&seed=es' --epochs 500 --json
expect "early stopping: the last row and the summary say which epoch was restored" \
    test "$(grep -c '"restored_epoch":' "$tmp/out")" -eq 2
run train --state 'dataset=circle&percValData=30&earlyStopping=true&patience=3&learningRate=3&seed=es' --epochs 500
expect "early stopping, table: the last row says whose figures it shows" has '(stopped; figures of epoch [0-9]*)' "$tmp/out"

head -c 200 "$tmp/m.json" >"$tmp/cut.json"
run train --model "$tmp/cut.json"
expect "train --model, malformed JSON: exit 1 with line and column" test "$rc" -eq 1 -a -n "$(grep 'cut.json: line [0-9]*, column' "$tmp/err")"
run train --model "$tmp/m.json" --state 'seed=x'
expect "train --model with --state: exit 2" test "$rc" -eq 2

# ---------------------------------------------------------------------------
# Shared links: --state takes a whole link copied from the page, weights and points included.
# The links recorded from main 142740f's page (tests/data/links) carry the metrics the page
# showed: the CLI's first printed figures must be the same, at the sender's epoch.

links=$(dirname "${BASH_SOURCE[0]}")/data/links/142740f.json
# recorded NAME FIELD: a recorded link's field (link, epoch, trainLoss, testLoss).
recorded() {
    python3 -c '
import json, sys
r = next(r for r in json.load(open(sys.argv[1]))["links"] if r["name"] == sys.argv[2])
print(r["metrics"][sys.argv[3]] if sys.argv[3] in r["metrics"] else r[sys.argv[3]])
' "$links" "$1" "$2"
}
# same_first NAME: the first JSON line of $tmp/out has the recorded epoch and losses (1e-6).
same_first() {
    python3 -c '
import json, sys
r = next(r for r in json.load(open(sys.argv[1]))["links"] if r["name"] == sys.argv[2])
first = json.loads(open(sys.argv[3]).readline())
m = r["metrics"]
ok = first["epoch"] == r["epoch"] and all(
    abs(first[k] - m[j]) <= 1e-6 * max(1.0, abs(m[j])) for k, j in (("train_loss", "trainLoss"), ("test_loss", "testLoss")))
print("yes" if ok else "no: epoch %s %s, train %r %r, test %r %r" % (first["epoch"], r["epoch"],
      first["train_loss"], m["trainLoss"], first["test_loss"], m["testLoss"]))
' "$links" "$1" "$tmp/out" 2>&1
}

if command -v python3 >/dev/null 2>&1; then
    link=$(recorded default-f32 link)
    run train --state "https://example.org/nnplay/#$link" --epochs 42 --every 1 --json
    expect "train --state LINK with weights: exit 0, no warnings" test "$rc" -eq 0 -a ! -s "$tmp/err"
    expect "train --state LINK: starts at the sender's epoch 40 with the page's losses" \
        test "$(same_first default-f32)" = yes
    expect "train --state LINK: trains on to epoch 42 (epochs 40, 41, 42 and the summary)" \
        test "$(lines "$tmp/out")" -eq 4
    run train --state "#$(recorded custom-points-weights link)" --epochs 15 --json
    expect "train --state LINK with points and weights: the page's losses at epoch 15" \
        test "$rc" -eq 0 -a "$(same_first custom-points-weights)" = yes
    expect "train --state LINK with points: the state uses them" \
        has '"state":"[^"]*dataset=custom[^"]*points=[-0-9]' "$tmp/out"
    run train --state "$(recorded ensemble-mixed-activations link)" --epochs 20 --json
    expect "train --state LINK of an ensemble: the page's losses at epoch 20" \
        test "$rc" -eq 0 -a "$(same_first ensemble-mixed-activations)" = yes
    run train --state "$(recorded state-and-points-only link)" --epochs 1 --json
    expect "train --state LINK with points only: the page's epoch-0 losses" \
        test "$rc" -eq 0 -a "$(same_first state-and-points-only)" = yes

    # A damaged payload: a warning naming it, and the run from the seed at epoch 0.
    broken=$(printf '%s' "$link" | sed 's/weights=\(.\{20\}\)./weights=\1_/')
    run train --state "$broken" --epochs 1 --json
    expect "train --state LINK, damaged weights: a warning naming them" has '^warning: ignored weights (checksum mismatch' "$tmp/err"
    expect "train --state LINK, damaged weights: trains from epoch 0" has '^{"epoch":0,' "$tmp/out"
    run train --state "v=2&$link" --epochs 41 --json
    expect "train --state LINK from a newer format: says so, still opens" \
        test "$rc" -eq 0 -a -n "$(grep 'made by a newer nnplay (link format 2, this one reads 1)' "$tmp/err")"

    run export --state "$link" --epochs 0 --json "$tmp/link.json"
    expect "export --state LINK --epochs 0: the model at the sender's epoch" \
        test "$rc" -eq 0 -a -n "$(grep 'trained 40 epochs' "$tmp/out")"
    run train --model "$tmp/link.json" --epochs 1 --json
    same=$(python3 -c '
import json, sys
first = json.loads(open(sys.argv[1]).readline())
print("yes" if abs(first["train_loss"] - float(sys.argv[2])) <= 1e-6 else "no %r" % first["train_loss"])
' "$tmp/out" "$(recorded default-f32 trainLoss)" 2>&1)
    expect "export --state LINK: the model file holds the link's weights" test "$same" = yes
else
    echo "note: python3 not found: the shared-link tests are skipped"
fi

# ---------------------------------------------------------------------------
# compat=tf: TensorFlow Playground's own numbers for its default link (seed 0.80725),
# epoch 0 (before training) then every epoch, printed to the last digit.

run train --state 'seed=0.80725&networkShape=4,2&compat=tf' --epochs 3 --every 1 --json
expect "train compat=tf: exit 0, no warnings" test "$rc" -eq 0 -a ! -s "$tmp/err"
expect "train compat=tf: epochs 0..3 and the summary" test "$(lines "$tmp/out")" -eq 5
# TensorFlow Playground's train loss at epoch 0 (0.5121262252253718) and test loss after
# epoch 3 (0.5049534621420902), from its src/*.ts under Node, to 15 digits (tanh's last bit).
expect "train compat=tf: epoch 0 train loss is theirs" has '"epoch":0,"train_loss":0.51212622522537[0-9]*,' "$tmp/out"
expect "train compat=tf: epoch 3 test loss is theirs" has '"epoch":3,.*"test_loss":0.50495346214209[0-9]*,' "$tmp/out"
run train --state 'seed=1&dataset=moons&compat=tf' --epochs 1 --json
expect "train compat=tf on a data set TensorFlow Playground lacks: a warning" has "compat=tf" "$tmp/err"

# ---------------------------------------------------------------------------
# bench (one repetition: checks it runs, trains and reports; not the figures)

run bench --json --reps 1
summary=$(json_summary "$tmp/out")
want=$'bench W1 samples_per_s\nbench W2 samples_per_s\nbench W3 samples_per_s\nbench W4 ms_per_grid\nbench W5 samples_per_s'
if [[ $rc -eq 0 && $summary == "$want" ]]; then
    pass "bench --json --reps 1: W1..W3 and W5 samples/s, W4 ms per grid"
else
    fail "bench --json --reps 1: W1..W3 and W5 samples/s, W4 ms per grid" "rc=$rc; $summary; $(cat "$tmp/err")"
fi

run bench --json --reps 1 --only W4,W1
summary=$(json_summary "$tmp/out")
if [[ $rc -eq 0 && $summary == $'bench W1 samples_per_s\nbench W4 ms_per_grid' ]]; then
    pass "bench --only W4,W1: only W1 and W4, in their order"
else
    fail "bench --only W4,W1: only W1 and W4, in their order" "rc=$rc; $summary; $(cat "$tmp/err")"
fi

# ---------------------------------------------------------------------------
# The training diagnosis (engine/diagnosis.h): beside the status, on every JSON row and in
# the summary; after the table's status line. Silent on a healthy run.

run train --epochs 20 --every 10 --json
expect "train --json: a healthy run has \"diagnosis\":[] on every line" \
    test "$(grep -c '"diagnosis":\[\]' "$tmp/out")" -eq "$(lines "$tmp/out")"
run train --json --epochs 50 --state 'dataset=spiral&networkShape=8,8&activation=relu&learningRate=10&seed=a'
expect "train --json: spiral, ReLU, rate 10: status stays ok" has '"final":true,"status":"ok"' "$tmp/out"
expect "train --json: ... and the summary names the collapse with its epoch" \
    grep -q '"final":true.*"diagnosis":\[{"code":"collapse","message":"The network gives[^"]*","since_epoch":[0-9]' "$tmp/out"
expect "train --json: ... and the dead ReLUs" grep -q '"final":true.*"code":"dead_units"' "$tmp/out"
run train --epochs 20 --state 'dataset=circle&init=zeros'
expect "train (table): init=zeros prints the symmetry diagnosis after the status" \
    grep -q '^diagnosis: symmetry (since epoch 0): Identical units: hidden layer 1 has 4 units but only 1 different' "$tmp/out"
expect "train (table): ... after the status line" test "$(grep -n '^status:' "$tmp/out" | cut -d: -f1)" -lt "$(grep -n '^diagnosis: symmetry' "$tmp/out" | cut -d: -f1)"
# Reliability (issue 13): runs that train nothing, huge figures, causes of divergence,
# oversized files, NUL bytes, byte order marks, control characters, long seeds, large JSON.

for state in 'dataset=custom' 'model=perceptron&problem=regression' 'model=perceptron&dataset=spiral&classes=6'; do
    run train --state "$state" --epochs 5 --json
    final=$(tail -n 1 "$tmp/out")
    if [[ $rc -eq 1 && $final == *'"status":"nothing_trained"'* && $final == *'"message":"Nothing was trained at epoch 0: '* ]]; then
        pass "train $state: status nothing_trained with the reason, exit 1"
    else
        fail "train $state: status nothing_trained with the reason, exit 1" "rc=$rc; ${final:0:300}"
    fi
done
run train --state 'model=perceptron&problem=regression' --epochs 5
expect "nothing trained, table: the status line says why" has '^status: nothing_trained: Nothing was trained at epoch 0: The perceptron is a classifier' "$tmp/out"

printf 'x,y,label\n1,1,3e38\n-1,-1,-3e38\n0.5,0.2,1e38\n2,2,3e38\n' >"$tmp/huge_labels.csv"
run train --state 'problem=regression&percTrainData=90' --points "$tmp/huge_labels.csv" --epochs 20
expect "huge finite losses: %g in the table, no 40-digit figures" \
    test "$rc" -eq 0 -a -n "$(grep -E '^ +0 +3\.16667e\+76 ' "$tmp/out")" -a -z "$(grep -E '[0-9]{20}' "$tmp/out")"
expect "divergence with labels of 3e38: the labels are named as the cause" has 'Likely cause: the labels are very large (up to 3e+38)' "$tmp/out"
run train --state 'initScale=10&activation=linear&networkShape=8,8,8&seed=a' --epochs 20
expect "divergence with initScale=10: the initial weights are named as the cause" has 'Likely cause: the initial weights are very large (initScale=10)' "$tmp/out"

head -c 3000000 /dev/zero | tr '\0' '1' >"$tmp/big.csv"
run train --points "$tmp/big.csv"
expect "oversized CSV: its real size, not the limit + 1" has 'the file is 3000000 bytes, at most 1048576 (1 MB)' "$tmp/err"
run train --points <(cat "$tmp/big.csv")
expect "oversized CSV from a pipe: more than the limit" has 'the file is more than 1048576 bytes' "$tmp/err"

printf '1,2,0\n3,4,1\0\n0.1,0.1,0\n' >"$tmp/nul.csv"
run train --points "$tmp/nul.csv"
expect "CSV with a NUL byte: refused, naming its line" test "$rc" -eq 1 -a -n "$(grep 'nul.csv: line 2: a NUL byte: this is not a text file' "$tmp/err")"
printf '\xef\xbb\xbf1,2,0\n3,4,1\n-1,-1,0\n' >"$tmp/bom.csv"
run train --points "$tmp/bom.csv" --epochs 1
expect "CSV with a byte order mark: no point dropped" has '^points: 3 points, 2 classes' "$tmp/err"
"$BIN" export --state 'networkShape=2&seed=bom' --epochs 2 --json "$tmp/plain.json" >/dev/null 2>&1
{ printf '\xef\xbb\xbf'; cat "$tmp/plain.json"; } >"$tmp/bom.json"
run train --model "$tmp/bom.json" --epochs 3
expect "model file with a byte order mark: read" test "$rc" -eq 0
{ cat "$tmp/plain.json"; printf '\0garbage'; } >"$tmp/nul.json"
run train --model "$tmp/nul.json" --epochs 3
expect "model file with a NUL byte after it: refused" test "$rc" -eq 1 -a -n "$(grep 'a NUL byte' "$tmp/err")"

printf '1,2,0\n3,\033]0;pwned\007,1\n' >"$tmp/esc.csv"
run train --points "$tmp/esc.csv"
expect "control characters in an error reach the terminal escaped" \
    test "$rc" -eq 1 -a -n "$(grep -F "y '\\x1b]0;pwned\\x07' is not a finite number" "$tmp/err")" -a -z "$(grep -P '[\x00-\x08\x0b-\x1f]' "$tmp/err")"
run train --state 'seed=a%00b&optimizer=adam%00relu&bogus=1' --epochs 1
expect "a NUL in a link: the later warnings are all there" \
    test -n "$(grep -F "ignored optimizer='adam\\x00relu'" "$tmp/err")" -a -n "$(grep "ignored unknown key 'bogus'" "$tmp/err")"
run train --state "seed=$(head -c 300 /dev/zero | tr '\0' s)" --epochs 1 --json
expect "a 300-character seed: cut to 256 with a warning" \
    test -n "$(grep 'seed is 300 characters long, at most 256; cut to the first 256' "$tmp/err")" -a \
         -n "$(grep -E "seed=s{256}&" "$tmp/out")"

{ printf '['; head -c 4000000 /dev/zero | tr '\0' '1' | sed 's/1/1,/g'; printf '1]'; } >"$tmp/array.json"
run train --model "$tmp/array.json"
expect "an 8 MB JSON array is refused at its first byte" has 'array.json: line 1, column 1: a model file is a JSON object' "$tmp/err"

# ---------------------------------------------------------------------------
# explain: one training step for one point (engine/explain.h).

run explain --state 'networkShape=3&regularization=L2&regularizationRate=0.01' --epochs 5 --point 1,2,1
expect "explain: exit 0, a table with forward, loss, backward and the update" \
    test "$rc" -eq 0 -a -n "$(grep '^forward' "$tmp/out")" -a -n "$(grep '^loss .* + L2 term' "$tmp/out")" -a \
         -n "$(grep '^backward: dL/dz' "$tmp/out")" -a -n "$(grep 'w h1.0->out' "$tmp/out")"
expect "explain: chain rule and finite differences agree within 1e-6" \
    test -n "$(grep -E 'finite differences: [0-9.]+e-(0[7-9]|[1-9][0-9])$' "$tmp/out")"
run explain --state 'dataset=spiral&classes=3&networkShape=4' --point 1,2,2 --json
expect "explain --json: one object with three output neurons and their weights" \
    test "$rc" -eq 0 -a "$(lines "$tmp/out")" -eq 1 -a -n "$(grep '"layers":\[{"neurons"' "$tmp/out")"
if [[ $json_tool == python3 ]]; then
    expect "explain --json: parses; numeric matches grad for every weight" python3 -c '
import json, sys
e = json.load(open(sys.argv[1]))
assert len(e["layers"]) == 2 and len(e["layers"][1]["neurons"]) == 3
for layer in e["layers"]:
    for p in layer["weights"] + layer["biases"]:
        assert abs(p["grad"] - p["numeric"]) <= 1e-6 * max(abs(p["grad"]), abs(p["numeric"])) + 1e-9, p
' "$tmp/out"
fi
run explain --point 1,2
expect "explain without a label: the nearest training point's" test "$rc" -eq 0 -a -n "$(grep '^point (1, 2), label [01];' "$tmp/out")"
run explain --point 1,x
expect "explain --point 1,x: exit 2, says what it needs" test "$rc" -eq 2 -a -n "$(grep 'needs X,Y or X,Y,LABEL' "$tmp/err")"
run explain --point 1,2,5
expect "explain with a label that is no class: exit 2" test "$rc" -eq 2 -a -n "$(grep 'class index from 0 to 1' "$tmp/err")"
run explain --point 1,2 --member 3
expect "explain --member 3 of one network: exit 2" test "$rc" -eq 2 -a -n "$(grep 'member 3 does not exist' "$tmp/err")"
run explain --epochs 3
expect "explain without --point: exit 2" test "$rc" -eq 2 -a -n "$(grep 'give --point' "$tmp/err")"
run explain --state model=perceptron --point 1,2,1
expect "explain a perceptron: exit 2, says why" test "$rc" -eq 2 -a -n "$(grep 'perceptron' "$tmp/err")"
# sweep: one run per derived seed, the spread, each seed reproducible with train.

run sweep --state 'dataset=circle&numSamples=100&seed=sw' --seeds 3 --epochs 8 --json
cp "$tmp/out" "$tmp/sweep.json"
expect "sweep --json: exit 0, 3 seed lines and the summary" test "$rc" -eq 0 -a "$(lines "$tmp/sweep.json")" -eq 4
expect "sweep --json: seeds derived as SEED/1..SEED/3" test "$(grep -c '"seed":"sw/[123]"' "$tmp/sweep.json")" -eq 3
expect "sweep --json: summary with the spread of test accuracy" has '"final":true,"seeds":3,"epochs":8,"test_loss_mean":[0-9.]*.*"test_acc_min"' "$tmp/sweep.json"
seed2_loss=$(grep '"seed":"sw/2"' "$tmp/sweep.json" | grep -o '"test_loss":[^,]*')
run train --state 'dataset=circle&numSamples=100&seed=sw/2' --epochs 8 --json
expect "sweep: seed sw/2's figures are those of nnplay train with that seed" has "$seed2_loss" "$tmp/out"
run sweep --state 'dataset=circle&numSamples=100&seed=sw' --seeds 3 --epochs 8 --json
expect "sweep: the same command gives the same numbers" cmp -s "$tmp/out" "$tmp/sweep.json"
run sweep --state 'problem=regression&numSamples=60&seed=r' --seeds 2 --epochs 3
expect "sweep, table: regression shows RMSE and the test loss spread" \
    test "$rc" -eq 0 -a -n "$(grep 'test rmse' "$tmp/out")" -a -n "$(grep '^test loss over 2 seeds: mean' "$tmp/out")"
run sweep --seeds 0
expect "sweep --seeds 0: exit 2 naming the range" test "$rc" -eq 2 -a -n "$(grep 'seeds needs an integer in 1..50' "$tmp/err")"
run sweep --epochs 100001
expect "sweep --epochs too many: exit 2" test "$rc" -eq 2 -a -n "$(grep 'epochs needs an integer in 1..100000' "$tmp/err")"
run sweep --seeds
expect "sweep --seeds without a value: exit 2" test "$rc" -eq 2 -a -n "$(grep 'missing value after --seeds' "$tmp/err")"
# See inside (issue 14): `surface` (the error surface) and `lr-find` (the learning-rate finder).

run surface --state 'problem=regression&regDataset=reg-plane&networkShape=&seed=bowl' --epochs 20 --size 21 --json
expect "surface --json: exit 0, one line" test "$rc" -eq 0 -a "$(lines "$tmp/out")" -eq 1
expect "surface: one unit on two inputs gives the exact surface over its two weights" \
    has '"method":"exact",.*"weights":\[0,1\]' "$tmp/out"
expect "surface --json: 21 rows of 21 losses and a path of 21 epochs" test "$(node -e '
    const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(s.grid.length === 21 && s.grid.every(r => r.length === 21 && r.every(Number.isFinite)) &&
                s.path.length === 21 && s.path[20].epoch === 20)' "$tmp/out")" = true
run surface --state 'networkShape=4,2&seed=s' --epochs 5 --size 5
expect "surface: a 2-4-2-1 network gets two random directions and a 5-row grid" \
    test "$rc" -eq 0 -a -n "$(grep '^directions: random' "$tmp/out")" -a "$(grep -cE '^[0-9.]+( [0-9.]+){4}$' "$tmp/out")" -eq 5
run surface --size 5 --epochs 5 --method pca --json
expect "surface --method pca: the principal directions of the path" has '"method":"pca"' "$tmp/out"
run surface --method pca --epochs 1
expect "surface --method pca without a path: exit 1, says to train first" \
    test "$rc" -eq 1 -a -n "$(grep 'train first' "$tmp/err")"
run surface --method hills
expect "surface --method hills: exit 2, names the methods" \
    test "$rc" -eq 2 -a -n "$(grep 'auto, exact, random or pca' "$tmp/err")"
run surface --weights 3,3
expect "surface --weights 3,3: exit 2" test "$rc" -eq 2
run surface --weights 0,99 --epochs 1
expect "surface --weights 0,99 on a 2-4-2-1 network: exit 1, the range of indices" \
    test "$rc" -eq 1 -a -n "$(grep 'different parameters in 0\.\.' "$tmp/err")"
run surface --size 2
expect "surface --size 2: exit 2" test "$rc" -eq 2

run lr-find --state 'seed=finder' --json
expect "lr-find --json: exit 0, a suggestion between 1e-5 and 10" test "$rc" -eq 0 -a "$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(r.suggestion > 1e-5 && r.suggestion < 10 && r.rates.length === r.losses.length && r.rates[0] === 1e-5)' "$tmp/out")" = true
lr=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).suggestion)' "$tmp/out")
run train --state "seed=finder&learningRate=$lr" --epochs 300 --every 300 --json
expect "lr-find: its suggestion trains circle to 95 % test accuracy in 300 epochs" \
    test "$(node -e '
    const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n");
    console.log(JSON.parse(lines[lines.length - 1]).test_acc >= 0.95)' "$tmp/out")" = true
run lr-find --epochs 2
expect "lr-find: a table with the suggestion" test "$rc" -eq 0 -a -n "$(grep '^suggested learning rate: ' "$tmp/out")"
run lr-find --state 'model=perceptron'
expect "lr-find on a perceptron: exit 1 with the reason" test "$rc" -eq 1 -a -n "$(grep 'perceptron' "$tmp/err")"
run lr-find --steps 5
expect "lr-find --steps 5: exit 2" test "$rc" -eq 2
# Formulas: a formula activation and a formula data set train; a bad formula is a usage error
# that names the key and the column.

run train --state 'dataset=formula&formula=x2-sin(x1)&activation=x*sigmoid(x)&networkShape=4&seed=f' --epochs 20 --every 20 --json
expect "formula activation and data: exit 0, no warnings" test "$rc" -eq 0 -a ! -s "$tmp/err"
losses=$(sed -n 's/.*"train_loss":\([-0-9.e+]*\).*/\1/p' "$tmp/out" | sed -n '1p;$p' | tr '\n' ' ')
expect "formula activation and data: the loss falls ($losses)" awk -v l="$losses" 'BEGIN { split(l, v, " "); exit !(v[2] < 0.8 * v[1]) }'
run train --state 'problem=regression&regDataset=formula&formula=x1*x2&layerActivations=tanh(x)&networkShape=6&seed=f' --epochs 5
expect "formula regression data with a per-layer formula: exit 0" test "$rc" -eq 0 -a ! -s "$tmp/err"
run train --state 'activation=x%2Bfoo(x)' --epochs 1
expect "a bad formula activation: exit 2" test "$rc" -eq 2
expect "a bad formula activation: the message names the column" \
    has "nnplay train: --state: ignored activation='x+foo(x)': unknown name 'foo' (the variable is x) at 3" "$tmp/err"
run export --state 'dataset=formula&formula=x1*(x2' --csv "$tmp/f.csv"
expect "a bad data formula: exit 2, with the column" test "$rc" -eq 2 -a -n "$(grep "'(' at 4 is never closed at 7" "$tmp/err")"

# ---------------------------------------------------------------------------
# settings: the table of settings, and README.md's copy of it.

run settings
expect "settings: exit 0, a header and one line per key" test "$rc" -eq 0 -a "$(lines "$tmp/out")" -gt 50
expect "settings: learningRate with its default, allowed and page ranges" \
    grep -Eq '^learningRate +number +0\.03 +1e-06\.\.10 +1e-05\.\.10 log +yes +Learning rate$' "$tmp/out"
run settings --bogus
expect "settings --bogus: exit 2" test "$rc" -eq 2

run settings --markdown
readme=$(dirname "${BASH_SOURCE[0]}")/../README.md
awk '/^<!-- settings-table: begin/ { on = 1; next } /^<!-- settings-table: end/ { on = 0 } on' "$readme" >"$tmp/readme_table"
if [[ $rc -eq 0 && -s $tmp/out ]] && cmp -s "$tmp/out" "$tmp/readme_table"; then
    pass "settings --markdown: README.md's State keys table is exactly the table"
else
    fail "settings --markdown: README.md's State keys table is exactly the table" \
        "run scripts/readme_settings.sh to update README.md; $(diff "$tmp/readme_table" "$tmp/out" | head -n 8)"
fi

# ---------------------------------------------------------------------------
# lessons: the course's files, a bad one and an unreachable target.

mkdir -p "$tmp/lessons"
printf -- '---\ntitle: T\nid: t\norder: 1\n---\nText.\n\n## Task: A\nwhen: test_acc >= 0.9\nanswer: train\nsolution: dataset=gauss\nepochs: 50\n' \
    >"$tmp/lessons/good.md"
run lessons --check "$tmp/lessons"
expect "lessons --check: a reachable target, exit 0" test "$rc" -eq 0
expect "lessons --check: says ok for the task" has "^ok  *t task 1 'A'" "$tmp/out"
run lessons --list "$tmp/lessons"
expect "lessons --list: order, id and title" grep -Eq '^ +1 +t +T +1 task$' "$tmp/out"
sed 's/test_acc >= 0.9/test_acc >= 1.01/' "$tmp/lessons/good.md" >"$tmp/lessons/late.md"
sed -i 's/^id: t$/id: u/' "$tmp/lessons/late.md"
run lessons --check "$tmp/lessons"
expect "lessons --check: an unreachable target, exit 1" test "$rc" -eq 1
expect "lessons --check: names the lesson, the task and the figure" \
    has "late.md: task 1 'A' (line 8): step 1 (line 9: test_acc >= 1.01) not met after 50 epochs: test_acc = 1" "$tmp/err"
rm "$tmp/lessons/late.md"
sed 's/^when: test_acc >= 0.9$/when: test_accuracy >= 0.9/' "$tmp/lessons/good.md" >"$tmp/lessons/bad.md"
run lessons --check "$tmp/lessons"
expect "lessons --check: a bad file, exit 1" test "$rc" -eq 1
expect "lessons --check: a bad file's error names its line" \
    has "bad.md: line 9: unknown name 'test_accuracy' in a condition" "$tmp/err"
run lessons
expect "lessons without --list or --check: exit 2" test "$rc" -eq 2
run lessons --list "$tmp/nowhere"
expect "lessons --list of a missing folder: exit 1" test "$rc" -eq 1

# ---------------------------------------------------------------------------
# Dropout (issue 14, item 7): seeded, carried by model files, named by explain and the export.
drop='dataset=circle&networkShape=6,4&numSamples=200&batchSize=7&seed=drop&dropout=0.3'
"$BIN" train --state "$drop" --epochs 20 --every 1 --json 2>/dev/null | grep -v '"final"' | tail -n 8 |
    sed 's/,"diagnosis":.*}$/}/' >"$tmp/drop_whole" || true
"$BIN" train --state "$drop" --epochs 20 --every 1 --json 2>/dev/null | grep -v '"final"' | tail -n 8 |
    sed 's/,"diagnosis":.*}$/}/' >"$tmp/drop_again" || true
"$BIN" train --state "${drop/dropout=0.3/dropout=0}" --epochs 20 --every 1 --json 2>/dev/null | grep -v '"final"' |
    tail -n 8 | sed 's/,"diagnosis":.*}$/}/' >"$tmp/drop_none" || true
expect "dropout: the same state trains to the same numbers" \
    test "$(lines "$tmp/drop_whole")" -eq 8 -a -n "$(cmp -s "$tmp/drop_whole" "$tmp/drop_again" && echo same)"
expect "dropout: it changes the run" test -n "$(cmp -s "$tmp/drop_whole" "$tmp/drop_none" || echo differs)"
"$BIN" export --state "$drop" --epochs 12 --json "$tmp/drop.json" --pytorch "$tmp/drop.py" >/dev/null 2>&1 || true
expect "dropout: the model file carries the rate and the generator" \
    test -n "$(grep -o 'dropout=0.3' "$tmp/drop.json" | head -n 1)" -a -n "$(grep -o '"dropout": \["' "$tmp/drop.json")"
"$BIN" train --model "$tmp/drop.json" --epochs 20 --every 1 --json 2>/dev/null | grep -v '"final"' | tail -n 8 |
    sed 's/,"diagnosis":.*}$/}/' >"$tmp/drop_resumed" || true
expect "dropout: train --model after export --epochs 12 goes on bit for bit" cmp -s "$tmp/drop_whole" "$tmp/drop_resumed"
expect "dropout: the PyTorch script has nn.Dropout and says its masks are torch's" \
    test -n "$(grep -o 'nn.Dropout(0.3)' "$tmp/drop.py" | head -n 1)" -a -n "$(grep -o "masks come from torch's generator" "$tmp/drop.py")"
run train --state 'dropout=2' --epochs 1
expect "dropout=2: clamped to 0.9 with a warning" has 'dropout' "$tmp/err"
run explain --state "$drop" --epochs 2 --point 1,2,1
expect "explain with dropout: says the step is shown without it" has 'dropout 0.3: shown without it' "$tmp/out"
run explain --state "$drop" --epochs 2 --point 1,2,1 --json
expect "explain --json with dropout: carries the rate" has '"dropout":0.3' "$tmp/out"

# ---------------------------------------------------------------------------
# Dropout per layer (session 8, issue 14): the PyTorch script has one nn.Dropout per layer with a
# rate, none where it is 0; a short list warns and says what is used; a page link stopped
# mid-epoch (--batches) exports a script that says so.
"$BIN" export --state 'networkShape=6,5,4&layerDropout=0.2,0,0.5&seed=ld' --epochs 2 --pytorch "$tmp/ld.py" >/dev/null 2>&1 || true
expect "layerDropout: the script has nn.Dropout(0.2) and nn.Dropout(0.5), no nn.Dropout(0)" \
    test "$(grep -c 'nn.Dropout(' "$tmp/ld.py")" -eq 2 -a -n "$(grep -o 'nn.Dropout(0.5)' "$tmp/ld.py")"
run train --state 'networkShape=3,2,5&dropout=0.1&layerDropout=0.2,0' --epochs 1
expect "layerDropout too short: one warning with the rates used" has 'using 0.2,0,0.1 (dropout=0.1 for the rest)' "$tmp/err"
run export --state "$drop" --epochs 3 --batches 5 --pytorch "$tmp/mid.py"
expect "export --batches: stopped mid-epoch, said by the CLI and in the script" \
    test "$rc" -eq 0 -a -n "$(grep -o 'mid-epoch' "$tmp/out" | head -n 1)" -a -n "$(grep -o 'stopped mid-epoch' "$tmp/mid.py")"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
