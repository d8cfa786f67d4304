// data_panel.cpp: the Data column: the data set picker (previews drawn once into a texture),
// the class count, the splits, noise, batch size and point count, Regenerate, and drawing:
// the draw mode, the class a click on the output plot adds and the set it goes to, Clear
// points, and undo / redo.
#include "web/focus.h"  // the data sets' names for a screen reader
#include "web/ui/formula_field.h"  // formulas (task G2)
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "engine/dataset.h"
#include "engine/help.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nnplay::web {
namespace {

std::string new_seed(App& app) {
    // Any text seeds a run; a short number reads well in a link.
    unsigned long long x =
        (unsigned long long)(glfwGetTime() * 1e6) ^ (0x9e3779b97f4a7c15ull * ++app.view.seeds_made);
    x ^= x >> 31;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 29;
    char text[16];
    std::snprintf(text, sizeof text, "%05llu", x % 100000);
    return text;
}

// The picker: a preview per data set of the problem type, three a row, or more where three
// would be larger than a tile needs to be (a phone held sideways).
void dataset_picker(App& app, float width) {
    PlaygroundState& s = app.run.state;
    const float sc = app.view.scale;
    const bool regression = s.problem == Problem::regression;
    const bool show_sets = !hidden(app, "dataset");
    if (show_sets) caption("Which data set?");
    std::vector<Dataset> sets;
    if (regression) sets = {Dataset::reg_plane, Dataset::reg_gauss, Dataset::formula, Dataset::custom};
    else sets = {Dataset::circle, Dataset::xor_, Dataset::gauss, Dataset::spiral, Dataset::moons,
                 Dataset::checkerboard, Dataset::blobs, Dataset::rings, Dataset::formula, Dataset::custom};
    const float gap = 6 * sc;
    const int per_row = std::max(3, int((width + gap) / (100 * sc + gap)));
    const float cell = std::floor((width - float(per_row - 1) * gap) / float(per_row));
    app.pictures.preview_px = int(cell);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    Dataset& current = regression ? s.reg_dataset : s.dataset;
    // Previews in channel 0, frames and labels in channel 1: the images then share one draw
    // call instead of alternating with the font texture (19 draw calls to 3).
    dl->ChannelsSplit(2);
    for (size_t i = 0; show_sets && i < sets.size(); ++i) {
        if (i % size_t(per_row)) ImGui::SameLine(0, gap);
        const Dataset d = sets[i];
        ImGui::PushID(int(i));
        ImVec2 p = ImGui::GetCursorScreenPos();
        const bool clicked = ImGui::InvisibleButton("##ds", ImVec2(cell, cell));
        focus_label_item(std::string(dataset_label(d)) + (current == d ? ", selected" : ""));  // for a screen reader
        if (clicked) {
            if (d == Dataset::custom && current != Dataset::custom) {
                s.points = pin_splits(app.run.trainer->data());  // the points shown, each in its split
                s.classes = app.run.trainer->class_count() > 1 ? app.run.trainer->class_count() : s.classes;
                app.view.draw_mode = true;
            }
            current = d;
            if (!regression && !takes_classes(d)) s.classes = 2;
        }
        const bool hovered = ImGui::IsItemHovered();
        ImVec2 q(p.x + cell, p.y + cell);
        const std::vector<Point>& preview =
            d == Dataset::custom ? s.points : app.pictures.dataset_previews[size_t(d)];
        if (app.pictures.renderer_ok) {
            ImVec2 uv0, uv1;
            preview_uv(app, d, uv0, uv1);
            dl->ChannelsSetCurrent(0);
            dl->AddImage(app.pictures.renderer.previews.texture(), p, q, uv0, uv1);
            dl->ChannelsSetCurrent(1);
        }
        if (d == Dataset::custom && preview.empty()) {
            ImVec2 t = ImGui::CalcTextSize("draw");
            dl->AddText(ImVec2(p.x + (cell - t.x) / 2, p.y + (cell - t.y) / 2), kMuted, "draw");
        }
        const bool selected = current == d;
        dl->AddRect(p, q, selected ? ImU32(kInk) : (hovered ? kMuted : palette().separator.u32()),
                    0, 0, selected ? 2.5f * sc : 1.0f * sc);
        if (hovered) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(dataset_label(d));
            if (d == Dataset::custom) text(help_text("ui.customDataset"));
            if (d == Dataset::formula) text(help_text("ui.dataFormula"));
            ImGui::EndTooltip();
        }
        ImGui::PopID();
    }
    dl->ChannelsMerge();
    ImGui::Dummy(ImVec2(0, 2 * sc));
    // Formulas (task G2): the formula data set's f(x1, x2), applied on Enter.
    if (show_sets && current == Dataset::formula) {
        caption("f(x1, x2) =");
        formula_field(app, "dataFormula", s.data_formula, FormulaVars::x1x2, width, "ui.dataFormula");
    }
}

// The class count, the splits, noise, batch size, the point count and Regenerate.
void data_sliders(App& app, float w) {
    PlaygroundState& s = app.run.state;
    const bool regression = s.problem == Problem::regression;
    const Dataset current = s.active_dataset();
    if (!regression && takes_classes(current)) {
        int before = s.classes;
        setting_slider(app, "classes", s.classes, w, "Classes: %d", "##classes");
        if (s.classes < before && current == Dataset::custom)
            s.points.erase(std::remove_if(s.points.begin(), s.points.end(),
                                          [&](const Point& p) { return p.label >= float(s.classes); }),
                           s.points.end());
    }
    const int train_before = s.perc_train_data, val_before = s.perc_val_data;
    if (!hidden(app, "percTrainData", "trainShare")) {
        setting_slider(app, "percTrainData", s.perc_train_data, w, "Training data: %d%%", "##train");
        record_rect(app, "trainShare");
    }
    setting_slider(app, "percValData", s.perc_val_data, w, "Validation: %d%%", "##val");
    // A new ratio splits your own points anew (drawing and removing never do).
    if (current == Dataset::custom && (s.perc_train_data != train_before || s.perc_val_data != val_before))
        s.points = unpin_splits(std::move(s.points));
    if (current != Dataset::custom && !hidden(app, "noise")) {
        setting_slider(app, "noise", s.noise, w, "Noise: %d", "##noise");
        record_rect(app, "noise");
    }
    const int n_train = std::max(1, int(app.run.trainer->data().train.size()));
    if (!hidden(app, "batchSize"))
        setting_slider(app, "batchSize", s.batch_size, w, "Batch size: %d", "##batch", std::max(2, n_train));
    if (current != Dataset::custom) {
        int n = s.sample_count();
        if (setting_slider(app, "numSamples", n, w, "Points: %d", "##points")) s.num_samples = n;
    }
    if (ImGui::Button("Regenerate", ImVec2(w, 0))) {
        s.seed = new_seed(app);
        if (current == Dataset::custom) s.points = unpin_splits(std::move(s.points));  // a new split
    }
    record_rect(app, "regenerate");
    tip(app, "ui.regenerate");
}

// Drawing: the draw mode toggle and its hint, the class a click adds, the set it goes to,
// Clear points (your own points only), and undo / redo.
void draw_controls(App& app, float w) {
    PlaygroundState& s = app.run.state;
    View& v = app.view;
    const float sc = v.scale;
    const bool regression = s.problem == Problem::regression;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool on = v.draw_mode;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(on ? "Drawing points" : "Draw points")) v.draw_mode = !v.draw_mode;
    if (on) ImGui::PopStyleColor();
    record_rect(app, "drawMode");
    tip(app, "ui.drawMode");
    ImGui::SameLine(0, 6 * sc);
    undo_buttons(app);
    if (!v.draw_mode) return;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    caption(help_text(regression ? "ui.drawHintRegression" : "ui.drawHint"));
    ImGui::PopTextWrapPos();
    const int classes = regression ? 2 : s.class_count();
    v.current_class = std::clamp(v.current_class, 0, classes - 1);
    const float box = ImGui::GetFrameHeight();
    for (int k = 0; k < classes; ++k) {
        if (k) ImGui::SameLine(0, 4 * sc);
        ImGui::PushID(k);
        ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("##class", ImVec2(box, box))) v.current_class = k;
        const ImU32 colour = regression ? (k == 0 ? kOrange : kBlue) : kClassColours[k];
        dl->AddRectFilled(p, ImVec2(p.x + box, p.y + box), colour, 3 * sc);
        if (k == v.current_class)
            dl->AddRect(ImVec2(p.x - 2 * sc, p.y - 2 * sc), ImVec2(p.x + box + 2 * sc, p.y + box + 2 * sc),
                        kInk, 3 * sc, 0, 2 * sc);
        char number[12];
        std::snprintf(number, sizeof number, "%d", k + 1);
        const Rgb fill = regression ? class_color(k == 0 ? 0 : 1) : class_color(k);
        dl->AddText(ImVec2(p.x + box * 0.33f, p.y + box * 0.12f), text_on(fill).u32(), number);
        tip(app, "ui.drawClass");
        ImGui::PopID();
    }
    caption("Add to:");
    ImGui::SameLine();
    if (ImGui::RadioButton("training", !v.draw_to_test)) v.draw_to_test = false;
    record_rect(app, "drawToTraining");
    tip(app, "ui.drawTo");
    ImGui::SameLine();
    if (ImGui::RadioButton("test", v.draw_to_test)) v.draw_to_test = true;
    record_rect(app, "drawToTest");
    tip(app, "ui.drawTo");
    if (s.active_dataset() == Dataset::custom) {
        if (ImGui::Button("Clear points")) s.points.clear();
        record_rect(app, "clearPoints");
        tip(app, "ui.clearPoints");
    }
}

}  // namespace

void data_panel(App& app, float width) {
    heading("DATA");
    dataset_picker(app, width);
    data_sliders(app, width);
    ImGui::Dummy(ImVec2(0, 4 * app.view.scale));
    draw_controls(app, width);
}

}  // namespace nnplay::web
