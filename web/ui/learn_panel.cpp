// learn_panel.cpp: the Learn side panel (on phones, the More tab): the course's table of
// contents with progress, the open lesson's text (a little Markdown: headings, bullets,
// **bold**, `formulas`) and its tasks, ticked when the page sees them met (web/lessons.h).
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "web/platform.h"

#include "engine/help.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace nnplay::web {
namespace {

enum class Style { plain, bold, code };

struct Span {
    std::string text;
    Style style;
};

// A paragraph's spans: ** toggles bold, ` toggles a formula.
std::vector<Span> spans_of(const std::string& line) {
    std::vector<Span> out;
    Style style = Style::plain;
    std::string cur;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const bool star = line.compare(i, 2, "**") == 0 && style != Style::code;
        const bool tick = line[i] == '`';
        if (!star && !tick) {
            cur += line[i];
            continue;
        }
        if (!cur.empty()) out.push_back({cur, style});
        cur.clear();
        if (star) {
            style = style == Style::bold ? Style::plain : Style::bold;
            ++i;
        } else {
            style = style == Style::code ? Style::plain : Style::code;
        }
    }
    if (!cur.empty()) out.push_back({cur, style});
    return out;
}

// Lays a paragraph out word by word within `width` from the cursor's column.
void paragraph(const std::string& line, float width, float indent = 0) {
    const float left = ImGui::GetCursorPosX() + indent;
    const float right = ImGui::GetCursorPosX() + width;
    const float space = ImGui::CalcTextSize(" ").x;
    bool first = true;
    float x = left;
    ImGui::SetCursorPosX(left);
    for (const Span& s : spans_of(line)) {
        const ImU32 colour = s.style == Style::code ? ImU32(kHeading) : ImU32(kInk);
        // A formula that fits on a line is not broken across two: it is one word.
        const bool whole = s.style == Style::code && ImGui::CalcTextSize(s.text.c_str()).x <= right - left;
        std::size_t start = 0;
        while (start < s.text.size()) {
            std::size_t end = whole ? std::string::npos : s.text.find(' ', start);
            if (end == std::string::npos) end = s.text.size();
            const std::string word = s.text.substr(start, end - start);
            const bool gap_before = start > 0 || (!first && s.text[0] != ',' && s.text[0] != '.' && s.text[0] != ':' &&
                                                  s.text[0] != ';' && s.text[0] != ')');
            start = end + 1;
            if (word.empty()) continue;
            const float w = ImGui::CalcTextSize(word.c_str()).x;
            if (!first) {
                const float gap = gap_before ? space : 0;
                // Punctuation glued to a formula or bold word stays with it: never alone at
                // the start of a line (a comma's width past the edge is inside the padding).
                if (gap_before && x + gap + w > right && x > left) {
                    x = left;
                    ImGui::SetCursorPosX(left);
                } else {
                    ImGui::SameLine(0, gap);
                    x += gap;
                }
            }
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            ImGui::TextUnformatted(word.c_str());
            ImGui::PopStyleColor();
            // Bold: the word again, half a pixel to the right (one font is loaded).
            if (s.style == Style::bold)
                ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + 0.6f, at.y), kInk, word.c_str());
            x += w;
            first = false;
        }
    }
}

// Markdown, a little of it: '#' headings, '- ' bullets, blank lines between paragraphs.
void markdown(const std::string& text, float width) {
    std::string para;
    auto flush = [&] {
        if (!para.empty()) paragraph(para, width);
        para.clear();
    };
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        std::string line = text.substr(start, nl - start);
        start = nl + 1;
        if (line.empty() || line.find_first_not_of(' ') == std::string::npos) {
            flush();
            ImGui::Spacing();
        } else if (line[0] == '#') {
            flush();
            heading(line.substr(line.find_first_not_of("# ")));
        } else if (line.starts_with("- ")) {
            flush();
            ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
            ImGui::TextUnformatted("\xE2\x80\xA2");  // •
            ImGui::PopStyleColor();
            ImGui::SameLine();
            paragraph(line.substr(2), width - ImGui::CalcTextSize("\xE2\x80\xA2 ").x);
        } else {
            para += (para.empty() ? "" : " ") + line;
        }
    }
    flush();
}

// `text` with line breaks between words so that no line is wider than `width` (a long lesson
// title in the contents, where the task counter sits at the right of the first line).
std::string wrapped(const std::string& text, float width) {
    std::string out, line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        start = end + 1;
        const std::string longer = line.empty() ? word : line + " " + word;
        if (!line.empty() && ImGui::CalcTextSize(longer.c_str()).x > width) {
            out += line + "\n";
            line = word;
        } else {
            line = longer;
        }
    }
    return out + line;
}

const char* mark(bool done) { return done ? "\xE2\x97\x8F" : "\xE2\x97\x8B"; }  // ● ○

void contents(App& app, float width) {
    LearnState& learn = app.learn;
    int total = 0, done = 0;
    for (const Lesson& l : learn.course)
        for (int t = 0; t < int(l.tasks.size()); ++t) {
            ++total;
            done += lessons_task_done(app, l.id, t);
        }
    caption(std::to_string(done) + " of " + std::to_string(total) + " tasks done");
    for (int i = 0; i < int(learn.course.size()); ++i) {
        const Lesson& l = learn.course[i];
        int d = 0;
        for (int t = 0; t < int(l.tasks.size()); ++t) d += lessons_task_done(app, l.id, t);
        const bool all = d == int(l.tasks.size());
        ImGui::PushID(i);
        ImGui::PushStyleColor(ImGuiCol_Text, all ? ImU32(kHeading) : ImU32(kInk));
        // The title wraps before the task counter at the right: never under it.
        const float label_w = width - ImGui::CalcTextSize("00/00").x - 2 * ImGui::GetStyle().ItemSpacing.x;
        const std::string label =
            wrapped(std::string(mark(all)) + " " + std::to_string(i + 1) + ". " + l.title, label_w);
        if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(label_w, 0))) {
            lessons_open(app, i);
            lessons_start(app);
        }
        ImGui::PopStyleColor();
        record_rect(app, ("lesson." + l.id).c_str());
        const ImVec2 at = ImGui::GetItemRectMin(), text_size = ImGui::CalcTextSize(label.c_str());
        record_rect_at(app, ("lessonTitle." + l.id).c_str(), at, ImVec2(at.x + text_size.x, at.y + text_size.y));
        ImGui::SameLine();
        caption(std::to_string(d) + "/" + std::to_string(l.tasks.size()));
        record_rect(app, ("lessonCount." + l.id).c_str());
        ImGui::PopID();
    }
    if (learn.custom) {
        if (ImGui::Selectable(wrapped("Your lesson: " + learn.custom->title, width).c_str()))
            lessons_open(app, LearnState::kCustom);
    }
    ImGui::Spacing();
    if (ImGui::Button("Open lesson file\xE2\x80\xA6") && !open_file_picker(".md,.txt,text/markdown,text/plain"))
        app_message(app, "Opening files works in the browser only.", true);
    ImGui::SameLine();
    const std::string question = "Forget the " + std::to_string(done) + " task" + (done == 1 ? "" : "s") +
                                 " you have done?";
    if (confirmed_button("Reset progress", question, "Forget them")) lessons_reset_progress(app);
    record_rect(app, "lessons.reset");
}

void task_view(App& app, const Lesson& lesson, int t, float width) {
    LearnState& learn = app.learn;
    const LessonTask& task = lesson.tasks[t];
    const bool done = lessons_task_done(app, lesson.id, t);
    ImGui::PushID(t);
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, done ? ImU32(kHeading) : ImU32(kInk));
    ImGui::TextUnformatted((std::string(mark(done)) + " Task " + std::to_string(t + 1) + ": " + task.title).c_str());
    ImGui::PopStyleColor();
    record_rect(app, ("task." + std::to_string(t + 1)).c_str());
    if (learn.focus_task == t) ImGui::SetScrollHereY(0.2f), learn.focus_task = -1;
    if (!task.text.empty()) markdown(task.text, width);
    const TaskProgress* p = t < int(learn.progress.size()) ? &learn.progress[t] : nullptr;
    for (int k = 0; k < int(task.steps.size()); ++k) {
        const bool met = done || (p && p->step > k);
        // In words; the condition as the file writes it on hover (for teachers writing one).
        coloured(kMuted, std::string(met ? "\xE2\x97\x8F " : "\xE2\x97\x8B ") + (k == 0 ? "when " : "then ") + task.steps[k].words,
                 width);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", task.steps[k].text.c_str());
    }
    if (t < int(learn.hints_shown.size())) {
        int& shown = learn.hints_shown[t];
        for (int h = 0; h < shown && h < int(task.hints.size()); ++h) paragraph("Hint: " + task.hints[h], width);
        const std::string name = "task." + std::to_string(t + 1);
        if (shown < int(task.hints.size())) {
            if (ImGui::SmallButton("Hint")) ++shown;
            record_rect(app, (name + ".hint").c_str());
            ImGui::SameLine();
        }
        if (!learn.answer_shown[t]) {
            if (ImGui::SmallButton("Show answer")) learn.answer_shown[t] = true;
            record_rect(app, (name + ".answer").c_str());
        } else {
            paragraph("Answer: " + task.answer, width);
        }
    }
    ImGui::PopID();
}

}  // namespace

void learn_panel(App& app, float width) {
    lessons_init(app);
    LearnState& learn = app.learn;
    const Lesson* lesson = lessons_current(app);
    if (!learn.error.empty()) {
        coloured(kBad, learn.error, width);
        if (ImGui::SmallButton("Dismiss")) learn.error.clear();
    }
    if (!lesson) {
        heading("Learn");
        if (!app.run.state.hide_text) coloured(kMuted, std::string(help_text("ui.learnIntro")), width);
        contents(app, width);
        return;
    }
    if (ImGui::SmallButton("\xE2\x86\x90 Contents")) {
        learn.open = -1;
        return;
    }
    record_rect(app, "lessons.contents");
    ImGui::SameLine();
    if (ImGui::SmallButton("Start")) lessons_start(app);
    record_rect(app, "lessons.start");
    ImGui::SameLine();
    const std::string share = lessons_share_query(app);
    if (!share.empty() && ImGui::SmallButton("Link")) {
        address_share(app, share);
        app_message(app, "The address is now a link to this lesson.");
    }
    // The title wraps within the panel: a long one at phone width stays clear of the buttons.
    coloured(kHeading, lesson->title, width);
    record_rect(app, "lessons.title");
    if (!lesson->views.empty()) {
        std::string views;
        for (const std::string& v : lesson->views) views += (views.empty() ? "" : ", ") + std::string(inside_view_title(v.c_str()));
        caption("Uses See inside: " + views);
    }
    markdown(lesson->body, width);
    for (int t = 0; t < int(lesson->tasks.size()); ++t) task_view(app, *lesson, t, width);
}

}  // namespace nnplay::web
