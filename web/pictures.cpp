// pictures.cpp: the pictures derived from the trainer (see app.h): the output grid coloured
// into an image, every feature's and neuron's thumbnail in the atlas (a multi-class output
// neuron in its class's colour), the data set previews of the picker with the class count
// chosen, all finished before the UI reads them; and the points, as their classes' markers,
// drawn over the output image from ImGui's draw callback.
#include "web/app.h"
#include "web/imgui_gl.h"

#include "engine/features.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace nnplay::web {
namespace {

// Binary outputs as a value in [−1, 1] (0 = the decision boundary): probabilities and
// perceptron steps map p → 2p − 1; tanh and regression outputs are already on that scale.
float signed_output(Output o, float v) {
    switch (o) {
        case Output::sigmoid_log:
        case Output::step:
        case Output::softmax_ce: return 2 * v - 1;
        default: return v;
    }
}

void make_feature_thumbnails(App& app);

// A softmax output over several classes: each output neuron stands for its class.
bool multi_class(const NetworkSpec& spec) { return spec.output == Output::softmax_ce && spec.outputs > 1; }

// Where the atlas has the output neurons of a multi-class network, for the heatmap shader.
void class_slots(const App& app, HeatStyle& style) {
    const NetworkSpec& spec = app.run.trainer->spec();
    if (!multi_class(spec) || spec.layer_count() == 0) return;
    style.class_first = neuron_slot(app, spec.layer_count() - 1, 0);
    style.class_count = std::min(spec.outputs, kMaxClasses);
}

// The thumbnails' rendered size: the largest power of two from 16 to 64 within a node on
// screen; the texture unit stretches it the rest of the way. Rounding up instead (40 → 64
// pixels) made the atlas pass cost SwiftShader 2.5 times as many pixels.
int thumbnail_px(const App& app) {
    int px = 16;
    while (px * 2 <= app.view.node_px && px < Renderer::kSlotPx) px *= 2;
    return px;
}

// The output grid of a finished pass (web/boundary.h) as the plot's values: binary outputs
// on [−1, 1], several classes as the winning class + its probability / 2.
void publish_output(App& app) {
    const NetworkSpec& spec = app.run.trainer->spec();
    const BoundaryGrid& b = app.pictures.boundary;
    const int n = b.result_res() * b.result_res();
    const Matrix& out = b.result();  // (outputs, n)
    if (out.cols() != n || out.rows() < 1) return;
    std::vector<float>& values = app.pictures.output_values;  // its capacity kept
    values.assign(std::size_t(n), 0.0f);
    if (spec.output == Output::softmax_ce && out.rows() > 1) {
        for (int j = 0; j < n; ++j) {
            Eigen::Index best = 0;
            float p = out.col(j).maxCoeff(&best);
            values[j] = float(best) + std::clamp(p, 0.0f, 0.999f) * 0.5f;
        }
    } else {
        for (int j = 0; j < n; ++j) values[j] = signed_output(spec.output, out(0, j));
    }
    app.pictures.renderer.set_output(values.data(), b.result_res());
}

// The thumbnails of every neuron (the output plot's grid is BoundaryGrid's).
void update_pictures(App& app) {
    Trainer& t = *app.run.trainer;
    const NetworkSpec& spec = t.spec();
    if (app.pictures.renderer_ok) {
        int slots = feature_count;
        for (int l = 0; l < spec.layer_count(); ++l) slots += spec.width(l);
        if (app.pictures.renderer.reserve_slots(slots, thumbnail_px(app))) make_feature_thumbnails(app);
    }
    const int thumb_res = Renderer::kSlotRes >> std::max(0, app.pictures.detail - 1);
    // The thumbnails show the member the network view draws (its selector marks them dirty).
    const int member = std::clamp(app.view.member, 0, t.ensemble_size() - 1);
    t.evaluate_grid(thumb_res, app.pictures.thumbs, true, member);
    if (!app.pictures.renderer_ok) return;
    std::vector<float> values;

    // Thumbnails: a coarser grid (detail ≥ 2) fills each kSlotRes² slot in blocks.
    const int R = Renderer::kSlotRes, block = R / thumb_res;
    values.resize(std::size_t(R * R));
    for (int l = 0; l < spec.layer_count() && l < int(app.pictures.thumbs.layers.size()); ++l) {
        const Matrix& a = app.pictures.thumbs.layers[l];  // (width, thumb_res²)
        const bool last = l == spec.layer_count() - 1;
        // A multi-class output neuron shows its class's probability (the shader colours it
        // neutral → its class); discretized, 1 where its class wins and 0 elsewhere.
        const bool classes = last && multi_class(spec);
        const bool winner = classes && app.run.state.discretize;
        for (int node = 0; node < a.rows(); ++node) {
            for (int i = 0; i < R; ++i)
                for (int j = 0; j < R; ++j) {
                    const int cell = (i / block) * thumb_res + j / block;
                    const float v = a(node, cell);
                    float shown = last && !classes ? signed_output(spec.output, v) : v;
                    if (winner) {
                        Eigen::Index best = 0;
                        a.col(cell).maxCoeff(&best);
                        shown = best == node ? 1.0f : 0.0f;
                    }
                    values[size_t(i * R + j)] = shown;
                }
            app.pictures.renderer.set_slot(neuron_slot(app, l, node), values.data());
        }
    }
}

void make_feature_thumbnails(App& app) {
    const int R = Renderer::kSlotRes;
    std::vector<float> values(std::size_t(R * R));
    for (int f = 0; f < feature_count; ++f) {
        float peak = 1e-6f;
        for (int i = 0; i < R; ++i)
            for (int j = 0; j < R; ++j) {
                values[i * R + j] = float(feature_value(Feature(f), grid_x(j, R), grid_y(i, R)));
                peak = std::max(peak, std::abs(values[i * R + j]));
            }
        for (float& v : values) v /= peak;
        app.pictures.renderer.set_slot(feature_slot(f), values.data());
    }
}

void make_dataset_previews(App& app) {
    app.pictures.preview_classes = std::clamp(app.run.state.classes, 2, kMaxClasses);
    app.pictures.dataset_previews.assign(std::size_t(Dataset::formula) + 1, {});
    for (int d = 0; d < int(Dataset::custom); ++d) {
        PlaygroundState s;
        const Dataset ds = Dataset(d);
        s.problem = (ds == Dataset::reg_plane || ds == Dataset::reg_gauss) ? Problem::regression
                                                                           : Problem::classification;
        if (s.problem == Problem::regression) s.reg_dataset = ds; else s.dataset = ds;
        // The class count chosen now, for the data sets that take one (TFP's spiral and the
        // binary sets ignore it).
        s.classes = app.pictures.preview_classes;
        s.num_samples = 250;
        Rng rng = Rng("preview").derive("data");
        app.pictures.dataset_previews[d] = generate_points(s, rng);
    }
}

// Rasterises the picker's previews into the renderer's image cells when the cell size
// changes, and the custom cell when the drawn points change.
void update_previews(App& app) {
    if (!app.pictures.renderer_ok || app.pictures.preview_px <= 0) return;
    const int px = app.pictures.preview_px, dot = std::max(1, int(std::lround(px / 60.0)));
    const int cells = int(Dataset::formula) + 1;
    const bool regression = app.run.state.problem == Problem::regression;
    // A new class count (or theme: pictures_finish clears preview_classes) draws every cell again.
    bool redraw = false;
    if (app.pictures.preview_classes != std::clamp(app.run.state.classes, 2, kMaxClasses)) {
        make_dataset_previews(app);
        redraw = true;
    }
    if (app.pictures.renderer.previews.reserve(cells, px, false) || redraw) {
        for (int d = 0; d < int(Dataset::custom); ++d) {
            const bool reg = Dataset(d) == Dataset::reg_plane || Dataset(d) == Dataset::reg_gauss;
            app.pictures.renderer.previews.set(d, rasterize_points_preview(app.pictures.dataset_previews[size_t(d)], reg, px, dot).data());
        }
        app.pictures.custom_preview.clear();
        app.pictures.custom_preview_regression = !regression;  // forces the custom cell below
        app.pictures.formula_preview.clear();  // and the formula cell
    }
    if (app.pictures.custom_preview != app.run.state.points || app.pictures.custom_preview_regression != regression) {
        app.pictures.custom_preview = app.run.state.points;
        app.pictures.custom_preview_regression = regression;
        app.pictures.renderer.previews.set(int(Dataset::custom),
                               rasterize_points_preview(app.pictures.custom_preview, regression, px, dot).data());
    }
    // Formulas (task G2): the formula cell draws the state's formula, for the problem shown.
    const std::string formula_key = (regression ? "r:" : "c:") + app.run.state.data_formula;
    if (app.pictures.formula_preview != formula_key) {
        app.pictures.formula_preview = formula_key;
        PlaygroundState s;
        s.problem = app.run.state.problem;
        s.dataset = s.reg_dataset = Dataset::formula;
        s.data_formula = app.run.state.data_formula;
        s.num_samples = 250;
        Rng rng = Rng("preview").derive("data");
        app.pictures.renderer.previews.set(int(Dataset::formula),
                                        rasterize_points_preview(generate_points(s, rng), regression, px, dot).data());
    }
}

// The points to draw, into app.pictures.sprites (its capacity kept from frame to frame).
const std::vector<PointSprite>& point_sprites(App& app) {
    const DataSplit& d = app.run.trainer->data();
    const bool regression = app.run.trainer->is_regression();
    std::vector<PointSprite>& out = app.pictures.sprites;
    out.clear();
    auto add = [&](const std::vector<Point>& points, float style) {
        for (const Point& p : points)
            out.push_back({p.x, p.y, label_colour(p.label, regression), style,
                           regression ? Marker::circle : class_marker(int(p.label))});
    };
    if (app.run.state.show_test_data) add(d.test, 1);
    add(d.val, 2);
    add(d.train, 0);
    return out;
}

// The thumbnail atlas, before ImGui draws (the output plot is drawn during it, below).
void draw_pictures(App& app) {
    if (!app.pictures.renderer_ok) return;
    const NetworkSpec& spec = app.run.trainer->spec();
    int slots = feature_count;
    for (int l = 0; l < spec.layer_count(); ++l) slots += spec.width(l);
    HeatStyle thumb;
    thumb.discretize = app.run.state.discretize;
    class_slots(app, thumb);
    app.pictures.renderer.render_slots(slots, thumb);
}

// How the network's output is coloured in the output image.
HeatStyle output_style(const App& app) {
    const NetworkSpec& spec = app.run.trainer->spec();
    HeatStyle style;
    const bool multi = spec.output == Output::softmax_ce && spec.outputs > 1;
    style.kind = multi ? 1 : 0;
    style.classes = std::max(2, spec.outputs);
    style.discretize = app.run.state.discretize;
    style.contour = !app.run.trainer->is_regression();
    style.strength = 0.65f;
    return style;
}

// What the output plot shows: the hovered neuron's or feature's thumbnail slot (returned,
// with its style), or -1 for the network's output (its style).
int output_source(const App& app, HeatStyle& style) {
    const NetworkSpec& spec = app.run.trainer->spec();
    style = HeatStyle();
    if (app.view.hover_layer >= 0 && app.view.hover_layer < spec.layer_count() &&
        app.view.hover_node < spec.width(app.view.hover_layer)) {
        style.discretize = app.run.state.discretize;
        if (multi_class(spec) && app.view.hover_layer == spec.layer_count() - 1) {
            style.class_first = app.view.hover_node;  // this class's neuron, in its colour
            style.class_count = kMaxClasses;
        }
        return neuron_slot(app, app.view.hover_layer, app.view.hover_node);
    }
    if (app.view.hover_feature >= 0) return feature_slot(app.view.hover_feature);
    style = output_style(app);
    return -1;
}

// While training, the pictures are made anew at most every kRefreshFrames frames, in turns:
// the output grid evaluated in one frame, its image coloured and uploaded in the next, the
// thumbnails in the third (the worst frames set the p95 of a frame's work). Each refresh costs
// texture uploads and parts of the canvas drawn again, which software WebGL pays on the CPU
// the page shares: refreshed every other frame, a 1920×1080 page trained at 0.88–0.94 of the
// frame rate of the page drawing its widgets only; every third, at 0.96–0.97 (paired rounds,
// session 24). At 60 frames a second the boundary still moves 20 times a second.
constexpr int kRefreshFrames = 3;

// The thumbnails' grids, evaluated again when dirty and due: big networks make them
// expensive (R² forward passes of every layer), so while training they are then recomputed
// half as often, and get coarser; full detail returns when it is cheap again.
// defer: the output grid was published this frame, or its image is coloured in it; training,
// the thumbnails then wait for a frame that does neither.
void update_thumbnails(App& app, bool defer) {
    Pictures& p = app.pictures;
    const bool playing = app.run.playing;
    ++p.frames_since;
    bool redo = p.dirty;
    if (!playing && p.detail > 0) redo = true;  // back to full detail
    if (p.renderer_ok && p.renderer.slot_px() != thumbnail_px(app)) redo = true;
    const int every = p.ms < 8.0 ? kRefreshFrames : 2 * kRefreshFrames;
    const bool due = !playing || (p.frames_since >= every && !defer);
    if (!redo || !due) return;
    const double start = now_ms();
    update_pictures(app);
    p.ms = now_ms() - start;
    if (playing && p.ms > 8 && p.detail < kMaxDetail) ++p.detail;
    else if ((!playing || p.ms < 3) && p.detail > 0) --p.detail;
    p.dirty = false;
    p.frames_since = 0;
    ++p.updates;
}

// The output plot's grid, refined progressively (web/boundary.h): while training, passes of
// 256² when one fits four frames' budget, else 128² spread over frames (never coarser); paused,
// passes of twice the resolution follow until the plot's own pixels (≤ 1024²), the finer
// ones with a smaller budget. The plot shows the last finished pass.
constexpr double kPlayingBudgetMs = 2.0;   // grid work a frame while training
constexpr double kPausedBudgetMs = 24.0;   // ... and paused, up to 256² (nothing else to do)
constexpr double kRefineBudgetMs = 8.0;    // ... and finer: a page just loaded stays quick
constexpr int kMinBoundaryRes = 128;
constexpr double kMaxRefineMs = 2500;      // a finer pass costing more is not started
// While training, a new grid's image is uploaded (and the plot drawn again) only where a
// texel's colour moved more than this many levels of 255 (Renderer::output_image): an epoch
// moves most of the picture by a level or two, which nobody sees, while the boundary moves
// clearly. Paused, the image is brought up to date exactly.
constexpr int kTrainingTolerance = 2;

// Returns true when a pass was published this frame (its image is coloured and uploaded).
bool update_output(App& app) {
    Pictures& p = app.pictures;
    BoundaryGrid& b = p.boundary;
    const bool playing = app.run.playing;
    const float plot_px = app.view.output_rect.w * ImGui::GetIO().DisplayFramebufferScale.x;
    int full = 256;
    while (float(full) < plot_px && full < 1024) full *= 2;
    // The first pass after a change: 256² if it fits four frames' budget while training (or
    // is the cost unknown), or a second's worth of frames paused; else 128² first.
    const int first = b.estimate_ms(256) <= (playing ? 4 * kPlayingBudgetMs : 1000.0) ? 256 : kMinBoundaryRes;
    // While training, a pass starts at most every kRefreshFrames frames: a small network's
    // pass fits in one frame, and evaluating, colouring and uploading the grid every frame was
    // most of the page's own work (a median 5.8 ms a frame against 2.0 without it, on a loaded
    // machine) for a picture that moves by one epoch. Counted from the last pass's start and
    // from its end: the frame after a pass ends evaluates nothing, and colours the new grid
    // instead (pictures_finish).
    ++p.output_frames;
    if (p.output_stale && (!b.busy() || !playing) && (!playing || p.output_frames >= kRefreshFrames)) {
        // Training lets a pass finish (else none would); paused, the latest edit wins.
        b.start(*app.run.trainer, std::min(first, full), app.view.plot_cx, app.view.plot_cy,
                kDomain / app.view.plot_zoom);
        p.output_stale = false;
        p.output_frames = 0;
    }
    const double budget = playing ? kPlayingBudgetMs : b.pass_res() <= 256 ? kPausedBudgetMs : kRefineBudgetMs;
    bool published = false;
    if (b.busy() && b.advance(budget) && p.renderer_ok) {
        publish_output(app);
        published = true;
        p.output_frames = 0;
    }
    // Paused, the next finer pass starts at once: the page keeps drawing frames while a pass
    // is under way (app_frame's idle test), however slow they come.
    if (!b.busy() && !p.output_stale && !playing && b.result_res() > 0 && b.result_res() < full &&
        b.estimate_ms(2 * b.result_res()) <= kMaxRefineMs)
        b.start(*app.run.trainer, std::min(2 * b.result_res(), full), app.view.plot_cx, app.view.plot_cy,
                kDomain / app.view.plot_zoom);
    return published;
}

// Returns true when the output grid published a pass this frame.
bool update_grids(App& app) {
    if (app.pictures.dirty) app.pictures.output_stale = true;
    const bool published = !(speed_skip() & kSkipBoundary) && update_output(app);
    // (The image waits to be coloured only where the bench's switch leaves colouring in.)
    const bool colours = app.pictures.renderer.output_uncoloured() && !(speed_skip() & kSkipColour);
    if (!(speed_skip() & kSkipThumbnails)) update_thumbnails(app, published || colours);
    return published;
}

}  // namespace

void pictures_init(App& app) {
    if (app.pictures.renderer_ok) make_feature_thumbnails(app);
    make_dataset_previews(app);
}

void pictures_finish(App& app) {
    Pictures& p = app.pictures;
    if (p.renderer_ok && p.theme_version != theme_version()) {
        // The theme changed: new neutral grey, outlines and backgrounds everywhere.
        p.renderer.set_palette(kClassColours, kMaxClasses, kNeutral);
        p.theme_version = theme_version();
        p.preview_classes = 0;  // the previews too
        p.dirty = true;
    }
    if (widgets_only()) {
        p.dirty = true;  // the bench's ceiling: draw every frame, compute no picture
        return;
    }
    const bool published = update_grids(app);
    if (!p.renderer_ok) return;
    const int skip = speed_skip();
    skipped_texture() = skip & kSkipThumbDraw ? p.renderer.atlas() : ImTextureID();
    if (!(skip & kSkipAtlas)) draw_pictures(app);
    update_previews(app);
    // The output image, coloured for the plot's size on screen (the last frame's layout).
    // While training, a grid published this frame is coloured and uploaded in the next, which
    // evaluates no grid (update_output): the frame that evaluated it would otherwise carry
    // both, and the worst frames set the p95 of a frame's work (the main thread's CPU time per
    // frame went from a median 3.0 ms every other frame and 1.5 between to 2.0 and 2.25 ms,
    // p95 3.9 to 2.75 ms, 1280×800). The plot meanwhile shows the pass before, a frame longer.
    const float side_px = app.view.output_rect.w * ImGui::GetIO().DisplayFramebufferScale.x;
    const bool colour_next_frame = published && app.run.playing && p.output_image;
    if (!(skip & kSkipColour) && !colour_next_frame)
        p.output_image = p.renderer.output_image(output_style(app),
                                                 side_px / float(std::max(p.renderer.output_res(), 1)),
                                                 app.run.playing ? kTrainingTolerance : 0);
    if (skip & kSkipOutputImage) p.output_image = ImTextureID();
    imgui_gl_set_opaque(0, p.output_image);  // its every pixel is opaque: no blending
}

// The points, and a hovered neuron's grid, drawn straight into the framebuffer over the
// output image where ImGui's draw list has it.
namespace {

// Where and how app_draw_output draws: the same for the drawing and for its key.
struct OutputOverlay {
    int x = 0, y = 0, side = 0, shown[3] = {};
    HeatStyle style;
    int source = -1;
    float radius = 0;
};

OutputOverlay output_overlay(const App& app) {
    OutputOverlay o;
    o.source = output_source(app, o.style);
    // ImGui's coordinates (y down) to framebuffer pixels (y up); the clip rectangle is the
    // output panel's, already set as the scissor by imgui_gl.
    // Zoomed, the whole plane is drawn plot_zoom times larger, placed so that the region
    // shown falls on the plot (the clip rectangle is then the plot's).
    const View& v = app.view;
    const float whole = v.output_rect.w * v.plot_zoom, per_unit = whole / (2 * kDomain);
    const float left = v.output_rect.x - (v.plot_cx - kDomain / v.plot_zoom + kDomain) * per_unit;
    const float top = v.output_rect.y - (kDomain - (v.plot_cy + kDomain / v.plot_zoom)) * per_unit;
    framebuffer_square(ImVec2(left, top), whole, o.x, o.y, o.side);
    framebuffer_square(ImVec2(v.output_rect.x, v.output_rect.y), v.output_rect.w, o.shown[0], o.shown[1], o.shown[2]);
    o.radius = std::max(3.0f, 4.0f * app.view.scale);
    return o;
}

bool draws_output(const App& app) { return app.pictures.renderer_ok && !(speed_skip() & kSkipOutputDraw); }

}  // namespace

void app_draw_output(const ImDrawList*, const ImDrawCmd* cmd) {
    App& app = *static_cast<App*>(cmd->UserCallbackData);
    if (!draws_output(app)) return;
    const OutputOverlay o = output_overlay(app);
    app.pictures.renderer.render_output(o.x, o.y, o.side, o.side, o.style, o.source, point_sprites(app), o.radius,
                                        o.shown);
}

std::uint64_t app_output_key(const ImDrawCmd& cmd) {
    App& app = *static_cast<App*>(cmd.UserCallbackData);
    if (!draws_output(app)) return 0;
    const OutputOverlay o = output_overlay(app);
    return app.pictures.renderer.output_key(o.x, o.y, o.side, o.side, o.style, o.source, point_sprites(app),
                                            o.radius, o.shown);
}

void framebuffer_square(ImVec2 top_left, float side, int& x, int& y, int& side_px) {
    const ImDrawData* d = ImGui::GetDrawData();
    const ImVec2 scale = d->FramebufferScale;
    const float fb_height = d->DisplaySize.y * scale.y;
    x = int(std::lround((top_left.x - d->DisplayPos.x) * scale.x));
    side_px = int(std::lround(side * scale.x));
    y = int(std::lround(fb_height - (top_left.y - d->DisplayPos.y) * scale.y)) - side_px;
}

void preview_uv(const App& app, Dataset d, ImVec2& uv0, ImVec2& uv1) {
    app.pictures.renderer.previews.uv(int(d), uv0, uv1);
}

int feature_slot(int feature) { return feature; }

int neuron_slot(const App& app, int layer, int node) {
    const NetworkSpec& spec = app.run.trainer->spec();
    int slot = feature_count;
    for (int l = 0; l < layer; ++l) slot += spec.width(l);
    return slot + node;
}


}  // namespace nnplay::web
