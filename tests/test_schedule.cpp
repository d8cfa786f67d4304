// test_schedule.cpp: the learning rate over epochs. constant; step (×factor
// every N epochs); exp (lr·decay^epoch); plateau (×factor after P epochs
// without beating the best, never before; an improvement restarts the count; PyTorch's
// ReduceLROnPlateau: threshold, cooldown, min rate);
// configure() mid-run keeping progress; reset().
#include "engine/schedule.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace nnplay;

namespace {

PlaygroundState settings(Schedule kind, float lr = 0.5f) {
    PlaygroundState s;
    s.schedule = kind;
    s.learning_rate = lr;
    return s;
}

// The state's float fields as the schedule sees them.
doctest::Approx rate_of(double v) { return doctest::Approx(v).epsilon(1e-12); }

}  // namespace

TEST_CASE("schedule: the default is constant at the state's rate") {
    LearningRateSchedule schedule;
    CHECK(schedule.rate() == rate_of(double(PlaygroundState{}.learning_rate)));
    const PlaygroundState s = settings(Schedule::constant, 0.25f);
    schedule.configure(s);
    for (int epoch = 1; epoch <= 500; ++epoch) schedule.end_epoch(epoch, 1.0 / epoch);
    CHECK(schedule.rate() == 0.25);
}

TEST_CASE("schedule: step multiplies by the factor every N epochs") {
    PlaygroundState s = settings(Schedule::step, 0.5f);
    s.step_every = 10;
    s.schedule_factor = 0.1f;
    const double f = double(s.schedule_factor);
    LearningRateSchedule schedule(s);
    CHECK(schedule.rate() == 0.5);
    for (int epoch = 1; epoch <= 9; ++epoch) {
        schedule.end_epoch(epoch, 1.0);
        CHECK(schedule.rate() == 0.5);  // not before N epochs
    }
    schedule.end_epoch(10, 1.0);
    CHECK(schedule.rate() == rate_of(0.5 * f));  // ≈ 0.05 after N
    for (int epoch = 11; epoch <= 19; ++epoch) schedule.end_epoch(epoch, 1.0);
    CHECK(schedule.rate() == rate_of(0.5 * f));
    schedule.end_epoch(20, 1.0);
    CHECK(schedule.rate() == rate_of(0.5 * f * f));  // ≈ 0.005 after 2N
    CHECK(schedule.rate() == doctest::Approx(0.005).epsilon(1e-6));
    schedule.end_epoch(35, 1.0);
    CHECK(schedule.rate() == rate_of(0.5 * f * f * f));
}

TEST_CASE("schedule: exp is lr·decay^epoch") {
    PlaygroundState s = settings(Schedule::exp, 0.5f);
    s.decay_rate = 0.9f;
    const double d = double(s.decay_rate);
    LearningRateSchedule schedule(s);
    CHECK(schedule.rate() == 0.5);
    double want = 0.5;
    for (int epoch = 1; epoch <= 50; ++epoch) {
        CAPTURE(epoch);
        schedule.end_epoch(epoch, 1.0);
        want *= d;
        CHECK(schedule.rate() == rate_of(want));
    }
    CHECK(schedule.rate() == doctest::Approx(0.5 * std::pow(0.9, 50)).epsilon(1e-5));
    // Only the epoch number counts.
    schedule.end_epoch(200, 1.0);
    CHECK(schedule.rate() == rate_of(0.5 * std::pow(d, 200)));
}

TEST_CASE("schedule: plateau cuts the rate after P epochs without improvement, not before") {
    PlaygroundState s = settings(Schedule::plateau, 0.5f);
    s.plateau_patience = 3;
    s.schedule_factor = 0.1f;
    const double f = double(s.schedule_factor);
    LearningRateSchedule schedule(s);
    int epoch = 0;
    auto end = [&](double loss) {
        schedule.end_epoch(++epoch, loss);
        return schedule.rate();
    };
    CHECK(end(1.0) == 0.5);  // the first loss is the best so far
    CHECK(end(1.0) == 0.5);  // equal is not better: 1 epoch without improvement
    CHECK(end(1.2) == 0.5);  // 2
    CHECK(end(1.1) == rate_of(0.5 * f));  // 3 = P: cut

    SUBCASE("an improvement restarts the count") {
        CHECK(end(0.9) == rate_of(0.5 * f));  // better than the best so far (1.0)
        CHECK(end(0.95) == rate_of(0.5 * f));  // 1
        CHECK(end(0.95) == rate_of(0.5 * f));  // 2
        CHECK(end(0.5) == rate_of(0.5 * f));   // better: back to 0
        CHECK(end(0.6) == rate_of(0.5 * f));   // 1
        CHECK(end(0.6) == rate_of(0.5 * f));   // 2
        CHECK(end(0.6) == rate_of(0.5 * f * f));  // 3: second cut
    }
    SUBCASE("a steadily improving run is never cut") {
        double loss = 1.0;
        for (int i = 0; i < 100; ++i) CHECK(end(loss *= 0.99) == rate_of(0.5 * f));
    }
    SUBCASE("a stalled run is cut every P epochs") {
        for (int i = 0; i < 2; ++i) CHECK(end(2.0) == rate_of(0.5 * f));
        CHECK(end(2.0) == rate_of(0.5 * f * f));
        for (int i = 0; i < 2; ++i) CHECK(end(2.0) == rate_of(0.5 * f * f));
        CHECK(end(2.0) == rate_of(0.5 * f * f * f));
    }
}

TEST_CASE("schedule: configure() mid-run keeps the progress") {
    SUBCASE("step: a new base rate applies at the current step") {
        PlaygroundState s = settings(Schedule::step, 0.5f);
        s.step_every = 10;
        LearningRateSchedule schedule(s);
        for (int epoch = 1; epoch <= 15; ++epoch) schedule.end_epoch(epoch, 1.0);
        s.learning_rate = 0.25f;
        schedule.configure(s);
        CHECK(schedule.rate() == rate_of(0.25 * double(s.schedule_factor)));
        s.step_every = 5;  // epoch 15 is now three steps in
        schedule.configure(s);
        CHECK(schedule.rate() == rate_of(0.25 * std::pow(double(s.schedule_factor), 3)));
    }
    SUBCASE("plateau: the cuts so far are kept when only the rate changes") {
        PlaygroundState s = settings(Schedule::plateau, 0.5f);
        s.plateau_patience = 1;
        LearningRateSchedule schedule(s);
        schedule.end_epoch(1, 1.0);
        schedule.end_epoch(2, 1.0);  // cut
        const double f = double(s.schedule_factor);
        CHECK(schedule.rate() == rate_of(0.5 * f));
        s.learning_rate = 0.25f;
        schedule.configure(s);
        CHECK(schedule.rate() == rate_of(0.25 * f));
        // Switching to another kind and back starts the plateau afresh.
        schedule.configure(settings(Schedule::constant, 0.25f));
        CHECK(schedule.rate() == 0.25);
        schedule.configure(s);
        CHECK(schedule.rate() == 0.25);
    }
    SUBCASE("switching constant → exp at epoch 5 continues from epoch 5") {
        LearningRateSchedule schedule(settings(Schedule::constant, 0.5f));
        for (int epoch = 1; epoch <= 5; ++epoch) schedule.end_epoch(epoch, 1.0);
        CHECK(schedule.rate() == 0.5);
        PlaygroundState s = settings(Schedule::exp, 0.5f);
        s.decay_rate = 0.5f;
        schedule.configure(s);
        CHECK(schedule.rate() == 0.5 / 32);
    }
    SUBCASE("N below 1 is taken as 1; P below 1 cuts at the first stall") {
        PlaygroundState s = settings(Schedule::step, 0.5f);
        s.step_every = 0;
        s.schedule_factor = 0.5f;
        LearningRateSchedule schedule(s);
        schedule.end_epoch(1, 1.0);
        CHECK(schedule.rate() == 0.25);
        s.schedule = Schedule::plateau;
        s.plateau_patience = -3;
        schedule.configure(s);
        schedule.end_epoch(2, 1.0);
        schedule.end_epoch(3, 1.0);
        CHECK(schedule.rate() == 0.25);
    }
}

TEST_CASE("schedule: reset() returns to the base rate at epoch 0") {
    PlaygroundState s = settings(Schedule::exp, 0.5f);
    s.decay_rate = 0.5f;
    LearningRateSchedule schedule(s);
    for (int epoch = 1; epoch <= 4; ++epoch) schedule.end_epoch(epoch, 1.0);
    CHECK(schedule.rate() == 0.5 / 16);
    schedule.reset();
    CHECK(schedule.rate() == 0.5);
    schedule.end_epoch(1, 1.0);
    CHECK(schedule.rate() == 0.25);

    PlaygroundState p = settings(Schedule::plateau, 0.5f);
    p.plateau_patience = 1;
    p.schedule_factor = 0.5f;
    LearningRateSchedule plateau(p);
    plateau.end_epoch(1, 1.0);
    plateau.end_epoch(2, 0.1);  // the best loss is now 0.1
    plateau.end_epoch(3, 0.2);  // cut
    CHECK(plateau.rate() == 0.25);
    plateau.reset();
    CHECK(plateau.rate() == 0.5);
    // The best loss is forgotten too: 0.5 is the first loss again, not a stall after 0.1.
    plateau.end_epoch(1, 0.5);
    CHECK(plateau.rate() == 0.5);
    plateau.end_epoch(2, 0.4);
    CHECK(plateau.rate() == 0.5);
}

TEST_CASE("schedule: plateau compares with the best so far, as PyTorch's ReduceLROnPlateau") {
    // The sequence: 1.0, 1.2 × 3, 1.1 × 2, then 1.05 on. PyTorch (patience 3, i.e.
    // plateauPatience 4, factor 0.5): 1 → 0.5 → 0.25 → 0.125. The old rule, which compared
    // with the loss at the cut, stopped at 0.5 (1.1 and 1.05 "improved" on 1.2).
    PlaygroundState s = settings(Schedule::plateau, 1.0f);
    s.plateau_patience = 4;
    s.schedule_factor = 0.5f;
    LearningRateSchedule schedule(s);
    std::vector<double> rates;
    int epoch = 0;
    std::vector<double> losses = {1.0, 1.2, 1.2, 1.2, 1.1, 1.1};
    for (int i = 0; i < 10; ++i) losses.push_back(1.05);
    for (double loss : losses) {
        schedule.end_epoch(++epoch, loss);
        if (rates.empty() || schedule.rate() != rates.back()) rates.push_back(schedule.rate());
    }
    CHECK(rates == std::vector<double>{1.0, 0.5, 0.25, 0.125});
    CHECK(schedule.saved().cuts == 3);
    CHECK(schedule.saved().best_loss == 1.0);
}

TEST_CASE("schedule: plateau's threshold, cooldown and minimum rate") {
    PlaygroundState s = settings(Schedule::plateau, 1.0f);
    s.plateau_patience = 1;
    s.schedule_factor = 0.5f;
    SUBCASE("an improvement smaller than threshold × best is no improvement") {
        s.plateau_threshold = 0.01f;
        LearningRateSchedule schedule(s);
        schedule.end_epoch(1, 1.0);
        schedule.end_epoch(2, 0.995);  // 0.5 % better: not 1 %
        CHECK(schedule.rate() == 0.5);
        schedule.end_epoch(3, 0.9);  // 10 % better than 1.0
        CHECK(schedule.rate() == 0.5);
        CHECK(schedule.saved().best_loss == 0.9);
    }
    SUBCASE("no bad epoch counts during the cooldown after a cut") {
        s.plateau_cooldown = 2;
        LearningRateSchedule schedule(s);
        schedule.end_epoch(1, 1.0);
        schedule.end_epoch(2, 1.0);  // cut, cooldown 2
        CHECK(schedule.rate() == 0.5);
        schedule.end_epoch(3, 1.0);  // cooldown
        schedule.end_epoch(4, 1.0);  // cooldown
        CHECK(schedule.rate() == 0.5);
        schedule.end_epoch(5, 1.0);  // counts: cut
        CHECK(schedule.rate() == 0.25);
    }
    SUBCASE("the rate is never cut below the minimum, and a cut smaller than 1e-8 is skipped") {
        s.min_learning_rate = 0.3f;
        LearningRateSchedule schedule(s);
        schedule.end_epoch(1, 1.0);
        schedule.end_epoch(2, 1.0);
        CHECK(schedule.rate() == 0.5);
        schedule.end_epoch(3, 1.0);
        CHECK(schedule.rate() == double(0.3f));
        schedule.end_epoch(4, 1.0);
        CHECK(schedule.rate() == double(0.3f));
        CHECK(schedule.saved().cuts == 2);
    }
    SUBCASE("saved() and restore() carry everything") {
        LearningRateSchedule a(s), b(s);
        for (int e = 1; e <= 5; ++e) a.end_epoch(e, 1.0 / e + (e % 2));
        b.restore(a.saved());
        CHECK(b.rate() == a.rate());
        for (int e = 6; e <= 12; ++e) {
            a.end_epoch(e, 2.0);
            b.end_epoch(e, 2.0);
            CHECK(b.rate() == a.rate());
        }
        CHECK(b.saved() == a.saved());
    }
}
