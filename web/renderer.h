// renderer.h: the GL side of the page's pictures. The thumbnails (features and neurons) are
// grids of floats coloured on the CPU (colour_thumbnail) into one atlas of fixed-size slots
// that ImGui draws as images. The output plot is an image ImGui
// draws (its grid coloured on the CPU, see colour_heatmap), with the data points drawn on top
// as discs from a draw callback; hovering a neuron shows its slot's grid there instead.
// It also keeps the page's strips of pictures coloured on the CPU (image_strip.h).
#pragma once

#include "web/damage.h"
#include "web/image_strip.h"
#include "web/platform.h"
#include "web/plots.h"

#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace nnplay::web {

// Speed (task C): what the page asked of GL in a frame, counted where the pictures and
// ImGui's draw lists are drawn and uploaded (the bench and the test API read them).
struct GlCounts {
    int draw_calls = 0;
    long long triangles = 0;
    int uploads = 0;               // texture uploads (glTex(Sub)Image2D with data)
    long long upload_bytes = 0;
};
GlCounts& gl_counts();             // the frame being drawn, counted as it goes
const GlCounts& gl_counts_last();  // the last frame that drew anything
void gl_counts_end_frame();        // called after each frame: it becomes the last (if it drew)
// A widgets-only page (the bench's ceiling): ImGui draws only its widgets and text, no
// pictures, boundary or chart images, and the pictures are not computed.
bool& widgets_only();
// Profiling (the bench's breakdown, nnplay.setSpeedSkip): bits of the page's picture work to
// leave out, kSkip* below; 0 in normal use.
enum SpeedSkip : int {
    kSkipOutputImage = 1,    // the output plot's image is not drawn
    kSkipOutputDraw = 2,     // nor the points and hovered grid over it
    kSkipThumbDraw = 4,      // nor the thumbnails in the network view
    kSkipAtlas = 8,          // the atlas is not coloured nor uploaded
    kSkipBoundary = 16,      // the output grid is not evaluated
    kSkipThumbnails = 32,    // nor the thumbnails' grids
    kSkipColour = 64,        // the output grid is not coloured nor uploaded
    kSkipPointsLayer = 128,  // many points are drawn one by one, not copied from their layer
};
int& speed_skip();
// A texture imgui_gl leaves out (kSkipThumbDraw), or 0.
ImTextureID& skipped_texture();

// A texture upload of `bytes` into `texture`, counted in gl_counts(); its pixels changed.
void count_upload(GLuint texture, long long bytes);
// Each texture's pixels change its version (uploads, a new texture under a reused name): the
// canvas's parts showing it are drawn again (web/damage.h).
void texture_changed(GLuint texture);
std::uint32_t texture_version(GLuint texture);
// A part of a texture, in texture coordinates ([0, 1]², v along the rows as uploaded).
struct UvRect {
    float u0 = 0, v0 = 0, u1 = 0, v1 = 0;
};
// An upload of `bytes` into part of `texture`, counted in gl_counts(); its version stays: only
// the canvas's parts showing the parts named by texture_part_changed are drawn again.
void count_part_upload(long long bytes);
// Part `changed` of `texture` (what linear filtering reaches included) is new: the canvas's
// parts showing it are drawn again by the next frame drawn (web/imgui_gl.cpp), which then
// forgets them.
void texture_part_changed(GLuint texture, const UvRect& changed);
const std::vector<UvRect>* texture_parts_changed(GLuint texture);  // null: none
void texture_parts_drawn();
// The page's canvas drawn whole every frame (the bench's and the tests' comparison), not
// only where it changed.
bool& full_redraw();
// A 2D texture clamped at its edges, filtered linearly (nearest for GL_R32F), left bound;
// data (may be null) is uploaded and counted.
GLuint make_texture(GLint internal, int w, int h, GLenum format, GLenum type, const void* data);

// Compiles and links a vertex and fragment shader body (shader_prelude() goes first). On
// failure returns 0 and error names the shader and holds its log.
GLuint link_program(const char* vert, const char* frag, const char* name, std::string& error);

// One data point to draw on the output plot.
struct PointSprite {
    float x = 0, y = 0;       // plane coordinates in [-kDomain, kDomain]
    ImU32 fill = 0;           // ImGui colour (RGBA8)
    float style = 0;          // 0 training, 1 test, 2 validation
    Marker marker = Marker::circle;  // the point's class's shape

    bool operator==(const PointSprite&) const = default;
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
    // Colours the slots set into the atlas and uploads them (all of [0, count) when the count,
    // the style or the palette changed); call once per frame after set_slot()s.
    void render_slots(int count, const HeatStyle& style);
    ImTextureID atlas() const;
    int atlas_slots() const { return atlas_count_; }             // slots last coloured
    int slot_capacity() const { return kSlotGrid * rows_; }      // slots reserved
    int slot_px() const { return slot_px_; }
    void slot_uv(int slot, ImVec2& uv0, ImVec2& uv1) const;  // for ImGui::Image

    // The output plot: an R×R grid (row 0 at the top), and the image of it for ImGui,
    // coloured again only when the grid, the style or px_per_cell changed. A new grid in the
    // same style is uploaded only in the blocks where a texel's channel moved more than
    // `tolerance` levels of 255 (web/image_update.h); texels left behind are brought up to date
    // by the first call with tolerance 0.
    void set_output(const float* values, int R);
    int output_res() const { return out_res_; }  // R of the last set_output(), else 0
    ImTextureID output_image(const HeatStyle& style, float px_per_cell, int tolerance);
    bool output_uncoloured() const { return out_stale_ && out_res_ > 0; }  // a grid set, not yet coloured
    // The images coloured so far; the last one's upload: texels changed (in the blocks brought
    // up to date: one upload takes the rectangle around them), of all; whether some lag
    // (within the tolerance).
    struct OutputUpload {
        long long images = 0, texels = 0, of = 0;
        bool lagging = false;
    };
    const OutputUpload& output_upload() const { return out_upload_; }
    // Draws (source_slot ≥ 0) a thumbnail slot's grid over the output image, and the points,
    // into the bound framebuffer's rectangle at (x, y) (lower left) of width×height pixels.
    // Scissor and framebuffer are the caller's; leaves blending off.
    // shown: the part of the rectangle on screen (the plot's square, x, y and side in pixels),
    // the size of the points' layer when there are thousands (below).
    void render_output(int x, int y, int width, int height, const HeatStyle& style,
                       int source_slot, const std::vector<PointSprite>& points, float radius_px,
                       const int shown[3]);
    // A hash of everything render_output's pixels depend on, for the same arguments: the
    // canvas draws the output plot's overlay again only when it changes (web/damage.h).
    std::uint64_t output_key(int x, int y, int width, int height, const HeatStyle& style, int source_slot,
                             const std::vector<PointSprite>& points, float radius_px, const int shown[3]) const;
    // The points alone, their plane [−kDomain, kDomain]² over the rectangle as render_output
    // draws them, from vertex buffer `set` (kOutputPoints: the output plot's; kHiddenPoints:
    // the hidden space view's), each uploaded again only when its points change.
    static constexpr int kOutputPoints = 0, kHiddenPoints = 1, kPointSets = 2;
    void render_points(int set, int x, int y, int width, int height, const std::vector<PointSprite>& points,
                       float radius_px);
    // The same for a square whose part on screen is `shown` (x, y, side in pixels): thousands
    // of points (kLayerPoints or more) are copied from their layer (below).
    static constexpr int kLayerPoints = 1000;
    void render_points_square(int set, int x, int y, int side, const int shown[3],
                              const std::vector<PointSprite>& points, float radius_px);
    long long layer_draws(int set = kOutputPoints) const { return layers_[set].draws; }  // times a set's layer was drawn

    // Pictures coloured on the CPU (web/image_strip.h): the data set previews (cell d is
    // Dataset d), the runs' boundary thumbnails, the error surface's map.
    ImageStrip previews, run_thumbs, surface_map;

    // Colours, as linear 0..1 RGB, for the shader palette: [0] negative/class 0 etc. A new
    // palette (the theme changed) colours the atlas and the output image again.
    void set_palette(const ImU32* colours, int count, ImU32 neutral);

    // The atlas pixel of a slot at (u, v) in [0, 1]² of its grid (v up), as uploaded (the
    // test API reads it). False when there is no such slot.
    bool read_slot_pixel(int slot, float u, float v, Rgb& out);

private:
    void draw_heatmap(const HeatStyle& style, int ox, int oy, int R);

    // A point as the points shader reads it: one vertex, drawn as a point sprite.
    struct PointVertex {
        float x = 0, y = 0;  // plane coordinates of the point
        ImU32 fill = 0;
        float style = 0;     // PointSprite::style + 3 · its marker
    };
    std::vector<PointVertex> point_vertices_;  // kept for its capacity
    // Page speed (session 8): the points in a vertex buffer, uploaded again only when they
    // change (each upload crosses into the GPU process: 30 KB for 250 points).
    struct PointBuffer {
        GLuint vao = 0, vbo = 0;
        std::vector<PointSprite> uploaded;
        bool valid = false;
    };
    PointBuffer point_sets_[kPointSets];
    // Thousands of points (kLayerPoints or more): software WebGL pays per sprite (2,500 cost
    // the heavy link about 8 ms a frame), so a set's points are drawn once into a layer, a
    // texture of its square on screen (premultiplied), which each frame copies 1:1 until the
    // points, their radius, the square or the theme change.
    void draw_points_layer(int set, int x, int y, int side, const int shown[3],
                           const std::vector<PointSprite>& points, float radius_px);
    struct PointsLayer {
        GLuint fbo = 0, tex = 0;
        int side = 0;             // the texture's side
        int key[4] = {};          // what it was drawn for: the plane's x, y (from the square's) and side, radius
        bool valid = false;
        long long draws = 0;
    };
    PointsLayer layers_[kPointSets];
    GLuint layer_program_ = 0;
    GLint layer_at_texture_ = -1, layer_at_origin_ = -1;
    bool layer_usable_ = true;    // false where a layer's framebuffer was incomplete
    // ... and the shaders' uniform locations, looked up once (each lookup is a string passed
    // through Emscripten's GL glue).
    struct HeatUniforms {
        GLint data = -1, origin = -1, res = -1, discretize = -1, strength = -1, palette = -1, neutral = -1,
              class_first = -1, class_count = -1;
    };
    HeatUniforms heat_at_;
    struct PointUniforms {
        GLint radius = -1, outline = -1, extent = -1, outline_colour = -1, test_outline_colour = -1, reach = -1;
    };
    PointUniforms point_at_;

    GLuint heat_program_ = 0;     // shaders/heatmap.frag: a hovered neuron's grid in the plot
    GLuint point_program_ = 0;
    GLuint empty_vao_ = 0;
    float max_point_px_ = 64;  // the largest point sprite the GL draws
    GLint max_texture_px_ = 2048;  // the largest texture side (WebGL 2 promises 2048)
    int rows_ = 0;                // slot rows allocated
    GLuint slot_data_ = 0;        // R32F kSlotGrid·kSlotRes × rows_·kSlotRes (a hovered neuron's grid)
    std::vector<float> slot_values_;  // its contents, uploaded when a slot is shown in the plot
    struct SlotRange {            // slots set since the last use (none: hi < lo)
        int lo = 0, hi = -1;
        void add(int slot) { lo = hi < lo ? slot : std::min(lo, slot), hi = std::max(hi, slot); }
        bool empty() const { return hi < lo; }
        // The rectangle of whole rows (or part of one row) holding them, in a texture of
        // `cell`-pixel slots: one upload.
        void rect(int cell, int& x, int& y, int& w, int& h) const {
            const int row0 = lo / kSlotGrid, row1 = hi / kSlotGrid;
            const int col0 = row0 == row1 ? lo % kSlotGrid : 0, col1 = row0 == row1 ? hi % kSlotGrid : kSlotGrid - 1;
            x = col0 * cell, y = row0 * cell, w = (col1 - col0 + 1) * cell, h = (row1 - row0 + 1) * cell;
        }
    };
    SlotRange data_dirty_, atlas_dirty_;  // for the R32F upload, for the atlas's colours
    std::uint64_t slot_changes_ = 0;      // set_slot's and reserve_slots' calls (output_key)
    void upload_slot_data();
    int slot_px_ = kSlotPx;
    GLuint atlas_tex_ = 0;        // RGBA8 kSlotGrid·slot_px_ × rows_·slot_px_
    std::vector<ImU32> atlas_pixels_;  // its contents (rows bottom up)
    bool atlas_stale_ = true;     // every slot to colour again (count, style or palette)
    int atlas_count_ = 0;         // ... what it was coloured with
    HeatStyle atlas_style_;
    std::vector<float> out_values_;   // the output grid, R×R
    int out_res_ = 0;
    std::vector<ImU32> out_pixels_;   // ... coloured
    std::vector<ImU32> out_shown_;    // ... as uploaded (out_pixels_ but within a tolerance)
    std::vector<PixelRect> out_blocks_;  // the blocks to upload (update_blocks)
    OutputUpload out_upload_;
    void upload_output_blocks(int tolerance);
    GLuint out_tex_ = 0;              // RGBA8 out_tex_res_², linear
    int out_tex_res_ = 0;
    bool out_stale_ = true;           // the grid changed since it was coloured
    HeatStyle out_style_;             // ... and what it was coloured with
    float out_px_per_cell_ = 0;
    float palette_[kMaxClasses][3] = {};  // shaders/heatmap.frag's u_palette[6], 0..1
    float neutral_[3] = {};
};

}  // namespace nnplay::web
