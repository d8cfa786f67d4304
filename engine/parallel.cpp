// parallel.cpp: see parallel.h. One helper thread, started on first use and kept for the
// process's life (never joined: it waits for work until the process ends), fed one part at a
// time under a mutex.
#include "engine/parallel.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

// Emscripten defines __EMSCRIPTEN_PTHREADS__ when it builds with -pthread; without it
// std::thread cannot start.
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
#define NNPLAY_HAS_THREADS 0
#else
#define NNPLAY_HAS_THREADS 1
#endif

namespace nnplay {
namespace {

std::atomic<int> g_max_threads{2};

#if NNPLAY_HAS_THREADS
struct Helper {
    std::mutex mutex;
    std::condition_variable wake, done;
    const PartRef* work = nullptr;  // set: a part to run
    int part = 0;
    bool finished = false;

    Helper() { std::thread([this] { loop(); }).detach(); }

    void loop() {
        std::unique_lock<std::mutex> lock(mutex);
        for (;;) {
            wake.wait(lock, [this] { return work != nullptr; });
            const PartRef& run = *work;
            lock.unlock();
            run(part);
            lock.lock();
            work = nullptr;
            finished = true;
            done.notify_one();
        }
    }
};

std::mutex g_busy;  // held by the caller whose part the helper runs

Helper& helper() {
    static Helper* h = new Helper;  // never destroyed: its thread may still be waiting on it
    return *h;
}
#endif

}  // namespace

int parallel_parts() {
#if NNPLAY_HAS_THREADS
    static const unsigned cores = std::thread::hardware_concurrency();
    return cores > 1 && g_max_threads.load() > 1 ? 2 : 1;
#else
    return 1;
#endif
}

void set_max_threads(int threads) { g_max_threads.store(threads < 1 ? 1 : threads); }

void run_parts(int parts, PartRef part) {
#if NNPLAY_HAS_THREADS
    std::unique_lock<std::mutex> busy(g_busy, std::defer_lock);
    if (parts >= 2 && parallel_parts() >= 2 && busy.try_lock()) {
        Helper& h = helper();
        {
            std::lock_guard<std::mutex> lock(h.mutex);
            h.work = &part;
            h.part = 1;
            h.finished = false;
        }
        h.wake.notify_one();
        part(0);
        {
            std::unique_lock<std::mutex> lock(h.mutex);
            h.done.wait(lock, [&h] { return h.finished; });
        }
        for (int p = 2; p < parts; ++p) part(p);
        return;
    }
#endif
    for (int p = 0; p < parts; ++p) part(p);
}

}  // namespace nnplay
