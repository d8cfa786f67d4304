// files_panel.cpp: the top bar's File menu, the Copy link button with its options, the
// dialogs (the CSV preview, a link too long to share) and the status line's offer of
// TensorFlow Playground's compatibility mode.
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "web/platform.h"

#include "engine/csv.h"
#include "engine/help.h"

#include <imgui.h>

namespace nnplay::web {

void files_menu(App& app) {
    if (ImGui::Button("File")) ImGui::OpenPopup("##files");
    record_rect(app, "file");
    tip(app, "ui.file");
    if (!ImGui::BeginPopup("##files")) return;
    if (ImGui::MenuItem("Import points (CSV)\xE2\x80\xA6") && !open_file_picker(".csv,.tsv,.txt,text/csv"))
        app_message(app, "Opening files works in the browser only.", true);
    tip(app, "ui.importPoints");
    if (ImGui::MenuItem("Open model (JSON)\xE2\x80\xA6") && !open_file_picker(".json,application/json"))
        app_message(app, "Opening files works in the browser only.", true);
    if (ImGui::MenuItem("Open lesson\xE2\x80\xA6") && !open_file_picker(".md,.txt,text/markdown,text/plain"))
        app_message(app, "Opening files works in the browser only.", true);
    tip(app, "ui.openModel");
    ImGui::Separator();
    if (ImGui::MenuItem("Export points (CSV)")) save_points(app);
    tip(app, "ui.exportPoints");
    if (ImGui::MenuItem("Export model (JSON)")) save_model(app);
    tip(app, "ui.exportModel");
    if (ImGui::MenuItem("Export PyTorch script")) save_pytorch(app);
    tip(app, "ui.exportPytorch");
    if (ImGui::MenuItem("Export output (PNG)")) save_png(app);
    tip(app, "ui.exportPng");
    ImGui::EndPopup();
}

void share_buttons(App& app) {
    FilesState& f = app.files;
    ShareOptions& o = f.options;
    if (ImGui::Button("Copy link")) share_link(app, o, true);
    record_rect(app, "copyLink");
    tip(app, "ui.copyLink");
    ImGui::SameLine(0, 1 * app.view.scale);  // top_bar.cpp counts 4 + 4 + 1 pixels between
    if (ImGui::ArrowButton("##shareoptions", ImGuiDir_Down)) ImGui::OpenPopup("##share");
    record_rect(app, "shareOptions");
    tip(app, "ui.shareOptions");
    if (!ImGui::BeginPopup("##share")) return;
    ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
    text(help_text("ui.shareCarries"));
    ImGui::PopStyleColor();
    ImGui::Checkbox("Trained weights", &o.weights);
    record_rect(app, "shareWeights");
    tip(app, "ui.shareWeights");
    ImGui::Indent();
    ImGui::BeginDisabled(!o.weights);
    ImGui::Checkbox("as float16 (half as long)", &o.f16);
    ImGui::EndDisabled();
    record_rect(app, "shareF16");
    tip(app, "ui.shareF16");
    ImGui::Unindent();
    ImGui::Checkbox("Your points (drawn or imported)", &o.points);
    record_rect(app, "sharePoints");
    tip(app, "ui.sharePoints");
    ImGui::Separator();
    const SharedLink link = make_link(app, o);
    coloured(link.too_long ? kBad : kMuted,
             "Link length: " + kilobytes(link.url.size()) + " of " + kilobytes(kLinkMaxChars) +
                 (link.too_long ? ": too long, save the model file instead" : ""));
    ImGui::EndPopup();
}

namespace {

// "-6 to 6": the plot's extent on each axis (kDomain).
std::string plot_range() { return "-" + short_number(kDomain) + " to " + short_number(kDomain); }

// A modal dialog, opened when asked (open, then cleared) and centred when it appears; true
// while it shows (then end it with ImGui::EndPopup()).
bool begin_dialog(const char* name, bool& open) {
    if (open) {
        ImGui::OpenPopup(name);
        open = false;
    }
    const ImVec2 centre(ImGui::GetIO().DisplaySize.x / 2, ImGui::GetIO().DisplaySize.y / 2);
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    return ImGui::BeginPopupModal(name, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
}

// The CSV preview: what the file holds, and Import (or Scale in) or Cancel (Refuse).
void csv_dialog(App& app) {
    FilesState& f = app.files;
    const float sc = app.view.scale;
    const float wrap = 440 * sc;
    if (begin_dialog("Import points", f.csv_open)) {
        const CsvImport& c = f.csv;
        const bool regression = c.class_counts.empty();
        ImGui::Text("%s", f.csv_name.c_str());
        ImGui::Spacing();
        std::string line = std::to_string(c.points.size()) + " points";
        if (c.header) line += ", after a header line";
        if (c.delimiter != ',') line += c.delimiter == '\t' ? ", tab-separated" : ", semicolon-separated";
        ImGui::TextUnformatted(line.c_str());
        if (regression) {
            ImGui::TextUnformatted(("Targets from " + short_number(f.csv_label_range[0]) + " to " +
                                    short_number(f.csv_label_range[1]) + " (the problem type is regression)").c_str());
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
        ImGui::TextUnformatted(("x from " + short_number(f.csv_range[0]) + " to " + short_number(f.csv_range[1]) +
                                ",  y from " + short_number(f.csv_range[2]) + " to " + short_number(f.csv_range[3]))
                                   .c_str());
        const bool outside = c.scale != 1;
        if (outside) {
            ImGui::Spacing();
            coloured(kWarn,
                     std::to_string(f.csv_outside) + " point" + (f.csv_outside == 1 ? " lies" : "s lie") +
                         " outside the plot (" + plot_range() + "). Scale every point by " + short_number(c.scale) +
                         " to fit them all in, keeping the shape, or refuse the file.",
                     wrap);
        }
        ImGui::Spacing();
        coloured(kMuted,
                 "Limits: " + std::to_string(kCsvMaxBytes >> 20) + " MB, " + std::to_string(kMaxPoints) +
                     " points, coordinates within " + plot_range() + " (or scaled in); labels are classes 0 to " +
                     std::to_string(kMaxClasses - 1) + ", or -1/+1 (regression: any number). Importing "
                     "replaces the data set with these points (\"Your own points\").",
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
}

// A link too long to share: the model file instead.
void too_long_dialog(App& app) {
    FilesState& f = app.files;
    const float wrap = 440 * app.view.scale;
    if (begin_dialog("Link too long", f.too_long_open)) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
        ImGui::TextUnformatted(("This link would be " + kilobytes(f.too_long_chars) + ", more than the " +
                                kilobytes(kLinkMaxChars) +
                                " that browsers, servers and chat tools reliably carry" +
                                (f.too_long_detail.empty() ? "" : " (" + f.too_long_detail + ")") + ".")
                                   .c_str());
        ImGui::Spacing();
        text(help_text("ui.saveModelInstead"));
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

}  // namespace

void files_dialogs(App& app) {
    csv_dialog(app);
    too_long_dialog(app);
}

float compat_button_width(const App& app) {
    if (!compat_offered(app)) return 0;
    return ImGui::CalcTextSize("Use compat=tf").x + 2 * ImGui::GetStyle().FramePadding.x +
           ImGui::GetStyle().ItemSpacing.x;
}

void compat_button(App& app) {
    if (!compat_offered(app)) return;
    ImGui::SameLine();
    if (ImGui::SmallButton("Use compat=tf")) app.run.state.compat = Compat::tf;
    record_rect(app, "compatTf");
    tip(app, "ui.compatTf");
}

}  // namespace nnplay::web
