// test_api_runs.cpp: the test API of the Runs panel (issue 15): the run history and its
// comparison, the rewind timeline, seed sweeps, and the exact weights to check a rewind by.
// The same conventions as web/test_api.cpp: each call wakes the page; texts live until the next.
#include "web/test_api.h"

#include "web/app.h"
#include "web/run_history.h"
#include "web/ui/panels.h"

#include <string>

using namespace nnplay;
using namespace nnplay::web;

// {history: [{id, seed, epochs, testLoss, selected, thumb}], snapshots: [epochs], viewEpoch,
// compare: [{name, cells}], storageNote, sweep: null | {seeds, epochs, done, progress,
// results: [{seed, status, epoch, testLoss, testAcc}]}}.
NNPLAY_API const char* nnplay_api_runs() {
    App* app = api_app();
    if (!app) return "null";
    RunsState& r = runs_of(*app);
    std::string j = "{\"history\":";
    append_json_array(j, r.history, ",", [](std::string& o, const RunRecord& run) {
        o += "{\"id\":" + std::to_string(run.id) + ",\"seed\":" + json_string(run.seed) +
             ",\"epochs\":" + std::to_string(run.epochs) + ",\"testLoss\":" + json_number(run.test_loss) +
             ",\"selected\":" + json_bool(run.selected) +
             ",\"curve\":" + std::to_string(run.curve.size()) +
             ",\"thumb\":" + std::to_string(run.thumb.size()) + "}";
    });
    j += ",\"snapshots\":";
    append_json_array(j, r.snapshots.kept(), ",",
                      [](std::string& o, const Snapshot& s) { o += std::to_string(s.epoch()); });
    j += ",\"viewEpoch\":" + std::to_string(r.view_epoch) + ",\"compareCurve\":" +
         json_string(r.compare_train ? "train" : "test") + ",\"compare\":";
    append_json_array(j, compare_rows(r), ",", [](std::string& o, const CompareRow& row) {
        o += "{\"name\":" + json_string(row.name) + ",\"cells\":";
        append_json_array(o, row.cells, ",");
        o += '}';
    });
    j += ",\"storageNote\":" + json_string(r.storage_note) + ",\"sweep\":";
    if (!r.sweep) {
        j += "null";
    } else {
        const Sweep& s = *r.sweep;
        j += "{\"seeds\":" + std::to_string(s.seeds()) + ",\"epochs\":" + std::to_string(s.epochs()) +
             ",\"done\":" + json_bool(s.done()) + ",\"progress\":" + json_number(s.progress()) + ",\"results\":";
        append_json_array(j, s.results(), ",", [](std::string& o, const SweepResult& res) {
            o += "{\"seed\":" + json_string(res.seed) + ",\"status\":" + json_string(name_of(res.status)) +
                 ",\"epoch\":" + std::to_string(res.epoch) + ",\"testLoss\":" + json_number(res.final.test_loss) +
                 ",\"testAcc\":" + json_number(res.final.test_acc) + "}";
        });
        j += '}';
    }
    return reply(*app, j + "}");
}

// Opens the Runs panel (a sweep trains while it is open).
NNPLAY_API void nnplay_api_runs_open() {
    if (App* app = api_app()) open_side_panel(*app, SidePanel::runs);
}

// "Keep this run".
NNPLAY_API void nnplay_api_runs_keep() {
    if (App* app = api_app()) runs_keep(*app);
}

// Ticks (on = 1) or unticks run `id` for the comparison; 1 when there is such a run.
NNPLAY_API int nnplay_api_runs_select(int id, int on) {
    App* app = api_app();
    if (!app) return 0;
    for (RunRecord& run : runs_of(*app).history)
        if (run.id == id) {
            run.selected = on != 0;
            return 1;
        }
    return 0;
}

// Shows the snapshot at index i of the timeline; its epoch, or -1 when there is none.
NNPLAY_API int nnplay_api_runs_view(int index) {
    App* app = api_app();
    if (!app || !runs_view(*app, index)) return -1;
    return app->run.trainer->epoch();
}

// "Continue from here" (paused: the caller steps).
NNPLAY_API void nnplay_api_runs_continue() {
    if (App* app = api_app()) runs_continue(*app, false);
}

// Starts a sweep; "" or why not.
NNPLAY_API const char* nnplay_api_runs_sweep(int seeds, int epochs) {
    App* app = api_app();
    if (!app) return "";
    return reply(*app, runs_start_sweep(*app, seeds, epochs));
}

// Every member's parameters exactly (shortest round-trip floats): [[...], ...].
NNPLAY_API const char* nnplay_api_runs_params() {
    App* app = api_app();
    if (!app) return "null";
    const Trainer& t = *app->run.trainer;
    std::string j;
    append_json_array_n(j, t.ensemble_size(), ",",
                        [&](std::string& o, int m) { append_json_array(o, t.network(m).params(), ","); });
    return reply(*app, j);
}
