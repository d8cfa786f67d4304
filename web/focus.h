// focus.h: keyboard focus for the page. Every navigable ImGui item is recorded as it is
// added (ImGui's test-engine item hook); Tab / Shift+Tab move ImGui's navigation focus
// through them in reading order (ImGui 1.86 tabs only through text fields), Enter activates
// a focused button as Space does, and a ring of our own marks the focused control.
#pragma once

#include "web/app.h"

#include <string>
#include <string_view>
#include <vector>

namespace nnplay::web {

// A named control of the last frame drawn (record_rect), for the test API.
struct NamedControl {
    std::string name;
    WidgetRect rect;       // CSS pixels
    bool visible = false;  // wholly inside the viewport and its panel's visible (scrolled) area
};

// Tab (+1) or Shift+Tab (-1), applied by the next focus_begin_frame.
void focus_tab(int direction);

// Before ImGui::NewFrame (after input_apply): moves the focus a Tab asked for, lets Enter
// activate a focused button, and starts recording this frame's items.
void focus_begin_frame(App& app);

// After the UI, before ImGui::Render: this frame's items become the Tab order; draws the
// focus ring.
void focus_end_frame(App& app);

// A control has keyboard focus and shows its ring (not after a mouse click).
bool focus_visible();

// The page's single-key shortcuts must leave this key alone: a focused control uses it
// (Space and Enter activate it, arrows move between controls).
bool focus_owns_key(int glfw_key);

// The last item's label for a screen reader, where ImGui passes none (an invisible button),
// and its value where no setting holds it (a combo's choice). Kept for the focused control
// only: elsewhere they cost a comparison.
void focus_label_item(std::string_view label);
void focus_value_item(std::string_view value);
// After a number field with − and + (ImGui::InputInt or InputFloat with a step): its three
// items have no words of their own (the label is drawn after them). The field is read out as
// "what, value", the buttons as "what, down by step" and "what, up by step".
void focus_label_stepper(std::string_view what, std::string_view value, std::string_view step);

// Moves the keyboard focus to the last item, as Tab would, when a focus ring shows: for a
// control that replaces the focused one (a button that turns into a question).
void focus_last_item();

// tip()'s part: the last item's tooltip text (its first sentence is announced with it).
void focus_describe_item(std::string_view help_id);

// What the focus live region (index.html's #nnplay-focus) says now: the focused control's
// label, its setting's value, checked or not, and its tooltip's first sentence; "" while no
// focus ring shows.
const std::string& focus_announcement();

// record_rect's part: names the last item, and notes whether it is visible now.
void focus_name_item(const char* name, const WidgetRect& rect);

// The named controls drawn in the last frame.
std::vector<NamedControl> focus_controls();

// The control with keyboard focus (its name is empty when it has none); false when none.
bool focus_current(NamedControl& out);

// The browser tests' audit of cut labels (layout_api.cpp): while it points to a list, each
// control whose label is wider than the control ("Networ" on a tab too narrow) adds its label.
extern std::vector<std::string>* label_audit;

// The ring's colour (≥ 3:1 against the page background): ImGui's own thinner highlight is
// turned off in its favour.
constexpr ImU32 kFocusRing = IM_COL32(0x1a, 0x4f, 0xa0, 0xff);

}  // namespace nnplay::web
