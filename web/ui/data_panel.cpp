// data_panel.cpp: the Data column: the data set picker (previews drawn once into a texture),
// the class count, the splits, noise, batch size and point count, Regenerate, and the class
// a click on the output plot adds.
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

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

// The picker: a preview per data set of the problem type, three a row.
void dataset_picker(App& app, float width) {
    PlaygroundState& s = app.run.state;
    const float sc = app.view.scale;
    const bool regression = s.problem == Problem::regression;
    const bool show_sets = !hidden(app, "dataset");
    if (show_sets) caption("Which data set?");
    std::vector<Dataset> sets;
    if (regression) sets = {Dataset::reg_plane, Dataset::reg_gauss, Dataset::custom};
    else sets = {Dataset::circle, Dataset::xor_, Dataset::gauss, Dataset::spiral, Dataset::moons,
                 Dataset::checkerboard, Dataset::blobs, Dataset::rings, Dataset::custom};
    const float gap = 6 * sc;
    const float cell = std::floor((width - 2 * gap) / 3);
    app.pictures.preview_px = int(cell);
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
                s.points = points_shown(app);  // start from the points on screen
                s.classes = app.run.trainer->class_count() > 1 ? app.run.trainer->class_count() : s.classes;
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
            dl->AddImage(app.pictures.renderer.images(), p, q, uv0, uv1);
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
            ImGui::EndTooltip();
        }
        ImGui::PopID();
    }
    dl->ChannelsMerge();
    ImGui::Dummy(ImVec2(0, 2 * sc));
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
    if (!hidden(app, "percTrainData", "trainShare")) {
        setting_slider(app, "percTrainData", s.perc_train_data, w, "Training data: %d%%", "##train");
        record_rect(app, "trainShare");
    }
    setting_slider(app, "percValData", s.perc_val_data, w, "Validation: %d%%", "##val");
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
    if (ImGui::Button("Regenerate", ImVec2(w, 0))) s.seed = new_seed(app);
    record_rect(app, "regenerate");
    tip(app, "ui.regenerate");
}

// The class a click on the output plot adds (Clear for your own points).
void class_picker(App& app) {
    PlaygroundState& s = app.run.state;
    const float sc = app.view.scale;
    const bool regression = s.problem == Problem::regression;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    caption(regression ? "Draw: click +1, Shift-click −1" : "Draw: click adds class");
    const int classes = regression ? 2 : s.class_count();
    app.view.current_class = std::clamp(app.view.current_class, 0, classes - 1);
    const float box = ImGui::GetFrameHeight();
    for (int k = 0; k < classes; ++k) {
        if (k) ImGui::SameLine(0, 4 * sc);
        ImGui::PushID(k);
        ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("##class", ImVec2(box, box))) app.view.current_class = k;
        const ImU32 colour = regression ? (k == 0 ? kOrange : kBlue) : kClassColours[k];
        dl->AddRectFilled(p, ImVec2(p.x + box, p.y + box), colour, 3 * sc);
        if (k == app.view.current_class)
            dl->AddRect(ImVec2(p.x - 2 * sc, p.y - 2 * sc), ImVec2(p.x + box + 2 * sc, p.y + box + 2 * sc),
                        kInk, 3 * sc, 0, 2 * sc);
        char number[12];
        std::snprintf(number, sizeof number, "%d", k + 1);
        const Rgb fill = regression ? class_color(k == 0 ? 0 : 1) : class_color(k);
        dl->AddText(ImVec2(p.x + box * 0.33f, p.y + box * 0.12f), text_on(fill).u32(), number);
        tip(app, "ui.drawClass");
        ImGui::PopID();
    }
    if (s.active_dataset() == Dataset::custom) {
        ImGui::SameLine(0, 8 * sc);
        if (ImGui::Button("Clear")) s.points.clear();
        tip(app, "ui.clearPoints");
    }
}

}  // namespace

void data_panel(App& app, float width) {
    heading("DATA");
    dataset_picker(app, width);
    data_sliders(app, width);
    ImGui::Dummy(ImVec2(0, 4 * app.view.scale));
    class_picker(app);
}

}  // namespace nnplay::web
