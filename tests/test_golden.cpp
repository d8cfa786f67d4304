// test_golden.cpp: the golden runs (tests/data/golden/*.jsonl, written by scripts/golden.sh from
// the native CLI). The engine's Trainer trains each state again and must print the same bits:
// train, validation and test loss and the learning rate at every recorded epoch.
#include "engine/trainer.h"

#include "engine/json_reader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

using namespace nnplay;

namespace {

// One figure as the file has it: null (NaN in the engine) or a number's text.
struct Figure {
    bool null = true;
    double value = 0;
    std::string text;
};

struct Row {
    int epoch = 0;
    Figure train, val, test, rate;
};

struct Golden {
    std::string file, name, state;
    int epochs = 0, every = 0;
    std::vector<Row> rows;
};

Figure figure(const JsonValue& line, const char* key) {
    const JsonValue* v = line.find(key);
    REQUIRE_MESSAGE(v, "missing ", key);
    REQUIRE((v->is_number() || v->type == JsonValue::Type::null));
    if (!v->is_number()) return {};
    return {false, v->number, v->text};
}

std::vector<Golden> load_golden() {
    std::vector<Golden> runs;
    for (const auto& entry : std::filesystem::directory_iterator(NNPLAY_GOLDEN_DATA_DIR)) {
        if (entry.path().extension() != ".jsonl") continue;
        Golden g;
        g.file = entry.path().filename().string();
        INFO(g.file);
        std::ifstream in(entry.path());
        std::string text;
        while (std::getline(in, text)) {
            Result<JsonValue> parsed = parse_json(text);
            INFO(text);
            REQUIRE(parsed.value);
            const JsonValue& line = *parsed.value;
            if (g.name.empty()) {  // the header line
                g.name = line.find("name")->text;
                g.state = line.find("state")->text;
                g.epochs = int(line.find("epochs")->number);
                g.every = int(line.find("every")->number);
                continue;
            }
            Row r;
            r.epoch = int(line.find("epoch")->number);
            r.train = figure(line, "train_loss");
            r.val = figure(line, "val_loss");
            r.test = figure(line, "test_loss");
            r.rate = figure(line, "learning_rate");
            g.rows.push_back(r);
        }
        REQUIRE(g.rows.size() >= 2);
        runs.push_back(std::move(g));
    }
    std::sort(runs.begin(), runs.end(), [](const Golden& a, const Golden& b) { return a.name < b.name; });
    return runs;
}

PlaygroundState read(const Golden& g) {
    StateReadResult r = from_query(g.state);
    INFO(g.state);
    for (const std::string& w : r.warnings) MESSAGE(w);
    REQUIRE(r.warnings.empty());
    return r.state;
}

// The epochs `nnplay train --epochs E --every K` prints (train_command.cpp): epoch 0, every
// K-th, the last, and the one a run stopped at. Metrics as they stand at each.
std::vector<Metrics> train_as_the_cli(Trainer& t, int epochs, int every) {
    std::vector<Metrics> printed;
    t.measure();
    printed.push_back(t.metrics());
    int last = t.epoch();
    while (t.epoch() < epochs) {
        const bool trained = t.step_epoch(true);
        const bool stopped = !trained || t.status() != RunStatus::ok;
        const int e = t.epoch();
        if ((e % every == 0 || e >= epochs || stopped) && e != last) {
            printed.push_back(t.metrics());
            last = e;
        }
        if (stopped) break;
    }
    return printed;
}

// Bit equality: the text is the shortest that reads back as exactly this double.
void check_double(const Figure& want, double got, const char* what) {
    CAPTURE(what);
    if (want.null) {
        CHECK_MESSAGE(std::isnan(got), what, " should be null (NaN), is ", got);
        return;
    }
    CAPTURE(want.text);
    CHECK(std::bit_cast<std::uint64_t>(want.value) == std::bit_cast<std::uint64_t>(got));
}

// The CLI writes the rate as the float the engine trains with.
void check_float(const Figure& want, double got) {
    REQUIRE_FALSE(want.null);
    CAPTURE(want.text);
    const float want_f = std::strtof(want.text.c_str(), nullptr);
    CHECK(std::bit_cast<std::uint32_t>(want_f) == std::bit_cast<std::uint32_t>(float(got)));
}

}  // namespace

TEST_CASE("golden: the engine trains every golden state to the recorded bits") {
    const std::vector<Golden> runs = load_golden();
    REQUIRE(runs.size() >= 10);
    for (const Golden& g : runs) {
        CAPTURE(g.name);
        Trainer t(read(g));
        const std::vector<Metrics> printed = train_as_the_cli(t, g.epochs, g.every);
        REQUIRE(printed.size() == g.rows.size());
        for (std::size_t i = 0; i < printed.size(); ++i) {
            const Row& want = g.rows[i];
            const Metrics& got = printed[i];
            CAPTURE(want.epoch);
            REQUIRE(got.epoch == want.epoch);
            check_double(want.train, got.train_loss, "train_loss");
            check_double(want.val, got.val_loss, "val_loss");
            check_double(want.test, got.test_loss, "test_loss");
            check_float(want.rate, got.learning_rate);
        }
    }
}

// The set is meant to guard every numerical path of nnplay's own mode: a run removed or
// changed must not silently leave one of them unguarded.
TEST_CASE("golden: the runs cover every activation, loss, optimiser, schedule and regulariser") {
    std::set<Activation> activations;
    std::set<Optimizer> optimizers;
    std::set<Schedule> schedules;
    std::set<Regularization> regularizers;
    std::set<Init> inits;
    std::set<std::string> losses, extras;
    for (const Golden& g : load_golden()) {
        const PlaygroundState s = read(g);
        CHECK(s.compat == Compat::none);
        if (s.model == Model::perceptron) {
            extras.insert("perceptron");
            continue;  // the perceptron has no optimiser, activation or loss of its own
        }
        for (int l = 0; l < int(s.network_shape.size()); ++l) activations.insert(s.hidden_activation(l));
        optimizers.insert(s.optimizer);
        schedules.insert(s.schedule);
        regularizers.insert(s.regularization);
        inits.insert(s.init_zero ? Init::zeros : s.init);
        if (s.problem == Problem::regression) losses.insert("regression square");
        else if (s.class_count() > 2) losses.insert("softmax cross-entropy");
        else losses.insert(name_of(s.loss));
        if (s.early_stopping && s.perc_val_data > 0) extras.insert("early stopping");
        if (s.ensemble > 1) extras.insert("ensemble");
        if (s.batch_size == 1) extras.insert("batch size 1");
        if (s.batch_size > 1) extras.insert("mini-batch");
        if (s.input_count() > 2) extras.insert("more features");
    }
    CHECK(activations.size() == 8);
    CHECK(optimizers.size() == 5);
    CHECK(schedules.size() == 4);
    CHECK(regularizers.size() == 3);
    CHECK(inits.size() >= 5);
    CHECK(losses == std::set<std::string>{"log", "square", "softmax cross-entropy", "regression square"});
    CHECK(extras == std::set<std::string>{"perceptron", "early stopping", "ensemble", "batch size 1",
                                          "mini-batch", "more features"});
}
