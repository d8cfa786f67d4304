// page.cpp: every panel of the page, laid out like TensorFlow Playground: the title line and
// the top bar; below them Data, then Features and the network, then Output (and the Advanced
// side panel when open); one status line at the bottom with the speed readout; the dialogs;
// and the keyboard shortcuts. Phones get one column: tabs Output, Data, Network, Settings.
#include "web/focus.h"
#include "web/run_history.h"  // a sweep's progress under More and its Runs button
#include "web/ui/layout.h"
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "engine/help.h"

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
    undo_shortcuts(app, keys);  // Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y (web/undo.cpp)
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
        if (key == GLFW_KEY_ESCAPE && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
            app.view.advanced_open = false;
            app.view.side_panel = SidePanel::none;
            if (app.view.phone_tab == kSettingsTab || app.view.phone_tab == kMoreTab) app.view.phone_tab = 0;
        }
    }
}

// Touch: a drag that starts on no control scrolls the window under it (ImGui 1.86 scrolls
// only with the wheel and the scrollbars).
void drag_scroll() {
    const ImGuiIO& io = ImGui::GetIO();
    if (!ImGui::IsMouseDragging(0, 2) || ImGui::IsAnyItemActive() ||
        !ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows))
        return;
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    ImGui::SetScrollX(ImGui::GetScrollX() - io.MouseDelta.x);
}

// The network column: the features caption, then the features and the network.
void network_column(App& app, ImVec2 size) {
    ImGui::BeginChild("network", size, false, ImGuiWindowFlags_HorizontalScrollbar);
    if (!app.run.state.hide_text) {
        // Wrapped at the column's visible edge (a side panel open narrows it), not at the
        // content's, which a line too long to wrap would widen for good.
        ImGui::PushTextWrapPos(ImGui::GetScrollX() + ImGui::GetWindowWidth() - ImGui::GetStyle().ScrollbarSize);
        caption(help_text("ui.featuresCaption"));
        ImGui::PopTextWrapPos();
    }
    network_panel(app);
    drag_scroll();
    ImGui::EndChild();
}

// The open side panel's contents (See inside, Learn or Runs), `width` wide.
void side_panel_contents(App& app, float width) {
    switch (app.view.side_panel) {
        case SidePanel::inside: inside_panel(app, width); break;
        case SidePanel::learn: learn_panel(app, width); break;
        case SidePanel::runs: runs_panel(app, width); break;
        case SidePanel::none: break;
    }
}

// Today's three columns (and the Advanced panel, or another side panel, at the right when
// open), `height` high. The views, lessons and runs get a wider panel than Advanced.
void columns(App& app, float W, float height) {
    const float sc = app.view.scale;
    const float gap = ImGui::GetStyle().ItemSpacing.x * 2;
    const bool side = app.view.side_panel != SidePanel::none;
    const float panel_w = side ? std::clamp(W * 0.3f, 300 * sc, 520 * sc)
                          : app.view.advanced_open ? std::clamp(W * 0.2f, 250 * sc, 330 * sc) : 0;
    float data_w = std::clamp(W * 0.16f, 150 * sc, 210 * sc);
    // The output plot as large as the height allows (about 230 px go to the metrics, the
    // chart, the options and the legend), up to 40 % of the width.
    const float out_w = std::max(240 * sc, std::min(W * 0.4f, height - 200 * sc));
    float net_w = W - data_w - out_w - 2 * gap - (panel_w > 0 ? panel_w + gap : 0);
    // No room for the network beside the panel: the panel takes the data column's place.
    const bool data_shown = !(panel_w > 0 && net_w < 260 * sc);
    if (!data_shown) net_w += data_w + gap, data_w = 0;
    net_w = std::max(100 * sc, net_w);

    if (data_shown) {
        ImGui::BeginChild("data", ImVec2(data_w, height), false);
        data_panel(app, ImGui::GetContentRegionAvail().x - 2 * sc);
        ImGui::EndChild();
        ImGui::SameLine(0, gap);
    }
    network_column(app, ImVec2(net_w, height));
    ImGui::SameLine(0, gap);
    ImGui::BeginChild("output", ImVec2(out_w, height), false, ImGuiWindowFlags_HorizontalScrollbar);
    output_panel(app, ImGui::GetContentRegionAvail().x, height - 4 * sc);
    ImGui::EndChild();
    if (side) {
        ImGui::SameLine(0, gap);
        ImGui::BeginChild("sidePanel", ImVec2(panel_w, height), true);
        if (ImGui::Button("Close")) app.view.side_panel = SidePanel::none;
        record_rect(app, "sidePanelClose");
        ImGui::SameLine();
        caption("(Esc)");
        side_panel_contents(app, ImGui::GetContentRegionAvail().x - 2 * sc);
        record_rect(app, "sidePanel");
        drag_scroll();
        ImGui::EndChild();
    } else if (panel_w > 0) {
        ImGui::SameLine(0, gap);
        ImGui::BeginChild("advancedPanel", ImVec2(panel_w, height), true);
        if (ImGui::Button("Close")) app.view.advanced_open = false;
        record_rect(app, "advancedClose");
        ImGui::SameLine();
        caption("(Esc)");
        advanced_panel(app, ImGui::GetContentRegionAvail().x - 2 * sc);
        record_rect(app, "advancedPanel");
        drag_scroll();
        ImGui::EndChild();
    }
}

// Phones' More tab: a choice of side panel, then the chosen one.
void more_tab(App& app, float width) {
    const char* const labels[] = {"Inside", "Learn", "Runs"};
    const char* const rects[] = {"moreInside", "moreLearn", "moreRuns"};
    const SidePanel panels[] = {SidePanel::inside, SidePanel::learn, SidePanel::runs};
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float button_w = std::floor((width - 2 * spacing) / 3);
    if (app.view.side_panel == SidePanel::none) app.view.side_panel = SidePanel::inside;
    for (int i = 0; i < 3; ++i) {
        if (i > 0) ImGui::SameLine();
        const bool on = app.view.side_panel == panels[i];
        ImGui::PushStyleColor(ImGuiCol_Button, on ? ImGui::GetColorU32(ImGuiCol_ButtonActive)
                                                  : ImGui::GetColorU32(ImGuiCol_Button));
        if (ImGui::Button(labels[i], ImVec2(button_w, 0))) app.view.side_panel = panels[i];
        ImGui::PopStyleColor();
        record_rect(app, rects[i]);
        if (panels[i] == SidePanel::runs) runs_button_progress(app);  // a running sweep's bar, as on desktop
    }
    ImGui::Separator();
    side_panel_contents(app, width);
}

// Phones: tabs over one full-width column, `height` high.
void phone_tabs(App& app, float W, float height) {
    const char* const names[] = {"Output", "Data", "Network", "Settings", "More"};
    const char* const rects[] = {"tabOutput", "tabData", "tabNetwork", "tabSettings", "tabMore"};
    constexpr int kTabs = int(std::size(names));
    const float sc = app.view.scale;
    // A tab chosen on a page that scrolls (a phone held sideways, a short window) scrolls it to
    // the tabs: the chosen tab gets the screen (a finger moving down brings the title back).
    if (app.view.phone_tab != app.view.phone_tab_drawn && app.view.phone_tab_drawn >= 0)
        ImGui::SetScrollFromPosY(ImGui::GetCursorPosY() - ImGui::GetScrollY() - ImGui::GetStyle().ItemSpacing.y, 0);
    app.view.phone_tab_drawn = app.view.phone_tab;
    // Five labels in 360 CSS px: each tab as wide as its label, plus an even share of the
    // rest (equal tabs cut "Network" at 360), with less padding than other buttons.
    const float pad = 2 * sc;
    float labels_w = 0;
    for (const char* name : names) labels_w += ImGui::CalcTextSize(name).x + 2 * pad;
    const float spacing = std::clamp((W - labels_w) / (kTabs - 1), 2 * sc, ImGui::GetStyle().ItemSpacing.x);
    const float extra = std::max(0.0f, (W - labels_w - (kTabs - 1) * spacing) / kTabs);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(pad, ImGui::GetStyle().FramePadding.y));
    for (int i = 0; i < kTabs; ++i) {
        if (i > 0) ImGui::SameLine(0, spacing);
        const bool on = app.view.phone_tab == i;
        ImGui::PushStyleColor(ImGuiCol_Button, on ? ImGui::GetColorU32(ImGuiCol_ButtonActive)
                                                  : ImGui::GetColorU32(ImGuiCol_Button));
        const float tab_w = std::floor(ImGui::CalcTextSize(names[i]).x + 2 * pad + extra);
        if (ImGui::Button(names[i], ImVec2(tab_w, 0))) app.view.phone_tab = i;
        ImGui::PopStyleColor();
        record_rect(app, rects[i]);
        // A running sweep's bar under More too, seen from every tab (the Runs button inside
        // More has its own: that one is what the test API names while More is open).
        if (i == kMoreTab && app.view.phone_tab != kMoreTab) runs_button_progress(app);
    }
    ImGui::PopStyleVar();
    // Held sideways, or short (an on-screen keyboard up), the title and the top bar leave the
    // tab a strip: it gets most of the screen's height instead, and the page scrolls to it.
    const ImVec2 screen = ImGui::GetIO().DisplaySize;
    const bool short_screen = screen.x > screen.y || screen.y < kPhoneShorterCss * app.view.dpr;
    const float row = ImGui::GetFrameHeightWithSpacing();
    const float h = std::max({60 * sc, height - row, short_screen ? 0.8f * screen.y - row : 0.0f});
    const ImVec2 size(W, h);
    if (app.view.phone_tab == 2) {
        network_column(app, size);
        return;
    }
    ImGui::BeginChild("phoneTab", size, false, ImGuiWindowFlags_HorizontalScrollbar);
    const float w = ImGui::GetContentRegionAvail().x - 4 * app.view.scale;
    switch (app.view.phone_tab) {
        case 0: output_panel(app, w, h); break;
        case 1: data_panel(app, w); break;
        case kMoreTab: more_tab(app, w); break;
        default:
            training_controls(app, w);
            ImGui::Separator();
            advanced_panel(app, w);
            break;
    }
    drag_scroll();
    ImGui::EndChild();
}

}  // namespace

void open_side_panel(App& app, SidePanel panel) {
    app.view.side_panel = panel;
    if (panel != SidePanel::none) app.view.advanced_open = false;
    if (current_layout(app) == Layout::phone && panel != SidePanel::none) app.view.phone_tab = kMoreTab;
}

void ui_draw(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    const float sc = app.view.scale;
    shortcuts(app);
    inside_follow_flags(app);  // See inside: showBackprop / showGradients open the panel
    app.view.rects.clear();  // only what this frame draws (the test API's names)

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    // It scrolls only when even the smallest columns do not fit (a short window).
    ImGui::Begin("nnplay", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoBackground);  // glClear paints it: a full-window quad costs a software rasteriser
    const float W = ImGui::GetContentRegionAvail().x;
    title_line(app, W);
    top_bar(app, W);
    ImGui::Separator();

    const float status_h = status_bar_height(app, W);
    const float main_h = std::max(100.0f * sc, ImGui::GetContentRegionAvail().y - status_h);
    if (current_layout(app) == Layout::phone) phone_tabs(app, W, main_h);
    else columns(app, W, main_h);
    status_bar(app, W);
    files_dialogs(app);
    ImGui::End();
}

}  // namespace nnplay::web
