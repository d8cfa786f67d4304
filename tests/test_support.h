// test_support.h: what the doctest files share, written once — a state read from a query that
// must have no warnings, trainers and metrics compared bit for bit, and a run sent through a model
// file or a link and opened again (the exactness tests: slices, run state, snapshots, dropout).
#pragma once

#include "engine/link.h"
#include "engine/model_json.h"
#include "engine/trainer.h"

#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace nnplay::test {

// The lines as one, " | " between them (for a failure's message).
inline std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += (out.empty() ? "" : " | ") + l;
    return out;
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The state of a query that must read without a warning.
inline PlaygroundState state_of(std::string_view query) {
    StateReadResult read = from_query(query);
    REQUIRE_MESSAGE(read.warnings.empty(), joined(read.warnings));
    return read.state;
}

// A trainer of the query's state after `epochs` epochs.
inline Trainer trained(const char* query, int epochs) {
    Trainer t(from_query(query).state);
    for (int e = 0; e < epochs; ++e) t.step_epoch();
    return t;
}

// The central difference (f(p + h) − f(p − h)) / 2h: f's slope in the value p, which is put back.
template <class F>
double central_difference(double& p, F f, double h = 1e-6) {
    const double p0 = p;
    p = p0 + h;
    const double up = f();
    p = p0 - h;
    const double down = f();
    p = p0;
    return (up - down) / (2 * h);
}

// The optimisers a run can train with, for loops over all of them.
inline const char* const kOptimizers[] = {"sgd", "momentum", "nesterov", "rmsprop", "adam"};

// The base query with an optimiser and a schedule.
inline std::string with_optimizer(std::string_view base, const char* optimizer, const char* schedule) {
    return std::string(base) + "&optimizer=" + optimizer + "&schedule=" + schedule;
}

inline bool same_double(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// Every metric the same, bit for bit.
inline bool same_metrics(const Metrics& a, const Metrics& b) {
    return a.epoch == b.epoch && same_double(a.train_loss, b.train_loss) && same_double(a.val_loss, b.val_loss) &&
           same_double(a.test_loss, b.test_loss) && same_double(a.reg_loss, b.reg_loss) &&
           same_double(a.train_acc, b.train_acc) && same_double(a.val_acc, b.val_acc) &&
           same_double(a.test_acc, b.test_acc) && same_double(a.train_rmse, b.train_rmse) &&
           same_double(a.test_rmse, b.test_rmse) && a.confusion == b.confusion &&
           same_double(a.learning_rate, b.learning_rate) && a.restored_epoch == b.restored_epoch;
}

// Two float matrices or vectors of the same shape, bit for bit.
template <typename A, typename B>
bool same_floats(const A& a, const B& b) {
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           std::memcmp(a.data(), b.data(), sizeof(float) * std::size_t(a.size())) == 0;
}

// The same members with the same weights, bit for bit.
inline bool same_bits(const Trainer& a, const Trainer& b) {
    if (a.ensemble_size() != b.ensemble_size()) return false;
    for (int m = 0; m < a.ensemble_size(); ++m)
        if (!same_floats(a.network(m).params(), b.network(m).params())) return false;
    return true;
}

// The sender's run written to a model file and opened again: its state, weights and run state.
inline Trainer reopened_from_model_file(const Trainer& sender) {
    Result<ModelImport> model = import_model_json(export_model_json(sender));
    REQUIRE_MESSAGE(model, model.error.message());
    REQUIRE(model->run);
    CHECK(*model->run == sender.run_state());
    Trainer receiver(model->state);
    REQUIRE(load_weights(receiver, model->members).empty());
    const std::string error = receiver.restore(*model->run);
    REQUIRE_MESSAGE(error.empty(), error);
    CHECK(receiver.epoch() == sender.epoch());
    return receiver;
}

// The same through a link with the sender's weights (float32) and run.
inline Trainer reopened_from_link(const Trainer& sender) {
    const WeightsPayload w = trainer_weights(sender, WeightFormat::float32);
    const RunState run = sender.run_state();
    const WrittenLink written = write_link(sender.state(), {true, &w, sender.epoch(), &run});
    REQUIRE_MESSAGE(written.note.empty(), written.note);
    CHECK(written.text.find("&run=") != std::string::npos);
    const Link link = read_link(written.text);
    REQUIRE_MESSAGE(link.warnings.empty(), joined(link.warnings));
    REQUIRE(link.run);
    CHECK(*link.run == run);
    Trainer receiver(link.state);
    REQUIRE(load_link_weights(receiver, link).empty());
    CHECK(receiver.epoch() == sender.epoch());
    return receiver;
}

}  // namespace nnplay::test
