// parallel.h: a second thread for work that splits into independent parts, such as the
// chunks of a grid evaluation. The parts write disjoint outputs and each sums its terms in
// the same order as one thread would, so the results are the same bits on one thread or two.
//
// Threads exist natively and in a WASM build made with -pthread (the page's build for a
// cross-origin isolated page, and the CLI's nnplay-cli-mt.js); elsewhere every part runs on
// the calling thread, in order.
#pragma once

#include <type_traits>

namespace nnplay {

// A reference to a callable `void(int part)` that run_parts calls: no copy and no allocation
// (a std::function may allocate for each closure). The callable must outlive the call, as a
// lambda written in the call does.
class PartRef {
public:
    template <typename F, typename = std::enable_if_t<!std::is_same_v<std::decay_t<F>, PartRef>>>
    PartRef(F&& f)  // NOLINT: a lambda converts in the call
        : callable_(const_cast<void*>(static_cast<const void*>(&f))),
          call_([](void* callable, int part) { (*static_cast<std::remove_reference_t<F>*>(callable))(part); }) {}
    void operator()(int part) const { call_(callable_, part); }

private:
    void* callable_;
    void (*call_)(void*, int);
};

// How many parts are worth making: 2 where the build has threads, the machine has more than
// one core and set_max_threads allows it; else 1.
int parallel_parts();

// At most this many threads from now on (1 turns the helper off; tests and `--threads`).
void set_max_threads(int threads);

// Runs part(0) … part(parts − 1) and returns when all are done: part(1) on the helper
// thread while part(0) runs here, any further part here after them. When the helper is busy
// with another caller's work, every part runs here.
void run_parts(int parts, PartRef part);

}  // namespace nnplay
