// test_api_speed.cpp: the test API's speed part (task C, web/api.js calls these): the last
// drawn frame's GL counts, the output plot's grid resolution, and the widgets-only switch
// the bench measures its ceiling with.
#include "web/test_api.h"

#include "web/app.h"
#include "web/renderer.h"

#include "engine/parallel.h"

#include <cstdint>
#include <string>

namespace nnplay::web {

// {drawCalls, triangles, uploads, uploadBytes, boundaryRes, boundaryPassRes, boundaryPasses,
// widgetsOnly, threads, boundaryHash, pointsLayerDraws}: threads is 2 where the boundary's
// grid has a helper thread (the page with threads on a cross-origin isolated page,
// engine/parallel.h), else 1; boundaryHash is FNV-1a of the last finished grid's float bits
// (the same grid: the same hash); pointsLayerDraws counts the times thousands of points were
// drawn into their layer (web/renderer.h).
NNPLAY_API const char* nnplay_api_speed() {
    App* app = app_current();
    if (!app) return "null";
    const GlCounts& c = gl_counts_last();
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
                       ",\"atlasSlots\":" + std::to_string(app->pictures.renderer.atlas_slots()) +
                       ",\"slotCapacity\":" + std::to_string(app->pictures.renderer.slot_capacity()) + "}");
}

// Widgets only (1) or the whole page (0); widgets only keeps drawing every frame.
NNPLAY_API void nnplay_api_set_widgets_only(int on) {
    App* app = app_current();
    if (!app) return;
    widgets_only() = on != 0;
    app->pictures.dirty = true;
    app_wake(*app);
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
