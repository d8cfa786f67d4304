// network_panel.cpp: the features and the network: every feature and neuron a live heatmap
// from the thumbnail atlas, links coloured and sized by weight, the layer and neuron counts
// with their buttons, each hidden layer's activation, and a click on a weight or bias to type
// a new value.
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "engine/features.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
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

// Past this many links the network view draws only the strongest: long diagonal lines in the
// thousands say nothing to the eye, and with 8 × 64 neurons 2,000 of them took a software
// rasteriser half the frame.
constexpr int kMaxLinksShown = 600;

// Hidden layer l's own activation, under its neuron count. The top bar's choice sets every
// layer; picking one here gives the state one activation per layer (layerActivations).
void layer_activation_choice(App& app, int l, float x, float y, float width) {
    PlaygroundState& s = app.run.state;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    int index = int(s.hidden_activation(l));
    const ImGuiComboFlags narrow = width < 80 * app.view.scale ? ImGuiComboFlags_NoArrowButton : 0;
    if (choice("##layeract", index, kActivationLabels, int(std::size(kActivationLabels)), width, narrow)) {
        if (s.layer_activations.size() != s.network_shape.size())
            s.layer_activations.assign(s.network_shape.size(), s.activation);
        s.layer_activations[size_t(l)] = Activation(index);
        if (std::all_of(s.layer_activations.begin(), s.layer_activations.end(),
                        [&](Activation a) { return a == s.activation; }))
            s.layer_activations.clear();
    }
    record_rect(app, ("layerActivation" + std::to_string(l)).c_str());
    tip(app, "layerActivations");
}

// Where everything of the network view sits this frame, in screen pixels.
struct NetLayout {
    ImVec2 origin;           // the view's top left
    float line = 0;          // a header row
    float header = 0;        // the headers' height
    float node = 0, gap = 0; // a node's side, and the space between two
    float label_w = 0;       // the feature labels' column
    float spacing = 0;       // between columns
    float last_w = 0;        // the output column
    int columns = 0;         // features, hidden..., output
    int tallest = 0;         // nodes in the tallest column
    std::vector<int> enabled;  // the features on, in order: network input i is enabled[i]
    float view_top = 0, view_bottom = 0, view_left = 0, view_right = 0;  // the visible part
    ImVec2 mouse;
    bool mouse_here = false;

    float column_x(int c) const { return origin.x + label_w + c * spacing; }
    ImVec2 node_min(int column, int i) const { return ImVec2(column_x(column), origin.y + header + i * (node + gap)); }
    // The row a network input sits in: its feature's index.
    int input_row(int input) const { return input < int(enabled.size()) ? enabled[size_t(input)] : input; }
    bool contains(ImVec2 a, float size) const {
        return mouse_here && mouse.x >= a.x && mouse.x < a.x + size && mouse.y >= a.y && mouse.y < a.y + size;
    }
};

// What the mouse is over: at most one of a feature, a neuron, a bias or a link.
struct NetHover {
    int feature = -1, layer = -1, node = -1, bias_layer = -1, bias = -1;
    int link_layer = -1, link_to = -1, link_from = -1;
};

// Node sizes from the height available (the tallest column fills about 80 % of it), columns
// spread over the width; the thumbnails are rendered at the node's size (view.node_px).
NetLayout layout_network(App& app) {
    const NetworkSpec& spec = app.run.trainer->spec();
    const PlaygroundState& s = app.run.state;
    const float sc = app.view.scale;
    NetLayout n;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    n.origin = ImGui::GetCursorScreenPos();
    n.mouse = ImGui::GetIO().MousePos;
    n.mouse_here = ImGui::IsWindowHovered();
    n.line = ImGui::GetFrameHeightWithSpacing();
    n.tallest = feature_count;
    for (int l = 0; l < spec.layer_count(); ++l) n.tallest = std::max(n.tallest, spec.width(l));
    n.header = n.line * 3 + ImGui::GetTextLineHeightWithSpacing();
    n.node = std::floor((avail.y - n.header - 8 * sc) / n.tallest * 0.8f);
    n.node = std::clamp(n.node, 20 * sc, 40 * sc);
    app.view.node_px = int(std::ceil(n.node));
    n.gap = std::max(3 * sc, std::floor(n.node * 0.25f));
    n.label_w = 50 * sc;
    n.columns = spec.layer_count() + 1;
    const float min_spacing = n.node + 40 * sc;
    n.last_w = std::max(n.node, ImGui::CalcTextSize("OUTPUT").x);
    n.spacing = std::max(min_spacing, (avail.x - n.label_w - n.last_w - 12 * sc) / float(n.columns - 1));
    for (int f = 0; f < feature_count; ++f)
        if (s.features[f]) n.enabled.push_back(f);
    n.view_top = ImGui::GetWindowPos().y, n.view_bottom = n.view_top + ImGui::GetWindowHeight();
    n.view_left = ImGui::GetWindowPos().x, n.view_right = n.view_left + ImGui::GetWindowWidth();
    return n;
}

int link_count(const NetworkSpec& spec) {
    int links = 0;
    for (int l = 0; l < spec.layer_count(); ++l) links += spec.width(l) * spec.fan_in(l);
    return links;
}

// Headers: FEATURES, the hidden layer count with its buttons, then per hidden layer its
// neuron count with buttons and its activation, and OUTPUT.
void network_headers(App& app, const NetLayout& n) {
    PlaygroundState& s = app.run.state;
    const NetworkSpec& spec = app.run.trainer->spec();
    const float sc = app.view.scale;
    const bool activations_shown = !hidden(app, "activation");
    const bool layer_buttons_shown = !hidden(app, "numHiddenLayers", "addLayer");
    if (!layer_buttons_shown) app.view.rects.erase("removeLayer");
    const int hidden = int(s.network_shape.size());
    const bool hidden_shown = spec.layer_count() - 1 == hidden;  // the trainer follows the state
    ImGui::SetCursorScreenPos(n.origin);
    heading("FEATURES");
    ImGui::SetCursorScreenPos(ImVec2(n.column_x(1) - 4 * sc, n.origin.y));
    if (layer_buttons_shown) {
        if (ImGui::SmallButton("+##layers") && hidden < 8) {
            s.network_shape.push_back(2);
            if (!s.layer_activations.empty()) s.layer_activations.push_back(s.activation);
        }
        record_rect(app, "addLayer");
        tip(app, "ui.addLayer");
        ImGui::SameLine(0, 2 * sc);
        if (ImGui::SmallButton("-##layers") && hidden > 0) {
            s.network_shape.pop_back();
            if (!s.layer_activations.empty()) s.layer_activations.pop_back();
        }
        record_rect(app, "removeLayer");
        tip(app, "ui.removeLayer");
        ImGui::SameLine();
    }
    ImGui::Text("%d HIDDEN LAYER%s", hidden, hidden == 1 ? "" : "S");
    const int all_links = link_count(spec);
    if (all_links > kMaxLinksShown) {
        ImGui::SameLine();
        caption(("(the " + std::to_string(kMaxLinksShown) + " strongest of " + std::to_string(all_links) +
                 " links shown)").c_str());
    }
    if (hidden_shown) {
        for (int l = 0; l < hidden; ++l) {
            ImGui::PushID(l);
            ImGui::SetCursorScreenPos(ImVec2(n.column_x(l + 1) - 4 * sc, n.origin.y + n.line));
            if (ImGui::SmallButton("+") && s.network_shape[l] < 64) ++s.network_shape[l];
            tip(app, "ui.addNeuron");
            ImGui::SameLine(0, 2 * sc);
            if (ImGui::SmallButton("-") && s.network_shape[l] > 1) --s.network_shape[l];
            tip(app, "ui.removeNeuron");
            ImGui::SetCursorScreenPos(ImVec2(n.column_x(l + 1) - 4 * sc, n.origin.y + n.line * 2));
            const std::string count = std::to_string(spec.width(l));
            caption(n.spacing < 80 * sc ? count.c_str()
                                      : (count + (spec.width(l) == 1 ? " neuron" : " neurons")).c_str());
            if (activations_shown) layer_activation_choice(app, l, n.column_x(l + 1) - 4 * sc,
                                                                    n.origin.y + n.line * 2 +
                                                                        ImGui::GetTextLineHeightWithSpacing(),
                                                                    std::min(n.spacing - 8 * sc, 100 * sc));
            ImGui::PopID();
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(n.column_x(n.columns - 1) - 4 * sc, n.origin.y + n.line * 2));
    caption("OUTPUT");
}

// The links under everything, coloured and sized by weight (past kMaxLinksShown only the
// strongest), hit-tested against the mouse while drawn.
void draw_links(const App& app, const NetLayout& n, NetHover& hover) {
    const Trainer& t = *app.run.trainer;
    const NetworkSpec& spec = t.spec();
    const float sc = app.view.scale;
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
                for (int from = 0; from < spec.fan_in(l); ++from) strength.push_back(std::abs(t.weight(0, l, to, from)));
        std::nth_element(strength.begin(), strength.begin() + (kMaxLinksShown - 1), strength.end(), std::greater<>());
        shown_from = strength[kMaxLinksShown - 1];
    }
    // Many links: thinner and fainter, so the picture stays readable.
    const float crowd = std::clamp(std::sqrt(200.0f / float(std::max(links, 1))), 0.25f, 1.0f);
    const ImU32 alpha = ImU32(std::lround(200 * std::max(crowd, 0.4f)));
    const bool features_match = int(n.enabled.size()) == spec.inputs;
    float best = 5 * sc;
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
                const float w = t.weight(0, l, to, from);
                if (std::abs(w) < shown_from) continue;
                // Whole-pixel widths, fainter below one pixel: ImGui then draws each segment as
                // two textured triangles instead of six, and a software rasteriser pays per
                // triangle (most of all for the thin slivers of an anti-aliased edge).
                const float width = std::clamp(0.4f + std::abs(w) * 1.4f, 0.4f, 7.0f) * sc * crowd;
                const float thick = std::max(1.0f, std::round(width));
                const ImU32 faded = ImU32(float(alpha) * std::min(width, 1.0f));
                const ImU32 colour = link_color(w).u32(std::uint8_t(std::min<ImU32>(faded, 255)));
                int segments = 1;
                pts[0] = a;
                if (curves) {
                    const float dx = (b.x - a.x) * 0.5f;
                    segments = 12;
                    for (int k = 1; k <= segments; ++k) {
                        float u = float(k) / segments, v = 1 - u;
                        // Cubic Bézier with horizontal tangents at both ends.
                        float bx = v * v * v * a.x + 3 * v * v * u * (a.x + dx) + 3 * v * u * u * (b.x - dx) + u * u * u * b.x;
                        float by = v * v * v * a.y + 3 * v * v * u * a.y + 3 * v * u * u * b.y + u * u * u * b.y;
                        pts[k] = ImVec2(bx, by);
                    }
                    dl->AddPolyline(pts, segments + 1, colour, 0, thick);
                } else {
                    pts[1] = b;
                    dl->AddLine(a, b, colour, thick);
                }
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
}

// The nodes: every feature (disabled ones dimmed) and every neuron in view, each its heatmap
// from the thumbnail atlas, with a neuron's bias as a small square at its lower left.
void draw_nodes(const App& app, const NetLayout& n, NetHover& hover) {
    const PlaygroundState& s = app.run.state;
    const Trainer& t = *app.run.trainer;
    const NetworkSpec& spec = t.spec();
    const float sc = app.view.scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImTextureID atlas = app.pictures.renderer.atlas();
    // Heatmaps in channel 0, outlines, biases and labels in channel 1: every heatmap then
    // goes in one draw call instead of alternating textures node by node.
    dl->ChannelsSplit(2);
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
            if (b.y < n.view_top || a.y - n.node > n.view_bottom || b.x < n.view_left - n.node || a.x > n.view_right)
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
            draw_unit_mark(app, dl, l, i, a, b);
            // The bias: a small square at the node's lower left.
            const float bs = std::max(4 * sc, n.node * 0.18f);
            ImVec2 ba(a.x - bs - 1 * sc, b.y - bs);
            const float bias = t.bias(0, l, i);
            dl->AddRectFilled(ba, ImVec2(ba.x + bs, ba.y + bs), diverging_colour(std::clamp(bias, -1.0f, 1.0f)));
            dl->AddRect(ba, ImVec2(ba.x + bs, ba.y + bs), kNodeBorder);
            if (n.contains(ImVec2(ba.x - 1 * sc, ba.y - 1 * sc), bs + 2 * sc)) {
                hover.bias_layer = l;
                hover.bias = i;
            }
        }
    }
    dl->ChannelsMerge();
}

// A weight or bias to type: the popup opens with its value.
void open_editor(App& app, bool is_bias, int layer, int to, int from, float value) {
    app.run.edit = {is_bias, layer, to, from, value};
    ImGui::OpenPopup("edit parameter");
}

// What the mouse is over says what it is (a hovered neuron also shows in the output plot);
// a click toggles a feature or opens the editor of a weight or bias.
void hover_readouts(App& app, const NetLayout& n, const NetHover& hover) {
    PlaygroundState& s = app.run.state;
    const Trainer& t = *app.run.trainer;
    const NetworkSpec& spec = t.spec();
    app.view.hover_feature = hover.feature;
    app.view.hover_layer = hover.layer;
    app.view.hover_node = hover.node;
    if (hover.feature >= 0) {
        ImGui::SetTooltip("%s: click to %s this input feature", label_of(Feature(hover.feature)),
                          s.features[hover.feature] ? "remove" : "add");
        if (ImGui::IsMouseClicked(0)) s.features[hover.feature] = !s.features[hover.feature];
    } else if (hover.layer >= 0) {
        if (hover.layer == spec.layer_count() - 1)
            ImGui::SetTooltip("Output neuron %d: its value over the plane is shown in the output plot",
                              hover.node + 1);
        else
            ImGui::SetTooltip("Layer %d, neuron %d: its activation over the plane is shown in the "
                              "output plot", hover.layer + 1, hover.node + 1);
    } else if (hover.bias >= 0) {
        float v = t.bias(0, hover.bias_layer, hover.bias);
        ImGui::SetTooltip("Bias %.4f (click to edit)", v);
        if (ImGui::IsMouseClicked(0)) open_editor(app, true, hover.bias_layer, hover.bias, 0, v);
    } else if (hover.link_layer >= 0) {
        float v = t.weight(0, hover.link_layer, hover.link_to, hover.link_from);
        const char* from_name = hover.link_layer == 0 ? label_of(Feature(n.input_row(hover.link_from))) : nullptr;
        if (from_name)
            ImGui::SetTooltip("Weight %.4f: %s -> layer 1, neuron %d (click to edit)", v, from_name, hover.link_to + 1);
        else
            ImGui::SetTooltip("Weight %.4f: layer %d neuron %d -> %s neuron %d (click to edit)", v,
                              hover.link_layer, hover.link_from + 1,
                              hover.link_layer == spec.layer_count() - 1 ? "output" : "next layer,", hover.link_to + 1);
        if (ImGui::IsMouseClicked(0)) open_editor(app, false, hover.link_layer, hover.link_to, hover.link_from, v);
    }
}

// The editor of a weight or bias: Enter applies (after the UI, with the state), Esc cancels.
void edit_popup(App& app) {
    const float sc = app.view.scale;
    if (ImGui::BeginPopup("edit parameter")) {
        ImGui::TextUnformatted(app.run.edit.bias ? "Set this bias to:" : "Set this weight to:");
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(120 * sc);
        if (ImGui::InputFloat("##value", &app.run.edit.value, 0, 0, "%.4f", ImGuiInputTextFlags_EnterReturnsTrue)) {
            if (std::isfinite(app.run.edit.value)) app.run.edit_pending = true;
            else app_message(app, "Rejected: a weight must be a finite number.", true);
            ImGui::CloseCurrentPopup();
        }
        caption("Enter to apply, Esc to cancel");
        if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace

void network_panel(App& app) {
    const NetLayout n = layout_network(app);
    network_headers(app, n);
    NetHover hover;
    draw_links(app, n, hover);
    draw_nodes(app, n, hover);
    ImGui::SetCursorScreenPos(n.origin);
    const float sc = app.view.scale;
    const float content_w = n.label_w + (n.columns - 1) * n.spacing + n.last_w + 12 * sc;
    const float content_h = n.header + n.tallest * (n.node + n.gap) + 4 * sc;
    ImGui::Dummy(ImVec2(content_w, content_h));
    hover_readouts(app, n, hover);
    edit_popup(app);
}

}  // namespace nnplay::web
