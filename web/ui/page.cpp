// page.cpp: every panel of the page, laid out like TensorFlow Playground: the top bar;
// below it Data, then Features and the network, then Output; one status line at the bottom
// with the speed readout; the dialogs; and the keyboard shortcuts.
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>

namespace nnplay::web {
namespace {

// Space: run/pause; → or S: one epoch; R: reset; F: the speed readout; 1-6: the class a
// click adds. Not while typing into a field.
void shortcuts(App& app) {
    std::vector<int> keys;
    keys.swap(app.view.keys);
    if (ImGui::GetIO().WantTextInput) return;
    const int classes = app.run.state.problem == Problem::regression ? 2 : app.run.state.class_count();
    for (int key : keys) {
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

    const float status_h = status_bar_height(app, W);
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

    status_bar(app, W);
    files_dialogs(app);
    ImGui::End();
}

}  // namespace nnplay::web
