// status.cpp: the status line's text (see app.h): the run's own state (diverged, stopped
// early), the last link's warnings, the trainer's warnings, the offer of TensorFlow
// Playground's compatibility mode, and one transient message that fades after 8 seconds;
// and the message log behind it, which keeps every line, each text once with its count.
#include "web/app.h"
#include "web/platform.h"

#include "engine/help.h"

#include <GLFW/glfw3.h>

#include <algorithm>

namespace nnplay::web {

void log_message(App& app, const std::string& text, bool error) {
    std::vector<LogEntry>& log = app.status.log;
    auto same = std::find_if(log.begin(), log.end(), [&](const LogEntry& e) { return e.text == text; });
    LogEntry entry{text, error, 1};
    if (same != log.end()) {
        entry.count = same->count + 1;
        entry.error = same->error || error;
        log.erase(same);
    }
    log.push_back(std::move(entry));
    if (int(log.size()) > kLogSize) log.erase(log.begin(), log.end() - kLogSize);
}

void log_status(App& app) {
    // Only the lasting lines: the transient message is logged by app_message itself.
    const Trainer& t = *app.run.trainer;
    std::vector<std::pair<std::string, bool>> lines;
    if (t.status() == RunStatus::diverged)
        lines.emplace_back(t.status_message().empty() ? "The run diverged." : t.status_message(), true);
    else if (t.status() == RunStatus::early_stopped)
        lines.emplace_back(t.status_message().empty() ? "Stopped early." : t.status_message(), false);
    for (const std::string& w : app.status.link_warnings) lines.emplace_back("Link: " + w, false);
    for (const std::string& w : t.warnings()) lines.emplace_back(w, false);
    std::string key;
    for (const auto& line : lines) key += line.first + '\n';
    if (key == app.status.logged_status) return;
    // Lines still shown from before are not counted again; new ones are.
    const std::string before = app.status.logged_status;
    app.status.logged_status = key;
    for (const auto& [text, error] : lines)
        if (before.find(text + '\n') == std::string::npos) log_message(app, text, error);
}

void app_message(App& app, std::string text, bool error) {
    console_log(text.c_str());
    log_message(app, text, error);
    app.status.message = std::move(text);
    app.status.message_is_error = error;
    app.status.message_until = glfwGetTime() + 8.0;
}

bool compat_offered(const App& app) {
    return app.status.tfp_link && app.run.state.compat == Compat::none;
}

std::string status_text(const App& app, bool* is_error, bool latest_first) {
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
        if (latest_first) text = app.status.message + (text.empty() ? "" : "  ·  " + text);
        else add(app.status.message);
        error = error || app.status.message_is_error;
    }
    if (is_error) *is_error = error;
    return text;
}

}  // namespace nnplay::web
