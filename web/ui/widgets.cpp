// widgets.cpp: the widgets every panel shares (see widgets.h).
#include "web/ui/widgets.h"

#include "engine/assert.h"
#include "engine/help.h"
#include "engine/settings.h"

#include <algorithm>
#include <cmath>

namespace nnplay::web {

ImFont* big_font() {
    ImGuiIO& io = ImGui::GetIO();
    return io.Fonts->Fonts.Size > 1 ? io.Fonts->Fonts[1] : io.Fonts->Fonts[0];
}

void tip(const App& app, std::string_view id) {
    if (app.run.state.hide_text || !ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    text(help_text(id));
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

namespace {
// The page's range of a setting; every key the UI passes has one (test_settings checks the table).
const UiRange& ui_range(const char* key) {
    const Setting* setting = find_setting(key);
    NNPLAY_ASSERT(setting && !setting->ui.empty());
    return setting->ui;
}
const char* slider_label(const char* key, const char* id) { return id ? id : find_setting(key)->label; }
}  // namespace

bool setting_slider(const App& app, const char* key, float& value, float width, const char* format,
                    const char* id) {
    const UiRange& r = ui_range(key);
    ImGui::SetNextItemWidth(width);
    const ImGuiSliderFlags flags = ImGuiSliderFlags_AlwaysClamp | (r.log ? ImGuiSliderFlags_Logarithmic : 0);
    const bool changed = ImGui::SliderFloat(slider_label(key, id), &value, float(r.min), float(r.max), format, flags);
    tip(app, key);
    return changed;
}

bool setting_slider(const App& app, const char* key, int& value, float width, const char* format,
                    const char* id, int max) {
    const UiRange& r = ui_range(key);
    ImGui::SetNextItemWidth(width);
    const ImGuiSliderFlags flags = ImGuiSliderFlags_AlwaysClamp | (r.log ? ImGuiSliderFlags_Logarithmic : 0);
    const int hi = max > 0 ? std::min(max, int(r.max)) : int(r.max);
    const bool changed = ImGui::SliderInt(slider_label(key, id), &value, int(r.min), hi, format, flags);
    tip(app, key);
    return changed;
}

bool hidden(App& app, const char* control, const char* rect) {
    const std::vector<std::string>& h = app.run.state.hidden_controls;
    if (std::find(h.begin(), h.end(), control) == h.end()) return false;
    app.view.rects.erase(rect ? rect : control);
    return true;
}

void text(std::string_view text) { ImGui::TextUnformatted(text.data(), text.data() + text.size()); }

void caption(std::string_view line) {
    ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
    text(line);
    ImGui::PopStyleColor();
}

void heading(std::string_view line) {
    ImGui::PushStyleColor(ImGuiCol_Text, kHeading);
    text(line);
    ImGui::PopStyleColor();
}

void coloured(ImU32 colour, const std::string& text, float wrap) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    if (wrap > 0) ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextUnformatted(text.c_str());
    if (wrap > 0) ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void Flow::next(float width) {
    if (!first) {
        ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 2);
        if (ImGui::GetCursorPosX() + width > right) ImGui::NewLine();
    }
    first = false;
}

bool choice(const char* id, int& index, const char* const* labels, int count, float width,
            ImGuiComboFlags flags) {
    ImGui::SetNextItemWidth(width);
    bool changed = false;
    if (ImGui::BeginCombo(id, labels[std::clamp(index, 0, count - 1)], flags)) {
        for (int i = 0; i < count; ++i) {
            if (ImGui::Selectable(labels[i], i == index)) {
                changed = index != i;
                index = i;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

bool icon_button(const char* id, Icon icon, float radius, bool primary) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::InvisibleButton(id, ImVec2(radius * 2, radius * 2));
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 c(p.x + radius, p.y + radius);
    const Palette& pal = palette();
    ImU32 fill = primary ? (hovered ? pal.icon_primary_hovered : pal.icon_primary).u32()
                         : (hovered ? pal.button_hovered : pal.button).u32();
    ImU32 ink = primary ? pal.icon_ink.u32() : pal.text.u32();
    dl->AddCircleFilled(c, radius, fill, 32);
    const float r = radius * 0.42f;
    switch (icon) {
        case Icon::play:
            dl->AddTriangleFilled(ImVec2(c.x - r * 0.7f, c.y - r), ImVec2(c.x - r * 0.7f, c.y + r),
                                  ImVec2(c.x + r, c.y), ink);
            break;
        case Icon::pause:
            dl->AddRectFilled(ImVec2(c.x - r * 0.8f, c.y - r), ImVec2(c.x - r * 0.25f, c.y + r), ink);
            dl->AddRectFilled(ImVec2(c.x + r * 0.25f, c.y - r), ImVec2(c.x + r * 0.8f, c.y + r), ink);
            break;
        case Icon::step:
            dl->AddTriangleFilled(ImVec2(c.x - r * 0.8f, c.y - r), ImVec2(c.x - r * 0.8f, c.y + r),
                                  ImVec2(c.x + r * 0.5f, c.y), ink);
            dl->AddRectFilled(ImVec2(c.x + r * 0.5f, c.y - r), ImVec2(c.x + r * 0.85f, c.y + r), ink);
            break;
        case Icon::reset: {
            dl->PathArcTo(c, r, 0.6f, 5.6f, 20);
            dl->PathStroke(ink, 0, radius * 0.12f);
            ImVec2 tip_at(c.x + r * std::cos(0.6f), c.y + r * std::sin(0.6f));
            float a = radius * 0.22f;
            dl->AddTriangleFilled(ImVec2(tip_at.x - a, tip_at.y), ImVec2(tip_at.x + a, tip_at.y),
                                  ImVec2(tip_at.x, tip_at.y + a * 1.2f), ink);
            break;
        }
    }
    return pressed;
}

std::vector<Point> points_shown(const App& app) {
    const DataSplit& data = app.run.trainer->data();
    std::vector<Point> points;
    for (const auto* part : {&data.train, &data.val, &data.test}) points.insert(points.end(), part->begin(), part->end());
    return points;
}

const char* dataset_label(Dataset d) {
    switch (d) {
        case Dataset::circle: return "Circle";
        case Dataset::xor_: return "Exclusive or";
        case Dataset::gauss: return "Gaussian";
        case Dataset::spiral: return "Spiral";
        case Dataset::moons: return "Moons";
        case Dataset::checkerboard: return "Checkerboard";
        case Dataset::blobs: return "Blobs";
        case Dataset::rings: return "Rings";
        case Dataset::reg_plane: return "Plane";
        case Dataset::reg_gauss: return "Multi Gaussian";
        case Dataset::custom: return "Your own points";
    }
    return "?";
}

bool takes_classes(Dataset d) {
    return d == Dataset::spiral || d == Dataset::blobs || d == Dataset::rings || d == Dataset::custom;
}

}  // namespace nnplay::web
