// network_view.h: what the network view's files share (network_panel.cpp draws the links and
// nodes, network_controls.cpp the shape controls above them and the ensemble's member
// selector): where everything sits this frame.
#pragma once

#include "web/app.h"

#include <imgui.h>

#include <vector>

namespace nnplay::web {

// The network's limits, as the state reader allows them (engine/settings: networkShape).
constexpr int kMaxHiddenLayers = 8;
constexpr int kMaxNeurons = 64;

// Past this many links the network view draws only the strongest: long diagonal lines in the
// thousands say nothing to the eye, and with 8 × 64 neurons 2,000 of them took a software
// rasteriser half the frame.
constexpr int kMaxLinksShown = 600;

inline int link_count(const NetworkSpec& spec) {
    int links = 0;
    for (int l = 0; l < spec.layer_count(); ++l) links += spec.width(l) * spec.fan_in(l);
    return links;
}

// Where everything of the network view sits this frame, in screen pixels.
struct NetLayout {
    ImVec2 origin;           // the view's top left
    float line = 0;          // a header row: room for a 24 px button
    float header = 0;        // the headers' height
    float node = 0, gap = 0; // a node's side, and the space between two
    float label_w = 0;       // the feature labels' column
    float spacing = 0;       // between columns
    float last_w = 0;        // the output column
    int columns = 0;         // features, hidden..., output
    std::vector<int> rows;   // the nodes in each column
    int tallest = 0;         // nodes in the tallest column
    std::vector<int> enabled;  // the features on, in order: network input i is enabled[i]
    float view_top = 0, view_bottom = 0, view_left = 0, view_right = 0;  // the visible part
    bool dropout_below = false;  // the dropout slider on a header row of its own, the last
    ImVec2 mouse;
    bool mouse_here = false;

    float column_x(int c) const { return origin.x + label_w + c * spacing; }
    ImVec2 node_min(int column, int i) const { return ImVec2(column_x(column), origin.y + header + i * (node + gap)); }
    // The row a network input sits in: its feature's index.
    int input_row(int input) const { return input < int(enabled.size()) ? enabled[size_t(input)] : input; }
    bool contains(ImVec2 a, float size) const {
        return mouse_here && mouse.x >= a.x && mouse.x < a.x + size && mouse.y >= a.y && mouse.y < a.y + size;
    }
    // The bottom of the tallest column.
    float nodes_bottom() const { return origin.y + header + tallest * (node + gap); }
};

// The ensemble member the view draws: view.member, kept inside the ensemble.
int shown_member(App& app);

// network_controls.cpp: FEATURES, the hidden layer count and its buttons, each layer's neuron
// count with its buttons and activation, OUTPUT; and, for an ensemble, the member selector
// under the output (returns its bottom right corner in screen pixels, or 0, 0 without an
// ensemble).
void network_headers(App& app, const NetLayout& n);
// The side of the view's + and − buttons: at least 24 CSS px (WCAG 2.2 target size).
float square_button_side(const App& app);
// The hidden layers' count's width, from its "+" to the end of its label ("HIDDEN LAYERS", or
// "LAYERS" with `short_label`); and the first header row's, to the end of the dropout slider
// at its least width (layout_network moves the slider down a row when that does not fit).
float layer_count_width(App& app, bool short_label);
float layer_count_row_width(App& app);
ImVec2 member_selector(App& app, const NetLayout& n);

}  // namespace nnplay::web
