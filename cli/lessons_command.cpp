// lessons_command.cpp: `nnplay lessons`, the course's files seen from the command line:
// --list prints the table of contents; --check reads every lesson and trains each task's
// reference solution, failing when one does not reach its target (so `make test` proves them).
#include "cli/commands.h"

#include "engine/lesson.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace nnplay::cli {

namespace {

struct LessonFile {
    std::string path;
    Lesson lesson;
};

// Reads every *.md of dir except README.md, in lesson order. False (errors on stderr) when
// the folder or a file cannot be read or a lesson is bad.
bool read_course(const std::string& dir, std::vector<LessonFile>& course) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        std::fprintf(stderr, "nnplay lessons: '%s' is not a folder\n", printable(dir).c_str());
        return false;
    }
    std::vector<std::string> paths;
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".md" && e.path().filename() != "README.md") paths.push_back(e.path().string());
    std::sort(paths.begin(), paths.end());
    bool ok = true;
    std::set<std::string> ids;
    for (const std::string& path : paths) {
        std::string text, error;
        if (!read_text_file(path, kLessonMaxBytes, text, error)) {
            std::fprintf(stderr, "nnplay lessons: %s: %s\n", printable(path).c_str(), error.c_str());
            ok = false;
            continue;
        }
        Result<Lesson> lesson = parse_lesson(text);
        if (!lesson) {
            std::fprintf(stderr, "nnplay lessons: %s: %s\n", printable(path).c_str(), lesson.error.message().c_str());
            ok = false;
            continue;
        }
        if (!ids.insert(lesson->id).second) {
            std::fprintf(stderr, "nnplay lessons: %s: the id '%s' is used by another lesson\n",
                         printable(path).c_str(), lesson->id.c_str());
            ok = false;
            continue;
        }
        course.push_back({path, std::move(*lesson)});
    }
    std::stable_sort(course.begin(), course.end(),
                     [](const LessonFile& a, const LessonFile& b) { return a.lesson.order < b.lesson.order; });
    if (ok && course.empty()) {
        std::fprintf(stderr, "nnplay lessons: no lesson files (*.md) in '%s'\n", printable(dir).c_str());
        return false;
    }
    return ok;
}

}  // namespace

int run_lessons(const LessonsOptions& options) {
    std::vector<LessonFile> course;
    const bool read = read_course(options.dir, course);
    if (!options.check) {
        for (const LessonFile& f : course)
            std::printf("%4d  %-24s %-48s %zu task%s\n", f.lesson.order, f.lesson.id.c_str(), f.lesson.title.c_str(),
                        f.lesson.tasks.size(), f.lesson.tasks.size() == 1 ? "" : "s");
        return read ? kExitOk : kExitFailure;
    }
    int tasks = 0, failed = 0;
    for (const LessonFile& f : course) {
        for (std::size_t t = 0; t < f.lesson.tasks.size(); ++t) {
            const LessonTask& task = f.lesson.tasks[t];
            const auto start = std::chrono::steady_clock::now();
            const std::string problem = check_task(task);
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            ++tasks;
            if (problem.empty()) {
                std::printf("ok    %s task %zu '%s' (%.2f s)\n", f.lesson.id.c_str(), t + 1, task.title.c_str(), seconds);
            } else {
                ++failed;
                std::printf("FAIL  %s task %zu '%s': %s\n", f.lesson.id.c_str(), t + 1, task.title.c_str(), problem.c_str());
                std::fprintf(stderr, "nnplay lessons: %s: task %zu '%s' (line %d): %s\n", printable(f.path).c_str(),
                             t + 1, task.title.c_str(), task.line, problem.c_str());
            }
        }
    }
    std::printf("%zu lessons, %d tasks, %d failed%s\n", course.size(), tasks, failed,
                read ? "" : " (and some files could not be read)");
    return read && failed == 0 ? kExitOk : kExitFailure;
}

}  // namespace nnplay::cli
