// style.cpp: the page's look: ImGui's light style with square frames (cheaper for software
// WebGL) and TensorFlow Playground's blue, and DejaVu Sans at two sizes for a pixel ratio.
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
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.97f, 1);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 0.98f);
    c[ImGuiCol_Text] = ImVec4(0.2f, 0.2f, 0.2f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.9f, 0.94f, 0.98f, 1);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.85f, 0.9f, 0.96f, 1);
    c[ImGuiCol_Button] = ImVec4(0.9f, 0.9f, 0.9f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.82f, 0.86f, 0.9f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.75f, 0.8f, 0.88f, 1);
    c[ImGuiCol_SliderGrab] = ImVec4(0.03f, 0.47f, 0.74f, 0.8f);
    c[ImGuiCol_SliderGrabActive] = ImVec4(0.03f, 0.47f, 0.74f, 1);
    c[ImGuiCol_CheckMark] = ImVec4(0.03f, 0.47f, 0.74f, 1);
    c[ImGuiCol_Border] = ImVec4(0.8f, 0.8f, 0.8f, 1);
    style.FrameBorderSize = 1;
    style.ScaleAllSizes(scale);
}

bool ui_load_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Latin-1, Greek, punctuation, sub/superscripts (x₁²), arrows, maths, shapes.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2000, 0x206F, 0x2070, 0x209F,
                                     0x2190, 0x21FF, 0x2200, 0x22FF, 0x25A0, 0x25FF, 0};
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
