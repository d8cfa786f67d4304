// parallel.h: a second thread for work that splits into independent parts, such as the
// chunks of a grid evaluation. The parts write disjoint outputs and each sums its terms in
// the same order as one thread would, so the results are the same bits on one thread or two.
//
// Threads exist natively and in a WASM build made with -pthread (the page's build for a
// cross-origin isolated page, and the CLI's nnplay-cli-mt.js); elsewhere every part runs on
// the calling thread, in order.
#pragma once

#include <functional>

namespace nnplay {

// How many parts are worth making: 2 where the build has threads, the machine has more than
// one core and set_max_threads allows it; else 1.
int parallel_parts();

// At most this many threads from now on (1 turns the helper off; tests and `--threads`).
void set_max_threads(int threads);

// Runs part(0) … part(parts − 1) and returns when all are done: part(1) on the helper
// thread while part(0) runs here, any further part here after them. When the helper is busy
// with another caller's work, every part runs here.
void run_parts(int parts, const std::function<void(int part)>& part);

}  // namespace nnplay
