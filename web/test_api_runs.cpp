// test_api_runs.cpp: the test API of the Runs panel (issue 15): the run history and its
// comparison, the rewind timeline, seed sweeps, and the exact weights to check a rewind by.
// The same conventions as web/test_api.cpp: each call wakes the page; texts live until the next.
#include "web/app.h"
#include "web/run_history.h"
#include "web/ui/panels.h"

#include "engine/json_writer.h"

#include <string>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#define NNPLAY_API extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define NNPLAY_API extern "C"
#endif

using namespace nnplay;
using namespace nnplay::web;

namespace {

App* runs_app() {
    App* app = app_current();
    if (app) app_wake(*app);
    return app;
}

const char* runs_reply(App& app, std::string text) {
    app.api_reply = std::move(text);
    return app.api_reply.c_str();
}

std::string num(double v) {
    std::string out;
    append_json_number(out, v);
    return out;
}

std::string str(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
}

}  // namespace

// {history: [{id, seed, epochs, testLoss, selected, thumb}], snapshots: [epochs], viewEpoch,
// compare: [{name, cells}], storageNote, sweep: null | {seeds, epochs, done, progress,
// results: [{seed, status, epoch, testLoss, testAcc}]}}.
NNPLAY_API const char* nnplay_api_runs() {
    App* app = runs_app();
    if (!app) return "null";
    RunsState& r = runs_of(*app);
    std::string j = "{\"history\":[";
    for (std::size_t i = 0; i < r.history.size(); ++i) {
        const RunRecord& run = r.history[i];
        j += std::string(i ? "," : "") + "{\"id\":" + std::to_string(run.id) + ",\"seed\":" + str(run.seed) +
             ",\"epochs\":" + std::to_string(run.epochs) + ",\"testLoss\":" + num(run.test_loss) +
             ",\"selected\":" + (run.selected ? "true" : "false") +
             ",\"curve\":" + std::to_string(run.curve.size()) +
             ",\"thumb\":" + std::to_string(run.thumb.size()) + "}";
    }
    j += "],\"snapshots\":[";
    for (std::size_t i = 0; i < r.snapshots.kept().size(); ++i)
        j += std::string(i ? "," : "") + std::to_string(r.snapshots.kept()[i].epoch());
    j += "],\"viewEpoch\":" + std::to_string(r.view_epoch) + ",\"compare\":[";
    const std::vector<CompareRow> rows = compare_rows(r);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        j += std::string(i ? "," : "") + "{\"name\":" + str(rows[i].name) + ",\"cells\":[";
        for (std::size_t k = 0; k < rows[i].cells.size(); ++k) j += std::string(k ? "," : "") + str(rows[i].cells[k]);
        j += "]}";
    }
    j += "],\"storageNote\":" + str(r.storage_note) + ",\"sweep\":";
    if (!r.sweep) {
        j += "null";
    } else {
        const Sweep& s = *r.sweep;
        j += "{\"seeds\":" + std::to_string(s.seeds()) + ",\"epochs\":" + std::to_string(s.epochs()) +
             ",\"done\":" + (s.done() ? "true" : "false") + ",\"progress\":" + num(s.progress()) + ",\"results\":[";
        for (std::size_t i = 0; i < s.results().size(); ++i) {
            const SweepResult& res = s.results()[i];
            j += std::string(i ? "," : "") + "{\"seed\":" + str(res.seed) + ",\"status\":" + str(name_of(res.status)) +
                 ",\"epoch\":" + std::to_string(res.epoch) + ",\"testLoss\":" + num(res.final.test_loss) +
                 ",\"testAcc\":" + num(res.final.test_acc) + "}";
        }
        j += "]}";
    }
    return runs_reply(*app, j + "}");
}

// Opens the Runs panel (a sweep trains while it is open).
NNPLAY_API void nnplay_api_runs_open() {
    if (App* app = runs_app()) open_side_panel(*app, SidePanel::runs);
}

// "Keep this run".
NNPLAY_API void nnplay_api_runs_keep() {
    if (App* app = runs_app()) runs_keep(*app);
}

// Ticks (on = 1) or unticks run `id` for the comparison; 1 when there is such a run.
NNPLAY_API int nnplay_api_runs_select(int id, int on) {
    App* app = runs_app();
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
    App* app = runs_app();
    if (!app || !runs_view(*app, index)) return -1;
    return app->run.trainer->epoch();
}

// "Continue from here" (paused: the caller steps).
NNPLAY_API void nnplay_api_runs_continue() {
    if (App* app = runs_app()) runs_continue(*app, false);
}

// Starts a sweep; "" or why not.
NNPLAY_API const char* nnplay_api_runs_sweep(int seeds, int epochs) {
    App* app = runs_app();
    if (!app) return "";
    return runs_reply(*app, runs_start_sweep(*app, seeds, epochs));
}

// Every member's parameters exactly (shortest round-trip floats): [[...], ...].
NNPLAY_API const char* nnplay_api_runs_params() {
    App* app = runs_app();
    if (!app) return "null";
    const Trainer& t = *app->run.trainer;
    std::string j = "[";
    for (int m = 0; m < t.ensemble_size(); ++m) {
        const auto& p = t.network(m).params();
        j += m ? ",[" : "[";
        for (int i = 0; i < int(p.size()); ++i) {
            if (i) j += ',';
            append_json_number(j, p[i]);
        }
        j += "]";
    }
    return runs_reply(*app, j + "]");
}
