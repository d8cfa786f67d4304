// image_strip.h: small RGBA pictures coloured on the CPU, side by side in one texture, that
// ImGui draws as images: the data set previews, the runs' boundary thumbnails, the error
// surface's map. Software WebGL (SwiftShader) pays per triangle: drawn as an ImGui rectangle
// a cell, the surface's 41² cells cost a fifth of the page's frames, and twelve runs' 24²
// thumbnails added 18,000 triangles to the Runs panel (31 fps against 43 closed). As images, each picture
// is two triangles, and a list of them from one strip one draw call.
#pragma once

#include "web/platform.h"

#include <imgui.h>

namespace nnplay::web {

class ImageStrip {
public:
    // Makes room for `cells` pictures of px × px, smooth (linear filtering) or sharp (nearest:
    // every cell of a coarse picture a square). Returns true when it had to (re)allocate,
    // which clears every cell.
    bool reserve(int cells, int px, bool sharp);
    void set(int cell, const ImU32* rgba);  // px × px, row 0 at the top
    ImTextureID texture() const;
    void uv(int cell, ImVec2& uv0, ImVec2& uv1) const;
    int cells() const { return cells_; }
    int px() const { return px_; }
    void release();  // before the GL context goes

private:
    GLuint tex_ = 0;  // RGBA8 cells_·px_ × px_
    int cells_ = 0, px_ = 0;
    bool sharp_ = false;
};

}  // namespace nnplay::web
