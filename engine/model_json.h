// model_json.h: a trained model as a JSON file, to keep, share or inspect:
// the state (the query string, which rebuilds data and network), the
// architecture echoed for readers and for checking, every member's weights
// layer by layer, and the last metrics. Importing restores state and weights.
//
//   {"format": "nnplay-model", "version": 1,
//    "state": "activation=tanh&...",
//    "architecture": {"inputs": 2, "features": ["x", "y"], "hidden": [4, 2],
//                     "activations": ["tanh", "tanh"], "output": "sigmoid_log",
//                     "outputs": 1, "members": 1},
//    "members": [{"layers": [{"weights": [[w00, w01], ...], "biases": [b0, ...]}, ...]}],
//    "run": {"version": 1, "epoch": 100, "schedule": {...}, "optimizers": [...], ...},
//    "metrics": {"epoch": 100, "train_loss": 0.01, ...}}
//
// "weights" is (outputs, inputs) row by row, as PyTorch's Linear.weight.
// Numbers are written in shortest round-trip form: weights read back exactly.
// NaN metrics (figures that do not apply) are written as null.
#pragma once

#include "engine/result.h"
#include "engine/state.h"
#include "engine/trainer.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnplay {

constexpr int kModelJsonVersion = 1;
// JSON values one member of the largest network (8 hidden layers of 64, every feature, the
// most classes: about 31,000 parameters) holds in a model file, with room to spare: what
// reading a "members" entry may cost before a file is refused (tests/test_slices.cpp checks
// that the largest model fits).
constexpr std::size_t kMaxMemberValues = 40000;

// The model of a trainer: its state, networks and metrics() as JSON text.
std::string export_model_json(const Trainer& trainer);

struct ModelImport {
    PlaygroundState state;
    std::vector<std::string> warnings;        // from reading the state string
    std::vector<std::vector<float>> members;  // each member's Network::params()
    std::optional<Metrics> metrics;           // when the file has them (figures only)
    std::optional<RunState> run;              // where the run stood (files from before it: none)
};

// The "run" object of a model file: where the run stands besides its weights
// (engine/run_state.h), its own version, floats and doubles in shortest round-trip form,
// the shuffle generator as 4 hex strings. Versioned on its own: a model file without it
// (older) still opens, and continues from its metrics' epoch.
constexpr int kRunStateJsonVersion = 1;
void append_run_state_json(std::string& out, const RunState& run);
struct JsonValue;
Result<RunState> read_run_state_json(const JsonValue& value);

// Reads a model file: strict JSON, format and version, the state, and the
// weights checked against the network the state describes (architecture,
// member count, every layer's shape, finite numbers). Never throws. A JSON syntax error has
// its line and column; the other errors name the member, layer or key in their reason.
Result<ModelImport> import_model_json(std::string_view text);

// Copies imported parameters into a trainer built from the imported state.
// Returns an error (and changes nothing) if their sizes do not match.
std::string load_weights(Trainer& trainer, const std::vector<std::vector<float>>& members);

}  // namespace nnplay
