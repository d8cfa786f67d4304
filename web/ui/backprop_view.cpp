// backprop_view.cpp: the Backprop section of the See inside panel: one training step for one
// training point, stepped Forward → Loss → Backward → Update, its numbers written beside the
// neurons of the network view and its gradients drawn as the links (engine/explain.h).
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "web/palette.h"

#include "engine/help.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nnplay::web {
namespace {

constexpr const char* kStageNames[] = {"", "Forward", "Loss", "Backward", "Update"};
constexpr const char* kStageHelp[] = {"backprop.intro", "backprop.forward", "backprop.loss", "backprop.backward",
                                      "backprop.update"};

const ExplainParam* find_param(const Explanation& e, int layer, int to, int from) {
    if (layer < 0 || layer >= int(e.layers.size())) return nullptr;
    for (const ExplainParam& p : e.layers[std::size_t(layer)].params)
        if (p.to == to && p.from == from) return &p;
    return nullptr;
}

bool stepping(const App& app) {
    const BackpropView& b = app.backprop;
    return b.open && b.stage != BackpropStage::none && b.error.empty() && !b.step.layers.empty();
}

// The largest |gradient| of the step: link widths are relative to it.
double largest_gradient(const Explanation& e) {
    double g = 0;
    for (const ExplainLayer& l : e.layers)
        for (const ExplainParam& p : l.params) g = std::max(g, std::fabs(p.grad));
    return g;
}

// The output plot as last drawn: where the plane was on screen (backprop_plot).
struct PlotMap {
    bool drawn = false;
    ImVec2 p0, p1;
    float x0 = 0, y1 = 0, per_px = 1;
    ImVec2 at(const Point& p) const { return {p0.x + (p.x - x0) / per_px, p0.y + (y1 - p.y) / per_px}; }
};
PlotMap plot_map;

void set_stage(App& app, BackpropStage stage) {
    BackpropView& b = app.backprop;
    if (b.point < 0) b.point = 0;
    b.stage = stage;
    app.run.playing = false;  // the run pauses while stepping
    backprop_refresh(app);
}

}  // namespace

void backprop_refresh(App& app) {
    run_settle(app);  // its step starts from a completed epoch's state (explain_step reads it)
    BackpropView& b = app.backprop;
    const Trainer& t = *app.run.trainer;
    const std::vector<Point>& train = t.data().train;
    b.error.clear();
    if (train.empty()) {
        b.error = "There are no training points to step through.";
        return;
    }
    if (b.point < 0 || b.point >= int(train.size())) b.point = 0;
    const Point& p = train[std::size_t(b.point)];
    b.member = std::clamp(app.view.member, 0, t.ensemble_size() - 1);
    b.epoch = t.epoch();
    b.error = explain_step(t, b.member, p.x, p.y, p.label, b.step);
}

bool backprop_apply(App& app) {
    BackpropView& b = app.backprop;
    if (!b.error.empty() || b.step.layers.empty()) return false;
    Trainer& t = *app.run.trainer;
    if (b.member >= t.ensemble_size() || int(b.step.layers.size()) != t.spec().layer_count()) return false;
    undo_record(app);
    for (int l = 0; l < int(b.step.layers.size()); ++l)
        for (const ExplainParam& p : b.step.layers[std::size_t(l)].params) {
            if (p.from < 0) t.set_bias(b.member, l, p.to, float(p.after));
            else t.set_weight(b.member, l, p.to, p.from, float(p.after));
        }
    app.run.weights_touched = true;
    trainer_changed(app, TrainerChange::edited);
    ++b.applied;
    b.stage = BackpropStage::forward;  // the next step starts from the new weights
    backprop_refresh(app);
    return true;
}

void inside_follow_flags(App& app) {
    // Only a flag that turns on opens the panel: closing it by hand with the flag set stays closed.
    static bool was_backprop = false, was_gradients = false;
    const PlaygroundState& s = app.run.state;
    // A lesson that names the view keeps its Learn panel: the section is open in Inside.
    if (((s.show_backprop && !was_backprop) || (s.show_gradients && !was_gradients)) &&
        app.view.side_panel != SidePanel::learn)
        open_side_panel(app, SidePanel::inside);
    was_backprop = s.show_backprop;
    was_gradients = s.show_gradients;
    // Numbers drawn in the network view only while the section is drawn open.
    if (app.view.side_panel != SidePanel::inside) {
        app.backprop.open = false;
        app.gradients.open = false;
    }
}

void backprop_view(App& app, float width) {
    PlaygroundState& s = app.run.state;
    BackpropView& b = app.backprop;
    ImGui::SetNextItemOpen(s.show_backprop);
    b.open = ImGui::CollapsingHeader((std::string(inside_view_title("backprop")) + "###backprop").c_str());
    record_rect(app, "backpropHeader");
    tip(app, "showBackprop");
    s.show_backprop = b.open;
    if (!b.open) return;
    const float sc = app.view.scale;
    const Trainer& t = *app.run.trainer;
    // A step explained for other weights is stale: explain it again.
    if (b.stage != BackpropStage::none && (b.epoch != t.epoch() || app.pictures.dirty)) backprop_refresh(app);

    const int points = int(t.data().train.size());
    ImGui::PushID("backprop");
    ImGui::TextUnformatted("Training point");
    ImGui::SameLine();
    int shown = b.point < 0 ? 0 : b.point + 1;
    ImGui::SetNextItemWidth(90 * sc);
    const bool typed = ImGui::InputInt("##point", &shown);
    focus_label_stepper("Training point", std::to_string(shown), "1");
    if (typed && points > 0) {
        b.point = std::clamp(shown, 1, points) - 1;
        set_stage(app, BackpropStage::forward);
    }
    ImGui::SameLine();
    if (ImGui::Button("Next point") && points > 0) {
        b.point = (b.point + 1) % points;
        set_stage(app, BackpropStage::forward);
    }
    record_rect(app, "backpropNextPoint");
    // The stages, as buttons (the page's → key already steps an epoch).
    for (int k = 1; k <= 4; ++k) {
        if (k > 1) ImGui::SameLine();
        const bool on = int(b.stage) == k;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(kStageNames[k])) set_stage(app, BackpropStage(k));
        if (on) ImGui::PopStyleColor();
        record_rect(app, (std::string("backprop") + kStageNames[k]).c_str());
    }
    ImGui::Checkbox("Check with numbers", &b.check);
    record_rect(app, "backpropCheck");
    tip(app, "backprop.check");

    if (!s.hide_text) coloured(kMuted, std::string(help_text(kStageHelp[int(b.stage)])), width);
    if (!b.error.empty()) {
        coloured(kWarn, b.error, width);
        ImGui::PopID();
        return;
    }
    if (b.stage == BackpropStage::none) {
        ImGui::PopID();
        return;
    }
    const Explanation& e = b.step;
    ImGui::Text("Point (%.3g, %.3g), label %g; epoch %d", e.x, e.y, e.label, e.epoch);
    if (b.stage >= BackpropStage::loss) {
        ImGui::Text("Loss %.5g", e.loss);
        if (e.regularization != "none")
            ImGui::Text("+ %s penalty %.5g (rate %g)", e.regularization.c_str(), e.reg_loss, e.regularization_rate);
    }
    if (b.stage == BackpropStage::forward) caption("z and a are written on each neuron (z above a).");
    if (b.stage == BackpropStage::backward) {
        caption("dL/dz on each neuron; links by gradient (hover one for its number).");
        if (b.check) ImGui::Text("Chain rule vs numbers: largest difference %.2g (relative)", e.max_relative_error);
    }
    if (b.stage == BackpropStage::update) {
        ImGui::Text("Learning rate %g, %s", e.learning_rate, e.optimizer.c_str());
        // The weights that move most, before → after.
        std::vector<std::pair<double, std::string>> moves;
        for (std::size_t l = 0; l < e.layers.size(); ++l)
            for (const ExplainParam& p : e.layers[l].params) {
                char line[160];
                if (p.from < 0)
                    std::snprintf(line, sizeof line, "bias L%zu n%d: %.4f -> %.4f", l + 1, p.to + 1, p.value, p.after);
                else
                    std::snprintf(line, sizeof line, "w L%zu %d->%d: %.4f -> %.4f", l + 1, p.from + 1, p.to + 1,
                                  p.value, p.after);
                moves.emplace_back(std::fabs(p.after - p.value), line);
            }
        std::stable_sort(moves.begin(), moves.end(), [](const auto& a, const auto& c) { return a.first > c.first; });
        for (std::size_t i = 0; i < moves.size() && i < 8; ++i) ImGui::TextUnformatted(moves[i].second.c_str());
        if (moves.size() > 8) caption("(the 8 weights that move most; hover a link for any other)");
        if (ImGui::Button("Apply this step")) backprop_apply(app);
        record_rect(app, "backpropApply");
    }
    ImGui::PopID();
}

void backprop_plot(App& app, ImDrawList* dl, ImVec2 p0, ImVec2 p1, float x0, float y1, float per_px, bool clicked) {
    plot_map = {true, p0, p1, x0, y1, per_px};
    BackpropView& b = app.backprop;
    if (!b.open) return;
    const std::vector<Point>& train = app.run.trainer->data().train;
    const float sc = app.view.scale;
    // A click picks the nearest training point within a few pixels (a drawn point is about
    // 4 px across; a finger needs more room than a mouse, which the radius allows).
    if (clicked && !app.view.draw_mode) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        const float reach = 9 * sc;
        float best = reach * reach;
        int pick = -1;
        for (int i = 0; i < int(train.size()); ++i) {
            const ImVec2 s = plot_map.at(train[std::size_t(i)]);
            const float d = (s.x - m.x) * (s.x - m.x) + (s.y - m.y) * (s.y - m.y);
            if (d < best) best = d, pick = i;
        }
        if (pick >= 0) {
            b.point = pick;
            set_stage(app, b.stage == BackpropStage::none ? BackpropStage::forward : b.stage);
        }
    }
    if (b.point < 0 || b.point >= int(train.size())) return;
    // The picked point, ringed: dark over a white halo, readable on either class's colour.
    const ImVec2 c = plot_map.at(train[std::size_t(b.point)]);
    dl->PushClipRect(p0, p1, true);
    dl->AddCircle(c, 8 * sc, IM_COL32(255, 255, 255, 230), 24, 4.5f * sc);
    dl->AddCircle(c, 8 * sc, IM_COL32(20, 20, 20, 255), 24, 2 * sc);
    dl->PopClipRect();
}

bool backprop_point_on_screen(const App& app, int i, float& x, float& y) {
    const std::vector<Point>& train = app.run.trainer->data().train;
    if (!plot_map.drawn || i < 0 || i >= int(train.size())) return false;
    const ImVec2 s = plot_map.at(train[std::size_t(i)]);
    if (s.x < plot_map.p0.x || s.x > plot_map.p1.x || s.y < plot_map.p0.y || s.y > plot_map.p1.y) return false;
    x = s.x / app.view.dpr;
    y = s.y / app.view.dpr;
    return true;
}

WidgetRect backprop_draw_neuron(const App& app, ImDrawList* dl, int layer, int node, ImVec2 min, ImVec2 max,
                                float room, float above) {
    if (!stepping(app)) return {};
    const BackpropView& b = app.backprop;
    const Explanation& e = b.step;
    if (layer >= int(e.layers.size()) || node >= int(e.layers[std::size_t(layer)].neurons.size())) return {};
    const ExplainNeuron& u = e.layers[std::size_t(layer)].neurons[std::size_t(node)];
    const bool backward = b.stage >= BackpropStage::backward;
    const float sc = app.view.scale;
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize() * 0.8f;
    // Named and with 3 digits where the columns leave room, else the numbers alone (the view's
    // caption names them), with 2 digits if need be: a label never reaches the column before.
    char text[96];
    ImVec2 extent;
    for (int form = 0; form < 3; ++form) {
        const char* named = form == 0 ? (backward ? "dL/dz " : "z ") : "";
        const char* named_a = form == 0 ? "a " : "";
        const int digits = form == 2 ? 2 : 3;
        if (backward) std::snprintf(text, sizeof text, "%s%.*g", named, digits, u.dz);
        else std::snprintf(text, sizeof text, "%s%.*g\n%s%.*g", named, digits, u.z, named_a, digits, u.a);
        extent = font->CalcTextSizeA(size, 1e9f, 0, text);
        if (extent.x <= room - 6 * sc) break;
    }
    // Above the neuron where the gap to the one above has room, else over its own top.
    const float y = extent.y + 1 * sc <= above ? min.y - extent.y - 1 * sc : min.y + 1 * sc;
    const ImVec2 at(max.x - extent.x, y);
    const ImVec2 box0(at.x - 2 * sc, at.y), box1(max.x + 1 * sc, at.y + extent.y + 1 * sc);
    dl->AddRectFilled(box0, box1, IM_COL32(255, 255, 255, 215), 2 * sc);
    dl->AddText(font, size, at, IM_COL32(20, 20, 20, 255), text);
    const float px = app.view.dpr;  // to CSS pixels
    WidgetRect r;
    r.x = box0.x / px, r.y = box0.y / px, r.w = (box1.x - box0.x) / px, r.h = (box1.y - box0.y) / px;
    return r;
}

bool backprop_link_style(const App& app, int layer, int to, int from, ImU32& colour, float& thick) {
    if (!stepping(app) || app.backprop.stage < BackpropStage::backward) return false;
    const ExplainParam* p = find_param(app.backprop.step, layer, to, from);
    if (!p) return false;
    const double top = largest_gradient(app.backprop.step);
    const float share = top > 0 ? float(std::fabs(p->grad) / top) : 0.0f;
    // The direction the step moves the weight: against the gradient.
    colour = link_color(float(-p->grad)).u32(std::uint8_t(60 + 195 * share));
    thick = std::max(1.0f, std::round((0.5f + 6.5f * share) * app.view.scale));
    return true;
}

void backprop_link_tooltip(const App& app, int layer, int to, int from) {
    if (!stepping(app) || app.backprop.stage < BackpropStage::backward) return;
    const ExplainParam* p = find_param(app.backprop.step, layer, to, from);
    if (!p) return;
    ImGui::BeginTooltip();
    ImGui::Text("dL/dw %.5g", p->grad);
    if (p->grad_reg != 0) ImGui::Text("  (data %.5g, regulariser %.5g)", p->grad_data, p->grad_reg);
    if (app.backprop.check) ImGui::Text("numbers: %.5g", p->numeric);
    if (app.backprop.stage == BackpropStage::update) ImGui::Text("%.5f -> %.5f", p->value, p->after);
    ImGui::EndTooltip();
}

}  // namespace nnplay::web
