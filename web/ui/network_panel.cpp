// network_panel.cpp: the features and the network: every feature and neuron a live heatmap
// from the thumbnail atlas, links coloured and sized by weight (dashes moving along them
// while training), and a click on a weight or bias to type a new value. The shape controls
// above and the ensemble's member selector are network_controls.cpp's.
#include "web/ui/network_view.h"
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "engine/features.h"
#include "engine/help.h"
#include "engine/settings.h"

#include <GLFW/glfw3.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

namespace nnplay::web {
namespace {

float distance_to_segment(ImVec2 p, ImVec2 a, ImVec2 b) {
    ImVec2 ab(b.x - a.x, b.y - a.y), ap(p.x - a.x, p.y - a.y);
    float len = ab.x * ab.x + ab.y * ab.y;
    float t = len > 0 ? std::clamp((ap.x * ab.x + ap.y * ab.y) / len, 0.0f, 1.0f) : 0.0f;
    float dx = a.x + ab.x * t - p.x, dy = a.y + ab.y * t - p.y;
    return std::sqrt(dx * dx + dy * dy);
}

// What the mouse is over: at most one of a feature, a neuron, a bias or a link.
struct NetHover {
    int feature = -1, layer = -1, node = -1, bias_layer = -1, bias = -1;
    int link_layer = -1, link_to = -1, link_from = -1;
};

// The pause before the output plot shows a hovered neuron: passing over a column of 64
// neurons on the way elsewhere changes nothing.
constexpr double kHoverDelay = 0.35;

// Node sizes from the height available (the tallest column fills about 80 % of it), columns
// spread over the width; the thumbnails are rendered at the node's size (view.node_px). When
// the columns do not fit, they narrow to their controls' width and the nodes to 16 px; past
// that the view scrolls sideways (its child window), the output column last.
NetLayout layout_network(App& app) {
    const NetworkSpec& spec = app.run.trainer->spec();
    const PlaygroundState& s = app.run.state;
    const float sc = app.view.scale;
    NetLayout n;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    n.origin = ImGui::GetCursorScreenPos();
    n.mouse = ImGui::GetIO().MousePos;
    n.mouse_here = ImGui::IsWindowHovered();
    const float button = square_button_side(app);
    n.line = button + ImGui::GetStyle().ItemSpacing.y;
    n.rows.assign(1, int(feature_count));
    for (int l = 0; l < spec.layer_count(); ++l) n.rows.push_back(spec.width(l));
    n.tallest = *std::max_element(n.rows.begin(), n.rows.end());
    n.header = n.line * 4;
    // Formulas (task G2): a layer's own formula field takes a fifth row under its choice.
    if (std::find(s.layer_activations.begin(), s.layer_activations.end(), Activation::formula) !=
        s.layer_activations.end())
        n.header += n.line;
    n.node = std::floor((avail.y - n.header - 8 * sc) / n.tallest * 0.8f);
    n.node = std::clamp(n.node, 20 * sc, 40 * sc);
    n.label_w = 50 * sc;
    n.columns = spec.layer_count() + 1;
    n.last_w = std::max(n.node, ImGui::CalcTextSize("OUTPUT").x);
    const float controls_w = 2 * button + 10 * sc;  // a column's "+" and "-"
    const float share = (avail.x - n.label_w - n.last_w - 12 * sc) / float(n.columns - 1);
    if (share < n.node + 40 * sc) n.node = std::clamp(share - 24 * sc, 16 * sc, n.node);
    n.spacing = std::max({share, controls_w, n.node + 24 * sc});
    app.view.node_px = int(std::ceil(n.node));
    n.gap = std::max(3 * sc, std::floor(n.node * 0.25f));
    // A wheel notch over the view scrolls one row of neurons, or one column (web/input.cpp).
    app.view.net_window = ImGui::GetCurrentWindow()->ID;
    app.view.net_row = n.node + n.gap;
    app.view.net_column = n.spacing;
    for (int f = 0; f < feature_count; ++f)
        if (s.features[f]) n.enabled.push_back(f);
    n.view_top = ImGui::GetWindowPos().y, n.view_bottom = n.view_top + ImGui::GetWindowHeight();
    n.view_left = ImGui::GetWindowPos().x, n.view_right = n.view_left + ImGui::GetWindowWidth();
    // The dropout slider, where the first header row has no room for it in view (a narrow
    // column), takes a row of its own under the layers' choices.
    const int layers = int(s.network_shape.size());
    const bool dropout_shown = !hidden(app, "numHiddenLayers", "addLayer") && !hidden(app, "dropout");
    n.dropout_below = dropout_shown && layers > 0 && layers == spec.layer_count() - 1 && s.model != Model::perceptron &&
                      n.column_x(1) - 4 * sc + layer_count_row_width(app) > n.view_right - ImGui::GetStyle().ScrollbarSize;
    if (n.dropout_below) n.header += n.line;
    return n;
}

// Moving dashes, as TensorFlow Playground's links while it trains: one dash every `period`
// pixels along the polyline, shifted by `phase` towards the output (the data's direction).
void draw_dashes(ImDrawList* dl, const ImVec2* pts, int count, float phase, float period, float dash,
                 ImU32 colour, float thick) {
    float start[16];  // arc length at each point
    start[0] = 0;
    for (int k = 1; k < count && k < 16; ++k)
        start[k] = start[k - 1] + std::hypot(pts[k].x - pts[k - 1].x, pts[k].y - pts[k - 1].y);
    const float total = start[std::min(count, 16) - 1];
    for (float at = phase - period; at < total; at += period) {
        const float from = std::max(at, 0.0f), to = std::min(at + dash, total);
        for (int k = 0; k + 1 < count && k + 1 < 16; ++k) {
            const float s0 = std::max(from, start[k]), s1 = std::min(to, start[k + 1]);
            const float len = start[k + 1] - start[k];
            if (s1 <= s0 || len <= 0) continue;
            const float u0 = (s0 - start[k]) / len, u1 = (s1 - start[k]) / len;
            const ImVec2 a = pts[k], b = pts[k + 1];
            dl->AddLine(ImVec2(a.x + (b.x - a.x) * u0, a.y + (b.y - a.y) * u0),
                        ImVec2(a.x + (b.x - a.x) * u1, a.y + (b.y - a.y) * u1), colour, thick);
        }
    }
}

// Past this many drawn links the moving dashes are noise to the eye and cost a software
// rasteriser a triangle pair each: the links stay still.
constexpr int kMaxLinksAnimated = 300;

// The links under everything, coloured and sized by the shown member's weights (past
// kMaxLinksShown only the strongest), hit-tested against the mouse while drawn: within 12 CSS
// px of a link (a 24 px target) counts as on it.
void draw_links(App& app, const NetLayout& n, NetHover& hover) {
    const Trainer& t = *app.run.trainer;
    const NetworkSpec& spec = t.spec();
    const float sc = app.view.scale;
    const int member = shown_member(app);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int links = link_count(spec);
    const bool curves = links <= 3000;
    // Past kMaxLinksShown only the strongest links are drawn (and can be hovered).
    float shown_from = 0;  // smallest |w| drawn
    if (links > kMaxLinksShown) {
        std::vector<float> strength;
        strength.reserve(size_t(links));
        for (int l = 0; l < spec.layer_count(); ++l)
            for (int to = 0; to < spec.width(l); ++to)
                for (int from = 0; from < spec.fan_in(l); ++from)
                    strength.push_back(std::abs(t.weight(member, l, to, from)));
        std::nth_element(strength.begin(), strength.begin() + (kMaxLinksShown - 1), strength.end(),
                         std::greater<>());
        shown_from = strength[kMaxLinksShown - 1];
    }
    const bool moving = app.run.playing && app.view.animate_links && !app.view.reduced_motion &&
                        std::min(links, kMaxLinksShown) <= kMaxLinksAnimated;
    const float period = 18 * sc, dash = 6 * sc;
    const float phase = moving ? float(std::fmod(glfwGetTime() * 30.0 * sc, double(period))) : 0;
    // Many links: thinner and fainter, so the picture stays readable.
    const float crowd = std::clamp(std::sqrt(200.0f / float(std::max(links, 1))), 0.25f, 1.0f);
    const ImU32 alpha = ImU32(std::lround(200 * std::max(crowd, 0.4f)));
    const bool features_match = int(n.enabled.size()) == spec.inputs;
    float best = 12 * sc;
    double drawn_sum = 0;
    int drawn = 0;
    ImVec2 pts[13];
    for (int l = 0; l < spec.layer_count() && features_match; ++l) {
        for (int to = 0; to < spec.width(l); ++to) {
            ImVec2 b = n.node_min(l + 1, to);
            b.y += n.node / 2;
            for (int from = 0; from < spec.fan_in(l); ++from) {
                ImVec2 a = n.node_min(l, l == 0 ? n.input_row(from) : from);
                a.x += n.node;
                a.y += n.node / 2;
                if (std::max(a.y, b.y) < n.view_top || std::min(a.y, b.y) > n.view_bottom ||
                    b.x < n.view_left || a.x > n.view_right)
                    continue;  // out of view: a software rasteriser would still pay for it
                const float w = t.weight(member, l, to, from);
                if (std::abs(w) < shown_from) continue;
                drawn_sum += w;
                ++drawn;
                // Whole-pixel widths, fainter below one pixel: ImGui then draws each segment as
                // two textured triangles instead of six, and a software rasteriser pays per
                // triangle (most of all for the thin slivers of an anti-aliased edge).
                const float width = std::clamp(0.4f + std::abs(w) * 1.4f, 0.4f, 7.0f) * sc * crowd;
                float thick = std::max(1.0f, std::round(width));
                const ImU32 faded = ImU32(float(alpha) * std::min(width, 1.0f));
                ImU32 colour = link_color(w).u32(std::uint8_t(std::min<ImU32>(faded, 255)));
                backprop_link_style(app, l, to, from, colour, thick);  // See inside: by gradient
                int segments = 1;
                pts[0] = a;
                if (curves) {
                    const float dx = (b.x - a.x) * 0.5f;
                    segments = 12;
                    for (int k = 1; k <= segments; ++k) {
                        float u = float(k) / segments, v = 1 - u;
                        // Cubic Bézier with horizontal tangents at both ends.
                        float bx = v * v * v * a.x + 3 * v * v * u * (a.x + dx) + 3 * v * u * u * (b.x - dx) +
                                   u * u * u * b.x;
                        float by =
                            v * v * v * a.y + 3 * v * v * u * a.y + 3 * v * u * u * b.y + u * u * u * b.y;
                        pts[k] = ImVec2(bx, by);
                    }
                    dl->AddPolyline(pts, segments + 1, colour, 0, thick);
                } else {
                    pts[1] = b;
                    dl->AddLine(a, b, colour, thick);
                }
                // The dashes are gaps in the link: the page's background over it.
                if (moving)
                    draw_dashes(dl, pts, segments + 1, phase, period, dash, IM_COL32(255, 255, 255, 170),
                                std::max(1.0f, thick));
                if (n.mouse_here && n.mouse.x >= a.x && n.mouse.x <= b.x) {
                    for (int k = 0; k < segments; ++k) {
                        float d = distance_to_segment(n.mouse, pts[k], pts[k + 1]) - thick / 2;
                        if (d < best) {
                            best = d;
                            hover.link_layer = l;
                            hover.link_to = to;
                            hover.link_from = from;
                        }
                    }
                }
            }
        }
    }
    app.view.links_drawn = drawn;
    app.view.links_drawn_sum = drawn_sum;
}

// Hidden layer l's dropout rate: layerDropout's where it has one, else dropout's (as
// engine/dropout.cpp's dropout_rates, without building the list for every neuron drawn).
float layer_dropout_rate(const PlaygroundState& s, int l) {
    const float p = l < int(s.layer_dropout.size()) ? s.layer_dropout[std::size_t(l)] : s.dropout;
    return std::clamp(p, 0.0f, 0.9f);
}

// Whether any hidden layer has dropout: the marks, their line of text and the per-layer
// controls are drawn only then.
bool any_layer_dropout(const PlaygroundState& s) {
    for (int l = 0; l < int(s.network_shape.size()); ++l)
        if (layer_dropout_rate(s, l) > 0) return true;
    return false;
}

// Dropout (issue 14, item 7): under each hidden column its rate ("dropout 0.2"), and while
// training is paused, the neurons switched off for the last example trained washed out and
// crossed. Whether the trainer and the state agree on the shape is checked by the caller.
void draw_dropout_mark(App& app, ImDrawList* dl, const NetLayout& n, int l, int i, ImVec2 a, ImVec2 b) {
    const Trainer& t = *app.run.trainer;
    const NetworkSpec& spec = t.spec();
    const float p = layer_dropout_rate(app.run.state, l);
    if (!(p > 0) || l >= spec.layer_count() - 1 || t.compat_active()) return;
    const float sc = app.view.scale;
    if (i == spec.width(l) - 1) {
        char label[32];
        std::snprintf(label, sizeof label, "dropout %.2g", double(p));
        dl->AddText(ImVec2(a.x - n.node * 0.22f, b.y + 3 * sc), kMuted, label);
        record_rect_at(app, ("dropoutLabel" + std::to_string(l)).c_str(), ImVec2(a.x, b.y),
                       ImVec2(b.x, b.y + ImGui::GetTextLineHeight() + 3 * sc));
    }
    if (app.run.playing || !t.unit_dropped(shown_member(app), l, i)) return;
    dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 175));
    const ImU32 cross = IM_COL32(120, 120, 120, 200);
    dl->AddLine(ImVec2(a.x + 3 * sc, a.y + 3 * sc), ImVec2(b.x - 3 * sc, b.y - 3 * sc), cross, 1.5f * sc);
    dl->AddLine(ImVec2(b.x - 3 * sc, a.y + 3 * sc), ImVec2(a.x + 3 * sc, b.y - 3 * sc), cross, 1.5f * sc);
}

// The nodes: every feature (disabled ones dimmed) and every neuron in view, each its heatmap
// from the thumbnail atlas, with a neuron's bias as a small square at its lower left.
void draw_nodes(App& app, const NetLayout& n, NetHover& hover) {
    const PlaygroundState& s = app.run.state;
    const int member = shown_member(app);
    const Trainer& t = *app.run.trainer;
    const NetworkSpec& spec = t.spec();
    const float sc = app.view.scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImTextureID atlas = app.pictures.renderer.atlas();
    // Heatmaps in channel 0, outlines, biases and labels in channel 1: every heatmap then
    // goes in one draw call instead of alternating textures node by node.
    dl->ChannelsSplit(2);
    app.view.step_labels.clear();
    for (int f = 0; f < feature_count; ++f) {
        ImVec2 a = n.node_min(0, f), b(a.x + n.node, a.y + n.node);
        ImVec2 uv0, uv1;
        app.pictures.renderer.slot_uv(feature_slot(f), uv0, uv1);
        dl->ChannelsSetCurrent(0);
        dl->AddImage(atlas, a, b, uv0, uv1, s.features[f] ? IM_COL32_WHITE : IM_COL32(255, 255, 255, 60));
        dl->ChannelsSetCurrent(1);
        const bool hot = n.contains(a, n.node);
        if (hot) hover.feature = f;
        dl->AddRect(a, b, hot ? kInk : kNodeBorder, 0, 0, (hot ? 2.0f : 1.0f) * sc);
        const char* label = label_of(Feature(f));
        ImVec2 size = ImGui::CalcTextSize(label);
        dl->AddText(ImVec2(a.x - size.x - 5 * sc, a.y + (n.node - size.y) / 2),
                    s.features[f] ? kInk : kDisabled, label);
    }
    // Only the neurons in view: an 8 × 64 network shows about a third of its 512 (a software
    // rasteriser pays for every triangle sent, in view or not).
    for (int l = 0; l < spec.layer_count(); ++l) {
        for (int i = 0; i < spec.width(l); ++i) {
            ImVec2 a = n.node_min(l + 1, i), b(a.x + n.node, a.y + n.node);
            if (l == spec.layer_count() - 1 && i == 0)  // for the test API, in view or not
                record_rect_at(app, "outputNeuron", a, b);
            if (b.y < n.view_top || a.y - n.node > n.view_bottom || b.x < n.view_left - n.node ||
                a.x > n.view_right)
                continue;  // (the bias square reaches a node's width to the left)
            ImVec2 uv0, uv1;
            app.pictures.renderer.slot_uv(neuron_slot(app, l, i), uv0, uv1);
            dl->ChannelsSetCurrent(0);
            dl->AddImage(atlas, a, b, uv0, uv1);
            dl->ChannelsSetCurrent(1);
            const bool hot = n.contains(a, n.node);
            if (hot) {
                hover.layer = l;
                hover.node = i;
            }
            dl->AddRect(a, b, hot ? kInk : kNodeBorder, 0, 0, (hot ? 2.0f : 1.0f) * sc);
            draw_dropout_mark(app, dl, n, l, i, a, b);  // dropout (issue 14, item 7)
            draw_unit_mark(app, dl, l, i, a, b);
            // The bias: a small square at the node's lower left, hit anywhere in a 24 CSS px
            // box around it (the node itself, over part of that box, comes first).
            const float bs = std::max(6 * sc, n.node * 0.22f);
            ImVec2 ba(a.x - bs - 1 * sc, b.y - bs);
            const float bias = t.bias(member, l, i);
            dl->AddRectFilled(ba, ImVec2(ba.x + bs, ba.y + bs),
                              diverging_colour(std::clamp(bias, -1.0f, 1.0f)));
            dl->AddRect(ba, ImVec2(ba.x + bs, ba.y + bs), kNodeBorder);
            const float hit = std::max(24 * sc, bs);
            if (n.contains(ImVec2(ba.x + (bs - hit) / 2, ba.y + (bs - hit) / 2), hit)) {
                hover.bias_layer = l;
                hover.bias = i;
            }
            // See inside: the step's numbers, over the bias square where they reach it.
            const WidgetRect label = backprop_draw_neuron(app, dl, l, i, a, b, n.spacing, n.gap);
            if (label.w > 0) app.view.step_labels.push_back(label);
        }
    }
    dl->ChannelsMerge();
}

// A weight or bias to type: the popup opens with its value.
void open_editor(App& app, bool is_bias, int layer, int to, int from, float value) {
    app.run.edit = {is_bias, layer, to, from, value};
    app.run.edit.member = shown_member(app);
    ImGui::OpenPopup("edit parameter");
}

// The neuron the output plot shows: the hovered one once the mouse rested on it for
// kHoverDelay, never while the view scrolls or is dragged; none as soon as the mouse leaves.
void hover_neuron(App& app, const NetHover& hover) {
    View& v = app.view;
    const double now = glfwGetTime();
    const bool scrolling = v.wheel_moved || ImGui::IsMouseDragging(0);
    if (scrolling || hover.layer != v.hover_wait_layer || hover.node != v.hover_wait_node) {
        v.hover_wait_layer = scrolling ? -1 : hover.layer;
        v.hover_wait_node = scrolling ? -1 : hover.node;
        v.hover_wait_since = now;
    }
    const bool rested =
        hover.layer >= 0 && v.hover_wait_layer == hover.layer && now - v.hover_wait_since >= kHoverDelay;
    v.hover_layer = rested ? hover.layer : -1;
    v.hover_node = rested ? hover.node : -1;
    if (v.hover_wait_layer >= 0 && !rested) app_wake(app);  // draw on until the delay is over
}

// What the mouse is over says what it is (a hovered neuron also shows in the output plot);
// a click toggles a feature or opens the editor of a weight or bias.
void hover_readouts(App& app, const NetLayout& n, const NetHover& hover) {
    PlaygroundState& s = app.run.state;
    const Trainer& t = *app.run.trainer;
    const NetworkSpec& spec = t.spec();
    const int member = shown_member(app);
    app.view.hover_feature = hover.feature;
    hover_neuron(app, hover);
    if (hover.feature >= 0) {
        ImGui::SetTooltip("%s: click to %s this input feature", label_of(Feature(hover.feature)),
                          s.features[hover.feature] ? "remove" : "add");
        if (ImGui::IsMouseClicked(0)) s.features[hover.feature] = !s.features[hover.feature];
    } else if (hover.layer >= 0) {
        if (hover.layer == spec.layer_count() - 1)
            ImGui::SetTooltip("Output neuron %d: its value over the plane is shown in the output plot",
                              hover.node + 1);
        else if (layer_dropout_rate(s, hover.layer) > 0 && !s.hide_text) {  // dropout (issue 14, item 7): what the marks mean
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(tooltip_wrap(24));
            text("Layer " + std::to_string(hover.layer + 1) + ", neuron " + std::to_string(hover.node + 1) +
                 ": its activation over the plane is shown in the output plot.");
            text(help_text("ui.dropoutMark"));
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        } else
            ImGui::SetTooltip("Layer %d, neuron %d: its activation over the plane is shown in the "
                              "output plot", hover.layer + 1, hover.node + 1);
    } else if (hover.bias >= 0) {
        float v = t.bias(member, hover.bias_layer, hover.bias);
        ImGui::SetTooltip("Bias %.4f (click to edit)", v);
        if (ImGui::IsMouseClicked(0)) open_editor(app, true, hover.bias_layer, hover.bias, 0, v);
    } else if (hover.link_layer >= 0) {
        float v = t.weight(member, hover.link_layer, hover.link_to, hover.link_from);
        const char* from_name =
            hover.link_layer == 0 ? label_of(Feature(n.input_row(hover.link_from))) : nullptr;
        if (from_name)
            ImGui::SetTooltip("Weight %.4f: %s -> layer 1, neuron %d (click to edit)", v, from_name,
                              hover.link_to + 1);
        else
            ImGui::SetTooltip("Weight %.4f: layer %d neuron %d -> %s neuron %d (click to edit)", v,
                              hover.link_layer, hover.link_from + 1,
                              hover.link_layer == spec.layer_count() - 1 ? "output" : "next layer,",
                              hover.link_to + 1);
        backprop_link_tooltip(app, hover.link_layer, hover.link_to, hover.link_from);  // See inside
        if (ImGui::IsMouseClicked(0))
            open_editor(app, false, hover.link_layer, hover.link_to, hover.link_from, v);
    }
}

// The editor of a weight or bias: Enter applies (after the UI, with the state), Esc cancels.
void edit_popup(App& app) {
    const float sc = app.view.scale;
    if (ImGui::BeginPopup("edit parameter")) {
        ImGui::TextUnformatted(app.run.edit.bias ? "Set this bias to:" : "Set this weight to:");
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(120 * sc);
        if (ImGui::InputFloat("##value", &app.run.edit.value, 0, 0, "%.4f",
                              ImGuiInputTextFlags_EnterReturnsTrue)) {
            if (std::isfinite(app.run.edit.value)) app.run.edit_pending = true;
            else app_message(app, "Rejected: a weight must be a finite number.", true);
            ImGui::CloseCurrentPopup();
        }
        caption("Enter to apply, Esc to cancel");
        if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

// Per-layer dropout (issue 14, layerDropout): under each hidden column's "dropout p" mark a
// small slider of that layer's rate alone. Moving one gives the state one rate per layer
// (the dropout slider above sets them all again). Returns the height it takes below the
// nodes (0 when none is drawn).
float layer_dropout_sliders(App& app, const NetLayout& n) {
    PlaygroundState& s = app.run.state;
    const Trainer& t = *app.run.trainer;
    const int hidden_layers = t.spec().layer_count() - 1;
    const bool shown = hidden_layers == int(s.network_shape.size()) && s.model != Model::perceptron &&
                       !t.compat_active() && any_layer_dropout(s) && !hidden(app, "dropout", "layerDropout0");
    for (int l = 0; l < kMaxHiddenLayers; ++l)
        if (!shown || l >= hidden_layers) app.view.rects.erase("layerDropout" + std::to_string(l));
    if (!shown) return 0;
    const float sc = app.view.scale;
    const float width = std::max(40 * sc, std::min(n.spacing - 8 * sc, 72 * sc));
    for (int l = 0; l < hidden_layers; ++l) {
        const ImVec2 a = n.node_min(l + 1, t.spec().width(l) - 1);
        ImGui::SetCursorScreenPos(ImVec2(a.x - n.node * 0.22f, a.y + n.node + ImGui::GetTextLineHeight() + 6 * sc));
        float p = layer_dropout_rate(s, l);
        ImGui::PushID(l);
        ImGui::SetNextItemWidth(width);
        const UiRange& r = find_setting("dropout")->ui;
        // No text on the track: the "dropout p" mark above shows the rate, and text there
        // would sit under the handle. The rate moves in the dropout setting's steps.
        const bool moved = ImGui::SliderFloat("##layerDropout", &p, float(r.min), float(r.max), "");
        char said[48];  // what a screen reader hears: the mark above the layer says it to the eye
        std::snprintf(said, sizeof said, "Dropout of hidden layer %d", l + 1);
        focus_label_item(said);
        std::snprintf(said, sizeof said, "%.2f", double(layer_dropout_rate(s, l)));
        focus_value_item(said);
        if (moved) {
            p = float(std::round(p / r.step) * r.step);
            if (s.layer_dropout.size() != s.network_shape.size()) {
                std::vector<float> rates(s.network_shape.size());
                for (int k = 0; k < int(rates.size()); ++k) rates[std::size_t(k)] = layer_dropout_rate(s, k);
                s.layer_dropout = std::move(rates);
            }
            s.layer_dropout[std::size_t(l)] = std::clamp(p, float(r.min), float(r.max));
            // Every layer at dropout's rate again: one setting says it.
            if (std::all_of(s.layer_dropout.begin(), s.layer_dropout.end(), [&](float q) { return q == s.dropout; }))
                s.layer_dropout.clear();
        }
        record_rect(app, ("layerDropout" + std::to_string(l)).c_str());
        tip(app, "ui.layerDropout");
        ImGui::PopID();
    }
    return ImGui::GetFrameHeightWithSpacing() + 3 * sc;
}

}  // namespace

void network_panel(App& app) {
    const NetLayout n = layout_network(app);
    network_headers(app, n);
    NetHover hover;
    draw_links(app, n, hover);
    for (int l = 0; l < kMaxHiddenLayers; ++l)  // dropout: drawn again below while it is on
        app.view.rects.erase("dropoutLabel" + std::to_string(l));
    draw_nodes(app, n, hover);
    const float sliders_h = layer_dropout_sliders(app, n);  // per-layer dropout (issue 14)
    // Each column of neurons (features, then hidden layers) for the test API, bias squares included.
    for (int c = 0; c <= kMaxHiddenLayers; ++c) {
        const std::string name = "networkColumn" + std::to_string(c);
        if (c >= n.columns - 1) {
            app.view.rects.erase(name);
            continue;
        }
        const ImVec2 top = n.node_min(c, 0), bottom = n.node_min(c, n.rows[std::size_t(c)] - 1);
        record_rect_at(app, name.c_str(), ImVec2(top.x - n.node, top.y), ImVec2(bottom.x + n.node, bottom.y + n.node));
    }
    const ImVec2 selector = member_selector(app, n);
    ImGui::SetCursorScreenPos(n.origin);
    const float sc = app.view.scale;
    const float columns_w = n.label_w + (n.columns - 1) * n.spacing + n.last_w;
    const float content_w = std::max(columns_w, selector.x - n.origin.x) + 12 * sc;
    // Dropout's rate is written under the hidden columns: one more line of text.
    const float dropout_line = any_layer_dropout(app.run.state) ? ImGui::GetTextLineHeight() + 3 * sc + sliders_h : 0;
    const float content_h = std::max(n.nodes_bottom() + dropout_line, selector.y) - n.origin.y + 4 * sc;
    ImGui::Dummy(ImVec2(content_w, content_h));
    // The view's visible rectangle, for the test API (what is reachable lies inside it, or
    // inside it once scrolled: see outputNeuron).
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    record_rect_at(app, "networkView", pos, ImVec2(pos.x + size.x, pos.y + size.y));
    hover_readouts(app, n, hover);
    edit_popup(app);
}

}  // namespace nnplay::web
