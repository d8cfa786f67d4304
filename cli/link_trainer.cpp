// link_trainer.cpp: the shared start of the training commands (explain, export, lr-find,
// surface): see link_trainer.h.
#include "cli/link_trainer.h"

#include "engine/link.h"
#include "engine/printable.h"

#include <cstdio>

namespace nnplay::cli {

std::unique_ptr<Trainer> trainer_from_link(const std::string& state_query) {
    const Link link = read_link(state_query);
    for (const std::string& w : link.warnings) std::fprintf(stderr, "warning: %s\n", printable(w).c_str());
    auto trainer = std::make_unique<Trainer>(link.state);
    if (ReadError error = load_link_weights(*trainer, link); !error.empty())
        std::fprintf(stderr, "warning: ignored weights (%s): the run starts from the seed\n",
                     printable(error.reason).c_str());
    for (const std::string& w : trainer->warnings()) std::fprintf(stderr, "warning: %s\n", printable(w).c_str());
    std::fflush(stderr);
    return trainer;
}

void train_until(Trainer& trainer, int epochs) {
    while (trainer.epoch() < epochs && trainer.step_epoch(false))
        if (trainer.status() != RunStatus::ok) break;
}

}  // namespace nnplay::cli
