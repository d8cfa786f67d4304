// status_bar.cpp: the page's bottom line: the latest message on one line (cut with "...", the
// whole text in its tooltip and in the log a click on it opens), the button to the message log
// with its count, the offer of compat=tf, the theme switch (phones: in the Settings tab), and
// the speed readout. Its height never changes, so nothing above it moves.
#include "web/ui/layout.h"
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>

namespace nnplay::web {
namespace {

// The speed readout's text. Paused and still, the page draws about once a second
// (app_frame): "idle", not "1 fps".
std::string speed_text(const App& app) {
    char speed[64];
    if (app.view.show_speed && !app.run.playing && app.stats.fps < 10) std::snprintf(speed, sizeof speed, "idle");
    else if (app.view.show_speed)
        std::snprintf(speed, sizeof speed, "%.0f fps  %.0f epochs/s", app.stats.fps, app.stats.epochs_per_second);
    else std::snprintf(speed, sizeof speed, "speed");
    return speed;
}

// The text cut to `width` pixels, ending in "..." when it did not fit.
std::string fitted(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    ImFont* font = ImGui::GetFont();
    const float room = std::max(0.0f, width - ImGui::CalcTextSize("...").x);
    const char* end = nullptr;
    font->CalcTextSizeA(ImGui::GetFontSize(), room, 0, text.c_str(), text.c_str() + text.size(), &end);
    return std::string(text.c_str(), end) + "...";
}

std::string messages_label(const App& app) {
    const size_t n = app.status.log.size();
    return std::to_string(n) + (n == 1 ? " message" : " messages");
}

// The log, newest first, in a panel over the page's bottom left; Escape or the button closes it.
void message_log(App& app, float width, float bottom) {
    const float sc = app.view.scale;
    if (!app.status.log_open) {
        app.view.rects.erase("messageLog");
        return;
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) {
        app.status.log_open = false;
        return;
    }
    const float w = std::min(width, 640 * sc);
    const float h = std::min(bottom * 0.6f, 320 * sc);
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetStyle().WindowPadding.x, bottom), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_Always);
    if (ImGui::Begin("Messages", &app.status.log_open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                         ImGuiWindowFlags_NoSavedSettings)) {
        const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        record_rect_at(app, "messageLog", pos, ImVec2(pos.x + size.x, pos.y + size.y));
        if (app.status.log.empty()) caption("No messages yet.");
        ImGui::PushTextWrapPos(0);
        for (auto e = app.status.log.rbegin(); e != app.status.log.rend(); ++e) {
            const std::string line = e->count > 1 ? e->text + "  (x" + std::to_string(e->count) + ")" : e->text;
            ImGui::PushStyleColor(ImGuiCol_Text, e->error ? kBad : kInk);
            ImGui::TextUnformatted(line.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::PopTextWrapPos();
        if (!app.status.log.empty()) {
            if (ImGui::Button("Clear")) app.status.log.clear();
            caption("Escape closes this list.");
        }
    }
    ImGui::End();
}

}  // namespace

float theme_button_width() {
    return ImGui::CalcTextSize("Light theme").x + ImGui::GetStyle().FramePadding.x * 2;
}

void theme_button(App& app) {
    const bool dark = current_theme() == Theme::dark;
    if (ImGui::Button(dark ? "Light theme" : "Dark theme", ImVec2(theme_button_width(), 0)))
        ui_set_theme(app, dark ? Theme::light : Theme::dark);
    record_rect(app, "theme");
    tip(app, "ui.theme");
}

float status_bar_height(App& app, float width) {
    (void)app, (void)width;  // one line at any width: the bar never grows
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y * 2 + 1;
}

void status_bar(App& app, float width) {
    const float sc = app.view.scale;
    log_status(app);
    ImGui::Separator();
    const float top = ImGui::GetCursorScreenPos().y;
    bool error = false;
    const std::string status = status_text(app, &error, true);
    const std::string speed = speed_text(app);
    const std::string log_label = messages_label(app);
    const ImGuiStyle& style = ImGui::GetStyle();
    // The buttons and the readout sit at fixed places from the right edge, sized for the widest
    // text they may show, so nothing moves as the counts and the speed change.
    // A phone cannot spare the speed readout's room: it shows no readout (F still toggles it).
    const float widest_speed = ImGui::CalcTextSize("000 fps  000000 epochs/s").x;
    const bool narrow = width < 6 * widest_speed;
    const float speed_w = narrow ? 0.0f : widest_speed;
    const float log_w = ImGui::CalcTextSize("0000 messages").x + style.FramePadding.x * 2;
    // The theme switch sits between the message log button and the speed; phones have it in
    // the Settings tab, and the message its room.
    const bool theme_here = current_layout(app) != Layout::phone;
    const float theme_w = theme_here ? theme_button_width() : 0.0f;
    const float text_w = width - speed_w - log_w - theme_w - compat_button_width(app) - 5 * style.ItemSpacing.x;
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, error ? kBad : (status.empty() ? kMuted : kWarn));
    ImGui::TextUnformatted(status.empty() ? "Ready." : fitted(status, std::max(text_w, 40 * sc)).c_str());
    ImGui::PopStyleColor();
    record_rect(app, "status");
    // A tap or click on the message opens the log, where it is whole (a finger has no tooltip).
    if (ImGui::IsItemClicked()) app.status.log_open = !app.status.log_open;
    if (!status.empty() && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(tooltip_wrap(32));
        ImGui::TextUnformatted(status.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    compat_button(app);  // for a TensorFlow Playground link: its compatibility mode
    const float right = ImGui::GetWindowContentRegionMax().x, gap = style.ItemSpacing.x;
    ImGui::SameLine(right - speed_w - gap - theme_w - gap - log_w);
    if (ImGui::Button((log_label + "##log").c_str(), ImVec2(log_w, 0))) app.status.log_open = !app.status.log_open;
    record_rect(app, "messages");
    tip(app, "ui.messages");
    if (theme_here) {
        ImGui::SameLine(right - speed_w - gap - theme_w);
        theme_button(app);
    }
    if (!narrow) {
        ImGui::SameLine(right - speed_w);
        caption(speed);
        record_rect(app, "speedReadout");
        if (ImGui::IsItemClicked()) app.view.show_speed = !app.view.show_speed;
        tip(app, "ui.speedReadout");
    }
    message_log(app, width, top - style.ItemSpacing.y);
}

}  // namespace nnplay::web
