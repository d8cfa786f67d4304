// style.cpp: the page's look: ImGui's style with square frames (cheaper for software WebGL)
// in the theme's colours (web/palette.h, light or dark), and DejaVu Sans at two sizes for a
// pixel ratio.
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "web/platform.h"

#include <cmath>
#include <cstdio>

namespace nnplay::web {

void ui_setup_style(float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.ChildRounding = 0;
    // Square frames: a rounded one is some fifty thin triangles, a square one two, and
    // SwiftShader (software WebGL) pays per triangle.
    style.FrameRounding = 0;
    style.PopupRounding = 4;
    style.GrabRounding = 0;
    style.WindowBorderSize = 0;
    style.FramePadding = ImVec2(6, 3);
    style.ItemSpacing = ImVec2(6, 5);
    // Every colour from the theme's palette (web/palette.h), where its contrast is checked.
    const Palette& p = palette();
    if (current_theme() == Theme::dark) ImGui::StyleColorsDark(&style);
    auto set = [&style](ImGuiCol slot, Rgb c, float alpha = 1) {
        style.Colors[slot] = ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha);
    };
    set(ImGuiCol_WindowBg, p.window_bg);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    set(ImGuiCol_PopupBg, p.popup_bg, 0.98f);
    set(ImGuiCol_Text, p.text);
    set(ImGuiCol_TextDisabled, p.disabled);
    // Frames, buttons and headers each come as a colour and its hovered and active states
    // (three consecutive ImGuiCol slots).
    auto set_states = [&set](ImGuiCol first, Rgb normal, Rgb hovered, Rgb active) {
        set(first, normal);
        set(first + 1, hovered);
        set(first + 2, active);
    };
    static_assert(ImGuiCol_FrameBgActive == ImGuiCol_FrameBg + 2 &&
                  ImGuiCol_ButtonActive == ImGuiCol_Button + 2 &&
                  ImGuiCol_HeaderActive == ImGuiCol_Header + 2);
    set_states(ImGuiCol_FrameBg, p.frame_bg, p.frame_hovered, p.frame_active);
    set_states(ImGuiCol_Button, p.button, p.button_hovered, p.button_active);
    set_states(ImGuiCol_Header, p.frame_hovered, p.button_hovered, p.button_active);
    set(ImGuiCol_SliderGrab, p.accent, 0.8f);
    set(ImGuiCol_SliderGrabActive, p.accent);
    set(ImGuiCol_CheckMark, p.accent);
    set(ImGuiCol_Border, p.border);
    set(ImGuiCol_Separator, p.separator);
    set(ImGuiCol_ScrollbarBg, p.window_bg);
    set(ImGuiCol_TitleBg, p.button);
    set(ImGuiCol_TitleBgActive, p.button_hovered);
    set(ImGuiCol_TableHeaderBg, p.button);
    set(ImGuiCol_TableBorderLight, p.separator);
    set(ImGuiCol_TableBorderStrong, p.border);
    style.FrameBorderSize = 1;
    style.ScaleAllSizes(scale);
}

void ui_set_theme(App& app, Theme theme) {
    set_theme(theme);
    ui_setup_style(app.view.scale);
    app_wake(app);
}

bool ui_load_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Latin-1, Greek, punctuation, sub/superscripts (x₁², and the lessons' ᵢ ᵣ ᵤ ᵥ ᶻ ⱼ outside
    // that block), arrows, maths, shapes.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x1D62, 0x1D65, 0x1DBB, 0x1DBB,
                                     0x2000, 0x206F, 0x2070, 0x209F, 0x2190, 0x21FF, 0x2200, 0x22FF,
                                     0x25A0, 0x25FF, 0x2C7C, 0x2C7C, 0};
    bool ok = false;
    if (std::FILE* f = std::fopen(NNPLAY_FONT_PATH, "rb")) {
        std::fclose(f);
        ImFontConfig config;
        config.OversampleH = 2;
        ok = io.Fonts->AddFontFromFileTTF(NNPLAY_FONT_PATH, std::round(14.0f * scale), &config, ranges) &&
             io.Fonts->AddFontFromFileTTF(NNPLAY_FONT_PATH, std::round(22.0f * scale), &config, ranges);
    }
    if (!ok) {
        io.Fonts->Clear();
        ImFontConfig config;
        config.SizePixels = std::round(13.0f * scale);
        io.Fonts->AddFontDefault(&config);
        console_log("font " NNPLAY_FONT_PATH " not found: using ImGui's built-in font");
    }
    return ok;
}

}  // namespace nnplay::web
