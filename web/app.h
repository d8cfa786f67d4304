// app.h: the page as one struct. App owns the playground state the controls edit, the
// Trainer that follows it, the pictures derived from the trainer and the view settings.
// app_frame() runs one frame: poll, train within a time budget, NewFrame, UI, draw, Render,
// swap. The UI (ui.cpp) only edits `state` and asks for things (step, reset); it never trains.
#pragma once

#include "web/plots.h"
#include "web/renderer.h"
#include "web/share.h"

#include "engine/trainer.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct GLFWwindow;

namespace nnplay::web {

// Training speeds: epochs per frame, 0 = as many as fit in the frame's time budget.
constexpr int kSpeeds[] = {1, 3, 10, 30, 0};
constexpr int kSpeedCount = int(sizeof kSpeeds / sizeof kSpeeds[0]);

struct WidgetRect {
    float x = 0, y = 0, w = 0, h = 0;  // CSS pixels from the page's top-left corner
};

struct App {
    GLFWwindow* window = nullptr;

    // The playground: `state` is what the controls show; after the UI, the trainer takes it
    // (Trainer::set_state decides what to regenerate or rebuild).
    PlaygroundState state;
    std::unique_ptr<Trainer> trainer;
    bool playing = false;
    int speed = 0;                      // index into kSpeeds
    int steps_requested = 0;            // epochs the step button asked for
    bool reset_requested = false;

    // Pictures from the trainer, recomputed when the weights or data change.
    GridOutput grid;                    // the output plot, (kOutputRes >> detail)²
    GridOutput thumbs;                  // every neuron, (kSlotRes >> max(0, detail − 1))²
    int detail = 0;                     // 0 = full; up to kMaxDetail while a big network trains
    bool pictures_dirty = true;
    double pictures_ms = 0;             // what the last update of the pictures took
    // "As fast as possible": seconds of training per frame, lowered while frames come slower
    // than 50 a second because of our own work.
    double train_budget = 0.008;
    double last_frame_start = 0, last_frame_work = 0;
    int frames_since_pictures = 0;
    Renderer renderer;
    bool renderer_ok = false;
    LossChart chart;
    std::vector<std::vector<Point>> dataset_previews;  // per Dataset, for the picker
    int preview_px = 0;                 // the picker's cell side in pixels (set by the UI)
    std::vector<Point> custom_preview;  // the drawn points the custom cell shows now
    bool custom_preview_regression = false;

    // The status line: warnings from the last link read, plus one transient message.
    std::vector<std::string> link_warnings;
    std::string message;
    bool message_is_error = false;
    double message_until = 0;           // glfwGetTime() when it fades; 0 = stays

    // A weight or bias the user typed (network view), applied with the state after the UI.
    struct ParamEdit {
        bool bias = false;
        int layer = 0, to = 0, from = 0;
        float value = 0;
    } edit;
    bool edit_pending = false;

    std::vector<int> keys;              // GLFW keys pressed since the last frame, in order
    // Idle frames: when nothing moves, the canvas keeps its last picture (see app_frame).
    double last_activity = 0;           // glfwGetTime() of the last input or test API call
    double last_drawn = 0;              // ... of the last frame drawn
    int drawn_width = 0, drawn_height = 0;  // the framebuffer it was drawn at

    // View.
    int current_class = 1;              // what a click on the output plot adds
    int hover_layer = -1, hover_node = -1;  // neuron under the mouse: shown in the output plot
    int hover_feature = -1;
    bool log_scale = false;
    bool show_speed = true;             // the fps and epochs/s readout in the status line's corner
    float scale = 1;                    // device pixel ratio: every UI size is multiplied by it
    float fonts_built_for = 0;
    WidgetRect output_rect;             // the output plot in ImGui's pixels (set by the UI)
    HeatStyle output_style_shown;       // how the output image was last coloured
    int node_px = 64;                   // a neuron's side in the network view (set by the UI)
    std::map<std::string, WidgetRect> rects;  // named widgets, for the test API
    std::string written_query;          // what the address shows now
    PlaygroundState written_state;      // ... and the state it was written from
    bool written = false;

    FilesState files;                   // shared links, imports, exports (share.cpp)

    // Figures for the test API and the top bar.
    double fps = 0, epochs_per_second = 0;
    double first_frame_ms = 0;          // now_ms() when the first frame was drawn
    long long frames_drawn = 0;         // since the page started (idle frames not drawn)
    double frame_ms = 0, train_ms = 0;  // mean time spent in app_frame, and training, per frame
    double stat_since = 0, stat_frame_time = 0, stat_train_time = 0;
    int stat_frames = 0, stat_epochs = 0;
};

constexpr int kOutputRes = 256;
constexpr int kMaxDetail = 3;  // output 32², thumbnails 8²

bool app_init(App& app, GLFWwindow* window);
void app_frame(App& app);
void app_shutdown(App& app);

// Reads a link's query text (payloads included, see share.h) into the state; its warnings
// go to the status line. Returns them. from_address: the text is the address the browser
// now shows (opened, typed, Back or Forward), which is kept as it is; otherwise the state is
// a change like any other and is written to the address.
std::vector<std::string> app_apply_query(App& app, std::string_view query, bool from_address = false);

// Lets the trainer follow app.state now and writes the address (otherwise after the UI).
void app_sync(App& app);

// The page's App, for the test API's entry points; null before app_init.
App* app_current();

// Something from outside (input, a test API call) may change what the page shows: draw the
// next frames even if nothing trains.
void app_wake(App& app);

// A transient line in the status bar (and the console); errors are shown in red.
void app_message(App& app, std::string text, bool error = false);

// Starts the playground over: new weights from the seed, epoch 0, empty chart.
void app_reset(App& app);

// The picker's data set previews: image cell d of the renderer is Dataset d.
void preview_uv(const App& app, Dataset d, ImVec2& uv0, ImVec2& uv1);

// Thumbnail slots in the renderer's atlas: features first, then every neuron layer by layer.
int feature_slot(int feature);
int neuron_slot(const App& app, int layer, int node);  // layer: dense layer index

// The output plot at output_rect: the image of the network's output grid for ImGui (null
// before the renderer works), then an ImGui draw callback (user data: the App) that draws
// the points over it, or a hovered neuron's grid and the points.
ImTextureID app_output_image(App& app);
void app_draw_output(const ImDrawList* list, const ImDrawCmd* cmd);

// Records a named widget's rectangle (the last ImGui item) for the test API.
void record_rect(App& app, const char* name);

// The test API (window.nnplay; platform.cpp exports these to JavaScript). Strings returned
// stay valid until the next call.
const char* api_state();
const char* api_set_state(const char* query);  // the warnings, one per line
void api_play(bool play);
void api_step(int epochs);
const char* api_metrics();      // JSON
const char* api_stats();        // JSON
const char* api_widget_rect(const char* name);  // JSON, or "null"
const char* api_status();       // the status line's text
void api_set_speed(int index);  // index into kSpeeds; out of range = the fastest

// The status line's text (warnings first, then the transient message).
std::string status_text(const App& app, bool* is_error = nullptr);

// ui.cpp: every panel.
void ui_draw(App& app);
// ui.cpp: the style and fonts for a pixel ratio.
void ui_setup_style(float scale);
bool ui_load_fonts(float scale);

}  // namespace nnplay::web
