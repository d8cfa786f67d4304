// runs_panel.cpp: the Runs side panel (on phones, the More tab): the rewind timeline of the
// current run, the history of runs and their comparison, and seed sweeps (web/run_history.h
// holds them; this file only draws them and asks for things).
#include "web/run_history.h"
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "engine/help.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace nnplay::web {
namespace {

// The runs' dash styles in the comparison (dash, gap in pixels at scale 1; their colours are
// kRunRgb's), so runs differ by more than colour.
constexpr float kDashes[][2] = {{1, 0}, {7, 4}, {2, 3}, {10, 3}, {4, 4}, {16, 6}};
constexpr int kRunStyles = int(kRunRgb.size());
static_assert(kRunStyles >= kMaxCompared, "every run compared has a style of its own");

// One polyline of the chart in data coordinates.
struct Series {
    std::vector<ImVec2> points;  // (epoch, loss)
    ImU32 colour;
    float dash, gap;
};

// Reserves a chart of `height` pixels (and a line for its epochs), fits the range to the
// points and draws its frame and axes (the loss chart's: figures at the left, epochs below).
ChartAxes chart_frame(const std::vector<Series>& series, float width, float height, float scale) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max = {min.x + width, min.y + height + ImGui::GetTextLineHeight()};
    ImGui::Dummy({width, max.y - min.y});
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
    bool any = false;
    for (const Series& s : series)
        for (const ImVec2& p : s.points) {
            if (!std::isfinite(p.y)) continue;
            if (!any) x0 = x1 = p.x, y0 = y1 = p.y;
            x0 = std::min(x0, double(p.x)), x1 = std::max(x1, double(p.x));
            y0 = std::min(y0, double(p.y)), y1 = std::max(y1, double(p.y));
            any = true;
        }
    y0 = std::min(y0, 0.0);
    if (!(y1 > y0)) y1 = y0 + 1;
    if (!(x1 > x0)) x1 = x0 + 1;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, palette().chart_bg.u32());
    dl->AddRect(min, max, palette().chart_frame.u32());
    return draw_chart_axes(dl, min, max, y0, y1, x0, x1, false, scale);
}

void draw_series(const ChartAxes& f, const Series& s, float scale) {
    if (!f.drawn) return;
    std::vector<ImVec2> screen;
    for (const ImVec2& p : s.points)
        if (std::isfinite(p.y)) screen.push_back(f.at(p.x, p.y));
    if (screen.size() >= 2)
        dashed_polyline(ImGui::GetWindowDrawList(), screen.data(), int(screen.size()), s.colour, 2 * scale,
                        s.dash * scale, s.gap * scale);
}

// Hovered, the comparison's chart says each run's loss at the epoch under the mouse, with a
// line there, as the loss chart does: a point of its curve, or between two the line drawn
// (≈), or where its run ended before that epoch.
void chart_readout(const ChartAxes& f, const std::vector<Series>& series, const std::vector<const RunRecord*>& runs) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (!f.drawn || mouse.x < f.p0.x || mouse.x > f.p1.x) return;
    const int at = int(std::lround(f.e0 + (mouse.x - f.p0.x) / (f.p1.x - f.p0.x) * (f.e1 - f.e0)));
    const float x = std::round(f.x(at));
    ImGui::GetWindowDrawList()->AddLine({x, f.p0.y}, {x, f.p1.y}, palette().ink.u32(80));
    ImGui::BeginTooltip();
    ImGui::Text("epoch %d", at);
    for (std::size_t i = 0; i < series.size() && i < runs.size(); ++i) {
        const std::string label = runs[i]->label();
        const char* name = label.c_str();
        const ImVec2 *before = nullptr, *after = nullptr;  // the points either side of `at`
        for (const ImVec2& p : series[i].points) {
            if (!std::isfinite(p.y)) continue;
            if (p.x <= float(at)) before = &p;
            else if (!after) after = &p;
        }
        if (before && before->x == float(at)) ImGui::Text("%s: %.4f", name, double(before->y));
        else if (before && after)
            ImGui::Text("%s: ≈ %.4f", name,
                        double(before->y + (after->y - before->y) * (float(at) - before->x) / (after->x - before->x)));
        else if (before) ImGui::Text("%s: ended at epoch %d", name, int(before->x));
    }
    ImGui::EndTooltip();
}

// A run's thumbnail as a key: its id, and a hash of its values (FNV-1a) in case a history read
// again reuses an id.
std::uint64_t thumb_key(const RunRecord& run) {
    std::uint64_t h = 1469598103934665603ull;
    for (float v : run.thumb) {
        std::uint32_t bits = 0;
        std::memcpy(&bits, &v, sizeof bits);
        h = (h ^ bits) * 1099511628211ull;
    }
    h = (h ^ std::uint64_t(run.thumb_classes)) * 1099511628211ull;
    return (h << 16) ^ std::uint64_t(std::uint32_t(run.id));
}

// The run_thumbs cell holding `run`'s thumbnail: coloured and uploaded when the run is first
// drawn (or the theme changed); a cell is reused once its run has left the history.
int thumb_cell(App& app, RunsState& r, const RunRecord& run) {
    ImageStrip& strip = app.pictures.renderer.run_thumbs;
    if (strip.reserve(kMaxRuns, kThumbRes, true) || r.thumb_theme != theme_version() ||
        r.thumb_keys.size() != std::size_t(kMaxRuns)) {
        r.thumb_keys.assign(std::size_t(kMaxRuns), 0);
        r.thumb_theme = theme_version();
    }
    const std::uint64_t key = thumb_key(run);
    auto at = std::find(r.thumb_keys.begin(), r.thumb_keys.end(), key);
    if (at != r.thumb_keys.end()) return int(at - r.thumb_keys.begin());
    at = std::find_if(r.thumb_keys.begin(), r.thumb_keys.end(), [&](std::uint64_t k) {
        return std::none_of(r.history.begin(), r.history.end(), [&](const RunRecord& h) { return thumb_key(h) == k; });
    });
    if (at == r.thumb_keys.end()) at = r.thumb_keys.begin();  // (at most kMaxRuns runs: not reached)
    *at = key;
    std::vector<ImU32> rgba(run.thumb.size());
    for (std::size_t k = 0; k < run.thumb.size(); ++k) {
        const float v = run.thumb[k];
        rgba[k] = run.thumb_classes ? class_color(std::clamp(int(v), 0, kMaxClasses - 1)).u32()
                                    : diverging_color(v).u32();
    }
    const int cell = int(at - r.thumb_keys.begin());
    strip.set(cell, rgba.data());
    return cell;
}

// A run's boundary thumbnail, side × side pixels, at the cursor: one image from the strip.
void draw_thumb(App& app, RunsState& r, const RunRecord& run, float side) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy({side, side});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (run.thumb.size() != std::size_t(kThumbRes * kThumbRes) || !app.pictures.renderer_ok) {
        dl->AddRect(min, {min.x + side, min.y + side}, kMuted);
        return;
    }
    if (!ImGui::IsItemVisible()) return;  // scrolled away: nothing to colour or draw
    const int cell = thumb_cell(app, r, run);
    ImVec2 uv0, uv1;
    app.pictures.renderer.run_thumbs.uv(cell, uv0, uv1);
    dl->AddImage(app.pictures.renderer.run_thumbs.texture(), min, {min.x + side, min.y + side}, uv0, uv1);
}

std::string figure(double v, const char* format) {
    if (!std::isfinite(v)) return "-";
    char buf[48];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

// The timeline: a slider over the kept snapshots; the page shows the chosen one.
void timeline(App& app, RunsState& r, float width) {
    const auto& kept = r.snapshots.kept();
    if (kept.size() < 2) {
        caption("Train a few epochs: the timeline keeps epochs 0, 1, 2, 4, 8, ... to go back to.");
        return;
    }
    int index = r.view_epoch < 0 ? int(kept.size()) - 1 : std::min(r.slider, int(kept.size()) - 1);
    char label[64];
    std::snprintf(label, sizeof label, "epoch %d", kept[std::size_t(index)].epoch());
    ImGui::SetNextItemWidth(width);
    if (ImGui::SliderInt("##timeline", &index, 0, int(kept.size()) - 1, label)) runs_view(app, index);
    record_rect(app, "runsTimeline");
    tip(app, "runs.timeline");
    if (r.view_epoch >= 0) {
        const Metrics& m = kept[std::size_t(index)].metrics;
        coloured(kInk, "Epoch " + std::to_string(r.view_epoch) + ": train loss " + figure(m.train_loss, "%.4f") +
                           ", test loss " + figure(m.test_loss, "%.4f"));
        if (ImGui::Button("Continue from here")) runs_continue(app, true);
        record_rect(app, "runsContinue");
        tip(app, "runs.continue");
        ImGui::SameLine();
        if (ImGui::Button("Back to the latest")) runs_back_to_live(app);
        record_rect(app, "runsLatest");
    }
}

void comparison(App& app, RunsState& r, float width) {
    const std::vector<const RunRecord*> sel = selected_runs(r);
    if (sel.size() < 2) {
        caption("Tick two or more runs to compare them.");
        return;
    }
    if (const int ticked = ticked_runs(r); ticked > int(sel.size()))
        caption("Comparing the " + std::to_string(sel.size()) + " newest of the " + std::to_string(ticked) +
                " runs ticked: untick some to compare others.");
    const float scale = app.view.scale;
    std::vector<Series> series;
    for (std::size_t i = 0; i < sel.size(); ++i) {
        Series s{{}, kRunRgb[std::size_t(i % kRunStyles)].u32(), kDashes[i % kRunStyles][0], kDashes[i % kRunStyles][1]};
        for (const CurvePoint& p : sel[i]->curve) s.points.push_back({float(p.epoch), r.compare_train ? p.train : p.test});
        series.push_back(std::move(s));
    }
    // Which loss the curves show: test (how well each generalises) or training.
    if (ImGui::RadioButton("Test loss", !r.compare_train)) r.compare_train = false;
    record_rect(app, "runsCurveTest");
    ImGui::SameLine();
    if (ImGui::RadioButton("Training loss", r.compare_train)) r.compare_train = true;
    record_rect(app, "runsCurveTrain");
    const ChartAxes f = chart_frame(series, width, 110 * scale, scale);
    const bool hovered = ImGui::IsItemHovered();
    record_rect_at(app, "runsChart", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    for (const Series& s : series) draw_series(f, s, scale);
    if (hovered) chart_readout(f, series, sel);
    // The legend, then the boundaries side by side, each under its run's colour.
    // Each group is as wide as its legend line or its picture; a group that would pass the
    // panel's edge starts a new row (six runs did not fit a phone's or a side panel's width).
    const float n = float(sel.size());
    const float side = std::min(72 * scale, std::max(48 * scale, (width - 8 * scale * n) / n));
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    float row_used = 0;
    for (std::size_t i = 0; i < sel.size(); ++i) {
        const float legend = 20 * scale + gap + ImGui::CalcTextSize(sel[i]->label().c_str()).x;
        const float group = std::max(side, legend);
        if (i && row_used + gap + group <= width) {
            ImGui::SameLine();
            row_used += gap + group;
        } else {
            row_used = group;
        }
        ImGui::BeginGroup();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float y = p.y + ImGui::GetTextLineHeight() / 2;
        ImVec2 line[2] = {{p.x, y}, {p.x + 18 * scale, y}};
        dashed_polyline(ImGui::GetWindowDrawList(), line, 2, series[i].colour, 2 * scale, series[i].dash * scale,
                        series[i].gap * scale);
        ImGui::Dummy({20 * scale, 1});
        ImGui::SameLine();
        text(sel[i]->label());
        draw_thumb(app, r, *sel[i], side);
        ImGui::EndGroup();
    }
    ImGui::SetNextItemWidth(90 * scale);
    ImGui::InputFloat("target test loss", &r.target, 0.01f, 0.1f, "%.3f");
    focus_label_stepper("Target test loss", figure(r.target, "%.3f"), "0.01");
    r.target = std::max(0.0f, r.target);
    tip(app, "runs.target");
    const std::vector<CompareRow> rows = compare_rows(r);
    // Each column as wide as its figures, and as many runs a table as fit the panel, the rest in
    // tables under it: six runs squeezed into one were cut ("not rea", "test accur"), and a table
    // scrolling sideways hid figures from the keyboard.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float pad = 2 * style.CellPadding.x + 1;
    float names_w = 0;
    for (const CompareRow& row : rows) names_w = std::max(names_w, ImGui::CalcTextSize(row.name.c_str()).x + pad);
    std::vector<float> run_w(sel.size());
    for (std::size_t i = 0; i < sel.size(); ++i) {
        run_w[i] = ImGui::CalcTextSize(sel[i]->label().c_str()).x + pad;
        for (const CompareRow& row : rows)
            if (i < row.cells.size()) run_w[i] = std::max(run_w[i], ImGui::CalcTextSize(row.cells[i].c_str()).x + pad);
    }
    ImGui::BeginGroup();
    for (std::size_t first = 0, end = 0; first < sel.size(); first = end) {
        float used = names_w + 2;
        for (end = first; end < sel.size() && (end == first || used + run_w[end] <= width); ++end) used += run_w[end];
        ImGui::PushID(int(first));
        if (ImGui::BeginTable("##compare", int(end - first) + 1,
                              ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
            ImGui::TableSetupColumn("");
            for (std::size_t i = first; i < end; ++i) ImGui::TableSetupColumn(sel[i]->label().c_str());
            table_headers_text();
            for (const CompareRow& row : rows) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                text(row.name);
                for (std::size_t i = first; i < end && i < row.cells.size(); ++i) {
                    ImGui::TableNextColumn();
                    text(row.cells[i]);
                }
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
    }
    ImGui::EndGroup();
    record_rect(app, "runsCompare");
}

void history(App& app, RunsState& r, float width) {
    if (ImGui::Button("Keep this run")) runs_keep(app);
    record_rect(app, "runsKeep");
    tip(app, "runs.keep");
    if (!r.history.empty()) {
        ImGui::SameLine();
        const std::size_t n = r.history.size();
        if (confirmed_button("Forget all", "Forget the " + std::to_string(n) + " run" + (n == 1 ? "" : "s") + " kept here?",
                             "Forget them")) {
            r.history.clear();
            runs_save(app);
        }
        record_rect(app, "runsForget");
    }
    if (!r.storage_note.empty()) coloured(kWarn, r.storage_note, width);
    const float side = ImGui::GetTextLineHeight() * 1.6f;
    for (int i = int(r.history.size()) - 1; i >= 0; --i) {
        RunRecord& run = r.history[std::size_t(i)];
        ImGui::PushID(run.id);
        ImGui::Checkbox("##pick", &run.selected);
        focus_label_item(run.label() + ", in the comparison");  // for a screen reader: the box has no text
        ImGui::SameLine();
        draw_thumb(app, r, run, side);
        ImGui::SameLine();
        const std::string line = run.label() + ": " + std::to_string(run.epochs) + " epochs, test loss " +
                                 figure(run.test_loss, "%.3f") +
                                 (run.regression ? "" : ", " + figure(100 * run.test_acc, "%.0f%%"));
        // Wrapped at the panel's edge (a phone's panel cut it at "test loss 0.698, 66").
        coloured(kInk, line, std::max(1.0f, visible_right() - ImGui::GetCursorScreenPos().x));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("seed %s\n%s", run.seed.c_str(), run.query.substr(0, 200).c_str());
        ImGui::PopID();
    }
    ImGui::Separator();
    comparison(app, r, width);
}

void sweep_section(App& app, RunsState& r, float width) {
    const float scale = app.view.scale;
    ImGui::SetNextItemWidth(100 * scale);
    ImGui::InputInt("seeds", &r.sweep_seeds);
    focus_label_stepper("Seeds", std::to_string(r.sweep_seeds), "1");
    // The epochs beside the seeds where the panel has room (not on a phone: a line of its own).
    const float epochs_w = 100 * scale + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize("epochs").x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + epochs_w <= visible_right()) ImGui::SameLine();
    ImGui::SetNextItemWidth(100 * scale);
    ImGui::InputInt("epochs", &r.sweep_epochs, 50, 500);
    focus_label_stepper("Epochs each", std::to_string(r.sweep_epochs), "50");
    char label[48];
    std::snprintf(label, sizeof label, "Run %d seeds", r.sweep_seeds);
    const bool running = r.sweep && !r.sweep->done();
    if (ImGui::Button(running ? "Stop" : label)) {
        if (running) runs_stop_sweep(app);
        else if (runs_start_sweep(app, r.sweep_seeds, r.sweep_epochs).empty())
            app_message(app, "Seed sweep started: it goes on while you look at other panels (the bar under Runs shows how far).");
    }
    record_rect(app, "runsSweep");
    tip(app, "runs.sweep");
    if (!r.sweep_error.empty()) coloured(kBad, r.sweep_error, width);
    if (!r.sweep) return;
    const Sweep& s = *r.sweep;
    if (!s.done()) {
        // It goes on whatever panel is shown (the Runs button shows how far it is).
        ImGui::ProgressBar(float(s.progress()), {width, 0});
        caption("Seed " + std::to_string(std::min(s.seeds(), int(s.results().size()) + 1)) + " of " +
                std::to_string(s.seeds()) + "; it goes on while you look at other panels.");
        return;
    }
    // The spread of the test loss: the band from the least to the greatest, the mean on it.
    const SweepBand band = s.band(true);
    Series mean{{}, kInk, 1, 0};
    for (std::size_t e = 0; e < band.mean.size(); ++e) mean.points.push_back({float(e), float(band.mean[e])});
    Series hi{{}, 0, 1, 0};
    for (std::size_t e = 0; e < band.hi.size(); ++e) hi.points.push_back({float(e), float(band.hi[e])});
    caption("Test loss over " + std::to_string(s.seeds()) + " seeds: mean and min-max band");
    const ChartAxes f = chart_frame({mean, hi}, width, 100 * scale, scale);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 fill = (palette().test_line.u32() & 0x00FFFFFFu) | 0x50000000u;
    for (std::size_t e = 1; f.drawn && e < band.mean.size(); ++e) {
        if (!std::isfinite(band.lo[e - 1]) || !std::isfinite(band.hi[e])) continue;
        const ImVec2 a = f.at(float(e - 1), float(band.hi[e - 1])), b = f.at(float(e), float(band.hi[e]));
        const ImVec2 c = f.at(float(e), float(band.lo[e])), d = f.at(float(e - 1), float(band.lo[e - 1]));
        dl->AddQuadFilled(a, b, c, d, fill);
    }
    draw_series(f, mean, scale);
    // The final test accuracy of each seed as dots on 0..100 % (test loss for regression).
    const bool acc = s.state().problem != Problem::regression;
    const std::vector<double> finals = s.final_figures(acc);
    const Spread sp = spread_of(finals);
    caption(acc ? "Final test accuracy of each seed" : "Final test loss of each seed");
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = 18 * scale;
    ImGui::Dummy({width, h});
    dl->AddLine({p.x, p.y + h / 2}, {p.x + width, p.y + h / 2}, kAxis);
    const double hi_v = acc ? 1 : std::max(1e-9, sp.hi);
    for (double v : finals)
        if (std::isfinite(v))
            dl->AddCircleFilled({p.x + float(v / hi_v) * width, p.y + h / 2}, 4 * scale, palette().test_line.u32());
    coloured(kInk, (acc ? "mean " + figure(100 * sp.mean, "%.1f%%") + ", min " + figure(100 * sp.lo, "%.1f%%") +
                              ", max " + figure(100 * sp.hi, "%.1f%%")
                        : "mean " + figure(sp.mean, "%.4f") + ", min " + figure(sp.lo, "%.4f") + ", max " +
                              figure(sp.hi, "%.4f")));
    if (ImGui::BeginTable("##seeds", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("seed");
        ImGui::TableSetupColumn("epochs");
        ImGui::TableSetupColumn("test loss");
        ImGui::TableSetupColumn(acc ? "test acc" : "test rmse");
        table_headers_text();
        for (const SweepResult& res : s.results()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(res.seed);
            ImGui::TableNextColumn();
            text(std::to_string(res.epoch) + (res.status == RunStatus::ok ? "" : " (" + std::string(name_of(res.status)) + ")"));
            ImGui::TableNextColumn();
            text(figure(res.final.test_loss, "%.4f"));
            ImGui::TableNextColumn();
            text(acc ? figure(100 * res.final.test_acc, "%.1f%%") : figure(res.final.test_rmse, "%.4f"));
        }
        ImGui::EndTable();
    }
    record_rect(app, "runsSweepResults");
}

}  // namespace

void runs_button_progress(App& app) {
    const RunsState* r = app.runs.get();
    if (!r || !r->sweep || r->sweep->done()) return;
    const Sweep& s = *r->sweep;
    // A bar keeps the button's width: a label with a number grew it and pushed the top bar.
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const float sc = app.view.scale, h = std::max(2.0f, std::round(3 * sc));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled({min.x, max.y - h}, max, IM_COL32(0, 0, 0, 40));
    dl->AddRectFilled({min.x, max.y - h}, {min.x + float(s.progress()) * (max.x - min.x), max.y}, kHeading);
    record_rect_at(app, "runsProgress", {min.x, max.y - h}, {min.x + float(s.progress()) * (max.x - min.x), max.y});
    if (!app.run.state.hide_text && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::Text("Seed sweep: %d%%, seed %d of %d.", int(100 * s.progress()),
                    std::min(s.seeds(), int(s.results().size()) + 1), s.seeds());
        text(help_text("runs.progress"));
        ImGui::EndTooltip();
    }
}

void runs_panel(App& app, float width) {
    RunsState& r = runs_of(app);
    heading("Runs");
    if (!app.run.state.hide_text) coloured(kMuted, std::string(help_text("ui.runsIntro")), width);
    if (ImGui::CollapsingHeader("Rewind", ImGuiTreeNodeFlags_DefaultOpen)) timeline(app, r, width);
    if (ImGui::CollapsingHeader("History and comparison", ImGuiTreeNodeFlags_DefaultOpen)) history(app, r, width);
    if (ImGui::CollapsingHeader("Seed sweep", ImGuiTreeNodeFlags_DefaultOpen)) sweep_section(app, r, width);
}

}  // namespace nnplay::web
