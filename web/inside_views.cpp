// inside_views.cpp: how the error surface, hidden space and learning-rate finder views follow
// the run: the path is recorded as epochs are trained, a new run starts the pictures over, and
// a link that turns a view's flag on opens the See inside panel at it.
#include "web/app.h"

#include "web/ui/panels.h"

#include <imgui.h>

#include <string_view>
#include <utility>

namespace nnplay::web {

void inside_views_epoch(App& app) {
    const Trainer& t = *app.run.trainer;
    app.inside_views.surface.path.record(t.epoch(), t.network(0));
}

void inside_views_follow(App& app, TrainerChange change) {
    InsideViews& v = app.inside_views;
    const Trainer& t = *app.run.trainer;
    if (change == TrainerChange::restarted) {
        v.surface.path.clear();
        v.surface.stale = true;
    }
    if (change != TrainerChange::settings) {
        // Trained epochs are recorded as each completes (inside_views_epoch); the rest here.
        if (change != TrainerChange::trained) v.surface.path.record(t.epoch(), t.network(0));
        v.hidden.dirty = true;
    }
    const PlaygroundState& s = app.run.state;
    const bool opened = (s.show_surface && !v.seen_surface) || (s.show_hidden && !v.seen_hidden) ||
                        (s.show_lr_finder && !v.seen_lr);
    // A lesson that names the view keeps its Learn panel: the section is open in Inside.
    if (opened && app.view.side_panel != SidePanel::inside && app.view.side_panel != SidePanel::learn)
        open_side_panel(app, SidePanel::inside);
    v.seen_surface = s.show_surface;
    v.seen_hidden = s.show_hidden;
    v.seen_lr = s.show_lr_finder;
}

}  // namespace nnplay::web

namespace nnplay::web {

const char* inside_view_title(const char* name) {
    static constexpr std::pair<const char*, const char*> kTitles[] = {
        {"backprop", "Backprop step by step"}, {"gradients", "Gradient flow"}, {"surface", "Error surface"},
        {"hidden", "Hidden space"}, {"lrfinder", "Learning-rate finder"}};
    for (const auto& [view, title] : kTitles)
        if (std::string_view(name) == view) return title;
    return name;
}

bool view_section(const char* label, bool& flag) {
    ImGui::SetNextItemOpen(flag, ImGuiCond_Always);
    const bool open = ImGui::CollapsingHeader(label);
    flag = open;
    return open;
}

}  // namespace nnplay::web
