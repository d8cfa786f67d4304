// top_bar.cpp: the top bar, TensorFlow Playground's: reset, run and step with the epoch
// counter, the speed, the training settings, the problem type and the optimiser, then the
// Advanced panel's button, the File menu and Copy link (files_panel.cpp). Groups wrap to new
// rows on a narrow screen; on phones the settings move to their own tab (page.cpp).
#include "web/focus.h"  // what a screen reader calls the icon buttons
#include "web/run_history.h"  // the Runs button shows a sweep's progress
#include "web/ui/formula_field.h"  // formulas (task G2)
#include "web/ui/layout.h"
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "engine/settings.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace nnplay::web {
namespace {

const char* const kSpeedLabels[] = {"1 / frame", "3 / frame", "10 / frame", "30 / frame",
                                    "Fastest"};
const double kLearningRates[] = {0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};
const double kRegularizationRates[] = {0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};

// The epoch with thousands separators ("1,234,567"; at least "000,000", TensorFlow
// Playground's look).
std::string epoch_text(long long epoch) {
    std::string digits = std::to_string(std::max(0LL, epoch));
    if (digits.size() < 6) digits.insert(0, 6 - digits.size(), '0');
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// Text whose digits sit in cells of one width (tabular figures), in a box as wide as
// "000,000,000": the counter never changes the layout as it grows.
void tabular_number(const std::string& number) {
    const float digit_w = ImGui::CalcTextSize("0").x;
    float cell = digit_w;
    for (char d = '1'; d <= '9'; ++d) cell = std::max(cell, ImGui::CalcTextSize(&d, &d + 1).x);
    const float comma_w = ImGui::CalcTextSize(",").x;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    float x = p.x;
    for (char c : number) {
        const float w = c == ',' ? comma_w : cell;
        const float own = ImGui::CalcTextSize(&c, &c + 1).x;
        dl->AddText(ImVec2(x + (w - own) * 0.5f, p.y), ink, &c, &c + 1);
        x += w;
    }
    ImGui::Dummy(ImVec2(9 * cell + 2 * comma_w, ImGui::GetTextLineHeight()));
}

// Reset, run and step, the epoch counter and the speed.
void run_controls(App& app, Flow& flow) {
    const float sc = app.view.scale;
    const float radius = 17 * sc;
    ImGui::PushFont(big_font());
    const float epoch_w = 9 * ImGui::CalcTextSize("0").x + 2 * ImGui::CalcTextSize(",").x + 2 * sc;
    ImGui::PopFont();
    // Run controls.
    flow.next(radius * 5.6f + 2 * ImGui::GetStyle().ItemSpacing.x + 12 * sc + epoch_w);
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
        if (icon_button("##reset", Icon::reset, radius * 0.8f, false)) app.run.reset_requested = true;
        focus_label_item("Reset");
        record_rect(app, "reset");
        tip(app, "ui.reset");
    }
    if (!hidden(app, "playButton", "play")) {
        place_icon(-radius * 0.2f);
        if (icon_button("##play", app.run.playing ? Icon::pause : Icon::play, radius, true))
            app.run.playing = !app.run.playing;
        focus_label_item(app.run.playing ? "Pause" : "Run");
        record_rect(app, "play");
        tip(app, "ui.play");
    }
    if (!hidden(app, "stepButton", "step")) {
        place_icon(0);
        if (icon_button("##step", Icon::step, radius * 0.8f, false)) {
            app.run.playing = false;
            ++app.run.steps_requested;
        }
        focus_label_item("Step");
        record_rect(app, "step");
        tip(app, "ui.step");
    }
    ImGui::EndGroup();
    ImGui::SameLine(0, 12 * sc);
    ImGui::BeginGroup();
    caption("Epoch");
    ImGui::PushFont(big_font());
    tabular_number(epoch_text(app.run.trainer->epoch()));
    ImGui::PopFont();
    record_rect(app, "epoch");
    ImGui::EndGroup();

    // Phones: the speed starts the row of File and Copy link, without its caption: beside the
    // epoch where that row fits (a phone held sideways), else under it.
    if (current_layout(app) == Layout::phone) {
        const float pad = 2 * ImGui::GetStyle().FramePadding.x;
        const float row_w = 105 * sc + ImGui::CalcTextSize("FileCopy link").x + 2 * pad +
                            ImGui::GetFrameHeight() + 9 * sc;  // 4 + 4 + 1 pixels between, as top_bar puts them
        flow.next(row_w);
        if (ImGui::GetCursorPosX() > ImGui::GetStyle().WindowPadding.x)  // beside: level with the icons
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + radius - ImGui::GetFrameHeight() / 2);
    } else {
        flow.next(105 * sc);
        ImGui::BeginGroup();
        caption("Speed");
    }
    choice("##speed", app.run.speed, kSpeedLabels, kSpeedCount, 105 * sc);
    focus_label_item("Speed");
    record_rect(app, "speed");
    tip(app, "ui.speed");
    if (current_layout(app) != Layout::phone) ImGui::EndGroup();
}

// Learning rate, activation and regularisation.
void training_settings(App& app, Flow& flow) {
    PlaygroundState& s = app.run.state;
    const float sc = app.view.scale;
    if (!hidden(app, "learningRate")) {
        flow.next((s.schedule != Schedule::constant ? 270 : 205) * sc);
        ImGui::BeginGroup();
        caption("Learning rate");
        rate_choice("##lr", s.learning_rate, kLearningRates, 75 * sc);
        record_rect(app, "learningRate");
        tip(app, "learningRate");
        ImGui::SameLine(0, 4 * sc);
        const UiRange& range = find_setting("learningRate")->ui;  // a logarithmic slider
        value_slider("##lrslider", s.learning_rate, float(range.min), float(range.max), "%.5g", 120 * sc, nullptr,
                     ImGuiSliderFlags_Logarithmic);
        tip(app, "ui.learningRateSlider");
        record_rect(app, "learningRateSlider");
        // Under a schedule, the rate the last epoch ran with (the set one before the first).
        if (s.schedule != Schedule::constant) {
            const double now = app.run.trainer->epoch() > 0 ? app.run.trainer->metrics().learning_rate
                                                            : double(s.learning_rate);
            char text[48];
            std::snprintf(text, sizeof text, "now %.3g", now);
            ImGui::SameLine(0, 4 * sc);
            caption(text);
            record_rect(app, "learningRateNow");
            tip(app, "ui.learningRateNow");
        }
        ImGui::EndGroup();
    }

    if (!hidden(app, "activation")) {
        flow.next(105 * sc);
        ImGui::BeginGroup();
        caption("Activation");
        const Activation before = s.activation;
        enum_choice("##activation", s.activation, kActivationLabels, 105 * sc);
        if (s.activation != before) s.layer_activations.clear();  // one choice for every layer
        record_rect(app, "activation");
        tip(app, "activation");
        ImGui::EndGroup();
        // Formulas (task G2): the typed activation, beside a plot of it and its slope.
        if (s.activation == Activation::formula) {
            if (s.activation_formula.empty()) s.activation_formula = "x*sigmoid(x)";
            const float plot = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetFrameHeight();
            flow.next(175 * sc + plot);
            ImGui::BeginGroup();
            caption("f(x) =");
            formula_field(app, "activationFormula", s.activation_formula, FormulaVars::x, 170 * sc,
                          "ui.activationFormula");
            ImGui::EndGroup();
            ImGui::SameLine(0, 4 * sc);
            formula_plot(app, s.activation_formula, plot);
        }
    }

    const bool reg_shown = !hidden(app, "regularization");
    const bool rate_shown = !hidden(app, "regularizationRate");
    if (reg_shown || rate_shown) {
        flow.next(175 * sc);
        ImGui::BeginGroup();
        caption("Regularisation");
        if (reg_shown) {
            enum_choice("##reg", s.regularization, kRegularizationLabels, 70 * sc);
            tip(app, "regularization");
            if (rate_shown) ImGui::SameLine(0, 4 * sc);
        }
        if (rate_shown) {
            rate_choice("##regrate", s.regularization_rate, kRegularizationRates, 85 * sc);
            tip(app, "regularizationRate");
        }
        ImGui::EndGroup();
    }
}

// Problem type.
void problem_choice(App& app, Flow& flow) {
    PlaygroundState& s = app.run.state;
    const float sc = app.view.scale;
    if (!hidden(app, "problem")) {
        flow.next(120 * sc);
        ImGui::BeginGroup();
        caption("Problem type");
        const char* const problems[] = {"Classification", "Multi-class", "Regression"};
        int problem = s.problem == Problem::regression ? 2 : (s.class_count() > 2 ? 1 : 0);
        if (choice("##problem", problem, problems, int(std::size(problems)), 120 * sc)) {
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
        tip(app, "problem");
        ImGui::EndGroup();
    }
}

// The optimiser (its own rates are in the Advanced panel).
void optimizer_choice(App& app, Flow& flow) {
    const float sc = app.view.scale;
    flow.next(110 * sc);
    ImGui::BeginGroup();
    caption("Optimiser");
    enum_choice("##optimizer", app.run.state.optimizer, kOptimizerLabels, 110 * sc);
    record_rect(app, "optimizer");
    tip(app, "optimizer");
    ImGui::EndGroup();
}

}  // namespace

void training_controls(App& app, float width) {
    Flow flow{width};
    training_settings(app, flow);
    problem_choice(app, flow);
}

void top_bar(App& app, float width) {
    const float sc = app.view.scale;
    const bool phone = current_layout(app) == Layout::phone;
    Flow flow{width};
    run_controls(app, flow);
    if (!phone) {  // phones: in the Settings tab
        training_settings(app, flow);
        problem_choice(app, flow);
        optimizer_choice(app, flow);
    }

    // Phones: File and Copy link after the speed (there is no Advanced button: the Settings
    // tab is the panel); elsewhere the title line has them.
    if (phone) {
        ImGui::SameLine(0, 4 * sc);
        files_menu(app);
        ImGui::SameLine(0, 4 * sc);
        share_buttons(app);
    }
}

float menu_buttons_width(const App& app) {
    const float pad = 2 * ImGui::GetStyle().FramePadding.x;
    return ImGui::CalcTextSize("InsideLearnRunsAdvanced >>FileCopy link").x + 6 * pad + ImGui::GetFrameHeight() +
           18 * app.view.scale;
}

namespace {

// A title-line button that opens one side panel, or closes it when it is open.
void side_panel_button(App& app, SidePanel panel, const char* label, const char* name) {
    const bool open = app.view.side_panel == panel;
    if (open) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetColorU32(ImGuiCol_ButtonActive));
    if (ImGui::Button(label)) open_side_panel(app, open ? SidePanel::none : panel);
    if (open) ImGui::PopStyleColor();
    record_rect(app, name);
    tip(app, std::string("ui.") + name);
}

}  // namespace

void menu_buttons(App& app) {
    const float sc = app.view.scale;
    side_panel_button(app, SidePanel::inside, "Inside", "inside");
    ImGui::SameLine(0, 4 * sc);
    side_panel_button(app, SidePanel::learn, "Learn", "learn");
    ImGui::SameLine(0, 4 * sc);
    side_panel_button(app, SidePanel::runs, "Runs", "runs");
    runs_button_progress(app);  // a seed sweep's progress
    ImGui::SameLine(0, 4 * sc);
    // A side panel, opened and closed here, closed by Escape too.
    const bool open = app.view.advanced_open;
    if (ImGui::Button(open ? "Advanced <<###advanced" : "Advanced >>###advanced")) {
        app.view.advanced_open = !open;
        app.view.side_panel = SidePanel::none;
    }
    record_rect(app, "advanced");
    tip(app, "ui.advanced");
    ImGui::SameLine(0, 4 * sc);
    files_menu(app);
    ImGui::SameLine(0, 4 * sc);
    share_buttons(app);
}

}  // namespace nnplay::web
