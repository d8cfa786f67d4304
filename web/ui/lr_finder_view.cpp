// lr_finder_view.cpp: the See inside section of the learning-rate finder: a button runs it on
// a copy of the network a few steps a frame (progress shown), then the smoothed loss against
// the rate on a log axis, the suggestion marked, and "Use this rate" (undo puts the old back).
#include "web/app.h"
#include "web/palette.h"
#include "web/platform.h"
#include "web/ui/widgets.h"

#include "engine/help.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace nnplay::web {

namespace {

constexpr double kFinderBudgetMs = 3.0;  // finder work per frame

// The loss curve on a log rate axis, the edge of stability and the suggestion marked.
void plot(App& app, const LrFinderResult& r, float width) {
    const float sc = app.view.scale;
    const float w = std::min(width, 360 * sc), h = std::min(width * 0.6f, 200 * sc);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##lrPlot", ImVec2(w, h));
    const ImVec2 p1(p0.x + w, p0.y + h);
    record_rect_at(app, "lrFinderPlot", p0, p1);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, p1, palette().chart_bg.u32());
    dl->AddRect(p0, p1, palette().chart_frame.u32());
    if (r.rates.size() < 2) return;
    const double x0 = std::log10(r.rates.front()), x1 = std::log10(std::max(r.rates.back(), r.rates.front() * 10));
    // The y range: from the lowest loss to a bit above the starting loss (a blow-up is cut off).
    double lo = r.losses[std::size_t(std::max(r.best, 0))], hi = r.losses.front();
    for (double L : r.losses) hi = std::max(hi, std::min(L, 2 * r.losses.front()));
    if (!(hi > lo)) hi = lo + 1e-9;
    const double pad = 0.06 * (hi - lo);
    lo -= pad, hi += pad;
    auto at = [&](double rate, double loss) {
        return ImVec2(p0.x + w * float((std::log10(rate) - x0) / (x1 - x0)),
                      p1.y - h * float((std::clamp(loss, lo, hi) - lo) / (hi - lo)));
    };
    // Decades on the rate axis.
    for (int d = int(std::ceil(x0)); d <= int(std::floor(x1)); ++d) {
        const ImVec2 a = at(std::pow(10.0, d), lo);
        dl->AddLine(ImVec2(a.x, p0.y), ImVec2(a.x, p1.y), palette().chart_grid.u32());
        char label[16];
        std::snprintf(label, sizeof label, "1e%d", d);
        dl->AddText(ImVec2(a.x + 2 * sc, p1.y - ImGui::GetFontSize() - 1 * sc), kAxis, label);
    }
    std::vector<ImVec2> line;
    for (std::size_t k = 0; k < r.rates.size(); ++k) line.push_back(at(r.rates[k], r.losses[k]));
    dl->PushClipRect(p0, p1, true);
    dl->AddPolyline(line.data(), int(line.size()), palette().train_line.u32(), ImDrawFlags_None, 2 * sc);
    if (r.edge >= 0) {
        const ImVec2 e = at(r.rates[std::size_t(r.edge)], lo);
        dl->AddLine(ImVec2(e.x, p0.y), ImVec2(e.x, p1.y), kWarn, 1 * sc);
    }
    if (r.suggested >= 0) {
        const ImVec2 s = at(r.suggestion, r.losses[std::size_t(r.suggested)]);
        dl->AddLine(ImVec2(s.x, p0.y), ImVec2(s.x, p1.y), palette().accent.u32(), 2 * sc);
        dl->AddCircleFilled(s, 4.5f * sc, palette().accent.u32());
    }
    dl->PopClipRect();
    if (ImGui::IsItemHovered()) {
        const float f = (ImGui::GetMousePos().x - p0.x) / w;
        const double rate = std::pow(10.0, x0 + f * (x1 - x0));
        std::size_t k = 0;
        while (k + 1 < r.rates.size() && r.rates[k + 1] <= rate) ++k;
        ImGui::SetTooltip("rate %.3g: loss %.4g", r.rates[k], r.losses[k]);
    }
}

}  // namespace

void lr_finder_view(App& app, float width) {
    if (!view_section(inside_view_title("lrfinder"), app.run.state.show_lr_finder)) return;
    LrFinderView& v = app.inside_views.lr;
    if (!app.run.state.hide_text) coloured(kMuted, std::string(help_text("ui.lrFinder")), width);

    if (v.running) {
        const double start = now_ms();
        // A step at a time: a step is a batch, up to thousands of points through the network.
        while (!v.finder.done() && now_ms() - start < kFinderBudgetMs) v.finder.step(1);
        v.ms = now_ms() - start;
        app_wake(app);  // the next frames go on with the finder even when nothing trains
        if (v.finder.done()) {
            v.running = false;
            v.result = v.finder.result();
            v.have_result = true;
        }
        const float done = float(v.finder.steps_done()) / float(std::max(1, v.finder.steps_total()));
        ImGui::ProgressBar(done, ImVec2(std::min(width, 240 * app.view.scale), 0), "Trying rates...");
        record_rect(app, "lrFinderProgress");
        ImGui::SameLine();
        if (ImGui::Button("Stop")) v.running = false;
    } else {
        if (ImGui::Button(v.have_result ? "Find again" : "Find a learning rate")) {
            v.finder.begin(*app.run.trainer);
            v.running = true;
        }
        record_rect(app, "lrFinderRun");
        tip(app, "ui.lrFinder");
    }
    const LrFinderResult& r = v.running ? v.finder.result() : v.result;
    if (!v.running && !v.have_result) return;
    if (!r.error.empty()) {
        coloured(kWarn, r.error, width);
        return;
    }
    plot(app, r, width);
    if (v.running || r.suggested < 0) return;
    char text[160];
    std::snprintf(text, sizeof text, "Suggested rate: %.3g (the line; unstable from %.3g, the orange line).",
                  r.suggestion, r.rates[std::size_t(std::max(r.edge, 0))]);
    caption(text);
    const float rate = float(r.suggestion);
    ImGui::BeginDisabled(app.run.state.learning_rate == rate);
    if (ImGui::Button("Use this rate")) app.run.state.learning_rate = rate;
    ImGui::EndDisabled();
    record_rect(app, "lrFinderUse");
    tip(app, "ui.lrFinderUse");
}

}  // namespace nnplay::web
