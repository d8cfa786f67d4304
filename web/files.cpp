// files.cpp: the page's files (see share.h): points CSV and model JSON in (all or nothing:
// a bad file changes nothing and says why), the points, the model, a PyTorch script and a
// PNG of the output plot out.
#include "web/app.h"
#include "web/platform.h"
#include "web/share.h"

#include "engine/dataset.h"
#include "engine/model_json.h"
#include "engine/pytorch_export.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nnplay::web {
namespace {

std::string file_label(std::string_view name) { return name.empty() ? "the file" : std::string(name); }

void describe_csv(FilesState& f) {
    const CsvImport& c = f.csv;
    const float inverse = c.scale != 0 ? 1 / c.scale : 1;
    float r[4] = {1e30f, -1e30f, 1e30f, -1e30f}, l[2] = {1e30f, -1e30f};
    f.csv_outside = 0;
    for (const Point& p : c.points) {
        const float x = p.x * inverse, y = p.y * inverse;
        r[0] = std::min(r[0], x), r[1] = std::max(r[1], x);
        r[2] = std::min(r[2], y), r[3] = std::max(r[3], y);
        l[0] = std::min(l[0], p.label), l[1] = std::max(l[1], p.label);
        if (std::fabs(x) > kDomain * (1 + 1e-6f) || std::fabs(y) > kDomain * (1 + 1e-6f)) ++f.csv_outside;
    }
    std::copy(r, r + 4, f.csv_range);
    std::copy(l, l + 2, f.csv_label_range);
}

}  // namespace

// The imported points become the custom data set. sync: let the trainer follow now (between
// frames); otherwise the frame does it after the UI.
void take_points(App& app, const CsvImport& csv, bool sync) {
    PlaygroundState& s = app.run.state;
    if (s.problem == Problem::regression) {
        s.reg_dataset = Dataset::custom;
    } else {
        s.dataset = Dataset::custom;
        s.classes = std::clamp(csv.classes(), 2, kCsvMaxClasses);
    }
    s.points = csv.points;
    if (sync) app_sync(app);
}

// "3.4 KB" (1 KB = 1024 characters, as the 8 KB limit).
std::string kilobytes(std::size_t n) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f KB", double(n) / 1024);
    return text;
}

std::string short_number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", v);
    return text;
}

// ---- Files in --------------------------------------------------------------------------------

void open_file_text(App& app, std::string_view name, std::string_view text, double size) {
    const std::string label = file_label(name);
    if (size > double(kFileMaxBytes)) {
        app_message(app, label + ": the file is " + short_number(size / (1 << 20)) +
                             " MB, at most 8 MB (a model) or 1 MB (points); nothing changed.", true);
        return;
    }
    std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if ((first != std::string_view::npos && text.substr(first).starts_with("---")) || name.ends_with(".md")) {
        lessons_open_text(app, label, text);  // a lesson file (web/lessons.h)
        return;
    }
    const bool json = (first != std::string_view::npos && text[first] == '{') ||
                      (name.size() > 5 && name.substr(name.size() - 5) == ".json");
    if (json) {
        bool ok = false;
        import_model(app, name, text, ok);
        return;
    }
    FilesState& f = app.files;
    const bool regression = app.run.state.problem == Problem::regression;
    CsvImport csv = import_csv(text, {.regression = regression, .scale_to_fit = true});
    if (!csv.ok()) {
        app_message(app, label + ": " + csv.error.message() + "; nothing imported.", true);
        return;
    }
    f.csv = std::move(csv);
    f.csv_name = label;
    describe_csv(f);
    f.csv_open = true;
}

std::string import_points_csv(App& app, std::string_view name, std::string_view text, bool scale,
                              bool& ok) {
    const std::string label = file_label(name);
    const bool regression = app.run.state.problem == Problem::regression;
    FilesState& f = app.files;
    f.csv = import_csv(text, {.regression = regression, .scale_to_fit = scale});
    ok = f.csv.ok();
    if (!ok) {
        app_message(app, label + ": " + f.csv.error.message() + "; nothing imported.", true);
        return app.status.message;
    }
    describe_csv(f);
    take_points(app, f.csv, true);
    app_message(app, "Imported " + f.csv.summary() + " from " + label + ".");
    return app.status.message;
}

std::string import_model(App& app, std::string_view name, std::string_view text, bool& ok) {
    const std::string label = file_label(name);
    ok = false;
    Result<ModelImport> read = import_model_json(text);
    if (!read) {
        app_message(app, label + ": " + read.error.message() + "; nothing changed.", true);
        return app.status.message;
    }
    ModelImport& model = *read.value;
    // A trainer for the file's state takes the weights first: the page changes only if all fit.
    auto trainer = std::make_unique<Trainer>(model.state);
    if (std::string error = load_weights(*trainer, model.members); !error.empty()) {
        app_message(app, label + ": " + error + "; nothing changed.", true);
        return app.status.message;
    }
    // Issue 13 (run state): the file's run goes on exactly where it stood.
    if (model.run) {
        if (std::string error = trainer->restore(*model.run); !error.empty()) {
            app_message(app, label + ": \"run\": " + error + "; nothing changed.", true);
            return app.status.message;
        }
    }
    app.status.link_warnings = model.warnings;
    run_replace(app, std::move(trainer), model.state,
                model.run ? -1 : model.metrics ? model.metrics->epoch : -1);
    ok = true;
    std::string text_out = "Opened " + label;
    if (model.metrics && model.metrics->epoch > 0)
        text_out += ": trained " + std::to_string(model.metrics->epoch) + " epochs";
    app_message(app, text_out + "; settings, points and weights restored: train on from here.");
    return app.status.message;
}

// ---- Files out -------------------------------------------------------------------------------

std::string points_csv(const App& app) {
    if (app.run.state.active_dataset() == Dataset::custom) return export_csv(app.run.state.points);
    const DataSplit& d = app.run.trainer->data();
    std::vector<Point> points = d.train;
    points.insert(points.end(), d.val.begin(), d.val.end());
    points.insert(points.end(), d.test.begin(), d.test.end());
    return export_csv(points);
}

// (An epoch's end under way first: the weights and run state it leaves.)
std::string model_json(const App& app) {
    app.run.trainer->settle();
    return export_model_json(*app.run.trainer);
}
std::string pytorch_script(const App& app) {
    app.run.trainer->settle();
    return export_pytorch(*app.run.trainer);
}

namespace {
void save(App& app, const char* name, const char* mime, const std::string& data, const char* what) {
    if (save_file(name, mime, data))
        app_message(app, std::string("Saved ") + what + " as " + name + " (" + kilobytes(data.size()) + ").");
    else
        app_message(app, "Saving files works in the browser only.", true);
}
}  // namespace

void save_points(App& app) { save(app, "nnplay-points.csv", "text/csv", points_csv(app), "the points"); }
void save_model(App& app) {
    run_settle(app);
    save(app, "nnplay-model.json", "application/json", model_json(app), "the model");
}
void save_pytorch(App& app) {
    // Stopped mid-epoch (session 8): the script finishes that epoch from the next batch; say so.
    run_settle(app);
    const Trainer& t = *app.run.trainer;
    const int position = t.spec().output == Output::step ? 0 : t.epoch_position();
    const std::string what = position > 0
        ? "a PyTorch script (stopped mid-epoch: it finishes epoch " + std::to_string(t.epoch() + 1) + " from point " +
              std::to_string(position + 1) + " of " + std::to_string(t.data().train.size()) + ", then whole epochs)"
        : std::string("a PyTorch script");
    save(app, "nnplay_model.py", "text/x-python", pytorch_script(app), what.c_str());
}
void save_png(App& app) { app.files.png_frames = 2; }  // after the menu has closed
void files_after_render(App& app) {
    FilesState& f = app.files;
    if (f.png_frames > 0 && --f.png_frames == 0) {
        auto it = app.view.rects.find("plot");
        if (it == app.view.rects.end()) return;
        const WidgetRect& r = it->second;
        const float s = app.view.dpr;  // CSS to framebuffer pixels
        if (save_canvas_png("nnplay-output.png", int(std::lround(r.x * s)), int(std::lround(r.y * s)),
                            int(std::lround(r.w * s)), int(std::lround(r.h * s))))
            app_message(app, "Saved the output plot as nnplay-output.png.");
        else
            app_message(app, "Saving pictures works in the browser only.", true);
    }
}

}  // namespace nnplay::web
