// app.h: the page as one struct of a few named parts: the run (state and trainer), the
// pictures derived from it, the address bar, the status line, frame statistics and the view.
// app_frame() runs one frame: poll, train, finish the pictures (so the UI reads this frame's),
// NewFrame, UI, Render, let the trainer and the address follow the UI's edits, draw, swap. The UI (web/ui/) only edits run.state and asks for things (step,
// reset, a weight edit); it never trains and never touches the trainer or the address.
#pragma once

#include "web/boundary.h"  // speed (task C)
#include "web/frame_budget.h"
#include "web/inside_views.h"  // See inside: surface, hidden space, lr finder (issue 14 F)
#include "web/plots.h"
#include "web/renderer.h"
#include "web/share.h"
#include "web/undo.h"

#include "engine/diagnosis.h"
#include "web/lessons.h"  // lessons (issue 15): LearnState
#include "engine/explain.h"  // See inside: backprop step by step (task E)
#include "engine/trainer.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct GLFWwindow;

namespace nnplay::web {

// Run history, rewind and seed sweeps (issue 15, web/run_history.h).
struct RunsState;

// Training speeds: epochs per frame, 0 = as many as fit in the frame's time budget.
constexpr int kSpeeds[] = {1, 3, 10, 30, 0};
constexpr int kSpeedCount = int(sizeof kSpeeds / sizeof kSpeeds[0]);
constexpr int kMaxDetail = 3;  // thumbnails down to 8² while a big network trains

struct WidgetRect {
    float x = 0, y = 0, w = 0, h = 0;  // CSS pixels from the page's top-left corner
    // The layout's tests (W1): the window (scroll area) the widget is in, in CSS pixels, and
    // whether that window scrolls across and down (a widget outside it can be scrolled to).
    float area_x = 0, area_y = 0, area_w = 0, area_h = 0;
    bool scrolls_x = false, scrolls_y = false;
    bool disabled = false;              // drawn but not usable now (W5: "+" at the limits)
};

// A weight or bias the user typed (network view), applied with the state after the UI.
struct ParamEdit {
    bool bias = false;
    int layer = 0, to = 0, from = 0;
    float value = 0;
    int member = 0;                     // the ensemble member shown in the network view (W5)
};

// The run (web/run.cpp): `state` is what the controls show; the trainer follows it after the
// UI (Trainer::set_state decides what to regenerate or rebuild). Every change of the
// trainer goes through run.cpp, which tells the pictures (trainer_changed).
struct Run {
    PlaygroundState state;
    std::unique_ptr<Trainer> trainer;
    bool playing = false;
    int speed = 0;                      // index into kSpeeds
    int steps_requested = 0;            // epochs the step button asked for
    bool reset_requested = false;
    ParamEdit edit;
    bool edit_pending = false;
    bool weights_touched = false;       // weights differ from the seed's though epoch is 0
    FrameBudget budget;                 // the training seconds of each frame (web/frame_budget.h)
    // Issue 13, training in slices (web/run.cpp): pieces per Trainer::step_pieces call, fitted
    // to a quarter of the frame's budget; whether this frame trained any.
    int slice_pieces = 1;
    bool trained_batches = false;
    // The frame's training ended with an epoch measured in full, so trainer_changed need not
    // measure the same weights again (every point through every member: 0.13–0.17 s natively
    // for the heavy link, 8×64 × 8 members × 5,000 points).
    bool measured = false;
    // Every completed epoch measured in full (as before the losses-only measure): for the
    // page benchmark's before/after figure only (nnplay.setFullEpochMeasure).
    bool full_epoch_measure = false;
};

// The pictures (web/pictures.cpp): grids from the trainer, coloured and uploaded before the
// UI reads them, recomputed when the weights or data change (dirty).
struct Pictures {
    GridOutput thumbs;                  // every neuron, (kSlotRes >> max(0, detail − 1))²
    int detail = 0;                     // thumbnails: 0 = full; up to kMaxDetail while a big network trains
    bool dirty = true;
    double ms = 0;                      // what the last update of the pictures took
    int frames_since = 0;               // frames since the last update
    long long updates = 0;              // the thumbnails' updates so far
    Renderer renderer;
    bool renderer_ok = false;
    ImTextureID output_image = ImTextureID();  // the output grid's image, for the UI
    LossChart chart;
    std::vector<std::vector<Point>> dataset_previews;  // per Dataset, for the picker
    int preview_px = 0;                 // the picker's cell side in pixels (set by the UI)
    std::vector<Point> custom_preview;  // the drawn points the custom cell shows now
    bool custom_preview_regression = false;
    // Formulas (task G2): what the formula cell shows now, "c:" or "r:" (the problem) and the text.
    std::string formula_preview;
    // Colour (web/palette.h): the class count the previews show, the theme they were drawn in.
    int preview_classes = 0;
    int theme_version = -1;
    // Speed (task C): the output plot's grid, refined progressively (web/boundary.h).
    BoundaryGrid boundary;
    bool output_stale = true;           // the trainer changed since the running pass started
    // Page speed (session 7): frames since the output grid's last pass started or ended
    // (training starts one at most every third frame, web/pictures.cpp).
    int output_frames = 0;
    // Page speed (session 8, pagefast): buffers kept between frames for their capacity (the
    // output grid's values, the points drawn), and the main thread's picture work of the
    // last frame in ms (pictures_finish and the points' callback), for the bench.
    std::vector<float> output_values;
    std::vector<PointSprite> sprites;
    double work_ms = 0;
};

// The address bar (web/address_bar.cpp): what it shows and the state it was written from.
struct AddressBar {
    std::string query;                  // what the address shows now
    PlaygroundState state;              // ... and the state it was written from
    bool written = false;
    bool sealed = false;                // the current history entry is a shared link: keep it
    // Lessons in the address (session 7, learnfix): the lesson link shown, or "" (the state's).
    std::string lesson;
};

// One line of the message log (web/status.cpp): the same text again counts up (×3).
struct LogEntry {
    std::string text;
    bool error = false;
    int count = 1;
};

// The status line (web/status.cpp): warnings from the last link read, plus one transient
// message.
struct Status {
    std::vector<std::string> link_warnings;
    bool tfp_link = false;              // the link read last looked like TensorFlow Playground's
    std::string message;
    bool message_is_error = false;
    double message_until = 0;           // glfwGetTime() when it fades; 0 = stays
    // The message log (W5, issue 12): every message and warning, newest last, de-duplicated;
    // the status line shows the latest, "n messages" opens the list.
    std::vector<LogEntry> log;
    std::string logged_status;          // the status text last copied into the log
    bool log_open = false;
};

// Page speed (session 8, pagefast): the main thread's work in each of the last kFrames drawn
// frames by phase, in ms (train, pictures, UI, draw: app_frame's order), for the bench's
// breakdown (nnplay.framePhases(), web/test_api_pagefast.cpp).
struct FramePhases {
    static constexpr int kFrames = 256;
    static constexpr int kPhases = 4;
    float ms[kFrames][kPhases] = {};
    int next = 0, count = 0;
};

// Frame statistics, for the test API and the speed readout, and the idle bookkeeping.
struct FrameStats {
    double fps = 0, epochs_per_second = 0;
    double first_frame_ms = 0;          // now_ms() when the first frame was drawn
    long long frames_drawn = 0;         // since the page started (idle frames not drawn)
    double frame_ms = 0, train_ms = 0;  // mean time spent in app_frame, and training, per frame
    double since = 0, frame_time = 0, train_time = 0;  // the current one-second window
    int frames = 0, epochs = 0;
    double last_frame_start = 0, last_frame_work = 0;
    // Idle frames: when nothing moves, the canvas keeps its last picture (see app_frame).
    double last_activity = 0;           // glfwGetTime() of the last input or test API call
    double last_drawn = 0;              // ... of the last frame drawn
    int drawn_width = 0, drawn_height = 0;  // the framebuffer it was drawn at
};

// The side panels beside Advanced (web/ui/panels.h): the views inside the network, the
// lessons, and the run history with its experiments.
enum class SidePanel { none, inside, learn, runs };

// Formulas on the page (task G2): a formula field's typing and its refusal, which stay when
// Enter is refused; shown: the state's text the field last showed.
struct FormulaEdit {
    std::string typed, error, shown;
};

// What the UI shows and remembers between frames besides the state.
struct View {
    int current_class = 1;              // what a click on the output plot adds
    int hover_layer = -1, hover_node = -1;  // neuron under the mouse: shown in the output plot
    int hover_feature = -1;
    bool log_scale = false;
    bool show_speed = true;             // the fps and epochs/s readout in the status line's corner
    float scale = 1;                    // device pixel ratio: every UI size is multiplied by it
    float fonts_built_for = 0;
    WidgetRect output_rect;             // the output plot in ImGui's pixels (set by the UI)
    int node_px = 64;                   // a neuron's side in the network view (set by the UI)
    std::map<std::string, WidgetRect> rects;  // named widgets, for the test API
    std::vector<int> keys;              // GLFW keys pressed since the last frame, in order
    unsigned seeds_made = 0;            // "Regenerate" presses, mixed into the new seed
    // The layout (web/ui/layout.cpp, page.cpp): scale above is dpr × the layout's factor ×
    // zoom; CSS pixels are ImGui pixels / dpr.
    float dpr = 1;                      // device pixel ratio (framebuffer pixels per CSS pixel)
    bool touch = false;                 // the main pointer is a finger (pointer: coarse)
    float zoom = 1;                     // the user's zoom, 0.75 to 2
    bool advanced_open = false;         // the Advanced side panel (a sheet on phones)
    SidePanel side_panel = SidePanel::none;  // See inside, Learn or Runs (phones: the More tab); one
                                        // side panel at a time: opening one closes Advanced
    int phone_tab = 0;                  // phones: Output, Data, Network, Settings
    int phone_tab_drawn = -1;           // the tab drawn last (one chosen since scrolls a short page to it)
    bool animate_links = true;          // links move while training (network view)
    int hints_state = -1;               // first-visit hints: -1 unknown, 0 shown, 1 dismissed
    // Drawing (web/ui/output_panel.cpp's plot click, web/ui/data_panel.cpp's controls):
    bool draw_mode = false;             // a click on the plot adds a point (else it changes nothing)
    bool draw_to_test = false;          // drawn points go to the test set (else training)
    // The network view (W5, issue 12).
    int member = 0;                     // the ensemble member the network view draws
    int hover_wait_layer = -1, hover_wait_node = -1;  // a neuron the mouse rests on ...
    double hover_wait_since = 0;        // ... since (glfwGetTime()): shown after a short delay
    int links_drawn = 0;                // links the view drew last frame, and the sum of their
    double links_drawn_sum = 0;         // weights (the test API: which member is drawn)
    std::vector<WidgetRect> step_labels;  // the backprop step's numbers on the neurons, last frame
    // Input, keyboard and screen readers (web/summary.cpp): the browser's prefers-reduced-motion;
    // whatever animates stands still while it is set.
    bool reduced_motion = false;
    // Polish (task D, issue 12): a wheel notch over the network view scrolls by one row of
    // neurons (one column sideways), set by the view each frame; elsewhere by three lines.
    unsigned net_window = 0;            // the network view's ImGui window id
    float net_row = 0, net_column = 0;  // a row of neurons and a column, in ImGui pixels
    bool wheel_moved = false;           // the wheel scrolled a window this frame
    // The output plot's zoom (web/ui/output_panel.cpp): it shows the square of the plane
    // centred on (plot_cx, plot_cy), kDomain / plot_zoom to each side (1: the whole plane).
    float plot_zoom = 1;
    float plot_cx = 0, plot_cy = 0;
    float pinch = 1;                    // this frame's two-finger pinch factor (web/input.cpp) ...
    float pinch_x = 0, pinch_y = 0;     // ... about this point, in ImGui pixels
    // Formulas on the page (task G2): each formula field's edit, by its rect name.
    std::map<std::string, FormulaEdit> formula_edits;
};

// See inside, backprop step by step and gradient flow (issue 14, task E:
// web/ui/backprop_view.cpp, web/ui/gradient_view.cpp).
enum class BackpropStage { none, forward, loss, backward, update };
struct BackpropView {
    int point = -1;                     // index into the trainer's training points; -1: none picked
    BackpropStage stage = BackpropStage::none;
    bool check = false;                 // "Check with numbers": finite differences beside gradients
    bool open = false;                  // the section was drawn open this frame
    Explanation step;                   // the step explained (valid with an empty error)
    std::string error;                  // why the step cannot be explained, or ""
    int epoch = -1;                     // the trainer's epoch the step was explained at
    int member = -1;                    // ... and its ensemble member
    int applied = 0;                    // steps applied ("Apply this step")
};
struct GradientFlow {
    static constexpr int kMaxSamples = 256;  // then pairs merge (min and max kept)
    std::vector<int> epoch;                  // per sample, its (last) epoch
    std::vector<std::vector<double>> lo, hi; // per sample, per dense layer: the norm's min and max
    int layers = 0;
    bool open = false;                       // the section was drawn open this frame
};

struct App {
    GLFWwindow* window = nullptr;
    bool keeps_pixels = false;  // the canvas keeps its pixels between frames (platform.h)
    Run run;
    Pictures pictures;
    AddressBar address;
    Status status;
    FrameStats stats;
    View view;
    FilesState files;                   // shared links, imports, exports (web/files.cpp)
    std::string api_reply;              // the test API's last returned text (web/test_api.cpp)
    History history;                    // undo and redo (web/undo.cpp)
    // The training diagnosis (web/diagnosis_view.cpp): fed by trainer_changed.
    Diagnosis diagnosis;
    // Lessons (issue 15, web/lessons.h): the course, the open lesson, its live-checked tasks.
    LearnState learn;
    // See inside (task E): backprop step by step and gradient flow.
    BackpropView backprop;
    GradientFlow gradients;
    // Run history, rewind and seed sweeps (issue 15, web/run_history.h): fed by trainer_changed.
    std::shared_ptr<RunsState> runs;
    // See inside (issue 14, views 2, 3, 5): the error surface, hidden space and learning-rate
    // finder (web/inside_views.cpp, web/ui/surface_view.cpp, hidden_view.cpp, lr_finder_view.cpp).
    InsideViews inside_views;
    // Page speed (session 8, pagefast): the last frames' work by phase.
    FramePhases phases;
};

bool app_init(App& app, GLFWwindow* window);
void app_frame(App& app);
// Draws the last frame's UI into the canvas: only where it changed when keep_pixels (the
// canvas still shows the frame before), else whole.
void app_render(bool keep_pixels);
void app_shutdown(App& app);

// The page's App, for the test API's entry points; null before app_init.
App* app_current();

// Something from outside (input, a test API call) may change what the page shows: draw the
// next frames even if nothing trains.
void app_wake(App& app);

// ---- The run (web/run.cpp): every path that changes or replaces the trainer ----------------

// What happened to the trainer, for trainer_changed().
enum class TrainerChange {
    settings,   // settings that change no weights or data (learning rate, ...): pictures only
    edited,     // a weight or bias set by hand: new metrics, same chart
    trained,    // epochs trained: new metrics, one more point on the chart
    restarted,  // new weights or data (reset, new network, a link, a file): the chart restarts
};

// The one reaction to a change of the trainer: measure, update the chart, mark the pictures.
void trainer_changed(App& app, TrainerChange change);

// Completes an epoch's end the training left under way (Trainer::settle) as a trained epoch:
// before what saves the run, edits it or steps through it.
void run_settle(App& app);

// Lets the trainer follow app.run.state now (requested reset and weight edit first), then
// writes the address (app_frame does this after the UI of every frame).
void app_sync(App& app);

// Starts the playground over: new weights from the seed, epoch 0, empty chart.
void app_reset(App& app);

// Trains what the run asks for this frame (steps, or playing within the budget); returns the
// epochs trained.
int run_train_frame(App& app);

// Trains n epochs now (the test API), as many as the run allows.
void run_step(App& app, int epochs);

// Replaces the trainer and the state together (a model file, its weights already loaded),
// paused, at the file's epoch (-1: none given).
void run_replace(App& app, std::unique_ptr<Trainer> trainer, const PlaygroundState& state, int epoch);

// Undo and redo (web/undo.cpp): puts a snapshot back as the current playground, paused as it
// was: the state (the trainer follows it), then, if the network was rebuilt or only the weights
// differ, the snapshot's weights at its epoch (none: the seed's, epoch 0). Settings and points
// alone leave the weights training on.
void run_restore(App& app, const PlaygroundState& state, const WeightsPayload* weights, int epoch,
                 bool weights_touched);

// Reads a link's query text (payloads included, see share.h) into the state; its warnings
// go to the status line. Returns them. from_address: the text is the address the browser
// now shows (opened, typed, Back or Forward), which is kept as it is; otherwise the state is
// a change like any other and is written to the address.
std::vector<std::string> app_apply_query(App& app, std::string_view query, bool from_address = false);

// ---- The address bar (web/address_bar.cpp) -------------------------------------------------

// Writes the state to the address when it changed since it was last written. A shared link
// keeps its history entry: the first change after it gets a new one.
void address_follow_state(App& app);

// The browser shows `query` now (opened, typed, Back, Forward): with payloads it is a shared
// link and stays as it is (sealed) until the next change.
void address_shown(App& app, std::string_view query, bool shared);

// Makes a shared link's text the address: a history entry of its own unless the current one
// is already this link.
void address_share(App& app, const std::string& hash);

// ---- The pictures (web/pictures.cpp) -------------------------------------------------------

// The data set previews of the picker (once, at start).
void pictures_init(App& app);

// Evaluates, colours and uploads whatever changed (grids, output image, thumbnail atlas,
// previews): call before the UI, which then only reads them.
void pictures_finish(App& app);

// The picker's data set previews: image cell d of the renderer is Dataset d.
void preview_uv(const App& app, Dataset d, ImVec2& uv0, ImVec2& uv1);

// Thumbnail slots in the renderer's atlas: features first, then every neuron layer by layer.
int feature_slot(int feature);
int neuron_slot(const App& app, int layer, int node);  // layer: dense layer index

// An ImGui draw callback (user data: the App) that draws the points over the output image at
// view.output_rect, or a hovered neuron's grid and the points.
void app_draw_output(const ImDrawList* list, const ImDrawCmd* cmd);
// Its key for imgui_gl_set_callback_key: what it would draw now, hashed.
std::uint64_t app_output_key(const ImDrawCmd& cmd);
// A square of ImGui's coordinates (top left, side) as GL's: framebuffer pixels, its lower left
// corner (y up) and side, for a draw callback's viewport.
void framebuffer_square(ImVec2 top_left, float side, int& x, int& y, int& side_px);

// ---- The status line (web/status.cpp) ------------------------------------------------------

// A transient line in the status bar (and the console, and the message log); errors are
// shown in red.
void app_message(App& app, std::string text, bool error = false);

// Adds a line to the message log: the same text as an earlier line counts that one up and
// makes it the latest. The log keeps the newest kLogSize lines.
constexpr int kLogSize = 100;
void log_message(App& app, const std::string& text, bool error = false);

// Copies what the status line shows now (link warnings, the run's state, the trainer's
// warnings) into the log when it changed: call once a frame.
void log_status(App& app);

// A TensorFlow Playground link (looks_like_tfp_link) opened without compat=tf: the status
// line offers its compatibility mode.
bool compat_offered(const App& app);

// The status line's text (warnings first, then the transient message; latest_first: the
// transient message first, as the one-line status bar shows it).
std::string status_text(const App& app, bool* is_error = nullptr, bool latest_first = false);

// ---- The training diagnosis (web/diagnosis_view.cpp) ---------------------------------------

// Feeds app.diagnosis after a change of the trainer (trainer_changed calls it): a restart
// forgets the run; trained epochs are recorded, and analysed every few epochs, at once when
// the run stops or a weight is edited.
void diagnosis_follow(App& app, TrainerChange change);

// What the diagnosis says now (empty for a healthy run), for the status line.
std::vector<DiagnosisItem> current_diagnosis(const App& app);

// The status line's text for the diagnosis: the first finding in full, the others by their
// measured sentence; "" when there is none.
std::string diagnosis_status_text(const App& app);

// Marks hidden unit `node` of dense layer `layer` drawn at [min, max] in the network view when
// the diagnosis found it dead (never active) or saturated; draws nothing otherwise.
void draw_unit_mark(const App& app, ImDrawList* dl, int layer, int node, ImVec2 min, ImVec2 max);

// Marks on the loss chart drawn at [min, max]: the early-stopping point of an early-stopped
// run, or where overfitting began.
void draw_chart_marks(const App& app, ImDrawList* dl, ImVec2 min, ImVec2 max);

// ---- See inside: backprop step by step and gradient flow (task E) --------------------------

// The Backprop and Gradient flow sections of the Inside panel (web/ui/backprop_view.cpp,
// web/ui/gradient_view.cpp).
void backprop_view(App& app, float width);
void gradient_view(App& app, float width);
// A link's showBackprop=true or showGradients=true opens the Inside panel (each frame).
void inside_follow_flags(App& app);
// The network view's hooks while stepping: a neuron's numbers, a link's colour and width by
// its gradient (returns false to keep the view's own), the gradient in a link's tooltip.
// room: how far left of the neuron's right edge its label may reach (the columns' spacing);
// above: the free height over the neuron. Returns the label's rectangle (w 0 when none).
WidgetRect backprop_draw_neuron(const App& app, ImDrawList* dl, int layer, int node, ImVec2 min, ImVec2 max,
                                float room, float above);
bool backprop_link_style(const App& app, int layer, int to, int from, ImU32& colour, float& thick);
void backprop_link_tooltip(const App& app, int layer, int to, int from);
// Explains (again) the picked point's step for the trainer as it is now; the test API's too.
void backprop_refresh(App& app);
// "Apply this step": the explained step's weights become the network's (undo-able).
bool backprop_apply(App& app);
// Records the per-layer gradient norms once per trained frame while the section is open.
void gradient_record(App& app);
// Point picking on the output plot (session 7, learnfix; web/ui/backprop_view.cpp): while the
// Backprop section is open, outside draw mode, a click picks the nearest training point within
// a few pixels, and the picked point is ringed. The plot [p0, p1] shows the plane from x0
// (left) and y1 (top) at per_px plane units per pixel; `clicked`: a left click on it this frame.
void backprop_plot(App& app, ImDrawList* dl, ImVec2 p0, ImVec2 p1, float x0, float y1, float per_px, bool clicked);
// Where training point i was on screen in the last plot drawn (CSS pixels); false when not shown.
bool backprop_point_on_screen(const App& app, int i, float& x, float& y);
// ---- See inside: error surface, hidden space, learning-rate finder (web/inside_views.cpp) ----

// Follows a change of the trainer (trainer_changed calls it): records the path, marks the
// pictures to redo, and opens the See inside panel when a link turned a view's flag on.
void inside_views_follow(App& app, TrainerChange change);
// Records a trained epoch's weights on the error surface's path (run.cpp, as each completes).
void inside_views_epoch(App& app);

// ---- The UI (web/ui/) ----------------------------------------------------------------------

// Every panel (web/ui/page.cpp).
void ui_draw(App& app);
// The style and fonts for a pixel ratio (web/ui/style.cpp).
void ui_setup_style(float scale);
bool ui_load_fonts(float scale);
// Colour: shows the page in a theme (web/palette.h) from the next frame (web/ui/style.cpp).
void ui_set_theme(App& app, Theme theme);
// The UI scale for a framebuffer of fb_width × fb_height pixels at view.dpr: dpr × the
// layout's factor (touch-sized on phones, growing with large windows) × view.zoom
// (web/ui/layout.cpp).
float ui_scale(const App& app, int fb_width, int fb_height);

// Records a named widget's rectangle (the last ImGui item) for the test API.
void record_rect(App& app, const char* name);
// ... or any rectangle [min, max] drawn in the current window (a neuron, the window itself).
void record_rect_at(App& app, const char* name, ImVec2 min, ImVec2 max);

}  // namespace nnplay::web
