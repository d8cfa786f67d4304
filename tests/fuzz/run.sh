#!/usr/bin/env bash
# run.sh: builds the libFuzzer targets of tests/fuzz/ into build/fuzz/ (engine
# sources compiled directly with clang++-14, ASan + UBSan, -O1 -g) and runs each
# for a bounded time on a copy of its seed corpus, so the committed corpus stays
# small (tests/fuzz/<target>.dict, when present, is passed as -dict). Any crash,
# failed check, leak, timeout or sanitizer report fails it.
# Usage: tests/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]   (default 20, all four)
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
[[ ${#targets[@]} -gt 0 ]] || targets=(fuzz_state fuzz_payload fuzz_csv fuzz_model_json)

CXX=${CXX:-clang++-14}
command -v "$CXX" >/dev/null || { echo "run.sh: $CXX not found (bash scripts/setup.sh fuzz)" >&2; exit 2; }

out=build/fuzz
mkdir -p "$out/obj" "$out/artifacts"
# -Wno-psabi: as in CMakeLists.txt (matmul.cpp passes 32-byte vectors without AVX).
# -Werror only for the targets below: the engine's warnings are CMake's (CI) to fail on.
flags=(-std=c++20 -O1 -g -fno-omit-frame-pointer -Wall -Wextra -Wno-psabi -ffp-contract=off
       -fsanitize=address,undefined -fno-sanitize-recover=all
       -iquote engine -isystem /usr/include/eigen3)

# The engine, once per change: an object is rebuilt when its source or any
# engine header is newer than it.
newest_header=$(ls -t engine/*.h | head -n 1)
objects=()
pids=()
build_failed=0
for src in engine/*.cpp; do
    obj=$out/obj/$(basename "${src%.cpp}").o
    objects+=("$obj")
    if [[ ! -f $obj || $src -nt $obj || $newest_header -nt $obj ]]; then
        rm -f "$obj"
        "$CXX" "${flags[@]}" -fsanitize=fuzzer-no-link -c "$src" -o "$obj" &
        pids+=($!)
        # Two compilers at a time.
        if [[ ${#pids[@]} -ge 2 ]]; then
            wait "${pids[0]}" || build_failed=1
            pids=("${pids[@]:1}")
        fi
    fi
done
for pid in "${pids[@]}"; do wait "$pid" || build_failed=1; done
if [[ $build_failed -ne 0 ]]; then
    echo "FAIL  the engine does not build with $CXX"
    echo "0 passed, ${#targets[@]} failed"
    exit 1
fi

passed=0
failed=0
for target in "${targets[@]}"; do
    bin=$out/$target
    if ! "$CXX" "${flags[@]}" -Werror -fsanitize=fuzzer "tests/fuzz/$target.cpp" "${objects[@]}" -o "$bin"; then
        echo "FAIL  $target: does not build"
        failed=$((failed + 1))
        continue
    fi
    corpus=$out/corpus/$target
    rm -rf "$corpus"
    mkdir -p "$corpus"
    cp tests/fuzz/corpus/$target/* "$corpus/" 2>/dev/null || true
    dict=()
    [[ -f tests/fuzz/$target.dict ]] && dict=(-dict="tests/fuzz/$target.dict")
    log=$out/$target.log
    rc=0
    "$bin" "$corpus" "${dict[@]}" -seed="$seed" -runs="$runs" -max_total_time="$seconds" \
        -timeout=5 -rss_limit_mb=2048 \
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
