// test_snapshots.cpp: rewinding is exact — going on from epoch k's snapshot for n epochs gives
// the same bits as an uninterrupted run of k + n epochs, for every optimiser and schedule —
// and the snapshot log keeps log-spaced epochs, one history, in bounded memory.
#include "engine/snapshots.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <string>

using namespace nnplay;
using namespace nnplay::test;

namespace {

std::string query(const char* optimizer, const char* schedule) {
    return with_optimizer("dataset=xor&noise=15&networkShape=5,3&activation=tanh&learningRate=0.1&"
                          "numSamples=100&batchSize=6&seed=rewind",
                          optimizer, schedule);
}

}  // namespace

TEST_CASE("snapshots: continuing from epoch k's snapshot equals an uninterrupted run, bit for bit") {
    for (const char* optimizer : kOptimizers)
        for (const char* schedule : {"constant", "step&stepEvery=5", "exp&decayRate=0.9",
                                     "plateau&plateauPatience=2&scheduleFactor=0.5"}) {
            const PlaygroundState s = from_query(query(optimizer, schedule)).state;
            CAPTURE(optimizer);
            CAPTURE(schedule);
            Trainer whole(s);
            SnapshotLog log;
            log.record(whole);
            for (int e = 0; e < 20; ++e) {
                whole.step_epoch(true);
                log.record(whole);
            }
            // The same trainer rewound to epoch 8 and trained 12 more ends where it was.
            const Snapshot* eight = log.at_or_before(8);
            REQUIRE(eight);
            REQUIRE(eight->epoch() == 8);
            Trainer fresh(s);
            for (int e = 0; e < 3; ++e) fresh.step_epoch(true);  // somewhere else entirely
            REQUIRE(restore_snapshot(fresh, *eight).empty());
            CHECK(fresh.epoch() == 8);
            CHECK(fresh.metrics().train_loss == eight->metrics.train_loss);
            for (int e = 0; e < 12; ++e) fresh.step_epoch(true);
            CHECK(same_bits(whole, fresh));
            CHECK(fresh.metrics().test_loss == whole.metrics().test_loss);
            CHECK(fresh.run_state() == whole.run_state());

            // Rewinding the run itself: the log drops the later history and grows it again.
            REQUIRE(restore_snapshot(whole, *log.at_or_before(4)).empty());
            log.record(whole);
            CHECK(log.kept().back().epoch() == 4);
            for (int e = 0; e < 16; ++e) {
                whole.step_epoch(true);
                log.record(whole);
            }
            CHECK(same_bits(whole, fresh));
        }
}

TEST_CASE("snapshots: ensembles, L2 and early stopping rewind exactly too") {
    for (const char* extra : {"&ensemble=3", "&regularization=L2&regularizationRate=0.01",
                              "&percValData=20&earlyStopping=true&patience=40"}) {
        CAPTURE(extra);
        const PlaygroundState s = from_query(query("adam", "exp&decayRate=0.95") + extra).state;
        Trainer whole(s), rewound(s);
        for (int e = 0; e < 5; ++e) rewound.step_epoch(true);
        const Snapshot five = take_snapshot(rewound);
        for (int e = 0; e < 9; ++e) rewound.step_epoch(true);
        REQUIRE(restore_snapshot(rewound, five).empty());
        for (int e = 0; e < 15; ++e) whole.step_epoch(true);
        for (int e = 0; e < 10; ++e) rewound.step_epoch(true);
        CHECK(same_bits(whole, rewound));
    }
}

TEST_CASE("snapshots: the log keeps one per log-spaced bucket and the latest") {
    CHECK(SnapshotLog::bucket(0) == 0);
    CHECK(SnapshotLog::bucket(1) == 1);
    CHECK(SnapshotLog::bucket(3) == 2);
    CHECK(SnapshotLog::bucket(4) == 3);
    CHECK(SnapshotLog::bucket(1000000) == 20);
    Trainer t(from_query("networkShape=2&numSamples=40&seed=log").state);
    SnapshotLog log;
    log.record(t);
    for (int e = 0; e < 300; ++e) {
        t.step_epoch(false);
        log.record(t);
    }
    std::string epochs;
    for (const Snapshot& s : log.kept()) epochs += std::to_string(s.epoch()) + " ";
    CHECK(epochs == "0 1 2 4 8 16 32 64 128 256 300 ");
    CHECK(log.at_or_before(100)->epoch() == 64);
    CHECK(log.at_or_before(-1) == nullptr);

    // Recorded only now and then (the page records once per frame): the first in each bucket.
    SnapshotLog sparse;
    Trainer u(from_query("networkShape=2&numSamples=40&seed=log").state);
    for (int e = 0; e < 40; ++e) {
        for (int k = 0; k < 3; ++k) u.step_epoch(false);
        sparse.record(u);
    }
    epochs.clear();
    for (const Snapshot& s : sparse.kept()) epochs += std::to_string(s.epoch()) + " ";
    CHECK(epochs == "3 6 9 18 33 66 120 ");

    // A byte bound keeps the first and the latest, dropping the oldest between.
    SnapshotLog small(1);
    Trainer v(from_query("networkShape=2&numSamples=40&seed=log").state);
    for (int e = 0; e < 20; ++e) {
        small.record(v);
        v.step_epoch(false);
    }
    REQUIRE(small.kept().size() == 2);
    CHECK(small.kept().front().epoch() == 0);
    CHECK(small.kept().back().epoch() == 19);
}

TEST_CASE("snapshots: a snapshot of another network is refused with a reason") {
    Trainer a(from_query("networkShape=4&seed=x").state);
    Trainer b(from_query("networkShape=3&seed=x").state);
    CHECK(restore_snapshot(b, take_snapshot(a)).find("parameters") != std::string::npos);
}

TEST_CASE("snapshots: a log cleared while its latest is an extra records again (the page's new run)") {
    Trainer t(from_query("dataset=circle&numSamples=50&seed=c").state);
    SnapshotLog log;
    for (int e = 0; e < 3; ++e) {  // epochs 0, 1, 2, 3: 3 is only the latest of bucket 2
        log.record(t);
        t.step_epoch(false);
    }
    log.record(t);
    REQUIRE(log.kept().size() == 4);
    log.clear();
    log.record(t);  // once popped an empty vector
    REQUIRE(log.kept().size() == 1);
    CHECK(log.kept()[0].epoch() == 3);
}
