// image_strip.cpp: see image_strip.h.
#include "web/image_strip.h"

#include "web/renderer.h"

#include <algorithm>
#include <cstdint>

namespace nnplay::web {

bool ImageStrip::reserve(int cells, int px, bool sharp) {
    if (cells == cells_ && px == px_ && sharp == sharp_ && tex_) return false;
    release();
    glGenTextures(1, &tex_);
    glBindTexture(GL_TEXTURE_2D, tex_);
    const GLint filter = sharp ? GL_NEAREST : GL_LINEAR;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, cells * px, px, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glBindTexture(GL_TEXTURE_2D, 0);
    cells_ = cells;
    px_ = px;
    sharp_ = sharp;
    return true;
}

void ImageStrip::set(int cell, const ImU32* rgba) {
    if (cell < 0 || cell >= cells_ || !tex_) return;
    glBindTexture(GL_TEXTURE_2D, tex_);
    glTexSubImage2D(GL_TEXTURE_2D, 0, cell * px_, 0, px_, px_, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glBindTexture(GL_TEXTURE_2D, 0);
    ++gl_counts().uploads;
    gl_counts().upload_bytes += 4LL * px_ * px_;
}

ImTextureID ImageStrip::texture() const {
    return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(tex_));
}

void ImageStrip::uv(int cell, ImVec2& uv0, ImVec2& uv1) const {
    const float width = float(std::max(1, cells_ * px_));
    uv0 = ImVec2(float(cell * px_) / width, 0);
    uv1 = ImVec2(float((cell + 1) * px_) / width, 1);
}

void ImageStrip::release() {
    if (tex_) glDeleteTextures(1, &tex_);
    tex_ = 0;
    cells_ = px_ = 0;
}

}  // namespace nnplay::web
