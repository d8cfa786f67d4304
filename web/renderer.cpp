// renderer.cpp: shader programs, the thumbnails' float data texture and atlas render target,
// the output plot's image and points.
#include "web/renderer.h"

#include "web/damage.h"
#include "web/image_update.h"

#include "shaders.h"

#include "engine/dataset.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <unordered_map>

namespace nnplay::web {
namespace {

GlCounts counts_now, counts_last;
bool widgets_only_flag = false;
bool full_redraw_flag = false;
std::unordered_map<GLuint, std::uint32_t> texture_versions;
std::unordered_map<GLuint, std::vector<UvRect>> texture_parts;  // changed since the last frame drawn
int speed_skip_bits = 0;
ImTextureID skipped_texture_id = ImTextureID();

}  // namespace

GlCounts& gl_counts() { return counts_now; }
const GlCounts& gl_counts_last() { return counts_last; }
void gl_counts_end_frame() {
    if (counts_now.draw_calls > 0) counts_last = counts_now;
    counts_now = GlCounts();
}
bool& widgets_only() { return widgets_only_flag; }
int& speed_skip() { return speed_skip_bits; }
ImTextureID& skipped_texture() { return skipped_texture_id; }

void count_upload(GLuint texture, long long bytes) {
    ++counts_now.uploads;
    counts_now.upload_bytes += bytes;
    texture_changed(texture);
}

void texture_changed(GLuint texture) { ++texture_versions[texture]; }

std::uint32_t texture_version(GLuint texture) {
    const auto it = texture_versions.find(texture);
    return it == texture_versions.end() ? 0 : it->second;
}

void count_part_upload(long long bytes) {
    ++counts_now.uploads;
    counts_now.upload_bytes += bytes;
}

void texture_part_changed(GLuint texture, const UvRect& changed) {
    std::vector<UvRect>& parts = texture_parts[texture];
    // Uploaded in many frames without one drawn (a canvas of no size): one part for them all.
    constexpr std::size_t kMostParts = 256;
    if (parts.size() >= kMostParts) parts.assign(1, UvRect{0, 0, 1, 1});
    else parts.push_back(changed);
}

const std::vector<UvRect>* texture_parts_changed(GLuint texture) {
    if (texture_parts.empty()) return nullptr;
    const auto it = texture_parts.find(texture);
    return it == texture_parts.end() ? nullptr : &it->second;
}

void texture_parts_drawn() { texture_parts.clear(); }

bool& full_redraw() { return full_redraw_flag; }

GLuint make_texture(GLint internal, int w, int h, GLenum format, GLenum type, const void* data) {
    GLuint tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    const GLint filter = internal == GL_R32F ? GL_NEAREST : GL_LINEAR;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, internal, w, h, 0, format, type, data);
    if (data) count_upload(tex, 4LL * w * h);  // every format here is 4 bytes a texel
    else texture_changed(tex);
    return tex;
}

namespace {

void count_draw(long long triangles) {
    ++counts_now.draw_calls;
    counts_now.triangles += triangles;
}

bool compile(GLenum type, const char* body, const char* name, GLuint& shader, std::string& error) {
    shader = glCreateShader(type);
    const char* parts[2] = {shader_prelude(), body};
    glShaderSource(shader, 2, parts, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok) return true;
    char log[2048] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    error = std::string("shader ") + name + " failed to compile: " + log;
    return false;
}

}  // namespace

GLuint link_program(const char* vert, const char* frag, const char* name, std::string& error) {
    GLuint vs = 0, fs = 0;
    std::string vname = std::string(name) + ".vert", fname = std::string(name) + ".frag";
    if (!compile(GL_VERTEX_SHADER, vert, vname.c_str(), vs, error) ||
        !compile(GL_FRAGMENT_SHADER, frag, fname.c_str(), fs, error)) {
        glDeleteShader(vs);
        glDeleteShader(fs);
        return 0;
    }
    GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok) return program;
    char log[2048] = {};
    glGetProgramInfoLog(program, sizeof log, nullptr, log);
    error = std::string("shader program ") + name + " failed to link: " + log;
    glDeleteProgram(program);
    return 0;
}

namespace {

void colour_of(ImU32 c, float out[3]) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    out[0] = v.x;
    out[1] = v.y;
    out[2] = v.z;
}

ImTextureID as_id(GLuint tex) { return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(tex)); }

}  // namespace

bool Renderer::init(std::string& error) {
    // A slot's grid stretched over the output plot (a hovered neuron).
    const GLuint p = heat_program_ = link_program(kHeatmapVert, kHeatmapFrag, "heatmap", error);
    if (!p) return false;
    heat_at_.data = glGetUniformLocation(p, "u_data");
    heat_at_.origin = glGetUniformLocation(p, "u_origin");
    heat_at_.res = glGetUniformLocation(p, "u_res");
    heat_at_.discretize = glGetUniformLocation(p, "u_discretize");
    heat_at_.strength = glGetUniformLocation(p, "u_strength");
    heat_at_.palette = glGetUniformLocation(p, "u_palette");
    heat_at_.neutral = glGetUniformLocation(p, "u_neutral");
    heat_at_.class_first = glGetUniformLocation(p, "u_class_first");
    heat_at_.class_count = glGetUniformLocation(p, "u_class_count");
    layer_program_ = link_program(kHeatmapVert, kLayerFrag, "layer", error);
    if (!layer_program_) return false;
    layer_at_texture_ = glGetUniformLocation(layer_program_, "u_layer");
    layer_at_origin_ = glGetUniformLocation(layer_program_, "u_origin");
    for (PointsLayer& layer : layers_) glGenFramebuffers(1, &layer.fbo);
    point_program_ = link_program(kPointsVert, kPointsFrag, "points", error);
    if (!point_program_) return false;
    point_at_.radius = glGetUniformLocation(point_program_, "u_radius");
    point_at_.outline = glGetUniformLocation(point_program_, "u_outline");
    point_at_.extent = glGetUniformLocation(point_program_, "u_extent");
    point_at_.outline_colour = glGetUniformLocation(point_program_, "u_outline_colour");
    point_at_.test_outline_colour = glGetUniformLocation(point_program_, "u_test_outline_colour");
    point_at_.reach = glGetUniformLocation(point_program_, "u_reach");

    glGenVertexArrays(1, &empty_vao_);
    for (PointBuffer& b : point_sets_) {
        glGenVertexArrays(1, &b.vao);
        glGenBuffers(1, &b.vbo);
        glBindVertexArray(b.vao);
        glBindBuffer(GL_ARRAY_BUFFER, b.vbo);
        const GLsizei stride = sizeof(PointVertex);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, (void*)offsetof(PointVertex, x));
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, (void*)offsetof(PointVertex, fill));
        glEnableVertexAttribArray(2);
        glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, (void*)offsetof(PointVertex, style));
    }
#ifndef __EMSCRIPTEN__
    glEnable(GL_PROGRAM_POINT_SIZE);  // desktop GL: the points shader sets gl_PointSize (ES always may)
#endif
    // The largest sprite this GL draws (WebGL promises only 1 pixel; GPUs give 64 to 1024):
    // a marker larger than that is drawn smaller, whole.
    GLfloat sizes[2] = {1, 1};
    glGetFloatv(GL_ALIASED_POINT_SIZE_RANGE, sizes);
    max_point_px_ = sizes[1];
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_texture_px_);  // the points' layer's bound
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);

    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    reserve_slots(kSlotGrid);
    glBindTexture(GL_TEXTURE_2D, 0);
    GLenum err = glGetError();
    if (err != GL_NO_ERROR) {
        error = "GL error " + std::to_string(err) + " while creating the renderer's textures";
        return false;
    }
    return true;
}

void Renderer::shutdown() {
    GLuint textures[] = {slot_data_, atlas_tex_, out_tex_};  // (0 is ignored)
    glDeleteTextures(3, textures);
    for (ImageStrip* strip : {&previews, &run_thumbs, &surface_map}) strip->release();
    for (PointsLayer& layer : layers_) {
        glDeleteFramebuffers(1, &layer.fbo);
        glDeleteTextures(1, &layer.tex);
        layer = PointsLayer();
    }
    glDeleteProgram(layer_program_);
    layer_program_ = 0;
    glDeleteVertexArrays(1, &empty_vao_);
    for (PointBuffer& b : point_sets_) {
        glDeleteVertexArrays(1, &b.vao);
        glDeleteBuffers(1, &b.vbo);
        b = PointBuffer();
    }
    glDeleteProgram(heat_program_);  // (0 is ignored)
    glDeleteProgram(point_program_);
}

void Renderer::set_palette(const ImU32* colours, int count, ImU32 neutral) {
    for (int i = 0; i < kMaxClasses; ++i) colour_of(colours[i < count ? i : count - 1], palette_[i]);
    colour_of(neutral, neutral_);
    atlas_stale_ = out_stale_ = true;
    for (PointsLayer& layer : layers_) layer.valid = false;  // the points' outlines are the theme's
}

bool Renderer::read_slot_pixel(int slot, float u, float v, Rgb& out) {
    if (slot < 0 || slot >= atlas_count_ || atlas_pixels_.empty()) return false;
    const int x = (slot % kSlotGrid) * slot_px_ + std::clamp(int(u * float(slot_px_)), 0, slot_px_ - 1);
    const int y = (slot / kSlotGrid) * slot_px_ + std::clamp(int(v * float(slot_px_)), 0, slot_px_ - 1);
    const ImU32 c = atlas_pixels_[std::size_t(y) * std::size_t(kSlotGrid * slot_px_) + std::size_t(x)];
    out = {std::uint8_t(c >> IM_COL32_R_SHIFT), std::uint8_t(c >> IM_COL32_G_SHIFT), std::uint8_t(c >> IM_COL32_B_SHIFT)};
    return true;
}

bool Renderer::reserve_slots(int count, int slot_px) {
    const int rows = std::max(1, (count + kSlotGrid - 1) / kSlotGrid);
    slot_px = std::clamp(slot_px, 8, kSlotPx);
    if (rows <= rows_ && slot_px == slot_px_) return false;
    rows_ = std::max(rows, rows_);
    slot_px_ = slot_px;
    atlas_stale_ = true;
    if (slot_data_) glDeleteTextures(1, &slot_data_);
    if (atlas_tex_) glDeleteTextures(1, &atlas_tex_);
    slot_values_.assign(size_t(kSlotGrid * kSlotRes) * rows_ * kSlotRes, 0.0f);
    slot_data_ = make_texture(GL_R32F, kSlotGrid * kSlotRes, rows_ * kSlotRes, GL_RED, GL_FLOAT,
                              slot_values_.data());
    data_dirty_ = atlas_dirty_ = SlotRange();
    ++slot_changes_;
    atlas_pixels_.assign(std::size_t(kSlotGrid * slot_px_) * std::size_t(rows_ * slot_px_), 0);
    atlas_tex_ = make_texture(GL_RGBA8, kSlotGrid * slot_px_, rows_ * slot_px_, GL_RGBA,
                              GL_UNSIGNED_BYTE, nullptr);
    glBindTexture(GL_TEXTURE_2D, 0);
    return true;
}

void Renderer::set_slot(int slot, const float* values) {
    if (slot < 0 || slot >= kSlotGrid * rows_) return;
    const size_t stride = size_t(kSlotGrid * kSlotRes);
    float* at = slot_values_.data() + size_t(slot / kSlotGrid) * kSlotRes * stride + size_t(slot % kSlotGrid) * kSlotRes;
    for (int i = 0; i < kSlotRes; ++i) std::copy(values + i * kSlotRes, values + (i + 1) * kSlotRes, at + i * stride);
    data_dirty_.add(slot);
    atlas_dirty_.add(slot);
    ++slot_changes_;
}

void Renderer::set_output(const float* values, int R) {
    out_values_.assign(values, values + std::size_t(R) * std::size_t(R));
    out_res_ = R;
    out_stale_ = true;
}

ImTextureID Renderer::output_image(const HeatStyle& style, float px_per_cell, int tolerance) {
    if (out_res_ == 0) return ImTextureID();
    const bool restyled = !(style == out_style_) || px_per_cell != out_px_per_cell_;
    if (out_stale_ || restyled || !out_tex_) {
        colour_heatmap(out_values_.data(), out_res_, style, px_per_cell, out_pixels_);
        out_stale_ = false;
        out_style_ = style;
        out_px_per_cell_ = px_per_cell;
        ++out_upload_.images;
        const long long texels = (long long)out_res_ * out_res_;
        if (out_tex_res_ != out_res_ || !out_tex_) {
            if (out_tex_) glDeleteTextures(1, &out_tex_);
            out_tex_ = make_texture(GL_RGBA8, out_res_, out_res_, GL_RGBA, GL_UNSIGNED_BYTE, out_pixels_.data());
            out_tex_res_ = out_res_;
            out_shown_ = out_pixels_;
            out_upload_.texels = out_upload_.of = texels, out_upload_.lagging = false;
        } else if (restyled) {  // every texel anew: one upload, drawn again everywhere
            glBindTexture(GL_TEXTURE_2D, out_tex_);
            glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, out_res_, out_res_, GL_RGBA, GL_UNSIGNED_BYTE,
                            out_pixels_.data());
            count_upload(out_tex_, 4 * texels);
            out_shown_ = out_pixels_;
            out_upload_.texels = out_upload_.of = texels, out_upload_.lagging = false;
        } else {
            upload_output_blocks(tolerance);
        }
        glBindTexture(GL_TEXTURE_2D, 0);
    } else if (out_upload_.lagging && tolerance == 0) {
        upload_output_blocks(0);  // the texels left behind while training
        glBindTexture(GL_TEXTURE_2D, 0);
    }
    return as_id(out_tex_);
}

void Renderer::upload_output_blocks(int tolerance) {
    const int R = out_res_;
    out_blocks_.clear();
    out_upload_.lagging = update_blocks(out_shown_, out_pixels_, R, R, tolerance, out_blocks_);
    out_upload_.texels = 0, out_upload_.of = (long long)R * R;
    if (out_blocks_.empty()) return;
    // One upload of the rectangle around every changed block (the texels between them are the
    // ones the texture has already): software WebGL pays far more for each upload than for its
    // bytes (a run of blocks an upload cost SwiftShader's GPU process about 1.8 ms a frame more,
    // 1920×1080). What is drawn again is only where the blocks are shown.
    PixelRect all;
    for (const PixelRect& b : out_blocks_) all = bounds(all, b);
    glBindTexture(GL_TEXTURE_2D, out_tex_);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, R);
    glTexSubImage2D(GL_TEXTURE_2D, 0, all.x0, all.y0, all.x1 - all.x0, all.y1 - all.y0, GL_RGBA, GL_UNSIGNED_BYTE,
                    out_shown_.data() + std::size_t(all.y0) * std::size_t(R) + std::size_t(all.x0));
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    count_part_upload(4 * all.area());
    // Linear filtering blends each texel into the pixels up to a texel away.
    const float texel = 1.0f / float(R);
    for (const PixelRect& b : out_blocks_) {
        texture_part_changed(out_tex_, UvRect{float(b.x0 - 1) * texel, float(b.y0 - 1) * texel,
                                              float(b.x1 + 1) * texel, float(b.y1 + 1) * texel});
        out_upload_.texels += b.area();
    }
}

void Renderer::draw_heatmap(const HeatStyle& style, int ox, int oy, int R) {
    const GLuint p = heat_program_;
    if (!p) return;
    const HeatUniforms& at = heat_at_;
    glUseProgram(p);
    glUniform1i(at.data, 0);
    glUniform2i(at.origin, ox, oy);
    glUniform1i(at.res, R);
    glUniform1i(at.discretize, style.discretize ? 1 : 0);
    glUniform1f(at.strength, style.strength);
    glUniform3fv(at.palette, kMaxClasses, &palette_[0][0]);
    glUniform3fv(at.neutral, 1, neutral_);
    glUniform1i(at.class_first, style.class_first);
    glUniform1i(at.class_count, style.class_count);
    glBindVertexArray(empty_vao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    count_draw(1);
    glBindVertexArray(0);
}

void Renderer::render_slots(int count, const HeatStyle& style) {
    // A network that just grew has more nodes than slots until its thumbnails are made (they
    // wait for their frame): the slots reserved are coloured, no more.
    count = std::min(count, kSlotGrid * rows_);
    if (count <= 0) return;
    if (count != atlas_count_ || !(style == atlas_style_)) atlas_stale_ = true;
    SlotRange todo = atlas_dirty_;
    if (atlas_stale_) todo = {0, count - 1};
    todo.hi = std::min(todo.hi, count - 1);
    atlas_stale_ = false;
    atlas_count_ = count;
    atlas_style_ = style;
    atlas_dirty_ = SlotRange();
    if (todo.empty()) return;
    // Coloured on the CPU: software WebGL (SwiftShader) paid about 125 ns a pixel for the
    // shader that did this; here only the slots set since the last time, while training the
    // neurons' (the features' never change).
    ThumbColours colours;
    for (int c = 0; c < kMaxClasses; ++c)
        for (int k = 0; k < 3; ++k) colours.palette[c][k] = palette_[c][k] * 255.0f;
    for (int k = 0; k < 3; ++k) colours.neutral[k] = neutral_[k] * 255.0f;
    const int stride = kSlotGrid * kSlotRes, out_stride = kSlotGrid * slot_px_;
    for (int slot = todo.lo; slot <= todo.hi; ++slot) {
        const int row = slot / kSlotGrid, col = slot % kSlotGrid;
        const int k = slot - style.class_first;
        colour_thumbnail(slot_values_.data() + std::size_t(row * kSlotRes) * std::size_t(stride) + std::size_t(col * kSlotRes),
                         kSlotRes, stride, slot_px_, colours, style.class_count > 0 && k >= 0 && k < style.class_count ? k : -1,
                         style.discretize, style.strength,
                         atlas_pixels_.data() + std::size_t(row * slot_px_) * std::size_t(out_stride) + std::size_t(col * slot_px_),
                         out_stride);
    }
    // One upload of the rows of slots coloured (an 8 × 64 network's 512 uploads of a slot each
    // cost more than the drawing).
    int x = 0, y = 0, w = 0, h = 0;
    todo.rect(slot_px_, x, y, w, h);
    glBindTexture(GL_TEXTURE_2D, atlas_tex_);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, out_stride);
    glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, w, h, GL_RGBA, GL_UNSIGNED_BYTE,
                    atlas_pixels_.data() + std::size_t(y) * std::size_t(out_stride) + std::size_t(x));
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glBindTexture(GL_TEXTURE_2D, 0);
    // Only the canvas's pixels showing these slots are drawn again (not the features', which
    // never change while a network trains, and lie far from the neurons).
    count_part_upload(4LL * w * h);
    const float width = float(kSlotGrid * slot_px_), height = float(rows_ * slot_px_);
    texture_part_changed(atlas_tex_, UvRect{float(x) / width, float(y) / height, float(x + w) / width,
                                            float(y + h) / height});
}

// The R32F grids of the slots set since the last time, for a hovered neuron's picture in the
// output plot (the only user of them on the GL side).
void Renderer::upload_slot_data() {
    if (data_dirty_.empty()) return;
    const int stride = kSlotGrid * kSlotRes;
    int x = 0, y = 0, w = 0, h = 0;
    data_dirty_.rect(kSlotRes, x, y, w, h);
    glBindTexture(GL_TEXTURE_2D, slot_data_);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, stride);
    glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, w, h, GL_RED, GL_FLOAT,
                    slot_values_.data() + std::size_t(y) * std::size_t(stride) + std::size_t(x));
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    count_upload(slot_data_, 4LL * w * h);
    data_dirty_ = SlotRange();
}

ImTextureID Renderer::atlas() const { return as_id(atlas_tex_); }

void Renderer::slot_uv(int slot, ImVec2& uv0, ImVec2& uv1) const {
    const float width = float(kSlotGrid * slot_px_), height = float(rows_ * slot_px_);
    float x0 = float((slot % kSlotGrid) * slot_px_), y0 = float((slot / kSlotGrid) * slot_px_);
    // Framebuffer rows run bottom-up, so the top of the image is the slot's high edge.
    uv0 = ImVec2((x0 + 0.5f) / width, (y0 + float(slot_px_) - 0.5f) / height);
    uv1 = ImVec2((x0 + float(slot_px_) - 0.5f) / width, (y0 + 0.5f) / height);
}

void Renderer::render_output(int x, int y, int width, int height, const HeatStyle& style,
                             int source_slot, const std::vector<PointSprite>& points, float radius_px,
                             const int shown[3]) {
    if (width < 1 || height < 1) return;
    glViewport(x, y, width, height);
    glDisable(GL_BLEND);
    if (source_slot >= 0) {
        upload_slot_data();
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, slot_data_);
        draw_heatmap(style, (source_slot % kSlotGrid) * kSlotRes,
                     (source_slot / kSlotGrid) * kSlotRes, kSlotRes);
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    glUseProgram(0);
    if (width == height) render_points_square(kOutputPoints, x, y, width, shown, points, radius_px);
    else render_points(kOutputPoints, x, y, width, height, points, radius_px);
}

std::uint64_t Renderer::output_key(int x, int y, int width, int height, const HeatStyle& style, int source_slot,
                                  const std::vector<PointSprite>& points, float radius_px, const int shown[3]) const {
    const int place[] = {x, y, width, height, shown[0], shown[1], shown[2], source_slot};
    std::uint64_t h = hash_value(0x0u, place);
    h = hash_value(h, radius_px);
    h = hash_value(h, max_point_px_);
    h = hash_value(h, layer_usable_);
    const int style_ints[] = {style.kind, style.classes, style.discretize, style.contour, style.class_first,
                              style.class_count};
    h = hash_value(hash_value(h, style_ints), style.strength);
    if (source_slot >= 0) h = hash_value(hash_value(hash_value(h, slot_changes_), palette_), neutral_);
    h = hash_value(hash_value(h, palette().point_outline.u32()), palette().test_outline.u32());
    h = hash_value(h, points.size());
    for (const PointSprite& p : points) {
        const float place_style[] = {p.x, p.y, p.style};
        h = hash_value(hash_value(hash_value(h, place_style), p.fill), p.marker);
    }
    return h;
}

void Renderer::render_points_square(int set, int x, int y, int side, const int shown[3],
                                    const std::vector<PointSprite>& points, float radius_px) {
    if (int(points.size()) >= kLayerPoints && shown[2] > 0 && shown[2] <= max_texture_px_ && layer_usable_ &&
        !(speed_skip() & kSkipPointsLayer))
        draw_points_layer(set, x, y, side, shown, points, radius_px);
    else
        render_points(set, x, y, side, side, points, radius_px);
}

void Renderer::draw_points_layer(int set, int x, int y, int side, const int shown[3],
                                 const std::vector<PointSprite>& points, float radius_px) {
    PointsLayer& layer = layers_[set];
    const int key[4] = {x - shown[0], y - shown[1], side, int(std::lround(radius_px * 64))};
    const PointBuffer& buffer = point_sets_[set];
    if (!layer.valid || !std::equal(key, key + 4, layer.key) || layer.side != shown[2] || !buffer.valid ||
        points != buffer.uploaded) {
        if (layer.side != shown[2]) {
            glDeleteTextures(1, &layer.tex);
            layer.tex = make_texture(GL_RGBA8, shown[2], shown[2], GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
            layer.side = shown[2];
            glBindFramebuffer(GL_FRAMEBUFFER, layer.fbo);
            glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, layer.tex, 0);
            if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
                // No layer on this GL: the points one by one from now on, as before.
                glBindFramebuffer(GL_FRAMEBUFFER, 0);
                layer_usable_ = false;
                render_points(set, x, y, side, side, points, radius_px);
                return;
            }
        }
        // The points over nothing: with points.frag's blending, the texture holds them
        // premultiplied (colour × alpha, and alpha over alpha).
        glBindFramebuffer(GL_FRAMEBUFFER, layer.fbo);
        glDisable(GL_SCISSOR_TEST);  // imgui_gl's is the canvas's
        glViewport(0, 0, layer.side, layer.side);
        glClearColor(0, 0, 0, 0);
        glClear(GL_COLOR_BUFFER_BIT);
        render_points(set, key[0], key[1], side, side, points, radius_px);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glEnable(GL_SCISSOR_TEST);
        std::copy(key, key + 4, layer.key);
        layer.valid = true;
        ++layer.draws;
    }
    glViewport(shown[0], shown[1], layer.side, layer.side);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // premultiplied "over"
    glUseProgram(layer_program_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, layer.tex);
    glUniform1i(layer_at_texture_, 0);
    glUniform2i(layer_at_origin_, shown[0], shown[1]);
    glBindVertexArray(empty_vao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    count_draw(1);
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glDisable(GL_BLEND);
    glUseProgram(0);
}

void Renderer::render_points(int set, int x, int y, int width, int height,
                             const std::vector<PointSprite>& points, float radius_px) {
    if (points.empty() || width < 1 || height < 1 || set < 0 || set >= kPointSets) return;
    PointBuffer& buffer = point_sets_[set];
    glViewport(x, y, width, height);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(point_program_);
    // A sprite's side is 2 (reach · r + 1) pixels (shaders/points.vert): at most the
    // largest the GL draws.
    float reach[kPaletteClasses], widest = 0;
    for (int m = 0; m < kPaletteClasses; ++m) {
        reach[m] = marker_reach(Marker(m));
        widest = std::max(widest, reach[m]);
    }
    radius_px = std::max(1.0f, std::min(radius_px, (max_point_px_ / 2 - 1) / widest));
    glUniform1fv(point_at_.reach, kPaletteClasses, reach);
    glUniform1f(point_at_.radius, radius_px);
    glUniform1f(point_at_.outline, std::max(1.0f, radius_px * 0.25f));
    glUniform1f(point_at_.extent, kDomain);
    float outline[3], test_outline[3];
    colour_of(palette().point_outline.u32(), outline);
    colour_of(palette().test_outline.u32(), test_outline);
    glUniform3fv(point_at_.outline_colour, 1, outline);
    glUniform3fv(point_at_.test_outline_colour, 1, test_outline);
    // One sprite per point rather than instancing (SwiftShader, software WebGL, runs every
    // instance as a draw of its own, which made 250 points cost more than the UI) or two
    // triangles (it pays per primitive). They stay in the buffer until the points change.
    if (!buffer.valid || points != buffer.uploaded) {
        point_vertices_.clear();
        for (const PointSprite& p : points)
            point_vertices_.push_back({p.x, p.y, p.fill, p.style + 3.0f * float(int(p.marker))});
        glBindBuffer(GL_ARRAY_BUFFER, buffer.vbo);
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(point_vertices_.size() * sizeof(PointVertex)),
                     point_vertices_.data(), GL_STATIC_DRAW);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
        buffer.uploaded = points;
        buffer.valid = true;
    }
    glBindVertexArray(buffer.vao);
    glDrawArrays(GL_POINTS, 0, GLsizei(buffer.uploaded.size()));
    count_draw(0);  // sprites, no triangles
    glBindVertexArray(0);
    glDisable(GL_BLEND);
    glUseProgram(0);
}

}  // namespace nnplay::web
