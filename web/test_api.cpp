// test_api.cpp: the page's small test API, window.nnplay (web/api.js calls these). Every
// entry point is exported here and only here (EMSCRIPTEN_KEEPALIVE), first wakes the page so
// that what it changes is drawn, and returns text that stays valid until the next call.
#include "web/app.h"
#include "web/platform.h"
#include "web/share.h"

#include "engine/csv.h"
#include "engine/json_writer.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <string>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#define NNPLAY_API extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define NNPLAY_API extern "C"  // the desktop window has no JavaScript: nothing calls these
#endif

namespace nnplay::web {
namespace {

// The App, woken: null before app_init.
App* api_app() {
    App* app = app_current();
    if (app) app_wake(*app);
    return app;
}

// Keeps the text in the App until the next call.
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

NNPLAY_API const char* nnplay_api_stats() {
    App* app = api_app();
    if (!app) return "null";
    const FrameStats& s = app->stats;
    return reply(*app, "{\"fps\":" + json_number(s.fps) + ",\"epochsPerSecond\":" + json_number(s.epochs_per_second) +
                           ",\"frameMs\":" + json_number(s.frame_ms) + ",\"trainMs\":" + json_number(s.train_ms) +
                           ",\"picturesMs\":" + json_number(app->pictures.ms) +
                           ",\"firstFrameMs\":" + json_number(s.first_frame_ms) +
                           ",\"framesDrawn\":" + std::to_string(s.frames_drawn) +
                           ",\"outputRes\":" + std::to_string(kOutputRes >> app->pictures.detail) +
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
                           json_number(r.w) + ",\"h\":" + json_number(r.h) + "}");
}

// The status line's text.
NNPLAY_API const char* nnplay_api_status() {
    App* app = api_app();
    return app ? reply(*app, status_text(*app)) : "";
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
    std::string json = "{\"ok\":" + json_bool(ok) + ",\"message\":" + json_string(message) + ",\"counts\":[";
    if (ok)
        for (std::size_t k = 0; k < csv.class_counts.size(); ++k)
            json += (k ? "," : "") + std::to_string(csv.class_counts[k]);
    json += "],\"points\":" + std::to_string(ok ? csv.points.size() : 0) +
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
    return app ? reply(*app, model_json(*app)) : "";
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
