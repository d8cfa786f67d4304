// top_bar.cpp: the top bar, TensorFlow Playground's: reset, run and step with the epoch
// counter, the speed, the training settings, the problem type and the optimiser, then the
// Advanced... popup, the File menu and Copy link (files_panel.cpp). Groups wrap to new rows
// on a narrow screen.
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "engine/settings.h"

#include <algorithm>
#include <cstdio>

namespace nnplay::web {
namespace {

const char* const kSpeedLabels[] = {"1 / frame", "3 / frame", "10 / frame", "30 / frame",
                                    "Fastest"};
const double kLearningRates[] = {0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};
const double kRegularizationRates[] = {0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};

// Reset, run and step, the epoch counter and the speed.
void run_controls(App& app, Flow& flow) {
    const float sc = app.view.scale;
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
        if (icon_button("##reset", Icon::reset, radius * 0.8f, false)) app.run.reset_requested = true;
        record_rect(app, "reset");
        tip(app, "ui.reset");
    }
    if (!hidden(app, "playButton", "play")) {
        place_icon(-radius * 0.2f);
        if (icon_button("##play", app.run.playing ? Icon::pause : Icon::play, radius, true))
            app.run.playing = !app.run.playing;
        record_rect(app, "play");
        tip(app, "ui.play");
    }
    if (!hidden(app, "stepButton", "step")) {
        place_icon(0);
        if (icon_button("##step", Icon::step, radius * 0.8f, false)) {
            app.run.playing = false;
            ++app.run.steps_requested;
        }
        record_rect(app, "step");
        tip(app, "ui.step");
    }
    ImGui::EndGroup();
    ImGui::SameLine(0, 12 * sc);
    ImGui::BeginGroup();
    caption("Epoch");
    ImGui::PushFont(big_font());
    const int epoch = app.run.trainer->epoch();
    char text[48];
    std::snprintf(text, sizeof text, "%03d,%03d", epoch / 1000, epoch % 1000);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
    record_rect(app, "epoch");
    ImGui::EndGroup();

    flow.next(105 * sc);
    ImGui::BeginGroup();
    caption("Speed");
    choice("##speed", app.run.speed, kSpeedLabels, kSpeedCount, 105 * sc);
    record_rect(app, "speed");
    tip(app, "ui.speed");
    ImGui::EndGroup();
}

// Learning rate, activation and regularisation.
void training_settings(App& app, Flow& flow) {
    PlaygroundState& s = app.run.state;
    const float sc = app.view.scale;
    if (!hidden(app, "learningRate")) {
        flow.next(170 * sc);
        ImGui::BeginGroup();
        caption("Learning rate");
        rate_choice("##lr", s.learning_rate, kLearningRates, 75 * sc);
        record_rect(app, "learningRate");
        tip(app, "learningRate");
        ImGui::SameLine(0, 4 * sc);
        ImGui::SetNextItemWidth(90 * sc);
        const UiRange& range = find_setting("learningRate")->ui;  // a logarithmic slider
        ImGui::SliderFloat("##lrslider", &s.learning_rate, float(range.min), float(range.max), "%.5g",
                           ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
        tip(app, "ui.learningRateSlider");
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

// Problem type and optimiser.
void problem_and_optimizer(App& app, Flow& flow) {
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

    flow.next(110 * sc);
    ImGui::BeginGroup();
    caption("Optimiser");
    enum_choice("##optimizer", s.optimizer, kOptimizerLabels, 110 * sc);
    tip(app, "optimizer");
    ImGui::EndGroup();
}

}  // namespace

void top_bar(App& app, float width) {
    const float sc = app.view.scale;
    Flow flow{width};
    run_controls(app, flow);
    training_settings(app, flow);
    problem_and_optimizer(app, flow);

    // Advanced..., then File, Copy link and its options (files_panel.cpp), in their exact width.
    const float pad = 2 * ImGui::GetStyle().FramePadding.x;
    flow.next(ImGui::CalcTextSize("Advanced...FileCopy link").x + 3 * pad +
              ImGui::GetFrameHeight() + 9 * sc);
    ImGui::BeginGroup();
    caption(" ");
    if (ImGui::Button("Advanced...")) ImGui::OpenPopup("advanced");
    record_rect(app, "advanced");
    tip(app, "ui.advanced");
    advanced_popup(app);
    ImGui::SameLine(0, 4 * sc);
    files_menu(app);
    ImGui::SameLine(0, 4 * sc);
    share_buttons(app);
    ImGui::EndGroup();
}

}  // namespace nnplay::web
