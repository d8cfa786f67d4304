// bench_command.cpp: `nnplay bench`, the engine's throughput on five fixed
// workloads (four training, one heatmap grid), as median/min/max of timed
// repetitions, so optimisations and the native-vs-WASM gap can be measured.
#include "cli/commands.h"

#include "engine/json_writer.h"
#include "engine/parallel.h"
#include "engine/trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnplay::cli {

namespace {

constexpr double kMinRepSeconds = 0.2;  // each timed repetition lasts at least this long
constexpr int kGridResolution = 256;

#ifdef NDEBUG
constexpr const char* kBuild = "release";
#else
constexpr const char* kBuild = "debug";
#endif

// What every workload shares: TensorFlow Playground's circle data with the
// defaults spelled out, so a changed default cannot silently change the figures.
constexpr const char* kCommonState =
    "dataset=circle&numSamples=500&noise=0&percTrainData=50&percValData=0&x=true&y=true"
    "&activation=tanh&optimizer=sgd&learningRate=0.03&seed=bench";

enum class Kind { train, grid };

struct Workload {
    const char* id;
    const char* description;
    std::string state;  // the query the trainer is built from
    Kind kind;
};

std::vector<Workload> workloads() {
    const std::string common = kCommonState;
    const std::string w2 = common + "&networkShape=8,8,8,8,8,8&batchSize=10";
    return {
        {"W1", "2-4-2-1, batch 10 (TF Playground default)",
         common + "&networkShape=4,2&batchSize=10", Kind::train},
        {"W2", "six hidden layers of 8, batch 10", w2, Kind::train},
        {"W3", "2-64-64-64-1, batch 64", common + "&networkShape=64,64,64&batchSize=64",
         Kind::train},
        {"W4", "W2's network, 256x256 grid forward", w2, Kind::grid},
        // Multi-class: three spiral arms, softmax + cross-entropy (automatic for 3 classes).
        {"W5", "3-class spiral, 16,16 ReLU, softmax, Adam, batch 10",
         "dataset=spiral&classes=3&numSamples=500&noise=0&percTrainData=50&percValData=0&x=true&y=true"
         "&activation=relu&optimizer=adam&learningRate=0.01&networkShape=16,16&batchSize=10&seed=bench",
         Kind::train},
    };
}

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Runs `units` units of work (epochs or grids) and returns the seconds taken,
// or nullopt if training stopped (diverged or early-stopped).
std::optional<double> time_units(Trainer& trainer, Kind kind, long long units, GridOutput& grid) {
    const Clock::time_point start = Clock::now();
    for (long long i = 0; i < units; ++i) {
        if (kind == Kind::train) {
            if (!trainer.step_epoch(false)) return std::nullopt;
        } else {
            trainer.evaluate_grid(kGridResolution, grid, false);
        }
    }
    return seconds_since(start);
}

struct Result {
    std::vector<double> rates;  // per rep: samples/s (train) or ms per grid (grid)
    long long units_per_rep = 0;
    double loss_before = 0, loss_after = 0;
    double median = 0, min = 0, max = 0;
};

double median_of(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// Times one workload: a warm-up that also finds how many units last
// kMinRepSeconds, then `reps` timed repetitions of that many units. Returns
// nullopt after printing the reason when the workload is not valid.
std::optional<Result> run_workload(const Workload& w, int reps) {
    StateReadResult read = from_query(w.state);
    if (!read.warnings.empty()) {  // the bench's own query must be clean
        for (const std::string& msg : read.warnings)
            std::fprintf(stderr, "nnplay bench: %s: state: %s\n", w.id, msg.c_str());
        return std::nullopt;
    }
    Trainer trainer(read.state);
    const long long samples_per_epoch = (long long)trainer.data().train.size();
    if (samples_per_epoch == 0) {
        std::fprintf(stderr, "nnplay bench: %s: no training points\n", w.id);
        return std::nullopt;
    }
    GridOutput grid;
    Result r;
    trainer.measure();
    r.loss_before = trainer.metrics().train_loss;

    auto stopped = [&] {
        std::fprintf(stderr, "nnplay bench: %s: training stopped (%s): %s\n", w.id,
                     name_of(trainer.status()), trainer.status_message().c_str());
        return std::nullopt;
    };

    // Warm-up and calibration: grow the unit count until one run lasts long
    // enough; the last run is the warm-up.
    long long units = 1;
    for (;;) {
        std::optional<double> t = time_units(trainer, w.kind, units, grid);
        if (!t) return stopped();
        if (*t >= kMinRepSeconds) break;
        const double scale = *t > 0 ? 1.1 * kMinRepSeconds / *t : 100.0;
        units = std::max(units + 1, (long long)std::ceil(double(units) * std::min(scale, 100.0)));
    }
    r.units_per_rep = units;

    for (int rep = 0; rep < reps; ++rep) {
        std::optional<double> t = time_units(trainer, w.kind, units, grid);
        if (!t) return stopped();
        r.rates.push_back(w.kind == Kind::train ? double(units * samples_per_epoch) / *t
                                                : 1000.0 * *t / double(units));
    }
    r.median = median_of(r.rates);
    r.min = *std::min_element(r.rates.begin(), r.rates.end());
    r.max = *std::max_element(r.rates.begin(), r.rates.end());

    trainer.measure();
    r.loss_after = trainer.metrics().train_loss;
    if (w.kind == Kind::train &&
        !(std::isfinite(r.loss_after) && r.loss_after < r.loss_before)) {
        std::fprintf(stderr,
                     "nnplay bench: %s: the training loss did not go down (%.6g before, %.6g "
                     "after %lld epochs): a benchmark that trains nothing measures nothing\n",
                     w.id, r.loss_before, r.loss_after, units * (reps + 1));
        return std::nullopt;
    }
    if (w.kind == Kind::grid && !grid.output.allFinite()) {
        std::fprintf(stderr, "nnplay bench: %s: the grid output is not finite\n", w.id);
        return std::nullopt;
    }
    return r;
}

void print_json(const Workload& w, const Result& r, int reps) {
    const bool train = w.kind == Kind::train;
    JsonLine j;
    j.add("impl", "nnplay-native")
        .add("workload", w.id)
        .add(train ? "samples_per_s" : "ms_per_grid", r.median)
        .add("min", r.min)
        .add("max", r.max)
        .add("reps", reps)
        .add(train ? "epochs_per_rep" : "grids_per_rep", r.units_per_rep)
        .add("description", w.description)
        .add("build", kBuild);
    if (!train) j.add("threads", parallel_parts());
    if (train) j.add("loss_before", r.loss_before).add("loss_after", r.loss_after);
    j.add("state", w.state);
    std::printf("%s\n", j.str().c_str());
}

void print_row(const Workload& w, const Result& r) {
    const bool train = w.kind == Kind::train;
    const char* number = train ? "%13.0f" : "%13.3f";
    std::printf("%-9s%-44s", w.id, w.description);
    std::printf(number, r.median);
    std::printf(number, r.min);
    std::printf(number, r.max);
    if (train) std::printf("  samples/s\n");
    else std::printf("  ms/grid (%d thread%s)\n", parallel_parts(), parallel_parts() > 1 ? "s" : "");
}

// `only` split at commas.
std::vector<std::string> split_ids(std::string_view only) {
    std::vector<std::string> ids;
    for (std::size_t start = 0;;) {
        const std::size_t comma = std::min(only.find(',', start), only.size());
        ids.emplace_back(only.substr(start, comma - start));
        if (comma == only.size()) return ids;
        start = comma + 1;
    }
}

// ---- --formulas: a built-in activation against the formula that equals it ----------------

// W2 (six hidden layers of 8, batch 10): the network where the activations weigh most.
constexpr const char* kFormulaBase = "&networkShape=8,8,8,8,8,8&batchSize=10";
// Two trainers that should compute the same function agree this well (relative) in loss.
constexpr double kSameLoss = 1e-4;

struct FormulaPair {
    const char* id;
    const char* builtin;
    const char* formula;  // as typed in a link (percent-encoded where needed)
    const char* shown;    // as printed
};

const FormulaPair kFormulaPairs[] = {
    {"F1", "tanh", "tanh(x)", "tanh(x)"},
    {"F2", "relu", "relu(x)", "relu(x)"},
    {"F3", "relu", "max(0,x)", "max(0, x)"},
    {"F4", "sigmoid", "sigmoid(x)", "sigmoid(x)"},
};

std::string pair_state(const char* activation) {
    std::string state = kCommonState;
    state.replace(state.find("activation=tanh"), 15, std::string("activation=") + activation);
    return state + kFormulaBase;
}

struct PairResult {
    double builtin = 0, formula = 0;  // median samples/s
    double ratio = 0;                 // median over reps of builtin / formula time
    long long epochs_per_rep = 0;
    double builtin_loss = 0, formula_loss = 0;
    bool same_bits = false;  // the same loss and weights, bit for bit
};

// Times one pair: both trainers start from the same seed and train the same epochs, in
// alternating repetitions so drift in the machine's speed hits both alike.
std::optional<PairResult> run_pair(const FormulaPair& p, int reps) {
    StateReadResult a = from_query(pair_state(p.builtin)), b = from_query(pair_state(p.formula));
    for (const StateReadResult* r : {&a, &b})
        for (const std::string& msg : r->warnings) {
            std::fprintf(stderr, "nnplay bench: %s: state: %s\n", p.id, msg.c_str());
            return std::nullopt;
        }
    Trainer builtin(a.state), formula(b.state);
    const long long samples = (long long)builtin.data().train.size();
    GridOutput unused;
    auto stopped = [&](const Trainer& t) {
        std::fprintf(stderr, "nnplay bench: %s: training stopped (%s): %s\n", p.id, name_of(t.status()),
                     t.status_message().c_str());
        return std::nullopt;
    };
    long long units = 1;
    for (;;) {  // calibrated on the built-in; the formula trains the same epochs as warm-up
        std::optional<double> t = time_units(builtin, Kind::train, units, unused);
        if (!t) return stopped(builtin);
        if (!time_units(formula, Kind::train, units, unused)) return stopped(formula);
        if (*t >= kMinRepSeconds) break;
        const double scale = *t > 0 ? 1.1 * kMinRepSeconds / *t : 100.0;
        units = std::max(units + 1, (long long)std::ceil(double(units) * std::min(scale, 100.0)));
    }
    std::vector<double> rate_b, rate_f, ratios;
    for (int rep = 0; rep < reps; ++rep) {
        std::optional<double> tb = time_units(builtin, Kind::train, units, unused);
        if (!tb) return stopped(builtin);
        std::optional<double> tf = time_units(formula, Kind::train, units, unused);
        if (!tf) return stopped(formula);
        rate_b.push_back(double(units * samples) / *tb);
        rate_f.push_back(double(units * samples) / *tf);
        ratios.push_back(*tf / *tb);
    }
    PairResult r;
    r.builtin = median_of(rate_b);
    r.formula = median_of(rate_f);
    r.ratio = median_of(ratios);
    r.epochs_per_rep = units;
    builtin.measure();
    formula.measure();
    r.builtin_loss = builtin.metrics().train_loss;
    r.formula_loss = formula.metrics().train_loss;
    r.same_bits = r.builtin_loss == r.formula_loss && builtin.network().params() == formula.network().params();
    return r;
}

bool losses_agree(const PairResult& r) {
    return std::isfinite(r.builtin_loss) &&
           std::abs(r.formula_loss - r.builtin_loss) <= kSameLoss * std::abs(r.builtin_loss);
}

}  // namespace

int run_bench_formulas(const BenchOptions& options) {
    if (!options.json) {
        std::printf("nnplay bench --formulas (%s build): W2 (six hidden layers of 8, batch 10) with a "
                    "built-in activation and with the formula equal to it; median of %d alternating "
                    "repetitions after one warm-up, each >= %.1f s\n\n",
                    kBuild, options.reps, kMinRepSeconds);
        std::printf("%-5s%-10s%-12s%15s%15s%10s  %s\n", "id", "built-in", "formula", "built-in/s",
                    "formula/s", "slower", "results");
        std::fflush(stdout);
    }
    bool all_agree = true;
    for (const FormulaPair& p : kFormulaPairs) {
        std::optional<PairResult> r = run_pair(p, options.reps);
        if (!r) return kExitFailure;
        const bool agree = losses_agree(*r);
        all_agree = all_agree && agree;
        if (options.json) {
            JsonLine j;
            j.add("impl", "nnplay-native")
                .add("workload", p.id)
                .add("builtin", p.builtin)
                .add("formula", p.shown)
                .add("builtin_samples_per_s", r->builtin)
                .add("formula_samples_per_s", r->formula)
                .add("slowdown", r->ratio)
                .add("reps", options.reps)
                .add("epochs_per_rep", r->epochs_per_rep)
                .add("builtin_loss", r->builtin_loss)
                .add("formula_loss", r->formula_loss)
                .add("same_bits", r->same_bits)
                .add("build", kBuild)
                .add("state", pair_state(p.formula));
            std::printf("%s\n", j.str().c_str());
        } else {
            const double diff = std::abs(r->formula_loss - r->builtin_loss) / std::abs(r->builtin_loss);
            char results[96];
            if (r->same_bits) std::snprintf(results, sizeof results, "the same, bit for bit");
            else std::snprintf(results, sizeof results, "loss %.3g apart (relative)%s", diff, agree ? "" : ": DIFFER");
            std::printf("%-5s%-10s%-12s%15.0f%15.0f%9.2fx  %s\n", p.id, p.builtin, p.shown, r->builtin,
                        r->formula, r->ratio, results);
        }
        std::fflush(stdout);
    }
    if (!all_agree)
        std::fprintf(stderr, "nnplay bench: a formula's training loss differs from its built-in's by more "
                             "than %g (relative)\n", kSameLoss);
    return all_agree ? kExitOk : kExitFailure;
}

std::optional<std::string> bench_only_error(std::string_view only) {
    const std::vector<Workload> all = workloads();
    for (const std::string& id : split_ids(only))
        if (std::none_of(all.begin(), all.end(), [&](const Workload& w) { return id == w.id; }))
            return "--only: no workload '" + id + "' (W1 to W5, comma-separated)";
    return std::nullopt;
}

int run_bench(const BenchOptions& options) {
    set_max_threads(options.threads);
    std::vector<Workload> list = workloads();
    if (!options.only.empty()) {  // the ids were checked by bench_only_error
        const std::vector<std::string> ids = split_ids(options.only);
        std::erase_if(list, [&](const Workload& w) {
            return std::find(ids.begin(), ids.end(), w.id) == ids.end();
        });
    }
    if (!options.json) {
        std::printf("nnplay bench (%s build): median, min and max of %d repetitions after one "
                    "warm-up, each >= %.1f s\n",
                    kBuild, options.reps, kMinRepSeconds);
        for (const Workload& w : list)  // whole, to paste into `nnplay train --state`
            std::printf("%s state: %s\n", w.id, w.state.c_str());
        std::printf("\n%-9s%-44s%13s%13s%13s  %s\n", "workload", "description", "median", "min",
                    "max", "unit");
        std::fflush(stdout);
    }
    for (const Workload& w : list) {
        std::optional<Result> r = run_workload(w, options.reps);
        if (!r) return kExitFailure;
        if (options.json) print_json(w, *r, options.reps);
        else print_row(w, *r);
        std::fflush(stdout);
    }
    return kExitOk;
}

}  // namespace nnplay::cli
