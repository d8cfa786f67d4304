// imgui_gl.cpp: see imgui_gl.h. One program (shaders/imgui.*), one vertex array with a
// vertex and an index buffer refilled per draw list, the font atlas as an RGBA8 texture.
#include "web/imgui_gl.h"

#include "web/platform.h"
#include "web/renderer.h"

#include "shaders.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace nnplay::web {
namespace {

// The GL objects, kept where ImGui's own backends keep theirs (io.BackendRendererUserData),
// not in globals; null before imgui_gl_init and after imgui_gl_shutdown.
struct GlObjects {
    GLuint program = 0, vao = 0, vbo = 0, ebo = 0, font_texture = 0;
    GLint projection_at = -1, texture_at = -1;
    ImTextureID opaque[kOpaqueSlots] = {};  // imgui_gl_set_opaque's
};
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
    io.Fonts->SetTexID(as_id(g->font_texture));
}

void imgui_gl_set_opaque(int slot, ImTextureID texture) {
    if (GlObjects* g = objects(); g && slot >= 0 && slot < kOpaqueSlots) g->opaque[slot] = texture;
}

void imgui_gl_render(const ImDrawData* data) {
    const int fb_width = int(data->DisplaySize.x * data->FramebufferScale.x);
    const int fb_height = int(data->DisplaySize.y * data->FramebufferScale.y);
    if (fb_width <= 0 || fb_height <= 0 || !objects() || !objects()->program) return;
    set_state(data, fb_width, fb_height);
    const ImVec2 origin = data->DisplayPos, scale = data->FramebufferScale;
    const GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    // The widgets-only page (the bench's ceiling) draws what uses the font atlas only.
    const bool only_widgets = widgets_only();
    const ImTextureID fonts = ImGui::GetIO().Fonts->TexID;
    const ImTextureID* opaque_textures = objects()->opaque;
    const ImTextureID* opaque_end = opaque_textures + kOpaqueSlots;
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(list->VtxBuffer.Size) * GLsizeiptr(sizeof(ImDrawVert)),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(list->IdxBuffer.Size) * GLsizeiptr(sizeof(ImDrawIdx)),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
                set_state(data, fb_width, fb_height);
                continue;
            }
            // The clip rectangle in framebuffer pixels, y up: the scissor, for callbacks too.
            const float x0 = (cmd.ClipRect.x - origin.x) * scale.x, y0 = (cmd.ClipRect.y - origin.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - origin.x) * scale.x, y1 = (cmd.ClipRect.w - origin.y) * scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(int(x0), int(float(fb_height) - y1), int(x1 - x0), int(y1 - y0));
            if (cmd.UserCallback) {
                if (!only_widgets) cmd.UserCallback(list, &cmd);
                continue;
            }
            if (only_widgets && cmd.GetTexID() != fonts) continue;
            if (cmd.GetTexID() == skipped_texture() && skipped_texture()) continue;
            glBindTexture(GL_TEXTURE_2D, as_texture(cmd.GetTexID()));
            const bool opaque = cmd.GetTexID() && std::find(opaque_textures, opaque_end, cmd.GetTexID()) != opaque_end;
            if (opaque) glDisable(GL_BLEND);
            glDrawElements(GL_TRIANGLES, GLsizei(cmd.ElemCount), index_type,
                           (void*)(std::intptr_t(cmd.IdxOffset) * std::intptr_t(sizeof(ImDrawIdx))));
            if (opaque) glEnable(GL_BLEND);
            ++gl_counts().draw_calls;
            gl_counts().triangles += cmd.ElemCount / 3;
        }
    }
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_BLEND);
}

}  // namespace nnplay::web
