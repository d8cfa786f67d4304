# nnplay's build entry points: `make test` installs what is missing (Debian 12, root), builds
# natively and runs every test; `make serve` shows the page. CMake does the real work
# (CMakePresets.json); this file only orders the steps and keeps re-runs cheap.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := native
MAKEFLAGS += --no-print-directory

PORT ?= 8080
JOBS ?= 2
# -Werror in CI (CI=true); override with `make NNPLAY_WERROR=ON|OFF`.
NNPLAY_WERROR ?= $(if $(filter-out 0 false,$(CI)),ON,OFF)
# Debian's emcc needs this to find acorn ("Cannot find module 'acorn'"); for the web targets.
export NODE_PATH := /usr/share/nodejs

# configure PRESET: configures only when the build folder has no cache or no generated build
# system yet (a failed generate step leaves a cache behind), or its NNPLAY_WERROR differs from
# the one wanted; otherwise `cmake --build` reconfigures by itself when CMake files change.
define configure
	@if ! grep -qsx 'NNPLAY_WERROR:BOOL=$(NNPLAY_WERROR)' build/$(1)/CMakeCache.txt || \
	    ! [[ -f build/$(1)/Makefile || -f build/$(1)/build.ninja ]]; then \
		echo "cmake --preset $(1) -DNNPLAY_WERROR=$(NNPLAY_WERROR)"; \
		cmake --preset $(1) -DNNPLAY_WERROR=$(NNPLAY_WERROR); \
	fi
endef

.PHONY: setup native debug web test test-native test-debug test-asan test-web test-wasm bench serve clean

setup:
	@bash scripts/setup.sh native

# The CLI lands at build/native-release/nnplay.
native: setup
	$(call configure,native-release)
	cmake --build --preset native-release -j$(JOBS)

debug: setup
	$(call configure,native-debug)
	cmake --build --preset native-debug -j$(JOBS)

# The page: build/wasm-release/{index.html,nnplay.js,nnplay.wasm,nnplay.data}, and beside it
# the same page with WebAssembly threads, nnplay-mt.{js,wasm,data,worker.js} (built in
# build/wasm-threads), which index.html loads where the page is cross-origin isolated.
web:
	@bash scripts/setup.sh web
	$(call configure,wasm-release)
	cmake --build --preset wasm-release -j$(JOBS)
	$(call configure,wasm-threads)
	cmake --build --preset wasm-threads -j$(JOBS) --target nnplay_web
	cp -p build/wasm-threads/nnplay-mt.{js,wasm,data,worker.js} build/wasm-release/

# ---- Tests -------------------------------------------------------------------------------
# `make test` runs every suite. Further suites (test-web, test-fuzz, ...) are added as
# prerequisites on the `test:` line below, each defined as its own target.
test: test-native test-asan test-web test-wasm test-fuzz

# Node and node_modules/seedrandom first: a native test compares our generator with it;
# python3-torch for tests/pytorch_test.sh (it skips, saying why, where torch is missing).
test-native: native
	@bash scripts/setup.sh npm
	@bash scripts/setup.sh test || echo "python3-torch could not be installed: the pytorch test skips"
	ctest --preset native-release -j$(JOBS)

test-debug: debug
	ctest --preset native-debug -j$(JOBS)

# The doctest suite under AddressSanitizer and UndefinedBehaviorSanitizer (the asan preset:
# debug with asserts, -O1; the first report fails the run). build/asan is kept, so a re-run
# rebuilds only what changed.
test-asan: setup
	@bash scripts/setup.sh npm
	$(call configure,asan)
	cmake --build --preset asan -j$(JOBS) --target nnplay_tests
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 build/asan/nnplay_tests

# The page in headless Chromium (tests/browser/*.test.mjs on node:test, tests/browser/harness.mjs):
# loads, draws, trains, follows links. One test file at a time: the idle test counts frames, and
# SwiftShader on 2 cores is slow. TAP output: its closing lines read `# pass N` and `# fail N`.
# Then the page's speed figure, printed as information (bench-page).
test-web: web
	node --test --test-concurrency=1 --test-reporter=tap tests/browser/
	@$(MAKE) bench-page
# The engine in WebAssembly (the page's build, under Node) prints the same numbers as native.
test-wasm: native web
	bash tests/wasm_same_as_native.sh build/native-release/nnplay build/wasm-release/nnplay-cli.js

# The readers of user input (links, payloads, CSV, model JSON) under libFuzzer with ASan and
# UBSan (tests/fuzz/run.sh): FUZZ_SECONDS per target; any crash, leak or timeout fails.
FUZZ_SECONDS ?= 10
.PHONY: test-fuzz
test-fuzz:
	@bash scripts/setup.sh fuzz
	bash tests/fuzz/run.sh $(FUZZ_SECONDS)

# ---- End of tests ------------------------------------------------------------------------

# Every implementation on the same four workloads, one after another in one run
# (scripts/bench/run.mjs): nnplay native and in WebAssembly, TensorFlow.js (cpu and wasm
# backends), brain.js, ConvNetJS. A table on the terminal, JSON lines in build/bench.jsonl.
# BENCH_REPS: timed repetitions per figure. `nnplay bench` alone times the native engine.
BENCH_REPS ?= 7
bench: native web bench-deps
	cmake --build --preset wasm-threads -j$(JOBS) --target nnplay_cli  # nnplay-cli-mt.js (W4)
	node scripts/bench/run.mjs --reps $(BENCH_REPS)
	@$(MAKE) bench-page

# The page's speed figures (scripts/bench/page.mjs), one table: at 1280x800 and 1920x1080 in
# headless Chromium (NNPLAY_BENCH_HIDPI=1 adds 1280x800 at dpr 2), a bare WebGL 2 canvas, the
# widgets-only page and the page training: fps and ratios, main-thread work per frame, draw calls,
# triangles, uploads; then the 8 x 64 network's output grid while training and after a pause.
# NNPLAY_BENCH_PARTS=1 adds the breakdown by part. Fails only when the page cannot load.
.PHONY: bench-page
bench-page: web
	node scripts/bench/page.mjs

# The JavaScript peers are devDependencies (package.json); npm installs them from the lock file
# when one is missing. ONNX Runtime (about 450 MB, W4 only) is kept out of the test dependencies:
# it goes to build/bench-npm, at a pinned version, without the GPU files onnxruntime-node's
# install step would fetch. At run time nothing is fetched.
ORT_VERSION := 1.31.1
.PHONY: bench-deps
bench-deps:
	@for p in @tensorflow/tfjs @tensorflow/tfjs-backend-wasm brain.js convnetjs; do \
		if [[ ! -d node_modules/$$p ]]; then \
			echo "npm install (node_modules/$$p is missing)"; \
			npm install --no-audit --no-fund --loglevel=error; \
			break; \
		fi; \
	done
	@if [[ ! -d build/bench-npm/node_modules/onnxruntime-web || ! -d build/bench-npm/node_modules/onnxruntime-node ]]; then \
		echo "npm install onnxruntime-web and onnxruntime-node $(ORT_VERSION) into build/bench-npm"; \
		mkdir -p build/bench-npm && echo '{"private": true}' > build/bench-npm/package.json; \
		ONNXRUNTIME_NODE_INSTALL=skip npm install --prefix build/bench-npm --no-audit --no-fund --loglevel=error \
			onnxruntime-web@$(ORT_VERSION) onnxruntime-node@$(ORT_VERSION) || \
			echo "bench: ONNX Runtime could not be installed; its rows will say so"; \
	fi

# Serves the page on http://127.0.0.1:$(PORT) (Ctrl-C stops).
serve: web
	node scripts/serve.mjs build/wasm-release $(PORT)

clean:
	rm -rf build
