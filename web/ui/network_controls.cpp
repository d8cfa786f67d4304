// network_controls.cpp: the network's shape controls above the view (hidden layers, each
// layer's neurons: buttons of 24 CSS px, disabled at the limits with the reason, and a count
// to type) and, for an ensemble, the member the view shows, under the output.
#include "web/focus.h"  // what a screen reader calls the sign buttons
#include "web/ui/formula_field.h"  // formulas (task G2)
#include "web/ui/network_view.h"
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include <algorithm>
#include <string>

namespace nnplay::web {

float square_button_side(const App& app) { return std::max(24 * app.view.scale, ImGui::GetFrameHeight()); }

namespace {

// A count field (neurons, layers): room for three digits.
float count_field_width(float sc) { return ImGui::CalcTextSize("000").x + 8 * sc; }

// A square button of at least 24 CSS px (WCAG 2.2 target size). Disabled, it says why in its
// tooltip (why_id) instead of what it does (tip_id). spoken: what a screen reader calls it
// (its label is a sign).
bool square_button(App& app, const char* label, bool enabled, const char* rect, const char* tip_id,
                   const char* why_id, const std::string& spoken) {
    const float side = square_button_side(app);
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(label, ImVec2(side, side));
    focus_label_item(spoken);
    ImGui::EndDisabled();
    record_rect(app, rect);
    app.view.rects[rect].disabled = !enabled;
    tip(app, enabled ? tip_id : why_id);
    return pressed && enabled;
}

// A count to type (Enter applies): kept within lo..hi, and a typed value outside says so.
bool count_field(App& app, const char* id, int& value, int lo, int hi, float width, const char* rect,
                 const char* tip_id, const char* what) {
    int typed = value;
    ImGui::SetNextItemWidth(width);
    const bool entered = ImGui::InputInt(id, &typed, 0, 0, ImGuiInputTextFlags_EnterReturnsTrue);
    focus_label_item(std::string(what) + ", " + std::to_string(value));
    record_rect(app, rect);
    tip(app, tip_id);
    if (!entered || typed == value) return false;
    const int c = std::clamp(typed, lo, hi);
    if (c != typed)
        app_message(app, std::string(what) + ": " + std::to_string(lo) + " to " + std::to_string(hi) + "; " +
                             std::to_string(typed) + " became " + std::to_string(c) + ".");
    if (c == value) return false;
    value = c;
    return true;
}

// Adds or removes hidden layers at the end (new ones 2 wide, as TensorFlow Playground's "+").
void set_layer_count(PlaygroundState& s, int count) {
    while (int(s.network_shape.size()) < count) {
        s.network_shape.push_back(2);
        if (!s.layer_activations.empty()) s.layer_activations.push_back(s.activation);
        if (!s.layer_dropout.empty()) s.layer_dropout.push_back(s.dropout);  // per-layer dropout
    }
    while (int(s.network_shape.size()) > count) {
        s.network_shape.pop_back();
        if (!s.layer_activations.empty()) s.layer_activations.pop_back();
        if (!s.layer_dropout.empty()) s.layer_dropout.pop_back();
    }
}

// Hidden layer l's own activation, under its neuron count. The top bar's choice sets every
// layer; picking one here gives the state one activation per layer (layerActivations).
void layer_activation_choice(App& app, int l, float x, float y, float width) {
    PlaygroundState& s = app.run.state;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    int index = int(s.hidden_activation(l));
    const ImGuiComboFlags narrow = width < 80 * app.view.scale ? ImGuiComboFlags_NoArrowButton : 0;
    const bool changed = choice("##layeract", index, kActivationLabels, int(std::size(kActivationLabels)), width, narrow);
    focus_label_item("Hidden layer " + std::to_string(l + 1) + " activation");  // choice() adds the value
    if (changed) {
        if (s.layer_activations.size() != s.network_shape.size())
            s.layer_activations.assign(s.network_shape.size(), s.activation);
        s.layer_activations[size_t(l)] = Activation(index);
        if (Activation(index) == Activation::formula) {  // formulas (task G2): start from the top bar's
            if (s.layer_formulas.size() < s.network_shape.size()) s.layer_formulas.resize(s.network_shape.size());
            std::string& f = s.layer_formulas[size_t(l)];
            if (f.empty()) f = s.activation_formula.empty() ? "x*sigmoid(x)" : s.activation_formula;
        }
        const bool same_formulas = s.activation != Activation::formula ||
            std::all_of(s.layer_formulas.begin(), s.layer_formulas.end(),
                        [&](const std::string& f) { return f.empty() || f == s.activation_formula; });
        if (same_formulas && std::all_of(s.layer_activations.begin(), s.layer_activations.end(),
                                         [&](Activation a) { return a == s.activation; })) {
            s.layer_activations.clear();
            s.layer_formulas.clear();
        }
    }
    record_rect(app, ("layerActivation" + std::to_string(l)).c_str());
    tip(app, "layerActivations");
    // Formulas (task G2): a formula layer's own text, under its choice.
    if (s.hidden_activation(l) == Activation::formula && l < int(s.layer_activations.size())) {
        if (s.layer_formulas.size() < s.network_shape.size()) s.layer_formulas.resize(s.network_shape.size());
        std::string& f = s.layer_formulas[size_t(l)];
        if (f.empty()) f = s.activation_formula.empty() ? "x*sigmoid(x)" : s.activation_formula;
        ImGui::SetCursorScreenPos(ImVec2(x, y + ImGui::GetFrameHeightWithSpacing()));
        formula_field(app, ("layerFormula" + std::to_string(l)).c_str(), f, FormulaVars::x, width,
                      "ui.activationFormula");
    }
}

// The hidden layers' count's label; `short_label`: where the row has no room for the long one.
const char* layer_count_label(int hidden, bool short_label) {
    if (short_label) return hidden == 1 ? "LAYER" : "LAYERS";
    return hidden == 1 ? "HIDDEN LAYER" : "HIDDEN LAYERS";
}

// The dropout slider's least width: its value beside a bar as wide as the value.
float dropout_least_width(const PlaygroundState& s) {
    const float value_w = ImGui::CalcTextSize(s.layer_dropout.empty() ? "0.00" : "by layer").x;
    return 2 * (value_w + ImGui::GetStyle().ItemInnerSpacing.x) + 1;
}

// The first row: the hidden layer count, its buttons and its field. A perceptron has none:
// the buttons stay, disabled, and say why.
void layer_count_row(App& app, const NetLayout& n, bool columns_shown) {
    PlaygroundState& s = app.run.state;
    const float sc = app.view.scale;
    const bool perceptron = s.model == Model::perceptron;
    const int hidden = int(s.network_shape.size());
    const char* why_add = perceptron ? "ui.perceptronLayers" : "ui.addLayerLimit";
    const char* why_remove = perceptron ? "ui.perceptronLayers" : "ui.removeLayerLimit";
    bool short_label = false;  // "LAYERS": where even "HIDDEN LAYERS" right after FEATURES passes the edge
    if (columns_shown) {
        // Over the first hidden column; where its label would pass the view's visible edge (a
        // phone), slid left as far as needed, but not over FEATURES.
        const float after_features = ImGui::GetItemRectMax().x + 12 * sc;
        const float edge = n.view_right - ImGui::GetStyle().ScrollbarSize - 4 * sc;
        short_label = after_features + layer_count_width(app, false) > edge;
        const float x = std::max(std::min(n.column_x(1) - 4 * sc, edge - layer_count_width(app, short_label)), after_features);
        ImGui::SetCursorScreenPos(ImVec2(x, n.origin.y));
    } else {
        ImGui::SameLine(0, 12 * sc);  // no hidden column to sit over: right after FEATURES
    }
    if (square_button(app, "+##layers", !perceptron && hidden < kMaxHiddenLayers, "addLayer", "ui.addLayer",
                      why_add, "Add a hidden layer"))
        set_layer_count(s, hidden + 1);
    ImGui::SameLine(0, 2 * sc);
    if (square_button(app, "-##layers", !perceptron && hidden > 0, "removeLayer", "ui.removeLayer",
                      why_remove, "Remove the last hidden layer"))
        set_layer_count(s, hidden - 1);
    ImGui::SameLine();
    if (perceptron) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("PERCEPTRON: NO HIDDEN LAYERS");
        tip(app, "ui.perceptronLayers");
        app.view.rects.erase("layerCount");
        return;
    }
    int count = hidden;
    if (count_field(app, "##layercount", count, 0, kMaxHiddenLayers, count_field_width(sc),
                    "layerCount", "ui.layerCount", "Hidden layers"))
        set_layer_count(s, count);
    ImGui::SameLine(0, 4 * sc);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(layer_count_label(hidden, short_label));
    record_rect(app, "layerCountLabel");
    // Dropout (issue 14, item 7): one rate for every hidden layer, beside their count.
    if (hidden > 0 && !nnplay::web::hidden(app, "dropout")) {
        // One line: its name, then the slider with its value beside the bar (a value over the
        // bar would take a second line, where the columns' + and − sit under it). Where the
        // view is too narrow for it beside the count (a side panel open), it has a header row
        // of its own, the last (layout_network's dropout_below).
        const char* format = s.layer_dropout.empty() ? "%.2f" : "by layer";  // layerDropout: below
        const float least = dropout_least_width(s);
        if (n.dropout_below) ImGui::SetCursorScreenPos(ImVec2(n.column_x(1) - 4 * sc, n.origin.y + n.header - n.line));
        else ImGui::SameLine(0, 12 * sc);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("dropout");
        tip(app, "dropout");
        ImGui::SameLine(0, 4 * sc);
        // The slider sets every layer: a per-layer list (layerDropout) gives way to it. As wide
        // as the row has room for, but never so narrow that the value leaves the line.
        const float room = n.view_right - ImGui::GetStyle().ScrollbarSize - ImGui::GetCursorScreenPos().x;
        const float width = std::max(least, std::min(150 * sc, room));
        if (setting_slider(app, "dropout", s.dropout, width, format, "##dropout")) s.layer_dropout.clear();
        record_rect(app, "dropout");
    } else {
        app.view.rects.erase("dropout");
    }
}

}  // namespace

float layer_count_width(App& app, bool short_label) {
    const float sc = app.view.scale;
    // As layer_count_row places them: "+", "−", the count and its label.
    return 2 * square_button_side(app) + 2 * sc + ImGui::GetStyle().ItemSpacing.x + count_field_width(sc) + 4 * sc +
           ImGui::CalcTextSize(layer_count_label(int(app.run.state.network_shape.size()), short_label)).x;
}

float layer_count_row_width(App& app) {
    const float sc = app.view.scale;
    // Then, on the same row, "dropout" and the slider.
    return layer_count_width(app, false) + 12 * sc + ImGui::CalcTextSize("dropout").x + 4 * sc +
           dropout_least_width(app.run.state);
}

int shown_member(App& app) {
    app.view.member = std::clamp(app.view.member, 0, app.run.trainer->ensemble_size() - 1);
    return app.view.member;
}

void network_headers(App& app, const NetLayout& n) {
    PlaygroundState& s = app.run.state;
    const NetworkSpec& spec = app.run.trainer->spec();
    const float sc = app.view.scale;
    const bool activations_shown = !hidden(app, "activation");
    const bool layer_buttons_shown = !hidden(app, "numHiddenLayers", "addLayer");
    if (!layer_buttons_shown) app.view.rects.erase("removeLayer");
    const int hidden_layers = spec.layer_count() - 1;  // what the view draws
    // The trainer follows the state after the UI: for a frame they may differ.
    const bool columns_match = hidden_layers == int(s.network_shape.size()) && s.model != Model::perceptron;
    ImGui::SetCursorScreenPos(
        ImVec2(n.origin.x, n.origin.y + (n.line - ImGui::GetFrameHeightWithSpacing()) / 2));
    ImGui::AlignTextToFramePadding();
    heading("FEATURES");
    if (layer_buttons_shown) layer_count_row(app, n, hidden_layers > 0);
    const int all_links = link_count(spec);
    if (all_links > kMaxLinksShown) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        caption(("(the " + std::to_string(kMaxLinksShown) + " strongest of " + std::to_string(all_links) +
                 " links shown)").c_str());
    }
    if (columns_match) {
        const float field_w = std::min(n.spacing - 8 * sc, count_field_width(sc));
        for (int l = 0; l < hidden_layers; ++l) {
            ImGui::PushID(l);
            const std::string id = std::to_string(l);
            const float x = n.column_x(l + 1) - 4 * sc;
            int& width = s.network_shape[size_t(l)];
            ImGui::SetCursorScreenPos(ImVec2(x, n.origin.y + n.line));
            const std::string layer = "hidden layer " + std::to_string(l + 1);  // as a screen reader says it
            if (square_button(app, "+", width < kMaxNeurons, ("addNeuron" + id).c_str(), "ui.addNeuron",
                              "ui.addNeuronLimit", "Add a neuron to " + layer))
                ++width;
            ImGui::SameLine(0, 2 * sc);
            if (square_button(app, "-", width > 1, ("removeNeuron" + id).c_str(), "ui.removeNeuron",
                              "ui.removeNeuronLimit", "Remove a neuron from " + layer))
                --width;
            ImGui::SetCursorScreenPos(ImVec2(x, n.origin.y + n.line * 2));
            count_field(app, "##neurons", width, 1, kMaxNeurons, field_w, ("neuronCount" + id).c_str(),
                        "ui.neuronCount", ("Neurons in " + layer).c_str());
            if (n.spacing >= 100 * sc) {
                ImGui::SameLine(0, 4 * sc);
                ImGui::AlignTextToFramePadding();
                caption(spec.width(l) == 1 ? "neuron" : "neurons");
            }
            if (activations_shown)
                layer_activation_choice(app, l, x, n.origin.y + n.line * 3,
                                        std::min(n.spacing - 8 * sc, 100 * sc));
            ImGui::PopID();
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(n.column_x(n.columns - 1) - 4 * sc, n.origin.y + n.line * 2));
    ImGui::AlignTextToFramePadding();
    caption("OUTPUT");
}

ImVec2 member_selector(App& app, const NetLayout& n) {
    const Trainer& t = *app.run.trainer;
    const int members = t.ensemble_size();
    if (members < 2) {
        for (const char* r : {"memberPrev", "memberNext", "memberLabel"}) app.view.rects.erase(r);
        return ImVec2(0, 0);
    }
    const float sc = app.view.scale;
    const int m = shown_member(app);
    const int outputs = n.rows.back();
    const float right = n.column_x(n.columns - 1) + n.last_w;
    const std::string label = "member " + std::to_string(m + 1) + " of " + std::to_string(members);
    const float side = square_button_side(app);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float block = std::max(2 * side + 2 * spacing + ImGui::CalcTextSize(label.c_str()).x, 150 * sc);
    // Under the output, ending at its right edge, below every column it reaches over (a
    // phone's short last hidden layer). Where that is further down than the view is high
    // (columns of 64 close together), it starts right of the last hidden column instead, and
    // the view's content grows to the right: it ran over that column's neurons.
    const float below_output = n.node_min(n.columns - 1, outputs - 1).y + n.node + n.gap + 4 * sc;
    float left = std::max(n.origin.x, right - block), top = below_output;
    for (int c = 0; c < n.columns - 1; ++c) {
        const float x0 = n.column_x(c) - n.node, x1 = n.column_x(c) + n.node;  // (a bias square's reach)
        if (x1 > left && x0 < right)
            top = std::max(top, n.node_min(c, n.rows[std::size_t(c)] - 1).y + n.node + n.gap + 4 * sc);
    }
    const float height = ImGui::GetFrameHeightWithSpacing() + 2 * ImGui::GetTextLineHeightWithSpacing();
    if (top + height - n.origin.y > n.view_bottom - n.view_top) {
        left = std::max(left, n.column_x(n.columns - 2) + n.node + spacing);
        top = below_output;
    }
    ImGui::SetCursorScreenPos(ImVec2(left, top));
    // Another member: its own weights, and its own neuron thumbnails (drawn again).
    if (square_button(app, "<##member", m > 0, "memberPrev", "ui.member", "ui.member", "Previous member")) {
        --app.view.member;
        app.pictures.dirty = true;
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text(label);
    record_rect(app, "memberLabel");
    tip(app, "ui.member");
    ImGui::SameLine();
    if (square_button(app, ">##member", m < members - 1, "memberNext", "ui.member", "ui.member", "Next member")) {
        ++app.view.member;
        app.pictures.dirty = true;
    }
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
    ImGui::PushTextWrapPos(left + block - ImGui::GetWindowPos().x + ImGui::GetScrollX());
    caption("the output is the mean of " + std::to_string(members) + " members");
    ImGui::PopTextWrapPos();
    return ImVec2(left + block, ImGui::GetCursorScreenPos().y);
}

}  // namespace nnplay::web
