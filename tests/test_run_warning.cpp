// test_run_warning.cpp: a link whose run state does not fit its network (other moment sizes,
// members, position) still loads its weights, and says what of the run did not fit.
#include "engine/link.h"
#include "engine/trainer.h"

#include <doctest/doctest.h>

#include <string>

using namespace nnplay;

TEST_CASE("run warning: a link's run state that does not fit is named, not dropped silently") {
    const std::string base = "dataset=circle&networkShape=4,2&optimizer=adam&numSamples=100&seed=w";
    Trainer sender(from_query(base).state), other(from_query(base + "&networkShape=3").state);
    for (int e = 0; e < 3; ++e) sender.step_epoch(false), other.step_epoch(false);
    const WeightsPayload w = trainer_weights(sender, WeightFormat::float32);
    const RunState wrong = other.run_state();  // moments of a 3-unit network
    const Link link = read_link(write_link(sender.state(), {true, &w, 3, &wrong}).text);
    REQUIRE(link.warnings.empty());
    REQUIRE(link.run);
    Trainer receiver(link.state);
    std::string warning = "stale";
    REQUIRE(load_link_weights(receiver, link, &warning).empty());
    CHECK(warning.find("ignored the link's run state") == 0);
    CHECK(warning.find("moments do not fit") != std::string::npos);
    CHECK(warning.find("epoch 3") != std::string::npos);
    CHECK(receiver.epoch() == 3);  // the weights and the epoch are taken

    // A run state that fits: no warning.
    const RunState right = sender.run_state();
    const Link good = read_link(write_link(sender.state(), {true, &w, 3, &right}).text);
    Trainer fits(good.state);
    REQUIRE(load_link_weights(fits, good, &warning).empty());
    CHECK(warning.empty());
}
