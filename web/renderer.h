// renderer.h: the GL side of the page's pictures. Heatmaps are grids of floats uploaded as
// R32F textures and coloured by shaders/heatmap.frag into RGBA8 textures that ImGui draws as
// images: one for the output plot (with the data points drawn on top as instanced discs) and
// one atlas holding every thumbnail (features and neurons) in fixed-size slots.
#pragma once

#include "platform.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace nnplay::web {

// How a heatmap's values are coloured.
struct HeatStyle {
    int kind = 0;            // 0: diverging on [-1, 1]; 1: multi-class, value = class + conf/2
    int classes = 2;
    bool discretize = false;
    bool contour = false;    // the decision boundary (0, or where the class changes)
    float strength = 1.0f;   // how far confidence pulls the colour from the neutral grey
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
    static constexpr int kSlotPx = 64;     // pixels of a rendered thumbnail

    // Compiles the shaders and makes the textures. On failure returns false and error holds
    // the compile or link log.
    bool init(std::string& error);
    void shutdown();

    // Makes room for `count` thumbnail slots. The atlas holds only the rows in use: a
    // software rasteriser (SwiftShader) pays for a render target's whole size every frame.
    // Returns true when it had to grow, which clears every slot.
    bool reserve_slots(int count);
    // Thumbnails: values is R×R (row 0 at the top of the plane), kSlotRes wide.
    void set_slot(int slot, const float* values);
    // Colours slots [0, count) into the atlas (call once per frame after set_slot()s).
    void render_slots(int count, const HeatStyle& style);
    ImTextureID atlas() const;
    void slot_uv(int slot, ImVec2& uv0, ImVec2& uv1) const;  // for ImGui::Image

    // The output plot: an R×R grid and the points, drawn at width×height pixels.
    void set_output(const float* values, int R);
    // Draws the output grid, or (source_slot ≥ 0) a thumbnail slot's grid instead.
    void render_output(int width, int height, const HeatStyle& style, int source_slot,
                       const std::vector<PointSprite>& points, float radius_px);
    ImTextureID output() const;

    // Colours, as linear 0..1 RGB, for the shader palette: [0] negative/class 0 etc.
    void set_palette(const ImU32* colours, int count, ImU32 neutral);

private:
    void draw_heatmap(const HeatStyle& style, bool atlas, int ox, int oy, int R, int w, int h);

    GLuint heat_program_ = 0, point_program_ = 0;
    GLuint empty_vao_ = 0, point_vao_ = 0, point_vbo_ = 0;
    int rows_ = 0;                // slot rows allocated
    GLuint slot_data_ = 0;        // R32F kSlotGrid·kSlotRes × rows_·kSlotRes
    GLuint atlas_tex_ = 0, atlas_fbo_ = 0;   // RGBA8 kSlotGrid·kSlotPx × rows_·kSlotPx
    GLuint out_data_ = 0;         // R32F R×R
    int out_res_ = 0;
    GLuint out_tex_ = 0, out_fbo_ = 0;
    int out_w_ = 0, out_h_ = 0;
    float palette_[6][3] = {};
    float neutral_[3] = {};
};

}  // namespace nnplay::web
