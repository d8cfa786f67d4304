// test_frame_budget.cpp: the training seconds of each frame (web/frame_budget.h): the fixed
// speeds' one 60 Hz frame, "as fast as possible" following the frame rate over its floor, the
// overruns repaid, and the slices fitted to the budget.
#include "web/frame_budget.h"

#include <doctest/doctest.h>

using namespace nnplay::web;

TEST_CASE("frame budget: a fixed speed and the step button train one 60 Hz frame, whatever the frame rate") {
    FrameBudget b;
    for (int i = 0; i < 40; ++i) budget_follow_frames(b, 0.100, 0.090);  // slow frames, our own work
    CHECK(budget_begin(b, false, 30) == doctest::Approx(kStepBudget));
}

TEST_CASE("frame budget: as fast as possible follows the frame rate, but trains at least what 30 a frame would") {
    FrameBudget b;
    // Short epochs (the default network, 0.05 ms): frames 30 ms apart that are mostly our own
    // work cut the budget to its floor; frames 30 ms apart held back by the browser's drawing
    // do not; frames that keep 60 a second grow it back.
    b.last_epoch_seconds = 0.00005;
    for (int i = 0; i < 40; ++i) budget_follow_frames(b, 0.030, 0.025);
    CHECK(budget_begin(b, true, 30) == doctest::Approx(kFastestMin));
    for (int i = 0; i < 40; ++i) budget_follow_frames(b, 0.030, 0.010);
    CHECK(budget_begin(b, true, 30) == doctest::Approx(kFastestMax));
    for (int i = 0; i < 40; ++i) budget_follow_frames(b, 0.030, 0.025);
    for (int i = 0; i < 40; ++i) budget_follow_frames(b, 0.016, 0.012);
    CHECK(budget_begin(b, true, 30) == doctest::Approx(kFastestMax));
    // A frame more than half a second after the last (a stall, an idle page) cuts nothing.
    budget_follow_frames(b, 0.700, 0.690);
    CHECK(b.fastest == doctest::Approx(kFastestMax));
    // Epochs of 1 ms: 30 of them, 30 ms, cut to one 60 Hz frame, whatever the frame rate did.
    b.fastest = kFastestMin;
    b.last_epoch_seconds = 0.001;
    CHECK(budget_begin(b, true, 30) == doctest::Approx(kStepBudget));
    b.last_epoch_seconds = 0.0002;  // 30 of them: 6 ms
    CHECK(budget_begin(b, true, 30) == doctest::Approx(0.006));
    // The epoch under way counts as soon as it has cost more than the last one.
    b.epoch_seconds = 0.0003;
    CHECK(budget_begin(b, true, 30) == doctest::Approx(0.009));
    // The step button keeps its own budget.
    CHECK(budget_begin(b, false, 30) == doctest::Approx(kStepBudget));
}

TEST_CASE("frame budget: an overrun is repaid by the next frames, at most three quarters of each") {
    FrameBudget b;
    double budget = budget_begin(b, false, 30);
    CHECK(budget == doctest::Approx(kStepBudget));
    budget_end(b, budget, 0.040, true);  // an epoch's end measured every point: 24 ms over
    budget = budget_begin(b, false, 30);
    CHECK(budget == doctest::Approx(0.25 * kStepBudget));
    budget_end(b, budget, budget, true);  // 12 ms of the 24 repaid
    budget = budget_begin(b, false, 30);
    CHECK(budget == doctest::Approx(0.004));
    budget_end(b, budget, budget, true);  // all 24
    budget = budget_begin(b, false, 30);
    CHECK(budget == doctest::Approx(kStepBudget));
    // The last slice running past the budget is owed too.
    budget_end(b, budget, kStepBudget + 0.003, true);
    CHECK(budget_begin(b, false, 30) == doctest::Approx(kStepBudget - 0.003));
    // A frame that trained nothing starts afresh.
    budget_end(b, budget, 0.100, true);
    budget_end(b, budget_begin(b, false, 30), 0, false);
    CHECK(budget_begin(b, false, 30) == doctest::Approx(kStepBudget));
}

TEST_CASE("frame budget: a slice is about a quarter of the budget") {
    CHECK(next_slice(100, 0.001, 0.016) == 400);  // 10 µs a piece: 4 ms of them
    CHECK(next_slice(100, 0, 0.016) == 200);      // below the clock's resolution: twice as many
    CHECK(next_slice(1, 1.0, 0.016) == 1);        // one piece at least
    CHECK(next_slice(1 << 15, 0, 0.016) == kMaxSlicePieces);
}
