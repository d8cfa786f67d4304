// status.cpp: the status line's text (see app.h): the run's own state (diverged, stopped
// early), the last link's warnings, the trainer's warnings, the offer of TensorFlow
// Playground's compatibility mode, and one transient message that fades after 8 seconds.
#include "web/app.h"
#include "web/platform.h"

#include "engine/help.h"

#include <GLFW/glfw3.h>

namespace nnplay::web {

void app_message(App& app, std::string text, bool error) {
    console_log(text.c_str());
    app.status.message = std::move(text);
    app.status.message_is_error = error;
    app.status.message_until = glfwGetTime() + 8.0;
}

bool compat_offered(const App& app) {
    return app.status.tfp_link && app.run.state.compat == Compat::none;
}

std::string status_text(const App& app, bool* is_error) {
    std::string text;
    bool error = false;
    auto add = [&](const std::string& line) {
        if (!text.empty()) text += "  ·  ";
        text += line;
    };
    const Trainer& t = *app.run.trainer;
    if (t.status() == RunStatus::diverged) {
        add(t.status_message().empty() ? "The run diverged." : t.status_message());
        error = true;
    } else if (t.status() == RunStatus::early_stopped) {
        add(t.status_message().empty() ? "Stopped early." : t.status_message());
    }
    if (const std::string diagnosis = diagnosis_status_text(app); !diagnosis.empty()) add(diagnosis);
    if (!app.status.link_warnings.empty()) {
        std::string line = "Link: ";
        for (size_t i = 0; i < app.status.link_warnings.size(); ++i)
            line += (i ? "; " : "") + app.status.link_warnings[i];
        add(line);
    }
    for (const std::string& w : t.warnings()) add(w);
    if (compat_offered(app))
        add(std::string(help_text("ui.compatOffer")));
    if (!app.status.message.empty() && (app.status.message_until == 0 || glfwGetTime() < app.status.message_until)) {
        add(app.status.message);
        error = error || app.status.message_is_error;
    }
    if (is_error) *is_error = error;
    return text;
}

}  // namespace nnplay::web
