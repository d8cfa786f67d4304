// test_api_lessons.cpp: the test API of the lessons (web/lessons.h): what the Learn panel
// shows and knows, for tests/browser/lessons.test.mjs (window.nnplay.lessons()).
#include "web/test_api.h"

#include "web/app.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <string>

namespace nnplay::web {
namespace {

// The characters of the built-in lessons' texts, tasks, hints and answers that the page's
// font has no glyph for (they would show as '?'), once each.
std::string missing_glyphs(const App& app) {
    std::string missing;
    const ImFont* font = ImGui::GetFont();
    auto check = [&](const std::string& text) {
        for (const char* at = text.c_str(); *at;) {
            unsigned int c = 0;
            const char* from = at;
            at += ImTextCharFromUtf8(&c, at, nullptr);
            if (c >= 0x20 && !font->FindGlyphNoFallback(ImWchar(c)) && missing.find(std::string(from, at)) == std::string::npos)
                missing.append(from, at);
        }
    };
    for (const Lesson& l : app.learn.course) {
        check(l.title);
        check(l.body);
        for (const LessonTask& t : l.tasks) {
            check(t.title);
            check(t.text);
            check(t.answer);
            for (const std::string& h : t.hints) check(h);
        }
    }
    return missing;
}

// {course, done, open (the lesson's id or ""), title, focus (0-based task or -1), error,
//  panel (the Learn panel is open), missingGlyphs (characters of the course the font
//  lacks), tasks: [{title, done, step, steps, hintsShown, answerShown}]}.
std::string lessons_api_json(App& app) {
    lessons_init(app);
    const LearnState& learn = app.learn;
    const Lesson* lesson = lessons_current(app);
    int done = 0;
    for (const Lesson& l : learn.course)
        for (int t = 0; t < int(l.tasks.size()); ++t) done += lessons_task_done(app, l.id, t);
    std::string tasks;
    const int task_count = lesson ? int(lesson->tasks.size()) : 0;
    append_json_array_n(tasks, task_count, ",", [&](std::string& out, int t) {
        out += JsonLine()
                   .add("title", lesson->tasks[t].title)
                   .add("done", lessons_task_done(app, lesson->id, t))
                   .add("step", t < int(learn.progress.size()) ? learn.progress[t].step : 0)
                   .add("steps", int(lesson->tasks[t].steps.size()))
                   .add("hintsShown", t < int(learn.hints_shown.size()) ? learn.hints_shown[t] : 0)
                   .add("answerShown", t < int(learn.answer_shown.size()) && learn.answer_shown[t])
                   .str();
    });
    JsonLine j;
    j.add("course", int(learn.course.size()))
        .add("done", done)
        .add("open", lesson ? lesson->id : std::string())
        .add("title", lesson ? lesson->title : std::string())
        .add("focus", learn.focus_task)
        .add("error", learn.error)
        .add("panel", app.view.side_panel == SidePanel::learn)
        .add("missingGlyphs", missing_glyphs(app));
    return j.add_json("tasks", tasks).str();
}

}  // namespace
}  // namespace nnplay::web

NNPLAY_API const char* nnplay_api_lessons() {
    using namespace nnplay::web;
    App* app = api_app();
    return app ? reply(*app, lessons_api_json(*app)) : "{}";
}
