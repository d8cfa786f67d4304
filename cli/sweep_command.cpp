// sweep_command.cpp: `nnplay sweep`, the page's seed sweep without the page: the same state
// trained with N seeds derived from its own (engine/sweep.h), each seed's final figures and
// the spread, as a table or JSON lines.
#include "cli/commands.h"

#include "engine/json_writer.h"
#include "engine/link.h"
#include "engine/sweep.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace nnplay::cli {

namespace {

void add_final(JsonLine& j, const Metrics& m) {
    j.add("train_loss", m.train_loss)
        .add("val_loss", m.val_loss)
        .add("test_loss", m.test_loss)
        .add("train_acc", m.train_acc)
        .add("test_acc", m.test_acc)
        .add("train_rmse", m.train_rmse)
        .add("test_rmse", m.test_rmse);
}

void add_spread(JsonLine& j, const std::string& key, const Spread& s) {
    j.add(key + "_mean", s.mean).add(key + "_min", s.lo).add(key + "_max", s.hi);
}

// A figure in the table: fixed decimals, "-" where it does not apply (NaN).
std::string figure(double value, int precision, const char* suffix = "") {
    if (std::isnan(value)) return "-";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f%s", precision, value, suffix);
    return buf;
}

}  // namespace

int run_sweep(const SweepOptions& options) {
    const Link link = read_link(options.state_query);
    for (const std::string& w : link.warnings) std::fprintf(stderr, "warning: %s\n", printable(w).c_str());
    if (link.weights)
        std::fprintf(stderr, "warning: the link's weights are not used: every seed starts from its own\n");
    std::fflush(stderr);

    Sweep sweep(link.state, options.seeds, options.epochs);
    while (!sweep.advance(1000)) {
    }
    const bool regression = link.state.problem == Problem::regression;
    const Spread loss = spread_of(sweep.final_figures(false));
    std::vector<double> acc = sweep.final_figures(true);
    const Spread accuracy = spread_of(acc);

    if (options.json) {
        for (const SweepResult& r : sweep.results()) {
            JsonLine j;
            j.add("seed", r.seed).add("status", name_of(r.status)).add("epoch", r.epoch);
            add_final(j, r.final);
            std::printf("%s\n", j.str().c_str());
        }
        JsonLine j;
        j.add("final", true).add("seeds", sweep.seeds()).add("epochs", sweep.epochs());
        add_spread(j, "test_loss", loss);
        if (!regression) add_spread(j, "test_acc", accuracy);
        j.add("state", to_query(link.state));
        std::printf("%s\n", j.str().c_str());
        return kExitOk;
    }

    std::printf("state: %s\n", to_query(link.state).c_str());
    std::printf("%-24s %7s %-14s %12s %12s %12s\n", "seed", "epoch", "status", "train loss", "test loss",
                regression ? "test rmse" : "test acc");
    for (const SweepResult& r : sweep.results()) {
        const std::string last = regression ? figure(r.final.test_rmse, 4) : figure(100 * r.final.test_acc, 1, "%");
        std::printf("%-24s %7d %-14s %12s %12s %12s\n", printable(r.seed).c_str(), r.epoch, name_of(r.status),
                    figure(r.final.train_loss, 6).c_str(), figure(r.final.test_loss, 6).c_str(), last.c_str());
    }
    std::printf("test loss over %d seeds: mean %s, min %s, max %s\n", sweep.seeds(), figure(loss.mean, 6).c_str(),
                figure(loss.lo, 6).c_str(), figure(loss.hi, 6).c_str());
    if (!regression)
        std::printf("test accuracy over %d seeds: mean %s, min %s, max %s\n", sweep.seeds(),
                    figure(100 * accuracy.mean, 1, "%").c_str(), figure(100 * accuracy.lo, 1, "%").c_str(),
                    figure(100 * accuracy.hi, 1, "%").c_str());
    return kExitOk;
}

}  // namespace nnplay::cli
