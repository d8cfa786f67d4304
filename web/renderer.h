// renderer.h: the GL side of the page's pictures. Heatmaps are grids of floats uploaded as
// float textures and coloured by shaders/heatmap.frag: the output plot straight into the
// page's framebuffer while ImGui draws (a draw callback), with the data points on top as
// discs; every thumbnail (features and neurons) into one atlas of fixed-size slots that ImGui
// draws as images.
#pragma once

#include "platform.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace nnplay::web {

// Compiles and links a vertex and fragment shader body (shader_prelude() goes first). On
// failure returns 0 and error names the shader and holds its log.
GLuint link_program(const char* vert, const char* frag, const char* name, std::string& error);

// How a heatmap's values are coloured.
struct HeatStyle {
    int kind = 0;            // 0: diverging on [-1, 1]; 1: multi-class, value = class + conf/2
    int classes = 2;
    bool discretize = false;
    bool contour = false;    // the decision boundary (0, or where the class changes)
    float strength = 1.0f;   // how far confidence pulls the colour from the neutral grey

    bool operator==(const HeatStyle&) const = default;
};

// One data point to draw on the output plot.
struct PointSprite {
    float x = 0, y = 0;       // plane coordinates in [-6, 6]
    ImU32 fill = 0;           // ImGui colour (RGBA8)
    float style = 0;          // 0 training, 1 test, 2 validation
};

class Renderer {
public:
    static constexpr int kSlotRes = 32;    // R of every thumbnail grid
    static constexpr int kSlotGrid = 24;   // slots per atlas row (rows grow as needed)
    static constexpr int kSlotPx = 64;     // pixels of a rendered thumbnail, at most

    // Compiles the shaders and makes the textures. On failure returns false and error holds
    // the compile or link log.
    bool init(std::string& error);
    void shutdown();

    // Makes room for `count` thumbnail slots. The atlas holds only the rows in use: a
    // software rasteriser (SwiftShader) pays for a render target's whole size every frame.
    // Thumbnails are rendered slot_px pixels square (≤ kSlotPx; small nodes need fewer).
    // Returns true when it had to grow or change slot_px, which clears every slot.
    bool reserve_slots(int count, int slot_px = kSlotPx);
    // Thumbnails: values is R×R (row 0 at the top of the plane), kSlotRes wide.
    void set_slot(int slot, const float* values);
    // Colours slots [0, count) into the atlas (call once per frame after set_slot()s); does
    // nothing when no slot, the count or the style changed since the last time.
    void render_slots(int count, const HeatStyle& style);
    ImTextureID atlas() const;
    int slot_px() const { return slot_px_; }
    void slot_uv(int slot, ImVec2& uv0, ImVec2& uv1) const;  // for ImGui::Image

    // The output plot: an R×R grid and the points.
    void set_output(const float* values, int R);
    // Draws the output grid, or (source_slot ≥ 0) a thumbnail slot's grid instead, and the
    // points into the bound framebuffer's rectangle at (x, y) (lower left) of width×height
    // pixels. Scissor and framebuffer are the caller's; leaves blending off.
    void render_output(int x, int y, int width, int height, const HeatStyle& style,
                       int source_slot, const std::vector<PointSprite>& points, float radius_px);

    // Small RGBA images in one texture, `cells` side by side, px × px each (the data set
    // previews). Returns true when it had to (re)allocate, which clears every cell.
    bool reserve_images(int cells, int px);
    void set_image(int cell, const ImU32* rgba);  // px × px, row 0 at the top
    ImTextureID images() const;
    void image_uv(int cell, ImVec2& uv0, ImVec2& uv1) const;
    int image_px() const { return image_px_; }

    // Colours, as linear 0..1 RGB, for the shader palette: [0] negative/class 0 etc.
    void set_palette(const ImU32* colours, int count, ImU32 neutral);

private:
    // (x, y): the viewport's lower left in the framebuffer; filtered: the data texture
    // interpolates by itself (R16F, linear), else the shader does.
    void draw_heatmap(const HeatStyle& style, bool atlas, int ox, int oy, int R, int w, int h,
                      int x = 0, int y = 0, bool filtered = false);

    // A point's quad corner as the points shader reads it (six per point, two triangles).
    struct PointVertex {
        float x = 0, y = 0;  // plane coordinates of the point
        ImU32 fill = 0;
        float style = 0;     // as PointSprite::style
        float corner = 0;    // 0..5
    };
    std::vector<PointVertex> point_vertices_;  // rebuilt each frame, kept for its capacity

    // shaders/heatmap.frag compiled per variant (its #defines), indexed by kHeat* bits.
    static constexpr int kHeatFiltered = 1, kHeatMulti = 2, kHeatAtlas = 4;
    GLuint heat_programs_[8] = {};
    GLuint point_program_ = 0;
    GLuint empty_vao_ = 0, point_vao_ = 0, point_vbo_ = 0;
    int rows_ = 0;                // slot rows allocated
    GLuint slot_data_ = 0;        // R32F kSlotGrid·kSlotRes × rows_·kSlotRes
    int slot_px_ = kSlotPx;
    GLuint atlas_tex_ = 0, atlas_fbo_ = 0;   // RGBA8 kSlotGrid·slot_px_ × rows_·slot_px_
    bool atlas_stale_ = true;     // slots changed since the atlas was rendered
    int atlas_count_ = 0;         // ... and what it was rendered with
    HeatStyle atlas_style_;
    GLuint out_data_ = 0;         // R16F R×R, filtered
    int out_res_ = 0;
    GLuint image_tex_ = 0;        // RGBA8 image_cells_·image_px_ × image_px_
    int image_cells_ = 0, image_px_ = 0;
    float palette_[6][3] = {};
    float neutral_[3] = {};
};

}  // namespace nnplay::web
