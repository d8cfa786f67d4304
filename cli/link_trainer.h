// link_trainer.h: how every command that trains from --state starts: the link read, its
// warnings and the trainer's printed (escaped) on stderr, the link's weights loaded when it
// carries them (else a warning, and the run starts from the seed).
#pragma once

#include "engine/trainer.h"

#include <memory>
#include <string>

namespace nnplay::cli {

std::unique_ptr<Trainer> trainer_from_link(const std::string& state_query);

// Trains whole epochs until `epochs` or the run stops (diverged, early-stopped).
void train_until(Trainer& trainer, int epochs);

}  // namespace nnplay::cli
