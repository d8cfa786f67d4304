// test_parallel.cpp: the helper thread of engine/parallel.h. Every part runs once, the second
// on another thread; a part that asks for the helper while it is busy runs its own parts in
// place; and a grid evaluated on two threads has the bits of the same grid on one.
#include "engine/parallel.h"

#include "engine/trainer.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace nnplay;
using namespace nnplay::test;

namespace {

// Restores two threads (the default) at the end of a test that turned them off.
struct MaxThreads {
    explicit MaxThreads(int n) { set_max_threads(n); }
    ~MaxThreads() { set_max_threads(2); }
};

}  // namespace

TEST_CASE("parallel: every part runs once, the second on the helper where there are two cores") {
    std::vector<std::thread::id> ran_on(5);
    std::vector<int> runs(5, 0);
    run_parts(5, [&](int part) {
        ran_on[std::size_t(part)] = std::this_thread::get_id();
        ++runs[std::size_t(part)];
    });
    CHECK(runs == std::vector<int>(5, 1));
    const std::thread::id here = std::this_thread::get_id();
    CHECK(ran_on[0] == here);
    for (int p = 2; p < 5; ++p) CHECK(ran_on[std::size_t(p)] == here);
    if (parallel_parts() == 2) CHECK(ran_on[1] != here);
    else CHECK(ran_on[1] == here);

    MaxThreads one(1);
    CHECK(parallel_parts() == 1);
    run_parts(2, [&](int part) { ran_on[std::size_t(part)] = std::this_thread::get_id(); });
    CHECK(ran_on[1] == here);
}

TEST_CASE("parallel: parts that split again while the helper is busy run in place") {
    std::atomic<int> inner{0};
    run_parts(2, [&](int) {
        run_parts(2, [&](int) { ++inner; });  // the helper is taken (or is this very thread)
    });
    CHECK(inner.load() == 4);
}

TEST_CASE("parallel: a grid on two threads has the bits of the same grid on one") {
    // Uneven chunks (100² cells in chunks of 1024), an ensemble and every layer's values.
    Trainer t(state_of("dataset=spiral&networkShape=8,6&activation=tanh&ensemble=3&seed=par"));
    for (int e = 0; e < 5; ++e) t.step_epoch();
    GridOutput two, one;
    t.evaluate_grid(100, two, true, 1);
    {
        MaxThreads single(1);
        t.evaluate_grid(100, one, true, 1);
    }
    CHECK(same_floats(two.output, one.output));
    REQUIRE(two.layers.size() == one.layers.size());
    for (std::size_t l = 0; l < two.layers.size(); ++l) CHECK(same_floats(two.layers[l], one.layers[l]));
}
