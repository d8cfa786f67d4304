// inside_views.h: what the See inside views of the error surface, the hidden space and the
// learning-rate finder (issue 14, views 2, 3, 5) keep between frames: the recorded path, the
// surface being built a few cells a frame, the hidden-space picture, the finder's run.
#pragma once

#include "engine/hidden_space.h"
#include "engine/lr_finder.h"
#include "engine/surface.h"
#include "web/renderer.h"

#include <imgui.h>

#include <vector>

namespace nnplay::web {

struct SurfaceView {
    WeightPath path{200};               // network 0's weights after each trained frame's epochs
    SurfaceBuilder builder;             // the surface being computed
    bool building = false;
    bool filling = false;               // ... and shown as it fills (nothing older to show)
    Surface shown;                      // the last complete surface (drawn while the next builds)
    int shown_version = 0;              // bumped whenever `shown` changes
    int method = 0;                     // 0 auto (exact or random), 1 random, 2 principal directions
    int built_epoch = -1;               // the epoch the surface built last was centred on
    int shown_epoch = -1;               // ... and the shown one
    double built_at = 0;                // glfwGetTime() when it was started
    double done_at = -1e9;              // ... and when the last one was complete
    bool stale = true;                  // a new run, or the method changed: build afresh
    double ms = 0;                      // the last frame's time on the grid
    // The map's cells coloured (uploaded to the renderer's surface_map strip), and for what.
    std::vector<ImU32> pixels;
    int coloured_version = -1;
    ImU32 coloured_neutral = 0;
    // Network 0's weights since the shown surface was centred, located on its slice as they
    // are trained: the path and the white dot follow training between refreshes.
    std::vector<double> tail_a, tail_b;
    int tail_version = -1;              // the shown_version they are located for
    int tail_epoch = -1;                // the epoch of the last one
};

struct HiddenView {
    int layer = 0, neuron_a = 0, neuron_b = 1;
    bool pca = false;
    HiddenSpace space;
    bool dirty = true;                  // trained or restarted since it was computed
    double computed_at = -1e9;          // ImGui's time when it was (thousands of points wait)
    // The training points as sprites, their plane the view's square (drawn by the renderer
    // from ImGui's draw callback), and where that square was laid out.
    std::vector<PointSprite> sprites;
    ImVec2 drawn_min;
    float drawn_side = 0;
};

struct LrFinderView {
    LrFinder finder;
    bool running = false;
    bool have_result = false;
    LrFinderResult result;
    double ms = 0;                      // the last frame's time on the finder
};

struct InsideViews {
    SurfaceView surface;
    HiddenView hidden;
    LrFinderView lr;
    // The link flags (showSurface, showHidden, showLrFinder) as last seen: a flag that turns
    // on opens the See inside panel.
    bool seen_surface = false, seen_hidden = false, seen_lr = false;
};

}  // namespace nnplay::web

namespace nnplay::web {

struct App;

// The See inside sections (called from web/ui/inside_panel.cpp, one line each), `width`
// pixels wide. Each is a collapsible section whose open state is its link flag; closed, it
// costs nothing.
void surface_view(App& app, float width);   // web/ui/surface_view.cpp
void hidden_view(App& app, float width);    // web/ui/hidden_view.cpp
void lr_finder_view(App& app, float width); // web/ui/lr_finder_view.cpp

// A view's section header, open exactly when `flag` is set; opening or closing it sets the flag.
bool view_section(const char* label, bool& flag);

// A view's title (its section header), by the name lessons and links use: backprop, gradients,
// surface, hidden, lrfinder (engine/lesson.h's kLessonViews); the name itself for another.
const char* inside_view_title(const char* name);

}  // namespace nnplay::web
