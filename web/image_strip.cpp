// image_strip.cpp: see image_strip.h.
#include "web/image_strip.h"

#include "web/renderer.h"

#include <algorithm>
#include <cstdint>

namespace nnplay::web {

bool ImageStrip::reserve(int cells, int px, bool sharp) {
    if (cells == cells_ && px == px_ && sharp == sharp_ && tex_) return false;
    release();
    tex_ = make_texture(GL_RGBA8, cells * px, px, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    if (sharp) {  // every cell of a coarse picture a square
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    }
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
    count_upload(tex_, 4LL * px_ * px_);
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
