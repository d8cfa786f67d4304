// test_api.cpp: the page's small test API, window.nnplay (web/api.js calls these), and the
// helpers of web/test_api.h that its other parts (web/test_api_*.cpp) share. Every entry point
// first wakes the page so that what it changes is drawn, and returns text valid until the next call.
#include "web/test_api.h"

#include "web/app.h"
#include "web/focus.h"
#include "web/input.h"
#include "web/platform.h"
#include "web/share.h"
#include "web/summary.h"

#include "engine/csv.h"
#include "engine/json_writer.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace nnplay::web {

App* api_app() {
    App* app = app_current();
    if (app) app_wake(*app);
    return app;
}

const char* reply(App& app, std::string text) {
    app.api_reply = std::move(text);
    return app.api_reply.c_str();
}

std::string json_number(double v) {
    std::string out;
    append_json_number(out, v);
    return out;
}

std::string json_bool(bool b) { return b ? "true" : "false"; }

std::string json_string(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
}

namespace {

// What the last frame asked of the GPU: ImGui's draw commands and vertices.
std::string draw_stats() {
    const ImDrawData* d = ImGui::GetDrawData();
    if (!d) return "";
    int commands = 0;
    for (int i = 0; i < d->CmdListsCount; ++i) commands += d->CmdLists[i]->CmdBuffer.Size;
    return ",\"drawCommands\":" + std::to_string(commands) +
           ",\"vertices\":" + std::to_string(d->TotalVtxCount);
}

// "x,y;x,y" → points; false on anything else.
bool parse_points(std::string_view rest, std::vector<Point>& points) {
    while (!rest.empty()) {
        const std::size_t semi = rest.find(';');
        const std::string_view pair = rest.substr(0, semi);
        rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
        const std::size_t comma = pair.find(',');
        Point p;
        if (comma == std::string_view::npos || !parse_float_strict(pair.substr(0, comma), p.x) ||
            !parse_float_strict(pair.substr(comma + 1), p.y))
            return false;
        points.push_back(p);
    }
    return true;
}

}  // namespace
}  // namespace nnplay::web

using namespace nnplay;
using namespace nnplay::web;

// ---- The playground ------------------------------------------------------------------------

// The state as query text (what the address shows after '#').
NNPLAY_API const char* nnplay_api_state() {
    App* app = api_app();
    return app ? reply(*app, to_query(app->run.state)) : "";
}

// Applies query text; returns the warnings, one per line.
NNPLAY_API const char* nnplay_api_set_state(const char* query) {
    App* app = api_app();
    if (!app) return "";
    std::string text;
    for (const std::string& w : app_apply_query(*app, query ? query : ""))
        text += (text.empty() ? "" : "\n") + w;
    return reply(*app, std::move(text));
}

NNPLAY_API void nnplay_api_play() {
    if (App* app = api_app()) app->run.playing = true;
}

NNPLAY_API void nnplay_api_pause() {
    if (App* app = api_app()) app->run.playing = false;
}

NNPLAY_API void nnplay_api_step(int epochs) {
    if (App* app = api_app()) run_step(*app, epochs);
}

// index into kSpeeds; out of range = the fastest.
NNPLAY_API void nnplay_api_set_speed(int index) {
    if (App* app = api_app()) app->run.speed = (index >= 0 && index < kSpeedCount) ? index : kSpeedCount - 1;
}

NNPLAY_API const char* nnplay_api_metrics() {
    App* app = api_app();
    if (!app) return "null";
    const Trainer& t = *app->run.trainer;
    const Metrics& m = t.metrics();
    return reply(*app, "{\"epoch\":" + std::to_string(t.epoch()) + ",\"trainLoss\":" + json_number(m.train_loss) +
                           ",\"valLoss\":" + json_number(m.val_loss) + ",\"testLoss\":" + json_number(m.test_loss) +
                           ",\"trainAcc\":" + json_number(m.train_acc) + ",\"valAcc\":" + json_number(m.val_acc) +
                           ",\"testAcc\":" + json_number(m.test_acc) + ",\"status\":\"" + name_of(t.status()) +
                           "\"}");
}

// The training diagnosis: {"items": [{code, since_epoch, message}], "units": per hidden layer
// per unit 0 ok, 1 dead, 2 saturated, "overfitEpoch", "bestHeldEpoch"}.
NNPLAY_API const char* nnplay_api_diagnosis() {
    App* app = api_app();
    if (!app) return "null";
    const Diagnosis& d = app->diagnosis;
    std::string json = "{\"items\":";
    append_json_array(json, d.items(), ",", [](std::string& out, const DiagnosisItem& item) {
        JsonLine j;
        out += j.add("code", item.code).add("since_epoch", item.since_epoch).add("message", item.message).str();
    });
    json += ",\"units\":";
    const NetworkSpec& spec = app->run.trainer->spec();
    append_json_array_n(json, int(spec.hidden.size()), ",", [&](std::string& out, int l) {
        append_json_array_n(out, spec.hidden[std::size_t(l)], ",",
                            [&](std::string& o, int i) { o += std::to_string(int(d.unit(l, i))); });
    });
    return reply(*app, json + ",\"overfitEpoch\":" + std::to_string(d.overfit_epoch()) +
                           ",\"bestHeldEpoch\":" + std::to_string(d.best_held_epoch()) + "}");
}

NNPLAY_API const char* nnplay_api_stats() {
    App* app = api_app();
    if (!app) return "null";
    const FrameStats& s = app->stats;
    return reply(*app, "{\"fps\":" + json_number(s.fps) + ",\"epochsPerSecond\":" + json_number(s.epochs_per_second) +
                           ",\"frameMs\":" + json_number(s.frame_ms) + ",\"trainMs\":" + json_number(s.train_ms) +
                           ",\"picturesMs\":" + json_number(app->pictures.ms) +
                           ",\"budgetMs\":" + json_number(1000 * app->run.budget.base) +
                           ",\"firstFrameMs\":" + json_number(s.first_frame_ms) +
                           ",\"framesDrawn\":" + std::to_string(s.frames_drawn) +
                           ",\"outputRes\":" + std::to_string(app->pictures.renderer.output_res()) +
                           ",\"nodePx\":" + json_number(app->view.node_px / app->view.dpr) +
                           draw_stats() + "}");
}

// {x, y, w, h} in CSS pixels of a named control, or "null".
NNPLAY_API const char* nnplay_api_widget_rect(const char* name) {
    App* app = api_app();
    if (!app || !name) return "null";
    auto it = app->view.rects.find(name);
    if (it == app->view.rects.end()) return "null";
    const WidgetRect& r = it->second;
    return reply(*app, "{\"x\":" + json_number(r.x) + ",\"y\":" + json_number(r.y) + ",\"w\":" +
                           json_number(r.w) + ",\"h\":" + json_number(r.h) +
                           (r.disabled ? ",\"disabled\":true}" : "}"));
}

// The status line's text.
NNPLAY_API const char* nnplay_api_status() {
    App* app = api_app();
    return app ? reply(*app, status_text(*app)) : "";
}

// The message log, oldest first: [{"text","count","error"}] (W5).
NNPLAY_API const char* nnplay_api_messages() {
    App* app = api_app();
    if (!app) return "[]";
    std::string json = "[";
    for (const LogEntry& e : app->status.log)
        json += (json.size() > 1 ? ",{\"text\":" : "{\"text\":") + json_string(e.text) +
                ",\"count\":" + std::to_string(e.count) + ",\"error\":" + json_bool(e.error) + "}";
    return reply(*app, json + "]");
}

// What the network view drew last frame: {"member","members","linksDrawn","linksSum"} (W5).
NNPLAY_API const char* nnplay_api_network_view() {
    App* app = api_app();
    if (!app) return "null";
    std::string step_labels = "[";
    for (const WidgetRect& r : app->view.step_labels)
        step_labels += std::string(step_labels.size() > 1 ? "," : "") + "{\"x\":" + json_number(r.x) +
                       ",\"y\":" + json_number(r.y) + ",\"w\":" + json_number(r.w) + ",\"h\":" + json_number(r.h) + "}";
    step_labels += "]";
    return reply(*app, "{\"member\":" + std::to_string(app->view.member) +
                           ",\"members\":" + std::to_string(app->run.trainer->ensemble_size()) +
                           ",\"linksDrawn\":" + std::to_string(app->view.links_drawn) +
                           ",\"linksSum\":" + json_number(app->view.links_drawn_sum) +
                           ",\"stepLabels\":" + step_labels + "}");
}

// The network's (ensemble-averaged) outputs for "x,y;x,y": [[outputs], ...].
NNPLAY_API const char* nnplay_api_predict(const char* text) {
    App* app = api_app();
    std::vector<Point> points;
    if (!app || !text || !parse_points(text, points)) return "null";
    Matrix out;
    app->run.trainer->predict(points, out);  // (outputs, n)
    std::string json = "[";
    for (Eigen::Index j = 0; j < out.cols(); ++j) {
        json += j ? ",[" : "[";
        for (Eigen::Index i = 0; i < out.rows(); ++i) {
            if (i) json += ',';
            append_json_number(json, float(out(i, j)));
        }
        json += "]";
    }
    return reply(*app, json + "]");
}

// ---- Input, keyboard and screen readers (web/input.cpp, web/focus.cpp, web/summary.cpp) ----

namespace nnplay::web {
namespace {

std::string rect_json(const WidgetRect& r) {
    return "\"x\":" + json_number(r.x) + ",\"y\":" + json_number(r.y) + ",\"w\":" + json_number(r.w) +
           ",\"h\":" + json_number(r.h);
}

// "#rrggbb" of an ImGui colour.
std::string hex_colour(ImU32 c) {
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", unsigned(c >> IM_COL32_R_SHIFT) & 0xff,
                  unsigned(c >> IM_COL32_G_SHIFT) & 0xff, unsigned(c >> IM_COL32_B_SHIFT) & 0xff);
    return text;
}

}  // namespace
}  // namespace nnplay::web

// Every named control drawn in the last frame: [{"name","x","y","w","h","visible"}, ...].
NNPLAY_API const char* nnplay_api_controls() {
    App* app = api_app();
    if (!app) return "[]";
    std::string json = "[";
    for (const NamedControl& c : focus_controls())
        json += (json.size() > 1 ? ",{" : "{") + std::string("\"name\":") + json_string(c.name) + "," +
                rect_json(c.rect) + ",\"visible\":" + json_bool(c.visible) + "}";
    return reply(*app, json + "]");
}

// The control with keyboard focus (its ring showing): {"name","x","y","w","h","label"}, name
// "" for an unnamed one, label what a screen reader hears (web/focus.h); "null" when none.
NNPLAY_API const char* nnplay_api_focused() {
    App* app = api_app();
    NamedControl c;
    if (!app || !focus_current(c)) return "null";
    return reply(*app, "{\"name\":" + json_string(c.name) + "," + rect_json(c.rect) +
                           ",\"label\":" + json_string(focus_announcement()) + "}");
}

// The tooltip drawn in the last frame (a finger's long press shows one): {"x","y","w","h"}
// in CSS pixels, or "null" when none.
NNPLAY_API const char* nnplay_api_tooltip() {
    App* app = api_app();
    ImVec2 min, max;
    if (!app || !tooltip_on_screen(&min, &max)) return "null";
    const float s = app->view.dpr;
    return reply(*app, "{" + rect_json({min.x / s, min.y / s, (max.x - min.x) / s, (max.y - min.y) / s}) + "}");
}

// {"train","test","validation"}: the points in each split now.
NNPLAY_API const char* nnplay_api_data_counts() {
    App* app = api_app();
    if (!app) return "null";
    const DataSplit& d = app->run.trainer->data();
    return reply(*app, "{\"train\":" + std::to_string(d.train.size()) + ",\"test\":" + std::to_string(d.test.size()) +
                           ",\"validation\":" + std::to_string(d.val.size()) + "}");
}

// ["#rrggbb", ...]: the colour the page draws each class's points in (two for regression:
// its negative and positive ends).
NNPLAY_API const char* nnplay_api_class_colors() {
    App* app = api_app();
    if (!app) return "[]";
    const int classes = app->run.trainer->is_regression() ? 2 : app->run.trainer->class_count();
    std::string json;
    append_json_array_n(json, std::min(classes, kMaxClasses), ",",
                        [](std::string& out, int k) { append_json_string(out, hex_colour(kClassColours[k])); });
    return reply(*app, std::move(json));
}

// Sets the epoch counter (weights unchanged), e.g. to see the layout at 1,234,567 epochs.
NNPLAY_API void nnplay_api_set_epoch(int epoch) {
    App* app = api_app();
    if (!app || epoch < 0) return;
    app->run.trainer->resume_at(epoch);
    trainer_changed(*app, TrainerChange::edited);
}

// The text summary the live region and the title carry, and the motion preference read.
NNPLAY_API const char* nnplay_api_summary() {
    App* app = api_app();
    if (!app) return "null";
    return reply(*app, "{\"text\":" + json_string(summary_text(*app)) +
                           ",\"reducedMotion\":" + json_bool(app->view.reduced_motion) + "}");
}

// The popups open now (ImGui's popup stack): a menu, a dialog, the advanced settings.
NNPLAY_API int nnplay_api_open_popups() {
    App* app = api_app();
    return app ? ImGui::GetCurrentContext()->OpenPopupStack.Size : 0;
}

// ---- Links and files (web/links.cpp, web/files.cpp) ----------------------------------------
// Long texts arrive as malloc'd UTF-8 (api.js frees them).

// {"ok","message","counts","points","scale"}
// Texts come with their length in bytes: a NUL inside is the reader's to refuse, not an end.
static std::string_view text_of(const char* text, int length) {
    return text && length > 0 ? std::string_view(text, std::size_t(length)) : std::string_view();
}

NNPLAY_API const char* nnplay_api_import_csv(const char* text, int length, int scale) {
    App* app = api_app();
    if (!app) return "null";
    bool ok = false;
    const std::string message = import_points_csv(*app, "CSV", text_of(text, length), scale != 0, ok);
    const CsvImport& csv = app->files.csv;
    std::string json = "{\"ok\":" + json_bool(ok) + ",\"message\":" + json_string(message) + ",\"counts\":";
    append_json_array(json, ok ? csv.class_counts : std::vector<int>{}, ",");
    json += ",\"points\":" + std::to_string(ok ? csv.points.size() : 0) +
            ",\"scale\":" + format_float_shortest(ok ? csv.scale : 1) + "}";
    return reply(*app, std::move(json));
}

// {"ok","message"}
NNPLAY_API const char* nnplay_api_import_model(const char* text, int length) {
    App* app = api_app();
    if (!app) return "null";
    bool ok = false;
    const std::string message = import_model(*app, "model", text_of(text, length), ok);
    return reply(*app, "{\"ok\":" + json_bool(ok) + ",\"message\":" + json_string(message) + "}");
}

// As if chosen in the file picker; returns the status line.
NNPLAY_API const char* nnplay_api_open_file(const char* name, const char* text, int length, double size) {
    App* app = api_app();
    if (!app) return "";
    open_file_text(*app, name ? name : "", text_of(text, length), size);
    return reply(*app, status_text(*app));
}

NNPLAY_API const char* nnplay_api_export_csv() {
    App* app = api_app();
    return app ? reply(*app, points_csv(*app)) : "";
}

NNPLAY_API const char* nnplay_api_export_model() {
    App* app = api_app();
    if (!app) return "";
    run_settle(*app);  // as save_model
    return reply(*app, model_json(*app));
}

NNPLAY_API const char* nnplay_api_export_pytorch() {
    App* app = api_app();
    return app ? reply(*app, pytorch_script(*app)) : "";
}

NNPLAY_API void nnplay_api_export_png() {
    if (App* app = api_app()) save_png(*app);
}

// Shares as "Copy link" does, without the clipboard: {"url","length","tooLong",...}.
NNPLAY_API const char* nnplay_api_share_link(int weights, int points, int f16) {
    App* app = api_app();
    if (!app) return "null";
    app_sync(*app);
    const SharedLink link = share_link(*app, {weights != 0, points != 0, f16 != 0}, false);
    return reply(*app, "{\"url\":" + json_string(link.url) + ",\"length\":" + std::to_string(link.url.size()) +
                           ",\"tooLong\":" + json_bool(link.too_long) + ",\"weights\":" + json_bool(link.has_weights) +
                           ",\"points\":" + json_bool(link.has_points) + ",\"note\":" + json_string(link.note) + "}");
}

// ---- Colour (web/palette.h, the loss chart, the pictures) ------------------------------------

namespace {

std::string hex_of(Rgb c) {
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", c.r, c.g, c.b);
    return text;
}

}  // namespace

// The theme's colours: {"theme","classes":[6 hex],"neutral","minDeltaE":{vision: ΔE2000 over
// the 6 classes},"contrast":[{"what","fg","bg","minimum","ratio"}]}.
NNPLAY_API const char* nnplay_api_palette() {
    App* app = api_app();
    if (!app) return "null";
    const Palette& p = palette();
    std::string json = "{\"theme\":" + json_string(current_theme() == Theme::dark ? "dark" : "light") + ",\"classes\":";
    append_json_array_n(json, kPaletteClasses, ",",
                        [](std::string& out, int k) { append_json_string(out, hex_of(class_color(k))); });
    json += ",\"neutral\":" + json_string(hex_of(p.neutral)) + ",\"background\":" + json_string(hex_of(p.window_bg)) +
            ",\"minDeltaE\":{";
    for (Vision v : kVisions)
        json += (v == Vision::normal ? "" : ",") + json_string(vision_name(v)) + ":" +
                json_number(min_class_delta_e(kPaletteClasses, v));
    json += "},\"contrast\":[";
    bool first = true;
    for (const ContrastCheck& c : contrast_checks(current_theme())) {
        json += (first ? "{" : ",{") + std::string("\"what\":") + json_string(c.what) + ",\"fg\":" +
                json_string(hex_of(c.fg)) + ",\"bg\":" + json_string(hex_of(c.bg)) +
                ",\"minimum\":" + json_number(c.minimum) + ",\"ratio\":" + json_number(contrast_ratio(c.fg, c.bg)) + "}";
        first = false;
    }
    return reply(*app, json + "]}");
}

// dark != 0: the dark theme; else the light one.
NNPLAY_API void nnplay_api_set_theme(int dark) {
    if (App* app = api_app()) ui_set_theme(*app, dark ? Theme::dark : Theme::light);
}

// The loss chart: {"samples","buckets","bucketEpochs","gaps","firstEpoch","lastEpoch",
// "series":{"train":{"present","last"},"validation":{...},"test":{...}}}. gaps: buckets
// between the first and the last with no epoch in them.
NNPLAY_API const char* nnplay_api_chart() {
    App* app = api_app();
    if (!app) return "null";
    const LossChart& c = app->pictures.chart;
    const auto& b = c.buckets();
    int gaps = 0;
    for (const LossChart::Bucket& bucket : b) gaps += bucket.samples == 0;
    std::string json = "{\"samples\":" + std::to_string(c.samples()) + ",\"buckets\":" + std::to_string(b.size()) +
                       ",\"bucketEpochs\":" + std::to_string(c.bucket_epochs()) + ",\"gaps\":" + std::to_string(gaps) +
                       ",\"firstEpoch\":" + (b.empty() ? "null" : std::to_string(b.front().first_epoch)) +
                       ",\"lastEpoch\":" + (b.empty() ? "null" : std::to_string(b.back().last_epoch)) + ",\"series\":{";
    const char* names[LossChart::kSeries] = {"train", "validation", "test"};
    for (int s = 0; s < LossChart::kSeries; ++s)
        json += std::string(s ? "," : "") + "\"" + names[s] + "\":{\"present\":" + json_bool(c.has(s)) +
                ",\"last\":" + json_number(b.empty() ? std::nan("") : double(b.back().last[s])) + "}";
    return reply(*app, json + "}}");
}

// A neuron's thumbnail as drawn in the atlas at plane point (x, y): "#rrggbb", or "null".
NNPLAY_API const char* nnplay_api_neuron_pixel(int layer, int node, double x, double y) {
    App* app = api_app();
    if (!app || !app->pictures.renderer_ok) return "null";
    const NetworkSpec& spec = app->run.trainer->spec();
    if (layer < 0 || layer >= spec.layer_count() || node < 0 || node >= spec.width(layer)) return "null";
    const float u = float((x + kDomain) / (2 * kDomain)), v = float((y + kDomain) / (2 * kDomain));
    Rgb c;
    if (!app->pictures.renderer.read_slot_pixel(neuron_slot(*app, layer, node), u, v, c)) return "null";
    return reply(*app, json_string(hex_of(c)));
}

// The distinct colours of data set d's preview in the picker, background excluded: ["#..", ...].
NNPLAY_API const char* nnplay_api_preview_colours(int d) {
    App* app = api_app();
    if (!app || d < 0 || d >= int(app->pictures.dataset_previews.size())) return "null";
    const bool reg = Dataset(d) == Dataset::reg_plane || Dataset(d) == Dataset::reg_gauss;
    const std::vector<Point>& points = Dataset(d) == Dataset::custom ? app->run.state.points
                                                                      : app->pictures.dataset_previews[std::size_t(d)];
    const std::vector<ImU32> pixels = rasterize_points_preview(points, reg, 64, 1);
    std::vector<ImU32> seen;
    for (ImU32 p : pixels)
        if (p != palette().preview_bg.u32() && std::find(seen.begin(), seen.end(), p) == seen.end()) seen.push_back(p);
    std::string json;
    append_json_array(json, seen, ",", [](std::string& out, ImU32 c) {
        out += json_string(hex_of({std::uint8_t(c), std::uint8_t(c >> 8), std::uint8_t(c >> 16)}));
    });
    return reply(*app, std::move(json));
}

// ---- Drawing and undo (web/undo.cpp) -------------------------------------------------------

// Undo or redo one step; 1 when there was one.
NNPLAY_API int nnplay_api_undo() {
    App* app = api_app();
    return app && undo(*app) ? 1 : 0;
}

NNPLAY_API int nnplay_api_redo() {
    App* app = api_app();
    return app && redo(*app) ? 1 : 0;
}

// The points the trainer has, per split: {"train":[[x,y,label],...],"val":[...],"test":[...],
// "shown":n (what the plot draws), "undo":steps,"redo":steps,"drawMode":bool}.
NNPLAY_API const char* nnplay_api_points() {
    App* app = api_app();
    if (!app) return "null";
    const DataSplit& d = app->run.trainer->data();
    std::string json = "{";
    auto part = [&](const char* name, const std::vector<Point>& points) {
        json += std::string(json.size() > 1 ? "," : "") + "\"" + name + "\":[";
        for (std::size_t i = 0; i < points.size(); ++i) {
            json += i ? ",[" : "[";
            append_json_number(json, points[i].x);
            json += ',';
            append_json_number(json, points[i].y);
            json += ',';
            append_json_number(json, points[i].label);
            json += ']';
        }
        json += ']';
    };
    part("train", d.train);
    part("val", d.val);
    part("test", d.test);
    const std::size_t shown = d.train.size() + d.val.size() + (app->run.state.show_test_data ? d.test.size() : 0);
    json += ",\"shown\":" + std::to_string(shown) + ",\"undo\":" + std::to_string(app->history.undo.size()) +
            ",\"redo\":" + std::to_string(app->history.redo.size()) +
            ",\"drawMode\":" + json_bool(app->view.draw_mode) + "}";
    return reply(*app, std::move(json));
}
