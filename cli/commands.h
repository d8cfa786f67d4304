// commands.h: the nnplay CLI's commands, one per file (train_command.cpp,
// export_command.cpp, bench_command.cpp, settings_command.cpp); main.cpp parses
// the arguments into these option structs and dispatches (also sweep_command.cpp,
// lessons_command.cpp, explain_command.cpp). Each command returns the process exit status.
#pragma once

#include "engine/printable.h"  // printable(): what a file or link says, shown safely
#include "engine/surface.h"    // SurfaceMethod

#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace nnplay::cli {

// Exit statuses shared by every command.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;  // the command ran and found something wrong (bench)
constexpr int kExitUsage = 2;    // bad command line; usage went to stderr

struct TrainOptions {
    std::string state_query;  // as given to --state; empty = every default
    int epochs = 100;         // 1..1000000
    int every = 10;           // print every K epochs (≥ 1); epoch 0 and the last always
    bool json = false;        // one JSON object per line instead of a table
    std::string points_file;  // --points: a CSV of custom points (dataset=custom); empty = none
    bool scale_points = false;  // --scale-points: scale points outside [-6, 6] in, not refuse
    std::string model_file;   // --model: a model JSON to continue from (state + weights)
};

struct ExportOptions {
    std::string state_query;  // as given to --state
    int epochs = 100;         // trained before writing, 0..1000000
    std::string csv_file, json_file, pytorch_file;  // what to write; at least one
    int batches = 0;          // then this many batches of the next epoch (stopped mid-epoch)
};

struct BenchOptions {
    int reps = 7;             // timed repetitions per workload after one warm-up
    bool json = false;        // one JSON object per workload instead of a table
    std::string only;         // comma-separated workload ids (W1,W4); empty: all
    bool formulas = false;    // instead: each built-in activation against the formula equal to it
    int threads = 2;          // at most this many threads for W4's grid (engine/parallel.h)
};

// Trains a Trainer built from options.state_query and prints its progress to
// stdout; warnings about the state and the settings go to stderr. Exit status
// 0 whether the run ended ok, early-stopped or diverged (the status says which);
// 1 when a --points or --model file is rejected (the reason on stderr), or when
// nothing could be trained (status nothing_trained).
int run_train(const TrainOptions& options);

// Trains a Trainer built from options.state_query for options.epochs, then
// writes its points as CSV, the model as JSON and/or a PyTorch script.
// Exit status 1 when a file cannot be written.
int run_export(const ExportOptions& options);

// Reads a whole file of at most `limit` bytes. Returns false with a message in
// error when it cannot be opened or read, or is larger (its real size named).
bool read_text_file(const std::string& path, std::size_t limit, std::string& text, std::string& error);


// Times the fixed workloads W1..W5 and prints median, min and max per workload.
// Exit status 1 if a training workload's loss did not go down.
int run_bench(const BenchOptions& options);
// With options.formulas: W2's training with a built-in activation (tanh, relu, sigmoid) and
// with the formula that equals it (tanh(x), relu(x), max(0, x), sigmoid(x)), timed in
// alternating repetitions; prints both rates, their ratio and whether the losses agree.
// Exit status 1 if the losses differ by more than float rounding.
int run_bench_formulas(const BenchOptions& options);
// Why `only` (for --only) names no workload, or nullopt when every id is one.
std::optional<std::string> bench_only_error(std::string_view only);

struct SettingsOptions {
    bool markdown = false;    // README.md's table instead of aligned columns
};

// Prints the table of settings (engine/settings.h) to stdout. Always exit status 0.
int run_settings(const SettingsOptions& options);

struct LessonsOptions {
    bool check = false;          // --check: train every task's reference solution (else --list)
    std::string dir = "lessons";  // the folder of lesson files
};

// Lists the lessons of options.dir, or (check) trains every task's reference solution and
// fails (exit status 1, naming lesson, task and figure) when one misses its target or a
// file is bad.
int run_lessons(const LessonsOptions& options);

struct ExplainOptions {
    std::string state_query;  // as given to --state
    int epochs = 0;           // trained before explaining, 0..1000000
    double x = 0, y = 0;      // --point X,Y[,LABEL]
    double label = std::numeric_limits<double>::quiet_NaN();  // NaN: the nearest training point's
    int member = 0;           // --member K: the ensemble member explained
    bool json = false;
};

// Trains to options.epochs, then prints one training step for the point (explain.h):
// a table, or one JSON object. Exit status 2 for a point or member the run cannot explain.
int run_explain(const ExplainOptions& options);
struct SweepOptions {
    std::string state_query;  // as given to --state
    int seeds = 5;            // 1..kMaxSweepSeeds (engine/sweep.h)
    int epochs = 100;         // 1..kMaxSweepEpochs
    bool json = false;        // one JSON object per seed, then a summary
};

// Trains the state with options.seeds seeds derived from its own (engine/sweep.h) and prints
// each seed's final figures and their spread. Always exit status 0 once the options are valid.
int run_sweep(const SweepOptions& options);
// See inside (issue 14, views 2 and 5): `nnplay surface` and `nnplay lr-find`.
struct SurfaceCommandOptions {
    std::string state_query;  // as given to --state
    int epochs = 100;         // trained (recording the path) before the surface, 0..1000000
    int size = 41;            // grid cells per side, 3..201
    SurfaceMethod method = SurfaceMethod::automatic;
    int weight_a = -1, weight_b = -1;  // --weights I,J: an exact surface over these parameters
    bool json = false;
};

// Prints the surface grid, its directions and the projected path. Exit status 1 when
// the run has no surface (a perceptron, no training points, PCA without a path...).
int run_surface(const SurfaceCommandOptions& options);

struct LrFindOptions {
    std::string state_query;  // as given to --state
    int epochs = 0;           // trained before the finder starts, 0..1000000
    int steps = 300;          // mini-batches at most, 10..10000
    bool json = false;
};

// Prints the smoothed loss against the learning rate and the suggested rate. Exit
// status 1 when nothing could be found (a perceptron, no training points...).
int run_lr_find(const LrFindOptions& options);

// The full usage text, to `out` (stdout for --help, stderr for a usage error).
void print_usage(std::FILE* out);

}  // namespace nnplay::cli
