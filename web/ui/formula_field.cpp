// formula_field.cpp: the text field of a typed formula (activation or data set) with its error
// in place, and the small plot of an activation formula and its slope beside it.
#include "web/ui/formula_field.h"

#include "web/ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace nnplay::web {

bool formula_field(App& app, const char* rect, std::string& text, FormulaVars vars, float width,
                   const char* tip_id) {
    FormulaEdit& e = app.view.formula_edits[rect];
    if (e.shown != text) {  // the state changed elsewhere (a link, undo, a combo): show it
        e.shown = text;
        e.typed = text;
        e.error.clear();
    }
    // Room for the longest formula in UTF-8 (up to 4 bytes a character).
    char buf[kFormulaMaxLength * 4 + 1];
    const size_t n = std::min(e.typed.size(), sizeof buf - 1);
    std::memcpy(buf, e.typed.data(), n);
    buf[n] = 0;
    ImGui::SetNextItemWidth(width);
    const std::string id = std::string("##") + rect;
    const bool entered = ImGui::InputText(id.c_str(), buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue);
    e.typed = buf;
    record_rect(app, rect);
    tip(app, tip_id);
    bool applied = false;
    if (entered) {
        FormulaError error;
        if (Formula::compile(e.typed, vars, &error)) {
            text = e.typed;
            e.shown = text;
            e.error.clear();
            applied = true;
        } else {
            e.error = error.message();
        }
    }
    if (!e.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kBad));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(width, 120 * app.view.scale));
        ImGui::TextUnformatted(e.error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        record_rect(app, (std::string(rect) + "Error").c_str());
    }
    return applied;
}

void formula_plot(App& app, const std::string& text, float size) {
    const float sc = app.view.scale;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    tip(app, "ui.activationFormula");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 q(p.x + size, p.y + size);
    dl->AddRect(p, q, palette().separator.u32());
    const auto f = Formula::compile(text, FormulaVars::x);
    if (!f) return;
    constexpr int kSteps = 48;
    std::vector<double> xs(kSteps + 1), ys(kSteps + 1), ds(kSteps + 1);
    double lo = -1, hi = 1;  // the vertical range: at least [-1, 1], at most [-8, 8]
    for (int i = 0; i <= kSteps; ++i) {
        xs[size_t(i)] = -4 + 8.0 * i / kSteps;
        double d = 0;
        const double y = f->eval_with_derivative(xs[size_t(i)], d);
        ys[size_t(i)] = y;
        ds[size_t(i)] = d;
        for (double v : {y, d})
            if (std::isfinite(v)) {
                lo = std::min(lo, std::max(v, -8.0));
                hi = std::max(hi, std::min(v, 8.0));
            }
    }
    auto to_screen = [&](double x, double y) {
        y = std::clamp(y, lo, hi);
        return ImVec2(p.x + float((x + 4) / 8) * size, q.y - float((y - lo) / (hi - lo)) * size);
    };
    // The axes where they fall inside the plot.
    dl->AddLine(to_screen(-4, 0), to_screen(4, 0), kMuted, 1);
    dl->AddLine(ImVec2(p.x + size / 2, p.y), ImVec2(p.x + size / 2, q.y), kMuted, 1);
    for (int i = 0; i < kSteps; ++i) {
        const size_t a = size_t(i), b = a + 1;
        if (std::isfinite(ys[a]) && std::isfinite(ys[b]))
            dl->AddLine(to_screen(xs[a], ys[a]), to_screen(xs[b], ys[b]), kInk, 1.5f * sc);
        if (i % 2 == 0 && std::isfinite(ds[a]) && std::isfinite(ds[b]))  // dashed: every other step
            dl->AddLine(to_screen(xs[a], ds[a]), to_screen(xs[b], ds[b]), kOrange, 1.2f * sc);
    }
}

}  // namespace nnplay::web
