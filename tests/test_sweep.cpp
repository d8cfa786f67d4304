// test_sweep.cpp: a seed sweep is deterministic (the same whether advanced in one go or in
// slices), each seed's run is the plain run of its derived seed, and the spread adds up.
#include "engine/sweep.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace nnplay;

TEST_CASE("sweep: derived seeds, bad sizes named") {
    CHECK(sweep_seed("abc", 0) == "abc/1");
    CHECK(sweep_seed("abc", 4) == "abc/5");
    CHECK(sweep_check(3, 10).empty());
    CHECK(sweep_check(0, 10).find("seeds must be 1..50") != std::string::npos);
    CHECK(sweep_check(51, 10).find("not 51") != std::string::npos);
    CHECK(sweep_check(3, 0).find("epochs must be") != std::string::npos);
}

TEST_CASE("sweep: slices give the same numbers, and each seed is its own plain run") {
    const PlaygroundState s = from_query("dataset=circle&networkShape=3&numSamples=80&seed=sw").state;
    Sweep whole(s, 3, 12), sliced(s, 3, 12), batched(s, 3, 12);
    CHECK(whole.advance(1000000));
    int calls = 0;
    while (!sliced.advance(5)) ++calls;
    CHECK(calls > 3);
    // In slices of 3 pieces (40 training points, batch 10: a piece is a batch, 4 a epoch), epochs span calls.
    int batch_calls = 0;
    while (batched.advance_pieces(3) > 0) ++batch_calls;
    CHECK(batched.done());
    CHECK(batch_calls >= 3 * 12 * 4 / 3);
    CHECK(batched.advance_pieces(3) == 0);
    REQUIRE(whole.results().size() == 3);
    REQUIRE(sliced.results().size() == 3);
    REQUIRE(batched.results().size() == 3);
    for (int i = 0; i < 3; ++i) {
        const SweepResult& a = whole.results()[std::size_t(i)];
        const SweepResult& b = sliced.results()[std::size_t(i)];
        const SweepResult& c = batched.results()[std::size_t(i)];
        CHECK(a.seed == "sw/" + std::to_string(i + 1));
        CHECK(a.epoch == 12);
        CHECK(a.test_loss == b.test_loss);
        CHECK(a.test_loss == c.test_loss);
        CHECK(a.train_loss == c.train_loss);
        CHECK(c.epoch == 12);
        CHECK(a.final.test_acc == c.final.test_acc);
        CHECK(a.test_loss.size() == 13);
        PlaygroundState own = s;
        own.seed = a.seed;
        Trainer plain(own);
        for (int e = 0; e < 12; ++e) plain.step_epoch(true);
        CHECK(plain.metrics().test_loss == a.final.test_loss);
        CHECK(plain.metrics().test_acc == a.final.test_acc);
    }
    // Different seeds give different runs.
    CHECK(whole.results()[0].final.train_loss != whole.results()[1].final.train_loss);
    CHECK(whole.progress() == 1.0);

    const SweepBand band = whole.band(true);
    REQUIRE(band.mean.size() == 13);
    for (std::size_t e = 0; e < 13; ++e) {
        CHECK(band.lo[e] <= band.mean[e]);
        CHECK(band.mean[e] <= band.hi[e]);
    }
    const Spread acc = spread_of(whole.final_figures(true));
    double sum = 0;
    for (const SweepResult& r : whole.results()) sum += r.final.test_acc;
    CHECK(acc.mean == doctest::Approx(sum / 3));
    CHECK(std::isnan(spread_of({}).mean));
}

TEST_CASE("sweep: a diverging seed ends early with its status") {
    const PlaygroundState s = from_query("dataset=circle&networkShape=3&learningRate=10&activation=relu&seed=d").state;
    Sweep sweep(s, 2, 400);
    sweep.advance(100000);
    REQUIRE(sweep.done());
    for (const SweepResult& r : sweep.results())
        if (r.status != RunStatus::ok) CHECK(r.epoch < 400);
}
