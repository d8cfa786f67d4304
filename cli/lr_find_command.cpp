// lr_find_command.cpp: `nnplay lr-find`, the learning-rate finder on a copy of a run's
// network (after N epochs, 0 by default): smoothed loss against an exponentially growing
// rate, and the suggested rate.
#include "cli/commands.h"
#include "cli/link_trainer.h"

#include "engine/json_writer.h"
#include "engine/link.h"
#include "engine/lr_finder.h"
#include "engine/trainer.h"

#include <cstdio>
#include <string>

namespace nnplay::cli {

int run_lr_find(const LrFindOptions& options) {
    const std::unique_ptr<Trainer> owner = trainer_from_link(options.state_query);
    Trainer& trainer = *owner;
    train_until(trainer, options.epochs);

    LrFinderOptions fo;
    fo.steps = options.steps;
    const LrFinderResult r = find_learning_rate(trainer, fo);
    if (!r.error.empty()) {
        std::fprintf(stderr, "nnplay lr-find: %s\n", r.error.c_str());
        return kExitFailure;
    }
    if (options.json) {
        std::string rates, losses;
        append_json_array(rates, r.rates, ",");
        append_json_array(losses, r.losses, ",");
        JsonLine j;
        j.add("suggestion", r.suggestion).add("suggested_step", r.suggested).add("edge_step", r.edge);
        j.add("min_step", r.best).add("stopped_early", r.stopped_early).add_json("rates", rates);
        j.add_json("losses", losses).add("state", to_query(trainer.state()));
        std::printf("%s\n", j.str().c_str());
    } else {
        std::printf("learning-rate finder: %zu steps from %.3g to %.3g%s\n", r.rates.size(), r.rates.front(),
                    r.rates.back(), r.stopped_early ? " (stopped: the loss blew up)" : "");
        std::printf("%-12s %s\n", "rate", "smoothed loss");
        const std::size_t every = r.rates.size() > 40 ? r.rates.size() / 40 : 1;
        for (std::size_t k = 0; k < r.rates.size(); ++k)
            if (k % every == 0 || int(k) == r.suggested || int(k) == r.best)
                std::printf("%-12.4g %.6g%s\n", r.rates[k], r.losses[k],
                            int(k) == r.suggested ? "  <- suggested (steepest descent)"
                            : int(k) == r.best    ? "  <- lowest loss"
                                                  : "");
        std::printf("suggested learning rate: %.4g\n", r.suggestion);
        std::printf("state: %s\n", to_query(trainer.state()).c_str());
    }
    std::fflush(stdout);
    return kExitOk;
}

}  // namespace nnplay::cli
