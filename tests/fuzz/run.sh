#!/usr/bin/env bash
# run.sh: builds the libFuzzer targets of tests/fuzz/ into build/fuzz/ (CMake's fuzz
# preset: clang++-14, ASan + UBSan, -O1 -g) and runs each
# for a bounded time on a copy of its seed corpus, so the committed corpus stays
# small (tests/fuzz/<target>.dict, when present, is passed as -dict). Any crash,
# failed check, leak, timeout or sanitizer report fails it.
# Usage: tests/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]   (default 20, every target)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

seconds=${1:-20}
# A fixed seed and a bounded number of runs make `make test` explore the same
# inputs every time (a slower machine stops early, on a prefix of them), so CI
# cannot fail on an input nobody has seen. FUZZ_SEED=0 picks a random seed, for
# exploring; FUZZ_RUNS=-1 runs until the time is up.
seed=${FUZZ_SEED:-1}
runs=${FUZZ_RUNS:-60000}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(fuzz_state fuzz_payload fuzz_link fuzz_csv fuzz_model_json fuzz_train fuzz_lesson
                                         fuzz_formula)

# The largest input a target may get: past its reader's limit, so the size checks and the
# largest valid inputs are reached (libFuzzer's default follows the seed corpus: about 4 KB).
max_len_of() {
    case $1 in
        fuzz_csv) echo $(((1 << 20) + 1)) ;;         # kCsvMaxBytes + 1
        fuzz_model_json) echo $(((8 << 20) + 1)) ;;  # kJsonMaxBytes + 1
        fuzz_payload) echo 131072 ;;                 # base64 of kPayloadMaxBytes (64 KiB), and more
        fuzz_state | fuzz_link) echo 262144 ;;       # a link with 5000 points and weights
        fuzz_lesson) echo 65537 ;;                   # kLessonMaxBytes + 1
        *) echo 8192 ;;                              # fuzz_train: two states; sizes are capped
    esac
}

# Large seeds, written into the run's corpus copy (the committed corpus stays small): each
# reader meets an input at or past its limits at least once per run.
large_seeds() {
    local target=$1 dir=$2
    case $target in
        fuzz_csv)
            awk 'BEGIN { for (i = 0; i <= 5000; i++) printf "%.1f,%.2f,%d\n", (i % 120) / 10 - 6, (i % 97) / 8 - 6, i % 2 }' \
                >"$dir/large_5001_points"
            head -c $(((1 << 20) + 1)) /dev/zero | tr '\0' '1' >"$dir/large_over_1mib" ;;
        fuzz_model_json)
            awk 'BEGIN { printf "{\"junk\": ["; for (i = 0; i < 500000; i++) printf "1,"; printf "1], \"format\": 1}" }' \
                >"$dir/large_1mb_skipped_key"
            awk 'BEGIN { printf "["; for (i = 0; i < 4190000; i++) printf "1,"; printf "1]" }' >"$dir/large_8mib_array"
            head -c $(((8 << 20) + 1)) /dev/zero | tr '\0' ' ' >"$dir/large_over_8mib" ;;
        fuzz_state | fuzz_link)
            awk 'BEGIN { printf "dataset=custom&points="; for (i = 0; i < 5000; i++) printf "%s%.2f,%.2f,%d", (i ? ";" : ""), (i % 120) / 10 - 6, (i % 97) / 8 - 6, i % 2 }' \
                >"$dir/large_5000_points" ;;
    esac
}

command -v clang++-14 >/dev/null || { echo "run.sh: clang++-14 not found (bash scripts/setup.sh fuzz)" >&2; exit 2; }

# The fuzz preset (CMakePresets.json): clang++-14, the engine with ASan + UBSan, -O1 -g, one
# program per target; -Werror on the targets themselves.
out=build/fuzz
mkdir -p "$out/artifacts"
if ! { [[ -f $out/CMakeCache.txt ]] || cmake --preset fuzz >"$out/configure.log" 2>&1; } ||
   ! cmake --build --preset fuzz -j2 >"$out/build.log" 2>&1; then
    echo "FAIL  the fuzz targets do not build with clang++-14: see $out/configure.log, $out/build.log"
    tail -n 20 "$out/build.log" 2>/dev/null || true
    echo "0 passed, ${#targets[@]} failed"
    exit 1
fi

passed=0
failed=0
for target in "${targets[@]}"; do
    bin=$out/$target
    corpus=$out/corpus/$target
    rm -rf "$corpus"
    mkdir -p "$corpus"
    cp tests/fuzz/corpus/$target/* "$corpus/" 2>/dev/null || true
    large_seeds "$target" "$corpus"
    dict=()
    [[ -f tests/fuzz/$target.dict ]] && dict=(-dict="tests/fuzz/$target.dict")
    [[ $target == fuzz_train ]] && dict=(-dict=tests/fuzz/fuzz_state.dict)  # state texts too
    log=$out/$target.log
    rc=0
    "$bin" "$corpus" "${dict[@]}" -seed="$seed" -runs="$runs" -max_total_time="$seconds" \
        -timeout=5 -rss_limit_mb=2048 -max_len="$(max_len_of "$target")" \
        -print_final_stats=1 -artifact_prefix="$out/artifacts/$target-" >"$log" 2>&1 || rc=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    if [[ $rc -eq 0 ]]; then
        echo "ok    $target: $execs runs (seed $seed, at most ${seconds}s), corpus $(ls "$corpus" | wc -l) inputs"
        passed=$((passed + 1))
    else
        echo "FAIL  $target (exit $rc): see $log; the input is in $out/artifacts/"
        grep -m 5 -E 'ERROR|SUMMARY|check failed|NNPLAY_ASSERT|runtime error' "$log" | sed 's/^/      /' || true
        failed=$((failed + 1))
    fi
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
