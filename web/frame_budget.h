// frame_budget.h: how many seconds of training each frame gets (issue 13), one rule for every
// speed, the step button and "as fast as possible". Plain C++ (no GL, no ImGui), so the native
// tests check it (tests/test_frame_budget.cpp).
#pragma once

namespace nnplay::web {

// Seconds of training a frame at the fixed speeds and for the step button (the epochs a frame
// asks for are the other limit). One 60 Hz frame: with the drawing's own ~8 ms (SwiftShader),
// a link whose epoch takes seconds still draws over 20 frames a second (25 ms gave 18.6).
constexpr double kStepBudget = 0.016;
// "As fast as possible" follows the frame rate between these (seconds a frame).
constexpr double kFastestMin = 0.002, kFastestMax = 0.008;

struct FrameBudget {
    // "As fast as possible": cut by a fifth while frames come slower than 50 a second and our
    // own work is over half of that, grown by a quarter millisecond otherwise. When the
    // browser's drawing is what holds frames back (software WebGL), less training would not
    // bring them sooner.
    double fastest = kFastestMax;
    // Seconds of training the epoch under way took so far, and the last completed epoch took:
    // "as fast as possible" never trains less a frame than the fastest N-a-frame speed would.
    double epoch_seconds = 0, last_epoch_seconds = 0;
    // Seconds the last frames trained past their budget (an epoch's end measures every point):
    // the next frames train that much less, at most three quarters of their budget each, so a
    // run whose epochs span frames keeps its frame rate on average.
    double overrun = 0;
    double base = 0;  // the last training frame's budget before overruns (s)
};

// After a frame: `interval` seconds since the frame before began, `work` seconds the frame
// before took on our side.
void budget_follow_frames(FrameBudget& b, double interval, double work);

// This frame's training seconds: `fastest` for "as fast as possible" (else a fixed speed or
// the step button); `most_epochs`: the epochs a frame of the fastest fixed speed asks for.
double budget_begin(FrameBudget& b, bool fastest, int most_epochs);

// After the frame trained `used` seconds of `budget` (`trained`: it trained anything), what it
// overran is owed and what it saved repays; a frame that trained nothing starts afresh.
void budget_end(FrameBudget& b, double budget, double used, bool trained);

// The pieces of the next slice of training: about a quarter of `budget` seconds at the last
// slice's time per piece (`pieces` took `seconds`); twice as many where that time was below the
// clock's resolution (the browser rounds it to 0.1 ms, and one piece can take 20 µs).
constexpr int kMaxSlicePieces = 1 << 16;
int next_slice(int pieces, double seconds, double budget);

}  // namespace nnplay::web
