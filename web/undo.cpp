// undo.cpp: the undo history (undo.h): snapshots taken before each user edit, bounded in
// steps and memory, put back by run_restore; the Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y keys and the
// ↶ ↷ buttons.
#include "web/undo.h"

#include "web/app.h"
#include "web/ui/widgets.h"

#include "engine/link.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>

namespace nnplay::web {
namespace {

// The playground as the trainer has it now.
UndoStep snapshot(const App& app) {
    const Trainer& t = *app.run.trainer;
    UndoStep step;
    step.state = t.state();
    step.epoch = t.epoch();
    step.weights_touched = app.run.weights_touched;
    if (t.epoch() > 0 || t.epoch_position() > 0 || app.run.weights_touched) step.weights = trainer_weights(t, WeightFormat::float32);
    return step;
}

// Drops the oldest steps beyond the limits (the newest step always stays).
void trim(std::vector<UndoStep>& steps) {
    std::size_t bytes = 0;
    std::size_t keep = 0;
    for (auto it = steps.rbegin(); it != steps.rend(); ++it, ++keep) {
        bytes += it->bytes();
        if (keep >= 1 && (keep >= kUndoMaxSteps || bytes > kUndoMaxBytes)) break;
    }
    if (keep < steps.size()) steps.erase(steps.begin(), steps.end() - long(keep));
}

// Moves the playground to the newest step of `from`; the current one goes to `to`.
bool step_over(App& app, std::vector<UndoStep>& from, std::vector<UndoStep>& to) {
    if (from.empty()) return false;
    UndoStep step = std::move(from.back());
    from.pop_back();
    to.push_back(snapshot(app));
    trim(to);
    History& h = app.history;
    h.restoring = true;
    run_restore(app, step.state, step.weights ? &*step.weights : nullptr, step.epoch, step.weights_touched);
    h.restoring = false;
    h.gesture_press = -1;
    return true;
}

}  // namespace

std::size_t UndoStep::bytes() const {
    std::size_t n = sizeof(UndoStep) + state.points.size() * sizeof(Point);
    if (weights)
        for (const auto& member : weights->members) n += member.size() * sizeof(float);
    return n;
}

void undo_record(App& app) {
    History& h = app.history;
    if (h.restoring || !app.run.trainer) return;
    // One step per mouse press: a slider dragged over many frames is one edit.
    const ImGuiIO& io = ImGui::GetIO();
    const bool down = io.MouseDown[0] || io.MouseDown[1];
    const double press = std::max(io.MouseClickedTime[0], io.MouseClickedTime[1]);
    if (down && press == h.gesture_press) return;
    h.gesture_press = down ? press : -1;
    h.undo.push_back(snapshot(app));
    trim(h.undo);
    h.redo.clear();
}

bool undo(App& app) { return step_over(app, app.history.undo, app.history.redo); }
bool redo(App& app) { return step_over(app, app.history.redo, app.history.undo); }

void undo_shortcuts(App& app, const std::vector<int>& keys) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;  // the field's own Ctrl+Z
    bool ctrl = io.KeyCtrl || io.KeySuper, shift = io.KeyShift;
    for (int key : keys) {
        // Scripted or quick input: the modifier's press and the key's may fall in one frame.
        if (key == GLFW_KEY_LEFT_CONTROL || key == GLFW_KEY_RIGHT_CONTROL || key == GLFW_KEY_LEFT_SUPER ||
            key == GLFW_KEY_RIGHT_SUPER)
            ctrl = true;
        if (key == GLFW_KEY_LEFT_SHIFT || key == GLFW_KEY_RIGHT_SHIFT) shift = true;
        if (!ctrl) continue;
        if (key == GLFW_KEY_Z && !shift) undo(app);
        else if (key == GLFW_KEY_Z || key == GLFW_KEY_Y) redo(app);
    }
}

void undo_buttons(App& app) {
    const History& h = app.history;
    const float side = ImGui::GetFrameHeight();
    ImGui::BeginDisabled(h.undo.empty());
    if (ImGui::Button("\xe2\x86\xb6##undo", ImVec2(side * 1.4f, side))) undo(app);  // ↶
    ImGui::EndDisabled();
    record_rect(app, "undo");
    tip(app, "ui.undo");
    ImGui::SameLine();
    ImGui::BeginDisabled(h.redo.empty());
    if (ImGui::Button("\xe2\x86\xb7##redo", ImVec2(side * 1.4f, side))) redo(app);  // ↷
    ImGui::EndDisabled();
    record_rect(app, "redo");
    tip(app, "ui.redo");
}

}  // namespace nnplay::web
