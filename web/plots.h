// plots.h: the page's small charts drawn with ImGui's draw lists: the loss chart over
// epochs, the data set previews of the picker, the output plot's axes, the class markers and
// their legend, and the heatmap colouring (colours from web/palette.h).
#pragma once

#include "web/palette.h"

#include "engine/trainer.h"

#include <imgui.h>

#include <vector>

namespace nnplay::web {

// The class colours as ImGui takes them (web/palette.h has them all, for both themes).
constexpr ImU32 kOrange = kClassRgb[0].u32();  // class 1, negative
constexpr ImU32 kBlue = kClassRgb[1].u32();    // class 2, positive
constexpr ImU32 kClassColours[kMaxClasses] = {kClassRgb[0].u32(), kClassRgb[1].u32(), kClassRgb[2].u32(),
                                              kClassRgb[3].u32(), kClassRgb[4].u32(), kClassRgb[5].u32()};
static_assert(kMaxClasses == kPaletteClasses);
static_assert(IM_COL32(1, 2, 3, 4) == Rgb{1, 2, 3}.u32(4), "palette.h packs colours as IM_COL32 does");

// How a heatmap's values are coloured (the output plot's by colour_heatmap, the thumbnails'
// by colour_thumbnail, a hovered neuron's grid in the plot by shaders/heatmap.frag: the three
// follow the same rules).
struct HeatStyle {
    int kind = 0;            // 0: diverging on [-1, 1]; 1: multi-class, value = class + conf/2
    int classes = 2;
    bool discretize = false;
    bool contour = false;    // the decision boundary (0, or where the class changes)
    float strength = 1.0f;   // how far confidence pulls the colour from the neutral grey
    // Multi-class output neurons, coloured neutral → their class's colour by probability:
    // in the atlas, slots [class_first, class_first + class_count) are classes 0, 1, ...; a
    // single slot's grid (the output plot) is class `class_first` when class_count is 1.
    int class_first = -1;
    int class_count = 0;

    bool operator==(const HeatStyle&) const = default;
};

// The output plot's grid coloured on the CPU, R×R values (row 0 at the top of the plane) to
// R×R RGBA8 pixels, which the texture unit then stretches over the plot. px_per_cell: screen
// pixels per cell, so the contour stays about a pixel wide. SwiftShader (software WebGL, the
// headless browsers) took 11–20 ms to run a heatmap shader over a 400² plot and 4.5 ms to
// stretch a plain texture; this loop takes 0.75 ms natively at 256².
void colour_heatmap(const float* values, int R, const HeatStyle& style, float px_per_cell,
                    std::vector<ImU32>& out);

// A thumbnail coloured on the CPU, as the atlas shows it (heatmap.frag's rules for a slot):
// the R×R values (row 0 at the top of the plane, `stride` floats a row) stretched to px × px
// by interpolating the values bilinearly, then coloured on the diverging scale over [−1, 1]
// (palette[0] negative, [1] positive), or for a multi-class output neuron (class_index ≥ 0)
// from the neutral grey to palette[class_index] by its probability. Rows are written bottom
// up (a texture's first row is its bottom), `out_stride` pixels apart. Colours in 0..255.
// SwiftShader ran the atlas shader at about 125 ns a pixel: an 8 × 64 network's 520 slots cost
// it 5 ms a frame; this loop does the same pixels natively in well under a millisecond.
struct ThumbColours {
    float palette[kMaxClasses][3];
    float neutral[3];
};
void colour_thumbnail(const float* values, int R, int stride, int px, const ThumbColours& colours, int class_index,
                      bool discretize, float strength, ImU32* out, int out_stride);

// The colour of a point's label: its class, or for regression a target in [−1, 1] on the
// diverging orange–grey–blue scale.
ImU32 label_colour(float label, bool regression);
ImU32 diverging_colour(float v);  // v in [−1, 1]

// A loss chart's axes inside [min, max]: loss figures at round steps at the left (powers of ten
// on a log axis spanning a decade), whole epochs below, grid lines, and the plot area they
// leave. lo and hi are the loss range, log10'd on a log axis; e0 < e1 the epochs.
struct ChartAxes {
    ImVec2 p0, p1;        // the plot area
    bool drawn = false;   // false: [min, max] too small for a plot area, nothing drawn
    double lo = 0, hi = 1, e0 = 0, e1 = 1;
    bool log = false;
    float x(double epoch) const;
    float y(double loss) const;
    ImVec2 at(double epoch, double loss) const { return {x(epoch), y(loss)}; }
};
ChartAxes draw_chart_axes(ImDrawList* dl, ImVec2 min, ImVec2 max, double lo, double hi, double e0, double e1,
                          bool log, float scale);

// Train, validation and test loss of every epoch, in bounded memory: each of at most
// kBuckets buckets covers bucket_epochs() consecutive epochs (a power of two) and keeps
// each series' minimum and maximum there and which came first, so the drawn line keeps every
// spike; when all are used, neighbours merge and a bucket covers twice as many epochs.
class LossChart {
public:
    static constexpr int kBuckets = 1024;
    static constexpr int kSeries = 3;  // train, validation, test

    struct Bucket {
        int first_epoch = 0, last_epoch = 0;
        int samples = 0;                           // epochs recorded in it
        float min[kSeries], max[kSeries];          // over its finite values (±inf: none)
        int min_at[kSeries], max_at[kSeries];      // the epochs of min and max
        float last[kSeries];                       // the value at last_epoch (NaN: none)
    };

    void clear();
    // Records an epoch's losses. An epoch at or before the last one recorded is ignored.
    void add(const Metrics& m);
    bool empty() const { return buckets_.empty(); }

    int samples() const { return samples_; }       // epochs recorded since clear()
    int bucket_epochs() const { return width_; }
    const std::vector<Bucket>& buckets() const { return buckets_; }
    // Whether series s (0 train, 1 validation, 2 test) has any finite value.
    bool has(int s) const { return has_[s]; }

    // Draws the chart in [min, max] (screen pixels): axes with numbers (epoch, loss), the
    // curves that exist (solid train, dotted validation, dashed test) and a hover readout;
    // log: log10 y axis.
    void draw(ImDrawList* dl, ImVec2 min, ImVec2 max, bool log, float scale) const;
    // The legend of the curves that exist, as one line of ImGui items with their dash styles.
    void legend(float scale) const;

    // Where draw() puts `epoch` on the x axis, for marks over the chart; NaN when it draws no
    // line yet or the epoch is outside the samples.
    float epoch_x(int epoch) const;

private:
    std::vector<Bucket> buckets_;
    int width_ = 1;        // epochs per bucket
    int origin_ = 0;       // the first epoch recorded: bucket i starts at origin_ + i·width_
    int last_epoch_ = -1;
    mutable float drawn_x0_ = 0, drawn_x1_ = 0;  // the plot area's x range at the last draw()
    int samples_ = 0;
    bool has_[kSeries] = {};
};

// A polyline drawn in dashes: dash and gap lengths in pixels (gap 0: solid).
void dashed_polyline(ImDrawList* dl, const ImVec2* points, int count, ImU32 colour, float thickness,
                     float dash, float gap);

// A class marker (the shape of its points) centred at c, `radius` pixels, filled and outlined.
void draw_marker(ImDrawList* dl, ImVec2 c, float radius, Marker marker, ImU32 fill, ImU32 outline);

// Class k's marker in its colour and its number (text in the theme's ink: class colours are
// not all readable as text), as ImGui items on one line.
void class_label(int k, float scale);
// Every class's label, left to right.
void class_legend(int classes, float scale);

// A data set's points as a tiny scatter plot, px × px RGBA pixels (row 0 at the top) on
// the theme's preview background, each point its class's marker of radius 1.5·dot. Drawn once into a texture rather than as
// draw-list rectangles: 250 points × 9 previews were two thirds of the UI's vertices, and a
// software rasteriser (SwiftShader, headless browsers) pays for every one each frame.
std::vector<ImU32> rasterize_points_preview(const std::vector<Point>& points, bool regression,
                                            int px, int dot);

// Ticks and labels around a plot of [−6, 6]² at [min, max].
void draw_axes(ImDrawList* dl, ImVec2 min, ImVec2 max, float scale);
// The same for a plot of [x0, x1] × [y0, y1] (the output plot zoomed): about six ticks a side
// at round steps (1, 2 or 5 × 10^k).
void draw_axes(ImDrawList* dl, ImVec2 min, ImVec2 max, float scale, float x0, float x1, float y0, float y1);

}  // namespace nnplay::web
