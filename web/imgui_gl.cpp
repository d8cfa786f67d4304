// imgui_gl.cpp: see imgui_gl.h. One program (shaders/imgui.*), one vertex array with a
// vertex and an index buffer refilled per draw list, the font atlas as an RGBA8 texture.
#include "web/imgui_gl.h"

#include "web/damage.h"
#include "web/platform.h"
#include "web/renderer.h"

#include "shaders.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace nnplay::web {
namespace {

// The GL objects, kept where ImGui's own backends keep theirs (io.BackendRendererUserData),
// not in globals; null before imgui_gl_init and after imgui_gl_shutdown.
struct GlObjects {
    GLuint program = 0, vao = 0, vbo = 0, ebo = 0, font_texture = 0;
    GLint projection_at = -1, texture_at = -1;
    ImTextureID opaque[kOpaqueSlots] = {};  // imgui_gl_set_opaque's
    std::vector<std::pair<ImDrawCallback, CallbackKey>> callback_keys;  // imgui_gl_set_callback_key's
    // Drawing only what changed (web/damage.h): the tiles, and this frame's commands' reach,
    // first triangle and triangles' boxes (in order), the indices picked for the rectangles.
    Damage damage;
    std::vector<PixelRect> reach, triangle_box;
    std::vector<std::size_t> first_triangle;
    std::vector<ImDrawIdx> picked;
};
double last_redrawn = 1;  // the share of the canvas the last frame drew
GlObjects* objects() { return static_cast<GlObjects*>(ImGui::GetIO().BackendRendererUserData); }

ImTextureID as_id(GLuint tex) { return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(tex)); }
GLuint as_texture(ImTextureID id) { return GLuint(reinterpret_cast<std::intptr_t>(id)); }

// Blending on, scissor on, the program, the projection of the display rectangle and the
// buffers: everything a draw command relies on.
void set_state(const ImDrawData* data, int fb_width, int fb_height) {
    glViewport(0, 0, fb_width, fb_height);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    const float l = data->DisplayPos.x, r = l + data->DisplaySize.x;
    const float t = data->DisplayPos.y, b = t + data->DisplaySize.y;
    const float ortho[16] = {2 / (r - l), 0, 0, 0,   0, 2 / (t - b), 0, 0,   0, 0, -1, 0,
                             (r + l) / (l - r), (t + b) / (b - t), 0, 1};
    const GlObjects& g = *objects();
    glUseProgram(g.program);
    glUniform1i(g.texture_at, 0);
    glUniformMatrix4fv(g.projection_at, 1, GL_FALSE, ortho);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
}

}  // namespace

bool imgui_gl_init(std::string& error) {
    auto* g = new GlObjects;
    ImGui::GetIO().BackendRendererUserData = g;
    g->program = link_program(kImguiVert, kImguiFrag, "imgui", error);
    if (!g->program) return false;
    g->projection_at = glGetUniformLocation(g->program, "u_projection");
    g->texture_at = glGetUniformLocation(g->program, "u_texture");
    glGenVertexArrays(1, &g->vao);
    glGenBuffers(1, &g->vbo);
    glGenBuffers(1, &g->ebo);
    glBindVertexArray(g->vao);
    glBindBuffer(GL_ARRAY_BUFFER, g->vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g->ebo);  // part of the vertex array's state
    const GLsizei stride = sizeof(ImDrawVert);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, (void*)offsetof(ImDrawVert, pos));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, (void*)offsetof(ImDrawVert, uv));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, (void*)offsetof(ImDrawVert, col));
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    ImGui::GetIO().BackendRendererName = "nnplay_imgui_gl";
    return true;
}

void imgui_gl_shutdown() {
    GlObjects* g = objects();
    if (!g) return;
    glDeleteTextures(1, &g->font_texture);
    glDeleteBuffers(1, &g->vbo);
    glDeleteBuffers(1, &g->ebo);
    glDeleteVertexArrays(1, &g->vao);
    glDeleteProgram(g->program);
    delete g;
    ImGui::GetIO().BackendRendererUserData = nullptr;
}

void imgui_gl_upload_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    GlObjects* g = objects();
    if (!g) return;
    if (g->font_texture) glDeleteTextures(1, &g->font_texture);
    glGenTextures(1, &g->font_texture);
    glBindTexture(GL_TEXTURE_2D, g->font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    glBindTexture(GL_TEXTURE_2D, 0);
    texture_changed(g->font_texture);  // (a deleted texture's name may come back)
    io.Fonts->SetTexID(as_id(g->font_texture));
}

void imgui_gl_set_opaque(int slot, ImTextureID texture) {
    if (GlObjects* g = objects(); g && slot >= 0 && slot < kOpaqueSlots) g->opaque[slot] = texture;
}

void imgui_gl_set_callback_key(ImDrawCallback callback, CallbackKey key) {
    GlObjects* g = objects();
    if (!g) return;
    for (auto& [c, k] : g->callback_keys)
        if (c == callback) {
            k = key;
            return;
        }
    g->callback_keys.emplace_back(callback, key);
}

namespace {

// What a command draws: left out in the widgets-only page (the bench's ceiling: what uses
// the font atlas only) and for the bench's kSkipThumbDraw.
bool drawn(const ImDrawCmd& cmd) {
    if (cmd.UserCallback) return !widgets_only();
    if (widgets_only() && cmd.GetTexID() != ImGui::GetIO().Fonts->TexID) return false;
    return !(cmd.GetTexID() == skipped_texture() && skipped_texture());
}

bool is_opaque(const GlObjects& g, ImTextureID texture) {
    return texture && std::find(g.opaque, g.opaque + kOpaqueSlots, texture) != g.opaque + kOpaqueSlots;
}

// A command's clip rectangle in framebuffer pixels, y down.
PixelRect clip_pixels(const ImDrawCmd& cmd, ImVec2 origin, ImVec2 scale) {
    return {int((cmd.ClipRect.x - origin.x) * scale.x), int((cmd.ClipRect.y - origin.y) * scale.y),
            int((cmd.ClipRect.z - origin.x) * scale.x), int((cmd.ClipRect.w - origin.y) * scale.y)};
}

std::uint64_t hash_step(std::uint64_t h, std::uint64_t v) {
    h = (h ^ v) * 0x100000001B3ull;
    return h ^ (h >> 31);
}

// Feeds the frame's drawing to the damage tiles: each triangle over its pixels (its corners'
// box, a pixel wider, within its clip rectangle), hashed with its vertices, its texture and
// that texture's version, its clip rectangle and its blending; callbacks over their whole clip
// rectangle, with their key (imgui_gl_set_callback_key) or as changed every frame. Notes each
// command's reach (empty: it draws nothing) and each triangle's box, for drawing only what
// falls in the rectangles drawn again.
void track(Damage& damage, const ImDrawData* data, GlObjects& g) {
    const ImVec2 origin = data->DisplayPos, scale = data->FramebufferScale;
    g.reach.clear();
    g.first_triangle.clear();
    g.triangle_box.clear();
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        const ImDrawVert* vertices = list->VtxBuffer.Data;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            g.reach.emplace_back();
            g.first_triangle.push_back(g.triangle_box.size());
            if (cmd.UserCallback == ImDrawCallback_ResetRenderState || !drawn(cmd)) continue;
            const PixelRect clip = clip_pixels(cmd, origin, scale);
            if (clip.empty()) continue;
            const auto pair = [](int a, int b) { return (std::uint64_t(std::uint32_t(a)) << 32) | std::uint32_t(b); };
            std::uint64_t key = hash_step(hash_step(0xC0FFEEull, pair(clip.x0, clip.y0)), pair(clip.x1, clip.y1));
            if (cmd.UserCallback) {
                const auto known = std::find_if(g.callback_keys.begin(), g.callback_keys.end(),
                                                [&](const auto& ck) { return ck.first == cmd.UserCallback; });
                if (known != g.callback_keys.end()) damage.add(clip, hash_step(key, known->second(cmd)));
                else damage.always(clip);
                g.reach.back() = clip;
                continue;
            }
            const GLuint texture = as_texture(cmd.GetTexID());
            key = hash_step(key, texture);
            key = hash_step(key, texture_version(texture));
            key = hash_step(key, is_opaque(g, cmd.GetTexID()));
            // Parts of the texture uploaded since the last frame (its version unchanged).
            const std::vector<UvRect>* parts = texture_parts_changed(texture);
            const ImDrawIdx* index = list->IdxBuffer.Data + cmd.IdxOffset;
            PixelRect reach;
            for (unsigned int t = 0; t + 3 <= cmd.ElemCount; t += 3) {
                float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
                float pos[3][2] = {}, uv[3][2] = {};
                std::uint64_t h = key;
                for (unsigned int k = 0; k < 3; ++k) {
                    const ImDrawVert& v = vertices[cmd.VtxOffset + index[t + k]];
                    x0 = std::min(x0, v.pos.x), x1 = std::max(x1, v.pos.x);
                    y0 = std::min(y0, v.pos.y), y1 = std::max(y1, v.pos.y);
                    if (parts) {  // (only for textures uploaded in part: most frames have none)
                        pos[k][0] = (v.pos.x - origin.x) * scale.x, pos[k][1] = (v.pos.y - origin.y) * scale.y;
                        uv[k][0] = v.uv.x, uv[k][1] = v.uv.y;
                    }
                    std::uint64_t bits[3] = {};
                    static_assert(sizeof(ImDrawVert) <= sizeof bits);
                    std::memcpy(bits, &v, sizeof v);
                    h = hash_step(hash_step(hash_step(h, bits[0]), bits[1]), bits[2]);
                }
                const PixelRect box = intersect(clip, {int(std::floor((x0 - origin.x) * scale.x)) - 1,
                                                       int(std::floor((y0 - origin.y) * scale.y)) - 1,
                                                       int(std::ceil((x1 - origin.x) * scale.x)) + 1,
                                                       int(std::ceil((y1 - origin.y) * scale.y)) + 1});
                g.triangle_box.push_back(box);
                if (box.empty()) continue;
                damage.add(box, h);
                reach = bounds(reach, box);
                if (!parts) continue;
                for (const UvRect& p : *parts) {
                    const float part[4] = {p.u0, p.v0, p.u1, p.v1};
                    PixelRect shown;
                    damage.changed(uv_part_pixels(pos, uv, part, shown) ? intersect(box, shown) : box);
                }
            }
            g.reach.back() = reach;
        }
    }
}

// A command's share of one rectangle drawn again: `count` indices from `offset` (into the
// list's own indices when the whole frame is drawn, else into GlObjects::picked), under the
// scissor `part`. Callbacks and render-state resets have count 0.
struct Part {
    int cmd = 0;
    PixelRect part;
    unsigned int offset = 0, count = 0;
};

}  // namespace

void imgui_gl_render(const ImDrawData* data, const float background[3], bool keeps_pixels) {
    const int fb_width = int(data->DisplaySize.x * data->FramebufferScale.x);
    const int fb_height = int(data->DisplaySize.y * data->FramebufferScale.y);
    GlObjects* g = objects();
    if (fb_width <= 0 || fb_height <= 0 || !g || !g->program) return;
    // Where the canvas keeps its pixels, only the rectangles whose drawing changed are drawn
    // again, each over its background; elsewhere (or asked to) the whole frame.
    // Under everything: the background, and where the vertices' coordinates land in pixels.
    std::uint64_t seed = 0;
    const float under[7] = {background[0], background[1], background[2], data->DisplayPos.x, data->DisplayPos.y,
                            data->FramebufferScale.x, data->FramebufferScale.y};
    for (float f : under) {
        std::uint32_t bits = 0;
        std::memcpy(&bits, &f, sizeof bits);
        seed = hash_step(seed, bits);
    }
    // A frame drawn whole anyway (a canvas that does not keep its pixels, the desktop's window,
    // or full_redraw) hashes nothing, and the frame after it is drawn whole too (Damage::forget):
    // no hash shows where this one drew.
    const bool tracked = keeps_pixels && !full_redraw();
    g->damage.begin(fb_width, fb_height, seed);
    if (tracked) track(g->damage, data, *g);
    else g->damage.forget();
    texture_parts_drawn();
    const std::vector<PixelRect>& rects = g->damage.end();
    last_redrawn = g->damage.share();
    if (rects.empty()) return;
    const bool whole = g->damage.whole();
    glViewport(0, 0, fb_width, fb_height);
    glClearColor(background[0], background[1], background[2], 1.0f);
    if (!whole) glEnable(GL_SCISSOR_TEST);
    for (const PixelRect& r : rects) {
        if (!whole) glScissor(r.x0, fb_height - r.y1, r.x1 - r.x0, r.y1 - r.y0);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    set_state(data, fb_width, fb_height);
    const ImVec2 origin = data->DisplayPos, scale = data->FramebufferScale;
    const GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    std::vector<Part> parts;
    std::size_t c = 0;  // the command's index in the frame (g->reach, g->first_triangle)
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        // Each pixel lies in one rectangle: it sees the background and then every command over
        // it once, in order, as in a whole frame. Of a command, only the triangles reaching a
        // rectangle are drawn there (a software rasteriser sets up every triangle it is given).
        parts.clear();
        g->picked.clear();
        for (int i = 0; i < list->CmdBuffer.Size; ++i, ++c) {
            const ImDrawCmd& cmd = list->CmdBuffer[i];
            if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
                parts.push_back({i, {}, 0, 0});
                continue;
            }
            if (tracked ? g->reach[c].empty() : !drawn(cmd)) continue;
            const PixelRect clip = clip_pixels(cmd, origin, scale);
            for (const PixelRect& r : rects) {
                const PixelRect part = intersect(clip, r);
                if (part.empty() || (tracked && intersect(g->reach[c], r).empty())) continue;
                if (cmd.UserCallback || whole) {
                    parts.push_back({i, part, cmd.IdxOffset, cmd.UserCallback ? 0 : cmd.ElemCount});
                    continue;
                }
                const unsigned int offset = unsigned(g->picked.size());
                const ImDrawIdx* index = list->IdxBuffer.Data + cmd.IdxOffset;
                const PixelRect* box = g->triangle_box.data() + g->first_triangle[c];
                for (unsigned int t = 0; t + 3 <= cmd.ElemCount; t += 3, ++box)
                    if (!intersect(*box, r).empty()) g->picked.insert(g->picked.end(), index + t, index + t + 3);
                const unsigned int count = unsigned(g->picked.size()) - offset;
                if (count > 0) parts.push_back({i, part, offset, count});
            }
        }
        // A list with nothing in the rectangles is skipped, its buffers not uploaded: besides
        // the copying, an upload of no indices per such list made partial frames of big
        // networks 3-4 times slower than whole ones in Chromium (measured, 8 x 64 network).
        const auto acts = [&](const Part& p) {
            return list->CmdBuffer[p.cmd].UserCallback != ImDrawCallback_ResetRenderState;
        };
        if (std::none_of(parts.begin(), parts.end(), acts)) continue;
        glBindVertexArray(g->vao);
        glBindBuffer(GL_ARRAY_BUFFER, g->vbo);
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(list->VtxBuffer.Size) * GLsizeiptr(sizeof(ImDrawVert)),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        const ImDrawIdx* indices = whole ? list->IdxBuffer.Data : g->picked.data();
        const std::size_t index_count = whole ? std::size_t(list->IdxBuffer.Size) : g->picked.size();
        if (index_count > 0)
            glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(index_count * sizeof(ImDrawIdx)), indices,
                         GL_STREAM_DRAW);
        for (const Part& p : parts) {
            const ImDrawCmd& cmd = list->CmdBuffer[p.cmd];
            if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
                set_state(data, fb_width, fb_height);
                continue;
            }
            glScissor(p.part.x0, fb_height - p.part.y1, p.part.x1 - p.part.x0, p.part.y1 - p.part.y0);
            if (cmd.UserCallback) {
                cmd.UserCallback(list, &cmd);
                continue;
            }
            glBindTexture(GL_TEXTURE_2D, as_texture(cmd.GetTexID()));
            const bool opaque = is_opaque(*g, cmd.GetTexID());
            if (opaque) glDisable(GL_BLEND);
            glDrawElements(GL_TRIANGLES, GLsizei(p.count), index_type,
                           (void*)(std::intptr_t(p.offset) * std::intptr_t(sizeof(ImDrawIdx))));
            if (opaque) glEnable(GL_BLEND);
            ++gl_counts().draw_calls;
            gl_counts().triangles += p.count / 3;
        }
    }
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_BLEND);
}

double imgui_gl_redrawn() { return last_redrawn; }

}  // namespace nnplay::web
