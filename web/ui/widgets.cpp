// widgets.cpp: the widgets every panel shares (see widgets.h).
#include "web/ui/widgets.h"

#include "web/focus.h"  // tips are read out with the focused control

#include "engine/assert.h"
#include "engine/help.h"
#include "engine/settings.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace nnplay::web {

ImFont* big_font() {
    ImGuiIO& io = ImGui::GetIO();
    return io.Fonts->Fonts.Size > 1 ? io.Fonts->Fonts[1] : io.Fonts->Fonts[0];
}

float tooltip_wrap(float ems) {
    const ImGuiStyle& style = ImGui::GetStyle();
    return std::min(ImGui::GetFontSize() * ems, ImGui::GetIO().DisplaySize.x - 2 * style.WindowPadding.x - 2 * style.DisplaySafeAreaPadding.x);
}

void tip(const App& app, std::string_view id) {
    focus_describe_item(id);  // read out with the control when it has the focus
    if (app.run.state.hide_text || !ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(tooltip_wrap(24));
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

// "label: value" (or the value) through the slider's own format.
template <typename T>
std::string slider_text(const char* label, const char* format, T value) {
    char number[64];
    if constexpr (std::is_integral_v<T>) std::snprintf(number, sizeof number, format, value);
    else std::snprintf(number, sizeof number, format, double(value));
    return label ? std::string(label) + ": " + number : std::string(number);
}

template <typename T>
bool slider_beside(const char* id, ImGuiDataType type, T& value, T min, T max, const char* format,
                   float width, const char* label, ImGuiSliderFlags flags) {
    const float spacing = ImGui::GetStyle().ItemInnerSpacing.x;
    // The widest of the texts at both ends and now: the place does not change as the value does.
    float text_w = 0;
    for (T v : {min, max, value})
        text_w = std::max(text_w, ImGui::CalcTextSize(slider_text(label, format, v).c_str()).x);
    const bool beside = text_w + spacing <= width * 0.5f;
    ImGui::BeginGroup();
    if (!beside) text(slider_text(label, format, value));
    ImGui::SetNextItemWidth(std::max(1.0f, beside ? width - text_w - spacing : width));
    // ImGui's own text (its format also sets the rounding) is drawn transparent, except while
    // the value is typed in (Ctrl+click).
    const bool typing = ImGui::TempInputIsActive(ImGui::GetID(id));
    if (!typing) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
    const bool changed =
        ImGui::SliderScalar(id, type, &value, &min, &max, format, flags | ImGuiSliderFlags_AlwaysClamp);
    const ImGuiID slider = ImGui::GetItemID();
    // Focused, its value for a screen reader: the text beside it, without a label before ": ".
    if (slider == ImGui::GetCurrentContext()->NavId) {
        const std::string shown = slider_text(label, format, value);
        const std::size_t colon = shown.rfind(": ");
        focus_value_item(colon == std::string::npos ? shown : shown.substr(colon + 2));
    }
    if (!typing) ImGui::PopStyleColor();
    if (beside) {
        ImGui::SameLine(0, spacing);
        text(slider_text(label, format, value));
    }
    ImGui::EndGroup();
    // The group (slider and text) is the item that follows, under the slider's id: a name
    // given to it (record_rect) then also names the slider the keyboard focuses.
    ImGui::GetCurrentContext()->LastItemData.ID = slider;
    return changed;
}
}  // namespace

bool value_slider(const char* id, float& value, float min, float max, const char* format, float width,
                  const char* label, ImGuiSliderFlags flags) {
    return slider_beside(id, ImGuiDataType_Float, value, min, max, format, width, label, flags);
}

bool value_slider(const char* id, int& value, int min, int max, const char* format, float width,
                  const char* label, ImGuiSliderFlags flags) {
    return slider_beside(id, ImGuiDataType_S32, value, min, max, format, width, label, flags);
}

// id given ("##noise" with "Noise: %d"): the format says it all; none: the setting's label.
bool setting_slider(const App& app, const char* key, float& value, float width, const char* format,
                    const char* id) {
    const UiRange& r = ui_range(key);
    const std::string own_id = std::string("##") + key;
    const bool changed =
        value_slider(id ? id : own_id.c_str(), value, float(r.min), float(r.max), format, width,
                     id ? nullptr : find_setting(key)->label, r.log ? ImGuiSliderFlags_Logarithmic : 0);
    tip(app, key);
    return changed;
}

bool setting_slider(const App& app, const char* key, int& value, float width, const char* format,
                    const char* id, int max) {
    const UiRange& r = ui_range(key);
    const int hi = max > 0 ? std::min(max, int(r.max)) : int(r.max);
    const std::string own_id = std::string("##") + key;
    const bool changed = value_slider(id ? id : own_id.c_str(), value, int(r.min), hi, format, width,
                                      id ? nullptr : find_setting(key)->label,
                                      r.log ? ImGuiSliderFlags_Logarithmic : 0);
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

float visible_right() {
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    return window->Pos.x + window->Size.x - window->WindowPadding.x - window->ScrollbarSizes.x;
}

void caption(std::string_view line) {
    ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
    // Too long for the room left in view (a narrow panel): wrapped at the view's edge, not cut
    // off. Not where the caller set where to wrap, nor where the room is a sliver (it would
    // stack the words one a line).
    const float right = visible_right();
    const float room = right - ImGui::GetCursorScreenPos().x;
    const bool wrap = ImGui::GetCurrentWindow()->DC.TextWrapPos < 0 && room >= 8 * ImGui::GetFontSize() &&
                      ImGui::CalcTextSize(line.data(), line.data() + line.size()).x > room;
    if (wrap) ImGui::PushTextWrapPos(right - ImGui::GetWindowPos().x + ImGui::GetScrollX());  // window-local
    text(line);
    if (wrap) ImGui::PopTextWrapPos();
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
    const char* shown = labels[std::clamp(index, 0, count - 1)];
    const bool open = ImGui::BeginCombo(id, shown, flags);
    focus_value_item(shown);  // a screen reader hears the choice with the control
    if (open) {
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

void table_headers_text() {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < ImGui::TableGetColumnCount(); ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::TextUnformatted(ImGui::TableGetColumnName(c));
    }
}

bool confirmed_button(const char* label, const std::string& question, const char* yes) {
    enum { kIdle, kAsking, kJustAsked, kCancelled };
    ImGuiStorage& asked = *ImGui::GetStateStorage();  // per window, by the button's id
    const ImGuiID id = ImGui::GetID(label);
    const int now = asked.GetInt(id, kIdle);
    if (now == kIdle || now == kCancelled) {
        const bool press = ImGui::Button(label);
        // Pressed from the keyboard, each button goes away: the focus follows to the other
        // (Cancel when asking, the button again when cancelled), not back to the page's top.
        if (now == kCancelled) focus_last_item();
        asked.SetInt(id, press ? kJustAsked : kIdle);
        return false;
    }
    coloured(kWarn, question, std::max(1.0f, visible_right() - ImGui::GetCursorScreenPos().x));
    ImGui::PushID(label);
    const bool cancel = ImGui::Button("Cancel");
    if (now == kJustAsked) focus_last_item();
    ImGui::SameLine();
    const bool pressed = ImGui::Button(yes);
    ImGui::PopID();
    asked.SetInt(id, cancel ? kCancelled : pressed ? kIdle : kAsking);
    return pressed;
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
        case Dataset::formula: return "Formula";
    }
    return "?";
}

bool takes_classes(Dataset d) {
    return d == Dataset::spiral || d == Dataset::blobs || d == Dataset::rings || d == Dataset::custom;
}

}  // namespace nnplay::web
