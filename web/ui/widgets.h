// widgets.h: what every panel of the page shares: the one tooltip
// (its text from engine/help.txt, none with hideText=true), captions and headings, the
// flow of groups in the top bar, choices over fixed lists, the round icon buttons, and the
// labels of the settings' choices.
#pragma once

#include "web/app.h"
#include "web/focus.h"  // the combos tell a screen reader their choice
#include "web/palette.h"

#include <imgui.h>

#include <cstdio>
#include <iterator>
#include <string>
#include <string_view>

namespace nnplay::web {

// The colours of text (kInk, kMuted, kDisabled, kHeading, kWarn, kBad, kAxis) are in
// web/palette.h: they follow the theme.

// The larger font (the epoch counter); the normal one if only that loaded.
ImFont* big_font();

// The tooltip of the last item: help_text(id) (engine/help.txt). None with hideText=true,
// TensorFlow Playground's switch for a page without explanations.
void tip(const App& app, std::string_view id);
// A tooltip's wrap width: `ems` font sizes, or the window's width where that is less (a phone).
float tooltip_wrap(float ems);

// TensorFlow Playground's <control>_hide=true keys: a hidden control is not drawn, and the
// test API has no rectangle for it (rect: its name there, when it differs).
bool hidden(App& app, const char* control, const char* rect = nullptr);

// A slider for the setting `key` over its page range (engine/settings: the range, the step,
// a logarithmic scale, the label), `width` pixels wide, followed by its tooltip. id: ImGui's
// label, e.g. "##noise" with format "Noise: %d"; null: the setting's own label. max: a lower
// upper bound than the table's (the batch size cannot exceed the training points), or 0.
bool setting_slider(const App& app, const char* key, float& value, float width, const char* format,
                    const char* id = nullptr);
bool setting_slider(const App& app, const char* key, int& value, float width, const char* format,
                    const char* id = nullptr, int max = 0);

// A slider `width` pixels wide whose text ("label: value", or the value) is never under its
// handle: beside the track when it takes under half the width, else on a line above it. The
// group is the last item (for record_rect and tip). label: null for the value alone.
bool value_slider(const char* id, float& value, float min, float max, const char* format, float width,
                  const char* label = nullptr, ImGuiSliderFlags flags = 0);
bool value_slider(const char* id, int& value, int min, int max, const char* format, float width,
                  const char* label = nullptr, ImGuiSliderFlags flags = 0);

void text(std::string_view text);
void caption(std::string_view text);  // muted, wrapped at the window's visible edge
// The current window's right edge in view, screen pixels: inside its padding and vertical
// scrollbar, wherever it is scrolled sideways.
float visible_right();
void heading(std::string_view text);  // a section's title
// Text in a colour, wrapped at `wrap` pixels from the cursor if wrap > 0.
void coloured(ImU32 colour, const std::string& text, float wrap = 0);

// Places groups left to right, wrapping to a new row when one would not fit.
struct Flow {
    float right;
    bool first = true;
    void next(float width);
};

// A combo over a fixed list of labels; returns true when the choice changed.
bool choice(const char* id, int& index, const char* const* labels, int count, float width,
            ImGuiComboFlags flags = 0);

// A combo over an enum whose labels are listed in the enum's order.
template <typename E, std::size_t N>
void enum_choice(const char* id, E& value, const char* const (&labels)[N], float width) {
    int index = int(value);
    if (choice(id, index, labels, int(N), width)) value = E(index);
}

// A plain-text number, trimmed ("0.03", "1e-05").
inline void format_number(char* out, size_t size, double v) { std::snprintf(out, size, "%g", v); }

// A combo over TensorFlow Playground's fixed list of rates; the current value shows even when
// it is not on the list (typed, or from a link).
template <size_t N>
void rate_choice(const char* id, float& value, const double (&rates)[N], float width) {
    char text[24];
    format_number(text, sizeof text, value);
    ImGui::SetNextItemWidth(width);
    const bool open = ImGui::BeginCombo(id, text);
    focus_value_item(text);  // a screen reader hears the rate with the control
    if (open) {
        for (double rate : rates) {
            format_number(text, sizeof text, rate);
            if (ImGui::Selectable(text, std::abs(value - rate) < 1e-9 * (1 + rate))) value = float(rate);
        }
        ImGui::EndCombo();
    }
}

// A table's header row as text: ImGui's TableHeadersRow makes each header a control (for
// sorting, which our tables do not do), a Tab stop with nothing to say or do.
void table_headers_text();

// A button whose action cannot be undone ("Forget all", "Reset progress"): the first press
// asks `question` in its place, with "Cancel" and `yes`; true when `yes` is pressed. The last
// item is the button shown (the first, or `yes`), for record_rect.
bool confirmed_button(const char* label, const std::string& question, const char* yes);

// A round icon button (play, pause, step, reset), TensorFlow Playground style.
enum class Icon { play, pause, step, reset };
bool icon_button(const char* id, Icon icon, float radius, bool primary);

// ---- Labels for the settings' choices, in the enums' order ---------------------------------

inline constexpr const char* kActivationLabels[] = {"Linear", "Sigmoid", "Tanh", "ReLU", "Leaky ReLU",
                                                    "ELU", "Softplus", "Swish", "Formula..."};
inline constexpr const char* kRegularizationLabels[] = {"None", "L1", "L2"};
inline constexpr const char* kOptimizerLabels[] = {"SGD", "Momentum", "Nesterov", "RMSprop", "Adam"};
inline constexpr const char* kInitLabels[] = {"Zeros", "Uniform", "Gaussian", "Xavier uniform",
                                              "Xavier normal", "He uniform", "He normal"};
inline constexpr const char* kScheduleLabels[] = {"Constant", "Step", "Exponential", "On plateau"};
inline constexpr const char* kLossLabels[] = {"Log loss (sigmoid)", "Square loss (tanh)"};
inline constexpr const char* kModelLabels[] = {"Multi-layer (MLP)", "Perceptron"};

const char* dataset_label(Dataset d);
// The data sets whose class count the user picks (the others have two classes).
bool takes_classes(Dataset d);

}  // namespace nnplay::web
