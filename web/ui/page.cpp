// page.cpp: every panel of the page, laid out like TensorFlow Playground: the top bar;
// below it Data, then Features and the network, then Output; one status line at the bottom
// with the speed readout; the dialogs; and the keyboard shortcuts.
#include "web/focus.h"
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>

namespace nnplay::web {
namespace {

// Space: run/pause; → or S: one epoch; R: reset; F: the speed readout; 1-6: the class a
// click adds. Not while typing into a field, nor keys a focused control uses (web/focus.h).
void shortcuts(App& app) {
    std::vector<int> keys;
    keys.swap(app.view.keys);
    if (ImGui::GetIO().WantTextInput) return;
    const int classes = app.run.state.problem == Problem::regression ? 2 : app.run.state.class_count();
    for (int key : keys) {
        if (focus_owns_key(key)) continue;  // Space activates the focused control, arrows move
        if (key == GLFW_KEY_SPACE) app.run.playing = !app.run.playing;
        if (key == GLFW_KEY_RIGHT || key == GLFW_KEY_S) {
            app.run.playing = false;
            ++app.run.steps_requested;
        }
        if (key == GLFW_KEY_R) app.run.reset_requested = true;
        if (key == GLFW_KEY_F) app.view.show_speed = !app.view.show_speed;
        if (key >= GLFW_KEY_1 && key < GLFW_KEY_1 + std::min(classes, kMaxClasses)) app.view.current_class = key - GLFW_KEY_1;
    }
}

}  // namespace

void ui_draw(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    const float sc = app.view.scale;
    shortcuts(app);

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("nnplay", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBackground);  // glClear paints it: a full-window quad costs a software rasteriser
    const float W = ImGui::GetContentRegionAvail().x;
    top_bar(app, W);
    ImGui::Separator();

    // The status line grows (wraps) to show every warning.
    bool error = false;
    const std::string status = status_text(app, &error);
    char speed[64];
    // Paused and still, the page draws about once a second (app_frame): "idle", not "1 fps".
    if (app.view.show_speed && !app.run.playing && app.stats.fps < 10) std::snprintf(speed, sizeof speed, "idle");
    else if (app.view.show_speed) std::snprintf(speed, sizeof speed, "%.0f fps  %.0f epochs/s", app.stats.fps, app.stats.epochs_per_second);
    else std::snprintf(speed, sizeof speed, "speed");
    const float speed_w = ImGui::CalcTextSize(speed).x;
    const float status_wrap = W - speed_w - 16 * sc - compat_button_width(app);
    const float status_h = ImGui::CalcTextSize(status.empty() ? "Ready." : status.c_str(), nullptr, false,
                                               status_wrap).y +
                           ImGui::GetStyle().ItemSpacing.y + 6 * sc;
    const float main_h = std::max(100.0f, ImGui::GetContentRegionAvail().y - status_h);
    const float gap = ImGui::GetStyle().ItemSpacing.x * 2;
    const float data_w = std::clamp(W * 0.16f, 150 * sc, 210 * sc);
    const float out_w = std::clamp(std::min(W * 0.34f, main_h * 0.95f - 120 * sc), 240 * sc, 560 * sc);
    const float net_w = std::max(100 * sc, W - data_w - out_w - 2 * gap);

    ImGui::BeginChild("data", ImVec2(data_w, main_h), false);
    data_panel(app, ImGui::GetContentRegionAvail().x - 2 * sc);
    ImGui::EndChild();
    ImGui::SameLine(0, gap);
    ImGui::BeginChild("network", ImVec2(net_w, main_h), false, ImGuiWindowFlags_HorizontalScrollbar);
    network_panel(app);
    ImGui::EndChild();
    ImGui::SameLine(0, gap);
    ImGui::BeginChild("output", ImVec2(out_w, main_h), false);
    output_panel(app, ImGui::GetContentRegionAvail().x, main_h - 4 * sc);
    ImGui::EndChild();

    // The status line.
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, error ? IM_COL32(190, 30, 30, 255)
                                               : (status.empty() ? kMuted : IM_COL32(150, 95, 0, 255)));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + status_wrap);
    ImGui::TextUnformatted(status.empty() ? "Ready." : status.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    record_rect(app, "status");
    compat_button(app);  // for a TensorFlow Playground link: its compatibility mode
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - speed_w);
    caption(speed);
    record_rect(app, "speedReadout");
    if (ImGui::IsItemClicked()) app.view.show_speed = !app.view.show_speed;
    tip(app, "ui.speedReadout");
    files_dialogs(app);
    ImGui::End();
}

}  // namespace nnplay::web
