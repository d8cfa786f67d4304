// fuzz_train.cpp: libFuzzer target for training itself. The input is two state texts split
// at the first newline: a Trainer is built from the first, trains a few epochs, predicts and
// evaluates a grid, takes the second as a changed state (as the page's controls do) and trains
// again. Sizes are capped so one input stays fast; any crash, sanitizer report or broken
// invariant (epoch count, status, output shapes, finite weights while the run is ok) fails.
#include "engine/state.h"
#include "engine/trainer.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace nnplay;

// At most 200 points, 3 hidden layers of 8, 2 members: one input trains in milliseconds.
PlaygroundState capped(std::string_view query) {
    PlaygroundState s = from_query(query).state;
    s.num_samples = std::min(s.num_samples, 200);
    if (s.points.size() > 200) s.points.resize(200);
    if (s.network_shape.size() > 3) s.network_shape.resize(3);
    if (s.layer_activations.size() > 3) s.layer_activations.resize(3);
    for (int& width : s.network_shape) width = std::min(width, 8);
    s.ensemble = std::min(s.ensemble, 2);
    return s;
}

// Trains up to `epochs` epochs and checks what every run promises.
void train(Trainer& t, int epochs) {
    for (int e = 0; e < epochs; ++e) {
        const int before = t.epoch();
        const bool trained = t.step_epoch(e % 2 == 0);
        if (!trained) {
            FUZZ_CHECK(t.epoch() == before);
            break;
        }
        FUZZ_CHECK(t.epoch() == before + 1 || t.status() != RunStatus::ok);
        if (t.status() != RunStatus::ok) FUZZ_CHECK(!t.status_message().empty());
    }
    t.measure();
    // nnplay's own run stops (diverged) before keeping weights that are not finite. (compat=tf
    // trains in double: its float mirror may overflow where its doubles do not.)
    if (t.status() == RunStatus::ok && !t.compat_active())
        for (int m = 0; m < t.ensemble_size(); ++m) FUZZ_CHECK(t.network(m).all_finite());
    Matrix out;
    const std::vector<Point> probe = {{0, 0, 0}, {-6, 6, 1}, {5.5f, -2, 0}};
    t.predict(probe, out);
    FUZZ_CHECK(out.cols() == 3 && out.rows() == t.spec().outputs);
    GridOutput grid;
    t.evaluate_grid(6, grid, true);
    FUZZ_CHECK(grid.output.cols() == 36);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::size_t newline = text.find('\n');
    const std::string_view first = text.substr(0, newline);
    const std::string_view second = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);

    Trainer t(capped(first));
    train(t, 3);
    if (newline != std::string_view::npos) {
        t.set_state(capped(second));
        train(t, 2);
        t.reset();
        FUZZ_CHECK(t.epoch() == 0);
        train(t, 1);
    }
    return 0;
}
