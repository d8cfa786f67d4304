// summary.cpp: see summary.h. The text is built from the state and the trainer's metrics;
// the browser side (the live region, the title, the motion preference) is a few EM_JS lines.
#include "web/summary.h"

#include "web/ui/widgets.h"

#include <GLFW/glfw3.h>

#include <cmath>
#include <cstdio>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

EM_JS(void, nnplay_js_set_summary, (const char* text, const char* title), {
    var live = document.getElementById("nnplay-summary");
    if (live) live.textContent = UTF8ToString(text);
    document.title = UTF8ToString(title);
});

// web/api.js keeps Module.nnplayReducedMotion in step with the media query.
EM_JS(int, nnplay_js_reduced_motion, (), { return Module.nnplayReducedMotion ? 1 : 0; });
#endif

namespace nnplay::web {
namespace {

// 1234567 → "1,234,567".
std::string grouped(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string number(double v) {
    if (!std::isfinite(v)) return "not a number";
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", v);
    return text;
}

std::string percent(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f%%", 100 * v);
    return text;
}

#ifdef __EMSCRIPTEN__
std::string title_text(const App& app) {
    const Trainer& t = *app.run.trainer;
    std::string title = "nnplay: " + std::string(dataset_label(app.run.state.active_dataset())) + ", epoch " +
                        grouped(t.epoch());
    if (t.epoch() > 0) title += ", test loss " + number(t.metrics().test_loss);
    return title;
}
#endif

struct SummaryState {
    std::string shown;
    double shown_at = -1e9;
};
SummaryState summary;  // what the page shows now, for its one live region

}  // namespace

std::string summary_text(const App& app) {
    const PlaygroundState& s = app.run.state;
    const Trainer& t = *app.run.trainer;
    const Metrics& m = t.metrics();
    const bool regression = s.problem == Problem::regression;
    std::string text = "Data: " + std::string(dataset_label(s.active_dataset()));
    if (!regression) text += ", " + std::to_string(t.class_count()) + " classes";
    const DataSplit& d = t.data();
    text += ", " + std::to_string(d.train.size()) + " training and " + std::to_string(d.test.size()) + " test points";
    if (!d.val.empty()) text += ", " + std::to_string(d.val.size()) + " validation points";
    text += ". Network: " + std::to_string(s.input_count()) + " inputs";
    if (s.network_shape.empty()) {
        text += ", no hidden layers";
    } else {
        text += ", hidden layers of";
        for (std::size_t i = 0; i < s.network_shape.size(); ++i)
            text += (i ? ", " : " ") + std::to_string(s.network_shape[i]);
    }
    text += ". Epoch " + grouped(t.epoch()) + (app.run.playing ? ", training" : ", paused") + ". ";
    text += "Training loss " + number(m.train_loss) + ", test loss " + number(m.test_loss);
    if (!regression) text += ", test accuracy " + percent(m.test_acc);
    text += ".";
    const std::string message = status_text(app);
    if (!message.empty()) text += " " + message;
    return text;
}

void summary_update(App& app) {
#ifdef __EMSCRIPTEN__
    app.view.reduced_motion = nnplay_js_reduced_motion() != 0;
    const double now = glfwGetTime();
    if (now - summary.shown_at < 1.0) return;
    std::string text = summary_text(app);
    if (text == summary.shown) return;
    nnplay_js_set_summary(text.c_str(), title_text(app).c_str());
    summary.shown = std::move(text);
    summary.shown_at = now;
#else
    (void)app;
    (void)summary;
#endif
}

}  // namespace nnplay::web
