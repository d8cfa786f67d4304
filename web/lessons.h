// lessons.h: the course in the page: the built-in lessons (lessons/*.md, compiled in), a
// teacher's own lesson file, the open lesson and its tasks checked live against the run,
// progress kept in the browser, and the lesson links (#lesson=, lessonText=, lessonUrl=).
#pragma once

#include "engine/lesson.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnplay::web {

struct App;

struct LearnState {
    std::vector<Lesson> course;         // the built-in lessons, in order
    std::optional<Lesson> custom;       // a teacher's lesson (a file or a link)
    std::string custom_text;            // ... its text, for sharing it by link
    int open = -1;                      // the lesson shown: an index of course, kCustom, or -1
    int focus_task = -1;                // the task a link pointed at (&step=k), or -1
    std::vector<TaskProgress> progress; // the open lesson's tasks, this visit
    std::vector<int> hints_shown;       // per task of the open lesson
    std::vector<bool> answer_shown;
    std::vector<std::pair<std::string, unsigned>> done;  // lesson id → tasks done (bit per task)
    std::string error;                  // the last bad lesson file or link, with its line
    bool initialised = false;
    static constexpr int kCustom = -2;
    // The address (session 7, learnfix): the step (1-based task) the lesson's link names, and
    // the lessonUrl a teacher's lesson came from ("" for a file or lessonText).
    int step = 1;
    std::string custom_url;
};

// Reads the built-in lessons and the saved progress (once).
void lessons_init(App& app);

// The lesson shown, or null.
const Lesson* lessons_current(const App& app);

// Opens a lesson (index into course, or LearnState::kCustom) in the Learn panel.
void lessons_open(App& app, int index);

// Loads the open lesson's starting state (the "Start" button) and restarts its tasks.
void lessons_start(App& app);

// Checks the open lesson's tasks against the run now (trainer_changed calls it).
void lessons_follow(App& app);

// A lesson file's text, opened by the teacher (the File menu) or from a link: opens it, or
// puts the error (with its line) in the status line and the Learn panel.
void lessons_open_text(App& app, std::string_view name, std::string_view text);

// Takes a link that names a lesson (lesson=<id>[&step=<k>], lessonText=<base64url>,
// lessonUrl=<relative path>): opens it and returns true; false for any other link.
bool lessons_take_link(App& app, std::string_view query);

// Whether task t of the lesson with this id is done (saved progress).
bool lessons_task_done(const App& app, const std::string& id, int task);

// Forgets every lesson's progress (and the browser's copy).
void lessons_reset_progress(App& app);

// A link to the open lesson: lesson=<id> for a built-in one, lessonText=... for a teacher's
// lesson small enough to embed; "" when it is too large (then share the file's address).
std::string lessons_share_query(const App& app);

// What the address shows while a lesson is open in the Learn panel: lesson=<id>&step=<n>
// (lessonUrl=... or lessonText=... for a teacher's lesson); "" otherwise (the state's link).
std::string lessons_address_query(const App& app);

// base64url without padding, and back (false for any other character).
std::string base64url_encode(std::string_view bytes);
bool base64url_decode(std::string_view text, std::string& out);

}  // namespace nnplay::web
