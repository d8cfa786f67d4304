// test_slices.cpp: an epoch trained in slices of batches (the page trains what fits a frame)
// gives the same weights, metrics and run state, bit for bit, as whole epochs — for every
// optimiser × schedule, reshuffled or not, with L1, L2, ensembles, early stopping, a
// perceptron, divergence and compat=tf — and a run saved mid-epoch goes on exactly. A big batch
// trained in pieces (one member, up to kTrainPiece examples) gives the same run too, and until
// its last piece leaves the run where the batch began.
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

using namespace nnplay;
using namespace nnplay::test;

namespace {

const char* const kSchedules[] = {"constant", "step&stepEvery=3", "exp&decayRate=0.9",
                                  "plateau&plateauPatience=1&scheduleFactor=0.5&plateauCooldown=1"};

std::string query(const char* optimizer, const char* schedule) {
    return with_optimizer("dataset=circle&noise=10&networkShape=4,2&activation=tanh&learningRate=0.1&"
                          "numSamples=120&batchSize=7&seed=slices",
                          optimizer, schedule);
}

// Slice sizes that vary (1, 2, 3, ... up to 9 batches) from a fixed sequence.
struct Sizes {
    std::uint32_t x = 12345;
    int next() {
        x = x * 1664525u + 1013904223u;
        return 1 + int((x >> 16) % 9);
    }
};

// `epochs` whole epochs, each measured; the per-epoch metrics.
std::vector<Metrics> whole_epochs(Trainer& t, int epochs) {
    std::vector<Metrics> out;
    for (int e = 0; e < epochs && t.step_epoch(true); ++e) out.push_back(t.metrics());
    return out;
}

// The same in slices of varying sizes; every completed epoch's metrics.
std::vector<Metrics> sliced_epochs(Trainer& t, int epochs, Sizes& sizes) {
    std::vector<Metrics> out;
    while (int(out.size()) < epochs) {
        const Slice s = t.step_batches(sizes.next());
        if (s.batches == 0 && !s.epoch_completed) break;  // stopped
        CHECK(s.batches >= 1);
        if (s.epoch_completed) out.push_back(t.metrics());
    }
    return out;
}

void check_same_run(const std::string& q, int epochs) {
    CAPTURE(q);
    const PlaygroundState s = from_query(q).state;
    Trainer whole(s), sliced(s);
    Sizes sizes;
    const std::vector<Metrics> a = whole_epochs(whole, epochs);
    const std::vector<Metrics> b = sliced_epochs(sliced, epochs, sizes);
    REQUIRE(a.size() == b.size());
    for (std::size_t e = 0; e < a.size(); ++e) {
        CAPTURE(e);
        CHECK(same_metrics(a[e], b[e]));
    }
    CHECK(whole.epoch() == sliced.epoch());
    CHECK(sliced.epoch_position() == 0);
    CHECK(same_bits(whole, sliced));
    CHECK(whole.status() == sliced.status());
    CHECK(whole.status_message() == sliced.status_message());
    CHECK(whole.run_state() == sliced.run_state());
}

}  // namespace

TEST_CASE("slices: any slicing of the epochs gives whole epochs' run, for every optimiser and schedule") {
    for (const char* optimizer : kOptimizers)
        for (const char* schedule : kSchedules)
            for (const char* reshuffle : {"true", "false"})
                check_same_run(query(optimizer, schedule) + "&reshuffle=" + reshuffle, 12);
}

TEST_CASE("slices: L1, L2, ensembles, early stopping, a perceptron, divergence and compat=tf slice exactly") {
    const std::string base = query("adam", "exp&decayRate=0.9");
    check_same_run(base + "&regularization=L1&regularizationRate=0.01", 12);
    check_same_run(base + "&regularization=L2&regularizationRate=0.01", 12);
    check_same_run(base + "&ensemble=3", 12);
    // Early stopping that stops within the epochs trained.
    const std::string stopping = base + "&percValData=30&earlyStopping=true&patience=2&learningRate=0.8";
    check_same_run(stopping, 40);
    Trainer stopped(from_query(stopping).state);
    whole_epochs(stopped, 40);
    CHECK(stopped.status() == RunStatus::early_stopped);
    // Divergence: the weights go back to the start of the epoch, sliced or not.
    const std::string diverging = "problem=regression&learningRate=10&networkShape=8,8,8&activation=relu&seed=d";
    check_same_run(diverging, 100);
    Trainer diverged(from_query(diverging).state);
    whole_epochs(diverged, 100);
    CHECK(diverged.status() == RunStatus::diverged);
    check_same_run("dataset=gauss&noise=0&model=perceptron&numSamples=120&seed=p", 8);
    // compat=tf: a batch is the examples up to the next update, a partial one carrying over.
    for (const char* batch : {"1", "7", "10", "400"})
        check_same_run(std::string("dataset=xor&networkShape=4,2&learningRate=0.03&compat=tf&seed=t&batchSize=") + batch,
                       6);
}

TEST_CASE("slices: a slice stops at the end of its epoch, and step_epoch finishes the epoch under way") {
    const PlaygroundState s = from_query(query("momentum", "constant")).state;
    Trainer t(s), whole(s);
    const int n = int(t.data().train.size());
    const int batches = (n + 6) / 7;
    Slice first = t.step_batches(2);
    CHECK(first.batches == 2);
    CHECK(!first.epoch_completed);
    CHECK(t.epoch() == 0);
    CHECK(t.epoch_position() == 14);
    Slice rest = t.step_batches(1000);
    CHECK(rest.batches == batches - 2);
    CHECK(rest.epoch_completed);
    CHECK(t.epoch() == 1);
    CHECK(t.step_batches(3).batches == 3);
    CHECK(t.step_epoch(true));  // the rest of epoch 2
    CHECK(t.epoch() == 2);
    CHECK(t.epoch_position() == 0);
    whole.step_epoch(true), whole.step_epoch(true);
    CHECK(same_bits(t, whole));
    CHECK(same_metrics(t.metrics(), whole.metrics()));

    // New data mid-epoch: that epoch is dropped, the next one starts from its first batch.
    t.step_batches(2);
    PlaygroundState noisier = s;
    noisier.noise = 20;
    t.set_state(noisier);
    CHECK(t.epoch_position() == 0);
    CHECK(t.epoch() == 0);  // new data is a new run
    t.reset();
    CHECK(t.epoch_position() == 0);
}

TEST_CASE("slices: the losses-only measure gives the full measure's losses") {
    for (const char* extra : {"", "&percValData=20", "&ensemble=2", "&problem=regression&regDataset=reg-plane"}) {
        CAPTURE(extra);
        const PlaygroundState s = from_query(query("adam", "constant") + extra).state;
        Trainer a(s), b(s);
        for (int e = 0; e < 5; ++e) {
            a.step_batches(1 << 20, Measure::full);
            b.step_batches(1 << 20, Measure::losses);
            CHECK(same_double(a.metrics().train_loss, b.metrics().train_loss));
            CHECK(same_double(a.metrics().val_loss, b.metrics().val_loss));
            CHECK(same_double(a.metrics().test_loss, b.metrics().test_loss));
            CHECK(b.metrics().epoch == e + 1);
        }
        CHECK(same_bits(a, b));
    }
    const PlaygroundState tf = from_query("dataset=circle&compat=tf&seed=l").state;
    Trainer a(tf), b(tf);
    a.step_batches(1 << 20, Measure::full);
    b.step_batches(1 << 20, Measure::losses);
    CHECK(same_double(a.metrics().train_loss, b.metrics().train_loss));
    CHECK(same_double(a.metrics().test_loss, b.metrics().test_loss));
}

TEST_CASE("slices: a run saved mid-epoch carries its position and goes on bit for bit") {
    for (const char* optimizer : {"sgd", "adam"}) {
        const PlaygroundState s = from_query(query(optimizer, "plateau&plateauPatience=1") + "&ensemble=2").state;
        CAPTURE(optimizer);
        Trainer whole(s), sender(s);
        whole_epochs(whole, 9);
        whole_epochs(sender, 4);
        sender.step_batches(5);
        REQUIRE(sender.epoch_position() == 35);
        const RunState run = sender.run_state();
        CHECK(run.position == 35);

        // Through a model file.
        Trainer from_file = reopened_from_model_file(sender);
        CHECK(from_file.epoch_position() == 35);
        Sizes sizes;
        sliced_epochs(from_file, 5, sizes);
        CHECK(from_file.epoch() == 9);
        CHECK(same_bits(whole, from_file));
        CHECK(same_metrics(whole.metrics(), from_file.metrics()));
        CHECK(whole.run_state() == from_file.run_state());

        // Through a link.
        Trainer from_link = reopened_from_link(sender);
        CHECK(from_link.epoch_position() == 35);
        whole_epochs(from_link, 5);
        CHECK(same_bits(whole, from_link));
        CHECK(whole.run_state() == from_link.run_state());
    }
    // Between epochs, nothing about a position is written: older readers read it as before.
    Trainer between(from_query(query("sgd", "constant")).state);
    between.step_epoch(true);
    CHECK(export_model_json(between).find("\"position\"") == std::string::npos);
    // A position past the data does not fit.
    RunState past = between.run_state();
    past.position = int(between.data().train.size());
    CHECK(between.restore(past).find("position") != std::string::npos);
}

namespace {

// Batches of 250 and 600 examples (pieces of up to 256: 1 and 3 a member) through 3 members.
std::string big_batches(const char* extra) {
    return std::string("dataset=spiral&numSamples=1400&noise=10&networkShape=6,5&activation=relu&optimizer=adam&"
                       "learningRate=0.01&ensemble=3&seed=pieces&batchSize=600") + extra;
}

// Pieces in slices of varying sizes until `epochs` epochs complete; every epoch's metrics.
std::vector<Metrics> epochs_in_pieces(Trainer& t, int epochs, Sizes& sizes, Measure measure = Measure::full) {
    std::vector<Metrics> out;
    while (int(out.size()) < epochs) {
        const Slice s = t.step_pieces(sizes.next(), measure);
        if (s.pieces == 0 && !s.epoch_completed) break;
        if (s.epoch_completed) out.push_back(t.metrics());
    }
    return out;
}

}  // namespace

TEST_CASE("slices: pieces of big batches give whole epochs' run, with ensembles, dropout, L1 and softmax") {
    for (const char* extra : {"", "&dropout=0.3", "&layerDropout=0,0.5&regularization=L1&regularizationRate=0.01",
                              "&classes=3&optimizer=momentum", "&problem=regression&regDataset=reg-gauss",
                              "&batchSize=250", "&batchSize=700", "&ensemble=1&batchSize=257",
                              "&percValData=20&earlyStopping=true&patience=1&learningRate=0.3&numSamples=3000",
                              "&schedule=plateau&plateauPatience=1&scheduleFactor=0.5&ensemble=1"}) {
        const std::string q = big_batches(extra);
        CAPTURE(q);
        const PlaygroundState s = from_query(q).state;
        Trainer whole(s), pieces(s);
        Sizes sizes;
        const std::vector<Metrics> a = whole_epochs(whole, 4);
        const std::vector<Metrics> b = epochs_in_pieces(pieces, 4, sizes);
        REQUIRE(a.size() == b.size());
        for (std::size_t e = 0; e < a.size(); ++e) CHECK(same_metrics(a[e], b[e]));
        CHECK(same_bits(whole, pieces));
        CHECK(whole.run_state() == pieces.run_state());
        CHECK(!pieces.mid_epoch());
    }
    // 700 training points in batches of 600 and 100, 3 members: (3 + 1) × 3 pieces of training;
    // then the measure, by chunks of up to 1,024 points: 3 for the training set, 1 for the empty
    // validation set, 3 for the 700 test points.
    Trainer t(from_query(big_batches("")).state);
    REQUIRE(t.data().train.size() == 700);
    const Slice epoch = t.step_pieces(1000);
    CHECK(epoch.pieces == 12 + 7);
    CHECK(epoch.batches == 2);
    CHECK(epoch.epoch_completed);
    CHECK(epoch.measured == Measure::full);
    // Its end under way: the counter and metrics are the last epoch's until the last piece.
    const Metrics first = t.metrics();
    const Slice training = t.step_pieces(12, Measure::losses);  // the end begins with this measure
    CHECK(!training.epoch_completed);
    CHECK(t.mid_epoch());
    CHECK(t.epoch() == 1);
    CHECK(same_metrics(t.metrics(), first));
    const Slice end = t.step_pieces(7);
    CHECK(end.epoch_completed);
    CHECK(end.measured == Measure::losses);
    CHECK(t.epoch() == 2);
    CHECK(!t.mid_epoch());
}

TEST_CASE("slices: an epoch's end in pieces makes whole epochs' decisions without a measure (plateau, early stopping)") {
    // Measure::none: the plateau schedule's training loss and early stopping's validation loss
    // are the epoch end's only evaluations; an edit or run_state mid-end completes it first.
    const std::string q = big_batches("&percValData=20&earlyStopping=true&patience=2&learningRate=1&"
                                      "schedule=plateau&plateauPatience=1&scheduleFactor=0.5&numSamples=3000");
    const PlaygroundState s = from_query(q).state;
    Trainer whole(s), pieces(s);
    for (int e = 0; e < 30 && whole.step_epoch(false); ++e) {}
    Sizes sizes;
    while (pieces.status() == RunStatus::ok && pieces.epoch() < 30) {
        const Slice sl = pieces.step_pieces(sizes.next(), Measure::none);
        if (sl.pieces == 0) break;
    }
    CHECK(whole.status() == RunStatus::early_stopped);
    CHECK(pieces.status() == whole.status());
    CHECK(pieces.status_message() == whole.status_message());
    CHECK(pieces.epoch() == whole.epoch());
    CHECK(same_bits(whole, pieces));
    CHECK(whole.run_state() == pieces.run_state());

    Trainer a(s), b(s);
    a.step_epoch(false), b.step_epoch(false);
    while (!a.step_pieces(1, Measure::none).epoch_completed && a.epoch_position() < int(a.data().train.size())) {}
    REQUIRE(a.mid_epoch());  // the second epoch trained, its end under way
    CHECK(a.epoch() == 1);
    const RunState saved = a.run_state();  // completes it
    CHECK(a.epoch() == 2);
    CHECK(!a.mid_epoch());
    b.step_epoch(false);
    CHECK(saved == b.run_state());
    CHECK(same_bits(a, b));
}

TEST_CASE("slices: a batch under way leaves the run where it began; saving or an edit starts it again") {
    const PlaygroundState s = from_query(big_batches("&dropout=0.3")).state;
    Trainer whole(s), t(s);
    whole_epochs(whole, 3);
    t.step_epoch(true);
    Trainer at_start = reopened_from_model_file(t);  // the run between epochs 1 and 2

    // Four of the first batch's nine pieces: nothing the run shows has moved, not even the
    // dropout stream its masks came from.
    const Slice four = t.step_pieces(4);
    CHECK(four.pieces == 4);
    CHECK(four.batches == 0);
    CHECK(t.mid_epoch());
    CHECK(t.epoch_position() == 0);
    CHECK(same_bits(t, at_start));
    CHECK(t.run_state() == at_start.run_state());

    // Saved now, by model file and by link, the run goes on from the batch's start, exactly.
    Trainer from_file = reopened_from_model_file(t);
    Trainer from_link = reopened_from_link(t);
    for (Trainer* r : {&from_file, &from_link}) {
        whole_epochs(*r, 2);
        CHECK(same_bits(*r, whole));
        CHECK(r->run_state() == whole.run_state());
    }

    // step_batches finishes the batch under way (one batch), then goes on in whole ones.
    const Slice rest = t.step_batches(1);
    CHECK(rest.batches == 1);
    CHECK(rest.pieces == 5);
    CHECK(t.epoch_position() == 600);
    t.step_epoch(true);
    t.step_epoch(true);
    CHECK(same_bits(t, whole));
    CHECK(t.run_state() == whole.run_state());

    // An edited weight mid-batch: the batch starts again from the edited weights, as if the
    // edit had come before it; so does a new batch size.
    Trainer edited(s), reference(s);
    edited.step_epoch(true), reference.step_epoch(true);
    edited.step_pieces(5);
    edited.set_weight(1, 0, 2, 1, 0.25f);
    reference.set_weight(1, 0, 2, 1, 0.25f);
    PlaygroundState smaller = s;
    smaller.batch_size = 300;
    edited.step_pieces(2);
    edited.set_state(smaller);
    reference.set_state(smaller);
    CHECK(edited.mid_epoch() == false);
    whole_epochs(edited, 2), whole_epochs(reference, 2);
    CHECK(same_bits(edited, reference));
    CHECK(edited.run_state() == reference.run_state());
}

TEST_CASE("slices: compat=tf in pieces of a few examples gives whole epochs' run; its end scores in pieces") {
    for (const char* extra : {"&batchSize=1", "&batchSize=7", "&batchSize=10", "&batchSize=400",
                              "&batchSize=3&regularization=L1&regularizationRate=0.01",
                              "&problem=regression&dataset=reg-plane&batchSize=5",
                              "&percTrainData=90&batchSize=9"}) {
        const std::string q = std::string("dataset=xor&networkShape=40,40&learningRate=0.03&compat=tf&seed=t") + extra;
        CAPTURE(q);
        const PlaygroundState s = from_query(q).state;
        for (Measure measure : {Measure::full, Measure::losses}) {
            Trainer whole(s), pieces(s);
            Sizes sizes;
            std::vector<Metrics> a;
            for (int e = 0; e < 4 && whole.step_batches(Trainer::kAllBatches, measure).epoch_completed; ++e)
                a.push_back(whole.metrics());
            const std::vector<Metrics> b = epochs_in_pieces(pieces, 4, sizes, measure);
            REQUIRE(a.size() == b.size());
            for (std::size_t e = 0; e < a.size(); ++e) CHECK(same_metrics(a[e], b[e]));
            CHECK(same_bits(whole, pieces));
            CHECK(whole.run_state() == pieces.run_state());
            CHECK(!pieces.mid_epoch());
        }
    }
    // An 8 × 64 network: a piece is one example (about 0.3 ms of their scalar code), the end
    // two points a piece: 250 pieces for the 250 training examples, 250 for the 500 points scored.
    const PlaygroundState big = from_query("dataset=circle&networkShape=64,64,64,64,64,64,64,64&compat=tf&seed=b").state;
    Trainer t(big), whole(big);
    REQUIRE(t.data().train.size() == 250);
    REQUIRE(t.data().test.size() == 250);
    CHECK(t.step_pieces(1).pieces == 1);
    CHECK(t.epoch_position() == 1);
    CHECK(t.step_pieces(249).pieces == 249);
    CHECK(t.mid_epoch());  // trained, its end under way
    const Metrics before = t.metrics();
    const Slice most = t.step_pieces(249);
    CHECK(!most.epoch_completed);
    CHECK(t.epoch() == 0);
    CHECK(same_metrics(t.metrics(), before));
    const Slice last = t.step_pieces(1);
    CHECK(last.epoch_completed);
    CHECK(t.epoch() == 1);
    CHECK(!t.mid_epoch());
    whole.step_epoch(true);
    CHECK(same_bits(t, whole));
    CHECK(same_metrics(t.metrics(), whole.metrics()));
    // An edit or saving mid-end completes it first, with the weights the epoch left.
    Trainer edited(big);
    edited.step_pieces(300);
    REQUIRE(edited.mid_epoch());
    edited.set_weight(0, 1, 0, 0, 0.25f);
    CHECK(edited.epoch() == 1);
    CHECK(same_metrics(edited.metrics(), whole.metrics()));
}
