// run_history.h: the page's experiments (issue 15): the history of runs kept in the browser
// and their comparison, the rewind timeline over the current run's snapshots, and seed
// sweeps trained a slice per frame. The Runs panel (web/ui/runs_panel.cpp) draws them.
#pragma once

#include "engine/snapshots.h"
#include "engine/sweep.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace nnplay::web {

struct App;
enum class TrainerChange;

constexpr int kMaxRuns = 20;              // runs kept in the history
constexpr int kCurvePoints = 256;         // points of a run's downsampled loss curves
constexpr int kThumbRes = 24;             // a run's boundary thumbnail, kThumbRes² cells
constexpr std::size_t kStorageBytes = 400000;  // at most this much text in localStorage

// One point of a run's loss curves.
struct CurvePoint {
    int epoch = 0;
    float train = 0, val = 0, test = 0;   // NaN where a set is empty
    float seconds = 0;                    // training time up to this epoch
};

// One finished (or kept) run.
struct RunRecord {
    int id = 0;                           // "Run <id>"
    std::string query;                    // the state (to_query) at its end
    std::string seed;
    bool regression = false;
    int epochs = 0;
    double seconds = 0;                   // wall time spent training
    double train_loss = 0, test_loss = 0, train_acc = 0, test_acc = 0;  // the last metrics
    std::vector<CurvePoint> curve;        // at most kCurvePoints, evenly thinned
    int curve_stride = 1;                 // epochs between kept points
    // The boundary: kThumbRes² values, row 0 at the top: for two classes and regression a
    // value in [−1, 1]; for several classes the class index.
    std::vector<float> thumb;
    bool thumb_classes = false;
    bool selected = false;                // picked for the comparison

    std::string label() const { return "Run " + std::to_string(id); }
    // The first epoch (and training seconds) whose test loss is ≤ target; false if none.
    bool reached(double target, int& epoch, double& seconds) const;
};

// One row of the comparison table: a setting that differs or a result, one cell per run.
struct CompareRow {
    std::string name;
    std::vector<std::string> cells;
};

struct RunsState {
    std::vector<RunRecord> history;       // oldest first, at most kMaxRuns
    RunRecord current;                    // the run going on (its curve so far)
    double last_trained = 0;              // glfwGetTime() of the last trained frame
    int next_id = 1;
    bool loaded = false;                  // history read from localStorage
    std::string storage_note;             // why the history is not kept in the browser, or ""
    float target = 0.2f;                  // "epochs to test loss ≤ target" in the comparison
    bool compare_train = false;           // the comparison's curves: training loss, else test loss

    // Rewind: the current run's snapshots; view_epoch ≥ 0 while the page shows one.
    SnapshotLog snapshots;
    int view_epoch = -1;
    int live_epoch = 0;                   // the epoch the run had when viewing began
    int slider = 0;                       // the timeline slider's index into snapshots
    bool applying = false;                // our own change of the trainer: do not record

    // Seed sweeps.
    std::unique_ptr<Sweep> sweep;
    int sweep_seeds = 5, sweep_epochs = 200;
    std::string sweep_error;
    double sweep_seconds = 0;
    int sweep_slice = 1;          // pieces a Sweep::advance_pieces call, fitted to the frame

    // The boundary thumbnails in the renderer's run_thumbs strip: cell k holds the run with
    // thumb_keys[k] (its id and a hash of its thumbnail; 0: none), in the theme it was coloured in.
    std::vector<std::uint64_t> thumb_keys;
    int thumb_theme = -1;
};

// The page's RunsState (made on first use).
RunsState& runs_of(App& app);

// trainer_changed() calls this: records epochs into the current run and its snapshots; a
// restart ends the current run into the history (if it trained).
void runs_follow(App& app, TrainerChange change);

// Ends the current run into the history now ("Keep"), if it trained; the run goes on as a
// new one from here.
void runs_keep(App& app);

// Shows the snapshot of the given index in the page (weights, metrics, boundary): training
// pauses. Returns false when there is none.
bool runs_view(App& app, int index);
// Goes on from the snapshot shown: the later history is dropped and training starts there,
// exactly as the run went from that epoch.
void runs_continue(App& app, bool play);
// Back to the latest snapshot (leaving the timeline).
void runs_back_to_live(App& app);

// Starts a sweep of the current state (its message when the numbers are out of range).
std::string runs_start_sweep(App& app, int seeds, int epochs);
// Trains the sweep for about `seconds` of this frame; app_frame calls it once per frame,
// whatever panel is shown. The end is said in the status line.
void runs_sweep_frame(App& app, double seconds);
// Stops the sweep under way (its results so far are dropped).
void runs_stop_sweep(App& app);
// Over the Runs button (the last item drawn): while a sweep trains, a bar along its foot
// filled as far as the sweep is, and its progress in the button's tooltip (runs_panel.cpp).
void runs_button_progress(App& app);

// The comparison table of the selected runs: settings that differ, then results.
std::vector<CompareRow> compare_rows(const RunsState& runs);
// The runs compared: the newest kMaxCompared of those ticked (each has a colour and a line
// style of its own in the chart; more made neither the chart nor the table readable).
constexpr int kMaxCompared = 6;
std::vector<const RunRecord*> selected_runs(const RunsState& runs);
int ticked_runs(const RunsState& runs);

// Writes the history to localStorage (dropping the oldest runs to fit kStorageBytes).
void runs_save(App& app);
// The history as text, and back (false with the reason on bad text).
std::string runs_to_json(const std::vector<RunRecord>& runs);
bool runs_from_json(std::string_view text, std::vector<RunRecord>& runs, std::string& error);

}  // namespace nnplay::web
