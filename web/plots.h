// plots.h: the page's small charts drawn with ImGui's draw lists: the loss chart over
// epochs, the data set previews of the picker, the output plot's axes, and the colours
// every picture shares (TensorFlow Playground's orange and blue).
#pragma once

#include "engine/trainer.h"

#include <imgui.h>

#include <vector>

namespace nnplay::web {

constexpr ImU32 kOrange = IM_COL32(0xf5, 0x93, 0x22, 0xff);   // class 0, negative
constexpr ImU32 kBlue = IM_COL32(0x08, 0x77, 0xbd, 0xff);     // class 1, positive
constexpr ImU32 kNeutral = IM_COL32(0xe8, 0xea, 0xeb, 0xff);  // zero, undecided
// Classes 0..5; the first two are the binary colours.
constexpr ImU32 kClassColours[kMaxClasses] = {
    kOrange, kBlue, IM_COL32(0x2c, 0xa0, 0x2c, 0xff), IM_COL32(0x94, 0x67, 0xbd, 0xff),
    IM_COL32(0xd6, 0x27, 0x28, 0xff), IM_COL32(0x17, 0xbe, 0xcf, 0xff)};

// How a heatmap's values are coloured (here for the output plot, by shaders/heatmap.frag for
// the thumbnails: the two follow the same rules).
struct HeatStyle {
    int kind = 0;            // 0: diverging on [-1, 1]; 1: multi-class, value = class + conf/2
    int classes = 2;
    bool discretize = false;
    bool contour = false;    // the decision boundary (0, or where the class changes)
    float strength = 1.0f;   // how far confidence pulls the colour from the neutral grey

    bool operator==(const HeatStyle&) const = default;
};

// The output plot's grid coloured on the CPU, R×R values (row 0 at the top of the plane) to
// R×R RGBA8 pixels, which the texture unit then stretches over the plot. px_per_cell: screen
// pixels per cell, so the contour stays about a pixel wide. SwiftShader (software WebGL, the
// headless browsers) took 11–20 ms to run a heatmap shader over a 400² plot and 4.5 ms to
// stretch a plain texture; this loop takes 0.75 ms natively at 256².
void colour_heatmap(const float* values, int R, const HeatStyle& style, float px_per_cell,
                    std::vector<ImU32>& out);

// The colour of a point's label: its class, or for regression a target in [−1, 1] on the
// diverging orange–grey–blue scale.
ImU32 label_colour(float label, bool regression);
ImU32 diverging_colour(float v);  // v in [−1, 1]

// Train, validation and test loss per epoch, in bounded memory: at most kCapacity samples;
// when full, every other one is dropped and samples are taken half as often.
class LossChart {
public:
    static constexpr int kCapacity = 2000;

    void clear();
    void add(const Metrics& m);
    bool empty() const { return epoch_.empty(); }

    // Draws the chart in [min, max] (screen pixels) with a hover readout; log: log10 y axis.
    void draw(ImDrawList* dl, ImVec2 min, ImVec2 max, bool log, float scale) const;

    // Where draw() puts `epoch` on the x axis, for marks over the chart; NaN when it draws no
    // line yet or the epoch is outside the samples.
    float epoch_x(int epoch, ImVec2 min, ImVec2 max, float scale) const;

private:
    std::vector<int> epoch_;
    std::vector<float> train_, val_, test_;
    int stride_ = 1;   // record every stride_-th epoch
};

// A data set's points as a tiny scatter plot, px × px RGBA pixels (row 0 at the top) on
// white, each point a square of side 2·dot. Drawn once into a texture rather than as
// draw-list rectangles: 250 points × 9 previews were two thirds of the UI's vertices, and a
// software rasteriser (SwiftShader, headless browsers) pays for every one each frame.
std::vector<ImU32> rasterize_points_preview(const std::vector<Point>& points, bool regression,
                                            int px, int dot);

// Ticks and labels around a plot of [−6, 6]² at [min, max].
void draw_axes(ImDrawList* dl, ImVec2 min, ImVec2 max, float scale);

}  // namespace nnplay::web
