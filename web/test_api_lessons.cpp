// test_api_lessons.cpp: the test API of the lessons (web/lessons.h): what the Learn panel
// shows and knows, for tests/browser/lessons.test.mjs (window.nnplay.lessons()).
#include "web/test_api.h"

#include "web/app.h"

#include <string>

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
    const int task_count = lesson ? int(lesson->tasks.size()) : 0;
    append_json_array_n(tasks, task_count, ",", [&](std::string& out, int t) {
        out += JsonLine()
                   .add("title", lesson->tasks[t].title)
                   .add("done", lessons_task_done(app, lesson->id, t))
                   .add("step", t < int(learn.progress.size()) ? learn.progress[t].step : 0)
                   .add("steps", int(lesson->tasks[t].steps.size()))
                   .str();
    });
    JsonLine j;
    j.add("course", int(learn.course.size()))
        .add("done", done)
        .add("open", lesson ? lesson->id : std::string())
        .add("title", lesson ? lesson->title : std::string())
        .add("focus", learn.focus_task)
        .add("error", learn.error)
        .add("panel", app.view.side_panel == SidePanel::learn);
    return j.add_json("tasks", tasks).str();
}

}  // namespace
}  // namespace nnplay::web

NNPLAY_API const char* nnplay_api_lessons() {
    using namespace nnplay::web;
    App* app = api_app();
    return app ? reply(*app, lessons_api_json(*app)) : "{}";
}
