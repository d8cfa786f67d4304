// test_run_state.cpp: a run saved and opened again goes on bit for bit — through a model
// file, through a link with weights, for every optimiser × schedule, with reshuffling and
// early stopping — and what does not fit a run is refused with a reason.
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <string>

using namespace nnplay;
using namespace nnplay::test;

namespace {

const char* const kSchedules[] = {"constant", "step&stepEvery=7", "exp&decayRate=0.95",
                                  "plateau&plateauPatience=2&scheduleFactor=0.5&plateauCooldown=1"};

std::string query(const char* optimizer, const char* schedule) {
    return with_optimizer("dataset=circle&noise=10&networkShape=4,2&activation=tanh&learningRate=0.1&"
                          "numSamples=120&batchSize=7&seed=carry",
                          optimizer, schedule);
}

// Trains `first` epochs, saves through a model file, opens it and trains `then` more.
Trainer through_model_file(const PlaygroundState& s, int first, int then) {
    Trainer sender(s);
    for (int e = 0; e < first; ++e) sender.step_epoch(false);
    Trainer receiver = reopened_from_model_file(sender);
    for (int e = 0; e < then; ++e) receiver.step_epoch(true);
    return receiver;
}

}  // namespace

TEST_CASE("run state: a model file goes on bit for bit, for every optimiser and schedule") {
    for (const char* optimizer : kOptimizers)
        for (const char* schedule : kSchedules)
            for (const bool reshuffle : {true, false}) {
                PlaygroundState s = from_query(query(optimizer, schedule)).state;
                s.reshuffle = reshuffle;
                CAPTURE(to_query(s));
                Trainer whole(s);
                for (int e = 0; e < 30; ++e) whole.step_epoch(true);
                Trainer resumed = through_model_file(s, 12, 18);
                CHECK(resumed.epoch() == 30);
                CHECK(same_bits(whole, resumed));
                CHECK(resumed.metrics().train_loss == whole.metrics().train_loss);
                CHECK(resumed.metrics().learning_rate == whole.metrics().learning_rate);
                CHECK(resumed.run_state() == whole.run_state());
            }
}

TEST_CASE("run state: the plateau schedule's cuts, best and cooldown are carried") {
    // A high rate and patience 1: cuts happen before the save and after it.
    PlaygroundState s = from_query(query("adam", "plateau&plateauPatience=1&scheduleFactor=0.5&plateauCooldown=2")).state;
    s.learning_rate = 0.5f;
    Trainer whole(s);
    for (int e = 0; e < 40; ++e) whole.step_epoch(true);
    CHECK(whole.run_state().schedule.cuts > 0);
    Trainer resumed = through_model_file(s, 20, 20);
    CHECK(same_bits(whole, resumed));
    CHECK(resumed.run_state().schedule == whole.run_state().schedule);
}

TEST_CASE("run state: an L1, L2, ensemble and early-stopping run goes on bit for bit") {
    for (const char* extra : {"&regularization=L1&regularizationRate=0.01", "&regularization=L2&regularizationRate=0.01",
                              "&ensemble=3", "&percValData=20&earlyStopping=true&patience=50"}) {
        const PlaygroundState s = from_query(query("momentum", "exp&decayRate=0.97") + extra).state;
        CAPTURE(extra);
        Trainer whole(s);
        for (int e = 0; e < 25; ++e) whole.step_epoch(true);
        Trainer resumed = through_model_file(s, 10, 15);
        CHECK(same_bits(whole, resumed));
        CHECK(resumed.run_state() == whole.run_state());
    }
}

TEST_CASE("run state: a link with weights carries it and goes on bit for bit") {
    for (const char* optimizer : {"sgd", "adam", "rmsprop"}) {
        const PlaygroundState s = from_query(query(optimizer, "plateau&plateauPatience=3")).state;
        CAPTURE(optimizer);
        Trainer whole(s), sender(s);
        for (int e = 0; e < 30; ++e) whole.step_epoch(true);
        for (int e = 0; e < 11; ++e) sender.step_epoch(false);
        Trainer receiver = reopened_from_link(sender);
        CHECK(receiver.epoch() == 11);
        for (int e = 0; e < 19; ++e) receiver.step_epoch(true);
        CHECK(same_bits(whole, receiver));
        CHECK(receiver.metrics().train_loss == whole.metrics().train_loss);
    }
}

TEST_CASE("run state: a bad run payload or one that does not fit is named, and the run goes on from the epoch") {
    const PlaygroundState s = from_query(query("adam", "constant")).state;
    Trainer sender(s);
    for (int e = 0; e < 3; ++e) sender.step_epoch(false);
    const WeightsPayload w = trainer_weights(sender, WeightFormat::float32);
    const RunState run = sender.run_state();
    std::string text = write_link(s, {true, &w, 3, &run}).text;
    text[text.size() - 3] = text[text.size() - 3] == 'A' ? 'B' : 'A';  // breaks the checksum
    const Link link = read_link(text);
    REQUIRE(link.warnings.size() == 1);
    CHECK(link.warnings[0].find("ignored run") == 0);
    CHECK(!link.run);
    Trainer receiver(link.state);
    REQUIRE(load_link_weights(receiver, link).empty());
    CHECK(receiver.epoch() == 3);

    // A state from another network: refused with a reason, nothing changed.
    Trainer other(from_query(query("adam", "constant") + "&networkShape=3").state);
    RunState wrong = run;
    CHECK(other.restore(wrong).find("moments do not fit") != std::string::npos);
    CHECK(other.epoch() == 0);
    wrong.members.push_back(wrong.members[0]);
    CHECK(other.restore(wrong).find("members") != std::string::npos);
    RunState bad_order = run;
    bad_order.order.assign(sender.data().train.size(), 0);
    CHECK(sender.restore(bad_order).find("order") != std::string::npos);
}

TEST_CASE("run state: a model file without one (older) opens at its metrics' epoch") {
    const PlaygroundState s = from_query(query("sgd", "exp&decayRate=0.9")).state;
    Trainer sender(s);
    for (int e = 0; e < 5; ++e) sender.step_epoch(false);
    std::string text = export_model_json(sender);
    const std::size_t run = text.find(",\n \"run\": ");
    const std::size_t metrics = text.find(",\n \"metrics\"");
    REQUIRE(run != std::string::npos);
    text.erase(run, metrics - run);
    Result<ModelImport> model = import_model_json(text);
    REQUIRE(model);
    CHECK(!model->run);
    REQUIRE(model->metrics);
    CHECK(model->metrics->epoch == 5);
    // A "run" that is not one is an error with its key.
    std::string broken = export_model_json(sender);
    broken.replace(broken.find("\"shuffle\": [\"") + 12, 3, "\"zz");
    Result<ModelImport> bad = import_model_json(broken);
    REQUIRE(!bad);
    CHECK(bad.error.reason.find("\"run\": \"shuffle\"") == 0);
}

TEST_CASE("early stopping: the last row names the stop epoch and the restored epoch") {
    Trainer t(from_query("dataset=circle&percValData=30&earlyStopping=true&patience=3&learningRate=3&seed=es").state);
    for (int e = 0; e < 500 && t.status() == RunStatus::ok; ++e) t.step_epoch(true);
    REQUIRE(t.status() == RunStatus::early_stopped);
    CHECK(t.metrics().epoch == t.epoch());
    CHECK(t.metrics().restored_epoch > 0);
    CHECK(t.metrics().restored_epoch == t.epoch() - 3);
    CHECK(t.status_message().find("epoch " + std::to_string(t.metrics().restored_epoch)) != std::string::npos);
}
