// focus.cpp: see focus.h. The items come from ImGui's test-engine hook (ItemAdd calls it for
// every item with an ID, clipped or not, so Tab reaches controls scrolled out of view too);
// the focus is ImGui's navigation focus (g.NavId), so arrows, Space and Escape then work as
// ImGui's keyboard navigation makes them.
#include "web/focus.h"

#include <GLFW/glfw3.h>
#include <imgui_internal.h>

#include "engine/help.h"
#include "engine/settings.h"

#include <algorithm>
#include <cstdarg>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

// The focused control in words, into index.html's live region for screen readers.
EM_JS(void, nnplay_js_announce_focus, (const char* text), {
    var live = document.getElementById("nnplay-focus");
    if (live) live.textContent = UTF8ToString(text);
});
#else
static void nnplay_js_announce_focus(const char*) {}
#endif

namespace nnplay::web {
namespace {

struct Item {
    ImGuiID id = 0;
    ImGuiWindow* window = nullptr;
    ImRect rect;
    ImGuiID scope = 0;
    bool inputable = false;  // sliders and text fields: Enter types a value into them
    // What a screen reader hears when it takes the focus (announcement()):
    std::string label;       // its visible label (ImGui's, before "##")
    std::string value;       // what it shows, where no setting holds it (a combo's choice)
    int checked = -1;        // a checkbox: 1 checked, 0 not; -1 for other controls
    std::string help;        // its tooltip's help id (tip())
};

struct Named {
    NamedControl control;
    ImGuiID id = 0;
};

// Like ImGui's own state, one per page: the items being recorded this frame, the last
// frame's in Tab order, and the Tab presses not yet applied.
struct FocusState {
    std::vector<Item> recording, order;
    std::vector<Named> naming, named;
    int tab = 0;
    bool recording_on = false;
    std::string announced;  // what the focus live region says now ("" while no ring shows)
    ImGuiID pending = 0;    // focus_last_item()'s control, focused when the next frame begins
};
FocusState focus;

// Reading order: items keep the order the page adds them in (top bar, then the panels left
// to right, then the status line), and within each run of items of one window they go by
// rows, left to right (a row: items whose middles lie within the row's first item).
void sort_reading_order(std::vector<Item>& items) {
    auto by_y = [](const Item& a, const Item& b) { return a.rect.Min.y < b.rect.Min.y; };
    auto by_x = [](const Item& a, const Item& b) { return a.rect.Min.x < b.rect.Min.x; };
    for (auto run = items.begin(); run != items.end();) {
        auto end = std::find_if(run, items.end(), [&](const Item& i) { return i.window != run->window; });
        std::stable_sort(run, end, by_y);
        for (auto row = run; row != end;) {
            const float bottom = row->rect.Max.y;
            auto row_end = std::find_if(
                row, end, [&](const Item& i) { return (i.rect.Min.y + i.rect.Max.y) / 2 > bottom; });
            if (row_end == row) ++row_end;
            std::stable_sort(row, row_end, by_x);
            row = row_end;
        }
        run = end;
    }
}

const Item* find_item(const std::vector<Item>& items, ImGuiID id) {
    for (const Item& i : items)
        if (i.id == id) return &i;
    return nullptr;
}

// The item being recorded that ImGui's LastItemData names (the last one added), when it has
// the focus ring (only its words are read out: no other item pays for them); else null.
Item* focused_last_item() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (!focus.recording_on || g.LastItemData.ID != g.NavId || !focus_visible()) return nullptr;
    for (auto i = focus.recording.rbegin(); i != focus.recording.rend(); ++i)
        if (i->id == g.LastItemData.ID) return &*i;
    return nullptr;
}

// Scrolls the item into view: its window, then each parent for the child window.
void scroll_into_view(const Item& item) {
    ImRect rect = item.rect;
    for (ImGuiWindow* w = item.window; w; w = w->ParentWindow) {
        ImGui::ScrollToRect(w, rect, ImGuiScrollFlags_KeepVisibleEdgeX | ImGuiScrollFlags_KeepVisibleEdgeY);
        if (!(w->Flags & ImGuiWindowFlags_ChildWindow)) break;
        rect = w->Rect();
    }
}

void focus_item(const Item& item);

void move_focus(int direction) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    // An open popup keeps the focus inside it; otherwise every window's items take part.
    ImGuiWindow* popup = g.OpenPopupStack.Size ? g.OpenPopupStack.back().Window : nullptr;
    std::vector<const Item*> cycle;
    for (const Item& i : focus.order)
        if (!popup || i.window->RootWindow == popup) cycle.push_back(&i);
    if (cycle.empty()) return;
    const int n = int(cycle.size());
    // From the focused control; without a ring showing, from the control last clicked (as a
    // browser does), else from the start (ImGui may have picked a control on its own).
    const ImGuiID from = focus_visible() || g.NavId == g.LastActiveId ? g.NavId : 0;
    int at = -1;
    for (int k = 0; k < n; ++k)
        if (from && cycle[k]->id == from) at = k;
    int next = at < 0 ? (direction > 0 ? 0 : n - 1) : at + direction;
    next = ((next % n) + n) % n;
    focus_item(*cycle[next]);
}

// Gives the item the keyboard focus and its ring, scrolled into view.
void focus_item(const Item& item) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.ActiveId) ImGui::ClearActiveID();  // leaves a text field or a slider being typed into
    ImGui::FocusWindow(item.window);
    ImGui::SetNavID(item.id, ImGuiNavLayer_Main, item.scope,
                    ImGui::WindowRectAbsToRel(item.window, item.rect));
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
    scroll_into_view(item);
}

bool has_letter(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; });
}

// "learningRateSlider" → "learning rate slider": a name in words, for a control with no label.
std::string camel_words(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c >= 'A' && c <= 'Z') {
            if (!out.empty()) out += ' ';
            c = char(c - 'A' + 'a');
        } else if (c >= '0' && c <= '9' && !out.empty() && !(out.back() >= '0' && out.back() <= '9')) {
            out += ' ';
        }
        out += c;
    }
    return out;
}

// What a screen reader hears when the control takes the focus, or changes while it has it:
// its label (ImGui's visible one; else its setting's label, the setting found by the
// control's name or its tooltip's id; else its name in words), its value (as the control
// shows it, else the setting's), checked or not, and the first sentence of its tooltip.
std::string announcement(const App& app, const Item& item, std::string_view name) {
    std::string key(name);
    if (key.ends_with("Slider")) key.resize(key.size() - 6);  // learningRateSlider: the rate's
    const Setting* setting = find_setting(key);
    if (!setting && !item.help.empty()) setting = find_setting(item.help);  // an unnamed setting's control
    std::string out = has_letter(item.label) ? item.label
                      : setting && *setting->label ? std::string(setting->label)
                      : camel_words(name);
    if (!item.value.empty()) {
        out += ", " + item.value;  // as the control shows it
    } else if (setting && setting->type != SettingType::flag) {
        const std::string value = setting_text(*setting, app.run.state);
        if (!value.empty() && !(setting->zero_is_default && value == "0")) out += ", " + value;
    }
    if (item.checked >= 0) out += item.checked ? ", checked" : ", not checked";
    const std::string about = item.help.empty() ? "" : first_sentence(help_text(item.help));
    if (!about.empty() && about != out + ".") out += ". " + about;  // not the label said twice
    return out;
}

}  // namespace

void focus_tab(int direction) { focus.tab += direction; }

bool focus_visible() {
    const ImGuiContext* g = ImGui::GetCurrentContext();
    return g && g->NavId != 0 && !g->NavDisableHighlight && g->NavWindow;
}

bool focus_owns_key(int key) {
    if (!focus_visible()) return false;
    return key == GLFW_KEY_SPACE || key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER ||
           key == GLFW_KEY_LEFT || key == GLFW_KEY_RIGHT || key == GLFW_KEY_UP || key == GLFW_KEY_DOWN;
}

void focus_begin_frame(App&) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiIO& io = ImGui::GetIO();
    if (focus.pending) {  // (as Tab does: before the frame, from the last frame's items)
        if (const Item* item = find_item(focus.order, focus.pending)) focus_item(*item);
        focus.pending = 0;
    }
    for (; focus.tab > 0; --focus.tab) move_focus(1);
    for (; focus.tab < 0; ++focus.tab) move_focus(-1);
    // ImGui 1.86 maps Enter to "type a value" only: on a button, a checkbox or a combo it does
    // nothing. There it activates, as Space does.
    if (focus_visible() && !io.WantTextInput &&
        (io.KeysDown[GLFW_KEY_ENTER] || io.KeysDown[GLFW_KEY_KP_ENTER])) {
        const Item* item = find_item(focus.order, g.NavId);
        // Pressed now, up last frame (the durations are still last frame's): activate once.
        const int key = io.KeysDown[GLFW_KEY_ENTER] ? GLFW_KEY_ENTER : GLFW_KEY_KP_ENTER;
        if (item && !item->inputable && io.KeysDownDuration[key] < 0) g.NavNextActivateId = g.NavId;
    }
    // A focused slider takes Left and Right at once, as a browser's range input does (ImGui
    // 1.86 wants Space first): the key makes it active through navigation, and the slider
    // then moves by the same key in this frame. A text field starts being edited.
    if (focus_visible() && g.ActiveId == 0) {
        const bool pressed = (io.KeysDown[GLFW_KEY_LEFT] && io.KeysDownDuration[GLFW_KEY_LEFT] < 0) ||
                             (io.KeysDown[GLFW_KEY_RIGHT] && io.KeysDownDuration[GLFW_KEY_RIGHT] < 0);
        const Item* item = find_item(focus.order, g.NavId);
        if (pressed && item && item->inputable) g.NavNextActivateId = g.NavId;
    }
    g.TestEngineHookItems = true;
    focus.recording_on = true;
    focus.recording.clear();
    focus.naming.clear();
}

void focus_end_frame(App& app) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    focus.recording_on = false;
    focus.order.swap(focus.recording);  // (recording is cleared when the next frame starts)
    sort_reading_order(focus.order);
    focus.named.swap(focus.naming);
    // A text field being typed into stays in view when the window gets shorter (a phone's
    // on-screen keyboard came up over the page).
    static float last_height = 0;
    const float height = ImGui::GetIO().DisplaySize.y;
    if (height < last_height && ImGui::GetIO().WantTextInput)
        if (const Item* typing = find_item(focus.order, g.ActiveId)) scroll_into_view(*typing);
    last_height = height;
    if (!focus_visible()) {
        focus.announced.clear();  // the next focus is announced, even on the same control
        return;
    }
    const Item* item = find_item(focus.order, g.NavId);
    if (!item) return;
    std::string name;
    for (const Named& n : focus.named)
        if (n.id == item->id) name = n.control.name;
    if (std::string text = announcement(app, *item, name); text != focus.announced) {
        focus.announced = std::move(text);
        nnplay_js_announce_focus(focus.announced.c_str());
    }
    // Two pixels (CSS) of ring outside a one-pixel white gap: visible on any control colour.
    const float s = app.view.scale, gap = 2 * s, width = 2 * s;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    ImRect clip = item->window->ClipRect;
    clip.Expand(gap + width + s);
    dl->PushClipRect(clip.Min, clip.Max, true);
    const ImVec2 a = item->rect.Min, b = item->rect.Max;
    dl->AddRect(ImVec2(a.x - gap * 0.5f, a.y - gap * 0.5f), ImVec2(b.x + gap * 0.5f, b.y + gap * 0.5f),
                IM_COL32_WHITE, 3 * s, 0, s);
    dl->AddRect(ImVec2(a.x - gap - width * 0.5f, a.y - gap - width * 0.5f),
                ImVec2(b.x + gap + width * 0.5f, b.y + gap + width * 0.5f), kFocusRing, 4 * s, 0, width);
    dl->PopClipRect();
}

void focus_label_item(std::string_view label) {
    if (Item* item = focused_last_item()) item->label = label;
}

void focus_value_item(std::string_view value) {
    if (Item* item = focused_last_item()) item->value = value;
}

void focus_label_stepper(std::string_view what, std::string_view value, std::string_view step) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (!focus.recording_on || !focus_visible()) return;
    // The stepper's items, last recorded, lie within its group (ImGui's last item after it).
    const ImRect group = g.LastItemData.Rect;
    int n = 0;
    while (n < 3 && n < int(focus.recording.size()) &&
           group.Contains(focus.recording[focus.recording.size() - 1 - n].rect))
        ++n;
    for (int k = 0; k < n; ++k) {
        Item& item = focus.recording[focus.recording.size() - n + k];
        if (item.id != g.NavId) continue;
        const int part = k + 3 - n;  // 0 the field, 1 the − button, 2 the +
        item.label = std::string(what) + (part == 0 ? ", " : part == 1 ? ", down by " : ", up by ") +
                     std::string(part == 0 ? value : step);
    }
}

void focus_last_item() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (focus_visible()) focus.pending = g.LastItemData.ID;
}

void focus_describe_item(std::string_view help_id) {
    if (Item* item = focused_last_item()) item->help = help_id;
}

const std::string& focus_announcement() { return focus.announced; }

void focus_name_item(const char* name, const WidgetRect& rect) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImRect view = g.CurrentWindow ? g.CurrentWindow->ClipRect : ImRect(ImVec2(0, 0), g.IO.DisplaySize);
    view.ClipWithFull(ImRect(ImVec2(0, 0), g.IO.DisplaySize));
    view.Expand(1.0f);  // rounding
    const bool visible = r.GetWidth() > 0 && r.GetHeight() > 0 && view.Contains(r);
    for (Named& n : focus.naming)
        if (n.control.name == name) {  // drawn twice in a frame: the last one counts
            n = {{name, rect, visible}, g.LastItemData.ID};
            return;
        }
    focus.naming.push_back({{name, rect, visible}, g.LastItemData.ID});
}

std::vector<NamedControl> focus_controls() {
    std::vector<NamedControl> out;
    for (const Named& n : focus.named) out.push_back(n.control);
    return out;
}

bool focus_current(NamedControl& out) {
    const ImGuiContext* g = ImGui::GetCurrentContext();
    if (!focus_visible()) return false;
    const Item* item = find_item(focus.order, g->NavId);
    if (!item) return false;
    out = {};
    for (const Named& n : focus.named)
        if (n.id == item->id) out.name = n.control.name;
    const App* app = app_current();
    const float s = app ? app->view.dpr : 1.0f;  // to CSS pixels
    out.rect = {item->rect.Min.x / s, item->rect.Min.y / s, item->rect.GetWidth() / s,
                item->rect.GetHeight() / s};
    out.visible = true;
    return true;
}

std::vector<std::string>* label_audit = nullptr;

}  // namespace nnplay::web

// ---- ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE, web/imgui_config.h) --------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
    using nnplay::web::focus;
    ImGuiContext& g = *ctx;
    ImGuiWindow* w = g.CurrentWindow;
    if (!focus.recording_on || !w || id == 0 || g.LastItemData.ID != id || id == w->MoveId) return;
    if (g.LastItemData.InFlags & (ImGuiItemFlags_NoNav | ImGuiItemFlags_Disabled)) return;
    if (w->IsFallbackWindow || (w->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_NoNavInputs))) return;
    // A child window is an item of its parent too (EndChild): its controls are the stops.
    for (const ImGuiWindow* child : w->DC.ChildWindows)
        if (child->ChildId == id) return;
    nnplay::web::Item& item = focus.recording.emplace_back();
    item.id = id;
    item.window = w;
    item.rect = bb;
    item.scope = w->DC.NavFocusScopeIdCurrent;
    item.inputable = (g.LastItemData.InFlags & ImGuiItemFlags_Inputable) != 0;
}

// Widgets pass their label and state after adding themselves: kept for the announcement.
void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    using nnplay::web::focus;
    if (nnplay::web::label_audit && label) {  // the browser tests' audit of cut labels
        const char* end = ImGui::FindRenderedTextEnd(label);
        if (end != label && ImGui::CalcTextSize(label, end).x > ctx->LastItemData.Rect.GetWidth() + 1)
            nnplay::web::label_audit->emplace_back(label, end);
    }
    if (!focus.recording_on || focus.recording.empty() || focus.recording.back().id != id) return;
    if (id != ctx->NavId) return;  // only the focused control's words are read out
    nnplay::web::Item& item = focus.recording.back();
    if (label) item.label.assign(label, ImGui::FindRenderedTextEnd(label));
    if (flags & ImGuiItemStatusFlags_Checkable) item.checked = (flags & ImGuiItemStatusFlags_Checked) ? 1 : 0;
}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
