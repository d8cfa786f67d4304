// test_api_speed.cpp: the test API's speed part (task C, web/api.js calls these): the last
// drawn frame's GL counts, the output plot's grid resolution, and the widgets-only switch
// the bench measures its ceiling with.
#include "web/test_api.h"

#include "web/app.h"
#include "web/imgui_gl.h"
#include "web/renderer.h"

#include "engine/parallel.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace nnplay::web {

// {drawCalls, triangles, uploads, uploadBytes, boundaryRes, boundaryPassRes, boundaryPasses,
// widgetsOnly, threads, boundaryHash, pointsLayerDraws}: threads is 2 where the boundary's
// grid has a helper thread (the page with threads on a cross-origin isolated page,
// engine/parallel.h), else 1; boundaryHash is FNV-1a of the last finished grid's float bits
// (the same grid: the same hash); pointsLayerDraws counts the times thousands of points were
// drawn into their layer (web/renderer.h); keepsPixels: the canvas keeps its pixels between
// frames, fullRedraw: it is drawn whole anyway (nnplay.setFullRedraw), redrawn: the share of
// its pixels the last frame drew (web/damage.h); outputUpload: the output plot's images coloured
// so far, and the last one's {texels uploaded, of all, lagging: some left within training's
// tolerance}; thumbnailUpdates: the times the thumbnails' grids were made anew.
NNPLAY_API const char* nnplay_api_speed() {
    App* app = app_current();
    if (!app) return "null";
    const GlCounts& c = gl_counts_last();
    const Renderer::OutputUpload& up = app->pictures.renderer.output_upload();
    const BoundaryGrid& b = app->pictures.boundary;
    std::uint32_t hash = 2166136261u;
    const auto* bytes = reinterpret_cast<const unsigned char*>(b.result().data());
    for (std::size_t i = 0; i < std::size_t(b.result().size()) * sizeof(Scalar); ++i) hash = (hash ^ bytes[i]) * 16777619u;
    return reply(*app, "{\"drawCalls\":" + std::to_string(c.draw_calls) +
                       ",\"triangles\":" + std::to_string(c.triangles) +
                       ",\"uploads\":" + std::to_string(c.uploads) +
                       ",\"uploadBytes\":" + std::to_string(c.upload_bytes) +
                       ",\"boundaryRes\":" + std::to_string(app->pictures.renderer.output_res()) +
                       ",\"boundaryPassRes\":" + std::to_string(b.busy() ? b.pass_res() : 0) +
                       ",\"boundaryPasses\":" + std::to_string(b.passes()) +
                       ",\"widgetsOnly\":" + json_bool(widgets_only()) +
                       ",\"threads\":" + std::to_string(parallel_parts()) +
                       ",\"boundaryHash\":" + std::to_string(hash) +
                       ",\"pointsLayerDraws\":" + std::to_string(app->pictures.renderer.layer_draws()) +
                       ",\"hiddenLayerDraws\":" +
                       std::to_string(app->pictures.renderer.layer_draws(Renderer::kHiddenPoints)) +
                       ",\"thumbnailUpdates\":" + std::to_string(app->pictures.updates) +
                       ",\"atlasSlots\":" + std::to_string(app->pictures.renderer.atlas_slots()) +
                       ",\"slotCapacity\":" + std::to_string(app->pictures.renderer.slot_capacity()) +
                       ",\"keepsPixels\":" + json_bool(app->keeps_pixels) +
                       ",\"fullRedraw\":" + json_bool(full_redraw()) +
                       ",\"redrawn\":" + json_number(imgui_gl_redrawn()) +
                       ",\"outputUpload\":{\"images\":" + std::to_string(up.images) +
                       ",\"texels\":" + std::to_string(up.texels) +
                       ",\"of\":" + std::to_string(up.of) + ",\"lagging\":" + json_bool(up.lagging) + "}}");
}

// Widgets only (1) or the whole page (0); widgets only keeps drawing every frame.
NNPLAY_API void nnplay_api_set_widgets_only(int on) {
    App* app = app_current();
    if (!app) return;
    widgets_only() = on != 0;
    app->pictures.dirty = true;
    app_wake(*app);
}

// The whole canvas drawn every frame (1), or only where it changed (0, web/damage.h).
NNPLAY_API void nnplay_api_set_full_redraw(int on) {
    App* app = app_current();
    if (!app) return;
    full_redraw() = on != 0;
    app_wake(*app);
}

// The canvas as the frames drawn only where they changed left it, against the same frame
// drawn whole (web/damage.h): {pixels, different, x, y} (the first different pixel, from the
// top left; -1 when none). Draws the canvas whole, as it was.
NNPLAY_API const char* nnplay_api_redraw_check() {
    App* app = app_current();
    if (!app) return "null";
    int w = 0, h = 0;
    glfwGetFramebufferSize(app->window, &w, &h);
    std::vector<std::uint8_t> kept(std::size_t(w) * std::size_t(h) * 4), whole(kept.size());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, kept.data());
    glViewport(0, 0, w, h);
    app_render(false);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, whole.data());
    long long different = 0;
    int x = -1, y = -1;
    PixelRect box;  // of the different pixels, y down
    for (int j = 0; j < h; ++j)
        for (int i = 0; i < w; ++i) {
            const std::size_t at = (std::size_t(j) * std::size_t(w) + std::size_t(i)) * 4;
            if (std::equal(kept.begin() + long(at), kept.begin() + long(at) + 3, whole.begin() + long(at))) continue;
            if (different++ == 0) x = i, y = h - 1 - j;
            box = bounds(box, {i, h - 1 - j, i + 1, h - j});
        }
    return reply(*app, "{\"pixels\":" + std::to_string((long long)w * h) + ",\"different\":" +
                           std::to_string(different) + ",\"x\":" + std::to_string(x) + ",\"y\":" +
                           std::to_string(y) + ",\"box\":[" + std::to_string(box.x0) + "," +
                           std::to_string(box.y0) + "," + std::to_string(box.x1) + "," +
                           std::to_string(box.y1) + "]}");
}

// Profiling: leaves out the parts of the picture work in `bits` (web/renderer.h's SpeedSkip).
NNPLAY_API void nnplay_api_set_speed_skip(int bits) {
    App* app = app_current();
    if (!app) return;
    speed_skip() = bits;
    app->pictures.dirty = true;
    app_wake(*app);
}

}  // namespace nnplay::web
