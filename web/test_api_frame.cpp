// test_api_frame.cpp: the test API of issue 13's training in slices (web/api.js calls these):
// where the epoch under way stands (and its batch), and the benchmark's switch back to a full measure of
// every epoch for a before/after figure.
#include "web/test_api.h"

#include "web/app.h"

namespace nnplay::web {

// Training samples of the epoch under way in completed batches (0 between epochs); -1 before start.
NNPLAY_API int nnplay_api_epoch_position() {
    App* app = app_current();
    return app ? app->run.trainer->epoch_position() : -1;
}

// 1 while an epoch is under way: samples of it trained, or pieces of its next batch.
NNPLAY_API int nnplay_api_mid_epoch() {
    App* app = app_current();
    return app && app->run.trainer->mid_epoch() ? 1 : 0;
}

// 1: every completed epoch measured in full, as the page did before; 0: its losses only.
NNPLAY_API void nnplay_api_set_full_epoch_measure(int on) {
    if (App* app = api_app()) app->run.full_epoch_measure = on != 0;
}

}  // namespace nnplay::web
