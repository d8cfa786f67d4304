// ui.cpp: every panel of the page, laid out like TensorFlow Playground: a top bar with the
// run controls and training settings; below it Data, then Features and the network (every
// neuron a live heatmap, links coloured by weight), then Output with the metrics, the loss
// chart and the decision boundary; one status line at the bottom. The UI only edits
// app.state (and asks for steps, resets and weight edits); app_frame() does the rest.
#include "web/app.h"


#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>

namespace nnplay::web {
namespace {

constexpr ImU32 kInk = IM_COL32(60, 60, 60, 255);
constexpr ImU32 kMuted = IM_COL32(120, 120, 120, 255);

ImFont* big_font() {
    ImGuiIO& io = ImGui::GetIO();
    return io.Fonts->Fonts.Size > 1 ? io.Fonts->Fonts[1] : io.Fonts->Fonts[0];
}

bool hide_tips = false;  // hideText=true: no explanations (TensorFlow Playground's hideText)

// A tooltip explaining the last item.
void tip(const char* text) {
    if (hide_tips || !ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// TensorFlow Playground's <control>_hide=true keys: a hidden control is not drawn, and the
// test API has no rectangle for it (rect: its name there, when it differs).
bool hidden(App& app, const char* control, const char* rect = nullptr) {
    const std::vector<std::string>& h = app.state.hidden_controls;
    if (std::find(h.begin(), h.end(), control) == h.end()) return false;
    app.rects.erase(rect ? rect : control);
    return true;
}

void caption(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

void heading(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(90, 90, 90, 255));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

// Places groups left to right, wrapping to a new row when one would not fit.
struct Flow {
    float right;
    bool first = true;
    void next(float width) {
        if (!first) {
            ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 2);
            if (ImGui::GetCursorPosX() + width > right) ImGui::NewLine();
        }
        first = false;
    }
};

// A combo over a fixed list of labels; returns true when the choice changed.
bool choice(const char* id, int& index, const char* const* labels, int count, float width,
            ImGuiComboFlags flags = 0) {
    ImGui::SetNextItemWidth(width);
    bool changed = false;
    if (ImGui::BeginCombo(id, labels[std::clamp(index, 0, count - 1)], flags)) {
        for (int i = 0; i < count; ++i) {
            if (ImGui::Selectable(labels[i], i == index)) {
                changed = index != i;
                index = i;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

template <typename E>
void enum_choice(const char* id, E& value, const char* const* labels, int count, float width) {
    int index = int(value);
    if (choice(id, index, labels, count, width)) value = E(index);
}

// A round icon button (play, pause, step, reset), TensorFlow Playground style.
enum class Icon { play, pause, step, reset };
bool icon_button(const char* id, Icon icon, float radius, bool primary) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::InvisibleButton(id, ImVec2(radius * 2, radius * 2));
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 c(p.x + radius, p.y + radius);
    ImU32 fill = primary ? (hovered ? IM_COL32(40, 40, 40, 255) : IM_COL32(24, 24, 24, 255))
                         : (hovered ? IM_COL32(215, 215, 215, 255) : IM_COL32(232, 232, 232, 255));
    ImU32 ink = primary ? IM_COL32(255, 255, 255, 255) : kInk;
    dl->AddCircleFilled(c, radius, fill, 32);
    const float r = radius * 0.42f;
    switch (icon) {
        case Icon::play:
            dl->AddTriangleFilled(ImVec2(c.x - r * 0.7f, c.y - r), ImVec2(c.x - r * 0.7f, c.y + r),
                                  ImVec2(c.x + r, c.y), ink);
            break;
        case Icon::pause:
            dl->AddRectFilled(ImVec2(c.x - r * 0.8f, c.y - r), ImVec2(c.x - r * 0.25f, c.y + r), ink);
            dl->AddRectFilled(ImVec2(c.x + r * 0.25f, c.y - r), ImVec2(c.x + r * 0.8f, c.y + r), ink);
            break;
        case Icon::step:
            dl->AddTriangleFilled(ImVec2(c.x - r * 0.8f, c.y - r), ImVec2(c.x - r * 0.8f, c.y + r),
                                  ImVec2(c.x + r * 0.5f, c.y), ink);
            dl->AddRectFilled(ImVec2(c.x + r * 0.5f, c.y - r), ImVec2(c.x + r * 0.85f, c.y + r), ink);
            break;
        case Icon::reset: {
            dl->PathArcTo(c, r, 0.6f, 5.6f, 20);
            dl->PathStroke(ink, 0, radius * 0.12f);
            ImVec2 tip_at(c.x + r * std::cos(0.6f), c.y + r * std::sin(0.6f));
            float a = radius * 0.22f;
            dl->AddTriangleFilled(ImVec2(tip_at.x - a, tip_at.y), ImVec2(tip_at.x + a, tip_at.y),
                                  ImVec2(tip_at.x, tip_at.y + a * 1.2f), ink);
            break;
        }
    }
    return pressed;
}

// A plain-text number, trimmed ("0.03", "1e-05").
void format_number(char* out, size_t size, double v) { std::snprintf(out, size, "%g", v); }

std::string new_seed() {
    // Any text seeds a run; a short number reads well in a link.
    static unsigned counter = 0;
    unsigned long long x = (unsigned long long)(glfwGetTime() * 1e6) ^ (0x9e3779b97f4a7c15ull * ++counter);
    x ^= x >> 31;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 29;
    char text[16];
    std::snprintf(text, sizeof text, "%05llu", x % 100000);
    return text;
}

// ---- Labels for the settings --------------------------------------------------------------

const char* const kActivationLabels[] = {"Linear", "Sigmoid", "Tanh", "ReLU", "Leaky ReLU", "ELU",
                                         "Softplus", "Swish"};
const char* const kRegularizationLabels[] = {"None", "L1", "L2"};
const char* const kOptimizerLabels[] = {"SGD", "Momentum", "Nesterov", "RMSprop", "Adam"};
const char* const kInitLabels[] = {"Zeros", "Uniform", "Gaussian", "Xavier uniform",
                                   "Xavier normal", "He uniform", "He normal"};
const char* const kScheduleLabels[] = {"Constant", "Step", "Exponential", "On plateau"};
const char* const kLossLabels[] = {"Log loss (sigmoid)", "Square loss (tanh)"};
const char* const kModelLabels[] = {"Multi-layer (MLP)", "Perceptron"};
const char* const kSpeedLabels[] = {"1 / frame", "3 / frame", "10 / frame", "30 / frame",
                                    "Fastest"};
const double kLearningRates[] = {0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};
const double kRegularizationRates[] = {0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};

// A combo over TensorFlow Playground's fixed list of rates; the current value shows even when
// it is not on the list (typed, or from a link).
template <size_t N>
void rate_choice(const char* id, float& value, const double (&rates)[N], float width) {
    char text[24];
    format_number(text, sizeof text, value);
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(id, text)) {
        for (double rate : rates) {
            format_number(text, sizeof text, rate);
            if (ImGui::Selectable(text, std::abs(value - rate) < 1e-9 * (1 + rate))) value = float(rate);
        }
        ImGui::EndCombo();
    }
}

const char* dataset_label(Dataset d) {
    switch (d) {
        case Dataset::circle: return "Circle";
        case Dataset::xor_: return "Exclusive or";
        case Dataset::gauss: return "Gaussian";
        case Dataset::spiral: return "Spiral";
        case Dataset::moons: return "Moons";
        case Dataset::checkerboard: return "Checkerboard";
        case Dataset::blobs: return "Blobs";
        case Dataset::rings: return "Rings";
        case Dataset::reg_plane: return "Plane";
        case Dataset::reg_gauss: return "Multi Gaussian";
        case Dataset::custom: return "Your own points";
    }
    return "?";
}

bool takes_classes(Dataset d) {
    return d == Dataset::spiral || d == Dataset::blobs || d == Dataset::rings || d == Dataset::custom;
}

// ---- Top bar -------------------------------------------------------------------------------

// Space: run/pause; → or S: one epoch; R: reset; F: the speed readout; 1-6: the class a
// click adds. Not while typing into a field.
void shortcuts(App& app) {
    std::vector<int> keys;
    keys.swap(app.keys);
    if (ImGui::GetIO().WantTextInput) return;
    const int classes = app.state.problem == Problem::regression ? 2 : app.state.class_count();
    for (int key : keys) {
        if (key == GLFW_KEY_SPACE) app.playing = !app.playing;
        if (key == GLFW_KEY_RIGHT || key == GLFW_KEY_S) {
            app.playing = false;
            ++app.steps_requested;
        }
        if (key == GLFW_KEY_R) app.reset_requested = true;
        if (key == GLFW_KEY_F) app.show_speed = !app.show_speed;
        if (key >= GLFW_KEY_1 && key < GLFW_KEY_1 + std::min(classes, 6)) app.current_class = key - GLFW_KEY_1;
    }
}

void advanced_popup(App& app) {
    PlaygroundState& s = app.state;
    const float s1 = app.scale, w = 150 * s1;
    if (!ImGui::BeginPopup("advanced")) return;
    heading("OPTIMISER");
    if (s.optimizer == Optimizer::momentum || s.optimizer == Optimizer::nesterov) {
        ImGui::SetNextItemWidth(w);
        ImGui::SliderFloat("Momentum", &s.momentum, 0.0f, 0.999f, "%.3f", ImGuiSliderFlags_AlwaysClamp);
        tip("How much of the previous step carries into the next: the update keeps rolling in a "
            "consistent direction, speeding up long valleys and damping zig-zags.");
    }
    if (s.optimizer == Optimizer::adam) {
        ImGui::SetNextItemWidth(w);
        ImGui::SliderFloat("Beta 1", &s.beta1, 0.0f, 0.999f, "%.3f", ImGuiSliderFlags_AlwaysClamp);
        tip("Adam's memory of the gradient (its momentum): 0.9 averages roughly the last 10 steps.");
    }
    if (s.optimizer == Optimizer::adam || s.optimizer == Optimizer::rmsprop) {
        ImGui::SetNextItemWidth(w);
        if (s.optimizer == Optimizer::adam)
            ImGui::SliderFloat("Beta 2", &s.beta2, 0.9f, 0.99999f, "%.5f", ImGuiSliderFlags_AlwaysClamp);
        else
            ImGui::SliderFloat("Decay", &s.rms_decay, 0.5f, 0.999f, "%.3f", ImGuiSliderFlags_AlwaysClamp);
        tip("The memory of the squared gradient, which scales each weight's step: weights with "
            "large, noisy gradients take smaller steps.");
        ImGui::SetNextItemWidth(w);
        ImGui::SliderFloat("Epsilon", &s.epsilon, 1e-10f, 1e-2f, "%.0e",
                           ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
        tip("Added to the denominator so that steps stay finite when a gradient is near zero.");
    }
    if (s.optimizer == Optimizer::sgd) caption("Plain SGD has no further settings.");

    ImGui::Separator();
    heading("INITIALISATION");
    enum_choice("Init", s.init, kInitLabels, 7, w);
    tip("How the weights start. Xavier and He scale the random weights by the layer's fan-in so "
        "signals neither vanish nor explode through many layers (He suits ReLU).");
    ImGui::SetNextItemWidth(w);
    ImGui::SliderFloat("Scale", &s.init_scale, 0.01f, 2.0f, "%.2f", ImGuiSliderFlags_AlwaysClamp);
    tip("Uniform: weights drawn from ±scale. Gaussian: the standard deviation.");
    ImGui::SetNextItemWidth(w);
    ImGui::SliderFloat("Start bias", &s.init_bias, -1.0f, 1.0f, "%.2f", ImGuiSliderFlags_AlwaysClamp);
    tip("The value every bias starts at.");
    ImGui::Checkbox("All zeros", &s.init_zero);
    tip("Start every weight and bias at 0: all neurons of a layer then learn the same thing "
        "(symmetry is never broken). Try it to see why random initialisation matters.");

    ImGui::Separator();
    heading("SCHEDULE");
    enum_choice("Schedule", s.schedule, kScheduleLabels, 4, w);
    tip("How the learning rate changes during training: lowering it late lets the network "
        "settle into a minimum instead of bouncing around it.");
    if (s.schedule == Schedule::step) {
        ImGui::SetNextItemWidth(w);
        ImGui::SliderInt("Every (epochs)", &s.step_every, 1, 1000, "%d", ImGuiSliderFlags_Logarithmic);
    }
    if (s.schedule == Schedule::exp) {
        ImGui::SetNextItemWidth(w);
        ImGui::SliderFloat("Decay / epoch", &s.decay_rate, 0.9f, 1.0f, "%.4f", ImGuiSliderFlags_AlwaysClamp);
    }
    if (s.schedule == Schedule::plateau) {
        ImGui::SetNextItemWidth(w);
        ImGui::SliderInt("Plateau patience", &s.plateau_patience, 1, 200);
    }
    if (s.schedule == Schedule::step || s.schedule == Schedule::plateau) {
        ImGui::SetNextItemWidth(w);
        ImGui::SliderFloat("Factor", &s.schedule_factor, 0.01f, 1.0f, "%.2f", ImGuiSliderFlags_AlwaysClamp);
        tip("The learning rate is multiplied by this at each step.");
    }

    ImGui::Separator();
    heading("EARLY STOPPING");
    ImGui::Checkbox("Stop when validation loss stalls", &s.early_stopping);
    tip("Stops training when the validation loss has not improved for `patience` epochs and keeps "
        "the best weights: a guard against overfitting. Needs a validation share above 0 %.");
    if (s.early_stopping) {
        ImGui::SetNextItemWidth(w);
        ImGui::SliderInt("Patience", &s.patience, 1, 500);
        ImGui::SetNextItemWidth(w);
        ImGui::SliderFloat("Min. improvement", &s.min_delta, 0.0f, 0.1f, "%.4f");
    }

    ImGui::Separator();
    heading("MODEL");
    enum_choice("Model", s.model, kModelLabels, 2, w);
    tip("A single perceptron (no hidden layers, a step output, Rosenblatt's rule) can only draw a "
        "straight line through the feature space; a multi-layer perceptron can bend it.");
    if (s.problem == Problem::classification && s.class_count() == 2) {
        enum_choice("Loss", s.loss, kLossLabels, 2, w);
        tip("Log loss with a sigmoid output treats the output as a probability; TensorFlow "
            "Playground uses a tanh output with square loss on ±1 labels.");
    }
    ImGui::SetNextItemWidth(w);
    ImGui::SliderInt("Ensemble", &s.ensemble, 1, 8);
    tip("Trains several networks from different random starts and averages their outputs: "
        "smoother boundaries, less dependence on luck.");
    ImGui::Checkbox("Reshuffle every epoch", &s.reshuffle);
    tip("Visit the training points in a new random order each epoch, so batches differ.");
    ImGui::EndPopup();
}

void top_bar(App& app, float width) {
    PlaygroundState& s = app.state;
    const float sc = app.scale;
    Flow flow{width};
    const float radius = 17 * sc;

    // Run controls.
    flow.next(radius * 6 + 120 * sc);
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, 2 * sc));
    const float icons_y = ImGui::GetCursorPosY();
    bool first_icon = true;
    auto place_icon = [&](float dy) {  // the icons' centres on one line
        if (!first_icon) ImGui::SameLine();
        first_icon = false;
        ImGui::SetCursorPosY(icons_y + dy);
    };
    if (!hidden(app, "resetButton", "reset")) {
        place_icon(0);
        if (icon_button("##reset", Icon::reset, radius * 0.8f, false)) app.reset_requested = true;
        record_rect(app, "reset");
        tip("Reset (R): start again from freshly initialised weights (the same seed gives the same "
            "start).");
    }
    if (!hidden(app, "playButton", "play")) {
        place_icon(-radius * 0.2f);
        if (icon_button("##play", app.playing ? Icon::pause : Icon::play, radius, true))
            app.playing = !app.playing;
        record_rect(app, "play");
        tip("Run / pause (Space): train epoch after epoch, redrawing every frame.");
    }
    if (!hidden(app, "stepButton", "step")) {
        place_icon(0);
        if (icon_button("##step", Icon::step, radius * 0.8f, false)) {
            app.playing = false;
            ++app.steps_requested;
        }
        record_rect(app, "step");
        tip("Step (→ or S): train exactly one epoch, one pass over the training data.");
    }
    ImGui::EndGroup();
    ImGui::SameLine(0, 12 * sc);
    ImGui::BeginGroup();
    caption("Epoch");
    ImGui::PushFont(big_font());
    const int epoch = app.trainer->epoch();
    char text[48];
    std::snprintf(text, sizeof text, "%03d,%03d", epoch / 1000, epoch % 1000);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
    record_rect(app, "epoch");
    ImGui::EndGroup();

    flow.next(105 * sc);
    ImGui::BeginGroup();
    caption("Speed");
    choice("##speed", app.speed, kSpeedLabels, kSpeedCount, 105 * sc);
    record_rect(app, "speed");
    tip("Epochs trained per frame while running. \"Fastest\" fills about 8 ms of "
        "every frame with training.");
    ImGui::EndGroup();

    if (!hidden(app, "learningRate")) {
        flow.next(170 * sc);
        ImGui::BeginGroup();
        caption("Learning rate");
        rate_choice("##lr", s.learning_rate, kLearningRates, 75 * sc);
        record_rect(app, "learningRate");
        tip("How far each step moves the weights along the gradient. Too small and training crawls; "
            "too large and the loss jumps around or diverges.");
        ImGui::SameLine(0, 4 * sc);
        ImGui::SetNextItemWidth(90 * sc);
        ImGui::SliderFloat("##lrslider", &s.learning_rate, 1e-5f, 10.0f, "%.5g",
                           ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
        tip("Any learning rate between 0.00001 and 10 (logarithmic; Ctrl-click to type one).");
        ImGui::EndGroup();
    }

    if (!hidden(app, "activation")) {
        flow.next(105 * sc);
        ImGui::BeginGroup();
        caption("Activation");
        const Activation before = s.activation;
        enum_choice("##activation", s.activation, kActivationLabels, 8, 105 * sc);
        if (s.activation != before) s.layer_activations.clear();  // one choice for every layer
        record_rect(app, "activation");
        tip("The function each hidden neuron applies to its weighted sum. Without a non-linear one "
            "(tanh, ReLU, ...) any number of layers can only draw straight boundaries.");
        ImGui::EndGroup();
    }

    const bool reg_shown = !hidden(app, "regularization");
    const bool rate_shown = !hidden(app, "regularizationRate");
    if (reg_shown || rate_shown) {
        flow.next(175 * sc);
        ImGui::BeginGroup();
        caption("Regularisation");
        if (reg_shown) {
            enum_choice("##reg", s.regularization, kRegularizationLabels, 3, 70 * sc);
            tip("A penalty on large weights, added to the loss. L2 shrinks all weights smoothly; L1 "
                "pushes unneeded ones to exactly zero. Both fight overfitting.");
            if (rate_shown) ImGui::SameLine(0, 4 * sc);
        }
        if (rate_shown) {
            rate_choice("##regrate", s.regularization_rate, kRegularizationRates, 85 * sc);
            tip("Regularisation rate: how strongly the penalty counts against the data loss.");
        }
        ImGui::EndGroup();
    }

    if (!hidden(app, "problem")) {
        flow.next(120 * sc);
        ImGui::BeginGroup();
        caption("Problem type");
        const char* const problems[] = {"Classification", "Multi-class", "Regression"};
        int problem = s.problem == Problem::regression ? 2 : (s.class_count() > 2 ? 1 : 0);
        if (choice("##problem", problem, problems, 3, 120 * sc)) {
            if (problem == 2) {
                s.problem = Problem::regression;
            } else {
                s.problem = Problem::classification;
                if (problem == 1) {
                    s.classes = std::max(s.classes, 3);
                    if (!takes_classes(s.dataset)) s.dataset = Dataset::blobs;
                } else {
                    s.classes = 2;
                }
            }
        }
        record_rect(app, "problem");
        tip("Classification: two colours of points to separate. Multi-class: up to six. Regression: "
            "every point carries a number and the network predicts it.");
        ImGui::EndGroup();
    }

    flow.next(110 * sc);
    ImGui::BeginGroup();
    caption("Optimiser");
    enum_choice("##optimizer", s.optimizer, kOptimizerLabels, 5, 110 * sc);
    tip("How the gradient becomes a step. SGD steps straight down the gradient; momentum keeps "
        "velocity; RMSprop and Adam give every weight its own step size.");
    ImGui::EndGroup();

    // Advanced..., then File, Copy link and its options (share.cpp), in their exact width.
    const float pad = 2 * ImGui::GetStyle().FramePadding.x;
    flow.next(ImGui::CalcTextSize("Advanced...FileCopy link").x + 3 * pad +
              ImGui::GetFrameHeight() + 9 * sc);
    ImGui::BeginGroup();
    caption(" ");
    if (ImGui::Button("Advanced...")) ImGui::OpenPopup("advanced");
    record_rect(app, "advanced");
    tip("Optimiser rates, initialisation, learning-rate schedule, early stopping, ensembles, loss "
        "and the single perceptron.");
    advanced_popup(app);
    ImGui::SameLine(0, 4 * sc);
    files_menu(app);
    ImGui::SameLine(0, 4 * sc);
    share_buttons(app);
    ImGui::EndGroup();

}

// ---- Data column ---------------------------------------------------------------------------

void data_column(App& app, float width) {
    PlaygroundState& s = app.state;
    const float sc = app.scale;
    const bool regression = s.problem == Problem::regression;
    heading("DATA");
    const bool show_sets = !hidden(app, "dataset");
    if (show_sets) caption("Which data set?");
    std::vector<Dataset> sets;
    if (regression) sets = {Dataset::reg_plane, Dataset::reg_gauss, Dataset::custom};
    else sets = {Dataset::circle, Dataset::xor_, Dataset::gauss, Dataset::spiral, Dataset::moons,
                 Dataset::checkerboard, Dataset::blobs, Dataset::rings, Dataset::custom};
    const float gap = 6 * sc;
    const float cell = std::floor((width - 2 * gap) / 3);
    app.preview_px = int(cell);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    Dataset& current = regression ? s.reg_dataset : s.dataset;
    // Previews in channel 0, frames and labels in channel 1: the images then share one draw
    // call instead of alternating with the font texture (19 draw calls to 3).
    dl->ChannelsSplit(2);
    for (size_t i = 0; show_sets && i < sets.size(); ++i) {
        if (i % 3) ImGui::SameLine(0, gap);
        const Dataset d = sets[i];
        ImGui::PushID(int(i));
        ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("##ds", ImVec2(cell, cell))) {
            if (d == Dataset::custom && current != Dataset::custom) {
                // Start from the points on screen.
                const DataSplit& data = app.trainer->data();
                s.points.clear();
                for (const auto* part : {&data.train, &data.val, &data.test})
                    s.points.insert(s.points.end(), part->begin(), part->end());
                s.classes = app.trainer->class_count() > 1 ? app.trainer->class_count() : s.classes;
            }
            current = d;
            if (!regression && !takes_classes(d)) s.classes = 2;
        }
        const bool hovered = ImGui::IsItemHovered();
        ImVec2 q(p.x + cell, p.y + cell);
        const std::vector<Point>& preview =
            d == Dataset::custom ? s.points : app.dataset_previews[size_t(d)];
        if (app.renderer_ok) {
            ImVec2 uv0, uv1;
            preview_uv(app, d, uv0, uv1);
            dl->ChannelsSetCurrent(0);
            dl->AddImage(app.renderer.images(), p, q, uv0, uv1);
            dl->ChannelsSetCurrent(1);
        }
        if (d == Dataset::custom && preview.empty()) {
            ImVec2 t = ImGui::CalcTextSize("draw");
            dl->AddText(ImVec2(p.x + (cell - t.x) / 2, p.y + (cell - t.y) / 2), kMuted, "draw");
        }
        const bool selected = current == d;
        dl->AddRect(p, q, selected ? IM_COL32(30, 30, 30, 255) : (hovered ? kMuted : IM_COL32(210, 210, 210, 255)),
                    0, 0, selected ? 2.5f * sc : 1.0f * sc);
        if (hovered) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(dataset_label(d));
            if (d == Dataset::custom)
                ImGui::TextUnformatted("Click the output plot to add points, right-click to remove.");
            ImGui::EndTooltip();
        }
        ImGui::PopID();
    }
    dl->ChannelsMerge();
    ImGui::Dummy(ImVec2(0, 2 * sc));

    const float w = width;
    auto slider = [&](const char* id, int* v, int lo, int hi, const char* format, const char* help,
                      ImGuiSliderFlags flags = 0) {
        ImGui::SetNextItemWidth(w);
        ImGui::SliderInt(id, v, lo, hi, format, flags | ImGuiSliderFlags_AlwaysClamp);
        tip(help);
    };
    if (!regression && takes_classes(current)) {
        int before = s.classes;
        slider("##classes", &s.classes, 2, 6, "Classes: %d",
               "How many classes (colours) the data has; the output layer gets one neuron per class "
               "and a softmax when there are more than two.");
        if (s.classes < before && current == Dataset::custom)
            s.points.erase(std::remove_if(s.points.begin(), s.points.end(),
                                          [&](const Point& p) { return p.label >= float(s.classes); }),
                           s.points.end());
    }
    if (!hidden(app, "percTrainData", "trainShare")) {
        slider("##train", &s.perc_train_data, 10, 90, "Training data: %d%%",
               "The share of points the network learns from; the rest is test data, never trained "
               "on, which shows how well the network generalises.");
        record_rect(app, "trainShare");
    }
    slider("##val", &s.perc_val_data, 0, 40, "Validation: %d%%",
           "The share of the training part held out to watch for overfitting (and for early "
           "stopping): its loss rises when the network starts memorising.");
    if (current != Dataset::custom && !hidden(app, "noise")) {
        slider("##noise", &s.noise, 0, 50, "Noise: %d",
               "How much the points are jittered: noisy data has no perfect boundary, and a network "
               "that finds one has overfitted.");
        record_rect(app, "noise");
    }
    const int n_train = std::max(1, int(app.trainer->data().train.size()));
    if (!hidden(app, "batchSize"))
        slider("##batch", &s.batch_size, 1, std::max(2, std::min(n_train, 500)), "Batch size: %d",
               "Points averaged into one gradient step. Small batches give many noisy steps per "
               "epoch; large ones give few, smooth steps.",
               ImGuiSliderFlags_Logarithmic);
    if (current != Dataset::custom) {
        int n = s.sample_count();
        ImGui::SetNextItemWidth(w);
        if (ImGui::SliderInt("##points", &n, 10, 5000, "Points: %d",
                             ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp))
            s.num_samples = n;
        tip("How many points the data set has in all (training, validation and test).");
    }
    if (ImGui::Button("Regenerate", ImVec2(w, 0))) s.seed = new_seed();
    record_rect(app, "regenerate");
    tip("New random data (and a new weight initialisation) from a new seed. The seed is part of "
        "the link, so a link always shows the same run.");

    ImGui::Dummy(ImVec2(0, 4 * sc));
    caption(regression ? "Draw: click +1, Shift-click −1" : "Draw: click adds class");
    const int classes = regression ? 2 : s.class_count();
    app.current_class = std::clamp(app.current_class, 0, classes - 1);
    const float box = ImGui::GetFrameHeight();
    for (int k = 0; k < classes; ++k) {
        if (k) ImGui::SameLine(0, 4 * sc);
        ImGui::PushID(k);
        ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("##class", ImVec2(box, box))) app.current_class = k;
        const ImU32 colour = regression ? (k == 0 ? kOrange : kBlue) : kClassColours[k];
        dl->AddRectFilled(p, ImVec2(p.x + box, p.y + box), colour, 3 * sc);
        if (k == app.current_class)
            dl->AddRect(ImVec2(p.x - 2 * sc, p.y - 2 * sc), ImVec2(p.x + box + 2 * sc, p.y + box + 2 * sc),
                        kInk, 3 * sc, 0, 2 * sc);
        char number[12];
        std::snprintf(number, sizeof number, "%d", k + 1);
        dl->AddText(ImVec2(p.x + box * 0.33f, p.y + box * 0.12f), IM_COL32(255, 255, 255, 255), number);
        tip("Click the output plot to add a point of this class (key 1-6); Shift-click adds the "
            "other class; right-click or Ctrl-click removes the nearest point.");
        ImGui::PopID();
    }
    if (current == Dataset::custom) {
        ImGui::SameLine(0, 8 * sc);
        if (ImGui::Button("Clear")) s.points.clear();
        tip("Remove every point, to draw a data set from scratch.");
    }
}

// ---- Features and network ------------------------------------------------------------------

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
    PlaygroundState& s = app.state;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    int index = int(s.hidden_activation(l));
    const ImGuiComboFlags narrow = width < 80 * app.scale ? ImGuiComboFlags_NoArrowButton : 0;
    if (choice("##layeract", index, kActivationLabels, 8, width, narrow)) {
        if (s.layer_activations.size() != s.network_shape.size())
            s.layer_activations.assign(s.network_shape.size(), s.activation);
        s.layer_activations[size_t(l)] = Activation(index);
        if (std::all_of(s.layer_activations.begin(), s.layer_activations.end(),
                        [&](Activation a) { return a == s.activation; }))
            s.layer_activations.clear();
    }
    record_rect(app, ("layerActivation" + std::to_string(l)).c_str());
    tip("This layer's activation. Layers can differ, e.g. ReLU layers under a tanh layer; the "
        "Activation menu in the top bar sets every layer at once.");
}

void network_view(App& app) {
    PlaygroundState& s = app.state;
    const Trainer& t = *app.trainer;
    const NetworkSpec& spec = t.spec();
    const float sc = app.scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool mouse_here = ImGui::IsWindowHovered();
    const float line = ImGui::GetFrameHeightWithSpacing();

    const bool activations_shown = !hidden(app, "activation");
    const bool layer_buttons_shown = !hidden(app, "numHiddenLayers", "addLayer");
    if (!layer_buttons_shown) app.rects.erase("removeLayer");
    const int hidden = int(s.network_shape.size());
    const bool hidden_shown = spec.layer_count() - 1 == hidden;  // the trainer follows the state
    int tallest = feature_count;
    for (int l = 0; l < spec.layer_count(); ++l) tallest = std::max(tallest, spec.width(l));
    const float header = line * 3 + ImGui::GetTextLineHeightWithSpacing();
    float node = std::floor((avail.y - header - 8 * sc) / tallest * 0.8f);
    node = std::clamp(node, 20 * sc, 40 * sc);
    app.node_px = int(std::ceil(node));
    const float gap = std::max(3 * sc, std::floor(node * 0.25f));
    const float label_w = 50 * sc;
    const int columns = spec.layer_count() + 1;  // features, hidden..., output
    const float min_spacing = node + 40 * sc;
    const float last_w = std::max(node, ImGui::CalcTextSize("OUTPUT").x);
    const float spacing = std::max(min_spacing, (avail.x - label_w - last_w - 12 * sc) / float(columns - 1));
    auto column_x = [&](int c) { return origin.x + label_w + c * spacing; };
    const float top = origin.y + header;
    auto node_y = [&](int i) { return top + i * (node + gap); };

    // Headers: the layer count, then per hidden layer its neuron count.
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y));
    heading("FEATURES");
    ImGui::SetCursorScreenPos(ImVec2(column_x(1) - 4 * sc, origin.y));
    if (layer_buttons_shown) {
        if (ImGui::SmallButton("+##layers") && hidden < 8) {
            s.network_shape.push_back(2);
            if (!s.layer_activations.empty()) s.layer_activations.push_back(s.activation);
        }
        record_rect(app, "addLayer");
        tip("Add a hidden layer: each layer combines the previous layer's patterns into more complex "
            "ones.");
        ImGui::SameLine(0, 2 * sc);
        if (ImGui::SmallButton("-##layers") && hidden > 0) {
            s.network_shape.pop_back();
            if (!s.layer_activations.empty()) s.layer_activations.pop_back();
        }
        record_rect(app, "removeLayer");
        tip("Remove the last hidden layer. With none, the network is a linear model of the features.");
        ImGui::SameLine();
    }
    ImGui::Text("%d HIDDEN LAYER%s", hidden, hidden == 1 ? "" : "S");
    int all_links = 0;
    for (int l = 0; l < spec.layer_count(); ++l) all_links += spec.width(l) * spec.fan_in(l);
    if (all_links > kMaxLinksShown) {
        ImGui::SameLine();
        caption(("(the " + std::to_string(kMaxLinksShown) + " strongest of " + std::to_string(all_links) +
                 " links shown)").c_str());
    }
    if (hidden_shown) {
        for (int l = 0; l < hidden; ++l) {
            ImGui::PushID(l);
            ImGui::SetCursorScreenPos(ImVec2(column_x(l + 1) - 4 * sc, origin.y + line));
            if (ImGui::SmallButton("+") && s.network_shape[l] < 64) ++s.network_shape[l];
            tip("Add a neuron to this layer.");
            ImGui::SameLine(0, 2 * sc);
            if (ImGui::SmallButton("-") && s.network_shape[l] > 1) --s.network_shape[l];
            tip("Remove a neuron from this layer.");
            ImGui::SetCursorScreenPos(ImVec2(column_x(l + 1) - 4 * sc, origin.y + line * 2));
            const std::string count = std::to_string(spec.width(l));
            caption(spacing < 80 * sc ? count.c_str()
                                      : (count + (spec.width(l) == 1 ? " neuron" : " neurons")).c_str());
            if (activations_shown) layer_activation_choice(app, l, column_x(l + 1) - 4 * sc,
                                                                    origin.y + line * 2 +
                                                                        ImGui::GetTextLineHeightWithSpacing(),
                                                                    std::min(spacing - 8 * sc, 100 * sc));
            ImGui::PopID();
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(column_x(columns - 1) - 4 * sc, origin.y + line * 2));
    caption("OUTPUT");

    // Node positions: features (all nine, disabled ones dimmed), then each dense layer.
    std::vector<int> enabled;
    for (int f = 0; f < feature_count; ++f)
        if (s.features[f]) enabled.push_back(f);
    auto node_min = [&](int column, int i) { return ImVec2(column_x(column), node_y(i)); };
    // The row a network input sits in: its feature's index.
    auto input_row = [&](int input) { return input < int(enabled.size()) ? enabled[input] : input; };

    // Links under everything. Hit-test the mouse against them while drawing.
    int links = 0;
    for (int l = 0; l < spec.layer_count(); ++l) links += spec.width(l) * spec.fan_in(l);
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
    const float view_top = ImGui::GetWindowPos().y, view_bottom = view_top + ImGui::GetWindowHeight();
    const float view_left = ImGui::GetWindowPos().x, view_right = view_left + ImGui::GetWindowWidth();
    const bool features_match = int(enabled.size()) == spec.inputs;
    float best = 5 * sc;
    int hit_layer = -1, hit_to = -1, hit_from = -1;
    ImVec2 pts[13];
    for (int l = 0; l < spec.layer_count() && features_match; ++l) {
        for (int to = 0; to < spec.width(l); ++to) {
            ImVec2 b = node_min(l + 1, to);
            b.y += node / 2;
            for (int from = 0; from < spec.fan_in(l); ++from) {
                ImVec2 a = node_min(l, l == 0 ? input_row(from) : from);
                a.x += node;
                a.y += node / 2;
                if (std::max(a.y, b.y) < view_top || std::min(a.y, b.y) > view_bottom ||
                    b.x < view_left || a.x > view_right)
                    continue;  // out of view: a software rasteriser would still pay for it
                const float w = t.weight(0, l, to, from);
                if (std::abs(w) < shown_from) continue;
                // Whole-pixel widths, fainter below one pixel: ImGui then draws each segment as
                // two textured triangles instead of six, and a software rasteriser pays per
                // triangle (most of all for the thin slivers of an anti-aliased edge).
                const float width = std::clamp(0.4f + std::abs(w) * 1.4f, 0.4f, 7.0f) * sc * crowd;
                const float thick = std::max(1.0f, std::round(width));
                const ImU32 faded = ImU32(float(alpha) * std::min(width, 1.0f));
                const ImU32 colour = (w >= 0 ? IM_COL32(0x08, 0x77, 0xbd, 0) : IM_COL32(0xf5, 0x93, 0x22, 0)) |
                                     (faded << IM_COL32_A_SHIFT);
                int n = 1;
                pts[0] = a;
                if (curves) {
                    const float dx = (b.x - a.x) * 0.5f;
                    n = 12;
                    for (int k = 1; k <= n; ++k) {
                        float u = float(k) / n, v = 1 - u;
                        // Cubic Bézier with horizontal tangents at both ends.
                        float bx = v * v * v * a.x + 3 * v * v * u * (a.x + dx) + 3 * v * u * u * (b.x - dx) + u * u * u * b.x;
                        float by = v * v * v * a.y + 3 * v * v * u * a.y + 3 * v * u * u * b.y + u * u * u * b.y;
                        pts[k] = ImVec2(bx, by);
                    }
                    dl->AddPolyline(pts, n + 1, colour, 0, thick);
                } else {
                    pts[1] = b;
                    dl->AddLine(a, b, colour, thick);
                }
                if (mouse_here && mouse.x >= a.x && mouse.x <= b.x) {
                    for (int k = 0; k < n; ++k) {
                        float d = distance_to_segment(mouse, pts[k], pts[k + 1]) - thick / 2;
                        if (d < best) {
                            best = d;
                            hit_layer = l;
                            hit_to = to;
                            hit_from = from;
                        }
                    }
                }
            }
        }
    }

    // Nodes.
    const ImTextureID atlas = app.renderer.atlas();
    int hover_feature = -1, hover_layer = -1, hover_node = -1, hover_bias_layer = -1, hover_bias = -1;
    auto contains = [&](ImVec2 a, float size) {
        return mouse_here && mouse.x >= a.x && mouse.x < a.x + size && mouse.y >= a.y && mouse.y < a.y + size;
    };
    // Heatmaps in channel 0, outlines, biases and labels in channel 1: every heatmap then
    // goes in one draw call instead of alternating textures node by node.
    dl->ChannelsSplit(2);
    for (int f = 0; f < feature_count; ++f) {
        ImVec2 a = node_min(0, f), b(a.x + node, a.y + node);
        ImVec2 uv0, uv1;
        app.renderer.slot_uv(feature_slot(f), uv0, uv1);
        dl->ChannelsSetCurrent(0);
        dl->AddImage(atlas, a, b, uv0, uv1, s.features[f] ? IM_COL32_WHITE : IM_COL32(255, 255, 255, 60));
        dl->ChannelsSetCurrent(1);
        const bool hot = contains(a, node);
        if (hot) hover_feature = f;
        dl->AddRect(a, b, hot ? kInk : IM_COL32(150, 150, 150, 255), 0, 0, (hot ? 2.0f : 1.0f) * sc);
        const char* label = label_of(Feature(f));
        ImVec2 size = ImGui::CalcTextSize(label);
        dl->AddText(ImVec2(a.x - size.x - 5 * sc, a.y + (node - size.y) / 2),
                    s.features[f] ? kInk : IM_COL32(170, 170, 170, 255), label);
    }
    // Only the neurons in view: an 8 × 64 network shows about a third of its 512 (a software
    // rasteriser pays for every triangle sent, in view or not).
    for (int l = 0; l < spec.layer_count(); ++l) {
        for (int i = 0; i < spec.width(l); ++i) {
            ImVec2 a = node_min(l + 1, i), b(a.x + node, a.y + node);
            if (b.y < view_top || a.y - node > view_bottom || b.x < view_left - node || a.x > view_right)
                continue;  // (the bias square reaches a node's width to the left)
            ImVec2 uv0, uv1;
            app.renderer.slot_uv(neuron_slot(app, l, i), uv0, uv1);
            dl->ChannelsSetCurrent(0);
            dl->AddImage(atlas, a, b, uv0, uv1);
            dl->ChannelsSetCurrent(1);
            const bool hot = contains(a, node);
            if (hot) {
                hover_layer = l;
                hover_node = i;
            }
            dl->AddRect(a, b, hot ? kInk : IM_COL32(150, 150, 150, 255), 0, 0, (hot ? 2.0f : 1.0f) * sc);
            // The bias: a small square at the node's lower left.
            const float bs = std::max(4 * sc, node * 0.18f);
            ImVec2 ba(a.x - bs - 1 * sc, b.y - bs);
            const float bias = t.bias(0, l, i);
            dl->AddRectFilled(ba, ImVec2(ba.x + bs, ba.y + bs), diverging_colour(std::clamp(bias, -1.0f, 1.0f)));
            dl->AddRect(ba, ImVec2(ba.x + bs, ba.y + bs), IM_COL32(120, 120, 120, 255));
            if (contains(ImVec2(ba.x - 1 * sc, ba.y - 1 * sc), bs + 2 * sc)) {
                hover_bias_layer = l;
                hover_bias = i;
            }
        }
    }
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(origin);
    const float content_w = label_w + (columns - 1) * spacing + last_w + 12 * sc;
    const float content_h = header + tallest * (node + gap) + 4 * sc;
    ImGui::Dummy(ImVec2(content_w, content_h));

    // Hover readouts and clicks.
    app.hover_feature = hover_feature;
    app.hover_layer = hover_layer;
    app.hover_node = hover_node;
    auto open_editor = [&](bool is_bias, int layer, int to, int from, float value) {
        app.edit = {is_bias, layer, to, from, value};
        ImGui::OpenPopup("edit parameter");
    };
    if (hover_feature >= 0) {
        ImGui::SetTooltip("%s: click to %s this input feature", label_of(Feature(hover_feature)),
                          s.features[hover_feature] ? "remove" : "add");
        if (ImGui::IsMouseClicked(0)) s.features[hover_feature] = !s.features[hover_feature];
    } else if (hover_layer >= 0) {
        if (hover_layer == spec.layer_count() - 1)
            ImGui::SetTooltip("Output neuron %d: its value over the plane is shown in the output plot",
                              hover_node + 1);
        else
            ImGui::SetTooltip("Layer %d, neuron %d: its activation over the plane is shown in the "
                              "output plot", hover_layer + 1, hover_node + 1);
    } else if (hover_bias >= 0) {
        float v = t.bias(0, hover_bias_layer, hover_bias);
        ImGui::SetTooltip("Bias %.4f (click to edit)", v);
        if (ImGui::IsMouseClicked(0)) open_editor(true, hover_bias_layer, hover_bias, 0, v);
    } else if (hit_layer >= 0) {
        float v = t.weight(0, hit_layer, hit_to, hit_from);
        const char* from_name = hit_layer == 0 ? label_of(Feature(input_row(hit_from))) : nullptr;
        if (from_name)
            ImGui::SetTooltip("Weight %.4f: %s -> layer 1, neuron %d (click to edit)", v, from_name, hit_to + 1);
        else
            ImGui::SetTooltip("Weight %.4f: layer %d neuron %d -> %s neuron %d (click to edit)", v,
                              hit_layer, hit_from + 1,
                              hit_layer == spec.layer_count() - 1 ? "output" : "next layer,", hit_to + 1);
        if (ImGui::IsMouseClicked(0)) open_editor(false, hit_layer, hit_to, hit_from, v);
    }
    if (ImGui::BeginPopup("edit parameter")) {
        ImGui::TextUnformatted(app.edit.bias ? "Set this bias to:" : "Set this weight to:");
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(120 * sc);
        if (ImGui::InputFloat("##value", &app.edit.value, 0, 0, "%.4f", ImGuiInputTextFlags_EnterReturnsTrue)) {
            if (std::isfinite(app.edit.value)) app.edit_pending = true;
            else app_message(app, "Rejected: a weight must be a finite number.", true);
            ImGui::CloseCurrentPopup();
        }
        caption("Enter to apply, Esc to cancel");
        if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

// ---- Output column -------------------------------------------------------------------------

void output_column(App& app, float width, float height) {
    PlaygroundState& s = app.state;
    const Trainer& t = *app.trainer;
    const Metrics& m = t.metrics();
    const float sc = app.scale;
    const bool regression = t.is_regression();
    heading("OUTPUT");
    // Loss and accuracy (or RMSE) on each set: columns train, validation (if any), test.
    const bool has_val = !t.data().val.empty();
    const int cols = has_val ? 4 : 3;
    if (ImGui::BeginTable("##metrics", cols, ImGuiTableFlags_SizingFixedFit)) {
        auto row = [&](const char* name, double train, double val, double test, bool as_percent) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            caption(name);
            const double values[3] = {train, val, test};
            for (int i = 0; i < 3; ++i) {
                if (i == 1 && !has_val) continue;
                ImGui::TableNextColumn();
                char text[32];
                if (!std::isfinite(values[i])) std::snprintf(text, sizeof text, "-");
                else if (as_percent) std::snprintf(text, sizeof text, "%.1f%%", values[i] * 100);
                else std::snprintf(text, sizeof text, "%.4f", values[i]);
                ImGui::TextUnformatted(text);
            }
        };
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        caption("training");
        if (has_val) {
            ImGui::TableNextColumn();
            caption("validation");
        }
        ImGui::TableNextColumn();
        caption("test");
        row("loss", m.train_loss, m.val_loss, m.test_loss, false);
        if (regression) row("RMSE", m.train_rmse, m.val_rmse, m.test_rmse, false);
        else row("accuracy", m.train_acc, m.val_acc, m.test_acc, true);
        ImGui::EndTable();
    }
    record_rect(app, "metrics");

    // Loss chart.
    const float chart_h = 56 * sc;
    ImVec2 c0 = ImGui::GetCursorScreenPos();
    ImVec2 c1(c0.x + width - 4 * sc, c0.y + chart_h);
    ImGui::InvisibleButton("##chart", ImVec2(c1.x - c0.x, chart_h));
    record_rect(app, "chart");
    app.chart.draw(ImGui::GetWindowDrawList(), c0, c1, app.log_scale, sc);
    ImGui::Checkbox("Log scale", &app.log_scale);
    tip("Show the loss on a logarithmic axis: late, slow improvements become visible.");
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(60, 60, 60, 255));
    ImGui::TextUnformatted("train");
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(150, 90, 200, 255));
    ImGui::TextUnformatted("validation");
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(150, 150, 150, 255));
    ImGui::TextUnformatted("test");
    ImGui::PopStyleColor();

    // The plot, square, with room for the axis labels on the right and below.
    const float axis = 26 * sc;
    // The plot comes first; the confusion matrix may scroll.
    const float below = ImGui::GetFrameHeightWithSpacing() + 8 * sc;
    float side = std::min(width - axis, height - (ImGui::GetCursorPosY() - ImGui::GetCursorStartPos().y) - below - axis * 0.7f);
    side = std::floor(std::max(side, 120 * sc));
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImVec2 p1(p0.x + side, p0.y + side);
    app.output_rect = {p0.x, p0.y, side, side};
    if (ImTextureID image = app_output_image(app)) ImGui::GetWindowDrawList()->AddImage(image, p0, p1);
    ImGui::GetWindowDrawList()->AddCallback(app_draw_output, &app);
    ImGui::GetWindowDrawList()->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    ImGui::InvisibleButton("##plot", ImVec2(side, side),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    record_rect(app, "plot");
    draw_axes(ImGui::GetWindowDrawList(), p0, p1, sc);
    if (ImGui::IsItemHovered()) {
        ImVec2 mp = ImGui::GetIO().MousePos;
        const float x = (mp.x - p0.x) / side * 12 - 6, y = 6 - (mp.y - p0.y) / side * 12;
        ImGuiIO& io = ImGui::GetIO();
        const bool remove = ImGui::IsMouseClicked(1) || (ImGui::IsMouseClicked(0) && io.KeyCtrl);
        const bool add = !remove && ImGui::IsMouseClicked(0);
        Dataset& current = regression ? s.reg_dataset : s.dataset;
        if ((add || remove) && current != Dataset::custom) {
            // Drawing turns the data set into your own points, starting from those shown.
            const DataSplit& data = t.data();
            s.points.clear();
            for (const auto* part : {&data.train, &data.val, &data.test})
                s.points.insert(s.points.end(), part->begin(), part->end());
            if (!regression) s.classes = std::max(2, t.class_count());
            current = Dataset::custom;
        }
        if (add) {
            const int classes = regression ? 2 : s.class_count();
            int cls = app.current_class;
            if (io.KeyShift) cls = classes == 2 ? 1 - cls : (cls + 1) % classes;
            const float label = regression ? (cls == 1 ? 1.0f : -1.0f) : float(cls);
            if (s.points.size() < 5000) s.points.push_back({x, y, label});
            else app_message(app, "Rejected: at most 5000 points.", true);
        }
        if (remove && !s.points.empty()) {
            size_t nearest = 0;
            float d2 = 1e30f;
            for (size_t i = 0; i < s.points.size(); ++i) {
                float dx = s.points[i].x - x, dy = s.points[i].y - y, d = dx * dx + dy * dy;
                if (d < d2) {
                    d2 = d;
                    nearest = i;
                }
            }
            if (d2 < 0.8f * 0.8f) s.points.erase(s.points.begin() + long(nearest));
        }
        ImGui::SetTooltip("(%.2f, %.2f)  click: add  right-click: remove", x, y);
    }
    ImGui::Dummy(ImVec2(0, axis * 0.6f));
    const bool test_shown = !hidden(app, "showTestData");
    if (test_shown) {
        ImGui::Checkbox("Show test data", &s.show_test_data);
        record_rect(app, "showTestData");
        tip("Also draw the test points (dark outline). Training points have a white outline, "
            "validation points are diamonds.");
    }
    if (!hidden(app, "discretize")) {
        if (test_shown) ImGui::SameLine();
        ImGui::Checkbox("Discretize output", &s.discretize);
        record_rect(app, "discretize");
        tip("Colour each cell by the predicted class only, hiding the confidence: shows the "
            "decision boundary sharply.");
    }

    if (!regression && !m.confusion.empty()) {
        const int k = t.class_count();
        caption("Confusion matrix (test): rows true, columns predicted");
        const float cell = ImGui::CalcTextSize("00000").x + ImGui::GetStyle().CellPadding.x * 2;
        if (ImGui::BeginTable("##confusion", k + 1, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit,
                              ImVec2(cell * float(k + 1), 0))) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            for (int c = 0; c < k; ++c) {
                ImGui::TableNextColumn();
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kClassColours[c]), "%d", c + 1);
            }
            for (int r = 0; r < k; ++r) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kClassColours[r]), "%d", r + 1);
                for (int c = 0; c < k; ++c) {
                    ImGui::TableNextColumn();
                    ImGui::Text("%d", m.confusion[size_t(r * k + c)]);
                }
            }
            ImGui::EndTable();
        }
    }
}

}  // namespace

// ---- Style and fonts -------------------------------------------------------------------------

void ui_setup_style(float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.ChildRounding = 0;
    // Square frames: a rounded one is some fifty thin triangles, a square one two, and
    // SwiftShader (software WebGL) pays per triangle.
    style.FrameRounding = 0;
    style.PopupRounding = 4;
    style.GrabRounding = 0;
    style.WindowBorderSize = 0;
    style.FramePadding = ImVec2(6, 3);
    style.ItemSpacing = ImVec2(6, 5);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.97f, 1);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 0.98f);
    c[ImGuiCol_Text] = ImVec4(0.2f, 0.2f, 0.2f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.9f, 0.94f, 0.98f, 1);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.85f, 0.9f, 0.96f, 1);
    c[ImGuiCol_Button] = ImVec4(0.9f, 0.9f, 0.9f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.82f, 0.86f, 0.9f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.75f, 0.8f, 0.88f, 1);
    c[ImGuiCol_SliderGrab] = ImVec4(0.03f, 0.47f, 0.74f, 0.8f);
    c[ImGuiCol_SliderGrabActive] = ImVec4(0.03f, 0.47f, 0.74f, 1);
    c[ImGuiCol_CheckMark] = ImVec4(0.03f, 0.47f, 0.74f, 1);
    c[ImGuiCol_Border] = ImVec4(0.8f, 0.8f, 0.8f, 1);
    style.FrameBorderSize = 1;
    style.ScaleAllSizes(scale);
}

bool ui_load_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Latin-1, Greek, punctuation, sub/superscripts (x₁²), arrows, maths, shapes.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2000, 0x206F, 0x2070, 0x209F,
                                     0x2190, 0x21FF, 0x2200, 0x22FF, 0x25A0, 0x25FF, 0};
    bool ok = false;
    if (std::FILE* f = std::fopen(NNPLAY_FONT_PATH, "rb")) {
        std::fclose(f);
        ImFontConfig config;
        config.OversampleH = 2;
        ok = io.Fonts->AddFontFromFileTTF(NNPLAY_FONT_PATH, std::round(14.0f * scale), &config, ranges) &&
             io.Fonts->AddFontFromFileTTF(NNPLAY_FONT_PATH, std::round(22.0f * scale), &config, ranges);
    }
    if (!ok) {
        io.Fonts->Clear();
        ImFontConfig config;
        config.SizePixels = std::round(13.0f * scale);
        io.Fonts->AddFontDefault(&config);
        console_log("font " NNPLAY_FONT_PATH " not found: using ImGui's built-in font");
    }
    return ok;
}

// ---- The page ------------------------------------------------------------------------------

void ui_draw(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    const float sc = app.scale;
    hide_tips = app.state.hide_text;
    shortcuts(app);

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("nnplay", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBackground);  // glClear paints it: a full-window quad costs a software rasteriser
    const float W = ImGui::GetContentRegionAvail().x;
    top_bar(app, W);
    ImGui::Separator();

    // The status line grows (wraps) to show every warning.
    bool error = false;
    const std::string status = status_text(app, &error);
    char speed[64];
    // Paused and still, the page draws about once a second (app_frame): "idle", not "1 fps".
    if (app.show_speed && !app.playing && app.fps < 10) std::snprintf(speed, sizeof speed, "idle");
    else if (app.show_speed) std::snprintf(speed, sizeof speed, "%.0f fps  %.0f epochs/s", app.fps, app.epochs_per_second);
    else std::snprintf(speed, sizeof speed, "speed");
    const float speed_w = ImGui::CalcTextSize(speed).x;
    const float status_wrap = W - speed_w - 16 * sc - compat_button_width(app);
    const float status_h = ImGui::CalcTextSize(status.empty() ? "Ready." : status.c_str(), nullptr, false,
                                               status_wrap).y +
                           ImGui::GetStyle().ItemSpacing.y + 6 * sc;
    const float main_h = std::max(100.0f, ImGui::GetContentRegionAvail().y - status_h);
    const float gap = ImGui::GetStyle().ItemSpacing.x * 2;
    const float data_w = std::clamp(W * 0.16f, 150 * sc, 210 * sc);
    const float out_w = std::clamp(std::min(W * 0.34f, main_h * 0.95f - 120 * sc), 240 * sc, 560 * sc);
    const float net_w = std::max(100 * sc, W - data_w - out_w - 2 * gap);

    ImGui::BeginChild("data", ImVec2(data_w, main_h), false);
    data_column(app, ImGui::GetContentRegionAvail().x - 2 * sc);
    ImGui::EndChild();
    ImGui::SameLine(0, gap);
    ImGui::BeginChild("network", ImVec2(net_w, main_h), false, ImGuiWindowFlags_HorizontalScrollbar);
    network_view(app);
    ImGui::EndChild();
    ImGui::SameLine(0, gap);
    ImGui::BeginChild("output", ImVec2(out_w, main_h), false);
    output_column(app, ImGui::GetContentRegionAvail().x, main_h - 4 * sc);
    ImGui::EndChild();

    // The status line.
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, error ? IM_COL32(190, 30, 30, 255)
                                               : (status.empty() ? kMuted : IM_COL32(150, 95, 0, 255)));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + status_wrap);
    ImGui::TextUnformatted(status.empty() ? "Ready." : status.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    record_rect(app, "status");
    compat_button(app);  // for a TensorFlow Playground link: its compatibility mode
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - speed_w);
    caption(speed);
    record_rect(app, "speedReadout");
    if (ImGui::IsItemClicked()) app.show_speed = !app.show_speed;
    tip("Frames drawn and epochs trained per second (\"idle\": paused, and redrawn only when "
        "something changes). Click (or press F) to hide or show.");
    files_dialogs(app);
    ImGui::End();
}

}  // namespace nnplay::web
