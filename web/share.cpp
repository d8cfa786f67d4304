// share.cpp: links and files (see share.h): shared links with the weights and points as
// payloads, the history entries they make, CSV and model imports (all or nothing), the
// exports, the File menu with its dialogs, and the test API's side of them.
#include "web/share.h"

#include "web/app.h"
#include "web/platform.h"
#include "web/url.h"

#include "engine/json_reader.h"
#include "engine/model_json.h"
#include "engine/payload.h"
#include "engine/pytorch_export.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>

namespace nnplay::web {
namespace {

constexpr ImU32 kMuted = IM_COL32(120, 120, 120, 255);
constexpr ImU32 kWarn = IM_COL32(150, 95, 0, 255);
constexpr ImU32 kBad = IM_COL32(190, 30, 30, 255);

// A tooltip explaining the last item (none with hideText=true, as the other tooltips).
void tip(const App& app, const char* text) {
    if (app.state.hide_text || !ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void coloured(ImU32 colour, const std::string& text, float wrap = 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    if (wrap > 0) ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextUnformatted(text.c_str());
    if (wrap > 0) ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

// "3.4 KB" (1 KB = 1024 characters, as the 8 KB limit).
std::string kilobytes(std::size_t n) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f KB", double(n) / 1024);
    return text;
}

std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", v);
    return text;
}

// Trained, or changed by hand: weights the seed alone would not give back.
bool weights_are_own(const App& app) {
    return app.trainer->epoch() > 0 || app.files.weights_touched;
}

// The trainer has new weights or data: fresh chart and pictures.
void restart_views(App& app) {
    app.trainer->measure();
    app.chart.clear();
    app.chart.add(app.trainer->metrics());
    app.pictures_dirty = true;
}

// The imported points become the custom data set. sync: let the trainer follow now (between
// frames); otherwise the frame does it after the UI.
void take_points(App& app, const CsvImport& csv, bool sync) {
    PlaygroundState& s = app.state;
    if (s.problem == Problem::regression) {
        s.reg_dataset = Dataset::custom;
    } else {
        s.dataset = Dataset::custom;
        s.classes = std::clamp(csv.classes(), 2, kCsvMaxClasses);
    }
    s.points = csv.points;
    if (sync) app_sync(app);
}

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
        if (std::fabs(x) > 6 * (1 + 1e-6f) || std::fabs(y) > 6 * (1 + 1e-6f)) ++f.csv_outside;
    }
    std::copy(r, r + 4, f.csv_range);
    std::copy(l, l + 2, f.csv_label_range);
}

}  // namespace

// ---- Links ---------------------------------------------------------------------------------

LinkPayloads split_link(std::string_view query) { return nnplay::read_link(query); }

StateReadResult read_link(const LinkPayloads& link) { return {link.state, link.warnings}; }

void apply_link_weights(App& app, const LinkPayloads& link) {
    if (!link.weights) return;
    Trainer& t = *app.trainer;
    if (ReadError error = load_link_weights(t, link); !error.empty()) {
        app.link_warnings.push_back("ignored weights (" + error.reason + "): the run starts from the seed");
        console_log(app.link_warnings.back().c_str());
        return;
    }
    app.files.weights_touched = true;
    restart_views(app);
    std::string text = "Weights from the link";
    text += link.weights->format == WeightFormat::float16 ? " (float16)" : "";
    if (link.epoch > 0) text += ", trained " + std::to_string(link.epoch) + " epochs by its sender";
    app_message(app, text + ": train on from here.");
}

SharedLink make_link(const App& app, const ShareOptions& options) {
    const Trainer& t = *app.trainer;
    std::optional<WeightsPayload> weights;
    if (options.weights && weights_are_own(app))
        weights = trainer_weights(t, options.f16 ? WeightFormat::float16 : WeightFormat::float32);
    const WrittenLink written =
        write_link(app.state, {options.points, weights ? &*weights : nullptr, t.epoch()});
    SharedLink out;
    out.hash = written.text;
    out.has_points = written.has_points, out.points_chars = written.points_chars;
    out.has_weights = written.has_weights, out.weights_chars = written.weights_chars;
    out.note = written.note;
    out.url = url_base() + "#" + out.hash;
    out.too_long = written.weights_failed || out.url.size() > kLinkMaxChars;
    return out;
}

SharedLink share_link(App& app, const ShareOptions& options, bool copy) {
    SharedLink link = make_link(app, options);
    FilesState& f = app.files;
    if (link.too_long) {
        f.too_long_open = true;
        f.too_long_chars = link.url.size();
        f.too_long_detail.clear();
        if (link.has_weights) f.too_long_detail += "the weights take " + kilobytes(link.weights_chars);
        if (link.has_points)
            f.too_long_detail += (f.too_long_detail.empty() ? "the points take " : ", the points ") +
                                 kilobytes(link.points_chars);
        if (!link.note.empty()) f.too_long_detail += (f.too_long_detail.empty() ? "" : "; ") + link.note;
        if (options.weights && !options.f16 && link.has_weights) {
            ShareOptions half = options;
            half.f16 = true;
            SharedLink shorter = make_link(app, half);
            if (!shorter.too_long)
                f.too_long_detail += "; with float16 weights it would be " + kilobytes(shorter.url.size());
        }
        app_message(app, "The link would be " + kilobytes(link.url.size()) + ", over the " +
                             kilobytes(kLinkMaxChars) + " a link can reliably carry: download the model "
                             "file instead (File > Export model), which File > Open model restores.");
        return link;
    }
    // A history entry per shared state: the current entry becomes this link, unless it is
    // already another shared link, which is kept (then the link gets an entry of its own).
    if (!(f.sealed && link.hash == app.written_query)) {
        if (f.sealed) url_push_hash(link.hash);
        else url_set_hash(link.hash);
    }
    f.sealed = true;
    app.written_query = link.hash;
    app.written_state = app.state;
    app.written = true;
    if (copy && !url_copy_link()) ImGui::SetClipboardText(link.url.c_str());

    std::string text = copy ? "Link copied (" : "Link made (";
    text += kilobytes(link.url.size()) + " of " + kilobytes(kLinkMaxChars);
    if (link.has_weights)
        text += std::string(", weights as ") + (options.f16 && link.note.empty() ? "float16" : "float32") +
                " after " + std::to_string(app.trainer->epoch()) + " epochs";
    if (link.has_points) text += ", " + std::to_string(app.state.points.size()) + " points";
    text += "). Back and Forward step through the links you shared.";
    if (!link.note.empty()) text += " Note: " + link.note + ".";
    app_message(app, text);
    return link;
}

// ---- Files in --------------------------------------------------------------------------------

void open_file_text(App& app, std::string_view name, std::string_view text, double size) {
    const std::string label = file_label(name);
    if (size > double(kFileMaxBytes)) {
        app_message(app, label + ": the file is " + number(size / (1 << 20)) +
                             " MB, at most 8 MB (a model) or 1 MB (points); nothing changed.", true);
        return;
    }
    std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    const bool json = (first != std::string_view::npos && text[first] == '{') ||
                      (name.size() > 5 && name.substr(name.size() - 5) == ".json");
    if (json) {
        bool ok = false;
        import_model(app, name, text, ok);
        return;
    }
    FilesState& f = app.files;
    const bool regression = app.state.problem == Problem::regression;
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
    const bool regression = app.state.problem == Problem::regression;
    FilesState& f = app.files;
    f.csv = import_csv(text, {.regression = regression, .scale_to_fit = scale});
    ok = f.csv.ok();
    if (!ok) {
        app_message(app, label + ": " + f.csv.error.message() + "; nothing imported.", true);
        return app.message;
    }
    describe_csv(f);
    take_points(app, f.csv, true);
    app_message(app, "Imported " + f.csv.summary() + " from " + label + ".");
    return app.message;
}

std::string import_model(App& app, std::string_view name, std::string_view text, bool& ok) {
    const std::string label = file_label(name);
    ok = false;
    Result<ModelImport> read = import_model_json(text);
    if (!read) {
        app_message(app, label + ": " + read.error.message() + "; nothing changed.", true);
        return app.message;
    }
    ModelImport& model = *read.value;
    // A trainer for the file's state takes the weights first: the page changes only if all fit.
    auto trainer = std::make_unique<Trainer>(model.state);
    if (std::string error = load_weights(*trainer, model.members); !error.empty()) {
        app_message(app, label + ": " + error + "; nothing changed.", true);
        return app.message;
    }
    app.trainer = std::move(trainer);
    app.state = model.state;
    app.link_warnings = model.warnings;
    app.playing = false;
    app_sync(app);
    app.files.weights_touched = true;
    if (model.metrics) app.trainer->resume_at(model.metrics->epoch);
    restart_views(app);
    ok = true;
    std::string text_out = "Opened " + label;
    if (model.metrics && model.metrics->epoch > 0)
        text_out += ": trained " + std::to_string(model.metrics->epoch) + " epochs";
    app_message(app, text_out + "; settings, points and weights restored: train on from here.");
    return app.message;
}

// ---- Files out -------------------------------------------------------------------------------

std::string points_csv(const App& app) {
    if (app.state.active_dataset() == Dataset::custom) return export_csv(app.state.points);
    const DataSplit& d = app.trainer->data();
    std::vector<Point> points = d.train;
    points.insert(points.end(), d.val.begin(), d.val.end());
    points.insert(points.end(), d.test.begin(), d.test.end());
    return export_csv(points);
}

std::string model_json(const App& app) { return export_model_json(*app.trainer); }
std::string pytorch_script(const App& app) { return export_pytorch(*app.trainer); }

namespace {
void save(App& app, const char* name, const char* mime, const std::string& data, const char* what) {
    if (save_file(name, mime, data))
        app_message(app, std::string("Saved ") + what + " as " + name + " (" + kilobytes(data.size()) + ").");
    else
        app_message(app, "Saving files works in the browser only.", true);
}
}  // namespace

void save_points(App& app) { save(app, "nnplay-points.csv", "text/csv", points_csv(app), "the points"); }
void save_model(App& app) { save(app, "nnplay-model.json", "application/json", model_json(app), "the model"); }
void save_pytorch(App& app) {
    save(app, "nnplay_model.py", "text/x-python", pytorch_script(app), "a PyTorch script");
}
void save_png(App& app) { app.files.png_frames = 2; }  // after the menu has closed

// ---- UI --------------------------------------------------------------------------------------

void files_menu(App& app) {
    if (ImGui::Button("File")) ImGui::OpenPopup("##files");
    record_rect(app, "file");
    tip(app, "Open points (CSV) or a model (JSON); save the points, the model, a PyTorch script or "
             "a picture of the output.");
    if (!ImGui::BeginPopup("##files")) return;
    if (ImGui::MenuItem("Import points (CSV)\xE2\x80\xA6") && !open_file_picker(".csv,.tsv,.txt,text/csv"))
        app_message(app, "Opening files works in the browser only.", true);
    tip(app, "Your own data: x, y, label per line (header optional; comma, semicolon or tab). A "
             "preview shows what the file holds before anything changes.");
    if (ImGui::MenuItem("Open model (JSON)\xE2\x80\xA6") && !open_file_picker(".json,application/json"))
        app_message(app, "Opening files works in the browser only.", true);
    tip(app, "A model file saved here (Export model): restores the settings, the points and the "
             "trained weights.");
    ImGui::Separator();
    if (ImGui::MenuItem("Export points (CSV)")) save_points(app);
    tip(app, "Every point (training, validation and test) as x, y, label: opens in a spreadsheet "
             "and imports back exactly.");
    if (ImGui::MenuItem("Export model (JSON)")) save_model(app);
    tip(app, "Settings, architecture, weights and metrics in one file, for any length of link: "
             "Open model restores it.");
    if (ImGui::MenuItem("Export PyTorch script")) save_pytorch(app);
    tip(app, "A short Python script with the same network, weights, loss, optimiser and data, to "
             "train on in PyTorch.");
    if (ImGui::MenuItem("Export output (PNG)")) save_png(app);
    tip(app, "A picture of the output plot as shown: the decision boundary and the points.");
    ImGui::EndPopup();
}

void share_buttons(App& app) {
    FilesState& f = app.files;
    ShareOptions& o = f.options;
    if (ImGui::Button("Copy link")) share_link(app, o, true);
    record_rect(app, "copyLink");
    tip(app, "Copies a link to this playground: every setting and the seed, plus (see the arrow) "
             "the trained weights and your points. Each link you copy is a step for Back and "
             "Forward.");
    ImGui::SameLine(0, 1 * app.scale);  // ui.cpp's top bar counts 4 + 4 + 1 pixels between
    if (ImGui::ArrowButton("##shareoptions", ImGuiDir_Down)) ImGui::OpenPopup("##share");
    record_rect(app, "shareOptions");
    tip(app, "What the link carries besides the settings.");
    if (!ImGui::BeginPopup("##share")) return;
    ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
    ImGui::TextUnformatted("The link holds every setting and the seed; also:");
    ImGui::PopStyleColor();
    ImGui::Checkbox("Trained weights", &o.weights);
    record_rect(app, "shareWeights");
    tip(app, "The receiver sees the same boundary and can train on from it. Left out while the "
             "weights are still the seed's (epoch 0).");
    ImGui::Indent();
    ImGui::BeginDisabled(!o.weights);
    ImGui::Checkbox("as float16 (half as long)", &o.f16);
    ImGui::EndDisabled();
    record_rect(app, "shareF16");
    tip(app, "Each weight rounded to 11 significant bits (about 3 decimal digits): the boundary "
             "looks the same, the numbers differ slightly. Off: exact float32.");
    ImGui::Unindent();
    ImGui::Checkbox("Your points (drawn or imported)", &o.points);
    record_rect(app, "sharePoints");
    tip(app, "The custom data set, exactly. Generated data sets need nothing: the seed makes them. "
             "Off: the receiver gets an empty canvas to draw on.");
    ImGui::Separator();
    const SharedLink link = make_link(app, o);
    coloured(link.too_long ? kBad : kMuted,
             "Link length: " + kilobytes(link.url.size()) + " of " + kilobytes(kLinkMaxChars) +
                 (link.too_long ? ": too long, save the model file instead" : ""));
    ImGui::EndPopup();
}

void files_dialogs(App& app) {
    FilesState& f = app.files;
    const float sc = app.scale;
    const ImVec2 centre(ImGui::GetIO().DisplaySize.x / 2, ImGui::GetIO().DisplaySize.y / 2);
    const float wrap = 440 * sc;
    const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings;

    // The CSV preview.
    if (f.csv_open) {
        ImGui::OpenPopup("Import points");
        f.csv_open = false;
    }
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Import points", nullptr, flags)) {
        const CsvImport& c = f.csv;
        const bool regression = c.class_counts.empty();
        ImGui::Text("%s", f.csv_name.c_str());
        ImGui::Spacing();
        std::string line = std::to_string(c.points.size()) + " points";
        if (c.header) line += ", after a header line";
        if (c.delimiter != ',') line += c.delimiter == '\t' ? ", tab-separated" : ", semicolon-separated";
        ImGui::TextUnformatted(line.c_str());
        if (regression) {
            ImGui::TextUnformatted(("Targets from " + number(f.csv_label_range[0]) + " to " +
                                    number(f.csv_label_range[1]) + " (the problem type is regression)").c_str());
        } else {
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float box = ImGui::GetTextLineHeight() * 0.8f;
            for (std::size_t k = 0; k < c.class_counts.size(); ++k) {
                if (k) ImGui::SameLine(0, 14 * sc);
                ImVec2 p = ImGui::GetCursorScreenPos();
                const float dy = (ImGui::GetTextLineHeight() - box) / 2;
                dl->AddRectFilled(ImVec2(p.x, p.y + dy), ImVec2(p.x + box, p.y + dy + box), kClassColours[k],
                                  2 * sc);
                ImGui::Dummy(ImVec2(box, ImGui::GetTextLineHeight()));
                ImGui::SameLine(0, 5 * sc);
                ImGui::Text("class %d: %d", int(k) + 1, c.class_counts[k]);
            }
            if (c.plus_minus_labels) coloured(kMuted, "Labels -1 and +1 read as classes 1 and 2.");
        }
        ImGui::TextUnformatted(("x from " + number(f.csv_range[0]) + " to " + number(f.csv_range[1]) +
                                ",  y from " + number(f.csv_range[2]) + " to " + number(f.csv_range[3]))
                                   .c_str());
        const bool outside = c.scale != 1;
        if (outside) {
            ImGui::Spacing();
            coloured(kWarn,
                     std::to_string(f.csv_outside) + " point" + (f.csv_outside == 1 ? " lies" : "s lie") +
                         " outside the plot (-6 to 6). Scale every point by " + number(c.scale) +
                         " to fit them all in, keeping the shape, or refuse the file.",
                     wrap);
        }
        ImGui::Spacing();
        coloured(kMuted,
                 "Limits: 1 MB, 5000 points, coordinates within -6 to 6 (or scaled in); labels are "
                 "classes 0 to 5, or -1/+1 (regression: any number). Importing replaces the data "
                 "set with these points (\"Your own points\").",
                 wrap);
        ImGui::Spacing();
        if (ImGui::Button(outside ? "Scale in and import" : "Import")) {
            take_points(app, c, false);
            app_message(app, "Imported " + c.summary() + " from " + f.csv_name + ".");
            ImGui::CloseCurrentPopup();
        }
        record_rect(app, "csvImport");
        ImGui::SameLine();
        if (ImGui::Button(outside ? "Refuse" : "Cancel")) {
            app_message(app, outside ? f.csv_name + " refused: points outside the plot; nothing imported."
                                     : "Nothing imported.");
            ImGui::CloseCurrentPopup();
        }
        record_rect(app, "csvCancel");
        ImGui::EndPopup();
    }

    // A link too long to share.
    if (f.too_long_open) {
        ImGui::OpenPopup("Link too long");
        f.too_long_open = false;
    }
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Link too long", nullptr, flags)) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
        ImGui::TextUnformatted(("This link would be " + kilobytes(f.too_long_chars) + ", more than the " +
                                kilobytes(kLinkMaxChars) +
                                " that browsers, servers and chat tools reliably carry" +
                                (f.too_long_detail.empty() ? "" : " (" + f.too_long_detail + ")") + ".")
                                   .c_str());
        ImGui::Spacing();
        ImGui::TextUnformatted("Save the model file instead: it holds the settings, the points and the "
                               "weights, and File > Open model restores all of them.");
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button("Download model (JSON)")) {
            save_model(app);
            ImGui::CloseCurrentPopup();
        }
        record_rect(app, "downloadModel");
        ImGui::SameLine();
        if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
        record_rect(app, "tooLongClose");
        ImGui::EndPopup();
    }
}

bool compat_offered(const App& app) {
    return app.files.tfp_link && app.state.compat == Compat::none;
}

float compat_button_width(const App& app) {
    if (!compat_offered(app)) return 0;
    return ImGui::CalcTextSize("Use compat=tf").x + 2 * ImGui::GetStyle().FramePadding.x +
           ImGui::GetStyle().ItemSpacing.x;
}

void compat_button(App& app) {
    if (!compat_offered(app)) return;
    ImGui::SameLine();
    if (ImGui::SmallButton("Use compat=tf")) app.state.compat = Compat::tf;
    record_rect(app, "compatTf");
    tip(app, "Adds compat=tf to the settings: TensorFlow Playground's own model, data and training "
             "(in double precision), so this link trains as it does there.");
}

void files_after_render(App& app) {
    FilesState& f = app.files;
    if (f.png_frames > 0 && --f.png_frames == 0) {
        auto it = app.rects.find("plot");
        if (it == app.rects.end()) return;
        const WidgetRect& r = it->second;
        const float s = app.scale;
        if (save_canvas_png("nnplay-output.png", int(std::lround(r.x * s)), int(std::lround(r.y * s)),
                            int(std::lround(r.w * s)), int(std::lround(r.h * s))))
            app_message(app, "Saved the output plot as nnplay-output.png.");
        else
            app_message(app, "Saving pictures works in the browser only.", true);
    }
}

// ---- Test API --------------------------------------------------------------------------------

namespace {

std::string api_text;

std::string json_bool(bool b) { return b ? "true" : "false"; }

std::string json_string(std::string_view s) {
    std::string out;
    append_json_quoted(out, s);
    return out;
}

}  // namespace

const char* api_import_csv(const char* text, bool scale) {
    App* app = app_current();
    if (!app) return "null";
    bool ok = false;
    const std::string message = import_points_csv(*app, "CSV", text ? text : "", scale, ok);
    api_text = "{\"ok\":" + json_bool(ok) + ",\"message\":" + json_string(message) + ",\"counts\":[";
    if (ok)
        for (std::size_t k = 0; k < app->files.csv.class_counts.size(); ++k)
            api_text += (k ? "," : "") + std::to_string(app->files.csv.class_counts[k]);
    api_text += "],\"points\":" + std::to_string(ok ? app->files.csv.points.size() : 0) +
                ",\"scale\":" + format_float_shortest(ok ? app->files.csv.scale : 1) + "}";
    return api_text.c_str();
}

const char* api_import_model(const char* text) {
    App* app = app_current();
    if (!app) return "null";
    bool ok = false;
    const std::string message = import_model(*app, "model", text ? text : "", ok);
    api_text = "{\"ok\":" + json_bool(ok) + ",\"message\":" + json_string(message) + "}";
    return api_text.c_str();
}

const char* api_open_file(const char* name, const char* text, double size) {
    App* app = app_current();
    if (!app) return "";
    open_file_text(*app, name ? name : "", text ? text : "", size);
    api_text = status_text(*app);
    return api_text.c_str();
}

const char* api_export_csv() {
    App* app = app_current();
    api_text = app ? points_csv(*app) : "";
    return api_text.c_str();
}

const char* api_export_model() {
    App* app = app_current();
    api_text = app ? model_json(*app) : "";
    return api_text.c_str();
}

const char* api_export_pytorch() {
    App* app = app_current();
    api_text = app ? pytorch_script(*app) : "";
    return api_text.c_str();
}

void api_export_png() {
    if (App* app = app_current()) save_png(*app);
}

const char* api_share_link(bool weights, bool points, bool f16) {
    App* app = app_current();
    if (!app) return "null";
    app_sync(*app);
    const SharedLink link = share_link(*app, {weights, points, f16}, false);
    api_text = "{\"url\":" + json_string(link.url) + ",\"length\":" + std::to_string(link.url.size()) +
               ",\"tooLong\":" + json_bool(link.too_long) + ",\"weights\":" + json_bool(link.has_weights) +
               ",\"points\":" + json_bool(link.has_points) + ",\"note\":" + json_string(link.note) + "}";
    return api_text.c_str();
}

const char* api_predict(const char* text) {
    App* app = app_current();
    if (!app || !text) return "null";
    std::vector<Point> points;
    std::string_view rest(text);
    while (!rest.empty()) {
        const std::size_t semi = rest.find(';');
        const std::string_view pair = rest.substr(0, semi);
        rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
        const std::size_t comma = pair.find(',');
        Point p;
        if (comma == std::string_view::npos || !parse_float_strict(pair.substr(0, comma), p.x) ||
            !parse_float_strict(pair.substr(comma + 1), p.y))
            return "null";
        points.push_back(p);
    }
    Matrix out;
    app->trainer->predict(points, out);  // (outputs, n)
    api_text = "[";
    for (Eigen::Index j = 0; j < out.cols(); ++j) {
        api_text += j ? ",[" : "[";
        for (Eigen::Index i = 0; i < out.rows(); ++i) {
            char value[32];
            const float v = out(i, j);
            if (std::isfinite(v)) std::snprintf(value, sizeof value, "%.9g", double(v));
            else std::snprintf(value, sizeof value, "null");
            api_text += (i ? "," : "") + std::string(value);
        }
        api_text += "]";
    }
    api_text += "]";
    return api_text.c_str();
}

}  // namespace nnplay::web
