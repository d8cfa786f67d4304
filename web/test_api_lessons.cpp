// test_api_lessons.cpp: the test API of the lessons (web/lessons.h): what the Learn panel
// shows and knows, for tests/browser/lessons.test.mjs (window.nnplay.lessons()).
#include "web/app.h"

#include "engine/json_writer.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#define NNPLAY_API extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define NNPLAY_API extern "C"  // the desktop window has no JavaScript: nothing calls these
#endif

namespace nnplay::web {
namespace {

// {course, done, open (the lesson's id or ""), title, focus (0-based task or -1), error,
//  panel (the Learn panel is open), tasks: [{title, done, step, steps}]}.
std::string lessons_api_json(App& app) {
    lessons_init(app);
    const LearnState& learn = app.learn;
    const Lesson* lesson = lessons_current(app);
    int done = 0;
    for (const Lesson& l : learn.course)
        for (int t = 0; t < int(l.tasks.size()); ++t) done += lessons_task_done(app, l.id, t);
    std::string tasks;
    if (lesson)
        for (int t = 0; t < int(lesson->tasks.size()); ++t) {
            JsonLine j;
            j.add("title", lesson->tasks[t].title)
                .add("done", lessons_task_done(app, lesson->id, t))
                .add("step", t < int(learn.progress.size()) ? learn.progress[t].step : 0)
                .add("steps", int(lesson->tasks[t].steps.size()));
            tasks += (tasks.empty() ? "" : ",") + j.str();
        }
    JsonLine j;
    j.add("course", int(learn.course.size()))
        .add("done", done)
        .add("open", lesson ? lesson->id : std::string())
        .add("title", lesson ? lesson->title : std::string())
        .add("focus", learn.focus_task)
        .add("error", learn.error)
        .add("panel", app.view.side_panel == SidePanel::learn);
    std::string line = j.str();
    line.insert(line.size() - 1, ",\"tasks\":[" + tasks + "]");
    return line;
}

}  // namespace
}  // namespace nnplay::web

NNPLAY_API const char* nnplay_api_lessons() {
    using namespace nnplay::web;
    App* app = app_current();
    if (!app) return "{}";
    app_wake(*app);
    app->api_reply = lessons_api_json(*app);
    return app->api_reply.c_str();
}
